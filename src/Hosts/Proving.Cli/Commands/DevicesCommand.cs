using System.CommandLine;
using Proving.Gpu;
using Proving.Gpu.Cuda;
using Proving.Gpu.OpenCl;

namespace Proving.Cli.Commands;

/// <summary><c>proving devices</c>: lists each GPU backend and its devices, or why the backend is unavailable.</summary>
internal static class DevicesCommand
{
    public static Command Create()
    {
        var command = new Command("devices", "List the GPU backends (CUDA, OpenCL) and their devices, or why a backend is unavailable");
        command.SetAction(_ =>
        {
            Write(Console.Out);
            return 0;
        });
        return command;
    }

    /// <summary>Writes the report: cpu, cuda (+ nvrtc), opencl, kernel cache folder.</summary>
    internal static void Write(TextWriter output)
    {
        output.WriteLine($"cpu: available, {Environment.ProcessorCount} logical processors");
        Write(output, CudaRuntime.Status());
        var nvrtc = Nvrtc.Status();
        output.WriteLine(nvrtc.Available
            ? $"  nvrtc: {nvrtc.Library} (NVRTC {Nvrtc.Version.Major}.{Nvrtc.Version.Minor}, up to sm_{Nvrtc.SupportedArchitectures.DefaultIfEmpty(0).Max()})"
            : $"  nvrtc: unavailable: {nvrtc.Reason}");
        Write(output, OpenClRuntime.Status());
        output.WriteLine($"kernel cache: {KernelCache.DefaultDirectory}");
    }

    private static void Write(TextWriter output, GpuRuntimeStatus status)
    {
        if (!status.Available)
        {
            output.WriteLine($"{status.Runtime}: unavailable: {status.Reason}");
            return;
        }
        output.WriteLine($"{status.Runtime}: available ({status.Library}), {status.Devices.Count} device(s)");
        foreach (var d in status.Devices) output.WriteLine($"  #{d.Index} {d}");
    }
}
