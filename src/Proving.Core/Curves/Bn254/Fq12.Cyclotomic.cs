using System.Numerics;

namespace Proving.Core.Curves.Bn254;

public readonly partial struct Fq12
{
    /// <summary>The BN parameter x = 4965661367192848881 of BN254 (q = 36x^4 + 36x^3 + 24x^2 + 6x + 1,
    /// r = 36x^4 + 36x^3 + 18x^2 + 6x + 1).</summary>
    public const ulong BnParameter = 4965661367192848881;

    /// <summary>Width-4 non-adjacent form of <see cref="BnParameter"/> (63 digits, 14 non-zero, all in ±{1, 3, 5, 7}),
    /// least significant digit first.</summary>
    private static readonly sbyte[] BnParameterWnaf = PairingConstants.NonAdjacentForm(BnParameter, 4);

    /// <summary>
    /// r = a^2 for a in the cyclotomic subgroup (the elements of order dividing q^4 - q^2 + 1, which holds every
    /// value after the easy part of the final exponentiation and every pairing value), by Granger and Scott, "Faster squaring in the cyclotomic subgroup of sixth degree
    /// extensions" (PKC 2010): 9 Fq2 squarings (18 Fq multiplications) instead of 36. The result is wrong for
    /// elements outside that subgroup. Alias-safe.
    /// </summary>
    public static void CyclotomicSquare(in Fq12 a, out Fq12 r)
    {
        // Fq12 = Fq4[z]/(z^3 - τ) with Fq4 = Fq2[τ]/(τ^2 - ξ), z = w, τ = w^3:
        // a = A + B z + C z^2, A = (c0.c0, c1.c1), B = (c1.c0, c0.c2), C = (c0.c1, c1.c2).
        // a^2 = (3A^2 - 2·conj(A)) + (3τC^2 + 2·conj(B)) z + (3B^2 - 2·conj(C)) z^2.
        Fq4Square(a.C0.C0, a.C1.C1, out var a0, out var a1);
        Fq4Square(a.C1.C0, a.C0.C2, out var b0, out var b1);
        Fq4Square(a.C0.C1, a.C1.C2, out var c0, out var c1);

        var na0 = ThriceMinusTwice(a0, a.C0.C0);    // 3·A^2 - 2·A, coefficient of 1
        var na1 = ThricePlusTwice(a1, a.C1.C1);     // coefficient of τ (conjugation flips its sign)
        Fq2.MulByNonResidue(c1, out var xc1);       // τ·C^2 = (ξ·c1, c0)
        var nb0 = ThricePlusTwice(xc1, a.C1.C0);
        var nb1 = ThriceMinusTwice(c0, a.C0.C2);
        var nc0 = ThriceMinusTwice(b0, a.C0.C1);
        var nc1 = ThricePlusTwice(b1, a.C1.C2);

        r = new(new Fq6(na0, nc0, nb1), new Fq6(nb0, na1, nc1));
    }

    /// <summary>(x0 + x1 τ)^2 = (x0^2 + ξ x1^2) + 2 x0 x1 τ with 3 Fq2 squarings.</summary>
    private static void Fq4Square(in Fq2 x0, in Fq2 x1, out Fq2 r0, out Fq2 r1)
    {
        Fq2.Square(x0, out var t0);
        Fq2.Square(x1, out var t1);
        Fq2.Add(x0, x1, out var s);
        Fq2.Square(s, out s);
        Fq2.Sub(s, t0, out s);
        Fq2.Sub(s, t1, out r1);
        Fq2.MulByNonResidue(t1, out t1);
        Fq2.Add(t0, t1, out r0);
    }

    private static Fq2 ThriceMinusTwice(in Fq2 s, in Fq2 x)
    {
        Fq2.Sub(s, x, out var t); // 3s - 2x = 2(s - x) + s
        Fq2.Add(t, t, out t);
        Fq2.Add(t, s, out t);
        return t;
    }

    private static Fq2 ThricePlusTwice(in Fq2 s, in Fq2 x)
    {
        Fq2.Add(s, x, out var t); // 3s + 2x = 2(s + x) + s
        Fq2.Add(t, t, out t);
        Fq2.Add(t, s, out t);
        return t;
    }

    /// <summary>This element squared by <see cref="CyclotomicSquare(in Fq12, out Fq12)"/> (cyclotomic subgroup only).</summary>
    public Fq12 CyclotomicSquare() { CyclotomicSquare(this, out var r); return r; }

    /// <summary>
    /// This element to the power <see cref="BnParameter"/>, for elements of the cyclotomic subgroup only: a fixed
    /// signed-digit chain (width-4 non-adjacent form over the odd powers a, a^3, a^5, a^7, with the conjugate serving
    /// as inverse: 63 cyclotomic squarings and 16 multiplications), so its running time does not depend on the element.
    /// </summary>
    public Fq12 CyclotomicExpByBnParameter()
    {
        // odd powers a^1, a^3, a^5, a^7
        Span<Fq12> odd = stackalloc Fq12[4];
        odd[0] = this;
        CyclotomicSquare(this, out var square);
        for (int i = 1; i < 4; i++) Mul(odd[i - 1], square, out odd[i]);

        var digits = BnParameterWnaf;
        int top = digits[^1];
        var result = top > 0 ? odd[top >> 1] : odd[-top >> 1].Conjugate();
        for (int i = digits.Length - 2; i >= 0; i--)
        {
            CyclotomicSquare(result, out result);
            int d = digits[i];
            if (d > 0) Mul(result, odd[d >> 1], out result);
            else if (d < 0) Mul(result, odd[-d >> 1].Conjugate(), out result);
        }
        return result;
    }

    /// <summary>This element (of the cyclotomic subgroup) to a non-negative power, by cyclotomic squarings
    /// (variable-time in the exponent). Use it for pairing values, e.g. e(P, Q)^k.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="exponent"/> is negative.</exception>
    public Fq12 CyclotomicPow(BigInteger exponent)
    {
        if (exponent.Sign < 0) throw new ArgumentOutOfRangeException(nameof(exponent), "negative exponent");
        var result = One;
        for (long bit = (long)exponent.GetBitLength() - 1; bit >= 0; bit--)
        {
            CyclotomicSquare(result, out result);
            if (!(exponent >> (int)bit).IsEven) Mul(result, this, out result);
        }
        return result;
    }
}
