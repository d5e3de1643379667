// Pippenger MSM over BN254 G1 or G2 on the device: sum_i k_i P_i with k_i in Fr and P_i affine ((0, 0) = identity).
// With c-bit windows (W = ceil(254 / c)), the pair (point i, window w) belongs to bucket w * 2^c + digit_w(k_i)
// (digit 0 adds nothing). The host runs:
//   msm_scalars_from_mont -> <g>_msm_count (bucket sizes, atomics) -> [host: exclusive prefix sum = offsets]
//   -> <g>_msm_scatter (point indices sorted by bucket, a counting sort) -> <g>_msm_accumulate (one work item per
//   bucket) -> <g>_msm_window_reduce (one work item per window: sum_d d * B_d by running sums) -> [host: combine].
// msm_g1.c and msm_g2.c instantiate msm_impl.h for one group each.
#ifndef PROVING_MSM_COMMON_H
#define PROVING_MSM_COMMON_H
#include "curve.h"

#if defined(PROVING_CUDA)
#define ATOMIC_INC(p) atomicAdd((u32*)(p), 1u)
#else
#define ATOMIC_INC(p) atomic_inc(p)
#endif

DEVICE u32 scalar_digit(const GLOBAL u32* s, u64 i, u32 c, u32 w)
{
    u32 lo = w * c;
    u32 limb = lo >> 5, shift = lo & 31;
    if (limb >= 8) return 0;
    u32 v = s[i * 8 + limb] >> shift;
    if (shift + c > 32 && limb + 1 < 8) v |= s[i * 8 + limb + 1] << (32 - shift);
    return v & ((1u << c) - 1);
}

// s[i] = s[i] / R: Montgomery form to the canonical integer (a Montgomery product with 1).
KERNEL void msm_scalars_from_mont(GLOBAL u32* s, u64 n)
{
    u64 i = GLOBAL_ID;
    if (i >= n) return;
    fr_t one = fr_zero();
    one.v[0] = 1;
    fr_store(s, i, fr_mul(fr_load(s, i), one));
}

#endif
