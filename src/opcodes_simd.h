/* The SIMD part of the instruction list (prefix 0xFD, code 0xFD00|sub), included by CW_OPCODES.
 * The generic stages see every entry as S (id, code, name); the SIMD stages (validate_simd.h,
 * simd_loop.h) expand the kinds. Lane semantics: simd.h. In the expressions, `a` `b` are lane
 * values (or, for VMAP, VTEST and VLD, whole vectors with `i` the result lane), read through the
 * lane shape's CW_LGET and written through CW_LPUT, as the scalar list does with CW_GET/CW_PUT.
 *
 *   VUN(ID, code, name, P, R, expr)       lane-wise: pops v128 of shape P, pushes shape R
 *   VBIN(ID, code, name, P, R, expr)      lane-wise on two vectors
 *   VSHIFT(ID, code, name, SH, expr)      pops i32 count (b, taken modulo the lane width) and v128
 *   VMAP(ID, code, name, N, R, expr)      pops N vectors a b c; lane i of the R-shaped result
 *   VTEST(ID, code, name, expr)           pops v128 a, pushes i32
 *   VSPLAT(ID, code, name, P, SH)         pops scalar P, copies it into every lane
 *   VEXTRACT(ID, code, name, SH, R, expr) lane immediate; pops v128, pushes scalar expr of lane a
 *   VREPLACE(ID, code, name, SH, P)       lane immediate; pops scalar P and v128
 *   VLD(ID, code, name, size, R, expr)    reads size bytes into vector a (rest zero), pushes expr
 *   VLDLANE(ID, code, name, SH)           memarg and lane: loads one lane into the popped v128
 *   VST(ID, code, name)                   v128.store
 *   VSTLANE(ID, code, name, SH)           memarg and lane: stores one lane of the popped v128
 *
 * Shapes: i8x16 i16x8 i32x4 i64x2 (integer lanes, computed as unsigned C values), f32x4 f64x2
 * (computed as C floats). Scalars as in opcodes.h. */
#ifndef CW_OPCODES_SIMD_H
#define CW_OPCODES_SIMD_H

