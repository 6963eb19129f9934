/* test_spacing.c - the spacing stage.
 *
 * Most of these tests are text that is right and must pass unchanged: the
 * stage is worth having only if it almost never damages clean text.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chunks.h"
#include "kempt_spacing.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spacing_check.h"

/* Context that makes a paragraph English to the language guess. */
#define EN " and the minister said that it was in the report of the day."
#define FR                                                                     \
  " Le ministre a dit que les discussions sont dans une phase "                \
  "difficile, mais il reste optimiste pour la suite."
#define DE                                                                     \
  " Die Verhandlungen sind nicht einfach, sagte der Minister, "                \
  "und sie werden noch dauern."


static void all_same(const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    same(list[i]);
}
#define ALL_SAME(list) all_same(list, sizeof list / sizeof list[0])

/* ---- white space ------------------------------------------------------ */

Test(spacing, collapses_runs_and_trims) {
  becomes("the  quick\tbrown   fox  ", "the quick brown fox");
  becomes("  indented start", "indented start");
  becomes("a \t b", "a b");
}

Test(spacing, keeps_line_breaks_of_a_block) {
  becomes("first  line\nsecond   line\n  third line",
          "first line\nsecond line\nthird line");
  same("Roses are red,\nviolets are blue.");
}

Test(spacing, clean_text_passes_unchanged) {
  same("The talks were held in Riyadh on Monday, and the minister said "
       "that it was \"a start\" (a small one).");
  same("");
  same("x");
}

/* ---- space before punctuation --------------------------------------- */

Test(spacing, space_before_comma_and_period) {
  becomes("tariffs , while prices rose" EN, "tariffs, while prices rose" EN);
  becomes("It rose on Tuesday . The rest" EN,
          "It rose on Tuesday. The rest" EN);
  becomes("It fell on Monday" EN "\nIt rose on Tuesday .",
          "It fell on Monday" EN "\nIt rose on Tuesday.");
  becomes("Senator for Yobe North , Ahmad Lawan , said so.",
          "Senator for Yobe North, Ahmad Lawan, said so.");
  becomes("tariffs ,while prices rose" EN, "tariffs, while prices rose" EN);
}

Test(spacing, space_before_colon_and_marks_in_english) {
  becomes("Note : this is what the minister said in the report." EN,
          "Note: this is what the minister said in the report." EN);
  becomes("Why did it happen ? Nobody knew it at the time." EN,
          "Why did it happen? Nobody knew it at the time." EN);
  becomes("That is great ! And it was in the news." EN,
          "That is great! And it was in the news." EN);
  becomes("the way” ? The answer was in the report." EN,
          "the way”? The answer was in the report." EN);
}

Test(spacing, colon_and_marks_kept_when_language_unknown) {
  same("Tel : 555 1234");
  same("Prix : 20 euros");
  same("Vraiment ?");
  same("Achtung !");
}

Test(spacing, french_keeps_its_spaces) {
  same("Il a dit : « Bonjour ! » Vraiment ? Oui ; c'est ça." FR);
  same("Le prix\xc2\xa0: 5\xc2\xa0\xe2\x82\xac ; il est l\xc3\xa0"
       "\xe2\x80\xaf!" FR);
  same("« Nous ne savons pas », a déclaré le ministre." FR);
  /* French quoted in an English paragraph */
  same("He said : « Je ne sais pas ! » and the minister said it was in the "
       "report.");
  /* but a space before a comma is wrong in French too */
  becomes("Le ministre , qui était là, a parlé." FR,
          "Le ministre, qui était là, a parlé." FR);
}

Test(spacing, french_short_paragraph_takes_the_document_language) {
  becomes("Le ministre a dit que les discussions sont dans une phase "
          "difficile, mais il reste optimiste.\n\nPourquoi ?",
          "Le ministre a dit que les discussions sont dans une phase "
          "difficile, mais il reste optimiste.\n\nPourquoi ?");
  becomes("The minister said that it was in the report of the day and "
          "that is all.\n\nWhy ?",
          "The minister said that it was in the report of the day and "
          "that is all.\n\nWhy?");
}

