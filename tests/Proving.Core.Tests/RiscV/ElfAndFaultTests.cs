using System.Buffers.Binary;
using Proving.Core.RiscV;
using static Proving.Core.Tests.RiscV.Asm;

namespace Proving.Core.Tests.RiscV;

/// <summary>Malformed ELF files give <see cref="ElfFormatException"/>; faults and limits give their typed exceptions.</summary>
public class ElfAndFaultTests
{
    private static readonly uint[] ExitZero = [Addi(A0, 0, 0), Addi(A7, 0, 93), Ecall];

    private static byte[] Patched(Action<Span<byte>> patch, byte[]? data = null)
    {
        var elf = Elf(ExitZero, data ?? [1, 2, 3, 4]);
        patch(elf);
        return elf;
    }

    public static TheoryData<string, byte[]> Malformed() => new()
    {
        { "empty", [] },
        { "truncated header", Elf(ExitZero)[..40] },
        { "bad magic", Patched(e => e[1] = (byte)'X') },
        { "64-bit class", Patched(e => e[4] = 2) },
        { "big-endian", Patched(e => e[5] = 2) },
        { "x86 machine", Patched(e => BinaryPrimitives.WriteUInt16LittleEndian(e[18..], 3)) },
        { "shared object", Patched(e => BinaryPrimitives.WriteUInt16LittleEndian(e[16..], 3)) },
        { "RVC flag", Patched(e => BinaryPrimitives.WriteUInt32LittleEndian(e[36..], 1)) },
        { "no program headers", Patched(e => BinaryPrimitives.WriteUInt16LittleEndian(e[44..], 0)) },
        { "program headers past the end", Patched(e => BinaryPrimitives.WriteUInt32LittleEndian(e[28..], 0xfffffff0)) },
        { "many program headers", Patched(e => BinaryPrimitives.WriteUInt16LittleEndian(e[44..], 0xffff)) },
        { "segment past the end of the file", Patched(e => BinaryPrimitives.WriteUInt32LittleEndian(e[(84 + 16)..], 0x7fffffff)) },
        { "segment offset past the end", Patched(e => BinaryPrimitives.WriteUInt32LittleEndian(e[(84 + 4)..], 0xffffff00)) },
        { "filesz above memsz", Patched(e => BinaryPrimitives.WriteUInt32LittleEndian(e[(84 + 20)..], 1)) },
        { "absurd memsz", Patched(e => BinaryPrimitives.WriteUInt32LittleEndian(e[(84 + 20)..], 0xf0000000)) },
        { "past 2^32", Patched(e => { BinaryPrimitives.WriteUInt32LittleEndian(e[(84 + 8)..], 0xfffff000); BinaryPrimitives.WriteUInt32LittleEndian(e[(84 + 20)..], 0x2000); }) },
        { "overlapping segments", Patched(e => BinaryPrimitives.WriteUInt32LittleEndian(e[(84 + 8)..], TextBase + 4)) },
        { "entry outside code", Elf(ExitZero, entry: 0x40000) },
        { "misaligned entry", Elf(ExitZero, entry: TextBase + 2) },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedElfIsRejected(string what, byte[] elf)
    {
        var e = Assert.Throws<ElfFormatException>(() => RiscVProgram.Load(elf));
        Assert.False(string.IsNullOrEmpty(e.Message), what);
    }

    [Fact]
    public void RandomTruncationsAndCorruptionsNeverCrash()
    {
        var elf = File.ReadAllBytes(Guests.Path("fib"));
        var rng = new Random(7);
        for (int i = 0; i < 300; i++)
        {
            var copy = elf[..rng.Next(elf.Length)];
            if (copy.Length > 0 && i % 2 == 0) copy[rng.Next(Math.Min(copy.Length, 200))] ^= (byte)(1 << rng.Next(8));
            try
            {
                var program = RiscVProgram.Load(copy);
                try
                {
                    RiscVExecutor.Run(program, Array.Empty<byte>(), new RiscVExecutionOptions { MaxCycles = 100_000, MaxMemoryBytes = 16 << 20 });
                }
                catch (RiscVExecutionException) { }
            }
            catch (ElfFormatException) { }
        }
    }

    [Fact]
    public void BssIsZeroAndSegmentsLoad()
    {
        var program = RiscVProgram.Load(Elf(ExitZero, [9, 8, 7], dataMemSize: 0x3000));
        Assert.Equal(TextBase, program.Entry);
        Assert.Equal(2, program.Segments.Count);
        Assert.Equal(0x3000u, program.Segments[1].MemorySize);
        uint[] code = Concat(Li(T0, DataBase), [I(0, T0, 2, 8, 0x03), I(0x7fc, T0, 2, 9, 0x03), Addi(A7, 0, 93), Ecall]);
        var x = Run(code, [9, 8, 7], dataMemSize: 0x3000).Registers;
        Assert.Equal(0x00070809u, x[8]);
        Assert.Equal(0u, x[9]);
    }

    [Fact]
    public void EbreakFaultCarriesPcAndWord()
    {
        var e = Assert.Throws<RiscVFaultException>(() => Run([Addi(8, 0, 1), Ebreak]));
        Assert.Equal(RiscVFaultKind.Breakpoint, e.Kind);
        Assert.Equal(TextBase + 4, e.Pc);
        Assert.Equal(Ebreak, e.Instruction);
        Assert.Equal(1, e.Cycles);
    }

    [Theory]
    [InlineData(0x00000000u)]   // all zeros is defined illegal
    [InlineData(0xffffffffu)]
    [InlineData(0x34202573u)]   // csrr a0, mcause (Zicsr is not supported)
    [InlineData(0x00004501u)]   // a compressed encoding
    [InlineData(0x02000013u | (1 << 12) | (1 << 25))]   // slli with imm[11:5] != 0
    [InlineData(0x00003003u)]   // load funct3 3 (ld)
    [InlineData(0x00002063u)]   // branch funct3 2
    [InlineData(0x40000033u | (1 << 12))]   // funct7 0x20 with sll
    public void IllegalInstructionsFault(uint word)
    {
        var e = Assert.Throws<RiscVFaultException>(() => Run([Addi(8, 0, 1), word]));
        Assert.Equal(RiscVFaultKind.IllegalInstruction, e.Kind);
        Assert.Equal(word, e.Instruction);
        Assert.Equal(TextBase + 4, e.Pc);
    }

    [Fact]
    public void MisalignedJumpTargetsFault()
    {
        var e = Assert.Throws<RiscVFaultException>(() => Run([J(6, 0), Ecall, Ecall]));
        Assert.Equal(RiscVFaultKind.InstructionAddressMisaligned, e.Kind);
        Assert.Equal(TextBase, e.Pc);
        var f = Assert.Throws<RiscVFaultException>(() => Run(Concat(Li(T0, TextBase + 2), [I(0, T0, 0, 0, 0x67)])));
        Assert.Equal(RiscVFaultKind.InstructionAddressMisaligned, f.Kind);
    }

    [Fact]
    public void LeavingTheCodeFaults()
    {
        var e = Assert.Throws<RiscVFaultException>(() => Run([Addi(8, 0, 1)]));
        Assert.Equal(RiscVFaultKind.InstructionAccessFault, e.Kind);
        Assert.Equal(TextBase + 4, e.Pc);
        Assert.Throws<RiscVFaultException>(() => Run(Concat(Li(T0, DataBase), [I(0, T0, 0, 0, 0x67)]), [1, 2, 3, 4]));
    }

    [Fact]
    public void CycleLimitStopsAnEndlessLoop()
    {
        var e = Assert.Throws<CycleLimitExceededException>(() => Run([J(0, 0)], options: new RiscVExecutionOptions { MaxCycles = 12345 }));
        Assert.Equal(12345, e.Cycles);
        Assert.Equal(TextBase, e.Pc);
        var traced = Assert.Throws<CycleLimitExceededException>(() =>
            RiscVExecutor.TraceAll(RiscVProgram.Load(Elf([J(0, 0)])), Array.Empty<byte>(), 1000, new RiscVExecutionOptions { MaxCycles = 5000 }));
        Assert.Equal(5000, traced.Cycles);
    }

    [Fact]
    public void MemoryLimitStopsAGrowingWriter()
    {
        // Store a word every 4 KiB upwards from 0x100000, forever.
        uint[] code = Concat(Li(T0, 0x100000), Li(T1, 0x1000), [S(0, T0, T0, 2, 0x23), R(0, T1, T0, 0, T0, 0x33), J(-8, 0)]);
        var e = Assert.Throws<MemoryLimitExceededException>(() => Run(code, options: new RiscVExecutionOptions { MaxMemoryBytes = 1 << 20 }));
        Assert.Equal(1 << 20, e.LimitBytes);
    }

    [Fact]
    public void OutputLimitIsEnforced()
    {
        // write(1, 0x10000, 0x7fffffff): larger than the output limit.
        uint[] code = Concat(Li(A1, TextBase), Li(A2, 0x7fffffff), [Addi(A0, 0, 1), Addi(A7, 0, 64), Ecall]);
        Assert.Throws<MemoryLimitExceededException>(() => Run(code));
    }

    [Fact]
    public void ReadWriteAndCommitSyscalls()
    {
        // read(0, DataBase, 100) then write(1, DataBase, n), write(2, ...), commit(DataBase, n), read(5, ...) -> -EBADF
        uint[] code = Concat(Li(A1, DataBase),
        [
            Addi(A0, 0, 0), Addi(A2, 0, 100), Addi(A7, 0, 63), Ecall, Addi(8, A0, 0),
            Addi(A0, 0, 1), Addi(A2, 8, 0), Addi(A7, 0, 64), Ecall,
            Addi(A0, 0, 2), Addi(A7, 0, 64), Ecall,
            Addi(A0, A1, 0), Addi(A1, 8, 0), Lui(A7, 1), Ecall,
            Addi(A0, 0, 5), Addi(A7, 0, 63), Ecall, Addi(9, A0, 0),
            Addi(A0, 0, 0), Addi(A7, 0, 93), Ecall,
        ]);
        var result = Run(code, dataMemSize: 0x1000, input: "hello"u8.ToArray());
        Assert.Equal(5u, result.Registers[8]);
        Assert.Equal("hello"u8.ToArray(), result.Stdout);
        Assert.Equal("hello"u8.ToArray(), result.Stderr);
        Assert.Equal("hello"u8.ToArray(), result.Journal);
        Assert.Equal(unchecked((uint)-9), result.Registers[9]);
    }
}
