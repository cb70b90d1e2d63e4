/* The native back end of the WASI layer, part 1: descriptors, clocks, randomness, poll and sockets
 * over POSIX (paths and directories are in wasi_host_posix_path.c). */
#ifndef __wasi__
#define _GNU_SOURCE /* preadv, pwritev, getentropy, O_DSYNC, st_atim */

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "wasi_abi.h"
#include "wasi_host.h"
#include "wasi_host_posix.h"

#ifndef MSG_NOSIGNAL
#define MSG_NOSIGNAL 0
#endif

uint16_t wasi_posix_errno(int e) {
    switch (e) {
#define MAP(name) case name: return WASI_##name;
        MAP(E2BIG) MAP(EACCES) MAP(EADDRINUSE) MAP(EADDRNOTAVAIL) MAP(EAFNOSUPPORT) MAP(EAGAIN) MAP(EALREADY)
        MAP(EBADF) MAP(EBADMSG) MAP(EBUSY) MAP(ECANCELED) MAP(ECHILD) MAP(ECONNABORTED) MAP(ECONNREFUSED)
        MAP(ECONNRESET) MAP(EDEADLK) MAP(EDESTADDRREQ) MAP(EDOM) MAP(EDQUOT) MAP(EEXIST) MAP(EFAULT) MAP(EFBIG)
        MAP(EHOSTUNREACH) MAP(EIDRM) MAP(EILSEQ) MAP(EINPROGRESS) MAP(EINTR) MAP(EINVAL) MAP(EIO) MAP(EISCONN)
        MAP(EISDIR) MAP(ELOOP) MAP(EMFILE) MAP(EMLINK) MAP(EMSGSIZE) MAP(EMULTIHOP) MAP(ENAMETOOLONG)
        MAP(ENETDOWN) MAP(ENETRESET) MAP(ENETUNREACH) MAP(ENFILE) MAP(ENOBUFS) MAP(ENODEV) MAP(ENOENT)
        MAP(ENOEXEC) MAP(ENOLCK) MAP(ENOLINK) MAP(ENOMEM) MAP(ENOMSG) MAP(ENOPROTOOPT) MAP(ENOSPC) MAP(ENOSYS)
        MAP(ENOTCONN) MAP(ENOTDIR) MAP(ENOTEMPTY) MAP(ENOTRECOVERABLE) MAP(ENOTSOCK) MAP(ENOTSUP) MAP(ENOTTY)
        MAP(ENXIO) MAP(EOVERFLOW) MAP(EOWNERDEAD) MAP(EPERM) MAP(EPIPE) MAP(EPROTO) MAP(EPROTONOSUPPORT)
        MAP(EPROTOTYPE) MAP(ERANGE) MAP(EROFS) MAP(ESPIPE) MAP(ESRCH) MAP(ESTALE) MAP(ETIMEDOUT) MAP(ETXTBSY)
        MAP(EXDEV)
#undef MAP
#if EOPNOTSUPP != ENOTSUP
    case EOPNOTSUPP: return WASI_ENOTSUP;
#endif
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK: return WASI_EAGAIN;
#endif
    case 0: return WASI_ESUCCESS;
    default: return WASI_EIO;
    }
}

uint16_t wasi_posix_check(long r) { return r < 0 ? wasi_posix_errno(errno) : WASI_ESUCCESS; }

uint8_t wasi_posix_filetype(mode_t mode) {
    return S_ISREG(mode)    ? WASI_FILETYPE_REGULAR_FILE
           : S_ISDIR(mode)  ? WASI_FILETYPE_DIRECTORY
           : S_ISCHR(mode)  ? WASI_FILETYPE_CHARACTER_DEVICE
           : S_ISBLK(mode)  ? WASI_FILETYPE_BLOCK_DEVICE
           : S_ISLNK(mode)  ? WASI_FILETYPE_SYMBOLIC_LINK
           : S_ISSOCK(mode) ? WASI_FILETYPE_SOCKET_STREAM
           : S_ISFIFO(mode) ? WASI_FILETYPE_SOCKET_STREAM
                            : WASI_FILETYPE_UNKNOWN;
}

uint64_t wasi_posix_ns(struct timespec ts) { return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec; }

/* ---- descriptors ---- */

