/* Checkpoint on request: a trigger file polled at safe points, and the save/resume loop. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <stdio.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "chiwawa/checkpoint.h"

/* Looking at a file costs a system call (a host call under a Wasm runtime): about once per
 * million safe points keeps the cost unmeasurable while answering within milliseconds. */
#define DEFAULT_INTERVAL (1u << 20)

static const char *trigger_path(const cw_cr *cr) { return cr->trigger ? cr->trigger : "checkpoint.trigger"; }
static const char *out_path(const cw_cr *cr) { return cr->out ? cr->out : "checkpoint.bin"; }

static bool trigger_present(void *ctx) { return access(trigger_path(ctx), F_OK) == 0; }

void cw_cr_arm(cw_store *s, const cw_cr *cr) {
    uint32_t interval = cr->interval ? cr->interval : DEFAULT_INTERVAL;
    if (!cr->fuel) {
        cw_store_set_poll(s, trigger_present, (void *)cr, interval);
        return;
    }
    cr->fuel->inner = trigger_present;
    cr->fuel->inner_ctx = (void *)cr;
    cr->fuel->inner_interval = interval;
    cw_fuel_arm(s, cr->fuel);
}

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static long long file_size(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

bool cw_cr_restore(cw_store *s, cw_instance *inst, const char *path, const cw_checkpoint_ext *ext, cw_error *err) {
    double start = now_ms();
    if (!cw_checkpoint_load(s, inst, path, ext, err)) return false;
    fprintf(stderr, "chiwawa: restored %s (%lld bytes, %.1f ms)\n", path, file_size(path), now_ms() - start);
    return true;
}

cw_errkind cw_cr_drive(cw_store *s, cw_instance *inst, cw_errkind status, cw_value *results, const cw_cr *cr,
                       const cw_checkpoint_ext *ext, cw_error *err) {
    while (status == CW_SUSPENDED) {
        double start = now_ms();
        fflush(stdout);
        if (!cw_checkpoint_save(s, inst, out_path(cr), ext, err)) return err->kind;
        remove(trigger_path(cr));
        fprintf(stderr, "chiwawa: checkpoint written to %s (%lld bytes, %.1f ms)%s\n", out_path(cr), file_size(out_path(cr)),
                now_ms() - start, cr->keep_running ? "; continuing" : "");
        if (!cr->keep_running) return CW_SUSPENDED;
        status = cr->fuel ? cw_fuel_resume(s, cr->fuel, results, err) : cw_resume(s, results, err);
    }
    return status;
}
