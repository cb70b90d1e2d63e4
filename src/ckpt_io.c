/* Little-endian fixed-width fields, so a checkpoint reads the same on every host. */
#include <stdlib.h>
#include <string.h>

#include "ckpt_io.h"

void cw_buf_bytes(cw_buf *b, const void *data, size_t n) {
    if (b->oom) return;
    if (b->n + n > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->n + n) cap *= 2;
        uint8_t *p = realloc(b->p, cap);
        if (!p) {
            b->oom = true;
            return;
        }
        b->p = p, b->cap = cap;
    }
    if (n) memcpy(b->p + b->n, data, n);
    b->n += n;
}

void cw_buf_u8(cw_buf *b, uint8_t v) { cw_buf_bytes(b, &v, 1); }

void cw_buf_u32(cw_buf *b, uint32_t v) {
    uint8_t x[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
    cw_buf_bytes(b, x, 4);
}

void cw_buf_u64(cw_buf *b, uint64_t v) {
    cw_buf_u32(b, (uint32_t)v);
    cw_buf_u32(b, (uint32_t)(v >> 32));
}

const uint8_t *cw_in_bytes(cw_in *in, size_t n) {
    if (in->bad || (size_t)(in->end - in->p) < n) {
        in->bad = true;
        return NULL;
    }
    const uint8_t *p = in->p;
    in->p += n;
    return p;
}

uint8_t cw_in_u8(cw_in *in) {
    const uint8_t *p = cw_in_bytes(in, 1);
    return p ? p[0] : 0;
}

uint32_t cw_in_u32(cw_in *in) {
    const uint8_t *p = cw_in_bytes(in, 4);
    return p ? (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24 : 0;
}

uint64_t cw_in_u64(cw_in *in) {
    uint64_t lo = cw_in_u32(in);
    return lo | (uint64_t)cw_in_u32(in) << 32;
}

uint32_t cw_crc32(uint32_t crc, const uint8_t *p, size_t n) {
    static uint32_t table[256];
    if (!table[1])
        for (uint32_t i = 0; i < 256; i++) {
            uint32_t c = i;
            for (int k = 0; k < 8; k++) c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
    crc = ~crc;
    for (size_t i = 0; i < n; i++) crc = table[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
    return ~crc;
}
