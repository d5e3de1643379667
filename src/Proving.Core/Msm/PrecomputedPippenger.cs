using Proving.Core.Algebra;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;

namespace Proving.Core.Msm;

/// <summary>
/// Fixed-base precomputation for Pippenger (see <see cref="MsmBases{TAff}"/>). Σ k_i·P_i with W signed c-bit windows
/// and slices of s windows equals Σ over the F·n points Q_(k·n+i) = 2^(k·c·s)·P_i of their digits in s windows
/// (digit j of point (k, i) = digit k·s + j of k_i), so the MSM pays s window sums of 2^(c-1) buckets and s·c doublings
/// instead of W of each; the mixed additions stay about W·n. With few windows the work is split by points: each worker
/// runs all s windows over its share of the points with its own buckets, and the partial sums are added.
/// </summary>
internal static unsafe class PrecomputedPippenger
{
    /// <summary>
    /// Cost of the bucket sums of one window, per 2^c, in units of one point's accumulation. Scalar running sum: 1.3
    /// (2^(c-1) buckets, two full additions each at about 1.3 mixed additions). Where the sums run in lanes
    /// (<see cref="BucketReduction"/>, BN254 on AVX-512): 0.9, about MsmPlan's G1 bucket term with lanes (2.5 · 3.0 / 4.0
    /// per bucket, 0.94 per 2^c) against ~1.05 per point. Measured with lanes (one thread, min of 7..15 runs,
    /// 2026-11-21; [choice with 0.9], (choice with 1.3)): G1 2^12 f = 255: c11 17.4, c12 15.8 (1.3), [c13 14.4-15.4],
    /// c14 13.6-15.2, c15 13.5-14.2 ms; G1 2^14 f = 255: (c13 53.5), c14 50.2, [c15 43.6], c16 49.0 ms; G1 2^14 f = 4:
    /// (c11 71.0), [c13 57.8], c16 70.6 ms; G2 2^12 f = 255: c11 48.0, (c12 47.5), [c13 43.1], c14 42.2 ms. A weight of
    /// 0.33 (1.3 over the lane speed-up alone) would pick c16 at 2^14 f = 4. Only the window width of a preparation is
    /// chosen with this weight; the run itself is planned by <see cref="MsmPlan"/>.
    /// </summary>
    private static double BucketSumWeight =>
        BucketReduction.VectorByDefault && MontgomeryVector8<FqModulus>.IsSupported ? 0.9 : 1.3;

    /// <summary>Points per block when building slices: bounds the temporary Jacobian points per worker.</summary>
    private const int BuildBlock = 1 << 12;

    /// <summary>(F, s) for window width <paramref name="c"/> and requested factor <paramref name="factor"/> ≥ 1:
    /// s = ceil(W / min(f, W)), F = ceil(W / s) ≤ f.</summary>
    public static (int Slices, int WindowsPerSlice) Layout(int c, int factor)
    {
        int windows = Pippenger.ScalarBits / c + 1;
        int f = Math.Min(factor, windows);
        int s = (windows + f - 1) / f;
        return ((windows + s - 1) / s, s);
    }

    /// <summary>
    /// Window width c in 1..16 minimising the modelled wall time of an MSM over n bases with factor
    /// <paramref name="factor"/> on <paramref name="degree"/> workers (<see cref="WallCost"/>).
    /// </summary>
    public static int DefaultWindowBits(int n, int factor, int degree)
    {
        int best = 1;
        double bestCost = double.MaxValue;
        for (int c = 1; c <= 16; c++)
        {
            var (slices, s) = Layout(c, factor);
            double cost = WallCost((double)slices * n, c, s, degree);
            if (cost < bestCost) { bestCost = cost; best = c; }
        }
        return best;
    }

