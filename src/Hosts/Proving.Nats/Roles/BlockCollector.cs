using Microsoft.Extensions.Logging;
using Proving.Hosts.Common.EthRpc;
using Proving.Hosts.Common.Nats;
using Proving.Hosts.Common.Nats.JetStream;
using Proving.Nats.Configuration;

namespace Proving.Nats.Roles;

/// <summary>Settings of the block collector.</summary>
public sealed record BlockCollectorOptions
{
    /// <summary>Stream (OUTPUT_STREAM).</summary>
    public string Stream { get; init; } = PipelineStream.Name;
    /// <summary>Subject block numbers go to (OUTPUT_QUEUE).</summary>
    public string OutputSubject { get; init; } = PipelineStream.Blocks;
    /// <summary>First block (NEXT_BLOCK); null = the chain head at start.</summary>
    public ulong? NextBlock { get; init; }
    /// <summary>Poll interval of <c>eth_blockNumber</c> (COLLECT_TIMEOUT_PERIOD_MILLIS).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Reads the settings from the environment.</summary>
    public static BlockCollectorOptions FromEnvironment(EnvironmentReader env) => new()
    {
        Stream = env.Get("OUTPUT_STREAM", PipelineStream.Name),
        OutputSubject = env.Get("OUTPUT_QUEUE", PipelineStream.Blocks),
        NextBlock = env.OptionalUInt64("NEXT_BLOCK"),
        PollInterval = env.Millis("COLLECT_TIMEOUT_PERIOD_MILLIS", TimeSpan.FromMilliseconds(500)),
    };
}

/// <summary>
/// Publishes each new L1 block number, in order and without gaps, as bare ASCII digits. Every publish carries
/// <c>Nats-Msg-Id = block:N</c> and is confirmed by the stream before the next one. After a restart it resumes
/// after the last block number stored on the output subject (or at NEXT_BLOCK when that is higher).
/// </summary>
public sealed class BlockCollector(JetStreamContext js, EthRpcClient rpc, BlockCollectorOptions options, ILogger logger)
{
    /// <summary>Runs until <paramref name="ct"/> fires.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        ulong next = await StartingBlockAsync(ct).ConfigureAwait(false);
        logger.LogInformation("block collector: next block {Next}, polling {Rpc} every {Ms} ms", next, rpc.Endpoint, options.PollInterval.TotalMilliseconds);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var head = await rpc.BlockNumberAsync(ct).ConfigureAwait(false);
                while (next <= head && !ct.IsCancellationRequested)
                {
                    var ack = await Retry.UntilAsync(() => js.PublishAsync(options.OutputSubject, BlockNumber.Encode(next), "block:" + next, ct: ct),
                        "publish block " + next, logger, ct).ConfigureAwait(false);
                    logger.LogInformation("block {Block} published (seq {Seq}{Dup})", next, ack.Seq, ack.Duplicate ? ", duplicate dropped" : "");
                    next++;
                }
            }
            catch (JsonRpcException e) { logger.LogWarning("eth_blockNumber failed: {Error}", e.Message); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { break; }
            await Task.Delay(options.PollInterval, ct).ContinueWith(_ => { }).ConfigureAwait(false);
        }
    }

    private async Task<ulong> StartingBlockAsync(CancellationToken ct)
    {
        var last = await Retry.UntilAsync(() => js.GetLastMessageAsync(options.Stream, options.OutputSubject, ct), "read last block", logger, ct).ConfigureAwait(false);
        if (last != null)
        {
            if (!BlockNumber.TryParse(last.Data, out var lastBlock))
                throw new NatsProtocolException($"last message on {options.OutputSubject} (seq {last.Seq}) is not a block number");
            var resume = lastBlock + 1;
            if (options.NextBlock is { } configured && configured > resume)
            {
                logger.LogWarning("NEXT_BLOCK {Next} is past the last published block {Last}: skipping ahead", configured, lastBlock);
                return configured;
            }
            logger.LogInformation("resuming after block {Last}, the last one on {Subject}", lastBlock, options.OutputSubject);
            return resume;
        }
        if (options.NextBlock is { } first) return first;
        while (true)
        {
            try { return await rpc.BlockNumberAsync(ct).ConfigureAwait(false); }
            catch (JsonRpcException e) { logger.LogWarning("eth_blockNumber failed: {Error}", e.Message); }
            await Task.Delay(options.PollInterval, ct).ConfigureAwait(false);
        }
    }
}
