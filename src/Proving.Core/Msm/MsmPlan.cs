using Proving.Core.Algebra;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;

namespace Proving.Core.Msm;

/// <summary>
/// The concrete settings of one CPU MSM: window width c, bucket accumulation, batch size (batch-affine only), how many
/// contiguous chunks each window's points are cut into, and the worker count. <see cref="Choose"/> fills in what the
/// caller left automatic from measured defaults.
/// </summary>
internal readonly record struct MsmPlan(int WindowBits, MsmAccumulation Accumulation, int BatchSize, int ChunksPerWindow, int Threads)
{
    /// <summary>The plan for <paramref name="n"/> points with coordinates in <typeparamref name="TF"/>; 0 / Auto
    /// arguments take the defaults below.</summary>
    public static MsmPlan Choose<TF>(int n, int windowBits, int threads, MsmAccumulation accumulation, int batchSize)
        where TF : struct, IField<TF>
    {
        bool g2 = typeof(TF) != typeof(Fq);
        int degree = threads > 0 ? threads : ParallelChunks.Degree;
        if (n < 64) degree = 1;
        var acc = accumulation != MsmAccumulation.Auto ? accumulation : DefaultAccumulation(n, g2);
        int c = windowBits > 0 ? windowBits : DefaultWindowBits(n, acc, g2);
        int buckets = 1 << (c - 1);
        int batch = batchSize > 0 ? batchSize : DefaultBatchSize(buckets);
        int windows = Pippenger.ScalarBits / c + 1;
        return new MsmPlan(c, acc, batch, ChooseChunks(n, windows, buckets, degree), degree);
    }

    /// <summary>The accumulation used by <see cref="MsmAccumulation.Auto"/>.</summary>
    public static MsmAccumulation DefaultAccumulation(int n, bool g2) =>
        n >= 1 << 10 ? MsmAccumulation.BatchAffine : MsmAccumulation.Xyzz;

    /// <summary>
    /// Window width c minimising (windows) × (n point additions + k·2^(c-1) bucket-sum additions), where the bucket
    /// sums (two XYZZ additions per bucket) are weighted k = 2.6 point additions for XYZZ accumulation and k = 3.5 for
    /// batch-affine accumulation (whose point additions are cheaper); capped at 16 bits.
    /// </summary>
    public static int DefaultWindowBits(int n, MsmAccumulation accumulation, bool g2)
    {
        double k = accumulation == MsmAccumulation.BatchAffine ? 3.5 : 2.6;
        int best = 1;
        double bestCost = double.MaxValue;
        for (int c = 1; c <= 16; c++)
        {
            double cost = (Pippenger.ScalarBits / c + 1) * (n + k * (1 << (c - 1)));
            if (cost < bestCost) { bestCost = cost; best = c; }
        }
        return best;
    }

    /// <summary>A quarter of the buckets (so a batch fills with few conflicts), between 1 and 1024.</summary>
    public static int DefaultBatchSize(int buckets) => Math.Clamp(buckets / 4, 1, 1024);

    /// <summary>
    /// Chunks k per window minimising the time on <paramref name="degree"/> workers, ceil(windows·k / degree) rounds of
    /// (n/k point additions + 2.6·buckets for the chunk's bucket sum); 1 when windows already spread evenly.
    /// </summary>
    public static int ChooseChunks(int n, int windows, int buckets, int degree)
    {
        int best = 1;
        double bestCost = double.MaxValue;
        for (int k = 1; k <= Math.Min(degree, Math.Max(1, n / 64)); k++)
        {
            double rounds = Math.Ceiling((double)windows * k / degree);
            double cost = rounds * ((double)n / k + 2.6 * buckets);
            if (cost < bestCost * 0.999) { bestCost = cost; best = k; }
        }
        return best;
    }
}
