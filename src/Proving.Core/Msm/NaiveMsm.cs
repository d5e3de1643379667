using Proving.Core.Algebra;
using Proving.Core.Curves.Bn254;

namespace Proving.Core.Msm;

/// <summary>
/// Test oracle: Σ scalars[i]·bases[i] as n independent scalar multiplications (the curve types' own Multiply) added
/// up in Jacobian coordinates. Shares no code with <see cref="CpuMsm"/>; O(n·256) group operations, for tests only.
/// </summary>
public static class NaiveMsm
{
    /// <summary>Σ scalars[i]·bases[i] on G1.</summary>
    /// <exception cref="ArgumentException">The spans have different lengths.</exception>
    public static G1Projective G1(ReadOnlySpan<G1Affine> bases, ReadOnlySpan<Fr> scalars) =>
        Compute<G1Projective, G1Affine, Fq>(bases, scalars);

    /// <summary>Σ scalars[i]·bases[i] on G2.</summary>
    /// <exception cref="ArgumentException">The spans have different lengths.</exception>
    public static G2Projective G2(ReadOnlySpan<G2Affine> bases, ReadOnlySpan<Fr> scalars) =>
        Compute<G2Projective, G2Affine, Fq2>(bases, scalars);

    /// <summary>Σ scalars[i]·bases[i] in any curve group of order r.</summary>
    /// <exception cref="ArgumentException">The spans have different lengths.</exception>
    public static TProj Compute<TProj, TAff, TF>(ReadOnlySpan<TAff> bases, ReadOnlySpan<Fr> scalars)
        where TProj : struct, ICurveGroup<TProj, TAff, TF, Fr>
        where TAff : struct, IAffinePoint<TAff, TF>
        where TF : struct, IField<TF>
    {
        if (bases.Length != scalars.Length)
            throw new ArgumentException($"MSM needs one scalar per base: {bases.Length} bases, {scalars.Length} scalars");
        var acc = TProj.Identity;
        for (int i = 0; i < bases.Length; i++)
        {
            TProj.Multiply(TProj.FromAffine(bases[i]), scalars[i], out var term);
            TProj.Add(acc, term, out acc);
        }
        return acc;
    }
}
