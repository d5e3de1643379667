using System.Text;
using Proving.Gpu.Native;
using static Proving.Gpu.OpenCl.OpenClNative;

namespace Proving.Gpu.OpenCl;

/// <summary>
/// Entry point of the OpenCL runtime: probes the ICD loader (libOpenCL.so.1), lists every device of every platform,
/// and opens a <see cref="OpenClContext"/> on one. Device indices run across platforms in platform order.
/// </summary>
public static unsafe class OpenClRuntime
{
    /// <summary>The runtime's status: the loader, and the devices of all platforms, or why there are none.</summary>
    public static GpuRuntimeStatus Status()
    {
        var lib = NativeLibraries.Load(NativeLibraries.OpenCl);
        if (!lib.Loaded) return GpuRuntimeStatus.Unavailable("opencl", lib.Failure!);
        try
        {
            var devices = Enumerate().Select(d => d.Info).ToArray();
            return devices.Length == 0
                ? GpuRuntimeStatus.Unavailable("opencl", "no OpenCL platform or device (no ICD installed in /etc/OpenCL/vendors?)", lib.File)
                : new GpuRuntimeStatus("opencl", true, null, lib.File, devices);
        }
        catch (OpenClException e)
        {
            return GpuRuntimeStatus.Unavailable("opencl", e.Message, lib.File);
        }
    }

    /// <summary>Opens device <paramref name="index"/> (see <see cref="Status"/>) with kernels cached in <paramref name="cache"/> (default: <see cref="KernelCache.Default"/>).</summary>
    /// <exception cref="GpuUnavailableException">The loader is missing or there is no such device.</exception>
    /// <exception cref="OpenClException">Creating the context or queue fails.</exception>
    public static OpenClContext Open(int index = 0, KernelCache? cache = null)
    {
        var lib = NativeLibraries.Load(NativeLibraries.OpenCl);
        if (!lib.Loaded) throw new GpuUnavailableException("opencl", lib.Failure!);
        var devices = Enumerate();
        if (devices.Count == 0) throw new GpuUnavailableException("opencl", "no OpenCL platform or device");
        if (index < 0 || index >= devices.Count)
            throw new GpuUnavailableException("opencl", $"device {index} does not exist ({devices.Count} device(s))");
        var d = devices[index];
        return new OpenClContext(d.Platform, d.Device, d.Info, cache ?? KernelCache.Default);
    }

    /// <summary>
    /// Opens the first OpenCL device that is not a CPU (a GPU or accelerator): the choice of the <c>auto</c> backend,
    /// which must not pick a CPU OpenCL driver such as PoCL over the faster native CPU backend.
    /// </summary>
    /// <exception cref="GpuUnavailableException">The loader is missing, or every OpenCL device is a CPU.</exception>
    public static OpenClContext OpenFirstNonCpu(KernelCache? cache = null)
    {
        var lib = NativeLibraries.Load(NativeLibraries.OpenCl);
        if (!lib.Loaded) throw new GpuUnavailableException("opencl", lib.Failure!);
        foreach (var d in Enumerate())
            if (!d.IsCpu) return new OpenClContext(d.Platform, d.Device, d.Info, cache ?? KernelCache.Default);
        throw new GpuUnavailableException("opencl", "no OpenCL GPU or accelerator (CPU devices such as PoCL are left to the CPU backend)");
    }

    internal readonly record struct RawDevice(nint Platform, nint Device, GpuDeviceInfo Info, bool IsCpu);

    // The ICD loader initializes itself on the first clGetPlatformIDs; concurrent first calls can see no platform.
    private static readonly Lock EnumerationLock = new();

    internal static List<RawDevice> Enumerate()
    {
        lock (EnumerationLock) return EnumerateLocked();
    }

    private static List<RawDevice> EnumerateLocked()
    {
        var result = new List<RawDevice>();
        uint count;
        int err = clGetPlatformIDs(0, null, &count);
        if (err == CL_PLATFORM_NOT_FOUND_KHR || count == 0) return result;
        OpenClException.Check(err, "clGetPlatformIDs");
        var platforms = new nint[count];
        fixed (nint* p = platforms) OpenClException.Check(clGetPlatformIDs(count, p, null), "clGetPlatformIDs");
        foreach (var platform in platforms)
        {
            uint n;
            err = clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 0, null, &n);
            if (err == CL_DEVICE_NOT_FOUND || n == 0) continue;
            OpenClException.Check(err, "clGetDeviceIDs");
            var devices = new nint[n];
            fixed (nint* d = devices) OpenClException.Check(clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, n, d, null), "clGetDeviceIDs");
            string platformName = PlatformString(platform, CL_PLATFORM_NAME);
            foreach (var device in devices)
            {
                var info = new GpuDeviceInfo("opencl", result.Count, DeviceString(device, CL_DEVICE_NAME).Trim(),
                    DeviceString(device, CL_DEVICE_VENDOR).Trim(), (long)DeviceULong(device, CL_DEVICE_GLOBAL_MEM_SIZE),
                    (int)DeviceUInt(device, CL_DEVICE_MAX_COMPUTE_UNITS), DeviceString(device, CL_DEVICE_VERSION).Trim(),
                    $"{DeviceString(device, CL_DRIVER_VERSION).Trim()} ({platformName.Trim()})");
                bool isCpu = (DeviceULong(device, CL_DEVICE_TYPE) & CL_DEVICE_TYPE_CPU) != 0;
                result.Add(new RawDevice(platform, device, info, isCpu));
            }
        }
        return result;
    }

    internal static string PlatformString(nint platform, uint param)
    {
        nuint size;
        OpenClException.Check(clGetPlatformInfo(platform, param, 0, null, &size), "clGetPlatformInfo");
        var buf = new byte[(int)size];
        fixed (byte* b = buf) OpenClException.Check(clGetPlatformInfo(platform, param, size, b, null), "clGetPlatformInfo");
        return Encoding.UTF8.GetString(buf).TrimEnd('\0');
    }

    internal static string DeviceString(nint device, uint param)
    {
        nuint size;
        OpenClException.Check(clGetDeviceInfo(device, param, 0, null, &size), "clGetDeviceInfo");
        var buf = new byte[(int)size];
        fixed (byte* b = buf) OpenClException.Check(clGetDeviceInfo(device, param, size, b, null), "clGetDeviceInfo");
        return Encoding.UTF8.GetString(buf).TrimEnd('\0');
    }

    internal static ulong DeviceULong(nint device, uint param)
    {
        ulong v;
        OpenClException.Check(clGetDeviceInfo(device, param, sizeof(ulong), &v, null), "clGetDeviceInfo");
        return v;
    }

    internal static uint DeviceUInt(nint device, uint param)
    {
        uint v;
        OpenClException.Check(clGetDeviceInfo(device, param, sizeof(uint), &v, null), "clGetDeviceInfo");
        return v;
    }

    internal static nuint DeviceSize(nint device, uint param)
    {
        nuint v;
        OpenClException.Check(clGetDeviceInfo(device, param, (nuint)sizeof(nuint), &v, null), "clGetDeviceInfo");
        return v;
    }
}
