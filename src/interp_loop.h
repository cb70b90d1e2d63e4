/* The interpreter loop, included twice by interp.c: CW_RUN is the function's name and CW_TRACED
 * says whether the trace hooks (CW_T_* macros from interp.c) are compiled in. One source, so the
 * traced and untraced interpreters cannot drift apart; the untraced one contains no trace code. */

/* Runs until the entry function returns, a trap, an exit, or CW_SLICE safe points have passed or the
 * poll is due (CW_SUSPENDED, state saved; run() decides whether to go on). With `callee` set, starts
 * by entering it with its arguments at the stack top; otherwise resumes the saved state. */
static cw_errkind CW_RUN(cw_store *s, cw_func *callee, cw_error *err) {
    cw_exec *ex = &s->exec;
    cw_func *fn = callee ? callee : ex->fn;
    cw_instance *inst = fn->inst;
    const uint32_t *code = inst->module->code;
    const uint32_t *pc = ex->pc;
    uint64_t *fp = ex->stack + ex->fp, *sp = ex->stack + ex->sp;
    uint8_t *mem = NULL;
    uint64_t memsize = 0;
    /* Resumed at a loop header, the loop passes it again: that pass is not counted twice. */
    const uint32_t slice = ex->countdown < CW_SLICE ? ex->countdown : CW_SLICE;
    uint32_t countdown = slice + (!callee && *pc == CW_OP_LOOP);
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
#if CW_CAN_THREAD && !CW_TRACED
    /* Each op ends with its own jump to the next op's code: one indirect jump per op, which the
     * host CPU predicts per op (one shared jump back to the switch predicts poorly). */
#define CW_EACH_OP(ID) [CW_OP_##ID] = &&L_##ID,
    static const void *const next_op[CW_OP_COUNT] = {CW_ALL_OPS};
#undef CW_EACH_OP
#define CASE(ID) case CW_OP_##ID: L_##ID:
#define DISPATCH goto *next_op[*pc++]
#define NEXT DISPATCH
#else
#define CASE(ID) case CW_OP_##ID:
#define DISPATCH continue
#define NEXT break
#endif

#define SAFE_POINT(resume_pc)                                  \
    do {                                                       \
        if (--countdown == 0) {                                \
            pc = (resume_pc);                                  \
            status = CW_SUSPENDED;                             \
            goto suspend;                                      \
        }                                                      \
    } while (0)

/* Jumps to code position `to`. A jump back is a loop's next iteration, a safe point: suspended
 * there, the run resumes at the loop's LOOP op, just before `to`. */
#define JUMP(to)                           \
    do {                                   \
        const uint32_t *to_ = code + (to); \
        bool back_ = to_ <= pc;            \
        pc = to_;                          \
        if (back_) goto back_edge;         \
    } while (0)

#if CW_TRACED
    /* A run suspended at a loop header already traced that instruction before stopping. */
    bool trace_skip = !callee && *pc == CW_OP_LOOP;
#endif
    LOAD_MEMORY();
    if (callee) {
        sp -= callee->def->param_slots;
        goto enter;
    }

    for (;;) {
#if CW_TRACED
        if (trace_skip) trace_skip = false;
        else cw_trace_step(s->trace, inst, fn, pc, fp, sp, mem, memsize);
#endif
        switch ((enum cw_op)*pc++) {
#define X_UN(ID, code_, name, P, R, expr) \
    CASE(ID) {                            \
        CW_CT_##P a = CW_GET_##P(sp[-1]);  \
        sp[-1] = CW_PUT_##R(expr);         \
        NEXT;                              \
    }
#define X_BIN(ID, code_, name, P, R, C, expr) \
    CASE(ID) {                             \
        CW_CT_##P b = CW_GET_##P(sp[-1]);   \
        CW_CT_##P a = CW_GET_##P(sp[-2]);   \
        sp--;                               \
        sp[-1] = CW_PUT_##R(expr);          \
        NEXT;                               \
    }
#define X_BINT(ID, code_, name, P, R, check, expr) \
    CASE(ID) {                                     \
        CW_CT_##P b = CW_GET_##P(sp[-1]);           \
        CW_CT_##P a = CW_GET_##P(sp[-2]);           \
        const char *t_ = check;                     \
        if (t_) TRAP(t_);                           \
        sp--;                                       \
        sp[-1] = CW_PUT_##R(expr);                  \
        NEXT;                                       \
    }
/* A load: the address (a u32), the offset and the words after them, and where the value goes. */
#define LOAD(R, MT, addr, offset, words, sink)                          \
    {                                                                   \
        uint64_t ea = (uint64_t)(addr) + (offset);                      \
        if (ea + sizeof(MT) > memsize) TRAP(TRAP_MEMORY);               \
        MT v;                                                           \
        memcpy(&v, mem + ea, sizeof v);                                 \
        sink = CW_PUT_##R((CW_CT_##R)v);                                \
        pc += (words);                                                  \
        NEXT;                                                           \
    }
#define ADDR_LK ((uint32_t)fp[pc[0]] + pc[1]) /* wraps as i32.add does */
#define X_LD(ID, code_, name, R, MT)                                              \
    CASE(ID) LOAD(R, MT, (uint32_t)sp[-1], pc[0], 1, sp[-1])                      \
    CASE(ID##_L) LOAD(R, MT, (uint32_t)fp[pc[0]], pc[1], 2, *sp++)                \
    CASE(ID##_LK) LOAD(R, MT, ADDR_LK, pc[2], 3, *sp++)                           \
    CASE(ID##_R_TO) LOAD(R, MT, (uint32_t)*--sp, pc[0], 2, fp[pc[1]])             \
    CASE(ID##_L_TO) LOAD(R, MT, (uint32_t)fp[pc[0]], pc[1], 3, fp[pc[2]])         \
    CASE(ID##_LK_TO) LOAD(R, MT, ADDR_LK, pc[2], 4, fp[pc[3]])
#define X_ST(ID, code_, name, P, MT)                        \
    CASE(ID) {                                              \
        uint64_t ea = (uint64_t)(uint32_t)sp[-2] + *pc++;    \
        if (ea + sizeof(MT) > memsize) TRAP(TRAP_MEMORY);    \
        MT v = (MT)CW_GET_##P(sp[-1]);                       \
        memcpy(mem + ea, &v, sizeof v);                      \
        sp -= 2;                                             \
        NEXT;                                                \
    }
/* The fused forms of a BIN op (opcodes.h). A form is a shape, where the operands come from (R: the
 * stack, L: a local fp[...], K: a constant in the code), and a sink, where the result goes: pushed,
 * written to a local (TO) or deciding a jump (JIF); the sink's word, if any, ends the op. */
#define IMM(P, p) CW_GET_##P(sizeof(CW_CT_##P) == 8 ? ((uint64_t)(p)[0] | (uint64_t)(p)[1] << 32) : (uint64_t)(p)[0])
#define IMMW(P) (sizeof(CW_CT_##P) / 4)
#define OPERANDS_RR(P) CW_CT_##P b = CW_GET_##P(sp[-1]), a = CW_GET_##P(sp[-2]); sp -= 2
#define OPERANDS_RK(P) CW_CT_##P b = IMM(P, pc), a = CW_GET_##P(sp[-1]); sp--, pc += IMMW(P)
#define OPERANDS_RL(P) CW_CT_##P b = CW_GET_##P(fp[pc[0]]), a = CW_GET_##P(sp[-1]); sp--, pc++
#define OPERANDS_LL(P) CW_CT_##P a = CW_GET_##P(fp[pc[0]]), b = CW_GET_##P(fp[pc[1]]); pc += 2
#define OPERANDS_LK(P) CW_CT_##P a = CW_GET_##P(fp[pc[0]]), b = IMM(P, pc + 1); pc += 1 + IMMW(P)
#define SINK_PUSH(R, expr) *sp++ = CW_PUT_##R(expr)
#define SINK_TO(R, expr) fp[*pc++] = CW_PUT_##R(expr)
#define SINK_JIF(R, expr) JUMP_IF(expr)
#define JUMP_IF(cond) \
    if (cond) JUMP(*pc); \
    else pc++
#define X_FORM_OF(ID, FORM, P, R, expr, SHAPE, SINK) \
    CASE(ID##_##FORM) {                              \
        OPERANDS_##SHAPE(P);                         \
        SINK_##SINK(R, expr);                        \
        NEXT;                                        \
    }
#define X_FORM_RK(ID, P, R, expr) X_FORM_OF(ID, RK, P, R, expr, RK, PUSH)
#define X_FORM_RL(ID, P, R, expr) X_FORM_OF(ID, RL, P, R, expr, RL, PUSH)
#define X_FORM_LL(ID, P, R, expr) X_FORM_OF(ID, LL, P, R, expr, LL, PUSH)
#define X_FORM_LK(ID, P, R, expr) X_FORM_OF(ID, LK, P, R, expr, LK, PUSH)
#define X_FORM_RR_TO(ID, P, R, expr) X_FORM_OF(ID, RR_TO, P, R, expr, RR, TO)
#define X_FORM_RK_TO(ID, P, R, expr) X_FORM_OF(ID, RK_TO, P, R, expr, RK, TO)
#define X_FORM_RL_TO(ID, P, R, expr) X_FORM_OF(ID, RL_TO, P, R, expr, RL, TO)
#define X_FORM_LL_TO(ID, P, R, expr) X_FORM_OF(ID, LL_TO, P, R, expr, LL, TO)
#define X_FORM_LK_TO(ID, P, R, expr) X_FORM_OF(ID, LK_TO, P, R, expr, LK, TO)
#define X_FORM_RK_JIF(ID, P, R, expr) X_FORM_OF(ID, RK_JIF, P, R, expr, RK, JIF)
#define X_FORM_LL_JIF(ID, P, R, expr) X_FORM_OF(ID, LL_JIF, P, R, expr, LL, JIF)
#define X_FORM_LK_JIF(ID, P, R, expr) X_FORM_OF(ID, LK_JIF, P, R, expr, LK, JIF)
#define X_FORM(FORM, ID, P, R, expr) X_FORM_##FORM(ID, P, R, expr)
#define X_FUSED(ID, code_, name, P, R, C, expr) CW_FORMS_##C(X_FORM, ID, P, R, expr)
#define X_S(ID, ...)
            CW_OPCODES(X_S, X_UN, X_BIN, X_S, X_BINT, X_LD, X_ST)
            CW_OPCODES(X_S, X_S, X_FUSED, X_S, X_S, X_S, X_S)
#undef LOAD
#undef ADDR_LK
#undef X_FORM_RK
#undef X_FORM_RL
#undef X_FORM_LL
#undef X_FORM_LK
#undef X_FORM_RR_TO
#undef X_FORM_RK_TO
#undef X_FORM_RL_TO
#undef X_FORM_LL_TO
#undef X_FORM_LK_TO
#undef X_FORM_RK_JIF
#undef X_FORM_LL_JIF
#undef X_FORM_LK_JIF
#undef X_FORM_OF
#undef X_FORM
#undef OPERANDS_RR
#undef OPERANDS_RK
#undef OPERANDS_RL
#undef OPERANDS_LL
#undef OPERANDS_LK
#undef SINK_PUSH
#undef SINK_TO
#undef SINK_JIF
#undef X_FUSED
#undef IMM
#undef IMMW
#undef X_S
#undef X_UN
#undef X_BIN
#undef X_BINT
#undef X_LD
#undef X_ST

        CASE(UNREACHABLE)
            TRAP("unreachable");
        CASE(LOOP)
            SAFE_POINT(pc - 1);
            NEXT;
        CASE(JMP)
            JUMP(*pc);
            NEXT;
        CASE(JMP_IF)
            JUMP_IF((uint32_t)*--sp);
            NEXT;
        CASE(JMP_UNLESS)
            JUMP_IF(!(uint32_t)*--sp);
            NEXT;
        CASE(BR_IF_MOVE)
            if ((uint32_t)*--sp) goto branch;
            pc += 3;
            NEXT;
        CASE(BR) {
        branch:;
            uint32_t keep = pc[2];
            uint64_t *dst = fp + pc[1];
            for (uint32_t i = 0; i < keep; i++) dst[i] = (sp - keep)[i]; /* dst <= source: forward is safe */
            sp = dst + keep;
            JUMP(pc[0]);
            NEXT;
        }
        CASE(BR_TABLE) {
            uint32_t n = *pc++;
            uint32_t i = (uint32_t)*--sp;
            pc += 3 * (i < n ? i : n);
            goto branch;
        }
        CASE(RETURN) {
            uint32_t nres = fn->def->result_slots;
            for (uint32_t i = 0; i < nres; i++) fp[i] = (sp - nres)[i]; /* a call to memmove costs more here */
            sp = fp + nres;
            cw_frame *f = &ex->frames[--ex->nframes];
            if (!f->fn) {
                status = CW_OK;
                goto finish;
            }
            fn = f->fn;
            pc = f->ret_pc;
            fp = ex->stack + f->fp;
            if (fn->inst != inst) { /* within one instance, mem and memsize are already current */
                inst = fn->inst;
                code = inst->module->code;
                LOAD_MEMORY();
            }
            NEXT;
        }
        CASE(CALL)
            callee = inst->funcs[*pc++];
            goto call;
        CASE(CALL_INDIRECT) {
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
        CASE(DROP)
            sp--;
            NEXT;
        CASE(SELECT) {
            uint32_t c = (uint32_t)sp[-1];
            sp -= 2;
            if (!c) sp[-1] = sp[0];
            NEXT;
        }
        CASE(LOCAL_GET)
            *sp++ = fp[*pc++];
            NEXT;
        CASE(LOCAL_SET)
            fp[*pc++] = *--sp;
            NEXT;
        CASE(LOCAL_COPY)
            fp[pc[1]] = fp[pc[0]];
            pc += 2;
            NEXT;
        CASE(LOCAL_SET_K)
            fp[pc[0]] = pc[1] | (uint64_t)pc[2] << 32;
            pc += 3;
            NEXT;
        CASE(LOCAL_GET2)
            sp[0] = fp[pc[0]], sp[1] = fp[pc[1]];
            sp += 2, pc += 2;
            NEXT;
        CASE(JMP_IF_L)
            pc++;
            JUMP_IF((uint32_t)fp[pc[-1]]);
            NEXT;
        CASE(JMP_UNLESS_L)
            pc++;
            JUMP_IF(!(uint32_t)fp[pc[-1]]);
            NEXT;
        CASE(LOCAL_TEE)
            fp[*pc++] = sp[-1];
            NEXT;
        CASE(GLOBAL_GET)
            *sp++ = inst->globals[*pc++]->val[0];
            NEXT;
        CASE(GLOBAL_SET)
            inst->globals[*pc++]->val[0] = *--sp;
            NEXT;
        CASE(MEMORY_SIZE)
            *sp++ = memsize / CW_PAGE_SIZE;
            NEXT;
        CASE(I64_CONST)
            *sp++ = pc[0] | (uint64_t)pc[1] << 32;
            pc += 2;
            NEXT;
        CASE(REF_IS_NULL)
            sp[-1] = sp[-1] == 0;
            NEXT;
        CASE(REF_FUNC)
            *sp++ = (uint64_t)(uintptr_t)inst->funcs[*pc++];
            NEXT;
#define X_ASIDE(ID, ...) CASE(ID)
        CW_ASIDE_OPS(X_ASIDE) {
#undef X_ASIDE
            cw_aside_regs r = {pc - 1, sp};
            const char *t = run_aside(&r, CW_TRACED, fp, mem, memsize, inst);
            pc = r.pc;
            sp = r.sp;
            LOAD_MEMORY(); /* memory.grow may have moved it */
            if (t) TRAP(t);
            NEXT;
        }
        default:
#if CW_CAN_THREAD && !CW_TRACED
        /* The validator compiles these away (constants become I64_CONST, blocks become jumps). */
        L_NOP: L_BLOCK: L_IF: L_ELSE: L_END: L_BR_IF: L_SELECT_T: L_I32_CONST: L_F32_CONST: L_F64_CONST: L_REF_NULL:
#endif
            TRAP("internal error: bad opcode");
        }
        DISPATCH;

    back_edge:
        SAFE_POINT(pc - 1);
        DISPATCH;

    call:
        if (callee->host) {
            uint64_t *args = sp - cw_types_slots(callee->type->params, callee->type->nparams);
            const char *t = call_host(callee, inst, args);
            if (t) TRAP(t);
#if CW_TRACED
            cw_trace_host_return(s->trace, inst, callee, args);
#endif
            sp = args + cw_types_slots(callee->type->results, callee->type->nresults);
            LOAD_MEMORY();
            DISPATCH;
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
        for (uint32_t i = d->param_slots; i < d->local_slots; i++) fp[i] = 0;
        sp = fp + d->local_slots;
        fn = callee;
        if (fn->inst != inst) {
            inst = fn->inst;
            code = inst->module->code;
            LOAD_MEMORY();
        }
        pc = code + d->code_start;
        SAFE_POINT(pc);
        DISPATCH;
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
    ex->countdown -= slice - countdown;
    return status;
suspend:
    ex->fn = fn;
    ex->pc = pc;
    ex->fp = (uint32_t)(fp - ex->stack);
    ex->sp = (uint32_t)(sp - ex->stack);
    ex->countdown -= slice - countdown;
    return status;
#undef TRAP
#undef NEXT
#undef DISPATCH
#undef CASE
#undef LOAD_MEMORY
#undef SAFE_POINT
#undef JUMP
#undef JUMP_IF
}
