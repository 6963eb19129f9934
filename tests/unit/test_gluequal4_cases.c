/* test_gluequal4_cases.c - the glue stage's splits of glued pairs that
 * need a word of one letter, a choice between two readings, a sentence
 * opener or a closed word, against clean tokens of the same shape.
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

/* The article "A" at a sentence start, then a common word; not a name
 * capitalised inside sentences, nor before a verb. */
Test(glue, the_article_a_at_a_sentence_start) {
  check(NEWS "Asecond meeting was held on Friday.",
        NEWS "A second meeting was held on Friday.\n");
  same(NEWS "The report quoted Aseem, who lives nearby.");
  same(NEWS "Aseem said the plan was good.");
}

/* Two readings that the rules weigh alike: the one of the most common
 * words, when the other has a rarer one; none when both are common. */
Test(glue, the_more_common_of_two_readings) {
  check(NEWS "They visited asmall town in the north.",
        NEWS "They visited a small town in the north.\n");
  check(NEWS "He jumped overthe fence and ran.",
        NEWS "He jumped over the fence and ran.\n");
  check(NEWS "The firm kept itsown office.",
        NEWS "The firm kept its own office.\n");
  same(NEWS "The boat washit by a wave."); /* "was hit", "wash it" */
}

/* Prepositions and adverbs that start sentences, before a common word;
 * not numbers and particles that make names and compounds. */
Test(glue, more_sentence_openers) {
  check(NEWS "Despitelower prices, sales fell.",
        NEWS "Despite lower prices, sales fell.\n");
  check(NEWS "Anextended season is planned.",
        NEWS "An extended season is planned.\n");
  same(NEWS "Tencent rose on Friday.");
  same(NEWS "Undercounter fridges are small.");
  same(NEWS "Anand said the plan was good.");
}

/* A closed word (a modal verb, an adverb) before a function word; a
 * first name of four letters before "in" is no such pair. */
Test(glue, a_closed_word_and_a_function_word) {
  check(NEWS "Prices mightbe higher next year.",
        NEWS "Prices might be higher next year.\n");
  check(NEWS "Nobody knew whetherit would rain.",
        NEWS "Nobody knew whether it would rain.\n");
  same(NEWS "We met justin at the door.");
}

/* An article before a common capitalised word of three letters. */
Test(glue, an_article_and_a_short_capitalised_word) {
  check(NEWS "They sailed across theBay on Friday.",
        NEWS "They sailed across the Bay on Friday.\n");
}

/* A longer preposition before a capitalised word. */
Test(glue, a_preposition_and_a_capitalised_word) {
  check(NEWS "Storms moved acrossNorth Africa.",
        NEWS "Storms moved across North Africa.\n");
}

/* A name of the word list, however rare, before a function word. */
Test(glue, a_rare_name_of_the_list_and_a_function_word) {
  check(NEWS "The guard Westbrookand his team won.",
        NEWS "The guard Westbrook and his team won.\n");
}

/* A common noun before a past form of a verb of speech and the like; not
 * the words that end in one ("bespoke", "afterthought"). */
Test(glue, a_noun_and_a_past_verb) {
  check(NEWS "A spokesmantold reporters that the talks went well.",
        NEWS "A spokesman told reporters that the talks went well.\n");
  same(NEWS "The bespoke suits were an afterthought.");
}

/* A title before a name of the word list. */
Test(glue, a_title_and_a_name) {
  check(NEWS "The talks were led by PresidentDonald Smith.",
        NEWS "The talks were led by President Donald Smith.\n");
}

/* A short word in -ing at a sentence start, then a common word. */
Test(glue, a_short_ing_word_at_a_sentence_start) {
  check(NEWS "Goingupstairs took a while.",
        NEWS "Going upstairs took a while.\n");
}

/* A plural subject at a sentence start, then its verb. */
Test(glue, a_plural_subject_and_its_verb) {
  check(NEWS "Pollsshow a close race.", NEWS "Polls show a close race.\n");
}
