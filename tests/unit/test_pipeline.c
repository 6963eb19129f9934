/* test_pipeline.c - the pipeline, paragraph output, framings, config.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chunks.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const DECODE_ONLY[] = {"stages=decode", NULL};

static void check(const char *const *opts, const char *in, size_t n,
                  const char *want) {
  size_t len;
  char *out = assert_chunking_invariant(opts, in, n);
  len = strlen(out);
  cr_assert_str_eq(out, want);
  cr_assert_eq(len, strlen(want));
  free(out);
}
#define CHECK(opts, in, want) check(opts, in, sizeof(in) - 1, want)

Test(output, empty_input_gives_empty_output) {
  CHECK(NULL, "", "");
  CHECK(NULL, " \n\t\n\n", "");
}

Test(output, one_blank_line_between_paragraphs_one_final_newline) {
  CHECK(DECODE_ONLY, "\n\n  first  \n\n\n\nsecond", "first\n\nsecond\n");
  CHECK(DECODE_ONLY, "a\n \t \nb\n\xc2\xa0\nc\n", "a\n\nb\n\nc\n");
}

Test(output, inner_lines_kept_common_indent_removed) {
  CHECK(DECODE_ONLY, "    one\n      two  \n    three\n",
        "one\n  two\nthree\n");
}

Test(output, crlf_page) {
  CHECK(DECODE_ONLY, "Title\r\n\r\nBody line\r\n\r\n\r\n", "Title\n\nBody line\n");
}

Test(framing, nul_documents_kept_even_empty) {
  static const char *const nul[] = {"format=nul", NULL};
  static const char in[] = "a\0\0b\n\nc\0";
  check(nul, in, sizeof in - 1, "a\n");
  size_t len;
  char *out = kempt_run(nul, in, sizeof in - 1, WHOLE, 0, 0, &len);
  cr_assert_eq(len, 10);
  cr_assert(memcmp(out, "a\n\0\0b\n\nc\n\0", 10) == 0);
  free(out);
  out = kempt_run(nul, "x", 1, WHOLE, 0, 0, &len); /* no final NUL */
  cr_assert(len == 3 && memcmp(out, "x\n\0", 3) == 0);
  free(out);
  out = kempt_run(nul, "", 0, WHOLE, 0, 0, &len); /* no document at all */
  cr_assert_eq(len, 0);
  free(out);
}

struct sink {
  char buf[256];
  size_t len;
  int fail_after; /* fail the n-th write, or never when < 0 */
};

static enum kempt_status to_sink(void *ud, const char *p, size_t n) {
  struct sink *s = ud;
  if (s->fail_after == 0)
    return KEMPT_ERR_WRITE;
  if (s->fail_after > 0)
    s->fail_after--;
  cr_assert_lt(s->len + n, sizeof s->buf);
  memcpy(s->buf + s->len, p, n);
  s->len += n;
  return KEMPT_OK;
}

Test(framing, text_streams_are_documents_joined_by_a_blank_line) {
  struct sink s = {.fail_after = -1};
  kempt_config *cfg = kempt_config_new(NULL);
  kempt_config_output(cfg, to_sink, &s);
  kempt *k = kempt_new(cfg, NULL);
  kempt_config_free(cfg);
  cr_assert_not_null(k);
  cr_assert_eq(kempt_feed(k, "one\n", 4), KEMPT_OK);
  cr_assert_eq(kempt_finish(k), KEMPT_OK);
  cr_assert_eq(kempt_finish(k), KEMPT_OK); /* an empty document */
  cr_assert_eq(kempt_feed(k, "two", 3), KEMPT_OK);
  cr_assert_eq(kempt_finish(k), KEMPT_OK);
  s.buf[s.len] = '\0';
  cr_assert_str_eq(s.buf, "one\n\ntwo\n");
  struct kempt_counters c;
  kempt_get_counters(k, &c);
  cr_assert_eq(c.documents_in, 3);
  cr_assert_eq(c.documents_out, 3);
  cr_assert_eq(c.bytes_in, 7);
  cr_assert_eq(c.bytes_out, 9);
  kempt_free(k);
}

Test(pipeline, errors_are_sticky_until_reset) {
  struct sink s = {.fail_after = 0};
  kempt_config *cfg = kempt_config_new(NULL);
  kempt_config_output(cfg, to_sink, &s);
  kempt *k = kempt_new(cfg, NULL);
  kempt_config_free(cfg);
  enum kempt_status st = kempt_feed(k, "text\n\nmore", 10);
  if (st == KEMPT_OK)
    st = kempt_finish(k);
  cr_assert_eq(st, KEMPT_ERR_WRITE);
  cr_assert_eq(kempt_feed(k, "x", 1), KEMPT_ERR_WRITE);
  cr_assert_eq(kempt_finish(k), KEMPT_ERR_WRITE);
  kempt_reset(k);
  s.fail_after = -1;
  cr_assert_eq(kempt_feed(k, "x", 1), KEMPT_OK);
  cr_assert_eq(kempt_finish(k), KEMPT_OK);
  kempt_free(k);
}

