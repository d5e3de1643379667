using System.Numerics;
using System.Text.Json;

namespace Proving.Ethrex.Protocol;

/// <summary>
/// ethrex's <c>calldata::Value</c> (crates/l2/common/src/calldata.rs), externally tagged: <c>{"Bytes":[…]}</c>,
/// <c>{"FixedBytes":[…]}</c>, <c>{"Uint":"0x1"}</c>, <c>{"Int":"0x…"}</c>, <c>{"Address":"0x…"}</c>,
/// <c>{"Bool":true}</c>, <c>{"String":"…"}</c>, <c>{"Array":[…]}</c>, <c>{"Tuple":[…]}</c>, <c>{"FixedArray":[…]}</c>
/// (spec §3.1).
/// </summary>
internal abstract record CalldataValue
{
    public sealed record Bytes(byte[] Value) : CalldataValue;
    public sealed record FixedBytes(byte[] Value) : CalldataValue;
    public sealed record Uint(BigInteger Value) : CalldataValue;
    public sealed record Int(BigInteger Value) : CalldataValue;
    public sealed record Address(byte[] Value) : CalldataValue;
    public sealed record Bool(bool Value) : CalldataValue;
    public sealed record String(string Value) : CalldataValue;
    public sealed record Array(IReadOnlyList<CalldataValue> Items) : CalldataValue;
    public sealed record Tuple(IReadOnlyList<CalldataValue> Items) : CalldataValue;
    public sealed record FixedArray(IReadOnlyList<CalldataValue> Items) : CalldataValue;

    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        switch (this)
        {
            case Bytes b: w.WritePropertyName("Bytes"); Json.WriteBytes(w, b.Value); break;
            case FixedBytes b: w.WritePropertyName("FixedBytes"); Json.WriteBytes(w, b.Value); break;
            case Uint u: w.WriteString("Uint", Json.FormatU256(u.Value)); break;
            case Int i: w.WriteString("Int", Json.FormatU256(i.Value)); break;
            case Address a: w.WriteString("Address", Json.FormatHex(a.Value)); break;
            case Bool b: w.WriteBoolean("Bool", b.Value); break;
            case String s: w.WriteString("String", s.Value); break;
            case Array a: WriteList(w, "Array", a.Items); break;
            case Tuple t: WriteList(w, "Tuple", t.Items); break;
            case FixedArray f: WriteList(w, "FixedArray", f.Items); break;
            default: throw new InvalidOperationException("unknown calldata value");
        }
        w.WriteEndObject();
    }

    public static void WriteList(Utf8JsonWriter w, string name, IReadOnlyList<CalldataValue> items)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
            item.Write(w);
        w.WriteEndArray();
    }

    public static CalldataValue Read(JsonElement e, string field)
    {
        var (variant, body) = Json.ReadTagged(e, field);
        return variant switch
        {
            "Bytes" => new Bytes(Json.ReadBytes(body, field + ".Bytes")),
            "FixedBytes" => new FixedBytes(Json.ReadBytes(body, field + ".FixedBytes")),
            "Uint" => new Uint(Json.ReadU256(body, field + ".Uint")),
            "Int" => new Int(Json.ReadU256(body, field + ".Int")),
            "Address" => new Address(Json.ReadFixedHex(body, field + ".Address", 20)),
            "Bool" => new Bool(Json.ReadBool(body, field + ".Bool")),
            "String" => new String(Json.ReadString(body, field + ".String")),
            "Array" => new Array(ReadList(body, field + ".Array")),
            "Tuple" => new Tuple(ReadList(body, field + ".Tuple")),
            "FixedArray" => new FixedArray(ReadList(body, field + ".FixedArray")),
            _ => throw new MalformedMessageException($"'{field}': unknown calldata variant '{variant}'"),
        };
    }

    public static IReadOnlyList<CalldataValue> ReadList(JsonElement e, string field)
    {
        if (e.ValueKind != JsonValueKind.Array)
            throw new MalformedMessageException($"'{field}' must be an array of calldata values");
        var list = new List<CalldataValue>(e.GetArrayLength());
        foreach (var item in e.EnumerateArray())
            list.Add(Read(item, $"{field}[{list.Count}]"));
        return list;
    }
}
