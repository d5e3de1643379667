using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Proving.Gpu.Native;

/// <summary>
/// Loads the native runtimes on demand. The P/Invoke declarations name logical libraries ("proving-opencl",
/// "proving-cuda", "proving-nvrtc"); a resolver maps each to the first candidate file that loads, so a missing
/// runtime is a probe result with a reason instead of a <see cref="DllNotFoundException"/> in the middle of a call.
/// </summary>
internal static class NativeLibraries
{
    internal const string OpenCl = "proving-opencl";
    internal const string Cuda = "proving-cuda";
    internal const string Nvrtc = "proving-nvrtc";

    private static readonly Dictionary<string, string[]> Candidates = new()
    {
        [OpenCl] = ["libOpenCL.so.1", "libOpenCL.so", "OpenCL.dll"],
        [Cuda] = ["libcuda.so.1", "libcuda.so", "nvcuda.dll"],
        // NVRTC's soname carries the major version (13, 12) or, for CUDA 11.2+, "11.2"; Debian ships libnvrtc.so.11.2.
        [Nvrtc] = ["libnvrtc.so.13", "libnvrtc.so.12", "libnvrtc.so.11.2", "libnvrtc.so"],
    };

    private static readonly ConcurrentDictionary<string, Lazy<LoadResult>> Loaded = new();

    static NativeLibraries() =>
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraries).Assembly, Resolve);

    /// <summary>The outcome of loading one logical library: the handle and file, or the reason it failed.</summary>
    internal readonly record struct LoadResult(nint Handle, string? File, string? Failure)
    {
        public bool Loaded => Handle != 0;
    }

    /// <summary>Loads (once) the logical library <paramref name="name"/>; never throws.</summary>
    internal static LoadResult Load(string name) =>
        Loaded.GetOrAdd(name, n => new Lazy<LoadResult>(() => Probe(n))).Value;

    private static LoadResult Probe(string name)
    {
        var files = Candidates[name];
        var overrideVar = Environment.GetEnvironmentVariable("PROVING_" + name["proving-".Length..].ToUpperInvariant() + "_LIBRARY");
        if (!string.IsNullOrEmpty(overrideVar)) files = [overrideVar];
        foreach (var file in files)
            if (NativeLibrary.TryLoad(file, out var handle))
                return new LoadResult(handle, file, null);
        return new LoadResult(0, null, $"{files[0]} not found (tried {string.Join(", ", files)})");
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (!Candidates.ContainsKey(libraryName)) return 0;
        return Load(libraryName).Handle;
    }

    /// <summary>The symbol <paramref name="symbol"/> exists in the loaded library (for optional entry points).</summary>
    internal static bool HasExport(string name, string symbol)
    {
        var lib = Load(name);
        return lib.Loaded && NativeLibrary.TryGetExport(lib.Handle, symbol, out _);
    }
}
