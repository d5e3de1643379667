using System.Text.Json;
using System.Text.Json.Nodes;

namespace Proving.Core.Curves.Bn254.Encoding;

/// <summary>
/// Points in snarkjs's JSON form (proof.json, verification_key.json): canonical decimal strings, Jacobian
/// coordinates (x = X/Z^2, y = Y/Z^3, as ffjavascript computes them). G1: <c>["X", "Y", "Z"]</c>; G2:
/// <c>[["X.c0", "X.c1"], ["Y.c0", "Y.c1"], ["Z.c0", "Z.c1"]]</c> (real part first, unlike the EVM encoding).
/// snarkjs writes Z = "1" (["1", "0"]) and infinity as <c>["0", "1", "0"]</c> (<c>[["0","0"],["1","0"],["0","0"]]</c>),
/// which the writers here produce too. Readers accept any Z (other tools may not normalise), and reject anything
/// else: wrong shapes, non-strings, numbers with signs, leading zeros or values &gt;= q, Z = 0 unless (X, Y) is (0, 1)
/// or a Jacobian infinity (t^2, t^3), points off the curve, and G2 points outside the prime-order subgroup.
/// </summary>
public static class SnarkjsJson
{
    /// <summary>["x", "y", "1"], or ["0", "1", "0"] for infinity.</summary>
    public static JsonArray G1ToJson(in G1Affine p) =>
        p.IsInfinity ? new JsonArray("0", "1", "0") : new JsonArray(p.X.ToString(), p.Y.ToString(), "1");

    /// <summary>[["x.c0", "x.c1"], ["y.c0", "y.c1"], ["1", "0"]], or [["0","0"],["1","0"],["0","0"]] for infinity.</summary>
    public static JsonArray G2ToJson(in G2Affine p) => p.IsInfinity
        ? new JsonArray(new JsonArray("0", "0"), new JsonArray("1", "0"), new JsonArray("0", "0"))
        : new JsonArray(Fq2ToJson(p.X), Fq2ToJson(p.Y), new JsonArray("1", "0"));

    private static JsonArray Fq2ToJson(in Fq2 v) => new(v.C0.ToString(), v.C1.ToString());

    /// <summary>Reads a G1 point without throwing.</summary>
    public static bool TryReadG1(JsonElement e, out G1Affine point, out PointDecodeError error)
    {
        point = G1Affine.Infinity;
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() != 3) { error = PointDecodeError.InvalidLength; return false; }
        Span<Fq> c = stackalloc Fq[3];
        for (int i = 0; i < 3; i++)
            if (!TryFq(e[i], out c[i], out error)) return false;
        error = PointDecodeError.None;
        if (c[2].IsZero)
        {
            if (!IsInfinityXY(c[0], c[1])) { error = PointDecodeError.NotOnCurve; return false; }
            return true;
        }
        var p = G1Projective.FromJacobianUnchecked(c[0], c[1], c[2]);
        if (!p.IsOnCurve) { error = PointDecodeError.NotOnCurve; return false; }
        point = p.ToAffine();
        return true;
    }

    /// <summary>Reads a G1 point.</summary>
    /// <exception cref="Proving.Core.Algebra.NonCanonicalEncodingException">The JSON is not a valid G1 point (see the class summary).</exception>
    public static G1Affine ReadG1(JsonElement e) =>
        TryReadG1(e, out var p, out var err) ? p : throw PointDecodeErrors.ToException(err, "G1 (snarkjs JSON)");

    /// <summary>Reads a G2 point without throwing (checks the subgroup).</summary>
    public static bool TryReadG2(JsonElement e, out G2Affine point, out PointDecodeError error)
    {
        point = G2Affine.Infinity;
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() != 3) { error = PointDecodeError.InvalidLength; return false; }
        Span<Fq2> c = stackalloc Fq2[3];
        for (int i = 0; i < 3; i++)
        {
            var pair = e[i];
            if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2) { error = PointDecodeError.InvalidLength; return false; }
            if (!TryFq(pair[0], out var c0, out error) || !TryFq(pair[1], out var c1, out error)) return false;
            c[i] = new Fq2(c0, c1);
        }
        error = PointDecodeError.None;
        if (c[2].IsZero)
        {
            if (!IsInfinityXY(c[0], c[1])) { error = PointDecodeError.NotOnCurve; return false; }
            return true;
        }
        var p = G2Projective.FromJacobianUnchecked(c[0], c[1], c[2]);
        if (!p.IsOnCurve) { error = PointDecodeError.NotOnCurve; return false; }
        var a = p.ToAffine();
        if (!a.IsInSubgroup) { error = PointDecodeError.NotInSubgroup; return false; }
        point = a;
        return true;
    }

    /// <summary>Reads a G2 point and checks the subgroup.</summary>
    /// <exception cref="Proving.Core.Algebra.NonCanonicalEncodingException">The JSON is not a valid G2 point (see the class summary).</exception>
    public static G2Affine ReadG2(JsonElement e) =>
        TryReadG2(e, out var p, out var err) ? p : throw PointDecodeErrors.ToException(err, "G2 (snarkjs JSON)");

    /// <summary>
    /// With Z = 0, (X, Y) must name the point at infinity: snarkjs's (0, 1), or a Jacobian (t^2, t^3) with t ≠ 0
    /// (Y^2 = X^3, Y ≠ 0). Anything else, such as (0, 0, 0), is rejected.
    /// </summary>
    private static bool IsInfinityXY<TF>(in TF x, in TF y) where TF : struct, Proving.Core.Algebra.IField<TF> =>
        (x.IsZero && y.IsOne) || (!y.IsZero && y.Square() == x.Square() * x);

    /// <summary>A canonical decimal string: digits only, no leading zeros (except "0" itself), value &lt; q.</summary>
    private static bool TryFq(JsonElement e, out Fq value, out PointDecodeError error)
    {
        value = default;
        error = PointDecodeError.CoordinateNotCanonical;
        if (e.ValueKind != JsonValueKind.String) return false;
        var s = e.GetString();
        if (string.IsNullOrEmpty(s) || (s.Length > 1 && s[0] == '0')) return false;
        if (!Fq.TryParse(s, out value)) return false;
        error = PointDecodeError.None;
        return true;
    }
}
