using System.Numerics;
using System.Runtime.InteropServices;
using FsCheck;
using FsCheck.Fluent;
using Proving.Core.Algebra;
using Proving.Core.Curves.Bn254;

namespace Proving.Core.Tests.Algebra;

/// <summary>
/// The eight-lane Montgomery kernels against the scalar field. With hardware intrinsics on (AVX-512 machines) the batch
/// entry points run the vector code for every full group of eight; the test script re-runs this namespace with
/// DOTNET_EnableHWIntrinsic=0, where they take the scalar fallback.
/// </summary>
public class MontgomeryVector8Tests
{
    private static readonly BigInteger P = Fr.Modulus;

    private delegate void BatchOp(ReadOnlySpan<Limbs4> a, ReadOnlySpan<Limbs4> b, Span<Limbs4> r);

    private static readonly (BatchOp Batch, Func<Fr, Fr, Fr> Scalar)[] Ops =
    [
        (MontgomeryVector8<FrModulus>.Mul, (x, y) => x * y),
        (MontgomeryVector8<FrModulus>.Add, (x, y) => x + y),
        (MontgomeryVector8<FrModulus>.Sub, (x, y) => x - y),
    ];

    /// <summary>
    /// Values by their canonical integer (0, 1, 2, p-1, p-2, (p±1)/2, 2^k - 1 at the 29-bit and 64-bit limb boundaries,
    /// values near 2^253 and 2^254 reduced mod p), and raw Montgomery limbs that drive the carry and borrow chains of the
    /// vector addition, subtraction and final reduction: a limb of all ones, limbs equal to those of p, p - 1 itself.
    /// </summary>
    private static Fr[] EdgeValues()
    {
        var ints = new List<BigInteger> { 0, 1, 2, 3, P - 1, P - 2, (P - 1) / 2, (P + 1) / 2, (BigInteger.One << 253) % P,
            ((BigInteger.One << 254) - 1) % P, (BigInteger.One << 64) - 1, BigInteger.One << 64, (BigInteger.One << 128) - 1,
            (BigInteger.One << 192) - 1, P - (BigInteger.One << 64), (BigInteger.One << 232) - 1 };
        for (int k = 1; k < 9; k++) ints.Add(((BigInteger.One << (29 * k)) - 1) % P);
        var values = ints.Select(Fr.FromBigInteger).ToList();
        ulong m = ulong.MaxValue;
        values.AddRange(new[]
        {
            new Limbs4(FrModulus.P0 - 1, FrModulus.P1, FrModulus.P2, FrModulus.P3),
            new Limbs4(m, m, m, FrModulus.P3 - 1),
            new Limbs4(0, m, 0, 1), new Limbs4(m, 0, m, 1), new Limbs4(0, 0, m, 0), new Limbs4(m, m, 0, 0),
            new Limbs4(FrModulus.P0, FrModulus.P1, FrModulus.P2, 0), new Limbs4(0, FrModulus.P1, FrModulus.P2, FrModulus.P3 - 1),
            new Limbs4(FrModulus.P0, 0, FrModulus.P2, FrModulus.P3 - 1),
        }.Select(l => new Fr(l)));
        // p - v for every v as well, so that sums hit p exactly and differences hit 0.
        return values.Concat(values.Select(v => -v)).ToArray();
    }

    private static Fr[] Random(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => Fr.Random(rng)).ToArray();
    }

    private static Fr[] Apply(BatchOp op, Fr[] a, Fr[] b)
    {
        var r = new Fr[a.Length];
        op(MemoryMarshal.Cast<Fr, Limbs4>(a), MemoryMarshal.Cast<Fr, Limbs4>(b), MemoryMarshal.Cast<Fr, Limbs4>(r.AsSpan()));
        return r;
    }

    [Fact]
    public void EveryPairOfEdgeValuesMatchesTheScalarField()
    {
        var e = EdgeValues();
        var a = e.SelectMany(x => e.Select(_ => x)).ToArray();
        var b = e.SelectMany(_ => e).ToArray();
        foreach (var (batch, scalar) in Ops)
            Assert.Equal(a.Zip(b, scalar).ToArray(), Apply(batch, a, b));
    }

    [Fact]
    public void RandomBatchesOfEveryLengthMatchTheScalarField() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 70)), Arb.From(Gen.Choose(0, int.MaxValue)), (n, seed) =>
        {
            var a = Random(n, seed);
            var b = Random(n, seed ^ 0x5555);
            return Ops.All(op => a.Zip(b, op.Scalar).SequenceEqual(Apply(op.Batch, a, b)));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void WorksInPlace()
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
