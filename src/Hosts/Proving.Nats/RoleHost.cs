using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Proving.Hosts.Common.EthRpc;
using Proving.Hosts.Common.Nats;
using Proving.Hosts.Common.Nats.JetStream;
using Proving.Nats.Backends;
using Proving.Nats.Configuration;
using Proving.Nats.Roles;

namespace Proving.Nats;

/// <summary>Builds a role from the environment, connects, ensures the stream, and runs until SIGINT/SIGTERM.</summary>
public static class RoleHost
{
    /// <summary>Role names accepted on the command line.</summary>
    public static readonly string[] Roles = ["init-stream", "block-collector", "dispatcher", "proof-collector", "collector"];

    /// <summary>Runs <paramref name="role"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string role, EnvironmentReader env)
    {
        using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fff ";
            o.UseUtcTimestamp = true;
        }).SetMinimumLevel(LogLevel.Information));
        if (role == "collector")
            role = env.Get("STRATEGY", "") switch { "Block" => "block-collector", "Proof" => "proof-collector", _ => role };
        var logger = loggerFactory.CreateLogger("proving-nats." + role);
        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        try
        {
            var natsUrl = env.Get("NATS_URL", "nats://127.0.0.1:4222");
            await using var nats = await ConnectWithRetryAsync(NatsOptions.FromUrl(natsUrl) with { Name = "proving-nats " + role }, logger, stop.Token);
            nats.Disconnected += reason => logger.LogWarning("NATS disconnected: {Reason}", reason);
            nats.Reconnected += () => logger.LogInformation("NATS reconnected");
            nats.ServerError += error => logger.LogWarning("NATS server error: {Error}", error);
            var js = new JetStreamContext(nats);
            var streamName = env.Get(role == "block-collector" ? "OUTPUT_STREAM" : "INPUT_STREAM", PipelineStream.Name);
            var (_, created) = await Retry.UntilAsync(() => js.EnsureStreamAsync(PipelineStream.Config(streamName), stop.Token), "ensure stream", logger, stop.Token);
            if (created) logger.LogInformation("created stream {Stream}", streamName);
            switch (role)
            {
                case "init-stream":
                    return 0;
                case "block-collector":
                    using (var rpc = new EthRpcClient(new Uri(env.Required("L1_RPC"))))
                        await new BlockCollector(js, rpc, BlockCollectorOptions.FromEnvironment(env), logger).RunAsync(stop.Token);
                    break;
                case "dispatcher":
                    await new Dispatcher(js, ProverBackends.FromEnvironment(env), DispatcherOptions.FromEnvironment(env), logger).RunAsync(stop.Token);
                    break;
                case "proof-collector":
                    var options = ProofCollectorOptions.FromEnvironment(env);
                    using (var store = new ProofCollectorStore(options.StatePath))
                        await new ProofCollector(js, store, options, logger).RunAsync(stop.Token);
                    break;
                case "collector":
                    throw new PipelineConfigurationException($"collector: STRATEGY='{env.Get("STRATEGY", "")}' is not supported (Block or Proof)");
                default:
                    throw new PipelineConfigurationException($"unknown role '{role}' (one of {string.Join(", ", Roles)})");
            }
            logger.LogInformation("stopped");
            return 0;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { return 0; }
        catch (Exception e) when (e is PipelineConfigurationException or FormatException or NatsException)
        {
            logger.LogCritical("{Role}: {Error}", role, e.Message);
            return 2;
        }
    }

    private static async Task<NatsConnection> ConnectWithRetryAsync(NatsOptions options, ILogger logger, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try { return await NatsConnection.ConnectAsync(options, ct); }
            catch (NatsConnectionException e) when (DateTime.UtcNow < deadline)
            {
                logger.LogWarning("cannot connect to NATS yet: {Error}", e.Message);
                await Task.Delay(500, ct);
            }
        }
    }
}
