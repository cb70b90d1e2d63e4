/* The one list of instructions. Every stage expands it with its own macros:
 * the decoder maps binary codes to ids, the validator derives operand types,
 * the interpreter derives the bodies of the simple instructions, traces derive names.
 *
 *   S(ID, code, name)                              control/structured ops, each coded by hand
 *   UN(ID, code, name, P, R, expr)                 pops a:P, pushes expr:R
 *   BIN(ID, code, name, P, R, C, expr)             pops a:P b:P, pushes expr:R; C: fused forms (below)
 *   UNT(ID, code, name, P, R, check, expr)         like UN; check yields a trap message or NULL
 *   BINT(ID, code, name, P, R, check, expr)        like BIN with a check
 *   LD(ID, code, name, R, memtype)                 load memtype, widen to R
 *   ST(ID, code, name, P, memtype)                 narrow P to memtype, store
 *
 * Types: i32 i64 (unsigned C values), f32 f64 (C floats), f32b f64b (float types kept as raw
 * bits, for ops that must not touch NaN payloads). Codes: one byte, or 0xFC00|sub and 0xFD00|sub
 * for the 0xFC and 0xFD (SIMD, opcodes_simd.h) prefixes. Internal-only ops emitted by the compiler
 * have code CW_NOCODE. */
#ifndef CW_OPCODES_H
#define CW_OPCODES_H

#include <stdint.h>

#include "opcodes_simd.h"

#define CW_NOCODE 0xffffffffu