Test(spacing, brackets) {
  becomes("(see above )" EN, "(see above)" EN);
  becomes("( see above)" EN, "(see above)" EN);
  becomes("the report ( published on Monday ) said" EN,
          "the report (published on Monday) said" EN);
  becomes("[citation needed ]" EN, "[citation needed]" EN);
}

/* ---- missing space after a sentence end ---------------------------- */

Test(spacing, missing_space_after_sentence) {
  becomes("Prices fell in March.Prices rose in April" EN,
          "Prices fell in March. Prices rose in April" EN);
  becomes("It was said on Friday .Analysts were surprised" EN,
          "It was said on Friday. Analysts were surprised" EN);
  becomes("It was the summit.The talks were long" EN,
          "It was the summit. The talks were long" EN);
  becomes("Is it over?Nobody knows" EN, "Is it over? Nobody knows" EN);
  becomes("He said “it is over.”The talks ended" EN,
          "He said “it is over.” The talks ended" EN);
  becomes("He waited...Then he left" EN, "He waited... Then he left" EN);
  becomes("Sie sagte das am Freitag.Die Gespräche dauern" DE,
          "Sie sagte das am Freitag. Die Gespräche dauern" DE);
}

/* A stop followed by closers and then white space, other ASCII or the
 * end starts no next sentence (the scan skips the sentence pass there);
 * one followed by closers and a capital, an opener or a letter beyond
 * ASCII still gets its space. */
Test(spacing, sentence_stops_after_closers) {
  becomes("It was getting late.)\xe2\x80\x9dThen we all went home" EN,
          "It was getting late.)\xe2\x80\x9d Then we all went home" EN);
  becomes("We met in the park (at noon).(Then we all went home" EN,
          "We met in the park (at noon). (Then we all went home" EN);
  becomes("We met in the park at noon.\xc3\x89mile went home" EN,
          "We met in the park at noon. \xc3\x89mile went home" EN);
  becomes("He waited.\xe2\x80\xa6Then he left" EN,
          "He waited.\xe2\x80\xa6 Then he left" EN);
  becomes("He said \"it is over.\"The talks ended" EN,
          "He said \"it is over.\" The talks ended" EN);
  becomes("He said it is over.\"The talks ended" EN,
          "He said it is over. \"The talks ended" EN);
  becomes("It was late'.Then we left" EN, "It was late'. Then we left" EN);
  static const char *const kept[] = {
      "The U.S.Senate voted on it" EN,
      "It was 3.Then" EN,
      "It was getting late.\xe2\x80\x9d Then we all went home" EN,
      "It was getting late.\xe2\x80\x9d,Then we all went home" EN,
      "It was late.\xe2\x80\x99)) Then we all went home" EN,
      "See the notes, e.g.,these ones and those" EN,
      "We met at noon (in the park).",
      "We met at noon (in the park.)",
      "It was getting late.\xe2\x80\x9d",
  };
  ALL_SAME(kept);
}

