using Proving.Core.Compute;

namespace Proving.Core.Groth16;

/// <summary>
/// How a <see cref="Prover"/> prepares its proving key's MSM bases (A, B1, B2, C, H) when it is created.
/// </summary>
public sealed record ProverOptions
{
    private readonly int _precomputeFactor = 1;

    /// <summary>
    /// Fixed-base precomputation factor for the key's MSM bases (<see cref="MsmConfig.PrecomputeFactor"/>): 1 (the
    /// default) uses the key's arrays as they are; f ≥ 2 makes every later MSM cheaper (s = ceil(W / f) windows instead of
    /// W) but costs, once at creation, about (1 − 1/f)·254 point doublings per base (several proofs' worth of MSM time)
    /// and F ≤ f more copies of the key's points (the prepared bases hold the originals too): per wire 3 G1 (A, B1, C)
    /// and 1 G2 (B2) point, per domain element 1 G1 (H) point, i.e. about F·(3·72 + 136) = F·352 bytes per wire plus
    /// F·72 bytes per domain element (72 and 136 bytes are the in-memory sizes of G1Affine and G2Affine); see
    /// <see cref="Prover.PrecomputedBytes"/>. Worth it only for a prover that makes many proofs with one key (a service):
    /// on the 2^16-constraint chain circuit (2 cores, AVX-512; bench/RESULTS.md, session 3) f = 255 took 685 ms per proof
    /// against about 1000 ms at f = 1, after 6.5 s of preparation and 423 MiB (paid back after about 20 proofs; 2^12:
    /// 65 against 105 ms after 0.6 s; 2^18: 2.5 against 2.8 s after 26 s and 1.7 GiB). The default is off because
    /// one-shot proving (the CLI) would pay the preparation for a single proof. Backends without precomputation (the GPU
    /// backends) ignore it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 1..<see cref="MsmConfig.MaxPrecomputeFactor"/>.</exception>
    public int PrecomputeFactor
    {
        get => _precomputeFactor;
        init => _precomputeFactor = new MsmConfig { PrecomputeFactor = value }.PrecomputeFactor;
    }

    /// <summary>
    /// Whether a proof overlaps its heavy steps when the backend allows it (<see cref="IComputeBackend.SupportsConcurrentCalls"/>;
    /// default true). The three NTT pairs with h = a·b − c, then MSM H, form the critical path; MSMs A, B1, B2 and C run
    /// beside it, each on its own thread (on more than 11 cores, on a share of the cores), taken in the order NTTs, H,
    /// B2, A, B1, C by min(cores, 6) workers. Small MSMs parallelise poorly inside (a 2^12 G1 MSM over factor-255 bases
    /// took 18.9 ms on two cores and 17.8 ms on one), so running whole steps side by side keeps the cores busier; the
    /// timings then list each step's own duration and the group's wall clock (<see cref="Prover.OverlappedStep"/>).
    /// False runs the steps one after another, each on every core (as before; for profiling one step at a time).
    /// </summary>
    public bool ConcurrentSteps { get; init; } = true;

    /// <summary>No precomputation, overlapped steps.</summary>
    public static ProverOptions Default { get; } = new();
}
