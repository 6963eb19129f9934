/* test_chromespeed6_latin.c - the chrome tokenizer reads a word of ASCII
 * letters, digits and Latin-1 letters (its fast path: read_word_latin),
 * a word that starts with a letter of two bytes (two_byte_run), and one
 * of basic Greek letters or Arabic ones (greek_low, arabic_low), and runs
 * of CJK ideographs (read_word_rest), whose facts are checked too, as a
 * plain reader of code points does: the same bounds, capital, hash of
 * the lower-case form and continuation bytes, whatever follows the word;
 * and the counts of a line come out as without that path (a word read in
 * pieces of a line, CHROME_MAXTOK tokens at a time).
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "lib/chrome_int.h"

#include <criterion/criterion.h>
#include <string.h>
#include <utf8proc.h>

#define BUF 512

static uint32_t seed = 12345;
static unsigned rnd(unsigned n) {
  seed = seed * 1103515245u + 12345u;
  return (seed >> 8) % n;
}

/* The word hash as documented in chrome_phrase.c: the lower-case bytes
 * in chunks of 8 (little-endian, the last padded with zero bytes), each
 * mixed into the state. */
static uint64_t ref_hash(const unsigned char *b, size_t n) {
  uint64_t h = 0x243f6a8885a308d3ull;
  for (size_t i = 0; i < n; i += 8) {
    uint64_t w = 0;
    for (size_t k = 0; k < 8 && i + k < n; k++)
      w |= (uint64_t)b[i + k] << (8 * k);
    h = (h ^ w) * 0x9e3779b97f4a7c15ull;
  }
  return h;
}

/* A letter, mark or digit by utf8proc, as the tokenizer's char_kind. */
static bool word_char(utf8proc_int32_t cp) {
  if (cp == 0xA9)
    return false;
  utf8proc_category_t c = utf8proc_category(cp);
  return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME) ||
         c == UTF8PROC_CATEGORY_ND;
}

/* The first token of s[0..n) (it starts at 0 with an ASCII letter): its
 * end, its hash, and the continuation bytes in it. */
static size_t ref_word(const unsigned char *s, size_t n, uint64_t *h) {
  unsigned char low[BUF * 2];
  size_t o = 0, i = 0;
  while (i < n) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i),
                                          &cp);
    if (k <= 0 || !word_char(cp))
      break;
    o += (size_t)utf8proc_encode_char(utf8proc_tolower(cp), low + o);
    i += (size_t)k;
  }
  *h = ref_hash(low, o);
  return i;
}

static const char *const latin[] = {
    "\xc3\xa9", "\xc3\x89", "\xc3\xbc", "\xc3\x9c", "\xc3\xb6", "\xc3\x96",
    "\xc3\x9f", "\xc3\xa0", "\xc3\x80", "\xc3\xbf", "\xc3\x9e", "\xc3\xbe",
    "\xc3\xb8", "\xc3\x98", "\xc3\xa7", "\xc3\x87", "\xc3\xb1", "\xc3\x91"};
#define NLATIN (sizeof latin / sizeof latin[0])

/* What may follow a word: an end, spaces and punctuation, the signs
 * C3 97 and C3 B7, other letters (of two bytes: they join it), a bad
 * sequence, Latin-1 letters of the next word. */
static const char *const after[] = {
    "",      " ",     " x",         ", y",      ".",
    "\xc3\x97",       "\xc3\xb7",   "\xc3",     "\xc3 ",
    "\xc3\xc3",       "\xc5\x99",   "\xc4\x8d", "\xe2\x80\x99s",
    "\xe2\x80\x94",   "\xc2\xa0x",  "\xc2\xa9", "\xd0\xb6",
    "\xce\xb1",       "\xe4\xb8\xad", "0",     "\x80",
    " \xc3\xa9t\xc3\xa9", ",\xc3\x89", "-\xc3\xbc\xc3\xbc"}; /* (more after) */
#define NAFTER (sizeof after / sizeof after[0])

