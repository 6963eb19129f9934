/* frame_wet.c - the WET framing: WARC records of extracted text.
 *
 * A record is "WARC/1.0", header lines, a blank line, a block of exactly
 * Content-Length bytes, then CRLF CRLF. Conversion records are cleaned:
 * the block is one document, its headers are kept in order and written
 * back with Content-Length rewritten and WARC-Block-Digest recomputed
 * (sha1, base32) or removed (--block-digest=remove). Other records
 * (warcinfo, ...) pass through. Header lines are written with CRLF
 * whatever they came with (LF-only input is accepted). Bytes between
 * records that do not start a record are dropped with a warning, and so is
 * a record whose headers pass MAX_HEAD, whole; a record cut short by the
 * end of the input is finished with what came.
 *
 * Memory: the headers of one record (at most 1 MiB) and the cleaned block
 * of one conversion record (at most --max-record bytes; beyond that the
 * block is cut, with a warning). The input block itself is streamed.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "internal.h"
#include "sha1.h"
#include "shard.h"

#include <stdio.h>

#define MAX_HEAD (1u << 20)
/* 32 MiB: with the stages' own memory the peak stays under 64 MB */
#define DEFAULT_MAX_RECORD (32u << 20)

enum wstate { W_SEP, W_HEAD, W_BLOCK };

struct frame_wet {
  const struct kempt_frame_env *env;
  bool remove_digest;
  bool sha_cpu; /* the CPU has the SHA extensions (asked once) */
  enum wstate st;
  struct kempt_buf head; /* the header lines of the current record */
  size_t head_lines;     /* complete lines in head */
  bool dropping;         /* dropping bytes up to the end of a line */
  bool in_garbage;       /* the current run of bad lines was reported */
  bool clean;            /* the current record is a conversion */
  bool skip;             /* the current record is another shard's */
  struct kempt_shard shard;
  bool cut;             /* its cleaned block reached the cap */
  uint64_t remaining;   /* block bytes still to come */
  uint64_t record;      /* records seen, for warnings */
  struct kempt_buf out; /* the cleaned block */
};

static enum kempt_status put(struct frame_wet *w, const char *p, size_t n) {
  return n ? w->env->write(w->env->write_ud, p, n) : KEMPT_OK;
}

static size_t line_len(const char *p, size_t n) {
  const char *nl = memchr(p, '\n', n);
  return nl ? (size_t)(nl - p) + 1 : n;
}

/* The line without its CRLF or LF. */
static size_t trim_eol(const char *p, size_t n) {
  if (n && p[n - 1] == '\n')
    n--;
  if (n && p[n - 1] == '\r')
    n--;
  return n;
}

