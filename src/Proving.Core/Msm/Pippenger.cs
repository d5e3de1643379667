using Proving.Core.Algebra;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;

namespace Proving.Core.Msm;

/// <summary>
/// Pippenger's bucket method for Σ k_i·P_i with signed c-bit digits: each scalar (canonical value &lt; r &lt; 2^254) is
/// recoded into floor(254/c) + 1 digits d in (-2^(c-1), 2^(c-1)], so a window needs 2^(c-1) buckets (|d| - 1 selects
/// the bucket, the sign negates the base's y). Buckets are accumulated by a <see cref="BucketAccumulator{TAff, TF}"/>
/// (XYZZ mixed additions or batch-affine additions), summed by the running-sum trick, and the window sums are combined
/// with c doublings each. (Window, chunk of points) units are independent and run in parallel. Points at infinity and
/// zero digits cost nothing.
/// </summary>
internal static unsafe class Pippenger
{
    /// <summary>Bits of the largest scalar: r &lt; 2^254.</summary>
    public const int ScalarBits = 254;

    /// <summary>The automatic window width for <paramref name="n"/> points on G1 on every core, as a default
    /// <see cref="Run{TAff, TF}(ReadOnlySpan{TAff}, ReadOnlySpan{Fr}, MsmConfig)"/> uses it (see <see cref="MsmPlan.Choose"/>).</summary>
    public static int DefaultWindowBits(int n) => MsmPlan.Choose<Fq>(n, 0, 0, MsmAccumulation.Auto, 0).WindowBits;

    /// <summary>Σ scalars[i]·bases[i] in XYZZ form. <paramref name="windowBits"/> in [1, 20] (0 picks
    /// <see cref="DefaultWindowBits"/>); <paramref name="threads"/> 0 uses every core; automatic accumulation.</summary>
    public static Xyzz<TF> Run<TAff, TF>(ReadOnlySpan<TAff> bases, ReadOnlySpan<Fr> scalars, int windowBits, int threads)
        where TAff : unmanaged, IAffinePoint<TAff, TF>
        where TF : unmanaged, IField<TF> =>
        Run<TAff, TF>(bases, scalars, MsmPlan.Choose<TF>(bases.Length, windowBits, threads, MsmAccumulation.Auto, 0));

    /// <summary>Σ scalars[i]·bases[i] in XYZZ form with the window, accumulation, batch size and threads of
    /// <paramref name="config"/> (zeros and Auto filled in by <see cref="MsmPlan.Choose"/>).</summary>
    public static Xyzz<TF> Run<TAff, TF>(ReadOnlySpan<TAff> bases, ReadOnlySpan<Fr> scalars, MsmConfig config)
        where TAff : unmanaged, IAffinePoint<TAff, TF>
        where TF : unmanaged, IField<TF> =>
        Run<TAff, TF>(bases, scalars, MsmPlan.Choose<TF>(bases.Length, config.WindowBits, config.Threads, config.Accumulation, config.BatchSize));

    /// <summary>Σ scalars[i]·bases[i] in XYZZ form following <paramref name="plan"/>: the scalars are recoded into
    /// signed digits, then each (window, chunk of points) unit is summed into its own buckets by
    /// <see cref="AccumulateWindows"/>, and the windows are combined with c doublings each.</summary>
    public static Xyzz<TF> Run<TAff, TF>(ReadOnlySpan<TAff> bases, ReadOnlySpan<Fr> scalars, in MsmPlan plan)
        where TAff : unmanaged, IAffinePoint<TAff, TF>
        where TF : unmanaged, IField<TF>
    {
        int n = bases.Length;
        if (n == 0) return Xyzz<TF>.Infinity;
        int c = plan.WindowBits;
        int windows = ScalarBits / c + 1;
        var digits = Recode<TAff, TF>(bases, scalars, c, windows, plan.Threads);
        fixed (TAff* pb = bases) fixed (int* pd = digits)
            return RunDigits<TAff, TF>(pb, pd, n, windows, plan, topWindowIsShort: true);
    }

    /// <summary>
    /// Signed c-bit digits of every scalar (bases at infinity get all-zero digits), grouped into slices of
    /// <paramref name="windowsPerSlice"/> = s windows: with F = ceil(W / s) slices of the W = 254/c + 1 windows, the
    /// digit of window w = k·s + j of scalar i is at [j·F·n + k·n + i], i.e. s rows of F·n digits, row j holding window j
    /// of every slice. s = W gives the plain layout [w·n + i]; digits of windows W..F·s-1 are zero.
    /// </summary>
    public static int[] Recode<TAff, TF>(ReadOnlySpan<TAff> bases, ReadOnlySpan<Fr> scalars, int c, int windowsPerSlice, int degree)
        where TAff : unmanaged, IAffinePoint<TAff, TF>
        where TF : unmanaged, IField<TF>
    {
        int n = bases.Length;
        int windows = ScalarBits / c + 1;
        int slices = (windows + windowsPerSlice - 1) / windowsPerSlice;
        var digits = new int[(long)windowsPerSlice * slices * n];
        fixed (TAff* pb = bases) fixed (Fr* ps = scalars) fixed (int* pd = digits)
        {
            nint xb = (nint)pb, xs = (nint)ps, xd = (nint)pd;
            ParallelChunks.For(n, 1 << 12, (s, e) => Recode<TAff, TF>((TAff*)xb, (Fr*)xs, (int*)xd, n, s, e, c, windows, windowsPerSlice, slices), degree);
        }
        return digits;
    }

