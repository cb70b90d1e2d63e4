/* The guest's WASI state in a checkpoint (section 6 of docs/checkpoint-format.md): the arguments and
 * environment it was started with, the names of its preopened directories, and every open
 * descriptor as cw_wasi_fdinfo. Restoring reattaches stdio to this host's, reopens files below the
 * preopens (the user may map them to other host directories with --dir) and seeks them back. */
#include <stdlib.h>
#include <string.h>

#include "chiwawa/checkpoint.h"
#include "ckpt_io.h"
#include "module.h"
#include "wasi_state.h"

static void put_string(cw_buf *b, const char *s) {
    uint32_t n = (uint32_t)strlen(s);
    cw_buf_u32(b, n);
    cw_buf_bytes(b, s, n);
}

static void put_strings(cw_buf *b, const wasi_strings *s) {
    cw_buf_u32(b, (uint32_t)s->count);
    for (size_t i = 0; i < s->count; i++) put_string(b, s->list[i]);
}

static uint8_t *save(void *ctx, size_t *len) {
    cw_wasi *w = ctx;
    cw_buf b = {0};
    put_strings(&b, &w->args);
    put_strings(&b, &w->env);
    cw_buf_u32(&b, (uint32_t)w->npreopens);
    for (size_t i = 0; i < w->npreopens; i++) put_string(&b, w->preopens[i].name);
    uint32_t n = cw_wasi_fd_count(w);
    cw_buf_u32(&b, n);
    for (uint32_t i = 0; i < n; i++) {
        cw_wasi_fdinfo f;
        if (!cw_wasi_fd_info(w, i, &f)) b.oom = true;
        cw_buf_u32(&b, f.fd);
        cw_buf_u8(&b, (uint8_t)f.kind);
        cw_buf_u32(&b, f.source);
        put_string(&b, f.path ? f.path : "");
        cw_buf_u32(&b, f.oflags);
        cw_buf_u32(&b, f.fdflags);
        cw_buf_u8(&b, f.filetype);
        cw_buf_u64(&b, f.rights_base);
        cw_buf_u64(&b, f.rights_inheriting);
        cw_buf_u64(&b, f.offset);
    }
    if (b.oom) {
        free(b.p);
        return NULL;
    }
    *len = b.n;
    return b.p;
}

/* A string from the checkpoint as a malloc'd C string, or NULL (bad length, NUL inside). */
static char *get_string(cw_in *r) {
    uint32_t n = cw_in_u32(r);
    const uint8_t *p = cw_in_bytes(r, n);
    if (!p || memchr(p, 0, n)) return NULL;
    char *s = malloc((size_t)n + 1);
    if (s) memcpy(s, p, n), s[n] = 0;
    return s;
}

/* Reads a string list (args or environment) and makes it the guest's. */
static bool load_strings(cw_in *r, wasi_strings *dst) {
    uint32_t n = cw_in_u32(r);
    if (r->bad || n > (size_t)(r->end - r->p) / 4) return false;
    char **list = calloc(n + 1, sizeof *list);
    bool ok = list != NULL;
    for (uint32_t i = 0; i < n && ok; i++) ok = (list[i] = get_string(r)) != NULL;
    wasi_strings fresh = {0};
    ok = ok && wasi_strings_copy(&fresh, n, (const char *const *)list);
    for (uint32_t i = 0; list && i < n; i++) free(list[i]);
    free(list);
    if (!ok) {
        wasi_strings_free(&fresh);
        return false;
    }
    wasi_strings_free(dst);
    *dst = fresh;
    return true;
}

static bool fail(cw_error *err, const char *msg, const char *arg) {
    cw_set_error(err, CW_ERR_MALFORMED, msg, arg);
    return false;
}

