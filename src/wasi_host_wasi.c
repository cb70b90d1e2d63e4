/* The back end of the WASI layer in chiwawa.wasm: the guest's calls, already checked against guest
 * memory and its descriptor table, go to the host's own WASI through wasi-libc's __wasi_* functions,
 * on host descriptors. Flags, errno values and dirents are WASI's on both sides and pass through as
 * they are. Paths come walked (wasi_path.c), so the host is told to follow no link. */
#ifdef __wasi__
#include <fcntl.h>
#include <stdlib.h>
#include <wasi/api.h>

#include "wasi_abi.h"
#include "wasi_host.h"

_Static_assert(WASI_ENOTCAPABLE == __WASI_ERRNO_NOTCAPABLE && WASI_RIGHT_SOCK_ACCEPT == __WASI_RIGHTS_SOCK_ACCEPT &&
                   WASI_FILETYPE_SYMBOLIC_LINK == __WASI_FILETYPE_SYMBOLIC_LINK,
               "wasi_abi.h must agree with <wasi/api.h>");

int wasi_host_open_dir(const char *path) { return open(path, O_RDONLY | O_DIRECTORY); }

uint16_t wasi_host_describe(int fd, uint8_t *filetype, uint16_t *fdflags) {
    __wasi_fdstat_t st;
    uint16_t e = __wasi_fd_fdstat_get((__wasi_fd_t)fd, &st);
    if (!e) *filetype = st.fs_filetype, *fdflags = st.fs_flags;
    return e;
}

uint16_t wasi_host_close(int fd) { return __wasi_fd_close((__wasi_fd_t)fd); }

/* Same layout, copied so no pointer is type-punned. */
static __wasi_iovec_t *to_iovec(const wasi_iov *iov, size_t n, __wasi_iovec_t *out) {
    for (size_t i = 0; i < n; i++) out[i] = (__wasi_iovec_t){iov[i].buf, iov[i].len};
    return out;
}

static const __wasi_ciovec_t *to_ciovec(const wasi_iov *iov, size_t n, __wasi_ciovec_t *out) {
    for (size_t i = 0; i < n; i++) out[i] = (__wasi_ciovec_t){iov[i].buf, iov[i].len};
    return out;
}

uint16_t wasi_host_read(int fd, const wasi_iov *iov, size_t n, size_t *done) {
    __wasi_iovec_t v[WASI_IOV_MAX];
    return __wasi_fd_read((__wasi_fd_t)fd, to_iovec(iov, n, v), n, done);
}

uint16_t wasi_host_write(int fd, const wasi_iov *iov, size_t n, size_t *done) {
    __wasi_ciovec_t v[WASI_IOV_MAX];
    return __wasi_fd_write((__wasi_fd_t)fd, to_ciovec(iov, n, v), n, done);
}

uint16_t wasi_host_pread(int fd, const wasi_iov *iov, size_t n, uint64_t offset, size_t *done) {
    __wasi_iovec_t v[WASI_IOV_MAX];
    return __wasi_fd_pread((__wasi_fd_t)fd, to_iovec(iov, n, v), n, offset, done);
}

uint16_t wasi_host_pwrite(int fd, const wasi_iov *iov, size_t n, uint64_t offset, size_t *done) {
    __wasi_ciovec_t v[WASI_IOV_MAX];
    return __wasi_fd_pwrite((__wasi_fd_t)fd, to_ciovec(iov, n, v), n, offset, done);
}

uint16_t wasi_host_seek(int fd, int64_t offset, uint8_t whence, uint64_t *pos) {
    return __wasi_fd_seek((__wasi_fd_t)fd, offset, whence, pos);
}

uint16_t wasi_host_advise(int fd, uint64_t offset, uint64_t len, uint8_t advice) {
    return __wasi_fd_advise((__wasi_fd_t)fd, offset, len, advice);
}

uint16_t wasi_host_allocate(int fd, uint64_t offset, uint64_t len) {
    return __wasi_fd_allocate((__wasi_fd_t)fd, offset, len);
}

uint16_t wasi_host_sync(int fd, bool data_only) {
    return data_only ? __wasi_fd_datasync((__wasi_fd_t)fd) : __wasi_fd_sync((__wasi_fd_t)fd);
}

uint16_t wasi_host_set_fdflags(int fd, uint16_t fdflags) { return __wasi_fd_fdstat_set_flags((__wasi_fd_t)fd, fdflags); }
uint16_t wasi_host_set_size(int fd, uint64_t size) { return __wasi_fd_filestat_set_size((__wasi_fd_t)fd, size); }

uint16_t wasi_host_readdir(int fd, uint8_t *buf, size_t len, uint64_t cookie, size_t *used) {
    return __wasi_fd_readdir((__wasi_fd_t)fd, buf, len, cookie, used);
}

uint16_t wasi_host_filestat(int fd, const char *path, wasi_filestat *out) {
    __wasi_filestat_t st;
    uint16_t e = path ? __wasi_path_filestat_get((__wasi_fd_t)fd, 0, path, &st)
                      : __wasi_fd_filestat_get((__wasi_fd_t)fd, &st);
    if (!e)
        *out = (wasi_filestat){.dev = st.dev, .ino = st.ino, .nlink = st.nlink, .size = st.size, .atim = st.atim,
                               .mtim = st.mtim, .ctim = st.ctim, .filetype = st.filetype};
    return e;
}

