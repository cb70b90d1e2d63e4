/* What the traced interpreter calls (trace.c implements them). */
#ifndef CW_TRACE_HOOKS_H
#define CW_TRACE_HOOKS_H

#include "runtime.h"

/* Before every instruction, with the state before it runs. */
void cw_trace_step(cw_trace *t, const cw_instance *in, const cw_func *fn, const uint32_t *pc, const uint64_t *fp,
                   const uint64_t *sp, const uint8_t *mem, uint64_t memsize);
/* After a host function returned its results. */
void cw_trace_host_return(cw_trace *t, const cw_instance *in, const cw_func *host, const uint64_t *results);

#endif
