/* test_lang.c - language evidence from function words.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "lib/lang.h"

#include <criterion/criterion.h>
#include <string.h>

#define GUESS(s) kempt__lang_guess(s, strlen(s))

Test(lang, guesses_from_function_words) {
  cr_assert_eq(GUESS("The talks were held in Riyadh on Monday and the "
                     "minister said that it was a start."),
               KEMPT_LANG_EN);
  cr_assert_eq(GUESS("Le ministre a dit que les discussions sont dans une "
                     "phase difficile, mais il reste optimiste."),
               KEMPT_LANG_FR);
  cr_assert_eq(GUESS("Die Verhandlungen sind nicht einfach, sagte der "
                     "Minister, und sie werden noch dauern."),
               KEMPT_LANG_DE);
  cr_assert_eq(GUESS("\xd0\x9e\xd0\xbd \xd1\x81\xd0\xba\xd0\xb0\xd0\xb7"
                     "\xd0\xb0\xd0\xbb, \xd1\x87\xd1\x82\xd0\xbe \xd1\x8d"
                     "\xd1\x82\xd0\xbe \xd0\xbd\xd0\xb5 \xd1\x82\xd0\xb0"
                     "\xd0\xba \xd0\xb8 \xd0\xb2\xd1\x81\xd0\xb5."),
               KEMPT_LANG_RU);
}

Test(lang, too_little_evidence_is_none) {
  cr_assert_eq(GUESS("Related posts"), KEMPT_LANG_NONE);
  cr_assert_eq(GUESS(""), KEMPT_LANG_NONE);
  cr_assert_eq(GUESS("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae"
                     "\xe6\x96\x87\xe7\xab\xa0"),
               KEMPT_LANG_NONE);
}

Test(lang, stopwords_any_case) {
  cr_assert_neq(kempt__stopword_langs("The", 3), 0);
  cr_assert_neq(kempt__stopword_langs("THE", 3), 0);
  cr_assert_eq(kempt__stopword_langs("Blinken", 7), 0);
  uint32_t de = kempt__stopword_langs("de", 2);
  cr_assert(de & (1u << (KEMPT_LANG_FR - 1)));
  cr_assert(de & (1u << (KEMPT_LANG_ES - 1)));
  cr_assert_str_eq(kempt__lang_code(KEMPT_LANG_PL), "pl");
}

Test(lang, words_are_letter_runs) {
  const char *s = "  l'homme, 3.5 \xc3\xa9t\xc3\xa9!";
  size_t start, len, pos = 0;
  const char *want[] = {"l", "homme", "\xc3\xa9t\xc3\xa9"};
  for (int i = 0; i < 3; i++) {
    cr_assert(kempt__next_word(s + pos, strlen(s) - pos, &start, &len));
    cr_assert_eq(len, strlen(want[i]));
    cr_assert(memcmp(s + pos + start, want[i], len) == 0);
    pos += start + len;
  }
  cr_assert_not(kempt__next_word(s + pos, strlen(s) - pos, &start, &len));
}
