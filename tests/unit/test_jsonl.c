/* test_jsonl.c - the JSON scanner and the JSONL framing.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chunks.h"
#include "lib/json.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static enum kempt_json_result scan(const char *s, const char *key) {
  struct kempt_json_span sp;
  return kempt__json_scan(s, strlen(s), key, strlen(key), &sp);
}

Test(json, valid_texts) {
  static const char *const ok[] = {
      "{}",
      " { } ",
      "{\"a\":1}",
      "{\"a\":[1,2,{\"b\":null}]}",
      "{\"a\":-0.5e+10,\"b\":0,\"c\":1E3,\"d\":-12.25}",
      "{\"a\":true,\"b\":false,\"c\":null}",
      "{\"a\":\"\\u00e9\\n\\/\"}",
      "{\"a\":\"\\ud83d\\ude00\"}",
      "{\"a\":\"\\udc00 lone\"}",
      "{\"a\":\"caf\xc3\xa9 \xf0\x9f\x98\x80\"}",
      "{\"a\":[[[]]]}\r",
      "{\"\":\"\"}"};
  for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
    cr_assert_neq(scan(ok[i], "zz"), KEMPT_JSON_INVALID, "%s", ok[i]);
}

Test(json, invalid_texts) {
  static const char *const bad[] = {"",
                                    " ",
                                    "{",
                                    "}",
                                    "{\"a\"}",
                                    "{\"a\":}",
                                    "{\"a\":1,}",
                                    "{,}",
                                    "{\"a\":1 \"b\":2}",
                                    "{\"a\":01}",
                                    "{\"a\":1.}",
                                    "{\"a\":.5}",
                                    "{\"a\":1e}",
                                    "{\"a\":+1}",
                                    "{\"a\":tru}",
                                    "{\"a\":nulls}",
                                    "{\"a\":\"x}",
                                    "{\"a\":\"\t\"}",
                                    "{\"a\":\"\\x\"}",
                                    "{\"a\":\"\\u12g4\"}",
                                    "{\"a\":\"\\u12\"}",
                                    "{a:1}",
                                    "{'a':1}",
                                    "{\"a\":1}{}",
                                    "{\"a\":1} x",
                                    "{\"a\":[1,2}",
                                    "{\"a\":[1,2]]",
                                    "{\"a\":\"\xc3\"}",
                                    "{\"a\":\"\xc0\xaf\"}",
                                    "{\"a\":\"\xed\xa0\x80\"}",
                                    "{\"a\":\"\xf4\x90\x80\x80\"}",
                                    "{\"a\":\"\xff\"}",
                                    "\xef\xbb\xbf{}",
                                    "{\"a\":NaN}",
                                    "{\"a\":Infinity}",
                                    "{\"a\":\"\\\"}"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
    cr_assert_eq(scan(bad[i], "a"), KEMPT_JSON_INVALID, "%s", bad[i]);
}

Test(json, depth_is_capped) {
  size_t n = 2 * KEMPT__JSON_MAX_DEPTH + 10;
  char *s = malloc(2 * n + 8);
  size_t k = 0;
  s[k++] = '{';
  memcpy(s + k, "\"a\":", 4);
  k += 4;
  for (size_t i = 0; i < n; i++)
    s[k++] = '[';
  for (size_t i = 0; i < n; i++)
    s[k++] = ']';
  s[k++] = '}';
  s[k] = '\0';
  cr_assert_eq(scan(s, "a"), KEMPT_JSON_INVALID);
  free(s);
  cr_assert_eq(scan("{\"a\":[[[[[[[[[[]]]]]]]]]]}", "a"),
               KEMPT_JSON_NOT_STRING);
}

Test(json, finds_the_top_level_key_only) {
  struct kempt_json_span sp;
  const char *s = "{\"x\":{\"text\":\"inner\"},\"text\":\"outer\"}";
  cr_assert_eq(kempt__json_scan(s, strlen(s), "text", 4, &sp),
               KEMPT_JSON_FOUND);
  cr_assert_eq(sp.end - sp.start, 7);
  cr_assert(memcmp(s + sp.start, "\"outer\"", 7) == 0);
  cr_assert_eq(scan("{\"x\":{\"text\":\"inner\"}}", "text"),
               KEMPT_JSON_MISSING);
  cr_assert_eq(scan("[\"text\"]", "text"), KEMPT_JSON_NOT_OBJECT);
  cr_assert_eq(scan("{\"text\":[\"a\"]}", "text"), KEMPT_JSON_NOT_STRING);
  cr_assert_eq(scan("{\"text\":null}", "text"), KEMPT_JSON_NOT_STRING);
  cr_assert_eq(scan("{\"te\\u0078t\":\"a\"}", "text"), KEMPT_JSON_FOUND);
  cr_assert_eq(scan("{\"textx\":\"a\"}", "text"), KEMPT_JSON_MISSING);
  cr_assert_eq(scan("{\"tex\":\"a\"}", "text"), KEMPT_JSON_MISSING);
}

/* ---- the framing ---- */

