using System.Numerics;
using Proving.Core.Algebra;
using Proving.Core.Curves.Bn254;

namespace Proving.Core.Tests.Msm;

/// <summary>Second oracle for large sizes: textbook single-threaded Pippenger with unsigned 8-bit windows and Jacobian
/// buckets built from the curve types' own group operations (no code shared with the library's MSM).</summary>
internal static class SimplePippenger
{
    public static TProj Compute<TProj, TAff, TF>(ReadOnlySpan<TAff> bases, ReadOnlySpan<Fr> scalars)
        where TProj : struct, ICurveGroup<TProj, TAff, TF, Fr>
        where TAff : struct, IAffinePoint<TAff, TF>
        where TF : struct, IField<TF>
    {
        const int c = 8;
        var k = new BigInteger[scalars.Length];
        for (int i = 0; i < k.Length; i++) k[i] = scalars[i].ToBigInteger();
        var acc = TProj.Identity;
        for (int w = 256 / c - 1; w >= 0; w--)
        {
            for (int i = 0; i < c; i++) TProj.Double(acc, out acc);
            var buckets = new TProj[1 << c];
            Array.Fill(buckets, TProj.Identity);
            for (int i = 0; i < bases.Length; i++)
            {
                int d = (int)((k[i] >> (w * c)) & ((1 << c) - 1));
                if (d != 0) TProj.AddMixed(buckets[d], bases[i], out buckets[d]);
            }
            var running = TProj.Identity;
            var sum = TProj.Identity;
            for (int d = (1 << c) - 1; d >= 1; d--)
            {
                TProj.Add(running, buckets[d], out running);
                TProj.Add(sum, running, out sum);
            }
            TProj.Add(acc, sum, out acc);
        }
        return acc;
    }
}
