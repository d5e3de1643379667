using System.Globalization;
using System.Text;

namespace Proving.Nats;

/// <summary>The block message payload: the bare decimal block number in ASCII, no sign, whitespace or newline (spec A.3).</summary>
public static class BlockNumber
{
    /// <summary>Encodes <paramref name="block"/> as ASCII digits.</summary>
    public static byte[] Encode(ulong block) => Encoding.ASCII.GetBytes(block.ToString(CultureInfo.InvariantCulture));

    /// <summary>Parses exactly 1-20 ASCII digits that fit in 64 bits; anything else is rejected.</summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, out ulong block)
    {
        block = 0;
        if (payload.Length is 0 or > 20) return false;
        foreach (var b in payload) if (b is < (byte)'0' or > (byte)'9') return false;
        return ulong.TryParse(Encoding.ASCII.GetString(payload), NumberStyles.None, CultureInfo.InvariantCulture, out block);
    }
}
