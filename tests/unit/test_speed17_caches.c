/* test_speed17_caches.c - glue's caches of words and tokens start small
 * and take their full size after some thousands of fills, between two
 * blocks, with the entries they hold: what glue makes of a text is the
 * same before, across and after that, in a document of its own and after
 * other documents of the same handle, whatever the chunking.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chunks.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const GLUE[] = {"stages=glue", NULL};
static const char *const GLUE_NUL[] = {"stages=glue", "format=nul", NULL};

#define SEED "Antony Blinken met the prince. Later Blinken said more.\n\n"
#define PAIR                                                                   \
  "Antony Blinkenstressed the importance of it and the need to "               \
  "act in time.\n\n"
#define PAIR2                                                                  \
  "Then Blinkenwarned the council that it was not the time to wait "           \
  "for them.\n\n"

/* Blocks of words no cache has seen: k made-up words of ASCII letters,
 * as many with a letter of Latin-1 (the cache of other tokens) and a
 * dotted pair of letters each, from word number from on, eight a line. */
static size_t new_words(char *out, size_t cap, int from, int k) {
  size_t n = 0;
  for (int i = from; i < from + k; i++) {
    char w[8];
    int v = i;
    for (int d = 0; d < 5; d++, v /= 26)
      w[d] = (char)('a' + v % 26);
    w[5] = '\0';
    n += (size_t)snprintf(out + n, cap - n, "Zq%s vo\xc3\xa9%s q.%c.%s", w, w,
                          w[0], (i - from) % 8 == 7 ? "\n\n" : " ");
  }
  n += (size_t)snprintf(out + n, cap - n, "\n\n");
  return n;
}

/* SEED and PAIR, then 3000 new words (the caches grow among them), then
 * PAIR2: both split. */
static char *grown_doc(size_t *len) {
  size_t cap = 1u << 20;
  char *in = malloc(cap);
  cr_assert_not_null(in);
  size_t n = (size_t)snprintf(in, cap, "%s%s", SEED, PAIR);
  n += new_words(in + n, cap - n, 0, 3000);
  n += (size_t)snprintf(in + n, cap - n, "%s", PAIR2);
  *len = n;
  return in;
}

static size_t count(const char *s, const char *what) {
  size_t k = 0;
  for (const char *p = strstr(s, what); p; p = strstr(p + 1, what))
    k++;
  return k;
}

Test(speed17_caches, a_pair_splits_before_and_after_they_grow) {
  size_t n;
  char *in = grown_doc(&n);
  char *out = assert_chunking_invariant(GLUE, in, n);
  cr_assert_eq(count(out, "Blinken stressed the importance"), 1, "%.300s",
               out);
  cr_assert_eq(count(out, "Then Blinken warned the council"), 1);
  /* the new words pass as they came */
  cr_assert_not_null(strstr(out, "Zqaaaaa vo\xc3\xa9" "aaaaa q.a."));
  cr_assert_not_null(strstr(out, "Zqjleaa vo\xc3\xa9jleaa q.j.")); /* 2999 */
  free(out);
  free(in);
}

/* The same document after one that made the caches grow (and filled
 * them with other words), in one stream of the same handle: the same. */
Test(speed17_caches, the_same_after_other_documents) {
  size_t n;
  char *doc = grown_doc(&n);
  size_t cap = 2 * n + (1u << 20), k = 0;
  char *in = malloc(cap);
  cr_assert_not_null(in);
  k += new_words(in, cap, 5000, 4000); /* the first document */
  in[k++] = '\0';
  memcpy(in + k, doc, n);
  k += n;
  in[k++] = '\0';
  size_t outlen, alone_len;
  char *out = kempt_run(GLUE_NUL, in, k, WHOLE, 0, 0, &outlen);
  char *alone = kempt_run(GLUE_NUL, doc, n, WHOLE, 0, 0, &alone_len);
  const char *second = memchr(out, '\0', outlen);
  cr_assert_not_null(second);
  second++;
  cr_assert_eq((size_t)(out + outlen - second), alone_len);
  cr_assert(memcmp(second, alone, alone_len) == 0);
  cr_assert_eq(count(alone, "Blinken stressed the importance"), 1);
  cr_assert_eq(count(alone, "Then Blinken warned the council"), 1);
  free(out);
  free(alone);
  free(in);
  free(doc);
}
