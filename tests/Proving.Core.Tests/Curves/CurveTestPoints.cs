using System.Numerics;
using System.Text.Json;
using Proving.Core.Algebra;
using Proving.Core.Curves.Bn254;

namespace Proving.Core.Tests.Curves;

/// <summary>Points for curve tests: shared-vector parsing and twist points outside G2.</summary>
internal static class CurveTestPoints
{
    public static Fq FqOf(JsonElement node) => Fq.FromBigInteger(SharedVectors.Dec(node));

    public static Fq2 Fq2Of(JsonElement node) => new(FqOf(node.GetProperty("c0")), FqOf(node.GetProperty("c1")));

    public static G1Affine G1Of(JsonElement node) => G1Affine.Create(FqOf(node.GetProperty("x")), FqOf(node.GetProperty("y")));

    public static G2Affine G2Of(JsonElement node) => G2Affine.Create(Fq2Of(node.GetProperty("x")), Fq2Of(node.GetProperty("y")));

    /// <summary>
    /// A twist point found by try-and-increment on x from a random start (y = √(x^3 + b'), sign random), NOT
    /// multiplied by the cofactor: almost surely outside G2 (the cofactor 2q - r is about 2^254).
    /// </summary>
    public static G2Affine RandomTwistPoint(Random rng)
    {
        var x = Fq2.Random(rng);
        while (true)
        {
            if ((x.Square() * x + G2Affine.B).TrySqrt(out var y))
                return G2Affine.Create(x, rng.Next(2) == 0 ? y : -y);
            x += Fq2.One;
        }
    }

    /// <summary>A random G1 point k·G.</summary>
    public static G1Affine RandomG1(Random rng) => (G1Projective.Generator * Fr.Random(rng)).ToAffine();

    /// <summary>A random G2 point k·G.</summary>
    public static G2Affine RandomG2(Random rng) => (G2Projective.Generator * Fr.Random(rng)).ToAffine();

    /// <summary>k·p by plain double-and-add over the bits of k (the oracle for the wNAF / GLV code).</summary>
    public static TP NaiveMultiply<TP, TA, TF>(TP p, BigInteger k)
        where TP : struct, ICurveGroup<TP, TA, TF, Fr>
        where TA : struct, IAffinePoint<TA, TF>
        where TF : struct, IField<TF>
    {
        var acc = TP.Identity;
        for (long i = (long)k.GetBitLength() - 1; i >= 0; i--)
        {
            TP.Double(acc, out acc);
            if (!(k >> (int)i).IsEven) TP.Add(acc, p, out acc);
        }
        return acc;
    }

    /// <summary>v (0 &lt;= v &lt; 2^256) as a 32-byte big-endian word.</summary>
    public static byte[] Word(BigInteger v)
    {
        var w = new byte[32];
        int n = v.GetByteCount(isUnsigned: true);
        v.TryWriteBytes(w.AsSpan(32 - n), out _, isUnsigned: true, isBigEndian: true);
        return w;
    }

    public static BigInteger R => Fr.Modulus;

    public static BigInteger Q => Fq.Modulus;
}