uint16_t wasi_host_describe(int fd, uint8_t *filetype, uint16_t *fdflags) {
    struct stat st;
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0 || fstat(fd, &st) < 0) return wasi_posix_errno(errno);
    *filetype = wasi_posix_filetype(st.st_mode);
    *fdflags = (fl & O_APPEND ? WASI_FDFLAG_APPEND : 0) | (fl & O_NONBLOCK ? WASI_FDFLAG_NONBLOCK : 0) |
               ((fl & O_SYNC) == O_SYNC ? WASI_FDFLAG_SYNC : fl & O_DSYNC ? WASI_FDFLAG_DSYNC : 0);
    return WASI_ESUCCESS;
}

uint16_t wasi_host_close(int fd) { return wasi_posix_check(close(fd)); }

/* readv and friends take struct iovec; the same layout, copied so no pointer is type-punned. */
static struct iovec *to_iovec(const wasi_iov *iov, size_t n, struct iovec *out) {
    for (size_t i = 0; i < n; i++) out[i] = (struct iovec){iov[i].buf, iov[i].len};
    return out;
}

/* The result of a read or write that returned r. */
static uint16_t done_or_errno(ssize_t r, size_t *done) {
    if (r < 0) return wasi_posix_errno(errno);
    *done = (size_t)r;
    return WASI_ESUCCESS;
}

uint16_t wasi_host_read(int fd, const wasi_iov *iov, size_t n, size_t *done) {
    struct iovec v[WASI_IOV_MAX];
    ssize_t r;
    do r = readv(fd, to_iovec(iov, n, v), (int)n); while (r < 0 && errno == EINTR);
    return done_or_errno(r, done);
}

uint16_t wasi_host_write(int fd, const wasi_iov *iov, size_t n, size_t *done) {
    struct iovec v[WASI_IOV_MAX];
    ssize_t r;
    do r = writev(fd, to_iovec(iov, n, v), (int)n); while (r < 0 && errno == EINTR);
    return done_or_errno(r, done);
}

uint16_t wasi_host_pread(int fd, const wasi_iov *iov, size_t n, uint64_t offset, size_t *done) {
    struct iovec v[WASI_IOV_MAX];
    if (offset > INT64_MAX) return WASI_EINVAL;
    return done_or_errno(preadv(fd, to_iovec(iov, n, v), (int)n, (off_t)offset), done);
}

uint16_t wasi_host_pwrite(int fd, const wasi_iov *iov, size_t n, uint64_t offset, size_t *done) {
    struct iovec v[WASI_IOV_MAX];
    if (offset > INT64_MAX) return WASI_EINVAL;
    return done_or_errno(pwritev(fd, to_iovec(iov, n, v), (int)n, (off_t)offset), done);
}

uint16_t wasi_host_seek(int fd, int64_t offset, uint8_t whence, uint64_t *pos) {
    static const int whences[] = {SEEK_SET, SEEK_CUR, SEEK_END};
    off_t r = lseek(fd, (off_t)offset, whences[whence]);
    if (r < 0) return wasi_posix_errno(errno);
    *pos = (uint64_t)r;
    return WASI_ESUCCESS;
}

uint16_t wasi_host_advise(int fd, uint64_t offset, uint64_t len, uint8_t advice) {
    static const int advices[] = {POSIX_FADV_NORMAL, POSIX_FADV_SEQUENTIAL, POSIX_FADV_RANDOM,
                                  POSIX_FADV_WILLNEED, POSIX_FADV_DONTNEED, POSIX_FADV_NOREUSE};
    if (offset > INT64_MAX || len > INT64_MAX) return WASI_EINVAL;
    return wasi_posix_errno(posix_fadvise(fd, (off_t)offset, (off_t)len, advices[advice]));
}

uint16_t wasi_host_allocate(int fd, uint64_t offset, uint64_t len) {
    if (offset > INT64_MAX || len > INT64_MAX - offset) return WASI_EINVAL;
    return wasi_posix_errno(posix_fallocate(fd, (off_t)offset, (off_t)len));
}

uint16_t wasi_host_sync(int fd, bool data_only) { return wasi_posix_check(data_only ? fdatasync(fd) : fsync(fd)); }

