/* The type tokens of opcodes.h: their Wasm type, C type, and how a 64-bit slot holds them. */
#ifndef CW_VALTYPES_H
#define CW_VALTYPES_H

#include "numeric.h"

#define CW_VT_i32 CW_I32
#define CW_VT_i64 CW_I64
#define CW_VT_f32 CW_F32
#define CW_VT_f64 CW_F64
#define CW_VT_f32b CW_F32
#define CW_VT_f64b CW_F64

#define CW_CT_i32 uint32_t
#define CW_CT_i64 uint64_t
#define CW_CT_f32 float
#define CW_CT_f64 double
#define CW_CT_f32b uint32_t
#define CW_CT_f64b uint64_t

#define CW_GET_i32(s) ((uint32_t)(s))
#define CW_GET_i64(s) ((uint64_t)(s))
#define CW_GET_f32(s) cw_f32((uint32_t)(s))
#define CW_GET_f64(s) cw_f64(s)
#define CW_GET_f32b(s) ((uint32_t)(s))
#define CW_GET_f64b(s) ((uint64_t)(s))

#define CW_PUT_i32(x) ((uint64_t)(uint32_t)(x))
#define CW_PUT_i64(x) ((uint64_t)(x))
#define CW_PUT_f32(x) ((uint64_t)cw_f32_bits(x))
#define CW_PUT_f64(x) cw_f64_bits(x)
#define CW_PUT_f32b(x) ((uint64_t)(uint32_t)(x))
#define CW_PUT_f64b(x) ((uint64_t)(x))

#endif
