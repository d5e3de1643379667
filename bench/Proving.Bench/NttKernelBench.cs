using BenchmarkDotNet.Attributes;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;
using Proving.Core.Ntt;

namespace Proving.Bench;

/// <summary>Forward NTT over BN254 Fr (natural order, all cores) with each butterfly kernel variant in one run, so that
/// the variants are compared under the same machine load: plain radix-2 passes, or the stages outside the cache blocks
/// fused two at a time (radix-2^2); scalar butterflies, or eight at a time with AVX-512 (scalar where unsupported).</summary>
public class NttKernelBench
{
    private Fr[] _data = [];
    private readonly CpuBackend _cpu = new();

    /// <summary>The butterfly kernel variant.</summary>
    public enum Kernel
    {
        /// <summary>Every stage its own pass, scalar butterflies (the code before radix-2^2 and AVX-512).</summary>
        Radix2,
        /// <summary>Outer stages two per pass, scalar butterflies.</summary>
        Radix2Squared,
        /// <summary>Every stage its own pass, AVX-512 butterflies.</summary>
        Radix2Avx512,
        /// <summary>Outer stages two per pass, AVX-512 butterflies.</summary>
        Radix2SquaredAvx512,
    }

    /// <summary>log2 of the transform size.</summary>
    [ParamsSource(nameof(Sizes))]
    public int LogN { get; set; }

    /// <summary>The variant measured.</summary>
    [ParamsAllValues]
    public Kernel Variant { get; set; }

    /// <summary>2^16, 2^18, 2^20 (override with PROVING_BENCH_LOGN).</summary>
    public static IEnumerable<int> Sizes => BenchSizes.LogN(16, 18, 20);

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        _data = new Fr[1 << LogN];
        for (int i = 0; i < _data.Length; i++) _data[i] = Fr.Random(rng);
        Select();
        _cpu.Ntt(_data, NttConfig.Forward);
    }

    private void Select()
    {
        CpuNtt.FusedOuterStages = Variant is Kernel.Radix2Squared or Kernel.Radix2SquaredAvx512;
        CpuNtt.VectorButterflies = Variant is Kernel.Radix2Avx512 or Kernel.Radix2SquaredAvx512;
    }

    [Benchmark]
    public void Forward()
    {
        Select();
        _cpu.Ntt(_data, NttConfig.Forward);
    }
}
