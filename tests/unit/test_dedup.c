/* test_dedup.c - the dedup stage.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "blocks.h"
#include "chunks.h"
#include "kempt_dedup.h"
#include "lib/textchar.h"

#include <utf8proc.h>

#include <criterion/criterion.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const ONLY_DEDUP[] = {"stages=dedup", NULL};
static const char *const MARK[] = {"stages=dedup", "keep-chrome=mark", NULL};

static char *dedup(const char *const *opts, const char *in) {
  return assert_chunking_invariant(opts, in, strlen(in));
}

#define CHECK(opts, in, want)                                                  \
  do {                                                                         \
    char *out_ = dedup(opts, in);                                              \
    cr_assert_str_eq(out_, want);                                              \
    free(out_);                                                                \
  } while (0)

#define P1                                                                     \
  "The harbour authority said on Tuesday that the old ferry terminal would "   \
  "close for repairs at the end of the month, two years after the last "       \
  "storm damaged it."
#define P2                                                                     \
  "Passengers will board from a temporary pier on the north side of the "      \
  "bay until the work is finished next summer."
#define P3                                                                     \
  "Local traders worry that fewer visitors will walk past their shops "        \
  "while the pier is in use, and ask for a new bus stop."

Test(dedup, a_paragraph_repeating_the_one_before_is_removed) {
  CHECK(ONLY_DEDUP, P1 "\n\n" P1 "\n\n" P2 "\n", P1 "\n\n" P2 "\n");
  CHECK(MARK, "Share\n\nshare\n\nText.\n",
        "Share\n\n[kempt:removed dedup adjacent] share\n\nText.\n");
}

Test(dedup, white_space_and_case_do_not_matter) {
  CHECK(ONLY_DEDUP,
        P1 "\n\n  the HARBOUR authority  said on\ttuesday that "
           "the old ferry\nterminal would close for repairs at "
           "the end of the month,  two years after\nthe last "
           "storm damaged it.\n",
        P1 "\n");
}

Test(dedup, a_repeated_run_is_removed) {
  const char *in = "Title\n\n" P1 "\n\n" P2 "\n\n" P3 "\n\nMenu\n\n" P1
                   "\n\n" P2 "\n\n" P3 "\n\nFooter\n";
  CHECK(ONLY_DEDUP, in,
        "Title\n\n" P1 "\n\n" P2 "\n\n" P3 "\n\nMenu\n\nFooter\n");
  CHECK(MARK, in,
        "Title\n\n" P1 "\n\n" P2 "\n\n" P3 "\n\nMenu\n\n"
        "[kempt:removed dedup run] " P1 "\n\n"
        "[kempt:removed dedup run] " P2 "\n\n"
        "[kempt:removed dedup run] " P3 "\n\nFooter\n");
}

Test(dedup, a_run_that_breaks_off_after_one_paragraph_stays) {
  const char *in = P1 "\n\n" P2 "\n\nMenu\n\n" P1 "\n\n" P3 "\n";
  CHECK(ONLY_DEDUP, in, in);
}

Test(dedup, a_lone_repeat_far_away_stays) {
  const char *in = "What was your first job?\n\n" P1 "\n\n" P2
                   "\n\nWhat was your first job?\n\n" P3 "\n";
  CHECK(ONLY_DEDUP, in, in);
}

Test(dedup, an_interview_question_asked_twenty_times_stays) {
  char in[20000] = "";
  for (int i = 0; i < 24; i++) {
    char a[200];
    snprintf(a, sizeof a,
             "What would you tell your younger self about the sea?\n\n"
             "Answer number %d: keep rowing, whatever the weather.\n\n",
             i);
    strcat(in, a);
  }
  char *out = dedup(ONLY_DEDUP, in);
  size_t n = strlen(in);
  cr_assert_eq(strlen(out), n - 1); /* only the last blank line goes */
  cr_assert(memcmp(out, in, n - 1) == 0);
  free(out);
}

