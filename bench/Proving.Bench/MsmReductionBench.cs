using BenchmarkDotNet.Attributes;
using Proving.Core.Algebra;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;
using Proving.Core.Msm;

namespace Proving.Bench;

/// <summary>
/// The whole MSM (automatic accumulation, batch size and chunks, all cores) with the eight-lane bucket reduction on and
/// off, at window widths c from PROVING_BENCH_MSM_C (comma-separated; default 0 = the automatic width), to refit the
/// bucket term of MsmPlan.Cost. Sizes via PROVING_BENCH_LOGN.
/// </summary>
public abstract class MsmReductionBench<TProj, TAff, TF> : CpuMsmBench<TProj, TAff, TF>
    where TProj : struct, ICurveGroup<TProj, TAff, TF, Fr>
    where TAff : unmanaged, IAffinePoint<TAff, TF>
    where TF : unmanaged, IField<TF>
{
    /// <summary>Window width (0: automatic).</summary>
    [ParamsSource(nameof(WindowWidths))]
    public int WindowBits { get; set; }

    /// <summary>Eight-lane (true) or scalar (false) bucket reduction.</summary>
    [Params(true, false)]
    public bool LaneReduction { get; set; }

    /// <summary>PROVING_BENCH_MSM_C (comma-separated) or 0.</summary>
    public static IEnumerable<int> WindowWidths =>
        (Environment.GetEnvironmentVariable("PROVING_BENCH_MSM_C") ?? "0").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse);

    [GlobalSetup]
    public void Setup()
    {
        int n = LoadInputs();
        BucketReduction.VectorByDefault = LaneReduction;
        Config = new MsmConfig { WindowBits = WindowBits };
        var plan = MsmPlan.Choose<TF>(n, WindowBits, 0, MsmAccumulation.Auto, 0);
        Console.WriteLine($"// MSM reduction: {typeof(TAff).Name}, n = 2^{LogN}, plan {plan}, lane reduction = {LaneReduction}");
    }
}

/// <summary>G1 at 2^12..2^18 (PROVING_BENCH_LOGN overrides).</summary>
public class MsmG1ReductionBench : MsmReductionBench<G1Projective, G1Affine, Fq>
{
    /// <inheritdoc />
    [ParamsSource(nameof(Sizes))]
    public override int LogN { get; set; }

    /// <summary>Default sizes.</summary>
    public static IEnumerable<int> Sizes => BenchSizes.LogN(12, 14, 16, 18);
}

/// <summary>G2 at 2^12..2^16 (PROVING_BENCH_LOGN overrides).</summary>
public class MsmG2ReductionBench : MsmReductionBench<G2Projective, G2Affine, Fq2>
{
    /// <inheritdoc />
    [ParamsSource(nameof(Sizes))]
    public override int LogN { get; set; }

    /// <summary>Default sizes.</summary>
    public static IEnumerable<int> Sizes => BenchSizes.LogN(12, 14, 16);
}