Test(chromespeed6_latin, latin1_words_as_code_points_say) {
  static struct chrome_cpinfo cache[CHROME_CP_SLOTS];
  for (int round = 0; round < 200000; round++) {
    unsigned char line[BUF + CHROME_LEX_PAD];
    size_t n = 0;
    line[n++] = (unsigned char)(rnd(2) ? 'A' + rnd(26) : 'a' + rnd(26));
    unsigned chars = 1 + rnd(rnd(4) ? 10 : 20);
    for (unsigned c = 0; c < chars; c++) {
      unsigned r = rnd(10);
      const char *piece = r < 4 ? latin[rnd(NLATIN)] : NULL;
      if (piece) {
        memcpy(line + n, piece, strlen(piece));
        n += strlen(piece);
      } else {
        line[n++] = (unsigned char)(r < 6   ? 'a' + rnd(26)
                                    : r < 8 ? 'A' + rnd(26)
                                            : '0' + rnd(10));
      }
    }
    const char *a = after[rnd(NAFTER)];
    memcpy(line + n, a, strlen(a));
    n += strlen(a);
    memset(line + n, 0, sizeof line - n);
    line[n] = '\n';
    uint64_t h;
    size_t end = ref_word(line, n, &h);
    struct chrome_tok t[CHROME_MAXTOK];
    struct chrome_lex lx = {rnd(2) ? cache : NULL, 0, 0, false, false,
                            false, NULL};
    size_t pos = 0;
    size_t k = kempt__chrome_lex((const char *)line, n, &pos, t,
                                 CHROME_MAXTOK, &lx);
    cr_assert(k >= 1, "round %d", round);
    cr_assert_eq(t[0].start, 0, "round %d", round);
    cr_assert_eq(t[0].end, end, "round %d: %.*s", round, (int)n, line);
    cr_assert_eq(t[0].h, h, "round %d: %.*s", round, (int)n, line);
    cr_assert(t[0].alpha, "round %d", round);
    cr_assert_eq(t[0].upper, line[0] < 'a', "round %d", round);
    while (k == CHROME_MAXTOK) /* (the rest of the line, for conts) */
      k = kempt__chrome_lex((const char *)line, n, &pos, t, CHROME_MAXTOK,
                            &lx);
    uint32_t conts = 0;
    for (size_t i = 0; i < n; i++)
      conts += (line[i] & 0xC0) == 0x80;
    cr_assert_eq(lx.conts, conts, "round %d: %.*s", round, (int)n, line);
  }
}

/* The same words in a long line, read with the counts (as the chrome
 * stage reads a line: its first CHROME_MAXTOK tokens, then the rest
 * counted only) and without: the same tokens and counts. */
Test(chromespeed6_latin, counted_as_uncounted) {
  const struct chrome_rules *rules = kempt__chrome_rules_builtin();
  cr_assert(rules);
  static struct chrome_swcache sw;
  static struct chrome_cpinfo cache[CHROME_CP_SLOTS];
  for (int round = 0; round < 3000; round++) {
    char line[4096];
    size_t n = 0;
    unsigned words = 1 + rnd(150);
    for (unsigned w = 0; w < words && n < 3900; w++) {
      line[n++] = (char)(rnd(3) ? 'a' + rnd(26) : 'A' + rnd(26));
      unsigned chars = rnd(8);
      for (unsigned c = 0; c < chars; c++) {
        const char *piece = rnd(3) ? NULL : latin[rnd(NLATIN)];
        if (piece) {
          memcpy(line + n, piece, strlen(piece));
          n += strlen(piece);
        } else {
          line[n++] = (char)('a' + rnd(26));
        }
      }
      const char *a = after[rnd(NAFTER)];
      memcpy(line + n, a, strlen(a));
      n += strlen(a);
      line[n++] = ' ';
    }
    memset(line + n, 0, sizeof line - n);
    line[n] = '\n';
    struct chrome_lex plain = {cache, 0, 0, false, false, false, NULL};
    struct chrome_count wc = {&sw, rules, 0, 0, 0, 0, {0}, 0, false};
    struct chrome_lex counted = {cache, 0, 0, false, false, false, &wc};
    struct chrome_tok t0[CHROME_MAXTOK], t1[CHROME_MAXTOK];
    size_t pos0 = 0, pos1 = 0, total0 = 0;
    uint32_t nwords = 0, upper = 0;
    for (;;) {
      size_t k0 = kempt__chrome_lex(line, n, &pos0, t0, CHROME_MAXTOK, &plain);
      total0 += k0;
      for (size_t i = 0; i < k0; i++) {
        nwords += t0[i].alpha;
        upper += t0[i].alpha && t0[i].upper;
      }
      if (k0 < CHROME_MAXTOK)
        break;
    }
    size_t k1 = kempt__chrome_lex(line, n, &pos1, t1, CHROME_MAXTOK, &counted);
    size_t total1 = k1;
    if (k1 == CHROME_MAXTOK)
      total1 += kempt__chrome_lex_count(line, n, &pos1, &counted);
    cr_assert_eq(total0, total1, "round %d", round);
    cr_assert_eq(pos0, pos1, "round %d", round);
    cr_assert_eq(plain.conts, counted.conts, "round %d", round);
    cr_assert_eq(wc.words, nwords, "round %d", round);
    cr_assert_eq(wc.upper, upper, "round %d", round);
  }
}

