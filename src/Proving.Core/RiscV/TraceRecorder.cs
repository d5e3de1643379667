using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Proving.Core.RiscV;

/// <summary>Fills the columns of the current <see cref="TraceSegment"/> row by row, snapshots each page at its first
/// touch in the segment, and hands each full segment to a callback.</summary>
internal sealed unsafe class TraceRecorder
{
    private readonly Machine machine;
    private readonly Action<TraceSegment> onSegment;
    private readonly TraceSegment segment = new();
    private readonly int[] seen = new int[PagedMemory.PageCount];
    private readonly int[] slot = new int[PagedMemory.PageCount];
    private readonly List<TracePage> pages = [];
    private int epoch;
    private uint lastExecPage;
    private int inputStart;
    private int row;
    private uint* pc, word, rs1v, rs2v, rdv, memAddr, memVal;
    private byte* rs1, rs2, rd, memKind;

    public TraceRecorder(Machine machine, int segmentCycles, Action<TraceSegment> onSegment)
    {
        if (segmentCycles <= 0) throw new ArgumentOutOfRangeException(nameof(segmentCycles), "segment length must be positive");
        this.machine = machine;
        this.onSegment = onSegment;
        SegmentCycles = segmentCycles;
        segment.Allocate(segmentCycles);
        pc = Ptr(segment.PcColumn); word = Ptr(segment.InstructionColumn); rs1v = Ptr(segment.Rs1ValueColumn);
        rs2v = Ptr(segment.Rs2ValueColumn); rdv = Ptr(segment.RdValueColumn); memAddr = Ptr(segment.MemAddressColumn);
        memVal = Ptr(segment.MemValueColumn); rs1 = Ptr(segment.Rs1Column); rs2 = Ptr(segment.Rs2Column);
        rd = Ptr(segment.RdColumn); memKind = Ptr(segment.MemKindColumn);
        segment.Index = -1;
    }

    public int SegmentCycles { get; }

    private static T* Ptr<T>(T[] pinned) where T : unmanaged => (T*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));

    /// <summary>Starts a segment at the machine's current state.</summary>
    public void BeginSegment()
    {
        segment.Index++;
        segment.StartCycle = machine.Cycles;
        segment.StartPc = machine.Pc;
        segment.StartRegisters = machine.Registers();
        epoch++;
        lastExecPage = uint.MaxValue;
        pages.Clear();
        inputStart = machine.InputPosition;
        row = 0;
    }

    /// <summary>Ends the current segment at the machine's current state and hands it to the callback.</summary>
    public void EndSegment()
    {
        segment.Rows = row;
        segment.EndPc = machine.Pc;
        segment.EndRegisters = machine.Registers();
        segment.Exited = machine.Exited;
        segment.ExitCode = machine.Exited ? machine.ExitCode : 0;
        segment.Pages = pages.ToArray();
        segment.Input = machine.Input.Span[inputStart..machine.InputPosition].ToArray();
        onSegment(segment);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void BeginRow(uint rowPc, Instruction* ins, uint* x)
    {
        if (rowPc >> PagedMemory.PageBits != lastExecPage) TouchExecuted(rowPc >> PagedMemory.PageBits);
        int i = row;
        pc[i] = rowPc;
        word[i] = ins->Word;
        rs1[i] = ins->Rs1;
        rs1v[i] = x[ins->Rs1];
        rs2[i] = ins->Rs2;
        rs2v[i] = x[ins->Rs2];
        memKind[i] = 0;
        memAddr[i] = 0;
        memVal[i] = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Access(uint address, uint value, int kind)
    {
        memKind[row] = (byte)kind;
        memAddr[row] = address;
        memVal[row] = value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EndRow(Instruction* ins, uint* x)
    {
        int r = ins->Rd;
        bool none = r == Decoder.Sink;
        rd[row] = none ? (byte)0 : (byte)r;
        rdv[row] = none ? 0 : x[r];
        row++;
    }

    /// <summary>Records the page's contents the first time the segment touches it (call before the access).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Touch(uint page)
    {
        if (seen[page] != epoch) Snapshot(page);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void TouchExecuted(uint page)
    {
        Touch(page);
        var entry = pages[slot[page]];
        if (!entry.Executed) pages[slot[page]] = entry with { Executed = true };
        lastExecPage = page;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Snapshot(uint page)
    {
        seen[page] = epoch;
        slot[page] = pages.Count;
        var data = new byte[PagedMemory.PageSize];
        machine.Memory.CopyPage(page, data);
        pages.Add(new TracePage(page, false, data));
    }
}
