namespace Proving.Core.Curves.Bn254;

/// <summary>Fixed parameters of the BN254 optimal ate pairing, derived from the BN parameter x.</summary>
internal static class PairingConstants
{
    /// <summary>Non-adjacent form of the Miller loop length 6x + 2 = 29793968203157093288 (66 digits, 22 non-zero),
    /// least significant digit first.</summary>
    public static readonly sbyte[] AteLoopNaf = NonAdjacentForm(6 * (UInt128)Fq12.BnParameter + 2);

    /// <summary>3·b' = 9/ξ, the twist coefficient tripled (used by the doubling step).</summary>
    public static readonly Fq2 ThreeTwistB = G2Affine.B + G2Affine.B + G2Affine.B;

    /// <summary>Signed digits d_i in {-1, 0, 1} with n = Σ d_i 2^i and no two adjacent non-zero digits,
    /// least significant first.</summary>
    public static sbyte[] NonAdjacentForm(UInt128 n)
    {
        var digits = new List<sbyte>();
        while (n != 0)
        {
            sbyte d = 0;
            if ((n & 1) != 0)
            {
                d = (n & 3) == 1 ? (sbyte)1 : (sbyte)-1;
                n = d > 0 ? n - 1 : n + 1;
            }
            digits.Add(d);
            n >>= 1;
        }
        return digits.ToArray();
    }
}
