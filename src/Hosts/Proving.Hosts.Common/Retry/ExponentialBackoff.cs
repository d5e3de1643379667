namespace Proving.Hosts.Common.Retry;

/// <summary>
/// Capped exponential back-off with jitter: attempt <c>n</c> (1-based) waits
/// <c>min(Max, Initial · Factor^(n-1))</c>, scaled by a random factor in <c>[1 - Jitter, 1 + Jitter]</c> and
/// clamped to <c>[0, Max]</c>. Jitter spreads the retries of many clients that failed at the same moment.
/// </summary>
public sealed class ExponentialBackoff
{
    private readonly Random _random;

    /// <summary>Creates a policy; throws <see cref="ArgumentOutOfRangeException"/> for a non-positive initial delay,
    /// a maximum below the initial delay, a factor below 1 or a jitter outside [0, 1].</summary>
    /// <param name="initial">Delay before the first retry.</param>
    /// <param name="max">Largest delay ever returned.</param>
    /// <param name="factor">Growth per attempt (2 doubles the delay).</param>
    /// <param name="jitter">Relative spread of each delay, 0 for none.</param>
    /// <param name="random">Source of jitter; a shared one when null.</param>
    public ExponentialBackoff(TimeSpan initial, TimeSpan max, double factor = 2.0, double jitter = 0.2, Random? random = null)
    {
        if (initial <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(initial), "must be positive");
        if (max < initial) throw new ArgumentOutOfRangeException(nameof(max), "must be at least the initial delay");
        if (!(factor >= 1.0) || double.IsInfinity(factor)) throw new ArgumentOutOfRangeException(nameof(factor), "must be a finite number ≥ 1");
        if (!(jitter >= 0.0 && jitter <= 1.0)) throw new ArgumentOutOfRangeException(nameof(jitter), "must be in [0, 1]");
        Initial = initial;
        Max = max;
        Factor = factor;
        Jitter = jitter;
        _random = random ?? Random.Shared;
    }

    /// <summary>Delay before the first retry.</summary>
    public TimeSpan Initial { get; }

    /// <summary>Largest delay.</summary>
    public TimeSpan Max { get; }

    /// <summary>Growth per attempt.</summary>
    public double Factor { get; }

    /// <summary>Relative spread of each delay.</summary>
    public double Jitter { get; }

    /// <summary>The delay before retry number <paramref name="attempt"/> (1 for the first retry; values below 1 count as 1).</summary>
    public TimeSpan Delay(int attempt)
    {
        var n = Math.Max(1, attempt);
        // A huge attempt number makes Pow infinite, which the cap absorbs.
        var baseMs = Math.Min(Max.TotalMilliseconds, Initial.TotalMilliseconds * Math.Pow(Factor, n - 1));
        var spread = Jitter == 0 ? 1.0 : 1.0 + Jitter * (2.0 * _random.NextDouble() - 1.0);
        return TimeSpan.FromMilliseconds(Math.Clamp(baseMs * spread, 0, Max.TotalMilliseconds));
    }
}
