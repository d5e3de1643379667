using Proving.Core.Algebra;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;

namespace Proving.Core.Msm;

/// <summary>
/// Multi-scalar multiplication Σ scalars[i]·bases[i] on the CPU (Pippenger, signed-digit windows, XYZZ or batch-affine
/// buckets, windows and chunks of points in parallel over all cores), for G1, G2, or any curve group given by the curve interfaces.
/// Scalars are <see cref="Fr"/> elements, which are always fully reduced (&lt; r) by construction; integers that may be
/// &gt;= r must be converted first with <see cref="Fr.FromBigIntegerReduced"/> (reduce) or <see cref="Fr.FromBigInteger"/>
/// (reject). Bases may include the point at infinity and repeats; zero scalars are allowed; n = 0 gives the identity.
/// Variable-time: do not use with secret scalars where timing is observable.
/// </summary>
public static partial class CpuMsm
{
    /// <summary>The window width used on G1 when <see cref="MsmConfig.WindowBits"/> is 0 and the accumulation is automatic,
    /// for <paramref name="n"/> points.</summary>
    public static int DefaultWindowBits(int n) => Pippenger.DefaultWindowBits(n);

    /// <summary>Σ scalars[i]·bases[i] on G1.</summary>
    /// <exception cref="ArgumentException">The spans have different lengths.</exception>
    public static G1Projective G1(ReadOnlySpan<G1Affine> bases, ReadOnlySpan<Fr> scalars, MsmConfig? config = null) =>
        Compute<G1Projective, G1Affine, Fq>(bases, scalars, config);

    /// <summary>Σ scalars[i]·bases[i] on G2.</summary>
    /// <exception cref="ArgumentException">The spans have different lengths.</exception>
    public static G2Projective G2(ReadOnlySpan<G2Affine> bases, ReadOnlySpan<Fr> scalars, MsmConfig? config = null) =>
        Compute<G2Projective, G2Affine, Fq2>(bases, scalars, config);

    /// <summary>Σ scalars[i]·bases[i] in any curve group of order r.</summary>
    /// <exception cref="ArgumentException">The spans have different lengths.</exception>
    public static TProj Compute<TProj, TAff, TF>(ReadOnlySpan<TAff> bases, ReadOnlySpan<Fr> scalars, MsmConfig? config = null)
        where TProj : struct, ICurveGroup<TProj, TAff, TF, Fr>
        where TAff : unmanaged, IAffinePoint<TAff, TF>
        where TF : unmanaged, IField<TF>
    {
        if (bases.Length != scalars.Length)
            throw new ArgumentException($"MSM needs one scalar per base: {bases.Length} bases, {scalars.Length} scalars");
        config ??= MsmConfig.Default;
        var sum = Pippenger.Run<TAff, TF>(bases, scalars, config);
        sum.ToJacobian(out var x, out var y, out var z);
        return TProj.FromJacobianUnchecked(x, y, z);
    }
}