Test(config, stage_selection) {
  kempt_config *cfg = kempt_config_new(NULL);
  cr_assert_eq(kempt_config_set(cfg, "stages", "nosuch", 0), KEMPT_ERR_USAGE);
  cr_assert_eq(kempt_config_set(cfg, "stages", "", 0), KEMPT_ERR_USAGE);
  cr_assert_eq(kempt_config_set(cfg, "stages", "split", 0), KEMPT_ERR_USAGE);
  cr_assert_eq(kempt_config_set(cfg, "stages", "decode", 0), KEMPT_OK);
  cr_assert_eq(kempt_config_has_stage(cfg, "decode"), 1);
  cr_assert_eq(kempt_config_has_stage(cfg, "nosuch"), -1);
  cr_assert_eq(kempt_config_set(cfg, "skip", "decode", 0), KEMPT_ERR_USAGE);
  kempt_config_free(cfg);
}

Test(config, options_are_validated) {
  kempt_config *cfg = kempt_config_new(NULL);
  cr_assert_eq(kempt_config_set(cfg, "no-such-option", "1", 0),
               KEMPT_ERR_USAGE);
  cr_assert_eq(kempt_config_set(cfg, "format", "xml", 0), KEMPT_ERR_USAGE);
  cr_assert_eq(kempt_config_set(cfg, "format", "nul", 0), KEMPT_OK);
  cr_assert_eq(kempt_config_set(cfg, "keep-chrome", "maybe", 0),
               KEMPT_ERR_USAGE);
  cr_assert_eq(kempt_config_set(cfg, "max-block", "12x", 0), KEMPT_ERR_USAGE);
  cr_assert_eq(kempt_config_set(cfg, "max-block", "100", 0), KEMPT_OK);
  cr_assert_null(kempt_new(cfg, NULL), "no output callback: no handle");
  kempt_config_free(cfg);
}

Test(config, tables_describe_stages_and_options) {
  const struct kempt_stage_info *si = kempt_stage_get(0);
  cr_assert_not_null(si);
  cr_assert_str_eq(si->name, "decode");
  cr_assert_eq(si->optional, 0);
  size_t n = 0;
  while (kempt_option_get(n))
    n++;
  cr_assert_geq(n, 4);
  cr_assert_str_eq(kempt_strerror(KEMPT_ERR_NOMEM), "out of memory");
  cr_assert_not_null(kempt_version());
}

Test(limits, long_block_is_cut_with_a_warning_and_valid_utf8) {
  static const char *const opts[] = {"max-block=100", NULL};
  char in[1000];
  for (size_t i = 0; i + 1 < sizeof in; i += 2)
    memcpy(in + i, "\xc3\xa9", 2); /* no newline at all */
  char *out = assert_chunking_invariant(opts, in, sizeof in);
  size_t len = strlen(out);
  cr_assert(valid_utf8(out, len));
  cr_assert_gt(len, 990); /* nothing dropped */
  free(out);
}

/* The splitter cuts blocks in place when it holds nothing and through its
 * buffer otherwise: the blocks (and the cuts at max-block) must be the same
 * whichever way a byte went, so whatever the chunking. Also the writer's
 * paths: plain blocks copied whole, others trimmed line by line. */
Test(limits, blocks_and_cuts_do_not_depend_on_the_chunking) {
  static const char *const small[] = {"stages=decode", "max-block=64", NULL};
  char in[6000];
  size_t n = 0;
  srand(11);
  while (n < sizeof in - 200) {
    int kind = rand() % 8;
    size_t len = (size_t)(rand() % (kind == 0 ? 150 : 40));
    if (kind == 1)
      in[n++] = '\n'; /* a blank line */
    else if (kind == 2)
      for (int k = rand() % 12; k > 0; k--)
        in[n++] = ' '; /* indentation, or a line of spaces */
    else if (kind == 3) {
      memcpy(in + n, "\xc2\xa0 ", 3);
      n += 3;
    }
    for (size_t i = 0; i < len; i++, n++)
      in[n] = i % 7 == 3 ? ' ' : (char)('a' + (int)((i + n) % 26));
    if (kind == 4)
      in[n++] = '\t'; /* trailing white space */
    in[n++] = '\n';
  }
  static const char *const dec[] = {"stages=decode", NULL};
  free(assert_chunking_invariant(small, in, n));
  free(assert_chunking_invariant(dec, in, n));
  free(assert_chunking_invariant(NULL, in, n));
}

