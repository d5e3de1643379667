using System.Text.Json;
using Proving.Core.Evm;

namespace Proving.Core.Tests.Evm;

/// <summary>Starts one anvil for the test class and kills it afterwards.</summary>
public sealed class AnvilFixture : IAsyncLifetime
{
    public AnvilNode Node { get; private set; } = null!;

    public async Task InitializeAsync() => Node = await AnvilNode.StartAsync();

    public async Task DisposeAsync() { if (Node != null) await Node.DisposeAsync(); }
}

/// <summary>
/// Differential test against a real EVM: our precompiles and anvil's (via eth_call to 0x06 / 0x07 / 0x08) on random,
/// edge and invalid inputs. Valid inputs must give identical bytes; invalid ones must fail on both sides (anvil
/// answers a failing precompile call with a JSON-RPC error, "EVM error PrecompileError").
/// </summary>
public sealed class AnvilPrecompileTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    private delegate bool Precompile(ReadOnlySpan<byte> input, out byte[] output, out PrecompileError error);

    private async Task<(int Ok, int Failed)> CompareAsync(int address, IReadOnlyList<byte[]> inputs, Precompile ours)
    {
        var to = "0x" + address.ToString("x40");
        int ok = 0, failed = 0;
        foreach (var chunk in inputs.Chunk(100))
        {
            var calls = chunk.Select(d => ("eth_call", AnvilNode.EthCallParams(to, d))).ToList();
            var responses = await anvil.Node.BatchAsync(calls);
            for (int i = 0; i < chunk.Length; i++)
            {
                var input = Convert.ToHexString(chunk[i]);
                bool oursOk = ours(chunk[i], out var output, out var error);
                if (responses[i].TryGetProperty("result", out var result))
                {
                    Assert.True(oursOk, $"0x{address:x2}: anvil accepted {input}, we failed with {error}");
                    Assert.Equal(result.GetString(), "0x" + Convert.ToHexString(output).ToLowerInvariant());
                    ok++;
                }
                else
                {
                    var message = responses[i].GetProperty("error").GetProperty("message").GetString();
                    Assert.Contains("PrecompileError", message);
                    Assert.False(oursOk, $"0x{address:x2}: anvil failed ({message}) on {input}, we returned {Convert.ToHexString(output ?? [])}");
                    failed++;
                }
            }
        }
        return (ok, failed);
    }

    private static bool EcAdd(ReadOnlySpan<byte> input, out byte[] output, out PrecompileError error)
    {
        output = new byte[64];
        return Bn254Precompiles.TryEcAdd(input, output, out error);
    }

    private static bool EcMul(ReadOnlySpan<byte> input, out byte[] output, out PrecompileError error)
    {
        output = new byte[64];
        return Bn254Precompiles.TryEcMul(input, output, out error);
    }

    private static bool EcPairing(ReadOnlySpan<byte> input, out byte[] output, out PrecompileError error)
    {
        output = new byte[32];
        return Bn254Precompiles.TryEcPairing(input, output, out error);
    }

    [Fact]
    public async Task EcPairingMatchesAnvil()
    {
        var cases = PrecompileCases.EcPairing(TestScale.Pick(24, 100), seed: 63);
        var (ok, failed) = await CompareAsync(Bn254Precompiles.EcPairingAddress, cases, EcPairing);
        Assert.True(ok > 30 && failed >= 30, $"{ok} valid, {failed} invalid");
    }

    [Fact]
    public async Task EcAddMatchesAnvil()
    {
        var cases = PrecompileCases.EcAdd(TestScale.Pick(100, 400), seed: 61);
        var (ok, failed) = await CompareAsync(Bn254Precompiles.EcAddAddress, cases, EcAdd);
        Assert.True(ok > 100 && failed >= 15, $"{ok} valid, {failed} invalid");
    }

    [Fact]
    public async Task EcMulMatchesAnvil()
    {
        var cases = PrecompileCases.EcMul(TestScale.Pick(100, 400), seed: 62);
        var (ok, failed) = await CompareAsync(Bn254Precompiles.EcMulAddress, cases, EcMul);
        Assert.True(ok > 130 && failed >= 15, $"{ok} valid, {failed} invalid");
    }
}
