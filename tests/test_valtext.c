/* Unit tests for the value text syntax (src/valtext.c): exact parsing, exact printing, round trips,
 * and error messages that name the bad token. Runs natively and as wasm under Node.js. */
#include "valtext.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

#define CHECK(cond, ...)                                                                                       \
    do {                                                                                                       \
        if (!(cond)) {                                                                                         \
            failures++;                                                                                        \
            fprintf(stderr, "%s:%d: ", __FILE__, __LINE__);                                                    \
            fprintf(stderr, __VA_ARGS__);                                                                      \
            fputc('\n', stderr);                                                                               \
        }                                                                                                      \
    } while (0)

static uint64_t bits_of(const cw_value *v) {
    switch (v->type) {
    case CW_I32:
        return v->of.i32;
    case CW_F32:
        return v->of.f32;
    default:
        return v->of.i64;
    }
}

/* Parses one value, checks its type and bits, and that it prints as `printed`. */
static void check_value(const char *text, uint8_t type, uint64_t bits, const char *printed) {
    cw_value *v;
    uint32_t n;
    char err[256], out[VALTEXT_MAX];
    if (!valtext_parse_list(text, &v, &n, err, sizeof err)) {
        CHECK(0, "%s: unexpected error: %s", text, err);
        return;
    }
    CHECK(n == 1, "%s: %" PRIu32 " values", text, n);
    CHECK(v[0].type == type, "%s: type %s", text, valtext_type_name(v[0].type));
    CHECK(bits_of(&v[0]) == bits, "%s: bits 0x%" PRIx64 ", expected 0x%" PRIx64, text, bits_of(&v[0]), bits);
    valtext_format(&v[0], out, sizeof out);
    CHECK(strcmp(out, printed) == 0, "%s: printed %s, expected %s", text, out, printed);
    free(v);
}

static void test_values(void) {
    check_value("I32(0)", CW_I32, 0, "I32(0)");
    check_value("I32(-1)", CW_I32, 0xffffffff, "I32(-1)");
    check_value("I32(0xffffffff)", CW_I32, 0xffffffff, "I32(-1)");
    check_value("I32(4294967295)", CW_I32, 0xffffffff, "I32(-1)");
    check_value("I32(2147483647)", CW_I32, 0x7fffffff, "I32(2147483647)");
    check_value("I32(-2147483648)", CW_I32, 0x80000000, "I32(-2147483648)");
    check_value("I32(-0x80000000)", CW_I32, 0x80000000, "I32(-2147483648)");
    check_value("I32(+7)", CW_I32, 7, "I32(7)");
    check_value("I64(832040)", CW_I64, 832040, "I64(832040)");
    check_value("I64(-2)", CW_I64, UINT64_MAX - 1, "I64(-2)");
    check_value("I64(18446744073709551615)", CW_I64, UINT64_MAX, "I64(-1)");
    check_value("I64(-9223372036854775808)", CW_I64, UINT64_C(1) << 63, "I64(-9223372036854775808)");
    check_value("I64(0x7fffffffffffffff)", CW_I64, INT64_MAX, "I64(9223372036854775807)");

    check_value("F32(1.5)", CW_F32, 0x3fc00000, "F32(1.5)");
    check_value("F32(-0)", CW_F32, 0x80000000, "F32(-0)");
    check_value("F32(0.1)", CW_F32, 0x3dcccccd, "F32(0.1)");
    check_value("F32(0x1p-149)", CW_F32, 1, "F32(1e-45)"); /* smallest subnormal */
    check_value("F32(1e-45)", CW_F32, 1, "F32(1e-45)");
    check_value("F32(0x1.fffffep+127)", CW_F32, 0x7f7fffff, "F32(3.4028235e+38)");
    check_value("F32(16777217)", CW_F32, 0x4b800000, "F32(16777216)"); /* ties to even */
    /* 1 + 2^-24 + 2^-53: through double this rounds twice, down to 1; correctly it is 1 + 2^-23. */
    check_value("F32(1.00000005960464488641292746251565404236316680908203125)", CW_F32, 0x3f800001,
                "F32(1.0000001)");
    check_value("F32(inf)", CW_F32, 0x7f800000, "F32(inf)");
    check_value("F32(-inf)", CW_F32, 0xff800000, "F32(-inf)");
    check_value("F32(nan)", CW_F32, 0x7fc00000, "F32(nan:0x400000)");
    check_value("F32(-nan)", CW_F32, 0xffc00000, "F32(-nan:0x400000)");
    check_value("F32(nan:0x200000)", CW_F32, 0x7fa00000, "F32(nan:0x200000)");
    check_value("F32(-nan:0x1)", CW_F32, 0xff800001, "F32(-nan:0x1)");
    check_value("F32(nan:0x7fffff)", CW_F32, 0x7fffffff, "F32(nan:0x7fffff)");

    check_value("F64(0x1.8p+3)", CW_F64, 0x4028000000000000, "F64(12)");
    check_value("F64(-0)", CW_F64, UINT64_C(1) << 63, "F64(-0)");
    check_value("F64(0.1)", CW_F64, 0x3fb999999999999a, "F64(0.1)");
    check_value("F64(4.9406564584124654e-324)", CW_F64, 1, "F64(5e-324)");
    check_value("F64(2.2250738585072014e-308)", CW_F64, 0x0010000000000000, "F64(2.2250738585072014e-308)");
    check_value("F64(0x1.fffffffffffffp+1023)", CW_F64, 0x7fefffffffffffff, "F64(1.7976931348623157e+308)");
    check_value("F64(-inf)", CW_F64, 0xfff0000000000000, "F64(-inf)");
    check_value("F64(nan)", CW_F64, 0x7ff8000000000000, "F64(nan:0x8000000000000)");
    check_value("F64(-nan)", CW_F64, 0xfff8000000000000, "F64(-nan:0x8000000000000)");
    check_value("F64(-nan:0xfffffffffffff)", CW_F64, UINT64_MAX, "F64(-nan:0xfffffffffffff)");
    check_value("F64(nan:0x1)", CW_F64, 0x7ff0000000000001, "F64(nan:0x1)");

    check_value("FuncRef(null)", CW_FUNCREF, 0, "FuncRef(null)");
    check_value("ExternRef( null )", CW_EXTERNREF, 0, "ExternRef(null)");
}

