using Proving.Ethrex.Coordinator;
using Proving.Ethrex.Protocol;

namespace Proving.Hosts.Tests.Ethrex;

/// <summary>The assignment algorithm and submit rules, driven directly with a hand-moved clock.</summary>
public class CoordinatorServiceTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly ManualClock _clock = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly ListLogger _log = new();
    private CoordinatorStore _store;
    private CoordinatorService _service;
    private readonly CoordinatorOptions _options;

    public CoordinatorServiceTests()
    {
        _options = EthrexTestKit.CoordinatorOptions(_dir.File("c.db"), needed: [ProverType.SP1, ProverType.RISC0], proverTimeout: TimeSpan.FromSeconds(60));
        _store = new CoordinatorStore(_options.DatabasePath);
        _service = new CoordinatorService(_store, _options, _log, _clock);
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    private void Restart()
    {
        _store.Dispose();
        _store = new CoordinatorStore(_options.DatabasePath);
        _service = new CoordinatorService(_store, _options, _log, _clock);
    }

    private void Add(ulong batch, string version = "abc1234") => _store.InTransaction(() => _store.PutInput(batch, version, EthrexTestKit.Input(batch, version)));

    private CoordinatorResponse Ask(ProverType type, string version = "abc1234") => _service.Handle(new InputRequest(version, type), "test");

    private static ulong? Batch(CoordinatorResponse r) => Assert.IsType<InputResponse>(r).BatchNumber;

    private ProofSubmitAck Submit(ulong batch, ProverType type, byte tag = 1) =>
        Assert.IsType<ProofSubmitAck>(_service.Handle(new ProofSubmit(batch, ProofPayload.From(new ProofCalldata(type, [new CalldataValue.Bytes([tag])]))), "test"));

    [Fact]
    public void Unneeded_type_is_rejected_first_even_without_batches()
    {
        Assert.Equal(new ProverTypeNotNeeded(ProverType.Exec), Ask(ProverType.Exec));
        Assert.Equal(new ProverTypeNotNeeded(ProverType.TDX), Ask(ProverType.TDX, "other"));
        Assert.True(_log.Contains("not needed"));
    }

    [Fact]
    public void No_batch_same_version_is_empty_other_version_is_mismatch()
    {
        Assert.Equal(InputResponse.Empty, Ask(ProverType.SP1));
        Assert.IsType<VersionMismatch>(Ask(ProverType.SP1, "0ld0000"));
    }

    [Fact]
    public void Batch_without_input_for_the_prover_version_is_mismatch()
    {
        Add(1, "new0000");
        Assert.IsType<VersionMismatch>(Ask(ProverType.SP1));              // coordinator version, but batch 1 was committed by new0000
        Assert.Equal(1UL, Batch(Ask(ProverType.SP1, "new0000")));
    }

    [Fact]
    public void Provers_of_one_type_split_consecutive_batches_and_types_share_a_batch()
    {
        Add(1); Add(2); Add(3);
        Assert.Equal(1UL, Batch(Ask(ProverType.SP1)));
        Assert.Equal(2UL, Batch(Ask(ProverType.SP1)));
        Assert.Equal(1UL, Batch(Ask(ProverType.RISC0)));
        Assert.Equal(3UL, Batch(Ask(ProverType.SP1)));
        Assert.Equal(InputResponse.Empty, Ask(ProverType.SP1));               // all leased: caught up
        Assert.Equal(InputResponse.Empty, Ask(ProverType.SP1, "0ld0000"));    // passed over leased batches: empty, not mismatch
        var full = Assert.IsType<InputResponse>(Ask(ProverType.RISC0));
        Assert.Equal((2UL, ProofFormat.Groth16), (full.BatchNumber!.Value, full.Format!.Value));
        Assert.Equal(EthrexTestKit.Input(2, "abc1234"), full.Input);
    }

    [Fact]
    public void Expired_lease_is_reassigned()
    {
        Add(1);
        Assert.Equal(1UL, Batch(Ask(ProverType.SP1)));
        _clock.Now += TimeSpan.FromSeconds(59);
        Assert.Equal(InputResponse.Empty, Ask(ProverType.SP1));
        _clock.Now += TimeSpan.FromSeconds(2);
        Assert.Equal(1UL, Batch(Ask(ProverType.SP1)));
    }

    [Fact]
    public void Proven_batches_are_passed_over_and_submit_frees_the_lease()
    {
        Add(1); Add(2);
        Assert.Equal(1UL, Batch(Ask(ProverType.SP1)));
        Submit(1, ProverType.SP1);
        Assert.DoesNotContain(_store.Leases(), l => l.Batch == 1);
        Assert.Equal(2UL, Batch(Ask(ProverType.SP1)));
        Assert.Equal(1UL, Batch(Ask(ProverType.RISC0)));      // another type still needs batch 1
    }

    [Fact]
    public void Proof_exists_for_the_only_batch_gives_empty_for_any_version()
    {
        Add(1);
        Submit(1, ProverType.SP1);
        Assert.Equal(InputResponse.Empty, Ask(ProverType.SP1));
        Assert.Equal(InputResponse.Empty, Ask(ProverType.SP1, "0ld0000"));
    }

    [Fact]
    public void Latest_sent_moves_the_base_and_drops_old_leases()
    {
        Add(1); Add(2); Add(3);
        Assert.Equal(1UL, Batch(Ask(ProverType.SP1)));
        _store.InTransaction(() => { _store.SetLatestSent(2); return 0; });
        Assert.Equal(3UL, Batch(Ask(ProverType.SP1)));
        Assert.DoesNotContain(_store.Leases(), l => l.Batch < 3);
    }

    [Fact]
    public void Duplicate_submission_is_acknowledged_and_stored_once()
    {
        Add(5);
        Submit(5, ProverType.SP1, tag: 1);
        Assert.Equal(5UL, Submit(5, ProverType.SP1, tag: 2).BatchNumber);
        Assert.Single(_store.Proofs());
        Assert.Equal(new ProofCalldata(ProverType.SP1, [new CalldataValue.Bytes([1])]).ToJson(), _store.GetProof(5, ProverType.SP1));
        Assert.True(_log.Contains("duplicate SP1 proof of batch 5"));
    }

    [Fact]
    public void Submission_for_an_unknown_batch_is_rejected()
    {
        Add(1);
        var e = Assert.Throws<RejectedSubmissionException>(() => Submit(9, ProverType.SP1));
        Assert.Contains("unknown batch 9", e.Message);
        Assert.Empty(_store.Proofs());
    }

    [Fact]
    public void Leases_proofs_and_latest_sent_survive_a_restart()
    {
        Add(1); Add(2);
        Assert.Equal(1UL, Batch(Ask(ProverType.SP1)));
        Submit(2, ProverType.RISC0);
        _store.InTransaction(() => { _store.SetLatestSent(0); return 0; });
        Restart();
        Assert.Equal(2UL, Batch(Ask(ProverType.SP1)));       // batch 1 is still leased after the restart
        Assert.Equal(1UL, Batch(Ask(ProverType.RISC0)));     // RISC0 proof of 2 kept: RISC0 gets 1
        Assert.Equal(InputResponse.Empty, Ask(ProverType.RISC0));
    }

    [Fact]
    public void G0_requests_use_the_coordinator_version_and_the_g0_type()
    {
        Add(1);
        var r = Assert.IsType<InputResponse>(_service.Handle(new InputRequest(null, null), "g0"));
        Assert.Equal(1UL, r.BatchNumber);
        Assert.Contains(_store.Leases(), l => l.Batch == 1 && l.Type == ProverType.Exec);
        Assert.Equal(1UL, Assert.IsType<ProofSubmitAck>(_service.Handle(new ProofSubmit(1, new ProofPayload(null, "[1,2]"u8.ToArray())), "g0")).BatchNumber);
        Assert.Equal("[1,2]"u8.ToArray(), _store.GetProof(1, ProverType.Exec));
    }

    [Fact]
    public void Setup_is_acknowledged_except_tdx()
    {
        Assert.IsType<ProverSetupAck>(_service.Handle(new ProverSetup(ProverType.SP1, [1]), "t"));
        Assert.Throws<RejectedSubmissionException>(() => _service.Handle(new ProverSetup(ProverType.TDX, [1]), "t"));
    }
}
