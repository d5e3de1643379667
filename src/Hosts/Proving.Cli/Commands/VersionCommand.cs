using System.CommandLine;
using System.Reflection;

namespace Proving.Cli.Commands;

/// <summary><c>proving version</c>: prints the library and runtime versions.</summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the Proving.Core version and the .NET runtime");
        command.SetAction(_ =>
        {
            var core = typeof(Proving.Core.AssemblyMarker).Assembly.GetName().Version;
            Console.WriteLine($"proving {core} on .NET {Environment.Version} ({System.Runtime.InteropServices.RuntimeInformation.OSDescription})");
            return 0;
        });
        return command;
    }
}
