/* test_lang.c - language evidence from function words.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "lib/lang.h"

#include <criterion/criterion.h>
#include <string.h>

#define GUESS(s) kempt__lang_guess(s, strlen(s))

Test(lang, guesses_from_function_words) {
  cr_assert_eq(GUESS("The talks were held in Riyadh on Monday and the "
                     "minister said that it was a start."),
               KEMPT_LANG_EN);
  cr_assert_eq(GUESS("Le ministre a dit que les discussions sont dans une "
                     "phase difficile, mais il reste optimiste."),
               KEMPT_LANG_FR);
  cr_assert_eq(GUESS("Die Verhandlungen sind nicht einfach, sagte der "
                     "Minister, und sie werden noch dauern."),
               KEMPT_LANG_DE);
  cr_assert_eq(GUESS("\xd0\x9e\xd0\xbd \xd1\x81\xd0\xba\xd0\xb0\xd0\xb7"
                     "\xd0\xb0\xd0\xbb, \xd1\x87\xd1\x82\xd0\xbe \xd1\x8d"
                     "\xd1\x82\xd0\xbe \xd0\xbd\xd0\xb5 \xd1\x82\xd0\xb0"
                     "\xd0\xba \xd0\xb8 \xd0\xb2\xd1\x81\xd0\xb5."),
               KEMPT_LANG_RU);
}

Test(lang, too_little_evidence_is_none) {
  cr_assert_eq(GUESS("Related posts"), KEMPT_LANG_NONE);
  cr_assert_eq(GUESS(""), KEMPT_LANG_NONE);
  cr_assert_eq(GUESS("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae"
                     "\xe6\x96\x87\xe7\xab\xa0"),
               KEMPT_LANG_NONE);
}

Test(lang, stopwords_any_case) {
  cr_assert_neq(kempt__stopword_langs("The", 3), 0);
  cr_assert_neq(kempt__stopword_langs("THE", 3), 0);
  cr_assert_eq(kempt__stopword_langs("Blinken", 7), 0);
  uint32_t de = kempt__stopword_langs("de", 2);
  cr_assert(de & (1u << (KEMPT_LANG_FR - 1)));
  cr_assert(de & (1u << (KEMPT_LANG_ES - 1)));
  cr_assert_str_eq(kempt__lang_code(KEMPT_LANG_PL), "pl");
}

Test(lang, words_are_letter_runs) {
  const char *s = "  l'homme, 3.5 \xc3\xa9t\xc3\xa9!";
  size_t start, len, pos = 0;
  const char *want[] = {"l", "homme", "\xc3\xa9t\xc3\xa9"};
  for (int i = 0; i < 3; i++) {
    cr_assert(kempt__next_word(s + pos, strlen(s) - pos, &start, &len));
    cr_assert_eq(len, strlen(want[i]));
    cr_assert(memcmp(s + pos + start, want[i], len) == 0);
    pos += start + len;
  }
  cr_assert_not(kempt__next_word(s + pos, strlen(s) - pos, &start, &len));
}

/* ---- the hash against the former binary search (an oracle) ------------ */

#include <stdio.h>
#include <stdlib.h>
#include <utf8proc.h>

#include "lib/stopwords_table.h"

#define N_STOP (sizeof stopwords / sizeof stopwords[0])

/* The bytes of entry e. */
static size_t entry_bytes(const struct stopword *e, char *out) {
  for (size_t i = 0; i < e->len; i++)
    out[i] = (char)((i < 8 ? e->lo >> (8 * i) : e->hi >> (8 * (i - 8))) &
                    0xFF);
  return e->len;
}

/* lang.c before the hash: lower-case with utf8proc, binary search. */
static size_t oracle_lower(const char *w, size_t n, char *buf, size_t cap) {
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)w[i];
    if (c < 0x80) {
      if (o + 1 > cap)
        return 0;
      buf[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
      i++;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)w + i,
                                          (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0 || o + 4 > cap)
      return 0;
    i += (size_t)k;
    o += (size_t)utf8proc_encode_char(utf8proc_tolower(cp),
                                      (utf8proc_uint8_t *)buf + o);
  }
  return o;
}

static int oracle_cmp(const char *key, size_t n, const struct stopword *e) {
  char w[32];
  size_t m = entry_bytes(e, w);
  int r = memcmp(key, w, n < m ? n : m);
  if (r)
    return r;
  return n < m ? -1 : n > m;
}