/* Linux ignores the sync flags here (as it does for Node.js's uvwasi, which sets them the same way). */
uint16_t wasi_host_set_fdflags(int fd, uint16_t fdflags) {
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0) return wasi_posix_errno(errno);
    fl &= ~(O_APPEND | O_NONBLOCK | O_DSYNC | O_SYNC);
    fl |= (fdflags & WASI_FDFLAG_APPEND ? O_APPEND : 0) | (fdflags & WASI_FDFLAG_NONBLOCK ? O_NONBLOCK : 0) |
          (fdflags & WASI_FDFLAG_DSYNC ? O_DSYNC : 0) | (fdflags & (WASI_FDFLAG_SYNC | WASI_FDFLAG_RSYNC) ? O_SYNC : 0);
    return wasi_posix_check(fcntl(fd, F_SETFL, fl));
}

uint16_t wasi_host_set_size(int fd, uint64_t size) {
    if (size > INT64_MAX) return WASI_EINVAL;
    return wasi_posix_check(ftruncate(fd, (off_t)size));
}

/* ---- clocks, randomness, scheduling ---- */

static bool clock_of(uint32_t id, clockid_t *c) {
    static const clockid_t clocks[] = {CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID,
                                       CLOCK_THREAD_CPUTIME_ID};
    if (id > WASI_CLOCK_THREAD_CPUTIME) return false;
    *c = clocks[id];
    return true;
}

uint16_t wasi_host_clock_res(uint32_t id, uint64_t *res) {
    clockid_t c;
    struct timespec ts;
    if (!clock_of(id, &c)) return WASI_EINVAL;
    if (clock_getres(c, &ts) < 0) return wasi_posix_errno(errno);
    *res = wasi_posix_ns(ts);
    return WASI_ESUCCESS;
}

uint16_t wasi_host_clock_time(uint32_t id, uint64_t precision, uint64_t *time) {
    (void)precision;
    clockid_t c;
    struct timespec ts;
    if (!clock_of(id, &c)) return WASI_EINVAL;
    if (clock_gettime(c, &ts) < 0) return wasi_posix_errno(errno);
    *time = wasi_posix_ns(ts);
    return WASI_ESUCCESS;
}

uint16_t wasi_host_random(uint8_t *buf, size_t len) {
    for (size_t n; len > 0; buf += n, len -= n) {
        n = len < 256 ? len : 256; /* getentropy's limit */
        if (getentropy(buf, n) < 0) return wasi_posix_errno(errno);
    }
    return WASI_ESUCCESS;
}

uint16_t wasi_host_sched_yield(void) { return wasi_posix_check(sched_yield()); }

/* ---- poll ---- */

/* Nanoseconds from now until clock subscription s is due (0 if it is), or UINT64_MAX for a bad clock. */
static uint64_t remaining(const wasi_sub *s) {
    uint64_t now;
    if (!(s->flags & WASI_SUBCLOCK_ABSTIME)) return s->timeout;
    if (wasi_host_clock_time(s->clock_id, 0, &now)) return UINT64_MAX;
    return s->timeout > now ? s->timeout - now : 0;
}

static uint64_t monotonic_ns(void) {
    uint64_t t = 0;
    wasi_host_clock_time(WASI_CLOCK_MONOTONIC, 0, &t);
    return t;
}

/* poll()'s timeout until monotonic time `due`, rounded up to whole milliseconds; -1: forever. */
static int poll_ms(uint64_t due, uint64_t now) {
    if (due == UINT64_MAX) return -1;
    if (due <= now) return 0;
    uint64_t ms = (due - now + 999999) / 1000000;
    return ms > INT32_MAX ? INT32_MAX : (int)ms;
}

/* Bytes ready on a descriptor poll() reported, where the host can say. */
static uint64_t ready_bytes(int fd) {
    int n = 0;
    return ioctl(fd, FIONREAD, &n) == 0 && n > 0 ? (uint64_t)n : 0;
}

