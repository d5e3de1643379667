using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Proving.Ethrex.Protocol;

namespace Proving.Ethrex.Prover;

/// <summary>How <see cref="CommandBackend"/> reads the external prover's output file.</summary>
internal enum CommandOutput
{
    /// <summary>The file is the proof's JSON: a <see cref="BatchProof"/> in G7/G8 (its prover type must match), any JSON value (the receipt) in G0.</summary>
    Json,

    /// <summary>The file is raw proof bytes, submitted as <c>ProofCalldata{type, [Bytes(file)]}</c> (G0: a byte array).</summary>
    Raw,
}

/// <summary>
/// Runs an external prover for every batch: <c>program [args…] --input-path IN --output-path OUT</c>, where IN holds
/// the batch input JSON as received and the program writes its proof to OUT and exits 0. The environment carries
/// <c>PROVING_ETHREX_BATCH</c>, <c>PROVING_ETHREX_PROVER_TYPE</c>, <c>PROVING_ETHREX_FORMAT</c> and
/// <c>PROVING_ETHREX_PROTOCOL</c>. A non-zero exit, a timeout, a missing, oversized or malformed output is a
/// <see cref="ProvingFailedException"/>.
/// </summary>
internal sealed class CommandBackend : IProverBackend
{
    private readonly string _program;
    private readonly IReadOnlyList<string> _args;
    private readonly CommandOutput _output;
    private readonly string _workDir;
    private readonly TimeSpan _timeout;
    private readonly long _maxOutputBytes;
    private readonly ILogger _log;

    public CommandBackend(string program, IReadOnlyList<string> args, ProverType type, CommandOutput output, string workDir,
        TimeSpan timeout, long maxOutputBytes, ILogger log)
    {
        _program = program;
        _args = args;
        ProverType = type;
        _output = output;
        _workDir = workDir;
        _timeout = timeout;
        _maxOutputBytes = maxOutputBytes;
        _log = log;
    }

    public string Name => "command";

    public ProverType ProverType { get; }

    public async Task<ProofPayload> ProveAsync(ProvingJob job, CancellationToken ct)
    {
        Directory.CreateDirectory(_workDir);
        var inputPath = Path.Combine(_workDir, $"batch-{job.BatchNumber}.input.json");
        var outputPath = Path.Combine(_workDir, $"batch-{job.BatchNumber}.proof.out");
        File.Delete(outputPath);
        await File.WriteAllBytesAsync(inputPath, job.Input, ct).ConfigureAwait(false);
        try
        {
            await RunAsync(job, inputPath, outputPath, ct).ConfigureAwait(false);
            return ReadOutput(job, outputPath);
        }
        finally
        {
            File.Delete(inputPath);
            File.Delete(outputPath);
        }
    }

    private async Task RunAsync(ProvingJob job, string inputPath, string outputPath, CancellationToken ct)
    {
        var start = new ProcessStartInfo(_program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in _args) start.ArgumentList.Add(a);
        start.ArgumentList.Add("--input-path");
        start.ArgumentList.Add(inputPath);
        start.ArgumentList.Add("--output-path");
        start.ArgumentList.Add(outputPath);
        start.Environment["PROVING_ETHREX_BATCH"] = job.BatchNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PROVING_ETHREX_PROVER_TYPE"] = ProverTypes.Name(ProverType);
        start.Environment["PROVING_ETHREX_FORMAT"] = job.Format is { } f ? ProofFormats.Name(f) : "";
        start.Environment["PROVING_ETHREX_PROTOCOL"] = job.Generation.ToString();

        using var process = new Process { StartInfo = start };
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data != null) _log.LogDebug("prover: {Line}", e.Data); };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data == null) return;
            lock (stderr) { if (stderr.Length < 4096) stderr.AppendLine(e.Data); }
        };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ProvingFailedException($"cannot start prover '{_program}': {e.Message}", e);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            if (ct.IsCancellationRequested) throw;
            throw new ProvingFailedException($"prover '{_program}' did not finish batch {job.BatchNumber} within {_timeout.TotalSeconds:0} s; killed");
        }
        process.WaitForExit(); // drains the redirected streams
        if (process.ExitCode != 0)
        {
            string tail;
            lock (stderr) tail = stderr.ToString().Trim();
            throw new ProvingFailedException($"prover '{_program}' exited with code {process.ExitCode} on batch {job.BatchNumber}: {tail}");
        }
    }

    private ProofPayload ReadOutput(ProvingJob job, string outputPath)
    {
        var info = new FileInfo(outputPath);
        if (!info.Exists)
            throw new ProvingFailedException($"prover '{_program}' exited 0 but wrote no {outputPath}");
        if (info.Length > _maxOutputBytes)
            throw new ProvingFailedException($"prover output of {info.Length} bytes exceeds the limit of {_maxOutputBytes}");
        var bytes = File.ReadAllBytes(outputPath);
        var g0 = job.Generation == ProtocolGeneration.G0;
        try
        {
            if (_output == CommandOutput.Raw)
            {
                if (!g0)
                    return ProofPayload.From(new ProofCalldata(ProverType, [new CalldataValue.Bytes(bytes)]));
                var w = new System.Buffers.ArrayBufferWriter<byte>();
                using (var writer = new System.Text.Json.Utf8JsonWriter(w)) Json.WriteBytes(writer, bytes);
                return new ProofPayload(null, w.WrittenSpan.ToArray());
            }
            if (g0)
            {
                using var doc = Json.Parse(bytes, "prover output");
                return new ProofPayload(null, Json.Compact(doc.RootElement));
            }
            var proof = BatchProof.Parse(bytes, "prover output");
            if (proof.ProverType != ProverType)
                throw new ProvingFailedException($"prover output names type {ProverTypes.Name(proof.ProverType)}, expected {ProverTypes.Name(ProverType)}");
            return ProofPayload.From(proof);
        }
        catch (MalformedMessageException e)
        {
            throw new ProvingFailedException($"prover output is not a valid proof: {e.Message}", e);
        }
    }
}
