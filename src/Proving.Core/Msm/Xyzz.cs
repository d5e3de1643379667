using System.Runtime.CompilerServices;
using Proving.Core.Algebra;

namespace Proving.Core.Msm;

/// <summary>
/// A point of a short-Weierstrass curve y^2 = x^3 + b (a = 0) in extended Jacobian "XYZZ" coordinates:
/// x = X/ZZ, y = Y/ZZZ with ZZ^3 = ZZZ^2; ZZ = 0 is the point at infinity. Used for MSM buckets because mixed
/// addition costs 8M + 2S (Jacobian: 7M + 4S) and needs no doubling-free special layout. Formulas: add-2008-s,
/// madd-2008-s, dbl-2008-s-1 and mdbl-2008-s-1 of the Explicit-Formulas Database (Bernstein, Lange), with the
/// equal-point and opposite-point cases handled so every addition is complete.
/// </summary>
/// <typeparam name="TF">The coordinate field (Fq for G1, Fq2 for G2).</typeparam>
internal struct Xyzz<TF> where TF : struct, IField<TF>
{
    public TF X, Y, ZZ, ZZZ;

    public readonly bool IsInfinity => ZZ.IsZero;

    /// <summary>The point at infinity (all coordinates zero).</summary>
    public static Xyzz<TF> Infinity => default;

    /// <summary>p += (x2, y2) for an affine point that is not infinity.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddAffine(ref Xyzz<TF> p, in TF x2, in TF y2)
    {
        if (p.ZZ.IsZero)
        {
            p.X = x2; p.Y = y2; p.ZZ = TF.One; p.ZZZ = TF.One;
            return;
        }
        TF u2 = x2 * p.ZZ;
        TF s2 = y2 * p.ZZZ;
        TF pp0 = u2 - p.X;
        TF r = s2 - p.Y;
        if (pp0.IsZero)
        {
            if (r.IsZero) DoubleAffine(ref p, x2, y2);
            else p = default;
            return;
        }
        TF pp = pp0.Square();
        TF ppp = pp0 * pp;
        TF q = p.X * pp;
        TF x3 = r.Square() - ppp - q.Double();
        p.Y = r * (q - x3) - p.Y * ppp;
        p.X = x3;
        p.ZZ = p.ZZ * pp;
        p.ZZZ = p.ZZZ * ppp;
    }

    /// <summary>p -= (x2, y2) for an affine point that is not infinity.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SubAffine(ref Xyzz<TF> p, in TF x2, in TF y2) => AddAffine(ref p, x2, -y2);

    /// <summary>p = 2·(x, y) for an affine point (mdbl-2008-s-1).</summary>
    private static void DoubleAffine(ref Xyzz<TF> p, in TF x, in TF y)
    {
        TF u = y.Double();
        TF v = u.Square();
        TF w = u * v;
        TF s = x * v;
        TF xx = x.Square();
        TF m = xx.Double() + xx;
        TF x3 = m.Square() - s.Double();
        p.Y = m * (s - x3) - w * y;
        p.X = x3;
        p.ZZ = v;
        p.ZZZ = w;
    }

    /// <summary>p = 2p (dbl-2008-s-1 with a = 0).</summary>
    public static void Double(ref Xyzz<TF> p)
    {
        if (p.ZZ.IsZero) return;
        TF u = p.Y.Double();
        TF v = u.Square();
        TF w = u * v;
        TF s = p.X * v;
        TF xx = p.X.Square();
        TF m = xx.Double() + xx;
        TF x3 = m.Square() - s.Double();
        p.Y = m * (s - x3) - w * p.Y;
        p.X = x3;
        p.ZZ = v * p.ZZ;
        p.ZZZ = w * p.ZZZ;
    }

    /// <summary>p += q (add-2008-s), complete.</summary>
    public static void Add(ref Xyzz<TF> p, in Xyzz<TF> q)
    {
        if (q.ZZ.IsZero) return;
        if (p.ZZ.IsZero) { p = q; return; }
        TF u1 = p.X * q.ZZ;
        TF u2 = q.X * p.ZZ;
        TF s1 = p.Y * q.ZZZ;
        TF s2 = q.Y * p.ZZZ;
        TF pp0 = u2 - u1;
        TF r = s2 - s1;
        if (pp0.IsZero)
        {
            if (r.IsZero) Double(ref p);
            else p = default;
            return;
        }
        TF pp = pp0.Square();
        TF ppp = pp0 * pp;
        TF qq = u1 * pp;
        TF x3 = r.Square() - ppp - qq.Double();
        p.Y = r * (qq - x3) - s1 * ppp;
        p.X = x3;
        p.ZZ = p.ZZ * q.ZZ * pp;
        p.ZZZ = p.ZZZ * q.ZZZ * ppp;
    }

    /// <summary>
    /// Jacobian coordinates (X', Y', Z') of the same point: X' = X·ZZ^2, Y' = Y·ZZ^3, Z' = ZZZ, since then
    /// X'/Z'^2 = X·ZZ^2/ZZ^3 = X/ZZ and Y'/Z'^3 = Y·ZZ^3/(ZZZ·ZZ^3) = Y/ZZZ. Infinity gives Z' = 0.
    /// </summary>
    public readonly void ToJacobian(out TF x, out TF y, out TF z)
    {
        if (ZZ.IsZero) { x = TF.One; y = TF.One; z = TF.Zero; return; }
        TF zz2 = ZZ.Square();
        x = X * zz2;
        y = Y * zz2 * ZZ;
        z = ZZZ;
    }
}
