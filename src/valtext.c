/* The text form of Wasm values: see valtext.h. */
#include "valtext.h"

#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    uint8_t type;
    const char *name;
} type_names[] = {
    {CW_I32, "I32"},   {CW_I64, "I64"},         {CW_F32, "F32"},          {CW_F64, "F64"},
    {CW_V128, "V128"}, {CW_FUNCREF, "FuncRef"}, {CW_EXTERNREF, "ExternRef"},
};
#define NTYPES (sizeof type_names / sizeof type_names[0])

const char *valtext_type_name(uint8_t type) {
    for (size_t i = 0; i < NTYPES; i++)
        if (type_names[i].type == type)
            return type_names[i].name;
    return "?";
}

static const char NOT_A_NUMBER[] = "not a number", TOO_BIG[] = "out of range";

/* IEEE 754 binary32 and binary64, described so that one code path serves both. */
typedef struct float_layout {
    unsigned bits, mant_bits, max_digits; /* max_digits: %.*g precision that always round-trips */
    const char *out_of_range, *bad_payload;
} float_layout;
static const float_layout F32_LAYOUT = {32, 23, 9, "out of range for F32", "NaN payload must be 0x1 to 0x7fffff"};
static const float_layout F64_LAYOUT = {64, 52, 17, "out of range for F64",
                                        "NaN payload must be 0x1 to 0xfffffffffffff"};

static uint64_t exp_field(const float_layout *l) { /* the exponent field, all ones */
    return ((UINT64_C(1) << (l->bits - 1 - l->mant_bits)) - 1) << l->mant_bits;
}

/* Reads a finite decimal or hex float, rounding once and directly to the target width: strtof for F32,
 * because going through double would round twice. */
static const char *read_finite(const char *s, const float_layout *l, uint64_t *bits) {
    char *end;
    bool inf;
    if (l->bits == 32) {
        float f = strtof(s, &end);
        uint32_t u;
        memcpy(&u, &f, sizeof u);
        *bits = u;
        inf = isinf(f);
    } else {
        double d = strtod(s, &end);
        memcpy(bits, &d, sizeof d);
        inf = isinf(d);
    }
    if (end == s || *end)
        return NOT_A_NUMBER;
    return inf ? l->out_of_range : NULL;
}

static void format_float(uint64_t bits, const float_layout *l, char *buf, size_t size) {
    uint64_t mant = bits & ((UINT64_C(1) << l->mant_bits) - 1);
    const char *sign = bits >> (l->bits - 1) ? "-" : "";
    if ((bits & exp_field(l)) == exp_field(l)) {
        if (mant)
            snprintf(buf, size, "%snan:0x%" PRIx64, sign, mant);
        else
            snprintf(buf, size, "%sinf", sign);
        return;
    }
    double value;
    if (l->bits == 32) {
        uint32_t u = (uint32_t)bits;
        float f;
        memcpy(&f, &u, sizeof f);
        value = f;
    } else {
        memcpy(&value, &bits, sizeof value);
    }
    /* The fewest digits that read back to the same bits; max_digits always does. */
    for (unsigned digits = 1;; digits++) {
        uint64_t back;
        snprintf(buf, size, "%.*g", (int)digits, value);
        if (digits == l->max_digits || (!read_finite(buf, l, &back) && back == bits))
            return;
    }
}

char *valtext_format(const cw_value *v, char *buf, size_t size) {
    char num[VALTEXT_MAX];
    switch (v->type) {
    case CW_I32:
        snprintf(buf, size, "I32(%" PRId32 ")", (int32_t)v->of.i32);
        break;
    case CW_I64:
        snprintf(buf, size, "I64(%" PRId64 ")", (int64_t)v->of.i64);
        break;
    case CW_F32:
        format_float(v->of.f32, &F32_LAYOUT, num, sizeof num);
        snprintf(buf, size, "F32(%s)", num);
        break;
    case CW_F64:
        format_float(v->of.f64, &F64_LAYOUT, num, sizeof num);
        snprintf(buf, size, "F64(%s)", num);
        break;
    case CW_V128: /* one 128-bit number, most significant digit first: byte 15 down to byte 0 */
        for (int i = 0; i < 16; i++)
            snprintf(num + 2 * i, sizeof num - 2 * (size_t)i, "%02x", v->of.v128[15 - i]);
        snprintf(buf, size, "V128(0x%s)", num);
        break;
    case CW_FUNCREF:
    case CW_EXTERNREF:
        /* A non-null reference is an address: printing it would make output differ between runs. */
        snprintf(buf, size, "%s(%s)", valtext_type_name(v->type), v->of.ref ? "opaque" : "null");
        break;
    default:
        snprintf(buf, size, "?(type 0x%02x)", v->type);
    }
    return buf;
}

/* ---- parsing ---- */

static char *skip_space(char *s) {
    while (isspace((unsigned char)*s))
        s++;
    return s;
}

static char *trim(char *s) {
    s = skip_space(s);
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    return s;
}

