/* The host back end of the WASI layer: one implementation per build, chosen with __wasi__.
 * wasi_host_posix.c serves the calls over POSIX (native chiwawa); wasi_host_wasi.c passes them to the
 * host's own WASI through wasi-libc's __wasi_* functions (chiwawa.wasm). Everything here speaks WASI
 * terms (errno values, flags, filetypes) on host descriptors; the guest layer has already checked the
 * guest's pointers, descriptors and rights. Paths are relative to a directory descriptor and already
 * walked by wasi_path_resolve(): the back end must follow no symbolic link at their end. */
#ifndef CW_WASI_HOST_H
#define CW_WASI_HOST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Reads and writes take at most this many buffers (Linux's IOV_MAX). */
#define WASI_IOV_MAX 1024

/* Same layout as POSIX's struct iovec and WASI's __wasi_iovec_t. */
typedef struct wasi_iov {
    uint8_t *buf;
    size_t len;
} wasi_iov;

typedef struct wasi_filestat {
    uint64_t dev, ino, nlink, size, atim, mtim, ctim;
    uint8_t filetype;
} wasi_filestat;

/* A poll_oneoff subscription with the guest's descriptor replaced by the host's. */
typedef struct wasi_sub {
    uint8_t type;       /* WASI_EVENTTYPE_* */
    int fd;             /* FD_READ, FD_WRITE */
    uint32_t clock_id;  /* CLOCK */
    uint64_t timeout, precision;
    uint16_t flags;
} wasi_sub;

typedef struct wasi_event {
    uint32_t sub;       /* index of the subscription */
    uint16_t error;
    uint64_t nbytes;
    uint16_t flags;
} wasi_event;

/* Opens a host directory for a preopen: the descriptor, or -1 with errno set. */
int wasi_host_open_dir(const char *path);
/* Filetype and fdflags of a descriptor the guest did not open itself (stdio, preopens). */
uint16_t wasi_host_describe(int fd, uint8_t *filetype, uint16_t *fdflags);

uint16_t wasi_host_close(int fd);
uint16_t wasi_host_read(int fd, const wasi_iov *iov, size_t n, size_t *done);
uint16_t wasi_host_write(int fd, const wasi_iov *iov, size_t n, size_t *done);
uint16_t wasi_host_pread(int fd, const wasi_iov *iov, size_t n, uint64_t offset, size_t *done);
uint16_t wasi_host_pwrite(int fd, const wasi_iov *iov, size_t n, uint64_t offset, size_t *done);
uint16_t wasi_host_seek(int fd, int64_t offset, uint8_t whence, uint64_t *pos);
uint16_t wasi_host_advise(int fd, uint64_t offset, uint64_t len, uint8_t advice);
uint16_t wasi_host_allocate(int fd, uint64_t offset, uint64_t len);
uint16_t wasi_host_sync(int fd, bool data_only);
uint16_t wasi_host_set_fdflags(int fd, uint16_t fdflags);
uint16_t wasi_host_set_size(int fd, uint64_t size);
/* Fills buf with WASI dirents from position cookie on, as fd_readdir does. */
uint16_t wasi_host_readdir(int fd, uint8_t *buf, size_t len, uint64_t cookie, size_t *used);

/* With path NULL these act on fd itself, otherwise on path relative to the directory fd. */
uint16_t wasi_host_filestat(int fd, const char *path, wasi_filestat *st);
uint16_t wasi_host_set_times(int fd, const char *path, uint64_t atim, uint64_t mtim, uint16_t fstflags);

uint16_t wasi_host_open(int dir, const char *path, uint16_t oflags, uint64_t rights_base, uint64_t rights_inheriting,
                        uint16_t fdflags, int *fd, uint8_t *filetype);
uint16_t wasi_host_mkdir(int dir, const char *path);
uint16_t wasi_host_rmdir(int dir, const char *path);
uint16_t wasi_host_unlink(int dir, const char *path);
uint16_t wasi_host_link(int old_dir, const char *old_path, int new_dir, const char *new_path);
uint16_t wasi_host_rename(int old_dir, const char *old_path, int new_dir, const char *new_path);
uint16_t wasi_host_symlink(const char *target, int dir, const char *path);
uint16_t wasi_host_readlink(int dir, const char *path, uint8_t *buf, size_t len, size_t *used);

uint16_t wasi_host_clock_res(uint32_t id, uint64_t *res);
uint16_t wasi_host_clock_time(uint32_t id, uint64_t precision, uint64_t *time);
uint16_t wasi_host_random(uint8_t *buf, size_t len);
uint16_t wasi_host_sched_yield(void);
/* Waits until at least one subscription is ready; fills events (room for n) and *nevents. */
uint16_t wasi_host_poll(const wasi_sub *subs, size_t n, wasi_event *events, size_t *nevents);

uint16_t wasi_host_sock_accept(int fd, uint16_t fdflags, int *conn);
uint16_t wasi_host_sock_recv(int fd, const wasi_iov *iov, size_t n, uint16_t riflags, size_t *done, uint16_t *roflags);
uint16_t wasi_host_sock_send(int fd, const wasi_iov *iov, size_t n, size_t *done);
uint16_t wasi_host_sock_shutdown(int fd, uint8_t how);

#endif
