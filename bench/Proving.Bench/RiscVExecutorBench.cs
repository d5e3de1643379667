using BenchmarkDotNet.Attributes;
using Proving.Core.RiscV;

namespace Proving.Bench;

/// <summary>
/// The RV32IM executor on the heavy guest (native/guests/heavy.c: xorshift words, merge sort, SHA-256), in fast mode
/// and in tracing mode (segments of 2^20 rows, handed to a callback that keeps nothing). Divide the guest's cycle
/// count (printed once in the log) by the mean time for instructions (or rows) per second.
/// Build the guests first: bash native/guests/build.sh.
/// </summary>
[MemoryDiagnoser]
public class RiscVExecutorBench
{
    private RiscVProgram program = null!;
    private byte[] input = null!;

    /// <summary>Words the heavy guest sorts and hashes (100000: about 65 M cycles).</summary>
    [Params(100_000)]
    public uint Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Proving.sln"))) root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Proving.sln not found");
        program = RiscVProgram.LoadFile(Path.Combine(root, "native", "guests", "build", "heavy.elf"));
        input = new byte[8];
        BitConverter.TryWriteBytes(input, 1u);
        BitConverter.TryWriteBytes(input.AsSpan(4), Count);
        Console.WriteLine($"// heavy guest, count {Count}: {RiscVExecutor.Run(program, input).Cycles} cycles");
    }

    [Benchmark(Baseline = true)]
    public long Fast() => RiscVExecutor.Run(program, input).Cycles;

    [Benchmark]
    public long Tracing() => RiscVExecutor.Trace(program, input, 1 << 20, _ => { }).Cycles;
}
