using System.Numerics;
using Proving.Core.Curves.Bn254;
using static Proving.Core.Tests.Pairing.PairingTestPoints;

namespace Proving.Core.Tests.Pairing;

public class PairingTests
{
    private static readonly BigInteger Q = Fq.Modulus;
    private static readonly BigInteger R = Fr.Modulus;
    private static readonly G1Affine P1 = G1Affine.Generator;
    private static readonly G2Affine Q2 = G2Affine.Generator;

    [Fact]
    public void FinalExponentiationEqualsTheNaivePower()
    {
        var exponent = (BigInteger.Pow(Q, 12) - 1) / R;
        var f = Proving.Core.Curves.Bn254.Pairing.MillerLoop(P1, Q2);
        Assert.Equal(f.Pow(exponent), Proving.Core.Curves.Bn254.Pairing.FinalExponentiation(f));
        var g = Fq12.Random(new Random(81));
        Assert.Equal(g.Pow(exponent), Proving.Core.Curves.Bn254.Pairing.FinalExponentiation(g));
        Assert.Throws<ArgumentException>(() => Proving.Core.Curves.Bn254.Pairing.FinalExponentiation(Fq12.Zero));
    }

    [Fact]
    public void GeneratorPairingIsNonDegenerateOfOrderR()
    {
        var e = Proving.Core.Curves.Bn254.Pairing.Pair(P1, Q2);
        Assert.False(e.IsOne);
        Assert.True(e.CyclotomicPow(R).IsOne);
    }
}
