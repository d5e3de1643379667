using Proving.Core.Algebra;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;
using Proving.Core.Msm;

namespace Proving.Core.Tests.Msm;

/// <summary>MSM checks shared by G1 and G2: the fast path, plain and over bases prepared with fixed-base precomputation
/// (factors 1, 2, 3 and the maximum, one window per slice), against the naive sum of scalar multiplications and against
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

    /// <summary>The MSM over bases prepared with <paramref name="factor"/> (1: the plain path over the span).</summary>
    private static TProj Fast(int factor, TAff[] b, ReadOnlySpan<Fr> s, MsmConfig? cfg = null) =>
        factor == 1 ? Fast(b, s, cfg) : CpuMsm.Compute<TProj, TAff, TF>(Prepare(b, factor, cfg), s, cfg);

    private static MsmBases<TAff> Prepare(TAff[] b, int factor, MsmConfig? cfg = null) =>
        CpuMsm.Prepare<TProj, TAff, TF>(b, (cfg ?? MsmConfig.Default) with { PrecomputeFactor = factor });

    /// <summary>Precompute factors every check runs with: none, 2, 3 (W rarely a multiple) and one window per slice.</summary>
    private static readonly int[] FactorList = [1, 2, 3, MsmConfig.MaxPrecomputeFactor];

    /// <summary><see cref="FactorList"/> for [Theory]s.</summary>
    public static TheoryData<int> Factors => new(FactorList);

    private static TProj Naive(ReadOnlySpan<TAff> b, ReadOnlySpan<Fr> s) => NaiveMsm.Compute<TProj, TAff, TF>(b, s);

    /// <summary>n points: a few random multiples of the generator, then running sums of them (cheap, all distinct),
    /// with infinity, repeats and negations sprinkled in.</summary>
    internal static TAff[] Points(int n, int seed, bool special = true)
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
            var expected = Naive(b, s);
            foreach (int f in FactorList)
                Assert.True(expected == Fast(f, b, s), $"n = {n}, factor {f}");
        }
    }

    [Fact]
    public void EqualsTextbookPippengerOnLargerSizes()
    {
        foreach (int n in LargeSizes)
        {
            var b = Points(n, n);
            var s = Scalars(n, n + 1);
            var expected = SimplePippenger.Compute<TProj, TAff, TF>(b, s);
            Assert.True(expected == Fast(b, s), $"n = {n}");
            foreach (int f in new[] { 2, 4, MsmConfig.MaxPrecomputeFactor })
                Assert.True(expected == Fast(f, b, s), $"n = {n}, factor {f}");
        }
    }

    [Fact]
    public void PreparedBasesAgreeForEveryWindowWidthFactorAndThreadCount()
    {
        var b = Points(300, 17);
        var s = Scalars(300, 18);
        var expected = Fast(b, s, new MsmConfig { Threads = 1 });
        foreach (int c in new[] { 1, 2, 5, 8, 12 })
            foreach (int f in new[] { 2, 3, 7, MsmConfig.MaxPrecomputeFactor })
            {
                if (c == 1 && f > 3) continue; // 255 windows: slow, and covered by c = 1, f = 2, 3
                var prepared = Prepare(b, f, new MsmConfig { WindowBits = c });
                foreach (int threads in new[] { 1, 2, 3 })
                    Assert.True(expected == CpuMsm.Compute<TProj, TAff, TF>(prepared, s, new MsmConfig { Threads = threads }), $"c = {c}, factor {f}, {threads} threads");
            }
    }

    [Fact]
    public void PreparedBasesHoldTheShiftedMultiples()
    {
        var b = Points(50, 19);
        foreach (int f in new[] { 2, 3, 5, MsmConfig.MaxPrecomputeFactor })
        {
            var p = Prepare(b, f, new MsmConfig { WindowBits = 9 }); // W = 29 windows
            int windows = 254 / 9 + 1;
            Assert.Equal(9, p.WindowBits);
            Assert.Equal(50, p.Count);
            Assert.Equal((windows + f - 1) / f, p.WindowsPerSlice);
            Assert.InRange(p.PrecomputeFactor, 2, f);
            Assert.True(p.PrecomputeFactor * p.WindowsPerSlice >= windows && (p.PrecomputeFactor - 1) * p.WindowsPerSlice < windows);
            Assert.Equal(p.PrecomputeFactor * 50, p.Points.Length);
            Assert.Equal((long)p.Points.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<TAff>(), p.ByteSize);
            Assert.True(b.AsSpan().SequenceEqual(p.Bases.Span));
            var shift = Fr.FromBigInteger(System.Numerics.BigInteger.One << (9 * p.WindowsPerSlice));
            for (int i = 0; i < 50; i += 7)
            {
                var q = TProj.FromAffine(b[i]);
                for (int k = 0; k < p.PrecomputeFactor; k++, q *= shift)
                    Assert.True(TProj.FromAffine(p.Points[k * 50 + i]) == q, $"factor {f}, slice {k}, base {i}");
            }
        }
        var plain = Prepare(b, 1);
        Assert.Equal(1, plain.PrecomputeFactor);
        Assert.Equal(0, plain.WindowBits);
        Assert.Equal(50, plain.Points.Length);
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

    [Theory, MemberData(nameof(Factors))]
    public void DegenerateInputsGiveTheIdentityOrTheObviousSum(int f)
    {
        var b = Points(40, 9, special: false);
        Assert.True(Fast(f, b, new Fr[40]).IsIdentity);
        var inf = Enumerable.Repeat(TAff.Infinity, 40).ToArray();
        Assert.True(Fast(f, inf, Scalars(40, 10)).IsIdentity);
        Assert.True(Fast(f, [], []).IsIdentity);
        // k·P + k·(-P) cancels; P + P doubles; (r-1)·P = -P
        var k = Fr.Random(new Random(11));
        Assert.True(Fast(f, [b[0], b[0].Negate()], [k, k]).IsIdentity);
        Assert.True(Fast(f, [b[1], b[1]], [Fr.One, Fr.One]) == TProj.FromAffine(b[1]) + TProj.FromAffine(b[1]));
        Assert.True(Fast(f, [b[2]], [-Fr.One]) == -TProj.FromAffine(b[2]));
        var same = Enumerable.Repeat(b[3], 500).ToArray();
        var ones = Enumerable.Repeat(Fr.One, 500).ToArray();
        Assert.True(Fast(f, same, ones) == TProj.FromAffine(b[3]) * Fr.FromUInt64(500));
        var minusOnes = Enumerable.Repeat(-Fr.One, 500).ToArray();
        Assert.True(Fast(f, same, minusOnes) == TProj.FromAffine(b[3]) * -Fr.FromUInt64(500));
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
        Assert.Throws<ArgumentOutOfRangeException>(() => new MsmConfig { PrecomputeFactor = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new MsmConfig { PrecomputeFactor = MsmConfig.MaxPrecomputeFactor + 1 });
        var prepared = Prepare(b, 2, new MsmConfig { WindowBits = 5 });
        Assert.Throws<ArgumentException>(() => CpuMsm.Compute<TProj, TAff, TF>(prepared, new Fr[2]));
        Assert.Throws<ArgumentException>(() => CpuMsm.Compute<TProj, TAff, TF>(prepared, new Fr[3], new MsmConfig { WindowBits = 6 }));
        Assert.True(CpuMsm.Compute<TProj, TAff, TF>(prepared, new Fr[3], new MsmConfig { WindowBits = 5 }).IsIdentity);
        Assert.Throws<ArgumentNullException>(() => CpuMsm.Prepare<TProj, TAff, TF>(null!));
        Assert.Throws<ArgumentNullException>(() => CpuMsm.Compute<TProj, TAff, TF>((MsmBases<TAff>)null!, []));
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
        var cfg = new MsmConfig { PrecomputeFactor = 4 };
        Assert.Equal(expected, CpuMsm.G1(CpuMsm.Prepare(points, cfg), scalars).ToAffine());
        IComputeBackend cpu = new CpuBackend();
        var prepared = cpu.PrepareMsmBasesG1(points, cfg);
        Assert.Equal(4, prepared.PrecomputeFactor);
        Assert.Equal(expected, cpu.MsmG1(prepared, scalars, MsmConfig.Default).ToAffine());
    }

    [Fact]
    public void BackendsWithoutPrecomputationKeepThePlainBasesAndAcceptPreparedOnes()
    {
        var b1 = Points(200, 21);
        var b2 = G2MsmTests.Points(30, 22);
        var s = Scalars(200, 23);
        IComputeBackend plain = new ForwardingBackend(new CpuBackend());
        var cfg = new MsmConfig { PrecomputeFactor = 3 };
        var kept1 = plain.PrepareMsmBasesG1(b1, cfg);
        var kept2 = plain.PrepareMsmBasesG2(b2, cfg);
        Assert.Equal(1, kept1.PrecomputeFactor);
        Assert.Equal(1, kept2.PrecomputeFactor);
        Assert.Equal(NaiveMsm.G1(b1, s), plain.MsmG1(kept1, s, MsmConfig.Default));
        Assert.Equal(NaiveMsm.G2(b2, s[..30]), plain.MsmG2(kept2, s[..30], MsmConfig.Default));
        // bases precomputed by the CPU backend work on a backend that only knows the plain MSM, and the other way round
        IComputeBackend cpu = new CpuBackend();
        Assert.Equal(NaiveMsm.G1(b1, s), plain.MsmG1(cpu.PrepareMsmBasesG1(b1, cfg), s, MsmConfig.Default));
        Assert.Equal(NaiveMsm.G2(b2, s[..30]), cpu.MsmG2(kept2, s[..30], MsmConfig.Default));
        Assert.Throws<ArgumentNullException>(() => plain.PrepareMsmBasesG1(b1, null!));
        Assert.Throws<ArgumentNullException>(() => plain.MsmG1((MsmBases<G1Affine>)null!, s, MsmConfig.Default));
    }

    /// <summary>A backend that implements only the interface's required members (as the GPU backends do), forwarding
    /// them to another backend, so the interface's default prepared-bases members run.</summary>
    private sealed class ForwardingBackend(IComputeBackend inner) : IComputeBackend
    {
        public string Name => "forwarding";
        public string Description => inner.Description;
        public void Ntt(Span<Fr> values, NttConfig config) => inner.Ntt(values, config);
        public G1Projective MsmG1(ReadOnlySpan<G1Affine> bases, ReadOnlySpan<Fr> scalars, MsmConfig config) => inner.MsmG1(bases, scalars, config);
        public G2Projective MsmG2(ReadOnlySpan<G2Affine> bases, ReadOnlySpan<Fr> scalars, MsmConfig config) => inner.MsmG2(bases, scalars, config);
        public void PointwiseMul(Span<Fr> a, ReadOnlySpan<Fr> b) => inner.PointwiseMul(a, b);
        public void Sub(Span<Fr> a, ReadOnlySpan<Fr> b) => inner.Sub(a, b);
        public void ScaleByPowers(Span<Fr> values, Fr g) => inner.ScaleByPowers(values, g);
        public void BatchInvert(Span<Fr> values) => inner.BatchInvert(values);
        public void Dispose() => inner.Dispose();
    }
}

public class G2MsmTests : MsmTests<G2Projective, G2Affine, Fq2>
{
    protected override int NaiveUpTo => 100;

    protected override int[] LargeSizes => [777, TestScale.Pick(2053, 1 << 13)];
}
