/* Directories: mkdir, listing, rename, unlink, rmdir, and the errors they give. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int compare(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Prints the entries of path in order, without "." and "..". */
static void list(const char *path) {
    DIR *d = opendir(path);
    if (!d) {
        printf("opendir %s: %s\n", path, strerror(errno));
        return;
    }
    char *names[64];
    int n = 0;
    for (struct dirent *e; (e = readdir(d)) && n < 64;)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, n, sizeof *names, compare);
    printf("%s:", path);
    for (int i = 0; i < n; i++) {
        char full[256];
        struct stat st;
        snprintf(full, sizeof full, "%s/%s", path, names[i]);
        printf(" %s%s", names[i], stat(full, &st) == 0 && S_ISDIR(st.st_mode) ? "/" : "");
        free(names[i]);
    }
    printf("\n");
}

static void touch(const char *path) {
    FILE *f = fopen(path, "w");
    if (f) fprintf(f, "%s\n", path), fclose(f);
    else printf("touch %s: %s\n", path, strerror(errno));
}

#define TRY(call) printf("%-40s -> %s\n", #call, (call) == 0 ? "ok" : strerror(errno))

int main(void) {
    TRY(mkdir("a", 0755));
    TRY(mkdir("a/b", 0755));
    TRY(mkdir("a", 0755));
    TRY(mkdir("missing/x", 0755));
    touch("a/one.txt");
    touch("a/two.txt");
    touch("a/b/deep.txt");
    for (int i = 0; i < 40; i++) { /* enough entries to need several fd_readdir calls */
        char name[64];
        snprintf(name, sizeof name, "a/b/file-with-a-long-name-%02d.txt", i);
        touch(name);
    }
    list(".");
    list("a");
    list("a/b");
    TRY(rename("a/one.txt", "a/uno.txt"));
    TRY(rename("a/two.txt", "a/b/two.txt"));
    TRY(rename("a/nothing", "a/else"));
    TRY(unlink("a/uno.txt"));
    TRY(unlink("a/uno.txt"));
    TRY(rmdir("a/b"));
    TRY(unlink("a/b"));
    for (int i = 0; i < 40; i++) {
        char name[64];
        snprintf(name, sizeof name, "a/b/file-with-a-long-name-%02d.txt", i);
        if (i % 2) unlink(name);
    }
    list("a/b");
    TRY(mkdir("empty", 0755));
    TRY(rmdir("empty"));
    TRY(rename("a", "renamed"));
    TRY(chdir("renamed"));
    list(".");
    list("b");
    TRY(rmdir("."));
    list("/nonexistent");
    return 0;
}
