/* test_gluespeed6_read.c - glue reads Cyrillic words and hyphenated words
 * of ASCII letters itself (plain_run): the function words of a Cyrillic
 * block count in every casing and before a closing mark, and a word seen
 * hyphenated in any casing, after or before marks, keeps its glued form
 * whole.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chunks.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const GLUE[] = {"stages=glue", NULL};

#define SEED "Antony Blinken met the prince. Later Blinken said more.\n\n"

/* Glue over in, the same in every chunking; returns the output. */
static char *glue(const char *in) {
  return assert_chunking_invariant(GLUE, in, strlen(in));
}

/* A block with more Russian function words than English ones is not
 * weighed: its glued pair stays whole, whatever the casing of the
 * Russian words (their letters lowered from each block of capitals:
 * U+0400..U+040F, U+0410..U+041F, U+0420..U+042F) and the marks after
 * them; without them the pair is split. */
Test(gluespeed6_read, russian_function_words_in_every_casing) {
  static const char *const words[] = {
      /* и что она её ещё это для или при как были */
      "\xd0\xb8 \xd1\x87\xd1\x82\xd0\xbe \xd0\xbe\xd0\xbd\xd0\xb0 "
      "\xd0\xb5\xd1\x91 \xd0\xb5\xd1\x89\xd1\x91 \xd1\x8d\xd1\x82\xd0\xbe "
      "\xd0\xb4\xd0\xbb\xd1\x8f \xd0\xb8\xd0\xbb\xd0\xb8 "
      "\xd0\xbf\xd1\x80\xd0\xb8 \xd0\xba\xd0\xb0\xd0\xba "
      "\xd0\xb1\xd1\x8b\xd0\xbb\xd0\xb8",
      /* И ЧТО ОНА ЕЁ ЕЩЁ ЭТО ДЛЯ ИЛИ ПРИ КАК БЫЛИ */
      "\xd0\x98 \xd0\xa7\xd0\xa2\xd0\x9e \xd0\x9e\xd0\x9d\xd0\x90 "
      "\xd0\x95\xd0\x81 \xd0\x95\xd0\xa9\xd0\x81 \xd0\xad\xd0\xa2\xd0\x9e "
      "\xd0\x94\xd0\x9b\xd0\xaf \xd0\x98\xd0\x9b\xd0\x98 "
      "\xd0\x9f\xd0\xa0\xd0\x98 \xd0\x9a\xd0\x90\xd0\x9a "
      "\xd0\x91\xd0\xab\xd0\x9b\xd0\x98",
      /* И, Что. Она: Её! Ещё? Это) Для" Или; При, Как. Были, */
      "\xd0\x98, \xd0\xa7\xd1\x82\xd0\xbe. \xd0\x9e\xd0\xbd\xd0\xb0: "
      "\xd0\x95\xd1\x91! \xd0\x95\xd1\x89\xd1\x91? \xd0\xad\xd1\x82\xd0\xbe) "
      "\xd0\x94\xd0\xbb\xd1\x8f\" \xd0\x98\xd0\xbb\xd0\xb8; "
      "\xd0\x9f\xd1\x80\xd0\xb8, \xd0\x9a\xd0\xb0\xd0\xba. "
      "\xd0\x91\xd1\x8b\xd0\xbb\xd0\xb8,",
  };
  for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
    char in[1024];
    snprintf(in, sizeof in,
             SEED "%s Antony Blinkenstressed the importance of it.\n",
             words[k]);
    char *out = glue(in);
    cr_assert(strstr(out, "Blinkenstressed the importance") != NULL,
              "words %zu: %s", k, out);
    free(out);
  }
  char *out = glue(SEED "Antony Blinkenstressed the importance of it.\n");
  cr_assert(strstr(out, "Blinken stressed the importance") != NULL, "%s", out);
  free(out);
}

/* Cyrillic words that are no function words (too long, or glued to
 * other bytes) leave an English block English. */
Test(gluespeed6_read, other_cyrillic_words_in_an_english_block) {
  static const char *const words[] = {
      /* Психология обезжиренного Бессолевая */
      "\xd0\x9f\xd1\x81\xd0\xb8\xd1\x85\xd0\xbe\xd0\xbb\xd0\xbe\xd0\xb3\xd0"
      "\xb8\xd1\x8f "
      "\xd0\xbe\xd0\xb1\xd0\xb5\xd0\xb7\xd0\xb6\xd0\xb8\xd1\x80\xd0\xb5\xd0"
      "\xbd\xd0\xbd\xd0\xbe\xd0\xb3\xd0\xbe",
      /* и-то и1 и» ѣи */
      "\xd0\xb8-\xd1\x82\xd0\xbe \xd0\xb8"
      "1 \xd0\xb8\xc2\xbb "
      "\xd1\xa3\xd0\xb8",
  };
  for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
    char in[1024];
    snprintf(in, sizeof in,
             SEED "Antony %s Blinkenstressed the importance of it.\n",
             words[k]);
    char *out = glue(in);
    cr_assert(strstr(out, "Blinken stressed the importance") != NULL,
              "words %zu: %s", k, out);
    free(out);
  }
}

