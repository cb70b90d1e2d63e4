/* chiwawa: a WebAssembly interpreter that can itself run as wasm32-wasi.
 * Public embedding API. Data flows one way:
 *   bytes -> cw_module (decoded, validated, compiled) -> cw_instance -> execution in a cw_store. */
#ifndef CHIWAWA_H
#define CHIWAWA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CHIWAWA_VERSION "0.1.0"

/* Value types use their binary-format codes. */
typedef enum cw_valtype {
    CW_I32 = 0x7f,
    CW_I64 = 0x7e,
    CW_F32 = 0x7d,
    CW_F64 = 0x7c,
    CW_V128 = 0x7b,
    CW_FUNCREF = 0x70,
    CW_EXTERNREF = 0x6f,
} cw_valtype;

/* Floats are carried as raw bits so NaN payloads survive. References are opaque
 * pointers: NULL is the null reference; an externref is whatever the embedder passed in. */
typedef struct cw_value {
    uint8_t type; /* cw_valtype */
    union {
        uint32_t i32;
        uint64_t i64;
        uint32_t f32;
        uint64_t f64;
        uint8_t v128[16];
        void *ref;
    } of;
} cw_value;

typedef struct cw_functype {
    uint32_t nparams, nresults;
    const uint8_t *params;  /* cw_valtype codes */
    const uint8_t *results;
} cw_functype;

typedef struct cw_limits {
    uint32_t min, max;
    bool has_max;
} cw_limits;

typedef enum cw_externkind { CW_EXTERN_FUNC = 0, CW_EXTERN_TABLE = 1, CW_EXTERN_MEMORY = 2, CW_EXTERN_GLOBAL = 3 } cw_externkind;

typedef struct cw_module cw_module;
typedef struct cw_store cw_store;
typedef struct cw_instance cw_instance;
typedef struct cw_func cw_func;
typedef struct cw_table cw_table;
typedef struct cw_memory cw_memory;
typedef struct cw_global cw_global;

typedef struct cw_extern {
    cw_externkind kind;
    union {
        cw_func *func;
        cw_table *table;
        cw_memory *memory;
        cw_global *global;
    } of;
} cw_extern;

/* Where an error came from. The message is the spec's wording where the spec has one
 * ("unexpected end", "type mismatch", "integer divide by zero", "unknown import", ...). */
typedef enum cw_errkind {
    CW_OK = 0,
    CW_ERR_MALFORMED,   /* binary cannot be decoded */
    CW_ERR_INVALID,     /* decoded but fails validation */
    CW_ERR_LINK,        /* import missing or of the wrong type */
    CW_ERR_TRAP,        /* a trap during execution (also in start/segment init) */
    CW_ERR_EXHAUSTION,  /* call stack exhausted */
    CW_ERR_EXIT,        /* the guest asked to exit (WASI proc_exit); see cw_error.exit_code */
    CW_ERR_RESOURCE,    /* out of host memory or a configured limit */
    CW_ERR_IO,          /* file could not be read or written */
    CW_SUSPENDED,       /* stopped at a safe point because the poll hook asked; see cw_resume */
} cw_errkind;

typedef struct cw_error {
    cw_errkind kind;
    int exit_code;
    char message[256];
} cw_error;

/* ---- modules ---- */
/* Decodes, validates and compiles. Returns NULL and fills err on failure. The bytes are copied. */
cw_module *cw_module_load(const uint8_t *bytes, size_t len, cw_error *err);
/* The same with options: CW_LOAD_TRACEABLE compiles one internal op per instruction (no folding of
 * operands into fused ops), so that a trace sees every instruction. */
enum { CW_LOAD_TRACEABLE = 1 };
cw_module *cw_module_load_with(const uint8_t *bytes, size_t len, unsigned flags, cw_error *err);
void cw_module_free(cw_module *m);

uint32_t cw_module_import_count(const cw_module *m);
/* Describes import i; the type out-parameters that do not apply to its kind are left untouched. */
void cw_module_import(const cw_module *m, uint32_t i, const char **module_name, const char **field_name,
                      cw_externkind *kind);
uint32_t cw_module_export_count(const cw_module *m);
void cw_module_export(const cw_module *m, uint32_t i, const char **name, cw_externkind *kind);

/* ---- store: owns every instance and host object, and the execution state ---- */
cw_store *cw_store_new(void);
void cw_store_free(cw_store *s);
/* Limits for execution in this store (0 keeps the default). */
void cw_store_set_limits(cw_store *s, uint32_t max_call_depth, uint64_t max_stack_slots);
/* The most linear memory, in bytes, that all memories of the store may hold together (default 4 GiB):
 * instantiating beyond it fails with CW_ERR_RESOURCE and memory.grow beyond it returns -1. Tables are
 * bounded likewise, at 10M elements in all. */
void cw_store_set_max_memory(cw_store *s, uint64_t bytes);

/* Host objects, owned by the store. A host function returns NULL, a trap message, or
 * cw_exit(caller, code) to end the run (WASI proc_exit): cw_call then reports CW_ERR_EXIT. */
typedef const char *(*cw_host_fn)(void *env, cw_instance *caller, cw_value *args, cw_value *results);
const char *cw_exit(cw_instance *caller, int code);
cw_func *cw_func_new_host(cw_store *s, const cw_functype *type, cw_host_fn fn, void *env);
cw_table *cw_table_new(cw_store *s, cw_valtype elem, cw_limits lim);
cw_memory *cw_memory_new(cw_store *s, cw_limits lim);
cw_global *cw_global_new(cw_store *s, cw_value init, bool mutable_);

/* imports[i] satisfies import i (in cw_module_import order). Link errors: CW_ERR_LINK with
 * "incompatible import type". A trap in segment initialisation or the start function leaves
 * a partly initialised instance behind (as the spec says) but returns NULL with CW_ERR_TRAP. */
cw_instance *cw_instantiate(cw_store *s, const cw_module *m, const cw_extern *imports, cw_error *err);
bool cw_instance_export(const cw_instance *inst, const char *name, cw_extern *out);
/* For names that may contain NUL bytes. */
bool cw_instance_export_n(const cw_instance *inst, const char *name, size_t len, cw_extern *out);
cw_memory *cw_instance_memory(const cw_instance *inst, uint32_t idx);

/* ---- objects ---- */
const cw_functype *cw_func_type(const cw_func *f);
/* Calls f. args must match the parameter types; results receives nresults values. */
cw_errkind cw_call(cw_store *s, cw_func *f, const cw_value *args, cw_value *results, cw_error *err);

/* Safe points (function entry, loop headers) call poll(ctx) every `interval` passes; when it
 * returns true, execution stops there with CW_SUSPENDED and the state stays in the store. */
void cw_store_set_poll(cw_store *s, bool (*poll)(void *ctx), void *ctx, uint32_t interval);
/* Continues a suspended (or restored) execution; results as for cw_call of the entry function. */
cw_errkind cw_resume(cw_store *s, cw_value *results, cw_error *err);
/* The function a suspended execution started in (NULL when none is suspended). */
cw_func *cw_store_entry(const cw_store *s);

cw_value cw_global_get(const cw_global *g);
uint8_t *cw_memory_data(cw_memory *m);
uint64_t cw_memory_size(const cw_memory *m); /* bytes */

#endif
