using BenchmarkDotNet.Attributes;
using Proving.Core.Algebra;
using Proving.Core.Curves.Bn254;

namespace Proving.Bench;

/// <summary>
/// Group operations of one BN254 curve group in Jacobian coordinates: add, mixed add (Jacobian + affine), double,
/// and scalar multiplication by a random Fr. Each call feeds the next (latency, not throughput).
/// </summary>
[MemoryDiagnoser]
public abstract class CurveBenchmarks<TP, TA, TF>
    where TP : struct, ICurveGroup<TP, TA, TF, Fr>
    where TA : struct, IAffinePoint<TA, TF>
    where TF : struct, IField<TF>
{
    protected TP A, B;
    protected TA BAffine;
    protected Fr K;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        A = TP.Generator * Fr.Random(rng);
        B = TP.Generator * Fr.Random(rng);
        BAffine = B.ToAffine();
        K = Fr.Random(rng);
    }

    [Benchmark] public TP Add() { TP.Add(A, B, out A); return A; }
    [Benchmark] public TP AddMixed() { TP.AddMixed(A, BAffine, out A); return A; }
    [Benchmark] public TP Double() { TP.Double(A, out A); return A; }
    [Benchmark] public TP ScalarMul() { TP.Multiply(A, K, out A); return A; }
}

/// <summary>G1 (y^2 = x^3 + 3 over Fq): group operations; scalar multiplication with GLV and plain wNAF.</summary>
public class CurveG1Benchmarks : CurveBenchmarks<G1Projective, G1Affine, Fq>
{
    [Benchmark] public G1Projective ScalarMulWnafNoGlv() => A = A.MultiplyWnaf(K.ToBigInteger());
}

/// <summary>G2 (the twist over Fq2): group operations, scalar multiplication (ψ split and plain wNAF), and the subgroup checks.</summary>
public class CurveG2Benchmarks : CurveBenchmarks<G2Projective, G2Affine, Fq2>
{
    [Benchmark] public G2Projective ScalarMulWnafNoPsi() => A = A.Multiply(K.ToBigInteger());
    [Benchmark] public bool SubgroupCheckPsi() => BAffine.IsInSubgroup;
    [Benchmark] public bool SubgroupCheckByOrder() => BAffine.IsInSubgroupByOrder;
}
