using System.Text;
using Proving.Gpu.Cuda;
using Xunit.Abstractions;

namespace Proving.Gpu.Tests;

/// <summary>
/// Every CUDA kernel file compiles with NVRTC to an sm_90 (Hopper) CUBIN; vecops.c also to compute_90 PTX (the
/// target the driver JITs on newer GPUs) with the PTX carry-chain limbs and with the portable ones. Needs no GPU; CI installs Debian's libnvrtc11.2, so a
/// CUDA compile error fails the build.
/// </summary>
public sealed class NvrtcCompileTests(ITestOutputHelper output)
{
    public static TheoryData<string> EntryFiles
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var f in KernelSources.EntryFiles) data.Add(f);
            return data;
        }
    }

    [Fact]
    public void NvrtcIsInstalled()
    {
        var status = Nvrtc.Status();
        Assert.True(status.Available, $"NVRTC must be installed (scripts/install.d/60-gpu.sh): {status.Reason}");
        var (major, minor) = Nvrtc.Version;
        output.WriteLine($"NVRTC {major}.{minor} from {status.Library}; targets sm_{string.Join(", sm_", Nvrtc.SupportedArchitectures)}");
        Assert.Contains(90, Nvrtc.SupportedArchitectures);
    }

    [Fact]
    public void VecopsCompilesToPtxForCompute90()
    {
        const string file = "vecops.c";
        var result = Nvrtc.Compile(KernelSources.Load(file), file, 90, cubin: false);
        string ptx = Encoding.UTF8.GetString(result.Image).TrimEnd('\0');
        Assert.Contains(".target sm_90", ptx);
        foreach (var f in new[] { "fr", "fq" })
            foreach (var op in new[] { "add", "sub", "mul", "sqr", "neg", "inv" })
                Assert.Contains($".entry {f}_vec_{op}(", ptx);
        Assert.Contains("addc.cc.u32", ptx);   // the inline-PTX carry chain of limbs.h
        output.WriteLine($"{file}: {ptx.Length} bytes of PTX for {result.Architecture}; log: {result.Log}");
    }

    /// <summary>Each file compiles to an sm_90 CUBIN, and ptxas's resource report (registers, shared memory, stack
    /// frame, spills: what the device tool's METHOD.md reads before spending device time) is printed per kernel. Spills
    /// go to local memory, off chip: none is allowed outside the G2 kernels, whose Fq2 points exceed the 255
    /// registers a thread can have.</summary>
    [Theory]
    [MemberData(nameof(EntryFiles))]
    public void CompilesToCubinForSm90(string file)
    {
        var result = Nvrtc.Compile(KernelSources.Load(file), file, 90, cubin: true, ["--ptxas-options=-v"]);
        Assert.True(result.Image.Length > 4 && result.Image[0] == 0x7F && result.Image[1] == (byte)'E', "a CUBIN is an ELF file");
        output.WriteLine($"{file}: {result.Image.Length}-byte CUBIN for {result.Architecture}");
        var report = PtxasReport.Parse(result.Log);
        Assert.NotEmpty(report);
        foreach (var k in report)
        {
            output.WriteLine($"  {k.Kernel}: {k.Registers} registers, {k.SharedBytes} bytes shared, {k.StackBytes} bytes stack, {k.SpillStoreBytes} bytes spilled");
            if (!k.Kernel.StartsWith("g2_", StringComparison.Ordinal))
                Assert.True(k.SpillStoreBytes == 0, $"{k.Kernel} spills {k.SpillStoreBytes} bytes to local memory");
        }
    }

    [Fact]
    public void VecopsCompilesWithPortableLimbs()
    {
        const string file = "vecops.c";
        var result = Nvrtc.Compile(KernelSources.Load(file), file, 90, cubin: false, ["-DPROVING_PORTABLE_LIMBS"]);
        Assert.DoesNotContain("addc.cc.u32", Encoding.UTF8.GetString(result.Image));
    }

    [Fact]
    public void CompileErrorCarriesTheLog()
    {
        var e = Assert.Throws<NvrtcException>(() => Nvrtc.Compile("extern \"C\" __global__ void k() { undefined_symbol(); }", "broken.cu", 90, cubin: false));
        Assert.Contains("nvrtcCompileProgram", e.Message);
        Assert.Contains("undefined_symbol", e.Log);
    }

    [Theory]
    [InlineData(90, new[] { 70, 80, 90 }, 90, true)]
    [InlineData(100, new[] { 70, 80, 90 }, 90, false)]
    [InlineData(86, new[] { 70, 80, 90 }, 80, false)]
    public void TargetSelection(int cc, int[] supported, int arch, bool cubin) =>
        Assert.Equal((arch, cubin), CudaContext.SelectTarget(cc, supported));

    [Fact]
    public void TargetSelectionRejectsTooOldDevices() =>
        Assert.Throws<GpuUnavailableException>(() => CudaContext.SelectTarget(30, [50, 90]));
}
