/* Decoder: module bytes -> struct cw_module, with the module-level validation rules
 * (index spaces, limits, constant expressions, exports). Function bodies are handed to the
 * validator as the code section is read. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opcodes.h"
#include "reader.h"

/* Resource caps so a small file cannot make us allocate gigabytes. Most counts are also checked
 * against the bytes left, but locals are run-length coded: a 7-byte body can declare 50000 of them,
 * each costing 5 bytes here, so they are capped per function and per module (80 MiB at most). */
#define MAX_VEC 1000000u
#define MAX_LOCALS 50000u
#define MAX_MODULE_LOCALS (16u << 20)

void cw_set_error(cw_error *err, cw_errkind kind, const char *fmt, ...) {
    err->kind = kind;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}

static bool invalid(cw_reader *r, const char *msg) {
    if (cw_rd_ok(r)) cw_set_error(r->err, CW_ERR_INVALID, "%s", msg);
    r->p = r->end;
    return false;
}

/* Vector length, checked against the bytes left so a huge count cannot allocate much. */
static uint32_t read_count(cw_reader *r, size_t min_elem_size) {
    uint32_t n = cw_rd_u32(r);
    if (n > MAX_VEC || (size_t)n * min_elem_size > (size_t)(r->end - r->p)) {
        if (cw_rd_ok(r)) cw_rd_fail(r, n > MAX_VEC ? "too many elements" : "unexpected end");
        return 0;
    }
    return n;
}

static void *alloc_array(cw_reader *r, size_t n, size_t size) {
    void *p = calloc(n ? n : 1, size);
    if (!p) cw_rd_fail(r, "out of memory");
    return p;
}

static bool is_valtype(uint8_t t) {
    return t == CW_I32 || t == CW_I64 || t == CW_F32 || t == CW_F64 || t == CW_V128 || t == CW_FUNCREF ||
           t == CW_EXTERNREF;
}

static uint8_t read_valtype(cw_reader *r) {
    uint8_t t = cw_rd_u8(r);
    if (cw_rd_ok(r) && !is_valtype(t)) cw_rd_fail(r, "malformed value type");
    return t;
}

static uint8_t read_reftype(cw_reader *r) {
    uint8_t t = cw_rd_u8(r);
    if (cw_rd_ok(r) && t != CW_FUNCREF && t != CW_EXTERNREF) cw_rd_fail(r, "malformed reference type");
    return t;
}

static cw_limits read_limits(cw_reader *r, uint32_t bound, const char *too_big) {
    cw_limits l = {0};
    uint8_t flags = cw_rd_u8(r);
    if (flags > 1) {
        cw_rd_fail(r, "integer too large");
        return l;
    }
    l.min = cw_rd_u32(r);
    l.has_max = flags == 1;
    if (l.has_max) l.max = cw_rd_u32(r);
    if (!cw_rd_ok(r)) return l;
    if (l.min > bound || (l.has_max && l.max > bound)) invalid(r, too_big);
    else if (l.has_max && l.max < l.min) invalid(r, "size minimum must not be greater than maximum");
    return l;
}

static cw_limits read_memtype(cw_reader *r) {
    return read_limits(r, CW_MAX_PAGES, "memory size must be at most 65536 pages (4GiB)");
}

static cw_tabletype read_tabletype(cw_reader *r) {
    cw_tabletype t;
    t.elem = read_reftype(r);
    t.lim = read_limits(r, CW_MAX_TABLE, "table size");
    return t;
}

static cw_globaltype read_globaltype(cw_reader *r) {
    cw_globaltype g;
    g.type = read_valtype(r);
    uint8_t mut = cw_rd_u8(r);
    if (cw_rd_ok(r) && mut > 1) cw_rd_fail(r, "malformed mutability");
    g.mut = mut == 1;
    return g;
}

static void declare_func(cw_module *m, uint32_t idx) {
    if (idx < m->nfuncs) m->declared_funcs[idx] = true;
}

/* Reads a constant expression of the given type. Wasm 2.0: one instruction and `end`;
 * global.get may name only imported immutable globals. */
