using System.Diagnostics;

namespace Proving.Core.Groth16;

/// <summary>Wall-clock time of each prover step, in the order they ran (for <c>--verbose</c> output and profiling).</summary>
public sealed class ProverTimings
{
    private readonly List<(string Step, TimeSpan Time)> _steps = [];

    /// <summary>The steps measured so far: name and duration.</summary>
    public IReadOnlyList<(string Step, TimeSpan Time)> Steps => _steps;

    /// <summary>The sum of all steps.</summary>
    public TimeSpan Total => _steps.Aggregate(TimeSpan.Zero, (t, s) => t + s.Time);

    /// <summary>Records a step.</summary>
    public void Add(string step, TimeSpan time) => _steps.Add((step, time));

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
