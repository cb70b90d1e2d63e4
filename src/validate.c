/* Validator and compiler: type-checks a function body with the spec's operand and control
 * stacks and, in the same pass, emits the internal code the interpreter runs. Every branch gets
 * its target position, the slot height to cut the stack back to and how many slots to keep. */
#include <stdlib.h>
#include <string.h>

#include "opcodes.h"
#include "reader.h"
#include "valtypes.h"

#define UNKNOWN 0 /* operand of the polymorphic stack after unreachable code */
#define NO_FIXUP 0xffffffffu

typedef struct ctrl {
    uint8_t op; /* CW_OP_BLOCK, LOOP, IF, ELSE, or END for the function itself */
    const uint8_t *params, *results;
    uint32_t nparams, nresults;
    uint32_t height, slots; /* operand stack height and slot height below the params */
    bool unreachable, dead;  /* dead: no code is emitted (the block itself cannot run) */
    uint32_t loop_pos;       /* loop: its LOOP op (branches to the loop go just past it) */
    uint32_t fixups;         /* forward branches to patch with the end position */
    uint32_t else_fixup;     /* if: the JMP_UNLESS to patch with the else position */
} ctrl;

typedef struct vstate {
    cw_module *m;
    cw_funcdef *f;
    cw_reader r;
    uint8_t *vals;
    uint32_t nvals, vals_cap, slots, max_slots;
    ctrl *ctrls;
    uint32_t nctrls, ctrls_cap;
    uint32_t op_offset; /* bytecode offset of the instruction being compiled */
    int prev_op;        /* the instruction before op_offset, and its call immediate */
    uint32_t call_imm;
    cw_stack_visit visit; /* dry runs: called at each reachable instruction */
    void *visit_ctx;
    /* Operand folding (off for traceable modules): local.get and constants on top of the stack are
     * kept here, not emitted, until an op takes them as operands or anything else needs them pushed. */
    bool fuse;
    uint32_t nvirt;
    struct { bool is_local; uint64_t val; } virt[8]; /* the top nvirt operands: a local's slot or a constant */
    uint32_t bin_pos, bin_end; /* the last BIN op emitted and where it ended, for folding a local.set */
    int bin_op;
    uint8_t bin_form;
    uint32_t ld_pos, ld_end; /* likewise the last load, its op, and the form a local.set makes of it */
    int ld_op, ld_to;
} vstate;

uint32_t cw_valtype_slots(uint8_t t) { return t == CW_V128 ? 2 : 1; }

bool cw_functype_eq(const cw_functype *a, const cw_functype *b) {
    return a == b || (a->nparams == b->nparams && a->nresults == b->nresults &&
                      (!a->nparams || memcmp(a->params, b->params, a->nparams) == 0) &&
                      (!a->nresults || memcmp(a->results, b->results, a->nresults) == 0));
}

static bool fail(vstate *v, const char *msg) {
    if (cw_rd_ok(&v->r)) cw_set_error(v->r.err, CW_ERR_INVALID, "%s", msg);
    v->r.p = v->r.end;
    return false;
}

static bool oom(vstate *v) { return cw_rd_fail(&v->r, "out of memory"); }

/* ---- code emission ---- */

static ctrl *top(vstate *v) { return &v->ctrls[v->nctrls - 1]; }
static bool emitting(vstate *v) { return !top(v)->dead && !top(v)->unreachable; }

static uint32_t code_pos(vstate *v) { return (uint32_t)v->m->code_len; }

static void emit(vstate *v, uint32_t word) {
    cw_module *m = v->m;
    if (m->code_len == m->code_cap) {
        size_t cap = m->code_cap ? m->code_cap * 2 : 1024;
        uint32_t *c = realloc(m->code, cap * sizeof *c);
        if (!c) return (void)oom(v);
        m->code = c, m->code_cap = cap;
    }
    m->code[m->code_len++] = word;
}

static void emit_op(vstate *v, enum cw_op op) { emit(v, op); }

/* Compiled code takes ~0.7 words and ~0.45 pc records per byte of the code section: allocating that
 * up front spares the copies of growing by doubling (a tenth of a 1 MB module's load under Node). */
bool cw_validate_reserve(cw_module *m, size_t bytes) {
    size_t words = bytes * 3 / 4 + 1024, pcs = bytes / 2 + 1024;
    uint32_t *c = realloc(m->code, words * sizeof *c);
    if (c) m->code = c, m->code_cap = words;
    cw_pcmap *p = realloc(m->pcmap, pcs * sizeof *p);
    if (p) m->pcmap = p, m->pcmap_cap = pcs;
    return c && p;
}

/* Records where an instruction's code starts (every live instruction, whether it emits code or
 * not), so internal positions map to original bytecode offsets and back. */
static void record_pc(vstate *v) {
    cw_module *m = v->m;
    if (m->npcmap == m->pcmap_cap) {
        size_t cap = m->pcmap_cap ? m->pcmap_cap * 2 : 1024;
        cw_pcmap *p = realloc(m->pcmap, cap * sizeof *p);
        if (!p) return (void)oom(v);
        m->pcmap = p, m->pcmap_cap = cap;
    }
    m->pcmap[m->npcmap++] = (cw_pcmap){code_pos(v), v->op_offset};
}

static void emit_fixup(vstate *v, uint32_t *list) {
    uint32_t pos = code_pos(v);
    emit(v, *list);
    *list = pos;
}

static void patch_fixups(vstate *v, uint32_t list, uint32_t target) {
    while (list != NO_FIXUP && cw_rd_ok(&v->r)) {
        uint32_t next = v->m->code[list];
        v->m->code[list] = target;
        list = next;
    }
}

/* ---- the operand stack of types ---- */

