using Proving.Core.Circom;
using Proving.Core.Curves.Bn254;
using Proving.Core.Groth16;

namespace Proving.Core.Tests.Groth16;

/// <summary>
/// snarkjs's Solidity verifier on a real anvil accepts snarkjs's proofs and ours, and rejects tampered ones. (One class,
/// so its tests, which each start an anvil, run one after another.)
/// </summary>
public class InteropTests
{
    [Fact]
    public void Solidity_verifier_on_anvil_accepts_snarkjs_proof_and_rejects_tampered_ones()
    {
        const string name = "eddsa_poseidon";
        using var evm = new AnvilVerifier(Fixtures.File(name, "circuit.zkey"));
        var proof = SnarkjsJson.ReadProof(Fixtures.File(name, "proof.json"));
        var pub = SnarkjsJson.ReadPublic(Fixtures.File(name, "public.json"));
        Assert.True(evm.Verify(proof, pub));
        var badPub = (Fr[])pub.Clone();
        badPub[^1] += Fr.One;
        Assert.False(evm.Verify(proof, badPub));
        Assert.False(evm.Verify(proof with { C = (G1Projective.FromAffine(proof.C) + G1Projective.Generator).ToAffine() }, pub));
    }

    [Fact]
    public void Solidity_verifier_on_anvil_accepts_our_proof_and_rejects_a_tampered_one()
    {
        const string name = "eddsa_poseidon";
        var (proof, pub) = ProverTests.For(name).Prove(ProverTests.Witness(name));
        using var evm = new AnvilVerifier(Fixtures.File(name, "circuit.zkey"));
        Assert.True(evm.Verify(proof, pub));
        Assert.False(evm.Verify(proof with { A = (G1Projective.FromAffine(proof.A) + G1Projective.Generator).ToAffine() }, pub));
        var bad = (Fr[])pub.Clone();
        bad[0] += Fr.One;
        Assert.False(evm.Verify(proof, bad));
    }
}
