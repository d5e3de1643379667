namespace Proving.Core.Curves.Bn254;

public readonly partial struct G2Affine
{
    /// <summary>ξ^((q-1)/3), the x factor of the untwist-Frobenius-twist map ψ (ξ = 9 + u).</summary>
    private static readonly Fq2 PsiX = Fq2.NonResidue.Pow((Fq.Modulus - 1) / 3);

    /// <summary>ξ^((q-1)/2), the y factor of ψ.</summary>
    private static readonly Fq2 PsiY = Fq2.NonResidue.Pow((Fq.Modulus - 1) / 2);

    /// <summary>q - r = 6u^2 (u the BN parameter): ψ acts on G2 as multiplication by q ≡ 6u^2 (mod r).</summary>
    private static readonly ulong[] SixUSquared = ScalarMul.Limbs(Fq.Modulus - Fr.Modulus);

    /// <summary>
    /// ψ(x, y) = (conj(x)·ξ^((q-1)/3), conj(y)·ξ^((q-1)/2)): the q-power Frobenius of E(Fq12) carried to the twist
    /// through the D-type untwisting map (x, y) ↦ (x·w^2, y·w^3), w^6 = ξ. An endomorphism of the twist.
    /// </summary>
    internal static G2Projective Psi(in G2Projective p) =>
        G2Projective.FromJacobianUnchecked(p.X.Conjugate() * PsiX, p.Y.Conjugate() * PsiY, p.Z.Conjugate());

    /// <summary>
    /// True when this point lies in the prime-order subgroup G2 (order r), which the pairing requires; infinity is in
    /// it. Assumes the point is on the twist (false otherwise). Test: ψ(P) = [λ]P with λ = q - r = 6u^2 (M. Scott, "A
    /// note on group membership tests for G1, G2 and GT on BLS pairing-friendly curves", ePrint 2021/1130), a 127-bit
    /// scalar multiplication instead of the 254-bit r·P = O. Sound for every twist point: ψ satisfies
    /// ψ^2 - tψ + q = 0 with trace t = q + 1 - r = λ + 1, so ψ(P) = [λ]P gives (λ^2 - tλ + q)P = (q - λ)P = r·P = O;
    /// conversely ψ acts on G2 as q ≡ λ (mod r). The tests also check it against r·P on random twist points.
    /// </summary>
    public bool IsInSubgroup
    {
        get
        {
            if (IsInfinity) return true;
            if (!IsOnCurve) return false;
            var p = G2Projective.FromAffine(this);
            return Psi(p) == ScalarMul.Multiply<G2Projective, G2Affine, Fq2, Fr>(p, SixUSquared);
        }
    }

    /// <summary>The subgroup test by definition, r·P = O (twice as slow as <see cref="IsInSubgroup"/>; the oracle).</summary>
    public bool IsInSubgroupByOrder => IsInfinity || (IsOnCurve && G2Projective.FromAffine(this).Multiply(Fr.Modulus).IsIdentity);

    /// <summary>The point (x, y), checked to be on the twist and in the subgroup G2.</summary>
    /// <exception cref="Proving.Core.Algebra.NonCanonicalEncodingException">Not on the twist, or not in G2.</exception>
    public static G2Affine CreateInSubgroup(Fq2 x, Fq2 y)
    {
        var p = Create(x, y);
        if (!p.IsInSubgroup) throw new Proving.Core.Algebra.NonCanonicalEncodingException("G2: point is not in the prime-order subgroup");
        return p;
    }
}