static void push(vstate *v, uint8_t t) {
    if (v->nvals == v->vals_cap) {
        uint32_t cap = v->vals_cap ? v->vals_cap * 2 : 64;
        uint8_t *p = realloc(v->vals, cap);
        if (!p) return (void)oom(v);
        v->vals = p, v->vals_cap = cap;
    }
    v->vals[v->nvals++] = t;
    v->slots += cw_valtype_slots(t);
    if (v->slots > v->max_slots) v->max_slots = v->slots;
}

static uint8_t pop(vstate *v) {
    ctrl *c = top(v);
    if (v->nvals == c->height) {
        if (!c->unreachable) fail(v, "type mismatch");
        return UNKNOWN;
    }
    uint8_t t = v->vals[--v->nvals];
    v->slots -= cw_valtype_slots(t);
    return t;
}

static uint8_t pop_expect(vstate *v, uint8_t want) {
    uint8_t t = pop(v);
    if (t != want && t != UNKNOWN && want != UNKNOWN) fail(v, "type mismatch");
    return t == UNKNOWN ? want : t;
}

static void pop_types(vstate *v, const uint8_t *types, uint32_t n) {
    for (uint32_t i = n; i-- > 0;) pop_expect(v, types[i]);
}

static void push_types(vstate *v, const uint8_t *types, uint32_t n) {
    for (uint32_t i = 0; i < n; i++) push(v, types[i]);
}

uint32_t cw_types_slots(const uint8_t *types, uint32_t n) {
    uint32_t s = 0;
    for (uint32_t i = 0; i < n; i++) s += cw_valtype_slots(types[i]);
    return s;
}

static bool is_num(uint8_t t) { return t == CW_I32 || t == CW_I64 || t == CW_F32 || t == CW_F64 || t == CW_V128; }
static bool is_ref(uint8_t t) { return t == CW_FUNCREF || t == CW_EXTERNREF; }

static void mark_unreachable(vstate *v) {
    ctrl *c = top(v);
    while (v->nvals > c->height) v->slots -= cw_valtype_slots(v->vals[--v->nvals]);
    c->unreachable = true;
}

/* ---- the control stack ---- */

static void push_ctrl(vstate *v, uint8_t op, const uint8_t *params, uint32_t np, const uint8_t *results,
                      uint32_t nr) {
    if (v->nctrls == v->ctrls_cap) {
        uint32_t cap = v->ctrls_cap ? v->ctrls_cap * 2 : 16;
        ctrl *p = realloc(v->ctrls, cap * sizeof *p);
        if (!p) return (void)oom(v);
        v->ctrls = p, v->ctrls_cap = cap;
    }
    bool dead = v->nctrls > 0 && !emitting(v);
    ctrl *c = &v->ctrls[v->nctrls++];
    *c = (ctrl){.op = op, .params = params, .results = results, .nparams = np, .nresults = nr,
                .height = v->nvals, .slots = v->slots, .dead = dead,
                .loop_pos = code_pos(v), .fixups = NO_FIXUP, .else_fixup = NO_FIXUP};
    push_types(v, params, np);
}

/* Label types: a loop's branch carries its params, every other label its results. */
static void label_types(const ctrl *c, const uint8_t **types, uint32_t *n) {
    if (c->op == CW_OP_LOOP) *types = c->params, *n = c->nparams;
    else *types = c->results, *n = c->nresults;
}

static ctrl *read_label(vstate *v) {
    uint32_t depth = cw_rd_u32(&v->r);
    if (!cw_rd_ok(&v->r)) return NULL;
    if (depth >= v->nctrls) return fail(v, "unknown label"), NULL;
    return &v->ctrls[v->nctrls - 1 - depth];
}

/* Emits the (target, height, keep) triple of a branch to label c. */
static void emit_branch_target(vstate *v, ctrl *c) {
    const uint8_t *t;
    uint32_t n;
    label_types(c, &t, &n);
    if (c->op == CW_OP_LOOP) emit(v, c->loop_pos + 1);
    else emit_fixup(v, &c->fixups);
    emit(v, c->slots);
    emit(v, cw_types_slots(t, n));
}

static void emit_jump_target(vstate *v, ctrl *c) {
    if (c->op == CW_OP_LOOP) emit(v, c->loop_pos + 1);
    else emit_fixup(v, &c->fixups);
}

static void emit_jump(vstate *v, enum cw_op op, ctrl *c) {
    emit_op(v, op);
    emit_jump_target(v, c);
}

static void read_blocktype(vstate *v, const uint8_t **params, uint32_t *np, const uint8_t **results,
                           uint32_t *nr) {
    static const uint8_t single[] = {CW_I32, CW_I64, CW_F32, CW_F64, CW_V128, CW_FUNCREF, CW_EXTERNREF};
    *np = *nr = 0;
    *params = *results = NULL;
    if (v->r.p < v->r.end && *v->r.p == 0x40) {
        v->r.p++;
        return;
    }
    if (v->r.p < v->r.end && (*v->r.p & 0xc0) == 0x40) { /* a one-byte negative s33: a value type */
        uint8_t b = *v->r.p++;
        const uint8_t *t = memchr(single, b, sizeof single);
        if (!t) return (void)cw_rd_fail(&v->r, "malformed value type");
        *results = t, *nr = 1;
        return;
    }
    int64_t idx = cw_rd_s33(&v->r);
    if (!cw_rd_ok(&v->r)) return;
    if (idx < 0 || idx >= v->m->ntypes) return (void)fail(v, "unknown type");
    const cw_functype *ft = &v->m->types[idx];
    *params = ft->params, *np = ft->nparams, *results = ft->results, *nr = ft->nresults;
}

/* ---- per-instruction rules ---- */

typedef struct simple_op {
    uint8_t kind, p, r, size; /* kind: 1 unary, 2 binary, 3 load, 4 store; size: access bytes */
} simple_op;

