using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Proving.Core.Algebra;
using Proving.Core.Curves.Bn254;
using V8 = Proving.Core.Algebra.MontgomeryVector8<Proving.Core.Curves.Bn254.FqModulus>;

namespace Proving.Core.Msm;

/// <summary>
/// The window sum S = Σ_{b &lt; u} (b + 1)·B_b of the u used buckets of a Pippenger window: by the running-sum trick
/// (from the top down, R += B_b, S += R), or eight lanes at a time (<see cref="LaneXyzz{TL, TV, TF}"/>, BN254 G1 over
/// Fq and G2 over Fq2 on AVX-512).
/// <para>
/// Segmented running sums: with L = ceil(u / 8), lane k covers the buckets b = k·L + j for j in [0, L) and b &lt; u. The
/// walk j = L − 1 down to 0 does R_k += B_(k·L+j), S_k += R_k in every lane, so at the end R_k = Σ_j B_(k·L+j) and
/// S_k = Σ_j (j + 1)·B_(k·L+j) (the running-sum trick within the segment). Since b + 1 = (j + 1) + k·L,
/// S = Σ_k Σ_j ((j + 1) + k·L)·B_(k·L+j) = Σ_k S_k + L·Σ_k k·R_k. The last sum is itself a running sum over the lanes:
/// T_7 = R_7, T_k = T_(k+1) + R_k, and Σ_(k=1..7) T_k = Σ_k k·R_k. That combination (7 + 14 scalar additions and a
/// double-and-add by the small integer L) runs in scalar XYZZ arithmetic.
/// </para>
/// <para>
/// Cost per 8 buckets: one lane mixed addition (affine buckets) or full addition (XYZZ buckets) for R and one lane full
/// addition for S: the scalar reduction's field multiplications at the lane multiplication's throughput (11.9 against
/// 40.8 ns per Fq multiplication). Below <see cref="MinBuckets"/> used buckets the scalar combination costs more than
/// the lanes save, and the scalar running sum runs.
/// </para>
/// <para>
/// The XYZZ overflow buckets of a batch-affine window (pairs that found their bucket busy too often) are folded into R
/// with one more lane full addition, only in the steps where one of the eight is not empty. A scalar fallback for such
/// windows would cost the whole window the scalar price: summing XYZZ buckets (two full additions per bucket) measured
/// 1455 ns per bucket scalar against 364 in lanes on G1, 5113 against 1342 on G2 (32768 buckets).
/// </para>
/// </summary>
internal static unsafe class BucketReduction
{
    /// <summary>Process-wide default: whether accumulators reduce in lanes where <see cref="LanesApply{TF}"/>
    /// (benchmarks compare both paths in one run).</summary>
    public static bool VectorByDefault = true;

    /// <summary>Fewest used buckets reduced in lanes. Measured (BucketReductionBench, one core, warm, 2026-11-21), ns
    /// per bucket scalar / lanes, affine buckets: G1 8: 1133 / 1942, 12: 1173 / 1185, 16: 1198 / 1186, 20: 1216 / 988,
    /// 32: 1244 / 748, 4096: 1289 / 322; G2 8: 3741 / 6546, 16: 3994 / 3992, 20: 4068 / 3462, 32: 4110 / 2623, 4096:
    /// 4409 / 1195 (XYZZ buckets alike): the fixed cost is the scalar combination of the lanes.</summary>
    public const int MinBuckets = 20;

    /// <summary>Measured speed-up of the lane reduction on full windows (≥ 512 buckets, the figures of
    /// <see cref="MinBuckets"/>): G1 4.0x (affine and XYZZ buckets), G2 3.7x. MsmPlan scales its bucket term by the
    /// inverse.</summary>
    public static double LaneSpeedup<TF>() => typeof(TF) == typeof(Fq) ? 4.0 : 3.7;

    /// <summary>Whether the lane reduction runs for coordinates in <typeparamref name="TF"/>: Fq or Fq2 with AVX-512.</summary>
    public static bool LanesApply<TF>() => (typeof(TF) == typeof(Fq) || typeof(TF) == typeof(Fq2)) && V8.IsSupported;

    /// <summary>S over <paramref name="used"/> affine buckets: bucket b is (xy[2b], xy[2b + 1]) where full[b], empty
    /// otherwise, plus overflow[b] (XYZZ) when <paramref name="overflow"/> is not null. <paramref name="lanes"/>: reduce
    /// in lanes if <see cref="LanesApply{TF}"/> and there are at least <see cref="MinBuckets"/> buckets.</summary>
    public static Xyzz<TF> SumAffine<TF>(TF* xy, bool* full, Xyzz<TF>* overflow, int used, bool lanes)
        where TF : unmanaged, IField<TF>
    {
        if (lanes && used >= MinBuckets && LanesApply<TF>()) return LaneSumAffine(xy, full, overflow, used);
        var running = Xyzz<TF>.Infinity;
        var sum = Xyzz<TF>.Infinity;
        for (int b = used - 1; b >= 0; b--)
        {
            if (full[b]) Xyzz<TF>.AddAffine(ref running, xy[2 * b], xy[2 * b + 1]);
            if (overflow != null) Xyzz<TF>.Add(ref running, overflow[b]);
            Xyzz<TF>.Add(ref sum, running);
        }
        return sum;
    }

