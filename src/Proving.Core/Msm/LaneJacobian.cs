using System.Runtime.CompilerServices;

namespace Proving.Core.Msm;

/// <summary>
/// Jacobian point formulas for y^2 = x^3 + b (a = 0) on eight independent points at once, one per lane of
/// <typeparamref name="TL"/> (x = X/Z^2, y = Y/Z^3; Z = 0 is the identity). The same formulas as the scalar
/// <c>Jacobian&lt;TF&gt;</c> (EFD "g1p/auto-shortw-jacobian-0" dbl-2009-l), so every lane's coordinates equal the
/// scalar result bit for bit, except that an identity lane keeps Z = 0 with other X and Y (the scalar code returns
/// the input unchanged; both represent the identity). No branches: lanes never diverge.
/// <para>
/// Jacobian rather than XYZZ: a doubling costs 2M + 5S here against 6M + 3S for XYZZ (dbl-2008-s-1), and on Fq2 lanes
/// a squaring costs 2 Fq multiplications against 3 for a product (16 against 24 per doubling).
/// </para>
/// </summary>
internal static class LaneJacobian<TL, TV>
    where TL : struct, ILaneField<TV>
    where TV : unmanaged
{
    /// <summary>
    /// (x, y, z) := 2·(x, y, z) in every lane: 2M + 5S. A lane with Z = 0 keeps Z = 2·Y·Z = 0 (the identity stays the
    /// identity), and a point with y = 0 (order 2) gets Z = 0, its double being the identity.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static void Double(ref TV x, ref TV y, ref TV z)
    {
        var a = TL.Square(x);
        var b = TL.Square(y);
        var c = TL.Square(b);
        var d = TL.Sub(TL.Sub(TL.Square(TL.Add(x, b)), a), c);
        d = TL.Add(d, d);
        var e = TL.Add(TL.Add(a, a), a);
        var nx = TL.Sub(TL.Square(e), TL.Add(d, d));
        var c2 = TL.Add(c, c);
        var c4 = TL.Add(c2, c2);
        var ny = TL.Sub(TL.Mul(e, TL.Sub(d, nx)), TL.Add(c4, c4));
        var yz = TL.Mul(y, z);
        x = nx;
        y = ny;
        z = TL.Add(yz, yz);
    }

    /// <summary>Affine (x/z^2, y/z^3) per lane given <paramref name="zInv"/> = 1/z: 3M + 1S.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ToAffine(in TV x, in TV y, in TV zInv, out TV ax, out TV ay)
    {
        var zi2 = TL.Square(zInv);
        ax = TL.Mul(x, zi2);
        ay = TL.Mul(TL.Mul(y, zi2), zInv);
    }
}
