using FsCheck;
using FsCheck.Fluent;
using Proving.Core.Algebra;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;
using Proving.Core.Msm;

namespace Proving.Core.Tests.Msm;

/// <summary>Batch-affine and XYZZ bucket accumulation, batch sizes that force deferred pairs, and point chunks per
/// window, each against the naive oracle or the other accumulation.</summary>
public abstract partial class MsmTests<TProj, TAff, TF>
{
    private static readonly MsmConfig[] BatchAffineConfigs =
    [
        new() { Accumulation = MsmAccumulation.BatchAffine },
        new() { Accumulation = MsmAccumulation.BatchAffine, BatchSize = 1 },
        new() { Accumulation = MsmAccumulation.BatchAffine, BatchSize = 2 },
        new() { Accumulation = MsmAccumulation.BatchAffine, BatchSize = 3, WindowBits = 4 },
    ];

    /// <summary>The MSM run exactly as <paramref name="plan"/> says (chunks and threads included).</summary>
    private static TProj RunPlan(ReadOnlySpan<TAff> b, ReadOnlySpan<Fr> s, MsmPlan plan)
    {
        Pippenger.Run<TAff, TF>(b, s, plan).ToJacobian(out var x, out var y, out var z);
        return TProj.FromJacobianUnchecked(x, y, z);
    }

    [Fact]
    public void BatchAffineEqualsNaiveForEveryPrefixUpTo100()
    {
        // One input with infinity, repeats, negations, zero scalars, ±1 and small scalars; every prefix n = 0..100 is
        // an MSM of its own, and the oracle for the prefix grows by one scalar multiplication at a time.
        var b = Points(100, 21);
        var s = Scalars(100, 22);
        var expected = TProj.Identity;
        for (int n = 0; n <= 100; n++)
        {
            if (n > 0)
            {
                TProj.Multiply(TProj.FromAffine(b[n - 1]), s[n - 1], out var term);
                TProj.Add(expected, term, out expected);
            }
            // tiny batches (one inversion per one to three additions) on a sample of the prefixes
            var configs = n < 8 || n % 9 == 0 ? BatchAffineConfigs : BatchAffineConfigs[..1];
            foreach (var cfg in configs)
                Assert.True(expected == Fast(b.AsSpan(0, n), s.AsSpan(0, n), cfg), $"n = {n}, B = {cfg.BatchSize}, c = {cfg.WindowBits}");
        }
    }

    [Fact]
    public void BatchAffineHandlesDoublingCancellationAndNegativeDigits()
    {
        var p = Points(8, 23, special: false);
        var k = Scalars(8, 24, special: false);
        var rMinus1 = -Fr.One;
        var cases = new (TAff[] B, Fr[] S)[]
        {
            // every bucket receives the same point twice in one batch: doublings side by side
            ([.. p, .. p], [.. k, .. k]),
            // P then -P with equal scalars: every touched bucket empties again; then P once more
            ([p[0], p[0].Negate(), p[1], p[1].Negate(), p[0]], [k[0], k[0], k[1], k[1], k[2]]),
            // r - 1 = -1 (negative digits throughout), against +1 on the same point
            ([p[2], p[2], p[3], p[3]], [rMinus1, rMinus1, rMinus1, Fr.One]),
            // k and r - k on one point cancel overall but not digit by digit
            ([p[4], p[4], p[5]], [k[4], -k[4], k[5]]),
            // points at infinity and zero scalars only
            ([TAff.Infinity, p[6], TAff.Infinity], [k[6], Fr.Zero, Fr.One]),
        };
        foreach (var (bases, scalars) in cases)
        {
            var expected = Naive(bases, scalars);
            foreach (var cfg in BatchAffineConfigs)
                Assert.True(expected == Fast(bases, scalars, cfg), $"B = {cfg.BatchSize}");
            for (int c = 1; c <= 6; c++)
                Assert.True(expected == Fast(bases, scalars, new MsmConfig { Accumulation = MsmAccumulation.BatchAffine, WindowBits = c, BatchSize = 2 }), $"c = {c}");
        }
    }

