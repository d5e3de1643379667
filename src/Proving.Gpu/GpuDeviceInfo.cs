namespace Proving.Gpu;

/// <summary>One device of a GPU runtime, as <c>proving devices</c> lists it.</summary>
/// <param name="Runtime">"cuda" or "opencl".</param>
/// <param name="Index">The device's ordinal within its runtime (CUDA ordinal; OpenCL: across all platforms, in platform order).</param>
/// <param name="Name">The device name reported by the driver.</param>
/// <param name="Vendor">The vendor (OpenCL: device vendor; CUDA: "NVIDIA").</param>
/// <param name="GlobalMemoryBytes">Device memory in bytes.</param>
/// <param name="ComputeUnits">Multiprocessors (CUDA) or compute units (OpenCL).</param>
/// <param name="Version">"compute capability 9.0" (CUDA) or the OpenCL device version string (e.g. "OpenCL 3.0 PoCL ...").</param>
/// <param name="Driver">The driver version (CUDA: "12.4" from cuDriverGetVersion; OpenCL: CL_DRIVER_VERSION) and, for OpenCL, the platform name.</param>
/// <param name="ComputeCapability">CUDA compute capability as major*10 + minor (90 for Hopper), or null for OpenCL.</param>
public sealed record GpuDeviceInfo(string Runtime, int Index, string Name, string Vendor, long GlobalMemoryBytes,
    int ComputeUnits, string Version, string Driver, int? ComputeCapability = null)
{
    /// <summary>One line: "name, 80.0 GiB, 132 compute units, version, driver".</summary>
    public override string ToString() =>
        $"{Name}, {GlobalMemoryBytes / (1024.0 * 1024 * 1024):F1} GiB, {ComputeUnits} compute units, {Version}, driver {Driver}";
}

/// <summary>Whether a GPU runtime can be used here and, if so, which devices it offers.</summary>
/// <param name="Runtime">"cuda", "opencl" or "nvrtc".</param>
/// <param name="Available">True when the runtime loaded and reported at least one device (NVRTC: loaded).</param>
/// <param name="Reason">Why it is unavailable (library missing, no device, driver too old), or null.</param>
/// <param name="Library">The shared library file that loaded, or null.</param>
/// <param name="Devices">The devices found (empty when unavailable).</param>
public sealed record GpuRuntimeStatus(string Runtime, bool Available, string? Reason, string? Library, IReadOnlyList<GpuDeviceInfo> Devices)
{
    /// <summary>A status for a runtime that cannot be used.</summary>
    public static GpuRuntimeStatus Unavailable(string runtime, string reason, string? library = null) => new(runtime, false, reason, library, []);
}
