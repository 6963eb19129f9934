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
    unsigned char line[2048];
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
      unsigned len = 1 + rnd(rnd(4) ? 8 : 24);
      for (unsigned c = 0; c < len; c++) {
        /* runs of one script, as in text */
        utf8proc_int32_t cp = pool[rnd(NPOOL)];
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
