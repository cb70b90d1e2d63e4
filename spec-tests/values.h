/* Wasm values as wast2json writes them: {"type": "i32", "value": "42"}, and v128 as
 * {"type": "v128", "lane_type": "f32", "value": ["1", "nan:canonical", "0", "0"]}. */
#ifndef SPEC_VALUES_H
#define SPEC_VALUES_H

#include <stdbool.h>
#include <stddef.h>

#include "chiwawa/chiwawa.h"
#include "json.h"

/* How a result is compared: exact bits, one of the two NaN classes, or "any non-null
 * reference" (a funcref result is an opaque function the script cannot name). */
typedef enum value_match { MATCH_BITS, MATCH_NAN_CANONICAL, MATCH_NAN_ARITHMETIC, MATCH_NON_NULL } value_match;

typedef struct spec_value {
    value_match match;
    cw_value v; /* v.type is always set; the payload only for MATCH_BITS */
    /* v128: the lane shape written (lane_bits 8 to 64, float lanes or not) and each lane's match,
     * where a float lane may be a NaN class (v.of.v128 holds the other lanes' bits). */
    unsigned lane_bits;
    bool lane_float;
    value_match lanes[16];
} spec_value;

/* Parses one value object. Externref "N" becomes the pointer N+1 so that null stays NULL.
 * Returns false with the reason in err. */
bool value_parse(const json *j, spec_value *out, char *err, size_t errlen);
bool value_matches(const spec_value *expected, const cw_value *got);

/* "i32:42", "f32:0x7fc00000 (nan)", "externref:7", "f64:nan:canonical",
 * "v128:0x00000004000000030000000200000001" (the value as one 128-bit hex number), or lanes when
 * some are NaN classes: "v128:f32x4 0x3f800000 nan:canonical 0x00000000 0x00000000". */
void value_format(const cw_value *v, char *buf, size_t n);
void spec_value_format(const spec_value *e, char *buf, size_t n);

#endif
