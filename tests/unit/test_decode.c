/* test_decode.c - the decode stage.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chunks.h"
#include "kempt_decode.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

/* Decode in with every chunk size 0 (whole) .. 7; all must agree. */
static void check(const char *in, size_t n, const char *want) {
  for (size_t chunk = 0; chunk < 8; chunk++) {
    size_t len;
    char *out = stage_run("decode", NULL, in, n, chunk, &len);
    cr_assert_eq(len, strlen(want), "chunk %zu: length %zu, want %zu", chunk,
                 len, strlen(want));
    cr_assert_str_eq(out, want, "chunk %zu", chunk);
    free(out);
  }
}
#define CHECK(in, want) check(in, sizeof(in) - 1, want)

Test(decode, valid_utf8_passes_unchanged) {
  CHECK("caf\xc3\xa9 \xd0\xb4\xd0\xbe\xd0\xbc \xe6\x97\xa5\xe6\x9c\xac "
        "\xf0\x9f\x98\x80\tok\n",
        "caf\xc3\xa9 \xd0\xb4\xd0\xbe\xd0\xbc \xe6\x97\xa5\xe6\x9c\xac "
        "\xf0\x9f\x98\x80\tok\n");
}

Test(decode, leading_bom_stripped_inner_bom_kept) {
  CHECK("\xef\xbb\xbfHello", "Hello");
  CHECK("a\xef\xbb\xbf"
        "b",
        "a\xef\xbb\xbf"
        "b");
}

Test(decode, line_ends) {
  CHECK("a\r\nb\rc\n\r\n", "a\nb\nc\n\n");
  CHECK("a\r\r\nb", "a\n\nb");
  CHECK("page one\fpage two\vx", "page one\npage two\nx");
}

Test(decode, controls_removed_tab_kept) {
  CHECK("a\x00"
        "b\x01\x1b[0m\x7f\tc",
        "ab\tc");
}

Test(decode, ansi_escapes_removed_whole) {
  CHECK("\x1b[1;31mred\x1b[0m text", "red text");
  CHECK("\x1b[38;5;208mx\x1b[K", "x");
  CHECK("lone \x1b escape", "lone  escape");
  CHECK("\x1bMnot csi", "Mnot csi");
  CHECK("\x1b[12\xc3\xa9", "\xc3\xa9"); /* cut short: the rest is text */
}

Test(decode, cp1252_bytes) {
  CHECK("caf\xe9", "caf\xc3\xa9");
  CHECK("\x93quoted\x94 \x96 it\x92s \x80"
        "5",
        "\xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x80\x93 it\xe2\x80\x99s "
        "\xe2\x82\xac"
        "5");
  /* the five bytes cp1252 leaves undefined are read as Latin-1 */
  CHECK("\x81\x8d\x8f\x90\x9d", "\xc2\x81\xc2\x8d\xc2\x8f\xc2\x90\xc2\x9d");
}

Test(decode, overlong_invalid_surrogate_replaced) {
  CHECK("\xc0\xaf", "\xc3\x80\xc2\xaf");
  /* an encoded surrogate is no character: U+FFFD (see surrogates) */
  CHECK("\xed\xa0\x80", "\xef\xbf\xbd");
  CHECK("\xf4\x90\x80\x80", "\xc3\xb4\xc2\x90\xe2\x82\xac\xe2\x82\xac");
  CHECK("\xe0\x80\xaf", "\xc3\xa0\xe2\x82\xac\xc2\xaf");
}

Test(decode, truncated_sequences) {
  CHECK("abc\xe2\x82", "abc\xc3\xa2\xe2\x80\x9a");
  CHECK("\xe2\x82x", "\xc3\xa2\xe2\x80\x9ax");
  CHECK("\xf0\x9f\x98", "\xc3\xb0\xc5\xb8\xcb\x9c");
}

Test(decode, mixed_cp1252_and_utf8) {
  CHECK("na\xefve \xc3\xa9t\xe9", "na\xc3\xafve \xc3\xa9t\xc3\xa9");
}

Test(decode, any_bytes_give_valid_utf8_whatever_the_chunks) {
  char in[4096];
  srand(7);
  for (int round = 0; round < 20; round++) {
    for (size_t i = 0; i < sizeof in; i++)
      in[i] = (char)(rand() % 4 ? rand() % 256 : 0xC0 + rand() % 0x40);
    size_t wl;
    char *whole = stage_run("decode", NULL, in, sizeof in, 0, &wl);
    cr_assert(valid_utf8(whole, wl));
    cr_assert_null(memchr(whole, '\r', wl));
    for (size_t chunk = 1; chunk < 6; chunk++) {
      size_t l;
      char *o = stage_run("decode", NULL, in, sizeof in, chunk, &l);
      cr_assert_eq(l, wl);
      cr_assert(memcmp(o, whole, l) == 0, "round %d chunk %zu", round, chunk);
      free(o);
    }
    free(whole);
  }
}

static int events;
static void count_event(void *ud, const struct kempt_event *ev) {
  (void)ud;
  if (strcmp(ev->rule, "invalid-utf8-as-cp1252") == 0) {
    cr_assert_str_eq(ev->stage, "decode");
    cr_assert_eq(ev->offset, 3);
    events++;
  }
}

static enum kempt_status drop(void *ud, const char *p, size_t n) {
  (void)ud, (void)p, (void)n;
  return KEMPT_OK;
}

