using System.Runtime.InteropServices;

namespace Proving.Core.Curves.Bn254;

/// <summary>
/// The Miller loop's running point T on the twist in homogeneous projective coordinates (x = X/Z, y = Y/Z), with
/// the doubling and mixed-addition steps that also return the line through the points, evaluated at P and
/// untwisted into Fq12 as a + b·w + c·w^3 (see <see cref="Fq12.MulBy034"/>). Internal to the pairing: the steps
/// have no special cases (they assume T ≠ ±Q and T ≠ O, which holds for points of the order-r subgroups) and
/// line values are correct only up to factors in Fq2, which the final exponentiation removes.
/// Formulas: Costello, Lange and Naehrig, "Faster pairing computations on curves with high-degree twists"
/// (PKC 2010) and Aranha et al., "Faster explicit formulas for computing pairings over ordinary curves"
/// (EUROCRYPT 2011), doubling scaled by 4 to avoid halvings.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct TwistPoint
{
    public Fq2 X, Y, Z;

    public TwistPoint(in G2Affine q) { X = q.X; Y = q.Y; Z = Fq2.One; }

    /// <summary>The fixed data of the G1 point P the lines are evaluated at: y, -y, -x and 3x.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public readonly struct Evaluation(in G1Affine p)
    {
        public readonly Fq Y = p.Y;
        public readonly Fq NegY = -p.Y;
        public readonly Fq NegX = -p.X;
        public readonly Fq ThreeX = p.X + p.X + p.X;
    }

    /// <summary>T = 2T; the tangent line at T (before doubling) evaluated at P is a + b·w + c·w^3.</summary>
    public void Double(in Evaluation p, out Fq2 a, out Fq2 b, out Fq2 c)
    {
        Fq2.Square(Y, out var bb);                    // B = Y^2
        Fq2.Square(Z, out var cc);                    // C = Z^2
        Fq2.Mul(cc, PairingConstants.ThreeTwistB, out var e); // E = 3b'·C
        Fq2.Add(e, e, out var f);
        Fq2.Add(f, e, out f);                         // F = 3E
        Fq2.Add(Y, Z, out var h);
        Fq2.Square(h, out h);
        Fq2.Sub(h, bb, out h);
        Fq2.Sub(h, cc, out h);                        // H = (Y + Z)^2 - B - C = 2YZ
        Fq2.Square(X, out var j);                     // J = X^2

        // line: -H·y_P + 3J·x_P·w + (E - B)·w^3
        Fq2.MulByFq(h, p.NegY, out a);
        Fq2.MulByFq(j, p.ThreeX, out b);
        Fq2.Sub(e, bb, out c);

        // X3 = 2XY(B - F), Y3 = (B + F)^2 - 12E^2, Z3 = 4BH
        Fq2.Mul(X, Y, out var xy);
        Fq2.Sub(bb, f, out var t);
        Fq2.Mul(xy, t, out t);
        Fq2.Add(t, t, out X);
        Fq2.Add(bb, f, out var g);
        Fq2.Square(g, out g);
        Fq2.Add(e, e, out var e2);
        Fq2.Square(e2, out e2);
        Fq2.Add(e2, e2, out t);
        Fq2.Add(t, e2, out t);                        // 3(2E)^2 = 12E^2
        Fq2.Sub(g, t, out Y);
        Fq2.Mul(bb, h, out t);
        Fq2.Add(t, t, out t);
        Fq2.Add(t, t, out Z);
    }

    /// <summary>T = T + Q for affine Q (or only the line when <paramref name="updatePoint"/> is false); the line
    /// through T and Q evaluated at P is a + b·w + c·w^3.</summary>
    public void Add(in Fq2 qx, in Fq2 qy, in Evaluation p, bool updatePoint, out Fq2 a, out Fq2 b, out Fq2 c)
    {
        Fq2.Mul(qy, Z, out var theta);
        Fq2.Sub(Y, theta, out theta);                 // θ = Y - y_Q·Z
        Fq2.Mul(qx, Z, out var lambda);
        Fq2.Sub(X, lambda, out lambda);               // λ = X - x_Q·Z

        // line: λ·y_P - θ·x_P·w + (θ·x_Q - λ·y_Q)·w^3
        Fq2.MulByFq(lambda, p.Y, out a);
        Fq2.MulByFq(theta, p.NegX, out b);
        Fq2.Mul(theta, qx, out var t);
        Fq2.Mul(lambda, qy, out var u);
        Fq2.Sub(t, u, out c);
        if (!updatePoint) return;

        Fq2.Square(theta, out var cc);                // C = θ^2
        Fq2.Square(lambda, out var d);                // D = λ^2
        Fq2.Mul(lambda, d, out var e);                // E = λ^3
        Fq2.Mul(Z, cc, out var f);                    // F = Z·C
        Fq2.Mul(X, d, out var g);                     // G = X·D
        Fq2.Add(e, f, out var h);
        Fq2.Sub(h, g, out h);
        Fq2.Sub(h, g, out h);                         // H = E + F - 2G
        Fq2.Mul(lambda, h, out X);                    // X3 = λH
        Fq2.Sub(g, h, out t);
        Fq2.Mul(theta, t, out t);
        Fq2.Mul(Y, e, out u);
        Fq2.Sub(t, u, out Y);                         // Y3 = θ(G - H) - Y·E
        Fq2.Mul(Z, e, out Z);                         // Z3 = Z·E
    }
}
