using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Proving.Core.Algebra;
using Proving.Core.Curves.Bn254;
using V8 = Proving.Core.Algebra.MontgomeryVector8<Proving.Core.Curves.Bn254.FqModulus>;

namespace Proving.Core.Msm;

/// <summary>
/// Eight elements of a coordinate field at once (<typeparamref name="TV"/>), for the eight-lane batch-affine flush and
/// the eight-lane XYZZ additions of the bucket reduction (<see cref="LaneXyzz{TL, TV, TF}"/>).
/// Elements in memory are those of the scalar field type (Fq: one <see cref="Limbs4"/> in Montgomery form; Fq2: c0 then
/// c1), and an affine point or bucket is laid out as (X, Y).
/// </summary>
internal unsafe interface ILaneField<TV> where TV : unmanaged
{
    /// <summary>Coordinate <paramref name="coordinate"/> (0: X, 1: Y) of the eight points or buckets at p[0..7].</summary>
    static abstract TV Gather(Limbs4** p, int coordinate);

    /// <summary>Writes coordinate <paramref name="coordinate"/> of the eight (distinct) points or buckets at p[0..7].</summary>
    static abstract void Scatter(Limbs4** p, int coordinate, in TV v);

    /// <summary>Eight consecutive field elements at <paramref name="p"/>.</summary>
    static abstract TV Load(void* p);

    /// <summary>Stores eight consecutive field elements at <paramref name="p"/>.</summary>
    static abstract void Store(void* p, in TV v);

    /// <summary>One in every lane.</summary>
    static abstract TV One { get; }

    /// <summary>Zero in every lane.</summary>
    static abstract TV Zero { get; }

    /// <summary>a + b per lane.</summary>
    static abstract TV Add(in TV a, in TV b);

    /// <summary>a - b per lane.</summary>
    static abstract TV Sub(in TV a, in TV b);

    /// <summary>All ones in the lanes where a is zero, zero elsewhere (elements are fully reduced, so zero has one
    /// representation).</summary>
    static abstract Vector512<ulong> IsZero(in TV a);

    /// <summary>a in the lanes where <paramref name="mask"/> is all ones, b elsewhere.</summary>
    static abstract TV Select(Vector512<ulong> mask, in TV a, in TV b);

    /// <summary>a · b per lane.</summary>
    static abstract TV Mul(in TV a, in TV b);

    /// <summary>a^2 per lane.</summary>
    static abstract TV Square(in TV a);

    /// <summary>-a in the lanes where <paramref name="mask"/> is all ones, a elsewhere.</summary>
    static abstract TV NegateWhere(Vector512<ulong> mask, in TV a);
}

