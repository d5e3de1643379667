using Proving.Gpu;
using Proving.Gpu.Bench;

try
{
    return GpuBench.Run(BenchOptions.Parse(args));
}
catch (Exception e) when (e is GpuUnavailableException or GpuException or ArgumentException or FormatException)
{
    Console.Error.WriteLine($"proving-gpu-bench: {e.Message}");
    return 2;
}
