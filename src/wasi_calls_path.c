/* The path_* functions: names relative to a directory descriptor the guest holds. The directory's
 * rights are checked and the path walked (wasi_path.c) before the host sees either. */
#include <stdlib.h>
#include <string.h>

#include "wasi_abi.h"
#include "wasi_calls.h"
#include "wasi_path.h"

/* A directory descriptor and a path below it, as most path_* functions take them. */
typedef struct dir_path {
    wasi_fd *dir;
    char *path;
} dir_path;

/* The directory a[fd] (with `rights`) and the path a[path], a[path + 1], walked with the last link
 * followed if `follow`; free dp->path afterwards (it is NULL on failure). */
static uint16_t get_dir_path(cw_wasi *w, const wasi_mem *m, const cw_value *a, int fd, int path, uint64_t rights,
                             bool follow, dir_path *dp) {
    char *name;
    uint16_t e;
    dp->path = NULL;
    if (!(dp->dir = wasi_fd_get(w, a[fd].of.i32, rights, &e))) return e;
    if ((e = wasi_string_read(m, a[path].of.i32, a[path + 1].of.i32, &name))) return e;
    e = wasi_path_resolve(dp->dir->host_fd, name, follow, &dp->path);
    free(name);
    return e;
}

/* The functions that take (fd, path, path_len) and nothing else. */
static uint16_t simple(cw_wasi *w, const wasi_mem *m, const cw_value *a, uint64_t right,
                       uint16_t (*op)(int dir, const char *path)) {
    dir_path dp;
    uint16_t e = get_dir_path(w, m, a, 0, 1, right, false, &dp);
    if (!e) e = op(dp.dir->host_fd, dp.path);
    free(dp.path);
    return e;
}

uint16_t wasi_path_create_directory(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    return simple(w, m, a, WASI_RIGHT_PATH_CREATE_DIRECTORY, wasi_host_mkdir);
}

uint16_t wasi_path_remove_directory(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    return simple(w, m, a, WASI_RIGHT_PATH_REMOVE_DIRECTORY, wasi_host_rmdir);
}

uint16_t wasi_path_unlink_file(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    return simple(w, m, a, WASI_RIGHT_PATH_UNLINK_FILE, wasi_host_unlink);
}

static bool follows(uint32_t lookupflags) { return lookupflags & WASI_LOOKUP_SYMLINK_FOLLOW; }

uint16_t wasi_path_filestat_get(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    uint32_t out = a[4].of.i32;
    dir_path dp;
    wasi_filestat st;
    uint16_t e = get_dir_path(w, m, a, 0, 2, WASI_RIGHT_PATH_FILESTAT_GET, follows(a[1].of.i32), &dp);
    if (!e && !wasi_mem_ok(m, out, WASI_FILESTAT_SIZE)) e = WASI_EFAULT;
    if (!e && !(e = wasi_host_filestat(dp.dir->host_fd, dp.path, &st))) wasi_put_filestat(m, out, &st);
    free(dp.path);
    return e;
}

uint16_t wasi_path_filestat_set_times(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    dir_path dp = {0};
    uint16_t e = wasi_check_fstflags(a[6].of.i32);
    if (!e) e = get_dir_path(w, m, a, 0, 2, WASI_RIGHT_PATH_FILESTAT_SET_TIMES, follows(a[1].of.i32), &dp);
    if (!e) e = wasi_host_set_times(dp.dir->host_fd, dp.path, a[4].of.i64, a[5].of.i64, (uint16_t)a[6].of.i32);
    free(dp.path);
    return e;
}

/* path_link (old_fd, old_flags, old_path, new_fd, new_path) and path_rename (fd, old_path, new_fd, new_path);
 * each path is a pointer and a length. */
static uint16_t two_paths(cw_wasi *w, const wasi_mem *m, const cw_value *a, bool link) {
    dir_path from, to = {0};
    uint16_t e = link ? get_dir_path(w, m, a, 0, 2, WASI_RIGHT_PATH_LINK_SOURCE, follows(a[1].of.i32), &from)
                      : get_dir_path(w, m, a, 0, 1, WASI_RIGHT_PATH_RENAME_SOURCE, false, &from);
    if (!e)
        e = link ? get_dir_path(w, m, a, 4, 5, WASI_RIGHT_PATH_LINK_TARGET, false, &to)
                 : get_dir_path(w, m, a, 3, 4, WASI_RIGHT_PATH_RENAME_TARGET, false, &to);
    if (!e)
        e = link ? wasi_host_link(from.dir->host_fd, from.path, to.dir->host_fd, to.path)
                 : wasi_host_rename(from.dir->host_fd, from.path, to.dir->host_fd, to.path);
    free(from.path);
    free(to.path);
    return e;
}

