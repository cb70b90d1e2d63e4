/* Shared by the libFuzzer harnesses (fuzz_*.c): each defines LLVMFuzzerTestOneInput, run by libFuzzer
 * in the fuzz build (CW_FUZZ=ON) and by replay.c over tests/fuzz/regressions in the normal builds. */
#ifndef CW_FUZZ_H
#define CW_FUZZ_H

#include <chiwawa/fuel.h>
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* Optional: called once before the first input. */
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A path named `name` in a scratch directory of this process, removed when it exits. */
const char *fuzz_path(const char *name);
/* Writes data to path; false on failure. */
bool fuzz_write(const char *path, const uint8_t *data, size_t size);

/* The budget every guest run gets: at most FUZZ_FUEL safe points and FUZZ_MILLIS of time, so no
 * input hangs the fuzzer (fuel alone would not do: a safe point may be followed by a long
 * memory.fill). Arm it on s before instantiating, settle runs with cw_fuel_settle. */
#define FUZZ_FUEL 20000u
#define FUZZ_MILLIS 100
void fuzz_budget(cw_store *s, cw_fuel *f);

#endif
