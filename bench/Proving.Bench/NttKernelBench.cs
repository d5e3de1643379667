using BenchmarkDotNet.Attributes;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;
using Proving.Core.Ntt;

namespace Proving.Bench;

/// <summary>Forward NTT over BN254 Fr (natural order, all cores) with scalar butterflies and with the AVX-512 ones
/// (scalar where unsupported) in one run, so that both see the same machine load.</summary>
public class NttKernelBench
{
    private Fr[] _data = [];
    private readonly CpuBackend _cpu = new();

    /// <summary>log2 of the transform size.</summary>
    [ParamsSource(nameof(Sizes))]
    public int LogN { get; set; }

    /// <summary>Whether the AVX-512 butterflies may run.</summary>
    [ParamsAllValues]
    public bool Avx512 { get; set; }

    /// <summary>2^16, 2^18, 2^20 (override with PROVING_BENCH_LOGN).</summary>
    public static IEnumerable<int> Sizes => BenchSizes.LogN(16, 18, 20);

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        _data = new Fr[1 << LogN];
        for (int i = 0; i < _data.Length; i++) _data[i] = Fr.Random(rng);
        Forward();
    }

    [Benchmark]
    public void Forward()
    {
        CpuNtt.VectorButterflies = Avx512;
        _cpu.Ntt(_data, NttConfig.Forward);
    }
}
