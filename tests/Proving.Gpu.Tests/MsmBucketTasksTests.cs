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

/// <summary>The device's task plan and prefix sums (GpuMsm.PlanTasks, scan.h) against the host reference.</summary>
[Collection(GpuTargets.Collection)]
public sealed class MsmDeviceTaskPlanTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(GpuTargets.Runtimes), MemberType = typeof(GpuTargets))]
    public void DevicePlanEqualsTheHostPlan(string runtime)
    {
        var ctx = GpuTargets.Open(runtime, output);
        if (ctx == null) return;
        var msm = new GpuMsm(ctx);
        var module = ctx.Module("msm_g1.c");
        var rng = new Random(5);
        // block boundaries of the scan (1024 elements per group of 256, or fewer), and two and three levels of block sums
        foreach (int buckets in new[] { 1, 2, 1023, 1024, 1025, 4096 + 7, 300_000, 1_100_000 })
        {
            var sizes = new uint[buckets + 1];
            for (int b = 0; b < buckets; b++)
                sizes[b] = rng.Next(5) switch { 0 => 0u, 1 => 1u, 2 => (uint)rng.Next(2, 40), 3 => (uint)rng.Next(40, 5000), _ => (uint)rng.Next(0, 20) };
            if (buckets > 10) { sizes[3] = 1_000_003; sizes[7] = 33; sizes[8] = 32; }
            using var counts = ctx.Upload<uint>(sizes);
            using var plan = msm.PlanTasks(module, counts, buckets);

            var hostOffsets = (uint[])sizes[..buckets].Clone();
            var expected = MsmBucketTasks.Plan(hostOffsets);
            Assert.Equal(expected.Pairs, plan.Pairs);
            Assert.Equal(expected.TaskCount, plan.TaskCount);
            Assert.Equal([.. hostOffsets, (uint)expected.Pairs], Download(ctx, plan.Offsets, buckets + 1));
            Assert.Equal(expected.BucketTasks, Download(ctx, plan.BucketTasks, buckets + 1));
            Assert.Equal(expected.TaskStart, Download(ctx, plan.TaskStart, plan.TaskCount + 1));
        }
    }

    private static uint[] Download(GpuContext ctx, GpuBuffer buffer, int count)
    {
        var a = new uint[count];
        ctx.Download<uint>(buffer, a);
        return a;
    }
}
