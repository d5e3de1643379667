using System.Numerics;
using System.Runtime.Intrinsics;
using FsCheck;
using FsCheck.Fluent;
using Proving.Core.Algebra;
using Proving.Core.Curves.Bn254;
using Proving.Core.Msm;
using V8 = Proving.Core.Algebra.MontgomeryVector8<Proving.Core.Curves.Bn254.FqModulus>;

namespace Proving.Core.Tests.Msm;

/// <summary>
/// The eight-lane Fq and Fq2 operations of the vector batch-affine flush (gather from eight arbitrary addresses, Add,
/// Sub, Mul, Square, IsZero, Select, conditional negation, Load/Store, scatter) against the scalar fields, on random and edge values. Without
/// AVX-512 (or under DOTNET_EnableHWIntrinsic=0) the flush must fall back to the scalar path.
/// </summary>
public unsafe class LaneFieldTests
{
    private static readonly BigInteger Q = Fq.Modulus;

    /// <summary>0, 1, q-1, q-2, (q±1)/2 and values at 64-bit and 29-bit limb boundaries, then random values.</summary>
    private static Fq[] Values(int n, Random rng)
    {
        var edge = new List<BigInteger> { 0, 1, 2, Q - 1, Q - 2, (Q - 1) / 2, (Q + 1) / 2, (BigInteger.One << 64) - 1,
            BigInteger.One << 64, (BigInteger.One << 192) - 1, (BigInteger.One << 253) % Q, (BigInteger.One << 29) - 1 };
        return Enumerable.Range(0, n).Select(i => i < edge.Count && rng.Next(2) == 0 ? Fq.FromBigInteger(edge[i]) : Fq.Random(rng))
            .OrderBy(_ => rng.Next()).ToArray();
    }

    /// <summary>Eight distinct indices into an array of <paramref name="n"/>.</summary>
    private static int[] Lanes(int n, Random rng) => Enumerable.Range(0, n).OrderBy(_ => rng.Next()).Take(8).ToArray();

    [Fact]
    public void FqLanesMatchScalarFq() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            if (!MontgomeryVector8<FqModulus>.IsSupported) return !new BatchAffineBuckets<G1Affine, Fq>(4, 64, true).VectorFlush;
            var rng = new Random(seed);
            return LanesMatchScalar<FqLanes, V8.Soa4, Fq>(Values(40, rng), rng);   // (X, Y) pairs as in a bucket
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Fq2LanesMatchScalarFq2() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            if (!MontgomeryVector8<FqModulus>.IsSupported) return !new BatchAffineBuckets<G2Affine, Fq2>(4, 64, true).VectorFlush;
            var rng = new Random(seed);
            var parts = Values(80, rng);
            return LanesMatchScalar<Fq2Lanes, Fq2Lanes.Soa, Fq2>(Enumerable.Range(0, 40).Select(i => new Fq2(parts[2 * i], parts[2 * i + 1])).ToArray(), rng);
        }).QuickCheckThrowOnFailure();

    /// <summary>Gathers X and Y of eight random (X, Y) pairs of <paramref name="xy"/> (40 elements), checks every lane
    /// operation against the scalar field, then scatters X over those Ys and checks that nothing else moved.</summary>
    private static bool LanesMatchScalar<TL, TV, TF>(TF[] xy, Random rng)
        where TL : struct, ILaneField<TV>
        where TV : unmanaged
        where TF : unmanaged, IField<TF>
    {
        var lanes = Lanes(xy.Length / 2, rng);
        var neg = Enumerable.Range(0, 8).Select(_ => rng.Next(2) == 0 ? 0 : ulong.MaxValue).ToArray();
        fixed (TF* p = xy) fixed (ulong* m = neg)
        {
            var ptr = stackalloc Limbs4*[8];
            for (int k = 0; k < 8; k++) ptr[k] = (Limbs4*)(p + 2 * lanes[k]);
            var x = TL.Gather(ptr, 0);
            var y = TL.Gather(ptr, 1);
            var r = stackalloc TF[8 * 7];
            TL.Store(r, TL.Sub(x, y));
            TL.Store(r + 8, TL.Mul(x, y));
            TL.Store(r + 16, TL.Square(x));
            TL.Store(r + 24, TL.NegateWhere(Vector512.Load(m), y));
            TL.Store(r + 32, TL.Sub(TL.Load(r + 8), TL.One));
            TL.Store(r + 40, TL.Add(x, y));
            TL.Store(r + 48, TL.Select(Vector512.Load(m), x, TL.Add(y, TL.Zero)));
            var zero = TL.IsZero(x);
            if (!TL.IsZero(TL.Sub(y, y)).Equals(Vector512<ulong>.AllBitsSet)) return false;
            var before = xy.ToArray();
            TL.Scatter(ptr, 1, x); // Y := X at the eight lanes
            for (int k = 0; k < 8; k++)
            {
                TF a = before[2 * lanes[k]], b = before[2 * lanes[k] + 1];
                if (r[40 + k] != a + b || r[48 + k] != (neg[k] != 0 ? a : b) || (zero.GetElement(k) != 0) != a.IsZero) return false;
                if (r[k] != a - b || r[8 + k] != a * b || r[16 + k] != a.Square() || r[24 + k] != (neg[k] != 0 ? -b : b)
                    || r[32 + k] != a * b - TF.One || p[2 * lanes[k] + 1] != a) return false;
            }
            for (int i = 0; i < xy.Length; i++)
                if (i % 2 == 0 || !lanes.Contains(i / 2)) { if (p[i] != before[i]) return false; }
        }
        return true;
    }
}
