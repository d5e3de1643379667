using System.Text.Json;
using Proving.Core.Algebra;
using Proving.Core.Curves.Bn254;
using Proving.Core.Groth16;
using PointJson = Proving.Core.Curves.Bn254.Encoding.SnarkjsJson;

namespace Proving.Core.Circom;

/// <summary>
/// snarkjs's Groth16 JSON files, in exactly the shapes and formatting its CLI writes (JSON with one-space
/// indentation, no trailing newline; numbers as decimal strings): proof.json {pi_a, pi_b, pi_c, protocol, curve},
/// public.json (array of strings), verification_key.json {protocol, curve, nPublic, vk_alpha_1, vk_beta_2,
/// vk_gamma_2, vk_delta_2, IC} (snarkjs also writes vk_alphabeta_12, which is read and ignored here). G1 points are [x, y, "1"], G2 points [[x.c0, x.c1], [y.c0, y.c1],
/// ["1", "0"]]; infinity is ["0", "1", "0"] / [["0","0"],["1","0"],["0","0"]] (points through
/// <see cref="Curves.Bn254.Encoding.SnarkjsJson"/>). Reading checks that every coordinate is canonical and below q,
/// every point is on its curve, G2 points are in the prime-order subgroup, and every public signal is below r.
/// </summary>
public static class SnarkjsJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, IndentSize = 1, IndentCharacter = ' ' };

    /// <summary>Writes proof.json.</summary>
    public static void WriteProof(string path, Proof proof) => Write(path, w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("pi_a"); G1(w, proof.A);
        w.WritePropertyName("pi_b"); G2(w, proof.B);
        w.WritePropertyName("pi_c"); G1(w, proof.C);
        w.WriteString("protocol", "groth16");
        w.WriteString("curve", "bn128");
        w.WriteEndObject();
    });

    /// <summary>Writes public.json: the public signals as decimal strings.</summary>
    public static void WritePublic(string path, ReadOnlySpan<Fr> publicSignals)
    {
        var copy = publicSignals.ToArray();
        Write(path, w =>
        {
            w.WriteStartArray();
            foreach (var v in copy) w.WriteStringValue(v.ToString());
            w.WriteEndArray();
        });
    }

    /// <summary>
    /// Writes verification_key.json in snarkjs's exact shape and key order, including vk_alphabeta_12 (see
    /// <see cref="SnarkjsAlphaBeta"/>), so the file is byte-identical to what <c>snarkjs zkey export verificationkey</c> writes.
    /// </summary>
    public static void WriteVerificationKey(string path, VerificationKey vk) => Write(path, w =>
    {
        w.WriteStartObject();
        w.WriteString("protocol", "groth16");
        w.WriteString("curve", "bn128");
        w.WriteNumber("nPublic", vk.NPublic);
        w.WritePropertyName("vk_alpha_1"); G1(w, vk.Alpha1);
        w.WritePropertyName("vk_beta_2"); G2(w, vk.Beta2);
        w.WritePropertyName("vk_gamma_2"); G2(w, vk.Gamma2);
        w.WritePropertyName("vk_delta_2"); G2(w, vk.Delta2);
        w.WritePropertyName("vk_alphabeta_12");
        var ab = SnarkjsAlphaBeta(vk.Alpha1, vk.Beta2);
        w.WriteStartArray();
        foreach (var half in (ReadOnlySpan<Fq6>)[ab.C0, ab.C1])
        {
            w.WriteStartArray();
            foreach (var c in (ReadOnlySpan<Fq2>)[half.C0, half.C1, half.C2])
            {
                w.WriteStartArray();
                w.WriteStringValue(c.C0.ToString());
                w.WriteStringValue(c.C1.ToString());
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WritePropertyName("IC");
        w.WriteStartArray();
        foreach (var p in vk.IC) G1(w, p);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>
    /// The vk_alphabeta_12 value snarkjs writes: e(alpha, beta)^(2x(6x^2+3x+1)) with x the BN parameter
    /// 4965661367192848881. ffjavascript's final exponentiation (the Fuentes-Castañeda et al. chain) yields this fixed
    /// power of the EIP-197 pairing that <see cref="Pairing.Pair"/> computes; checked against snarkjs's files in the tests.
    /// Layout in the JSON: [c0, c1] of Fq6, each [c0, c1, c2] of Fq2, each [c0, c1] decimal.
    /// </summary>
    public static Fq12 SnarkjsAlphaBeta(G1Affine alpha, G2Affine beta) => Pairing.Pair(alpha, beta).Pow(SnarkjsPairingPower);

    private static readonly System.Numerics.BigInteger SnarkjsPairingPower = SnarkjsPower();

    private static System.Numerics.BigInteger SnarkjsPower()
    {
        var x = new System.Numerics.BigInteger(4965661367192848881);
        return 2 * x * (6 * x * x + 3 * x + 1);
    }

    /// <summary>Reads proof.json.</summary>
    /// <exception cref="CircomFormatException">Not a Groth16 BN254 proof, or a coordinate/point is invalid.</exception>
    public static Proof ReadProof(string path) => Parse(path, root =>
    {
        CheckProtocol(path, root);
        return new Proof(G1(path, "pi_a", Prop(path, root, "pi_a")), G2(path, "pi_b", Prop(path, root, "pi_b")), G1(path, "pi_c", Prop(path, root, "pi_c")));
    });

    /// <summary>Reads public.json: decimal strings, each below r.</summary>
    /// <exception cref="CircomFormatException">Not an array of decimal strings below r.</exception>
    public static Fr[] ReadPublic(string path) => Parse(path, root =>
    {
        if (root.ValueKind != JsonValueKind.Array) throw new CircomFormatException(path, null, "expected a JSON array of decimal strings");
        var result = new Fr[root.GetArrayLength()];
        int i = 0;
        foreach (var e in root.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.String || !Fr.TryParse(e.GetString(), out result[i]))
                throw new CircomFormatException(path, $"[{i}]", "public signal is not a decimal string below the scalar field modulus r");
            i++;
        }
        return result;
    });

    /// <summary>Reads verification_key.json (vk_alphabeta_12, if present, is ignored).</summary>
    /// <exception cref="CircomFormatException">Not a Groth16 BN254 key, nPublic disagrees with IC, or a point is invalid.</exception>
    public static VerificationKey ReadVerificationKey(string path) => Parse(path, root =>
    {
        CheckProtocol(path, root);
        var icNode = Prop(path, root, "IC");
        if (icNode.ValueKind != JsonValueKind.Array || icNode.GetArrayLength() == 0)
            throw new CircomFormatException(path, "IC", "expected a non-empty array of G1 points");
        var ic = icNode.EnumerateArray().Select((p, i) => G1(path, $"IC[{i}]", p)).ToArray();
        if (root.TryGetProperty("nPublic", out var np) && (!np.TryGetInt32(out int n) || n != ic.Length - 1))
            throw new CircomFormatException(path, "nPublic", $"is {np} but IC has {ic.Length} points (nPublic + 1 expected)");
        return new VerificationKey(G1(path, "vk_alpha_1", Prop(path, root, "vk_alpha_1")), G2(path, "vk_beta_2", Prop(path, root, "vk_beta_2")),
            G2(path, "vk_gamma_2", Prop(path, root, "vk_gamma_2")), G2(path, "vk_delta_2", Prop(path, root, "vk_delta_2")), ic);
    });

    // ---- writing ----

    private static void Write(string path, Action<Utf8JsonWriter> body)
    {
        using var fs = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        using var w = new Utf8JsonWriter(fs, Options);
        body(w);
    }

    private static void G1(Utf8JsonWriter w, G1Affine p) => PointJson.G1ToJson(p).WriteTo(w);

    private static void G2(Utf8JsonWriter w, G2Affine p) => PointJson.G2ToJson(p).WriteTo(w);

    // ---- reading ----

    private static T Parse<T>(string path, Func<JsonElement, T> read)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > 64 << 20) throw new CircomFormatException(path, null, $"{info.Length} bytes is too large for a snarkjs JSON file");
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new CircomFormatException(path, null, $"cannot read: {e.Message}", e); }
        try
        {
            using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
            return read(doc.RootElement);
        }
        catch (JsonException e) { throw new CircomFormatException(path, null, $"invalid JSON: {e.Message}", e); }
    }

    private static JsonElement Prop(string path, JsonElement root, string name)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new CircomFormatException(path, null, "expected a JSON object");
        return root.TryGetProperty(name, out var v) ? v : throw new CircomFormatException(path, name, "missing");
    }

    private static void CheckProtocol(string path, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new CircomFormatException(path, null, "expected a JSON object");
        if (root.TryGetProperty("protocol", out var p) && p.GetString() != "groth16")
            throw new CircomFormatException(path, "protocol", $"'{p}' is not groth16");
        if (root.TryGetProperty("curve", out var c) && c.GetString() is not ("bn128" or "bn254"))
            throw new CircomFormatException(path, "curve", $"'{c}' is not bn128 (BN254)");
    }

    private static G1Affine G1(string path, string where, JsonElement e)
    {
        try { return PointJson.ReadG1(e); }
        catch (NonCanonicalEncodingException ex) { throw new CircomFormatException(path, where, ex.Message, ex); }
    }

    private static G2Affine G2(string path, string where, JsonElement e)
    {
        try { return PointJson.ReadG2(e); }
        catch (NonCanonicalEncodingException ex) { throw new CircomFormatException(path, where, ex.Message, ex); }
    }
}
