using System.Numerics;

namespace Proving.Core.Curves.Bn254;

/// <summary>
/// The GLV endomorphism of G1: φ(x, y) = (β·x, y) with β a primitive cube root of unity in Fq acts on G1 as
/// multiplication by λ, a primitive cube root of unity in Fr. The constants are derived at start-up
/// (λ = (-1 + √-3)/2 in Fr, β the cube root that matches λ on the generator) and checked.
/// </summary>
internal static class G1Glv
{
    /// <summary>β in Fq with φ(P) = λ·P.</summary>
    public static readonly Fq Beta;

    /// <summary>The split k = k1 + k2·λ.</summary>
    public static readonly GlvDecomposition Split;

    /// <summary>λ in Fr (canonical value).</summary>
    public static BigInteger Lambda => Split.Lambda;

    static G1Glv()
    {
        if (!(-Fr.FromUInt64(3)).TrySqrt(out var sr)) throw new InvalidOperationException("GLV: -3 is not a square in Fr");
        var lambda = ((sr - Fr.One) * Fr.FromUInt64(2).Inverse()).ToBigInteger();
        if (!(-Fq.FromUInt64(3)).TrySqrt(out var sq)) throw new InvalidOperationException("GLV: -3 is not a square in Fq");
        var beta = (sq - Fq.One) * Fq.FromUInt64(2).Inverse();
        var g = G1Projective.Generator;
        var lg = g.MultiplyWnaf(lambda);
        if (lg != Endomorphism(g, beta)) beta = beta.Square(); // the other primitive cube root
        if (lg != Endomorphism(g, beta)) throw new InvalidOperationException("GLV: no cube root of unity in Fq matches λ");
        Beta = beta;
        Split = new GlvDecomposition(Fr.Modulus, lambda);
    }

    /// <summary>φ(P) = (β·X, Y, Z) in Jacobian coordinates.</summary>
    public static G1Projective Endomorphism(in G1Projective p, in Fq beta) =>
        G1Projective.FromJacobianUnchecked(p.X * beta, p.Y, p.Z);

    /// <summary>k = k1 + k2·λ (mod r) with |k1|, |k2| about √r, for 0 &lt;= k &lt; r.</summary>
    public static void Decompose(BigInteger k, out BigInteger k1, out BigInteger k2) => Split.Decompose(k, out k1, out k2);

    /// <summary>k·P for 0 &lt;= k &lt; r.</summary>
    public static G1Projective Multiply(in G1Projective p, BigInteger k) =>
        Split.Multiply<G1Projective, G1Affine, Fq>(p, Endomorphism(p, Beta), k);
}
