/* A small JSON-like document is generated, then tokenised and folded repeatedly: strings,
 * structs, a parse stack and switch-heavy code, as in real parsers. */
#define SIZE (1 << 20)
static char text[SIZE];
static unsigned len;

typedef struct {
    int depth, max_depth;
    unsigned long long strings, numbers, keys;
    unsigned long long hash;
} stats;

static void append(const char *s) {
    while (*s && len < SIZE - 1) text[len++] = *s++;
}

static void append_num(unsigned n) {
    char tmp[12];
    int k = 0;
    do tmp[k++] = (char)('0' + n % 10), n /= 10; while (n);
    while (k) text[len++] = tmp[--k];
}

static void generate(void) {
    unsigned x = 7;
    append("[");
    for (int i = 0; len < SIZE - 256; i++) {
        x = x * 1664525u + 1013904223u;
        append(i ? ",{\"id\":" : "{\"id\":");
        append_num(x % 100000);
        append(",\"name\":\"item");
        append_num(i);
        append("\",\"tags\":[\"a\",\"bb\",\"ccc\"],\"nested\":{\"v\":");
        append_num(x >> 20);
        append(",\"ok\":true}}");
    }
    append("]");
}

static void parse(stats *st) {
    for (unsigned i = 0; i < len;) {
        char c = text[i];
        switch (c) {
        case '{':
        case '[':
            if (++st->depth > st->max_depth) st->max_depth = st->depth;
            i++;
            break;
        case '}':
        case ']':
            st->depth--;
            i++;
            break;
        case '"': {
            unsigned start = ++i;
            unsigned long long h = 5381;
            while (text[i] != '"') h = h * 33 + (unsigned char)text[i++];
            i++;
            if (text[i] == ':') st->keys++, i++;
            else st->strings++;
            st->hash ^= h + (i - start);
            break;
        }
        default:
            if (c >= '0' && c <= '9') {
                unsigned long long v = 0;
                while (text[i] >= '0' && text[i] <= '9') v = v * 10 + (unsigned)(text[i++] - '0');
                st->numbers++;
                st->hash += v;
            } else {
                i++;
            }
        }
    }
}

__attribute__((export_name("run"))) unsigned long long run(void) {
    if (!len) generate();
    stats st = {0};
    for (int r = 0; r < 80 / SCALE; r++) parse(&st);
    return st.hash ^ (st.strings << 40) ^ (st.numbers << 20) ^ st.keys ^ (unsigned long long)st.max_depth;
}
