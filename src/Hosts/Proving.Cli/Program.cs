using System.CommandLine;
using Proving.Cli.Commands;

Proving.Gpu.GpuBackends.Register();   // makes "cuda", "opencl" (and "auto" on a GPU) selectable

var root = new RootCommand("proving: GPU-native zero-knowledge proving (BN254 Groth16, NTT, MSM, RISC-V execution)");
foreach (var command in CommandCatalog.All())
    root.Subcommands.Add(command);
return await root.Parse(args).InvokeAsync();
