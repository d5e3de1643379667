using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Proving.Hosts.Common.Nats;

/// <summary>
/// A NATS client over the text protocol (INFO/CONNECT, PUB/HPUB, SUB/UNSUB, MSG/HMSG, PING/PONG). After a
/// lost connection it reconnects with exponential backoff (<see cref="NatsOptions.ReconnectDelayMin"/> doubling up to
/// <see cref="NatsOptions.ReconnectDelayMax"/>) and re-sends every live subscription. Thread-safe.
/// </summary>
public sealed class NatsConnection : INatsConnection
{
    private readonly NatsOptions _options;
    private readonly CancellationTokenSource _closed = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<long, NatsSubscription> _subs = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<NatsMsg>> _requests = new();
    private readonly ConcurrentQueue<TaskCompletionSource> _pongs = new();
    private readonly string _inboxPrefix = "_INBOX." + Guid.NewGuid().ToString("N");
    private TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Link? _link;
    private long _nextSid;
    private int _maxPayload = 1 << 20;
    private long _nextRequest;
    private Task? _loop;

    private sealed record Link(TcpClient Tcp, Stream Stream, NatsProtocolReader Reader);

    private NatsConnection(NatsOptions options) => _options = options;

    /// <summary>Raised (on a pool thread) with a reason when a connection is lost.</summary>
    public event Action<string>? Disconnected;

    /// <summary>Raised (on the reader thread) with the text of a <c>-ERR</c> that did not close the connection.</summary>
    public event Action<string>? ServerError;

    /// <summary>Raised (on a pool thread) after a reconnect has re-sent the subscriptions.</summary>
    public event Action? Reconnected;

    /// <inheritdoc />
    public bool IsConnected => Volatile.Read(ref _link) != null;

    /// <summary>Connects; the first attempt must succeed (later losses reconnect on their own).</summary>
    /// <exception cref="NatsConnectionException">The server cannot be reached within the connect timeout.</exception>
    /// <exception cref="NatsAuthorizationException">The credentials were refused.</exception>
    public static async Task<NatsConnection> ConnectAsync(NatsOptions options, CancellationToken ct = default)
    {
        var conn = new NatsConnection(options);
        var link = await conn.OpenLinkAsync(ct).ConfigureAwait(false);
        conn.SetLink(link);
        await conn.SubscribeInternalAsync(conn._inboxPrefix + ".*", null, conn.OnReply).ConfigureAwait(false);
        conn._loop = Task.Run(conn.RunAsync);
        return conn;
    }

    /// <summary>Connects to a URL in the form <see cref="NatsOptions.FromUrl"/> accepts.</summary>
    public static Task<NatsConnection> ConnectAsync(string url, CancellationToken ct = default) =>
        ConnectAsync(NatsOptions.FromUrl(url), ct);

    /// <inheritdoc />
    public string NewInbox() => "_INBOX." + Guid.NewGuid().ToString("N");

