/* Grows memory past 64 MiB (the program starts with 32 MiB), uses all of it, then writes output. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    size_t size = 80u << 20;
    unsigned char *p = malloc(size);
    if (!p) return puts("malloc failed"), 1;
    for (size_t i = 0; i < size; i++) p[i] = (unsigned char)(i ^ (i >> 12));
    unsigned long sum = 0;
    for (size_t i = 0; i < size; i += 4096) sum = sum * 31 + p[i] + p[size - 1 - i];
    printf("memory now %zu MiB, checksum %lu\n", __builtin_wasm_memory_size(0) * 65536 >> 20, sum);
    /* Output straight from the grown region. */
    memset(p + size - 200000, 'z', 200000);
    for (int i = 0; i < 200000; i += 100) p[size - 200000 + i] = '\n';
    fwrite(p + size - 200000, 1, 200000, stdout);
    free(p);
    return 0;
}
