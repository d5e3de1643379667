using System.Numerics;
using System.Text.Json;
using Proving.Core.Algebra;
using Proving.Core.Curves.Bn254;
using Proving.Core.Curves.Bn254.Encoding;
using static Proving.Core.Tests.Curves.CurveTestPoints;

namespace Proving.Core.Tests.Curves;

public class EncodingTests
{
    private static IEnumerable<G1Affine> G1Samples()
    {
        var rng = new Random(51);
        yield return G1Affine.Infinity;
        yield return G1Affine.Generator;
        yield return G1Affine.Generator.Negate();
        for (int i = 0; i < 60; i++) yield return RandomG1(rng);
    }

    private static IEnumerable<G2Affine> G2Samples()
    {
        var rng = new Random(52);
        yield return G2Affine.Infinity;
        yield return G2Affine.Generator;
        yield return G2Affine.Generator.Negate();
        for (int i = 0; i < 15; i++) yield return RandomG2(rng);
    }

    [Fact]
    public void EvmEncodingRoundTripsAndMatchesTheLayout()
    {
        foreach (var p in G1Samples())
        {
            var b = EvmEncoding.EncodeG1(p);
            Assert.Equal(64, b.Length);
            Assert.Equal(p, EvmEncoding.DecodeG1(b));
            if (p.IsInfinity) Assert.All(b, x => Assert.Equal(0, x));
            else Assert.Equal(p.X.ToBytesBigEndian().Concat(p.Y.ToBytesBigEndian()), b);
        }
        foreach (var p in G2Samples())
        {
            var b = EvmEncoding.EncodeG2(p);
            Assert.Equal(p, EvmEncoding.DecodeG2(b));
            if (!p.IsInfinity)
                Assert.Equal(p.X.C1.ToBytesBigEndian().Concat(p.X.C0.ToBytesBigEndian()).Concat(p.Y.C1.ToBytesBigEndian()).Concat(p.Y.C0.ToBytesBigEndian()), b);
        }
        // the EIP-197 generator, as the precompile tests write it
        var g2 = Convert.FromHexString("198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2" +
            "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed" +
            "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b" +
            "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa");
        Assert.Equal(G2Affine.Generator, EvmEncoding.DecodeG2(g2));
    }

    [Fact]
    public void EvmDecodersRejectNonCanonicalInput()
    {
        var g = EvmEncoding.EncodeG1(G1Affine.Generator);
        Expect(PointDecodeError.InvalidLength, g[..63], null);
        Expect(PointDecodeError.InvalidLength, [.. g, 0], null);
        // x + q encodes the same residue but is not canonical
        Expect(PointDecodeError.CoordinateNotCanonical, [.. Word(Q + 1), .. Word(2)], null);
        Expect(PointDecodeError.CoordinateNotCanonical, [.. Word(1), .. Word(Q + 2)], null);
        Expect(PointDecodeError.CoordinateNotCanonical, [.. Word(Q), .. Word(0)], null);
        Expect(PointDecodeError.NotOnCurve, [.. Word(1), .. Word(3)], null);
        Expect(PointDecodeError.NotOnCurve, [.. Word(0), .. Word(1)], null);
        Expect(PointDecodeError.NotOnCurve, [.. Word(1), .. Word(0)], null);

        var rng = new Random(53);
        var twist = RandomTwistPoint(rng);
        var tb = EvmEncoding.EncodeG2(twist);
        Expect(null, tb, PointDecodeError.NotInSubgroup);
        Assert.True(EvmEncoding.TryDecodeG2(tb, out var unchecked_, out _, checkSubgroup: false) && unchecked_ == twist);
        var gb = EvmEncoding.EncodeG2(G2Affine.Generator);
        var swapped = gb[32..64].Concat(gb[..32]).Concat(gb[96..]).Concat(gb[64..96]).ToArray(); // c0/c1 swapped
        Expect(null, swapped, PointDecodeError.NotOnCurve);
        for (int word = 0; word < 4; word++)
        {
            var bad = (byte[])gb.Clone();
            var w = new BigInteger(bad.AsSpan(32 * word, 32), isUnsigned: true, isBigEndian: true) + Q;
            Word(w).CopyTo(bad, 32 * word);
            Expect(null, bad, PointDecodeError.CoordinateNotCanonical);
        }
        Expect(null, gb[..127], PointDecodeError.InvalidLength);
        Assert.Throws<NonCanonicalEncodingException>(() => EvmEncoding.DecodeG2(tb));
        Assert.Throws<NonCanonicalEncodingException>(() => EvmEncoding.DecodeG1([.. Word(1), .. Word(3)]));
    }

