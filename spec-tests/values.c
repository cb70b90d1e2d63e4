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

/* A v128: "lane_type" i8 ... f64 and one string per lane (bits as unsigned decimal, or a NaN class). */
static bool parse_v128(const json *j, spec_value *out, char *err, size_t errlen) {
    const char *lane_type = json_get_str(j, "lane_type");
    const json *lanes = json_get(j, "value");
    unsigned bits = 0;
    if (lane_type && (lane_type[0] == 'i' || lane_type[0] == 'f'))
        bits = (unsigned)strtoul(lane_type + 1, NULL, 10);
    if (bits != 8 && bits != 16 && bits != 32 && bits != 64) {
        snprintf(err, errlen, "bad v128 lane_type %s", lane_type ? lane_type : "(none)");
        return false;
    }
    unsigned n = 128 / bits;
    if (!lanes || lanes->kind != JSON_ARRAY || lanes->n != n) {
        snprintf(err, errlen, "v128 value without %u lanes", n);
        return false;
    }
    out->lane_bits = bits;
    out->lane_float = lane_type[0] == 'f' && bits >= 32;
    for (unsigned i = 0; i < n; i++) {
        const char *s = lanes->items[i]->kind == JSON_STRING ? lanes->items[i]->str : NULL;
        uint64_t v = 0;
        if (out->lane_float && s && strcmp(s, "nan:canonical") == 0) {
            out->lanes[i] = MATCH_NAN_CANONICAL;
        } else if (out->lane_float && s && strcmp(s, "nan:arithmetic") == 0) {
            out->lanes[i] = MATCH_NAN_ARITHMETIC;
        } else if (!parse_bits(s, bits == 64 ? UINT64_MAX : (UINT64_C(1) << bits) - 1, &v)) {
            snprintf(err, errlen, "bad v128 lane \"%s\"", s ? s : "(not a string)");
            return false;
        }
        for (unsigned k = 0; k < bits / 8; k++)
            out->v.of.v128[i * bits / 8 + k] = (uint8_t)(v >> 8 * k);
    }
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
    if (out->v.type == CW_V128)
        return parse_v128(j, out, err, errlen);
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

/* Lane i (of `bits` bits) of a v128, little-endian as in memory. */
static uint64_t lane_of(const uint8_t *v128, unsigned bits, unsigned i) {
    uint64_t v = 0;
    for (unsigned k = 0; k < bits / 8; k++)
        v |= (uint64_t)v128[i * bits / 8 + k] << 8 * k;
    return v;
}

static bool v128_matches(const spec_value *e, const cw_value *got) {
    for (unsigned i = 0; i < 128 / e->lane_bits; i++) {
        uint64_t g = lane_of(got->of.v128, e->lane_bits, i);
        if (e->lanes[i] == MATCH_BITS ? g != lane_of(e->v.of.v128, e->lane_bits, i)
                                      : !nan_matches(e->lanes[i], g, e->lane_bits == 32 ? &F32_LAYOUT : &F64_LAYOUT))
            return false;
    }
    return true;
}

bool value_matches(const spec_value *e, const cw_value *got) {
    if (got->type != e->v.type)
        return false;
    if (e->v.type == CW_V128)
        return v128_matches(e, got);
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
    case CW_V128: {
        int used = snprintf(buf, n, "v128:0x");
        for (int i = 15; i >= 0 && used > 0 && (size_t)used < n; i--)
            used += snprintf(buf + used, n - (size_t)used, "%02x", v->of.v128[i]);
        break;
    }
    default:
        snprintf(buf, n, "%s:?", name);
        break;
    }
}

/* A v128 with NaN-class lanes, lane by lane. */
static void v128_lanes_format(const spec_value *e, char *buf, size_t n) {
    unsigned bits = e->lane_bits, count = 128 / bits;
    int used = snprintf(buf, n, "v128:f%ux%u", bits, count);
    for (unsigned i = 0; i < count && used > 0 && (size_t)used < n; i++) {
        if (e->lanes[i] != MATCH_BITS)
            used += snprintf(buf + used, n - (size_t)used, " nan:%s",
                             e->lanes[i] == MATCH_NAN_CANONICAL ? "canonical" : "arithmetic");
        else
            used += snprintf(buf + used, n - (size_t)used, " 0x%0*" PRIx64, (int)bits / 4,
                             lane_of(e->v.of.v128, bits, i));
    }
}

void spec_value_format(const spec_value *e, char *buf, size_t n) {
    const char *name = valtype_name(e->v.type);
    for (unsigned i = 0; e->v.type == CW_V128 && i < 128 / e->lane_bits; i++) {
        if (e->lanes[i] != MATCH_BITS) {
            v128_lanes_format(e, buf, n);
            return;
        }
    }
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
