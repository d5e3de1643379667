using System.Text;
using System.Text.Json;
using Proving.Core.RiscV;

namespace Proving.Nats.Backends;

/// <summary>
/// In-process backend: runs an RV32IM guest program with Proving.Core's RISC-V executor on the message payload
/// (the bytes the guest reads from fd 0) and returns the proof document
/// <c>{"block":N,"proof":"0x&lt;journal hex&gt;","prover":"&lt;name&gt;","cycles":C}</c>, where the journal is what the
/// guest committed. The block is the payload itself (bare digits) or the payload's <c>block</c> member (a JSON object).
/// A non-zero guest exit, a fault, a limit reached or an empty journal is a <see cref="ProverFailedException"/>.
/// The executor cannot be interrupted: on cancellation the call returns at once and the run ends in the background,
/// bounded by <see cref="RiscVExecutionOptions.MaxCycles"/>.
/// </summary>
public sealed class RiscVProverBackend(RiscVProgram program, string proverName, RiscVExecutionOptions? options = null) : IProverBackend
{
    /// <summary>Loads the guest ELF at <paramref name="elfPath"/>.</summary>
    /// <exception cref="ElfFormatException">Not an RV32 executable the loader accepts.</exception>
    public static RiscVProverBackend Load(string elfPath, string? proverName = null, RiscVExecutionOptions? options = null) =>
        new(RiscVProgram.LoadFile(elfPath), proverName ?? "riscv-" + Path.GetFileNameWithoutExtension(elfPath), options);

    /// <inheritdoc />
    public string Name => proverName;

    /// <inheritdoc />
    public async Task<byte[]> ProveAsync(byte[] input, CancellationToken ct)
    {
        var block = BlockOf(input);
        var run = Task.Run(() => RiscVExecutor.Run(program, input, options), CancellationToken.None);
        RiscVExecutionResult result;
        try { result = await run.WaitAsync(ct).ConfigureAwait(false); }
        catch (RiscVExecutionException e) { throw new ProverFailedException($"guest failed after {e.Cycles} cycles: {e.Message}{Tail(e.Stderr, e.Stdout)}", e); }
        if (result.ExitCode != 0)
            throw new ProverFailedException($"guest exited with code {result.ExitCode} after {result.Cycles} cycles{Tail(result.Stderr, result.Stdout)}");
        if (result.Journal.Length == 0) throw new ProverFailedException("guest committed no journal");
        return JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["block"] = block, ["proof"] = "0x" + Convert.ToHexStringLower(result.Journal), ["prover"] = proverName, ["cycles"] = result.Cycles,
        });
    }

    private static ulong BlockOf(byte[] input)
    {
        if (BlockNumber.TryParse(input, out var block)) return block;
        try
        {
            using var doc = JsonDocument.Parse(input);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("block", out var b) && b.TryGetUInt64(out block))
                return block;
        }
        catch (JsonException) { }
        throw new ProverFailedException("input is neither a block number nor a JSON object with a 'block' member");
    }

    private static string Tail(byte[] stderr, byte[] stdout)
    {
        var bytes = stderr.Length > 0 ? stderr : stdout;
        if (bytes.Length == 0) return "";
        var text = Encoding.UTF8.GetString(bytes, Math.Max(0, bytes.Length - 300), Math.Min(bytes.Length, 300)).Trim();
        return ": " + text.Replace('\n', ' ');
    }
}
