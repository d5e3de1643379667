using System.Runtime.InteropServices;

namespace Proving.Core.Curves.Bn254;

/// <summary>
/// A point of G2 in affine coordinates, or the point at infinity: the D-type sextic twist
/// y^2 = x^3 + 3/(9 + u) over Fq2 (EIP-197). The twist has a large cofactor, so points read from untrusted
/// input must also pass the subgroup check. The infinity point is stored as X = Y = 0 with <see cref="IsInfinity"/> set.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly partial struct G2Affine
{
    /// <summary>The x coordinate (zero for infinity).</summary>
    public readonly Fq2 X;

    /// <summary>The y coordinate (zero for infinity).</summary>
    public readonly Fq2 Y;

    /// <summary>True for the point at infinity (the group identity).</summary>
    public readonly bool IsInfinity;

    private G2Affine(Fq2 x, Fq2 y, bool infinity) { X = x; Y = y; IsInfinity = infinity; }

    /// <summary>The point (x, y) without any check; use <see cref="Create"/> for untrusted input.</summary>
    internal static G2Affine FromTrustedCoordinates(Fq2 x, Fq2 y) => new(x, y, false);

    /// <summary>The point (x, y), checked to be on the twist (the subgroup check is separate).</summary>
    /// <exception cref="Proving.Core.Algebra.NonCanonicalEncodingException">(x, y) is not on the twist.</exception>
    public static G2Affine Create(Fq2 x, Fq2 y)
    {
        var p = new G2Affine(x, y, false);
        if (!p.IsOnCurve) throw new Proving.Core.Algebra.NonCanonicalEncodingException("G2: point is not on the twist y^2 = x^3 + 3/(9+u)");
        return p;
    }

    /// <summary>The point at infinity.</summary>
    public static G2Affine Infinity => new(Fq2.Zero, Fq2.Zero, true);

    /// <summary>The generator of EIP-197 (x = x0 + x1·u, y = y0 + y1·u).</summary>
    public static G2Affine Generator { get; } = new(
        new Fq2(Fq.Parse("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
                Fq.Parse("11559732032986387107991004021392285783925812861821192530917403151452391805634")),
        new Fq2(Fq.Parse("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
                Fq.Parse("4082367875863433681332203403145435568316851327593401208105741076214120093531")),
        false);

    /// <summary>The twist coefficient b' = 3 / (9 + u).</summary>
    public static Fq2 B { get; } = new Fq2(Fq.FromUInt64(3), Fq.Zero) * Fq2.NonResidue.Inverse();

    /// <summary>True when the point is infinity or satisfies y^2 = x^3 + b'. Does not check the subgroup.</summary>
    public bool IsOnCurve => IsInfinity || Y.Square() == X.Square() * X + B;
}
