using System.Numerics;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Proving.Core.Curves.Bn254;
using static Proving.Core.Tests.Curves.CurveTestPoints;
using E = Proving.Core.Curves.Bn254.Pairing;

namespace Proving.Core.Tests.Pairing;

public class PairingTests
{
    private static readonly G1Affine P1 = G1Affine.Generator;
    private static readonly G2Affine Q2 = G2Affine.Generator;
    private static readonly Fq12 Base = E.Pair(P1, Q2);

    private static JsonElement Vectors(string name) => SharedVectors.Root.GetProperty(name);

    private static G1Affine Mul(G1Affine p, BigInteger k) => (G1Projective.FromAffine(p) * Fr.FromBigIntegerReduced(k)).ToAffine();

    private static Arbitrary<Fr> Scalars => Arb.From(Gen.Choose(0, int.MaxValue).Select(seed => Fr.Random(new Random(seed))));

    [Fact]
    public void FinalExponentiationEqualsTheNaivePower()
    {
        var exponent = (BigInteger.Pow(Q, 12) - 1) / R;
        var f = E.MillerLoop(P1, Q2);
        Assert.Equal(f.Pow(exponent), E.FinalExponentiation(f));
        var g = Fq12.Random(new Random(81));
        Assert.Equal(g.Pow(exponent), E.FinalExponentiation(g));
        Assert.Throws<ArgumentException>(() => E.FinalExponentiation(Fq12.Zero));
    }

    [Fact]
    public void GeneratorPairingIsNonDegenerateOfOrderR()
    {
        Assert.False(Base.IsOne);
        Assert.True(Base.CyclotomicPow(R).IsOne);
    }

    [Fact]
    public void SharedVectorPairingChecksHold()
    {
        foreach (var v in Vectors("pairing_checks").EnumerateArray())
        {
            Assert.True(v.GetProperty("expected").GetBoolean());
            var (p, q, ap, bq) = (G1Of(v.GetProperty("P")), G2Of(v.GetProperty("Q")), G1Of(v.GetProperty("aP")), G2Of(v.GetProperty("bQ")));
            BigInteger a = SharedVectors.Dec(v.GetProperty("a")), b = SharedVectors.Dec(v.GetProperty("b"));
            var e = E.Pair(p, q);
            Assert.Equal(e.CyclotomicPow(SharedVectors.Dec(v.GetProperty("exponent"))), E.Pair(ap, bq));
            // bilinearity in each argument separately
            Assert.Equal(e.CyclotomicPow(a), E.Pair(ap, q));
            Assert.Equal(e.CyclotomicPow(b), E.Pair(p, bq));
            // the same statement as a product check: e(aP, bQ)·e(-P, Q)^(ab) = 1, i.e. e(aP, bQ)·e(-(ab)P, Q) = 1
            var abP = Mul(p, a * b);
            Assert.True(E.Check([ap, -(abP)], [bq, q]));
        }
    }

    [Fact]
    public void SharedVectorNegativeChecksFail()
    {
        foreach (var v in Vectors("pairing_checks_negative").EnumerateArray())
        {
            Assert.False(v.GetProperty("expected").GetBoolean());
            var (p, q, ap, bq) = (G1Of(v.GetProperty("P")), G2Of(v.GetProperty("Q")), G1Of(v.GetProperty("aP")), G2Of(v.GetProperty("bQ")));
            var exponent = SharedVectors.Dec(v.GetProperty("exponent"));
            Assert.NotEqual(E.Pair(p, q).CyclotomicPow(exponent), E.Pair(ap, bq));
            Assert.False(E.Check([ap, -(Mul(p, exponent))], [bq, q]));
        }
    }

    [Fact]
    public void PairingOfGeneratorMultiplesFollowsTheScalars()
    {
        // g1_mul / g2_mul: point = k·G, product = scalar·point
        foreach (var v in Vectors("g1_mul").EnumerateArray().Take(4))
        {
            var k = SharedVectors.Dec(v.GetProperty("k"));
            var point = G1Of(v.GetProperty("point"));
            var e = E.Pair(point, Q2);
            Assert.Equal(Base.CyclotomicPow(k), e);
            Assert.Equal(e.CyclotomicPow(SharedVectors.Dec(v.GetProperty("scalar"))), E.Pair(G1Of(v.GetProperty("product")), Q2));
        }
        foreach (var v in Vectors("g2_mul").EnumerateArray().Take(4))
        {
            var k = SharedVectors.Dec(v.GetProperty("k"));
            var point = G2Of(v.GetProperty("point"));
            var e = E.Pair(P1, point);
            Assert.Equal(Base.CyclotomicPow(k), e);
            Assert.Equal(e.CyclotomicPow(SharedVectors.Dec(v.GetProperty("scalar"))), E.Pair(P1, G2Of(v.GetProperty("product"))));
        }
    }

