using Proving.Core.Curves.Bn254;

namespace Proving.Core.Circom;

/// <summary>A linear combination Σ coeffs[k]·w[wires[k]] (parallel arrays of equal length).</summary>
/// <param name="Wires">Wire indices, each below the circuit's wire count.</param>
/// <param name="Coefficients">The coefficient of each wire.</param>
public sealed record LinearCombination(int[] Wires, Fr[] Coefficients)
{
    /// <summary>The value of the combination at <paramref name="witness"/>.</summary>
    public Fr Evaluate(ReadOnlySpan<Fr> witness)
    {
        var acc = Fr.Zero;
        for (int k = 0; k < Wires.Length; k++) acc += Coefficients[k] * witness[Wires[k]];
        return acc;
    }
}

/// <summary>One rank-1 constraint: (A·w)(B·w) = C·w.</summary>
/// <param name="A">The left factor.</param>
/// <param name="B">The right factor.</param>
/// <param name="C">The product side.</param>
public sealed record R1csConstraint(LinearCombination A, LinearCombination B, LinearCombination C);

/// <summary>A custom gate template (r1cs section 4): its name and parameters.</summary>
/// <param name="TemplateName">The circom template name.</param>
/// <param name="Parameters">The template parameters as field elements.</param>
public sealed record R1csCustomGate(string TemplateName, Fr[] Parameters);

/// <summary>One application of a custom gate (r1cs section 5).</summary>
/// <param name="GateId">Index into the custom gate list.</param>
/// <param name="Signals">The signal (label) ids it is applied to.</param>
public sealed record R1csCustomGateUse(int GateId, ulong[] Signals);
