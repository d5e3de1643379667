using Proving.Core.Curves.Bn254;

namespace Proving.Core.Groth16;

/// <summary>
/// The QAP reduction step of the prover, in snarkjs's layout: the evaluations of A·w and B·w on the domain
/// (row c of the zkey's coefficient list is the value at ω^c), and C·w = (A·w)∘(B·w) there (true for a satisfying
/// witness, which is why snarkjs stores no C coefficients).
/// </summary>
public static class Qap
{
    /// <summary>
    /// Fills <paramref name="a"/> and <paramref name="b"/> (DomainSize elements each) with A·w and B·w, and
    /// <paramref name="c"/> with their pointwise product.
    /// </summary>
    /// <exception cref="ArgumentException">An array length differs from the key's domain size or variable count.</exception>
    public static void EvaluateWitnessProducts(ProvingKey pk, Fr[] witness, Fr[] a, Fr[] b, Fr[] c)
    {
        if (witness.Length != pk.NVars) throw new ArgumentException($"witness has {witness.Length} values, the key {pk.NVars} variables", nameof(witness));
        if (a.Length != pk.DomainSize || b.Length != pk.DomainSize || c.Length != pk.DomainSize)
            throw new ArgumentException($"a, b and c must have the domain size {pk.DomainSize}");
        Array.Clear(a);
        Array.Clear(b);
        var coefficients = pk.Coefficients;
        var bounds = ChunkBounds(coefficients);
        // chunks end on constraint boundaries, so no two threads write the same row (one chunk when unsorted)
        Parallel.For(0, bounds.Length - 1, k =>
        {
            for (int i = bounds[k]; i < bounds[k + 1]; i++)
            {
                ref readonly var q = ref coefficients[i];
                Fr t = witness[q.Signal];
                if (!q.Value.IsOne) Fr.Mul(q.Value, t, out t); // circom's coefficients are mostly 1
                ref var dst = ref (q.Matrix == 0 ? ref a[q.Constraint] : ref b[q.Constraint]);
                Fr.Add(dst, t, out dst);
            }
        });
        a.CopyTo(c, 0);
        Compute.VectorOps.PointwiseMul(c, b);
    }

    private static int[] ChunkBounds(QapCoefficient[] coefficients)
    {
        for (int i = 1; i < coefficients.Length; i++)
            if (coefficients[i].Constraint < coefficients[i - 1].Constraint) return [0, coefficients.Length];
        int chunks = Math.Max(1, Math.Min(64, coefficients.Length / 4096));
        var bounds = new List<int> { 0 };
        for (int k = 1; k < chunks; k++)
        {
            int at = Math.Max(bounds[^1], (int)((long)coefficients.Length * k / chunks));
            while (at < coefficients.Length && at > 0 && coefficients[at].Constraint == coefficients[at - 1].Constraint) at++;
            if (at > bounds[^1] && at < coefficients.Length) bounds.Add(at);
        }
        bounds.Add(coefficients.Length);
        return [.. bounds];
    }
}
