using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Proving.Ethrex.Protocol;
using Proving.Ethrex.Transport;

namespace Proving.Ethrex.Prover;

/// <summary>
/// The prover loop (spec §7): every <see cref="ProverOptions.ProvingTime"/> it asks each coordinator in order for
/// work. A batch is proved, saved to the <see cref="ProofSpool"/>, then submitted by a separate submit loop that
/// retries with back-off until the coordinator acknowledges it, across restarts. An empty answer waits for the next
/// round; VersionMismatch warns and waits; ProverTypeNotNeeded logs an error and skips that coordinator for the
/// round; a connect or protocol error logs and goes on to the next coordinator.
/// </summary>
internal sealed class ProverClient
{
    private readonly ProverOptions _options;
    private readonly IProverBackend _backend;
    private readonly ProofSpool _spool;
    private readonly ProtocolClient _client;
    private readonly ILogger _log;
    private readonly List<Outgoing> _outbox = [];
    private readonly SemaphoreSlim _wake = new(0);

    private sealed class Outgoing(PendingProof proof, DateTimeOffset due)
    {
        public PendingProof Proof { get; } = proof;
        public DateTimeOffset Due { get; set; } = due;
        public int Failures { get; set; }
    }

    public ProverClient(ProverOptions options, IProverBackend backend, ILogger log)
    {
        _options = options;
        _backend = backend;
        _log = log;
        _spool = new ProofSpool(options.SpoolDirectory, log);
        _client = new ProtocolClient(options.Limits);
    }

    /// <summary>Runs until <paramref name="ct"/> is cancelled; unacknowledged proofs stay in the spool.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        foreach (var pending in _spool.Load())
        {
            _log.LogInformation("resubmitting the saved proof of batch {Batch} to {Endpoint}", pending.BatchNumber, pending.Endpoint);
            lock (_outbox) _outbox.Add(new Outgoing(pending, DateTimeOffset.UtcNow));
        }
        _log.LogInformation("prover ({Backend}, type {Type}, version {Version}) polling {Endpoints}",
            _backend.Name, ProverTypes.Name(_backend.ProverType), _options.CommitHash, string.Join(", ", _options.Endpoints));
        var submitter = SubmitLoopAsync(ct);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                foreach (var endpoint in _options.Endpoints)
                    await PollAsync(endpoint, ct).ConfigureAwait(false);
                await Task.Delay(_options.ProvingTime, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        await submitter.ConfigureAwait(false);
    }

