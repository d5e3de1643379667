using System.Threading.Channels;

namespace Proving.Hosts.Common.Nats;

/// <summary>A subscription of <see cref="NatsConnection"/>: buffers delivered messages in an unbounded channel.</summary>
internal sealed class NatsSubscription : INatsSubscription
{
    private readonly NatsConnection _owner;
    private readonly Channel<NatsMsg> _channel = Channel.CreateUnbounded<NatsMsg>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly Action<NatsMsg>? _handler;

    internal NatsSubscription(NatsConnection owner, long sid, string subject, string? queueGroup, Action<NatsMsg>? handler = null)
    {
        _owner = owner;
        Sid = sid;
        Subject = subject;
        QueueGroup = queueGroup;
        _handler = handler;
    }

    internal long Sid { get; }
    internal string? QueueGroup { get; }
    public string Subject { get; }

    internal void Deliver(NatsMsg msg)
    {
        if (_handler != null) _handler(msg);
        else _channel.Writer.TryWrite(msg);
    }

    internal void Complete() => _channel.Writer.TryComplete(new NatsConnectionException("subscription closed"));

    public async ValueTask<NatsMsg> NextAsync(CancellationToken ct = default)
    {
        try { return await _channel.Reader.ReadAsync(ct).ConfigureAwait(false); }
        catch (ChannelClosedException e) { throw new NatsConnectionException("subscription closed", e); }
    }

    public bool TryNext(out NatsMsg msg) => _channel.Reader.TryRead(out msg!);

    public ValueTask DisposeAsync() => _owner.UnsubscribeAsync(this);
}
