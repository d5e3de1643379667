using Proving.Nats.Configuration;

namespace Proving.Nats.Backends;

/// <summary>Chooses the dispatcher's prover backend from EXECUTOR_TYPE.</summary>
public static class ProverBackends
{
    /// <summary>
    /// <c>JsonExecutor</c> (the default): <see cref="BinaryProverBackend"/> running BINARY (BINARY_ARGS: extra
    /// leading arguments, split on spaces).
    /// </summary>
    /// <exception cref="PipelineConfigurationException">Unknown EXECUTOR_TYPE or missing settings.</exception>
    public static IProverBackend FromEnvironment(EnvironmentReader env)
    {
        var type = env.Get("EXECUTOR_TYPE", "JsonExecutor");
        switch (type)
        {
            case "JsonExecutor":
                var binary = env.Required("BINARY");
                if (!File.Exists(binary)) throw new PipelineConfigurationException($"BINARY '{binary}' does not exist");
                var extra = env.Optional("BINARY_ARGS")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
                return new BinaryProverBackend(binary, extra);
            default:
                throw new PipelineConfigurationException($"EXECUTOR_TYPE '{type}' is not supported (JsonExecutor)");
        }
    }
}
