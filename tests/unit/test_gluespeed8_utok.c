/* test_gluespeed8_utok.c - a token that glue keeps in its cache of other
 * tokens with two function words ("v.v.": "v" is a Czech function word)
 * counts both each time it is read, from the cache as when it was first
 * read: a block of Czech function words is not weighed, and its glued
 * pair stays whole, from the same number of such tokens as before.
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
#define PAIR                                                                   \
  "Antony Blinkenstressed the importance of it and the need to "               \
  "act in time.\n"

/* Glue over SEED, then a block of k copies of token before PAIR; returns
 * whether the pair was split. */
static bool split_after(const char *token, int k) {
  char in[1024];
  size_t n = (size_t)snprintf(in, sizeof in, "%s", SEED);
  for (int i = 0; i < k; i++)
    n += (size_t)snprintf(in + n, sizeof in - n, "%s ", token);
  snprintf(in + n, sizeof in - n, "%s", PAIR);
  char *out = assert_chunking_invariant(GLUE, in, strlen(in));
  bool split = strstr(out, "Blinken stressed the importance") != NULL;
  cr_assert(split || strstr(out, "Blinkenstressed the importance") != NULL,
            "%s", out);
  free(out);
  return split;
}

/* Eight Czech function words (four tokens) outweigh the English ones of
 * the block, six (three) do not: the first token is read whole, the
 * others from the cache, and each counts two. */
Test(gluespeed8_utok, two_function_words_count_twice_from_the_cache) {
  static const char *const tokens[] = {"v.v.", "v.s.", "(v/s)", "s.v.,"};
  for (size_t t = 0; t < sizeof tokens / sizeof tokens[0]; t++) {
    cr_assert(split_after(tokens[t], 3), "%s x3", tokens[t]);
    cr_assert(!split_after(tokens[t], 4), "%s x4", tokens[t]);
    cr_assert(!split_after(tokens[t], 5), "%s x5", tokens[t]);
  }
}
