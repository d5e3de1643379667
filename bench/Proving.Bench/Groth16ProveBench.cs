using BenchmarkDotNet.Attributes;
using Proving.Core.Circom;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;
using Proving.Core.Groth16;

namespace Proving.Bench;

/// <summary>
/// Groth16 prove time on the CPU backend for squaring-chain circuits whose domain is exactly 2^LogDomain
/// (2^k − 2 constraints; made by tests/fixtures/generate.sh chain_k&lt;k&gt; into tests/fixtures/cache, generated here on
/// first use, or beforehand with <c>tests/fixtures/generate.sh chain_k18</c>: k = 18 costs about 12 CPU-minutes and 1.1 GB
/// of memory, mostly the 2^18 powers of tau and snarkjs's setup).
/// The key is loaded once in setup, as a prover service would; the figure is one proof from a witness
/// (witness products, 6 NTTs, 5 MSMs, blinding). Peer: snarkjs groth16_prove on the same circuits in ../shared/peers
/// (about 1.0 s, 3.4 s, 11.4 s, 45 s for k = 12, 14, 16, 18 on the 2-core baseline machine).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class Groth16ProveBench
{
    private Prover _prover = null!;
    private Fr[] _witness = null!;

    /// <summary>log2 of the evaluation domain.</summary>
    [ParamsSource(nameof(Sizes))]
    public int LogDomain { get; set; }

    /// <summary>The default sizes (the issue's ~2^12 to ~2^18 constraints), or PROVING_BENCH_LOGN (e.g. 18).</summary>
    public static IEnumerable<int> Sizes => BenchSizes.LogN(12, 14, 16, 18);

    /// <summary>Whether the prover overlaps its NTTs and MSMs (<see cref="ProverOptions.ConcurrentSteps"/>).</summary>
    [ParamsSource(nameof(OverlapValues))]
    public bool Overlap { get; set; } = true;

    /// <summary>See <see cref="BenchSizes.Overlap"/>.</summary>
    public static IEnumerable<bool> OverlapValues => BenchSizes.Overlap();

    [GlobalSetup]
    public void Setup()
    {
        var dir = ChainFixture(LogDomain);
        _prover = Prover.Load(Path.Combine(dir, "circuit.zkey"), new CpuBackend(), options: new ProverOptions { ConcurrentSteps = Overlap });
        _witness = WtnsFile.Read(Path.Combine(dir, "witness.wtns"), _prover.Key.NVars);
    }

    [Benchmark]
    public Proof Prove() => _prover.Prove(_witness).Proof;

    /// <summary>tests/fixtures/cache/chain_k&lt;k&gt;, generated with generate.sh when missing.</summary>
    public static string ChainFixture(int k)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root != null && !File.Exists(Path.Combine(root.FullName, "Proving.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException("Proving.sln not found above " + AppContext.BaseDirectory);
        var dir = Path.Combine(root.FullName, "tests", "fixtures", "cache", $"chain_k{k}");
        if (!File.Exists(Path.Combine(dir, "proof.json")))
        {
            using var p = System.Diagnostics.Process.Start("bash", [Path.Combine(root.FullName, "tests", "fixtures", "generate.sh"), $"chain_k{k}"]);
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException($"generate.sh chain_k{k} failed");
        }
        return dir;
    }
}