Test(spacing, no_space_added_inside_urls_numbers_names_code) {
  static const char *const clean[] = {
      "See www.apple.com for details" EN,
      "Go to example.org/x.Y for the file" EN,
      "It was on news.BBC.co.uk today" EN,
      "Visit https://example.com/Path.Html?x=1.Y now" EN,
      "He bought it from Amazon.Com last year" EN,
      "Write to john.Smith@example.com today" EN,
      "Contact press@Foo.Org about it" EN,
      "It rose 3.5 percent" EN,
      "Version 2.0.1 is out, and so is v3.Beta" EN,
      "The U.S. Army and the U.S.Army are the same" EN,
      "See e.g. the report, i.e. the main one, e.g.The Times" EN,
      "She has a Ph.D. in physics and a Ph.D.Thesis" EN,
      "J.R.R. Tolkien and J.R.R.Tolkien wrote it" EN,
      "Open Report.PDF or Report.Pdf or notes.Txt now" EN,
      "Call printf() and obj.Method() in the code" EN,
      "Use System.IO and Console.WriteLine for files" EN,
      "The value of obj.Method is set" EN,
      "Set self.Emin and self.prec in the report" EN,
      "It uses threading.Thread and threading.local in the report" EN,
      "Use the string 'typing.Any' and \"Spam.Eggs\" in the report" EN,
      "Then numbers.Real = 1 and the minister said" EN,
      "Read it on Booking.com and in Node.js or Vue.js" EN,
      "We use the .NET framework and the .Net runtime" EN,
      "Follow @user.Name and #tag.Name there" EN,
      "Mr. Smith went to St. Louis with Dr. Who" EN,
      "The file is C:\\Users\\me.Docs here" EN,
      "The iPhone.The phone" EN,
      "Yahoo! News and Jeopardy! Champions" EN,
  };
  ALL_SAME(clean);
}

/* ---- quotes ---------------------------------------------------------- */

Test(spacing, closing_quote_after_a_word_turned) {
  becomes("The minister urged calm and warned against the unrest spreading "
          "further“, and he and the envoy discussed “the importance of a "
          "lasting truce,” officials said in a statement.",
          "The minister urged calm and warned against the unrest spreading "
          "further”, and he and the envoy discussed “the importance of a "
          "lasting truce,” officials said in a statement.");
}

/* The seed page of the project (outside the tree: skipped without it). */
Test(spacing, seed_page) {
  size_t n;
  char *in = slurp_file("/work/shared/seeds/blinken-gaza.txt", &n);
  if (!in)
    cr_skip_test("seed page not available");
  char *out = stage_run("spacing", NULL, in, n, 0, NULL);
  cr_assert(strstr(out, "spreading further”, and he and the crown prince "
                        "discussed “the importance"));
  free(in);
  free(out);
}

Test(spacing, quotes_turned_in_english) {
  becomes("He called it “a start“ and left" EN,
          "He called it “a start” and left" EN);
  becomes("It can‘t be, and we‘re sure it‘s over" EN,
          "It can’t be, and we’re sure it’s over" EN);
  becomes("Era “I Cavalieri dello Zodiaco“, prodotta da Toei, e non è "
          "stata la prima per la sua serie.",
          "Era “I Cavalieri dello Zodiaco”, prodotta da Toei, e non è "
          "stata la prima per la sua serie.");
  becomes("Il a vu l‘homme" FR, "Il a vu l’homme" FR);
}

Test(spacing, quotes_kept) {
  static const char *const clean[] = {
      /* German closes with “ */
      "Er sagte: „Das ist gut.“ Dann ging er nach Hause." DE,
      "Er nannte es „einen Anfang“, und sie ging." DE,
      "Die Verhandlungen sind nicht einfach“, sagte der Minister." DE,
      "Er nannte es ‚einen Anfang‘, und sie ging." DE,
      /* Czech, a language without a word list: „…“ */
      "Řekl „ahoj“, a pak odešel domů.",
      "Řekl ahoj“, a pak odešel.",
      /* Swedish closes both ways with ” */
      "Han sa ”hej” och gick, men det var inte så.",
      /* Hawaiian ʻokina written as ‘ */
      "The island of Hawai‘i is the largest" EN,
      /* opening quotes, Chinese quotes */
      "He said “yes” and ‘no’ to the plan" EN,
      "他说“你好”。",
      "« Bonjour », dit-il." FR,
  };
  ALL_SAME(clean);
}

/* ---- things that must pass unchanged ------------------------------------ */

