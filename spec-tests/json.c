/* Recursive-descent JSON parser (RFC 8259) building a malloc'd tree. */
#include "json.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* wast2json nests four levels deep; the cap only stops hostile input from exhausting the C stack. */
#define MAX_DEPTH 64

typedef struct parser {
    const char *start, *p, *end;
    char *err;
    size_t errlen;
    bool failed;
} parser;

static void fail(parser *ps, const char *what) {
    if (!ps->failed)
        snprintf(ps->err, ps->errlen, "%s at byte %zu", what, (size_t)(ps->p - ps->start));
    ps->failed = true;
}

static void skip_ws(parser *ps) {
    while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r'))
        ps->p++;
}

static bool eat(parser *ps, char c) {
    skip_ws(ps);
    if (ps->p < ps->end && *ps->p == c) {
        ps->p++;
        return true;
    }
    return false;
}

static json *new_node(parser *ps, json_kind kind) {
    json *j = calloc(1, sizeof *j);
    if (!j)
        fail(ps, "out of memory");
    else
        j->kind = kind;
    return j;
}

/* Appends item (and key, for objects) to j, doubling the arrays when full. */
static bool append(parser *ps, json *j, size_t *cap, char *key, json *item) {
    if (j->n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 4;
        json **items = realloc(j->items, ncap * sizeof *items);
        if (items)
            j->items = items;
        char **keys = j->kind == JSON_OBJECT ? realloc(j->keys, ncap * sizeof *keys) : NULL;
        if (keys)
            j->keys = keys;
        if (!items || (j->kind == JSON_OBJECT && !keys)) {
            fail(ps, "out of memory");
            return false;
        }
        *cap = ncap;
    }
    j->items[j->n] = item;
    if (j->kind == JSON_OBJECT)
        j->keys[j->n] = key;
    j->n++;
    return true;
}

static int hex4(parser *ps) {
    if (ps->end - ps->p < 4) {
        fail(ps, "truncated \\u escape");
        return -1;
    }
    int v = 0;
    for (int i = 0; i < 4; i++) {
        const char *digits = "0123456789abcdef0123456789ABCDEF";
        const char *d = *ps->p ? strchr(digits, *ps->p) : NULL;
        ps->p++;
        if (!d) {
            fail(ps, "bad \\u escape");
            return -1;
        }
        v = v * 16 + (int)((d - digits) % 16);
    }
    return v;
}

static size_t put_utf8(char *out, uint32_t cp) {
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xc0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xe0 | cp >> 12);
        out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
        out[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | cp >> 18);
    out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
    out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
    out[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}

static char simple_escape(char e) {
    switch (e) {
    case '"': return '"';
    case '\\': return '\\';
    case '/': return '/';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    default: return 0;
    }
}

/* Reads a string body after its opening quote. Decoding never grows the text
 * (an escape of n bytes yields at most n bytes), so the raw length bounds the buffer. */
static char *parse_string_raw(parser *ps, size_t *len_out) {
    const char *close = ps->p;
    while (close < ps->end && *close != '"')
        close += *close == '\\' && close + 1 < ps->end ? 2 : 1;
    if (close >= ps->end) {
        fail(ps, "unterminated string");
        return NULL;
    }
    char *out = malloc((size_t)(close - ps->p) + 1);
    if (!out) {
        fail(ps, "out of memory");
        return NULL;
    }
    /* Decode up to the closing quote only, so a short escape cannot run past it. */
    const char *doc_end = ps->end;
    ps->end = close;
    size_t n = 0;
    while (!ps->failed && ps->p < close) {
        char c = *ps->p++;
        if ((unsigned char)c < 0x20) {
            fail(ps, "control character in string");
        } else if (c != '\\') {
            out[n++] = c;
        } else if (simple_escape(*ps->p)) {
            out[n++] = simple_escape(*ps->p++);
        } else if (*ps->p++ == 'u') {
            int cp = hex4(ps);
            /* A high surrogate followed by an escaped low one encodes one code point. */
            if (cp >= 0xd800 && cp < 0xdc00 && close - ps->p >= 6 && ps->p[0] == '\\' && ps->p[1] == 'u') {
                const char *save = ps->p;
                ps->p += 2;
                int lo = hex4(ps);
                if (lo >= 0xdc00 && lo < 0xe000)
                    cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
                else
                    ps->p = save;
            }
            if (cp >= 0)
                n += put_utf8(out + n, (uint32_t)cp);
        } else {
            fail(ps, "bad escape");
        }
    }
    ps->end = doc_end;
    if (ps->failed) {
        free(out);
        return NULL;
    }
    ps->p++; /* closing quote */
    out[n] = '\0';
    *len_out = n;
    return out;
}

