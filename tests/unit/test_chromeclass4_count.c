/* test_chromeclass4_count.c - kempt__chrome_lex_count counts the rest of
 * a line as kempt__chrome_lex does in chunks: the same tokens, counts and
 * character features (and it leaves hs alone).
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "lib/chrome_int.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#define BUF 8192

static struct chrome_cpinfo cache[CHROME_CP_SLOTS];
static struct chrome_swcache sw1, sw2;
static char buf[BUF + CHROME_LEX_PAD];

/* Pieces that lines are made of: words in a few scripts, numbers,
 * punctuation, separators, brackets, dots. */
static const char *const piece[] = {
    "the",  "The",  "of",   "and",  "News", "2024", "x",    "[Menu]",
    "|",    "/",    "...",  ".jpg", "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82",
    "und",  "der",  "caf\xc3\xa9", "\xe2\x80\x94", "\xc2\xa9", "--",
    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80", "le",   "est",  "A.B.", "C3PO"};

/* Line number seed: pieces joined by spaces (some glued), words in all. */
static size_t make_line(unsigned seed, size_t words) {
  size_t n = 0;
  unsigned x = seed * 2654435761u + 1;
  for (size_t w = 0; w < words; w++) {
    x = x * 1103515245u + 12345u;
    const char *s = piece[(x >> 8) % (sizeof piece / sizeof piece[0])];
    size_t k = strlen(s);
    if (n + k + 2 >= BUF)
      break;
    memcpy(buf + n, s, k);
    n += k;
    if ((x >> 20) % 7)
      buf[n++] = ' ';
  }
  memset(buf + n, 0, CHROME_LEX_PAD);
  buf[n] = '\n';
  return n;
}

Test(chromeclass4_count, same_counts_as_chunks) {
  const struct chrome_rules *r = kempt__chrome_rules_builtin();
  cr_assert(r);
  static const size_t sizes[] = {0, 1, 10, 63, 64, 65, 100, 127, 128,
                                 129, 300, 1000};
  for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
    for (unsigned seed = 0; seed < 20; seed++) {
      size_t n = make_line(seed + 100 * (unsigned)s, sizes[s]);
      struct chrome_tok t[CHROME_MAXTOK];
      /* chunks of CHROME_MAXTOK tokens */
      struct chrome_count c1 = {&sw1, r, 0, 0, 0, 0, {0}, 0, false};
      struct chrome_lex l1 = {cache, 0, 0, false, false, false, &c1};
      size_t pos = 0, k, total1 = 0, first1;
      first1 = k = kempt__chrome_lex(buf, n, &pos, t, CHROME_MAXTOK, &l1);
      uint64_t hs1 = c1.hs;
      total1 = k;
      while (k == CHROME_MAXTOK) {
        k = kempt__chrome_lex(buf, n, &pos, t, CHROME_MAXTOK, &l1);
        total1 += k;
      }
      /* the first chunk, then the rest counted only */
      struct chrome_count c2 = {&sw2, r, 0, 0, 0, 0, {0}, 0, false};
      struct chrome_lex l2 = {cache, 0, 0, false, false, false, &c2};
      size_t pos2 = 0;
      size_t total2 = kempt__chrome_lex(buf, n, &pos2, t, CHROME_MAXTOK, &l2);
      cr_assert_eq(total2, first1);
      if (total2 == CHROME_MAXTOK)
        total2 += kempt__chrome_lex_count(buf, n, &pos2, &l2);
      cr_assert_eq(total1, total2, "tokens %zu %zu", total1, total2);
      cr_assert_eq(pos, pos2);
      cr_assert_eq(hs1, c2.hs);
      cr_assert_eq(c1.words, c2.words);
      cr_assert_eq(c1.upper, c2.upper);
      cr_assert_eq(c1.stop, c2.stop);
      cr_assert_eq(c1.langs, c2.langs);
      cr_assert(memcmp(c1.hits, c2.hits, sizeof c1.hits) == 0);
      cr_assert_eq(l1.conts, l2.conts);
      cr_assert_eq(l1.seps, l2.seps);
      cr_assert_eq(l1.bracket, l2.bracket);
      cr_assert_eq(l1.dots3, l2.dots3);
      cr_assert_eq(l1.ext_dot, l2.ext_dot);
    }
}
