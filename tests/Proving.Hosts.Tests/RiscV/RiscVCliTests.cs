using System.Security.Cryptography;
using System.Text.Json;

namespace Proving.Hosts.Tests.RiscV;

/// <summary><c>proving riscv run</c> as a real process on the guests that scripts/install.sh builds.</summary>
public sealed class RiscVCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("proving-riscv-cli").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private static string Cli => RepoPaths.ProvingCli;

    private static string Guest(string name) => Path.Combine(RepoPaths.Root, "native", "guests", "build", name + ".elf");

    private static ProcessRunner.Result Run(params string[] args) => ProcessRunner.Run("dotnet", [Cli, "riscv", "run", .. args], TimeSpan.FromMinutes(2));

    [Fact]
    public void Json_report_is_the_last_stdout_line_and_carries_the_committed_digest()
    {
        var input = RandomNumberGenerator.GetBytes(1000);
        var inputPath = Path.Combine(_dir, "input.bin");
        File.WriteAllBytes(inputPath, input);
        var r = Run(Guest("sha256"), "--input", inputPath, "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var lines = r.Stdout.TrimEnd('\n').Split('\n');
        var digest = Convert.ToHexStringLower(SHA256.HashData(input));
        Assert.Contains(digest, lines[0]);   // the guest prints the digest on fd 1 before the report
        var report = JsonDocument.Parse(lines[^1]).RootElement;
        Assert.Equal(0, report.GetProperty("exit_code").GetInt32());
        Assert.True(report.GetProperty("cycles").GetInt64() > 1000);
        Assert.True(report.GetProperty("mhz").GetDouble() > 0);
        Assert.Equal(digest, report.GetProperty("output_hex").GetString());
    }

    [Fact]
    public void Trace_file_is_written()
    {
        var tracePath = Path.Combine(_dir, "fib.trace");
        var r = Run(Guest("fib"), "--trace", tracePath, "--segment-cycles", "4096");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.True(new FileInfo(tracePath).Length > 0);
        Assert.Contains("cycles", r.Stderr);
    }

    [Fact]
    public void Limits_and_bad_files_give_non_zero_exits_with_a_reason()
    {
        var limit = Run(Guest("heavy"), "--max-cycles", "1000");
        Assert.Equal(2, limit.ExitCode);
        Assert.Contains("cycle limit", limit.Stderr);
        var notElf = Path.Combine(_dir, "not.elf");
        File.WriteAllBytes(notElf, RandomNumberGenerator.GetBytes(100));
        var bad = Run(notElf);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("not an ELF", bad.Stderr);
    }
}