uint16_t wasi_path_link(cw_wasi *w, const wasi_mem *m, const cw_value *a) { return two_paths(w, m, a, true); }
uint16_t wasi_path_rename(cw_wasi *w, const wasi_mem *m, const cw_value *a) { return two_paths(w, m, a, false); }

/* The link's contents are any string; following the link later is what gets checked. */
uint16_t wasi_path_symlink(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    char *target;
    dir_path dp = {0};
    uint16_t e = wasi_string_read(m, a[0].of.i32, a[1].of.i32, &target);
    if (e) return e;
    if (!(e = get_dir_path(w, m, a, 2, 3, WASI_RIGHT_PATH_SYMLINK, false, &dp)))
        e = wasi_host_symlink(target, dp.dir->host_fd, dp.path);
    free(dp.path);
    free(target);
    return e;
}

/* A buffer too small gets the start of the contents, as from POSIX's readlink, on every host (Node.js's
 * uvwasi would fail instead): the host fills a buffer of the longest a path can be. */
uint16_t wasi_path_readlink(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    uint32_t buf = a[3].of.i32, len = a[4].of.i32, out = a[5].of.i32;
    dir_path dp;
    uint8_t contents[WASI_PATH_MAX];
    size_t used;
    uint16_t e = get_dir_path(w, m, a, 0, 1, WASI_RIGHT_PATH_READLINK, false, &dp);
    if (!e && (!wasi_mem_ok(m, buf, len) || !wasi_mem_ok(m, out, 4))) e = WASI_EFAULT;
    if (!e && !(e = wasi_host_readlink(dp.dir->host_fd, dp.path, contents, sizeof contents, &used))) {
        if (used > len) used = len;
        memcpy(wasi_mem_at(m, buf), contents, used);
        wasi_put32(m, out, (uint32_t)used);
    }
    free(dp.path);
    return e;
}

/* The new descriptor gets the rights asked for, as far as the directory passes them on and the
 * file's type allows, and the lowest free number. */
uint16_t wasi_path_open(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    uint32_t lookup = a[1].of.i32, oflags = a[4].of.i32, fdflags = a[7].of.i32, out = a[8].of.i32;
    uint64_t base = a[5].of.i64, inheriting = a[6].of.i64;
    if (oflags > 15 || fdflags > 31) return WASI_EINVAL;
    uint64_t need = WASI_RIGHT_PATH_OPEN | (oflags & WASI_O_CREAT ? WASI_RIGHT_PATH_CREATE_FILE : 0) |
                    (oflags & WASI_O_TRUNC ? WASI_RIGHT_PATH_FILESTAT_SET_SIZE : 0);
    uint32_t number = wasi_fd_free_number(w);
    wasi_fd *f = wasi_fd_slot(w, number); /* first: growing the table moves the slots */
    if (!f) return WASI_EMFILE;
    dir_path dp;
    uint16_t e = get_dir_path(w, m, a, 0, 2, need, follows(lookup), &dp);
    if (!e && !wasi_mem_ok(m, out, 4)) e = WASI_EFAULT;
    /* A link left at the end (not to be followed) is refused, as POSIX's O_NOFOLLOW does. */
    wasi_filestat st;
    if (!e && !follows(lookup) && !wasi_host_filestat(dp.dir->host_fd, dp.path, &st) &&
        st.filetype == WASI_FILETYPE_SYMBOLIC_LINK)
        e = WASI_ELOOP;
    const cw_wasi_fdinfo *dir = e ? NULL : &dp.dir->info;
    int host_fd;
    uint8_t filetype;
    if (!e)
        e = wasi_host_open(dp.dir->host_fd, dp.path, (uint16_t)oflags, base & dir->rights_inheriting,
                           inheriting & dir->rights_inheriting, (uint16_t)fdflags, &host_fd, &filetype);
    char *path = e || dir->kind == CW_WASI_FD_STDIO ? NULL : wasi_path_join(dir->path ? dir->path : ".", dp.path);
    free(dp.path);
    if (!e && !path && dir->kind != CW_WASI_FD_STDIO) {
        wasi_host_close(host_fd);
        e = WASI_ENOMEM;
    }
    if (e) return e;
    uint64_t max_base, max_inheriting;
    wasi_fd_max_rights(filetype, &max_base, &max_inheriting);
    *f = (wasi_fd){.used = true, .owned = true, .host_fd = host_fd};
    f->info = (cw_wasi_fdinfo){.fd = number, .kind = CW_WASI_FD_OPENED, .source = dir->source, .path = path,
                               .oflags = (uint16_t)oflags, .fdflags = (uint16_t)fdflags, .filetype = filetype,
                               .rights_base = base & dir->rights_inheriting & max_base,
                               .rights_inheriting = inheriting & dir->rights_inheriting & max_inheriting};
    wasi_put32(m, out, number);
    return WASI_ESUCCESS;
}
