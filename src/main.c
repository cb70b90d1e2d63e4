/* The chiwawa command line: load a module, instantiate it, call one exported function, print its results.
 * Exit codes: 0 success; 1 the call trapped (or failed while running); 2 anything before the call could
 * run: usage, unreadable file, malformed or invalid module, unknown import or export, bad --params. */
#include <chiwawa/chiwawa.h>

#include "valtext.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { EXIT_TRAP = 1, EXIT_ERROR = 2 };

typedef struct options {
    const char *file, *invoke, *params;
} options;

static const char help[] =
    "usage: chiwawa FILE.wasm [--invoke NAME] [--params VALUES]\n"
    "       chiwawa --help | --version\n"
    "\n"
    "Runs a WebAssembly module: calls the exported function NAME, or _start without --invoke,\n"
    "and prints each result on its own line.\n"
    "\n"
    "  --invoke NAME    the exported function to call\n"
    "  --params VALUES  its arguments, e.g. \"I32(1), I64(-2), F32(1.5), F64(0x1.8p+3), F64(-inf),\n"
    "                   F32(nan:0x200000), FuncRef(null)\"\n"
    "\n"
    "Exit status: 0 success, 1 trap, 2 error before the call (usage, file, module, link, arguments).\n";

/* Prints "chiwawa: MESSAGE" on stderr and returns code. */
static int fail(int code, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("chiwawa: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return code;
}

/* Fills opt from argv. Returns -1 to go on and run, or the exit code to stop with. */
static int parse_args(int argc, char **argv, options *opt) {
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char **value = strcmp(arg, "--invoke") == 0 ? &opt->invoke
                             : strcmp(arg, "--params") == 0 ? &opt->params
                                                            : NULL;
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            fputs(help, stdout);
            return 0;
        } else if (strcmp(arg, "--version") == 0) {
            puts("chiwawa " CHIWAWA_VERSION);
            return 0;
        } else if (value) {
            if (++i == argc)
                return fail(EXIT_ERROR, "%s needs a value", arg);
            *value = argv[i];
        } else if (arg[0] == '-' && arg[1]) {
            return fail(EXIT_ERROR, "unknown option '%s' (see chiwawa --help)", arg);
        } else if (opt->file) {
            return fail(EXIT_ERROR, "one module at a time: '%s' and '%s' (see chiwawa --help)", opt->file, arg);
        } else {
            opt->file = arg;
        }
    }
    if (!opt->file) {
        fputs(help, stderr);
        return EXIT_ERROR;
    }
    return -1;
}

/* Reads a whole file (or pipe) into a malloc'd buffer; NULL with errno set on failure. */
static uint8_t *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    uint8_t *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        uint8_t *bigger = realloc(buf, cap *= 2);
        if (!bigger)
            free(buf);
        buf = bigger;
    }
    int failed = ferror(f), saved = errno;
    fclose(f);
    if (!buf || failed) {
        free(buf);
        errno = buf ? saved : ENOMEM;
        return NULL;
    }
    *len = n;
    return buf;
}

static cw_module *load(const char *path, int *code) {
    size_t len;
    uint8_t *bytes = read_file(path, &len);
    if (!bytes) {
        *code = fail(EXIT_ERROR, "%s: %s", path, strerror(errno));
        return NULL;
    }
    cw_error err = {0};
    cw_module *m = cw_module_load(bytes, len, &err);
    free(bytes);
    if (!m) {
        const char *what = err.kind == CW_ERR_MALFORMED ? "malformed module: "
                           : err.kind == CW_ERR_INVALID ? "invalid module: "
                                                        : "";
        *code = fail(EXIT_ERROR, "%s: %s%s", path, what, err.message);
    }
    return m;
}

/* Calls f with the --params values and prints the results. */
static int call(cw_store *s, cw_func *f, const options *opt, const char *name) {
    char msg[256], text[VALTEXT_MAX];
    cw_value *args;
    uint32_t nargs;
    if (!valtext_parse_list(opt->params ? opt->params : "", &args, &nargs, msg, sizeof msg))
        return fail(EXIT_ERROR, "--params: %s", msg);
    const cw_functype *type = cw_func_type(f);
    if (!valtext_check_params(type, args, nargs, msg, sizeof msg)) {
        free(args);
        return fail(EXIT_ERROR, "%s: %s", name, msg);
    }
    cw_value *results = calloc(type->nresults + 1, sizeof *results); /* +1: never calloc(0) */
    cw_error err = {0};
    int code = 0;
    switch (results ? cw_call(s, f, args, results, &err) : CW_ERR_RESOURCE) {
    case CW_OK:
        for (uint32_t i = 0; i < type->nresults; i++)
            puts(valtext_format(&results[i], text, sizeof text));
        break;
    case CW_ERR_TRAP:
    case CW_ERR_EXHAUSTION:
        fprintf(stderr, "trap: %s\n", err.message);
        code = EXIT_TRAP;
        break;
    case CW_ERR_EXIT:
        code = err.exit_code;
        break;
    default:
        code = fail(EXIT_TRAP, "%s: %s", name, results ? err.message : "out of memory");
    }
    free(results);
    free(args);
    return code;
}

/* Instantiates m without imports and calls the chosen export. */
static int instantiate_and_call(cw_store *s, const cw_module *m, const options *opt) {
    if (cw_module_import_count(m) > 0) {
        const char *module_name, *field_name;
        cw_externkind kind;
        cw_module_import(m, 0, &module_name, &field_name, &kind);
        return fail(EXIT_ERROR, "%s: unknown import %s.%s", opt->file, module_name, field_name);
    }
    cw_error err = {0};
    cw_instance *inst = cw_instantiate(s, m, NULL, &err);
    if (!inst) {
        if (err.kind == CW_ERR_TRAP || err.kind == CW_ERR_EXHAUSTION) {
            fprintf(stderr, "trap: %s\n", err.message);
            return EXIT_TRAP;
        }
        return fail(EXIT_ERROR, "%s: %s", opt->file, err.message);
    }
    const char *name = opt->invoke ? opt->invoke : "_start";
    static const char *const kinds[] = {"function", "table", "memory", "global"};
    cw_extern ext;
    if (!cw_instance_export(inst, name, &ext)) {
        if (!opt->invoke)
            return fail(EXIT_ERROR, "%s: no _start function; choose one with --invoke NAME", opt->file);
        return fail(EXIT_ERROR, "%s: unknown export '%s'", opt->file, name);
    }
    if (ext.kind != CW_EXTERN_FUNC)
        return fail(EXIT_ERROR, "%s: export '%s' is a %s, not a function", opt->file, name, kinds[ext.kind]);
    return call(s, ext.of.func, opt, name);
}

static int run(const options *opt) {
    int code;
    cw_module *m = load(opt->file, &code);
    if (!m)
        return code;
    cw_store *s = cw_store_new();
    code = s ? instantiate_and_call(s, m, opt) : fail(EXIT_ERROR, "out of memory");
    if (s)
        cw_store_free(s);
    cw_module_free(m);
    return code;
}

int main(int argc, char **argv) {
    options opt = {0};
    int code = parse_args(argc, argv, &opt);
    return code >= 0 ? code : run(&opt);
}
