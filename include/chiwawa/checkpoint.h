/* Checkpoint and restore of a suspended execution (format: docs/checkpoint-format.md).
 * A checkpoint describes the run in Wasm terms (function indices, bytecode offsets, typed
 * values), so it does not depend on the host or on chiwawa's internal code. */
#ifndef CHIWAWA_CHECKPOINT_H
#define CHIWAWA_CHECKPOINT_H

#include <stdio.h>

#include "chiwawa.h"
#include "fuel.h"

/* State kept outside the store (the WASI layer) rides along as one opaque section. */
typedef struct cw_checkpoint_ext {
    uint8_t *(*save)(void *ctx, size_t *len); /* malloc'd blob, NULL on failure */
    bool (*load)(void *ctx, const uint8_t *data, size_t len, cw_error *err);
    void (*describe)(const uint8_t *data, size_t len, FILE *out); /* for inspect */
    void *ctx;
} cw_checkpoint_ext;

/* Writes the suspended state of s (running inst) to path, atomically: a temporary file is
 * written, synced and renamed, so path never holds a partial checkpoint. */
bool cw_checkpoint_save(cw_store *s, cw_instance *inst, const char *path, const cw_checkpoint_ext *ext,
                        cw_error *err);

/* Instantiates m for a restore: imports linked, objects allocated, but no segment
 * initialisation and no start function (the checkpoint supplies all state). */
cw_instance *cw_instantiate_for_restore(cw_store *s, const cw_module *m, const cw_extern *imports, cw_error *err);

/* Loads a checkpoint into inst (from cw_instantiate_for_restore) and s; cw_resume continues it.
 * Every field is checked: a corrupt, truncated, wrong-version or wrong-module file is refused. */
bool cw_checkpoint_load(cw_store *s, cw_instance *inst, const char *path, const cw_checkpoint_ext *ext,
                        cw_error *err);

/* Prints a human-readable summary (version, module hash, call stack, memory, tables, and what
 * ext->describe makes of the extension section) of the checkpoint at path; with m, function names
 * are shown. */
bool cw_checkpoint_inspect(const char *path, const cw_module *m, const cw_checkpoint_ext *ext, FILE *out,
                           cw_error *err);

/* Checkpoint on request: while a run is going, the presence of a trigger file asks for a
 * checkpoint at the next safe point. The file is looked at once every `interval` safe points. */
typedef struct cw_cr {
    const char *trigger;     /* default "checkpoint.trigger" */
    const char *out;         /* default "checkpoint.bin" */
    bool keep_running;       /* --cr-continue: checkpoint and go on */
    uint32_t interval;       /* safe points between looks at the trigger (0: default) */
    cw_fuel *fuel;           /* a budget (--fuel) to keep to, its hook calling the trigger's; or NULL */
} cw_cr;

/* Arms the trigger polling for the runs of s. */
void cw_cr_arm(cw_store *s, const cw_cr *cr);

/* Handles suspensions of a run: writes each checkpoint (removing the trigger and reporting on
 * stderr), then resumes when keep_running, until the run ends. Returns the run's final status,
 * or CW_SUSPENDED when it stopped after a checkpoint. */
cw_errkind cw_cr_drive(cw_store *s, cw_instance *inst, cw_errkind status, cw_value *results, const cw_cr *cr,
                       const cw_checkpoint_ext *ext, cw_error *err);

/* cw_checkpoint_load with a report on stderr of what was restored and how long it took. */
bool cw_cr_restore(cw_store *s, cw_instance *inst, const char *path, const cw_checkpoint_ext *ext, cw_error *err);

#endif
