using System.Numerics;
using Proving.Core.Curves.Bn254;
using static Proving.Core.Tests.Curves.CurveTestPoints;

namespace Proving.Core.Tests.Curves;

public class G2Tests
{
    [Fact]
    public void SharedVectorsMultiply()
    {
        int n = 0;
        foreach (var v in SharedVectors.Root.GetProperty("g2_mul").EnumerateArray())
        {
            var k = Fr.FromBigInteger(SharedVectors.Dec(v.GetProperty("k")));
            var point = G2Of(v.GetProperty("point"));
            var scalar = Fr.FromBigInteger(SharedVectors.Dec(v.GetProperty("scalar")));
            var product = G2Of(v.GetProperty("product"));
            Assert.Equal(point, (G2Projective.Generator * k).ToAffine());
            Assert.Equal(product, (point.ToProjective() * scalar).ToAffine());
            Assert.True(point.IsInSubgroup && product.IsInSubgroup);
            n++;
        }
        Assert.Equal(8, n);
    }

    [Fact]
    public void PsiIsAnEndomorphismActingAsQOnG2()
    {
        var rng = new Random(41);
        for (int i = 0; i < 10; i++)
        {
            var a = G2Projective.Generator * Fr.Random(rng);
            var b = RandomTwistPoint(rng).ToProjective();
            Assert.True(G2Affine.Psi(a + b) == G2Affine.Psi(a) + G2Affine.Psi(b));
            Assert.True(G2Affine.Psi(b).ToAffine().IsOnCurve);
            Assert.True(G2Affine.Psi(a) == a.Multiply(Q % R));
        }
    }

    [Fact]
    public void FastSubgroupCheckAgreesWithOrderCheck()
    {
        var rng = new Random(42);
        int outside = 0;
        for (int i = 0; i < TestScale.Pick(40, 400); i++)
        {
            var twist = RandomTwistPoint(rng);
            bool byOrder = twist.IsInSubgroupByOrder;
            Assert.Equal(byOrder, twist.IsInSubgroup);
            if (!byOrder) outside++;
            // clearing the cofactor h = 2q - r lands in G2
            var cleared = twist.ToProjective().Multiply(2 * Q - R).ToAffine();
            Assert.True(cleared.IsInSubgroup && cleared.IsInSubgroupByOrder);
            // a subgroup point plus a non-subgroup point is outside
            var mixed = (RandomG2(rng).ToProjective() + twist.ToProjective()).ToAffine();
            Assert.Equal(mixed.IsInSubgroupByOrder, mixed.IsInSubgroup);
        }
        Assert.True(outside > 0);
        for (int i = 0; i < 20; i++)
        {
            var p = RandomG2(rng);
            Assert.True(p.IsInSubgroup && p.IsInSubgroupByOrder);
        }
        Assert.True(G2Affine.Infinity.IsInSubgroup && G2Affine.Generator.IsInSubgroup);
    }

    [Fact]
    public void CreateInSubgroupRejectsOffCurveAndOutsidePoints()
    {
        var rng = new Random(43);
        var twist = RandomTwistPoint(rng);
        Assert.Throws<Proving.Core.Algebra.NonCanonicalEncodingException>(() => G2Affine.CreateInSubgroup(twist.X, twist.Y));
        Assert.Throws<Proving.Core.Algebra.NonCanonicalEncodingException>(() => G2Affine.CreateInSubgroup(twist.X, twist.Y + Fq2.One));
        var g = G2Affine.Generator;
        Assert.Equal(g, G2Affine.CreateInSubgroup(g.X, g.Y));
    }

    [Fact]
    public void BigIntegerScalarsAreExactOutsideTheSubgroup()
    {
        var rng = new Random(44);
        var t = RandomTwistPoint(rng).ToProjective();
        Assert.False(t.Multiply(R).IsIdentity);
        Assert.True(t.Multiply(R) + t.Multiply(5) == t.Multiply(R + 5));
        Assert.True(t.Multiply(-3) == -(t + t + t));
        Assert.True(t.Multiply(2 * Q - R).Multiply(R).IsIdentity); // h·r annihilates the whole twist group
        var k = Fr.Random(rng);
        Assert.True(t.Multiply(k.ToBigInteger()) == NaiveMultiply<G2Projective, G2Affine, Fq2>(t, k.ToBigInteger()));
    }

    [Fact]
    public void PsiSplitMultiplicationMatchesPlainWnaf()
    {
        var rng = new Random(45);
        var scalars = new[] { Fr.Zero, Fr.One, -Fr.One, Fr.FromBigInteger(Q - R), Fr.FromBigInteger(Q - R) + Fr.One }
            .Concat(Enumerable.Range(0, 30).Select(_ => Fr.Random(rng)));
        foreach (var k in scalars)
        {
            var p = G2Projective.Generator * Fr.Random(rng);
            Assert.True(p * k == p.Multiply(k.ToBigInteger()), $"k = {k}");
        }
    }
}
