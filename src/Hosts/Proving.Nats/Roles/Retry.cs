using Microsoft.Extensions.Logging;
using Proving.Hosts.Common.Nats;

namespace Proving.Nats.Roles;

/// <summary>Retries a NATS operation with exponential backoff (200 ms doubling to 5 s).</summary>
internal static class Retry
{
    /// <summary>Runs <paramref name="action"/> until it succeeds, <paramref name="ct"/> fires, or <paramref name="attempts"/> are used (0 = unbounded).</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> action, string what, ILogger logger, CancellationToken ct, int attempts = 0)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        for (int i = 1; ; i++)
        {
            try { return await action().ConfigureAwait(false); }
            catch (NatsException e) when (!ct.IsCancellationRequested && (attempts == 0 || i < attempts))
            {
                logger.LogWarning("{What} failed (attempt {Attempt}): {Error}", what, i, e.Message);
            }
            await Task.Delay(delay, ct).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
        }
    }
}
