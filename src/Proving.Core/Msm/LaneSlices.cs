using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Proving.Core.Algebra;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;
using V8 = Proving.Core.Algebra.MontgomeryVector8<Proving.Core.Curves.Bn254.FqModulus>;

namespace Proving.Core.Msm;

/// <summary>
/// The precomputation slices of <see cref="PrecomputedPippenger.BuildSlices{TProj, TAff, TF}"/> for BN254 G1 (Fq) and
/// G2 (Fq2) eight bases at a time on AVX-512 (<see cref="ILaneField{TV}"/>): each worker's share of the bases is cut
/// into blocks, a block into groups of eight (base 8g + j in lane j; the last group padded with identity lanes), and
/// per slice every group is doubled shiftBits times in lane form (<see cref="LaneJacobian{TL, TV}"/>) and normalised
/// by Montgomery's trick over eight independent prefix-product chains (one per lane, across the groups), whose eight
/// totals share one field inversion. The output equals the scalar path's bit for bit: the same doubling formula, the
/// same affine values, and <c>TAff.Infinity</c> wherever Z = 0.
/// </summary>
internal static unsafe class LaneSlices
{
    /// <summary>Bases per block: per slice and block one inversion; lane state of 4 vectors per group (X, Y, Z, prefix
    /// product), 256 KiB per block on G1 and 512 KiB on G2.</summary>
    private const int Block = 2048;

    /// <summary>Whether this path applies to <typeparamref name="TAff"/> over <typeparamref name="TF"/>: BN254 G1 or G2
    /// on hardware where <see cref="MontgomeryVector8{TM}"/> runs (not under DOTNET_EnableHWIntrinsic=0).</summary>
    public static bool Applies<TAff, TF>() =>
        ((typeof(TF) == typeof(Fq) && typeof(TAff) == typeof(G1Affine)) || (typeof(TF) == typeof(Fq2) && typeof(TAff) == typeof(G2Affine)))
        && V8.IsSupported;

    /// <summary>
    /// Writes 2^(k·shiftBits)·bases[i] to result[k·n + i] for 1 ≤ k &lt; <paramref name="slices"/> (slice 0 is left to
    /// the caller) on <paramref name="degree"/> workers. The caller has checked <see cref="Applies{TAff, TF}"/>;
    /// <paramref name="result"/> holds slices·n points and is freshly allocated (zeroed).
    /// </summary>
    public static void Build<TAff, TF>(TAff[] bases, TAff[] result, int slices, int shiftBits, int degree)
        where TAff : unmanaged, IAffinePoint<TAff, TF>
        where TF : unmanaged, IField<TF>
    {
        if (typeof(TF) == typeof(Fq)) Build<TAff, TF, FqLanes, V8.Soa4>(bases, result, slices, shiftBits, degree);
        else Build<TAff, TF, Fq2Lanes, Fq2Lanes.Soa>(bases, result, slices, shiftBits, degree);
    }

    private static void Build<TAff, TF, TL, TV>(TAff[] bases, TAff[] result, int slices, int shiftBits, int degree)
        where TAff : unmanaged, IAffinePoint<TAff, TF>
        where TF : unmanaged, IField<TF>
        where TL : struct, ILaneField<TV>
        where TV : unmanaged
    {
        ParallelChunks.For(bases.Length, 64, (start, end) =>
        {
            var state = new TV[4 * ((Math.Min(Block, end - start) + 7) / 8)];
            var scratch = new TAff[8]; // the padding lanes' source and destination
            for (int a = start; a < end; a += Block)
                BuildBlock<TAff, TF, TL, TV>(bases, result, a, Math.Min(Block, end - a), slices, shiftBits, state, scratch);
        }, degree);
    }

    /// <summary>Slices 1.. of bases[a .. a + len): state holds (X, Y, Z, prefix) per group of eight. Compiled fully
    /// optimised at once: at tier 0 the lane helpers are not inlined.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BuildBlock<TAff, TF, TL, TV>(TAff[] bases, TAff[] result, int a, int len, int slices, int shiftBits, TV[] state, TAff[] scratch)
        where TAff : unmanaged, IAffinePoint<TAff, TF>
        where TF : unmanaged, IField<TF>
        where TL : struct, ILaneField<TV>
        where TV : unmanaged
    {
        int n = bases.Length;
        int groups = (len + 7) / 8;
        Limbs4** lane = stackalloc Limbs4*[8];
        ulong* identity = stackalloc ulong[8];
        TF* totals = stackalloc TF[8];
        fixed (TAff* pb = bases, pr = result, ps = scratch)
        fixed (TV* st = state)
        {
            // Jacobian (X, Y, 1) per base; infinity and padding lanes (1, 1, 0).
            for (int g = 0; g < groups; g++)
            {
                int valid = Math.Min(8, len - 8 * g);
                for (int j = 0; j < 8; j++)
                {
                    bool real = j < valid;
                    lane[j] = (Limbs4*)(real ? pb + a + 8 * g + j : ps + j);
                    identity[j] = !real || pb[a + 8 * g + j].IsInfinity ? ulong.MaxValue : 0;
                }
                var isIdentity = Vector512.Load(identity);
                TV* s = st + 4 * g;
                s[0] = TL.Select(isIdentity, TL.One, TL.Gather(lane, 0));
                s[1] = TL.Select(isIdentity, TL.One, TL.Gather(lane, 1));
                s[2] = TL.Select(isIdentity, TL.Zero, TL.One);
            }

            for (int k = 1; k < slices; k++)
            {
                // Double each group shiftBits times; prefix products of the non-zero Z, one chain per lane.
                var acc = TL.One;
                for (int g = 0; g < groups; g++)
                {
                    TV* s = st + 4 * g;
                    for (int t = 0; t < shiftBits; t++) LaneJacobian<TL, TV>.Double(ref s[0], ref s[1], ref s[2]);
                    s[3] = acc;
                    acc = TL.Mul(acc, TL.Select(TL.IsZero(s[2]), TL.One, s[2]));
                }

                // One inversion for the eight lane totals (products of non-zero values, so non-zero).
                TL.Store(totals, acc);
                BatchInversion.InvertInPlace(new Span<TF>(totals, 8));
                var inv = TL.Load(totals);

                // Backward: 1/Z per group, affine coordinates scattered to slice k; identity lanes become infinity.
                TAff* dst = pr + (long)k * n + a;
                for (int g = groups - 1; g >= 0; g--)
                {
                    TV* s = st + 4 * g;
                    var zero = TL.IsZero(s[2]);
                    var zInv = TL.Mul(inv, s[3]);
                    inv = TL.Mul(inv, TL.Select(zero, TL.One, s[2]));
                    LaneJacobian<TL, TV>.ToAffine(s[0], s[1], zInv, out var ax, out var ay);
                    int valid = Math.Min(8, len - 8 * g);
                    for (int j = 0; j < 8; j++) lane[j] = (Limbs4*)(j < valid ? dst + 8 * g + j : ps + j);
                    TL.Scatter(lane, 0, ax);
                    TL.Scatter(lane, 1, ay);
                    for (uint bits = (uint)zero.ExtractMostSignificantBits() & ((1u << valid) - 1); bits != 0; bits &= bits - 1)
                        dst[8 * g + BitOperations.TrailingZeroCount(bits)] = TAff.Infinity;
                }
            }
        }
    }
}
