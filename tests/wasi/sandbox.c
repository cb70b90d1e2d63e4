/* The guest stays inside its preopened directory (fd 3), whatever path or link it tries; called
 * through the WASI functions directly, since wasi-libc rewrites some paths before they get there.
 * Also refusing a link when told not to follow it, which Node.js's uvwasi would open, and chiwawa
 * refuses on every host. Node.js itself gives the guest "/", so it is left out; the links that lead
 * out are made beforehand, as Node.js would not let chiwawa.wasm make them.
 * wasi-test: modes: bcd
 * wasi-test: setup: ln -s .. up && ln -s ../../../../../../../../etc uplink && ln -s /etc/passwd absolute */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <wasi/api.h>

static void try_open(const char *path, __wasi_lookupflags_t lookup) {
    __wasi_fd_t fd;
    __wasi_errno_t e = __wasi_path_open(3, lookup, path, 0, __WASI_RIGHTS_FD_READ, 0, 0, &fd);
    printf("open %-22s %s -> %u\n", path, lookup ? "follow" : "nofollow", e);
    if (!e) close(fd);
}

int main(void) {
    mkdir("sub", 0755);
    FILE *f = fopen("sub/inside.txt", "w");
    fputs("inside\n", f);
    fclose(f);
    symlink("sub/inside.txt", "good");
    symlink("sub", "subdir");
    symlink("loop", "loop");

    const char *paths[] = {"sub/inside.txt", "sub/../sub/inside.txt", "../x", "sub/../../x", "/etc/passwd",
                           "up/x", "up", "uplink/passwd", "absolute", "good", "subdir/inside.txt", "loop", "."};
    for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) try_open(paths[i], __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW);
    try_open("good", 0);
    try_open("subdir/inside.txt", 0);

    printf("mkdir ../made         -> %u\n", __wasi_path_create_directory(3, "../made"));
    printf("mkdir up/made         -> %u\n", __wasi_path_create_directory(3, "up/made"));
    printf("unlink ../x           -> %u\n", __wasi_path_unlink_file(3, "../x"));
    printf("rename to ../x        -> %u\n", __wasi_path_rename(3, "sub/inside.txt", 3, "../x"));
    printf("symlink in up/        -> %u\n", __wasi_path_symlink("x", 3, "up/x"));
    __wasi_filestat_t st;
    printf("stat uplink/passwd    -> %u\n", __wasi_path_filestat_get(3, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "uplink/passwd", &st));
    printf("stat absolute, nofollow -> %u, a link: %d\n", __wasi_path_filestat_get(3, 0, "absolute", &st),
           st.filetype == __WASI_FILETYPE_SYMBOLIC_LINK);

    char buf[8] = {0};
    printf("readlink good, 5 bytes: %zd [%s]\n", readlink("good", buf, 5), buf);
    return 0;
}
