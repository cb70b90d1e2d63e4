/* Instantiation: link imports, allocate tables, memories and globals, initialise segments in
 * the spec's order (elements, then data, then the start function) and look up exports. */
#include <stdlib.h>
#include <string.h>

#include "chiwawa/checkpoint.h"
#include "opcodes.h"
#include "runtime.h"

#define TRAP_TABLE "out of bounds table access"
#define TRAP_MEMORY "out of bounds memory access"

typedef struct instance_alloc {
    cw_instance inst;
    uint64_t **elem_items; /* evaluated element segments */
    uint32_t *elem_len;
} instance_alloc;

static void free_instance(void *p) {
    instance_alloc *ia = p;
    cw_instance *in = &ia->inst;
    free(in->funcs);
    free(in->tables);
    free(in->mems);
    free(in->globals);
    free(in->elem_dropped);
    free(in->data_dropped);
    for (uint32_t i = 0; i < in->module->nelems; i++) free(ia->elem_items[i]);
    free(ia->elem_items);
    free(ia->elem_len);
    free(ia);
}

static bool limits_match(uint64_t size, cw_limits actual, cw_limits want) {
    if (size < want.min) return false;
    if (!want.has_max) return true;
    return actual.has_max && actual.max <= want.max;
}

static bool import_matches(const cw_module *m, const cw_import *im, const cw_extern *ex) {
    if (ex->kind != im->kind) return false;
    switch (im->kind) {
    case CW_EXTERN_FUNC: return cw_functype_eq(ex->of.func->type, &m->types[im->typeidx]);
    case CW_EXTERN_TABLE:
        return ex->of.table->elem == im->table.elem &&
               limits_match(ex->of.table->size, ex->of.table->lim, im->table.lim);
    case CW_EXTERN_MEMORY:
        return limits_match(ex->of.memory->size / CW_PAGE_SIZE, ex->of.memory->lim, im->mem);
    case CW_EXTERN_GLOBAL:
        return ex->of.global->type == im->global.type && ex->of.global->mut == im->global.mut;
    }
    return false;
}

static cw_value eval_const(const cw_instance *in, const cw_constexpr *c, uint8_t type) {
    if (c->op == CW_OP_GLOBAL_GET) return cw_global_get(in->globals[c->value]);
    uint64_t slots[2] = {c->value, c->hi}; /* constants and ref.null (0) */
    if (c->op == CW_OP_REF_FUNC) slots[0] = (uint64_t)(uintptr_t)in->funcs[c->value];
    return cw_slots_to_value(slots, type);
}

static bool nomem(cw_error *err) {
    cw_set_error(err, CW_ERR_RESOURCE, "out of memory");
    return false;
}

/* Why a table or memory could not be made: a limit of the store, or the host's memory. */
static bool not_made(const cw_store *s, uint32_t pages, uint32_t elems, cw_error *err) {
    uint64_t bytes = (uint64_t)pages * CW_PAGE_SIZE;
    if (cw_store_room(s, bytes, elems)) return nomem(err);
    if (elems) cw_set_error(err, CW_ERR_RESOURCE, "table limit exceeded: %u elements needed", elems);
    else cw_set_error(err, CW_ERR_RESOURCE, "memory limit exceeded: %u pages (%llu KiB) needed, %llu KiB allowed", pages,
                      (unsigned long long)bytes >> 10,
                      (unsigned long long)(s->max_mem_bytes > s->mem_bytes ? s->max_mem_bytes - s->mem_bytes : 0) >> 10);
    return false;
}

