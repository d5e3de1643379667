using Proving.Core.Algebra;

namespace Proving.Core.Curves.Bn254;

/// <summary>
/// BN254 base field prime q = 21888242871839275222246405745257275088696311157297823662689037894645226208583
/// (EIP-196), with R = 2^256.
/// </summary>
internal readonly struct FqModulus : IMontgomeryModulus
{
    public static ulong P0 => 0x3C208C16D87CFD47;
    public static ulong P1 => 0x97816A916871CA8D;
    public static ulong P2 => 0xB85045B68181585D;
    public static ulong P3 => 0x30644E72E131A029;
    public static ulong Inv => 0x87D20782E4866389;
    public static Limbs4 R => new(0xD35D438DC58F0D9D, 0x0A78EB28F5C70B3D, 0x666EA36F7879462C, 0x0E0A77C19A07DF2F);
    public static Limbs4 R2 => new(0xF32CFC5B538AFA89, 0xB5E71911D44501FB, 0x47AB1EFF0A417FF6, 0x06D89F71CAB8351F);
    public static string Name => "Fq";
}

/// <summary>
/// BN254 scalar field prime r = 21888242871839275222246405745257275088548364400416034343698204186575808495617
/// (the group order of G1 and G2, EIP-196), with R = 2^256.
/// </summary>
internal readonly struct FrModulus : IMontgomeryModulus
{
    public static ulong P0 => 0x43E1F593F0000001;
    public static ulong P1 => 0x2833E84879B97091;
    public static ulong P2 => 0xB85045B68181585D;
    public static ulong P3 => 0x30644E72E131A029;
    public static ulong Inv => 0xC2E1F593EFFFFFFF;
    public static Limbs4 R => new(0xAC96341C4FFFFFFB, 0x36FC76959F60CD29, 0x666EA36F7879462E, 0x0E0A77C19A07DF2F);
    public static Limbs4 R2 => new(0x1BB8E645AE216DA7, 0x53FE3AB1E35C59E3, 0x8C49833D53BB8085, 0x0216D0B17F4E44A5);
    public static string Name => "Fr";
}