Test(spacing, ellipses_emoticons_numbers) {
  static const char *const clean[] = {
      "Wait . . . what was in the report of the day?" EN,
      "and so on ... and the minister said it was in the report" EN,
      "He said . . . nothing at all" EN,
      "That was fun :) and then :-( happened ;) ok" EN,
      "Great job :D and :P and :-) and ( : in the end" EN,
      "I was happy (really :) ) that day" EN,
      "The rate is 5 % and the tax is 1 000 euros" EN,
      "The score was 3 : 2 in the final" EN,
      "It starts at 10:30 a.m. on Monday" EN,
      "Compute f( x ) and ( a + b ) here" EN,
      "[ Read more ] and [ ] and { name } in the text" EN,
      "a) first, b) second and 1) third" EN,
      "¿Qué pasa? ¡Nada! Es que no hay nada.",
      "Le 1 000e jour, il a dit : non." FR,
      "if (x != y) { return a ? b : c; }",
      "x = y ? 1 : 0;",
      "git add . and then it was in the report" EN,
      "See http://example.com/terms.htm . The rest is in the report" EN,
      "It is in /usr/share/common-licenses/GPL-2 . The rest" EN,
      "Link with libfoo.so . Then run it and see the report" EN,
      "the value is . and the minister said" EN,
  };
  ALL_SAME(clean);
}

Test(spacing, lines_block_keeps_alignment) {
  /* without the flag the runs collapse; the flag is set by other stages */
  becomes("Name    Age\nBob     42", "Name Age\nBob 42");
}

/* ---- reporting -------------------------------------------------------------
 */

struct seen {
  char rules[16][48];
  size_t n;
};

static void on_event(void *ud, const struct kempt_event *ev) {
  struct seen *s = ud;
  if (s->n < 16 && strcmp(ev->stage, "spacing") == 0)
    snprintf(s->rules[s->n++], sizeof s->rules[0], "%s", ev->rule);
}

static enum kempt_status discard(void *ud, const char *p, size_t n) {
  (void)ud;
  (void)p;
  (void)n;
  return KEMPT_OK;
}

Test(spacing, every_change_is_reported_with_its_rule) {
  const char *in = "It rose  sharply , and in March.Prices fell (a lot )."
                   " It can‘t last" EN;
  struct seen s = {{{0}}, 0};
  kempt_config *cfg = kempt_config_new(NULL);
  cr_assert_eq(kempt_config_set(cfg, "stages", "spacing", 0), KEMPT_OK);
  kempt_config_output(cfg, discard, NULL);
  kempt_config_events(cfg, on_event, &s);
  kempt *k = kempt_new(cfg, NULL);
  cr_assert_not_null(k);
  cr_assert_eq(kempt_feed(k, in, strlen(in)), KEMPT_OK);
  cr_assert_eq(kempt_finish(k), KEMPT_OK);
  kempt_free(k);
  kempt_config_free(cfg);
  static const char *const want[] = {
      "collapse-space", "space-before-punct", "space-inside-brackets",
      "missing-space-after-sentence", "apostrophe-direction"};
  cr_assert_eq(s.n, 5, "%zu changes", s.n);
  for (size_t i = 0; i < 5; i++)
    cr_expect_str_eq(s.rules[i], want[i]);
}

/* ---- stream properties ------------------------------------------------------
 */

Test(spacing, chunking_invariant) {
  static const char *const opts[] = {"stages=spacing", NULL};
  const char *in =
      "Title  of  the page\n\nIt rose on Friday .Analysts said , in "
      "March.Prices fell (a lot ) and it can‘t last\xe2\x80\x9c, he said." EN
      "\n\nIl a dit : « Bonjour ! »" FR "\n\nEr sagte „ja“, und ging." DE
      "\n\nwww.apple.com  and 3.5\tand U.S.Army\n";
  char *out = assert_chunking_invariant(opts, in, strlen(in));
  cr_assert(strstr(out, "Friday. Analysts said, in March. Prices fell (a "
                        "lot) and it can’t last”, he said."));
  cr_assert(strstr(out, "Il a dit : « Bonjour ! »"));
  cr_assert(strstr(out, "Er sagte „ja“, und ging."));
  cr_assert(strstr(out, "www.apple.com and 3.5 and U.S.Army"));
  free(out);
}

