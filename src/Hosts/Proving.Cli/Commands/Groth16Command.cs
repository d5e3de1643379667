using System.CommandLine;

namespace Proving.Cli.Commands;

/// <summary><c>proving groth16 prove|verify</c>, with snarkjs's argument order.</summary>
internal static class Groth16Command
{
    public static Command Create()
    {
        var command = new Command("groth16", "Groth16 over BN254 with circom/snarkjs files");
        command.Subcommands.Add(Groth16ProveCommand.Create());
        command.Subcommands.Add(Groth16VerifyCommand.Create());
        return command;
    }
}
