using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;
using Proving.Core.Ntt;

namespace Proving.Core.Tests.Ntt;

public class VectorOpsTests
{
    private static Fr[] RandomVector(int n, int seed, bool withZeros = false)
    {
        var rng = new Random(seed);
        var v = new Fr[n];
        for (int i = 0; i < n; i++) v[i] = withZeros && i % 7 == 3 ? Fr.Zero : Fr.Random(rng);
        return v;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(20_000)]
    public void OperationsMatchElementwiseLoops(int n)
    {
        var a = RandomVector(n, 1, withZeros: true);
        var b = RandomVector(n, 2);
        var g = Fr.Random(new Random(3));
        var backend = new CpuBackend();

        var mul = (Fr[])a.Clone();
        backend.PointwiseMul(mul, b);
        var sub = (Fr[])a.Clone();
        backend.Sub(sub, b);
        var pow = (Fr[])a.Clone();
        backend.ScaleByPowers(pow, g);
        var inv = (Fr[])a.Clone();
        backend.BatchInvert(inv);

        var gi = Fr.One;
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(a[i] * b[i], mul[i]);
            Assert.Equal(a[i] - b[i], sub[i]);
            Assert.Equal(a[i] * gi, pow[i]);
            Assert.Equal(a[i].IsZero ? Fr.Zero : a[i].Inverse(), inv[i]);
            gi *= g;
        }
    }

    [Fact]
    public void ScaleByPowersInBitReversedOrder()
    {
        int n = 1 << 13;
        var a = RandomVector(n, 4);
        var g = Fr.Random(new Random(5));
        var c = Fr.Random(new Random(6));
        var natural = (Fr[])a.Clone();
        VectorOps.ScaleByPowers<Fr>(natural, g, c, bitReversed: false);
        var br = (Fr[])a.Clone();
        BitReversal.Permute<Fr>(br);
        VectorOps.ScaleByPowers<Fr>(br, g, c, bitReversed: true);
        BitReversal.Permute<Fr>(br);
        Assert.Equal(natural, br);
    }

    [Fact]
    public void BitReversalIsAnInvolutionAndMatchesIndexReversal()
    {
        Assert.Equal(0b0011, BitReversal.Reverse(0b1100, 4));
        Assert.Equal(1 << 27, BitReversal.Reverse(1, 28));
        Assert.Equal(0, BitReversal.Reverse(0, 0));
        var v = Enumerable.Range(0, 1 << 15).Select(i => Fr.FromUInt64((ulong)i)).ToArray();
        var p = (Fr[])v.Clone();
        BitReversal.Permute<Fr>(p);
        for (int i = 0; i < v.Length; i += 97) Assert.Equal(v[i], p[BitReversal.Reverse(i, 15)]);
        BitReversal.Permute<Fr>(p);
        Assert.Equal(v, p);
    }

    [Fact]
    public void RejectsMismatchedLengths()
    {
        var backend = new CpuBackend();
        Assert.Throws<ArgumentException>(() => backend.PointwiseMul(new Fr[3], new Fr[4]));
        Assert.Throws<ArgumentException>(() => backend.Sub(new Fr[3], new Fr[2]));
        Assert.Throws<ArgumentException>(() => VectorOps.ScaleByPowers<Fr>(new Fr[6], Fr.One, Fr.One, bitReversed: true));
        Assert.Throws<ArgumentException>(() => BitReversal.Permute<Fr>(new Fr[6]));
    }
}