static cw_constexpr read_constexpr(cw_reader *r, cw_module *m, uint8_t want) {
    cw_constexpr c = {0};
    uint8_t type = 0;
    uint32_t count = 0;
    for (;;) {
        uint8_t b = cw_rd_u8(r);
        if (!cw_rd_ok(r)) return c;
        if (b == 0x0b) break;
        count++;
        switch (b) {
        case 0x41: c.op = CW_OP_I32_CONST, type = CW_I32, c.value = (uint32_t)cw_rd_s32(r); break;
        case 0x42: c.op = CW_OP_I64_CONST, type = CW_I64, c.value = (uint64_t)cw_rd_s64(r); break;
        case 0x43: c.op = CW_OP_F32_CONST, type = CW_F32, c.value = cw_rd_fixed32(r); break;
        case 0x44: c.op = CW_OP_F64_CONST, type = CW_F64, c.value = cw_rd_fixed64(r); break;
        case 0xd0: c.op = CW_OP_REF_NULL, type = read_reftype(r), c.value = 0; break;
        case 0xd2:
            c.op = CW_OP_REF_FUNC, type = CW_FUNCREF, c.value = cw_rd_u32(r);
            if (cw_rd_ok(r) && c.value >= m->nfuncs) return invalid(r, "unknown function"), c;
            declare_func(m, (uint32_t)c.value);
            break;
        case 0x23:
            c.op = CW_OP_GLOBAL_GET, c.value = cw_rd_u32(r);
            if (!cw_rd_ok(r)) return c;
            if (c.value >= m->nglobal_imports) return invalid(r, "unknown global"), c;
            if (m->globals[c.value].mut) return invalid(r, "constant expression required"), c;
            type = m->globals[c.value].type;
            break;
        case 0xfd:
            if (cw_rd_u32(r) != 0x0c) return invalid(r, "constant expression required"), c;
            c.op = CW_OP_V128_CONST, type = CW_V128, c.value = cw_rd_fixed64(r), c.hi = cw_rd_fixed64(r);
            break;
        default:
            /* Known non-constant instructions are invalid; unknown bytes are malformed. */
            if (b <= 0xd2 || b == 0xfc) return invalid(r, "constant expression required"), c;
            return cw_rd_fail(r, "illegal opcode"), c;
        }
    }
    if (count != 1 || type != want) invalid(r, "type mismatch");
    return c;
}

static void read_types(cw_reader *r, cw_module *m) {
    m->ntypes = read_count(r, 3);
    m->types = alloc_array(r, m->ntypes, sizeof *m->types);
    for (uint32_t i = 0; i < m->ntypes && cw_rd_ok(r); i++) {
        if (cw_rd_u8(r) != 0x60 && cw_rd_ok(r)) {
            cw_rd_fail(r, "integer representation too long");
            return;
        }
        uint32_t np = read_count(r, 1);
        uint8_t *params = alloc_array(r, np, 1);
        cw_functype *t = &m->types[i];
        t->nparams = np;
        t->params = params;
        for (uint32_t k = 0; k < np && cw_rd_ok(r); k++) params[k] = read_valtype(r);
        uint32_t nr = read_count(r, 1);
        uint8_t *results = alloc_array(r, nr, 1);
        t->nresults = nr;
        t->results = results;
        for (uint32_t k = 0; k < nr && cw_rd_ok(r); k++) results[k] = read_valtype(r);
    }
}

static uint32_t read_typeidx(cw_reader *r, cw_module *m) {
    uint32_t t = cw_rd_u32(r);
    if (cw_rd_ok(r) && t >= m->ntypes) invalid(r, "unknown type");
    return t;
}

static void read_imports(cw_reader *r, cw_module *m) {
    m->nimports = read_count(r, 4);
    m->imports = alloc_array(r, m->nimports, sizeof *m->imports);
    /* Import counts per kind are needed to size the index spaces: read them first. */
    for (uint32_t i = 0; i < m->nimports && cw_rd_ok(r); i++) {
        cw_import *im = &m->imports[i];
        uint32_t len;
        im->module = cw_rd_name(r, &len);
        im->name = cw_rd_name(r, &len);
        uint8_t kind = cw_rd_u8(r);
        if (!cw_rd_ok(r)) return;
        switch (kind) {
        case 0: im->kind = CW_EXTERN_FUNC, im->typeidx = read_typeidx(r, m), m->nfunc_imports++; break;
        case 1: im->kind = CW_EXTERN_TABLE, im->table = read_tabletype(r), m->ntable_imports++; break;
        case 2: im->kind = CW_EXTERN_MEMORY, im->mem = read_memtype(r), m->nmem_imports++; break;
        case 3: im->kind = CW_EXTERN_GLOBAL, im->global = read_globaltype(r), m->nglobal_imports++; break;
        default: cw_rd_fail(r, "malformed import kind"); return;
        }
    }
}

