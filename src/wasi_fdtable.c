/* The guest's descriptor table: guest numbers to host descriptors, with the rights and the facts a
 * checkpoint needs to open each descriptor again; and the public functions that list and re-create
 * descriptors for checkpoint and restore. */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wasi_abi.h"
#include "wasi_host.h"
#include "wasi_path.h"
#include "wasi_state.h"

/* A guest that opens more than this many files at once gets EMFILE (and the table stays small). */
#define WASI_MAX_FDS 65536u

#define FILE_RIGHTS                                                                                     \
    (WASI_RIGHT_FD_DATASYNC | WASI_RIGHT_FD_READ | WASI_RIGHT_FD_SEEK | WASI_RIGHT_FD_FDSTAT_SET_FLAGS | \
     WASI_RIGHT_FD_SYNC | WASI_RIGHT_FD_TELL | WASI_RIGHT_FD_WRITE | WASI_RIGHT_FD_ADVISE |              \
     WASI_RIGHT_FD_ALLOCATE | WASI_RIGHT_FD_FILESTAT_GET | WASI_RIGHT_FD_FILESTAT_SET_SIZE |             \
     WASI_RIGHT_FD_FILESTAT_SET_TIMES | WASI_RIGHT_POLL_FD_READWRITE)
#define DIRECTORY_RIGHTS                                                                                \
    (WASI_RIGHT_FD_FDSTAT_SET_FLAGS | WASI_RIGHT_FD_SYNC | WASI_RIGHT_FD_ADVISE |                       \
     WASI_RIGHT_PATH_CREATE_DIRECTORY | WASI_RIGHT_PATH_CREATE_FILE | WASI_RIGHT_PATH_LINK_SOURCE |     \
     WASI_RIGHT_PATH_LINK_TARGET | WASI_RIGHT_PATH_OPEN | WASI_RIGHT_FD_READDIR |                       \
     WASI_RIGHT_PATH_READLINK | WASI_RIGHT_PATH_RENAME_SOURCE | WASI_RIGHT_PATH_RENAME_TARGET |         \
     WASI_RIGHT_PATH_FILESTAT_GET | WASI_RIGHT_PATH_FILESTAT_SET_SIZE |                                 \
     WASI_RIGHT_PATH_FILESTAT_SET_TIMES | WASI_RIGHT_FD_FILESTAT_GET |                                  \
     WASI_RIGHT_FD_FILESTAT_SET_TIMES | WASI_RIGHT_PATH_SYMLINK | WASI_RIGHT_PATH_REMOVE_DIRECTORY |    \
     WASI_RIGHT_PATH_UNLINK_FILE | WASI_RIGHT_POLL_FD_READWRITE)
/* Terminals and other character devices cannot seek; wasi-libc's isatty() looks for exactly that. */
#define STREAM_RIGHTS                                                                                   \
    (WASI_RIGHT_FD_READ | WASI_RIGHT_FD_WRITE | WASI_RIGHT_FD_FDSTAT_SET_FLAGS |                        \
     WASI_RIGHT_FD_FILESTAT_GET | WASI_RIGHT_POLL_FD_READWRITE)
#define SOCKET_RIGHTS (STREAM_RIGHTS | WASI_RIGHT_SOCK_SHUTDOWN | WASI_RIGHT_SOCK_ACCEPT)

void wasi_fd_max_rights(uint8_t filetype, uint64_t *base, uint64_t *inheriting) {
    *inheriting = 0;
    switch (filetype) {
    case WASI_FILETYPE_REGULAR_FILE: *base = FILE_RIGHTS; break;
    case WASI_FILETYPE_DIRECTORY: *base = DIRECTORY_RIGHTS, *inheriting = DIRECTORY_RIGHTS | FILE_RIGHTS; break;
    case WASI_FILETYPE_CHARACTER_DEVICE: *base = STREAM_RIGHTS; break;
    case WASI_FILETYPE_SOCKET_STREAM:
    case WASI_FILETYPE_SOCKET_DGRAM: *base = SOCKET_RIGHTS; break;
    default: *base = *inheriting = WASI_RIGHTS_ALL;
    }
}

wasi_fd *wasi_fd_get(cw_wasi *w, uint32_t fd, uint64_t rights, uint16_t *err) {
    if (fd >= w->nfds || !w->fds[fd].used) {
        *err = WASI_EBADF;
        return NULL;
    }
    if (rights & ~w->fds[fd].info.rights_base) {
        *err = WASI_ENOTCAPABLE;
        return NULL;
    }
    return &w->fds[fd];
}

