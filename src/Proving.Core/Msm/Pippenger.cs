using Proving.Core.Algebra;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;

namespace Proving.Core.Msm;

/// <summary>
/// Pippenger's bucket method for Σ k_i·P_i with signed c-bit digits: each scalar (canonical value &lt; r &lt; 2^254) is
/// recoded into floor(254/c) + 1 digits d in (-2^(c-1), 2^(c-1)], so a window needs 2^(c-1) buckets (|d| - 1 selects
/// the bucket, the sign negates the base's y). Buckets are accumulated in XYZZ coordinates with mixed additions,
/// summed by the running-sum trick, and the window sums are combined with c doublings each. Windows are independent
/// and run in parallel. Points at infinity and zero digits cost nothing.
/// </summary>
internal static unsafe class Pippenger
{
    /// <summary>Bits of the largest scalar: r &lt; 2^254.</summary>
    public const int ScalarBits = 254;

    /// <summary>Window width c minimising (windows) × (n mixed additions + 2·2^(c-1) bucket additions), with bucket
    /// additions weighted 1.3× a mixed addition, capped at 16 bits (the bucket array then stays near L2 size).</summary>
    public static int DefaultWindowBits(int n)
    {
        int best = 1;
        double bestCost = double.MaxValue;
        for (int c = 1; c <= 16; c++)
        {
            double cost = (ScalarBits / c + 1) * (n + 2.6 * (1 << (c - 1)));
            if (cost < bestCost) { bestCost = cost; best = c; }
        }
        return best;
    }

    /// <summary>Σ scalars[i]·bases[i] in XYZZ form. <paramref name="windowBits"/> in [1, 20] (0 picks
    /// <see cref="DefaultWindowBits"/>); <paramref name="threads"/> 0 uses every core.</summary>
    public static Xyzz<TF> Run<TAff, TF>(ReadOnlySpan<TAff> bases, ReadOnlySpan<Fr> scalars, int windowBits, int threads)
        where TAff : unmanaged, IAffinePoint<TAff, TF>
        where TF : unmanaged, IField<TF>
    {
        int n = bases.Length;
        if (n == 0) return Xyzz<TF>.Infinity;
        int c = windowBits > 0 ? windowBits : DefaultWindowBits(n);
        int windows = ScalarBits / c + 1;
        int degree = threads > 0 ? threads : ParallelChunks.Degree;
        if (n < 64) degree = 1;
        var digits = Recode<TAff, TF>(bases, scalars, c, windows, degree);
        fixed (TAff* pb = bases) fixed (int* pd = digits)
            return RunDigits<TAff, TF>(pb, pd, n, n, windows, c, degree);
    }

    /// <summary>
    /// Signed c-bit digits of every scalar (bases at infinity get all-zero digits), grouped into slices of
    /// <paramref name="windowsPerSlice"/> = s windows: with F = ceil(W / s) slices of the W = 254/c + 1 windows, the
    /// digit of window w = k·s + j of scalar i is at [j·F·n + k·n + i], i.e. s rows of F·n digits, row j holding window j
    /// of every slice. s = W gives the plain layout [w·n + i]; digits of windows W..F·s-1 are zero.
    /// </summary>
    public static int[] Recode<TAff, TF>(ReadOnlySpan<TAff> bases, ReadOnlySpan<Fr> scalars, int c, int windowsPerSlice, int degree)
        where TAff : unmanaged, IAffinePoint<TAff, TF>
        where TF : unmanaged, IField<TF>
    {
        int n = bases.Length;
        int windows = ScalarBits / c + 1;
        int slices = (windows + windowsPerSlice - 1) / windowsPerSlice;
        var digits = new int[(long)windowsPerSlice * slices * n];
        fixed (TAff* pb = bases) fixed (Fr* ps = scalars) fixed (int* pd = digits)
        {
            nint xb = (nint)pb, xs = (nint)ps, xd = (nint)pd;
            ParallelChunks.For(n, 1 << 12, (s, e) => Recode<TAff, TF>((TAff*)xb, (Fr*)xs, (int*)xd, n, s, e, c, windows, windowsPerSlice, slices), degree);
        }
        return digits;
    }

