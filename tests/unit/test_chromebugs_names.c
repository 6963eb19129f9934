/* test_chromebugs_names.c - comment headers ("NAME says:") and authors'
 * bios ("NAME is a writer ...") start with a name: a quote's lead-in or a
 * sentence about someone's family is text, and so is what follows it.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chunks.h"
#include "kempt_chrome.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const ONLY[] = {"stages=chrome", NULL};

/* An invented article: enough text before a line for a cut-off. */
static const char BEFORE[] =
    "Ferry service returns to the island after a long winter\n\n"
    "The ferry to the island will run again from Monday, after three "
    "months in which the only way across was a small boat that sailed "
    "twice a week when the weather allowed it.\n\n"
    "The harbour board said the new landing stage had passed its last "
    "inspection on Friday, and that the first crossing would leave the "
    "town quay at seven in the morning.\n\n"
    "Shop owners on the island welcomed the news, saying that the winter "
    "had cost them most of their trade with visitors from the mainland.\n\n";
static const char AFTER[] =
    "Fares will stay the same for the first year, and children under "
    "twelve will travel free on weekends during the summer months.\n";

/* BEFORE, line, AFTER, then tail. */
static char *page_tail(const char *line, const char *tail) {
  size_t n = strlen(BEFORE) + strlen(line) + strlen(AFTER) + strlen(tail) + 4;
  char *in = malloc(n);
  cr_assert_not_null(in);
  snprintf(in, n, "%s%s\n\n%s\n%s", BEFORE, line, AFTER, tail);
  char *out = kempt_run(ONLY, in, strlen(in), WHOLE, 0, 0, NULL);
  free(in);
  return out;
}

static char *page(const char *line) { return page_tail(line, ""); }

/* A header with a number, a handle or a date cuts alone. */
Test(chromebugs_names, comment_headers_still_cut) {
  static const char *const heads[] = {
      "jdoe42 says:",
      "Mike on March 3, 2026 at 5:14 pm said:",
      "Jane Doe on March 3, 2026 at 5:14 pm said:",
      "1. lakeside_reader says:",
      "2. Jane Doe says:",
      "Jane Doe (@janedoe) says:",
  };
  for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
    char *out = page(heads[i]);
    cr_assert(strstr(out, "Shop owners"), "%s", out);
    cr_assert_null(strstr(out, heads[i]), "'%s' stays: %s", heads[i], out);
    cr_assert_null(strstr(out, "Fares will"), "'%s' cuts: %s", heads[i],
                   out);
    free(out);
  }
}

/* A name and the verb alone cut when another header follows. */
Test(chromebugs_names, name_headers_cut_among_others) {
  static const char *const heads[] = {
      "Jane Doe says:",
      "Jan van der Berg wrote:",
      "Sam replied:",
      "bob says:",
      "critics wrote:",
  };
  for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
    char *out = page_tail(heads[i], "\nTom Roe says:\n\nAgreed, about "
                                    "time the island got its ferry back.\n");
    cr_assert(strstr(out, "Shop owners"), "%s", out);
    cr_assert_null(strstr(out, heads[i]), "'%s' stays: %s", heads[i], out);
    cr_assert_null(strstr(out, "Fares will"), "'%s' cuts: %s", heads[i],
                   out);
    cr_assert_null(strstr(out, "Agreed"), "%s", out);
    free(out);
    out = page(heads[i]); /* alone: the article's lead-in to a quote */
    cr_assert(strstr(out, heads[i]), "'%s' goes: %s", heads[i], out);
    cr_assert(strstr(out, "Fares will"), "'%s' cuts: %s", heads[i], out);
    free(out);
  }
}

/* A name and the verb before a quotation lead it in, whatever follows. */
Test(chromebugs_names, name_before_a_quote_is_text) {
  char *out = page_tail("Senator Hale wrote:\n\n\"The ferry is the "
                        "island's only road, and it must never stop "
                        "again.\"",
                        "\nTom Roe says:\n\nAgreed, about time.\n");
  cr_assert(strstr(out, "Senator Hale wrote:"), "%s", out);
  cr_assert(strstr(out, "island's only road"), "%s", out);
  cr_assert(strstr(out, "Fares will"), "%s", out);
  free(out);
  /* and the one left does not count as another header */
  out = page_tail("Senator Hale wrote:\n\n\"The ferry must never stop "
                  "again.\"\n\nGovernor Park said:",
                  "\nThe governor will visit the island in June.\n");
  cr_assert(strstr(out, "Governor Park said:"), "%s", out);
  cr_assert(strstr(out, "Fares will"), "%s", out);
  cr_assert(strstr(out, "visit the island"), "%s", out);
  free(out);
}

Test(chromebugs_names, quote_lead_ins_are_text) {
  static const char *const leads[] = {
      "In a statement, the mayor wrote:",
      "the harbour master wrote:",
      "The Harbour Master said:",
      "She wrote:",
      "Jane Doe, a shop owner, wrote:",
      "His sister wrote:",
      "Nearly 40 per cent said:",
  };
  for (size_t i = 0; i < sizeof leads / sizeof leads[0]; i++) {
    char *out = page(leads[i]);
    cr_assert(strstr(out, leads[i]), "'%s' goes: %s", leads[i], out);
    cr_assert(strstr(out, "Fares will"), "'%s' cuts: %s", leads[i], out);
    free(out);
  }
}

