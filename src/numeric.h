/* Helpers for the numeric instructions in opcodes.h: exact Wasm semantics where C's differ
 * (undefined shifts and overflow, NaN rules of min/max, trapping and saturating truncation). */
#ifndef CW_NUMERIC_H
#define CW_NUMERIC_H

#include <math.h>
#include <stdint.h>
#include <string.h>

static inline uint32_t cw_clz32(uint32_t x) { return x ? (uint32_t)__builtin_clz(x) : 32; }
static inline uint32_t cw_ctz32(uint32_t x) { return x ? (uint32_t)__builtin_ctz(x) : 32; }
static inline uint64_t cw_clz64(uint64_t x) { return x ? (uint64_t)__builtin_clzll(x) : 64; }
static inline uint64_t cw_ctz64(uint64_t x) { return x ? (uint64_t)__builtin_ctzll(x) : 64; }
static inline uint64_t cw_popcnt64(uint64_t x) { return (uint64_t)__builtin_popcountll(x); }
static inline uint32_t cw_rotl32(uint32_t x, uint32_t n) { n &= 31; return (x << n) | (x >> ((32 - n) & 31)); }
static inline uint64_t cw_rotl64(uint64_t x, uint64_t n) { n &= 63; return (x << n) | (x >> ((64 - n) & 63)); }
/* Arithmetic shift without relying on implementation-defined >> of negatives. */
static inline uint32_t cw_sar32(uint32_t x, uint32_t n) { return (x >> n) | ((x >> 31) ? ~(0xffffffffu >> n) : 0); }
static inline uint64_t cw_sar64(uint64_t x, uint64_t n) { return (x >> n) | ((x >> 63) ? ~(UINT64_MAX >> n) : 0); }

static inline float cw_f32(uint32_t bits) { float f; memcpy(&f, &bits, 4); return f; }
static inline double cw_f64(uint64_t bits) { double d; memcpy(&d, &bits, 8); return d; }
static inline uint32_t cw_f32_bits(float f) { uint32_t b; memcpy(&b, &f, 4); return b; }
static inline uint64_t cw_f64_bits(double d) { uint64_t b; memcpy(&b, &d, 8); return b; }

/* Wasm min/max: NaN if either is NaN (a + b propagates it), and -0 < +0. */
static inline float cw_fmin32(float a, float b) {
    if (a != a || b != b) return a + b;
    if (a == b) return signbit(a) ? a : b;
    return a < b ? a : b;
}
static inline float cw_fmax32(float a, float b) {
    if (a != a || b != b) return a + b;
    if (a == b) return signbit(a) ? b : a;
    return a > b ? a : b;
}
static inline double cw_fmin64(double a, double b) {
    if (a != a || b != b) return a + b;
    if (a == b) return signbit(a) ? a : b;
    return a < b ? a : b;
}
static inline double cw_fmax64(double a, double b) {
    if (a != a || b != b) return a + b;
    if (a == b) return signbit(a) ? b : a;
    return a > b ? a : b;
}

/* libm may return a signalling NaN unchanged; Wasm requires the result to be quiet. */
#define cw_round(a, fn) ((a) != (a) ? (a) + (a) : fn(a))

#define CW_TRAP_DIV0 "integer divide by zero"
#define CW_TRAP_OVERFLOW "integer overflow"
#define CW_TRAP_CONVERSION "invalid conversion to integer"

#define cw_check_div(b) ((b) == 0 ? CW_TRAP_DIV0 : NULL)
static inline const char *cw_check_div_s32(uint32_t a, uint32_t b) {
    return b == 0 ? CW_TRAP_DIV0 : (a == 0x80000000u && b == 0xffffffffu) ? CW_TRAP_OVERFLOW : NULL;
}
static inline const char *cw_check_div_s64(uint64_t a, uint64_t b) {
    return b == 0 ? CW_TRAP_DIV0 : (a == (1ull << 63) && b == UINT64_MAX) ? CW_TRAP_OVERFLOW : NULL;
}
/* lo and hi are the exclusive bounds of values whose truncation fits the target type. */
#define cw_check_trunc(a, lo, hi) \
    ((a) != (a) ? CW_TRAP_CONVERSION : ((a) > (lo) && (a) < (hi)) ? NULL : CW_TRAP_OVERFLOW)

/* Saturating truncation; the argument is promoted to double, which is exact for f32. */
static inline uint32_t cw_sat_i32(double a) {
    if (a != a) return 0;
    if (a <= -2147483648.0) return 0x80000000u;
    if (a >= 2147483647.0) return 0x7fffffffu;
    return (uint32_t)(int32_t)a;
}
static inline uint32_t cw_sat_u32(double a) {
    if (a != a || a <= -1.0) return 0;
    if (a >= 4294967295.0) return 0xffffffffu;
    return (uint32_t)a;
}
static inline uint64_t cw_sat_i64(double a) {
    if (a != a) return 0;
    if (a < -9223372036854775808.0) return 1ull << 63;
    if (a >= 9223372036854775808.0) return INT64_MAX;
    return (uint64_t)(int64_t)a;
}
static inline uint64_t cw_sat_u64(double a) {
    if (a != a || a <= -1.0) return 0;
    if (a >= 18446744073709551616.0) return UINT64_MAX;
    return (uint64_t)a;
}

#endif
