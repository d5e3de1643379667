using System.Numerics;
using System.Runtime.InteropServices;
using Proving.Core.Curves.Bn254;

namespace Proving.Gpu;

/// <summary>
/// Multi-scalar multiplication Σ k_i·P_i over BN254 G1 or G2 on a <see cref="GpuContext"/> by Pippenger's bucket
/// method (native/kernels/msm_common.h, msm_impl.h): digit decomposition, a counting sort of (bucket, point) pairs,
/// prefix sums of the bucket sizes, bucket accumulation in tasks of bounded length (see <see cref="PlanTasks"/>) and the
/// windows' bucket reduction in levels run on the device; the final combination of the ~254/c window sums (c doublings
/// each) runs on the CPU. One thread at a time.
/// </summary>
public sealed class GpuMsm
{
    /// <summary>Bits of an Fr scalar (r &lt; 2^254).</summary>
    public const int ScalarBits = 254;

    private readonly GpuContext _ctx;

    /// <summary>Uses <paramref name="context"/> (not owned).</summary>
    public GpuMsm(GpuContext context) => _ctx = context ?? throw new ArgumentNullException(nameof(context));

    /// <summary>Copies G1 <paramref name="points"/> to the device once, for repeated MSMs over the same bases (a proving key).</summary>
    public ResidentBases<G1Affine> UploadBases(ReadOnlySpan<G1Affine> points)
    {
        var words = new Fq[2 * points.Length];
        PointLayout.WriteAffine(points, words);
        return new ResidentBases<G1Affine>(_ctx.Upload<Fq>(words), points.Length);
    }

    /// <summary>Copies G2 <paramref name="points"/> to the device once (128 bytes each).</summary>
    public ResidentBases<G2Affine> UploadBases(ReadOnlySpan<G2Affine> points)
    {
        var words = new Fq2[2 * points.Length];
        PointLayout.WriteAffine(points, words);
        return new ResidentBases<G2Affine>(_ctx.Upload<Fq2>(words), points.Length);
    }

    /// <summary>Σ scalars[i]·points[i] over G1; the spans must have the same length (0 gives the identity).</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public G1Projective Msm(ReadOnlySpan<G1Affine> points, ReadOnlySpan<Fr> scalars, int windowBits = 0)
    {
        CheckLengths(points.Length, scalars.Length);
        if (points.Length == 0) return G1Projective.Identity;
        using var bases = UploadBases(points);
        return Msm(bases, scalars, windowBits);
    }

    /// <summary>Σ scalars[i]·points[i] over G2; the spans must have the same length (0 gives the identity).</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public G2Projective Msm(ReadOnlySpan<G2Affine> points, ReadOnlySpan<Fr> scalars, int windowBits = 0)
    {
        CheckLengths(points.Length, scalars.Length);
        if (points.Length == 0) return G2Projective.Identity;
        using var bases = UploadBases(points);
        return Msm(bases, scalars, windowBits);
    }

    /// <summary>Σ scalars[i]·bases[i] over the first scalars.Length resident G1 bases.</summary>
    /// <param name="bases">Bases from <see cref="UploadBases(ReadOnlySpan{G1Affine})"/> on this context.</param>
    /// <param name="scalars">At most bases.Count scalars.</param>
    /// <param name="windowBits">Window width c in [1, 20], or 0 for <see cref="DefaultWindowBits"/>.</param>
    /// <exception cref="ArgumentException">More scalars than bases.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="windowBits"/> is outside [0, 20].</exception>
    public G1Projective Msm(ResidentBases<G1Affine> bases, ReadOnlySpan<Fr> scalars, int windowBits = 0)
    {
        var words = WindowSums("g1", bases?.Buffer, bases?.Count ?? 0, 96, scalars, windowBits, out int c);
        if (words == null) return G1Projective.Identity;
        var sums = PointLayout.ReadJacobian(MemoryMarshal.Cast<byte, Fq>(words));
        var acc = sums[^1];
        for (int w = sums.Length - 2; w >= 0; w--)
        {
            for (int i = 0; i < c; i++) acc += acc;
            acc += sums[w];
        }
        return acc;
    }

    /// <summary>Σ scalars[i]·bases[i] over the first scalars.Length resident G2 bases (parameters as for G1).</summary>
    /// <exception cref="ArgumentException">More scalars than bases.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="windowBits"/> is outside [0, 20].</exception>
    public G2Projective Msm(ResidentBases<G2Affine> bases, ReadOnlySpan<Fr> scalars, int windowBits = 0)
    {
        var words = WindowSums("g2", bases?.Buffer, bases?.Count ?? 0, 192, scalars, windowBits, out int c);
        if (words == null) return G2Projective.Identity;
        var sums = PointLayout.ReadJacobian(MemoryMarshal.Cast<byte, Fq2>(words));
        var acc = sums[^1];
        for (int w = sums.Length - 2; w >= 0; w--)
        {
            for (int i = 0; i < c; i++) acc += acc;
            acc += sums[w];
        }
        return acc;
    }

