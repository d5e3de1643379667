namespace Proving.Core.RiscV;

/// <summary>A RISC-V ELF file that the loader rejects: wrong class, data encoding or machine, not a static
/// executable, malformed headers, segments that overlap or reach past the end of the file or the 32-bit
/// address space, or absurd memory sizes.</summary>
public sealed class ElfFormatException : Exception
{
    /// <summary>Creates the exception with a message naming the defect.</summary>
    public ElfFormatException(string message) : base(message) { }
}

/// <summary>Why a guest stopped without reaching its exit syscall.</summary>
public enum RiscVFaultKind
{
    /// <summary>An instruction word that RV32IM does not define (including CSR instructions and the compressed set).</summary>
    IllegalInstruction,
    /// <summary>EBREAK.</summary>
    Breakpoint,
    /// <summary>A jump or taken branch to an address that is not a multiple of 4.</summary>
    InstructionAddressMisaligned,
    /// <summary>The pc left the program's executable segments.</summary>
    InstructionAccessFault,
    /// <summary>Replay only: an access to a memory page that the segment did not record.</summary>
    MemoryAccessFault,
}

/// <summary>Base of the typed errors raised while a guest runs. <see cref="Pc"/> is the address of the
/// instruction that stopped the run and <see cref="Cycles"/> the number of instructions retired before it.</summary>
public abstract class RiscVExecutionException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected RiscVExecutionException(string message, uint pc, long cycles) : base(message)
    {
        Pc = pc;
        Cycles = cycles;
    }

    /// <summary>Address of the instruction being executed when the run stopped.</summary>
    public uint Pc { get; }

    /// <summary>Instructions retired before the run stopped.</summary>
    public long Cycles { get; }

    /// <summary>What the guest wrote to fd 1 before it stopped (empty when a stdout stream was given).</summary>
    public byte[] Stdout { get; internal set; } = [];

    /// <summary>What the guest wrote to fd 2 before it stopped (empty when a stderr stream was given).</summary>
    public byte[] Stderr { get; internal set; } = [];
}

/// <summary>The guest hit a fault (<see cref="RiscVFaultKind"/>); <see cref="Instruction"/> is the raw
/// instruction word at <see cref="RiscVExecutionException.Pc"/> (0 when the pc is outside the program).</summary>
public sealed class RiscVFaultException : RiscVExecutionException
{
    /// <summary>Creates the exception.</summary>
    public RiscVFaultException(RiscVFaultKind kind, uint pc, uint instruction, long cycles, string? detail = null)
        : base($"{kind} at pc 0x{pc:x8} (instruction 0x{instruction:x8}, cycle {cycles}){(detail is null ? "" : ": " + detail)}", pc, cycles)
    {
        Kind = kind;
        Instruction = instruction;
    }

    /// <summary>The kind of fault.</summary>
    public RiscVFaultKind Kind { get; }

    /// <summary>The 32-bit instruction word at the faulting pc.</summary>
    public uint Instruction { get; }
}

/// <summary>The guest retired <see cref="RiscVExecutionOptions.MaxCycles"/> instructions without exiting.</summary>
public sealed class CycleLimitExceededException : RiscVExecutionException
{
    /// <summary>Creates the exception.</summary>
    public CycleLimitExceededException(uint pc, long cycles)
        : base($"cycle limit of {cycles} reached at pc 0x{pc:x8}", pc, cycles) { }
}

/// <summary>The guest touched more memory than <see cref="RiscVExecutionOptions.MaxMemoryBytes"/>, or wrote more
/// output than <see cref="RiscVExecutionOptions.MaxOutputBytes"/>.</summary>
public sealed class MemoryLimitExceededException : RiscVExecutionException
{
    /// <summary>Creates the exception.</summary>
    public MemoryLimitExceededException(string what, long limitBytes, uint pc, long cycles)
        : base($"{what} limit of {limitBytes} bytes exceeded at pc 0x{pc:x8}", pc, cycles) { LimitBytes = limitBytes; }

    /// <summary>The limit that was exceeded, in bytes.</summary>
    public long LimitBytes { get; }
}

/// <summary>A trace segment whose replay does not reproduce its recorded rows or end state, or a trace file
/// that is malformed.</summary>
public sealed class TraceFormatException : Exception
{
    /// <summary>Creates the exception with a message naming the first difference or defect.</summary>
    public TraceFormatException(string message) : base(message) { }
}