/* Allocation failure: fail the n-th allocation for n = 0, 1, 2, ... until
 * the whole run succeeds; every failure must come back as a status. */

Test(limits, every_allocation_failure_is_a_status) {
  const struct kempt_allocator *fa = &failing_allocator;
  static const char in[] = "Caf\xe9 society\r\n\r\nA second paragraph.\n";
  for (long n = 0;; n++) {
    cr_assert_lt(n, 10000);
    alloc_budget = n;
    kempt_config *cfg = kempt_config_new(fa);
    if (!cfg)
      continue;
    struct sink s = {.fail_after = -1};
    kempt_config_output(cfg, to_sink, &s);
    enum kempt_status st;
    kempt *k = kempt_new(cfg, &st);
    kempt_config_free(cfg);
    if (!k) {
      cr_assert_eq(st, KEMPT_ERR_NOMEM);
      continue;
    }
    st = kempt_feed(k, in, sizeof in - 1);
    if (st == KEMPT_OK)
      st = kempt_finish(k);
    kempt_free(k);
    if (st == KEMPT_OK)
      break;
    cr_assert_eq(st, KEMPT_ERR_NOMEM);
  }
}

/* Every page of corpus/ comes out the same whatever the chunking. */
Test(corpus, chunking_invariant_on_every_page) {
  DIR *d = opendir(srcpath("corpus"));
  cr_assert_not_null(d, "corpus/ not found (top_srcdir?)");
  struct dirent *e;
  int pages = 0;
  while ((e = readdir(d)) != NULL) {
    size_t n = strlen(e->d_name);
    if (n < 5 || strcmp(e->d_name + n - 4, ".txt") != 0)
      continue;
    char rel[512];
    snprintf(rel, sizeof rel, "corpus/%s", e->d_name);
    size_t len;
    char *in = slurp_file(srcpath(rel), &len);
    cr_assert_not_null(in, "%s", rel);
    free(assert_chunking_invariant(NULL, in, len));
    free(in);
    pages++;
  }
  closedir(d);
  cr_assert_gt(pages, 0);
}

/* ---- time per stage ---- */

static enum kempt_status discard(void *ud, const char *p, size_t n) {
  (void)ud;
  (void)p;
  (void)n;
  return KEMPT_OK;
}

static uint64_t mono_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Run opts over in in chunks of 1000 bytes; check that the time entries
 * are the names in want (pipeline order, then "framing"), and that they
 * add up to at most the wall time of the whole run. */
static void check_times(const char *const *opts, const char *in, size_t n,
                        const char *const *want) {
  kempt_config *cfg = kempt_config_new(NULL);
  kempt_config_output(cfg, discard, NULL);
  cr_assert_eq(kempt_config_set(cfg, "timing", NULL, 0), KEMPT_OK);
  for (size_t i = 0; opts && opts[i]; i++) {
    char name[64];
    const char *eq = strchr(opts[i], '=');
    size_t len = eq ? (size_t)(eq - opts[i]) : strlen(opts[i]);
    memcpy(name, opts[i], len);
    name[len] = '\0';
    cr_assert_eq(kempt_config_set(cfg, name, eq ? eq + 1 : NULL, 0),
                 KEMPT_OK);
  }
  uint64_t t0 = mono_ns();
  kempt *k = kempt_new(cfg, NULL);
  kempt_config_free(cfg);
  cr_assert_not_null(k);
  for (size_t i = 0; i < n; i += 1000)
    cr_assert_eq(kempt_feed(k, in + i, n - i < 1000 ? n - i : 1000),
                 KEMPT_OK);
  cr_assert_eq(kempt_finish(k), KEMPT_OK);
  uint64_t whole = mono_ns() - t0;
  const char *name;
  uint64_t ns, sum = 0;
  size_t i = 0;
  for (; kempt_stage_time(k, i, &name, &ns); i++) {
    cr_assert_not_null(want[i], "extra entry %s", name);
    cr_assert_str_eq(name, want[i]);
    cr_assert_leq(ns, whole, "%s: %llu ns of %llu", name,
                  (unsigned long long)ns, (unsigned long long)whole);
    sum += ns;
  }
  cr_assert_null(want[i], "no entry for %s", want[i]);
  cr_assert_leq(sum, whole);
  cr_assert_gt(sum, 0);
  kempt_free(k);
}

