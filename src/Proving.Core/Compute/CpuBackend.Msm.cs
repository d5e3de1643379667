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
}
