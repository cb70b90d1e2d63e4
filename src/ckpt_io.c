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

/* CRC-32 (IEEE), eight bytes a step ("slicing by 8"): table[k][b] is the CRC of byte b followed by k
 * zero bytes, so the eight lookups of a step are independent. Byte at a time was most of the time
 * of saving or restoring a large memory. */
uint32_t cw_crc32(uint32_t crc, const uint8_t *p, size_t n) {
    static uint32_t table[8][256];
    if (!table[7][1]) {
        for (uint32_t i = 0; i < 256; i++) {
            uint32_t c = i;
            for (int k = 0; k < 8; k++) c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            table[0][i] = c;
        }
        for (uint32_t i = 0; i < 256; i++)
            for (int k = 1; k < 8; k++) table[k][i] = table[0][table[k - 1][i] & 0xff] ^ (table[k - 1][i] >> 8);
    }
    crc = ~crc;
    for (; n >= 8; n -= 8, p += 8) {
        uint32_t lo = crc ^ ((uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24);
        crc = table[7][lo & 0xff] ^ table[6][lo >> 8 & 0xff] ^ table[5][lo >> 16 & 0xff] ^ table[4][lo >> 24] ^
              table[3][p[4]] ^ table[2][p[5]] ^ table[1][p[6]] ^ table[0][p[7]];
    }
    for (; n; n--) crc = table[0][(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return ~crc;
}
