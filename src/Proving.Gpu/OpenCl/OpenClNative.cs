using System.Runtime.InteropServices;
using Proving.Gpu.Native;

namespace Proving.Gpu.OpenCl;

/// <summary>
/// The OpenCL 1.2 entry points of the ICD loader (libOpenCL.so.1), with the parameter constants used here
/// (values from the Khronos header cl.h). Handles are opaque pointers; size_t is nuint; cl_bitfield is ulong.
/// </summary>
internal static unsafe partial class OpenClNative
{
    private const string Lib = NativeLibraries.OpenCl;

    internal const uint CL_PLATFORM_VERSION = 0x0901, CL_PLATFORM_NAME = 0x0902, CL_PLATFORM_VENDOR = 0x0903;
    internal const ulong CL_DEVICE_TYPE_ALL = 0xFFFFFFFF, CL_DEVICE_TYPE_CPU = 1 << 1;
    internal const uint CL_DEVICE_TYPE = 0x1000, CL_DEVICE_MAX_COMPUTE_UNITS = 0x1002, CL_DEVICE_MAX_WORK_GROUP_SIZE = 0x1004,
        CL_DEVICE_MAX_MEM_ALLOC_SIZE = 0x1010, CL_DEVICE_GLOBAL_MEM_SIZE = 0x101F, CL_DEVICE_LOCAL_MEM_SIZE = 0x1023,
        CL_DEVICE_NAME = 0x102B, CL_DEVICE_VENDOR = 0x102C, CL_DRIVER_VERSION = 0x102D, CL_DEVICE_VERSION = 0x102F,
        CL_DEVICE_OPENCL_C_VERSION = 0x103D;
    internal const uint CL_PROGRAM_BINARY_SIZES = 0x1165, CL_PROGRAM_BINARIES = 0x1166, CL_PROGRAM_BUILD_LOG = 0x1183;
    internal const uint CL_KERNEL_WORK_GROUP_SIZE = 0x11B0;
    internal const ulong CL_MEM_READ_WRITE = 1;
    internal const int CL_DEVICE_NOT_FOUND = -1, CL_PLATFORM_NOT_FOUND_KHR = -1001;

    [LibraryImport(Lib)] internal static partial int clGetPlatformIDs(uint numEntries, nint* platforms, uint* numPlatforms);
    [LibraryImport(Lib)] internal static partial int clGetPlatformInfo(nint platform, uint param, nuint size, void* value, nuint* sizeRet);
    [LibraryImport(Lib)] internal static partial int clGetDeviceIDs(nint platform, ulong deviceType, uint numEntries, nint* devices, uint* numDevices);
    [LibraryImport(Lib)] internal static partial int clGetDeviceInfo(nint device, uint param, nuint size, void* value, nuint* sizeRet);
    [LibraryImport(Lib)] internal static partial nint clCreateContext(nint* properties, uint numDevices, nint* devices, nint notify, nint userData, int* errcode);
    [LibraryImport(Lib)] internal static partial nint clCreateCommandQueue(nint context, nint device, ulong properties, int* errcode);
    [LibraryImport(Lib)] internal static partial nint clCreateProgramWithSource(nint context, uint count, byte** strings, nuint* lengths, int* errcode);
    [LibraryImport(Lib)] internal static partial nint clCreateProgramWithBinary(nint context, uint numDevices, nint* devices, nuint* lengths, byte** binaries, int* binaryStatus, int* errcode);
    [LibraryImport(Lib)] internal static partial int clBuildProgram(nint program, uint numDevices, nint* devices, byte* options, nint notify, nint userData);
    [LibraryImport(Lib)] internal static partial int clGetProgramBuildInfo(nint program, nint device, uint param, nuint size, void* value, nuint* sizeRet);
    [LibraryImport(Lib)] internal static partial int clGetProgramInfo(nint program, uint param, nuint size, void* value, nuint* sizeRet);
    [LibraryImport(Lib)] internal static partial nint clCreateKernel(nint program, byte* name, int* errcode);
    [LibraryImport(Lib)] internal static partial int clGetKernelWorkGroupInfo(nint kernel, nint device, uint param, nuint size, void* value, nuint* sizeRet);
    [LibraryImport(Lib)] internal static partial int clSetKernelArg(nint kernel, uint index, nuint size, void* value);
    [LibraryImport(Lib)] internal static partial nint clCreateBuffer(nint context, ulong flags, nuint size, void* hostPtr, int* errcode);
    [LibraryImport(Lib)] internal static partial int clEnqueueWriteBuffer(nint queue, nint buffer, uint blocking, nuint offset, nuint size, void* ptr, uint numEvents, nint* waitList, nint* evt);
    [LibraryImport(Lib)] internal static partial int clEnqueueReadBuffer(nint queue, nint buffer, uint blocking, nuint offset, nuint size, void* ptr, uint numEvents, nint* waitList, nint* evt);
    [LibraryImport(Lib)] internal static partial int clEnqueueCopyBuffer(nint queue, nint src, nint dst, nuint srcOffset, nuint dstOffset, nuint size, uint numEvents, nint* waitList, nint* evt);
    [LibraryImport(Lib)] internal static partial int clEnqueueFillBuffer(nint queue, nint buffer, void* pattern, nuint patternSize, nuint offset, nuint size, uint numEvents, nint* waitList, nint* evt);
    [LibraryImport(Lib)] internal static partial int clEnqueueNDRangeKernel(nint queue, nint kernel, uint workDim, nuint* globalOffset, nuint* globalSize, nuint* localSize, uint numEvents, nint* waitList, nint* evt);
    [LibraryImport(Lib)] internal static partial int clFinish(nint queue);
    [LibraryImport(Lib)] internal static partial int clReleaseMemObject(nint mem);
    [LibraryImport(Lib)] internal static partial int clReleaseKernel(nint kernel);
    [LibraryImport(Lib)] internal static partial int clReleaseProgram(nint program);
    [LibraryImport(Lib)] internal static partial int clReleaseCommandQueue(nint queue);
    [LibraryImport(Lib)] internal static partial int clReleaseContext(nint context);
}
