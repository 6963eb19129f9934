/* test_restspeed6_unwrap.c - the unwrap stage's fast paths against the
 * slow ones they stand for: the same text with other characters of the
 * same columns, case and kind is unwrapped the same way.
 *
 * - measure() takes sixteen bytes of two-byte letters at once and runs of
 *   U+2000..U+24FF by cached columns: a hard-wrapped paragraph in Cyrillic
 *   or accented Latin (at every alignment) is joined where the same
 *   paragraph in ASCII is;
 * - lines starting with a bullet of U+2020..203F or U+21C0..2BFF are read
 *   as list items from their first bytes: a list with • □ ☆ is kept as
 *   the same list with '*' is;
 * - put_plain() stores short lines sixteen bytes at a time: indented lines
 *   of every length up to the end of the block come out whole.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chunks.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const ONLY_UNWRAP[] = {"stages=unwrap", NULL};

static char *unwrap(const char *in) {
  return assert_chunking_invariant(ONLY_UNWRAP, in, strlen(in));
}

/* Append s to the growing string *b (length *n). */
static void add(char **b, size_t *n, const char *s) {
  size_t k = strlen(s);
  *b = realloc(*b, *n + k + 1);
  cr_assert_not_null(*b);
  memcpy(*b + *n, s, k + 1);
  *n += k;
}

/* Replace each ASCII lower-case letter of s by the string map[c - 'a']
 * (one column, lower case); the rest stays. */
static char *recode(const char *s, const char *const map[26]) {
  char *b = NULL, one[2] = {0, 0};
  size_t n = 0;
  add(&b, &n, "");
  for (; *s; s++) {
    if (*s >= 'a' && *s <= 'z') {
      add(&b, &n, map[*s - 'a']);
    } else {
      one[0] = *s;
      add(&b, &n, one);
    }
  }
  return b;
}

/* Cyrillic and Greek small letters, and Latin ones with accents: all of
 * one column, lower case, two bytes. */
static const char *const CYRILLIC[26] = {
    "а", "б", "в", "г", "д", "е", "ж", "з", "и", "й", "к", "л", "м",
    "н", "о", "п", "р", "с", "т", "у", "ф", "х", "ц", "ч", "ш", "щ"};
static const char *const MIXED[26] = {
    "à", "β", "ç", "δ", "é", "φ", "γ", "η", "ï", "ξ", "κ", "λ", "μ",
    "ñ", "ö", "π", "ø", "σ", "τ", "ü", "ж", "χ", "ý", "ω", "ш", "ž"};

/* A paragraph wrapped at about 60 columns, with a prefix of k spaces'
 * worth of indentation (alignment), then a list. */
static char *wrapped(size_t k) {
  static const char *const lines[] = {
      "the harbour authority said on tuesday that the old ferry",
      "terminal would close for repairs at the end of the month and",
      "that passengers would board from a temporary pier on the",
      "north side of the bay until the work is finished next year.",
      "local traders worry that fewer visitors will walk past their",
      "shops while the pier is in use, and ask for more signs.",
      NULL};
  char *b = NULL;
  size_t n = 0;
  add(&b, &n, "");
  for (size_t i = 0; lines[i]; i++) {
    for (size_t j = 0; j < k; j++)
      add(&b, &n, " ");
    add(&b, &n, lines[i]);
    add(&b, &n, "\n");
  }
  add(&b, &n, "\nshort one\nanother short line\nthird\n");
  return b;
}

Test(restspeed6_unwrap, two_byte_letters_join_as_ascii_does) {
  for (size_t k = 0; k < 20; k++) {
    char *ascii = wrapped(k);
    char *want = unwrap(ascii);
    char *want_cyr = recode(want, CYRILLIC);
    char *want_mix = recode(want, MIXED);
    char *cyr = recode(ascii, CYRILLIC), *mix = recode(ascii, MIXED);
    char *got_cyr = unwrap(cyr), *got_mix = unwrap(mix);
    cr_assert_str_eq(got_cyr, want_cyr, "indent %zu", k);
    cr_assert_str_eq(got_mix, want_mix, "indent %zu", k);
    free(ascii), free(want), free(want_cyr), free(want_mix);
    free(cyr), free(mix), free(got_cyr), free(got_mix);
  }
}