static uint32_t oracle(const char *w, size_t n) {
  char buf[48];
  if (n == 0 || n > 24)
    return 0;
  size_t k = oracle_lower(w, n, buf, sizeof buf);
  if (k == 0)
    return 0;
  size_t lo = 0, hi = N_STOP;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int r = oracle_cmp(buf, k, &stopwords[mid]);
    if (r == 0)
      return stopwords[mid].langs;
    if (r < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return 0;
}

static void same(const char *w, size_t n) {
  uint32_t got = kempt__stopword_langs(w, n), want = oracle(w, n);
  cr_assert(got == want, "word [%.*s] (%zu bytes): 0x%x, oracle 0x%x", (int)n, w, n, got,
            want);
}

/* Each code point of w mapped by f (title case: the first by g). */
static size_t map_case(const char *w, size_t n, char *out,
                       utf8proc_int32_t (*first)(utf8proc_int32_t),
                       utf8proc_int32_t (*rest)(utf8proc_int32_t)) {
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)w + i,
                                          (utf8proc_ssize_t)(n - i), &cp);
    cr_assert_gt(k, 0);
    cp = i == 0 ? first(cp) : rest(cp);
    o += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out + o);
    i += (size_t)k;
  }
  return o;
}

static utf8proc_int32_t keep_cp(utf8proc_int32_t c) { return c; }

Test(lang, table_is_sorted_and_whole) {
  char a[32], b[32];
  for (size_t i = 1; i < N_STOP; i++) {
    size_t na = entry_bytes(&stopwords[i - 1], a);
    cr_assert_lt(oracle_cmp(a, na, &stopwords[i]), 0);
    size_t nb = entry_bytes(&stopwords[i], b);
    cr_assert_gt(nb, 0);
  }
  cr_assert_eq(KEMPT__STOP_LANGS, KEMPT_LANG_COUNT - 1);
  cr_assert_str_eq(stop_lang_codes[0], "en");
  size_t used = 0;
  for (size_t s = 0; s < sizeof stop_slots / sizeof stop_slots[0]; s++)
    used += stop_slots[s] != 0;
  cr_assert_eq(used, N_STOP);
}

Test(lang, hash_agrees_with_binary_search_on_every_word) {
  char w[32], t[96];
  for (size_t i = 0; i < N_STOP; i++) {
    size_t n = entry_bytes(&stopwords[i], w);
    cr_assert_eq(kempt__stopword_langs(w, n), stopwords[i].langs);
    cr_assert_eq(kempt__stopword_langs_lower(w, n), stopwords[i].langs);
    same(w, n);
    size_t m = map_case(w, n, t, utf8proc_toupper, utf8proc_toupper);
    same(t, m);
    m = map_case(w, n, t, utf8proc_totitle, keep_cp);
    same(t, m);
    cr_assert_eq(kempt__stopword_langs(t, m), stopwords[i].langs);
    same(w, n - 1); /* a cut word, sometimes a cut character */
    memcpy(t, w, n);
    t[n] = 's';
    same(t, n + 1);
    t[0] = 'x';
    memcpy(t + 1, w, n);
    same(t, n + 1);
    for (size_t j = 0; j < N_STOP; j += 7) { /* pairs, some long */
      size_t k = entry_bytes(&stopwords[j], t + n);
      memcpy(t, w, n);
      same(t, n + k);
    }
  }
}

