using System.Text.Json.Serialization;

namespace Proving.Hosts.Common.Nats.JetStream;

// JSON shapes of the JetStream API ($JS.API.*), snake_case on the wire. Durations are nanoseconds (Go time.Duration).

/// <summary>A stream's configuration (JetStream <c>StreamConfig</c>). Unlimited counts are -1; unlimited age is 0.</summary>
public sealed record StreamConfig
{
    /// <summary>Stream name.</summary>
    public required string Name { get; init; }
    /// <summary>Subjects captured, wildcards allowed.</summary>
    public required string[] Subjects { get; init; }
    /// <summary><c>limits</c>, <c>interest</c> or <c>workqueue</c>.</summary>
    public string Retention { get; init; } = "limits";
    /// <summary><c>file</c> or <c>memory</c>.</summary>
    public string Storage { get; init; } = "file";
    /// <summary>Replica count.</summary>
    public int NumReplicas { get; init; } = 1;
    /// <summary><c>old</c> or <c>new</c>.</summary>
    public string Discard { get; init; } = "old";
    /// <summary>Max messages (-1 unlimited).</summary>
    public long MaxMsgs { get; init; } = -1;
    /// <summary>Max messages per subject (-1 unlimited).</summary>
    public long MaxMsgsPerSubject { get; init; } = -1;
    /// <summary>Max bytes (-1 unlimited).</summary>
    public long MaxBytes { get; init; } = -1;
    /// <summary>Max age in nanoseconds (0 unlimited).</summary>
    public long MaxAge { get; init; }
    /// <summary>Max message size in bytes (-1 unlimited).</summary>
    public int MaxMsgSize { get; init; } = -1;
    /// <summary>Window in nanoseconds in which a repeated <c>Nats-Msg-Id</c> is dropped.</summary>
    public long DuplicateWindow { get; init; } = 120_000_000_000;
    /// <summary>Allows the <c>Nats-Rollup</c> header.</summary>
    public bool AllowRollupHdrs { get; init; }
    /// <summary>Forbids deleting messages.</summary>
    public bool DenyDelete { get; init; }
    /// <summary>Forbids purging.</summary>
    public bool DenyPurge { get; init; }
}

/// <summary>A consumer's configuration (JetStream <c>ConsumerConfig</c>); null members are left to the server's defaults.</summary>
public sealed record ConsumerConfig
{
    /// <summary>Durable name (also the consumer name).</summary>
    public required string DurableName { get; init; }
    /// <summary>Only subjects matching this are delivered.</summary>
    public string? FilterSubject { get; init; }
    /// <summary><c>explicit</c>, <c>all</c> or <c>none</c>.</summary>
    public string AckPolicy { get; init; } = "explicit";
    /// <summary><c>all</c>, <c>last</c>, <c>new</c>, ...</summary>
    public string DeliverPolicy { get; init; } = "all";
    /// <summary>Time in nanoseconds before an unacknowledged delivery is redelivered.</summary>
    public long? AckWait { get; init; }
    /// <summary>Max deliveries of one message (-1 unlimited).</summary>
    public long? MaxDeliver { get; init; }
    /// <summary>Max unacknowledged messages outstanding.</summary>
    public long? MaxAckPending { get; init; }
    /// <summary>Max pending pull requests.</summary>
    public long? MaxWaiting { get; init; }
}

/// <summary>Stream counters.</summary>
public sealed record StreamState
{
    /// <summary>Messages stored.</summary>
    public ulong Messages { get; init; }
    /// <summary>First sequence.</summary>
    public ulong FirstSeq { get; init; }
    /// <summary>Last sequence.</summary>
    public ulong LastSeq { get; init; }
}

/// <summary>Reply of STREAM.INFO / CREATE / UPDATE.</summary>
public sealed record StreamInfo
{
    /// <summary>The configuration the server holds.</summary>
    public StreamConfig? Config { get; init; }
    /// <summary>The counters.</summary>
    public StreamState? State { get; init; }
}

/// <summary>Delivery position of a consumer.</summary>
public sealed record SequenceInfo
{
    /// <summary>Consumer sequence.</summary>
    public ulong ConsumerSeq { get; init; }
    /// <summary>Stream sequence.</summary>
    public ulong StreamSeq { get; init; }
}

/// <summary>Reply of CONSUMER.INFO / CREATE.</summary>
public sealed record ConsumerInfo
{
    /// <summary>Consumer name.</summary>
    public string Name { get; init; } = "";
    /// <summary>Stream name.</summary>
    public string StreamName { get; init; } = "";
    /// <summary>The configuration the server holds.</summary>
    public ConsumerConfig? Config { get; init; }
    /// <summary>Last delivered position.</summary>
    public SequenceInfo? Delivered { get; init; }
    /// <summary>Acknowledged floor.</summary>
    public SequenceInfo? AckFloor { get; init; }
    /// <summary>Delivered but not yet acknowledged.</summary>
    public long NumAckPending { get; init; }
    /// <summary>Redelivered messages.</summary>
    public long NumRedelivered { get; init; }
    /// <summary>Not yet delivered.</summary>
    public long NumPending { get; init; }
}

/// <summary>Reply of a JetStream publish.</summary>
public sealed record PubAck
{
    /// <summary>Stream that stored the message.</summary>
    public string Stream { get; init; } = "";
    /// <summary>Its stream sequence.</summary>
    public ulong Seq { get; init; }
    /// <summary>True when the <c>Nats-Msg-Id</c> was seen within the duplicate window and the message was dropped.</summary>
    public bool Duplicate { get; init; }
}

/// <summary>A message read directly from a stream (STREAM.MSG.GET).</summary>
/// <param name="Subject">Its subject.</param>
/// <param name="Seq">Its stream sequence.</param>
/// <param name="Data">Payload.</param>
/// <param name="Headers">Headers, or null.</param>
public sealed record StoredMessage(string Subject, ulong Seq, byte[] Data, NatsHeaders? Headers);

/// <summary>The error object of a JetStream API reply.</summary>
public sealed record ApiError
{
    /// <summary>HTTP-like code (400, 404, 500, ...).</summary>
    public int Code { get; init; }
    /// <summary>JetStream error code (e.g. 10059 stream not found, 10014 consumer not found, 10037 no message found).</summary>
    [JsonPropertyName("err_code")] public int ErrCode { get; init; }
    /// <summary>Text.</summary>
    public string Description { get; init; } = "";
}
