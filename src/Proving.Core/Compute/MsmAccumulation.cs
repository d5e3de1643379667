namespace Proving.Core.Compute;

/// <summary>How the CPU MSM accumulates points into Pippenger's buckets (see <see cref="MsmConfig.Accumulation"/>).</summary>
public enum MsmAccumulation
{
    /// <summary>The measured faster of the two for the input size and curve (the default).</summary>
    Auto = 0,

    /// <summary>Buckets in extended Jacobian XYZZ coordinates, one mixed addition (8M + 2S) per point.</summary>
    Xyzz = 1,

    /// <summary>
    /// Buckets in affine coordinates, additions done in batches of independent (point, bucket) pairs that share one field
    /// inversion (Montgomery's trick), about 5M + 1S per point.
    /// </summary>
    BatchAffine = 2,
}
