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
    /// default) keeps the key's arrays as they are; f ≥ 2 stores up to f points per base, which makes every later MSM
    /// cheaper but costs, once at creation, about (1 − 1/f)·254 point doublings per base (several proofs' worth of MSM
    /// time) and (f − 1) more copies of the key's points in memory: per wire 3 G1 (A, B1, C) and 1 G2 (B2) point and per
    /// domain element 1 G1 (H) point, i.e. f·(3·72 + 136) bytes per wire plus f·72 bytes per domain element beside the
    /// key itself (72 and 136 bytes are the in-memory sizes of G1Affine and G2Affine). Worth it only for a prover that
    /// makes many proofs with one key; backends without precomputation (GPU) ignore it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 1..<see cref="MsmConfig.MaxPrecomputeFactor"/>.</exception>
    public int PrecomputeFactor
    {
        get => _precomputeFactor;
        init => _precomputeFactor = new MsmConfig { PrecomputeFactor = value }.PrecomputeFactor;
    }

    /// <summary>No precomputation.</summary>
    public static ProverOptions Default { get; } = new();
}
