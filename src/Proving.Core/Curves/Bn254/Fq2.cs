using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Proving.Core.Algebra;

namespace Proving.Core.Curves.Bn254;

/// <summary>
/// An element c0 + c1·u of Fq2 = Fq[u]/(u^2 + 1), the field over which the G2 twist is defined (EIP-197).
/// Arithmetic is constant-time except <see cref="TrySqrt"/> and <see cref="Legendre"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Fq2 : IField<Fq2>
{
    /// <summary>The coefficient of 1.</summary>
    public readonly Fq C0;

    /// <summary>The coefficient of u.</summary>
    public readonly Fq C1;

    /// <summary>Creates c0 + c1·u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fq2(Fq c0, Fq c1) { C0 = c0; C1 = c1; }

    /// <summary>Zero.</summary>
    public static Fq2 Zero => default;

    /// <summary>One.</summary>
    public static Fq2 One => new(Fq.One, Fq.Zero);

    /// <summary>ξ = 9 + u, the non-residue defining Fq6 = Fq2[v]/(v^3 - ξ) and the twist b' = 3/ξ.</summary>
    public static Fq2 NonResidue => new(Fq.FromUInt64(9), Fq.One);

    /// <inheritdoc />
    public bool IsZero => C0.IsZero && C1.IsZero;

    /// <inheritdoc />
    public bool IsOne => C0.IsOne && C1.IsZero;

    /// <summary>r = a + b (alias-safe).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in Fq2 a, in Fq2 b, out Fq2 r) { Fq.Add(a.C0, b.C0, out var c0); Fq.Add(a.C1, b.C1, out var c1); r = new(c0, c1); }

    /// <summary>r = a - b (alias-safe).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(in Fq2 a, in Fq2 b, out Fq2 r) { Fq.Sub(a.C0, b.C0, out var c0); Fq.Sub(a.C1, b.C1, out var c1); r = new(c0, c1); }

    /// <summary>r = a·b by Karatsuba: 3 Fq multiplications (alias-safe).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Mul(in Fq2 a, in Fq2 b, out Fq2 r)
    {
        Fq.Mul(a.C0, b.C0, out var v0);
        Fq.Mul(a.C1, b.C1, out var v1);
        Fq.Add(a.C0, a.C1, out var sa);
        Fq.Add(b.C0, b.C1, out var sb);
        Fq.Mul(sa, sb, out var s);
        Fq.Sub(s, v0, out s);
        Fq.Sub(s, v1, out var c1);
        Fq.Sub(v0, v1, out var c0);
        r = new(c0, c1);
    }

    /// <summary>r = a^2 by the complex method: 2 Fq multiplications (alias-safe).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Square(in Fq2 a, out Fq2 r)
    {
        Fq.Add(a.C0, a.C1, out var s);
        Fq.Sub(a.C0, a.C1, out var d);
        Fq.Mul(a.C0, a.C1, out var m);
        Fq.Mul(s, d, out var c0);
        Fq.Double(m, out var c1);
        r = new(c0, c1);
    }

    /// <summary>r = a·ξ with ξ = 9 + u: (9·c0 - c1) + (9·c1 + c0)·u, additions only (alias-safe).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MulByNonResidue(in Fq2 a, out Fq2 r)
    {
        var c0 = Times9(a.C0);
        var c1 = Times9(a.C1);
        Fq.Sub(c0, a.C1, out c0);
        Fq.Add(c1, a.C0, out c1);
        r = new(c0, c1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Fq Times9(in Fq x)
    {
        Fq.Double(x, out var t);
        Fq.Double(t, out t);
        Fq.Double(t, out t);
        Fq.Add(t, x, out t);
        return t;
    }

    /// <summary>r = a·s for s in Fq (alias-safe).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MulByFq(in Fq2 a, in Fq s, out Fq2 r) { Fq.Mul(a.C0, s, out var c0); Fq.Mul(a.C1, s, out var c1); r = new(c0, c1); }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq2 operator +(Fq2 a, Fq2 b) { Add(a, b, out var r); return r; }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq2 operator -(Fq2 a, Fq2 b) { Sub(a, b, out var r); return r; }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq2 operator *(Fq2 a, Fq2 b) { Mul(a, b, out var r); return r; }

    /// <summary>Multiplication by an Fq scalar.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq2 operator *(Fq2 a, Fq s) { MulByFq(a, s, out var r); return r; }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq2 operator -(Fq2 a) => new(-a.C0, -a.C1);

    /// <inheritdoc />
    public static bool operator ==(Fq2 a, Fq2 b) => a.C0 == b.C0 && a.C1 == b.C1;

    /// <inheritdoc />
    public static bool operator !=(Fq2 a, Fq2 b) => !(a == b);

    /// <inheritdoc />
    public Fq2 Square() { Square(this, out var r); return r; }

    /// <inheritdoc />
    public Fq2 Double() => new(C0.Double(), C1.Double());

    /// <summary>The conjugate c0 - c1·u, which is also the q-power Frobenius map.</summary>
    public Fq2 Conjugate() => new(C0, -C1);

    /// <summary>The norm c0^2 + c1^2 in Fq (the product of this element and its conjugate).</summary>
    public Fq Norm() => C0.Square() + C1.Square();

    /// <summary>The inverse: conjugate / norm (one Fq inversion).</summary>
    /// <exception cref="DivideByZeroException">This element is zero.</exception>
    public Fq2 Inverse()
    {
        if (IsZero) throw new DivideByZeroException("Fq2: zero has no inverse");
        var n = Norm().Inverse();
        return new(C0 * n, -(C1 * n));
    }

    /// <summary>This element to a non-negative integer power (variable-time in the exponent).</summary>
    public Fq2 Pow(System.Numerics.BigInteger exponent) => FieldPow.Pow(this, exponent);

    /// <summary>The q^power Frobenius map (conjugation for odd powers, identity for even).</summary>
    public Fq2 Frobenius(int power) => (power & 1) == 0 ? this : Conjugate();

    /// <summary>The quadratic character: that of the norm in Fq (0, 1 or -1). Variable-time.</summary>
    public int Legendre() => Norm().Legendre();

    /// <summary>
    /// A square root in Fq2, or false ("no root") when this element is not a square. Uses the q ≡ 3 (mod 4)
    /// method of Adj and Rodríguez-Henríquez, "Square root computation over even extension fields" (Algorithm 9),
    /// and verifies the result. Which of ±x is returned is unspecified. Variable-time.
    /// </summary>
    public bool TrySqrt(out Fq2 root)
    {
        root = Zero;
        if (IsZero) return true;
        var q = Fq.Modulus;
        var a1 = Pow((q - 3) / 4);
        var alpha = a1.Square() * this;
        var a0 = alpha.Frobenius(1) * alpha;
        if (a0 == -One) return false;
        var x0 = a1 * this;
        Fq2 x;
        if (alpha == -One)
            x = new Fq2(-x0.C1, x0.C0); // u·x0
        else
            x = (One + alpha).Pow((q - 1) / 2) * x0;
        if (x.Square() != this) return false;
        root = x;
        return true;
    }

    /// <summary>Uniformly random element (tests, benchmarks).</summary>
    public static Fq2 Random(Random rng) => new(Fq.Random(rng), Fq.Random(rng));

    /// <inheritdoc />
    public bool Equals(Fq2 other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Fq2 o && this == o;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(C0, C1);

    /// <summary>"(c0, c1)" with canonical decimal coefficients.</summary>
    public override string ToString() => $"({C0}, {C1})";
}
