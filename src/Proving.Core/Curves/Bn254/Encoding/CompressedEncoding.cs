using Proving.Core.Algebra;

namespace Proving.Core.Curves.Bn254.Encoding;

/// <summary>
/// Compressed point encodings: G1 as 32 bytes (x big-endian), G2 as 64 bytes (x.c1 || x.c0, big-endian), with the
/// two top bits of the first byte as flags, which are free because q &lt; 2^254. The convention is gnark-crypto's
/// for BN254:
/// <list type="bullet">
/// <item><c>0b10</c>: compressed, y is the lexicographically smaller root;</item>
/// <item><c>0b11</c>: compressed, y is the lexicographically larger root;</item>
/// <item><c>0b01</c>: the point at infinity (every other bit zero);</item>
/// <item><c>0b00</c>: reserved for uncompressed encodings, rejected here.</item>
/// </list>
/// An Fq value y is "larger" when y &gt; (q-1)/2. An Fq2 value y = c0 + c1·u is larger when c1 is larger, or, when
/// c1 = 0, when c0 is larger. Decoders reject a wrong length, undefined or contradicting flags, x &gt;= q, an x with no
/// point on the curve, and (G2) a point outside the prime-order subgroup.
/// </summary>
public static class CompressedEncoding
{
    /// <summary>32: bytes of a compressed G1 point.</summary>
    public const int G1Length = 32;

    /// <summary>64: bytes of a compressed G2 point.</summary>
    public const int G2Length = 64;

    private const byte FlagMask = 0b1100_0000;
    private const byte FlagSmaller = 0b1000_0000;
    private const byte FlagLarger = 0b1100_0000;
    private const byte FlagInfinity = 0b0100_0000;

    /// <summary>True when y &gt; (q-1)/2.</summary>
    public static bool IsLarger(in Fq y) => y.IsLexicographicallyLargest;

    /// <summary>The Fq2 order above: by c1, or by c0 when c1 = 0.</summary>
    public static bool IsLarger(in Fq2 y) => y.C1.IsZero ? y.C0.IsLexicographicallyLargest : y.C1.IsLexicographicallyLargest;

    /// <summary>The 32-byte compressed form of a G1 point.</summary>
    public static byte[] EncodeG1(in G1Affine p)
    {
        var b = new byte[G1Length];
        if (p.IsInfinity) { b[0] = FlagInfinity; return b; }
        p.X.WriteBytesBigEndian(b);
        b[0] |= IsLarger(p.Y) ? FlagLarger : FlagSmaller;
        return b;
    }

    /// <summary>The 64-byte compressed form of a G2 point (x.c1 || x.c0).</summary>
    public static byte[] EncodeG2(in G2Affine p)
    {
        var b = new byte[G2Length];
        if (p.IsInfinity) { b[0] = FlagInfinity; return b; }
        p.X.C1.WriteBytesBigEndian(b);
        p.X.C0.WriteBytesBigEndian(b.AsSpan(32));
        b[0] |= IsLarger(p.Y) ? FlagLarger : FlagSmaller;
        return b;
    }

    /// <summary>Reads the flags; for infinity checks that every other bit is zero.</summary>
    private static PointDecodeError ReadFlags(ReadOnlySpan<byte> bytes, out bool infinity, out bool larger)
    {
        byte flags = (byte)(bytes[0] & FlagMask);
        infinity = flags == FlagInfinity;
        larger = flags == FlagLarger;
        if (flags == 0) return PointDecodeError.InvalidFlags;
        if (infinity)
        {
            if ((bytes[0] & ~FlagMask) != 0) return PointDecodeError.InvalidFlags;
            foreach (var x in bytes[1..]) if (x != 0) return PointDecodeError.InvalidFlags;
        }
        return PointDecodeError.None;
    }

    /// <summary>A 32-byte big-endian word with the flag bits cleared.</summary>
    private static bool TryReadX(ReadOnlySpan<byte> word, bool first, out Fq x)
    {
        Span<byte> w = stackalloc byte[32];
        word.CopyTo(w);
        if (first) w[0] &= unchecked((byte)~FlagMask);
        return FieldBytes.TryReadFq(w, out x);
    }

    /// <summary>Decodes a 32-byte compressed G1 point without throwing.</summary>
    public static bool TryDecodeG1(ReadOnlySpan<byte> bytes, out G1Affine point, out PointDecodeError error)
    {
        point = G1Affine.Infinity;
        if (bytes.Length != G1Length) { error = PointDecodeError.InvalidLength; return false; }
        error = ReadFlags(bytes, out bool infinity, out bool larger);
        if (error != PointDecodeError.None) return false;
        if (infinity) return true;
        if (!TryReadX(bytes, true, out var x)) { error = PointDecodeError.CoordinateNotCanonical; return false; }
        if (!(x.Square() * x + G1Affine.B).TrySqrt(out var y)) { error = PointDecodeError.NotOnCurve; return false; }
        if (IsLarger(y) != larger) y = -y;
        if (IsLarger(y) != larger) { error = PointDecodeError.InvalidFlags; return false; } // y = 0 cannot be "larger"
        point = G1Affine.FromTrustedCoordinates(x, y);
        return true;
    }

    /// <summary>Decodes a 32-byte compressed G1 point.</summary>
    /// <exception cref="NonCanonicalEncodingException">Wrong length, bad flags, x &gt;= q, or no point with this x.</exception>
    public static G1Affine DecodeG1(ReadOnlySpan<byte> bytes) =>
        TryDecodeG1(bytes, out var p, out var e) ? p : throw PointDecodeErrors.ToException(e, "G1 (compressed)");

    /// <summary>Decodes a 64-byte compressed G2 point without throwing (checks the subgroup).</summary>
    public static bool TryDecodeG2(ReadOnlySpan<byte> bytes, out G2Affine point, out PointDecodeError error)
    {
        point = G2Affine.Infinity;
        if (bytes.Length != G2Length) { error = PointDecodeError.InvalidLength; return false; }
        error = ReadFlags(bytes, out bool infinity, out bool larger);
        if (error != PointDecodeError.None) return false;
        if (infinity) return true;
        if (!TryReadX(bytes[..32], true, out var x1) || !TryReadX(bytes[32..], false, out var x0))
        { error = PointDecodeError.CoordinateNotCanonical; return false; }
        var x = new Fq2(x0, x1);
        if (!(x.Square() * x + G2Affine.B).TrySqrt(out var y)) { error = PointDecodeError.NotOnCurve; return false; }
        if (IsLarger(y) != larger) y = -y;
        if (IsLarger(y) != larger) { error = PointDecodeError.InvalidFlags; return false; }
        var p = G2Affine.FromTrustedCoordinates(x, y);
        if (!p.IsInSubgroup) { error = PointDecodeError.NotInSubgroup; return false; }
        point = p;
        return true;
    }

    /// <summary>Decodes a 64-byte compressed G2 point.</summary>
    /// <exception cref="NonCanonicalEncodingException">Wrong length, bad flags, x &gt;= q, no point with this x, or not in G2.</exception>
    public static G2Affine DecodeG2(ReadOnlySpan<byte> bytes) =>
        TryDecodeG2(bytes, out var p, out var e) ? p : throw PointDecodeErrors.ToException(e, "G2 (compressed)");
}
