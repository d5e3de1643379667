using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;
using Proving.Core.Ntt;
using Xunit.Abstractions;

namespace Proving.Gpu.Tests;

/// <summary>The GPU backends behind IComputeBackend against CpuBackend through DualBackend, for every NTT mode.</summary>
[Collection(GpuTargets.Collection)]
public sealed class BackendTests(ITestOutputHelper output)
{
    public static TheoryData<string, int> Cases
    {
        get
        {
            var d = new TheoryData<string, int>();
            foreach (var rt in new[] { "opencl", "cuda" })
                foreach (var log in new[] { 1, 2, 4, 7, 10, 12, 16 })
                    d.Add(rt, log);
            return d;
        }
    }

    private static IComputeBackend? Open(string runtime, ITestOutputHelper output)
    {
        GpuBackends.Register();
        try { return ComputeBackends.Create(runtime); }
        catch (ComputeBackendUnavailableException e) when (runtime == "cuda")
        {
            output.WriteLine($"SKIPPED (not executed): {e.Message}");
            return null;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void NttMatchesCpuBackend(string runtime, int logN)
    {
        using var gpu = Open(runtime, output);
        if (gpu == null) return;
        using var dual = new DualBackend(new CpuBackend(), gpu);
        var rng = new Random(logN);
        int batch = logN <= 10 ? 3 : 1;
        var v = Enumerable.Range(0, batch << logN).Select(_ => Fr.Random(rng)).ToArray();
        foreach (NttOrdering ordering in Enum.GetValues<NttOrdering>())
            foreach (var coset in new Fr?[] { null, NttConfig.OddCosetShift(logN) })
                foreach (var dir in new[] { NttDirection.Forward, NttDirection.Inverse })
                    dual.Ntt(v, new NttConfig { Direction = dir, Ordering = ordering, CosetShift = coset, BatchSize = batch });
        var w = v.Reverse().ToArray();
        dual.PointwiseMul(v, w);
        dual.Sub(v, w);
        dual.ScaleByPowers(v, Fr.MultiplicativeGenerator);
        v[0] = Fr.Zero;
        dual.BatchInvert(v);
    }

    [Fact]
    public void DualBackendReportsAMismatch()
    {
        using var gpu = Open("opencl", output)!;
        using var dual = new DualBackend(new CpuBackend(), new Skewed(gpu));
        var e = Assert.Throws<BackendMismatchException>(() => dual.Sub(new Fr[] { Fr.One, Fr.One }, new Fr[] { Fr.Zero, Fr.Zero }));
        Assert.Equal(1, e.Index);
        var q = new[] { G2Affine.Generator };
        Assert.Throws<BackendMismatchException>(() => dual.MsmG2(q, [Fr.One], MsmConfig.Default));
    }

    public static TheoryData<string, int> MsmSizes
    {
        get
        {
            var d = new TheoryData<string, int>();
            foreach (var rt in new[] { "opencl", "cuda" })
                foreach (var n in new[] { 1, 2, 31, 256, 1024 })
                    d.Add(rt, n);
            return d;
        }
    }

    [Theory]
    [MemberData(nameof(MsmSizes))]
    public void MsmMatchesCpuBackend(string runtime, int n)
    {
        using var gpu = Open(runtime, output);
        if (gpu == null) return;
        using var dual = new DualBackend(new CpuBackend(), gpu);
        var rng = new Random(n);
        var p = G1Projective.BatchNormalize(G1KernelTests.RandomPoints(n, n));
        var k = Enumerable.Range(0, n).Select(_ => Fr.Random(rng)).ToArray();
        if (n > 1) { p[0] = G1Affine.Infinity; k[1] = Fr.Zero; }
        dual.MsmG1(p, k, MsmConfig.Default);
        dual.MsmG1(p, k, new MsmConfig { WindowBits = 3 });
        int m = Math.Min(n, 64);
        var q = G2Projective.BatchNormalize(Enumerable.Range(0, m).Select(_ => G2Projective.Generator * Fr.Random(rng)).ToArray());
        dual.MsmG2(q, k.AsSpan(0, m), MsmConfig.Default);
        Assert.Throws<ArgumentException>(() => gpu.MsmG1(p, k.AsSpan(1), MsmConfig.Default));
    }

    /// <summary>The device-resident quotient step against the CPU backend's separate calls, at sizes with one to
    /// three NTT passes; progress after each column.</summary>
    [Theory]
    [MemberData(nameof(GpuTargets.Runtimes), MemberType = typeof(GpuTargets))]
    public void QuotientOnOddCosetMatchesTheCpu(string runtime)
    {
        using var gpu = Open(runtime, output);
        if (gpu == null) return;
        using var cpu = new CpuBackend();
        var rng = new Random(12);
        foreach (int logN in new[] { 0, 1, 4, 10, 13 })
        {
            int n = 1 << logN;
            Fr[] Column() => Enumerable.Range(0, n).Select(_ => Fr.Random(rng)).ToArray();
            var (a, b, c) = (Column(), Column(), Column());
            var (ea, eb, ec) = ((Fr[])a.Clone(), (Fr[])b.Clone(), (Fr[])c.Clone());
            ((IComputeBackend)cpu).QuotientOnOddCoset(ea, eb, ec, logN);
            var reported = new List<int>();
            gpu.QuotientOnOddCoset(a, b, c, logN, reported.Add);
            Assert.Equal(ea, a);
            Assert.Equal([2, 4, 6], reported);
        }
        Assert.Throws<ArgumentException>(() => gpu.QuotientOnOddCoset(new Fr[4], new Fr[4], new Fr[2], 2));
        Assert.Throws<ArgumentException>(() => gpu.QuotientOnOddCoset(new Fr[4], new Fr[4], new Fr[4], 3));
    }

    /// <summary>The prover on a GPU backend alone (no CPU beside it): the key's bases are prepared once on the device,
    /// two witnesses are proved over them, and both proofs verify.</summary>
    [Theory]
    [MemberData(nameof(GpuTargets.Runtimes), MemberType = typeof(GpuTargets))]
    public void Groth16ProverUsesResidentBases(string runtime)
    {
        using var gpu = (GpuComputeBackend?)Open(runtime, output);
        if (gpu == null) return;
        var key = Proving.Core.Circom.ZkeyReader.Read(Fixtures.File("poseidon", "circuit.zkey"));
        var witness = Proving.Core.Circom.WtnsFile.Read(Fixtures.File("poseidon", "witness.wtns"));
        var prover = new Proving.Core.Groth16.Prover(key, gpu);
        for (int round = 0; round < 2; round++)
        {
            var (proof, publicSignals) = prover.Prove(witness);
            Assert.True(Proving.Core.Groth16.Verifier.Verify(key.VerificationKey, publicSignals, proof), $"proof {round}");
        }
        // a prepared base set serves MSMs on this backend over its device copy, and still on other backends
        var rng = new Random(3);
        var k = key.A.Select(_ => Fr.Random(rng)).ToArray();
        var prepared = gpu.PrepareMsmBasesG1(key.A, MsmConfig.Default);
        using var cpu = new CpuBackend();
        Assert.Equal(cpu.MsmG1(key.A, k, MsmConfig.Default), gpu.MsmG1(prepared, k, MsmConfig.Default));
        Assert.Equal(cpu.MsmG1(key.A, k, MsmConfig.Default), ((IComputeBackend)cpu).MsmG1(prepared, k, MsmConfig.Default));
        Assert.Throws<ArgumentException>(() => gpu.MsmG1(prepared, k.AsSpan(1), MsmConfig.Default));
    }

    [Fact]
    public void AutoAndNamedSelection()
    {
        GpuBackends.Register();
        using var auto = ComputeBackends.Create("auto");
        output.WriteLine($"auto chose {auto.Name}: {auto.Description}");
        Assert.Contains(auto.Name, new[] { "cuda", "opencl", "cpu" });
        using var cl = ComputeBackends.Create("opencl");
        Assert.Equal("opencl", cl.Name);
    }

    /// <summary>A candidate that corrupts element 1 of every Sub result.</summary>
    private sealed class Skewed(IComputeBackend inner) : IComputeBackend
    {
        public string Name => "skewed";
        public string Description => "test";
        public void Ntt(Span<Fr> values, NttConfig config) => inner.Ntt(values, config);
        public G1Projective MsmG1(ReadOnlySpan<G1Affine> p, ReadOnlySpan<Fr> k, MsmConfig c) => inner.MsmG1(p, k, c);
        public G2Projective MsmG2(ReadOnlySpan<G2Affine> p, ReadOnlySpan<Fr> k, MsmConfig c) => inner.MsmG2(p, k, c) + G2Projective.Generator;
        public void PointwiseMul(Span<Fr> a, ReadOnlySpan<Fr> b) => inner.PointwiseMul(a, b);
        public void Sub(Span<Fr> a, ReadOnlySpan<Fr> b) { inner.Sub(a, b); a[1] += Fr.One; }
        public void ScaleByPowers(Span<Fr> values, Fr g) => inner.ScaleByPowers(values, g);
        public void BatchInvert(Span<Fr> values) => inner.BatchInvert(values);
        public void Dispose() { }
    }
}
