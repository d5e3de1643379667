// One NTT pass kernel (fr_ntt_pass of ntt.c), included once per NTT_PASS_NAME / NTT_PASS_SCALE (0, 1 or 2).
// Stages log_m0 .. log_m0 + log_s - 1 of every column, in local memory, on groups of 2^(log_b + log_s + log_c)
// elements. Within a block of 2^(log_m0 + log_s) elements, the stages pair indices that differ only in bits
// log_m0 .. log_m0 + log_s - 1, so a group takes the 2^log_s elements (x << log_m0) + low for 2^log_c consecutive
// low (its columns: runs of 2^log_c neighbouring elements, loaded word by word by neighbouring work items) and, when
// log_c = log_m0 (whole blocks), 2^log_b consecutive blocks. Group g starts at block (g >> (log_m0 - log_c)) << log_b,
// low = (g mod 2^(log_m0 - log_c)) << log_c. Elements at or past total (the last group of a batch) are left alone.
// NTT_PASS_SCALE 1: element i (of its column) is multiplied by c·h^bit_reverse(i) after the load; 2: by c·h^i
// before the store (see ntt_scaled; elements past total are scaled too, harmlessly, and never stored); 0: neither.
// Groups of exactly 2^(log_b + log_s + log_c - 1) work items, one butterfly each per stage.
KERNEL NTT_BOUNDS void NTT_PASS_NAME(GLOBAL u32* a, const GLOBAL u32* tw, const GLOBAL u32* scale, u32 log_n,
                                   u32 log_m0, u32 log_s, u32 log_c, u32 log_b, u32 log_scale_lo, u64 total)
{
    LOCAL u32 sh[8 * NTT_LOCAL];
    u32 lid = LOCAL_ID;
    u32 size = 1u << (log_b + log_s + log_c), pairs = size / 2;
    u32 log_chunks = log_m0 - log_c;
    u64 group = GROUP_ID;
    u64 start = ((group >> log_chunks) << (log_b + log_m0 + log_s)) + ((group & ((1u << log_chunks) - 1)) << log_c);
    u32 low0 = (u32)(start & ((1u << log_m0) - 1));
    // word w of the group: element e = w / 8 (its run x = e >> log_c), limb w mod 8
    for (u32 w = lid; w < 8 * size; w += pairs) {
        u64 g = ntt_element(start, w >> 3, log_m0, log_s, log_c);
        sh[sh_at(w & 7, w >> 3)] = g < total ? a[g * 8 + (w & 7)] : 0;
    }
    BARRIER();
    if (NTT_PASS_SCALE == 1) { NTT_SCALE_OWN_ELEMENTS(); }
    for (u32 t = 0; t < log_s; t++) {
        u32 log_m = log_m0 + t;
        {   // butterfly lid (one per work item: a loop here stops PoCL vectorizing across work items)
            u32 col = lid & ((1u << log_c) - 1), q = lid >> log_c;
            u32 xt = q & ((1u << t) - 1);
            u32 e0 = ((((q >> t) << (t + 1)) + xt) << log_c) + col;
            u32 e1 = e0 + (1u << (log_c + t));
            u32 j = (xt << log_m0) + low0 + col;
            fr_t w = fr_load(tw, (u64)j << (log_n - 1 - log_m));
            fr_t u = sh_load(sh, e0);
            fr_t v = sh_load(sh, e1);
            v = fr_mul(v, w);
            sh_store(sh, e0, fr_add(u, v));
            sh_store(sh, e1, fr_sub(u, v));
        }
        BARRIER();
    }
    if (NTT_PASS_SCALE == 2) { NTT_SCALE_OWN_ELEMENTS(); }
    for (u32 w = lid; w < 8 * size; w += pairs) {
        u64 g = ntt_element(start, w >> 3, log_m0, log_s, log_c);
        if (g < total) a[g * 8 + (w & 7)] = sh[sh_at(w & 7, w >> 3)];
    }
}