    /// <summary>S over <paramref name="used"/> XYZZ buckets; <paramref name="lanes"/> as for
    /// <see cref="SumAffine{TF}"/>.</summary>
    public static Xyzz<TF> SumXyzz<TF>(Xyzz<TF>* buckets, int used, bool lanes)
        where TF : unmanaged, IField<TF>
    {
        if (lanes && used >= MinBuckets && LanesApply<TF>()) return LaneSumXyzz(buckets, used);
        var running = Xyzz<TF>.Infinity;
        var sum = Xyzz<TF>.Infinity;
        for (int b = used - 1; b >= 0; b--)
        {
            Xyzz<TF>.Add(ref running, buckets[b]);
            Xyzz<TF>.Add(ref sum, running);
        }
        return sum;
    }

    /// <summary><see cref="SumAffine{TF}"/> in lanes for any <paramref name="used"/> ≥ 0; the caller checked
    /// <see cref="LanesApply{TF}"/>. With <paramref name="xy"/> and <paramref name="full"/> null only the XYZZ buckets
    /// <paramref name="overflow"/> count (<see cref="LaneSumXyzz{TF}"/>).</summary>
    internal static Xyzz<TF> LaneSumAffine<TF>(TF* xy, bool* full, Xyzz<TF>* overflow, int used)
        where TF : unmanaged, IField<TF> =>
        typeof(TF) == typeof(Fq)
            ? LaneSumAffine<FqLanes, V8.Soa4, TF>(xy, full, overflow, used)
            : LaneSumAffine<Fq2Lanes, Fq2Lanes.Soa, TF>(xy, full, overflow, used);

    /// <summary><see cref="SumXyzz{TF}"/> in lanes for any <paramref name="used"/> ≥ 0; the caller checked
    /// <see cref="LanesApply{TF}"/>.</summary>
    internal static Xyzz<TF> LaneSumXyzz<TF>(Xyzz<TF>* buckets, int used)
        where TF : unmanaged, IField<TF> => LaneSumAffine<TF>(null, null, buckets, used);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Xyzz<TF> LaneSumAffine<TL, TV, TF>(TF* xy, bool* full, Xyzz<TF>* overflow, int used)
        where TL : struct, ILaneField<TV>
        where TV : unmanaged
        where TF : unmanaged, IField<TF>
    {
        if (used <= 0) return Xyzz<TF>.Infinity;
        int l = (used + 7) / 8;
        var running = LaneXyzz<TL, TV, TF>.Infinity;
        var sum = LaneXyzz<TL, TV, TF>.Infinity;
        var none = stackalloc Xyzz<TF>[1]; // zeros: the address of absent lanes
        none[0] = default;
        var point = stackalloc Limbs4*[8];
        var extra = stackalloc Limbs4*[8];
        var present = stackalloc ulong[8];
        for (int j = l - 1; j >= 0; j--)
        {
            bool any = false, anyExtra = false;
            for (int k = 0, b = j; k < 8; k++, b += l)
            {
                bool inRange = b < used;
                bool f = inRange && full != null && full[b];
                point[k] = f ? (Limbs4*)(xy + 2 * b) : (Limbs4*)none;
                present[k] = f ? ulong.MaxValue : 0;
                any |= f;
                if (overflow != null)
                {
                    bool o = inRange && !overflow[b].IsInfinity;
                    extra[k] = o ? (Limbs4*)(overflow + b) : (Limbs4*)none;
                    anyExtra |= o;
                }
            }
            if (any) LaneXyzz<TL, TV, TF>.AddAffine(ref running, TL.Gather(point, 0), TL.Gather(point, 1), Vector512.Load(present));
            if (anyExtra) LaneXyzz<TL, TV, TF>.Add(ref running, LaneXyzz<TL, TV, TF>.Gather(extra));
            LaneXyzz<TL, TV, TF>.Add(ref sum, running);
        }
        return Combine(running, sum, l);
    }

    /// <summary>Σ_k S_k + L·Σ_k k·R_k from the lanes' running sums R and sums S (see the class comment).</summary>
    private static Xyzz<TF> Combine<TL, TV, TF>(in LaneXyzz<TL, TV, TF> running, in LaneXyzz<TL, TV, TF> sum, int l)
        where TL : struct, ILaneField<TV>
        where TV : unmanaged
        where TF : unmanaged, IField<TF>
    {
        var r = stackalloc Xyzz<TF>[8];
        var s = stackalloc Xyzz<TF>[8];
        running.Store(r);
        sum.Store(s);
        var total = s[0];
        for (int k = 1; k < 8; k++) Xyzz<TF>.Add(ref total, s[k]);
        var tail = Xyzz<TF>.Infinity;
        var weighted = Xyzz<TF>.Infinity;
        for (int k = 7; k >= 1; k--)
        {
            Xyzz<TF>.Add(ref tail, r[k]);
            Xyzz<TF>.Add(ref weighted, tail);
        }
        Xyzz<TF>.Add(ref total, Times(weighted, l));
        return total;
    }

    /// <summary>m·p for m ≥ 1 by double-and-add from the top bit.</summary>
    private static Xyzz<TF> Times<TF>(in Xyzz<TF> p, int m)
        where TF : unmanaged, IField<TF>
    {
        var acc = p;
        for (int bit = 30 - System.Numerics.BitOperations.LeadingZeroCount((uint)m); bit >= 0; bit--)
        {
            Xyzz<TF>.Double(ref acc);
            if ((m >> bit & 1) != 0) Xyzz<TF>.Add(ref acc, p);
        }
        return acc;
    }
}
