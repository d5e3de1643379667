using System.Diagnostics;
using System.Text;
using Proving.Hosts.Common.Nats;
using Proving.Hosts.Common.Nats.JetStream;

namespace Proving.Hosts.Tests.Nats;

/// <summary>The JetStream API against a real nats-server; every test uses its own stream.</summary>
public sealed class JetStreamTests(NatsServerFixture fixture) : IClassFixture<NatsServerFixture>
{
    private static byte[] B(string s) => Encoding.UTF8.GetBytes(s);
    private static string S(byte[] b) => Encoding.UTF8.GetString(b);

    private async Task<(NatsConnection Conn, JetStreamContext Js, string Stream)> NewStreamAsync()
    {
        var conn = await NatsConnection.ConnectAsync(fixture.Server.Url);
        var js = new JetStreamContext(conn);
        var name = "s" + Guid.NewGuid().ToString("N")[..12];
        await js.CreateStreamAsync(new StreamConfig { Name = name, Subjects = [name + ".>"] });
        return (conn, js, name);
    }

    private static Task<ConsumerInfo> Consumer(JetStreamContext js, string stream, string name, TimeSpan? ackWait = null) =>
        js.CreateOrUpdateConsumerAsync(stream, new ConsumerConfig
        {
            DurableName = name, FilterSubject = stream + ".in", AckWait = (long)(ackWait ?? TimeSpan.FromSeconds(30)).TotalNanoseconds,
        });

    [Fact]
    public async Task Stream_CreateInfoUpdate_AndEnsureLeavesExistingAlone()
    {
        await using var conn = await NatsConnection.ConnectAsync(fixture.Server.Url);
        var js = new JetStreamContext(conn);
        var name = "s" + Guid.NewGuid().ToString("N")[..12];
        var missing = await Assert.ThrowsAsync<JetStreamApiException>(() => js.GetStreamInfoAsync(name));
        Assert.Equal(JetStreamApiException.StreamNotFound, missing.ErrCode);
        var config = new StreamConfig { Name = name, Subjects = [name + ".>"], AllowRollupHdrs = true, DuplicateWindow = 60_000_000_000 };
        var (info, created) = await js.EnsureStreamAsync(config);
        Assert.True(created);
        Assert.Equal(("limits", "file", 1, true, 60_000_000_000L), (info.Config!.Retention, info.Config.Storage, info.Config.NumReplicas, info.Config.AllowRollupHdrs, info.Config.DuplicateWindow));
        var (_, again) = await js.EnsureStreamAsync(config with { DuplicateWindow = 1_000_000_000 });
        Assert.False(again);
        Assert.Equal(60_000_000_000L, (await js.GetStreamInfoAsync(name)).Config!.DuplicateWindow);
        var updated = await js.UpdateStreamAsync(config with { Subjects = [name + ".>", name + "x.*"] });
        Assert.Equal([name + ".>", name + "x.*"], updated.Config!.Subjects);
    }

    [Fact]
    public async Task Publish_DropsRepeatedMsgId_AndLastMessageBySubject()
    {
        var (conn, js, stream) = await NewStreamAsync();
        await using var _ = conn;
        Assert.Null(await js.GetLastMessageAsync(stream, stream + ".in"));
        var a = await js.PublishAsync(stream + ".in", B("1"), "m-1");
        var dup = await js.PublishAsync(stream + ".in", B("1 again"), "m-1");
        var b = await js.PublishAsync(stream + ".in", B("2"), "m-2");
        await js.PublishAsync(stream + ".other", B("x"));
        Assert.Equal((1ul, false), (a.Seq, a.Duplicate));
        Assert.True(dup.Duplicate);
        Assert.Equal(2ul, b.Seq);
        var last = await js.GetLastMessageAsync(stream, stream + ".in");
        Assert.Equal(("2", 2ul, "m-2"), (S(last!.Data), last.Seq, last.Headers![NatsHeaders.MsgId]));
        Assert.Equal(3ul, (await js.GetStreamInfoAsync(stream)).State!.Messages);
        await Assert.ThrowsAsync<NatsNoRespondersException>(() => js.PublishAsync("nostream." + stream, B("x")));
    }

    [Fact]
    public async Task Consumer_CreateOrUpdate_FetchAck()
    {
        var (conn, js, stream) = await NewStreamAsync();
        await using var _ = conn;
        for (int i = 0; i < 5; i++) await js.PublishAsync(stream + ".in", B(i.ToString()));
        await Consumer(js, stream, "c1");
        var updated = await Consumer(js, stream, "c1", TimeSpan.FromSeconds(7));
        Assert.Equal(7_000_000_000L, updated.Config!.AckWait);
        var batch = await js.FetchAsync(stream, "c1", 3, TimeSpan.FromSeconds(2));
        Assert.Equal(["0", "1", "2"], batch.Select(m => S(m.Data)));
        Assert.All(batch, m => Assert.Equal((stream, "c1", 1ul), (m.Stream, m.Consumer, m.NumDelivered)));
        Assert.Equal([1ul, 2ul, 3ul], batch.Select(m => m.StreamSequence));
        foreach (var m in batch) await m.AckAsync(TimeSpan.FromSeconds(5));
        var info = await js.GetConsumerInfoAsync(stream, "c1");
        Assert.Equal((0L, 2L, 3ul), (info.NumAckPending, info.NumPending, info.AckFloor!.StreamSeq));
        var missing = await Assert.ThrowsAsync<JetStreamApiException>(() => js.GetConsumerInfoAsync(stream, "nope"));
        Assert.Equal(JetStreamApiException.ConsumerNotFound, missing.ErrCode);
    }

