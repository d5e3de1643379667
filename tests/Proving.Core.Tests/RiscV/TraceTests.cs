using Proving.Core.RiscV;

namespace Proving.Core.Tests.RiscV;

/// <summary>Fast and tracing modes agree; every segment replays on its own to its recorded rows and end state; the
/// segments chain (each segment's recorded pages equal the memory left by the previous ones); the trace file round-trips.</summary>
public class TraceTests
{
    private static void AssertSameResult(RiscVExecutionResult fast, RiscVExecutionResult traced)
    {
        Assert.Equal(fast.ExitCode, traced.ExitCode);
        Assert.Equal(fast.Cycles, traced.Cycles);
        Assert.Equal(fast.Journal, traced.Journal);
        Assert.Equal(fast.Stdout, traced.Stdout);
        Assert.Equal(fast.Registers, traced.Registers);
        Assert.Equal(fast.Pc, traced.Pc);
    }

    /// <summary>Replays every segment and checks continuity against a memory image that starts as the program's.</summary>
    private static void ReplayChain(RiscVProgram program, List<TraceSegment> segments, RiscVExecutionResult result)
    {
        var image = new Dictionary<uint, byte[]>();
        foreach (var s in program.Segments)
            for (uint k = 0; k < s.Data.Length; k++)
            {
                uint a = s.Address + k, page = a >> 12;
                if (!image.TryGetValue(page, out var bytes)) image[page] = bytes = new byte[4096];
                bytes[a & 0xfff] = s.Data.Span[(int)k];
            }
        long cycle = 0;
        uint pc = program.Entry;
        for (int i = 0; i < segments.Count; i++)
        {
            var s = segments[i];
            Assert.Equal(i, s.Index);
            Assert.Equal(cycle, s.StartCycle);
            Assert.Equal(pc, s.StartPc);
            if (i > 0) Assert.Equal(segments[i - 1].EndRegisters, s.StartRegisters);
            foreach (var page in s.Pages)
                Assert.True(page.Data.AsSpan().SequenceEqual(image.TryGetValue(page.Index, out var have) ? have : new byte[4096]),
                    $"segment {i}: page 0x{page.Index:x5} differs from the memory the previous segments left");
            var end = TraceReplay.Verify(s);
            foreach (var (index, data) in end.Pages) image[index] = data;
            cycle += s.Rows;
            pc = s.EndPc;
            Assert.Equal(i == segments.Count - 1, s.Exited);
        }
        Assert.Equal(result.Cycles, cycle);
        Assert.Equal(result.Registers, segments[^1].EndRegisters);
    }

    public static TheoryData<string, byte[], int> Cases() => new()
    {
        { "fib", BitConverter.GetBytes(500u), 1000 },
        { "sha256", new byte[5000], 4096 },
        { "keccak", "The quick brown fox"u8.ToArray(), 777 },
        { "selftest", [], 100 },
        { "heavy", Guests.HeavyInput(5, 3000), 1 << 16 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FastAndTracingAgreeAndSegmentsReplay(string guest, byte[] input, int segmentCycles)
    {
        var program = Guests.Load(guest);
        var fast = RiscVExecutor.Run(program, input);
        var (traced, segments) = RiscVExecutor.TraceAll(program, input, segmentCycles);
        AssertSameResult(fast, traced);
        Assert.Equal((fast.Cycles + segmentCycles - 1) / segmentCycles, segments.Count);
        Assert.All(segments.SkipLast(1), s => Assert.Equal(segmentCycles, s.Rows));
        ReplayChain(program, segments, traced);
    }

    [Fact]
    public void RowsDescribeTheInstructions()
    {
        var program = Guests.Load("fib");
        var (_, segments) = RiscVExecutor.TraceAll(program, BitConverter.GetBytes(20u), 1 << 20);
        var s = Assert.Single(segments);
        Assert.Equal(program.Entry, s.Pc[0]);
        for (int i = 0; i < s.Rows; i++)
        {
            uint word = s.Instruction[i];
            uint opcode = word & 0x7f;
            if (i + 1 < s.Rows && opcode is not (0x63 or 0x6f or 0x67)) Assert.Equal(s.Pc[i] + 4, s.Pc[i + 1]);
            if (opcode == 0x03) Assert.Equal(TraceSegment.MemRead, s.MemKind[i] & 3);
            else if (opcode == 0x23) Assert.Equal(TraceSegment.MemWrite, s.MemKind[i] & 3);
            else Assert.Equal(0, s.MemKind[i]);
            if (opcode is 0x33 or 0x13 or 0x37 && s.Rd[i] != 0) Assert.Equal((word >> 7) & 31, s.Rd[i]);
            if (opcode == 0x33) Assert.Equal((word >> 20) & 31, s.Rs2[i]);
        }
        Assert.Equal(0x73u, s.Instruction[s.Rows - 1]);
        Assert.True(s.Exited);
    }

    [Fact]
    public void TamperedSegmentsFailReplay()
    {
        var (_, segments) = RiscVExecutor.TraceAll(Guests.Load("sha256"), new byte[200], 2000);
        var s = segments[1];
        s.RdValueColumn[17] ^= 1;
        Assert.Throws<TraceFormatException>(() => TraceReplay.Verify(s));
        s.RdValueColumn[17] ^= 1;
        TraceReplay.Verify(s);
        s.EndRegisters[5] ^= 4;
        Assert.Throws<TraceFormatException>(() => TraceReplay.Verify(s));
        s.EndRegisters[5] ^= 4;
        s.Pages = s.Pages.Where(p => p.Executed).ToList();   // drop the stack and data pages
        Assert.Equal(RiscVFaultKind.MemoryAccessFault, Assert.Throws<RiscVFaultException>(() => TraceReplay.Verify(s)).Kind);
    }

    [Fact]
    public void TraceFileRoundTrips()
    {
        var program = Guests.Load("keccak");
        var stream = new MemoryStream();
        TraceFile.WriteHeader(stream);
        int count = 0;
        var result = RiscVExecutor.Trace(program, new byte[300], 5000, s => { TraceFile.WriteSegment(stream, s); count++; });
        TraceFile.WriteEnd(stream, count, result.Cycles);
        stream.Position = 0;
        var (segments, cycles) = TraceFile.Read(stream);
        Assert.Equal(result.Cycles, cycles);
        Assert.Equal(count, segments.Count);
        ReplayChain(program, segments, result);

        var bytes = stream.ToArray();
        foreach (int cut in new[] { 0, 5, 16, 100, bytes.Length / 2, bytes.Length - 1 })
            Assert.Throws<TraceFormatException>(() => TraceFile.Read(new MemoryStream(bytes[..cut])));
        var bad = (byte[])bytes.Clone();
        bad[0] = (byte)'X';
        Assert.Throws<TraceFormatException>(() => TraceFile.Read(new MemoryStream(bad)));
        var hostile = (byte[])bytes.Clone();
        BitConverter.TryWriteBytes(hostile.AsSpan(16 + 16), 0x7fffffffu);   // rows of segment 0
        Assert.Throws<TraceFormatException>(() => TraceFile.Read(new MemoryStream(hostile)));
    }
}
