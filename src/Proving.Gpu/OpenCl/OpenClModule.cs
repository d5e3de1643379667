using System.Text;
using static Proving.Gpu.OpenCl.OpenClNative;

namespace Proving.Gpu.OpenCl;

/// <summary>
/// A built OpenCL program. Built from source with clBuildProgram, or from the device binary that an earlier build
/// stored in the <see cref="KernelCache"/> (keyed by source, options, platform, device and driver). A cached binary
/// that the driver rejects is dropped and the source is built again.
/// </summary>
internal sealed unsafe class OpenClModule : GpuModule
{
    /// <summary>Build options: OpenCL C 1.2 (what PoCL and NVIDIA both accept).</summary>
    internal const string Options = "-cl-std=CL1.2";

    private readonly OpenClContext _context;
    private nint _program;

    private OpenClModule(OpenClContext context, nint program, bool fromCache)
    {
        _context = context;
        _program = program;
        FromCache = fromCache;
    }

    internal static OpenClModule Build(OpenClContext context, string entryFile, string source)
    {
        var device = context.Device;
        string key = KernelCache.Key("opencl", entryFile, source, Options, device.Name, device.Vendor, device.Version, device.Driver);
        var cached = context.Cache.TryGet(key);
        if (cached != null)
        {
            var program = TryFromBinary(context, cached);
            if (program != 0) return new OpenClModule(context, program, fromCache: true);
            context.Cache.Remove(key);
        }
        var built = FromSource(context, entryFile, source);
        var binary = GetBinary(context, built);
        if (binary != null) context.Cache.Put(key, binary);
        return new OpenClModule(context, built, fromCache: false);
    }

    private static nint FromSource(OpenClContext context, string entryFile, string source)
    {
        var bytes = Encoding.UTF8.GetBytes(source);
        int err;
        nint program;
        fixed (byte* s = bytes)
        {
            byte* strings = s;
            nuint length = (nuint)bytes.Length;
            program = clCreateProgramWithSource(context.Handle, 1, &strings, &length, &err);
        }
        OpenClException.Check(err, "clCreateProgramWithSource");
        BuildOrThrow(context, program, $"clBuildProgram({entryFile})");
        return program;
    }

    private static nint TryFromBinary(OpenClContext context, byte[] binary)
    {
        int err, status;
        nint program;
        nint device = context.DeviceHandle;
        fixed (byte* b = binary)
        {
            byte* bin = b;
            nuint length = (nuint)binary.Length;
            program = clCreateProgramWithBinary(context.Handle, 1, &device, &length, &bin, &status, &err);
        }
        if (err != 0 || status != 0) { if (program != 0) clReleaseProgram(program); return 0; }
        var options = Encoding.UTF8.GetBytes(Options + "\0");
        fixed (byte* o = options)
            if (clBuildProgram(program, 1, &device, o, 0, 0) != 0) { clReleaseProgram(program); return 0; }
        return program;
    }

    private static void BuildOrThrow(OpenClContext context, nint program, string what)
    {
        nint device = context.DeviceHandle;
        var options = Encoding.UTF8.GetBytes(Options + "\0");
        int err;
        fixed (byte* o = options) err = clBuildProgram(program, 1, &device, o, 0, 0);
        if (err == 0) return;
        string log = BuildLog(program, device);
        clReleaseProgram(program);
        throw new OpenClException(what, err, log);
    }

    private static string BuildLog(nint program, nint device)
    {
        nuint size;
        if (clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, 0, null, &size) != 0 || size == 0) return "";
        var buf = new byte[(int)size];
        fixed (byte* b = buf)
            if (clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, size, b, null) != 0) return "";
        return Encoding.UTF8.GetString(buf).TrimEnd('\0');
    }

    private static byte[]? GetBinary(OpenClContext context, nint program)
    {
        nuint size;
        if (clGetProgramInfo(program, CL_PROGRAM_BINARY_SIZES, (nuint)sizeof(nuint), &size, null) != 0 || size == 0) return null;
        var binary = new byte[(int)size];
        fixed (byte* b = binary)
        {
            byte* ptr = b;
            if (clGetProgramInfo(program, CL_PROGRAM_BINARIES, (nuint)sizeof(nint), &ptr, null) != 0) return null;
        }
        return binary;
    }

    protected override GpuKernel CreateKernel(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name + "\0");
        int err;
        nint kernel;
        fixed (byte* n = bytes) kernel = clCreateKernel(_program, n, &err);
        if (err != 0) throw new OpenClException($"clCreateKernel({name})", err);
        nuint wg;
        err = clGetKernelWorkGroupInfo(kernel, _context.DeviceHandle, CL_KERNEL_WORK_GROUP_SIZE, (nuint)sizeof(nuint), &wg, null);
        if (err != 0) { clReleaseKernel(kernel); throw new OpenClException($"clGetKernelWorkGroupInfo({name})", err); }
        return new OpenClKernel(name, kernel, (int)Math.Min(int.MaxValue, (ulong)wg));
    }

    public override void Dispose()
    {
        base.Dispose();
        if (_program != 0) { clReleaseProgram(_program); _program = 0; }
    }
}

/// <summary>An OpenCL kernel object with its work-group size limit on the context's device.</summary>
internal sealed class OpenClKernel(string name, nint handle, int maxWorkGroupSize) : GpuKernel(name)
{
    internal nint Handle { get; private set; } = handle;

    public override int MaxGroupSize { get; } = maxWorkGroupSize;

    internal override void Release()
    {
        if (Handle != 0) { clReleaseKernel(Handle); Handle = 0; }
    }
}
