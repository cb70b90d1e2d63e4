/* Names and codes of the instruction list, and the decoder's code -> op lookup. */
#include "chiwawa/chiwawa.h"
#include "opcodes.h"
#include "reader.h"

#include <stdbool.h>

const cw_opinfo cw_ops[CW_OP_COUNT] = {
#define CW_OP_INFO(ID, code, name, ...) {code, name},
    CW_OPCODES(CW_OP_INFO, CW_OP_INFO, CW_OP_INFO, CW_OP_INFO, CW_OP_INFO, CW_OP_INFO, CW_OP_INFO)
#undef CW_OP_INFO
#define CW_OP_FORM_INFO(FORM, ID) [CW_OP_##ID##_##FORM] = {CW_NOCODE, #FORM},
#define CW_OP_FUSED_INFO(ID, code, name, P, R, C, ...) CW_FORMS_##C(CW_OP_FORM_INFO, ID)
#define CW_OP_LOAD_INFO(ID, ...) CW_LOAD_FORMS(CW_OP_FORM_INFO, ID)
#define CW_OP_NONE(ID, ...)
    CW_OPCODES(CW_OP_NONE, CW_OP_NONE, CW_OP_FUSED_INFO, CW_OP_NONE, CW_OP_NONE, CW_OP_LOAD_INFO, CW_OP_NONE)
#undef CW_OP_LOAD_INFO
#undef CW_OP_FORM_INFO
#undef CW_OP_FUSED_INFO
#undef CW_OP_NONE
};

int cw_op_from_code(uint32_t code) {
    static uint16_t by_byte[256], by_prefix[2][256]; /* op id + 1; 0: no such instruction */
    static bool ready;
    if (!ready) {
        for (int i = 0; i < CW_OP_COUNT; i++) {
            uint32_t c = cw_ops[i].code;
            if (c < 0x100) by_byte[c] = (uint16_t)(i + 1);
            else if (c != CW_NOCODE) by_prefix[(c >> 8) - 0xfc][c & 0xff] = (uint16_t)(i + 1);
        }
        ready = true;
    }
    if (code < 0x100) return by_byte[code] - 1;
    if (code >> 8 == 0xfc || code >> 8 == 0xfd) return by_prefix[(code >> 8) - 0xfc][code & 0xff] - 1;
    return -1;
}

uint32_t cw_rd_opcode(cw_reader *r) {
    uint8_t b = cw_rd_u8(r);
    if (b != 0xfc && b != 0xfd) return b;
    uint32_t sub = cw_rd_u32(r);
    return sub < 0x100 ? (uint32_t)b << 8 | sub : CW_NOCODE;
}
