/* test_unwrap.c - the unwrap stage.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "blocks.h"
#include "chunks.h"
#include "kempt_unwrap.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const ONLY_UNWRAP[] = {"stages=unwrap", NULL};

/* The text through decode, split, unwrap and write, whole and chunked. */
static char *unwrap(const char *in) {
  return assert_chunking_invariant(ONLY_UNWRAP, in, strlen(in));
}

#define CHECK(in, want)                                                        \
  do {                                                                         \
    char *out_ = unwrap(in);                                                   \
    cr_assert_str_eq(out_, want);                                              \
    free(out_);                                                                \
  } while (0)

/* One block through the stage alone: the blocks that come out. */
static struct tblocks one(const char *text) {
  const char *texts[] = {text};
  return run_blocks("unwrap", NULL, texts, NULL, 1);
}

static const char HARBOUR_72[] =
    "    The harbour authority said on Tuesday that the old ferry terminal\n"
    "    would close for repairs at the end of the month, and that "
    "passengers\n"
    "    would board from a temporary pier on the north side of the bay "
    "until\n"
    "    the work is finished next summer. Local traders worry that fewer\n"
    "    visitors will walk past their shops while the pier is in use.\n";

static const char HARBOUR_ONE[] =
    "The harbour authority said on Tuesday that the old ferry terminal "
    "would close for repairs at the end of the month, and that passengers "
    "would board from a temporary pier on the north side of the bay until "
    "the work is finished next summer. Local traders worry that fewer "
    "visitors will walk past their shops while the pier is in use.\n";

Test(unwrap, hard_wrapped_at_72_with_indentation_becomes_one_line) {
  CHECK(HARBOUR_72, HARBOUR_ONE);
  struct tblocks t = one(HARBOUR_72);
  cr_assert_eq(t.n, 1);
  cr_assert(t.b[0].flags & KEMPT_BLOCK_JOINED);
  cr_assert_not(t.b[0].flags & KEMPT_BLOCK_LINES);
  cr_assert_eq(t.b[0].nlines, 1);
  tblocks_free(&t);
}

Test(unwrap, paragraphs_inside_one_wrapped_block_are_split) {
  const char *in =
      "Engineers found cracks in two of the concrete piles last winter, "
      "after a\n"
      "storm pushed a loose barge against the structure, and the insurer "
      "asked for\n"
      "a full survey before it would renew the policy. The survey took three "
      "months\n"
      "and cost more than the repairs themselves.\n"
      "   Work on the new piles will start in March. The contractor expects "
      "to\n"
      "drive the first of them before the spring tides, weather permitting,\n"
      "and to finish the deck by the end of the year.\n";
  CHECK(in, "Engineers found cracks in two of the concrete piles last "
            "winter, after a storm pushed a loose barge against the "
            "structure, and the insurer asked for a full survey before it "
            "would renew the policy. The survey took three months and cost "
            "more than the repairs themselves.\n\n"
            "Work on the new piles will start in March. The contractor "
            "expects to drive the first of them before the spring tides, "
            "weather permitting, and to finish the deck by the end of the "
            "year.\n");
}

static const char HYPHENS[] =
    "The minister said the money for the new berths and the govern-\n"
    "ment's share of the long-term plan would be paid out in spring,\n"
    "and that the harbour board would draw up a schedule for the long-\n"
    "term repairs of the old terminal before the end of the year.\n";

Test(unwrap, end_of_line_hyphens_by_the_documents_vocabulary) {
  char in[1024];
  snprintf(in, sizeof in, "%s\nThe government agreed.\n", HYPHENS);
  CHECK(in, "The minister said the money for the new berths and the "
            "government's share of the long-term plan would be paid out in "
            "spring, and that the harbour board would draw up a schedule "
            "for the long-term repairs of the old terminal before the end "
            "of the year.\n\nThe government agreed.\n");
}

Test(unwrap, unknown_join_keeps_the_hyphen) {
  CHECK(HYPHENS, "The minister said the money for the new berths and the "
                 "govern-ment's share of the long-term plan would be paid "
                 "out in spring, and that the harbour board would draw up a "
                 "schedule for the long-term repairs of the old terminal "
                 "before the end of the year.\n");
}

Test(unwrap, a_hyphenated_form_elsewhere_keeps_the_hyphen) {
  char in[1024];
  snprintf(in, sizeof in,
           "%s\nThe government, the long-term view and the "
           "longterm one.\n",
           HYPHENS);
  char *out = unwrap(in);
  cr_assert_not_null(strstr(out, "the government's share"), "%s", out);
  cr_assert_not_null(strstr(out, "for the long-term repairs"), "%s", out);
  free(out);
}

