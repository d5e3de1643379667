using System.Text.Json;
using System.Text.Json.Serialization;

namespace Proving.Hosts.Common.Nats.JetStream;

/// <summary>
/// The JetStream API over request/reply on <c>$JS.API.*</c>: streams (create, update, info, get message),
/// durable pull consumers (create-or-update, info, fetch) and publishing with a publish acknowledgement.
/// </summary>
public sealed class JetStreamContext
{
    private const string Api = "$JS.API.";

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Creates a context on a connection; <paramref name="timeout"/> bounds each API request (default 5 s).</summary>
    public JetStreamContext(INatsConnection connection, TimeSpan? timeout = null)
    {
        Connection = connection;
        Timeout = timeout ?? TimeSpan.FromSeconds(5);
    }

    /// <summary>The connection used.</summary>
    public INatsConnection Connection { get; }

    /// <summary>Timeout of each API request.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>STREAM.INFO.</summary>
    /// <exception cref="JetStreamApiException">Not found (<see cref="JetStreamApiException.StreamNotFound"/>) or another API error.</exception>
    public Task<StreamInfo> GetStreamInfoAsync(string stream, CancellationToken ct = default) =>
        CallAsync<StreamInfo>("STREAM.INFO." + stream, null, ct);

    /// <summary>STREAM.CREATE.</summary>
    public Task<StreamInfo> CreateStreamAsync(StreamConfig config, CancellationToken ct = default) =>
        CallAsync<StreamInfo>("STREAM.CREATE." + config.Name, config, ct);

    /// <summary>STREAM.UPDATE.</summary>
    public Task<StreamInfo> UpdateStreamAsync(StreamConfig config, CancellationToken ct = default) =>
        CallAsync<StreamInfo>("STREAM.UPDATE." + config.Name, config, ct);

    /// <summary>Creates the stream when absent; an existing stream is left as it is. Returns its info and whether it was created.</summary>
    public async Task<(StreamInfo Info, bool Created)> EnsureStreamAsync(StreamConfig config, CancellationToken ct = default)
    {
        try { return (await GetStreamInfoAsync(config.Name, ct).ConfigureAwait(false), false); }
        catch (JetStreamApiException e) when (e.ErrCode == JetStreamApiException.StreamNotFound) { }
        try { return (await CreateStreamAsync(config, ct).ConfigureAwait(false), true); }
        catch (JetStreamApiException e) when (e.ErrCode == JetStreamApiException.StreamNameInUse)
        {
            return (await GetStreamInfoAsync(config.Name, ct).ConfigureAwait(false), false); // created by a peer meanwhile
        }
    }

    /// <summary>STREAM.MSG.GET with <c>last_by_subj</c>: the newest message on <paramref name="subject"/>, or null when there is none.</summary>
    public async Task<StoredMessage?> GetLastMessageAsync(string stream, string subject, CancellationToken ct = default)
    {
        try
        {
            var reply = await CallAsync<MsgGetReply>("STREAM.MSG.GET." + stream, new { last_by_subj = subject }, ct).ConfigureAwait(false);
            var m = reply.Message ?? throw new NatsProtocolException("STREAM.MSG.GET reply without message");
            var hdrs = m.Hdrs == null ? null : NatsHeaders.Parse(Convert.FromBase64String(m.Hdrs));
            return new StoredMessage(m.Subject, m.Seq, m.Data == null ? [] : Convert.FromBase64String(m.Data), hdrs);
        }
        catch (JetStreamApiException e) when (e.ErrCode == JetStreamApiException.NoMessageFound || e.Code == 404) { return null; }
    }

    /// <summary>Creates a durable consumer, or updates it when it exists (<c>CONSUMER.DURABLE.CREATE</c>).</summary>
    public Task<ConsumerInfo> CreateOrUpdateConsumerAsync(string stream, ConsumerConfig config, CancellationToken ct = default) =>
        CallAsync<ConsumerInfo>($"CONSUMER.DURABLE.CREATE.{stream}.{config.DurableName}", new { stream_name = stream, config }, ct);

