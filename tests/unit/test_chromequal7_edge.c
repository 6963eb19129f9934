/* test_chromequal7_edge.c - chrome phrases are read within a sentence
 * ("... at the site. By morning ..." holds no "site by"), and chrome at
 * the edges of an article: a newsletter pitch before its title or after
 * its last paragraph goes, the same words inside it stay. All pages are
 * invented.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chunks.h"
#include "lib/chrome_int.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const ONLY[] = {"stages=chrome", NULL};

static char *run(const char *in) {
  return kempt_run(ONLY, in, strlen(in), WHOLE, 0, 0, NULL);
}

/* Whether a sentence ends between words wa and wb (0-based) of s. */
static bool gap_in(const char *s, size_t wa, size_t wb) {
  char buf[256 + CHROME_LEX_PAD] = {0};
  size_t n = strlen(s), total;
  cr_assert(n < 256);
  memcpy(buf, s, n);
  buf[n] = '\n';
  struct chrome_tok t[CHROME_MAXTOK];
  size_t nt = kempt__chrome_tokens(buf, n, t, CHROME_MAXTOK, &total, NULL);
  cr_assert(wb < nt);
  return kempt__chrome_sent_gap(buf, &t[wa], &t[wb]);
}

Test(chromequal7_edge, sentence_gap) {
  cr_assert(gap_in("at the site. By morning", 2, 3));
  cr_assert(gap_in("one photo: By Tuesday", 1, 2));
  cr_assert(gap_in("it was done! Sign up", 2, 3));
  cr_assert(gap_in("he said.\" By then", 1, 2));
  cr_assert(gap_in("and then\xe2\x80\xa6 Sign up", 1, 2));
  cr_assert_not(gap_in("at the site by morning", 2, 3));
  cr_assert_not(gap_in("at the site. by morning", 2, 3)); /* no capital */
  cr_assert_not(gap_in("pic.Twitter com", 0, 1));          /* no space */
  cr_assert_not(gap_in("Site by Studio", 0, 1));
}

#define TOP "  \xe2\x80\xa2 Home\n  \xe2\x80\xa2 Local\n  \xe2\x80\xa2 Weather\n\n" \
            "Skip to content\n\nSign in\n\n"
#define FOOT "Share on Facebook\n\nShare on Twitter\n\n" \
             "Privacy Policy\n\nTerms of Use\n"
#define P1 "The old harbour ferry will carry passengers again from Saturday," \
           " after a winter in the dry dock at the yard on the east quay.\n\n"
#define P2 "The crew spent the last week of February testing the new engine" \
           " on short runs across the bay and back, and found it quiet.\n\n"
#define P3 "The council, which owns the ferry, said the repairs cost less" \
           " than it had feared, and that fares would stay the same.\n\n"
#define P4 "The new timetable starts at seven in the morning and runs every" \
           " half hour until the evening, with a later boat on Fridays.\n\n"

Test(chromequal7_edge, phrase_across_a_sentence_end_stays) {
  char *out = run(TOP "Harbour ferry returns after repairs\n\n" P1 P2
                  "Welders finished on the site. By noon the boat was"
                  " afloat.\n\n" P3 P4 FOOT "Site by Quayside Web Studio\n");
  cr_assert(strstr(out, "Welders finished on the site."), "%s", out);
  cr_assert_null(strstr(out, "Site by Quayside"), "%s", out);
  free(out);
}

#define PITCH "Get the best stories of the week in your inbox every Friday." \
              " Sign up now and never miss an update.\n\n"

Test(chromequal7_edge, pitch_after_the_last_paragraph_goes) {
  char *out = run(TOP "Harbour ferry returns after repairs\n\n" P1 P2 P3 P4
                  PITCH FOOT);
  cr_assert(strstr(out, "The new timetable"), "%s", out);
  cr_assert_null(strstr(out, "Sign up now"), "%s", out);
  free(out);
}

Test(chromequal7_edge, pitch_before_the_title_goes) {
  char *out = run(TOP PITCH "Harbour Ferry Returns After Repairs\n\n" P1 P2
                  P3 P4 FOOT);
  cr_assert(strstr(out, "Harbour Ferry Returns"), "%s", out);
  cr_assert(strstr(out, "The old harbour ferry"), "%s", out);
  cr_assert_null(strstr(out, "Sign up now"), "%s", out);
  free(out);
}

Test(chromequal7_edge, pitch_between_paragraphs_stays) {
  char *out = run(TOP "Harbour ferry returns after repairs\n\n" P1 P2 PITCH
                  P3 P4 FOOT);
  cr_assert(strstr(out, "Sign up now"), "%s", out);
  free(out);
}

