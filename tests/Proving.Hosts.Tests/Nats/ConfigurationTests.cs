using Proving.Nats;
using Proving.Nats.Configuration;
using Proving.Nats.Roles;

namespace Proving.Hosts.Tests.Nats;

/// <summary>Settings from environment variables, and a role's exit on a bad setting.</summary>
public sealed class ConfigurationTests(NatsServerFixture fixture) : IClassFixture<NatsServerFixture>
{
    private static EnvironmentReader Env(params (string Key, string Value)[] vars)
    {
        var d = vars.ToDictionary(v => v.Key, v => v.Value);
        return new EnvironmentReader(k => d.GetValueOrDefault(k));
    }

    [Fact]
    public void Dispatcher_DefaultsAndOverrides()
    {
        var d = DispatcherOptions.FromEnvironment(Env());
        Assert.Equal((PipelineStream.Name, PipelineStream.Blocks, PipelineStream.BlockProofs, "dispatcher-modularorchestrator_blocks"),
            (d.Stream, d.InputSubject, d.OutputSubject, d.ConsumerName));
        var o = DispatcherOptions.FromEnvironment(Env(("CONSUMER_NAME", "sp1-prover"), ("MAX_DELIVER", "3"), ("PROVER_TIMEOUT_SECONDS", "1.5"),
            ("ACK_WAIT_SECONDS", "9"), ("MULTIPLE_OUTPUT", "1"), ("INPUT_QUEUE", "modularorchestrator.steps")));
        Assert.Equal(("sp1-prover", 3, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(9), true, TimeSpan.FromSeconds(3)),
            (o.ConsumerName, o.MaxDeliver, o.ProverTimeout, o.AckWait, o.MultipleOutput, o.InProgressInterval));
        Assert.Equal("dispatcher-modularorchestrator_steps", DispatcherOptions.FromEnvironment(Env(("INPUT_QUEUE", "modularorchestrator.steps"))).ConsumerName);
    }

    [Theory]
    [InlineData("MAX_DELIVER", "0")]
    [InlineData("MAX_DELIVER", "-2")]
    [InlineData("PROVER_TIMEOUT_SECONDS", "soon")]
    [InlineData("ACK_WAIT_SECONDS", "0")]
    [InlineData("NAK_DELAY_MIN_MILLIS", "1.5")]
    public void Dispatcher_RejectsMalformedValues(string key, string value) =>
        Assert.Throws<PipelineConfigurationException>(() => DispatcherOptions.FromEnvironment(Env((key, value))));

    [Fact]
    public void Collectors_ReadTheDemoVariables()
    {
        var b = BlockCollectorOptions.FromEnvironment(Env(("NEXT_BLOCK", "23818220"), ("COLLECT_TIMEOUT_PERIOD_MILLIS", "500")));
        Assert.Equal((23818220ul, TimeSpan.FromMilliseconds(500), PipelineStream.Blocks), (b.NextBlock, b.PollInterval, b.OutputSubject));
        Assert.Throws<PipelineConfigurationException>(() => BlockCollectorOptions.FromEnvironment(Env(("NEXT_BLOCK", "0x10"))));
        var p = ProofCollectorOptions.FromEnvironment(Env(("INPUT_QUEUE", "modularorchestrator.block_proofs, modularorchestrator.blocks")));
        Assert.Equal([PipelineStream.BlockProofs, PipelineStream.Blocks], p.InputSubjects);
    }

    [Theory]
    [InlineData("dispatcher")]                          // BINARY missing
    [InlineData("block-collector")]                     // L1_RPC missing
    [InlineData("collector")]                           // STRATEGY missing
    public async Task Role_WithMissingSetting_ExitsWithCode2(string role) =>
        Assert.Equal(2, await RoleHost.RunAsync(role, Env(("NATS_URL", fixture.Server.Url))));

    [Fact]
    public async Task InitStream_CreatesTheDemoStream()
    {
        Assert.Equal(0, await RoleHost.RunAsync("init-stream", Env(("NATS_URL", fixture.Server.Url))));
        await using var conn = await Proving.Hosts.Common.Nats.NatsConnection.ConnectAsync(fixture.Server.Url);
        var info = await new Proving.Hosts.Common.Nats.JetStream.JetStreamContext(conn).GetStreamInfoAsync(PipelineStream.Name);
        Assert.Equal([PipelineStream.Name + ".>"], info.Config!.Subjects);
        Assert.Equal(("limits", "file", "old", -1L, 120_000_000_000L, true),
            (info.Config.Retention, info.Config.Storage, info.Config.Discard, info.Config.MaxMsgsPerSubject, info.Config.DuplicateWindow, info.Config.AllowRollupHdrs));
    }
}
