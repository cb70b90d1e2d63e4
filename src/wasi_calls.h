/* The wasi_snapshot_preview1 functions the guest can import, as one list that drives the import table
 * (wasi.c) and the prototypes of the implementations (wasi_calls_*.c). X(name, params): one letter a
 * parameter, 'i' for i32 and 'I' for i64; each returns an i32 errno. proc_exit, which returns nothing
 * and ends the run, is the one function outside the list (wasi.c). */
#ifndef CW_WASI_CALLS_H
#define CW_WASI_CALLS_H

#include "wasi_host.h"
#include "wasi_state.h"

#define WASI_CALLS(X)                                                                             \
    X(args_get, "ii") X(args_sizes_get, "ii") X(environ_get, "ii") X(environ_sizes_get, "ii")    \
    X(clock_res_get, "ii") X(clock_time_get, "iIi")                                               \
    X(fd_advise, "iIIi") X(fd_allocate, "iII") X(fd_close, "i") X(fd_datasync, "i")               \
    X(fd_fdstat_get, "ii") X(fd_fdstat_set_flags, "ii") X(fd_fdstat_set_rights, "iII")            \
    X(fd_filestat_get, "ii") X(fd_filestat_set_size, "iI") X(fd_filestat_set_times, "iIIi")      \
    X(fd_pread, "iiiIi") X(fd_prestat_get, "ii") X(fd_prestat_dir_name, "iii")                    \
    X(fd_pwrite, "iiiIi") X(fd_read, "iiii") X(fd_readdir, "iiiIi") X(fd_renumber, "ii")          \
    X(fd_seek, "iIii") X(fd_sync, "i") X(fd_tell, "ii") X(fd_write, "iiii")                       \
    X(path_create_directory, "iii") X(path_filestat_get, "iiiii")                                 \
    X(path_filestat_set_times, "iiiiIIi") X(path_link, "iiiiiii") X(path_open, "iiiiiIIii")      \
    X(path_readlink, "iiiiii") X(path_remove_directory, "iii") X(path_rename, "iiiiii")          \
    X(path_symlink, "iiiii") X(path_unlink_file, "iii")                                           \
    X(poll_oneoff, "iiii") X(proc_raise, "i") X(sched_yield, "") X(random_get, "ii")             \
    X(sock_accept, "iii") X(sock_recv, "iiiiii") X(sock_send, "iiiii") X(sock_shutdown, "ii")

/* Each implementation gets the guest's memory and arguments and returns the WASI errno. */
#define WASI_DECLARE(name, params) uint16_t wasi_##name(cw_wasi *w, const wasi_mem *m, const cw_value *a);
WASI_CALLS(WASI_DECLARE)
#undef WASI_DECLARE

/* Helpers shared by the implementations (wasi_calls_fd.c). */
/* Checks the guest's iovec array at ptr (n entries) and every buffer it names, and fills iov with
 * the first WASI_IOV_MAX of them (so a longer list reads or writes less, as readv does). */
uint16_t wasi_iovecs(const wasi_mem *m, uint32_t ptr, uint32_t n, wasi_iov *iov, size_t *count);
/* Writes a WASI filestat at ptr (already checked). */
void wasi_put_filestat(const wasi_mem *m, uint32_t ptr, const wasi_filestat *st);
/* EINVAL for fstflags that ask for both a time and "now", or that are unknown. */
uint16_t wasi_check_fstflags(uint32_t fstflags);

#define WASI_COUNT(name, params) +1
enum { WASI_NCALLS = 0 WASI_CALLS(WASI_COUNT) };
#undef WASI_COUNT

#endif
