using Proving.Hosts.Common.Nats.JetStream;

namespace Proving.Nats;

/// <summary>The stream and subjects of the EthProofs orchestrator demo (spec part A.2).</summary>
public static class PipelineStream
{
    /// <summary>Stream name.</summary>
    public const string Name = "modularorchestrator";
    /// <summary>Block numbers from the block collector.</summary>
    public const string Blocks = Name + ".blocks";
    /// <summary>Proof JSON from the dispatchers.</summary>
    public const string BlockProofs = Name + ".block_proofs";
    /// <summary>Matched proofs from the proof collector.</summary>
    public const string CompletedProofs = Name + ".completed_proofs";
    /// <summary>Messages a dispatcher gave up on (our addition; inside the stream so they are kept).</summary>
    public const string DeadLetter = Name + ".dead_letter";

    /// <summary>
    /// The demo's <c>nats stream add</c> settings: subjects <c>modularorchestrator.&gt;</c>, file storage, 1 replica,
    /// limits retention, discard old, every limit unlimited, 2 min duplicate window, rollup allowed, deletes and purges allowed.
    /// </summary>
    public static StreamConfig Config(string name = Name) => new()
    {
        Name = name,
        Subjects = [name + ".>"],
        Retention = "limits",
        Storage = "file",
        NumReplicas = 1,
        Discard = "old",
        MaxMsgs = -1,
        MaxMsgsPerSubject = -1,
        MaxBytes = -1,
        MaxAge = 0,
        MaxMsgSize = -1,
        DuplicateWindow = (long)TimeSpan.FromMinutes(2).TotalNanoseconds,
        AllowRollupHdrs = true,
        DenyDelete = false,
        DenyPurge = false,
    };

    /// <summary>A durable name derived from a role and a subject when CONSUMER_NAME is unset (dots are not allowed in names).</summary>
    public static string DefaultConsumer(string role, string subject) => role + "-" + subject.Replace('.', '_').Replace('*', '_').Replace('>', '_');
}
