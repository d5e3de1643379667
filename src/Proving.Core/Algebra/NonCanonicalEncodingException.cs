namespace Proving.Core.Algebra;

/// <summary>
/// An encoding was rejected: a field value at or above the modulus, a point not on the curve or not in the
/// prime-order subgroup, a wrong length, or flag bits that contradict the payload.
/// </summary>
public sealed class NonCanonicalEncodingException : FormatException
{
    /// <summary>Creates the exception with a message naming what was rejected.</summary>
    public NonCanonicalEncodingException(string message) : base(message) { }
}
