/* test_chromebugs_lang.c - Turkish prose is known by its frequent function
 * words, and Romanian written with cedillas ("şi", "ţi") as well as with
 * commas below ("și", "ți").
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "lib/lang.h"

#include <criterion/criterion.h>
#include <string.h>

#define GUESS(s) kempt__lang_guess(s, strlen(s))
#define RO (1u << (KEMPT_LANG_RO - 1))
#define TR (1u << (KEMPT_LANG_TR - 1))
#define LANGS(s) kempt__stopword_langs(s, strlen(s))

Test(chromebugs_lang, romanian_cedilla_and_comma_below) {
  cr_assert_eq(LANGS("\xc8\x99i"), RO, "si, comma below");
  cr_assert_eq(LANGS("\xc5\x9fi"), RO, "si, cedilla");
  cr_assert_eq(LANGS("\xc5\xa3i"), RO, "ti, cedilla");
  cr_assert_eq(LANGS("\xc8\x9bi"), RO, "ti, comma below");
  /* the same sentence in either spelling */
  cr_assert_eq(GUESS("Primarul \xc8\x99i consilierii au votat luni, "
                     "de\xc8\x99i drumurile \xc8\x99i podurile r\xc4\x83"
                     "m\xc3\xa2n \xc3\xaenchise."),
               KEMPT_LANG_RO);
  cr_assert_eq(GUESS("Primarul \xc5\x9fi consilierii au votat luni, "
                     "de\xc5\x9fi drumurile \xc5\x9fi podurile r\xc4\x83"
                     "m\xc3\xa2n \xc3\xaenchise."),
               KEMPT_LANG_RO);
}

Test(chromebugs_lang, turkish_function_words) {
  static const char *const words[] = {
      "\xc3\xb6nce", "fakat", "veya", "hem", "hi\xc3\xa7", "\xc5\x9f" "ey",
      "nas\xc4\xb1l", "neden", "bunu", "bunun", "onun", "\xc5\x9fimdi",
      "art\xc4\xb1k", "yani"};
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
    cr_assert_eq(LANGS(words[i]), TR, "%s", words[i]);
  /* "Why are the parks being built now? So how was the money found?" */
  cr_assert_eq(GUESS("Peki parklar neden \xc5\x9fimdi yap\xc4\xb1l\xc4\xb1"
                     "yor? Yani b\xc3\xbc" "t\xc3\xa7" "e nas\xc4\xb1l bulundu?"),
               KEMPT_LANG_TR);
}
