// The MSM kernels of msm_common.h's pipeline for one group; expects POINT (g1 / g2). Kernel names: <POINT>_msm_*.
#define MPASTE2(a, b) a##_##b
#define MPASTE(a, b) MPASTE2(a, b)
#define PT(name) MPASTE(POINT, name)
#define MSM(name) MPASTE(POINT, MPASTE(msm, name))

// One work item per (point, window): counts[bucket] += 1 for every non-zero digit of a non-identity point.
KERNEL void MSM(count)(const GLOBAL u32* scalars, const GLOBAL u32* points, volatile GLOBAL u32* counts, u32 c, u32 windows, u64 n)
{
    u64 gid = GLOBAL_ID;
    if (gid >= n * windows) return;
    u64 i = gid / windows;
    u32 w = (u32)(gid % windows);
    u32 d = scalar_digit(scalars, i, c, w);
    if (d == 0 || PT(affine_is_identity)(PT(load_affine)(points, i))) return;
    ATOMIC_INC(&counts[((u64)w << c) + d]);
}

// Same walk as msm_count: indices[cursor[bucket]++] = i; cursor starts as the exclusive prefix sum of the counts.
KERNEL void MSM(scatter)(const GLOBAL u32* scalars, const GLOBAL u32* points, volatile GLOBAL u32* cursor, GLOBAL u32* indices, u32 c, u32 windows, u64 n)
{
    u64 gid = GLOBAL_ID;
    if (gid >= n * windows) return;
    u64 i = gid / windows;
    u32 w = (u32)(gid % windows);
    u32 d = scalar_digit(scalars, i, c, w);
    if (d == 0 || PT(affine_is_identity)(PT(load_affine)(points, i))) return;
    u32 pos = ATOMIC_INC(&cursor[((u64)w << c) + d]);
    indices[pos] = (u32)i;
}

// One work item per bucket b: buckets[b] = sum of points[indices[offsets[b] .. offsets[b + 1])].
KERNEL void MSM(accumulate)(const GLOBAL u32* points, const GLOBAL u32* indices, const GLOBAL u32* offsets, GLOBAL u32* buckets, u64 bucket_count)
{
    u64 b = GLOBAL_ID;
    if (b >= bucket_count) return;
    PT(jac_t) acc = PT(identity)();
    for (u32 k = offsets[b]; k < offsets[b + 1]; k++)
        acc = PT(add_affine)(acc, PT(load_affine)(points, indices[k]));
    PT(store)(buckets, b, acc);
}

// One work item per window w: sums[w] = sum_{d=1}^{2^c - 1} d * buckets[w * 2^c + d], by running sums from the top.
KERNEL void MSM(window_reduce)(const GLOBAL u32* buckets, GLOBAL u32* sums, u32 c, u32 windows)
{
    u32 w = (u32)GLOBAL_ID;
    if (w >= windows) return;
    u64 base = (u64)w << c;
    PT(jac_t) running = PT(identity)(), total = PT(identity)();
    for (u32 d = (1u << c) - 1; d >= 1; d--) {
        running = PT(add)(running, PT(load)(buckets, base + d));
        total = PT(add)(total, running);
    }
    PT(store)(sums, w, total);
}

#undef MSM
#undef PT
#undef MPASTE
#undef MPASTE2
