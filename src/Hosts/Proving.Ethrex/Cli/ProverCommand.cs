using System.CommandLine;
using Microsoft.Extensions.Logging;
using Proving.Ethrex.Protocol;
using Proving.Ethrex.Prover;
using Proving.Ethrex.Transport;
using Proving.Hosts.Common.Retry;

namespace Proving.Ethrex.Cli;

/// <summary><c>proving-ethrex prover</c>: polls coordinators, proves batches, submits durably; runs until SIGINT/SIGTERM.</summary>
internal static class ProverCommand
{
    private static readonly Option<string[]> Coordinators = new("--proof-coordinators")
    {
        HelpName = "url",
        Description = "coordinator URLs, e.g. tcp://127.0.0.1:3900 (append ?protocol=g7 per endpoint) (env PROVER_CLIENT_PROOF_COORDINATOR_URL, comma-separated)",
        AllowMultipleArgumentsPerToken = true,
    };
    private static readonly Option<string[]> ServerEndpoints = new("--prover-server-endpoint")
    {
        HelpName = "host:port",
        Description = "G0 prover servers, host:port (env PROVER_CLIENT_PROVER_SERVER_ENDPOINT)",
        AllowMultipleArgumentsPerToken = true,
    };
    private static readonly Option<string?> ProvingTime = Settings.Option("--proving-time", "ms between polling rounds (env PROVER_CLIENT_PROVING_TIME; G0 PROVER_CLIENT_INTERVAL_MS; default 5000)", "ms");
    private static readonly Option<string?> Backend = Settings.Option("--backend", "exec|command (env PROVER_CLIENT_BACKEND; default exec)", "name");
    private static readonly Option<string?> Type = Settings.Option("--prover-type", "prover type sent in requests: Exec, RISC0, SP1, TDX (default Exec)", "type");
    private static readonly Option<string?> Program = Settings.Option("--command", "command backend: the external prover program", "path");
    private static readonly Option<string[]> ProgramArgs = new("--command-arg") { HelpName = "arg", Description = "command backend: an argument placed before --input-path (repeatable; write --command-arg=--flag for one that starts with --)" };
    private static readonly Option<string?> ProgramOutput = Settings.Option("--command-output", "command backend: json (a BatchProof) or raw (proof bytes) (default json)", "json|raw");
    private static readonly Option<string?> ProgramTimeout = Settings.Option("--command-timeout", "command backend: ms one batch may take (default 3600000)", "ms");
    private static readonly Option<string?> StateDir = Settings.Option("--state-dir", "folder for unacknowledged proofs and work files (env PROVING_ETHREX_STATE_DIR; default .proving-ethrex)", "dir");
    private static readonly Option<string?> ConnectTimeout = Settings.Option("--connect-timeout", "ms for a TCP connect (default 10000)", "ms");
    private static readonly Option<string?> ReadTimeout = Settings.Option("--read-timeout", "ms for a whole response (default 600000)", "ms");
    private static readonly Option<string?> MaxMessage = Settings.Option("--max-message-size", "largest response in bytes (default 1073741824)", "bytes");
    private static readonly Option<string?> RetryInitial = Settings.Option("--submit-retry-initial", "ms before the first submit retry (default 1000)", "ms");
    private static readonly Option<string?> RetryMax = Settings.Option("--submit-retry-max", "largest ms between submit retries (default 60000)", "ms");
    private static readonly Option<string?> HoldSubmit = Settings.Option("--debug.hold-submit", "fault injection: ms between saving a proof and its first submit (default 0)", "ms");

