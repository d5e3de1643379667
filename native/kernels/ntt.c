// Radix-2 decimation-in-time NTT over BN254 Fr on columns of n = 2^log_n elements stored one after another (a batch).
// The stages take bit-reversed input and give natural output; the host orders the passes:
//   [fr_bit_reverse] -> fr_ntt_pass (stages 0 .. s0-1) -> fr_ntt_pass (next stages) ... -> [fr_bit_reverse].
// Each fr_ntt_pass reads and writes the array once and runs up to NTT_LOCAL_LOG consecutive stages in local / shared
// memory, so 2^24 takes 3 passes. The coset shift (forward) and the c·h^i scaling of the inverse are folded into the
// first pass's loads and the last pass's stores.
// tw holds w^j for j < n/2, w the primitive n-th root of unity (or its inverse for the inverse transform); the
// stage with half-width m = 2^log_m uses w_2m^j = tw[j * n / 2m].
#include "field.h"

// Elements of local / shared memory per group: 2^10 Fr = 32 KiB (OpenCL's minimum local memory; CUDA allows 48 KiB
// static shared memory per block). GpuNtt.LocalLog must match.
#define NTT_LOCAL_LOG 10
#define NTT_LOCAL (1u << NTT_LOCAL_LOG)

#if defined(PROVING_CUDA)
#define NTT_SHARED u32*
#define NTT_BOUNDS __launch_bounds__(NTT_LOCAL / 2)
#else
#define NTT_SHARED __local u32*
#define NTT_BOUNDS
#endif

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
// Square-and-multiply per element (~2 log n products): the NTT no longer uses it (see fr_ntt_pass's scaling);
// GpuVectorOps.ScaleByPowers does.
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

// Local memory holds element e's limb l at l * NTT_LOCAL + (e ^ 4l): limb-major, so a warp reading one limb of 32
// consecutive elements, or 8 limbs of 4 consecutive elements, hits 32 different banks.
DEVICE u32 sh_at(u32 limb, u32 e) { return limb * NTT_LOCAL + (e ^ (limb << 2)); }

DEVICE fr_t sh_load(NTT_SHARED sh, u32 e)
{
    fr_t r;
    UNROLL for (u32 l = 0; l < 8; l++) r.v[l] = sh[sh_at(l, e)];
    return r;
}

DEVICE void sh_store(NTT_SHARED sh, u32 e, fr_t x)
{
    UNROLL for (u32 l = 0; l < 8; l++) sh[sh_at(l, e)] = x.v[l];
}

// Index in the array of the group's element e (see fr_ntt_pass).
DEVICE u64 ntt_element(u64 start, u32 e, u32 log_m0, u32 log_s, u32 log_c)
{
    u32 x = e >> log_c;
    return start + ((u64)(x >> log_s) << (log_m0 + log_s)) + ((u64)(x & ((1u << log_s) - 1)) << log_m0) + (e & ((1u << log_c) - 1));
}

// c·h^idx for the element at array index g: idx its index in its column, bit-reversed when by_bit_reversed;
// c·h^idx = lo[idx mod 2^log_lo] · hi[idx >> log_lo], scale = lo then hi (built by GpuNtt).
DEVICE fr_t ntt_scale_factor(const GLOBAL u32* scale, u32 log_lo, u32 by_bit_reversed, u32 log_n, u64 g)
{
    u32 i = (u32)(g & (((u64)1 << log_n) - 1));
    if (by_bit_reversed) i = bit_reverse(i, log_n);
    return fr_mul(fr_load(scale, i & ((1u << log_lo) - 1)), fr_load(scale, (1u << log_lo) + (i >> log_lo)));
}

