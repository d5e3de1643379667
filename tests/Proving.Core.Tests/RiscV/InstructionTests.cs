using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Proving.Core.RiscV;
using static Proving.Core.Tests.RiscV.Asm;

namespace Proving.Core.Tests.RiscV;

/// <summary>Per-family instruction tests on hand-assembled encodings, with an oracle written from the ISA manual's
/// definitions (BigInteger for the M extension).</summary>
public class InstructionTests
{
    private static readonly uint[] Edges = [0, 1, 2, 31, 32, 0x7fffffff, 0x80000000, 0x80000001, 0xffffffff, 0xfffffffe, 0x12345678, 0xfedcba98];

    // (name, funct7, funct3, oracle)
    private static readonly (string Name, uint F7, uint F3, Func<uint, uint, uint> Oracle)[] RegisterOps =
    [
        ("add", 0, 0, (a, b) => unchecked(a + b)),
        ("sub", 0x20, 0, (a, b) => unchecked(a - b)),
        ("sll", 0, 1, (a, b) => (uint)((ulong)a << (int)(b % 32)) ),
        ("slt", 0, 2, (a, b) => (int)a < (int)b ? 1u : 0u),
        ("sltu", 0, 3, (a, b) => a < b ? 1u : 0u),
        ("xor", 0, 4, (a, b) => a ^ b),
        ("srl", 0, 5, (a, b) => (uint)((ulong)a >> (int)(b % 32))),
        ("sra", 0x20, 5, (a, b) => (uint)(int)Math.Floor((int)a / Math.Pow(2, b % 32))),
        ("or", 0, 6, (a, b) => a | b),
        ("and", 0, 7, (a, b) => a & b),
        ("mul", 1, 0, (a, b) => Low(new BigInteger(a) * b)),
        ("mulh", 1, 1, (a, b) => Low((new BigInteger((int)a) * (int)b) >> 32)),
        ("mulhsu", 1, 2, (a, b) => Low((new BigInteger((int)a) * b) >> 32)),
        ("mulhu", 1, 3, (a, b) => Low((new BigInteger(a) * b) >> 32)),
        ("div", 1, 4, (a, b) => b == 0 ? 0xffffffff : a == 0x80000000 && b == 0xffffffff ? a : Low(BigInteger.Divide((int)a, (int)b))),
        ("divu", 1, 5, (a, b) => b == 0 ? 0xffffffff : a / b),
        ("rem", 1, 6, (a, b) => b == 0 ? a : a == 0x80000000 && b == 0xffffffff ? 0 : Low(BigInteger.Remainder((int)a, (int)b))),
        ("remu", 1, 7, (a, b) => b == 0 ? a : a % b),
    ];

    private static uint Low(BigInteger v) => (uint)(v & uint.MaxValue);

    /// <summary>Destination registers for the results: every register but t0/t1 (operands) and a0/a7 (exit).</summary>
    private static readonly int[] Results = Enumerable.Range(8, 24).Where(r => r is not (10 or 17)).ToArray();

    /// <summary>Runs every register-register op on (a, b): results land in x8.. x25.</summary>
    private static void CheckRegisterOps(uint a, uint b)
    {
        var code = new List<uint>();
        code.AddRange(Li(T0, a));
        code.AddRange(Li(T1, b));
        for (int i = 0; i < RegisterOps.Length; i++)
            code.Add(R(RegisterOps[i].F7, T1, T0, RegisterOps[i].F3, Results[i], 0x33));
        code.AddRange([Addi(A7, 0, 93), Ecall]);
        var regs = Run(code.ToArray()).Registers;
        for (int i = 0; i < RegisterOps.Length; i++)
            Assert.True(RegisterOps[i].Oracle(a, b) == regs[Results[i]],
                $"{RegisterOps[i].Name}(0x{a:x8}, 0x{b:x8}) = 0x{regs[Results[i]]:x8}, expected 0x{RegisterOps[i].Oracle(a, b):x8}");
    }

    [Fact]
    public void RegisterOpsOnEdgeValues()
    {
        foreach (var a in Edges)
            foreach (var b in Edges)
                CheckRegisterOps(a, b);
    }

