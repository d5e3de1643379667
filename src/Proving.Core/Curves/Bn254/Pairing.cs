namespace Proving.Core.Curves.Bn254;

/// <summary>
/// The optimal ate pairing e: G1 × G2 → GT ⊂ Fq12 of BN254, equal to the pairing of EIP-197 (the Ethereum
/// alt_bn128 precompile): e(P, Q) = MillerLoop(P, Q)^((q^12 - 1)/r) with the Miller loop over 6x + 2
/// (x = 4965661367192848881) and the tower Fq12 = Fq6[w]/(w^2 - v), Fq6 = Fq2[v]/(v^3 - (9 + u)).
/// <para>
/// Inputs must be valid: G1 points on the curve (its group has prime order, so that suffices) and G2 points on the
/// twist and in its order-r subgroup. Nothing here checks that; code that takes untrusted points (the EVM
/// precompile, deserialisers) must validate them first, or the results are meaningless (not a crash: at worst an
/// <see cref="ArgumentException"/> from <see cref="FinalExponentiation"/>).
/// </para>
/// <para>
/// Timing: the field arithmetic is constant-time and the loops have a fixed shape, so running time does not depend
/// on the coordinates. It does depend on which points are infinity (such pairs are skipped), on the number of pairs,
/// and <see cref="Check"/> compares with one in variable time. All inputs here are public in the uses we have
/// (proof verification).
/// </para>
/// </summary>
public static partial class Pairing
{
    /// <summary>e(p, q). Equals one when either point is infinity.</summary>
    /// <param name="p">A point of G1.</param>
    /// <param name="q">A point of the order-r subgroup G2 (not checked).</param>
    public static Fq12 Pair(in G1Affine p, in G2Affine q) => FinalExponentiation(MillerLoop(p, q));

    /// <summary>The product e(p[0], q[0])·…·e(p[n-1], q[n-1]) with one shared Miller loop and one final
    /// exponentiation. Pairs with an infinity point contribute one; empty spans give one.</summary>
    /// <param name="p">Points of G1, as many as <paramref name="q"/>.</param>
    /// <param name="q">Points of the order-r subgroup G2 (not checked).</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static Fq12 MultiPair(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Affine> q) => FinalExponentiation(MillerLoop(p, q));

    /// <summary>True when e(p[0], q[0])·…·e(p[n-1], q[n-1]) = 1: the EIP-197 pairing check (true for empty spans).</summary>
    /// <param name="p">Points of G1, as many as <paramref name="q"/>.</param>
    /// <param name="q">Points of the order-r subgroup G2 (not checked).</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static bool Check(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Affine> q) => MultiPair(p, q).IsOne;
}
