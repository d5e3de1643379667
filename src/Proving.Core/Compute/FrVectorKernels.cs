using System.Runtime.CompilerServices;
using Proving.Core.Algebra;
using Proving.Core.Curves.Bn254;
using V = Proving.Core.Algebra.MontgomeryVector8<Proving.Core.Curves.Bn254.FrModulus>;

namespace Proving.Core.Compute;

/// <summary>
/// The element-wise loops of <see cref="VectorOps"/> for BN254 Fr, eight elements at a time with AVX-512
/// (<see cref="MontgomeryVector8{TM}"/>). Each kernel handles the largest multiple of eight and returns how many elements
/// it did; the caller's scalar loop does the rest, and all of it when <see cref="Enabled{T}"/> is false. Compiled fully
/// optimised at once (AggressiveOptimization): at tier 0 the vector helpers are not inlined.
/// </summary>
internal static unsafe class FrVectorKernels
{
    /// <summary>Whether T is BN254 Fr and the AVX-512 kernels run on this machine (false under DOTNET_EnableHWIntrinsic=0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Enabled<T>() => typeof(T) == typeof(Fr) && V.IsSupported;

    /// <summary>x[i] = x[i] * y[i] for i &lt; 8⌊count/8⌋; returns that count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int PointwiseMul(void* x, void* y, int count)
    {
        Limbs4* a = (Limbs4*)x, b = (Limbs4*)y;
        int i = 0;
        for (; i + 8 <= count; i += 8) V.Store(a + i, V.Mul(V.Load(a + i), V.Load(b + i)));
        return i;
    }

    /// <summary>x[i] = x[i] * c for i &lt; 8⌊count/8⌋; returns that count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Scale(void* x, int count, in Fr c)
    {
        Limbs4* a = (Limbs4*)x;
        var cv = V.Broadcast(c.Mont);
        int i = 0;
        for (; i + 8 <= count; i += 8) V.Store(a + i, V.Mul(V.Load(a + i), cv));
        return i;
    }

    /// <summary>x[i] = x[i] * p * g^i for i &lt; 8⌊count/8⌋ (two vector multiplications per eight elements: the data by
    /// the eight current powers, the powers by g^8); returns that count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int ScaleByPowers(void* x, int count, in Fr p, in Fr g)
    {
        if (count < 8) return 0;
        Limbs4* a = (Limbs4*)x;
        Limbs4* start = stackalloc Limbs4[8];
        Fr q = p;
        for (int k = 0; k < 8; k++) { start[k] = q.Mont; q *= g; }
        var powers = V.Load(start);
        var step = V.Broadcast(g.Pow(8).Mont);
        int i = 0;
        for (; i + 8 <= count; i += 8)
        {
            V.Store(a + i, Product(V.Load(a + i), powers));
            powers = Product(powers, step);
        }
        return i;
    }

    /// <summary>Eight products as a call to one fully optimised method: two multiplications inlined into one loop
    /// exhaust the JIT's inlining budget, and the second then ran as calls into its unspecialised pieces (measured:
    /// ScaleByPowers at 2^12 took 0.53 ms, ten times Scale's 0.045 ms; see FqLanes.Product).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static V.Soa4 Product(in V.Soa4 a, in V.Soa4 b) => V.Mul(a, b);
}
