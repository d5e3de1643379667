namespace Proving.Gpu.Tests;

/// <summary>The GPU bench console (bench/gpu) end to end on OpenCL at small sizes: its checks against the CPU pass
/// and it prints a row for every primitive, so it is ready to run when a device is lent.</summary>
public sealed class BenchConsoleTests
{
    [Fact]
    public void ChecksAgainstTheCpuAndPrintsEveryRow()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "proving-gpu-bench.dll");
        Assert.True(File.Exists(dll), dll);
        string dir = Path.Combine(Path.GetTempPath(), "proving-gpu-bench-test-" + Environment.ProcessId);
        var env = new Dictionary<string, string> { ["PROVING_KERNEL_CACHE"] = dir };
        try
        {
            var run = ProcessRunner.Run("dotnet", [dll, "--runtime", "opencl", "--msm", "8", "--msm-g2", "6", "--ntt", "8",
                "--groth16", "8", "--zkey", Fixtures.File("poseidon", "circuit.zkey"), "--wtns", Fixtures.File("poseidon", "witness.wtns"),
                "--repeat", "1"], TimeSpan.FromMinutes(5), environment: env);
            Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
            Assert.Contains("# check vs CPU: MSM 300 points ok, NTT 2^10 ok, Groth16 prove 2^10 step by step ok", run.Stdout);
            foreach (var row in new[] { "| MSM G1", "| MSM G2", "| NTT Fr forward (data on device) | 2^8", "| Groth16 prove (synthetic key", "| Groth16 prove (circuit.zkey, verified)" })
                Assert.Contains(row, run.Stdout);
            Assert.Equal(2, ProcessRunner.Run("dotnet", [dll, "--zkey", "x"], TimeSpan.FromMinutes(1)).ExitCode);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }
}
