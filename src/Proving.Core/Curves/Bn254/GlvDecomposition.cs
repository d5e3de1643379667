using System.Numerics;
using Proving.Core.Algebra;

namespace Proving.Core.Curves.Bn254;

/// <summary>
/// The two-dimensional GLV split of Gallant, Lambert and Vanstone ("Faster point multiplication on elliptic curves
/// with efficient endomorphisms", CRYPTO 2001) for an endomorphism φ acting on the order-r group as
/// multiplication by λ: k = k1 + k2·λ (mod r) with |k1|, |k2| about √r, so k·P = k1·P + k2·φ(P) costs half the
/// doublings. The short lattice basis is derived from r and λ by the extended Euclidean algorithm (section 4 of the
/// paper), not hard-coded.
/// </summary>
internal sealed class GlvDecomposition
{
    private readonly BigInteger _r;

    // Short basis vectors (a1, b1), (a2, b2) of the lattice {(a, b) : a + b·λ ≡ 0 mod r}.
    private readonly BigInteger _a1, _b1, _a2, _b2;

    public GlvDecomposition(BigInteger r, BigInteger lambda)
    {
        _r = r;
        Lambda = lambda;
        (_a1, _b1, _a2, _b2) = ShortBasis(r, lambda);
    }

    /// <summary>λ, the eigenvalue of the endomorphism on the order-r group.</summary>
    public BigInteger Lambda { get; }

    /// <summary>
    /// Two short vectors of the lattice {(a, b) : a + b·λ ≡ 0 (mod n)}: run the extended Euclidean algorithm on
    /// (n, λ), keeping r_i = s_i·n + t_i·λ, so (r_i, -t_i) lies in the lattice; stop at the last r_l &gt;= √n and take
    /// (r_{l+1}, -t_{l+1}) and the shorter of (r_l, -t_l), (r_{l+2}, -t_{l+2}).
    /// </summary>
    internal static (BigInteger A1, BigInteger B1, BigInteger A2, BigInteger B2) ShortBasis(BigInteger n, BigInteger lambda)
    {
        var sqrtN = Sqrt(n);
        BigInteger r0 = n, r1 = lambda, t0 = 0, t1 = 1;
        while (r1 >= sqrtN)
        {
            var q = r0 / r1;
            (r0, r1) = (r1, r0 - q * r1);
            (t0, t1) = (t1, t0 - q * t1);
        }
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
    public void Decompose(BigInteger k, out BigInteger k1, out BigInteger k2)
    {
        var c1 = RoundDiv(_b2 * k, _r);
        var c2 = RoundDiv(-_b1 * k, _r);
        k1 = k - c1 * _a1 - c2 * _a2;
        k2 = -c1 * _b1 - c2 * _b2;
    }

    /// <summary>round(n / d) for d &gt; 0 (halves round up).</summary>
    private static BigInteger RoundDiv(BigInteger n, BigInteger d)
    {
        var q = BigInteger.DivRem(2 * n + d, 2 * d, out var rem);
        if (rem.Sign < 0) q -= 1;
        return q;
    }

    /// <summary>k·P = k1·P + k2·φ(P) with an interleaved wNAF, given φ(P); for 0 &lt;= k &lt; r and P of order r.</summary>
    public TP Multiply<TP, TA, TF>(in TP p, in TP phiP, BigInteger k)
        where TP : struct, ICurveGroup<TP, TA, TF, Fr>
        where TA : struct, IAffinePoint<TA, TF>
        where TF : struct, IField<TF>
    {
        Decompose(k, out var k1, out var k2);
        var p1 = k1.Sign < 0 ? -p : p;
        var p2 = k2.Sign < 0 ? -phiP : phiP;
        return ScalarMul.Multiply2<TP, TA, TF, Fr>(p1, ScalarMul.Limbs(BigInteger.Abs(k1)), p2, ScalarMul.Limbs(BigInteger.Abs(k2)));
    }
}
