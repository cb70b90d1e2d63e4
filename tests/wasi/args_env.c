/* Arguments and environment as the guest sees them.
 * wasi-test: args: one "two words" 'single '\''quoted'\' back\ slash "dq \"esc\" \$x" '' last
 * wasi-test: env: GREETING=hello world
 * wasi-test: env: EMPTY=
 * wasi-test: env: EQ=a=b */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

static int compare(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv) {
    printf("argc=%d\n", argc);
    for (int i = 0; i < argc; i++) printf("argv[%d]=[%s]\n", i, argv[i]);
    /* Sorted, and without PWD, which Node.js's launcher always adds (tools/chiwawa-node.mjs). */
    size_t n = 0;
    while (environ[n]) n++;
    char **env = malloc((n + 1) * sizeof *env);
    memcpy(env, environ, (n + 1) * sizeof *env);
    qsort(env, n, sizeof *env, compare);
    for (size_t i = 0; i < n; i++)
        if (strncmp(env[i], "PWD=", 4) != 0) printf("env: [%s]\n", env[i]);
    printf("GREETING=%s\n", getenv("GREETING") ? getenv("GREETING") : "(unset)");
    printf("MISSING=%s\n", getenv("MISSING") ? getenv("MISSING") : "(unset)");
    free(env);
    return 0;
}
