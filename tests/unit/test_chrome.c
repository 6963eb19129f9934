/* test_chrome.c - the chrome stage.
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
static const char *const MARK[] = {"stages=chrome", "keep-chrome=mark", NULL};

/* An invented article page: title, byline, paragraphs, chrome. */
static const char PAGE[] =
    "  \xe2\x80\xa2 Home\n  \xe2\x80\xa2 World\n  \xe2\x80\xa2 Sport\n\n"
    "Skip to main content\n\n"
    "Council agrees to keep the night bus running through the winter\n\n"
    "By Ada Lindqvist\nJanuary 14, 2025 at 7:02 pm\n\n"
    "Share on Facebook\n\n"
    "The city council agreed on Monday to keep the night bus running "
    "through the winter months, after a petition signed by more than four "
    "thousand residents asked it to reverse last year's cuts.\n\n"
    "ADVERTISEMENT\n\n"
    "The service will run every forty minutes between midnight and five in "
    "the morning, and the council says it will review the numbers of "
    "passengers again in the spring before it decides on the summer.\n\n"
    "What changes\n\n"
    "Drivers welcomed the decision, although their union said that the "
    "timetable was tighter than the one the buses kept before the cuts.\n\n"
    "Related posts\n\n"
    "Harbour bridge closed for repairs\nNew library opens in the old mill\n\n"
    "Leave a Reply\n\n"
    "Sam says:\nThat is great news for people who work late shifts in the "
    "hospital and the bakeries of the old town.\n\n"
    "Copyright \xc2\xa9 2025 The Daily Example. All rights reserved.\n";

static char *run(const char *const *opts, const char *in) {
  return kempt_run(opts, in, strlen(in), WHOLE, 0, 0, NULL);
}

Test(chrome, article_kept_chrome_dropped) {
  char *out = run(ONLY, PAGE);
  cr_assert(strstr(out, "The city council agreed on Monday") == out +
            strlen("Council agrees to keep the night bus running through "
                   "the winter\n\n"), "title first, then the body: %s", out);
  cr_assert(strstr(out, "The service will run every forty minutes"));
  cr_assert(strstr(out, "What changes\n"), "a sub-heading stays");
  cr_assert(strstr(out, "Drivers welcomed the decision"));
  static const char *const gone[] = {
      "Home", "Skip to", "By Ada", "January 14", "Share on", "ADVERTISEMENT",
      "Related posts", "Harbour bridge", "New library", "Leave a Reply",
      "Sam says", "late shifts", "Copyright"};
  for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++)
    cr_assert_null(strstr(out, gone[i]), "'%s' should be gone: %s", gone[i],
                   out);
  free(out);
}

Test(chrome, mark_names_the_rule) {
  char *out = run(MARK, PAGE);
  cr_assert(strstr(out, "[kempt:removed line advertisement (en)] "
                        "ADVERTISEMENT"), "%s", out);
  cr_assert(strstr(out, "[kempt:removed list related posts (en)] Related"));
  cr_assert(strstr(out, "[kempt:removed list item after a list marker] "
                        "Harbour bridge"));
  cr_assert(strstr(out, "[kempt:removed byline] By Ada"));
  cr_assert(strstr(out, "[kempt:removed date line] January 14"));
  free(out);
}

/* Each ad label after a sentence of its own language. */
Test(chrome, phrases_in_other_languages) {
  static const char *const pages[][2] = {
      {"Le conseil a vot\xc3\xa9 lundi le budget de la ville pour "
       "l'ann\xc3\xa9" "e prochaine et il est content.",
       "Publicit\xc3\xa9"},
      {"Der Rat hat am Montag den Haushalt der Stadt f\xc3\xbcr das "
       "kommende Jahr beschlossen, und er ist zufrieden.", "Anzeige"},
      {"Der Rat hat am Montag den Haushalt der Stadt f\xc3\xbcr das "
       "kommende Jahr beschlossen, und er ist zufrieden.", "Werbung"},
      {"Il consiglio ha approvato luned\xc3\xac il bilancio della "
       "citt\xc3\xa0 per il prossimo anno, ed \xc3\xa8 contento.",
       "PUBBLICIT\xc3\x80"},
      {"El consejo aprob\xc3\xb3 el lunes el presupuesto de la ciudad "
       "para el a\xc3\xb1o que viene, y est\xc3\xa1 contento.",
       "Publicidad"}};
  for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
    char in[512];
    snprintf(in, sizeof in, "%s\n\n%s\n", pages[i][0], pages[i][1]);
    char *out = run(ONLY, in);
    cr_assert_null(strstr(out, pages[i][1]), "%s kept: %s", pages[i][1],
                   out);
    cr_assert(strncmp(out, pages[i][0], 10) == 0);
    free(out);
  }
}

