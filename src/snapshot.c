/* Checkpoint writer and reader. The saved state is expressed in Wasm terms: each frame is a
 * function index, the bytecode offset where it continues, and typed locals and operands (types
 * recovered by a dry run of the validator), so the file is independent of the internal code. */
#define _POSIX_C_SOURCE 200809L /* fileno, fsync */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chiwawa/checkpoint.h"
#include "ckpt_io.h"
#include "opcodes.h"
#include "runtime.h"
#include "sha256.h"

#define MAGIC "CHWCKPT\0"
#define VERSION 1u
enum { SEC_END, SEC_EXEC, SEC_GLOBALS, SEC_TABLES, SEC_MEMORIES, SEC_SEGMENTS, SEC_EXT };

/* ---- mapping between internal positions and bytecode offsets ---- */

static const cw_pcmap *pcmap_by_pos(const cw_module *m, uint32_t pos) {
    size_t lo = 0, hi = m->npcmap;
    while (lo < hi) { /* first entry with code_pos >= pos */
        size_t mid = (lo + hi) / 2;
        if (m->pcmap[mid].code_pos < pos) lo = mid + 1;
        else hi = mid;
    }
    return lo < m->npcmap && m->pcmap[lo].code_pos == pos ? &m->pcmap[lo] : NULL;
}

static const cw_pcmap *pcmap_by_offset(const cw_module *m, uint32_t offset) {
    size_t lo = 0, hi = m->npcmap;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (m->pcmap[mid].byte_offset < offset) lo = mid + 1;
        else hi = mid;
    }
    return lo < m->npcmap && m->pcmap[lo].byte_offset == offset ? &m->pcmap[lo] : NULL;
}

/* ---- values: references become function indices ---- */

static bool encode_ref(const cw_instance *in, uint8_t type, uint64_t slot, uint64_t *out) {
    *out = 0;
    if (!slot) return true;
    if (type == CW_EXTERNREF) return false;
    const cw_func *f = (const cw_func *)(uintptr_t)slot;
    if (f->inst == in) return *out = (uint64_t)f->index + 1, true;
    for (uint32_t i = 0; i < in->module->nfuncs; i++)
        if (in->funcs[i] == f) return *out = (uint64_t)i + 1, true;
    return false;
}

/* A value at its slots (a v128 has two, and is written as two u64, low half first). */
static bool put_value(cw_buf *b, const cw_instance *in, uint8_t type, const uint64_t *slot) {
    uint64_t bits = slot[0];
    if ((type == CW_FUNCREF || type == CW_EXTERNREF) && !encode_ref(in, type, slot[0], &bits)) return false;
    cw_buf_u8(b, type);
    cw_buf_u64(b, bits);
    if (type == CW_V128) cw_buf_u64(b, slot[1]);
    return true;
}

static bool decode_value(cw_in *r, const cw_instance *in, uint8_t want, uint64_t *slot) {
    uint8_t type = cw_in_u8(r);
    uint64_t bits = cw_in_u64(r);
    if (r->bad || type != want) return false;
    if (type == CW_FUNCREF || type == CW_EXTERNREF) {
        if (bits > in->module->nfuncs || (bits && type == CW_EXTERNREF)) return false;
        *slot = bits ? (uint64_t)(uintptr_t)in->funcs[bits - 1] : 0;
    } else {
        if (type == CW_I32 || type == CW_F32 ? bits >> 32 : 0) return false;
        *slot = bits;
        if (type == CW_V128) slot[1] = cw_in_u64(r);
    }
    return !r->bad;
}

/* ---- saving ---- */

typedef struct frame_view {
    const cw_func *fn;
    const uint32_t *pc;
    uint64_t fp, end; /* slot range of its locals and operands */
} frame_view;

static size_t frame_views(const cw_exec *ex, frame_view **out) {
    size_t n = ex->nframes; /* frames[1..] are callers, plus the running frame */
    frame_view *v = calloc(n ? n : 1, sizeof *v);
    if (!v) return 0;
    for (size_t k = 1; k < n; k++) v[k - 1] = (frame_view){ex->frames[k].fn, ex->frames[k].ret_pc, ex->frames[k].fp, 0};
    v[n - 1] = (frame_view){ex->fn, ex->pc, ex->fp, ex->sp};
    for (size_t k = 0; k + 1 < n; k++) v[k].end = v[k + 1].fp;
    *out = v;
    return n;
}

