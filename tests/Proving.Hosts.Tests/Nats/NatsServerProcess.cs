using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;

namespace Proving.Hosts.Tests.Nats;

/// <summary>
/// A real nats-server with JetStream on 127.0.0.1 and a free port, storing in its own temporary folder. It can be
/// stopped, killed and restarted on the same port and store. Disposing kills it and deletes the folder.
/// </summary>
public sealed class NatsServerProcess : IAsyncDisposable
{
    private readonly string[] _extraArgs;
    private Process? _process;

    private NatsServerProcess(string[] extraArgs)
    {
        _extraArgs = extraArgs;
        Port = ProcessHelpers.FreePort();
        Dir = Directory.CreateTempSubdirectory("proving-nats-server-").FullName;
    }

    /// <summary>Client port.</summary>
    public int Port { get; }

    /// <summary>Folder holding the JetStream store and the server log.</summary>
    public string Dir { get; }

    /// <summary>nats://127.0.0.1:port</summary>
    public string Url => $"nats://127.0.0.1:{Port}";

    /// <summary>Server output lines (all runs).</summary>
    public ConcurrentQueue<string> Lines { get; } = new();

    /// <summary>Starts a server; <paramref name="extraArgs"/> go to nats-server (e.g. <c>--user u --pass p</c>).</summary>
    public static async Task<NatsServerProcess> StartAsync(params string[] extraArgs)
    {
        var s = new NatsServerProcess(extraArgs);
        await s.StartAgainAsync();
        return s;
    }

    /// <summary>Starts the server again (after <see cref="Kill"/> or <see cref="StopAsync"/>) on the same port and store.</summary>
    public async Task StartAgainAsync()
    {
        var psi = new ProcessStartInfo(RepoPaths.OnPath("nats-server"));
        foreach (var a in new[] { "-js", "-sd", Path.Combine(Dir, "js"), "-a", "127.0.0.1", "-p", Port.ToString() }.Concat(_extraArgs))
            psi.ArgumentList.Add(a);
        int before = Lines.Count;
        var (p, lines) = ProcessHelpers.StartCollecting(psi, Path.Combine(Dir, "server.log"), Lines);
        _process = p;
        await ProcessHelpers.WaitUntilAsync(async () =>
        {
            if (p.HasExited) throw new InvalidOperationException("nats-server exited: " + string.Join("\n", lines));
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync("127.0.0.1", Port);
                return lines.Skip(before).Any(l => l.Contains("Server is ready"));
            }
            catch (SocketException) { return false; }
        }, TimeSpan.FromSeconds(20), "nats-server to accept connections");
    }

    /// <summary>kill -9.</summary>
    public void Kill()
    {
        if (_process != null) ProcessHelpers.KillTree(_process);
    }

    /// <summary>SIGTERM and wait for exit (a clean shutdown that flushes the store).</summary>
    public async Task StopAsync()
    {
        if (_process == null || _process.HasExited) return;
        ProcessHelpers.Terminate(_process);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await _process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { Kill(); }
    }

    /// <summary>Stops and starts the server again.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAgainAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Kill();
        await Task.Yield();
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>One nats-server shared by the tests of a class (xunit class fixture).</summary>
public sealed class NatsServerFixture : IAsyncLifetime
{
    /// <summary>The server.</summary>
    public NatsServerProcess Server { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() => Server = await NatsServerProcess.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync() => await Server.DisposeAsync();
}
