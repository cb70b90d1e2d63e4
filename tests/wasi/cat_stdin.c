/* Copies stdin to stdout until end of file, then reports the size on stderr.
 * wasi-test: stdin: cat_stdin.c */
#include <stdio.h>

int main(void) {
    char buf[333]; /* odd size: many short reads */
    size_t n, total = 0, lines = 0;
    while ((n = fread(buf, 1, sizeof buf, stdin)) > 0) {
        for (size_t i = 0; i < n; i++) lines += buf[i] == '\n';
        fwrite(buf, 1, n, stdout);
        total += n;
    }
    fprintf(stderr, "%zu bytes, %zu lines, eof=%d error=%d\n", total, lines, feof(stdin), ferror(stdin));
    return 0;
}
