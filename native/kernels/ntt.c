// Radix-2 decimation-in-time NTT over BN254 Fr on columns of n = 2^log_n elements stored one after another (a batch).
// The stages take bit-reversed input and give natural output; the host orders the passes:
//   fr_scale_powers (coset shift / 1/n) -> fr_bit_reverse -> fr_ntt_local (first log_block stages in local memory)
//   -> fr_ntt_stage (each later stage) -> fr_bit_reverse.
// tw holds w^j for j < n/2, w the primitive n-th root of unity (or its inverse for the inverse transform); the
// stage with half-width m uses w_2m^j = tw[j * n / 2m].
#include "field.h"

#define NTT_MAX_LOCAL_LOG 9   // 512 elements (16 KiB) of local / shared memory per group

DEVICE u32 bit_reverse(u32 x, u32 bits)
{
#if defined(PROVING_CUDA)
    return bits == 0 ? 0 : __brev(x) >> (32 - bits);
#else
    u32 r = 0;
    for (u32 i = 0; i < bits; i++) { r = (r << 1) | (x & 1); x >>= 1; }
    return r;
#endif
}

// In-place bit-reversal permutation of every column; one work item per element (total = batch * n).
KERNEL void fr_bit_reverse(GLOBAL u32* a, u32 log_n, u64 total)
{
    u64 gid = GLOBAL_ID;
    if (gid >= total) return;
    u64 base = (gid >> log_n) << log_n;
    u32 i = (u32)(gid & (((u64)1 << log_n) - 1));
    u32 j = bit_reverse(i, log_n);
    if (i < j) {
        fr_t x = fr_load(a, base + i);
        fr_t y = fr_load(a, base + j);
        fr_store(a, base + i, y);
        fr_store(a, base + j, x);
    }
}

// a[i] *= c * h^idx, idx = i or bit_reverse(i) within the column; consts = [c, h]. One work item per element.
KERNEL void fr_scale_powers(GLOBAL u32* a, const GLOBAL u32* consts, u32 log_n, u32 index_bit_reversed, u64 total)
{
    u64 gid = GLOBAL_ID;
    if (gid >= total) return;
    u32 i = (u32)(gid & (((u64)1 << log_n) - 1));
    u32 e = index_bit_reversed ? bit_reverse(i, log_n) : i;
    fr_t f = fr_load(consts, 0);
    fr_t h = fr_load(consts, 1);
    while (e != 0) {
        if (e & 1) f = fr_mul(f, h);
        h = fr_sqr(h);
        e >>= 1;
    }
    fr_store(a, gid, fr_mul(fr_load(a, gid), f));
}

// One global butterfly stage of half-width m = 2^log_m; one work item per butterfly (total = batch * n / 2).
KERNEL void fr_ntt_stage(GLOBAL u32* a, const GLOBAL u32* tw, u32 log_n, u32 log_m, u64 total)
{
    u64 gid = GLOBAL_ID;
    if (gid >= total) return;
    u64 base = (gid >> (log_n - 1)) << log_n;
    u32 t = (u32)(gid & (((u64)1 << (log_n - 1)) - 1));
    u32 m = 1u << log_m;
    u32 j = t & (m - 1);
    u64 k = base + ((u64)(t >> log_m) << (log_m + 1)) + j;
    fr_t w = fr_load(tw, (u64)j << (log_n - 1 - log_m));
    fr_t u = fr_load(a, k);
    fr_t v = fr_mul(fr_load(a, k + m), w);
    fr_store(a, k, fr_add(u, v));
    fr_store(a, k + m, fr_sub(u, v));
}

// The first log_block stages (half-widths 1 .. 2^(log_block-1)) of blocks of 2^log_block contiguous elements in
// local memory. Launched with exactly 2^(log_block-1) work items per group and total = batch * n / 2 work items.
KERNEL void fr_ntt_local(GLOBAL u32* a, const GLOBAL u32* tw, u32 log_n, u32 log_block, u64 total)
{
    LOCAL fr_t sh[1 << NTT_MAX_LOCAL_LOG];
    u64 gid = GLOBAL_ID;
    u32 lid = LOCAL_ID;
    u32 half_width = 1u << (log_block - 1);
    u64 start = (gid >> (log_block - 1)) << log_block;
    sh[lid] = fr_load(a, start + lid);
    sh[lid + half_width] = fr_load(a, start + lid + half_width);
    BARRIER();
    for (u32 log_m = 0; log_m < log_block; log_m++) {
        u32 m = 1u << log_m;
        u32 j = lid & (m - 1);
        u32 k = ((lid >> log_m) << (log_m + 1)) + j;
        fr_t w = fr_load(tw, (u64)j << (log_n - 1 - log_m));
        fr_t u = sh[k];
        fr_t v = fr_mul(sh[k + m], w);
        sh[k] = fr_add(u, v);
        sh[k + m] = fr_sub(u, v);
        BARRIER();
    }
    fr_store(a, start + lid, sh[lid]);
    fr_store(a, start + lid + half_width, sh[lid + half_width]);
}
