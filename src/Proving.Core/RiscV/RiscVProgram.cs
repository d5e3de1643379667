using System.Buffers.Binary;

namespace Proving.Core.RiscV;

/// <summary>One PT_LOAD segment of a loaded program: <see cref="Data"/> (the file bytes, <c>p_filesz</c> long) is
/// placed at <see cref="Address"/>, and the rest of <see cref="MemorySize"/> is zero (bss).</summary>
public sealed record ElfSegment(uint Address, uint MemorySize, ReadOnlyMemory<byte> Data, bool Executable, bool Writable);

/// <summary>A statically linked ELF32 little-endian RISC-V executable (ELF specification, System V gABI; RISC-V ELF psABI),
/// loaded and validated, with its executable segments pre-decoded. Immutable: one program can run many times,
/// also concurrently.</summary>
public sealed class RiscVProgram
{
    /// <summary>The largest total of segment memory sizes the loader accepts: 1 GiB.</summary>
    public const long MaxImageBytes = 1L << 30;

    /// <summary>The largest span the executable segments may cover: 64 MiB (16 M instructions).</summary>
    public const long MaxCodeBytes = 64L << 20;

    private const ushort MachineRiscV = 243;   // EM_RISCV
    private const uint PtLoad = 1;
    private const uint PfX = 1, PfW = 2;

    internal Instruction[] Code { get; }

    private RiscVProgram(uint entry, ElfSegment[] segments, uint codeBase, Instruction[] code)
    {
        Entry = entry;
        Segments = segments;
        CodeBase = codeBase;
        Code = code;
    }

    /// <summary>Entry point (<c>e_entry</c>): the first pc.</summary>
    public uint Entry { get; }

    /// <summary>The PT_LOAD segments in ascending address order.</summary>
    public IReadOnlyList<ElfSegment> Segments { get; }

    /// <summary>Lowest address of the executable segments; instructions are fetched from
    /// [<see cref="CodeBase"/>, <see cref="CodeBase"/> + 4 * <see cref="InstructionCount"/>).</summary>
    public uint CodeBase { get; }

    /// <summary>Number of 32-bit instruction slots decoded from the executable segments.</summary>
    public int InstructionCount => Code.Length;

    /// <summary>Loads an ELF file from a path (see <see cref="Load(ReadOnlySpan{byte})"/>).</summary>
    /// <exception cref="ElfFormatException">The file is not a valid RV32 executable.</exception>
    public static RiscVProgram LoadFile(string path) => Load(File.ReadAllBytes(path));

