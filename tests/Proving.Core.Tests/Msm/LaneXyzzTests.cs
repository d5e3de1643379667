using System.Runtime.Intrinsics;
using FsCheck;
using FsCheck.Fluent;
using Proving.Core.Algebra;
using Proving.Core.Curves.Bn254;
using Proving.Core.Msm;
using V8 = Proving.Core.Algebra.MontgomeryVector8<Proving.Core.Curves.Bn254.FqModulus>;

namespace Proving.Core.Tests.Msm;

/// <summary>
/// Eight-lane XYZZ additions (<see cref="LaneXyzz{TL, TV, TF}"/>) against the scalar <see cref="Xyzz{TF}"/> code, lane by
/// lane and coordinate by coordinate: random points, infinity on either side, absent affine addends, equal points in the
/// same and in different representations (doublings) and opposite points (cancellations), mixed in one vector. Without
/// AVX-512 (or under DOTNET_EnableHWIntrinsic=0) the accumulators must report the scalar reduction.
/// </summary>
public abstract unsafe class LaneXyzzTests<TProj, TAff, TF>
    where TProj : struct, ICurveGroup<TProj, TAff, TF, Fr>
    where TAff : unmanaged, IAffinePoint<TAff, TF>
    where TF : unmanaged, IField<TF>
{
    /// <summary>Kinds of lane: how the accumulator p and the addend relate.</summary>
    private enum Kind { Random, PInfinity, QInfinity, BothInfinity, Same, Equal, Opposite, FreshRandom }

    private const int Kinds = 8;

    /// <summary>Random multiples of the generator, made once (scalar multiplications dominate the test time otherwise).</summary>
    private static readonly TAff[] Pool = MakePool();

    private static TAff[] MakePool()
    {
        var rng = new Random(40);
        return Enumerable.Range(0, 48).Select(_ =>
        {
            TProj.Multiply(TProj.Generator, Fr.Random(rng), out var p);
            return p.ToAffine();
        }).ToArray();
    }

    private static TAff RandomPoint(Random rng) => Pool[rng.Next(Pool.Length)];

    private static Xyzz<TF> Sum(TAff a, TAff b)
    {
        var p = Xyzz<TF>.Infinity;
        Xyzz<TF>.AddAffine(ref p, a.X, a.Y);
        Xyzz<TF>.AddAffine(ref p, b.X, b.Y);
        return p;
    }

    private static Xyzz<TF> Single(TAff a)
    {
        var p = Xyzz<TF>.Infinity;
        Xyzz<TF>.AddAffine(ref p, a.X, a.Y);
        return p;
    }

    private static bool Same(in Xyzz<TF> a, in Xyzz<TF> b) => a.X == b.X && a.Y == b.Y && a.ZZ == b.ZZ && a.ZZZ == b.ZZZ;

    /// <summary>Lanes p and q of a full addition for the given kinds (XYZZ points with ZZ ≠ 1 where finite).</summary>
    private static (Xyzz<TF>[] P, Xyzz<TF>[] Q) FullCase(Kind[] kinds, Random rng)
    {
        var p = new Xyzz<TF>[8];
        var q = new Xyzz<TF>[8];
        for (int k = 0; k < 8; k++)
        {
            TAff a = RandomPoint(rng), b = RandomPoint(rng);
            (p[k], q[k]) = kinds[k] switch
            {
                Kind.PInfinity => (Xyzz<TF>.Infinity, Sum(a, b)),
                Kind.QInfinity => (Sum(a, b), Xyzz<TF>.Infinity),
                Kind.BothInfinity => (Xyzz<TF>.Infinity, Xyzz<TF>.Infinity),
                Kind.Same => (Sum(a, b), Sum(a, b)),
                Kind.Equal => (Sum(a, b), Sum(b, a)), // the same point, other coordinates
                Kind.Opposite => (Sum(a, b), Sum(b.Negate(), a.Negate())),
                Kind.FreshRandom => (Single(a), Single(b)),
                _ => (Sum(a, b), Sum(b, RandomPoint(rng))),
            };
        }
        return (p, q);
    }

    /// <summary>Runs the lane full addition on the lanes and checks every lane against <see cref="Xyzz{TF}.Add"/>.</summary>
    private static bool CheckFull(Xyzz<TF>[] p, Xyzz<TF>[] q) =>
        typeof(TF) == typeof(Fq) ? CheckFull<FqLanes, V8.Soa4>(p, q) : CheckFull<Fq2Lanes, Fq2Lanes.Soa>(p, q);

    private static bool CheckFull<TL, TV>(Xyzz<TF>[] p, Xyzz<TF>[] q)
        where TL : struct, ILaneField<TV>
        where TV : unmanaged
    {
        var result = new Xyzz<TF>[8];
        fixed (Xyzz<TF>* pp = p, pq = q, pr = result)
        {
            var lanes = LaneXyzz<TL, TV, TF>.Load(pp);
            LaneXyzz<TL, TV, TF>.Add(ref lanes, LaneXyzz<TL, TV, TF>.Load(pq));
            lanes.Store(pr);
        }
        for (int k = 0; k < 8; k++)
        {
            var e = p[k];
            Xyzz<TF>.Add(ref e, q[k]);
            if (!Same(e, result[k])) return false;
        }
        return true;
    }

    /// <summary>Lanes p, affine (x2, y2) and the present mask of a mixed addition for the given kinds.</summary>
    private static (Xyzz<TF>[] P, TF[] X, TF[] Y, ulong[] Present) MixedCase(Kind[] kinds, Random rng)
    {
        var p = new Xyzz<TF>[8];
        var x = new TF[8];
        var y = new TF[8];
        var present = new ulong[8];
        for (int k = 0; k < 8; k++)
        {
            TAff a = RandomPoint(rng), b = RandomPoint(rng), q = RandomPoint(rng);
            bool has = true;
            switch (kinds[k])
            {
                case Kind.PInfinity: p[k] = Xyzz<TF>.Infinity; break;
                case Kind.QInfinity: p[k] = Sum(a, b); has = false; break; // absent addend
                case Kind.BothInfinity: p[k] = Xyzz<TF>.Infinity; has = false; break;
                case Kind.Same: p[k] = Single(q); break; // ZZ = 1: 2q
                case Kind.Equal: p[k] = Sum(a, b); q = (TProj.FromAffine(a) + TProj.FromAffine(b)).ToAffine(); break;
                case Kind.Opposite: p[k] = Sum(a, b); q = (TProj.FromAffine(a) + TProj.FromAffine(b)).ToAffine().Negate(); break;
                case Kind.FreshRandom: p[k] = Single(a); break;
                default: p[k] = Sum(a, b); break;
            }
            // an absent lane carries garbage coordinates, which must not matter
            (x[k], y[k]) = has ? (q.X, q.Y) : (a.Y, b.X);
            present[k] = has ? ulong.MaxValue : 0;
        }
        return (p, x, y, present);
    }

    /// <summary>Runs the lane mixed addition and checks every lane against <see cref="Xyzz{TF}.AddAffine"/>.</summary>
    private static bool CheckMixed(Xyzz<TF>[] p, TF[] x, TF[] y, ulong[] present) =>
        typeof(TF) == typeof(Fq) ? CheckMixed<FqLanes, V8.Soa4>(p, x, y, present) : CheckMixed<Fq2Lanes, Fq2Lanes.Soa>(p, x, y, present);

    private static bool CheckMixed<TL, TV>(Xyzz<TF>[] p, TF[] x, TF[] y, ulong[] present)
        where TL : struct, ILaneField<TV>
        where TV : unmanaged
    {
        var result = new Xyzz<TF>[8];
        fixed (Xyzz<TF>* pp = p, pr = result) fixed (TF* px = x, py = y) fixed (ulong* m = present)
        {
            var lanes = LaneXyzz<TL, TV, TF>.Load(pp);
            LaneXyzz<TL, TV, TF>.AddAffine(ref lanes, TL.Load(px), TL.Load(py), Vector512.Load(m));
            lanes.Store(pr);
        }
        for (int k = 0; k < 8; k++)
        {
            var e = p[k];
            if (present[k] != 0) Xyzz<TF>.AddAffine(ref e, x[k], y[k]);
            if (!Same(e, result[k])) return false;
        }
        return true;
    }

    private static Kind[] RandomKinds(Random rng) => Enumerable.Range(0, 8).Select(_ => (Kind)rng.Next(Kinds)).ToArray();

    [Fact]
    public void FullAdditionMatchesScalarInEveryKindOfLane()
    {
        if (!BucketReduction.LanesApply<TF>())
        {
            Assert.False(new XyzzBuckets<TAff, TF>(4, vectorReduce: true).VectorReduce);
            return;
        }
        var rng = new Random(41);
        // every lane of one kind, then every kind next to every other
        for (int kind = 0; kind < Kinds; kind++)
        {
            var (p, q) = FullCase(Enumerable.Repeat((Kind)kind, 8).ToArray(), rng);
            Assert.True(CheckFull(p, q), $"all lanes {(Kind)kind}");
        }
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var r = new Random(seed);
            var (p, q) = FullCase(RandomKinds(r), r);
            return CheckFull(p, q);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void MixedAdditionMatchesScalarInEveryKindOfLane()
    {
        if (!BucketReduction.LanesApply<TF>())
        {
            Assert.False(new BatchAffineBuckets<TAff, TF>(4, 64, vectorReduce: true).VectorReduce);
            return;
        }
        var rng = new Random(42);
        for (int kind = 0; kind < Kinds; kind++)
        {
            var (p, x, y, present) = MixedCase(Enumerable.Repeat((Kind)kind, 8).ToArray(), rng);
            Assert.True(CheckMixed(p, x, y, present), $"all lanes {(Kind)kind}");
        }
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var r = new Random(seed);
            var (p, x, y, present) = MixedCase(RandomKinds(r), r);
            return CheckMixed(p, x, y, present);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void LoadStoreAndInfinityRoundTrip()
    {
        if (!BucketReduction.LanesApply<TF>()) return;
        if (typeof(TF) == typeof(Fq)) RoundTrip<FqLanes, V8.Soa4>();
        else RoundTrip<Fq2Lanes, Fq2Lanes.Soa>();
    }

    private static void RoundTrip<TL, TV>()
        where TL : struct, ILaneField<TV>
        where TV : unmanaged
    {
        var rng = new Random(43);
        var (p, _) = FullCase(RandomKinds(rng), rng);
        var back = new Xyzz<TF>[8];
        var inf = new Xyzz<TF>[8];
        fixed (Xyzz<TF>* pp = p, pb = back, pi = inf)
        {
            LaneXyzz<TL, TV, TF>.Load(pp).Store(pb);
            LaneXyzz<TL, TV, TF>.Infinity.Store(pi);
        }
        for (int k = 0; k < 8; k++)
        {
            Assert.True(Same(p[k], back[k]));
            Assert.True(Same(Xyzz<TF>.Infinity, inf[k]));
        }
    }
}

public class G1LaneXyzzTests : LaneXyzzTests<G1Projective, G1Affine, Fq>;

public class G2LaneXyzzTests : LaneXyzzTests<G2Projective, G2Affine, Fq2>;
