using System.Collections.Concurrent;
using Proving.Core.Groth16;

namespace Proving.Core.Tests.Groth16;

/// <summary><see cref="StepScheduler"/>: every step runs once, prerequisites first, in list order on one worker, and the
/// first failure is rethrown with the steps not yet started skipped.</summary>
public class StepSchedulerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(6)]
    public void Every_step_runs_once_after_its_prerequisite(int workers)
    {
        for (int round = 0; round < 50; round++)
        {
            var log = new ConcurrentQueue<int>();
            var rng = new Random(round);
            var steps = Enumerable.Range(0, 8).Select(i => new StepScheduler.Step(() =>
            {
                Thread.SpinWait(rng.Next(0, 2000));
                log.Enqueue(i);
            }, i > 0 && i % 3 == 0 ? i - 2 : -1)).ToArray();
            StepScheduler.Run(steps, workers);
            var order = log.ToList();
            Assert.Equal(Enumerable.Range(0, 8), order.Order());
            for (int i = 3; i < 8; i += 3) Assert.True(order.IndexOf(i) > order.IndexOf(i - 2), $"step {i} ran before step {i - 2}");
        }
    }

    [Fact]
    public void One_worker_runs_the_steps_in_list_order()
    {
        var log = new List<int>();
        StepScheduler.Run(Enumerable.Range(0, 6).Select(i => new StepScheduler.Step(() => log.Add(i), i == 1 ? 0 : -1)).ToArray(), 1);
        Assert.Equal([0, 1, 2, 3, 4, 5], log);
    }

    [Fact]
    public void A_failure_is_rethrown_and_steps_not_started_are_skipped()
    {
        int ran = 0;
        var steps = new StepScheduler.Step[]
        {
            new(() => throw new InvalidOperationException("boom")),
            new(() => Interlocked.Increment(ref ran), 0),
            new(() => Interlocked.Increment(ref ran)),
        };
        var e = Assert.Throws<InvalidOperationException>(() => StepScheduler.Run(steps, 1));
        Assert.Equal("boom", e.Message);
        Assert.Equal(0, ran);
        Assert.Throws<InvalidOperationException>(() => StepScheduler.Run(steps, 3));
    }

    [Fact]
    public void A_step_may_only_wait_for_an_earlier_one() =>
        Assert.Throws<ArgumentException>(() => StepScheduler.Run([new(() => { }, 0)], 1));
}
