/* test_alloc.c - allocation failures: make allocation n fail, for n = 0,
 * 1, 2, ... until a run needs no more than n allocations, through the
 * whole default pipeline in every framing and through every stage alone
 * (stages from kempt_stage_get, framings by name: none listed by hand).
 * Each call returns KEMPT_OK or KEMPT_ERR_NOMEM (and stays failed: errors
 * are sticky), nothing leaks (the allocator counts live blocks), and a run
 * that was not failed gives the reference output. After a failure,
 * kempt_reset() makes the handle usable again.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chunks.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_RUNS 200000L
#define PAGE_CAP (48 * 1024)

/* An allocator that fails allocation number fail_at and counts. */
struct counter {
  long fail_at; /* the allocation to fail; < 0: never */
  long count;   /* allocations asked for */
  long live;    /* blocks not yet freed */
  int failed;   /* an allocation was refused */
};

static void *c_malloc(size_t n, void *ud) {
  struct counter *c = ud;
  if (c->count++ == c->fail_at) {
    c->failed = 1;
    return NULL;
  }
  void *p = malloc(n);
  if (p)
    c->live++;
  return p;
}

static void *c_realloc(void *p, size_t n, void *ud) {
  struct counter *c = ud;
  if (c->count++ == c->fail_at) {
    c->failed = 1;
    return NULL;
  }
  void *q = realloc(p, n);
  if (q && !p)
    c->live++;
  return q;
}

static void c_free(void *p, void *ud) {
  struct counter *c = ud;
  if (p)
    c->live--;
  free(p);
}

struct out {
  char *p;
  size_t len, size;
};

static enum kempt_status out_write(void *ud, const char *p, size_t n) {
  struct out *o = ud;
  if (n == 0)
    return KEMPT_OK;
  if (o->len + n + 1 > o->size) {
    o->size = (o->len + n + 1) * 2;
    o->p = realloc(o->p, o->size);
    cr_assert_not_null(o->p);
  }
  memcpy(o->p + o->len, p, n);
  o->len += n;
  return KEMPT_OK;
}

/* Append file path to the page, up to PAGE_CAP bytes. */
static void add_file(struct out *page, const char *path) {
  size_t n;
  char *s = slurp_file(path, &n);
  if (!s)
    return;
  if (page->len + n + 2 > PAGE_CAP)
    n = page->len + 2 < PAGE_CAP ? PAGE_CAP - page->len - 2 : 0;
  out_write(page, s, n);
  out_write(page, "\n\n", 2);
  free(s);
}

/* A rich page: the corpus pages and the fuzz seeds, concatenated, capped. */
static struct out make_page(void) {
  static const char *const dirs[] = {"corpus", "tests/fuzz/seeds"};
  struct out page = {NULL, 0, 0};
  for (size_t d = 0; d < 2; d++) {
    DIR *dir = opendir(srcpath(dirs[d]));
    struct dirent *e;
    while (dir && (e = readdir(dir)) != NULL) {
      size_t n = strlen(e->d_name);
      if (e->d_name[0] == '.' ||
          (d == 0 && (n < 5 || strcmp(e->d_name + n - 4, ".txt") != 0)))
        continue;
      char rel[600];
      snprintf(rel, sizeof rel, "%s/%s", dirs[d], e->d_name);
      add_file(&page, srcpath(rel));
    }
    if (dir)
      closedir(dir);
  }
  cr_assert_gt(page.len, 1000, "no corpus found (top_srcdir?)");
  return page;
}

/* ---- the whole pipeline ------------------------------------------------ */

/* The page as input of framing fmt: a JSONL line, a WET record, or as is. */
static struct out frame_input(const char *fmt, const struct out *page) {
  struct out in = {NULL, 0, 0};
  if (strcmp(fmt, "jsonl") == 0) {
    out_write(&in, "{\"id\": 7, \"text\": \"", 19);
    for (size_t i = 0; i < page->len; i++) {
      unsigned char c = (unsigned char)page->p[i];
      char esc[8];
      if (c < 0x20 || c == '"' || c == '\\') {
        snprintf(esc, sizeof esc, "\\u%04x", c);
        out_write(&in, esc, 6);
      } else
        out_write(&in, (const char *)&c, 1);
    }
    out_write(&in, "\"}\n", 3);
  } else if (strcmp(fmt, "wet") == 0) {
    char head[200];
    int n = snprintf(head, sizeof head,
                     "WARC/1.0\r\nWARC-Type: conversion\r\n"
                     "Content-Length: %zu\r\n\r\n",
                     page->len);
    out_write(&in, head, (size_t)n);
    out_write(&in, page->p, page->len);
    out_write(&in, "\r\n\r\n", 4);
  } else
    out_write(&in, page->p, page->len);
  return in;
}

/* Feed in in chunks of 4000 and finish; the first failure is returned,
 * and every later call must return it too. */
