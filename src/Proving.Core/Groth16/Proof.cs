using Proving.Core.Curves.Bn254;

namespace Proving.Core.Groth16;

/// <summary>A Groth16 proof (A in G1, B in G2, C in G1); JSON form: snarkjs's proof.json (<see cref="Circom.SnarkjsJson"/>).</summary>
/// <param name="A">pi_a.</param>
/// <param name="B">pi_b.</param>
/// <param name="C">pi_c.</param>
public readonly record struct Proof(G1Affine A, G2Affine B, G1Affine C);
