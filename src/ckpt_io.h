/* Byte-level encoding for checkpoints: a growable little-endian writer, a bounds-checked
 * reader, and CRC-32. */
#ifndef CW_CKPT_IO_H
#define CW_CKPT_IO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct cw_buf {
    uint8_t *p;
    size_t n, cap;
    bool oom;
} cw_buf;

void cw_buf_bytes(cw_buf *b, const void *data, size_t n);
void cw_buf_u8(cw_buf *b, uint8_t v);
void cw_buf_u32(cw_buf *b, uint32_t v);
void cw_buf_u64(cw_buf *b, uint64_t v);

typedef struct cw_in {
    const uint8_t *p, *end;
    bool bad; /* a read ran past the end: every later read yields zeros */
} cw_in;

const uint8_t *cw_in_bytes(cw_in *in, size_t n);
uint8_t cw_in_u8(cw_in *in);
uint32_t cw_in_u32(cw_in *in);
uint64_t cw_in_u64(cw_in *in);

uint32_t cw_crc32(uint32_t crc, const uint8_t *p, size_t n);

#endif
