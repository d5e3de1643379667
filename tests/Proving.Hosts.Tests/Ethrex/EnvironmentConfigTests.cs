using System.Text;
using Proving.Ethrex.Coordinator;
using Proving.Ethrex.Protocol;

namespace Proving.Hosts.Tests.Ethrex;

/// <summary>Both roles configured only through ethrex's environment names (spec §8), as real processes.</summary>
[Collection("ethrex-network")]
public class EnvironmentConfigTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private void Seed(string db)
    {
        using var store = new CoordinatorStore(db);
        store.InTransaction(() => store.PutInput(1, "e4v0001", EthrexTestKit.Input(1)));
    }

    private async Task Round(Dictionary<string, string> coordinatorEnv, Dictionary<string, string> proverEnv, string db, string listening, string format)
    {
        using var coordinator = HostProcess.StartWithEnvironment(coordinatorEnv, "coordinator");
        await coordinator.WaitFor(listening);
        using (var prover = HostProcess.StartWithEnvironment(proverEnv, "prover", "--backend", "command", "--command", EthrexTestKit.TestProver, "--state-dir", _dir.File("p")))
        {
            await prover.WaitFor("acknowledged");
            Assert.Contains($"format {format})", prover.Output);
            Assert.Equal(0, prover.Terminate());
            Assert.Contains("stopping", prover.Output);
        }
        Assert.Equal(0, coordinator.Terminate());
        using var store = new CoordinatorStore(db);
        Assert.Single(store.Proofs());
    }

    [Fact]
    public async Task G8_round_from_ethrex_environment_names()
    {
        var port = EthrexTestKit.FreePort();
        var db = _dir.File("c.db");
        Seed(db);
        await Round(
            new()
            {
                ["ETHREX_PROOF_COORDINATOR_LISTEN_ADDRESS"] = "127.0.0.1",
                ["ETHREX_PROOF_COORDINATOR_LISTEN_PORT"] = port.ToString(),
                ["ETHREX_PROOF_COORDINATOR_PROVER_TIMEOUT"] = "5000",
                ["ETHREX_ALIGNED_MODE"] = "true",
                ["PROVING_ETHREX_COMMIT_HASH"] = "e4v0001",
                ["PROVING_ETHREX_DB"] = db,
            },
            new()
            {
                ["PROVER_CLIENT_PROOF_COORDINATOR_URL"] = $"tcp://127.0.0.1:{port}",
                ["PROVER_CLIENT_PROVING_TIME"] = "200",
                ["PROVING_ETHREX_COMMIT_HASH"] = "e4v0001",
            },
            db,
            $"listening on 127.0.0.1:{port}, version e4v0001",
            "Compressed");
    }

    [Fact]
    public async Task G0_round_from_ethereum_rust_environment_names()
    {
        var port = EthrexTestKit.FreePort();
        var db = _dir.File("c.db");
        Seed(db);
        await Round(
            new()
            {
                ["PROVING_ETHREX_PROTOCOL"] = "g0",
                ["PROVER_SERVER_LISTEN_IP"] = "127.0.0.1",
                ["PROVER_SERVER_LISTEN_PORT"] = port.ToString(),
                ["PROVING_ETHREX_COMMIT_HASH"] = "e4v0001",
                ["PROVING_ETHREX_DB"] = db,
            },
            new()
            {
                ["PROVER_CLIENT_PROVER_SERVER_ENDPOINT"] = $"localhost:{port}",
                ["PROVER_CLIENT_INTERVAL_MS"] = "200",
                ["PROVING_ETHREX_COMMIT_HASH"] = "e4v0001",
            },
            db,
            $"proof coordinator (G0) listening on 127.0.0.1:{port}",
            "none");
        using var store = new CoordinatorStore(db);
        Assert.StartsWith("[{\"journal\":[", Encoding.UTF8.GetString(store.GetProof(1, ProverType.Exec)!));
    }
}