    /// <summary>CONSUMER.INFO.</summary>
    public Task<ConsumerInfo> GetConsumerInfoAsync(string stream, string consumer, CancellationToken ct = default) =>
        CallAsync<ConsumerInfo>($"CONSUMER.INFO.{stream}.{consumer}", null, ct);

    /// <summary>
    /// Publishes to a stream subject and waits for the stream's acknowledgement. With <paramref name="msgId"/> the
    /// <c>Nats-Msg-Id</c> header is set, so a repeat within the duplicate window is dropped (<see cref="PubAck.Duplicate"/>).
    /// </summary>
    /// <exception cref="NatsNoRespondersException">No stream captures the subject.</exception>
    public async Task<PubAck> PublishAsync(string subject, ReadOnlyMemory<byte> data, string? msgId = null, NatsHeaders? headers = null, CancellationToken ct = default)
    {
        if (msgId != null) (headers ??= new NatsHeaders()).Add(NatsHeaders.MsgId, msgId);
        var reply = await Connection.RequestAsync(subject, data, Timeout, headers, ct).ConfigureAwait(false);
        return Parse<PubAck>("publish " + subject, reply.Data);
    }

    /// <summary>
    /// Pulls up to <paramref name="batch"/> messages from a durable pull consumer, waiting at most
    /// <paramref name="expires"/> for them (CONSUMER.MSG.NEXT with batch and expires). Returns what arrived,
    /// possibly nothing.
    /// </summary>
    public async Task<IReadOnlyList<JsMsg>> FetchAsync(string stream, string consumer, int batch, TimeSpan expires, CancellationToken ct = default)
    {
        if (batch < 1) throw new ArgumentOutOfRangeException(nameof(batch));
        var inbox = Connection.NewInbox();
        var result = new List<JsMsg>();
        await using var sub = await Connection.SubscribeAsync(inbox, ct: ct).ConfigureAwait(false);
        var body = JsonSerializer.SerializeToUtf8Bytes(new { batch, expires = expires.Ticks * 100 });
        await Connection.PublishAsync($"{Api}CONSUMER.MSG.NEXT.{stream}.{consumer}", body, replyTo: inbox, ct: ct).ConfigureAwait(false);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(expires + TimeSpan.FromSeconds(1));
        try
        {
            while (result.Count < batch)
            {
                var msg = await sub.NextAsync(cts.Token).ConfigureAwait(false);
                if (msg.Status == 100) continue;             // idle heartbeat
                if (msg.Status != 0) break;                  // 404 no messages, 408 request expired, 409 consumer state
                result.Add(new JsMsg(Connection, msg));
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
        catch (NatsConnectionException) { }                  // disconnected: the server forgot the pull request
        return result;
    }

    private async Task<T> CallAsync<T>(string api, object? request, CancellationToken ct)
    {
        var body = request == null ? [] : JsonSerializer.SerializeToUtf8Bytes(request, Json);
        var reply = await Connection.RequestAsync(Api + api, body, Timeout, ct: ct).ConfigureAwait(false);
        return Parse<T>(api, reply.Data);
    }

    private static T Parse<T>(string api, byte[] data)
    {
        try
        {
            using var doc = JsonDocument.Parse(data);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var err))
            {
                var e = err.Deserialize<ApiError>(Json) ?? new ApiError();
                throw new JetStreamApiException(api, e.Code, e.ErrCode, e.Description);
            }
            return doc.RootElement.Deserialize<T>(Json) ?? throw new NatsProtocolException($"{api}: empty reply");
        }
        catch (JsonException e) { throw new NatsProtocolException($"{api}: reply is not valid JSON: {e.Message}"); }
    }

    private sealed record MsgGetReply
    {
        public RawMessage? Message { get; init; }
    }

    private sealed record RawMessage
    {
        public string Subject { get; init; } = "";
        public ulong Seq { get; init; }
        public string? Data { get; init; }
        public string? Hdrs { get; init; }
    }
}
