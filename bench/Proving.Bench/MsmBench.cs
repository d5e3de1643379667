using BenchmarkDotNet.Attributes;
using Proving.Core.Algebra;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;

namespace Proving.Bench;

/// <summary>MSM on G1 over random bases and random Fr scalars, default configuration (automatic window, all cores).</summary>
public class MsmG1Bench
{
    private G1Affine[] _bases = [];
    private Fr[] _scalars = [];
    private readonly CpuBackend _cpu = new();

    /// <summary>log2 of the number of points.</summary>
    [ParamsSource(nameof(Sizes))]
    public int LogN { get; set; }

    /// <summary>2^10..2^20 (override with PROVING_BENCH_LOGN).</summary>
    public static IEnumerable<int> Sizes => BenchSizes.LogN(10, 12, 14, 16, 18, 20);

    [GlobalSetup]
    public void Setup() => (_bases, _scalars) = MsmInputs.Random<G1Projective, G1Affine, Fq>(1 << LogN);

    [Benchmark]
    public G1Projective Msm() => _cpu.MsmG1(_bases, _scalars, MsmConfig.Default);
}

/// <summary>MSM on G2 over random bases and random Fr scalars, default configuration.</summary>
public class MsmG2Bench
{
    private G2Affine[] _bases = [];
    private Fr[] _scalars = [];
    private readonly CpuBackend _cpu = new();

    /// <summary>log2 of the number of points.</summary>
    [ParamsSource(nameof(Sizes))]
    public int LogN { get; set; }

    /// <summary>2^10..2^16 (override with PROVING_BENCH_LOGN).</summary>
    public static IEnumerable<int> Sizes => BenchSizes.LogN(10, 12, 14, 16);

    [GlobalSetup]
    public void Setup() => (_bases, _scalars) = MsmInputs.Random<G2Projective, G2Affine, Fq2>(1 << LogN);

    [Benchmark]
    public G2Projective Msm() => _cpu.MsmG2(_bases, _scalars, MsmConfig.Default);
}

/// <summary>Random MSM inputs: bases are running sums of 64 random multiples of the generator (cheap to make, all distinct).</summary>
internal static class MsmInputs
{
    /// <summary>n bases and n scalars of the group, the same on every call (fixed seed).</summary>
    public static (TAff[], Fr[]) Random<TProj, TAff, TF>(int n)
        where TProj : struct, ICurveGroup<TProj, TAff, TF, Fr>
        where TAff : unmanaged, IAffinePoint<TAff, TF>
        where TF : unmanaged, IField<TF>
    {
        var rng = new Random(1);
        var seeds = Enumerable.Range(0, 64).Select(_ => TProj.Generator * Fr.Random(rng)).ToArray();
        var proj = new TProj[n];
        var p = TProj.Generator;
        for (int i = 0; i < n; i++) proj[i] = p = p + seeds[i % 64];
        var bases = new TAff[n];
        TProj.BatchNormalize(proj, bases);
        return (bases, Enumerable.Range(0, n).Select(_ => Fr.Random(rng)).ToArray());
    }
}
