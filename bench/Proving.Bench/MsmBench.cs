using BenchmarkDotNet.Attributes;
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
    public void Setup() => (_bases, _scalars) = MsmInputs.G1(1 << LogN);

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
    public void Setup() => (_bases, _scalars) = MsmInputs.G2(1 << LogN);

    [Benchmark]
    public G2Projective Msm() => _cpu.MsmG2(_bases, _scalars, MsmConfig.Default);
}

/// <summary>Random MSM inputs: bases are running sums of 64 random multiples of the generator (cheap to make, all distinct).</summary>
internal static class MsmInputs
{
    public static (G1Affine[], Fr[]) G1(int n)
    {
        var rng = new Random(1);
        var seeds = Enumerable.Range(0, 64).Select(_ => G1Projective.Generator * Fr.Random(rng)).ToArray();
        var proj = new G1Projective[n];
        var p = G1Projective.Generator;
        for (int i = 0; i < n; i++) proj[i] = p = p + seeds[i % 64];
        return (G1Projective.BatchNormalize(proj), Enumerable.Range(0, n).Select(_ => Fr.Random(rng)).ToArray());
    }

    public static (G2Affine[], Fr[]) G2(int n)
    {
        var rng = new Random(2);
        var seeds = Enumerable.Range(0, 64).Select(_ => G2Projective.Generator * Fr.Random(rng)).ToArray();
        var proj = new G2Projective[n];
        var p = G2Projective.Generator;
        for (int i = 0; i < n; i++) proj[i] = p = p + seeds[i % 64];
        return (G2Projective.BatchNormalize(proj), Enumerable.Range(0, n).Select(_ => Fr.Random(rng)).ToArray());
    }
}
