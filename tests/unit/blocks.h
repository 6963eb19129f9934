/* blocks.h - test helpers for block stages: feed blocks with chosen flags
 * straight into one stage and collect the blocks it emits.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#ifndef KEMPT_TEST_BLOCKS_H
#define KEMPT_TEST_BLOCKS_H

#include "kempt_stage.h"

#include <stddef.h>
#include <stdint.h>

/* One block in or out: a NUL-terminated copy of its text, flags, rule. */
struct tblock {
  char *text;
  uint32_t flags, nlines;
  uint64_t index;
  const char *rule;
};

struct tblocks {
  struct tblock *b;
  size_t n, size;
};

/* Feed the n blocks (text, flags) of in[] to a new stage 'name' with the
 * options opts (as in chunks.h), finish, and return what it emitted. */
struct tblocks run_blocks(const char *name, const char *const *opts,
                          const char *const *texts, const uint32_t *flags,
                          size_t n);

/* The kept blocks' texts joined by "\n\n" (a malloc'd string). */
char *kept_text(const struct tblocks *t);

void tblocks_free(struct tblocks *t);

#endif
