using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Proving.Core.Algebra;
using Proving.Core.Curves.Bn254;
using V8 = Proving.Core.Algebra.MontgomeryVector8<Proving.Core.Curves.Bn254.FqModulus>;

namespace Proving.Core.Msm;

/// <summary>Process-wide default for the eight-lane batch-affine flush (benchmarks compare both paths in one run).</summary>
internal static class BatchAffineFlush
{
    /// <summary>Whether new G1 accumulators use the AVX-512 flush where the hardware has it (default true).</summary>
    public static bool VectorByDefault = true;
}

/// <summary>
/// The batch flush for G1 (coordinates in Fq) eight additions at a time with <see cref="MontgomeryVector8{TM}"/>.
/// The batch's plain additions are cut into rows of eight (entry 8r + k in lane k of row r); the rows' denominators
/// x2 - x1 form eight independent prefix-product chains, one per lane. The eight lane totals and the total of the
/// scalar remainder (doublings and the last additions that do not fill a row) share ONE field inversion by Montgomery's
/// trick over those nine values. The backward pass then yields eight inverses per row, and λ = (y2 - y1)/(x2 - x1),
/// x3 = λ^2 - x1 - x2, y3 = λ(x1 - x3) - y1 run in vector form: 6 multiplications per addition as in the scalar flush,
/// at the vector multiplication's throughput, plus one gather (x1, x2 forward; y1, y2 backward) and two scatters (x3,
/// y3) per row. Buckets of one batch are pairwise distinct, so the scatters never collide.
/// </summary>
internal sealed unsafe partial class BatchAffineBuckets<TAff, TF>
{
    private readonly bool _vectorFlush;
    private V8.Soa4[]? _rowX1, _rowX2, _rowDen, _rowPrefix;
    private nint[]? _laneBucket, _lanePoint; // addresses of bucket and point per vector entry, row by row
    private ulong[]? _laneNegative; // all ones where the point enters negated
    private int[]? _scalarEntry;

    /// <summary>Whether this accumulator runs the eight-lane flush (G1 on AVX-512 hardware, unless disabled).</summary>
    internal bool VectorFlush => _vectorFlush;

    private static bool VectorFlushApplies => typeof(TF) == typeof(Fq) && typeof(TAff) == typeof(G1Affine) && V8.IsSupported;

    private void AllocateVectorFlush()
    {
        int rows = _capacity / 8;
        _rowX1 = new V8.Soa4[rows];
        _rowX2 = new V8.Soa4[rows];
        _rowDen = new V8.Soa4[rows];
        _rowPrefix = new V8.Soa4[rows];
        _laneBucket = new nint[rows * 8];
        _lanePoint = new nint[rows * 8];
        _laneNegative = new ulong[rows * 8];
        _scalarEntry = new int[_capacity];
    }

