using System.Runtime.CompilerServices;
using Proving.Core.Algebra;

namespace Proving.Core.Msm;

/// <summary>
/// Buckets in affine coordinates with batched additions. The (point, bucket) pairs of a window are gathered into a
/// batch of up to B additions whose buckets are pairwise distinct; the batch's denominators (x2 - x1, or 2·y1 for a
/// doubling) are inverted together with Montgomery's trick (one field inversion and 3 multiplications each), and each
/// addition then costs λ = (y2 - y1)/(x2 - x1), x3 = λ^2 - x1 - x2, y3 = λ(x1 - x3) - y1: about 5M + 1S per point
/// against 8M + 2S for an XYZZ mixed addition.
/// <para>
/// Exact cases, decided when the pair is gathered (the bucket is then not pending): an empty bucket takes a copy of
/// the point; a bucket equal to the point is doubled (λ = 3x^2/(2y)); a bucket equal to the point's negation (or a
/// doubling of a point with y = 0) becomes empty. A pair whose bucket is already pending in the current batch is
/// deferred to a queue of up to B pairs, retried after each batch; a pair that finds the queue full, and any pair
/// still deferred at the end of the window, goes into a lazily allocated XYZZ overflow bucket, so inputs with many
/// repeats of one bucket stay O(n) with XYZZ cost. The window sum is Σ (b + 1)·(affine[b] + overflow[b]) by
/// <see cref="BucketReduction"/>.
/// </para>
/// <para>
/// On AVX-512 hardware the flush of BN254 G1 and G2 runs eight additions at a time (BatchAffineBuckets.Vector.cs);
/// doublings and the additions that do not fill a row of eight stay on the scalar formulas below.
/// </para>
/// </summary>
internal sealed unsafe partial class BatchAffineBuckets<TAff, TF> : BucketAccumulator<TAff, TF>
    where TAff : unmanaged, IAffinePoint<TAff, TF>
    where TF : unmanaged, IField<TF>
{
    private struct AffineBucket
    {
        public TF X, Y;
    }

    private const byte Negative = 1, Doubling = 2;

    private readonly AffineBucket[] _buckets;
    private readonly bool[] _full;
    private readonly int[] _pendingIn; // batch number in which a bucket has a pending addition
    private int _batch = 1;

    private readonly int _capacity;
    private readonly int[] _entryBucket, _entryPoint;
    private readonly byte[] _entryFlags;
    private readonly TF[] _denominator, _prefix;
    private int _count;

    private readonly int[] _queuePoint, _queueDigit;
    private int _queued;

    private Xyzz<TF>[]? _overflow;
    private bool _overflowUsed;

    private readonly bool _vectorReduce;

    /// <summary>Storage for up to <paramref name="maxBuckets"/> buckets and batches of <paramref name="batchSize"/>
    /// additions (at least 1); <paramref name="vectorFlush"/> (default <see cref="BatchAffineFlush.VectorByDefault"/>)
    /// selects the eight-lane flush where it applies (BN254 G1 and G2 on AVX-512), <paramref name="vectorReduce"/>
    /// (default <see cref="BucketReduction.VectorByDefault"/>) the eight-lane bucket reduction.</summary>
    public BatchAffineBuckets(int maxBuckets, int batchSize, bool? vectorFlush = null, bool? vectorReduce = null)
    {
        _vectorReduce = BucketReduction.LanesApply<TF>() && (vectorReduce ?? BucketReduction.VectorByDefault);
        _capacity = Math.Max(1, batchSize);
        _buckets = new AffineBucket[maxBuckets];
        _full = new bool[maxBuckets];
        _pendingIn = new int[maxBuckets];
        _entryBucket = new int[_capacity];
        _entryPoint = new int[_capacity];
        _entryFlags = new byte[_capacity];
        _denominator = new TF[_capacity];
        _prefix = new TF[_capacity];
        _queuePoint = new int[_capacity];
        _queueDigit = new int[_capacity];
        _vectorFlush = VectorFlushApplies && (vectorFlush ?? BatchAffineFlush.VectorByDefault) && _capacity >= 8;
        if (_vectorFlush) AllocateVectorFlush();
    }

    /// <inheritdoc />
    public override Xyzz<TF> WindowSum(TAff* bases, int* digits, int start, int end, int bucketCount)
    {
        Array.Clear(_full, 0, bucketCount);
        if (_overflowUsed)
        {
            Array.Clear(_overflow!);
            _overflowUsed = false;
        }
        int used = 0;
        for (int i = start; i < end; i++)
        {
            int d = digits[i];
            if (i + PrefetchAhead < end) Prefetch(digits[i + PrefetchAhead]);
            if (d == 0) continue;
            int a = d > 0 ? d : -d;
            if (a > used) used = a;
            if (!TryGather(bases, i, d)) Defer(bases, i, d);
            if (_count == _capacity) FlushAndRetry(bases);
        }
        FlushAndRetry(bases);
        Flush(bases);
        for (int q = 0; q < _queued; q++) AddToOverflow(bases, _queuePoint[q], _queueDigit[q]);
        _queued = 0;
        return Reduce(used);
    }

    /// <summary>How many points ahead the gather loop prefetches the bucket a point will touch (measured 8, 16 and 32
    /// at 2^16 over prepared bases: 16 best).</summary>
    private const int PrefetchAhead = 16;

    /// <summary>Asks the cache for the bucket of digit <paramref name="d"/> (buckets are touched in random order, and
    /// with 2^14..2^15 buckets of 64..128 bytes they do not fit in L2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Prefetch(int d)
    {
        if (d == 0 || !System.Runtime.Intrinsics.X86.Sse.IsSupported) return;
        int b = (d > 0 ? d : -d) - 1;
        System.Runtime.Intrinsics.X86.Sse.Prefetch0(Unsafe.AsPointer(ref _buckets[b]));
    }

    /// <summary>Applies d·bases[i] to its bucket at once (copy, cancellation) or gathers it into the batch; false when
    /// the bucket already has a pending addition in this batch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryGather(TAff* bases, int i, int d)
    {
        int b = (d > 0 ? d : -d) - 1;
        if (_pendingIn[b] == _batch) return false;
        ref AffineBucket bucket = ref _buckets[b];
        ref readonly TAff p = ref bases[i];
        byte flags = d > 0 ? (byte)0 : Negative;
        if (!_full[b])
        {
            bucket.X = p.X;
            bucket.Y = d > 0 ? p.Y : -p.Y;
            _full[b] = true;
            return true;
        }
        if (bucket.X == p.X)
        {
            TF y = d > 0 ? p.Y : -p.Y;
            if (bucket.Y != y || y.IsZero)
            {
                _full[b] = false; // P + (-P), or 2P for a point of order two
                return true;
            }
            flags |= Doubling;
        }
        _pendingIn[b] = _batch;
        int j = _count++;
        _entryBucket[j] = b;
        _entryPoint[j] = i;
        _entryFlags[j] = flags;
        return true;
    }

    private void Defer(TAff* bases, int i, int d)
    {
        if (_queued == _queuePoint.Length)
        {
            AddToOverflow(bases, i, d);
            return;
        }
        _queuePoint[_queued] = i;
        _queueDigit[_queued] = d;
        _queued++;
    }

    private void AddToOverflow(TAff* bases, int i, int d)
    {
        _overflow ??= new Xyzz<TF>[_buckets.Length];
        _overflowUsed = true;
        ref readonly TAff p = ref bases[i];
        if (d > 0) Xyzz<TF>.AddAffine(ref _overflow[d - 1], p.X, p.Y);
        else Xyzz<TF>.SubAffine(ref _overflow[-d - 1], p.X, p.Y);
    }

    /// <summary>Runs the current batch, then gathers deferred pairs into the next one (running it too while it fills).</summary>
    private void FlushAndRetry(TAff* bases)
    {
        do
        {
            Flush(bases);
            int keep = 0;
            for (int q = 0; q < _queued; q++)
            {
                int i = _queuePoint[q], d = _queueDigit[q];
                if (_count == _capacity || !TryGather(bases, i, d))
                {
                    _queuePoint[keep] = i;
                    _queueDigit[keep] = d;
                    keep++;
                }
            }
            _queued = keep;
        }
        while (_count == _capacity);
    }

    /// <summary>Performs the gathered additions with one shared inversion and starts a new batch.</summary>
    private void Flush(TAff* bases)
    {
        int m = _count;
        if (m == 0) return;
        if (VectorFlushApplies && _vectorFlush && m >= 8)
        {
            FlushVector(bases);
            return;
        }
        var den = _denominator;
        var prefix = _prefix;
        TF acc = TF.One;
        for (int j = 0; j < m; j++)
        {
            TF t = Denominator(bases, j);
            den[j] = t;
            prefix[j] = acc;
            acc = j == 0 ? t : acc * t;
        }
        TF inv = acc.Inverse();
        for (int j = m - 1; j >= 0; j--)
        {
            TF invJ;
            if (j > 0)
            {
                invJ = inv * prefix[j];
                inv = inv * den[j];
            }
            else invJ = inv;
            Apply(bases, j, invJ);
        }
        _count = 0;
        _batch++;
    }

    /// <summary>The denominator of entry <paramref name="j"/>: 2·y1 for a doubling, x2 - x1 otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TF Denominator(TAff* bases, int j)
    {
        ref AffineBucket bucket = ref _buckets[_entryBucket[j]];
        return (_entryFlags[j] & Doubling) != 0 ? bucket.Y.Double() : bases[_entryPoint[j]].X - bucket.X;
    }

    /// <summary>Completes entry <paramref name="j"/> given the inverse of its denominator: λ (3x1²/2y1 for a doubling,
    /// (y2 - y1)/(x2 - x1) otherwise), x3 = λ² - x1 - x2, y3 = λ(x1 - x3) - y1, written to its bucket.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Apply(TAff* bases, int j, in TF invJ)
    {
        ref AffineBucket bucket = ref _buckets[_entryBucket[j]];
        byte flags = _entryFlags[j];
        TF lambda, x2;
        if ((flags & Doubling) != 0)
        {
            TF xx = bucket.X.Square();
            lambda = (xx.Double() + xx) * invJ;
            x2 = bucket.X;
        }
        else
        {
            ref readonly TAff p = ref bases[_entryPoint[j]];
            TF y2 = (flags & Negative) != 0 ? -p.Y : p.Y;
            lambda = (y2 - bucket.Y) * invJ;
            x2 = p.X;
        }
        TF x3 = lambda.Square() - bucket.X - x2;
        bucket.Y = lambda * (bucket.X - x3) - bucket.Y;
        bucket.X = x3;
    }

    /// <summary>Whether this accumulator may reduce its buckets in lanes (<see cref="BucketReduction"/>).</summary>
    internal bool VectorReduce => _vectorReduce;

    /// <summary>Whether the last window put pairs into the XYZZ overflow buckets.</summary>
    internal bool OverflowUsed => _overflowUsed;

    /// <summary>Σ (b + 1)·(affine[b] + overflow[b]) over the first <paramref name="used"/> buckets.</summary>
    private Xyzz<TF> Reduce(int used)
    {
        fixed (AffineBucket* buckets = _buckets) fixed (bool* full = _full) fixed (Xyzz<TF>* overflow = _overflow)
            return BucketReduction.SumAffine((TF*)buckets, full, _overflowUsed ? overflow : null, used, _vectorReduce);
    }
}
