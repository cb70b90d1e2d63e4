/* The command line's side of WASI (see wasi_cli.h). */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wasi_cli.h"

#define WASI_MODULE "wasi_snapshot_preview1"

bool wasi_cli_takes(const char *name) {
    return strcmp(name, "--app-args") == 0 || strcmp(name, "--env") == 0 || strcmp(name, "--dir") == 0;
}

static bool oom(char *msg, size_t msg_size) {
    snprintf(msg, msg_size, "out of memory");
    return false;
}

/* Appends a copy of word to c->args. */
static bool add_arg(wasi_cli *c, const char *word) {
    char *copy = strdup(word);
    char **args = copy ? realloc(c->args, (c->nargs + 1) * sizeof *args) : NULL;
    if (!args) {
        free(copy);
        return false;
    }
    c->args = args;
    args[c->nargs++] = copy;
    return true;
}

static bool add_env(wasi_cli *c, const char *var, char *msg, size_t msg_size) {
    const char *eq = strchr(var, '=');
    if (!eq || eq == var) {
        snprintf(msg, msg_size, "--env: expected NAME=VALUE, got '%s'", var);
        return false;
    }
    const char **env = realloc(c->env, (c->nenv + 1) * sizeof *env);
    if (!env) return oom(msg, msg_size);
    c->env = env;
    env[c->nenv++] = var;
    return true;
}

/* --dir HOST_DIR[::GUEST_DIR]: the guest's name defaults to the host's. */
static bool add_dir(wasi_cli *c, const char *value, char *msg, size_t msg_size) {
    const char *sep = strstr(value, "::");
    if (!*value || sep == value || (sep && !sep[2])) {
        snprintf(msg, msg_size, "--dir: expected HOST_DIR[::GUEST_DIR], got '%s'", value);
        return false;
    }
    char *host = strdup(value);
    cw_wasi_preopen *dirs = host ? realloc(c->dirs, (c->ndirs + 1) * sizeof *dirs) : NULL;
    if (!dirs) {
        free(host);
        return oom(msg, msg_size);
    }
    c->dirs = dirs;
    if (sep) host[sep - value] = '\0';
    dirs[c->ndirs++] = (cw_wasi_preopen){host, sep ? host + (sep - value) + 2 : host};
    return true;
}

bool wasi_cli_split(wasi_cli *c, const char *s, char *msg, size_t msg_size) {
    char *word = malloc(strlen(s) + 1);
    if (!word) return oom(msg, msg_size);
    const char *p = s, *problem = NULL;
    while (!problem) {
        while (*p == ' ' || *p == '\t' || *p == '\n') p++;
        if (!*p) break;
        size_t n = 0;
        bool quoted = false; /* '' and "" make an empty word; a bare backslash-newline makes none */
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && !problem) {
            char quote = *p;
            if (quote == '\'' || quote == '"') {
                quoted = true;
                for (p++; *p && *p != quote; p++) {
                    if (quote == '"' && *p == '\\' && p[1] && strchr("\\\"$`\n", p[1]) && *++p == '\n')
                        continue; /* backslash-newline joins lines */
                    word[n++] = *p;
                }
                if (*p) p++;
                else problem = quote == '"' ? "unterminated \"" : "unterminated '";
            } else if (quote == '\\' && p[1]) {
                if (p[1] != '\n') word[n++] = p[1]; /* backslash-newline joins lines */
                p += 2;
            } else {
                word[n++] = *p++;
            }
        }
        word[n] = '\0';
        if (!problem && (n || quoted) && !add_arg(c, word)) problem = "out of memory";
    }
    free(word);
    if (problem) snprintf(msg, msg_size, "--app-args: %s", problem);
    return !problem;
}

bool wasi_cli_option(wasi_cli *c, const char *name, const char *value, char *msg, size_t msg_size) {
    if (strcmp(name, "--app-args") == 0) return wasi_cli_split(c, value, msg, msg_size);
    if (strcmp(name, "--env") == 0) return add_env(c, value, msg, msg_size);
    return add_dir(c, value, msg, msg_size);
}

/* The wasi for m's imports, made on first use. */
static bool make_wasi(const wasi_cli *c, cw_store *s, const char *file, cw_wasi **wasi, char *msg, size_t msg_size) {
    const char **argv = malloc((c->nargs + 1) * sizeof *argv);
    if (!argv) return oom(msg, msg_size);
    argv[0] = file;
    for (size_t i = 0; i < c->nargs; i++) argv[i + 1] = c->args[i];
    static const cw_wasi_preopen here = {".", "."};
    cw_wasi_config cfg = {.argc = c->nargs + 1, .argv = argv, .envc = c->nenv, .env = c->env,
                          .npreopens = c->ndirs ? c->ndirs : 1, .preopens = c->ndirs ? c->dirs : &here};
    cw_error err = {0};
    *wasi = cw_wasi_new(s, &cfg, &err);
    free(argv);
    if (!*wasi) snprintf(msg, msg_size, "%s", err.message);
    return *wasi != NULL;
}

bool wasi_cli_link(const wasi_cli *c, cw_store *s, const cw_module *m, const char *file, cw_wasi **wasi,
                   cw_extern **imports, char *msg, size_t msg_size) {
    uint32_t n = cw_module_import_count(m);
    *wasi = NULL;
    *imports = NULL;
    if (n == 0) return true;
    if (!(*imports = calloc(n, sizeof **imports))) return oom(msg, msg_size);
    for (uint32_t i = 0; i < n; i++) {
        const char *module, *name;
        cw_externkind kind;
        cw_module_import(m, i, &module, &name, &kind);
        bool wasi_import = strcmp(module, WASI_MODULE) == 0;
        if (wasi_import && !*wasi && !make_wasi(c, s, file, wasi, msg, msg_size)) return false;
        if (!wasi_import || !cw_wasi_import(*wasi, module, name, &(*imports)[i])) {
            snprintf(msg, msg_size, "%s: unknown import %s.%s", file, module, name);
            return false;
        }
    }
    return true;
}

void wasi_cli_free(wasi_cli *c) {
    for (size_t i = 0; i < c->nargs; i++) free(c->args[i]);
    for (size_t i = 0; i < c->ndirs; i++) free((char *)c->dirs[i].host_path);
    free(c->args);
    free(c->env);
    free(c->dirs);
}
