/* The interpreter: a switch-dispatch loop over the internal code. All Wasm-level state is in
 * cw_exec (value stack, frame stack); the loop keeps pc, sp, fp and the memory in locals and
 * reloads them after calls, returns and memory.grow. Every exit goes through one place. */
#include <stdlib.h>
#include <string.h>

#include "opcodes.h"
#include "runtime.h"
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

static bool push_frame(cw_exec *ex, cw_frame f) {
    if (ex->nframes == ex->frames_cap) {
        if (ex->nframes >= ex->max_frames) return false;
        uint32_t cap = ex->frames_cap ? ex->frames_cap * 2 : 256;
        if (cap > ex->max_frames) cap = ex->max_frames;
        cw_frame *p = realloc(ex->frames, cap * sizeof *p);
        if (!p) return false;
        ex->frames = p;
        ex->frames_cap = cap;
    }
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
        for (uint32_t i = 0; i < f->type->nparams; i++) vin[i] = cw_slot_to_value(args[i], f->type->params[i]);
        trap = f->host(f->env, caller, vin, vout);
        if (!trap)
            for (uint32_t i = 0; i < f->type->nresults; i++) args[i] = cw_value_to_slot(&vout[i]);
    }
    if (vin != in) free(vin);
    if (vout != out) free(vout);
    return trap;
}

/* Runs until the entry function returns, a trap, an exit or a suspension. With `callee` set,
 * starts by entering it with its arguments at the stack top; otherwise resumes the saved state. */
static cw_errkind run(cw_store *s, cw_func *callee, cw_error *err) {
    cw_exec *ex = &s->exec;
    cw_func *fn = callee ? callee : ex->fn;
    cw_instance *inst = fn->inst;
    const uint32_t *code = inst->module->code;
    const uint32_t *pc = ex->pc;
    uint64_t *fp = ex->stack + ex->fp, *sp = ex->stack + ex->sp;
    uint8_t *mem = NULL;
    uint64_t memsize = 0;
    uint32_t countdown = ex->countdown;
    const char *trap_msg = NULL;
    cw_errkind status = CW_ERR_TRAP;

#define LOAD_MEMORY()                                          \
    do {                                                       \
        cw_memory *m0 = inst->module->nmems ? inst->mems[0] : NULL; \
        mem = m0 ? m0->data : NULL;                            \
        memsize = m0 ? m0->size : 0;                           \
    } while (0)
#define TRAP(msg)          \
    do {                   \
        trap_msg = (msg);  \
        goto trap;         \
    } while (0)
#define NEXT break

#define SAFE_POINT(resume_pc)                                  \
    do {                                                       \
        if (--countdown == 0) {                                \
            countdown = ex->poll_interval;                     \
            if (ex->poll && ex->poll(ex->poll_ctx)) {          \
                pc = (resume_pc);                              \
                status = CW_SUSPENDED;                         \
                goto suspend;                                  \
            }                                                  \
        }                                                      \
    } while (0)

    LOAD_MEMORY();
    if (callee) {
        sp -= callee->def->param_slots;
        goto enter;
    }

    for (;;) {
        switch ((enum cw_op)*pc++) {
#define X_UN(ID, code_, name, P, R, expr) \
    case CW_OP_##ID: {                     \
        CW_CT_##P a = CW_GET_##P(sp[-1]);  \
        sp[-1] = CW_PUT_##R(expr);         \
        NEXT;                              \
    }
#define X_BIN(ID, code_, name, P, R, expr) \
    case CW_OP_##ID: {                      \
        CW_CT_##P b = CW_GET_##P(sp[-1]);   \
        CW_CT_##P a = CW_GET_##P(sp[-2]);   \
        sp--;                               \
        sp[-1] = CW_PUT_##R(expr);          \
        NEXT;                               \
    }
#define X_UNT(ID, code_, name, P, R, check, expr) \
    case CW_OP_##ID: {                             \
        CW_CT_##P a = CW_GET_##P(sp[-1]);          \
        const char *t_ = check;                    \
        if (t_) TRAP(t_);                          \
        sp[-1] = CW_PUT_##R(expr);                 \
        NEXT;                                      \
    }
