// Element-wise G1 kernels used to test g1.h: out[i] = p[i] + q[i] (Jacobian), p[i] + a[i] (mixed), 2 p[i].
#include "curve.h"

KERNEL void g1_vec_add(GLOBAL u32* out, const GLOBAL u32* p, const GLOBAL u32* q, u64 n)
{
    u64 i = GLOBAL_ID;
    if (i >= n) return;
    g1_store(out, i, g1_add(g1_load(p, i), g1_load(q, i)));
}

KERNEL void g1_vec_add_affine(GLOBAL u32* out, const GLOBAL u32* p, const GLOBAL u32* a, u64 n)
{
    u64 i = GLOBAL_ID;
    if (i >= n) return;
    g1_store(out, i, g1_add_affine(g1_load(p, i), g1_load_affine(a, i)));
}

KERNEL void g1_vec_dbl(GLOBAL u32* out, const GLOBAL u32* p, u64 n)
{
    u64 i = GLOBAL_ID;
    if (i >= n) return;
    g1_store(out, i, g1_dbl(g1_load(p, i)));
}