/* ASCII punctuation of one column against U+2000..U+24FF of one column
 * (’ for ', ‐ for -, ⁄ for /): the same joins. */
Test(restspeed6_unwrap, general_punctuation_joins_as_ascii_does) {
  for (size_t k = 0; k < 17; k++) {
    char *ascii = wrapped(k);
    for (char *p = ascii; *p; p++)
      if (*p == ',')
        *p = '/'; /* a mark inside lines to stand for */
    char *want = unwrap(ascii);
    char *b = NULL, *w = NULL, one[2] = {0, 0};
    size_t bn = 0, wn = 0;
    add(&b, &bn, "");
    add(&w, &wn, "");
    for (const char *p = ascii; *p; p++) {
      one[0] = *p;
      add(&b, &bn, *p == '/' ? "\xE2\x81\x84" : one); /* U+2044 */
    }
    for (const char *p = want; *p; p++) {
      one[0] = *p;
      add(&w, &wn, *p == '/' ? "\xE2\x81\x84" : one);
    }
    char *got = unwrap(b);
    cr_assert_str_eq(got, w, "indent %zu", k);
    free(ascii), free(want), free(b), free(w), free(got);
  }
}

/* A list whose items start with bullets beyond ASCII is kept as the same
 * list with '*' is, lower-case items among them. */
Test(restspeed6_unwrap, bullets_beyond_ascii_list_as_stars_do) {
  static const char *const bullets[] = {"\xE2\x80\xA2",  /* • */
                                        "\xE2\x96\xA1",  /* □ */
                                        "\xE2\x98\x86",  /* ☆ */
                                        "\xE2\x80\xA3",  /* ‣ */
                                        "\xE2\x9C\x93"}; /* ✓ */
  static const char *const items[] = {
      "first item of the list that is long enough to be wide",
      "second item, which starts with a capital and runs on",
      "and a third that starts in lower case as a continuation",
      "fourth item of the list with a few more words in it",
      "fifth and last item of this list of things to check"};
  for (size_t b = 0; b < sizeof bullets / sizeof *bullets; b++) {
    char *star = NULL, *other = NULL;
    size_t sn = 0, on = 0;
    add(&star, &sn, "");
    add(&other, &on, "");
    for (size_t i = 0; i < 5; i++) {
      add(&star, &sn, "* ");
      add(&star, &sn, items[i]);
      add(&star, &sn, "\n");
      add(&other, &on, bullets[b]);
      add(&other, &on, " ");
      add(&other, &on, items[i]);
      add(&other, &on, "\n");
    }
    char *want = unwrap(star), *got = unwrap(other);
    char *w = NULL;
    size_t wn = 0;
    add(&w, &wn, "");
    for (const char *p = want; *p; p++) {
      char one[2] = {*p, 0};
      add(&w, &wn, *p == '*' ? bullets[b] : one);
    }
    cr_assert_str_eq(got, w, "bullet %zu", b);
    free(star), free(other), free(want), free(got), free(w);
  }
}

/* Indented kept lines of every length, the last ones at the end of the
 * block: each comes out whole, less the common indentation. */
Test(restspeed6_unwrap, short_kept_lines_at_the_block_end_come_out_whole) {
  for (size_t len = 1; len <= 40; len++) {
    char *in = NULL, *want = NULL;
    size_t in_n = 0, want_n = 0;
    add(&in, &in_n, "");
    add(&want, &want_n, "");
    for (size_t i = 0; i < 4; i++) {
      char line[64];
      size_t k = (len + i * 7) % 41 + 1;
      for (size_t j = 0; j < k; j++)
        line[j] = (char)('A' + (i + j) % 26);
      line[k] = '\0';
      add(&in, &in_n, i % 2 ? "     " : "  ");
      add(&in, &in_n, line);
      add(&in, &in_n, "\n");
      if (i)
        add(&want, &want_n, "\n");
      add(&want, &want_n, i % 2 ? "   " : "");
      add(&want, &want_n, line);
    }
    add(&want, &want_n, "\n");
    char *got = unwrap(in);
    cr_assert_str_eq(got, want, "length %zu", len);
    free(in), free(want), free(got);
  }
}
