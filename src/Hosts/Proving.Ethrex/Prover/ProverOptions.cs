using Proving.Ethrex.Transport;
using Proving.Hosts.Common.Retry;

namespace Proving.Ethrex.Prover;

/// <summary>Everything the <c>prover</c> command configures (flags and ethrex's environment names, spec §8).</summary>
/// <param name="Endpoints">Coordinators polled in order (<c>PROVER_CLIENT_PROOF_COORDINATOR_URL</c>; G0: <c>PROVER_CLIENT_PROVER_SERVER_ENDPOINT</c>).</param>
/// <param name="CommitHash">Version sent in every request; must equal the coordinator's stored input version.</param>
/// <param name="ProvingTime">Pause between polling rounds (<c>PROVER_CLIENT_PROVING_TIME</c>, ms).</param>
/// <param name="Limits">Connect and read timeouts, maximum response size.</param>
/// <param name="SpoolDirectory">Where proofs wait for their acknowledgement.</param>
/// <param name="SubmitBackoff">Retry policy of unacknowledged submits.</param>
/// <param name="HoldFirstSubmit">Fault-injection delay between saving a proof and its first submit (tests).</param>
internal sealed record ProverOptions(
    IReadOnlyList<CoordinatorEndpoint> Endpoints,
    string CommitHash,
    TimeSpan ProvingTime,
    TransportLimits Limits,
    string SpoolDirectory,
    ExponentialBackoff SubmitBackoff,
    TimeSpan HoldFirstSubmit);
