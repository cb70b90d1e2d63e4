/* A small JSON reader: enough for wast2json output, parsed into a tree. */
#ifndef SPEC_JSON_H
#define SPEC_JSON_H

#include <stdbool.h>
#include <stddef.h>

typedef enum json_kind { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT } json_kind;

typedef struct json json;
struct json {
    json_kind kind;
    bool boolean;
    double number;
    /* Strings are decoded UTF-8 with a terminating NUL; len counts bytes, because
     * a "\u0000" escape puts a NUL inside (names.wast has export names like that). */
    char *str;
    size_t len;
    /* Arrays: items[0..n). Objects: keys[i] -> items[i], in document order. */
    size_t n;
    json **items;
    char **keys;
};

/* Parses text[0..len). Returns NULL and writes a message with the byte offset to err on error. */
json *json_parse(const char *text, size_t len, char *err, size_t errlen);
void json_free(json *j);

/* Member lookup; NULL when j is not an object or has no such key. */
const json *json_get(const json *j, const char *key);
/* The member's string, or NULL when it is missing or not a string. */
const char *json_get_str(const json *j, const char *key);

#endif
