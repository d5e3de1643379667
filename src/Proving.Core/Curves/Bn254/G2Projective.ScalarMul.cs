using System.Numerics;
using Proving.Core.Algebra;

namespace Proving.Core.Curves.Bn254;

public readonly partial struct G2Projective
{
    /// <summary>ψ acts on G2 as multiplication by q ≡ q - r (mod r); the split k = k1 + k2·(q - r) for GLS.</summary>
    private static readonly GlvDecomposition PsiSplit = new(Fr.Modulus, Fq.Modulus - Fr.Modulus);

    /// <summary>
    /// r = k·a for a point a of G2 (the order-r subgroup), as k1·a + k2·ψ(a) with 128-bit k1, k2 (the GLV method with
    /// the untwist-Frobenius-twist endomorphism ψ, as in Galbraith, Lin and Scott, "Endomorphisms for faster elliptic
    /// curve cryptography on a large class of curves", 2009). For twist points outside G2 the result is not k·a: use
    /// <see cref="Multiply(BigInteger)"/>, which is exact for every twist point.
    /// </summary>
    public static void Multiply(in G2Projective a, in Fr k, out G2Projective r) =>
        r = PsiSplit.Multiply<G2Projective, G2Affine, Fq2>(a, G2Affine.Psi(a), k.ToBigInteger());

    /// <summary>k·this for any integer k (negative values multiply the negated point). k is not reduced mod r, so
    /// the result is exact also for twist points outside the prime-order subgroup.</summary>
    public G2Projective Multiply(BigInteger k) =>
        k.Sign < 0 ? -Multiply(-k) : ScalarMul.Multiply<G2Projective, G2Affine, Fq2, Fr>(this, ScalarMul.Limbs(k));
}
