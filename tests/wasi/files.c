/* Files: create, write, seek, read, append, truncate, positioned reads and writes. The files it
 * leaves behind are compared too. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CHECK(cond) ((cond) ? (void)0 : (void)printf("FAILED line %d: %s (errno %d: %s)\n", __LINE__, #cond, errno, strerror(errno)))

static void show(const char *path) {
    char buf[256] = {0};
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    printf("%s (%zu bytes): [%s]\n", path, n, buf);
}

int main(void) {
    FILE *f = fopen("notes.txt", "w");
    CHECK(f != NULL);
    fputs("hello, file\nsecond line\n", f);
    CHECK(fclose(f) == 0);
    show("notes.txt");

    f = fopen("notes.txt", "r+");
    CHECK(fseek(f, 7, SEEK_SET) == 0);
    fputs("FILE", f);
    CHECK(fseek(f, 0, SEEK_END) == 0);
    printf("size by ftell: %ld\n", ftell(f));
    rewind(f);
    char line[64];
    CHECK(fgets(line, sizeof line, f) != NULL);
    printf("first line: %s", line);
    fclose(f);

    f = fopen("notes.txt", "a");
    fputs("appended\n", f);
    fclose(f);
    show("notes.txt");

    int fd = open("notes.txt", O_RDWR);
    CHECK(fd >= 0);
    CHECK(ftruncate(fd, 5) == 0);
    struct stat st;
    CHECK(fstat(fd, &st) == 0);
    printf("after truncate: %lld bytes\n", (long long)st.st_size);
    CHECK(pwrite(fd, "XYZ", 3, 10) == 3); /* leaves a hole of zeros */
    char buf[16] = {0};
    CHECK(pread(fd, buf, sizeof buf, 0) == 13);
    for (int i = 0; i < 13; i++) printf("%02x", (unsigned char)buf[i]);
    printf("\noffset still %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
    CHECK(lseek(fd, -3, SEEK_END) == 10);
    CHECK(read(fd, buf, 3) == 3 && memcmp(buf, "XYZ", 3) == 0);
    CHECK(read(fd, buf, 3) == 0); /* end of file */
    close(fd);

    fd = open("exclusive.txt", O_WRONLY | O_CREAT | O_EXCL, 0644);
    CHECK(fd >= 0);
    CHECK(write(fd, "x", 1) == 1);
    close(fd);
    errno = 0;
    printf("O_EXCL again: %d, %s\n", open("exclusive.txt", O_WRONLY | O_CREAT | O_EXCL, 0644), strerror(errno));
    errno = 0;
    printf("missing: %d, %s\n", open("no/such/file", O_RDONLY), strerror(errno));

    fd = open("big.bin", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    static char chunk[100000];
    for (size_t i = 0; i < sizeof chunk; i++) chunk[i] = (char)(i * 31);
    for (int i = 0; i < 5; i++) CHECK(write(fd, chunk, sizeof chunk) == (ssize_t)sizeof chunk);
    close(fd);
    CHECK(stat("big.bin", &st) == 0);
    printf("big.bin: %lld bytes\n", (long long)st.st_size);
    return 0;
}
