#include "guest.h"

static inline long ecall3(long n, long a0, long a1, long a2)
{
    register long r_a0 asm("a0") = a0;
    register long r_a1 asm("a1") = a1;
    register long r_a2 asm("a2") = a2;
    register long r_a7 asm("a7") = n;
    asm volatile("ecall" : "+r"(r_a0), "+r"(r_a1) : "r"(r_a2), "r"(r_a7) : "memory");
    return r_a0;
}

isize sys_read(int fd, void *buf, usize len) { return ecall3(SYS_READ, fd, (long)buf, (long)len); }
isize sys_write(int fd, const void *buf, usize len) { return ecall3(SYS_WRITE, fd, (long)buf, (long)len); }
void sys_commit(const void *buf, usize len) { ecall3(SYS_COMMIT, (long)buf, (long)len, 0); }

void sys_exit(int code)
{
    ecall3(SYS_EXIT, code, 0, 0);
    for (;;) { }
}

u64 sys_cycles(void)
{
    register long r_a0 asm("a0") = 0;
    register long r_a1 asm("a1") = 0;
    register long r_a7 asm("a7") = SYS_CYCLES;
    asm volatile("ecall" : "+r"(r_a0), "+r"(r_a1) : "r"(r_a7) : "memory");
    return ((u64)(u32)r_a1 << 32) | (u32)r_a0;
}

void *memcpy(void *dst, const void *src, usize n)
{
    u8 *d = dst;
    const u8 *s = src;
    if ((((usize)d | (usize)s) & 3) == 0) {
        for (; n >= 4; n -= 4, d += 4, s += 4) *(u32 *)d = *(const u32 *)s;
    }
    while (n--) *d++ = *s++;
    return dst;
}

void *memmove(void *dst, const void *src, usize n)
{
    u8 *d = dst;
    const u8 *s = src;
    if (d < s) return memcpy(dst, src, n);
    while (n--) d[n] = s[n];
    return dst;
}

void *memset(void *dst, int c, usize n)
{
    u8 *d = dst;
    while (n--) *d++ = (u8)c;
    return dst;
}

int memcmp(const void *a, const void *b, usize n)
{
    const u8 *x = a, *y = b;
    for (usize i = 0; i < n; i++)
        if (x[i] != y[i]) return x[i] < y[i] ? -1 : 1;
    return 0;
}

usize strlen(const char *s)
{
    usize n = 0;
    while (s[n]) n++;
    return n;
}

#define HEAP_SIZE (48u << 20)
static u8 heap[HEAP_SIZE] __attribute__((aligned(16)));
static usize heap_used;

void *alloc(usize n)
{
    n = (n + 15) & ~15u;
    if (n > HEAP_SIZE - heap_used) {
        print("out of memory\n");
        sys_exit(120);
    }
    void *p = heap + heap_used;
    heap_used += n;
    return p;
}

u8 *read_all_input(usize *len)
{
    /* Read into the free heap, then claim what was used. */
    u8 *base = heap + heap_used;
    usize cap = HEAP_SIZE - heap_used, n = 0;
    for (;;) {
        isize r = sys_read(0, base + n, cap - n);
        if (r <= 0) break;
        n += (usize)r;
        if (n == cap) break;
    }
    alloc(n);
    *len = n;
    return base;
}

void print(const char *s) { sys_write(1, s, strlen(s)); }

void print_hex(const u8 *bytes, usize n)
{
    static const char digits[] = "0123456789abcdef";
    char buf[64];
    usize k = 0;
    for (usize i = 0; i < n; i++) {
        buf[k++] = digits[bytes[i] >> 4];
        buf[k++] = digits[bytes[i] & 15];
        if (k == sizeof buf) { sys_write(1, buf, k); k = 0; }
    }
    if (k) sys_write(1, buf, k);
}

void print_u64(u64 v)
{
    char buf[24];
    int k = sizeof buf;
    do { buf[--k] = (char)('0' + v % 10); v /= 10; } while (v);
    sys_write(1, buf + k, sizeof buf - k);
}

void print_u32_hex(u32 v)
{
    u8 b[4] = { (u8)(v >> 24), (u8)(v >> 16), (u8)(v >> 8), (u8)v };
    print_hex(b, 4);
}
