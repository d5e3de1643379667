using Proving.Hosts.Common.Nats;
using Proving.Hosts.Common.Nats.JetStream;
using Proving.Nats;
using Proving.Nats.Backends;
using Proving.Nats.Roles;

namespace Proving.Hosts.Tests.Nats;

/// <summary>The dispatcher in-process against a real nats-server, with the mock prover in its failure modes.</summary>
public sealed class DispatcherTests(NatsServerFixture fixture) : IClassFixture<NatsServerFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private async Task<(NatsConnection Conn, JetStreamContext Js, DispatcherOptions Options)> SetUpAsync(params ulong[] blocks)
    {
        var conn = await NatsConnection.ConnectAsync(fixture.Server.Url);
        var js = new JetStreamContext(conn);
        var stream = "d" + Guid.NewGuid().ToString("N")[..10];
        await js.CreateStreamAsync(PipelineStream.Config(stream));
        foreach (var b in blocks) await js.PublishAsync(stream + ".blocks", BlockNumber.Encode(b), "block:" + b);
        var options = new DispatcherOptions
        {
            Stream = stream, InputSubject = stream + ".blocks", OutputSubject = stream + ".block_proofs", DeadLetterSubject = stream + ".dead_letter",
            ConsumerName = "prover", NakDelayMin = TimeSpan.FromMilliseconds(50), FetchExpiry = TimeSpan.FromMilliseconds(300),
        };
        return (conn, js, options);
    }

    [Fact]
    public async Task CrashHangAndGarbage_AreNakedThenDeadLettered_AndThePipelineGoesOn()
    {
        var (conn, js, options) = await SetUpAsync(1, 2, 3, 4, 5);
        await using var _ = conn;
        options = options with { MaxDeliver = 2, ProverTimeout = TimeSpan.FromSeconds(1) };
        var dir = Directory.CreateTempSubdirectory().FullName;
        var prover = BinaryProverBackendTests.MockWith(dir, "MOCK_PROVER_SLEEP=0 MOCK_PROVER_CRASH_ON=2 MOCK_PROVER_HANG_ON=3 MOCK_PROVER_GARBAGE_ON=4");
        var log = new TestLogger();
        using var cts = new CancellationTokenSource();
        var run = new Dispatcher(js, new BinaryProverBackend(prover), options, log).RunAsync(cts.Token);
        await ProcessHelpers.WaitUntilAsync(() => log.Count("dead-lettered") == 3 && log.Count("proved") == 2, Wait, "2 proofs and 3 dead letters");
        cts.Cancel();
        await run;

        var proofs = await StreamContents.PayloadsAsync(js, options.Stream, options.OutputSubject);
        Assert.Equal(["{\"block\":1,\"proof\":\"0xff\",\"prover\":\"mock-prover\"}", "{\"block\":5,\"proof\":\"0xff\",\"prover\":\"mock-prover\"}"], proofs);
        var dead = await StreamContents.ReadAsync(js, options.Stream, options.DeadLetterSubject, Dispatcher.DeadLetterReasonHeader);
        Assert.Equal(["2", "3", "4"], dead.Select(d => d.Payload).Order());
        Assert.Contains("exited with code 101", dead.Single(d => d.Payload == "2").Header);
        Assert.Contains("timed out", dead.Single(d => d.Payload == "3").Header);
        Assert.Contains("output is not JSON", dead.Single(d => d.Payload == "4").Header);
        Assert.Equal(3, log.Count("NAK, retry in"));   // first delivery of each bad block
        var info = await js.GetConsumerInfoAsync(options.Stream, options.ConsumerName);
        Assert.Equal((0L, 0L), (info.NumAckPending, info.NumPending));
    }

    [Fact]
    public async Task LongProof_IsKeptInProgress_NotRedelivered()
    {
        var (conn, js, options) = await SetUpAsync(42);
        await using var _ = conn;
        options = options with { AckWait = TimeSpan.FromSeconds(2) };
        var dir = Directory.CreateTempSubdirectory().FullName;
        var countFile = Path.Combine(dir, "count");
        var prover = BinaryProverBackendTests.MockWith(dir, $"MOCK_PROVER_SLEEP=5 MOCK_PROVER_LOG='{countFile}'");
        var log = new TestLogger();
        using var cts = new CancellationTokenSource();
        // Two dispatchers share the consumer: a redelivery during the 5 s proof (2.5 ack waits) would reach the idle one.
        var runs = new[] { new Dispatcher(js, new BinaryProverBackend(prover), options, log).RunAsync(cts.Token),
                           new Dispatcher(js, new BinaryProverBackend(prover), options, log).RunAsync(cts.Token) };
        await ProcessHelpers.WaitUntilAsync(() => log.Count("proved") == 1, Wait, "the proof");
        await Task.Delay(1500);
        cts.Cancel();
        await Task.WhenAll(runs);
        Assert.Equal(["42 mock-prover"], File.ReadAllLines(countFile));
        Assert.Single(await StreamContents.PayloadsAsync(js, options.Stream, options.OutputSubject));
        Assert.Equal(0, log.Count("delivery 2"));
    }

    [Fact]
    public async Task MultipleOutput_PublishesEachArrayElement()
    {
        var (conn, js, options) = await SetUpAsync(7);
        await using var _ = conn;
        options = options with { MultipleOutput = true };
        var dir = Directory.CreateTempSubdirectory().FullName;
        var script = Path.Combine(dir, "partition.sh");
        File.WriteAllText(script, "#!/usr/bin/env bash\nb=$(cat \"$2\"); printf '[{\"block\":%s,\"step_id\":\"s0\"},{\"block\":%s,\"step_id\":\"s1\"}]' $b $b > \"$4\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var log = new TestLogger();
        using var cts = new CancellationTokenSource();
        var run = new Dispatcher(js, new BinaryProverBackend(script), options, log).RunAsync(cts.Token);
        await ProcessHelpers.WaitUntilAsync(() => log.Count("proved") == 1, Wait, "the partition");
        cts.Cancel();
        await run;
        Assert.Equal(["{\"block\":7,\"step_id\":\"s0\"}", "{\"block\":7,\"step_id\":\"s1\"}"],
            await StreamContents.PayloadsAsync(js, options.Stream, options.OutputSubject));
    }

    [Fact]
    public async Task Shutdown_MidProof_HandsTheMessageBackAtOnce()
    {
        var (conn, js, options) = await SetUpAsync(9);
        await using var _ = conn;
        options = options with { AckWait = TimeSpan.FromSeconds(60) };
        var dir = Directory.CreateTempSubdirectory().FullName;
        var slow = BinaryProverBackendTests.MockWith(dir, "MOCK_PROVER_SLEEP=30");
        var fast = BinaryProverBackendTests.MockWith(dir, "MOCK_PROVER_SLEEP=0");
        var log = new TestLogger();
        using (var cts = new CancellationTokenSource())
        {
            var run = new Dispatcher(js, new BinaryProverBackend(slow), options, log).RunAsync(cts.Token);
            await ProcessHelpers.WaitUntilAsync(() => log.Count("proving 9") == 1, Wait, "the slow proof to start");
            cts.Cancel();
            await run.WaitAsync(TimeSpan.FromSeconds(10));
        }
        Assert.Equal(1, log.Count("handed back"));
        using (var cts = new CancellationTokenSource())
        {
            // Far sooner than the 60 s ack wait: the NAK made it available again.
            var run = new Dispatcher(js, new BinaryProverBackend(fast), options, log).RunAsync(cts.Token);
            await ProcessHelpers.WaitUntilAsync(() => log.Count("proved 9 (seq 1 delivery 2)") == 1, TimeSpan.FromSeconds(20), "the second delivery");
            cts.Cancel();
            await run;
        }
    }

    [Fact]
    public async Task OutputOverMaxPayload_IsDeadLettered_NotACrash()
    {
        var (conn, js, options) = await SetUpAsync(11, 12);
        await using var _ = conn;
        options = options with { MaxDeliver = 1 };
        var dir = Directory.CreateTempSubdirectory().FullName;
        var script = Path.Combine(dir, "big.sh");
        // Block 11 gets a 2 MiB JSON string (over nats-server's 1 MiB default max_payload); block 12 a normal proof.
        File.WriteAllText(script, """
            #!/usr/bin/env bash
            b=$(cat "$2")
            if [ "$b" = 11 ]; then { printf '"'; head -c 2097152 /dev/zero | tr '\0' a; printf '"'; } > "$4"
            else printf '{"block":%s,"proof":"0xff","prover":"p"}' "$b" > "$4"; fi
            """);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var log = new TestLogger();
        using var cts = new CancellationTokenSource();
        var run = new Dispatcher(js, new BinaryProverBackend(script), options, log).RunAsync(cts.Token);
        await ProcessHelpers.WaitUntilAsync(() => log.Count("dead-lettered") == 1 && log.Count("proved 12") == 1, Wait, "dead letter for 11, proof of 12");
        cts.Cancel();
        await run;
        Assert.Contains("max_payload", log.Lines.Single(l => l.Contains("dead-lettered")));
    }

    [Fact]
    public void NakDelay_DoublesFromMinToMax()
    {
        var o = new DispatcherOptions { NakDelayMin = TimeSpan.FromMilliseconds(100), NakDelayMax = TimeSpan.FromSeconds(1) };
        Assert.Equal([100, 200, 400, 800, 1000, 1000], new ulong[] { 1, 2, 3, 4, 5, 60 }.Select(d => o.NakDelay(d).TotalMilliseconds));
    }
}
