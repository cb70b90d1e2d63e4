/* The state behind a cw_wasi, shared by the files of the WASI layer: the configuration the guest was
 * given and its descriptor table. */
#ifndef CW_WASI_STATE_H
#define CW_WASI_STATE_H

#include "chiwawa/wasi.h"
#include "wasi_mem.h"

/* One slot of the guest's descriptor table. info is what a restore needs (its offset field is not
 * kept here: the host knows the position). */
typedef struct wasi_fd {
    bool used;
    bool owned;  /* the host descriptor is closed with the slot (not for stdio and preopens) */
    int host_fd;
    cw_wasi_fdinfo info;
} wasi_fd;

typedef struct wasi_strings {
    size_t count, bytes; /* bytes: total size with the NULs */
    char **list;
} wasi_strings;

typedef struct wasi_preopen {
    char *name;
    int host_fd;
} wasi_preopen;

/* Copies count strings; bytes counts them with their NULs, as args_sizes_get reports. */
bool wasi_strings_copy(wasi_strings *s, size_t count, const char *const *list);
void wasi_strings_free(wasi_strings *s);

struct wasi_binding;

struct cw_wasi {
    cw_store *store;
    wasi_strings args, env;
    wasi_preopen *preopens;
    size_t npreopens;
    int stdio[3];
    wasi_fd *fds;
    uint32_t nfds; /* slots, used or not */
    struct wasi_binding *bindings;
};

/* ---- the descriptor table (wasi_fdtable.c) ---- */
/* The open descriptor fd if it has all of `rights`; else NULL and *err is EBADF or ENOTCAPABLE. */
wasi_fd *wasi_fd_get(cw_wasi *w, uint32_t fd, uint64_t rights, uint16_t *err);
/* An empty slot at number fd (growing the table), or NULL if out of memory. */
wasi_fd *wasi_fd_slot(cw_wasi *w, uint32_t fd);
/* The lowest free number. */
uint32_t wasi_fd_free_number(const cw_wasi *w);
/* Empties slot fd, closing the host descriptor if the slot owns it. */
void wasi_fd_release(cw_wasi *w, uint32_t fd);
/* The most a descriptor of this filetype can do, and pass on to what is opened through it. */
void wasi_fd_max_rights(uint8_t filetype, uint64_t *base, uint64_t *inheriting);

#endif