static const char *const J[] = {"format=jsonl", "stages=decode", NULL};

static void check(const char *const *opts, const char *in, const char *want) {
  char *out = assert_chunking_invariant(opts, in, strlen(in));
  cr_assert_str_eq(out, want);
  free(out);
}

Test(jsonl, splices_the_text_and_keeps_everything_else) {
  check(J,
        "{\"id\": 1.50, \"text\":\"  Hello\\n\\n\\nworld  \", \"z\":[1e2]}\n",
        "{\"id\": 1.50, \"text\":\"Hello\\n\\nworld\", \"z\":[1e2]}\n");
  check(J, "{\"text\":\"\"}\n{\"text\":\" \"}",
        "{\"text\":\"\"}\n{\"text\":\"\"}");
}

Test(jsonl, escapes_on_output) {
  check(J, "{\"text\":\"a\\\"b\\\\c\\td\\u0001e\"}\n",
        "{\"text\":\"a\\\"b\\\\c\\tde\"}\n"); /* decode drops C0 */
  check(J, "{\"text\":\"x\\u2028y\\u2029z\xe2\x80\xa8w\\u0085v\"}\n",
        "{\"text\":\"x\\u2028y\\u2029z\\u2028w\\u0085v\"}\n");
  check(J, "{\"text\":\"\xe2\x82\xac \xc2\xa3 \\ud83d\\ude00\"}\n",
        "{\"text\":\"\xe2\x82\xac \xc2\xa3 \xf0\x9f\x98\x80\"}\n");
  check(J, "{\"text\":\"lone \\ud800 x\"}\n",
        "{\"text\":\"lone \xef\xbf\xbd x\"}\n");
}

Test(jsonl, other_field_and_bad_lines) {
  static const char *const F[] = {"format=jsonl", "stages=decode", "field=body",
                                  NULL};
  check(F, "{\"text\":\" a \",\"body\":\" b \"}\n",
        "{\"text\":\" a \",\"body\":\"b\"}\n");
  const char *in = "not json\n{\"text\":1}\n\n{\"t\":\"x\"}\n"
                   "{\"text\":\" ok \"}\n[1]\n";
  check(J, in,
        "not json\n{\"text\":1}\n\n{\"t\":\"x\"}\n{\"text\":\"ok\"}\n[1]\n");
  static const char *const D[] = {"format=jsonl", "stages=decode", "drop-bad",
                                  NULL};
  check(D, in, "\n{\"text\":\"ok\"}\n");
}

struct warn_log {
  char text[2048];
  int count;
};

static void on_warn(void *ud, const char *msg) {
  struct warn_log *w = ud;
  size_t n = strlen(w->text);
  snprintf(w->text + n, sizeof w->text - n, "%s|", msg);
  w->count++;
}

static enum kempt_status discard(void *ud, const char *p, size_t n) {
  (void)ud;
  (void)p;
  (void)n;
  return KEMPT_OK;
}

