using System.Runtime.InteropServices;

namespace Proving.Ethrex.Cli;

/// <summary>
/// Turns SIGINT and SIGTERM into a cancellation token, so the services stop cleanly (close the listener, flush the
/// log, close SQLite) and the process exits 0 instead of being terminated with 130/143.
/// </summary>
internal sealed class Shutdown : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly PosixSignalRegistration[] _registrations;

    public Shutdown()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    public CancellationToken Token => _cts.Token;

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;   // keep the process alive until the services have stopped
        _cts.Cancel();
    }

    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
        _cts.Dispose();
    }
}
