using static Proving.Gpu.OpenCl.OpenClNative;

namespace Proving.Gpu.OpenCl;

/// <summary>An OpenCL context and in-order command queue on one device (see <see cref="GpuContext"/>).</summary>
public sealed unsafe class OpenClContext : GpuContext
{
    private nint _context, _queue;

    internal OpenClContext(nint platform, nint device, GpuDeviceInfo info, KernelCache cache) : base(info, cache)
    {
        Platform = platform;
        DeviceHandle = device;
        int err;
        nint d = device;
        _context = clCreateContext(null, 1, &d, 0, 0, &err);
        OpenClException.Check(err, "clCreateContext");
        _queue = clCreateCommandQueue(_context, device, 0, &err);
        if (err != 0)
        {
            clReleaseContext(_context);
            OpenClException.Check(err, "clCreateCommandQueue");
        }
        MaxWorkGroupSize = (int)Math.Min(int.MaxValue, (ulong)OpenClRuntime.DeviceSize(device, CL_DEVICE_MAX_WORK_GROUP_SIZE));
        LocalMemoryBytes = (long)OpenClRuntime.DeviceULong(device, CL_DEVICE_LOCAL_MEM_SIZE);
    }

    internal nint Platform { get; }
    internal nint DeviceHandle { get; }
    internal nint Handle => _context;

    /// <summary>CL_DEVICE_MAX_WORK_GROUP_SIZE.</summary>
    public int MaxWorkGroupSize { get; }

    /// <summary>CL_DEVICE_LOCAL_MEM_SIZE in bytes.</summary>
    public long LocalMemoryBytes { get; }

    /// <inheritdoc />
    public override GpuBuffer Allocate(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        int err;
        var mem = clCreateBuffer(_context, CL_MEM_READ_WRITE, (nuint)bytes, null, &err);
        OpenClException.Check(err, "clCreateBuffer");
        return new OpenClBuffer(mem, bytes);
    }

    /// <inheritdoc />
    public override void Write(GpuBuffer destination, ReadOnlySpan<byte> source, long offset = 0)
    {
        var b = Own(destination);
        b.CheckRange(offset, source.Length);
        if (source.IsEmpty) return;
        fixed (byte* p = source)
            OpenClException.Check(clEnqueueWriteBuffer(_queue, b.Mem, 1, (nuint)offset, (nuint)source.Length, p, 0, null, null), "clEnqueueWriteBuffer");
    }

    /// <inheritdoc />
    public override void Read(GpuBuffer source, Span<byte> destination, long offset = 0)
    {
        var b = Own(source);
        b.CheckRange(offset, destination.Length);
        if (destination.IsEmpty) return;
        fixed (byte* p = destination)
            OpenClException.Check(clEnqueueReadBuffer(_queue, b.Mem, 1, (nuint)offset, (nuint)destination.Length, p, 0, null, null), "clEnqueueReadBuffer");
    }

    /// <inheritdoc />
    public override void Clear(GpuBuffer buffer)
    {
        var b = Own(buffer);
        byte zero = 0;
        OpenClException.Check(clEnqueueFillBuffer(_queue, b.Mem, &zero, 1, 0, (nuint)b.Length, 0, null, null), "clEnqueueFillBuffer");
    }

    /// <inheritdoc />
    public override void Launch(GpuKernel kernel, long globalSize, int localSize, params ReadOnlySpan<KernelArg> args)
    {
        var k = kernel as OpenClKernel ?? throw new ArgumentException("the kernel belongs to another runtime", nameof(kernel));
        ArgumentOutOfRangeException.ThrowIfNegative(globalSize);
        ArgumentOutOfRangeException.ThrowIfNegative(localSize);
        if (globalSize == 0) return;
        int local = localSize > 0 ? localSize : Math.Min(256, k.MaxGroupSize);
        if (local > k.MaxGroupSize)
            throw new ArgumentOutOfRangeException(nameof(localSize), $"work-group size {local} exceeds {k.Name}'s limit {k.MaxGroupSize}");
        for (int i = 0; i < args.Length; i++)
        {
            var a = args[i];
            int err;
            if (a.Buffer != null)
            {
                nint mem = Own(a.Buffer).Mem;
                err = clSetKernelArg(k.Handle, (uint)i, (nuint)sizeof(nint), &mem);
            }
            else if (a.Size == 4)
            {
                uint v = (uint)a.Value;
                err = clSetKernelArg(k.Handle, (uint)i, 4, &v);
            }
            else
            {
                ulong v = a.Value;
                err = clSetKernelArg(k.Handle, (uint)i, 8, &v);
            }
            if (err != 0) throw new OpenClException($"clSetKernelArg({k.Name}, {i})", err);
        }
        nuint g = (nuint)((globalSize + local - 1) / local * local), l = (nuint)local;
        int e = clEnqueueNDRangeKernel(_queue, k.Handle, 1, null, &g, &l, 0, null, null);
        if (e != 0) throw new OpenClException($"clEnqueueNDRangeKernel({k.Name})", e);
    }

    /// <inheritdoc />
    public override void Synchronize() => OpenClException.Check(clFinish(_queue), "clFinish");

    /// <inheritdoc />
    protected override GpuModule CompileModule(string entryFile, string source) => OpenClModule.Build(this, entryFile, source);

    private static OpenClBuffer Own(GpuBuffer buffer) =>
        buffer as OpenClBuffer ?? throw new ArgumentException("the buffer belongs to another runtime", nameof(buffer));

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_queue != 0) { clFinish(_queue); clReleaseCommandQueue(_queue); _queue = 0; }
        if (_context != 0) { clReleaseContext(_context); _context = 0; }
    }

    /// <summary>Releases the native context if Dispose was not called.</summary>
    ~OpenClContext() => Dispose(false);
}

/// <summary>An OpenCL buffer object (cl_mem).</summary>
internal sealed class OpenClBuffer(nint mem, long length) : GpuBuffer(length)
{
    internal nint Mem { get; private set; } = mem;

    public override void Dispose()
    {
        if (Mem != 0) { clReleaseMemObject(Mem); Mem = 0; }
    }
}