/* The same in other languages (their pages and their verbs). */
Test(chromebugs_names, lead_ins_in_other_languages) {
  static const char fr[] =
      "Le conseil a vot\xc3\xa9 lundi le budget de la ville pour "
      "l'ann\xc3\xa9" "e prochaine, apr\xc3\xa8s un long d\xc3\xa9" "bat "
      "qui a dur\xc3\xa9 toute la soir\xc3\xa9" "e dans la salle.\n\n"
      "Les \xc3\xa9" "coles de la ville vont recevoir plus d'argent, et "
      "les enseignants seront plus nombreux dans les petites classes.\n\n"
      "Les opposants ont dit que le plan repose sur de l'argent qui ne "
      "sera pas l\xc3\xa0 l'an prochain, et que le conseil aurait d\xc3\xbb "
      "attendre.\n\n"
      "Dans un communiqu\xc3\xa9, le maire a \xc3\xa9" "crit :\n\n"
      "Le budget entre en vigueur le premier janvier, et les \xc3\xa9" "coles "
      "vont embaucher de nouveaux enseignants avant la rentr\xc3\xa9" "e.\n";
  char *out = kempt_run(ONLY, fr, strlen(fr), WHOLE, 0, 0, NULL);
  cr_assert(strstr(out, "Dans un communiqu"), "%s", out);
  cr_assert(strstr(out, "Le budget entre"), "%s", out);
  free(out);
  static const char it_before[] =
      "Il consiglio comunale ha approvato marted\xc3\xac il bilancio delle "
      "scuole, dopo un lungo dibattito che \xc3\xa8 durato tutta la sera "
      "nella sala del municipio.\n\n"
      "Le scuole della citt\xc3\xa0 avranno pi\xc3\xb9 soldi, e ci saranno "
      "pi\xc3\xb9 insegnanti nelle classi dei bambini piccoli.\n\n"
      "Gli oppositori hanno detto che il piano si basa su soldi che non ci "
      "saranno il prossimo anno, e che il consiglio doveva aspettare.\n\n"
      "I genitori potranno leggere il bilancio sul sito del comune e "
      "parlarne in una riunione pubblica il mese prossimo.\n\n";
  static const char it_after[] =
      "Il bilancio entra in vigore il primo gennaio, e le scuole "
      "assumeranno nuovi insegnanti prima del prossimo anno.\n";
  char it[2048];
  snprintf(it, sizeof it, "%s%s\n\n%s", it_before,
           "In una nota, il sindaco ha scritto:", it_after);
  out = kempt_run(ONLY, it, strlen(it), WHOLE, 0, 0, NULL);
  cr_assert(strstr(out, "In una nota"), "%s", out);
  cr_assert(strstr(out, "Il bilancio entra"), "%s", out);
  free(out);
  /* and a header with a name and the two words of the verb still cuts */
  snprintf(it, sizeof it, "%s%s\n\n%s\n%s", it_before,
           "Mario Rossi ha scritto:", it_after,
           "Luca Bianchi ha scritto:\n\nFinalmente!\n");
  out = kempt_run(ONLY, it, strlen(it), WHOLE, 0, 0, NULL);
  cr_assert_null(strstr(out, "Mario Rossi"), "%s", out);
  cr_assert_null(strstr(out, "Il bilancio entra"), "%s", out);
  free(out);
}

Test(chromebugs_names, bios_start_with_a_name) {
  static const char *const bios[] = {
      "Jane Doe is a staff writer at the Island Courier, where she covers "
      "the harbour and the ferries.",
      "Jane Doe (@janedoe) is a reporter for the Island Courier.",
      "Mira is a freelance photographer based on the island.",
      "The author is a journalist who lives on the island.",
  };
  for (size_t i = 0; i < sizeof bios / sizeof bios[0]; i++) {
    char in[2048]; /* after the article, or before a link */
    snprintf(in, sizeof in, "%s%s\n\n%s\n", BEFORE, AFTER, bios[i]);
    char *out = kempt_run(ONLY, in, strlen(in), WHOLE, 0, 0, NULL);
    cr_assert_null(strstr(out, bios[i]), "'%s' stays: %s", bios[i], out);
    cr_assert(strstr(out, "Fares will"), "%s", out);
    free(out);
    snprintf(in, sizeof in, "%s%s\n\n%s\n\nMore from the Island Courier\n",
             BEFORE, AFTER, bios[i]);
    out = kempt_run(ONLY, in, strlen(in), WHOLE, 0, 0, NULL);
    cr_assert_null(strstr(out, bios[i]), "'%s' stays: %s", bios[i], out);
    free(out);
  }
  static const char *const prose[] = {
      "His father is a journalist and his mother a teacher.",
      "Her sister is a photographer too.",
      "The mayor is a former reporter.",
      "He is a writer.",
      "My brother Tom is an editor at a small paper.",
      /* a name, but between two paragraphs of the article */
      "Tom Lopez is a photographer and her older brother.",
  };
  for (size_t i = 0; i < sizeof prose / sizeof prose[0]; i++) {
    char *out = page(prose[i]);
    cr_assert(strstr(out, prose[i]), "'%s' goes: %s", prose[i], out);
    cr_assert(strstr(out, "Fares will"), "after '%s': %s", prose[i], out);
    free(out);
  }
}