/* Lays out the imported part of each index space; the defining sections append to it. */
static void place_imports(cw_reader *r, cw_module *m) {
    m->nfuncs = m->nfunc_imports;
    m->ntables = m->ntable_imports;
    m->nmems = m->nmem_imports;
    m->nglobals = m->nglobal_imports;
    m->funcs = alloc_array(r, m->nfuncs, sizeof *m->funcs);
    m->declared_funcs = alloc_array(r, m->nfuncs, sizeof *m->declared_funcs);
    m->tables = alloc_array(r, m->ntables, sizeof *m->tables);
    m->mems = alloc_array(r, m->nmems, sizeof *m->mems);
    m->globals = alloc_array(r, m->nglobals, sizeof *m->globals);
    m->global_init = alloc_array(r, m->nglobals, sizeof *m->global_init);
    if (!cw_rd_ok(r)) return;
    uint32_t f = 0, t = 0, mem = 0, g = 0;
    for (uint32_t i = 0; i < m->nimports; i++) {
        cw_import *im = &m->imports[i];
        switch (im->kind) {
        case CW_EXTERN_FUNC:
            m->funcs[f].typeidx = im->typeidx;
            m->funcs[f++].type = &m->types[im->typeidx];
            break;
        case CW_EXTERN_TABLE: m->tables[t++] = im->table; break;
        case CW_EXTERN_MEMORY: m->mems[mem++] = im->mem; break;
        case CW_EXTERN_GLOBAL: m->globals[g++] = im->global; break;
        }
    }
}

static void read_funcs(cw_reader *r, cw_module *m, uint32_t *nfuncs_defined) {
    uint32_t n = *nfuncs_defined = read_count(r, 1);
    cw_funcdef *funcs = alloc_array(r, m->nfunc_imports + n, sizeof *funcs);
    bool *declared = alloc_array(r, m->nfunc_imports + n, sizeof *declared);
    if (!cw_rd_ok(r)) {
        free(funcs);
        free(declared);
        return;
    }
    memcpy(funcs, m->funcs, m->nfunc_imports * sizeof *funcs);
    free(m->funcs);
    free(m->declared_funcs);
    m->funcs = funcs;
    m->declared_funcs = declared;
    m->nfuncs = m->nfunc_imports + n;
    for (uint32_t i = m->nfunc_imports; i < m->nfuncs && cw_rd_ok(r); i++) {
        funcs[i].typeidx = read_typeidx(r, m);
        if (cw_rd_ok(r)) funcs[i].type = &m->types[funcs[i].typeidx];
    }
}

static void read_tables(cw_reader *r, cw_module *m) {
    uint32_t n = read_count(r, 3);
    m->ntables = m->ntable_imports + n;
    cw_tabletype *t = alloc_array(r, m->ntables, sizeof *t);
    if (!cw_rd_ok(r)) return free(t);
    memcpy(t, m->tables, m->ntable_imports * sizeof *t);
    free(m->tables);
    m->tables = t;
    for (uint32_t i = 0; i < n && cw_rd_ok(r); i++) t[m->ntable_imports + i] = read_tabletype(r);
}

static void read_mems(cw_reader *r, cw_module *m) {
    uint32_t n = read_count(r, 2);
    m->nmems = m->nmem_imports + n;
    cw_limits *l = alloc_array(r, m->nmems, sizeof *l);
    if (!cw_rd_ok(r)) return free(l);
    memcpy(l, m->mems, m->nmem_imports * sizeof *l);
    free(m->mems);
    m->mems = l;
    for (uint32_t i = 0; i < n && cw_rd_ok(r); i++) l[m->nmem_imports + i] = read_memtype(r);
}

static void read_globals(cw_reader *r, cw_module *m) {
    uint32_t n = read_count(r, 3);
    m->nglobals = m->nglobal_imports + n;
    cw_globaltype *g = alloc_array(r, m->nglobals, sizeof *g);
    cw_constexpr *init = alloc_array(r, m->nglobals, sizeof *init);
    if (!cw_rd_ok(r)) {
        free(g);
        free(init);
        return;
    }
    memcpy(g, m->globals, m->nglobal_imports * sizeof *g);
    free(m->globals);
    free(m->global_init);
    m->globals = g;
    m->global_init = init;
    for (uint32_t i = m->nglobal_imports; i < m->nglobals && cw_rd_ok(r); i++) {
        g[i] = read_globaltype(r);
        init[i] = read_constexpr(r, m, g[i].type);
    }
}

