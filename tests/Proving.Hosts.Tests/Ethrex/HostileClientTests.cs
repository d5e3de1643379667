using System.Net;
using System.Net.Sockets;
using System.Text;
using Proving.Ethrex.Protocol;
using Proving.Ethrex.Transport;

namespace Proving.Hosts.Tests.Ethrex;

/// <summary>
/// Hostile clients against an in-process coordinator: each case is logged, the connection is closed without a
/// reply, and a well-behaved prover is still answered.
/// </summary>
[Collection("ethrex-network")]
public class HostileClientTests : IDisposable
{
    private static readonly byte[] GoodRequest = new MessageCodec(ProtocolGeneration.G8).Encode(new InputRequest("abc1234", ProverType.Exec));
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private InProcessCoordinator Start(TimeSpan? readTimeout = null, int maxConnections = 256)
    {
        var limits = TransportLimits.CoordinatorDefault with { ReadTimeout = readTimeout ?? TimeSpan.FromSeconds(120) };
        var c = new InProcessCoordinator(EthrexTestKit.CoordinatorOptions(_dir.File("c.db"), limits: limits, maxConnections: maxConnections));
        c.AddInput(1, "abc1234", EthrexTestKit.Input(1));
        return c;
    }

    /// <summary>A well-behaved prover's request, retried until answered (a prover polls again every round).</summary>
    private static async Task<CoordinatorResponse> WellBehaved(InProcessCoordinator c, double seconds = 20)
    {
        var client = new ProtocolClient(new TransportLimits(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), 1 << 20));
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            try
            {
                return await client.ExchangeAsync(c.Endpoint, new InputRequest("abc1234", ProverType.Exec), CancellationToken.None);
            }
            catch (Exception e) when (e is EthrexProtocolException or SocketException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    [Theory]
    [InlineData("{\"InputRequest\":{\"commit_hash\":", "malformed message")]
    [InlineData("not json at all", "malformed message")]
    [InlineData("{\"InputRequest\":{\"commit_hash\":\"abc1234\",\"prover_type\":\"Plonky3\"}}", "malformed message")]
    [InlineData("{\"BatchRequest\":{\"commit_hash\":\"abc1234\",\"prover_type\":\"SP1\"}}", "unexpected message 'BatchRequest'")]
    [InlineData("{\"GimmeEverything\":{}}", "unexpected message 'GimmeEverything'")]
    [InlineData("\"ProofSubmitACK\"", "unexpected message 'ProofSubmitACK'")]
    [InlineData("{\"ProofSubmit\":{\"id\":77,\"proof\":{\"ProofCalldata\":{\"prover_type\":\"Exec\",\"calldata\":[]}}}}", "unknown batch 77")]
    [InlineData("", "closed without sending a request")]
    public async Task Bad_requests_are_logged_and_closed_without_a_reply(string request, string logged)
    {
        await using var c = Start();
        var reply = await EthrexTestKit.RawExchange(c.Port, Encoding.UTF8.GetBytes(request));
        Assert.Empty(reply);
        await EthrexTestKit.WaitUntil(() => c.Log.Contains(logged), 10, $"log line '{logged}'");
        Assert.Equal(1UL, Assert.IsType<InputResponse>(await WellBehaved(c)).BatchNumber);
    }

    [Fact]
    public async Task A_100_MB_message_is_cut_off_at_the_limit()
    {
        await using var c = Start();
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, c.Port);
        var chunk = new byte[1 << 20];
        Array.Fill(chunk, (byte)' ');
        long sent = 0;
        try
        {
            for (var i = 0; i < 100; i++)
                sent += await socket.SendAsync(chunk, SocketFlags.None);
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            // The coordinator stopped reading at its limit and closed the connection.
        }
        await EthrexTestKit.WaitUntil(() => c.Log.Contains("exceeds the maximum size of 67108864 bytes"), 30, "the size-limit log line");
        Assert.True(sent < 100L << 20, $"the coordinator took all {sent} bytes");
        Assert.Equal(1UL, Assert.IsType<InputResponse>(await WellBehaved(c)).BatchNumber);
    }

    [Fact]
    public async Task A_client_that_never_half_closes_times_out_while_others_are_served()
    {
        await using var c = Start(readTimeout: TimeSpan.FromSeconds(2));
        var stalled = EthrexTestKit.RawExchange(c.Port, GoodRequest, halfClose: false, timeoutMs: 30_000);
        await Task.Delay(200);
        // Served while the stalled connection is still open.
        Assert.Equal(1UL, Assert.IsType<InputResponse>(await WellBehaved(c)).BatchNumber);
        Assert.False(stalled.IsCompleted);
        Assert.Empty(await stalled);
        Assert.True(c.Log.Contains("did not finish its message within 2000 ms (no half-close)"));
    }

    [Fact]
    public async Task Five_hundred_idle_connections_hit_the_cap_and_the_coordinator_recovers()
    {
        await using var c = Start(readTimeout: TimeSpan.FromSeconds(2), maxConnections: 100);
        var sockets = new List<Socket>();
        try
        {
            for (var i = 0; i < 500; i++)
            {
                var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
                sockets.Add(s);
                await s.ConnectAsync(IPAddress.Loopback, c.Port);
            }
            await EthrexTestKit.WaitUntil(() => c.Log.Count("connection limit of 100") >= 400, 30, "400 connection-limit log lines");
            var answer = await WellBehaved(c);        // answered once the idle ones time out
            Assert.Equal(1UL, Assert.IsType<InputResponse>(answer).BatchNumber);
            await EthrexTestKit.WaitUntil(() => c.Log.Count("no half-close") >= 100, 10, "the idle connections holding slots to time out");
        }
        finally
        {
            foreach (var s in sockets) s.Dispose();
        }
    }

    [Fact]
    public async Task Five_hundred_concurrent_requests_are_each_answered_or_refused()
    {
        await using var c = Start(maxConnections: 64);
        var exchanges = Enumerable.Range(0, 500).Select(_ => Task.Run(async () =>
        {
            try
            {
                return await EthrexTestKit.RawExchange(c.Port, GoodRequest);
            }
            catch (SocketException)
            {
                return [];   // refused at the cap: reset before the request was read
            }
        })).ToArray();
        var replies = await Task.WhenAll(exchanges);
        var answered = replies.Count(r => r.Length > 0);
        var codec = new MessageCodec(ProtocolGeneration.G8);
        foreach (var r in replies.Where(r => r.Length > 0))
            Assert.IsType<InputResponse>(codec.DecodeResponse(r));
        Assert.True(answered > 0);
        Assert.Equal(500 - answered, c.Log.Count("connection limit of 64"));
        Assert.IsType<InputResponse>(await WellBehaved(c));
    }
}
