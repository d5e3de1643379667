using Proving.Core.Algebra;

namespace Proving.Core.Curves.Bn254;

public readonly partial struct G1Affine : IAffinePoint<G1Affine, Fq>
{
    Fq IAffinePoint<G1Affine, Fq>.X => X;
    Fq IAffinePoint<G1Affine, Fq>.Y => Y;
    bool IAffinePoint<G1Affine, Fq>.IsInfinity => IsInfinity;

    /// <summary>The additive inverse (x, -y); infinity stays infinity.</summary>
    public G1Affine Negate() => IsInfinity ? this : new(X, -Y, false);

    /// <summary>The Jacobian form (x, y, 1), or the identity.</summary>
    public G1Projective ToProjective() => G1Projective.FromAffine(this);

    /// <summary>The additive inverse.</summary>
    public static G1Affine operator -(G1Affine a) => a.Negate();

    /// <summary>Equality of coordinates (affine form is unique; infinity equals only infinity).</summary>
    public static bool operator ==(G1Affine a, G1Affine b) => a.IsInfinity == b.IsInfinity && a.X == b.X && a.Y == b.Y;

    /// <summary>Inequality of coordinates.</summary>
    public static bool operator !=(G1Affine a, G1Affine b) => !(a == b);

    /// <inheritdoc />
    public bool Equals(G1Affine other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is G1Affine o && this == o;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(X, Y, IsInfinity);

    /// <summary>"(x, y)" with canonical decimal coordinates, or "infinity".</summary>
    public override string ToString() => IsInfinity ? "infinity" : $"({X}, {Y})";
}
