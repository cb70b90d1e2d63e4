/* WASI calls that libc rarely makes, called directly: descriptor numbers and rights, advice,
 * allocation, syncing, preopens, yielding, and sockets on something that is not one. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <wasi/api.h>

#define SHOW(what, call) printf("%-28s %u\n", what, (unsigned)(call))

int main(void) {
    int fd = open("data.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(fd, "0123456789", 10);

    __wasi_fdstat_t st;
    SHOW("fdstat_get", __wasi_fd_fdstat_get(fd, &st));
    printf("  filetype %u, can read %d, can write %d, can seek %d\n", st.fs_filetype,
           !!(st.fs_rights_base & __WASI_RIGHTS_FD_READ), !!(st.fs_rights_base & __WASI_RIGHTS_FD_WRITE),
           !!(st.fs_rights_base & __WASI_RIGHTS_FD_SEEK));
    SHOW("advise", __wasi_fd_advise(fd, 0, 10, __WASI_ADVICE_SEQUENTIAL));
    SHOW("advise, bad advice", __wasi_fd_advise(fd, 0, 10, 99));
    SHOW("allocate", __wasi_fd_allocate(fd, 0, 4096));
    SHOW("datasync", __wasi_fd_datasync(fd));
    SHOW("sync", __wasi_fd_sync(fd));
    __wasi_filesize_t pos;
    SHOW("tell", __wasi_fd_tell(fd, &pos));
    printf("  position %llu\n", (unsigned long long)pos);
    SHOW("set_flags append", __wasi_fd_fdstat_set_flags(fd, __WASI_FDFLAGS_APPEND));
    lseek(fd, 0, SEEK_SET);
    write(fd, "A", 1); /* lands at the end all the same */
    SHOW("fdstat_get", __wasi_fd_fdstat_get(fd, &st));

    /* Drop the right to seek, then seeking is refused but writing still works. */
    SHOW("set_rights", __wasi_fd_fdstat_set_rights(fd, st.fs_rights_base & ~__WASI_RIGHTS_FD_SEEK, 0));
    SHOW("seek without the right", __wasi_fd_seek(fd, 0, __WASI_WHENCE_SET, &pos));
    SHOW("set_rights to regain", __wasi_fd_fdstat_set_rights(fd, st.fs_rights_base, 0));
    size_t n;
    __wasi_ciovec_t iov = {(const uint8_t *)"B", 1};
    SHOW("write", __wasi_fd_write(fd, &iov, 1, &n));

    /* Renumber onto another open descriptor, which closes it. */
    int other = open("other.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    SHOW("renumber", __wasi_fd_renumber(fd, other));
    SHOW("old number now", __wasi_fd_fdstat_get(fd, &st));
    iov = (__wasi_ciovec_t){(const uint8_t *)"C\n", 2};
    SHOW("write via new number", __wasi_fd_write(other, &iov, 1, &n));
    SHOW("renumber to a closed fd", __wasi_fd_renumber(other, 1000));
    SHOW("close", __wasi_fd_close(other));
    SHOW("close again", __wasi_fd_close(other));

    /* The first preopen is a directory with a name. */
    __wasi_prestat_t pre;
    SHOW("prestat_get 3", __wasi_fd_prestat_get(3, &pre));
    printf("  tag %u\n", pre.tag);
    SHOW("prestat_get 1000", __wasi_fd_prestat_get(1000, &pre));

    SHOW("sched_yield", __wasi_sched_yield());
    __wasi_timestamp_t t;
    SHOW("clock 99", __wasi_clock_time_get(99, 1, &t));
    SHOW("clock_res 99", __wasi_clock_res_get(99, &t));

    /* Sockets: stdout is not one the guest could accept on or shut down. */
    __wasi_fd_t conn;
    printf("sock_accept on a file fails: %s\n", __wasi_sock_accept(open("data.txt", O_RDONLY), 0, &conn) ? "yes" : "NO");
    printf("sock_shutdown on a file fails: %s\n", __wasi_sock_shutdown(open("data.txt", O_RDONLY), __WASI_SDFLAGS_WR) ? "yes" : "NO");
    return 0;
}
