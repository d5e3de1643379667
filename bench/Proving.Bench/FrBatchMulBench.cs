using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using Proving.Core.Algebra;
using Proving.Core.Curves.Bn254;

namespace Proving.Bench;

/// <summary>BN254 Fr multiplication throughput on one core: 1024 independent products per invocation (L1-resident
/// arrays), so the figure is ns per multiplication with the out-of-order core overlapping independent work; scalar CIOS
/// against the eight-lane AVX-512 kernel (which falls back to scalar on other hardware).</summary>
public class FrBatchMulBench
{
    private const int N = 1024;
    private readonly Fr[] _a = new Fr[N], _b = new Fr[N], _r = new Fr[N];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(3);
        for (int i = 0; i < N; i++) { _a[i] = Fr.Random(rng); _b[i] = Fr.Random(rng); }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    public void Scalar()
    {
        Fr[] a = _a, b = _b, r = _r;
        for (int i = 0; i < N; i++) r[i] = a[i] * b[i];
    }

    [Benchmark(OperationsPerInvoke = N)]
    public void Avx512x8() => MontgomeryVector8<FrModulus>.Mul(
        MemoryMarshal.Cast<Fr, Limbs4>(_a.AsSpan()), MemoryMarshal.Cast<Fr, Limbs4>(_b.AsSpan()), MemoryMarshal.Cast<Fr, Limbs4>(_r.AsSpan()));
}