Test(dedup, repeated_runs_of_short_lines_stay) {
  /* A meal plan repeats its steps: data, not a copy of the page. */
  const char *plan = "Pre-Workout Supplement\n\n"
                     "Drink 20 to 30 minutes before your workout\n\n"
                     "Workout Supplement\n\nDrink during your workout\n\n";
  char in[1000];
  snprintf(in, sizeof in, "Plan A\n\n%sPlan B\n\n%sEnd.\n", plan, plan);
  CHECK(ONLY_DEDUP, in, in);
}

Test(dedup, the_first_occurrence_is_kept_and_lines_blocks_count) {
  const char *texts[] = {"- a\n- b", P1, P2, "x", P1, P2, "- a\n- b"};
  uint32_t flags[] = {KEMPT_BLOCK_LINES, 0, 0, 0, 0, 0, KEMPT_BLOCK_LINES};
  struct tblocks t = run_blocks("dedup", NULL, texts, flags, 7);
  cr_assert_eq(t.n, 7);
  for (size_t i = 0; i < 7; i++) {
    bool removed = i == 4 || i == 5; /* the list at 6 is a lone repeat */
    cr_assert_eq(!!(t.b[i].flags & KEMPT_BLOCK_REMOVED), removed, "%zu", i);
    if (removed)
      cr_assert_str_eq(t.b[i].rule, "dedup run");
    cr_assert_eq(t.b[i].index, i);
  }
  tblocks_free(&t);
}

Test(dedup, removed_blocks_in_a_run_pass_in_order) {
  const char *texts[] = {P1, P2, "Menu", P1, "ad", P2, "end"};
  uint32_t flags[] = {0, 0, 0, 0, KEMPT_BLOCK_REMOVED, 0, 0};
  struct tblocks t = run_blocks("dedup", NULL, texts, flags, 7);
  cr_assert_eq(t.n, 7);
  const char *want[] = {P1, P2, "Menu", P1, "ad", P2, "end"};
  const char *rules[] = {NULL,           NULL,        NULL, "dedup run",
                         "test removed", "dedup run", NULL};
  for (size_t i = 0; i < 7; i++) {
    cr_assert_str_eq(t.b[i].text, want[i]);
    if (rules[i])
      cr_assert_str_eq(t.b[i].rule, rules[i], "block %zu", i);
    else
      cr_assert_not(t.b[i].flags & KEMPT_BLOCK_REMOVED, "block %zu", i);
  }
  tblocks_free(&t);
}

Test(dedup, a_sentence_cut_by_removed_blocks_is_joined) {
  const char *texts[] = {"Budget",
                         "The council said it will spend the money on",
                         "ADVERTISEMENT",
                         "Read more: other news",
                         "new bus lanes and cycle paths.",
                         "Next one."};
  uint32_t flags[] = {0, 0, KEMPT_BLOCK_REMOVED, KEMPT_BLOCK_REMOVED, 0, 0};
  struct tblocks t = run_blocks("dedup", NULL, texts, flags, 6);
  cr_assert_eq(t.n, 5);
  cr_assert_str_eq(t.b[1].text, "The council said it will spend the money "
                                "on new bus lanes and cycle paths.");
  cr_assert(t.b[1].flags & KEMPT_BLOCK_JOINED);
  cr_assert_str_eq(t.b[2].text, "ADVERTISEMENT");
  cr_assert(t.b[2].flags & KEMPT_BLOCK_REMOVED);
  cr_assert_str_eq(t.b[3].text, "Read more: other news");
  cr_assert_str_eq(t.b[4].text, "Next one.");
  char *kept = kept_text(&t);
  cr_assert_str_eq(kept, "Budget\n\nThe council said it will spend the money "
                         "on new bus lanes and cycle paths.\n\nNext one.");
  free(kept);
  tblocks_free(&t);
}

Test(dedup, a_sentence_cut_twice_is_joined_twice) {
  const char *texts[] = {"The council said it will spend the money on", "AD",
                         "new bus lanes, on cycle paths and on", "AD",
                         "a new bridge."};
  uint32_t flags[] = {0, KEMPT_BLOCK_REMOVED, 0, KEMPT_BLOCK_REMOVED, 0};
  struct tblocks t = run_blocks("dedup", NULL, texts, flags, 5);
  char *kept = kept_text(&t);
  cr_assert_str_eq(kept, "The council said it will spend the money on new "
                         "bus lanes, on cycle paths and on a new bridge.");
  free(kept);
  cr_assert_eq(t.n, 3);
  tblocks_free(&t);
}

