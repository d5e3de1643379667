using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Proving.Core.Algebra;

namespace Proving.Core.Curves.Bn254;

/// <summary>
/// An element c0 + c1·v + c2·v^2 of Fq6 = Fq2[v]/(v^3 - ξ) with ξ = 9 + u (the tower of EIP-197 implementations).
/// All arithmetic is constant-time (no branches on values) except <see cref="Pow"/> (variable-time in the exponent).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly partial struct Fq6 : IField<Fq6>
{
    /// <summary>The coefficient of 1.</summary>
    public readonly Fq2 C0;

    /// <summary>The coefficient of v.</summary>
    public readonly Fq2 C1;

    /// <summary>The coefficient of v^2.</summary>
    public readonly Fq2 C2;

    /// <summary>Creates c0 + c1·v + c2·v^2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fq6(Fq2 c0, Fq2 c1, Fq2 c2) { C0 = c0; C1 = c1; C2 = c2; }

    /// <summary>Zero.</summary>
    public static Fq6 Zero => default;

    /// <summary>One.</summary>
    public static Fq6 One => new(Fq2.One, Fq2.Zero, Fq2.Zero);

    /// <inheritdoc />
    public bool IsZero => C0.IsZero && C1.IsZero && C2.IsZero;

    /// <inheritdoc />
    public bool IsOne => C0.IsOne && C1.IsZero && C2.IsZero;

    /// <summary>r = a + b (alias-safe).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in Fq6 a, in Fq6 b, out Fq6 r)
    {
        Fq2.Add(a.C0, b.C0, out var c0);
        Fq2.Add(a.C1, b.C1, out var c1);
        Fq2.Add(a.C2, b.C2, out var c2);
        r = new(c0, c1, c2);
    }

    /// <summary>r = a - b (alias-safe).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(in Fq6 a, in Fq6 b, out Fq6 r)
    {
        Fq2.Sub(a.C0, b.C0, out var c0);
        Fq2.Sub(a.C1, b.C1, out var c1);
        Fq2.Sub(a.C2, b.C2, out var c2);
        r = new(c0, c1, c2);
    }

    /// <summary>r = 2a (alias-safe).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Double(in Fq6 a, out Fq6 r)
    {
        Fq2.Add(a.C0, a.C0, out var c0);
        Fq2.Add(a.C1, a.C1, out var c1);
        Fq2.Add(a.C2, a.C2, out var c2);
        r = new(c0, c1, c2);
    }

    /// <summary>r = -a (alias-safe).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Negate(in Fq6 a, out Fq6 r) => r = new(-a.C0, -a.C1, -a.C2);

    /// <summary>r = a·b by Karatsuba over the three coefficients: 6 Fq2 multiplications (alias-safe).</summary>
    public static void Mul(in Fq6 a, in Fq6 b, out Fq6 r)
    {
        Fq2.Mul(a.C0, b.C0, out var v0);
        Fq2.Mul(a.C1, b.C1, out var v1);
        Fq2.Mul(a.C2, b.C2, out var v2);

        // c0 = v0 + ξ((a1 + a2)(b1 + b2) - v1 - v2)
        Fq2.Add(a.C1, a.C2, out var sa);
        Fq2.Add(b.C1, b.C2, out var sb);
        Fq2.Mul(sa, sb, out var t);
        Fq2.Sub(t, v1, out t);
        Fq2.Sub(t, v2, out t);
        Fq2.MulByNonResidue(t, out t);
        Fq2.Add(t, v0, out var c0);

        // c1 = (a0 + a1)(b0 + b1) - v0 - v1 + ξ v2
        Fq2.Add(a.C0, a.C1, out sa);
        Fq2.Add(b.C0, b.C1, out sb);
        Fq2.Mul(sa, sb, out t);
        Fq2.Sub(t, v0, out t);
        Fq2.Sub(t, v1, out t);
        Fq2.MulByNonResidue(v2, out var xv2);
        Fq2.Add(t, xv2, out var c1);

        // c2 = (a0 + a2)(b0 + b2) - v0 - v2 + v1
        Fq2.Add(a.C0, a.C2, out sa);
        Fq2.Add(b.C0, b.C2, out sb);
        Fq2.Mul(sa, sb, out t);
        Fq2.Sub(t, v0, out t);
        Fq2.Sub(t, v2, out t);
        Fq2.Add(t, v1, out var c2);

        r = new(c0, c1, c2);
    }

    /// <summary>r = a^2 by Chung-Hasan SQR2 ("Asymmetric squaring formulae", 2007): 3 Fq2 squarings and
    /// 2 Fq2 multiplications (alias-safe).</summary>
    public static void Square(in Fq6 a, out Fq6 r)
    {
        Fq2.Square(a.C0, out var s0);
        Fq2.Mul(a.C0, a.C1, out var ab);
        Fq2.Add(ab, ab, out var s1);
        Fq2.Sub(a.C0, a.C1, out var t);
        Fq2.Add(t, a.C2, out t);
        Fq2.Square(t, out var s2);
        Fq2.Mul(a.C1, a.C2, out var bc);
        Fq2.Add(bc, bc, out var s3);
        Fq2.Square(a.C2, out var s4);

        Fq2.MulByNonResidue(s3, out var c0);
        Fq2.Add(c0, s0, out c0);
        Fq2.MulByNonResidue(s4, out var c1);
        Fq2.Add(c1, s1, out c1);
        Fq2.Add(s1, s2, out var c2);
        Fq2.Add(c2, s3, out c2);
        Fq2.Sub(c2, s0, out c2);
        Fq2.Sub(c2, s4, out c2);
        r = new(c0, c1, c2);
    }

    /// <summary>r = a·v: (ξ·c2, c0, c1), additions only (alias-safe).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MulByNonResidue(in Fq6 a, out Fq6 r)
    {
        Fq2.MulByNonResidue(a.C2, out var c0);
        r = new(c0, a.C0, a.C1);
    }

    /// <summary>r = a·s for s in Fq2: 3 Fq2 multiplications (alias-safe).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MulByFq2(in Fq6 a, in Fq2 s, out Fq6 r)
    {
        Fq2.Mul(a.C0, s, out var c0);
        Fq2.Mul(a.C1, s, out var c1);
        Fq2.Mul(a.C2, s, out var c2);
        r = new(c0, c1, c2);
    }

    /// <summary>r = a·(b0 + b1·v), a sparse product with 5 Fq2 multiplications (alias-safe).</summary>
    public static void MulBy01(in Fq6 a, in Fq2 b0, in Fq2 b1, out Fq6 r)
    {
        Fq2.Mul(a.C0, b0, out var v0);
        Fq2.Mul(a.C1, b1, out var v1);

        // c0 = v0 + ξ·a2·b1
        Fq2.Mul(a.C2, b1, out var t);
        Fq2.MulByNonResidue(t, out t);
        Fq2.Add(t, v0, out var c0);

        // c1 = (a0 + a1)(b0 + b1) - v0 - v1
        Fq2.Add(a.C0, a.C1, out var sa);
        Fq2.Add(b0, b1, out var sb);
        Fq2.Mul(sa, sb, out t);
        Fq2.Sub(t, v0, out t);
        Fq2.Sub(t, v1, out var c1);

        // c2 = a2·b0 + v1
        Fq2.Mul(a.C2, b0, out t);
        Fq2.Add(t, v1, out var c2);
        r = new(c0, c1, c2);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq6 operator +(Fq6 a, Fq6 b) { Add(a, b, out var r); return r; }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq6 operator -(Fq6 a, Fq6 b) { Sub(a, b, out var r); return r; }

    /// <inheritdoc />
    public static Fq6 operator *(Fq6 a, Fq6 b) { Mul(a, b, out var r); return r; }

    /// <summary>Multiplication by an Fq2 scalar.</summary>
    public static Fq6 operator *(Fq6 a, Fq2 s) { MulByFq2(a, s, out var r); return r; }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq6 operator -(Fq6 a) { Negate(a, out var r); return r; }

    /// <inheritdoc />
    public static bool operator ==(Fq6 a, Fq6 b) => a.C0 == b.C0 && a.C1 == b.C1 && a.C2 == b.C2;

    /// <inheritdoc />
    public static bool operator !=(Fq6 a, Fq6 b) => !(a == b);

    /// <inheritdoc />
    public Fq6 Square() { Square(this, out var r); return r; }

    /// <inheritdoc />
    public Fq6 Double() { Double(this, out var r); return r; }

    /// <summary>The inverse, by the adjugate over Fq2 and one Fq2 inversion (which is one Fq inversion).</summary>
    /// <exception cref="DivideByZeroException">This element is zero.</exception>
    public Fq6 Inverse()
    {
        if (IsZero) throw new DivideByZeroException("Fq6: zero has no inverse");
        // t0 = c0^2 - ξ c1 c2, t1 = ξ c2^2 - c0 c1, t2 = c1^2 - c0 c2; norm = c0 t0 + ξ (c2 t1 + c1 t2)
        Fq2.Mul(C1, C2, out var m);
        Fq2.MulByNonResidue(m, out m);
        Fq2.Square(C0, out var t0);
        Fq2.Sub(t0, m, out t0);

        Fq2.Square(C2, out var s);
        Fq2.MulByNonResidue(s, out s);
        Fq2.Mul(C0, C1, out m);
        Fq2.Sub(s, m, out var t1);

        Fq2.Square(C1, out s);
        Fq2.Mul(C0, C2, out m);
        Fq2.Sub(s, m, out var t2);

        Fq2.Mul(C2, t1, out var n);
        Fq2.Mul(C1, t2, out m);
        Fq2.Add(n, m, out n);
        Fq2.MulByNonResidue(n, out n);
        Fq2.Mul(C0, t0, out m);
        Fq2.Add(n, m, out n);

        var inv = n.Inverse();
        return new(t0 * inv, t1 * inv, t2 * inv);
    }

    /// <summary>This element to a non-negative integer power (square-and-multiply, variable-time in the exponent).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="exponent"/> is negative.</exception>
    public Fq6 Pow(System.Numerics.BigInteger exponent) => FieldPow.Pow(this, exponent);

    /// <summary>Uniformly random element (tests, benchmarks).</summary>
    public static Fq6 Random(Random rng) => new(Fq2.Random(rng), Fq2.Random(rng), Fq2.Random(rng));

    /// <inheritdoc />
    public bool Equals(Fq6 other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Fq6 o && this == o;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(C0, C1, C2);

    /// <summary>"(c0, c1, c2)" with each Fq2 coefficient as "(re, im)" in canonical decimal.</summary>
    public override string ToString() => $"({C0}, {C1}, {C2})";
}
