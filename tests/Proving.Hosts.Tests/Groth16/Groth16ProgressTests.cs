using Proving.Cli;
using Proving.Core.Groth16;

namespace Proving.Hosts.Tests.Groth16;

/// <summary>
/// <c>proving groth16 prove</c>'s progress line: absent when stderr is redirected (scripts parse the output), shown when
/// stderr is a terminal (a real pseudo-terminal from util-linux <c>script</c>), and the renderer's line format.
/// </summary>
public sealed class Groth16ProgressTests : IDisposable
{
    private readonly string _dir = Fixtures.TempDir();

    public void Dispose() => Directory.Delete(_dir, true);

    private static string F(string file) => Fixtures.File("eddsa_poseidon", file);

    private string[] ProveArgs() =>
        [RepoPaths.ProvingCli, "groth16", "prove", F("circuit.zkey"), F("witness.wtns"), Path.Combine(_dir, "proof.json"), Path.Combine(_dir, "public.json"), "--backend", "cpu"];

    [Fact]
    public void Redirected_output_gets_no_progress()
    {
        var r = ProcessRunner.Run("dotnet", ProveArgs(), TimeSpan.FromMinutes(3));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("", r.Stdout);
        Assert.Equal("", r.Stderr);
        Assert.Equal(File.ReadAllText(F("public.json")), File.ReadAllText(Path.Combine(_dir, "public.json")));
    }

    [Fact]
    public void A_terminal_gets_a_progress_line_for_each_phase_then_it_is_erased()
    {
        // script(1) runs the command on a new pseudo-terminal and copies what it writes there to our (piped) stdout
        string command = string.Join(' ', new[] { "dotnet" }.Concat(ProveArgs()).Select(a => "'" + a.Replace("'", "'\\''") + "'"));
        var r = ProcessRunner.Run(RepoPaths.OnPath("script"), ["-q", "-e", "-c", command, "/dev/null"], TimeSpan.FromMinutes(3));
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        foreach (var step in new[] { "reading key: coefficients", "reading key: B2 points", "reading key: H points", "proving: witness products",
                     "proving: NTTs", "proving: MSM A (G1)", "proving: MSM B2 (G2)", "proving: MSM H (G1)", "proving: blinding" })
            Assert.Contains(step, r.Stdout);
        Assert.True(r.Stdout.IndexOf("reading key: H points", StringComparison.Ordinal) < r.Stdout.IndexOf("proving: MSM A", StringComparison.Ordinal));
        Assert.Matches(@"\r +\r", r.Stdout);   // the line is blanked at the end
        Assert.Equal(File.ReadAllText(F("public.json")), File.ReadAllText(Path.Combine(_dir, "public.json")));
    }

    [Fact]
    public void Renderer_rewrites_one_line_and_blanks_it_when_disposed()
    {
        var output = new StringWriter();
        using (var progress = new TerminalProgress(output, interval: TimeSpan.FromHours(1)))
        {
            progress.Report(new ProverProgress(ProverPhase.ReadKey, "B2 points", 0, 4));
            progress.Report(new ProverProgress(ProverPhase.ReadKey, "B2 points", 1, 4));   // within the interval, not the last: dropped
            progress.Report(new ProverProgress(ProverPhase.ReadKey, "B2 points", 4, 4));
            progress.Report(new ProverProgress(ProverPhase.Msm, "MSM H (G1)", 0, 1));
        }
        var text = output.ToString();
        Assert.DoesNotContain('\n', text);
        var lines = text.Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Matches(@"^\[ +\d+\.\d s\] reading key: B2 points +0%$", lines[0]);
        Assert.EndsWith("reading key: B2 points 100%", lines[1]);
        Assert.Contains("proving: MSM H (G1)   0%", lines[2]);
        Assert.Equal(lines[1].Length, lines[2].Length);   // padded over the longer line before it
        Assert.Equal("", lines[3].Trim());
    }
}
