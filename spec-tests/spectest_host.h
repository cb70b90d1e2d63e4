/* The "spectest" host module that spec scripts import from. */
#ifndef SPEC_SPECTEST_HOST_H
#define SPEC_SPECTEST_HOST_H

#include <stdbool.h>

#include "chiwawa/chiwawa.h"

#define SPECTEST_EXPORTS 13

typedef struct spectest {
    cw_extern exports[SPECTEST_EXPORTS];
} spectest;

/* Creates the host functions, globals, table and memory in s. False if the core refused one. */
bool spectest_init(spectest *h, cw_store *s);
bool spectest_lookup(const spectest *h, const char *field, cw_extern *out);

#endif
