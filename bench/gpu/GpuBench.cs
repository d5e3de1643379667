using System.Diagnostics;
using Proving.Core.Circom;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;
using Proving.Core.Groth16;
using Proving.Gpu.Cuda;
using Proving.Gpu.OpenCl;

namespace Proving.Gpu.Bench;

/// <summary>Checks the device against the CPU, then times MSM, NTT and Groth16 proofs and prints a table.</summary>
internal static class GpuBench
{
    public static int Run(BenchOptions o)
    {
        string runtime = o.Runtime ?? (CudaRuntime.Status().Available ? "cuda" : "opencl");
        GpuContext ctx = runtime switch
        {
            "cuda" => CudaRuntime.Open(o.Device),
            "opencl" => OpenClRuntime.Open(o.Device),
            _ => throw new ArgumentException($"unknown runtime '{runtime}' (cuda or opencl)"),
        };
        using var backend = new GpuComputeBackend(runtime, ctx);   // owns ctx
        Console.WriteLine($"# {runtime} #{ctx.Device.Index}: {ctx.Device}");
        Console.WriteLine($"# {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} CPU threads, .NET {Environment.Version}");
        var msm = backend.Msm;
        using var ntt = new GpuNtt(ctx);
        if (!Check(msm, ntt, backend)) return 1;
        Console.WriteLine("| primitive | size | median ms | min ms | runs |");
        Console.WriteLine("|---|---|---|---|---|");
        var rng = new Random(1);
        foreach (int log in o.MsmLogSizes)
        {
            int n = 1 << log;
            var points = G1Projective.BatchNormalize(Multiples(G1Projective.Generator * Fr.Random(rng), n));
            var scalars = RandomScalars(n, rng);
            using var bases = msm.UploadBases(points);
            Row("MSM G1 (bases on device, scalars from host)", log, o.Repeat, () => msm.Msm(bases, scalars));
        }
        foreach (int log in o.MsmG2LogSizes)
        {
            int n = 1 << log;
            var step = G2Projective.Generator * Fr.Random(rng);
            var pts = new G2Projective[n];
            var acc = step;
            for (int i = 0; i < n; i++) { pts[i] = acc; acc += step; }
            var scalars = RandomScalars(n, rng);
            using var bases = msm.UploadBases(G2Projective.BatchNormalize(pts));
            Row("MSM G2 (bases on device, scalars from host)", log, o.Repeat, () => msm.Msm(bases, scalars));
        }
        foreach (int log in o.NttLogSizes)
        {
            var v = RandomScalars(1 << log, rng);
            using var data = ctx.Upload<Fr>(v);
            Row("NTT Fr forward (data on device)", log, o.Repeat, () =>
            {
                ntt.Transform(data, log, 1, inverse: false, inputBitReversed: false, outputBitReversed: false, cosetShift: null);
                ctx.Synchronize();
            });
            Row("NTT Fr forward (host to host)", log, o.Repeat, () => ntt.Transform(v, inverse: false));
        }
        foreach (int log in o.Groth16LogSizes)
        {
            var (key, witness) = SyntheticCircuit.Create(log, log);
            var prover = new Prover(key, backend);
            Row("Groth16 prove (synthetic key, bases on device)", log, o.Repeat, () => prover.Prove(witness));
        }
        if (o.Zkey != null)
        {
            var key = ZkeyReader.Read(o.Zkey);
            var witness = WtnsFile.Read(o.Wtns!);
            var prover = new Prover(key, backend);
            var (proof, publicSignals) = prover.Prove(witness);
            if (!Verifier.Verify(key.VerificationKey, publicSignals, proof))
            {
                Console.WriteLine($"# MISMATCH: the proof for {o.Zkey} does not verify");
                return 1;
            }
            int log = System.Numerics.BitOperations.Log2((uint)key.DomainSize);
            Row($"Groth16 prove ({Path.GetFileName(o.Zkey)}, verified)", log, o.Repeat, () => prover.Prove(witness));
        }
        return 0;
    }

    private static bool Check(GpuMsm msm, GpuNtt ntt, GpuComputeBackend backend)
    {
        var rng = new Random(7);
        var p = G1Projective.BatchNormalize(Multiples(G1Projective.Generator * Fr.Random(rng), 300));
        var k = RandomScalars(300, rng);
        var expected = G1Projective.Identity;
        for (int i = 0; i < p.Length; i++) expected += G1Projective.FromAffine(p[i]) * k[i];
        bool msmOk = msm.Msm(p, k) == expected;
        var a = RandomScalars(1024, rng);
        var f = (Fr[])a.Clone();
        ntt.Transform(f, inverse: false);
        var omega = Fr.RootOfUnity(10);
        bool nttOk = true;
        foreach (int j in new[] { 0, 1, 513, 1023 })
        {
            var x = omega.Pow((ulong)j);
            var acc = Fr.Zero;
            for (int i = a.Length - 1; i >= 0; i--) acc = acc * x + a[i];
            nttOk &= acc == f[j];
        }
        ntt.Transform(f, inverse: true);
        nttOk &= f.AsSpan().SequenceEqual(a);
        // a whole Groth16 prove with every NTT, vector operation and MSM compared with the CPU backend's
        bool proveOk = true;
        try
        {
            var (key, witness) = SyntheticCircuit.Create(10, 10);
            var dual = new DualBackend(new CpuBackend(), backend);   // not disposed: that would dispose the GPU backend
            new Prover(key, dual).Prove(witness);
        }
        catch (BackendMismatchException e)
        {
            Console.WriteLine($"# {e.Message}");
            proveOk = false;
        }
        Console.WriteLine($"# check vs CPU: MSM 300 points {Ok(msmOk)}, NTT 2^10 {Ok(nttOk)}, Groth16 prove 2^10 step by step {Ok(proveOk)}");
        return msmOk && nttOk && proveOk;
    }

    private static string Ok(bool ok) => ok ? "ok" : "MISMATCH";

    private static Fr[] RandomScalars(int n, Random rng) => Enumerable.Range(0, n).Select(_ => Fr.Random(rng)).ToArray();

    private static G1Projective[] Multiples(G1Projective step, int n)
    {
        // step, 2·step, ...: cheap to make, distinct, and on the curve
        var pts = new G1Projective[n];
        var acc = step;
        for (int i = 0; i < n; i++) { pts[i] = acc; acc += step; }
        return pts;
    }

    private static void Row(string name, int log, int repeat, Action run)
    {
        run();   // warm-up: compiles or loads the kernels, allocates twiddles
        var times = new double[repeat];
        for (int r = 0; r < repeat; r++)
        {
            var sw = Stopwatch.StartNew();
            run();
            times[r] = sw.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        Console.WriteLine($"| {name} | 2^{log} | {times[repeat / 2]:F2} | {times[0]:F2} | {repeat} |");
    }
}