Test(unwrap, lists_keep_their_lines) {
  CHECK("  \xe2\x80\xa2 apples from the orchard\n"
        "  \xe2\x80\xa2 pears, when they are ripe\n"
        "  \xe2\x80\xa2 plums\n",
        "\xe2\x80\xa2 apples from the orchard\n"
        "\xe2\x80\xa2 pears, when they are ripe\n"
        "\xe2\x80\xa2 plums\n");
  CHECK("1. Preheat the oven and grease a large baking tin with butter\n"
        "2. mix the flour, the sugar and the eggs in a bowl until smooth\n"
        "3. bake for forty minutes, then leave it to cool on a rack\n",
        "1. Preheat the oven and grease a large baking tin with butter\n"
        "2. mix the flour, the sugar and the eggs in a bowl until smooth\n"
        "3. bake for forty minutes, then leave it to cool on a rack\n");
  struct tblocks t = one("- one\n- two\n  - nested three");
  cr_assert_eq(t.n, 1);
  cr_assert(t.b[0].flags & KEMPT_BLOCK_LINES);
  cr_assert_str_eq(t.b[0].text, "- one\n- two\n  - nested three");
  cr_assert_eq(t.b[0].nlines, 3);
  tblocks_free(&t);
}

Test(unwrap, wrapped_list_items_are_joined_item_by_item) {
  CHECK("  - the council will spend the money on new bus lanes and on\n"
        "    cycle paths across the whole of the city centre next year\n"
        "  - the harbour board will repair the old ferry terminal and\n"
        "    build a temporary pier on the north side of the bay soon\n"
        "  - the county will pay for a new road to the industrial park\n"
        "    and for the lights at the busy crossing near the school\n",
        "- the council will spend the money on new bus lanes and on cycle "
        "paths across the whole of the city centre next year\n"
        "- the harbour board will repair the old ferry terminal and build a "
        "temporary pier on the north side of the bay soon\n"
        "- the county will pay for a new road to the industrial park and "
        "for the lights at the busy crossing near the school\n");
}

Test(unwrap, verse_table_and_address_keep_their_lines) {
  const char *verse = "The woods are lovely, dark and deep,\n"
                      "But I have promises to keep,\n"
                      "And miles to go before I sleep,\n"
                      "And miles to go before I sleep.\n";
  CHECK(verse, verse);
  const char *table = "Name        Price   Stock\n"
                      "apples      1.20    300\n"
                      "pears       2.10    120\n";
  CHECK(table, table);
  const char *address = "Harbour Authority\n12 Quay Street\nPortsmouth\n";
  CHECK(address, address);
  struct tblocks t = one("The woods are lovely, dark and deep,\nBut I have");
  cr_assert(t.b[0].flags & KEMPT_BLOCK_LINES);
  tblocks_free(&t);
}

Test(unwrap, quoted_mail_and_code_keep_their_lines) {
  const char *quote =
      "> The council said on Monday that it would spend the money on new\n"
      "> bus lanes and cycle paths across the whole of the city centre, and\n"
      "> that the work would start in the spring after a consultation with\n"
      "> residents.\n";
  CHECK(quote, quote);
  const char *code = "int main(void) {\n"
                     "  for (int i = 0; i < 10; i++) {\n"
                     "    printf(\"hello world number %d of many\\n\", i);\n"
                     "  }\n"
                     "  return 0;\n"
                     "}\n";
  CHECK(code, code);
}

Test(unwrap, short_menu_lines_are_not_joined) {
  const char *menu = "Twitter Facebook Pinterest Instagram\nweb analytics\n";
  CHECK(menu, menu);
  CHECK("twitter\ninstagram\nyoutube\nfacebook\n",
        "twitter\ninstagram\nyoutube\nfacebook\n");
}

/* A line of n columns of "lorem " words, without the final space. */
static char *long_line(size_t n) {
  char *s = malloc(n + 8);
  size_t i = 0;
  while (i + 6 <= n) {
    memcpy(s + i, "lorem ", 6);
    i += 6;
  }
  s[i - 1] = '\0';
  return s;
}

Test(unwrap, lines_cut_at_a_dumpers_limit_are_joined) {
  char *a = long_line(1020); /* 1019 columns */
  size_t n = strlen(a) + 200;
  char *in = malloc(n), *want = malloc(n);
  snprintf(in, n, "%s\nipsum dolor sit amet.\n", a);
  snprintf(want, n, "%s ipsum dolor sit amet.\n", a);
  CHECK(in, want);
  /* The next word would have fitted under the widest line: a real break. */
  char *b = long_line(950);
  char rule[3 * 1023 + 1];
  for (size_t i = 0; i < 1023; i++)
    memcpy(rule + 3 * i, "\xe2\x94\x81", 3);
  rule[3 * 1023] = '\0';
  size_t m = strlen(rule) + strlen(b) + 100;
  char *in2 = malloc(m);
  snprintf(in2, m, "%s\n\n%s\nNext line.\n", rule, b);
  char *out = unwrap(in2);
  cr_assert_not_null(strstr(out, "lorem\nNext line."));
  free(out);
  free(a);
  free(b);
  free(in);
  free(want);
  free(in2);
}

