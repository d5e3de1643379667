using System.CommandLine;
using Microsoft.Extensions.Logging;
using Proving.Ethrex.Protocol;
using Proving.Ethrex.Prover;

namespace Proving.Ethrex.Cli;

/// <summary>The backends other than <c>command</c>, built from their own options.</summary>
internal static class Backends
{
    public static readonly Option<string?> GuestElf = Settings.Option("--guest-elf", "exec backend: the RISC-V guest ELF run on each batch input", "path");

    public static IProverBackend Create(string name, ParseResult p, ProverType type, ILogger log)
    {
        _ = p; _ = type; _ = log;
        return name switch
        {
            "exec" => throw new ArgumentException("--backend exec needs the RISC-V executor, which this build does not contain yet; use --backend command"),
            _ => throw new ArgumentException($"--backend: unknown backend '{name}' (expected exec or command)"),
        };
    }
}
