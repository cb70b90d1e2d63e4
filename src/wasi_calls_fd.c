/* The fd_* functions: what the guest does with a descriptor it holds. Each checks the descriptor and
 * its rights and every guest pointer, then asks the host. */
#include <string.h>

#include "wasi_abi.h"
#include "wasi_calls.h"

/* The guest's descriptor a[i], which must have `rights`; returns from the caller with the errno if not. */
#define GET_FD(f, i, rights)                                        \
    uint16_t e_;                                                    \
    wasi_fd *f = wasi_fd_get(w, a[i].of.i32, (rights), &e_);        \
    if (!f) return e_

/* Reads and writes stop short of 2 GiB, as Linux's do, so the count always fits the guest's u32. */
#define WASI_IO_MAX 0x7ffff000u

uint16_t wasi_iovecs(const wasi_mem *m, uint32_t ptr, uint32_t n, wasi_iov *iov, size_t *count) {
    if (!wasi_mem_ok(m, ptr, (uint64_t)n * WASI_IOVEC_SIZE)) return WASI_EFAULT;
    uint64_t room = WASI_IO_MAX;
    *count = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t buf = wasi_get32(m, ptr + i * WASI_IOVEC_SIZE), len = wasi_get32(m, ptr + i * WASI_IOVEC_SIZE + 4);
        if (!wasi_mem_ok(m, buf, len)) return WASI_EFAULT;
        if (*count == WASI_IOV_MAX || room == 0) continue; /* still checked, not used */
        if (len > room) len = (uint32_t)room;
        iov[(*count)++] = (wasi_iov){wasi_mem_at(m, buf), len};
        room -= len;
    }
    return WASI_ESUCCESS;
}

void wasi_put_filestat(const wasi_mem *m, uint32_t ptr, const wasi_filestat *st) {
    memset(wasi_mem_at(m, ptr), 0, WASI_FILESTAT_SIZE);
    wasi_put64(m, ptr, st->dev);
    wasi_put64(m, ptr + 8, st->ino);
    wasi_put8(m, ptr + 16, st->filetype);
    wasi_put64(m, ptr + 24, st->nlink);
    wasi_put64(m, ptr + 32, st->size);
    wasi_put64(m, ptr + 40, st->atim);
    wasi_put64(m, ptr + 48, st->mtim);
    wasi_put64(m, ptr + 56, st->ctim);
}

uint16_t wasi_check_fstflags(uint32_t fst) {
    bool both = ((fst & WASI_FST_ATIM) && (fst & WASI_FST_ATIM_NOW)) || ((fst & WASI_FST_MTIM) && (fst & WASI_FST_MTIM_NOW));
    return both || fst > 15 ? WASI_EINVAL : WASI_ESUCCESS;
}

/* ---- reading and writing ---- */

enum io { IO_READ, IO_WRITE, IO_PREAD, IO_PWRITE };

/* Waits until host_fd is ready to read or write, for 10 ms at most: if the host cannot poll it, the
 * caller simply tries again a little later. */
static void wait_ready(int host_fd, bool write) {
    wasi_sub subs[2] = {{.type = write ? WASI_EVENTTYPE_FD_WRITE : WASI_EVENTTYPE_FD_READ, .fd = host_fd},
                        {.type = WASI_EVENTTYPE_CLOCK, .clock_id = WASI_CLOCK_MONOTONIC, .timeout = 10000000}};
    wasi_event events[2];
    size_t n;
    if (wasi_host_poll(subs, 2, events, &n)) wasi_host_poll(subs + 1, 1, events, &n);
}

/* fd_read, fd_write, fd_pread, fd_pwrite: a[0] fd, a[1] iovecs, a[2] their count, a[n - 1] result.
 * A descriptor the guest has not made non-blocking makes it wait rather than get EAGAIN. */
