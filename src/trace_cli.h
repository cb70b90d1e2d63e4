/* The command line's side of tracing: --trace and its --trace-* options. Used by main.c. */
#ifndef CW_TRACE_CLI_H
#define CW_TRACE_CLI_H

#include "chiwawa/trace.h"

typedef struct trace_cli {
    bool on;
    cw_trace_config cfg;
    const char *out_path;
    FILE *out;
    cw_trace *trace;
} trace_cli;

/* Is name a trace option, and does it take a value? */
bool trace_cli_takes(const char *name, bool *has_value);
/* Records option name (value NULL for --trace); false with a one-line message on a bad value. */
bool trace_cli_option(trace_cli *c, const char *name, const char *value, char *msg, size_t msg_size);
/* Starts tracing runs of s (module m) when asked to; false with a message if that fails. */
bool trace_cli_start(trace_cli *c, cw_store *s, const cw_module *m, char *msg, size_t msg_size);
/* Writes out and ends the trace, if any. */
void trace_cli_finish(trace_cli *c, cw_store *s);

#endif
