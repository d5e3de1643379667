using System.Diagnostics;
using System.Text;
using Proving.Nats.Backends;

namespace Proving.Hosts.Tests.Nats;

/// <summary>The binary backend with the mock prover's modes (the mock prover is the demo's contract).</summary>
public sealed class BinaryProverBackendTests
{
    internal static string MockProver
    {
        get
        {
            var p = Path.Combine(AppContext.BaseDirectory, "mock-prover.sh");
            return File.Exists(p) ? p : Path.Combine(RepoPaths.Root, "src", "Hosts", "Proving.Nats", "mock-prover.sh");
        }
    }

    /// <summary>A copy of the mock prover whose environment is fixed by a wrapper script (tests cannot set env per child).</summary>
    internal static string MockWith(string dir, string env)
    {
        var path = Path.Combine(dir, "prover-" + Guid.NewGuid().ToString("N")[..8] + ".sh");
        File.WriteAllText(path, $"#!/usr/bin/env bash\n{env} exec '{MockProver}' \"$@\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    [Fact]
    public async Task Ok_WritesTheProofJson()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        var backend = new BinaryProverBackend(MockWith(dir, "MOCK_PROVER_SLEEP=0 MOCK_PROVER_NAME=sp1"));
        var output = await backend.ProveAsync(Encoding.ASCII.GetBytes("23818220"), CancellationToken.None);
        Assert.Equal("{\"block\":23818220,\"proof\":\"0xff\",\"prover\":\"sp1\"}", Encoding.UTF8.GetString(output));
    }

    [Theory]
    [InlineData("MOCK_PROVER_MODE=crash", "exited with code 101")]
    [InlineData("MOCK_PROVER_SLEEP=0", "exited with code 1")]      // input " 5\n" is not a bare number
    public async Task Failures_AreProverFailedException(string env, string expected)
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        var backend = new BinaryProverBackend(MockWith(dir, env));
        var input = env.Contains("crash") ? "5" : " 5\n";
        var e = await Assert.ThrowsAsync<ProverFailedException>(() => backend.ProveAsync(Encoding.ASCII.GetBytes(input), CancellationToken.None));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public async Task ExitZeroWithoutOutput_IsAFailure()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        var backend = new BinaryProverBackend("/bin/true");
        var e = await Assert.ThrowsAsync<ProverFailedException>(() => backend.ProveAsync([(byte)'1'], CancellationToken.None));
        Assert.Contains("no output file", e.Message);
        await Assert.ThrowsAsync<ProverFailedException>(() => new BinaryProverBackend(Path.Combine(dir, "missing")).ProveAsync([], CancellationToken.None));
    }

    [Fact]
    public async Task Hang_IsKilledOnCancellation()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        var backend = new BinaryProverBackend(MockWith(dir, "MOCK_PROVER_MODE=hang"));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var sw = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => backend.ProveAsync([(byte)'1'], cts.Token));
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5));
    }
}