static uint16_t io(cw_wasi *w, const wasi_mem *m, const cw_value *a, enum io op) {
    static const uint64_t rights[] = {
        WASI_RIGHT_FD_READ, WASI_RIGHT_FD_WRITE, WASI_RIGHT_FD_READ | WASI_RIGHT_FD_SEEK,
        WASI_RIGHT_FD_WRITE | WASI_RIGHT_FD_SEEK};
    GET_FD(f, 0, rights[op]);
    bool positioned = op == IO_PREAD || op == IO_PWRITE;
    uint32_t out = a[positioned ? 4 : 3].of.i32;
    wasi_iov iov[WASI_IOV_MAX];
    size_t n, done = 0;
    uint16_t e = wasi_iovecs(m, a[1].of.i32, a[2].of.i32, iov, &n);
    if (e) return e;
    if (!wasi_mem_ok(m, out, 4)) return WASI_EFAULT;
    for (;;) {
        switch (op) {
        case IO_READ: e = wasi_host_read(f->host_fd, iov, n, &done); break;
        case IO_WRITE: e = wasi_host_write(f->host_fd, iov, n, &done); break;
        case IO_PREAD: e = wasi_host_pread(f->host_fd, iov, n, a[3].of.i64, &done); break;
        case IO_PWRITE: e = wasi_host_pwrite(f->host_fd, iov, n, a[3].of.i64, &done); break;
        }
        if (e != WASI_EAGAIN || (f->info.fdflags & WASI_FDFLAG_NONBLOCK)) break;
        wait_ready(f->host_fd, op == IO_WRITE || op == IO_PWRITE);
    }
    if (!e) wasi_put32(m, out, (uint32_t)done);
    return e;
}

uint16_t wasi_fd_read(cw_wasi *w, const wasi_mem *m, const cw_value *a) { return io(w, m, a, IO_READ); }
uint16_t wasi_fd_write(cw_wasi *w, const wasi_mem *m, const cw_value *a) { return io(w, m, a, IO_WRITE); }
uint16_t wasi_fd_pread(cw_wasi *w, const wasi_mem *m, const cw_value *a) { return io(w, m, a, IO_PREAD); }
uint16_t wasi_fd_pwrite(cw_wasi *w, const wasi_mem *m, const cw_value *a) { return io(w, m, a, IO_PWRITE); }

uint16_t wasi_fd_seek(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    int64_t offset = (int64_t)a[1].of.i64;
    uint32_t whence = a[2].of.i32, out = a[3].of.i32;
    /* Asking where one is needs only the right to tell (wasi-libc's ftell does that). */
    GET_FD(f, 0, whence == WASI_WHENCE_CUR && offset == 0 ? WASI_RIGHT_FD_TELL : WASI_RIGHT_FD_SEEK);
    if (whence > WASI_WHENCE_END) return WASI_EINVAL;
    if (!wasi_mem_ok(m, out, 8)) return WASI_EFAULT;
    uint64_t pos;
    uint16_t e = wasi_host_seek(f->host_fd, offset, (uint8_t)whence, &pos);
    if (!e) wasi_put64(m, out, pos);
    return e;
}

uint16_t wasi_fd_tell(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    GET_FD(f, 0, WASI_RIGHT_FD_TELL);
    if (!wasi_mem_ok(m, a[1].of.i32, 8)) return WASI_EFAULT;
    uint64_t pos;
    uint16_t e = wasi_host_seek(f->host_fd, 0, WASI_WHENCE_CUR, &pos);
    if (!e) wasi_put64(m, a[1].of.i32, pos);
    return e;
}

uint16_t wasi_fd_readdir(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    GET_FD(f, 0, WASI_RIGHT_FD_READDIR);
    uint32_t buf = a[1].of.i32, len = a[2].of.i32, out = a[4].of.i32;
    if (!wasi_mem_ok(m, buf, len) || !wasi_mem_ok(m, out, 4)) return WASI_EFAULT;
    size_t used;
    uint16_t e = wasi_host_readdir(f->host_fd, wasi_mem_at(m, buf), len, a[3].of.i64, &used);
    if (!e) wasi_put32(m, out, (uint32_t)used);
    return e;
}

/* ---- the descriptor itself ---- */

uint16_t wasi_fd_close(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    (void)m;
    GET_FD(f, 0, 0);
    wasi_fd_release(w, f->info.fd);
    return WASI_ESUCCESS;
}

uint16_t wasi_fd_renumber(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    (void)m;
    GET_FD(from, 0, 0);
    wasi_fd *to = wasi_fd_get(w, a[1].of.i32, 0, &e_);
    if (!to) return e_;
    if (from == to) return WASI_ESUCCESS;
    wasi_fd_release(w, to->info.fd);
    uint32_t number = a[1].of.i32;
    *to = *from;
    to->info.fd = number;
    memset(from, 0, sizeof *from);
    return WASI_ESUCCESS;
}

uint16_t wasi_fd_fdstat_get(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    GET_FD(f, 0, 0);
    uint32_t out = a[1].of.i32;
    if (!wasi_mem_ok(m, out, WASI_FDSTAT_SIZE)) return WASI_EFAULT;
    memset(wasi_mem_at(m, out), 0, WASI_FDSTAT_SIZE);
    wasi_put8(m, out, f->info.filetype);
    wasi_put16(m, out + 2, f->info.fdflags);
    wasi_put64(m, out + 8, f->info.rights_base);
    wasi_put64(m, out + 16, f->info.rights_inheriting);
    return WASI_ESUCCESS;
}

