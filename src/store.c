/* The store: owns instances and host objects; creates, grows and reads them. */
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

#define DEFAULT_MAX_FRAMES 100000u
#define DEFAULT_MAX_SLOTS (16u << 20) /* 128 MiB of value stack */
#define DEFAULT_MAX_MEMORY ((uint64_t)CW_MAX_PAGES * CW_PAGE_SIZE) /* 4 GiB: all a wasm32 memory can be */
/* Elements of all the tables of a store (8 bytes each): beyond this table.grow fails rather than
 * exhaust the host, however many tables the guests declare. */
#define MAX_TABLE_ELEMS (10u << 20)

cw_store *cw_store_new(void) {
    cw_store *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->exec.max_frames = DEFAULT_MAX_FRAMES;
    s->exec.max_slots = DEFAULT_MAX_SLOTS;
    s->exec.poll_interval = s->exec.countdown = UINT32_MAX;
    s->max_mem_bytes = DEFAULT_MAX_MEMORY;
    return s;
}

void cw_store_set_limits(cw_store *s, uint32_t max_call_depth, uint64_t max_stack_slots) {
    if (max_call_depth) s->exec.max_frames = max_call_depth;
    if (max_stack_slots) s->exec.max_slots = max_stack_slots;
}

void cw_store_set_max_memory(cw_store *s, uint64_t bytes) { s->max_mem_bytes = bytes; }

bool cw_store_room(const cw_store *s, uint64_t bytes, uint64_t elems) {
    return s->mem_bytes <= s->max_mem_bytes && bytes <= s->max_mem_bytes - s->mem_bytes &&
           s->table_elems <= MAX_TABLE_ELEMS && elems <= MAX_TABLE_ELEMS - s->table_elems;
}

void *cw_store_own(cw_store *s, void *obj, void (*free_fn)(void *)) {
    cw_alloc *a = obj ? malloc(sizeof *a) : NULL;
    if (!a) {
        free_fn(obj);
        return NULL;
    }
    *a = (cw_alloc){s->allocs, free_fn, obj};
    s->allocs = a;
    return obj;
}

void cw_store_free(cw_store *s) {
    if (!s) return;
    while (s->allocs) {
        cw_alloc *a = s->allocs;
        s->allocs = a->next;
        a->free_fn(a->obj);
        free(a);
    }
    free(s->exec.stack);
    free(s->exec.frames);
    free(s);
}

static void free_host_func(void *p) {
    cw_func *f = p;
    free((void *)f->host_type.params);
    free(f);
}

cw_func *cw_func_new_host(cw_store *s, const cw_functype *type, cw_host_fn fn, void *env) {
    cw_func *f = calloc(1, sizeof *f);
    uint8_t *types = malloc(type->nparams + type->nresults + 1);
    if (!f || !types) {
        free(f);
        free(types);
        return NULL;
    }
    if (type->nparams) memcpy(types, type->params, type->nparams);
    if (type->nresults) memcpy(types + type->nparams, type->results, type->nresults);
    f->host_type = (cw_functype){type->nparams, type->nresults, types, types + type->nparams};
    f->type = &f->host_type;
    f->host = fn;
    f->env = env;
    return cw_store_own(s, f, free_host_func);
}

static void free_table(void *p) {
    cw_table *t = p;
    free(t->elems);
    free(t);
}

cw_table *cw_table_new(cw_store *s, cw_valtype elem, cw_limits lim) {
    cw_table *t = cw_store_room(s, 0, lim.min) ? calloc(1, sizeof *t) : NULL;
    if (!t) return NULL;
    t->elems = calloc(lim.min ? lim.min : 1, sizeof *t->elems);
    if (!t->elems) {
        free(t);
        return NULL;
    }
    t->elem = (uint8_t)elem;
    t->lim = lim;
    t->size = lim.min;
    t->store = s;
    if (!cw_store_own(s, t, free_table)) return NULL;
    s->table_elems += lim.min;
    return t;
}

