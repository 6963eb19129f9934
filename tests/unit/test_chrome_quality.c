/* test_chrome_quality.c - kinds of chrome that read almost like text:
 * image labels a text browser leaves (slugs in brackets, alt text twice),
 * captions with their credit after a colon, long bylines, an "About NAME"
 * box of the author or the maker; and the article text around them stays.
 * All pages are invented.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chunks.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const ONLY[] = {"stages=chrome", NULL};

static char *run(const char *in) {
  return kempt_run(ONLY, in, strlen(in), WHOLE, 0, 0, NULL);
}

/* Chrome around the article, so that the page does not pass for clean
 * text (which loses only phrase-rule hits). */
#define TOP "  \xe2\x80\xa2 Home\n  \xe2\x80\xa2 Local\n  \xe2\x80\xa2 Weather\n\n" \
            "Skip to content\n\nSign in\n\n"
#define FOOT "Share on Facebook\n\nRelated posts\n\nLighthouse opens to" \
             " visitors\nFish market moves to the pier\n\n" \
             "Privacy Policy\n\nTerms of Use\n"

#define P1 "The old harbour ferry will carry passengers again from Saturday," \
           " after a winter in the dry dock at the yard on the east quay.\n\n"
#define P2 "The crew spent the last week of February testing the new engine" \
           " on short runs across the bay and back, and found it quiet.\n\n"
#define P3 "The council, which owns the ferry, said the repairs cost less" \
           " than it had feared, and that fares would stay the same.\n\n"
#define P4 "The new timetable starts at seven in the morning and runs every" \
           " half hour until the evening, with a later boat on Fridays.\n\n"

Test(chrome_quality, slug_labels_between_paragraphs_go) {
  char *out = run(TOP "Harbour ferry returns after repairs\n\n" P1
                  "[ferry-quay-2026-1]\n\n" P2 "[ferry-quay-2026-2]\n\n" P3
                  "[ferry-quay-2026-3]\n\n" P4 FOOT);
  cr_assert(strstr(out, "The crew spent"), "%s", out);
  cr_assert(strstr(out, "The new timetable"), "%s", out);
  cr_assert_null(strstr(out, "[ferry-quay"), "%s", out);
  free(out);
}

Test(chrome_quality, names_in_brackets_that_repeat_stay) {
  /* a quote's source, once per quote: part of the article */
  char *out = run(TOP "Harbour ferry returns after repairs\n\n" P1 "[Harbour News]"
                  "\n\n" P2 "[Harbour News]\n\n" P3 "[Harbour News]\n\n" P4);
  cr_assert(strstr(out, "The council, which"), "%s", out);
  cr_assert(strstr(out, "[Harbour News]"), "%s", out);
  free(out);
}

Test(chrome_quality, credit_after_a_colon_ends_a_caption) {
  char *out = run(TOP "Harbour ferry returns after repairs\n\n" P1 P2
                  "The ferry at the east quay after its repairs, with the"
                  " lighthouse behind it. Credit: Harbour Trust\n\n"
                  "A crew member on the deckPhoto: Jane Doe/Agency\n\n"
                  "The lighthouse above the east quay, seen from the ferry."
                  " (AP)\n\n" P3 P4);
  cr_assert(strstr(out, "The council"), "%s", out);
  cr_assert_null(strstr(out, "(AP)"), "%s", out);
  cr_assert_null(strstr(out, "Credit:"), "%s", out);
  cr_assert_null(strstr(out, "Photo:"), "%s", out);
  free(out);
}

Test(chrome_quality, a_colon_in_a_sentence_is_no_credit) {
  char *out = run(TOP "Harbour ferry returns after repairs\n\n" P1 P2
                  "This is what the old photo showed: a boat.\n\n"
                  "What she liked best about the picture: Saturday\n\n" P3
                  P4);
  cr_assert(strstr(out, "the old photo showed: a boat."), "%s", out);
  free(out);
}

Test(chrome_quality, long_bylines_go) {
  char *out = run(TOP "Harbour ferry returns after repairs\n\n"
                  "By Ada Marsh, Tom Reed on Monday, March 2nd, 2026 at"
                  " 9:05 a.m.\n\n" P1 P2 P3
                  "By Ada Marsh | The Harbour News | 14.03.2026\n\n" P4 FOOT);
  cr_assert(strstr(out, "Harbour ferry returns"), "%s", out);
  cr_assert(strstr(out, "The new timetable"), "%s", out);
  cr_assert_null(strstr(out, "By Ada"), "%s", out);
  free(out);
}

