/* v128 values and the lane helpers of opcodes_simd.h, in portable C (no host intrinsics).
 * A v128 lives in two consecutive 64-bit slots, low half first. Lanes are read through a union,
 * which, like the scalar loads and stores, assumes a little-endian host (x86, Arm, wasm32):
 * lane 0 is then the lowest-addressed lane in memory and the lowest bits of the first slot. */
#ifndef CW_SIMD_H
#define CW_SIMD_H

#include "numeric.h"

/* One member per lane shape, named as the shape tokens of opcodes_simd.h; floats as raw bits. */
typedef union cw_v128 {
    uint8_t i8x16[16];
    uint16_t i16x8[8];
    uint32_t i32x4[4], f32x4[4];
    uint64_t i64x2[2], f64x2[2];
} cw_v128;

static inline cw_v128 cw_v128_get(const uint64_t *slots) {
    cw_v128 v;
    memcpy(&v, slots, sizeof v);
    return v;
}
static inline void cw_v128_put(uint64_t *slots, cw_v128 v) { memcpy(slots, &v, sizeof v); }

#define CW_LANES_i8x16 16
#define CW_LANES_i16x8 8
#define CW_LANES_i32x4 4
#define CW_LANES_i64x2 2
#define CW_LANES_f32x4 4
#define CW_LANES_f64x2 2
#define CW_LANE_BITS(SH) (128 / CW_LANES_##SH)

/* The C type a lane is computed in: at least 32 bits, so that lane arithmetic is never done in
 * (promoted, overflowing) int. */
#define CW_LCT_i8x16 uint32_t
#define CW_LCT_i16x8 uint32_t
#define CW_LCT_i32x4 uint32_t
#define CW_LCT_i64x2 uint64_t
#define CW_LCT_f32x4 float
#define CW_LCT_f64x2 double

#define CW_LGET_i8x16(x) ((uint32_t)(x))
#define CW_LGET_i16x8(x) ((uint32_t)(x))
#define CW_LGET_i32x4(x) ((uint32_t)(x))
#define CW_LGET_i64x2(x) ((uint64_t)(x))
#define CW_LGET_f32x4(x) cw_f32(x)
#define CW_LGET_f64x2(x) cw_f64(x)

/* Integer results wrap to the lane width (a negative int becomes its two's complement). */
#define CW_LPUT_i8x16(x) ((uint8_t)(x))
#define CW_LPUT_i16x8(x) ((uint16_t)(x))
#define CW_LPUT_i32x4(x) ((uint32_t)(x))
#define CW_LPUT_i64x2(x) ((uint64_t)(x))
#define CW_LPUT_f32x4(x) cw_f32_bits(x)
#define CW_LPUT_f64x2(x) cw_f64_bits(x)

/* A comparison's lane result: all ones or zero (the lane write truncates it). */
#define cw_mask(c) (0 - (uint64_t)(c))

/* Lane i of the concatenation of a and b (narrowing reads both halves). */
#define cw_concat(a, b, SH, i) ((i) < CW_LANES_##SH ? (a).SH[i] : (b).SH[(i) - CW_LANES_##SH])

static inline int64_t cw_clamp(int64_t x, int64_t lo, int64_t hi) { return x < lo ? lo : x > hi ? hi : x; }

/* Rounding, saturating Q15 multiplication: (a * b + 2^14) >> 15. */
static inline int64_t cw_q15mulr(uint32_t a, uint32_t b) {
    int32_t p = (int16_t)a * (int16_t)b + 0x4000; /* at most 2^30 + 2^14: no overflow */
    return cw_clamp((int32_t)cw_sar32((uint32_t)p, 15), INT16_MIN, INT16_MAX);
}

/* i32x4.dot_i16x8_s lane i; the sum wraps (only -32768 * -32768 twice overflows). */
static inline uint32_t cw_dot(cw_v128 a, cw_v128 b, int i) {
    int32_t lo = (int16_t)a.i16x8[2 * i] * (int16_t)b.i16x8[2 * i];
    int32_t hi = (int16_t)a.i16x8[2 * i + 1] * (int16_t)b.i16x8[2 * i + 1];
    return (uint32_t)lo + (uint32_t)hi;
}

/* all_true and bitmask for lanes of `width` bytes. */
static inline uint32_t cw_all_true(cw_v128 a, unsigned width) {
    for (unsigned lane = 0; lane < 16; lane += width) {
        unsigned any = 0;
        for (unsigned k = 0; k < width; k++) any |= a.i8x16[lane + k];
        if (!any) return 0;
    }
    return 1;
}
static inline uint32_t cw_bitmask(cw_v128 a, unsigned width) {
    uint32_t m = 0;
    for (unsigned lane = 0; lane < 16 / width; lane++) m |= (uint32_t)(a.i8x16[lane * width + width - 1] >> 7) << lane;
    return m;
}

#endif
