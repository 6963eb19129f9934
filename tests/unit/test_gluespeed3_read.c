/* test_gluespeed3_read.c - glue reads every kind of token the same way:
 * white space, bullets, numbers, other scripts and compounds around a
 * glued pair leave its split alone, and a mark of code anywhere on its
 * line (at any offset of the 16-byte steps) keeps it whole.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chunks.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const GLUE[] = {"stages=glue", NULL};

#define SEED                                                                   \
  "Antony Blinken met the prince. Later Blinken said more.\n\n"

/* Glue over in, the same in every chunking; returns the output. */
static char *glue(const char *in) {
  return assert_chunking_invariant(GLUE, in, strlen(in));
}

/* Tokens of many kinds before and after the glued pair on its line and
 * on the lines around it. */
Test(gluespeed3_read, other_tokens_around_a_split) {
  static const char *const around[] = {
      "  \xe2\x80\xa2 Home\n",                 /* an indented bullet */
      "\t",                                    /* a tab */
      "   ",                                   /* a run of spaces */
      "In 2019, (1) the 16-inch | & -- ",      /* numbers and marks */
      "\xd0\xb8 \xd0\xb2 ",                    /* Cyrillic function words */
      "Ren\xc3\xa9" "e and Dvo\xc5\x99\xc3\xa1k ", /* other letters */
      "the so-called well-known co-op ",       /* compounds */
      "\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94 ", /* a rule */
      "\xe2\x80\x9cSo,\xe2\x80\x9d he said. ", /* curly quotes */
      "it's O'Brien's plan and U.S. aid, ",    /* apostrophes, a dotted word */
  };
  for (size_t k = 0; k < sizeof around / sizeof around[0]; k++) {
    char in[512];
    snprintf(in, sizeof in,
             SEED "%sAntony Blinkenstressed the importance of the talks, "
                  "%sand he said it was good.\n%s",
             around[k], around[k], around[k]);
    char *out = glue(in);
    cr_assert(strstr(out, "Blinken stressed the importance") != NULL,
              "around \"%s\": %s", around[k], out);
    cr_assert(strstr(out, "Blinkenstressed") == NULL);
    free(out);
  }
}

/* A mark of code on the line keeps its candidates whole wherever it
 * stands; without it, the pair is split. */
Test(gluespeed3_read, a_code_mark_at_any_offset) {
  static const char *const marks[] = {"{", "}", "\\", "=", "()", "->",
                                      "::", "</", "/>", "&&", "||"};
  for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++)
    for (size_t pad = 0; pad < 40; pad++) {
      char in[512], line[128];
      memset(line, 'a', pad);
      line[pad] = '\0';
      for (size_t i = 3; i < pad; i += 4)
        line[i] = ' ';
      snprintf(in, sizeof in,
               SEED "Antony %s %s Blinkenstressed the importance of it.\n",
               line, marks[m]);
      char *out = glue(in);
      cr_assert(strstr(out, "Blinkenstressed the importance") != NULL,
                "mark \"%s\" after %zu: %s", marks[m], pad, out);
      free(out);
      snprintf(in, sizeof in,
               SEED "Antony %s Blinkenstressed the importance of it.\n",
               line);
      out = glue(in);
      cr_assert(strstr(out, "Blinken stressed the importance") != NULL,
                "no mark, %zu: %s", pad, out);
      free(out);
    }
}
