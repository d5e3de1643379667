using Proving.Core.Curves.Bn254;

namespace Proving.Core.Tests.Algebra;

public sealed class FqFieldTests : PrimeFieldTests<Fq> { }

public sealed class FrFieldTests : PrimeFieldTests<Fr> { }

public sealed class FqEncodingTests : PrimeFieldEncodingTests<Fq>
{
    protected override Fq FromLe(ReadOnlySpan<byte> b) => Fq.FromBytesLittleEndian(b);
    protected override Fq FromBe(ReadOnlySpan<byte> b) => Fq.FromBytesBigEndian(b);
    protected override Fq FromMontLe(ReadOnlySpan<byte> b) => Fq.FromMontgomeryBytesLittleEndian(b);
    protected override byte[] ToLe(Fq v) => v.ToBytesLittleEndian();
    protected override byte[] ToBe(Fq v) => v.ToBytesBigEndian();
    protected override void MulInPlace(ref Fq a, in Fq b) => Fq.Mul(a, b, out a);
    protected override bool TrySqrt(Fq a, out Fq root) => a.TrySqrt(out root);
    protected override int Legendre(Fq a) => a.Legendre();
}

public sealed class FrEncodingTests : PrimeFieldEncodingTests<Fr>
{
    protected override Fr FromLe(ReadOnlySpan<byte> b) => Fr.FromBytesLittleEndian(b);
    protected override Fr FromBe(ReadOnlySpan<byte> b) => Fr.FromBytesBigEndian(b);
    protected override Fr FromMontLe(ReadOnlySpan<byte> b) => Fr.FromMontgomeryBytesLittleEndian(b);
    protected override byte[] ToLe(Fr v) => v.ToBytesLittleEndian();
    protected override byte[] ToBe(Fr v) => v.ToBytesBigEndian();
    protected override void MulInPlace(ref Fr a, in Fr b) => Fr.Mul(a, b, out a);
    protected override bool TrySqrt(Fr a, out Fr root) => a.TrySqrt(out root);
    protected override int Legendre(Fr a) => a.Legendre();
}

public class Bn254FieldVectorTests
{
    [Theory]
    [InlineData("fr")]
    [InlineData("fq")]
    public void SharedVectorsPass(string field)
    {
        foreach (var v in SharedVectors.Root.GetProperty(field).EnumerateArray())
        {
            if (field == "fr") Check<Fr>(v, Fr.FromBytesBigEndian); else Check<Fq>(v, Fq.FromBytesBigEndian);
        }
    }

    private delegate T Decode<T>(ReadOnlySpan<byte> b);

    private static void Check<T>(System.Text.Json.JsonElement v, Decode<T> fromBe) where T : struct, Proving.Core.Algebra.IPrimeField<T>
    {
        var a = fromBe(SharedVectors.Hex(v.GetProperty("a")));
        var b = fromBe(SharedVectors.Hex(v.GetProperty("b")));
        Assert.Equal(SharedVectors.Dec(v.GetProperty("a")), a.ToBigInteger());
        Assert.Equal(SharedVectors.Dec(v.GetProperty("sum")), (a + b).ToBigInteger());
        Assert.Equal(SharedVectors.Dec(v.GetProperty("product")), (a * b).ToBigInteger());
        Assert.Equal(SharedVectors.Dec(v.GetProperty("inv_a")), a.Inverse().ToBigInteger());
        Assert.Equal(SharedVectors.Dec(v.GetProperty("inv_b")), b.Inverse().ToBigInteger());
    }

    [Fact]
    public void RootsOfUnityHaveExactOrder()
    {
        for (int k = 0; k <= Fr.TwoAdicity; k++)
        {
            var w = Fr.RootOfUnity(k);
            var x = w;
            for (int i = 0; i < k; i++) x = x.Square();
            Assert.True(x.IsOne);
            if (k > 0) { var y = w; for (int i = 0; i < k - 1; i++) y = y.Square(); Assert.Equal(-Fr.One, y); }
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => Fr.RootOfUnity(29));
    }
}

public sealed class FqLawTests : FieldLawTests<Fq> { }

public sealed class FrLawTests : FieldLawTests<Fr> { }
