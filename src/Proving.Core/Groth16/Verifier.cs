using System.Numerics;
using Proving.Core.Curves.Bn254;

namespace Proving.Core.Groth16;

/// <summary>
/// Groth16 verification over BN254 (Groth 2016, as snarkjs and its Solidity verifier check it): with
/// vk_x = IC_0 + Σ pub_i·IC_i, accepts when e(−A, B)·e(alpha, beta)·e(vk_x, gamma)·e(C, delta) = 1, computed as one
/// multi-pairing (shared Miller loop, one final exponentiation).
/// </summary>
public static class Verifier
{
    /// <summary>True when <paramref name="proof"/> is valid for <paramref name="publicSignals"/> under <paramref name="vk"/>.</summary>
    public static bool Verify(VerificationKey vk, ReadOnlySpan<Fr> publicSignals, Proof proof) => Check(vk, publicSignals, proof) is null;

    /// <summary>
    /// As <see cref="Verify(VerificationKey, ReadOnlySpan{Fr}, Proof)"/> for integer public signals, which must lie in [0, r)
    /// (a signal ≥ r is rejected, never reduced: reduction would let one proof verify for several inputs).
    /// </summary>
    public static bool Verify(VerificationKey vk, ReadOnlySpan<BigInteger> publicSignals, Proof proof)
    {
        var fr = new Fr[publicSignals.Length];
        for (int i = 0; i < fr.Length; i++)
        {
            if (publicSignals[i].Sign < 0 || publicSignals[i] >= Fr.Modulus) return false;
            fr[i] = Fr.FromBigInteger(publicSignals[i]);
        }
        return Verify(vk, fr, proof);
    }

    /// <summary>Null when the proof is valid; otherwise why it was rejected (for CLI messages).</summary>
    public static string? Check(VerificationKey vk, ReadOnlySpan<Fr> publicSignals, Proof proof)
    {
        if (publicSignals.Length != vk.NPublic)
            return $"the verification key expects {vk.NPublic} public signals, got {publicSignals.Length}";
        // G1 has cofactor 1, so on-curve (checked when the points were made) means in the group; G2 needs the subgroup check.
        if (!proof.A.IsOnCurve || !proof.C.IsOnCurve || !vk.Alpha1.IsOnCurve) return "a G1 point is not on the curve";
        if (!proof.B.IsInSubgroup) return "proof point B is not in the G2 subgroup";
        if (!vk.Beta2.IsInSubgroup || !vk.Gamma2.IsInSubgroup || !vk.Delta2.IsInSubgroup)
            return "a verification key G2 point is not in the subgroup";
        foreach (var p in vk.IC) if (!p.IsOnCurve) return "an IC point is not on the curve";

        var vkx = G1Projective.FromAffine(vk.IC[0]);
        for (int i = 0; i < publicSignals.Length; i++)
            if (!publicSignals[i].IsZero) vkx += G1Projective.FromAffine(vk.IC[i + 1]) * publicSignals[i];

        ReadOnlySpan<G1Affine> g1 = [proof.A.Negate(), vk.Alpha1, vkx.ToAffine(), proof.C];
        ReadOnlySpan<G2Affine> g2 = [proof.B, vk.Beta2, vk.Gamma2, vk.Delta2];
        return Pairing.Check(g1, g2) ? null : "the pairing check failed";
    }
}
