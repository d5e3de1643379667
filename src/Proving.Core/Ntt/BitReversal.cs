using System.Runtime.CompilerServices;
using Proving.Core.Compute;

namespace Proving.Core.Ntt;

/// <summary>Index bit reversal and the in-place bit-reversal permutation.</summary>
public static unsafe class BitReversal
{
    /// <summary>The low <paramref name="bits"/> bits of <paramref name="i"/> in reverse order (0 &lt;= bits &lt;= 31).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Reverse(int i, int bits)
    {
        if (bits == 0) return 0;
        uint v = (uint)i;
        v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
        v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
        v = ((v >> 4) & 0x0F0F0F0Fu) | ((v & 0x0F0F0F0Fu) << 4);
        v = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(v);
        return (int)(v >> (32 - bits));
    }

    /// <summary>Permutes <paramref name="values"/> (length a power of two) so that element p moves to Reverse(p).</summary>
    /// <exception cref="ArgumentException">The length is not a power of two.</exception>
    public static void Permute<T>(Span<T> values) where T : unmanaged
    {
        int n = values.Length;
        if ((n & (n - 1)) != 0) throw new ArgumentException($"bit-reversal permutation needs a power-of-two length, got {n}");
        if (n <= 2) return;
        int bits = System.Numerics.BitOperations.Log2((uint)n);
        fixed (T* pv = values)
        {
            nint xv = (nint)pv;
            ParallelChunks.For(n, 1 << 14, (s, e) =>
            {
                T* x = (T*)xv;
                for (int i = s; i < e; i++)
                {
                    int r = Reverse(i, bits);
                    if (i < r) (x[i], x[r]) = (x[r], x[i]);
                }
            });
        }
    }
}
