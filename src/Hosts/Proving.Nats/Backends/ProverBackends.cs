using Proving.Core.RiscV;
using Proving.Nats.Configuration;

namespace Proving.Nats.Backends;

/// <summary>Chooses the dispatcher's prover backend from EXECUTOR_TYPE.</summary>
public static class ProverBackends
{
    /// <summary>
    /// <c>JsonExecutor</c> (the default): <see cref="BinaryProverBackend"/> running BINARY (BINARY_ARGS: extra
    /// leading arguments, split on spaces). <c>RiscV</c>: <see cref="RiscVProverBackend"/> running the guest ELF
    /// GUEST_ELF in-process, reporting PROVER_NAME (default riscv-&lt;file name&gt;), at most RISCV_MAX_CYCLES instructions.
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
            case "RiscV":
                var elf = env.Required("GUEST_ELF");
                var options = new RiscVExecutionOptions { MaxCycles = (long)(env.OptionalUInt64("RISCV_MAX_CYCLES") ?? 1UL << 32) };
                try { return RiscVProverBackend.Load(elf, env.Optional("PROVER_NAME"), options); }
                catch (Exception e) when (e is ElfFormatException or IOException or UnauthorizedAccessException)
                {
                    throw new PipelineConfigurationException($"GUEST_ELF '{elf}': {e.Message}");
                }
            default:
                throw new PipelineConfigurationException($"EXECUTOR_TYPE '{type}' is not supported (JsonExecutor or RiscV)");
        }
    }
}
