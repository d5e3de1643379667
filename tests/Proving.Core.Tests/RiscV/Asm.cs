using System.Buffers.Binary;
using Proving.Core.RiscV;

namespace Proving.Core.Tests.RiscV;

/// <summary>Hand encodings of RV32IM instructions (ISA manual, chapter 2 base formats) and a minimal ELF32 writer.</summary>
internal static class Asm
{
    public const int A0 = 10, A1 = 11, A2 = 12, A7 = 17, T0 = 5, T1 = 6, T2 = 7, Sp = 2, Ra = 1;

    public static uint R(uint f7, int rs2, int rs1, uint f3, int rd, uint opcode) =>
        (f7 << 25) | ((uint)rs2 << 20) | ((uint)rs1 << 15) | (f3 << 12) | ((uint)rd << 7) | opcode;

    public static uint I(int imm, int rs1, uint f3, int rd, uint opcode) =>
        ((uint)(imm & 0xfff) << 20) | ((uint)rs1 << 15) | (f3 << 12) | ((uint)rd << 7) | opcode;

    public static uint S(int imm, int rs2, int rs1, uint f3, uint opcode) =>
        ((uint)((imm >> 5) & 0x7f) << 25) | ((uint)rs2 << 20) | ((uint)rs1 << 15) | (f3 << 12) | ((uint)(imm & 31) << 7) | opcode;

    public static uint B(int imm, int rs2, int rs1, uint f3) =>
        ((uint)((imm >> 12) & 1) << 31) | ((uint)((imm >> 5) & 0x3f) << 25) | ((uint)rs2 << 20) | ((uint)rs1 << 15)
        | (f3 << 12) | ((uint)((imm >> 1) & 0xf) << 8) | ((uint)((imm >> 11) & 1) << 7) | 0x63;

    public static uint U(uint imm20, int rd, uint opcode) => (imm20 << 12) | ((uint)rd << 7) | opcode;

    public static uint J(int imm, int rd) =>
        ((uint)((imm >> 20) & 1) << 31) | ((uint)((imm >> 1) & 0x3ff) << 21) | ((uint)((imm >> 11) & 1) << 20)
        | ((uint)((imm >> 12) & 0xff) << 12) | ((uint)rd << 7) | 0x6f;

    public static uint Addi(int rd, int rs1, int imm) => I(imm, rs1, 0, rd, 0x13);
    public static uint Lui(int rd, uint imm20) => U(imm20, rd, 0x37);
    public const uint Ecall = 0x00000073, Ebreak = 0x00100073;

    /// <summary>Instructions that load a 32-bit constant into rd (LUI + ADDI).</summary>
    public static uint[] Li(int rd, uint value)
    {
        uint lo = value & 0xfff, hi = (value >> 12) + (lo >= 0x800 ? 1u : 0u);
        return [Lui(rd, hi & 0xfffff), Addi(rd, rd, (int)(lo << 20) >> 20)];
    }

    /// <summary>exit(a0) with a0 = rd's value.</summary>
    public static uint[] ExitWith(int rd) => [Addi(A0, rd, 0), Addi(A7, 0, 93), Ecall];

    public const uint TextBase = 0x10000, DataBase = 0x20000;

    /// <summary>A static ELF32 RISC-V executable: code at 0x10000 (R X), optional data at 0x20000 (R W, with bss to dataMemSize).</summary>
    public static byte[] Elf(uint[] code, byte[]? data = null, uint dataMemSize = 0, uint? entry = null)
    {
        data ??= [];
        int phnum = data.Length > 0 || dataMemSize > 0 ? 2 : 1;
        int codeOffset = 52 + 32 * phnum, dataOffset = codeOffset + code.Length * 4;
        var elf = new byte[dataOffset + data.Length];
        elf[0] = 0x7f; elf[1] = (byte)'E'; elf[2] = (byte)'L'; elf[3] = (byte)'F';
        elf[4] = 1; elf[5] = 1; elf[6] = 1;
        var s = elf.AsSpan();
        BinaryPrimitives.WriteUInt16LittleEndian(s[16..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(s[18..], 243);
        BinaryPrimitives.WriteUInt32LittleEndian(s[20..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(s[24..], entry ?? TextBase);
        BinaryPrimitives.WriteUInt32LittleEndian(s[28..], 52);
        BinaryPrimitives.WriteUInt16LittleEndian(s[40..], 52);
        BinaryPrimitives.WriteUInt16LittleEndian(s[42..], 32);
        BinaryPrimitives.WriteUInt16LittleEndian(s[44..], (ushort)phnum);
        Phdr(s[52..], (uint)codeOffset, TextBase, (uint)code.Length * 4, (uint)code.Length * 4, 5);
        if (phnum == 2) Phdr(s[84..], (uint)dataOffset, DataBase, (uint)data.Length, Math.Max(dataMemSize, (uint)data.Length), 6);
        for (int i = 0; i < code.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(s[(codeOffset + 4 * i)..], code[i]);
        data.CopyTo(s[dataOffset..]);
        return elf;
    }

    public static void Phdr(Span<byte> ph, uint offset, uint vaddr, uint filesz, uint memsz, uint flags)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(ph, 1);
        BinaryPrimitives.WriteUInt32LittleEndian(ph[4..], offset);
        BinaryPrimitives.WriteUInt32LittleEndian(ph[8..], vaddr);
        BinaryPrimitives.WriteUInt32LittleEndian(ph[12..], vaddr);
        BinaryPrimitives.WriteUInt32LittleEndian(ph[16..], filesz);
        BinaryPrimitives.WriteUInt32LittleEndian(ph[20..], memsz);
        BinaryPrimitives.WriteUInt32LittleEndian(ph[24..], flags);
        BinaryPrimitives.WriteUInt32LittleEndian(ph[28..], 0x1000);
    }

    /// <summary>Runs code (exit sequence appended by the caller) in fast mode.</summary>
    public static RiscVExecutionResult Run(uint[] code, byte[]? data = null, byte[]? input = null, RiscVExecutionOptions? options = null, uint dataMemSize = 0)
        => RiscVExecutor.Run(RiscVProgram.Load(Elf(code, data, dataMemSize)), input ?? [], options);

    public static uint[] Concat(params uint[][] parts) => parts.SelectMany(p => p).ToArray();
}