    /// <summary>
    /// Σ over windows w of 2^(c·w)·Σ_i digits[w·n + i]·bases[i] for n bases (c = plan.WindowBits): the window sums of
    /// <see cref="AccumulateWindows"/>, combined with c doublings each. <paramref name="topWindowIsShort"/>: the last
    /// window holds only the top bits of scalars below 2^254 (plain layout), so it needs fewer buckets; false for the
    /// slice layout of precomputed bases, where every row mixes windows of several slices.
    /// </summary>
    public static Xyzz<TF> RunDigits<TAff, TF>(TAff* bases, int* digits, int n, int windows, in MsmPlan plan, bool topWindowIsShort)
        where TAff : unmanaged, IAffinePoint<TAff, TF>
        where TF : unmanaged, IField<TF>
    {
        var sums = AccumulateWindows<TAff, TF>(bases, digits, n, windows, plan, topWindowIsShort);
        var acc = sums[windows - 1];
        for (int w = windows - 2; w >= 0; w--)
        {
            for (int i = 0; i < plan.WindowBits; i++) Xyzz<TF>.Double(ref acc);
            Xyzz<TF>.Add(ref acc, sums[w]);
        }
        return acc;
    }

    /// <summary>
    /// The window sums Σ d·P over the digits digits[w·n + i] of each of the <paramref name="windows"/> windows. Work is
    /// split into windows × <see cref="MsmPlan.ChunksPerWindow"/> units (a window's points cut into contiguous chunks,
    /// so all cores stay busy even with fewer windows than threads); <see cref="MsmPlan.Threads"/> workers, each with
    /// its own buckets, take units in turn, and the chunk sums of a window are added. Batch-affine plans still use
    /// XYZZ buckets for a window with fewer than 2·B possible buckets (the top window, which holds only the scalar's
    /// last bits, when <paramref name="topWindowIsShort"/>), where batches could not fill.
    /// </summary>
    internal static Xyzz<TF>[] AccumulateWindows<TAff, TF>(TAff* bases, int* digits, int n, int windows, MsmPlan plan, bool topWindowIsShort)
        where TAff : unmanaged, IAffinePoint<TAff, TF>
        where TF : unmanaged, IField<TF>
    {
        int chunks = plan.ChunksPerWindow, buckets = 1 << (plan.WindowBits - 1);
        // Digits of the top window are at most 2^topBits (its bits of k < 2^254 plus a carry) and never negative.
        int topBits = ScalarBits - (windows - 1) * plan.WindowBits;
        int topBuckets = !topWindowIsShort || topBits >= plan.WindowBits - 1 ? buckets : 1 << topBits;
        bool batchAffine = plan.Accumulation == MsmAccumulation.BatchAffine;
        // XYZZ buckets serve every window, or in a batch-affine plan only the windows too small for batches.
        int xyzzBuckets = batchAffine && buckets >= 2 * plan.BatchSize ? topBuckets : buckets;
        int units = windows * chunks;
        var partial = new Xyzz<TF>[units];
        int next = -1;
        nint xb = (nint)bases, xd = (nint)digits;
        void Worker()
        {
            BatchAffineBuckets<TAff, TF>? affine = null;
            XyzzBuckets<TAff, TF>? xyzz = null;
            int u;
            while ((u = Interlocked.Increment(ref next)) < units)
            {
                int w = u / chunks, k = u % chunks;
                int s = (int)((long)k * n / chunks), e = (int)((long)(k + 1) * n / chunks);
                int count = w == windows - 1 ? topBuckets : buckets;
                BucketAccumulator<TAff, TF> acc = batchAffine && count >= 2 * plan.BatchSize
                    ? affine ??= new BatchAffineBuckets<TAff, TF>(buckets, plan.BatchSize)
                    : xyzz ??= new XyzzBuckets<TAff, TF>(xyzzBuckets);
                partial[u] = acc.WindowSum((TAff*)xb, (int*)xd + (long)w * n, s, e, count);
            }
        }
        int workers = Math.Min(plan.Threads, units);
        if (workers <= 1) Worker();
        else Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ => Worker());
        var sums = new Xyzz<TF>[windows];
        for (int w = 0; w < windows; w++)
        {
            sums[w] = partial[w * chunks];
            for (int k = 1; k < chunks; k++) Xyzz<TF>.Add(ref sums[w], partial[w * chunks + k]);
        }
        return sums;
    }

    /// <summary>Recoding of scalars [s, e) into the slice layout of the public <c>Recode</c>.</summary>
    private static void Recode<TAff, TF>(TAff* bases, Fr* scalars, int* digits, int n, int s, int e, int c, int windows, int windowsPerSlice, int slices)
        where TAff : unmanaged, IAffinePoint<TAff, TF>
        where TF : unmanaged, IField<TF>
    {
        int half = 1 << (c - 1), full = 1 << c;
        ulong mask = (1UL << c) - 1;
        long row = (long)slices * n;
        for (int i = s; i < e; i++)
        {
            if (bases[i].IsInfinity) continue; // the array is freshly zeroed
            var k = Montgomery4<FrModulus>.FromMontgomery(scalars[i].Mont);
            int carry = 0;
            int j = 0;
            long slice = i;
            for (int w = 0; w < windows; w++)
            {
                int d = (int)(Bits(k, w * c) & mask) + carry;
                carry = 0;
                if (d > half) { d -= full; carry = 1; }
                digits[j * row + slice] = d;
                if (++j == windowsPerSlice) { j = 0; slice += n; }
            }
        }
    }

    /// <summary>64 bits of k starting at bit <paramref name="offset"/> (zero-filled above bit 255).</summary>
    private static ulong Bits(in Limbs4 k, int offset)
    {
        int limb = offset >> 6, shift = offset & 63;
        if (limb >= 4) return 0;
        ulong lo = k[limb] >> shift;
        if (shift != 0 && limb + 1 < 4) lo |= k[limb + 1] << (64 - shift);
        return lo;
    }
}
