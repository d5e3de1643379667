using System.CommandLine;

namespace Proving.Ethrex.Cli;

/// <summary>Options shared by several commands.</summary>
internal static class Common
{
    public static readonly Option<string?> Protocol = Settings.Option("--protocol", "protocol generation g0|g7|g8 (env PROVING_ETHREX_PROTOCOL; default g8)", "g0|g7|g8");
    public static readonly Option<string?> CommitHash = Settings.Option("--commit-hash", "version string, the short git SHA of the ethrex build (env PROVING_ETHREX_COMMIT_HASH)", "sha");
    public static readonly Option<string?> Database = Settings.Option("--db", "coordinator SQLite file (env PROVING_ETHREX_DB; default ethrex-coordinator.db)", "path");
}