    /// <inheritdoc />
    public async Task PublishAsync(string subject, ReadOnlyMemory<byte> data, NatsHeaders? headers = null, string? replyTo = null, CancellationToken ct = default)
    {
        CheckSubject(subject);
        if (replyTo != null) CheckSubject(replyTo);
        var reply = replyTo == null ? "" : " " + replyTo;
        byte[] head;
        byte[]? hdr = null;
        if (headers == null)
            head = Encoding.ASCII.GetBytes($"PUB {subject}{reply} {data.Length}\r\n");
        else
        {
            hdr = headers.Encode();
            head = Encoding.ASCII.GetBytes($"HPUB {subject}{reply} {hdr.Length} {hdr.Length + data.Length}\r\n");
        }
        if ((hdr?.Length ?? 0) + data.Length > _maxPayload)
            throw new ArgumentException($"message of {(hdr?.Length ?? 0) + data.Length} bytes exceeds the server's max_payload {_maxPayload}", nameof(data));
        // One buffer, one write: the operation reaches the socket whole.
        var frame = new byte[head.Length + (hdr?.Length ?? 0) + data.Length + 2];
        head.CopyTo(frame, 0);
        hdr?.CopyTo(frame, head.Length);
        data.Span.CopyTo(frame.AsSpan(head.Length + (hdr?.Length ?? 0)));
        frame[^2] = (byte)'\r';
        frame[^1] = (byte)'\n';
        await WriteAsync(s => s.WriteAsync(frame).AsTask(), waitForConnection: true, ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<INatsSubscription> SubscribeAsync(string subject, string? queueGroup = null, CancellationToken ct = default) =>
        await SubscribeInternalAsync(subject, queueGroup, null).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<NatsMsg> RequestAsync(string subject, ReadOnlyMemory<byte> data, TimeSpan timeout, NatsHeaders? headers = null, CancellationToken ct = default)
    {
        var token = Interlocked.Increment(ref _nextRequest).ToString();
        var tcs = new TaskCompletionSource<NatsMsg>(TaskCreationOptions.RunContinuationsAsynchronously);
        _requests[token] = tcs;
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            cts.CancelAfter(timeout);
            try
            {
                await PublishAsync(subject, data, headers, _inboxPrefix + "." + token, cts.Token).ConfigureAwait(false);
                var reply = await tcs.Task.WaitAsync(cts.Token).ConfigureAwait(false);
                if (reply.Status == 503) throw new NatsNoRespondersException(subject);
                return reply;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new NatsTimeoutException($"no reply on '{subject}' within {timeout.TotalMilliseconds:0} ms");
            }
        }
        finally { _requests.TryRemove(token, out _); }
    }

    /// <inheritdoc />
    public async Task FlushAsync(TimeSpan timeout, CancellationToken ct = default)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await WriteAsync(async s =>
        {
            _pongs.Enqueue(tcs);
            await s.WriteAsync("PING\r\n"u8.ToArray()).ConfigureAwait(false);
        }, waitForConnection: true, ct).ConfigureAwait(false);
        try { await tcs.Task.WaitAsync(timeout, ct).ConfigureAwait(false); }
        catch (TimeoutException) { throw new NatsTimeoutException("no PONG within " + timeout); }
    }

    internal async ValueTask UnsubscribeAsync(NatsSubscription sub)
    {
        if (!_subs.TryRemove(sub.Sid, out _)) return;
        sub.Complete();
        try { await WriteAsync(s => s.WriteAsync(Encoding.ASCII.GetBytes($"UNSUB {sub.Sid}\r\n")).AsTask(), false, default).ConfigureAwait(false); }
        catch (NatsException) { /* not connected: the server forgot the subscription already */ }
    }

    private async Task<NatsSubscription> SubscribeInternalAsync(string subject, string? queueGroup, Action<NatsMsg>? handler)
    {
        CheckSubject(subject);
        if (queueGroup != null) CheckSubject(queueGroup);
        var sub = new NatsSubscription(this, Interlocked.Increment(ref _nextSid), subject, queueGroup, handler);
        // Under the write lock, so that a reconnect (which re-sends _subs under the same lock) sends it exactly once.
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            _subs[sub.Sid] = sub;
            var link = Volatile.Read(ref _link);
            if (link != null)
            {
                try
                {
                    await link.Stream.WriteAsync(SubLine(sub)).ConfigureAwait(false);
                    await link.Stream.FlushAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
                {
                    DropLink(link, "write failed: " + e.Message); // the reconnect sends it
                }
            }
        }
        finally { _writeLock.Release(); }
        return sub;
    }

    private static byte[] SubLine(NatsSubscription s) =>
        Encoding.ASCII.GetBytes(s.QueueGroup == null ? $"SUB {s.Subject} {s.Sid}\r\n" : $"SUB {s.Subject} {s.QueueGroup} {s.Sid}\r\n");

