using System.CommandLine;
using Proving.Core.Circom;

namespace Proving.Cli.Commands;

/// <summary><c>proving zkey export-vkey &lt;circuit.zkey&gt; &lt;verification_key.json&gt;</c> (as <c>snarkjs zkey export verificationkey</c>).</summary>
internal static class ZkeyCommand
{
    public static Command Create()
    {
        var command = new Command("zkey", "snarkjs proving key (.zkey) tools");
        var export = new Command("export-vkey", "Write the verification key of a Groth16 .zkey as snarkjs's verification_key.json");
        var zkey = new Argument<string>("circuit.zkey") { Description = "snarkjs Groth16 proving key" };
        var output = new Argument<string>("verification_key.json") { Description = "output path" };
        export.Arguments.Add(zkey);
        export.Arguments.Add(output);
        export.SetAction(parse =>
        {
            try
            {
                var vk = ZkeyReader.ReadVerificationKey(parse.GetValue(zkey)!);
                SnarkjsJson.WriteVerificationKey(parse.GetValue(output)!, vk);
                return 0;
            }
            catch (Exception e) when (e is CircomFormatException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });
        command.Subcommands.Add(export);
        return command;
    }
}
