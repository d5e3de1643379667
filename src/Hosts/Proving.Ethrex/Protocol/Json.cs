using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace Proving.Ethrex.Protocol;

/// <summary>
/// Reading and writing the serde_json leaf shapes of the protocol (spec §0, §3.1): byte vectors as arrays of
/// integers 0..255, <c>u64</c> as numbers, H256/Address/U256 as <c>"0x…"</c> strings. Every reader throws
/// <see cref="MalformedMessageException"/> naming the offending field.
/// </summary>
internal static class Json
{
    /// <summary>Parsing options for protocol documents: strict JSON, nesting up to 256 levels (trie nodes nest).</summary>
    public static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8, string what)
    {
        // serde_json rejects invalid UTF-8 anywhere; JsonDocument checks string contents only when they are read.
        if (!System.Text.Unicode.Utf8.IsValid(utf8.Span))
            throw new MalformedMessageException($"{what} is not valid UTF-8");
        try
        {
            return JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new MalformedMessageException($"{what} is not valid JSON: {e.Message}", e);
        }
    }

    public static void WriteBytes(Utf8JsonWriter w, ReadOnlySpan<byte> bytes)
    {
        w.WriteStartArray();
        foreach (var b in bytes)
            w.WriteNumberValue(b);
        w.WriteEndArray();
    }

    public static byte[] ReadBytes(JsonElement e, string field)
    {
        if (e.ValueKind != JsonValueKind.Array)
            throw new MalformedMessageException($"'{field}' must be an array of bytes, got {e.ValueKind}");
        var result = new byte[e.GetArrayLength()];
        var i = 0;
        foreach (var item in e.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetByte(out result[i]))
                throw new MalformedMessageException($"'{field}'[{i}] is not an integer in 0..255");
            i++;
        }
        return result;
    }

    public static ulong ReadU64(JsonElement e, string field)
    {
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetUInt64(out var v))
            throw new MalformedMessageException($"'{field}' must be an unsigned 64-bit integer");
        return v;
    }

    public static ulong? ReadOptionalU64(JsonElement obj, string field) =>
        TryGetOptional(obj, field, out var e) ? ReadU64(e, field) : null;

    public static string ReadString(JsonElement e, string field)
    {
        if (e.ValueKind != JsonValueKind.String)
            throw new MalformedMessageException($"'{field}' must be a string");
        return e.GetString()!;
    }

    public static bool ReadBool(JsonElement e, string field) => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new MalformedMessageException($"'{field}' must be a boolean"),
    };

    public static ProverType ReadProverType(JsonElement e, string field)
    {
        if (e.ValueKind != JsonValueKind.String || !ProverTypes.TryParse(e.GetString(), out var type))
            throw new MalformedMessageException($"'{field}' is not a prover type (Exec, RISC0, SP1 or TDX)");
        return type;
    }

    /// <summary>A field of a struct variant that serde requires (missing or null is an error).</summary>
    public static JsonElement Required(JsonElement obj, string field)
    {
        if (obj.ValueKind != JsonValueKind.Object)
            throw new MalformedMessageException($"expected an object holding '{field}'");
        if (!obj.TryGetProperty(field, out var e))
            throw new MalformedMessageException($"missing field '{field}'");
        return e;
    }

    /// <summary>An <c>Option</c> field: absent and <c>null</c> both read as None.</summary>
    public static bool TryGetOptional(JsonElement obj, string field, out JsonElement value)
    {
        if (obj.ValueKind != JsonValueKind.Object)
            throw new MalformedMessageException($"expected an object holding '{field}'");
        if (obj.TryGetProperty(field, out value) && value.ValueKind != JsonValueKind.Null)
            return true;
        value = default;
        return false;
    }

    /// <summary>
    /// Splits an externally tagged enum value: a bare string is a unit variant (body = default), an object with
    /// exactly one property is a variant with that name and body.
    /// </summary>
    public static (string Variant, JsonElement Body) ReadTagged(JsonElement e, string what)
    {
        if (e.ValueKind == JsonValueKind.String)
            return (e.GetString()!, default);
        if (e.ValueKind == JsonValueKind.Object)
        {
            using var it = e.EnumerateObject();
            if (it.MoveNext())
            {
                var first = it.Current;
                if (!it.MoveNext())
                    return (first.Name, first.Value);
            }
        }
        throw new MalformedMessageException($"{what} must be a variant name or an object with exactly one variant");
    }

    /// <summary>A U256 written as <c>"0x…"</c> with 1 to 64 hex digits (either case); larger values are an error.</summary>
    public static BigInteger ReadU256(JsonElement e, string field)
    {
        var s = ReadString(e, field);
        if (!s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || s.Length < 3 || s.Length > 66)
            throw new MalformedMessageException($"'{field}' must be a 0x-prefixed hex number of at most 256 bits");
        if (!BigInteger.TryParse("0" + s[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v))
            throw new MalformedMessageException($"'{field}' is not valid hex");
        return v;
    }

    /// <summary>U256 the way ethereum-types serializes it: minimal lower-case hex, <c>"0x0"</c> for zero.</summary>
    public static string FormatU256(BigInteger v)
    {
        if (v.Sign < 0 || v.GetBitLength() > 256)
            throw new ArgumentOutOfRangeException(nameof(v), "a U256 is in 0 .. 2^256-1");
        if (v.IsZero) return "0x0";
        var hex = v.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');
        return "0x" + hex;
    }

    /// <summary>A fixed-length hash or address as <c>"0x"</c> + 2·<paramref name="length"/> hex digits.</summary>
    public static byte[] ReadFixedHex(JsonElement e, string field, int length)
    {
        var s = ReadString(e, field);
        if (!s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || s.Length != 2 + 2 * length)
            throw new MalformedMessageException($"'{field}' must be 0x followed by {2 * length} hex digits");
        try
        {
            return Convert.FromHexString(s.AsSpan(2));
        }
        catch (FormatException ex)
        {
            throw new MalformedMessageException($"'{field}' is not valid hex", ex);
        }
    }

    public static string FormatHex(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    /// <summary>Re-encodes any JSON value compactly (no whitespace), as serde_json writes it.</summary>
    public static byte[] Compact(JsonElement e)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
            e.WriteTo(w);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Compact output; unescaped non-ASCII as serde_json writes it; no validation of raw values we already parsed.</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
        MaxDepth = 256,
    };
}