/* The glued form of a word seen hyphenated elsewhere in the document is
 * kept whole, whatever the casing and the marks around the hyphenated
 * one; without it, the pair is split. */
Test(gluespeed6_read, seen_hyphenated_around_marks) {
  static const char *const forms[] = {
      "blinken-stressed",
      "Blinken-Stressed",
      "BLINKEN-STRESSED",
      "blinken-stressed,",
      "blinken-stressed.",
      "(blinken-stressed)",
      "\"blinken-stressed\"",
      "blinken-stressed;",
      "blinken-stressed\xe2\x80\x9d",
      "\xe2\x80\x9c"
      "blinken-stressed",
      "\xc2\xab"
      "blinken-stressed\xc2\xbb",
  };
  for (size_t k = 0; k < sizeof forms / sizeof forms[0]; k++) {
    char in[1024];
    snprintf(in, sizeof in,
             SEED "Antony Blinkenstressed the importance of it. He was %s "
                  "today.\n",
             forms[k]);
    char *out = glue(in);
    cr_assert(strcmp(out, in) == 0, "form \"%s\": %s", forms[k], out);
    free(out);
  }
  char *out = glue(SEED "Antony Blinkenstressed the importance of it. He "
                        "was stressed today.\n");
  cr_assert(strstr(out, "Blinken stressed the importance") != NULL, "%s", out);
  free(out);
}

/* Hyphenated words of every shape before and after a glued pair leave
 * its split alone. */
Test(gluespeed6_read, hyphenated_words_around_a_split) {
  static const char *const around[] = {
      "far-flung ",
      "five-and-a-half, ",
      "Well-Known. ",
      "(self-dealing) ",
      "a-b-c-d-e-f-g-h-i-j ",
      "state-of-the-art's ",
      "co--op ",
      "x- ",
      "-x ",
      "internationalization-ready ",
      "abcdefghijklmnopqrstu-vwxyzabcdefghijklmnopq ",
      "e-mail\xe2\x80\x9d ",
  };
  for (size_t k = 0; k < sizeof around / sizeof around[0]; k++) {
    char in[1024];
    snprintf(in, sizeof in,
             SEED "%sAntony Blinkenstressed the importance of the talks, "
                  "%sand he said it was good.\n%s",
             around[k], around[k], around[k]);
    char *out = glue(in);
    cr_assert(strstr(out, "Blinken stressed the importance") != NULL,
              "around \"%s\": %s", around[k], out);
    free(out);
  }
}

/* A mark of code anywhere on a long line (at any offset of the 32- and
 * 16-byte steps of code_marks) keeps its candidates whole; without it,
 * the pair is split. */
Test(gluespeed6_read, a_code_mark_on_a_long_line) {
  static const char *const marks[] = {"{",  "}",  "\\", "=",  "()", "->",
                                      "::", "</", "/>", "&&", "||", "$ "};
  for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++)
    for (size_t pad = 30; pad < 140; pad += 1 + (m != 0) * 6) {
      char in[1024], line[256];
      for (size_t i = 0; i < pad; i++) /* words of prose, marks that are
                                          no code: - ( : / < | & $ */
        line[i] = "ab-d(f:h/j<l|n&p$r t"[i % 20];
      if (line[pad - 1] == '$')
        line[pad - 1] = 'z'; /* "$ " is a mark */
      line[pad] = '\0';
      snprintf(in, sizeof in,
               SEED "Antony %s%s Blinkenstressed the importance of it.\n", line,
               marks[m]);
      char *out = glue(in);
      cr_assert(strstr(out, "Blinkenstressed the importance") != NULL,
                "mark \"%s\" after %zu: %s", marks[m], pad, out);
      free(out);
      snprintf(in, sizeof in,
               SEED "Antony %s Blinkenstressed the importance of it.\n", line);
      out = glue(in);
      cr_assert(strstr(out, "Blinken stressed the importance") != NULL,
                "no mark, %zu: %s", pad, out);
      free(out);
    }
}

/* Hangul words, alone or before a mark, and other bytes that look like
 * them around a glued pair leave its split alone. */
Test(gluespeed6_read, hangul_words_around_a_split) {
  static const char *const around[] = {
      "\xea\xb0\x80 ",                          /* U+AC00, the first */
      "\xed\x9e\xa3. ",                         /* U+D7A3, the last */
      "\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4, ", /* a word, a comma */
      "\xea\xb0\x80\xea\xb0\x80.. ",            /* two marks */
      "\xea\x80\x80 \xed\x9e\xa4 ",             /* U+A000, U+D7A4: no Hangul */
      "\xea\xb0\x80"
      "abc ",            /* then ASCII letters */
      "(\xea\xb0\x80) ", /* between marks */
  };
  for (size_t k = 0; k < sizeof around / sizeof around[0]; k++) {
    char in[1024];
    snprintf(in, sizeof in,
             SEED "%sAntony Blinkenstressed the importance of the talks, "
                  "%sand he said it was good.\n%s",
             around[k], around[k], around[k]);
    char *out = glue(in);
    cr_assert(strstr(out, "Blinken stressed the importance") != NULL,
              "around \"%s\": %s", around[k], out);
    free(out);
  }
}
