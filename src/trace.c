/* Trace events: the traced interpreter calls cw_trace_step before every instruction with the state
 * before it runs; this file decides whether that instruction makes an event and writes it. Everything
 * written is in Wasm terms (function indices, bytecode offsets, values), never host addresses. */
#include <stdlib.h>
#include <string.h>

#include "chiwawa/trace.h"
#include "opcodes.h"
#include "reader.h"
#include "runtime.h"
#include "trace_hooks.h"
#include "valtext.h"
#include "valtypes.h"

/* Operand stack types at each reachable instruction of a function, from the validator. */
typedef struct fn_stacks {
    bool ready;
    uint32_t n, cap;
    uint32_t *offsets;
    uint8_t **types;
    uint32_t *ntypes;
} fn_stacks;

struct cw_trace {
    cw_trace_config cfg;
    const cw_module *module; /* whose functions fn_stacks describes */
    fn_stacks *stacks;
    int64_t func;            /* --trace-func as an index, -1 for any */
    uint64_t count, written;
    int64_t depth;           /* Chrome: calls opened and not yet closed */
    bool first;
    char *buf;
};

/* ---- option lists ---- */

static bool parse_list(const char *list, const char *const *names, const unsigned *bits, size_t n,
                       unsigned *out, const char *what, char *err, size_t errsize) {
    *out = 0;
    const char *p = list;
    while (*p) {
        size_t len = strcspn(p, ",");
        size_t i = 0;
        while (i < n && !(strlen(names[i]) == len && strncmp(p, names[i], len) == 0)) i++;
        if (i == n) {
            snprintf(err, errsize, "unknown trace %s '%.*s'", what, (int)len, p);
            return false;
        }
        *out |= bits[i];
        p += len + (p[len] == ',');
    }
    if (!*out) snprintf(err, errsize, "empty trace %s list", what);
    return *out != 0;
}

bool cw_trace_parse_events(const char *list, unsigned *events, char *err, size_t errsize) {
    static const char *const names[] = {"all", "load", "store", "call", "branch"};
    static const unsigned bits[] = {CW_TRACE_ALL, CW_TRACE_LOAD, CW_TRACE_STORE, CW_TRACE_CALL, CW_TRACE_BRANCH};
    return parse_list(list, names, bits, 5, events, "event", err, errsize);
}

bool cw_trace_parse_resources(const char *list, unsigned *resources, char *err, size_t errsize) {
    static const char *const names[] = {"pc", "stack", "locals", "globals", "memory"};
    static const unsigned bits[] = {CW_RES_PC, CW_RES_STACK, CW_RES_LOCALS, CW_RES_GLOBALS, CW_RES_MEMORY};
    return parse_list(list, names, bits, 5, resources, "resource", err, errsize);
}

/* ---- what each internal op is ---- */

typedef struct op_kind {
    uint8_t event;  /* CW_TRACE_* */
    uint8_t size;   /* loads and stores: bytes accessed */
    uint8_t type;   /* loads and stores: the value's Wasm type */
    bool sign;      /* loads: the bytes are sign-extended */
} op_kind;

static const op_kind op_kinds[CW_OP_COUNT] = {
#define K_NONE(ID, ...)
#define K_LD(ID, code, name, R, MT) [CW_OP_##ID] = {CW_TRACE_LOAD, sizeof(MT), CW_VT_##R, (MT)~(MT)0 < (MT)1},
#define K_ST(ID, code, name, P, MT) [CW_OP_##ID] = {CW_TRACE_STORE, sizeof(MT), CW_VT_##P, false},
    CW_OPCODES(K_NONE, K_NONE, K_NONE, K_NONE, K_NONE, K_LD, K_ST)
#undef K_NONE
#undef K_LD
#undef K_ST
    [CW_OP_CALL] = {.event = CW_TRACE_CALL}, [CW_OP_CALL_INDIRECT] = {.event = CW_TRACE_CALL},
    [CW_OP_RETURN] = {.event = CW_TRACE_CALL}, [CW_OP_JMP] = {.event = CW_TRACE_BRANCH},
    [CW_OP_JMP_IF] = {.event = CW_TRACE_BRANCH}, [CW_OP_JMP_UNLESS] = {.event = CW_TRACE_BRANCH},
    [CW_OP_BR] = {.event = CW_TRACE_BRANCH}, [CW_OP_BR_IF_MOVE] = {.event = CW_TRACE_BRANCH},
    [CW_OP_BR_TABLE] = {.event = CW_TRACE_BRANCH},
};