static const simple_op simple_ops[CW_OP_COUNT] = {
#define V_S(ID, ...)
#define V_UN(ID, code, name, P, R, ...) [CW_OP_##ID] = {1, CW_VT_##P, CW_VT_##R, 0},
#define V_BIN(ID, code, name, P, R, ...) [CW_OP_##ID] = {2, CW_VT_##P, CW_VT_##R, 0},
#define V_LD(ID, code, name, R, MT) [CW_OP_##ID] = {3, CW_I32, CW_VT_##R, sizeof(MT)},
#define V_ST(ID, code, name, P, MT) [CW_OP_##ID] = {4, CW_VT_##P, 0, sizeof(MT)},
    CW_OPCODES(V_S, V_UN, V_BIN, V_UN, V_BIN, V_LD, V_ST)
#undef V_S
#undef V_UN
#undef V_BIN
#undef V_LD
#undef V_ST
};

/* Decodes the next opcode to an op id, or -1 when the bytes name no instruction. */
static int read_op(vstate *v) {
    uint32_t code = cw_rd_opcode(&v->r);
    if (!cw_rd_ok(&v->r)) return -1;
    int op = cw_op_from_code(code);
    if (op < 0) cw_rd_fail(&v->r, "illegal opcode");
    return op;
}

static void need_memory(vstate *v) {
    if (v->m->nmems == 0) fail(v, "unknown memory");
}

static void read_zero_byte(vstate *v) {
    if (cw_rd_u8(&v->r) != 0 && cw_rd_ok(&v->r)) cw_rd_fail(&v->r, "zero byte expected");
}

static uint32_t read_index(vstate *v, uint32_t limit, const char *unknown) {
    uint32_t i = cw_rd_u32(&v->r);
    if (cw_rd_ok(&v->r) && i >= limit) fail(v, unknown);
    return i;
}

static uint32_t read_table(vstate *v) { return read_index(v, v->m->ntables, "unknown table"); }

static uint32_t read_data_index(vstate *v) {
    uint32_t d = cw_rd_u32(&v->r);
    if (!cw_rd_ok(&v->r)) return 0;
    if (!v->m->has_datacount) return cw_rd_fail(&v->r, "data count section required"), 0;
    if (d >= v->m->datacount) fail(v, "unknown data segment");
    return d;
}

static uint32_t read_local(vstate *v) { return read_index(v, v->f->nlocals, "unknown local"); }

static void flush(vstate *v);
static void flush_below(vstate *v, uint32_t keep);

/* Reads a memarg and emits op with its offset; forms (if not 0) is op's first load form, used when
 * the address is a folded local.get or was just computed as local + constant. */
static void memarg(vstate *v, uint32_t size, enum cw_op op, enum cw_op forms) {
    uint32_t align = cw_rd_u32(&v->r);
    uint32_t offset = cw_rd_u32(&v->r);
    if (!cw_rd_ok(&v->r)) return;
    need_memory(v);
    if (align >= 32 || (1u << align) > size) fail(v, "alignment must not be larger than natural");
    if (!emitting(v)) return;
    v->ld_op = op;
    if (forms && v->nvirt && v->virt[v->nvirt - 1].is_local) {
        flush_below(v, 1);
        v->nvirt = 0;
        v->ld_pos = code_pos(v), v->ld_to = CW_LFORM_L_TO;
        emit_op(v, forms + CW_LFORM_L), emit(v, (uint32_t)v->virt[0].val), emit(v, offset);
    } else if (forms && !v->nvirt && v->bin_end == code_pos(v) && v->bin_form == CW_FORM_LK_TO &&
               (v->bin_op == CW_OP_I32_ADD || v->bin_op == CW_OP_I32_SUB)) {
        /* [add, local, k] becomes [load, local, k, offset]; the load has no code of its own */
        uint32_t *c = &v->m->code[v->bin_pos];
        if (v->bin_op == CW_OP_I32_SUB) c[2] = 0u - c[2];
        c[0] = forms + CW_LFORM_LK;
        v->ld_pos = v->bin_pos, v->ld_to = CW_LFORM_LK_TO;
        v->bin_end = UINT32_MAX;
        v->m->npcmap--;
        emit(v, offset);
    } else {
        flush(v);
        v->ld_pos = code_pos(v), v->ld_to = CW_LFORM_R_TO;
        emit_op(v, op);
        emit(v, offset);
    }
    if (forms) v->ld_end = code_pos(v);
}

#include "validate_simd.h"

/* Each BIN op's form class (opcodes.h) and first fused form (0: none). */
enum { CLASS_N, CLASS_F, CLASS_C };
static const uint8_t form_class[CW_OP_COUNT] = {
#define F_NONE(ID, ...)
#define F_BIN(ID, code, name, P, R, C, ...) [CW_OP_##ID] = CLASS_##C,
    CW_OPCODES(F_NONE, F_NONE, F_BIN, F_NONE, F_NONE, F_NONE, F_NONE)
#undef F_BIN
};
#define FIRST_F(ID) CW_OP_##ID##_RK
#define FIRST_C(ID) CW_OP_##ID##_RK
#define FIRST_N(ID) 0
static const uint16_t fused_forms[CW_OP_COUNT] = {
#define F_BIN(ID, code, name, P, R, C, ...) [CW_OP_##ID] = FIRST_##C(ID),
    CW_OPCODES(F_NONE, F_NONE, F_BIN, F_NONE, F_NONE, F_NONE, F_NONE)
#undef F_BIN
};
#undef FIRST_F
#undef FIRST_C
#undef FIRST_N

