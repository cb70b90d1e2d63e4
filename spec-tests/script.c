/* Script lifetime, and turning module files into instances. */
#include "script.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"

bool script_open(script *sc, const char *dir, char *err, size_t errlen) {
    memset(sc, 0, sizeof *sc);
    sc->dir = dir;
    sc->store = cw_store_new();
    if (!sc->store) {
        snprintf(err, errlen, "cw_store_new failed");
        return false;
    }
    if (!registry_init(&sc->reg, sc->store)) {
        snprintf(err, errlen, "could not create the spectest host module");
        script_close(sc);
        return false;
    }
    return true;
}

void script_close(script *sc) {
    registry_free(&sc->reg);
    if (sc->store)
        cw_store_free(sc->store);
    for (size_t i = 0; i < sc->nmodules; i++)
        cw_module_free(sc->modules[i]);
    free(sc->modules);
    memset(sc, 0, sizeof *sc);
}

static void set_error(cw_error *err, cw_errkind kind, const char *message) {
    err->kind = kind;
    snprintf(err->message, sizeof err->message, "%s", message);
}

cw_module *script_load(script *sc, const json *cmd, cw_error *err) {
    const char *name = json_get_str(cmd, "filename");
    char msg[sizeof err->message];
    size_t len;
    uint8_t *bytes = name ? read_relative(sc->dir, name, &len, msg, sizeof msg) : NULL;
    if (!bytes) {
        set_error(err, CW_ERR_IO, name ? msg : "command has no \"filename\"");
        return NULL;
    }
    memset(err, 0, sizeof *err);
    cw_module *m = cw_module_load(bytes, len, err);
    free(bytes);
    return m;
}

static bool keep_module(script *sc, cw_module *m) {
    if (sc->nmodules == sc->capmodules) {
        size_t cap = sc->capmodules ? sc->capmodules * 2 : 16;
        cw_module **mods = realloc(sc->modules, cap * sizeof *mods);
        if (!mods)
            return false;
        sc->modules = mods;
        sc->capmodules = cap;
    }
    sc->modules[sc->nmodules++] = m;
    return true;
}

cw_instance *script_instantiate(script *sc, cw_module *m, cw_error *err) {
    if (!keep_module(sc, m)) {
        cw_module_free(m);
        set_error(err, CW_ERR_RESOURCE, "out of memory");
        return NULL;
    }
    uint32_t n = cw_module_import_count(m);
    cw_extern *imports = calloc(n ? n : 1, sizeof *imports);
    if (!imports) {
        set_error(err, CW_ERR_RESOURCE, "out of memory");
        return NULL;
    }
    cw_instance *inst = NULL;
    memset(err, 0, sizeof *err);
    if (registry_resolve(&sc->reg, m, imports, err->message, sizeof err->message))
        inst = cw_instantiate(sc->store, m, imports, err);
    else
        err->kind = CW_ERR_LINK;
    free(imports);
    return inst;
}