Test(chrome_quality, a_sentence_that_starts_with_by_stays) {
  char *out = run(TOP "Harbour ferry returns after repairs\n\n" P1 P2
                  "By Saturday Morning the crew had tested every part of the"
                  " boat twice, and 12 people had booked.\n\n" P3 P4);
  cr_assert(strstr(out, "By Saturday Morning"), "%s", out);
  free(out);
}

Test(chrome_quality, text_twice_in_a_row_is_a_label) {
  char *out = run(TOP "Harbour ferry returns after repairs\n\n" P1 P2
                  "The ferry crewThe ferry crew\n\n"
                  "The lighthouse at dusk The lighthouse at dusk\n\n" P3 P4);
  cr_assert(strstr(out, "The council"), "%s", out);
  cr_assert_null(strstr(out, "The ferry crew"), "%s", out);
  cr_assert_null(strstr(out, "lighthouse at dusk"), "%s", out);
  free(out);
}

Test(chrome_quality, about_box_cuts_off) {
  char *out = run(TOP "Harbour ferry returns after repairs\n\n" P1 P2 P3 P4
                  "About Harbour Trust\n\n"
                  "Harbour Trust looks after the quays and the lighthouse of"
                  " the town, and has done so since 1921.\n\n"
                  "Press contact: press@example.org\n");
  cr_assert(strstr(out, "The new timetable"), "%s", out);
  cr_assert_null(strstr(out, "About Harbour"), "%s", out);
  cr_assert_null(strstr(out, "looks after the quays"), "%s", out);
  free(out);
}

Test(chrome_quality, about_heading_without_its_box_stays) {
  /* "About NAME" followed by text that does not name it: a sub-heading */
  char *out = run(TOP "Harbour ferry returns after repairs\n\n" P1 P2
                  "About Saturday\n\n" P3 P4);
  cr_assert(strstr(out, "The council"), "%s", out);
  cr_assert(strstr(out, "The new timetable"), "%s", out);
  free(out);
}

Test(chrome_quality, about_box_in_german) {
  char *out = run("Neue Orgel f\xc3\xbcr die Stadtkirche\n\n"
                  "Die Stadtkirche bekommt nach mehr als hundert Jahren eine"
                  " neue Orgel, die von einer kleinen Werkstatt aus dem"
                  " Nachbarort gebaut wird und im Herbst eingeweiht werden"
                  " soll.\n\n"
                  "Die alte Orgel war so stark besch\xc3\xa4" "digt, dass eine"
                  " Reparatur nach Auskunft der Gemeinde mehr gekostet h\xc3\xa4tte"
                  " als ein Neubau, und viele Pfeifen waren seit Jahren"
                  " stumm.\n\n"
                  "Das Geld f\xc3\xbcr den Bau kam zum gro\xc3\x9f" "en Teil"
                  " aus Spenden, die der Verein seit Jahren gesammelt hat.\n\n"
                  "\xc3\x9c" "ber Orgelbau Lindner\n\n"
                  "Orgelbau Lindner ist eine Werkstatt mit acht Mitarbeitern,"
                  " die seit 1987 Orgeln f\xc3\xbcr Kirchen baut.\n");
  cr_assert(strstr(out, "Das Geld"), "%s", out);
  cr_assert_null(strstr(out, "Orgelbau Lindner"), "%s", out);
  free(out);
}

Test(chrome_quality, caption_openers_remove_long_captions) {
  char *out = run(TOP "Harbour ferry returns after repairs\n\n" P1 P2
                  "In this photo taken on Tuesday, March 3, 2026, the harbour"
                  " ferry leaves the east quay for its first trip across the"
                  " bay after a winter in the dry dock, watched by a crowd of"
                  " people who came to the pier to see it go.\n\n"
                  "FILE PHOTO: The ferry at the east quay in 2019.\n\n"
                  "Image caption The crew on the deck of the ferry\n\n" P3 P4
                  FOOT);
  cr_assert(strstr(out, "The council"), "%s", out);
  cr_assert(strstr(out, "The new timetable"), "%s", out);
  cr_assert_null(strstr(out, "In this photo"), "%s", out);
  cr_assert_null(strstr(out, "FILE PHOTO"), "%s", out);
  cr_assert_null(strstr(out, "Image caption"), "%s", out);
  free(out);
}

