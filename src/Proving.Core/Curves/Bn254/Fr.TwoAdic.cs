using Proving.Core.Algebra;

namespace Proving.Core.Curves.Bn254;

public readonly partial struct Fr : ITwoAdicField<Fr>
{
    /// <summary>28: r - 1 = 2^28 * t with t odd, so NTT domains go up to 2^28 elements.</summary>
    public static int TwoAdicity => 28;

    /// <summary>5, the multiplicative generator that circom, snarkjs and ffjavascript use for Fr.</summary>
    public static Fr MultiplicativeGenerator => FromUInt64(5);

    private static readonly Fr[] Roots = BuildRoots();

    private static Fr[] BuildRoots()
    {
        // w28 = 5^((r-1)/2^28); roots[k] = w28^(2^(28-k)) is a primitive 2^k-th root (snarkjs / ffjavascript use the same).
        var roots = new Fr[TwoAdicity + 1];
        roots[TwoAdicity] = FromUInt64(5).Pow((Modulus - 1) >> TwoAdicity);
        for (int k = TwoAdicity - 1; k >= 0; k--) roots[k] = roots[k + 1].Square();
        return roots;
    }

    /// <summary>The primitive 2^logN-th root of unity 5^((r-1)/2^logN), the same one snarkjs and ffjavascript use.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="logN"/> is outside [0, 28].</exception>
    public static Fr RootOfUnity(int logN)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(logN);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(logN, TwoAdicity);
        return Roots[logN];
    }
}