/* ---- positions ---- */

/* The instruction whose code starts at pos: the last one recorded there (those before it emitted
 * no code of their own). */
static const cw_pcmap *insn_at(const cw_module *m, uint32_t pos) {
    size_t lo = 0, hi = m->npcmap;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (m->pcmap[mid].code_pos <= pos) lo = mid + 1;
        else hi = mid;
    }
    return lo && m->pcmap[lo - 1].code_pos == pos ? &m->pcmap[lo - 1] : NULL;
}

/* Byte offset of what runs at pos; a function's final return may have no entry: its `end`. */
static uint32_t offset_at(const cw_module *m, const cw_func *fn, uint32_t pos) {
    const cw_pcmap *p = insn_at(m, pos);
    return p ? p->byte_offset : fn->def->body_offset + fn->def->body_len - 1;
}

static const char *op_name_at(const cw_module *m, uint32_t offset) {
    cw_error quiet = {0};
    cw_reader r = {m->bytes + offset, m->bytes + m->len, m->bytes, &quiet};
    int op = cw_op_from_code(cw_rd_opcode(&r));
    return op < 0 ? "?" : cw_ops[op].name;
}

/* ---- stack types ---- */

static void record_stack(void *ctx, uint32_t offset, const uint8_t *types, uint32_t n) {
    fn_stacks *fs = ctx;
    if (fs->n == fs->cap) {
        uint32_t cap = fs->cap ? fs->cap * 2 : 64;
        uint32_t *o = realloc(fs->offsets, cap * sizeof *o);
        if (o) fs->offsets = o;
        uint8_t **t = realloc(fs->types, cap * sizeof *t);
        if (t) fs->types = t;
        uint32_t *nt = realloc(fs->ntypes, cap * sizeof *nt);
        if (nt) fs->ntypes = nt;
        if (!o || !t || !nt) return;
        fs->cap = cap;
    }
    uint8_t *copy = malloc(n + 1);
    if (!copy) return;
    if (n) memcpy(copy, types, n);
    fs->offsets[fs->n] = offset, fs->types[fs->n] = copy, fs->ntypes[fs->n] = n;
    fs->n++;
}

static const uint8_t *stack_types(cw_trace *t, const cw_func *fn, uint32_t offset, uint32_t *n) {
    if (fn->inst->module != t->module) return *n = 0, NULL;
    fn_stacks *fs = &t->stacks[fn->index];
    if (!fs->ready) {
        cw_stack_walk(fn->inst->module, fn->index, record_stack, fs);
        fs->ready = true;
    }
    size_t lo = 0, hi = fs->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (fs->offsets[mid] < offset) lo = mid + 1;
        else hi = mid;
    }
    if (lo == fs->n || fs->offsets[lo] != offset) return *n = 0, NULL;
    *n = fs->ntypes[lo];
    return fs->types[lo];
}

/* ---- writing ---- */

static void put_string(FILE *o, const char *s) {
    fputc('"', o);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') fprintf(o, "\\%c", c);
        else if (c < 0x20) fprintf(o, "\\u%04x", c);
        else fputc(c, o);
    }
    fputc('"', o);
}

/* The value at slot (and the next slot, for a v128). */
static void put_value(FILE *o, const cw_instance *in, uint8_t type, const uint64_t *slot) {
    char text[VALTEXT_MAX];
    if (type == CW_FUNCREF && *slot) {
        const cw_func *f = (const cw_func *)(uintptr_t)*slot;
        fprintf(o, "\"FuncRef(%u)\"", f->inst == in ? f->index : UINT32_MAX);
        return;
    }
    cw_value v = cw_slots_to_value(slot, type);
    fprintf(o, "\"%s\"", valtext_format(&v, text, sizeof text));
}

