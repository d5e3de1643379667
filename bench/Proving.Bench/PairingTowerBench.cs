using BenchmarkDotNet.Attributes;
using Proving.Core.Curves.Bn254;

namespace Proving.Bench;

/// <summary>Multiplication and squaring in the BN254 tower Fq → Fq2 → Fq6 → Fq12 (one operation per call).</summary>
[MemoryDiagnoser]
public class PairingTowerBench
{
    private Fq _fa, _fb;
    private Fq2 _a2, _b2;
    private Fq6 _a6, _b6;
    private Fq12 _a12, _b12, _cyclotomic;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        (_fa, _fb) = (Fq.Random(rng), Fq.Random(rng));
        (_a2, _b2) = (Fq2.Random(rng), Fq2.Random(rng));
        (_a6, _b6) = (Fq6.Random(rng), Fq6.Random(rng));
        (_a12, _b12) = (Fq12.Random(rng), Fq12.Random(rng));
        _cyclotomic = Pairing.Pair(G1Affine.Generator, G2Affine.Generator);
    }

    [Benchmark(Baseline = true)] public Fq FqMul() => _fa * _fb;
    [Benchmark] public Fq2 Fq2Mul() => _a2 * _b2;
    [Benchmark] public Fq2 Fq2Square() => _a2.Square();
    [Benchmark] public Fq6 Fq6Mul() => _a6 * _b6;
    [Benchmark] public Fq6 Fq6Square() => _a6.Square();
    [Benchmark] public Fq12 Fq12Mul() => _a12 * _b12;
    [Benchmark] public Fq12 Fq12Square() => _a12.Square();
    [Benchmark] public Fq12 Fq12CyclotomicSquare() => _cyclotomic.CyclotomicSquare();

    [Benchmark]
    public Fq12 Fq12MulBy034() { Fq12.MulBy034(_a12, _b2, _a2, _b2, out var r); return r; }

    [Benchmark] public Fq12 Fq12Inverse() => _a12.Inverse();
}
