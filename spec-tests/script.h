/* The state of one wast script while its commands run, and the command interpreter. */
#ifndef SPEC_SCRIPT_H
#define SPEC_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>

#include "chiwawa/chiwawa.h"
#include "json.h"
#include "registry.h"

typedef struct script {
    cw_store *store; /* one per script, so scripts cannot see each other's state */
    const char *dir; /* directory of the .json; module file names are relative to it */
    registry reg;
    cw_instance *current; /* the last module defined; NULL after one failed */
    /* Every loaded module, freed only after the store: instances, even partly
     * initialised ones left by assert_uninstantiable, may still refer to them. */
    cw_module **modules;
    size_t nmodules, capmodules;
} script;

typedef enum outcome_kind { OUTCOME_PASS, OUTCOME_FAIL, OUTCOME_SKIP } outcome_kind;

typedef struct outcome {
    outcome_kind kind;
    char message[768]; /* why it failed or was skipped */
    char note[768];    /* for a pass: a difference worth showing in verbose mode, or "" */
} outcome;

bool script_open(script *sc, const char *dir, char *err, size_t errlen);
void script_close(script *sc);

/* Loads the module file named by cmd's "filename". NULL with err filled on failure
 * (CW_ERR_IO when the file cannot be read). */
cw_module *script_load(script *sc, const json *cmd, cw_error *err);
/* Resolves m's imports and instantiates it; m then belongs to the script. An unknown
 * import is reported as CW_ERR_LINK. */
cw_instance *script_instantiate(script *sc, cw_module *m, cw_error *err);

/* Runs one command of the "commands" array. */
void script_run(script *sc, const json *cmd, outcome *out);

#endif
