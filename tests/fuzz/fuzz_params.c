/* Fuzz target: the value syntax of --params (src/valtext.c). Any text is parsed; every value it
 * yields must print and parse back to the same bits (valtext.h promises exact printing), and is
 * checked against a signature of every type. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "valtext.h"

static bool same(const cw_value *a, const cw_value *b) {
    if (a->type != b->type) return false;
    switch (a->type) {
    case CW_I32: case CW_F32: return a->of.i32 == b->of.i32;
    case CW_I64: case CW_F64: return a->of.i64 == b->of.i64;
    case CW_V128: return memcmp(a->of.v128, b->of.v128, 16) == 0;
    default: return a->of.ref == b->of.ref;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char *text = malloc(size + 1);
    if (!text) return 0;
    memcpy(text, data, size);
    text[size] = 0;
    cw_value *values;
    uint32_t n;
    char msg[256];
    if (valtext_parse_list(text, &values, &n, msg, sizeof msg)) {
        for (uint32_t i = 0; i < n; i++) {
            char printed[VALTEXT_MAX];
            cw_value *back;
            uint32_t nback;
            valtext_format(&values[i], printed, sizeof printed);
            if (!valtext_parse_list(printed, &back, &nback, msg, sizeof msg) || nback != 1 || !same(&values[i], back))
                __builtin_trap(); /* printing lost a value */
            free(back);
        }
        static const uint8_t all[] = {CW_I32, CW_I64, CW_F32, CW_F64, CW_V128, CW_FUNCREF, CW_EXTERNREF};
        const cw_functype sig = {sizeof all, 0, all, NULL};
        valtext_check_params(&sig, values, n, msg, sizeof msg);
        free(values);
    } else if (!msg[0]) {
        __builtin_trap(); /* a refusal must say why */
    }
    free(text);
    return 0;
}
