using Proving.Ethrex.Coordinator;
using Proving.Ethrex.Protocol;

namespace Proving.Hosts.Tests.Ethrex;

/// <summary>
/// Kill/restart checks with real <c>proving-ethrex</c> processes: nothing is lost, every proof is stored exactly
/// once, and leases survive a coordinator restart. Also exercises the operator commands.
/// </summary>
[Collection("ethrex-network")]
public class CrashRecoveryTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Db => _dir.File("coordinator.db");

    private void AddInput(ulong batch)
    {
        var file = _dir.File($"input-{batch}.json");
        File.WriteAllBytes(file, EthrexTestKit.Input(batch));
        var (code, output) = HostProcess.Run("add-input", "--db", Db, "--batch", batch.ToString(), "--version", "abc1234", "--input", file);
        Assert.True(code == 0, output);
        Assert.Contains($"added input of batch {batch} for version abc1234", output);
    }

    private HostProcess Coordinator(int port) => HostProcess.Start("coordinator", "--proof-coordinator.port", port.ToString(), "--db", Db,
        "--commit-hash", "abc1234", "--needed-proof-types", "SP1");

    private HostProcess Prover(int port, string name, params string[] extra) => HostProcess.Start([
        "prover", "--proof-coordinators", $"tcp://127.0.0.1:{port}", "--backend", "command", "--command", EthrexTestKit.TestProver,
        "--prover-type", "SP1", "--commit-hash", "abc1234", "--proving-time", "200", "--state-dir", _dir.File(name),
        "--submit-retry-initial", "200", "--submit-retry-max", "1000", .. extra]);

    private List<(ulong Batch, ProverType Type, long Bytes)> StoredProofs()
    {
        using var store = new CoordinatorStore(Db);
        return [.. store.Proofs()];
    }

    [Fact]
    public async Task Coordinator_killed_mid_proof_loses_nothing_and_stores_each_proof_once()
    {
        var port = EthrexTestKit.FreePort();
        AddInput(1);
        AddInput(2);
        var started = _dir.File("started");
        var release = _dir.File("release");
        var coordinator = Coordinator(port);
        try
        {
            await coordinator.WaitFor("listening");
            using var a = Prover(port, "a", "--command-arg=--started", $"--command-arg={started}", "--command-arg=--wait-for", $"--command-arg={release}");
            await EthrexTestKit.WaitUntil(() => File.Exists(started) && File.ReadAllLines(started).Length == 1, 30, "prover a proving");
            Assert.Equal("1", File.ReadAllLines(started)[0]);

            coordinator.Kill();                                   // mid-proof
            File.WriteAllText(release, "");
            await a.WaitFor("submit of batch 1 failed");          // the proof is kept and retried

            coordinator.Dispose();
            coordinator = Coordinator(port);
            await coordinator.WaitFor("listening");
            await a.WaitFor("proof of batch 1 acknowledged");

            // The lease of batch 1 survived the restart: batch 1 is not proved again (by b, or by a once it is free).
            using var b = Prover(port, "b", "--command-arg=--started", $"--command-arg={started}");
            await EthrexTestKit.WaitUntil(() => StoredProofs().Count == 2, 30, "both proofs stored");
            Assert.Equal(["1", "2"], File.ReadAllLines(started));
            Assert.Equal(1, coordinator.Count("stored the SP1 proof of batch 1"));
            // The coordinator stores a proof before it acknowledges it, and a prover drops its spooled copy only on
            // the acknowledgement; prover a may also have taken batch 2, so its spool empties shortly after.
            await EthrexTestKit.WaitUntil(() => Directory.GetFiles(_dir.File("a/pending")).Length == 0, 30, "prover a's spool emptied");
        }
        finally
        {
            coordinator.Dispose();
        }
        Assert.Equal([(1UL, ProverType.SP1), (2UL, ProverType.SP1)], StoredProofs().Select(p => (p.Batch, p.Type)));
        using (var store = new CoordinatorStore(Db))
            Assert.Equal(EthrexTestKit.ExpectedTestProof(ProverType.SP1, EthrexTestKit.Input(1)), store.GetProof(1, ProverType.SP1));

        var status = HostProcess.Run("status", "--db", Db);
        Assert.Equal(0, status.Code);
        Assert.Contains("proof  batch 1 type SP1", status.Output);
        Assert.Equal(0, HostProcess.Run("mark-sent", "--db", Db, "--batch", "2").Code);
        Assert.Contains("latest sent: 2", HostProcess.Run("status", "--db", Db).Output);
        var back = HostProcess.Run("mark-sent", "--db", Db, "--batch", "1");
        Assert.Equal(1, back.Code);
        Assert.Contains("only moves forward", back.Output);
    }

    [Fact]
    public async Task Prover_killed_between_proving_and_submitting_submits_after_restart()
    {
        var port = EthrexTestKit.FreePort();
        AddInput(1);
        var started = _dir.File("started");
        using var coordinator = Coordinator(port);
        await coordinator.WaitFor("listening");
        using (var p = Prover(port, "p", "--debug.hold-submit", "60000", "--command-arg=--started", $"--command-arg={started}"))
        {
            await p.WaitFor("proof of batch 1 saved");
            p.Kill();
        }
        Assert.Single(Directory.GetFiles(_dir.File("p/pending"), "*.proof.json"));
        Assert.Empty(StoredProofs());

        using (var p = Prover(port, "p", "--command-arg=--started", $"--command-arg={started}"))
        {
            await p.WaitFor("resubmitting the saved proof of batch 1");
            await p.WaitFor("proof of batch 1 acknowledged");
        }
        Assert.Equal([(1UL, ProverType.SP1)], StoredProofs().Select(x => (x.Batch, x.Type)));
        Assert.Equal(["1"], File.ReadAllLines(started));   // proved once; the restart resubmitted, it did not re-prove
        Assert.Empty(Directory.GetFiles(_dir.File("p/pending")));
    }

    [Fact]
    public void Operator_commands_reject_bad_input()
    {
        var notJson = _dir.File("bad.json");
        File.WriteAllText(notJson, "{\"blocks\":[");
        var r = HostProcess.Run("add-input", "--db", Db, "--batch", "1", "--version", "v", "--input", notJson);
        Assert.Equal(1, r.Code);
        Assert.Contains("not valid JSON", r.Output);
        Assert.Equal(1, HostProcess.Run("add-input", "--db", Db, "--batch", "0", "--version", "v", "--input", notJson).Code);
        Assert.Equal(2, HostProcess.Run("coordinator", "--db", Db).Code);   // no --commit-hash
        Assert.Equal(2, HostProcess.Run("prover", "--commit-hash", "a", "--proof-coordinators", "tcp://host").Code);   // no port

        var busy = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        try
        {
            var port = ((System.Net.IPEndPoint)busy.LocalEndpoint).Port.ToString();
            var inUse = HostProcess.Run("coordinator", "--db", Db, "--commit-hash", "a", "--proof-coordinator.port", port);
            Assert.Equal(1, inUse.Code);
            Assert.Contains("cannot run the coordinator", inUse.Output);
        }
        finally
        {
            busy.Stop();
        }
    }
}
