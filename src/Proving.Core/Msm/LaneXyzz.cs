using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Proving.Core.Algebra;

namespace Proving.Core.Msm;

/// <summary>
/// Eight <see cref="Xyzz{TF}"/> points at once, one per lane of the lane field <typeparamref name="TL"/> (elements
/// <typeparamref name="TV"/>, eight <typeparamref name="TF"/> values): the same mixed addition (madd-2008-s, 8M + 2S)
/// and full addition (add-2008-s, 12M + 2S) as <see cref="Xyzz{TF}"/>, with the special cases decided per lane. A lane
/// whose accumulator is infinity (ZZ = 0) takes the addend by selection; an infinite or absent addend leaves its lane
/// unchanged; a lane where both points are finite and their x-coordinates coincide (U1 = U2: a doubling, or P + (−P))
/// is found by a zero test and redone with the scalar <see cref="Xyzz{TF}"/> code (the lanes are stored to a stack
/// buffer, fixed up and reloaded), so every lane ends exactly as the scalar addition would leave it.
/// <para>
/// In memory an <see cref="Xyzz{TF}"/> is (X, Y, ZZ, ZZZ), coordinate c at element offset c, which is how
/// <see cref="ILaneField{TV}.Gather"/> and <see cref="ILaneField{TV}.Scatter"/> address it. The caller pairs
/// <typeparamref name="TL"/> with its scalar field (FqLanes with Fq, Fq2Lanes with Fq2) and checks that the lane field
/// runs on this hardware. The additions are compiled out of line, each around its dozen out-of-line lane
/// multiplications (see <see cref="FqLanes.Product"/>).
/// </para>
/// </summary>
internal unsafe struct LaneXyzz<TL, TV, TF>
    where TL : struct, ILaneField<TV>
    where TV : unmanaged
    where TF : unmanaged, IField<TF>
{
    /// <summary>The coordinates of the eight points.</summary>
    public TV X, Y, ZZ, ZZZ;

    /// <summary>Infinity in every lane (all coordinates zero, as <see cref="Xyzz{TF}.Infinity"/>).</summary>
    public static LaneXyzz<TL, TV, TF> Infinity => new() { X = TL.Zero, Y = TL.Zero, ZZ = TL.Zero, ZZZ = TL.Zero };

    /// <summary>The eight points at p[0..7] (addresses of <see cref="Xyzz{TF}"/> values; repeats allowed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneXyzz<TL, TV, TF> Gather(Limbs4** p) =>
        new() { X = TL.Gather(p, 0), Y = TL.Gather(p, 1), ZZ = TL.Gather(p, 2), ZZZ = TL.Gather(p, 3) };

    /// <summary>Writes the eight points to p[0..7] (distinct addresses of <see cref="Xyzz{TF}"/> values).</summary>
    public readonly void Scatter(Limbs4** p)
    {
        TL.Scatter(p, 0, X);
        TL.Scatter(p, 1, Y);
        TL.Scatter(p, 2, ZZ);
        TL.Scatter(p, 3, ZZZ);
    }

    /// <summary>Writes the eight points to the consecutive values r[0..7].</summary>
    public readonly void Store(Xyzz<TF>* r)
    {
        var p = stackalloc Limbs4*[8];
        for (int k = 0; k < 8; k++) p[k] = (Limbs4*)(r + k);
        Scatter(p);
    }

    /// <summary>The eight consecutive points r[0..7].</summary>
    public static LaneXyzz<TL, TV, TF> Load(Xyzz<TF>* r)
    {
        var p = stackalloc Limbs4*[8];
        for (int k = 0; k < 8; k++) p[k] = (Limbs4*)(r + k);
        return Gather(p);
    }

    /// <summary>One bit per lane (bit k for lane k) of a lane mask.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Bits(Vector512<ulong> mask) => (uint)Vector512.ExtractMostSignificantBits(mask);

    /// <summary>p += (x2, y2) in the lanes where <paramref name="present"/> is all ones (affine points, not infinity, as
    /// for <see cref="Xyzz{TF}.AddAffine"/>); the other lanes of p are unchanged.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void AddAffine(ref LaneXyzz<TL, TV, TF> p, in TV x2, in TV y2, Vector512<ulong> present)
    {
        uint add = Bits(present);
        if (add == 0) return;
        var inf = TL.IsZero(p.ZZ);
        uint start = Bits(inf) & add; // lanes that just take the point
        if (start == add)
        {
            var one = TL.One;
            p.X = TL.Select(present, x2, p.X);
            p.Y = TL.Select(present, y2, p.Y);
            p.ZZ = TL.Select(present, one, p.ZZ);
            p.ZZZ = TL.Select(present, one, p.ZZZ);
            return;
        }
        var u2 = TL.Mul(x2, p.ZZ);
        var s2 = TL.Mul(y2, p.ZZZ);
        var pp0 = TL.Sub(u2, p.X);
        var r = TL.Sub(s2, p.Y);
        uint special = Bits(TL.IsZero(pp0)) & add & ~start;
        var pp = TL.Square(pp0);
        var ppp = TL.Mul(pp0, pp);
        var q = TL.Mul(p.X, pp);
        var x3 = TL.Sub(TL.Sub(TL.Square(r), ppp), TL.Add(q, q));
        var y3 = TL.Sub(TL.Mul(r, TL.Sub(q, x3)), TL.Mul(p.Y, ppp));
        var zz3 = TL.Mul(p.ZZ, pp);
        var zzz3 = TL.Mul(p.ZZZ, ppp);
        LaneXyzz<TL, TV, TF> before = special != 0 ? p : default;
        var keep = ~present;
        var oneLanes = TL.One;
        p.X = TL.Select(keep, p.X, TL.Select(inf, x2, x3));
        p.Y = TL.Select(keep, p.Y, TL.Select(inf, y2, y3));
        p.ZZ = TL.Select(keep, p.ZZ, TL.Select(inf, oneLanes, zz3));
        p.ZZZ = TL.Select(keep, p.ZZZ, TL.Select(inf, oneLanes, zzz3));
        if (special != 0) FixAddAffine(ref p, before, x2, y2, special);
    }

    /// <summary>Redoes the lanes in <paramref name="lanes"/> of p = before + (x2, y2) with the scalar formulas.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void FixAddAffine(ref LaneXyzz<TL, TV, TF> p, in LaneXyzz<TL, TV, TF> before, in TV x2, in TV y2, uint lanes)
    {
        var buffer = stackalloc Xyzz<TF>[8];
        var xs = stackalloc TF[8];
        var ys = stackalloc TF[8];
        before.Store(buffer);
        TL.Store(xs, x2);
        TL.Store(ys, y2);
        for (int k = 0; k < 8; k++)
            if ((lanes >> k & 1) != 0) Xyzz<TF>.AddAffine(ref buffer[k], xs[k], ys[k]);
        Patch(ref p, buffer, lanes);
    }

    /// <summary>p += q per lane (as <see cref="Xyzz{TF}.Add"/>, complete); q must not be p itself.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Add(ref LaneXyzz<TL, TV, TF> p, in LaneXyzz<TL, TV, TF> q)
    {
        var qInf = TL.IsZero(q.ZZ);
        uint qInfBits = Bits(qInf);
        if (qInfBits == 0xFF) return;
        var pInf = TL.IsZero(p.ZZ);
        uint pInfBits = Bits(pInf);
        if ((pInfBits | qInfBits) == 0xFF)
        {
            // every lane takes q or keeps p
            p.X = TL.Select(pInf, q.X, p.X);
            p.Y = TL.Select(pInf, q.Y, p.Y);
            p.ZZ = TL.Select(pInf, q.ZZ, p.ZZ);
            p.ZZZ = TL.Select(pInf, q.ZZZ, p.ZZZ);
            return;
        }
        var u1 = TL.Mul(p.X, q.ZZ);
        var u2 = TL.Mul(q.X, p.ZZ);
        var s1 = TL.Mul(p.Y, q.ZZZ);
        var s2 = TL.Mul(q.Y, p.ZZZ);
        var pp0 = TL.Sub(u2, u1);
        var r = TL.Sub(s2, s1);
        uint special = Bits(TL.IsZero(pp0)) & ~(pInfBits | qInfBits) & 0xFF;
        var pp = TL.Square(pp0);
        var ppp = TL.Mul(pp0, pp);
        var qq = TL.Mul(u1, pp);
        var x3 = TL.Sub(TL.Sub(TL.Square(r), ppp), TL.Add(qq, qq));
        var y3 = TL.Sub(TL.Mul(r, TL.Sub(qq, x3)), TL.Mul(s1, ppp));
        var zz3 = TL.Mul(TL.Mul(p.ZZ, q.ZZ), pp);
        var zzz3 = TL.Mul(TL.Mul(p.ZZZ, q.ZZZ), ppp);
        LaneXyzz<TL, TV, TF> before = special != 0 ? p : default;
        p.X = TL.Select(qInf, p.X, TL.Select(pInf, q.X, x3));
        p.Y = TL.Select(qInf, p.Y, TL.Select(pInf, q.Y, y3));
        p.ZZ = TL.Select(qInf, p.ZZ, TL.Select(pInf, q.ZZ, zz3));
        p.ZZZ = TL.Select(qInf, p.ZZZ, TL.Select(pInf, q.ZZZ, zzz3));
        if (special != 0) FixAdd(ref p, before, q, special);
    }

    /// <summary>Redoes the lanes in <paramref name="lanes"/> of p = before + q with the scalar formulas.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void FixAdd(ref LaneXyzz<TL, TV, TF> p, in LaneXyzz<TL, TV, TF> before, in LaneXyzz<TL, TV, TF> q, uint lanes)
    {
        var buffer = stackalloc Xyzz<TF>[8];
        var addend = stackalloc Xyzz<TF>[8];
        before.Store(buffer);
        q.Store(addend);
        for (int k = 0; k < 8; k++)
            if ((lanes >> k & 1) != 0) Xyzz<TF>.Add(ref buffer[k], addend[k]);
        Patch(ref p, buffer, lanes);
    }

    /// <summary>Replaces the lanes in <paramref name="lanes"/> of p by buffer[k].</summary>
    private static void Patch(ref LaneXyzz<TL, TV, TF> p, Xyzz<TF>* buffer, uint lanes)
    {
        var fixedLanes = Load(buffer);
        var m = stackalloc ulong[8];
        for (int k = 0; k < 8; k++) m[k] = (lanes >> k & 1) != 0 ? ulong.MaxValue : 0;
        var mask = Vector512.Load(m);
        p.X = TL.Select(mask, fixedLanes.X, p.X);
        p.Y = TL.Select(mask, fixedLanes.Y, p.Y);
        p.ZZ = TL.Select(mask, fixedLanes.ZZ, p.ZZ);
        p.ZZZ = TL.Select(mask, fixedLanes.ZZZ, p.ZZZ);
    }
}
