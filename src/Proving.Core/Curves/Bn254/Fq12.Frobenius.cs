using System.Numerics;

namespace Proving.Core.Curves.Bn254;

public readonly partial struct Fq12
{
    /// <summary>The q^<paramref name="power"/> Frobenius map x ↦ x^(q^power), for any power (taken mod 12):
    /// conjugation of every Fq2 coefficient (odd powers) and one multiplication of each of the five non-constant
    /// coefficients by a precomputed power of ξ. Constant-time in the element.</summary>
    public Fq12 Frobenius(int power)
    {
        int k = ((power % 12) + 12) % 12;
        var c0 = C0.Frobenius(k);
        var c1 = C1.Frobenius(k);
        Fq6.MulByFq2(c1, FrobeniusCoefficients.W[k], out c1);
        return new(c0, c1);
    }
}

/// <summary>
/// Frobenius coefficients of the tower, derived at start-up from ξ = 9 + u (no hard-coded tables):
/// since w^6 = v^3 = ξ, w^(q^k) = w·ξ^((q^k - 1)/6), v^(q^k) = v·ξ^((q^k - 1)/3) and v^(2q^k) = v^2·ξ^(2(q^k - 1)/3).
/// ξ^((q - 1)/3) and ξ^((q - 1)/2) are also the coefficients of the Frobenius endomorphism on the twist.
/// </summary>
internal static class FrobeniusCoefficients
{
    /// <summary>W[k] = ξ^((q^k - 1)/6), k = 0..11.</summary>
    public static readonly Fq2[] W = Powers(6, 12);

    /// <summary>V[k] = ξ^((q^k - 1)/3), k = 0..5.</summary>
    public static readonly Fq2[] V = Powers(3, 6);

    /// <summary>V2[k] = ξ^(2(q^k - 1)/3), k = 0..5.</summary>
    public static readonly Fq2[] V2 = Array.ConvertAll(V, c => c.Square());

    /// <summary>Y[k] = ξ^((q^k - 1)/2), k = 0..2: the y-coefficient of the twist Frobenius π^k.</summary>
    public static readonly Fq2[] Y = Powers(2, 3);

    private static Fq2[] Powers(int divisor, int count)
    {
        var q = Fq.Modulus;
        var order = q * q - 1; // the multiplicative order of Fq2 divides q^2 - 1
        var result = new Fq2[count];
        for (int k = 0; k < count; k++)
            result[k] = Fq2.NonResidue.Pow((BigInteger.Pow(q, k) - 1) / divisor % order);
        return result;
    }
}