/* Parses one V128, checks how it prints, and that the printed text parses back to the same bytes. */
static void check_v128(const char *text, const char *printed) {
    cw_value *v, *back;
    uint32_t n;
    char err[256], out[VALTEXT_MAX];
    if (!valtext_parse_list(text, &v, &n, err, sizeof err)) {
        CHECK(0, "%s: unexpected error: %s", text, err);
        return;
    }
    CHECK(n == 1 && v[0].type == CW_V128, "%s: not one V128", text);
    valtext_format(&v[0], out, sizeof out);
    CHECK(strcmp(out, printed) == 0, "%s: printed %s, expected %s", text, out, printed);
    if (valtext_parse_list(out, &back, &n, err, sizeof err)) {
        CHECK(memcmp(back[0].of.v128, v[0].of.v128, 16) == 0, "%s: %s reads back differently", text, out);
        free(back);
    } else {
        CHECK(0, "%s: printed %s does not parse: %s", text, out, err);
    }
    free(v);
}

static void test_v128(void) {
    check_v128("V128(i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 -1)", "V128(0xff0e0d0c0b0a09080706050403020100)");
    check_v128("V128(i16x8 1 2 3 4 5 6 7 -32768)", "V128(0x80000007000600050004000300020001)");
    check_v128("V128( i32x4\t1 2  3 0xffffffff )", "V128(0xffffffff000000030000000200000001)");
    check_v128("V128(i64x2 -1 0x0123456789abcdef)", "V128(0x0123456789abcdefffffffffffffffff)");
    check_v128("V128(f32x4 1.5 -0 inf nan)", "V128(0x7fc000007f800000800000003fc00000)");
    check_v128("V128(f64x2 1 -nan:0x1)", "V128(0xfff00000000000013ff0000000000000)");
    check_v128("V128(0x0123456789ABCDEF0011223344556677)", "V128(0x0123456789abcdef0011223344556677)");
}