uint16_t wasi_fd_fdstat_set_flags(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    (void)m;
    GET_FD(f, 0, WASI_RIGHT_FD_FDSTAT_SET_FLAGS);
    uint32_t flags = a[1].of.i32;
    if (flags > 31) return WASI_EINVAL;
    uint16_t e = wasi_host_set_fdflags(f->host_fd, (uint16_t)flags);
    if (!e) f->info.fdflags = (uint16_t)flags;
    return e;
}

/* Rights can only be dropped. */
uint16_t wasi_fd_fdstat_set_rights(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    (void)m;
    GET_FD(f, 0, 0);
    uint64_t base = a[1].of.i64, inheriting = a[2].of.i64;
    if ((base & ~f->info.rights_base) || (inheriting & ~f->info.rights_inheriting)) return WASI_ENOTCAPABLE;
    f->info.rights_base = base;
    f->info.rights_inheriting = inheriting;
    return WASI_ESUCCESS;
}

uint16_t wasi_fd_filestat_get(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    GET_FD(f, 0, WASI_RIGHT_FD_FILESTAT_GET);
    if (!wasi_mem_ok(m, a[1].of.i32, WASI_FILESTAT_SIZE)) return WASI_EFAULT;
    wasi_filestat st;
    uint16_t e = wasi_host_filestat(f->host_fd, NULL, &st);
    if (!e) wasi_put_filestat(m, a[1].of.i32, &st);
    return e;
}

uint16_t wasi_fd_filestat_set_size(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    (void)m;
    GET_FD(f, 0, WASI_RIGHT_FD_FILESTAT_SET_SIZE);
    return wasi_host_set_size(f->host_fd, a[1].of.i64);
}

uint16_t wasi_fd_filestat_set_times(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    (void)m;
    GET_FD(f, 0, WASI_RIGHT_FD_FILESTAT_SET_TIMES);
    uint16_t e = wasi_check_fstflags(a[3].of.i32);
    return e ? e : wasi_host_set_times(f->host_fd, NULL, a[1].of.i64, a[2].of.i64, (uint16_t)a[3].of.i32);
}

uint16_t wasi_fd_advise(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    (void)m;
    GET_FD(f, 0, WASI_RIGHT_FD_ADVISE);
    if (a[3].of.i32 > WASI_ADVICE_NOREUSE) return WASI_EINVAL;
    return wasi_host_advise(f->host_fd, a[1].of.i64, a[2].of.i64, (uint8_t)a[3].of.i32);
}

uint16_t wasi_fd_allocate(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    (void)m;
    GET_FD(f, 0, WASI_RIGHT_FD_ALLOCATE);
    return wasi_host_allocate(f->host_fd, a[1].of.i64, a[2].of.i64);
}

uint16_t wasi_fd_datasync(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    (void)m;
    GET_FD(f, 0, WASI_RIGHT_FD_DATASYNC);
    return wasi_host_sync(f->host_fd, true);
}

uint16_t wasi_fd_sync(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    (void)m;
    GET_FD(f, 0, WASI_RIGHT_FD_SYNC);
    return wasi_host_sync(f->host_fd, false);
}

/* ---- preopened directories ---- */

uint16_t wasi_fd_prestat_get(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    GET_FD(f, 0, 0);
    if (f->info.kind != CW_WASI_FD_PREOPEN) return WASI_EBADF;
    uint32_t out = a[1].of.i32;
    if (!wasi_mem_ok(m, out, WASI_PRESTAT_SIZE)) return WASI_EFAULT;
    memset(wasi_mem_at(m, out), 0, WASI_PRESTAT_SIZE); /* tag 0: a directory */
    wasi_put32(m, out + 4, (uint32_t)strlen(w->preopens[f->info.source].name));
    return WASI_ESUCCESS;
}

uint16_t wasi_fd_prestat_dir_name(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    GET_FD(f, 0, 0);
    if (f->info.kind != CW_WASI_FD_PREOPEN) return WASI_EBADF;
    uint32_t buf = a[1].of.i32, len = a[2].of.i32;
    const char *name = w->preopens[f->info.source].name;
    if (!wasi_mem_ok(m, buf, len)) return WASI_EFAULT;
    if (len < strlen(name)) return WASI_ENOBUFS;
    memcpy(wasi_mem_at(m, buf), name, strlen(name));
    return WASI_ESUCCESS;
}
