/* test_chromespeed5_short.c - the tokenizer's way for a line of at most
 * CHROME_MAXTOK bytes (kempt__chrome_lex_short: no test of the room left)
 * reads what its way for any line (kempt__chrome_lex_counted) reads: the
 * same tokens, features and counts.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "lib/chrome_int.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

/* Pieces a line is made of: words, numbers, spaces, punctuation, and
 * letters, signs and marks of two to four bytes. */
static const char *const pieces[] = {
    "a", "Ab", "the", "News", "and", "7", "2024", " ", " ", " ", "  ", "\t",
    ".", "...", ":", "|", ">", "-", "[", "]", "(", ")", "/", "@", "#",
    ".jpg", "\xc2\xa9", "\xc2\xbb", "\xc2\xa0", "\xe2\x80\x94", "\xe2\x80\xa2",
    "\xe2\x80\xa6", "\xc3\xa9t\xc3\xa9", "\xc3\x9c", "\xd0\x9d\xd0\xbe",
    "\xd1\x8f", "\xe4\xb8\xad\xe6\x96\x87", "\xf0\x9f\x98\x80",
    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80", "\xcc\x81", "\x80", "\xff"};

static void lex_with(chrome_lex_fn lex, const char *p, size_t n,
                     struct chrome_tok *t, size_t *count, size_t *pos,
                     struct chrome_lex *lx, struct chrome_count *c,
                     struct chrome_swcache *sw, struct chrome_cpinfo *cp) {
  memset(c, 0, sizeof *c);
  c->sw = sw;
  c->rules = kempt__chrome_rules_builtin();
  memset(lx, 0, sizeof *lx);
  lx->cache = cp;
  lx->count = c;
  *pos = 0;
  *count = lex(p, n, pos, t, CHROME_MAXTOK, lx);
}

Test(chromespeed5_short, short_way_reads_as_the_general_one) {
  struct chrome_swcache *sw = calloc(1, sizeof *sw);
  struct chrome_cpinfo *cp = calloc(CHROME_CP_SLOTS, sizeof *cp);
  cr_assert(sw && cp && kempt__chrome_rules_builtin());
  chrome_lex_fn any = kempt__chrome_lex_counted(sw);
  chrome_lex_fn lean = kempt__chrome_lex_short(sw);
  srand(5);
  for (int round = 0; round < 20000; round++) {
    char buf[CHROME_MAXTOK + 64];
    size_t n = 0, want = (size_t)rand() % (CHROME_MAXTOK + 1);
    while (n < want) {
      const char *s = pieces[(size_t)rand() % (sizeof pieces / sizeof *pieces)];
      size_t k = strlen(s);
      if (n + k > want)
        break;
      memcpy(buf + n, s, k);
      n += k;
    }
    memset(buf + n, 0, sizeof buf - n);
    buf[n] = '\n';
    struct chrome_tok ta[CHROME_MAXTOK], tb[CHROME_MAXTOK];
    struct chrome_lex la, lb;
    struct chrome_count ca, cb;
    size_t na, nb, pa, pb;
    lex_with(any, buf, n, ta, &na, &pa, &la, &ca, sw, cp);
    lex_with(lean, buf, n, tb, &nb, &pb, &lb, &cb, sw, cp);
    cr_assert_eq(na, nb, "round %d: %zu tokens, not %zu", round, nb, na);
    cr_assert_eq(pa, pb, "round %d: ends at %zu, not %zu", round, pb, pa);
    for (size_t i = 0; i < na; i++) {
      cr_assert_eq(ta[i].h, tb[i].h, "round %d token %zu", round, i);
      cr_assert_eq(ta[i].start, tb[i].start);
      cr_assert_eq(ta[i].end, tb[i].end);
      cr_assert_eq(ta[i].alpha, tb[i].alpha);
      cr_assert_eq(ta[i].upper, tb[i].upper);
    }
    cr_assert_eq(la.conts, lb.conts);
    cr_assert_eq(la.seps, lb.seps);
    cr_assert_eq(la.bracket, lb.bracket);
    cr_assert_eq(la.dots3, lb.dots3);
    cr_assert_eq(la.ext_dot, lb.ext_dot);
    cr_assert_eq(ca.hs, cb.hs);
    cr_assert_eq(ca.words, cb.words);
    cr_assert_eq(ca.upper, cb.upper);
    cr_assert_eq(ca.stop, cb.stop);
    cr_assert_eq(ca.langs, cb.langs);
    cr_assert(memcmp(ca.hits, cb.hits, sizeof ca.hits) == 0);
  }
  free(sw);
  free(cp);
}