static int compare_names(const void *a, const void *b) {
    const cw_export *x = *(const cw_export *const *)a, *y = *(const cw_export *const *)b;
    if (x->name_len != y->name_len) return x->name_len < y->name_len ? -1 : 1;
    return memcmp(x->name, y->name, x->name_len);
}

/* Sorted, equal names are neighbours: n log n, where comparing every pair would let one large
 * export section keep us busy for hours. */
static void check_export_names(cw_reader *r, cw_module *m) {
    const cw_export **sorted = alloc_array(r, m->nexports, sizeof *sorted);
    if (!sorted) return;
    for (uint32_t i = 0; i < m->nexports; i++) sorted[i] = &m->exports[i];
    qsort(sorted, m->nexports, sizeof *sorted, compare_names);
    for (uint32_t i = 1; i < m->nexports; i++)
        if (compare_names(&sorted[i - 1], &sorted[i]) == 0) {
            invalid(r, "duplicate export name");
            break;
        }
    free(sorted);
}

static void read_exports(cw_reader *r, cw_module *m) {
    m->nexports = read_count(r, 3);
    m->exports = alloc_array(r, m->nexports, sizeof *m->exports);
    for (uint32_t i = 0; i < m->nexports && cw_rd_ok(r); i++) {
        cw_export *e = &m->exports[i];
        e->name = cw_rd_name(r, &e->name_len);
        uint8_t kind = cw_rd_u8(r);
        e->index = cw_rd_u32(r);
        if (!cw_rd_ok(r)) return;
        static const char *const unknown[] = {"unknown function", "unknown table", "unknown memory", "unknown global"};
        uint32_t limit[] = {m->nfuncs, m->ntables, m->nmems, m->nglobals};
        if (kind > 3) {
            cw_rd_fail(r, "malformed export kind");
            return;
        }
        e->kind = (cw_externkind)kind;
        if (e->index >= limit[kind]) {
            invalid(r, unknown[kind]);
            return;
        }
        if (kind == CW_EXTERN_FUNC) declare_func(m, e->index);
    }
    if (cw_rd_ok(r)) check_export_names(r, m);
}

static void read_start(cw_reader *r, cw_module *m) {
    m->has_start = true;
    m->start = cw_rd_u32(r);
    if (!cw_rd_ok(r)) return;
    if (m->start >= m->nfuncs) {
        invalid(r, "unknown function");
        return;
    }
    const cw_functype *t = m->funcs[m->start].type;
    if (t->nparams || t->nresults) invalid(r, "start function");
}

static uint32_t read_tableidx(cw_reader *r, cw_module *m) {
    uint32_t t = cw_rd_u32(r);
    if (cw_rd_ok(r) && t >= m->ntables) invalid(r, "unknown table");
    return t;
}

static void read_elems(cw_reader *r, cw_module *m) {
    m->nelems = read_count(r, 1);
    m->elems = alloc_array(r, m->nelems, sizeof *m->elems);
    for (uint32_t i = 0; i < m->nelems && cw_rd_ok(r); i++) {
        cw_elem *e = &m->elems[i];
        uint32_t flags = cw_rd_u32(r);
        if (!cw_rd_ok(r)) return;
        if (flags > 7) {
            cw_rd_fail(r, "malformed elements segment kind");
            return;
        }
        /* bit 0: passive/declarative; bit 1: explicit table (active) or declarative; bit 2: expressions */
        e->mode = (flags & 1) ? ((flags & 2) ? CW_SEG_DECLARATIVE : CW_SEG_PASSIVE) : CW_SEG_ACTIVE;
        e->type = CW_FUNCREF;
        if (e->mode == CW_SEG_ACTIVE) {
            e->table = (flags & 2) ? read_tableidx(r, m) : 0;
            if (cw_rd_ok(r) && e->table >= m->ntables) {
                invalid(r, "unknown table");
                return;
            }
            e->offset = read_constexpr(r, m, CW_I32);
        }
        bool exprs = flags & 4;
        if (flags & 3) {
            if (exprs) {
                e->type = read_reftype(r);
            } else if (cw_rd_u8(r) != 0x00 && cw_rd_ok(r)) {
                cw_rd_fail(r, "malformed element kind");
                return;
            }
        }
        e->count = read_count(r, 1);
        e->items = alloc_array(r, e->count, sizeof *e->items);
        for (uint32_t k = 0; k < e->count && cw_rd_ok(r); k++) {
            if (exprs) {
                e->items[k] = read_constexpr(r, m, e->type);
            } else {
                uint32_t f = cw_rd_u32(r);
                if (cw_rd_ok(r) && f >= m->nfuncs) {
                    invalid(r, "unknown function");
                    return;
                }
                e->items[k].op = CW_OP_REF_FUNC;
                e->items[k].value = f;
                declare_func(m, f);
            }
        }
        if (cw_rd_ok(r) && e->mode == CW_SEG_ACTIVE && m->tables[e->table].elem != e->type) invalid(r, "type mismatch");
    }
}