Test(dedup, no_join_without_reason) {
  /* nothing removed in between */
  const char *a[] = {"The council said it will spend the money on",
                     "new bus lanes and cycle paths."};
  struct tblocks t = run_blocks("dedup", NULL, a, NULL, 2);
  cr_assert_eq(t.n, 2);
  tblocks_free(&t);
  /* a full stop, an upper-case start, a list, a heading of two words */
  const char *b[][3] = {
      {"The council said it will spend the money.", "AD", "new lanes."},
      {"The council said it will spend the money on", "AD", "New lanes."},
      {"The council said it will spend the money on", "AD", "- new\n- old"},
      {"Related stories", "AD", "new lanes are coming."}};
  uint32_t fl[] = {0, KEMPT_BLOCK_REMOVED, 0};
  uint32_t fl_lines[] = {0, KEMPT_BLOCK_REMOVED, KEMPT_BLOCK_LINES};
  for (size_t i = 0; i < 4; i++) {
    t = run_blocks("dedup", NULL, b[i], i == 2 ? fl_lines : fl, 3);
    cr_assert_eq(t.n, 3, "case %zu", i);
    cr_assert_str_eq(t.b[0].text, b[i][0], "case %zu", i);
    tblocks_free(&t);
  }
}

static int removals;
static void count_removals(void *ud, const struct kempt_event *ev) {
  (void)ud;
  cr_assert_str_eq(ev->stage, "dedup");
  if (strcmp(ev->rule, "dedup adjacent") == 0) {
    cr_assert_eq(ev->after_len, 0);
    removals++;
  }
}

static enum kempt_status ignore(void *ud, const struct kempt_block *b) {
  (void)ud, (void)b;
  return KEMPT_OK;
}

Test(dedup, explain_reports_each_removal) {
  kempt_config *cfg = kempt_config_new(NULL);
  kempt_config_events(cfg, count_removals, NULL);
  struct kempt_sink sink = {NULL, ignore, NULL, NULL};
  kempt_stage *st = kempt_dedup_new(cfg, &sink, NULL);
  cr_assert_not_null(st);
  struct kempt_block b = {"same", 4, 0, 1, 0, 0, NULL};
  for (int i = 0; i < 3; i++)
    cr_assert_eq(kempt_stage_feed_block(st, &b), KEMPT_OK);
  cr_assert_eq(kempt_stage_finish(st), KEMPT_OK);
  cr_assert_eq(removals, 2);
  kempt_stage_free(st);
  kempt_config_free(cfg);
}

Test(dedup, documents_are_independent) {
  const char *const nul[] = {"stages=dedup", "format=nul", NULL};
  const char in[] = P1 "\n\n" P2 "\0" P1 "\n\n" P2 "\0";
  const char want[] = P1 "\n\n" P2 "\n\0" P1 "\n\n" P2 "\n\0";
  size_t len;
  char *out = kempt_run(nul, in, sizeof in - 1, WHOLE, 0, 0, &len);
  cr_assert_eq(len, sizeof want - 1);
  cr_assert(memcmp(out, want, len) == 0);
  free(out);
}

Test(dedup, many_paragraphs_stay_bounded) {
  size_t n = 70000; /* more than the history window */
  char *in = malloc(n * 40), *p = in;
  for (size_t i = 0; i < n; i++)
    p += sprintf(p, "Paragraph number %zu of the text.\n\n", i % 50000);
  size_t len;
  char *out = kempt_run(ONLY_DEDUP, in, (size_t)(p - in), WHOLE, 0, 0, &len);
  cr_assert_eq(len, (size_t)(p - in) - 1); /* lone repeats: all kept */
  free(out);
  free(in);
}

