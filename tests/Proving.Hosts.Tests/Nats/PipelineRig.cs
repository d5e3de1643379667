using Proving.Hosts.Common.Nats;
using Proving.Hosts.Common.Nats.JetStream;
using Proving.Nats;

namespace Proving.Hosts.Tests.Nats;

/// <summary>
/// A whole pipeline of processes for one test: nats-server, anvil, and proving-nats roles with the mock prover.
/// Disposing kills every process and deletes the folder.
/// </summary>
public sealed class PipelineRig : IAsyncDisposable
{
    private readonly List<RoleProcess> _roles = new();
    private NatsConnection? _conn;

    private PipelineRig(NatsServerProcess nats, AnvilProcess anvil, string dir)
    {
        Nats = nats;
        Anvil = anvil;
        Dir = dir;
    }

    /// <summary>The server.</summary>
    public NatsServerProcess Nats { get; }
    /// <summary>The L1 node.</summary>
    public AnvilProcess Anvil { get; }
    /// <summary>Folder with the role logs, the prover log and the collector state (kept when PROVING_KEEP_LOGS=1).</summary>
    public string Dir { get; }
    /// <summary>A JetStream view for assertions.</summary>
    public JetStreamContext Js { get; private set; } = null!;
    /// <summary>Lines "block prover" appended by every successful mock-prover run.</summary>
    public string ProverLog => Path.Combine(Dir, "prover-runs.txt");

    /// <summary>Starts nats-server and anvil, and creates the stream.</summary>
    public static async Task<PipelineRig> StartAsync()
    {
        var nats = await NatsServerProcess.StartAsync();
        var anvil = await AnvilProcess.StartAsync();
        var rig = new PipelineRig(nats, anvil, Directory.CreateTempSubdirectory("proving-pipeline-").FullName);
        rig._conn = await NatsConnection.ConnectAsync(nats.Url);
        rig.Js = new JetStreamContext(rig._conn);
        await rig.Js.EnsureStreamAsync(PipelineStream.Config());
        return rig;
    }

    /// <summary>Starts a role with NATS_URL set and the given variables.</summary>
    public RoleProcess Start(string role, string name, params (string Key, string Value)[] env)
    {
        var vars = new Dictionary<string, string> { ["NATS_URL"] = Nats.Url };
        foreach (var (k, v) in env) vars[k] = v;
        var p = RoleProcess.Start(role, name, Dir, vars);
        _roles.Add(p);
        return p;
    }

    /// <summary>Block collector from <paramref name="nextBlock"/>, polling anvil every 100 ms.</summary>
    public async Task<RoleProcess> BlockCollectorAsync(ulong nextBlock, string name = "block-collector")
    {
        var p = Start("block-collector", name, ("L1_RPC", Anvil.Endpoint.ToString()), ("NEXT_BLOCK", nextBlock.ToString()), ("COLLECT_TIMEOUT_PERIOD_MILLIS", "100"));
        await p.WaitForAsync("block collector: next block", TimeSpan.FromSeconds(60));
        return p;
    }

    /// <summary>A dispatcher running the mock prover.</summary>
    public async Task<RoleProcess> DispatcherAsync(string name, string consumer, string prover, double sleepSeconds, params (string, string)[] extra)
    {
        var env = new List<(string, string)>
        {
            ("CONSUMER_NAME", consumer), ("BINARY", BinaryProverBackendTests.MockProver), ("MOCK_PROVER_NAME", prover),
            ("MOCK_PROVER_SLEEP", sleepSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("MOCK_PROVER_LOG", ProverLog),
        };
        env.AddRange(extra);
        var p = Start("dispatcher", name, [.. env]);
        await p.WaitForAsync("dispatcher " + consumer, TimeSpan.FromSeconds(60));
        return p;
    }

    /// <summary>The proof collector, state in the rig's folder.</summary>
    public async Task<RoleProcess> ProofCollectorAsync()
    {
        var p = Start("proof-collector", "proof-collector", ("STATE_PATH", Path.Combine(Dir, "proof-collector.db")), ("COLLECT_TIMEOUT_PERIOD_MILLIS", "200"));
        await p.WaitForAsync("proof collector on", TimeSpan.FromSeconds(60));
        return p;
    }

    /// <summary>Payloads on a subject.</summary>
    public Task<List<string>> Payloads(string subject) => StreamContents.PayloadsAsync(Js, PipelineStream.Name, subject);

    /// <summary>Successful prover runs so far, as (block, prover).</summary>
    public List<(ulong Block, string Prover)> ProverRuns() => File.Exists(ProverLog)
        ? File.ReadAllLines(ProverLog).Select(l => l.Split(' ')).Select(a => (ulong.Parse(a[0]), a[1])).ToList()
        : [];

    /// <summary>Waits until the proof collector has emitted <paramref name="count"/> proofs.</summary>
    public Task WaitForCompletedAsync(RoleProcess collector, int count, TimeSpan timeout) =>
        ProcessHelpers.WaitUntilAsync(() => collector.Count("completed proof of block") >= count, timeout, $"{count} completed proofs");

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var r in _roles) r.Dispose();
        if (_conn != null) await _conn.DisposeAsync();
        await Anvil.DisposeAsync();
        await Nats.DisposeAsync();
        if (Environment.GetEnvironmentVariable("PROVING_KEEP_LOGS") == "1") return; // keep the role logs for a look
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