    public static Command Create()
    {
        var command = new Command("prover", "Run an ethrex prover client against one or more coordinators");
        foreach (var o in new Option[] { Coordinators, ServerEndpoints, Common.Protocol, ProvingTime, Backend, Type, Common.CommitHash, Program, ProgramArgs, ProgramOutput, ProgramTimeout, Backends.GuestElf, Backends.MaxCycles, StateDir, ConnectTimeout, ReadTimeout, MaxMessage, RetryInitial, RetryMax, HoldSubmit, Logs.Level })
            command.Options.Add(o);
        command.SetAction(async (p, ct) =>
        {
            ILoggerFactory logs;
            try
            {
                logs = Logs.Create(p);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return 2;
            }
            using (logs)
            {
                var log = logs.CreateLogger("prover");
                ProverClient client;
                try
                {
                    var options = Parse(p);
                    client = new ProverClient(options, CreateBackend(p, options, log), log);
                }
                catch (ArgumentException e)
                {
                    Console.Error.WriteLine("error: " + e.Message);
                    return 2;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    log.LogCritical("cannot use the state folder: {Error}", e.Message);
                    return 1;
                }
                await client.RunAsync(ct);
                log.LogInformation("stopping");
                return 0;
            }
        });
        return command;
    }

    internal static ProverOptions Parse(ParseResult p)
    {
        var generation = ProtocolGenerations.Parse(Settings.String(p, Common.Protocol, "g8", "PROVING_ETHREX_PROTOCOL"));
        var endpoints = new List<CoordinatorEndpoint>();
        foreach (var url in List(p, Coordinators, "PROVER_CLIENT_PROOF_COORDINATOR_URL"))
            endpoints.Add(CoordinatorEndpoint.Parse(url, generation));
        foreach (var url in List(p, ServerEndpoints, "PROVER_CLIENT_PROVER_SERVER_ENDPOINT"))
            endpoints.Add(CoordinatorEndpoint.Parse(url, ProtocolGeneration.G0));
        if (endpoints.Count == 0)
            throw new ArgumentException("--proof-coordinators (or --prover-server-endpoint for G0) is required");
        var defaults = TransportLimits.ProverDefault;
        var limits = new TransportLimits(
            Settings.Millis(p, ConnectTimeout, (long)defaults.ConnectTimeout.TotalMilliseconds),
            Settings.Millis(p, ReadTimeout, (long)defaults.ReadTimeout.TotalMilliseconds),
            Settings.Long(p, MaxMessage, defaults.MaxMessageBytes));
        var hold = Settings.Long(p, HoldSubmit, 0);
        return new ProverOptions(
            endpoints,
            Settings.String(p, Common.CommitHash, null, "PROVING_ETHREX_COMMIT_HASH"),
            Settings.Millis(p, ProvingTime, 5000, "PROVER_CLIENT_PROVING_TIME", "PROVER_CLIENT_INTERVAL_MS"),
            limits,
            Path.Combine(StateDirectory(p), "pending"),
            new ExponentialBackoff(Settings.Millis(p, RetryInitial, 1000), Settings.Millis(p, RetryMax, 60_000)),
            TimeSpan.FromMilliseconds(hold));
    }

    private static string StateDirectory(ParseResult p) => Settings.String(p, StateDir, ".proving-ethrex", "PROVING_ETHREX_STATE_DIR");

    private static IProverBackend CreateBackend(ParseResult p, ProverOptions options, ILogger log)
    {
        var type = ProverTypes.ParseLenient(Settings.String(p, Type, "Exec"));
        var name = Settings.String(p, Backend, "exec", "PROVER_CLIENT_BACKEND");
        switch (name)
        {
            case "command":
                var output = Settings.String(p, ProgramOutput, "json") switch
                {
                    "json" => CommandOutput.Json,
                    "raw" => CommandOutput.Raw,
                    var other => throw new ArgumentException($"--command-output: '{other}' is not json or raw"),
                };
                return new CommandBackend(
                    Settings.String(p, Program, null),
                    p.GetValue(ProgramArgs) ?? [],
                    type,
                    output,
                    Path.Combine(StateDirectory(p), "work"),
                    Settings.Millis(p, ProgramTimeout, 3_600_000),
                    options.Limits.MaxMessageBytes,
                    log);
            default:
                return Backends.Create(name, p, type, log);
        }
    }

    private static IEnumerable<string> List(ParseResult p, Option<string[]> option, string env)
    {
        var values = p.GetValue(option);
        if (values is { Length: > 0 })
            return values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return (Environment.GetEnvironmentVariable(env) ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
