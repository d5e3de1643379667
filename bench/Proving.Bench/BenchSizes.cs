namespace Proving.Bench;

/// <summary>
/// Size lists for [ParamsSource]: the default list, or the comma-separated log2 sizes in the environment variable
/// PROVING_BENCH_LOGN (e.g. PROVING_BENCH_LOGN=16,18) to measure a few key sizes quickly.
/// </summary>
public static class BenchSizes
{
    /// <summary>The override from PROVING_BENCH_LOGN, or <paramref name="defaults"/>.</summary>
    public static IEnumerable<int> LogN(params int[] defaults)
    {
        var env = Environment.GetEnvironmentVariable("PROVING_BENCH_LOGN");
        return string.IsNullOrWhiteSpace(env) ? defaults : env.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse);
    }

    /// <summary>The comma-separated integers in the environment variable <paramref name="variable"/>, or
    /// <paramref name="defaults"/>.</summary>
    public static IEnumerable<int> Ints(string variable, int[] defaults)
    {
        var env = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(env) ? defaults : env.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse);
    }

    /// <summary>The prover's overlapped-steps settings to measure: true (the default) or, with PROVING_BENCH_OVERLAP=both,
    /// true and false (before/after comparisons of <c>ProverOptions.ConcurrentSteps</c>).</summary>
    public static IEnumerable<bool> Overlap() =>
        Environment.GetEnvironmentVariable("PROVING_BENCH_OVERLAP") == "both" ? [true, false] : [true];
}
