/* Parsing, comparing and printing the values of assert_return and invoke arguments. */
#include "values.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    const char *name;
    uint8_t type;
} TYPES[] = {
    {"i32", CW_I32}, {"i64", CW_I64}, {"f32", CW_F32}, {"f64", CW_F64},
    {"v128", CW_V128}, {"funcref", CW_FUNCREF}, {"externref", CW_EXTERNREF},
};

static const char *valtype_name(uint8_t type) {
    for (size_t i = 0; i < sizeof TYPES / sizeof TYPES[0]; i++)
        if (TYPES[i].type == type)
            return TYPES[i].name;
    return "?";
}

/* wast2json writes every number as an unsigned decimal string of the raw bits. */
static bool parse_bits(const char *s, uint64_t max, uint64_t *out) {
    if (!s || !*s || *s == '-' || *s == '+' || *s == ' ')
        return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (*end || errno || v > max)
        return false;
    *out = v;
    return true;
}

bool value_parse(const json *j, spec_value *out, char *err, size_t errlen) {
    const char *type = json_get_str(j, "type");
    const char *value = json_get_str(j, "value");
    memset(out, 0, sizeof *out);
    for (size_t i = 0; type && i < sizeof TYPES / sizeof TYPES[0]; i++)
        if (strcmp(type, TYPES[i].name) == 0)
            out->v.type = TYPES[i].type;
    if (!out->v.type) {
        snprintf(err, errlen, "unknown value type %s", type ? type : "(none)");
        return false;
    }
    if (out->v.type == CW_V128) {
        snprintf(err, errlen, "v128 values are not supported yet");
        return false;
    }
    if (!value) {
        snprintf(err, errlen, "%s value without a string \"value\"", type);
        return false;
    }
    bool is_float = out->v.type == CW_F32 || out->v.type == CW_F64;
    bool is_ref = out->v.type == CW_FUNCREF || out->v.type == CW_EXTERNREF;
    bool is_32 = out->v.type == CW_I32 || out->v.type == CW_F32;
    uint64_t bits;
    if (is_float && strcmp(value, "nan:canonical") == 0) {
        out->match = MATCH_NAN_CANONICAL;
    } else if (is_float && strcmp(value, "nan:arithmetic") == 0) {
        out->match = MATCH_NAN_ARITHMETIC;
    } else if (is_ref && strcmp(value, "null") == 0) {
        out->v.of.ref = NULL;
    } else if (out->v.type == CW_EXTERNREF && parse_bits(value, UINTPTR_MAX - 1, &bits)) {
        out->v.of.ref = (void *)(uintptr_t)(bits + 1);
    } else if (out->v.type == CW_FUNCREF) {
        out->match = MATCH_NON_NULL;
    } else if (!is_ref && parse_bits(value, is_32 ? UINT32_MAX : UINT64_MAX, &bits)) {
        if (is_32)
            out->v.of.i32 = (uint32_t)bits;
        else
            out->v.of.i64 = bits;
    } else {
        snprintf(err, errlen, "bad %s value \"%s\"", type, value);
        return false;
    }
    return true;
}

/* A NaN has an all-ones exponent and a non-zero fraction. Canonical: only the quiet bit
 * of the fraction is set. Arithmetic: the quiet bit is set. The sign is free in both. */
typedef struct float_layout {
    uint64_t exponent, fraction, quiet;
} float_layout;
static const float_layout F32_LAYOUT = {0x7f800000u, 0x007fffffu, 0x00400000u};
static const float_layout F64_LAYOUT = {0x7ff0000000000000u, 0x000fffffffffffffu, 0x0008000000000000u};

static bool nan_matches(value_match m, uint64_t bits, const float_layout *f) {
    if ((bits & f->exponent) != f->exponent || !(bits & f->quiet))
        return false;
    return m == MATCH_NAN_ARITHMETIC || (bits & f->fraction) == f->quiet;
}

bool value_matches(const spec_value *e, const cw_value *got) {
    if (got->type != e->v.type)
        return false;
    switch (e->match) {
    case MATCH_NAN_CANONICAL:
    case MATCH_NAN_ARITHMETIC:
        return e->v.type == CW_F32 ? nan_matches(e->match, got->of.f32, &F32_LAYOUT)
                                  : nan_matches(e->match, got->of.f64, &F64_LAYOUT);
    case MATCH_NON_NULL:
        return got->of.ref != NULL;
    case MATCH_BITS:
        break;
    }
    switch (e->v.type) {
    case CW_I32:
    case CW_F32:
        return got->of.i32 == e->v.of.i32;
    case CW_I64:
    case CW_F64:
        return got->of.i64 == e->v.of.i64;
    default:
        return got->of.ref == e->v.of.ref;
    }
}

void value_format(const cw_value *v, char *buf, size_t n) {
    const char *name = valtype_name(v->type);
    float f;
    double d;
    switch (v->type) {
    case CW_I32:
        snprintf(buf, n, "i32:%" PRIu32, v->of.i32);
        break;
    case CW_I64:
        snprintf(buf, n, "i64:%" PRIu64, v->of.i64);
        break;
    case CW_F32:
        memcpy(&f, &v->of.f32, sizeof f);
        snprintf(buf, n, "f32:0x%08" PRIx32 " (%.9g)", v->of.f32, (double)f);
        break;
    case CW_F64:
        memcpy(&d, &v->of.f64, sizeof d);
        snprintf(buf, n, "f64:0x%016" PRIx64 " (%.17g)", v->of.f64, d);
        break;
    case CW_EXTERNREF:
        if (v->of.ref)
            snprintf(buf, n, "externref:%" PRIuPTR, (uintptr_t)v->of.ref - 1);
        else
            snprintf(buf, n, "externref:null");
        break;
    case CW_FUNCREF:
        snprintf(buf, n, "funcref:%s", v->of.ref ? "non-null" : "null");
        break;
    default:
        snprintf(buf, n, "%s:?", name);
        break;
    }
}

void spec_value_format(const spec_value *e, char *buf, size_t n) {
    const char *name = valtype_name(e->v.type);
    switch (e->match) {
    case MATCH_NAN_CANONICAL:
        snprintf(buf, n, "%s:nan:canonical", name);
        break;
    case MATCH_NAN_ARITHMETIC:
        snprintf(buf, n, "%s:nan:arithmetic", name);
        break;
    case MATCH_NON_NULL:
        snprintf(buf, n, "%s:non-null", name);
        break;
    case MATCH_BITS:
        value_format(&e->v, buf, n);
        break;
    }
}
