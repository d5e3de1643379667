namespace Proving.Core.Algebra;

/// <summary>
/// Compile-time constants of a prime p &lt; 2^255 with 2^63-1 &gt; top limb, for 4 x 64-bit Montgomery arithmetic
/// with R = 2^256. Implemented by empty structs so the JIT folds the constants into specialised code.
/// </summary>
internal interface IMontgomeryModulus
{
    /// <summary>Limbs of p, little-endian.</summary>
    static abstract ulong P0 { get; }
    static abstract ulong P1 { get; }
    static abstract ulong P2 { get; }
    static abstract ulong P3 { get; }

    /// <summary>-p^-1 mod 2^64.</summary>
    static abstract ulong Inv { get; }

    /// <summary>R mod p (the Montgomery form of 1), little-endian limbs.</summary>
    static abstract Limbs4 R { get; }

    /// <summary>R^2 mod p (converts into Montgomery form).</summary>
    static abstract Limbs4 R2 { get; }

    /// <summary>Human-readable field name for messages ("Fq", "Fr").</summary>
    static abstract string Name { get; }
}
