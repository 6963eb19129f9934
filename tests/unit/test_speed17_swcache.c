/* test_speed17_swcache.c - the chrome tokenizer's cache of function-word
 * look-ups starts small and grows (with its entries) after
 * CHROME_SW_GROW fills: lines read through it count what lines read
 * through a cache grown from the start count, before, while and after it
 * grows, by either of its ways (the small one too on the grown cache);
 * and the stage gives the same text as before on a page of many words.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "lib/chrome_int.h"
#include "chunks.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Line k: three made-up words and function words of English, German and
 * French (the cache keeps their languages). */
static size_t line_of(int k, char *buf, size_t cap) {
  char w[6];
  int v = k;
  for (int d = 0; d < 5; d++, v /= 26)
    w[d] = (char)('a' + v % 26);
  w[5] = '\0';
  int n = snprintf(buf, cap, "Zq%s of the und die %sx le la Wy%s", w, w, w);
  memset(buf + n, 0, cap - (size_t)n);
  buf[n] = '\n';
  return (size_t)n;
}

static void count_line(const char *buf, size_t n, struct chrome_swcache *sw,
                       struct chrome_cpinfo *cp, chrome_lex_fn lex,
                       struct chrome_count *c, struct chrome_tok *t) {
  struct chrome_lex lx;
  memset(c, 0, sizeof *c);
  c->sw = sw;
  c->rules = kempt__chrome_rules_builtin();
  memset(&lx, 0, sizeof lx);
  lx.cache = cp;
  lx.count = c;
  size_t pos = 0;
  if (lex)
    lex(buf, n, &pos, t, CHROME_MAXTOK, &lx);
  else
    kempt__chrome_lex(buf, n, &pos, t, CHROME_MAXTOK, &lx);
}

Test(speed17_swcache, small_then_grown_counts_as_grown) {
  struct chrome_swcache *sw = calloc(1, sizeof *sw),
                        *full = calloc(1, sizeof *full),
                        *late = calloc(1, sizeof *late);
  struct chrome_cpinfo *cp = calloc(CHROME_CP_SLOTS, sizeof *cp);
  cr_assert(sw && full && late && cp);
  full->grown = true;
  /* late: read by the small way all along, grown or not */
  chrome_lex_fn small_way = kempt__chrome_lex_counted(late);
  int grew_at = -1;
  for (int k = 0; k < 3 * CHROME_SW_GROW; k++) {
    char buf[128];
    size_t n = line_of(k % 2 ? k : k / 2, buf, sizeof buf); /* (repeats) */
    struct chrome_count a, b, d;
    struct chrome_tok ta[CHROME_MAXTOK], tb[CHROME_MAXTOK], td[CHROME_MAXTOK];
    count_line(buf, n, sw, cp, NULL, &a, ta);
    count_line(buf, n, full, cp, NULL, &b, tb);
    count_line(buf, n, late, cp, small_way, &d, td);
    cr_assert_eq(a.words, b.words, "line %d", k);
    cr_assert_eq(a.stop, b.stop, "line %d", k);
    cr_assert_eq(a.langs, b.langs, "line %d", k);
    cr_assert_eq(a.hs, b.hs, "line %d", k);
    cr_assert_eq(memcmp(a.hits, b.hits, sizeof a.hits), 0, "line %d", k);
    cr_assert_eq(d.stop, b.stop, "line %d", k);
    cr_assert_eq(d.langs, b.langs, "line %d", k);
    cr_assert_eq(d.hs, b.hs, "line %d", k);
    cr_assert_eq(memcmp(d.hits, b.hits, sizeof d.hits), 0, "line %d", k);
    cr_assert_eq(b.stop, 6, "line %d", k); /* of the und die le la */
    if (grew_at < 0 && sw->grown)
      grew_at = k;
  }
  cr_assert_gt(grew_at, 0); /* it grew, not at once */
  cr_assert(late->grown);
  free(sw);
  free(full);
  free(late);
  free(cp);
}

/* The chrome stage over a page of some thousands of words (its cache
 * grows on the way) keeps and drops what it did: a menu line and a
 * footer phrase go, the prose stays. */
Test(speed17_swcache, a_page_of_many_words) {
  static const char *const CHROME[] = {"stages=chrome", NULL};
  size_t cap = 1u << 20, n = 0;
  char *in = malloc(cap);
  cr_assert_not_null(in);
  n += (size_t)snprintf(in + n, cap - n, "Home\n\nNews\n\nSports\n\n");
  for (int k = 0; k < 600; k++) {
    char buf[128];
    line_of(k, buf, sizeof buf);
    *strchr(buf, '\n') = '\0';
    n += (size_t)snprintf(in + n, cap - n,
                          "%s and the council met in the town hall, where "
                          "%s spoke at length.%s",
                          buf, buf, k % 4 == 3 ? "\n\n" : " ");
  }
  n += (size_t)snprintf(in + n, cap - n, "\n\nAll rights reserved.\n");
  char *out = assert_chunking_invariant(CHROME, in, n);
  cr_assert_null(strstr(out, "All rights reserved"), "%.200s", out);
  cr_assert_not_null(strstr(out, "Zqaaaaa of the und die aaaaax le la"));
  cr_assert_not_null(strstr(out, "where Zqxwaaa of the"));
  free(out);
  free(in);
}