static void put_values(FILE *o, const char *key, const cw_instance *in, const uint8_t *types, uint32_t n,
                       const uint64_t *slots) {
    fprintf(o, ",\"%s\":[", key);
    for (uint32_t i = 0; i < n; i++) {
        if (i) fputc(',', o);
        put_value(o, in, types[i], slots);
        slots += cw_valtype_slots(types[i]);
    }
    fputc(']', o);
}

static const char *func_name(const cw_module *m, uint32_t idx, char *buf, size_t size) {
    if (m->funcs[idx].name) return m->funcs[idx].name;
    uint32_t k = 0;
    for (uint32_t i = 0; i < m->nimports; i++)
        if (m->imports[i].kind == CW_EXTERN_FUNC && k++ == idx) {
            snprintf(buf, size, "%s.%s", m->imports[i].module, m->imports[i].name);
            return buf;
        }
    return NULL;
}

static void chrome_event(cw_trace *t, const char *phase, const char *name) {
    FILE *o = t->cfg.out;
    fputs(t->first ? "\n" : ",\n", o);
    t->first = false;
    fprintf(o, "{\"name\":");
    put_string(o, name);
    fprintf(o, ",\"cat\":\"wasm\",\"ph\":\"%s\",\"ts\":%llu,\"pid\":1,\"tid\":1}", phase, (unsigned long long)t->count);
}

static void chrome_call(cw_trace *t, const cw_module *m, uint32_t callee) {
    char buf[160], idx[16];
    const char *name = func_name(m, callee, buf, sizeof buf);
    snprintf(idx, sizeof idx, "func %u", callee);
    chrome_event(t, "B", name ? name : idx);
    t->depth++;
}

static void chrome_return(cw_trace *t) {
    if (t->depth <= 0) return; /* a frame entered before tracing started (a restored run) */
    chrome_event(t, "E", "");
    t->depth--;
}

/* The callee of a call or call_indirect about to run, or NULL when call_indirect will trap. */
static const cw_func *callee_of(const cw_instance *in, const uint32_t *pc, const uint64_t *sp) {
    if (pc[0] == CW_OP_CALL) return in->funcs[pc[1]];
    const cw_table *tab = in->tables[pc[2]];
    uint32_t i = (uint32_t)sp[-1];
    const cw_func *f = i < tab->size ? (const cw_func *)(uintptr_t)tab->elems[i] : NULL;
    return f && cw_functype_eq(f->type, &in->module->types[pc[1]]) ? f : NULL;
}

/* The module and index that name callee c: a host function has none of its own, so it goes by the
 * caller's import of it (false when the caller got it through a table, not by importing it). */
static bool callee_index(const cw_instance *in, const cw_func *c, const cw_module **m, uint32_t *index) {
    *m = c->inst ? c->inst->module : in->module;
    *index = c->index;
    if (c->inst) return true;
    for (*index = 0; *index < in->module->nfunc_imports; ++*index)
        if (in->funcs[*index] == c) return true;
    return false;
}

/* Branch outcome: whether control moves to the target, and the target's position. */
static bool branch(const uint32_t *pc, const uint64_t *sp, uint32_t *target) {
    switch (pc[0]) {
    case CW_OP_JMP: case CW_OP_BR: *target = pc[1]; return true;
    case CW_OP_JMP_IF: case CW_OP_BR_IF_MOVE: *target = pc[1]; return (uint32_t)sp[-1] != 0;
    case CW_OP_JMP_UNLESS: *target = pc[1]; return (uint32_t)sp[-1] == 0;
    default: { /* br_table */
        uint32_t n = pc[1], i = (uint32_t)sp[-1];
        *target = pc[2 + 3 * (i < n ? i : n)];
        return true;
    }
    }
}