bool cw_table_grow(cw_table *t, uint32_t delta, uint64_t init) {
    uint64_t max = t->lim.has_max ? t->lim.max : UINT32_MAX;
    uint64_t n = (uint64_t)t->size + delta;
    if (n > max || !cw_store_room(t->store, 0, delta)) return false;
    uint64_t *e = realloc(t->elems, (n ? n : 1) * sizeof *e);
    if (!e) return false;
    for (uint64_t i = t->size; i < n; i++) e[i] = init;
    t->elems = e;
    t->size = (uint32_t)n;
    t->store->table_elems += delta;
    return true;
}

static void free_memory(void *p) {
    cw_memory *m = p;
    free(m->data);
    free(m);
}

cw_memory *cw_memory_new(cw_store *s, cw_limits lim) {
    uint64_t size = (uint64_t)lim.min * CW_PAGE_SIZE;
    cw_memory *m = cw_store_room(s, size, 0) && size <= SIZE_MAX ? calloc(1, sizeof *m) : NULL;
    if (!m) return NULL;
    m->lim = lim;
    m->size = size;
    m->data = calloc(m->size ? m->size : 1, 1);
    if (!m->data) {
        free(m);
        return NULL;
    }
    m->store = s;
    if (!cw_store_own(s, m, free_memory)) return NULL;
    s->mem_bytes += size;
    return m;
}

bool cw_memory_grow(cw_memory *m, uint32_t delta_pages) {
    uint64_t max = m->lim.has_max ? m->lim.max : CW_MAX_PAGES;
    uint64_t pages = m->size / CW_PAGE_SIZE + delta_pages;
    if (pages > max) return false;
    if (delta_pages == 0) return true;
    uint64_t bytes = pages * CW_PAGE_SIZE;
    if (bytes > SIZE_MAX || !cw_store_room(m->store, bytes - m->size, 0)) return false;
    uint8_t *d = realloc(m->data, (size_t)bytes);
    if (!d) return false;
    memset(d + m->size, 0, (size_t)(bytes - m->size));
    m->store->mem_bytes += bytes - m->size;
    m->data = d;
    m->size = bytes;
    return true;
}

cw_global *cw_global_new(cw_store *s, cw_value init, bool mutable_) {
    cw_global *g = calloc(1, sizeof *g);
    if (!g) return NULL;
    g->type = init.type;
    g->mut = mutable_;
    cw_value_to_slots(&init, g->val);
    return cw_store_own(s, g, free);
}

static void to_slots(const cw_value *v, uint8_t type, uint64_t *slots) {
    switch (type) {
    case CW_I32: case CW_F32: slots[0] = v->of.i32; break;
    case CW_V128: memcpy(slots, v->of.v128, 16); break; /* bytes 0-7 are the low half on a little-endian host */
    case CW_FUNCREF: case CW_EXTERNREF: slots[0] = (uint64_t)(uintptr_t)v->of.ref; break;
    default: slots[0] = v->of.i64; break;
    }
}

void cw_value_to_slots(const cw_value *v, uint64_t *slots) { to_slots(v, v->type, slots); }

cw_value cw_slots_to_value(const uint64_t *slots, uint8_t type) {
    cw_value v = {.type = type};
    switch (type) {
    case CW_I32: case CW_F32: v.of.i32 = (uint32_t)slots[0]; break;
    case CW_V128: memcpy(v.of.v128, slots, 16); break;
    case CW_FUNCREF: case CW_EXTERNREF: v.of.ref = (void *)(uintptr_t)slots[0]; break;
    default: v.of.i64 = slots[0]; break;
    }
    return v;
}

void cw_values_to_slots(const cw_value *vals, const uint8_t *types, uint32_t n, uint64_t *slots) {
    for (uint32_t i = 0; i < n; slots += cw_valtype_slots(types[i++])) to_slots(&vals[i], types[i], slots);
}

void cw_slots_to_values(const uint64_t *slots, const uint8_t *types, uint32_t n, cw_value *vals) {
    for (uint32_t i = 0; i < n; slots += cw_valtype_slots(types[i++])) vals[i] = cw_slots_to_value(slots, types[i]);
}

cw_value cw_global_get(const cw_global *g) { return cw_slots_to_value(g->val, g->type); }
uint8_t *cw_memory_data(cw_memory *m) { return m->data; }
uint64_t cw_memory_size(const cw_memory *m) { return m->size; }
const cw_functype *cw_func_type(const cw_func *f) { return f->type; }
