using Microsoft.Extensions.Logging;
using Proving.Ethrex.Protocol;

namespace Proving.Ethrex.Coordinator;

/// <summary>A submit the coordinator refuses; it is logged and the connection closes without a reply.</summary>
internal sealed class RejectedSubmissionException : EthrexProtocolException
{
    public RejectedSubmissionException(string message) : base(message) { }
}

/// <summary>
/// The coordinator's decisions: which batch a prover gets, and what happens to a submitted proof. All state is
/// in <see cref="CoordinatorStore"/>; every decision runs in one SQLite transaction under one lock, so concurrent
/// provers of a type never receive the same batch while its lease is valid, and a restart loses nothing.
/// </summary>
internal sealed class CoordinatorService
{
    private readonly CoordinatorStore _store;
    private readonly CoordinatorOptions _options;
    private readonly ILogger _log;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();

    public CoordinatorService(CoordinatorStore store, CoordinatorOptions options, ILogger log, TimeProvider? clock = null)
    {
        _store = store;
        _options = options;
        _log = log;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>
    /// Answers one request; throws <see cref="RejectedSubmissionException"/> for a submit it refuses (the server
    /// then closes without a reply, ethrex's behaviour on errors).
    /// </summary>
    public CoordinatorResponse Handle(ProverRequest request, string peer) => request switch
    {
        InputRequest r => Assign(r, peer),
        ProofSubmit s => Submit(s, peer),
        ProverSetup s => Setup(s, peer),
        _ => throw new ArgumentException("unknown request"),
    };

    private CoordinatorResponse Assign(InputRequest request, string peer)
    {
        var g0 = request.ProverType is null;
        var type = request.ProverType ?? _options.G0ProverType;
        var version = request.CommitHash ?? _options.CommitHash;

        // (1) Is this prover type needed at all? A permanent rejection otherwise.
        if (!g0 && !_options.NeededProofTypes.Contains(type))
        {
            _log.LogWarning("{Peer}: prover type {Type} is not needed (needed: {Needed}); replying ProverTypeNotNeeded",
                peer, ProverTypes.Name(type), string.Join(",", _options.NeededProofTypes.Select(ProverTypes.Name)));
            return new ProverTypeNotNeeded(type);
        }

        CoordinatorResponse result;
        lock (_gate)
            result = _store.InTransaction(() => Choose(type, version));

        switch (result)
        {
            case InputResponse { BatchNumber: { } b }:
                _log.LogInformation("{Peer}: assigned batch {Batch} to a {Type} prover (version {Version})", peer, b, ProverTypes.Name(type), version);
                break;
            case VersionMismatch when g0:
                _log.LogWarning("{Peer}: no input for the coordinator's own version {Version}; G0 has no VersionMismatch, replying empty", peer, version);
                return InputResponse.Empty;
            case VersionMismatch:
                _log.LogWarning("{Peer}: version mismatch: prover {Version}, coordinator {Own}", peer, version, _options.CommitHash);
                break;
            default:
                _log.LogDebug("{Peer}: no batch for a {Type} prover now", peer, ProverTypes.Name(type));
                break;
        }
        return result;
    }

    // Steps (2)-(6) plus per-(batch, type) leases. From base = 1 + latest sent, batches that already have a proof
    // of this type (3) or an unexpired lease of this type are passed over, so provers of one type split
    // consecutive batches and provers of different types can share one. At the first batch that is not passed
    // over: absent (4) -> empty if the versions agree or if anything was passed over (the prover is caught up),
    // VersionMismatch otherwise; present without input for the prover's version (5) -> VersionMismatch;
    // else (6) lease it and answer with its input.
    private CoordinatorResponse Choose(ProverType type, string version)
    {
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        var next = _store.LatestSent + 1;
        _store.DeleteLeasesBelow(next);
        var passedOver = false;
        for (var b = next; ; b++)
        {
            if (!_store.BatchExists(b))
                return passedOver || version == _options.CommitHash ? InputResponse.Empty : VersionMismatch.Instance;
            if (_store.ProofExists(b, type) || _store.LeaseExpiry(b, type) is { } expiry && expiry > now)
            {
                passedOver = true;
                continue;
            }
            var input = _store.GetInput(b, version);
            if (input is null)
                return VersionMismatch.Instance;
            _store.PutLease(b, type, now + (long)_options.ProverTimeout.TotalMilliseconds);
            return new InputResponse(b, input, _options.Format);
        }
    }

    private ProofSubmitAck Submit(ProofSubmit submit, string peer)
    {
        var type = submit.Proof.ProverType ?? _options.G0ProverType;
        var batch = submit.BatchNumber;
        bool stored;
        lock (_gate)
        {
            stored = _store.InTransaction(() =>
            {
                if (!_store.BatchExists(batch))
                    return (bool?)null;
                var added = _store.TryAddProof(batch, type, submit.Proof.Json, _clock.GetUtcNow().ToUnixTimeMilliseconds());
                _store.DeleteLease(batch, type);
                return added;
            }) ?? throw new RejectedSubmissionException($"{peer}: rejected a {ProverTypes.Name(type)} proof for unknown batch {batch}");
        }
        if (stored)
            _log.LogInformation("{Peer}: stored the {Type} proof of batch {Batch} ({Bytes} bytes)", peer, ProverTypes.Name(type), batch, submit.Proof.Json.Length);
        else
            _log.LogInformation("{Peer}: duplicate {Type} proof of batch {Batch}; kept the stored one and acknowledged", peer, ProverTypes.Name(type), batch);
        return new ProofSubmitAck(batch);
    }

    private ProverSetupAck Setup(ProverSetup setup, string peer)
    {
        if (setup.ProverType == ProverType.TDX)
            throw new RejectedSubmissionException($"{peer}: TDX setup needs an L1 key registration, which this coordinator does not do");
        _log.LogWarning("{Peer}: ProverSetup for {Type} needs nothing; acknowledged", peer, ProverTypes.Name(setup.ProverType));
        return ProverSetupAck.Instance;
    }
}