wasi_fd *wasi_fd_slot(cw_wasi *w, uint32_t fd) {
    if (fd >= WASI_MAX_FDS) return NULL;
    if (fd >= w->nfds) {
        uint32_t n = w->nfds ? w->nfds : 8;
        while (n <= fd) n *= 2;
        wasi_fd *fds = realloc(w->fds, n * sizeof *fds);
        if (!fds) return NULL;
        memset(fds + w->nfds, 0, (n - w->nfds) * sizeof *fds);
        w->fds = fds;
        w->nfds = n;
    }
    return w->fds[fd].used ? NULL : &w->fds[fd];
}

uint32_t wasi_fd_free_number(const cw_wasi *w) {
    uint32_t fd = 0;
    while (fd < w->nfds && w->fds[fd].used) fd++;
    return fd;
}

void wasi_fd_release(cw_wasi *w, uint32_t fd) {
    wasi_fd *f = &w->fds[fd];
    if (f->owned) wasi_host_close(f->host_fd);
    free((char *)f->info.path);
    memset(f, 0, sizeof *f);
}

/* ---- checkpoint and restore ---- */

uint32_t cw_wasi_fd_count(const cw_wasi *w) {
    uint32_t n = 0;
    for (uint32_t fd = 0; fd < w->nfds; fd++) n += w->fds[fd].used;
    return n;
}

bool cw_wasi_fd_info(cw_wasi *w, uint32_t i, cw_wasi_fdinfo *out) {
    for (uint32_t fd = 0; fd < w->nfds; fd++) {
        if (!w->fds[fd].used || i-- > 0) continue;
        *out = w->fds[fd].info;
        if (wasi_host_seek(w->fds[fd].host_fd, 0, WASI_WHENCE_CUR, &out->offset) != WASI_ESUCCESS) out->offset = 0;
        return true;
    }
    return false;
}

/* The host descriptor info describes: shared for stdio and preopens, freshly opened for a file. */
static uint16_t attach(cw_wasi *w, const cw_wasi_fdinfo *info, int *host_fd, bool *owned) {
    *owned = false;
    switch (info->kind) {
    case CW_WASI_FD_STDIO:
        if (info->source >= 3) return WASI_EINVAL;
        *host_fd = w->stdio[info->source];
        return WASI_ESUCCESS;
    case CW_WASI_FD_PREOPEN:
        if (info->source >= w->npreopens) return WASI_EINVAL;
        *host_fd = w->preopens[info->source].host_fd;
        return WASI_ESUCCESS;
    case CW_WASI_FD_OPENED: {
        if (info->source >= w->npreopens || !info->path) return WASI_EINVAL;
        uint8_t filetype;
        uint16_t oflags = info->oflags & ~(WASI_O_CREAT | WASI_O_EXCL | WASI_O_TRUNC);
        *owned = true;
        /* The path comes from a checkpoint: it is walked like a guest's. */
        int dir = w->preopens[info->source].host_fd;
        char *path = NULL;
        uint16_t e = wasi_path_resolve(dir, info->path, false, &path);
        if (!e) e = wasi_host_open(dir, path, oflags, info->rights_base, info->rights_inheriting, info->fdflags,
                                   host_fd, &filetype);
        free(path);
        return e;
    }
    }
    return WASI_EINVAL;
}

bool cw_wasi_fd_reopen(cw_wasi *w, const cw_wasi_fdinfo *info, cw_error *err) {
    int host_fd = -1;
    bool owned = false;
    char *path = info->path ? strdup(info->path) : NULL;
    uint16_t e = info->path && !path ? WASI_ENOMEM : attach(w, info, &host_fd, &owned);
    uint64_t pos;
    /* Standard streams are this host's own: they carry on from where they are, not where the old were. */
    if (!e && info->offset && info->kind == CW_WASI_FD_OPENED)
        e = wasi_host_seek(host_fd, (int64_t)info->offset, WASI_WHENCE_SET, &pos);
    if (!e) cw_wasi_fd_close(w, info->fd);
    wasi_fd *f = e ? NULL : wasi_fd_slot(w, info->fd);
    if (!f) {
        if (!e) e = WASI_EMFILE;
        if (host_fd >= 0 && owned) wasi_host_close(host_fd);
        free(path);
        err->kind = CW_ERR_IO;
        snprintf(err->message, sizeof err->message, "cannot reopen descriptor %u%s%s: WASI errno %u",
                 (unsigned)info->fd, info->path ? " " : "", info->path ? info->path : "", (unsigned)e);
        return false;
    }
    *f = (wasi_fd){.used = true, .owned = owned, .host_fd = host_fd, .info = *info};
    f->info.path = path;
    f->info.offset = 0;
    return true;
}

void cw_wasi_fd_close(cw_wasi *w, uint32_t fd) {
    if (fd < w->nfds && w->fds[fd].used) wasi_fd_release(w, fd);
}
