using System.Numerics;
using System.Runtime.Intrinsics;
using FsCheck;
using FsCheck.Fluent;
using Proving.Core.Algebra;
using Proving.Core.Curves.Bn254;
using Proving.Core.Msm;

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
            // (X, Y) pairs as in a bucket
            var xy = Values(40, rng);
            var lanes = Lanes(20, rng);
            var neg = Enumerable.Range(0, 8).Select(_ => rng.Next(2) == 0 ? 0 : ulong.MaxValue).ToArray();
            fixed (Fq* p = xy) fixed (ulong* m = neg)
            {
                var ptr = stackalloc Limbs4*[8];
                for (int k = 0; k < 8; k++) ptr[k] = (Limbs4*)(p + 2 * lanes[k]);
                var x = FqLanes.Gather(ptr, 0);
                var y = FqLanes.Gather(ptr, 1);
                var r = stackalloc Fq[8 * 7];
                FqLanes.Store(r, FqLanes.Sub(x, y));
                FqLanes.Store(r + 8, FqLanes.Mul(x, y));
                FqLanes.Store(r + 16, FqLanes.Square(x));
                FqLanes.Store(r + 24, FqLanes.NegateWhere(Vector512.Load(m), y));
                FqLanes.Store(r + 32, FqLanes.Sub(FqLanes.Load(r + 8), FqLanes.One));
                FqLanes.Store(r + 40, FqLanes.Add(x, y));
                FqLanes.Store(r + 48, FqLanes.Select(Vector512.Load(m), x, FqLanes.Add(y, FqLanes.Zero)));
                var zero = FqLanes.IsZero(x);
                if (!FqLanes.IsZero(FqLanes.Sub(y, y)).Equals(Vector512<ulong>.AllBitsSet)) return false;
                var before = xy.ToArray();
                FqLanes.Scatter(ptr, 1, x); // Y := X at the eight lanes
                for (int k = 0; k < 8; k++)
                {
                    Fq a = before[2 * lanes[k]], b = before[2 * lanes[k] + 1];
                    if (r[40 + k] != a + b || r[48 + k] != (neg[k] != 0 ? a : b) || (zero.GetElement(k) != 0) != a.IsZero) return false;
                    if (r[k] != a - b || r[8 + k] != a * b || r[16 + k] != a.Square() || r[24 + k] != (neg[k] != 0 ? -b : b)
                        || r[32 + k] != a * b - Fq.One || p[2 * lanes[k] + 1] != a) return false;
                }
                for (int i = 0; i < 40; i++)
                    if (i % 2 == 0 || !lanes.Contains(i / 2)) { if (p[i] != before[i]) return false; }
            }
            return true;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Fq2LanesMatchScalarFq2() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            if (!MontgomeryVector8<FqModulus>.IsSupported) return !new BatchAffineBuckets<G2Affine, Fq2>(4, 64, true).VectorFlush;
            var rng = new Random(seed);
            var parts = Values(80, rng);
            var xy = Enumerable.Range(0, 40).Select(i => new Fq2(parts[2 * i], parts[2 * i + 1])).ToArray();
            var lanes = Lanes(20, rng);
            var neg = Enumerable.Range(0, 8).Select(_ => rng.Next(2) == 0 ? 0 : ulong.MaxValue).ToArray();
            fixed (Fq2* p = xy) fixed (ulong* m = neg)
            {
                var ptr = stackalloc Limbs4*[8];
                for (int k = 0; k < 8; k++) ptr[k] = (Limbs4*)(p + 2 * lanes[k]);
                var x = Fq2Lanes.Gather(ptr, 0);
                var y = Fq2Lanes.Gather(ptr, 1);
                var r = stackalloc Fq2[8 * 7];
                Fq2Lanes.Store(r, Fq2Lanes.Sub(x, y));
                Fq2Lanes.Store(r + 8, Fq2Lanes.Mul(x, y));
                Fq2Lanes.Store(r + 16, Fq2Lanes.Square(x));
                Fq2Lanes.Store(r + 24, Fq2Lanes.NegateWhere(Vector512.Load(m), y));
                Fq2Lanes.Store(r + 32, Fq2Lanes.Sub(Fq2Lanes.Load(r + 8), Fq2Lanes.One));
                Fq2Lanes.Store(r + 40, Fq2Lanes.Add(x, y));
                Fq2Lanes.Store(r + 48, Fq2Lanes.Select(Vector512.Load(m), x, Fq2Lanes.Add(y, Fq2Lanes.Zero)));
                var zero = Fq2Lanes.IsZero(x);
                if (!Fq2Lanes.IsZero(Fq2Lanes.Sub(y, y)).Equals(Vector512<ulong>.AllBitsSet)) return false;
                var before = xy.ToArray();
                Fq2Lanes.Scatter(ptr, 1, x);
                for (int k = 0; k < 8; k++)
                {
                    Fq2 a = before[2 * lanes[k]], b = before[2 * lanes[k] + 1];
                    if (r[40 + k] != a + b || r[48 + k] != (neg[k] != 0 ? a : b) || (zero.GetElement(k) != 0) != a.IsZero) return false;
                    if (r[k] != a - b || r[8 + k] != a * b || r[16 + k] != a.Square() || r[24 + k] != (neg[k] != 0 ? -b : b)
                        || r[32 + k] != a * b - Fq2.One || p[2 * lanes[k] + 1] != a) return false;
                }
                for (int i = 0; i < 40; i++)
                    if (i % 2 == 0 || !lanes.Contains(i / 2)) { if (p[i] != before[i]) return false; }
            }
            return true;
        }).QuickCheckThrowOnFailure();
}
