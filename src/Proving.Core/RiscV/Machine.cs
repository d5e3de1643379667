using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Proving.Core.RiscV;

/// <summary>Execution mode, a struct type argument so the JIT compiles one specialised loop per mode.</summary>
internal interface IExecutionMode
{
    static abstract bool Tracing { get; }
}

/// <summary>Fast mode: no trace.</summary>
internal readonly struct FastMode : IExecutionMode
{
    public static bool Tracing => false;
}

/// <summary>Tracing mode: every retired instruction becomes a trace row.</summary>
internal readonly struct TraceMode : IExecutionMode
{
    public static bool Tracing => true;
}

/// <summary>The state of one hart running one program: registers, pc, memory, decoded code, input and outputs.</summary>
internal sealed unsafe partial class Machine
{
    private readonly uint[] registers = GC.AllocateArray<uint>(Decoder.Sink + 1, pinned: true);

    public Machine(RiscVProgram program, ReadOnlyMemory<byte> input, RiscVExecutionOptions options)
        : this(program.Code.ToArray(), program.CodeBase, input, options)
    {
        try
        {
            foreach (var segment in program.Segments)
                Memory.Write(segment.Address, segment.Data.Span);
        }
        catch (MemoryLimitSignal)
        {
            throw new MemoryLimitExceededException("memory", options.MaxMemoryBytes, program.Entry, 0);
        }
        Pc = program.Entry;
        X[2] = options.StackPointer;
    }

    /// <summary>A machine with the given code and empty memory (replay fills the memory itself).</summary>
    public Machine(Instruction[] code, uint codeBase, ReadOnlyMemory<byte> input, RiscVExecutionOptions options)
    {
        X = (uint*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(registers));
        Code = code;
        CodeBase = codeBase;
        Input = input;
        Memory = new PagedMemory(options.MaxMemoryBytes);
        MaxCycles = options.MaxCycles;
        Stdout = new OutputSink(options.Stdout, options.MaxOutputBytes, "stdout");
        Stderr = new OutputSink(options.Stderr, options.MaxOutputBytes, "stderr");
        Journal = new OutputSink(null, options.MaxOutputBytes, "journal");
    }

    /// <summary>Registers x0..x31 and the write sink (index 32).</summary>
    public uint* X { get; }

    public Instruction[] Code { get; }

    public uint CodeBase { get; }

    public PagedMemory Memory { get; }

    public ReadOnlyMemory<byte> Input { get; }

    public int InputPosition { get; set; }

    public uint Pc { get; set; }

    public long Cycles { get; set; }

    public long MaxCycles { get; }

    public bool Exited { get; private set; }

    public int ExitCode { get; private set; }

    public OutputSink Stdout { get; }

    public OutputSink Stderr { get; }

    public OutputSink Journal { get; }

    public TraceRecorder? Recorder { get; set; }

    /// <summary>Copies x0..x31.</summary>
    public uint[] Registers() => registers.AsSpan(0, 32).ToArray();

    public void SetRegisters(ReadOnlySpan<uint> values)
    {
        values[..32].CopyTo(registers);
        registers[0] = 0;
    }

    /// <summary>Re-decodes the instruction slots that a store of <paramref name="size"/> bytes at <paramref name="address"/> overlaps.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Redecode(uint address, int size)
    {
        uint first = address & ~3u, last = (address + (uint)size - 1) & ~3u;
        RedecodeSlot(first);
        if (last != first) RedecodeSlot(last);
    }

    /// <summary>Re-decodes the code slots overlapping [address, address + length) (after a syscall wrote guest memory).</summary>
    private void RedecodeRange(uint address, int length)
    {
        if (length <= 0) return;
        ulong start = Math.Max(address & ~3u, CodeBase), end = Math.Min((ulong)address + (uint)length, CodeBase + 4UL * (uint)Code.Length);
        for (ulong a = start & ~3UL; a < end; a += 4) RedecodeSlot((uint)a);
    }

    private void RedecodeSlot(uint address)
    {
        uint slot = (address - CodeBase) >> 2;
        if (slot < (uint)Code.Length && Code[slot].Op != Opcode.Absent)
            Code[slot] = Decoder.Decode(Memory.Load(address, 4));
    }
}
