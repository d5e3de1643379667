using System.Runtime.CompilerServices;
using Proving.Core.Curves.Bn254;

namespace Proving.Core.Groth16;

/// <summary>
/// A Groth16 proving key over BN254 in snarkjs's layout (a .zkey file, read by <see cref="Circom.ZkeyReader"/>).
/// Witness index 0 is the constant 1, indices 1..<see cref="NPublic"/> the public signals, the rest private.
/// </summary>
public sealed class ProvingKey
{
    /// <summary>Witness length (number of wires, including the constant 1).</summary>
    public required int NVars { get; init; }

    /// <summary>Number of public signals (outputs then public inputs), not counting the constant 1.</summary>
    public required int NPublic { get; init; }

    /// <summary>The evaluation domain size n (a power of two, at least constraints + public + 1).</summary>
    public required int DomainSize { get; init; }

    /// <summary>[alpha]_1.</summary>
    public required G1Affine Alpha1 { get; init; }

    /// <summary>[beta]_1.</summary>
    public required G1Affine Beta1 { get; init; }

    /// <summary>[beta]_2.</summary>
    public required G2Affine Beta2 { get; init; }

    /// <summary>[gamma]_2.</summary>
    public required G2Affine Gamma2 { get; init; }

    /// <summary>[delta]_1.</summary>
    public required G1Affine Delta1 { get; init; }

    /// <summary>[delta]_2.</summary>
    public required G2Affine Delta2 { get; init; }

    /// <summary>The verification key's IC points, NPublic + 1 of them.</summary>
    public required G1Affine[] IC { get; init; }

    /// <summary>The A and B matrix entries (sorted by constraint as snarkjs writes them).</summary>
    public required QapCoefficient[] Coefficients { get; init; }

    /// <summary>[A_i(tau)]_1 for every wire i (NVars points).</summary>
    public required G1Affine[] A { get; init; }

    /// <summary>[B_i(tau)]_1 for every wire (NVars points).</summary>
    public required G1Affine[] B1 { get; init; }

    /// <summary>[B_i(tau)]_2 for every wire (NVars points).</summary>
    public required G2Affine[] B2 { get; init; }

    /// <summary>The private wires' [(beta A_i + alpha B_i + C_i)(tau) / delta]_1, NVars - NPublic - 1 points.</summary>
    public required G1Affine[] C { get; init; }

    /// <summary>DomainSize points that the odd-coset evaluations of A·B − C are multiplied with (snarkjs's H section).</summary>
    public required G1Affine[] H { get; init; }

    /// <summary>
    /// The bytes of the key's point and coefficient arrays in memory (72 per G1 point, 136 per G2 point and 48 per
    /// coefficient on x64: a little more than the .zkey file, whose records are 64, 128 and 44 bytes).
    /// </summary>
    public long SizeInBytes =>
        (long)Unsafe.SizeOf<G1Affine>() * (IC.Length + A.Length + B1.Length + C.Length + H.Length)
        + (long)Unsafe.SizeOf<G2Affine>() * B2.Length + (long)Unsafe.SizeOf<QapCoefficient>() * Coefficients.Length;

    /// <summary>The verification key this proving key belongs to.</summary>
    public VerificationKey VerificationKey => new(Alpha1, Beta2, Gamma2, Delta2, IC);
}
