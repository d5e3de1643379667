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
            Console.WriteLine($"cpu: available, {Environment.ProcessorCount} logical processors");
            Print(CudaRuntime.Status());
            var nvrtc = Nvrtc.Status();
            Console.WriteLine(nvrtc.Available
                ? $"  nvrtc: {nvrtc.Library} (NVRTC {Nvrtc.Version.Major}.{Nvrtc.Version.Minor}, up to sm_{Nvrtc.SupportedArchitectures.DefaultIfEmpty(0).Max()})"
                : $"  nvrtc: unavailable: {nvrtc.Reason}");
            Print(OpenClRuntime.Status());
            Console.WriteLine($"kernel cache: {KernelCache.DefaultDirectory}");
            return 0;
        });
        return command;
    }

    private static void Print(GpuRuntimeStatus status)
    {
        if (!status.Available)
        {
            Console.WriteLine($"{status.Runtime}: unavailable: {status.Reason}");
            return;
        }
        Console.WriteLine($"{status.Runtime}: available ({status.Library}), {status.Devices.Count} device(s)");
        foreach (var d in status.Devices) Console.WriteLine($"  #{d.Index} {d}");
    }
}
