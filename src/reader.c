/* LEB128 and the other primitive encodings of the binary format. */
#include <stdlib.h>
#include <string.h>

#include "reader.h"

bool cw_rd_fail(cw_reader *r, const char *msg) {
    if (cw_rd_ok(r)) cw_set_error(r->err, CW_ERR_MALFORMED, "%s", msg);
    r->p = r->end;
    return false;
}

uint8_t cw_rd_u8(cw_reader *r) {
    if (r->p >= r->end) return cw_rd_fail(r, "unexpected end"), 0;
    return *r->p++;
}

/* Reads an LEB128 of at most `bits` bits; the unused bits of the last byte must be
 * a sign extension (signed) or zero (unsigned). */
static uint64_t read_leb(cw_reader *r, unsigned bits, bool is_signed) {
    uint64_t result = 0;
    unsigned shift = 0;
    unsigned max_bytes = (bits + 6) / 7;
    for (unsigned i = 0;; i++) {
        if (r->p >= r->end) return cw_rd_fail(r, "unexpected end"), 0;
        uint8_t b = *r->p++;
        if (i == max_bytes - 1) {
            unsigned used = bits - shift; /* value bits left for this byte */
            if (b & 0x80) return cw_rd_fail(r, "integer representation too long"), 0;
            if (is_signed) {
                /* bits from the sign bit up must all be equal */
                uint8_t top = (uint8_t)((b & 0x7f) >> (used - 1));
                if (used < 7 && top != 0 && top != (0x7f >> (used - 1)))
                    return cw_rd_fail(r, "integer too large"), 0;
            } else if (used < 7 && (b >> used) != 0) {
                return cw_rd_fail(r, "integer too large"), 0;
            }
        }
        result |= (uint64_t)(b & 0x7f) << shift;
        shift += 7;
        if (!(b & 0x80)) {
            if (is_signed && shift < 64 && (b & 0x40)) result |= ~0ull << shift;
            return result;
        }
    }
}

uint32_t cw_rd_u32(cw_reader *r) { return (uint32_t)read_leb(r, 32, false); }
int32_t cw_rd_s32(cw_reader *r) { return (int32_t)(uint32_t)read_leb(r, 32, true); }
int64_t cw_rd_s33(cw_reader *r) { return (int64_t)read_leb(r, 33, true); }
int64_t cw_rd_s64(cw_reader *r) { return (int64_t)read_leb(r, 64, true); }

uint32_t cw_rd_fixed32(cw_reader *r) {
    const uint8_t *b = cw_rd_bytes(r, 4);
    if (!b) return 0;
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

uint64_t cw_rd_fixed64(cw_reader *r) {
    uint64_t lo = cw_rd_fixed32(r);
    return lo | (uint64_t)cw_rd_fixed32(r) << 32;
}

const uint8_t *cw_rd_bytes(cw_reader *r, uint32_t n) {
    if ((size_t)(r->end - r->p) < n) return cw_rd_fail(r, "unexpected end"), NULL;
    const uint8_t *b = r->p;
    r->p += n;
    return b;
}

static bool utf8_valid(const uint8_t *s, uint32_t n) {
    for (uint32_t i = 0; i < n;) {
        uint8_t c = s[i];
        uint32_t len, cp;
        if (c < 0x80) { i++; continue; }
        if ((c & 0xe0) == 0xc0) len = 2, cp = c & 0x1f;
        else if ((c & 0xf0) == 0xe0) len = 3, cp = c & 0x0f;
        else if ((c & 0xf8) == 0xf0) len = 4, cp = c & 0x07;
        else return false;
        if (i + len > n) return false;
        for (uint32_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xc0) != 0x80) return false;
            cp = cp << 6 | (s[i + k] & 0x3f);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
            cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000))
            return false;
        i += len;
    }
    return true;
}

char *cw_rd_name(cw_reader *r, uint32_t *len) {
    uint32_t n = *len = cw_rd_u32(r);
    const uint8_t *b = cw_rd_bytes(r, n);
    if (!b) return NULL;
    if (!utf8_valid(b, n)) return cw_rd_fail(r, "malformed UTF-8 encoding"), NULL;
    char *s = malloc((size_t)n + 1);
    if (!s) return cw_rd_fail(r, "out of memory"), NULL;
    memcpy(s, b, n);
    s[n] = 0;
    return s;
}
