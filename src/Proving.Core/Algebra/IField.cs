namespace Proving.Core.Algebra;

/// <summary>
/// A finite field whose elements are value types. Algorithms (NTT, MSM, towers) are written once against
/// this interface with a struct type argument, so the JIT specialises them per field with no virtual calls.
/// </summary>
/// <typeparam name="T">The element type (e.g. <c>Fr</c>, <c>Fq</c>, <c>Fq2</c>).</typeparam>
public interface IField<T> : IEquatable<T> where T : struct, IField<T>
{
    /// <summary>The additive identity.</summary>
    static abstract T Zero { get; }

    /// <summary>The multiplicative identity.</summary>
    static abstract T One { get; }

    /// <summary>True for the additive identity.</summary>
    bool IsZero { get; }

    /// <summary>True for the multiplicative identity.</summary>
    bool IsOne { get; }

    /// <summary>Field addition.</summary>
    static abstract T operator +(T a, T b);

    /// <summary>Field subtraction.</summary>
    static abstract T operator -(T a, T b);

    /// <summary>Field multiplication.</summary>
    static abstract T operator *(T a, T b);

    /// <summary>Additive inverse.</summary>
    static abstract T operator -(T a);

    /// <summary>Equality of field elements.</summary>
    static abstract bool operator ==(T a, T b);

    /// <summary>Inequality of field elements.</summary>
    static abstract bool operator !=(T a, T b);

    /// <summary>This element squared (cheaper than a multiplication).</summary>
    T Square();

    /// <summary>This element times two.</summary>
    T Double();

    /// <summary>The multiplicative inverse.</summary>
    /// <exception cref="DivideByZeroException">The element is zero.</exception>
    T Inverse();

    /// <summary>A uniformly random element drawn from <paramref name="rng"/> (for tests and benchmarks; use a
    /// cryptographic generator where secrecy matters).</summary>
    static abstract T Random(Random rng);
}

/// <summary>A prime field F_p whose elements have a canonical integer representative in [0, p).</summary>
/// <typeparam name="T">The element type.</typeparam>
public interface IPrimeField<T> : IField<T> where T : struct, IPrimeField<T>
{
    /// <summary>The prime modulus p.</summary>
    static abstract System.Numerics.BigInteger Modulus { get; }

    /// <summary>Length in bytes of the canonical encoding.</summary>
    static abstract int ByteLength { get; }

    /// <summary>The element with canonical representative <paramref name="value"/>.</summary>
    static abstract T FromUInt64(ulong value);

    /// <summary>The element with canonical value <paramref name="value"/>.</summary>
    /// <exception cref="NonCanonicalEncodingException"><paramref name="value"/> is negative or &gt;= p.</exception>
    static abstract T FromBigInteger(System.Numerics.BigInteger value);

    /// <summary>The element <paramref name="value"/> mod p (any integer, negative values included).</summary>
    static abstract T FromBigIntegerReduced(System.Numerics.BigInteger value);

    /// <summary>The canonical representative in [0, p).</summary>
    System.Numerics.BigInteger ToBigInteger();
}

/// <summary>A prime field whose multiplicative group has a large power-of-two subgroup (for radix-2 NTTs).</summary>
/// <typeparam name="T">The element type.</typeparam>
public interface ITwoAdicField<T> : IPrimeField<T> where T : struct, ITwoAdicField<T>
{
    /// <summary>The largest s with 2^s dividing p - 1.</summary>
    static abstract int TwoAdicity { get; }

    /// <summary>A primitive 2^<paramref name="logN"/>-th root of unity, 0 &lt;= logN &lt;= TwoAdicity.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="logN"/> is outside [0, TwoAdicity].</exception>
    static abstract T RootOfUnity(int logN);

    /// <summary>A generator of the multiplicative group (used as the default coset shift).</summary>
    static abstract T MultiplicativeGenerator { get; }
}