static bool allocate(cw_store *s, instance_alloc *ia, const cw_extern *imports, cw_error *err) {
    cw_instance *in = &ia->inst;
    const cw_module *m = in->module;
    in->funcs = calloc(m->nfuncs + 1, sizeof *in->funcs);
    in->tables = calloc(m->ntables + 1, sizeof *in->tables);
    in->mems = calloc(m->nmems + 1, sizeof *in->mems);
    in->globals = calloc(m->nglobals + 1, sizeof *in->globals);
    in->elem_dropped = calloc(m->nelems + 1, 1);
    in->data_dropped = calloc(m->ndatas + 1, 1);
    ia->elem_items = calloc(m->nelems + 1, sizeof *ia->elem_items);
    ia->elem_len = calloc(m->nelems + 1, sizeof *ia->elem_len);
    if (!in->funcs || !in->tables || !in->mems || !in->globals || !in->elem_dropped || !in->data_dropped ||
        !ia->elem_items || !ia->elem_len)
        return nomem(err);
    uint32_t nf = 0, nt = 0, nm = 0, ng = 0;
    for (uint32_t i = 0; i < m->nimports; i++) {
        const cw_extern *ex = &imports[i];
        switch (ex->kind) {
        case CW_EXTERN_FUNC: in->funcs[nf++] = ex->of.func; break;
        case CW_EXTERN_TABLE: in->tables[nt++] = ex->of.table; break;
        case CW_EXTERN_MEMORY: in->mems[nm++] = ex->of.memory; break;
        case CW_EXTERN_GLOBAL: in->globals[ng++] = ex->of.global; break;
        }
    }
    for (uint32_t i = nf; i < m->nfuncs; i++) {
        cw_func *f = cw_store_own(s, calloc(1, sizeof *f), free);
        if (!f) return nomem(err);
        *f = (cw_func){.type = m->funcs[i].type, .inst = in, .def = &m->funcs[i], .index = i};
        in->funcs[i] = f;
    }
    for (uint32_t i = nt; i < m->ntables; i++)
        if (!(in->tables[i] = cw_table_new(s, m->tables[i].elem, m->tables[i].lim)))
            return not_made(s, 0, m->tables[i].lim.min, err);
    for (uint32_t i = nm; i < m->nmems; i++)
        if (!(in->mems[i] = cw_memory_new(s, m->mems[i]))) return not_made(s, m->mems[i].min, 0, err);
    for (uint32_t i = ng; i < m->nglobals; i++) {
        cw_value v = eval_const(in, &m->global_init[i], m->globals[i].type);
        if (!(in->globals[i] = cw_global_new(s, v, m->globals[i].mut))) return nomem(err);
    }
    for (uint32_t i = 0; i < m->nelems; i++) {
        const cw_elem *e = &m->elems[i];
        ia->elem_items[i] = calloc(e->count + 1, sizeof **ia->elem_items);
        if (!ia->elem_items[i]) return nomem(err);
        for (uint32_t k = 0; k < e->count; k++) {
            cw_value v = eval_const(in, &e->items[k], e->type);
            cw_value_to_slots(&v, &ia->elem_items[i][k]);
        }
        ia->elem_len[i] = e->count;
    }
    return true;
}

/* Element and data segments, shared with table.init / memory.init in the interpreter. */
const char *cw_table_init(cw_instance *in, uint32_t table, uint32_t seg, uint32_t dst, uint32_t src, uint32_t n) {
    instance_alloc *ia = (instance_alloc *)in;
    cw_table *t = in->tables[table];
    uint64_t len = in->elem_dropped[seg] ? 0 : ia->elem_len[seg];
    if ((uint64_t)src + n > len || (uint64_t)dst + n > t->size) return TRAP_TABLE;
    memcpy(t->elems + dst, ia->elem_items[seg] + src, (size_t)n * sizeof *t->elems);
    return NULL;
}

const char *cw_memory_init(cw_instance *in, uint32_t seg, uint32_t dst, uint32_t src, uint32_t n) {
    const cw_data *d = &in->module->datas[seg];
    cw_memory *mem = in->mems[0];
    uint64_t len = in->data_dropped[seg] ? 0 : d->len;
    if ((uint64_t)src + n > len || (uint64_t)dst + n > mem->size) return TRAP_MEMORY;
    if (n) memcpy(mem->data + dst, in->module->bytes + d->offset_in_module + src, n);
    return NULL;
}

