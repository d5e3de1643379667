using System.Numerics;
using Proving.Core.Algebra;
using Proving.Core.Curves.Bn254;
using Proving.Core.Tests.Algebra;

namespace Proving.Core.Tests.Pairing;

public sealed class Fq6LawTests : FieldLawTests<Fq6> { }

public sealed class Fq12LawTests : FieldLawTests<Fq12> { }

public class TowerTests
{
    private static readonly BigInteger Q = Fq.Modulus;
    private static readonly Fq2 Xi = Fq2.NonResidue;

    [Fact]
    public void Fq6MultiplicationMatchesSchoolbookPolynomialProductModuloVCubedMinusXi()
    {
        var rng = new Random(61);
        for (int i = 0; i < 100; i++)
        {
            var a = Fq6.Random(rng);
            var b = Fq6.Random(rng);
            // (a0 + a1 v + a2 v^2)(b0 + b1 v + b2 v^2) with v^3 = ξ, v^4 = ξ v
            var c0 = a.C0 * b.C0 + Xi * (a.C1 * b.C2 + a.C2 * b.C1);
            var c1 = a.C0 * b.C1 + a.C1 * b.C0 + Xi * (a.C2 * b.C2);
            var c2 = a.C0 * b.C2 + a.C1 * b.C1 + a.C2 * b.C0;
            Assert.Equal(new Fq6(c0, c1, c2), a * b);
            Assert.Equal(a * a, a.Square());
            var v = new Fq6(Fq2.Zero, Fq2.One, Fq2.Zero);
            Fq6.MulByNonResidue(a, out var av);
            Assert.Equal(a * v, av);
            Fq6.MulBy01(a, b.C0, b.C1, out var sparse);
            Assert.Equal(a * new Fq6(b.C0, b.C1, Fq2.Zero), sparse);
            Assert.Equal(a * new Fq6(b.C0, Fq2.Zero, Fq2.Zero), a * b.C0);
        }
        // v^3 = ξ
        var vv = new Fq6(Fq2.Zero, Fq2.One, Fq2.Zero);
        Assert.Equal(new Fq6(Xi, Fq2.Zero, Fq2.Zero), vv * vv * vv);
    }

    [Fact]
    public void Fq12MultiplicationMatchesSchoolbookOverFq6()
    {
        var rng = new Random(62);
        var v = new Fq6(Fq2.Zero, Fq2.One, Fq2.Zero);
        for (int i = 0; i < 100; i++)
        {
            var a = Fq12.Random(rng);
            var b = Fq12.Random(rng);
            var expected = new Fq12(a.C0 * b.C0 + a.C1 * b.C1 * v, a.C0 * b.C1 + a.C1 * b.C0);
            Assert.Equal(expected, a * b);
            Assert.Equal(a * a, a.Square());
        }
        // w^2 = v and w^6 = ξ
        var w = new Fq12(Fq6.Zero, Fq6.One);
        Assert.Equal(new Fq12(v, Fq6.Zero), w * w);
        Assert.Equal(new Fq12(new Fq6(Xi, Fq2.Zero, Fq2.Zero), Fq6.Zero), w.Pow(6));
    }

    [Fact]
    public void SparseLineProductEqualsFullProduct()
    {
        var rng = new Random(63);
        for (int i = 0; i < 100; i++)
        {
            var f = Fq12.Random(rng);
            Fq2 a = Fq2.Random(rng), b = Fq2.Random(rng), c = Fq2.Random(rng);
            var line = new Fq12(new Fq6(a, Fq2.Zero, Fq2.Zero), new Fq6(b, c, Fq2.Zero)); // a + b w + c w^3
            Fq12.MulBy034(f, a, b, c, out var r);
            Assert.Equal(f * line, r);
            Fq12.MulBy034(f, a, b, c, out f); // aliasing
            Assert.Equal(r, f);
        }
    }

    [Fact]
    public void FrobeniusMapsEqualPowersOfQ()
    {
        var rng = new Random(64);
        for (int i = 0; i < 3; i++)
        {
            var a6 = Fq6.Random(rng);
            var a12 = Fq12.Random(rng);
            for (int k = 1; k <= 3; k++)
            {
                var qk = BigInteger.Pow(Q, k);
                Assert.Equal(a6.Pow(qk), a6.Frobenius(k));
                Assert.Equal(a12.Pow(qk), a12.Frobenius(k));
            }
            Assert.Equal(a12, a12.Frobenius(12));
            Assert.Equal(a12.Frobenius(6), a12.Conjugate());
            Assert.Equal(a12.Frobenius(1).Frobenius(5), a12.Frobenius(6));
            Assert.Equal(a6, a6.Frobenius(3).Frobenius(3));
        }
    }

    [Fact]
    public void InversesOfSubfieldAndEdgeElements()
    {
        Assert.Equal(Fq12.One, Fq12.One.Inverse());
        Assert.Equal(Fq6.One, Fq6.One.Inverse());
        var w = new Fq12(Fq6.Zero, Fq6.One);
        Assert.True((w * w.Inverse()).IsOne);
        var v = new Fq6(Fq2.Zero, Fq2.One, Fq2.Zero);
        Assert.True((v * v.Inverse()).IsOne);
        Assert.Throws<DivideByZeroException>(() => Fq12.Zero.Inverse());
        Assert.Throws<ArgumentOutOfRangeException>(() => Fq12.One.Pow(-1));
    }
}
