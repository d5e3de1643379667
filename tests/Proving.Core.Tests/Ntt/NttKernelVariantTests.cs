using Proving.Core.Curves.Bn254;
using Proving.Core.Ntt;

namespace Proving.Core.Tests.Ntt;

/// <summary>The AVX-512 butterflies against the scalar ones, in every ordering and both directions, at sizes that take the
/// small-stage kernels (2^4..2^5), whole cache blocks (2^11) and stages outside the blocks (2^12, 2^15). With
/// DOTNET_EnableHWIntrinsic=0 both sides are scalar (the test script also runs the NaiveNtt comparisons in that mode).</summary>
public class NttKernelVariantTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(15)]
    public void VectorButterfliesEqualScalar(int logN)
    {
        var rng = new Random(950 + logN);
        var a = new Fr[1 << logN];
        for (int i = 0; i < a.Length; i++) a[i] = Fr.Random(rng);
        // Edge values in the first lanes: 0, 1, p - 1 feed the carry and borrow paths of the vector add and subtract.
        if (a.Length >= 8) { a[0] = Fr.Zero; a[1] = Fr.One; a[2] = -Fr.One; a[3] = -Fr.One; a[4] = Fr.Zero; }
        var shift = Fr.MultiplicativeGenerator;
        foreach (var dir in new[] { NttDirection.Forward, NttDirection.Inverse })
            foreach (var ordering in Enum.GetValues<NttOrdering>())
            {
                var vector = (Fr[])a.Clone();
                var scalar = (Fr[])a.Clone();
                CpuNtt.Transform<Fr>(vector, dir, ordering, shift);
                CpuNtt.VectorButterflies = false;
                try { CpuNtt.Transform<Fr>(scalar, dir, ordering, shift); }
                finally { CpuNtt.VectorButterflies = true; }
                Assert.Equal(scalar, vector);
            }
    }
}
