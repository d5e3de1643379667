using System.Numerics;
using Proving.Core.Curves.Bn254;
using static Proving.Core.Tests.Curves.CurveTestPoints;

namespace Proving.Core.Tests.Curves;

public class G1Tests
{
    [Fact]
    public void GlvConstantsAreCubeRootsOfUnityThatMatch()
    {
        var beta = G1Glv.Beta;
        Assert.True(beta.Pow(3).IsOne && !beta.IsOne);
        var lambda = G1Glv.Lambda;
        Assert.Equal(BigInteger.Zero, (lambda * lambda + lambda + 1) % R);
        var rng = new Random(31);
        for (int i = 0; i < 20; i++)
        {
            var p = G1Projective.Generator * Fr.Random(rng);
            Assert.True(G1Glv.Endomorphism(p, beta) == p.MultiplyWnaf(lambda));
        }
    }

    [Fact]
    public void GlvDecompositionIsShortAndExact()
    {
        var rng = new Random(32);
        var edge = new[] { BigInteger.Zero, BigInteger.One, R - 1, R - 2, G1Glv.Lambda, R / 2, (BigInteger.One << 128) - 1 };
        foreach (var k in edge.Concat(Enumerable.Range(0, 2000).Select(_ => Fr.Random(rng).ToBigInteger())))
        {
            G1Glv.Decompose(k, out var k1, out var k2);
            Assert.Equal(k, ((k1 + k2 * G1Glv.Lambda) % R + R) % R);
            Assert.True(BigInteger.Abs(k1).GetBitLength() <= 128 && BigInteger.Abs(k2).GetBitLength() <= 128, $"k = {k}: k1 = {k1}, k2 = {k2}");
        }
    }

    [Fact]
    public void GlvMultiplicationMatchesWnafAndDoubleAndAdd()
    {
        var rng = new Random(33);
        for (int i = 0; i < 100; i++)
        {
            var p = G1Projective.Generator * Fr.Random(rng);
            var k = Fr.Random(rng);
            var expected = p.MultiplyWnaf(k.ToBigInteger());
            Assert.True(p * k == expected);
            if (i < 10) Assert.True(NaiveMultiply<G1Projective, G1Affine, Fq>(p, k.ToBigInteger()) == expected);
        }
    }

    [Fact]
    public void BigIntegerScalarsAreNotReducedButAgree()
    {
        var rng = new Random(34);
        var p = G1Projective.Generator * Fr.Random(rng);
        var k = Fr.Random(rng).ToBigInteger();
        Assert.True(p.Multiply(k) == p.Multiply(k + R));
        Assert.True(p.Multiply(k + 5 * R) == p.Multiply(k));
        Assert.True(p.Multiply(-k) == -p.Multiply(k));
        Assert.True(p.Multiply(R).IsIdentity);
        Assert.True(p.Multiply((BigInteger.One << 256) - 1) == p.Multiply(((BigInteger.One << 256) - 1) % R));
        Assert.True(p.Multiply(0).IsIdentity);
    }

    [Fact]
    public void SharedVectorsMultiply()
    {
        int n = 0;
        foreach (var v in SharedVectors.Root.GetProperty("g1_mul").EnumerateArray())
        {
            var k = Fr.FromBigInteger(SharedVectors.Dec(v.GetProperty("k")));
            var point = G1Of(v.GetProperty("point"));
            var scalar = Fr.FromBigInteger(SharedVectors.Dec(v.GetProperty("scalar")));
            var product = G1Of(v.GetProperty("product"));
            Assert.Equal(point, (G1Projective.Generator * k).ToAffine());
            Assert.Equal(product, (point.ToProjective() * scalar).ToAffine());
            Assert.Equal(product, point.ToProjective().MultiplyWnaf(scalar.ToBigInteger()).ToAffine());
            n++;
        }
        Assert.Equal(32, n);
    }

    [Fact]
    public void SharedMsmVectorEqualsSumOfProducts()
    {
        var msm = SharedVectors.Root.GetProperty("msm_g1");
        var points = msm.GetProperty("points").EnumerateArray().Select(G1Of).ToArray();
        var scalars = msm.GetProperty("scalars").EnumerateArray().Select(s => Fr.FromBigInteger(SharedVectors.Dec(s))).ToArray();
        Assert.Equal(msm.GetProperty("n").GetInt32(), points.Length);
        Assert.Equal(points.Length, scalars.Length);
        var acc = G1Projective.Identity;
        for (int i = 0; i < points.Length; i++) acc += points[i].ToProjective() * scalars[i];
        Assert.Equal(G1Of(msm.GetProperty("result")), acc.ToAffine());
    }

    [Fact]
    public void JacobianFactoryChecksTheCurve()
    {
        var g = G1Projective.Generator * Fr.FromUInt64(7);
        Assert.True(G1Projective.FromJacobian(g.X, g.Y, g.Z) == g);
        Assert.True(G1Projective.FromJacobian(Fq.One, Fq.One, Fq.Zero).IsIdentity);
        Assert.Throws<Proving.Core.Algebra.NonCanonicalEncodingException>(() => G1Projective.FromJacobian(g.X, g.Y + Fq.One, g.Z));
    }
}
