using Proving.Core.Algebra;

namespace Proving.Core.Msm;

/// <summary>
/// One worker's Pippenger buckets for a window: adds the points [start, end) into bucket |d| - 1 by their signed
/// digit d (negating the point for d &lt; 0) and returns the window sum Σ (b + 1)·bucket[b]. Instances keep their
/// storage between calls, so a worker allocates once per MSM; not thread-safe.
/// </summary>
/// <typeparam name="TAff">The affine point type of the bases.</typeparam>
/// <typeparam name="TF">The coordinate field.</typeparam>
internal abstract unsafe class BucketAccumulator<TAff, TF>
    where TAff : unmanaged, IAffinePoint<TAff, TF>
    where TF : unmanaged, IField<TF>
{
    /// <summary>Σ over i in [start, end) with digits[i] = d != 0 of d·bases[i], as Σ (b + 1)·bucket[b] with at most
    /// <paramref name="bucketCount"/> buckets (|d| &lt;= bucketCount). Bases with a non-zero digit are not infinity.</summary>
    public abstract Xyzz<TF> WindowSum(TAff* bases, int* digits, int start, int end, int bucketCount);
}
