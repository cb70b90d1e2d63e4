/* Module lifetime and the public view of imports and exports. */
#include <stdlib.h>
#include <string.h>

#include "module.h"

cw_module *cw_module_load(const uint8_t *bytes, size_t len, cw_error *err) {
    return cw_module_load_with(bytes, len, 0, err);
}

cw_module *cw_module_load_with(const uint8_t *bytes, size_t len, unsigned flags, cw_error *err) {
    err->kind = CW_OK;
    err->message[0] = 0;
    cw_module *m = calloc(1, sizeof *m);
    if (!m || len > UINT32_MAX) {
        cw_set_error(err, CW_ERR_RESOURCE, m ? "module too large" : "out of memory");
        free(m);
        return NULL;
    }
    m->bytes = malloc(len ? len : 1);
    if (!m->bytes) {
        cw_set_error(err, CW_ERR_RESOURCE, "out of memory");
        free(m);
        return NULL;
    }
    memcpy(m->bytes, bytes, len);
    m->len = len;
    m->traceable = flags & CW_LOAD_TRACEABLE;
    if (!cw_decode(m, err)) {
        cw_module_free(m);
        return NULL;
    }
    return m;
}

void cw_module_free(cw_module *m) {
    if (!m) return;
    for (uint32_t i = 0; i < m->ntypes; i++) {
        free((void *)m->types[i].params);
        free((void *)m->types[i].results);
    }
    free(m->types);
    for (uint32_t i = 0; i < m->nimports; i++) {
        free(m->imports[i].module);
        free(m->imports[i].name);
    }
    free(m->imports);
    for (uint32_t i = 0; i < m->nfuncs && m->funcs; i++) {
        free(m->funcs[i].local_types);
        free(m->funcs[i].local_slot);
        free(m->funcs[i].name);
    }
    free(m->funcs);
    free(m->declared_funcs);
    free(m->tables);
    free(m->mems);
    free(m->globals);
    free(m->global_init);
    for (uint32_t i = 0; i < m->nexports && m->exports; i++) free(m->exports[i].name);
    free(m->exports);
    for (uint32_t i = 0; i < m->nelems && m->elems; i++) free(m->elems[i].items);
    free(m->elems);
    free(m->datas);
    free(m->code);
    free(m->pcmap);
    free(m->bytes);
    free(m);
}

uint32_t cw_module_import_count(const cw_module *m) { return m->nimports; }

void cw_module_import(const cw_module *m, uint32_t i, const char **module_name, const char **field_name,
                      cw_externkind *kind) {
    *module_name = m->imports[i].module;
    *field_name = m->imports[i].name;
    *kind = m->imports[i].kind;
}

uint32_t cw_module_export_count(const cw_module *m) { return m->nexports; }

void cw_module_export(const cw_module *m, uint32_t i, const char **name, cw_externkind *kind) {
    *name = m->exports[i].name;
    *kind = m->exports[i].kind;
}
