// BN254 Fr (scalar field) and Fq (base field) in Montgomery form with R = 2^256 (moduli from EIP-196;
// R mod p and -p^-1 mod 2^32 derived from them, matching Proving.Core's Curves/Bn254/Moduli.cs).
// Each instantiation defines <f>_t and <f>_zero/one/load/store/is_zero/eq/add/sub/neg/dbl/mul/sqr.
#ifndef PROVING_FIELD_H
#define PROVING_FIELD_H
#include "common.h"

CONSTANT u32 FR_P[8] = { 0xf0000001u, 0x43e1f593u, 0x79b97091u, 0x2833e848u, 0x8181585du, 0xb85045b6u, 0xe131a029u, 0x30644e72u };
CONSTANT u32 FR_ONE[8] = { 0x4ffffffbu, 0xac96341cu, 0x9f60cd29u, 0x36fc7695u, 0x7879462eu, 0x666ea36fu, 0x9a07df2fu, 0x0e0a77c1u };
#define FR_INV 0xefffffffu

CONSTANT u32 FQ_P[8] = { 0xd87cfd47u, 0x3c208c16u, 0x6871ca8du, 0x97816a91u, 0x8181585du, 0xb85045b6u, 0xe131a029u, 0x30644e72u };
CONSTANT u32 FQ_ONE[8] = { 0xc58f0d9du, 0xd35d438du, 0xf5c70b3du, 0x0a78eb28u, 0x7879462cu, 0x666ea36fu, 0x9a07df2fu, 0x0e0a77c1u };
#define FQ_INV 0xe4866389u

#define FIELD fr
#define FIELD_P FR_P
#define FIELD_ONE FR_ONE
#define FIELD_INV FR_INV
#include "field_impl.h"
#undef FIELD
#undef FIELD_P
#undef FIELD_ONE
#undef FIELD_INV

#define FIELD fq
#define FIELD_P FQ_P
#define FIELD_ONE FQ_ONE
#define FIELD_INV FQ_INV
#include "field_impl.h"
#undef FIELD
#undef FIELD_P
#undef FIELD_ONE
#undef FIELD_INV

#endif