    [Fact]
    public void RegisterOpsOnRandomValues()
    {
        var word = Gen.Frequency((1, Gen.Elements(Edges)), (3, ArbMap.Default.GeneratorFor<uint>())).ToArbitrary();
        Prop.ForAll(word, word, (a, b) => { CheckRegisterOps(a, b); return true; }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ImmediateOpsOnRandomValues()
    {
        var word = Gen.Frequency((1, Gen.Elements(Edges)), (3, ArbMap.Default.GeneratorFor<uint>())).ToArbitrary();
        var imm = Gen.Choose(-2048, 2047).ToArbitrary();
        Prop.ForAll(word, imm, (a, i) =>
        {
            int sh = i & 31;
            uint[] code = Concat(Li(T0, a),
            [
                I(i, T0, 0, 8, 0x13), I(i, T0, 2, 9, 0x13), I(i, T0, 3, 10, 0x13), I(i, T0, 4, 11, 0x13),
                I(i, T0, 6, 12, 0x13), I(i, T0, 7, 13, 0x13), I(sh, T0, 1, 14, 0x13), I(sh, T0, 5, 15, 0x13),
                I(0x400 | sh, T0, 5, 16, 0x13), Addi(A7, 0, 93), Ecall,
            ]);
            var x = Run(code).Registers;
            uint si = (uint)i;
            Assert.Equal(unchecked(a + si), x[8]);
            Assert.Equal((int)a < i ? 1u : 0u, x[9]);
            Assert.Equal(a < si ? 1u : 0u, x[10]);
            Assert.Equal(a ^ si, x[11]);
            Assert.Equal(a | si, x[12]);
            Assert.Equal(a & si, x[13]);
            Assert.Equal((uint)((ulong)a << sh), x[14]);
            Assert.Equal(a >> sh, x[15]);
            Assert.Equal((uint)((int)a >> sh), x[16]);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void UpperImmediatesAndX0()
    {
        uint[] code =
        [
            Lui(8, 0xfffff),                 // x8 = 0xfffff000
            U(0x00001, 9, 0x17),             // auipc x9, 1 -> pc + 0x1000
            Addi(0, 0, 123),                 // writes to x0 vanish
            R(0, 8, 8, 0, 0, 0x33),          // add x0, x8, x8
            Addi(10, 0, 0),                  // x10 = x0
            Addi(A7, 0, 93), Ecall,
        ];
        var x = Run(code).Registers;
        Assert.Equal(0xfffff000u, x[8]);
        Assert.Equal(TextBase + 4 + 0x1000, x[9]);
        Assert.Equal(0u, x[0]);
        Assert.Equal(0u, x[10]);
    }

    [Fact]
    public void LoadsSignAndZeroExtendAndStoresKeepLowBytes()
    {
        byte[] data = [0xff, 0x80, 0x81, 0x7f, 0, 0, 0, 0, 0, 0, 0, 0];
        uint[] code = Concat(Li(T0, DataBase),
        [
            I(0, T0, 0, 8, 0x03), I(0, T0, 4, 9, 0x03),     // lb, lbu 0xff
            I(1, T0, 1, 10, 0x03), I(1, T0, 5, 11, 0x03),   // lh, lhu 0x8180 at offset 1 (misaligned)
            I(0, T0, 2, 12, 0x03),                          // lw
            I(1, T0, 2, 13, 0x03),                          // misaligned lw
            S(4, 12, T0, 0, 0x23),                          // sb: low byte 0xff at +4
            S(6, 12, T0, 1, 0x23),                          // sh: 0x80ff at +6
            I(4, T0, 2, 14, 0x03),                          // lw +4
            S(9, 12, T0, 2, 0x23),                          // misaligned sw at +9
            I(8, T0, 2, 15, 0x03), I(12, T0, 0, 16, 0x03),
            Addi(A7, 0, 93), Ecall,
        ]);
        var x = Run(code, data).Registers;
        Assert.Equal(0xffffffffu, x[8]);
        Assert.Equal(0xffu, x[9]);
        Assert.Equal(0xffff8180u, x[10]);
        Assert.Equal(0x8180u, x[11]);
        Assert.Equal(0x7f8180ffu, x[12]);
        Assert.Equal(0x007f8180u, x[13]);
        Assert.Equal(0x80ff00ffu, x[14]);
        Assert.Equal(0x8180ff00u, x[15]);
        Assert.Equal(0x7fu, x[16]);   // byte 12, written by the misaligned sw
    }

    [Fact]
    public void MisalignedAccessAcrossAPageBoundaryWorks()
    {
        uint[] code = Concat(Li(T0, DataBase + 0xffe), Li(T1, 0xa1b2c3d4),
        [
            S(0, T1, T0, 2, 0x23), I(0, T0, 2, 8, 0x03), I(1, T0, 5, 9, 0x03), Addi(A7, 0, 93), Ecall,
        ]);
        var x = Run(code, dataMemSize: 0x2000).Registers;
        Assert.Equal(0xa1b2c3d4u, x[8]);
        Assert.Equal(0xb2c3u, x[9]);
    }

    [Fact]
    public void BranchesAndJumps()
    {
        // Each taken branch skips an "addi x8, x8, 1"; x8 counts the not-taken paths.
        uint[] code = Concat(Li(T0, 0xffffffff), Li(T1, 1),
        [
            B(8, T1, T0, 0), Addi(8, 8, 1),   // beq -1,1 not taken -> +1
            B(8, T1, T0, 1), Addi(8, 8, 100), // bne taken
            B(8, T1, T0, 4), Addi(8, 8, 100), // blt -1<1 taken
            B(8, T1, T0, 5), Addi(8, 8, 1),   // bge not taken -> +1
            B(8, T1, T0, 6), Addi(8, 8, 1),   // bltu 0xffffffff<1 not taken -> +1
            B(8, T1, T0, 7), Addi(8, 8, 100), // bgeu taken
            J(8, Ra), Addi(8, 8, 100),        // jal skips, ra = link
            Addi(9, Ra, 0),
            Addi(T2, 0, 8),
            U(0, T2, 0x17),                   // auipc t2, 0: t2 = this pc
            I(13, T2, 0, 10, 0x67),           // jalr x10, 13(t2): (t2 + 13) & ~1 = t2 + 12
            Addi(8, 8, 100), Addi(8, 8, 1000), Addi(A7, 0, 93), Ecall,
        ]);
        var result = Run(code);
        Assert.Equal(3u + 1000, result.Registers[8]);
        uint jalPc = TextBase + 4 * (4 + 12);
        Assert.Equal(jalPc + 4, result.Registers[9]);
        uint auipcPc = jalPc + 16;
        Assert.Equal(auipcPc + 8, result.Registers[10]);
    }

    [Fact]
    public void FenceIsANoOpAndUnknownSyscallsReturnEnosys()
    {
        uint[] code = [0x0ff0000f, 0x0000100f, Addi(A7, 0, 500), Ecall, Addi(8, A0, 0), Addi(A7, 0, 93), Addi(A0, 0, 7), Ecall];
        var result = Run(code);
        Assert.Equal(unchecked((uint)-38), result.Registers[8]);
        Assert.Equal(7, result.ExitCode);
        Assert.Equal(8, result.Cycles);
    }

    [Fact]
    public void StoresIntoCodeAreExecuted()
    {
        // Overwrite the instruction at "target" with "addi x8, x0, 42" and run it.
        uint patch = Addi(8, 0, 42);
        uint[] code = Concat(Li(T1, patch), [U(0, T0, 0x17), S(8, T1, T0, 2, 0x23), Addi(8, 0, 1), Addi(A7, 0, 93), Ecall]);
        Assert.Equal(42u, Run(code).Registers[8]);
    }

    [Fact]
    public void CodeReadFromTheInputIsExecuted()
    {
        // read(0, target, 4) overwrites the "addi x8, x0, 1" at target with the input word, which then runs.
        uint[] code = Concat([U(0, A1, 0x17), Addi(A1, A1, 24), Addi(A0, 0, 0), Addi(A2, 0, 4), Addi(A7, 0, 63), Ecall, Addi(8, 0, 1), Addi(A7, 0, 93), Ecall]);
        var result = Run(code, input: BitConverter.GetBytes(Addi(8, 0, 77)));
        Assert.Equal(77u, result.Registers[8]);
    }
}
