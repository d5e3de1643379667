// Pippenger MSM over BN254 G2 (see msm_common.h); the scalars are the same Fr digits as for G1.
#include "msm_common.h"

#define POINT g2
#include "msm_impl.h"
#undef POINT
