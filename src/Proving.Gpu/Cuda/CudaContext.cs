using static Proving.Gpu.Cuda.CudaNative;

namespace Proving.Gpu.Cuda;

/// <summary>
/// The primary context of one CUDA device, with work issued on the default stream (see <see cref="GpuContext"/>).
/// Kernels are compiled by NVRTC to a CUBIN for the device's sm_XY when NVRTC supports it, otherwise to PTX for the
/// newest compute_XY NVRTC knows that is not above the device, which the driver JIT-compiles.
/// </summary>
public sealed unsafe class CudaContext : GpuContext
{
    private readonly int _device;
    private nint _context;

    internal CudaContext(int ordinal, GpuDeviceInfo info, KernelCache cache) : base(info, cache)
    {
        int dev;
        CudaException.Check(cuDeviceGet(&dev, ordinal), "cuDeviceGet");
        _device = dev;
        nint ctx;
        CudaException.Check(cuDevicePrimaryCtxRetain(&ctx, dev), "cuDevicePrimaryCtxRetain");
        _context = ctx;
        Bind();
        MaxThreadsPerBlock = CudaRuntime.Attribute(dev, CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_BLOCK);
        SharedMemoryPerBlock = CudaRuntime.Attribute(dev, CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK);
    }

    /// <summary>CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_BLOCK.</summary>
    public int MaxThreadsPerBlock { get; }

    /// <summary>CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK in bytes.</summary>
    public int SharedMemoryPerBlock { get; }

    /// <summary>Makes this context current on the calling thread (every operation does this first).</summary>
    internal void Bind()
    {
        ObjectDisposedException.ThrowIf(_context == 0, this);
        CudaException.Check(cuCtxSetCurrent(_context), "cuCtxSetCurrent");
    }

    /// <inheritdoc />
    public override GpuBuffer Allocate(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        Bind();
        ulong ptr;
        CudaException.Check(cuMemAlloc(&ptr, (nuint)bytes), "cuMemAlloc_v2");
        return new CudaBuffer(this, ptr, bytes);
    }

    /// <inheritdoc />
    public override void Write(GpuBuffer destination, ReadOnlySpan<byte> source, long offset = 0)
    {
        var b = Own(destination);
        b.CheckRange(offset, source.Length);
        if (source.IsEmpty) return;
        Bind();
        fixed (byte* p = source) CudaException.Check(cuMemcpyHtoD(b.Pointer + (ulong)offset, p, (nuint)source.Length), "cuMemcpyHtoD_v2");
    }

    /// <inheritdoc />
    public override void Read(GpuBuffer source, Span<byte> destination, long offset = 0)
    {
        var b = Own(source);
        b.CheckRange(offset, destination.Length);
        if (destination.IsEmpty) return;
        Bind();
        fixed (byte* p = destination) CudaException.Check(cuMemcpyDtoH(p, b.Pointer + (ulong)offset, (nuint)destination.Length), "cuMemcpyDtoH_v2");
    }

    /// <inheritdoc />
    public override void Clear(GpuBuffer buffer)
    {
        var b = Own(buffer);
        Bind();
        CudaException.Check(cuMemsetD8(b.Pointer, 0, (nuint)b.Length), "cuMemsetD8_v2");
    }

    /// <inheritdoc />
    public override void Launch(GpuKernel kernel, long globalSize, int localSize, params ReadOnlySpan<KernelArg> args)
    {
        var k = kernel as CudaKernel ?? throw new ArgumentException("the kernel belongs to another runtime", nameof(kernel));
        ArgumentOutOfRangeException.ThrowIfNegative(globalSize);
        ArgumentOutOfRangeException.ThrowIfNegative(localSize);
        if (globalSize == 0) return;
        int block = localSize > 0 ? localSize : Math.Min(256, k.MaxGroupSize);
        if (block > k.MaxGroupSize)
            throw new ArgumentOutOfRangeException(nameof(localSize), $"block size {block} exceeds {k.Name}'s limit {k.MaxGroupSize}");
        long grid = (globalSize + block - 1) / block;
        if (grid > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(globalSize), "grid too large");
        Bind();
        var values = stackalloc ulong[args.Length];
        var pointers = stackalloc void*[args.Length];
        for (int i = 0; i < args.Length; i++)
        {
            values[i] = args[i].Buffer is { } buf ? Own(buf).Pointer : args[i].Value;   // u32 args read the low half (little-endian)
            pointers[i] = &values[i];
        }
        int r = cuLaunchKernel(k.Handle, (uint)grid, 1, 1, (uint)block, 1, 1, 0, 0, pointers, null);
        CudaException.Check(r, $"cuLaunchKernel({k.Name})");
    }

