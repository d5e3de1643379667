using Proving.Core.Algebra;

namespace Proving.Core.Curves.Bn254.Encoding;

/// <summary>Why a point encoding was rejected.</summary>
public enum PointDecodeError
{
    /// <summary>No error: the encoding was accepted.</summary>
    None = 0,

    /// <summary>The input has the wrong length or shape.</summary>
    InvalidLength,

    /// <summary>A coordinate is not a canonical field element (its value is &gt;= q, or not a decimal number).</summary>
    CoordinateNotCanonical,

    /// <summary>The coordinates do not satisfy the curve equation (or, compressed, x has no matching y).</summary>
    NotOnCurve,

    /// <summary>A G2 point on the twist but outside the prime-order subgroup.</summary>
    NotInSubgroup,

    /// <summary>Flag bits that are undefined or contradict the payload (compressed form).</summary>
    InvalidFlags,
}

/// <summary>Turns a decode error into the exception the throwing decoders raise.</summary>
internal static class PointDecodeErrors
{
    public static NonCanonicalEncodingException ToException(PointDecodeError error, string what) => new(error switch
    {
        PointDecodeError.InvalidLength => $"{what}: wrong length",
        PointDecodeError.CoordinateNotCanonical => $"{what}: coordinate is not below the field modulus q",
        PointDecodeError.NotOnCurve => $"{what}: point is not on the curve",
        PointDecodeError.NotInSubgroup => $"{what}: point is not in the prime-order subgroup",
        PointDecodeError.InvalidFlags => $"{what}: invalid flag bits",
        _ => $"{what}: invalid encoding",
    });
}
