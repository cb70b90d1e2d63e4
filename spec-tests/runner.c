/* spec-runner: runs wast2json scripts against chiwawa and reports per file.
 * Usage: spec-runner [-v] FILE.json... (-v also prints skips and error-wording differences). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "json.h"
#include "script.h"

/* Enough to see what is wrong with a file without burying the other files. */
#define MAX_FAILURE_LINES 20

typedef struct counts {
    unsigned long passed, failed, skipped;
} counts;

static const char *const OUTCOME_WORDS[] = {"pass", "fail", "skip"};

/* Runs every command of a parsed script, printing failures (and, verbose, skips and notes). */
static void run_commands(script *sc, const json *commands, const char *name, bool verbose, counts *c) {
    unsigned long hidden = 0;
    for (size_t i = 0; i < commands->n; i++) {
        const json *cmd = commands->items[i];
        const json *line = json_get(cmd, "line");
        const char *type = json_get_str(cmd, "type");
        outcome out;
        script_run(sc, cmd, &out);
        unsigned long *count[] = {[OUTCOME_PASS] = &c->passed, [OUTCOME_FAIL] = &c->failed,
                                  [OUTCOME_SKIP] = &c->skipped};
        ++*count[out.kind];
        bool show = out.kind == OUTCOME_FAIL || (verbose && (out.kind == OUTCOME_SKIP || out.note[0]));
        if (show && out.kind == OUTCOME_FAIL && c->failed > MAX_FAILURE_LINES) {
            hidden++;
        } else if (show) {
            printf("  %s:%d: %s: %s: %s\n", name, line && line->kind == JSON_NUMBER ? (int)line->number : 0,
                   type ? type : "?", out.kind == OUTCOME_PASS ? "note" : OUTCOME_WORDS[out.kind],
                   out.kind == OUTCOME_PASS ? out.note : out.message);
        }
    }
    if (hidden)
        printf("  %s: ... and %lu more failures\n", name, hidden);
}

/* Runs one .json file and prints its summary line. Problems with the file itself count as one failure. */
static void run_file(const char *path, bool verbose, counts *total) {
    char err[512];
    size_t len;
    counts c = {0, 0, 0};
    char *text = (char *)read_file(path, &len, err, sizeof err);
    json *doc = text ? json_parse(text, len, err, sizeof err) : NULL;
    const json *commands = json_get(doc, "commands");
    const char *source = json_get_str(doc, "source_filename");
    const char *name = path_base(source ? source : path);
    char *dir = path_dir(path);
    script sc;
    bool ran = false;
    if (!doc) {
        /* err says why */
    } else if (!commands || commands->kind != JSON_ARRAY) {
        snprintf(err, sizeof err, "no \"commands\" array");
    } else if (!dir) {
        snprintf(err, sizeof err, "out of memory");
    } else if (script_open(&sc, dir, err, sizeof err)) {
        run_commands(&sc, commands, name, verbose, &c);
        script_close(&sc);
        ran = true;
    }
    if (!ran) {
        printf("  %s: error: %s\n", name, err);
        c.failed++;
    }
    printf("%s: %lu passed, %lu failed, %lu skipped\n", name, c.passed, c.failed, c.skipped);
    fflush(stdout);
    total->passed += c.passed;
    total->failed += c.failed;
    total->skipped += c.skipped;
    free(dir);
    json_free(doc);
    free(text);
}

int main(int argc, char **argv) {
    bool verbose = false;
    int first = 1;
    if (argc > 1 && (strcmp(argv[1], "-v") == 0 || strcmp(argv[1], "--verbose") == 0)) {
        verbose = true;
        first = 2;
    }
    if (first >= argc) {
        fprintf(stderr, "usage: %s [-v] FILE.json [FILE.json...]\n", argv[0]);
        return 2;
    }
    counts total = {0, 0, 0};
    for (int i = first; i < argc; i++)
        run_file(argv[i], verbose, &total);
    printf("%lu passed, %lu failed, %lu skipped\n", total.passed, total.failed, total.skipped);
    return total.failed ? 1 : 0;
}