static const char *parse_digits(const char *s, unsigned base, uint64_t *out) {
    uint64_t v = 0;
    if (!*s)
        return NOT_A_NUMBER;
    for (; *s; s++) {
        unsigned d = isdigit((unsigned char)*s)   ? (unsigned)(*s - '0')
                     : isxdigit((unsigned char)*s) ? (unsigned)(tolower((unsigned char)*s) - 'a' + 10)
                                                   : base;
        if (d >= base)
            return NOT_A_NUMBER;
        if (v > (UINT64_MAX - d) / base)
            return TOO_BIG;
        v = v * base + d;
    }
    *out = v;
    return NULL;
}

/* Signed or unsigned decimal, or 0x hex (optionally negated), within `bits`; the result is the
 * two's-complement bit pattern. */
static const char *parse_int(const char *s, unsigned bits, const char *range, uint64_t *out) {
    bool neg = *s == '-';
    if (*s == '-' || *s == '+')
        s++;
    unsigned base = 10;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        s += 2;
    }
    uint64_t mag;
    const char *problem = parse_digits(s, base, &mag);
    if (problem)
        return problem == TOO_BIG ? range : "not an integer";
    uint64_t max = neg ? UINT64_C(1) << (bits - 1) : bits == 64 ? UINT64_MAX : (UINT64_C(1) << bits) - 1;
    if (mag > max)
        return range;
    *out = neg ? 0 - mag : mag;
    return NULL;
}

static const char *parse_float(const char *s, const float_layout *l, uint64_t *bits) {
    const char *body = s + (*s == '-' || *s == '+');
    uint64_t sign = (uint64_t)(*s == '-') << (l->bits - 1);
    uint64_t mant_mask = (UINT64_C(1) << l->mant_bits) - 1;
    if (strcmp(body, "inf") == 0) {
        *bits = sign | exp_field(l);
        return NULL;
    }
    if (strcmp(body, "nan") == 0) { /* the canonical NaN: only the top payload bit set */
        *bits = sign | exp_field(l) | UINT64_C(1) << (l->mant_bits - 1);
        return NULL;
    }
    if (strncmp(body, "nan:0x", 6) == 0) {
        uint64_t payload;
        if (parse_digits(body + 6, 16, &payload) || payload == 0 || payload > mant_mask)
            return l->bad_payload;
        *bits = sign | exp_field(l) | payload;
        return NULL;
    }
    /* The C library would also take "infinity", "nan(...)" and a second sign. */
    if (!isdigit((unsigned char)body[0]) && body[0] != '.')
        return NOT_A_NUMBER;
    return read_finite(s, l, bits);
}

/* The lane shapes of V128(SHAPE LANE...); float lanes take the F32/F64 syntax. */
static const struct {
    const char *name;
    unsigned bits;
    const float_layout *f;
} SHAPES[] = {
    {"i8x16", 8, NULL},  {"i16x8", 16, NULL},        {"i32x4", 32, NULL},
    {"i64x2", 64, NULL}, {"f32x4", 32, &F32_LAYOUT}, {"f64x2", 64, &F64_LAYOUT},
};
static const char WRONG_LANE_COUNT[] = "wrong number of lanes (i8x16: 16, i16x8: 8, i32x4 f32x4: 4, i64x2 f64x2: 2)";

/* 0x and 32 hex digits (as printed), or a shape and its lanes, lane 0 first. */
static const char *parse_v128(char *s, uint8_t bytes[16]) {
    const char *syntax = "expected 0x and 32 hex digits, or a shape (i8x16 i16x8 i32x4 i64x2 f32x4 f64x2) and lanes";
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        if (strlen(s + 2) != 32)
            return syntax;
        for (int i = 0; i < 16; i++) {
            char pair[3] = {s[2 + 2 * i], s[3 + 2 * i], 0};
            uint64_t byte;
            if (parse_digits(pair, 16, &byte))
                return syntax;
            bytes[15 - i] = (uint8_t)byte;
        }
        return NULL;
    }
    size_t k = 0, nshapes = sizeof SHAPES / sizeof SHAPES[0], name_len = strcspn(s, " \t\n\r\f\v");
    while (k < nshapes && !(strlen(SHAPES[k].name) == name_len && strncmp(s, SHAPES[k].name, name_len) == 0))
        k++;
    if (k == nshapes)
        return syntax;
    unsigned bits = SHAPES[k].bits;
    s += name_len;
    for (unsigned lane = 0; lane < 128 / bits; lane++) {
        if (!isspace((unsigned char)*s))
            return WRONG_LANE_COUNT;
        s = skip_space(s);
        char *end = s;
        while (*end && !isspace((unsigned char)*end))
            end++;
        char saved = *end;
        *end = '\0';
        uint64_t u;
        const char *problem = SHAPES[k].f ? parse_float(s, SHAPES[k].f, &u)
                                          : parse_int(s, bits, "out of range for the lane", &u);
        *end = saved;
        if (problem)
            return problem;
        for (unsigned i = 0; i < bits / 8; i++)
            bytes[lane * bits / 8 + i] = (uint8_t)(u >> 8 * i);
        s = end;
    }
    return *s ? WRONG_LANE_COUNT : NULL;
}