Test(dedup, any_bytes_any_chunks) {
  char in[3000];
  srand(5);
  const char pieces[][12] = {"a",  "b ",   "\n\n", "same text. ",  "on",
                             "\n", "\xc3", "X",    "\xe2\x80\xa2", "."};
  for (int round = 0; round < 10; round++) {
    size_t n = 0;
    while (n + 12 < sizeof in) {
      const char *s = pieces[rand() % 10];
      memcpy(in + n, s, strlen(s));
      n += strlen(s);
    }
    char *out = assert_chunking_invariant(ONLY_DEDUP, in, n);
    free(out);
  }
}

Test(dedup, never_reorders_and_every_copy_has_an_original) {
  const char *pool[] = {P1, P2, P3, "Short line.", "- a\n- b\n- c", "Menu."};
  const char *texts[200];
  uint32_t flags[200];
  srand(3);
  for (int round = 0; round < 20; round++) {
    for (size_t i = 0; i < 200; i++) {
      texts[i] = pool[rand() % 6];
      flags[i] = rand() % 5 == 0 ? KEMPT_BLOCK_REMOVED : 0;
      if (texts[i][0] == '-')
        flags[i] |= KEMPT_BLOCK_LINES;
    }
    struct tblocks t = run_blocks("dedup", NULL, texts, flags, 200);
    cr_assert_eq(t.n, 200); /* nothing to join: all end a sentence */
    for (size_t i = 0; i < 200; i++) {
      cr_assert_str_eq(t.b[i].text, texts[i]);
      if ((t.b[i].flags & KEMPT_BLOCK_REMOVED) && !flags[i]) {
        bool original = false; /* an equal kept paragraph comes earlier */
        for (size_t j = 0; j < i && !original; j++)
          original = !(t.b[j].flags & KEMPT_BLOCK_REMOVED) &&
                     strcmp(t.b[j].text, texts[i]) == 0;
        cr_assert(original, "round %d block %zu", round, i);
      }
    }
    tblocks_free(&t);
  }
}

/* ---- the paragraph hash ------------------------------------------------ */

Test(dedup, white_space_of_any_kind_and_case_do_not_matter) {
  const char *copies[] = {
      "\xc2\xa0 THE harbour\xe2\x80\x83"
      "authority said\xe3\x80\x80on "
      "Tuesday that the old ferry terminal would close for repairs at the "
      "end of the month, two years after the last storm damaged it.  \t",
      "The  harbour authority said on Tuesday that the old ferry terminal "
      "would close for repairs at the end of the month, two years after "
      "the last storm damaged it.\n\n\n",
      "The harbour authority said on Tuesday that the old ferry terminal "
      "would close for repairs at the end of the month, two years after "
      "the last storm damaged it.\xe2\x80\xa8",
  };
  char in[4096];
  for (size_t i = 0; i < sizeof copies / sizeof copies[0]; i++) {
    snprintf(in, sizeof in, "%s\n\n%s\n\n%s\n", P1, copies[i], P2);
    CHECK(ONLY_DEDUP, in, P1 "\n\n" P2 "\n");
  }
  const char *others[] = {
      "The har bour authority said on Tuesday that the old ferry terminal "
      "would close for repairs at the end of the month, two years after "
      "the last storm damaged it.",
      "The harbourauthority said on Tuesday that the old ferry terminal "
      "would close for repairs at the end of the month, two years after "
      "the last storm damaged it.",
      "The harbour\xe2\x80\x8b"
      "authority said on Tuesday that the old "
      "ferry terminal would close for repairs at the end of the month, two "
      "years after the last storm damaged it.", /* U+200B is no space */
  };
  for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
    snprintf(in, sizeof in, "%s\n\n%s\n", P1, others[i]);
    char *out = dedup(ONLY_DEDUP, in);
    cr_assert_str_eq(out, in, "%zu", i);
    free(out);
  }
}

