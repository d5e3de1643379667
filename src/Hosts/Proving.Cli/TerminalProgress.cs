using System.Diagnostics;
using Proving.Core.Groth16;

namespace Proving.Cli;

/// <summary>
/// Renders <see cref="ProverProgress"/> reports as one status line that rewrites itself with a carriage return
/// ("[  3.2 s] reading key: B2 points  45%"), at most about ten times a second plus once per step change, and erases
/// it on <see cref="Dispose"/>. Only for a terminal: <see cref="ForStandardError"/> gives none when stderr is
/// redirected, so scripts that capture the output see nothing extra.
/// </summary>
internal sealed class TerminalProgress : IProgress<ProverProgress>, IDisposable
{
    private readonly TextWriter _out;
    private readonly TimeSpan _interval;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private TimeSpan _lastWrite;
    private string? _lastStep;
    private int _width;

    /// <param name="output">Where the line goes (stderr).</param>
    /// <param name="interval">The least time between two lines of the same step (default 100 ms); a step's first and last
    /// report are always shown.</param>
    public TerminalProgress(TextWriter output, TimeSpan? interval = null)
    {
        _out = output;
        _interval = interval ?? TimeSpan.FromMilliseconds(100);
    }

    /// <summary>A renderer on stderr when stderr is a terminal; null when it is redirected (a file or a pipe).</summary>
    public static TerminalProgress? ForStandardError() => Console.IsErrorRedirected ? null : new TerminalProgress(Console.Error);

    public void Report(ProverProgress value)
    {
        lock (_gate)
        {
            var now = _clock.Elapsed;
            bool newStep = value.Step != _lastStep;
            if (!newStep && !value.IsStepDone && now - _lastWrite < _interval) return;
            _lastStep = value.Step;
            _lastWrite = now;
            string verb = value.Phase == ProverPhase.ReadKey ? "reading key" : "proving";
            Write($"[{now.TotalSeconds,6:F1} s] {verb}: {value.Step} {value.Fraction * 100,3:F0}%");
        }
    }

    /// <summary>Erases the status line.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_width > 0) _out.Write("\r" + new string(' ', _width) + "\r");
            _out.Flush();
            _width = 0;
        }
    }

    private void Write(string line)
    {
        // pad over a longer previous line instead of relying on terminal escape sequences
        _out.Write("\r" + line.PadRight(_width));
        _out.Flush();
        _width = Math.Max(_width, line.Length);
    }
}
