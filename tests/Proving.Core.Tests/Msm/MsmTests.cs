using Proving.Core.Algebra;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;
using Proving.Core.Msm;

namespace Proving.Core.Tests.Msm;

/// <summary>MSM checks shared by G1 and G2: the fast path against the naive sum of scalar multiplications and against
/// a textbook Pippenger, with the edge cases (zero scalars, infinity, repeated and opposite bases, tiny sizes).</summary>
public abstract partial class MsmTests<TProj, TAff, TF>
    where TProj : struct, ICurveGroup<TProj, TAff, TF, Fr>
    where TAff : unmanaged, IAffinePoint<TAff, TF>
    where TF : unmanaged, IField<TF>
{
    /// <summary>Largest n checked one by one against the naive oracle.</summary>
    protected abstract int NaiveUpTo { get; }

    /// <summary>Sizes checked against the textbook Pippenger.</summary>
    protected abstract int[] LargeSizes { get; }

    private static TProj Fast(ReadOnlySpan<TAff> b, ReadOnlySpan<Fr> s, MsmConfig? cfg = null) => CpuMsm.Compute<TProj, TAff, TF>(b, s, cfg);

    private static TProj Naive(ReadOnlySpan<TAff> b, ReadOnlySpan<Fr> s) => NaiveMsm.Compute<TProj, TAff, TF>(b, s);

    /// <summary>n points: a few random multiples of the generator, then running sums of them (cheap, all distinct),
    /// with infinity, repeats and negations sprinkled in.</summary>
    protected static TAff[] Points(int n, int seed, bool special = true)
    {
        var rng = new Random(seed);
        var seeds = new TProj[Math.Min(4, Math.Max(n, 1))];
        for (int i = 0; i < seeds.Length; i++) TProj.Multiply(TProj.Generator, Fr.Random(rng), out seeds[i]);
        var proj = new TProj[n];
        var p = TProj.Generator;
        for (int i = 0; i < n; i++)
        {
            TProj.Add(p, seeds[i % seeds.Length], out p);
            proj[i] = p;
        }
        var aff = new TAff[n];
        TProj.BatchNormalize(proj, aff);
        if (special)
            for (int i = 0; i < n; i++)
            {
                int kind = rng.Next(12);
                if (kind == 0) aff[i] = TAff.Infinity;
                else if (kind == 1 && i > 0) aff[i] = aff[rng.Next(i)];
                else if (kind == 2 && i > 0) aff[i] = aff[rng.Next(i)].Negate();
            }
        return aff;
    }

    protected static Fr[] Scalars(int n, int seed, bool special = true)
    {
        var rng = new Random(seed);
        var s = new Fr[n];
        for (int i = 0; i < n; i++)
        {
            int kind = special ? rng.Next(10) : 9;
            s[i] = kind switch
            {
                0 => Fr.Zero,
                1 => Fr.One,
                2 => -Fr.One,
                3 => Fr.FromUInt64((ulong)rng.Next(1 << 20)),
                _ => Fr.Random(rng),
            };
        }
        return s;
    }

    [Fact]
    public void EqualsNaiveForEverySmallN()
    {
        for (int n = 0; n <= NaiveUpTo; n++)
        {
            var b = Points(n, n);
            var s = Scalars(n, 1000 + n);
            Assert.True(Naive(b, s) == Fast(b, s), $"n = {n}");
        }
    }

    [Fact]
    public void EqualsTextbookPippengerOnLargerSizes()
    {
        foreach (int n in LargeSizes)
        {
            var b = Points(n, n);
            var s = Scalars(n, n + 1);
            Assert.True(SimplePippenger.Compute<TProj, TAff, TF>(b, s) == Fast(b, s), $"n = {n}");
        }
    }

    [Fact]
    public void EveryWindowWidthAndThreadCountAgrees()
    {
        var b = Points(300, 7);
        var s = Scalars(300, 8);
        var expected = Fast(b, s, new MsmConfig { Threads = 1 });
        for (int c = 1; c <= 13; c++)
            Assert.True(expected == Fast(b, s, new MsmConfig { WindowBits = c }), $"c = {c}");
        Assert.True(expected == Naive(b, s));
    }

    [Fact]
    public void DegenerateInputsGiveTheIdentityOrTheObviousSum()
    {
        var b = Points(40, 9, special: false);
        Assert.True(Fast(b, new Fr[40]).IsIdentity);
        var inf = Enumerable.Repeat(TAff.Infinity, 40).ToArray();
        Assert.True(Fast(inf, Scalars(40, 10)).IsIdentity);
        Assert.True(Fast([], []).IsIdentity);
        // k·P + k·(-P) cancels; P + P doubles; (r-1)·P = -P
        var k = Fr.Random(new Random(11));
        Assert.True(Fast([b[0], b[0].Negate()], [k, k]).IsIdentity);
        Assert.True(Fast([b[1], b[1]], [Fr.One, Fr.One]) == TProj.FromAffine(b[1]) + TProj.FromAffine(b[1]));
        Assert.True(Fast([b[2]], [-Fr.One]) == -TProj.FromAffine(b[2]));
        var same = Enumerable.Repeat(b[3], 500).ToArray();
        var ones = Enumerable.Repeat(Fr.One, 500).ToArray();
        Assert.True(Fast(same, ones) == TProj.FromAffine(b[3]) * Fr.FromUInt64(500));
    }

    [Fact]
    public void RejectsMismatchedLengthsAndBadConfig()
    {
        var b = Points(3, 12);
        Assert.Throws<ArgumentException>(() => Fast(b, new Fr[2]));
        Assert.Throws<ArgumentException>(() => Naive(b, new Fr[4]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MsmConfig { WindowBits = 21 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new MsmConfig { WindowBits = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new MsmConfig { Threads = -2 });
    }
}

public class G1MsmTests : MsmTests<G1Projective, G1Affine, Fq>
{
    protected override int NaiveUpTo => 100;

    protected override int[] LargeSizes => [1000, 4099, TestScale.Pick(1 << 13, 1 << 15) + 5];

    [Fact]
    public void MatchesTheSharedVector()
    {
        var v = SharedVectors.Root.GetProperty("msm_g1");
        var points = v.GetProperty("points").EnumerateArray()
            .Select(p => G1Affine.Create(Fq.FromBigInteger(SharedVectors.Dec(p.GetProperty("x"))), Fq.FromBigInteger(SharedVectors.Dec(p.GetProperty("y")))))
            .ToArray();
        var scalars = v.GetProperty("scalars").EnumerateArray().Select(s => Fr.FromBigInteger(SharedVectors.Dec(s))).ToArray();
        Assert.Equal(int.Parse(v.GetProperty("n").ToString()), points.Length);
        var r = v.GetProperty("result");
        var expected = G1Affine.Create(Fq.FromBigInteger(SharedVectors.Dec(r.GetProperty("x"))), Fq.FromBigInteger(SharedVectors.Dec(r.GetProperty("y"))));
        Assert.Equal(expected, CpuMsm.G1(points, scalars).ToAffine());
        Assert.Equal(expected, new CpuBackend().MsmG1(points, scalars, MsmConfig.Default).ToAffine());
        Assert.Equal(expected, NaiveMsm.G1(points, scalars).ToAffine());
    }
}

public class G2MsmTests : MsmTests<G2Projective, G2Affine, Fq2>
{
    protected override int NaiveUpTo => 40;

    protected override int[] LargeSizes => [777, TestScale.Pick(2053, 1 << 13)];
}
