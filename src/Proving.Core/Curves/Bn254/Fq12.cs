using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Proving.Core.Algebra;

namespace Proving.Core.Curves.Bn254;

/// <summary>
/// An element c0 + c1·w of Fq12 = Fq6[w]/(w^2 - v), the target field of the BN254 pairing (the tower of EIP-197
/// implementations: Fq2 = Fq[u]/(u^2 + 1), Fq6 = Fq2[v]/(v^3 - (9 + u)), Fq12 = Fq6[w]/(w^2 - v)).
/// All arithmetic is constant-time (no branches on values) except <see cref="Pow"/>, which is variable-time in the
/// exponent, and equality tests.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly partial struct Fq12 : IField<Fq12>
{
    /// <summary>The coefficient of 1.</summary>
    public readonly Fq6 C0;

    /// <summary>The coefficient of w.</summary>
    public readonly Fq6 C1;

    /// <summary>Creates c0 + c1·w.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fq12(Fq6 c0, Fq6 c1) { C0 = c0; C1 = c1; }

    /// <summary>Zero.</summary>
    public static Fq12 Zero => default;

    /// <summary>One.</summary>
    public static Fq12 One => new(Fq6.One, Fq6.Zero);

    /// <inheritdoc />
    public bool IsZero => C0.IsZero && C1.IsZero;

    /// <inheritdoc />
    public bool IsOne => C0.IsOne && C1.IsZero;

    /// <summary>r = a + b (alias-safe).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in Fq12 a, in Fq12 b, out Fq12 r) { Fq6.Add(a.C0, b.C0, out var c0); Fq6.Add(a.C1, b.C1, out var c1); r = new(c0, c1); }

    /// <summary>r = a - b (alias-safe).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(in Fq12 a, in Fq12 b, out Fq12 r) { Fq6.Sub(a.C0, b.C0, out var c0); Fq6.Sub(a.C1, b.C1, out var c1); r = new(c0, c1); }

    /// <summary>r = a·b by Karatsuba: 3 Fq6 multiplications, 54 Fq multiplications (alias-safe).</summary>
    public static void Mul(in Fq12 a, in Fq12 b, out Fq12 r)
    {
        Fq6.Mul(a.C0, b.C0, out var v0);
        Fq6.Mul(a.C1, b.C1, out var v1);
        Fq6.Add(a.C0, a.C1, out var sa);
        Fq6.Add(b.C0, b.C1, out var sb);
        Fq6.Mul(sa, sb, out var c1);
        Fq6.Sub(c1, v0, out c1);
        Fq6.Sub(c1, v1, out c1);
        Fq6.MulByNonResidue(v1, out var c0);
        Fq6.Add(c0, v0, out c0);
        r = new(c0, c1);
    }

    /// <summary>r = a^2 by the complex method: 2 Fq6 multiplications, 36 Fq multiplications (alias-safe).</summary>
    public static void Square(in Fq12 a, out Fq12 r)
    {
        // (a0 + a1 w)^2 = (a0^2 + v a1^2) + 2 a0 a1 w, with a0^2 + v a1^2 = (a0 + a1)(a0 + v a1) - a0 a1 - v a0 a1.
        Fq6.Mul(a.C0, a.C1, out var ab);
        Fq6.Add(a.C0, a.C1, out var s);
        Fq6.MulByNonResidue(a.C1, out var t);
        Fq6.Add(t, a.C0, out t);
        Fq6.Mul(s, t, out var c0);
        Fq6.Sub(c0, ab, out c0);
        Fq6.MulByNonResidue(ab, out t);
        Fq6.Sub(c0, t, out c0);
        Fq6.Double(ab, out var c1);
        r = new(c0, c1);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq12 operator +(Fq12 a, Fq12 b) { Add(a, b, out var r); return r; }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq12 operator -(Fq12 a, Fq12 b) { Sub(a, b, out var r); return r; }

    /// <inheritdoc />
    public static Fq12 operator *(Fq12 a, Fq12 b) { Mul(a, b, out var r); return r; }

    /// <inheritdoc />
    public static Fq12 operator -(Fq12 a) => new(-a.C0, -a.C1);

    /// <inheritdoc />
    public static bool operator ==(Fq12 a, Fq12 b) => a.C0 == b.C0 && a.C1 == b.C1;

    /// <inheritdoc />
    public static bool operator !=(Fq12 a, Fq12 b) => !(a == b);

    /// <inheritdoc />
    public Fq12 Square() { Square(this, out var r); return r; }

    /// <inheritdoc />
    public Fq12 Double() => new(C0.Double(), C1.Double());

    /// <summary>The conjugate c0 - c1·w over Fq6, which equals x^(q^6). In the cyclotomic subgroup (where every
    /// pairing value lies) it is the inverse.</summary>
    public Fq12 Conjugate() => new(C0, -C1);

    /// <summary>The inverse: conjugate / (c0^2 - v·c1^2), one Fq6 inversion.</summary>
    /// <exception cref="DivideByZeroException">This element is zero.</exception>
    public Fq12 Inverse()
    {
        if (IsZero) throw new DivideByZeroException("Fq12: zero has no inverse");
        Fq6.Square(C0, out var n);
        Fq6.Square(C1, out var t);
        Fq6.MulByNonResidue(t, out t);
        Fq6.Sub(n, t, out n);
        var inv = n.Inverse();
        Fq6.Mul(C0, inv, out var c0);
        Fq6.Mul(C1, inv, out var c1);
        return new(c0, -c1);
    }

    /// <summary>This element to a non-negative integer power (square-and-multiply, variable-time in the exponent).
    /// A general-purpose operation; pairing values should use <see cref="CyclotomicPow"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="exponent"/> is negative.</exception>
    public Fq12 Pow(System.Numerics.BigInteger exponent) => FieldPow.Pow(this, exponent);

    /// <summary>Uniformly random element (tests, benchmarks).</summary>
    public static Fq12 Random(Random rng) => new(Fq6.Random(rng), Fq6.Random(rng));

    /// <inheritdoc />
    public bool Equals(Fq12 other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Fq12 o && this == o;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(C0, C1);

    /// <summary>"(c0, c1)" with each Fq6 coefficient in the form of <see cref="Fq6.ToString"/>.</summary>
    public override string ToString() => $"({C0}, {C1})";
}