    [Fact]
    public void BilinearityForRandomPointsAndScalars() =>
        Prop.ForAll(Scalars, Scalars, Scalars, (a, b, k) =>
        {
            // random P = k·G1: e(aP, b·G2) = e(P, G2)^(ab) and e(aP, G2)·e(bP, G2) = e((a + b)P, G2)
            var p = G1Projective.Generator * k;
            var q = G2Projective.Generator * b;
            var e = E.Pair(p.ToAffine(), Q2);
            var ap = (p * a).ToAffine();
            return E.Pair(ap, q.ToAffine()) == e.CyclotomicPow((a * b).ToBigInteger())
                && E.Pair(ap, Q2) * E.Pair((p * b).ToAffine(), Q2) == E.Pair((p * (a + b)).ToAffine(), Q2);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(TestScale.Pick(6, 50)));

    [Fact]
    public void NegationInvertsThePairing()
    {
        var q = G2Of(Vectors("g2_mul")[0].GetProperty("point"));
        var p = G1Of(Vectors("g1_mul")[0].GetProperty("point"));
        var e = E.Pair(p, q);
        Assert.True((e * E.Pair(-(p), q)).IsOne);
        Assert.Equal(e.Conjugate(), E.Pair(p, -(q)));
        Assert.Equal(e, E.Pair(-(p), -(q)));
        Assert.True(E.Check([p, -(p)], [q, q]));
        Assert.False(E.Check([p, p], [q, q]));
    }

    [Fact]
    public void MultiPairEqualsTheProductOfPairsAndSkipsInfinity()
    {
        var g1 = Vectors("g1_mul").EnumerateArray().Take(3).Select(v => G1Of(v.GetProperty("point"))).ToArray();
        var g2 = Vectors("g2_mul").EnumerateArray().Take(3).Select(v => G2Of(v.GetProperty("point"))).ToArray();
        var product = E.Pair(g1[0], g2[0]) * E.Pair(g1[1], g2[1]) * E.Pair(g1[2], g2[2]);
        Assert.Equal(product, E.MultiPair(g1, g2));
        Assert.Equal(E.MillerLoop(g1[0], g2[0]) * E.MillerLoop(g1[1], g2[1]) * E.MillerLoop(g1[2], g2[2]), E.MillerLoop(g1, g2));

        G1Affine[] withInfinity = [g1[0], G1Affine.Infinity, g1[1], g1[2], g1[0]];
        G2Affine[] withInfinity2 = [g2[0], g2[1], g2[1], g2[2], G2Affine.Infinity];
        Assert.Equal(product, E.MultiPair(withInfinity, withInfinity2));

        Assert.True(E.Pair(G1Affine.Infinity, Q2).IsOne);
        Assert.True(E.Pair(P1, G2Affine.Infinity).IsOne);
        Assert.True(E.MultiPair([], []).IsOne);
        Assert.True(E.Check([], []));
        Assert.True(E.Check([G1Affine.Infinity], [G2Affine.Infinity]));
    }

    [Fact]
    public void CheckAcceptsAValidFourPairProductAndRejectsATamperedOne()
    {
        // Σ e(k_i·G1, m_i·Q_i) with m_i·Q_i from the vectors: e(m·A, Q)·e(-A, m·Q) = 1 for two (A, Q, m) triples
        var g1 = Vectors("g1_mul").EnumerateArray().Take(2).Select(v => G1Of(v.GetProperty("point"))).ToArray();
        var g2 = Vectors("g2_mul").EnumerateArray().Take(2).ToArray();
        var q = g2.Select(v => G2Of(v.GetProperty("point"))).ToArray();
        var mq = g2.Select(v => G2Of(v.GetProperty("product"))).ToArray();
        var m = g2.Select(v => SharedVectors.Dec(v.GetProperty("scalar"))).ToArray();
        G1Affine[] ps = [Mul(g1[0], m[0]), -(g1[0]), Mul(g1[1], m[1]), -(g1[1])];
        G2Affine[] qs = [q[0], mq[0], q[1], mq[1]];
        Assert.True(E.Check(ps, qs));
        Assert.True(E.MultiPair(ps, qs).IsOne);
        qs[3] = q[1];
        Assert.False(E.Check(ps, qs));
        ps[2] = Mul(g1[1], m[1] + 1);
        Assert.False(E.Check(ps, [q[0], mq[0], q[1], mq[1]]));
    }

    [Fact]
    public void TwistPointsOutsideG2GiveAValueNotACrash()
    {
        var outside = RandomTwistPoint(new Random(82));
        Assert.False(outside.IsInSubgroup);
        var e = E.Pair(P1, outside);
        Assert.True(e.CyclotomicPow(R).IsOne); // any final exponentiation output is an r-th root of unity
        Assert.False(E.Check([P1, -P1], [outside, Q2]));
    }

    [Fact]
    public void LengthMismatchIsAnArgumentException()
    {
        Assert.Throws<ArgumentException>(() => E.MultiPair([P1, P1], [Q2]));
        Assert.Throws<ArgumentException>(() => E.Check([P1], []));
        Assert.Throws<ArgumentException>(() => E.MillerLoop([], [Q2]));
    }
}