static cw_errkind trap(cw_error *err, const char *msg) {
    cw_set_error(err, CW_ERR_TRAP, "%s", msg);
    return CW_ERR_TRAP;
}

static cw_errkind initialise(cw_store *s, cw_instance *in, cw_error *err) {
    const cw_module *m = in->module;
    for (uint32_t i = 0; i < m->nelems; i++) {
        const cw_elem *e = &m->elems[i];
        if (e->mode == CW_SEG_ACTIVE) {
            uint32_t off = eval_const(in, &e->offset, CW_I32).of.i32;
            const char *t = cw_table_init(in, e->table, i, off, 0, e->count);
            if (t) return trap(err, t);
        }
        if (e->mode != CW_SEG_PASSIVE) in->elem_dropped[i] = true;
    }
    for (uint32_t i = 0; i < m->ndatas; i++) {
        const cw_data *d = &m->datas[i];
        if (d->mode != CW_SEG_ACTIVE) continue;
        uint32_t off = eval_const(in, &d->offset, CW_I32).of.i32;
        const char *t = cw_memory_init(in, i, off, 0, d->len);
        if (t) return trap(err, t);
        in->data_dropped[i] = true;
    }
    if (m->has_start) {
        uint64_t none = 0;
        return cw_exec_call(s, in->funcs[m->start], &none, err);
    }
    return CW_OK;
}

static cw_instance *instantiate(cw_store *s, const cw_module *m, const cw_extern *imports, bool init,
                                cw_error *err) {
    err->kind = CW_OK;
    err->message[0] = 0;
    for (uint32_t i = 0; i < m->nimports; i++)
        if (!import_matches(m, &m->imports[i], &imports[i])) {
            cw_set_error(err, CW_ERR_LINK, "incompatible import type");
            return NULL;
        }
    instance_alloc *ia = calloc(1, sizeof *ia);
    if (!ia) return nomem(err), NULL;
    ia->inst.module = m;
    ia->inst.store = s;
    if (!cw_store_own(s, ia, free_instance)) return nomem(err), NULL;
    if (!allocate(s, ia, imports, err)) return NULL;
    if (init && initialise(s, &ia->inst, err) != CW_OK) return NULL;
    return &ia->inst;
}

cw_instance *cw_instantiate(cw_store *s, const cw_module *m, const cw_extern *imports, cw_error *err) {
    return instantiate(s, m, imports, true, err);
}

cw_instance *cw_instantiate_for_restore(cw_store *s, const cw_module *m, const cw_extern *imports, cw_error *err) {
    return instantiate(s, m, imports, false, err);
}

bool cw_instance_export(const cw_instance *in, const char *name, cw_extern *out) {
    return cw_instance_export_n(in, name, strlen(name), out);
}

bool cw_instance_export_n(const cw_instance *in, const char *name, size_t len, cw_extern *out) {
    const cw_module *m = in->module;
    for (uint32_t i = 0; i < m->nexports; i++) {
        const cw_export *e = &m->exports[i];
        if (e->name_len != len || memcmp(e->name, name, len) != 0) continue;
        out->kind = e->kind;
        switch (e->kind) {
        case CW_EXTERN_FUNC: out->of.func = in->funcs[e->index]; break;
        case CW_EXTERN_TABLE: out->of.table = in->tables[e->index]; break;
        case CW_EXTERN_MEMORY: out->of.memory = in->mems[e->index]; break;
        case CW_EXTERN_GLOBAL: out->of.global = in->globals[e->index]; break;
        }
        return true;
    }
    return false;
}

cw_memory *cw_instance_memory(const cw_instance *in, uint32_t idx) {
    return idx < in->module->nmems ? in->mems[idx] : NULL;
}
