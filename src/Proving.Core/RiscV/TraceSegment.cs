namespace Proving.Core.RiscV;

/// <summary>A 4 KiB page of guest memory as it was when a segment first touched it.</summary>
/// <param name="Index">Page number: the page covers addresses [Index * 4096, Index * 4096 + 4096).</param>
/// <param name="Executed">True when the segment fetched instructions from the page.</param>
/// <param name="Data">The page's 4096 bytes before the segment's first access to it.</param>
public sealed record TracePage(uint Index, bool Executed, byte[] Data);

/// <summary>
/// One segment of an execution trace: <see cref="Rows"/> consecutive retired instructions, as columns (structure
/// of arrays; every column span has <see cref="Rows"/> entries), plus what is needed to replay the segment on its
/// own: the register file and pc at its start, every memory page it touched (as before its first access), and
/// the input bytes its read syscalls consumed. <see cref="EndPc"/> / <see cref="EndRegisters"/> are the state
/// after the last row (the next segment's start, or the state at exit).
/// </summary>
/// <remarks>
/// Row i describes instruction <see cref="StartCycle"/> + i: <see cref="Pc"/>, the raw <see cref="Instruction"/>
/// word, the source registers it reads (<see cref="Rs1"/>, <see cref="Rs2"/>: register numbers, 0 when unused)
/// with their values before the instruction, the destination (<see cref="Rd"/>, 0 for none or x0) with its
/// value after, and at most one memory access: <see cref="MemKind"/> (bits 0-1: 0 none, 1 read, 2 write;
/// bits 2-4: size in bytes), <see cref="MemAddress"/>, and <see cref="MemValue"/> (the bytes read or written,
/// zero-extended, before any sign extension). An ECALL row reads a7 and a0 and writes a0; the other effects of a
/// syscall (memory filled by read, a1 of cycle_count) are not columns but are reproduced by replay from the
/// recorded pages and input.
/// </remarks>
public sealed class TraceSegment
{
    /// <summary><see cref="MemKind"/> bit for a read.</summary>
    public const byte MemRead = 1;

    /// <summary><see cref="MemKind"/> bit for a write.</summary>
    public const byte MemWrite = 2;

    internal uint[] PcColumn = [], InstructionColumn = [], Rs1ValueColumn = [], Rs2ValueColumn = [], RdValueColumn = [], MemAddressColumn = [], MemValueColumn = [];
    internal byte[] Rs1Column = [], Rs2Column = [], RdColumn = [], MemKindColumn = [];

    /// <summary>Position of the segment in the run (0, 1, ...).</summary>
    public int Index { get; internal set; }

    /// <summary>Cycle number of the first row.</summary>
    public long StartCycle { get; internal set; }

    /// <summary>Number of rows (retired instructions).</summary>
    public int Rows { get; internal set; }

    /// <summary>pc before the first row.</summary>
    public uint StartPc { get; internal set; }

    /// <summary>x0..x31 before the first row (32 entries).</summary>
    public uint[] StartRegisters { get; internal set; } = new uint[32];

    /// <summary>pc after the last row (the exit ECALL's address when <see cref="Exited"/>).</summary>
    public uint EndPc { get; internal set; }

    /// <summary>x0..x31 after the last row (32 entries).</summary>
    public uint[] EndRegisters { get; internal set; } = new uint[32];

    /// <summary>True when the last row is the exit syscall.</summary>
    public bool Exited { get; internal set; }

    /// <summary>The exit code when <see cref="Exited"/>, else 0.</summary>
    public int ExitCode { get; internal set; }

    /// <summary>Every page the segment touched (fetch, load, store or syscall), with its contents before the first touch.</summary>
    public IReadOnlyList<TracePage> Pages { get; internal set; } = [];

    /// <summary>The input bytes consumed by read(0, ...) calls in this segment, in order.</summary>
    public byte[] Input { get; internal set; } = [];

