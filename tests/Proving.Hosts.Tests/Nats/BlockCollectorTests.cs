using Proving.Hosts.Common.Nats;
using Proving.Hosts.Common.Nats.JetStream;
using Proving.Nats;
using Proving.Nats.Roles;

namespace Proving.Hosts.Tests.Nats;

/// <summary>The block collector in-process against real nats-server and anvil.</summary>
public sealed class BlockCollectorTests(NatsServerFixture fixture) : IClassFixture<NatsServerFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task PublishesEachNewBlock_ResumesAfterRestart_WithoutGapOrDuplicate()
    {
        await using var anvil = await AnvilProcess.StartAsync();
        await using var conn = await NatsConnection.ConnectAsync(fixture.Server.Url);
        var js = new JetStreamContext(conn);
        var stream = "b" + Guid.NewGuid().ToString("N")[..10];
        await js.CreateStreamAsync(PipelineStream.Config(stream));
        var head = await anvil.MineAsync(3);
        var options = new BlockCollectorOptions { Stream = stream, OutputSubject = stream + ".blocks", PollInterval = TimeSpan.FromMilliseconds(100) };

        async Task RunUntilAsync(BlockCollectorOptions o, ulong last)
        {
            var log = new TestLogger();
            using var cts = new CancellationTokenSource();
            var run = new BlockCollector(js, anvil.Rpc, o, log).RunAsync(cts.Token);
            await ProcessHelpers.WaitUntilAsync(() => log.Count($"block {last} published") == 1, Wait, $"block {last}");
            await Task.Delay(300);
            cts.Cancel();
            await run;
        }

        // No NEXT_BLOCK: starts at the head.
        var first = RunUntilAsync(options, head + 4);
        await Task.Delay(300);
        await anvil.MineAsync(4);
        await first;
        // Blocks mined while it is down are published after the restart, even with an older NEXT_BLOCK.
        await anvil.MineAsync(5);
        await RunUntilAsync(options with { NextBlock = 1 }, head + 9);
        var published = (await StreamContents.PayloadsAsync(js, stream, options.OutputSubject)).Select(ulong.Parse).ToList();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => head + (ulong)i), published);
        // A NEXT_BLOCK past the last one published skips ahead.
        await anvil.MineAsync(20);
        await RunUntilAsync(options with { NextBlock = head + 25 }, head + 29);
        published = (await StreamContents.PayloadsAsync(js, stream, options.OutputSubject)).Select(ulong.Parse).ToList();
        Assert.Equal(Enumerable.Range(0, 10).Concat(Enumerable.Range(25, 5)).Select(i => head + (ulong)i), published);
    }
}
