/* test_chromespeed2_cyr.c - the chrome tokenizer's shortcut for basic
 * Cyrillic letters (U+0410..U+044F) agrees with utf8proc, and words read
 * through it hash as their lower-case forms do.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "lib/chrome_int.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

Test(chrome_cyr, facts_of_the_shortcut) {
  for (utf8proc_int32_t cp = 0x410; cp <= 0x44F; cp++) {
    utf8proc_category_t c = utf8proc_category(cp);
    cr_assert_eq(c, cp < 0x430 ? UTF8PROC_CATEGORY_LU : UTF8PROC_CATEGORY_LL,
                 "U+%04X", (unsigned)cp);
    cr_assert_eq(utf8proc_tolower(cp), cp < 0x430 ? cp + 0x20 : cp,
                 "U+%04X", (unsigned)cp);
  }
}

/* The one token of word (UTF-8, NUL-terminated). */
static struct chrome_tok token_of(const char *word) {
  char buf[64] = {0};
  size_t n = strlen(word);
  memcpy(buf, word, n);
  buf[n] = '\n';
  struct chrome_tok t[4];
  size_t total, nt = kempt__chrome_tokens(buf, n, t, 4, &total, NULL);
  cr_assert_eq(nt, 1);
  cr_assert_eq(total, 1);
  return t[0];
}

Test(chrome_cyr, words_hash_as_lower_case) {
  /* each capital and small letter alone, after an ASCII letter and
   * before a letter outside the shortcut (U+0451) */
  for (utf8proc_int32_t cp = 0x410; cp <= 0x42F; cp++) {
    char up[8] = {0}, low[8] = {0};
    utf8proc_encode_char(cp, (utf8proc_uint8_t *)up);
    utf8proc_encode_char(cp + 0x20, (utf8proc_uint8_t *)low);
    for (size_t f = 0; f < 3; f++) {
      char a[32], b[32]; /* the letter alone, after "a", before U+0451 */
      snprintf(a, sizeof a, "%s%s%s", f == 1 ? "a" : "", up,
               f == 2 ? "\xd1\x91" : "");
      snprintf(b, sizeof b, "%s%s%s", f == 1 ? "a" : "", low,
               f == 2 ? "\xd1\x91" : "");
      struct chrome_tok ta = token_of(a), tb = token_of(b);
      cr_assert_eq(ta.h, tb.h, "U+%04X form %zu", (unsigned)cp, f);
      cr_assert(ta.alpha && tb.alpha);
      cr_assert_eq(ta.upper, f != 1, "U+%04X form %zu", (unsigned)cp, f);
      cr_assert(!tb.upper);
    }
  }
}