/* An ad's label alone between paragraphs of its own language, over
 * three paragraphs more (where a one-word heading would stay): it goes,
 * whatever word the language has for it. */
Test(chrome, ad_label_is_no_heading) {
  static const char *const pages[][5] = {
      {"Advert", "The council met on Monday to agree the budget for the "
       "coming year.",
       "Most of the money will go to the schools and to the roads.",
       "Some members wanted more for the libraries, but they lost the vote.",
       "The budget will be published in full at the end of the month."},
      {"Anuncio", "El consejo se reuni\xc3\xb3 el lunes para aprobar el "
       "presupuesto del a\xc3\xb1o que viene.",
       "La mayor parte del dinero ir\xc3\xa1 a las escuelas y a las "
       "carreteras.",
       "Algunos concejales quer\xc3\xad" "an m\xc3\xa1s para las "
       "bibliotecas, pero perdieron la votaci\xc3\xb3n.",
       "El presupuesto se publicar\xc3\xa1 entero a finales de mes."},
      {"An\xc3\xbancio", "O conselho reuniu-se na segunda-feira para "
       "aprovar o or\xc3\xa7" "amento do pr\xc3\xb3ximo ano.",
       "A maior parte do dinheiro vai para as escolas e para as estradas.",
       "Alguns vereadores queriam mais para as bibliotecas, mas perderam "
       "a vota\xc3\xa7\xc3\xa3o.",
       "O or\xc3\xa7" "amento ser\xc3\xa1 publicado no fim do m\xc3\xaas."},
      {"Annonse", "Bystyret m\xc3\xb8ttes mandag for \xc3\xa5 vedta "
       "budsjettet for neste \xc3\xa5r.",
       "Det meste av pengene g\xc3\xa5r til skolene og til veiene.",
       "Noen av medlemmene ville gi mer til bibliotekene, men de tapte "
       "avstemningen.",
       "Budsjettet blir lagt fram i sin helhet i slutten av m\xc3\xa5neden."},
      {"Gesponsert", "Der Rat hat sich am Montag getroffen, um den "
       "Haushalt f\xc3\xbcr das kommende Jahr zu beschlie\xc3\x9f" "en.",
       "Der gr\xc3\xb6\xc3\x9fte Teil des Geldes geht an die Schulen und "
       "an die Stra\xc3\x9f" "en.",
       "Einige Mitglieder wollten mehr f\xc3\xbcr die Bibliotheken, aber "
       "sie verloren die Abstimmung.",
       "Der Haushalt wird Ende des Monats vollst\xc3\xa4ndig "
       "ver\xc3\xb6" "ffentlicht."}};
  for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
    char in[1024];
    snprintf(in, sizeof in, "%s\n\n%s\n\n%s\n\n%s\n\n%s\n", pages[i][1],
             pages[i][0], pages[i][2], pages[i][3], pages[i][4]);
    char *out = run(ONLY, in);
    cr_assert_null(strstr(out, pages[i][0]), "%s kept: %s", pages[i][0],
                   out);
    cr_assert(strstr(out, pages[i][2]), "%s", out);
    free(out);
  }
}

/* A live report whose entries open with their date over a headline
 * and a sentence is no list of dated teasers (a site's search results:
 * headline, date, summary): its entries are not all dropped. */
Test(chrome, live_entries_are_no_dated_teasers) {
  static const char page[] =
      "Home   News   Sport   Culture\n\n"
      "Storm live: ferries cancelled as winds reach 120 km/h\n\n"
      "12 March 2026, 14:52\nLast ferry cancelled\n"
      "The last ferry of the day has been cancelled, the operator says.\n\n"
      "12 March 2026, 14:30\nCoast road closed\n"
      "Police have closed the coast road between the harbour and the "
      "lighthouse.\n\n"
      "12 March 2026, 14:05\nPower cuts in the valley\n"
      "More than 3,000 homes in the valley are without power.\n\n"
      "12 March 2026, 13:40\nRed warning for the coast\n"
      "The weather service has raised its warning for the coast to red.\n\n"
      "\xc2\xa9 2026 Coast News\n";
  char *out = run(ONLY, page);
  cr_assert(strstr(out, "Police have closed the coast road"), "%s", out);
  free(out);
}

