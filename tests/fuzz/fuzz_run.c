/* Fuzz target: execution. Instantiates any module that loads (each import met by a stand-in of its
 * type: functions that return zeros, fresh tables, memories and globals) and calls every exported
 * function with zero arguments, under the limits an untrusted module gets: 16 MiB of memory, 1000
 * frames, and the fuzz budget of fuel and time per input. One input in eight runs traced instead,
 * writing its trace nowhere. */
#include <stdio.h>
#include <stdlib.h>

#include "chiwawa/trace.h"
#include "fuzz.h"
#include "runtime.h"

static const char *zeros(void *env, cw_instance *caller, cw_value *args, cw_value *results) {
    const cw_functype *t = env;
    (void)caller, (void)args;
    for (uint32_t i = 0; i < t->nresults; i++) results[i] = (cw_value){.type = t->results[i]};
    return NULL;
}

static bool stand_in(cw_store *s, const cw_module *m, const cw_import *im, cw_extern *out) {
    out->kind = im->kind;
    switch (im->kind) {
    case CW_EXTERN_FUNC: {
        const cw_functype *t = &m->types[im->typeidx];
        return (out->of.func = cw_func_new_host(s, t, zeros, (void *)t)) != NULL;
    }
    case CW_EXTERN_TABLE: return (out->of.table = cw_table_new(s, im->table.elem, im->table.lim)) != NULL;
    case CW_EXTERN_MEMORY: return (out->of.memory = cw_memory_new(s, im->mem)) != NULL;
    case CW_EXTERN_GLOBAL:
        return (out->of.global = cw_global_new(s, (cw_value){.type = im->global.type}, im->global.mut)) != NULL;
    }
    return false;
}

/* Calls each exported function, with zero arguments, until a run is left suspended (out of time). */
static void call_exports(cw_store *s, cw_instance *inst, const cw_module *m, cw_fuel *fuel) {
    cw_value args[64] = {{0}}, *results = NULL;
    for (uint32_t i = 0; i < m->nexports; i++) {
        const cw_export *e = &m->exports[i];
        cw_extern ex;
        if (e->kind != CW_EXTERN_FUNC || !cw_instance_export_n(inst, e->name, e->name_len, &ex)) continue;
        const cw_functype *t = cw_func_type(ex.of.func);
        if (t->nparams > 64 || !(results = realloc(results, (t->nresults + 1) * sizeof *results))) break;
        for (uint32_t k = 0; k < t->nparams; k++) args[k] = (cw_value){.type = t->params[k]};
        cw_error err;
        cw_fuel_arm(s, fuel);
        cw_errkind st = cw_fuel_settle(s, fuel, cw_call(s, ex.of.func, args, results, &err), results, &err);
        if (st == CW_SUSPENDED || fuel->exhausted) break;
    }
    free(results);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static FILE *nowhere;
    if (!nowhere && !(nowhere = fopen("/dev/null", "w"))) abort();
    bool traced = size % 8 == 0;
    cw_error err;
    cw_module *m = cw_module_load_with(data, size, traced ? CW_LOAD_TRACEABLE : 0, &err);
    if (!m) return 0;
    cw_store *s = cw_store_new();
    cw_extern *imports = calloc(m->nimports + 1, sizeof *imports);
    cw_trace_config cfg = {.events = CW_TRACE_ALL, .resources = CW_RES_PC | CW_RES_STACK, .out = nowhere};
    char msg[256];
    cw_trace *trace = traced && s ? cw_trace_start(s, m, &cfg, msg, sizeof msg) : NULL;
    bool ok = s && imports;
    if (ok) {
        cw_store_set_limits(s, 1000, 0);
        cw_store_set_max_memory(s, 16u << 20);
    }
    for (uint32_t i = 0; i < m->nimports && ok; i++) ok = stand_in(s, m, &m->imports[i], &imports[i]);
    if (ok) {
        cw_fuel fuel;
        fuzz_budget(s, &fuel);
        cw_instance *inst = cw_instantiate(s, m, imports, &err);
        if (inst) call_exports(s, inst, m, &fuel);
    }
    if (trace) cw_trace_finish(s, trace);
    cw_store_free(s);
    free(imports);
    cw_module_free(m);
    return 0;
}
