/* Guest paths (see wasi_path.h). */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <stdlib.h>
#include <string.h>

#include "wasi_abi.h"
#include "wasi_host.h"
#include "wasi_path.h"

#define WASI_MAX_LINKS 40 /* Linux's limit */

uint16_t wasi_string_read(const wasi_mem *m, uint32_t ptr, uint32_t len, char **out) {
    if (!wasi_mem_ok(m, ptr, len)) return WASI_EFAULT;
    const char *in = (const char *)wasi_mem_at(m, ptr);
    if (len >= WASI_PATH_MAX) return WASI_ENAMETOOLONG;
    if (memchr(in, '\0', len)) return WASI_EINVAL;
    if (!(*out = malloc(len + 1))) return WASI_ENOMEM;
    memcpy(*out, in, len);
    (*out)[len] = '\0';
    return WASI_ESUCCESS;
}

/* Makes rest (WASI_PATH_MAX bytes) target, a '/' and then tail, a part of rest. */
static uint16_t splice(char *rest, const char *tail, const char *target) {
    size_t t = strlen(target), r = strlen(tail);
    if (t + 1 + r >= WASI_PATH_MAX) return WASI_ENAMETOOLONG;
    memmove(rest + t + 1, tail, r + 1);
    memcpy(rest, target, t);
    rest[t] = '/';
    return WASI_ESUCCESS;
}

/* The walk of wasi_path_resolve: `done` holds the real directories passed so far (below dir),
 * `rest` what is left to walk; a link met on the way is spliced into rest in its place. */
static uint16_t walk(int dir, char *rest, bool follow, bool slash, char *done) {
    size_t n = 0, links = 0;
    char target[WASI_PATH_MAX];
    for (char *p = rest;;) {
        while (*p == '/') p++;
        size_t len = strcspn(p, "/"), skip = len;
        while (p[skip] == '/') skip++;
        if (len == 0) return WASI_ESUCCESS;
        bool last = p[skip] == '\0';
        if (len == 1 && p[0] == '.') {
            p += skip;
            continue;
        }
        if (len == 2 && p[0] == '.' && p[1] == '.') {
            if (n == 0) return WASI_ENOTCAPABLE; /* above dir */
            while (n > 0 && done[n - 1] != '/') n--;
            done[n > 0 ? --n : 0] = '\0';
            p += skip;
            continue;
        }
        size_t before = n;
        if (n + len + 2 >= WASI_PATH_MAX) return WASI_ENAMETOOLONG;
        if (n) done[n++] = '/';
        memcpy(done + n, p, len);
        done[n += len] = '\0';
        if (last && !follow && !slash) return WASI_ESUCCESS;
        wasi_filestat st;
        uint16_t e = wasi_host_filestat(dir, done, &st);
        if (e == WASI_ENOENT && last) return WASI_ESUCCESS; /* about to be created, perhaps */
        if (e) return e;
        if (st.filetype != WASI_FILETYPE_SYMBOLIC_LINK) {
            if (!last && st.filetype != WASI_FILETYPE_DIRECTORY) return WASI_ENOTDIR;
            p += skip;
            continue;
        }
        size_t used;
        if (++links > WASI_MAX_LINKS) return WASI_ELOOP;
        if ((e = wasi_host_readlink(dir, done, (uint8_t *)target, sizeof target - 1, &used))) return e;
        target[used] = '\0';
        /* An absolute target names a host path: refused, as wasmtime does. */
        if (target[0] == '/') return WASI_ENOTCAPABLE;
        done[n = before] = '\0';
        if ((e = splice(rest, p + skip, target))) return e;
        p = rest;
    }
}

uint16_t wasi_path_resolve(int dir, const char *path, bool follow, char **out) {
    size_t len = strlen(path);
    if (len == 0) return WASI_ENOENT;
    if (path[0] == '/') return WASI_ENOTCAPABLE;
    if (len >= WASI_PATH_MAX) return WASI_ENAMETOOLONG;
    char rest[WASI_PATH_MAX], done[WASI_PATH_MAX] = "";
    memcpy(rest, path, len + 1);
    bool slash = path[len - 1] == '/';
    uint16_t e = walk(dir, rest, follow, slash, done);
    if (e) return e;
    size_t n = strlen(done);
    if (n == 0) done[n++] = '.';
    if (slash) done[n++] = '/';
    done[n] = '\0';
    return (*out = strdup(done)) ? WASI_ESUCCESS : WASI_ENOMEM;
}

char *wasi_path_join(const char *dir, const char *path) {
    if (strcmp(path, ".") == 0 || strcmp(path, "./") == 0) path = "";
    if (strcmp(dir, ".") == 0) dir = "";
    size_t d = strlen(dir), p = strlen(path);
    char *s = malloc(d + p + 2);
    if (!s) return NULL;
    memcpy(s, dir, d);
    s[d] = *dir && *path ? '/' : '\0';
    memcpy(s + d + (*dir && *path), path, p + 1);
    size_t n = strlen(s);
    while (n > 1 && s[n - 1] == '/') s[--n] = '\0'; /* dir/ and dir name the same directory */
    if (!*s) strcpy(s, ".");
    return s;
}
