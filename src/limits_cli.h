/* The command line's resource limits for untrusted modules: --max-memory, --max-stack and --fuel.
 * Used by main.c. */
#ifndef CW_LIMITS_CLI_H
#define CW_LIMITS_CLI_H

#include "chiwawa/fuel.h"

typedef struct limits_cli {
    bool has_memory, has_fuel;
    uint64_t max_memory; /* bytes */
    uint32_t max_stack;  /* frames; 0 keeps the default */
    cw_fuel fuel;
} limits_cli;

/* Is name a limit option? (Each takes a value.) */
bool limits_cli_takes(const char *name);
/* Records option name; false with a one-line message on a bad value. */
bool limits_cli_option(limits_cli *c, const char *name, const char *value, char *msg, size_t msg_size);
/* Puts the limits on s and, with --fuel, arms the budget (a start function spends it too): returns
 * the budget, or NULL without --fuel. */
cw_fuel *limits_cli_apply(limits_cli *c, cw_store *s);

#endif
