using BenchmarkDotNet.Attributes;
using Proving.Core.Circom;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;
using Proving.Core.Groth16;
using Proving.Testing;

namespace Proving.Bench;

/// <summary>
/// Groth16 prove time on the CPU backend by the precompute factor of the key's MSM bases
/// (<see cref="ProverOptions.PrecomputeFactor"/>): the committed poseidon and eddsa_poseidon fixtures and the
/// chain_k16 squaring chain (generated into tests/fixtures/cache on first use; override the list with
/// PROVING_BENCH_CIRCUITS, e.g. chain_k12,chain_k14). The key is loaded and prepared once in setup (the setup prints the
/// preparation time and memory); the figure is one proof from a witness.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class Groth16PrecomputeBench
{
    private Prover _prover = null!;
    private Fr[] _witness = null!;

    /// <summary>Fixture name.</summary>
    [ParamsSource(nameof(Circuits))]
    public string Circuit { get; set; } = "";

    /// <summary>Points stored per MSM base (1: none).</summary>
    [ParamsSource(nameof(Factors))]
    public int PrecomputeFactor { get; set; }

    /// <summary>1, 4, 255, or PROVING_BENCH_FACTORS (e.g. 1,255).</summary>
    public static IEnumerable<int> Factors => BenchSizes.Ints("PROVING_BENCH_FACTORS", [1, 4, MsmConfig.MaxPrecomputeFactor]);

    /// <summary>poseidon, eddsa_poseidon, chain_k16, or PROVING_BENCH_CIRCUITS.</summary>
    public static IEnumerable<string> Circuits
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("PROVING_BENCH_CIRCUITS");
            return string.IsNullOrWhiteSpace(env) ? ["poseidon", "eddsa_poseidon", "chain_k16"] : env.Split(',', StringSplitOptions.RemoveEmptyEntries);
        }
    }

    /// <summary>Whether the prover overlaps its NTTs and MSMs (<see cref="ProverOptions.ConcurrentSteps"/>).</summary>
    [ParamsSource(nameof(OverlapValues))]
    public bool Overlap { get; set; } = true;

    /// <summary>See <see cref="BenchSizes.Overlap"/>.</summary>
    public static IEnumerable<bool> OverlapValues => BenchSizes.Overlap();

    [GlobalSetup]
    public void Setup()
    {
        var key = ZkeyReader.Read(Fixtures.File(Circuit, "circuit.zkey"));
        var sw = System.Diagnostics.Stopwatch.StartNew();
        _prover = new Prover(key, new CpuBackend(), new ProverOptions { PrecomputeFactor = PrecomputeFactor, ConcurrentSteps = Overlap });
        Console.WriteLine($"// {Circuit}: {key.NVars} wires, domain {key.DomainSize}; prepared with factor {PrecomputeFactor} in {sw.Elapsed.TotalSeconds:F1} s, {_prover.PrecomputedBytes >> 20} MiB beside the key");
        _witness = WtnsFile.Read(Fixtures.File(Circuit, "witness.wtns"), key.NVars);
    }

    [Benchmark]
    public Proof Prove() => _prover.Prove(_witness).Proof;
}
