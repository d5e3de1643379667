// Exclusive prefix sums of u32 arrays on the device, in blocks of SCAN_PER_ITEM * LOCAL_SIZE elements (the host runs
// scan_blocks, scans the block totals the same way, then scan_add; GpuScan.cs). Sums are taken mod 2^32; the callers
// keep totals below 2^32.
#ifndef PROVING_SCAN_H
#define PROVING_SCAN_H
#include "common.h"

#define SCAN_PER_ITEM 4
#define SCAN_MAX_GROUP 256   // the local array's size: launch with at most this many work items per group

// out[i] = sum of in[j] for the j before i in i's block; sums[g] = block g's total. One group per block.
KERNEL void scan_blocks(const GLOBAL u32* in, GLOBAL u32* out, GLOBAL u32* sums, u64 n)
{
    LOCAL u32 sh[SCAN_MAX_GROUP];
    u32 lid = LOCAL_ID, size = LOCAL_SIZE;
    u64 base = ((u64)GROUP_ID * size + lid) * SCAN_PER_ITEM;
    u32 v[SCAN_PER_ITEM];
    u32 total = 0;
    UNROLL for (int k = 0; k < SCAN_PER_ITEM; k++) {
        v[k] = base + k < n ? in[base + k] : 0u;
        total += v[k];
    }
    sh[lid] = total;
    BARRIER();
    for (u32 offset = 1; offset < size; offset <<= 1) {   // inclusive scan of the items' totals (Hillis-Steele)
        u32 add = lid >= offset ? sh[lid - offset] : 0u;
        BARRIER();
        sh[lid] += add;
        BARRIER();
    }
    u32 running = sh[lid] - total;
    UNROLL for (int k = 0; k < SCAN_PER_ITEM; k++) {
        if (base + k < n) out[base + k] = running;
        running += v[k];
    }
    if (lid == size - 1) sums[GROUP_ID] = sh[lid];
}

// out[i] += block_offsets[i / block_elements]. One work item per element.
KERNEL void scan_add(GLOBAL u32* out, const GLOBAL u32* block_offsets, u32 block_elements, u64 n)
{
    u64 i = GLOBAL_ID;
    if (i < n) out[i] += block_offsets[i / block_elements];
}

#endif
