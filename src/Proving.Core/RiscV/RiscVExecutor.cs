using System.Diagnostics;

namespace Proving.Core.RiscV;

/// <summary>
/// Runs RV32IM guest programs deterministically. <see cref="Run"/> is the fast mode (pre-decoded instructions, no
/// trace); <see cref="Trace"/> runs the same instruction core and also records the execution trace in segments.
/// Both are thread-safe: each call builds its own machine (registers, 4 KiB-paged memory, decoded code).
/// </summary>
/// <example><code>
/// var program = RiscVProgram.Load(File.ReadAllBytes("sha256.elf"));
/// var result = RiscVExecutor.Run(program, input);
/// Console.WriteLine($"exit {result.ExitCode}, {result.Cycles} cycles, journal {Convert.ToHexString(result.Journal)}");
/// </code></example>
public static class RiscVExecutor
{
    /// <summary>Runs <paramref name="program"/> on <paramref name="input"/> (the bytes fd 0 reads) until its exit syscall.</summary>
    /// <returns>Exit code, cycles, journal, captured stdout/stderr, final registers.</returns>
    /// <exception cref="RiscVFaultException">Illegal instruction, EBREAK, misaligned jump target, or pc outside the code.</exception>
    /// <exception cref="CycleLimitExceededException">More than <see cref="RiscVExecutionOptions.MaxCycles"/> instructions.</exception>
    /// <exception cref="MemoryLimitExceededException">Memory or output beyond the options' limits.</exception>
    public static RiscVExecutionResult Run(RiscVProgram program, ReadOnlyMemory<byte> input, RiscVExecutionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        options ??= new RiscVExecutionOptions();
        var machine = new Machine(program, input, options);
        var clock = Stopwatch.StartNew();
        try
        {
            if (!machine.Execute<FastMode>(machine.MaxCycles))
                throw new CycleLimitExceededException(machine.Pc, machine.Cycles);
        }
        catch (RiscVExecutionException e)
        {
            throw Annotated(e, machine);
        }
        return Result(machine, clock.Elapsed);
    }

    /// <summary>
    /// Runs like <see cref="Run"/> and records the execution trace, split into segments of
    /// <paramref name="segmentCycles"/> rows (the last one may be shorter). Each segment is passed to
    /// <paramref name="onSegment"/> as soon as it is complete; its column buffers are reused for the next segment
    /// after the callback returns (call <see cref="TraceSegment.Clone"/> to keep one). A run that faults delivers
    /// the complete segments before the fault, then throws.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="segmentCycles"/> is not positive.</exception>
    /// <exception cref="RiscVExecutionException">As for <see cref="Run"/>.</exception>
    public static RiscVExecutionResult Trace(RiscVProgram program, ReadOnlyMemory<byte> input, int segmentCycles,
        Action<TraceSegment> onSegment, RiscVExecutionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(onSegment);
        options ??= new RiscVExecutionOptions();
        var machine = new Machine(program, input, options);
        var clock = Stopwatch.StartNew();
        try
        {
            RunTraced(machine, segmentCycles, onSegment);
        }
        catch (RiscVExecutionException e)
        {
            throw Annotated(e, machine);
        }
        return Result(machine, clock.Elapsed);
    }

    /// <summary>Runs <see cref="Trace"/> and keeps every segment (cloned). Meant for short runs: memory grows with the trace.</summary>
    public static (RiscVExecutionResult Result, List<TraceSegment> Segments) TraceAll(RiscVProgram program, ReadOnlyMemory<byte> input,
        int segmentCycles, RiscVExecutionOptions? options = null)
    {
        var segments = new List<TraceSegment>();
        var result = Trace(program, input, segmentCycles, s => segments.Add(s.Clone()), options);
        return (result, segments);
    }

    /// <summary>Traces a prepared machine until exit, or until its cycle limit (a <see cref="CycleLimitExceededException"/>).</summary>
    internal static void RunTraced(Machine machine, int segmentCycles, Action<TraceSegment> onSegment)
    {
        var recorder = new TraceRecorder(machine, segmentCycles, onSegment);
        machine.Recorder = recorder;
        machine.Memory.Recorder = recorder;
        recorder.BeginSegment();
        while (true)
        {
            long stop = Math.Min(machine.MaxCycles, machine.Cycles + segmentCycles);
            if (machine.Execute<TraceMode>(stop))
            {
                recorder.EndSegment();
                return;
            }
            if (machine.Cycles >= machine.MaxCycles) throw new CycleLimitExceededException(machine.Pc, machine.Cycles);
            recorder.EndSegment();
            recorder.BeginSegment();
        }
    }

    private static RiscVExecutionException Annotated(RiscVExecutionException e, Machine machine)
    {
        machine.Stdout.Flush();
        machine.Stderr.Flush();
        e.Stdout = machine.Stdout.ToArray();
        e.Stderr = machine.Stderr.ToArray();
        return e;
    }

    private static RiscVExecutionResult Result(Machine machine, TimeSpan elapsed)
    {
        machine.Stdout.Flush();
        machine.Stderr.Flush();
        return new RiscVExecutionResult
        {
            ExitCode = machine.ExitCode,
            Cycles = machine.Cycles,
            Journal = machine.Journal.ToArray(),
            Stdout = machine.Stdout.ToArray(),
            Stderr = machine.Stderr.ToArray(),
            Registers = machine.Registers(),
            Pc = machine.Pc,
            MemoryBytes = (long)machine.Memory.AllocatedPages * PagedMemory.PageSize,
            Elapsed = elapsed,
        };
    }
}