    /// <summary>One request to one coordinator and what follows from its answer.</summary>
    internal async Task PollAsync(CoordinatorEndpoint endpoint, CancellationToken ct)
    {
        var request = endpoint.Generation == ProtocolGeneration.G0
            ? new InputRequest(null, null)
            : new InputRequest(_options.CommitHash, _backend.ProverType);
        CoordinatorResponse response;
        try
        {
            response = await _client.ExchangeAsync(endpoint, request, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is EthrexProtocolException or SocketException or IOException)
        {
            _log.LogWarning("{Endpoint}: request failed: {Error}", endpoint, e.Message);
            return;
        }
        switch (response)
        {
            case InputResponse r when r.HasWork(endpoint.Generation):
                await ProveAsync(endpoint, new ProvingJob(r.BatchNumber!.Value, r.Input!, r.Format, endpoint.Generation), ct).ConfigureAwait(false);
                break;
            case InputResponse:
                _log.LogDebug("{Endpoint}: no batch to prove now", endpoint);
                break;
            case VersionMismatch:
                _log.LogWarning("{Endpoint}: version mismatch: the coordinator has no batch for version {Version}; retrying later", endpoint, _options.CommitHash);
                break;
            case ProverTypeNotNeeded n:
                _log.LogError("{Endpoint}: prover type {Type} is not needed by this coordinator; skipping it", endpoint, ProverTypes.Name(n.ProverType));
                break;
            default:
                _log.LogWarning("{Endpoint}: unexpected answer {Answer} to a request", endpoint, response.GetType().Name);
                break;
        }
    }

    private async Task ProveAsync(CoordinatorEndpoint endpoint, ProvingJob job, CancellationToken ct)
    {
        Outgoing? saved;
        lock (_outbox) saved = _outbox.Find(o => o.Proof.Endpoint == endpoint && o.Proof.BatchNumber == job.BatchNumber);
        if (saved != null)
        {
            // Assigned again (our lease ran out while the coordinator was unreachable): submit the proof we have.
            _log.LogInformation("{Endpoint}: batch {Batch} is already proved; submitting the saved proof now", endpoint, job.BatchNumber);
            lock (_outbox) saved.Due = DateTimeOffset.UtcNow;
            _wake.Release();
            return;
        }
        _log.LogInformation("{Endpoint}: proving batch {Batch} ({Bytes} bytes of input, format {Format})", endpoint, job.BatchNumber, job.Input.Length,
            job.Format is { } f ? ProofFormats.Name(f) : "none");
        ProofPayload proof;
        try
        {
            proof = await _backend.ProveAsync(job, ct).ConfigureAwait(false);
        }
        catch (ProvingFailedException e)
        {
            _log.LogError("{Endpoint}: proving batch {Batch} failed: {Error}", endpoint, job.BatchNumber, e.Message);
            return;
        }
        var pending = new PendingProof(endpoint, job.BatchNumber, proof);
        try
        {
            _spool.Save(pending);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without a durable copy the proof is not submitted; the lease runs out and the batch is proved again.
            _log.LogError("{Endpoint}: cannot save the proof of batch {Batch} ({Error}); not submitting it", endpoint, job.BatchNumber, e.Message);
            return;
        }
        _log.LogInformation("{Endpoint}: proof of batch {Batch} saved ({Bytes} bytes); submitting", endpoint, job.BatchNumber, proof.Json.Length);
        lock (_outbox) _outbox.Add(new Outgoing(pending, DateTimeOffset.UtcNow + _options.HoldFirstSubmit));
        _wake.Release();
    }

    private async Task SubmitLoopAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                Outgoing? next;
                TimeSpan wait;
                lock (_outbox)
                {
                    next = _outbox.MinBy(o => o.Due);
                    wait = next is null ? Timeout.InfiniteTimeSpan : next.Due - DateTimeOffset.UtcNow;
                }
                if (wait > TimeSpan.Zero || next is null)
                {
                    await _wake.WaitAsync(wait, ct).ConfigureAwait(false);
                    continue;
                }
                await SubmitAsync(next, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }

    private async Task SubmitAsync(Outgoing item, CancellationToken ct)
    {
        var p = item.Proof;
        string problem;
        try
        {
            var answer = await _client.ExchangeAsync(p.Endpoint, new ProofSubmit(p.BatchNumber, p.Proof), ct).ConfigureAwait(false);
            if (answer is ProofSubmitAck ack && ack.BatchNumber == p.BatchNumber)
            {
                _spool.Remove(p);
                lock (_outbox) _outbox.Remove(item);
                _log.LogInformation("{Endpoint}: proof of batch {Batch} acknowledged", p.Endpoint, p.BatchNumber);
                return;
            }
            problem = $"unexpected answer {answer}";
        }
        catch (Exception e) when (e is EthrexProtocolException or SocketException or IOException)
        {
            problem = e.Message;
        }
        item.Failures++;
        var delay = _options.SubmitBackoff.Delay(item.Failures);
        lock (_outbox) item.Due = DateTimeOffset.UtcNow + delay;
        _log.LogWarning("{Endpoint}: submit of batch {Batch} failed (attempt {Attempt}): {Error}; retrying in {Delay:0.0} s",
            p.Endpoint, p.BatchNumber, item.Failures, problem, delay.TotalSeconds);
    }
}
