using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Proving.Core.RiscV;

/// <summary>The guest's 4 GiB byte-addressed little-endian memory as 4 KiB pages, allocated on first write
/// (reads of a never-written page give zeros). A flat table of 2^20 page pointers (pinned on the
/// pinned-object heap) makes an access one table load and one check.</summary>
internal sealed unsafe class PagedMemory
{
    public const int PageBits = 12;
    public const int PageSize = 1 << PageBits;
    public const uint PageMask = PageSize - 1;
    public const int PageCount = 1 << (32 - PageBits);

    private readonly nint[] table = GC.AllocateArray<nint>(PageCount, pinned: true);
    private readonly List<byte[]> pages = [];
    private readonly long maxPages;

    public PagedMemory(long maxBytes)
    {
        maxPages = Math.Max(1, maxBytes / PageSize);
        MaxBytes = maxBytes;
        Table = (byte**)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(table));
    }

    /// <summary>Page pointers indexed by address &gt;&gt; 12 (null: not allocated).</summary>
    public byte** Table { get; }

    public long MaxBytes { get; }

    /// <summary>Replay mode: touching a page that is not allocated is a fault instead of reading zeros.</summary>
    public bool Strict { get; set; }

    /// <summary>Set while tracing: told about every page an access touches, before the access.</summary>
    public TraceRecorder? Recorder { get; set; }

    public int AllocatedPages => pages.Count;

    /// <summary>The page holding <paramref name="page"/> (index), allocating a zero page when absent.</summary>
    public byte* PageForWrite(uint page)
    {
        byte* p = Table[page];
        if (p != null) return p;
        if (Strict) throw new PageFaultSignal(page);
        if (pages.Count >= maxPages) throw new MemoryLimitSignal();
        var array = GC.AllocateArray<byte>(PageSize, pinned: true);
        pages.Add(array);
        p = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
        Table[page] = p;
        return p;
    }

    /// <summary>Whether the page is allocated.</summary>
    public bool Has(uint page) => Table[page] != null;

    /// <summary>Copies a page (zeros when absent) into <paramref name="destination"/> (4096 bytes).</summary>
    public void CopyPage(uint page, Span<byte> destination)
    {
        byte* p = Table[page];
        if (p == null) destination[..PageSize].Clear();
        else new ReadOnlySpan<byte>(p, PageSize).CopyTo(destination);
    }

    /// <summary>Reads 1, 2 or 4 bytes little-endian at any alignment (the slow path of a load).</summary>
    public uint Load(uint address, int size)
    {
        uint v = 0;
        for (int k = 0; k < size; k++)
        {
            uint a = address + (uint)k;
            v |= (uint)LoadByte(a) << (8 * k);
        }
        return v;
    }

    /// <summary>Writes the low 1, 2 or 4 bytes of <paramref name="value"/> little-endian at any alignment.</summary>
    public void Store(uint address, uint value, int size)
    {
        for (int k = 0; k < size; k++)
        {
            uint a = address + (uint)k;
            Recorder?.Touch(a >> PageBits);
            PageForWrite(a >> PageBits)[a & PageMask] = (byte)(value >> (8 * k));
        }
    }

    private byte LoadByte(uint a)
    {
        uint page = a >> PageBits;
        Recorder?.Touch(page);
        byte* p = Table[page];
        if (p == null)
        {
            if (Strict) throw new PageFaultSignal(page);
            return 0;
        }
        return p[a & PageMask];
    }

    /// <summary>Copies guest memory [address, address + destination.Length) into <paramref name="destination"/> (wraps at 2^32).</summary>
    public void Read(uint address, Span<byte> destination)
    {
        int done = 0;
        while (done < destination.Length)
        {
            uint a = address + (uint)done;
            uint page = a >> PageBits;
            int n = Math.Min(destination.Length - done, PageSize - (int)(a & PageMask));
            Recorder?.Touch(page);
            byte* p = Table[page];
            if (p == null)
            {
                if (Strict) throw new PageFaultSignal(page);
                destination.Slice(done, n).Clear();
            }
            else new ReadOnlySpan<byte>(p + (a & PageMask), n).CopyTo(destination.Slice(done, n));
            done += n;
        }
    }

    /// <summary>Copies <paramref name="source"/> into guest memory at <paramref name="address"/> (wraps at 2^32).</summary>
    public void Write(uint address, ReadOnlySpan<byte> source)
    {
        int done = 0;
        while (done < source.Length)
        {
            uint a = address + (uint)done;
            uint page = a >> PageBits;
            int n = Math.Min(source.Length - done, PageSize - (int)(a & PageMask));
            Recorder?.Touch(page);
            source.Slice(done, n).CopyTo(new Span<byte>(PageForWrite(page) + (a & PageMask), n));
            done += n;
        }
    }
}

/// <summary>Internal signal: a new page would exceed the memory limit (turned into <see cref="MemoryLimitExceededException"/>).</summary>
internal sealed class MemoryLimitSignal : Exception;

/// <summary>Internal signal: replay touched a page the segment did not record (turned into a <see cref="RiscVFaultException"/>).</summary>
internal sealed class PageFaultSignal(uint page) : Exception
{
    public uint Page { get; } = page;
}
