using System.Numerics;
using System.Runtime.CompilerServices;

namespace Proving.Core.Algebra;

/// <summary>
/// Montgomery arithmetic modulo a 4-limb prime (R = 2^256), specialised per modulus by the JIT.
/// Inputs and outputs are fully reduced ([0, p)). Add, Sub, Neg, Mul, Square and Inverse run in constant time
/// (no branches or memory accesses that depend on values); Pow is variable-time in the exponent, Sqrt and
/// Legendre in the value. Multiplication is the coarsely integrated operand scanning (CIOS) method with the
/// "no final carry" shortcut valid when the top limb of p is below 2^63 - 1 (both BN254 primes).
/// </summary>
internal static class Montgomery4<TM> where TM : struct, IMontgomeryModulus
{
    public static Limbs4 P => new(TM.P0, TM.P1, TM.P2, TM.P3);

    public static readonly BigInteger Modulus = P.ToBigInteger();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ReduceOnce(ref ulong t0, ref ulong t1, ref ulong t2, ref ulong t3)
    {
        ulong b = 0;
        ulong r0 = Arith.Sbb(t0, TM.P0, ref b);
        ulong r1 = Arith.Sbb(t1, TM.P1, ref b);
        ulong r2 = Arith.Sbb(t2, TM.P2, ref b);
        ulong r3 = Arith.Sbb(t3, TM.P3, ref b);
        ulong keep = 0UL - b; // all ones when t < p
        t0 = (t0 & keep) | (r0 & ~keep);
        t1 = (t1 & keep) | (r1 & ~keep);
        t2 = (t2 & keep) | (r2 & ~keep);
        t3 = (t3 & keep) | (r3 & ~keep);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in Limbs4 a, in Limbs4 b, out Limbs4 r)
    {
        ulong c = 0;
        ulong t0 = Arith.Adc(a.L0, b.L0, ref c);
        ulong t1 = Arith.Adc(a.L1, b.L1, ref c);
        ulong t2 = Arith.Adc(a.L2, b.L2, ref c);
        ulong t3 = Arith.Adc(a.L3, b.L3, ref c);
        ReduceOnce(ref t0, ref t1, ref t2, ref t3);
        r = new Limbs4(t0, t1, t2, t3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Double(in Limbs4 a, out Limbs4 r)
    {
        ulong t0 = a.L0 << 1, t1 = (a.L1 << 1) | (a.L0 >> 63), t2 = (a.L2 << 1) | (a.L1 >> 63), t3 = (a.L3 << 1) | (a.L2 >> 63);
        ReduceOnce(ref t0, ref t1, ref t2, ref t3);
        r = new Limbs4(t0, t1, t2, t3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(in Limbs4 a, in Limbs4 b, out Limbs4 r)
    {
        ulong br = 0;
        ulong t0 = Arith.Sbb(a.L0, b.L0, ref br);
        ulong t1 = Arith.Sbb(a.L1, b.L1, ref br);
        ulong t2 = Arith.Sbb(a.L2, b.L2, ref br);
        ulong t3 = Arith.Sbb(a.L3, b.L3, ref br);
        ulong mask = 0UL - br; // add p back when the subtraction borrowed
        ulong c = 0;
        t0 = Arith.Adc(t0, TM.P0 & mask, ref c);
        t1 = Arith.Adc(t1, TM.P1 & mask, ref c);
        t2 = Arith.Adc(t2, TM.P2 & mask, ref c);
        t3 = Arith.Adc(t3, TM.P3 & mask, ref c);
        r = new Limbs4(t0, t1, t2, t3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Neg(in Limbs4 a, out Limbs4 r)
    {
        ulong br = 0;
        ulong t0 = Arith.Sbb(TM.P0, a.L0, ref br);
        ulong t1 = Arith.Sbb(TM.P1, a.L1, ref br);
        ulong t2 = Arith.Sbb(TM.P2, a.L2, ref br);
        ulong t3 = Arith.Sbb(TM.P3, a.L3, ref br);
        ulong any = a.L0 | a.L1 | a.L2 | a.L3;
        ulong nz = 0UL - ((any | (0UL - any)) >> 63); // all ones when a != 0, so that -0 = 0
        r = new Limbs4(t0 & nz, t1 & nz, t2 & nz, t3 & nz);
    }

    /// <summary>One CIOS round: t = (t + a * bi + m * p) / 2^64 with m chosen to clear the low limb.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(in Limbs4 a, ulong bi, ref ulong t0, ref ulong t1, ref ulong t2, ref ulong t3)
    {
        ulong lo = Arith.MulAdd(a.L0, bi, t0, out ulong A);
        ulong m = lo * TM.Inv;
        Arith.MulAdd(m, TM.P0, lo, out ulong C);
        lo = Arith.MulAdd2(a.L1, bi, t1, A, out A);
        t0 = Arith.MulAdd2(m, TM.P1, lo, C, out C);
        lo = Arith.MulAdd2(a.L2, bi, t2, A, out A);
        t1 = Arith.MulAdd2(m, TM.P2, lo, C, out C);
        lo = Arith.MulAdd2(a.L3, bi, t3, A, out A);
        t2 = Arith.MulAdd2(m, TM.P3, lo, C, out C);
        t3 = C + A;
    }

    /// <summary>r = a * b * R^-1 mod p. Alias-safe (r may be a or b).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Mul(in Limbs4 a, in Limbs4 b, out Limbs4 r)
    {
        ulong b0 = b.L0, b1 = b.L1, b2 = b.L2, b3 = b.L3;
        ulong t0 = 0, t1 = 0, t2 = 0, t3 = 0;
        Round(a, b0, ref t0, ref t1, ref t2, ref t3);
        Round(a, b1, ref t0, ref t1, ref t2, ref t3);
        Round(a, b2, ref t0, ref t1, ref t2, ref t3);
        Round(a, b3, ref t0, ref t1, ref t2, ref t3);
        ReduceOnce(ref t0, ref t1, ref t2, ref t3);
        r = new Limbs4(t0, t1, t2, t3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Square(in Limbs4 a, out Limbs4 r) => Mul(a, a, out r);

    /// <summary>Montgomery form of a canonical value (a &lt; p).</summary>
    public static Limbs4 ToMontgomery(in Limbs4 canonical)
    {
        Mul(canonical, TM.R2, out var r);
        return r;
    }

    /// <summary>Canonical value of a Montgomery-form element.</summary>
    public static Limbs4 FromMontgomery(in Limbs4 mont)
    {
        Mul(mont, new Limbs4(1, 0, 0, 0), out var r);
        return r;
    }

    /// <summary>a^e for a little-endian exponent given as limbs (variable-time in e).</summary>
    public static Limbs4 Pow(in Limbs4 a, ReadOnlySpan<ulong> exponent)
    {
        var result = TM.R;
        for (int i = exponent.Length - 1; i >= 0; i--)
        {
            ulong e = exponent[i];
            for (int bit = 63; bit >= 0; bit--)
            {
                Square(result, out result);
                if (((e >> bit) & 1) != 0) Mul(result, a, out result);
            }
        }
        return result;
    }

    public static Limbs4 Pow(in Limbs4 a, BigInteger exponent)
    {
        if (exponent.Sign < 0) throw new ArgumentOutOfRangeException(nameof(exponent), "negative exponent");
        var bytes = exponent.ToByteArray(isUnsigned: true, isBigEndian: false);
        var limbs = new ulong[(bytes.Length + 7) / 8];
        for (int i = 0; i < bytes.Length; i++) limbs[i / 8] |= (ulong)bytes[i] << (8 * (i % 8));
        return Pow(a, limbs);
    }

    private static readonly ulong[] PMinus2 = ExponentLimbs(Modulus - 2);
    private static readonly ulong[] HalfPMinus1 = ExponentLimbs((Modulus - 1) / 2);

    private static ulong[] ExponentLimbs(BigInteger e)
    {
        var l = Limbs4.FromBigInteger(e);
        return [l.L0, l.L1, l.L2, l.L3];
    }

    /// <summary>a^-1 by Fermat's little theorem (a^(p-2)); the fixed exponent makes it constant-time.</summary>
    /// <exception cref="DivideByZeroException">a is zero.</exception>
    public static Limbs4 Inverse(in Limbs4 a)
    {
        if (a.IsZero) throw new DivideByZeroException($"{TM.Name}: zero has no inverse");
        return Pow(a, PMinus2);
    }

    /// <summary>Legendre symbol: 0 for zero, 1 for a non-zero square, -1 for a non-square (variable-time).</summary>
    public static int Legendre(in Limbs4 a)
    {
        if (a.IsZero) return 0;
        var l = Pow(a, HalfPMinus1);
        return l.Equals(TM.R) ? 1 : -1;
    }

    /// <summary>Square root by Tonelli-Shanks (p = 3 mod 4 takes the one-exponentiation shortcut); false when a is
    /// not a square. Returns the root whose canonical value is the one the algorithm yields (not normalised).</summary>
    public static bool TrySqrt(in Limbs4 a, out Limbs4 root) => SqrtConstants.TrySqrt(a, out root);

    private static class SqrtConstants
    {
        private static readonly int S;             // p - 1 = 2^S * T, T odd
        private static readonly ulong[] TMinus1Half; // (T - 1) / 2
        private static readonly Limbs4 Z;           // a non-residue to the power T, Montgomery form
        private static readonly ulong[] PPlus1Quarter;

        static SqrtConstants()
        {
            var t = Modulus - 1;
            while (t.IsEven) { t >>= 1; S++; }
            TMinus1Half = ExponentLimbs((t - 1) / 2);
            PPlus1Quarter = ExponentLimbs((Modulus + 1) / 4);
            for (ulong n = 2; ; n++)
            {
                var candidate = ToMontgomery(new Limbs4(n, 0, 0, 0));
                if (Legendre(candidate) == -1) { Z = Pow(candidate, t); break; }
            }
        }

        public static bool TrySqrt(in Limbs4 a, out Limbs4 root)
        {
            if (a.IsZero) { root = default; return true; }
            if (S == 1)
            {
                root = Pow(a, PPlus1Quarter);
                Square(root, out var check);
                return check.Equals(a);
            }
            // Tonelli-Shanks: w = a^((T-1)/2), x = a*w, b = x*w = a^T, z = Z.
            var w = Pow(a, TMinus1Half);
            Mul(a, w, out var x);
            Mul(x, w, out var b);
            var z = Z;
            int v = S;
            var one = TM.R;
            while (!b.Equals(one))
            {
                // least k with b^(2^k) = 1
                int k = 0;
                var b2k = b;
                while (!b2k.Equals(one))
                {
                    Square(b2k, out b2k);
                    k++;
                    if (k == v) { root = default; return false; }
                }
                var wz = z;
                for (int i = 0; i < v - k - 1; i++) Square(wz, out wz);
                Square(wz, out z);
                Mul(b, z, out b);
                Mul(x, wz, out x);
                v = k;
            }
            root = x;
            return true;
        }
    }

    /// <summary>A uniformly random element (rejection sampling of canonical values), in Montgomery form.</summary>
    public static Limbs4 Random(Random rng)
    {
        Span<byte> buf = stackalloc byte[32];
        ulong topMask = (1UL << (64 - BitOperations.LeadingZeroCount(TM.P3))) - 1;
        while (true)
        {
            rng.NextBytes(buf);
            var l = Limbs4.FromBytesLittleEndian(buf);
            l.L3 &= topMask;
            if (Limbs4.LessThan(l, P)) return ToMontgomery(l);
        }
    }

    /// <summary>A uniformly random element from the operating system's cryptographic generator.</summary>
    public static Limbs4 RandomSecure()
    {
        Span<byte> buf = stackalloc byte[32];
        ulong topMask = (1UL << (64 - BitOperations.LeadingZeroCount(TM.P3))) - 1;
        while (true)
        {
            System.Security.Cryptography.RandomNumberGenerator.Fill(buf);
            var l = Limbs4.FromBytesLittleEndian(buf);
            l.L3 &= topMask;
            buf.Clear();
            if (Limbs4.LessThan(l, P)) return ToMontgomery(l);
        }
    }

    /// <summary>Montgomery form of a canonical 256-bit value; throws when value &gt;= p.</summary>
    public static Limbs4 FromCanonical(in Limbs4 value)
    {
        if (!Limbs4.LessThan(value, P))
            throw new NonCanonicalEncodingException($"{TM.Name}: value is not below the modulus");
        return ToMontgomery(value);
    }

    /// <summary>Validates raw Montgomery limbs (as snarkjs stores them): must be below p.</summary>
    public static Limbs4 FromRawMontgomery(in Limbs4 value)
    {
        if (!Limbs4.LessThan(value, P))
            throw new NonCanonicalEncodingException($"{TM.Name}: Montgomery value is not below the modulus");
        return value;
    }

    public static Limbs4 FromBigIntegerReduced(BigInteger v)
    {
        v %= Modulus;
        if (v.Sign < 0) v += Modulus;
        return ToMontgomery(Limbs4.FromBigInteger(v));
    }

    public static Limbs4 FromBigIntegerChecked(BigInteger v)
    {
        if (v.Sign < 0 || v >= Modulus)
            throw new NonCanonicalEncodingException($"{TM.Name}: {v} is outside [0, p)");
        return ToMontgomery(Limbs4.FromBigInteger(v));
    }

    public static bool TryParse(string? s, out Limbs4 value)
    {
        value = default;
        if (string.IsNullOrEmpty(s) || s.Length > 100) return false;
        foreach (var ch in s) if (ch < '0' || ch > '9') return false;
        var v = BigInteger.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        if (v >= Modulus) return false;
        value = ToMontgomery(Limbs4.FromBigInteger(v));
        return true;
    }
}
