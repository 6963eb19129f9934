/* glue_cases.h - what the glue stage's case tests share: the stage, the
 * two checks, and an English sentence that makes a block English.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#ifndef KEMPT_TEST_GLUE_CASES_H
#define KEMPT_TEST_GLUE_CASES_H

#include "chunks.h"

static const char *const GLUE[] = {"stages=glue", NULL};

/* in comes out as want through glue alone (in any chunking). */
static inline void check(const char *in, const char *want) {
  assert_gives(GLUE, in, want);
}

/* in comes out unchanged through glue alone. */
static inline void same(const char *in) { assert_keeps(GLUE, in); }

/* English context, so that the blocks are weighed as English. */
#define NEWS                                                                   \
  "The minister met officials in the capital on Monday, and the talks "        \
  "went on until late in the evening. "

#endif