Test(spacing, any_bytes_stay_valid) {
  char in[2048];
  srand(11);
  const char alphabet[] = " \t\n.,;:!?()[]{}\"'aZ\xe2\x80\x9c\x9d\x98\x99\xa6"
                          "\xc3\xa9";
  for (int round = 0; round < 50; round++) {
    for (size_t i = 0; i < sizeof in; i++)
      in[i] = alphabet[(size_t)rand() % (sizeof alphabet - 1)];
    static const char *const opts[] = {"stages=spacing", NULL};
    size_t n;
    char *out = kempt_run(opts, in, sizeof in, RANDOM, 16, (unsigned)round, &n);
    cr_assert(valid_utf8(out, n));
    free(out);
  }
}

Test(spacing, handle_from_its_header) {
  kempt_config *cfg = kempt_config_new(NULL);
  enum kempt_status err;
  struct kempt_sink sink = {NULL, NULL, NULL, NULL};
  kempt_stage *st = kempt_spacing_new(cfg, &sink, &err);
  cr_assert_not_null(st);
  cr_assert_eq(kempt_stage_takes_blocks(st), 1);
  kempt_stage_free(st);
  kempt_config_free(cfg);
}

/* ---- blocks fed directly ------------------------------------------------- */

struct collect {
  char text[512];
  size_t len;
  uint32_t nlines;
};

static enum kempt_status collect_block(void *ud, const struct kempt_block *b) {
  struct collect *c = ud;
  cr_assert_lt(b->len, sizeof c->text);
  memcpy(c->text, b->text, b->len);
  c->text[b->len] = '\0';
  c->len = b->len;
  c->nlines = b->nlines;
  return KEMPT_OK;
}

static void feed_one(const char *text, uint32_t flags, uint32_t nlines,
                     struct collect *c) {
  kempt_config *cfg = kempt_config_new(NULL);
  struct kempt_sink sink = {NULL, collect_block, NULL, c};
  enum kempt_status err;
  kempt_stage *st = kempt_spacing_new(cfg, &sink, &err);
  cr_assert_not_null(st);
  struct kempt_block b = {text, strlen(text), flags, nlines, 0, 0, NULL};
  cr_assert_eq(kempt_stage_feed_block(st, &b), KEMPT_OK);
  cr_assert_eq(kempt_stage_finish(st), KEMPT_OK);
  kempt_stage_free(st);
  kempt_config_free(cfg);
}

Test(spacing, lines_flag_keeps_indentation_and_columns) {
  struct collect c;
  feed_one("Name    Age  \n  Bob     42 ,", KEMPT_BLOCK_LINES, 2, &c);
  cr_assert_str_eq(c.text, "Name    Age\n  Bob     42,");
  cr_assert_eq(c.nlines, 2);
  feed_one("Name    Age  \n  Bob     42", 0, 2, &c);
  cr_assert_str_eq(c.text, "Name Age\nBob 42");
  cr_assert_eq(c.nlines, 2);
}

/* Kept lines keep their inner runs: a space that follows a space or
 * starts a line stays before punctuation, and an opener keeps a run of
 * spaces after it; one space alone still goes. */
Test(spacing, kept_lines_runs_before_punctuation_and_after_openers) {
  struct collect c;
  feed_one("Search [     ] Go\n  , and   ;\nSo ( well) ,", KEMPT_BLOCK_LINES, 3,
           &c);
  cr_assert_str_eq(c.text, "Search [     ] Go\n  , and   ;\nSo (well),");
  feed_one("Form [   ]\n[  ]\n ( ", KEMPT_BLOCK_LINES, 3, &c);
  cr_assert_str_eq(c.text, "Form [   ]\n[  ]\n (");
}

/* Fail the n-th allocation for n = 0, 1, ... until the run succeeds: every
 * failure must come back as a status, with no leak (valgrind/ASan). */