static enum kempt_status feed_all(kempt *k, const struct out *in) {
  enum kempt_status first = KEMPT_OK;
  for (size_t i = 0; i < in->len; i += 4000) {
    size_t n = in->len - i < 4000 ? in->len - i : 4000;
    enum kempt_status st = kempt_feed(k, in->p + i, n);
    if (first != KEMPT_OK)
      cr_assert_eq(st, first, "errors are sticky");
    else
      first = st;
  }
  enum kempt_status st = kempt_finish(k);
  if (first != KEMPT_OK)
    cr_assert_eq(st, first, "errors are sticky");
  return first != KEMPT_OK ? first : st;
}

/* One run with allocation fail_at failing; returns 1 when none failed.
 * *whole is set when the output holds a whole run (after a reset). */
static int pipeline_run(const char *fmt, const struct out *in, long fail_at,
                        struct out *out, int *whole) {
  struct counter c = {fail_at, 0, 0, 0};
  struct kempt_allocator a = {c_malloc, c_realloc, c_free, &c};
  kempt_config *cfg = kempt_config_new(&a);
  enum kempt_status st =
      cfg ? kempt_config_set(cfg, "format", fmt, 0) : KEMPT_ERR_NOMEM;
  kempt *k = NULL;
  if (st == KEMPT_OK) {
    kempt_config_output(cfg, out_write, out);
    k = kempt_new(cfg, &st);
  }
  kempt_config_free(cfg);
  *whole = k != NULL;
  if (k)
    st = feed_all(k, in);
  cr_assert(st == KEMPT_OK || st == KEMPT_ERR_NOMEM, "%s, allocation %ld: %s",
            fmt, fail_at, kempt_strerror(st));
  /* A failure is reported, or survived with the same output (a cache
   * that works without its memory, as glue's word cache): a NOMEM must
   * come from a real failure, and the output is compared by the caller. */
  cr_assert(st != KEMPT_ERR_NOMEM || c.failed,
            "%s, allocation %ld: failure wrongly reported", fmt, fail_at);
  if (k && st != KEMPT_OK) { /* a reset handle works again */
    kempt_reset(k);
    out->len = 0;
    cr_assert_eq(feed_all(k, in), KEMPT_OK, "%s: after reset", fmt);
  }
  kempt_free(k);
  cr_assert_eq(c.live, 0, "%s, allocation %ld: %ld blocks leaked", fmt, fail_at,
               c.live);
  return !c.failed;
}

static void pipeline_alloc_failures(const char *fmt, const struct out *page) {
  struct out in = frame_input(fmt, page), ref = {NULL, 0, 0};
  int whole;
  cr_assert(pipeline_run(fmt, &in, -1, &ref, &whole));
  long n = 0;
  for (;; n++) {
    cr_assert_lt(n, MAX_RUNS, "%s: no end to allocations", fmt);
    struct out o = {NULL, 0, 0};
    int done = pipeline_run(fmt, &in, n, &o, &whole);
    /* after a reset the output of the new stream ends the output */
    cr_assert(!whole || (o.len >= ref.len &&
                         (ref.len == 0 ||
                          memcmp(o.p + o.len - ref.len, ref.p, ref.len) == 0)),
              "%s, allocation %ld: output differs", fmt, n);
    free(o.p);
    if (done)
      break;
  }
  cr_log_info("%s: %ld allocation failures survived", fmt, n);
  free(in.p);
  free(ref.p);
}

Test(alloc, whole_pipeline_in_every_framing) {
  static const char *const framings[] = {"text", "nul", "jsonl", "wet"};
  struct out page = make_page();
  for (size_t i = 0; i < sizeof framings / sizeof *framings; i++) {
    kempt_config *cfg = kempt_config_new(NULL);
    int exists = kempt_config_set(cfg, "format", framings[i], 0) == KEMPT_OK;
    kempt_config_free(cfg);
    if (exists)
      pipeline_alloc_failures(framings[i], &page);
  }
  free(page.p);
}

/* ---- each stage alone ------------------------------------------------ */

struct chain {
  kempt_stage *h[4];
  int blocks[4];
};
struct hop {
  struct chain *c;
  size_t next;
};

static enum kempt_status hop_bytes(void *ud, const char *p, size_t n) {
  struct hop *h = ud;
  return kempt_stage_feed(h->c->h[h->next], p, n);
}
static enum kempt_status hop_block(void *ud, const struct kempt_block *b) {
  struct hop *h = ud;
  return kempt_stage_feed_block(h->c->h[h->next], b);
}
static enum kempt_status hop_end(void *ud) {
  struct hop *h = ud;
  return kempt_stage_finish(h->c->h[h->next]);
}

