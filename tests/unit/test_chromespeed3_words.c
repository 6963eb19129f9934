/* test_chromespeed3_words.c - the chrome tokenizer against a plain one
 * written from its description: random lines of words (ASCII, Latin-1,
 * basic Cyrillic and other letters, digits, in either case) between
 * spaces. Each word must come back with its offsets, the hash of its
 * lower-case form (utf8proc's), whether it has a letter and whether it
 * starts with a capital; the continuation bytes must add up.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "lib/chrome_int.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* The hash of a word's lower-case bytes, as chrome_phrase.c describes
 * it: chunks of 8 bytes, little-endian, the last one padded with zero
 * bytes, each mixed into the state; all-digit words share one hash. */
#define REF_INIT 0x243f6a8885a308d3ull
#define REF_MUL 0x9e3779b97f4a7c15ull
#define REF_NUMBER 0x6a09e667f3bcc909ull
static uint64_t ref_hash(const unsigned char *low, size_t n) {
  uint64_t h = REF_INIT;
  for (size_t i = 0; i < n; i += 8) {
    uint64_t w = 0;
    for (size_t k = 0; k < 8 && i + k < n; k++)
      w |= (uint64_t)low[i + k] << (8 * k);
    h = (h ^ w) * REF_MUL;
  }
  return h;
}

/* Letters and digits to build words from: the shortcuts' ranges and their
 * edges, and some that go the long way. */
static const utf8proc_int32_t pool[] = {
    'a', 'z', 'A', 'Z', 'q', 'M', '0', '9', '5',
    0xC0, 0xC9, 0xD6, 0xD8, 0xDE, 0xDF, 0xE0, 0xE9, 0xF6, 0xF8, 0xFF,
    0xAA, 0xB5, 0xBA, /* letters of C2 */
    0x100, 0x101, 0x141, 0x142, 0x17D, /* Latin Extended-A */
    0x400, 0x401, 0x40F, 0x410, 0x41F, 0x420, 0x42F, 0x430, 0x43F, 0x440,
    0x44F, 0x450, 0x451, 0x45F, 0x460, 0x490, 0x491, /* Cyrillic */
    0x391, 0x3B1, 0x3C9, 0x5D0, 0x627, 0x661, 0x915, 0x94D, 0x3042, 0x4E00,
    0xAC00, 0x301, 0x1F600 /* (not a letter: a word ends there) */
};
#define NPOOL (sizeof pool / sizeof pool[0])

static bool is_word_cp(utf8proc_int32_t cp) {
  utf8proc_category_t c = utf8proc_category(cp);
  return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME) ||
         c == UTF8PROC_CATEGORY_ND;
}

static uint64_t rng = 0x853c49e6748fea9bull;
static unsigned rnd(unsigned n) {
  rng = rng * 6364136223846793005ull + 1442695040888963407ull;
  return (unsigned)((rng >> 33) % n);
}

struct ref_tok {
  uint64_t h;
  uint32_t start, end;
  bool alpha, upper;
};