/* Letters, marks and digits of two bytes (Greek, Cyrillic, Hebrew,
 * Arabic, Latin Extended, a combining mark), to start and fill words with:
 * a word that starts with one is read two bytes a step (two_byte_run). */
static const char *const two[] = {
    "\xce\x91", "\xce\xb1", "\xcf\x89", "\xce\xac", "\xce\x86", "\xcf\x82",
    "\xd0\x96", "\xd0\xb6", "\xd1\x91", "\xd0\x81", "\xd7\x90", "\xd8\xa7",
    "\xd9\x84", "\xd9\x8e", "\xd9\xa3", "\xc4\x8c", "\xc5\x99", "\xc4\xb0",
    "\xc3\x89", "\xc3\xa9", "\xcc\x81", "\xc2\xb5", "\xc8\xba", "\xd5\xa1"};
#define NTWO (sizeof two / sizeof two[0])

/* What may follow: ends (ASCII, two-byte punctuation, the (c) sign, the
 * Arabic comma, a bad sequence) and what goes on (ASCII letters, letters
 * of three bytes). */
static const char *const after2[] = {
    "",         " ",         ", x",        "\xc2\xb7",   "\xc2\xa9",
    "\xd8\x8c", "\xd7\x83",  "\xce",       "\xce ",      "\xe2\x80\x99",
    "x",        "9",         "\xe4\xb8\xad", "\xe0\xa4\x95", "\xf0\x9f\x98\x80",
    "\x80",     "\xce\x91x"};
#define NAFTER2 (sizeof after2 / sizeof after2[0])

Test(chromespeed6_latin, two_byte_words_as_code_points_say) {
  static struct chrome_cpinfo cache[CHROME_CP_SLOTS];
  for (int round = 0; round < 200000; round++) {
    unsigned char line[BUF + CHROME_LEX_PAD];
    size_t n = 0;
    unsigned chars = 1 + rnd(rnd(4) ? 8 : 30);
    for (unsigned c = 0; c < chars; c++) {
      const char *piece = c == 0 || rnd(5) ? two[rnd(NTWO)] : NULL;
      if (piece) {
        memcpy(line + n, piece, strlen(piece));
        n += strlen(piece);
      } else {
        line[n++] = (unsigned char)(rnd(2) ? 'a' + rnd(26) : '0' + rnd(10));
      }
    }
    const char *a = after2[rnd(NAFTER2)];
    memcpy(line + n, a, strlen(a));
    n += strlen(a);
    memset(line + n, 0, sizeof line - n);
    line[n] = '\n';
    uint64_t h;
    size_t end = ref_word(line, n, &h);
    utf8proc_int32_t cp0;
    utf8proc_iterate(line, (utf8proc_ssize_t)n, &cp0);
    utf8proc_category_t cat = utf8proc_category(cp0);
    bool letter = false;
    for (size_t i = 0; i < end;) {
      utf8proc_int32_t cp;
      i += (size_t)utf8proc_iterate(line + i, (utf8proc_ssize_t)(end - i), &cp);
      letter = letter || utf8proc_category(cp) != UTF8PROC_CATEGORY_ND;
    }
    struct chrome_tok t[CHROME_MAXTOK];
    struct chrome_lex lx = {rnd(4) ? cache : NULL, 0, 0, false, false,
                            false, NULL};
    size_t pos = 0;
    size_t k = kempt__chrome_lex((const char *)line, n, &pos, t,
                                 CHROME_MAXTOK, &lx);
    cr_assert(k >= 1, "round %d", round);
    cr_assert_eq(t[0].start, 0, "round %d", round);
    cr_assert_eq(t[0].end, end, "round %d: %.*s", round, (int)n, line);
    if (letter)
      cr_assert_eq(t[0].h, h, "round %d: %.*s", round, (int)n, line);
    cr_assert_eq(t[0].alpha, letter, "round %d", round);
    cr_assert_eq(t[0].upper, cat == UTF8PROC_CATEGORY_LU ||
                                 cat == UTF8PROC_CATEGORY_LT,
                 "round %d", round);
    while (k == CHROME_MAXTOK)
      k = kempt__chrome_lex((const char *)line, n, &pos, t, CHROME_MAXTOK,
                            &lx);
    uint32_t conts = 0;
    for (size_t i = 0; i < n; i++)
      conts += (line[i] & 0xC0) == 0x80;
    cr_assert_eq(lx.conts, conts, "round %d: %.*s", round, (int)n, line);
  }
}

