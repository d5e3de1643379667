using BenchmarkDotNet.Attributes;
using Proving.Core.Algebra;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;
using Proving.Core.Msm;

namespace Proving.Bench;

/// <summary>
/// CPU MSM variants side by side, to re-measure the automatic choices of <c>MsmPlan</c>: bucket accumulation (XYZZ or
/// batch-affine) × window width c = default(n, accumulation) + <see cref="WindowDelta"/> × batch size (0 = default;
/// other values through PROVING_BENCH_MSM_BATCH, e.g. "256,1024,4096"). Sizes via PROVING_BENCH_LOGN.
/// </summary>
public abstract class MsmVariantsBench<TProj, TAff, TF> : CpuMsmBench<TProj, TAff, TF>
    where TProj : struct, ICurveGroup<TProj, TAff, TF, Fr>
    where TAff : unmanaged, IAffinePoint<TAff, TF>
    where TF : unmanaged, IField<TF>
{
    /// <summary>How buckets are accumulated.</summary>
    [Params(MsmAccumulation.Xyzz, MsmAccumulation.BatchAffine)]
    public MsmAccumulation Accumulation { get; set; }

    /// <summary>Window width relative to the automatic choice for this size and accumulation.</summary>
    [Params(-2, -1, 0, 1, 2)]
    public int WindowDelta { get; set; }

    /// <summary>Batch-affine batch size (0: automatic).</summary>
    [ParamsSource(nameof(BatchSizes))]
    public int BatchSize { get; set; }

    /// <summary>PROVING_BENCH_MSM_BATCH (comma-separated) or 0.</summary>
    public static IEnumerable<int> BatchSizes =>
        (Environment.GetEnvironmentVariable("PROVING_BENCH_MSM_BATCH") ?? "0").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse);

    [GlobalSetup]
    public void Setup()
    {
        int n = LoadInputs();
        int c = MsmPlan.Choose<TF>(n, 0, 0, Accumulation, 0).WindowBits + WindowDelta;
        Config = new MsmConfig { Accumulation = Accumulation, WindowBits = Math.Clamp(c, 1, 20), BatchSize = BatchSize };
        Console.WriteLine($"// MSM variant: n = 2^{LogN}, {Accumulation}, c = {Config.WindowBits}, B = {BatchSize}");
    }
}

/// <summary>G1 MSM variants at 2^10..2^18 (PROVING_BENCH_LOGN overrides).</summary>
public class MsmG1VariantsBench : MsmVariantsBench<G1Projective, G1Affine, Fq>
{
    /// <inheritdoc />
    [ParamsSource(nameof(Sizes))]
    public override int LogN { get; set; }

    /// <summary>Default sizes.</summary>
    public static IEnumerable<int> Sizes => BenchSizes.LogN(10, 12, 14, 16, 18);
}

/// <summary>G2 MSM variants at 2^10..2^16 (PROVING_BENCH_LOGN overrides).</summary>
public class MsmG2VariantsBench : MsmVariantsBench<G2Projective, G2Affine, Fq2>
{
    /// <inheritdoc />
    [ParamsSource(nameof(Sizes))]
    public override int LogN { get; set; }

    /// <summary>Default sizes.</summary>
    public static IEnumerable<int> Sizes => BenchSizes.LogN(10, 12, 14, 16);
}
