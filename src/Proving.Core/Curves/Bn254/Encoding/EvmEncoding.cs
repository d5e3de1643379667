using Proving.Core.Algebra;

namespace Proving.Core.Curves.Bn254.Encoding;

/// <summary>
/// The Ethereum (EIP-196 / EIP-197) uncompressed big-endian point encodings, as the precompiles 0x06-0x08 and
/// Solidity verifiers use them. G1: x || y, two 32-byte big-endian words (64 bytes). G2: x.c1 || x.c0 || y.c1 ||
/// y.c0 (128 bytes; note the imaginary part first). The point at infinity is all zero bytes. Decoders accept
/// exactly these lengths and reject a coordinate &gt;= q, a point off the curve, and (G2) a point outside the
/// prime-order subgroup.
/// </summary>
public static class EvmEncoding
{
    /// <summary>64: bytes of an encoded G1 point.</summary>
    public const int G1Length = 64;

    /// <summary>128: bytes of an encoded G2 point.</summary>
    public const int G2Length = 128;

    /// <summary>Writes x || y (or 64 zero bytes for infinity) to the first 64 bytes of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 64 bytes.</exception>
    public static void WriteG1(in G1Affine p, Span<byte> destination)
    {
        if (destination.Length < G1Length) throw new ArgumentException($"G1 destination must hold {G1Length} bytes", nameof(destination));
        if (p.IsInfinity) { destination[..G1Length].Clear(); return; }
        p.X.WriteBytesBigEndian(destination);
        p.Y.WriteBytesBigEndian(destination[32..]);
    }

    /// <summary>The 64-byte encoding x || y.</summary>
    public static byte[] EncodeG1(in G1Affine p) { var b = new byte[G1Length]; WriteG1(p, b); return b; }

    /// <summary>Writes x.c1 || x.c0 || y.c1 || y.c0 (or 128 zero bytes for infinity).</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 128 bytes.</exception>
    public static void WriteG2(in G2Affine p, Span<byte> destination)
    {
        if (destination.Length < G2Length) throw new ArgumentException($"G2 destination must hold {G2Length} bytes", nameof(destination));
        if (p.IsInfinity) { destination[..G2Length].Clear(); return; }
        p.X.C1.WriteBytesBigEndian(destination);
        p.X.C0.WriteBytesBigEndian(destination[32..]);
        p.Y.C1.WriteBytesBigEndian(destination[64..]);
        p.Y.C0.WriteBytesBigEndian(destination[96..]);
    }

    /// <summary>The 128-byte encoding x.c1 || x.c0 || y.c1 || y.c0.</summary>
    public static byte[] EncodeG2(in G2Affine p) { var b = new byte[G2Length]; WriteG2(p, b); return b; }

    /// <summary>Decodes 64 bytes without throwing; <paramref name="error"/> says why it failed.</summary>
    public static bool TryDecodeG1(ReadOnlySpan<byte> bytes, out G1Affine point, out PointDecodeError error)
    {
        point = G1Affine.Infinity;
        if (bytes.Length != G1Length) { error = PointDecodeError.InvalidLength; return false; }
        if (!FieldBytes.TryReadFq(bytes[..32], out var x) || !FieldBytes.TryReadFq(bytes[32..], out var y))
        { error = PointDecodeError.CoordinateNotCanonical; return false; }
        error = PointDecodeError.None;
        if (x.IsZero && y.IsZero) return true;
        var p = G1Affine.FromTrustedCoordinates(x, y);
        if (!p.IsOnCurve) { error = PointDecodeError.NotOnCurve; return false; }
        point = p;
        return true;
    }

    /// <summary>Decodes the 64-byte encoding x || y.</summary>
    /// <exception cref="NonCanonicalEncodingException">Wrong length, coordinate &gt;= q, or not on the curve.</exception>
    public static G1Affine DecodeG1(ReadOnlySpan<byte> bytes) =>
        TryDecodeG1(bytes, out var p, out var e) ? p : throw PointDecodeErrors.ToException(e, "G1 (EVM encoding)");

    /// <summary>
    /// Decodes 128 bytes without throwing. With <paramref name="checkSubgroup"/> false the point is only checked to be
    /// on the twist (for callers that check the subgroup later or in bulk).
    /// </summary>
    public static bool TryDecodeG2(ReadOnlySpan<byte> bytes, out G2Affine point, out PointDecodeError error, bool checkSubgroup = true)
    {
        point = G2Affine.Infinity;
        if (bytes.Length != G2Length) { error = PointDecodeError.InvalidLength; return false; }
        if (!FieldBytes.TryReadFq(bytes[..32], out var x1) || !FieldBytes.TryReadFq(bytes[32..64], out var x0)
            || !FieldBytes.TryReadFq(bytes[64..96], out var y1) || !FieldBytes.TryReadFq(bytes[96..], out var y0))
        { error = PointDecodeError.CoordinateNotCanonical; return false; }
        error = PointDecodeError.None;
        var x = new Fq2(x0, x1);
        var y = new Fq2(y0, y1);
        if (x.IsZero && y.IsZero) return true;
        var p = G2Affine.FromTrustedCoordinates(x, y);
        if (!p.IsOnCurve) { error = PointDecodeError.NotOnCurve; return false; }
        if (checkSubgroup && !p.IsInSubgroup) { error = PointDecodeError.NotInSubgroup; return false; }
        point = p;
        return true;
    }

    /// <summary>Decodes the 128-byte encoding x.c1 || x.c0 || y.c1 || y.c0 and checks the subgroup.</summary>
    /// <exception cref="NonCanonicalEncodingException">Wrong length, coordinate &gt;= q, not on the twist, or not in G2.</exception>
    public static G2Affine DecodeG2(ReadOnlySpan<byte> bytes) =>
        TryDecodeG2(bytes, out var p, out var e) ? p : throw PointDecodeErrors.ToException(e, "G2 (EVM encoding)");
}
