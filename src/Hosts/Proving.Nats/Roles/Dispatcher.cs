using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Proving.Hosts.Common.Nats;
using Proving.Hosts.Common.Nats.JetStream;
using Proving.Nats.Backends;

namespace Proving.Nats.Roles;

/// <summary>
/// The prover dispatcher: pulls one message at a time from a durable consumer, runs the prover backend on its
/// payload, publishes the output, and only then acknowledges. While the prover runs it sends in-progress acks;
/// failures are NAKed with exponential backoff; after <see cref="DispatcherOptions.MaxDeliver"/> deliveries the message
/// is published to the dead-letter subject and terminated. Outputs carry <c>Nats-Msg-Id = consumer:stream-seq[:i]</c>,
/// so a redelivered message that was already published is dropped by the stream's duplicate window.
/// </summary>
public sealed class Dispatcher(JetStreamContext js, IProverBackend backend, DispatcherOptions options, ILogger logger)
{
    /// <summary>Header naming why a message was dead-lettered.</summary>
    public const string DeadLetterReasonHeader = "Proving-Dead-Letter-Reason";

    /// <summary>Creates (or updates) the durable consumer, then processes messages until <paramref name="ct"/> fires.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        await Retry.UntilAsync(() => js.CreateOrUpdateConsumerAsync(options.Stream, new ConsumerConfig
        {
            DurableName = options.ConsumerName,
            FilterSubject = options.InputSubject,
            AckPolicy = "explicit",
            DeliverPolicy = "all",
            AckWait = (long)options.AckWait.TotalNanoseconds,
            MaxDeliver = -1,
        }, ct), "create consumer " + options.ConsumerName, logger, ct).ConfigureAwait(false);
        logger.LogInformation("dispatcher {Consumer} on {Input} -> {Output}, prover {Backend}", options.ConsumerName, options.InputSubject, options.OutputSubject, backend.Name);
        while (!ct.IsCancellationRequested)
        {
            IReadOnlyList<JsMsg> batch;
            try { batch = await js.FetchAsync(options.Stream, options.ConsumerName, 1, options.FetchExpiry, ct).ConfigureAwait(false); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { break; }
            catch (NatsException e)
            {
                logger.LogWarning("fetch failed: {Error}", e.Message);
                await Task.Delay(500, ct).ContinueWith(_ => { }).ConfigureAwait(false);
                continue;
            }
            foreach (var msg in batch) await HandleAsync(msg, ct).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(JsMsg msg, CancellationToken ct)
    {
        var id = $"seq {msg.StreamSequence} delivery {msg.NumDelivered}";
        if (msg.NumDelivered > (ulong)options.MaxDeliver)
        {
            try { await DeadLetterAsync(msg, $"delivered {msg.NumDelivered} times (limit {options.MaxDeliver})", ct).ConfigureAwait(false); }
            catch (NatsException e) { logger.LogWarning("could not dead-letter {Id}: {Error}", id, e.Message); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
            return;
        }
        logger.LogInformation("proving {Payload} ({Id})", Preview(msg.Data), id);
        var started = DateTime.UtcNow;
        string failure;
        try
        {
            int published;
            using (var keepAlive = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                // In-progress acks run until the final ack: through proving AND publishing, so a slow publish
                // under load cannot let the ack wait lapse and hand the block to another dispatcher.
                var pinger = KeepInProgressAsync(msg, keepAlive.Token);
                try
                {
                    byte[] output;
                    using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
                    {
                        timeout.CancelAfter(options.ProverTimeout);
                        output = await backend.ProveAsync(msg.Data, timeout.Token).ConfigureAwait(false);
                    }
                    var documents = SplitOutput(output);
                    for (int i = 0; i < documents.Count; i++)
                    {
                        var msgId = documents.Count == 1 && !options.MultipleOutput
                            ? $"{options.ConsumerName}:{msg.StreamSequence}" : $"{options.ConsumerName}:{msg.StreamSequence}:{i}";
                        await Retry.UntilAsync(() => js.PublishAsync(options.OutputSubject, documents[i], msgId, ct: ct), "publish output", logger, ct, attempts: 5).ConfigureAwait(false);
                    }
                    await msg.AckAsync(js.Timeout, ct).ConfigureAwait(false);
                    published = documents.Count;
                }
                finally
                {
                    keepAlive.Cancel();
                    await pinger.ConfigureAwait(false);
                }
            }
            logger.LogInformation("proved {Payload} ({Id}) in {Ms:0} ms, published {Count} output(s)", Preview(msg.Data), id, (DateTime.UtcNow - started).TotalMilliseconds, published);
            return;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutdown: hand the message back at once rather than after the ack wait.
            try { await msg.NakAsync(TimeSpan.Zero, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false); }
            catch (Exception e) when (e is NatsException or TimeoutException) { }
            logger.LogInformation("stopping: {Id} handed back", id);
            return;
        }
        catch (OperationCanceledException) { failure = $"timed out after {options.ProverTimeout.TotalSeconds:0.###} s"; }
        catch (ProverFailedException e) { failure = e.Message; }
        catch (ArgumentException e) { failure = "output cannot be published: " + e.Message; } // e.g. over the server's max_payload
        catch (NatsException e)
        {
            logger.LogWarning("could not publish/ack {Id}: {Error}; it will be redelivered", id, e.Message);
            return;
        }
        try
        {
            if (msg.NumDelivered >= (ulong)options.MaxDeliver)
                await DeadLetterAsync(msg, failure, ct).ConfigureAwait(false);
            else
            {
                var delay = options.NakDelay(msg.NumDelivered);
                logger.LogWarning("prover failed on {Payload} ({Id}): {Failure}; NAK, retry in {Delay} ms", Preview(msg.Data), id, failure, delay.TotalMilliseconds);
                await msg.NakAsync(delay, ct).ConfigureAwait(false);
            }
        }
        catch (NatsException e) { logger.LogWarning("could not NAK {Id}: {Error}", id, e.Message); }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }

    private async Task DeadLetterAsync(JsMsg msg, string reason, CancellationToken ct)
    {
        var headers = new NatsHeaders()
            .Add("Proving-Original-Subject", msg.Subject)
            .Add("Proving-Original-Sequence", msg.StreamSequence.ToString())
            .Add("Proving-Consumer", options.ConsumerName)
            .Add(DeadLetterReasonHeader, OneLine(reason));
        await Retry.UntilAsync(() => js.PublishAsync(options.DeadLetterSubject, msg.Data, $"dead:{options.ConsumerName}:{msg.StreamSequence}", headers, ct),
            "publish dead letter", logger, ct, attempts: 5).ConfigureAwait(false);
        await msg.TermAsync(ct).ConfigureAwait(false);
        logger.LogError("dead-lettered {Payload} (seq {Seq}) to {Subject} after {Deliveries} deliveries: {Reason}",
            Preview(msg.Data), msg.StreamSequence, options.DeadLetterSubject, msg.NumDelivered, reason);
    }

    private async Task KeepInProgressAsync(JsMsg msg, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.InProgressInterval, ct).ConfigureAwait(false);
                try { await msg.InProgressAsync(ct).ConfigureAwait(false); }
                catch (NatsException e) { logger.LogWarning("in-progress ack failed: {Error}", e.Message); }
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>Checks the output is one JSON document; with MULTIPLE_OUTPUT an array is split into its elements.</summary>
    private List<byte[]> SplitOutput(byte[] output)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(output); }
        catch (JsonException e) { throw new ProverFailedException($"output is not JSON ({e.Message}): {Preview(output)}"); }
        using (doc)
        {
            if (!options.MultipleOutput || doc.RootElement.ValueKind != JsonValueKind.Array) return [output];
            var parts = doc.RootElement.EnumerateArray().Select(e => Encoding.UTF8.GetBytes(e.GetRawText())).ToList();
            return parts.Count > 0 ? parts : throw new ProverFailedException("MULTIPLE_OUTPUT: output is an empty array");
        }
    }

    internal static string Preview(byte[] data)
    {
        var s = Encoding.UTF8.GetString(data, 0, Math.Min(data.Length, 96));
        return OneLine(data.Length > 96 ? s + "..." : s);
    }

    private static string OneLine(string s) => s.Replace('\r', ' ').Replace('\n', ' ');
}
