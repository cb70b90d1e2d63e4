/* The guest's process: arguments, environment, clocks, randomness, scheduling and signals. */
#include <string.h>

#include "wasi_abi.h"
#include "wasi_calls.h"
#include "wasi_host.h"

/* Writes the pointer array at ptrs and the strings (with their NULs) at buf, as args_get does. */
static uint16_t strings_get(const wasi_strings *s, const wasi_mem *m, uint32_t ptrs, uint32_t buf) {
    if (!wasi_mem_ok(m, ptrs, (uint64_t)s->count * 4) || !wasi_mem_ok(m, buf, s->bytes)) return WASI_EFAULT;
    for (size_t i = 0; i < s->count; i++) {
        size_t n = strlen(s->list[i]) + 1;
        memcpy(wasi_mem_at(m, buf), s->list[i], n);
        wasi_put32(m, ptrs + 4 * (uint32_t)i, buf);
        buf += (uint32_t)n;
    }
    return WASI_ESUCCESS;
}

static uint16_t strings_sizes(const wasi_strings *s, const wasi_mem *m, uint32_t count, uint32_t bytes) {
    if (!wasi_mem_ok(m, count, 4) || !wasi_mem_ok(m, bytes, 4)) return WASI_EFAULT;
    wasi_put32(m, count, (uint32_t)s->count);
    wasi_put32(m, bytes, (uint32_t)s->bytes);
    return WASI_ESUCCESS;
}

uint16_t wasi_args_get(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    return strings_get(&w->args, m, a[0].of.i32, a[1].of.i32);
}

uint16_t wasi_args_sizes_get(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    return strings_sizes(&w->args, m, a[0].of.i32, a[1].of.i32);
}

uint16_t wasi_environ_get(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    return strings_get(&w->env, m, a[0].of.i32, a[1].of.i32);
}

uint16_t wasi_environ_sizes_get(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    return strings_sizes(&w->env, m, a[0].of.i32, a[1].of.i32);
}

uint16_t wasi_clock_res_get(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    (void)w;
    uint64_t res;
    if (!wasi_mem_ok(m, a[1].of.i32, 8)) return WASI_EFAULT;
    uint16_t e = wasi_host_clock_res(a[0].of.i32, &res);
    if (!e) wasi_put64(m, a[1].of.i32, res);
    return e;
}

uint16_t wasi_clock_time_get(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    (void)w;
    uint64_t t;
    if (!wasi_mem_ok(m, a[2].of.i32, 8)) return WASI_EFAULT;
    uint16_t e = wasi_host_clock_time(a[0].of.i32, a[1].of.i64, &t);
    if (!e) wasi_put64(m, a[2].of.i32, t);
    return e;
}

uint16_t wasi_random_get(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    (void)w;
    if (!wasi_mem_ok(m, a[0].of.i32, a[1].of.i32)) return WASI_EFAULT;
    return wasi_host_random(wasi_mem_at(m, a[0].of.i32), a[1].of.i32);
}

uint16_t wasi_sched_yield(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    (void)w, (void)m, (void)a;
    return wasi_host_sched_yield();
}

/* Raising a real signal would take chiwawa down with the guest, and WASI has since dropped the call. */
uint16_t wasi_proc_raise(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    (void)w, (void)m, (void)a;
    return WASI_ENOSYS;
}