/* The facts greek_low (chrome_phrase.c) takes for granted: U+0391..U+03A9
 * but U+03A2 are capitals that lower-case 0x20 on, U+03AC..U+03CE small
 * letters that are their own lower-case forms. */
Test(chromespeed6_latin, facts_of_the_greek_shortcut) {
  for (utf8proc_int32_t cp = 0x391; cp <= 0x3CE; cp++) {
    if (cp == 0x3A2 || cp == 0x3AA || cp == 0x3AB)
      continue; /* (not read by the shortcut) */
    utf8proc_category_t c = utf8proc_category(cp);
    bool capital = cp <= 0x3A9;
    cr_assert_eq(c, capital ? UTF8PROC_CATEGORY_LU : UTF8PROC_CATEGORY_LL,
                 "U+%04X", (unsigned)cp);
    cr_assert_eq(utf8proc_tolower(cp), capital ? cp + 0x20 : cp,
                 "U+%04X", (unsigned)cp);
  }
}

/* Words of Greek letters (runs of more than 8 among them), the basic ones
 * and others (accented capitals, U+03CF, U+03D0, a mark), as a plain
 * reader of code points reads them. */
Test(chromespeed6_latin, greek_words_as_code_points_say) {
  static struct chrome_cpinfo cache[CHROME_CP_SLOTS];
  static const char *const extra[] = {"\xce\x86", "\xce\x90", "\xce\xaa",
                                      "\xcf\x8f", "\xcf\x90", "\xcc\x81",
                                      "\xce\x87", "\xce\xa2", "a"};
  for (int round = 0; round < 100000; round++) {
    unsigned char line[BUF + CHROME_LEX_PAD];
    size_t n = 0;
    unsigned chars = 1 + rnd(rnd(2) ? 10 : 40);
    for (unsigned c = 0; c < chars; c++) {
      if (c && rnd(12) == 0) {
        const char *x = extra[rnd(sizeof extra / sizeof extra[0])];
        memcpy(line + n, x, strlen(x));
        n += strlen(x);
        continue;
      }
      utf8proc_int32_t cp;
      do
        cp = 0x391 + (utf8proc_int32_t)rnd(0x3CF - 0x391);
      while (cp == 0x3A2 || cp == 0x3AA || cp == 0x3AB);
      n += (size_t)utf8proc_encode_char(cp, line + n);
    }
    const char *a = after2[rnd(NAFTER2)];
    memcpy(line + n, a, strlen(a));
    n += strlen(a);
    memset(line + n, 0, sizeof line - n);
    line[n] = '\n';
    uint64_t h;
    size_t end = ref_word(line, n, &h);
    utf8proc_int32_t cp0;
    utf8proc_iterate(line, (utf8proc_ssize_t)n, &cp0);
    struct chrome_tok t[CHROME_MAXTOK];
    struct chrome_lex lx = {rnd(4) ? cache : NULL, 0, 0, false, false,
                            false, NULL};
    size_t pos = 0;
    size_t k = kempt__chrome_lex((const char *)line, n, &pos, t,
                                 CHROME_MAXTOK, &lx);
    cr_assert(k >= 1, "round %d", round);
    cr_assert_eq(t[0].start, 0, "round %d", round);
    cr_assert_eq(t[0].end, end, "round %d: %.*s", round, (int)n, line);
    cr_assert_eq(t[0].h, h, "round %d: %.*s", round, (int)n, line);
    cr_assert(t[0].alpha, "round %d", round);
    cr_assert_eq(t[0].upper, cp0 <= 0x3A9, "round %d", round);
    while (k == CHROME_MAXTOK)
      k = kempt__chrome_lex((const char *)line, n, &pos, t, CHROME_MAXTOK,
                            &lx);
    uint32_t conts = 0;
    for (size_t i = 0; i < n; i++)
      conts += (line[i] & 0xC0) == 0x80;
    cr_assert_eq(lx.conts, conts, "round %d: %.*s", round, (int)n, line);
  }
}

