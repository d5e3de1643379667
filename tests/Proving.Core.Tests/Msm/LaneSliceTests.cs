using FsCheck;
using FsCheck.Fluent;
using Proving.Core.Algebra;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;
using Proving.Core.Msm;
using V8 = Proving.Core.Algebra.MontgomeryVector8<Proving.Core.Curves.Bn254.FqModulus>;

namespace Proving.Core.Tests.Msm;

/// <summary>
/// Fixed-base preparation eight bases at a time (<see cref="LaneSlices"/>, <see cref="LaneJacobian{TL, TV}"/>) against
/// the scalar group operations: lane doubling against <c>TProj.Double</c> coordinate for coordinate (identity lanes, y = 0
/// and rescaled Z mixed into one vector), prepared points against the scalar preparation bit for bit (factors 2, 3, 255,
/// n = 0..40 and odd sizes, several worker counts, more than one block), and MSMs over them against the naive sum.
/// Without AVX-512 (DOTNET_EnableHWIntrinsic=0) the lane path must not apply, and the preparation and MSM checks run
/// the scalar fallback.
/// </summary>
public abstract unsafe class LaneSliceTests<TProj, TAff, TF>
    where TProj : struct, ICurveGroup<TProj, TAff, TF, Fr>
    where TAff : unmanaged, IAffinePoint<TAff, TF>
    where TF : unmanaged, IField<TF>
{
    private static TAff[] Points(int n, int seed) => MsmTests<TProj, TAff, TF>.Points(n, seed);

    private static TF NonZero(Random rng)
    {
        var v = TF.Random(rng);
        return v.IsZero ? TF.One : v;
    }

    /// <summary>Eight Jacobian triples: curve points with a random Z, identities (Z = 0, arbitrary X and Y) and
    /// off-curve triples with Y = 0, in random lanes.</summary>
    private static TProj[] Lanes(Random rng)
    {
        TProj.Multiply(TProj.Generator, Fr.Random(rng), out var p);
        var r = new TProj[8];
        for (int j = 0; j < 8; j++)
        {
            TProj.Add(p, TProj.Generator, out p);
            var l = NonZero(rng);
            var l2 = l.Square();
            r[j] = rng.Next(5) switch
            {
                0 => TProj.FromJacobianUnchecked(TF.Random(rng), TF.Random(rng), TF.Zero),
                1 => TProj.Identity,
                2 => TProj.FromJacobianUnchecked(TF.Random(rng), TF.Zero, NonZero(rng)),
                _ => TProj.FromJacobianUnchecked(p.X * l2, p.Y * l2 * l, p.Z * l),
            };
        }
        return r;
    }

    [Fact]
    public void LaneDoublingEqualsScalarDoublingInEveryLane() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            if (!V8.IsSupported) return !LaneSlices.Applies<TAff, TF>();
            var rng = new Random(seed);
            var points = Lanes(rng);
            int doublings = 1 + rng.Next(12);
            var c = new TF[3 * 8];
            for (int j = 0; j < 8; j++) (c[j], c[8 + j], c[16 + j]) = (points[j].X, points[j].Y, points[j].Z);
            fixed (TF* pc = c)
            {
                if (typeof(TF) == typeof(Fq)) DoubleLanes<FqLanes, V8.Soa4>(pc, doublings);
                else DoubleLanes<Fq2Lanes, Fq2Lanes.Soa>(pc, doublings);
            }
            for (int j = 0; j < 8; j++)
            {
                var expected = points[j];
                for (int t = 0; t < doublings; t++) TProj.Double(expected, out expected);
                // The identity stays Z = 0 (the scalar code keeps X and Y; the lanes need not); all else bit for bit.
                bool same = expected.IsIdentity
                    ? c[16 + j].IsZero
                    : c[j] == expected.X && c[8 + j] == expected.Y && c[16 + j] == expected.Z;
                if (!same) return false;
            }
            return true;
        }).QuickCheckThrowOnFailure();

    /// <summary>X, Y, Z of eight points at c[0..7], c[8..15], c[16..23], doubled in place in lane form.</summary>
    private static void DoubleLanes<TL, TV>(TF* c, int doublings)
        where TL : struct, ILaneField<TV>
        where TV : unmanaged
    {
        TV x = TL.Load(c), y = TL.Load(c + 8), z = TL.Load(c + 16);
        for (int t = 0; t < doublings; t++) LaneJacobian<TL, TV>.Double(ref x, ref y, ref z);
        TL.Store(c, x);
        TL.Store(c + 8, y);
        TL.Store(c + 16, z);
    }

    [Fact]
    public void LanePathAppliesToG1AndG2WhereAvx512Runs()
    {
        Assert.Equal(V8.IsSupported, LaneSlices.Applies<TAff, TF>());
        Assert.False(LaneSlices.Applies<G1Affine, Fq2>());
        Assert.False(LaneSlices.Applies<G2Affine, Fq>());
    }

    private static void AssertSamePoints(ReadOnlySpan<TAff> expected, ReadOnlySpan<TAff> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.True(e.IsInfinity == a.IsInfinity && e.X == a.X && e.Y == a.Y, $"{what}: point {i}");
        }
    }

    [Fact]
    public void PreparedBasesEqualTheScalarPreparation()
    {
        foreach (int n in Enumerable.Range(0, 41).Concat([63, 65, 100, 257]))
        {
            var b = Points(n, 500 + n);
            foreach (int f in new[] { 2, 3, MsmConfig.MaxPrecomputeFactor })
            {
                var cfg = new MsmConfig { PrecomputeFactor = f };
                var scalar = CpuMsm.PrepareBases<TProj, TAff, TF>(b, cfg, lanes: false);
                var lanes = CpuMsm.PrepareBases<TProj, TAff, TF>(b, cfg, lanes: true);
                Assert.Equal((scalar.PrecomputeFactor, scalar.WindowBits, scalar.WindowsPerSlice), (lanes.PrecomputeFactor, lanes.WindowBits, lanes.WindowsPerSlice));
                AssertSamePoints(scalar.Points, lanes.Points, $"n = {n}, factor {f}");
            }
        }
    }

    [Fact]
    public void SlicesAgreeForAnyShiftWorkerCountAndBlockBoundary()
    {
        var rng = new Random(41);
        // 2061 points: more than one block of 2048 for one worker, a partial last group of eight.
        foreach (int n in new[] { 1, 7, 8, 9, 129, 2061 })
        {
            var b = Points(n, 600 + n);
            foreach (int degree in new[] { 1, 2, 3 })
            {
                int slices = 2 + rng.Next(3), shift = n > 1000 ? 2 : 1 + rng.Next(16);
                var scalar = PrecomputedPippenger.BuildSlices<TProj, TAff, TF>(b, slices, shift, degree, lanes: false);
                var lanes = PrecomputedPippenger.BuildSlices<TProj, TAff, TF>(b, slices, shift, degree, lanes: true);
                AssertSamePoints(scalar, lanes, $"n = {n}, {slices} slices, shift {shift}, {degree} workers");
            }
        }
        // Infinity everywhere, and the largest shift one factor-2 preparation asks for.
        var inf = Enumerable.Repeat(TAff.Infinity, 19).ToArray();
        Assert.All(PrecomputedPippenger.BuildSlices<TProj, TAff, TF>(inf, 3, 5, 2), p => Assert.True(p.IsInfinity));
        var few = Points(11, 7);
        AssertSamePoints(PrecomputedPippenger.BuildSlices<TProj, TAff, TF>(few, 2, 128, 1, lanes: false),
            PrecomputedPippenger.BuildSlices<TProj, TAff, TF>(few, 2, 128, 1), "shift 128");
    }

    [Fact]
    public void MsmOverLanePreparedBasesEqualsNaive()
    {
        var rng = new Random(43);
        foreach (int n in new[] { 1, 5, 9, 23, 47 })
        {
            var b = Points(n, 700 + n);
            var s = Enumerable.Range(0, n).Select(i => i % 5 == 0 ? Fr.Zero : i % 7 == 0 ? -Fr.One : Fr.Random(rng)).ToArray();
            var expected = NaiveMsm.Compute<TProj, TAff, TF>(b, s);
            foreach (int f in new[] { 2, 3, MsmConfig.MaxPrecomputeFactor })
                foreach (int c in new[] { 0, 3, 11 })
                {
                    var prepared = CpuMsm.PrepareBases<TProj, TAff, TF>(b, new MsmConfig { PrecomputeFactor = f, WindowBits = c }, lanes: true);
                    Assert.True(expected == CpuMsm.Compute<TProj, TAff, TF>(prepared, s), $"n = {n}, factor {f}, c = {c}");
                }
        }
    }
}

/// <summary><see cref="LaneSliceTests{TProj, TAff, TF}"/> on G1 (Fq lanes).</summary>
public class G1LaneSliceTests : LaneSliceTests<G1Projective, G1Affine, Fq>;

/// <summary><see cref="LaneSliceTests{TProj, TAff, TF}"/> on G2 (Fq2 lanes).</summary>
public class G2LaneSliceTests : LaneSliceTests<G2Projective, G2Affine, Fq2>;
