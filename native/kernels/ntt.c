// Radix-2 decimation-in-time NTT over BN254 Fr on columns of n = 2^log_n elements stored one after another (a batch).
// The stages take bit-reversed input and give natural output; the host orders the passes:
//   [bit reversal] -> fr_ntt_pass (stages 0 .. s0-1) -> fr_ntt_pass (next stages) ... -> [bit reversal],
// a bit reversal being fr_bit_reverse_tiles (or fr_bit_reverse for columns under 2^8).
// Each fr_ntt_pass reads and writes the array once and runs up to NTT_LOCAL_LOG consecutive stages in local / shared
// memory, so 2^24 takes 3 passes. The coset shift (forward) and the c·h^i scaling of the inverse ride on the first
// pass (after its load) and the last pass (before its store).
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

// In-place bit-reversal permutation of every column; one work item per element (total = batch * n). Scattered
// accesses: GpuNtt uses it below 2^(2 NTT_TILE_LOG) only, fr_bit_reverse_tiles above.
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

// Where local memory holds limb l of the group's element e. NTT_LOCAL_SOA 1 (the default on CUDA): limb-major at
// l * NTT_LOCAL + (e ^ 4l), so a warp reading one limb of 32 consecutive elements, or 8 limbs of 4 consecutive
// elements, hits 32 different banks. 0 (the default elsewhere): element-major, which PoCL runs about twice as fast.
#ifndef NTT_LOCAL_SOA
#if defined(PROVING_CUDA)
#define NTT_LOCAL_SOA 1
#else
#define NTT_LOCAL_SOA 0
#endif
#endif
DEVICE u32 sh_at(u32 limb, u32 e) { return NTT_LOCAL_SOA ? limb * NTT_LOCAL + (e ^ (limb << 2)) : e * 8 + limb; }

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

// x times c·h^idx, idx the index in its column of the array element g (bit-reversed when by_bit_reversed):
// c·h^idx = lo[idx mod 2^log_lo] · hi[idx >> log_lo], scale = lo then hi (built by GpuNtt).
DEVICE fr_t ntt_scaled(fr_t x, u64 g, const GLOBAL u32* scale, u32 log_lo, u32 by_bit_reversed, u32 log_n)
{
    u32 i = (u32)(g & (((u64)1 << log_n) - 1));
    if (by_bit_reversed) i = bit_reverse(i, log_n);
    return fr_mul(x, fr_mul(fr_load(scale, i & ((1u << log_lo) - 1)), fr_load(scale, (1u << log_lo) + (i >> log_lo))));
}

// In-place bit-reversal permutation of every column by tiles, for log_n >= 2 * NTT_TILE_LOG. With b = NTT_TILE_LOG and
// the index split as (hi, mid, lo) = (top b bits, the middle bits, low b bits), bit_reverse(hi, mid, lo) =
// (rev(lo), rev(mid), rev(hi)): the 2^2b elements of tile mid (every hi and lo) go to tile rev(mid), transposed.
// Group g (column g >> (log_n - 2b), mid = the rest) loads tiles mid and rev(mid) in runs of 2^b neighbouring
// elements, then writes each to the other's place, again in runs (groups with mid > rev(mid) have nothing to do).
// Any group size; batch * 2^(log_n - 2b) groups.
#define NTT_TILE_LOG 4
KERNEL void fr_bit_reverse_tiles(GLOBAL u32* a, u32 log_n)
{
    LOCAL u32 sh[8 * NTT_LOCAL];   // two tiles of 2^2b <= NTT_LOCAL / 2 elements (sh_at spans all of it)
    const u32 b = NTT_TILE_LOG, mask = (1u << NTT_TILE_LOG) - 1;
    u32 log_mid = log_n - 2 * b;
    u64 group = GROUP_ID;
    u64 column = (group >> log_mid) << log_n;
    u32 mid = (u32)(group & ((1u << log_mid) - 1)), rmid = bit_reverse(mid, log_mid);
    if (mid > rmid) return;
    u32 words = (mid == rmid ? 8u : 16u) << (2 * b);
    for (u32 w = LOCAL_ID; w < words; w += LOCAL_SIZE) {   // element e = (tile t, hi, lo) of tile (t ? rmid : mid)
        u32 e = w >> 3, hi = (e >> b) & mask, lo = e & mask;
        u64 g = column + ((u64)hi << (log_n - b)) + ((u64)((e >> (2 * b)) ? rmid : mid) << b) + lo;
        sh[sh_at(w & 7, e)] = a[g * 8 + (w & 7)];
    }
    BARRIER();
    for (u32 w = LOCAL_ID; w < words; w += LOCAL_SIZE) {   // position (hi, lo) of tile (t ? mid : rmid) takes (t, rev(lo), rev(hi))
        u32 e = w >> 3, t = e >> (2 * b), hi = (e >> b) & mask, lo = e & mask;
        u64 g = column + ((u64)hi << (log_n - b)) + ((u64)(t ? mid : rmid) << b) + lo;
        a[g * 8 + (w & 7)] = sh[sh_at(w & 7, (t << (2 * b)) + (bit_reverse(lo, b) << b) + bit_reverse(hi, b))];
    }
}

// fr_ntt_pass: no scaling; fr_ntt_pass_scale_in: c·h^bit_reverse(i) after the load (the forward coset shift: position
// i holds coefficient bit_reverse(i) before the stages); fr_ntt_pass_scale_out: c·h^i before the store (the inverse's
// 1/n and coset). Separate entry points keep the scaling code out of the plain pass (with it, PoCL runs a pass about
// 3x slower). NTT_SCALE_OWN_ELEMENTS multiplies the work item's elements lid and lid + pairs by their ntt_scaled
// factors, then waits for the group; it writes local memory in the kernel itself, as on PoCL 3.1 the local stores of
// a called function were lost.
#define NTT_SCALE_OWN_ELEMENTS() \
    UNROLL for (u32 k = 0; k < 2; k++) { \
        u32 e = lid + k * pairs; \
        fr_t x = sh_load(sh, e); \
        sh_store(sh, e, ntt_scaled(x, ntt_element(start, e, log_m0, log_s, log_c), scale, log_scale_lo, NTT_PASS_SCALE == 1, log_n)); \
    } \
    BARRIER()
#define NTT_PASS_NAME fr_ntt_pass
#define NTT_PASS_SCALE 0
#include "ntt_pass.h"
#undef NTT_PASS_NAME
#undef NTT_PASS_SCALE
#define NTT_PASS_NAME fr_ntt_pass_scale_in
#define NTT_PASS_SCALE 1
#include "ntt_pass.h"
#undef NTT_PASS_NAME
#undef NTT_PASS_SCALE
#define NTT_PASS_NAME fr_ntt_pass_scale_out
#define NTT_PASS_SCALE 2
#include "ntt_pass.h"
#undef NTT_PASS_NAME
#undef NTT_PASS_SCALE
