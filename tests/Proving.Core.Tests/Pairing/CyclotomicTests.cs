using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Proving.Core.Curves.Bn254;

namespace Proving.Core.Tests.Pairing;

public class CyclotomicTests
{
    /// <summary>f^((q^6 - 1)(q^2 + 1)) for a random f: a random element of the cyclotomic subgroup.</summary>
    internal static Fq12 RandomCyclotomic(Random rng)
    {
        var f = Fq12.Random(rng);
        var m = f.Conjugate() * f.Inverse();
        return m.Frobenius(2) * m;
    }

    private static Arbitrary<Fq12> Cyclotomic => Arb.From(Gen.Choose(0, int.MaxValue).Select(seed => RandomCyclotomic(new Random(seed))));

    [Fact]
    public void ElementsAfterTheEasyPartHaveOrderDividingPhi12OfQ()
    {
        var q = Fq.Modulus;
        var m = RandomCyclotomic(new Random(71));
        Assert.True(m.Pow(q * q * q * q - q * q + 1).IsOne);
    }

    [Fact]
    public void CyclotomicSquareEqualsSquare() =>
        Prop.ForAll(Cyclotomic, m => m.CyclotomicSquare() == m.Square() && m.Conjugate() == m.Inverse())
            .QuickCheckThrowOnFailure();

    [Fact]
    public void ExponentiationByTheBnParameterEqualsPow()
    {
        var rng = new Random(72);
        for (int i = 0; i < 5; i++)
        {
            var m = RandomCyclotomic(rng);
            Assert.Equal(m.Pow(Fq12.BnParameter), m.CyclotomicExpByBnParameter());
            var e = new BigInteger(rng.NextInt64()) << 64 | (ulong)rng.NextInt64();
            Assert.Equal(m.Pow(e), m.CyclotomicPow(e));
        }
        Assert.True(Fq12.One.CyclotomicExpByBnParameter().IsOne);
    }

    [Fact]
    public void WidthWNonAdjacentFormsRecomposeAndHaveTheirShape()
    {
        var rng = new Random(73);
        UInt128[] fixedValues = [1, 2, 3, 7, Fq12.BnParameter, 6 * (UInt128)Fq12.BnParameter + 2, UInt128.MaxValue >> 2];
        var values = fixedValues.Concat(Enumerable.Range(0, 200).Select(_ => new UInt128((ulong)rng.NextInt64() >> 3, (ulong)rng.NextInt64())));
        foreach (var n in values)
            for (int w = 2; w <= 6; w++)
            {
                var digits = PairingConstants.NonAdjacentForm(n, w);
                BigInteger sum = 0;
                for (int i = digits.Length - 1; i >= 0; i--) sum = 2 * sum + digits[i];
                Assert.Equal((BigInteger)n, sum);
                Assert.True(digits[^1] > 0);
                for (int i = 0; i < digits.Length; i++)
                {
                    if (digits[i] == 0) continue;
                    Assert.True((digits[i] & 1) != 0 && Math.Abs(digits[i]) < 1 << (w - 1));
                    for (int j = i + 1; j < Math.Min(i + w, digits.Length); j++) Assert.Equal(0, digits[j]);
                }
            }
        Assert.Empty(PairingConstants.NonAdjacentForm(0));
        Assert.Equal(22, PairingConstants.AteLoopNaf.Count(d => d != 0));
    }

    [Fact]
    public void BnParameterGeneratesTheCurvePrimes()
    {
        var x = new BigInteger(Fq12.BnParameter);
        Assert.Equal(Fq.Modulus, 36 * BigInteger.Pow(x, 4) + 36 * BigInteger.Pow(x, 3) + 24 * x * x + 6 * x + 1);
        Assert.Equal(Fr.Modulus, 36 * BigInteger.Pow(x, 4) + 36 * BigInteger.Pow(x, 3) + 18 * x * x + 6 * x + 1);
    }
}
