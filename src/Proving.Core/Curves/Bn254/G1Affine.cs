using System.Runtime.InteropServices;

namespace Proving.Core.Curves.Bn254;

/// <summary>
/// A point of G1: y^2 = x^3 + 3 over Fq (EIP-196), in affine coordinates, or the point at infinity.
/// G1 has prime order r (cofactor 1), so every point on the curve is in the subgroup.
/// The infinity point is stored as X = Y = 0 with <see cref="IsInfinity"/> set.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly partial struct G1Affine
{
    /// <summary>The x coordinate (zero for infinity).</summary>
    public readonly Fq X;

    /// <summary>The y coordinate (zero for infinity).</summary>
    public readonly Fq Y;

    /// <summary>True for the point at infinity (the group identity).</summary>
    public readonly bool IsInfinity;

    private G1Affine(Fq x, Fq y, bool infinity) { X = x; Y = y; IsInfinity = infinity; }

    /// <summary>The point (x, y) without an on-curve check; use <see cref="Create"/> for untrusted input.</summary>
    internal static G1Affine FromTrustedCoordinates(Fq x, Fq y) => new(x, y, false);

    /// <summary>The point (x, y).</summary>
    /// <exception cref="Proving.Core.Algebra.NonCanonicalEncodingException">(x, y) is not on the curve.</exception>
    public static G1Affine Create(Fq x, Fq y)
    {
        var p = new G1Affine(x, y, false);
        if (!p.IsOnCurve) throw new Proving.Core.Algebra.NonCanonicalEncodingException("G1: point is not on the curve y^2 = x^3 + 3");
        return p;
    }

    /// <summary>The point at infinity.</summary>
    public static G1Affine Infinity => new(Fq.Zero, Fq.Zero, true);

    /// <summary>The generator (1, 2) (EIP-196).</summary>
    public static G1Affine Generator => new(Fq.One, Fq.FromUInt64(2), false);

    /// <summary>The curve coefficient b = 3.</summary>
    public static Fq B => Fq.FromUInt64(3);

    /// <summary>True when the point is infinity or satisfies y^2 = x^3 + 3.</summary>
    public bool IsOnCurve => IsInfinity || Y.Square() == X.Square() * X + B;
}
