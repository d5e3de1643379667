namespace Proving.Core.RiscV;

/// <summary>Limits and I/O for one guest run. Defaults: 2^32 cycles, 512 MiB of guest memory, 64 MiB per output
/// stream, stack pointer 0x7FFFFFF0, stdout and stderr captured into the result.</summary>
public sealed record RiscVExecutionOptions
{
    /// <summary>Most instructions the guest may retire; reaching it without exiting raises
    /// <see cref="CycleLimitExceededException"/>.</summary>
    public long MaxCycles { get; init; } = 1L << 32;

    /// <summary>Most guest memory, in bytes, counted in 4 KiB pages as they are first written (the program image
    /// included; bss pages count only once written). Exceeding it raises <see cref="MemoryLimitExceededException"/>.</summary>
    public long MaxMemoryBytes { get; init; } = 512L << 20;

    /// <summary>Most bytes the guest may write to each of stdout, stderr and the journal; exceeding it raises
    /// <see cref="MemoryLimitExceededException"/>.</summary>
    public long MaxOutputBytes { get; init; } = 64L << 20;

    /// <summary>Initial value of sp (x2). Guests built with native/guests set their own stack in start-up code.</summary>
    public uint StackPointer { get; init; } = 0x7FFF_FFF0;

    /// <summary>Where the guest's writes to fd 1 go as they happen; null captures them in
    /// <see cref="RiscVExecutionResult.Stdout"/>.</summary>
    public Stream? Stdout { get; init; }

    /// <summary>Where the guest's writes to fd 2 go as they happen; null captures them in
    /// <see cref="RiscVExecutionResult.Stderr"/>.</summary>
    public Stream? Stderr { get; init; }
}

/// <summary>Outcome of a guest that reached its exit syscall.</summary>
public sealed class RiscVExecutionResult
{
    /// <summary>The exit code (a0 of the exit syscall).</summary>
    public required int ExitCode { get; init; }

    /// <summary>Instructions retired, the exit ECALL included.</summary>
    public required long Cycles { get; init; }

    /// <summary>The committed public output: the concatenation of every COMMIT syscall's bytes.</summary>
    public required byte[] Journal { get; init; }

    /// <summary>Bytes written to fd 1 (empty when <see cref="RiscVExecutionOptions.Stdout"/> was given).</summary>
    public required byte[] Stdout { get; init; }

    /// <summary>Bytes written to fd 2 (empty when <see cref="RiscVExecutionOptions.Stderr"/> was given).</summary>
    public required byte[] Stderr { get; init; }

    /// <summary>Registers x0..x31 at exit (32 entries).</summary>
    public required uint[] Registers { get; init; }

    /// <summary>Address of the exit ECALL.</summary>
    public required uint Pc { get; init; }

    /// <summary>Guest memory in use at exit, in bytes (allocated 4 KiB pages).</summary>
    public required long MemoryBytes { get; init; }

    /// <summary>Wall-clock time of the run (loading excluded).</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Speed in millions of instructions per second.</summary>
    public double Mhz => Elapsed.TotalSeconds > 0 ? Cycles / Elapsed.TotalSeconds / 1e6 : 0;
}