static bool load(void *ctx, const uint8_t *data, size_t len, cw_error *err) {
    cw_wasi *w = ctx;
    cw_in r = {data, data + len, false};
    if (!load_strings(&r, &w->args) || !load_strings(&r, &w->env)) return fail(err, "checkpoint: bad WASI %s", "arguments");
    uint32_t np = cw_in_u32(&r);
    if (r.bad) return fail(err, "checkpoint: bad WASI %s", "preopens");
    for (uint32_t i = 0; i < np; i++) {
        char *name = get_string(&r);
        bool same = name && i < w->npreopens && strcmp(name, w->preopens[i].name) == 0;
        if (!same) {
            bool shown = name != NULL;
            cw_set_error(err, CW_ERR_LINK,
                         "checkpoint: the guest had directory '%s' preopened as number %u; give the same --dir "
                         "options (HOST_DIR::GUEST_DIR) in the same order",
                         shown ? name : "?", i + 3);
            free(name);
            return false;
        }
        free(name);
    }
    if (np != w->npreopens) return fail(err, "checkpoint: the guest had fewer preopened directories than --dir gives%s", "");
    uint32_t n = cw_in_u32(&r);
    if (r.bad || n > (size_t)(r.end - r.p) / 40) return fail(err, "checkpoint: bad WASI %s", "descriptors");
    /* Drop what the new table has but the guest had closed, then reopen the guest's own. */
    uint32_t *keep = calloc(n + 1, sizeof *keep);
    if (!keep) return fail(err, "out of %s", "memory");
    const uint8_t *fds_start = r.p;
    for (uint32_t i = 0; i < n && !r.bad; i++) {
        keep[i] = cw_in_u32(&r);
        cw_in_bytes(&r, 1 + 4);
        uint32_t plen = cw_in_u32(&r);
        cw_in_bytes(&r, (size_t)plen + 4 + 4 + 1 + 8 + 8 + 8);
    }
    bool ok = !r.bad && r.p == r.end;
    for (uint32_t i = cw_wasi_fd_count(w); ok && i-- > 0;) {
        cw_wasi_fdinfo f;
        if (!cw_wasi_fd_info(w, i, &f)) continue;
        bool kept = false;
        for (uint32_t k = 0; k < n; k++) kept |= keep[k] == f.fd;
        if (!kept) cw_wasi_fd_close(w, f.fd);
    }
    free(keep);
    if (!ok) return fail(err, "checkpoint: bad WASI %s", "descriptors");
    r.p = fds_start;
    for (uint32_t i = 0; i < n; i++) {
        cw_wasi_fdinfo f = {0};
        f.fd = cw_in_u32(&r);
        f.kind = (cw_wasi_fd_kind)cw_in_u8(&r);
        f.source = cw_in_u32(&r);
        char *path = get_string(&r);
        f.path = path && *path ? path : NULL;
        f.oflags = (uint16_t)cw_in_u32(&r);
        f.fdflags = (uint16_t)cw_in_u32(&r);
        f.filetype = cw_in_u8(&r);
        f.rights_base = cw_in_u64(&r);
        f.rights_inheriting = cw_in_u64(&r);
        f.offset = cw_in_u64(&r);
        bool valid = path && f.kind <= CW_WASI_FD_OPENED;
        if (!valid || !cw_wasi_fd_reopen(w, &f, err)) {
            if (!valid) fail(err, "checkpoint: bad WASI %s", "descriptor");
            free(path);
            return false;
        }
        free(path);
    }
    return true;
}

static void describe(const uint8_t *data, size_t len, FILE *o) {
    cw_in r = {data, data + len, false};
    static const char *const lists[] = {"arguments", "environment", "preopened directories"};
    for (int l = 0; l < 3 && !r.bad; l++) {
        uint32_t n = cw_in_u32(&r);
        fprintf(o, "%s (%u):", lists[l], n);
        for (uint32_t i = 0; i < n && !r.bad; i++) {
            char *s = get_string(&r);
            fprintf(o, " '%s'", s ? s : "?");
            free(s);
        }
        fputc('\n', o);
    }
    static const char *const kinds[] = {"stdio", "preopen", "file"};
    uint32_t n = cw_in_u32(&r);
    fprintf(o, "open descriptors (%u):\n", n);
    for (uint32_t i = 0; i < n && !r.bad; i++) {
        uint32_t fd = cw_in_u32(&r);
        uint8_t kind = cw_in_u8(&r);
        uint32_t source = cw_in_u32(&r);
        char *path = get_string(&r);
        cw_in_bytes(&r, 4 + 4 + 1 + 8 + 8);
        uint64_t offset = cw_in_u64(&r);
        fprintf(o, "  fd %u: %s %u%s%s, offset %llu\n", fd, kind < 3 ? kinds[kind] : "?", source,
                path && *path ? " " : "", path ? path : "", (unsigned long long)offset);
        free(path);
    }
    if (r.bad) fputs("  (truncated)\n", o);
}

cw_checkpoint_ext cw_wasi_checkpoint(cw_wasi *w) { return (cw_checkpoint_ext){save, load, describe, w}; }
