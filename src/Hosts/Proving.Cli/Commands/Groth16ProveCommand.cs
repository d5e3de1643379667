using System.CommandLine;
using System.Diagnostics;
using Proving.Core.Circom;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;
using Proving.Core.Groth16;

namespace Proving.Cli.Commands;

/// <summary>
/// <c>proving groth16 prove &lt;circuit.zkey&gt; &lt;witness.wtns&gt; &lt;proof.json&gt; &lt;public.json&gt; [--backend ...] [--verbose]</c>
/// (snarkjs's argument order). --verbose prints the backend and a timing breakdown on stderr; --check runs the
/// selected backend beside the CPU reference (DualBackend) and fails on the first difference. When stderr is a
/// terminal, a status line shows the zkey section being read and the proof step running (<see cref="TerminalProgress"/>);
/// when it is redirected, nothing is printed but errors (and the --verbose report).
/// </summary>
internal static class Groth16ProveCommand
{
    public static Command Create()
    {
        var command = new Command("prove", "Make a Groth16 proof from a snarkjs .zkey and a circom .wtns; writes snarkjs proof.json and public.json");
        var zkey = new Argument<string>("circuit.zkey") { Description = "snarkjs Groth16 proving key" };
        var wtns = new Argument<string>("witness.wtns") { Description = "circom/snarkjs witness" };
        var proofOut = new Argument<string>("proof.json") { Description = "output proof" };
        var publicOut = new Argument<string>("public.json") { Description = "output public signals" };
        var backendOpt = new Option<string>("--backend") { Description = "compute backend: cpu, cuda, opencl or auto", DefaultValueFactory = _ => "auto" };
        var verbose = new Option<bool>("--verbose") { Description = "print the backend and a timing breakdown" };
        var check = new Option<bool>("--check") { Description = "debug: also run every NTT/MSM on the CPU backend and fail on the first difference" };
        foreach (var a in new[] { zkey, wtns, proofOut, publicOut }) command.Arguments.Add(a);
        command.Options.Add(backendOpt);
        command.Options.Add(verbose);
        command.Options.Add(check);
        command.SetAction(parse =>
        {
            bool v = parse.GetValue(verbose);
            try
            {
                var total = Stopwatch.StartNew();
                var selected = ComputeBackends.Create(parse.GetValue(backendOpt)!);
                using IComputeBackend backend = parse.GetValue(check) ? new Proving.Gpu.DualBackend(new CpuBackend(), selected) : selected; // disposes selected
                if (v) Console.Error.WriteLine($"backend: {backend.Name} ({backend.Description})");
                var timings = new ProverTimings();
                Prover prover;
                double peakAfterLoad;
                Proof proof;
                Fr[] pub;
                using (var progress = TerminalProgress.ForStandardError())   // none when stderr is redirected
                {
                    prover = timings.Measure("load proving key", () => Prover.Load(parse.GetValue(zkey)!, backend, progress));
                    peakAfterLoad = PeakRssMiB();
                    var witness = timings.Measure("load witness", () => WtnsFile.Read(parse.GetValue(wtns)!, prover.Key.NVars));
                    (proof, pub) = prover.Prove(witness, timings, progress);
                }
                timings.Measure("write proof", () =>
                {
                    SnarkjsJson.WriteProof(parse.GetValue(proofOut)!, proof);
                    SnarkjsJson.WritePublic(parse.GetValue(publicOut)!, pub);
                });
                if (v)
                {
                    Console.Error.WriteLine($"circuit: {prover.Key.NVars} variables, {prover.Key.NPublic} public, domain 2^{System.Numerics.BitOperations.Log2((uint)prover.Key.DomainSize)}");
                    Console.Error.WriteLine($"memory: key {prover.Key.SizeInBytes / MiB:F1} MiB in memory (zkey file {new FileInfo(parse.GetValue(zkey)!).Length / MiB:F1} MiB); " +
                        $"peak RSS {peakAfterLoad:F1} MiB after loading, {PeakRssMiB():F1} MiB after proving");
                    foreach (var (step, time, concurrent) in timings.Steps)
                        Console.Error.WriteLine(concurrent ? $"    | {step,-32} {time.TotalMilliseconds,10:F1} ms" : $"  {step,-36} {time.TotalMilliseconds,10:F1} ms");
                    Console.Error.WriteLine($"  {"total",-36} {total.Elapsed.TotalMilliseconds,10:F1} ms");
                }
                return 0;
            }
            catch (Exception e) when (e is CircomFormatException or ComputeBackendUnavailableException or Proving.Gpu.BackendMismatchException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private const double MiB = 1 << 20;

    /// <summary>The process's peak resident set so far (VmHWM on Linux), in MiB.</summary>
    private static double PeakRssMiB()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64 / MiB;
    }
}
