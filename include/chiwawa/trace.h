/* Tracing: one event per executed instruction of the chosen kinds, written as JSON Lines (format in
 * docs/trace-format.md) or as a Chrome trace-event file. Events are host-neutral: the same guest
 * gives the same trace on every host, and a restored run continues the trace of the saved one. */
#ifndef CHIWAWA_TRACE_H
#define CHIWAWA_TRACE_H

#include <stdio.h>

#include "chiwawa.h"

enum {
    CW_TRACE_INSN = 1,    /* every other instruction ("all" turns every kind on) */
    CW_TRACE_LOAD = 2,
    CW_TRACE_STORE = 4,
    CW_TRACE_CALL = 8,    /* calls (also into host functions) and returns */
    CW_TRACE_BRANCH = 16, /* br, br_if, br_table, if (taken or not, and the target) */
    CW_TRACE_ALL = 31,
};

enum { CW_RES_PC = 1, CW_RES_STACK = 2, CW_RES_LOCALS = 4, CW_RES_GLOBALS = 8, CW_RES_MEMORY = 16 };

typedef enum { CW_TRACE_JSONL, CW_TRACE_CHROME } cw_trace_format;

typedef struct cw_trace_config {
    unsigned events, resources;
    cw_trace_format format;
    FILE *out;
    const char *func;    /* only events inside this function (name or index), or NULL */
    uint64_t limit;      /* stop writing after this many events (0: no limit) */
} cw_trace_config;

typedef struct cw_trace cw_trace;

/* Parses "call,branch" / "pc,stack" lists; unknown names are an error naming them. */
bool cw_trace_parse_events(const char *list, unsigned *events, char *err, size_t errsize);
bool cw_trace_parse_resources(const char *list, unsigned *resources, char *err, size_t errsize);

/* Traces every run of s (of module m) from now on; the traced interpreter is used only while a trace
 * is set. NULL with a message in err when cfg does not fit m (e.g. an unknown --trace-func). */
cw_trace *cw_trace_start(cw_store *s, const cw_module *m, const cw_trace_config *cfg, char *err, size_t errsize);
/* Writes what is buffered (and, for Chrome, closes open calls and the JSON) and detaches. */
void cw_trace_finish(cw_store *s, cw_trace *t);

#endif
