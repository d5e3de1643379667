using Proving.Core.Curves.Bn254;
using Proving.Core.Curves.Bn254.Encoding;

namespace Proving.Core.Evm;

/// <summary>
/// Byte-level equivalents of the Ethereum BN254 precompiles (EIP-196: ECADD at 0x06, ECMUL at 0x07; EIP-197:
/// ECPAIRING at 0x08), for EVM implementers and on-chain tooling. Inputs use the EVM point encoding
/// (<see cref="EvmEncoding"/>): 32-byte big-endian words, G1 as x || y, G2 as x.c1 || x.c0 || y.c1 || y.c0,
/// infinity as all zeros. As in the EVM, ECADD and ECMUL read a fixed-size input: shorter input is right-padded
/// with zero bytes and longer input is truncated. Failures (the EVM call would fail and return nothing) are reported
/// as <c>false</c> with a <see cref="PrecompileError"/> by the <c>Try</c> methods, and as a
/// <see cref="PrecompileException"/> by the others. Gas is not computed.
/// </summary>
public static partial class Bn254Precompiles
{
    /// <summary>0x06, the ECADD precompile address.</summary>
    public const int EcAddAddress = 0x06;

    /// <summary>0x07, the ECMUL precompile address.</summary>
    public const int EcMulAddress = 0x07;

    /// <summary>0x08, the ECPAIRING precompile address.</summary>
    public const int EcPairingAddress = 0x08;

    /// <summary>128: bytes ECADD reads (two G1 points).</summary>
    public const int EcAddInputLength = 128;

    /// <summary>96: bytes ECMUL reads (a G1 point and a 256-bit scalar).</summary>
    public const int EcMulInputLength = 96;

    /// <summary>64: bytes ECADD and ECMUL return (a G1 point).</summary>
    public const int G1OutputLength = 64;

    /// <summary>
    /// ECADD: the sum of two G1 points. Writes the 64-byte result to <paramref name="output"/> and returns true, or
    /// returns false with the reason (a coordinate &gt;= q or a point off the curve).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than 64 bytes.</exception>
    public static bool TryEcAdd(ReadOnlySpan<byte> input, Span<byte> output, out PrecompileError error)
    {
        CheckOutput(output);
        Span<byte> buf = stackalloc byte[EcAddInputLength];
        PadOrTruncate(input, buf);
        if (!TryG1(buf[..64], out var a, out error) || !TryG1(buf[64..], out var b, out error)) return false;
        var sum = G1Projective.FromAffine(a) + b;
        EvmEncoding.WriteG1(sum.ToAffine(), output);
        return true;
    }

    /// <summary>ECADD returning the 64-byte result.</summary>
    /// <exception cref="PrecompileException">The call fails (see <see cref="TryEcAdd"/>).</exception>
    public static byte[] EcAdd(ReadOnlySpan<byte> input)
    {
        var output = new byte[G1OutputLength];
        return TryEcAdd(input, output, out var e) ? output : throw new PrecompileException("ECADD", e);
    }

    /// <summary>
    /// ECMUL: s·P for a G1 point P and any 256-bit big-endian scalar s (values &gt;= r are allowed). Writes the
    /// 64-byte result and returns true, or returns false with the reason (a coordinate &gt;= q or a point off the curve).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than 64 bytes.</exception>
    public static bool TryEcMul(ReadOnlySpan<byte> input, Span<byte> output, out PrecompileError error)
    {
        CheckOutput(output);
        Span<byte> buf = stackalloc byte[EcMulInputLength];
        PadOrTruncate(input, buf);
        if (!TryG1(buf[..64], out var p, out error)) return false;
        var s = new System.Numerics.BigInteger(buf[64..], isUnsigned: true, isBigEndian: true);
        // every curve point has order r or 1 (cofactor 1), so s·P = (s mod r)·P
        var k = Fr.FromBigIntegerReduced(s);
        var product = G1Projective.FromAffine(p) * k;
        EvmEncoding.WriteG1(product.ToAffine(), output);
        return true;
    }

    /// <summary>ECMUL returning the 64-byte result.</summary>
    /// <exception cref="PrecompileException">The call fails (see <see cref="TryEcMul"/>).</exception>
    public static byte[] EcMul(ReadOnlySpan<byte> input)
    {
        var output = new byte[G1OutputLength];
        return TryEcMul(input, output, out var e) ? output : throw new PrecompileException("ECMUL", e);
    }

    private static void CheckOutput(Span<byte> output)
    {
        if (output.Length < G1OutputLength) throw new ArgumentException($"output must hold {G1OutputLength} bytes", nameof(output));
    }

    /// <summary>Copies input into the fixed-size buffer: zero-padded on the right, or truncated.</summary>
    private static void PadOrTruncate(ReadOnlySpan<byte> input, Span<byte> buffer)
    {
        buffer.Clear();
        input[..Math.Min(input.Length, buffer.Length)].CopyTo(buffer);
    }

    private static bool TryG1(ReadOnlySpan<byte> bytes, out G1Affine p, out PrecompileError error)
    {
        bool ok = EvmEncoding.TryDecodeG1(bytes, out p, out var e);
        error = Map(e);
        return ok;
    }

    private static PrecompileError Map(PointDecodeError e) => e switch
    {
        PointDecodeError.None => PrecompileError.None,
        PointDecodeError.CoordinateNotCanonical => PrecompileError.CoordinateNotInField,
        PointDecodeError.NotOnCurve => PrecompileError.PointNotOnCurve,
        PointDecodeError.NotInSubgroup => PrecompileError.PointNotInSubgroup,
        _ => PrecompileError.InvalidInputLength,
    };
}
