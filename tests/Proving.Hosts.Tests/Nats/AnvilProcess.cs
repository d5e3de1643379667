using System.Diagnostics;
using Proving.Hosts.Common.EthRpc;

namespace Proving.Hosts.Tests.Nats;

/// <summary>A real anvil node on 127.0.0.1 and a free port, with automatic mining off (blocks come from <see cref="MineAsync"/>).</summary>
public sealed class AnvilProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AnvilProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        Rpc = new EthRpcClient(Endpoint);
    }

    /// <summary>JSON-RPC port.</summary>
    public int Port { get; }

    /// <summary>http://127.0.0.1:port</summary>
    public Uri Endpoint => new($"http://127.0.0.1:{Port}");

    /// <summary>A client for the node.</summary>
    public EthRpcClient Rpc { get; }

    /// <summary>Starts anvil and waits until it answers eth_blockNumber.</summary>
    public static async Task<AnvilProcess> StartAsync()
    {
        var port = ProcessHelpers.FreePort();
        var psi = new ProcessStartInfo(RepoPaths.NodeTool("anvil"));
        foreach (var a in new[] { "--host", "127.0.0.1", "--port", port.ToString(), "--no-mining", "--silent" }) psi.ArgumentList.Add(a);
        var (p, lines) = ProcessHelpers.StartCollecting(psi);
        var anvil = new AnvilProcess(p, port);
        await ProcessHelpers.WaitUntilAsync(async () =>
        {
            if (p.HasExited) throw new InvalidOperationException("anvil exited: " + string.Join("\n", lines));
            try { await anvil.Rpc.BlockNumberAsync(); return true; }
            catch (JsonRpcException) { return false; }
        }, TimeSpan.FromSeconds(30), "anvil to answer");
        return anvil;
    }

    /// <summary>Mines <paramref name="blocks"/> blocks (<c>anvil_mine</c>) and returns the new head.</summary>
    public async Task<ulong> MineAsync(int blocks)
    {
        await Rpc.CallAsync("anvil_mine", ["0x" + blocks.ToString("x")]);
        return await Rpc.BlockNumberAsync();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Rpc.Dispose();
        ProcessHelpers.KillTree(_process);
        return ValueTask.CompletedTask;
    }
}