#define CW_OPCODES(S, UN, BIN, UNT, BINT, LD, ST)                                                  \
    S(UNREACHABLE, 0x00, "unreachable")                                                          \
    S(NOP, 0x01, "nop")                                                                          \
    S(BLOCK, 0x02, "block")                                                                      \
    S(LOOP, 0x03, "loop")                                                                        \
    S(IF, 0x04, "if")                                                                            \
    S(ELSE, 0x05, "else")                                                                        \
    S(END, 0x0b, "end")                                                                          \
    S(BR, 0x0c, "br")                                                                            \
    S(BR_IF, 0x0d, "br_if")                                                                      \
    S(BR_TABLE, 0x0e, "br_table")                                                                \
    S(RETURN, 0x0f, "return")                                                                    \
    S(CALL, 0x10, "call")                                                                        \
    S(CALL_INDIRECT, 0x11, "call_indirect")                                                      \
    S(DROP, 0x1a, "drop")                                                                        \
    S(SELECT, 0x1b, "select")                                                                    \
    S(SELECT_T, 0x1c, "select")                                                                  \
    S(LOCAL_GET, 0x20, "local.get")                                                              \
    S(LOCAL_SET, 0x21, "local.set")                                                              \
    S(LOCAL_TEE, 0x22, "local.tee")                                                              \
    S(GLOBAL_GET, 0x23, "global.get")                                                            \
    S(GLOBAL_SET, 0x24, "global.set")                                                            \
    S(TABLE_GET, 0x25, "table.get")                                                              \
    S(TABLE_SET, 0x26, "table.set")                                                              \
    LD(I32_LOAD, 0x28, "i32.load", i32, uint32_t)                                                \
    LD(I64_LOAD, 0x29, "i64.load", i64, uint64_t)                                                \
    LD(F32_LOAD, 0x2a, "f32.load", f32b, uint32_t)                                               \
    LD(F64_LOAD, 0x2b, "f64.load", f64b, uint64_t)                                               \
    LD(I32_LOAD8_S, 0x2c, "i32.load8_s", i32, int8_t)                                            \
    LD(I32_LOAD8_U, 0x2d, "i32.load8_u", i32, uint8_t)                                           \
    LD(I32_LOAD16_S, 0x2e, "i32.load16_s", i32, int16_t)                                         \
    LD(I32_LOAD16_U, 0x2f, "i32.load16_u", i32, uint16_t)                                        \
    LD(I64_LOAD8_S, 0x30, "i64.load8_s", i64, int8_t)                                            \
    LD(I64_LOAD8_U, 0x31, "i64.load8_u", i64, uint8_t)                                           \
    LD(I64_LOAD16_S, 0x32, "i64.load16_s", i64, int16_t)                                         \
    LD(I64_LOAD16_U, 0x33, "i64.load16_u", i64, uint16_t)                                        \
    LD(I64_LOAD32_S, 0x34, "i64.load32_s", i64, int32_t)                                         \
    LD(I64_LOAD32_U, 0x35, "i64.load32_u", i64, uint32_t)                                        \
    ST(I32_STORE, 0x36, "i32.store", i32, uint32_t)                                              \
    ST(I64_STORE, 0x37, "i64.store", i64, uint64_t)                                              \
    ST(F32_STORE, 0x38, "f32.store", f32b, uint32_t)                                             \
    ST(F64_STORE, 0x39, "f64.store", f64b, uint64_t)                                             \
    ST(I32_STORE8, 0x3a, "i32.store8", i32, uint8_t)                                             \
    ST(I32_STORE16, 0x3b, "i32.store16", i32, uint16_t)                                          \
    ST(I64_STORE8, 0x3c, "i64.store8", i64, uint8_t)                                             \
    ST(I64_STORE16, 0x3d, "i64.store16", i64, uint16_t)                                          \
    ST(I64_STORE32, 0x3e, "i64.store32", i64, uint32_t)                                          \
    S(MEMORY_SIZE, 0x3f, "memory.size")                                                          \
    S(MEMORY_GROW, 0x40, "memory.grow")                                                          \
    S(I32_CONST, 0x41, "i32.const")                                                              \
    S(I64_CONST, 0x42, "i64.const")                                                              \
    S(F32_CONST, 0x43, "f32.const")                                                              \
    S(F64_CONST, 0x44, "f64.const")                                                              \
    UN(I32_EQZ, 0x45, "i32.eqz", i32, i32, a == 0)                                               \
    BIN(I32_EQ, 0x46, "i32.eq", i32, i32, C, a == b)                                              \
    BIN(I32_NE, 0x47, "i32.ne", i32, i32, C, a != b)                                              \
    BIN(I32_LT_S, 0x48, "i32.lt_s", i32, i32, C, (int32_t)a < (int32_t)b)                         \
    BIN(I32_LT_U, 0x49, "i32.lt_u", i32, i32, C, a < b)                                           \
    BIN(I32_GT_S, 0x4a, "i32.gt_s", i32, i32, C, (int32_t)a > (int32_t)b)                         \
    BIN(I32_GT_U, 0x4b, "i32.gt_u", i32, i32, C, a > b)                                           \
    BIN(I32_LE_S, 0x4c, "i32.le_s", i32, i32, C, (int32_t)a <= (int32_t)b)                        \
    BIN(I32_LE_U, 0x4d, "i32.le_u", i32, i32, C, a <= b)                                          \
    BIN(I32_GE_S, 0x4e, "i32.ge_s", i32, i32, C, (int32_t)a >= (int32_t)b)                        \
    BIN(I32_GE_U, 0x4f, "i32.ge_u", i32, i32, C, a >= b)                                          \
    UN(I64_EQZ, 0x50, "i64.eqz", i64, i32, a == 0)                                               \
    BIN(I64_EQ, 0x51, "i64.eq", i64, i32, C, a == b)                                              \
    BIN(I64_NE, 0x52, "i64.ne", i64, i32, C, a != b)                                              \
    BIN(I64_LT_S, 0x53, "i64.lt_s", i64, i32, C, (int64_t)a < (int64_t)b)                         \
    BIN(I64_LT_U, 0x54, "i64.lt_u", i64, i32, C, a < b)                                           \
    BIN(I64_GT_S, 0x55, "i64.gt_s", i64, i32, C, (int64_t)a > (int64_t)b)                         \
    BIN(I64_GT_U, 0x56, "i64.gt_u", i64, i32, C, a > b)                                           \
    BIN(I64_LE_S, 0x57, "i64.le_s", i64, i32, C, (int64_t)a <= (int64_t)b)                        \
    BIN(I64_LE_U, 0x58, "i64.le_u", i64, i32, C, a <= b)                                          \
    BIN(I64_GE_S, 0x59, "i64.ge_s", i64, i32, C, (int64_t)a >= (int64_t)b)                        \
    BIN(I64_GE_U, 0x5a, "i64.ge_u", i64, i32, C, a >= b)                                          \
    BIN(F32_EQ, 0x5b, "f32.eq", f32, i32, N, a == b)                                              \
    BIN(F32_NE, 0x5c, "f32.ne", f32, i32, N, a != b)                                              \
    BIN(F32_LT, 0x5d, "f32.lt", f32, i32, N, a < b)                                               \
    BIN(F32_GT, 0x5e, "f32.gt", f32, i32, N, a > b)                                               \
    BIN(F32_LE, 0x5f, "f32.le", f32, i32, N, a <= b)                                              \
    BIN(F32_GE, 0x60, "f32.ge", f32, i32, N, a >= b)                                              \
    BIN(F64_EQ, 0x61, "f64.eq", f64, i32, C, a == b)                                              \
    BIN(F64_NE, 0x62, "f64.ne", f64, i32, C, a != b)                                              \
    BIN(F64_LT, 0x63, "f64.lt", f64, i32, C, a < b)                                               \
    BIN(F64_GT, 0x64, "f64.gt", f64, i32, C, a > b)                                               \
    BIN(F64_LE, 0x65, "f64.le", f64, i32, C, a <= b)                                              \
    BIN(F64_GE, 0x66, "f64.ge", f64, i32, C, a >= b)                                              \
    UN(I32_CLZ, 0x67, "i32.clz", i32, i32, cw_clz32(a))                                          \
    UN(I32_CTZ, 0x68, "i32.ctz", i32, i32, cw_ctz32(a))                                          \
    UN(I32_POPCNT, 0x69, "i32.popcnt", i32, i32, cw_popcnt64(a))                                 \
    BIN(I32_ADD, 0x6a, "i32.add", i32, i32, F, a + b)                                             \
    BIN(I32_SUB, 0x6b, "i32.sub", i32, i32, F, a - b)                                             \
    BIN(I32_MUL, 0x6c, "i32.mul", i32, i32, F, a * b)                                             \
    BINT(I32_DIV_S, 0x6d, "i32.div_s", i32, i32, cw_check_div_s32(a, b), (uint32_t)((int32_t)a / (int32_t)b)) \
    BINT(I32_DIV_U, 0x6e, "i32.div_u", i32, i32, cw_check_div(b), a / b)                         \
    BINT(I32_REM_S, 0x6f, "i32.rem_s", i32, i32, cw_check_div(b), b == 0xffffffffu ? 0 : (uint32_t)((int32_t)a % (int32_t)b)) \
    BINT(I32_REM_U, 0x70, "i32.rem_u", i32, i32, cw_check_div(b), a % b)                         \
    BIN(I32_AND, 0x71, "i32.and", i32, i32, F, a & b)                                             \
    BIN(I32_OR, 0x72, "i32.or", i32, i32, F, a | b)                                               \
    BIN(I32_XOR, 0x73, "i32.xor", i32, i32, F, a ^ b)                                             \
    BIN(I32_SHL, 0x74, "i32.shl", i32, i32, F, a << (b & 31))                                     \
    BIN(I32_SHR_S, 0x75, "i32.shr_s", i32, i32, F, cw_sar32(a, b & 31))                           \
    BIN(I32_SHR_U, 0x76, "i32.shr_u", i32, i32, F, a >> (b & 31))                                 \
    BIN(I32_ROTL, 0x77, "i32.rotl", i32, i32, N, cw_rotl32(a, b))                                 \
    BIN(I32_ROTR, 0x78, "i32.rotr", i32, i32, N, cw_rotl32(a, 32 - (b & 31)))                     \
    UN(I64_CLZ, 0x79, "i64.clz", i64, i64, cw_clz64(a))                                          \
    UN(I64_CTZ, 0x7a, "i64.ctz", i64, i64, cw_ctz64(a))                                          \
    UN(I64_POPCNT, 0x7b, "i64.popcnt", i64, i64, cw_popcnt64(a))                                 \
    BIN(I64_ADD, 0x7c, "i64.add", i64, i64, F, a + b)                                             \
    BIN(I64_SUB, 0x7d, "i64.sub", i64, i64, F, a - b)                                             \
    BIN(I64_MUL, 0x7e, "i64.mul", i64, i64, F, a * b)                                             \
    BINT(I64_DIV_S, 0x7f, "i64.div_s", i64, i64, cw_check_div_s64(a, b), (uint64_t)((int64_t)a / (int64_t)b)) \
    BINT(I64_DIV_U, 0x80, "i64.div_u", i64, i64, cw_check_div(b), a / b)                         \
    BINT(I64_REM_S, 0x81, "i64.rem_s", i64, i64, cw_check_div(b), b == UINT64_MAX ? 0 : (uint64_t)((int64_t)a % (int64_t)b)) \
    BINT(I64_REM_U, 0x82, "i64.rem_u", i64, i64, cw_check_div(b), a % b)                         \
    BIN(I64_AND, 0x83, "i64.and", i64, i64, F, a & b)                                             \
    BIN(I64_OR, 0x84, "i64.or", i64, i64, F, a | b)                                               \
    BIN(I64_XOR, 0x85, "i64.xor", i64, i64, F, a ^ b)                                             \
    BIN(I64_SHL, 0x86, "i64.shl", i64, i64, F, a << (b & 63))                                     \
    BIN(I64_SHR_S, 0x87, "i64.shr_s", i64, i64, F, cw_sar64(a, b & 63))                           \
    BIN(I64_SHR_U, 0x88, "i64.shr_u", i64, i64, F, a >> (b & 63))                                 \
    BIN(I64_ROTL, 0x89, "i64.rotl", i64, i64, N, cw_rotl64(a, b))                                 \
    BIN(I64_ROTR, 0x8a, "i64.rotr", i64, i64, N, cw_rotl64(a, 64 - (b & 63)))                     \
    UN(F32_ABS, 0x8b, "f32.abs", f32b, f32b, a & 0x7fffffffu)                                    \
    UN(F32_NEG, 0x8c, "f32.neg", f32b, f32b, a ^ 0x80000000u)                                    \
    UN(F32_CEIL, 0x8d, "f32.ceil", f32, f32, cw_round(a, ceilf))                                           \
    UN(F32_FLOOR, 0x8e, "f32.floor", f32, f32, cw_round(a, floorf))                                        \
    UN(F32_TRUNC, 0x8f, "f32.trunc", f32, f32, cw_round(a, truncf))                                        \
    UN(F32_NEAREST, 0x90, "f32.nearest", f32, f32, cw_round(a, rintf))                                     \
    UN(F32_SQRT, 0x91, "f32.sqrt", f32, f32, sqrtf(a))                                           \
    BIN(F32_ADD, 0x92, "f32.add", f32, f32, N, a + b)                                             \
    BIN(F32_SUB, 0x93, "f32.sub", f32, f32, N, a - b)                                             \
    BIN(F32_MUL, 0x94, "f32.mul", f32, f32, N, a * b)                                             \
    BIN(F32_DIV, 0x95, "f32.div", f32, f32, N, a / b)                                             \
    BIN(F32_MIN, 0x96, "f32.min", f32, f32, N, cw_fmin32(a, b))                                   \
    BIN(F32_MAX, 0x97, "f32.max", f32, f32, N, cw_fmax32(a, b))                                   \
    BIN(F32_COPYSIGN, 0x98, "f32.copysign", f32b, f32b, N, (a & 0x7fffffffu) | (b & 0x80000000u)) \
    UN(F64_ABS, 0x99, "f64.abs", f64b, f64b, a & ~(1ull << 63))                                  \
    UN(F64_NEG, 0x9a, "f64.neg", f64b, f64b, a ^ (1ull << 63))                                   \
    UN(F64_CEIL, 0x9b, "f64.ceil", f64, f64, cw_round(a, ceil))                                            \
    UN(F64_FLOOR, 0x9c, "f64.floor", f64, f64, cw_round(a, floor))                                         \
    UN(F64_TRUNC, 0x9d, "f64.trunc", f64, f64, cw_round(a, trunc))                                         \
    UN(F64_NEAREST, 0x9e, "f64.nearest", f64, f64, cw_round(a, rint))                                      \
    UN(F64_SQRT, 0x9f, "f64.sqrt", f64, f64, sqrt(a))                                            \
    BIN(F64_ADD, 0xa0, "f64.add", f64, f64, F, a + b)                                             \
    BIN(F64_SUB, 0xa1, "f64.sub", f64, f64, F, a - b)                                             \
    BIN(F64_MUL, 0xa2, "f64.mul", f64, f64, F, a * b)                                             \
    BIN(F64_DIV, 0xa3, "f64.div", f64, f64, F, a / b)                                             \
    BIN(F64_MIN, 0xa4, "f64.min", f64, f64, N, cw_fmin64(a, b))                                   \
    BIN(F64_MAX, 0xa5, "f64.max", f64, f64, N, cw_fmax64(a, b))                                   \
    BIN(F64_COPYSIGN, 0xa6, "f64.copysign", f64b, f64b, N, (a & ~(1ull << 63)) | (b & (1ull << 63)))\
    UN(I32_WRAP_I64, 0xa7, "i32.wrap_i64", i64, i32, (uint32_t)a)                                \
    UNT(I32_TRUNC_F32_S, 0xa8, "i32.trunc_f32_s", f32, i32, cw_check_trunc(a, -2147483904.0f, 2147483648.0f), (uint32_t)(int32_t)a) \
    UNT(I32_TRUNC_F32_U, 0xa9, "i32.trunc_f32_u", f32, i32, cw_check_trunc(a, -1.0f, 4294967296.0f), (uint32_t)a) \
    UNT(I32_TRUNC_F64_S, 0xaa, "i32.trunc_f64_s", f64, i32, cw_check_trunc(a, -2147483649.0, 2147483648.0), (uint32_t)(int32_t)a) \
    UNT(I32_TRUNC_F64_U, 0xab, "i32.trunc_f64_u", f64, i32, cw_check_trunc(a, -1.0, 4294967296.0), (uint32_t)a) \
    UN(I64_EXTEND_I32_S, 0xac, "i64.extend_i32_s", i32, i64, (uint64_t)(int64_t)(int32_t)a)      \
    UN(I64_EXTEND_I32_U, 0xad, "i64.extend_i32_u", i32, i64, (uint64_t)a)                        \
    UNT(I64_TRUNC_F32_S, 0xae, "i64.trunc_f32_s", f32, i64, cw_check_trunc(a, -9223373136366403584.0f, 9223372036854775808.0f), (uint64_t)(int64_t)a) \
    UNT(I64_TRUNC_F32_U, 0xaf, "i64.trunc_f32_u", f32, i64, cw_check_trunc(a, -1.0f, 18446744073709551616.0f), (uint64_t)a) \
    UNT(I64_TRUNC_F64_S, 0xb0, "i64.trunc_f64_s", f64, i64, cw_check_trunc(a, -9223372036854777856.0, 9223372036854775808.0), (uint64_t)(int64_t)a) \
    UNT(I64_TRUNC_F64_U, 0xb1, "i64.trunc_f64_u", f64, i64, cw_check_trunc(a, -1.0, 18446744073709551616.0), (uint64_t)a) \
    UN(F32_CONVERT_I32_S, 0xb2, "f32.convert_i32_s", i32, f32, (float)(int32_t)a)                \
    UN(F32_CONVERT_I32_U, 0xb3, "f32.convert_i32_u", i32, f32, (float)a)                         \
    UN(F32_CONVERT_I64_S, 0xb4, "f32.convert_i64_s", i64, f32, (float)(int64_t)a)                \
    UN(F32_CONVERT_I64_U, 0xb5, "f32.convert_i64_u", i64, f32, (float)a)                         \
    UN(F32_DEMOTE_F64, 0xb6, "f32.demote_f64", f64, f32, (float)a)                               \
    UN(F64_CONVERT_I32_S, 0xb7, "f64.convert_i32_s", i32, f64, (double)(int32_t)a)               \
    UN(F64_CONVERT_I32_U, 0xb8, "f64.convert_i32_u", i32, f64, (double)a)                        \
    UN(F64_CONVERT_I64_S, 0xb9, "f64.convert_i64_s", i64, f64, (double)(int64_t)a)               \
    UN(F64_CONVERT_I64_U, 0xba, "f64.convert_i64_u", i64, f64, (double)a)                        \
    UN(F64_PROMOTE_F32, 0xbb, "f64.promote_f32", f32, f64, (double)a)                            \
    UN(I32_REINTERPRET_F32, 0xbc, "i32.reinterpret_f32", f32b, i32, a)                           \
    UN(I64_REINTERPRET_F64, 0xbd, "i64.reinterpret_f64", f64b, i64, a)                           \
    UN(F32_REINTERPRET_I32, 0xbe, "f32.reinterpret_i32", i32, f32b, a)                           \
    UN(F64_REINTERPRET_I64, 0xbf, "f64.reinterpret_i64", i64, f64b, a)                           \
    UN(I32_EXTEND8_S, 0xc0, "i32.extend8_s", i32, i32, (uint32_t)(int32_t)(int8_t)a)             \
    UN(I32_EXTEND16_S, 0xc1, "i32.extend16_s", i32, i32, (uint32_t)(int32_t)(int16_t)a)          \
    UN(I64_EXTEND8_S, 0xc2, "i64.extend8_s", i64, i64, (uint64_t)(int64_t)(int8_t)a)             \
    UN(I64_EXTEND16_S, 0xc3, "i64.extend16_s", i64, i64, (uint64_t)(int64_t)(int16_t)a)          \
    UN(I64_EXTEND32_S, 0xc4, "i64.extend32_s", i64, i64, (uint64_t)(int64_t)(int32_t)a)          \
    S(REF_NULL, 0xd0, "ref.null")                                                                \
    S(REF_IS_NULL, 0xd1, "ref.is_null")                                                          \
    S(REF_FUNC, 0xd2, "ref.func")                                                                \
    UN(I32_TRUNC_SAT_F32_S, 0xfc00, "i32.trunc_sat_f32_s", f32, i32, cw_sat_i32(a))              \
    UN(I32_TRUNC_SAT_F32_U, 0xfc01, "i32.trunc_sat_f32_u", f32, i32, cw_sat_u32(a))              \
    UN(I32_TRUNC_SAT_F64_S, 0xfc02, "i32.trunc_sat_f64_s", f64, i32, cw_sat_i32(a))              \
    UN(I32_TRUNC_SAT_F64_U, 0xfc03, "i32.trunc_sat_f64_u", f64, i32, cw_sat_u32(a))              \
    UN(I64_TRUNC_SAT_F32_S, 0xfc04, "i64.trunc_sat_f32_s", f32, i64, cw_sat_i64(a))              \
    UN(I64_TRUNC_SAT_F32_U, 0xfc05, "i64.trunc_sat_f32_u", f32, i64, cw_sat_u64(a))              \
    UN(I64_TRUNC_SAT_F64_S, 0xfc06, "i64.trunc_sat_f64_s", f64, i64, cw_sat_i64(a))              \
    UN(I64_TRUNC_SAT_F64_U, 0xfc07, "i64.trunc_sat_f64_u", f64, i64, cw_sat_u64(a))              \
    S(MEMORY_INIT, 0xfc08, "memory.init")                                                        \
    S(DATA_DROP, 0xfc09, "data.drop")                                                            \
    S(MEMORY_COPY, 0xfc0a, "memory.copy")                                                        \
    S(MEMORY_FILL, 0xfc0b, "memory.fill")                                                        \
    S(TABLE_INIT, 0xfc0c, "table.init")                                                          \
    S(ELEM_DROP, 0xfc0d, "elem.drop")                                                            \
    S(TABLE_COPY, 0xfc0e, "table.copy")                                                          \
    S(TABLE_GROW, 0xfc0f, "table.grow")                                                          \
    S(TABLE_SIZE, 0xfc10, "table.size")                                                          \
    S(TABLE_FILL, 0xfc11, "table.fill")                                                          \
    /* internal: branches whose values need no move, and the moving form of br_if */           \
    S(JMP, CW_NOCODE, "br")                                                                      \
    S(JMP_IF, CW_NOCODE, "br_if")                                                                \
    S(JMP_UNLESS, CW_NOCODE, "if")                                                               \
    S(BR_IF_MOVE, CW_NOCODE, "br_if")                                                            \
    /* internal: local.set of a folded local.get or constant */                                  \
    S(LOCAL_COPY, CW_NOCODE, "local.set")                                                        \
    S(LOCAL_SET_K, CW_NOCODE, "local.set")                                                       \
    /* internal: two folded local.gets pushed at once; a branch on a folded local.get */         \
    S(LOCAL_GET2, CW_NOCODE, "local.get")                                                        \
    S(JMP_IF_L, CW_NOCODE, "br_if")                                                              \
    S(JMP_UNLESS_L, CW_NOCODE, "if")                                                             \
    CW_OPCODES_SIMD(S, S, S, S, S, S, S, S, S, S, S, S, S)

