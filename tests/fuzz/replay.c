/* Replays fuzz inputs without libFuzzer: feeds each file named on the command line, or each file in a
 * directory named there, to the harness linked in. ctest runs it over tests/fuzz/regressions, so an
 * input that once crashed keeps being tried in every build (and under ASan and UBSan in build/asan). */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

static int replay(const char *path) {
    FILE *f = fopen(path, "rb");
    uint8_t *data = NULL;
    long size = -1;
    if (f && fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (data = malloc((size_t)size + 1)) && fread(data, 1, (size_t)size, f) == (size_t)size) {
        LLVMFuzzerTestOneInput(data, (size_t)size);
    } else {
        size = -1;
    }
    if (f) fclose(f);
    free(data);
    if (size < 0) fprintf(stderr, "replay: cannot read %s\n", path);
    return size < 0;
}

int main(int argc, char **argv) {
    if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
    int failed = 0, count = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        DIR *d = stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode) ? opendir(argv[i]) : NULL;
        if (!d) {
            failed += replay(argv[i]), count++;
            continue;
        }
        for (struct dirent *e; (e = readdir(d));) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name);
            if (e->d_name[0] == '.' || stat(path, &st) != 0 || !S_ISREG(st.st_mode)) continue;
            failed += replay(path), count++;
        }
        closedir(d);
    }
    printf("replay: %d inputs, %d unreadable\n", count, failed);
    return failed != 0;
}
