namespace Proving.Core.Algebra;

/// <summary>
/// A point of a short-Weierstrass curve y^2 = x^3 + b (a = 0) in affine coordinates, or the point at infinity.
/// Lets curve algorithms (MSM bucket accumulation, batch conversion) be written once for G1 and G2.
/// </summary>
/// <typeparam name="TAff">The affine point type (e.g. <c>G1Affine</c>).</typeparam>
/// <typeparam name="TBase">The coordinate field (e.g. <c>Fq</c>, <c>Fq2</c>).</typeparam>
public interface IAffinePoint<TAff, TBase> : IEquatable<TAff>
    where TAff : struct, IAffinePoint<TAff, TBase>
    where TBase : struct, IField<TBase>
{
    /// <summary>The point at infinity (the group identity).</summary>
    static abstract TAff Infinity { get; }

    /// <summary>The standard generator of the prime-order subgroup.</summary>
    static abstract TAff Generator { get; }

    /// <summary>The x coordinate (zero for infinity).</summary>
    TBase X { get; }

    /// <summary>The y coordinate (zero for infinity).</summary>
    TBase Y { get; }

    /// <summary>True for the point at infinity.</summary>
    bool IsInfinity { get; }

    /// <summary>True when the point is infinity or satisfies the curve equation.</summary>
    bool IsOnCurve { get; }

    /// <summary>The additive inverse (x, -y); infinity stays infinity.</summary>
    TAff Negate();
}

/// <summary>
/// A prime-order elliptic-curve group in Jacobian coordinates (x = X/Z^2, y = Y/Z^3; Z = 0 is the identity) with
/// its affine companion type. All static operations are alias-safe: the <c>out</c> argument may be the same
/// variable as an <c>in</c> argument. Scalars are elements of the scalar field of the group order r.
/// </summary>
/// <typeparam name="TProj">The Jacobian point type (e.g. <c>G1Projective</c>).</typeparam>
/// <typeparam name="TAff">The affine point type (e.g. <c>G1Affine</c>).</typeparam>
/// <typeparam name="TBase">The coordinate field.</typeparam>
/// <typeparam name="TScalar">The scalar field (order r of the group).</typeparam>
public interface ICurveGroup<TProj, TAff, TBase, TScalar> : IEquatable<TProj>
    where TProj : struct, ICurveGroup<TProj, TAff, TBase, TScalar>
    where TAff : struct, IAffinePoint<TAff, TBase>
    where TBase : struct, IField<TBase>
    where TScalar : struct, IPrimeField<TScalar>
{
    /// <summary>The identity (point at infinity), with Z = 0.</summary>
    static abstract TProj Identity { get; }

    /// <summary>The standard generator.</summary>
    static abstract TProj Generator { get; }

    /// <summary>True for the identity (Z = 0).</summary>
    bool IsIdentity { get; }

    /// <summary>The Jacobian X coordinate.</summary>
    TBase X { get; }

    /// <summary>The Jacobian Y coordinate.</summary>
    TBase Y { get; }

    /// <summary>The Jacobian Z coordinate (zero for the identity).</summary>
    TBase Z { get; }

    /// <summary>r = a + b (complete: handles the identity, a = b and a = -b).</summary>
    static abstract void Add(in TProj a, in TProj b, out TProj r);

    /// <summary>r = a + b for an affine b ("mixed addition", cheaper than <see cref="Add"/>; complete).</summary>
    static abstract void AddMixed(in TProj a, in TAff b, out TProj r);

    /// <summary>r = 2a.</summary>
    static abstract void Double(in TProj a, out TProj r);

    /// <summary>r = -a.</summary>
    static abstract void Negate(in TProj a, out TProj r);

    /// <summary>r = k·a (variable-time in k).</summary>
    static abstract void Multiply(in TProj a, in TScalar k, out TProj r);

    /// <summary>The Jacobian form (X, Y, 1) of an affine point (the identity for infinity).</summary>
    static abstract TProj FromAffine(in TAff a);

    /// <summary>
    /// The point with Jacobian coordinates (x, y, z), without an on-curve check: for algorithms that compute
    /// coordinates from group operations on valid points (e.g. converting MSM bucket sums). z = 0 gives the identity.
    /// </summary>
    static abstract TProj FromJacobianUnchecked(in TBase x, in TBase y, in TBase z);

    /// <summary>The affine form (one field inversion).</summary>
    TAff ToAffine();

    /// <summary>
    /// Converts <paramref name="points"/> to affine form with a single field inversion (Montgomery's trick).
    /// <paramref name="result"/> must be at least as long as <paramref name="points"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="result"/> is shorter than <paramref name="points"/>.</exception>
    static abstract void BatchNormalize(ReadOnlySpan<TProj> points, Span<TAff> result);

    /// <summary>Group addition.</summary>
    static abstract TProj operator +(TProj a, TProj b);

    /// <summary>Group subtraction.</summary>
    static abstract TProj operator -(TProj a, TProj b);

    /// <summary>Group negation.</summary>
    static abstract TProj operator -(TProj a);

    /// <summary>Scalar multiplication.</summary>
    static abstract TProj operator *(TProj a, TScalar k);

    /// <summary>Equality of the points represented (projective-aware: compares X1·Z2^2 with X2·Z1^2, ...).</summary>
    static abstract bool operator ==(TProj a, TProj b);

    /// <summary>Inequality of the points represented.</summary>
    static abstract bool operator !=(TProj a, TProj b);
}