/* Each load's first form (0: none). */
static const uint16_t load_forms[CW_OP_COUNT] = {
#define F_LD(ID, ...) [CW_OP_##ID] = CW_OP_##ID##_L,  /* CW_LFORM_L is the first */
    CW_OPCODES(F_NONE, F_NONE, F_NONE, F_NONE, F_NONE, F_LD, F_NONE)
#undef F_LD
#undef F_NONE
};

/* The comparison that is true exactly when an integer comparison is false (0: none). */
static const uint16_t inverse[CW_OP_COUNT] = {
#define INV(T, A, B) [CW_OP_##T##_##A] = CW_OP_##T##_##B, [CW_OP_##T##_##B] = CW_OP_##T##_##A,
#define INVS(T) INV(T, EQ, NE) INV(T, LT_S, GE_S) INV(T, LT_U, GE_U) INV(T, GT_S, LE_S) INV(T, GT_U, LE_U)
    INVS(I32) INVS(I64)
#undef INVS
#undef INV
};

static void emit_value(vstate *v, uint64_t bits, uint32_t words) {
    emit(v, (uint32_t)bits);
    if (words == 2) emit(v, (uint32_t)(bits >> 32));
}

/* Pushes the folded operands below the top `keep` ones, in stack order. */
static void flush_below(vstate *v, uint32_t keep) {
    uint32_t n = v->nvirt - keep;
    for (uint32_t i = 0; i < n; i++) {
        if (v->virt[i].is_local && i + 1 < n && v->virt[i + 1].is_local)
            emit_op(v, CW_OP_LOCAL_GET2), emit(v, (uint32_t)v->virt[i].val), emit(v, (uint32_t)v->virt[++i].val);
        else if (v->virt[i].is_local) emit_op(v, CW_OP_LOCAL_GET), emit(v, (uint32_t)v->virt[i].val);
        else emit_op(v, CW_OP_I64_CONST), emit_value(v, v->virt[i].val, 2);
    }
    memmove(v->virt, v->virt + n, keep * sizeof *v->virt);
    v->nvirt = keep;
}

static void flush(vstate *v) { flush_below(v, 0); }

static void fold(vstate *v, bool is_local, uint64_t val) {
    if (v->nvirt == sizeof v->virt / sizeof *v->virt) flush(v);
    v->virt[v->nvirt].is_local = is_local;
    v->virt[v->nvirt++].val = val;
}

/* Emits BIN op `op` (operands of `words` 32-bit words), taking folded operands where it can. */
static void emit_bin(vstate *v, int op, uint32_t words) {
    uint32_t n = v->nvirt;
    bool top_k = n >= 1 && !v->virt[n - 1].is_local;
    bool second_l = n >= 2 && v->virt[n - 2].is_local;
    int form = -1;
    uint32_t used = 0;
    if (!fused_forms[op] || n == 0 || (n >= 2 && !second_l)) {
        flush(v);
    } else if (second_l) {
        form = top_k ? CW_FORM_LK : CW_FORM_LL, used = 2;
    } else {
        form = top_k ? CW_FORM_RK : CW_FORM_RL, used = 1;
    }
    flush_below(v, used);
    v->bin_pos = code_pos(v);
    if (form < 0) {
        emit_op(v, (enum cw_op)op);
        v->bin_form = CW_FORM_RR_TO; /* what a following local.set turns it into */
    } else {
        emit_op(v, (enum cw_op)(fused_forms[op] + form));
        for (uint32_t i = 0; i < used; i++) /* flush_below left the operands in virt[0..used) */
            if (v->virt[i].is_local) emit(v, (uint32_t)v->virt[i].val);
            else emit_value(v, v->virt[i].val, words);
        v->bin_form = (uint8_t)(form + CW_FORM_RK_TO);
    }
    v->nvirt = 0;
    v->bin_op = op;
    v->bin_end = fused_forms[op] ? code_pos(v) : UINT32_MAX;
}

/* local.set right after a BIN op: the op writes the local itself. */
static bool fold_local_set(vstate *v, uint32_t slot) {
    if (v->nvirt || v->bin_end != code_pos(v) || form_class[v->bin_op] != CLASS_F) return false;
    cw_module *m = v->m;
    m->code[v->bin_pos] = fused_forms[v->bin_op] + v->bin_form;
    emit(v, slot);
    v->bin_end = UINT32_MAX;
    m->npcmap--; /* the local.set has no code of its own */
    return true;
}

/* local.set right after a load: the load writes the local itself. */
static bool fold_load_set(vstate *v, uint32_t slot) {
    if (v->nvirt || v->ld_end != code_pos(v)) return false;
    v->m->code[v->ld_pos] = load_forms[v->ld_op] + v->ld_to;
    emit(v, slot);
    v->ld_end = UINT32_MAX;
    v->m->npcmap--; /* the local.set has no code of its own */
    return true;
}

/* local.set of a folded local.get or constant: one op copies it. */
static bool set_from_folded(vstate *v, uint32_t slot) {
    if (!v->nvirt) return false;
    flush_below(v, 1);
    v->nvirt = 0;
    if (v->virt[0].is_local) emit_op(v, CW_OP_LOCAL_COPY), emit(v, (uint32_t)v->virt[0].val), emit(v, slot);
    else emit_op(v, CW_OP_LOCAL_SET_K), emit(v, slot), emit_value(v, v->virt[0].val, 2);
    return true;
}

/* A conditional jump right after a comparison in an RK, LL or LK form: the comparison (or, to jump
 * on zero, its inverse) decides the jump itself. Emits the op's part; the caller emits the target. */
