using BenchmarkDotNet.Attributes;
using Proving.Core.Curves.Bn254;

namespace Proving.Bench;

/// <summary>BN254 base and scalar field: one operation per invocation, on values that change every call
/// (the result feeds the next call, so the figure is latency, not throughput).</summary>
[MemoryDiagnoser]
public class FieldBenchmarks
{
    private Fq _qa, _qb;
    private Fr _ra, _rb;
    private Fq2 _q2a, _q2b;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        _qa = Fq.Random(rng); _qb = Fq.Random(rng);
        _ra = Fr.Random(rng); _rb = Fr.Random(rng);
        _q2a = Fq2.Random(rng); _q2b = Fq2.Random(rng);
    }

    [Benchmark] public Fq FqMul() => _qa = _qa * _qb;
    [Benchmark] public Fq FqSquare() => _qa = _qa.Square();
    [Benchmark] public Fq FqAdd() => _qa = _qa + _qb;
    [Benchmark] public Fq FqInverse() => _qa = _qa.Inverse();
    [Benchmark] public Fr FrMul() => _ra = _ra * _rb;
    [Benchmark] public Fr FrSquare() => _ra = _ra.Square();
    [Benchmark] public Fr FrInverse() => _ra = _ra.Inverse();
    [Benchmark] public Fq2 Fq2Mul() => _q2a = _q2a * _q2b;
    [Benchmark] public Fq2 Fq2Square() => _q2a = _q2a.Square();
}
