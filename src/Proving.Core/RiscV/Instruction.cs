using System.Runtime.InteropServices;

namespace Proving.Core.RiscV;

/// <summary>Operation of a decoded RV32IM instruction (one value per mnemonic).</summary>
internal enum Opcode : byte
{
    /// <summary>Not a defined RV32IM encoding; executing it is an illegal-instruction fault.</summary>
    Illegal = 0,
    /// <summary>No instruction here (a gap between executable segments); executing it is an access fault.</summary>
    Absent,
    Lui, Auipc, Jal, Jalr,
    Beq, Bne, Blt, Bge, Bltu, Bgeu,
    Lb, Lh, Lw, Lbu, Lhu,
    Sb, Sh, Sw,
    Addi, Slti, Sltiu, Xori, Ori, Andi, Slli, Srli, Srai,
    Add, Sub, Sll, Slt, Sltu, Xor, Srl, Sra, Or, And,
    Fence, Ecall, Ebreak,
    Mul, Mulh, Mulhsu, Mulhu, Div, Divu, Rem, Remu,
}

/// <summary>A pre-decoded instruction: 12 bytes. Register fields are 0..31; a destination of x0 is stored as
/// <see cref="Decoder.Sink"/> (32) so that writes land in a scratch slot and x0 stays zero without a check.
/// Fields an instruction does not use are 0 (sources) or <see cref="Decoder.Sink"/> (destination).</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly struct Instruction
{
    /// <summary>The operation.</summary>
    public readonly Opcode Op;
    /// <summary>Destination register, or 32 (none / x0).</summary>
    public readonly byte Rd;
    /// <summary>First source register (0 when unused).</summary>
    public readonly byte Rs1;
    /// <summary>Second source register (0 when unused).</summary>
    public readonly byte Rs2;
    /// <summary>Sign-extended immediate (shift amount for shifts by immediate; already shifted for LUI/AUIPC).</summary>
    public readonly int Imm;
    /// <summary>The raw 32-bit instruction word.</summary>
    public readonly uint Word;

    /// <summary>Creates a decoded instruction.</summary>
    public Instruction(Opcode op, int rd, int rs1, int rs2, int imm, uint word)
    {
        Op = op;
        Rd = (byte)rd;
        Rs1 = (byte)rs1;
        Rs2 = (byte)rs2;
        Imm = imm;
        Word = word;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Op} rd={Rd} rs1={Rs1} rs2={Rs2} imm={Imm} (0x{Word:x8})";
}
