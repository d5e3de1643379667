using Proving.Core.Curves.Bn254;
using Proving.Core.Curves.Bn254.Encoding;

namespace Proving.Core.Evm;

public static partial class Bn254Precompiles
{
    /// <summary>192: bytes of one ECPAIRING element, a G1 point (64) followed by a G2 point (128).</summary>
    public const int PairingElementLength = 192;

    /// <summary>32: bytes ECPAIRING returns (a big-endian word, 1 or 0).</summary>
    public const int PairingOutputLength = 32;

    /// <summary>
    /// ECPAIRING (EIP-197): true in <paramref name="result"/> when e(P1, Q1)·…·e(Pk, Qk) = 1 for the k pairs in
    /// <paramref name="input"/> (k = length / 192, each pair G1 || G2 in the EVM encoding); empty input gives true.
    /// Returns false with the reason when the length is not a multiple of 192, a coordinate is &gt;= q, a point is
    /// off its curve, or a G2 point is outside the order-r subgroup (checked for every pair, also beside infinity).
    /// </summary>
    public static bool TryEcPairing(ReadOnlySpan<byte> input, out bool result, out PrecompileError error)
    {
        result = false;
        if (input.Length % PairingElementLength != 0) { error = PrecompileError.InvalidInputLength; return false; }
        int k = input.Length / PairingElementLength;
        var p = new G1Affine[k];
        var q = new G2Affine[k];
        for (int i = 0; i < k; i++)
        {
            var element = input.Slice(i * PairingElementLength, PairingElementLength);
            if (!TryG1(element[..64], out p[i], out error)) return false;
            if (!EvmEncoding.TryDecodeG2(element[64..], out q[i], out var e2)) { error = Map(e2); return false; }
        }
        error = PrecompileError.None;
        result = Pairing.Check(p, q);
        return true;
    }

    /// <summary>
    /// ECPAIRING writing the EVM output, a 32-byte big-endian 1 (the product is one) or 0, to
    /// <paramref name="output"/>; see <see cref="TryEcPairing(ReadOnlySpan{byte}, out bool, out PrecompileError)"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than 32 bytes.</exception>
    public static bool TryEcPairing(ReadOnlySpan<byte> input, Span<byte> output, out PrecompileError error)
    {
        if (output.Length < PairingOutputLength) throw new ArgumentException($"output must hold {PairingOutputLength} bytes", nameof(output));
        if (!TryEcPairing(input, out bool ok, out error)) return false;
        output[..PairingOutputLength].Clear();
        output[PairingOutputLength - 1] = ok ? (byte)1 : (byte)0;
        return true;
    }

    /// <summary>ECPAIRING returning the 32-byte output word.</summary>
    /// <exception cref="PrecompileException">The call fails (see <see cref="TryEcPairing(ReadOnlySpan{byte}, out bool, out PrecompileError)"/>).</exception>
    public static byte[] EcPairing(ReadOnlySpan<byte> input)
    {
        var output = new byte[PairingOutputLength];
        return TryEcPairing(input, output, out var e) ? output : throw new PrecompileException("ECPAIRING", e);
    }
}
