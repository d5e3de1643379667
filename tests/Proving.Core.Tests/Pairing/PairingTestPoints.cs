using System.Numerics;
using System.Text.Json;
using Proving.Core.Curves.Bn254;

namespace Proving.Core.Tests.Pairing;

/// <summary>Points from ../shared/vectors/bn254.json, and a naive affine G1 scalar multiplication used only as a
/// test oracle (the library's group arithmetic lives elsewhere).</summary>
internal static class PairingTestPoints
{
    public static G1Affine G1(JsonElement node) =>
        G1Affine.Create(Fq.FromBigInteger(SharedVectors.Dec(node.GetProperty("x"))), Fq.FromBigInteger(SharedVectors.Dec(node.GetProperty("y"))));

    public static G2Affine G2(JsonElement node) => G2Affine.Create(Fq2Of(node.GetProperty("x")), Fq2Of(node.GetProperty("y")));

    private static Fq2 Fq2Of(JsonElement node) =>
        new(Fq.FromBigInteger(SharedVectors.Dec(node.GetProperty("c0"))), Fq.FromBigInteger(SharedVectors.Dec(node.GetProperty("c1"))));

    public static G1Affine Neg(G1Affine p) => p.IsInfinity ? p : G1Affine.Create(p.X, -p.Y);

    public static G2Affine Neg(G2Affine q) => q.IsInfinity ? q : G2Affine.Create(q.X, -q.Y);

    /// <summary>k·p by affine double-and-add (slow; k reduced mod r, negative k allowed).</summary>
    public static G1Affine Mul(G1Affine p, BigInteger k)
    {
        k %= Fr.Modulus;
        if (k.Sign < 0) k += Fr.Modulus;
        var acc = G1Affine.Infinity;
        for (long bit = (long)k.GetBitLength() - 1; bit >= 0; bit--)
        {
            acc = Add(acc, acc);
            if (!(k >> (int)bit).IsEven) acc = Add(acc, p);
        }
        return acc;
    }

    private static G1Affine Add(G1Affine a, G1Affine b)
    {
        if (a.IsInfinity) return b;
        if (b.IsInfinity) return a;
        Fq lambda;
        if (a.X == b.X)
        {
            if (a.Y != b.Y || a.Y.IsZero) return G1Affine.Infinity;
            var x2 = a.X.Square();
            lambda = (x2 + x2 + x2) * (a.Y + a.Y).Inverse();
        }
        else lambda = (b.Y - a.Y) * (b.X - a.X).Inverse();
        var x = lambda.Square() - a.X - b.X;
        return G1Affine.Create(x, lambda * (a.X - x) - a.Y);
    }
}