/* Fused forms of BIN ops take operands from locals (L) or an immediate constant (K) instead of the
 * stack (R), and may write the result to a local (TO) or decide a jump (JIF: jump if non-zero):
 * the compiler folds `local.get`, `*.const`, `local.set` and `br_if`/`if` into the op (validate.c).
 * A BIN op's class C says which forms it has:
 *   F  (arithmetic) RK RL LL LK, and RR RK RL LL LK writing a local (_TO)
 *   C  (comparison) RK RL LL LK, and RK LL LK deciding a jump; a jump on zero takes the inverse
 *      comparison's form (integers only: with NaN, !(a < b) is not a >= b)
 *   N  none
 * Only the ops programs use most have forms: V8 optimises the interpreter loop with its full register
 * allocator only while the function stays under ~42 KB of wasm, and falls back to one that makes
 * chiwawa.wasm ~30% slower past that (tests/loop_size.sh keeps it under). Order matters: the
 * compiler adds a CW_FORM_* to the op's first form. */
enum { CW_FORM_RK, CW_FORM_RL, CW_FORM_LL, CW_FORM_LK, CW_FORM_RR_TO, CW_FORM_RK_TO, CW_FORM_RL_TO,
       CW_FORM_LL_TO, CW_FORM_LK_TO };
enum { CW_FORM_RK_JIF = CW_FORM_LK + 1, CW_FORM_LL_JIF, CW_FORM_LK_JIF };
#define CW_FORMS_F(F, ...)                                                                             \
    F(RK, __VA_ARGS__) F(RL, __VA_ARGS__) F(LL, __VA_ARGS__) F(LK, __VA_ARGS__) F(RR_TO, __VA_ARGS__) \
    F(RK_TO, __VA_ARGS__) F(RL_TO, __VA_ARGS__) F(LL_TO, __VA_ARGS__) F(LK_TO, __VA_ARGS__)
