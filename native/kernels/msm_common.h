// Pippenger MSM over BN254 G1 or G2 on the device: sum_i k_i P_i with k_i in Fr and P_i affine ((0, 0) = identity).
// With c-bit windows (W = ceil(254 / c)), the pair (point i, window w) belongs to bucket w * 2^c + digit_w(k_i)
// (digit 0 adds nothing). The host runs, for one group <g> (msm_impl.h):
//   <g>_msm_prepare_scalars (canonical integers; 0 for an identity base)
//   -> <g>_msm_count (bucket sizes, atomics) -> scan (bucket offsets) -> msm_task_counts -> scan -> msm_task_starts
//      (buckets cut into tasks) -> [host: reads the pair and task totals, 8 bytes]
//   -> <g>_msm_scatter (point indices sorted by bucket: a counting sort)
//   -> <g>_msm_accumulate (one work item per task: a run of at most max(32, sqrt(size)) points of one bucket, so a
//      bucket that holds most points, as with a witness full of 0s and 1s, is summed by many work items)
//   -> <g>_msm_combine (one work item per bucket: the sum of its tasks' partial sums)
//   -> <g>_msm_reduce_level, one launch per level (each window's sum_d d * B_d by running sums over segments, the
//      segments' results reduced again at the next level, so no work item walks more than 2^4 buckets)
//   -> [host: combine the window sums with c doublings each].
// msm_g1.c and msm_g2.c instantiate msm_impl.h for one group each.
#ifndef PROVING_MSM_COMMON_H
#define PROVING_MSM_COMMON_H
#include "curve.h"
#include "scan.h"

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

#define MSM_MIN_TASK_POINTS 32u

// Tasks for a bucket of m pairs: ceil(m / K), K = max(32, ceil(sqrt(m))) (MsmBucketTasks.cs plans the same on the host).
DEVICE u32 msm_tasks_for(u32 m)
{
    if (m <= MSM_MIN_TASK_POINTS) return m == 0 ? 0u : 1u;
    u32 r = 0;   // floor(sqrt(m)) < 2^16, bit by bit
    for (u32 bit = 1u << 15; bit != 0; bit >>= 1)
        if ((u64)(r | bit) * (r | bit) <= m) r |= bit;
    if ((u64)r * r < m) r++;
    u32 k = r > MSM_MIN_TASK_POINTS ? r : MSM_MIN_TASK_POINTS;
    return (u32)(((u64)m + k - 1) / k);
}

// tasks[b] = msm_tasks_for(counts[b]). One work item per bucket.
KERNEL void msm_task_counts(const GLOBAL u32* counts, GLOBAL u32* tasks, u64 bucket_count)
{
    u64 b = GLOBAL_ID;
    if (b < bucket_count) tasks[b] = msm_tasks_for(counts[b]);
}

// Bucket b's k tasks split [offsets[b], offsets[b] + m) evenly: task_start[bucket_tasks[b] + t] = offsets[b] + t * m / k;
// the last work item also writes the end, task_start[task count] = offsets[bucket_count]. One work item per bucket.
KERNEL void msm_task_starts(const GLOBAL u32* counts, const GLOBAL u32* offsets, const GLOBAL u32* bucket_tasks,
                            GLOBAL u32* task_start, u64 bucket_count)
{
    u64 b = GLOBAL_ID;
    if (b >= bucket_count) return;
    u32 m = counts[b], k = msm_tasks_for(m), first = bucket_tasks[b], offset = offsets[b];
    for (u32 t = 0; t < k; t++) task_start[first + t] = offset + (u32)((u64)t * m / k);
    if (b == bucket_count - 1) task_start[bucket_tasks[bucket_count]] = offsets[bucket_count];
}

#endif
