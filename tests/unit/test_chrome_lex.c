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

/* ---- function words, dots, the rule table ------------------------------ */

#include "lib/stopwords_table.h"

#include <pthread.h>
#include <utf8proc.h>

/* kempt__chrome_stop_langs of w[0..n) (copied into a padded buffer, as
 * the tokenizer's lines are), with and without a code point cache,
 * against kempt__stopword_langs. */
static void same_stops(const char *w, size_t n) {
  static struct chrome_cpinfo cache[CHROME_CP_SLOTS];
  char buf[128] = {0};
  if (n > sizeof buf - CHROME_LEX_PAD)
    return;
  memcpy(buf, w, n);
  uint32_t want = kempt__stopword_langs(w, n);
  cr_assert_eq(kempt__chrome_stop_langs(buf, n, NULL), want, "%.*s",
               (int)n, w);
  cr_assert_eq(kempt__chrome_stop_langs(buf, n, cache), want, "%.*s",
               (int)n, w);
}

/* Every function word, upper-cased and title-cased too, and cut short. */
Test(chrome_lex, function_words_as_lang_says) {
  char w[32], u[96];
  for (size_t i = 0; i < sizeof stopwords / sizeof stopwords[0]; i++) {
    const struct stopword *e = &stopwords[i];
    size_t n = e->len;
    for (size_t k = 0; k < n; k++)
      w[k] = (char)((k < 8 ? e->lo >> (8 * k) : e->hi >> (8 * (k - 8))) &
                    0xFF);
    cr_assert_neq(kempt__chrome_stop_langs(w, n, NULL), 0);
    same_stops(w, n);
    same_stops(w, n - 1);
    size_t m = 0;
    for (size_t k = 0; k < n;) {
      utf8proc_int32_t cp;
      utf8proc_ssize_t r = utf8proc_iterate((const utf8proc_uint8_t *)w + k,
                                            (utf8proc_ssize_t)(n - k), &cp);
      if (r <= 0)
        break;
      m += (size_t)utf8proc_encode_char(k ? cp : utf8proc_totitle(cp),
                                        (utf8proc_uint8_t *)u + m);
      k += (size_t)r;
    }
    same_stops(u, m);
  }
  (void)stop_slots;
  (void)stop_lang_codes;
}

/* Words of letters, digits and marks in many scripts and cases. */
Test(chrome_lex, any_word_as_lang_says) {
  static const char *const parts[] = {
      "a", "E", "n", "s", "T", "1", "de", "un", "\xc3\xa9", "\xc3\x89",
      "\xc4\xb0", "\xc3\x9f", "\xe1\xba\x9e", "\xd0\x9a", "\xd0\xba",
      "\xe2\x84\xaa", "\xce\xa3", "\xcf\x82", "\xd0\xbe", "\xc5\x9f",
      "\xcc\x81", "\xe4\xb8\xad", "i", "o"};
  unsigned seed = 4242;
  char t[64];
  for (int r = 0; r < 100000; r++) {
    seed = seed * 1103515245u + 12345u;
    size_t parts_n = 1 + (seed >> 16) % 12, n = 0;
    for (size_t k = 0; k < parts_n; k++) {
      seed = seed * 1103515245u + 12345u;
      const char *p = parts[(seed >> 16) % (sizeof parts / sizeof parts[0])];
      memcpy(t + n, p, strlen(p));
      n += strlen(p);
    }
    same_stops(t, n);
  }
}

/* The tokenizer notes "..." (dots: '.' or 0x0E) and a '.' before an image
 * file's extension, which the caption checks need. */
Test(chrome_lex, dots_and_image_extensions) {
  static const struct {
    const char *line;
    bool dots3, ext;
  } cases[] = {{"Photo: Jane Doe Credit...Reuters", true, false},
               {"Credit\x0e..Reuters", true, false},
               {"two.. dots . and .", false, false},
               {"a-cat.JPG", false, true},
               {"view.webp here", false, true},
               {"pick a. jpg", false, false},
               {"\xc3\xa9t\xc3\xa9...", true, false},
               {"", false, false}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char buf[128] = {0};
    size_t n = strlen(cases[i].line);
    memcpy(buf, cases[i].line, n);
    buf[n] = '\n';
    struct chrome_tok t[16];
    struct chrome_lex lx = {NULL, 0, 0, false, false, false, NULL};
    size_t pos = 0;
    kempt__chrome_lex(buf, n, &pos, t, 16, &lx);
    cr_assert_eq(lx.dots3, cases[i].dots3, "%s", cases[i].line);
    cr_assert_eq(lx.ext_dot, cases[i].ext, "%s", cases[i].line);
  }
}

static void *builtin_in_thread(void *arg) {
  (void)arg;
  return (void *)(uintptr_t)kempt__chrome_rules_builtin();
}

/* The compiled-in rules are built once and shared, whichever thread asks
 * first. */
Test(chrome_lex, builtin_rules_built_once) {
  pthread_t th[4];
  void *got[4];
  for (int i = 0; i < 4; i++)
    cr_assert_eq(pthread_create(&th[i], NULL, builtin_in_thread, NULL), 0);
  for (int i = 0; i < 4; i++)
    cr_assert_eq(pthread_join(th[i], &got[i]), 0);
  const struct chrome_rules *r = kempt__chrome_rules_builtin();
  cr_assert_not_null(r);
  cr_assert_gt(r->count, 1000);
  for (int i = 0; i < 4; i++)
    cr_assert_eq(got[i], (void *)(uintptr_t)r);
}

/* Runs of one symbol (box drawing, stars, bullets) are skipped at once:
 * still every character counted, separators only where a space is
 * before one, words around them found. */
Test(chrome_lex, runs_of_one_symbol) {
  static const struct {
    const char *line;
    size_t words;
    uint32_t seps;
  } cases[] = {
      {"\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81 top \xe2\x94\x81",
       1, 0},
      {"rated \xe2\x98\x86\xe2\x98\x86\xe2\x98\x86\xe2\x98\x86 by us", 3, 0},
      {"Home \xe2\x80\xa2\xe2\x80\xa2 News \xe2\x80\xa2 Sport", 3, 1},
      {"\xc2\xb7\xc2\xb7\xc2\xb7 a \xc2\xb7 b", 2, 1},
      {"x\xe2\x94\x81\xe2\x94\x81y\xe2\x94\x81", 2, 0},
      {"\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80 ok", 1, 0}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char buf[128] = {0};
    size_t n = strlen(cases[i].line);
    memcpy(buf, cases[i].line, n);
    buf[n] = '\n';
    size_t chars = 0;
    for (size_t k = 0; k < n; k++)
      chars += ((unsigned char)buf[k] & 0xC0) != 0x80;
    for (int cached = 0; cached < 2; cached++) {
      static struct chrome_cpinfo cache[CHROME_CP_SLOTS];
      struct chrome_tok t[16];
      struct chrome_lex lx = {cached ? cache : NULL, 0, 0, false, false,
                              false, NULL};
      size_t pos = 0;
      cr_assert_eq(kempt__chrome_lex(buf, n, &pos, t, 16, &lx),
                   cases[i].words, "%s", cases[i].line);
      cr_assert_eq(n - lx.conts, chars, "%s: characters", cases[i].line);
      cr_assert_eq(lx.seps, cases[i].seps, "%s: separators", cases[i].line);
    }
  }
}