#define X_BINT(ID, code_, name, P, R, check, expr) \
    case CW_OP_##ID: {                              \
        CW_CT_##P b = CW_GET_##P(sp[-1]);           \
        CW_CT_##P a = CW_GET_##P(sp[-2]);           \
        const char *t_ = check;                     \
        if (t_) TRAP(t_);                           \
        sp--;                                       \
        sp[-1] = CW_PUT_##R(expr);                  \
        NEXT;                                       \
    }
#define X_LD(ID, code_, name, R, MT)                       \
    case CW_OP_##ID: {                                      \
        uint64_t ea = (uint64_t)(uint32_t)sp[-1] + *pc++;   \
        if (ea + sizeof(MT) > memsize) TRAP(TRAP_MEMORY);   \
        MT v;                                               \
        memcpy(&v, mem + ea, sizeof v);                     \
        sp[-1] = CW_PUT_##R((CW_CT_##R)v);                  \
        NEXT;                                               \
    }
#define X_ST(ID, code_, name, P, MT)                        \
    case CW_OP_##ID: {                                       \
        uint64_t ea = (uint64_t)(uint32_t)sp[-2] + *pc++;    \
        if (ea + sizeof(MT) > memsize) TRAP(TRAP_MEMORY);    \
        MT v = (MT)CW_GET_##P(sp[-1]);                       \
        memcpy(mem + ea, &v, sizeof v);                      \
        sp -= 2;                                             \
        NEXT;                                                \
    }
#define X_S(ID, ...)
            CW_OPCODES(X_S, X_UN, X_BIN, X_UNT, X_BINT, X_LD, X_ST)
