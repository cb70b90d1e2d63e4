/* What the two files of the POSIX back end (wasi_host_posix.c, wasi_host_posix_path.c) share. */
#ifndef CW_WASI_HOST_POSIX_H
#define CW_WASI_HOST_POSIX_H

#include <stdint.h>
#include <sys/stat.h>

/* POSIX errno to WASI errno. */
uint16_t wasi_posix_errno(int e);
/* The WASI errno for a call that returned r: < 0 means it failed with errno. */
uint16_t wasi_posix_check(long r);
/* The WASI filetype of a stat mode; FIFOs count as stream sockets, as in Node.js's uvwasi. */
uint8_t wasi_posix_filetype(mode_t mode);
/* Nanoseconds since the epoch. */
uint64_t wasi_posix_ns(struct timespec ts);

#endif
