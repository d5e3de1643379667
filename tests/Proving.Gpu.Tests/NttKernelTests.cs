using FsCheck;
using FsCheck.Fluent;
using Proving.Core.Curves.Bn254;
using Proving.Core.Ntt;
using Xunit.Abstractions;

namespace Proving.Gpu.Tests;

/// <summary>GpuNtt against the O(n^2) definition (small sizes), Proving.Core's CPU NTT (every size to 2^16, every pass
/// structure), and the convolution theorem (larger).</summary>
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

    private static NttOrdering Ordering(bool inBr, bool outBr) => (inBr, outBr) switch
    {
        (false, false) => NttOrdering.NaturalToNatural,
        (false, true) => NttOrdering.NaturalToBitReversed,
        (true, false) => NttOrdering.BitReversedToNatural,
        _ => NttOrdering.BitReversedToBitReversed,
    };

    /// <summary>One GPU transform of <paramref name="input"/> against Proving.Core's CPU NTT.</summary>
    private static void AssertMatchesCpu(GpuNtt ntt, Fr[] input, bool inverse, bool inBr, bool outBr, Fr? coset, int batch, string label)
    {
        var expected = (Fr[])input.Clone();
        CpuNtt.Transform<Fr>(expected, inverse ? NttDirection.Inverse : NttDirection.Forward, Ordering(inBr, outBr), coset, batch);
        var actual = (Fr[])input.Clone();
        ntt.Transform(actual, inverse, inBr, outBr, coset, batch);
        for (int i = 0; i < expected.Length; i++)
            if (expected[i] != actual[i])
                Assert.Fail($"{label} (inverse {inverse}, in/out bit-reversed {inBr}/{outBr}, coset {coset is not null}, batch {batch}): element {i} differs");
    }

    /// <summary>Every ordering, direction and coset choice on one input.</summary>
    private static void AssertEveryModeMatchesCpu(GpuNtt ntt, int logN, int batch, string label)
    {
        var a = Random(batch << logN, 1000 * logN + batch);
        foreach (var coset in new Fr?[] { null, Fr.MultiplicativeGenerator })
            foreach (var inverse in new[] { false, true })
                foreach (var (inBr, outBr) in new[] { (false, false), (false, true), (true, false), (true, true) })
                    AssertMatchesCpu(ntt, a, inverse, inBr, outBr, coset, batch, label);
    }

    /// <summary>Every size 2^1..2^16 (one pass up to 2^10, two from 2^11), forward and inverse, plain and on the odd
    /// coset, against the CPU NTT.</summary>
    [Theory]
    [MemberData(nameof(GpuTargets.Runtimes), MemberType = typeof(GpuTargets))]
    public void EverySizeUpTo2To16MatchesTheCpuNtt(string runtime)
    {
        var ctx = GpuTargets.Open(runtime, output);
        if (ctx == null) return;
        using var ntt = new GpuNtt(ctx);
        for (int logN = 1; logN <= 16; logN++)
        {
            var a = Random(1 << logN, logN + 100);
            var g = Fr.RootOfUnity(logN + 1);   // odd powers of w_2n: snarkjs's Groth16 coset
            foreach (var coset in new Fr?[] { null, g })
                foreach (var inverse in new[] { false, true })
                    AssertMatchesCpu(ntt, a, inverse, false, false, coset, 1, $"2^{logN}");
        }
    }

    /// <summary>Groups of 2^3..2^7 elements instead of 2^10 reach up to 10 passes, every run width (log_c) and
    /// blocks-per-group (log_b) case, and ragged last groups, at sizes the tests can afford: every mode, batches of 1, 3 and 4.</summary>
    [Theory]
    [MemberData(nameof(GpuTargets.Runtimes), MemberType = typeof(GpuTargets))]
    public void SmallGroupsManyPassesMatchTheCpuNtt(string runtime)
    {
        var ctx = GpuTargets.Open(runtime, output);
        if (ctx == null) return;
        foreach (int localLog in new[] { 3, 4, 5, 7 })
        {
            using var ntt = new GpuNtt(ctx, localLog);
            for (int logN = 1; logN <= 12; logN++)
                foreach (int batch in new[] { 1, 3, 4 })
                {
                    if (batch > 1 && logN > 8) continue;
                    AssertEveryModeMatchesCpu(ntt, logN, batch, $"2^{logN}, groups of 2^{localLog}, {GpuNtt.Plan(logN, localLog).Count} passes");
                }
        }
    }

    /// <summary>Batches of multi-pass columns with the default groups (2^11 and 2^13: two passes; the second takes runs of 2^9 and 2^7).</summary>
    [Theory]
    [MemberData(nameof(GpuTargets.Runtimes), MemberType = typeof(GpuTargets))]
    public void BatchesOfMultiPassColumnsMatchTheCpuNtt(string runtime)
    {
        var ctx = GpuTargets.Open(runtime, output);
        if (ctx == null) return;
        using var ntt = new GpuNtt(ctx);
        foreach (var (logN, batch) in new[] { (11, 3), (13, 2) })
        {
            var a = Random(batch << logN, logN);
            AssertMatchesCpu(ntt, a, false, false, false, null, batch, $"2^{logN}");
            AssertMatchesCpu(ntt, a, false, true, false, Fr.MultiplicativeGenerator, batch, $"2^{logN}");
            AssertMatchesCpu(ntt, a, true, false, true, Fr.MultiplicativeGenerator, batch, $"2^{logN}");
        }
    }

    /// <summary>The limb-major local memory layout CUDA uses (NTT_LOCAL_SOA 1), run on OpenCL so it executes here too.</summary>
    [Fact]
    public void LimbMajorLocalMemoryMatchesTheCpuNtt()
    {
        var ctx = GpuTargets.Open("opencl", output)!;
        using var module = ctx.Compile("ntt-soa.c", "#define NTT_LOCAL_SOA 1\n" + KernelSources.Load("ntt.c"));
        foreach (int localLog in new[] { 4, 10 })
        {
            using var ntt = new GpuNtt(ctx, localLog, module);
            foreach (int logN in new[] { 3, 9, 12 })
                AssertEveryModeMatchesCpu(ntt, logN, 1, $"limb-major, 2^{logN}, groups of 2^{localLog}");
        }
    }

    /// <summary>2^19 (the first size with three passes of 2^10-element groups), or 2^22 at full scale: forward on the odd coset from
    /// bit-reversed input and the inverse back to bit-reversed output, against the CPU NTT.</summary>
    [Theory]
    [MemberData(nameof(GpuTargets.Runtimes), MemberType = typeof(GpuTargets))]
    [Trait("Category", "Slow")]
    public void ThreePassSizesMatchTheCpuNtt(string runtime)
    {
        var ctx = GpuTargets.Open(runtime, output);
        if (ctx == null) return;
        using var ntt = new GpuNtt(ctx);
        int logN = TestScale.Pick(19, 22);
        Assert.Equal(3, GpuNtt.Plan(logN, GpuNtt.LocalLog).Count);
        var a = Random(1 << logN, 5);
        var g = Fr.RootOfUnity(logN + 1);
        AssertMatchesCpu(ntt, a, false, true, false, g, 1, $"2^{logN}");
        AssertMatchesCpu(ntt, a, true, false, true, g, 1, $"2^{logN}");
    }

    /// <summary>The pass plan covers every stage once, in order, within 2^localLog elements per group, with runs of at
    /// least 4 elements after the first pass; the pass counts of the default groups.</summary>
    [Fact]
    public void PlansCoverEveryStage()
    {
        Prop.ForAll(Gen.Choose(1, GpuNtt.MaxLogN).ToArbitrary(), Gen.Choose(3, GpuNtt.LocalLog).ToArbitrary(), (logN, localLog) =>
        {
            var plan = GpuNtt.Plan(logN, localLog);
            int next = 0;
            foreach (var (m0, s, c) in plan)
            {
                Assert.Equal(next, m0);
                Assert.True(s >= 1 && c >= 0 && c <= m0 && s + c <= localLog, $"2^{logN}/{localLog}: pass ({m0}, {s}, {c})");
                Assert.True(m0 == 0 || c >= 2, $"2^{logN}/{localLog}: runs of 2^{c}");
                next += s;
            }
            Assert.Equal(logN, next);
            int rest = Math.Max(0, logN - localLog);
            Assert.Equal(1 + (rest + localLog - 3) / (localLog - 2), plan.Count);
        }).QuickCheckThrowOnFailure();
        foreach (var (logN, passes) in new[] { (10, 1), (11, 2), (16, 2), (18, 2), (19, 3), (20, 3), (24, 3), (26, 3), (27, 4), (28, 4) })
            Assert.Equal(passes, GpuNtt.Plan(logN, GpuNtt.LocalLog).Count);
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
