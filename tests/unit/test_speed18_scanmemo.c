/* test_speed18_scanmemo.c - the chrome scan memo (what a line of the
 * window made, for its later copies) starts with CHROME_SCAN_SMALL slots
 * and grows: the lines it holds when it grows are still found after (a
 * copy shares their words in the store), lines it lost are read again,
 * and either way a line's features and the window's language evidence
 * are those of a memo grown from the start; the stage over a page of
 * more lines than that (its memo grows on the way) gives the same text
 * whole and in chunks, and keeps and drops what it should.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chunks.h"
#include "lib/chrome_int.h"
#include "lib/internal.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINES (3 * CHROME_SCAN_SMALL / 2) /* distinct lines, read twice */
#define TEXT_CAP (1u << 20)

/* A doc as the chrome stage sets it up, its memo small or full. */
static void doc_open(struct chrome_doc *d, bool full) {
  memset(d, 0, sizeof *d);
  d->text.data = calloc(1, TEXT_CAP);
  d->text.size = d->text.cap = TEXT_CAP;
  d->units = calloc(2 * LINES, sizeof *d->units);
  d->capunits = 2 * LINES;
  d->sw = calloc(1, sizeof *d->sw);
  d->cp = calloc(CHROME_CP_SLOTS, sizeof *d->cp);
  d->hsw = calloc(CHROME_HSW_SLOTS, sizeof *d->hsw);
  d->scan =
      calloc(full ? CHROME_SCAN_SLOTS : CHROME_SCAN_SMALL, sizeof *d->scan);
  d->scan_shift = full ? CHROME_SCAN_SHIFT : CHROME_SCAN_SMALL_SHIFT;
  cr_assert(d->text.data && d->units && d->sw && d->cp && d->hsw && d->scan);
  d->gen = 1;
  d->lex = kempt__chrome_lex_counted(d->sw);
  d->lex_short = kempt__chrome_lex_short(d->sw);
  d->wc.sw = d->sw;
  d->wc.rules = kempt__chrome_rules_builtin();
  d->lx.cache = d->cp;
  d->lx.count = &d->wc;
}

static void doc_close(struct chrome_doc *d) {
  free(d->text.data);
  free(d->units);
  free(d->sw);
  free(d->cp);
  free(d->hsw);
  free(d->scan);
  free(d->toks);
}

/* Line k: a short line of made-up words and English, German and French
 * function words (so that it counts for the window's languages). */
static size_t line_of(int k, char *buf, size_t cap) {
  char w[5];
  int v = k;
  for (int i = 0; i < 4; i++, v /= 26)
    w[i] = (char)('a' + v % 26);
  w[4] = '\0';
  return (size_t)snprintf(buf, cap, "Qv%s of the %s und die le Xo%s", w, w, w);
}

/* Hold line k as the window's next unit and scan it. */
static struct chrome_unit *scan(struct chrome_doc *d, int k) {
  char buf[96];
  size_t n = line_of(k, buf, sizeof buf);
  size_t off = d->text.len;
  memcpy(d->text.data + off, buf, n);
  d->text.data[off + n] = '\n';
  d->text.len += n + 1;
  struct chrome_unit *u = &d->units[d->nunits++];
  u->off = (uint32_t)off;
  u->len = (uint32_t)n;
  kempt__chrome_scan_line(d, d->wc.rules, kempt__default_allocator(), u,
                          d->text.data + off, n);
  return u;
}

/* What scan_line makes of a line, but where it is and its words' place
 * in the store (a copy found in the memo shares its first's). */
static void assert_same_unit(const struct chrome_unit *a,
                             const struct chrome_unit *b, int k) {
  struct chrome_unit x = *a, y = *b;
  x.off = y.off = x.len = y.len = x.tok = y.tok = 0;
  cr_assert_eq(memcmp(&x, &y, sizeof x), 0, "line %d", k);
}