    /// <summary>pc of each row.</summary>
    public ReadOnlySpan<uint> Pc => PcColumn.AsSpan(0, Rows);
    /// <summary>Instruction word of each row.</summary>
    public ReadOnlySpan<uint> Instruction => InstructionColumn.AsSpan(0, Rows);
    /// <summary>First source register of each row (0 when unused).</summary>
    public ReadOnlySpan<byte> Rs1 => Rs1Column.AsSpan(0, Rows);
    /// <summary>Value of <see cref="Rs1"/> before the row.</summary>
    public ReadOnlySpan<uint> Rs1Value => Rs1ValueColumn.AsSpan(0, Rows);
    /// <summary>Second source register of each row (0 when unused).</summary>
    public ReadOnlySpan<byte> Rs2 => Rs2Column.AsSpan(0, Rows);
    /// <summary>Value of <see cref="Rs2"/> before the row.</summary>
    public ReadOnlySpan<uint> Rs2Value => Rs2ValueColumn.AsSpan(0, Rows);
    /// <summary>Destination register of each row (0 for none or x0).</summary>
    public ReadOnlySpan<byte> Rd => RdColumn.AsSpan(0, Rows);
    /// <summary>Value of <see cref="Rd"/> after the row (0 when <see cref="Rd"/> is 0).</summary>
    public ReadOnlySpan<uint> RdValue => RdValueColumn.AsSpan(0, Rows);
    /// <summary>Memory access kind of each row (bits 0-1: 0 none, 1 read, 2 write; bits 2-4: size 1, 2 or 4).</summary>
    public ReadOnlySpan<byte> MemKind => MemKindColumn.AsSpan(0, Rows);
    /// <summary>Address of the row's memory access (0 when none).</summary>
    public ReadOnlySpan<uint> MemAddress => MemAddressColumn.AsSpan(0, Rows);
    /// <summary>Value read or written by the row's memory access, zero-extended (0 when none).</summary>
    public ReadOnlySpan<uint> MemValue => MemValueColumn.AsSpan(0, Rows);

    /// <summary>A deep copy whose columns are exactly <see cref="Rows"/> long (segments handed to a trace callback
    /// share their column buffers with the next segment; clone one to keep it).</summary>
    public TraceSegment Clone() => new()
    {
        Index = Index, StartCycle = StartCycle, Rows = Rows, StartPc = StartPc, StartRegisters = (uint[])StartRegisters.Clone(),
        EndPc = EndPc, EndRegisters = (uint[])EndRegisters.Clone(), Exited = Exited, ExitCode = ExitCode,
        Pages = Pages.ToArray(), Input = (byte[])Input.Clone(),
        PcColumn = Pc.ToArray(), InstructionColumn = Instruction.ToArray(), Rs1Column = Rs1.ToArray(), Rs1ValueColumn = Rs1Value.ToArray(),
        Rs2Column = Rs2.ToArray(), Rs2ValueColumn = Rs2Value.ToArray(), RdColumn = Rd.ToArray(), RdValueColumn = RdValue.ToArray(),
        MemKindColumn = MemKind.ToArray(), MemAddressColumn = MemAddress.ToArray(), MemValueColumn = MemValue.ToArray(),
    };

    /// <summary>Allocates columns of <paramref name="rows"/> entries.</summary>
    internal void Allocate(int rows)
    {
        PcColumn = GC.AllocateUninitializedArray<uint>(rows, pinned: true);
        InstructionColumn = GC.AllocateUninitializedArray<uint>(rows, pinned: true);
        Rs1ValueColumn = GC.AllocateUninitializedArray<uint>(rows, pinned: true);
        Rs2ValueColumn = GC.AllocateUninitializedArray<uint>(rows, pinned: true);
        RdValueColumn = GC.AllocateUninitializedArray<uint>(rows, pinned: true);
        MemAddressColumn = GC.AllocateUninitializedArray<uint>(rows, pinned: true);
        MemValueColumn = GC.AllocateUninitializedArray<uint>(rows, pinned: true);
        Rs1Column = GC.AllocateUninitializedArray<byte>(rows, pinned: true);
        Rs2Column = GC.AllocateUninitializedArray<byte>(rows, pinned: true);
        RdColumn = GC.AllocateUninitializedArray<byte>(rows, pinned: true);
        MemKindColumn = GC.AllocateUninitializedArray<byte>(rows, pinned: true);
    }
}
