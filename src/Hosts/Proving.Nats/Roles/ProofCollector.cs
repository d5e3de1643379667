using Microsoft.Extensions.Logging;
using Proving.Hosts.Common.Nats;
using Proving.Hosts.Common.Nats.JetStream;
using Proving.Nats.Configuration;

namespace Proving.Nats.Roles;

/// <summary>Settings of the proof collector.</summary>
public sealed record ProofCollectorOptions
{
    /// <summary>Stream (INPUT_STREAM).</summary>
    public string Stream { get; init; } = PipelineStream.Name;
    /// <summary>Input subjects (INPUT_QUEUE, comma-separated); each message is classified by its content.</summary>
    public IReadOnlyList<string> InputSubjects { get; init; } = [PipelineStream.BlockProofs, PipelineStream.Blocks];
    /// <summary>Subject matched proofs go to (OUTPUT_QUEUE).</summary>
    public string OutputSubject { get; init; } = PipelineStream.CompletedProofs;
    /// <summary>Prefix of the durable consumer names, one per input subject (CONSUMER_NAME).</summary>
    public string ConsumerPrefix { get; init; } = "proof-collector";
    /// <summary>SQLite state file (STATE_PATH).</summary>
    public string StatePath { get; init; } = "proof-collector.db";
    /// <summary>Redelivery delay of a message whose processing failed or whose ack was lost (ACK_WAIT_SECONDS).</summary>
    public TimeSpan AckWait { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>How long a proof waits for its block before it is dropped with a log line (PENDING_TTL_SECONDS).</summary>
    public TimeSpan PendingTtl { get; init; } = TimeSpan.FromHours(24);
    /// <summary>Longest wait of one pull (COLLECT_TIMEOUT_PERIOD_MILLIS).</summary>
    public TimeSpan FetchExpiry { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Reads the settings from the environment.</summary>
    public static ProofCollectorOptions FromEnvironment(EnvironmentReader env) => new()
    {
        Stream = env.Get("INPUT_STREAM", PipelineStream.Name),
        InputSubjects = env.Get("INPUT_QUEUE", PipelineStream.BlockProofs + "," + PipelineStream.Blocks)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        OutputSubject = env.Get("OUTPUT_QUEUE", PipelineStream.CompletedProofs),
        ConsumerPrefix = env.Get("CONSUMER_NAME", "proof-collector"),
        StatePath = env.Get("STATE_PATH", "proof-collector.db"),
        FetchExpiry = env.Millis("COLLECT_TIMEOUT_PERIOD_MILLIS", TimeSpan.FromMilliseconds(500)),
        AckWait = env.Seconds("ACK_WAIT_SECONDS", TimeSpan.FromSeconds(10)),
        PendingTtl = env.Seconds("PENDING_TTL_SECONDS", TimeSpan.FromHours(24)),
    };
}

/// <summary>
/// Matches proofs to dispatched blocks and publishes each matched proof (verbatim) to the output subject once per
/// (block, prover). A bare block number records a dispatched block; a proof JSON is emitted when its block is known,
/// otherwise kept until the block arrives (at most <see cref="ProofCollectorOptions.PendingTtl"/>); anything else is rejected with a log line and terminated. State lives in
/// SQLite; outputs carry <c>Nats-Msg-Id = completed:prover:block</c>, and a message is acknowledged only after its
/// effects are stored, so a crash at any point neither loses nor duplicates an output.
/// </summary>
public sealed class ProofCollector(JetStreamContext js, ProofCollectorStore store, ProofCollectorOptions options, ILogger logger)
{
    /// <summary>Creates one durable consumer per input subject and processes messages until <paramref name="ct"/> fires.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var consumers = new List<string>();
        foreach (var subject in options.InputSubjects)
        {
            var name = PipelineStream.DefaultConsumer(options.ConsumerPrefix, subject);
            await Retry.UntilAsync(() => js.CreateOrUpdateConsumerAsync(options.Stream, new ConsumerConfig
            {
                DurableName = name, FilterSubject = subject, AckPolicy = "explicit", DeliverPolicy = "all",
                AckWait = (long)options.AckWait.TotalNanoseconds, MaxDeliver = -1,
            }, ct), "create consumer " + name, logger, ct).ConfigureAwait(false);
            consumers.Add(name);
        }
        logger.LogInformation("proof collector on {Inputs} -> {Output}, state {State}", string.Join(",", options.InputSubjects), options.OutputSubject, options.StatePath);
        var expiry = options.FetchExpiry / Math.Max(1, consumers.Count);
        while (!ct.IsCancellationRequested)
        {
            foreach (var (block, prover) in store.DropPendingOlderThan(options.PendingTtl))
                logger.LogWarning("dropped the proof of block {Block} by {Prover}: its block did not arrive within {Ttl}", block, prover, options.PendingTtl);
            foreach (var consumer in consumers)
            {
                IReadOnlyList<JsMsg> batch;
                try { batch = await js.FetchAsync(options.Stream, consumer, 64, expiry, ct).ConfigureAwait(false); }
                catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
                catch (NatsException e)
                {
                    logger.LogWarning("proof collector: fetch failed: {Error}", e.Message);
                    await Task.Delay(500, ct).ContinueWith(_ => { }).ConfigureAwait(false);
                    continue;
                }
                foreach (var msg in batch)
                {
                    // Each message on its own: a failed publish or ack leaves it to redelivery, the rest go on.
                    try { await HandleAsync(msg, ct).ConfigureAwait(false); }
                    catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
                    catch (NatsException e) { logger.LogWarning("proof collector: seq {Seq}: {Error}; it will be redelivered", msg.StreamSequence, e.Message); }
                }
            }
        }
    }

    private async Task HandleAsync(JsMsg msg, CancellationToken ct)
    {
        if (BlockNumber.TryParse(msg.Data, out var block))
        {
            store.AddBlock(block);
            foreach (var (prover, payload) in store.Pending(block))
                await EmitAsync(block, prover, payload, ct).ConfigureAwait(false);
        }
        else
        {
            ProofMessage proof;
            try { proof = ProofMessage.Parse(msg.Data); }
            catch (MalformedProofException e)
            {
                logger.LogError("rejected malformed message on {Subject} (seq {Seq}): {Reason}: {Payload}", msg.Subject, msg.StreamSequence, e.Message, Dispatcher.Preview(msg.Data));
                await msg.TermAsync(ct).ConfigureAwait(false);
                return;
            }
            if (store.IsCompleted(proof.Block, proof.Prover))
                logger.LogInformation("duplicate proof of block {Block} by {Prover} ignored", proof.Block, proof.Prover);
            else if (store.HasBlock(proof.Block))
                await EmitAsync(proof.Block, proof.Prover, msg.Data, ct).ConfigureAwait(false);
            else
            {
                store.AddPending(proof.Block, proof.Prover, msg.Data);
                logger.LogInformation("proof of block {Block} by {Prover} waits for its block", proof.Block, proof.Prover);
            }
        }
        await msg.AckAsync(js.Timeout, ct).ConfigureAwait(false);
    }

    private async Task EmitAsync(ulong block, string prover, byte[] payload, CancellationToken ct)
    {
        var ack = await js.PublishAsync(options.OutputSubject, payload, $"completed:{prover}:{block}", ct: ct).ConfigureAwait(false);
        store.MarkCompleted(block, prover);
        logger.LogInformation("completed proof of block {Block} by {Prover} (seq {Seq}{Dup})", block, prover, ack.Seq, ack.Duplicate ? ", duplicate dropped" : "");
    }
}
