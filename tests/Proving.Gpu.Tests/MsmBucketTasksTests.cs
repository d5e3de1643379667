namespace Proving.Gpu.Tests;

/// <summary>The host-side task plan of the device MSM: tasks tile each bucket's run of the sorted index list.</summary>
public sealed class MsmBucketTasksTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    public void TasksTileEveryBucketWithBoundedLength(int seed)
    {
        var rng = new Random(seed);
        int buckets = rng.Next(1, 400);
        var sizes = new uint[buckets];
        for (int b = 0; b < buckets; b++)
            sizes[b] = rng.Next(4) switch { 0 => 0u, 1 => (uint)rng.Next(1, 40), 2 => (uint)rng.Next(1, 3000), _ => (uint)rng.Next(0, 100_000) };
        var original = (uint[])sizes.Clone();
        var plan = MsmBucketTasks.Plan(sizes);

        Assert.Equal(original.Sum(x => (long)x), plan.Pairs);
        Assert.Equal(plan.TaskCount, (int)plan.BucketTasks[buckets]);
        Assert.Equal(0u, plan.BucketTasks[0]);
        uint offset = 0;
        for (int b = 0; b < buckets; b++)
        {
            uint m = original[b];
            Assert.Equal(offset, sizes[b]);   // sizes became the exclusive prefix sums
            uint first = plan.BucketTasks[b], end = plan.BucketTasks[b + 1];
            Assert.Equal(MsmBucketTasks.TasksFor(m), end - first);
            if (m > 0)
            {
                Assert.Equal(offset, plan.TaskStart[first]);
                Assert.Equal(offset + m, plan.TaskStart[end]);
            }
            double limit = Math.Max(MsmBucketTasks.MinTaskPoints, Math.Ceiling(Math.Sqrt(m)));
            for (uint t = first; t < end; t++)
            {
                uint len = plan.TaskStart[t + 1] - plan.TaskStart[t];
                Assert.InRange(len, 1u, (uint)limit);
            }
            offset += m;
        }
        Assert.Equal(offset, plan.TaskStart[plan.TaskCount]);
    }

    [Fact]
    public void TaskCountsAtTheCutPoints()
    {
        Assert.Equal(0u, MsmBucketTasks.TasksFor(0));
        Assert.Equal(1u, MsmBucketTasks.TasksFor(1));
        Assert.Equal(1u, MsmBucketTasks.TasksFor(32));
        Assert.Equal(2u, MsmBucketTasks.TasksFor(33));
        Assert.Equal(32u, MsmBucketTasks.TasksFor(1024));        // 1024 = 32 * 32
        Assert.Equal(1024u, MsmBucketTasks.TasksFor(1u << 20));   // sqrt(2^20) = 1024 points per task
    }
}