    /// <summary>Parses and validates an ELF32 little-endian RISC-V executable (<c>ET_EXEC</c>, machine 243) and
    /// pre-decodes its executable segments. The bytes are copied; the span may be reused afterwards.</summary>
    /// <exception cref="ElfFormatException">Wrong magic, class, data encoding, version, type or machine; the
    /// compressed-instruction flag (RVC) set; program headers or segments past the end of the file;
    /// <c>p_filesz &gt; p_memsz</c>; a segment past 2^32; overlapping segments; more than
    /// <see cref="MaxImageBytes"/> of memory; executable segments spanning more than <see cref="MaxCodeBytes"/>;
    /// no PT_LOAD segment; or an entry point that is misaligned or outside the executable segments.</exception>
    public static RiscVProgram Load(ReadOnlySpan<byte> elf)
    {
        if (elf.Length < 52) throw new ElfFormatException($"file too short for an ELF32 header ({elf.Length} bytes)");
        if (elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new ElfFormatException("not an ELF file (bad magic)");
        if (elf[4] != 1) throw new ElfFormatException($"ELF class {elf[4]} is not ELFCLASS32 (1)");
        if (elf[5] != 1) throw new ElfFormatException($"ELF data encoding {elf[5]} is not little-endian (1)");
        if (elf[6] != 1) throw new ElfFormatException($"ELF version {elf[6]} is not 1");
        ushort type = BinaryPrimitives.ReadUInt16LittleEndian(elf[16..]);
        ushort machine = BinaryPrimitives.ReadUInt16LittleEndian(elf[18..]);
        if (machine != MachineRiscV) throw new ElfFormatException($"machine {machine} is not RISC-V ({MachineRiscV})");
        if (type != 2) throw new ElfFormatException($"ELF type {type} is not a static executable (ET_EXEC = 2)");
        uint entry = BinaryPrimitives.ReadUInt32LittleEndian(elf[24..]);
        uint phoff = BinaryPrimitives.ReadUInt32LittleEndian(elf[28..]);
        uint flags = BinaryPrimitives.ReadUInt32LittleEndian(elf[36..]);
        ushort phentsize = BinaryPrimitives.ReadUInt16LittleEndian(elf[42..]);
        ushort phnum = BinaryPrimitives.ReadUInt16LittleEndian(elf[44..]);
        if ((flags & 1) != 0) throw new ElfFormatException("the program uses compressed instructions (EF_RISCV_RVC); only RV32IM is supported");
        if (phnum == 0) throw new ElfFormatException("no program headers");
        if (phentsize < 32) throw new ElfFormatException($"program header size {phentsize} is below 32");
        if ((ulong)phoff + (ulong)phnum * phentsize > (ulong)elf.Length)
            throw new ElfFormatException($"program headers ({phnum} x {phentsize} at {phoff}) reach past the end of the file ({elf.Length} bytes)");

        var segments = new List<ElfSegment>();
        long total = 0;
        for (int i = 0; i < phnum; i++)
        {
            var ph = elf.Slice((int)(phoff + (uint)(i * phentsize)), 32);
            if (BinaryPrimitives.ReadUInt32LittleEndian(ph) != PtLoad) continue;
            uint offset = BinaryPrimitives.ReadUInt32LittleEndian(ph[4..]);
            uint vaddr = BinaryPrimitives.ReadUInt32LittleEndian(ph[8..]);
            uint filesz = BinaryPrimitives.ReadUInt32LittleEndian(ph[16..]);
            uint memsz = BinaryPrimitives.ReadUInt32LittleEndian(ph[20..]);
            uint pflags = BinaryPrimitives.ReadUInt32LittleEndian(ph[24..]);
            if (filesz > memsz) throw new ElfFormatException($"segment {i}: file size {filesz} exceeds memory size {memsz}");
            if ((ulong)offset + filesz > (ulong)elf.Length)
                throw new ElfFormatException($"segment {i}: bytes {offset}..{(ulong)offset + filesz} reach past the end of the file ({elf.Length} bytes)");
            if ((ulong)vaddr + memsz > 1UL << 32)
                throw new ElfFormatException($"segment {i}: 0x{vaddr:x8} + {memsz} reaches past the 32-bit address space");
            total += memsz;
            if (total > MaxImageBytes) throw new ElfFormatException($"segments need more than {MaxImageBytes} bytes of memory");
            if (memsz == 0) continue;
            segments.Add(new ElfSegment(vaddr, memsz, elf.Slice((int)offset, (int)filesz).ToArray(), (pflags & PfX) != 0, (pflags & PfW) != 0));
        }
        if (segments.Count == 0) throw new ElfFormatException("no PT_LOAD segment");
        segments.Sort((a, b) => a.Address.CompareTo(b.Address));
        for (int i = 1; i < segments.Count; i++)
        {
            var prev = segments[i - 1];
            if ((ulong)prev.Address + prev.MemorySize > segments[i].Address)
                throw new ElfFormatException($"segments at 0x{prev.Address:x8} (+{prev.MemorySize}) and 0x{segments[i].Address:x8} overlap");
        }

        var exec = segments.Where(s => s.Executable).ToList();
        if (exec.Count == 0) throw new ElfFormatException("no executable segment");
        uint codeBase = exec.Min(s => s.Address) & ~3u;
        ulong codeEnd = exec.Max(s => (ulong)s.Address + s.MemorySize);
        if (codeEnd - codeBase > MaxCodeBytes) throw new ElfFormatException($"executable segments span more than {MaxCodeBytes} bytes");
        if ((entry & 3) != 0) throw new ElfFormatException($"entry point 0x{entry:x8} is not 4-byte aligned");
        if (!exec.Any(s => entry >= s.Address && entry < (ulong)s.Address + s.MemorySize))
            throw new ElfFormatException($"entry point 0x{entry:x8} is outside the executable segments");

        var code = new Instruction[(codeEnd - codeBase + 3) / 4];
        var absent = new Instruction(Opcode.Absent, Decoder.Sink, 0, 0, 0, 0);
        Array.Fill(code, absent);
        foreach (var s in exec)
        {
            // Decode each word slot the segment covers; bytes past p_filesz are zero.
            uint first = (s.Address - codeBase) / 4, last = (uint)(((ulong)s.Address + s.MemorySize - codeBase + 3) / 4);
            var data = s.Data.Span;
            for (uint slot = first; slot < last; slot++)
            {
                uint word = 0;
                for (int k = 0; k < 4; k++)
                {
                    long at = (long)codeBase + slot * 4 + k - s.Address;
                    if (at >= 0 && at < data.Length) word |= (uint)data[(int)at] << (8 * k);
                }
                code[slot] = Decoder.Decode(word);
            }
        }
        return new RiscVProgram(entry, segments.ToArray(), codeBase, code);
    }
}