static bool save_exec(cw_buf *b, const cw_exec *ex, const cw_instance *in, cw_error *err) {
    const cw_module *m = in->module;
    frame_view *v = NULL;
    size_t n = frame_views(ex, &v);
    if (!n) return cw_set_error(err, CW_ERR_RESOURCE, "out of memory"), false;
    cw_buf_u32(b, ex->entry->index);
    cw_buf_u32(b, (uint32_t)n);
    bool ok = true;
    for (size_t k = 0; k < n && ok; k++) {
        const cw_funcdef *d = v[k].fn->def;
        const cw_pcmap *pm = v[k].fn->inst == in ? pcmap_by_pos(m, (uint32_t)(v[k].pc - m->code)) : NULL;
        cw_stackinfo si = {0};
        if (!pm || !cw_stack_at(m, v[k].fn->index, pm->byte_offset, &si)) {
            cw_set_error(err, CW_ERR_RESOURCE, "cannot describe frame %zu in Wasm terms", k);
            ok = false;
            break;
        }
        /* A caller's stack at its return point already counts the callee's results. */
        uint32_t ntypes = si.ntypes;
        if (k + 1 < n) ntypes -= v[k + 1].fn->type->nresults;
        cw_buf_u32(b, v[k].fn->index);
        cw_buf_u32(b, pm->byte_offset);
        cw_buf_u32(b, d->nlocals);
        const uint64_t *slots = ex->stack + v[k].fp;
        for (uint32_t i = 0; i < d->nlocals && ok; i++)
            ok = put_value(b, in, d->local_types[i], &slots[d->local_slot[i]]);
        cw_buf_u32(b, ntypes);
        slots += d->local_slots;
        for (uint32_t i = 0; i < ntypes && ok; i++) {
            ok = put_value(b, in, si.types[i], slots);
            slots += cw_valtype_slots(si.types[i]);
        }
        if (!ok) cw_set_error(err, CW_ERR_RESOURCE, "cannot checkpoint a host reference");
        free(si.types);
    }
    free(v);
    return ok;
}

static bool save_globals(cw_buf *b, const cw_instance *in, cw_error *err) {
    const cw_module *m = in->module;
    cw_buf_u32(b, m->nglobals);
    for (uint32_t i = 0; i < m->nglobals; i++) {
        cw_buf_u8(b, in->globals[i]->mut);
        if (!put_value(b, in, in->globals[i]->type, in->globals[i]->val))
            return cw_set_error(err, CW_ERR_RESOURCE, "cannot checkpoint a host reference"), false;
    }
    return true;
}

static bool save_tables(cw_buf *b, const cw_instance *in, cw_error *err) {
    const cw_module *m = in->module;
    cw_buf_u32(b, m->ntables);
    for (uint32_t i = 0; i < m->ntables; i++) {
        const cw_table *t = in->tables[i];
        cw_buf_u8(b, t->elem);
        cw_buf_u32(b, t->size);
        for (uint32_t k = 0; k < t->size; k++) {
            uint64_t bits;
            if (!encode_ref(in, t->elem, t->elems[k], &bits))
                return cw_set_error(err, CW_ERR_RESOURCE, "cannot checkpoint a host reference"), false;
            cw_buf_u64(b, bits);
        }
    }
    return true;
}

static bool page_is_zero(const uint8_t *p) {
    static const uint8_t zero[4096];
    for (uint32_t off = 0; off < CW_PAGE_SIZE; off += sizeof zero)
        if (memcmp(p + off, zero, sizeof zero) != 0) return false;
    return true;
}

static void save_segments(cw_buf *b, const cw_instance *in) {
    const cw_module *m = in->module;
    cw_buf_u32(b, m->nelems);
    cw_buf_bytes(b, in->elem_dropped, m->nelems);
    cw_buf_u32(b, m->ndatas);
    cw_buf_bytes(b, in->data_dropped, m->ndatas);
}

/* The file is streamed: memory pages go straight from guest memory to disk. */
typedef struct out {
    FILE *f;
    uint32_t crc;
    bool failed;
} out;

