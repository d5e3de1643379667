using System.Security.Cryptography;
using System.Text;
using Proving.Ethrex.Coordinator;
using Proving.Ethrex.Protocol;
using Proving.Ethrex.Prover;

namespace Proving.Hosts.Tests.Ethrex;

/// <summary>
/// The <c>exec</c> backend: real RISC-V guest ELFs (native/guests/build, built by scripts/install.d/30-riscv.sh)
/// run by Proving.Core's executor on the batch input bytes.
/// </summary>
[Collection("ethrex-network")]
public class ExecBackendTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Guest(string name)
    {
        var path = Path.Combine(RepoPaths.Root, "native", "guests", "build", name + ".elf");
        return File.Exists(path) ? path : throw new FileNotFoundException($"guest {name}.elf is not built; run scripts/install.sh (native/guests/build.sh)", path);
    }

    private static string ExecPayloadJson => "{\"ProofCalldata\":{\"prover_type\":\"Exec\",\"calldata\":[{\"Bytes\":[]}]}}";

    [Fact]
    public async Task The_guest_runs_on_the_input_bytes_and_the_exec_payload_is_returned()
    {
        var log = new ListLogger();
        var backend = new ExecBackend(Guest("sha256"), 1L << 32, log);
        var input = EthrexTestKit.Input(3, "exec");
        var proof = await backend.ProveAsync(new ProvingJob(3, input, ProofFormat.Groth16, ProtocolGeneration.G8), CancellationToken.None);
        Assert.Equal(ProverType.Exec, proof.ProverType);
        Assert.Equal(ExecPayloadJson, Encoding.UTF8.GetString(proof.Json));
        // The sha256 guest commits SHA-256(input): the journal in the log shows the guest saw exactly these bytes.
        Assert.Contains(log.Lines, l => l.Contains("batch 3 executed") && l.Contains("journal " + Convert.ToHexStringLower(SHA256.HashData(input))));

        var g0 = await backend.ProveAsync(new ProvingJob(3, input, null, ProtocolGeneration.G0), CancellationToken.None);
        Assert.Equal($"[{{\"journal\":[{string.Join(",", SHA256.HashData(input))}]}},[]]", Encoding.UTF8.GetString(g0.Json));
    }

    [Fact]
    public async Task A_guest_that_stops_early_fails_the_batch()
    {
        var backend = new ExecBackend(Guest("sha256"), 1000, new ListLogger());
        var e = await Assert.ThrowsAsync<ProvingFailedException>(() =>
            backend.ProveAsync(new ProvingJob(1, EthrexTestKit.Input(1), ProofFormat.Groth16, ProtocolGeneration.G8), CancellationToken.None));
        Assert.Contains("guest stopped on batch 1", e.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_guest_is_refused_at_start()
    {
        Assert.Throws<ArgumentException>(() => new ExecBackend(EthrexTestKit.TestProver, 1000, new ListLogger()));
        Assert.Throws<ArgumentException>(() => new ExecBackend(_dir.File("missing.elf"), 1000, new ListLogger()));
    }

    [Fact]
    public async Task End_to_end_exec_prover_and_coordinator_processes()
    {
        var port = EthrexTestKit.FreePort();
        var db = _dir.File("c.db");
        var inputs = new[] { EthrexTestKit.Input(1, "a"), EthrexTestKit.Input(2, "b") };
        using (var store = new CoordinatorStore(db))
            for (var i = 0; i < inputs.Length; i++)
                store.InTransaction(() => store.PutInput((ulong)i + 1, "e2e0001", inputs[i]));
        using var coordinator = HostProcess.Start("coordinator", "--proof-coordinator.port", port.ToString(), "--db", db, "--commit-hash", "e2e0001", "--needed-proof-types", "Exec");
        await coordinator.WaitFor("listening");
        using (var prover = HostProcess.Start("prover", "--proof-coordinators", $"tcp://127.0.0.1:{port}", "--backend", "exec", "--guest-elf", Guest("sha256"),
            "--commit-hash", "e2e0001", "--proving-time", "200", "--state-dir", _dir.File("p")))
        {
            await prover.WaitFor("proof of batch 2 acknowledged");
            foreach (var input in inputs)
                Assert.Contains("journal " + Convert.ToHexStringLower(SHA256.HashData(input)), prover.Output);
        }
        using var check = new CoordinatorStore(db);
        Assert.Equal([1UL, 2UL], check.Proofs().Select(p => p.Batch));
        Assert.All(check.Proofs(), p => Assert.Equal(ExecPayloadJson, Encoding.UTF8.GetString(check.GetProof(p.Batch, ProverType.Exec)!)));
    }
}
