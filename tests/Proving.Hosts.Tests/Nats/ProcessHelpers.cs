using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Proving.Hosts.Tests.Nats;

/// <summary>Ports, signals and waiting helpers for tests that run servers and roles as processes.</summary>
internal static class ProcessHelpers
{
    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago.</summary>
    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    /// <summary>Sends SIGTERM.</summary>
    public static void Terminate(Process p)
    {
        if (!p.HasExited) kill(p.Id, 15);
    }

    /// <summary>Polls <paramref name="condition"/> every 50 ms until true; fails the test after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"timed out after {timeout.TotalSeconds:0} s waiting for {what}");
            await Task.Delay(50);
        }
    }

    /// <summary>Synchronous overload of <see cref="WaitUntilAsync(Func{Task{bool}}, TimeSpan, string)"/>.</summary>
    public static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout, what);

    /// <summary>Starts a process whose stdout and stderr lines are collected.</summary>
    public static (Process Process, ConcurrentQueue<string> Lines) StartCollecting(ProcessStartInfo psi, string? logFile = null, ConcurrentQueue<string>? into = null)
    {
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        var lines = into ?? new ConcurrentQueue<string>();
        var p = new Process { StartInfo = psi };
        var sync = new object();
        void On(string? line)
        {
            if (line == null) return;
            lines.Enqueue(line);
            if (logFile != null) lock (sync) File.AppendAllText(logFile, line + "\n");
        }
        p.OutputDataReceived += (_, e) => On(e.Data);
        p.ErrorDataReceived += (_, e) => On(e.Data);
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return (p, lines);
    }

    /// <summary>Kills the process (and its children) if it still runs, and waits for it.</summary>
    public static void KillTree(Process p)
    {
        try
        {
            if (!p.HasExited) p.Kill(entireProcessTree: true);
            p.WaitForExit(5000);
        }
        catch (InvalidOperationException) { }
    }
}
