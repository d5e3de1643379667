using Proving.Core.Curves.Bn254;
using Xunit.Abstractions;

namespace Proving.Gpu.Tests;

/// <summary>GpuVectorOps against the CPU field, in place, with zeros among the inputs.</summary>
[Collection(GpuTargets.Collection)]
public sealed class VectorOpsTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(GpuTargets.Runtimes), MemberType = typeof(GpuTargets))]
    public void MatchTheCpu(string runtime)
    {
        var ctx = GpuTargets.Open(runtime, output);
        if (ctx == null) return;
        var ops = new GpuVectorOps(ctx);
        var a = FieldKernelTests<Fr>.Inputs(777, 1);
        var b = FieldKernelTests<Fr>.Inputs(777, 2).Reverse().ToArray();
        var v = (Fr[])a.Clone();
        ops.PointwiseMul(v, b);
        Assert.Equal(a.Zip(b, (x, y) => x * y), v);
        v = (Fr[])a.Clone();
        ops.Sub(v, b);
        Assert.Equal(a.Zip(b, (x, y) => x - y), v);
        v = (Fr[])a.Clone();
        ops.Add(v, b);
        Assert.Equal(a.Zip(b, (x, y) => x + y), v);
        v = (Fr[])a.Clone();
        ops.Invert(v);
        Assert.Equal(a.Select(x => x.IsZero ? Fr.Zero : x.Inverse()), v);
        v = (Fr[])a.Clone();
        var g = Fr.FromUInt64(7);
        ops.ScaleByPowers(v, g);
        var p = Fr.One;
        for (int i = 0; i < a.Length; i++) { Assert.Equal(a[i] * p, v[i]); p *= g; }
        Assert.Throws<ArgumentException>(() => ops.Sub(v, b.AsSpan(1)));
        ops.PointwiseMul(Span<Fr>.Empty, ReadOnlySpan<Fr>.Empty);
    }
}
