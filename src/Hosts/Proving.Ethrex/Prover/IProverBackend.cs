using Proving.Ethrex.Protocol;

namespace Proving.Ethrex.Prover;

/// <summary>One batch to prove, as the coordinator sent it.</summary>
/// <param name="BatchNumber">The batch (G0: block) number.</param>
/// <param name="Input">The input's compact JSON (ethrex's <c>ProverInputData</c>, spec §6), exactly as received.</param>
/// <param name="Format">The proof format the coordinator asked for (null in G0).</param>
/// <param name="Generation">The protocol of the coordinator, which decides the proof's JSON shape.</param>
internal sealed record ProvingJob(ulong BatchNumber, byte[] Input, ProofFormat? Format, ProtocolGeneration Generation);

/// <summary>
/// A way to turn a batch input into a proof payload. Implementations: <see cref="CommandBackend"/> (an external
/// prover binary) and <see cref="ExecBackend"/> (a RISC-V guest on this library's executor). A proof system of this
/// library plugs in here by returning its own <see cref="BatchProof"/> (e.g. <c>ProofCalldata</c> with Groth16
/// calldata) under its prover type.
/// </summary>
internal interface IProverBackend
{
    /// <summary>The name used on the command line (<c>--backend</c>).</summary>
    string Name { get; }

    /// <summary>The prover type sent in requests; the proofs returned must name the same type (G7/G8).</summary>
    ProverType ProverType { get; }

    /// <summary>Proves one batch. Throws <see cref="ProvingFailedException"/> when no proof can be made.</summary>
    Task<ProofPayload> ProveAsync(ProvingJob job, CancellationToken ct);
}

/// <summary>The backend could not prove a batch; nothing is submitted and the lease runs out (as in ethrex).</summary>
internal sealed class ProvingFailedException : Exception
{
    public ProvingFailedException(string message, Exception? inner = null) : base(message, inner) { }
}
