using System.Diagnostics;

namespace Proving.Core.Groth16;

/// <summary>One measured prover step.</summary>
/// <param name="Step">The step's name (the same as in its <see cref="ProverProgress"/> reports).</param>
/// <param name="Time">Its wall-clock duration.</param>
/// <param name="Concurrent">True for a step that ran at the same time as others (the NTTs and MSMs on a backend with
/// <see cref="Compute.IComputeBackend.SupportsConcurrentCalls"/>); the wall clock of the whole overlapped group is then
/// a separate, non-concurrent entry, and <see cref="ProverTimings.Total"/> counts only that.</param>
public readonly record struct ProverStep(string Step, TimeSpan Time, bool Concurrent = false);

/// <summary>Wall-clock time of each prover step (for <c>--verbose</c> output and profiling). Thread-safe.</summary>
public sealed class ProverTimings
{
    private readonly List<ProverStep> _steps = [];

    /// <summary>The steps measured so far, in the order they were recorded (concurrent steps in the prover's fixed
    /// order, after their group's wall-clock entry).</summary>
    public IReadOnlyList<ProverStep> Steps
    {
        get
        {
            lock (_steps) return [.. _steps];
        }
    }

    /// <summary>The sum of the non-concurrent steps: the wall-clock time of everything measured.</summary>
    public TimeSpan Total => Steps.Where(s => !s.Concurrent).Aggregate(TimeSpan.Zero, (t, s) => t + s.Time);

    /// <summary>Records a step.</summary>
    public void Add(string step, TimeSpan time, bool concurrent = false)
    {
        lock (_steps) _steps.Add(new ProverStep(step, time, concurrent));
    }

    /// <summary>Runs <paramref name="body"/> and records its time under <paramref name="step"/>.</summary>
    public T Measure<T>(string step, Func<T> body)
    {
        var sw = Stopwatch.StartNew();
        var result = body();
        Add(step, sw.Elapsed);
        return result;
    }

    /// <summary>Runs <paramref name="body"/> and records its time under <paramref name="step"/>.</summary>
    public void Measure(string step, Action body) => Measure(step, () => { body(); return 0; });
}