static void test_lists(void) {
    cw_value *v;
    uint32_t n;
    char err[256], out[VALTEXT_MAX];
    const char *text = "  I32( 7 ) ,\tF32( -1.5 ),I64(-2),  V128(i32x4 1 -1 0x10 2147483648)  ";
    CHECK(valtext_parse_list(text, &v, &n, err, sizeof err), "%s", err);
    CHECK(n == 4, "list of %" PRIu32, n);
    if (n == 4) {
        CHECK(v[0].type == CW_I32 && v[0].of.i32 == 7, "first");
        CHECK(v[1].type == CW_F32 && v[1].of.f32 == 0xbfc00000, "second");
        CHECK(v[2].type == CW_I64 && v[2].of.i64 == UINT64_MAX - 1, "third");
        valtext_format(&v[3], out, sizeof out);
        CHECK(strcmp(out, "V128(0x8000000000000010ffffffff00000001)") == 0, "v128: %s", out);
    }
    free(v);
    CHECK(valtext_parse_list("", &v, &n, err, sizeof err) && n == 0, "empty list");
    free(v);
    CHECK(valtext_parse_list(" \t ", &v, &n, err, sizeof err) && n == 0, "blank list");
    free(v);

    cw_value ext = {.type = CW_EXTERNREF, .of.ref = &n};
    CHECK(strcmp(valtext_format(&ext, out, sizeof out), "ExternRef(opaque)") == 0, "externref: %s", out);
}

/* The message must name the bad token and say what is wrong with it. */
static void check_error(const char *text, const char *token, const char *problem) {
    cw_value *v;
    uint32_t n;
    char err[256];
    if (valtext_parse_list(text, &v, &n, err, sizeof err)) {
        CHECK(0, "%s: parsed, expected an error", text);
        free(v);
        return;
    }
    CHECK(strstr(err, token) && strstr(err, problem), "%s: message '%s' lacks '%s' or '%s'", text, err, token,
          problem);
    CHECK(!strchr(err, '\n'), "%s: message is not one line", text);
}

static void test_errors(void) {
    check_error("I32(4294967296)", "'I32(4294967296)'", "out of range for I32");
    check_error("I32(-2147483649)", "'I32(-2147483649)'", "out of range for I32");
    check_error("I64(18446744073709551616)", "'I64(18446744073709551616)'", "out of range for I64");
    check_error("I64(-9223372036854775809)", "'I64(-9223372036854775809)'", "out of range for I64");
    check_error("I32(1), I33(1)", "'I33(1)'", "unknown type");
    check_error("i32(1)", "'i32(1)'", "unknown type");
    check_error("I32(1.5)", "'I32(1.5)'", "not an integer");
    check_error("I32()", "'I32()'", "not an integer");
    check_error("I32(0x)", "'I32(0x)'", "not an integer");
    check_error("I32(--1)", "'I32(--1)'", "not an integer");
    check_error("F32(1e39)", "'F32(1e39)'", "out of range for F32");
    check_error("F64(1e309)", "'F64(1e309)'", "out of range for F64");
    check_error("F32(nan:0x800000)", "'F32(nan:0x800000)'", "NaN payload");
    check_error("F32(nan:0x0)", "'F32(nan:0x0)'", "NaN payload");
    check_error("F64(nan:0x10000000000000)", "'F64(nan:0x10000000000000)'", "NaN payload");
    check_error("F32(abc)", "'F32(abc)'", "not a number");
    check_error("F64(infinity)", "'F64(infinity)'", "not a number");
    check_error("F64(1.5x)", "'F64(1.5x)'", "not a number");
    check_error("F64(--1)", "'F64(--1)'", "not a number");
    check_error("I32(1) I32(2)", "'I32(1)'", "expected ','");
    check_error("I32(1),", "','", "missing value");
    check_error("I32 1, I32(2)", "'I32 1'", "expected TYPE(VALUE)");
    check_error("I32(1", "'I32(1'", "expected TYPE(VALUE)");
    check_error("FuncRef(3)", "'FuncRef(3)'", "null");
    check_error("V128(i32x4 1 2 3)", "'V128(i32x4 1 2 3)'", "wrong number of lanes");
    check_error("V128(i64x2 1 2 3)", "'V128(i64x2 1 2 3)'", "wrong number of lanes");
    check_error("V128(i8x16 256 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0)", "'V128(i8x16 256", "out of range for the lane");
    check_error("V128(f32x4 1 2 3 x)", "'V128(f32x4 1 2 3 x)'", "not a number");
    check_error("V128(0x123)", "'V128(0x123)'", "32 hex digits");
    check_error("V128(u8x16 1)", "'V128(u8x16 1)'", "shape");
}