Test(chrome, lire_aussi_prefix) {
  char *out = run(ONLY, "Le maire a pr\xc3\xa9sent\xc3\xa9 le projet aux "
                        "habitants du quartier mardi soir.\n\n"
                        "Lire aussi : Les travaux commencent en juin\n");
  cr_assert_null(strstr(out, "Lire aussi"), "%s", out);
  free(out);
}

Test(chrome, clean_text_passes_unchanged) {
  static const char clean[] =
      "A short note\n\n"
      "The committee met on Thursday and agreed to publish its report "
      "before the end of the month, once the last figures are in.\n\n"
      "Members said the delay was caused by the late survey results.\n\n"
      "Ingredients\n2 cups flour\n1 egg\n\n"
      "Mix them and bake the dough for twenty minutes in a hot oven.\n";
  char *out = run(ONLY, clean);
  cr_assert_str_eq(out, clean);
  free(out);
}

Test(chrome, rules_file_adds_rules) {
  static const char in[] =
      "The museum will open its new wing to visitors on Saturday, after "
      "four years of building work and a long fight over the cost.\n\n"
      "Brought to you by Acme\n";
  const char *const opts[] = {"stages=chrome",
                              "rules=# mine\nline brought to you by acme\n",
                              NULL};
  char *out = run(opts, in);
  cr_assert_null(strstr(out, "Acme"), "%s", out);
  free(out);
  out = run(ONLY, in);
  cr_assert(strstr(out, "Acme"), "not a built-in rule: %s", out);
  free(out);
}

Test(chrome, comments_without_marker_after_says) {
  static const char in[] =
      "The new bridge was opened by the mayor on Friday morning, two years "
      "after the old one was closed because of cracks in its pillars.\n\n"
      "Traffic is expected to return to normal within a week, the city "
      "said in a statement published on its website on Friday.\n\n"
      "Engineers will keep watching the pillars of the new bridge with "
      "sensors that send their readings to the city every hour.\n\n"
      "The old bridge will be taken down in the summer, and its stones "
      "will be used to build a new wall along the river path.\n\n"
      "1. riverfan says:\nFinally, I have been driving around the lake for "
      "two years and it added half an hour to every trip I made.\n";
  /* a cut-off needs enough article before it: add a paragraph */
  char *out = run(ONLY, in);
  cr_assert_null(strstr(out, "riverfan"), "%s", out);
  cr_assert_null(strstr(out, "Finally"), "%s", out);
  cr_assert(strstr(out, "Traffic is expected"));
  free(out);
}

Test(chrome, chunking_invariant) {
  char *out = assert_chunking_invariant(ONLY, PAGE, strlen(PAGE));
  cr_assert(valid_utf8(out, strlen(out)));
  free(out);
}

Test(chrome, stage_alone_matches_pipeline) {
  char *a = run(ONLY, PAGE);
  size_t n;
  char *b = stage_run("chrome", NULL, PAGE, strlen(PAGE), 7, &n);
  cr_assert_eq(n + 1, strlen(a), "the framing adds the final newline");
  cr_assert(strncmp(a, b, n) == 0, "%s\n---\n%s", a, b);
  free(a);
  free(b);
}

/* Past the window cap (20,000 lines) the rules still hold. */
Test(chrome, windows_keep_the_rules) {
  size_t lines = 25000, cap = lines * 80 + 80, len = 0;
  char *in = malloc(cap);
  cr_assert_not_null(in);
  for (size_t i = 0; i < lines; i++) {
    const char *l = i % 1000 == 999
                        ? "ADVERTISEMENT\n\n"
                        : "The river rose again during the night and the "
                          "roads were closed.\n\n";
    size_t k = strlen(l);
    memcpy(in + len, l, k);
    len += k;
  }
  in[len] = '\0';
  size_t n;
  char *out = kempt_run(ONLY, in, len, FIXED, 65536, 0, &n);
  cr_assert_null(strstr(out, "ADVERTISEMENT"));
  cr_assert(n > (len * 9) / 10, "the text stays: %zu of %zu", n, len);
  free(out);
  free(in);
}

/* Short lines keep their words for the phrase rules up to a bound per
 * window; past it they are read again: both ways find the same rules. */
