using System.Collections.Concurrent;
using System.Diagnostics;

namespace Proving.Hosts.Tests.Nats;

/// <summary>A <c>proving-nats &lt;role&gt;</c> process (the built dll run with <c>dotnet</c>), its output collected and logged to a file.</summary>
public sealed class RoleProcess : IDisposable
{
    private readonly Process _process;

    private RoleProcess(string name, Process process, ConcurrentQueue<string> lines)
    {
        Name = name;
        _process = process;
        Lines = lines;
    }

    /// <summary>Name given at start (also the log file's name).</summary>
    public string Name { get; }

    /// <summary>Output lines.</summary>
    public ConcurrentQueue<string> Lines { get; }

    /// <summary>Process id.</summary>
    public int Pid => _process.Id;

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>proving-nats.dll next to the test assembly, or in the host's Release output.</summary>
    public static string Dll
    {
        get
        {
            var local = Path.Combine(AppContext.BaseDirectory, "proving-nats.dll");
            if (File.Exists(local)) return local;
            var built = Path.Combine(RepoPaths.Root, "src", "Hosts", "Proving.Nats", "bin", "Release", "net10.0", "proving-nats.dll");
            return File.Exists(built) ? built : throw new FileNotFoundException("proving-nats.dll is not built", built);
        }
    }

    /// <summary>Starts <paramref name="role"/> with the given environment added to this process's.</summary>
    public static RoleProcess Start(string role, string name, string logDir, IReadOnlyDictionary<string, string> env)
    {
        var psi = new ProcessStartInfo(RepoPaths.OnPath("dotnet"));
        psi.ArgumentList.Add(Dll);
        psi.ArgumentList.Add(role);
        foreach (var (k, v) in env) psi.Environment[k] = v;
        var (p, lines) = ProcessHelpers.StartCollecting(psi, Path.Combine(logDir, name + ".log"));
        return new RoleProcess(name, p, lines);
    }

    /// <summary>Number of output lines containing <paramref name="text"/>.</summary>
    public int Count(string text) => Lines.Count(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>Waits until a line contains <paramref name="text"/>; fails if the process exits first.</summary>
    public Task WaitForAsync(string text, TimeSpan timeout) => ProcessHelpers.WaitUntilAsync(() =>
    {
        if (Count(text) > 0) return true;
        if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{string.Join("\n", Lines)}");
        return false;
    }, timeout, $"'{text}' from {Name}");

    /// <summary>kill -9.</summary>
    public void Kill9() => ProcessHelpers.KillTree(_process);

    /// <summary>SIGTERM, then wait (kill -9 after 10 s).</summary>
    public async Task StopAsync()
    {
        ProcessHelpers.Terminate(_process);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await _process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { Kill9(); }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        ProcessHelpers.KillTree(_process);
        _process.Dispose();
    }
}
