using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Proving.Core.RiscV;

/// <summary>
/// The binary trace file (all integers little-endian):
/// <code>
/// header:   "PRVTRACE" (8 bytes), u32 version = 1, u32 page size = 4096
/// segment*: u32 tag 0x4D474553 ("SEGM"), u32 index, u64 start cycle, u32 rows,
///           u32 start pc, u32[32] start registers, u32 end pc, u32[32] end registers,
///           u32 exited (0/1), i32 exit code, u32 page count, u32 input length,
///           page count x (u32 page index, u32 flags (bit 0: executed), 4096 bytes),
///           input bytes,
///           columns of `rows` entries in this order: u32 pc, u32 instruction, u8 rs1, u32 rs1 value,
///           u8 rs2, u32 rs2 value, u8 rd, u32 rd value, u8 memory kind, u32 memory address, u32 memory value
/// end:      u32 tag 0x2E444E45 ("END."), u32 segment count, u64 total cycles
/// </code>
/// Column meanings are those of <see cref="TraceSegment"/>.
/// </summary>
public static class TraceFile
{
    private static ReadOnlySpan<byte> Magic => "PRVTRACE"u8;
    private const uint Version = 1, SegmentTag = 0x4D474553, EndTag = 0x2E444E45;

    /// <summary>Largest row count a reader accepts per segment (2^26).</summary>
    public const int MaxRows = 1 << 26;

    /// <summary>Writes the file header.</summary>
    public static void WriteHeader(Stream stream)
    {
        stream.Write(Magic);
        WriteU32(stream, Version);
        WriteU32(stream, PagedMemory.PageSize);
    }

    /// <summary>Appends one segment.</summary>
    public static void WriteSegment(Stream stream, TraceSegment s)
    {
        WriteU32(stream, SegmentTag);
        WriteU32(stream, (uint)s.Index);
        Span<byte> u64 = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(u64, s.StartCycle);
        stream.Write(u64);
        WriteU32(stream, (uint)s.Rows);
        WriteU32(stream, s.StartPc);
        Words(stream, s.StartRegisters);
        WriteU32(stream, s.EndPc);
        Words(stream, s.EndRegisters);
        WriteU32(stream, s.Exited ? 1u : 0u);
        WriteU32(stream, (uint)s.ExitCode);
        WriteU32(stream, (uint)s.Pages.Count);
        WriteU32(stream, (uint)s.Input.Length);
        foreach (var p in s.Pages)
        {
            WriteU32(stream, p.Index);
            WriteU32(stream, p.Executed ? 1u : 0u);
            stream.Write(p.Data);
        }
        stream.Write(s.Input);
        Words(stream, s.Pc); Words(stream, s.Instruction);
        stream.Write(s.Rs1); Words(stream, s.Rs1Value);
        stream.Write(s.Rs2); Words(stream, s.Rs2Value);
        stream.Write(s.Rd); Words(stream, s.RdValue);
        stream.Write(s.MemKind); Words(stream, s.MemAddress); Words(stream, s.MemValue);
    }

    /// <summary>Writes the end record.</summary>
    public static void WriteEnd(Stream stream, int segments, long cycles)
    {
        WriteU32(stream, EndTag);
        WriteU32(stream, (uint)segments);
        Span<byte> u64 = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(u64, cycles);
        stream.Write(u64);
    }

    /// <summary>Reads a whole trace file.</summary>
    /// <returns>The segments in order and the total cycle count from the end record.</returns>
    /// <exception cref="TraceFormatException">Bad magic or version, a truncated record, hostile counts, or an end
    /// record that disagrees with the segments.</exception>
    public static (List<TraceSegment> Segments, long Cycles) Read(Stream stream)
    {
        Span<byte> head = stackalloc byte[16];
        Exactly(stream, head);
        if (!head[..8].SequenceEqual(Magic)) throw new TraceFormatException("not a Proving trace file (bad magic)");
        if (BinaryPrimitives.ReadUInt32LittleEndian(head[8..]) != Version) throw new TraceFormatException("unsupported trace version");
        if (BinaryPrimitives.ReadUInt32LittleEndian(head[12..]) != PagedMemory.PageSize) throw new TraceFormatException("unsupported page size");
        var segments = new List<TraceSegment>();
        while (true)
        {
            uint tag = ReadU32(stream);
            if (tag == EndTag)
            {
                uint count = ReadU32(stream);
                long cycles = (long)ReadU32(stream) | ((long)ReadU32(stream) << 32);
                if (count != segments.Count) throw new TraceFormatException($"end record says {count} segments, file has {segments.Count}");
                return (segments, cycles);
            }
            if (tag != SegmentTag) throw new TraceFormatException($"unknown record tag 0x{tag:x8}");
            segments.Add(ReadSegment(stream));
        }
    }