Test(chrome, many_short_lines_past_the_word_store) {
  size_t lines = 25000, cap = lines * 96 + 96, len = 0, ads = 0;
  char *in = malloc(cap);
  cr_assert_not_null(in);
  for (size_t i = 0; i < lines; i++) {
    const char *l = i % 500 == 499
                        ? "ADVERTISEMENT\n\n"
                        : "The river rose again during the night and the "
                          "roads were closed to all cars.\n\n";
    ads += i % 500 == 499;
    size_t k = strlen(l);
    memcpy(in + len, l, k);
    len += k;
  }
  in[len] = '\0';
  char *out = kempt_run(MARK, in, len, WHOLE, 0, 0, NULL);
  size_t found = 0;
  for (const char *q = out;
       (q = strstr(q, "[kempt:removed line advertisement (en)] "
                      "ADVERTISEMENT\n")) != NULL;
       q++)
    found++;
  cr_assert_eq(found, ads, "%zu of %zu ads marked", found, ads);
  free(out);
  free(in);
}

Test(chrome, empty_and_tiny_documents) {
  char *out = run(ONLY, "");
  cr_assert_str_eq(out, "");
  free(out);
  out = run(ONLY, "Hello.");
  cr_assert_str_eq(out, "Hello.\n");
  free(out);
}

/* ---- the classifier's harder cases ---------------------------------- */

static const char ARTICLE[] =
    "The regional council approved a new plan on Thursday to restore the "
    "wetlands along the lower river, where farmland has been flooded "
    "three winters in a row.\n\n"
    "Under the plan, the council will buy back some of the lowest fields "
    "and let them flood in winter, which engineers say will protect the "
    "villages further downstream from the worst of the water.\n\n"
    "Farmers who sell their land will be offered grazing rights on the "
    "restored meadows in summer, and the council has promised to pay for "
    "new fences and gates along the river path.\n\n";

Test(chrome, teaser_list_after_the_article) {
  char in[4096];
  snprintf(in, sizeof in, "%s%s%s",
           "Home\n\nNews\n\nSport\n\nSkip to content\n\n", ARTICLE,
           "Share on Facebook\n\nEmail\n\n"
           "Bridge repairs delayed again\n\n"
           "The work will not start before the autumn, the city said.\n\n"
           "School choir wins national prize\n\n"
           "Forty children sang at the final in the capital on Sunday.\n\n"
           "New bakery opens on the market square\n\n"
           "It is the first to open in the old town for ten years.\n");
  char *out = run(ONLY, in);
  cr_assert(strstr(out, "Farmers who sell their land"), "%s", out);
  cr_assert_null(strstr(out, "Bridge repairs"), "%s", out);
  cr_assert_null(strstr(out, "Forty children"), "%s", out);
  free(out);
}

Test(chrome, caption_found_twice_goes) {
  char in[4096];
  static const char cap[] =
      "A heron stands in a flooded field near the river on a cold morning "
      "in January.\n\n";
  snprintf(in, sizeof in, "%s%s%s%s", cap, cap, ARTICLE,
           "Cattle graze on the river meadow (Photo: Jane Doe/Getty)\n");
  char *out = run(ONLY, in);
  cr_assert_null(strstr(out, "A heron"), "%s", out);
  cr_assert_null(strstr(out, "Cattle graze"), "%s", out);
  cr_assert(strstr(out, "The regional council"), "%s", out);
  free(out);
}

Test(chrome, question_asked_of_each_guest_stays) {
  static const char in[] =
      "What made you start cooking?\n\n"
      "My grandmother ran a small restaurant and I spent every summer in "
      "her kitchen, peeling potatoes and watching her work.\n\n"
      "What made you start cooking?\n\n"
      "I was a student with no money, and cooking for my friends was the "
      "cheapest way to see them every week.\n\n"
      "What made you start cooking?\n\n"
      "Honestly, I was hungry, and the canteen at work closed at two in "
      "the afternoon, so I had to learn.\n";
  char *out = run(ONLY, in);
  cr_assert_str_eq(out, in, "%s", out);
  free(out);
}

Test(chrome, list_introduced_by_a_colon_stays) {
  char in[4096];
  snprintf(in, sizeof in, "%s%s", ARTICLE,
           "You will need the following for the walk:\n\n"
           "\xe2\x80\xa2 2 litres of water\n\xe2\x80\xa2 boots\n"
           "\xe2\x80\xa2 a map of the river path\n\n"
           "Share on Facebook\n\nShare on Twitter\n\nEmail\n\n"
           "Copyright 2025 The River Times\n");
  char *out = run(ONLY, in);
  cr_assert(strstr(out, "You will need"), "%s", out);
  cr_assert(strstr(out, "2 litres of water\n"), "%s", out);
  cr_assert(strstr(out, "a map of the river path"), "%s", out);
  cr_assert_null(strstr(out, "Share on"), "%s", out);
  cr_assert_null(strstr(out, "Copyright"), "%s", out);
  free(out);
}

