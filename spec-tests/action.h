/* Performing a script action: (invoke $M "name" args...) or (get $M "name"). */
#ifndef SPEC_ACTION_H
#define SPEC_ACTION_H

#include <stdbool.h>
#include <stdint.h>

#include "chiwawa/chiwawa.h"
#include "json.h"
#include "script.h"

#define MAX_VALUES 64 /* arguments or results of one action; the suite needs 17 */

typedef struct action_result {
    bool started;   /* false: the action could not even be set up (err.message says why) */
    cw_error err;   /* the core's verdict once started; CW_OK on success */
    uint32_t n;     /* results */
    cw_value values[MAX_VALUES];
    char what[256]; /* the action for messages: invoke $M "add" (i32:1, i32:2) */
} action_result;

void action_run(script *sc, const json *action, action_result *r);

#endif
