using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Proving.Ethrex.Protocol;
using Proving.Ethrex.Prover;
using Proving.Ethrex.Transport;
using Proving.Hosts.Common.Retry;

namespace Proving.Hosts.Tests.Ethrex;

/// <summary>The prover's parts on their own: back-off, endpoints, the command backend, the spool.</summary>
public class ProverPartsTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static ProvingJob Job(ProtocolGeneration g = ProtocolGeneration.G8) => new(7, EthrexTestKit.Input(7), ProofFormat.Groth16, g);

    [Fact]
    public void Backoff_grows_geometrically_within_jitter_and_never_exceeds_the_cap()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), ArbMap.Default.ArbFor<int>(), (attempt, seed) =>
        {
            var initial = TimeSpan.FromMilliseconds(100);
            var max = TimeSpan.FromSeconds(30);
            var backoff = new ExponentialBackoff(initial, max, 2.0, 0.2, new Random(seed));
            var d = backoff.Delay(attempt).TotalMilliseconds;
            var n = Math.Max(1, attempt);
            var expected = Math.Min(max.TotalMilliseconds, 100 * Math.Pow(2, Math.Min(n - 1, 64)));
            return d >= expected * 0.8 - 1e-6 && d <= Math.Min(max.TotalMilliseconds, expected * 1.2) + 1e-6;
        }).QuickCheckThrowOnFailure();
        var exact = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), 2.0, 0.0);
        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60], Enumerable.Range(1, 8).Select(i => exact.Delay(i).TotalSeconds));
        Assert.Equal(60, exact.Delay(int.MaxValue).TotalSeconds);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialBackoff(TimeSpan.Zero, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialBackoff(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), 2, 1.5));
    }

    [Theory]
    [InlineData("tcp://127.0.0.1:3900", "127.0.0.1", 3900, "G8")]
    [InlineData("http://localhost:3900/", "localhost", 3900, "G8")]
    [InlineData("localhost:3000", "localhost", 3000, "G8")]
    [InlineData("tcp://10.0.0.2:3900?protocol=g7", "10.0.0.2", 3900, "G7")]
    [InlineData("tcp://[::1]:3900?protocol=G0", "::1", 3900, "G0")]
    public void Endpoints_parse(string text, string host, int port, string generation) =>
        Assert.Equal(new CoordinatorEndpoint(host, port, ProtocolGenerations.Parse(generation)), CoordinatorEndpoint.Parse(text, ProtocolGeneration.G8));

    [Theory]
    [InlineData("tcp://host")]            // no port (ethrex fails too)
    [InlineData("http://host")]           // ethrex would silently use port 80: we refuse
    [InlineData("tcp://host:0")]
    [InlineData("tcp://host:70000")]
    [InlineData("tcp://host:3900?protocol=g9")]
    [InlineData("tcp://host:3900?tls=1")]
    public void Bad_endpoints_are_refused(string text) =>
        Assert.Throws<ArgumentException>(() => CoordinatorEndpoint.Parse(text, ProtocolGeneration.G8));

    private string Script(string body)
    {
        var path = _dir.File(Guid.NewGuid().ToString("N") + ".sh");
        File.WriteAllText(path, "#!/usr/bin/env bash\nset -eu\nwhile [ $# -gt 0 ]; do case \"$1\" in --input-path) in=$2; shift 2;; --output-path) out=$2; shift 2;; *) shift;; esac; done\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private CommandBackend Backend(string program, CommandOutput output = CommandOutput.Json, ProverType type = ProverType.SP1, double timeoutSeconds = 30) =>
        new(program, [], type, output, _dir.File("work"), TimeSpan.FromSeconds(timeoutSeconds), 1 << 16, new ListLogger());

    [Fact]
    public async Task Command_backend_passes_the_input_and_reads_a_json_proof()
    {
        var proof = await Backend(EthrexTestKit.TestProver).ProveAsync(Job(), CancellationToken.None);
        Assert.Equal(ProverType.SP1, proof.ProverType);
        Assert.Equal(EthrexTestKit.ExpectedTestProof(ProverType.SP1, EthrexTestKit.Input(7)), proof.Json);
        Assert.Empty(Directory.GetFiles(_dir.File("work")));   // work files are removed
    }

    [Fact]
    public async Task Command_backend_raw_output_becomes_proof_calldata()
    {
        var program = Script("printf '\\x01\\x02\\xff' > \"$out\"; [ \"$PROVING_ETHREX_BATCH\" = 7 ] && [ \"$PROVING_ETHREX_FORMAT\" = Groth16 ]");
        var proof = await Backend(program, CommandOutput.Raw).ProveAsync(Job(), CancellationToken.None);
        Assert.Equal("{\"ProofCalldata\":{\"prover_type\":\"SP1\",\"calldata\":[{\"Bytes\":[1,2,255]}]}}", Encoding.UTF8.GetString(proof.Json));
        var g0 = await Backend(program, CommandOutput.Raw).ProveAsync(Job(ProtocolGeneration.G0), CancellationToken.None);
        Assert.Equal("[1,2,255]", Encoding.UTF8.GetString(g0.Json));
    }

    [Theory]
    [InlineData("exit 5", "exited with code 5")]
    [InlineData("true", "wrote no")]
    [InlineData("echo '{\"ProofCalldata\":{\"prover_type\":\"RISC0\",\"calldata\":[]}}' > \"$out\"", "names type RISC0, expected SP1")]
    [InlineData("echo '{\"ProofCalldata\":' > \"$out\"", "not a valid proof")]
    [InlineData("head -c 70000 /dev/zero > \"$out\"", "exceeds the limit")]
    [InlineData("sleep 30", "did not finish batch 7 within 1 s")]
    public async Task Command_backend_failures_are_typed(string body, string message)
    {
        var backend = Backend(Script(body), timeoutSeconds: 1);
        var e = await Assert.ThrowsAsync<ProvingFailedException>(() => backend.ProveAsync(Job(), CancellationToken.None));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public async Task Command_backend_reports_a_missing_program()
    {
        var e = await Assert.ThrowsAsync<ProvingFailedException>(() => Backend(_dir.File("no-such-prover")).ProveAsync(Job(), CancellationToken.None));
        Assert.Contains("cannot start prover", e.Message);
    }

    [Fact]
    public void Spool_round_trips_and_moves_corrupt_files_aside()
    {
        var log = new ListLogger();
        var spool = new ProofSpool(_dir.File("pending"), log);
        var g7 = new PendingProof(new CoordinatorEndpoint("127.0.0.1", 3900, ProtocolGeneration.G7), 42, ProofPayload.From(BatchProof.ExecPayload));
        var g0 = new PendingProof(new CoordinatorEndpoint("localhost", 3000, ProtocolGeneration.G0), 7, new ProofPayload(null, "[{\"a\":1},[1]]"u8.ToArray()));
        spool.Save(g7);
        spool.Save(g0);
        File.WriteAllText(_dir.File("pending/x-1.proof.json"), "{\"host\":");
        var loaded = new ProofSpool(_dir.File("pending"), log).Load();
        Assert.Equal(2, loaded.Count);
        var back7 = loaded.Single(p => p.BatchNumber == 42);
        Assert.Equal((g7.Endpoint, ProverType.Exec), (back7.Endpoint, back7.Proof.ProverType!.Value));
        Assert.Equal(g7.Proof.Json, back7.Proof.Json);
        var back0 = loaded.Single(p => p.BatchNumber == 7);
        Assert.Null(back0.Proof.ProverType);
        Assert.Equal(g0.Proof.Json, back0.Proof.Json);
        Assert.True(File.Exists(_dir.File("pending/x-1.proof.json.corrupt")));
        Assert.True(log.Contains("unreadable pending proof"));
        spool.Remove(g7);
        Assert.Single(new ProofSpool(_dir.File("pending"), log).Load());
    }
}
