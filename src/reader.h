/* Bounds-checked reading of the binary format (LEB128, bytes, names). A failed read sets
 * the error once and makes every later read fail, so callers check at convenient points. */
#ifndef CW_READER_H
#define CW_READER_H

#include "module.h"

typedef struct cw_reader {
    const uint8_t *p, *end, *base;
    cw_error *err;
} cw_reader;

static inline bool cw_rd_ok(const cw_reader *r) { return r->err->kind == CW_OK; }
static inline uint32_t cw_rd_offset(const cw_reader *r) { return (uint32_t)(r->p - r->base); }

bool cw_rd_fail(cw_reader *r, const char *msg); /* malformed; returns false */
uint8_t cw_rd_u8(cw_reader *r);
uint32_t cw_rd_u32(cw_reader *r);
int32_t cw_rd_s32(cw_reader *r);
int64_t cw_rd_s33(cw_reader *r);
int64_t cw_rd_s64(cw_reader *r);
uint32_t cw_rd_fixed32(cw_reader *r);
uint64_t cw_rd_fixed64(cw_reader *r);
const uint8_t *cw_rd_bytes(cw_reader *r, uint32_t n);
char *cw_rd_name(cw_reader *r, uint32_t *len); /* malloc'd, NUL-terminated (names may hold NULs too), UTF-8 checked */

#endif
