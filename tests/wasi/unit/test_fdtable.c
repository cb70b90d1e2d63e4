/* The descriptor table's checkpoint API (cw_wasi_fd_count, _info, _close, _reopen) on a guest that
 * opens and writes a file: what it reports, and that a reopened descriptor reads on where it was.
 *   test_fdtable FDTABLE.wasm */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include <chiwawa/wasi.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int failures;
#define CHECK(cond) ((cond) ? (void)0 : (void)(failures++, printf("FAILED line %d: %s\n", __LINE__, #cond)))

static int32_t call(cw_store *s, cw_instance *inst, const char *name, int32_t arg) {
    cw_extern f;
    cw_value in = {.type = CW_I32, .of.i32 = (uint32_t)arg}, out = {0};
    cw_error err = {0};
    if (!cw_instance_export(inst, name, &f) || cw_call(s, f.of.func, &in, &out, &err) != CW_OK) return INT32_MIN;
    return (int32_t)out.of.i32;
}

int main(int argc, char **argv) {
    static uint8_t bytes[4096];
    FILE *f = argc == 2 ? fopen(argv[1], "rb") : NULL;
    size_t len = f ? fread(bytes, 1, sizeof bytes, f) : 0;
    char dir[] = "/tmp/cw-fdtable-XXXXXX", sub[64];
    if (!len || !mkdtemp(dir)) return printf("usage: test_fdtable FDTABLE.wasm\n"), 2;
    fclose(f);
    snprintf(sub, sizeof sub, "%s/sub", dir);
    mkdir(sub, 0755);

    cw_error err = {0};
    cw_module *m = cw_module_load(bytes, len, &err);
    cw_store *s = cw_store_new();
    cw_wasi_preopen pre = {dir, "."};
    cw_wasi_config cfg = {.npreopens = 1, .preopens = &pre};
    cw_wasi *w = cw_wasi_new(s, &cfg, &err);
    cw_extern imports[3];
    for (uint32_t i = 0; i < cw_module_import_count(m); i++) {
        const char *module, *name;
        cw_externkind kind;
        cw_module_import(m, i, &module, &name, &kind);
        CHECK(cw_wasi_import(w, module, name, &imports[i]));
    }
    cw_instance *inst = cw_instantiate(s, m, imports, &err);
    CHECK(inst != NULL);

    CHECK(cw_wasi_fd_count(w) == 4); /* 0, 1, 2 and the preopen */
    int32_t fd = call(s, inst, "open", 0);
    CHECK(fd == 4);
    CHECK(call(s, inst, "write", fd) == 5);
    CHECK(cw_wasi_fd_count(w) == 5);
    cw_wasi_fdinfo info;
    CHECK(cw_wasi_fd_info(w, 4, &info));
    CHECK(info.fd == 4 && info.kind == CW_WASI_FD_OPENED && info.source == 0);
    CHECK(info.path && strcmp(info.path, "notes.txt") == 0);
    CHECK(info.offset == 5 && info.filetype == 4 /* regular file */ && info.oflags == 1 /* creat */);
    CHECK(!cw_wasi_fd_info(w, 5, &info) || info.fd != 4);

    /* Close it, then bring it back two bytes in: the guest reads on from there. */
    cw_wasi_fdinfo saved = info;
    char path[32];
    strcpy(path, info.path);
    saved.path = path;
    saved.offset = 2;
    cw_wasi_fd_close(w, 4);
    CHECK(cw_wasi_fd_count(w) == 4);
    CHECK(call(s, inst, "read", 4) == -8); /* EBADF */
    CHECK(cw_wasi_fd_reopen(w, &saved, &err));
    CHECK(call(s, inst, "read", 4) == 3);
    CHECK(call(s, inst, "first4", 0) == ('l' | 'l' << 8 | 'o' << 16));

    /* At another number, and a checkpoint that would lead out of the directory. */
    saved.fd = 9;
    CHECK(cw_wasi_fd_reopen(w, &saved, &err) && cw_wasi_fd_count(w) == 6);
    saved.path = "../escape";
    CHECK(!cw_wasi_fd_reopen(w, &saved, &err) && err.kind == CW_ERR_IO);
    CHECK(cw_wasi_fd_count(w) == 6); /* fd 9 is still there */

    cw_store_free(s);
    cw_wasi_free(w);
    cw_module_free(m);
    char notes[64];
    snprintf(notes, sizeof notes, "%s/notes.txt", dir);
    remove(notes);
    remove(sub);
    remove(dir);
    printf("wasi fdtable: %s\n", failures ? "FAILED" : "ok");
    return failures != 0;
}
