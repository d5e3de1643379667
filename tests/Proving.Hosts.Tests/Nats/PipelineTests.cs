using System.Text;
using Proving.Nats;

namespace Proving.Hosts.Tests.Nats;

/// <summary>
/// The whole pipeline as separate processes (block collector, dispatchers with the mock prover, proof collector)
/// over a real nats-server and anvil, including kill -9 of roles and of the server.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PipelineTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(120);

    private static string Proof(ulong block, string prover) => $"{{\"block\":{block},\"proof\":\"0xff\",\"prover\":\"{prover}\"}}";

    private static IEnumerable<ulong> Blocks(ulong first, int count) => Enumerable.Range(0, count).Select(i => first + (ulong)i);

    [Fact]
    public async Task SplitWork_TwoDispatchersSharingAConsumer_ProveEachBlockExactlyOnce()
    {
        int n = TestScale.Pick(50, 200);
        await using var rig = await PipelineRig.StartAsync();
        var first = await rig.Anvil.Rpc.BlockNumberAsync() + 1;
        var collector = await rig.ProofCollectorAsync();
        var d1 = await rig.DispatcherAsync("mock-prover-1", "mock-prover", "mock-prover", 0.05);
        var d2 = await rig.DispatcherAsync("mock-prover-2", "mock-prover", "mock-prover", 0.05);
        await rig.BlockCollectorAsync(first);
        await rig.Anvil.MineAsync(n);
        await rig.Js.PublishAsync(PipelineStream.BlockProofs, Encoding.UTF8.GetBytes("{\"block\":\"oops\"}"));
        await rig.WaitForCompletedAsync(collector, n, Long);
        await collector.WaitForAsync("rejected malformed", Long);
        await Task.Delay(1000);

        Assert.Equal(Blocks(first, n), rig.ProverRuns().Select(r => r.Block).Order());          // each block proven once
        Assert.Equal(Blocks(first, n).Select(b => b.ToString()), await rig.Payloads(PipelineStream.Blocks));
        Assert.Equal(Blocks(first, n).Select(b => Proof(b, "mock-prover")), (await rig.Payloads(PipelineStream.BlockProofs)).Where(p => !p.Contains("oops")).OrderBy(p => p.Length).ThenBy(p => p));
        Assert.Equal(n, (await rig.Payloads(PipelineStream.CompletedProofs)).Distinct().Count());
        Assert.Equal(n, (await rig.Payloads(PipelineStream.CompletedProofs)).Count);
        Assert.True(d1.Count("proved ") > 0 && d2.Count("proved ") > 0, $"work split {d1.Count("proved ")}/{d2.Count("proved ")}");
        Assert.Equal(n, d1.Count("proved ") + d2.Count("proved "));
    }

    [Fact]
    public async Task DistinctConsumers_EveryProverProvesEveryBlock()
    {
        int n = TestScale.Pick(15, 100);
        string[] provers = ["sp1", "risc0", "zisk"];
        await using var rig = await PipelineRig.StartAsync();
        var first = await rig.Anvil.Rpc.BlockNumberAsync() + 1;
        var collector = await rig.ProofCollectorAsync();
        foreach (var p in provers) await rig.DispatcherAsync(p, p + "-prover", p, 0.05);
        await rig.BlockCollectorAsync(first);
        await rig.Anvil.MineAsync(n);
        await rig.WaitForCompletedAsync(collector, 3 * n, Long);
        await Task.Delay(1000);

        var expected = Blocks(first, n).SelectMany(b => provers.Select(p => Proof(b, p))).Order().ToList();
        Assert.Equal(expected, (await rig.Payloads(PipelineStream.CompletedProofs)).Order());
        Assert.Equal(expected, (await rig.Payloads(PipelineStream.BlockProofs)).Order());
        Assert.Equal(3 * n, rig.ProverRuns().Count);
    }

    [Fact]
    public async Task KilledDispatcherMidProof_BlockIsRedeliveredAndCompletedOnce()
    {
        await using var rig = await PipelineRig.StartAsync();
        var first = await rig.Anvil.Rpc.BlockNumberAsync() + 1;
        var collector = await rig.ProofCollectorAsync();
        var victim = await rig.DispatcherAsync("victim", "mock-prover", "mock-prover", 4, ("ACK_WAIT_SECONDS", "2"));
        await rig.BlockCollectorAsync(first);
        await rig.Anvil.MineAsync(1);
        await victim.WaitForAsync($"proving {first}", Long);
        victim.Kill9();
        var heir = await rig.DispatcherAsync("heir", "mock-prover", "mock-prover", 0.1, ("ACK_WAIT_SECONDS", "2"));
        await heir.WaitForAsync("delivery 2", Long);
        await rig.WaitForCompletedAsync(collector, 1, Long);
        await Task.Delay(1500);

        Assert.Equal([Proof(first, "mock-prover")], await rig.Payloads(PipelineStream.BlockProofs));
        Assert.Equal([Proof(first, "mock-prover")], await rig.Payloads(PipelineStream.CompletedProofs));
        Assert.Equal(0, victim.Count("proved "));
    }

    [Fact]
    public async Task NatsServerRestartMidRun_LosesNoBlock()
    {
        int n = TestScale.Pick(10, 50);
        await using var rig = await PipelineRig.StartAsync();
        var first = await rig.Anvil.Rpc.BlockNumberAsync() + 1;
        var collector = await rig.ProofCollectorAsync();
        await rig.DispatcherAsync("prover-1", "mock-prover", "mock-prover", 0.2, ("ACK_WAIT_SECONDS", "3"));
        await rig.DispatcherAsync("prover-2", "mock-prover", "mock-prover", 0.2, ("ACK_WAIT_SECONDS", "3"));
        await rig.BlockCollectorAsync(first);
        await rig.Anvil.MineAsync(n);
        await rig.WaitForCompletedAsync(collector, 2, Long);
        rig.Nats.Kill();                                   // kill -9 mid-run
        await rig.Anvil.MineAsync(n);                      // blocks produced while the server is down
        await Task.Delay(1000);
        await rig.Nats.StartAgainAsync();
        await rig.Anvil.MineAsync(n);
        await rig.WaitForCompletedAsync(collector, 3 * n, Long);
        await Task.Delay(1000);

        Assert.Equal(Blocks(first, 3 * n).Select(b => b.ToString()), await rig.Payloads(PipelineStream.Blocks));
        Assert.Equal(Blocks(first, 3 * n).Select(b => Proof(b, "mock-prover")).Order(), (await rig.Payloads(PipelineStream.CompletedProofs)).Order());
    }

    [Fact]
    public async Task BlockCollectorKilledAndRestarted_NoGapNoDuplicate()
    {
        await using var rig = await PipelineRig.StartAsync();
        var first = await rig.Anvil.Rpc.BlockNumberAsync() + 1;
        var collector = await rig.BlockCollectorAsync(first, "block-collector-1");
        var mining = Task.Run(async () => { for (int i = 0; i < 30; i++) { await rig.Anvil.MineAsync(1); await Task.Delay(50); } });
        await collector.WaitForAsync($"block {first + 5} published", Long);
        collector.Kill9();                                 // while blocks keep coming
        await Task.Delay(300);
        var again = await rig.BlockCollectorAsync(first, "block-collector-2");
        await mining;
        await again.WaitForAsync($"block {first + 29} published", Long);
        await Task.Delay(500);

        Assert.Equal(Blocks(first, 30).Select(b => b.ToString()), await rig.Payloads(PipelineStream.Blocks));
        Assert.Equal(1, again.Count("resuming after block"));
    }
}