static void read_code(cw_reader *r, cw_module *m, uint32_t nfuncs_defined) {
    uint32_t n = read_count(r, 1);
    if (cw_rd_ok(r) && n != nfuncs_defined) {
        cw_rd_fail(r, "function and code section have inconsistent lengths");
        return;
    }
    if (cw_rd_ok(r) && !cw_validate_reserve(m, (size_t)(r->end - r->p))) {
        cw_rd_fail(r, "out of memory");
        return;
    }
    uint64_t module_locals = 0;
    for (uint32_t i = 0; i < n && cw_rd_ok(r); i++) {
        cw_funcdef *f = &m->funcs[m->nfunc_imports + i];
        uint32_t size = cw_rd_u32(r);
        const uint8_t *body = cw_rd_bytes(r, size);
        if (!body) return;
        cw_reader br = {body, body + size, r->base, r->err};
        uint32_t ngroups = read_count(&br, 2);
        const uint8_t *groups = br.p;
        uint64_t nlocals = f->type->nparams;
        for (uint32_t g = 0; g < ngroups && cw_rd_ok(&br); g++) {
            nlocals += cw_rd_u32(&br);
            read_valtype(&br);
            if (nlocals > MAX_LOCALS) {
                cw_rd_fail(&br, "too many locals");
                return;
            }
        }
        if (!cw_rd_ok(&br)) return;
        if ((module_locals += nlocals) > MAX_MODULE_LOCALS) {
            cw_rd_fail(&br, "too many locals");
            return;
        }
        f->nlocals = (uint32_t)nlocals;
        f->local_types = alloc_array(r, nlocals, 1);
        f->local_slot = alloc_array(r, nlocals, sizeof *f->local_slot);
        if (!cw_rd_ok(r)) return;
        memcpy(f->local_types, f->type->params, f->type->nparams);
        br.p = groups;
        uint32_t k = f->type->nparams;
        for (uint32_t g = 0; g < ngroups; g++) {
            uint32_t cnt = cw_rd_u32(&br);
            uint8_t t = read_valtype(&br);
            memset(f->local_types + k, t, cnt);
            k += cnt;
        }
        f->body_offset = cw_rd_offset(&br);
        f->body_len = (uint32_t)(br.end - br.p);
        if (!cw_validate_func(m, m->nfunc_imports + i, r->err)) return;
    }
}

static void read_data(cw_reader *r, cw_module *m) {
    m->ndatas = read_count(r, 1);
    if (cw_rd_ok(r) && m->has_datacount && m->ndatas != m->datacount) {
        cw_rd_fail(r, "data count and data section have inconsistent lengths");
        return;
    }
    m->datas = alloc_array(r, m->ndatas, sizeof *m->datas);
    for (uint32_t i = 0; i < m->ndatas && cw_rd_ok(r); i++) {
        cw_data *d = &m->datas[i];
        uint32_t flags = cw_rd_u32(r);
        if (!cw_rd_ok(r)) return;
        if (flags > 2) {
            cw_rd_fail(r, "malformed data segment kind");
            return;
        }
        d->mode = flags == 1 ? CW_SEG_PASSIVE : CW_SEG_ACTIVE;
        if (d->mode == CW_SEG_ACTIVE) {
            d->memory = flags == 2 ? cw_rd_u32(r) : 0;
            if (cw_rd_ok(r) && d->memory >= m->nmems) {
                invalid(r, "unknown memory");
                return;
            }
            d->offset = read_constexpr(r, m, CW_I32);
        }
        d->len = cw_rd_u32(r);
        d->offset_in_module = cw_rd_offset(r);
        cw_rd_bytes(r, d->len);
    }
}