static bool fuse_branch(vstate *v, bool jump_if) {
    if (v->nvirt || v->bin_end != code_pos(v) || form_class[v->bin_op] != CLASS_C) return false;
    int op = jump_if ? v->bin_op : inverse[v->bin_op];
    int form = v->bin_form == CW_FORM_RK_TO   ? CW_FORM_RK_JIF
               : v->bin_form == CW_FORM_LL_TO ? CW_FORM_LL_JIF
               : v->bin_form == CW_FORM_LK_TO ? CW_FORM_LK_JIF
                                              : -1;
    if (!op || form < 0) return false;
    v->m->code[v->bin_pos] = fused_forms[op] + form;
    v->bin_end = UINT32_MAX;
    return true;
}

/* Emits a conditional jump op (JMP_IF or JMP_UNLESS), fused with a preceding comparison or a folded
 * local.get of the condition (run_body leaves that one folded) if it can. */
static void emit_cond_jump_op(vstate *v, enum cw_op op) {
    if (v->nvirt) {
        emit_op(v, op == CW_OP_JMP_IF ? CW_OP_JMP_IF_L : CW_OP_JMP_UNLESS_L);
        emit(v, (uint32_t)v->virt[0].val);
        v->nvirt = 0;
    } else if (!v->fuse || !fuse_branch(v, op == CW_OP_JMP_IF)) {
        emit_op(v, op);
    }
}

/* Does compile_op handle folded operands for op itself, or must they be pushed first? */
static bool folds(vstate *v, int op) {
    if (!v->fuse) return false;
    return op == CW_OP_LOCAL_GET || op == CW_OP_LOCAL_SET || op == CW_OP_LOCAL_TEE || op == CW_OP_I32_CONST ||
           op == CW_OP_I64_CONST ||
           op == CW_OP_F32_CONST || op == CW_OP_F64_CONST || fused_forms[op] || load_forms[op];
}

