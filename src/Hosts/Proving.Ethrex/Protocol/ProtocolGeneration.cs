namespace Proving.Ethrex.Protocol;

/// <summary>
/// The protocol generations this host speaks (spec §2). Each one fixes the variant and field names; the
/// transport (one JSON document per connection, half-close) is the same for all of them.
/// </summary>
internal enum ProtocolGeneration
{
    /// <summary>ethereum_rust Prover Server/Client (2024): <c>Request</c>, <c>Response</c>, <c>Submit</c>, <c>SubmitAck</c>.</summary>
    G0,

    /// <summary>ethrex v9-era (Feb 2026): <c>BatchRequest</c>, <c>BatchResponse</c>, <c>ProofSubmit{batch_number,batch_proof}</c>.</summary>
    G7,

    /// <summary>ethrex after PR #6361 (Mar 2026): <c>InputRequest</c>, <c>InputResponse</c>, <c>ProofSubmit{id,proof}</c>.</summary>
    G8,
}

/// <summary>The variant and field names of one <see cref="ProtocolGeneration"/>.</summary>
internal sealed record ProtocolNames(
    string Request,
    string Response,
    string Submit,
    string Ack,
    string Number,
    string Proof)
{
    public static ProtocolNames For(ProtocolGeneration generation) => generation switch
    {
        ProtocolGeneration.G0 => G0,
        ProtocolGeneration.G7 => G7,
        ProtocolGeneration.G8 => G8,
        _ => throw new ArgumentOutOfRangeException(nameof(generation)),
    };

    private static readonly ProtocolNames G0 = new("Request", "Response", "Submit", "SubmitAck", "block_number", "receipt");
    private static readonly ProtocolNames G7 = new("BatchRequest", "BatchResponse", "ProofSubmit", "ProofSubmitACK", "batch_number", "batch_proof");
    private static readonly ProtocolNames G8 = new("InputRequest", "InputResponse", "ProofSubmit", "ProofSubmitACK", "id", "proof");
}

internal static class ProtocolGenerations
{
    /// <summary>Parses <c>g0</c>, <c>g7</c> or <c>g8</c> (any case); throws <see cref="ArgumentException"/> otherwise.</summary>
    public static ProtocolGeneration Parse(string text) => text.Trim().ToUpperInvariant() switch
    {
        "G0" => ProtocolGeneration.G0,
        "G7" => ProtocolGeneration.G7,
        "G8" => ProtocolGeneration.G8,
        _ => throw new ArgumentException($"unknown protocol generation '{text}' (expected g0, g7 or g8)"),
    };
}
