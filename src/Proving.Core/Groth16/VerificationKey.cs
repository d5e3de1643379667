using Proving.Core.Curves.Bn254;

namespace Proving.Core.Groth16;

/// <summary>
/// A Groth16 verification key over BN254: [alpha]_1, [beta]_2, [gamma]_2, [delta]_2 and IC (one G1 point for the
/// constant 1 and one per public signal). JSON form: snarkjs's verification_key.json (<see cref="Circom.SnarkjsJson"/>).
/// </summary>
/// <param name="Alpha1">[alpha]_1.</param>
/// <param name="Beta2">[beta]_2.</param>
/// <param name="Gamma2">[gamma]_2.</param>
/// <param name="Delta2">[delta]_2.</param>
/// <param name="IC">IC_0..IC_nPublic (length = number of public signals + 1).</param>
public sealed record VerificationKey(G1Affine Alpha1, G2Affine Beta2, G2Affine Gamma2, G2Affine Delta2, G1Affine[] IC)
{
    /// <summary>The number of public signals the key expects (IC length − 1).</summary>
    public int NPublic => IC.Length - 1;
}
