using System.Runtime.InteropServices;
using Proving.Core.Curves.Bn254;

namespace Proving.Core.Groth16;

/// <summary>
/// One non-zero entry of the A or B constraint matrix as a snarkjs proving key lists it (section 4): the witness
/// value of <see cref="Signal"/> times <see cref="Value"/> contributes to row <see cref="Constraint"/> of matrix
/// <see cref="Matrix"/> (0 = A, 1 = B). Rows at and above the circuit's constraint count are the extra rows snarkjs
/// adds for the public inputs. <see cref="Value"/> is the plain coefficient (the file's extra Montgomery factor removed).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly record struct QapCoefficient(Fr Value, int Matrix, int Constraint, int Signal);