void cw_trace_step(cw_trace *t, const cw_instance *in, const cw_func *fn, const uint32_t *pc, const uint64_t *fp,
                   const uint64_t *sp, const uint8_t *mem, uint64_t memsize) {
    t->count++;
    const cw_module *m = in->module;
    const op_kind *k = &op_kinds[pc[0]];
    unsigned ev = k->event ? k->event : CW_TRACE_INSN;
    if (!(t->cfg.events & ev) || (t->func >= 0 && fn->index != t->func)) return;
    if (t->cfg.limit && t->written >= t->cfg.limit) return;
    if (t->cfg.format == CW_TRACE_CHROME) {
        if (pc[0] == CW_OP_RETURN) chrome_return(t);
        else if (ev == CW_TRACE_CALL) {
            const cw_func *c = callee_of(in, pc, sp);
            const cw_module *cm;
            uint32_t ci;
            if (c && callee_index(in, c, &cm, &ci)) chrome_call(t, cm, ci);
        }
        return;
    }
    t->written++;
    FILE *o = t->cfg.out;
    uint32_t offset = offset_at(m, fn, (uint32_t)(pc - m->code));
    const char *name = op_name_at(m, offset);
    static const char *const ev_names[] = {[CW_TRACE_INSN] = "insn", [CW_TRACE_LOAD] = "load",
                                           [CW_TRACE_STORE] = "store", [CW_TRACE_CALL] = "call",
                                           [CW_TRACE_BRANCH] = "branch"};
    fprintf(o, "{\"ev\":\"%s\",\"op\":\"%s\"", pc[0] == CW_OP_RETURN ? "return" : ev_names[ev], name);
    if (t->cfg.resources & CW_RES_PC) {
        fprintf(o, ",\"func\":%u", fn->index);
        if (fn->def->name) fputs(",\"name\":", o), put_string(o, fn->def->name);
        fprintf(o, ",\"off\":%u", offset);
    }
    const cw_funcdef *d = fn->def;
    if (pc[0] == CW_OP_RETURN) {
        put_values(o, "results", in, fn->type->results, fn->type->nresults, sp - d->result_slots);
    } else if (ev == CW_TRACE_CALL) {
        const cw_func *c = callee_of(in, pc, sp);
        const cw_module *cm;
        uint32_t ci;
        if (c && callee_index(in, c, &cm, &ci)) {
            char buf[160];
            const char *cname = func_name(cm, ci, buf, sizeof buf);
            fprintf(o, ",\"callee\":%u", ci);
            if (cname) fputs(",\"callee_name\":", o), put_string(o, cname);
            uint32_t nslots = 0;
            for (uint32_t i = 0; i < c->type->nparams; i++) nslots += cw_valtype_slots(c->type->params[i]);
            put_values(o, "args", in, c->type->params, c->type->nparams,
                       sp - (pc[0] == CW_OP_CALL_INDIRECT) - nslots);
        }
    } else if (ev == CW_TRACE_BRANCH) {
        uint32_t target;
        bool taken = branch(pc, sp, &target);
        fprintf(o, ",\"taken\":%s,\"target\":%u", taken ? "true" : "false", offset_at(m, fn, target));
    }
    if (t->cfg.resources & CW_RES_MEMORY) {
        if (ev == CW_TRACE_LOAD || ev == CW_TRACE_STORE) {
            const uint64_t *addr_slot = ev == CW_TRACE_LOAD ? &sp[-1] : &sp[-2];
            uint64_t ea = (uint64_t)(uint32_t)*addr_slot + pc[1];
            fprintf(o, ",\"addr\":%llu,\"size\":%u", (unsigned long long)ea, k->size);
            uint64_t bits = 0;
            bool known = true;
            if (ev == CW_TRACE_STORE) bits = sp[-1] & (k->size == 8 ? UINT64_MAX : (1ull << (8 * k->size)) - 1);
            else if (ea + k->size <= memsize) memcpy(&bits, mem + ea, k->size); /* little-endian, as Wasm memory */
            else known = false;                                                  /* the load will trap */
            if (k->sign && k->size < 8 && (bits >> (8 * k->size - 1) & 1)) bits |= UINT64_MAX << (8 * k->size);
            if (known) fputs(",\"value\":", o), put_value(o, in, k->type, &bits);
        } else {
            fprintf(o, ",\"memory_pages\":%llu", (unsigned long long)(memsize / CW_PAGE_SIZE));
        }
    }
    if (t->cfg.resources & CW_RES_STACK) {
        uint32_t n;
        const uint8_t *types = stack_types(t, fn, offset, &n);
        put_values(o, "stack", in, types, n, fp + d->local_slots);
    }
    if (t->cfg.resources & CW_RES_LOCALS) {
        fputs(",\"locals\":[", o);
        for (uint32_t i = 0; i < d->nlocals; i++) {
            if (i) fputc(',', o);
            put_value(o, in, d->local_types[i], &fp[d->local_slot[i]]);
        }
        fputc(']', o);
    }
    if (t->cfg.resources & CW_RES_GLOBALS) {
        fputs(",\"globals\":[", o);
        for (uint32_t i = 0; i < m->nglobals; i++) {
            if (i) fputc(',', o);
            put_value(o, in, in->globals[i]->type, in->globals[i]->val);
        }
        fputc(']', o);
    }
    fputs("}\n", o);
}