Test(dedup, letters_beyond_ascii_compare_folded) {
  CHECK(ONLY_DEDUP,
        "\xc3\x89T\xc3\x89 \xd0\x94\xd0\x90\n\n"        /* ÉTÉ ДА */
        "\xc3\xa9t\xc3\xa9 \xd0\xb4\xd0\xb0\n\nEnd.\n", /* été да */
        "\xc3\x89T\xc3\x89 \xd0\x94\xd0\x90\n\nEnd.\n");
  /* runs of one character (rules) compare character by character: Ⴀ
   * (U+10A0) folds to ⴀ (U+2D00) */
  char up[40 * 3 + 1], mixed[40 * 3 + 1], in[512], want[512];
  for (int i = 0; i < 40; i++) {
    memcpy(up + 3 * i, "\xe1\x82\xa0", 3);
    memcpy(mixed + 3 * i, i % 3 ? "\xe1\x82\xa0" : "\xe2\xb4\x80", 3);
  }
  up[120] = mixed[120] = '\0';
  snprintf(in, sizeof in, "%s\n\n%s\n\nEnd.\n", up, mixed);
  snprintf(want, sizeof want, "%s\n\nEnd.\n", up);
  CHECK(ONLY_DEDUP, in, want);
  snprintf(in, sizeof in, "%s\n\n%s\xe1\x82\xa0\n\nEnd.\n", up, up);
  CHECK(ONLY_DEDUP, in, in);
}

Test(dedup, white_space_is_what_utf8proc_says) {
  /* the separators (Zs, Zl, Zp) that dedup.c knows without utf8proc */
  static const int32_t known[] = {
      0xA0,   0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
      0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000};
  size_t k = 0;
  for (int32_t cp = 0x80; cp < 0x110000; cp++) {
    utf8proc_category_t c = utf8proc_category(cp);
    if (c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL ||
        c == UTF8PROC_CATEGORY_ZP) {
      cr_assert(k < sizeof known / sizeof known[0] && known[k] == cp, "%x", cp);
      k++;
    }
  }
  cr_assert_eq(k, sizeof known / sizeof known[0]);
}

/* Past the history window (32768 paragraphs) dedup starts over: what
 * came before is forgotten, what comes after is found. */
Test(dedup, the_history_starts_over_past_its_window) {
  size_t fill = 33000;
  char *in = malloc(fill * 40 + 4096), *p = in;
  const char run[] = P1 "\n\n" P2 "\n\n" P3 "\n\n";
  p += sprintf(p, "%s", run);
  for (size_t i = 0; i < fill; i++)
    p += sprintf(p, "Paragraph number %zu of the text.\n\n", i);
  size_t before = (size_t)(p - in);
  p += sprintf(p, "%s", run); /* the history forgot the first */
  size_t kept = (size_t)(p - in);
  p += sprintf(p, "%s", run); /* a copy of the second */
  p += sprintf(p, "End.\n");
  size_t len;
  char *out = kempt_run(ONLY_DEDUP, in, (size_t)(p - in), WHOLE, 0, 0, &len);
  cr_assert_eq(len, kept + 5);
  cr_assert(memcmp(out, in, kept) == 0);
  cr_assert(memcmp(out + kept, "End.\n", 5) == 0);
  cr_assert(before < kept);
  free(out);
  free(in);
}

/* The hash reads long spans in bulk and stages them in pieces: copies
 * that differ in case or white space at any place, long or short, and
 * by the length in bytes of a letter and its folded form, are found;
 * text that differs is not taken for a copy. */
Test(dedup, copies_are_found_whatever_their_length_and_where_they_differ) {
  static char a[6000], b[6000], in[13000], want[7000];
  for (size_t len = 1; len < 2600; len += len < 40 ? 1 : 97) {
    for (size_t i = 0; i < len; i++) {
      char c = (char)('a' + (i * 7 + len) % 26);
      a[i] = i % 11 == 5 ? ' ' : c;
      b[i] = i % 11 == 5 ? '\t' : i % 3 ? c : (char)(c - 32);
    }
    a[len] = b[len] = '\0';
    if (a[0] == ' ' || a[len - 1] == ' ')
      continue;
    snprintf(in, sizeof in, "x%s\n\nx%s \n\nEnd.\n", a, b);
    snprintf(want, sizeof want, "x%s\n\nEnd.\n", a);
    char *out = dedup(ONLY_DEDUP, in);
    cr_assert_str_eq(out, want, "%zu", len);
    free(out);
    b[len / 2] = '#'; /* one character differs */
    snprintf(in, sizeof in, "x%s\n\nx%s\n\nEnd.\n", a, b);
    out = dedup(ONLY_DEDUP, in);
    cr_assert_str_eq(out, in, "%zu", len);
    free(out);
  }
  /* Ⱥ (U+023A, two bytes) folds to ⱥ (U+2C65, three); Д to д */
  CHECK(ONLY_DEDUP, "\xc8\xba\xd0\x94 x\n\n\xe2\xb1\xa5\xd0\xb4  X\n\nEnd.\n",
        "\xc8\xba\xd0\x94 x\n\nEnd.\n");
}