static void out_bytes(out *o, const void *p, size_t n) {
    if (o->failed || !n) return;
    if (fwrite(p, 1, n, o->f) != n) o->failed = true;
    o->crc = cw_crc32(o->crc, p, n);
}

static void out_u32(out *o, uint32_t v) {
    cw_buf b = {0};
    cw_buf_u32(&b, v);
    out_bytes(o, b.p, b.n);
    free(b.p);
}

static void out_header(out *o, uint32_t id, uint64_t len) {
    cw_buf b = {0};
    cw_buf_u32(&b, id);
    cw_buf_u64(&b, len);
    out_bytes(o, b.p, b.n);
    o->failed |= b.oom;
    free(b.p);
}

static void out_section(out *o, uint32_t id, cw_buf *b) {
    o->failed |= b->oom;
    out_header(o, id, b->n);
    out_bytes(o, b->p, b->n);
    free(b->p);
    *b = (cw_buf){0};
}

static void out_memories(out *o, const cw_instance *in) {
    const cw_module *m = in->module;
    uint64_t len = 4;
    for (uint32_t i = 0; i < m->nmems; i++) {
        const cw_memory *mem = in->mems[i];
        len += 13;
        for (uint64_t p = 0; p < mem->size / CW_PAGE_SIZE; p++)
            if (!page_is_zero(mem->data + p * CW_PAGE_SIZE)) len += 4 + CW_PAGE_SIZE;
    }
    out_header(o, SEC_MEMORIES, len);
    out_u32(o, m->nmems);
    for (uint32_t i = 0; i < m->nmems; i++) {
        const cw_memory *mem = in->mems[i];
        uint32_t pages = (uint32_t)(mem->size / CW_PAGE_SIZE), nonzero = 0;
        for (uint32_t p = 0; p < pages; p++) nonzero += !page_is_zero(mem->data + (uint64_t)p * CW_PAGE_SIZE);
        out_u32(o, pages);
        out_u32(o, mem->lim.max);
        out_bytes(o, &(uint8_t){mem->lim.has_max}, 1);
        out_u32(o, nonzero);
        for (uint32_t p = 0; p < pages; p++) {
            const uint8_t *d = mem->data + (uint64_t)p * CW_PAGE_SIZE;
            if (page_is_zero(d)) continue;
            out_u32(o, p);
            out_bytes(o, d, CW_PAGE_SIZE);
        }
    }
}

bool cw_checkpoint_save(cw_store *s, cw_instance *in, const char *path, const cw_checkpoint_ext *ext,
                        cw_error *err) {
    err->kind = CW_OK;
    if (!s->exec.fn) return cw_set_error(err, CW_ERR_RESOURCE, "no suspended execution to checkpoint"), false;
    cw_buf sec[4] = {{0}};
    if (!save_exec(&sec[0], &s->exec, in, err) || !save_globals(&sec[1], in, err) || !save_tables(&sec[2], in, err)) {
        for (int i = 0; i < 4; i++) free(sec[i].p);
        return false;
    }
    save_segments(&sec[3], in);
    size_t ext_len = 0;
    uint8_t *ext_data = ext ? ext->save(ext->ctx, &ext_len) : NULL;
    if (ext && !ext_data) {
        for (int i = 0; i < 4; i++) free(sec[i].p);
        return cw_set_error(err, CW_ERR_RESOURCE, "cannot save the WASI state"), false;
    }

    size_t tmp_len = strlen(path) + 5;
    char *tmp = malloc(tmp_len);
    out o = {0};
    if (tmp) {
        snprintf(tmp, tmp_len, "%s.tmp", path);
        o.f = fopen(tmp, "wb");
    }
    o.failed = !o.f;
    uint8_t hash[32];
    cw_sha256(in->module->bytes, in->module->len, hash);
    out_bytes(&o, MAGIC, 8);
    out_u32(&o, VERSION);
    out_bytes(&o, hash, 32);
    out_section(&o, SEC_EXEC, &sec[0]);
    out_section(&o, SEC_GLOBALS, &sec[1]);
    out_section(&o, SEC_TABLES, &sec[2]);
    out_memories(&o, in);
    out_section(&o, SEC_SEGMENTS, &sec[3]);
    if (ext_data) {
        out_header(&o, SEC_EXT, ext_len);
        out_bytes(&o, ext_data, ext_len);
    }
    free(ext_data);
    out_header(&o, SEC_END, 0);
    out_u32(&o, o.crc);
    if (o.f) {
        o.failed |= fflush(o.f) != 0 || fsync(fileno(o.f)) != 0;
        o.failed |= fclose(o.f) != 0;
    }
    if (!o.failed && rename(tmp, path) != 0) o.failed = true;
    if (o.failed) {
        if (tmp) remove(tmp);
        cw_set_error(err, CW_ERR_IO, "cannot write checkpoint %s", path);
    }
    free(tmp);
    return !o.failed;
}

