using System.Text;

namespace Proving.Hosts.Common.Nats.JetStream;

/// <summary>
/// A message delivered by a pull consumer, with its acknowledgement operations. The metadata comes from the reply
/// subject: <c>$JS.ACK.&lt;stream&gt;.&lt;consumer&gt;.&lt;delivered&gt;.&lt;stream seq&gt;.&lt;consumer seq&gt;.&lt;time ns&gt;.&lt;pending&gt;</c>
/// (9 tokens), or the 12-token form with domain and account hash after <c>$JS.ACK</c>.
/// </summary>
public sealed class JsMsg
{
    private readonly INatsConnection _conn;

    /// <summary>Wraps a delivered message.</summary>
    /// <exception cref="NatsProtocolException">The reply subject is not a JetStream ack subject.</exception>
    public JsMsg(INatsConnection conn, NatsMsg msg)
    {
        _conn = conn;
        Msg = msg;
        var t = (msg.ReplyTo ?? "").Split('.');
        int o = t.Length switch { 9 => 2, >= 11 => 4, _ => -1 };
        if (o < 0 || t[0] != "$JS" || t[1] != "ACK"
            || !ulong.TryParse(t[o + 2], out var delivered) || !ulong.TryParse(t[o + 3], out var sseq)
            || !ulong.TryParse(t[o + 4], out var cseq))
            throw new NatsProtocolException($"not a JetStream ack subject: '{msg.ReplyTo}'");
        Stream = t[o];
        Consumer = t[o + 1];
        NumDelivered = delivered;
        StreamSequence = sseq;
        ConsumerSequence = cseq;
    }

    /// <summary>The underlying message.</summary>
    public NatsMsg Msg { get; }
    /// <summary>Payload.</summary>
    public byte[] Data => Msg.Data;
    /// <summary>Subject.</summary>
    public string Subject => Msg.Subject;
    /// <summary>Stream name.</summary>
    public string Stream { get; }
    /// <summary>Consumer name.</summary>
    public string Consumer { get; }
    /// <summary>How many times this message has been delivered, this delivery included (1 = first).</summary>
    public ulong NumDelivered { get; }
    /// <summary>Stream sequence.</summary>
    public ulong StreamSequence { get; }
    /// <summary>Consumer sequence.</summary>
    public ulong ConsumerSequence { get; }

    /// <summary>Acknowledges and waits for the server's confirmation (a request on the ack subject).</summary>
    /// <exception cref="NatsTimeoutException">No confirmation in time (the ack may or may not have been applied).</exception>
    public Task AckAsync(TimeSpan timeout, CancellationToken ct = default) =>
        _conn.RequestAsync(Msg.ReplyTo!, "+ACK"u8.ToArray(), timeout, ct: ct);

    /// <summary>Negative acknowledgement: redeliver after <paramref name="delay"/> (immediately when zero).</summary>
    public Task NakAsync(TimeSpan delay, CancellationToken ct = default) =>
        Send(delay > TimeSpan.Zero ? $"-NAK {{\"delay\":{delay.Ticks * 100}}}" : "-NAK", ct);

    /// <summary>Work in progress: restarts the ack-wait timer.</summary>
    public Task InProgressAsync(CancellationToken ct = default) => Send("+WPI", ct);

    /// <summary>Terminates: never redeliver this message.</summary>
    public Task TermAsync(CancellationToken ct = default) => Send("+TERM", ct);

    private Task Send(string body, CancellationToken ct) =>
        _conn.PublishAsync(Msg.ReplyTo!, Encoding.ASCII.GetBytes(body), ct: ct);
}
