// Pippenger MSM over BN254 G1 on the device: sum_i k_i P_i with k_i in Fr and P_i affine ((0, 0) = identity).
// With c-bit windows (W = ceil(254 / c)), the pair (point i, window w) belongs to bucket w * 2^c + digit_w(k_i)
// (digit 0 adds nothing). The host runs:
//   msm_scalars_from_mont -> msm_count (bucket sizes, atomics) -> [host: exclusive prefix sum = offsets]
//   -> msm_scatter (point indices sorted by bucket, a counting sort) -> msm_accumulate (one work item per bucket)
//   -> msm_window_reduce (one work item per window: sum_d d * B_d by running sums) -> [host: combine windows].
#include "g1.h"

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

// One work item per (point, window): counts[bucket] += 1 for every non-zero digit of a non-identity point.
KERNEL void msm_count(const GLOBAL u32* scalars, const GLOBAL u32* points, volatile GLOBAL u32* counts, u32 c, u32 windows, u64 n)
{
    u64 gid = GLOBAL_ID;
    if (gid >= n * windows) return;
    u64 i = gid / windows;
    u32 w = (u32)(gid % windows);
    u32 d = scalar_digit(scalars, i, c, w);
    if (d == 0 || g1_affine_is_identity(g1_load_affine(points, i))) return;
    ATOMIC_INC(&counts[((u64)w << c) + d]);
}

// Same walk as msm_count: indices[cursor[bucket]++] = i; cursor starts as the exclusive prefix sum of the counts.
KERNEL void msm_scatter(const GLOBAL u32* scalars, const GLOBAL u32* points, volatile GLOBAL u32* cursor, GLOBAL u32* indices, u32 c, u32 windows, u64 n)
{
    u64 gid = GLOBAL_ID;
    if (gid >= n * windows) return;
    u64 i = gid / windows;
    u32 w = (u32)(gid % windows);
    u32 d = scalar_digit(scalars, i, c, w);
    if (d == 0 || g1_affine_is_identity(g1_load_affine(points, i))) return;
    u32 pos = ATOMIC_INC(&cursor[((u64)w << c) + d]);
    indices[pos] = (u32)i;
}

// One work item per bucket b: buckets[b] = sum of points[indices[offsets[b] .. offsets[b + 1])].
KERNEL void msm_accumulate(const GLOBAL u32* points, const GLOBAL u32* indices, const GLOBAL u32* offsets, GLOBAL u32* buckets, u64 bucket_count)
{
    u64 b = GLOBAL_ID;
    if (b >= bucket_count) return;
    g1_jac_t acc = g1_identity();
    for (u32 k = offsets[b]; k < offsets[b + 1]; k++)
        acc = g1_add_affine(acc, g1_load_affine(points, indices[k]));
    g1_store(buckets, b, acc);
}

// One work item per window w: sums[w] = sum_{d=1}^{2^c - 1} d * buckets[w * 2^c + d], by running sums from the top.
KERNEL void msm_window_reduce(const GLOBAL u32* buckets, GLOBAL u32* sums, u32 c, u32 windows)
{
    u32 w = (u32)GLOBAL_ID;
    if (w >= windows) return;
    u64 base = (u64)w << c;
    g1_jac_t running = g1_identity(), total = g1_identity();
    for (u32 d = (1u << c) - 1; d >= 1; d--) {
        running = g1_add(running, g1_load(buckets, base + d));
        total = g1_add(total, running);
    }
    g1_store(sums, w, total);
}
