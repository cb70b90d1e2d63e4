/* One function per wast2json command type; each decides pass, fail or skip. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "action.h"
#include "script.h"
#include "values.h"

static const char *const KIND_NAMES[] = {"ok", "malformed", "invalid", "link error", "trap",
                                         "exhaustion", "exit", "resource error", "io error"};

static const char *kind_name(cw_errkind k) {
    return (unsigned)k < sizeof KIND_NAMES / sizeof KIND_NAMES[0] ? KIND_NAMES[k] : "unknown error";
}

static void set(outcome *out, outcome_kind kind, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    out->kind = kind;
    vsnprintf(out->message, sizeof out->message, fmt, ap);
    va_end(ap);
}

/* The error text the script expects ("" if none). */
static const char *text_of(const json *cmd) {
    const char *text = json_get_str(cmd, "text");
    return text ? text : "";
}

/* Errors pass whatever their wording; a wording other than the spec's is worth a note. */
static void note_wording(outcome *out, const json *cmd, const cw_error *err) {
    const char *want = json_get_str(cmd, "text");
    if (want && !strstr(err->message, want))
        snprintf(out->note, sizeof out->note, "expected \"%s\", got %s \"%s\"", want, kind_name(err->kind),
                 err->message);
}

static void cmd_module(script *sc, const json *cmd, outcome *out) {
    const char *name = json_get_str(cmd, "name");
    cw_error err;
    cw_module *m = script_load(sc, cmd, &err);
    sc->current = m ? script_instantiate(sc, m, &err) : NULL;
    /* Bound even when NULL, so later actions on this name fail instead of reaching an older module. */
    if (name && !registry_bind(&sc->reg, NAME_SCRIPT, name, sc->current))
        set(out, OUTCOME_FAIL, "out of memory");
    else if (!m)
        set(out, OUTCOME_FAIL, "module did not load: %s: %s", kind_name(err.kind), err.message);
    else if (!sc->current)
        set(out, OUTCOME_FAIL, "module did not instantiate: %s: %s", kind_name(err.kind), err.message);
}

static void cmd_register(script *sc, const json *cmd, outcome *out) {
    const char *name = json_get_str(cmd, "name");
    const char *as = json_get_str(cmd, "as");
    cw_instance *inst = name ? registry_find(&sc->reg, NAME_SCRIPT, name) : sc->current;
    if (!as)
        set(out, OUTCOME_FAIL, "register without \"as\"");
    else if (!inst)
        set(out, OUTCOME_FAIL, "register \"%s\": no instance to register (its module failed)", as);
    else if (!registry_bind(&sc->reg, NAME_IMPORT, as, inst))
        set(out, OUTCOME_FAIL, "out of memory");
}

/* Runs the command's action; false (with the failure set) when it could not start. */
static bool run_action(script *sc, const json *cmd, action_result *r, outcome *out) {
    action_run(sc, json_get(cmd, "action"), r);
    if (!r->started)
        set(out, OUTCOME_FAIL, "%s: %s", r->what, r->err.message);
    return r->started;
}

static void cmd_action(script *sc, const json *cmd, outcome *out) {
    action_result r;
    if (run_action(sc, cmd, &r, out) && r.err.kind != CW_OK)
        set(out, OUTCOME_FAIL, "%s: %s: %s", r.what, kind_name(r.err.kind), r.err.message);
}

/* Parses the expected values into want; false (with the failure set) when one cannot be used. */
static bool parse_expected(const json *cmd, spec_value *want, size_t *n, outcome *out) {
    const json *list = json_get(cmd, "expected");
    char msg[256];
    *n = list && list->kind == JSON_ARRAY ? list->n : 0;
    if (*n > MAX_VALUES) {
        set(out, OUTCOME_FAIL, "more than %d expected values", MAX_VALUES);
        return false;
    }
    for (size_t i = 0; i < *n; i++) {
        if (!value_parse(list->items[i], &want[i], msg, sizeof msg)) {
            set(out, OUTCOME_FAIL, "expected value: %s", msg);
            return false;
        }
    }
    return true;
}

static void cmd_assert_return(script *sc, const json *cmd, outcome *out) {
    spec_value want[MAX_VALUES];
    size_t n;
    action_result r;
    if (!parse_expected(cmd, want, &n, out) || !run_action(sc, cmd, &r, out))
        return;
    if (r.err.kind != CW_OK) {
        set(out, OUTCOME_FAIL, "%s: expected a return, got %s: %s", r.what, kind_name(r.err.kind), r.err.message);
        return;
    }
    if (r.n != n) {
        set(out, OUTCOME_FAIL, "%s: expected %zu results, got %u", r.what, n, (unsigned)r.n);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (!value_matches(&want[i], &r.values[i])) {
            char want_text[96], got_text[96];
            spec_value_format(&want[i], want_text, sizeof want_text);
            value_format(&r.values[i], got_text, sizeof got_text);
            set(out, OUTCOME_FAIL, "%s: result %zu: expected %s, got %s", r.what, i, want_text, got_text);
            return;
        }
    }
}