#undef X_S
#undef X_UN
#undef X_BIN
#undef X_UNT
#undef X_BINT
#undef X_LD
#undef X_ST

        case CW_OP_UNREACHABLE:
            TRAP("unreachable");
        case CW_OP_LOOP:
            SAFE_POINT(pc - 1);
            NEXT;
        case CW_OP_JMP:
            pc = code + *pc;
            NEXT;
        case CW_OP_JMP_IF:
            pc = (uint32_t)*--sp ? code + *pc : pc + 1;
            NEXT;
        case CW_OP_JMP_UNLESS:
            pc = (uint32_t)*--sp ? pc + 1 : code + *pc;
            NEXT;
        case CW_OP_BR_IF_MOVE:
            if (!(uint32_t)*--sp) {
                pc += 3;
                NEXT;
            }
            /* fall through */
        case CW_OP_BR: {
        branch:;
            uint32_t keep = pc[2];
            uint64_t *dst = fp + pc[1];
            memmove(dst, sp - keep, keep * sizeof *sp);
            sp = dst + keep;
            pc = code + pc[0];
            NEXT;
        }
        case CW_OP_BR_TABLE: {
            uint32_t n = *pc++;
            uint32_t i = (uint32_t)*--sp;
            pc += 3 * (i < n ? i : n);
            goto branch;
        }
        case CW_OP_RETURN: {
            uint32_t nres = fn->def->result_slots;
            memmove(fp, sp - nres, nres * sizeof *sp);
            sp = fp + nres;
            cw_frame *f = &ex->frames[--ex->nframes];
            if (!f->fn) {
                status = CW_OK;
                goto finish;
            }
            fn = f->fn;
            pc = f->ret_pc;
            fp = ex->stack + f->fp;
            if (fn->inst != inst) {
                inst = fn->inst;
                code = inst->module->code;
            }
            LOAD_MEMORY();
            NEXT;
        }
        case CW_OP_CALL:
            callee = inst->funcs[*pc++];
            goto call;
        case CW_OP_CALL_INDIRECT: {
            const cw_functype *want = &inst->module->types[pc[0]];
            cw_table *t = inst->tables[pc[1]];
            pc += 2;
            uint32_t i = (uint32_t)*--sp;
            if (i >= t->size) TRAP("undefined element");
            callee = (cw_func *)(uintptr_t)t->elems[i];
            if (!callee) TRAP("uninitialized element");
            if (!cw_functype_eq(callee->type, want)) TRAP("indirect call type mismatch");
            goto call;
        }
        case CW_OP_DROP:
            sp--;
            NEXT;
        case CW_OP_SELECT: {
            uint32_t c = (uint32_t)sp[-1];
            sp -= 2;
            if (!c) sp[-1] = sp[0];
            NEXT;
        }
        case CW_OP_LOCAL_GET:
            *sp++ = fp[*pc++];
            NEXT;
        case CW_OP_LOCAL_SET:
            fp[*pc++] = *--sp;
            NEXT;
        case CW_OP_LOCAL_TEE:
            fp[*pc++] = sp[-1];
            NEXT;
        case CW_OP_GLOBAL_GET:
            *sp++ = inst->globals[*pc++]->val;
            NEXT;
        case CW_OP_GLOBAL_SET:
            inst->globals[*pc++]->val = *--sp;
            NEXT;
        case CW_OP_TABLE_GET: {
            cw_table *t = inst->tables[*pc++];
            uint32_t i = (uint32_t)sp[-1];
            if (i >= t->size) TRAP(TRAP_TABLE);
            sp[-1] = t->elems[i];
            NEXT;
        }
        case CW_OP_TABLE_SET: {
            cw_table *t = inst->tables[*pc++];
            uint32_t i = (uint32_t)sp[-2];
            if (i >= t->size) TRAP(TRAP_TABLE);
            t->elems[i] = sp[-1];
            sp -= 2;
            NEXT;
        }
        case CW_OP_MEMORY_SIZE:
            *sp++ = memsize / CW_PAGE_SIZE;
            NEXT;
        case CW_OP_MEMORY_GROW: {
            uint64_t old = memsize / CW_PAGE_SIZE;
            sp[-1] = cw_memory_grow(inst->mems[0], (uint32_t)sp[-1]) ? old : 0xffffffffu;
            LOAD_MEMORY();
            NEXT;
        }
        case CW_OP_I64_CONST:
            *sp++ = pc[0] | (uint64_t)pc[1] << 32;
            pc += 2;
            NEXT;
        case CW_OP_REF_IS_NULL:
            sp[-1] = sp[-1] == 0;
            NEXT;
        case CW_OP_REF_FUNC:
            *sp++ = (uint64_t)(uintptr_t)inst->funcs[*pc++];
            NEXT;
        case CW_OP_MEMORY_INIT: {
            const char *t = cw_memory_init(inst, *pc++, (uint32_t)sp[-3], (uint32_t)sp[-2], (uint32_t)sp[-1]);
            if (t) TRAP(t);
            sp -= 3;
            NEXT;
        }
        case CW_OP_DATA_DROP:
            inst->data_dropped[*pc++] = true;
            NEXT;
        case CW_OP_MEMORY_COPY: {
            uint64_t d = (uint32_t)sp[-3], src = (uint32_t)sp[-2], n = (uint32_t)sp[-1];
            if (src + n > memsize || d + n > memsize) TRAP(TRAP_MEMORY);
            memmove(mem + d, mem + src, n);
            sp -= 3;
            NEXT;
        }
        case CW_OP_MEMORY_FILL: {
            uint64_t d = (uint32_t)sp[-3], n = (uint32_t)sp[-1];
            if (d + n > memsize) TRAP(TRAP_MEMORY);
            memset(mem + d, (uint8_t)sp[-2], n);
            sp -= 3;
            NEXT;
        }
        case CW_OP_TABLE_INIT: {
            const char *t = cw_table_init(inst, pc[1], pc[0], (uint32_t)sp[-3], (uint32_t)sp[-2], (uint32_t)sp[-1]);
            if (t) TRAP(t);
            pc += 2;
            sp -= 3;
            NEXT;
        }
        case CW_OP_ELEM_DROP:
            inst->elem_dropped[*pc++] = true;
            NEXT;
        case CW_OP_TABLE_COPY: {
            cw_table *td = inst->tables[pc[0]], *ts = inst->tables[pc[1]];
            uint64_t d = (uint32_t)sp[-3], src = (uint32_t)sp[-2], n = (uint32_t)sp[-1];
            if (src + n > ts->size || d + n > td->size) TRAP(TRAP_TABLE);
            memmove(td->elems + d, ts->elems + src, n * sizeof *td->elems);
            pc += 2;
            sp -= 3;
            NEXT;
        }
        case CW_OP_TABLE_GROW: {
            cw_table *t = inst->tables[*pc++];
            uint32_t old = t->size;
            bool ok = cw_table_grow(t, (uint32_t)sp[-1], sp[-2]);
            sp--;
            sp[-1] = ok ? old : 0xffffffffu;
            NEXT;
        }
        case CW_OP_TABLE_SIZE:
            *sp++ = inst->tables[*pc++]->size;
            NEXT;
        case CW_OP_TABLE_FILL: {
            cw_table *t = inst->tables[*pc++];
            uint64_t d = (uint32_t)sp[-3], v = sp[-2], n = (uint32_t)sp[-1];
            if (d + n > t->size) TRAP(TRAP_TABLE);
            for (uint64_t i = 0; i < n; i++) t->elems[d + i] = v;
            sp -= 3;
            NEXT;
        }
        default:
            TRAP("internal error: bad opcode");
        }
        continue;

    call:
        if (callee->host) {
            uint64_t *args = sp - callee->type->nparams;
            const char *t = call_host(callee, inst, args);
            if (t) TRAP(t);
            sp = args + callee->type->nresults;
            LOAD_MEMORY();
            continue;
        }
        if (!push_frame(ex, (cw_frame){fn, pc, (uint32_t)(fp - ex->stack)})) TRAP(TRAP_EXHAUSTED);
        sp -= callee->def->param_slots;
    enter : {
        /* sp is the new frame's base: the arguments are already there. */
        const cw_funcdef *d = callee->def;
        uint64_t base = (uint64_t)(sp - ex->stack);
        if (base + d->max_slots > ex->stack_cap) {
            uint64_t fp_off = (uint64_t)(fp - ex->stack);
            if (!grow_stack(ex, base + d->max_slots)) TRAP(TRAP_EXHAUSTED);
            fp = ex->stack + fp_off;
            sp = ex->stack + base;
        }
        fp = sp;
        memset(fp + d->param_slots, 0, (d->local_slots - d->param_slots) * sizeof *fp);
        sp = fp + d->local_slots;
        fn = callee;
        if (fn->inst != inst) {
            inst = fn->inst;
            code = inst->module->code;
            LOAD_MEMORY();
        }
        pc = code + d->code_start;
        SAFE_POINT(pc);
        continue;
    }
    }

