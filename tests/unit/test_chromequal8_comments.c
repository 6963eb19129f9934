/* test_chromequal8_comments.c - readers' comments after the article: the
 * headers the rules alone do not find ("Jane Doe • 3 days ago", a name
 * over a date line, "NAME says:" of a name alone) take the thread with
 * them when the comments' buttons ("Reply", "Like (3)") follow; a button
 * of a word or two ("Comments") between two paragraphs cuts nothing; a
 * list of headlines under section labels and times, and a quote's
 * lead-in, are no comments; a gallery's run of credits and counters
 * between paragraphs does not end the article. All pages are invented.
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

#define TOP "Home | Local | Weather | Sport\n\nSkip to content\n\n" \
            "Night buses return to the valley towns\n\n"
#define P1 "The regional transport authority will run night buses between" \
           " the three valley towns again from next month, after a break of" \
           " almost four years.\n\n"
#define P2 "The buses will leave the main square every hour between midnight" \
           " and five in the morning on Fridays and Saturdays, and stop at" \
           " the hospital.\n\n"
#define P3 "Students and people who work late shifts had asked for the" \
           " service to come back, saying that taxis were too expensive for" \
           " most of them.\n\n"
#define P4 "The authority said it would look at the numbers after six months" \
           " and decide then whether to add buses on the other nights of the" \
           " week.\n\n"
#define P5 "Drivers for the new service will be hired from the existing" \
           " day routes, and the union said that most of them had already" \
           " volunteered for the extra shifts.\n\n"
#define C1 "Brilliant, my daughter works at the hospital and has been" \
           " paying for taxis every weekend since the old service stopped.\n\n"
#define C2 "Why only Fridays and Saturdays? Plenty of us work nights during" \
           " the week as well.\n\n"

Test(chromequal8, time_headers_with_buttons_end_the_article) {
  char *out = run(TOP P1 P2 P3 P4 "Jo Harper \xe2\x80\xa2 3 days ago\n\n" C1
                  "Reply Report Like (3)\n\nnightowl_22 \xc2\xb7 2h\n\n" C2
                  "Reply\n");
  cr_assert(strstr(out, "The authority said"), "%s", out);
  cr_assert_null(strstr(out, "Brilliant"), "%s", out);
  cr_assert_null(strstr(out, "Why only"), "%s", out);
  free(out);
}

Test(chromequal8, time_labels_without_buttons_are_no_thread) {
  char *out = run(TOP P1 P2 P3 "Politics \xe2\x80\xa2 2 hours ago\n\n"
                  "Mayor answers questions on the budget.\n\n"
                  "Transport \xe2\x80\xa2 5 hours ago\n\n"
                  "New bus lines will open in the spring.\n\n" P4 P5);
  cr_assert(strstr(out, "Drivers for the new"), "%s", out);
  free(out);
}

Test(chromequal8, name_over_a_date_line_is_a_header) {
  char *out = run(TOP P1 P2 P3 P4 "Jo Harper\nMarch 3, 2026 at 5:14 pm\n\n" C1
                  "Reply\n\nSam Ortiz\nMarch 3, 2026 at 6:02 pm\n\n" C2
                  "Reply\n");
  cr_assert(strstr(out, "The authority said"), "%s", out);
  cr_assert_null(strstr(out, "Brilliant"), "%s", out);
  cr_assert_null(strstr(out, "Jo Harper"), "%s", out);
  free(out);
}

Test(chromequal8, says_of_a_name_alone_with_its_buttons) {
  char *out = run(TOP P1 P2 P3 P4 "Will Smith says:\n\n" C1 "Reply\n");
  cr_assert(strstr(out, "The authority said"), "%s", out);
  cr_assert_null(strstr(out, "Brilliant"), "%s", out);
  free(out);
}

Test(chromequal8, buttons_in_other_languages) {
  /* (the verbs are those of the page's language: a Dutch thread's
   * buttons are read on any page) */
  char *out = run(TOP P1 P2 P3 P4 "Jan de Vries \xc2\xb7 3 dagen geleden\n\n" C1
            "Beantwoorden\n");
  cr_assert(strstr(out, "The authority said"), "%s", out);
  cr_assert_null(strstr(out, "Brilliant"), "%s", out);
  free(out);
}

Test(chromequal8, a_comments_button_between_paragraphs_cuts_nothing) {
  static const char *const buttons[] = {"Comments", "12 comments",
                                        "View comments (12)",
                                        "Show comments"};
  for (size_t i = 0; i < sizeof buttons / sizeof buttons[0]; i++) {
    char in[4096];
    snprintf(in, sizeof in, "%s%s%s%s\n\n%s%s", TOP, P1, P2, buttons[i], P3,
             P4);
    char *out = run(in);
    cr_assert(strstr(out, "Students and people"), "%s", out);
    cr_assert(strstr(out, "The authority said"), "%s", out);
    cr_assert_null(strstr(out, buttons[i]), "%s", out);
    free(out);
  }
}

Test(chromequal8, a_comments_marker_before_a_thread_still_cuts) {
  char *out = run(TOP P1 P2 P3 P4 "Comments\n\n" C1 "Reply\n\n" C2 "Reply\n");
  cr_assert(strstr(out, "The authority said"), "%s", out);
  cr_assert_null(strstr(out, "Brilliant"), "%s", out);
  cr_assert_null(strstr(out, "Why only"), "%s", out);
  free(out);
}