uint16_t wasi_host_set_times(int fd, const char *path, uint64_t atim, uint64_t mtim, uint16_t fstflags) {
    return path ? __wasi_path_filestat_set_times((__wasi_fd_t)fd, 0, path, atim, mtim, fstflags)
                : __wasi_fd_filestat_set_times((__wasi_fd_t)fd, atim, mtim, fstflags);
}

uint16_t wasi_host_open(int dir, const char *path, uint16_t oflags, uint64_t rights_base, uint64_t rights_inheriting,
                        uint16_t fdflags, int *fd, uint8_t *filetype) {
    __wasi_fd_t f;
    uint16_t flags, e = __wasi_path_open((__wasi_fd_t)dir, 0, path, oflags, rights_base, rights_inheriting, fdflags, &f);
    if (e) return e;
    if ((e = wasi_host_describe((int)f, filetype, &flags))) {
        wasi_host_close((int)f);
        return e;
    }
    *fd = (int)f;
    return WASI_ESUCCESS;
}

uint16_t wasi_host_mkdir(int dir, const char *path) { return __wasi_path_create_directory((__wasi_fd_t)dir, path); }
uint16_t wasi_host_rmdir(int dir, const char *path) { return __wasi_path_remove_directory((__wasi_fd_t)dir, path); }
uint16_t wasi_host_unlink(int dir, const char *path) { return __wasi_path_unlink_file((__wasi_fd_t)dir, path); }

uint16_t wasi_host_link(int old_dir, const char *old_path, int new_dir, const char *new_path) {
    return __wasi_path_link((__wasi_fd_t)old_dir, 0, old_path, (__wasi_fd_t)new_dir, new_path);
}

uint16_t wasi_host_rename(int old_dir, const char *old_path, int new_dir, const char *new_path) {
    return __wasi_path_rename((__wasi_fd_t)old_dir, old_path, (__wasi_fd_t)new_dir, new_path);
}

uint16_t wasi_host_symlink(const char *target, int dir, const char *path) {
    return __wasi_path_symlink(target, (__wasi_fd_t)dir, path);
}

uint16_t wasi_host_readlink(int dir, const char *path, uint8_t *buf, size_t len, size_t *used) {
    return __wasi_path_readlink((__wasi_fd_t)dir, path, buf, len, used);
}

uint16_t wasi_host_clock_res(uint32_t id, uint64_t *res) { return __wasi_clock_res_get(id, res); }

uint16_t wasi_host_clock_time(uint32_t id, uint64_t precision, uint64_t *time) {
    return __wasi_clock_time_get(id, precision, time);
}

uint16_t wasi_host_random(uint8_t *buf, size_t len) { return __wasi_random_get(buf, len); }
uint16_t wasi_host_sched_yield(void) { return __wasi_sched_yield(); }

/* The host's userdata is the subscription's index; the guest's own is put back by the caller. */
uint16_t wasi_host_poll(const wasi_sub *subs, size_t n, wasi_event *events, size_t *nevents) {
    __wasi_subscription_t *in = calloc(n, sizeof *in);
    __wasi_event_t *out = calloc(n, sizeof *out);
    uint16_t e = in && out ? WASI_ESUCCESS : WASI_ENOMEM;
    for (size_t i = 0; i < n && !e; i++) {
        in[i].userdata = i;
        in[i].u.tag = subs[i].type;
        if (subs[i].type == WASI_EVENTTYPE_CLOCK)
            in[i].u.u.clock = (__wasi_subscription_clock_t){subs[i].clock_id, subs[i].timeout, subs[i].precision,
                                                            subs[i].flags};
        else
            in[i].u.u.fd_read.file_descriptor = (__wasi_fd_t)subs[i].fd; /* fd_write has the same layout */
    }
    if (!e) e = __wasi_poll_oneoff(in, out, n, nevents);
    for (size_t i = 0; !e && i < *nevents; i++)
        events[i] = (wasi_event){.sub = (uint32_t)out[i].userdata, .error = out[i].error,
                                 .nbytes = out[i].fd_readwrite.nbytes, .flags = out[i].fd_readwrite.flags};
    free(in);
    free(out);
    return e;
}

uint16_t wasi_host_sock_accept(int fd, uint16_t fdflags, int *conn) {
    __wasi_fd_t c;
    uint16_t e = __wasi_sock_accept((__wasi_fd_t)fd, fdflags, &c);
    if (!e) *conn = (int)c;
    return e;
}

uint16_t wasi_host_sock_recv(int fd, const wasi_iov *iov, size_t n, uint16_t riflags, size_t *done, uint16_t *roflags) {
    __wasi_iovec_t v[WASI_IOV_MAX];
    return __wasi_sock_recv((__wasi_fd_t)fd, to_iovec(iov, n, v), n, riflags, done, roflags);
}

uint16_t wasi_host_sock_send(int fd, const wasi_iov *iov, size_t n, size_t *done) {
    __wasi_ciovec_t v[WASI_IOV_MAX];
    return __wasi_sock_send((__wasi_fd_t)fd, to_ciovec(iov, n, v), n, 0, done);
}

uint16_t wasi_host_sock_shutdown(int fd, uint8_t how) { return __wasi_sock_shutdown((__wasi_fd_t)fd, how); }

#endif
