/* test_gluespeed10_lang.c - kempt__lang_best, which compares the
 * languages' hits four at a time where it can, answers as the plain loop
 * over the languages does: for hits of every size (up to 2^32 - 1), with
 * ties for the most and for the runner-up.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "lib/lang.h"

#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>

/* The plain loop: the first language with the most hits, unless they are
 * fewer than 3 or not a third more than the runner-up's. */
static enum kempt_lang reference(const struct kempt_lang_count *c) {
  int best = 0;
  uint32_t top = 0, second = 0;
  for (int l = 1; l < KEMPT_LANG_COUNT; l++) {
    if (c->hits[l] > top) {
      second = top;
      top = c->hits[l];
      best = l;
    } else if (c->hits[l] > second) {
      second = c->hits[l];
    }
  }
  if (top < 3 || 3 * top < 4 * second)
    return KEMPT_LANG_NONE;
  return (enum kempt_lang)best;
}

static uint64_t state = 0x9E3779B97F4A7C15u;

static uint32_t next(void) {
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return (uint32_t)(state >> 16);
}

/* A count of one of a few kinds: small, around the thresholds, or big. */
static uint32_t count(void) {
  switch (next() % 8) {
  case 0:
  case 1:
    return 0;
  case 2:
    return next() % 4;
  case 3:
    return next() % 12;
  case 4:
    return 100 + next() % 40;
  case 5:
    return 0x7FFFFFF0u + next() % 32; /* across the sign bit */
  case 6:
    return UINT32_MAX - next() % 4;
  default:
    return next();
  }
}

Test(gluespeed10_lang, best_as_the_plain_loop) {
  struct kempt_lang_count c;
  for (int round = 0; round < 200000; round++) {
    memset(&c, 0, sizeof c);
    int used = 1 + (int)(next() % (KEMPT_LANG_COUNT - 1));
    for (int k = 0; k < used; k++)
      c.hits[1 + next() % (KEMPT_LANG_COUNT - 1)] = count();
    if (next() % 4 == 0) { /* a tie for the most, or for the runner-up */
      int a = 1 + (int)(next() % (KEMPT_LANG_COUNT - 1));
      int b = 1 + (int)(next() % (KEMPT_LANG_COUNT - 1));
      c.hits[a] = c.hits[b];
    }
    cr_assert_eq(kempt__lang_best(&c), reference(&c), "round %d", round);
  }
}

Test(gluespeed10_lang, each_language_alone_and_in_pairs) {
  struct kempt_lang_count c;
  for (int a = 1; a < KEMPT_LANG_COUNT; a++)
    for (int b = 1; b < KEMPT_LANG_COUNT; b++)
      for (uint32_t x = 0; x < 8; x++)
        for (uint32_t y = 0; y < 8; y++) {
          memset(&c, 0, sizeof c);
          c.hits[a] = x;
          c.hits[b] += y;
          cr_assert_eq(kempt__lang_best(&c), reference(&c), "%d %d %u %u", a,
                       b, x, y);
        }
}