Test(chrome, a_page_that_holds_its_text_twice_keeps_it) {
  char in[8192];
  snprintf(in, sizeof in, "%sMenu\n\nHome\n\n%s", ARTICLE, ARTICLE);
  char *out = run(ONLY, in);
  cr_assert(strstr(out, "The regional council"), "%s", out);
  cr_assert(strstr(out, "Farmers who sell"), "%s", out);
  free(out);
}

Test(chrome, text_without_function_word_list) {
  /* Japanese: no spaces, no function-word list; judged by length and
   * sentence ends. */
  static const char in[] =
      "\xe3\x83\x9b\xe3\x83\xbc\xe3\x83\xa0\n\n"
      "\xe4\xbb\x8a\xe6\x97\xa5\xe3\x81\xaf\xe5\xb7\x9d\xe3\x81\xae"
      "\xe8\xbf\x91\xe3\x81\x8f\xe3\x81\xae\xe7\x95\x91\xe3\x81\xa7\xe4\xbd"
      "\x9c\xe6\xa5\xad\xe3\x82\x92\xe3\x81\x97\xe3\x81\xbe\xe3\x81\x97\xe3"
      "\x81\x9f\xe3\x80\x82\xe9\x9b\xa8\xe3\x81\x8c\xe5\xa4\x9a\xe3\x81\x8f"
      "\xe3\x80\x81\xe5\x9c\x9f\xe3\x81\x8c\xe9\x87\x8d\xe3\x81\x8b\xe3\x81"
      "\xa3\xe3\x81\x9f\xe3\x81\xa7\xe3\x81\x99\xe3\x80\x82\n";
  char *out = run(ONLY, in);
  cr_assert(strstr(out, "\xe4\xbb\x8a\xe6\x97\xa5"), "%s", out);
  free(out);
}

static int chrome_events;
static void count_chrome(void *ud, const struct kempt_event *ev) {
  (void)ud;
  if (strcmp(ev->stage, "chrome") == 0 && ev->after_len == 0 &&
      ev->rule && *ev->rule)
    chrome_events++;
}

static enum kempt_status discard(void *ud, const char *p, size_t n) {
  (void)ud;
  (void)p;
  (void)n;
  return KEMPT_OK;
}

Test(chrome, explain_reports_each_removal) {
  kempt_config *cfg = kempt_config_new(NULL);
  cr_assert_eq(kempt_config_set(cfg, "stages", "chrome", 0), KEMPT_OK);
  kempt_config_events(cfg, count_chrome, NULL);
  kempt_config_output(cfg, discard, NULL);
  kempt *k = kempt_new(cfg, NULL);
  cr_assert_not_null(k);
  chrome_events = 0;
  cr_assert_eq(kempt_feed(k, PAGE, strlen(PAGE)), KEMPT_OK);
  cr_assert_eq(kempt_finish(k), KEMPT_OK);
  cr_assert_geq(chrome_events, 10, "%d events", chrome_events);
  kempt_free(k);
  kempt_config_free(cfg);
}

Test(chrome, author_bio_goes) {
  char in[4096];
  snprintf(in, sizeof in, "%s%s", ARTICLE,
           "Jane Roe is a staff writer at the River Times, where she covers "
           "farming and the environment.\n");
  char *out = run(ONLY, in);
  cr_assert_null(strstr(out, "Jane Roe"), "%s", out);
  cr_assert(strstr(out, "Farmers who sell"), "%s", out);
  free(out);
}

/* A "Most read" list in the middle does not cut the article in two. */
Test(chrome, article_joins_across_an_embedded_list) {
  char in[8192];
  snprintf(in, sizeof in, "%s%s%s%s", "Home\n\nNews\n\nSport\n\n", ARTICLE,
           "Most read\n\n"
           "Storm closes the coast road\n\nMayor opens new library\n\n"
           "Ferry fares to rise in spring\n\n",
           "Engineers will start surveying the fields in the spring, and the "
           "council expects the first meadows to flood again next winter, "
           "once the old drains have been blocked and the banks lowered.\n\n"
           "The plan will be reviewed after five years, when the council "
           "will decide whether to buy more land further up the valley and "
           "extend the meadows towards the town.\n\n"
           "Copyright 2025 The River Times\n");
  char *out = run(ONLY, in);
  cr_assert(strstr(out, "The regional council"), "%s", out);
  cr_assert(strstr(out, "The plan will be reviewed"), "%s", out);
  cr_assert_null(strstr(out, "Storm closes"), "%s", out);
  cr_assert_null(strstr(out, "Most read"), "%s", out);
  free(out);
}
