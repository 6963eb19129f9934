/* test_chromefast_words.c - the chrome tokenizer's fast paths read a word
 * as its slow paths do: the same hash, flags and bounds whatever follows
 * the word (a space, punctuation of two or three bytes, a letter of two
 * bytes), and chunks of any size give the same tokens.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "lib/chrome_int.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#define BUF 256

/* Tokens of text s (a line; the end mark and the pad are added). */
static size_t lex_all(const char *s, struct chrome_tok *t, size_t max,
                      struct chrome_cpinfo *cache) {
  static char buf[BUF + CHROME_LEX_PAD];
  size_t n = strlen(s);
  cr_assert(n < BUF);
  memset(buf, 0, sizeof buf);
  memcpy(buf, s, n);
  buf[n] = '\n';
  struct chrome_lex lx = {cache, 0, 0, false, false, false, NULL};
  size_t pos = 0, k = 0;
  for (;;) { /* chunks of max tokens */
    size_t got = kempt__chrome_lex(buf, n, &pos, t + k, max, &lx);
    k += got;
    if (got < max)
      return k;
  }
}

/* A word of len bytes: letters of both cases, or digits alone. */
static void make_word(char *w, size_t len, bool digits) {
  for (size_t i = 0; i < len; i++)
    w[i] = digits ? (char)('0' + i % 10)
                  : (char)((i % 3 == 0 ? 'A' : 'a') + (i * 7) % 26);
  w[len] = '\0';
}

Test(chromefast_words, same_word_whatever_follows) {
  static struct chrome_cpinfo cache[CHROME_CP_SLOTS];
  static const char *const after[] = {
      "",          " x",        "\xe2\x80\x99s", /* right quote */
      "\xe2\x80\x94x",                            /* em dash */
      "\xc2\xa0x",                                /* no-break space */
      "\xc2\xbb",                                 /* >> */
      ", x",       ".x",        "/x",  "\xc2\xa9 x"}; /* (c) */
  for (int digits = 0; digits < 2; digits++)
    for (size_t len = 1; len <= 40; len++) {
      char w[64], line[BUF];
      make_word(w, len, digits);
      struct chrome_tok ref[4], t[CHROME_MAXTOK];
      cr_assert_eq(lex_all(w, ref, 4, cache), 1);
      cr_assert_eq(ref[0].end, len);
      for (size_t a = 0; a < sizeof after / sizeof after[0]; a++)
        for (int c = 0; c < 2; c++) {
          snprintf(line, sizeof line, "%s%s", w, after[a]);
          size_t k = lex_all(line, t, CHROME_MAXTOK, c ? cache : NULL);
          cr_assert(k >= 1);
          cr_assert_eq(t[0].h, ref[0].h, "len %zu after %zu", len, a);
          cr_assert_eq(t[0].alpha, ref[0].alpha);
          cr_assert_eq(t[0].upper, ref[0].upper);
          cr_assert_eq(t[0].start, 0);
          cr_assert_eq(t[0].end, len);
          snprintf(line, sizeof line, "x %s%s", w, after[a]);
          k = lex_all(line, t, CHROME_MAXTOK, c ? cache : NULL);
          cr_assert(k >= 2);
          cr_assert_eq(t[1].h, ref[0].h);
          cr_assert_eq(t[1].start, 2);
          cr_assert_eq(t[1].end, len + 2);
        }
    }
}

Test(chromefast_words, a_letter_of_two_bytes_joins_the_word) {
  struct chrome_tok t[8];
  /* "cafe" + e acute: one word, not "caf" and a rest */
  cr_assert_eq(lex_all("caf\xc3\xa9 ok", t, 8, NULL), 2);
  cr_assert_eq(t[0].end, 5);
  cr_assert_eq(lex_all("CAF\xc3\x89", t, 8, NULL), 1);
  struct chrome_tok u[8];
  cr_assert_eq(lex_all("caf\xc3\xa9", u, 8, NULL), 1);
  cr_assert_eq(t[0].h, u[0].h); /* lower-cased alike */
  cr_assert(t[0].upper && !u[0].upper);
}

Test(chromefast_words, chunks_of_any_size) {
  static struct chrome_cpinfo cache[CHROME_CP_SLOTS];
  char line[BUF];
  size_t n = 0;
  for (size_t i = 0; n + 20 < BUF - 1; i++) { /* words of 1 to 17 bytes */
    char w[32];
    make_word(w, 1 + (i * 5) % 17, i % 7 == 3);
    n += (size_t)snprintf(line + n, BUF - n, i % 5 == 4 ? "%s, " : "%s ",
                          w);
  }
  struct chrome_tok ref[BUF], t[BUF];
  size_t k = lex_all(line, ref, BUF, cache);
  cr_assert(k > 20);
  for (size_t max = 1; max <= 9; max++) {
    cr_assert_eq(lex_all(line, t, max, max % 2 ? cache : NULL), k);
    for (size_t i = 0; i < k; i++) {
      cr_assert_eq(t[i].h, ref[i].h, "max %zu token %zu", max, i);
      cr_assert_eq(t[i].start, ref[i].start);
      cr_assert_eq(t[i].end, ref[i].end);
      cr_assert_eq(t[i].alpha, ref[i].alpha);
      cr_assert_eq(t[i].upper, ref[i].upper);
    }
  }
}
