/* test_restspeed3_fast.c - the fast paths for text with combining marks
 * and scripts beyond Latin (repair's span memory, dedup's caseless 3-byte
 * range) give what the slow ones gave.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chunks.h"
#include "lib/textchar.h"

#include <utf8proc.h>

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *run(const char *stages, const char *in) {
  const char *const opts[] = {stages, NULL};
  return assert_chunking_invariant(opts, in, strlen(in));
}

#define KSSA "\xe0\xa4\x95\xe0\xa5\x8d\xe0\xa4\xb7" /* क्ष: a virama */
#define E_ACUTE_NFD "e\xcc\x81"                    /* e + U+0301 */
#define E_ACUTE "\xc3\xa9"                         /* é */
#define NA_NUKTA "\xe0\xa4\xa8\xe0\xa4\xbc"        /* न + nukta: ऩ */

/* A span left as it is is remembered; one that normalization changes is
 * changed every time, before and after the same bytes left alone. */
Test(restspeed3, repair_spans_seen_again_normalize_the_same) {
  char in[4096], want[4096];
  size_t a = 0, b = 0;
  for (int i = 0; i < 40; i++) {
    a += (size_t)snprintf(in + a, sizeof in - a,
                          KSSA " " E_ACUTE_NFD "t" KSSA " " NA_NUKTA " x\n");
    b += (size_t)snprintf(want + b, sizeof want - b,
                          KSSA " " E_ACUTE "t" KSSA " \xe0\xa4\xa9 x\n");
  }
  char *out = run("stages=repair", in);
  cr_assert_str_eq(out, want);
  free(out);
}

/* Text of one script with a mark on almost every letter: NFC already,
 * comes out as it went in. */
Test(restspeed3, repair_marked_text_in_nfc_is_kept) {
  static const char *const words[] = {
      "\xe0\xa4\xb5\xe0\xa4\xbf\xe0\xa4\xa6\xe0\xa5\x8d\xe0\xa4\xaf\xe0\xa4"
      "\xbe\xe0\xa4\xb0\xe0\xa5\x8d\xe0\xa4\xa5\xe0\xa4\xbf\xe0\xa4\xaf\xe0"
      "\xa5\x8b\xe0\xa4\x82",
      "\xe0\xb8\x99\xe0\xb8\xb1\xe0\xb8\x81\xe0\xb9\x80\xe0\xb8\xa3\xe0\xb8"
      "\xb5\xe0\xb8\xa2\xe0\xb8\x99",
      "\xd8\xb0\xd9\x8e\xd9\x87\xd9\x8e\xd8\xa8\xd9\x8e",
      "\xd7\xa9\xd6\xb8\xd7\x81\xd7\x9c\xd7\x95\xd6\xb9\xd7\x9d"};
  char in[8192];
  size_t a = 0;
  for (int i = 0; i < 100; i++)
    a += (size_t)snprintf(in + a, sizeof in - a, "%s%s", words[i % 4],
                          i % 7 == 6 ? "\n" : " ");
  a += (size_t)snprintf(in + a, sizeof in - a, "end\n");
  char *out = run("stages=repair", in);
  cr_assert_str_eq(out, in);
  free(out);
}

/* dedup.c takes U+0800-0FFF as they are: no case there, no white
 * space. */
Test(restspeed3, dedup_range_0800_0fff_has_no_case) {
  for (int32_t cp = 0x800; cp < 0x1000; cp++) {
    utf8proc_category_t c = utf8proc_category(cp);
    cr_assert_eq(kempt__cp_fold(cp), cp, "%x", cp);
    cr_assert(c != UTF8PROC_CATEGORY_ZS && c != UTF8PROC_CATEGORY_ZL &&
                  c != UTF8PROC_CATEGORY_ZP,
              "%x", cp);
  }
}

/* Copies of a paragraph in an Indic script are found as before. */
Test(restspeed3, dedup_finds_indic_copies) {
  const char *para = KSSA KSSA " \xe0\xa4\xb5\xe0\xa4\xbf\xe0\xa4\xa6 " KSSA
                     "\xe0\xb8\x99\xe0\xb8\xb1\xe0\xb8\x81";
  char in[1024], want[1024];
  snprintf(in, sizeof in, "%s\n\n%s  \n\nEnd.\n", para, para);
  snprintf(want, sizeof want, "%s\n\nEnd.\n", para);
  char *out = run("stages=dedup", in);
  cr_assert_str_eq(out, want);
  free(out);
}
