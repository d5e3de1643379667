using System.CommandLine;
using Proving.Ethrex.Cli;

var root = new RootCommand("proving-ethrex: an ethrex prover client and a compatible ProofCoordinator (protocols G0, G7, G8)");
root.Subcommands.Add(CoordinatorCommand.Create());
root.Subcommands.Add(ProverCommand.Create());
foreach (var command in OperatorCommands.Create())
    root.Subcommands.Add(command);
using var shutdown = new Shutdown();
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, shutdown.Token);
