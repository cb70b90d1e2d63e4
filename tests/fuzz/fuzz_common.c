/* Scratch files and the run budget shared by the harnesses. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, clock_gettime */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fuzz.h"

static char scratch[64];
static char names[8][96];

static void remove_scratch(void) {
    for (size_t i = sizeof names / sizeof *names; i-- > 0;) /* files before the directories holding them */
        if (names[i][0]) remove(names[i]);
    rmdir(scratch);
}

const char *fuzz_path(const char *name) {
    if (!scratch[0]) {
        snprintf(scratch, sizeof scratch, "%s/cw-fuzz-XXXXXX", access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
        if (!mkdtemp(scratch)) abort();
        atexit(remove_scratch);
    }
    size_t i = 0;
    for (; i < sizeof names / sizeof *names && names[i][0]; i++)
        if (strcmp(names[i] + strlen(scratch) + 1, name) == 0) return names[i];
    if (i == sizeof names / sizeof *names) abort();
    snprintf(names[i], sizeof names[i], "%s/%s", scratch, name);
    return names[i];
}

bool fuzz_write(const char *path, const uint8_t *data, size_t size) {
    FILE *f = fopen(path, "wb");
    if (!f) return 0;
    bool ok = !size || fwrite(data, 1, size, f) == size;
    return fclose(f) == 0 && ok;
}

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double deadline;

static bool past_deadline(void *ctx) {
    (void)ctx;
    return now_ms() > deadline;
}

void fuzz_budget(cw_store *s, cw_fuel *f) {
    deadline = now_ms() + FUZZ_MILLIS;
    *f = (cw_fuel){.left = FUZZ_FUEL, .inner = past_deadline, .inner_interval = 64};
    cw_fuel_arm(s, f);
}
