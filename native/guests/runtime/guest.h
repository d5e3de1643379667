/* Tiny runtime for the Proving RISC-V guests: syscall wrappers (Proving syscall ABI, Linux numbers
   where one exists), memory helpers, a bump allocator and stdout printing. */
#ifndef PROVING_GUEST_H
#define PROVING_GUEST_H

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef unsigned int usize;
typedef int isize;

#define SYS_READ 63
#define SYS_WRITE 64
#define SYS_EXIT 93
#define SYS_COMMIT 0x1000     /* Proving: append a0..a0+a1 to the journal (public output) */
#define SYS_CYCLES 0x1001     /* Proving: a0/a1 = cycles retired before this ECALL (low/high) */

isize sys_read(int fd, void *buf, usize len);
isize sys_write(int fd, const void *buf, usize len);
void sys_exit(int code) __attribute__((noreturn));
void sys_commit(const void *buf, usize len);
u64 sys_cycles(void);

void *memcpy(void *dst, const void *src, usize n);
void *memmove(void *dst, const void *src, usize n);
void *memset(void *dst, int c, usize n);
int memcmp(const void *a, const void *b, usize n);
usize strlen(const char *s);

/* Bump allocator over a static heap; exits with code 120 when the heap is exhausted. */
void *alloc(usize n);
/* Reads all of fd 0 into a fresh buffer; *len receives its length. */
u8 *read_all_input(usize *len);

void print(const char *s);
void print_hex(const u8 *bytes, usize n);
void print_u64(u64 v);
void print_u32_hex(u32 v);

#endif
