using System.Text;
using System.Security.Cryptography;
using Proving.Ethrex.Protocol;
using Proving.Ethrex.Prover;
using Proving.Ethrex.Transport;

namespace Proving.Hosts.Tests.Ethrex;

/// <summary>Prover clients with the command backend (test-prover.sh) against in-process coordinators over loopback.</summary>
[Collection("ethrex-network")]
public class LoopbackTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private sealed class RunningProver : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _run;

        public RunningProver(ProverOptions options, IProverBackend backend)
        {
            Client = new ProverClient(options, backend, Log);
            _run = Task.Run(() => Client.RunAsync(_stop.Token));
        }

        public ListLogger Log { get; } = new();
        public ProverClient Client { get; }

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            await _run;
            _stop.Dispose();
        }
    }

    private RunningProver StartProver(ProverType type, string name, IReadOnlyList<CoordinatorEndpoint> endpoints, string commit = "abc1234", params string[] args)
    {
        var state = Path.Combine(_dir.Path, name);
        var options = EthrexTestKit.ProverOptions(endpoints[0], state, commit) with { Endpoints = endpoints };
        var log = new ListLogger();
        return new RunningProver(options, EthrexTestKit.TestBackend(type, Path.Combine(state, "work"), log, args));
    }

    [Fact]
    public async Task Two_provers_of_one_type_get_different_batches()
    {
        await using var c = new InProcessCoordinator(EthrexTestKit.CoordinatorOptions(_dir.File("c.db"), needed: [ProverType.SP1]));
        c.AddInput(1, "abc1234", EthrexTestKit.Input(1));
        c.AddInput(2, "abc1234", EthrexTestKit.Input(2));
        var started = _dir.File("started");
        var release = _dir.File("release");
        await using (var a = StartProver(ProverType.SP1, "a", [c.Endpoint], args: ["--started", started, "--wait-for", release]))
        await using (var b = StartProver(ProverType.SP1, "b", [c.Endpoint], args: ["--started", started, "--wait-for", release]))
        {
            // Both provers hold a batch at the same time, and they hold different ones.
            await EthrexTestKit.WaitUntil(() => File.Exists(started) && File.ReadAllLines(started).Length == 2, 30, "two provers proving");
            Assert.Equal(["1", "2"], File.ReadAllLines(started).Order());
            File.WriteAllText(release, "");
            await EthrexTestKit.WaitUntil(() => c.Store.Proofs().Count == 2, 30, "two proofs stored");
        }
        foreach (var batch in new ulong[] { 1, 2 })
            Assert.Equal(EthrexTestKit.ExpectedTestProof(ProverType.SP1, EthrexTestKit.Input(batch)), c.Store.GetProof(batch, ProverType.SP1));
        Assert.Equal(2, File.ReadAllLines(started).Length);   // nobody proved a batch twice
    }

    [Fact]
    public async Task Provers_of_different_types_both_prove_the_same_batch()
    {
        await using var c = new InProcessCoordinator(EthrexTestKit.CoordinatorOptions(_dir.File("c.db"), needed: [ProverType.SP1, ProverType.RISC0]));
        c.AddInput(1, "abc1234", EthrexTestKit.Input(1));
        await using (StartProver(ProverType.SP1, "sp1", [c.Endpoint]))
        await using (StartProver(ProverType.RISC0, "risc0", [c.Endpoint]))
            await EthrexTestKit.WaitUntil(() => c.Store.Proofs().Count == 2, 30, "SP1 and RISC0 proofs of batch 1");
        Assert.Equal(EthrexTestKit.ExpectedTestProof(ProverType.SP1, EthrexTestKit.Input(1)), c.Store.GetProof(1, ProverType.SP1));
        Assert.Equal(EthrexTestKit.ExpectedTestProof(ProverType.RISC0, EthrexTestKit.Input(1)), c.Store.GetProof(1, ProverType.RISC0));
    }

    [Fact]
    public async Task A_prover_of_another_version_gets_VersionMismatch()
    {
        await using var c = new InProcessCoordinator(EthrexTestKit.CoordinatorOptions(_dir.File("c.db"), needed: [ProverType.SP1]));
        c.AddInput(1, "abc1234", EthrexTestKit.Input(1));
        await using (var p = StartProver(ProverType.SP1, "old", [c.Endpoint], commit: "0ld0000"))
        {
            await EthrexTestKit.WaitUntil(() => p.Log.Count("version mismatch") >= 2, 30, "two version-mismatch warnings");
            Assert.Contains(p.Log.Lines, l => l.StartsWith("Warning: ", StringComparison.Ordinal) && l.Contains("version mismatch"));
        }
        Assert.Empty(c.Store.Proofs());
        Assert.True(c.Log.Contains("version mismatch: prover 0ld0000, coordinator abc1234"));
    }

    [Fact]
    public async Task An_unneeded_type_is_skipped_and_the_other_coordinators_still_served()
    {
        await using var risc0Only = new InProcessCoordinator(EthrexTestKit.CoordinatorOptions(_dir.File("a.db"), needed: [ProverType.RISC0]));
        await using var sp1 = new InProcessCoordinator(EthrexTestKit.CoordinatorOptions(_dir.File("b.db"), needed: [ProverType.SP1]));
        risc0Only.AddInput(1, "abc1234", EthrexTestKit.Input(1));
        sp1.AddInput(1, "abc1234", EthrexTestKit.Input(1, "b"));
        await using (var p = StartProver(ProverType.SP1, "p", [risc0Only.Endpoint, sp1.Endpoint]))
        {
            await EthrexTestKit.WaitUntil(() => sp1.Store.Proofs().Count == 1 && p.Log.Count("not needed") >= 2, 30, "a proof at the second coordinator");
            Assert.Contains(p.Log.Lines, l => l.StartsWith("Error: ", StringComparison.Ordinal) && l.Contains($"127.0.0.1:{risc0Only.Port}") && l.Contains("SP1 is not needed"));
        }
        Assert.Empty(risc0Only.Store.Proofs());
    }

    [Fact]
    public async Task G0_client_and_coordinator_complete_a_round()
    {
        await using var c = new InProcessCoordinator(EthrexTestKit.CoordinatorOptions(_dir.File("c.db"), generation: ProtocolGeneration.G0));
        c.AddInput(1, "abc1234", EthrexTestKit.Input(1));
        await using (StartProver(ProverType.Exec, "g0", [c.Endpoint]))
            await EthrexTestKit.WaitUntil(() => c.Store.Proofs().Count == 1, 30, "the G0 proof");
        var digest = string.Join(",", SHA256.HashData(EthrexTestKit.Input(1)));
        Assert.Equal($"[{{\"journal\":[{digest}]}},[1,2,3,4,5,6,7,8]]", Encoding.UTF8.GetString(c.Store.GetProof(1, ProverType.Exec)!));
        Assert.True(c.Log.Contains("stored the Exec proof of batch 1"));
    }

    [Fact]
    public async Task One_prover_serves_a_G7_and_a_G8_coordinator()
    {
        await using var g7 = new InProcessCoordinator(EthrexTestKit.CoordinatorOptions(_dir.File("g7.db"), generation: ProtocolGeneration.G7));
        await using var g8 = new InProcessCoordinator(EthrexTestKit.CoordinatorOptions(_dir.File("g8.db")));
        g7.AddInput(3, "abc1234", EthrexTestKit.Input(3));
        g7.Store.InTransaction(() => { g7.Store.SetLatestSent(2); return 0; });
        g8.AddInput(1, "abc1234", EthrexTestKit.Input(1));
        var g7Url = CoordinatorEndpoint.Parse($"tcp://127.0.0.1:{g7.Port}?protocol=g7", ProtocolGeneration.G8);
        await using (StartProver(ProverType.Exec, "p", [g7Url, g8.Endpoint]))
            await EthrexTestKit.WaitUntil(() => g7.Store.Proofs().Count == 1 && g8.Store.Proofs().Count == 1, 30, "proofs at both coordinators");
        Assert.Equal(EthrexTestKit.ExpectedTestProof(ProverType.Exec, EthrexTestKit.Input(3)), g7.Store.GetProof(3, ProverType.Exec));
    }

    [Fact]
    public async Task A_batch_assigned_again_is_not_proved_again()
    {
        await using var c = new InProcessCoordinator(EthrexTestKit.CoordinatorOptions(_dir.File("c.db"), proverTimeout: TimeSpan.FromMilliseconds(300)));
        c.AddInput(1, "abc1234", EthrexTestKit.Input(1));
        var started = _dir.File("started");
        var log = new ListLogger();
        var options = EthrexTestKit.ProverOptions(c.Endpoint, _dir.File("p")) with { HoldFirstSubmit = TimeSpan.FromMinutes(5) };
        var client = new ProverClient(options, EthrexTestKit.TestBackend(ProverType.Exec, _dir.File("p/work"), log, "--started", started), log);
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => client.RunAsync(stop.Token));
        try
        {
            // The first submit is held back; the lease runs out, the batch comes back, the saved proof goes out.
            await EthrexTestKit.WaitUntil(() => c.Store.Proofs().Count == 1, 30, "the proof of batch 1");
        }
        finally
        {
            stop.Cancel();
            await run;
        }
        Assert.True(log.Contains("batch 1 is already proved; submitting the saved proof now"));
        Assert.Equal(["1"], File.ReadAllLines(started));
        Assert.Equal(EthrexTestKit.ExpectedTestProof(ProverType.Exec, EthrexTestKit.Input(1)), c.Store.GetProof(1, ProverType.Exec));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_large_input_travels_intact()
    {
        // A ProverInputData-like document dominated by a byte array written as numbers, as real inputs are.
        var size = TestScale.Pick(4 << 20, 96 << 20);
        var rng = new Random(7);
        var sb = new StringBuilder("{\"execution_witness\":{\"codes\":[[");
        while (sb.Length < size)
            sb.Append(rng.Next(256)).Append(',');
        sb.Append("0]]},\"elasticity_multiplier\":2}");
        var input = Encoding.UTF8.GetBytes(sb.ToString());
        await using var c = new InProcessCoordinator(EthrexTestKit.CoordinatorOptions(_dir.File("c.db")));
        c.AddInput(1, "abc1234", input);
        await using (StartProver(ProverType.Exec, "big", [c.Endpoint]))
            await EthrexTestKit.WaitUntil(() => c.Store.Proofs().Count == 1, 120, "the proof of the large batch");
        Assert.Equal(EthrexTestKit.ExpectedTestProof(ProverType.Exec, input), c.Store.GetProof(1, ProverType.Exec));
    }

    [Fact]
    public async Task A_failing_prover_submits_nothing_and_says_why()
    {
        await using var c = new InProcessCoordinator(EthrexTestKit.CoordinatorOptions(_dir.File("c.db")));
        c.AddInput(1, "abc1234", EthrexTestKit.Input(1));
        var log = new ListLogger();
        var backend = EthrexTestKit.TestBackend(ProverType.Exec, _dir.File("work"), log, "--fail");
        var client = new ProverClient(EthrexTestKit.ProverOptions(c.Endpoint, _dir.Path), backend, log);
        await client.PollAsync(c.Endpoint, CancellationToken.None);
        Assert.Contains(log.Lines, l => l.Contains("proving batch 1 failed") && l.Contains("exited with code 3") && l.Contains("asked to fail"));
        Assert.Empty(c.Store.Proofs());
        Assert.Empty(Directory.GetFiles(Path.Combine(_dir.Path, "pending")));
    }

    [Fact]
    public async Task An_unreachable_coordinator_is_logged_and_skipped()
    {
        var log = new ListLogger();
        var dead = new CoordinatorEndpoint("127.0.0.1", EthrexTestKit.FreePort(), ProtocolGeneration.G8);
        var client = new ProverClient(EthrexTestKit.ProverOptions(dead, _dir.Path), EthrexTestKit.TestBackend(ProverType.Exec, _dir.File("w"), log), log);
        await client.PollAsync(dead, CancellationToken.None);
        Assert.Contains(log.Lines, l => l.StartsWith("Warning: ", StringComparison.Ordinal) && l.Contains("request failed"));
    }
}