/// <summary>BN254 Fq, eight lanes (<see cref="MontgomeryVector8{TM}"/>).</summary>
internal readonly unsafe struct FqLanes : ILaneField<V8.Soa4>
{
    public static V8.Soa4 Gather(Limbs4** p, int coordinate) => V8.Gather(p, coordinate);

    public static void Scatter(Limbs4** p, int coordinate, in V8.Soa4 v) => V8.Scatter(p, coordinate, v);

    public static V8.Soa4 Load(void* p) => V8.Load((Limbs4*)p);

    public static void Store(void* p, in V8.Soa4 v) => V8.Store((Limbs4*)p, v);

    public static V8.Soa4 One => V8.Broadcast(FqModulus.R);

    public static V8.Soa4 Zero => default;

    public static V8.Soa4 Add(in V8.Soa4 a, in V8.Soa4 b) => V8.Add(a, b);

    public static V8.Soa4 Sub(in V8.Soa4 a, in V8.Soa4 b) => V8.Sub(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> IsZero(in V8.Soa4 a) => Vector512.Equals(a.L0 | a.L1 | a.L2 | a.L3, Vector512<ulong>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8.Soa4 Select(Vector512<ulong> mask, in V8.Soa4 a, in V8.Soa4 b) => new()
    {
        L0 = Vector512.ConditionalSelect(mask, a.L0, b.L0),
        L1 = Vector512.ConditionalSelect(mask, a.L1, b.L1),
        L2 = Vector512.ConditionalSelect(mask, a.L2, b.L2),
        L3 = Vector512.ConditionalSelect(mask, a.L3, b.L3),
    };

    public static V8.Soa4 Mul(in V8.Soa4 a, in V8.Soa4 b) => Product(a, b);

    public static V8.Soa4 Square(in V8.Soa4 a) => Product(a, a);

    /// <summary>
    /// The eight products, compiled once as a method of their own, fully optimised, and called (also by
    /// <see cref="Fq2Lanes"/>). The JIT's inlining budget takes about one inlined eight-lane multiplication
    /// per method: callers with several (a point doubling or addition, the Karatsuba product) got the first inlined and
    /// the later ones cut into calls to its unspecialised pieces (Round, M), run at tier 0 until recompiled, and even
    /// small helpers stopped being inlined (observed with DOTNET_JitDisasm, .NET 10; lane XYZZ additions were 1.5x
    /// slower on G1 and 2-3x on G2, lane doublings ~2x). A call costs a few stores and loads beside ~660 instructions
    /// per eight products.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    internal static V8.Soa4 Product(in V8.Soa4 a, in V8.Soa4 b) => V8.Mul(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8.Soa4 NegateWhere(Vector512<ulong> mask, in V8.Soa4 a) => Select(mask, V8.Sub(default, a), a);
}

/// <summary>BN254 Fq2 = Fq[u]/(u^2 + 1), eight lanes as two Fq vectors (c0, c1); Karatsuba multiplication (3 Fq
/// multiplications) and complex squaring (2).</summary>
internal readonly unsafe struct Fq2Lanes : ILaneField<Fq2Lanes.Soa>
{
    /// <summary>Eight Fq2 elements: c0 parts and c1 parts.</summary>
    public struct Soa
    {
        /// <summary>The parts c0 and c1 of the eight elements.</summary>
        public V8.Soa4 C0, C1;
    }

    public static Soa Gather(Limbs4** p, int coordinate) =>
        new() { C0 = V8.Gather(p, 2 * coordinate), C1 = V8.Gather(p, 2 * coordinate + 1) };

    public static void Scatter(Limbs4** p, int coordinate, in Soa v)
    {
        V8.Scatter(p, 2 * coordinate, v.C0);
        V8.Scatter(p, 2 * coordinate + 1, v.C1);
    }

    public static Soa Load(void* p) => new() { C0 = V8.LoadStrided((Limbs4*)p, 2), C1 = V8.LoadStrided((Limbs4*)p + 1, 2) };

    public static void Store(void* p, in Soa v)
    {
        V8.StoreStrided((Limbs4*)p, 2, v.C0);
        V8.StoreStrided((Limbs4*)p + 1, 2, v.C1);
    }

    public static Soa One => new() { C0 = V8.Broadcast(FqModulus.R) };

    public static Soa Zero => default;

    public static Soa Add(in Soa a, in Soa b) => new() { C0 = V8.Add(a.C0, b.C0), C1 = V8.Add(a.C1, b.C1) };

    public static Soa Sub(in Soa a, in Soa b) => new() { C0 = V8.Sub(a.C0, b.C0), C1 = V8.Sub(a.C1, b.C1) };

    public static Vector512<ulong> IsZero(in Soa a) => FqLanes.IsZero(a.C0) & FqLanes.IsZero(a.C1);

    public static Soa Select(Vector512<ulong> mask, in Soa a, in Soa b) =>
        new() { C0 = FqLanes.Select(mask, a.C0, b.C0), C1 = FqLanes.Select(mask, a.C1, b.C1) };

    /// <summary>Karatsuba over the out-of-line Fq lane multiplication (<see cref="FqLanes.Product"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Soa Mul(in Soa a, in Soa b)
    {
        var v0 = FqLanes.Product(a.C0, b.C0);
        var v1 = FqLanes.Product(a.C1, b.C1);
        var s = FqLanes.Product(V8.Add(a.C0, a.C1), V8.Add(b.C0, b.C1));
        return new Soa { C0 = V8.Sub(v0, v1), C1 = V8.Sub(V8.Sub(s, v0), v1) };
    }

    /// <summary>(c0 + c1)(c0 - c1) + 2·c0·c1·u over the out-of-line Fq lane multiplication.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Soa Square(in Soa a)
    {
        var t = FqLanes.Product(a.C0, a.C1);
        return new Soa { C0 = FqLanes.Product(V8.Add(a.C0, a.C1), V8.Sub(a.C0, a.C1)), C1 = V8.Add(t, t) };
    }

    public static Soa NegateWhere(Vector512<ulong> mask, in Soa a) =>
        new() { C0 = FqLanes.NegateWhere(mask, a.C0), C1 = FqLanes.NegateWhere(mask, a.C1) };
}
