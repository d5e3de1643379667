using System.Buffers;

namespace Proving.Core.Curves.Bn254;

public static partial class Pairing
{
    /// <summary>
    /// The Miller loop of the optimal ate pairing for one pair: f_{6x+2,Q}(P) times the lines through
    /// [6x+2]Q and π(Q) and through [6x+2]Q + π(Q) and -π²(Q). The value is meaningful only after
    /// <see cref="FinalExponentiation"/>. Returns one when either point is infinity.
    /// </summary>
    /// <param name="p">A point of G1 (the curve has cofactor 1: any point on it).</param>
    /// <param name="q">A point of G2 in the order-r subgroup of the twist; not checked here.</param>
    public static Fq12 MillerLoop(in G1Affine p, in G2Affine q) =>
        MillerLoop(new ReadOnlySpan<G1Affine>(in p), new ReadOnlySpan<G2Affine>(in q));

    /// <summary>
    /// The product of the Miller loops of all pairs (p[i], q[i]) computed with one shared accumulator (one Fq12
    /// squaring per step for all pairs). Pairs with an infinity point contribute one. Empty spans give one.
    /// </summary>
    /// <param name="p">Points of G1, as many as <paramref name="q"/>.</param>
    /// <param name="q">Points of the order-r subgroup of the twist; not checked here.</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static Fq12 MillerLoop(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Affine> q)
    {
        if (p.Length != q.Length)
            throw new ArgumentException($"Pairing: {p.Length} G1 points but {q.Length} G2 points", nameof(q));

        int n = 0;
        for (int i = 0; i < p.Length; i++)
            if (!p[i].IsInfinity && !q[i].IsInfinity) n++;
        if (n == 0) return Fq12.One;

        var evalArray = ArrayPool<TwistPoint.Evaluation>.Shared.Rent(n);
        var stateArray = ArrayPool<TwistPoint>.Shared.Rent(n);
        var pointArray = ArrayPool<G2Affine>.Shared.Rent(n);
        try
        {
            var evals = evalArray.AsSpan(0, n);
            var states = stateArray.AsSpan(0, n);
            var points = pointArray.AsSpan(0, n);
            for (int i = 0, k = 0; i < p.Length; i++)
            {
                if (p[i].IsInfinity || q[i].IsInfinity) continue;
                evals[k] = new TwistPoint.Evaluation(p[i]);
                states[k] = new TwistPoint(q[i]);
                points[k] = q[i];
                k++;
            }
            return Loop(evals, states, points);
        }
        finally
        {
            ArrayPool<TwistPoint.Evaluation>.Shared.Return(evalArray);
            ArrayPool<TwistPoint>.Shared.Return(stateArray);
            ArrayPool<G2Affine>.Shared.Return(pointArray);
        }
    }

    private static Fq12 Loop(ReadOnlySpan<TwistPoint.Evaluation> evals, Span<TwistPoint> states, ReadOnlySpan<G2Affine> points)
    {
        var naf = PairingConstants.AteLoopNaf;
        var f = Fq12.One;
        for (int i = naf.Length - 2; i >= 0; i--)
        {
            if (i != naf.Length - 2) Fq12.Square(f, out f);
            for (int k = 0; k < states.Length; k++)
            {
                states[k].Double(evals[k], out var a, out var b, out var c);
                Fq12.MulBy034(f, a, b, c, out f);
            }
            if (naf[i] == 0) continue;
            for (int k = 0; k < states.Length; k++)
            {
                var qy = naf[i] > 0 ? points[k].Y : -points[k].Y;
                states[k].Add(points[k].X, qy, evals[k], true, out var a, out var b, out var c);
                Fq12.MulBy034(f, a, b, c, out f);
            }
        }

        // the two final lines, with Q1 = π(Q) and -Q2 = -π²(Q) (π: the q-power Frobenius on the twist)
        for (int k = 0; k < states.Length; k++)
        {
            var q = points[k];
            var q1x = q.X.Conjugate() * FrobeniusCoefficients.V[1];
            var q1y = q.Y.Conjugate() * FrobeniusCoefficients.Y[1];
            states[k].Add(q1x, q1y, evals[k], true, out var a, out var b, out var c);
            Fq12.MulBy034(f, a, b, c, out f);
            var q2x = q.X * FrobeniusCoefficients.V[2];
            var q2y = -(q.Y * FrobeniusCoefficients.Y[2]);
            states[k].Add(q2x, q2y, evals[k], false, out a, out b, out c);
            Fq12.MulBy034(f, a, b, c, out f);
        }
        return f;
    }
}