/* Parses the text inside TYPE( ... ), already trimmed. */
static const char *parse_value(uint8_t type, char *arg, cw_value *out) {
    uint64_t bits = 0;
    const char *problem;
    memset(out, 0, sizeof *out);
    out->type = type;
    switch (type) {
    case CW_I32:
        problem = parse_int(arg, 32, "out of range for I32", &bits);
        out->of.i32 = (uint32_t)bits;
        return problem;
    case CW_I64:
        problem = parse_int(arg, 64, "out of range for I64", &bits);
        out->of.i64 = bits;
        return problem;
    case CW_F32:
        problem = parse_float(arg, &F32_LAYOUT, &bits);
        out->of.f32 = (uint32_t)bits;
        return problem;
    case CW_F64:
        problem = parse_float(arg, &F64_LAYOUT, &bits);
        out->of.f64 = bits;
        return problem;
    case CW_V128:
        return parse_v128(arg, out->of.v128);
    default: /* references */
        return strcmp(arg, "null") == 0 ? NULL : "only null references can be written as text";
    }
}

static bool lookup_type(const char *name, size_t len, uint8_t *type) {
    for (size_t i = 0; i < NTYPES; i++)
        if (strlen(type_names[i].name) == len && memcmp(type_names[i].name, name, len) == 0) {
            *type = type_names[i].type;
            return true;
        }
    return false;
}

/* The token to name in an error: TYPE(...) if it has its ')', else up to the next ',' or the end. */
static int token_length(const char *start, const char *close) {
    const char *end = close ? close + 1 : start + strcspn(start, ",");
    while (end > start && isspace((unsigned char)end[-1]))
        end--;
    return (int)(end - start);
}

bool valtext_parse_list(const char *text, cw_value **values, uint32_t *count, char *err, size_t errsize) {
    /* Work on a copy: values are cut out of it in place. Offsets into it are offsets into text, which
     * error messages quote. */
    size_t len = strlen(text), commas = 0;
    for (const char *c = text; *c; c++)
        commas += *c == ',';
    char *copy = malloc(len + 1);
    cw_value *vals = malloc((commas + 1) * sizeof *vals);
    if (!copy || !vals) {
        free(copy);
        free(vals);
        snprintf(err, errsize, "out of memory");
        return false;
    }
    memcpy(copy, text, len + 1);

    uint32_t n = 0;
    char *p = skip_space(copy);
    while (*p) {
        char *start = p, *name_end = p;
        while (isalnum((unsigned char)*name_end))
            name_end++;
        char *open = skip_space(name_end);
        char *close = *open == '(' ? strchr(open, ')') : NULL;
        const char *quoted = text + (start - copy), *problem;
        int quoted_len = token_length(quoted, close ? text + (close - copy) : NULL);
        uint8_t type;
        if (!close) {
            problem = "expected TYPE(VALUE), e.g. I32(1)";
        } else if (!lookup_type(start, (size_t)(name_end - start), &type)) {
            problem = "unknown type (I32, I64, F32, F64, V128, FuncRef or ExternRef)";
        } else {
            *close = '\0';
            problem = parse_value(type, trim(open + 1), &vals[n]);
        }
        if (problem) {
            snprintf(err, errsize, "bad value '%.*s': %s", quoted_len, quoted, problem);
            goto fail;
        }
        n++;
        p = skip_space(close + 1);
        if (*p == ',') {
            p = skip_space(p + 1);
            if (!*p) {
                snprintf(err, errsize, "missing value after the last ','");
                goto fail;
            }
        } else if (*p) {
            snprintf(err, errsize, "expected ',' after '%.*s'", quoted_len, quoted);
            goto fail;
        }
    }
    free(copy);
    *values = vals;
    *count = n;
    return true;
fail:
    free(copy);
    free(vals);
    return false;
}

bool valtext_check_params(const cw_functype *type, const cw_value *values, uint32_t count, char *err,
                          size_t errsize) {
    if (count != type->nparams) {
        char list[200] = "";
        size_t used = 0;
        for (uint32_t i = 0; i < type->nparams && used < sizeof list; i++)
            used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "",
                                     valtext_type_name(type->params[i]));
        snprintf(err, errsize, "expected %" PRIu32 " parameter%s (%s), got %" PRIu32, type->nparams,
                 type->nparams == 1 ? "" : "s", list, count);
        return false;
    }
    for (uint32_t i = 0; i < count; i++)
        if (values[i].type != type->params[i]) {
            snprintf(err, errsize, "parameter %" PRIu32 " is %s, expected %s", i + 1,
                     valtext_type_name(values[i].type), valtext_type_name(type->params[i]));
            return false;
        }
    return true;
}