    /// <summary>The default window width for <paramref name="n"/> points: log2(n) - 3, clamped to [4, 16].</summary>
    public static int DefaultWindowBits(long n) => Math.Clamp(BitOperations.Log2((ulong)Math.Max(1, n)) - 3, 4, 16);

    /// <summary>Runs the device pipeline of group <paramref name="group"/> and returns the window sums' Jacobian
    /// bytes (<paramref name="jacobianBytes"/> per window), or null when there are no scalars.</summary>
    private byte[]? WindowSums(string group, GpuBuffer? bases, int baseCount, int jacobianBytes, ReadOnlySpan<Fr> scalars, int windowBits, out int c)
    {
        ArgumentNullException.ThrowIfNull(bases);
        if (scalars.Length > baseCount) throw new ArgumentException($"{scalars.Length} scalars but only {baseCount} bases");
        ArgumentOutOfRangeException.ThrowIfNegative(windowBits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(windowBits, 20);
        long n = scalars.Length;
        c = windowBits > 0 ? windowBits : DefaultWindowBits(n);
        if (n == 0) return null;
        int windows = (ScalarBits + c - 1) / c;
        long bucketCount = (long)windows << c;
        if (n * windows > uint.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(windowBits), $"{n} points in {windows} windows exceed 2^32 (point, window) pairs; use a wider window");
        var module = _ctx.Module($"msm_{group}.c");
        string Kernel(string step) => $"{group}_msm_{step}";

        using var ds = _ctx.Upload<Fr>(scalars);
        _ctx.Launch(module.Kernel(Kernel("prepare_scalars")), n, 0, ds, bases, (ulong)n);

        using var counts = _ctx.Allocate(4 * (bucketCount + 1));   // one more, kept 0: the scans' totals land there
        _ctx.Clear(counts);
        _ctx.Launch(module.Kernel(Kernel("count")), n * windows, 0, ds, counts, (uint)c, (uint)windows, (ulong)n);
        using var tasks = PlanTasks(module, counts, bucketCount);

        using var indices = _ctx.Allocate(4 * Math.Max(1, tasks.Pairs));   // the offsets serve as the scatter cursor
        _ctx.Launch(module.Kernel(Kernel("scatter")), n * windows, 0, ds, tasks.Offsets, indices, (uint)c, (uint)windows, (ulong)n);
        using var partials = _ctx.Allocate((long)jacobianBytes * Math.Max(1, tasks.TaskCount));
        if (tasks.TaskCount > 0)
            _ctx.Launch(module.Kernel(Kernel("accumulate")), tasks.TaskCount, 0, bases, indices, tasks.TaskStart, partials, (ulong)tasks.TaskCount);
        using var buckets = _ctx.Allocate(jacobianBytes * bucketCount);
        _ctx.Launch(module.Kernel(Kernel("combine")), bucketCount, 0, partials, tasks.BucketTasks, buckets, (ulong)bucketCount);
        return ReduceBuckets(module.Kernel(Kernel("reduce_level")), buckets, windows, c, jacobianBytes);
    }

    /// <summary>Each window's Σ_d d·B_d over its 2^c buckets (Jacobian, window after window in
    /// <paramref name="buckets"/>) by <c>reduce_level</c> launches of at most <see cref="MaxLevelLog"/> bits each, as even
    /// as possible; the last leaves one point per window. Returns the window sums' bytes.</summary>
    private byte[] ReduceBuckets(GpuKernel reduceLevel, GpuBuffer buckets, int windows, int c, int jacobianBytes)
    {
        var levelBuffers = new List<GpuBuffer>();
        try
        {
            GpuBuffer r = buckets;
            GpuBuffer? u = null;
            int logN = c, logM = 0;
            for (int levels = (c + MaxLevelLog - 1) / MaxLevelLog; levels > 0; levels--)
            {
                int logL = (logN + levels - 1) / levels;
                long items = (long)windows << (logN - logL);
                var rOut = _ctx.Allocate(jacobianBytes * items);
                levelBuffers.Add(rOut);
                var uOut = _ctx.Allocate(jacobianBytes * items);
                levelBuffers.Add(uOut);
                _ctx.Launch(reduceLevel, items, 0, r, u ?? r, rOut, uOut, (uint)logL, (uint)logM, u == null ? 0u : 1u, (ulong)items);
                (r, u) = (rOut, uOut);
                logM += logL;
                logN -= logL;
            }
            var result = new byte[jacobianBytes * windows];
            _ctx.Read(u!, result);
            return result;
        }
        finally
        {
            foreach (var b in levelBuffers) b.Dispose();
        }
    }

    /// <summary>
    /// Bucket offsets and accumulation tasks on the device from the bucket sizes <paramref name="counts"/>
    /// (<paramref name="bucketCount"/> u32s and one more that is 0): a bucket of m pairs becomes ⌈m / K⌉ tasks of
    /// nearly equal length, K = max(32, ⌈√m⌉), so no work item walks more than about max(32, √m) points and a bucket
    /// that collects most pairs (a witness full of 0s and 1s puts every 1 into one bucket) is summed by many. Reads back
    /// the two totals (8 bytes).
    /// </summary>
    internal MsmTaskPlan PlanTasks(GpuModule module, GpuBuffer counts, long bucketCount)
    {
        long entries = bucketCount + 1;
        var offsets = _ctx.Allocate(4 * entries);
        var bucketTasks = _ctx.Allocate(4 * entries);
        GpuBuffer? taskStart = null;
        try
        {
            GpuScan.Exclusive(_ctx, module, counts, offsets, entries);
            using (var taskCounts = _ctx.Allocate(4 * entries))
            {
                _ctx.Launch(module.Kernel("msm_task_counts"), entries, 0, counts, taskCounts, (ulong)entries);
                GpuScan.Exclusive(_ctx, module, taskCounts, bucketTasks, entries);
            }
            Span<uint> totals = stackalloc uint[2];
            _ctx.Read(offsets, MemoryMarshal.AsBytes(totals[..1]), 4 * bucketCount);
            _ctx.Read(bucketTasks, MemoryMarshal.AsBytes(totals[1..]), 4 * bucketCount);
            taskStart = _ctx.Allocate(4 * ((long)totals[1] + 1));
            _ctx.Launch(module.Kernel("msm_task_starts"), bucketCount, 0, counts, offsets, bucketTasks, taskStart, (ulong)bucketCount);
            return new MsmTaskPlan(offsets, bucketTasks, taskStart, totals[0], (int)totals[1]);
        }
        catch
        {
            offsets.Dispose();
            bucketTasks.Dispose();
            taskStart?.Dispose();
            throw;
        }
    }

    /// <summary>The most bucket bits one level of the device bucket reduction takes. With 4, a work item walks at most
    /// 16 points of a window, and c = 16 takes four levels: the longest chain of dependent point operations is
    /// 32 + 52 + 56 + 60 = 200 (2 additions per point on the first level, 3 on later ones, plus the level's doublings),
    /// and the first level has 2^12 work items per window. Wider levels mean fewer, longer chains (6 bits: 337).</summary>
    internal const int MaxLevelLog = 4;

    private static void CheckLengths(int points, int scalars)
    {
        if (points != scalars) throw new ArgumentException($"{points} points but {scalars} scalars");
    }
}

/// <summary>Bases kept in device memory (affine: 64 bytes per G1 point, 128 per G2 point) for repeated MSMs; dispose to free them.</summary>
/// <typeparam name="TAffine">G1Affine or G2Affine.</typeparam>
public sealed class ResidentBases<TAffine> : IDisposable
{
    internal ResidentBases(GpuBuffer buffer, int count) { Buffer = buffer; Count = count; }

    internal GpuBuffer Buffer { get; }

    /// <summary>Number of points.</summary>
    public int Count { get; }

    /// <summary>Frees the device memory.</summary>
    public void Dispose() => Buffer.Dispose();
}

/// <summary>The device buffers of <see cref="GpuMsm.PlanTasks"/>: bucket b's pairs are positions
/// [Offsets[b], Offsets[b + 1]) of the sorted index list and its tasks [BucketTasks[b], BucketTasks[b + 1]); task t
/// covers positions [TaskStart[t], TaskStart[t + 1]). Offsets and BucketTasks hold bucket count + 1 u32s, TaskStart
/// TaskCount + 1.</summary>
internal sealed record MsmTaskPlan(GpuBuffer Offsets, GpuBuffer BucketTasks, GpuBuffer TaskStart, long Pairs, int TaskCount) : IDisposable
{
    public void Dispose()
    {
        Offsets.Dispose();
        BucketTasks.Dispose();
        TaskStart.Dispose();
    }
}
