/* The command line's side of WASI: the options --app-args, --env and --dir, and linking a module's
 * wasi_snapshot_preview1 imports. Used by main.c; needs only the public API. */
#ifndef CW_WASI_CLI_H
#define CW_WASI_CLI_H

#include "chiwawa/wasi.h"

typedef struct wasi_cli {
    char **args;  /* the guest's argv[1..] */
    size_t nargs;
    const char **env;
    size_t nenv;
    cw_wasi_preopen *dirs;
    size_t ndirs;
} wasi_cli;

/* Is name one of the options above (each takes a value)? */
bool wasi_cli_takes(const char *name);
/* Records option name with its value; false with a message in msg if the value is bad. */
bool wasi_cli_option(wasi_cli *c, const char *name, const char *value, char *msg, size_t msg_size);
/* Splits s like a shell: blanks separate words, '...' and "..." quote, a backslash escapes (inside
 * "..." only before \ " $ ` and newline). Appends the words to c->args. */
bool wasi_cli_split(wasi_cli *c, const char *s, char *msg, size_t msg_size);

/* Resolves every import of m: those of wasi_snapshot_preview1 through a new *wasi (argv[0] = file; by
 * default the current directory preopened as "." and no environment), anything else is an error.
 * Sets *imports (NULL without imports). The caller frees *imports and *wasi whatever the result. */
bool wasi_cli_link(const wasi_cli *c, cw_store *s, const cw_module *m, const char *file, cw_wasi **wasi,
                   cw_extern **imports, char *msg, size_t msg_size);
void wasi_cli_free(wasi_cli *c);

#endif