    [Fact]
    public void BatchAffineWithOneBucketManyTimesOverflowsIntoXyzz()
    {
        // 3000 copies of P (and of -Q) with scalar 1 hit one bucket per window: the deferral queue (B pairs) fills and
        // the rest goes through the XYZZ overflow bucket.
        var p = Points(2, 25, special: false);
        var bases = Enumerable.Repeat(p[0], 3000).Concat(Enumerable.Repeat(p[1].Negate(), 1000)).ToArray();
        var ones = Enumerable.Repeat(Fr.One, 4000).ToArray();
        var expected = TProj.FromAffine(p[0]) * Fr.FromUInt64(3000) - TProj.FromAffine(p[1]) * Fr.FromUInt64(1000);
        foreach (int batch in new[] { 1, 4, 64, 0 })
            Assert.True(expected == Fast(bases, ones, new MsmConfig { Accumulation = MsmAccumulation.BatchAffine, BatchSize = batch }), $"B = {batch}");
    }

    [Fact]
    public void BatchAffineEqualsXyzzOnRandomLargerSizes()
    {
        var rng = new Random(26);
        foreach (int n in LargeSizes)
        {
            var b = Points(n, n + 2);
            var s = Scalars(n, n + 3);
            var xyzz = Fast(b, s, new MsmConfig { Accumulation = MsmAccumulation.Xyzz });
            Assert.True(xyzz == Fast(b, s, new MsmConfig { Accumulation = MsmAccumulation.BatchAffine }), $"n = {n}");
            int c = rng.Next(6, 15), batch = rng.Next(1, 2000);
            Assert.True(xyzz == Fast(b, s, new MsmConfig { Accumulation = MsmAccumulation.BatchAffine, WindowBits = c, BatchSize = batch }), $"n = {n}, c = {c}, B = {batch}");
            Assert.True(xyzz == Fast(b, s), $"n = {n}, auto");
        }
    }

    [Fact]
    public void BatchAffineEqualsXyzzIsAnFsCheckProperty() =>
        // Random size, window, batch size and chunk count (special points and scalars included) against XYZZ buckets.
        Prop.ForAll(Arb.From(Gen.Choose(0, 250)), Arb.From(Gen.Choose(1, 12 * 300)), Arb.From(Gen.Choose(0, int.MaxValue)), (n, cb, seed) =>
        {
            int c = 1 + cb % 12, batch = 1 + cb / 12;
            var b = Points(n, seed);
            var s = Scalars(n, seed + 1);
            int chunks = 1 + seed % 3;
            var xyzz = RunPlan(b, s, new MsmPlan(c, MsmAccumulation.Xyzz, 1, 1, 1));
            return xyzz == RunPlan(b, s, new MsmPlan(c, MsmAccumulation.BatchAffine, batch, chunks, 2));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void ChunkedWindowsAgreeWithOneChunkPerWindow()
    {
        // More chunks than one per window (the situation of few windows, e.g. after fixed-base precomputation, on many
        // cores): each chunk keeps its own buckets and the chunk sums of a window are added.
        var b = Points(300, 27);
        var s = Scalars(300, 28);
        var expected = Naive(b, s);
        foreach (var acc in new[] { MsmAccumulation.Xyzz, MsmAccumulation.BatchAffine })
            foreach (int chunks in new[] { 1, 2, 3, 7 })
                foreach (int threads in new[] { 1, 2, 5 })
                    Assert.True(expected == RunPlan(b, s, new MsmPlan(9, acc, 16, chunks, threads)), $"{acc}, chunks = {chunks}, threads = {threads}");
    }

    [Fact]
    public void PlanUsesEveryThreadWhenWindowsAreFew()
    {
        // 16-bit windows: 16 windows; on 64 workers the points of each window are split.
        var plan = MsmPlan.Choose<TF>(1 << 20, 16, 64, MsmAccumulation.Auto, 0);
        Assert.True(plan.ChunksPerWindow * (Pippenger.ScalarBits / 16 + 1) >= 64, $"chunks = {plan.ChunksPerWindow}");
        Assert.Equal(1, MsmPlan.Choose<TF>(1 << 16, 0, 2, MsmAccumulation.Auto, 0).ChunksPerWindow);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MsmConfig { BatchSize = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new MsmConfig { BatchSize = (1 << 16) + 1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new MsmConfig { Accumulation = (MsmAccumulation)7 });
    }
}
