using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Proving.Core.Algebra;
using Proving.Core.Curves.Bn254;
using V8 = Proving.Core.Algebra.MontgomeryVector8<Proving.Core.Curves.Bn254.FqModulus>;

namespace Proving.Core.Msm;

/// <summary>Process-wide default for the eight-lane batch-affine flush (benchmarks compare both paths in one run).</summary>
internal static class BatchAffineFlush
{
    /// <summary>Whether new G1/G2 accumulators use the AVX-512 flush where the hardware has it (default true).</summary>
    public static bool VectorByDefault = true;
}

/// <summary>
/// The batch flush for BN254 G1 (Fq) and G2 (Fq2) eight additions at a time (<see cref="ILaneField{TV}"/> over
/// <see cref="MontgomeryVector8{TM}"/>). The batch's plain additions are cut into rows of eight (the row's k-th addition
/// in lane k); the rows' denominators x2 - x1 form eight independent prefix-product chains, one per lane. The eight lane
/// totals and the total of the scalar remainder (doublings and the last additions that do not fill a row) share ONE
/// field inversion by Montgomery's trick over those nine values. The backward pass then yields eight inverses per row,
/// and λ = (y2 - y1)/(x2 - x1), x3 = λ^2 - x1 - x2, y3 = λ(x1 - x3) - y1 run in vector form: the multiplications of the
/// scalar flush at the vector multiplication's throughput, plus gathers (x1, x2 forward; y1, y2 backward) and scatters
/// (x3, y3) per row. Buckets of one batch are pairwise distinct, so the scatters never collide.
/// </summary>
internal sealed unsafe partial class BatchAffineBuckets<TAff, TF>
{
    private readonly bool _vectorFlush;
    private byte[]? _rows; // per row: x1, x2, x2 - x1 and the prefix product, eight lanes each
    private nint[]? _laneBucket, _lanePoint; // addresses of bucket and point per vector entry, row by row
    private ulong[]? _laneNegative; // all ones where the point enters negated
    private int[]? _scalarEntry;

    /// <summary>Whether this accumulator runs the eight-lane flush (unless disabled: G1 and G2 on AVX-512 hardware
    /// with batches of at least eight).</summary>
    internal bool VectorFlush => _vectorFlush;

    private static bool VectorFlushApplies =>
        ((typeof(TF) == typeof(Fq) && typeof(TAff) == typeof(G1Affine)) || (typeof(TF) == typeof(Fq2) && typeof(TAff) == typeof(G2Affine)))
        && V8.IsSupported;

    private void AllocateVectorFlush()
    {
        int rows = _capacity / 8;
        _rows = new byte[rows * 4 * 8 * Unsafe.SizeOf<TF>()];
        _laneBucket = new nint[rows * 8];
        _lanePoint = new nint[rows * 8];
        _laneNegative = new ulong[rows * 8];
        _scalarEntry = new int[_capacity];
    }

    /// <summary><see cref="Flush"/> with at least eight entries; the caller has checked <see cref="VectorFlushApplies"/>.</summary>
    private void FlushVector(TAff* bases)
    {
        if (typeof(TF) == typeof(Fq)) FlushVector<FqLanes, V8.Soa4>(bases);
        else FlushVector<Fq2Lanes, Fq2Lanes.Soa>(bases);
    }

