using System.Runtime.InteropServices;
using System.Text;
using Proving.Gpu.Native;
using static Proving.Gpu.Cuda.NvrtcNative;

namespace Proving.Gpu.Cuda;

/// <summary>What NVRTC produced: PTX text (for the driver to JIT) or a CUBIN for one SM architecture.</summary>
/// <param name="Image">The PTX (NUL-terminated UTF-8) or CUBIN bytes, ready for cuModuleLoadData.</param>
/// <param name="IsCubin">True for a CUBIN (sm_XY), false for PTX (compute_XY).</param>
/// <param name="Architecture">The target passed to --gpu-architecture (e.g. "compute_90", "sm_90").</param>
/// <param name="Log">The compiler log (warnings), possibly empty.</param>
public sealed record NvrtcOutput(byte[] Image, bool IsCubin, string Architecture, string Log);

/// <summary>
/// The CUDA runtime compiler (NVRTC), loaded from libnvrtc.so.13, .12, .11.2 or libnvrtc.so. Compiling needs no GPU,
/// which is how CI checks every CUDA kernel. NVRTC 11.8 (Debian's libnvrtc11.2) targets up to sm_90 / compute_90.
/// </summary>
public static unsafe class Nvrtc
{
    /// <summary>The library's status (Devices is always empty: NVRTC only compiles).</summary>
    public static GpuRuntimeStatus Status()
    {
        var lib = NativeLibraries.Load(NativeLibraries.Nvrtc);
        return lib.Loaded ? new GpuRuntimeStatus("nvrtc", true, null, lib.File, []) : GpuRuntimeStatus.Unavailable("nvrtc", lib.Failure!);
    }

    /// <summary>NVRTC's version, e.g. (11, 8).</summary>
    /// <exception cref="GpuUnavailableException">NVRTC is not installed.</exception>
    public static (int Major, int Minor) Version
    {
        get
        {
            Require();
            int major, minor;
            NvrtcException.Check(nvrtcVersion(&major, &minor), "nvrtcVersion");
            return (major, minor);
        }
    }

    /// <summary>The SM architectures this NVRTC can target, as major*10 + minor (e.g. 35 .. 90).</summary>
    /// <exception cref="GpuUnavailableException">NVRTC is not installed.</exception>
    public static IReadOnlyList<int> SupportedArchitectures
    {
        get
        {
            Require();
            if (!NativeLibraries.HasExport(NativeLibraries.Nvrtc, "nvrtcGetSupportedArchs")) return [];
            int n;
            NvrtcException.Check(nvrtcGetNumSupportedArchs(&n), "nvrtcGetNumSupportedArchs");
            var archs = new int[n];
            fixed (int* a = archs) NvrtcException.Check(nvrtcGetSupportedArchs(a), "nvrtcGetSupportedArchs");
            return archs;
        }
    }

    /// <summary>The options used for every kernel file, besides --gpu-architecture.</summary>
    public static IReadOnlyList<string> BaseOptions { get; } = ["--std=c++14", "-default-device"];

    /// <summary>
    /// Compiles <paramref name="source"/> (a self-contained CUDA C++ text, see <see cref="KernelSources.Load"/>) for
    /// compute capability <paramref name="computeCapability"/> (major*10 + minor): a CUBIN for sm_XY when
    /// <paramref name="cubin"/>, else PTX for compute_XY.
    /// </summary>
    /// <exception cref="GpuUnavailableException">NVRTC is not installed.</exception>
    /// <exception cref="NvrtcException">Compilation fails; the message holds the compile log.</exception>
    public static NvrtcOutput Compile(string source, string name, int computeCapability, bool cubin, IEnumerable<string>? extraOptions = null)
    {
        Require();
        string arch = (cubin ? "sm_" : "compute_") + computeCapability.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var options = BaseOptions.Append("--gpu-architecture=" + arch).Concat(extraOptions ?? []).ToArray();
        nint program;
        fixed (byte* src = Utf8z(source))
        fixed (byte* nm = Utf8z(name))
            NvrtcException.Check(nvrtcCreateProgram(&program, src, nm, 0, null, null), "nvrtcCreateProgram");
        try
        {
            var handles = options.Select(o => GCHandle.Alloc(Utf8z(o), GCHandleType.Pinned)).ToArray();
            int result;
            try
            {
                var ptrs = stackalloc byte*[handles.Length];
                for (int i = 0; i < handles.Length; i++) ptrs[i] = (byte*)handles[i].AddrOfPinnedObject();
                result = nvrtcCompileProgram(program, handles.Length, ptrs);
            }
            finally
            {
                foreach (var h in handles) h.Free();
            }
            string log = Log(program);
            NvrtcException.Check(result, $"nvrtcCompileProgram({name}, {string.Join(' ', options)})", log);
            nuint size;
            byte[] image;
            if (cubin)
            {
                NvrtcException.Check(nvrtcGetCUBINSize(program, &size), "nvrtcGetCUBINSize");
                image = new byte[(int)size];
                fixed (byte* p = image) NvrtcException.Check(nvrtcGetCUBIN(program, p), "nvrtcGetCUBIN");
            }
            else
            {
                NvrtcException.Check(nvrtcGetPTXSize(program, &size), "nvrtcGetPTXSize");
                image = new byte[(int)size];   // includes the terminating NUL
                fixed (byte* p = image) NvrtcException.Check(nvrtcGetPTX(program, p), "nvrtcGetPTX");
            }
            return new NvrtcOutput(image, cubin, arch, log);
        }
        finally
        {
            nvrtcDestroyProgram(&program);
        }
    }

    private static string Log(nint program)
    {
        nuint size;
        if (nvrtcGetProgramLogSize(program, &size) != 0 || size <= 1) return "";
        var buf = new byte[(int)size];
        fixed (byte* b = buf) if (nvrtcGetProgramLog(program, b) != 0) return "";
        return Encoding.UTF8.GetString(buf).TrimEnd('\0');
    }

    private static byte[] Utf8z(string s) => Encoding.UTF8.GetBytes(s + "\0");

    private static void Require()
    {
        var lib = NativeLibraries.Load(NativeLibraries.Nvrtc);
        if (!lib.Loaded) throw new GpuUnavailableException("nvrtc", lib.Failure!);
    }
}
