/* stat and timestamps: sizes, types, link counts, setting times, and "now" against the clock.
 * Whole seconds only: Node.js's uvwasi drops the nanoseconds. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <wasi/api.h>

static const char *type(mode_t m) { return S_ISREG(m) ? "file" : S_ISDIR(m) ? "dir" : S_ISLNK(m) ? "link" : "other"; }

int main(void) {
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    FILE *f = fopen("stamp.txt", "w");
    fputs("0123456789", f);
    fclose(f);
    struct stat st;
    if (stat("stamp.txt", &st) != 0) return printf("stat: %s\n", strerror(errno)), 1;
    printf("stamp.txt: %s, %lld bytes, %ld link(s)\n", type(st.st_mode), (long long)st.st_size, (long)st.st_nlink);
    long long skew = (long long)st.st_mtim.tv_sec - (long long)now.tv_sec;
    printf("mtime near now: %s\n", skew >= -5 && skew <= 60 ? "yes" : "NO");

    int fd = open("stamp.txt", O_RDWR);
    /* "Now" straight through WASI: this wasi-libc's futimens() refuses UTIME_NOW (EINVAL). */
    printf("set to now: %u\n", __wasi_fd_filestat_set_times(fd, 0, 0, __WASI_FSTFLAGS_ATIM_NOW | __WASI_FSTFLAGS_MTIM_NOW));
    fstat(fd, &st);
    skew = (long long)st.st_mtim.tv_sec - (long long)now.tv_sec;
    printf("now is near now: %s\n", skew >= -5 && skew <= 60 ? "yes" : "NO");

    struct timespec times[2] = {{1000000000, 123456789}, {1234567890, 987654321}};
    printf("utimensat: %s\n", utimensat(AT_FDCWD, "stamp.txt", times, 0) == 0 ? "ok" : strerror(errno));
    stat("stamp.txt", &st);
    printf("atime %lld mtime %lld\n", (long long)st.st_atim.tv_sec, (long long)st.st_mtim.tv_sec);
    struct timespec only_mtime[2] = {{0, UTIME_OMIT}, {2000000000, 5}};
    printf("futimens: %s\n", futimens(fd, only_mtime) == 0 ? "ok" : strerror(errno));
    fstat(fd, &st);
    printf("atime %lld mtime %lld\n", (long long)st.st_atim.tv_sec, (long long)st.st_mtim.tv_sec);
    close(fd);

    mkdir("sub", 0755);
    stat("sub", &st);
    printf("sub: %s\n", type(st.st_mode));
    errno = 0;
    printf("missing: %d %s\n", stat("missing", &st), strerror(errno));
    return 0;
}
