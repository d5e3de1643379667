// Pippenger MSM over BN254 G1 or G2 on the device: sum_i k_i P_i with k_i in Fr and P_i affine ((0, 0) = identity).
// With c-bit windows (W = ceil(254 / c)), the pair (point i, window w) belongs to bucket w * 2^c + digit_w(k_i)
// (digit 0 adds nothing). The host runs, for one group <g> (msm_impl.h):
//   <g>_msm_prepare_scalars (canonical integers; 0 for an identity base)
//   -> <g>_msm_count (bucket sizes, atomics) -> [host: prefix sum = bucket offsets; buckets cut into tasks]
//   -> <g>_msm_scatter (point indices sorted by bucket: a counting sort)
//   -> <g>_msm_accumulate (one work item per task: a run of at most max(32, sqrt(size)) points of one bucket, so a
//      bucket that holds most points, as with a witness full of 0s and 1s, is summed by many work items)
//   -> <g>_msm_combine (one work item per bucket: the sum of its tasks' partial sums)
//   -> <g>_msm_reduce_level, one launch per level (each window's sum_d d * B_d by running sums over segments, the
//      segments' results reduced again at the next level, so no work item walks more than ~2^6 buckets)
//   -> [host: combine the window sums with c doublings each].
// msm_g1.c and msm_g2.c instantiate msm_impl.h for one group each.
#ifndef PROVING_MSM_COMMON_H
#define PROVING_MSM_COMMON_H
#include "curve.h"

#if defined(PROVING_CUDA)
#define ATOMIC_INC(p) atomicAdd((u32*)(p), 1u)
#else
#define ATOMIC_INC(p) atomic_inc(p)
#endif

// Bits [w * c, w * c + c) of the canonical scalar i (8 little-endian 32-bit limbs); c <= 31.
DEVICE u32 scalar_digit(const GLOBAL u32* s, u64 i, u32 c, u32 w)
{
    u32 lo = w * c;
    u32 limb = lo >> 5, shift = lo & 31;
    if (limb >= 8) return 0;
    u32 v = s[i * 8 + limb] >> shift;
    if (shift + c > 32 && limb + 1 < 8) v |= s[i * 8 + limb + 1] << (32 - shift);
    return v & ((1u << c) - 1);
}

#endif
