/* --trace, --trace-events, --trace-resource, --trace-out, --trace-format, --trace-func, --trace-limit. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "trace_cli.h"

static const char *const with_value[] = {"--trace-events", "--trace-resource", "--trace-out", "--trace-format",
                                         "--trace-func", "--trace-limit"};

bool trace_cli_takes(const char *name, bool *has_value) {
    *has_value = false;
    if (strcmp(name, "--trace") == 0) return true;
    for (size_t i = 0; i < sizeof with_value / sizeof *with_value; i++)
        if (strcmp(name, with_value[i]) == 0) return *has_value = true;
    return false;
}

bool trace_cli_option(trace_cli *c, const char *name, const char *value, char *msg, size_t msg_size) {
    /* Defaults: every instruction, with its position. Any trace option turns tracing on. */
    if (!c->on) c->cfg.events = CW_TRACE_ALL, c->cfg.resources = CW_RES_PC;
    c->on = true;
    if (strcmp(name, "--trace-events") == 0) return cw_trace_parse_events(value, &c->cfg.events, msg, msg_size);
    if (strcmp(name, "--trace-resource") == 0) return cw_trace_parse_resources(value, &c->cfg.resources, msg, msg_size);
    if (strcmp(name, "--trace-out") == 0) c->out_path = value;
    if (strcmp(name, "--trace-func") == 0) c->cfg.func = value;
    if (strcmp(name, "--trace-format") == 0) {
        if (strcmp(value, "jsonl") == 0) c->cfg.format = CW_TRACE_JSONL;
        else if (strcmp(value, "chrome") == 0) c->cfg.format = CW_TRACE_CHROME;
        else return snprintf(msg, msg_size, "--trace-format: '%s' is not jsonl or chrome", value), false;
    }
    if (strcmp(name, "--trace-limit") == 0) {
        char *end;
        errno = 0;
        unsigned long long n = strtoull(value, &end, 10);
        if (!*value || *end || errno || *value == '-' || n == 0)
            return snprintf(msg, msg_size, "--trace-limit: '%s' is not a positive count", value), false;
        c->cfg.limit = n;
    }
    return true;
}

bool trace_cli_start(trace_cli *c, cw_store *s, const cw_module *m, char *msg, size_t msg_size) {
    if (!c->on) return true;
    if (c->out_path && !(c->out = fopen(c->out_path, "w")))
        return snprintf(msg, msg_size, "--trace-out: cannot write %s: %s", c->out_path, strerror(errno)), false;
    c->cfg.out = c->out ? c->out : stderr;
    c->trace = cw_trace_start(s, m, &c->cfg, msg, msg_size);
    return c->trace != NULL;
}

void trace_cli_finish(trace_cli *c, cw_store *s) {
    if (c->trace) cw_trace_finish(s, c->trace);
    if (c->out) fclose(c->out);
    c->trace = NULL;
    c->out = NULL;
}
