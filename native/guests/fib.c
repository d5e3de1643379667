/* Fibonacci guest: input = n as 4 bytes little-endian (default 1000 when the input is shorter);
   computes F(n) mod 2^64 iteratively, commits it as 8 bytes little-endian and prints "fib(n) = F". */
#include "guest.h"

int main(void)
{
    u8 in[4] = { 0 };
    usize got = 0;
    while (got < 4) {
        isize r = sys_read(0, in + got, 4 - got);
        if (r <= 0) break;
        got += (usize)r;
    }
    u32 n = got == 4 ? (u32)in[0] | ((u32)in[1] << 8) | ((u32)in[2] << 16) | ((u32)in[3] << 24) : 1000;
    u64 a = 0, b = 1;
    for (u32 i = 0; i < n; i++) {
        u64 t = a + b;
        a = b;
        b = t;
    }
    u8 out[8];
    for (int i = 0; i < 8; i++) out[i] = (u8)(a >> (8 * i));
    sys_commit(out, 8);
    print("fib(");
    print_u64(n);
    print(") = ");
    print_u64(a);
    print("\n");
    return 0;
}