/* ---- loading ---- */

typedef struct parsed {
    uint8_t *data; /* the whole file */
    size_t len;
    uint32_t version;
    const uint8_t *hash;
    cw_in sec[SEC_EXT + 1]; /* each section's payload */
    bool has[SEC_EXT + 1];
} parsed;

static bool bad(cw_error *err, const char *path, const char *what) {
    cw_set_error(err, CW_ERR_MALFORMED, "%s: %s", path, what);
    return false;
}

static bool parse_file(const char *path, parsed *p, cw_error *err) {
    memset(p, 0, sizeof *p);
    FILE *f = fopen(path, "rb");
    if (!f) return cw_set_error(err, CW_ERR_IO, "cannot open %s", path), false;
    /* One buffer of the file's size: a growing one would need up to twice the memory. */
    struct stat st;
    bool ok = fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && (uint64_t)st.st_size <= SIZE_MAX - 1;
    size_t size = ok ? (size_t)st.st_size : 0;
    p->data = ok ? malloc(size + 1) : NULL;
    ok = p->data && fread(p->data, 1, size, f) == size && fgetc(f) == EOF && !ferror(f);
    fclose(f);
    if (!ok) {
        free(p->data);
        p->data = NULL;
        return cw_set_error(err, CW_ERR_IO, "cannot read %s", path), false;
    }
    p->len = size;
    if (p->len < 8 + 4 + 32 + 12 + 4 || memcmp(p->data, MAGIC, 8) != 0) return bad(err, path, "not a chiwawa checkpoint");
    cw_in in = {p->data + 8, p->data + p->len, false};
    p->version = cw_in_u32(&in);
    if (p->version != VERSION) {
        cw_set_error(err, CW_ERR_MALFORMED, "%s: checkpoint format version %u, this chiwawa reads version %u", path,
                     p->version, VERSION);
        return false;
    }
    cw_in tail = {p->data + p->len - 4, p->data + p->len, false};
    if (cw_in_u32(&tail) != cw_crc32(0, p->data, p->len - 4)) return bad(err, path, "checksum mismatch (corrupt or truncated)");
    p->hash = cw_in_bytes(&in, 32);
    in.end -= 4;
    for (;;) {
        uint32_t id = cw_in_u32(&in);
        uint64_t len = cw_in_u64(&in);
        if (in.bad || len > (uint64_t)(in.end - in.p)) return bad(err, path, "truncated section");
        if (id == SEC_END) break;
        if (id > SEC_EXT || p->has[id]) return bad(err, path, "unknown or repeated section");
        p->has[id] = true;
        p->sec[id] = (cw_in){in.p, in.p + len, false};
        in.p += len;
    }
    if (in.p != in.end) return bad(err, path, "data after the end section");
    for (int id = SEC_EXEC; id < SEC_EXT; id++)
        if (!p->has[id]) return bad(err, path, "missing section");
    return true;
}

static bool same_types(const uint8_t *a, const uint8_t *b, uint32_t n) { return !n || memcmp(a, b, n) == 0; }

/* Rebuilds the frame stack, checking each frame against what the validator says the code at
 * its offset expects: a caller must stand right after a call to the next frame's function. */
