using System.Numerics;
using System.Runtime.InteropServices;
using FsCheck;
using FsCheck.Fluent;
using Proving.Core.Algebra;
using Proving.Core.Curves.Bn254;

namespace Proving.Core.Tests.Algebra;

/// <summary>
/// The eight-lane Montgomery kernels against the scalar field. With hardware intrinsics on (AVX-512 machines) the batch
/// entry points run the vector code; the test script re-runs this namespace with DOTNET_EnableHWIntrinsic=0, where they
/// take the scalar fallback.
/// </summary>
public class MontgomeryVector8Tests
{
    private static readonly BigInteger R = Fr.Modulus;

    /// <summary>0, 1, 2, p-1, p-2, (p±1)/2, values with all limbs near 2^64 or 2^29 boundaries, and those near 2^254 reduced.</summary>
    private static Fr[] EdgeValues()
    {
        var list = new List<BigInteger> { 0, 1, 2, 3, R - 1, R - 2, (R - 1) / 2, (R + 1) / 2, (BigInteger.One << 253) % R,
            ((BigInteger.One << 254) - 1) % R, (BigInteger.One << 64) - 1, BigInteger.One << 64, (BigInteger.One << 128) - 1,
            (BigInteger.One << 192) - 1, R - (BigInteger.One << 64), (BigInteger.One << 232) - 1, (BigInteger.One << 29) - 1 };
        for (int k = 1; k < 9; k++) list.Add(((BigInteger.One << (29 * k)) - 1) % R);
        return list.Select(Fr.FromBigInteger).ToArray();
    }

    private static Fr[] Random(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => Fr.Random(rng)).ToArray();
    }

    private static Fr[] BatchMul(Fr[] a, Fr[] b)
    {
        var r = new Fr[a.Length];
        MontgomeryVector8<FrModulus>.Mul(MemoryMarshal.Cast<Fr, Limbs4>(a), MemoryMarshal.Cast<Fr, Limbs4>(b),
            MemoryMarshal.Cast<Fr, Limbs4>(r.AsSpan()));
        return r;
    }

    [Fact]
    public void MultipliesEveryPairOfEdgeValues()
    {
        var e = EdgeValues();
        var a = e.SelectMany(x => e.Select(_ => x)).ToArray();
        var b = e.SelectMany(_ => e).ToArray();
        Assert.Equal(a.Zip(b, (x, y) => x * y).ToArray(), BatchMul(a, b));
        // Raw Montgomery limbs at the top of the range (p-1 itself, and values whose Montgomery form is near p).
        var top = new[] { new Limbs4(FrModulus.P0 - 1, FrModulus.P1, FrModulus.P2, FrModulus.P3), new Limbs4(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, FrModulus.P3 - 1) };
        var ta = Enumerable.Range(0, 8).Select(i => new Fr(top[i % 2])).ToArray();
        var tb = Enumerable.Range(0, 8).Select(i => new Fr(top[(i / 2) % 2])).ToArray();
        Assert.Equal(ta.Zip(tb, (x, y) => x * y).ToArray(), BatchMul(ta, tb));
    }

    [Fact]
    public void MultipliesRandomBatchesOfEveryLength() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 70)), Arb.From(Gen.Choose(0, int.MaxValue)), (n, seed) =>
        {
            var a = Random(n, seed);
            var b = Random(n, seed ^ 0x5555);
            return a.Zip(b, (x, y) => x * y).SequenceEqual(BatchMul(a, b));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void MultipliesInPlace()
    {
        var a = Random(24, 1);
        var b = Random(24, 2);
        var expected = a.Zip(b, (x, y) => x * y).ToArray();
        var span = MemoryMarshal.Cast<Fr, Limbs4>(a.AsSpan());
        MontgomeryVector8<FrModulus>.Mul(span, MemoryMarshal.Cast<Fr, Limbs4>(b), span);
        Assert.Equal(expected, a);
    }

    [Fact]
    public void RejectsLengthMismatch() =>
        Assert.Throws<ArgumentException>(() => MontgomeryVector8<FrModulus>.Mul(new Limbs4[8], new Limbs4[8], new Limbs4[7]));
}