#define CW_FORMS_C(F, ...)                                                                             \
    F(RK, __VA_ARGS__) F(RL, __VA_ARGS__) F(LL, __VA_ARGS__) F(LK, __VA_ARGS__) F(RK_JIF, __VA_ARGS__) \
    F(LL_JIF, __VA_ARGS__) F(LK_JIF, __VA_ARGS__)
#define CW_FORMS_N(F, ...)
/* Every load also has forms that take its address from a local (L) or a local plus a constant (LK,
 * fusing `local.get` `i32.const` `i32.add`), and may write the value to a local (TO). Words: the
 * address operands, the offset, then the local written. Order matters as for CW_FORM_*. */
enum { CW_LFORM_L, CW_LFORM_LK, CW_LFORM_R_TO, CW_LFORM_L_TO, CW_LFORM_LK_TO };
#define CW_LOAD_FORMS(F, ...) F(L, __VA_ARGS__) F(LK, __VA_ARGS__) F(R_TO, __VA_ARGS__) F(L_TO, __VA_ARGS__) F(LK_TO, __VA_ARGS__)

/* Every op, in enum order, as CW_EACH_OP(NAME): the Wasm ones, then the forms the compiler adds
 * (fused forms of BIN ops, forms of loads). Define CW_EACH_OP before using it. */