Test(decode, explain_reports_each_change) {
  kempt_config *cfg = kempt_config_new(NULL);
  kempt_config_events(cfg, count_event, NULL);
  struct kempt_sink sink = {drop, NULL, NULL, NULL};
  kempt_stage *st = kempt_decode_new(cfg, &sink, NULL);
  cr_assert_not_null(st);
  cr_assert_eq(kempt_stage_feed(st, "caf\xe9", 4), KEMPT_OK);
  cr_assert_eq(kempt_stage_finish(st), KEMPT_OK);
  cr_assert_eq(events, 1);
  kempt_stage_free(st);
  kempt_config_free(cfg);
}

Test(decode, surrogates) {
  /* CESU-8: a surrogate pair as two 3-byte sequences, U+1F60D */
  CHECK("hi \xed\xa0\xbd\xed\xb8\x8d!", "hi \xf0\x9f\x98\x8d!");
  /* halves without a partner: U+FFFD each, also at the end */
  CHECK("a\xed\xa0\xbd"
        "b \xed\xb8\x8d"
        "c",
        "a\xef\xbf\xbd"
        "b \xef\xbf\xbd"
        "c");
  CHECK("\xed\xb8\x8d\xed\xa0\xbd", "\xef\xbf\xbd\xef\xbf\xbd");
  CHECK("end\xed\xa0\xbd", "end\xef\xbf\xbd");
  CHECK("x\xed\xa0\xbd\xed\xb8", "x\xef\xbf\xbd\xc3\xad\xc2\xb8");
  /* in a document already read as cp1252: "í", NBSP and a dash */
  CHECK("aqu\xe9 s\xed\xa0\x96 dijo", "aqu\xc3\xa9 s\xc3\xad\xc2\xa0\xe2\x80"
                                      "\x93 dijo");
}

/* Mostly valid UTF-8 of all lengths with rare damage of every kind: whole
 * (checked 16 bytes at a time where the CPU allows) and in small chunks
 * (byte by byte) the same. */
Test(decode, fast_check_agrees_with_bytes) {
  static const char *const good[] = {"a",
                                     " ",
                                     "\n",
                                     "\t",
                                     "\xc3\xa9",
                                     "\xd0\x96",
                                     "\xc2\x80",
                                     "\xe2\x82\xac",
                                     "\xed\x95\x9c",
                                     "\xed\x9f\xbf",
                                     "\xee\x80\x80",
                                     "\xef\xbf\xbd",
                                     "\xe0\xa0\x80",
                                     "\xf0\x9f\x98\x80",
                                     "\xf4\x8f\xbf\xbf",
                                     "\xf0\x90\x80\x80"};
  static const char *const bad[] = {"\xc3",
                                    "\xe2\x82",
                                    "\xf0\x9f\x98",
                                    "\x80",
                                    "\xbf\xbf",
                                    "\xc0\x80",
                                    "\xc1\xbf",
                                    "\xe0\x80\x80",
                                    "\xe0\x9f\xbf",
                                    "\xed\xa0\x80",
                                    "\xed\xbf\xbf",
                                    "\xf0\x80\x80\x80",
                                    "\xf0\x8f\xbf\xbf",
                                    "\xf4\x90\x80\x80",
                                    "\xf5\x80\x80\x80",
                                    "\xff",
                                    "\xf8\x88\x80\x80",
                                    "\r",
                                    "\r\n",
                                    "\x01",
                                    "\x7f",
                                    "\x1b[3m",
                                    "\xef\xbb\xbf",
                                    "\x0c"};
  char in[4096];
  srand(3);
  for (int round = 0; round < 40; round++) {
    size_t n = 0;
    int rate = 8 << (round % 5); /* damage one in 8 .. 128 pieces */
    while (n + 8 < sizeof in) {
      const char *s = rand() % rate ? good[rand() % 16] : bad[rand() % 24];
      size_t k = strlen(s);
      memcpy(in + n, s, k);
      n += k;
    }
    size_t wl;
    char *whole = stage_run("decode", NULL, in, n, 0, &wl);
    cr_assert(valid_utf8(whole, wl));
    for (size_t chunk = 1; chunk < 4; chunk++) {
      size_t l;
      char *o = stage_run("decode", NULL, in, n, chunk, &l);
      cr_assert_eq(l, wl, "round %d chunk %zu", round, chunk);
      cr_assert(memcmp(o, whole, l) == 0, "round %d chunk %zu", round, chunk);
      free(o);
    }
    free(whole);
  }
  /* a sequence cut short at each place of a block, then ASCII */
  static const char *const cut[] = {"\xc3", "\xe2",     "\xe2\x82",
                                    "\xf0", "\xf0\x9f", "\xf0\x9f\x98"};
  for (size_t k = 0; k < 48; k++)
    for (size_t c = 0; c < 6; c++) {
      size_t n = 0;
      memset(in, 'x', k);
      n += k;
      memcpy(in + n, cut[c], strlen(cut[c]));
      n += strlen(cut[c]);
      memset(in + n, 'y', 40);
      n += 40;
      size_t wl, l;
      char *whole = stage_run("decode", NULL, in, n, 0, &wl);
      char *o = stage_run("decode", NULL, in, n, 1, &l);
      cr_assert(l == wl && memcmp(o, whole, l) == 0, "at %zu, cut %zu", k, c);
      free(o);
      free(whole);
    }
}
