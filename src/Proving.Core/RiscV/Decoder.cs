namespace Proving.Core.RiscV;

/// <summary>Decodes 32-bit RV32IM instruction words (RISC-V Unprivileged ISA, version 20191213, chapters 2 and 7).
/// Reserved encodings (unknown funct3/funct7, shift immediates with bit 5 set, CSR and compressed
/// instructions) decode to <see cref="Opcode.Illegal"/>.</summary>
internal static class Decoder
{
    /// <summary>The register slot that receives writes to x0 (and the destination of instructions without one).</summary>
    public const int Sink = 32;

    /// <summary>Decodes one instruction word.</summary>
    public static Instruction Decode(uint w)
    {
        int rd = (int)(w >> 7) & 31, rs1 = (int)(w >> 15) & 31, rs2 = (int)(w >> 20) & 31;
        uint f3 = (w >> 12) & 7, f7 = w >> 25;
        int immI = (int)w >> 20;
        int immS = ((int)w >> 25 << 5) | (int)((w >> 7) & 31);
        int immB = ((int)w >> 31 << 12) | (int)((w << 4) & 0x800) | (int)((w >> 20) & 0x7e0) | (int)((w >> 7) & 0x1e);
        int immU = (int)(w & 0xfffff000);
        int immJ = ((int)w >> 31 << 20) | (int)(w & 0xff000) | (int)((w >> 9) & 0x800) | (int)((w >> 20) & 0x7fe);
        int dst = rd == 0 ? Sink : rd;
        var illegal = new Instruction(Opcode.Illegal, Sink, 0, 0, 0, w);
        if ((w & 3) != 3) return illegal;   // compressed (RVC) encodings are not supported
        switch ((w >> 2) & 31)
        {
            case 0x0D: return new Instruction(Opcode.Lui, dst, 0, 0, immU, w);
            case 0x05: return new Instruction(Opcode.Auipc, dst, 0, 0, immU, w);
            case 0x1B: return new Instruction(Opcode.Jal, dst, 0, 0, immJ, w);
            case 0x19: return f3 == 0 ? new Instruction(Opcode.Jalr, dst, rs1, 0, immI, w) : illegal;
            case 0x18:
                {
                    Opcode op = f3 switch
                    {
                        0 => Opcode.Beq, 1 => Opcode.Bne, 4 => Opcode.Blt, 5 => Opcode.Bge, 6 => Opcode.Bltu, 7 => Opcode.Bgeu,
                        _ => Opcode.Illegal,
                    };
                    return op == Opcode.Illegal ? illegal : new Instruction(op, Sink, rs1, rs2, immB, w);
                }
            case 0x00:
                {
                    Opcode op = f3 switch
                    {
                        0 => Opcode.Lb, 1 => Opcode.Lh, 2 => Opcode.Lw, 4 => Opcode.Lbu, 5 => Opcode.Lhu,
                        _ => Opcode.Illegal,
                    };
                    return op == Opcode.Illegal ? illegal : new Instruction(op, dst, rs1, 0, immI, w);
                }
            case 0x08:
                {
                    Opcode op = f3 switch { 0 => Opcode.Sb, 1 => Opcode.Sh, 2 => Opcode.Sw, _ => Opcode.Illegal };
                    return op == Opcode.Illegal ? illegal : new Instruction(op, Sink, rs1, rs2, immS, w);
                }
            case 0x04:
                switch (f3)
                {
                    case 0: return new Instruction(Opcode.Addi, dst, rs1, 0, immI, w);
                    case 2: return new Instruction(Opcode.Slti, dst, rs1, 0, immI, w);
                    case 3: return new Instruction(Opcode.Sltiu, dst, rs1, 0, immI, w);
                    case 4: return new Instruction(Opcode.Xori, dst, rs1, 0, immI, w);
                    case 6: return new Instruction(Opcode.Ori, dst, rs1, 0, immI, w);
                    case 7: return new Instruction(Opcode.Andi, dst, rs1, 0, immI, w);
                    case 1: return f7 == 0 ? new Instruction(Opcode.Slli, dst, rs1, 0, rs2, w) : illegal;
                    default:
                        return f7 == 0 ? new Instruction(Opcode.Srli, dst, rs1, 0, rs2, w)
                            : f7 == 0x20 ? new Instruction(Opcode.Srai, dst, rs1, 0, rs2, w) : illegal;
                }
            case 0x0C:
                {
                    Opcode op = (f7, f3) switch
                    {
                        (0, 0) => Opcode.Add, (0x20, 0) => Opcode.Sub, (0, 1) => Opcode.Sll, (0, 2) => Opcode.Slt,
                        (0, 3) => Opcode.Sltu, (0, 4) => Opcode.Xor, (0, 5) => Opcode.Srl, (0x20, 5) => Opcode.Sra,
                        (0, 6) => Opcode.Or, (0, 7) => Opcode.And,
                        (1, 0) => Opcode.Mul, (1, 1) => Opcode.Mulh, (1, 2) => Opcode.Mulhsu, (1, 3) => Opcode.Mulhu,
                        (1, 4) => Opcode.Div, (1, 5) => Opcode.Divu, (1, 6) => Opcode.Rem, (1, 7) => Opcode.Remu,
                        _ => Opcode.Illegal,
                    };
                    return op == Opcode.Illegal ? illegal : new Instruction(op, dst, rs1, rs2, 0, w);
                }
            case 0x03:
                // FENCE (funct3 0) and FENCE.I (funct3 1, Zifencei) are no-ops: one hart, and stores into code re-decode it.
                return f3 <= 1 ? new Instruction(Opcode.Fence, Sink, 0, 0, 0, w) : illegal;
            case 0x1C:
                // ECALL reads a7 (number) and a0, and writes a0: the columns the trace records for it.
                if (w == 0x00000073) return new Instruction(Opcode.Ecall, 10, 17, 10, 0, w);
                if (w == 0x00100073) return new Instruction(Opcode.Ebreak, Sink, 0, 0, 0, w);
                return illegal;
            default:
                return illegal;
        }
    }
}
