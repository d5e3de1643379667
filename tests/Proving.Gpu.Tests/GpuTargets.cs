using Proving.Gpu.Cuda;
using Proving.Gpu.OpenCl;
using Xunit.Abstractions;

namespace Proving.Gpu.Tests;

/// <summary>
/// The runtimes every kernel test runs on. OpenCL must work (CI installs PoCL, so a missing OpenCL device fails the
/// test); CUDA runs where a GPU exists and otherwise the test prints why it did not execute and passes.
/// Contexts are opened once per runtime and shared; kernels are cached in a per-run folder.
/// </summary>
public static class GpuTargets
{
    /// <summary>The xunit collection of every test that uses the shared contexts: they run one at a time, since a
    /// <see cref="GpuContext"/> is not thread-safe.</summary>
    public const string Collection = "gpu";

    /// <summary>The runtime names for [MemberData].</summary>
    public static TheoryData<string> Runtimes => new() { "opencl", "cuda" };

    private static readonly string CacheRoot = Path.Combine(Path.GetTempPath(), "proving-gpu-tests-" + Environment.ProcessId);

    /// <summary>A kernel cache private to this test run, deleted when the test process exits.</summary>
    public static KernelCache Cache { get; } = CreateCache();

    private static KernelCache CreateCache()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { if (Directory.Exists(CacheRoot)) Directory.Delete(CacheRoot, true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        };
        return new KernelCache(Path.Combine(CacheRoot, "kernels"));
    }

    private static readonly Lazy<GpuContext> OpenCl = new(() => OpenClRuntime.Open(0, Cache));
    private static readonly Lazy<(GpuContext? Context, string? Reason)> Cuda = new(() =>
    {
        var status = CudaRuntime.Status();
        if (!status.Available) return (null, status.Reason);
        return (CudaRuntime.Open(0, Cache), null);
    });

    /// <summary>
    /// The shared context for <paramref name="runtime"/>, or null (after writing the reason to <paramref name="output"/>)
    /// when CUDA has no device here. OpenCL failures throw.
    /// </summary>
    public static GpuContext? Open(string runtime, ITestOutputHelper output)
    {
        if (runtime == "opencl")
        {
            var status = OpenClRuntime.Status();
            Assert.True(status.Available, $"OpenCL must be available (CI installs pocl-opencl-icd): {status.Reason}");
            return OpenCl.Value;
        }
        var (context, reason) = Cuda.Value;
        if (context == null)
            output.WriteLine($"SKIPPED (not executed): CUDA unavailable here: {reason}");
        return context;
    }
}
