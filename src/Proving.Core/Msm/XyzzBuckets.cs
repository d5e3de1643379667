using Proving.Core.Algebra;

namespace Proving.Core.Msm;

/// <summary>Buckets in XYZZ coordinates: one mixed addition (8M + 2S) per point, then the running-sum reduction with
/// full XYZZ additions (eight lanes at a time for BN254 G1 and G2 on AVX-512, <see cref="BucketReduction"/>).</summary>
internal sealed unsafe class XyzzBuckets<TAff, TF> : BucketAccumulator<TAff, TF>
    where TAff : unmanaged, IAffinePoint<TAff, TF>
    where TF : unmanaged, IField<TF>
{
    private readonly Xyzz<TF>[] _buckets;
    private readonly bool _vectorReduce;

    /// <summary>Storage for up to <paramref name="maxBuckets"/> buckets; <paramref name="vectorReduce"/> (default
    /// <see cref="BucketReduction.VectorByDefault"/>) selects the eight-lane reduction where it applies.</summary>
    public XyzzBuckets(int maxBuckets, bool? vectorReduce = null)
    {
        _buckets = new Xyzz<TF>[maxBuckets];
        _vectorReduce = BucketReduction.LanesApply<TF>() && (vectorReduce ?? BucketReduction.VectorByDefault);
    }

    /// <summary>Whether this accumulator may reduce its buckets in lanes (<see cref="BucketReduction"/>).</summary>
    internal bool VectorReduce => _vectorReduce;

    /// <inheritdoc />
    public override Xyzz<TF> WindowSum(TAff* bases, int* digits, int start, int end, int bucketCount)
    {
        var buckets = _buckets;
        Array.Clear(buckets, 0, bucketCount);
        int used = 0;
        for (int i = start; i < end; i++)
        {
            int d = digits[i];
            if (d == 0) continue;
            ref readonly TAff p = ref bases[i];
            if (d > 0)
            {
                Xyzz<TF>.AddAffine(ref buckets[d - 1], p.X, p.Y);
                if (d > used) used = d;
            }
            else
            {
                Xyzz<TF>.SubAffine(ref buckets[-d - 1], p.X, p.Y);
                if (-d > used) used = -d;
            }
        }
        fixed (Xyzz<TF>* pb = buckets) return BucketReduction.SumXyzz(pb, used, _vectorReduce);
    }
}
