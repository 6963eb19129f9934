/* test_gluequal5_cases.c - the glue stage's splits of glued pairs found
 * by gluequal5's evidence rules, each against clean tokens of the same
 * shape that must stay whole.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chunks.h"
#include "glue_cases.h"
#include "kempt_glue.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A lower-case word and a camel-case word that the document has on its
 * own, without the spaced pair: after a function word that identifiers
 * do not start with, or after a longer everyday word. */
Test(glue, a_word_before_a_camel_case_word_of_the_document) {
  check(NEWS "The FlexDock went on sale. Critics praised theFlexDock and "
             "its price.",
        NEWS "The FlexDock went on sale. Critics praised the FlexDock and "
             "its price.\n");
  check(NEWS "The FlexDock went on sale. Buyers of theirFlexDock were "
             "happy.",
        NEWS "The FlexDock went on sale. Buyers of their FlexDock were "
             "happy.\n");
  check(NEWS "The FlexDock went on sale. The officialFlexDock case costs "
             "more.",
        NEWS "The FlexDock went on sale. The official FlexDock case costs "
             "more.\n");
  /* the camel-case word nowhere alone: no evidence */
  same(NEWS "Critics praised theFlexDock and its price.");
  /* words that start identifiers */
  same(NEWS "The FlexDock went on sale. The app calls newFlexDock to "
            "start.");
  same(NEWS "The FlexDock went on sale. Code calls myFlexDock first.");
  same(NEWS "The FlexDock went on sale. The app calls getFlexDock to "
            "start.");
}

/* An everyday word, then a preposition or conjunction that ends no closed
 * compounds; not the particles that do ("playthrough"). */
Test(glue, a_word_before_a_preposition) {
  check(NEWS "The firmbehind the plan was sold.",
        NEWS "The firm behind the plan was sold.\n");
  check(NEWS "He stayed busyinstead of resting.",
        NEWS "He stayed busy instead of resting.\n");
  same(NEWS "The game has a playthrough mode.");
}

/* Two everyday words, neither seen alone, that no closed compound makes:
 * the first of five letters before one of eight or more that is no
 * gerund, or a longer first word before one of seven or more; closed
 * compounds have short parts ("gameplay"), a particle first
 * ("underperforming") or a gerund last ("worldbuilding"). */
Test(glue, two_long_everyday_words) {
  check(NEWS "He had hearttroubles for years.",
        NEWS "He had heart troubles for years.\n");
  check(NEWS "Departmentresponded to the letter on Friday.",
        NEWS "Department responded to the letter on Friday.\n");
  same(NEWS "The fans wanted better gameplay on launch.");
  same(NEWS "The fund was underperforming again.");
  same(NEWS "The show was praised for its worldbuilding.");
  same(NEWS "She tried the smartglasses at the fair.");
  same(NEWS "Undercounter fridges are small.");
  /* both parts of seven letters or more: words of level 35 too */
  check(NEWS "Neighborhoodsurveillance grew after the thefts.",
        NEWS "Neighborhood surveillance grew after the thefts.\n");
  same(NEWS "They saw the counterterrorism unit.");
}

/* Two readings that score alike: the one of the most common words when
 * the other has a word of the next level (20: "theirs", "lightly"); none
 * when both are of the most common ("was|hit", "wash|it"). */
Test(glue, the_most_common_of_two_readings) {
  check(NEWS "They improved theirskills at the camp.",
        NEWS "They improved their skills at the camp.\n");
  check(NEWS "He moved itslightly to the left.",
        NEWS "He moved it slightly to the left.\n");
  same(NEWS "The boat washit by a wave.");
}

/* Two title-case everyday words of seven letters or more, neither a name
 * of the document; not the shorter heads of brands, nor an agent noun
 * (the head of names of code). */
Test(glue, two_long_title_case_words) {
  check(NEWS "The IntelligenceCommittee met on Friday.",
        NEWS "The Intelligence Committee met on Friday.\n");
  same(NEWS "The SmartThermostat was sold out.");
  same(NEWS "The ResourceManager class was slow.");
}

/* Three letters are never split (the issue: no token shorter than four
 * letters), even where two function words spell them. */
Test(glue, three_letters_stay_whole) {
  same(NEWS "It was part ofa plan to cut costs.");
  same(NEWS "The court was hit bya wave of cases.");
  same(NEWS "She spoke asa friend of the family.");
  same(NEWS "Asa said the plan was good.");
  same(NEWS "He said mea culpa and left.");
}

/* One of the most common words of three letters, then a function word of
 * three, without the first seen alone; words of that shape are in the
 * list. */
Test(glue, a_short_common_word_and_a_function_word) {
  check(NEWS "The fund will topthe list this year.",
        NEWS "The fund will top the list this year.\n");
  check(NEWS "They like to sitand wait for news.",
        NEWS "They like to sit and wait for news.\n");
  same(NEWS "She joined the webcam chat.");
  same(NEWS "The ship reached the ashore point.");
}

/* "by" makes no new closed compounds: before an everyday word it is
 * glue; its own compounds are in the list, and names keep it. */
Test(glue, by_before_an_everyday_word) {
  check(NEWS "They grew byproviding cheap loans.",
        NEWS "They grew by providing cheap loans.\n");
  same(NEWS "The bytecode was checked twice.");
  same(NEWS "They met at Bywater on Sunday.");
}

/* "and", "the", "at" or "in", then a new title-case name that neither the
 * lists nor the document know; not the function words that start names
 * of code before a new word. */
Test(glue, a_function_word_before_a_new_name) {
  check(NEWS "They met atChaoyang hospital on Friday.",
        NEWS "They met at Chaoyang hospital on Friday.\n");
  check(NEWS "The fund andBloomberg said so.",
        NEWS "The fund and Bloomberg said so.\n");
  same(NEWS "The app calls fromJson first.");
  same(NEWS "The code uses ofNullable here.");
}
