namespace Proving.Gpu.Bench;

/// <summary>Command line: --runtime cuda|opencl (default: cuda if available, else opencl), --device N,
/// --msm 16,18 (log2 sizes, G1), --msm-g2 16, --ntt 16,20, --groth16 18,20 (synthetic keys), --zkey F --wtns F (a
/// real circuit), --repeat N (timed runs per size, after one warm-up). An empty list ("") skips that primitive.</summary>
internal sealed record BenchOptions(string? Runtime, int Device, int[] MsmLogSizes, int[] MsmG2LogSizes, int[] NttLogSizes,
    int[] Groth16LogSizes, string? Zkey, string? Wtns, int Repeat)
{
    private const string Usage = "options: --runtime cuda|opencl --device N --msm 16,18 --msm-g2 16 --ntt 16,20 --groth16 18,20 --zkey F --wtns F --repeat N";

    public static BenchOptions Parse(string[] args)
    {
        string? runtime = null, zkey = null, wtns = null;
        int device = 0, repeat = 5;
        int[] msm = [16, 18, 20, 22, 24], msmG2 = [16, 18], ntt = [16, 18, 20, 22, 24], groth16 = [18, 20];
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--runtime": runtime = Next(); break;
                case "--device": device = Int(Next()); break;
                case "--repeat": repeat = Math.Max(1, Int(Next())); break;
                case "--msm": msm = Sizes(Next()); break;
                case "--msm-g2": msmG2 = Sizes(Next()); break;
                case "--ntt": ntt = Sizes(Next()); break;
                case "--groth16": groth16 = Sizes(Next()); break;
                case "--zkey": zkey = Next(); break;
                case "--wtns": wtns = Next(); break;
                default: throw new ArgumentException($"unknown option {args[i]}; {Usage}");
            }
        }
        if ((zkey == null) != (wtns == null)) throw new ArgumentException($"--zkey and --wtns go together; {Usage}");
        return new BenchOptions(runtime, device, msm, msmG2, ntt, groth16, zkey, wtns, repeat);
    }

    private static int Int(string s) => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static int[] Sizes(string s) => s.Length == 0 ? [] : s.Split(',').Select(Int).ToArray();
}
