using System.Buffers.Binary;
using System.Numerics;
using Microsoft.Win32.SafeHandles;
using Proving.Core.Algebra;
using Proving.Core.Curves.Bn254;

namespace Proving.Core.Circom;

/// <summary>
/// The iden3 binary container used by circom and snarkjs (.r1cs, .wtns, .zkey, .ptau): 4-byte magic, u32 version,
/// u32 section count, then sections of (u32 type, u64 byte length, payload), all little-endian. Every section length
/// is checked against the file's size when the table is read, so later allocations are bounded by the file.
/// </summary>
internal sealed class BinFile : IDisposable
{
    private readonly SafeFileHandle _handle;
    private readonly Dictionary<int, (long Offset, long Length)> _sections = [];
    private readonly Func<int, string> _sectionName;

    public string Path { get; }
    public long Length { get; }
    public int Version { get; }

    private BinFile(string path, SafeFileHandle handle, long length, int version, Func<int, string> sectionName)
    {
        Path = path; _handle = handle; Length = length; Version = version; _sectionName = sectionName;
    }

    /// <summary>Opens <paramref name="path"/>, checks the magic and version, and reads the section table.</summary>
    public static BinFile Open(string path, string magic, int minVersion, int maxVersion, Func<int, string> sectionName)
    {
        SafeFileHandle handle;
        try { handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        { throw new CircomFormatException(path, null, $"cannot open: {e.Message}", e); }
        try
        {
            long length = RandomAccess.GetLength(handle);
            Span<byte> head = stackalloc byte[12];
            if (length < 12 || RandomAccess.Read(handle, head, 0) != 12)
                throw new CircomFormatException(path, null, $"file too short for a '{magic}' header ({length} bytes)");
            string got = new(head[..4].ToArray().Select(b => b is >= 32 and < 127 ? (char)b : '?').ToArray());
            if (got != magic) throw new CircomFormatException(path, null, $"wrong magic '{got}', expected '{magic}'");
            uint version = BinaryPrimitives.ReadUInt32LittleEndian(head[4..]);
            if (version < minVersion || version > maxVersion)
                throw new CircomFormatException(path, null, $"unsupported {magic} version {version} (supported {minVersion}..{maxVersion})");
            uint count = BinaryPrimitives.ReadUInt32LittleEndian(head[8..]);
            var file = new BinFile(path, handle, length, (int)version, sectionName);
            long pos = 12;
            Span<byte> sh = stackalloc byte[12];
            for (uint i = 0; i < count; i++)
            {
                if (length - pos < 12 || RandomAccess.Read(handle, sh, pos) != 12)
                    throw new CircomFormatException(path, null, $"section table truncated at section {i} of {count}");
                int type = (int)BinaryPrimitives.ReadUInt32LittleEndian(sh);
                ulong size = BinaryPrimitives.ReadUInt64LittleEndian(sh[4..]);
                pos += 12;
                if (size > (ulong)(length - pos))
                    throw new CircomFormatException(path, file.Name(type), $"declares {size} bytes but only {length - pos} remain in the file");
                if (!file._sections.TryAdd(type, (pos, (long)size)))
                    throw new CircomFormatException(path, file.Name(type), "appears more than once");
                pos += (long)size;
            }
            return file;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public string Name(int type) => $"{type} ({_sectionName(type)})";

    public bool Has(int type) => _sections.ContainsKey(type);

    public CircomFormatException Error(int section, string message) => new(Path, Name(section), message);

    /// <summary>The section's offset and length; throws when it is missing.</summary>
    public (long Offset, long Length) Section(int type) =>
        _sections.TryGetValue(type, out var s) ? s : throw new CircomFormatException(Path, Name(type), "missing");

    /// <summary>Checks that the section is exactly <paramref name="expected"/> bytes long.</summary>
    public (long Offset, long Length) SectionOfLength(int type, long expected, string what)
    {
        var s = Section(type);
        if (s.Length != expected) throw Error(type, $"is {s.Length} bytes, expected {expected} ({what})");
        return s;
    }

    /// <summary>The whole section in memory (its length was bounded by the file size when the table was read).</summary>
    public byte[] ReadSection(int type, long maxBytes = int.MaxValue)
    {
        var (offset, length) = Section(type);
        if (length > maxBytes) throw Error(type, $"is {length} bytes, more than the {maxBytes} expected");
        var buffer = new byte[length];
        ReadExactly(buffer, offset, type);
        return buffer;
    }

    public void ReadExactly(Span<byte> destination, long offset, int type)
    {
        while (destination.Length > 0)
        {
            int n = RandomAccess.Read(_handle, destination, offset);
            if (n <= 0) throw Error(type, "unexpected end of file");
            destination = destination[n..];
            offset += n;
        }
    }

    /// <summary>
    /// Reads <paramref name="count"/> records of <paramref name="recordSize"/> bytes from <paramref name="offset"/>
    /// and converts them with <paramref name="convert"/> in parallel chunks (no second copy of the whole section: at most
    /// one chunk buffer per thread). <paramref name="progress"/>, when given, is called with the number of records done so
    /// far after each chunk, one call at a time and with increasing counts (the last call has <paramref name="count"/>).
    /// </summary>
    public T[] ReadRecords<T>(int type, long offset, int count, int recordSize, ReadOnlySpanConverter<T> convert, Action<long>? progress = null)
    {
        var result = new T[count];
        const int chunk = 1 << 14;
        int chunks = (count + chunk - 1) / chunk;
        long done = 0;
        var gate = new object();
        try
        {
            Parallel.For(0, chunks, c =>
        {
            int start = c * chunk, n = Math.Min(chunk, count - start);
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(n * recordSize);
            try
            {
                ReadExactly(buffer.AsSpan(0, n * recordSize), offset + (long)start * recordSize, type);
                for (int i = 0; i < n; i++)
                    result[start + i] = convert(buffer.AsSpan(i * recordSize, recordSize), start + i);
            }
            finally { System.Buffers.ArrayPool<byte>.Shared.Return(buffer); }
            if (progress != null)
                lock (gate) progress(done += n);
        });
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(x => x is CircomFormatException) is { } first)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }
        return result;
    }

    public void Dispose() => _handle.Dispose();

    // ---- field and point decoding shared by the readers ----

    /// <summary>Reads a u32 field size and the prime; checks they are 32 and <paramref name="expected"/>.</summary>
    public static void CheckPrime(BinFile f, int section, ReadOnlySpan<byte> data, ref int pos, BigInteger expected, string fieldName)
    {
        uint n8 = U32(f, section, data, ref pos);
        if (n8 != 32) throw f.Error(section, $"field element size {n8} bytes; only BN254 (32) is supported");
        var prime = new BigInteger(Take(f, section, data, ref pos, 32), isUnsigned: true, isBigEndian: false);
        if (prime != expected) throw f.Error(section, $"field modulus {prime} is not BN254's {fieldName} ({expected})");
    }

    public static uint U32(BinFile f, int section, ReadOnlySpan<byte> data, ref int pos) =>
        BinaryPrimitives.ReadUInt32LittleEndian(Take(f, section, data, ref pos, 4));

    public static ulong U64(BinFile f, int section, ReadOnlySpan<byte> data, ref int pos) =>
        BinaryPrimitives.ReadUInt64LittleEndian(Take(f, section, data, ref pos, 8));

    public static ReadOnlySpan<byte> Take(BinFile f, int section, ReadOnlySpan<byte> data, ref int pos, int n)
    {
        if (n < 0 || data.Length - pos < n) throw f.Error(section, $"truncated: needs {n} more bytes at offset {pos}, has {data.Length - pos}");
        var s = data.Slice(pos, n);
        pos += n;
        return s;
    }

    /// <summary>A G1 point as snarkjs stores it: x, y Montgomery little-endian (32 bytes each); (0, 0) is infinity.</summary>
    public G1Affine G1(int section, ReadOnlySpan<byte> b, long index)
    {
        try
        {
            if (b[..64].IndexOfAnyExcept((byte)0) < 0) return G1Affine.Infinity;
            var p = G1Affine.FromTrustedCoordinates(Fq.FromMontgomeryBytesLittleEndian(b[..32]), Fq.FromMontgomeryBytesLittleEndian(b[32..64]));
            if (!p.IsOnCurve) throw new NonCanonicalEncodingException("G1 point is not on the curve");
            return p;
        }
        catch (NonCanonicalEncodingException e) { throw new CircomFormatException(Path, Name(section), $"point {index}: {e.Message}", e); }
    }

    /// <summary>A G2 point: x.c0, x.c1, y.c0, y.c1 Montgomery little-endian; all zero is infinity. On-twist check only.</summary>
    public G2Affine G2(int section, ReadOnlySpan<byte> b, long index)
    {
        try
        {
            if (b[..128].IndexOfAnyExcept((byte)0) < 0) return G2Affine.Infinity;
            var x = new Fq2(Fq.FromMontgomeryBytesLittleEndian(b[..32]), Fq.FromMontgomeryBytesLittleEndian(b[32..64]));
            var y = new Fq2(Fq.FromMontgomeryBytesLittleEndian(b[64..96]), Fq.FromMontgomeryBytesLittleEndian(b[96..128]));
            var p = G2Affine.FromTrustedCoordinates(x, y);
            if (!p.IsOnCurve) throw new NonCanonicalEncodingException("G2 point is not on the twist");
            return p;
        }
        catch (NonCanonicalEncodingException e) { throw new CircomFormatException(Path, Name(section), $"point {index}: {e.Message}", e); }
    }
}

/// <summary>Converts one fixed-size record (with its index) into a value.</summary>
internal delegate T ReadOnlySpanConverter<T>(ReadOnlySpan<byte> record, int index);
