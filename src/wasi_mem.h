/* Guest memory as the WASI layer sees it: every pointer and length the guest passes is checked here
 * in 64-bit arithmetic before anything is read or written, and values are little-endian whatever the
 * host's byte order, and need not be aligned. */
#ifndef CW_WASI_MEM_H
#define CW_WASI_MEM_H

#include <stdbool.h>
#include <stdint.h>

typedef struct wasi_mem {
    uint8_t *base;
    uint64_t size;
} wasi_mem;

/* Is [ptr, ptr + len) inside guest memory? */
static inline bool wasi_mem_ok(const wasi_mem *m, uint64_t ptr, uint64_t len) {
    return ptr <= m->size && len <= m->size - ptr;
}

static inline uint8_t *wasi_mem_at(const wasi_mem *m, uint32_t ptr) { return m->base + ptr; }

static inline uint32_t wasi_get32(const wasi_mem *m, uint32_t ptr) {
    const uint8_t *p = m->base + ptr;
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint64_t wasi_get64(const wasi_mem *m, uint32_t ptr) {
    return wasi_get32(m, ptr) | (uint64_t)wasi_get32(m, ptr + 4) << 32;
}

static inline void wasi_put(const wasi_mem *m, uint32_t ptr, uint64_t v, unsigned bytes) {
    for (unsigned i = 0; i < bytes; i++) m->base[ptr + i] = (uint8_t)(v >> 8 * i);
}
static inline void wasi_put8(const wasi_mem *m, uint32_t ptr, uint8_t v) { wasi_put(m, ptr, v, 1); }
static inline void wasi_put16(const wasi_mem *m, uint32_t ptr, uint16_t v) { wasi_put(m, ptr, v, 2); }
static inline void wasi_put32(const wasi_mem *m, uint32_t ptr, uint32_t v) { wasi_put(m, ptr, v, 4); }
static inline void wasi_put64(const wasi_mem *m, uint32_t ptr, uint64_t v) { wasi_put(m, ptr, v, 8); }

#endif
