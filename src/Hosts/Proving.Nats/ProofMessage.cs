using System.Text.Json;

namespace Proving.Nats;

/// <summary>
/// A proof message (spec A.3): a JSON object with <c>block</c> (unsigned 64-bit integer), <c>proof</c>
/// (a <c>0x</c>-prefixed hex string) and <c>prover</c> (a non-empty name, at most 128 characters). Other members are allowed.
/// </summary>
public sealed record ProofMessage(ulong Block, string Proof, string Prover)
{
    /// <summary>Largest proof message accepted, in bytes.</summary>
    public const int MaxBytes = 16 << 20;

    /// <summary>Parses and validates a proof message.</summary>
    /// <exception cref="MalformedProofException">Not JSON, not an object, a member missing or of the wrong type.</exception>
    public static ProofMessage Parse(ReadOnlySpan<byte> payload)
    {
        if (payload.Length > MaxBytes) throw new MalformedProofException($"{payload.Length} bytes, over the {MaxBytes}-byte limit");
        try
        {
            var reader = new Utf8JsonReader(payload, new JsonReaderOptions { MaxDepth = 16 });
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new MalformedProofException($"a JSON {root.ValueKind}, not an object");
            if (!root.TryGetProperty("block", out var b) || b.ValueKind != JsonValueKind.Number || !b.TryGetUInt64(out var block))
                throw new MalformedProofException("'block' missing or not an unsigned 64-bit integer");
            if (!root.TryGetProperty("proof", out var p) || p.ValueKind != JsonValueKind.String || !IsHex(p.GetString()!))
                throw new MalformedProofException("'proof' missing or not a 0x-prefixed hex string");
            if (!root.TryGetProperty("prover", out var n) || n.ValueKind != JsonValueKind.String
                || n.GetString()!.Length is 0 or > 128 || n.GetString()!.Any(char.IsControl))
                throw new MalformedProofException("'prover' missing, empty, too long or with control characters");
            return new ProofMessage(block, p.GetString()!, n.GetString()!);
        }
        catch (JsonException e) { throw new MalformedProofException("not JSON: " + e.Message); }
    }

    private static bool IsHex(string s) =>
        s.Length > 2 && s.StartsWith("0x", StringComparison.Ordinal) && s.Skip(2).All(char.IsAsciiHexDigit);
}

/// <summary>A proof message failed validation.</summary>
public sealed class MalformedProofException(string message) : Exception(message);
