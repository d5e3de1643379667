using System.CommandLine;
using Proving.Cli.Commands;

var root = new RootCommand("proving: GPU-native zero-knowledge proving (BN254 Groth16, NTT, MSM, RISC-V execution)");
foreach (var command in CommandCatalog.All())
    root.Subcommands.Add(command);
return await root.Parse(args).InvokeAsync();
