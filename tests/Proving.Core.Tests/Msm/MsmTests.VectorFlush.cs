using Proving.Core.Algebra;
using Proving.Core.Curves.Bn254;
using Proving.Core.Msm;

namespace Proving.Core.Tests.Msm;

/// <summary>One window of batch-affine accumulation run directly, with the eight-lane flush (G1 on AVX-512) and with
/// the scalar flush, against Σ d·P: batch sizes 1..17 (rows of eight plus a remainder), doublings, cancellations and
/// deferred pairs mixed in.</summary>
public abstract partial class MsmTests<TProj, TAff, TF>
{
    /// <summary>The window sum Σ digits[i]·bases[i] through <see cref="BatchAffineBuckets{TAff, TF}"/>.</summary>
    private static unsafe TProj WindowSum(TAff[] bases, int[] digits, int bucketCount, int batch, bool vector)
    {
        var acc = new BatchAffineBuckets<TAff, TF>(bucketCount, batch, vector);
        bool expectVector = vector && (typeof(TF) == typeof(Fq) || typeof(TF) == typeof(Fq2)) && MontgomeryVector8<FqModulus>.IsSupported && batch >= 8;
        Assert.Equal(expectVector, acc.VectorFlush);
        Xyzz<TF> sum;
        fixed (TAff* b = bases) fixed (int* d = digits) sum = acc.WindowSum(b, d, 0, bases.Length, bucketCount);
        sum.ToJacobian(out var x, out var y, out var z);
        return TProj.FromJacobianUnchecked(x, y, z);
    }

    /// <summary>n points drawn from a pool of <paramref name="pool"/> points and their negations (so buckets meet equal
    /// and opposite points), with digits in [-buckets, buckets] (zero included).</summary>
    private static (TAff[] Bases, int[] Digits, TProj Expected) WindowInput(int n, int pool, int buckets, Random rng)
    {
        var distinct = Points(pool, rng.Next(), special: false);
        var bases = new TAff[n];
        var digits = new int[n];
        var expected = TProj.Identity;
        for (int i = 0; i < n; i++)
        {
            var p = distinct[rng.Next(pool)];
            bases[i] = rng.Next(4) == 0 ? p.Negate() : p;
            digits[i] = rng.Next(-buckets, buckets + 1);
            var term = TProj.FromAffine(bases[i]) * Fr.FromUInt64((ulong)Math.Abs(digits[i]));
            expected = digits[i] >= 0 ? expected + term : expected - term;
        }
        return (bases, digits, expected);
    }

    [Fact]
    public void VectorFlushEqualsScalarFlushAndNaiveForBatchSizes1To17()
    {
        var rng = new Random(31);
        for (int n = 0; n <= 100; n++)
        {
            // few buckets and a small pool: doublings, cancellations and deferrals; many buckets: full rows
            int buckets = n % 3 == 0 ? 1 + rng.Next(6) : 16 + rng.Next(48);
            int pool = n % 2 == 0 ? 1 + rng.Next(5) : Math.Max(1, n);
            var (bases, digits, expected) = WindowInput(n, pool, buckets, rng);
            for (int batch = 1; batch <= 17; batch++)
            {
                Assert.True(expected == WindowSum(bases, digits, buckets, batch, vector: true), $"vector, n = {n}, B = {batch}");
                Assert.True(expected == WindowSum(bases, digits, buckets, batch, vector: false), $"scalar, n = {n}, B = {batch}");
            }
        }
    }

    [Fact]
    public void VectorFlushEqualsScalarFlushOnLargerBatches()
    {
        var rng = new Random(32);
        foreach (int n in new[] { 500, 2047 })
            foreach (int batch in new[] { 8, 63, 256, 1000 })
            {
                var (bases, digits, expected) = WindowInput(n, n / 2, 1 << 10, rng);
                var vector = WindowSum(bases, digits, 1 << 10, batch, vector: true);
                Assert.True(vector == WindowSum(bases, digits, 1 << 10, batch, vector: false), $"n = {n}, B = {batch}");
                Assert.True(expected == vector, $"n = {n}, B = {batch}");
            }
    }
}
