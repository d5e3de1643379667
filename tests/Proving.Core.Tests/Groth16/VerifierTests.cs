using System.Numerics;
using Proving.Core.Circom;
using Proving.Core.Curves.Bn254;
using Proving.Core.Groth16;

namespace Proving.Core.Tests.Groth16;

/// <summary>Our verifier against proofs made by snarkjs (committed fixtures), tampered proofs and tampered inputs.</summary>
public class VerifierTests
{
    public static TheoryData<string> Small => new() { "poseidon", "eddsa_poseidon" };

    private static (VerificationKey Vk, Fr[] Pub, Proof Proof) Load(string name) => (
        SnarkjsJson.ReadVerificationKey(Fixtures.File(name, "verification_key.json")),
        SnarkjsJson.ReadPublic(Fixtures.File(name, "public.json")),
        SnarkjsJson.ReadProof(Fixtures.File(name, "proof.json")));

    [Theory, MemberData(nameof(Small))]
    public void Accepts_snarkjs_proofs(string name)
    {
        var (vk, pub, proof) = Load(name);
        Assert.Null(Verifier.Check(vk, pub, proof));
        Assert.True(Verifier.Verify(vk, pub.Select(p => p.ToBigInteger()).ToArray(), proof));
    }

    [Theory, MemberData(nameof(Small))]
    public void Rejects_tampered_public_inputs(string name)
    {
        var (vk, pub, proof) = Load(name);
        for (int i = 0; i < pub.Length; i++)
        {
            var bad = (Fr[])pub.Clone();
            bad[i] += Fr.One;
            Assert.False(Verifier.Verify(vk, bad, proof));
        }
        Assert.False(Verifier.Verify(vk, pub[..^1], proof));
        // a signal >= r is rejected, not reduced mod r
        var big = pub.Select(p => p.ToBigInteger()).ToArray();
        big[0] += Fr.Modulus;
        Assert.False(Verifier.Verify(vk, big, proof));
    }

    [Theory, MemberData(nameof(Small))]
    public void Rejects_tampered_proofs(string name)
    {
        var (vk, pub, proof) = Load(name);
        var g1 = G1Projective.Generator;
        Assert.False(Verifier.Verify(vk, pub, proof with { A = (G1Projective.FromAffine(proof.A) + g1).ToAffine() }));
        Assert.False(Verifier.Verify(vk, pub, proof with { C = (G1Projective.FromAffine(proof.C) + g1).ToAffine() }));
        Assert.False(Verifier.Verify(vk, pub, proof with { B = (G2Projective.FromAffine(proof.B) + G2Projective.Generator).ToAffine() }));
        Assert.False(Verifier.Verify(vk, pub, proof with { A = proof.C, C = proof.A }));
        Assert.False(Verifier.Verify(vk, pub, proof with { A = proof.A.Negate() }));
    }

    [Fact]
    public void Rejects_a_proof_under_another_circuits_key()
    {
        var (vk, _, _) = Load("poseidon");
        var (_, pub, proof) = Load("eddsa_poseidon");
        Assert.False(Verifier.Verify(vk, pub, proof));
    }

    [Fact]
    public void Rejects_B_outside_the_G2_subgroup()
    {
        var (vk, pub, proof) = Load("poseidon");
        // a point on the twist but not in the order-r subgroup: search x = i until y^2 = x^3 + b' has a root
        for (ulong i = 1; ; i++)
        {
            var x = new Fq2(Fq.FromUInt64(i), Fq.One);
            if (!(x.Square() * x + G2Affine.B).TrySqrt(out var y)) continue;
            var p = G2Affine.Create(x, y);
            if (p.IsInSubgroup) continue;
            Assert.Contains("subgroup", Verifier.Check(vk, pub, proof with { B = p }));
            return;
        }
    }
}
