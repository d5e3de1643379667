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
/// tables at 32 bytes per entry). Runs shorter than eight (the stages of length 2..8) and tails stay scalar.
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

    /// <summary>The radix-2^2 DIF butterflies of <see cref="DifRun4{T}"/> eight j at a time; returns the next j.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int DifRun4Vector<T>(T* x, int quarter, T* tw, int stride, int j0, int j1) where T : unmanaged
    {
        T* x1 = x + quarter, x2 = x1 + quarter, x3 = x2 + quarter;
        int j = j0;
        for (; j + 8 <= j1; j += 8)
        {
            var a0 = V.Load((Limbs4*)(x + j));
            var a1 = V.Load((Limbs4*)(x1 + j));
            var a2 = V.Load((Limbs4*)(x2 + j));
            var a3 = V.Load((Limbs4*)(x3 + j));
            var w2 = Twiddles(tw, j, 2 * stride);
            var b0 = V.Add(a0, a2);
            var b2 = V.Mul(V.Sub(a0, a2), Twiddles(tw, j, stride));
            var b1 = V.Add(a1, a3);
            var b3 = V.Mul(V.Sub(a1, a3), Twiddles(tw, j + (long)quarter, stride));
            V.Store((Limbs4*)(x + j), V.Add(b0, b1));
            V.Store((Limbs4*)(x1 + j), V.Mul(V.Sub(b0, b1), w2));
            V.Store((Limbs4*)(x2 + j), V.Add(b2, b3));
            V.Store((Limbs4*)(x3 + j), V.Mul(V.Sub(b2, b3), w2));
        }
        return j;
    }

    /// <summary>The radix-2^2 DIT butterflies of <see cref="DitRun4{T}"/> eight j at a time; returns the next j.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int DitRun4Vector<T>(T* x, int quarter, T* tw, int stride, int j0, int j1) where T : unmanaged
    {
        T* x1 = x + quarter, x2 = x1 + quarter, x3 = x2 + quarter;
        int j = j0;
        for (; j + 8 <= j1; j += 8)
        {
            var w2 = Twiddles(tw, j, 2 * stride);
            var a0 = V.Load((Limbs4*)(x + j));
            var a1 = V.Mul(V.Load((Limbs4*)(x1 + j)), w2);
            var a2 = V.Load((Limbs4*)(x2 + j));
            var a3 = V.Mul(V.Load((Limbs4*)(x3 + j)), w2);
            V.Soa4 b0 = V.Add(a0, a1), b1 = V.Sub(a0, a1), b2 = V.Add(a2, a3), b3 = V.Sub(a2, a3);
            var t2 = V.Mul(b2, Twiddles(tw, j, stride));
            var t3 = V.Mul(b3, Twiddles(tw, j + (long)quarter, stride));
            V.Store((Limbs4*)(x + j), V.Add(b0, t2));
            V.Store((Limbs4*)(x2 + j), V.Sub(b0, t2));
            V.Store((Limbs4*)(x1 + j), V.Add(b1, t3));
            V.Store((Limbs4*)(x3 + j), V.Sub(b1, t3));
        }
        return j;
    }
}
