using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Proving.Hosts.Tests.Ethrex;

/// <summary>
/// The built <c>proving-ethrex</c> host run as a real process (<c>dotnet proving-ethrex.dll …</c>), with its output
/// collected; killed at dispose so no test leaves a process behind.
/// </summary>
internal sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private HostProcess(IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in env ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        start.ArgumentList.Add(Dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => { if (e.Data != null) _lines.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data != null) _lines.Enqueue(e.Data); };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static string Dll
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "proving-ethrex.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("proving-ethrex.dll is not beside the tests; build the solution", path);
        }
    }

    public static HostProcess Start(params string[] args) => new(args);

    /// <summary>Starts the host with extra environment variables (ethrex's configuration names).</summary>
    public static HostProcess StartWithEnvironment(IReadOnlyDictionary<string, string> env, params string[] args) => new(args, env);

    /// <summary>Runs a short command to completion and returns its exit code and output.</summary>
    public static (int Code, string Output) Run(params string[] args)
    {
        using var p = new HostProcess(args);
        if (!p._process.WaitForExit(60_000))
            throw new TimeoutException("proving-ethrex " + string.Join(' ', args) + " did not finish within 60 s");
        p._process.WaitForExit();
        return (p._process.ExitCode, p.Output);
    }

    public string Output => string.Join('\n', _lines);

    public bool HasExited => _process.HasExited;

    public int Count(string fragment) => _lines.Count(l => l.Contains(fragment, StringComparison.Ordinal));

    public Task WaitFor(string fragment, double seconds = 30) =>
        EthrexTestKit.WaitUntil(() => Count(fragment) > 0 || _process.HasExited, seconds, $"'{fragment}'").ContinueWith(t =>
        {
            t.GetAwaiter().GetResult();
            if (Count(fragment) == 0)
                throw new InvalidOperationException($"process exited (code {_process.ExitCode}) before logging '{fragment}':\n{Output}");
        }, TaskScheduler.Default);

    /// <summary>SIGTERM, as a service manager stops a service; returns the exit code.</summary>
    public int Terminate(int timeoutMs = 20_000)
    {
        if (Kill(_process.Id, 15) != 0)
            throw new InvalidOperationException("kill(SIGTERM) failed: errno " + Marshal.GetLastPInvokeError());
        if (!_process.WaitForExit(timeoutMs))
            throw new TimeoutException("the process did not stop on SIGTERM");
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no chance to clean up, as in a crash.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    public void Dispose()
    {
        try { Kill(); } catch (InvalidOperationException) { }
        _process.Dispose();
    }
}
