using System.Runtime.ExceptionServices;

namespace Proving.Core.Groth16;

/// <summary>
/// Runs a short list of independent heavy steps (a proof's NTTs and MSMs) at the same time on a few threads: the calling
/// thread plus <c>workers − 1</c> dedicated threads (not thread-pool threads, so a service that proves from the pool
/// cannot starve it). Each worker takes the first step in list order that has not started and whose prerequisite (if
/// any) has finished, so earlier steps get priority: list the critical path first. The first exception is rethrown after
/// every started step has ended; steps not yet started are then skipped.
/// </summary>
internal static class StepScheduler
{
    /// <summary>One step: its body and the index of a step that must finish first (−1 for none; must be a lower index).</summary>
    public readonly record struct Step(Action Body, int After = -1);

    /// <summary>Runs <paramref name="steps"/> on <paramref name="workers"/> threads (at least 1; at most one per step).</summary>
    /// <exception cref="ArgumentException">A step depends on itself or a later step.</exception>
    public static void Run(IReadOnlyList<Step> steps, int workers)
    {
        for (int i = 0; i < steps.Count; i++)
            if (steps[i].After >= i) throw new ArgumentException($"step {i} depends on step {steps[i].After}, not an earlier one", nameof(steps));
        var gate = new object();
        var started = new bool[steps.Count];
        var done = new bool[steps.Count];
        ExceptionDispatchInfo? failure = null;

        void Work()
        {
            while (true)
            {
                int next = -1;
                lock (gate)
                {
                    while (true)
                    {
                        bool pending = false;
                        for (int i = 0; i < steps.Count && next < 0; i++)
                        {
                            if (started[i]) continue;
                            pending = true;
                            if (steps[i].After < 0 || done[steps[i].After]) next = i;
                        }
                        if (failure != null || !pending) return;
                        if (next >= 0) break;
                        Monitor.Wait(gate);
                    }
                    started[next] = true;
                }
                try
                {
                    steps[next].Body();
                }
                catch (Exception e)
                {
                    lock (gate) failure ??= ExceptionDispatchInfo.Capture(e);
                }
                lock (gate)
                {
                    done[next] = true;
                    Monitor.PulseAll(gate);
                }
            }
        }

        int count = Math.Clamp(workers, 1, Math.Max(1, steps.Count));
        var threads = new Thread[count - 1];
        for (int t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(Work) { IsBackground = true, Name = "Proving prover step" };
            threads[t].Start();
        }
        Work();
        foreach (var t in threads) t.Join();
        failure?.Throw();
    }
}
