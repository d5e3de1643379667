using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Proving.Core.Algebra;

/// <summary>A 256-bit value as four 64-bit little-endian limbs (L0 least significant).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Limbs4 : IEquatable<Limbs4>
{
    public ulong L0, L1, L2, L3;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Limbs4(ulong l0, ulong l1, ulong l2, ulong l3) { L0 = l0; L1 = l1; L2 = l2; L3 = l3; }

    public readonly bool IsZero => (L0 | L1 | L2 | L3) == 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly bool Equals(Limbs4 o) => ((L0 ^ o.L0) | (L1 ^ o.L1) | (L2 ^ o.L2) | (L3 ^ o.L3)) == 0;

    public override readonly bool Equals(object? obj) => obj is Limbs4 o && Equals(o);

    public override readonly int GetHashCode() => HashCode.Combine(L0, L1, L2, L3);

    /// <summary>The limb with index i (0..3).</summary>
    public readonly ulong this[int i] => i switch { 0 => L0, 1 => L1, 2 => L2, _ => L3 };

    public static Limbs4 FromBigInteger(System.Numerics.BigInteger v)
    {
        Span<byte> b = stackalloc byte[32];
        b.Clear();
        if (!v.TryWriteBytes(b, out _, isUnsigned: true, isBigEndian: false))
            throw new ArgumentOutOfRangeException(nameof(v), "value does not fit in 256 bits");
        return FromBytesLittleEndian(b);
    }

    public readonly System.Numerics.BigInteger ToBigInteger()
    {
        Span<byte> b = stackalloc byte[32];
        WriteLittleEndian(b);
        return new System.Numerics.BigInteger(b, isUnsigned: true, isBigEndian: false);
    }

    public static Limbs4 FromBytesLittleEndian(ReadOnlySpan<byte> b) => new(
        System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(b),
        System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(b[8..]),
        System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(b[16..]),
        System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(b[24..]));

    public static Limbs4 FromBytesBigEndian(ReadOnlySpan<byte> b) => new(
        System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(b[24..]),
        System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(b[16..]),
        System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(b[8..]),
        System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(b));

    public readonly void WriteLittleEndian(Span<byte> b)
    {
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(b, L0);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(b[8..], L1);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(b[16..], L2);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(b[24..], L3);
    }

    public readonly void WriteBigEndian(Span<byte> b)
    {
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(b[24..], L0);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(b[16..], L1);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(b[8..], L2);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(b, L3);
    }

    /// <summary>a &lt; b as unsigned 256-bit integers.</summary>
    public static bool LessThan(in Limbs4 a, in Limbs4 b)
    {
        ulong borrow = 0;
        Arith.Sbb(a.L0, b.L0, ref borrow);
        Arith.Sbb(a.L1, b.L1, ref borrow);
        Arith.Sbb(a.L2, b.L2, ref borrow);
        Arith.Sbb(a.L3, b.L3, ref borrow);
        return borrow != 0;
    }
}

/// <summary>Word-level carry arithmetic shared by the limb code.</summary>
internal static class Arith
{
    /// <summary>a + b + carry; carry (0 or 1) updated.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Adc(ulong a, ulong b, ref ulong carry)
    {
        ulong s = a + b + carry;
        carry = ((a & b) | ((a | b) & ~s)) >> 63;
        return s;
    }

    /// <summary>a - b - borrow; borrow (0 or 1) updated.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Sbb(ulong a, ulong b, ref ulong borrow)
    {
        ulong d = a - b - borrow;
        borrow = ((~a & b) | (~(a ^ b) & d)) >> 63;
        return d;
    }

    /// <summary>(hi, lo) = a*b. With BMI2, MULX for the high half and IMUL for the low half keeps both in registers;
    /// the <c>Math.BigMul(a, b, out low)</c> form routes the low half through memory, which measured 3-4x slower
    /// in the CIOS loop (bench/RESULTS.md).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mul(ulong a, ulong b, out ulong hi)
    {
        if (System.Runtime.Intrinsics.X86.Bmi2.X64.IsSupported)
        {
            hi = System.Runtime.Intrinsics.X86.Bmi2.X64.MultiplyNoFlags(a, b);
            return a * b;
        }
        hi = Math.BigMul(a, b, out ulong lo);
        return lo;
    }

    /// <summary>a*b + c as (hi, lo); never overflows 128 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MulAdd(ulong a, ulong b, ulong c, out ulong hi)
    {
        ulong lo = Mul(a, b, out hi);
        lo += c;
        hi += lo < c ? 1UL : 0UL;
        return lo;
    }

    /// <summary>a*b + c + d as (hi, lo); never overflows 128 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MulAdd2(ulong a, ulong b, ulong c, ulong d, out ulong hi)
    {
        ulong lo = Mul(a, b, out hi);
        lo += c;
        hi += lo < c ? 1UL : 0UL;
        lo += d;
        hi += lo < d ? 1UL : 0UL;
        return lo;
    }
}
