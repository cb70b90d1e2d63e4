/* Run-time objects (the spec's store) and the execution state. */
#ifndef CW_RUNTIME_H
#define CW_RUNTIME_H

#include "module.h"

struct cw_func {
    const cw_functype *type;
    cw_instance *inst;       /* NULL for host functions */
    const cw_funcdef *def;   /* defined function: its compiled code and frame layout */
    uint32_t index;          /* index in inst's module */
    cw_host_fn host;
    void *env;
    cw_functype host_type;   /* host functions own a copy of their type */
};

struct cw_table {
    uint8_t elem;
    cw_limits lim;
    uint32_t size;
    uint64_t *elems; /* references as slots: 0 is null */
    cw_store *store;  /* accounts for its elements */
};

struct cw_memory {
    uint8_t *data;
    uint64_t size; /* bytes */
    cw_limits lim;
    cw_store *store; /* accounts for its bytes */
};

struct cw_global {
    uint8_t type;
    bool mut;
    uint64_t val[2]; /* its slots: a v128 uses both */
};

struct cw_instance {
    const cw_module *module;
    cw_store *store;
    cw_func **funcs;
    cw_table **tables;
    cw_memory **mems;
    cw_global **globals;
    bool *elem_dropped;
    bool *data_dropped;
};

/* A call frame. Offsets, not pointers, where the stacks may be reallocated. */
typedef struct cw_frame {
    cw_func *fn;
    const uint32_t *ret_pc; /* caller's continuation */
    uint32_t fp;            /* caller's frame base, as a slot index */
} cw_frame;

/* The whole execution state of a store: an explicit value stack and frame stack, so Wasm calls
 * never recurse on the C stack and the state can be saved. While suspended, fn/pc/fp/sp hold the
 * running frame; frames[0] is a sentinel whose return ends the run of `entry`. */
typedef struct cw_exec {
    uint64_t *stack;
    uint64_t stack_cap, max_slots;
    cw_frame *frames;
    uint32_t nframes, frames_cap, max_frames;
    cw_func *entry;
    cw_func *fn;
    const uint32_t *pc;
    uint32_t fp, sp;
    bool (*poll)(void *ctx);
    void *poll_ctx;
    uint32_t poll_interval, countdown;
} cw_exec;

typedef struct cw_alloc {
    struct cw_alloc *next;
    void (*free_fn)(void *);
    void *obj;
} cw_alloc;

typedef struct cw_trace cw_trace;

struct cw_store {
    cw_alloc *allocs; /* everything the store owns */
    cw_exec exec;
    cw_trace *trace;  /* set: runs use the traced interpreter */
    int exit_code;    /* set by cw_exit */
    /* What all its memories and tables hold, against the limits: however many a guest makes, the
     * total stays bounded. */
    uint64_t mem_bytes, max_mem_bytes, table_elems;
};

extern const char cw_exit_message[];

/* Store ownership: registers obj to be released with free_fn when the store is freed. */
void *cw_store_own(cw_store *s, void *obj, void (*free_fn)(void *));

/* Interpreter (interp.c): runs f with args in slots; results replace them. */
cw_errkind cw_exec_call(cw_store *s, cw_func *f, uint64_t *slots, cw_error *err);
/* Makes room for `slots` value slots and `frames` frames (for restoring a saved state). */
bool cw_exec_reserve(cw_exec *ex, uint64_t slots, uint32_t frames);

/* Values to and from slots: one slot, or two for a v128 (low half first). The list forms take
 * the types from `types`, not from the values. */
void cw_value_to_slots(const cw_value *v, uint64_t *slots);
cw_value cw_slots_to_value(const uint64_t *slots, uint8_t type);
void cw_values_to_slots(const cw_value *vals, const uint8_t *types, uint32_t n, uint64_t *slots);
void cw_slots_to_values(const uint64_t *slots, const uint8_t *types, uint32_t n, cw_value *vals);

/* Segment copies shared by instantiation and the bulk instructions; they return a trap message or NULL. */
const char *cw_table_init(cw_instance *in, uint32_t table, uint32_t seg, uint32_t dst, uint32_t src, uint32_t n);
const char *cw_memory_init(cw_instance *in, uint32_t seg, uint32_t dst, uint32_t src, uint32_t n);

/* Whether the store's limits leave room for `bytes` more of memory and `elems` more table elements. */
bool cw_store_room(const cw_store *s, uint64_t bytes, uint64_t elems);
bool cw_memory_grow(cw_memory *m, uint32_t delta_pages);
bool cw_table_grow(cw_table *t, uint32_t delta, uint64_t init);

#endif
