using Proving.Core.Curves.Bn254;
using Proving.Core.Ntt;

namespace Proving.Core.Compute;

/// <summary>The reference backend: every primitive on the CPU, parallel over all logical processors.</summary>
public sealed partial class CpuBackend : IComputeBackend
{
    /// <summary>"cpu".</summary>
    public string Name => "cpu";

    /// <inheritdoc />
    public string Description => $"CPU, {Environment.ProcessorCount} logical processors";

    /// <inheritdoc />
    public bool SupportsConcurrentCalls => true;

    /// <inheritdoc />
    public void Ntt(Span<Fr> values, NttConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        CpuNtt.Transform(values, config.Direction, config.Ordering, config.CosetShift, config.BatchSize);
    }

    /// <inheritdoc />
    public void PointwiseMul(Span<Fr> a, ReadOnlySpan<Fr> b) => VectorOps.PointwiseMul(a, b);

    /// <inheritdoc />
    public void Sub(Span<Fr> a, ReadOnlySpan<Fr> b) => VectorOps.Sub(a, b);

    /// <inheritdoc />
    public void ScaleByPowers(Span<Fr> values, Fr g) => VectorOps.ScaleByPowers(values, g);

    /// <inheritdoc />
    public void BatchInvert(Span<Fr> values) => VectorOps.BatchInvert(values);

    /// <summary>Nothing to release.</summary>
    public void Dispose() { }
}
