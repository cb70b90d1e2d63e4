/* --max-memory SIZE, --max-stack N, --fuel N. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "limits_cli.h"

bool limits_cli_takes(const char *name) {
    return strcmp(name, "--max-memory") == 0 || strcmp(name, "--max-stack") == 0 || strcmp(name, "--fuel") == 0;
}

/* A decimal count up to max; where sized, with an optional K, M or G suffix (times 1024, 1024^2, 1024^3). */
static bool parse_count(const char *text, bool sized, uint64_t max, uint64_t *out) {
    if (!isdigit((unsigned char)*text)) return false;
    char *end;
    errno = 0;
    unsigned long long n = strtoull(text, &end, 10);
    unsigned shift = 0;
    const char *units = "KMG", *unit = *end ? strchr(units, toupper((unsigned char)*end)) : NULL;
    if (sized && unit) shift = 10 * (unsigned)(unit - units + 1), end++;
    if (errno || *end || n > max >> shift) return false;
    *out = (uint64_t)n << shift;
    return true;
}

bool limits_cli_option(limits_cli *c, const char *name, const char *value, char *msg, size_t msg_size) {
    uint64_t n;
    if (strcmp(name, "--max-memory") == 0) {
        if (!parse_count(value, true, UINT64_MAX, &n))
            return snprintf(msg, msg_size, "--max-memory: '%s' is not a size (bytes, or a number with K, M or G)", value),
                   false;
        c->has_memory = true;
        c->max_memory = n;
    } else if (strcmp(name, "--max-stack") == 0) {
        if (!parse_count(value, false, UINT32_MAX, &n) || n == 0)
            return snprintf(msg, msg_size, "--max-stack: '%s' is not a count from 1 to 4294967295", value), false;
        c->max_stack = (uint32_t)n;
    } else {
        if (!parse_count(value, false, UINT64_MAX - 1, &n))
            return snprintf(msg, msg_size, "--fuel: '%s' is not a count from 0 to 18446744073709551614", value), false;
        c->has_fuel = true;
        c->fuel = (cw_fuel){.left = n};
    }
    return true;
}

cw_fuel *limits_cli_apply(limits_cli *c, cw_store *s) {
    cw_store_set_limits(s, c->max_stack, 0);
    if (c->has_memory) cw_store_set_max_memory(s, c->max_memory);
    if (!c->has_fuel) return NULL;
    cw_fuel_arm(s, &c->fuel);
    return &c->fuel;
}
