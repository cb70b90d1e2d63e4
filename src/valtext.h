/* The text form of Wasm values, shared by the command line and traces:
 *   I32(-1)  I64(832040)  F32(1.5)  F64(-0)  F64(-inf)  F32(nan:0x400000)  F64(-nan:0x8000000000000)
 *   V128(0x00000004000000030000000200000001)  FuncRef(null)  ExternRef(null)
 * Printing is exact, so print -> parse gives back the same bits: integers print as signed decimal, floats
 * as the shortest %g that reads back to the same bits, every NaN as [-]nan:0xPAYLOAD. The parser also
 * takes unsigned or 0x-hex integers, C99 hex floats, inf, nan (the canonical NaN) and whitespace.
 * A V128 prints as one 128-bit hex number (lane 0 in the lowest digits) and is also read as a lane
 * shape and its lanes, lane 0 first: V128(i32x4 1 2 3 4), V128(f32x4 1.5 -0 inf nan), V128(i8x16 ...). */
#ifndef CW_VALTEXT_H
#define CW_VALTEXT_H

#include <chiwawa/chiwawa.h>

#define VALTEXT_MAX 64 /* a buffer of this size holds any printed value */

/* "I32", "F64", "FuncRef", ...; "?" for a code that is not a value type. */
const char *valtext_type_name(uint8_t type);

/* Writes the text of v into buf (VALTEXT_MAX bytes always suffice) and returns buf. */
char *valtext_format(const cw_value *v, char *buf, size_t size);

/* Parses a comma-separated, possibly empty list of values. On success sets *values to a malloc'd array
 * (free it) of *count values and returns true; otherwise writes a one-line message naming the bad token
 * into err and returns false. */
bool valtext_parse_list(const char *text, cw_value **values, uint32_t *count, char *err, size_t errsize);

/* Checks that values match type's parameters in number and type; if not, writes a one-line message. */
bool valtext_check_params(const cw_functype *type, const cw_value *values, uint32_t count, char *err,
                          size_t errsize);

#endif
