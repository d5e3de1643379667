using System.Diagnostics;
using System.Text;

namespace Proving.Nats.Backends;

/// <summary>
/// Runs an external prover with the demo's contract (spec A.4): <c>BINARY [extra args] --input-path IN --output-path OUT</c>,
/// the payload written verbatim to IN, one JSON document expected in OUT, failure = non-zero exit or no OUT.
/// Each run gets its own temporary folder, removed afterwards; the child inherits the environment. On
/// cancellation the whole process tree is killed.
/// </summary>
public sealed class BinaryProverBackend(string binary, IReadOnlyList<string>? extraArgs = null, long maxOutputBytes = 64 << 20) : IProverBackend
{
    /// <inheritdoc />
    public string Name => Path.GetFileName(binary);

    /// <inheritdoc />
    public async Task<byte[]> ProveAsync(byte[] input, CancellationToken ct)
    {
        var dir = Directory.CreateTempSubdirectory("proving-nats-");
        try
        {
            var inPath = Path.Combine(dir.FullName, "input");
            var outPath = Path.Combine(dir.FullName, "output.json");
            await File.WriteAllBytesAsync(inPath, input, ct).ConfigureAwait(false);
            var psi = new ProcessStartInfo(binary)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
                WorkingDirectory = dir.FullName,
            };
            foreach (var a in extraArgs ?? []) psi.ArgumentList.Add(a);
            foreach (var a in new[] { "--input-path", inPath, "--output-path", outPath }) psi.ArgumentList.Add(a);
            using var process = new Process { StartInfo = psi };
            var stderr = new TailBuffer(2048);
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) stderr.Append(e.Data); };
            process.OutputDataReceived += (_, _) => { };
            try { process.Start(); }
            catch (Exception e) { throw new ProverFailedException($"cannot start {binary}: {e.Message}", e); }
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            try { await process.WaitForExitAsync(ct).ConfigureAwait(false); }
            catch (OperationCanceledException)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                throw;
            }
            process.WaitForExit(); // drains the redirected streams
            if (process.ExitCode != 0)
                throw new ProverFailedException($"{Name} exited with code {process.ExitCode}: {stderr}");
            var info = new FileInfo(outPath);
            if (!info.Exists) throw new ProverFailedException($"{Name} exited with 0 but wrote no output file");
            if (info.Length > maxOutputBytes) throw new ProverFailedException($"{Name} wrote {info.Length} bytes, over the {maxOutputBytes}-byte limit");
            return await File.ReadAllBytesAsync(outPath, ct).ConfigureAwait(false);
        }
        finally
        {
            try { dir.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private sealed class TailBuffer(int limit)
    {
        private readonly StringBuilder _sb = new();

        public void Append(string line)
        {
            lock (_sb)
            {
                _sb.Append(line).Append(" | ");
                if (_sb.Length > limit) _sb.Remove(0, _sb.Length - limit);
            }
        }

        public override string ToString()
        {
            lock (_sb) return _sb.Length == 0 ? "(no stderr)" : _sb.ToString().TrimEnd(' ', '|');
        }
    }
}
