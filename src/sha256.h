/* SHA-256, to identify the module a checkpoint belongs to. */
#ifndef CW_SHA256_H
#define CW_SHA256_H

#include <stddef.h>
#include <stdint.h>

void cw_sha256(const uint8_t *data, size_t len, uint8_t out[32]);

#endif