    private static void Expect(PointDecodeError? g1, byte[] bytes, PointDecodeError? g2)
    {
        if (g1 is { } e1) { Assert.False(EvmEncoding.TryDecodeG1(bytes, out _, out var e)); Assert.Equal(e1, e); }
        if (g2 is { } e2) { Assert.False(EvmEncoding.TryDecodeG2(bytes, out _, out var e)); Assert.Equal(e2, e); }
    }

    [Fact]
    public void CompressedRoundTripsWithFlags()
    {
        int larger = 0, smaller = 0;
        foreach (var p in G1Samples())
        {
            var b = CompressedEncoding.EncodeG1(p);
            Assert.Equal(32, b.Length);
            Assert.Equal(p, CompressedEncoding.DecodeG1(b));
            int flags = b[0] >> 6;
            if (p.IsInfinity) Assert.Equal(0b01, flags);
            else
            {
                Assert.Equal(p.Y.ToBigInteger() > (Q - 1) / 2 ? 0b11 : 0b10, flags);
                if (flags == 0b11) larger++; else smaller++;
                // the negated point differs only in the flag
                var nb = CompressedEncoding.EncodeG1(p.Negate());
                Assert.Equal(b[1..], nb[1..]);
                Assert.NotEqual(b[0], nb[0]);
            }
        }
        Assert.True(larger > 5 && smaller > 5);
        foreach (var p in G2Samples())
        {
            var b = CompressedEncoding.EncodeG2(p);
            Assert.Equal(64, b.Length);
            Assert.Equal(p, CompressedEncoding.DecodeG2(b));
            Assert.Equal(p.Negate(), CompressedEncoding.DecodeG2(CompressedEncoding.EncodeG2(p.Negate())));
        }
        Assert.Equal(new byte[] { 0x40 }.Concat(new byte[31]), CompressedEncoding.EncodeG1(G1Affine.Infinity));
        // generator (1, 2): 2 is the smaller root
        Assert.Equal(0x80, CompressedEncoding.EncodeG1(G1Affine.Generator)[0]);
    }

