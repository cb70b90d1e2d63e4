/* poll_oneoff and the sock_* functions: waiting for clocks and descriptors, and the sockets a guest
 * can be handed (WASI preview1 cannot create them). */
#include <stdlib.h>

#include "wasi_abi.h"
#include "wasi_calls.h"

static void put_event(const wasi_mem *m, uint32_t ptr, uint64_t userdata, uint16_t error, uint8_t type,
                      uint64_t nbytes, uint16_t flags) {
    for (uint32_t i = 0; i < WASI_EVENT_SIZE; i += 8) wasi_put64(m, ptr + i, 0);
    wasi_put64(m, ptr, userdata);
    wasi_put16(m, ptr + 8, error);
    wasi_put8(m, ptr + 10, type);
    wasi_put64(m, ptr + 16, nbytes);
    wasi_put16(m, ptr + 24, flags);
}

/* Answers at once a subscription to a bad descriptor (with its error) or to a regular file, which is
 * always ready, as POSIX's poll() says; Node.js's uvwasi cannot poll files at all. */
static bool answer_now(cw_wasi *w, uint32_t fd, const wasi_sub *s, wasi_event *ev) {
    wasi_fd *f = wasi_fd_get(w, fd, WASI_RIGHT_POLL_FD_READWRITE, &ev->error);
    if (f && f->info.filetype != WASI_FILETYPE_REGULAR_FILE) return false;
    wasi_filestat st;
    uint64_t pos;
    if (f && s->type == WASI_EVENTTYPE_FD_READ && !wasi_host_filestat(f->host_fd, NULL, &st) &&
        !wasi_host_seek(f->host_fd, 0, WASI_WHENCE_CUR, &pos) && st.size > pos)
        ev->nbytes = st.size - pos;
    return true;
}

/* Reads the subscription at ptr into *s; sets *now if answer_now() has answered it in *ev. */
static uint16_t read_sub(cw_wasi *w, const wasi_mem *m, uint32_t ptr, wasi_sub *s, wasi_event *ev, bool *now) {
    *s = (wasi_sub){.type = m->base[ptr + 8]};
    *now = false;
    switch (s->type) {
    case WASI_EVENTTYPE_CLOCK:
        s->clock_id = wasi_get32(m, ptr + 16);
        s->timeout = wasi_get64(m, ptr + 24);
        s->precision = wasi_get64(m, ptr + 32);
        s->flags = (uint16_t)wasi_get32(m, ptr + 40);
        return WASI_ESUCCESS;
    case WASI_EVENTTYPE_FD_READ:
    case WASI_EVENTTYPE_FD_WRITE: {
        uint32_t fd = wasi_get32(m, ptr + 16);
        *now = answer_now(w, fd, s, ev);
        if (!*now) s->fd = w->fds[fd].host_fd;
        return WASI_ESUCCESS;
    }
    }
    return WASI_EINVAL;
}

uint16_t wasi_poll_oneoff(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    uint32_t in = a[0].of.i32, out = a[1].of.i32, n = a[2].of.i32, nevents_out = a[3].of.i32;
    if (!wasi_mem_ok(m, in, (uint64_t)n * WASI_SUBSCRIPTION_SIZE) || !wasi_mem_ok(m, out, (uint64_t)n * WASI_EVENT_SIZE) ||
        !wasi_mem_ok(m, nevents_out, 4))
        return WASI_EFAULT;
    if (n == 0) return WASI_EINVAL; /* it would wait forever */
    wasi_sub *subs = malloc(n * sizeof *subs);
    wasi_event *events = malloc(n * sizeof *events);
    size_t nevents = 0;
    uint16_t e = subs && events ? WASI_ESUCCESS : WASI_ENOMEM;
    for (uint32_t i = 0; i < n && !e; i++) {
        bool now;
        events[nevents] = (wasi_event){.sub = i};
        e = read_sub(w, m, in + i * WASI_SUBSCRIPTION_SIZE, &subs[i], &events[nevents], &now);
        nevents += now;
    }
    /* With some answered already, there is no waiting for the others. */
    if (!e && nevents == 0) e = wasi_host_poll(subs, n, events, &nevents);
    for (size_t i = 0; i < nevents && !e; i++) {
        uint32_t s = events[i].sub;
        put_event(m, out + (uint32_t)i * WASI_EVENT_SIZE, wasi_get64(m, in + s * WASI_SUBSCRIPTION_SIZE),
                  events[i].error, subs[s].type, events[i].nbytes, events[i].flags);
    }
    if (!e) wasi_put32(m, nevents_out, (uint32_t)nevents);
    free(subs);
    free(events);
    return e;
}