uint16_t wasi_host_poll(const wasi_sub *subs, size_t n, wasi_event *events, size_t *nevents) {
    struct pollfd *pfds = malloc(n * sizeof *pfds);
    uint64_t *due = malloc(n * sizeof *due); /* per clock subscription, in monotonic time */
    if (!pfds || !due) {
        free(pfds);
        free(due);
        return WASI_ENOMEM;
    }
    uint64_t start = monotonic_ns(), first = UINT64_MAX;
    size_t npfds = 0;
    *nevents = 0;
    for (size_t i = 0; i < n; i++) {
        if (subs[i].type == WASI_EVENTTYPE_CLOCK) {
            uint64_t left = subs[i].clock_id <= WASI_CLOCK_THREAD_CPUTIME ? remaining(&subs[i]) : UINT64_MAX;
            if (left == UINT64_MAX) events[(*nevents)++] = (wasi_event){.sub = (uint32_t)i, .error = WASI_EINVAL};
            due[i] = left > UINT64_MAX - start ? UINT64_MAX - 1 : start + left;
            if (due[i] < first) first = due[i];
        } else {
            short what = subs[i].type == WASI_EVENTTYPE_FD_READ ? POLLIN : POLLOUT;
            pfds[npfds++] = (struct pollfd){.fd = subs[i].fd, .events = what};
        }
    }
    while (*nevents == 0) {
        int r = poll(pfds, (nfds_t)npfds, poll_ms(first, monotonic_ns()));
        if (r < 0 && errno != EINTR) {
            free(pfds);
            free(due);
            return wasi_posix_errno(errno);
        }
        uint64_t now = monotonic_ns();
        for (size_t i = 0, p = 0; i < n; i++) {
            wasi_event ev = {.sub = (uint32_t)i};
            if (subs[i].type == WASI_EVENTTYPE_CLOCK) {
                if (due[i] > now) continue;
            } else {
                short got = r > 0 ? pfds[p].revents : 0;
                p++;
                if (!got) continue;
                ev.error = got & POLLNVAL ? WASI_EBADF : 0;
                ev.flags = got & POLLHUP ? WASI_EVENT_FD_READWRITE_HANGUP : 0;
                ev.nbytes = subs[i].type == WASI_EVENTTYPE_FD_READ ? ready_bytes(subs[i].fd) : 0;
            }
            events[(*nevents)++] = ev;
        }
    }
    free(pfds);
    free(due);
    return WASI_ESUCCESS;
}

/* ---- sockets the guest was handed ---- */

uint16_t wasi_host_sock_accept(int fd, uint16_t fdflags, int *conn) {
    int c = accept(fd, NULL, NULL);
    if (c < 0) return wasi_posix_errno(errno);
    if (fcntl(c, F_SETFD, FD_CLOEXEC) < 0 || ((fdflags & WASI_FDFLAG_NONBLOCK) && fcntl(c, F_SETFL, O_NONBLOCK) < 0)) {
        uint16_t e = wasi_posix_errno(errno);
        close(c);
        return e;
    }
    *conn = c;
    return WASI_ESUCCESS;
}

uint16_t wasi_host_sock_recv(int fd, const wasi_iov *iov, size_t n, uint16_t riflags, size_t *done, uint16_t *roflags) {
    struct iovec v[WASI_IOV_MAX];
    struct msghdr msg = {.msg_iov = to_iovec(iov, n, v), .msg_iovlen = n};
    int flags = (riflags & WASI_SOCK_RECV_PEEK ? MSG_PEEK : 0) | (riflags & WASI_SOCK_RECV_WAITALL ? MSG_WAITALL : 0);
    uint16_t e = done_or_errno(recvmsg(fd, &msg, flags), done);
    *roflags = msg.msg_flags & MSG_TRUNC ? WASI_SOCK_RECV_DATA_TRUNCATED : 0;
    return e;
}

uint16_t wasi_host_sock_send(int fd, const wasi_iov *iov, size_t n, size_t *done) {
    struct iovec v[WASI_IOV_MAX];
    struct msghdr msg = {.msg_iov = to_iovec(iov, n, v), .msg_iovlen = n};
    return done_or_errno(sendmsg(fd, &msg, MSG_NOSIGNAL), done);
}

uint16_t wasi_host_sock_shutdown(int fd, uint8_t how) {
    return wasi_posix_check(shutdown(fd, how == WASI_SHUT_RD ? SHUT_RD : how == WASI_SHUT_WR ? SHUT_WR : SHUT_RDWR));
}

#endif