Test(lang, hash_agrees_with_binary_search_on_random_tokens) {
  static const char *const parts[] = {
      "a",  "e",        "n",        "s",        "t",        "D",
      "E",  "I",        "\xc3\xa9", "\xc3\x89", "\xc4\xb0", "\xc3\x9f",
      "'",  "\xe1\xba\x9e",         "\xd0\x9a", "\xd0\xba", "\xe2\x84\xaa",
      "\xce\xa3",       "\xcf\x82", "\xff",     "\xc3",     "-",
      "1",  "\xd0\xbe", "\xd1\x82", "\xd0\xb8", "\xc5\x9f", "o",
      "i",  "u",        "r",        "l",        "de",       "un"};
  unsigned seed = 12345;
  char t[128];
  for (int r = 0; r < 300000; r++) {
    seed = seed * 1103515245u + 12345u;
    size_t parts_n = (seed >> 16) % 14, n = 0;
    for (size_t k = 0; k < parts_n; k++) {
      seed = seed * 1103515245u + 12345u;
      const char *p = parts[(seed >> 16) % (sizeof parts / sizeof parts[0])];
      memcpy(t + n, p, strlen(p));
      n += strlen(p);
    }
    same(t, n);
  }
  same("\xc4\xb0", 2); /* İ lower-cases to i */
  same("\xe2\x84\xaa", 3);
  same("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 26);
  same("abcdefghijklmnopqrstuvwx", 24);
}

/* kempt__lang_add before its fast path: next_word, then the oracle. */
static void oracle_add(struct kempt_lang_count *c, const char *t, size_t n) {
  size_t pos = 0, start, len;
  while (pos < n && kempt__next_word(t + pos, n - pos, &start, &len)) {
    uint32_t m = oracle(t + pos + start, len);
    c->words++;
    if (m)
      c->stop++;
    for (int l = 1; m; l++, m >>= 1)
      if (m & 1u)
        c->hits[l]++;
    pos += start + len;
  }
}

Test(lang, counts_agree_with_word_by_word_lookup) {
  static const char *const parts[] = {
      "the",      " ",         "The",      "  ",       "de",   "la",
      "it\xe2\x80\x99s",     "war\xe2\x80\x94", "\xc3\xa9t\xc3\xa9",
      "caf\xc3\xa9",         "\xc3\x89T\xc3\x89",  ", ",  ".",
      "und",      "tersebut",  "Seperti",  "l'homme",  "3.5",  "\xd0\xb8",
      "\xd0\xb2\xd1\x81\xd0\xb5", "a\xcc\x81", "\xe6\x97\xa5", "\xff",
      "\xe2\x80", "x",         "Xylophone", "\n",      "o",    "ancak",
      "ve",       "i\xc3\xa7in"};
  unsigned seed = 777;
  char t[512];
  for (int r = 0; r < 20000; r++) {
    size_t n = 0;
    seed = seed * 1103515245u + 12345u;
    size_t k = (seed >> 16) % 40;
    for (size_t q = 0; q < k; q++) {
      seed = seed * 1103515245u + 12345u;
      const char *p = parts[(seed >> 16) % (sizeof parts / sizeof parts[0])];
      memcpy(t + n, p, strlen(p));
      n += strlen(p);
    }
    struct kempt_lang_count a, b;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    kempt__lang_add(&a, t, n);
    oracle_add(&b, t, n);
    cr_assert(memcmp(&a, &b, sizeof a) == 0, "counts differ on [%.*s]",
              (int)n, t);
  }
}

/* ---- lang.c's decoder and letter test against utf8proc ----------------- */

static void same_cp(const unsigned char *b, size_t n) {
  int32_t got, want;
  size_t k = kempt__next_cp((const char *)b, n, &got);
  utf8proc_ssize_t r =
      utf8proc_iterate(b, (utf8proc_ssize_t)n, (utf8proc_int32_t *)&want);
  if (r <= 0) {
    want = -1;
    r = 1;
  }
  if (got != want || k != (size_t)r)
    cr_assert(0, "bytes %02x %02x %02x %02x (n %zu): %d/%zu, utf8proc %d/%zd",
            b[0], n > 1 ? b[1] : 0, n > 2 ? b[2] : 0, n > 3 ? b[3] : 0, n,
            got, k, want, r);
}

Test(lang, decoder_agrees_with_utf8proc) {
  unsigned char b[4];
  for (unsigned x = 0; x < 256; x++) {
    b[0] = (unsigned char)x;
    same_cp(b, 1);
    for (unsigned y = 0; y < 256; y++) {
      b[1] = (unsigned char)y;
      same_cp(b, 2);
      if (x < 0xE0)
        continue;
      for (unsigned z = 0; z < 256; z++) {
        b[2] = (unsigned char)z;
        same_cp(b, 3);
        b[3] = 0x80;
        same_cp(b, 4);
        if (x < 0xF0)
          continue;
        static const unsigned char last[] = {0x00, 0x7F, 0x80, 0x8F,
                                             0x90, 0xBF, 0xC0, 0xFF};
        for (size_t w = 0; w < sizeof last; w++) {
          b[3] = last[w];
          same_cp(b, 4);
        }
      }
    }
  }
}

Test(lang, letters_agree_with_utf8proc_on_every_code_point) {
  char t[8];
  for (int32_t cp = 0x80; cp <= 0x10FFFF; cp++) {
    if (cp >= 0xD800 && cp <= 0xDFFF)
      continue;
    t[0] = '1';
    size_t k = (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)t + 1);
    t[k + 1] = '1';
    utf8proc_category_t c = utf8proc_category(cp);
    bool want = c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME;
    size_t start, len;
    bool got = kempt__next_word(t, k + 2, &start, &len);
    if (got != want || (got && (start != 1 || len != k)))
      cr_assert(0, "U+%04X: word %d, category %d", (unsigned)cp, got, (int)c);
  }
}

/* Ukrainian and Russian share prepositions (в, на, до, за, по) but not
 * their most frequent words (і, що, та, це, з against и, что, это, с):
 * each is told apart from the other, in both directions. */
Test(lang, ukrainian_is_not_russian) {
  cr_assert_eq(GUESS("Президент заявив, що уряд підтримає нову програму. "
                     "Він також сказав, що це рішення буде ухвалено вже "
                     "наступного тижня, і всі міністри з ним погодилися."),
               KEMPT_LANG_UK);
  cr_assert_eq(GUESS("У місті відкрили новий міст через річку, який "
                     "з'єднав два райони. Мешканці чекали на нього "
                     "багато років, але будівництво тривало довго."),
               KEMPT_LANG_UK);
  cr_assert_eq(GUESS("Президент заявил, что правительство поддержит новую "
                     "программу. Он также сказал, что это решение будет "
                     "принято уже на следующей неделе, и все министры с "
                     "ним согласились."),
               KEMPT_LANG_RU);
  cr_assert_eq(GUESS("В городе открыли новый мост через реку, который "
                     "соединил два района. Жители ждали его много лет, но "
                     "строительство шло долго."),
               KEMPT_LANG_RU);
  cr_assert_str_eq(kempt__lang_code(KEMPT_LANG_UK), "uk");
}