Test(unwrap, cyrillic_wrapped_text_is_joined) {
  CHECK("В тарелку насыпать муку для обвалки рыбы, посолить\n"
        "её со всех сторон и обжарить на сковороде с маслом\n"
        "до золотистой корочки, а потом выложить на блюдо и\n"
        "подавать с лимоном.\n",
        "В тарелку насыпать муку для обвалки рыбы, посолить её со всех "
        "сторон и обжарить на сковороде с маслом до золотистой корочки, а "
        "потом выложить на блюдо и подавать с лимоном.\n");
}

Test(unwrap, japanese_lines_join_without_a_space) {
  CHECK("日本語の文章は単語の間に空白を置かないので、折り返された行を\n"
        "つなぐときには空白を入れてはいけない。この段落は三十六桁で\n"
        "折り返されていて、各行はほぼ同じ幅になっているはずである。\n"
        "最後の行は短い。\n",
        "日本語の文章は単語の間に空白を置かないので、折り返された行をつなぐ"
        "ときには空白を入れてはいけない。この段落は三十六桁で折り返されてい"
        "て、各行はほぼ同じ幅になっているはずである。最後の行は短い。\n");
}

Test(unwrap, korean_lines_join_with_a_space) {
  CHECK("한국어는 단어 사이에 띄어쓰기를 하므로 줄을 이을 때\n"
        "공백을 넣어야 한다. 이 문단은 일정한 폭으로 줄이\n"
        "바뀌어 있으며 마지막 줄만 짧게 끝나도록 만들어진\n"
        "예문이다.\n",
        "한국어는 단어 사이에 띄어쓰기를 하므로 줄을 이을 때 공백을 넣어야 "
        "한다. 이 문단은 일정한 폭으로 줄이 바뀌어 있으며 마지막 줄만 짧게 "
        "끝나도록 만들어진 예문이다.\n");
}

Test(unwrap, dialogue_dashes_continue_at_the_same_indentation) {
  CHECK("\xe2\x80\x94 I always liked cooking, and my mother taught me how to\n"
        "make bread when I was still so small that I had to stand on a\n"
        "chair to reach the table, which I still remember with joy, and\n"
        "with the smell of the oven.\n"
        "\xe2\x80\x94 And now?\n",
        "\xe2\x80\x94 I always liked cooking, and my mother taught me how to "
        "make bread when I was still so small that I had to stand on a chair "
        "to reach the table, which I still remember with joy, and with the "
        "smell of the oven.\n\n"
        "\xe2\x80\x94 And now?\n");
}

Test(unwrap, short_wrapped_block_needs_the_documents_wrap_width) {
  const char *two =
      "The pier will open in the spring, after the inspectors from the county\n"
      "have signed off the new railings.\n";
  CHECK(two, two); /* alone: not enough evidence */
  char in[2048];
  snprintf(in, sizeof in, "%s\n%s", HARBOUR_72, two);
  char *out = unwrap(in);
  cr_assert_not_null(strstr(out, "county have signed"), "%s", out);
  free(out);
}

Test(unwrap, link_markers_of_text_browsers) {
  CHECK("Read [12]Share this and [3]Tweet it.\n[4]Home\n",
        "Read Share this and Tweet it.\nHome\n");
  /* footnotes and image names are no link markers */
  CHECK("up to 1,000 alarms per shift [1], even at night\n",
        "up to 1,000 alarms per shift [1], even at night\n");
  CHECK("word[2] and [image] and [svg][364413]\n",
        "word[2] and [image] and [svg][364413]\n");
}

Test(unwrap, references_list_is_flagged) {
  const char *texts[] = {"Some [1]text.", "References",
                         "   1. http://example.com/a\n"
                         "   2. https://example.org/b?c=d",
                         "   Hidden links:\n   3. mailto:x@example.net",
                         "After."};
  struct tblocks t = run_blocks("unwrap", NULL, texts, NULL, 5);
  cr_assert_eq(t.n, 5);
  cr_assert_str_eq(t.b[0].text, "Some text.");
  cr_assert_not(t.b[0].flags & KEMPT_BLOCK_REFS);
  for (size_t i = 1; i < 4; i++)
    cr_assert(t.b[i].flags & KEMPT_BLOCK_REFS, "block %zu", i);
  cr_assert_str_eq(t.b[2].text,
                   "1. http://example.com/a\n2. https://example.org/b?c=d");
  cr_assert_not(t.b[4].flags & KEMPT_BLOCK_REFS);
  tblocks_free(&t);
  /* a "References" heading before ordinary text is content */
  const char *texts2[] = {"References", "Smith, J. (2019). A book."};
  t = run_blocks("unwrap", NULL, texts2, NULL, 2);
  cr_assert_not(t.b[0].flags & KEMPT_BLOCK_REFS);
  tblocks_free(&t);
}

