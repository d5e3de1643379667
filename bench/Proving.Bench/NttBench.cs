using BenchmarkDotNet.Attributes;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;

namespace Proving.Bench;

/// <summary>Forward NTT over BN254 Fr, natural order in and out, on all cores (the snarkjs / ffjavascript Fr.fft shape),
/// plus the inverse coset transform used by Groth16's H. Twiddles are cached before measuring.</summary>
[MemoryDiagnoser]
public class NttBench
{
    private Fr[] _data = [];
    private readonly CpuBackend _cpu = new();

    /// <summary>log2 of the transform size.</summary>
    [ParamsSource(nameof(Sizes))]
    public int LogN { get; set; }

    /// <summary>2^10..2^22 (override with PROVING_BENCH_LOGN).</summary>
    public static IEnumerable<int> Sizes => BenchSizes.LogN(10, 12, 14, 16, 18, 20, 22);

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        _data = new Fr[1 << LogN];
        for (int i = 0; i < _data.Length; i++) _data[i] = Fr.Random(rng);
        _cpu.Ntt(_data, NttConfig.Forward);
        _cpu.Ntt(_data, NttConfig.Inverse);
        _cpu.Ntt(_data, NttConfig.OddCoset(LogN));
    }

    [Benchmark]
    public void Forward() => _cpu.Ntt(_data, NttConfig.Forward);

    [Benchmark]
    public void InverseOddCoset() => _cpu.Ntt(_data, NttConfig.OddCoset(LogN, Proving.Core.Ntt.NttDirection.Inverse));
}
