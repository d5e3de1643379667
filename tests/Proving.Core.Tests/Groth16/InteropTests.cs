using Proving.Core.Circom;
using Proving.Core.Curves.Bn254;
using Proving.Core.Groth16;

namespace Proving.Core.Tests.Groth16;

/// <summary>Peers accept what they should: the snarkjs CLI and snarkjs's Solidity verifier on a real anvil.</summary>
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
}
