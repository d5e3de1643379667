using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Proving.Core.Algebra;
using Proving.Core.Curves.Bn254;

namespace Proving.Core.Tests.Curves;

/// <summary>
/// Group laws and the projective machinery of a curve group as FsCheck properties, instantiated for G1 and G2.
/// Random points are k·G in Jacobian form (Z ≠ 1 after the multiplication), sometimes the identity.
/// </summary>
public abstract class CurveGroupLawTests<TP, TA, TF>
    where TP : struct, ICurveGroup<TP, TA, TF, Fr>
    where TA : struct, IAffinePoint<TA, TF>
    where TF : struct, IField<TF>
{
    private static TP RandomPoint(Random rng) => rng.Next(16) == 0 ? TP.Identity : TP.Generator * Fr.Random(rng);

    protected static Arbitrary<TP> Points => Arb.From(Gen.Choose(0, int.MaxValue).Select(s => RandomPoint(new Random(s))));

    protected static Arbitrary<Fr> Scalars => Arb.From(Gen.Choose(0, int.MaxValue).Select(s =>
    {
        var rng = new Random(s);
        return rng.Next(8) switch { 0 => Fr.Zero, 1 => Fr.One, 2 => -Fr.One, 3 => Fr.FromUInt64((ulong)rng.Next(1, 64)), _ => Fr.Random(rng) };
    }));

    protected static TP NaiveMultiply(TP p, BigInteger k) => CurveTestPoints.NaiveMultiply<TP, TA, TF>(p, k);

    /// <summary>The same point with its Jacobian coordinates rescaled by a random non-zero c: (c^2 X, c^3 Y, c Z).</summary>
    private static TP Rescale(TP p, TF c) => TP.FromJacobianUnchecked(p.X * c.Square(), p.Y * c.Square() * c, p.Z * c);

    [Fact]
    public void AdditionIsAssociativeAndCommutative() =>
        Prop.ForAll(Points, Points, Points, (a, b, c) => (a + b) + c == a + (b + c) && a + b == b + a)
            .QuickCheckThrowOnFailure();

    [Fact]
    public void IdentityAndInverseLawsHold() =>
        Prop.ForAll(Points, a => a + TP.Identity == a && TP.Identity + a == a && (a + (-a)).IsIdentity
                                 && (a - a).IsIdentity && -(-a) == a && (TP.Identity + TP.Identity).IsIdentity)
            .QuickCheckThrowOnFailure();

    [Fact]
    public void DoubleEqualsAddToSelf() =>
        Prop.ForAll(Points, a =>
        {
            TP.Double(a, out var d);
            return d == a + a && d.ToAffine().IsOnCurve;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void MixedAdditionEqualsAddition() =>
        Prop.ForAll(Points, Points, (a, b) =>
        {
            var bAff = b.ToAffine();
            TP.AddMixed(a, bAff, out var m1);
            TP.AddMixed(a, a.ToAffine(), out var m2); // doubling case
            TP.AddMixed(a, (-a).ToAffine(), out var m3); // inverse case
            TP.Double(a, out var d);
            return m1 == a + b && m2 == d && m3.IsIdentity && TP.FromAffine(bAff) == b;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void OperationsAreAliasSafe() =>
        Prop.ForAll(Points, Points, (a, b) =>
        {
            var sum = a + b;
            var x = a; TP.Add(x, b, out x);
            var y = b; TP.Add(a, y, out y);
            var z = a; TP.Add(z, z, out z);
            var w = a; TP.AddMixed(w, b.ToAffine(), out w);
            var d = a; TP.Double(d, out d);
            var n = a; TP.Negate(n, out n);
            return x == sum && y == sum && z == a + a && w == sum && d == a + a && n == -a;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void EqualityIsProjective() =>
        Prop.ForAll(Points, Points, Arb.From(Gen.Choose(0, int.MaxValue)), (a, b, s) =>
        {
            var c = TF.Random(new Random(s));
            if (c.IsZero) return true;
            var a2 = Rescale(a, c);
            return a2 == a && a2.Equals(a) && a2.GetHashCode() == a.GetHashCode() && (a == b) == (a.ToAffine().Equals(b.ToAffine()));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void ScalarMultiplicationIsLinear() =>
        Prop.ForAll(Points, Scalars, Scalars, (p, a, b) =>
            p * (a + b) == p * a + p * b && (p * b) * a == p * (a * b) && p * (-a) == -(p * a))
            .QuickCheckThrowOnFailure();

    [Fact]
    public void ScalarMultiplicationMatchesDoubleAndAdd() =>
        Prop.ForAll(Points, Scalars, (p, k) =>
        {
            TP.Multiply(p, k, out var r);
            return r == NaiveMultiply(p, k.ToBigInteger());
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void SmallScalarsAndEdgeScalars()
    {
        var g = TP.Generator;
        var acc = TP.Identity;
        for (int k = 0; k < 70; k++)
        {
            Assert.True(g * Fr.FromUInt64((ulong)k) == acc, $"k = {k}");
            acc += g;
        }
        Assert.True((g * Fr.Zero).IsIdentity);
        Assert.True(g * (-Fr.One) == -g);
        Assert.True((TP.Identity * Fr.Random(new Random(1))).IsIdentity);
        // (r - 1)·G + G = r·G = O
        Assert.True((g * (-Fr.One) + g).IsIdentity);
    }

    [Fact]
    public void BatchNormalizeMatchesToAffine()
    {
        var rng = new Random(9);
        var pts = Enumerable.Range(0, 33).Select(i => i % 7 == 3 ? TP.Identity : RandomPoint(rng)).ToArray();
        var affine = new TA[pts.Length];
        TP.BatchNormalize(pts, affine);
        for (int i = 0; i < pts.Length; i++)
        {
            Assert.Equal(pts[i].ToAffine(), affine[i]);
            Assert.Equal(pts[i].IsIdentity, affine[i].IsInfinity);
            Assert.True(affine[i].IsOnCurve);
            Assert.True(TP.FromAffine(affine[i]) == pts[i]);
        }
        TP.BatchNormalize(ReadOnlySpan<TP>.Empty, Span<TA>.Empty);
        Assert.Throws<ArgumentException>(() => TP.BatchNormalize(pts, new TA[pts.Length - 1]));
    }

    [Fact]
    public void AffineNegationAndInfinity()
    {
        var g = TA.Generator;
        Assert.True(g.IsOnCurve && !g.IsInfinity);
        Assert.True(TA.Infinity.IsInfinity && TA.Infinity.Negate().IsInfinity);
        Assert.True((TP.FromAffine(g) + TP.FromAffine(g.Negate())).IsIdentity);
        Assert.Equal(g, g.Negate().Negate());
        Assert.True(TP.Identity.ToAffine().IsInfinity);
        Assert.True(TP.FromAffine(TA.Infinity).IsIdentity);
    }
}

public sealed class G1GroupLawTests : CurveGroupLawTests<G1Projective, G1Affine, Fq> { }

public sealed class G2GroupLawTests : CurveGroupLawTests<G2Projective, G2Affine, Fq2> { }
