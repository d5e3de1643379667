using Proving.Ethrex.Protocol;
using Proving.Ethrex.Transport;

namespace Proving.Ethrex.Coordinator;

/// <summary>Everything the <c>coordinator</c> command configures (flags and ethrex's environment names, spec §8).</summary>
/// <param name="ListenAddress">IP to bind (<c>ETHREX_PROOF_COORDINATOR_LISTEN_ADDRESS</c>; G0: <c>PROVER_SERVER_LISTEN_IP</c>).</param>
/// <param name="Port">TCP port, 0 for any free one (<c>ETHREX_PROOF_COORDINATOR_LISTEN_PORT</c>; G0: <c>PROVER_SERVER_LISTEN_PORT</c>).</param>
/// <param name="Generation">Protocol generation spoken on this listener.</param>
/// <param name="CommitHash">The coordinator's own version (short git SHA); decides VersionMismatch versus empty.</param>
/// <param name="NeededProofTypes">Prover types this deployment needs; others get ProverTypeNotNeeded.</param>
/// <param name="ProverTimeout">Lease length (<c>ETHREX_PROOF_COORDINATOR_PROVER_TIMEOUT</c>, ms; default 600 000).</param>
/// <param name="Format">Proof format sent with every batch (Compressed in Aligned mode).</param>
/// <param name="G0ProverType">The type under which G0 proofs (which name none) are stored and leased.</param>
/// <param name="DatabasePath">SQLite file.</param>
/// <param name="Limits">Read timeout and maximum request size.</param>
/// <param name="MaxConnections">Cap on connections handled at once; more are closed at accept.</param>
internal sealed record CoordinatorOptions(
    string ListenAddress,
    int Port,
    ProtocolGeneration Generation,
    string CommitHash,
    IReadOnlyList<ProverType> NeededProofTypes,
    TimeSpan ProverTimeout,
    ProofFormat Format,
    ProverType G0ProverType,
    string DatabasePath,
    TransportLimits Limits,
    int MaxConnections);
