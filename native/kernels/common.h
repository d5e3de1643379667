// Portability layer: one kernel source for CUDA (NVRTC, C++) and OpenCL C (clBuildProgram).
// Field elements are 8 x 32-bit little-endian limbs in Montgomery form (R = 2^256), the same bytes as
// Proving.Core's 4 x 64-bit limbs on a little-endian host.
#ifndef PROVING_COMMON_H
#define PROVING_COMMON_H

#if defined(__CUDACC_RTC__) || defined(__CUDACC__)
#define PROVING_CUDA 1
typedef unsigned int u32;
typedef unsigned long long u64;
#define KERNEL extern "C" __global__
#define GLOBAL
#define CONSTANT __constant__ const
#define LOCAL __shared__
#define DEVICE __device__ __forceinline__
#define DEVICE_CALL __device__ __noinline__   // large routines (point arithmetic): one copy, called
#define GLOBAL_ID ((u64)blockIdx.x * blockDim.x + threadIdx.x)
#define LOCAL_ID threadIdx.x
#define GROUP_ID blockIdx.x
#define LOCAL_SIZE blockDim.x
#define BARRIER() __syncthreads()
#define UNROLL _Pragma("unroll")
#else
#define PROVING_OPENCL 1
typedef uint u32;
typedef ulong u64;
#define KERNEL __kernel
#define GLOBAL __global
#define CONSTANT __constant
#define LOCAL __local
#define DEVICE static inline
#define DEVICE_CALL static
#define GLOBAL_ID ((u64)get_global_id(0))
#define LOCAL_ID ((u32)get_local_id(0))
#define GROUP_ID ((u32)get_group_id(0))
#define LOCAL_SIZE ((u32)get_local_size(0))
#define BARRIER() barrier(CLK_LOCAL_MEM_FENCE)
#define UNROLL _Pragma("unroll")
#endif

#include "limbs.h"

#endif
