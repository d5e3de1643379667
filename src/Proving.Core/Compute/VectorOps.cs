using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Proving.Core.Algebra;
using Proving.Core.Curves.Bn254;
using Proving.Core.Ntt;

namespace Proving.Core.Compute;

/// <summary>
/// Element-wise operations on field vectors that a prover needs around its NTTs (quotient computation, coset shifts,
/// denominators), parallel over all cores for long vectors. Generic over any field with a struct type argument.
/// </summary>
public static unsafe class VectorOps
{
    private const int MinChunk = 1 << 12;

    /// <summary>a[i] = a[i] * b[i] for every i.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void PointwiseMul<T>(Span<T> a, ReadOnlySpan<T> b) where T : unmanaged, IField<T>
    {
        CheckLengths(a.Length, b.Length);
        fixed (T* pa = a) fixed (T* pb = b)
        {
            nint xa = (nint)pa, xb = (nint)pb;
            ParallelChunks.For(a.Length, MinChunk, (s, e) =>
            {
                T* x = (T*)xa, y = (T*)xb;
                int i = s;
                if (FrVectorKernels.Enabled<T>()) i += FrVectorKernels.PointwiseMul(x + s, y + s, e - s);
                for (; i < e; i++) x[i] = x[i] * y[i];
            });
        }
    }

    /// <summary>a[i] = a[i] - b[i] for every i.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void Sub<T>(Span<T> a, ReadOnlySpan<T> b) where T : unmanaged, IField<T>
    {
        CheckLengths(a.Length, b.Length);
        fixed (T* pa = a) fixed (T* pb = b)
        {
            nint xa = (nint)pa, xb = (nint)pb;
            ParallelChunks.For(a.Length, MinChunk, (s, e) =>
            {
                T* x = (T*)xa, y = (T*)xb;
                for (int i = s; i < e; i++) x[i] = x[i] - y[i];
            });
        }
    }

    /// <summary>v[i] = v[i] * c for every i.</summary>
    public static void Scale<T>(Span<T> values, T c) where T : unmanaged, IField<T>
    {
        fixed (T* pv = values)
        {
            nint xv = (nint)pv;
            ParallelChunks.For(values.Length, MinChunk, (s, e) =>
            {
                T* x = (T*)xv;
                int i = s;
                if (FrVectorKernels.Enabled<T>()) i += FrVectorKernels.Scale(x + s, e - s, Unsafe.As<T, Fr>(ref c));
                for (; i < e; i++) x[i] = x[i] * c;
            });
        }
    }

    /// <summary>v[i] = v[i] * g^i for every i (a coset shift of a coefficient vector by g).</summary>
    public static void ScaleByPowers<T>(Span<T> values, T g) where T : unmanaged, IField<T> =>
        ScaleByPowers(values, g, T.One, bitReversed: false);

    /// <summary>
    /// v[p] = v[p] * c * g^i where i = p, or, when <paramref name="bitReversed"/> is set, i is the bit reversal of p in
    /// log2(length) bits (the vector is stored in bit-reversed order).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="bitReversed"/> is set and the length is not a power of two.</exception>
    public static void ScaleByPowers<T>(Span<T> values, T g, T c, bool bitReversed) where T : unmanaged, IField<T>
    {
        int n = values.Length;
        if (bitReversed && (n & (n - 1)) != 0) throw new ArgumentException($"bit-reversed order needs a power-of-two length, got {n}");
        int logN = n <= 1 ? 0 : System.Numerics.BitOperations.Log2((uint)n);
        fixed (T* pv = values)
        {
            nint xv = (nint)pv;
            ParallelChunks.For(n, MinChunk, (s, e) =>
            {
                T* x = (T*)xv;
                T p = c * Pow(g, (ulong)s);
                int i = s;
                if (!bitReversed && FrVectorKernels.Enabled<T>())
                {
                    int done = FrVectorKernels.ScaleByPowers(x + s, e - s, Unsafe.As<T, Fr>(ref p), Unsafe.As<T, Fr>(ref g));
                    if (done > 0) p = p * Pow(g, (ulong)done);
                    i += done;
                }
                for (; i < e; i++)
                {
                    int pos = bitReversed ? BitReversal.Reverse(i, logN) : i;
                    x[pos] = x[pos] * p;
                    p = p * g;
                }
            });
        }
    }

    /// <summary>Replaces each non-zero element by its inverse (zeros stay zero), by Montgomery's trick per chunk.</summary>
    public static void BatchInvert<T>(Span<T> values) where T : unmanaged, IField<T>
    {
        fixed (T* pv = values)
        {
            nint xv = (nint)pv;
            int n = values.Length;
            ParallelChunks.For(n, MinChunk, (s, e) => BatchInversion.InvertInPlace(new Span<T>((T*)xv + s, e - s)));
        }
    }

    /// <summary>x^e by square-and-multiply (variable-time in e).</summary>
    public static T Pow<T>(T x, ulong e) where T : struct, IField<T>
    {
        T r = T.One;
        while (e != 0)
        {
            if ((e & 1) != 0) r = r * x;
            x = x.Square();
            e >>= 1;
        }
        return r;
    }

    private static void CheckLengths(int a, int b)
    {
        if (a != b) throw new ArgumentException($"vector lengths differ: {a} and {b}");
    }
}
