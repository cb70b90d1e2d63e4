/* Hard and symbolic links. (Links leading out of the preopened directory: sandbox.c.) dir/up is made
 * beforehand because Node.js's uvwasi refuses to create a link whose target starts with "..".
 * wasi-test: setup: mkdir dir && ln -s ../target.txt dir/up */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define TRY(call) printf("%-45s -> %s\n", #call, (call) == 0 ? "ok" : strerror(errno))

int main(void) {
    FILE *f = fopen("target.txt", "w");
    fputs("the target\n", f);
    fclose(f);

    TRY(link("target.txt", "hard.txt"));
    struct stat st;
    stat("target.txt", &st);
    printf("links after link(): %ld\n", (long)st.st_nlink);

    TRY(symlink("target.txt", "soft"));
    TRY(symlink("dir", "dirlink"));
    TRY(symlink("nowhere", "dangling"));

    char buf[64] = {0};
    ssize_t n = readlink("soft", buf, sizeof buf - 1);
    printf("readlink soft: %zd [%s]\n", n, n >= 0 ? buf : "");
    errno = 0;
    printf("readlink of a file: %zd %s\n", readlink("target.txt", buf, sizeof buf), strerror(errno));

    lstat("soft", &st);
    printf("lstat soft: %s\n", S_ISLNK(st.st_mode) ? "link" : "not a link");
    stat("soft", &st);
    printf("stat soft: %s, %lld bytes\n", S_ISREG(st.st_mode) ? "file" : "not a file", (long long)st.st_size);

    const char *paths[] = {"soft", "dir/up", "dirlink/up", "dangling"};
    for (int i = 0; i < 4; i++) {
        errno = 0;
        int fd = open(paths[i], O_RDONLY);
        memset(buf, 0, sizeof buf);
        if (fd >= 0) read(fd, buf, sizeof buf - 1), close(fd);
        printf("open %-10s: %s [%s]\n", paths[i], fd >= 0 ? "ok" : strerror(errno), buf);
    }

    TRY(unlink("soft"));
    stat("hard.txt", &st);
    TRY(unlink("target.txt"));
    f = fopen("hard.txt", "r");
    fgets(buf, sizeof buf, f);
    fclose(f);
    printf("hard.txt still reads: %s", buf);
    return 0;
}
