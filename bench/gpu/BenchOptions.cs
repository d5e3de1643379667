namespace Proving.Gpu.Bench;

/// <summary>Command line: --runtime cuda|opencl (default: cuda if available, else opencl), --device N,
/// --msm 10,12,14 (log2 sizes, G1), --msm-g2 10,12, --ntt 10,14,18, --repeat N (timed runs per size, after one warm-up).</summary>
internal sealed record BenchOptions(string? Runtime, int Device, int[] MsmLogSizes, int[] MsmG2LogSizes, int[] NttLogSizes, int Repeat)
{
    public static BenchOptions Parse(string[] args)
    {
        string? runtime = null;
        int device = 0, repeat = 5;
        int[] msm = [10, 12, 14, 16], msmG2 = [10, 12, 14], ntt = [10, 14, 16, 18, 20];
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--runtime": runtime = Next(); break;
                case "--device": device = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--repeat": repeat = Math.Max(1, int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture)); break;
                case "--msm": msm = Sizes(Next()); break;
                case "--msm-g2": msmG2 = Sizes(Next()); break;
                case "--ntt": ntt = Sizes(Next()); break;
                default: throw new ArgumentException($"unknown option {args[i]}; options: --runtime cuda|opencl --device N --msm 10,12 --msm-g2 10 --ntt 10,16 --repeat N");
            }
        }
        return new BenchOptions(runtime, device, msm, msmG2, ntt, repeat);
    }

    private static int[] Sizes(string s) => s.Length == 0 ? [] :
        s.Split(',').Select(x => int.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