Test(chromequal8, quotes_lead_ins_stay) {
  char *out = run(TOP P1 P2 "In a statement, the mayor wrote:\n\n"
                  "\"We listened to the people who need these buses.\"\n\n"
                  P3 "As one reader says:\n\n"
                  "My son can finally get home safely after his shift.\n\n"
                  "Anna says: we will finally get home on time.\n\n" P4);
  cr_assert(strstr(out, "the mayor wrote:"), "%s", out);
  cr_assert(strstr(out, "As one reader says:"), "%s", out);
  cr_assert(strstr(out, "Anna says: we will"), "%s", out);
  cr_assert(strstr(out, "The authority said"), "%s", out);
  free(out);
}

Test(chromequal8, paragraphs_after_a_gallery_run_stay) {
  char *out = run(TOP P1 P2 "Photo: Jo Harper / Agency\n\n1 of 12\n\n"
                  "Photo: Sam Ortiz / Agency\n\n2 of 12\n\n"
                  "Photo: Jo Harper / Agency\n\n3 of 12\n\n" P3 P4
                  "Share this article\n\nRelated: Fares to rise in June\n");
  cr_assert(strstr(out, "Students and people"), "%s", out);
  cr_assert(strstr(out, "The authority said"), "%s", out);
  cr_assert_null(strstr(out, "1 of 12"), "%s", out);
  cr_assert_null(strstr(out, "Photo: Jo Harper"), "%s", out);
  free(out);
}

Test(chromequal8, a_thread_without_headers_loses_its_later_comments) {
  char *out = run(TOP P1 P2 P3 P4 C1 "Reply\n\n" C2 "Reply Report\n\n"
                  "Third time lucky, I hope the drivers are friendlier than"
                  " the last lot.\n\nReply\n");
  cr_assert(strstr(out, "The authority said"), "%s", out);
  cr_assert_null(strstr(out, "Why only"), "%s", out);
  cr_assert_null(strstr(out, "Third time"), "%s", out);
  free(out);
}

Test(chromequal8, one_reply_button_in_an_article_cuts_nothing) {
  char *out = run(TOP P1 P2 "Reply\n\n" P3 P4 P5);
  cr_assert(strstr(out, "The authority said"), "%s", out);
  cr_assert(strstr(out, "Drivers for the new"), "%s", out);
  free(out);
}

Test(chromequal8, an_interview_of_says_lines_stays) {
  /* "The Mayor says:" opens with a function word: a header only with its
   * comment's buttons */
  char *out = run(TOP P1 P2 P3 "The Mayor says:\n\nWe waited for these buses"
                  " for years and I am glad the authority listened.\n\n"
                  "The Reporter says:\n\nWhat happens if too few people use"
                  " them in the first six months?\n\n" P4 P5);
  cr_assert(strstr(out, "The Reporter says:"), "%s", out);
  cr_assert(strstr(out, "Drivers for the new"), "%s", out);
  free(out);
}

Test(chromequal8, headers_without_a_separator) {
  static const char *const heads[] = {
      "Jo Harper on March 3, 2026 at 5:14 pm",
      "Jo Harper March 3, 2026 at 5:14 pm",
      "Jo Harper - March 3, 2026 at 5:14 pm",
      "Jo Harper commented 3 days ago"};
  for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
    char in[4096];
    snprintf(in, sizeof in, "%s%s%s%s%s%s\n\n%sReply\n", TOP, P1, P2, P3, P4,
             heads[i], C1);
    char *out = run(in);
    cr_assert(strstr(out, "The authority said"), "%s", out);
    cr_assert_null(strstr(out, "Jo Harper"), "%s", out);
    cr_assert_null(strstr(out, "Brilliant"), "%s", out);
    free(out);
  }
}

Test(chromequal8, an_author_box_after_a_short_marker_still_goes) {
  static const char *const marks[] = {"Comments", "O autorovi"};
  for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
    char in[4096];
    snprintf(in, sizeof in, "%s%s%s%s%s%s\n\nJo Harper is a reporter who has"
             " covered transport in the valley since 2019 and lives near the"
             " old depot.\n\nShare this article\n", TOP, P1, P2, P3, P4,
             marks[i]);
    char *out = run(in);
    cr_assert(strstr(out, "The authority said"), "%s", out);
    cr_assert_null(strstr(out, "Jo Harper is"), "%s", out);
    free(out);
  }
}

Test(chromequal8, a_name_over_a_comment_with_its_buttons) {
  char *out = run(TOP P1 P2 P3 P4 "Jo Harper\n\n" C1
                  "Like \xc2\xb7 Reply \xc2\xb7 3d\n\nSam Ortiz\n\n" C2
                  "Like \xc2\xb7 Reply \xc2\xb7 2d\n");
  cr_assert(strstr(out, "The authority said"), "%s", out);
  cr_assert_null(strstr(out, "Jo Harper"), "%s", out);
  cr_assert_null(strstr(out, "Brilliant"), "%s", out);
  free(out);
}

Test(chromequal8, an_embedded_post_with_like_buttons_is_no_comment) {
  /* "Like" and "Share" stand on posts of all kinds: no "Reply", no
   * thread */
  char *out = run(TOP P1 P2 P3 "Valley Transport\n3 hours ago\n\n"
                  "The night buses start on the first Friday of next month,"
                  " tickets are on sale now.\n\nLike Share\n\n" P4 P5);
  cr_assert(strstr(out, "The authority said"), "%s", out);
  cr_assert(strstr(out, "Drivers for the new"), "%s", out);
  free(out);
}
