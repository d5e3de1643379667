using System.Runtime.CompilerServices;

namespace Proving.Core.RiscV;

internal sealed unsafe partial class Machine
{
    /// <summary>Runs until the exit syscall (returns true) or until <paramref name="stopCycle"/> instructions have
    /// retired (returns false). Faults throw; <see cref="Pc"/> and <see cref="Cycles"/> are saved in every case.</summary>
    /// <remarks>Semantics follow the RISC-V Unprivileged ISA (20191213), chapters 2 (RV32I) and 7 (M). Loads and
    /// stores work at any alignment (little-endian, a misaligned access is split into bytes). Jumps and taken
    /// branches to an address that is not a multiple of 4 fault. The destination x0 is decoded as the sink slot.</remarks>
    public bool Execute<TMode>(long stopCycle) where TMode : struct, IExecutionMode
    {
        try
        {
            return Loop<TMode>(stopCycle);
        }
        catch (MemoryLimitSignal)
        {
            throw new MemoryLimitExceededException("memory", Memory.MaxBytes, Pc, Cycles);
        }
        catch (PageFaultSignal signal)
        {
            throw Fault(RiscVFaultKind.MemoryAccessFault, Pc, InstructionAt(Pc), Cycles, $"page 0x{signal.Page << PagedMemory.PageBits:x8} is not in the segment");
        }
        catch (RiscVExecutionException e)
        {
            Pc = e.Pc;
            Cycles = e.Cycles;
            throw;
        }
    }