/* The ranges dedup.c hashes as they are, without asking utf8proc: no
 * letter there has a lower case, and none is white space. */
Test(dedup, characters_hashed_as_they_are_have_no_case) {
  static const int32_t ranges[][2] = {{0x200B, 0x2028}, {0x2030, 0x2040},
                                      {0x2500, 0x2700}, {0x3040, 0xA000},
                                      {0xAC00, 0xD7A4}, {0x430, 0x460}};
  for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++)
    for (int32_t cp = ranges[r][0]; cp < ranges[r][1]; cp++) {
      utf8proc_category_t c = utf8proc_category(cp);
      cr_assert_eq(utf8proc_tolower(cp), cp, "%x", cp);
      cr_assert(c != UTF8PROC_CATEGORY_ZS && c != UTF8PROC_CATEGORY_ZL &&
                    c != UTF8PROC_CATEGORY_ZP,
                "%x", cp);
    }
}

/* The two-byte characters that dedup.c and textchar.h take as their own
 * case fold without asking utf8proc: the bit table is what
 * kempt__cp_fold says (and U+00A0, white space, is not in it), and the
 * ranges dedup.c checks sixteen bytes at a time are in the table. */
Test(dedup, two_byte_self_table_is_the_case_fold) {
  for (int32_t cp = 0x80; cp < 0x800; cp++)
    cr_assert_eq(kempt__cp2_self((uint32_t)cp),
                 cp != 0xA0 && kempt__cp_fold(cp) == cp, "%x", cp);
  static const int32_t fast[][2] = {{0x430, 0x460}, {0x3AC, 0x3CF},
                                    {0xDF, 0x100},  {0x580, 0x800}};
  for (size_t r = 0; r < sizeof fast / sizeof fast[0]; r++)
    for (int32_t cp = fast[r][0]; cp < fast[r][1]; cp++)
      cr_assert(kempt__cp2_self((uint32_t)cp), "%x", cp);
}

/* Text in scripts taken fast hashes as it did: copies of Greek, Arabic,
 * Hebrew and CJK paragraphs, in upper and lower case, are found. */
Test(dedup, fast_scripts_fold_as_before) {
  CHECK(ONLY_DEDUP,
        "\xce\x9a\xce\xb1\xce\xbb\xce\xb7\xce\xbc\xce\xad\xcf\x81\xce\xb1 "
        "\xcf\x83\xce\xb5 \xcf\x8c\xce\xbb\xce\xbf\xcf\x85\xcf\x82 "
        "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9 "
        "\xd7\xa2\xd7\x91\xd7\xa8\xd7\x99\xd7\xaa \xe6\x97\xa5\xe6\x9c\xac\n\n"
        "\xce\xba\xce\xb1\xce\xbb\xce\xb7\xce\xbc\xce\xad\xcf\x81\xce\xb1 "
        "\xcf\x83\xce\xb5 \xcf\x8c\xce\xbb\xce\xbf\xcf\x85\xcf\x82 "
        "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9 "
        "\xd7\xa2\xd7\x91\xd7\xa8\xd7\x99\xd7\xaa \xe6\x97\xa5\xe6\x9c\xac\n\n"
        "End.\n",
        "\xce\x9a\xce\xb1\xce\xbb\xce\xb7\xce\xbc\xce\xad\xcf\x81\xce\xb1 "
        "\xcf\x83\xce\xb5 \xcf\x8c\xce\xbb\xce\xbf\xcf\x85\xcf\x82 "
        "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9 "
        "\xd7\xa2\xd7\x91\xd7\xa8\xd7\x99\xd7\xaa \xe6\x97\xa5\xe6\x9c\xac\n\n"
        "End.\n");
}
