using System.CommandLine;

namespace Proving.Cli.Commands;

/// <summary>The top-level commands of the <c>proving</c> tool, one factory per file in this folder.</summary>
internal static class CommandCatalog
{
    /// <summary>Every top-level command, in the order the help text lists them.</summary>
    public static IEnumerable<Command> All()
    {
        yield return VersionCommand.Create();
        yield return DevicesCommand.Create();
        yield return RiscVCommand.Create();
        yield return Groth16Command.Create();
        yield return ZkeyCommand.Create();
    }
}
