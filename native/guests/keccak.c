/* Keccak-256 guest (the original Keccak padding 0x01 used by Ethereum, rate 136 bytes):
   hashes all of its input, commits the 32-byte digest and prints it as hex. */
#include "guest.h"

/* Round constants of Keccak-f[1600] (The Keccak reference, section 1.2). */
static const u64 RC[24] = {
    0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808aULL, 0x8000000080008000ULL,
    0x000000000000808bULL, 0x0000000080000001ULL, 0x8000000080008081ULL, 0x8000000000008009ULL,
    0x000000000000008aULL, 0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000aULL,
    0x000000008000808bULL, 0x800000000000008bULL, 0x8000000000008089ULL, 0x8000000000008003ULL,
    0x8000000000008002ULL, 0x8000000000000080ULL, 0x000000000000800aULL, 0x800000008000000aULL,
    0x8000000080008081ULL, 0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL,
};

/* Rotation offsets r[x + 5y]. */
static const int ROT[25] = {
    0, 1, 62, 28, 27,
    36, 44, 6, 55, 20,
    3, 10, 43, 25, 39,
    41, 45, 15, 21, 8,
    18, 2, 61, 56, 14,
};

static inline u64 rotl(u64 x, int n) { return n == 0 ? x : (x << n) | (x >> (64 - n)); }

static void keccak_f(u64 s[25])
{
    for (int round = 0; round < 24; round++) {
        u64 c[5], b[25];
        for (int x = 0; x < 5; x++) c[x] = s[x] ^ s[x + 5] ^ s[x + 10] ^ s[x + 15] ^ s[x + 20];
        for (int x = 0; x < 5; x++) {
            u64 d = c[(x + 4) % 5] ^ rotl(c[(x + 1) % 5], 1);
            for (int y = 0; y < 25; y += 5) s[x + y] ^= d;
        }
        /* rho and pi: B[y, 2x + 3y] = rot(A[x, y], r[x, y]) */
        for (int x = 0; x < 5; x++)
            for (int y = 0; y < 5; y++)
                b[y + 5 * ((2 * x + 3 * y) % 5)] = rotl(s[x + 5 * y], ROT[x + 5 * y]);
        for (int y = 0; y < 25; y += 5)
            for (int x = 0; x < 5; x++)
                s[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
        s[0] ^= RC[round];
    }
}

static void absorb_block(u64 s[25], const u8 *p)
{
    for (int i = 0; i < 17; i++) {
        u64 lane = 0;
        for (int k = 7; k >= 0; k--) lane = (lane << 8) | p[8 * i + k];
        s[i] ^= lane;
    }
    keccak_f(s);
}

int main(void)
{
    usize len;
    u8 *data = read_all_input(&len);
    u64 s[25];
    memset(s, 0, sizeof s);
    usize off = 0;
    for (; len - off >= 136; off += 136) absorb_block(s, data + off);
    u8 last[136];
    memset(last, 0, sizeof last);
    memcpy(last, data + off, len - off);
    last[len - off] ^= 0x01;
    last[135] ^= 0x80;
    absorb_block(s, last);
    u8 digest[32];
    for (int i = 0; i < 32; i++) digest[i] = (u8)(s[i / 8] >> (8 * (i % 8)));
    sys_commit(digest, 32);
    print_hex(digest, 32);
    print("\n");
    return 0;
}
