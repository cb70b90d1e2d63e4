/* The names a script gives instances, and import resolution against them. */
#ifndef SPEC_REGISTRY_H
#define SPEC_REGISTRY_H

#include <stdbool.h>
#include <stddef.h>

#include "chiwawa/chiwawa.h"
#include "spectest_host.h"

/* Two namespaces: "$M" names from (module $M ...), used by actions and register,
 * and the names given by (register "M"), used by other modules' imports. */
typedef enum name_space { NAME_SCRIPT, NAME_IMPORT } name_space;

typedef struct binding {
    name_space space;
    char *name;
    cw_instance *inst;
} binding;

typedef struct registry {
    spectest spectest;
    binding *bindings;
    size_t n, cap;
} registry;

/* Creates the spectest module in s. False if the core refused to create it. */
bool registry_init(registry *r, cw_store *s);
void registry_free(registry *r);
/* A later binding of the same name shadows the earlier one. False when out of memory. */
bool registry_bind(registry *r, name_space space, const char *name, cw_instance *inst);
cw_instance *registry_find(const registry *r, name_space space, const char *name);
/* Fills imports[0..import count) for m from registered instances and spectest.
 * False with "unknown import \"mod\" \"field\"" in err when one is missing. */
bool registry_resolve(const registry *r, const cw_module *m, cw_extern *imports, char *err, size_t errlen);

#endif
