using FsCheck;
using FsCheck.Fluent;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;
using Proving.Core.Ntt;

namespace Proving.Core.Tests.Ntt;

public class NttTests
{
    private static Fr[] RandomVector(int n, int seed)
    {
        var rng = new Random(seed);
        var v = new Fr[n];
        for (int i = 0; i < n; i++) v[i] = Fr.Random(rng);
        return v;
    }

    public static TheoryData<int> SmallLogSizes()
    {
        var d = new TheoryData<int>();
        for (int k = 0; k <= 10; k++) d.Add(k);
        return d;
    }

    [Theory]
    [MemberData(nameof(SmallLogSizes))]
    public void ForwardAndInverseEqualNaiveDft(int logN)
    {
        var a = RandomVector(1 << logN, 100 + logN);
        var fast = (Fr[])a.Clone();
        CpuNtt.Forward<Fr>(fast);
        Assert.Equal(NaiveNtt.Forward<Fr>(a), fast);
        var inv = (Fr[])a.Clone();
        CpuNtt.Inverse<Fr>(inv);
        Assert.Equal(NaiveNtt.Inverse<Fr>(a), inv);
    }

    [Theory]
    [MemberData(nameof(SmallLogSizes))]
    public void CosetTransformsEqualNaiveDft(int logN)
    {
        var a = RandomVector(1 << logN, 200 + logN);
        foreach (var shift in new[] { Fr.MultiplicativeGenerator, NttConfig.OddCosetShift(logN), Fr.Random(new Random(logN)) })
        {
            var fwd = (Fr[])a.Clone();
            CpuNtt.Transform<Fr>(fwd, NttDirection.Forward, cosetShift: shift);
            Assert.Equal(NaiveNtt.Forward<Fr>(a, shift), fwd);
            var inv = (Fr[])a.Clone();
            CpuNtt.Transform<Fr>(inv, NttDirection.Inverse, cosetShift: shift);
            Assert.Equal(NaiveNtt.Inverse<Fr>(a, shift), inv);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public void OddCosetEvaluatesAtOddPowersOfThe2nthRoot(int logN)
    {
        int n = 1 << logN;
        var a = RandomVector(n, 300 + logN);
        var v = (Fr[])a.Clone();
        new CpuBackend().Ntt(v, NttConfig.OddCoset(logN));
        var w2n = Fr.RootOfUnity(logN + 1);
        for (int j = 0; j < n; j++)
        {
            var x = w2n.Pow((ulong)(2 * j + 1));
            Assert.Equal(NaiveNtt.Evaluate<Fr>(a, x), v[j]);
            // Z(x) = x^n - 1 is -2 at every odd power of ω_2n: the property snarkjs relies on for H.
            Assert.Equal(-Fr.FromUInt64(2), x.Pow((ulong)n) - Fr.One);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(12)]
    [InlineData(14)]
    public void EveryOrderingAgreesWithNaturalOrder(int logN)
    {
        int n = 1 << logN;
        var a = RandomVector(n, 400 + logN);
        var shift = Fr.MultiplicativeGenerator;
        foreach (var dir in new[] { NttDirection.Forward, NttDirection.Inverse })
        {
            var expected = (Fr[])a.Clone();
            CpuNtt.Transform<Fr>(expected, dir, NttOrdering.NaturalToNatural, shift);
            foreach (var ordering in Enum.GetValues<NttOrdering>())
            {
                bool inBr = ordering is NttOrdering.BitReversedToNatural or NttOrdering.BitReversedToBitReversed;
                bool outBr = ordering is NttOrdering.NaturalToBitReversed or NttOrdering.BitReversedToBitReversed;
                var v = (Fr[])a.Clone();
                if (inBr) BitReversal.Permute<Fr>(v);
                CpuNtt.Transform<Fr>(v, dir, ordering, shift);
                if (outBr) BitReversal.Permute<Fr>(v);
                Assert.Equal(expected, v);
            }
        }
    }

    [Fact]
    public void RoundTripsUpTo2To14() => RoundTrips(14);

    [Fact]
    [Trait("Category", "Slow")]
    public void RoundTripsUpTo2To20() => RoundTrips(TestScale.Pick(16, 20));

    private static void RoundTrips(int maxLog)
    {
        for (int k = 11; k <= maxLog; k++)
        {
            var a = RandomVector(1 << k, 500 + k);
            var v = (Fr[])a.Clone();
            CpuNtt.Forward<Fr>(v);
            Assert.NotEqual(a, v);
            CpuNtt.Inverse<Fr>(v);
            Assert.Equal(a, v);
            var shift = NttConfig.OddCosetShift(k);
            CpuNtt.Transform<Fr>(v, NttDirection.Forward, cosetShift: shift);
            CpuNtt.Transform<Fr>(v, NttDirection.Inverse, cosetShift: shift);
            Assert.Equal(a, v);
        }
    }

    [Fact]
    public void SpotChecksLargeTransformAgainstHorner()
    {
        int logN = 16, n = 1 << logN;
        var a = RandomVector(n, 600);
        var v = (Fr[])a.Clone();
        CpuNtt.Transform<Fr>(v, NttDirection.Forward, cosetShift: Fr.MultiplicativeGenerator);
        var w = Fr.RootOfUnity(logN);
        foreach (int j in new[] { 0, 1, 2, 1000, n / 2, n - 1 })
            Assert.Equal(NaiveNtt.Evaluate<Fr>(a, Fr.MultiplicativeGenerator * w.Pow((ulong)j)), v[j]);
    }

    [Fact]
    public void RoundTripIsAnFsCheckProperty() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 13)), Arb.From(Gen.Choose(0, int.MaxValue)), Arb.From(Gen.Choose(0, 3)), (logN, seed, ord) =>
        {
            var a = RandomVector(1 << logN, seed);
            var v = (Fr[])a.Clone();
            var shift = seed % 2 == 0 ? (Fr?)null : Fr.Random(new Random(seed));
            var ordering = (NttOrdering)ord;
            var back = ordering switch
            {
                NttOrdering.NaturalToBitReversed => NttOrdering.BitReversedToNatural,
                NttOrdering.BitReversedToNatural => NttOrdering.NaturalToBitReversed,
                _ => ordering,
            };
            CpuNtt.Transform(v, NttDirection.Forward, ordering, shift);
            CpuNtt.Transform(v, NttDirection.Inverse, back, shift);
            return a.AsSpan().SequenceEqual(v);
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 9)]
    [InlineData(64, 64)]
    [InlineData(300, 200)]
    [InlineData(1500, 3000)]
    public void PolynomialProductThroughNttEqualsSchoolbook(int lenA, int lenB)
    {
        var a = RandomVector(lenA, lenA);
        var b = RandomVector(lenB, lenB + 7);
        var expected = new Fr[lenA + lenB - 1];
        for (int i = 0; i < lenA; i++)
            for (int j = 0; j < lenB; j++)
                expected[i + j] += a[i] * b[j];
        int n = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(lenA + lenB - 1));
        var fa = new Fr[n];
        var fb = new Fr[n];
        a.CopyTo(fa, 0);
        b.CopyTo(fb, 0);
        var backend = new CpuBackend();
        backend.Ntt(fa, NttConfig.Forward);
        backend.Ntt(fb, NttConfig.Forward);
        backend.PointwiseMul(fa, fb);
        backend.Ntt(fa, NttConfig.Inverse);
        Assert.Equal(expected, fa[..expected.Length]);
        Assert.All(fa[expected.Length..], x => Assert.True(x.IsZero));
    }

    [Fact]
    public void BatchTransformsEachColumn()
    {
        int n = 1 << 9, cols = 3;
        var all = RandomVector(n * cols, 700);
        var batched = (Fr[])all.Clone();
        new CpuBackend().Ntt(batched, NttConfig.Coset(Fr.MultiplicativeGenerator) with { BatchSize = cols });
        for (int c = 0; c < cols; c++)
            Assert.Equal(NaiveNtt.Forward<Fr>(all.AsSpan(c * n, n), Fr.MultiplicativeGenerator), batched[(c * n)..((c + 1) * n)]);
    }

    [Fact]
    public void RejectsBadShapes()
    {
        Assert.Throws<ArgumentException>(() => CpuNtt.Forward<Fr>(new Fr[3]));
        Assert.Throws<ArgumentException>(() => CpuNtt.Transform<Fr>(new Fr[12], NttDirection.Forward, batchSize: 5));
        Assert.Throws<ArgumentException>(() => CpuNtt.Transform<Fr>(new Fr[24], NttDirection.Forward, batchSize: 4));
        Assert.Throws<ArgumentException>(() => CpuNtt.Transform<Fr>(new Fr[8], NttDirection.Forward, batchSize: 0));
        Assert.Throws<ArgumentException>(() => CpuNtt.Transform<Fr>(new Fr[8], NttDirection.Inverse, cosetShift: Fr.Zero));
        Assert.Throws<ArgumentException>(() => NaiveNtt.Forward<Fr>(new Fr[6]));
        Assert.Throws<ArgumentOutOfRangeException>(() => NttDomain<Fr>.Get(29));
        Assert.Throws<ArgumentOutOfRangeException>(() => NttConfig.OddCosetShift(28));
        CpuNtt.Forward<Fr>(Span<Fr>.Empty);
    }

    [Fact]
    public void LargestDomainHasAPrimitiveRoot()
    {
        var d = NttDomain<Fr>.Get(28);
        Assert.Equal(1 << 28, d.Size);
        var w = d.Generator;
        for (int i = 0; i < 27; i++) w = w.Square();
        Assert.Equal(-Fr.One, w); // ω^(2^27) = -1, so ω has order exactly 2^28
        Assert.Equal(Fr.One, d.SizeInverse * Fr.FromUInt64(1UL << 28));
    }
}
