/* chiwawa: WASI (wasi_snapshot_preview1) for guest programs.
 * A cw_wasi holds what the guest sees: its arguments, environment, standard streams, preopened
 * directories and its own descriptor table (0, 1, 2, then the preopens from 3, then what it opens).
 * Natively the calls are served over POSIX, in chiwawa.wasm by the host's WASI; either way every
 * guest pointer is checked against guest memory first (a bad one gets EFAULT and changes nothing). */
#ifndef CHIWAWA_WASI_H
#define CHIWAWA_WASI_H

#include "checkpoint.h"
#include "chiwawa.h"

typedef struct cw_wasi cw_wasi;

typedef struct cw_wasi_preopen {
    const char *host_path;  /* a directory on the host */
    const char *guest_path; /* the name the guest sees it by, e.g. "." or "/data" */
} cw_wasi_preopen;

typedef struct cw_wasi_config {
    size_t argc;
    const char *const *argv; /* argv[0] is the program's name */
    size_t envc;
    const char *const *env;  /* "NAME=VALUE" */
    size_t npreopens;
    const cw_wasi_preopen *preopens;
    const int *stdio;        /* host descriptors for the guest's 0, 1, 2; NULL: this process's 0, 1, 2 */
} cw_wasi_config;

/* Copies cfg and opens the preopened directories. NULL with CW_ERR_IO (or CW_ERR_RESOURCE) on failure. */
cw_wasi *cw_wasi_new(cw_store *s, const cw_wasi_config *cfg, cw_error *err);
/* Resolves an import: true and *out set for a wasi_snapshot_preview1 function, false otherwise.
 * The function lives in the store given to cw_wasi_new; w must outlive every call of it. */
bool cw_wasi_import(cw_wasi *w, const char *module, const char *name, cw_extern *out);
/* Closes what the guest left open, and the preopens. The host's standard streams stay open. */
void cw_wasi_free(cw_wasi *w);

/* ---- the guest's descriptors, for checkpoint and restore ---- */
typedef enum cw_wasi_fd_kind {
    CW_WASI_FD_STDIO,   /* source: 0, 1 or 2 (cfg->stdio) */
    CW_WASI_FD_PREOPEN, /* source: index in cfg->preopens */
    CW_WASI_FD_OPENED,  /* by path_open: source is the preopen, path is relative to it */
} cw_wasi_fd_kind;

/* Everything needed to open a descriptor again; plain data apart from path. */
typedef struct cw_wasi_fdinfo {
    uint32_t fd;              /* the guest's number */
    cw_wasi_fd_kind kind;
    uint32_t source;
    const char *path;         /* CW_WASI_FD_OPENED: below the preopen, links resolved; NULL otherwise */
    uint16_t oflags;          /* path_open's oflags */
    uint16_t fdflags;         /* current */
    uint8_t filetype;         /* WASI filetype */
    uint64_t rights_base, rights_inheriting;
    uint64_t offset;          /* current position; 0 where the descriptor cannot seek */
} cw_wasi_fdinfo;

uint32_t cw_wasi_fd_count(const cw_wasi *w);
/* The i-th open descriptor, in increasing order of guest numbers (0 <= i < cw_wasi_fd_count). path points
 * into w and is valid until the guest's table changes. */
bool cw_wasi_fd_info(cw_wasi *w, uint32_t i, cw_wasi_fdinfo *out);
/* Makes info->fd refer to what info describes, replacing whatever is there: stdio and preopens are
 * attached again, a CW_WASI_FD_OPENED file is opened again (its path walked like a guest's, without
 * creating or truncating it), and its position is restored (stdio keeps this host's position). On
 * failure nothing changes. */
bool cw_wasi_fd_reopen(cw_wasi *w, const cw_wasi_fdinfo *info, cw_error *err);
/* Closes the guest's descriptor fd if it is open (to drop those a restored guest had closed). */
void cw_wasi_fd_close(cw_wasi *w, uint32_t fd);

/* The guest's WASI state as a checkpoint extension: saved with cw_checkpoint_save; loading it
 * replaces w's arguments and environment with the saved ones, requires the same preopen names in
 * the same order, and reopens every descriptor the guest had open. */
cw_checkpoint_ext cw_wasi_checkpoint(cw_wasi *w);

#endif
