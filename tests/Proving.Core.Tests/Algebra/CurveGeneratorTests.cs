using Proving.Core.Curves.Bn254;

namespace Proving.Core.Tests.Algebra;

public class GeneratorTests
{
    [Fact]
    public void GeneratorsAreOnTheirCurves()
    {
        Assert.True(G1Affine.Generator.IsOnCurve);
        Assert.True(G2Affine.Generator.IsOnCurve);
        Assert.False(G1Affine.FromTrustedCoordinates(Fq.One, Fq.One).IsOnCurve);
        Assert.Throws<Proving.Core.Algebra.NonCanonicalEncodingException>(() => G1Affine.Create(Fq.One, Fq.One));
        Assert.True(G1Affine.Infinity.IsOnCurve && G2Affine.Infinity.IsOnCurve);
    }
}
