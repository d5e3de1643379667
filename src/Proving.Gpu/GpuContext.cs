using System.Runtime.InteropServices;

namespace Proving.Gpu;

/// <summary>
/// One device of one runtime with its command stream: buffers with explicit copies, kernel modules compiled from
/// native/kernels, and launches. Operations are issued in order; <see cref="Read"/> waits for earlier work.
/// Not thread-safe: use one context per thread.
/// </summary>
public abstract class GpuContext : IDisposable
{
    private readonly Dictionary<string, GpuModule> _modules = new(StringComparer.Ordinal);

    /// <summary>Creates a context for <paramref name="device"/>.</summary>
    protected GpuContext(GpuDeviceInfo device, KernelCache cache)
    {
        Device = device;
        Cache = cache;
    }

    /// <summary>The device this context runs on.</summary>
    public GpuDeviceInfo Device { get; }

    /// <summary>The on-disk cache of compiled kernels.</summary>
    public KernelCache Cache { get; }

    /// <summary>Allocates <paramref name="bytes"/> bytes of device memory (contents undefined).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytes"/> is not positive.</exception>
    /// <exception cref="GpuException">The device is out of memory or the call fails.</exception>
    public abstract GpuBuffer Allocate(long bytes);

    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/> at byte <paramref name="offset"/>; returns when the host memory may be reused.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range does not fit in the buffer.</exception>
    public abstract void Write(GpuBuffer destination, ReadOnlySpan<byte> source, long offset = 0);

    /// <summary>Copies bytes from <paramref name="source"/> at byte <paramref name="offset"/> into <paramref name="destination"/>, after all earlier work.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range does not fit in the buffer.</exception>
    public abstract void Read(GpuBuffer source, Span<byte> destination, long offset = 0);

    /// <summary>Sets every byte of <paramref name="buffer"/> to zero.</summary>
    public abstract void Clear(GpuBuffer buffer);

    /// <summary>Launches <paramref name="kernel"/> on <paramref name="globalSize"/> work items in groups of
    /// <paramref name="localSize"/> (0: the runtime's choice, at most 256); the global size is rounded up to a multiple
    /// of the group size, so kernels check their index against the element count.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range.</exception>
    public abstract void Launch(GpuKernel kernel, long globalSize, int localSize, params ReadOnlySpan<KernelArg> args);

    /// <summary>Waits until all issued work has finished.</summary>
    public abstract void Synchronize();

    /// <summary>Compiles (or loads from <see cref="Cache"/>) the kernel file <paramref name="entryFile"/> of native/kernels, once per context.</summary>
    /// <exception cref="GpuException">Compilation fails (the message holds the compiler log).</exception>
    public GpuModule Module(string entryFile)
    {
        if (!_modules.TryGetValue(entryFile, out var module))
        {
            module = CompileModule(entryFile, KernelSources.Load(entryFile));
            _modules[entryFile] = module;
        }
        return module;
    }

    /// <summary>Compiles <paramref name="source"/> (self-contained kernel text) under the name <paramref name="name"/>,
    /// through the same cache; the caller owns (disposes) the module.</summary>
    /// <exception cref="GpuException">Compilation fails (the message holds the compiler log).</exception>
    public GpuModule Compile(string name, string source)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(source);
        return CompileModule(name, source);
    }

    /// <summary>Builds the module for <paramref name="source"/> (the include-resolved text of <paramref name="entryFile"/>).</summary>
    protected abstract GpuModule CompileModule(string entryFile, string source);

    /// <summary>Copies <paramref name="values"/> to a new buffer of exactly their size.</summary>
    public GpuBuffer Upload<T>(ReadOnlySpan<T> values) where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(values);
        var buffer = Allocate(Math.Max(1, bytes.Length));
        if (bytes.Length > 0) Write(buffer, bytes);
        return buffer;
    }

    /// <summary>Copies the first destination.Length elements of <paramref name="source"/> into <paramref name="destination"/>.</summary>
    public void Download<T>(GpuBuffer source, Span<T> destination) where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(destination);
        if (bytes.Length > 0) Read(source, bytes);
    }

    /// <summary>Releases the modules; derived classes release the device context.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing) return;
        foreach (var m in _modules.Values) m.Dispose();
        _modules.Clear();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }
}