#define CW_OPCODES_SIMD(S, VUN, VBIN, VSHIFT, VMAP, VTEST, VSPLAT, VEXTRACT, VREPLACE, VLD, VLDLANE, VST, VSTLANE) \
    VLD(V128_LOAD, 0xfd00, "v128.load", 16, i64x2, a.i64x2[i])                                   \
    VLD(V128_LOAD8X8_S, 0xfd01, "v128.load8x8_s", 8, i16x8, (int8_t)a.i8x16[i])                  \
    VLD(V128_LOAD8X8_U, 0xfd02, "v128.load8x8_u", 8, i16x8, a.i8x16[i])                          \
    VLD(V128_LOAD16X4_S, 0xfd03, "v128.load16x4_s", 8, i32x4, (int16_t)a.i16x8[i])               \
    VLD(V128_LOAD16X4_U, 0xfd04, "v128.load16x4_u", 8, i32x4, a.i16x8[i])                        \
    VLD(V128_LOAD32X2_S, 0xfd05, "v128.load32x2_s", 8, i64x2, (int64_t)(int32_t)a.i32x4[i])      \
    VLD(V128_LOAD32X2_U, 0xfd06, "v128.load32x2_u", 8, i64x2, a.i32x4[i])                        \
    VLD(V128_LOAD8_SPLAT, 0xfd07, "v128.load8_splat", 1, i8x16, a.i8x16[0])                      \
    VLD(V128_LOAD16_SPLAT, 0xfd08, "v128.load16_splat", 2, i16x8, a.i16x8[0])                    \
    VLD(V128_LOAD32_SPLAT, 0xfd09, "v128.load32_splat", 4, i32x4, a.i32x4[0])                    \
    VLD(V128_LOAD64_SPLAT, 0xfd0a, "v128.load64_splat", 8, i64x2, a.i64x2[0])                    \
    VST(V128_STORE, 0xfd0b, "v128.store")                                                        \
    S(V128_CONST, 0xfd0c, "v128.const")                                                          \
    S(I8X16_SHUFFLE, 0xfd0d, "i8x16.shuffle")                                                    \
    VMAP(I8X16_SWIZZLE, 0xfd0e, "i8x16.swizzle", 2, i8x16, b.i8x16[i] < 16 ? a.i8x16[b.i8x16[i]] : 0) \
    VSPLAT(I8X16_SPLAT, 0xfd0f, "i8x16.splat", i32, i8x16)                                       \
    VSPLAT(I16X8_SPLAT, 0xfd10, "i16x8.splat", i32, i16x8)                                       \
    VSPLAT(I32X4_SPLAT, 0xfd11, "i32x4.splat", i32, i32x4)                                       \
    VSPLAT(I64X2_SPLAT, 0xfd12, "i64x2.splat", i64, i64x2)                                       \
    VSPLAT(F32X4_SPLAT, 0xfd13, "f32x4.splat", f32b, i32x4)                                      \
    VSPLAT(F64X2_SPLAT, 0xfd14, "f64x2.splat", f64b, i64x2)                                      \
    VEXTRACT(I8X16_EXTRACT_LANE_S, 0xfd15, "i8x16.extract_lane_s", i8x16, i32, (int32_t)(int8_t)a) \
    VEXTRACT(I8X16_EXTRACT_LANE_U, 0xfd16, "i8x16.extract_lane_u", i8x16, i32, a)                \
    VREPLACE(I8X16_REPLACE_LANE, 0xfd17, "i8x16.replace_lane", i8x16, i32)                       \
    VEXTRACT(I16X8_EXTRACT_LANE_S, 0xfd18, "i16x8.extract_lane_s", i16x8, i32, (int32_t)(int16_t)a) \
    VEXTRACT(I16X8_EXTRACT_LANE_U, 0xfd19, "i16x8.extract_lane_u", i16x8, i32, a)                \
    VREPLACE(I16X8_REPLACE_LANE, 0xfd1a, "i16x8.replace_lane", i16x8, i32)                       \
    VEXTRACT(I32X4_EXTRACT_LANE, 0xfd1b, "i32x4.extract_lane", i32x4, i32, a)                    \
    VREPLACE(I32X4_REPLACE_LANE, 0xfd1c, "i32x4.replace_lane", i32x4, i32)                       \
    VEXTRACT(I64X2_EXTRACT_LANE, 0xfd1d, "i64x2.extract_lane", i64x2, i64, a)                    \
    VREPLACE(I64X2_REPLACE_LANE, 0xfd1e, "i64x2.replace_lane", i64x2, i64)                       \
    VEXTRACT(F32X4_EXTRACT_LANE, 0xfd1f, "f32x4.extract_lane", i32x4, f32b, a)                   \
    VREPLACE(F32X4_REPLACE_LANE, 0xfd20, "f32x4.replace_lane", i32x4, f32b)                      \
    VEXTRACT(F64X2_EXTRACT_LANE, 0xfd21, "f64x2.extract_lane", i64x2, f64b, a)                   \
    VREPLACE(F64X2_REPLACE_LANE, 0xfd22, "f64x2.replace_lane", i64x2, f64b)                      \
    VBIN(I8X16_EQ, 0xfd23, "i8x16.eq", i8x16, i8x16, cw_mask(a == b))                            \
    VBIN(I8X16_NE, 0xfd24, "i8x16.ne", i8x16, i8x16, cw_mask(a != b))                            \
    VBIN(I8X16_LT_S, 0xfd25, "i8x16.lt_s", i8x16, i8x16, cw_mask((int8_t)a < (int8_t)b))         \
    VBIN(I8X16_LT_U, 0xfd26, "i8x16.lt_u", i8x16, i8x16, cw_mask(a < b))                         \
    VBIN(I8X16_GT_S, 0xfd27, "i8x16.gt_s", i8x16, i8x16, cw_mask((int8_t)a > (int8_t)b))         \
    VBIN(I8X16_GT_U, 0xfd28, "i8x16.gt_u", i8x16, i8x16, cw_mask(a > b))                         \
    VBIN(I8X16_LE_S, 0xfd29, "i8x16.le_s", i8x16, i8x16, cw_mask((int8_t)a <= (int8_t)b))        \
    VBIN(I8X16_LE_U, 0xfd2a, "i8x16.le_u", i8x16, i8x16, cw_mask(a <= b))                        \
    VBIN(I8X16_GE_S, 0xfd2b, "i8x16.ge_s", i8x16, i8x16, cw_mask((int8_t)a >= (int8_t)b))        \
    VBIN(I8X16_GE_U, 0xfd2c, "i8x16.ge_u", i8x16, i8x16, cw_mask(a >= b))                        \
    VBIN(I16X8_EQ, 0xfd2d, "i16x8.eq", i16x8, i16x8, cw_mask(a == b))                            \
    VBIN(I16X8_NE, 0xfd2e, "i16x8.ne", i16x8, i16x8, cw_mask(a != b))                            \
    VBIN(I16X8_LT_S, 0xfd2f, "i16x8.lt_s", i16x8, i16x8, cw_mask((int16_t)a < (int16_t)b))       \
    VBIN(I16X8_LT_U, 0xfd30, "i16x8.lt_u", i16x8, i16x8, cw_mask(a < b))                         \
    VBIN(I16X8_GT_S, 0xfd31, "i16x8.gt_s", i16x8, i16x8, cw_mask((int16_t)a > (int16_t)b))       \
    VBIN(I16X8_GT_U, 0xfd32, "i16x8.gt_u", i16x8, i16x8, cw_mask(a > b))                         \
    VBIN(I16X8_LE_S, 0xfd33, "i16x8.le_s", i16x8, i16x8, cw_mask((int16_t)a <= (int16_t)b))      \
    VBIN(I16X8_LE_U, 0xfd34, "i16x8.le_u", i16x8, i16x8, cw_mask(a <= b))                        \
    VBIN(I16X8_GE_S, 0xfd35, "i16x8.ge_s", i16x8, i16x8, cw_mask((int16_t)a >= (int16_t)b))      \
    VBIN(I16X8_GE_U, 0xfd36, "i16x8.ge_u", i16x8, i16x8, cw_mask(a >= b))                        \
    VBIN(I32X4_EQ, 0xfd37, "i32x4.eq", i32x4, i32x4, cw_mask(a == b))                            \
    VBIN(I32X4_NE, 0xfd38, "i32x4.ne", i32x4, i32x4, cw_mask(a != b))                            \
    VBIN(I32X4_LT_S, 0xfd39, "i32x4.lt_s", i32x4, i32x4, cw_mask((int32_t)a < (int32_t)b))       \
    VBIN(I32X4_LT_U, 0xfd3a, "i32x4.lt_u", i32x4, i32x4, cw_mask(a < b))                         \
    VBIN(I32X4_GT_S, 0xfd3b, "i32x4.gt_s", i32x4, i32x4, cw_mask((int32_t)a > (int32_t)b))       \
    VBIN(I32X4_GT_U, 0xfd3c, "i32x4.gt_u", i32x4, i32x4, cw_mask(a > b))                         \
    VBIN(I32X4_LE_S, 0xfd3d, "i32x4.le_s", i32x4, i32x4, cw_mask((int32_t)a <= (int32_t)b))      \
    VBIN(I32X4_LE_U, 0xfd3e, "i32x4.le_u", i32x4, i32x4, cw_mask(a <= b))                        \
    VBIN(I32X4_GE_S, 0xfd3f, "i32x4.ge_s", i32x4, i32x4, cw_mask((int32_t)a >= (int32_t)b))      \
    VBIN(I32X4_GE_U, 0xfd40, "i32x4.ge_u", i32x4, i32x4, cw_mask(a >= b))                        \
    VBIN(F32X4_EQ, 0xfd41, "f32x4.eq", f32x4, i32x4, cw_mask(a == b))                            \
    VBIN(F32X4_NE, 0xfd42, "f32x4.ne", f32x4, i32x4, cw_mask(a != b))                            \
    VBIN(F32X4_LT, 0xfd43, "f32x4.lt", f32x4, i32x4, cw_mask(a < b))                             \
    VBIN(F32X4_GT, 0xfd44, "f32x4.gt", f32x4, i32x4, cw_mask(a > b))                             \
    VBIN(F32X4_LE, 0xfd45, "f32x4.le", f32x4, i32x4, cw_mask(a <= b))                            \
    VBIN(F32X4_GE, 0xfd46, "f32x4.ge", f32x4, i32x4, cw_mask(a >= b))                            \
    VBIN(F64X2_EQ, 0xfd47, "f64x2.eq", f64x2, i64x2, cw_mask(a == b))                            \
    VBIN(F64X2_NE, 0xfd48, "f64x2.ne", f64x2, i64x2, cw_mask(a != b))                            \
    VBIN(F64X2_LT, 0xfd49, "f64x2.lt", f64x2, i64x2, cw_mask(a < b))                             \
    VBIN(F64X2_GT, 0xfd4a, "f64x2.gt", f64x2, i64x2, cw_mask(a > b))                             \
    VBIN(F64X2_LE, 0xfd4b, "f64x2.le", f64x2, i64x2, cw_mask(a <= b))                            \
    VBIN(F64X2_GE, 0xfd4c, "f64x2.ge", f64x2, i64x2, cw_mask(a >= b))                            \
    VUN(V128_NOT, 0xfd4d, "v128.not", i64x2, i64x2, ~a)                                          \
    VBIN(V128_AND, 0xfd4e, "v128.and", i64x2, i64x2, a & b)                                      \
    VBIN(V128_ANDNOT, 0xfd4f, "v128.andnot", i64x2, i64x2, a & ~b)                               \
    VBIN(V128_OR, 0xfd50, "v128.or", i64x2, i64x2, a | b)                                        \
    VBIN(V128_XOR, 0xfd51, "v128.xor", i64x2, i64x2, a ^ b)                                      \
    VMAP(V128_BITSELECT, 0xfd52, "v128.bitselect", 3, i64x2, (a.i64x2[i] & c.i64x2[i]) | (b.i64x2[i] & ~c.i64x2[i])) \
    VTEST(V128_ANY_TRUE, 0xfd53, "v128.any_true", (a.i64x2[0] | a.i64x2[1]) != 0)                \
    VLDLANE(V128_LOAD8_LANE, 0xfd54, "v128.load8_lane", i8x16)                                   \
    VLDLANE(V128_LOAD16_LANE, 0xfd55, "v128.load16_lane", i16x8)                                 \
    VLDLANE(V128_LOAD32_LANE, 0xfd56, "v128.load32_lane", i32x4)                                 \
    VLDLANE(V128_LOAD64_LANE, 0xfd57, "v128.load64_lane", i64x2)                                 \
    VSTLANE(V128_STORE8_LANE, 0xfd58, "v128.store8_lane", i8x16)                                 \
    VSTLANE(V128_STORE16_LANE, 0xfd59, "v128.store16_lane", i16x8)                               \
    VSTLANE(V128_STORE32_LANE, 0xfd5a, "v128.store32_lane", i32x4)                               \
    VSTLANE(V128_STORE64_LANE, 0xfd5b, "v128.store64_lane", i64x2)                               \
    VLD(V128_LOAD32_ZERO, 0xfd5c, "v128.load32_zero", 4, i32x4, a.i32x4[i])                      \
    VLD(V128_LOAD64_ZERO, 0xfd5d, "v128.load64_zero", 8, i64x2, a.i64x2[i])                      \
    VMAP(F32X4_DEMOTE_F64X2_ZERO, 0xfd5e, "f32x4.demote_f64x2_zero", 1, f32x4, i < 2 ? (float)cw_f64(a.f64x2[i]) : 0.0f) \
    VMAP(F64X2_PROMOTE_LOW_F32X4, 0xfd5f, "f64x2.promote_low_f32x4", 1, f64x2, (double)cw_f32(a.f32x4[i])) \
    VUN(I8X16_ABS, 0xfd60, "i8x16.abs", i8x16, i8x16, (int8_t)a < 0 ? 0 - a : a)                \
    VUN(I8X16_NEG, 0xfd61, "i8x16.neg", i8x16, i8x16, 0 - a)                                     \
    VUN(I8X16_POPCNT, 0xfd62, "i8x16.popcnt", i8x16, i8x16, cw_popcnt64(a))                      \
    VTEST(I8X16_ALL_TRUE, 0xfd63, "i8x16.all_true", cw_all_true(a, 1))                           \
    VTEST(I8X16_BITMASK, 0xfd64, "i8x16.bitmask", cw_bitmask(a, 1))                              \
    VMAP(I8X16_NARROW_I16X8_S, 0xfd65, "i8x16.narrow_i16x8_s", 2, i8x16, cw_clamp((int16_t)cw_concat(a, b, i16x8, i), INT8_MIN, INT8_MAX)) \
    VMAP(I8X16_NARROW_I16X8_U, 0xfd66, "i8x16.narrow_i16x8_u", 2, i8x16, cw_clamp((int16_t)cw_concat(a, b, i16x8, i), 0, UINT8_MAX)) \
    VUN(F32X4_CEIL, 0xfd67, "f32x4.ceil", f32x4, f32x4, cw_round(a, ceilf))                      \
    VUN(F32X4_FLOOR, 0xfd68, "f32x4.floor", f32x4, f32x4, cw_round(a, floorf))                   \
    VUN(F32X4_TRUNC, 0xfd69, "f32x4.trunc", f32x4, f32x4, cw_round(a, truncf))                   \
    VUN(F32X4_NEAREST, 0xfd6a, "f32x4.nearest", f32x4, f32x4, cw_round(a, rintf))                \
    VSHIFT(I8X16_SHL, 0xfd6b, "i8x16.shl", i8x16, a << b)                                        \
    VSHIFT(I8X16_SHR_S, 0xfd6c, "i8x16.shr_s", i8x16, cw_sar32((uint32_t)(int8_t)a, b))          \
    VSHIFT(I8X16_SHR_U, 0xfd6d, "i8x16.shr_u", i8x16, a >> b)                                    \
    VBIN(I8X16_ADD, 0xfd6e, "i8x16.add", i8x16, i8x16, a + b)                                    \
    VBIN(I8X16_ADD_SAT_S, 0xfd6f, "i8x16.add_sat_s", i8x16, i8x16, cw_clamp((int8_t)a + (int8_t)b, INT8_MIN, INT8_MAX)) \
    VBIN(I8X16_ADD_SAT_U, 0xfd70, "i8x16.add_sat_u", i8x16, i8x16, cw_clamp(a + b, 0, UINT8_MAX)) \
    VBIN(I8X16_SUB, 0xfd71, "i8x16.sub", i8x16, i8x16, a - b)                                    \
    VBIN(I8X16_SUB_SAT_S, 0xfd72, "i8x16.sub_sat_s", i8x16, i8x16, cw_clamp((int8_t)a - (int8_t)b, INT8_MIN, INT8_MAX)) \
    VBIN(I8X16_SUB_SAT_U, 0xfd73, "i8x16.sub_sat_u", i8x16, i8x16, cw_clamp((int64_t)a - b, 0, UINT8_MAX)) \
    VUN(F64X2_CEIL, 0xfd74, "f64x2.ceil", f64x2, f64x2, cw_round(a, ceil))                       \
    VUN(F64X2_FLOOR, 0xfd75, "f64x2.floor", f64x2, f64x2, cw_round(a, floor))                    \
    VBIN(I8X16_MIN_S, 0xfd76, "i8x16.min_s", i8x16, i8x16, (int8_t)a < (int8_t)b ? a : b)        \
    VBIN(I8X16_MIN_U, 0xfd77, "i8x16.min_u", i8x16, i8x16, a < b ? a : b)                        \
    VBIN(I8X16_MAX_S, 0xfd78, "i8x16.max_s", i8x16, i8x16, (int8_t)a > (int8_t)b ? a : b)        \
    VBIN(I8X16_MAX_U, 0xfd79, "i8x16.max_u", i8x16, i8x16, a > b ? a : b)                        \
    VUN(F64X2_TRUNC, 0xfd7a, "f64x2.trunc", f64x2, f64x2, cw_round(a, trunc))                    \
    VBIN(I8X16_AVGR_U, 0xfd7b, "i8x16.avgr_u", i8x16, i8x16, (a + b + 1) >> 1)                   \
    VMAP(I16X8_EXTADD_PAIRWISE_I8X16_S, 0xfd7c, "i16x8.extadd_pairwise_i8x16_s", 1, i16x8, (int8_t)a.i8x16[2 * i] + (int8_t)a.i8x16[2 * i + 1]) \
    VMAP(I16X8_EXTADD_PAIRWISE_I8X16_U, 0xfd7d, "i16x8.extadd_pairwise_i8x16_u", 1, i16x8, a.i8x16[2 * i] + a.i8x16[2 * i + 1]) \
    VMAP(I32X4_EXTADD_PAIRWISE_I16X8_S, 0xfd7e, "i32x4.extadd_pairwise_i16x8_s", 1, i32x4, (int16_t)a.i16x8[2 * i] + (int16_t)a.i16x8[2 * i + 1]) \
    VMAP(I32X4_EXTADD_PAIRWISE_I16X8_U, 0xfd7f, "i32x4.extadd_pairwise_i16x8_u", 1, i32x4, a.i16x8[2 * i] + a.i16x8[2 * i + 1]) \
    VUN(I16X8_ABS, 0xfd80, "i16x8.abs", i16x8, i16x8, (int16_t)a < 0 ? 0 - a : a)               \
    VUN(I16X8_NEG, 0xfd81, "i16x8.neg", i16x8, i16x8, 0 - a)                                     \
    VBIN(I16X8_Q15MULR_SAT_S, 0xfd82, "i16x8.q15mulr_sat_s", i16x8, i16x8, cw_q15mulr(a, b))     \
    VTEST(I16X8_ALL_TRUE, 0xfd83, "i16x8.all_true", cw_all_true(a, 2))                           \
    VTEST(I16X8_BITMASK, 0xfd84, "i16x8.bitmask", cw_bitmask(a, 2))                              \
    VMAP(I16X8_NARROW_I32X4_S, 0xfd85, "i16x8.narrow_i32x4_s", 2, i16x8, cw_clamp((int32_t)cw_concat(a, b, i32x4, i), INT16_MIN, INT16_MAX)) \
    VMAP(I16X8_NARROW_I32X4_U, 0xfd86, "i16x8.narrow_i32x4_u", 2, i16x8, cw_clamp((int32_t)cw_concat(a, b, i32x4, i), 0, UINT16_MAX)) \
    VMAP(I16X8_EXTEND_LOW_I8X16_S, 0xfd87, "i16x8.extend_low_i8x16_s", 1, i16x8, (int8_t)a.i8x16[i]) \
    VMAP(I16X8_EXTEND_HIGH_I8X16_S, 0xfd88, "i16x8.extend_high_i8x16_s", 1, i16x8, (int8_t)a.i8x16[i + 8]) \
    VMAP(I16X8_EXTEND_LOW_I8X16_U, 0xfd89, "i16x8.extend_low_i8x16_u", 1, i16x8, a.i8x16[i])    \
    VMAP(I16X8_EXTEND_HIGH_I8X16_U, 0xfd8a, "i16x8.extend_high_i8x16_u", 1, i16x8, a.i8x16[i + 8]) \
    VSHIFT(I16X8_SHL, 0xfd8b, "i16x8.shl", i16x8, a << b)                                        \
    VSHIFT(I16X8_SHR_S, 0xfd8c, "i16x8.shr_s", i16x8, cw_sar32((uint32_t)(int16_t)a, b))         \
    VSHIFT(I16X8_SHR_U, 0xfd8d, "i16x8.shr_u", i16x8, a >> b)                                    \
    VBIN(I16X8_ADD, 0xfd8e, "i16x8.add", i16x8, i16x8, a + b)                                    \
    VBIN(I16X8_ADD_SAT_S, 0xfd8f, "i16x8.add_sat_s", i16x8, i16x8, cw_clamp((int16_t)a + (int16_t)b, INT16_MIN, INT16_MAX)) \
    VBIN(I16X8_ADD_SAT_U, 0xfd90, "i16x8.add_sat_u", i16x8, i16x8, cw_clamp(a + b, 0, UINT16_MAX)) \
    VBIN(I16X8_SUB, 0xfd91, "i16x8.sub", i16x8, i16x8, a - b)                                    \
    VBIN(I16X8_SUB_SAT_S, 0xfd92, "i16x8.sub_sat_s", i16x8, i16x8, cw_clamp((int16_t)a - (int16_t)b, INT16_MIN, INT16_MAX)) \
    VBIN(I16X8_SUB_SAT_U, 0xfd93, "i16x8.sub_sat_u", i16x8, i16x8, cw_clamp((int64_t)a - b, 0, UINT16_MAX)) \
    VUN(F64X2_NEAREST, 0xfd94, "f64x2.nearest", f64x2, f64x2, cw_round(a, rint))                 \
    VBIN(I16X8_MUL, 0xfd95, "i16x8.mul", i16x8, i16x8, a * b)                                    \
    VBIN(I16X8_MIN_S, 0xfd96, "i16x8.min_s", i16x8, i16x8, (int16_t)a < (int16_t)b ? a : b)      \
    VBIN(I16X8_MIN_U, 0xfd97, "i16x8.min_u", i16x8, i16x8, a < b ? a : b)                        \
    VBIN(I16X8_MAX_S, 0xfd98, "i16x8.max_s", i16x8, i16x8, (int16_t)a > (int16_t)b ? a : b)      \
    VBIN(I16X8_MAX_U, 0xfd99, "i16x8.max_u", i16x8, i16x8, a > b ? a : b)                        \
    VBIN(I16X8_AVGR_U, 0xfd9b, "i16x8.avgr_u", i16x8, i16x8, (a + b + 1) >> 1)                   \
    VMAP(I16X8_EXTMUL_LOW_I8X16_S, 0xfd9c, "i16x8.extmul_low_i8x16_s", 2, i16x8, (int8_t)a.i8x16[i] * (int8_t)b.i8x16[i]) \
    VMAP(I16X8_EXTMUL_HIGH_I8X16_S, 0xfd9d, "i16x8.extmul_high_i8x16_s", 2, i16x8, (int8_t)a.i8x16[i + 8] * (int8_t)b.i8x16[i + 8]) \
    VMAP(I16X8_EXTMUL_LOW_I8X16_U, 0xfd9e, "i16x8.extmul_low_i8x16_u", 2, i16x8, a.i8x16[i] * b.i8x16[i]) \
    VMAP(I16X8_EXTMUL_HIGH_I8X16_U, 0xfd9f, "i16x8.extmul_high_i8x16_u", 2, i16x8, a.i8x16[i + 8] * b.i8x16[i + 8]) \
    VUN(I32X4_ABS, 0xfda0, "i32x4.abs", i32x4, i32x4, (int32_t)a < 0 ? 0 - a : a)               \
    VUN(I32X4_NEG, 0xfda1, "i32x4.neg", i32x4, i32x4, 0 - a)                                     \
    VTEST(I32X4_ALL_TRUE, 0xfda3, "i32x4.all_true", cw_all_true(a, 4))                           \
    VTEST(I32X4_BITMASK, 0xfda4, "i32x4.bitmask", cw_bitmask(a, 4))                              \
    VMAP(I32X4_EXTEND_LOW_I16X8_S, 0xfda7, "i32x4.extend_low_i16x8_s", 1, i32x4, (int16_t)a.i16x8[i]) \
    VMAP(I32X4_EXTEND_HIGH_I16X8_S, 0xfda8, "i32x4.extend_high_i16x8_s", 1, i32x4, (int16_t)a.i16x8[i + 4]) \
    VMAP(I32X4_EXTEND_LOW_I16X8_U, 0xfda9, "i32x4.extend_low_i16x8_u", 1, i32x4, a.i16x8[i])    \
    VMAP(I32X4_EXTEND_HIGH_I16X8_U, 0xfdaa, "i32x4.extend_high_i16x8_u", 1, i32x4, a.i16x8[i + 4]) \
    VSHIFT(I32X4_SHL, 0xfdab, "i32x4.shl", i32x4, a << b)                                        \
    VSHIFT(I32X4_SHR_S, 0xfdac, "i32x4.shr_s", i32x4, cw_sar32(a, b))                            \
    VSHIFT(I32X4_SHR_U, 0xfdad, "i32x4.shr_u", i32x4, a >> b)                                    \
    VBIN(I32X4_ADD, 0xfdae, "i32x4.add", i32x4, i32x4, a + b)                                    \
    VBIN(I32X4_SUB, 0xfdb1, "i32x4.sub", i32x4, i32x4, a - b)                                    \
    VBIN(I32X4_MUL, 0xfdb5, "i32x4.mul", i32x4, i32x4, a * b)                                    \
    VBIN(I32X4_MIN_S, 0xfdb6, "i32x4.min_s", i32x4, i32x4, (int32_t)a < (int32_t)b ? a : b)      \
    VBIN(I32X4_MIN_U, 0xfdb7, "i32x4.min_u", i32x4, i32x4, a < b ? a : b)                        \
    VBIN(I32X4_MAX_S, 0xfdb8, "i32x4.max_s", i32x4, i32x4, (int32_t)a > (int32_t)b ? a : b)      \
    VBIN(I32X4_MAX_U, 0xfdb9, "i32x4.max_u", i32x4, i32x4, a > b ? a : b)                        \
    VMAP(I32X4_DOT_I16X8_S, 0xfdba, "i32x4.dot_i16x8_s", 2, i32x4, cw_dot(a, b, i))             \
    VMAP(I32X4_EXTMUL_LOW_I16X8_S, 0xfdbc, "i32x4.extmul_low_i16x8_s", 2, i32x4, (int16_t)a.i16x8[i] * (int16_t)b.i16x8[i]) \
    VMAP(I32X4_EXTMUL_HIGH_I16X8_S, 0xfdbd, "i32x4.extmul_high_i16x8_s", 2, i32x4, (int16_t)a.i16x8[i + 4] * (int16_t)b.i16x8[i + 4]) \
    VMAP(I32X4_EXTMUL_LOW_I16X8_U, 0xfdbe, "i32x4.extmul_low_i16x8_u", 2, i32x4, (uint32_t)a.i16x8[i] * b.i16x8[i]) \
    VMAP(I32X4_EXTMUL_HIGH_I16X8_U, 0xfdbf, "i32x4.extmul_high_i16x8_u", 2, i32x4, (uint32_t)a.i16x8[i + 4] * b.i16x8[i + 4]) \
    VUN(I64X2_ABS, 0xfdc0, "i64x2.abs", i64x2, i64x2, (int64_t)a < 0 ? 0 - a : a)               \
    VUN(I64X2_NEG, 0xfdc1, "i64x2.neg", i64x2, i64x2, 0 - a)                                     \
    VTEST(I64X2_ALL_TRUE, 0xfdc3, "i64x2.all_true", cw_all_true(a, 8))                           \
    VTEST(I64X2_BITMASK, 0xfdc4, "i64x2.bitmask", cw_bitmask(a, 8))                              \
    VMAP(I64X2_EXTEND_LOW_I32X4_S, 0xfdc7, "i64x2.extend_low_i32x4_s", 1, i64x2, (int64_t)(int32_t)a.i32x4[i]) \
    VMAP(I64X2_EXTEND_HIGH_I32X4_S, 0xfdc8, "i64x2.extend_high_i32x4_s", 1, i64x2, (int64_t)(int32_t)a.i32x4[i + 2]) \
    VMAP(I64X2_EXTEND_LOW_I32X4_U, 0xfdc9, "i64x2.extend_low_i32x4_u", 1, i64x2, a.i32x4[i])    \
    VMAP(I64X2_EXTEND_HIGH_I32X4_U, 0xfdca, "i64x2.extend_high_i32x4_u", 1, i64x2, a.i32x4[i + 2]) \
    VSHIFT(I64X2_SHL, 0xfdcb, "i64x2.shl", i64x2, a << b)                                        \
    VSHIFT(I64X2_SHR_S, 0xfdcc, "i64x2.shr_s", i64x2, cw_sar64(a, b))                            \
    VSHIFT(I64X2_SHR_U, 0xfdcd, "i64x2.shr_u", i64x2, a >> b)                                    \
    VBIN(I64X2_ADD, 0xfdce, "i64x2.add", i64x2, i64x2, a + b)                                    \
    VBIN(I64X2_SUB, 0xfdd1, "i64x2.sub", i64x2, i64x2, a - b)                                    \
    VBIN(I64X2_MUL, 0xfdd5, "i64x2.mul", i64x2, i64x2, a * b)                                    \
    VBIN(I64X2_EQ, 0xfdd6, "i64x2.eq", i64x2, i64x2, cw_mask(a == b))                            \
    VBIN(I64X2_NE, 0xfdd7, "i64x2.ne", i64x2, i64x2, cw_mask(a != b))                            \
    VBIN(I64X2_LT_S, 0xfdd8, "i64x2.lt_s", i64x2, i64x2, cw_mask((int64_t)a < (int64_t)b))       \
    VBIN(I64X2_GT_S, 0xfdd9, "i64x2.gt_s", i64x2, i64x2, cw_mask((int64_t)a > (int64_t)b))       \
    VBIN(I64X2_LE_S, 0xfdda, "i64x2.le_s", i64x2, i64x2, cw_mask((int64_t)a <= (int64_t)b))      \
    VBIN(I64X2_GE_S, 0xfddb, "i64x2.ge_s", i64x2, i64x2, cw_mask((int64_t)a >= (int64_t)b))      \
    VMAP(I64X2_EXTMUL_LOW_I32X4_S, 0xfddc, "i64x2.extmul_low_i32x4_s", 2, i64x2, (int64_t)(int32_t)a.i32x4[i] * (int32_t)b.i32x4[i]) \
    VMAP(I64X2_EXTMUL_HIGH_I32X4_S, 0xfddd, "i64x2.extmul_high_i32x4_s", 2, i64x2, (int64_t)(int32_t)a.i32x4[i + 2] * (int32_t)b.i32x4[i + 2]) \
    VMAP(I64X2_EXTMUL_LOW_I32X4_U, 0xfdde, "i64x2.extmul_low_i32x4_u", 2, i64x2, (uint64_t)a.i32x4[i] * b.i32x4[i]) \
    VMAP(I64X2_EXTMUL_HIGH_I32X4_U, 0xfddf, "i64x2.extmul_high_i32x4_u", 2, i64x2, (uint64_t)a.i32x4[i + 2] * b.i32x4[i + 2]) \
    VUN(F32X4_ABS, 0xfde0, "f32x4.abs", i32x4, i32x4, a & 0x7fffffffu)                           \
    VUN(F32X4_NEG, 0xfde1, "f32x4.neg", i32x4, i32x4, a ^ 0x80000000u)                           \
    VUN(F32X4_SQRT, 0xfde3, "f32x4.sqrt", f32x4, f32x4, sqrtf(a))                                \
    VBIN(F32X4_ADD, 0xfde4, "f32x4.add", f32x4, f32x4, a + b)                                    \
    VBIN(F32X4_SUB, 0xfde5, "f32x4.sub", f32x4, f32x4, a - b)                                    \
    VBIN(F32X4_MUL, 0xfde6, "f32x4.mul", f32x4, f32x4, a * b)                                    \
    VBIN(F32X4_DIV, 0xfde7, "f32x4.div", f32x4, f32x4, a / b)                                    \
    VBIN(F32X4_MIN, 0xfde8, "f32x4.min", f32x4, f32x4, cw_fmin32(a, b))                          \
    VBIN(F32X4_MAX, 0xfde9, "f32x4.max", f32x4, f32x4, cw_fmax32(a, b))                          \
    VBIN(F32X4_PMIN, 0xfdea, "f32x4.pmin", i32x4, i32x4, cw_f32(b) < cw_f32(a) ? b : a)          \
    VBIN(F32X4_PMAX, 0xfdeb, "f32x4.pmax", i32x4, i32x4, cw_f32(a) < cw_f32(b) ? b : a)          \
    VUN(F64X2_ABS, 0xfdec, "f64x2.abs", i64x2, i64x2, a & ~(1ull << 63))                         \
    VUN(F64X2_NEG, 0xfded, "f64x2.neg", i64x2, i64x2, a ^ (1ull << 63))                          \
    VUN(F64X2_SQRT, 0xfdef, "f64x2.sqrt", f64x2, f64x2, sqrt(a))                                 \
    VBIN(F64X2_ADD, 0xfdf0, "f64x2.add", f64x2, f64x2, a + b)                                    \
    VBIN(F64X2_SUB, 0xfdf1, "f64x2.sub", f64x2, f64x2, a - b)                                    \
    VBIN(F64X2_MUL, 0xfdf2, "f64x2.mul", f64x2, f64x2, a * b)                                    \
    VBIN(F64X2_DIV, 0xfdf3, "f64x2.div", f64x2, f64x2, a / b)                                    \
    VBIN(F64X2_MIN, 0xfdf4, "f64x2.min", f64x2, f64x2, cw_fmin64(a, b))                          \
    VBIN(F64X2_MAX, 0xfdf5, "f64x2.max", f64x2, f64x2, cw_fmax64(a, b))                          \
    VBIN(F64X2_PMIN, 0xfdf6, "f64x2.pmin", i64x2, i64x2, cw_f64(b) < cw_f64(a) ? b : a)          \
    VBIN(F64X2_PMAX, 0xfdf7, "f64x2.pmax", i64x2, i64x2, cw_f64(a) < cw_f64(b) ? b : a)          \
    VUN(I32X4_TRUNC_SAT_F32X4_S, 0xfdf8, "i32x4.trunc_sat_f32x4_s", f32x4, i32x4, cw_sat_i32(a)) \
    VUN(I32X4_TRUNC_SAT_F32X4_U, 0xfdf9, "i32x4.trunc_sat_f32x4_u", f32x4, i32x4, cw_sat_u32(a)) \
    VUN(F32X4_CONVERT_I32X4_S, 0xfdfa, "f32x4.convert_i32x4_s", i32x4, f32x4, (float)(int32_t)a) \
    VUN(F32X4_CONVERT_I32X4_U, 0xfdfb, "f32x4.convert_i32x4_u", i32x4, f32x4, (float)a)          \
    VMAP(I32X4_TRUNC_SAT_F64X2_S_ZERO, 0xfdfc, "i32x4.trunc_sat_f64x2_s_zero", 1, i32x4, i < 2 ? cw_sat_i32(cw_f64(a.f64x2[i])) : 0) \
    VMAP(I32X4_TRUNC_SAT_F64X2_U_ZERO, 0xfdfd, "i32x4.trunc_sat_f64x2_u_zero", 1, i32x4, i < 2 ? cw_sat_u32(cw_f64(a.f64x2[i])) : 0) \
    VMAP(F64X2_CONVERT_LOW_I32X4_S, 0xfdfe, "f64x2.convert_low_i32x4_s", 1, f64x2, (double)(int32_t)a.i32x4[i]) \
    VMAP(F64X2_CONVERT_LOW_I32X4_U, 0xfdff, "f64x2.convert_low_i32x4_u", 1, f64x2, (double)a.i32x4[i]) \
    /* internal: generic instructions on v128 operands, which move two slots */                \
    S(LOCAL_GET_V128, CW_NOCODE, "local.get")                                                    \
    S(LOCAL_SET_V128, CW_NOCODE, "local.set")                                                    \
    S(LOCAL_TEE_V128, CW_NOCODE, "local.tee")                                                    \
    S(GLOBAL_GET_V128, CW_NOCODE, "global.get")                                                  \
    S(GLOBAL_SET_V128, CW_NOCODE, "global.set")                                                  \
    S(DROP_V128, CW_NOCODE, "drop")                                                              \
    S(SELECT_V128, CW_NOCODE, "select")

#endif
