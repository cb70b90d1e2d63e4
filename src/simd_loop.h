/* The SIMD cases of the aside loop, included inside its switch by run_aside in interp.c (so they use
 * its pc, sp, fp, mem, memsize, inst, TRAP and NEXT). Bodies are generated from the kinds of
 * opcodes_simd.h; immediates are laid out as validate_simd.h emits them. A v128 operand is two
 * slots, low half first. */

#define LANES(R, expr)                                                        \
    for (int i = 0; i < CW_LANES_##R; i++) r.R[i] = CW_LPUT_##R(expr)
/* Bounds check of a memory access of n bytes at the address in slot `at` plus the offset. */
#define SIMD_EA(at, n)                                                        \
    uint64_t ea = (uint64_t)(uint32_t)(at) + *pc++;                           \
    if (ea + (n) > memsize) TRAP(TRAP_MEMORY)

#define X_VUN(ID, code_, name, P, R, expr)                                    \
    CASE(ID) {                                                                \
        cw_v128 x = cw_v128_get(sp - 2), r;                                   \
        for (int i = 0; i < CW_LANES_##R; i++) {                              \
            CW_LCT_##P a = CW_LGET_##P(x.P[i]);                               \
            r.R[i] = CW_LPUT_##R(expr);                                       \
        }                                                                     \
        cw_v128_put(sp - 2, r);                                               \
        NEXT;                                                                 \
    }
#define X_VBIN(ID, code_, name, P, R, expr)                                   \
    CASE(ID) {                                                                \
        cw_v128 x = cw_v128_get(sp - 4), y = cw_v128_get(sp - 2), r;          \
        for (int i = 0; i < CW_LANES_##R; i++) {                              \
            CW_LCT_##P a = CW_LGET_##P(x.P[i]), b = CW_LGET_##P(y.P[i]);      \
            r.R[i] = CW_LPUT_##R(expr);                                       \
        }                                                                     \
        sp -= 2;                                                              \
        cw_v128_put(sp - 2, r);                                               \
        NEXT;                                                                 \
    }
#define X_VSHIFT(ID, code_, name, SH, expr)                                   \
    CASE(ID) {                                                                \
        uint32_t b = (uint32_t)*--sp & (CW_LANE_BITS(SH) - 1);                \
        cw_v128 x = cw_v128_get(sp - 2), r;                                   \
        for (int i = 0; i < CW_LANES_##SH; i++) {                             \
            CW_LCT_##SH a = CW_LGET_##SH(x.SH[i]);                            \
            r.SH[i] = CW_LPUT_##SH(expr);                                     \
        }                                                                     \
        cw_v128_put(sp - 2, r);                                               \
        NEXT;                                                                 \
    }
#define X_VMAP(ID, code_, name, N, R, expr)                                   \
    CASE(ID) {                                                                \
        sp -= 2 * (N);                                                        \
        /* operands a b c; with fewer, b and c repeat a and go unused */       \
        cw_v128 a = cw_v128_get(sp), b = cw_v128_get(sp + ((N) > 1 ? 2 : 0)), \
                c = cw_v128_get(sp + ((N) > 2 ? 4 : 0)), r;                   \
        (void)b, (void)c;                                                     \
        LANES(R, expr);                                                       \
        cw_v128_put(sp, r);                                                   \
        sp += 2;                                                              \
        NEXT;                                                                 \
    }
#define X_VTEST(ID, code_, name, expr)                                        \
    CASE(ID) {                                                                \
        cw_v128 a = cw_v128_get(sp - 2);                                      \
        sp--;                                                                 \
        sp[-1] = CW_PUT_i32(expr);                                            \
        NEXT;                                                                 \
    }
#define X_VSPLAT(ID, code_, name, P, SH)                                      \
    CASE(ID) {                                                                \
        cw_v128 r;                                                            \
        CW_CT_##P a = CW_GET_##P(sp[-1]);                                     \
        LANES(SH, a);                                                         \
        cw_v128_put(sp - 1, r);                                               \
        sp++;                                                                 \
        NEXT;                                                                 \
    }
#define X_VEXTRACT(ID, code_, name, SH, R, expr)                              \
    CASE(ID) {                                                                \
        cw_v128 x = cw_v128_get(sp - 2);                                      \
        CW_LCT_##SH a = x.SH[*pc++];                                          \
        sp--;                                                                 \
        sp[-1] = CW_PUT_##R(expr);                                            \
        NEXT;                                                                 \
    }
#define X_VREPLACE(ID, code_, name, SH, P)                                    \
    CASE(ID) {                                                                \
        cw_v128 r = cw_v128_get(sp - 3);                                      \
        r.SH[*pc++] = CW_LPUT_##SH(CW_GET_##P(sp[-1]));                       \
        sp--;                                                                 \
        cw_v128_put(sp - 2, r);                                               \
        NEXT;                                                                 \
    }
#define X_VLD(ID, code_, name, size, R, expr)                                 \
    CASE(ID) {                                                                \
        SIMD_EA(sp[-1], size);                                                \
        cw_v128 a = {{0}}, r;                                                 \
        memcpy(&a, mem + ea, size);                                           \
        LANES(R, expr);                                                       \
        cw_v128_put(sp - 1, r);                                               \
        sp++;                                                                 \
        NEXT;                                                                 \
    }
#define X_VLDLANE(ID, code_, name, SH)                                        \
    CASE(ID) {                                                                \
        SIMD_EA(sp[-3], CW_LANE_BITS(SH) / 8);                                \
        cw_v128 r = cw_v128_get(sp - 2);                                      \
        memcpy(&r.SH[*pc++], mem + ea, CW_LANE_BITS(SH) / 8);                 \
        sp--;                                                                 \
        cw_v128_put(sp - 2, r);                                               \
        NEXT;                                                                 \
    }
#define X_VST(ID, code_, name)                                                \
    CASE(ID) {                                                                \
        SIMD_EA(sp[-3], 16);                                                  \
        memcpy(mem + ea, sp - 2, 16);                                         \
        sp -= 3;                                                              \
        NEXT;                                                                 \
    }
#define X_VSTLANE(ID, code_, name, SH)                                        \
    CASE(ID) {                                                                \
        SIMD_EA(sp[-3], CW_LANE_BITS(SH) / 8);                                \
        cw_v128 x = cw_v128_get(sp - 2);                                      \
        memcpy(mem + ea, &x.SH[*pc++], CW_LANE_BITS(SH) / 8);                 \
        sp -= 3;                                                              \
        NEXT;                                                                 \
    }
#define X_VS(ID, ...)
    CW_OPCODES_SIMD(X_VS, X_VUN, X_VBIN, X_VSHIFT, X_VMAP, X_VTEST, X_VSPLAT, X_VEXTRACT, X_VREPLACE, X_VLD,
                    X_VLDLANE, X_VST, X_VSTLANE)
#undef X_VS
#undef X_VUN
#undef X_VBIN
#undef X_VSHIFT
#undef X_VMAP
#undef X_VTEST
#undef X_VSPLAT
#undef X_VEXTRACT
#undef X_VREPLACE
#undef X_VLD
#undef X_VLDLANE
#undef X_VST
#undef X_VSTLANE
#undef SIMD_EA
#undef LANES

CASE(V128_CONST)
    sp[0] = pc[0] | (uint64_t)pc[1] << 32;
    sp[1] = pc[2] | (uint64_t)pc[3] << 32;
    sp += 2;
    pc += 4;
    NEXT;
CASE(I8X16_SHUFFLE) {
    cw_v128 x = cw_v128_get(sp - 4), y = cw_v128_get(sp - 2), r;
    for (int i = 0; i < 16; i++) {
        uint32_t k = pc[i / 4] >> (8 * (i % 4)) & 0xff;
        r.i8x16[i] = k < 16 ? x.i8x16[k] : y.i8x16[k - 16];
    }
    pc += 4;
    sp -= 2;
    cw_v128_put(sp - 2, r);
    NEXT;
}
CASE(LOCAL_GET_V128)
    sp[0] = fp[*pc], sp[1] = fp[*pc + 1];
    sp += 2, pc++;
    NEXT;
CASE(LOCAL_SET_V128)
    sp -= 2;
    fp[*pc] = sp[0], fp[*pc + 1] = sp[1];
    pc++;
    NEXT;
CASE(LOCAL_TEE_V128)
    fp[*pc] = sp[-2], fp[*pc + 1] = sp[-1];
    pc++;
    NEXT;
CASE(GLOBAL_GET_V128) {
    const uint64_t *g = inst->globals[*pc++]->val;
    sp[0] = g[0], sp[1] = g[1];
    sp += 2;
    NEXT;
}
CASE(GLOBAL_SET_V128) {
    uint64_t *g = inst->globals[*pc++]->val;
    sp -= 2;
    g[0] = sp[0], g[1] = sp[1];
    NEXT;
}
CASE(DROP_V128)
    sp -= 2;
    NEXT;
CASE(SELECT_V128) {
    uint32_t c = (uint32_t)sp[-1];
    sp -= 3;
    if (!c) sp[-2] = sp[0], sp[-1] = sp[1];
    NEXT;
}