static bool compile_op(vstate *v, int op) {
    cw_module *m = v->m;
    const simple_op *s = &simple_ops[op];
    if (s->kind == 2 && v->fuse && fused_forms[op]) {
        pop_expect(v, s->p);
        pop_expect(v, s->p);
        push(v, s->r);
        if (emitting(v)) emit_bin(v, op, s->p == CW_I64 || s->p == CW_F64 ? 2 : 1);
        return cw_rd_ok(&v->r);
    }
    if (s->kind) {
        if (s->kind >= 3) {
            memarg(v, s->size, (enum cw_op)op, v->fuse ? (enum cw_op)load_forms[op] : (enum cw_op)0);
            if (s->kind == 3) pop_expect(v, CW_I32), push(v, s->r);
            else pop_expect(v, s->p), pop_expect(v, CW_I32);
            return cw_rd_ok(&v->r);
        }
        if (s->kind == 2) pop_expect(v, s->p);
        pop_expect(v, s->p);
        push(v, s->r);
        if (emitting(v)) emit_op(v, (enum cw_op)op);
        return cw_rd_ok(&v->r);
    }
    ctrl *c;
    switch (op) {
    case CW_OP_UNREACHABLE:
        if (emitting(v)) emit_op(v, CW_OP_UNREACHABLE);
        mark_unreachable(v);
        break;
    case CW_OP_NOP:
        break;
    case CW_OP_BLOCK:
    case CW_OP_LOOP:
    case CW_OP_IF: {
        const uint8_t *params, *results;
        uint32_t np, nr;
        read_blocktype(v, &params, &np, &results, &nr);
        if (op == CW_OP_IF) pop_expect(v, CW_I32);
        pop_types(v, params, np);
        bool emit_if = op == CW_OP_IF && emitting(v);
        if (emit_if) emit_cond_jump_op(v, CW_OP_JMP_UNLESS);
        uint32_t else_fixup = emit_if ? code_pos(v) : NO_FIXUP;
        if (emit_if) emit(v, NO_FIXUP);
        push_ctrl(v, (uint8_t)op, params, np, results, nr);
        /* Loops are safe points: the LOOP op counts entering, a branch back counts each further
         * iteration, and a run suspended at either resumes at the LOOP op. */
        if (op == CW_OP_LOOP && emitting(v)) emit_op(v, CW_OP_LOOP);
        if (cw_rd_ok(&v->r)) top(v)->else_fixup = else_fixup;
        break;
    }
    case CW_OP_ELSE:
        c = top(v);
        if (c->op != CW_OP_IF) return fail(v, "else without if");
        pop_types(v, c->results, c->nresults);
        if (v->nvals != c->height) return fail(v, "type mismatch");
        if (emitting(v)) emit_jump(v, CW_OP_JMP, c);
        c->unreachable = false;
        c->op = CW_OP_ELSE;
        if (c->else_fixup != NO_FIXUP) m->code[c->else_fixup] = code_pos(v);
        c->else_fixup = NO_FIXUP;
        push_types(v, c->params, c->nparams);
        break;
    case CW_OP_END: {
        c = top(v);
        pop_types(v, c->results, c->nresults);
        if (v->nvals != c->height) return fail(v, "type mismatch");
        /* An if without else passes its params through as results: they must agree. */
        if (c->op == CW_OP_IF && (c->nparams != c->nresults || (c->nparams && memcmp(c->params, c->results, c->nparams))))
            return fail(v, "type mismatch");
        if (c->op == CW_OP_END) {
            /* Branches to the function's label land on its return. */
            patch_fixups(v, c->fixups, code_pos(v));
            if (!c->dead) emit_op(v, CW_OP_RETURN);
            push_types(v, c->results, c->nresults);
            v->nctrls--;
            return cw_rd_ok(&v->r);
        }
        uint32_t end = code_pos(v);
        if (c->else_fixup != NO_FIXUP) m->code[c->else_fixup] = end;
        patch_fixups(v, c->fixups, end);
        ctrl done = *c;
        v->nctrls--;
        push_types(v, done.results, done.nresults);
        break;
    }
    case CW_OP_BR:
    case CW_OP_BR_IF: {
        c = read_label(v);
        if (!c) return false;
        if (op == CW_OP_BR_IF) pop_expect(v, CW_I32);
        const uint8_t *t;
        uint32_t n;
        label_types(c, &t, &n);
        pop_types(v, t, n);
        if (emitting(v)) {
            /* Values need moving only when something lies between them and the label's base. */
            if (v->slots != c->slots) {
                flush(v);
                emit_op(v, op == CW_OP_BR ? CW_OP_BR : CW_OP_BR_IF_MOVE);
                emit_branch_target(v, c);
            } else if (op == CW_OP_BR) {
                emit_jump(v, CW_OP_JMP, c);
            } else {
                emit_cond_jump_op(v, CW_OP_JMP_IF);
                emit_jump_target(v, c);
            }
        }
        if (op == CW_OP_BR) mark_unreachable(v);
        else push_types(v, t, n);
        break;
    }
    case CW_OP_BR_TABLE: {
        uint32_t n = cw_rd_u32(&v->r);
        if (!cw_rd_ok(&v->r)) return false;
        if ((size_t)n > (size_t)(v->r.end - v->r.p)) return cw_rd_fail(&v->r, "unexpected end");
        pop_expect(v, CW_I32);
        bool emit_it = emitting(v);
        if (emit_it) emit_op(v, CW_OP_BR_TABLE), emit(v, n);
        const uint8_t *arity_types = NULL;
        uint32_t arity = 0;
        for (uint32_t i = 0; i <= n; i++) {
            c = read_label(v);
            if (!c) return false;
            const uint8_t *t;
            uint32_t k;
            label_types(c, &t, &k);
            if (i == 0) arity_types = t, arity = k;
            else if (k != arity) return fail(v, "type mismatch");
            /* Each label is checked against the current stack without consuming it. */
            uint32_t save_n = v->nvals, save_slots = v->slots;
            pop_types(v, t, k);
            if (emit_it) emit_branch_target(v, c);
            v->nvals = save_n, v->slots = save_slots;
            if (!cw_rd_ok(&v->r)) return false;
        }
        pop_types(v, arity_types, arity);
        mark_unreachable(v);
        break;
    }
    case CW_OP_RETURN:
        pop_types(v, v->ctrls[0].results, v->ctrls[0].nresults);
        if (emitting(v)) emit_op(v, CW_OP_RETURN);
        mark_unreachable(v);
        break;
    case CW_OP_CALL: {
        uint32_t fi = read_index(v, m->nfuncs, "unknown function");
        if (!cw_rd_ok(&v->r)) return false;
        const cw_functype *t = m->funcs[fi].type;
        pop_types(v, t->params, t->nparams);
        v->call_imm = fi;
        if (emitting(v)) emit_op(v, CW_OP_CALL), emit(v, fi);
        push_types(v, t->results, t->nresults);
        break;
    }
    case CW_OP_CALL_INDIRECT: {
        uint32_t ti = read_index(v, m->ntypes, "unknown type");
        uint32_t tab = read_table(v);
        if (!cw_rd_ok(&v->r)) return false;
        if (m->tables[tab].elem != CW_FUNCREF) return fail(v, "type mismatch");
        pop_expect(v, CW_I32);
        const cw_functype *t = &m->types[ti];
        pop_types(v, t->params, t->nparams);
        v->call_imm = ti;
        if (emitting(v)) emit_op(v, CW_OP_CALL_INDIRECT), emit(v, ti), emit(v, tab);
        push_types(v, t->results, t->nresults);
        break;
    }
    case CW_OP_DROP: {
        uint8_t t = pop(v);
        if (emitting(v)) emit_op(v, for_type(CW_OP_DROP, t));
        break;
    }
    case CW_OP_SELECT:
    case CW_OP_SELECT_T: {
        uint8_t want = UNKNOWN;
        if (op == CW_OP_SELECT_T) {
            uint32_t n = cw_rd_u32(&v->r);
            if (!cw_rd_ok(&v->r)) return false;
            if (n != 1) return fail(v, "invalid result arity");
            want = cw_rd_u8(&v->r);
            if (cw_rd_ok(&v->r) && !is_num(want) && !is_ref(want)) return cw_rd_fail(&v->r, "malformed value type");
        }
        pop_expect(v, CW_I32);
        uint8_t b = pop_expect(v, want);
        uint8_t a = pop_expect(v, want);
        if (op == CW_OP_SELECT) {
            if ((a != UNKNOWN && !is_num(a)) || (b != UNKNOWN && !is_num(b))) return fail(v, "type mismatch");
            if (a != b && a != UNKNOWN && b != UNKNOWN) return fail(v, "type mismatch");
            want = a == UNKNOWN ? b : a;
        }
        push(v, want);
        if (emitting(v)) emit_op(v, for_type(CW_OP_SELECT, want));
        break;
    }
    case CW_OP_LOCAL_GET:
    case CW_OP_LOCAL_SET:
    case CW_OP_LOCAL_TEE: {
        uint32_t l = read_local(v);
        if (!cw_rd_ok(&v->r)) return false;
        uint8_t t = v->f->local_types[l];
        if (op != CW_OP_LOCAL_GET) pop_expect(v, t);
        if (op != CW_OP_LOCAL_SET) push(v, t);
        if (!emitting(v)) break;
        bool one_slot = cw_valtype_slots(t) == 1;
        if (v->fuse && op == CW_OP_LOCAL_GET && one_slot) {
            fold(v, true, v->f->local_slot[l]);
            break;
        }
        if (v->fuse && op != CW_OP_LOCAL_GET && one_slot) {
            /* local.tee is local.set then local.get, and the get folds into what follows. */
            uint32_t slot = v->f->local_slot[l];
            if (!fold_local_set(v, slot) && !fold_load_set(v, slot) && !set_from_folded(v, slot)) {
                flush(v);
                emit_op(v, CW_OP_LOCAL_SET), emit(v, slot);
            }
            if (op == CW_OP_LOCAL_TEE) fold(v, true, slot);
            break;
        }
        flush(v);
        emit_op(v, for_type((enum cw_op)op, t)), emit(v, v->f->local_slot[l]);
        break;
    }
    case CW_OP_GLOBAL_GET:
    case CW_OP_GLOBAL_SET: {
        uint32_t g = read_index(v, m->nglobals, "unknown global");
        if (!cw_rd_ok(&v->r)) return false;
        if (op == CW_OP_GLOBAL_SET) {
            if (!m->globals[g].mut) return fail(v, "global is immutable");
            pop_expect(v, m->globals[g].type);
        } else {
            push(v, m->globals[g].type);
        }
        if (emitting(v)) emit_op(v, for_type((enum cw_op)op, m->globals[g].type)), emit(v, g);
        break;
    }
    case CW_OP_TABLE_GET:
    case CW_OP_TABLE_SET: {
        uint32_t t = read_table(v);
        if (!cw_rd_ok(&v->r)) return false;
        if (op == CW_OP_TABLE_SET) pop_expect(v, m->tables[t].elem);
        pop_expect(v, CW_I32);
        if (op == CW_OP_TABLE_GET) push(v, m->tables[t].elem);
        if (emitting(v)) emit_op(v, (enum cw_op)op), emit(v, t);
        break;
    }
    case CW_OP_MEMORY_SIZE:
    case CW_OP_MEMORY_GROW:
        read_zero_byte(v);
        need_memory(v);
        if (op == CW_OP_MEMORY_GROW) pop_expect(v, CW_I32);
        push(v, CW_I32);
        if (emitting(v)) emit_op(v, (enum cw_op)op);
        break;
    case CW_OP_I32_CONST:
    case CW_OP_I64_CONST:
    case CW_OP_F32_CONST:
    case CW_OP_F64_CONST: {
        uint64_t bits;
        uint8_t t;
        switch (op) {
        case CW_OP_I32_CONST: bits = (uint32_t)cw_rd_s32(&v->r), t = CW_I32; break;
        case CW_OP_I64_CONST: bits = (uint64_t)cw_rd_s64(&v->r), t = CW_I64; break;
        case CW_OP_F32_CONST: bits = cw_rd_fixed32(&v->r), t = CW_F32; break;
        default: bits = cw_rd_fixed64(&v->r), t = CW_F64; break;
        }
        push(v, t);
        if (emitting(v) && v->fuse) {
            fold(v, false, bits);
        } else if (emitting(v)) {
            /* One internal const op for all: the slot's 64 bits. */
            emit_op(v, CW_OP_I64_CONST);
            emit_value(v, bits, 2);
        }
        break;
    }
    case CW_OP_REF_NULL: {
        uint8_t t = cw_rd_u8(&v->r);
        if (cw_rd_ok(&v->r) && !is_ref(t)) return cw_rd_fail(&v->r, "malformed reference type");
        push(v, t);
        if (emitting(v)) emit_op(v, CW_OP_I64_CONST), emit(v, 0), emit(v, 0);
        break;
    }
    case CW_OP_REF_IS_NULL: {
        uint8_t t = pop(v);
        if (t != UNKNOWN && !is_ref(t)) return fail(v, "type mismatch");
        push(v, CW_I32);
        if (emitting(v)) emit_op(v, CW_OP_REF_IS_NULL);
        break;
    }
    case CW_OP_REF_FUNC: {
        uint32_t fi = read_index(v, m->nfuncs, "unknown function");
        if (!cw_rd_ok(&v->r)) return false;
        if (!m->declared_funcs[fi]) return fail(v, "undeclared function reference");
        push(v, CW_FUNCREF);
        if (emitting(v)) emit_op(v, CW_OP_REF_FUNC), emit(v, fi);
        break;
    }
    case CW_OP_MEMORY_INIT: {
        uint32_t d = read_data_index(v);
        read_zero_byte(v);
        need_memory(v);
        pop_expect(v, CW_I32), pop_expect(v, CW_I32), pop_expect(v, CW_I32);
        if (emitting(v)) emit_op(v, CW_OP_MEMORY_INIT), emit(v, d);
        break;
    }
    case CW_OP_DATA_DROP: {
        uint32_t d = read_data_index(v);
        if (emitting(v)) emit_op(v, CW_OP_DATA_DROP), emit(v, d);
        break;
    }
    case CW_OP_MEMORY_COPY:
    case CW_OP_MEMORY_FILL:
        read_zero_byte(v);
        if (op == CW_OP_MEMORY_COPY) read_zero_byte(v);
        need_memory(v);
        pop_expect(v, CW_I32), pop_expect(v, CW_I32), pop_expect(v, CW_I32);
        if (emitting(v)) emit_op(v, (enum cw_op)op);
        break;
    case CW_OP_TABLE_INIT: {
        uint32_t e = read_index(v, m->nelems, "unknown elem segment");
        uint32_t t = read_table(v);
        if (!cw_rd_ok(&v->r)) return false;
        if (m->elems[e].type != m->tables[t].elem) return fail(v, "type mismatch");
        pop_expect(v, CW_I32), pop_expect(v, CW_I32), pop_expect(v, CW_I32);
        if (emitting(v)) emit_op(v, CW_OP_TABLE_INIT), emit(v, e), emit(v, t);
        break;
    }
    case CW_OP_ELEM_DROP: {
        uint32_t e = read_index(v, m->nelems, "unknown elem segment");
        if (emitting(v)) emit_op(v, CW_OP_ELEM_DROP), emit(v, e);
        break;
    }
    case CW_OP_TABLE_COPY: {
        uint32_t dst = read_table(v);
        uint32_t src = read_table(v);
        if (!cw_rd_ok(&v->r)) return false;
        if (m->tables[dst].elem != m->tables[src].elem) return fail(v, "type mismatch");
        pop_expect(v, CW_I32), pop_expect(v, CW_I32), pop_expect(v, CW_I32);
        if (emitting(v)) emit_op(v, CW_OP_TABLE_COPY), emit(v, dst), emit(v, src);
        break;
    }
    case CW_OP_TABLE_GROW:
    case CW_OP_TABLE_SIZE:
    case CW_OP_TABLE_FILL: {
        uint32_t t = read_table(v);
        if (!cw_rd_ok(&v->r)) return false;
        if (op != CW_OP_TABLE_SIZE) pop_expect(v, CW_I32), pop_expect(v, m->tables[t].elem); /* n, value */
        if (op == CW_OP_TABLE_FILL) pop_expect(v, CW_I32);                                   /* index */
        if (op != CW_OP_TABLE_FILL) push(v, CW_I32);
        if (emitting(v)) emit_op(v, (enum cw_op)op), emit(v, t);
        break;
    }
    default:
        return compile_simd(v, op);
    }
    return cw_rd_ok(&v->r);
}

