using System.Text;
using Proving.Hosts.Common.Nats;

namespace Proving.Hosts.Tests.Nats;

/// <summary>The core protocol against a real nats-server.</summary>
public sealed class NatsConnectionTests(NatsServerFixture fixture) : IClassFixture<NatsServerFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    private static async Task<NatsMsg> Next(INatsSubscription sub)
    {
        using var cts = new CancellationTokenSource(Wait);
        return await sub.NextAsync(cts.Token);
    }

    [Fact]
    public async Task PublishSubscribe_DeliversPayloadHeadersAndReplySubject()
    {
        await using var c = await NatsConnection.ConnectAsync(fixture.Server.Url);
        await using var sub = await c.SubscribeAsync("t.pubsub.*");
        await c.FlushAsync(Wait);
        await c.PublishAsync("t.pubsub.a", B("hello"));
        await c.PublishAsync("t.pubsub.b", B("with headers"), new NatsHeaders().Add("Nats-Msg-Id", "id-1").Add("X-Two", "a b c"), replyTo: "t.reply");
        await c.PublishAsync("t.pubsub.c", Array.Empty<byte>());
        var m1 = await Next(sub);
        Assert.Equal(("t.pubsub.a", "hello", null), (m1.Subject, Encoding.UTF8.GetString(m1.Data), m1.Headers));
        var m2 = await Next(sub);
        Assert.Equal("with headers", Encoding.UTF8.GetString(m2.Data));
        Assert.Equal("t.reply", m2.ReplyTo);
        Assert.Equal("id-1", m2.Headers![NatsHeaders.MsgId]);
        Assert.Equal("a b c", m2.Headers["x-two"]);
        Assert.Empty((await Next(sub)).Data);
    }

    [Fact]
    public async Task LargePayload_RoundTrips()
    {
        await using var c = await NatsConnection.ConnectAsync(fixture.Server.Url);
        await using var sub = await c.SubscribeAsync("t.large");
        await c.FlushAsync(Wait);
        var data = new byte[900_000];
        new Random(7).NextBytes(data);
        await c.PublishAsync("t.large", data);
        Assert.Equal(data, (await Next(sub)).Data);
    }

    [Fact]
    public async Task QueueGroup_SplitsMessages_PlainSubscriberSeesAll()
    {
        await using var c = await NatsConnection.ConnectAsync(fixture.Server.Url);
        await using var q1 = await c.SubscribeAsync("t.queue", "workers");
        await using var q2 = await c.SubscribeAsync("t.queue", "workers");
        await using var all = await c.SubscribeAsync("t.queue");
        await c.FlushAsync(Wait);
        const int n = 200;
        for (int i = 0; i < n; i++) await c.PublishAsync("t.queue", B(i.ToString()));
        var seen = new List<string>();
        for (int i = 0; i < n; i++) seen.Add(Encoding.UTF8.GetString((await Next(all)).Data));
        Assert.Equal(Enumerable.Range(0, n).Select(i => i.ToString()), seen);
        await c.FlushAsync(Wait);
        var got = new List<string>();
        while (q1.TryNext(out var m)) got.Add(Encoding.UTF8.GetString(m.Data));
        int first = got.Count;
        while (q2.TryNext(out var m)) got.Add(Encoding.UTF8.GetString(m.Data));
        Assert.Equal(n, got.Count);
        Assert.Equal(n, got.Distinct().Count());
        Assert.InRange(first, 1, n - 1);
    }

    [Fact]
    public async Task Request_GetsReply_NoResponders_AndTimeout()
    {
        await using var server = await NatsConnection.ConnectAsync(fixture.Server.Url);
        await using var client = await NatsConnection.ConnectAsync(fixture.Server.Url);
        await using var sub = await server.SubscribeAsync("t.echo");
        await server.FlushAsync(Wait);
        var responder = Task.Run(async () =>
        {
            for (int i = 0; i < 3; i++)
            {
                var m = await Next(sub);
                await server.PublishAsync(m.ReplyTo!, B("echo:" + Encoding.UTF8.GetString(m.Data)));
            }
        });
        var replies = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => client.RequestAsync("t.echo", B("r" + i), Wait)));
        Assert.Equal(["echo:r0", "echo:r1", "echo:r2"], replies.Select(r => Encoding.UTF8.GetString(r.Data)).Order());
        await responder;
        await Assert.ThrowsAsync<NatsNoRespondersException>(() => client.RequestAsync("t.nobody", B("x"), Wait));
        await using var silent = await server.SubscribeAsync("t.silent");
        await server.FlushAsync(Wait);
        await Assert.ThrowsAsync<NatsTimeoutException>(() => client.RequestAsync("t.silent", B("x"), TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Unsubscribe_StopsDelivery()
    {
        await using var c = await NatsConnection.ConnectAsync(fixture.Server.Url);
        var sub = await c.SubscribeAsync("t.unsub");
        await sub.DisposeAsync();
        await using var other = await c.SubscribeAsync("t.unsub");
        await c.FlushAsync(Wait);
        await c.PublishAsync("t.unsub", B("x"));
        await Next(other);
        await Assert.ThrowsAsync<NatsConnectionException>(async () => await sub.NextAsync());
    }

    [Fact]
    public async Task PayloadOverServerMaxPayload_IsRejectedBeforeSending()
    {
        await using var c = await NatsConnection.ConnectAsync(fixture.Server.Url);
        await Assert.ThrowsAsync<ArgumentException>(() => c.PublishAsync("t.big", new byte[(1 << 20) + 1]));
        await c.FlushAsync(Wait); // the connection is still usable
    }

    [Fact]
    public async Task InvalidSubject_IsRejectedBeforeSending()
    {
        await using var c = await NatsConnection.ConnectAsync(fixture.Server.Url);
        await Assert.ThrowsAsync<ArgumentException>(() => c.PublishAsync("bad subject", B("x")));
        await Assert.ThrowsAsync<ArgumentException>(() => c.SubscribeAsync("bad\r\nPUB x 1"));
    }

    [Fact]
    public async Task UnreachableServer_FailsWithConnectionException()
    {
        var port = ProcessHelpers.FreePort();
        await Assert.ThrowsAsync<NatsConnectionException>(() =>
            NatsConnection.ConnectAsync(new NatsOptions { Port = port, ConnectTimeout = TimeSpan.FromSeconds(2) }));
    }
}