/* The facts arabic_low takes for granted: U+0620..U+065F are letters or
 * marks, none a capital, each its own lower-case form. */
Test(chromespeed6_latin, facts_of_the_arabic_shortcut) {
  for (utf8proc_int32_t cp = 0x620; cp <= 0x65F; cp++) {
    utf8proc_category_t c = utf8proc_category(cp);
    cr_assert(c >= UTF8PROC_CATEGORY_LM && c <= UTF8PROC_CATEGORY_ME &&
                  c != UTF8PROC_CATEGORY_LU && c != UTF8PROC_CATEGORY_LT,
              "U+%04X", (unsigned)cp);
    cr_assert_eq(utf8proc_tolower(cp), cp, "U+%04X", (unsigned)cp);
  }
}

/* Words of Arabic letters and marks (runs of more than 8 among them),
 * with others (Arabic digits and punctuation, Persian letters, a mark
 * before the block) as a plain reader of code points reads them. */
Test(chromespeed6_latin, arabic_words_as_code_points_say) {
  static struct chrome_cpinfo cache[CHROME_CP_SLOTS];
  static const char *const extra[] = {"\xd9\xa1", "\xd8\x8c", "\xd9\xbe",
                                      "\xda\xaf", "\xdb\x8c", "\xd8\x90",
                                      "\xd8\x9f", "\xd9\xaa", "a"};
  for (int round = 0; round < 100000; round++) {
    unsigned char line[BUF + CHROME_LEX_PAD];
    size_t n = 0;
    unsigned chars = 1 + rnd(rnd(2) ? 10 : 40);
    for (unsigned c = 0; c < chars; c++) {
      if (c && rnd(12) == 0) {
        const char *x = extra[rnd(sizeof extra / sizeof extra[0])];
        memcpy(line + n, x, strlen(x));
        n += strlen(x);
        continue;
      }
      utf8proc_int32_t cp = 0x620 + (utf8proc_int32_t)rnd(0x40);
      n += (size_t)utf8proc_encode_char(cp, line + n);
    }
    const char *a = after2[rnd(NAFTER2)];
    memcpy(line + n, a, strlen(a));
    n += strlen(a);
    memset(line + n, 0, sizeof line - n);
    line[n] = '\n';
    uint64_t h;
    size_t end = ref_word(line, n, &h);
    struct chrome_tok t[CHROME_MAXTOK];
    struct chrome_lex lx = {rnd(4) ? cache : NULL, 0, 0, false, false,
                            false, NULL};
    size_t pos = 0;
    size_t k = kempt__chrome_lex((const char *)line, n, &pos, t,
                                 CHROME_MAXTOK, &lx);
    cr_assert(k >= 1, "round %d", round);
    cr_assert_eq(t[0].start, 0, "round %d", round);
    cr_assert_eq(t[0].end, end, "round %d: %.*s", round, (int)n, line);
    cr_assert_eq(t[0].h, h, "round %d: %.*s", round, (int)n, line);
    cr_assert(t[0].alpha, "round %d", round);
    cr_assert(!t[0].upper, "round %d", round);
    while (k == CHROME_MAXTOK)
      k = kempt__chrome_lex((const char *)line, n, &pos, t, CHROME_MAXTOK,
                            &lx);
    uint32_t conts = 0;
    for (size_t i = 0; i < n; i++)
      conts += (line[i] & 0xC0) == 0x80;
    cr_assert_eq(lx.conts, conts, "round %d: %.*s", round, (int)n, line);
  }
}

