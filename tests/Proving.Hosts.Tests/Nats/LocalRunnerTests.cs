using System.Diagnostics;

namespace Proving.Hosts.Tests.Nats;

/// <summary>scripts/ethproofs-local.sh: starts nats-server, anvil and the roles as processes, and stops them all.</summary>
[Trait("Category", "Slow")]
public sealed class LocalRunnerTests
{
    private static async Task<(int Code, string Output)> RunAsync(string dir, params string[] args)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(RepoPaths.Root, "scripts", "ethproofs-local.sh"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["ETHPROOFS_DIR"] = dir;
        psi.Environment["NATS_PORT"] = ProcessHelpers.FreePort().ToString();
        psi.Environment["ANVIL_PORT"] = ProcessHelpers.FreePort().ToString();
        psi.Environment["BLOCK_TIME"] = "1";
        psi.Environment["PROVING_NATS_DLL"] = RoleProcess.Dll;
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await p.WaitForExitAsync(cts.Token);
        return (p.ExitCode, await output + await error);
    }

    [Fact]
    public async Task StartSplitWork_ProvesBlocks_StopServicesEndsEveryProcess()
    {
        var dir = Directory.CreateTempSubdirectory("proving-ethproofs-").FullName;
        try
        {
            var (code, output) = await RunAsync(dir, "start-split-work");
            Assert.True(code == 0, output);
            var pids = Directory.GetFiles(Path.Combine(dir, "pids"), "*.pid").Select(f => int.Parse(File.ReadAllText(f).Trim())).ToList();
            Assert.Equal(6, pids.Count);  // nats-server, anvil, block collector, proof collector, 2 provers
            var collectorLog = Path.Combine(dir, "logs", "proof-collector.log");
            await ProcessHelpers.WaitUntilAsync(() => File.Exists(collectorLog) && File.ReadAllLines(collectorLog).Count(l => l.Contains("completed proof of block")) >= 3,
                TimeSpan.FromSeconds(90), "3 completed proofs from the local pipeline");
            (code, output) = await RunAsync(dir, "stop-services");
            Assert.True(code == 0, output);
            Assert.All(pids, pid => Assert.False(IsAlive(pid), $"pid {pid} still runs"));
            Assert.False(Directory.Exists(Path.Combine(dir, "nats")));
        }
        finally
        {
            await RunAsync(dir, "stop-services");
            Directory.Delete(dir, recursive: true);
        }
    }

    private static bool IsAlive(int pid)
    {
        try { using var p = Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
    }
}