    [Fact]
    public void CompressedDecodersRejectNonCanonicalInput()
    {
        var g = CompressedEncoding.EncodeG1(G1Affine.Generator);
        void Bad1(byte[] b, PointDecodeError e)
        {
            Assert.False(CompressedEncoding.TryDecodeG1(b, out _, out var got));
            Assert.Equal(e, got);
            Assert.Throws<NonCanonicalEncodingException>(() => CompressedEncoding.DecodeG1(b));
        }
        Bad1(g[..31], PointDecodeError.InvalidLength);
        var noFlags = (byte[])g.Clone(); noFlags[0] &= 0x3F;
        Bad1(noFlags, PointDecodeError.InvalidFlags);
        var infWithPayload = (byte[])g.Clone(); infWithPayload[0] = (byte)(0x40 | (g[0] & 0x3F));
        Bad1(infWithPayload, PointDecodeError.InvalidFlags);
        var infStray = new byte[32]; infStray[0] = 0x41;
        Bad1(infStray, PointDecodeError.InvalidFlags);
        var big = Word(Q + 1); big[0] |= 0x80;
        Bad1(big, PointDecodeError.CoordinateNotCanonical);
        // an x with x^3 + 3 not a square
        var x = BigInteger.One;
        while ((Fq.FromBigInteger(x).Pow(3) + Fq.FromUInt64(3)).Legendre() != -1) x++;
        var offCurve = Word(x); offCurve[0] |= 0x80;
        Bad1(offCurve, PointDecodeError.NotOnCurve);

        var rng = new Random(54);
        var twist = RandomTwistPoint(rng);
        var tb = CompressedEncoding.EncodeG2(twist);
        Assert.False(CompressedEncoding.TryDecodeG2(tb, out _, out var e2));
        Assert.Equal(PointDecodeError.NotInSubgroup, e2);
        var gb = CompressedEncoding.EncodeG2(G2Affine.Generator);
        var gbNoFlag = (byte[])gb.Clone(); gbNoFlag[0] &= 0x3F;
        Assert.False(CompressedEncoding.TryDecodeG2(gbNoFlag, out _, out e2));
        Assert.Equal(PointDecodeError.InvalidFlags, e2);
        Assert.False(CompressedEncoding.TryDecodeG2(gb[..63], out _, out e2));
        Assert.Equal(PointDecodeError.InvalidLength, e2);
        var gbBig = (byte[])gb.Clone();
        Word(new BigInteger(gb.AsSpan(32, 32), isUnsigned: true, isBigEndian: true) + Q).CopyTo(gbBig, 32);
        Assert.False(CompressedEncoding.TryDecodeG2(gbBig, out _, out e2));
        Assert.Equal(PointDecodeError.CoordinateNotCanonical, e2);
        Assert.Throws<NonCanonicalEncodingException>(() => CompressedEncoding.DecodeG2(tb));
    }

    [Fact]
    public void SnarkjsJsonRoundTripsAndAcceptsAnyZ()
    {
        foreach (var p in G1Samples())
        {
            var json = SnarkjsJson.G1ToJson(p).ToJsonString();
            Assert.Equal(p, SnarkjsJson.ReadG1(JsonDocument.Parse(json).RootElement));
            if (p.IsInfinity) Assert.Equal("[\"0\",\"1\",\"0\"]", json);
            else Assert.Equal($"[\"{p.X}\",\"{p.Y}\",\"1\"]", json);
        }
        foreach (var p in G2Samples())
        {
            var json = SnarkjsJson.G2ToJson(p).ToJsonString();
            Assert.Equal(p, SnarkjsJson.ReadG2(JsonDocument.Parse(json).RootElement));
            if (p.IsInfinity) Assert.Equal("[[\"0\",\"0\"],[\"1\",\"0\"],[\"0\",\"0\"]]", json);
            else Assert.Equal($"[[\"{p.X.C0}\",\"{p.X.C1}\"],[\"{p.Y.C0}\",\"{p.Y.C1}\"],[\"1\",\"0\"]]", json);
        }
        // Jacobian points with Z != 1 straight from the group law
        var rng = new Random(55);
        for (int i = 0; i < 10; i++)
        {
            var p1 = G1Projective.Generator * Fr.Random(rng);
            var j1 = $"[\"{p1.X}\",\"{p1.Y}\",\"{p1.Z}\"]";
            Assert.Equal(p1.ToAffine(), SnarkjsJson.ReadG1(JsonDocument.Parse(j1).RootElement));
            var p2 = G2Projective.Generator * Fr.Random(rng);
            var j2 = $"[[\"{p2.X.C0}\",\"{p2.X.C1}\"],[\"{p2.Y.C0}\",\"{p2.Y.C1}\"],[\"{p2.Z.C0}\",\"{p2.Z.C1}\"]]";
            Assert.Equal(p2.ToAffine(), SnarkjsJson.ReadG2(JsonDocument.Parse(j2).RootElement));
        }
        Assert.True(SnarkjsJson.ReadG1(JsonDocument.Parse("[\"1\",\"1\",\"0\"]").RootElement).IsInfinity); // (1 : 1 : 0) is infinity too
    }

