/* chunks.h - test helpers: run kempt over a string with a chosen chunking.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#ifndef KEMPT_TEST_CHUNKS_H
#define KEMPT_TEST_CHUNKS_H

#include "kempt.h"
#include "kempt_stage.h"

#include <stddef.h>

/* How to cut the input: whole, fixed-size chunks, or random splits. */
enum chunking { WHOLE, FIXED, RANDOM };

/* Options are "name=value" or "name" (a flag), ended by NULL; opts may be
 * NULL. Feeds in as one stream, then finishes it; returns the output as a
 * malloc'd NUL-terminated string (length in *outlen if not NULL). Fails the
 * current test on any library error. */
char *kempt_run(const char *const *opts, const char *in, size_t n,
                enum chunking how, size_t size, unsigned seed,
                size_t *outlen);

/* Run one stage alone (kempt_stage_new) over whole input in chunks; block
 * stages get blocks cut at blank lines by the split stage, and their blocks
 * are written by the write stage. */
char *stage_run(const char *stage, const char *const *opts, const char *in,
                size_t n, size_t chunk, size_t *outlen);

/* Whole file into a malloc'd string; NULL when it cannot be read. */
char *slurp_file(const char *path, size_t *len);

/* Path of a file under the source tree (top_srcdir from the environment);
 * a static buffer. */
const char *srcpath(const char *rel);

/* Whether s[0..n) is valid UTF-8. */
int valid_utf8(const char *s, size_t n);

/* Assert that input gives the same output whole, byte by byte, in chunks
 * of 2..8 and at random splits; returns the whole-fed output. */
char *assert_chunking_invariant(const char *const *opts, const char *in,
                                size_t n);

/* Assert that in gives want, the same whatever the chunking. */
void assert_gives(const char *const *opts, const char *in, const char *want);

/* Assert that in comes out as it went in, plus the final newline. */
void assert_keeps(const char *const *opts, const char *in);

/* An allocator that fails every allocation once alloc_budget allocations
 * have been made (alloc_budget counts down), for allocation-failure tests
 * that fail the n-th allocation for n = 0, 1, 2, ... */
extern long alloc_budget;
extern const struct kempt_allocator failing_allocator;

#endif
