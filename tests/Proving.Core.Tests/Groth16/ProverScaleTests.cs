using Proving.Core.Circom;
using Proving.Core.Compute;
using Proving.Core.Groth16;

namespace Proving.Core.Tests.Groth16;

/// <summary>
/// Larger circuits: at full scale (PROVING_TEST_SCALE=full) SHA-256 of a 64-byte message (~62k constraints, 256 public
/// signals; fixture generated into tests/fixtures/cache on first use, minutes), otherwise the committed EdDSA-Poseidon.
/// </summary>
public class ProverScaleTests
{
    [Fact, Trait("Category", "Slow")]
    public void Larger_circuit_proof_verifies_here_and_in_snarkjs()
    {
        string name = TestScale.Full ? "sha256_64" : "eddsa_poseidon";
        var r1cs = R1csFile.Read(Fixtures.File(name, "circuit.r1cs"));
        var witness = WtnsFile.Read(Fixtures.File(name, "witness.wtns"), r1cs.NWires);
        Assert.True(r1cs.IsSatisfiedBy(witness));
        var prover = Prover.Load(Fixtures.File(name, "circuit.zkey"), new CpuBackend());
        var (proof, pub) = prover.Prove(witness);
        Assert.True(Verifier.Verify(SnarkjsJson.ReadVerificationKey(Fixtures.File(name, "verification_key.json")), pub, proof));
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
}
