/* A long-running WASI job for migration tests: recursion, function pointers, memory that keeps
 * growing, a log file written as it goes and progress on stdout. Its output, its file and its exit
 * code must be the same whether or not it was checkpointed and moved between hosts on the way.
 *   job ITERATIONS */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef unsigned long long u64;

static u64 mix(u64 x) { return (x ^ (x >> 29)) * 0xbf58476d1ce4e5b9ull; }
static u64 twist(u64 x) { return (x << 7 | x >> 57) + 0x9e3779b97f4a7c15ull; }
static u64 (*const steps[])(u64) = {mix, twist};

static u64 descend(u64 x, int depth) { return depth ? descend(steps[x & 1](x), depth - 1) + 1 : x; }

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 1000;
    FILE *log = fopen("job.log", "w");
    if (!log) return perror("job.log"), 1;
    u64 h = 1;
    unsigned char *blocks[64] = {0};
    for (long i = 0; i < n; i++) {
        h = descend(h + (u64)i, 20 + (int)(i % 50));
        if (i % (n / 32 + 1) == 0) {
            /* 256 KiB more memory each time, kept and written to */
            int b = (int)(i / (n / 32 + 1)) % 64;
            if (!blocks[b] && !(blocks[b] = malloc(256 << 10))) return 1;
            memset(blocks[b], (int)(h & 0xff), 256 << 10);
            fprintf(log, "step %ld hash %016llx\n", i, h);
            fflush(log);
            printf("progress %ld/%ld\n", i, n);
            fflush(stdout);
        }
    }
    u64 sum = h;
    for (int b = 0; b < 64; b++)
        if (blocks[b]) sum = mix(sum + blocks[b][12345]);
    fprintf(log, "done %016llx\n", sum);
    fclose(log);
    printf("result %016llx\n", sum);
    return 3;
}
