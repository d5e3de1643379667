using BenchmarkDotNet.Attributes;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;
using Proving.Core.Msm;

namespace Proving.Bench;

/// <summary>
/// G1 MSM with batch-affine buckets: the eight-lane AVX-512 flush against the scalar flush, at the automatic window
/// width c plus <see cref="WindowDelta"/> and the automatic batch size. Sizes 2^16 and 2^18 (PROVING_BENCH_LOGN overrides).
/// </summary>
public class MsmG1FlushBench
{
    private G1Affine[] _bases = [];
    private Fr[] _scalars = [];
    private MsmConfig _config = MsmConfig.Default;

    /// <summary>log2 of the number of points.</summary>
    [ParamsSource(nameof(Sizes))]
    public int LogN { get; set; }

    /// <summary>Default sizes.</summary>
    public static IEnumerable<int> Sizes => BenchSizes.LogN(16, 18);

    /// <summary>Window width relative to the automatic batch-affine choice.</summary>
    [Params(-1, 0, 1)]
    public int WindowDelta { get; set; }

    /// <summary>Eight-lane flush (true) or scalar flush (false).</summary>
    [Params(true, false)]
    public bool VectorFlush { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        int n = 1 << LogN;
        (_bases, _scalars) = MsmInputs.G1(n);
        BatchAffineFlush.VectorByDefault = VectorFlush;
        int c = MsmPlan.Choose<Fq>(n, 0, 0, MsmAccumulation.BatchAffine, 0).WindowBits + WindowDelta;
        _config = new MsmConfig { Accumulation = MsmAccumulation.BatchAffine, WindowBits = c };
        Console.WriteLine($"// MSM G1 flush: n = 2^{LogN}, c = {c}, vector flush = {VectorFlush}");
    }

    [Benchmark]
    public G1Projective Msm() => CpuMsm.Compute<G1Projective, G1Affine, Fq>(_bases, _scalars, _config);
}