    private static TraceSegment ReadSegment(Stream stream)
    {
        var s = new TraceSegment { Index = (int)ReadU32(stream) };
        s.StartCycle = (long)ReadU32(stream) | ((long)ReadU32(stream) << 32);
        uint rows = ReadU32(stream);
        if (rows > MaxRows) throw new TraceFormatException($"segment {s.Index}: {rows} rows exceed {MaxRows}");
        s.StartPc = ReadU32(stream);
        s.StartRegisters = ReadWords(stream, 32);
        s.EndPc = ReadU32(stream);
        s.EndRegisters = ReadWords(stream, 32);
        s.Exited = ReadU32(stream) != 0;
        s.ExitCode = (int)ReadU32(stream);
        uint pageCount = ReadU32(stream), inputLength = ReadU32(stream);
        if (pageCount > PagedMemory.PageCount) throw new TraceFormatException($"segment {s.Index}: {pageCount} pages exceed the address space");
        var pages = new List<TracePage>();
        for (uint i = 0; i < pageCount; i++)
        {
            uint index = ReadU32(stream), flags = ReadU32(stream);
            if (index >= PagedMemory.PageCount) throw new TraceFormatException($"page index {index} out of range");
            var data = new byte[PagedMemory.PageSize];
            Exactly(stream, data);
            pages.Add(new TracePage(index, (flags & 1) != 0, data));
        }
        s.Pages = pages;
        s.Input = ReadBytes(stream, inputLength);
        s.Rows = (int)rows;
        s.PcColumn = ReadWords(stream, rows);
        s.InstructionColumn = ReadWords(stream, rows);
        s.Rs1Column = ReadBytes(stream, rows); s.Rs1ValueColumn = ReadWords(stream, rows);
        s.Rs2Column = ReadBytes(stream, rows); s.Rs2ValueColumn = ReadWords(stream, rows);
        s.RdColumn = ReadBytes(stream, rows); s.RdValueColumn = ReadWords(stream, rows);
        s.MemKindColumn = ReadBytes(stream, rows); s.MemAddressColumn = ReadWords(stream, rows); s.MemValueColumn = ReadWords(stream, rows);
        return s;
    }

    private static void Words(Stream stream, ReadOnlySpan<uint> values)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("big-endian hosts are not supported");
        stream.Write(MemoryMarshal.AsBytes(values));
    }

    private static void WriteU32(Stream stream, uint value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        stream.Write(b);
    }

    private static uint ReadU32(Stream stream)
    {
        Span<byte> b = stackalloc byte[4];
        Exactly(stream, b);
        return BinaryPrimitives.ReadUInt32LittleEndian(b);
    }

    /// <summary>Reads <paramref name="count"/> bytes in chunks, so a hostile length fails at the end of the stream
    /// instead of allocating up front.</summary>
    private static byte[] ReadBytes(Stream stream, uint count)
    {
        const int chunk = 1 << 20;
        if (count <= chunk)
        {
            var small = new byte[count];
            Exactly(stream, small);
            return small;
        }
        var buffer = new MemoryStream();
        var part = new byte[chunk];
        for (uint left = count; left > 0;)
        {
            int n = (int)Math.Min(left, chunk);
            Exactly(stream, part.AsSpan(0, n));
            buffer.Write(part, 0, n);
            left -= (uint)n;
        }
        return buffer.ToArray();
    }

    private static uint[] ReadWords(Stream stream, uint count)
    {
        if (count > MaxRows) throw new TraceFormatException($"{count} words exceed {MaxRows}");
        var bytes = ReadBytes(stream, count * 4);
        return MemoryMarshal.Cast<byte, uint>(bytes).ToArray();
    }

    private static void Exactly(Stream stream, Span<byte> destination)
    {
        try
        {
            stream.ReadExactly(destination);
        }
        catch (EndOfStreamException)
        {
            throw new TraceFormatException("trace file is truncated");
        }
    }
}
