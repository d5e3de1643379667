// Pippenger MSM over BN254 G1 (see msm_common.h).
#include "msm_common.h"

#define POINT g1
#include "msm_impl.h"
#undef POINT
