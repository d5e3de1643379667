using Proving.Core.Curves.Bn254;
using Proving.Core.Msm;

namespace Proving.Core.Compute;

/// <summary>
/// The primitives a BN254 prover offloads: NTTs over Fr, the vector operations around them, and MSM on G1 / G2.
/// <see cref="CpuBackend"/> is the reference implementation; GPU backends (Proving.Gpu) must give identical results.
/// Obtain one by name from <see cref="ComputeBackends.Create"/>. Implementations are safe to call from one thread at a
/// time; the CPU backend is also safe for concurrent calls.
/// </summary>
public interface IComputeBackend : IDisposable
{
    /// <summary>The registry name ("cpu", "cuda", "opencl").</summary>
    string Name { get; }

    /// <summary>A one-line description of the device (e.g. processor count, GPU model).</summary>
    string Description { get; }

    /// <summary>
    /// Whether independent calls may run at the same time from several threads (default false: one call at a time).
    /// The Groth16 <c>Prover</c> then overlaps its NTTs and MSMs, each on a share of the cores
    /// (<see cref="MsmConfig.Threads"/>). <see cref="CpuBackend"/> returns true.
    /// </summary>
    bool SupportsConcurrentCalls => false;

    /// <summary>NTT in place on <paramref name="values"/> (BatchSize columns of n = values.Length / BatchSize elements each).</summary>
    /// <exception cref="ArgumentException">The column length is not a power of two or the batch size does not divide the length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The column length is above 2^28.</exception>
    void Ntt(Span<Fr> values, NttConfig config);

    /// <summary>
    /// Σ scalars[i]·bases[i] on G1. Scalars are <see cref="Fr"/> values, always &lt; r by construction; bases may include
    /// infinity and repeats; n = 0 gives the identity.
    /// </summary>
    /// <exception cref="ArgumentException">The spans have different lengths.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="config"/> is null.</exception>
    G1Projective MsmG1(ReadOnlySpan<G1Affine> bases, ReadOnlySpan<Fr> scalars, MsmConfig config);

    /// <summary>Σ scalars[i]·bases[i] on G2 (same contract as <see cref="MsmG1(ReadOnlySpan{G1Affine}, ReadOnlySpan{Fr}, MsmConfig)"/>).</summary>
    /// <exception cref="ArgumentException">The spans have different lengths.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="config"/> is null.</exception>
    G2Projective MsmG2(ReadOnlySpan<G2Affine> bases, ReadOnlySpan<Fr> scalars, MsmConfig config);

    /// <summary>
    /// Prepares G1 bases used by many MSMs (a proving key) with <paramref name="config"/>'s
    /// <see cref="MsmConfig.PrecomputeFactor"/>. This default keeps them as they are (factor 1, not copied) for backends
    /// without fixed-base precomputation; <see cref="CpuBackend"/> precomputes (see <c>CpuMsm.Prepare</c>).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    MsmBases<G1Affine> PrepareMsmBasesG1(G1Affine[] bases, MsmConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return MsmBases<G1Affine>.Plain(bases);
    }

    /// <summary>Prepares G2 bases used by many MSMs (as <see cref="PrepareMsmBasesG1"/>).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    MsmBases<G2Affine> PrepareMsmBasesG2(G2Affine[] bases, MsmConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return MsmBases<G2Affine>.Plain(bases);
    }

    /// <summary>
    /// Σ scalars[i]·bases[i] on G1 over prepared bases (from any backend), one scalar per original base. This default
    /// runs <see cref="MsmG1(ReadOnlySpan{G1Affine}, ReadOnlySpan{Fr}, MsmConfig)"/> on the original bases.
    /// </summary>
    /// <exception cref="ArgumentException">scalars.Length is not bases.Count, or the window width conflicts with the preparation.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    G1Projective MsmG1(MsmBases<G1Affine> bases, ReadOnlySpan<Fr> scalars, MsmConfig config) =>
        MsmG1((bases ?? throw new ArgumentNullException(nameof(bases))).Bases.Span, scalars, config);

    /// <summary>Σ scalars[i]·bases[i] on G2 over prepared bases (as <see cref="MsmG1(MsmBases{G1Affine}, ReadOnlySpan{Fr}, MsmConfig)"/>).</summary>
    /// <exception cref="ArgumentException">scalars.Length is not bases.Count, or the window width conflicts with the preparation.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    G2Projective MsmG2(MsmBases<G2Affine> bases, ReadOnlySpan<Fr> scalars, MsmConfig config) =>
        MsmG2((bases ?? throw new ArgumentNullException(nameof(bases))).Bases.Span, scalars, config);

    /// <summary>
    /// Groth16's quotient step on the odd coset (snarkjs's prover, the "h" vector): each of <paramref name="a"/>,
    /// <paramref name="b"/> and <paramref name="c"/>, evaluations on the n-th roots of unity (n = 2^<paramref name="logN"/>,
    /// each span n long), is interpolated (inverse NTT) and evaluated on the odd coset ω_2n·⟨ω_n⟩
    /// (<see cref="NttConfig.OddCoset"/>); then a[i] = a[i]·b[i] − c[i]. b and c serve as scratch: their contents
    /// afterwards are unspecified. This default runs the six NTTs and two vector operations as separate calls; a GPU
    /// backend keeps the three columns on the device between them. <paramref name="nttsDone"/>, if given, is told 2, 4 and 6 as each
    /// column's two NTTs finish, where the backend can tell.
    /// </summary>
    /// <exception cref="ArgumentException">A span is not 2^logN long.</exception>
    void QuotientOnOddCoset(Span<Fr> a, Span<Fr> b, Span<Fr> c, int logN, Action<int>? nttsDone = null)
    {
        CheckQuotientShape(a.Length, b.Length, c.Length, logN);
        var coset = NttConfig.OddCoset(logN);
        Ntt(a, NttConfig.Inverse);
        Ntt(a, coset);
        nttsDone?.Invoke(2);
        Ntt(b, NttConfig.Inverse);
        Ntt(b, coset);
        nttsDone?.Invoke(4);
        Ntt(c, NttConfig.Inverse);
        Ntt(c, coset);
        nttsDone?.Invoke(6);
        PointwiseMul(a, b);
        Sub(a, c);
    }

    /// <summary>Throws unless the three lengths are 2^<paramref name="logN"/> (for <see cref="QuotientOnOddCoset"/>).</summary>
    /// <exception cref="ArgumentException">A length is not 2^logN.</exception>
    static void CheckQuotientShape(int a, int b, int c, int logN)
    {
        if (logN < 0 || logN > 30 || a != 1 << logN || b != a || c != a)
            throw new ArgumentException($"the quotient step needs three columns of 2^{logN}, got {a}, {b} and {c}");
    }

    /// <summary>a[i] *= b[i].</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    void PointwiseMul(Span<Fr> a, ReadOnlySpan<Fr> b);

    /// <summary>a[i] -= b[i].</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    void Sub(Span<Fr> a, ReadOnlySpan<Fr> b);

    /// <summary>v[i] *= g^i.</summary>
    void ScaleByPowers(Span<Fr> values, Fr g);

    /// <summary>v[i] = 1 / v[i] for non-zero elements; zeros stay zero.</summary>
    void BatchInvert(Span<Fr> values);
}
