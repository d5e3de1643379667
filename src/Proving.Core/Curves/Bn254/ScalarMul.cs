using System.Numerics;
using Proving.Core.Algebra;

namespace Proving.Core.Curves.Bn254;

/// <summary>
/// Variable-time scalar multiplication by width-w non-adjacent form (wNAF), written once for any curve group:
/// a single scalar (G2, small cases) or two scalars interleaved over a shared doubling chain (G1's GLV split).
/// The scalar is any non-negative integer given as little-endian 64-bit limbs; it is not reduced modulo r, so
/// multiplying points outside the prime-order subgroup (subgroup checks) is exact.
/// </summary>
internal static class ScalarMul
{
    /// <summary>Window width: 2^(W-2) = 8 precomputed odd multiples per base.</summary>
    private const int W = 5;

    /// <summary>
    /// Writes the wNAF digits of k (odd digits in (-2^(w-1), 2^(w-1)), at least w-1 zeros between non-zero
    /// digits) to <paramref name="digits"/> (length at least 64·k.Length + 1, cleared here) and returns the
    /// number of digits up to the highest non-zero one (0 for k = 0). Σ digits[i]·2^i = k.
    /// </summary>
    public static int Recode(ReadOnlySpan<ulong> k, int w, Span<sbyte> digits)
    {
        int bits = k.Length * 64;
        digits[..(bits + 1)].Clear();
        int carry = 0, pos = 0, len = 0;
        int half = 1 << (w - 1);
        while (pos <= bits)
        {
            if (Bits(k, pos, 1) == carry) { pos++; continue; }
            int v = Bits(k, pos, w) + carry; // odd
            if (v > half) { v -= 1 << w; carry = 1; } else carry = 0;
            digits[pos] = (sbyte)v;
            len = pos + 1;
            pos += w;
        }
        return len;
    }

    /// <summary>Bits [pos, pos + n) of k (zero beyond the end), n &lt;= 32.</summary>
    private static int Bits(ReadOnlySpan<ulong> k, int pos, int n)
    {
        int limb = pos >> 6, off = pos & 63;
        if (limb >= k.Length) return 0;
        ulong v = k[limb] >> off;
        if (off + n > 64 && limb + 1 < k.Length) v |= k[limb + 1] << (64 - off);
        return (int)(v & ((1UL << n) - 1));
    }

    /// <summary>Little-endian limbs of a non-negative integer.</summary>
    public static ulong[] Limbs(BigInteger k)
    {
        if (k.Sign < 0) throw new ArgumentOutOfRangeException(nameof(k), "negative scalar");
        var bytes = k.ToByteArray(isUnsigned: true, isBigEndian: false);
        var limbs = new ulong[Math.Max(1, (bytes.Length + 7) / 8)];
        for (int i = 0; i < bytes.Length; i++) limbs[i >> 3] |= (ulong)bytes[i] << (8 * (i & 7));
        return limbs;
    }

    /// <summary>The odd multiples p, 3p, ..., (2^(W-1) - 1)p.</summary>
    private static TP[] OddMultiples<TP, TA, TF, TS>(in TP p)
        where TP : struct, ICurveGroup<TP, TA, TF, TS>
        where TA : struct, IAffinePoint<TA, TF>
        where TF : struct, IField<TF>
        where TS : struct, IPrimeField<TS>
    {
        var table = new TP[1 << (W - 2)];
        table[0] = p;
        TP.Double(p, out var p2);
        for (int i = 1; i < table.Length; i++) TP.Add(table[i - 1], p2, out table[i]);
        return table;
    }

    private static void AddDigit<TP, TA, TF, TS>(ref TP acc, TP[] table, int d)
        where TP : struct, ICurveGroup<TP, TA, TF, TS>
        where TA : struct, IAffinePoint<TA, TF>
        where TF : struct, IField<TF>
        where TS : struct, IPrimeField<TS>
    {
        if (d > 0) TP.Add(acc, table[d >> 1], out acc);
        else if (d < 0)
        {
            TP.Negate(table[(-d) >> 1], out var n);
            TP.Add(acc, n, out acc);
        }
    }

    /// <summary>k·p for a non-negative k given as little-endian limbs.</summary>
    public static TP Multiply<TP, TA, TF, TS>(in TP p, ReadOnlySpan<ulong> k)
        where TP : struct, ICurveGroup<TP, TA, TF, TS>
        where TA : struct, IAffinePoint<TA, TF>
        where TF : struct, IField<TF>
        where TS : struct, IPrimeField<TS>
    {
        int n = k.Length * 64 + 1;
        Span<sbyte> digits = n <= 1024 ? stackalloc sbyte[n] : new sbyte[n];
        int len = Recode(k, W, digits);
        var acc = TP.Identity;
        if (len == 0 || p.IsIdentity) return acc;
        var table = OddMultiples<TP, TA, TF, TS>(p);
        for (int i = len - 1; i >= 0; i--)
        {
            TP.Double(acc, out acc);
            AddDigit<TP, TA, TF, TS>(ref acc, table, digits[i]);
        }
        return acc;
    }

    /// <summary>k1·p1 + k2·p2 for non-negative k1, k2 with one shared doubling chain (Straus / Shamir).</summary>
    public static TP Multiply2<TP, TA, TF, TS>(in TP p1, ReadOnlySpan<ulong> k1, in TP p2, ReadOnlySpan<ulong> k2)
        where TP : struct, ICurveGroup<TP, TA, TF, TS>
        where TA : struct, IAffinePoint<TA, TF>
        where TF : struct, IField<TF>
        where TS : struct, IPrimeField<TS>
    {
        int n1 = k1.Length * 64 + 1, n2 = k2.Length * 64 + 1;
        Span<sbyte> d1 = n1 <= 512 ? stackalloc sbyte[n1] : new sbyte[n1];
        Span<sbyte> d2 = n2 <= 512 ? stackalloc sbyte[n2] : new sbyte[n2];
        int len1 = p1.IsIdentity ? 0 : Recode(k1, W, d1);
        int len2 = p2.IsIdentity ? 0 : Recode(k2, W, d2);
        var acc = TP.Identity;
        int len = Math.Max(len1, len2);
        if (len == 0) return acc;
        var t1 = len1 > 0 ? OddMultiples<TP, TA, TF, TS>(p1) : [];
        var t2 = len2 > 0 ? OddMultiples<TP, TA, TF, TS>(p2) : [];
        for (int i = len - 1; i >= 0; i--)
        {
            TP.Double(acc, out acc);
            if (i < len1) AddDigit<TP, TA, TF, TS>(ref acc, t1, d1[i]);
            if (i < len2) AddDigit<TP, TA, TF, TS>(ref acc, t2, d2[i]);
        }
        return acc;
    }
}
