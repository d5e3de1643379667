using System.CommandLine;
using Microsoft.Extensions.Logging;
using Proving.Ethrex.Protocol;
using Proving.Ethrex.Prover;

namespace Proving.Ethrex.Cli;

/// <summary>The backends other than <c>command</c>, built from their own options.</summary>
internal static class Backends
{
    public static readonly Option<string?> GuestElf = Settings.Option("--guest-elf", "exec backend: the RISC-V guest ELF run on each batch input (env PROVING_ETHREX_GUEST_ELF)", "path");
    public static readonly Option<string?> MaxCycles = Settings.Option("--exec-max-cycles", "exec backend: instruction limit per batch (default 4294967296)", "count");

    public static IProverBackend Create(string name, ParseResult p, ProverType type, ILogger log) => name switch
    {
        "exec" when type != ProverType.Exec => throw new ArgumentException($"--backend exec proves type Exec, not {ProverTypes.Name(type)}"),
        "exec" => new ExecBackend(Settings.String(p, GuestElf, null, "PROVING_ETHREX_GUEST_ELF"), Positive(Settings.Long(p, MaxCycles, 1L << 32)), log),
        _ => throw new ArgumentException($"--backend: unknown backend '{name}' (expected exec or command)"),
    };

    private static long Positive(long v) => v > 0 ? v : throw new ArgumentException("--exec-max-cycles must be positive");
}
