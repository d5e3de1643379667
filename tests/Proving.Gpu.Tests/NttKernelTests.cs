using Proving.Core.Curves.Bn254;
using Xunit.Abstractions;

namespace Proving.Gpu.Tests;

/// <summary>GpuNtt against the O(n^2) definition (small sizes) and against round trips / the convolution theorem (larger).</summary>
[Collection(GpuTargets.Collection)]
public sealed class NttKernelTests(ITestOutputHelper output)
{
    public static TheoryData<string, int> Small
    {
        get
        {
            var d = new TheoryData<string, int>();
            foreach (var rt in new[] { "opencl", "cuda" })
                foreach (var log in new[] { 0, 1, 2, 3, 5, 8, 10, 11 })
                    d.Add(rt, log);
            return d;
        }
    }

    /// <summary>out[j] = Σ a[i]·(g·ω^j)^i.</summary>
    private static Fr[] Dft(Fr[] a, Fr g)
    {
        int n = a.Length;
        var omega = Fr.RootOfUnity(System.Numerics.BitOperations.Log2((uint)n));
        var r = new Fr[n];
        var x = g;
        for (int j = 0; j < n; j++)
        {
            var acc = Fr.Zero;
            for (int i = n - 1; i >= 0; i--) acc = acc * x + a[i];
            r[j] = acc;
            x *= omega;
        }
        return r;
    }

    private static Fr[] BitReverse(Fr[] a)
    {
        int log = System.Numerics.BitOperations.Log2((uint)a.Length);
        var r = new Fr[a.Length];
        for (int i = 0; i < a.Length; i++)
        {
            int j = 0;
            for (int b = 0; b < log; b++) j |= ((i >> b) & 1) << (log - 1 - b);
            r[j] = a[i];
        }
        return r;
    }

    private static Fr[] Random(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => Fr.Random(rng)).ToArray();
    }

    [Theory]
    [MemberData(nameof(Small))]
    public void MatchesTheDefinitionInEveryMode(string runtime, int logN)
    {
        var ctx = GpuTargets.Open(runtime, output);
        if (ctx == null) return;
        using var ntt = new GpuNtt(ctx);
        int n = 1 << logN;
        var a = Random(n, logN);
        var g = Fr.MultiplicativeGenerator;
        foreach (var coset in new Fr?[] { null, g })
        {
            var expected = Dft(a, coset ?? Fr.One);
            foreach (var (inBr, outBr) in new[] { (false, false), (false, true), (true, false), (true, true) })
            {
                var v = inBr ? BitReverse(a) : (Fr[])a.Clone();
                ntt.Transform(v, inverse: false, inBr, outBr, coset);
                Assert.Equal(outBr ? BitReverse(expected) : expected, v);
                ntt.Transform(v, inverse: true, outBr, inBr, coset);
                Assert.Equal(inBr ? BitReverse(a) : a, v);
            }
        }
    }

    /// <summary>Every size 2^1..2^16: forward on the odd coset evaluated directly at random points, then inverse back.</summary>
    [Theory]
    [MemberData(nameof(GpuTargets.Runtimes), MemberType = typeof(GpuTargets))]
    public void EverySizeUpTo2To16(string runtime)
    {
        var ctx = GpuTargets.Open(runtime, output);
        if (ctx == null) return;
        using var ntt = new GpuNtt(ctx);
        var rng = new Random(99);
        for (int logN = 1; logN <= 16; logN++)
        {
            int n = 1 << logN;
            var a = Random(n, logN + 100);
            var g = Fr.RootOfUnity(logN + 1);   // odd powers of w_2n: snarkjs's Groth16 coset
            var v = (Fr[])a.Clone();
            ntt.Transform(v, inverse: false, cosetShift: g);
            var omega = Fr.RootOfUnity(logN);
            for (int t = 0; t < 3; t++)
            {
                int j = rng.Next(n);
                var x = g * omega.Pow((ulong)j);
                var acc = Fr.Zero;
                for (int i = n - 1; i >= 0; i--) acc = acc * x + a[i];
                Assert.True(acc == v[j], $"2^{logN}: element {j}");
            }
            ntt.Transform(v, inverse: true, cosetShift: g);
            Assert.True(a.AsSpan().SequenceEqual(v), $"2^{logN}: round trip");
        }
    }

    [Theory]
    [MemberData(nameof(GpuTargets.Runtimes), MemberType = typeof(GpuTargets))]
    public void BatchesTransformEachColumn(string runtime)
    {
        var ctx = GpuTargets.Open(runtime, output);
        if (ctx == null) return;
        using var ntt = new GpuNtt(ctx);
        const int n = 64, batch = 5;
        var a = Random(n * batch, 7);
        var v = (Fr[])a.Clone();
        ntt.Transform(v, inverse: false, batch: batch, cosetShift: Fr.FromUInt64(7));
        for (int c = 0; c < batch; c++)
            Assert.Equal(Dft(a[(c * n)..((c + 1) * n)], Fr.FromUInt64(7)), v[(c * n)..((c + 1) * n)]);
    }

    [Theory]
    [MemberData(nameof(GpuTargets.Runtimes), MemberType = typeof(GpuTargets))]
    [Trait("Category", "Slow")]
    public void LargeSizesConvolve(string runtime)
    {
        var ctx = GpuTargets.Open(runtime, output);
        if (ctx == null) return;
        using var ntt = new GpuNtt(ctx);
        int logN = TestScale.Pick(14, 16);
        int n = 1 << logN;
        // (a * b)(x) mod x^n - 1 by NTT equals the cyclic convolution; check it at a random point instead of O(n^2):
        // A(z)·B(z) = C(z) + q(z)(z^n - 1), so for z^n = 1 (a root of unity) A(z)B(z) = C(z). Use z = ω^k from the forward transform.
        var a = Random(n, 1);
        var b = Random(n, 2);
        var fa = (Fr[])a.Clone(); ntt.Transform(fa, false);
        var fb = (Fr[])b.Clone(); ntt.Transform(fb, false);
        var rng = new Random(3);
        var omega = Fr.RootOfUnity(logN);
        for (int t = 0; t < 4; t++)
        {
            int k = rng.Next(n);
            var z = omega.Pow((ulong)k);
            Fr ea = Fr.Zero, eb = Fr.Zero;
            for (int i = n - 1; i >= 0; i--) { ea = ea * z + a[i]; eb = eb * z + b[i]; }
            Assert.Equal(ea, fa[k]);
            Assert.Equal(eb, fb[k]);
        }
        var c = new Fr[n];
        for (int i = 0; i < n; i++) c[i] = fa[i] * fb[i];
        ntt.Transform(c, true);
        ntt.Transform(c, false);
        for (int i = 0; i < n; i++) Assert.Equal(fa[i] * fb[i], c[i]);
    }

    [Fact]
    public void BadShapesAreRejected()
    {
        Assert.Throws<ArgumentException>(() => GpuNtt.CheckShape(12, 1));
        Assert.Throws<ArgumentException>(() => GpuNtt.CheckShape(16, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => GpuNtt.CheckShape(16, 0));
    }
}