// Stages log_m0 .. log_m0 + log_s - 1 of every column, in local memory, on groups of 2^(log_b + log_s + log_c)
// elements. Within a block of 2^(log_m0 + log_s) elements, the stages pair indices that differ only in bits
// log_m0 .. log_m0 + log_s - 1, so a group takes the 2^log_s elements (x << log_m0) + low for 2^log_c consecutive
// low (its columns: runs of 2^log_c neighbouring elements, loaded word by word by neighbouring work items) and, when
// log_c = log_m0 (whole blocks), 2^log_b consecutive blocks. Group g starts at block (g >> (log_m0 - log_c)) << log_b,
// low = (g mod 2^(log_m0 - log_c)) << log_c. Elements at or past total (the last group of a batch) are left alone.
// scale_mode: bit 0 scales after the load, bit 1 before the store (see ntt_scale; bit 2: bit-reversed index).
// Any power-of-two group size up to 2^(log_b + log_s + log_c - 1) work items; each does size / 2 / LOCAL_SIZE
// butterflies per stage.
KERNEL NTT_BOUNDS void fr_ntt_pass(GLOBAL u32* a, const GLOBAL u32* tw, const GLOBAL u32* scale, u32 log_n,
                                   u32 log_m0, u32 log_s, u32 log_c, u32 log_b, u32 scale_mode, u32 log_scale_lo, u64 total)
{
    LOCAL u32 sh[8 * NTT_LOCAL];
    u32 lid = LOCAL_ID, threads = LOCAL_SIZE;
    u32 log_size = log_b + log_s + log_c, size = 1u << log_size;
    u32 log_chunks = log_m0 - log_c;
    u64 group = GROUP_ID;
    u64 start = ((group >> log_chunks) << (log_b + log_m0 + log_s)) + ((group & ((1u << log_chunks) - 1)) << log_c);
    u32 low0 = (u32)(start & ((1u << log_m0) - 1));
    // word w of the group: element e = w / 8 (its run x = e >> log_c), limb w mod 8
    for (u32 w = lid; w < 8 * size; w += threads) {
        u64 g = ntt_element(start, w >> 3, log_m0, log_s, log_c);
        sh[sh_at(w & 7, w >> 3)] = g < total ? a[g * 8 + (w & 7)] : 0;
    }
    BARRIER();
    if (scale_mode & 1) {   // (in the kernel body: PoCL 3.1 lost local stores made in a called function here)
        for (u32 e = lid; e < size; e += threads) {
            u64 g = ntt_element(start, e, log_m0, log_s, log_c);
            if (g < total) sh_store(sh, e, fr_mul(sh_load(sh, e), ntt_scale_factor(scale, log_scale_lo, scale_mode >> 2, log_n, g)));
        }
        BARRIER();
    }
    for (u32 t = 0; t < log_s; t++) {
        u32 log_m = log_m0 + t;
        for (u32 b = lid; b < size / 2; b += threads) {
            u32 col = b & ((1u << log_c) - 1), q = b >> log_c;
            u32 xt = q & ((1u << t) - 1);
            u32 e0 = ((((q >> t) << (t + 1)) + xt) << log_c) + col;
            u32 e1 = e0 + (1u << (log_c + t));
            u32 j = (xt << log_m0) + low0 + col;
            fr_t w = fr_load(tw, (u64)j << (log_n - 1 - log_m));
            fr_t u = sh_load(sh, e0);
            fr_t v = fr_mul(sh_load(sh, e1), w);
            sh_store(sh, e0, fr_add(u, v));
            sh_store(sh, e1, fr_sub(u, v));
        }
        BARRIER();
    }
    if (scale_mode & 2) {   // (in the kernel body: PoCL 3.1 lost local stores made in a called function here)
        for (u32 e = lid; e < size; e += threads) {
            u64 g = ntt_element(start, e, log_m0, log_s, log_c);
            if (g < total) sh_store(sh, e, fr_mul(sh_load(sh, e), ntt_scale_factor(scale, log_scale_lo, scale_mode >> 2, log_n, g)));
        }
        BARRIER();
    }
    for (u32 w = lid; w < 8 * size; w += threads) {
        u64 g = ntt_element(start, w >> 3, log_m0, log_s, log_c);
        if (g < total) a[g * 8 + (w & 7)] = sh[sh_at(w & 7, w >> 3)];
    }
}
