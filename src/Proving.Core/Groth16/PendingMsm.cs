using Proving.Core.Compute;
using Proving.Core.Curves.Bn254;

namespace Proving.Core.Groth16;

/// <summary>
/// TEMPORARY stand-in until the compute backend's MsmG1 / MsmG2 land on IComputeBackend (branch ntt): Σ k_i·P_i as
/// independent scalar multiplications with the curves' GLV / wNAF code, in parallel chunks. Instance methods of the
/// same name on the interface take precedence, so the prover switches to the backend's MSM when it merges; then
/// delete this file.
/// </summary>
internal static class PendingMsm
{
    public static G1Projective MsmG1(this IComputeBackend backend, ReadOnlySpan<G1Affine> points, ReadOnlySpan<Fr> scalars)
    {
        var p = points.ToArray();
        var k = scalars.ToArray();
        return Sum(p.Length, G1Projective.Identity, (i, acc) => k[i].IsZero ? acc : k[i].IsOne ? acc + p[i] : acc + G1Projective.FromAffine(p[i]) * k[i], (x, y) => x + y);
    }

    public static G2Projective MsmG2(this IComputeBackend backend, ReadOnlySpan<G2Affine> points, ReadOnlySpan<Fr> scalars)
    {
        var p = points.ToArray();
        var k = scalars.ToArray();
        return Sum(p.Length, G2Projective.Identity, (i, acc) => k[i].IsZero ? acc : k[i].IsOne ? acc + p[i] : acc + G2Projective.FromAffine(p[i]) * k[i], (x, y) => x + y);
    }

    private static T Sum<T>(int n, T zero, Func<int, T, T> step, Func<T, T, T> add)
    {
        int chunks = Math.Max(1, Math.Min(n / 256, Environment.ProcessorCount * 4));
        var partial = new T[chunks];
        Parallel.For(0, chunks, c =>
        {
            var acc = zero;
            for (int i = (int)((long)n * c / chunks); i < (int)((long)n * (c + 1) / chunks); i++) acc = step(i, acc);
            partial[c] = acc;
        });
        return partial.Aggregate(zero, add);
    }
}