Test(chromespeed3_words, random_lines_as_the_plain_tokenizer) {
  static struct chrome_cpinfo cache[CHROME_CP_SLOTS];
  for (int round = 0; round < 20000; round++) {
    unsigned char line[4096];
    struct ref_tok want[CHROME_MAXTOK];
    size_t n = 0, nw = 0;
    uint32_t conts = 0;
    unsigned words = 1 + rnd(12);
    for (unsigned w = 0; w < words && nw < CHROME_MAXTOK; w++) {
      if (n)
        line[n++] = ' ';
      unsigned char low[200];
      size_t nlow = 0, start = n;
      bool letter = false, upper = false, first = true;
      unsigned len = 1 + rnd(rnd(4) ? 8 : 40), script = rnd(5);
      for (unsigned c = 0; c < len; c++) {
        /* from the pool, or all of one script, as in text: basic
         * Cyrillic, Latin-1 letters, ASCII letters */
        utf8proc_int32_t cp = pool[rnd(NPOOL)];
        if (script == 1)
          cp = 0x410 + (utf8proc_int32_t)rnd(0x40);
        else if (script == 2)
          cp = 0xC0 + (utf8proc_int32_t)rnd(0x40);
        else if (script == 3)
          cp = (rnd(2) ? 'a' : 'A') + (utf8proc_int32_t)rnd(26);
        if (!is_word_cp(cp))
          continue; /* (words only here) */
        if (first) {
          utf8proc_category_t cat = utf8proc_category(cp);
          upper = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
          first = false;
        }
        letter = letter || utf8proc_category(cp) != UTF8PROC_CATEGORY_ND;
        utf8proc_ssize_t k = utf8proc_encode_char(cp, line + n);
        conts += (uint32_t)k - 1;
        n += (size_t)k;
        nlow += (size_t)utf8proc_encode_char(utf8proc_tolower(cp), low + nlow);
      }
      if (n == start) { /* no letter came: take out the space */
        if (n)
          n--;
        continue;
      }
      want[nw].h = letter ? ref_hash(low, nlow) : REF_NUMBER;
      want[nw].start = (uint32_t)start;
      want[nw].end = (uint32_t)n;
      want[nw].alpha = letter;
      want[nw].upper = upper;
      nw++;
    }
    memset(line + n, 0, sizeof line - n);
    line[n] = '\n';
    for (int cached = 0; cached < 2; cached++) {
      struct chrome_tok t[CHROME_MAXTOK];
      struct chrome_lex lx = {cached ? cache : NULL, 0, 0, false, false,
                              false, NULL};
      size_t pos = 0, k = kempt__chrome_lex((const char *)line, n, &pos, t,
                                            CHROME_MAXTOK, &lx);
      cr_assert_eq(k, nw, "round %d: %zu tokens, not %zu", round, k, nw);
      cr_assert_eq(lx.conts, conts, "round %d", round);
      for (size_t i = 0; i < nw; i++) {
        cr_assert_eq(t[i].start, want[i].start, "round %d word %zu", round, i);
        cr_assert_eq(t[i].end, want[i].end, "round %d word %zu", round, i);
        cr_assert_eq(t[i].alpha, want[i].alpha, "round %d word %zu", round, i);
        cr_assert_eq(t[i].upper, want[i].upper, "round %d word %zu", round, i);
        cr_assert_eq(t[i].h, want[i].h, "round %d word %zu: %.*s", round, i,
                     (int)(want[i].end - want[i].start),
                     (const char *)line + want[i].start);
      }
    }
  }
}

/* Pieces of lines: words (function words of some languages among them),
 * numbers, and what comes between words. */
static const char *const pieces[] = {
    "the", "The", "and", "of", "de", "la", "Le", "und", "die", "el", "y",
    "in", "is", "a", "A", "Share", "Read", "more", "News", "by", "By",
    "Photo", "Copyright", "2024", "12", "x9", "9x", "WORDS", "abcdefghijklmnop",
    "abcdefghijklmnopqrstuvwxyz0123456789", "Müller", "café", "ÉTÉ", "naïve",
    "\xd0\xb2", "\xd0\x92", "\xd0\xb8", "\xd0\xbd\xd0\xb0",
    "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0",
    "\xd0\xbf\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82\xd1\x81\xd1\x82\xd0\xb2"
    "\xd1\x83\xd1\x8e",
    "\xd1\x91\xd0\xb6", "\xce\xb1\xce\xb2", "\xe4\xb8\xad\xe6\x96\x87",
    "\xea\xb0\x80", "x\xcc\x81y", "\xf0\x9f\x98\x80", "\xc2\xa9", "\xc2\xaa",
    " ", " ", " ", "  ", "\t", ", ", ". ", "...", "\x0e\x0e\x0e", ".jpg",
    " | ", " / ", " > ", "[", "]", " - ", " \xc2\xb7 ", " \xe2\x80\xba ",
    " \xe2\x80\xa2 ", "\xe2\x80\x94", "\xe2\x80\x99", "\xe2\x94\x81\xe2\x94\x81"
    "\xe2\x94\x81", "\xc2\xa0", "\xe3\x80\x82", "\xff", "\x80"};
