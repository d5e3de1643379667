using System.CommandLine;
using Proving.Core.Circom;
using Proving.Core.Groth16;

namespace Proving.Cli.Commands;

/// <summary>
/// <c>proving groth16 verify &lt;verification_key.json&gt; &lt;public.json&gt; &lt;proof.json&gt;</c>: prints "OK" and exits 0
/// for a valid proof; otherwise prints the reason and exits 1 (invalid proof) or 2 (unreadable input).
/// </summary>
internal static class Groth16VerifyCommand
{
    public static Command Create()
    {
        var command = new Command("verify", "Verify a Groth16 proof (snarkjs JSON files); prints OK");
        var vkArg = new Argument<string>("verification_key.json") { Description = "snarkjs verification key" };
        var pubArg = new Argument<string>("public.json") { Description = "public signals" };
        var proofArg = new Argument<string>("proof.json") { Description = "proof" };
        command.Arguments.Add(vkArg);
        command.Arguments.Add(pubArg);
        command.Arguments.Add(proofArg);
        command.SetAction(parse =>
        {
            try
            {
                var vk = SnarkjsJson.ReadVerificationKey(parse.GetValue(vkArg)!);
                var pub = SnarkjsJson.ReadPublic(parse.GetValue(pubArg)!);
                var proof = SnarkjsJson.ReadProof(parse.GetValue(proofArg)!);
                var reason = Verifier.Check(vk, pub, proof);
                if (reason is null) { Console.WriteLine("OK"); return 0; }
                Console.Error.WriteLine($"INVALID: {reason}");
                return 1;
            }
            catch (CircomFormatException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