Test(unwrap, removed_blocks_pass_unchanged) {
  const char *texts[] = {"  ADVERTISEMENT\n  [12]here", "kept"};
  uint32_t flags[] = {KEMPT_BLOCK_REMOVED, 0};
  struct tblocks t = run_blocks("unwrap", NULL, texts, flags, 2);
  cr_assert_eq(t.n, 2);
  cr_assert_str_eq(t.b[0].text, "  ADVERTISEMENT\n  [12]here");
  cr_assert(t.b[0].flags & KEMPT_BLOCK_REMOVED);
  cr_assert_str_eq(t.b[0].rule, "test removed");
  cr_assert_eq(t.b[0].index, 0);
  cr_assert_eq(t.b[1].index, 1);
  tblocks_free(&t);
}

static int joins;
static void count_joins(void *ud, const struct kempt_event *ev) {
  (void)ud;
  cr_assert_str_eq(ev->stage, "unwrap");
  if (strcmp(ev->rule, "wrapped-line-joined") == 0) {
    cr_assert_eq(ev->before_len, 5); /* "\n" and the indentation */
    cr_assert_eq(ev->after_len, 1);
    joins++;
  }
}

static enum kempt_status ignore(void *ud, const struct kempt_block *b) {
  (void)ud, (void)b;
  return KEMPT_OK;
}

Test(unwrap, explain_reports_each_join) {
  kempt_config *cfg = kempt_config_new(NULL);
  kempt_config_events(cfg, count_joins, NULL);
  struct kempt_sink sink = {NULL, ignore, NULL, NULL};
  kempt_stage *st = kempt_unwrap_new(cfg, &sink, NULL);
  cr_assert_not_null(st);
  struct kempt_block b = {HARBOUR_72, sizeof HARBOUR_72 - 2, 0, 5, 0, 0, NULL};
  cr_assert_eq(kempt_stage_feed_block(st, &b), KEMPT_OK);
  cr_assert_eq(kempt_stage_finish(st), KEMPT_OK);
  cr_assert_eq(joins, 4);
  kempt_stage_free(st);
  kempt_config_free(cfg);
}

Test(unwrap, clean_paragraphs_pass_unchanged) {
  const char *clean = "A title\n\nA first paragraph, on one line.\n\n"
                      "Another one, also on one line.\n";
  CHECK(clean, clean);
}

Test(unwrap, a_document_larger_than_the_window) {
  size_t copies = 5u << 20 >> 9; /* about 5 MiB */
  size_t n = copies * (sizeof HARBOUR_72 + 1) + 1;
  char *in = malloc(n), *p = in;
  for (size_t i = 0; i < copies; i++) {
    memcpy(p, HARBOUR_72, sizeof HARBOUR_72 - 1);
    p += sizeof HARBOUR_72 - 1;
    *p++ = '\n';
  }
  *p = '\0';
  size_t len;
  char *out = kempt_run(ONLY_UNWRAP, in, (size_t)(p - in), WHOLE, 0, 0, &len);
  cr_assert_eq(len, copies * (sizeof HARBOUR_ONE) - 1);
  cr_assert(memcmp(out, HARBOUR_ONE, sizeof HARBOUR_ONE - 1) == 0);
  free(out);
  free(in);
}

Test(unwrap, any_bytes_any_chunks) {
  char in[3000];
  srand(11);
  const char pieces[][8] = {"a",   "b ",           "\n",   "  ",   "-\n",
                            "[1]", "\xe2\x80\xa2", "\xc3", "\n\n", ".",
                            "A",   "\t",           "x-"};
  for (int round = 0; round < 10; round++) {
    size_t n = 0;
    while (n + 8 < sizeof in) {
      const char *s = pieces[rand() % 13];
      memcpy(in + n, s, strlen(s));
      n += strlen(s);
    }
    char *out = assert_chunking_invariant(ONLY_UNWRAP, in, n);
    free(out);
  }
}

/* The characters of s that are not white space, in a malloc'd string. */
static char *ink(const char *s) {
  char *o = malloc(strlen(s) + 1), *p = o;
  for (; *s; s++)
    if (*s != ' ' && *s != '\n' && *s != '\t')
      *p++ = *s;
  *p = '\0';
  return o;
}

