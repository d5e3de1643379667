using System.Text.Json;
using Microsoft.Extensions.Logging;
using Proving.Ethrex.Protocol;
using Proving.Ethrex.Transport;

namespace Proving.Ethrex.Prover;

/// <summary>A proof that has been made but not yet acknowledged by its coordinator.</summary>
internal sealed record PendingProof(CoordinatorEndpoint Endpoint, ulong BatchNumber, ProofPayload Proof)
{
    public string FileName => $"{Endpoint.Key}-{BatchNumber}.proof.json";
}

/// <summary>
/// The prover's durable outbox (ethrex drops a proof whose submit fails, spec §7): every proof is written here,
/// atomically and flushed to disk, before its first submit, and removed only after the coordinator acknowledged
/// it. On start the prover resubmits whatever is here. A file that cannot be read is moved aside as
/// <c>*.corrupt</c> and logged.
/// </summary>
internal sealed class ProofSpool
{
    private readonly string _dir;
    private readonly ILogger _log;

    public ProofSpool(string directory, ILogger log)
    {
        _dir = directory;
        _log = log;
        Directory.CreateDirectory(_dir);
    }

    public void Save(PendingProof pending)
    {
        var path = Path.Combine(_dir, pending.FileName);
        var tmp = path + ".tmp";
        using (var file = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            using (var w = new Utf8JsonWriter(file, Json.WriterOptions))
            {
                w.WriteStartObject();
                w.WriteString("host", pending.Endpoint.Host);
                w.WriteNumber("port", pending.Endpoint.Port);
                w.WriteString("protocol", pending.Endpoint.Generation.ToString());
                w.WriteNumber("batch_number", pending.BatchNumber);
                if (pending.Proof.ProverType is { } t) w.WriteString("prover_type", ProverTypes.Name(t)); else w.WriteNull("prover_type");
                w.WritePropertyName("proof");
                w.WriteRawValue(pending.Proof.Json, skipInputValidation: true);
                w.WriteEndObject();
            }
            file.Flush(flushToDisk: true);
        }
        File.Move(tmp, path, overwrite: true);
    }

    public void Remove(PendingProof pending) => File.Delete(Path.Combine(_dir, pending.FileName));

    public IReadOnlyList<PendingProof> Load()
    {
        var result = new List<PendingProof>();
        foreach (var path in Directory.EnumerateFiles(_dir, "*.proof.json").Order(StringComparer.Ordinal))
        {
            try
            {
                result.Add(Read(File.ReadAllBytes(path)));
            }
            catch (Exception e) when (e is EthrexProtocolException or ArgumentException or IOException)
            {
                _log.LogError("unreadable pending proof {Path}: {Error}; moved aside", path, e.Message);
                File.Move(path, path + ".corrupt", overwrite: true);
            }
        }
        return result;
    }

    private static PendingProof Read(byte[] bytes)
    {
        using var doc = Json.Parse(bytes, "pending proof");
        var root = doc.RootElement;
        var port = Json.ReadU64(Json.Required(root, "port"), "port");
        if (port is 0 or > 65535) throw new MalformedMessageException("'port' out of range");
        var endpoint = new CoordinatorEndpoint(
            Json.ReadString(Json.Required(root, "host"), "host"),
            (int)port,
            ProtocolGenerations.Parse(Json.ReadString(Json.Required(root, "protocol"), "protocol")));
        ProverType? type = Json.TryGetOptional(root, "prover_type", out var t) ? Json.ReadProverType(t, "prover_type") : null;
        var proof = Json.Compact(Json.Required(root, "proof"));
        return new PendingProof(endpoint, Json.ReadU64(Json.Required(root, "batch_number"), "batch_number"), new ProofPayload(type, proof));
    }
}