    private void OnReply(NatsMsg msg)
    {
        var token = msg.Subject[(_inboxPrefix.Length + 1)..];
        if (_requests.TryRemove(token, out var tcs)) tcs.TrySetResult(msg);
    }

    private async Task WriteAsync(Func<Stream, Task> write, bool waitForConnection, CancellationToken ct)
    {
        if (_closed.IsCancellationRequested) throw new NatsConnectionException("connection closed");
        var link = Volatile.Read(ref _link);
        if (link == null)
        {
            if (!waitForConnection) throw new NatsConnectionException("not connected");
            var deadline = DateTime.UtcNow + _options.ReconnectWait;
            while (Volatile.Read(ref _link) == null)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || _closed.IsCancellationRequested)
                    throw new NatsConnectionException($"not reconnected within {_options.ReconnectWait}");
                await Task.WhenAny(_connected.Task, Task.Delay(TimeSpan.FromMilliseconds(20), ct)).ConfigureAwait(false);
                ct.ThrowIfCancellationRequested();
            }
        }
        await _writeLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            link = Volatile.Read(ref _link) ?? throw new NatsConnectionException("not connected");
            await write(link.Stream).ConfigureAwait(false);
            await link.Stream.FlushAsync().ConfigureAwait(false); // never cancelled mid-frame
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            DropLink(link, "write failed: " + e.Message);
            throw new NatsConnectionException("write failed", e);
        }
        finally { _writeLock.Release(); }
    }

    private async Task<Link> OpenLinkAsync(CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct, _closed.Token);
        cts.CancelAfter(_options.ConnectTimeout);
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(_options.Host, _options.Port, cts.Token).ConfigureAwait(false);
            var stream = tcp.GetStream();
            var reader = new NatsProtocolReader(stream);
            var info = await reader.ReadAsync(cts.Token).ConfigureAwait(false);
            if (info.Kind != NatsServerOpKind.Info) throw new NatsProtocolException("server did not start with INFO");
            using (var doc = JsonDocument.Parse(info.Text))
                if (doc.RootElement.TryGetProperty("max_payload", out var mp) && mp.TryGetInt32(out var max) && max > 0)
                    reader.MaxPayload = _maxPayload = max;
            await stream.WriteAsync(Encoding.UTF8.GetBytes("CONNECT " + ConnectJson() + "\r\nPING\r\n"), cts.Token).ConfigureAwait(false);
            while (true)
            {
                var op = await reader.ReadAsync(cts.Token).ConfigureAwait(false);
                if (op.Kind == NatsServerOpKind.Pong) break;
                if (op.Kind == NatsServerOpKind.Err)
                    throw op.Text.Contains("Authorization", StringComparison.OrdinalIgnoreCase)
                        ? new NatsAuthorizationException(op.Text)
                        : new NatsConnectionException("server error on connect: " + op.Text);
            }
            return new Link(tcp, stream, reader);
        }
        catch (Exception e) when (e is not NatsException)
        {
            tcp.Dispose();
            throw new NatsConnectionException($"cannot connect to nats://{_options.Host}:{_options.Port}: {e.Message}", e);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    private string ConnectJson()
    {
        var o = new Dictionary<string, object?>
        {
            ["verbose"] = false, ["pedantic"] = false, ["tls_required"] = false, ["name"] = _options.Name,
            ["lang"] = "csharp", ["version"] = "0.1.0", ["protocol"] = 1, ["headers"] = true, ["no_responders"] = true,
        };
        if (_options.User != null) { o["user"] = _options.User; o["pass"] = _options.Password; }
        if (_options.Token != null) o["auth_token"] = _options.Token;
        return JsonSerializer.Serialize(o);
    }

    private void SetLink(Link link)
    {
        Volatile.Write(ref _link, link);
        _connected.TrySetResult();
    }

    private void DropLink(Link? link, string reason)
    {
        if (link == null || Interlocked.CompareExchange(ref _link, null, link) != link) return;
        _connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        link.Tcp.Dispose();
        while (_pongs.TryDequeue(out var p)) p.TrySetException(new NatsConnectionException("disconnected"));
        if (!_closed.IsCancellationRequested) Disconnected?.Invoke(reason);
    }

    private async Task RunAsync()
    {
        var delay = _options.ReconnectDelayMin;
        while (!_closed.IsCancellationRequested)
        {
            var link = Volatile.Read(ref _link);
            if (link == null)
            {
                try
                {
                    link = await OpenLinkAsync(_closed.Token).ConfigureAwait(false);
                    await _writeLock.WaitAsync(_closed.Token).ConfigureAwait(false);
                    try
                    {
                        foreach (var sub in _subs.Values.OrderBy(s => s.Sid)) await link.Stream.WriteAsync(SubLine(sub)).ConfigureAwait(false);
                        await link.Stream.FlushAsync().ConfigureAwait(false);
                        SetLink(link);
                    }
                    finally { _writeLock.Release(); }
                    delay = _options.ReconnectDelayMin;
                    Reconnected?.Invoke();
                }
                catch (Exception) when (!_closed.IsCancellationRequested)
                {
                    link?.Tcp.Dispose();
                    await Task.Delay(delay + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 50)), _closed.Token).ContinueWith(_ => { }).ConfigureAwait(false);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ReconnectDelayMax.Ticks));
                    continue;
                }
                catch (Exception) { link?.Tcp.Dispose(); return; }
            }
            using var pingStop = new CancellationTokenSource();
            var pinger = PingLoopAsync(link, pingStop.Token);
            try
            {
                while (true) await HandleAsync(link, await link.Reader.ReadAsync(_closed.Token).ConfigureAwait(false)).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                DropLink(link, e.Message);
            }
            finally
            {
                pingStop.Cancel();
                await pinger.ConfigureAwait(false);
            }
        }
    }

    private async Task HandleAsync(Link link, NatsServerOp op)
    {
        switch (op.Kind)
        {
            case NatsServerOpKind.Msg:
                if (_subs.TryGetValue(op.Sid, out var sub)) sub.Deliver(op.Msg!);
                break;
            case NatsServerOpKind.Ping:
                await _writeLock.WaitAsync(_closed.Token).ConfigureAwait(false);
                try { await link.Stream.WriteAsync("PONG\r\n"u8.ToArray(), _closed.Token).ConfigureAwait(false); }
                finally { _writeLock.Release(); }
                break;
            case NatsServerOpKind.Pong:
                if (_pongs.TryDequeue(out var tcs)) tcs.TrySetResult();
                break;
            case NatsServerOpKind.Err:
                // Permission and subject errors keep the connection; the server closes it itself on fatal ones.
                ServerError?.Invoke(op.Text);
                break;
        }
    }

    private async Task PingLoopAsync(Link link, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(_options.PingInterval, ct).ConfigureAwait(false);
                try { await FlushAsync(_options.PingInterval * 2, ct).ConfigureAwait(false); }
                catch (NatsTimeoutException) { DropLink(link, "stale connection: no PONG"); return; }
                catch (NatsConnectionException) { return; }
            }
        }
        catch (OperationCanceledException) { }
    }

    private static void CheckSubject(string subject)
    {
        if (subject.Length == 0 || subject.Any(c => c is ' ' or '\t' or '\r' or '\n'))
            throw new ArgumentException($"invalid subject '{subject}'", nameof(subject));
    }

    /// <summary>Closes the connection and every subscription; pending requests fail.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_closed.IsCancellationRequested) return;
        _closed.Cancel();
        DropLink(Volatile.Read(ref _link), "closed");
        if (_loop != null) await _loop.ConfigureAwait(false);
        foreach (var s in _subs.Values) s.Complete();
        _subs.Clear();
        foreach (var r in _requests.Values) r.TrySetException(new NatsConnectionException("connection closed"));
    }
}
