using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Proving.Core.Curves.Bn254;
using Proving.Core.Curves.Bn254.Encoding;
using Proving.Core.Groth16;

namespace Proving.Core.Tests.Groth16;

/// <summary>
/// snarkjs's Solidity verifier (<c>snarkjs zkey export solidityverifier</c>), compiled with solc-js and deployed on a
/// real anvil (<see cref="AnvilNode"/>) from its unlocked default account; <see cref="Verify"/> makes an eth_call of
/// verifyProof with the ABI encoding built here (EIP-197 order: G2 as x.c1, x.c0, y.c1, y.c0).
/// </summary>
internal sealed class AnvilVerifier : IDisposable
{
    private readonly AnvilNode _anvil = null!;
    private readonly string _contract;
    private readonly string _selector;

    public AnvilVerifier(string zkey)
    {
        var dir = Fixtures.TempDir();
        try
        {
            var sol = Path.Combine(dir, "verifier.sol");
            var (code, output) = NodeTools.Run(RepoPaths.NodeTool("snarkjs"), "zkey", "export", "solidityverifier", zkey, sol);
            if (code != 0) throw new InvalidOperationException("snarkjs solidityverifier failed: " + output);
            (code, output) = NodeTools.Run("node", Path.Combine(Fixtures.Dir, "solc-compile.mjs"), sol);
            if (code != 0) throw new InvalidOperationException("solc failed: " + output);
            var compiled = JsonNode.Parse(output)!;
            var methods = compiled["methods"]!.AsObject();
            _selector = methods.First(m => m.Key.StartsWith("verifyProof(")).Value!.GetValue<string>();
            _anvil = AnvilNode.StartAsync().GetAwaiter().GetResult();
            var from = Rpc("eth_accounts", [])!.AsArray()[0]!.GetValue<string>();
            var tx = Rpc("eth_sendTransaction", [new JsonObject { ["from"] = from, ["data"] = compiled["bytecode"]!.GetValue<string>(), ["gas"] = "0x1000000" }])!.GetValue<string>();
            // anvil mines each transaction at once, but the receipt can lag under load: poll for it
            JsonNode? receipt = null;
            for (var deadline = DateTime.UtcNow.AddSeconds(60); receipt is null && DateTime.UtcNow < deadline; Thread.Sleep(100))
                receipt = Rpc("eth_getTransactionReceipt", [tx]);
            if (receipt is null) throw new TimeoutException("no receipt for the verifier deployment");
            Assert.Equal("0x1", receipt["status"]!.GetValue<string>());
            _contract = receipt["contractAddress"]!.GetValue<string>();
        }
        catch
        {
            Dispose();
            throw;
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>The contract's answer for (proof, public signals): true when verifyProof returns true.</summary>
    public bool Verify(Proof proof, IReadOnlyList<Fr> publicSignals)
    {
        var data = new StringBuilder("0x").Append(_selector);
        data.Append(Convert.ToHexStringLower(EvmEncoding.EncodeG1(proof.A)));
        data.Append(Convert.ToHexStringLower(EvmEncoding.EncodeG2(proof.B)));
        data.Append(Convert.ToHexStringLower(EvmEncoding.EncodeG1(proof.C)));
        foreach (var s in publicSignals) data.Append(Convert.ToHexStringLower(s.ToBytesBigEndian()));
        var result = Rpc("eth_call", [new JsonObject { ["to"] = _contract, ["data"] = data.ToString() }, "latest"])!.GetValue<string>();
        var word = Convert.FromHexString(result[2..]);
        Assert.Equal(32, word.Length);
        return word[31] == 1 && word.AsSpan(0, 31).IndexOfAnyExcept((byte)0) < 0;
    }

    private JsonNode? Rpc(string method, JsonArray parameters)
    {
        var response = _anvil.CallAsync(method, JsonSerializer.SerializeToElement(parameters)).GetAwaiter().GetResult();
        if (response.TryGetProperty("error", out var error)) throw new InvalidOperationException($"{method}: {error}");
        return JsonNode.Parse(response.GetProperty("result").GetRawText());
    }

    public void Dispose() => _anvil?.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
