/* test_chrome_lex.c - the chrome tokenizer's shortcuts for punctuation and
 * symbols of two or three bytes agree with utf8proc.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "lib/chrome_int.h"

#include <criterion/criterion.h>
#include <string.h>
#include <utf8proc.h>

/* Tokens of "a<cp>b" (or "a <cp> b" when spaced) as the tokenizer finds
 * them, and the continuation bytes it counts; with or without a code
 * point cache. */
static size_t tokens_around(utf8proc_int32_t cp, bool cached, bool spaced,
                            uint32_t *conts) {
  static struct chrome_cpinfo cache[CHROME_CP_SLOTS];
  char buf[32] = {0};
  size_t n = 0;
  buf[n++] = 'a';
  if (spaced)
    buf[n++] = ' ';
  n += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)buf + n);
  if (spaced)
    buf[n++] = ' ';
  buf[n++] = 'b';
  buf[n] = '\n'; /* the tokenizer's end mark, 8 more readable bytes */
  struct chrome_tok t[8];
  struct chrome_lex lx = {cached ? cache : NULL, 0, 0, false, false, false, NULL};
  size_t pos = 0, k = kempt__chrome_lex(buf, n, &pos, t, 8, &lx);
  *conts = lx.conts;
  return k;
}

static void check_range(utf8proc_int32_t lo, utf8proc_int32_t hi) {
  for (utf8proc_int32_t cp = lo; cp <= hi; cp++) {
    if (cp >= 0xD800 && cp < 0xE000)
      continue;
    utf8proc_category_t c = utf8proc_category(cp);
    bool word = (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME) ||
                c == UTF8PROC_CATEGORY_ND;
    uint32_t want_conts = cp < 0x800 ? 1 : 2;
    /* k & 1: with the cache; k & 2: again, the cache now filled; k & 4:
     * spaced, so that the code point comes between words. */
    for (int k = 0; k < 8; k++) {
      bool cached = k & 1, spaced = k & 4;
      size_t want = cp == 0xA9 || (word && spaced) ? 3 : word ? 1 : 2;
      uint32_t conts;
      size_t got = tokens_around(cp, cached, spaced, &conts);
      cr_assert_eq(got, want, "U+%04X: %zu tokens, not %zu", (unsigned)cp,
                   got, want);
      cr_assert_eq(conts, want_conts, "U+%04X: %u continuation bytes",
                   (unsigned)cp, conts);
    }
  }
}

Test(chrome_lex, latin1_punctuation_as_utf8proc_says) {
  check_range(0x80, 0xBF);
}

Test(chrome_lex, punctuation_and_symbols_as_utf8proc_says) {
  check_range(0x2000, 0x2FFF);
}

/* Separators of more than one byte between spaces are counted. */
Test(chrome_lex, separators_between_spaces) {
  static const char *const line[] = {
      "Home \xe2\x80\xba News \xe2\x80\xa2 World \xc2\xb7 Sport",
      "Home \xe2\x80\x94 News \xe2\x94\x81 World \xc2\xbb Sport"};
  static const uint32_t seps[] = {3, 0};
  for (int i = 0; i < 2; i++) {
    char buf[128] = {0};
    size_t n = strlen(line[i]);
    memcpy(buf, line[i], n);
    buf[n] = '\n';
    struct chrome_tok t[8];
    struct chrome_lex lx = {NULL, 0, 0, false, false, false, NULL};
    size_t pos = 0;
    cr_assert_eq(kempt__chrome_lex(buf, n, &pos, t, 8, &lx), 4);
    cr_assert_eq(lx.seps, seps[i], "line %d: %u separators", i, lx.seps);
  }
}
