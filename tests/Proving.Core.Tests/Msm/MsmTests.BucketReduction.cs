using Proving.Core.Algebra;
using Proving.Core.Curves.Bn254;
using Proving.Core.Msm;

namespace Proving.Core.Tests.Msm;

/// <summary>The window sum Σ (b + 1)·B_b (<see cref="BucketReduction"/>): the eight-lane segmented running sums and the
/// scalar running sum against a running sum in the curve's own projective arithmetic, for every bucket count 0..100 and
/// larger ones, with empty, repeated, opposite and overflow buckets; and whole windows through both accumulators with
/// the lane reduction on and off against the naive MSM.</summary>
public abstract partial class MsmTests<TProj, TAff, TF>
{
    private static TProj ToProjective(in Xyzz<TF> p)
    {
        p.ToJacobian(out var x, out var y, out var z);
        return TProj.FromJacobianUnchecked(x, y, z);
    }

    /// <summary>Affine buckets (pairs x, y; full flags) and XYZZ overflow buckets over a small pool of points, so
    /// that neighbouring buckets repeat or cancel each other and running sums meet the sums (doublings and cancellations
    /// in the lanes); <paramref name="emptyPercent"/> of the buckets empty.</summary>
    private static (TF[] Xy, bool[] Full, Xyzz<TF>[]? Overflow) ReductionInput(int used, int pool, int emptyPercent, bool overflow, Random rng)
    {
        var points = Points(pool, rng.Next(), special: false);
        var xy = new TF[2 * used];
        var full = new bool[used];
        var extra = overflow ? new Xyzz<TF>[used] : null;
        for (int b = 0; b < used; b++)
        {
            if (rng.Next(100) >= emptyPercent)
            {
                // a pool point, or the previous bucket's point or its negation
                var p = b > 0 && full[b - 1] && rng.Next(3) == 0 ? PointOf(xy, b - 1) : points[rng.Next(pool)];
                if (rng.Next(3) == 0) p = p.Negate();
                (xy[2 * b], xy[2 * b + 1], full[b]) = (p.X, p.Y, true);
            }
            if (extra != null && rng.Next(3) == 0)
            {
                var a = points[rng.Next(pool)];
                var c = points[rng.Next(pool)];
                Xyzz<TF>.AddAffine(ref extra[b], a.X, a.Y);
                Xyzz<TF>.SubAffine(ref extra[b], c.X, c.Y); // sometimes a − a: an empty overflow bucket
            }
        }
        return (xy, full, extra);
    }

    private static TAff PointOf(TF[] xy, int b) => TProj.FromJacobianUnchecked(xy[2 * b], xy[2 * b + 1], TF.One).ToAffine();

    /// <summary>Σ (b + 1)·(B_b + O_b) by a running sum in <typeparamref name="TProj"/>.</summary>
    private static TProj ExpectedWindowSum(TF[] xy, bool[] full, Xyzz<TF>[]? overflow, int used)
    {
        TProj running = TProj.Identity, sum = TProj.Identity;
        for (int b = used - 1; b >= 0; b--)
        {
            if (full[b]) running += TProj.FromAffine(PointOf(xy, b));
            if (overflow != null) running += ToProjective(overflow[b]);
            sum += running;
        }
        return sum;
    }

    private static unsafe void CheckReduction(int used, int pool, int emptyPercent, bool overflow, Random rng)
    {
        var (xy, full, extra) = ReductionInput(used, pool, emptyPercent, overflow, rng);
        var expected = ExpectedWindowSum(xy, full, extra, used);
        string where = $"used = {used}, pool = {pool}, empty {emptyPercent}%, overflow {overflow}";
        var xyzz = new Xyzz<TF>[used];
        for (int b = 0; b < used; b++)
        {
            if (full[b]) Xyzz<TF>.AddAffine(ref xyzz[b], xy[2 * b], xy[2 * b + 1]);
            if (extra != null) Xyzz<TF>.Add(ref xyzz[b], extra[b]);
        }
        fixed (TF* pxy = xy) fixed (bool* pf = full) fixed (Xyzz<TF>* po = extra, px = xyzz)
        {
            Assert.True(expected == ToProjective(BucketReduction.SumAffine(pxy, pf, po, used, lanes: false)), "scalar affine, " + where);
            Assert.True(expected == ToProjective(BucketReduction.SumAffine(pxy, pf, po, used, lanes: true)), "affine, " + where);
            Assert.True(expected == ToProjective(BucketReduction.SumXyzz(px, used, lanes: false)), "scalar XYZZ, " + where);
            if (!BucketReduction.LanesApply<TF>()) return;
            // the lane reduction at every size, below MinBuckets too
            Assert.True(expected == ToProjective(BucketReduction.LaneSumAffine(pxy, pf, po, used)), "lane affine, " + where);
            Assert.True(expected == ToProjective(BucketReduction.LaneSumXyzz(px, used)), "lane XYZZ, " + where);
        }
    }