static json *parse_value(parser *ps, int depth);

static json *parse_container(parser *ps, int depth, json_kind kind) {
    char close = kind == JSON_ARRAY ? ']' : '}';
    json *j = new_node(ps, kind);
    size_t cap = 0;
    if (!j || eat(ps, close))
        return j;
    do {
        char *key = NULL;
        if (kind == JSON_OBJECT) {
            size_t klen;
            if (!eat(ps, '"')) {
                fail(ps, "expected object key");
                break;
            }
            key = parse_string_raw(ps, &klen);
            if (!key)
                break;
            if (!eat(ps, ':')) {
                free(key);
                fail(ps, "expected ':'");
                break;
            }
        }
        json *item = parse_value(ps, depth + 1);
        if (!item || !append(ps, j, &cap, key, item)) {
            free(key);
            json_free(item);
            break;
        }
    } while (eat(ps, ','));
    if (!ps->failed && !eat(ps, close))
        fail(ps, kind == JSON_ARRAY ? "expected ',' or ']'" : "expected ',' or '}'");
    if (ps->failed) {
        json_free(j);
        return NULL;
    }
    return j;
}

static json *parse_number(parser *ps) {
    const char *q = ps->p;
    while (q < ps->end && strchr("+-0123456789.eE", *q))
        q++;
    /* strtod needs a terminated copy: the input is not NUL-terminated at the number's end. */
    char buf[64];
    size_t n = (size_t)(q - ps->p);
    if (n == 0 || n >= sizeof buf) {
        fail(ps, "bad number");
        return NULL;
    }
    memcpy(buf, ps->p, n);
    buf[n] = '\0';
    char *endp;
    double v = strtod(buf, &endp);
    if (*endp) {
        fail(ps, "bad number");
        return NULL;
    }
    ps->p = q;
    json *j = new_node(ps, JSON_NUMBER);
    if (j)
        j->number = v;
    return j;
}

static json *parse_literal(parser *ps, const char *word, json_kind kind, bool value) {
    size_t n = strlen(word);
    if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n) != 0) {
        fail(ps, "unexpected character");
        return NULL;
    }
    ps->p += n;
    json *j = new_node(ps, kind);
    if (j)
        j->boolean = value;
    return j;
}

static json *parse_value(parser *ps, int depth) {
    if (depth > MAX_DEPTH) {
        fail(ps, "nested too deeply");
        return NULL;
    }
    skip_ws(ps);
    if (ps->p >= ps->end) {
        fail(ps, "unexpected end");
        return NULL;
    }
    switch (*ps->p) {
    case '{':
        ps->p++;
        return parse_container(ps, depth, JSON_OBJECT);
    case '[':
        ps->p++;
        return parse_container(ps, depth, JSON_ARRAY);
    case '"': {
        ps->p++;
        size_t len;
        char *s = parse_string_raw(ps, &len);
        json *j = s ? new_node(ps, JSON_STRING) : NULL;
        if (!j) {
            free(s);
            return NULL;
        }
        j->str = s;
        j->len = len;
        return j;
    }
    case 't':
        return parse_literal(ps, "true", JSON_BOOL, true);
    case 'f':
        return parse_literal(ps, "false", JSON_BOOL, false);
    case 'n':
        return parse_literal(ps, "null", JSON_NULL, false);
    default:
        return parse_number(ps);
    }
}

json *json_parse(const char *text, size_t len, char *err, size_t errlen) {
    parser ps = {text, text, text + len, err, errlen, false};
    json *j = parse_value(&ps, 0);
    skip_ws(&ps);
    if (j && ps.p != ps.end) {
        fail(&ps, "trailing characters");
        json_free(j);
        return NULL;
    }
    return j;
}

void json_free(json *j) {
    if (!j)
        return;
    for (size_t i = 0; i < j->n; i++) {
        json_free(j->items[i]);
        if (j->keys)
            free(j->keys[i]);
    }
    free(j->items);
    free(j->keys);
    free(j->str);
    free(j);
}

const json *json_get(const json *j, const char *key) {
    if (!j || j->kind != JSON_OBJECT)
        return NULL;
    for (size_t i = 0; i < j->n; i++)
        if (strcmp(j->keys[i], key) == 0)
            return j->items[i];
    return NULL;
}

const char *json_get_str(const json *j, const char *key) {
    const json *v = json_get(j, key);
    return v && v->kind == JSON_STRING ? v->str : NULL;
}