    /// <summary>
    /// Σ over windows w of 2^(c·w)·Σ_i digits[w·stride + i]·bases[i] for n bases: window sums in parallel over up to
    /// <paramref name="degree"/> workers, combined with c doublings each.
    /// </summary>
    public static Xyzz<TF> RunDigits<TAff, TF>(TAff* bases, int* digits, int n, long stride, int windows, int c, int degree)
        where TAff : unmanaged, IAffinePoint<TAff, TF>
        where TF : unmanaged, IField<TF>
    {
        var sums = new Xyzz<TF>[windows];
        nint xb = (nint)bases, xd = (nint)digits;
        var options = new ParallelOptions { MaxDegreeOfParallelism = degree };
        Parallel.For(0, windows, options, () => new Xyzz<TF>[1 << (c - 1)], (w, _, buckets) =>
        {
            sums[w] = WindowSum<TAff, TF>((TAff*)xb, (int*)xd + w * stride, n, buckets);
            return buckets;
        }, _ => { });
        var acc = sums[windows - 1];
        for (int w = windows - 2; w >= 0; w--)
        {
            for (int i = 0; i < c; i++) Xyzz<TF>.Double(ref acc);
            Xyzz<TF>.Add(ref acc, sums[w]);
        }
        return acc;
    }

    /// <summary>Recoding of scalars [s, e) into the slice layout of the public <c>Recode</c>.</summary>
    private static void Recode<TAff, TF>(TAff* bases, Fr* scalars, int* digits, int n, int s, int e, int c, int windows, int windowsPerSlice, int slices)
        where TAff : unmanaged, IAffinePoint<TAff, TF>
        where TF : unmanaged, IField<TF>
    {
        int half = 1 << (c - 1), full = 1 << c;
        ulong mask = (1UL << c) - 1;
        long row = (long)slices * n;
        for (int i = s; i < e; i++)
        {
            if (bases[i].IsInfinity) continue; // the array is freshly zeroed
            var k = Montgomery4<FrModulus>.FromMontgomery(scalars[i].Mont);
            int carry = 0;
            int j = 0;
            long slice = i;
            for (int w = 0; w < windows; w++)
            {
                int d = (int)(Bits(k, w * c) & mask) + carry;
                carry = 0;
                if (d > half) { d -= full; carry = 1; }
                digits[j * row + slice] = d;
                if (++j == windowsPerSlice) { j = 0; slice += n; }
            }
        }
    }

    /// <summary>64 bits of k starting at bit <paramref name="offset"/> (zero-filled above bit 255).</summary>
    private static ulong Bits(in Limbs4 k, int offset)
    {
        int limb = offset >> 6, shift = offset & 63;
        if (limb >= 4) return 0;
        ulong lo = k[limb] >> shift;
        if (shift != 0 && limb + 1 < 4) lo |= k[limb + 1] << (64 - shift);
        return lo;
    }

    private static Xyzz<TF> WindowSum<TAff, TF>(TAff* bases, int* digits, int n, Xyzz<TF>[] buckets)
        where TAff : unmanaged, IAffinePoint<TAff, TF>
        where TF : unmanaged, IField<TF>
    {
        Array.Clear(buckets);
        int used = 0;
        for (int i = 0; i < n; i++)
        {
            int d = digits[i];
            if (d == 0) continue;
            ref readonly TAff p = ref bases[i];
            if (d > 0)
            {
                Xyzz<TF>.AddAffine(ref buckets[d - 1], p.X, p.Y);
                if (d > used) used = d;
            }
            else
            {
                Xyzz<TF>.SubAffine(ref buckets[-d - 1], p.X, p.Y);
                if (-d > used) used = -d;
            }
        }
        // Σ (b + 1)·bucket[b] = Σ over b of the running sum of buckets from the top down.
        var running = Xyzz<TF>.Infinity;
        var sum = Xyzz<TF>.Infinity;
        for (int b = used - 1; b >= 0; b--)
        {
            Xyzz<TF>.Add(ref running, buckets[b]);
            Xyzz<TF>.Add(ref sum, running);
        }
        return sum;
    }
}