static bool load_exec(cw_in *r, cw_store *s, cw_instance *in, cw_error *err, const char *path) {
    const cw_module *m = in->module;
    cw_exec *ex = &s->exec;
    uint32_t entry = cw_in_u32(r), n = cw_in_u32(r);
    if (r->bad || n == 0 || entry < m->nfunc_imports || entry >= m->nfuncs) return bad(err, path, "bad call stack");
    if (!cw_exec_reserve(ex, 1, n)) return cw_set_error(err, CW_ERR_EXHAUSTION, "call stack exhausted"), false;
    ex->frames[0] = (cw_frame){NULL, NULL, 0};
    ex->nframes = 1;
    ex->entry = in->funcs[entry];
    uint64_t base = 0;
    uint32_t fi = cw_in_u32(r);
    for (uint32_t k = 0; k < n; k++) {
        bool top = k + 1 == n;
        uint32_t offset = cw_in_u32(r), nlocals = cw_in_u32(r);
        if (r->bad || fi < m->nfunc_imports || fi >= m->nfuncs) return bad(err, path, "bad function in call stack");
        const cw_funcdef *d = &m->funcs[fi];
        const cw_pcmap *pm = pcmap_by_offset(m, offset);
        cw_stackinfo si = {0};
        if (!pm || offset < d->body_offset || offset >= d->body_offset + d->body_len || !cw_stack_at(m, fi, offset, &si))
            return bad(err, path, "frame offset is not an instruction of its function");
        bool ok = nlocals == d->nlocals && cw_exec_reserve(ex, base + d->max_slots, n);
        uint64_t *slots = ex->stack + base;
        if (ok) memset(slots, 0, d->local_slots * sizeof *slots);
        for (uint32_t i = 0; i < nlocals && ok; i++) ok = decode_value(r, in, d->local_types[i], &slots[d->local_slot[i]]);
        uint32_t nopnds = cw_in_u32(r);
        ok = ok && nopnds <= si.ntypes;
        uint64_t *sp = slots + d->local_slots;
        for (uint32_t i = 0; i < nopnds && ok; i++) {
            ok = decode_value(r, in, si.types[i], sp);
            sp += cw_valtype_slots(si.types[i]);
        }
        uint32_t next = top ? 0 : cw_in_u32(r);
        if (ok && top) {
            ok = nopnds == si.ntypes && (pm->code_pos == d->code_start || m->code[pm->code_pos] == CW_OP_LOOP);
        } else if (ok) {
            const cw_functype *ct = next < m->nfuncs ? m->funcs[next].type : NULL;
            ok = ct && (si.prev_op == CW_OP_CALL ? si.call_imm == next
                        : si.prev_op == CW_OP_CALL_INDIRECT && cw_functype_eq(ct, &m->types[si.call_imm])) &&
                 si.ntypes - nopnds == ct->nresults &&
                 same_types(si.types + nopnds, ct->results, ct->nresults);
        }
        free(si.types);
        if (!ok || r->bad) return bad(err, path, "call stack does not match the module's code");
        if (top) {
            ex->fn = in->funcs[fi];
            ex->pc = m->code + pm->code_pos;
            ex->fp = (uint32_t)base;
            ex->sp = (uint32_t)(sp - ex->stack);
        } else {
            ex->frames[ex->nframes++] = (cw_frame){in->funcs[fi], m->code + pm->code_pos, (uint32_t)base};
        }
        base = (uint64_t)(sp - ex->stack);
        fi = next;
    }
    return true;
}

static bool load_globals(cw_in *r, cw_instance *in) {
    const cw_module *m = in->module;
    if (cw_in_u32(r) != m->nglobals) return false;
    for (uint32_t i = 0; i < m->nglobals; i++) {
        cw_global *g = in->globals[i];
        if (cw_in_u8(r) != g->mut || !decode_value(r, in, g->type, g->val)) return false;
    }
    return true;
}

static bool load_tables(cw_in *r, cw_instance *in) {
    const cw_module *m = in->module;
    if (cw_in_u32(r) != m->ntables) return false;
    for (uint32_t i = 0; i < m->ntables; i++) {
        cw_table *t = in->tables[i];
        uint8_t elem = cw_in_u8(r);
        uint32_t size = cw_in_u32(r);
        if (r->bad || elem != t->elem || size < t->size || (uint64_t)size * 8 > (uint64_t)(r->end - r->p)) return false;
        if (size > t->size && !cw_table_grow(t, size - t->size, 0)) return false;
        for (uint32_t k = 0; k < size; k++) {
            uint64_t bits = cw_in_u64(r);
            if (bits > m->nfuncs || (bits && elem == CW_EXTERNREF)) return false;
            t->elems[k] = bits ? (uint64_t)(uintptr_t)in->funcs[bits - 1] : 0;
        }
    }
    return !r->bad;
}

