namespace Proving.Core.RiscV;

/// <summary>The state a replayed segment ends in: pc, registers and the final contents of the pages it touched.</summary>
public sealed class ReplayResult
{
    internal ReplayResult(uint pc, uint[] registers, Dictionary<uint, byte[]> pages, bool exited)
    {
        Pc = pc;
        Registers = registers;
        Pages = pages;
        Exited = exited;
    }

    /// <summary>pc after the last row.</summary>
    public uint Pc { get; }

    /// <summary>x0..x31 after the last row.</summary>
    public uint[] Registers { get; }

    /// <summary>Contents after the last row of every page the segment recorded, by page index.</summary>
    public IReadOnlyDictionary<uint, byte[]> Pages { get; }

    /// <summary>True when the replay reached the exit syscall.</summary>
    public bool Exited { get; }
}

/// <summary>Replays a <see cref="TraceSegment"/> on its own: a fresh machine holds only the segment's start registers
/// and pc, its recorded pages (any other page is a fault) and its recorded input, runs <see cref="TraceSegment.Rows"/>
/// instructions through the same instruction core, and checks that every column and the end state match.</summary>
public static class TraceReplay
{
    /// <summary>Replays and checks one segment.</summary>
    /// <returns>The end state, including the final contents of the segment's pages.</returns>
    /// <exception cref="TraceFormatException">A row, the end pc/registers or the exit status differs from the recording.</exception>
    /// <exception cref="RiscVExecutionException">The replay faulted (for example touched a page the segment lacks).</exception>
    public static ReplayResult Verify(TraceSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var machine = BuildMachine(segment);
        TraceSegment? replayed = null;
        var recorder = new TraceRecorder(machine, Math.Max(1, segment.Rows), s => replayed = s.Clone());
        machine.Recorder = recorder;
        machine.Memory.Recorder = recorder;
        recorder.BeginSegment();
        machine.Execute<TraceMode>(segment.StartCycle + segment.Rows);
        recorder.EndSegment();
        Compare(segment, replayed!);
        var pages = new Dictionary<uint, byte[]>();
        foreach (var page in segment.Pages)
        {
            var data = new byte[PagedMemory.PageSize];
            machine.Memory.CopyPage(page.Index, data);
            pages[page.Index] = data;
        }
        return new ReplayResult(machine.Pc, machine.Registers(), pages, machine.Exited);
    }

    private static Machine BuildMachine(TraceSegment segment)
    {
        var executed = segment.Pages.Where(p => p.Executed).ToList();
        if (executed.Count == 0 && segment.Rows > 0) throw new TraceFormatException($"segment {segment.Index} has rows but no executed page");
        uint firstPage = executed.Count == 0 ? 0 : executed.Min(p => p.Index);
        uint lastPage = executed.Count == 0 ? 0 : executed.Max(p => p.Index);
        if ((ulong)(lastPage - firstPage + 1) * PagedMemory.PageSize > RiscVProgram.MaxCodeBytes)
            throw new TraceFormatException($"segment {segment.Index}: executed pages span more than {RiscVProgram.MaxCodeBytes} bytes");
        var code = new Instruction[executed.Count == 0 ? 0 : (lastPage - firstPage + 1) * (PagedMemory.PageSize / 4)];
        Array.Fill(code, new Instruction(Opcode.Absent, Decoder.Sink, 0, 0, 0, 0));
        foreach (var page in executed)
        {
            int baseSlot = (int)(page.Index - firstPage) * (PagedMemory.PageSize / 4);
            for (int k = 0; k < PagedMemory.PageSize / 4; k++)
                code[baseSlot + k] = Decoder.Decode(BitConverter.ToUInt32(page.Data, 4 * k));
        }
        var options = new RiscVExecutionOptions { MaxCycles = long.MaxValue, MaxMemoryBytes = (segment.Pages.Count + 1L) * PagedMemory.PageSize };
        var machine = new Machine(code, firstPage << PagedMemory.PageBits, segment.Input, options);
        foreach (var page in segment.Pages)
        {
            if (page.Data.Length != PagedMemory.PageSize) throw new TraceFormatException($"page 0x{page.Index:x5} has {page.Data.Length} bytes, not {PagedMemory.PageSize}");
            machine.Memory.Write(page.Index << PagedMemory.PageBits, page.Data);
        }
        machine.Memory.Strict = true;
        machine.SetRegisters(segment.StartRegisters);
        machine.Pc = segment.StartPc;
        machine.Cycles = segment.StartCycle;
        return machine;
    }

    private static void Compare(TraceSegment recorded, TraceSegment replayed)
    {
        string where = $"segment {recorded.Index}";
        if (replayed.Rows != recorded.Rows) throw new TraceFormatException($"{where}: replay ran {replayed.Rows} rows, recorded {recorded.Rows}");
        Column(where, "pc", recorded.Pc, replayed.Pc, recorded.StartCycle);
        Column(where, "instruction", recorded.Instruction, replayed.Instruction, recorded.StartCycle);
        Column(where, "rs1", recorded.Rs1, replayed.Rs1, recorded.StartCycle);
        Column(where, "rs1 value", recorded.Rs1Value, replayed.Rs1Value, recorded.StartCycle);
        Column(where, "rs2", recorded.Rs2, replayed.Rs2, recorded.StartCycle);
        Column(where, "rs2 value", recorded.Rs2Value, replayed.Rs2Value, recorded.StartCycle);
        Column(where, "rd", recorded.Rd, replayed.Rd, recorded.StartCycle);
        Column(where, "rd value", recorded.RdValue, replayed.RdValue, recorded.StartCycle);
        Column(where, "memory kind", recorded.MemKind, replayed.MemKind, recorded.StartCycle);
        Column(where, "memory address", recorded.MemAddress, replayed.MemAddress, recorded.StartCycle);
        Column(where, "memory value", recorded.MemValue, replayed.MemValue, recorded.StartCycle);
        if (replayed.EndPc != recorded.EndPc) throw new TraceFormatException($"{where}: end pc 0x{replayed.EndPc:x8}, recorded 0x{recorded.EndPc:x8}");
        if (!replayed.EndRegisters.AsSpan().SequenceEqual(recorded.EndRegisters)) throw new TraceFormatException($"{where}: end registers differ");
        if (replayed.Exited != recorded.Exited || replayed.ExitCode != recorded.ExitCode)
            throw new TraceFormatException($"{where}: exit status {replayed.Exited}/{replayed.ExitCode}, recorded {recorded.Exited}/{recorded.ExitCode}");
    }

    private static void Column<T>(string where, string name, ReadOnlySpan<T> recorded, ReadOnlySpan<T> replayed, long startCycle) where T : IEquatable<T>
    {
        for (int i = 0; i < recorded.Length; i++)
            if (!recorded[i].Equals(replayed[i]))
                throw new TraceFormatException($"{where}: {name} of cycle {startCycle + i} is {replayed[i]}, recorded {recorded[i]}");
    }
}
