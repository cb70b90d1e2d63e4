/* Fuel (include/chiwawa/fuel.h), counted through the store's poll hook: the hook fires every `armed`
 * safe points, armed being the fuel left plus one (so it fires on the pass that would overspend) or,
 * if sooner, when the inner hook is due. When the interval must change, the run suspends at that
 * safe point only to arm the new one, and goes on: the loop itself never counts anything. */
#include "chiwawa/fuel.h"
#include "runtime.h"

static uint32_t next_interval(const cw_fuel *f) {
    uint64_t n = f->left < UINT32_MAX ? f->left + 1 : UINT32_MAX;
    if (f->inner && f->inner_due < n) n = f->inner_due;
    return (uint32_t)n;
}

/* A start function runs inside cw_instantiate, which cannot resume it: there the interval stays as
 * it is, and a budget above 2^32 may overrun by less than that. */
static bool in_start(const cw_store *s) {
    const cw_func *e = s->exec.entry;
    return e && e->def && e->inst->module->has_start && e->index == e->inst->module->start;
}

static bool fuel_poll(void *ctx) {
    cw_fuel *f = ctx;
    if (f->armed > f->left) return f->exhausted = true;
    f->left -= f->armed;
    if (f->inner) {
        f->inner_due = f->inner_due > f->armed ? f->inner_due - f->armed : 0;
        if (!f->inner_due) {
            f->inner_due = f->inner_interval;
            if (f->inner(f->inner_ctx)) return true;
        }
    }
    return f->rearm = next_interval(f) != f->armed && !in_start(f->store);
}

void cw_fuel_arm(cw_store *s, cw_fuel *f) {
    cw_exec *ex = &s->exec;
    if (ex->poll == fuel_poll && ex->poll_ctx == f) { /* charge what ran since the hook last fired */
        uint32_t spent = f->armed > ex->countdown ? f->armed - ex->countdown : 0;
        f->left = f->left > spent ? f->left - spent : 0;
        f->inner_due = f->inner_due > spent ? f->inner_due - spent : 0;
    }
    if (!f->inner_due || f->inner_due > f->inner_interval) f->inner_due = f->inner_interval;
    f->store = s;
    f->rearm = false;
    f->armed = next_interval(f);
    cw_store_set_poll(s, fuel_poll, f, f->armed);
}

cw_errkind cw_fuel_settle(cw_store *s, cw_fuel *f, cw_errkind status, cw_value *results, cw_error *err) {
    while (status == CW_SUSPENDED && f->rearm) {
        cw_fuel_arm(s, f);
        status = cw_resume(s, results, err);
    }
    if (status == CW_SUSPENDED && f->exhausted) {
        cw_set_error(err, CW_ERR_TRAP, "fuel exhausted");
        status = CW_ERR_TRAP;
    }
    return status;
}

cw_errkind cw_fuel_resume(cw_store *s, cw_fuel *f, cw_value *results, cw_error *err) {
    cw_fuel_arm(s, f);
    return cw_fuel_settle(s, f, cw_resume(s, results, err), results, err);
}
