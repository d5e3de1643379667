using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Proving.Core.Algebra;

namespace Proving.Core.Curves.Bn254;

/// <summary>
/// A point of G1 (y^2 = x^3 + 3 over Fq, EIP-196) in Jacobian coordinates: x = X/Z^2, y = Y/Z^3; Z = 0 is the
/// identity. Representations are not unique, so == compares the points represented. Group operations are
/// complete (any inputs, including the identity, P + P and P + (-P)) and alias-safe; they branch on those special
/// cases, and scalar multiplication is variable-time in the scalar (do not use with secrets on shared hardware).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct G1Projective : ICurveGroup<G1Projective, G1Affine, Fq, Fr>
{
    /// <summary>The Jacobian X coordinate.</summary>
    public readonly Fq X;

    /// <summary>The Jacobian Y coordinate.</summary>
    public readonly Fq Y;

    /// <summary>The Jacobian Z coordinate (zero for the identity).</summary>
    public readonly Fq Z;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private G1Projective(Fq x, Fq y, Fq z) { X = x; Y = y; Z = z; }

    Fq ICurveGroup<G1Projective, G1Affine, Fq, Fr>.X => X;
    Fq ICurveGroup<G1Projective, G1Affine, Fq, Fr>.Y => Y;
    Fq ICurveGroup<G1Projective, G1Affine, Fq, Fr>.Z => Z;

    /// <summary>The identity (1 : 1 : 0).</summary>
    public static G1Projective Identity => new(Fq.One, Fq.One, Fq.Zero);

    /// <summary>The generator (1, 2) (EIP-196).</summary>
    public static G1Projective Generator => FromAffine(G1Affine.Generator);

    /// <inheritdoc />
    public bool IsIdentity => Z.IsZero;

    /// <summary>True when the point satisfies Y^2 = X^3 + 3·Z^6 (or is the identity).</summary>
    public bool IsOnCurve => Jacobian<Fq>.IsOnCurve(X, Y, Z, G1Affine.B);

    /// <summary>The point with Jacobian coordinates (x, y, z).</summary>
    /// <exception cref="NonCanonicalEncodingException">(x, y, z) is not on the curve.</exception>
    public static G1Projective FromJacobian(Fq x, Fq y, Fq z)
    {
        var p = new G1Projective(x, y, z);
        if (!p.IsOnCurve) throw new NonCanonicalEncodingException("G1: Jacobian point is not on the curve y^2 = x^3 + 3");
        return z.IsZero ? Identity : p;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static G1Projective FromJacobianUnchecked(in Fq x, in Fq y, in Fq z) => new(x, y, z);

    /// <inheritdoc />
    public static G1Projective FromAffine(in G1Affine a) => a.IsInfinity ? Identity : new(a.X, a.Y, Fq.One);

    /// <inheritdoc />
    public static void Add(in G1Projective a, in G1Projective b, out G1Projective r)
    {
        Jacobian<Fq>.Add(a.X, a.Y, a.Z, b.X, b.Y, b.Z, out var x, out var y, out var z);
        r = new(x, y, z);
    }

    /// <inheritdoc />
    public static void AddMixed(in G1Projective a, in G1Affine b, out G1Projective r)
    {
        if (b.IsInfinity) { r = a; return; }
        Jacobian<Fq>.AddMixed(a.X, a.Y, a.Z, b.X, b.Y, out var x, out var y, out var z);
        r = new(x, y, z);
    }

    /// <inheritdoc />
    public static void Double(in G1Projective a, out G1Projective r)
    {
        Jacobian<Fq>.Double(a.X, a.Y, a.Z, out var x, out var y, out var z);
        r = new(x, y, z);
    }

    /// <inheritdoc />
    public static void Negate(in G1Projective a, out G1Projective r) => r = new(a.X, -a.Y, a.Z);

    /// <summary>r = k·a, using the GLV endomorphism (two half-length scalars over one doubling chain).</summary>
    public static void Multiply(in G1Projective a, in Fr k, out G1Projective r) => r = G1Glv.Multiply(a, k.ToBigInteger());

    /// <summary>k·this for any integer k (negative values multiply the negated point). Not reduced mod r first,
    /// which makes no difference in G1 (cofactor 1).</summary>
    public G1Projective Multiply(BigInteger k)
    {
        if (k.Sign < 0) return -Multiply(-k);
        if (k < Fr.Modulus) return G1Glv.Multiply(this, k);
        return ScalarMul.Multiply<G1Projective, G1Affine, Fq, Fr>(this, ScalarMul.Limbs(k));
    }

    /// <summary>k·this by plain wNAF without the GLV split (the reference the GLV path is tested against).</summary>
    public G1Projective MultiplyWnaf(BigInteger k) =>
        k.Sign < 0 ? -MultiplyWnaf(-k) : ScalarMul.Multiply<G1Projective, G1Affine, Fq, Fr>(this, ScalarMul.Limbs(k));

    /// <inheritdoc />
    public G1Affine ToAffine()
    {
        if (Z.IsZero) return G1Affine.Infinity;
        Jacobian<Fq>.ToAffine(X, Y, Z.Inverse(), out var x, out var y);
        return G1Affine.FromTrustedCoordinates(x, y);
    }

    /// <inheritdoc />
    public static void BatchNormalize(ReadOnlySpan<G1Projective> points, Span<G1Affine> result)
    {
        if (result.Length < points.Length) throw new ArgumentException($"result holds {result.Length} points, need {points.Length}", nameof(result));
        var zs = new Fq[points.Length];
        for (int i = 0; i < zs.Length; i++) zs[i] = points[i].Z;
        BatchInversion.InvertInPlace<Fq>(zs);
        for (int i = 0; i < zs.Length; i++)
        {
            if (zs[i].IsZero) { result[i] = G1Affine.Infinity; continue; }
            Jacobian<Fq>.ToAffine(points[i].X, points[i].Y, zs[i], out var x, out var y);
            result[i] = G1Affine.FromTrustedCoordinates(x, y);
        }
    }

    /// <summary>The affine forms of <paramref name="points"/>, with one inversion.</summary>
    public static G1Affine[] BatchNormalize(ReadOnlySpan<G1Projective> points)
    {
        var r = new G1Affine[points.Length];
        BatchNormalize(points, r);
        return r;
    }

    /// <inheritdoc />
    public static G1Projective operator +(G1Projective a, G1Projective b) { Add(a, b, out var r); return r; }

    /// <summary>Mixed addition.</summary>
    public static G1Projective operator +(G1Projective a, G1Affine b) { AddMixed(a, b, out var r); return r; }

    /// <inheritdoc />
    public static G1Projective operator -(G1Projective a, G1Projective b) { Negate(b, out var nb); Add(a, nb, out var r); return r; }

    /// <inheritdoc />
    public static G1Projective operator -(G1Projective a) { Negate(a, out var r); return r; }

    /// <inheritdoc />
    public static G1Projective operator *(G1Projective a, Fr k) { Multiply(a, k, out var r); return r; }

    /// <summary>Scalar multiplication.</summary>
    public static G1Projective operator *(Fr k, G1Projective a) { Multiply(a, k, out var r); return r; }

    /// <inheritdoc />
    public static bool operator ==(G1Projective a, G1Projective b) => Jacobian<Fq>.Equal(a.X, a.Y, a.Z, b.X, b.Y, b.Z);

    /// <inheritdoc />
    public static bool operator !=(G1Projective a, G1Projective b) => !(a == b);

    /// <summary>The Jacobian form of an affine point.</summary>
    public static implicit operator G1Projective(G1Affine a) => FromAffine(a);

    /// <inheritdoc />
    public bool Equals(G1Projective other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is G1Projective o && this == o;

    /// <summary>Hash of the affine form (equal points hash equally; costs an inversion).</summary>
    public override int GetHashCode() => ToAffine().GetHashCode();

    /// <summary>The affine form as text.</summary>
    public override string ToString() => ToAffine().ToString();
}
