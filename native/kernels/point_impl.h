// Short-Weierstrass points with a = 0 in Jacobian coordinates (x = X/Z^2, y = Y/Z^3; Z = 0 is the identity), the
// representation of Proving.Core's G1Projective / G2Projective, instantiated by curve.h for G1 over Fq and G2 over
// Fq2. Affine inputs are (x, y) with (0, 0) standing for the identity (not on either curve, since b != 0).
// Formulas for a = 0 from the Explicit-Formulas Database: dbl-2009-l, add-2007-bl, madd-2007-bl, each with the
// exceptional cases (identity, P + P, P + -P) handled, so additions are complete. Coordinates are indexed in units
// of field elements: an affine point takes 2, a Jacobian point 3.
// Expects POINT (prefix: g1 / g2) and PFIELD (field prefix: fq / fq2).
#define PPASTE2(a, b) a##_##b
#define PPASTE(a, b) PPASTE2(a, b)
#define PT(name) PPASTE(POINT, name)
#define PF(name) PPASTE(PFIELD, name)
#define FE PF(t)

typedef struct { FE x, y; } PT(affine_t);
typedef struct { FE x, y, z; } PT(jac_t);

DEVICE PT(jac_t) PT(identity)(void) { PT(jac_t) r; r.x = PF(one)(); r.y = PF(one)(); r.z = PF(zero)(); return r; }

DEVICE int PT(is_identity)(PT(jac_t) p) { return PF(is_zero)(p.z); }

DEVICE int PT(affine_is_identity)(PT(affine_t) p) { return PF(is_zero)(p.x) & PF(is_zero)(p.y); }

DEVICE PT(affine_t) PT(load_affine)(const GLOBAL u32* p, u64 index)
{
    PT(affine_t) r;
    r.x = PF(load)(p, 2 * index);
    r.y = PF(load)(p, 2 * index + 1);
    return r;
}

DEVICE PT(jac_t) PT(load)(const GLOBAL u32* p, u64 index)
{
    PT(jac_t) r;
    r.x = PF(load)(p, 3 * index);
    r.y = PF(load)(p, 3 * index + 1);
    r.z = PF(load)(p, 3 * index + 2);
    return r;
}

DEVICE void PT(store)(GLOBAL u32* p, u64 index, PT(jac_t) a)
{
    PF(store)(p, 3 * index, a.x);
    PF(store)(p, 3 * index + 1, a.y);
    PF(store)(p, 3 * index + 2, a.z);
}

DEVICE PT(jac_t) PT(from_affine)(PT(affine_t) a)
{
    if (PT(affine_is_identity)(a)) return PT(identity)();
    PT(jac_t) r; r.x = a.x; r.y = a.y; r.z = PF(one)();
    return r;
}

// dbl-2009-l: 2M + 5S.
DEVICE_CALL PT(jac_t) PT(dbl)(PT(jac_t) p)
{
    if (PT(is_identity)(p)) return p;
    FE a = PF(sqr)(p.x);
    FE b = PF(sqr)(p.y);
    FE c = PF(sqr)(b);
    FE d = PF(sub)(PF(sub)(PF(sqr)(PF(add)(p.x, b)), a), c);
    d = PF(dbl)(d);
    FE e = PF(add)(PF(dbl)(a), a);
    FE f = PF(sqr)(e);
    PT(jac_t) r;
    r.x = PF(sub)(f, PF(dbl)(d));
    FE c8 = PF(dbl)(PF(dbl)(PF(dbl)(c)));
    r.y = PF(sub)(PF(mul)(e, PF(sub)(d, r.x)), c8);
    r.z = PF(dbl)(PF(mul)(p.y, p.z));
    return r;
}

// add-2007-bl: 11M + 5S.
DEVICE_CALL PT(jac_t) PT(add)(PT(jac_t) p, PT(jac_t) q)
{
    if (PT(is_identity)(p)) return q;
    if (PT(is_identity)(q)) return p;
    FE z1z1 = PF(sqr)(p.z);
    FE z2z2 = PF(sqr)(q.z);
    FE u1 = PF(mul)(p.x, z2z2);
    FE u2 = PF(mul)(q.x, z1z1);
    FE s1 = PF(mul)(PF(mul)(p.y, q.z), z2z2);
    FE s2 = PF(mul)(PF(mul)(q.y, p.z), z1z1);
    FE h = PF(sub)(u2, u1);
    FE rr = PF(dbl)(PF(sub)(s2, s1));
    if (PF(is_zero)(h)) return PF(is_zero)(rr) ? PT(dbl)(p) : PT(identity)();
    FE i = PF(sqr)(PF(dbl)(h));
    FE j = PF(mul)(h, i);
    FE v = PF(mul)(u1, i);
    PT(jac_t) r;
    r.x = PF(sub)(PF(sub)(PF(sqr)(rr), j), PF(dbl)(v));
    r.y = PF(sub)(PF(mul)(rr, PF(sub)(v, r.x)), PF(dbl)(PF(mul)(s1, j)));
    r.z = PF(mul)(PF(sub)(PF(sub)(PF(sqr)(PF(add)(p.z, q.z)), z1z1), z2z2), h);
    return r;
}

// madd-2007-bl: 7M + 4S.
DEVICE_CALL PT(jac_t) PT(add_affine)(PT(jac_t) p, PT(affine_t) q)
{
    if (PT(affine_is_identity)(q)) return p;
    if (PT(is_identity)(p)) return PT(from_affine)(q);
    FE z1z1 = PF(sqr)(p.z);
    FE u2 = PF(mul)(q.x, z1z1);
    FE s2 = PF(mul)(PF(mul)(q.y, p.z), z1z1);
    FE h = PF(sub)(u2, p.x);
    FE rr = PF(dbl)(PF(sub)(s2, p.y));
    if (PF(is_zero)(h)) return PF(is_zero)(rr) ? PT(dbl)(p) : PT(identity)();
    FE hh = PF(sqr)(h);
    FE i = PF(dbl)(PF(dbl)(hh));
    FE j = PF(mul)(h, i);
    FE v = PF(mul)(p.x, i);
    PT(jac_t) r;
    r.x = PF(sub)(PF(sub)(PF(sqr)(rr), j), PF(dbl)(v));
    r.y = PF(sub)(PF(mul)(rr, PF(sub)(v, r.x)), PF(dbl)(PF(mul)(p.y, j)));
    r.z = PF(sub)(PF(sub)(PF(sqr)(PF(add)(p.z, h)), z1z1), hh);
    return r;
}

#undef FE
#undef PF
#undef PT
#undef PPASTE
#undef PPASTE2
