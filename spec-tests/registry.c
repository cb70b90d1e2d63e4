/* Name bindings of a script and import resolution. Scripts define a few dozen
 * names at most, so a list searched from the newest end is all this needs. */
#include "registry.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool registry_init(registry *r, cw_store *s) {
    memset(r, 0, sizeof *r);
    return spectest_init(&r->spectest, s);
}

void registry_free(registry *r) {
    for (size_t i = 0; i < r->n; i++)
        free(r->bindings[i].name);
    free(r->bindings);
    memset(r, 0, sizeof *r);
}

bool registry_bind(registry *r, name_space space, const char *name, cw_instance *inst) {
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 8;
        binding *b = realloc(r->bindings, cap * sizeof *b);
        if (!b)
            return false;
        r->bindings = b;
        r->cap = cap;
    }
    char *copy = malloc(strlen(name) + 1);
    if (!copy)
        return false;
    strcpy(copy, name);
    r->bindings[r->n++] = (binding){space, copy, inst};
    return true;
}

cw_instance *registry_find(const registry *r, name_space space, const char *name) {
    for (size_t i = r->n; i-- > 0;)
        if (r->bindings[i].space == space && strcmp(r->bindings[i].name, name) == 0)
            return r->bindings[i].inst;
    return NULL;
}

/* A registered instance shadows spectest, as a later (register "spectest") would. The kind
 * is not checked here: a mismatch is the core's link error to report. */
bool registry_resolve(const registry *r, const cw_module *m, cw_extern *imports, char *err, size_t errlen) {
    uint32_t n = cw_module_import_count(m);
    for (uint32_t i = 0; i < n; i++) {
        const char *mod, *field;
        cw_externkind kind;
        cw_module_import(m, i, &mod, &field, &kind);
        cw_instance *inst = registry_find(r, NAME_IMPORT, mod);
        bool found = inst ? cw_instance_export(inst, field, &imports[i])
                          : strcmp(mod, "spectest") == 0 && spectest_lookup(&r->spectest, field, &imports[i]);
        if (!found) {
            snprintf(err, errlen, "unknown import \"%s\" \"%s\"", mod, field);
            return false;
        }
    }
    return true;
}