/* Mark the lines of d's window its memo holds; returns how many. */
static size_t held_lines(const struct chrome_doc *d, bool *held) {
  size_t n = 0, slots = (size_t)1 << (64 - d->scan_shift);
  for (size_t i = 0; i < slots; i++)
    if (d->scan[i].gen == d->gen) {
      held[d->scan[i].unit] = true;
      n++;
    }
  return n;
}

Test(speed18_scanmemo, grown_memo_keeps_its_lines) {
  static struct chrome_doc small, full;
  doc_open(&small, false);
  doc_open(&full, true);
  for (int k = 0; k < LINES; k++) {
    assert_same_unit(scan(&small, k), scan(&full, k), k);
  }
  /* the lines each memo holds now (others were pushed out) */
  static bool held[LINES], held_full[LINES];
  size_t nheld = held_lines(&small, held);
  size_t nfull = held_lines(&full, held_full);
  cr_assert_gt(nheld, CHROME_SCAN_SMALL / 2);
  cr_assert_lt(nheld, LINES); /* (some were lost: they are read again) */
  cr_assert_gt(nfull, nheld);
  kempt__chrome_scan_grow(&small, kempt__default_allocator());
  cr_assert_eq(small.scan_shift, CHROME_SCAN_SHIFT);
  /* the lines it held first (before a line read again takes a slot),
   * then the others */
  size_t found = 0;
  for (int pass = 0; pass < 2; pass++)
    for (int k = 0; k < LINES; k++) {
      if (held[k] != (pass == 0))
        continue;
      const struct chrome_unit *a = scan(&small, k), *b = scan(&full, k);
      assert_same_unit(a, b, k);
      bool copy = a->tok == small.units[k].tok; /* (its first's words) */
      cr_assert_eq(copy, held[k], "line %d", k);
      found += copy;
    }
  cr_assert_eq(found, nheld);
  cr_assert_eq(memcmp(&small.lang, &full.lang, sizeof small.lang), 0);
  doc_close(&small);
  doc_close(&full);
}

/* Entries of a window before are not carried into the grown memo: a
 * line of the new window that has the bytes of an old one is read. */
Test(speed18_scanmemo, old_windows_are_left_behind) {
  static struct chrome_doc d;
  doc_open(&d, false);
  for (int k = 0; k < 100; k++)
    scan(&d, k);
  d.gen++; /* (a new window: chrome.c's clear_window) */
  kempt__chrome_scan_grow(&d, kempt__default_allocator());
  for (size_t i = 0; i < CHROME_SCAN_SLOTS; i++)
    cr_assert_eq(d.scan[i].gen, 0, "slot %zu", i);
  doc_close(&d);
}

/* The stage over a page of many short lines, all of them twice, far
 * apart (the second time after the memo grew): the same text whole and
 * in chunks; the footer goes, the prose stays. */
Test(speed18_scanmemo, a_page_of_many_lines) {
  static const char *const CHROME[] = {"stages=chrome", NULL};
  size_t cap = 1u << 20, n = 0;
  char *in = malloc(cap);
  cr_assert_not_null(in);
  for (int r = 0; r < 2; r++) {
    n += (size_t)snprintf(in + n, cap - n, "Home\nNews\nSports\nWeather\n\n");
    for (int k = 0; k < 3 * CHROME_SCAN_GROW / 2; k++) {
      char buf[96];
      line_of(k, buf, sizeof buf);
      n += (size_t)snprintf(in + n, cap - n,
                            "%s said that the council met in the hall and "
                            "spoke at length.%s",
                            buf, k % 3 == 2 ? "\n\n" : "\n");
    }
  }
  n += (size_t)snprintf(in + n, cap - n, "\n\nAll rights reserved.\n");
  char *out = assert_chunking_invariant(CHROME, in, n);
  cr_assert_null(strstr(out, "All rights reserved"), "%.200s", out);
  cr_assert_not_null(strstr(out, "Qvaaaa of the aaaa und die le"));
  free(out);
  free(in);
}
