using Proving.Core.Curves.Bn254;
using Proving.Core.Msm;

namespace Proving.Core.Compute;

public sealed partial class CpuBackend
{
    /// <inheritdoc />
    public G1Projective MsmG1(ReadOnlySpan<G1Affine> bases, ReadOnlySpan<Fr> scalars, MsmConfig config) =>
        CpuMsm.G1(bases, scalars, config ?? throw new ArgumentNullException(nameof(config)));

    /// <inheritdoc />
    public G2Projective MsmG2(ReadOnlySpan<G2Affine> bases, ReadOnlySpan<Fr> scalars, MsmConfig config) =>
        CpuMsm.G2(bases, scalars, config ?? throw new ArgumentNullException(nameof(config)));

    /// <summary>Prepares G1 bases with fixed-base precomputation (<see cref="CpuMsm.Prepare(G1Affine[], MsmConfig?)"/>).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">F·n points would exceed the largest .NET array.</exception>
    public MsmBases<G1Affine> PrepareMsmBasesG1(G1Affine[] bases, MsmConfig config) =>
        CpuMsm.Prepare(bases, config ?? throw new ArgumentNullException(nameof(config)));

    /// <summary>Prepares G2 bases with fixed-base precomputation (<see cref="CpuMsm.Prepare(G2Affine[], MsmConfig?)"/>).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">F·n points would exceed the largest .NET array.</exception>
    public MsmBases<G2Affine> PrepareMsmBasesG2(G2Affine[] bases, MsmConfig config) =>
        CpuMsm.Prepare(bases, config ?? throw new ArgumentNullException(nameof(config)));

    /// <inheritdoc />
    public G1Projective MsmG1(MsmBases<G1Affine> bases, ReadOnlySpan<Fr> scalars, MsmConfig config) =>
        CpuMsm.G1(bases, scalars, config ?? throw new ArgumentNullException(nameof(config)));

    /// <inheritdoc />
    public G2Projective MsmG2(MsmBases<G2Affine> bases, ReadOnlySpan<Fr> scalars, MsmConfig config) =>
        CpuMsm.G2(bases, scalars, config ?? throw new ArgumentNullException(nameof(config)));
}
