using Proving.Core.Algebra;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;

namespace Proving.Core.Msm;

/// <summary>
/// The concrete settings of one CPU MSM: window width c, bucket accumulation, batch size B (batch-affine only), how
/// many contiguous chunks each window's points are cut into, and the worker count. <see cref="Choose"/> fills in what
/// the caller left automatic by minimising a cost model fitted to measurements (see <see cref="Cost"/>).
/// </summary>
internal readonly record struct MsmPlan(int WindowBits, MsmAccumulation Accumulation, int BatchSize, int ChunksPerWindow, int Threads)
{
    /// <summary>Largest automatic window width (2^15 buckets per worker).</summary>
    public const int MaxAutoWindowBits = 16;

    /// <summary>
    /// Scale of the scalar cost terms for G2 when the eight-lane flush runs (Fq2 lanes: 1.4-2.1x on the flush). Chosen
    /// from wall times of MsmG2 (median of 4, both cores, 2026-11-21): 2^12 c = 9 / 10: 61-84 / 70-85 ms; 2^14
    /// c = 10 / 11 / 12: 163-189 / 155-172 / 205 ms; 2^16 c = 11 / 12 / 13: 476-487 / 476-699 / 594-667 ms. With 2.0
    /// the model picks c = 9, 10, 12 at 2^12, 2^14, 2^16 (the scalar-flush fit picked 10, 11, 13).
    /// </summary>
    private const double G2VectorScale = 2.0;

    /// <summary>The plan for <paramref name="n"/> points with coordinates in <typeparamref name="TF"/>; 0 / Auto
    /// arguments are chosen by the cost model, the others are kept. <paramref name="windows"/>: the windows each point
    /// takes part in, or 0 for a full scalar's floor(254/c) + 1 (precomputed bases pass their windows per slice).</summary>
    public static MsmPlan Choose<TF>(int n, int windowBits, int threads, MsmAccumulation accumulation, int batchSize, int windows = 0)
        where TF : struct, IField<TF>
    {
        // A field inversion (Fermat, ~380 multiplications in the base field) in units of one batch-affine addition:
        // about 63 for G1 over Fq; about 16 for G2, where an Fq2 inversion is one Fq inversion but an Fq2
        // multiplication costs ~4 Fq multiplications.
        double inversion = typeof(TF) == typeof(Fq) ? 63 : 16;
        // With the eight-lane flush (BatchAffineBuckets.Vector.cs) a G1 batch-affine addition costs about 1/2.5 of the
        // scalar one (MsmG1FlushBench: 2.0-2.6x on the whole MSM at 2^16 and 2^18), while the inversion, the XYZZ
        // additions and the bucket sums stay scalar: those terms scale by 2.5. This moves 2^16 from c = 13 to c = 12
        // (measured 307 against 356 ms) and keeps c = 13 at 2^18 (1003 against 1078 ms for c = 12). G2 (Fq2 lanes, Karatsuba):
        // see G2VectorScale. The bucket sums are no longer scalar where they run in lanes: see Cost's bucketScale.
        bool vector = BatchAffineFlush.VectorByDefault && MontgomeryVector8<FqModulus>.IsSupported;
        double scalarScale = !vector ? 1 : typeof(TF) == typeof(Fq) ? 2.5 : G2VectorScale;
        // The bucket sums run in lanes (BucketReduction) where that applies, LaneSpeedup<TF>() times faster.
        bool laneReduce = BucketReduction.VectorByDefault && BucketReduction.LanesApply<TF>();
        int degree = threads > 0 ? threads : ParallelChunks.Degree;
        if (n < 64) degree = 1;
        var best = new MsmPlan(1, MsmAccumulation.Xyzz, 1, 1, degree);
        double bestCost = double.MaxValue;
        foreach (var acc in new[] { MsmAccumulation.Xyzz, MsmAccumulation.BatchAffine })
        {
            if (accumulation != MsmAccumulation.Auto && acc != accumulation) continue;
            for (int c = windowBits > 0 ? windowBits : 1; c <= (windowBits > 0 ? windowBits : MaxAutoWindowBits); c++)
            {
                int buckets = 1 << (c - 1);
                int batch = batchSize > 0 ? batchSize : DefaultBatchSize(buckets);
                int windowCount = windows > 0 ? windows : Pippenger.ScalarBits / c + 1;
                for (int k = 1; k <= Math.Min(degree, Math.Max(1, n / 64)); k++)
                {
                    double rounds = Math.Ceiling((double)windowCount * k / degree);
                    double bucketScale = laneReduce && buckets >= BucketReduction.MinBuckets ? 1 / BucketReduction.LaneSpeedup<TF>() : 1;
                    double cost = rounds * Cost(acc, (n + k - 1) / k, buckets, batch, inversion, scalarScale, bucketScale);
                    if (cost < bestCost * 0.999)
                    {
                        bestCost = cost;
                        best = new MsmPlan(c, acc, batch, k, degree);
                    }
                }
            }
        }
        return best;
    }

    /// <summary>
    /// Modelled time of one (window, chunk) unit of <paramref name="points"/> points, in batch-affine additions
    /// (5M + 1S, ~6 multiplications). XYZZ: 1.5 per point (a mixed addition, 8M + 2S) and 4.67 per bucket (two full
    /// additions, 12M + 2S each, in the running sum). Batch-affine: 1 + inversion/B' per point, with B' = min(B, points)
    /// the additions sharing one inversion, and 3 per bucket (one mixed and one full XYZZ addition, 24M, but a plain
    /// sequential pass, while a point's addition also pays for gathering, deferral and random bucket access).
    /// Fitted to process CPU times (min of 3..6 runs, both cores, busy shared machine) of G1 at 2^10..2^18 and G2 at
    /// 2^10..2^16; the model's choice was the measured best or within 2% of it (G1 2^18: c = 13 chosen for the 10
    /// even rounds of 20 windows on two cores, c = 15 measured 4% less CPU but leaves a core idle for one window):
    /// <code>
    /// log2 n  G1 XYZZ best (c)  G1 batch-affine best (c, B)   G2 XYZZ best (c)  G2 batch-affine best (c, B)
    /// 10       25 ms (8)          25 ms (8, 64)                 76 ms (8)          63 ms (8, 64)
    /// 12       79 ms (9)          63 ms (10, 256)              258 ms (10)        185 ms (10, 256)
    /// 14      263 ms (11)        216 ms (11, 256..512)         858 ms (11)        617 ms (11, 512)
    /// 16      952 ms (13)        715 ms (12, 512)             2902 ms (13)       2020 ms (13, 2048)
    /// 18     3528 ms (15)       2446 ms (15, 2048)
    /// </code>
    /// <paramref name="scalarScale"/> multiplies every term that is not a batch-affine addition (1 for the scalar
    /// flush; 2.5 for the eight-lane G1 flush, measured by MsmFlushBench). <paramref name="bucketScale"/> multiplies the
    /// bucket term: 1 for the scalar running sum, 1 / <see cref="BucketReduction.LaneSpeedup{TF}"/> (1/4.0 on G1, 1/3.7
    /// on G2) where the buckets are summed in lanes. Checked against one-thread wall times with the lane reduction
    /// (min of 3..21 runs, busy shared machine, 2026-11-21; the model's choice in brackets; "before": the scalar
    /// reduction at the previous model's choice):
    /// <code>
    /// log2 n  G1 ms by c                                   before        G2 ms by c                                before
    /// 10      c8 16, c9 11, [c10 10], c11 12               17 (c9)       c8 29, [c9 25], c10 29                    40 (c8)
    /// 12      c9 36, c10 27, [c11 24], c12 28              39 (c10)      c8 99, c9 73, [c10 64], c11 77            95 (c9)
    /// 14      c10 96, c11 90, [c12 69], c13 74             97 (c11)      c9 276, c10 220, c11 197, [c12 202], c13 230  261 (c10)
    /// 16      c11 337, c12 240, [c13 243], c14 234         298 (c12)     c11 708, c12 638-697, [c13 679-730], c14 700  802 (c12)
    /// 18      c13 939, c14 853, c15 697, [c16 762]         972 (c13)
    /// </code>
    /// (G1 2^18 on one thread is best at c = 15; on two cores c = 16 runs its 16 windows in 8 rounds against 9.) On one
    /// thread the model's choices are the measured best or within 5% of it. A bucket weight twice as large would pick
    /// the same (G2 2^14: c = 11, 2% faster); half as large, one step wider everywhere (7-20% slower).
    /// </summary>
    public static double Cost(MsmAccumulation accumulation, int points, int buckets, int batchSize, double inversion, double scalarScale = 1, double bucketScale = 1) =>
        accumulation == MsmAccumulation.BatchAffine
            ? points * (1 + scalarScale * inversion / Math.Max(1, Math.Min(batchSize, points))) + scalarScale * bucketScale * 3.0 * buckets
            : scalarScale * (points * 1.5 + bucketScale * 4.67 * buckets);

    /// <summary>Half the buckets of a window (so batches fill with few deferred pairs), between 1 and 2048 (measured:
    /// larger batches were slower at 2^16..2^18 on G1).</summary>
    public static int DefaultBatchSize(int buckets) => Math.Clamp(buckets / 2, 1, 2048);
}