static void read_names(cw_module *m, const uint8_t *p, const uint8_t *end) {
    /* The name section is advisory: a malformed one is ignored, never an error. */
    cw_error quiet = {0};
    cw_reader r = {p, end, m->bytes, &quiet};
    while (r.p < r.end && cw_rd_ok(&r)) {
        uint8_t id = cw_rd_u8(&r);
        uint32_t size = cw_rd_u32(&r);
        const uint8_t *sub = cw_rd_bytes(&r, size);
        if (!sub || id != 1) continue;
        cw_reader s = {sub, sub + size, m->bytes, &quiet};
        uint32_t n = cw_rd_u32(&s);
        for (uint32_t i = 0; i < n && cw_rd_ok(&s); i++) {
            uint32_t idx = cw_rd_u32(&s);
            uint32_t len;
            char *name = cw_rd_name(&s, &len);
            if (name && idx < m->nfuncs && !m->funcs[idx].name) m->funcs[idx].name = name;
            else free(name);
        }
    }
}

/* Section order rank: ids 1-11 in order, with datacount (12) between element (9) and code (10). */
static int section_rank(uint8_t id) {
    static const int rank[13] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 10};
    return id <= 12 ? rank[id] : -1;
}

bool cw_decode(cw_module *m, cw_error *err) {
    cw_reader r = {m->bytes, m->bytes + m->len, m->bytes, err};
    const uint8_t *magic = cw_rd_bytes(&r, 4);
    if (!magic || memcmp(magic, "\0asm", 4) != 0) return cw_rd_fail(&r, "magic header not detected");
    const uint8_t *version = cw_rd_bytes(&r, 4);
    if (!version || memcmp(version, "\1\0\0\0", 4) != 0) return cw_rd_fail(&r, "unknown binary version");
    int last = 0;
    uint32_t nfuncs_defined = 0;
    bool placed = false, seen_code = false;
    while (r.p < r.end && cw_rd_ok(&r)) {
        uint8_t id = cw_rd_u8(&r);
        uint32_t size = cw_rd_u32(&r);
        if (!cw_rd_ok(&r)) break;
        if (section_rank(id) < 0) return cw_rd_fail(&r, "malformed section id");
        const uint8_t *body = cw_rd_bytes(&r, size);
        if (!body) return false;
        cw_reader s = {body, body + size, m->bytes, err};
        if (id != 0) {
            if (section_rank(id) <= last) return cw_rd_fail(&r, "unexpected content after last section");
            last = section_rank(id);
        }
        if (!placed && id >= 3) {
            place_imports(&s, m);
            placed = true;
        }
        switch (id) {
        case 0: {
            uint32_t len;
            char *name = cw_rd_name(&s, &len);
            if (name && len == 4 && memcmp(name, "name", 4) == 0) read_names(m, s.p, s.end);
            free(name);
            s.p = s.end;
            break;
        }
        case 1: read_types(&s, m); break;
        case 2: read_imports(&s, m); break;
        case 3: read_funcs(&s, m, &nfuncs_defined); break;
        case 4: read_tables(&s, m); break;
        case 5: read_mems(&s, m); break;
        case 6: read_globals(&s, m); break;
        case 7: read_exports(&s, m); break;
        case 8: read_start(&s, m); break;
        case 9: read_elems(&s, m); break;
        case 10: read_code(&s, m, nfuncs_defined), seen_code = true; break;
        case 11: read_data(&s, m); break;
        case 12:
            m->has_datacount = true;
            m->datacount = cw_rd_u32(&s);
            break;
        }
        if (!cw_rd_ok(&s)) return false;
        if (s.p != s.end) return cw_rd_fail(&r, "section size mismatch");
    }
    if (!cw_rd_ok(&r)) return false;
    if (!placed) {
        place_imports(&r, m);
        if (!cw_rd_ok(&r)) return false;
    }
    if (m->nmems > 1) return invalid(&r, "multiple memories");
    if (nfuncs_defined && !seen_code) return cw_rd_fail(&r, "function and code section have inconsistent lengths");
    if (m->has_datacount && m->datacount != m->ndatas)
        return cw_rd_fail(&r, "data count and data section have inconsistent lengths");
    return true;
}