    /// <summary><see cref="Flush"/> for G1 with at least eight entries; the caller has checked
    /// <see cref="VectorFlushApplies"/>. Layouts used: a bucket is (X, Y) and a <see cref="G1Affine"/> starts with
    /// (X, Y), each coordinate one <see cref="Limbs4"/> in Montgomery form.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FlushVector(TAff* bases)
    {
        int m = _count;
        var rowX1 = _rowX1!;
        var rowX2 = _rowX2!;
        var rowDen = _rowDen!;
        var rowPrefix = _rowPrefix!;
        var scalarEntry = _scalarEntry!;
        var den = Unsafe.As<Fq[]>(_denominator);
        var prefix = Unsafe.As<Fq[]>(_prefix);
        fixed (AffineBucket* buckets = _buckets)
        fixed (nint* laneBucket = _laneBucket, lanePoint = _lanePoint)
        fixed (ulong* laneNegative = _laneNegative)
        {
            var pointAt = (G1Affine*)bases;
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
                lanePoint[lanes] = (nint)(pointAt + _entryPoint[j]);
                laneNegative[lanes] = (flags & Negative) != 0 ? ulong.MaxValue : 0;
                lanes++;
            }

            // Forward: eight prefix-product chains over the rows, one chain over the scalar remainder.
            var acc = V8.Broadcast(FqModulus.R);
            for (int r = 0; r < rows; r++)
            {
                var x1 = V8.Gather((Limbs4**)(laneBucket + 8 * r), 0);
                var x2 = V8.Gather((Limbs4**)(lanePoint + 8 * r), 0);
                var d = V8.Sub(x2, x1);
                rowX1[r] = x1;
                rowX2[r] = x2;
                rowDen[r] = d;
                rowPrefix[r] = acc;
                acc = r == 0 ? d : V8.Mul(acc, d);
            }
            Fq sAcc = Fq.One;
            for (int q = 0; q < ns; q++)
            {
                int j = scalarEntry[q];
                ref AffineBucket bucket = ref _buckets[_entryBucket[j]];
                Fq t = (_entryFlags[j] & Doubling) != 0
                    ? Unsafe.As<TF, Fq>(ref bucket.Y).Double()
                    : pointAt[_entryPoint[j]].X - Unsafe.As<TF, Fq>(ref bucket.X);
                den[q] = t;
                prefix[q] = sAcc;
                sAcc = q == 0 ? t : sAcc * t;
            }

            // One inversion for the eight lane totals and the remainder's total.
            Fq* totals = stackalloc Fq[9];
            int count = 0;
            if (rows > 0)
            {
                V8.Store((Limbs4*)totals, acc);
                count = 8;
            }
            if (ns > 0) totals[count++] = sAcc;
            Fq* before = stackalloc Fq[9];
            Fq running = Fq.One;
            for (int i = 0; i < count; i++)
            {
                before[i] = running;
                running = running * totals[i];
            }
            Fq inv = running.Inverse();
            for (int i = count - 1; i >= 0; i--)
            {
                Fq t = totals[i];
                totals[i] = inv * before[i];
                inv = inv * t;
            }

            // Backward over the scalar remainder (same formulas as the scalar flush).
            if (ns > 0)
            {
                Fq sInv = totals[count - 1];
                for (int q = ns - 1; q >= 0; q--)
                {
                    Fq invJ;
                    if (q > 0)
                    {
                        invJ = sInv * prefix[q];
                        sInv = sInv * den[q];
                    }
                    else invJ = sInv;
                    int j = scalarEntry[q];
                    ref AffineBucket bucket = ref _buckets[_entryBucket[j]];
                    ref Fq bx = ref Unsafe.As<TF, Fq>(ref bucket.X);
                    ref Fq by = ref Unsafe.As<TF, Fq>(ref bucket.Y);
                    Fq lambda, x2;
                    if ((_entryFlags[j] & Doubling) != 0)
                    {
                        Fq xx = bx.Square();
                        lambda = (xx.Double() + xx) * invJ;
                        x2 = bx;
                    }
                    else
                    {
                        ref readonly G1Affine p = ref pointAt[_entryPoint[j]];
                        Fq y2 = (_entryFlags[j] & Negative) != 0 ? -p.Y : p.Y;
                        lambda = (y2 - by) * invJ;
                        x2 = p.X;
                    }
                    Fq x3 = lambda.Square() - bx - x2;
                    by = lambda * (bx - x3) - by;
                    bx = x3;
                }
            }

            // Backward over the rows, eight additions at a time.
            if (rows > 0)
            {
                var vInv = V8.Load((Limbs4*)totals);
                for (int r = rows - 1; r >= 0; r--)
                {
                    V8.Soa4 invJ;
                    if (r > 0)
                    {
                        invJ = V8.Mul(vInv, rowPrefix[r]);
                        vInv = V8.Mul(vInv, rowDen[r]);
                    }
                    else invJ = vInv;
                    var pb = (Limbs4**)(laneBucket + 8 * r);
                    var y1 = V8.Gather(pb, 1);
                    var y2 = V8.Gather((Limbs4**)(lanePoint + 8 * r), 1);
                    var neg = Vector512.Load(laneNegative + 8 * r);
                    var minusY2 = V8.Sub(default, y2);
                    y2 = new V8.Soa4
                    {
                        L0 = Vector512.ConditionalSelect(neg, minusY2.L0, y2.L0),
                        L1 = Vector512.ConditionalSelect(neg, minusY2.L1, y2.L1),
                        L2 = Vector512.ConditionalSelect(neg, minusY2.L2, y2.L2),
                        L3 = Vector512.ConditionalSelect(neg, minusY2.L3, y2.L3),
                    };
                    var lambda = V8.Mul(V8.Sub(y2, y1), invJ);
                    ref V8.Soa4 x1 = ref rowX1[r];
                    var x3 = V8.Sub(V8.Sub(V8.Mul(lambda, lambda), x1), rowX2[r]);
                    var y3 = V8.Sub(V8.Mul(lambda, V8.Sub(x1, x3)), y1);
                    V8.Scatter(pb, 0, x3);
                    V8.Scatter(pb, 1, y3);
                }
            }
        }
        _count = 0;
        _batch++;
    }
}
