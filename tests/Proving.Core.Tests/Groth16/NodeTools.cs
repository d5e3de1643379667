using System.Diagnostics;

namespace Proving.Core.Tests.Groth16;

/// <summary>Runs the Node.js peers (snarkjs, node scripts) that the interop tests compare against.</summary>
internal static class NodeTools
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="args"/>; returns (exit code, stdout + stderr).</summary>
    public static (int Code, string Output) Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["NO_COLOR"] = "1";
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5))) { p.Kill(true); throw new TimeoutException($"{file} {string.Join(' ', args)} timed out"); }
        return (p.ExitCode, output + err.Result);
    }

    /// <summary><c>snarkjs groth16 verify vk public proof</c>: true when it prints OK and exits 0.</summary>
    public static bool SnarkjsVerify(string vk, string pub, string proof)
    {
        var (code, output) = Run(RepoPaths.NodeTool("snarkjs"), "groth16", "verify", vk, pub, proof);
        return code == 0 && output.Contains("OK!");
    }
}
