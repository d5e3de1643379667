namespace Proving.Core.Curves.Bn254;

/// <summary>Fixed parameters of the BN254 optimal ate pairing, derived from the BN parameter x.</summary>
internal static class PairingConstants
{
    /// <summary>Non-adjacent form of the Miller loop length 6x + 2 = 29793968203157093288 (66 digits, 22 non-zero),
    /// least significant digit first.</summary>
    public static readonly sbyte[] AteLoopNaf = NonAdjacentForm(6 * (UInt128)Fq12.BnParameter + 2);

    /// <summary>3·b' = 9/ξ, the twist coefficient tripled (used by the doubling step).</summary>
    public static readonly Fq2 ThreeTwistB = G2Affine.B + G2Affine.B + G2Affine.B;

    /// <summary>
    /// The width-w non-adjacent form of n: digits d_i that are zero or odd with |d_i| &lt; 2^(w-1), any w consecutive
    /// digits holding at most one non-zero, and n = Σ d_i 2^i (n &lt; 2^127); least significant first. w = 2 is the plain NAF.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> is outside [2, 7].</exception>
    public static sbyte[] NonAdjacentForm(UInt128 n, int width = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 7);
        int modulus = 1 << width;
        var digits = new List<sbyte>();
        while (n != 0)
        {
            sbyte d = 0;
            if ((n & 1) != 0)
            {
                int low = (int)(n & (UInt128)(modulus - 1));
                d = (sbyte)(low >= modulus / 2 ? low - modulus : low);
                n = d > 0 ? n - (UInt128)d : n + (UInt128)(-d);
            }
            digits.Add(d);
            n >>= 1;
        }
        return digits.ToArray();
    }
}
