/* --dir HOST::GUEST: the guest sees its preopens by their guest names, in order, and reaches files
 * through them by absolute paths. (Node.js's launcher has its own preopens, so it is left out.)
 * wasi-test: modes: bcd
 * wasi-test: setup: mkdir -p host/data && echo hello from data >host/data/greeting.txt && echo top >top.txt
 * wasi-test: options: --dir host/data::/data --dir .
 * wasi-test: args: /data/greeting.txt top.txt /data/../top.txt */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wasi/api.h>

int main(int argc, char **argv) {
    for (__wasi_fd_t fd = 3;; fd++) {
        __wasi_prestat_t pre;
        if (__wasi_fd_prestat_get(fd, &pre) != 0) break;
        char *name = calloc(1, pre.u.dir.pr_name_len + 1);
        if (__wasi_fd_prestat_dir_name(fd, (uint8_t *)name, pre.u.dir.pr_name_len) != 0) break;
        printf("fd %u: %s\n", fd, name);
        free(name);
    }
    for (int i = 1; i < argc; i++) {
        char line[100] = "";
        FILE *f = fopen(argv[i], "r");
        if (f) fgets(line, sizeof line, f), fclose(f);
        printf("%s: %s", argv[i], f ? line : strerror(errno));
        if (!f) printf("\n");
    }
    FILE *f = fopen("/data/new.txt", "w");
    fputs("written through /data\n", f);
    fclose(f);
    return 0;
}
