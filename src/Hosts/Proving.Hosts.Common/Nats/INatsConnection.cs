namespace Proving.Hosts.Common.Nats;

/// <summary>
/// The core NATS operations the hosts use. <see cref="NatsConnection"/> implements it over the NATS client
/// protocol; a different client library can be swapped in behind this interface.
/// </summary>
public interface INatsConnection : IAsyncDisposable
{
    /// <summary>Publishes a message (PUB, or HPUB when <paramref name="headers"/> is given). Waits for a reconnect when disconnected.</summary>
    /// <exception cref="NatsConnectionException">Closed, or not reconnected within the options' reconnect wait.</exception>
    Task PublishAsync(string subject, ReadOnlyMemory<byte> data, NatsHeaders? headers = null, string? replyTo = null, CancellationToken ct = default);

    /// <summary>Subscribes (SUB), optionally in a queue group: each message goes to one member of the group. Subscriptions survive reconnects.</summary>
    Task<INatsSubscription> SubscribeAsync(string subject, string? queueGroup = null, CancellationToken ct = default);

    /// <summary>Sends a request through the connection's inbox and returns the first reply.</summary>
    /// <exception cref="NatsTimeoutException">No reply within <paramref name="timeout"/>.</exception>
    /// <exception cref="NatsNoRespondersException">Nobody subscribes to <paramref name="subject"/>.</exception>
    Task<NatsMsg> RequestAsync(string subject, ReadOnlyMemory<byte> data, TimeSpan timeout, NatsHeaders? headers = null, CancellationToken ct = default);

    /// <summary>Round-trips a PING, so that everything written before has reached the server.</summary>
    Task FlushAsync(TimeSpan timeout, CancellationToken ct = default);

    /// <summary>A new unique inbox subject (<c>_INBOX.&lt;id&gt;</c>).</summary>
    string NewInbox();

    /// <summary>True while a server connection is up.</summary>
    bool IsConnected { get; }
}

/// <summary>A live subscription; dispose it to unsubscribe (UNSUB).</summary>
public interface INatsSubscription : IAsyncDisposable
{
    /// <summary>The subscribed subject.</summary>
    string Subject { get; }

    /// <summary>Waits for the next message.</summary>
    /// <exception cref="OperationCanceledException">The token fired.</exception>
    /// <exception cref="NatsConnectionException">The subscription or connection was closed.</exception>
    ValueTask<NatsMsg> NextAsync(CancellationToken ct = default);

    /// <summary>Returns the next message if one is already buffered.</summary>
    bool TryNext(out NatsMsg msg);
}