    /// <summary>The eight-lane flush over the lane field <typeparamref name="TL"/> (elements <typeparamref name="TV"/>,
    /// the size of eight <typeparamref name="TF"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FlushVector<TL, TV>(TAff* bases)
        where TL : struct, ILaneField<TV>
        where TV : unmanaged
    {
        int m = _count;
        var scalarEntry = _scalarEntry!;
        var den = _denominator;
        var prefix = _prefix;
        fixed (AffineBucket* buckets = _buckets)
        fixed (byte* rowBytes = _rows)
        fixed (nint* laneBucket = _laneBucket, lanePoint = _lanePoint)
        fixed (ulong* laneNegative = _laneNegative)
        {
            var rowAt = (TV*)rowBytes; // row r: x1, x2, den, prefix at rowAt[4r..4r+3]
            // Split: the first 8·rows plain additions fill the rows; doublings and the last additions go to the
            // scalar remainder.
            int additions = 0;
            for (int j = 0; j < m; j++) additions += (_entryFlags[j] & Doubling) == 0 ? 1 : 0;
            int rows = additions / 8;
            int lanes = 0, ns = 0;
            for (int j = 0; j < m; j++)
            {
                byte flags = _entryFlags[j];
                if ((flags & Doubling) != 0 || lanes == 8 * rows)
                {
                    scalarEntry[ns++] = j;
                    continue;
                }
                laneBucket[lanes] = (nint)(buckets + _entryBucket[j]);
                lanePoint[lanes] = (nint)(bases + _entryPoint[j]);
                laneNegative[lanes] = (flags & Negative) != 0 ? ulong.MaxValue : 0;
                lanes++;
            }

            // Forward: eight prefix-product chains over the rows, one chain over the scalar remainder.
            var acc = TL.One;
            for (int r = 0; r < rows; r++)
            {
                var x1 = TL.Gather((Limbs4**)(laneBucket + 8 * r), 0);
                var x2 = TL.Gather((Limbs4**)(lanePoint + 8 * r), 0);
                var d = TL.Sub(x2, x1);
                TV* row = rowAt + 4 * r;
                row[0] = x1;
                row[1] = x2;
                row[2] = d;
                row[3] = acc;
                acc = r == 0 ? d : TL.Mul(acc, d);
            }
            TF sAcc = TF.One;
            for (int q = 0; q < ns; q++)
            {
                TF t = Denominator(bases, scalarEntry[q]);
                den[q] = t;
                prefix[q] = sAcc;
                sAcc = q == 0 ? t : sAcc * t;
            }

            // One inversion for the eight lane totals and the remainder's total.
            TF* totals = stackalloc TF[9];
            TF* before = stackalloc TF[9];
            int count = 0;
            if (rows > 0)
            {
                TL.Store(totals, acc);
                count = 8;
            }
            if (ns > 0) totals[count++] = sAcc;
            TF running = TF.One;
            for (int i = 0; i < count; i++)
            {
                before[i] = running;
                running = running * totals[i];
            }
            TF inv = running.Inverse();
            for (int i = count - 1; i >= 0; i--)
            {
                TF t = totals[i];
                totals[i] = inv * before[i];
                inv = inv * t;
            }

            // Backward over the scalar remainder (the formulas of the scalar flush).
            TF sInv = ns > 0 ? totals[count - 1] : TF.One;
            for (int q = ns - 1; q >= 0; q--)
            {
                TF invJ;
                if (q > 0)
                {
                    invJ = sInv * prefix[q];
                    sInv = sInv * den[q];
                }
                else invJ = sInv;
                Apply(bases, scalarEntry[q], invJ);
            }

            // Backward over the rows, eight additions at a time.
            if (rows > 0)
            {
                var vInv = TL.Load(totals);
                for (int r = rows - 1; r >= 0; r--)
                {
                    TV* row = rowAt + 4 * r;
                    TV invJ;
                    if (r > 0)
                    {
                        invJ = TL.Mul(vInv, row[3]);
                        vInv = TL.Mul(vInv, row[2]);
                    }
                    else invJ = vInv;
                    var pb = (Limbs4**)(laneBucket + 8 * r);
                    var y1 = TL.Gather(pb, 1);
                    var y2 = TL.NegateWhere(Vector512.Load(laneNegative + 8 * r), TL.Gather((Limbs4**)(lanePoint + 8 * r), 1));
                    var lambda = TL.Mul(TL.Sub(y2, y1), invJ);
                    var x3 = TL.Sub(TL.Sub(TL.Square(lambda), row[0]), row[1]);
                    var y3 = TL.Sub(TL.Mul(lambda, TL.Sub(row[0], x3)), y1);
                    TL.Scatter(pb, 0, x3);
                    TL.Scatter(pb, 1, y3);
                }
            }
        }
        _count = 0;
        _batch++;
    }
}
