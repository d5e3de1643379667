using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Proving.Ethrex.Coordinator;
using Proving.Ethrex.Protocol;
using Proving.Ethrex.Prover;
using Proving.Ethrex.Transport;
using Proving.Hosts.Common.Retry;

namespace Proving.Hosts.Tests.Ethrex;

/// <summary>A logger that keeps every formatted line, for assertions on what a component logged.</summary>
public sealed class ListLogger : ILogger
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _lines.Enqueue($"{logLevel}: {formatter(state, exception)}");

    public bool Contains(string fragment) => _lines.Any(l => l.Contains(fragment, StringComparison.Ordinal));

    public int Count(string fragment) => _lines.Count(l => l.Contains(fragment, StringComparison.Ordinal));
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>A temporary folder removed at dispose.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "proving-ethrex-" + Guid.NewGuid().ToString("N")[..12]);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Shared building blocks of the ethrex tests: inputs, an in-process coordinator, prover clients.</summary>
internal static class EthrexTestKit
{
    public static string TestProver => System.IO.Path.Combine(RepoPaths.Root, "tests", "Proving.Hosts.Tests", "Ethrex", "test-prover.sh");

    /// <summary>A small ProverInputData-shaped JSON (spec §6) that differs per batch, compact.</summary>
    public static byte[] Input(ulong batch, string tag = "") => Encoding.UTF8.GetBytes(
        "{\"blocks\":[{\"header\":{\"number\":\"0x" + batch.ToString("x") + "\",\"extraData\":\"0x" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(tag)) + "\"},\"body\":{\"transactions\":[],\"uncles\":[],\"withdrawals\":null}}]," +
        "\"execution_witness\":{\"codes\":[[96,0]],\"block_headers_bytes\":[],\"first_block_number\":" + batch + ",\"keys\":[]}," +
        "\"elasticity_multiplier\":2,\"blob_commitment\":[" + string.Join(",", Enumerable.Repeat(0, 48)) + "],\"blob_proof\":[" + string.Join(",", Enumerable.Repeat(1, 48)) + "],\"fee_configs\":[]}");

    /// <summary>The proof <c>test-prover.sh</c> writes for an input (G7/G8).</summary>
    public static byte[] ExpectedTestProof(ProverType type, byte[] input) =>
        new ProofCalldata(type, [new CalldataValue.Bytes(SHA256.HashData(input))]).ToJson();

    public static CoordinatorOptions CoordinatorOptions(string db, ProtocolGeneration generation = ProtocolGeneration.G8, string commit = "abc1234",
        ProverType[]? needed = null, TimeSpan? proverTimeout = null, TransportLimits? limits = null, int maxConnections = 256) =>
        new("127.0.0.1", 0, generation, commit, needed ?? [ProverType.Exec], proverTimeout ?? TimeSpan.FromMinutes(10), ProofFormat.Groth16,
            ProverType.Exec, db, limits ?? TransportLimits.CoordinatorDefault, maxConnections);

    public static ProverOptions ProverOptions(CoordinatorEndpoint endpoint, string stateDir, string commit = "abc1234") =>
        new([endpoint], commit, TimeSpan.FromMilliseconds(100), new TransportLimits(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60), 256L << 20),
            System.IO.Path.Combine(stateDir, "pending"), new ExponentialBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500)), TimeSpan.Zero);

    public static CommandBackend TestBackend(ProverType type, string workDir, ILogger log, params string[] args) =>
        new(TestProver, args, type, CommandOutput.Json, workDir, TimeSpan.FromSeconds(60), 1 << 20, log);

    /// <summary>A TCP port free at the time of the call.</summary>
    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    /// <summary>Polls <paramref name="condition"/> every 50 ms; fails the test after <paramref name="seconds"/>.</summary>
    public static async Task WaitUntil(Func<bool> condition, double seconds, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"timed out after {seconds} s waiting for {what}");
            await Task.Delay(50);
        }
    }

    /// <summary>Sends raw bytes as one request (optionally without half-closing) and returns what came back.</summary>
    public static async Task<byte[]> RawExchange(int port, byte[] request, bool halfClose = true, int timeoutMs = 10_000)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, port);
        await socket.SendAsync(request, SocketFlags.None);
        if (halfClose) socket.Shutdown(SocketShutdown.Send);
        return await MessageStream.ReadToEndAsync(socket, 1 << 26, TimeSpan.FromMilliseconds(timeoutMs), CancellationToken.None);
    }
}

/// <summary>An in-process coordinator on a free loopback port with a capturing logger and its own SQLite file.</summary>
internal sealed class InProcessCoordinator : IAsyncDisposable
{
    private readonly CoordinatorServer _server;

    public InProcessCoordinator(CoordinatorOptions options)
    {
        Options = options;
        Store = new CoordinatorStore(options.DatabasePath);
        Service = new CoordinatorService(Store, options, Log);
        _server = new CoordinatorServer(options, Service, Log);
        _server.Start();
    }

    public CoordinatorOptions Options { get; }
    public CoordinatorStore Store { get; }
    public CoordinatorService Service { get; }
    public ListLogger Log { get; } = new();
    public int Port => _server.Port;

    public CoordinatorEndpoint Endpoint => new("127.0.0.1", Port, Options.Generation);

    public void AddInput(ulong batch, string version, byte[] input) => Store.InTransaction(() => Store.PutInput(batch, version, input));

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        Store.Dispose();
    }
}