/* print -> parse must give back the same bits, for every kind of float. */
static void check_round_trip(uint8_t type, uint64_t bits) {
    cw_value v = {.type = type}, *back;
    uint32_t n;
    char text[VALTEXT_MAX], err[256];
    if (type == CW_F32)
        v.of.f32 = (uint32_t)bits;
    else
        v.of.f64 = bits;
    valtext_format(&v, text, sizeof text);
    if (!valtext_parse_list(text, &back, &n, err, sizeof err)) {
        CHECK(0, "0x%" PRIx64 " printed as %s, which does not parse: %s", bits, text, err);
        return;
    }
    CHECK(n == 1 && back[0].type == type && bits_of(&back[0]) == bits_of(&v), "0x%" PRIx64 " -> %s -> 0x%" PRIx64,
          bits, text, bits_of(&back[0]));
    free(back);
}

static void test_round_trips(void) {
    static const uint32_t f32_edges[] = {0, 0x80000000, 1, 0x80000001, 0x007fffff, 0x00800000, 0x7f7fffff,
                                         0x7f800000, 0xff800000, 0x7fc00000, 0x7f800001, 0xffffffff, 0x3f800001,
                                         0x3eaaaaab};
    static const uint64_t f64_edges[] = {0, UINT64_C(1) << 63, 1, 0x000fffffffffffff, 0x0010000000000000,
                                         0x7fefffffffffffff, 0x7ff0000000000000, 0x7ff8000000000000,
                                         0x7ff0000000000001, UINT64_MAX, 0x3fd5555555555555};
    for (size_t i = 0; i < sizeof f32_edges / sizeof f32_edges[0]; i++)
        check_round_trip(CW_F32, f32_edges[i]);
    for (size_t i = 0; i < sizeof f64_edges / sizeof f64_edges[0]; i++)
        check_round_trip(CW_F64, f64_edges[i]);
    /* Random bit patterns cover normals, subnormals and NaNs alike (fixed seed: reproducible). */
    uint64_t x = 0x9e3779b97f4a7c15;
    for (int i = 0; i < 20000 && !failures; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17; /* xorshift64 */
        check_round_trip(CW_F32, x >> 32);
        check_round_trip(CW_F64, x);
    }
}

static void test_check_params(void) {
    static const uint8_t params[] = {CW_I64, CW_F32};
    cw_functype type = {.nparams = 2, .params = params};
    cw_value ok[2] = {{.type = CW_I64}, {.type = CW_F32}}, bad[2] = {{.type = CW_I64}, {.type = CW_I32}};
    char err[256];
    CHECK(valtext_check_params(&type, ok, 2, err, sizeof err), "matching params rejected: %s", err);
    CHECK(!valtext_check_params(&type, ok, 1, err, sizeof err) &&
              strcmp(err, "expected 2 parameters (I64, F32), got 1") == 0,
          "count message: %s", err);
    CHECK(!valtext_check_params(&type, bad, 2, err, sizeof err) && strcmp(err, "parameter 2 is I32, expected F32") == 0,
          "type message: %s", err);
    cw_functype none = {0};
    CHECK(!valtext_check_params(&none, ok, 1, err, sizeof err) && strcmp(err, "expected 0 parameters (), got 1") == 0,
          "no-params message: %s", err);
}

int main(void) {
    test_values();
    test_lists();
    test_v128();
    test_errors();
    test_round_trips();
    test_check_params();
    if (failures)
        fprintf(stderr, "%d check(s) failed\n", failures);
    else
        printf("valtext: all checks passed\n");
    return failures != 0;
}
