/* Reading whole files, and the path arithmetic the runner needs. */
#ifndef SPEC_FILES_H
#define SPEC_FILES_H

#include <stddef.h>
#include <stdint.h>

/* Returns the contents with a NUL after them (so text can be parsed in place), or NULL
 * with the reason in err. The caller frees. */
uint8_t *read_file(const char *path, size_t *len, char *err, size_t errlen);
/* Reads dir/name, or name alone when it is absolute. */
uint8_t *read_relative(const char *dir, const char *name, size_t *len, char *err, size_t errlen);
/* The directory part of path ("." when there is none). The caller frees. */
char *path_dir(const char *path);
/* The part after the last '/'. */
const char *path_base(const char *path);

#endif
