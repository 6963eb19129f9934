/* test_gluequal_evidence.c - the glue stage's document evidence: names
 * capitalised inside sentences, new names beside them, camel-case words
 * with a lower-case first letter, closed compounds against glued pairs.
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

Test(glue, a_title_case_pair_with_one_name) {
  check(NEWS "Rain fell in the East on Monday. The storm hit the "
             "EastCoast hard.",
        NEWS "Rain fell in the East on Monday. The storm hit the "
             "East Coast hard.\n");
  /* a short head makes brands: "HomeKit" */
  same(NEWS "Lights work with the Home app, and HomeKit runs them.");
}

Test(glue, a_name_capitalised_inside_sentences_then_a_long_word) {
  check(NEWS "The Senate met. Members of the Senate voted, and the "
             "Senatecommittee met again.",
        NEWS "The Senate met. Members of the Senate voted, and the "
             "Senate committee met again.\n");
}

Test(glue, a_camel_case_word_with_a_lower_case_first_letter) {
  check(NEWS "Fans of Apple lined up. The iPhone sold well, and the "
             "AppleiPhone sold out.",
        NEWS "Fans of Apple lined up. The iPhone sold well, and the "
             "Apple iPhone sold out.\n");
  check(NEWS "The iPad is new, and theiPad is thin.",
        NEWS "The iPad is new, and the iPad is thin.\n");
  same(NEWS "The PlayStation and JavaScript and MacBook names are kept.");
}

Test(glue, a_name_beside_a_new_name) {
  check(NEWS "Fans cheered for Connor on Monday. Then ConnorHellebuyck "
             "saved the game.",
        NEWS "Fans cheered for Connor on Monday. Then Connor Hellebuyck "
             "saved the game.\n");
  /* not a head of names, not after a name prefix */
  same(NEWS "The Works team met, and then ZorblaxWorks shipped it.");
  same(NEWS "Fans of Connor came, and the McKinsey report was out.");
}

Test(glue, a_rare_word_written_with_a_case_change) {
  check(NEWS "It is cold in the North. If it were higher it would "
             "beNorth Dakota, one user said.",
        NEWS "It is cold in the North. If it were higher it would "
             "be North Dakota, one user said.\n");
}

Test(glue, two_longer_everyday_words) {
  check(NEWS "The city set a minimumamount for the fund, the mayor said.",
        NEWS "The city set a minimum amount for the fund, the mayor "
             "said.\n");
  /* closed compounds start with a short word, or a prefix word */
  same(NEWS "The team won the worldbuilding prize and the stormwater fund.");
  same(NEWS "The firm was underdelivering on the smartglasses it sold.");
  /* two short words seen alone: a compound more often than glue */
  same(NEWS "The game is fun to play, and the gameplay is smooth.");
}

Test(glue, a_long_capitalised_word_before_a_short_link) {
  check(NEWS "Stadiumin the city was full, the mayor said.",
        NEWS "Stadium in the city was full, the mayor said.\n");
  same(NEWS "Lookin good, the fans said, and Rockin was the word.");
}

Test(glue, a_name_of_the_list_before_a_verb) {
  check(NEWS "Washingtoninvaded the market with new rules, they said.",
        NEWS "Washington invaded the market with new rules, they said.\n");
}

Test(glue, a_few_foreign_function_words_in_an_english_document) {
  check(NEWS "Fans of Gonzalez cheered, and the team was happy.\n\n"
             "Australia beat Colombia behind a win over Alejandro "
             "Gonzalezand Alex de Minaur's victory over Daniel Galan.\n\n"
             "The minister met officials in the capital on Monday.",
        NEWS "Fans of Gonzalez cheered, and the team was happy.\n\n"
             "Australia beat Colombia behind a win over Alejandro "
             "Gonzalez and Alex de Minaur's victory over Daniel Galan.\n\n"
             "The minister met officials in the capital on Monday.\n");
}

Test(glue, a_possessive_before_a_capital) {
  check(NEWS "The club said theirNorth stand was full.",
        NEWS "The club said their North stand was full.\n");
  same(NEWS "The code sets myList and toString in the loop, they said.");
}

Test(glue, an_inflected_word_starting_a_sentence) {
  check(NEWS "Naturallanguage is hard for the machines, the mayor said.",
        NEWS "Natural language is hard for the machines, the mayor said.\n");
}

Test(glue, a_capital_i_after_a_capitalised_function_word) {
  check(NEWS "BecauseI was there, I saw it all.",
        NEWS "Because I was there, I saw it all.\n");
}

Test(glue, a_german_block_in_an_english_document_stays_german) {
  same(NEWS "The minister said the talks were good for the city.\n\n"
            "Die Bundesregierung und der Wirtschaftsminister haben "
            "Handelsabkommen unterzeichnet, Hausmeister Wasserwerk "
            "Rathausplatz.\n\n"
            "The minister met officials in the capital on Monday.");
}

/* A particle makes new words of words that stand alone elsewhere: the
 * word seen alone is no evidence of a glued pair. */
Test(glue, a_particle_compound_of_a_word_seen_alone_stays) {
  same(NEWS "The firm kept delivering parts on time. Analysts said it was "
            "underdelivering on margins and overreacting to costs.");
}
