/* spectest exports, as the reference interpreter defines them (spectest.ml). */
#include "spectest_host.h"

#include <string.h>

static const uint8_t P_I32[] = {CW_I32}, P_I64[] = {CW_I64}, P_F32[] = {CW_F32}, P_F64[] = {CW_F64};
static const uint8_t P_I32_F32[] = {CW_I32, CW_F32}, P_F64_F64[] = {CW_F64, CW_F64};

static const struct {
    const char *name;
    cw_functype type;
} FUNCS[] = {
    {"print", {0, 0, NULL, NULL}},
    {"print_i32", {1, 0, P_I32, NULL}},
    {"print_i64", {1, 0, P_I64, NULL}},
    {"print_f32", {1, 0, P_F32, NULL}},
    {"print_f64", {1, 0, P_F64, NULL}},
    {"print_i32_f32", {2, 0, P_I32_F32, NULL}},
    {"print_f64_f64", {2, 0, P_F64_F64, NULL}},
};
#define NFUNCS (sizeof FUNCS / sizeof FUNCS[0])

/* Export names in the order of spectest.exports: the functions, then these. */
static const char *const OTHERS[SPECTEST_EXPORTS - NFUNCS] = {
    "global_i32", "global_i64", "global_f32", "global_f64", "table", "memory",
};

/* The scripts only need the print functions to exist and accept their arguments;
 * staying silent keeps the runner's output line-based and parseable. */
static const char *print_nothing(void *env, cw_instance *caller, cw_value *args, cw_value *results) {
    (void)env, (void)caller, (void)args, (void)results;
    return NULL;
}

bool spectest_init(spectest *h, cw_store *s) {
    float f32 = 666.6f;
    double f64 = 666.6;
    cw_value globals[4] = {{.type = CW_I32, .of.i32 = 666}, {.type = CW_I64, .of.i64 = 666},
                           {.type = CW_F32}, {.type = CW_F64}};
    memcpy(&globals[2].of.f32, &f32, sizeof f32);
    memcpy(&globals[3].of.f64, &f64, sizeof f64);

    cw_extern *e = h->exports;
    for (size_t i = 0; i < NFUNCS; i++, e++) {
        e->kind = CW_EXTERN_FUNC;
        e->of.func = cw_func_new_host(s, &FUNCS[i].type, print_nothing, NULL);
        if (!e->of.func)
            return false;
    }
    for (size_t i = 0; i < 4; i++, e++) {
        e->kind = CW_EXTERN_GLOBAL;
        e->of.global = cw_global_new(s, globals[i], false);
        if (!e->of.global)
            return false;
    }
    e[0] = (cw_extern){.kind = CW_EXTERN_TABLE, .of.table = cw_table_new(s, CW_FUNCREF, (cw_limits){10, 20, true})};
    e[1] = (cw_extern){.kind = CW_EXTERN_MEMORY, .of.memory = cw_memory_new(s, (cw_limits){1, 2, true})};
    return e[0].of.table && e[1].of.memory;
}

bool spectest_lookup(const spectest *h, const char *field, cw_extern *out) {
    for (size_t i = 0; i < SPECTEST_EXPORTS; i++) {
        const char *name = i < NFUNCS ? FUNCS[i].name : OTHERS[i - NFUNCS];
        if (strcmp(name, field) == 0) {
            *out = h->exports[i];
            return true;
        }
    }
    return false;
}
