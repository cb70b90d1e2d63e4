/* The chiwawa command line: load a module, instantiate it, call one exported function, print its results.
 * Exit codes: 0 success; 1 the call trapped (or failed while running); 2 anything before the call could
 * run: usage, unreadable file, malformed or invalid module, unknown import or export, bad --params.
 * A WASI program ends chiwawa with its own exit code, or 134 if it traps. */
#include <chiwawa/checkpoint.h>
#include <chiwawa/chiwawa.h>
#include <chiwawa/wasi.h>

#include "limits_cli.h"
#include "valtext.h"
#include "trace_cli.h"
#include "wasi_cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* EXIT_CHECKPOINTED: the run stopped after writing a checkpoint; it is not finished (EX_TEMPFAIL).
 * EXIT_WASI_TRAP: a WASI program that traps ends as abort() ends a native one (128 + SIGABRT), which
 * is also what wasmtime and tools/chiwawa-node.mjs report. */
enum { EXIT_TRAP = 1, EXIT_ERROR = 2, EXIT_CHECKPOINTED = 75, EXIT_WASI_TRAP = 134 };

typedef struct options {
    const char *file, *invoke, *params, *restore, *cr_interval;
    bool cr;
    cw_cr crcfg;
    wasi_cli wasi;
    trace_cli trace;
    limits_cli limits;
    cw_fuel *fuel; /* the --fuel budget, or NULL */
    int trap_code; /* EXIT_TRAP, or EXIT_WASI_TRAP for a module that imports WASI */
    const cw_checkpoint_ext *ext; /* the guest's WASI state, saved and restored with checkpoints */
} options;