Test(unwrap, only_white_space_changes_without_hyphens_or_markers) {
  const char *words[] = {
      "the ",         "council ", "said ",   "It ",
      "was ",         "late. ",   "\n",      "\n",
      "\n\n",         "    ",     "* ",      "1. ",
      "and ",         "bus ",     "lanes, ", "\xc3\xa9t\xc3\xa9 ",
      "\xe6\x97\xa5 "};
  char in[4000];
  srand(17);
  for (int round = 0; round < 30; round++) {
    size_t n = 0;
    while (n + 16 < sizeof in) {
      const char *w = words[rand() % 17];
      memcpy(in + n, w, strlen(w));
      n += strlen(w);
    }
    in[n] = '\0';
    char *out = unwrap(in);
    char *a = ink(in), *b = ink(out);
    cr_assert_str_eq(a, b, "round %d", round);
    free(a);
    free(b);
    free(out);
  }
}

/* ---- the vocabulary is read only when a hyphen asks ------------------- */

static const char HYPHENS_OUT[] =
    "The minister said the money for the new berths and the "
    "government's share of the long-term plan would be paid out in "
    "spring, and that the harbour board would draw up a schedule for the "
    "long-term repairs of the old terminal before the end of the year.\n";

Test(unwrap, the_vocabulary_comes_from_blocks_before_the_hyphen) {
  char in[1024], want[1024];
  snprintf(in, sizeof in, "The government agreed.\n\n%s", HYPHENS);
  snprintf(want, sizeof want, "The government agreed.\n\n%s", HYPHENS_OUT);
  CHECK(in, want);
}

/* A document of about 5 MiB of one-line paragraphs (the window holds
 * 4 MiB), "government" in its first paragraph only, a hyphen in its last
 * block: the blocks that left the window still count. */
Test(unwrap, a_hyphen_in_the_last_block_of_a_long_document) {
  const char first[] = "The government agreed.\n\n";
  const char filler[] = "Another paragraph of the long report, on one "
                        "line, about the harbour and its berths.\n\n";
  size_t copies = (5u << 20) / (sizeof filler - 1);
  size_t n = sizeof first + copies * (sizeof filler - 1) + sizeof HYPHENS;
  char *in = malloc(n), *p = in;
  memcpy(p, first, sizeof first - 1);
  p += sizeof first - 1;
  for (size_t i = 0; i < copies; i++, p += sizeof filler - 1)
    memcpy(p, filler, sizeof filler - 1);
  memcpy(p, HYPHENS, sizeof HYPHENS - 1);
  p += sizeof HYPHENS - 1;
  size_t len;
  char *out = kempt_run(ONLY_UNWRAP, in, (size_t)(p - in), WHOLE, 0, 0, &len);
  cr_assert_eq(len, (size_t)(p - in) - (sizeof HYPHENS - sizeof HYPHENS_OUT));
  cr_assert(memcmp(out, in, (size_t)(p - in) - (sizeof HYPHENS - 1)) == 0);
  cr_assert(memcmp(out + len - (sizeof HYPHENS_OUT - 1), HYPHENS_OUT,
                   sizeof HYPHENS_OUT - 1) == 0,
            "%s", out + len - (sizeof HYPHENS_OUT - 1));
  free(out);
  free(in);
}

/* The same with "government" nowhere: the hyphen stays. */
Test(unwrap, a_hyphen_in_a_long_document_without_the_word) {
  const char filler[] = "Another paragraph of the long report, on one "
                        "line, about the harbour and its berths.\n\n";
  size_t copies = (5u << 20) / (sizeof filler - 1);
  size_t n = copies * (sizeof filler - 1) + sizeof HYPHENS;
  char *in = malloc(n), *p = in;
  for (size_t i = 0; i < copies; i++, p += sizeof filler - 1)
    memcpy(p, filler, sizeof filler - 1);
  memcpy(p, HYPHENS, sizeof HYPHENS - 1);
  p += sizeof HYPHENS - 1;
  size_t len;
  char *out = kempt_run(ONLY_UNWRAP, in, (size_t)(p - in), WHOLE, 0, 0, &len);
  cr_assert_not_null(strstr(out + len - 400, "the govern-ment's share"));
  free(out);
  free(in);
}

/* Rules drawn with one box character, lists of bullets and indented
 * menus (what text browsers make of web pages) keep their lines; a rule
 * counts its columns as the characters it repeats. */
Test(unwrap, rules_and_menus_of_text_browsers_keep_their_lines) {
  char rule[1100 * 3 + 1], in[4096], want[4096];
  for (int i = 0; i < 1100; i++)
    memcpy(rule + 3 * i, "\xe2\x94\x81", 3); /* U+2501 */
  rule[sizeof rule - 1] = '\0';
  snprintf(in, sizeof in,
           "  \xe2\x80\xa2 Channels\n"
           "      \xe2\x96\xa1 Games\n"
           "      \xe2\x96\xa1 Business\n\n%s\nAfter the rule.\n",
           rule);
  snprintf(want, sizeof want,
           "\xe2\x80\xa2 Channels\n"
           "    \xe2\x96\xa1 Games\n"
           "    \xe2\x96\xa1 Business\n\n%s\nAfter the rule.\n",
           rule);
  CHECK(in, want);
}

