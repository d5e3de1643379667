using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;

namespace Proving.Gpu;

/// <summary>
/// Runs every operation on a reference backend (normally <see cref="CpuBackend"/>) and on a candidate, and throws
/// <see cref="BackendMismatchException"/> at the first element where they differ; otherwise the result is the
/// reference's. For tests and for hosts' <c>--check</c> flag: about the cost of both backends together.
/// </summary>
public sealed class DualBackend(IComputeBackend reference, IComputeBackend candidate) : IComputeBackend
{
    private readonly IComputeBackend _reference = reference ?? throw new ArgumentNullException(nameof(reference));
    private readonly IComputeBackend _candidate = candidate ?? throw new ArgumentNullException(nameof(candidate));

    /// <summary>"&lt;reference&gt;+&lt;candidate&gt;", e.g. "cpu+opencl".</summary>
    public string Name => $"{_reference.Name}+{_candidate.Name}";

    /// <inheritdoc />
    public string Description => $"checked: {_candidate.Description} against {_reference.Description}";

    /// <inheritdoc />
    public void Ntt(Span<Fr> values, NttConfig config) => Both(values, "Ntt", (b, v) => b.Ntt(v, config));

    /// <inheritdoc />
    public G1Projective MsmG1(ReadOnlySpan<G1Affine> bases, ReadOnlySpan<Fr> scalars, MsmConfig config)
    {
        var expected = _reference.MsmG1(bases, scalars, config);
        var actual = _candidate.MsmG1(bases, scalars, config);
        if (expected != actual) throw new BackendMismatchException("MsmG1", _reference.Name, _candidate.Name, 0, expected.ToString(), actual.ToString());
        return expected;
    }

    /// <inheritdoc />
    public G2Projective MsmG2(ReadOnlySpan<G2Affine> bases, ReadOnlySpan<Fr> scalars, MsmConfig config)
    {
        var expected = _reference.MsmG2(bases, scalars, config);
        var actual = _candidate.MsmG2(bases, scalars, config);
        if (expected != actual) throw new BackendMismatchException("MsmG2", _reference.Name, _candidate.Name, 0, expected.ToString(), actual.ToString());
        return expected;
    }

    /// <inheritdoc />
    public void PointwiseMul(Span<Fr> a, ReadOnlySpan<Fr> b)
    {
        var copy = b.ToArray();
        Both(a, "PointwiseMul", (k, v) => k.PointwiseMul(v, copy));
    }

    /// <inheritdoc />
    public void Sub(Span<Fr> a, ReadOnlySpan<Fr> b)
    {
        var copy = b.ToArray();
        Both(a, "Sub", (k, v) => k.Sub(v, copy));
    }

    /// <inheritdoc />
    public void ScaleByPowers(Span<Fr> values, Fr g) => Both(values, "ScaleByPowers", (k, v) => k.ScaleByPowers(v, g));

    /// <inheritdoc />
    public void BatchInvert(Span<Fr> values) => Both(values, "BatchInvert", (k, v) => k.BatchInvert(v));

    private delegate void Op(IComputeBackend backend, Span<Fr> values);

    private void Both(Span<Fr> values, string operation, Op op)
    {
        var other = values.ToArray();
        op(_reference, values);
        op(_candidate, other);
        for (int i = 0; i < values.Length; i++)
            if (values[i] != other[i])
                throw new BackendMismatchException(operation, _reference.Name, _candidate.Name, i, values[i].ToString(), other[i].ToString());
    }

    /// <summary>Disposes both backends.</summary>
    public void Dispose()
    {
        _reference.Dispose();
        _candidate.Dispose();
    }
}

/// <summary>Two backends gave different results for the same operation (see <see cref="DualBackend"/>).</summary>
public sealed class BackendMismatchException(string operation, string reference, string candidate, int index, string expected, string actual)
    : Exception($"{operation}: {candidate} differs from {reference} at element {index}: expected {expected}, got {actual}")
{
    /// <summary>The operation that disagreed.</summary>
    public string Operation { get; } = operation;

    /// <summary>The first index that differs (0 for an MSM result).</summary>
    public int Index { get; } = index;
}
