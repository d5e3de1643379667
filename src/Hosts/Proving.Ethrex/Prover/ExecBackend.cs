using System.Text;
using Microsoft.Extensions.Logging;
using Proving.Core.RiscV;
using Proving.Ethrex.Protocol;

namespace Proving.Ethrex.Prover;

/// <summary>
/// ethrex's <c>exec</c> backend with this library's RISC-V executor: every batch input (its JSON bytes, as received)
/// is the stdin of a RISC-V guest ELF, run by <see cref="RiscVExecutor.Run"/>. An exit code of 0 means the batch
/// checked out, and the Exec proof payload is submitted: <c>ProofCalldata{Exec, [Bytes([])]}</c> in G7/G8, as ethrex's
/// exec backend does (spec §6). G0 names no such payload; there the receipt is <c>[{"journal":[…]},[]]</c>, the
/// guest's committed output. A fault, a limit or a non-zero exit is a <see cref="ProvingFailedException"/> and
/// nothing is submitted.
/// </summary>
internal sealed class ExecBackend : IProverBackend
{
    private readonly RiscVProgram _program;
    private readonly RiscVExecutionOptions _options;
    private readonly ILogger _log;

    /// <summary>Loads the guest once; throws <see cref="ArgumentException"/> when the file is missing or not a usable ELF.</summary>
    public ExecBackend(string guestElf, long maxCycles, ILogger log)
    {
        try
        {
            _program = RiscVProgram.LoadFile(guestElf);
        }
        catch (Exception e) when (e is ElfFormatException or IOException)
        {
            throw new ArgumentException($"--guest-elf {guestElf}: {e.Message}", e);
        }
        _options = new RiscVExecutionOptions { MaxCycles = maxCycles };
        _log = log;
    }

    public string Name => "exec";

    public ProverType ProverType => ProverType.Exec;

    public async Task<ProofPayload> ProveAsync(ProvingJob job, CancellationToken ct)
    {
        RiscVExecutionResult result;
        try
        {
            result = await Task.Run(() => RiscVExecutor.Run(_program, job.Input, _options), ct).ConfigureAwait(false);
        }
        catch (RiscVExecutionException e)
        {
            throw new ProvingFailedException($"guest stopped on batch {job.BatchNumber}: {e.Message}", e);
        }
        if (result.ExitCode != 0)
        {
            var stderr = Encoding.UTF8.GetString(result.Stderr.AsSpan(0, Math.Min(result.Stderr.Length, 2048))).Trim();
            throw new ProvingFailedException($"guest exited with code {result.ExitCode} on batch {job.BatchNumber}: {stderr}");
        }
        _log.LogInformation("batch {Batch} executed: {Cycles} cycles, {Mhz:0.0} MHz, journal {Journal}",
            job.BatchNumber, result.Cycles, result.Mhz, Convert.ToHexStringLower(result.Journal.AsSpan(0, Math.Min(result.Journal.Length, 64))));
        if (job.Generation != ProtocolGeneration.G0)
            return ProofPayload.From(BatchProof.ExecPayload);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer, Json.WriterOptions))
        {
            w.WriteStartArray();
            w.WriteStartObject();
            w.WritePropertyName("journal");
            Json.WriteBytes(w, result.Journal);
            w.WriteEndObject();
            w.WriteStartArray();
            w.WriteEndArray();
            w.WriteEndArray();
        }
        return new ProofPayload(null, buffer.WrittenSpan.ToArray());
    }
}
