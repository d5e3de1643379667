using BenchmarkDotNet.Attributes;
using Proving.Core.Curves.Bn254;

namespace Proving.Bench;

/// <summary>The BN254 optimal ate pairing: one pairing, its two halves, and a product of four pairings
/// (one shared Miller loop and one final exponentiation, as in a Groth16 verification).</summary>
[MemoryDiagnoser]
public class PairingBench
{
    private G1Affine _p;
    private G2Affine _q;
    private Fq12 _miller;
    private readonly G1Affine[] _ps = new G1Affine[4];
    private readonly G2Affine[] _qs = new G2Affine[4];

    [GlobalSetup]
    public void Setup()
    {
        // points of the groups without group arithmetic: the generators and their negations
        _p = G1Affine.Generator;
        _q = G2Affine.Generator;
        var negP = G1Affine.Create(_p.X, -_p.Y);
        var negQ = G2Affine.Create(_q.X, -_q.Y);
        (_ps[0], _ps[1], _ps[2], _ps[3]) = (_p, negP, _p, negP);
        (_qs[0], _qs[1], _qs[2], _qs[3]) = (_q, _q, negQ, negQ);
        _miller = Pairing.MillerLoop(_p, _q);
    }

    [Benchmark(Baseline = true)] public Fq12 Pair() => Pairing.Pair(_p, _q);
    [Benchmark] public Fq12 MillerLoop() => Pairing.MillerLoop(_p, _q);
    [Benchmark] public Fq12 FinalExponentiation() => Pairing.FinalExponentiation(_miller);
    [Benchmark] public Fq12 MultiPair4() => Pairing.MultiPair(_ps, _qs);
}
