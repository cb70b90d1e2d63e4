/* Names and codes of the instruction list, and the decoder's code -> op lookup. */
#include "chiwawa/chiwawa.h"
#include "opcodes.h"

const cw_opinfo cw_ops[CW_OP_COUNT] = {
#define CW_OP_INFO(ID, code, name, ...) {code, name},
    CW_OPCODES(CW_OP_INFO, CW_OP_INFO, CW_OP_INFO, CW_OP_INFO, CW_OP_INFO, CW_OP_INFO, CW_OP_INFO)
#undef CW_OP_INFO
};
