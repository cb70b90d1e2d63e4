/* Fuel: a budget of execution for untrusted guests. One unit is one safe point passed: a function
 * entry or one pass through a loop header (a loop's first entry and every branch back to it), so any
 * run that does not end on its own runs out. It rides on the store's poll hook, so the interpreter
 * does no extra work for it, and it wraps another hook (the checkpoint trigger) so both work at once.
 * The count is exact: a run with fuel N may pass N safe points and traps at the next one. */
#ifndef CHIWAWA_FUEL_H
#define CHIWAWA_FUEL_H

#include "chiwawa.h"

typedef struct cw_fuel {
    uint64_t left;            /* units the run may still spend: set it, then cw_fuel_arm */
    bool exhausted;           /* the run stopped for want of fuel */
    /* A hook to keep calling every inner_interval safe points (e.g. the checkpoint trigger), or NULL;
     * when it returns true the run suspends as it would without fuel. */
    bool (*inner)(void *ctx);
    void *inner_ctx;
    uint32_t inner_interval;
    /* Private: the store, the interval its hook is armed with, safe points until the inner hook is
     * due, and whether the last suspension was only to arm another interval. */
    cw_store *store;
    uint32_t armed, inner_due;
    bool rearm;
} cw_fuel;

/* Installs the budget as s's poll hook, first charging what s ran since the last cw_fuel_arm (a start
 * function, say). Arm again after changing inner. */
void cw_fuel_arm(cw_store *s, cw_fuel *f);

/* Takes a run's status past the suspensions the budget makes for itself: returns the final status,
 * CW_ERR_TRAP "fuel exhausted" when the fuel ran out, and CW_SUSPENDED only when the inner hook asked. */
cw_errkind cw_fuel_settle(cw_store *s, cw_fuel *f, cw_errkind status, cw_value *results, cw_error *err);

/* cw_resume under the budget (then settled as above). */
cw_errkind cw_fuel_resume(cw_store *s, cw_fuel *f, cw_value *results, cw_error *err);

#endif
