/* The native back end of the WASI layer, part 2: paths and directories over POSIX's *at() calls.
 * wasi_path.c has walked each path, links included, so nothing here follows a link at the end of one
 * (O_NOFOLLOW, AT_SYMLINK_NOFOLLOW). (Another process swapping a directory on the way for a link
 * between the walk and the call could still lead the call out; the guest alone cannot.) */
#ifndef __wasi__
#define _GNU_SOURCE /* O_DIRECTORY, O_NOFOLLOW, fdopendir, utimensat */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "wasi_abi.h"
#include "wasi_host.h"
#include "wasi_host_posix.h"

int wasi_host_open_dir(const char *path) { return open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC); }

uint16_t wasi_host_open(int dir, const char *path, uint16_t oflags, uint64_t rights_base, uint64_t rights_inheriting,
                        uint16_t fdflags, int *fd, uint8_t *filetype) {
    (void)rights_inheriting;
    /* The access mode follows the rights asked for, as in uvwasi. */
    bool read = rights_base & (WASI_RIGHT_FD_READ | WASI_RIGHT_FD_READDIR);
    bool write = rights_base & (WASI_RIGHT_FD_DATASYNC | WASI_RIGHT_FD_WRITE | WASI_RIGHT_FD_ALLOCATE |
                                WASI_RIGHT_FD_FILESTAT_SET_SIZE);
    int flags = (read && write ? O_RDWR : write ? O_WRONLY : O_RDONLY) | O_CLOEXEC | O_NOFOLLOW |
                (oflags & WASI_O_CREAT ? O_CREAT : 0) | (oflags & WASI_O_DIRECTORY ? O_DIRECTORY : 0) |
                (oflags & WASI_O_EXCL ? O_EXCL : 0) | (oflags & WASI_O_TRUNC ? O_TRUNC : 0) |
                (fdflags & WASI_FDFLAG_APPEND ? O_APPEND : 0) | (fdflags & WASI_FDFLAG_DSYNC ? O_DSYNC : 0) |
                (fdflags & WASI_FDFLAG_NONBLOCK ? O_NONBLOCK : 0) |
                (fdflags & (WASI_FDFLAG_SYNC | WASI_FDFLAG_RSYNC) ? O_SYNC : 0);
    int f = openat(dir, path, flags, 0666);
    if (f < 0) return wasi_posix_errno(errno);
    struct stat st;
    if (fstat(f, &st) < 0) {
        uint16_t e = wasi_posix_errno(errno);
        close(f);
        return e;
    }
    *fd = f;
    *filetype = wasi_posix_filetype(st.st_mode);
    return WASI_ESUCCESS;
}

uint16_t wasi_host_mkdir(int dir, const char *path) { return wasi_posix_check(mkdirat(dir, path, 0777)); }
uint16_t wasi_host_rmdir(int dir, const char *path) { return wasi_posix_check(unlinkat(dir, path, AT_REMOVEDIR)); }
uint16_t wasi_host_unlink(int dir, const char *path) { return wasi_posix_check(unlinkat(dir, path, 0)); }

uint16_t wasi_host_link(int old_dir, const char *old_path, int new_dir, const char *new_path) {
    return wasi_posix_check(linkat(old_dir, old_path, new_dir, new_path, 0));
}

uint16_t wasi_host_rename(int old_dir, const char *old_path, int new_dir, const char *new_path) {
    return wasi_posix_check(renameat(old_dir, old_path, new_dir, new_path));
}

uint16_t wasi_host_symlink(const char *target, int dir, const char *path) {
    return wasi_posix_check(symlinkat(target, dir, path));
}

uint16_t wasi_host_readlink(int dir, const char *path, uint8_t *buf, size_t len, size_t *used) {
    ssize_t n = readlinkat(dir, path, (char *)buf, len);
    if (n < 0) return wasi_posix_errno(errno);
    *used = (size_t)n;
    return WASI_ESUCCESS;
}

