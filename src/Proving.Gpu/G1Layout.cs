using Proving.Core.Curves.Bn254;

namespace Proving.Gpu;

/// <summary>
/// Device layouts of BN254 G1 points (native/kernels/g1.h): affine = (x, y) as 2 Fq in Montgomery form, with (0, 0)
/// for the point at infinity; Jacobian = (X, Y, Z) as 3 Fq, Z = 0 for the identity (Proving.Core's G1Projective).
/// </summary>
public static class G1Layout
{
    /// <summary>Fq elements per affine point (2).</summary>
    public const int AffineWords = 2;

    /// <summary>Fq elements per Jacobian point (3).</summary>
    public const int JacobianWords = 3;

    /// <summary>Writes <paramref name="points"/> as 2 Fq each into <paramref name="destination"/> (length 2 * points.Length).</summary>
    /// <exception cref="ArgumentException">The destination has the wrong length.</exception>
    public static void WriteAffine(ReadOnlySpan<G1Affine> points, Span<Fq> destination)
    {
        if (destination.Length != AffineWords * points.Length) throw new ArgumentException("destination must hold 2 Fq per point", nameof(destination));
        for (int i = 0; i < points.Length; i++)
        {
            var p = points[i];
            destination[2 * i] = p.IsInfinity ? Fq.Zero : p.X;
            destination[2 * i + 1] = p.IsInfinity ? Fq.Zero : p.Y;
        }
    }

    /// <summary>Writes <paramref name="points"/> as 3 Fq each into <paramref name="destination"/> (length 3 * points.Length).</summary>
    /// <exception cref="ArgumentException">The destination has the wrong length.</exception>
    public static void WriteJacobian(ReadOnlySpan<G1Projective> points, Span<Fq> destination)
    {
        if (destination.Length != JacobianWords * points.Length) throw new ArgumentException("destination must hold 3 Fq per point", nameof(destination));
        for (int i = 0; i < points.Length; i++)
        {
            destination[3 * i] = points[i].X;
            destination[3 * i + 1] = points[i].Y;
            destination[3 * i + 2] = points[i].Z;
        }
    }

    /// <summary>Reads Jacobian points from <paramref name="source"/> (3 Fq each) without checking curve membership.</summary>
    public static G1Projective[] ReadJacobian(ReadOnlySpan<Fq> source)
    {
        var r = new G1Projective[source.Length / 3];
        for (int i = 0; i < r.Length; i++)
            r[i] = G1Projective.FromJacobianUnchecked(source[3 * i], source[3 * i + 1], source[3 * i + 2]);
        return r;
    }
}