Test(jsonl, warnings_name_the_line_and_counts_match) {
  struct warn_log w = {"", 0};
  kempt_config *cfg = kempt_config_new(NULL);
  kempt_config_set(cfg, "format", "jsonl", 0);
  kempt_config_output(cfg, discard, NULL);
  kempt_config_warnings(cfg, on_warn, &w);
  kempt *k = kempt_new(cfg, NULL);
  kempt_config_free(cfg);
  const char *in = "{\"text\":\"a\"}\n{\"text\":\"b\"\n{}\n{\"text\":\"c\"}";
  cr_assert_eq(kempt_feed(k, in, strlen(in)), KEMPT_OK);
  cr_assert_eq(kempt_finish(k), KEMPT_OK);
  cr_assert_eq(w.count, 2);
  cr_assert_not_null(strstr(w.text, "line 2: invalid JSON"), "%s", w.text);
  cr_assert_not_null(strstr(w.text, "line 3: no field 'text'"), "%s", w.text);
  struct kempt_counters c;
  kempt_get_counters(k, &c);
  cr_assert_eq(c.documents_in, 2);
  cr_assert_eq(c.documents_out, 2);
  cr_assert_eq(c.warnings, 2);
  kempt_free(k);
}

Test(jsonl, long_line_passes_through) {
  static const char *const L[] = {"format=jsonl", "stages=decode",
                                  "max-line=100", NULL};
  char in[400];
  memset(in, 'x', sizeof in);
  memcpy(in, "{\"text\":\" ", 10);
  memcpy(in + 200, "\"}\n{\"text\":\" y\"}\n", 18);
  in[218] = '\0';
  char want[400];
  memcpy(want, in, 203);
  strcpy(want + 203, "{\"text\":\"y\"}\n");
  check(L, in, want);
}

Test(jsonl, round_trip_on_many_records) {
  char in[20000] = "", want[20000] = "";
  for (int i = 0; i < 100; i++) {
    char line[200];
    snprintf(line, sizeof line,
             "{\"n\":%d,\"meta\":{\"u\":\"\\u00e9%d\"},\"text\":\"p%d\\r\\n"
             "\\r\\nq\"}\n",
             i, i, i);
    strcat(in, line);
    snprintf(line, sizeof line,
             "{\"n\":%d,\"meta\":{\"u\":\"\\u00e9%d\"},\"text\":\"p%d\\n\\nq\"}"
             "\n",
             i, i, i);
    strcat(want, line);
  }
  check(J, in, want);
}

/* Damaged input: whatever the bytes, no error, no crash, and the same
 * output whatever the chunking, always valid UTF-8; as many lines out as
 * in (nothing dropped without --drop-bad). */
Test(jsonl, random_damage_is_survived) {
  static const char base[] =
      "{\"a\":[1,{\"b\":\"\\u00e9\"}],\"text\":\"x\\ud83d\\ude00 y\\n\\nz\"}\n"
      "{\"text\":\"caf\xc3\xa9 \\\"q\\\" \\u2028\",\"n\":-1.5e3}\n";
  char in[sizeof base * 8];
  srand(7);
  for (int round = 0; round < 60; round++) {
    size_t n = 0;
    for (int k = 0; k < 8; k++) {
      memcpy(in + n, base, sizeof base - 1);
      n += sizeof base - 1;
    }
    for (int m = 0; m < 1 + round % 6; m++)
      in[(size_t)rand() % n] = (char)(rand() % 256);
    size_t lines_in = 0, lines_out = 0;
    for (size_t i = 0; i < n; i++)
      lines_in += in[i] == '\n';
    /* bad lines pass through with ill-formed UTF-8 replaced: the output
     * is valid UTF-8 (which assert_chunking_invariant checks) */
    size_t len;
    free(assert_chunking_invariant(J, in, n));
    char *out = kempt_run(J, in, n, WHOLE, 0, 0, &len);
    cr_assert(valid_utf8(out, len), "round %d", round);
    for (size_t i = 0; i < len; i++)
      lines_out += out[i] == '\n';
    cr_assert_eq(lines_out, lines_in, "round %d", round);
    free(out);
  }
}

