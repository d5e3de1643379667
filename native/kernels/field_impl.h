// Montgomery arithmetic for one 254-bit prime field on 8 x 32-bit limbs, instantiated by field.h.
// Expects: FIELD (name prefix, e.g. fr), FIELD_P (constant array of the 8 modulus limbs), FIELD_ONE (R mod p),
// FIELD_INV (-p^-1 mod 2^32). Elements are always fully reduced (< p). The modulus is below 2^254, so a + b
// and the CIOS product never exceed 2^256 and one conditional subtraction reduces them.
#define FPASTE2(a, b) a##_##b
#define FPASTE(a, b) FPASTE2(a, b)
#define FN(name) FPASTE(FIELD, name)
#define FT FN(t)

typedef struct { u32 v[8]; } FT;

DEVICE FT FN(zero)(void) { FT r; UNROLL for (int i = 0; i < 8; i++) r.v[i] = 0; return r; }
DEVICE FT FN(one)(void) { FT r; UNROLL for (int i = 0; i < 8; i++) r.v[i] = FIELD_ONE[i]; return r; }
DEVICE FT FN(modulus)(void) { FT r; UNROLL for (int i = 0; i < 8; i++) r.v[i] = FIELD_P[i]; return r; }

DEVICE FT FN(load)(const GLOBAL u32* p, u64 index)
{
    FT r;
    UNROLL for (int i = 0; i < 8; i++) r.v[i] = p[index * 8 + i];
    return r;
}

DEVICE void FN(store)(GLOBAL u32* p, u64 index, FT a)
{
    UNROLL for (int i = 0; i < 8; i++) p[index * 8 + i] = a.v[i];
}

DEVICE int FN(is_zero)(FT a)
{
    u32 acc = 0;
    UNROLL for (int i = 0; i < 8; i++) acc |= a.v[i];
    return acc == 0;
}

DEVICE int FN(eq)(FT a, FT b)
{
    u32 acc = 0;
    UNROLL for (int i = 0; i < 8; i++) acc |= a.v[i] ^ b.v[i];
    return acc == 0;
}

// r = a - p when a >= p, else a (a < 2p).
DEVICE FT FN(reduce)(FT a)
{
    FT p = FN(modulus)();
    FT t;
    u32 borrow = sub8(t.v, a.v, p.v);
    return borrow ? a : t;
}

DEVICE FT FN(add)(FT a, FT b)
{
    FT r;
    add8(r.v, a.v, b.v);
    return FN(reduce)(r);
}

DEVICE FT FN(sub)(FT a, FT b)
{
    FT r;
    u32 borrow = sub8(r.v, a.v, b.v);
    if (borrow) {
        FT p = FN(modulus)();
        add8(r.v, r.v, p.v);
    }
    return r;
}

DEVICE FT FN(neg)(FT a) { return FN(sub)(FN(zero)(), a); }

DEVICE FT FN(dbl)(FT a) { return FN(add)(a, a); }

// Montgomery product a * b / 2^256 mod p by coarsely integrated operand scanning (CIOS, Koc-Acar-Kaliski 1996).
DEVICE FT FN(mul)(FT a, FT b)
{
    u32 t[10];
    UNROLL for (int i = 0; i < 10; i++) t[i] = 0;
    UNROLL for (int i = 0; i < 8; i++) {
        u64 c = 0;
        UNROLL for (int j = 0; j < 8; j++) {
            c = (u64)a.v[j] * b.v[i] + t[j] + (c >> 32);
            t[j] = (u32)c;
        }
        c = (u64)t[8] + (c >> 32);
        t[8] = (u32)c;
        t[9] = (u32)(c >> 32);
        u32 m = t[0] * (u32)FIELD_INV;
        c = (u64)m * FIELD_P[0] + t[0];
        UNROLL for (int j = 1; j < 8; j++) {
            c = (u64)m * FIELD_P[j] + t[j] + (c >> 32);
            t[j - 1] = (u32)c;
        }
        c = (u64)t[8] + (c >> 32);
        t[7] = (u32)c;
        t[8] = t[9] + (u32)(c >> 32);
    }
    FT r;
    UNROLL for (int i = 0; i < 8; i++) r.v[i] = t[i];
    return FN(reduce)(r);
}

DEVICE FT FN(sqr)(FT a) { return FN(mul)(a, a); }

// a^(p-2) = 1/a by Fermat's little theorem (left-to-right square and multiply; 0 maps to 0). p[0] >= 2 for both
// BN254 primes, so p - 2 differs from p only in limb 0.
DEVICE FT FN(inv)(FT a)
{
    FT r = FN(one)();
    for (int i = 7; i >= 0; i--) {
        u32 e = i == 0 ? FIELD_P[0] - 2u : FIELD_P[i];
        for (int b = 31; b >= 0; b--) {
            r = FN(sqr)(r);
            if ((e >> b) & 1u) r = FN(mul)(r, a);
        }
    }
    return r;
}

#undef FT
#undef FN
#undef FPASTE
#undef FPASTE2