    [Fact]
    public void BucketReductionInLanesEqualsRunningSumForEveryBucketCountUpTo100()
    {
        var rng = new Random(51);
        for (int used = 0; used <= 100; used++)
        {
            // alternate: many distinct points or a tiny pool; dense or sparse buckets; with or without overflow
            int pool = used % 2 == 0 ? 2 : 40;
            int empty = used % 3 == 0 ? 85 : 20;
            CheckReduction(used, pool, empty, overflow: used % 4 == 1, rng);
        }
        foreach (int used in new[] { 127, 128, 129, 257, 1000 })
            foreach (bool overflow in new[] { false, true })
                CheckReduction(used, used % 2 == 0 ? 3 : 64, 30, overflow, rng);
    }

    [Fact]
    public void BucketReductionInLanesHandlesSingleAndAllEqualBuckets()
    {
        var p = Points(1, 53, special: false)[0];
        foreach (int used in new[] { 1, 8, 9, 33, 64, 65, 200 })
        {
            // one bucket only (top, bottom, middle), every bucket equal, alternating P and -P
            foreach (var pattern in new Func<int, TAff?>[] { b => b == used - 1 ? p : null, b => b == 0 ? p : null, b => b == used / 2 ? p : null,
                         _ => p, b => b % 2 == 0 ? p : p.Negate() })
            {
                var xy = new TF[2 * used];
                var full = new bool[used];
                for (int b = 0; b < used; b++)
                    if (pattern(b) is { } q) (xy[2 * b], xy[2 * b + 1], full[b]) = (q.X, q.Y, true);
                var expected = ExpectedWindowSum(xy, full, null, used);
                unsafe
                {
                    fixed (TF* pxy = xy) fixed (bool* pf = full)
                    {
                        Assert.True(expected == ToProjective(BucketReduction.SumAffine(pxy, pf, null, used, lanes: true)), $"used = {used}");
                        if (BucketReduction.LanesApply<TF>())
                            Assert.True(expected == ToProjective(BucketReduction.LaneSumAffine(pxy, pf, null, used)), $"lanes, used = {used}");
                    }
                }
            }
        }
    }

    /// <summary>One window Σ d·P through an accumulator (batch-affine or XYZZ) with the lane reduction on or off.</summary>
    private static unsafe TProj AccumulatorWindowSum(TAff[] bases, int[] digits, int buckets, int batch, bool batchAffine, bool lanes, out bool overflowUsed)
    {
        BucketAccumulator<TAff, TF> acc = batchAffine
            ? new BatchAffineBuckets<TAff, TF>(buckets, batch, vectorReduce: lanes)
            : new XyzzBuckets<TAff, TF>(buckets, vectorReduce: lanes);
        Assert.Equal(lanes && BucketReduction.LanesApply<TF>(), batchAffine ? ((BatchAffineBuckets<TAff, TF>)acc).VectorReduce : ((XyzzBuckets<TAff, TF>)acc).VectorReduce);
        Xyzz<TF> sum;
        fixed (TAff* b = bases) fixed (int* d = digits) sum = acc.WindowSum(b, d, 0, bases.Length, buckets);
        overflowUsed = acc is BatchAffineBuckets<TAff, TF> { OverflowUsed: true };
        return ToProjective(sum);
    }

    [Fact]
    public void AccumulatorsWithLaneReductionEqualNaiveMsm()
    {
        var rng = new Random(54);
        bool sawOverflow = false;
        for (int round = 0; round < 24; round++)
        {
            int buckets = round % 3 == 0 ? 32 + rng.Next(16) : 64 + rng.Next(400);
            int n = round % 4 == 0 ? 20 : 50 + rng.Next(600);
            // a tiny pool with small batches: doublings, cancellations, deferrals and overflow buckets
            int pool = round % 2 == 0 ? 1 + rng.Next(3) : n;
            var distinct = Points(pool, rng.Next(), special: false);
            var bases = new TAff[n];
            var digits = new int[n];
            var scalars = new Fr[n];
            int hot = 1 + rng.Next(buckets);
            for (int i = 0; i < n; i++)
            {
                bases[i] = distinct[rng.Next(pool)];
                // half the digits hit one bucket (its queue overflows with small batches), the rest anywhere
                digits[i] = rng.Next(2) == 0 ? hot : rng.Next(-buckets, buckets + 1);
                scalars[i] = digits[i] >= 0 ? Fr.FromUInt64((ulong)digits[i]) : -Fr.FromUInt64((ulong)-digits[i]);
            }
            var expected = NaiveMsm.Compute<TProj, TAff, TF>(bases, scalars);
            int batch = round % 2 == 0 ? 8 : 64;
            foreach (bool batchAffine in new[] { true, false })
                foreach (bool lanes in new[] { true, false })
                {
                    var got = AccumulatorWindowSum(bases, digits, buckets, batch, batchAffine, lanes, out bool overflowUsed);
                    sawOverflow |= overflowUsed;
                    Assert.True(expected == got, $"round {round}, n = {n}, buckets = {buckets}, batch-affine {batchAffine}, lanes {lanes}");
                }
        }
        Assert.True(sawOverflow, "no window used the overflow buckets");
    }
}
