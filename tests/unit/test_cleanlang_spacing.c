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

#include "spacing_check.h"


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
