/* The interpreter: a loop over the internal code (a switch; natively, computed gotos). All Wasm-level
 * state is in cw_exec (value stack, frame stack); the loop keeps pc, sp, fp and the memory in locals
 * and reloads them after calls, returns and memory.grow. Every exit goes through one place. */
#include <stdlib.h>
#include <string.h>

#include "opcodes.h"
#include "runtime.h"
#include "simd.h"
#include "trace_hooks.h"
#include "valtypes.h"

#define TRAP_MEMORY "out of bounds memory access"
#define TRAP_TABLE "out of bounds table access"
#define TRAP_EXHAUSTED "call stack exhausted"

const char cw_exit_message[] = "exit";

const char *cw_exit(cw_instance *caller, int code) {
    caller->store->exit_code = code;
    return cw_exit_message;
}

static bool grow_stack(cw_exec *ex, uint64_t need) {
    if (need > ex->max_slots) return false;
    uint64_t cap = ex->stack_cap ? ex->stack_cap : 4096;
    while (cap < need) cap *= 2;
    if (cap > ex->max_slots) cap = ex->max_slots;
    uint64_t *s = realloc(ex->stack, cap * sizeof *s);
    if (!s) return false;
    ex->stack = s;
    ex->stack_cap = cap;
    return true;
}

static bool grow_frames(cw_exec *ex) {
    if (ex->nframes >= ex->max_frames) return false;
    uint32_t cap = ex->frames_cap ? ex->frames_cap * 2 : 256;
    if (cap > ex->max_frames) cap = ex->max_frames;
    cw_frame *p = realloc(ex->frames, cap * sizeof *p);
    if (!p) return false;
    ex->frames = p;
    ex->frames_cap = cap;
    return true;
}

/* Inline in both interpreter loops: every call goes through it. */
static inline __attribute__((always_inline)) bool push_frame(cw_exec *ex, cw_frame f) {
    if (ex->nframes == ex->frames_cap && !grow_frames(ex)) return false;
    ex->frames[ex->nframes++] = f;
    return true;
}

/* Calls a host function with its arguments at args (slots); results are written there. */
static const char *call_host(cw_func *f, cw_instance *caller, uint64_t *args) {
    cw_value in[16], out[16];
    cw_value *vin = f->type->nparams <= 16 ? in : malloc(f->type->nparams * sizeof *vin);
    cw_value *vout = f->type->nresults <= 16 ? out : malloc(f->type->nresults * sizeof *vout);
    const char *trap = "out of memory";
    if (vin && vout) {
        cw_slots_to_values(args, f->type->params, f->type->nparams, vin);
        trap = f->host(f->env, caller, vin, vout);
        if (!trap) cw_values_to_slots(vout, f->type->results, f->type->nresults, args);
    }
    if (vin != in) free(vin);
    if (vout != out) free(vout);
    return trap;
}

/* Safe points per pass of the loop: it returns to run() at least this often, because a host JIT
 * (V8's Liftoff to TurboFan) swaps optimised code in for a function only when it is entered again,
 * and chiwawa.wasm would otherwise spend the whole run in the baseline code. */
#define CW_SLICE (1u << 14)

/* Instructions that run aside, in a loop of their own out of the main one: SIMD, bulk memory and
 * table instructions, memory.grow and the conversions that trap. V8 optimises the main loop with
 * its full register allocator only while the function stays small (tests/loop_size.sh), and these
 * are a third of its code but rare in hot paths. */
#define CW_ASIDE_NONE(ID, ...)
#define CW_ASIDE_OPS(X)                                                                                   \
    CW_OPCODES_SIMD(X, X, X, X, X, X, X, X, X, X, X, X, X)                                                \
    CW_OPCODES(CW_ASIDE_NONE, CW_ASIDE_NONE, CW_ASIDE_NONE, X, CW_ASIDE_NONE, CW_ASIDE_NONE, CW_ASIDE_NONE) \
    X(TABLE_GET) X(TABLE_SET) X(MEMORY_GROW) X(MEMORY_INIT) X(DATA_DROP) X(MEMORY_COPY) X(MEMORY_FILL)      \
    X(TABLE_INIT) X(ELEM_DROP) X(TABLE_COPY) X(TABLE_GROW) X(TABLE_SIZE) X(TABLE_FILL)

typedef struct cw_aside_regs {
    const uint32_t *pc;
    uint64_t *sp;
} cw_aside_regs;

/* Runs from r->pc while the instructions run aside (only one when `one`, for traces), leaving r->pc
 * at the next; returns a trap message or NULL. */
static __attribute__((noinline)) const char *run_aside(cw_aside_regs *r, bool one, uint64_t *fp, uint8_t *mem,
                                                       uint64_t memsize, cw_instance *inst) {
    const uint32_t *pc = r->pc;
    uint64_t *sp = r->sp;
    const char *trap = NULL;
#define CASE(ID) case CW_OP_##ID:
#define NEXT           \
    if (one) goto out; \
    else continue
#define TRAP(msg)     \
    do {              \
        trap = (msg); \
        goto out;     \
    } while (0)
    for (;;) {
        switch ((enum cw_op)*pc++) {
#include "simd_loop.h"
#include "bulk_loop.h"
        default:
            pc--;
            goto out;
        }
    }
out:
    r->pc = pc;
    r->sp = sp;
    return trap;
#undef CASE
#undef NEXT
#undef TRAP
}