void cw_trace_host_return(cw_trace *t, const cw_instance *in, const cw_func *host, const uint64_t *results) {
    if (!(t->cfg.events & CW_TRACE_CALL) || (t->cfg.limit && t->written >= t->cfg.limit)) return;
    if (t->cfg.format == CW_TRACE_CHROME) return chrome_return(t);
    t->written++;
    fputs("{\"ev\":\"return\",\"op\":\"host\"", t->cfg.out);
    put_values(t->cfg.out, "results", in, host->type->results, host->type->nresults, results);
    fputs("}\n", t->cfg.out);
}

/* Resolves --trace-func (an index or a name from the name section) against m. */
static bool find_func(cw_trace *t, const cw_module *m, char *err, size_t errsize) {
    if (!t->cfg.func) return true;
    char *end;
    unsigned long idx = strtoul(t->cfg.func, &end, 10);
    if (*t->cfg.func && !*end && idx < m->nfuncs) return t->func = (int64_t)idx, true;
    for (uint32_t i = 0; i < m->nfuncs; i++)
        if (m->funcs[i].name && strcmp(m->funcs[i].name, t->cfg.func) == 0) return t->func = i, true;
    snprintf(err, errsize, "--trace-func: no function '%s' in the module", t->cfg.func);
    return false;
}

cw_trace *cw_trace_start(cw_store *s, const cw_module *m, const cw_trace_config *cfg, char *err, size_t errsize) {
    cw_trace *t = calloc(1, sizeof *t);
    if (!t || !(t->stacks = calloc(m->nfuncs + 1, sizeof *t->stacks))) {
        free(t);
        snprintf(err, errsize, "out of memory");
        return NULL;
    }
    t->cfg = *cfg;
    t->module = m;
    t->func = -1;
    t->first = true;
    if (!t->cfg.out) t->cfg.out = stderr;
    if (!find_func(t, m, err, errsize)) {
        free(t->stacks);
        free(t);
        return NULL;
    }
    t->buf = malloc(1 << 20);
    if (t->buf) setvbuf(t->cfg.out, t->buf, _IOFBF, 1 << 20);
    if (t->cfg.format == CW_TRACE_CHROME) fputs("{\"traceEvents\":[", t->cfg.out);
    s->trace = t;
    return t;
}

void cw_trace_finish(cw_store *s, cw_trace *t) {
    if (!t) return;
    if (t->cfg.format == CW_TRACE_CHROME) {
        while (t->depth > 0) chrome_return(t);
        fputs("\n]}\n", t->cfg.out);
    }
    fflush(t->cfg.out);
    setvbuf(t->cfg.out, NULL, _IONBF, 0);
    for (uint32_t i = 0; i < t->module->nfuncs; i++) {
        for (uint32_t k = 0; k < t->stacks[i].n; k++) free(t->stacks[i].types[k]);
        free(t->stacks[i].offsets);
        free(t->stacks[i].types);
        free(t->stacks[i].ntypes);
    }
    free(t->stacks);
    free(t->buf);
    s->trace = NULL;
    free(t);
}
