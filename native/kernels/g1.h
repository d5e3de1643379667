// BN254 G1 (y^2 = x^3 + 3 over Fq) in Jacobian coordinates (x = X/Z^2, y = Y/Z^3; Z = 0 is the identity), the same
// representation as Proving.Core's G1Projective. Affine inputs are (x, y) with (0, 0) standing for the identity
// (not on the curve, since 0 != 3). Formulas for a = 0 from the Explicit-Formulas Database: dbl-2009-l,
// add-2007-bl, madd-2007-bl, each with the exceptional cases (identity, P + P, P + -P) handled, so additions are complete.
#ifndef PROVING_G1_H
#define PROVING_G1_H
#include "field.h"

typedef struct { fq_t x, y; } g1_affine_t;
typedef struct { fq_t x, y, z; } g1_jac_t;

DEVICE g1_jac_t g1_identity(void) { g1_jac_t r; r.x = fq_one(); r.y = fq_one(); r.z = fq_zero(); return r; }

DEVICE int g1_is_identity(g1_jac_t p) { return fq_is_zero(p.z); }

DEVICE int g1_affine_is_identity(g1_affine_t p) { return fq_is_zero(p.x) & fq_is_zero(p.y); }

DEVICE g1_affine_t g1_load_affine(const GLOBAL u32* p, u64 index)
{
    g1_affine_t r;
    r.x = fq_load(p, 2 * index);
    r.y = fq_load(p, 2 * index + 1);
    return r;
}

DEVICE g1_jac_t g1_load(const GLOBAL u32* p, u64 index)
{
    g1_jac_t r;
    r.x = fq_load(p, 3 * index);
    r.y = fq_load(p, 3 * index + 1);
    r.z = fq_load(p, 3 * index + 2);
    return r;
}

DEVICE void g1_store(GLOBAL u32* p, u64 index, g1_jac_t a)
{
    fq_store(p, 3 * index, a.x);
    fq_store(p, 3 * index + 1, a.y);
    fq_store(p, 3 * index + 2, a.z);
}

DEVICE g1_jac_t g1_from_affine(g1_affine_t a)
{
    if (g1_affine_is_identity(a)) return g1_identity();
    g1_jac_t r; r.x = a.x; r.y = a.y; r.z = fq_one();
    return r;
}

// dbl-2009-l: 2M + 5S.
DEVICE_CALL g1_jac_t g1_dbl(g1_jac_t p)
{
    if (g1_is_identity(p)) return p;
    fq_t a = fq_sqr(p.x);
    fq_t b = fq_sqr(p.y);
    fq_t c = fq_sqr(b);
    fq_t d = fq_sub(fq_sub(fq_sqr(fq_add(p.x, b)), a), c);
    d = fq_dbl(d);
    fq_t e = fq_add(fq_dbl(a), a);
    fq_t f = fq_sqr(e);
    g1_jac_t r;
    r.x = fq_sub(f, fq_dbl(d));
    fq_t c8 = fq_dbl(fq_dbl(fq_dbl(c)));
    r.y = fq_sub(fq_mul(e, fq_sub(d, r.x)), c8);
    r.z = fq_dbl(fq_mul(p.y, p.z));
    return r;
}

// add-2007-bl: 11M + 5S.
DEVICE_CALL g1_jac_t g1_add(g1_jac_t p, g1_jac_t q)
{
    if (g1_is_identity(p)) return q;
    if (g1_is_identity(q)) return p;
    fq_t z1z1 = fq_sqr(p.z);
    fq_t z2z2 = fq_sqr(q.z);
    fq_t u1 = fq_mul(p.x, z2z2);
    fq_t u2 = fq_mul(q.x, z1z1);
    fq_t s1 = fq_mul(fq_mul(p.y, q.z), z2z2);
    fq_t s2 = fq_mul(fq_mul(q.y, p.z), z1z1);
    fq_t h = fq_sub(u2, u1);
    fq_t rr = fq_dbl(fq_sub(s2, s1));
    if (fq_is_zero(h)) return fq_is_zero(rr) ? g1_dbl(p) : g1_identity();
    fq_t i = fq_sqr(fq_dbl(h));
    fq_t j = fq_mul(h, i);
    fq_t v = fq_mul(u1, i);
    g1_jac_t r;
    r.x = fq_sub(fq_sub(fq_sqr(rr), j), fq_dbl(v));
    r.y = fq_sub(fq_mul(rr, fq_sub(v, r.x)), fq_dbl(fq_mul(s1, j)));
    r.z = fq_mul(fq_sub(fq_sub(fq_sqr(fq_add(p.z, q.z)), z1z1), z2z2), h);
    return r;
}

// madd-2007-bl: 7M + 4S.
DEVICE_CALL g1_jac_t g1_add_affine(g1_jac_t p, g1_affine_t q)
{
    if (g1_affine_is_identity(q)) return p;
    if (g1_is_identity(p)) return g1_from_affine(q);
    fq_t z1z1 = fq_sqr(p.z);
    fq_t u2 = fq_mul(q.x, z1z1);
    fq_t s2 = fq_mul(fq_mul(q.y, p.z), z1z1);
    fq_t h = fq_sub(u2, p.x);
    fq_t rr = fq_dbl(fq_sub(s2, p.y));
    if (fq_is_zero(h)) return fq_is_zero(rr) ? g1_dbl(p) : g1_identity();
    fq_t hh = fq_sqr(h);
    fq_t i = fq_dbl(fq_dbl(hh));
    fq_t j = fq_mul(h, i);
    fq_t v = fq_mul(p.x, i);
    g1_jac_t r;
    r.x = fq_sub(fq_sub(fq_sqr(rr), j), fq_dbl(v));
    r.y = fq_sub(fq_mul(rr, fq_sub(v, r.x)), fq_dbl(fq_mul(p.y, j)));
    r.z = fq_sub(fq_sub(fq_sqr(fq_add(p.z, h)), z1z1), hh);
    return r;
}

#endif
