using Proving.Core.Curves.Bn254;
using Xunit.Abstractions;

namespace Proving.Gpu.Tests;

/// <summary>GpuMsm against the naive sum of CPU scalar multiplications, with edge cases.</summary>
[Collection(GpuTargets.Collection)]
public sealed class MsmKernelTests(ITestOutputHelper output)
{
    public static TheoryData<string, int> Sizes
    {
        get
        {
            var d = new TheoryData<string, int>();
            foreach (var rt in new[] { "opencl", "cuda" })
                foreach (var n in new[] { 1, 2, 3, 17, 100, 1000 })
                    d.Add(rt, n);
            return d;
        }
    }

    private static G1Projective Naive(G1Affine[] p, Fr[] k)
    {
        var acc = G1Projective.Identity;
        for (int i = 0; i < p.Length; i++) acc += G1Projective.FromAffine(p[i]) * k[i];
        return acc;
    }

    private static (G1Affine[] P, Fr[] K) Inputs(int n, int seed)
    {
        var rng = new Random(seed);
        var p = G1Projective.BatchNormalize(G1KernelTests.RandomPoints(n, seed));
        var k = Enumerable.Range(0, n).Select(_ => Fr.Random(rng)).ToArray();
        return (p, k);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void MatchesNaiveSum(string runtime, int n)
    {
        var ctx = GpuTargets.Open(runtime, output);
        if (ctx == null) return;
        var (p, k) = Inputs(n, n);
        Assert.True(Naive(p, k) == new GpuMsm(ctx).Msm(p, k));
    }

    [Theory]
    [MemberData(nameof(GpuTargets.Runtimes), MemberType = typeof(GpuTargets))]
    public void EdgeCases(string runtime)
    {
        var ctx = GpuTargets.Open(runtime, output);
        if (ctx == null) return;
        var msm = new GpuMsm(ctx);
        var (p, k) = Inputs(64, 5);
        var minusOne = Fr.Zero - Fr.One;
        k[0] = Fr.Zero; k[1] = Fr.One; k[2] = minusOne; k[3] = minusOne; p[3] = p[2];   // -P + -P
        p[4] = G1Affine.Infinity;                                                       // identity base
        p[5] = p[6]; k[5] = k[6];                                                       // same bucket twice: P + P in a bucket
        p[7] = p[8].Negate(); k[7] = k[8];                                              // P + -P in a bucket
        for (int i = 9; i < 20; i++) { p[i] = p[9]; k[i] = k[9]; }                     // many pairs in one bucket
        foreach (var c in new[] { 0, 1, 5, 13 })
            Assert.True(Naive(p, k) == msm.Msm(p, k, c), $"window {c}");
        Assert.True(msm.Msm(p, new Fr[64]).IsIdentity, "all-zero scalars");
        Assert.True(msm.Msm(ReadOnlySpan<G1Affine>.Empty, ReadOnlySpan<Fr>.Empty).IsIdentity, "empty");
        Assert.Throws<ArgumentException>(() => msm.Msm(p, k.AsSpan(0, 3)));
    }

    /// <summary>Scalars like a circom witness: mostly 0 and 1, a few small values, and some repeated large ones, so
    /// a few buckets hold most (point, window) pairs and are cut into many tasks.</summary>
    [Theory]
    [MemberData(nameof(GpuTargets.Runtimes), MemberType = typeof(GpuTargets))]
    public void SkewedScalarsSplitLargeBuckets(string runtime)
    {
        var ctx = GpuTargets.Open(runtime, output);
        if (ctx == null) return;
        var msm = new GpuMsm(ctx);
        const int n = 3000;
        var (p, k) = Inputs(n, 31);
        var rng = new Random(32);
        var big = Fr.Random(rng);
        for (int i = 0; i < n; i++)
        {
            int roll = rng.Next(10);
            k[i] = roll < 4 ? Fr.Zero : roll < 8 ? Fr.One : roll < 9 ? Fr.FromUInt64((ulong)rng.Next(1, 5)) : big;
        }
        Assert.True(MsmBucketTasks.TasksFor(1200) > 1, "the test must reach a bucket cut into several tasks");
        foreach (var c in new[] { 0, 3, 8 })
            Assert.True(Naive(p, k) == msm.Msm(p, k, c), $"window {c}");
        Array.Fill(k, Fr.One);
        Assert.True(Naive(p, k) == msm.Msm(p, k), "every scalar 1: one bucket of n points");
        Array.Fill(k, big);
        Assert.True(Naive(p, k) == msm.Msm(p, k), "one repeated scalar");
    }

    /// <summary>Window widths from 1 to 16 bits: one to four levels of the device bucket reduction, including level
    /// widths that do not divide c.</summary>
    [Theory]
    [MemberData(nameof(GpuTargets.Runtimes), MemberType = typeof(GpuTargets))]
    public void EveryReductionLevelShape(string runtime)
    {
        var ctx = GpuTargets.Open(runtime, output);
        if (ctx == null) return;
        var msm = new GpuMsm(ctx);
        var (p, k) = Inputs(300, 41);
        using var bases = msm.UploadBases(p);
        var expected = Naive(p, k);
        foreach (var c in new[] { 1, 2, 6, 7, 11, 12, 13, 16 })
            Assert.True(expected == msm.Msm(bases, k, c), $"window {c}");
    }

    [Theory]
    [MemberData(nameof(GpuTargets.Runtimes), MemberType = typeof(GpuTargets))]
    public void ResidentBasesServeSeveralScalarVectors(string runtime)
    {
        var ctx = GpuTargets.Open(runtime, output);
        if (ctx == null) return;
        var msm = new GpuMsm(ctx);
        var (p, k) = Inputs(200, 9);
        using var bases = msm.UploadBases(p);
        Assert.True(Naive(p, k) == msm.Msm(bases, k));
        var k2 = k.Select(x => x * x).ToArray();
        Assert.True(Naive(p, k2) == msm.Msm(bases, k2));
        Assert.True(Naive(p[..50], k[..50]) == msm.Msm(bases, k.AsSpan(0, 50)));
    }

    [Theory]
    [MemberData(nameof(GpuTargets.Runtimes), MemberType = typeof(GpuTargets))]
    public void G2MatchesNaiveSumWithEdgeCases(string runtime)
    {
        var ctx = GpuTargets.Open(runtime, output);
        if (ctx == null) return;
        var msm = new GpuMsm(ctx);
        var rng = new Random(21);
        const int n = 40;
        var q = G2Projective.BatchNormalize(Enumerable.Range(0, n).Select(_ => G2Projective.Generator * Fr.Random(rng)).ToArray());
        var k = Enumerable.Range(0, n).Select(_ => Fr.Random(rng)).ToArray();
        k[0] = Fr.Zero; q[1] = G2Affine.Infinity; q[2] = q[3]; k[2] = k[3]; q[4] = q[5].Negate(); k[4] = k[5]; k[6] = Fr.Zero - Fr.One;
        var expected = G2Projective.Identity;
        for (int i = 0; i < n; i++) expected += G2Projective.FromAffine(q[i]) * k[i];
        foreach (var c in new[] { 0, 7 })
            Assert.True(expected == msm.Msm(q, k, c), $"G2 window {c}");
        using var bases = msm.UploadBases(q);
        Assert.True(msm.Msm(bases, k.AsSpan(0, 0)).IsIdentity);
    }

    [Theory]
    [MemberData(nameof(GpuTargets.Runtimes), MemberType = typeof(GpuTargets))]
    [Trait("Category", "Slow")]
    public void LargerSize(string runtime)
    {
        var ctx = GpuTargets.Open(runtime, output);
        if (ctx == null) return;
        int n = TestScale.Pick(1 << 12, 1 << 14);
        var (p, k) = Inputs(n, 11);
        Assert.True(Naive(p, k) == new GpuMsm(ctx).Msm(p, k));
    }
}
