using BenchmarkDotNet.Attributes;
using Proving.Core.Algebra;
using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;
using Proving.Core.Msm;

namespace Proving.Bench;

/// <summary>
/// What the CPU MSM variant benches share: random bases and scalars of 2^<see cref="LogN"/> points
/// (<see cref="MsmInputs"/>) and one timed MSM with the <see cref="Config"/> their setup chooses. A derived class sets
/// the configuration (and any global switch it compares) in its [GlobalSetup] after calling <see cref="LoadInputs"/>.
/// </summary>
public abstract class CpuMsmBench<TProj, TAff, TF>
    where TProj : struct, ICurveGroup<TProj, TAff, TF, Fr>
    where TAff : unmanaged, IAffinePoint<TAff, TF>
    where TF : unmanaged, IField<TF>
{
    private TAff[] _bases = [];
    private Fr[] _scalars = [];

    /// <summary>log2 of the number of points (each group's class gives its sizes).</summary>
    public abstract int LogN { get; set; }

    /// <summary>The configuration of the timed MSM.</summary>
    protected MsmConfig Config { get; set; } = MsmConfig.Default;

    /// <summary>Makes the inputs for <see cref="LogN"/>; returns their count n.</summary>
    protected int LoadInputs()
    {
        int n = 1 << LogN;
        (_bases, _scalars) = MsmInputs.Random<TProj, TAff, TF>(n);
        return n;
    }

    [Benchmark]
    public TProj Msm() => CpuMsm.Compute<TProj, TAff, TF>(_bases, _scalars, Config);
}
