using System.Text.Json;

namespace Proving.Ethrex.Protocol;

/// <summary>
/// ethrex's <c>BatchProof</c> (G4–G8), externally tagged (spec §3.1):
/// <c>{"ProofCalldata":{"prover_type":"SP1","calldata":[…]}}</c> or
/// <c>{"ProofBytes":{"prover_type":"SP1","proof":[…],"public_values":[…]}}</c>.
/// </summary>
internal abstract record BatchProof(ProverType ProverType)
{
    /// <summary>The payload ethrex's exec backend submits: <c>ProofCalldata{Exec, [Bytes([])]}</c> (spec §6).</summary>
    public static BatchProof ExecPayload { get; } = new ProofCalldata(ProverType.Exec, [new CalldataValue.Bytes([])]);

    public abstract void Write(Utf8JsonWriter w);

    public byte[] ToJson()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, Json.WriterOptions))
            Write(w);
        return buffer.WrittenSpan.ToArray();
    }

    public static BatchProof Read(JsonElement e, string field)
    {
        var (variant, body) = Json.ReadTagged(e, field);
        switch (variant)
        {
            case "ProofCalldata":
                return new ProofCalldata(
                    Json.ReadProverType(Json.Required(body, "prover_type"), "prover_type"),
                    CalldataValue.ReadList(Json.Required(body, "calldata"), "calldata"));
            case "ProofBytes":
                return new ProofBytes(
                    Json.ReadProverType(Json.Required(body, "prover_type"), "prover_type"),
                    Json.ReadBytes(Json.Required(body, "proof"), "proof"),
                    Json.ReadBytes(Json.Required(body, "public_values"), "public_values"));
            default:
                throw new MalformedMessageException($"'{field}': unknown proof variant '{variant}' (expected ProofCalldata or ProofBytes)");
        }
    }

    public static BatchProof Parse(ReadOnlyMemory<byte> utf8, string what)
    {
        using var doc = Json.Parse(utf8, what);
        return Read(doc.RootElement, what);
    }
}

internal sealed record ProofCalldata(ProverType ProverType, IReadOnlyList<CalldataValue> Calldata) : BatchProof(ProverType)
{
    public override void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteStartObject("ProofCalldata");
        w.WriteString("prover_type", ProverTypes.Name(ProverType));
        CalldataValue.WriteList(w, "calldata", Calldata);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}

internal sealed record ProofBytes(ProverType ProverType, byte[] Proof, byte[] PublicValues) : BatchProof(ProverType)
{
    public override void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteStartObject("ProofBytes");
        w.WriteString("prover_type", ProverTypes.Name(ProverType));
        w.WritePropertyName("proof");
        Json.WriteBytes(w, Proof);
        w.WritePropertyName("public_values");
        Json.WriteBytes(w, PublicValues);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
