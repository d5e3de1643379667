using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Proving.Core.Algebra;

namespace Proving.Core.Curves.Bn254;

/// <summary>
/// A point of the G2 twist (y^2 = x^3 + 3/(9+u) over Fq2, EIP-197) in Jacobian coordinates: x = X/Z^2, y = Y/Z^3; Z = 0 is the
/// identity. Representations are not unique, so == compares the points represented. Group operations are
/// complete (any inputs, including the identity, P + P and P + (-P)) and alias-safe; they branch on those special
/// cases, and scalar multiplication is variable-time in the scalar (do not use with secrets on shared hardware).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct G2Projective : ICurveGroup<G2Projective, G2Affine, Fq2, Fr>
{
    /// <summary>The Jacobian X coordinate.</summary>
    public readonly Fq2 X;

    /// <summary>The Jacobian Y coordinate.</summary>
    public readonly Fq2 Y;

    /// <summary>The Jacobian Z coordinate (zero for the identity).</summary>
    public readonly Fq2 Z;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private G2Projective(Fq2 x, Fq2 y, Fq2 z) { X = x; Y = y; Z = z; }

    Fq2 ICurveGroup<G2Projective, G2Affine, Fq2, Fr>.X => X;
    Fq2 ICurveGroup<G2Projective, G2Affine, Fq2, Fr>.Y => Y;
    Fq2 ICurveGroup<G2Projective, G2Affine, Fq2, Fr>.Z => Z;

    /// <summary>The identity (1 : 1 : 0).</summary>
    public static G2Projective Identity => new(Fq2.One, Fq2.One, Fq2.Zero);

    /// <summary>The generator of EIP-197.</summary>
    public static G2Projective Generator => FromAffine(G2Affine.Generator);

    /// <inheritdoc />
    public bool IsIdentity => Z.IsZero;

    /// <summary>True when the point satisfies Y^2 = X^3 + b'·Z^6 (or is the identity); says nothing about the subgroup.</summary>
    public bool IsOnCurve => Jacobian<Fq2>.IsOnCurve(X, Y, Z, G2Affine.B);

    /// <summary>The point with Jacobian coordinates (x, y, z).</summary>
    /// <exception cref="NonCanonicalEncodingException">(x, y, z) is not on the curve.</exception>
    public static G2Projective FromJacobian(Fq2 x, Fq2 y, Fq2 z)
    {
        var p = new G2Projective(x, y, z);
        if (!p.IsOnCurve) throw new NonCanonicalEncodingException("G2: Jacobian point is not on the twist y^2 = x^3 + 3/(9+u)");
        return z.IsZero ? Identity : p;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static G2Projective FromJacobianUnchecked(in Fq2 x, in Fq2 y, in Fq2 z) => new(x, y, z);

    /// <inheritdoc />
    public static G2Projective FromAffine(in G2Affine a) => a.IsInfinity ? Identity : new(a.X, a.Y, Fq2.One);

    /// <inheritdoc />
    public static void Add(in G2Projective a, in G2Projective b, out G2Projective r)
    {
        Jacobian<Fq2>.Add(a.X, a.Y, a.Z, b.X, b.Y, b.Z, out var x, out var y, out var z);
        r = new(x, y, z);
    }

    /// <inheritdoc />
    public static void AddMixed(in G2Projective a, in G2Affine b, out G2Projective r)
    {
        if (b.IsInfinity) { r = a; return; }
        Jacobian<Fq2>.AddMixed(a.X, a.Y, a.Z, b.X, b.Y, out var x, out var y, out var z);
        r = new(x, y, z);
    }

    /// <inheritdoc />
    public static void Double(in G2Projective a, out G2Projective r)
    {
        Jacobian<Fq2>.Double(a.X, a.Y, a.Z, out var x, out var y, out var z);
        r = new(x, y, z);
    }

    /// <inheritdoc />
    public static void Negate(in G2Projective a, out G2Projective r) => r = new(a.X, -a.Y, a.Z);

    /// <summary>ψ acts on G2 as multiplication by q ≡ q - r (mod r); the split k = k1 + k2·(q - r) for GLS.</summary>
    private static readonly GlvDecomposition PsiSplit = new(Fr.Modulus, Fq.Modulus - Fr.Modulus);

    /// <summary>
    /// r = k·a for a point a of G2 (the order-r subgroup), as k1·a + k2·ψ(a) with 128-bit k1, k2 (the GLV method with
    /// the untwist-Frobenius-twist endomorphism ψ, as in Galbraith, Lin and Scott, "Endomorphisms for faster elliptic
    /// curve cryptography on a large class of curves", 2009). For twist points outside G2 the result is not k·a: use
    /// <see cref="Multiply(BigInteger)"/>, which is exact for every twist point.
    /// </summary>
    public static void Multiply(in G2Projective a, in Fr k, out G2Projective r) =>
        r = PsiSplit.Multiply<G2Projective, G2Affine, Fq2>(a, G2Affine.Psi(a), k.ToBigInteger());

    /// <summary>k·this for any integer k (negative values multiply the negated point). k is not reduced mod r, so
    /// the result is exact also for twist points outside the prime-order subgroup.</summary>
    public G2Projective Multiply(BigInteger k) =>
        k.Sign < 0 ? -Multiply(-k) : ScalarMul.Multiply<G2Projective, G2Affine, Fq2, Fr>(this, ScalarMul.Limbs(k));

    /// <inheritdoc />
    public G2Affine ToAffine()
    {
        if (Z.IsZero) return G2Affine.Infinity;
        Jacobian<Fq2>.ToAffine(X, Y, Z.Inverse(), out var x, out var y);
        return G2Affine.FromTrustedCoordinates(x, y);
    }

    /// <inheritdoc />
    public static void BatchNormalize(ReadOnlySpan<G2Projective> points, Span<G2Affine> result)
    {
        if (result.Length < points.Length) throw new ArgumentException($"result holds {result.Length} points, need {points.Length}", nameof(result));
        var zs = new Fq2[points.Length];
        for (int i = 0; i < zs.Length; i++) zs[i] = points[i].Z;
        BatchInversion.InvertInPlace<Fq2>(zs);
        for (int i = 0; i < zs.Length; i++)
        {
            if (zs[i].IsZero) { result[i] = G2Affine.Infinity; continue; }
            Jacobian<Fq2>.ToAffine(points[i].X, points[i].Y, zs[i], out var x, out var y);
            result[i] = G2Affine.FromTrustedCoordinates(x, y);
        }
    }

    /// <summary>The affine forms of <paramref name="points"/>, with one inversion.</summary>
    public static G2Affine[] BatchNormalize(ReadOnlySpan<G2Projective> points)
    {
        var r = new G2Affine[points.Length];
        BatchNormalize(points, r);
        return r;
    }

    /// <inheritdoc />
    public static G2Projective operator +(G2Projective a, G2Projective b) { Add(a, b, out var r); return r; }

    /// <summary>Mixed addition.</summary>
    public static G2Projective operator +(G2Projective a, G2Affine b) { AddMixed(a, b, out var r); return r; }

    /// <inheritdoc />
    public static G2Projective operator -(G2Projective a, G2Projective b) { Negate(b, out var nb); Add(a, nb, out var r); return r; }

    /// <inheritdoc />
    public static G2Projective operator -(G2Projective a) { Negate(a, out var r); return r; }

    /// <inheritdoc />
    public static G2Projective operator *(G2Projective a, Fr k) { Multiply(a, k, out var r); return r; }

    /// <summary>Scalar multiplication.</summary>
    public static G2Projective operator *(Fr k, G2Projective a) { Multiply(a, k, out var r); return r; }

    /// <inheritdoc />
    public static bool operator ==(G2Projective a, G2Projective b) => Jacobian<Fq2>.Equal(a.X, a.Y, a.Z, b.X, b.Y, b.Z);

    /// <inheritdoc />
    public static bool operator !=(G2Projective a, G2Projective b) => !(a == b);

    /// <summary>The Jacobian form of an affine point.</summary>
    public static implicit operator G2Projective(G2Affine a) => FromAffine(a);

    /// <inheritdoc />
    public bool Equals(G2Projective other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is G2Projective o && this == o;

    /// <summary>Hash of the affine form (equal points hash equally; costs an inversion).</summary>
    public override int GetHashCode() => ToAffine().GetHashCode();

    /// <summary>The affine form as text.</summary>
    public override string ToString() => ToAffine().ToString();
}
