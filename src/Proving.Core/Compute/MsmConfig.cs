namespace Proving.Core.Compute;

/// <summary>
/// Options of one multi-scalar multiplication (in the manner of ICICLE's MSMConfig). Defaults: window width, bucket
/// accumulation and batch size chosen from the input size and curve (measured; see <c>MsmPlan</c>), every core, no
/// fixed-base precomputation (<see cref="PrecomputeFactor"/> 1).
/// </summary>
public sealed record MsmConfig
{
    private readonly int _windowBits;
    private readonly int _threads;
    private readonly MsmAccumulation _accumulation;
    private readonly int _batchSize;
    private readonly int _precomputeFactor = 1;

    /// <summary>The largest <see cref="PrecomputeFactor"/>: asks for one window per slice whatever the window width.</summary>
    public const int MaxPrecomputeFactor = 255;

    /// <summary>
    /// Pippenger window width c in bits, 1..20, or 0 (the default) for the built-in choice per input size, curve and
    /// accumulation (measured; see <c>CpuMsm.DefaultWindowBits</c>). A window keeps 2^(c-1) buckets per worker.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 0..20.</exception>
    public int WindowBits
    {
        get => _windowBits;
        init => _windowBits = value is >= 0 and <= 20 ? value : throw new ArgumentOutOfRangeException(nameof(WindowBits), value, "window bits must be 0 (auto) or 1..20");
    }

    /// <summary>Worker threads, or 0 (the default) for every logical processor.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public int Threads
    {
        get => _threads;
        init => _threads = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(Threads), value, "threads must be 0 (all cores) or positive");
    }

    /// <summary>
    /// Bucket accumulation: <see cref="MsmAccumulation.Auto"/> (the default) picks the one measured faster for the input
    /// size and curve; <see cref="MsmAccumulation.Xyzz"/> or <see cref="MsmAccumulation.BatchAffine"/> force one. Every
    /// choice gives the same result.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined <see cref="MsmAccumulation"/> value.</exception>
    public MsmAccumulation Accumulation
    {
        get => _accumulation;
        init => _accumulation = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Accumulation), value, "unknown accumulation");
    }

    /// <summary>
    /// Batch-affine accumulation only: the number of independent bucket additions that share one field inversion,
    /// 1..65536, or 0 (the default) for the built-in choice (half the buckets of a window, at most 2048). Small
    /// values are valid but slow (one inversion, about 380 multiplications, per batch).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 0..65536.</exception>
    public int BatchSize
    {
        get => _batchSize;
        init => _batchSize = value is >= 0 and <= 1 << 16 ? value : throw new ArgumentOutOfRangeException(nameof(BatchSize), value, "batch size must be 0 (auto) or 1..65536");
    }

    /// <summary>
    /// Fixed-base precomputation factor f, 1 (the default: none) to <see cref="MaxPrecomputeFactor"/>. Used when bases
    /// are prepared once for many MSMs (<c>CpuMsm.Prepare</c>, <c>IComputeBackend.PrepareMsmBasesG1/G2</c>): each base
    /// P is stored with its multiples 2^(c·s)·P, 2^(2·c·s)·P, ... (s = ceil(W / f) of the W = floor(254/c) + 1 windows per
    /// slice), F = ceil(W / s) ≤ min(f, W) points per base in all (F = f when f divides W), which cuts an MSM to s
    /// windows. Memory grows F-fold (a G1Affine takes 72 bytes, a G2Affine 136). With f ≥ 2,
    /// <see cref="WindowBits"/> 0 picks c for the factor (<c>CpuMsm.PrecomputeWindowBits</c>). Plain MSM calls over
    /// spans ignore it; backends without precomputation (the GPU backends) keep f = 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 1..<see cref="MaxPrecomputeFactor"/>.</exception>
    public int PrecomputeFactor
    {
        get => _precomputeFactor;
        init => _precomputeFactor = value is >= 1 and <= MaxPrecomputeFactor ? value : throw new ArgumentOutOfRangeException(nameof(PrecomputeFactor), value, $"precompute factor must be 1..{MaxPrecomputeFactor}");
    }

    /// <summary>Automatic window, accumulation and batch size, all cores, no precomputation.</summary>
    public static MsmConfig Default { get; } = new();
}
