using System.Numerics;
using Proving.Core.Algebra;

namespace Proving.Core.Curves.Bn254;

public readonly partial struct G1Projective
{
    /// <summary>r = k·a, using the GLV endomorphism (two half-length scalars over one doubling chain).</summary>
    public static void Multiply(in G1Projective a, in Fr k, out G1Projective r) => r = G1Glv.Multiply(a, k.ToBigInteger());

    /// <summary>k·this for any integer k (negative values multiply the negated point). Not reduced mod r first,
    /// which makes no difference in G1 (cofactor 1).</summary>
    public G1Projective Multiply(BigInteger k)
    {
        if (k.Sign < 0) return -Multiply(-k);
        if (k < Fr.Modulus) return G1Glv.Multiply(this, k);
        return ScalarMul.Multiply<G1Projective, G1Affine, Fq, Fr>(this, ScalarMul.Limbs(k));
    }

    /// <summary>k·this by plain wNAF without the GLV split (the reference the GLV path is tested against).</summary>
    public G1Projective MultiplyWnaf(BigInteger k) =>
        k.Sign < 0 ? -MultiplyWnaf(-k) : ScalarMul.Multiply<G1Projective, G1Affine, Fq, Fr>(this, ScalarMul.Limbs(k));
}