Test(timing, every_stage_that_ran_has_a_time_within_the_whole_run) {
  size_t len;
  char *in = slurp_file(srcpath("corpus/chrome-news-en.txt"), &len);
  cr_assert_not_null(in);
  static const char *const all[] = {"decode", "repair", "split", "unwrap",
                                    "spacing", "glue", "chrome", "dedup",
                                    "write", "framing", NULL};
  check_times(NULL, in, len, all);
  static const char *const some_opts[] = {"stages=spacing", NULL};
  static const char *const some[] = {"decode", "split", "spacing", "write",
                                     "framing", NULL};
  check_times(some_opts, in, len, some);
  static const char *const dec_opts[] = {"stages=decode", "format=nul", NULL};
  static const char *const dec[] = {"decode", "split", "write", "framing",
                                    NULL};
  check_times(dec_opts, in, len, dec);
  free(in);
}

Test(timing, off_by_default) {
  kempt_config *cfg = kempt_config_new(NULL);
  kempt_config_output(cfg, discard, NULL);
  kempt *k = kempt_new(cfg, NULL);
  kempt_config_free(cfg);
  cr_assert_eq(kempt_feed(k, "text\n", 5), KEMPT_OK);
  cr_assert_eq(kempt_finish(k), KEMPT_OK);
  const char *name;
  uint64_t ns;
  cr_assert_eq(kempt_stage_time(k, 0, &name, &ns), 0);
  kempt_free(k);
}

/* The splitter's blocks, one line each: offset, index, lines, flags, text
 * (the text as it came, in a fixed-size record). */
struct split_log {
  char *s;
  size_t len, size;
};

static enum kempt_status log_block(void *ud, const struct kempt_block *b) {
  struct split_log *l = ud;
  size_t need = l->len + b->len + 96;
  if (need > l->size) {
    l->size = 2 * need;
    l->s = realloc(l->s, l->size);
    cr_assert_not_null(l->s);
  }
  l->len += (size_t)snprintf(l->s + l->len, l->size - l->len,
                             "%llu %llu %u %u |", (unsigned long long)b->offset,
                             (unsigned long long)b->index, b->nlines, b->flags);
  memcpy(l->s + l->len, b->text, b->len);
  l->len += b->len;
  l->s[l->len++] = '\n';
  l->s[l->len] = '\0';
  return KEMPT_OK;
}

/* Run the splitter alone over in[0..n) in pieces of the given sizes (a
 * cycle of them), max-block 64; returns its log. */
static char *split_pieces(const char *in, size_t n, const size_t *sizes,
                          size_t nsizes) {
  kempt_config *cfg = kempt_config_new(NULL);
  cr_assert_eq(kempt_config_set(cfg, "max-block", "64", 2), KEMPT_OK);
  struct split_log l = {calloc(1, 1), 0, 1};
  struct kempt_sink sink = {NULL, log_block, NULL, &l};
  kempt_stage *st = kempt_stage_new("split", cfg, &sink, NULL);
  cr_assert_not_null(st);
  for (size_t i = 0, k = 0; i < n; k++) {
    size_t m = sizes[k % nsizes] < n - i ? sizes[k % nsizes] : n - i;
    cr_assert_eq(kempt_stage_feed(st, in + i, m), KEMPT_OK);
    i += m;
  }
  cr_assert_eq(kempt_stage_finish(st), KEMPT_OK);
  kempt_stage_free(st);
  kempt_config_free(cfg);
  return l.s;
}

/* A block begun in the splitter's buffer (its first lines came in an
 * earlier piece) is completed with the lines that follow in place: its
 * offset, index, line count and cut must be those of any other way. */
Test(split, blocks_do_not_depend_on_the_pieces) {
  static const char in[] =
      "first line\nsecond line of the block\n   \nnext block, one line\n\n"
      "\xc2\xa0\n  indented\n  lines of a block\n  that goes on and on and "
      "on past the cap of sixty-four bytes\nshort\n\n\n\nlast\nlines";
  size_t n = sizeof in - 1;
  static const size_t whole[] = {sizeof in};
  char *want = split_pieces(in, n, whole, 1);
  cr_assert(strstr(want, "|first line\nsecond line of the block\n") != NULL);
  cr_assert(strstr(want, "|last\nlines\n") != NULL);
  static const size_t ones[] = {1}, mixed[] = {5, 17, 2, 40, 3},
                      halves[] = {9, 64};
  const size_t *cuts[] = {ones, mixed, halves};
  const size_t ncuts[] = {1, 5, 2};
  for (size_t c = 0; c < 3; c++) {
    char *got = split_pieces(in, n, cuts[c], ncuts[c]);
    cr_assert_str_eq(got, want, "pieces %zu", c);
    free(got);
  }
  free(want);
}