    /// <summary>
    /// Modelled wall time in mixed additions of s windows over <paramref name="points"/> points on
    /// <paramref name="degree"/> workers: windows in parallel, ceil(s / T)·(N + 1.3·2^c), or points split T ways,
    /// s·(N / T + 1.3·2^c), whichever is smaller (the run itself splits work by <see cref="MsmPlan"/>).
    /// </summary>
    public static double WallCost(double points, int c, int s, int degree)
    {
        double bucketSums = BucketSumWeight * (1 << c);
        double byWindows = Math.Ceiling((double)s / degree) * (points + bucketSums);
        double byPoints = s * (points / degree + bucketSums);
        return Math.Min(byWindows, byPoints) + (double)s * c;
    }

    /// <summary>
    /// The F·n points 2^(k·shiftBits)·bases[i] at index k·n + i, k &lt; <paramref name="slices"/>: (F − 1)·shiftBits
    /// Jacobian doublings per base, in parallel blocks, each block normalised with one inversion per slice. BN254 G1
    /// and G2 on AVX-512 run eight bases at a time (<see cref="LaneSlices"/>) unless <paramref name="lanes"/> is false;
    /// other groups and hardware run the scalar group operations. Both give the same points bit for bit.
    /// </summary>
    public static TAff[] BuildSlices<TProj, TAff, TF>(TAff[] bases, int slices, int shiftBits, int degree, bool lanes = true)
        where TProj : struct, ICurveGroup<TProj, TAff, TF, Fr>
        where TAff : unmanaged, IAffinePoint<TAff, TF>
        where TF : unmanaged, IField<TF>
    {
        int n = bases.Length;
        var result = new TAff[(long)slices * n];
        bases.CopyTo(result, 0);
        if (lanes && LaneSlices.Applies<TAff, TF>())
        {
            LaneSlices.Build<TAff, TF>(bases, result, slices, shiftBits, degree);
            return result;
        }
        ParallelChunks.For(n, 64, (start, end) =>
        {
            var cur = new TProj[Math.Min(BuildBlock, end - start)];
            for (int a = start; a < end; a += BuildBlock)
            {
                int len = Math.Min(BuildBlock, end - a);
                var block = cur.AsSpan(0, len);
                for (int i = 0; i < len; i++) block[i] = TProj.FromAffine(bases[a + i]);
                for (int k = 1; k < slices; k++)
                {
                    for (int i = 0; i < len; i++)
                    {
                        ref var p = ref block[i];
                        for (int t = 0; t < shiftBits; t++) TProj.Double(p, out p);
                    }
                    TProj.BatchNormalize(block, result.AsSpan((int)((long)k * n + a), len));
                }
            }
        }, degree);
        return result;
    }

    /// <summary>Σ scalars[i]·P_i over prepared bases with F ≥ 2 (scalars.Length = bases.Count, checked by the caller),
    /// in XYZZ form; <paramref name="threads"/> 0 uses every core.</summary>
    public static Xyzz<TF> Run<TAff, TF>(MsmBases<TAff> bases, ReadOnlySpan<Fr> scalars, int threads)
        where TAff : unmanaged, IAffinePoint<TAff, TF>
        where TF : unmanaged, IField<TF>
    {
        int n = bases.Count;
        if (n == 0) return Xyzz<TF>.Infinity;
        int c = bases.WindowBits, s = bases.WindowsPerSlice;
        int points = bases.Points.Length;
        int degree = threads > 0 ? threads : ParallelChunks.Degree;
        if (points < 64) degree = 1;
        var digits = Pippenger.Recode<TAff, TF>(bases.Bases.Span, scalars, c, s, degree);
        // Window width fixed by the preparation; accumulation, batch size and the split of the points into chunks
        // (all cores busy with only s windows) come from the same cost model as the plain MSM.
        var plan = MsmPlan.Choose<TF>(points, c, degree, MsmAccumulation.Auto, 0, windows: s);
        fixed (TAff* pb = bases.Points) fixed (int* pd = digits)
            return Pippenger.RunDigits<TAff, TF>(pb, pd, points, s, plan, topWindowIsShort: false);
    }
}
