using Proving.Core.Algebra;
using Proving.Core.Compute;

namespace Proving.Core.Ntt;

/// <summary>
/// In-place number-theoretic transforms over a two-adic field on the CPU: iterative radix-2 (decimation in frequency
/// from natural order, decimation in time from bit-reversed order) with twiddles cached per domain
/// (<see cref="NttDomain{T}"/>), cache blocking (the last 11 stages run block by block inside L1/L2), and all cores for
/// vectors of 2^13 elements or more. Matches snarkjs / ffjavascript: the forward transform of a natural-order vector
/// a of length n = 2^k returns out[j] = Σ a[i]·(g·ω^j)^i with ω = T.RootOfUnity(k) and g the coset shift (1 when none).
/// For BN254 Fr on AVX-512 hardware the butterflies run eight at a time (CpuNtt.Vector.cs).
/// <para>
/// Radix-2 only, by measurement: fusing the stages outside the cache blocks two per pass (radix-2^2, which in a prime
/// field keeps 4 general multiplications per 4 points, as a true radix-4 butterfly does) halved those passes over memory
/// but measured 0.98-1.0x with scalar butterflies and 0.92-0.96x with the AVX-512 ones at 2^16..2^20 (process CPU time,
/// issue #3), so it was not kept.
/// </para>
/// </summary>
public static unsafe partial class CpuNtt
{
    private const int LogBlock = 11;
    private const int ParallelFrom = 1 << 13;

    /// <summary>Forward transform, natural order in and out, no coset.</summary>
    /// <exception cref="ArgumentException">The length is not a power of two.</exception>
    public static void Forward<T>(Span<T> values) where T : unmanaged, ITwoAdicField<T> =>
        Transform(values, NttDirection.Forward);

    /// <summary>Inverse transform (scaled by 1/n), natural order in and out, no coset.</summary>
    /// <exception cref="ArgumentException">The length is not a power of two.</exception>
    public static void Inverse<T>(Span<T> values) where T : unmanaged, ITwoAdicField<T> =>
        Transform(values, NttDirection.Inverse);

    /// <summary>
    /// Transforms <paramref name="values"/> in place. The vector holds <paramref name="batchSize"/> columns stored one after
    /// another, each of length n = values.Length / batchSize, a power of two up to 2^TwoAdicity; each column is transformed
    /// independently. With a coset shift g, the forward transform evaluates at g·ω^j (inputs scaled by g^i first) and the
    /// inverse transform undoes exactly that (outputs scaled by g^-i after).
    /// </summary>
    /// <exception cref="ArgumentException">The batch size is not positive, does not divide the length, the column length is
    /// not a power of two, or the coset shift is zero.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The column length exceeds the field's largest two-adic domain.</exception>
    public static void Transform<T>(Span<T> values, NttDirection direction, NttOrdering ordering = NttOrdering.NaturalToNatural,
        T? cosetShift = null, int batchSize = 1) where T : unmanaged, ITwoAdicField<T>
    {
        if (batchSize <= 0 || values.Length % batchSize != 0)
            throw new ArgumentException($"batch size {batchSize} does not divide the vector length {values.Length}");
        int n = values.Length / batchSize;
        if (n == 0) return;
        if ((n & (n - 1)) != 0) throw new ArgumentException($"NTT length must be a power of two, got {n}");
        if (cosetShift is { IsZero: true }) throw new ArgumentException("coset shift must be non-zero");
        int logN = System.Numerics.BitOperations.Log2((uint)n);
        var domain = NttDomain<T>.Get(logN);
        for (int c = 0; c < batchSize; c++)
            TransformColumn(values.Slice(c * n, n), domain, direction, ordering, cosetShift);
    }

    private static void TransformColumn<T>(Span<T> v, NttDomain<T> domain, NttDirection direction, NttOrdering ordering, T? shift)
        where T : unmanaged, ITwoAdicField<T>
    {
        bool inBitReversed = ordering is NttOrdering.BitReversedToNatural or NttOrdering.BitReversedToBitReversed;
        bool outBitReversed = ordering is NttOrdering.NaturalToBitReversed or NttOrdering.BitReversedToBitReversed;
        bool forward = direction == NttDirection.Forward;
        if (forward && shift is { } g) VectorOps.ScaleByPowers(v, g, T.One, inBitReversed);
        if (domain.Size > 1)
        {
            var block = NttDomain<T>.Get(Math.Min(domain.LogN, LogBlock));
            var tw = forward ? domain.ForwardTwiddles : domain.InverseTwiddles;
            var twBlock = forward ? block.ForwardTwiddles : block.InverseTwiddles;
            fixed (T* x = v) fixed (T* t = tw) fixed (T* tb = twBlock)
            {
                if (!inBitReversed) Dif(x, domain.LogN, t, tb, block.LogN);
                else Dit(x, domain.LogN, t, tb, block.LogN);
            }
            if (inBitReversed == outBitReversed) BitReversal.Permute(v);
        }
        if (!forward)
        {
            if (shift is { } h) VectorOps.ScaleByPowers(v, h.Inverse(), domain.SizeInverse, outBitReversed);
            else if (domain.Size > 1) VectorOps.Scale(v, domain.SizeInverse);
        }
    }

