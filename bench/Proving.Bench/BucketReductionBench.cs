using BenchmarkDotNet.Attributes;
using Proving.Core.Algebra;
using Proving.Core.Curves.Bn254;
using Proving.Core.Msm;

namespace Proving.Bench;

/// <summary>
/// One window's bucket reduction Σ (b + 1)·B_b (<see cref="BucketReduction"/>) over <see cref="Used"/> full buckets, on one
/// core: the scalar running sum against the eight-lane segmented running sums (at every size, ignoring MinBuckets), for affine buckets (batch-affine
/// accumulation) and XYZZ buckets. Picks <see cref="BucketReduction.MinBuckets"/> and the bucket term of MsmPlan.Cost.
/// </summary>
public abstract unsafe class BucketReductionBench<TProj, TAff, TF>
    where TProj : struct, ICurveGroup<TProj, TAff, TF, Fr>
    where TAff : unmanaged, IAffinePoint<TAff, TF>
    where TF : unmanaged, IField<TF>
{
    private TF[] _xy = [];
    private bool[] _full = [];
    private Xyzz<TF>[] _xyzz = [];

    /// <summary>Buckets reduced.</summary>
    [Params(8, 16, 24, 32, 48, 64, 256, 2048, 32768)]
    public int Used { get; set; }

    /// <summary>Eight-lane (true) or scalar (false) reduction.</summary>
    [Params(true, false)]
    public bool Lanes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(3);
        var step = TProj.Generator * Fr.Random(rng);
        var proj = new TProj[Used];
        var p = TProj.Generator;
        for (int i = 0; i < Used; i++) proj[i] = p = p + step;
        var affine = new TAff[Used];
        TProj.BatchNormalize(proj, affine);
        _xy = new TF[2 * Used];
        for (int i = 0; i < Used; i++) (_xy[2 * i], _xy[2 * i + 1]) = (affine[i].X, affine[i].Y);
        _full = Enumerable.Repeat(true, Used).ToArray();
        // XYZZ buckets with ZZ != 1: each the sum of two affine points
        _xyzz = new Xyzz<TF>[Used];
        for (int i = 0; i < Used; i++)
        {
            Xyzz<TF>.AddAffine(ref _xyzz[i], affine[i].X, affine[i].Y);
            var q = affine[(i + 1) % Used];
            Xyzz<TF>.AddAffine(ref _xyzz[i], q.X, q.Y);
        }
    }

    /// <summary>Affine buckets (x, y pairs) with their full flags (returns the sum's ZZ).</summary>
    [Benchmark]
    public TF Affine()
    {
        fixed (TF* xy = _xy) fixed (bool* full = _full)
            return Lanes ? BucketReduction.LaneSumAffine(xy, full, null, Used).ZZ : BucketReduction.SumAffine(xy, full, null, Used, lanes: false).ZZ;
    }

    /// <summary>XYZZ buckets (returns the sum's ZZ).</summary>
    [Benchmark]
    public TF Xyzz()
    {
        fixed (Xyzz<TF>* b = _xyzz) return Lanes ? BucketReduction.LaneSumXyzz(b, Used).ZZ : BucketReduction.SumXyzz(b, Used, lanes: false).ZZ;
    }
}

/// <summary>G1 (Fq).</summary>
public class G1BucketReductionBench : BucketReductionBench<G1Projective, G1Affine, Fq>;

/// <summary>G2 (Fq2).</summary>
public class G2BucketReductionBench : BucketReductionBench<G2Projective, G2Affine, Fq2>;
