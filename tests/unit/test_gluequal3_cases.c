/* test_gluequal3_cases.c - the glue stage's decisions on tokens that are
 * words (closed compounds, brands, names, identifiers) against glued
 * pairs of the same shape.
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

/* Two short content words, neither inflected, with no spaced pair in the
 * document: a closed compound that the list lacks, not glue. */
Test(glue, a_closed_compound_of_two_short_words) {
  same(NEWS "A small group of traders said that midcaps and smallcaps "
            "fell.");
  same(NEWS "The video was long, and the videogame sold well.");
  same(NEWS "The photo ran in print, and a photoshoot followed.");
  /* a longer word on one side is glue as before */
  check(NEWS "The human cost was high, and the humansafety rules stayed.",
        NEWS "The human cost was high, and the human safety rules "
             "stayed.\n");
}

/* No sentence starts after a function word, and words that start
 * camel-case identifiers ("for", "if") take no opener after them. */
Test(glue, an_opener_after_a_function_word) {
  same(NEWS "Call the forEach method of the list to visit each item.");
  check(NEWS "The story was written byThe staff of the paper.",
        NEWS "The story was written by The staff of the paper.\n");
  check(NEWS "They met at the summitThe talks went on.",
        NEWS "They met at the summit The talks went on.\n");
}

/* A verb and an adverb particle: glue when the verb makes no closed
 * compound with a particle in the list; a verb that makes some
 * ("walkout") makes new ones ("walkthrough"). */
Test(glue, a_verb_and_a_particle) {
  check(NEWS "The army had to fendoff the attack at dawn.",
        NEWS "The army had to fend off the attack at dawn.\n");
  same(NEWS "Read the full walkthrough of the game before you play.");
  check(NEWS "The crowd heldup the line for an hour.",
        NEWS "The crowd held up the line for an hour.\n");
}

/* A proper name of the list and a longer common word: "Sundaynight";
 * not a name with a short head ("Lucasfilm"). */
Test(glue, a_name_of_the_list_then_a_common_word) {
  check(NEWS "It was Sundaynight when the talks ended.",
        NEWS "It was Sunday night when the talks ended.\n");
  same(NEWS "The studio Lucasfilm made the new series.");
}

/* Surnames that end in a function word that ends names too ("her"), or
 * in a short word that is neither among the most common nor seen alone
 * in the document, after a shorter name of the document. */
Test(glue, names_with_word_endings) {
  same(NEWS "Keith Bradsher wrote the report from the city.");
  same(NEWS "The team should sign Kapernick now, said a fan of Kaper on "
            "the radio.");
  /* a name of the document, then a common verb */
  check(NEWS "Reporters asked Taylor about it. Taylortold them no.",
        NEWS "Reporters asked Taylor about it. Taylor told them no.\n");
}

/* A common word capitalised as part of a name of the document, then a
 * rarer plural seen nowhere alone: a name ("Blackhawks"); a name that
 * is no common word keeps the plural after it ("Appleviews"). */
Test(glue, a_common_word_that_is_a_name_then_a_plural) {
  same(NEWS "Shops opened for Black Friday, and the Black Friday sales "
            "ran. The Blackhawks lost the game.");
  check(NEWS "Investors watched Zorvex closely. Zorvexfinds new buyers.",
        NEWS "Investors watched Zorvex closely. Zorvex finds new buyers.\n");
}

/* Two unknown parts, one a syllable, seen alone only in the spaced pair:
 * two spellings of one name; longer unknown parts are a glued name. */
Test(glue, a_spaced_pair_of_syllables_is_another_spelling) {
  same(NEWS "Follow us on Tik Tok for clips.\n\nHow TikTok changed the "
            "music charts.");
  check(NEWS "The singer Funke Adedoyin spoke first. Then FunkeAdedoyin "
             "sang.",
        NEWS "The singer Funke Adedoyin spoke first. Then Funke Adedoyin "
             "sang.\n");
}

/* A short rarer word, then a function word that also ends names: a
 * place or family name written in lower case ("whitby"); a longer word
 * before it is glue ("gigawattsby"). */
Test(glue, a_short_rare_word_then_a_name_ending) {
  same(NEWS "Tags: fossil, sea creature, whitby");
  check(NEWS "Capacity grew by ten gigawatts, then gigawattsby the end.",
        NEWS "Capacity grew by ten gigawatts, then gigawatts by the end.\n");
}

/* A three-letter word that stands alone in the document and a
 * three-letter function word: "dayshe" is "day she", not "days he". */
Test(glue, a_short_word_and_a_short_function_word) {
  check(NEWS "She said it was a long day. The next dayshe left.",
        NEWS "She said it was a long day. The next day she left.\n");
}

/* A capitalised six-letter common word and a two-letter link: "Health
 * at" competes with "Heal that", and the token is not split at the
 * wrong place; not before "in" (a clipped -ing: "Travelin"). */
Test(glue, a_six_letter_word_and_a_link) {
  same(NEWS "Officials said that Healthat the state level was poor.");
  check(NEWS "The Marketat noon was busy.",
        NEWS "The Market at noon was busy.\n");
  same(NEWS "The band played Travelin on the radio.");
}

/* "I" and a short function word or a verb that follows its subject. */
Test(glue, i_and_a_short_verb) {
  check(NEWS "Then Iwas there, and Igot the call.",
        NEWS "Then I was there, and I got the call.\n");
  same(NEWS "Prices rose in Iran and Iowa this week.");
}