/* Whether header line p names field 'name' (case does not matter). */
static bool is_field(const char *p, size_t n, const char *name) {
  size_t k = strlen(name);
  if (n <= k || p[k] != ':')
    return false;
  for (size_t i = 0; i < k; i++) {
    char a = p[i], b = name[i];
    if (a >= 'A' && a <= 'Z')
      a = (char)(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z')
      b = (char)(b - 'A' + 'a');
    if (a != b)
      return false;
  }
  return true;
}

/* The value of a header line, white space trimmed. */
static const char *field_value(const char *p, size_t n, size_t *len) {
  const char *v = memchr(p, ':', n);
  size_t k = v ? (size_t)(v - p) + 1 : n;
  n = trim_eol(p, n);
  while (k < n && (p[k] == ' ' || p[k] == '\t'))
    k++;
  while (n > k && (p[n - 1] == ' ' || p[n - 1] == '\t'))
    n--;
  *len = n - k;
  return p + k;
}

/* Find field 'name' in the headers; its value, or NULL. */
static const char *header(const struct frame_wet *w, const char *name,
                          size_t *len) {
  const char *p = w->head.data;
  size_t n = w->head.len;
  while (n) {
    size_t k = line_len(p, n);
    if (is_field(p, k, name))
      return field_value(p, k, len);
    p += k;
    n -= k;
  }
  return NULL;
}

static bool parse_length(const char *v, size_t n, uint64_t *out) {
  uint64_t x = 0;
  if (!v || n == 0 || n > 18)
    return false;
  for (size_t i = 0; i < n; i++) {
    if (v[i] < '0' || v[i] > '9')
      return false;
    x = x * 10 + (uint64_t)(v[i] - '0');
  }
  *out = x;
  return true;
}

/* ---- writing a record ---- */

static enum kempt_status put_line(struct frame_wet *w, const char *p,
                                  size_t n) {
  enum kempt_status s = put(w, p, trim_eol(p, n));
  return s == KEMPT_OK ? put(w, "\r\n", 2) : s;
}

/* A header line of a cleaned record, rewritten if it must be. */
static enum kempt_status put_clean_header(struct frame_wet *w, const char *p,
                                          size_t n, const char *digest) {
  char line[128];
  if (is_field(p, n, "Content-Length")) {
    size_t blen = w->out.len;
    int k = snprintf(line, sizeof line, "Content-Length: %llu",
                     (unsigned long long)blen);
    return put_line(w, line, (size_t)k);
  }
  if (is_field(p, n, "WARC-Block-Digest") ||
      is_field(p, n, "WARC-Payload-Digest")) {
    if (w->remove_digest)
      return KEMPT_OK;
    const char *colon = memchr(p, ':', n); /* is_field saw it */
    enum kempt_status s = put(w, p, (size_t)(colon - p));
    int k = snprintf(line, sizeof line, ": sha1:%s", digest);
    return s == KEMPT_OK ? put_line(w, line, (size_t)k) : s;
  }
  return put_line(w, p, n);
}

static enum kempt_status put_headers(struct frame_wet *w, const char *digest) {
  const char *p = w->head.data;
  size_t n = w->head.len;
  enum kempt_status s = KEMPT_OK;
  bool dropped = false; /* the last field was replaced: drop continuations */
  while (n && s == KEMPT_OK) {
    size_t k = line_len(p, n);
    bool cont = p[0] == ' ' || p[0] == '\t';
    if (!(cont && dropped)) {
      if (digest && !cont)
        s = put_clean_header(w, p, k, digest);
      else
        s = put_line(w, p, k);
    }
    if (!cont)
      dropped = digest && (is_field(p, k, "Content-Length") ||
                           is_field(p, k, "WARC-Block-Digest") ||
                           is_field(p, k, "WARC-Payload-Digest"));
    p += k;
    n -= k;
  }
  return s == KEMPT_OK ? put(w, "\r\n", 2) : s;
}

static enum kempt_status put_cleaned(struct frame_wet *w) {
  unsigned char d[20];
  char b32[33];
  size_t len;
  b32[0] = '\0';
  /* the digest only goes where a digest field is rewritten */
  if (!w->remove_digest && (header(w, "WARC-Block-Digest", &len) ||
                            header(w, "WARC-Payload-Digest", &len))) {
    struct kempt_sha1 sha;
    kempt__sha1_init(&sha, w->sha_cpu);
    kempt__sha1_add(&sha, w->out.data, w->out.len);
    kempt__sha1_end(&sha, d);
    kempt__base32_20(d, b32);
  }
  enum kempt_status s = put_headers(w, b32);
  if (s == KEMPT_OK)
    s = put(w, w->out.data, w->out.len);
  (*w->env->documents_out)++;
  return s;
}

/* ---- reading ---- */

static void new_record(struct frame_wet *w) {
  kempt__buf_clear(&w->head);
  w->head_lines = 0;
  w->st = W_SEP;
}

static enum kempt_status end_record(struct frame_wet *w) {
  const struct kempt_chain *c = &w->env->chain;
  enum kempt_status s = KEMPT_OK;
  if (w->clean) {
    s = c->end(c->ud);
    if (s == KEMPT_OK && w->out.len && !w->cut)
      s = kempt__buf_addc(&w->out, '\n');
    if (s == KEMPT_OK || s == KEMPT_ERR_LIMIT)
      s = put_cleaned(w);
  }
  if (s == KEMPT_OK && !w->skip)
    s = put(w, "\r\n\r\n", 4);
  if (s == KEMPT_OK && !w->skip && w->env->record_end)
    s = w->env->record_end(w->env->write_ud);
  w->record++;
  new_record(w);
  return s;
}

static enum kempt_status start_record(struct frame_wet *w) {
  size_t tlen = 0, llen = 0;
  const char *type = header(w, "WARC-Type", &tlen);
  const char *len = header(w, "Content-Length", &llen);
  if (!parse_length(len, llen, &w->remaining)) {
    kempt__warn(w->env->report, "record %llu: no valid Content-Length, dropped",
                (unsigned long long)w->record + 1);
    w->record++;
    new_record(w);
    return KEMPT_OK;
  }
  w->skip = !kempt__shard_take(&w->shard);
  w->clean =
      !w->skip && type && tlen == 10 && memcmp(type, "conversion", 10) == 0;
  w->cut = false;
  w->st = W_BLOCK;
  kempt__buf_clear(&w->out);
  enum kempt_status s = w->skip    ? KEMPT_OK
                        : w->clean ? w->env->chain.begin(w->env->chain.ud)
                                   : put_headers(w, NULL);
  if (s == KEMPT_OK && w->remaining == 0)
    s = end_record(w);
  return s;
}

static void garbage(struct frame_wet *w, bool nl) {
  if (!w->in_garbage)
    kempt__warn(w->env->report,
                "after record %llu: bytes that do not start a WARC record, "
                "dropped up to the next record",
                (unsigned long long)w->record);
  w->in_garbage = true;
  w->dropping = !nl;
  /* the rest of the record goes too: its next lines are not headers */
  kempt__buf_clear(&w->head);
  w->head_lines = 0;
}

/* A complete header line has been added to head. */
static enum kempt_status head_line(struct frame_wet *w, size_t start) {
  const char *p = w->head.data + start;
  size_t n = w->head.len - start;
  if (trim_eol(p, n) == 0) {
    w->head.len = start;
    return w->head_lines ? start_record(w) : KEMPT_OK;
  }
  if (w->head_lines == 0 && (n < 5 || memcmp(p, "WARC/", 5) != 0)) {
    garbage(w, true);
    return KEMPT_OK;
  }
  w->in_garbage = false;
  w->head_lines++;
  return KEMPT_OK;
}

/* Header bytes up to (nl) and including a newline. */
static enum kempt_status take_head(struct frame_wet *w, const char *p, size_t n,
                                   bool nl) {
  if (w->dropping) {
    w->dropping = !nl;
    return KEMPT_OK;
  }
  size_t start = w->head.len;
  while (start && w->head.data[start - 1] != '\n')
    start--;
  enum kempt_status s = kempt__buf_add(&w->head, p, n);
  if (s == KEMPT_ERR_LIMIT) {
    kempt__warn(w->env->report, "record %llu: headers too long, dropped",
                (unsigned long long)w->record + 1);
    w->record++;
    garbage(w, nl);
    return KEMPT_OK;
  }
  if (s != KEMPT_OK)
    return s;
  size_t have = w->head.len - start;
  if (w->head_lines == 0 && have >= 5 &&
      memcmp(w->head.data + start, "WARC/", 5) != 0) {
    garbage(w, nl);
    return KEMPT_OK;
  }
  return nl ? head_line(w, start) : KEMPT_OK;
}

static enum kempt_status take_block(struct frame_wet *w, const char *p,
                                    size_t n) {
  enum kempt_status s = w->skip    ? KEMPT_OK
                        : w->clean ? w->env->chain.bytes(w->env->chain.ud, p, n)
                                   : put(w, p, n);
  w->remaining -= n;
  if (s == KEMPT_OK && w->remaining == 0)
    s = end_record(w);
  return s;
}

/* Consume a piece of input in the current state; returns bytes used. */
static size_t step(struct frame_wet *w, const char *p, size_t n,
                   enum kempt_status *s) {
  size_t k = 0;
  if (w->st == W_SEP) {
    while (k < n && (p[k] == '\r' || p[k] == '\n'))
      k++;
    if (k < n)
      w->st = W_HEAD;
    return k;
  }
  if (w->st == W_BLOCK) {
    k = w->remaining < n ? (size_t)w->remaining : n;
    *s = take_block(w, p, k);
    return k;
  }
  k = line_len(p, n);
  *s = take_head(w, p, k, p[k - 1] == '\n');
  return k;
}

static enum kempt_status wet_feed(void *st, const char *p, size_t n) {
  struct frame_wet *w = st;
  enum kempt_status s = KEMPT_OK;
  while (n && s == KEMPT_OK) {
    size_t k = step(w, p, n, &s);
    p += k;
    n -= k;
  }
  return s;
}

static enum kempt_status wet_finish(void *st) {
  struct frame_wet *w = st;
  if (w->st == W_BLOCK && w->skip)
    return end_record(w);
  if (w->st == W_BLOCK) {
    kempt__warn(w->env->report,
                "record %llu: input ends %llu bytes short of its "
                "Content-Length",
                (unsigned long long)w->record + 1,
                (unsigned long long)w->remaining);
    return end_record(w);
  }
  if (w->st == W_HEAD && w->head.len && !w->dropping)
    kempt__warn(w->env->report,
                "record %llu: input ends in its headers, "
                "dropped",
                (unsigned long long)w->record + 1);
  new_record(w);
  return KEMPT_OK;
}

static enum kempt_status wet_out(void *st, const char *p, size_t n) {
  struct frame_wet *w = st;
  if (w->cut)
    return KEMPT_OK;
  enum kempt_status s = kempt__buf_add(&w->out, p, n);
  if (s != KEMPT_ERR_LIMIT)
    return s;
  kempt__warn(w->env->report,
              "record %llu: cleaned text longer than %llu "
              "bytes, cut",
              (unsigned long long)w->record + 1,
              (unsigned long long)w->out.cap);
  w->cut = true;
  return KEMPT_OK;
}

static void wet_reset(void *st) {
  struct frame_wet *w = st;
  new_record(w);
  w->dropping = w->in_garbage = w->clean = w->cut = w->skip = false;
  w->shard.next = 0;
  w->remaining = 0;
  w->record = 0;
  kempt__buf_clear(&w->out);
}

static enum kempt_status wet_init(void *st, const struct kempt_frame_env *env) {
  struct frame_wet *w = st;
  w->env = env;
  w->remove_digest =
      strcmp(kempt__opt_str(env->cfg, "block-digest", "recompute"), "remove") ==
      0;
  w->sha_cpu = kempt__sha1_cpu();
  uint64_t cap = kempt__opt_int(env->cfg, "max-record", DEFAULT_MAX_RECORD);
  kempt__buf_init(&w->head, env->alloc, MAX_HEAD);
  kempt__buf_init(&w->out, env->alloc, cap > SIZE_MAX ? SIZE_MAX : cap);
  return kempt__shard_init(&w->shard, env->cfg);
}

static void wet_fini(void *st) {
  struct frame_wet *w = st;
  kempt__buf_free(&w->head);
  kempt__buf_free(&w->out);
}

static const struct kempt_option wet_options[] = {
    {"block-digest", 0, KEMPT_OPT_STRING, "wet", "HOW", "recompute|remove",
     "WARC-Block-Digest of cleaned records: recompute it (sha1, base32; "
     "the default) or remove it"},
    {"max-record", 0, KEMPT_OPT_INT, "wet", "BYTES", NULL,
     "cut the cleaned text of a record at BYTES, with a warning (default "
     "33554432)"},
    {NULL, 0, 0, NULL, NULL, NULL, NULL}};

const struct kempt_frame_ops kempt__frame_wet_ops = {
    "wet",
    "WARC/WET records: conversion records cleaned, others kept",
    sizeof(struct frame_wet),
    wet_options,
    wet_init,
    wet_feed,
    wet_finish,
    wet_out,
    wet_reset,
    wet_fini};
