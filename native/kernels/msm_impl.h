// The MSM kernels of msm_common.h's pipeline for one group; expects POINT (g1 / g2). Kernel names: <POINT>_msm_*.
#define MPASTE2(a, b) a##_##b
#define MPASTE(a, b) MPASTE2(a, b)
#define PT(name) MPASTE(POINT, name)
#define MSM(name) MPASTE(POINT, MPASTE(msm, name))

// s[i] = s[i] / R (Montgomery form to the canonical integer, a Montgomery product with 1), or 0 when points[i] is
// the identity, so later kernels read only the scalars. One work item per point.
KERNEL void MSM(prepare_scalars)(GLOBAL u32* s, const GLOBAL u32* points, u64 n)
{
    u64 i = GLOBAL_ID;
    if (i >= n) return;
    fr_t one = fr_zero();
    one.v[0] = 1;
    fr_t k = PT(affine_is_identity)(PT(load_affine)(points, i)) ? fr_zero() : fr_mul(fr_load(s, i), one);
    fr_store(s, i, k);
}

// One work item per (point, window): counts[bucket] += 1 for every non-zero digit.
KERNEL void MSM(count)(const GLOBAL u32* scalars, volatile GLOBAL u32* counts, u32 c, u32 windows, u64 n)
{
    u64 gid = GLOBAL_ID;
    if (gid >= n * windows) return;
    u32 i = (u32)gid / windows;   // n * windows < 2^32 (checked by the host): 32-bit division
    u32 w = (u32)gid - i * windows;
    u32 d = scalar_digit(scalars, i, c, w);
    if (d != 0) ATOMIC_INC(&counts[((u64)w << c) + d]);
}

// Same walk as msm_count: indices[cursor[bucket]++] = i; cursor starts as the exclusive prefix sum of the counts.
KERNEL void MSM(scatter)(const GLOBAL u32* scalars, volatile GLOBAL u32* cursor, GLOBAL u32* indices, u32 c, u32 windows, u64 n)
{
    u64 gid = GLOBAL_ID;
    if (gid >= n * windows) return;
    u32 i = (u32)gid / windows;   // n * windows < 2^32 (checked by the host): 32-bit division
    u32 w = (u32)gid - i * windows;
    u32 d = scalar_digit(scalars, i, c, w);
    if (d == 0) return;
    u32 pos = ATOMIC_INC(&cursor[((u64)w << c) + d]);
    indices[pos] = i;
}

// One work item per task t: partials[t] = sum of points[indices[k]] for k in [task_start[t], task_start[t + 1]).
KERNEL void MSM(accumulate)(const GLOBAL u32* points, const GLOBAL u32* indices, const GLOBAL u32* task_start, GLOBAL u32* partials, u64 task_count)
{
    u64 t = GLOBAL_ID;
    if (t >= task_count) return;
    PT(jac_t) acc = PT(identity)();
    for (u32 k = task_start[t]; k < task_start[t + 1]; k++)
        acc = PT(add_affine)(acc, PT(load_affine)(points, indices[k]));
    PT(store)(partials, t, acc);
}

// One work item per bucket b: buckets[b] = sum of partials[t] for t in [bucket_tasks[b], bucket_tasks[b + 1]).
KERNEL void MSM(combine)(const GLOBAL u32* partials, const GLOBAL u32* bucket_tasks, GLOBAL u32* buckets, u64 bucket_count)
{
    u64 b = GLOBAL_ID;
    if (b >= bucket_count) return;
    u32 t = bucket_tasks[b], end = bucket_tasks[b + 1];
    PT(jac_t) acc = t < end ? PT(load)(partials, t++) : PT(identity)();
    for (; t < end; t++) acc = PT(add)(acc, PT(load)(partials, t));
    PT(store)(buckets, b, acc);
}

// One level of the windows' bucket reduction. Each window w holds 2^log_n points R_j (r_in[w * 2^log_n + j]) and,
// when has_u, as many points U_j, standing for the window sum T = sum_j U_j + 2^log_m * sum_j j * R_j (the first
// level: R = buckets, no U, log_m = 0, so T = sum_d d * B_d). Work item (w, k) takes the segment
// j in [k * L, k * L + L), L = 2^log_l, and writes
//   r_out = sum R_j,   u_out = sum U_j + 2^log_m * sum (j - k * L) * R_j,
// so that T = sum_k u_out + 2^(log_m + log_l) * sum_k k * r_out: the same shape with 2^(log_n - log_l) points. A
// level with log_l = log_n leaves one point per window, u_out = T. One work item per (window, segment).
KERNEL void MSM(reduce_level)(const GLOBAL u32* r_in, const GLOBAL u32* u_in, GLOBAL u32* r_out, GLOBAL u32* u_out,
                              u32 log_l, u32 log_m, u32 has_u, u64 items)
{
    u64 g = GLOBAL_ID;
    if (g >= items) return;
    u64 first = g << log_l;   // = w * 2^log_n + k * L, since g = w * 2^(log_n - log_l) + k
    PT(jac_t) running = PT(identity)(), weighted = PT(identity)(), plain = PT(identity)();
    for (u32 j = (1u << log_l); j-- > 0;) {
        weighted = PT(add)(weighted, running);   // after the loop: sum_j j * R_j (R_j counted once per lower j)
        running = PT(add)(running, PT(load)(r_in, first + j));
        if (has_u) plain = PT(add)(plain, PT(load)(u_in, first + j));
    }
    for (u32 i = 0; i < log_m; i++) weighted = PT(dbl)(weighted);
    PT(store)(r_out, g, running);
    PT(store)(u_out, g, PT(add)(plain, weighted));
}

#undef MSM
#undef PT
#undef MPASTE
#undef MPASTE2
