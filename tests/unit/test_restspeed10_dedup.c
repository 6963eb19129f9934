/* test_restspeed10_dedup.c - dedup's fast paths for three-byte characters
 * and Greek capitals against what they stand for.
 *
 * - self3_run() takes runs of characters of U+0800-0FFF, U+3001-9FFF and
 *   U+AC00-D7A3 as they are (five at a time where it can): no character
 *   there has a lower case or is white space, so a copy that differs from
 *   the first only in white space (U+3000 among it) or ASCII case is
 *   found, at every alignment, and one that differs in one character of
 *   those scripts is not;
 * - fold_cp() folds Greek capitals without utf8proc: the same as it.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chunks.h"
#include "lib/textchar.h"

#include <utf8proc.h>

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const ONLY_DEDUP[] = {"stages=dedup", NULL};

static char *dedup(const char *in) {
  return assert_chunking_invariant(ONLY_DEDUP, in, strlen(in));
}

Test(restspeed10_dedup, three_byte_ranges_taken_as_they_are_have_no_case) {
  static const int32_t ranges[][2] = {
      {0x800, 0x1000}, {0x3001, 0xA000}, {0xAC00, 0xD7A4}};
  for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++)
    for (int32_t cp = ranges[r][0]; cp < ranges[r][1]; cp++) {
      utf8proc_category_t c = utf8proc_category(cp);
      cr_assert_eq(kempt__cp_fold(cp), cp, "%x", cp);
      cr_assert(c != UTF8PROC_CATEGORY_ZS && c != UTF8PROC_CATEGORY_ZL &&
                    c != UTF8PROC_CATEGORY_ZP,
                "%x", cp);
    }
  cr_assert_eq(utf8proc_category(0x3000), UTF8PROC_CATEGORY_ZS);
}

Test(restspeed10_dedup, greek_capitals_fold_as_utf8proc_says) {
  for (int32_t cp = 0x391; cp < 0x3AA; cp++)
    cr_assert_eq(utf8proc_tolower(cp), cp == 0x3A2 ? cp : cp + 32, "%x", cp);
}

/* Append s to b (room enough). */
static void add(char *b, const char *s) { strcat(b, s); }

#define KANA "\xe3\x81\xa7\xe3\x81\x99"          /* です */
#define KANJI "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e" /* 日本語 */
#define OPEN "\xe3\x80\x8c"                       /* 「 */
#define CLOSE "\xe3\x80\x8d"                      /* 」 */
#define COMMA "\xe3\x80\x81"                      /* 、 */
#define STOP "\xe3\x80\x82"                       /* 。 */
#define IDSP "\xe3\x80\x80"                       /* U+3000 */
#define HANGUL "\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4" /* 한국어 */
#define HINDI "\xe0\xa4\xb9\xe0\xa4\xbf\xe0\xa4\x82"  /* हिं */
#define GREEK_UP "\xce\xa0\xce\x91\xce\xa3"       /* ΠΑΣ */
#define GREEK_LO "\xcf\x80\xce\xb1\xcf\x83"       /* πασ */

/* A paragraph of pad ASCII letters and then reps of a mix of the fast
 * scripts, with sep between words; upper: Greek in capitals. */
static void para(char *b, size_t pad, int reps, const char *sep, bool upper,
                 const char *odd) {
  b[0] = '\0';
  for (size_t i = 0; i < pad; i++)
    add(b, "x");
  add(b, "w");
  add(b, sep);
  for (int r = 0; r < reps; r++) {
    add(b, KANJI KANA OPEN KANJI CLOSE COMMA);
    add(b, r == reps / 2 && odd ? odd : KANA KANJI KANJI STOP);
    add(b, sep);
    add(b, HANGUL HANGUL);
    add(b, sep);
    add(b, HINDI KANJI HANGUL);
    add(b, sep);
    add(b, upper ? GREEK_UP : GREEK_LO);
    add(b, sep);
  }
  add(b, "end");
}

Test(restspeed10_dedup, copies_in_fast_scripts_are_found_at_every_alignment) {
  static char a[8192], c[8192], in[20000];
  for (size_t pad = 0; pad < 18; pad++)
    for (int reps = 1; reps < 7; reps++) {
      para(a, pad, reps, " ", false, NULL);
      /* the same with other white space and Greek in capitals: a copy */
      para(c, pad, reps, "  " IDSP " ", true, NULL);
      snprintf(in, sizeof in, "%s\n\n%s\n\nEnd.\n", a, c);
      char *out = dedup(in);
      char want[10000];
      snprintf(want, sizeof want, "%s\n\nEnd.\n", a);
      cr_assert_str_eq(out, want, "pad %zu reps %d", pad, reps);
      free(out);
      /* one character of a fast script differs: no copy */
      para(c, pad, reps, " ", false, KANA KANJI KANA STOP);
      snprintf(in, sizeof in, "%s\n\n%s\n\nEnd.\n", a, c);
      out = dedup(in);
      cr_assert_str_eq(out, in, "pad %zu reps %d", pad, reps);
      free(out);
      /* a CJK comma for a full stop differs too */
      para(c, pad, reps, " ", false, KANA KANJI KANJI COMMA);
      snprintf(in, sizeof in, "%s\n\n%s\n\nEnd.\n", a, c);
      out = dedup(in);
      cr_assert_str_eq(out, in, "pad %zu reps %d", pad, reps);
      free(out);
      /* U+3000 inside a word is white space: it parts the word */
      para(c, pad, reps, " ", false, KANA KANJI IDSP KANJI STOP);
      snprintf(in, sizeof in, "%s\n\n%s\n\nEnd.\n", a, c);
      out = dedup(in);
      cr_assert_str_eq(out, in, "pad %zu reps %d", pad, reps);
      free(out);
    }
}

/* Bytes that are not UTF-8 among three-byte characters: an overlong
 * E0 80 xx, a lone lead, a surrogate, a cut sequence; a copy of them is
 * found, and they are not taken for the characters they look like. */
Test(restspeed10_dedup, bad_sequences_among_fast_scripts) {
  static const char *const bad[] = {"\xe0\x80\xaf", "\xe3\x80", "\xed\xa0\x80",
                                    "\xe4\xb8", "\xe3\xe3\x81\x82"};
  for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++)
    for (size_t pad = 0; pad < 18; pad++) {
      char a[512], in[2048];
      a[0] = '\0';
      for (size_t i = 0; i < pad; i++)
        add(a, "y");
      add(a, KANJI KANJI KANA);
      add(a, bad[k]);
      add(a, KANJI KANJI KANA KANJI " tail");
      snprintf(in, sizeof in, "%s\n\n%s\n\nEnd.\n", a, a);
      char *out = dedup(in);
      char once[1024];
      snprintf(once, sizeof once, "%s\n\nEnd.\n", a);
      char *want = dedup(once); /* as decode makes the bad bytes */
      cr_assert_str_eq(out, want, "bad %zu pad %zu", k, pad);
      free(out);
      free(want);
    }
}
