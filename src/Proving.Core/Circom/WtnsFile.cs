using System.Buffers.Binary;
using Proving.Core.Algebra;
using Proving.Core.Curves.Bn254;

namespace Proving.Core.Circom;

/// <summary>
/// circom / snarkjs witness files (.wtns, iden3 binfile magic "wtns", version 2, as snarkjs's src/wtns_utils.js
/// writes them): section 1 = u32 field size (32), the prime r (32 bytes LE), u32 witness count; section 2 = the
/// values, 32 bytes each, canonical (not Montgomery) little-endian. Index 0 is the constant 1.
/// </summary>
public static class WtnsFile
{
    private static string SectionName(int t) => t switch { 1 => "header", 2 => "witness", _ => "unknown" };

    /// <summary>Reads every witness value from <paramref name="path"/>.</summary>
    /// <exception cref="CircomFormatException">Malformed file, a prime other than BN254's r, or a value &gt;= r.</exception>
    public static Fr[] Read(string path)
    {
        using var f = BinFile.Open(path, "wtns", 2, 2, SectionName);
        var header = f.ReadSection(1, 1024);
        int pos = 0;
        BinFile.CheckPrime(f, 1, header, ref pos, Fr.Modulus, "scalar field r");
        uint n = BinFile.U32(f, 1, header, ref pos);
        if (n > int.MaxValue / 32) throw f.Error(1, $"witness count {n} is too large");
        var (off, _) = f.SectionOfLength(2, (long)n * 32, $"{n} values of 32 bytes");
        return f.ReadRecords(2, off, (int)n, 32, (b, i) =>
        {
            try { return Fr.FromBytesLittleEndian(b); }
            catch (NonCanonicalEncodingException e) { throw new CircomFormatException(path, f.Name(2), $"value {i}: {e.Message}", e); }
        });
    }

    /// <summary>Reads a witness and checks its length against a circuit's wire count.</summary>
    /// <exception cref="CircomFormatException">As <see cref="Read(string)"/>, or the length is not <paramref name="expectedLength"/>.</exception>
    public static Fr[] Read(string path, int expectedLength)
    {
        var w = Read(path);
        if (w.Length != expectedLength)
            throw new CircomFormatException(path, "2 (witness)", $"holds {w.Length} values but the circuit has {expectedLength} wires");
        return w;
    }

    /// <summary>Writes <paramref name="witness"/> to <paramref name="path"/> in the layout above (byte-identical to snarkjs).</summary>
    public static void Write(string path, ReadOnlySpan<Fr> witness)
    {
        using var fs = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Span<byte> b = stackalloc byte[32];
        void U32(uint v) { Span<byte> t = stackalloc byte[4]; BinaryPrimitives.WriteUInt32LittleEndian(t, v); fs.Write(t); }
        void U64(ulong v) { Span<byte> t = stackalloc byte[8]; BinaryPrimitives.WriteUInt64LittleEndian(t, v); fs.Write(t); }
        fs.Write("wtns"u8);
        U32(2); U32(2);
        U32(1); U64(4 + 32 + 4);
        U32(32);
        Limbs4.FromBigInteger(Fr.Modulus).WriteLittleEndian(b);
        fs.Write(b);
        U32((uint)witness.Length);
        U32(2); U64((ulong)witness.Length * 32);
        foreach (var v in witness) { v.WriteBytesLittleEndian(b); fs.Write(b); }
    }
}
