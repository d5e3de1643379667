using System.Diagnostics;
using Proving.Core.Curves.Bn254;
using Proving.Gpu.Cuda;
using Proving.Gpu.OpenCl;

namespace Proving.Gpu.Bench;

/// <summary>Checks the device against the CPU, then times MSM and NTT (host-to-host, including copies) and prints a table.</summary>
internal static class GpuBench
{
    public static int Run(BenchOptions o)
    {
        string runtime = o.Runtime ?? (CudaRuntime.Status().Available ? "cuda" : "opencl");
        using GpuContext ctx = runtime switch
        {
            "cuda" => CudaRuntime.Open(o.Device),
            "opencl" => OpenClRuntime.Open(o.Device),
            _ => throw new ArgumentException($"unknown runtime '{runtime}' (cuda or opencl)"),
        };
        Console.WriteLine($"# {runtime} #{ctx.Device.Index}: {ctx.Device}");
        Console.WriteLine($"# {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} CPU threads, .NET {Environment.Version}");
        var msm = new GpuMsm(ctx);
        using var ntt = new GpuNtt(ctx);
        if (!Check(msm, ntt)) return 1;
        Console.WriteLine("| primitive | size | median ms | min ms | runs |");
        Console.WriteLine("|---|---|---|---|---|");
        var rng = new Random(1);
        foreach (int log in o.MsmLogSizes)
        {
            int n = 1 << log;
            var points = RandomPoints(n, rng);
            var scalars = Enumerable.Range(0, n).Select(_ => Fr.Random(rng)).ToArray();
            using var bases = msm.UploadBases(points);
            Row($"MSM G1 (resident bases)", log, o.Repeat, () => msm.Msm(bases, scalars));
        }
        foreach (int log in o.MsmG2LogSizes)
        {
            int n = 1 << log;
            var step = G2Projective.Generator * Fr.Random(rng);
            var pts = new G2Projective[n];
            var acc = step;
            for (int i = 0; i < n; i++) { pts[i] = acc; acc += step; }
            var scalars = Enumerable.Range(0, n).Select(_ => Fr.Random(rng)).ToArray();
            using var bases = msm.UploadBases(G2Projective.BatchNormalize(pts));
            Row("MSM G2 (resident bases)", log, o.Repeat, () => msm.Msm(bases, scalars));
        }
        foreach (int log in o.NttLogSizes)
        {
            var v = Enumerable.Range(0, 1 << log).Select(_ => Fr.Random(rng)).ToArray();
            Row("NTT Fr forward", log, o.Repeat, () => ntt.Transform(v, inverse: false));
        }
        return 0;
    }

    private static bool Check(GpuMsm msm, GpuNtt ntt)
    {
        var rng = new Random(7);
        var p = RandomPoints(300, rng);
        var k = Enumerable.Range(0, 300).Select(_ => Fr.Random(rng)).ToArray();
        var expected = G1Projective.Identity;
        for (int i = 0; i < p.Length; i++) expected += G1Projective.FromAffine(p[i]) * k[i];
        bool msmOk = msm.Msm(p, k) == expected;
        var a = Enumerable.Range(0, 1024).Select(_ => Fr.Random(rng)).ToArray();
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
        Console.WriteLine($"# check vs CPU: MSM 300 points {(msmOk ? "ok" : "MISMATCH")}, NTT 2^10 {(nttOk ? "ok" : "MISMATCH")}");
        return msmOk && nttOk;
    }

    private static G1Affine[] RandomPoints(int n, Random rng)
    {
        // multiples of a random point by consecutive integers: cheap to make, distinct, and on the curve
        var step = G1Projective.Generator * Fr.Random(rng);
        var pts = new G1Projective[n];
        var acc = step;
        for (int i = 0; i < n; i++) { pts[i] = acc; acc += step; }
        return G1Projective.BatchNormalize(pts);
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