/* Native builds thread the untraced loop with computed gotos (a GNU C extension); under a wasm host
 * they would become the same switch. */
#if defined(__GNUC__) && !defined(__wasm__)
#define CW_CAN_THREAD 1
#else
#define CW_CAN_THREAD 0
#endif
#define CW_RUN run_plain
#define CW_TRACED 0
#include "interp_loop.h"
#undef CW_RUN
#undef CW_TRACED

/* CW_NO_TRACE builds the interpreter without the traced loop, only for bench/trace.sh to show that
 * the untraced loop of a normal build is as fast as a build with no trace code at all. */
#ifdef CW_NO_TRACE
#define run_traced run_plain
#else
#define CW_RUN run_traced
#define CW_TRACED 1
#include "interp_loop.h"
#undef CW_RUN
#undef CW_TRACED
#endif

/* Runs the loop pass after pass; when the poll is due, asks it whether to suspend. */
static cw_errkind run(cw_store *s, cw_func *callee, cw_error *err) {
    cw_exec *ex = &s->exec;
    for (;; callee = NULL) {
        cw_errkind st = s->trace ? run_traced(s, callee, err) : run_plain(s, callee, err);
        if (st != CW_SUSPENDED) return st;
        if (ex->countdown) continue;
        ex->countdown = ex->poll_interval;
        if (ex->poll && ex->poll(ex->poll_ctx)) {
            cw_set_error(err, st, "suspended at a safe point");
            return st;
        }
    }
}

bool cw_exec_reserve(cw_exec *ex, uint64_t slots, uint32_t frames) {
    if (slots > ex->stack_cap && !grow_stack(ex, slots)) return false;
    if (frames > ex->frames_cap) {
        if (frames > ex->max_frames) return false;
        cw_frame *p = realloc(ex->frames, frames * sizeof *p);
        if (!p) return false;
        ex->frames = p;
        ex->frames_cap = frames;
    }
    return true;
}

/* Copies the entry function's results out once the run has finished. */
static cw_errkind finish_call(cw_exec *ex, cw_errkind st, uint64_t *slots) {
    if (st == CW_OK) memcpy(slots, ex->stack, ex->entry->def->result_slots * sizeof *slots);
    return st;
}

cw_errkind cw_exec_call(cw_store *s, cw_func *f, uint64_t *slots, cw_error *err) {
    cw_exec *ex = &s->exec;
    err->kind = CW_OK;
    err->message[0] = 0;
    if (f->host) {
        const char *t = call_host(f, NULL, slots);
        if (t) cw_set_error(err, t == cw_exit_message ? CW_ERR_EXIT : CW_ERR_TRAP, "%s", t);
        err->exit_code = s->exit_code;
        return err->kind;
    }
    uint32_t np = f->def->param_slots, nr = f->def->result_slots;
    if (!grow_stack(ex, (np > nr ? np : nr) + f->def->max_slots) ||
        !push_frame(ex, (cw_frame){NULL, NULL, 0})) {
        cw_set_error(err, CW_ERR_EXHAUSTION, TRAP_EXHAUSTED);
        return err->kind;
    }
    memcpy(ex->stack, slots, np * sizeof *slots);
    ex->entry = f;
    ex->fp = 0;
    ex->sp = np;
    if (!ex->countdown) ex->countdown = ex->poll_interval;
    return finish_call(ex, run(s, f, err), slots);
}

cw_errkind cw_resume(cw_store *s, cw_value *results, cw_error *err) {
    cw_exec *ex = &s->exec;
    err->kind = CW_OK;
    err->message[0] = 0;
    if (!ex->fn) {
        cw_set_error(err, CW_ERR_RESOURCE, "nothing to resume");
        return err->kind;
    }
    cw_errkind st = run(s, NULL, err);
    if (st == CW_OK) cw_slots_to_values(ex->stack, ex->entry->type->results, ex->entry->type->nresults, results);
    return st;
}

cw_func *cw_store_entry(const cw_store *s) { return s->exec.fn ? s->exec.entry : NULL; }

void cw_store_set_poll(cw_store *s, bool (*poll)(void *ctx), void *ctx, uint32_t interval) {
    s->exec.poll = poll;
    s->exec.poll_ctx = ctx;
    s->exec.poll_interval = s->exec.countdown = interval ? interval : UINT32_MAX;
}

cw_errkind cw_call(cw_store *s, cw_func *f, const cw_value *args, cw_value *results, cw_error *err) {
    const cw_functype *t = f->type;
    uint32_t np = cw_types_slots(t->params, t->nparams), nr = cw_types_slots(t->results, t->nresults);
    uint64_t *slots = calloc((np > nr ? np : nr) + 1, sizeof *slots);
    if (!slots) {
        cw_set_error(err, CW_ERR_RESOURCE, "out of memory");
        return err->kind;
    }
    cw_values_to_slots(args, t->params, t->nparams, slots);
    cw_errkind st = cw_exec_call(s, f, slots, err);
    if (st == CW_OK) cw_slots_to_values(slots, t->results, t->nresults, results);
    free(slots);
    return st;
}