Test(spacing, every_allocation_failure_is_a_status) {
  const struct kempt_allocator *fa = &failing_allocator;
  static const char in[] = "It rose  on Friday .Analysts said , in March."
                           "Prices fell.\n\nA  second  one .\n";
  for (long n = 0;; n++) {
    cr_assert_lt(n, 10000);
    alloc_budget = n;
    kempt_config *cfg = kempt_config_new(fa);
    if (!cfg)
      continue;
    kempt_config_output(cfg, discard, NULL);
    enum kempt_status st = kempt_config_set(cfg, "stages", "spacing", 0);
    kempt *k = st == KEMPT_OK ? kempt_new(cfg, &st) : NULL;
    kempt_config_free(cfg);
    if (!k) {
      cr_assert_eq(st, KEMPT_ERR_NOMEM);
      continue;
    }
    st = kempt_feed(k, in, sizeof in - 1);
    if (st == KEMPT_OK)
      st = kempt_finish(k);
    kempt_free(k);
    if (st == KEMPT_OK)
      break;
    cr_assert_eq(st, KEMPT_ERR_NOMEM);
  }
}

/* Repetitive hostile blocks: every look-around is bounded, so these run
 * in linear time; the output is valid and not much longer. */
Test(spacing, hostile_blocks) {
  static const char *const units[] = {"'aa.Bb",
                                      "the summit.Prices ",
                                      "threading.Thread ",
                                      "( ",
                                      "(a ",
                                      "a )",
                                      "x ,",
                                      "l\xe2\x80\x98"
                                      "a",
                                      "a\xe2\x80\x9c ",
                                      " \t",
                                      "a .",
                                      "the : ",
                                      "x  y\n"};
  static const char *const opts[] = {"stages=spacing", NULL};
  for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
    size_t k = strlen(units[u]), n = 0;
    char *in = malloc(65536 + k);
    while (n + k <= 65536) {
      memcpy(in + n, units[u], k);
      n += k;
    }
    size_t outlen;
    char *out = kempt_run(opts, in, n, FIXED, 4096, 0, &outlen);
    cr_assert(valid_utf8(out, outlen), "unit %zu", u);
    cr_assert_leq(outlen, n + n / 2 + 1, "unit %zu", u);
    free(out);
    free(in);
  }
}

Test(spacing, language_option) {
  static const char *const fr[] = {"spacing-lang=fr", NULL};
  static const char *const en[] = {"spacing-lang=en", NULL};
  const char *in = "Note : yes ?";
  char *out = stage_run("spacing", fr, in, strlen(in), 0, NULL);
  cr_assert_str_eq(out, "Note : yes ?");
  free(out);
  out = stage_run("spacing", en, in, strlen(in), 0, NULL);
  cr_assert_str_eq(out, "Note: yes?");
  free(out);
  kempt_config *cfg = kempt_config_new(NULL);
  cr_assert_eq(kempt_config_set(cfg, "spacing-lang", "xx", 0),
               KEMPT_ERR_USAGE);
  kempt_config_free(cfg);
}

/* ---- the scanner: every change found wherever it falls ------------------
 * The stage looks at blocks 16 bytes at a time and at their last bytes
 * through a padded copy: put each kind of change at every offset of
 * blocks of many lengths, before and after, so that it falls at each place
 * of a window, on a window's edge and in the tail. */

/* v + k letters + mid + m letters + y (+ ctx), and the same with want in
 * place of mid. */
static void sweep(const char *mid, const char *want, const char *ctx) {
  static const size_t tails[] = {0, 1, 2, 5, 15, 16, 17, 31, 33};
  char in[512], out[512];
  for (size_t k = 0; k <= 70; k++)
    for (size_t t = 0; t < sizeof tails / sizeof tails[0]; t++) {
      size_t m = tails[t];
      snprintf(in, sizeof in, "v%.*s%s%.*sy%s", (int)k,
               "wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww",
               mid, (int)m, "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", ctx);
      snprintf(out, sizeof out, "v%.*s%s%.*sy%s", (int)k,
               "wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww",
               want, (int)m, "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", ctx);
      size_t n;
      char *o = stage_run("spacing", NULL, in, strlen(in), 0, &n);
      cr_assert_str_eq(o, out, "k %zu m %zu:\n  in:   %s\n  out:  %s", k, m,
                       in, o);
      free(o);
    }
}

