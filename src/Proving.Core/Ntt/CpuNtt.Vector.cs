using System.Runtime.CompilerServices;
using Proving.Core.Algebra;
using Proving.Core.Curves.Bn254;
using V = Proving.Core.Algebra.MontgomeryVector8<Proving.Core.Curves.Bn254.FrModulus>;

namespace Proving.Core.Ntt;

/// <summary>
/// Butterflies eight at a time for BN254 Fr on AVX-512 hardware (<see cref="MontgomeryVector8{TM}"/>): each run of
/// eight consecutive j is loaded, transposed to limb vectors, added, subtracted and multiplied there, and stored back,
/// so the data layout in memory stays the scalar one and both paths can be mixed freely. Twiddles come from the same
/// tables as the scalar code (gathered with stride; the 29-bit split is done per use, not stored, which keeps the
/// tables at 32 bytes per entry). The stages of length 2, 4 and 8 inside a cache block, whose runs are shorter than
/// eight, take eight groups at a time instead (same j, one twiddle; strided loads and stores).
/// The run methods are compiled fully optimised at once (AggressiveOptimization): at tier 0 the vector helpers are not
/// inlined and the code is about 20 times slower, and a prover calls each NTT size only a few times.
/// </summary>
public static unsafe partial class CpuNtt
{
    [ThreadStatic] private static bool _scalarOnly;

    /// <summary>Whether the vector butterflies may run (default true; they run only where AVX-512 is present and the field
    /// is BN254 Fr). Per calling thread: a switch for benchmarks and tests that compare against the scalar butterflies.</summary>
    internal static bool VectorButterflies { get => !_scalarOnly; set => _scalarOnly = !value; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool UseVectorButterflies<T>() => typeof(T) == typeof(Fr) && V.IsSupported && VectorButterflies;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V.Soa4 Twiddles<T>(T* tw, long j, int stride) where T : unmanaged =>
        stride == 1 ? V.Load((Limbs4*)(tw + j)) : V.LoadStrided((Limbs4*)(tw + j * stride), stride);

    /// <summary>DIF butterflies for j in [j0, j0 + 8k), the largest multiple of 8 in [j0, j1); returns the next j.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int DifRunVector<T>(T* x, T* y, T* tw, int stride, int j0, int j1) where T : unmanaged
    {
        int j = j0;
        for (; j + 8 <= j1; j += 8)
        {
            var a = V.Load((Limbs4*)(x + j));
            var b = V.Load((Limbs4*)(y + j));
            V.Store((Limbs4*)(x + j), V.Add(a, b));
            V.Store((Limbs4*)(y + j), V.Mul(V.Sub(a, b), Twiddles(tw, j, stride)));
        }
        return j;
    }

    /// <summary>DIT butterflies for j in [j0, j0 + 8k), the largest multiple of 8 in [j0, j1); returns the next j.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int DitRunVector<T>(T* x, T* y, T* tw, int stride, int j0, int j1) where T : unmanaged
    {
        int j = j0;
        for (; j + 8 <= j1; j += 8)
        {
            var a = V.Load((Limbs4*)(x + j));
            var t = V.Mul(V.Load((Limbs4*)(y + j)), Twiddles(tw, j, stride));
            V.Store((Limbs4*)(x + j), V.Add(a, t));
            V.Store((Limbs4*)(y + j), V.Sub(a, t));
        }
        return j;
    }

    /// <summary>One DIF stage of half length <paramref name="half"/> &lt; 8 over a block of <paramref name="size"/> points
    /// (size &gt;= 16·half), lanes = eight consecutive groups at the same j.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DifSmallVector<T>(T* x, int size, int half, T* tw, int stride) where T : unmanaged
    {
        int len = 2 * half;
        for (int g = 0; g < size; g += 8 * len)
            for (int j = 0; j < half; j++)
            {
                var p = (Limbs4*)(x + g + j);
                var q = (Limbs4*)(x + g + j + half);
                var a = V.LoadStrided(p, len);
                var b = V.LoadStrided(q, len);
                V.StoreStrided(p, len, V.Add(a, b));
                var d = V.Sub(a, b);
                V.StoreStrided(q, len, j == 0 ? d : V.Mul(d, V.Broadcast(*(Limbs4*)(tw + (long)j * stride))));
            }
    }

    /// <summary>One DIT stage of half length <paramref name="half"/> &lt; 8 over a block of <paramref name="size"/> points
    /// (size &gt;= 16·half), lanes = eight consecutive groups at the same j.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DitSmallVector<T>(T* x, int size, int half, T* tw, int stride) where T : unmanaged
    {
        int len = 2 * half;
        for (int g = 0; g < size; g += 8 * len)
            for (int j = 0; j < half; j++)
            {
                var p = (Limbs4*)(x + g + j);
                var q = (Limbs4*)(x + g + j + half);
                var a = V.LoadStrided(p, len);
                var b = V.LoadStrided(q, len);
                var t = j == 0 ? b : V.Mul(b, V.Broadcast(*(Limbs4*)(tw + (long)j * stride)));
                V.StoreStrided(p, len, V.Add(a, t));
                V.StoreStrided(q, len, V.Sub(a, t));
            }
    }
}
