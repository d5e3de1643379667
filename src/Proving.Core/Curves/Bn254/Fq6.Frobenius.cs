namespace Proving.Core.Curves.Bn254;

public readonly partial struct Fq6
{
    /// <summary>The q^<paramref name="power"/> Frobenius map x ↦ x^(q^power), for any power (taken mod 6):
    /// conjugation of the Fq2 coefficients (odd powers) and two multiplications by precomputed powers of ξ.</summary>
    public Fq6 Frobenius(int power)
    {
        int k = ((power % 6) + 6) % 6;
        var c0 = C0.Frobenius(k);
        var c1 = C1.Frobenius(k) * FrobeniusCoefficients.V[k];
        var c2 = C2.Frobenius(k) * FrobeniusCoefficients.V2[k];
        return new(c0, c1, c2);
    }
}
