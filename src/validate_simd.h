/* The validator's SIMD rules, included by validate.c (they use its operand stack and emitter):
 * operand types and immediates for each kind of opcodes_simd.h, v128.const and i8x16.shuffle,
 * and the two-slot forms of the generic instructions for v128 operands.
 * Emitted code: the op, then the memarg offset (memory kinds), then the lane index (lane kinds);
 * v128.const and i8x16.shuffle carry their 16 immediate bytes as four little-endian words. */
#include "simd.h"

typedef struct simd_rule {
    bool simd;      /* an entry of a SIMD kind */
    uint8_t top;    /* scalar popped first (shift count, replacement, splat), or 0 */
    uint8_t nvec;   /* v128 operands popped next */
    uint8_t result; /* type pushed, or 0 */
    uint8_t size;   /* a memarg follows, for an access of this many bytes (an i32 address is popped last) */
    uint8_t lanes;  /* a lane index below this follows */
} simd_rule;

#define R_S(ID, ...)
#define R_UN(ID, ...) [CW_OP_##ID] = {true, 0, 1, CW_V128, 0, 0},
#define R_BIN(ID, ...) [CW_OP_##ID] = {true, 0, 2, CW_V128, 0, 0},
#define R_SHIFT(ID, ...) [CW_OP_##ID] = {true, CW_I32, 1, CW_V128, 0, 0},
#define R_MAP(ID, code, name, N, ...) [CW_OP_##ID] = {true, 0, N, CW_V128, 0, 0},
#define R_TEST(ID, ...) [CW_OP_##ID] = {true, 0, 1, CW_I32, 0, 0},
#define R_SPLAT(ID, code, name, P, SH) [CW_OP_##ID] = {true, CW_VT_##P, 0, CW_V128, 0, 0},
#define R_EXTRACT(ID, code, name, SH, R, ...) [CW_OP_##ID] = {true, 0, 1, CW_VT_##R, 0, CW_LANES_##SH},
#define R_REPLACE(ID, code, name, SH, P) [CW_OP_##ID] = {true, CW_VT_##P, 1, CW_V128, 0, CW_LANES_##SH},
#define R_LD(ID, code, name, size, ...) [CW_OP_##ID] = {true, 0, 0, CW_V128, size, 0},
#define R_LDLANE(ID, code, name, SH) [CW_OP_##ID] = {true, 0, 1, CW_V128, CW_LANE_BITS(SH) / 8, CW_LANES_##SH},
#define R_ST(ID, ...) [CW_OP_##ID] = {true, 0, 1, 0, 16, 0},
#define R_STLANE(ID, code, name, SH) [CW_OP_##ID] = {true, 0, 1, 0, CW_LANE_BITS(SH) / 8, CW_LANES_##SH},
static const simd_rule simd_rules[CW_OP_COUNT] = {
    CW_OPCODES_SIMD(R_S, R_UN, R_BIN, R_SHIFT, R_MAP, R_TEST, R_SPLAT, R_EXTRACT, R_REPLACE, R_LD, R_LDLANE, R_ST,
                    R_STLANE)};
#undef R_S
#undef R_UN
#undef R_BIN
#undef R_SHIFT
#undef R_MAP
#undef R_TEST
#undef R_SPLAT
#undef R_EXTRACT
#undef R_REPLACE
#undef R_LD
#undef R_LDLANE
#undef R_ST
#undef R_STLANE

/* Reads 16 immediate bytes and emits them as four words. */
static void bytes16(vstate *v, uint8_t out[16]) {
    const uint8_t *b = cw_rd_bytes(&v->r, 16);
    if (!b) return;
    memcpy(out, b, 16);
    if (!emitting(v)) return;
    for (int k = 0; k < 16; k += 4)
        emit(v, (uint32_t)b[k] | (uint32_t)b[k + 1] << 8 | (uint32_t)b[k + 2] << 16 | (uint32_t)b[k + 3] << 24);
}

static bool compile_simd(vstate *v, int op) {
    uint8_t imm[16];
    if (op == CW_OP_V128_CONST || op == CW_OP_I8X16_SHUFFLE) {
        bool shuffle = op == CW_OP_I8X16_SHUFFLE;
        if (emitting(v)) emit_op(v, (enum cw_op)op);
        bytes16(v, imm);
        for (int k = 0; shuffle && k < 16 && cw_rd_ok(&v->r); k++)
            if (imm[k] >= 32) return fail(v, "invalid lane index");
        if (shuffle) pop_expect(v, CW_V128), pop_expect(v, CW_V128);
        push(v, CW_V128);
        return cw_rd_ok(&v->r);
    }
    const simd_rule *s = &simd_rules[op];
    if (!s->simd) return cw_rd_fail(&v->r, "illegal opcode");
    if (s->size) memarg(v, s->size, (enum cw_op)op, (enum cw_op)0); /* emits the op and the offset */
    else if (emitting(v)) emit_op(v, (enum cw_op)op);
    if (s->lanes) {
        uint8_t lane = cw_rd_u8(&v->r);
        if (cw_rd_ok(&v->r) && lane >= s->lanes) return fail(v, "invalid lane index");
        if (emitting(v)) emit(v, lane);
    }
    if (s->top) pop_expect(v, s->top);
    for (uint8_t k = 0; k < s->nvec; k++) pop_expect(v, CW_V128);
    if (s->size) pop_expect(v, CW_I32);
    if (s->result) push(v, s->result);
    return cw_rd_ok(&v->r);
}

/* The op to emit for a generic instruction whose operand (or local, global) has type t. */
static enum cw_op for_type(enum cw_op op, uint8_t t) {
    if (t != CW_V128) return op;
    switch (op) {
    case CW_OP_LOCAL_GET: return CW_OP_LOCAL_GET_V128;
    case CW_OP_LOCAL_SET: return CW_OP_LOCAL_SET_V128;
    case CW_OP_LOCAL_TEE: return CW_OP_LOCAL_TEE_V128;
    case CW_OP_GLOBAL_GET: return CW_OP_GLOBAL_GET_V128;
    case CW_OP_GLOBAL_SET: return CW_OP_GLOBAL_SET_V128;
    case CW_OP_DROP: return CW_OP_DROP_V128;
    case CW_OP_SELECT: return CW_OP_SELECT_V128;
    default: return op;
    }
}
