/* The decoded module: what the binary says, plus the internal code the validator compiled.
 * Immutable once loaded; instances point into it. */
#ifndef CW_MODULE_H
#define CW_MODULE_H

#include "chiwawa/chiwawa.h"

#define CW_PAGE_SIZE 65536u
#define CW_MAX_PAGES 65536u
#define CW_MAX_TABLE 0xffffffffu

/* A constant expression (Wasm 2.0 allows a single instruction). */
typedef struct cw_constexpr {
    uint16_t op;    /* CW_OP_I32_CONST .. CW_OP_F64_CONST, CW_OP_V128_CONST, CW_OP_REF_NULL, CW_OP_REF_FUNC,
                       CW_OP_GLOBAL_GET */
    uint64_t value; /* the constant's bits, or the function/global index */
    uint64_t hi;    /* v128.const: the high 64 bits */
} cw_constexpr;

typedef struct cw_tabletype {
    uint8_t elem;
    cw_limits lim;
} cw_tabletype;

typedef struct cw_globaltype {
    uint8_t type;
    bool mut;
} cw_globaltype;

typedef struct cw_import {
    char *module, *name;
    cw_externkind kind;
    uint32_t typeidx;       /* func */
    cw_tabletype table;     /* table */
    cw_limits mem;          /* memory */
    cw_globaltype global;   /* global */
} cw_import;

typedef struct cw_export {
    char *name;
    uint32_t name_len;
    cw_externkind kind;
    uint32_t index;
} cw_export;

typedef struct cw_funcdef {
    uint32_t typeidx;
    const cw_functype *type;
    /* Set for defined functions by the validator: */
    uint32_t body_offset, body_len;  /* the body in the module bytes (for pc mapping) */
    uint32_t nlocals;                /* including params */
    uint8_t *local_types;
    uint32_t *local_slot;            /* slot offset of each local from the frame base */
    uint32_t param_slots, local_slots, result_slots;
    uint32_t max_slots;              /* locals + deepest operand stack, in slots */
    uint32_t code_start;             /* index into cw_module.code */
    char *name;                      /* from the name section, or NULL */
} cw_funcdef;

typedef enum { CW_SEG_ACTIVE, CW_SEG_PASSIVE, CW_SEG_DECLARATIVE } cw_segmode;

typedef struct cw_elem {
    cw_segmode mode;
    uint8_t type;
    uint32_t table;
    cw_constexpr offset;
    uint32_t count;
    cw_constexpr *items;
} cw_elem;

typedef struct cw_data {
    cw_segmode mode;
    uint32_t memory;
    cw_constexpr offset;
    uint32_t offset_in_module, len;
} cw_data;

/* Maps an internal code position to the original bytecode offset (for checkpoints and traces). */
typedef struct cw_pcmap {
    uint32_t code_pos, byte_offset;
} cw_pcmap;

struct cw_module {
    uint8_t *bytes;
    size_t len;
    bool traceable; /* compiled one internal op per instruction (no operand folding), for traces */
    uint32_t ntypes;
    cw_functype *types;
    uint32_t nimports;
    cw_import *imports;
    uint32_t nfuncs, nfunc_imports;
    cw_funcdef *funcs;
    uint32_t ntables, ntable_imports;
    cw_tabletype *tables;
    uint32_t nmems, nmem_imports;
    cw_limits *mems;
    uint32_t nglobals, nglobal_imports;
    cw_globaltype *globals;
    cw_constexpr *global_init; /* for defined globals, indexed by global index */
    uint32_t nexports;
    cw_export *exports;
    bool has_start;
    uint32_t start;
    uint32_t nelems;
    cw_elem *elems;
    uint32_t ndatas;
    cw_data *datas;
    bool has_datacount;
    uint32_t datacount;
    bool *declared_funcs; /* functions that ref.func may name */
    /* Internal code of all defined functions. */
    uint32_t *code;
    size_t code_len, code_cap;
    cw_pcmap *pcmap;
    size_t npcmap, pcmap_cap;
};

/* Decoder (decode.c): fills everything but the compiled code. */
bool cw_decode(cw_module *m, cw_error *err);
/* Validator and compiler (validate.c): checks and compiles function fi's body. */
bool cw_validate_func(cw_module *m, uint32_t fi, cw_error *err);
/* Sizes the compiled code for a code section of `bytes` bytes (false: out of memory). */
bool cw_validate_reserve(cw_module *m, size_t bytes);
uint32_t cw_valtype_slots(uint8_t t);
uint32_t cw_types_slots(const uint8_t *types, uint32_t n);

/* The operand stack types before the instruction at `offset` of function fi (a reachable
 * instruction start), with the instruction before it: what a checkpoint needs to describe a
 * frame in Wasm terms and to check a restored one. */
typedef struct cw_stackinfo {
    uint8_t *types; /* malloc'd */
    uint32_t ntypes;
    int prev_op;
    uint32_t call_imm; /* function index of a call, type index of a call_indirect */
} cw_stackinfo;
bool cw_stack_at(const cw_module *m, uint32_t fi, uint32_t offset, cw_stackinfo *out);
/* Calls visit with the operand stack types at every reachable instruction of function fi. */
typedef void (*cw_stack_visit)(void *ctx, uint32_t offset, const uint8_t *types, uint32_t ntypes);
void cw_stack_walk(const cw_module *m, uint32_t fi, cw_stack_visit visit, void *ctx);
bool cw_functype_eq(const cw_functype *a, const cw_functype *b);

void cw_set_error(cw_error *err, cw_errkind kind, const char *fmt, ...);

#endif