#define NPIECES (sizeof pieces / sizeof pieces[0])

Test(chromespeed3_words, counts_as_the_tokens_say) {
  const struct chrome_rules *rules = kempt__chrome_rules_builtin();
  cr_assert(rules);
  struct chrome_swcache *sw = calloc(1, sizeof *sw);
  static struct chrome_cpinfo cache[CHROME_CP_SLOTS];
  cr_assert(sw);
  for (int round = 0; round < 20000; round++) {
    char line[4096];
    size_t n = 0;
    unsigned np = rnd(rnd(4) ? 24 : 200);
    for (unsigned k = 0; k < np; k++) {
      const char *s = pieces[rnd(NPIECES)];
      size_t l = strlen(s);
      memcpy(line + n, s, l);
      n += l;
    }
    memset(line + n, 0, sizeof line - n);
    line[n] = '\n';
    /* the tokens without counts, CHROME_MAXTOK at a time as the classifier
     * reads a line, then again with them */
    struct chrome_lex plain = {cache, 0, 0, false, false, false, NULL};
    struct chrome_count wc = {sw, rules, 0, 0, 0, 0, {0}, 0, false};
    struct chrome_lex counted = {cache, 0, 0, false, false, false, &wc};
    size_t pos0 = 0, pos1 = 0, first = 1;
    uint32_t words = 0, upper = 0, stop = 0, langs = 0;
    uint32_t hits[KEMPT_LANG_COUNT] = {0};
    for (;;) {
      struct chrome_tok t0[CHROME_MAXTOK], t1[CHROME_MAXTOK];
      size_t k0 = kempt__chrome_lex(line, n, &pos0, t0, CHROME_MAXTOK, &plain);
      size_t k1 = kempt__chrome_lex(line, n, &pos1, t1, CHROME_MAXTOK, &counted);
      cr_assert_eq(k0, k1, "round %d", round);
      cr_assert_eq(pos0, pos1, "round %d", round);
      uint64_t hs = 0;
      for (size_t i = 0; i < k0; i++) {
        cr_assert_eq(t0[i].h, t1[i].h, "round %d token %zu", round, i);
        cr_assert_eq(t0[i].start, t1[i].start, "round %d", round);
        cr_assert_eq(t0[i].end, t1[i].end, "round %d", round);
        cr_assert_eq(t0[i].alpha, t1[i].alpha, "round %d", round);
        cr_assert_eq(t0[i].upper, t1[i].upper, "round %d", round);
        hs |= (uint64_t)kempt__chrome_may_start_hs(rules, t0[i].h) << i;
        if (!t0[i].alpha)
          continue;
        words++;
        upper += t0[i].upper;
        uint32_t m = kempt__chrome_stop_langs(line + t0[i].start,
                                              t0[i].end - t0[i].start, NULL);
        stop += m != 0;
        langs |= m;
        for (unsigned l = 0; l + 1 < KEMPT_LANG_COUNT; l++)
          hits[l + 1] += (m >> l) & 1u;
      }
      cr_assert_eq(wc.hs, hs, "round %d call %zu", round, first);
      first++;
      if (k0 < CHROME_MAXTOK)
        break;
    }
    cr_assert_eq(plain.conts, counted.conts, "round %d", round);
    cr_assert_eq(plain.seps, counted.seps, "round %d", round);
    cr_assert_eq(plain.bracket, counted.bracket, "round %d", round);
    cr_assert_eq(plain.dots3, counted.dots3, "round %d", round);
    cr_assert_eq(plain.ext_dot, counted.ext_dot, "round %d", round);
    cr_assert_eq(wc.words, words, "round %d", round);
    cr_assert_eq(wc.upper, upper, "round %d", round);
    cr_assert_eq(wc.stop, stop, "round %d", round);
    cr_assert_eq(wc.langs, langs, "round %d", round);
    for (unsigned l = 0; l < KEMPT_LANG_COUNT; l++)
      cr_assert_eq(wc.hits[l], hits[l], "round %d lang %u", round, l);
  }
  free(sw);
}
