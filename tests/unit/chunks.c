/* chunks.c - test helpers, see chunks.h.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chunks.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sbuf {
  char *p;
  size_t len, size;
};

static enum kempt_status sbuf_write(void *ud, const char *p, size_t n) {
  struct sbuf *b = ud;
  if (b->len + n + 1 > b->size) {
    size_t size = (b->len + n + 1) * 2;
    char *q = realloc(b->p, size);
    cr_assert_not_null(q);
    b->p = q;
    b->size = size;
  }
  memcpy(b->p + b->len, p, n);
  b->len += n;
  b->p[b->len] = '\0';
  return KEMPT_OK;
}

static void apply_opts(kempt_config *cfg, const char *const *opts) {
  for (size_t i = 0; opts && opts[i]; i++) {
    char name[64];
    const char *eq = strchr(opts[i], '=');
    size_t n = eq ? (size_t)(eq - opts[i]) : strlen(opts[i]);
    cr_assert_lt(n, sizeof name);
    memcpy(name, opts[i], n);
    name[n] = '\0';
    const char *v = eq ? eq + 1 : NULL;
    cr_assert_eq(kempt_config_set(cfg, name, v, v ? strlen(v) : 0), KEMPT_OK,
                 "option %s", opts[i]);
  }
}

char *kempt_run(const char *const *opts, const char *in, size_t n,
                enum chunking how, size_t size, unsigned seed,
                size_t *outlen) {
  struct sbuf out = {calloc(1, 1), 0, 1};
  kempt_config *cfg = kempt_config_new(NULL);
  cr_assert_not_null(cfg);
  apply_opts(cfg, opts);
  kempt_config_output(cfg, sbuf_write, &out);
  enum kempt_status st;
  kempt *k = kempt_new(cfg, &st);
  cr_assert_not_null(k, "kempt_new: %s", kempt_strerror(st));
  kempt_config_free(cfg);
  srand(seed);
  size_t i = 0;
  while (i < n) {
    size_t c = how == WHOLE    ? n - i
               : how == FIXED ? size
                              : 1 + (size_t)rand() % (size ? size : 64);
    if (c > n - i)
      c = n - i;
    cr_assert_eq(kempt_feed(k, in + i, c), KEMPT_OK);
    if (how == RANDOM && rand() % 4 == 0)
      cr_assert_eq(kempt_feed(k, in + i, 0), KEMPT_OK); /* empty feeds */
    i += c;
  }
  cr_assert_eq(kempt_finish(k), KEMPT_OK);
  kempt_free(k);
  if (outlen)
    *outlen = out.len;
  return out.p;
}

struct two {
  kempt_stage *next;
};

static enum kempt_status to_next_block(void *ud, const struct kempt_block *b) {
  return kempt_stage_feed_block(((struct two *)ud)->next, b);
}
static enum kempt_status to_next_end(void *ud) {
  return kempt_stage_finish(((struct two *)ud)->next);
}

char *stage_run(const char *stage, const char *const *opts, const char *in,
                size_t n, size_t chunk, size_t *outlen) {
  struct sbuf out = {calloc(1, 1), 0, 1};
  kempt_config *cfg = kempt_config_new(NULL);
  apply_opts(cfg, opts);
  struct kempt_sink to_out = {sbuf_write, NULL, NULL, &out};
  kempt_stage *writer = kempt_stage_new("write", cfg, &to_out, NULL);
  struct two w = {writer}, s = {NULL};
  struct kempt_sink to_writer = {NULL, to_next_block, to_next_end, &w};
  struct kempt_sink to_stage = {NULL, to_next_block, to_next_end, &s};
  kempt_stage *st = kempt_stage_new(stage, cfg, &to_out, NULL);
  cr_assert_not_null(st, "stage %s", stage);
  kempt_stage *splitter = NULL;
  if (kempt_stage_takes_blocks(st)) { /* split -> stage -> write */
    kempt_stage_free(st);
    st = kempt_stage_new(stage, cfg, &to_writer, NULL);
    s.next = st;
    splitter = kempt_stage_new("split", cfg, &to_stage, NULL);
  }
  kempt_stage *first = splitter ? splitter : st;
  for (size_t i = 0; i < n; i += chunk ? chunk : n) {
    size_t c = chunk && chunk < n - i ? chunk : n - i;
    cr_assert_eq(kempt_stage_feed(first, in + i, c), KEMPT_OK);
  }
  cr_assert_eq(kempt_stage_finish(first), KEMPT_OK);
  kempt_stage_free(splitter);
  kempt_stage_free(st);
  kempt_stage_free(writer);
  kempt_config_free(cfg);
  if (outlen)
    *outlen = out.len;
  return out.p;
}