Test(chromequal7_edge, last_paragraph_of_one_sentence_stays) {
  /* two has phrases, but one sentence: a report's, not a pitch */
  char *out = run(TOP "Harbour ferry returns after repairs\n\n" P1 P2 P3
                  "Separately, the trust said on Monday that it had rewritten"
                  " its privacy policy and terms of use after passengers"
                  " complained about how the ferry app shared their data.\n\n"
                  FOOT);
  cr_assert(strstr(out, "rewritten its privacy policy"), "%s", out);
  free(out);
}

Test(chromequal7_edge, quoted_last_paragraph_stays) {
  char *out = run(TOP "Harbour ferry returns after repairs\n\n" P1 P2 P3
                  "\xe2\x80\x9cWe read every privacy policy. We read the terms"
                  " of use too, and we want your email address for none of"
                  " it,\xe2\x80\x9d the skipper said.\n\n" FOOT);
  cr_assert(strstr(out, "We read every privacy policy."), "%s", out);
  free(out);
}

#define LINKS "Lighthouse opens to visitors in the summer\n" \
              "Fish market moves to the pier next year\n" \
              "Sailing club wins the autumn regatta again\n\n"
#define FACTS "Date: 14 June 2026\nVenue: East Quay Pier\n" \
              "Tickets: 4 EUR, children 2 EUR\nDeparts: 7.30 pm\n\n"

Test(chromequal7_edge, facts_box_right_after_the_text_stays) {
  char *out = run(TOP "Harbour ferry returns after repairs\n\n" P1 P2 P3 P4
                  "If you go\n\n" FACTS "Related posts\n\n" LINKS FOOT);
  cr_assert(strstr(out, "Date: 14 June 2026"), "%s", out);
  cr_assert(strstr(out, "Venue: East Quay Pier"), "%s", out);
  cr_assert(strstr(out, "Departs: 7.30 pm"), "%s", out);
  cr_assert_null(strstr(out, "Fish market"), "%s", out);
  free(out);
}

Test(chromequal7_edge, facts_box_after_headlines_goes) {
  char *out = run(TOP "Harbour ferry returns after repairs\n\n" P1 P2 P3 P4
                  "Ferry news\n\n" "The harbour ferry gets a new engine\n"
                  "Ferry fares stay the same this summer\n"
                  "Ferry crew trains for the new timetable\n\n"
                  "Harbour tour\nDeparts: 10 am daily\nPrice: 8 EUR\n"
                  "Length: 90 minutes\nMeet: 9.45 am at Gate 2\n\n" FOOT);
  cr_assert(strstr(out, "The new timetable"), "%s", out);
  cr_assert_null(strstr(out, "Price: 8 EUR"), "%s", out);
  cr_assert_null(strstr(out, "gets a new engine"), "%s", out);
  free(out);
}

Test(chromequal7_edge, labels_without_numbers_are_no_facts) {
  char *out = run(TOP "Harbour ferry returns after repairs\n\n" P1 P2 P3 P4
                  "Section: Local News\nTag: ferries\nSeries: On the Water\n\n"
                  FOOT);
  cr_assert_null(strstr(out, "Tag: ferries"), "%s", out);
  free(out);
}

Test(chromequal7_edge, facts_box_between_paragraphs_keeps_its_dates) {
  char *out = run(TOP "Harbour ferry returns after repairs\n\n" P1 P2
                  "If you go\n\n" FACTS P3 P4 FOOT);
  cr_assert(strstr(out, "Date: 14 June 2026"), "%s", out);
  cr_assert(strstr(out, "Venue: East Quay Pier"), "%s", out);
  cr_assert(strstr(out, "Departs: 7.30 pm"), "%s", out);
  free(out);
}

Test(chromequal7_edge, last_paragraph_with_one_has_phrase_stays) {
  /* soft words (subscribers, download, app) with one has phrase (free
   * trial): a report on a service, not a pitch */
  char *out = run(TOP "Harbour ferry returns after repairs\n\n" P1 P2 P3
                  "The ferry's new timetable app costs two euros a month"
                  " after a free trial. Subscribers can download the"
                  " timetable and buy tickets in the app.\n\n" FOOT);
  cr_assert(strstr(out, "after a free trial."), "%s", out);
  free(out);
}

Test(chromequal7_edge, last_paragraph_on_the_titles_topic_stays) {
  /* two sentences, two has phrases, but the ferry of the title */
  char *out = run(TOP "Harbour ferry returns after repairs\n\n" P1 P2 P3
                  "The ferry trust rewrote its privacy policy last year. Its"
                  " terms of use now bar it from selling the data of its"
                  " passengers.\n\n" FOOT);
  cr_assert(strstr(out, "rewrote its privacy policy"), "%s", out);
  free(out);
}
