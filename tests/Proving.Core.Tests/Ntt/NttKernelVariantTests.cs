using Proving.Core.Curves.Bn254;
using Proving.Core.Ntt;

namespace Proving.Core.Tests.Ntt;

/// <summary>The butterfly variants against each other: fused radix-2^2 outer stages against plain radix-2 passes, for even
/// and odd counts of stages outside the cache blocks (2^12..2^16 have 1..5 such stages), and the AVX-512 butterflies
/// against the scalar ones, in every ordering and both directions. With DOTNET_EnableHWIntrinsic=0 both sides of the
/// second comparison are scalar (and the test script runs the NaiveNtt comparisons in that mode too).</summary>
public class NttKernelVariantTests
{
    [Theory]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(16)]
    public void FusedOuterStagesEqualRadix2(int logN)
    {
        var rng = new Random(900 + logN);
        var a = new Fr[1 << logN];
        for (int i = 0; i < a.Length; i++) a[i] = Fr.Random(rng);
        foreach (var dir in new[] { NttDirection.Forward, NttDirection.Inverse })
            foreach (var ordering in Enum.GetValues<NttOrdering>())
            {
                var fused = (Fr[])a.Clone();
                var plain = (Fr[])a.Clone();
                CpuNtt.FusedOuterStages = true;
                CpuNtt.Transform<Fr>(fused, dir, ordering);
                CpuNtt.FusedOuterStages = false;
                try { CpuNtt.Transform<Fr>(plain, dir, ordering); }
                finally { CpuNtt.FusedOuterStages = true; }
                Assert.Equal(plain, fused);
            }
    }

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
