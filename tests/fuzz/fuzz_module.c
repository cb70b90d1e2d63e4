/* Fuzz target: decoding and validation. Any bytes, loaded both ways the CLI loads (compiled with
 * fused ops, and one op per instruction for traces); a module that loads is then read through every
 * view the rest of chiwawa takes of it: imports, exports, and the operand-stack types at each
 * instruction (what checkpoints are built from). */
#include "fuzz.h"
#include "module.h"

static void visit(void *ctx, uint32_t offset, const uint8_t *types, uint32_t ntypes) {
    uint32_t *sum = ctx;
    *sum += offset;
    for (uint32_t i = 0; i < ntypes; i++) *sum += types[i]; /* read every type: ASan checks the bounds */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const unsigned flags[] = {0, CW_LOAD_TRACEABLE};
    for (size_t k = 0; k < sizeof flags / sizeof *flags; k++) {
        cw_error err;
        cw_module *m = cw_module_load_with(data, size, flags[k], &err);
        if (!m) {
            if (err.kind == CW_OK || !err.message[0]) __builtin_trap(); /* a failure must say why */
            return 0;
        }
        const char *mod, *name;
        cw_externkind kind;
        for (uint32_t i = 0; i < cw_module_import_count(m); i++) cw_module_import(m, i, &mod, &name, &kind);
        for (uint32_t i = 0; i < cw_module_export_count(m); i++) cw_module_export(m, i, &name, &kind);
        uint32_t sum = 0;
        for (uint32_t fi = m->nfunc_imports; fi < m->nfuncs; fi++) cw_stack_walk(m, fi, visit, &sum);
        cw_module_free(m);
    }
    return 0;
}