/* decode -> [split ->] stage [-> write], built from the end. */
static enum kempt_status open_chain(struct chain *c, struct hop *hops,
                                    const char *const *names, size_t n,
                                    const kempt_config *cfg, struct out *o) {
  for (size_t i = n; i-- > 0;) {
    struct kempt_sink sink = {out_write, NULL, NULL, o};
    if (i + 1 < n) {
      hops[i] = (struct hop){c, i + 1};
      sink = (struct kempt_sink){hop_bytes, hop_block, hop_end, &hops[i]};
    }
    enum kempt_status st;
    c->h[i] = kempt_stage_new(names[i], cfg, &sink, &st);
    if (!c->h[i])
      return st;
  }
  return KEMPT_OK;
}

/* After a failure: reset every handle and run the input again. */
static void rerun(struct chain *c, size_t n, const struct out *in,
                  struct out *out) {
  for (size_t i = 0; i < n; i++)
    kempt_stage_reset(c->h[i]);
  out->len = 0;
  enum kempt_status st = KEMPT_OK;
  for (size_t i = 0; st == KEMPT_OK && i < in->len; i += 4000)
    st = kempt_stage_feed(c->h[0], in->p + i,
                          in->len - i < 4000 ? in->len - i : 4000);
  if (st == KEMPT_OK)
    st = kempt_stage_finish(c->h[0]);
  cr_assert_eq(st, KEMPT_OK, "after reset: %s", kempt_strerror(st));
}

static int stage_alloc_run(const char *const *names, size_t n,
                           const struct out *in, long fail_at,
                           struct out *out) {
  struct counter cnt = {fail_at, 0, 0, 0};
  struct kempt_allocator a = {c_malloc, c_realloc, c_free, &cnt};
  struct chain c;
  struct hop hops[4];
  memset(&c, 0, sizeof c);
  kempt_config *cfg = kempt_config_new(&a);
  enum kempt_status st =
      cfg ? open_chain(&c, hops, names, n, cfg, out) : KEMPT_ERR_NOMEM;
  int opened = st == KEMPT_OK;
  for (size_t i = 0; st == KEMPT_OK && i < in->len; i += 4000)
    st = kempt_stage_feed(c.h[0], in->p + i,
                          in->len - i < 4000 ? in->len - i : 4000);
  if (st == KEMPT_OK)
    st = kempt_stage_finish(c.h[0]);
  else if (opened)
    cr_assert_eq(kempt_stage_finish(c.h[0]), st, "errors are sticky");
  if (opened && st != KEMPT_OK) /* reset handles work again */
    rerun(&c, n, in, out);
  for (size_t i = 0; i < n; i++)
    kempt_stage_free(c.h[i]);
  kempt_config_free(cfg);
  cr_assert(st == KEMPT_OK || st == KEMPT_ERR_NOMEM, "%s, allocation %ld: %s",
            names[n - 1], fail_at, kempt_strerror(st));
  cr_assert(st != KEMPT_ERR_NOMEM || cnt.failed, "%s, allocation %ld",
            names[n - 1], fail_at); /* survived failures: see above */
  cr_assert_eq(cnt.live, 0, "%s, allocation %ld: %ld blocks leaked",
               names[n - 1], fail_at, cnt.live);
  return !cnt.failed;
}

static int takes_blocks(const char *name) {
  kempt_config *cfg = kempt_config_new(NULL);
  struct kempt_sink sink = {out_write, NULL, NULL, NULL};
  kempt_stage *h = kempt_stage_new(name, cfg, &sink, NULL);
  cr_assert_not_null(h, "stage %s", name);
  int b = kempt_stage_takes_blocks(h);
  kempt_stage_free(h);
  kempt_config_free(cfg);
  return b;
}

Test(alloc, every_stage_alone) {
  struct out page = make_page();
  const struct kempt_stage_info *si;
  for (size_t s = 0; (si = kempt_stage_get(s)) != NULL; s++) {
    const char *names[4];
    size_t n = 0;
    int blocks = takes_blocks(si->name);
    if (strcmp(si->name, "decode") != 0)
      names[n++] = "decode";
    if (blocks)
      names[n++] = "split";
    names[n++] = si->name;
    if (blocks)
      names[n++] = "write";
    struct out ref = {NULL, 0, 0};
    cr_assert(stage_alloc_run(names, n, &page, -1, &ref));
    for (long k = 0;; k++) {
      cr_assert_lt(k, MAX_RUNS, "%s: no end to allocations", si->name);
      struct out o = {NULL, 0, 0};
      int done = stage_alloc_run(names, n, &page, k, &o);
      cr_assert(o.len == 0 ||
                    (o.len == ref.len && memcmp(o.p, ref.p, ref.len) == 0),
                "%s, allocation %ld: output differs", si->name, k);
      free(o.p);
      if (done) {
        cr_log_info("%s alone: %ld allocation failures survived", si->name, k);
        break;
      }
    }
    free(ref.p);
  }
  free(page.p);
}
