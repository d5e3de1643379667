/* Heavy guest (tens of millions of cycles at the default size): input = seed (4 bytes LE) and
   count (4 bytes LE; default seed 1, count 100000). Generates count words with xorshift32
   (x ^= x << 13; x ^= x >> 17; x ^= x << 5; a zero seed is replaced by 1), sorts them ascending with a
   bottom-up merge sort, then commits and prints SHA-256 of the sorted words as little-endian bytes. */
#include "sha256.h"

static u32 read_u32(const u8 *p) { return (u32)p[0] | ((u32)p[1] << 8) | ((u32)p[2] << 16) | ((u32)p[3] << 24); }

/* Bottom-up merge sort: each pass merges runs of `width` from a into tmp, then copies tmp back. */
static void merge_sort(u32 *a, u32 *tmp, usize n)
{
    for (usize width = 1; width < n; width *= 2) {
        for (usize lo = 0; lo < n; lo += 2 * width) {
            usize mid = lo + width < n ? lo + width : n;
            usize hi = lo + 2 * width < n ? lo + 2 * width : n;
            usize i = lo, j = mid, k = lo;
            while (i < mid && j < hi) tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
            while (i < mid) tmp[k++] = a[i++];
            while (j < hi) tmp[k++] = a[j++];
        }
        memcpy(a, tmp, n * sizeof(u32));
    }
}

int main(void)
{
    usize len;
    u8 *in = read_all_input(&len);
    u32 seed = len >= 4 ? read_u32(in) : 1;
    u32 count = len >= 8 ? read_u32(in + 4) : 100000;
    if (count > (4u << 20)) {
        print("count too large\n");
        return 2;
    }
    u32 *a = alloc(count * sizeof(u32) + 4);
    u32 *tmp = alloc(count * sizeof(u32) + 4);
    u32 x = seed ? seed : 1;
    for (u32 i = 0; i < count; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        a[i] = x;
    }
    merge_sort(a, tmp, count);
    for (u32 i = 1; i < count; i++)
        if (a[i - 1] > a[i]) {
            print("not sorted\n");
            return 3;
        }
    /* little-endian words are already the byte order in memory */
    u8 digest[32];
    sha256((const u8 *)a, count * sizeof(u32), digest);
    sys_commit(digest, 32);
    print_hex(digest, 32);
    print("\n");
    return 0;
}