/* --record-shard=I/N: the shards together are the whole, line for line. */
Test(jsonl, record_shards_make_the_whole) {
  const char *in =
      "{\"text\":\" a \"}\n\nbad\n{\"text\":\"b\"}\n{\"text\":\"c\"}";
  static const char *const S0[] = {"format=jsonl", "stages=decode",
                                   "record-shard=0/2", NULL};
  static const char *const S1[] = {"format=jsonl", "stages=decode",
                                   "record-shard=1/2", NULL};
  check(S0, in, "{\"text\":\"a\"}\nbad\n{\"text\":\"c\"}");
  check(S1, in, "\n{\"text\":\"b\"}\n");
  kempt_config *cfg = kempt_config_new(NULL);
  kempt_config_output(cfg, discard, NULL);
  kempt_config_set(cfg, "format", "jsonl", 0);
  cr_assert_eq(kempt_config_set(cfg, "record-shard", "2/2", 0), KEMPT_OK);
  enum kempt_status st;
  cr_assert_null(kempt_new(cfg, &st));
  cr_assert_eq(st, KEMPT_ERR_USAGE);
  kempt_config_free(cfg);
}

/* A bad line passes through byte for byte, except that ill-formed UTF-8
 * becomes U+FFFD (one per maximal ill-formed subpart), with a warning. */
#define FFFD "\xef\xbf\xbd"
Test(jsonl, bad_lines_come_out_as_valid_utf8) {
  check(J, "not json \xc3\xa9 \xf0\x9f\x98\x80\n{\"text\":5}\n",
        "not json \xc3\xa9 \xf0\x9f\x98\x80\n{\"text\":5}\n");
  check(J, "bad \xff\xc3 x \xe2\x82\n{\"text\":\" a\"}\n",
        "bad " FFFD FFFD " x " FFFD "\n{\"text\":\"a\"}\n");
  check(J, "\xed\xa0\x80|\xf4\x90\x80\x80|\xe0\x80|\xc0\xaf|\xe2\x82",
        FFFD FFFD FFFD "|" FFFD FFFD FFFD FFFD "|" FFFD FFFD "|" FFFD FFFD
        "|" FFFD);
  check(J, "{\"text\":\"a\xff\"}\n", "{\"text\":\"a" FFFD "\"}\n");

  struct warn_log w = {"", 0};
  kempt_config *cfg = kempt_config_new(NULL);
  kempt_config_set(cfg, "format", "jsonl", 0);
  kempt_config_output(cfg, discard, NULL);
  kempt_config_warnings(cfg, on_warn, &w);
  kempt *k = kempt_new(cfg, NULL);
  kempt_config_free(cfg);
  const char *in = "x\xff\xfe\nnot json\n";
  cr_assert_eq(kempt_feed(k, in, strlen(in)), KEMPT_OK);
  cr_assert_eq(kempt_finish(k), KEMPT_OK);
  cr_assert_eq(w.count, 2);
  cr_assert_not_null(
      strstr(w.text, "line 1: invalid JSON at byte 1, passed through with 2 "
                     "invalid UTF-8 sequences replaced by U+FFFD|"),
      "%s", w.text);
  cr_assert_not_null(strstr(w.text, "line 2: invalid JSON at byte 1, "
                                    "passed through|"),
                     "%s", w.text);
  kempt_free(k);
}

/* The same on a line too long to hold, which streams through: a sequence
 * cut between two pieces is kept whole when it is valid. */
