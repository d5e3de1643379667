using Proving.Core.Algebra;
using Proving.Core.Curves.Bn254;
using Proving.Core.Groth16;

namespace Proving.Gpu.Bench;

/// <summary>
/// A Groth16 proving key and witness of circom's shape for timing a prove at sizes whose .zkey cannot travel to the
/// device machine (a 2^18 key is about 118 MiB): domain 2^logDomain, one constraint per domain row but the public
/// inputs' rows, about as many signals as constraints, two A terms and one B term per constraint, and a witness that
/// is one third 0s and 1s like a circuit's bits. The points are random (multiples of one random point), not from a
/// setup, so a proof does not verify; GPU and CPU are compared step by step instead (<c>DualBackend</c>).
/// </summary>
internal static class SyntheticCircuit
{
    public static (ProvingKey Key, Fr[] Witness) Create(int logDomain, int seed)
    {
        var rng = new Random(seed);
        int domain = 1 << logDomain;
        const int nPublic = 1;
        int constraints = domain - nPublic - 1;
        int nVars = Math.Max(nPublic + 2, constraints);
        var coefficients = new List<QapCoefficient>(3 * constraints);
        for (int j = 0; j < constraints; j++)
        {
            coefficients.Add(new(Fr.One, 0, j, 1 + j % (nVars - 1)));
            coefficients.Add(new(Fr.Random(rng), 0, j, rng.Next(nVars)));
            coefficients.Add(new(Fr.One, 1, j, 1 + (j + 1) % (nVars - 1)));
        }
        var g1 = G1Projective.BatchNormalize(Multiples<G1Projective, G1Affine, Fq>(G1Projective.Generator * Fr.Random(rng), 3 * nVars + domain + 3));
        var g2 = G2Projective.BatchNormalize(Multiples<G2Projective, G2Affine, Fq2>(G2Projective.Generator * Fr.Random(rng), nVars + 3));
        var witness = new Fr[nVars];
        witness[0] = Fr.One;
        for (int i = 1; i < nVars; i++)
            witness[i] = rng.Next(3) == 0 ? (rng.Next(2) == 0 ? Fr.Zero : Fr.One) : Fr.Random(rng);
        var key = new ProvingKey
        {
            NVars = nVars,
            NPublic = nPublic,
            DomainSize = domain,
            Alpha1 = g1[0], Beta1 = g1[1], Delta1 = g1[2],
            Beta2 = g2[0], Gamma2 = g2[1], Delta2 = g2[2],
            IC = g1[3..(nPublic + 4)],
            Coefficients = coefficients.ToArray(),
            A = g1[3..(3 + nVars)],
            B1 = g1[(3 + nVars)..(3 + 2 * nVars)],
            C = g1[(3 + 2 * nVars + nPublic + 1)..(3 + 3 * nVars)],
            B2 = g2[3..(3 + nVars)],
            H = g1[(3 + 3 * nVars)..],
        };
        return (key, witness);
    }

    /// <summary>step, 2·step, ..., count·step: distinct points on the curve, one addition each.</summary>
    private static TProj[] Multiples<TProj, TAff, TBase>(TProj step, int count)
        where TProj : struct, ICurveGroup<TProj, TAff, TBase, Fr>
        where TAff : struct, IAffinePoint<TAff, TBase>
        where TBase : struct, IField<TBase>
    {
        var p = new TProj[count];
        var acc = step;
        for (int i = 0; i < count; i++) { p[i] = acc; TProj.Add(acc, step, out acc); }
        return p;
    }
}
