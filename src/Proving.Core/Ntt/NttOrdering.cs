namespace Proving.Core.Ntt;

/// <summary>Direction of a number-theoretic transform.</summary>
public enum NttDirection
{
    /// <summary>Coefficients to evaluations: out[k] = Σ in[i]·ω^(ik) (times the coset shift g^i on the inputs).</summary>
    Forward,

    /// <summary>Evaluations to coefficients: the exact inverse of <see cref="Forward"/> (scaled by 1/n).</summary>
    Inverse,
}

/// <summary>
/// Element order of the input and output of a transform (the naming of ICICLE's NTT ordering). Natural order stores
/// index i at position i; bit-reversed order stores index i at position reverse(i) in log2(n) bits.
/// </summary>
public enum NttOrdering
{
    /// <summary>Natural order in and out (the default; what snarkjs and ffjavascript use).</summary>
    NaturalToNatural,

    /// <summary>Natural order in, bit-reversed order out (skips one permutation).</summary>
    NaturalToBitReversed,

    /// <summary>Bit-reversed order in, natural order out (skips one permutation).</summary>
    BitReversedToNatural,

    /// <summary>Bit-reversed order in and out.</summary>
    BitReversedToBitReversed,
}
