/* random_get (getentropy in wasi-libc), checked by properties: draws differ, are not all zero, and
 * their byte values are spread evenly. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void) {
    unsigned char a[64], b[64], zero[64] = {0};
    printf("getentropy: %d %d\n", getentropy(a, sizeof a), getentropy(b, sizeof b));
    printf("draws differ: %s, nonzero: %s\n", memcmp(a, b, sizeof a) ? "yes" : "NO", memcmp(a, zero, sizeof a) ? "yes" : "NO");
    static unsigned char big[100000];
    int ok = 1;
    for (size_t i = 0; i < sizeof big; i += 250) ok &= getentropy(big + i, 250) == 0;
    printf("100000 bytes drawn: %s\n", ok ? "yes" : "NO");
    int counts[256] = {0};
    for (size_t i = 0; i < sizeof big; i++) counts[big[i]]++;
    int spread = 1;
    for (int i = 0; i < 256; i++) spread &= counts[i] > 200 && counts[i] < 600;
    printf("byte values evenly spread: %s\n", spread ? "yes" : "NO");
    return 0;
}
