/* test_restspeed12_fast.c - the 32- and 64-byte fast paths of split and
 * of the jsonl output against what they stand for.
 *
 * - split finds the line ends of a piece 64 bytes at a time (a bit each)
 *   where the CPU has AVX2: lines of every length from 0 to 140 bytes, so
 *   that their ends fall at every offset of the 64-byte windows and of
 *   the last fewer than 64 bytes, blank lines of white space among them;
 *   unwrap in the pipeline (which reads the line ends the splitter
 *   publishes) writes what unwrap alone (which looks for each '\n')
 *   writes, whatever the chunking;
 * - the jsonl output looks for the bytes to escape 32 at a time: U+2028,
 *   U+2029, U+0085, a quote and a backslash are escaped, and curly quotes
 *   and no-break spaces (the same lead bytes 0xE2 and 0xC2) are not, at
 *   every offset from the start of the text but the first.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chunks.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const ONLY_UNWRAP[] = {"stages=unwrap", NULL};

Test(restspeed12_fast, line_ends_at_every_window_offset) {
  static char in[32768];
  size_t k = 0;
  for (int len = 0; len <= 140; len++) {
    /* a line of len bytes: words, or white space only every fifth */
    for (int j = 0; j < len; j++)
      in[k++] = (char)(len % 5 == 4 ? (j % 2 ? '\t' : ' ')
                                    : (j % 7 == 6 ? ' ' : 'a' + (len + j) % 26));
    in[k++] = '\n';
  }
  in[k] = '\0';
  char *piped = assert_chunking_invariant(ONLY_UNWRAP, in, k);
  static const size_t sizes[] = {1, 7, 63, 64, 65, 4096, 1 << 20};
  for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
    size_t len;
    char *alone = stage_run("unwrap", NULL, in, k, sizes[i], &len);
    /* (the framing adds the final newline) */
    cr_assert_eq(strlen(piped), len + 1, "chunk %zu", sizes[i]);
    cr_assert(memcmp(piped, alone, len) == 0 && piped[len] == '\n', "chunk %zu",
              sizes[i]);
    free(alone);
  }
  free(piped);
}

static const char *const JSONL[] = {"format=jsonl", "stages=decode", NULL};

Test(restspeed12_fast, jsonl_escapes_at_every_offset) {
  static const struct {
    const char *raw, *escaped;
  } cases[] = {{"\xe2\x80\xa8", "\\u2028"},
               {"\xe2\x80\xa9", "\\u2029"},
               {"\xc2\x85", "\\u0085"},
               {"\\\"", "\\\""},
               {"\\\\", "\\\\"},
               {"\xe2\x80\x9c", "\xe2\x80\x9c"},
               {"\xc2\xa0", "\xc2\xa0"},
               {"\xe2\x80\x94", "\xe2\x80\x94"},
               {"\xe2\x81\xa8", "\xe2\x81\xa8"}};
  for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++)
    for (int at = 1; at < 70;
         at++) { /* (white space at the start is trimmed) */
      char in[256], want[256], text[160];
      int k = 0;
      for (int j = 0; j < at; j++)
        text[k++] = (char)('a' + j % 26);
      text[k] = '\0';
      /* the input holds the raw bytes (or the JSON escape of a quote or
       * backslash); the output escapes what must be */
      snprintf(in, sizeof in, "{\"text\":\"%s%s%s\"}\n", text, cases[c].raw,
               "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
      snprintf(want, sizeof want, "{\"text\":\"%s%s%s\"}\n", text,
               cases[c].escaped, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
      assert_gives(JSONL, in, want);
    }
}
