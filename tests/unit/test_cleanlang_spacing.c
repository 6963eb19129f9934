/* test_cleanlang_spacing.c - clean text that the spacing stage must keep
 * (cleanlang): a module's member named in English prose, and the closing
 * quote of a Czech paragraph whose opening quote came before.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chunks.h"
#include "kempt_spacing.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The spacing stage alone over in, fed whole and in chunks of 1..3. */
static char *spacing(const char *in) {
  size_t wl;
  char *whole = stage_run("spacing", NULL, in, strlen(in), 0, &wl);
  for (size_t chunk = 1; chunk <= 3; chunk++) {
    char *o = stage_run("spacing", NULL, in, strlen(in), chunk, NULL);
    cr_assert_str_eq(o, whole, "chunks of %zu", chunk);
    free(o);
  }
  cr_assert(valid_utf8(whole, wl));
  return whole;
}

static void same(const char *in) {
  char *out = spacing(in);
  cr_expect_str_eq(out, in, "changed:\n  in:  %s\n  out: %s", in, out);
  free(out);
}

static void becomes(const char *in, const char *want) {
  char *out = spacing(in);
  cr_expect_str_eq(out, want, "\n  in:   %s\n  out:  %s\n  want: %s", in, out,
                   want);
  free(out);
}

/* A lower-case name that is no English word, a dot and a capitalised name
 * that is no function word: a module and its member, not two sentences. */
Test(spacing, a_module_and_its_member_in_english) {
  same("Fix zipfile.Path regression introduced in the last update.");
  same("It now takes an oauthlib.Request as an argument to the call.");
  same("Many bug fixes including the problem with http.Client on the "
       "machine.");
  becomes("He said it was over.Officials said so in the report.",
          "He said it was over. Officials said so in the report.");
  becomes("The talks ended in Kyiv.Officials said so in the report.",
          "The talks ended in Kyiv. Officials said so in the report.");
}

/* Czech closes quotes with “, as German does. */
Test(spacing, a_czech_closing_quote) {
  same("Chceme, aby obnovitelné zdroje pomohly snížit ceny energií pro "
       "domácnosti i firmy,“ uvedl ministr po jednání vlády.");
}
