using BenchmarkDotNet.Attributes;
using Proving.Core.Algebra;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;
using Proving.Core.Msm;

namespace Proving.Bench;

/// <summary>
/// MSM over bases prepared once with fixed-base precomputation (<see cref="CpuMsm.Prepare{TProj, TAff, TF}"/>), by
/// precompute factor: 1 (none: the plain MSM), 2, 4 and 255 (one window per slice). <c>Msm</c> is one MSM over the
/// prepared bases; <c>Prepare</c> the one-off preparation (shifted multiples and their normalisation: eight bases at a
/// time on AVX-512) and <c>PrepareScalar</c> the same on the scalar group operations (the path without AVX-512).
/// Window width: the automatic choice per factor, or the list in PROVING_BENCH_C (e.g. PROVING_BENCH_C=12,14,16);
/// sizes 2^16 and 2^18 or PROVING_BENCH_LOGN; factors 1, 2, 4, 255 or PROVING_BENCH_FACTORS. Examples:
/// PROVING_BENCH_LOGN=16 dotnet run -c Release --project bench/Proving.Bench -- --filter '*MsmPrecompute*' --job short;
/// preparation alone: PROVING_BENCH_LOGN=12,14 PROVING_BENCH_FACTORS=255 ... --filter '*MsmPrecompute*Prepare*'.
/// </summary>
public abstract class MsmPrecomputeBench<TProj, TAff, TF>
    where TProj : struct, ICurveGroup<TProj, TAff, TF, Fr>
    where TAff : unmanaged, IAffinePoint<TAff, TF>
    where TF : unmanaged, IField<TF>
{
    private TAff[] _bases = [];
    private Fr[] _scalars = [];
    private MsmBases<TAff> _prepared = null!;

    /// <summary>log2 of the number of points.</summary>
    [ParamsSource(nameof(Sizes))]
    public int LogN { get; set; }

    /// <summary>Points stored per base (255: one window per slice).</summary>
    [ParamsSource(nameof(Factors))]
    public int Factor { get; set; }

    /// <summary>Window width, 0 = automatic (for the factor).</summary>
    [ParamsSource(nameof(Windows))]
    public int WindowBits { get; set; }

    /// <summary>2^16, 2^18 (override with PROVING_BENCH_LOGN).</summary>
    public static IEnumerable<int> Sizes => BenchSizes.LogN(16, 18);

    /// <summary>1, 2, 4, 255 (override with PROVING_BENCH_FACTORS).</summary>
    public static IEnumerable<int> Factors => BenchSizes.Ints("PROVING_BENCH_FACTORS", [1, 2, 4, MsmConfig.MaxPrecomputeFactor]);

    /// <summary>PROVING_BENCH_C, or 0 (automatic).</summary>
    public static IEnumerable<int> Windows => BenchSizes.Ints("PROVING_BENCH_C", [0]);

    private MsmConfig Config => new() { PrecomputeFactor = Factor, WindowBits = WindowBits };

    [GlobalSetup]
    public void Setup()
    {
        (_bases, _scalars) = MsmInputs.Random<TProj, TAff, TF>(1 << LogN);
        _prepared = Prepare();
        int c = _prepared.WindowBits != 0 ? _prepared.WindowBits : WindowBits != 0 ? WindowBits : CpuMsm.DefaultWindowBits(_bases.Length);
        Console.WriteLine($"// prepared: factor {_prepared.PrecomputeFactor}, c = {c}, {_prepared.WindowsPerSlice} windows per slice, {_prepared.ByteSize >> 20} MiB");
    }

    [Benchmark]
    public TProj Msm() => CpuMsm.Compute<TProj, TAff, TF>(_prepared, _scalars, Factor == 1 ? Config : MsmConfig.Default);

    [Benchmark]
    public MsmBases<TAff> Prepare() => CpuMsm.Prepare<TProj, TAff, TF>(_bases, Config);

    [Benchmark]
    public MsmBases<TAff> PrepareScalar() => CpuMsm.PrepareBases<TProj, TAff, TF>(_bases, Config, lanes: false);
}

/// <summary><see cref="MsmPrecomputeBench{TProj, TAff, TF}"/> on G1.</summary>
public class MsmPrecomputeG1Bench : MsmPrecomputeBench<G1Projective, G1Affine, Fq>;

/// <summary><see cref="MsmPrecomputeBench{TProj, TAff, TF}"/> on G2.</summary>
public class MsmPrecomputeG2Bench : MsmPrecomputeBench<G2Projective, G2Affine, Fq2>;
