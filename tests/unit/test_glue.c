/* test_glue.c - the glue stage and the embedded word list.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chunks.h"
#include "kempt_glue.h"
#include "lib/wordlist.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

static char *glue(const char *in) {
  size_t len;
  return stage_run("glue", NULL, in, strlen(in), 0, &len);
}

Test(wordlist, levels) {
  cr_assert_eq(kempt__wordlist_level("the", 3), 10);
  cr_assert_eq(kempt__wordlist_level("THE", 3), 10);
  cr_assert_gt(kempt__wordlist_level("stressed", 8), 0);
  cr_assert_eq(kempt__wordlist_level("blinken", 7), 0);
  cr_assert_eq(kempt__wordlist_level("summitthe", 9), 0);
  cr_assert_eq(kempt__wordlist_level("", 0), 0);
}
