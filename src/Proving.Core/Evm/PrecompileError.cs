namespace Proving.Core.Evm;

/// <summary>Why a BN254 precompile call fails (EIP-196 / EIP-197). A failing call consumes all its gas and returns no data.</summary>
public enum PrecompileError
{
    /// <summary>No error: the call succeeds.</summary>
    None = 0,

    /// <summary>A coordinate word is not below the base-field modulus q.</summary>
    CoordinateNotInField,

    /// <summary>A point is not on its curve (G1: y^2 = x^3 + 3; G2: the twist y^2 = x^3 + 3/(9+u)).</summary>
    PointNotOnCurve,

    /// <summary>A G2 point is on the twist but not in the prime-order subgroup (ECPAIRING).</summary>
    PointNotInSubgroup,

    /// <summary>The ECPAIRING input length is not a multiple of 192 bytes.</summary>
    InvalidInputLength,
}
