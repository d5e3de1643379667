using System.CommandLine;
using Microsoft.Extensions.Logging;
using Proving.Ethrex.Coordinator;
using Proving.Ethrex.Protocol;
using Proving.Ethrex.Transport;

namespace Proving.Ethrex.Cli;

/// <summary><c>proving-ethrex coordinator</c>: runs a ProofCoordinator until SIGINT/SIGTERM.</summary>
internal static class CoordinatorCommand
{
    private static readonly Option<string?> Address = Settings.Option("--proof-coordinator.addr", "listen IP (env ETHREX_PROOF_COORDINATOR_LISTEN_ADDRESS; G0 PROVER_SERVER_LISTEN_IP; default 127.0.0.1)", "ip");
    private static readonly Option<string?> Port = Settings.Option("--proof-coordinator.port", "listen port, 0 = any (env ETHREX_PROOF_COORDINATOR_LISTEN_PORT; G0 PROVER_SERVER_LISTEN_PORT; default 3900, G0 3000)", "port");
    private static readonly Option<string?> ProverTimeout = Settings.Option("--proof-coordinator.prover-timeout", "lease length in ms (env ETHREX_PROOF_COORDINATOR_PROVER_TIMEOUT; default 600000)", "ms");
    private static readonly Option<bool> Aligned = new("--aligned") { Description = "send format Compressed instead of Groth16 (env ETHREX_ALIGNED_MODE)" };
    private static readonly Option<string?> NeededTypes = Settings.Option("--needed-proof-types", "comma-separated prover types this deployment needs (env PROVING_ETHREX_NEEDED_PROOF_TYPES; default Exec)", "types");
    private static readonly Option<string?> G0Type = Settings.Option("--g0-prover-type", "type under which G0 proofs are stored (default Exec)", "type");
    private static readonly Option<string?> ReadTimeout = Settings.Option("--read-timeout", "ms a client may take to send its whole request (default 120000)", "ms");
    private static readonly Option<string?> MaxMessage = Settings.Option("--max-message-size", "largest request in bytes (default 67108864)", "bytes");
    private static readonly Option<string?> MaxConnections = Settings.Option("--max-connections", "connections handled at once; more are closed (default 256)", "count");

    public static Command Create()
    {
        var command = new Command("coordinator", "Run an ethrex-compatible ProofCoordinator (state in SQLite)");
        foreach (var o in new Option[] { Address, Port, ProverTimeout, Aligned, Common.Protocol, Common.CommitHash, NeededTypes, G0Type, Common.Database, ReadTimeout, MaxMessage, MaxConnections, Logs.Level })
            command.Options.Add(o);
        command.SetAction(async (p, ct) =>
        {
            CoordinatorOptions options;
            ILoggerFactory logs;
            try
            {
                options = Parse(p);
                logs = Logs.Create(p);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return 2;
            }
            using (logs)
            {
                var log = logs.CreateLogger("coordinator");
                try
                {
                    using var store = new CoordinatorStore(options.DatabasePath);
                    await using var server = new CoordinatorServer(options, new CoordinatorService(store, options, log), log);
                    server.Start();
                    try
                    {
                        await Task.Delay(Timeout.Infinite, ct);
                    }
                    catch (OperationCanceledException) { }
                    log.LogInformation("stopping");
                    return 0;
                }
                catch (Exception e) when (e is System.Net.Sockets.SocketException or Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
                {
                    log.LogCritical("cannot run the coordinator: {Error}", e.Message);
                    return 1;
                }
            }
        });
        return command;
    }

    internal static CoordinatorOptions Parse(ParseResult p)
    {
        var generation = ProtocolGenerations.Parse(Settings.String(p, Common.Protocol, "g8", "PROVING_ETHREX_PROTOCOL"));
        var g0 = generation == ProtocolGeneration.G0;
        var address = g0
            ? Settings.String(p, Address, "127.0.0.1", "PROVER_SERVER_LISTEN_IP", "ETHREX_PROOF_COORDINATOR_LISTEN_ADDRESS")
            : Settings.String(p, Address, "127.0.0.1", "ETHREX_PROOF_COORDINATOR_LISTEN_ADDRESS");
        if (!System.Net.IPAddress.TryParse(address, out _))
            throw new ArgumentException($"--proof-coordinator.addr: '{address}' is not an IP address");
        var port = g0
            ? Settings.Int(p, Port, 3000, 0, 65535, "PROVER_SERVER_LISTEN_PORT", "ETHREX_PROOF_COORDINATOR_LISTEN_PORT")
            : Settings.Int(p, Port, 3900, 0, 65535, "ETHREX_PROOF_COORDINATOR_LISTEN_PORT");
        var limits = TransportLimits.CoordinatorDefault with
        {
            ReadTimeout = Settings.Millis(p, ReadTimeout, 120_000),
            MaxMessageBytes = Settings.Long(p, MaxMessage, 64L << 20),
        };
        return new CoordinatorOptions(
            address,
            port,
            generation,
            Settings.String(p, Common.CommitHash, null, "PROVING_ETHREX_COMMIT_HASH"),
            ProverTypes.ParseList(Settings.String(p, NeededTypes, "Exec", "PROVING_ETHREX_NEEDED_PROOF_TYPES")),
            Settings.Millis(p, ProverTimeout, 600_000, "ETHREX_PROOF_COORDINATOR_PROVER_TIMEOUT"),
            Settings.Flag(p, Aligned, "ETHREX_ALIGNED_MODE") ? ProofFormat.Compressed : ProofFormat.Groth16,
            ProverTypes.ParseLenient(Settings.String(p, G0Type, "Exec")),
            Settings.String(p, Common.Database, "ethrex-coordinator.db", "PROVING_ETHREX_DB"),
            limits,
            Settings.Int(p, MaxConnections, 256, 1, 100_000));
    }
}
