/* Guest paths, before any back end sees them. A WASI path is relative to a directory descriptor and
 * may not lead out of it, by ".." or by a symbolic link; absolute paths are refused too (ENOTCAPABLE).
 * The walk is done here, the same for every host, with the back end's filestat and readlink: Node.js's
 * WASI, for one, follows links that lead out. What reaches the back end names no link to follow but
 * perhaps the last component (and only where the caller asked not to follow it). */
#ifndef CW_WASI_PATH_H
#define CW_WASI_PATH_H

#include <stdbool.h>

#include "wasi_mem.h"

/* Longer paths get ENAMETOOLONG, as from the host (Linux's PATH_MAX). */
#define WASI_PATH_MAX 4096

/* Copies the guest's string [ptr, ptr + len) into a new NUL-terminated one; EINVAL if it holds a NUL. */
uint16_t wasi_string_read(const wasi_mem *m, uint32_t ptr, uint32_t len, char **out);
/* Walks path below the host directory dir: "." and ".." are taken away and every link on the way
 * replaced by its target (the last component's only with `follow`, or a trailing '/'). *out becomes a
 * new string: "." for dir itself, a trailing '/' kept. A last component that does not exist is fine. */
uint16_t wasi_path_resolve(int dir, const char *path, bool follow, char **out);
/* A path below dir (both resolved): a new string, or NULL without memory. */
char *wasi_path_join(const char *dir, const char *path);

#endif
