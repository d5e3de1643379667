using Proving.Gpu.Bench;

return GpuBench.Run(BenchOptions.Parse(args));
