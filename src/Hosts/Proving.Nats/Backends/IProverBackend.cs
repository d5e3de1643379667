namespace Proving.Nats.Backends;

/// <summary>
/// Turns one input message payload into one output document (JSON). The dispatcher enforces the timeout by
/// cancelling <c>ct</c>; an implementation must stop its work promptly when it fires.
/// </summary>
public interface IProverBackend
{
    /// <summary>Short name for log lines.</summary>
    string Name { get; }

    /// <summary>Proves <paramref name="input"/> (the message payload, verbatim) and returns the output bytes.</summary>
    /// <exception cref="ProverFailedException">The prover failed (bad exit code, missing or oversized output, bad input).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> fired (timeout or shutdown).</exception>
    Task<byte[]> ProveAsync(byte[] input, CancellationToken ct);
}

/// <summary>A prover backend failed on one input.</summary>
public sealed class ProverFailedException(string message, Exception? inner = null) : Exception(message, inner);
