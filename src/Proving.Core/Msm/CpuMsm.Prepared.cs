using Proving.Core.Algebra;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;

namespace Proving.Core.Msm;

public static partial class CpuMsm
{
    /// <summary>
    /// Window width c chosen for prepared bases when <see cref="MsmConfig.WindowBits"/> is 0: the c in 1..16 that
    /// minimises the modelled wall time of one MSM over <paramref name="n"/> bases with precompute factor
    /// <paramref name="factor"/> on <paramref name="threads"/> workers (0: every core), counting mixed additions, the
    /// 2^(c-1)-bucket sums of each remaining window (per worker when the points are split between workers) and doublings.
    /// </summary>
    public static int PrecomputeWindowBits(int n, int factor, int threads = 0) =>
        PrecomputedPippenger.DefaultWindowBits(n, Math.Max(1, factor), threads > 0 ? threads : ParallelChunks.Degree);

    /// <summary>Prepares G1 bases for many MSMs (see <see cref="Prepare{TProj, TAff, TF}"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="bases"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">F·n points would exceed the largest .NET array.</exception>
    public static MsmBases<G1Affine> Prepare(G1Affine[] bases, MsmConfig? config = null) =>
        Prepare<G1Projective, G1Affine, Fq>(bases, config);

    /// <summary>Prepares G2 bases for many MSMs (see <see cref="Prepare{TProj, TAff, TF}"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="bases"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">F·n points would exceed the largest .NET array.</exception>
    public static MsmBases<G2Affine> Prepare(G2Affine[] bases, MsmConfig? config = null) =>
        Prepare<G2Projective, G2Affine, Fq2>(bases, config);

    /// <summary>
    /// Prepares <paramref name="bases"/> for many MSMs with <paramref name="config"/>'s
    /// <see cref="MsmConfig.PrecomputeFactor"/> f. f = 1 wraps the array without copying. f ≥ 2 fixes the window width
    /// c (<see cref="MsmConfig.WindowBits"/>, or <see cref="PrecomputeWindowBits"/> when 0) and stores F ≤ f points per
    /// base (<see cref="MsmBases{TAff}"/>): (F − 1)·c·s ≈ (1 − 1/F)·254 Jacobian doublings per base plus one batched
    /// normalisation per slice, run on <see cref="MsmConfig.Threads"/> workers (G1 and G2 eight bases at a time where
    /// the CPU has AVX-512); F·n points of memory.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="bases"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">F·n points would exceed the largest .NET array.</exception>
    public static MsmBases<TAff> Prepare<TProj, TAff, TF>(TAff[] bases, MsmConfig? config = null)
        where TProj : struct, ICurveGroup<TProj, TAff, TF, Fr>
        where TAff : unmanaged, IAffinePoint<TAff, TF>
        where TF : unmanaged, IField<TF> =>
        PrepareBases<TProj, TAff, TF>(bases, config, lanes: true);

    /// <summary><see cref="Prepare{TProj, TAff, TF}(TAff[], MsmConfig?)"/>; <paramref name="lanes"/> false keeps the
    /// scalar slice building on AVX-512 hardware too (tests and benchmarks compare both).</summary>
    internal static MsmBases<TAff> PrepareBases<TProj, TAff, TF>(TAff[] bases, MsmConfig? config, bool lanes)
        where TProj : struct, ICurveGroup<TProj, TAff, TF, Fr>
        where TAff : unmanaged, IAffinePoint<TAff, TF>
        where TF : unmanaged, IField<TF>
    {
        ArgumentNullException.ThrowIfNull(bases);
        config ??= MsmConfig.Default;
        if (config.PrecomputeFactor == 1) return MsmBases<TAff>.Plain(bases);
        int c = config.WindowBits > 0 ? config.WindowBits : PrecomputeWindowBits(bases.Length, config.PrecomputeFactor, config.Threads);
        var (slices, s) = PrecomputedPippenger.Layout(c, config.PrecomputeFactor);
        if ((long)slices * bases.Length > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(bases), bases.Length, $"{slices} × {bases.Length} precomputed points exceed the largest array; use a smaller precompute factor");
        int degree = config.Threads > 0 ? config.Threads : ParallelChunks.Degree;
        var points = PrecomputedPippenger.BuildSlices<TProj, TAff, TF>(bases, slices, c * s, degree, lanes);
        return new MsmBases<TAff>(points, bases.Length, slices, c, s);
    }

    /// <summary>Σ scalars[i]·bases[i] on G1 over prepared bases (see <see cref="Compute{TProj, TAff, TF}(MsmBases{TAff}, ReadOnlySpan{Fr}, MsmConfig?)"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="bases"/> is null.</exception>
    /// <exception cref="ArgumentException">scalars.Length is not bases.Count, or the window width conflicts with the preparation.</exception>
    public static G1Projective G1(MsmBases<G1Affine> bases, ReadOnlySpan<Fr> scalars, MsmConfig? config = null) =>
        Compute<G1Projective, G1Affine, Fq>(bases, scalars, config);

    /// <summary>Σ scalars[i]·bases[i] on G2 over prepared bases.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="bases"/> is null.</exception>
    /// <exception cref="ArgumentException">scalars.Length is not bases.Count, or the window width conflicts with the preparation.</exception>
    public static G2Projective G2(MsmBases<G2Affine> bases, ReadOnlySpan<Fr> scalars, MsmConfig? config = null) =>
        Compute<G2Projective, G2Affine, Fq2>(bases, scalars, config);

    /// <summary>
    /// Σ scalars[i]·bases[i] over prepared bases, one scalar per original base. With precomputation the window width is
    /// the prepared one (the call's <see cref="MsmConfig.WindowBits"/> must be 0 or equal to it) and only
    /// <see cref="MsmConfig.Threads"/> applies; without it this is the plain MSM with the call's config.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="bases"/> is null.</exception>
    /// <exception cref="ArgumentException">scalars.Length is not bases.Count, or the window width conflicts with the preparation.</exception>
    public static TProj Compute<TProj, TAff, TF>(MsmBases<TAff> bases, ReadOnlySpan<Fr> scalars, MsmConfig? config = null)
        where TProj : struct, ICurveGroup<TProj, TAff, TF, Fr>
        where TAff : unmanaged, IAffinePoint<TAff, TF>
        where TF : unmanaged, IField<TF>
    {
        ArgumentNullException.ThrowIfNull(bases);
        config ??= MsmConfig.Default;
        if (bases.PrecomputeFactor == 1) return Compute<TProj, TAff, TF>(bases.Bases.Span, scalars, config);
        if (scalars.Length != bases.Count)
            throw new ArgumentException($"MSM needs one scalar per base: {bases.Count} bases, {scalars.Length} scalars");
        if (config.WindowBits != 0 && config.WindowBits != bases.WindowBits)
            throw new ArgumentException($"the bases were prepared for {bases.WindowBits}-bit windows, the config asks for {config.WindowBits}");
        var sum = PrecomputedPippenger.Run<TAff, TF>(bases, scalars, config.Threads);
        sum.ToJacobian(out var x, out var y, out var z);
        return TProj.FromJacobianUnchecked(x, y, z);
    }
}
