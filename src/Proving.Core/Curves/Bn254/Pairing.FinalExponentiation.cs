namespace Proving.Core.Curves.Bn254;

public static partial class Pairing
{
    /// <summary>
    /// f^((q^12 - 1)/r), exactly (not a power of it), so results agree with every implementation of the standard
    /// BN254 optimal ate pairing. Easy part f^((q^6 - 1)(q^2 + 1)) by a conjugation, one inversion and a Frobenius
    /// map; hard part (q^4 - q^2 + 1)/r = λ0 + λ1 q + λ2 q^2 + q^3 with λ0 = -36x^3 - 30x^2 - 18x - 2,
    /// λ1 = -36x^3 - 18x^2 - 12x + 1, λ2 = 6x^2 + 1, by the vectorial addition chain of Scott et al., "On the final
    /// exponentiation for calculating pairings on ordinary elliptic curves" (Pairing 2009): three exponentiations by
    /// x in the cyclotomic subgroup. Fixed sequence of field operations (no branches on f beyond the zero test).
    /// </summary>
    /// <param name="f">A Miller loop value.</param>
    /// <exception cref="ArgumentException"><paramref name="f"/> is zero (possible only for inputs outside the
    /// order-r subgroups).</exception>
    public static Fq12 FinalExponentiation(in Fq12 f)
    {
        if (f.IsZero) throw new ArgumentException("Pairing: the Miller loop value is zero (inputs outside the order-r subgroups)", nameof(f));

        // easy part: m = f^((q^6 - 1)(q^2 + 1)); conjugation is the q^6-power map
        var m = f.Conjugate() * f.Inverse();
        m = m.Frobenius(2) * m;
        return HardPart(m);
    }

    /// <summary>m^((q^4 - q^2 + 1)/r) for m in the cyclotomic subgroup.</summary>
    private static Fq12 HardPart(in Fq12 m)
    {
        var fx = m.CyclotomicExpByBnParameter();
        var fx2 = fx.CyclotomicExpByBnParameter();
        var fx3 = fx2.CyclotomicExpByBnParameter();

        var y0 = m.Frobenius(1) * m.Frobenius(2) * m.Frobenius(3);
        var y1 = m.Conjugate();
        var y2 = fx2.Frobenius(2);
        var y3 = fx.Frobenius(1).Conjugate();
        var y4 = (fx * fx2.Frobenius(1)).Conjugate();
        var y5 = fx2.Conjugate();
        var y6 = (fx3 * fx3.Frobenius(1)).Conjugate();

        // y0 · y1^2 · y2^6 · y3^12 · y4^18 · y5^30 · y6^36
        var t0 = y6.CyclotomicSquare() * y4 * y5;
        var t1 = y3 * y5 * t0;
        t0 *= y2;
        t1 = t1.CyclotomicSquare() * t0;
        t1 = t1.CyclotomicSquare();
        t0 = t1 * y1;
        t1 *= y0;
        t0 = t0.CyclotomicSquare();
        return t0 * t1;
    }
}