Test(spacing, changes_found_at_every_offset) {
  sweep(" a  b ", " a b ", "");
  sweep(" a\tb ", " a b ", "");
  sweep(" a \t b ", " a b ", "");
  sweep(" a\n   b ", " a\nb ", "");
  sweep(" a  \nb ", " a\nb ", "");
  sweep(" word , next ", " word, next ", EN);
  sweep(" ( inside) ", " (inside) ", EN);
  sweep(" (inside ) ", " (inside) ", EN);
  sweep(" summit.The talks ", " summit. The talks ", EN);
  sweep(" in March.Prices rose ", " in March. Prices rose ", EN);
  sweep(" spreading further\xe2\x80\x9c, and ",
        " spreading further\xe2\x80\x9d, and ", EN);
  sweep(" it can\xe2\x80\x98t be ", " it can\xe2\x80\x99t be ", EN);
  /* nothing to change, also right at the edges of windows */
  sweep(" a b. C (d) e, f ", " a b. C (d) e, f ", EN);
  sweep(" \xe2\x94\x80\xe2\x94\x80 box ", " \xe2\x94\x80\xe2\x94\x80 box ", "");
  sweep(" x\xe2\x80\xa6y ", " x\xe2\x80\xa6y ", "");
  /* E2 80 after a space, a line start or a word, and before a word */
  sweep(" the talks\xe2\x80\xa6Prices rose ",
        " the talks\xe2\x80\xa6 Prices rose ", EN);
  sweep(" said \xe2\x80\xa6Prices rose ", " said \xe2\x80\xa6Prices rose ", EN);
  sweep(" said \xe2\x80\x9cyes\xe2\x80\x9c, and ",
        " said \xe2\x80\x9cyes\xe2\x80\x9d, and ", EN);
  sweep(" a\n\xe2\x80\x9cyes\xe2\x80\x9d b ", " a\n\xe2\x80\x9cyes\xe2\x80\x9d b ", EN);
  sweep(" a\xe3\x80\x9c\xe3\x80\x98" "b\xe3\x80\xa6 ",
        " a\xe3\x80\x9c\xe3\x80\x98" "b\xe3\x80\xa6 ", ""); /* CJK marks */
  sweep(" it\xe2\x80\x99s \xe2\x80\x94 a \xe2\x80\x93 b ",
        " it\xe2\x80\x99s \xe2\x80\x94 a \xe2\x80\x93 b ", EN);
}

Test(spacing, edges_trimmed_at_any_length) {
  char in[128], want[128];
  for (size_t k = 0; k <= 40; k++) {
    for (size_t lead = 0; lead <= 18; lead += 3) {
      for (size_t trail = 0; trail <= 18; trail += 6) {
        snprintf(in, sizeof in, "%*s%.*s%*s", (int)lead, "", (int)k,
                 "abcdefghij klmnopqrst uvwxyzabcd efghijklmn opq", (int)trail,
                 "");
        snprintf(want, sizeof want, "%.*s", (int)k,
                 "abcdefghij klmnopqrst uvwxyzabcd efghijklmn opq");
        size_t w = strlen(want);
        while (w && want[w - 1] == ' ') /* a cut at a space trims it too */
          want[--w] = '\0';
        size_t n;
        char *o = stage_run("spacing", NULL, in, strlen(in), 0, &n);
        /* a block of white space only is no paragraph for the writer */
        if (*want)
          cr_assert_str_eq(o, want, "in [%s]", in);
        free(o);
      }
    }
  }
}