    [Theory]
    [InlineData("[\"1\",\"2\"]", PointDecodeError.InvalidLength)]
    [InlineData("{\"x\":\"1\"}", PointDecodeError.InvalidLength)]
    [InlineData("[\"1\",\"2\",\"1\",\"1\"]", PointDecodeError.InvalidLength)]
    [InlineData("[1,2,1]", PointDecodeError.CoordinateNotCanonical)]
    [InlineData("[\"01\",\"2\",\"1\"]", PointDecodeError.CoordinateNotCanonical)]
    [InlineData("[\"+1\",\"2\",\"1\"]", PointDecodeError.CoordinateNotCanonical)]
    [InlineData("[\"-1\",\"2\",\"1\"]", PointDecodeError.CoordinateNotCanonical)]
    [InlineData("[\"\",\"2\",\"1\"]", PointDecodeError.CoordinateNotCanonical)]
    [InlineData("[\"1 \",\"2\",\"1\"]", PointDecodeError.CoordinateNotCanonical)]
    [InlineData("[\"0x1\",\"2\",\"1\"]", PointDecodeError.CoordinateNotCanonical)]
    [InlineData("[\"21888242871839275222246405745257275088696311157297823662689037894645226208584\",\"2\",\"1\"]", PointDecodeError.CoordinateNotCanonical)]
    [InlineData("[\"1\",\"3\",\"1\"]", PointDecodeError.NotOnCurve)]
    [InlineData("[\"0\",\"0\",\"0\"]", PointDecodeError.NotOnCurve)]
    [InlineData("[\"1\",\"2\",\"0\"]", PointDecodeError.NotOnCurve)]
    public void SnarkjsG1RejectsBadJson(string json, PointDecodeError expected)
    {
        Assert.False(SnarkjsJson.TryReadG1(JsonDocument.Parse(json).RootElement, out _, out var e));
        Assert.Equal(expected, e);
        Assert.Throws<NonCanonicalEncodingException>(() => SnarkjsJson.ReadG1(JsonDocument.Parse(json).RootElement));
    }

    [Fact]
    public void SnarkjsG2RejectsBadJson()
    {
        var g = G2Affine.Generator;
        string Pt(Fq2 x, Fq2 y, string z = "[\"1\",\"0\"]") => $"[[\"{x.C0}\",\"{x.C1}\"],[\"{y.C0}\",\"{y.C1}\"],{z}]";
        void Bad(string json, PointDecodeError expected)
        {
            Assert.False(SnarkjsJson.TryReadG2(JsonDocument.Parse(json).RootElement, out _, out var e));
            Assert.Equal(expected, e);
        }
        var twist = RandomTwistPoint(new Random(56));
        Bad(Pt(twist.X, twist.Y), PointDecodeError.NotInSubgroup);
        Bad(Pt(g.X, g.Y + Fq2.One), PointDecodeError.NotOnCurve);
        Bad(Pt(g.Y, g.X), PointDecodeError.NotOnCurve);
        Bad($"[[\"{g.X.C0}\",\"{g.X.C1}\"],[\"{g.Y.C0}\",\"{g.Y.C1}\"]]", PointDecodeError.InvalidLength);
        Bad($"[[\"{g.X.C0}\"],[\"{g.Y.C0}\",\"{g.Y.C1}\"],[\"1\",\"0\"]]", PointDecodeError.InvalidLength);
        Bad($"[[\"{g.X.C0.ToBigInteger() + Q}\",\"{g.X.C1}\"],[\"{g.Y.C0}\",\"{g.Y.C1}\"],[\"1\",\"0\"]]", PointDecodeError.CoordinateNotCanonical);
        Bad("[[\"0\",\"0\"],[\"0\",\"0\"],[\"0\",\"0\"]]", PointDecodeError.NotOnCurve);
        Assert.Throws<NonCanonicalEncodingException>(() => SnarkjsJson.ReadG2(JsonDocument.Parse(Pt(twist.X, twist.Y)).RootElement));
    }
}