static bool load_memories(cw_in *r, cw_instance *in) {
    const cw_module *m = in->module;
    if (cw_in_u32(r) != m->nmems) return false;
    for (uint32_t i = 0; i < m->nmems; i++) {
        cw_memory *mem = in->mems[i];
        uint32_t pages = cw_in_u32(r), max = cw_in_u32(r);
        uint8_t has_max = cw_in_u8(r);
        uint32_t nonzero = cw_in_u32(r);
        uint64_t cur = mem->size / CW_PAGE_SIZE;
        if (r->bad || has_max != mem->lim.has_max || (has_max && max != mem->lim.max) || pages < cur || nonzero > pages ||
            (uint64_t)nonzero * (4 + CW_PAGE_SIZE) > (uint64_t)(r->end - r->p))
            return false;
        if (!cw_memory_grow(mem, (uint32_t)(pages - cur))) return false;
        memset(mem->data, 0, (size_t)mem->size);
        uint32_t last = 0;
        for (uint32_t k = 0; k < nonzero; k++) {
            uint32_t p = cw_in_u32(r);
            const uint8_t *d = cw_in_bytes(r, CW_PAGE_SIZE);
            if (!d || p >= pages || (k && p <= last)) return false;
            memcpy(mem->data + (uint64_t)p * CW_PAGE_SIZE, d, CW_PAGE_SIZE);
            last = p;
        }
    }
    return !r->bad;
}

static bool load_segments(cw_in *r, cw_instance *in) {
    const cw_module *m = in->module;
    const uint8_t *e = cw_in_u32(r) == m->nelems ? cw_in_bytes(r, m->nelems) : NULL;
    const uint8_t *d = cw_in_u32(r) == m->ndatas ? cw_in_bytes(r, m->ndatas) : NULL;
    if (r->bad || (m->nelems && !e) || (m->ndatas && !d)) return false;
    for (uint32_t i = 0; i < m->nelems; i++) in->elem_dropped[i] = e[i] != 0;
    for (uint32_t i = 0; i < m->ndatas; i++) in->data_dropped[i] = d[i] != 0;
    return true;
}

static bool fully_read(cw_in *r) { return !r->bad && r->p == r->end; }

bool cw_checkpoint_load(cw_store *s, cw_instance *in, const char *path, const cw_checkpoint_ext *ext,
                        cw_error *err) {
    err->kind = CW_OK;
    parsed p;
    bool ok = parse_file(path, &p, err);
    if (ok) {
        uint8_t hash[32];
        cw_sha256(in->module->bytes, in->module->len, hash);
        if (memcmp(hash, p.hash, 32) != 0) {
            cw_set_error(err, CW_ERR_LINK, "%s: checkpoint was taken with a different module", path);
            ok = false;
        }
    }
    if (ok && !(load_globals(&p.sec[SEC_GLOBALS], in) && fully_read(&p.sec[SEC_GLOBALS])))
        ok = bad(err, path, "bad globals section");
    if (ok && !(load_tables(&p.sec[SEC_TABLES], in) && fully_read(&p.sec[SEC_TABLES])))
        ok = bad(err, path, "bad tables section");
    if (ok && !(load_memories(&p.sec[SEC_MEMORIES], in) && fully_read(&p.sec[SEC_MEMORIES])))
        ok = bad(err, path, "bad memories section");
    if (ok && !(load_segments(&p.sec[SEC_SEGMENTS], in) && fully_read(&p.sec[SEC_SEGMENTS])))
        ok = bad(err, path, "bad segments section");
    if (ok) ok = load_exec(&p.sec[SEC_EXEC], s, in, err, path);
    if (ok && !fully_read(&p.sec[SEC_EXEC])) ok = bad(err, path, "bad call stack section");
    if (ok && ext) {
        if (!p.has[SEC_EXT]) ok = bad(err, path, "no WASI state in checkpoint");
        else ok = ext->load(ext->ctx, p.sec[SEC_EXT].p, (size_t)(p.sec[SEC_EXT].end - p.sec[SEC_EXT].p), err);
    }
    if (!ok) {
        s->exec.fn = NULL;
        s->exec.nframes = 0;
    }
    free(p.data);
    return ok;
}