/* ---- textchar.h against utf8proc --------------------------------------- */

#include "lib/textchar.h"

static int32_t ref_cp(const char *p, size_t n, size_t *len) {
  utf8proc_int32_t v;
  utf8proc_ssize_t k =
      utf8proc_iterate((const utf8proc_uint8_t *)p, (utf8proc_ssize_t)n, &v);
  *len = k <= 0 ? 1 : (size_t)k;
  return k <= 0 ? -1 : v;
}

Test(unwrap, code_points_are_read_as_utf8proc_reads_them) {
  static const unsigned char third[] = {0x00, 0x3F, 0x7F, 0x80, 0x8F, 0x90,
                                        0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
  char p[4];
  for (unsigned a = 0x80; a < 0x100; a++)
    for (unsigned b = 0; b < 0x100; b++)
      for (size_t t = 0; t < sizeof third; t++)
        for (size_t n = 1; n <= 4; n++) {
          p[0] = (char)a, p[1] = (char)b, p[2] = (char)third[t];
          p[3] = (char)0x80;
          int32_t cp;
          size_t want_len, len = kempt__cp(p, n, &cp);
          int32_t want = ref_cp(p, n, &want_len);
          cr_assert(cp == want && len == want_len,
                    "%02x %02x %02x n=%zu: %d/%zu, not %d/%zu", a, b, third[t],
                    n, cp, len, want, want_len);
        }
}

static bool ref_alnum(int32_t cp) {
  utf8proc_category_t c = utf8proc_category(cp);
  return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
         (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

Test(unwrap, character_classes_agree_with_utf8proc) {
  for (int32_t cp = 0x80; cp < 0x110000; cp++) {
    utf8proc_category_t c = utf8proc_category(cp);
    int w = utf8proc_charwidth(cp);
    cr_assert_eq(kempt__cp_cols(cp), w > 0 ? (uint32_t)w : 0u, "%x", cp);
    cr_assert_eq(kempt__cp_letter(cp),
                 c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO, "%x",
                 cp);
    cr_assert_eq(kempt__cp_wordchar(cp),
                 c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME, "%x",
                 cp);
    cr_assert_eq(kempt__cp_alnum(cp), ref_alnum(cp), "%x", cp);
    cr_assert_eq(kempt__cp_lower(cp), c == UTF8PROC_CATEGORY_LL, "%x", cp);
    cr_assert_eq(kempt__cp_upper(cp),
                 c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT, "%x",
                 cp);
    cr_assert_eq(kempt__cp_caseless(cp), c == UTF8PROC_CATEGORY_LO, "%x", cp);
    cr_assert_eq(kempt__cp_fold(cp), utf8proc_tolower(cp), "%x", cp);
  }
  cr_assert_eq(kempt__cp_cols(-1), 1u);
  cr_assert_eq(kempt__cp_fold(-1), -1);
}

/* The case of a line's start is read at a glance for U+2000-206F and
 * U+2190-2BFF: no letter there, with case or without. */
Test(unwrap, no_letters_among_punctuation_arrows_and_shapes) {
  for (int32_t cp = 0x2000; cp < 0x2C00; cp++) {
    if (cp == 0x2070)
      cp = 0x2190;
    utf8proc_category_t c = utf8proc_category(cp);
    cr_assert(c != UTF8PROC_CATEGORY_LL && c != UTF8PROC_CATEGORY_LO, "%x", cp);
  }
}

/* A wrapped paragraph whose lines start with an opening quote is read by
 * the letter after it; a dash at the start is no letter. */
Test(unwrap, line_starts_after_an_opening_quote_or_a_dash) {
  CHECK("The harbour authority said on Tuesday that the old ferry terminal "
        "would\n\xe2\x80\x9c"
        "close for repairs at the end of the month, and that passengers "
        "would\n\xe2\x80\x9c"
        "board from a temporary pier on the north side of the bay until "
        "the\n\xe2\x80\x9c"
        "work is finished next summer. Local traders worry that fewer "
        "people\n\xe2\x80\x9c"
        "will walk past their shops while the pier is in use.\n",
        "The harbour authority said on Tuesday that the old ferry terminal "
        "would \xe2\x80\x9c"
        "close for repairs at the end of the month, and that passengers "
        "would \xe2\x80\x9c"
        "board from a temporary pier on the north side of the bay until "
        "the \xe2\x80\x9c"
        "work is finished next summer. Local traders worry that fewer "
        "people \xe2\x80\x9c"
        "will walk past their shops while the pier is in use.\n");
  CHECK("The harbour authority said on Tuesday that the old ferry terminal "
        "would\n\xe2\x80\x94"
        "close for repairs at the end of the month, and that passengers "
        "would\n\xe2\x80\x94"
        "board from a temporary pier on the north side of the bay until "
        "the\n\xe2\x80\x94"
        "work is finished next summer.\n",
        "The harbour authority said on Tuesday that the old ferry terminal "
        "would\n\xe2\x80\x94"
        "close for repairs at the end of the month, and that passengers "
        "would\n\xe2\x80\x94"
        "board from a temporary pier on the north side of the bay until "
        "the\n\xe2\x80\x94"
        "work is finished next summer.\n");
}

/* kempt__pop16 counts as the compiler's popcount does. */
Test(unwrap, pop16_counts_bits) {
  for (unsigned x = 0; x < 0x10000u; x++)
    cr_assert_eq(kempt__pop16(x), (unsigned)__builtin_popcount(x), "%x", x);
}

/* The vocabulary reads words of Greek, Cyrillic and accented Latin (by
 * its table of word characters) and ends words at quotes and dashes. */
Test(unwrap, end_of_line_hyphens_in_other_scripts) {
  const char *in =
      "\xce\xa4\xce\xbf \xcf\x85\xcf\x80\xce\xbf\xcf\x85\xcf\x81\xce\xb3\xce"
      "\xb5\xce\xaf\xce\xbf \xce\xb5\xce\xaf\xcf\x80\xce\xb5 \xcf\x8c\xcf"
      "\x84\xce\xb9 \xcf\x84\xce\xb1 \xcf\x87\xcf\x81\xce\xae\xce\xbc\xce"
      "\xb1\xcf\x84\xce\xb1 \xce\xb3\xce\xb9\xce\xb1 \xcf\x84\xce\xb9\xcf"
      "\x82 \xce\xbd\xce\xad\xce\xb5\xcf\x82 \xce\xb8\xce\xad\xcf\x83-"
      "\n"
      "\xce\xb5\xce\xb9\xcf\x82 \xcf\x84\xce\xbf\xcf\x85 \xce\xbb\xce\xb9"
      "\xce\xbc\xce\xb1\xce\xbd\xce\xb9\xce\xbf\xcf\x8d \xce\xb8\xce\xb1 "
      "\xce\xb4\xce\xbf\xce\xb8\xce\xbf\xcf\x8d\xce\xbd \xcf\x84\xce\xb7\xce"
      "\xbd \xce\xac\xce\xbd\xce\xbf\xce\xb9\xce\xbe\xce\xb7 \xce\xba\xce"
      "\xb1\xce\xb9 \xcf\x8c\xcf\x84\xce\xb9 \xce\xbf\xce\xb9 \xcf\x80"
      "\xce\xb1\xce\xbb\xce\xb9\xce\xad\xcf\x82 \xce\xb8\xce\xad\xcf\x83\xce"
      "\xb5\xce\xb9\xcf\x82 \xce\xb8\xce\xb1\n"
      "\xce\xbc\xce\xb5\xce\xaf\xce\xbd\xce\xbf\xcf\x85\xce\xbd \xcf\x89\xcf"
      "\x82 \xce\xad\xcf\x87\xce\xbf\xcf\x85\xce\xbd \xce\xbc\xce\xad\xcf"
      "\x87\xcf\x81\xce\xb9 \xcf\x84\xce\xbf \xcf\x84\xce\xad\xce\xbb\xce"
      "\xbf\xcf\x82 \xcf\x84\xce\xbf\xcf\x85 \xcf\x87\xcf\x81\xcf\x8c\xce"
      "\xbd\xce\xbf\xcf\x85 \xce\xb5\xce\xbd\xcf\x8e \xcf\x84\xce\xbf "
      "\xcf\x83\xcf\x85\xce\xbc\xce\xb2\xce\xbf\xcf\x8d\xce\xbb\xce\xb9\xce\xbf"
      "\n"
      "\xcf\x84\xce\xbf\xcf\x85 \xce\xbb\xce\xb9\xce\xbc\xce\xb1\xce\xbd\xce"
      "\xb9\xce\xbf\xcf\x8d \xce\xb8\xce\xb1 \xce\xba\xce\xb1\xcf\x84\xce"
      "\xb1\xcf\x81\xcf\x84\xce\xaf\xcf\x83\xce\xb5\xce\xb9 \xcf\x80\xcf\x81"
      "\xcf\x8c\xce\xb3\xcf\x81\xce\xb1\xce\xbc\xce\xbc\xce\xb1 \xce\xb3\xce"
      "\xb9\xce\xb1 \xcf\x84\xce\xb9\xcf\x82 \xce\xb5\xcf\x80\xce\xb9\xcf"
      "\x83\xce\xba\xce\xb5\xcf\x85\xce\xad\xcf\x82 \xcf\x84\xce\xbf\xcf\x85"
      "\n"
      "\xcf\x80\xce\xb1\xce\xbb\xce\xb9\xce\xbf\xcf\x8d \xcf\x84\xce\xb5\xcf"
      "\x81\xce\xbc\xce\xb1\xcf\x84\xce\xb9\xce\xba\xce\xbf\xcf\x8d \xcf\x83"
      "\xcf\x84\xce\xb1\xce\xb8\xce\xbc\xce\xbf\xcf\x8d \xcf\x80\xcf\x81\xce"
      "\xb9\xce\xbd \xce\xb1\xcf\x80\xcf\x8c \xcf\x84\xce\xbf \xcf\x84"
      "\xce\xad\xce\xbb\xce\xbf\xcf\x82 \xcf\x84\xce\xbf\xcf\x85 \xce\xad"
      "\xcf\x84\xce\xbf\xcf\x85\xcf\x82\n";
  char *out = unwrap(in);
  /* "θέσ-" + "εις" joins: "θέσεις" is a word of the block */
  cr_assert_not_null(strstr(out, "\xce\xbd\xce\xad\xce\xb5\xcf\x82 \xce\xb8"
                                 "\xce\xad\xcf\x83\xce\xb5\xce\xb9\xcf\x82 "
                                 "\xcf\x84"),
                     "%s", out);
  cr_assert_null(strchr(out, '-'), "%s", out);
  free(out);
  /* a word that ends at a curly quote is a word */
  out = unwrap("The minister said the money for the new berths and the "
               "gov-\nernment's share of the long-term plan would be paid "
               "out in\nspring, and that the harbour board would draw up a "
               "schedule\nfor the \xe2\x80\x9cgovernment\xe2\x80\x9d "
               "repairs of the old terminal and all.\n");
  cr_assert_not_null(strstr(out, " government's share"), "%s", out);
  free(out);
}

/* Paragraphs dumped one to a line: a blank line (here one of spaces) cuts
 * the dump into blocks too short to show it on their own; the document
 * shows it. */
#define DUMP_A                                                                 \
  "The river ferry will stop running for two weeks in March while its "       \
  "engine is replaced.\n"                                                      \
  "The operator said that a bus will take passengers across the old bridge "   \
  "in the meantime.\n"                                                         \
  "The new engine is quieter and uses a third less fuel than the old one, "    \
  "it said.\n"                                                                 \
  "It was built at a yard on the coast and arrived by lorry on Tuesday "       \
  "night.\n"                                                                   \
  "Mechanics will work in two shifts so that the ferry is back before "        \
  "Easter.\n"
#define DUMP_B                                                                 \
  "Tickets bought for the ferry will be valid on the bus without any "         \
  "extra charge.\n"                                                            \
  "Cyclists are asked to use the footpath on the bridge, where a lane has "    \
  "been marked.\n"                                                             \
  "The ferry should be back in service on the first Monday of April, the "     \
  "operator added.\n"                                                          \
  "A timetable for the bus is posted at both landings and on the website.\n"  \
  "Passengers with bicycles may also take the ferry from the next village "    \
  "upstream.\n"                                                                \
  "The council thanked residents for their patience during the works.\n"

Test(unwrap, short_blocks_of_a_dump_get_a_paragraph_per_line) {
  static const char in[] = "Ferry stops for repairs\n" DUMP_A "   \n" DUMP_B;
  char *out = unwrap(in);
  /* every line a paragraph: a blank line after each but the last */
  size_t blank = 0;
  for (const char *p = strstr(out, "\n\n"); p; p = strstr(p + 2, "\n\n"))
    blank++;
  cr_assert_eq(blank, 11, "%s", out);
  free(out);
}

Test(unwrap, a_short_block_of_prose_lines_stays_in_a_page_with_blank_lines) {
  /* most prose lines alone between blank lines: the page's own breaks */
  static const char in[] =
      "The river ferry will stop running for two weeks in March while its "
      "engine is replaced.\n\n"
      "The operator said that a bus will take passengers across the old "
      "bridge in the meantime.\n\n"
      "Tickets bought for the ferry will be valid on the bus without any "
      "extra charge.\n"
      "Cyclists are asked to use the footpath on the bridge, where a lane has "
      "been marked.\n\n"
      "The ferry should be back in service on the first Monday of April, the "
      "operator added.\n";
  CHECK(in, in);
}

Test(unwrap, an_indented_line_of_prose_is_a_paragraph_unless_an_item_body) {
  static const char in[] =
      "  Ferry stops for repairs\n"
      "  " DUMP_A "  " DUMP_B
      "  Ticket offices:\n"
      "  * Harbour station: open from seven in the morning every day.\n"
      "    Tickets for the bus can also be bought from the driver on board.\n";
  char *out = unwrap(in);
  cr_assert(strstr(out, "Ferry stops for repairs\n\n"), "%s", out);
  cr_assert(strstr(out, "every day.\n  Tickets for the bus"), "%s", out);
  free(out);
}