char *slurp_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  size_t size = 1 << 16, n = 0;
  char *p = malloc(size);
  size_t r;
  while ((r = fread(p + n, 1, size - n - 1, f)) > 0) {
    n += r;
    if (size - n - 1 == 0) {
      size *= 2;
      p = realloc(p, size);
    }
  }
  fclose(f);
  p[n] = '\0';
  if (len)
    *len = n;
  return p;
}

const char *srcpath(const char *rel) {
  static char buf[4096];
  const char *top = getenv("top_srcdir");
  snprintf(buf, sizeof buf, "%s/%s", top ? top : ".", rel);
  return buf;
}

int valid_utf8(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    unsigned char c = p[i];
    size_t len;
    unsigned lo = 0x80, hi = 0xBF;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF)
      len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      lo = c == 0xE0 ? 0xA0 : 0x80;
      hi = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      lo = c == 0xF0 ? 0x90 : 0x80;
      hi = c == 0xF4 ? 0x8F : 0xBF;
    } else
      return 0;
    if (i + len > n || p[i + 1] < lo || p[i + 1] > hi)
      return 0;
    for (size_t j = 2; j < len; j++)
      if (p[i + j] < 0x80 || p[i + j] > 0xBF)
        return 0;
    i += len;
  }
  return 1;
}

char *assert_chunking_invariant(const char *const *opts, const char *in,
                                size_t n) {
  size_t wl;
  char *whole = kempt_run(opts, in, n, WHOLE, 0, 0, &wl);
  for (size_t size = 1; size <= 8; size++) {
    char *o = kempt_run(opts, in, n, FIXED, size, 0, NULL);
    cr_assert_str_eq(o, whole, "chunks of %zu differ", size);
    free(o);
  }
  for (unsigned seed = 1; seed <= 5; seed++) {
    char *o = kempt_run(opts, in, n, RANDOM, seed * 97, seed, NULL);
    cr_assert_str_eq(o, whole, "random splits (seed %u) differ", seed);
    free(o);
  }
  cr_assert(valid_utf8(whole, wl), "output is not valid UTF-8");
  return whole;
}

void assert_gives(const char *const *opts, const char *in, const char *want) {
  char *out = assert_chunking_invariant(opts, in, strlen(in));
  cr_assert_str_eq(out, want);
  free(out);
}

void assert_keeps(const char *const *opts, const char *in) {
  size_t n = strlen(in);
  char *want = malloc(n + 2);
  cr_assert(want != NULL);
  memcpy(want, in, n);
  memcpy(want + n, "\n", 2);
  assert_gives(opts, in, want);
  free(want);
}

long alloc_budget = -1;

static void *fail_malloc(size_t n, void *ud) {
  (void)ud;
  return alloc_budget-- > 0 ? malloc(n) : NULL;
}
static void *fail_realloc(void *p, size_t n, void *ud) {
  (void)ud;
  return alloc_budget-- > 0 ? realloc(p, n) : NULL;
}
static void std_free(void *p, void *ud) {
  (void)ud;
  free(p);
}

const struct kempt_allocator failing_allocator = {fail_malloc, fail_realloc,
                                                  std_free, NULL};