static const char help[] =
    "usage: chiwawa FILE.wasm [--invoke NAME] [--params VALUES] [WASI options] [checkpoint options]\n"
    "       chiwawa inspect CHECKPOINT [FILE.wasm]\n"
    "       chiwawa --help | --version\n"
    "\n"
    "Runs a WebAssembly module: calls the exported function NAME, or _start without --invoke,\n"
    "and prints each result on its own line.\n"
    "\n"
    "  --invoke NAME    the exported function to call\n"
    "  --params VALUES  its arguments, e.g. \"I32(1), I64(-2), F32(1.5), F64(0x1.8p+3), F64(-inf),\n"
    "                   F32(nan:0x200000), FuncRef(null)\"\n"
    "\n"
    "WASI programs (modules that import wasi_snapshot_preview1):\n"
    "  --app-args ARGS      the program's arguments, split as a shell would; argv[0] is FILE.wasm\n"
    "  --env NAME=VALUE     an environment variable (repeatable; by default there are none)\n"
    "  --dir HOST[::GUEST]  give the program host directory HOST, named GUEST (default: HOST);\n"
    "                       repeatable; by default it gets the current directory, named \".\"\n"
    "  The program's exit code is chiwawa's; a trap ends it with status 134, as abort() would.\n"
    "\n"
    "Tracing (docs/trace-format.md):\n"
    "  --trace                 write one event per executed instruction (JSON Lines, on stderr)\n"
    "  --trace-events LIST     all (default), load, store, call, branch\n"
    "  --trace-resource LIST   pc (default), stack, locals, globals, memory\n"
    "  --trace-out PATH        write the trace to PATH instead of stderr\n"
    "  --trace-format FORMAT   jsonl (default) or chrome (call/return trace events for a flame chart)\n"
    "  --trace-func NAME|INDEX only events inside that function\n"
    "  --trace-limit N         stop writing after N events\n"
    "\n"
    "Checkpoint and restore:\n"
    "  --cr               watch for the trigger file; when it appears, write a checkpoint at the next\n"
    "                     safe point, remove the trigger and stop (exit status 75)\n"
    "  --cr-trigger PATH  the trigger file (default checkpoint.trigger)\n"
    "  --cr-out PATH      where to write the checkpoint (default checkpoint.bin)\n"
    "  --cr-continue      keep running after each checkpoint (periodic snapshots)\n"
    "  --cr-interval N    safe points between looks at the trigger (default 1048576)\n"
    "  --restore PATH     continue the run saved in checkpoint PATH (same module)\n"
    "\n"
    "Limits, for modules you do not trust:\n"
    "  --max-memory SIZE  the most linear memory the guest may have, in bytes or with K, M or G\n"
    "                     (default 4G, all wasm32 can address): a module that needs more is refused,\n"
    "                     and memory.grow beyond it returns -1\n"
    "  --max-stack N      the deepest the calls may nest (default 100000); deeper traps with\n"
    "                     \"call stack exhausted\"\n"
    "  --fuel N           trap with \"fuel exhausted\" after N units of work (default: no limit); one\n"
    "                     unit is a function call or one pass through a loop (a loop iteration)\n"
    "\n"
    "Exit status: 0 success, 1 trap, 2 error before the call (usage, file, module, link, arguments,\n"
    "checkpoint), 75 stopped after writing a checkpoint.\n";

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
    bool has_value;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char **value = strcmp(arg, "--invoke") == 0       ? &opt->invoke
                             : strcmp(arg, "--params") == 0     ? &opt->params
                             : strcmp(arg, "--restore") == 0    ? &opt->restore
                             : strcmp(arg, "--cr-trigger") == 0 ? &opt->crcfg.trigger
                             : strcmp(arg, "--cr-out") == 0     ? &opt->crcfg.out
                             : strcmp(arg, "--cr-interval") == 0 ? &opt->cr_interval
                                                                 : NULL;
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            fputs(help, stdout);
            return 0;
        } else if (strcmp(arg, "--version") == 0) {
            puts("chiwawa " CHIWAWA_VERSION);
            return 0;
        } else if (strcmp(arg, "--cr") == 0) {
            opt->cr = true;
        } else if (strcmp(arg, "--cr-continue") == 0) {
            opt->cr = opt->crcfg.keep_running = true;
        } else if (value) {
            if (++i == argc)
                return fail(EXIT_ERROR, "%s needs a value", arg);
            *value = argv[i];
        } else if (wasi_cli_takes(arg) || limits_cli_takes(arg)) {
            char msg[256];
            if (++i == argc)
                return fail(EXIT_ERROR, "%s needs a value", arg);
            bool ok = wasi_cli_takes(arg) ? wasi_cli_option(&opt->wasi, arg, argv[i], msg, sizeof msg)
                                          : limits_cli_option(&opt->limits, arg, argv[i], msg, sizeof msg);
            if (!ok)
                return fail(EXIT_ERROR, "%s", msg);
        } else if (trace_cli_takes(arg, &has_value)) {
            char msg[256];
            if (has_value && ++i == argc)
                return fail(EXIT_ERROR, "%s needs a value", arg);
            if (!trace_cli_option(&opt->trace, arg, has_value ? argv[i] : NULL, msg, sizeof msg))
                return fail(EXIT_ERROR, "%s", msg);
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
    if (opt->cr_interval) {
        char *end;
        unsigned long n = strtoul(opt->cr_interval, &end, 10);
        if (*end || !*opt->cr_interval || n == 0 || n > UINT32_MAX)
            return fail(EXIT_ERROR, "--cr-interval: '%s' is not a count from 1 to 4294967295", opt->cr_interval);
        opt->crcfg.interval = (uint32_t)n;
    }
    opt->cr |= opt->crcfg.trigger || opt->crcfg.out;
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

static cw_module *load(const char *path, unsigned flags, int *code) {
    size_t len;
    uint8_t *bytes = read_file(path, &len);
    if (!bytes) {
        *code = fail(EXIT_ERROR, "%s: %s", path, strerror(errno));
        return NULL;
    }
    cw_error err = {0};
    cw_module *m = cw_module_load_with(bytes, len, flags, &err);
    free(bytes);
    if (!m) {
        const char *what = err.kind == CW_ERR_MALFORMED ? "malformed module: "
                           : err.kind == CW_ERR_INVALID ? "invalid module: "
                                                        : "";
        *code = fail(EXIT_ERROR, "%s: %s%s", path, what, err.message);
    }
    return m;
}

/* Reports how a run ended: results on stdout, or the trap; returns the exit code. */
static int report(cw_errkind st, const cw_functype *type, const cw_value *results, const cw_error *err,
                  const char *name, int trap_code) {
    char text[VALTEXT_MAX];
    switch (st) {
    case CW_OK:
        for (uint32_t i = 0; i < type->nresults; i++)
            puts(valtext_format(&results[i], text, sizeof text));
        return 0;
    case CW_ERR_TRAP:
    case CW_ERR_EXHAUSTION:
        fprintf(stderr, "trap: %s\n", err->message);
        return trap_code;
    case CW_ERR_EXIT:
        return err->exit_code;
    case CW_SUSPENDED:
        return EXIT_CHECKPOINTED;
    default:
        return fail(EXIT_TRAP, "%s: %s", name, err->message);
    }
}

/* Runs f (or, restoring, the saved run) under the checkpoint options and reports the outcome. */
static int run_call(cw_store *s, cw_instance *inst, cw_func *f, const cw_value *args, const options *opt,
                    const char *name) {
    const cw_functype *type = cw_func_type(f);
    cw_value *results = calloc(type->nresults + 1, sizeof *results); /* +1: never calloc(0) */
    if (!results)
        return fail(EXIT_ERROR, "out of memory");
    cw_error err = {0};
    if (opt->cr)
        cw_cr_arm(s, &opt->crcfg);
    else if (opt->fuel)
        cw_fuel_arm(s, opt->fuel);
    cw_errkind st = opt->restore ? cw_resume(s, results, &err) : cw_call(s, f, args, results, &err);
    if (opt->fuel)
        st = cw_fuel_settle(s, opt->fuel, st, results, &err);
    if (opt->cr)
        st = cw_cr_drive(s, inst, st, results, &opt->crcfg, opt->ext, &err);
    int code = report(st, type, results, &err, name, opt->trap_code);
    free(results);
    return code;
}

/* Calls f with the --params values and prints the results. */
static int call(cw_store *s, cw_instance *inst, cw_func *f, const options *opt, const char *name) {
    char msg[256];
    cw_value *args;
    uint32_t nargs;
    if (!valtext_parse_list(opt->params ? opt->params : "", &args, &nargs, msg, sizeof msg))
        return fail(EXIT_ERROR, "--params: %s", msg);
    if (!valtext_check_params(cw_func_type(f), args, nargs, msg, sizeof msg)) {
        free(args);
        return fail(EXIT_ERROR, "%s: %s", name, msg);
    }
    int code = run_call(s, inst, f, args, opt, name);
    free(args);
    return code;
}

/* Restores the checkpoint into a fresh instance of m and continues it. */
static int restore(cw_store *s, const cw_module *m, const cw_extern *imports, const options *opt) {
    cw_error err = {0};
    cw_instance *inst = cw_instantiate_for_restore(s, m, imports, &err);
    if (!inst || !cw_cr_restore(s, inst, opt->restore, opt->ext, &err))
        return fail(EXIT_ERROR, "%s", err.message);
    return run_call(s, inst, cw_store_entry(s), NULL, opt, opt->restore);
}

/* Instantiates m with its imports and calls the chosen export. */
static int instantiate_and_call(cw_store *s, const cw_module *m, const cw_extern *imports, const options *opt) {
    if (opt->restore)
        return restore(s, m, imports, opt);
    cw_error err = {0};
    cw_instance *inst = cw_instantiate(s, m, imports, &err);
    if (!inst) {
        if (err.kind == CW_SUSPENDED) /* only the fuel stops a start function, when it runs out */
            snprintf(err.message, sizeof err.message, "fuel exhausted"), err.kind = CW_ERR_TRAP;
        if (err.kind == CW_ERR_TRAP || err.kind == CW_ERR_EXHAUSTION) {
            fprintf(stderr, "trap: %s\n", err.message);
            return opt->trap_code;
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
    return call(s, inst, ext.of.func, opt, name);
}

static int run(options *opt) {
    int code;
    cw_module *m = load(opt->file, opt->trace.on ? CW_LOAD_TRACEABLE : 0, &code);
    if (!m)
        return code;
    cw_store *s = cw_store_new();
    cw_wasi *wasi = NULL;
    cw_extern *imports = NULL;
    char msg[256];
    if (!s) {
        code = fail(EXIT_ERROR, "out of memory");
    } else if (!wasi_cli_link(&opt->wasi, s, m, opt->file, &wasi, &imports, msg, sizeof msg) ||
               !trace_cli_start(&opt->trace, s, m, msg, sizeof msg)) {
        code = fail(EXIT_ERROR, "%s", msg);
    } else {
        opt->trap_code = wasi ? EXIT_WASI_TRAP : EXIT_TRAP;
        opt->fuel = opt->crcfg.fuel = limits_cli_apply(&opt->limits, s);
        cw_checkpoint_ext ext = wasi ? cw_wasi_checkpoint(wasi) : (cw_checkpoint_ext){0};
        opt->ext = wasi ? &ext : NULL;
        code = instantiate_and_call(s, m, imports, opt);
    }
    if (s) {
        trace_cli_finish(&opt->trace, s);
        cw_store_free(s);
    }
    cw_wasi_free(wasi); /* after the store, whose host functions point to it */
    free(imports);
    cw_module_free(m);
    return code;
}

/* chiwawa inspect CHECKPOINT [FILE.wasm] */
static int inspect(int argc, char **argv) {
    if (argc < 3 || argc > 4)
        return fail(EXIT_ERROR, "usage: chiwawa inspect CHECKPOINT [FILE.wasm]");
    int code = 0;
    cw_module *m = argc == 4 ? load(argv[3], 0, &code) : NULL;
    if (argc == 4 && !m)
        return code;
    cw_error err = {0};
    cw_checkpoint_ext wasi_state = cw_wasi_checkpoint(NULL); /* only its describe is used */
    if (!cw_checkpoint_inspect(argv[2], m, &wasi_state, stdout, &err))
        code = fail(EXIT_ERROR, "%s", err.message);
    cw_module_free(m);
    return code;
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "inspect") == 0)
        return inspect(argc, argv);
    options opt = {0};
    int code = parse_args(argc, argv, &opt);
    code = code >= 0 ? code : run(&opt);
    wasi_cli_free(&opt.wasi);
    return code;
}