    /// <summary>Decimation in frequency: natural order in, bit-reversed order out.</summary>
    private static void Dif<T>(T* x, int logN, T* tw, T* twBlock, int logB) where T : unmanaged, ITwoAdicField<T>
    {
        int n = 1 << logN, b = 1 << logB;
        int threads = n >= ParallelFrom ? 0 : 1;
        nint px = (nint)x, pt = (nint)tw, pb = (nint)twBlock;
        bool vec = UseVectorButterflies<T>();
        for (int len = n; len > b; len >>= 1)
        {
            int half = len >> 1, stride = n / len;
            ParallelChunks.For(n / 2, 1 << 10, (s, e) => ForRuns(s, e, half, (blk, j0, j1) =>
                DifRun(vec, (T*)px + blk * 2 * half, half, (T*)pt, stride, j0, j1)), threads);
        }
        ParallelChunks.For(n / b, 1, (s, e) =>
        {
            for (int blk = s; blk < e; blk++)
            {
                T* xb = (T*)px + (long)blk * b;
                for (int len = b; len >= 2; len >>= 1)
                {
                    int half = len >> 1, stride = b / len;
                    if (vec && half < 8 && b >= 16 * half) DifSmallVector(xb, b, half, (T*)pb, stride);
                    else for (int o = 0; o < b; o += len) DifRun(vec, xb + o, half, (T*)pb, stride, 0, half);
                }
            }
        }, threads);
    }

    /// <summary>Decimation in time: bit-reversed order in, natural order out.</summary>
    private static void Dit<T>(T* x, int logN, T* tw, T* twBlock, int logB) where T : unmanaged, ITwoAdicField<T>
    {
        int n = 1 << logN, b = 1 << logB;
        int threads = n >= ParallelFrom ? 0 : 1;
        nint px = (nint)x, pt = (nint)tw, pb = (nint)twBlock;
        bool vec = UseVectorButterflies<T>();
        ParallelChunks.For(n / b, 1, (s, e) =>
        {
            for (int blk = s; blk < e; blk++)
            {
                T* xb = (T*)px + (long)blk * b;
                for (int len = 2; len <= b; len <<= 1)
                {
                    int half = len >> 1, stride = b / len;
                    if (vec && half < 8 && b >= 16 * half) DitSmallVector(xb, b, half, (T*)pb, stride);
                    else for (int o = 0; o < b; o += len) DitRun(vec, xb + o, half, (T*)pb, stride, 0, half);
                }
            }
        }, threads);
        for (int len = 2 * b; len <= n; len <<= 1)
        {
            int half = len >> 1, stride = n / len;
            ParallelChunks.For(n / 2, 1 << 10, (s, e) => ForRuns(s, e, half, (blk, j0, j1) =>
                DitRun(vec, (T*)px + blk * 2 * half, half, (T*)pt, stride, j0, j1)), threads);
        }
    }

    /// <summary>Splits butterfly indices [s, e) of one stage into runs (block, j0, j1) inside one butterfly group.</summary>
    private static void ForRuns(int s, int e, int half, Action<long, int, int> run)
    {
        int shift = System.Numerics.BitOperations.Log2((uint)half);
        for (int k = s; k < e;)
        {
            int blk = k >> shift, j = k & (half - 1);
            int count = Math.Min(e - k, half - j);
            run(blk, j, j + count);
            k += count;
        }
    }

    /// <summary>DIF butterflies j in [j0, j1) of one group: (a, b) to (a + b, (a - b)·w^j).</summary>
    private static void DifRun<T>(bool vec, T* x, int half, T* tw, int stride, int j0, int j1) where T : unmanaged, ITwoAdicField<T>
    {
        T* y = x + half;
        int j = vec ? DifRunVector(x, y, tw, stride, j0, j1) : j0;
        if (j == 0 && j < j1)
        {
            T a = x[0], b = y[0];
            x[0] = a + b;
            y[0] = a - b;
            j = 1;
        }
        for (; j < j1; j++)
        {
            T a = x[j], b = y[j];
            x[j] = a + b;
            y[j] = (a - b) * tw[(long)j * stride];
        }
    }

    /// <summary>DIT butterflies j in [j0, j1) of one group: (a, b) to (a + b·w^j, a - b·w^j).</summary>
    private static void DitRun<T>(bool vec, T* x, int half, T* tw, int stride, int j0, int j1) where T : unmanaged, ITwoAdicField<T>
    {
        T* y = x + half;
        int j = vec ? DitRunVector(x, y, tw, stride, j0, j1) : j0;
        if (j == 0 && j < j1)
        {
            T a = x[0], b = y[0];
            x[0] = a + b;
            y[0] = a - b;
            j = 1;
        }
        for (; j < j1; j++)
        {
            T a = x[j], t = y[j] * tw[(long)j * stride];
            x[j] = a + t;
            y[j] = a - t;
        }
    }
}