/* Runs the body until its end, or until the instruction at byte offset `stop` (true then). */
static bool run_body(vstate *v, bool dry, uint32_t stop) {
    const cw_functype *t = v->f->type;
    push_ctrl(v, CW_OP_END, NULL, 0, t->results, t->nresults);
    if (v->nctrls) v->ctrls[0].dead = dry; /* a dry run only tracks types */
    v->prev_op = -1;
    while (v->nctrls > 0 && cw_rd_ok(&v->r)) {
        v->op_offset = cw_rd_offset(&v->r);
        if (v->op_offset == stop) return true;
        if (v->visit && !top(v)->unreachable) v->visit(v->visit_ctx, v->op_offset, v->vals, v->nvals);
        int op = read_op(v);
        if (op < 0) break;
        /* Folded operands are pushed before an op that cannot take them, so that the position
         * recorded for the op (a safe point, maybe) is where its own code starts. */
        if (!folds(v, op)) {
            /* A conditional jump takes its condition from a folded local.get itself. */
            bool cond = (op == CW_OP_BR_IF || op == CW_OP_IF) && v->nvirt && v->virt[v->nvirt - 1].is_local;
            flush_below(v, cond);
            /* Nothing may join a BIN op across another instruction, but a conditional jump. */
            if (op != CW_OP_BR_IF && op != CW_OP_IF) v->bin_end = UINT32_MAX;
        }
        if (op != CW_OP_LOCAL_SET && op != CW_OP_LOCAL_TEE) v->ld_end = UINT32_MAX;
        if (emitting(v)) record_pc(v);
        compile_op(v, op);
        v->prev_op = op;
    }
    if (cw_rd_ok(&v->r) && v->nctrls > 0) cw_rd_fail(&v->r, "unexpected end");
    if (cw_rd_ok(&v->r) && v->r.p != v->r.end) cw_rd_fail(&v->r, "section size mismatch");
    return false;
}

