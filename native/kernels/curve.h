// BN254 G1 (y^2 = x^3 + 3 over Fq) and G2 (the sextic twist y^2 = x^3 + 3/(9 + u) over Fq2), EIP-196/197:
// g1_* and g2_* point functions from point_impl.h.
#ifndef PROVING_CURVE_H
#define PROVING_CURVE_H
#include "fq2.h"

#define POINT g1
#define PFIELD fq
#include "point_impl.h"
#undef POINT
#undef PFIELD

#define POINT g2
#define PFIELD fq2
#include "point_impl.h"
#undef POINT
#undef PFIELD

#endif
