namespace Proving.Gpu.Tests;

/// <summary>
/// The host reference for the device MSM's task plan (GpuMsm.PlanTasks, msm_common.h's msm_task_counts and
/// msm_task_starts): a bucket of m (point, window) pairs becomes ⌈m / K⌉ tasks of nearly equal length with
/// K = max(<see cref="MinTaskPoints"/>, ⌈√m⌉), laid out bucket after bucket.
/// </summary>
public sealed class MsmBucketTasks
{
    /// <summary>The fewest points a task is cut down to.</summary>
    public const int MinTaskPoints = 32;

    private MsmBucketTasks(uint[] taskStart, uint[] bucketTasks, long pairs)
    {
        TaskStart = taskStart;
        BucketTasks = bucketTasks;
        Pairs = pairs;
    }

    /// <summary>Task t covers positions [TaskStart[t], TaskStart[t + 1]) of the bucket-sorted index list; length
    /// <see cref="TaskCount"/> + 1.</summary>
    public uint[] TaskStart { get; }

    /// <summary>Bucket b's tasks are [BucketTasks[b], BucketTasks[b + 1]); length bucket count + 1.</summary>
    public uint[] BucketTasks { get; }

    /// <summary>Number of tasks.</summary>
    public int TaskCount => TaskStart.Length - 1;

    /// <summary>Number of (point, window) pairs, the length of the sorted index list.</summary>
    public long Pairs { get; }

    /// <summary>Tasks a bucket of <paramref name="size"/> pairs is cut into.</summary>
    public static uint TasksFor(uint size)
    {
        if (size == 0) return 0;
        uint k = Math.Max((uint)MinTaskPoints, (uint)Math.Ceiling(Math.Sqrt(size)));
        return (uint)((size + (ulong)k - 1) / k);
    }

    /// <summary>
    /// Plans the tasks for bucket sizes <paramref name="sizes"/> and turns <paramref name="sizes"/> into the bucket
    /// offsets (exclusive prefix sums) in place.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The pairs or the tasks do not fit in 32-bit positions.</exception>
    public static MsmBucketTasks Plan(Span<uint> sizes)
    {
        long pairs = 0, tasks = 0;
        foreach (uint m in sizes) { pairs += m; tasks += TasksFor(m); }
        if (pairs > uint.MaxValue || tasks >= int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(sizes), $"{pairs} (point, window) pairs do not fit in 32-bit positions");
        var taskStart = new uint[tasks + 1];
        var bucketTasks = new uint[sizes.Length + 1];
        uint offset = 0, t = 0;
        for (int b = 0; b < sizes.Length; b++)
        {
            uint m = sizes[b];
            uint k = TasksFor(m);
            bucketTasks[b] = t;
            for (uint i = 0; i < k; i++) taskStart[t++] = offset + (uint)((ulong)i * m / k);
            sizes[b] = offset;
            offset += m;
        }
        bucketTasks[sizes.Length] = t;
        taskStart[t] = offset;
        return new MsmBucketTasks(taskStart, bucketTasks, pairs);
    }
}