uint16_t wasi_sock_accept(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    uint32_t flags = a[1].of.i32, out = a[2].of.i32;
    if (flags & ~(uint32_t)WASI_FDFLAG_NONBLOCK) return WASI_EINVAL;
    uint32_t number = wasi_fd_free_number(w);
    wasi_fd *f = wasi_fd_slot(w, number); /* first: growing the table moves the slots */
    if (!f) return WASI_EMFILE;
    uint16_t e;
    wasi_fd *sock = wasi_fd_get(w, a[0].of.i32, WASI_RIGHT_SOCK_ACCEPT, &e);
    if (!sock) return e;
    if (!wasi_mem_ok(m, out, 4)) return WASI_EFAULT;
    int conn;
    if ((e = wasi_host_sock_accept(sock->host_fd, (uint16_t)flags, &conn))) return e;
    /* A connection cannot be opened again: no path, so a restore reports it. */
    *f = (wasi_fd){.used = true, .owned = true, .host_fd = conn};
    f->info = (cw_wasi_fdinfo){.fd = number, .kind = CW_WASI_FD_OPENED, .fdflags = (uint16_t)flags,
                                .filetype = WASI_FILETYPE_SOCKET_STREAM};
    wasi_fd_max_rights(WASI_FILETYPE_SOCKET_STREAM, &f->info.rights_base, &f->info.rights_inheriting);
    wasi_put32(m, out, number);
    return WASI_ESUCCESS;
}

uint16_t wasi_sock_recv(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    uint32_t riflags = a[3].of.i32, len_out = a[4].of.i32, flags_out = a[5].of.i32;
    uint16_t e;
    wasi_fd *f = wasi_fd_get(w, a[0].of.i32, WASI_RIGHT_FD_READ, &e);
    if (!f) return e;
    wasi_iov iov[WASI_IOV_MAX];
    size_t n, done;
    uint16_t roflags;
    if ((e = wasi_iovecs(m, a[1].of.i32, a[2].of.i32, iov, &n))) return e;
    if (!wasi_mem_ok(m, len_out, 4) || !wasi_mem_ok(m, flags_out, 2)) return WASI_EFAULT;
    if (riflags & ~(uint32_t)(WASI_SOCK_RECV_PEEK | WASI_SOCK_RECV_WAITALL)) return WASI_EINVAL;
    if ((e = wasi_host_sock_recv(f->host_fd, iov, n, (uint16_t)riflags, &done, &roflags))) return e;
    wasi_put32(m, len_out, (uint32_t)done);
    wasi_put16(m, flags_out, roflags);
    return WASI_ESUCCESS;
}

uint16_t wasi_sock_send(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    uint32_t out = a[4].of.i32;
    uint16_t e;
    wasi_fd *f = wasi_fd_get(w, a[0].of.i32, WASI_RIGHT_FD_WRITE, &e);
    if (!f) return e;
    wasi_iov iov[WASI_IOV_MAX];
    size_t n, done;
    if ((e = wasi_iovecs(m, a[1].of.i32, a[2].of.i32, iov, &n))) return e;
    if (!wasi_mem_ok(m, out, 4)) return WASI_EFAULT;
    if ((e = wasi_host_sock_send(f->host_fd, iov, n, &done))) return e;
    wasi_put32(m, out, (uint32_t)done);
    return WASI_ESUCCESS;
}

uint16_t wasi_sock_shutdown(cw_wasi *w, const wasi_mem *m, const cw_value *a) {
    (void)m;
    uint16_t e;
    wasi_fd *f = wasi_fd_get(w, a[0].of.i32, WASI_RIGHT_SOCK_SHUTDOWN, &e);
    if (!f) return e;
    uint32_t how = a[1].of.i32;
    if (how == 0 || how > (WASI_SHUT_RD | WASI_SHUT_WR)) return WASI_EINVAL;
    return wasi_host_sock_shutdown(f->host_fd, (uint8_t)how);
}
