using System.Numerics;

namespace Proving.Core.Algebra;

/// <summary>Square-and-multiply exponentiation written once for every <see cref="IField{T}"/>.</summary>
internal static class FieldPow
{
    /// <summary>x^exponent for exponent &gt;= 0, left to right over the bits (variable-time in the exponent).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="exponent"/> is negative.</exception>
    public static T Pow<T>(T x, BigInteger exponent) where T : struct, IField<T>
    {
        if (exponent.Sign < 0) throw new ArgumentOutOfRangeException(nameof(exponent), "negative exponent");
        var result = T.One;
        for (long bit = (long)exponent.GetBitLength() - 1; bit >= 0; bit--)
        {
            result = result.Square();
            if (!(exponent >> (int)bit).IsEven) result *= x;
        }
        return result;
    }
}