Test(chrome_quality, caption_openers_in_other_languages) {
  char *out = run("Startseite | Region | Kultur\n\n"
                  "Neue Orgel f\xc3\xbcr die Stadtkirche\n\n"
                  "Die Stadtkirche bekommt nach mehr als hundert Jahren eine"
                  " neue Orgel, die von einer kleinen Werkstatt aus dem"
                  " Nachbarort gebaut wird und im Herbst eingeweiht werden"
                  " soll.\n\n"
                  "Auf diesem Foto sieht man die Orgelbauer bei der Arbeit in"
                  " der Werkstatt, wo die ersten Pfeifen schon fertig sind.\n\n"
                  "Das Geld f\xc3\xbcr den Bau kam zum gro\xc3\x9f" "en Teil"
                  " aus Spenden, die der Verein seit Jahren bei Konzerten"
                  " gesammelt hat.\n\nImpressum | Datenschutz\n");
  cr_assert(strstr(out, "Das Geld"), "%s", out);
  cr_assert_null(strstr(out, "Auf diesem Foto"), "%s", out);
  free(out);
}

Test(chrome_quality, a_sentence_about_a_photo_stays) {
  /* the words of a caption's opener inside a sentence, not at its start */
  char *out = run(TOP "Harbour ferry returns after repairs\n\n" P1 P2
                  "The captain said that in this photo from 1950 the ferry"
                  " looks much as it does today, only smaller.\n\n" P3 P4
                  FOOT);
  cr_assert(strstr(out, "in this photo from 1950"), "%s", out);
  free(out);
}

Test(chrome_quality, name_and_handle_is_a_byline) {
  char *out = run(TOP "Harbour ferry returns after repairs\n\n"
                  "Ada Marsh @adamarsh\n\n" P1 P2 P3 P4 FOOT);
  cr_assert(strstr(out, "The new timetable"), "%s", out);
  cr_assert_null(strstr(out, "@adamarsh"), "%s", out);
  free(out);
}

Test(chrome_quality, a_field_with_a_handle_stays) {
  /* "Account: @name" in a list of people is the article's content */
  char *out = run(TOP "Harbour ferry returns after repairs\n\n" P1 P2
                  "Account: @harbourferry\n\n" P3 P4 FOOT);
  cr_assert(strstr(out, "Account: @harbourferry"), "%s", out);
  free(out);
}

Test(chrome_quality, sign_up_pitch_before_its_field_goes) {
  char *out = run(TOP "Harbour ferry returns after repairs\n\n" P1 P2 P3
                  "Get the harbour's stories and the tide tables in your"
                  " mail every morning.\n\n[                    ][Sign Up]\n\n"
                  P4 FOOT);
  cr_assert(strstr(out, "The council"), "%s", out);
  cr_assert(strstr(out, "The new timetable"), "%s", out);
  cr_assert_null(strstr(out, "tide tables"), "%s", out);
  free(out);
}

Test(chrome_quality, text_before_a_search_field_stays) {
  /* a search form after the article: its last paragraph stays */
  char *out = run(TOP "Harbour ferry returns after repairs\n\n" P1 P2 P3 P4
                  "[                    ] [Search]\n\n" FOOT);
  cr_assert(strstr(out, "The new timetable"), "%s", out);
  free(out);
}

#define LINK_A "Lighthouse keeper on the north point retires after forty" \
               " years of service there"
#define LINK_B "Fish market on the old pier moves to the new hall by the" \
               " station"

Test(chrome_quality, list_of_links_mostly_chrome_goes_whole) {
  /* two of its four links are found again in the lists at the bottom */
  char *out = run(TOP "Harbour ferry returns after repairs\n\n" P1 P2 P3
                  "\xe2\x80\xa2 " LINK_A "\n"
                  "\xe2\x80\xa2 Ferry timetable for the summer season is out,"
                  " with later boats on Fridays\n"
                  "\xe2\x80\xa2 " LINK_B "\n"
                  "\xe2\x80\xa2 Harbour school pupils paint the old crane on"
                  " the quay in bright colours\n\n" P4 P1 P2
                  "Most read\n\n" LINK_A "\n" LINK_B "\n\n"
                  "More news\n\n" LINK_A "\n" LINK_B "\n\n" FOOT);
  cr_assert(strstr(out, "The new timetable"), "%s", out);
  cr_assert_null(strstr(out, "Ferry timetable"), "%s", out);
  cr_assert_null(strstr(out, "Harbour school"), "%s", out);
  free(out);
}

Test(chrome_quality, has_phrases_longer_than_four_words_match) {
  char *out = run(TOP "Harbour ferry returns after repairs\n\n" P1 P2
                  "Sorry, this content is not available right now\n\n" P3 P4
                  FOOT);
  cr_assert(strstr(out, "The council"), "%s", out);
  cr_assert_null(strstr(out, "content is not available"), "%s", out);
  free(out);
}
