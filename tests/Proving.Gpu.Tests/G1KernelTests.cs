using Proving.Core.Curves.Bn254;
using Xunit.Abstractions;

namespace Proving.Gpu.Tests;

/// <summary>native/kernels/g1.h against Proving.Core's G1Projective, with identity, doubling and inverse cases mixed in.</summary>
[Collection(GpuTargets.Collection)]
public sealed class G1KernelTests(ITestOutputHelper output)
{
    public static TheoryData<string> Runtimes => GpuTargets.Runtimes;

    internal static G1Projective[] RandomPoints(int n, int seed)
    {
        var rng = new Random(seed);
        var g = G1Projective.Generator;
        return Enumerable.Range(0, n).Select(_ => g * Fr.Random(rng)).ToArray();
    }

    [Theory]
    [MemberData(nameof(Runtimes))]
    public void AddDoubleMixedAdd(string runtime)
    {
        var ctx = GpuTargets.Open(runtime, output);
        if (ctx == null) return;
        const int n = 300;
        var p = RandomPoints(n, 1);
        var q = RandomPoints(n, 2);
        // exceptional cases: identity on either side, P + P, P + (-P), non-normalized Z
        p[0] = G1Projective.Identity; q[1] = G1Projective.Identity; p[2] = G1Projective.Identity; q[2] = G1Projective.Identity;
        q[3] = p[3]; q[4] = -p[4]; q[5] = p[5] + p[5] - p[5];
        var qa = G1Projective.BatchNormalize(q);
        var module = ctx.Module("g1ops.c");
        Check(ctx, module.Kernel("g1_vec_add"), p, Jac(q), n, (a, b) => a + b, q, "add");
        Check(ctx, module.Kernel("g1_vec_add_affine"), p, Aff(qa), n, (a, b) => a + b, q, "add_affine");
        var words = Jac(p);
        using var dp = ctx.Upload<Fq>(words);
        using var dr = ctx.Allocate(96L * n);
        ctx.Launch(module.Kernel("g1_vec_dbl"), n, 0, dr, dp, (ulong)n);
        var got = Read(ctx, dr, n);
        for (int i = 0; i < n; i++) Assert.True(got[i] == p[i] + p[i], $"dbl {i}");
    }

    private static void Check(GpuContext ctx, GpuKernel kernel, G1Projective[] p, Fq[] q, int n, Func<G1Projective, G1Projective, G1Projective> op, G1Projective[] qs, string what)
    {
        using var dp = ctx.Upload<Fq>(Jac(p));
        using var dq = ctx.Upload<Fq>(q);
        using var dr = ctx.Allocate(96L * n);
        ctx.Launch(kernel, n, 0, dr, dp, dq, (ulong)n);
        var got = Read(ctx, dr, n);
        for (int i = 0; i < n; i++)
        {
            Assert.True(got[i].IsOnCurve, $"{what} {i}: result not on the curve");
            Assert.True(got[i] == op(p[i], qs[i]), $"{what} {i}: {got[i]} != {op(p[i], qs[i])}");
        }
    }

    internal static Fq[] Jac(G1Projective[] p) { var w = new Fq[3 * p.Length]; PointLayout.WriteJacobian(p, w); return w; }

    internal static Fq[] Aff(G1Affine[] p) { var w = new Fq[2 * p.Length]; PointLayout.WriteAffine(p, w); return w; }

    internal static G1Projective[] Read(GpuContext ctx, GpuBuffer b, int n)
    {
        var w = new Fq[3 * n];
        ctx.Download<Fq>(b, w);
        return PointLayout.ReadJacobian(w);
    }
}
