using System.Text;
using Proving.Gpu.Native;
using static Proving.Gpu.Cuda.CudaNative;

namespace Proving.Gpu.Cuda;

/// <summary>
/// Entry point of the CUDA runtime: probes the driver (libcuda.so.1), lists devices, and opens a
/// <see cref="CudaContext"/> on one (its primary context). Kernels are compiled with <see cref="Nvrtc"/>.
/// </summary>
public static unsafe class CudaRuntime
{
    /// <summary>The oldest driver API version accepted: 11.2 (11020), the first that loads NVRTC 11.2+ PTX.</summary>
    public const int MinimumDriverVersion = 11020;

    private static readonly Lazy<string?> InitFailure = new(() =>
    {
        int r = cuInit(0);
        if (r == CUDA_SUCCESS) return null;
        if (r == CUDA_ERROR_NO_DEVICE) return "no CUDA device (cuInit: CUDA_ERROR_NO_DEVICE)";
        try { CudaException.Check(r, "cuInit"); } catch (CudaException e) { return e.Message; }
        return null;
    });

    /// <summary>The runtime's status: the driver library, its version, and the devices, or why there are none.</summary>
    public static GpuRuntimeStatus Status()
    {
        var lib = NativeLibraries.Load(NativeLibraries.Cuda);
        if (!lib.Loaded) return GpuRuntimeStatus.Unavailable("cuda", lib.Failure!);
        if (InitFailure.Value is { } failure) return GpuRuntimeStatus.Unavailable("cuda", failure, lib.File);
        try
        {
            int version = DriverVersion();
            if (version < MinimumDriverVersion)
                return GpuRuntimeStatus.Unavailable("cuda", $"driver too old: CUDA {FormatVersion(version)} < {FormatVersion(MinimumDriverVersion)}", lib.File);
            int count;
            CudaException.Check(cuDeviceGetCount(&count), "cuDeviceGetCount");
            if (count == 0) return GpuRuntimeStatus.Unavailable("cuda", "no CUDA device", lib.File);
            var devices = Enumerable.Range(0, count).Select(i => Describe(i, version)).ToArray();
            return new GpuRuntimeStatus("cuda", true, null, lib.File, devices);
        }
        catch (CudaException e)
        {
            return GpuRuntimeStatus.Unavailable("cuda", e.Message, lib.File);
        }
    }

    /// <summary>Opens device <paramref name="ordinal"/> with kernels cached in <paramref name="cache"/> (default <see cref="KernelCache.Default"/>).</summary>
    /// <exception cref="GpuUnavailableException">The driver, NVRTC or the device is missing, or the driver is too old.</exception>
    /// <exception cref="CudaException">A driver call fails.</exception>
    public static CudaContext Open(int ordinal = 0, KernelCache? cache = null)
    {
        var status = Status();
        if (!status.Available) throw new GpuUnavailableException("cuda", status.Reason!);
        if (ordinal < 0 || ordinal >= status.Devices.Count)
            throw new GpuUnavailableException("cuda", $"device {ordinal} does not exist ({status.Devices.Count} device(s))");
        var nvrtc = Nvrtc.Status();
        if (!nvrtc.Available) throw new GpuUnavailableException("cuda", "NVRTC (the kernel compiler) is missing: " + nvrtc.Reason);
        return new CudaContext(ordinal, status.Devices[ordinal], cache ?? KernelCache.Default);
    }

    internal static int DriverVersion()
    {
        int v;
        CudaException.Check(cuDriverGetVersion(&v), "cuDriverGetVersion");
        return v;
    }

    internal static string FormatVersion(int v) => $"{v / 1000}.{v % 1000 / 10}";

    private static GpuDeviceInfo Describe(int ordinal, int driverVersion)
    {
        int dev;
        CudaException.Check(cuDeviceGet(&dev, ordinal), "cuDeviceGet");
        var name = new byte[256];
        fixed (byte* n = name) CudaException.Check(cuDeviceGetName(n, name.Length, dev), "cuDeviceGetName");
        nuint mem;
        CudaException.Check(cuDeviceTotalMem(&mem, dev), "cuDeviceTotalMem_v2");
        int major = Attribute(dev, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR), minor = Attribute(dev, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR);
        return new GpuDeviceInfo("cuda", ordinal, Encoding.UTF8.GetString(name).TrimEnd('\0'), "NVIDIA", (long)mem,
            Attribute(dev, CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT), $"compute capability {major}.{minor}",
            FormatVersion(driverVersion), major * 10 + minor);
    }

    internal static int Attribute(int device, int attribute)
    {
        int v;
        CudaException.Check(cuDeviceGetAttribute(&v, attribute, device), "cuDeviceGetAttribute");
        return v;
    }
}
