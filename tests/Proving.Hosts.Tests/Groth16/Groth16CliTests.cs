using System.CommandLine;
using Proving.Cli.Commands;

namespace Proving.Hosts.Tests.Groth16;

/// <summary>The <c>proving groth16</c> and <c>proving zkey</c> commands, run in-process on the committed Poseidon fixture.</summary>
public sealed class Groth16CliTests : IDisposable
{
    private readonly string _dir = Fixtures.TempDir();

    public void Dispose() => Directory.Delete(_dir, true);

    private static int Run(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(Groth16Command.Create());
        root.Subcommands.Add(ZkeyCommand.Create());
        return root.Parse(args).Invoke();
    }

    private string Out(string name) => Path.Combine(_dir, name);

    [Fact]
    public void Prove_then_verify_then_export_vkey()
    {
        string F(string file) => Fixtures.File("poseidon", file);
        Assert.Equal(0, Run("groth16", "prove", F("circuit.zkey"), F("witness.wtns"), Out("proof.json"), Out("public.json"), "--backend", "cpu", "--verbose"));
        Assert.Equal(File.ReadAllText(F("public.json")), File.ReadAllText(Out("public.json")));
        Assert.Equal(0, Run("groth16", "verify", F("verification_key.json"), Out("public.json"), Out("proof.json")));
        Assert.Equal(0, Run("zkey", "export-vkey", F("circuit.zkey"), Out("vk.json")));
        Assert.Equal(0, Run("groth16", "verify", Out("vk.json"), Out("public.json"), Out("proof.json")));
        // a wrong public signal: non-zero exit
        File.WriteAllText(Out("bad.json"), "[\n \"1\"\n]");
        Assert.Equal(1, Run("groth16", "verify", F("verification_key.json"), Out("bad.json"), Out("proof.json")));
    }

    [Fact]
    public void Prove_on_the_OpenCL_backend_with_check_matches_the_cpu_and_verifies()
    {
        // PoCL in CI: the whole prover's NTTs and MSMs run as OpenCL kernels, each compared with the CPU (--check).
        Proving.Gpu.GpuBackends.Register();
        string F(string file) => Fixtures.File("poseidon", file);
        Assert.Equal(0, Run("groth16", "prove", F("circuit.zkey"), F("witness.wtns"), Out("proof.json"), Out("public.json"), "--backend", "opencl", "--check"));
        Assert.Equal(File.ReadAllText(F("public.json")), File.ReadAllText(Out("public.json")));
        Assert.Equal(0, Run("groth16", "verify", F("verification_key.json"), Out("public.json"), Out("proof.json")));
        var snarkjs = ProcessRunner.Run(RepoPaths.NodeTool("snarkjs"), ["groth16", "verify", F("verification_key.json"), Out("public.json"), Out("proof.json")], TimeSpan.FromMinutes(2));
        Assert.True(snarkjs.ExitCode == 0 && snarkjs.Stdout.Contains("OK"), snarkjs.Stdout + snarkjs.Stderr);
    }

    [Fact]
    public void Bad_inputs_give_non_zero_exit_codes()
    {
        string F(string file) => Fixtures.File("poseidon", file);
        // witness of another circuit
        Assert.Equal(1, Run("groth16", "prove", F("circuit.zkey"), Fixtures.File("eddsa_poseidon", "witness.wtns"), Out("p.json"), Out("q.json")));
        // a backend that is not available
        Assert.Equal(1, Run("groth16", "prove", F("circuit.zkey"), F("witness.wtns"), Out("p.json"), Out("q.json"), "--backend", "nosuch"));
        // a file that is not a zkey
        Assert.Equal(1, Run("zkey", "export-vkey", F("witness.wtns"), Out("vk.json")));
        Assert.Equal(2, Run("groth16", "verify", F("witness.wtns"), F("public.json"), F("proof.json")));
    }
}
