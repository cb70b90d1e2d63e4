/* Fuzz target: the checkpoint reader (cw_checkpoint_load with the WASI state's reader, and inspect),
 * against one fixed module, checkpoint_guest.wat, whose checkpoints hold every kind of state. A
 * mutated file would almost always fail the checksum, or the module hash, and stop there; so the
 * harness writes the right hash and checksum into every input first, and the structural checks get
 * the mutations. A checkpoint that loads is resumed under the fuzz budget. */
#define _POSIX_C_SOURCE 200809L /* fileno */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "chiwawa/checkpoint.h"
#include "chiwawa/wasi.h"
#include "ckpt_io.h"
#include "fuzz.h"
#include "module.h"
#include "sha256.h"

enum { HASH_AT = 12, SECTIONS_AT = 44 }; /* docs/checkpoint-format.md */

static cw_module *module;
static int null_fd;
static FILE *nowhere;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc, (void)argv;
    FILE *f = fopen(CW_FUZZ_CHECKPOINT_MODULE, "rb");
    static uint8_t bytes[1 << 16];
    size_t n = f ? fread(bytes, 1, sizeof bytes, f) : 0;
    cw_error err;
    if (!f || !(module = cw_module_load(bytes, n, &err)) || !(nowhere = fopen("/dev/null", "w"))) {
        fprintf(stderr, "fuzz_checkpoint: cannot load %s\n", CW_FUZZ_CHECKPOINT_MODULE);
        abort();
    }
    fclose(f);
    null_fd = fileno(nowhere);
    mkdir(fuzz_path("dir"), 0700);
    return 0;
}

/* Loads the checkpoint at path into a fresh instance and, if it loads, resumes it. The WASI layer
 * has /dev/null for stdio and a directory holding only an empty data.txt, the file the guest opens. */
static void restore(const char *path) {
    cw_store *s = cw_store_new();
    const cw_wasi_preopen dir = {fuzz_path("dir"), "."};
    const int stdio[3] = {null_fd, null_fd, null_fd};
    const cw_wasi_config cfg = {.npreopens = 1, .preopens = &dir, .stdio = stdio};
    cw_error err;
    cw_wasi *wasi = s && fuzz_write(fuzz_path("dir/data.txt"), NULL, 0) ? cw_wasi_new(s, &cfg, &err) : NULL;
    cw_extern imports[8];
    bool linked = wasi && module->nimports <= 8;
    for (uint32_t i = 0; linked && i < module->nimports; i++)
        linked = cw_wasi_import(wasi, module->imports[i].module, module->imports[i].name, &imports[i]);
    cw_checkpoint_ext ext = cw_wasi_checkpoint(wasi);
    cw_checkpoint_inspect(path, module, &ext, nowhere, &err);
    if (linked) {
        cw_store_set_max_memory(s, 16u << 20);
        cw_instance *inst = cw_instantiate_for_restore(s, module, imports, &err);
        if (inst && cw_checkpoint_load(s, inst, path, &ext, &err)) {
            cw_fuel fuel;
            cw_value results[1];
            fuzz_budget(s, &fuel);
            cw_fuel_settle(s, &fuel, cw_resume(s, results, &err), results, &err);
        }
    }
    cw_store_free(s);
    cw_wasi_free(wasi);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    uint8_t *file = malloc(size + 1);
    if (!file) return 0;
    memcpy(file, data, size);
    if (size >= SECTIONS_AT + 4) {
        cw_sha256(module->bytes, module->len, file + HASH_AT);
        uint32_t crc = cw_crc32(0, file, size - 4);
        for (int i = 0; i < 4; i++) file[size - 4 + i] = (uint8_t)(crc >> 8 * i);
    }
    const char *path = fuzz_path("checkpoint.bin");
    if (fuzz_write(path, file, size)) restore(path);
    free(file);
    return 0;
}
