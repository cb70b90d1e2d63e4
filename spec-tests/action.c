/* Looks up the export an action names, checks the arguments against it and runs it. */
#include "action.h"

#include <stdio.h>
#include <string.h>

#include "values.h"

/* Appends text to buf, truncating silently at its end. */
static void append(char *buf, size_t size, const char *text) {
    size_t used = strlen(buf);
    if (used + 1 < size)
        snprintf(buf + used, size - used, "%s", text);
}

/* Appends a quoted name with control bytes escaped, so failure reports stay one line each. */
static void append_name(char *buf, size_t size, const json *name) {
    char esc[8];
    append(buf, size, "\"");
    for (size_t i = 0; name && name->kind == JSON_STRING && i < name->len; i++) {
        unsigned char c = (unsigned char)name->str[i];
        snprintf(esc, sizeof esc, c < 0x20 || c == 0x7f || c == '"' || c == '\\' ? "\\x%02x" : "%c", c);
        append(buf, size, esc);
    }
    append(buf, size, "\"");
}

static bool not_started(action_result *r, const char *why) {
    r->started = false;
    snprintf(r->err.message, sizeof r->err.message, "%s", why);
    return false;
}

/* Parses the arguments into args, describing them in r->what, and checks them against type. */
static bool parse_args(const json *list, const cw_functype *type, cw_value *args, action_result *r) {
    size_t n = list && list->kind == JSON_ARRAY ? list->n : 0;
    char msg[sizeof r->err.message], text[96];
    append(r->what, sizeof r->what, " (");
    for (size_t i = 0; i < n; i++) {
        spec_value v;
        if (!value_parse(list->items[i], &v, msg, sizeof msg))
            return not_started(r, msg);
        if (v.match != MATCH_BITS)
            return not_started(r, "an argument must be a concrete value");
        if (i < MAX_VALUES)
            args[i] = v.v;
        value_format(&v.v, text, sizeof text);
        append(r->what, sizeof r->what, i ? ", " : "");
        append(r->what, sizeof r->what, text);
    }
    append(r->what, sizeof r->what, ")");
    if (n != type->nparams || n > MAX_VALUES)
        return not_started(r, "argument count does not match the function type");
    for (size_t i = 0; i < n; i++)
        if (args[i].type != type->params[i])
            return not_started(r, "argument types do not match the function type");
    return true;
}

static void invoke(script *sc, cw_func *f, const json *action, action_result *r) {
    const cw_functype *type = cw_func_type(f);
    cw_value args[MAX_VALUES];
    if (!parse_args(json_get(action, "args"), type, args, r))
        return;
    if (type->nresults > MAX_VALUES) {
        not_started(r, "too many results");
        return;
    }
    r->n = type->nresults;
    /* Preset the types, so a core that leaves them alone is judged on the bits alone. */
    for (uint32_t i = 0; i < r->n; i++)
        r->values[i].type = type->results[i];
    r->err.kind = cw_call(sc->store, f, args, r->values, &r->err);
}

void action_run(script *sc, const json *action, action_result *r) {
    memset(r, 0, sizeof *r);
    r->started = true;
    const char *kind = json_get_str(action, "type");
    const char *module = json_get_str(action, "module");
    const json *field = json_get(action, "field");
    snprintf(r->what, sizeof r->what, "%s%s%s ", kind ? kind : "?", module ? " " : "", module ? module : "");
    append_name(r->what, sizeof r->what, field);

    cw_instance *inst = module ? registry_find(&sc->reg, NAME_SCRIPT, module) : sc->current;
    cw_extern ext;
    if (!kind || !field || field->kind != JSON_STRING) {
        not_started(r, "malformed action");
    } else if (!inst) {
        not_started(r, module ? "no instance of that module (it failed or was never defined)"
                              : "no current module (the last one failed)");
    } else if (!cw_instance_export_n(inst, field->str, field->len, &ext)) {
        not_started(r, "no such export");
    } else if (strcmp(kind, "invoke") == 0 && ext.kind == CW_EXTERN_FUNC) {
        invoke(sc, ext.of.func, action, r);
    } else if (strcmp(kind, "get") == 0 && ext.kind == CW_EXTERN_GLOBAL) {
        r->n = 1;
        r->values[0] = cw_global_get(ext.of.global);
    } else {
        not_started(r, "the export is not of the kind the action needs");
    }
}