static void cmd_assert_trap(script *sc, const json *cmd, outcome *out) {
    action_result r;
    if (!run_action(sc, cmd, &r, out))
        return;
    if (r.err.kind == CW_ERR_TRAP)
        note_wording(out, cmd, &r.err);
    else
        set(out, OUTCOME_FAIL, "%s: expected trap \"%s\", got %s%s%s", r.what, text_of(cmd), kind_name(r.err.kind),
            r.err.kind ? ": " : "", r.err.message);
}

static void cmd_assert_exhaustion(script *sc, const json *cmd, outcome *out) {
    action_result r;
    if (!run_action(sc, cmd, &r, out))
        return;
    bool exhausted = r.err.kind == CW_ERR_EXHAUSTION ||
                     (r.err.kind == CW_ERR_TRAP && strstr(r.err.message, "call stack exhausted"));
    if (exhausted)
        note_wording(out, cmd, &r.err);
    else
        set(out, OUTCOME_FAIL, "%s: expected call stack exhaustion, got %s%s%s", r.what, kind_name(r.err.kind),
            r.err.kind ? ": " : "", r.err.message);
}

/* assert_malformed and assert_invalid: the module must not load. */
static void cmd_assert_rejected(script *sc, const json *cmd, outcome *out, cw_errkind want) {
    const char *type = json_get_str(cmd, "module_type");
    cw_error err;
    cw_module *m = NULL;
    if (type && strcmp(type, "text") == 0) {
        set(out, OUTCOME_SKIP, "text-format module");
    } else if ((m = script_load(sc, cmd, &err))) {
        cw_module_free(m);
        set(out, OUTCOME_FAIL, "expected %s module (\"%s\"), but it loaded", kind_name(want), text_of(cmd));
    } else if (err.kind == CW_ERR_IO) {
        set(out, OUTCOME_FAIL, "%s", err.message);
    } else {
        note_wording(out, cmd, &err);
        if (err.kind != want && !out->note[0])
            snprintf(out->note, sizeof out->note, "expected %s, got %s \"%s\"", kind_name(want),
                     kind_name(err.kind), err.message);
    }
}

/* assert_unlinkable and assert_uninstantiable: the module loads, instantiation fails. */
static void cmd_assert_no_instance(script *sc, const json *cmd, outcome *out, cw_errkind want) {
    cw_error err;
    cw_module *m = script_load(sc, cmd, &err);
    if (!m)
        set(out, OUTCOME_FAIL, "module did not load: %s: %s", kind_name(err.kind), err.message);
    else if (script_instantiate(sc, m, &err))
        set(out, OUTCOME_FAIL, "expected %s (\"%s\"), but it instantiated", kind_name(want), text_of(cmd));
    else if (err.kind != want)
        set(out, OUTCOME_FAIL, "expected %s (\"%s\"), got %s: %s", kind_name(want), text_of(cmd),
            kind_name(err.kind), err.message);
    else
        note_wording(out, cmd, &err);
}

void script_run(script *sc, const json *cmd, outcome *out) {
    memset(out, 0, sizeof *out);
    const char *type = json_get_str(cmd, "type");
    if (!type)
        set(out, OUTCOME_FAIL, "command without a type");
    else if (strcmp(type, "module") == 0)
        cmd_module(sc, cmd, out);
    else if (strcmp(type, "register") == 0)
        cmd_register(sc, cmd, out);
    else if (strcmp(type, "action") == 0)
        cmd_action(sc, cmd, out);
    else if (strcmp(type, "assert_return") == 0)
        cmd_assert_return(sc, cmd, out);
    else if (strcmp(type, "assert_trap") == 0)
        cmd_assert_trap(sc, cmd, out);
    else if (strcmp(type, "assert_exhaustion") == 0)
        cmd_assert_exhaustion(sc, cmd, out);
    else if (strcmp(type, "assert_malformed") == 0)
        cmd_assert_rejected(sc, cmd, out, CW_ERR_MALFORMED);
    else if (strcmp(type, "assert_invalid") == 0)
        cmd_assert_rejected(sc, cmd, out, CW_ERR_INVALID);
    else if (strcmp(type, "assert_unlinkable") == 0)
        cmd_assert_no_instance(sc, cmd, out, CW_ERR_LINK);
    else if (strcmp(type, "assert_uninstantiable") == 0)
        cmd_assert_no_instance(sc, cmd, out, CW_ERR_TRAP);
    else
        set(out, OUTCOME_FAIL, "unknown command type \"%s\"", type);
}
