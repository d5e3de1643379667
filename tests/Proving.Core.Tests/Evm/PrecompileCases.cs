using System.Numerics;
using Proving.Core.Curves.Bn254;
using Proving.Core.Curves.Bn254.Encoding;
using Proving.Core.Tests.Curves;

namespace Proving.Core.Tests.Evm;

/// <summary>Random, edge and invalid inputs for the BN254 precompiles (shared by the unit and anvil tests).</summary>
internal static class PrecompileCases
{
    private static readonly BigInteger Q = Fq.Modulus, R = Fr.Modulus;

    public static byte[] Word(BigInteger v) => CurveTestPoints.Word(v);

    private static byte[] G1(G1Affine p) => EvmEncoding.EncodeG1(p);

    /// <summary>Encodings of G1 "points" that every precompile must reject.</summary>
    public static IEnumerable<byte[]> InvalidG1(Random rng)
    {
        var p = CurveTestPoints.RandomG1(rng);
        var x = p.X.ToBigInteger();
        var y = p.Y.ToBigInteger();
        yield return [.. Word(x), .. Word(y + 1 == Q ? 0 : y + 1)];   // off the curve
        yield return [.. Word(x + Q), .. Word(y)];                     // x >= q (same residue)
        yield return [.. Word(x), .. Word(y + Q)];                     // y >= q
        yield return [.. Word(Q), .. Word(0)];                         // x = q
        yield return [.. Word((BigInteger.One << 256) - 1), .. Word(1)];
        yield return [.. Word(0), .. Word(1)];                         // (0, y != 0)
        yield return [.. Word(1), .. Word(0)];
        yield return [.. Word(1), .. Word(Q - 1)];                     // (1, -1): off the curve ((1, -2) is on it)
        yield return [.. Word(1), .. Word(2 + Q)];                     // generator with y + q
    }

    /// <summary>ECADD inputs: random sums, doubling, inverses, infinity, short and long inputs, invalid points.</summary>
    public static List<byte[]> EcAdd(int randomCount, int seed)
    {
        var rng = new Random(seed);
        var cases = new List<byte[]>();
        for (int i = 0; i < randomCount; i++)
            cases.Add([.. G1(CurveTestPoints.RandomG1(rng)), .. G1(CurveTestPoints.RandomG1(rng))]);
        var a = CurveTestPoints.RandomG1(rng);
        var g = G1Affine.Generator;
        var inf = G1Affine.Infinity;
        foreach (var (l, r) in new[] { (a, a), (a, a.Negate()), (a, inf), (inf, a), (inf, inf), (g, g), (g, g.Negate()) })
            cases.Add([.. G1(l), .. G1(r)]);
        var full = cases[0];
        foreach (var len in new[] { 0, 1, 31, 32, 63, 64, 65, 96, 127 }) cases.Add(full[..len]);  // right-padded with zeros
        cases.Add([.. G1(g), .. G1(g)[..32]]); // second point (1, 0): invalid after padding
        cases.Add([.. full, 0xff]);                 // truncated to 128 bytes
        cases.Add([.. full, .. full]);
        foreach (var bad in InvalidG1(rng))
        {
            cases.Add([.. bad, .. G1(a)]);
            cases.Add([.. G1(a), .. bad]);
        }
        return cases;
    }

    /// <summary>ECMUL inputs: random points and 256-bit scalars (many &gt;= r), edge scalars, lengths, invalid points.</summary>
    public static List<byte[]> EcMul(int randomCount, int seed)
    {
        var rng = new Random(seed);
        var cases = new List<byte[]>();
        var buf = new byte[32];
        for (int i = 0; i < randomCount; i++)
        {
            rng.NextBytes(buf);
            cases.Add([.. G1(CurveTestPoints.RandomG1(rng)), .. buf]);
        }
        var a = CurveTestPoints.RandomG1(rng);
        var scalars = new[] { BigInteger.Zero, 1, 2, 3, R - 1, R, R + 1, 2 * R, Q, Q - 1, (BigInteger.One << 255), (BigInteger.One << 256) - 1, G1Glv.Lambda };
        foreach (var p in new[] { a, G1Affine.Generator, G1Affine.Infinity })
            foreach (var s in scalars) cases.Add([.. G1(p), .. Word(s)]);
        var full = cases[0];
        foreach (var len in new[] { 0, 1, 32, 63, 64, 65, 80, 95 }) cases.Add(full[..len]);
        cases.Add([.. full, 0x01]);
        cases.Add([.. full, .. full]);
        foreach (var bad in InvalidG1(rng))
        {
            cases.Add([.. bad, .. Word(5)]);
            cases.Add([.. bad, .. Word(0)]); // invalid even when the product would be infinity
        }
        return cases;
    }

