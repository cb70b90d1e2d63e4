/* A cw_wasi: creating it from a configuration, resolving the guest's wasi_snapshot_preview1 imports
 * to host functions, and freeing it. The functions themselves are in wasi_calls_*.c. */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wasi_abi.h"
#include "wasi_calls.h"
#include "wasi_host.h"

#define WASI_MODULE "wasi_snapshot_preview1"

typedef uint16_t (*wasi_impl)(cw_wasi *w, const wasi_mem *m, const cw_value *a);

typedef struct wasi_def {
    const char *name, *params;
    wasi_impl impl; /* NULL for proc_exit */
} wasi_def;

static const wasi_def defs[] = {
#define WASI_DEF(name, params) {#name, params, wasi_##name},
    WASI_CALLS(WASI_DEF)
#undef WASI_DEF
    {"proc_exit", "i", NULL},
};
enum { NDEFS = sizeof defs / sizeof defs[0] };

/* The env of each host function: which call, for which cw_wasi; func is created on first import. */
struct wasi_binding {
    cw_wasi *w;
    const wasi_def *def;
    cw_func *func;
};

static const char *call(void *env, cw_instance *caller, cw_value *args, cw_value *results) {
    const struct wasi_binding *b = env;
    static uint8_t none; /* a module without memory has an empty one, somewhere */
    cw_memory *mem = caller ? cw_instance_memory(caller, 0) : NULL;
    wasi_mem m = {mem ? cw_memory_data(mem) : &none, mem ? cw_memory_size(mem) : 0};
    results[0] = (cw_value){.type = CW_I32, .of.i32 = b->def->impl(b->w, &m, args)};
    return NULL;
}

static const char *proc_exit(void *env, cw_instance *caller, cw_value *args, cw_value *results) {
    (void)env, (void)results;
    return caller ? cw_exit(caller, (int)args[0].of.i32) : "proc_exit needs a calling instance";
}

bool cw_wasi_import(cw_wasi *w, const char *module, const char *name, cw_extern *out) {
    if (strcmp(module, WASI_MODULE) != 0) return false;
    for (size_t i = 0; i < NDEFS; i++) {
        struct wasi_binding *b = &w->bindings[i];
        if (strcmp(defs[i].name, name) != 0) continue;
        if (!b->func) {
            static const uint8_t i32 = CW_I32;
            uint8_t params[16];
            uint32_t n = (uint32_t)strlen(defs[i].params);
            for (uint32_t p = 0; p < n; p++) params[p] = defs[i].params[p] == 'I' ? CW_I64 : CW_I32;
            cw_functype type = {n, defs[i].impl ? 1 : 0, params, &i32};
            b->func = cw_func_new_host(w->store, &type, defs[i].impl ? call : proc_exit, b);
            if (!b->func) return false;
        }
        *out = (cw_extern){.kind = CW_EXTERN_FUNC, .of.func = b->func};
        return true;
    }
    return false;
}

bool wasi_strings_copy(wasi_strings *s, size_t count, const char *const *list) {
    s->list = calloc(count + 1, sizeof *s->list);
    if (!s->list) return false;
    s->count = count;
    for (size_t i = 0; i < count; i++) {
        if (!(s->list[i] = strdup(list[i]))) return false;
        s->bytes += strlen(list[i]) + 1;
    }
    return true;
}

void wasi_strings_free(wasi_strings *s) {
    for (size_t i = 0; s->list && i < s->count; i++) free(s->list[i]);
    free(s->list);
}

/* Puts a descriptor the guest did not open (stdio, a preopen) at guest number fd. */
static uint16_t add_fd(cw_wasi *w, uint32_t fd, int host_fd, cw_wasi_fd_kind kind, uint32_t source) {
    uint8_t filetype;
    uint16_t fdflags, e = wasi_host_describe(host_fd, &filetype, &fdflags);
    if (e) return e;
    wasi_fd *f = wasi_fd_slot(w, fd);
    if (!f) return WASI_ENOMEM;
    /* The guest's standard streams block, as a program's own do, even where the host has made them
     * non-blocking (Node.js does, for pipes): io() in wasi_calls_fd.c waits for them instead. */
    if (kind == CW_WASI_FD_STDIO) fdflags &= ~WASI_FDFLAG_NONBLOCK;
    *f = (wasi_fd){.used = true, .host_fd = host_fd};
    f->info = (cw_wasi_fdinfo){.fd = fd, .kind = kind, .source = source, .fdflags = fdflags & 31, .filetype = filetype};
    wasi_fd_max_rights(filetype, &f->info.rights_base, &f->info.rights_inheriting);
    return WASI_ESUCCESS;
}

/* Frees w and reports why: out of memory without a path, else the host's errno about path. */
static cw_wasi *fail(cw_wasi *w, cw_error *err, const char *path) {
    err->kind = path ? CW_ERR_IO : CW_ERR_RESOURCE;
    if (path)
        snprintf(err->message, sizeof err->message, "cannot open directory %s: %s", path, strerror(errno));
    else
        snprintf(err->message, sizeof err->message, "out of memory");
    cw_wasi_free(w);
    return NULL;
}

cw_wasi *cw_wasi_new(cw_store *s, const cw_wasi_config *cfg, cw_error *err) {
    cw_wasi *w = calloc(1, sizeof *w);
    if (!w) return fail(w, err, NULL);
    w->store = s;
    for (int i = 0; i < 3; i++) w->stdio[i] = cfg->stdio ? cfg->stdio[i] : i;
    w->bindings = calloc(NDEFS, sizeof *w->bindings);
    w->preopens = calloc(cfg->npreopens + 1, sizeof *w->preopens);
    if (!w->bindings || !w->preopens || !wasi_strings_copy(&w->args, cfg->argc, cfg->argv) ||
        !wasi_strings_copy(&w->env, cfg->envc, cfg->env))
        return fail(w, err, NULL);
    for (size_t i = 0; i < NDEFS; i++) w->bindings[i] = (struct wasi_binding){w, &defs[i], NULL};
    for (size_t i = 0; i < cfg->npreopens; i++) {
        wasi_preopen *p = &w->preopens[w->npreopens++];
        p->host_fd = -1;
        if (!(p->name = strdup(cfg->preopens[i].guest_path))) return fail(w, err, NULL);
        if ((p->host_fd = wasi_host_open_dir(cfg->preopens[i].host_path)) < 0)
            return fail(w, err, cfg->preopens[i].host_path);
    }
    /* A standard stream closed on the host is simply not there for the guest. */
    for (uint32_t fd = 0; fd < 3; fd++)
        if (add_fd(w, fd, w->stdio[fd], CW_WASI_FD_STDIO, fd) == WASI_ENOMEM) return fail(w, err, NULL);
    for (uint32_t i = 0; i < w->npreopens; i++)
        if (add_fd(w, 3 + i, w->preopens[i].host_fd, CW_WASI_FD_PREOPEN, i)) return fail(w, err, NULL);
    return w;
}

void cw_wasi_free(cw_wasi *w) {
    if (!w) return;
    for (uint32_t fd = 0; fd < w->nfds; fd++) cw_wasi_fd_close(w, fd);
    for (size_t i = 0; i < w->npreopens; i++) {
        if (w->preopens[i].host_fd >= 0) wasi_host_close(w->preopens[i].host_fd);
        free(w->preopens[i].name);
    }
    free(w->preopens);
    free(w->fds);
    free(w->bindings);
    wasi_strings_free(&w->args);
    wasi_strings_free(&w->env);
    free(w);
}
