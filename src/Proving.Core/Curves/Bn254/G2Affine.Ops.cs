using Proving.Core.Algebra;

namespace Proving.Core.Curves.Bn254;

public readonly partial struct G2Affine : IAffinePoint<G2Affine, Fq2>
{
    Fq2 IAffinePoint<G2Affine, Fq2>.X => X;
    Fq2 IAffinePoint<G2Affine, Fq2>.Y => Y;
    bool IAffinePoint<G2Affine, Fq2>.IsInfinity => IsInfinity;

    /// <summary>The additive inverse (x, -y); infinity stays infinity.</summary>
    public G2Affine Negate() => IsInfinity ? this : new(X, -Y, false);

    /// <summary>The Jacobian form (x, y, 1), or the identity.</summary>
    public G2Projective ToProjective() => G2Projective.FromAffine(this);

    /// <summary>The additive inverse.</summary>
    public static G2Affine operator -(G2Affine a) => a.Negate();

    /// <summary>Equality of coordinates (affine form is unique; infinity equals only infinity).</summary>
    public static bool operator ==(G2Affine a, G2Affine b) => a.IsInfinity == b.IsInfinity && a.X == b.X && a.Y == b.Y;

    /// <summary>Inequality of coordinates.</summary>
    public static bool operator !=(G2Affine a, G2Affine b) => !(a == b);

    /// <inheritdoc />
    public bool Equals(G2Affine other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is G2Affine o && this == o;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(X, Y, IsInfinity);

    /// <summary>"(x, y)" with canonical decimal coordinates, or "infinity".</summary>
    public override string ToString() => IsInfinity ? "infinity" : $"({X}, {Y})";
}