    [Fact]
    public async Task Fetch_OnEmptyConsumer_ReturnsNothingAfterExpiry()
    {
        var (conn, js, stream) = await NewStreamAsync();
        await using var _ = conn;
        await Consumer(js, stream, "c");
        var sw = Stopwatch.StartNew();
        var batch = await js.FetchAsync(stream, "c", 10, TimeSpan.FromMilliseconds(600));
        Assert.Empty(batch);
        Assert.InRange(sw.Elapsed.TotalMilliseconds, 400, 3000);
        var late = Task.Run(async () => { await Task.Delay(200); await js.PublishAsync(stream + ".in", B("late")); });
        batch = await js.FetchAsync(stream, "c", 1, TimeSpan.FromSeconds(3));
        await late;
        Assert.Equal("late", S(Assert.Single(batch).Data));
    }

    [Fact]
    public async Task NakWithDelay_RedeliversAfterTheDelay_WithDeliveryCount()
    {
        var (conn, js, stream) = await NewStreamAsync();
        await using var _ = conn;
        await js.PublishAsync(stream + ".in", B("x"));
        await Consumer(js, stream, "c");
        var m = Assert.Single(await js.FetchAsync(stream, "c", 1, TimeSpan.FromSeconds(2)));
        var sw = Stopwatch.StartNew();
        await m.NakAsync(TimeSpan.FromMilliseconds(800));
        Assert.Empty(await js.FetchAsync(stream, "c", 1, TimeSpan.FromMilliseconds(300)));
        var again = Assert.Single(await js.FetchAsync(stream, "c", 1, TimeSpan.FromSeconds(3)));
        Assert.True(sw.ElapsedMilliseconds >= 700, $"redelivered after {sw.ElapsedMilliseconds} ms");
        Assert.Equal((2ul, m.StreamSequence), (again.NumDelivered, again.StreamSequence));
        await again.NakAsync(TimeSpan.Zero);
        Assert.Equal(3ul, Assert.Single(await js.FetchAsync(stream, "c", 1, TimeSpan.FromSeconds(2))).NumDelivered);
    }

    [Fact]
    public async Task AckWait_Redelivers_InProgressPostpones_TermStops()
    {
        var (conn, js, stream) = await NewStreamAsync();
        await using var _ = conn;
        await js.PublishAsync(stream + ".in", B("a"));
        await js.PublishAsync(stream + ".in", B("b"));
        await Consumer(js, stream, "c", TimeSpan.FromSeconds(2));
        var batch = await js.FetchAsync(stream, "c", 2, TimeSpan.FromSeconds(2));
        Assert.Equal(2, batch.Count);
        await batch[1].TermAsync();
        // Keep "a" in progress for 2.5 ack waits: it must not come back meanwhile.
        for (int i = 0; i < 10; i++)
        {
            await Task.Delay(500);
            await batch[0].InProgressAsync();
        }
        Assert.Empty(await js.FetchAsync(stream, "c", 1, TimeSpan.FromMilliseconds(400)));
        // Stop: "a" is redelivered after the ack wait; "b" (terminated) never is.
        var redelivered = await js.FetchAsync(stream, "c", 1, TimeSpan.FromSeconds(5));
        Assert.Equal("a", S(Assert.Single(redelivered).Data));
        Assert.Equal(2ul, redelivered[0].NumDelivered);
        await redelivered[0].AckAsync(TimeSpan.FromSeconds(5));
        Assert.Empty(await js.FetchAsync(stream, "c", 1, TimeSpan.FromMilliseconds(1500)));
    }

    [Fact]
    public void JsMsg_RejectsNonAckReplySubjects()
    {
        Assert.Throws<NatsProtocolException>(() => new JsMsg(null!, new NatsMsg("s", "_INBOX.x", null, [])));
        Assert.Throws<NatsProtocolException>(() => new JsMsg(null!, new NatsMsg("s", "$JS.ACK.s.c.x.1.1.1.0", null, [])));
        var v2 = new JsMsg(null!, new NatsMsg("s", "$JS.ACK.dom.acc.str.con.4.10.9.1700000000.3.rnd", null, []));
        Assert.Equal(("str", "con", 4ul, 10ul, 9ul), (v2.Stream, v2.Consumer, v2.NumDelivered, v2.StreamSequence, v2.ConsumerSequence));
    }
}