    /// <summary>The interpreter loop. It has no exception handler (so pc and cycles stay in registers); before
    /// every slow path that can throw a signal it saves pc and cycles in the fields.</summary>
    private bool Loop<TMode>(long stopCycle) where TMode : struct, IExecutionMode
    {
        uint* x = X;
        byte** table = Memory.Table;
        uint pc = Pc;
        long cycles = Cycles;
        uint codeBase = CodeBase, codeCount = (uint)Code.Length;
        uint storeLo = codeBase - 3, storeSpan = codeCount * 4 + 3;   // stores overlapping the code re-decode it
        TraceRecorder recorder = TMode.Tracing ? Recorder! : null!;
        {
            fixed (Instruction* code = Code)
            {
                while (cycles < stopCycle)
                {
                    uint slot = (pc - codeBase) >> 2;
                    if (slot >= codeCount) throw Fault(RiscVFaultKind.InstructionAccessFault, pc, 0, cycles);
                    Instruction* ins = code + slot;
                    uint npc = pc + 4;
                    if (TMode.Tracing) recorder.BeginRow(pc, ins, x);
                    switch (ins->Op)
                    {
                        case Opcode.Addi: x[ins->Rd] = x[ins->Rs1] + (uint)ins->Imm; break;
                        case Opcode.Add: x[ins->Rd] = x[ins->Rs1] + x[ins->Rs2]; break;
                        case Opcode.Lw:
                            {
                                uint a = x[ins->Rs1] + (uint)ins->Imm, off = a & PagedMemory.PageMask, v;
                                if (TMode.Tracing) recorder.Touch(a >> PagedMemory.PageBits);
                                byte* p = table[a >> PagedMemory.PageBits];
                                if (p != null && off <= PagedMemory.PageSize - 4) v = *(uint*)(p + off);
                                else { Pc = pc; Cycles = cycles; v = Memory.Load(a, 4); }
                                if (TMode.Tracing) recorder.Access(a, v, TraceSegment.MemRead | (4 << 2));
                                x[ins->Rd] = v;
                                break;
                            }
                        case Opcode.Sw:
                            {
                                uint a = x[ins->Rs1] + (uint)ins->Imm, off = a & PagedMemory.PageMask, v = x[ins->Rs2];
                                if (TMode.Tracing) recorder.Touch(a >> PagedMemory.PageBits);
                                byte* p = table[a >> PagedMemory.PageBits];
                                if (p != null && off <= PagedMemory.PageSize - 4) *(uint*)(p + off) = v;
                                else { Pc = pc; Cycles = cycles; Memory.Store(a, v, 4); }
                                if (a - storeLo < storeSpan) Redecode(a, 4);
                                if (TMode.Tracing) recorder.Access(a, v, TraceSegment.MemWrite | (4 << 2));
                                break;
                            }
                        case Opcode.Beq: if (x[ins->Rs1] == x[ins->Rs2]) npc = Branch(pc, ins, cycles); break;
                        case Opcode.Bne: if (x[ins->Rs1] != x[ins->Rs2]) npc = Branch(pc, ins, cycles); break;
                        case Opcode.Blt: if ((int)x[ins->Rs1] < (int)x[ins->Rs2]) npc = Branch(pc, ins, cycles); break;
                        case Opcode.Bge: if ((int)x[ins->Rs1] >= (int)x[ins->Rs2]) npc = Branch(pc, ins, cycles); break;
                        case Opcode.Bltu: if (x[ins->Rs1] < x[ins->Rs2]) npc = Branch(pc, ins, cycles); break;
                        case Opcode.Bgeu: if (x[ins->Rs1] >= x[ins->Rs2]) npc = Branch(pc, ins, cycles); break;
                        case Opcode.Lui: x[ins->Rd] = (uint)ins->Imm; break;
                        case Opcode.Auipc: x[ins->Rd] = pc + (uint)ins->Imm; break;
                        case Opcode.Jal:
                            x[ins->Rd] = npc;
                            npc = Branch(pc, ins, cycles);
                            break;
                        case Opcode.Jalr:
                            {
                                uint target = (x[ins->Rs1] + (uint)ins->Imm) & ~1u;
                                if ((target & 3) != 0) throw Fault(RiscVFaultKind.InstructionAddressMisaligned, pc, ins->Word, cycles, $"target 0x{target:x8}");
                                x[ins->Rd] = npc;
                                npc = target;
                                break;
                            }
                        case Opcode.Lb:
                        case Opcode.Lbu:
                            {
                                uint a = x[ins->Rs1] + (uint)ins->Imm, v;
                                if (TMode.Tracing) recorder.Touch(a >> PagedMemory.PageBits);
                                byte* p = table[a >> PagedMemory.PageBits];
                                if (p != null) v = p[a & PagedMemory.PageMask];
                                else { Pc = pc; Cycles = cycles; v = Memory.Load(a, 1); }
                                if (TMode.Tracing) recorder.Access(a, v, TraceSegment.MemRead | (1 << 2));
                                x[ins->Rd] = ins->Op == Opcode.Lb ? (uint)(sbyte)v : v;
                                break;
                            }
                        case Opcode.Lh:
                        case Opcode.Lhu:
                            {
                                uint a = x[ins->Rs1] + (uint)ins->Imm, off = a & PagedMemory.PageMask, v;
                                if (TMode.Tracing) recorder.Touch(a >> PagedMemory.PageBits);
                                byte* p = table[a >> PagedMemory.PageBits];
                                if (p != null && off <= PagedMemory.PageSize - 2) v = *(ushort*)(p + off);
                                else { Pc = pc; Cycles = cycles; v = Memory.Load(a, 2); }
                                if (TMode.Tracing) recorder.Access(a, v, TraceSegment.MemRead | (2 << 2));
                                x[ins->Rd] = ins->Op == Opcode.Lh ? (uint)(short)v : v;
                                break;
                            }
                        case Opcode.Sb:
                            {
                                uint a = x[ins->Rs1] + (uint)ins->Imm, v = x[ins->Rs2] & 0xff;
                                if (TMode.Tracing) recorder.Touch(a >> PagedMemory.PageBits);
                                byte* p = table[a >> PagedMemory.PageBits];
                                if (p != null) p[a & PagedMemory.PageMask] = (byte)v;
                                else { Pc = pc; Cycles = cycles; Memory.Store(a, v, 1); }
                                if (a - storeLo < storeSpan) Redecode(a, 1);
                                if (TMode.Tracing) recorder.Access(a, v, TraceSegment.MemWrite | (1 << 2));
                                break;
                            }
                        case Opcode.Sh:
                            {
                                uint a = x[ins->Rs1] + (uint)ins->Imm, off = a & PagedMemory.PageMask, v = x[ins->Rs2] & 0xffff;
                                if (TMode.Tracing) recorder.Touch(a >> PagedMemory.PageBits);
                                byte* p = table[a >> PagedMemory.PageBits];
                                if (p != null && off <= PagedMemory.PageSize - 2) *(ushort*)(p + off) = (ushort)v;
                                else { Pc = pc; Cycles = cycles; Memory.Store(a, v, 2); }
                                if (a - storeLo < storeSpan) Redecode(a, 2);
                                if (TMode.Tracing) recorder.Access(a, v, TraceSegment.MemWrite | (2 << 2));
                                break;
                            }
                        case Opcode.Slti: x[ins->Rd] = (int)x[ins->Rs1] < ins->Imm ? 1u : 0u; break;
                        case Opcode.Sltiu: x[ins->Rd] = x[ins->Rs1] < (uint)ins->Imm ? 1u : 0u; break;
                        case Opcode.Xori: x[ins->Rd] = x[ins->Rs1] ^ (uint)ins->Imm; break;
                        case Opcode.Ori: x[ins->Rd] = x[ins->Rs1] | (uint)ins->Imm; break;
                        case Opcode.Andi: x[ins->Rd] = x[ins->Rs1] & (uint)ins->Imm; break;
                        case Opcode.Slli: x[ins->Rd] = x[ins->Rs1] << ins->Imm; break;
                        case Opcode.Srli: x[ins->Rd] = x[ins->Rs1] >> ins->Imm; break;
                        case Opcode.Srai: x[ins->Rd] = (uint)((int)x[ins->Rs1] >> ins->Imm); break;
                        case Opcode.Sub: x[ins->Rd] = x[ins->Rs1] - x[ins->Rs2]; break;
                        case Opcode.Sll: x[ins->Rd] = x[ins->Rs1] << (int)(x[ins->Rs2] & 31); break;
                        case Opcode.Slt: x[ins->Rd] = (int)x[ins->Rs1] < (int)x[ins->Rs2] ? 1u : 0u; break;
                        case Opcode.Sltu: x[ins->Rd] = x[ins->Rs1] < x[ins->Rs2] ? 1u : 0u; break;
                        case Opcode.Xor: x[ins->Rd] = x[ins->Rs1] ^ x[ins->Rs2]; break;
                        case Opcode.Srl: x[ins->Rd] = x[ins->Rs1] >> (int)(x[ins->Rs2] & 31); break;
                        case Opcode.Sra: x[ins->Rd] = (uint)((int)x[ins->Rs1] >> (int)(x[ins->Rs2] & 31)); break;
                        case Opcode.Or: x[ins->Rd] = x[ins->Rs1] | x[ins->Rs2]; break;
                        case Opcode.And: x[ins->Rd] = x[ins->Rs1] & x[ins->Rs2]; break;
                        case Opcode.Mul: x[ins->Rd] = x[ins->Rs1] * x[ins->Rs2]; break;
                        case Opcode.Mulh: x[ins->Rd] = (uint)((ulong)((long)(int)x[ins->Rs1] * (int)x[ins->Rs2]) >> 32); break;
                        case Opcode.Mulhsu: x[ins->Rd] = (uint)((ulong)((long)(int)x[ins->Rs1] * (long)x[ins->Rs2]) >> 32); break;
                        case Opcode.Mulhu: x[ins->Rd] = (uint)(((ulong)x[ins->Rs1] * x[ins->Rs2]) >> 32); break;
                        case Opcode.Div: x[ins->Rd] = Div((int)x[ins->Rs1], (int)x[ins->Rs2]); break;
                        case Opcode.Divu: { uint b = x[ins->Rs2]; x[ins->Rd] = b == 0 ? uint.MaxValue : x[ins->Rs1] / b; break; }
                        case Opcode.Rem: x[ins->Rd] = Rem((int)x[ins->Rs1], (int)x[ins->Rs2]); break;
                        case Opcode.Remu: { uint b = x[ins->Rs2]; x[ins->Rd] = b == 0 ? x[ins->Rs1] : x[ins->Rs1] % b; break; }
                        case Opcode.Fence: break;
                        case Opcode.Ecall:
                            Pc = pc;
                            Cycles = cycles;
                            if (Syscall(cycles))
                            {
                                if (TMode.Tracing) recorder.EndRow(ins, x);
                                Cycles = cycles + 1;
                                return true;
                            }
                            break;
                        case Opcode.Ebreak: throw Fault(RiscVFaultKind.Breakpoint, pc, ins->Word, cycles);
                        case Opcode.Absent: throw Fault(RiscVFaultKind.InstructionAccessFault, pc, 0, cycles);
                        default: throw Fault(RiscVFaultKind.IllegalInstruction, pc, ins->Word, cycles);
                    }
                    if (TMode.Tracing) recorder.EndRow(ins, x);
                    pc = npc;
                    cycles++;
                }
            }
            Pc = pc;
            Cycles = cycles;
            return false;
        }
    }

    private uint InstructionAt(uint pc)
    {
        uint slot = (pc - CodeBase) >> 2;
        return slot < (uint)Code.Length ? Code[slot].Word : 0;
    }

    /// <summary>Target of a taken branch or JAL; a target that is not 4-byte aligned faults.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Branch(uint pc, Instruction* ins, long cycles)
    {
        uint target = pc + (uint)ins->Imm;
        if ((target & 3) != 0) throw Fault(RiscVFaultKind.InstructionAddressMisaligned, pc, ins->Word, cycles, $"target 0x{target:x8}");
        return target;
    }

    /// <summary>DIV: quotient rounded toward zero; x/0 = -1 (all ones); MIN/-1 = MIN (ISA manual, table 7.1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Div(int a, int b) => b == 0 ? uint.MaxValue : b == -1 ? (uint)-(uint)a : (uint)(a / b);

    /// <summary>REM: sign of the dividend; x%0 = x; MIN%-1 = 0 (ISA manual, table 7.1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Rem(int a, int b) => b == 0 ? (uint)a : b == -1 ? 0u : (uint)(a % b);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static RiscVFaultException Fault(RiscVFaultKind kind, uint pc, uint word, long cycles, string? detail = null)
        => new(kind, pc, word, cycles, detail);
}
