namespace Proving.Ethrex.Transport;

/// <summary>
/// The limits ethrex lacks (spec §1, §9 #6903): how long to wait for a connect and for a whole message, and the
/// largest message accepted. Reading stops at <see cref="MaxMessageBytes"/> + 1 bytes, so memory stays bounded.
/// </summary>
/// <param name="ConnectTimeout">Limit on a TCP connect (client side).</param>
/// <param name="ReadTimeout">Limit on receiving one whole message, from the first read to the peer's half-close.</param>
/// <param name="MaxMessageBytes">Largest message, in bytes, that is read; a larger one is a <see cref="Protocol.MessageTooLargeException"/>.</param>
internal sealed record TransportLimits(TimeSpan ConnectTimeout, TimeSpan ReadTimeout, long MaxMessageBytes)
{
    /// <summary>Coordinator defaults: requests are small (a proof at most), so 64 MiB and 120 s (the figure of ethrex PR #6903).</summary>
    public static TransportLimits CoordinatorDefault { get; } = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(120), 64L << 20);

    /// <summary>Prover defaults: a batch input can be tens of MB written as number arrays, so 1 GiB and 600 s.</summary>
    public static TransportLimits ProverDefault { get; } = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(600), 1L << 30);
}
