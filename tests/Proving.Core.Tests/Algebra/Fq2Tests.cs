using System.Numerics;
using Proving.Core.Curves.Bn254;

namespace Proving.Core.Tests.Algebra;

public sealed class Fq2LawTests : FieldLawTests<Fq2> { }

public class Fq2Tests
{
    private static readonly BigInteger Q = Fq.Modulus;

    [Fact]
    public void MultiplicationMatchesBigIntegerComplexArithmetic()
    {
        var rng = new Random(21);
        for (int i = 0; i < 300; i++)
        {
            var a = Fq2.Random(rng);
            var b = Fq2.Random(rng);
            BigInteger a0 = a.C0.ToBigInteger(), a1 = a.C1.ToBigInteger(), b0 = b.C0.ToBigInteger(), b1 = b.C1.ToBigInteger();
            var p = a * b;
            Assert.Equal(Mod(a0 * b0 - a1 * b1), p.C0.ToBigInteger());
            Assert.Equal(Mod(a0 * b1 + a1 * b0), p.C1.ToBigInteger());
            var x = a;
            Fq2.MulByNonResidue(x, out x);
            Assert.Equal(a * Fq2.NonResidue, x);
            Assert.Equal(a.Conjugate(), a.Pow(Q));
        }
    }

    [Fact]
    public void SqrtFindsRootsOfSquaresAndRejectsNonSquares()
    {
        var rng = new Random(22);
        int nonSquares = 0;
        for (int i = 0; i < 100; i++)
        {
            var a = Fq2.Random(rng);
            Assert.True(a.Square().TrySqrt(out var r));
            Assert.True(r == a || r == -a);
            bool isSquare = a.Legendre() == 1;
            Assert.Equal(isSquare, a.TrySqrt(out var s));
            if (isSquare) Assert.Equal(a, s.Square()); else nonSquares++;
        }
        Assert.True(nonSquares > 20);
        // elements of Fq embedded in Fq2 are always squares there (u^2 = -1)
        Assert.True(new Fq2(-Fq.One, Fq.Zero).TrySqrt(out var i2) && i2.Square() == new Fq2(-Fq.One, Fq.Zero));
    }

    private static BigInteger Mod(BigInteger v) { v %= Q; return v.Sign < 0 ? v + Q : v; }
}