    /// <inheritdoc />
    public override void Synchronize()
    {
        Bind();
        CudaException.Check(cuCtxSynchronize(), "cuCtxSynchronize");
    }

    /// <summary>
    /// The NVRTC target for compute capability <paramref name="cc"/> given NVRTC's supported SM list: (cc, cubin) when
    /// supported, else (the newest supported arch below cc, PTX).
    /// </summary>
    /// <exception cref="GpuUnavailableException">The device is older than every architecture NVRTC supports.</exception>
    public static (int Arch, bool Cubin) SelectTarget(int cc, IReadOnlyList<int> supported)
    {
        if (supported.Count == 0) return (cc, false);
        if (supported.Contains(cc)) return (cc, true);
        var below = supported.Where(a => a <= cc).ToArray();
        if (below.Length == 0)
            throw new GpuUnavailableException("cuda", $"compute capability {cc / 10}.{cc % 10} is older than NVRTC supports (min sm_{supported.Min()})");
        return (below.Max(), false);
    }

    /// <inheritdoc />
    protected override GpuModule CompileModule(string entryFile, string source)
    {
        Bind();
        int cc = Device.ComputeCapability ?? throw new InvalidOperationException("CUDA device without compute capability");
        var (arch, cubin) = SelectTarget(cc, Nvrtc.SupportedArchitectures);
        var (major, minor) = Nvrtc.Version;
        string key = KernelCache.Key("cuda", entryFile, source, string.Join(' ', Nvrtc.BaseOptions), $"nvrtc {major}.{minor}",
            $"{(cubin ? "sm" : "compute")}_{arch}", Device.Name, Device.Driver);
        var image = Cache.TryGet(key);
        bool fromCache = image != null;
        if (image == null)
        {
            image = Nvrtc.Compile(source, entryFile, arch, cubin).Image;
        }
        nint module;
        int r;
        fixed (byte* p = image) r = cuModuleLoadData(&module, p);
        if (r != CUDA_SUCCESS && fromCache)
        {
            Cache.Remove(key);
            image = Nvrtc.Compile(source, entryFile, arch, cubin).Image;
            fromCache = false;
            fixed (byte* p = image) r = cuModuleLoadData(&module, p);
        }
        CudaException.Check(r, $"cuModuleLoadData({entryFile})");
        if (!fromCache) Cache.Put(key, image);
        return new CudaModule(this, module, fromCache);
    }

    private static CudaBuffer Own(GpuBuffer buffer) =>
        buffer as CudaBuffer ?? throw new ArgumentException("the buffer belongs to another runtime", nameof(buffer));

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (_context == 0) return;
        if (disposing) { Bind(); cuCtxSynchronize(); }
        base.Dispose(disposing);
        cuDevicePrimaryCtxRelease(_device);
        _context = 0;
    }
}

/// <summary>A device allocation (CUdeviceptr).</summary>
internal sealed class CudaBuffer(CudaContext owner, ulong pointer, long length) : GpuBuffer(length)
{
    internal ulong Pointer { get; private set; } = pointer;

    public override void Dispose()
    {
        if (Pointer == 0) return;
        owner.Bind();
        CudaNative.cuMemFree(Pointer);
        Pointer = 0;
    }
}

/// <summary>A loaded CUDA module (CUmodule).</summary>
internal sealed unsafe class CudaModule : GpuModule
{
    private readonly CudaContext _owner;
    private nint _module;

    internal CudaModule(CudaContext owner, nint module, bool fromCache)
    {
        _owner = owner;
        _module = module;
        FromCache = fromCache;
    }

    protected override GpuKernel CreateKernel(string name)
    {
        _owner.Bind();
        nint f;
        var bytes = System.Text.Encoding.UTF8.GetBytes(name + "\0");
        fixed (byte* n = bytes) CudaException.Check(cuModuleGetFunction(&f, _module, n), $"cuModuleGetFunction({name})");
        int maxThreads;
        CudaException.Check(cuFuncGetAttribute(&maxThreads, CU_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK, f), $"cuFuncGetAttribute({name})");
        return new CudaKernel(name, f, maxThreads);
    }

    public override void Dispose()
    {
        base.Dispose();
        if (_module != 0) { _owner.Bind(); cuModuleUnload(_module); _module = 0; }
    }
}

/// <summary>A kernel entry point (CUfunction; owned by its module).</summary>
internal sealed class CudaKernel(string name, nint handle, int maxThreads) : GpuKernel(name)
{
    internal nint Handle { get; } = handle;

    public override int MaxGroupSize { get; } = maxThreads;

    internal override void Release() { }
}
