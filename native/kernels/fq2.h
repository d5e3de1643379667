// Fq2 = Fq[u] / (u^2 + 1) (BN254's quadratic extension, EIP-197), elements c0 + c1 u with Montgomery-form Fq
// coefficients, stored as two consecutive Fq (c0 first): Proving.Core's Fq2 layout. The fq2_* functions mirror
// the fr_* / fq_* set used by point_impl.h; loads and stores index whole Fq2 elements.
#ifndef PROVING_FQ2_H
#define PROVING_FQ2_H
#include "field.h"

typedef struct { fq_t c0, c1; } fq2_t;

DEVICE fq2_t fq2_zero(void) { fq2_t r; r.c0 = fq_zero(); r.c1 = fq_zero(); return r; }
DEVICE fq2_t fq2_one(void) { fq2_t r; r.c0 = fq_one(); r.c1 = fq_zero(); return r; }
DEVICE int fq2_is_zero(fq2_t a) { return fq_is_zero(a.c0) & fq_is_zero(a.c1); }
DEVICE fq2_t fq2_load(const GLOBAL u32* p, u64 index) { fq2_t r; r.c0 = fq_load(p, 2 * index); r.c1 = fq_load(p, 2 * index + 1); return r; }
DEVICE void fq2_store(GLOBAL u32* p, u64 index, fq2_t a) { fq_store(p, 2 * index, a.c0); fq_store(p, 2 * index + 1, a.c1); }
DEVICE fq2_t fq2_add(fq2_t a, fq2_t b) { fq2_t r; r.c0 = fq_add(a.c0, b.c0); r.c1 = fq_add(a.c1, b.c1); return r; }
DEVICE fq2_t fq2_sub(fq2_t a, fq2_t b) { fq2_t r; r.c0 = fq_sub(a.c0, b.c0); r.c1 = fq_sub(a.c1, b.c1); return r; }
DEVICE fq2_t fq2_dbl(fq2_t a) { return fq2_add(a, a); }

// Karatsuba: (a0 + a1 u)(b0 + b1 u) = (a0 b0 - a1 b1) + ((a0 + a1)(b0 + b1) - a0 b0 - a1 b1) u.
DEVICE_CALL fq2_t fq2_mul(fq2_t a, fq2_t b)
{
    fq_t t0 = fq_mul(a.c0, b.c0);
    fq_t t1 = fq_mul(a.c1, b.c1);
    fq2_t r;
    r.c0 = fq_sub(t0, t1);
    r.c1 = fq_sub(fq_sub(fq_mul(fq_add(a.c0, a.c1), fq_add(b.c0, b.c1)), t0), t1);
    return r;
}

// (a0 + a1 u)^2 = (a0 + a1)(a0 - a1) + 2 a0 a1 u.
DEVICE_CALL fq2_t fq2_sqr(fq2_t a)
{
    fq2_t r;
    r.c0 = fq_mul(fq_add(a.c0, a.c1), fq_sub(a.c0, a.c1));
    r.c1 = fq_dbl(fq_mul(a.c0, a.c1));
    return r;
}

#endif
