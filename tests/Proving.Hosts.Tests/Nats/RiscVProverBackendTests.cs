using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Proving.Core.RiscV;
using Proving.Hosts.Common.Nats;
using Proving.Hosts.Common.Nats.JetStream;
using Proving.Nats;
using Proving.Nats.Backends;
using Proving.Nats.Configuration;
using Proving.Nats.Roles;

namespace Proving.Hosts.Tests.Nats;

/// <summary>The in-process backend: real RV32IM guest ELFs (native/guests, built by Debian's riscv64-unknown-elf-gcc) on the executor.</summary>
public sealed class RiscVProverBackendTests(NatsServerFixture fixture) : IClassFixture<NatsServerFixture>
{
    private static string Guest(string name)
    {
        var path = Path.Combine(RepoPaths.Root, "native", "guests", "build", name + ".elf");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{name}.elf is not built; run scripts/install.sh", path);
    }

    private static string Sha256Hex(string s) => "0x" + Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(s)));

    [Fact]
    public async Task Sha256Guest_ProofIsTheJournal_CheckedAgainstDotnetSha256()
    {
        var backend = RiscVProverBackend.Load(Guest("sha256"));
        foreach (var input in new[] { "0", "23818220", "18446744073709551615" })
        {
            var output = await backend.ProveAsync(Encoding.ASCII.GetBytes(input), CancellationToken.None);
            var proof = ProofMessage.Parse(output);
            Assert.Equal((ulong.Parse(input), Sha256Hex(input), "riscv-sha256"), (proof.Block, proof.Proof, proof.Prover));
            Assert.True(JsonDocument.Parse(output).RootElement.GetProperty("cycles").GetInt64() > 1000);
        }
        // A JSON input with a block member is hashed as it is.
        var json = "{\"block\":7,\"step_id\":\"s1\"}";
        Assert.Equal(Sha256Hex(json), ProofMessage.Parse(await backend.ProveAsync(Encoding.ASCII.GetBytes(json), CancellationToken.None)).Proof);
    }

    [Fact]
    public async Task GuestFailures_AreProverFailedException()
    {
        // heavy.elf reads "2381"/"8220" as seed/count; the count is over its limit, so it exits with code 2.
        var heavy = RiscVProverBackend.Load(Guest("heavy"));
        var e = await Assert.ThrowsAsync<ProverFailedException>(() => heavy.ProveAsync(Encoding.ASCII.GetBytes("23818220"), CancellationToken.None));
        Assert.Contains("exited with code 2", e.Message);
        Assert.Contains("count too large", e.Message);
        var limited = RiscVProverBackend.Load(Guest("heavy"), options: new RiscVExecutionOptions { MaxCycles = 10_000 });
        e = await Assert.ThrowsAsync<ProverFailedException>(() => limited.ProveAsync(Encoding.ASCII.GetBytes("1234"), CancellationToken.None));
        Assert.IsType<CycleLimitExceededException>(e.InnerException);
        await Assert.ThrowsAsync<ProverFailedException>(() => heavy.ProveAsync(Encoding.ASCII.GetBytes("not a block"), CancellationToken.None));
    }

    [Fact]
    public void Configuration_RejectsMissingOrBadElf()
    {
        var notElf = Path.GetTempFileName();
        File.WriteAllText(notElf, "not an elf");
        foreach (var env in new[] { new Dictionary<string, string> { ["EXECUTOR_TYPE"] = "RiscV" },
                                    new() { ["EXECUTOR_TYPE"] = "RiscV", ["GUEST_ELF"] = notElf },
                                    new() { ["EXECUTOR_TYPE"] = "RiscV", ["GUEST_ELF"] = notElf + ".missing" } })
            Assert.Throws<PipelineConfigurationException>(() => ProverBackends.FromEnvironment(new EnvironmentReader(env.GetValueOrDefault)));
    }

    [Fact]
    public async Task Dispatcher_WithTheRiscVBackend_PublishesOneProofPerBlock()
    {
        await using var conn = await NatsConnection.ConnectAsync(fixture.Server.Url);
        var js = new JetStreamContext(conn);
        var stream = "r" + Guid.NewGuid().ToString("N")[..10];
        await js.CreateStreamAsync(PipelineStream.Config(stream));
        for (ulong b = 100; b < 104; b++) await js.PublishAsync(stream + ".blocks", BlockNumber.Encode(b));
        var backend = ProverBackends.FromEnvironment(new EnvironmentReader(new Dictionary<string, string>
            { ["EXECUTOR_TYPE"] = "RiscV", ["GUEST_ELF"] = Guest("sha256"), ["PROVER_NAME"] = "riscv" }.GetValueOrDefault));
        var options = new DispatcherOptions { Stream = stream, InputSubject = stream + ".blocks", OutputSubject = stream + ".block_proofs", ConsumerName = "riscv-prover" };
        var log = new TestLogger();
        using var cts = new CancellationTokenSource();
        var run = new Dispatcher(js, backend, options, log).RunAsync(cts.Token);
        await ProcessHelpers.WaitUntilAsync(() => log.Count("proved") == 4, TimeSpan.FromSeconds(60), "4 RISC-V proofs");
        cts.Cancel();
        await run;
        var proofs = (await StreamContents.PayloadsAsync(js, stream, options.OutputSubject)).Select(p => ProofMessage.Parse(Encoding.UTF8.GetBytes(p))).ToList();
        Assert.Equal(Enumerable.Range(100, 4).Select(b => ((ulong)b, Sha256Hex(b.ToString()), "riscv")), proofs.Select(p => (p.Block, p.Proof, p.Prover)));
    }
}