    private static byte[] G2(G2Affine q) => EvmEncoding.EncodeG2(q);

    private static G1Affine Mul(G1Affine p, Fr k) => (p.ToProjective() * k).ToAffine();

    private static G2Affine Mul(G2Affine q, Fr k) => (q.ToProjective() * k).ToAffine();

    /// <summary>
    /// ECPAIRING inputs: products that are one (e(aP, bQ)·e(-ab·P, Q)) and that are not, the shared vectors as
    /// pairing checks, infinity in either slot, the empty input, bad lengths, and invalid G1 / G2 points (off curve,
    /// coordinates &gt;= q, swapped c0/c1, twist points outside G2, also next to a G1 infinity).
    /// </summary>
    public static List<byte[]> EcPairing(int randomCount, int seed)
    {
        var rng = new Random(seed);
        var cases = new List<byte[]>();
        var g1 = G1Affine.Generator;
        var g2 = G2Affine.Generator;
        for (int i = 0; i < randomCount; i++)
        {
            var p = CurveTestPoints.RandomG1(rng);
            var q = CurveTestPoints.RandomG2(rng);
            Fr a = Fr.Random(rng), b = Fr.Random(rng);
            var ab = i % 2 == 0 ? a * b : a * b + Fr.One; // odd cases are not one
            byte[] c = [.. G1(Mul(p, a)), .. G2(Mul(q, b)), .. G1(Mul(p, -ab)), .. G2(q)];
            if (i % 3 == 0) c = [.. c, .. G1(CurveTestPoints.RandomG1(rng)), .. G2(G2Affine.Infinity)];
            cases.Add(c);
        }
        foreach (var name in new[] { "pairing_checks", "pairing_checks_negative" })
            foreach (var v in SharedVectors.Root.GetProperty(name).EnumerateArray())
            {
                var p = CurveTestPoints.G1Of(v.GetProperty("P"));
                var q = CurveTestPoints.G2Of(v.GetProperty("Q"));
                var e = Fr.FromBigInteger(SharedVectors.Dec(v.GetProperty("exponent")));
                cases.Add([.. G1(CurveTestPoints.G1Of(v.GetProperty("aP"))), .. G2(CurveTestPoints.G2Of(v.GetProperty("bQ"))), .. G1(Mul(p, -e)), .. G2(q)]);
            }
        cases.Add([]);
        cases.Add([.. G1(g1), .. G2(g2)]);                                  // e(G1, G2) != 1
        cases.Add([.. G1(G1Affine.Infinity), .. G2(g2)]);
        cases.Add([.. G1(g1), .. G2(G2Affine.Infinity)]);
        cases.Add([.. G1(g1), .. G2(g2), .. G1(g1.Negate()), .. G2(g2)]);  // e(G, H)·e(-G, H) = 1
        cases.Add([.. G1(g1), .. G2(g2), .. G1(g1), .. G2(g2.Negate())]);
        var valid = cases[0];
        foreach (var len in new[] { 1, 32, 64, 191, 193, 200, 383 }) cases.Add(valid.Length >= len ? valid[..len] : [.. valid, .. new byte[len - valid.Length]]);
        foreach (var bad in InvalidG1(rng)) cases.Add([.. bad, .. G2(g2)]);
        foreach (var bad in InvalidG2(rng))
        {
            cases.Add([.. G1(g1), .. bad]);
            cases.Add([.. G1(G1Affine.Infinity), .. bad]);
            cases.Add([.. valid, .. G1(g1), .. bad]);
        }
        return cases;
    }

    /// <summary>Encodings of G2 "points" that ECPAIRING must reject.</summary>
    public static IEnumerable<byte[]> InvalidG2(Random rng)
    {
        var twist = CurveTestPoints.RandomTwistPoint(rng);
        yield return G2(twist);                                          // on the twist, outside G2
        var gb = G2(G2Affine.Generator);
        yield return [.. gb[32..64], .. gb[..32], .. gb[96..], .. gb[64..96]]; // c0 / c1 swapped: off the twist
        var off = (byte[])gb.Clone(); off[127] ^= 1;
        yield return off;
        for (int w = 0; w < 4; w++)
        {
            var big = (byte[])gb.Clone();
            Word(new BigInteger(gb.AsSpan(32 * w, 32), isUnsigned: true, isBigEndian: true) + Q).CopyTo(big, 32 * w);
            yield return big;
        }
        byte[] zeroX = [.. new byte[64], .. Word(1), .. Word(0)];
        yield return zeroX;
    }
}
