using Proving.Core.Curves.Bn254;
using Proving.Gpu.Cuda;
using Proving.Gpu.OpenCl;
using Xunit.Abstractions;

namespace Proving.Gpu.Tests;

/// <summary>Runtime discovery, error reporting, buffer bounds and the kernel cache.</summary>
[Collection(GpuTargets.Collection)]
public sealed class RuntimeTests(ITestOutputHelper output)
{
    [Fact]
    public void OpenClFindsADevice()
    {
        var status = OpenClRuntime.Status();
        Assert.True(status.Available, status.Reason);
        foreach (var d in status.Devices) output.WriteLine($"opencl #{d.Index}: {d}");
        Assert.All(status.Devices, d => Assert.True(d.GlobalMemoryBytes > 0 && d.ComputeUnits > 0 && d.Version.StartsWith("OpenCL", StringComparison.Ordinal)));
    }

    [Fact]
    public void CudaStatusNeverThrows()
    {
        var status = CudaRuntime.Status();
        output.WriteLine(status.Available ? string.Join("\n", status.Devices) : $"cuda unavailable: {status.Reason}");
        if (!status.Available)
        {
            Assert.False(string.IsNullOrWhiteSpace(status.Reason));
            Assert.Empty(status.Devices);
            var e = Assert.Throws<GpuUnavailableException>(() => CudaRuntime.Open());
            Assert.Equal("cuda", e.Runtime);
            if (status.Library == null) Assert.Contains("libcuda.so.1 not found", e.Message);
        }
        else Assert.All(status.Devices, d => Assert.NotNull(d.ComputeCapability));
    }

    [Fact]
    public void OpenClBuildErrorCarriesTheLog()
    {
        var ctx = GpuTargets.Open("opencl", output)!;
        var e = Assert.Throws<OpenClException>(() => ctx.Compile("broken.c", "__kernel void k(__global uint* p) { p[0] = undefined_symbol; }"));
        Assert.Equal(-11, e.ErrorCode);
        Assert.Contains("CL_BUILD_PROGRAM_FAILURE", e.Message);
        Assert.Contains("undefined_symbol", e.BuildLog);
    }

    [Fact]
    public void UnknownKernelIsTypedError()
    {
        var ctx = GpuTargets.Open("opencl", output)!;
        var e = Assert.Throws<OpenClException>(() => ctx.Module("vecops.c").Kernel("no_such_kernel"));
        Assert.Contains("CL_INVALID_KERNEL_NAME", e.Message);
    }

    [Fact]
    public void BufferRangesAreChecked()
    {
        var ctx = GpuTargets.Open("opencl", output)!;
        using var b = ctx.Allocate(64);
        Assert.Throws<ArgumentOutOfRangeException>(() => ctx.Write(b, new byte[65]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ctx.Read(b, new byte[8], 60));
        Assert.Throws<ArgumentOutOfRangeException>(() => ctx.Allocate(0));
        var data = Enumerable.Range(0, 64).Select(i => (byte)i).ToArray();
        ctx.Write(b, data);
        var back = new byte[16];
        ctx.Read(b, back, 48);
        Assert.Equal(data[48..], back);
        ctx.Clear(b);
        ctx.Read(b, back, 0);
        Assert.All(back, x => Assert.Equal(0, x));
    }

    [Fact]
    public void SecondBuildComesFromTheCacheAndStillComputes()
    {
        var cache = new KernelCache(Path.Combine(Path.GetTempPath(), "proving-cache-test-" + Guid.NewGuid().ToString("N")));
        try
        {
            using (var first = OpenClRuntime.Open(0, cache)) Assert.False(first.Module("vecops.c").FromCache);
            Assert.Single(Directory.GetFiles(cache.Directory, "*.bin"));
            using var second = OpenClRuntime.Open(0, cache);
            var module = second.Module("vecops.c");
            Assert.True(module.FromCache);
            var a = new[] { Fr.FromUInt64(3), Fr.FromUInt64(5) };
            using var da = second.Upload<Fr>(a);
            second.Launch(module.Kernel("fr_vec_mul"), 2, 0, da, da, da, 2UL);
            var r = new Fr[2];
            second.Download<Fr>(da, r);
            Assert.Equal([Fr.FromUInt64(9), Fr.FromUInt64(25)], r);
        }
        finally { Directory.Delete(cache.Directory, true); }
    }

    [Fact]
    public void DamagedCacheEntryIsRebuilt()
    {
        var cache = new KernelCache(Path.Combine(Path.GetTempPath(), "proving-cache-test-" + Guid.NewGuid().ToString("N")));
        try
        {
            using (var first = OpenClRuntime.Open(0, cache)) first.Module("vecops.c");
            var file = Directory.GetFiles(cache.Directory, "*.bin").Single();
            var bytes = File.ReadAllBytes(file);
            bytes[^1] ^= 0xFF;
            File.WriteAllBytes(file, bytes);
            using var second = OpenClRuntime.Open(0, cache);
            Assert.False(second.Module("vecops.c").FromCache);
            Assert.True(cache.TryGet(Path.GetFileNameWithoutExtension(file)) != null, "the rebuilt binary is stored again");
        }
        finally { Directory.Delete(cache.Directory, true); }
    }

    [Fact]
    public void CacheRoundTripAndKeys()
    {
        var cache = new KernelCache(Path.Combine(Path.GetTempPath(), "proving-cache-test-" + Guid.NewGuid().ToString("N")));
        try
        {
            var key = KernelCache.Key("a", "b");
            Assert.NotEqual(key, KernelCache.Key("ab", ""));   // parts are length-prefixed
            Assert.Null(cache.TryGet(key));
            Assert.True(cache.Put(key, [1, 2, 3]));
            Assert.Equal([1, 2, 3], cache.TryGet(key));
            File.WriteAllBytes(cache.PathOf(key), [9]);   // truncated
            Assert.Null(cache.TryGet(key));
            Assert.False(File.Exists(cache.PathOf(key)));
        }
        finally { if (Directory.Exists(cache.Directory)) Directory.Delete(cache.Directory, true); }
    }

    [Fact]
    public void KernelSourcesResolveIncludes()
    {
        Assert.Contains("vecops.c", KernelSources.EntryFiles);
        var text = KernelSources.Load("vecops.c");
        Assert.DoesNotContain("#include \"", text);
        Assert.Contains("FR_INV", text);
        Assert.Throws<FileNotFoundException>(() => KernelSources.Load("missing.c"));
    }
}