/* The facts read_word_rest's run of CJK ideographs takes for granted:
 * U+4E00..U+9FA5 are letters (Lo), each its own lower-case form. */
Test(chromespeed6_latin, facts_of_the_cjk_shortcut) {
  for (utf8proc_int32_t cp = 0x4E00; cp <= 0x9FA5; cp++) {
    cr_assert_eq(utf8proc_category(cp), UTF8PROC_CATEGORY_LO, "U+%04X",
                 (unsigned)cp);
    cr_assert_eq(utf8proc_tolower(cp), cp, "U+%04X", (unsigned)cp);
  }
}

/* Words of CJK ideographs (long runs among them), with others (kana, CJK
 * punctuation, Hangul, an ideograph of extension A, ones past U+9FA5, a
 * hexagram, ASCII and Latin-1 letters) as a plain reader of code points
 * reads them, after a letter of another kind or alone. */
Test(chromespeed6_latin, cjk_words_as_code_points_say) {
  static struct chrome_cpinfo cache[CHROME_CP_SLOTS];
  static const char *const extra[] = {
      "\xe3\x81\x82", "\xe3\x80\x81", "\xe3\x80\x82", "\xea\xb0\x80",
      "\xe3\x90\x80", "\xe9\xbe\xa6", "\xe9\xbf\xbf", "\xe4\xb7\x80",
      "\xe4\xb8", "a", "\xc3\xa9", "\xce\xb1"};
  static const char *const first[] = {"", "a", "\xce\xb1", "\xd0\xb6",
                                      "\xe3\x81\x82", "\xea\xb0\x80"};
  for (int round = 0; round < 100000; round++) {
    unsigned char line[BUF + CHROME_LEX_PAD];
    size_t n = 0;
    const char *f = first[rnd(sizeof first / sizeof first[0])];
    memcpy(line, f, strlen(f));
    n += strlen(f);
    unsigned chars = 1 + rnd(rnd(2) ? 10 : 60);
    for (unsigned c = 0; c < chars; c++) {
      if (rnd(10) == 0) {
        const char *x = extra[rnd(sizeof extra / sizeof extra[0])];
        memcpy(line + n, x, strlen(x));
        n += strlen(x);
        continue;
      }
      utf8proc_int32_t cp = 0x4E00 + (utf8proc_int32_t)rnd(0x9FA6 - 0x4E00);
      n += (size_t)utf8proc_encode_char(cp, line + n);
    }
    const char *a = after2[rnd(NAFTER2)];
    memcpy(line + n, a, strlen(a));
    n += strlen(a);
    memset(line + n, 0, sizeof line - n);
    line[n] = '\n';
    utf8proc_int32_t cp0;
    utf8proc_iterate(line, (utf8proc_ssize_t)n, &cp0);
    if (!word_char(cp0))
      continue; /* (a word must start the line) */
    uint64_t h;
    size_t end = ref_word(line, n, &h);
    struct chrome_tok t[CHROME_MAXTOK];
    struct chrome_lex lx = {rnd(4) ? cache : NULL, 0, 0, false, false,
                            false, NULL};
    size_t pos = 0;
    size_t k = kempt__chrome_lex((const char *)line, n, &pos, t,
                                 CHROME_MAXTOK, &lx);
    cr_assert(k >= 1, "round %d", round);
    cr_assert_eq(t[0].start, 0, "round %d", round);
    cr_assert_eq(t[0].end, end, "round %d: %.*s", round, (int)n, line);
    cr_assert_eq(t[0].h, h, "round %d: %.*s", round, (int)n, line);
    cr_assert(t[0].alpha, "round %d", round);
    while (k == CHROME_MAXTOK)
      k = kempt__chrome_lex((const char *)line, n, &pos, t, CHROME_MAXTOK,
                            &lx);
    uint32_t conts = 0;
    for (size_t i = 0; i < n; i++)
      conts += (line[i] & 0xC0) == 0x80;
    cr_assert_eq(lx.conts, conts, "round %d: %.*s", round, (int)n, line);
  }
}
