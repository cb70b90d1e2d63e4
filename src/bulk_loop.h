/* The scalar cases of the aside loop (run_aside in interp.c, which includes this inside its switch and
 * provides pc, sp, mem, memsize, inst, TRAP and NEXT): bulk memory and table instructions, and the
 * conversions that trap. Rare in hot code, and kept out of the main loop to keep it small. */

#define X_UNT(ID, code_, name, P, R, check, expr) \
    CASE(ID) {                                    \
        CW_CT_##P a = CW_GET_##P(sp[-1]);         \
        const char *t_ = check;                   \
        if (t_) TRAP(t_);                         \
        sp[-1] = CW_PUT_##R(expr);                \
        NEXT;                                     \
    }
#define X_S(ID, ...)
CW_OPCODES(X_S, X_S, X_S, X_UNT, X_S, X_S, X_S)
#undef X_S
#undef X_UNT

CASE(TABLE_GET) {
    cw_table *t = inst->tables[*pc++];
    uint32_t i = (uint32_t)sp[-1];
    if (i >= t->size) TRAP(TRAP_TABLE);
    sp[-1] = t->elems[i];
    NEXT;
}
CASE(TABLE_SET) {
    cw_table *t = inst->tables[*pc++];
    uint32_t i = (uint32_t)sp[-2];
    if (i >= t->size) TRAP(TRAP_TABLE);
    t->elems[i] = sp[-1];
    sp -= 2;
    NEXT;
}
CASE(MEMORY_GROW) {
    uint64_t old = memsize / CW_PAGE_SIZE;
    sp[-1] = cw_memory_grow(inst->mems[0], (uint32_t)sp[-1]) ? old : 0xffffffffu;
    mem = inst->mems[0]->data;
    memsize = inst->mems[0]->size;
    NEXT;
}
CASE(MEMORY_INIT) {
    const char *t = cw_memory_init(inst, *pc++, (uint32_t)sp[-3], (uint32_t)sp[-2], (uint32_t)sp[-1]);
    if (t) TRAP(t);
    sp -= 3;
    NEXT;
}
CASE(DATA_DROP)
    inst->data_dropped[*pc++] = true;
    NEXT;
CASE(MEMORY_COPY) {
    uint64_t d = (uint32_t)sp[-3], src = (uint32_t)sp[-2], n = (uint32_t)sp[-1];
    if (src + n > memsize || d + n > memsize) TRAP(TRAP_MEMORY);
    memmove(mem + d, mem + src, n);
    sp -= 3;
    NEXT;
}
CASE(MEMORY_FILL) {
    uint64_t d = (uint32_t)sp[-3], n = (uint32_t)sp[-1];
    if (d + n > memsize) TRAP(TRAP_MEMORY);
    memset(mem + d, (uint8_t)sp[-2], n);
    sp -= 3;
    NEXT;
}
CASE(TABLE_INIT) {
    const char *t = cw_table_init(inst, pc[1], pc[0], (uint32_t)sp[-3], (uint32_t)sp[-2], (uint32_t)sp[-1]);
    if (t) TRAP(t);
    pc += 2;
    sp -= 3;
    NEXT;
}
CASE(ELEM_DROP)
    inst->elem_dropped[*pc++] = true;
    NEXT;
CASE(TABLE_COPY) {
    cw_table *td = inst->tables[pc[0]], *ts = inst->tables[pc[1]];
    uint64_t d = (uint32_t)sp[-3], src = (uint32_t)sp[-2], n = (uint32_t)sp[-1];
    if (src + n > ts->size || d + n > td->size) TRAP(TRAP_TABLE);
    memmove(td->elems + d, ts->elems + src, n * sizeof *td->elems);
    pc += 2;
    sp -= 3;
    NEXT;
}
CASE(TABLE_GROW) {
    cw_table *t = inst->tables[*pc++];
    uint32_t old = t->size;
    bool ok = cw_table_grow(t, (uint32_t)sp[-1], sp[-2]);
    sp--;
    sp[-1] = ok ? old : 0xffffffffu;
    NEXT;
}
CASE(TABLE_SIZE)
    *sp++ = inst->tables[*pc++]->size;
    NEXT;
CASE(TABLE_FILL) {
    cw_table *t = inst->tables[*pc++];
    uint64_t d = (uint32_t)sp[-3], v = sp[-2], n = (uint32_t)sp[-1];
    if (d + n > t->size) TRAP(TRAP_TABLE);
    for (uint64_t i = 0; i < n; i++) t->elems[d + i] = v;
    sp -= 3;
    NEXT;
}
