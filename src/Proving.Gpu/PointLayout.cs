using Proving.Core.Curves.Bn254;

namespace Proving.Gpu;

/// <summary>
/// Device layouts of BN254 points (native/kernels/point_impl.h). Affine = (x, y), 2 field elements, with (0, 0) for
/// the point at infinity; Jacobian = (X, Y, Z), 3 field elements, Z = 0 for the identity (Proving.Core's
/// G1Projective / G2Projective). Field elements are raw Montgomery limbs: Fq for G1, Fq2 (c0 then c1) for G2.
/// </summary>
public static class PointLayout
{
    /// <summary>Writes <paramref name="points"/> as (x, y) into <paramref name="destination"/> (length 2 * points.Length).</summary>
    /// <exception cref="ArgumentException">The destination has the wrong length.</exception>
    public static void WriteAffine(ReadOnlySpan<G1Affine> points, Span<Fq> destination)
    {
        CheckLength(destination.Length, 2 * points.Length);
        for (int i = 0; i < points.Length; i++)
        {
            destination[2 * i] = points[i].IsInfinity ? Fq.Zero : points[i].X;
            destination[2 * i + 1] = points[i].IsInfinity ? Fq.Zero : points[i].Y;
        }
    }

    /// <summary>Writes <paramref name="points"/> as (x, y) into <paramref name="destination"/> (length 2 * points.Length).</summary>
    /// <exception cref="ArgumentException">The destination has the wrong length.</exception>
    public static void WriteAffine(ReadOnlySpan<G2Affine> points, Span<Fq2> destination)
    {
        CheckLength(destination.Length, 2 * points.Length);
        for (int i = 0; i < points.Length; i++)
        {
            destination[2 * i] = points[i].IsInfinity ? Fq2.Zero : points[i].X;
            destination[2 * i + 1] = points[i].IsInfinity ? Fq2.Zero : points[i].Y;
        }
    }

    /// <summary>Writes <paramref name="points"/> as (X, Y, Z) into <paramref name="destination"/> (length 3 * points.Length).</summary>
    /// <exception cref="ArgumentException">The destination has the wrong length.</exception>
    public static void WriteJacobian(ReadOnlySpan<G1Projective> points, Span<Fq> destination)
    {
        CheckLength(destination.Length, 3 * points.Length);
        for (int i = 0; i < points.Length; i++)
        {
            destination[3 * i] = points[i].X;
            destination[3 * i + 1] = points[i].Y;
            destination[3 * i + 2] = points[i].Z;
        }
    }

    /// <summary>Reads G1 Jacobian points (3 Fq each) without checking curve membership.</summary>
    public static G1Projective[] ReadJacobian(ReadOnlySpan<Fq> source)
    {
        var r = new G1Projective[source.Length / 3];
        for (int i = 0; i < r.Length; i++) r[i] = G1Projective.FromJacobianUnchecked(source[3 * i], source[3 * i + 1], source[3 * i + 2]);
        return r;
    }

    /// <summary>Reads G2 Jacobian points (3 Fq2 each) without checking curve membership.</summary>
    public static G2Projective[] ReadJacobian(ReadOnlySpan<Fq2> source)
    {
        var r = new G2Projective[source.Length / 3];
        for (int i = 0; i < r.Length; i++) r[i] = G2Projective.FromJacobianUnchecked(source[3 * i], source[3 * i + 1], source[3 * i + 2]);
        return r;
    }

    private static void CheckLength(int actual, int expected)
    {
        if (actual != expected) throw new ArgumentException($"destination must hold {expected} field elements, not {actual}");
    }
}
