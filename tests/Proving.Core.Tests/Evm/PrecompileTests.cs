using System.Numerics;
using Proving.Core.Curves.Bn254;
using Proving.Core.Curves.Bn254.Encoding;
using Proving.Core.Evm;
using static Proving.Core.Tests.Evm.PrecompileCases;

namespace Proving.Core.Tests.Evm;

/// <summary>Precompile semantics on known answers and failure kinds (the anvil test compares bytes with a real EVM).</summary>
public class PrecompileTests
{
    private static readonly byte[] G = EvmEncoding.EncodeG1(G1Affine.Generator);

    [Fact]
    public void EcAddKnownAnswers()
    {
        var twoG = EvmEncoding.EncodeG1((G1Projective.Generator + G1Projective.Generator).ToAffine());
        Assert.Equal(twoG, Bn254Precompiles.EcAdd([.. G, .. G]));
        Assert.Equal(new byte[64], Bn254Precompiles.EcAdd([.. G, .. EvmEncoding.EncodeG1(G1Affine.Generator.Negate())]));
        Assert.Equal(G, Bn254Precompiles.EcAdd(G)); // second point padded to infinity
        Assert.Equal(new byte[64], Bn254Precompiles.EcAdd([]));
        Assert.Equal(twoG, Bn254Precompiles.EcAdd([.. G, .. G, 0xAB, 0xCD]));
        // 2G in the hex of the EIP-196 test suites
        Assert.Equal("030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd315ed738c0e0a7c92e7845f96b2ae9c0a68a6a449e3538fc7ff3ebf7a5a18a2c4",
            Convert.ToHexString(twoG).ToLowerInvariant());
    }

    [Fact]
    public void EcMulKnownAnswersAndUnreducedScalars()
    {
        var rng = new Random(71);
        for (int i = 0; i < 20; i++)
        {
            var p = Curves.CurveTestPoints.RandomG1(rng);
            var k = Fr.Random(rng).ToBigInteger();
            var expected = EvmEncoding.EncodeG1((p.ToProjective() * Fr.FromBigInteger(k)).ToAffine());
            Assert.Equal(expected, Bn254Precompiles.EcMul([.. EvmEncoding.EncodeG1(p), .. Word(k)]));
            if (k + Fr.Modulus < BigInteger.One << 256)
                Assert.Equal(expected, Bn254Precompiles.EcMul([.. EvmEncoding.EncodeG1(p), .. Word(k + Fr.Modulus)]));
        }
        Assert.Equal(new byte[64], Bn254Precompiles.EcMul([.. G, .. Word(Fr.Modulus)]));
        Assert.Equal(new byte[64], Bn254Precompiles.EcMul(G)); // scalar padded to zero
        Assert.Equal(G, Bn254Precompiles.EcMul([.. G, .. Word(1), 0xFF]));
    }

    [Fact]
    public void FailuresCarryTheirReason()
    {
        var output = new byte[64];
        void Fails(bool ok, PrecompileError got, PrecompileError expected) { Assert.False(ok); Assert.Equal(expected, got); }
        PrecompileError e;
        Fails(Bn254Precompiles.TryEcAdd([.. Word(1), .. Word(3)], output, out e), e, PrecompileError.PointNotOnCurve);
        Fails(Bn254Precompiles.TryEcAdd([.. G, .. Word(Fq.Modulus), .. Word(0)], output, out e), e, PrecompileError.CoordinateNotInField);
        Fails(Bn254Precompiles.TryEcMul([.. Word(0), .. Word(1), .. Word(0)], output, out e), e, PrecompileError.PointNotOnCurve);
        Fails(Bn254Precompiles.TryEcMul([.. Word(1), .. Word(2 + Fq.Modulus), .. Word(1)], output, out e), e, PrecompileError.CoordinateNotInField);
        var ex = Assert.Throws<PrecompileException>(() => Bn254Precompiles.EcAdd([.. Word(1), .. Word(3)]));
        Assert.Equal(PrecompileError.PointNotOnCurve, ex.Error);
        Assert.Throws<ArgumentException>(() => Bn254Precompiles.TryEcAdd(G, new byte[63], out _));
    }

    [Fact]
    public void EcPairingKnownAnswersAndFailures()
    {
        byte[] one = [.. new byte[31], 1], zero = new byte[32];
        var h = EvmEncoding.EncodeG2(G2Affine.Generator);
        var negG = EvmEncoding.EncodeG1(G1Affine.Generator.Negate());
        Assert.Equal(one, Bn254Precompiles.EcPairing([]));
        Assert.Equal(zero, Bn254Precompiles.EcPairing([.. G, .. h]));
        Assert.Equal(one, Bn254Precompiles.EcPairing([.. G, .. h, .. negG, .. h]));
        Assert.Equal(one, Bn254Precompiles.EcPairing([.. new byte[64], .. h]));
        var cases = PrecompileCases.EcPairing(12, seed: 72);
        int trues = 0, falses = 0, failures = 0;
        foreach (var c in cases)
        {
            if (!Bn254Precompiles.TryEcPairing(c, out bool r, out _)) failures++;
            else if (r) trues++; else falses++;
        }
        Assert.True(trues >= 8 && falses >= 8 && failures >= 20, $"{trues} true, {falses} false, {failures} failed");

        void Fails(byte[] input, PrecompileError expected)
        {
            Assert.False(Bn254Precompiles.TryEcPairing(input, out bool _, out var e));
            Assert.Equal(expected, e);
            Assert.Equal(expected, Assert.Throws<PrecompileException>(() => Bn254Precompiles.EcPairing(input)).Error);
        }
        Fails([.. G, .. h[..127]], PrecompileError.InvalidInputLength);
        Fails([.. G, .. h, 0], PrecompileError.InvalidInputLength);
        var twist = EvmEncoding.EncodeG2(Curves.CurveTestPoints.RandomTwistPoint(new Random(73)));
        Fails([.. G, .. twist], PrecompileError.PointNotInSubgroup);
        Fails([.. new byte[64], .. twist], PrecompileError.PointNotInSubgroup);
        Fails([.. G, .. h[..127], 0xFF], PrecompileError.PointNotOnCurve);
        Fails([.. Word(1), .. Word(3), .. h], PrecompileError.PointNotOnCurve);
        Fails([.. G, .. Word(Fq.Modulus), .. h[32..]], PrecompileError.CoordinateNotInField);
    }
}