static void to_filestat(const struct stat *st, wasi_filestat *out) {
    *out = (wasi_filestat){.dev = (uint64_t)st->st_dev, .ino = (uint64_t)st->st_ino, .nlink = (uint64_t)st->st_nlink,
                           .size = (uint64_t)st->st_size, .atim = wasi_posix_ns(st->st_atim),
                           .mtim = wasi_posix_ns(st->st_mtim), .ctim = wasi_posix_ns(st->st_ctim),
                           .filetype = wasi_posix_filetype(st->st_mode)};
}

uint16_t wasi_host_filestat(int fd, const char *path, wasi_filestat *out) {
    struct stat st;
    if ((path ? fstatat(fd, path, &st, AT_SYMLINK_NOFOLLOW) : fstat(fd, &st)) < 0) return wasi_posix_errno(errno);
    to_filestat(&st, out);
    return WASI_ESUCCESS;
}

static struct timespec time_of(uint64_t t, uint16_t fst, uint16_t set, uint16_t now) {
    if (fst & now) return (struct timespec){.tv_nsec = UTIME_NOW};
    if (fst & set) return (struct timespec){.tv_sec = (time_t)(t / 1000000000u), .tv_nsec = (long)(t % 1000000000u)};
    return (struct timespec){.tv_nsec = UTIME_OMIT};
}

uint16_t wasi_host_set_times(int fd, const char *path, uint64_t atim, uint64_t mtim, uint16_t fstflags) {
    struct timespec ts[2] = {time_of(atim, fstflags, WASI_FST_ATIM, WASI_FST_ATIM_NOW),
                             time_of(mtim, fstflags, WASI_FST_MTIM, WASI_FST_MTIM_NOW)};
    return wasi_posix_check(path ? utimensat(fd, path, ts, AT_SYMLINK_NOFOLLOW) : futimens(fd, ts));
}

/* Cookies are entry indices: the position after entry i is i + 1. Each call reads the directory
 * afresh (through its own descriptor, so the guest's has no hidden position to keep). */
uint16_t wasi_host_readdir(int fd, uint8_t *buf, size_t len, uint64_t cookie, size_t *used) {
    int d = openat(fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *dir = d < 0 ? NULL : fdopendir(d);
    if (!dir) {
        uint16_t e = wasi_posix_errno(errno);
        if (d >= 0) close(d);
        return e;
    }
    *used = 0;
    errno = 0;
    uint64_t index = 0;
    for (struct dirent *de; *used < len && (de = readdir(dir)); errno = 0) {
        if (index++ < cookie) continue;
        struct stat st;
        uint8_t type = de->d_type == DT_REG    ? WASI_FILETYPE_REGULAR_FILE
                       : de->d_type == DT_DIR  ? WASI_FILETYPE_DIRECTORY
                       : de->d_type == DT_LNK  ? WASI_FILETYPE_SYMBOLIC_LINK
                       : de->d_type == DT_CHR  ? WASI_FILETYPE_CHARACTER_DEVICE
                       : de->d_type == DT_BLK  ? WASI_FILETYPE_BLOCK_DEVICE
                       : de->d_type == DT_SOCK ? WASI_FILETYPE_SOCKET_STREAM
                       : de->d_type == DT_FIFO ? WASI_FILETYPE_SOCKET_STREAM
                       : fstatat(d, de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 ? wasi_posix_filetype(st.st_mode)
                                                                               : WASI_FILETYPE_UNKNOWN;
        uint8_t entry[WASI_DIRENT_SIZE] = {0};
        uint32_t namlen = (uint32_t)strlen(de->d_name);
        for (int i = 0; i < 8; i++) {
            entry[i] = (uint8_t)(index >> 8 * i);
            entry[8 + i] = (uint8_t)((uint64_t)de->d_ino >> 8 * i);
        }
        for (int i = 0; i < 4; i++) entry[16 + i] = (uint8_t)(namlen >> 8 * i);
        entry[20] = type;
        /* The last entry may be cut short: the guest then asks again with a bigger buffer. */
        size_t n = len - *used < sizeof entry ? len - *used : sizeof entry;
        memcpy(buf + *used, entry, n);
        *used += n;
        n = len - *used < namlen ? len - *used : namlen;
        memcpy(buf + *used, de->d_name, n);
        *used += n;
    }
    uint16_t e = wasi_posix_errno(errno);
    closedir(dir);
    return e;
}

#endif