bool cw_validate_func(cw_module *m, uint32_t fi, cw_error *err) {
    cw_funcdef *f = &m->funcs[fi];
    const uint8_t *body = m->bytes + f->body_offset;
    vstate v = {.m = m, .f = f, .r = {body, body + f->body_len, m->bytes, err}, .fuse = !m->traceable,
                .bin_end = UINT32_MAX,
                .ld_end = UINT32_MAX};
    uint32_t slot = 0;
    for (uint32_t i = 0; i < f->nlocals; i++) {
        f->local_slot[i] = slot;
        slot += cw_valtype_slots(f->local_types[i]);
        if (i + 1 == f->type->nparams) f->param_slots = slot;
    }
    f->local_slots = slot;
    f->result_slots = cw_types_slots(f->type->results, f->type->nresults);
    f->code_start = code_pos(&v);
    v.slots = v.max_slots = slot;
    run_body(&v, false, UINT32_MAX);
    f->max_slots = v.max_slots;
    free(v.vals);
    free(v.ctrls);
    return cw_rd_ok(&v.r);
}

/* A dry run of function fi's body that writes nothing to the module. */
static bool dry_run(const cw_module *m, uint32_t fi, uint32_t stop, cw_stack_visit visit, void *ctx, vstate *v,
                    cw_error *err) {
    const cw_funcdef *f = &m->funcs[fi];
    const uint8_t *body = m->bytes + f->body_offset;
    *v = (vstate){.m = (cw_module *)m, .f = (cw_funcdef *)f, .r = {body, body + f->body_len, m->bytes, err},
                  .visit = visit, .visit_ctx = ctx};
    v->slots = f->local_slots;
    return run_body(v, true, stop);
}

bool cw_stack_at(const cw_module *m, uint32_t fi, uint32_t offset, cw_stackinfo *out) {
    cw_error err = {0};
    vstate v;
    bool found = dry_run(m, fi, offset, NULL, NULL, &v, &err) && !v.ctrls[v.nctrls - 1].unreachable;
    if (found) {
        out->types = v.vals;
        out->ntypes = v.nvals;
        out->prev_op = v.prev_op;
        out->call_imm = v.call_imm;
        v.vals = NULL;
    }
    free(v.vals);
    free(v.ctrls);
    return found;
}

void cw_stack_walk(const cw_module *m, uint32_t fi, cw_stack_visit visit, void *ctx) {
    cw_error err = {0};
    vstate v;
    dry_run(m, fi, UINT32_MAX, visit, ctx, &v, &err);
    free(v.vals);
    free(v.ctrls);
}
