using System.Buffers;
using System.Text.Json;

namespace Proving.Ethrex.Protocol;

/// <summary>
/// Encodes and decodes the messages of one <see cref="ProtocolGeneration"/> as compact serde_json, externally
/// tagged (spec §3). Decoding ignores unknown fields, reads missing <c>Option</c> fields as None, accepts a unit
/// variant as a bare string (or <c>{"Name":null}</c>), and throws <see cref="MalformedMessageException"/> for bad
/// JSON or shapes and <see cref="UnexpectedMessageException"/> for a variant this side never receives.
/// </summary>
internal sealed class MessageCodec
{
    private readonly ProtocolNames _n;

    public MessageCodec(ProtocolGeneration generation)
    {
        Generation = generation;
        _n = ProtocolNames.For(generation);
    }

    public ProtocolGeneration Generation { get; }

    private bool HasTypes => Generation != ProtocolGeneration.G0;

    public byte[] Encode(ProverRequest request) => Write(w =>
    {
        switch (request)
        {
            case InputRequest when !HasTypes:
                w.WriteStringValue(_n.Request);
                break;
            case InputRequest r:
                w.WriteStartObject();
                w.WriteStartObject(_n.Request);
                w.WriteString("commit_hash", r.CommitHash ?? throw new ArgumentException("G7/G8 requests need a commit hash"));
                w.WriteString("prover_type", ProverTypes.Name(r.ProverType ?? throw new ArgumentException("G7/G8 requests need a prover type")));
                w.WriteEndObject();
                w.WriteEndObject();
                break;
            case ProofSubmit s:
                w.WriteStartObject();
                w.WriteStartObject(_n.Submit);
                w.WriteNumber(_n.Number, s.BatchNumber);
                w.WritePropertyName(_n.Proof);
                w.WriteRawValue(s.Proof.Json, skipInputValidation: false);
                w.WriteEndObject();
                w.WriteEndObject();
                break;
            case ProverSetup s when HasTypes:
                w.WriteStartObject();
                w.WriteStartObject("ProverSetup");
                w.WriteString("prover_type", ProverTypes.Name(s.ProverType));
                w.WritePropertyName("payload");
                Json.WriteBytes(w, s.Payload);
                w.WriteEndObject();
                w.WriteEndObject();
                break;
            default:
                throw new ArgumentException($"{request.GetType().Name} does not exist in protocol {Generation}");
        }
    });

    public byte[] Encode(CoordinatorResponse response) => Write(w =>
    {
        switch (response)
        {
            case InputResponse r:
                w.WriteStartObject();
                w.WriteStartObject(_n.Response);
                if (r.BatchNumber is { } b) w.WriteNumber(_n.Number, b); else w.WriteNull(_n.Number);
                w.WritePropertyName("input");
                if (r.Input is { } input) w.WriteRawValue(input, skipInputValidation: true); else w.WriteNullValue();
                if (HasTypes)
                {
                    if (r.Format is { } f) w.WriteString("format", ProofFormats.Name(f)); else w.WriteNull("format");
                }
                w.WriteEndObject();
                w.WriteEndObject();
                break;
            case ProofSubmitAck a:
                w.WriteStartObject();
                w.WriteStartObject(_n.Ack);
                w.WriteNumber(_n.Number, a.BatchNumber);
                w.WriteEndObject();
                w.WriteEndObject();
                break;
            case VersionMismatch when HasTypes:
                w.WriteStringValue("VersionMismatch");
                break;
            case ProverTypeNotNeeded t when HasTypes:
                w.WriteStartObject();
                w.WriteStartObject("ProverTypeNotNeeded");
                w.WriteString("prover_type", ProverTypes.Name(t.ProverType));
                w.WriteEndObject();
                w.WriteEndObject();
                break;
            case ProverSetupAck when HasTypes:
                w.WriteStringValue("ProverSetupACK");
                break;
            default:
                throw new ArgumentException($"{response.GetType().Name} does not exist in protocol {Generation}");
        }
    });

    /// <summary>Decodes what a coordinator receives.</summary>
    public ProverRequest DecodeRequest(ReadOnlyMemory<byte> utf8)
    {
        using var doc = Json.Parse(utf8, "request");
        var (variant, body) = Json.ReadTagged(doc.RootElement, "request");
        if (variant == _n.Request)
        {
            if (!HasTypes)
            {
                RequireUnit(body, variant);
                return new InputRequest(null, null);
            }
            return new InputRequest(
                Json.ReadString(Json.Required(body, "commit_hash"), "commit_hash"),
                Json.ReadProverType(Json.Required(body, "prover_type"), "prover_type"));
        }
        if (variant == _n.Submit)
        {
            var number = Json.ReadU64(Json.Required(body, _n.Number), _n.Number);
            var proofElement = Json.Required(body, _n.Proof);
            if (!HasTypes)
                return new ProofSubmit(number, new ProofPayload(null, Json.Compact(proofElement)));
            var proof = BatchProof.Read(proofElement, _n.Proof);
            return new ProofSubmit(number, ProofPayload.From(proof));
        }
        if (variant == "ProverSetup" && HasTypes)
        {
            return new ProverSetup(
                Json.ReadProverType(Json.Required(body, "prover_type"), "prover_type"),
                Json.ReadBytes(Json.Required(body, "payload"), "payload"));
        }
        throw new UnexpectedMessageException(variant, $"a {Generation} request ({_n.Request}, {_n.Submit}{(HasTypes ? ", ProverSetup" : "")})");
    }

    /// <summary>Decodes what a prover receives.</summary>
    public CoordinatorResponse DecodeResponse(ReadOnlyMemory<byte> utf8)
    {
        using var doc = Json.Parse(utf8, "response");
        var (variant, body) = Json.ReadTagged(doc.RootElement, "response");
        if (variant == _n.Response)
        {
            var number = Json.ReadOptionalU64(body, _n.Number);
            var input = Json.TryGetOptional(body, "input", out var e) ? Json.Compact(e) : null;
            ProofFormat? format = null;
            if (HasTypes && Json.TryGetOptional(body, "format", out var f))
            {
                if (f.ValueKind != JsonValueKind.String || !ProofFormats.TryParse(f.GetString(), out var pf))
                    throw new MalformedMessageException("'format' must be \"Groth16\" or \"Compressed\"");
                format = pf;
            }
            return new InputResponse(number, input, format);
        }
        if (variant == _n.Ack)
            return new ProofSubmitAck(Json.ReadU64(Json.Required(body, _n.Number), _n.Number));
        if (HasTypes)
        {
            switch (variant)
            {
                case "VersionMismatch":
                    RequireUnit(body, variant);
                    return VersionMismatch.Instance;
                case "ProverTypeNotNeeded":
                    return new ProverTypeNotNeeded(Json.ReadProverType(Json.Required(body, "prover_type"), "prover_type"));
                case "ProverSetupACK":
                    RequireUnit(body, variant);
                    return ProverSetupAck.Instance;
            }
        }
        throw new UnexpectedMessageException(variant, $"a {Generation} response");
    }

    private static void RequireUnit(JsonElement body, string variant)
    {
        if (body.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
            throw new MalformedMessageException($"'{variant}' is a unit variant and carries no fields");
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, Json.WriterOptions))
            write(w);
        return buffer.WrittenSpan.ToArray();
    }
}
