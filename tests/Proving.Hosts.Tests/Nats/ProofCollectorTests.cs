using System.Text;
using Proving.Hosts.Common.Nats;
using Proving.Hosts.Common.Nats.JetStream;
using Proving.Nats;
using Proving.Nats.Roles;

namespace Proving.Hosts.Tests.Nats;

/// <summary>The proof collector in-process against a real nats-server: matching, duplicates, malformed input, restarts.</summary>
public sealed class ProofCollectorTests(NatsServerFixture fixture) : IClassFixture<NatsServerFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static string Proof(ulong block, string prover) => $"{{\"block\":{block},\"proof\":\"0xff\",\"prover\":\"{prover}\"}}";

    private sealed class Rig(NatsConnection conn, JetStreamContext js, ProofCollectorOptions options) : IAsyncDisposable
    {
        public JetStreamContext Js => js;
        public ProofCollectorOptions Options => options;
        public Task Block(ulong b) => js.PublishAsync(options.Stream + ".blocks", BlockNumber.Encode(b));
        public Task Raw(string payload) => js.PublishAsync(options.Stream + ".block_proofs", Encoding.UTF8.GetBytes(payload));
        public Task Proof(ulong b, string p) => Raw(ProofCollectorTests.Proof(b, p));
        public Task<List<string>> Completed() => StreamContents.PayloadsAsync(js, options.Stream, options.OutputSubject);

        public async Task<(Task Run, CancellationTokenSource Stop, TestLogger Log, ProofCollectorStore Store)> StartAsync()
        {
            var log = new TestLogger();
            var store = new ProofCollectorStore(options.StatePath);
            var stop = new CancellationTokenSource();
            var run = new ProofCollector(js, store, options, log).RunAsync(stop.Token);
            await ProcessHelpers.WaitUntilAsync(() => log.Count("proof collector on") == 1, Wait, "collector start");
            return (run, stop, log, store);
        }

        public ValueTask DisposeAsync() => conn.DisposeAsync();
    }

    private async Task<Rig> RigAsync()
    {
        var conn = await NatsConnection.ConnectAsync(fixture.Server.Url);
        var js = new JetStreamContext(conn);
        var stream = "p" + Guid.NewGuid().ToString("N")[..10];
        await js.CreateStreamAsync(PipelineStream.Config(stream));
        var dir = Directory.CreateTempSubdirectory().FullName;
        return new Rig(conn, js, new ProofCollectorOptions
        {
            Stream = stream, InputSubjects = [stream + ".block_proofs", stream + ".blocks"], OutputSubject = stream + ".completed_proofs",
            StatePath = Path.Combine(dir, "state.db"), FetchExpiry = TimeSpan.FromMilliseconds(200),
        });
    }

    [Fact]
    public async Task MatchesProofsToBlocks_OncePerBlockAndProver_RejectsMalformed()
    {
        await using var rig = await RigAsync();
        foreach (var b in new ulong[] { 1, 2, 3 }) await rig.Block(b);
        await rig.Proof(1, "sp1");
        await rig.Proof(1, "risc0");
        await rig.Proof(2, "sp1");
        await rig.Proof(1, "sp1");        // redelivered proof
        await rig.Block(2);               // redelivered block
        await rig.Proof(4, "sp1");        // ahead of its block
        foreach (var bad in new[] { "not json", "[1,2]", "{\"block\":-1,\"proof\":\"0xff\",\"prover\":\"x\"}", "{\"block\":1,\"proof\":\"ff\",\"prover\":\"x\"}",
                     "{\"block\":1,\"proof\":\"0xff\",\"prover\":\"\"}", "{\"block\":1,\"proof\":\"0xff\"}", " 12", "{\"block\":1.5,\"proof\":\"0x1\",\"prover\":\"x\"}" })
            await rig.Raw(bad);
        var (run, stop, log, store) = await rig.StartAsync();
        await ProcessHelpers.WaitUntilAsync(() => log.Count("rejected malformed") == 8 && store.CompletedCount == 3, Wait, "3 matches, 8 rejections");
        await rig.Block(4);
        await ProcessHelpers.WaitUntilAsync(() => store.CompletedCount == 4, Wait, "the late match");
        await Task.Delay(500);
        stop.Cancel();
        await run;
        store.Dispose();
        // Order between inputs of two subjects is not defined; each (block, prover) appears exactly once.
        Assert.Equal(new[] { Proof(1, "sp1"), Proof(1, "risc0"), Proof(2, "sp1"), Proof(4, "sp1") }.Order(), (await rig.Completed()).Order());
    }

    [Fact]
    public async Task Restart_NeitherLosesNorDuplicates()
    {
        await using var rig = await RigAsync();
        await rig.Block(10);
        await rig.Proof(10, "a");
        await rig.Proof(11, "a");   // pending across the restart
        var (run, stop, log, store) = await rig.StartAsync();
        await ProcessHelpers.WaitUntilAsync(() => store.CompletedCount == 1 && log.Count("proof of block 11 by a waits") == 1, Wait, "first match");
        stop.Cancel();
        await run;
        store.Dispose();

        await rig.Proof(10, "a");   // a repeat arriving while it is down
        await rig.Block(11);
        (run, stop, log, store) = await rig.StartAsync();
        await ProcessHelpers.WaitUntilAsync(() => store.CompletedCount == 2 && log.Count("duplicate proof") == 1, Wait, "pending proof matched after restart");
        stop.Cancel();
        await run;
        store.Dispose();
        Assert.Equal([Proof(10, "a"), Proof(11, "a")], await rig.Completed());
    }

    [Fact]
    public async Task ProofWhoseBlockNeverComes_IsDroppedAfterTheTtl()
    {
        await using var rig = await RigAsync();
        await rig.Proof(999, "sp1");
        var ttlRig = new Rig(null!, rig.Js, rig.Options with { PendingTtl = TimeSpan.FromSeconds(1) });
        var (run, stop, log, store) = await ttlRig.StartAsync();
        await ProcessHelpers.WaitUntilAsync(() => log.Count("dropped the proof of block 999 by sp1") == 1, Wait, "the drop");
        await rig.Block(999);
        await ProcessHelpers.WaitUntilAsync(() => store.HasBlock(999), Wait, "block 999");
        stop.Cancel();
        await run;
        Assert.Equal(0, store.CompletedCount);
        store.Dispose();
        Assert.Empty(await rig.Completed());
    }

    [Theory]
    [InlineData("{\"block\":18446744073709551615,\"proof\":\"0x00ff\",\"prover\":\"zisk\",\"extra\":1}", true)]
    [InlineData("{\"block\":18446744073709551616,\"proof\":\"0xff\",\"prover\":\"zisk\"}", false)]
    [InlineData("{\"block\":\"1\",\"proof\":\"0xff\",\"prover\":\"zisk\"}", false)]
    [InlineData("{\"block\":1,\"proof\":\"0xzz\",\"prover\":\"zisk\"}", false)]
    [InlineData("{\"block\":1,\"proof\":\"0xff\",\"prover\":\"a\\nb\"}", false)]
    [InlineData("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", false)]
    public void ProofMessage_Validation(string json, bool valid)
    {
        if (valid) Assert.Equal("zisk", ProofMessage.Parse(Encoding.UTF8.GetBytes(json)).Prover);
        else Assert.Throws<MalformedProofException>(() => ProofMessage.Parse(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void BlockNumber_AcceptsOnlyBareDigits()
    {
        Assert.True(BlockNumber.TryParse("23818220"u8, out var b) && b == 23818220);
        Assert.True(BlockNumber.TryParse("18446744073709551615"u8, out _));
        foreach (var bad in new[] { "", " 1", "1\n", "-1", "+1", "1e3", "18446744073709551616", "0x10", "{\"block\":5}" })
            Assert.False(BlockNumber.TryParse(Encoding.ASCII.GetBytes(bad), out _), bad);
        Assert.Equal("0", Encoding.ASCII.GetString(BlockNumber.Encode(0)));
    }
}
