/* More than a megabyte on stdout through printf and puts, and a little on stderr, none of it lost,
 * even to a pipe that is full for a while.
 * wasi-test: pipe: yes */
#include <stdio.h>

int main(void) {
    unsigned long sum = 0;
    for (int i = 0; i < 30000; i++) {
        printf("line %05d: the quick brown fox jumps over the lazy dog %d\n", i, i * 7);
        sum += (unsigned long)i * 7;
    }
    char block[1000];
    for (int i = 0; i < 999; i++) block[i] = (char)('a' + i % 26);
    block[999] = '\0';
    for (int i = 0; i < 300; i++) puts(block);
    fprintf(stderr, "done, sum %lu\n", sum);
    return 0;
}
