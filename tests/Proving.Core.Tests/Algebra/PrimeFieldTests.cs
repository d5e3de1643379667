using System.Numerics;
using Proving.Core.Algebra;

namespace Proving.Core.Tests.Algebra;

/// <summary>
/// Every prime-field operation against System.Numerics.BigInteger on random and edge inputs, and encodings
/// (the field laws are in FieldLawTests). Instantiated once per field (Fq, Fr).
/// </summary>
public abstract class PrimeFieldTests<T> where T : struct, IPrimeField<T>
{
    protected static readonly BigInteger P = T.Modulus;
    private const int RandomCases = 500;

    /// <summary>Edge values: 0, 1, 2, p-1, p-2, R mod p, R^2 mod p, limb boundaries.</summary>
    public static IEnumerable<BigInteger> EdgeValues()
    {
        var r = (BigInteger.One << 256) % P;
        yield return 0; yield return 1; yield return 2; yield return P - 1; yield return P - 2; yield return (P - 1) / 2;
        yield return r; yield return r * r % P; yield return r * r * r % P;
        foreach (var bits in new[] { 63, 64, 65, 127, 128, 129, 191, 192, 193, 253 })
        {
            yield return ((BigInteger.One << bits) - 1) % P;
            yield return (BigInteger.One << bits) % P;
        }
    }

    private static IEnumerable<(BigInteger A, BigInteger B)> Pairs()
    {
        var edges = EdgeValues().ToArray();
        foreach (var a in edges) foreach (var b in edges) yield return (a, b);
        var rng = new Random(1234);
        for (int i = 0; i < RandomCases; i++) yield return (T.Random(rng).ToBigInteger(), T.Random(rng).ToBigInteger());
    }

    private static T F(BigInteger v) => T.FromBigIntegerReduced(v);

    private static BigInteger Mod(BigInteger v) { v %= P; return v.Sign < 0 ? v + P : v; }

    [Fact]
    public void ArithmeticMatchesBigInteger()
    {
        foreach (var (a, b) in Pairs())
        {
            T fa = F(a), fb = F(b);
            Assert.Equal(Mod(a + b), (fa + fb).ToBigInteger());
            Assert.Equal(Mod(a - b), (fa - fb).ToBigInteger());
            Assert.Equal(Mod(a * b), (fa * fb).ToBigInteger());
            Assert.Equal(Mod(a * a), fa.Square().ToBigInteger());
            Assert.Equal(Mod(2 * a), fa.Double().ToBigInteger());
            Assert.Equal(Mod(-a), (-fa).ToBigInteger());
            if (!a.IsZero) Assert.Equal(BigInteger.ModPow(a, P - 2, P), fa.Inverse().ToBigInteger());
        }
    }

    [Fact]
    public void InverseOfZeroThrows() => Assert.Throws<DivideByZeroException>(() => T.Zero.Inverse());

    [Fact]
    public void BatchInversionMatchesSingleInversionsAndKeepsZeros()
    {
        var rng = new Random(7);
        var values = Enumerable.Range(0, 37).Select(i => i % 5 == 0 ? T.Zero : T.Random(rng)).ToArray();
        var expected = values.Select(v => v.IsZero ? T.Zero : v.Inverse()).ToArray();
        BatchInversion.InvertInPlace<T>(values);
        Assert.Equal(expected, values);
        BatchInversion.InvertInPlace<T>(Span<T>.Empty);
    }

    [Fact]
    public void CanonicalDecimalRoundTripsAndRejectsOutOfRange()
    {
        foreach (var v in EdgeValues())
        {
            var s = v.ToString();
            Assert.Equal(s, F(v).ToString());
            Assert.Equal(F(v), T.FromBigInteger(v));
        }
        Assert.Throws<NonCanonicalEncodingException>(() => T.FromBigInteger(P));
        Assert.Throws<NonCanonicalEncodingException>(() => T.FromBigInteger(-1));
        Assert.Equal(F(P - 1), T.FromBigIntegerReduced(-1));
        Assert.Equal(F(5), T.FromUInt64(5));
    }

}

/// <summary>Alias-safety and encodings, which use each field's static methods.</summary>
public abstract class PrimeFieldEncodingTests<T> where T : struct, IPrimeField<T>
{
    protected abstract T FromLe(ReadOnlySpan<byte> b);
    protected abstract T FromBe(ReadOnlySpan<byte> b);
    protected abstract T FromMontLe(ReadOnlySpan<byte> b);
    protected abstract byte[] ToLe(T v);
    protected abstract byte[] ToBe(T v);
    protected abstract void MulInPlace(ref T a, in T b);
    protected abstract bool TrySqrt(T a, out T root);
    protected abstract int Legendre(T a);

    [Fact]
    public void ByteEncodingsRoundTripAndRejectNonCanonical()
    {
        var rng = new Random(3);
        for (int i = 0; i < 200; i++)
        {
            var v = T.Random(rng);
            Assert.Equal(v, FromLe(ToLe(v)));
            Assert.Equal(v, FromBe(ToBe(v)));
            Assert.Equal(ToLe(v), ToBe(v).Reverse().ToArray());
        }
        foreach (var bad in new[] { T.Modulus, T.Modulus + 1, (BigInteger.One << 256) - 1 })
        {
            var le = bad.ToByteArray(isUnsigned: true, isBigEndian: false);
            Array.Resize(ref le, 32);
            Assert.Throws<NonCanonicalEncodingException>(() => FromLe(le));
            Assert.Throws<NonCanonicalEncodingException>(() => FromBe(le.Reverse().ToArray()));
            Assert.Throws<NonCanonicalEncodingException>(() => FromMontLe(le));
        }
        Assert.Throws<ArgumentException>(() => FromLe(new byte[31]));
        Assert.Throws<ArgumentException>(() => FromBe(new byte[33]));
    }

    [Fact]
    public void AliasedMultiplicationIsCorrect()
    {
        var rng = new Random(5);
        for (int i = 0; i < 100; i++)
        {
            var a = T.Random(rng);
            var expected = a * a;
            MulInPlace(ref a, a);
            Assert.Equal(expected, a);
        }
    }

    [Fact]
    public void SqrtAndLegendreAgreeWithEulerCriterion()
    {
        var rng = new Random(11);
        var p = T.Modulus;
        Assert.True(TrySqrt(T.Zero, out var z) && z.IsZero);
        Assert.Equal(0, Legendre(T.Zero));
        int squares = 0, nonSquares = 0;
        for (int i = 0; i < 200; i++)
        {
            var a = T.Random(rng);
            var euler = BigInteger.ModPow(a.ToBigInteger(), (p - 1) / 2, p);
            int expected = euler.IsOne ? 1 : -1;
            Assert.Equal(expected, Legendre(a));
            bool ok = TrySqrt(a, out var root);
            Assert.Equal(expected == 1, ok);
            if (ok) { Assert.Equal(a, root * root); squares++; } else nonSquares++;
            var sq = a * a;
            Assert.True(TrySqrt(sq, out var r2));
            Assert.True(r2 == a || r2 == -a);
        }
        Assert.True(squares > 50 && nonSquares > 50);
    }
}
