using BenchmarkDotNet.Attributes;
using Proving.Core.Algebra;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;
using Proving.Core.Msm;

namespace Proving.Bench;

/// <summary>
/// MSM with batch-affine buckets: the eight-lane AVX-512 flush against the scalar flush, at the automatic window width
/// c (of the vector-flush plan, the same in both rows) plus <see cref="WindowDelta"/> and the automatic batch size. Sizes via PROVING_BENCH_LOGN.
/// </summary>
public abstract class MsmFlushBench<TProj, TAff, TF> : CpuMsmBench<TProj, TAff, TF>
    where TProj : struct, ICurveGroup<TProj, TAff, TF, Fr>
    where TAff : unmanaged, IAffinePoint<TAff, TF>
    where TF : unmanaged, IField<TF>
{
    /// <summary>Window width relative to the automatic batch-affine choice.</summary>
    [Params(-1, 0, 1, 2)]
    public int WindowDelta { get; set; }

    /// <summary>Eight-lane flush (true) or scalar flush (false).</summary>
    [Params(true, false)]
    public bool VectorFlush { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        int n = LoadInputs();
        // the window of the plan for the (default) vector flush in both rows, then the flush under test
        int c = MsmPlan.Choose<TF>(n, 0, 0, MsmAccumulation.BatchAffine, 0).WindowBits + WindowDelta;
        BatchAffineFlush.VectorByDefault = VectorFlush;
        Config = new MsmConfig { Accumulation = MsmAccumulation.BatchAffine, WindowBits = c };
        Console.WriteLine($"// MSM flush: {typeof(TAff).Name}, n = 2^{LogN}, c = {c}, vector flush = {VectorFlush}");
    }
}

/// <summary>G1 at 2^16 and 2^18 (PROVING_BENCH_LOGN overrides).</summary>
public class MsmG1FlushBench : MsmFlushBench<G1Projective, G1Affine, Fq>
{
    /// <inheritdoc />
    [ParamsSource(nameof(Sizes))]
    public override int LogN { get; set; }

    /// <summary>Default sizes.</summary>
    public static IEnumerable<int> Sizes => BenchSizes.LogN(16, 18);
}

/// <summary>G2 at 2^14 and 2^16 (PROVING_BENCH_LOGN overrides).</summary>
public class MsmG2FlushBench : MsmFlushBench<G2Projective, G2Affine, Fq2>
{
    /// <inheritdoc />
    [ParamsSource(nameof(Sizes))]
    public override int LogN { get; set; }

    /// <summary>Default sizes.</summary>
    public static IEnumerable<int> Sizes => BenchSizes.LogN(14, 16);
}
