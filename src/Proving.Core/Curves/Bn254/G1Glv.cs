using System.Numerics;

namespace Proving.Core.Curves.Bn254;

/// <summary>
/// The GLV endomorphism of G1 (Gallant, Lambert, Vanstone, "Faster point multiplication on elliptic curves with
/// efficient endomorphisms", CRYPTO 2001): φ(x, y) = (β·x, y) with β a primitive cube root of unity in Fq acts on G1
/// as multiplication by λ, a primitive cube root of unity in Fr. k·P = k1·P + k2·φ(P) with |k1|, |k2| about √r.
/// The constants are derived at start-up (λ = (-1 + √-3)/2 in Fr, β the cube root that matches λ on the generator,
/// the short lattice basis by the extended Euclidean algorithm on (r, λ)) and checked.
/// </summary>
internal static class G1Glv
{
    /// <summary>β in Fq with φ(P) = λ·P.</summary>
    public static readonly Fq Beta;

    /// <summary>λ in Fr (canonical value).</summary>
    public static readonly BigInteger Lambda;

    // Short basis vectors (a1, b1), (a2, b2) of the lattice {(a, b) : a + b·λ ≡ 0 mod r}.
    private static readonly BigInteger A1, B1, A2, B2;

    static G1Glv()
    {
        var r = Fr.Modulus;
        if (!(-Fr.FromUInt64(3)).TrySqrt(out var sr)) throw new InvalidOperationException("GLV: -3 is not a square in Fr");
        var lambda = (sr - Fr.One) * Fr.FromUInt64(2).Inverse();
        Lambda = lambda.ToBigInteger();
        if (!(-Fq.FromUInt64(3)).TrySqrt(out var sq)) throw new InvalidOperationException("GLV: -3 is not a square in Fq");
        var beta = (sq - Fq.One) * Fq.FromUInt64(2).Inverse();
        var g = G1Projective.Generator;
        var lg = g.MultiplyWnaf(Lambda);
        if (lg != Endomorphism(g, beta)) beta = beta.Square(); // the other primitive cube root
        if (lg != Endomorphism(g, beta)) throw new InvalidOperationException("GLV: no cube root of unity in Fq matches λ");
        Beta = beta;
        (A1, B1, A2, B2) = ShortBasis(r, Lambda);
    }

    /// <summary>φ(P) = (β·X, Y, Z) in Jacobian coordinates.</summary>
    public static G1Projective Endomorphism(in G1Projective p, in Fq beta) =>
        G1Projective.FromJacobianUnchecked(p.X * beta, p.Y, p.Z);

    /// <summary>
    /// Two short vectors of the lattice {(a, b) : a + b·λ ≡ 0 (mod n)} (GLV paper, section 4): run the extended
    /// Euclidean algorithm on (n, λ), keeping r_i = s_i·n + t_i·λ, so (r_i, -t_i) lies in the lattice.
    /// </summary>
    internal static (BigInteger A1, BigInteger B1, BigInteger A2, BigInteger B2) ShortBasis(BigInteger n, BigInteger lambda)
    {
        var sqrtN = Sqrt(n);
        BigInteger r0 = n, r1 = lambda, t0 = 0, t1 = 1;
        // advance until r1 < √n; then (r0, t0) is the last remainder >= √n
        while (r1 >= sqrtN)
        {
            var q = r0 / r1;
            (r0, r1) = (r1, r0 - q * r1);
            (t0, t1) = (t1, t0 - q * t1);
        }
        // r_l = r0, r_{l+1} = r1; r_{l+2} from one more step
        var q2 = r0 / r1;
        var r2 = r0 - q2 * r1;
        var t2 = t0 - q2 * t1;
        BigInteger a1 = r1, b1 = -t1;
        BigInteger a2, b2;
        if (r0 * r0 + t0 * t0 <= r2 * r2 + t2 * t2) { a2 = r0; b2 = -t0; } else { a2 = r2; b2 = -t2; }
        return (a1, b1, a2, b2);
    }

    /// <summary>floor(√n) by Newton's iteration.</summary>
    private static BigInteger Sqrt(BigInteger n)
    {
        if (n < 2) return n;
        var x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2); // >= √n
        while (true)
        {
            var y = (x + n / x) >> 1;
            if (y >= x) return x;
            x = y;
        }
    }

    /// <summary>k = k1 + k2·λ (mod r) with |k1|, |k2| about √r, for 0 &lt;= k &lt; r.</summary>
    public static void Decompose(BigInteger k, out BigInteger k1, out BigInteger k2)
    {
        var r = Fr.Modulus;
        var c1 = RoundDiv(B2 * k, r);
        var c2 = RoundDiv(-B1 * k, r);
        k1 = k - c1 * A1 - c2 * A2;
        k2 = -c1 * B1 - c2 * B2;
    }

    /// <summary>round(n / d) for d &gt; 0 (halves round up).</summary>
    private static BigInteger RoundDiv(BigInteger n, BigInteger d)
    {
        var q = BigInteger.DivRem(2 * n + d, 2 * d, out var rem);
        if (rem.Sign < 0) q -= 1;
        return q;
    }

    /// <summary>k·P for 0 &lt;= k &lt; r via the GLV split and an interleaved wNAF.</summary>
    public static G1Projective Multiply(in G1Projective p, BigInteger k)
    {
        Decompose(k, out var k1, out var k2);
        var p1 = k1.Sign < 0 ? -p : p;
        var p2 = Endomorphism(k2.Sign < 0 ? -p : p, Beta);
        return ScalarMul.Multiply2<G1Projective, G1Affine, Fq, Fr>(p1, ScalarMul.Limbs(BigInteger.Abs(k1)), p2, ScalarMul.Limbs(BigInteger.Abs(k2)));
    }
}
