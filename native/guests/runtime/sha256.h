/* SHA-256 (FIPS 180-4) for the guests. */
#ifndef PROVING_SHA256_H
#define PROVING_SHA256_H
#include "guest.h"
void sha256(const u8 *data, usize len, u8 out[32]);
#endif