Test(jsonl, long_bad_line_comes_out_as_valid_utf8) {
  static const char *const L[] = {"format=jsonl", "stages=decode",
                                  "max-line=64", NULL};
  char in[1200], want[2400];
  size_t n = 0, m = 0;
  for (int i = 0; i < 100; i++) {
    static const char piece[] = "\xc3\xa9\xe2\x82\xac\xff";
    memcpy(in + n, piece, 6);
    n += 6;
    memcpy(want + m, "\xc3\xa9\xe2\x82\xac" FFFD, 8);
    m += 8;
  }
  memcpy(in + n, "\xf0\x9f\x98\n{\"text\":\" y\"}\n", 18);
  n += 18;
  in[n] = '\0';
  strcpy(want + m, FFFD "\n{\"text\":\"y\"}\n");
  check(L, in, want);
  in[n - 15] = '\0'; /* the stream ends inside the long line */
  want[m + 3] = '\0';
  check(L, in, want);
}

/* Errors inside long string values are found at the same byte as a byte
 * by byte scan would find them (the long runs are checked fast). */
Test(json, error_offsets_in_long_strings) {
  const char *pre = "{\"text\":\"";
  const char *body = "Caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d and plain "
                     "words, \\n\\u00e9 more words here";
  static const struct {
    const char *bad;
    size_t at; /* offset of the error inside bad */
  } cases[] = {{"\x01zz\"}", 0},     {"\xc3(zz\"}", 0},
               {"ab\xe2\x80zz\"}", 2}, {"\xed\xa0\x80\"}", 0},
               {"x\xff\"}", 1},       {"\tx\"}", 0}};
  for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++)
    for (size_t reps = 0; reps < 4; reps++) {
      char s[512];
      size_t n = (size_t)snprintf(s, sizeof s, "%s", pre);
      for (size_t r = 0; r < reps; r++)
        n += (size_t)snprintf(s + n, sizeof s - n, "%s", body);
      size_t at = n + cases[c].at;
      n += (size_t)snprintf(s + n, sizeof s - n, "%s", cases[c].bad);
      struct kempt_json_span sp;
      cr_assert_eq(kempt__json_scan(s, n, "text", 4, &sp), KEMPT_JSON_INVALID,
                   "case %zu", c);
      cr_assert_eq(sp.err, at, "case %zu reps %zu: %zu", c, reps, sp.err);
    }
  /* cut short: the error is at the end */
  char s[256];
  size_t n = (size_t)snprintf(s, sizeof s, "%s%s%s", pre, body, body);
  struct kempt_json_span sp;
  cr_assert_eq(kempt__json_scan(s, n, "text", 4, &sp), KEMPT_JSON_INVALID);
  cr_assert_eq(sp.err, n);
  cr_assert_eq(kempt__json_scan(s, n - 1, "text", 4, &sp),
               KEMPT_JSON_INVALID); /* ends inside an escape */
  s[n] = '"';
  s[n + 1] = '}';
  cr_assert_eq(kempt__json_scan(s, n + 2, "text", 4, &sp), KEMPT_JSON_FOUND);
}

/* kempt__json_span stops where a byte by byte look stops, for every
 * start and length. */
Test(json, span_matches_bytewise) {
  unsigned char buf[96];
  uint32_t x = 7;
  for (size_t k = 0; k < sizeof buf; k++) {
    x = x * 1103515245u + 12345u;
    unsigned r = (x >> 16) % 40;
    buf[k] = r == 0   ? '"'
             : r == 1 ? '\\'
             : r == 2 ? 0x1F
             : r == 3 ? 0xC2
             : r == 4 ? 0xE2
             : r < 10 ? (unsigned char)(0x80 + (x >> 8) % 0x80)
                      : (unsigned char)(0x20 + (x >> 8) % 0x5F);
  }
  for (int c2e2 = 0; c2e2 < 2; c2e2++)
    for (size_t a = 0; a < sizeof buf; a++)
      for (size_t n = 0; a + n <= sizeof buf; n++) {
        size_t want = 0;
        while (want < n) {
          unsigned char c = buf[a + want];
          if (c < 0x20 || c == '"' || c == '\\' ||
              (c2e2 && (c == 0xC2 || c == 0xE2)))
            break;
          want++;
        }
        cr_assert_eq(kempt__json_span(buf + a, n, c2e2), want);
      }
}