#define CW_EACH_WASM_OP(ID, ...) CW_EACH_OP(ID)
#define CW_EACH_FORM(FORM, ID) CW_EACH_OP(ID##_##FORM)
#define CW_EACH_FUSED(ID, code, name, P, R, C, ...) CW_FORMS_##C(CW_EACH_FORM, ID)
#define CW_EACH_LOAD(ID, ...) CW_LOAD_FORMS(CW_EACH_FORM, ID)
#define CW_EACH_NONE(ID, ...)
#define CW_ALL_OPS                                                                                            \
    CW_OPCODES(CW_EACH_WASM_OP, CW_EACH_WASM_OP, CW_EACH_WASM_OP, CW_EACH_WASM_OP, CW_EACH_WASM_OP,            \
               CW_EACH_WASM_OP, CW_EACH_WASM_OP)                                                              \
    CW_OPCODES(CW_EACH_NONE, CW_EACH_NONE, CW_EACH_FUSED, CW_EACH_NONE, CW_EACH_NONE, CW_EACH_LOAD,           \
               CW_EACH_NONE)

enum cw_op {
#define CW_EACH_OP(ID) CW_OP_##ID,
    CW_ALL_OPS
#undef CW_EACH_OP
    CW_OP_COUNT
};

/* Binary code and name of each op, for the decoder and for traces. */
typedef struct cw_opinfo {
    uint32_t code;
    const char *name;
} cw_opinfo;
extern const cw_opinfo cw_ops[CW_OP_COUNT];
/* The op for a binary code (a byte, or 0xFC00|sub, 0xFD00|sub), or -1. */
int cw_op_from_code(uint32_t code);
struct cw_reader;
/* Reads an instruction's binary code: a byte, or prefix << 8 | sub for the 0xFC and 0xFD
 * prefixes (CW_NOCODE when sub names no instruction). */
uint32_t cw_rd_opcode(struct cw_reader *r);

#endif
