/* test_cleanlang_glue.c - clean English tokens that the glue stage must
 * leave whole (cleanlang): identifiers whose tail is a name of the word
 * list, and brands of initials and a name that the document also has
 * alone.
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

/* A short lower-case word that is no function word, then a name that only
 * the word list knows: the two halves of an identifier. */
Test(glue, identifiers_ending_in_a_name_of_the_list) {
  same("When the input is exactly 4096 bytes long, bufferSize equals "
       "maxLen and the loop exits one byte early.");
  same(NEWS "The value of minLen is set here.");
  same(NEWS "The value of errMsg is set here.");
  same(NEWS "The value of maxVal is set here.");
  same(NEWS "The value of getAlex is set here.");
  /* a name of the document is evidence enough */
  check(NEWS "Alex Jones spoke first. Then the crowd heard fromAlex again.",
        NEWS "Alex Jones spoke first. Then the crowd heard from Alex "
             "again.\n");
}

/* Initials and a name that the document has alone: split only when the
 * initials stand alone there too. */
Test(glue, initials_and_a_name_of_the_document) {
  same("Elon Musk said the company expects to make 250,000 a year by 2025, "
       "though analysts at JPMorgan and Morgan Stanley were skeptical.");
  same(NEWS "Analysts at JPMorgan said so, and Morgan agreed.");
  check(NEWS "The CB position is open. Denzel Ward plays it, and CBDenzel "
             "Ward starts.",
        NEWS "The CB position is open. Denzel Ward plays it, and CB Denzel "
             "Ward starts.\n");
}

/* A word of the list with an ending that the list lacks in this form is a
 * word, no glued pair; not a rarer stem ("whole|d" is "who led"). */
Test(glue, inflections_of_words_of_the_list) {
  same(NEWS "The compiler inlined the call, and inlining it saved time.");
  same(NEWS "Trailing whitespaces were removed from the file.");
  same(NEWS "Inlining is done at the end.");
}

/* The most common names of the list (days, months) still split after a
 * short word. */
Test(glue, a_short_word_before_a_common_name_of_the_list) {
  check(NEWS "The vote was setMonday for the bill.",
        NEWS "The vote was set Monday for the bill.\n");
}

/* An everyday word before capitals is a name of its own only when the
 * document capitalises it wherever it stands alone. */
Test(glue, an_everyday_word_before_capitals) {
  same(NEWS "The Free Software Foundation says free software runs on "
            "FreeBSD, and BSD is old.");
  check(NEWS "Samsung makes a TV for the home. The SamsungTV is big.",
        NEWS "Samsung makes a TV for the home. The Samsung TV is big.\n");
}

/* Capitals whose last one starts a common word with the lower case after
 * it: a prefix and a word, not capitals and a word. */
Test(glue, a_prefix_of_capitals_and_a_word) {
  same(NEWS "The tests use JUnit, the editor is CLion, and the linter is "
            "ESLint.");
  same(NEWS "The call XPending returns the count of XEvents in the queue.");
  check(NEWS "NASA will fly. Later NASAhas said it will fly again.",
        NEWS "NASA will fly. Later NASA has said it will fly again.\n");
}

/* A camel-case part that ends in its capital is an everyday word whose
 * last letter starts the next word. */
Test(glue, a_camel_case_part_ending_in_its_capital) {
  same(NEWS "The values are read from valueStart to the end.");
  check(NEWS "SpaceX flew. Then SpaceXand NASA met.",
        NEWS "SpaceX flew. Then SpaceX and NASA met.\n");
}

/* English writes "an" only before a vowel's sound: a name that starts
 * with "An" and a consonant stays whole; capitals may sound as a vowel. */
Test(glue, an_before_a_consonant) {
  same(NEWS "He wrote to Andries Brouwer about it, and James Antill "
            "replied.");
  same(NEWS "It is annecessary step, and anway it helps.");
}
