using System.Security.Cryptography;
using System.Text.Json;
using Proving.Core.Circom;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;
using Proving.Core.Groth16;

namespace Proving.Core.Tests.Groth16;

/// <summary>
/// A larger real circuit at every scale: circomlib's SHA-256 of a 64-byte message (62,528 constraints, 2^16 domain,
/// 256 public digest bits). The fixture lives in tests/fixtures/cache/sha256_64 (git-ignored); scripts/install.d/15-groth16.sh
/// makes it before the tests run (about 2.5 CPU-minutes), and <see cref="Fixtures"/> would make it on first use otherwise.
/// </summary>
public class Sha256ProverTests
{
    [Fact, Trait("Category", "Slow")]
    public void Our_proof_verifies_here_and_in_snarkjs_and_its_public_output_is_the_dotnet_sha256_of_the_message()
    {
        const string name = "sha256_64";
        var r1cs = R1csFile.Read(Fixtures.File(name, "circuit.r1cs"));
        var witness = WtnsFile.Read(Fixtures.File(name, "witness.wtns"), r1cs.NWires);
        Assert.True(r1cs.IsSatisfiedBy(witness));
        var prover = Prover.Load(Fixtures.File(name, "circuit.zkey"), new CpuBackend());
        var (proof, pub) = prover.Prove(witness);
        Assert.True(Verifier.Verify(SnarkjsJson.ReadVerificationKey(Fixtures.File(name, "verification_key.json")), pub, proof));

        // the public signals are the digest bits, most significant bit of each byte first, of the circuit's input message
        var message = MessageFromInput(Fixtures.File(name, "input.json"));
        Assert.Equal(64, message.Length);
        Assert.Equal(Bits(SHA256.HashData(message)), pub);

        var dir = Fixtures.TempDir();
        try
        {
            SnarkjsJson.WriteProof(Path.Combine(dir, "proof.json"), proof);
            SnarkjsJson.WritePublic(Path.Combine(dir, "public.json"), pub);
            Assert.Equal(File.ReadAllText(Fixtures.File(name, "public.json")), File.ReadAllText(Path.Combine(dir, "public.json")));
            Assert.True(NodeTools.SnarkjsVerify(Fixtures.File(name, "verification_key.json"), Path.Combine(dir, "public.json"), Path.Combine(dir, "proof.json")));
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>The message bytes from input.json's "in" bit list (most significant bit first).</summary>
    private static byte[] MessageFromInput(string path)
    {
        var bits = JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("in").EnumerateArray().Select(b => b.GetString() == "1").ToArray();
        Assert.Equal(0, bits.Length % 8);
        var bytes = new byte[bits.Length / 8];
        for (int i = 0; i < bits.Length; i++)
            if (bits[i]) bytes[i / 8] |= (byte)(0x80 >> (i % 8));
        return bytes;
    }

    private static Fr[] Bits(byte[] bytes) =>
        [.. bytes.SelectMany(b => Enumerable.Range(0, 8).Select(j => (b >> (7 - j) & 1) == 1 ? Fr.One : Fr.Zero))];
}