Test(spacing, kept_lines_trimmed_at_their_ends_only) {
  struct collect c;
  feed_one("  a  b  \n   \n\tc\t\n", KEMPT_BLOCK_LINES, 4, &c);
  cr_assert_str_eq(c.text, "  a  b\n   \n\tc\n");
  feed_one("  a  b\n  c (d ) e", KEMPT_BLOCK_LINES, 2, &c);
  cr_assert_str_eq(c.text, "  a  b\n  c (d) e");
  feed_one("  a  b\n  c", KEMPT_BLOCK_LINES, 2, &c);
  cr_assert_str_eq(c.text, "  a  b\n  c");
}

/* A kept line's trailing space or tab found wherever its newline falls
 * (the scan for it looks at 16 pairs at a time), and a block with none
 * passed on as it is. */
Test(spacing, kept_lines_trailing_space_at_every_offset) {
  static const char pad[] = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
  for (size_t k = 0; k <= 40; k++)
    for (int tab = 0; tab < 2; tab++) {
      char in[128], want[128];
      struct collect c;
      snprintf(in, sizeof in, "  a%.*s%c\n  b  c\n", (int)k, pad,
               tab ? '\t' : ' ');
      snprintf(want, sizeof want, "  a%.*s\n  b  c\n", (int)k, pad);
      feed_one(in, KEMPT_BLOCK_LINES, 3, &c);
      cr_assert_str_eq(c.text, want, "k %zu tab %d", k, tab);
      snprintf(in, sizeof in, "  a%.*s\n  b %c c\n", (int)k, pad,
               tab ? '\t' : ' ');
      feed_one(in, KEMPT_BLOCK_LINES, 3, &c);
      cr_assert_str_eq(c.text, in, "k %zu tab %d", k, tab);
    }
}

/* ---- sentence ends in scripts that start no sentence with a capital ---- */

/* Malayalam, Arabic (no case) and Georgian (its capitals unused) get the
 * space back after a stop between two words of two letters or more, when
 * the block ends other sentences so; abbreviations and initials of one
 * letter, and scripts that write no such stops, are left alone. */
Test(spacing, sentence_end_without_capitals) {
  becomes("მთავრობამ კანონი მიიღო. ის ძალაში შევა წელს.დეპუტატებმა "
          "მხარი დაუჭირეს.",
          "მთავრობამ კანონი მიიღო. ის ძალაში შევა წელს. დეპუტატებმა "
          "მხარი დაუჭირეს.");
  becomes("സർക്കാർ നിയമം പാസാക്കി. ഇത് അടുത്ത വർഷം വരും.എംഎൽഎമാർ "
          "പിന്തുണച്ചു.",
          "സർക്കാർ നിയമം പാസാക്കി. ഇത് അടുത്ത വർഷം വരും. എംഎൽഎമാർ "
          "പിന്തുണച്ചു.");
  becomes("أقرت الحكومة القانون. وقال الوزير.إن القانون جيد.",
          "أقرت الحكومة القانون. وقال الوزير. إن القانون جيد.");
  /* abbreviations and initials */
  same("ის ქ.თბილისში ცხოვრობს. ძვ.წ. მეხუთე საუკუნე და ა.შ. სხვა.");
  same("കെ.എം.മാണി പറഞ്ഞു. ഡോ.രാധാകൃഷ്ണൻ വന്നു.");
  /* no sentence of the block ends with a stop and a space */
  same("ის ძალაში შევა წელს.დეპუტატებმა მხარი დაუჭირეს");
  /* Thai writes no stops between sentences */
  same("รัฐบาลผ่านกฎหมาย.ประเทศไทย");
  /* an address in the token */
  same("მთავრობამ კანონი მიიღო. იხილეთ საიტი.გე/კანონი ახლა.");
}

/* Ukrainian, now told from Russian, closes a quote with “ as Russian
 * does: a “ after a word is not turned. */
Test(spacing, ukrainian_closes_with_left_quote) {
  same("Він сказав, що це рішення буде ухвалено вже наступного тижня, і "
       "всі міністри з ним погодилися: “так“ або “ні“ і все.");
}
