namespace Proving.Ethrex.Protocol;

/// <summary>
/// A proof as it travels in a submit: its compact JSON (a <see cref="BatchProof"/> in G7/G8, the opaque
/// <c>receipt</c> value in G0) and the prover type it names (null in G0, whose receipt names none).
/// </summary>
internal sealed record ProofPayload(ProverType? ProverType, byte[] Json)
{
    public static ProofPayload From(BatchProof proof) => new(proof.ProverType, proof.ToJson());
}

/// <summary>A message from a prover to a coordinator, independent of the generation's names.</summary>
internal abstract record ProverRequest;

/// <summary>
/// Asks for work: G0 <c>"Request"</c> (both fields null), G7 <c>BatchRequest</c>, G8 <c>InputRequest</c>
/// <c>{commit_hash, prover_type}</c>.
/// </summary>
internal sealed record InputRequest(string? CommitHash, ProverType? ProverType) : ProverRequest;

/// <summary>Submits a proof: G0 <c>Submit{block_number,receipt}</c>, G7 <c>ProofSubmit{batch_number,batch_proof}</c>, G8 <c>ProofSubmit{id,proof}</c>.</summary>
internal sealed record ProofSubmit(ulong BatchNumber, ProofPayload Proof) : ProverRequest;

/// <summary>G7/G8 <c>ProverSetup{prover_type, payload}</c> (TDX key registration).</summary>
internal sealed record ProverSetup(ProverType ProverType, byte[] Payload) : ProverRequest;

/// <summary>A message from a coordinator to a prover, independent of the generation's names.</summary>
internal abstract record CoordinatorResponse;

/// <summary>
/// Work or its absence: G0 <c>Response{block_number,input}</c>, G7 <c>BatchResponse{batch_number,input,format}</c>,
/// G8 <c>InputResponse{id,input,format}</c>. All fields null means "no work now". <see cref="Input"/> is the
/// input's compact JSON, passed through unchanged.
/// </summary>
internal sealed record InputResponse(ulong? BatchNumber, byte[]? Input, ProofFormat? Format) : CoordinatorResponse
{
    public static InputResponse Empty { get; } = new(null, null, null);

    /// <summary>True when the response carries work (ethrex requires every field to be present; G0 has no format).</summary>
    public bool HasWork(ProtocolGeneration generation) =>
        BatchNumber is not null && Input is not null && (generation == ProtocolGeneration.G0 || Format is not null);
}

/// <summary><c>"VersionMismatch"</c>: no input for the prover's commit hash (G7/G8).</summary>
internal sealed record VersionMismatch : CoordinatorResponse
{
    public static VersionMismatch Instance { get; } = new();
}

/// <summary><c>{"ProverTypeNotNeeded":{"prover_type":…}}</c>: a permanent rejection of this prover type (G7/G8).</summary>
internal sealed record ProverTypeNotNeeded(ProverType ProverType) : CoordinatorResponse;

/// <summary>Acknowledges a submit: G0 <c>SubmitAck{block_number}</c>, G7 <c>ProofSubmitACK{batch_number}</c>, G8 <c>ProofSubmitACK{id}</c>.</summary>
internal sealed record ProofSubmitAck(ulong BatchNumber) : CoordinatorResponse;

/// <summary><c>"ProverSetupACK"</c> (G7/G8).</summary>
internal sealed record ProverSetupAck : CoordinatorResponse
{
    public static ProverSetupAck Instance { get; } = new();
}