/// <summary>A device memory allocation of <see cref="Length"/> bytes owned by one <see cref="GpuContext"/>.</summary>
public abstract class GpuBuffer : IDisposable
{
    /// <summary>Creates a buffer record of <paramref name="length"/> bytes.</summary>
    protected GpuBuffer(long length) => Length = length;

    /// <summary>Size in bytes.</summary>
    public long Length { get; }

    /// <summary>Throws when [offset, offset + count) is outside the buffer.</summary>
    internal void CheckRange(long offset, long count)
    {
        if (offset < 0 || count < 0 || offset > Length - count)
            throw new ArgumentOutOfRangeException(nameof(offset), $"range [{offset}, {offset + count}) is outside the {Length}-byte buffer");
    }

    /// <summary>Frees the device memory.</summary>
    public abstract void Dispose();
}

/// <summary>A compiled kernel file: its entry points by name.</summary>
public abstract class GpuModule : IDisposable
{
    private readonly Dictionary<string, GpuKernel> _kernels = new(StringComparer.Ordinal);

    /// <summary>True when the binary came from the on-disk cache instead of a fresh compile.</summary>
    public bool FromCache { get; protected init; }

    /// <summary>The entry point <paramref name="name"/>.</summary>
    /// <exception cref="GpuException">No kernel has that name.</exception>
    public GpuKernel Kernel(string name)
    {
        if (!_kernels.TryGetValue(name, out var k)) _kernels[name] = k = CreateKernel(name);
        return k;
    }

    /// <summary>Looks up the entry point <paramref name="name"/> in the native module.</summary>
    protected abstract GpuKernel CreateKernel(string name);

    /// <summary>Releases the kernels and the native module.</summary>
    public virtual void Dispose()
    {
        foreach (var k in _kernels.Values) k.Release();
        _kernels.Clear();
    }
}

/// <summary>One kernel entry point of a <see cref="GpuModule"/>.</summary>
public abstract class GpuKernel
{
    /// <summary>Creates the record for entry point <paramref name="name"/>.</summary>
    protected GpuKernel(string name) => Name = name;

    /// <summary>The entry point's name.</summary>
    public string Name { get; }

    /// <summary>The largest work-group (block) size this kernel can be launched with on its device
    /// (CL_KERNEL_WORK_GROUP_SIZE / CU_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK).</summary>
    public abstract int MaxGroupSize { get; }

    /// <summary>Releases the native kernel object, if any.</summary>
    internal abstract void Release();
}

/// <summary>A kernel argument: a device buffer or a 32- or 64-bit unsigned scalar (u32 / u64 in native/kernels).</summary>
public readonly struct KernelArg
{
    private KernelArg(GpuBuffer? buffer, ulong value, int size) { Buffer = buffer; Value = value; Size = size; }

    /// <summary>The buffer, or null for a scalar.</summary>
    public GpuBuffer? Buffer { get; }

    /// <summary>The scalar value (ignored for buffers).</summary>
    public ulong Value { get; }

    /// <summary>Scalar size in bytes: 4 or 8 (0 for a buffer).</summary>
    public int Size { get; }

    /// <summary>A buffer argument.</summary>
    public static implicit operator KernelArg(GpuBuffer buffer) => new(buffer ?? throw new ArgumentNullException(nameof(buffer)), 0, 0);

    /// <summary>A u32 argument.</summary>
    public static implicit operator KernelArg(uint value) => new(null, value, 4);

    /// <summary>A u64 argument.</summary>
    public static implicit operator KernelArg(ulong value) => new(null, value, 8);
}
