using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Proving.Hosts.Common.EthRpc;

namespace Proving.Hosts.Tests.Nats;

/// <summary>The JSON-RPC client against a real anvil node, and its handling of bad replies.</summary>
public sealed class EthRpcClientTests
{
    [Fact]
    public async Task BlockNumber_FollowsAnvilMine()
    {
        await using var anvil = await AnvilProcess.StartAsync();
        var start = await anvil.Rpc.BlockNumberAsync();
        Assert.Equal(start + 7, await anvil.MineAsync(7));
        Assert.Equal(31337ul, await anvil.Rpc.ChainIdAsync());
        var err = await Assert.ThrowsAsync<JsonRpcException>(() => anvil.Rpc.CallAsync("no_such_method"));
        Assert.Equal(-32601, err.Code);
    }

    [Fact]
    public async Task UnreachableNode_ThrowsJsonRpcException()
    {
        using var rpc = new EthRpcClient(new Uri($"http://127.0.0.1:{ProcessHelpers.FreePort()}"));
        await Assert.ThrowsAsync<JsonRpcException>(() => rpc.BlockNumberAsync());
    }

    [Theory]
    [InlineData("200", "not json")]
    [InlineData("200", "[1,2]")]
    [InlineData("200", "{\"jsonrpc\":\"2.0\",\"id\":1}")]
    [InlineData("200", "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"12\"}")]
    [InlineData("200", "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x10000000000000000\"}")]
    [InlineData("200", "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":17}")]
    [InlineData("500", "boom")]
    public async Task BadReplies_ThrowJsonRpcException(string status, string body)
    {
        await using var server = await OneShotHttpServer.StartAsync(int.Parse(status), body);
        using var rpc = new EthRpcClient(server.Endpoint);
        await Assert.ThrowsAsync<JsonRpcException>(() => rpc.BlockNumberAsync());
    }

    [Fact]
    public void ParseQuantity_AcceptsHexQuantities()
    {
        Assert.Equal(0x1a2bul, EthRpcClient.ParseQuantity(JsonDocument.Parse("\"0x1a2b\"").RootElement));
        Assert.Equal(ulong.MaxValue, EthRpcClient.ParseQuantity(JsonDocument.Parse("\"0xffffffffffffffff\"").RootElement));
        Assert.Throws<JsonRpcException>(() => EthRpcClient.ParseQuantity(JsonDocument.Parse("\"0x\"").RootElement));
    }

    /// <summary>A tiny HTTP server answering every request with one fixed response.</summary>
    private sealed class OneShotHttpServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private Task _loop = Task.CompletedTask;

        public Uri Endpoint => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

        public static Task<OneShotHttpServer> StartAsync(int status, string body)
        {
            var s = new OneShotHttpServer();
            s._listener.Start();
            s._loop = Task.Run(async () =>
            {
                while (!s._stop.IsCancellationRequested)
                {
                    using var client = await s._listener.AcceptTcpClientAsync(s._stop.Token);
                    var stream = client.GetStream();
                    var buf = new byte[65536];
                    var text = "";
                    while (!text.Contains("\r\n\r\n") || !HasBody(text)) text += Encoding.ASCII.GetString(buf, 0, await stream.ReadAsync(buf, s._stop.Token));
                    var bytes = Encoding.UTF8.GetBytes(body);
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n"));
                    await stream.WriteAsync(bytes);
                }
            });
            return Task.FromResult(s);
        }

        private static bool HasBody(string request)
        {
            var i = request.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var m = System.Text.RegularExpressions.Regex.Match(request, "Content-Length: *(\\d+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            return !m.Success || request.Length - i - 4 >= int.Parse(m.Groups[1].Value);
        }

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _listener.Stop();
            try { await _loop; } catch (Exception) { }
        }
    }
}
