using Proving.Core.Algebra;

namespace Proving.Core.Curves.Bn254.Encoding;

/// <summary>Non-throwing reads of canonical field elements.</summary>
internal static class FieldBytes
{
    /// <summary>Reads a 32-byte big-endian value; false when it is &gt;= q.</summary>
    public static bool TryReadFq(ReadOnlySpan<byte> be32, out Fq value)
    {
        var l = Limbs4.FromBytesBigEndian(be32);
        if (!Limbs4.LessThan(l, Montgomery4<FqModulus>.P)) { value = default; return false; }
        value = new Fq(Montgomery4<FqModulus>.ToMontgomery(l));
        return true;
    }
}
