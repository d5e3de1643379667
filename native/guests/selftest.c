/* Self-checking guest: runs RV32IM instructions on edge values (through inline assembly, so the
   compiler cannot fold them) and compares with the values the ISA manual defines. Prints each failure,
   then "selftest: N failures"; the exit code is N. */
#include "guest.h"

static int failures;

static void check(const char *what, u32 got, u32 want)
{
    if (got != want) {
        failures++;
        print("FAIL ");
        print(what);
        print(": got ");
        print_u32_hex(got);
        print(" want ");
        print_u32_hex(want);
        print("\n");
    }
}

#define RR(op, a, b) ({ u32 r_; asm volatile(op " %0, %1, %2" : "=r"(r_) : "r"(a), "r"(b)); r_; })
#define RI(op, a, imm) ({ u32 r_; asm volatile(op " %0, %1, %2" : "=r"(r_) : "r"(a), "i"(imm)); r_; })

int main(void)
{
    const u32 MIN = 0x80000000u, M1 = 0xffffffffu;
    /* M extension: division by zero and overflow (ISA manual, table 7.1) */
    check("div x/0", RR("div", 7u, 0u), M1);
    check("divu x/0", RR("divu", 7u, 0u), M1);
    check("rem x/0", RR("rem", 7u, 0u), 7u);
    check("remu x/0", RR("remu", 7u, 0u), 7u);
    check("div min/-1", RR("div", MIN, M1), MIN);
    check("rem min/-1", RR("rem", MIN, M1), 0u);
    check("div -7/2", RR("div", (u32)-7, 2u), (u32)-3);
    check("rem -7/2", RR("rem", (u32)-7, 2u), (u32)-1);
    check("divu big", RR("divu", M1, 2u), 0x7fffffffu);
    check("mulh -1*-1", RR("mulh", M1, M1), 0u);
    check("mulhu -1*-1", RR("mulhu", M1, M1), 0xfffffffeu);
    check("mulhsu -1*-1", RR("mulhsu", M1, M1), M1);
    check("mulh min*min", RR("mulh", MIN, MIN), 0x40000000u);
    check("mul", RR("mul", 0x12345678u, 0x9abcdef0u), 0x242d2080u);
    /* shifts use the low five bits of rs2 */
    check("sll 33", RR("sll", 1u, 33u), 2u);
    check("srl 32", RR("srl", MIN, 32u), MIN);
    check("sra 31", RR("sra", MIN, 31u), M1);
    check("srai", RI("srai", 0x80000010u, 4), 0xf8000001u);
    check("srli", RI("srli", 0x80000010u, 4), 0x08000001u);
    /* comparisons */
    check("slt", RR("slt", MIN, 1u), 1u);
    check("sltu", RR("sltu", MIN, 1u), 0u);
    check("sltiu -1", RI("sltiu", 5u, -1), 1u);
    check("slti", RI("slti", M1, 0), 1u);
    /* loads sign- and zero-extend; stores keep the low bytes */
    static volatile u32 word;
    word = 0x8081f0ffu;
    volatile u8 *bp = (volatile u8 *)&word;
    check("lb", (u32)(int)(signed char)bp[0], 0xffffffffu);
    check("lbu", (u32)bp[1], 0xf0u);
    check("lh", (u32)(int)(short)((volatile u16 *)&word)[1], 0xffff8081u);
    check("lhu", (u32)((volatile u16 *)&word)[1], 0x8081u);
    bp[2] = 0x12;
    check("sb", word, 0x8012f0ffu);
    ((volatile u16 *)&word)[0] = 0xabcd;
    check("sh", word, 0x8012abcdu);
    /* x0 stays zero */
    u32 z;
    asm volatile("addi x0, x0, 5\n\tmv %0, x0" : "=r"(z));
    check("x0", z, 0u);
    /* cycle counter syscall moves forward */
    u64 c0 = sys_cycles();
    u64 c1 = sys_cycles();
    if (c0 != (u32)-38)   /* qemu-riscv32 answers -ENOSYS: the syscall is Proving's own */
        check("cycles", c1 > c0, 1u);
    print("selftest: ");
    print_u64((u64)failures);
    print(" failures\n");
    return failures;
}
