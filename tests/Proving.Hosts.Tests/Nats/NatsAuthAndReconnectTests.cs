using System.Text;
using Proving.Hosts.Common.Nats;

namespace Proving.Hosts.Tests.Nats;

/// <summary>Authentication, and reconnect with resubscription across a server restart.</summary>
public sealed class NatsAuthAndReconnectTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task UserPassword_AcceptsRightCredentials_RejectsWrongOnes()
    {
        await using var server = await NatsServerProcess.StartAsync("--user", "alice", "--pass", "s3cret");
        await using (var ok = await NatsConnection.ConnectAsync($"nats://alice:s3cret@127.0.0.1:{server.Port}"))
            await ok.FlushAsync(Wait);
        await Assert.ThrowsAsync<NatsAuthorizationException>(() => NatsConnection.ConnectAsync($"nats://alice:wrong@127.0.0.1:{server.Port}"));
        await Assert.ThrowsAsync<NatsAuthorizationException>(() => NatsConnection.ConnectAsync(server.Url));
    }

    [Fact]
    public async Task Token_AcceptsRightToken_RejectsWrongOne()
    {
        await using var server = await NatsServerProcess.StartAsync("--auth", "tok-123");
        await using (var ok = await NatsConnection.ConnectAsync($"nats://tok-123@127.0.0.1:{server.Port}"))
            await ok.FlushAsync(Wait);
        await Assert.ThrowsAsync<NatsAuthorizationException>(() => NatsConnection.ConnectAsync($"nats://nope@127.0.0.1:{server.Port}"));
    }

    [Fact]
    public async Task ServerRestart_ReconnectsAndResubscribes()
    {
        await using var server = await NatsServerProcess.StartAsync();
        await using var c = await NatsConnection.ConnectAsync(server.Url);
        int disconnects = 0, reconnects = 0;
        c.Disconnected += _ => Interlocked.Increment(ref disconnects);
        c.Reconnected += () => Interlocked.Increment(ref reconnects);
        await using var sub = await c.SubscribeAsync("t.reconnect", "q");
        await c.FlushAsync(Wait);

        server.Kill();
        await ProcessHelpers.WaitUntilAsync(() => !c.IsConnected, Wait, "the client to notice");
        var publishWhileDown = c.PublishAsync("t.reconnect", Encoding.UTF8.GetBytes("after")); // waits for the reconnect
        await server.StartAgainAsync();
        await publishWhileDown.WaitAsync(Wait);
        using var cts = new CancellationTokenSource(Wait);
        Assert.Equal("after", Encoding.UTF8.GetString((await sub.NextAsync(cts.Token)).Data));
        Assert.True(disconnects >= 1);
        Assert.True(reconnects >= 1);
    }

    [Fact]
    public async Task Publish_FailsAfterReconnectWait_WhenServerStaysDown()
    {
        await using var server = await NatsServerProcess.StartAsync();
        await using var c = await NatsConnection.ConnectAsync(NatsOptions.FromUrl(server.Url) with { ReconnectWait = TimeSpan.FromMilliseconds(500) });
        server.Kill();
        await ProcessHelpers.WaitUntilAsync(() => !c.IsConnected, Wait, "the client to notice");
        await Assert.ThrowsAsync<NatsConnectionException>(() => c.PublishAsync("t.x", new byte[] { 1 }));
    }

    [Theory]
    [InlineData("nats://u:p@h:1234", "h", 1234, "u", "p", null)]
    [InlineData("nats://tok@h", "h", 4222, null, null, "tok")]
    [InlineData("127.0.0.1:4333", "127.0.0.1", 4333, null, null, null)]
    [InlineData("nats://a%40b:p%3Aq@h:1, nats://other:2", "h", 1, "a@b", "p:q", null)]
    public void FromUrl_ParsesCredentials(string url, string host, int port, string? user, string? pass, string? token)
    {
        var o = NatsOptions.FromUrl(url);
        Assert.Equal((host, port, user, pass, token), (o.Host, o.Port, o.User, o.Password, o.Token));
    }

    [Theory]
    [InlineData("")]
    [InlineData("http://h:1")]
    [InlineData("nats://")]
    public void FromUrl_RejectsMalformed(string url) => Assert.Throws<FormatException>(() => NatsOptions.FromUrl(url));
}
