// Element-wise vector kernels over Fr and Fq: out[i] = a[i] op b[i] for i < n (out may alias a or b).
// One work item per element; the launch rounds the global size up, so every kernel checks i < n.
#include "field.h"

#define BINARY_KERNEL(F, OP)                                                                  \
KERNEL void F##_vec_##OP(GLOBAL u32* out, const GLOBAL u32* a, const GLOBAL u32* b, u64 n)   \
{                                                                                             \
    u64 i = GLOBAL_ID;                                                                        \
    if (i >= n) return;                                                                       \
    F##_store(out, i, F##_##OP(F##_load(a, i), F##_load(b, i)));                              \
}

#define UNARY_KERNEL(F, OP)                                                                   \
KERNEL void F##_vec_##OP(GLOBAL u32* out, const GLOBAL u32* a, u64 n)                        \
{                                                                                             \
    u64 i = GLOBAL_ID;                                                                        \
    if (i >= n) return;                                                                       \
    F##_store(out, i, F##_##OP(F##_load(a, i)));                                              \
}

BINARY_KERNEL(fr, add)
BINARY_KERNEL(fr, sub)
BINARY_KERNEL(fr, mul)
UNARY_KERNEL(fr, sqr)
UNARY_KERNEL(fr, neg)
UNARY_KERNEL(fr, inv)
BINARY_KERNEL(fq, add)
BINARY_KERNEL(fq, sub)
BINARY_KERNEL(fq, mul)
UNARY_KERNEL(fq, sqr)
UNARY_KERNEL(fq, neg)
UNARY_KERNEL(fq, inv)
