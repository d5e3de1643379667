/* SHA-256 guest: hashes all of its input, commits the 32-byte digest and prints it as hex. */
#include "sha256.h"

int main(void)
{
    usize len;
    u8 *data = read_all_input(&len);
    u8 digest[32];
    sha256(data, len, digest);
    sys_commit(digest, 32);
    print_hex(digest, 32);
    print("\n");
    return 0;
}