trap:
    status = trap_msg == cw_exit_message                ? CW_ERR_EXIT
             : strcmp(trap_msg, TRAP_EXHAUSTED) == 0 ? CW_ERR_EXHAUSTION
                                                      : CW_ERR_TRAP;
    cw_set_error(err, status, "%s", trap_msg);
    err->exit_code = s->exit_code;
finish:
    ex->nframes = 0;
    ex->fn = NULL;
    ex->countdown = countdown;
    return status;
suspend:
    ex->fn = fn;
    ex->pc = pc;
    ex->fp = (uint32_t)(fp - ex->stack);
    ex->sp = (uint32_t)(sp - ex->stack);
    ex->countdown = countdown;
    cw_set_error(err, status, "suspended at a safe point");
    return status;
#undef TRAP
#undef NEXT
#undef LOAD_MEMORY
#undef SAFE_POINT
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

static void slots_to_values(const uint64_t *slots, const cw_functype *t, cw_value *results) {
    for (uint32_t i = 0; i < t->nresults; i++) results[i] = cw_slot_to_value(slots[i], t->results[i]);
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
    if (st == CW_OK) slots_to_values(ex->stack, ex->entry->type, results);
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
    uint32_t n = t->nparams > t->nresults ? t->nparams : t->nresults;
    uint64_t *slots = calloc(n + 1, sizeof *slots);
    if (!slots) {
        cw_set_error(err, CW_ERR_RESOURCE, "out of memory");
        return err->kind;
    }
    for (uint32_t i = 0; i < t->nparams; i++) slots[i] = cw_value_to_slot(&args[i]);
    cw_errkind st = cw_exec_call(s, f, slots, err);
    if (st == CW_OK) slots_to_values(slots, t, results);
    free(slots);
    return st;
}