/* ---- inspect ---- */

static const char *type_name(uint8_t t) {
    switch (t) {
    case CW_I32: return "i32";
    case CW_I64: return "i64";
    case CW_F32: return "f32";
    case CW_F64: return "f64";
    case CW_V128: return "v128";
    case CW_FUNCREF: return "funcref";
    case CW_EXTERNREF: return "externref";
    default: return "?";
    }
}

static void skip_values(cw_in *r, uint32_t n) {
    for (uint32_t i = 0; i < n && !r->bad; i++) cw_in_bytes(r, cw_in_u8(r) == CW_V128 ? 16 : 8);
}

bool cw_checkpoint_inspect(const char *path, const cw_module *m, const cw_checkpoint_ext *ext, FILE *o,
                           cw_error *err) {
    err->kind = CW_OK;
    parsed p;
    if (!parse_file(path, &p, err)) {
        free(p.data);
        return false;
    }
    fprintf(o, "checkpoint: %s (%zu bytes)\nformat version: %u\nmodule sha256: ", path, p.len, p.version);
    for (int i = 0; i < 32; i++) fprintf(o, "%02x", p.hash[i]);
    if (m) {
        uint8_t hash[32];
        cw_sha256(m->bytes, m->len, hash);
        fprintf(o, memcmp(hash, p.hash, 32) == 0 ? " (matches the module)" : " (DOES NOT match the module)");
    }
    cw_in *r = &p.sec[SEC_EXEC];
    cw_in_u32(r);
    uint32_t n = cw_in_u32(r);
    fprintf(o, "\ncall stack (%u frames, innermost last):\n", n);
    for (uint32_t k = 0; k < n && !r->bad; k++) {
        uint32_t fi = cw_in_u32(r), offset = cw_in_u32(r), nl = cw_in_u32(r);
        skip_values(r, nl);
        uint32_t no = cw_in_u32(r);
        skip_values(r, no);
        const char *name = m && fi < m->nfuncs && m->funcs[fi].name ? m->funcs[fi].name : NULL;
        fprintf(o, "  #%u func %u%s%s%s at offset 0x%x, %u locals, %u operands\n", k, fi, name ? " <" : "",
                name ? name : "", name ? ">" : "", offset, nl, no);
    }
    r = &p.sec[SEC_GLOBALS];
    fprintf(o, "globals: %u\n", cw_in_u32(r));
    r = &p.sec[SEC_TABLES];
    uint32_t nt = cw_in_u32(r);
    for (uint32_t i = 0; i < nt && !r->bad; i++) {
        uint8_t elem = cw_in_u8(r);
        uint32_t size = cw_in_u32(r);
        cw_in_bytes(r, (size_t)size * 8);
        fprintf(o, "table %u: %s, %u elements\n", i, type_name(elem), size);
    }
    r = &p.sec[SEC_MEMORIES];
    uint32_t nm = cw_in_u32(r);
    for (uint32_t i = 0; i < nm && !r->bad; i++) {
        uint32_t pages = cw_in_u32(r);
        cw_in_u32(r);
        cw_in_u8(r);
        uint32_t nonzero = cw_in_u32(r);
        cw_in_bytes(r, (size_t)nonzero * (4 + CW_PAGE_SIZE));
        fprintf(o, "memory %u: %u pages (%llu KiB), %u non-zero pages saved\n", i, pages,
                (unsigned long long)pages * 64, nonzero);
    }
    if (p.has[SEC_EXT] && ext && ext->describe) ext->describe(p.sec[SEC_EXT].p, (size_t)(p.sec[SEC_EXT].end - p.sec[SEC_EXT].p), o);
    else if (p.has[SEC_EXT]) fprintf(o, "wasi state: %zu bytes\n", (size_t)(p.sec[SEC_EXT].end - p.sec[SEC_EXT].p));
    free(p.data);
    return true;
}
