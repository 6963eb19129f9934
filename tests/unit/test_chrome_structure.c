/* test_chrome_structure.c - the chrome stage keeps article content that
 * does not read as prose (tables, scores, dates, quantities, repeated
 * sub-headings, galleries, short answers) and drops cards after a list
 * marker. All pages are invented.
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

static size_t count(const char *hay, const char *needle) {
  size_t n = 0;
  for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
    n++;
  return n;
}

static const char TOUR[] =
    "\xe2\x80\xa2 Home\n\xe2\x80\xa2 Music\n\xe2\x80\xa2 Tickets\n\n"
    "Skip to content\n\n"
    "Valley choir sets out on its first national tour\n\n"
    "By Mara Quint\n\n"
    "The valley choir will take its winter programme to eleven cities"
    " next spring, the first time the group has toured outside the"
    " county since it was founded by three teachers in the old"
    " chapel.\n\n"
    "The singers, most of whom work on farms and in the quarry, have"
    " rehearsed twice a week since August and say they have saved for"
    " the coaches by selling cakes at the Saturday market.\n\n"
    "Their conductor said the programme mixes old carols with new"
    " songs written by pupils of the village school, and that every"
    " concert will end with the hymn the choir first sang together.\n\n"
    "Tour dates\n\nMarch 3 \xe2\x80\x93 Leeds, Town Hall\n"
    "March 5 \xe2\x80\x93 York, Minster Hall\n"
    "March 9 \xe2\x80\x93 Durham, Gala Theatre\n"
    "March 12 \xe2\x80\x93 Newcastle, City Hall\n"
    "March 15 \xe2\x80\x93 Carlisle, Old Fire Station\n"
    "March 20 \xe2\x80\x93 Lancaster, Grand Theatre\n\n"
    "Share on Facebook\n\nRelated posts\n\n"
    "Brass band wins regional prize\n"
    "Harvest festival returns to the square\n\n"
    "Copyright 2025 The Valley News\n";

static const char RESULTS[] =
    "\xe2\x80\xa2 Home\n\xe2\x80\xa2 News\n\xe2\x80\xa2 Sport\n"
    "\xe2\x80\xa2 Weather\n\xe2\x80\xa2 Results\n\xe2\x80\xa2 Video\n"
    "\xe2\x80\xa2 Opinion\n\xe2\x80\xa2 Contact\n\nSign in\n\n"
    "Subscribe\n\nWeekend results: Rovers stay top\n\n"
    "Tom Reed, Valley Sport\n\nPublished 9:15 AM Nov 3, 2025\n\n"
    "[4411923]\nA ball on the grass\n\nJane Doe/Getty Images\n\n"
    "MEN'S LEAGUE\n\nRovers d. United 3-1\n\n"
    "Rovers (5-0): Lee 2 goals. Park 1 goal. Ortiz 4 saves.\n\n"
    "United (2-3): Moss 1 goal. Hale 6 saves.\n\nCity d. Athletic 2-0\n"
    "\nCity (3-2): Kent 1 goal, 1 assist. Ross 1 goal.\n\n"
    "Athletic (1-4): Ward 5 saves.\n\nWOMEN'S LEAGUE\n\n"
    "Harriers d. Wanderers 4-2\n\n"
    "Harriers (4-1): Shaw 3 goals. Lind 1 goal.\n\n"
    "Wanderers (2-3): Christabella Montgomery-Fairweather 2 goals.\n\n"
    "Published 9:15 AM Nov 3, 2025\n\n\xe2\x80\xa2 Terms of Service\n"
    "\xe2\x80\xa2 Privacy Policy\n\xe2\x80\xa2 Cookie Settings\n"
    "\xe2\x80\xa2 Advertise\n\xe2\x80\xa2 About us\n\n"
    "\xc2\xa9 2025 Example Sport Media\n";

static const char PLAN[] =
    "\xe2\x80\xa2 Recipes\n\xe2\x80\xa2 Meal Plans\n\xe2\x80\xa2 Shop\n"
    "\xe2\x80\xa2 Community\n\nA three-day plan for busy weeks\n\n"
    "This plan is for people who cook once on Sunday and eat well for"
    " the rest of the week, and every meal in it can be made ahead and"
    " kept in the fridge.\n\n"
    "Each day has the same shape, so that you can swap a meal from one"
    " day for the same meal of another day without changing the"
    " shopping list.\n\nNow get cooking!\n\nYour three-day plan\n\nDay 1\n\nBreakfast\n\n"
    "Eat within an hour of waking\n\n"
    "Oat porridge [1 cup oats, 1 cup milk, 1 tsp. honey]\n\nLunch\n\n"
    "Eat between 12 and 2 pm\n\n"
    "Lentil soup (2 cups), 1 slice of rye bread\n\nDay 2\n\nBreakfast\n"
    "\nEat within an hour of waking\n\n"
    "Oat porridge [1 cup oats, 1 cup milk, 1 tsp. honey]\n\nLunch\n\n"
    "Eat between 12 and 2 pm\n\n"
    "Bean salad (1 cup beans, 2 tomatoes, 1 tbsp. olive oil)\n\nDay 3\n"
    "\nBreakfast\n\nEat within an hour of waking\n\n"
    "Oat porridge [1 cup oats, 1 cup milk, 1 tsp. honey]\n\nLunch\n\n"
    "Eat between 12 and 2 pm\n\n"
    "Lentil soup (2 cups), 1 slice of rye bread\n\nRelated Articles\n\n"
    "Why breakfast matters\nFive soups for winter\n\n"
    "\xe2\x80\xa2 Recipes\n\xe2\x80\xa2 Meal Plans\n\xe2\x80\xa2 Shop\n"
    "\xe2\x80\xa2 Community\n\n"
    "\xc2\xa9 2025 Example Kitchen. All rights reserved.\n";

static const char GALLERY[] =
    "\xe2\x80\xa2 Home\n\xe2\x80\xa2 Local\n\xe2\x80\xa2 Sport\n\n"
    "Six arrested after raid on a farm\n\n"
    "Police arrested six people on Monday after a search of a farm"
    " near the river, where officers said they found stolen tools and"
    " two cars that had been reported missing in the spring.\n\n"
    "Officers from the rural crime team had watched the farm for"
    " several weeks after neighbours complained about vans that came"
    " and went late at night.\n\nStory continues below gallery\n\n"
    "1 of 8\n\n[a81f09c0]\nAnna Brook Submitted photo\n[a81f09c1]\n"
    "Carl Dunn Submitted photo\n[a81f09c2]\nEva Ford Submitted photo\n"
    "[a81f09c3]\nGus Hale Submitted photo\n[a81f09c4]\n"
    "Ida Kent Submitted photo\n[a81f09c5]\nJon Lowe Submitted photo\n"
    "[a81f09c6]\nKim Moss Submitted photo\n[a81f09c7]\n"
    "Lee Nash Submitted photo\n\n"
    "A dog from the county police later found more tools hidden in a"
    " barn, and the owner of the farm was taken to the station for"
    " questioning on Tuesday morning.\n\n"
    "All six were released on bail and will appear before the"
    " magistrates next month, the police said in a statement on"
    " Wednesday afternoon.\n\nShare on Facebook\n\n"
    "Copyright 2025 The Example Gazette\n";

static const char PICKS[] =
    "\xe2\x80\xa2 Home\n\xe2\x80\xa2 Toys\n\xe2\x80\xa2 Films\n\n"
    "Ten gifts for collectors\n\n"
    "The sale season is here again, and for anyone who grew up in the"
    " eighties it is the best time of the year to fill the shelves"
    " with the toys and films of their childhood.\n\n"
    "We have looked through the offers of the big shops and picked the"
    " ones that are worth it, from model cars to boxed sets of old"
    " series.\n\nHere are our picks for this year:\n\n"
    "1) Model racing track with two cars\n[1-300x300]\n"
    "http://shop.example.com/a1\n"
    "2) Boxed set of the space films (4 discs)\n[2-300x200]\n"
    "http://shop.example.com/a2\n"
    "3) Time machine model car, scale 1:24\n[3-300x300]\n"
    "http://shop.example.com/a3\n4) Board game of the haunted house\n"
    "[4-240x300]\nhttp://shop.example.com/a4\n\nLeave a comment\n\n"
    "Copyright 2025 Example Toys Blog\n";

static const char INTERVIEW[] =
    "\xe2\x80\xa2 Home\n\xe2\x80\xa2 About\n\xe2\x80\xa2 Our team\n\n"
    "Meet our new director\n\n"
    "We asked Nora Vale, who joined the company in 2009 as a trainee,"
    " about her first months as director and about what comes next for"
    " the business.\n\n"
    "Q: What surprised you most in your first months?\n\n"
    "A: How much of the job is listening. I spend most of my days with"
    " the teams in our shops, and I learn more from them than from any"
    " report that reaches my desk.\n\n"
    "Q: What is next for the company?\n\n"
    "A: We will open two new shops in the north next year, and we want"
    " every one of them to be run by people who grew up in the town it"
    " serves.\n\nNow for a little fun.\n\nQ: Favourite book?\n\n"
    "A: The Long Walk Home\n\nQ: Favourite city?\n\n"
    "A: Lisbon and Porto\n\nQ: Favourite food?\n\n"
    "A: Grilled sardines with bread\n\nQ: Favourite film?\n\n"
    "A: The one about the lighthouse keeper, which I have watched"
    " every winter since I was a child.\n\nThanks, Nora!\n\n"
    "\xe2\x80\xa2 About\n\xe2\x80\xa2 Our team\n\xe2\x80\xa2 Careers\n"
    "\xe2\x80\xa2 Contact\n";

static const char CARDS[] =
    "\xe2\x80\xa2 Home\n\xe2\x80\xa2 Messages\n\xe2\x80\xa2 Quotes\n\n"
    "Messages of hope\n\n"
    "Hope is not the belief that everything will turn out well, but"
    " the strength to keep going when nothing seems to move, and to"
    " trust that the small things we do each day will one day add up"
    " to something larger than ourselves.\n\nYou may also like...\n\n"
    "[placeholder][courage]\nShare Save Print\n"
    "Courage is not the absence of fear but the choice to walk on"
    " while it walks beside you, and every morning gives us another"
    " chance to make that choice again, however small the step we are"
    " able to take.\n[placeholder][family]\nShare Save Print\n"
    "A family is held together by small kindnesses repeated over many"
    " years, by the meals shared at the end of long days and by the"
    " patience to listen when one of us has had a hard time at work or"
    " at school.\n[placeholder][gratitude]\nShare Save Print\n"
    "Gratitude lives in the details of an ordinary day: the first"
    " coffee, a kind word from a stranger on the bus, a letter from an"
    " old friend, and the quiet of the evening when the house is"
    " finally still.\n\nTopics\n\n\xe2\x80\xa2 Morning messages\n"
    "\xe2\x80\xa2 Messages of faith\n";

/* A list of dates after the article belongs to it; the chrome after the
 * list still goes. */
Test(chrome_structure, dates_after_the_article_stay) {
  char *out = run(TOUR);
  cr_assert(strstr(out, "Their conductor said"), "%s", out);
  cr_assert(strstr(out, "Tour dates\n"), "%s", out);
  cr_assert(strstr(out, "March 3 \xe2\x80\x93 Leeds"), "%s", out);
  cr_assert(strstr(out, "March 20 \xe2\x80\x93 Lancaster"), "%s", out);
  cr_assert_null(strstr(out, "Share on"), "%s", out);
  cr_assert_null(strstr(out, "Brass band"), "%s", out);
  cr_assert_null(strstr(out, "Copyright"), "%s", out);
  cr_assert_null(strstr(out, "Music"), "%s", out);
  free(out);
}

/* A page of scores without prose: the scores are the article, on both
 * sides of the one line that reads as text. */
Test(chrome_structure, scores_without_prose_stay) {
  char *out = run(RESULTS);
  cr_assert(strstr(out, "MEN'S LEAGUE"), "%s", out);
  cr_assert(strstr(out, "Rovers d. United 3-1"), "%s", out);
  cr_assert(strstr(out, "City (3-2): Kent 1 goal"), "%s", out);
  cr_assert(strstr(out, "Harriers (4-1): Shaw 3 goals"), "%s", out);
  cr_assert_null(strstr(out, "Getty"), "%s", out);
  cr_assert_null(strstr(out, "Published"), "%s", out);
  cr_assert_null(strstr(out, "Privacy"), "%s", out);
  cr_assert_null(strstr(out, "Weather"), "%s", out);
  free(out);
}

/* Sub-headings and meals that each day repeats stay; the menu that the
 * page repeats at its top and bottom goes. */
Test(chrome_structure, repeated_sub_headings_stay) {
  char *out = run(PLAN);
  cr_assert_eq(count(out, "Oat porridge [1 cup oats"), 3, "%s", out);
  cr_assert_eq(count(out, "Breakfast\n"), 3, "%s", out);
  cr_assert_eq(count(out, "Eat between 12 and 2 pm\n"), 3, "%s", out);
  cr_assert(strstr(out, "Day 3\n"), "%s", out);
  cr_assert(strstr(out, "Bean salad"), "%s", out);
  cr_assert_null(strstr(out, "Meal Plans"), "%s", out);
  cr_assert_null(strstr(out, "Related"), "%s", out);
  cr_assert_null(strstr(out, "Five soups"), "%s", out);
  cr_assert_null(strstr(out, "All rights"), "%s", out);
  free(out);
}

/* A gallery between paragraphs does not cut the article in two. */
Test(chrome_structure, gallery_inside_the_article) {
  char *out = run(GALLERY);
  cr_assert(strstr(out, "Police arrested six people"), "%s", out);
  cr_assert(strstr(out, "A dog from the county police"), "%s", out);
  cr_assert(strstr(out, "All six were released"), "%s", out);
  cr_assert_null(strstr(out, "[a81f09c"), "image labels go: %s", out);
  cr_assert_null(strstr(out, "Share on"), "%s", out);
  free(out);
}

/* A list that text introduced goes on over its items' pictures. */
Test(chrome_structure, introduced_list_over_image_labels) {
  char *out = run(PICKS);
  cr_assert(strstr(out, "1) Model racing track"), "%s", out);
  cr_assert(strstr(out, "3) Time machine model car"), "%s", out);
  cr_assert(strstr(out, "4) Board game of the haunted house"), "%s", out);
  cr_assert(strstr(out, "http://shop.example.com/a4"), "%s", out);
  cr_assert_null(strstr(out, "300x"), "image labels go: %s", out);
  cr_assert_null(strstr(out, "Leave a comment"), "%s", out);
  free(out);
}

/* Short answers of an interview, each before the next question, are not
 * teasers (headline, then summary). */
Test(chrome_structure, short_answers_stay) {
  char *out = run(INTERVIEW);
  cr_assert(strstr(out, "A: The Long Walk Home"), "%s", out);
  cr_assert(strstr(out, "Q: Favourite city?"), "%s", out);
  cr_assert(strstr(out, "A: Grilled sardines with bread"), "%s", out);
  cr_assert(strstr(out, "lighthouse keeper"), "%s", out);
  cr_assert_null(strstr(out, "Careers"), "%s", out);
  free(out);
}

/* Cards after a list marker go, however long their text. */
Test(chrome_structure, cards_after_a_list_marker_go) {
  char *out = run(CARDS);
  cr_assert(strstr(out, "Hope is not the belief"), "%s", out);
  cr_assert_null(strstr(out, "Courage is not"), "%s", out);
  cr_assert_null(strstr(out, "A family is held"), "%s", out);
  cr_assert_null(strstr(out, "Gratitude lives"), "%s", out);
  cr_assert_null(strstr(out, "Share Save"), "%s", out);
  free(out);
}

/* The same text between each two paragraphs (an image's alt text) is
 * not a sub-heading: it goes. */
Test(chrome_structure, label_between_paragraphs_goes) {
  static const char *const paras[] = {
      "We walked up from the village before dawn, carried water for the "
      "whole day and reached the top of the pass just as the sun came over "
      "the ridge.",
      "The path along the lake was wet after the night's rain, and we "
      "stopped twice to let a shepherd and his flock go past us.",
      "At noon we ate in the shade of the old chapel, where a woman from "
      "the farm below sold us cheese and told us about the weather.",
      "The children found a spring near the ruins and filled every bottle "
      "we had, although we still had plenty of water left from the morning."};
  char in[4096] = "\xe2\x80\xa2 Home\n\xe2\x80\xa2 Walks\n"
                  "\xe2\x80\xa2 Maps\n\xe2\x80\xa2 Shop\n\nSign in\n\n";
  for (int i = 0; i < 4; i++) {
    strcat(in, paras[i]);
    strcat(in, "\n\nValley Walk Kit with Spring Water and Maps for the Whole Family #outdoors\n\n");
  }
  strcat(in, "The way down took longer than we had planned, but nobody "
             "minded the slow walk through the meadows in the evening.\n\n"
             "Share on Facebook\n\nShare on Twitter\n\nPrivacy Policy\n\n"
             "Terms of Use\n");
  char *out = run(in);
  cr_assert(strstr(out, "The children found a spring"), "%s", out);
  cr_assert(strstr(out, "The way down"), "%s", out);
  cr_assert_null(strstr(out, "Valley Walk Kit"), "%s", out);
  free(out);
}

/* A dash and a name after a quotation is its attribution, not a menu
 * link, even next to an image's label. */
Test(chrome_structure, attribution_after_a_quote_stays) {
  static const char in[] =
      "\xe2\x80\xa2 Home\n\xe2\x80\xa2 Shows\n\xe2\x80\xa2 Tickets\n"
      "\xe2\x80\xa2 Contact\n\nSign in\n\n"
      "What our visitors said\n\n"
      "We asked the visitors of the summer season what they thought of "
      "the new show, and many of them wrote back to us.\n\n"
      "[5e1f0c2a-77d1-4c1b-9a0e-3b2f]\n"
      "\xe2\x80\x9cThe dancers were wonderful and the music stayed with us "
      "for days. We will come back next year with the whole family.\xe2\x80"
      "\x9d\n\xe2\x80\x93 Mar**\n\n"
      "[9b7c1d3e-11a2-4f5e-8c6d-0a1b]\n"
      "\xe2\x80\x9c" "A beautiful evening, and the staff helped my father to "
      "his seat without being asked. Thank you all.\xe2\x80\x9d\n"
      "\xe2\x80\x93 Ol** Ke**\n\n"
      "Thank you all for your kind words, and see you next summer!\n\n"
      "Share on Facebook\n\nShare on Twitter\n\nPrivacy Policy\n";
  char *out = run(in);
  cr_assert(strstr(out, "\xe2\x80\x93 Mar**"), "%s", out);
  cr_assert(strstr(out, "\xe2\x80\x93 Ol** Ke**"), "%s", out);
  cr_assert(strstr(out, "A beautiful evening"), "%s", out);
  cr_assert_null(strstr(out, "Shows"), "%s", out);
  free(out);
}

/* Bullets with quantities, two or more in a row, are a list of data (a
 * recipe's ingredients), not menu links; a headline list with one number
 * in it stays chrome. */
Test(chrome_structure, ingredients_after_the_article_stay) {
  static const char in[] =
      "\xe2\x80\xa2 Home\n\xe2\x80\xa2 Recipes\n\xe2\x80\xa2 Shop\n"
      "\xe2\x80\xa2 About\n\nSign in\n\n"
      "Plum jam for the winter\n\n"
      "Every autumn the old tree behind the house gives us more plums than "
      "we can eat, and this jam is how we keep a little of the summer for "
      "the cold months.\n\n"
      "It takes an afternoon, a big pot and some patience, and the jars "
      "make good presents for the neighbours who helped with the picking.\n\n"
      "Ingredients\n\n"
      "\xe2\x80\xa2 2 kg ripe plums, stoned\n"
      "\xe2\x80\xa2 1 lemon, or about 1/4 cup of juice\n"
      "\xe2\x80\xa2 800 g sugar\n"
      "\xe2\x80\xa2 1 tsp cinnamon\n\n"
      "Share on Facebook\n\nShare on Twitter\n\n"
      "More recipes\n\n"
      "\xe2\x80\xa2 Pear chutney for the cheese board\n"
      "\xe2\x80\xa2 7 soups for cold evenings\n"
      "\xe2\x80\xa2 Apple cake like grandmother's\n\n"
      "Privacy Policy\n";
  char *out = run(in);
  cr_assert(strstr(out, "2 kg ripe plums"), "%s", out);
  cr_assert(strstr(out, "1 tsp cinnamon"), "%s", out);
  cr_assert_null(strstr(out, "7 soups"), "%s", out);
  cr_assert_null(strstr(out, "Pear chutney"), "%s", out);
  free(out);
}

/* A long alt text that each picture repeats (no sentence end, found
 * three times or more, next to its copy or between paragraphs) goes. */
Test(chrome_structure, long_alt_text_repeated_goes) {
  static const char alt[] =
      "Homemade Plum Jam Recipe Spiced Pear Chutney Recipe Autumn Harvest "
      "Gift Ideas Winter Pantry #ad #harvest #preserves #homemade #gifts "
      "#winter #kitchen #recipes #plums #pears #autumn #jars #pantry #family "
      "#baking #jam #chutney\n\n";
  static const char *const paras[] = {
      "Every autumn the old tree behind the house gives us more plums than "
      "we can eat, and this jam is how we keep a little of the summer.",
      "It takes an afternoon, a big pot and some patience, and the jars "
      "make good presents for the neighbours who helped with the picking.",
      "Wash the jars in hot water and keep them warm in the oven while "
      "the fruit cooks, so that they do not crack when you fill them.",
      "Store the jam in a cool dark cupboard and it will keep for a year, "
      "though in our house it has never lasted past the spring."};
  char in[8192] = "\xe2\x80\xa2 Home\n\xe2\x80\xa2 Recipes\n"
                  "\xe2\x80\xa2 Shop\n\xe2\x80\xa2 About\n\nSign in\n\n";
  for (int i = 0; i < 4; i++) {
    strcat(in, paras[i]);
    strcat(in, "\n\n");
    strcat(in, alt);
    if (i == 2)
      strcat(in, alt);
  }
  strcat(in, "Share on Facebook\n\nShare on Twitter\n\nPrivacy Policy\n");
  char *out = run(in);
  cr_assert(strstr(out, "Store the jam"), "%s", out);
  cr_assert_null(strstr(out, "Homemade Plum Jam"), "%s", out);
  free(out);
}

/* Sentences in a script without spaces say in few characters what others
 * say in many: short CJK steps between pictures stay. */
Test(chrome_structure, short_cjk_sentences_between_pictures_stay) {
  static const char in[] =
      "\xe2\x80\xa2 \xe3\x83\x9b\xe3\x83\xbc\xe3\x83\xa0\n"
      "\xe2\x80\xa2 \xe3\x81\x8a\xe5\x95\x8f\xe3\x81\x84\xe5\x90\x88"
      "\xe3\x82\x8f\xe3\x81\x9b\n"
      "\xe2\x80\xa2 \xe3\x83\x97\xe3\x83\xa9\xe3\x82\xa4\xe3\x83\x90"
      "\xe3\x82\xb7\xe3\x83\xbc\xe3\x83\x9d\xe3\x83\xaa\xe3\x82\xb7"
      "\xe3\x83\xbc\n"
      "\xe2\x80\xa2 \xe3\x82\xb5\xe3\x82\xa4\xe3\x83\x88\xe3\x83\x9e"
      "\xe3\x83\x83\xe3\x83\x97\n"
      "\n"
      "\xe5\x8f\xa4\xe3\x81\x84\xe8\x87\xaa\xe8\xbb\xa2\xe8\xbb\x8a"
      "\xe3\x81\xae\xe3\x83\x96\xe3\x83\xac\xe3\x83\xbc\xe3\x82\xad"
      "\xe3\x82\x92\xe8\x87\xaa\xe5\x88\x86\xe3\x81\xa7\xe7\x9b\xb4"
      "\xe3\x81\x99\xe6\x96\xb9\xe6\xb3\x95\n"
      "\n"
      "\xe5\x85\x88\xe9\x80\xb1\xe3\x80\x81\xe9\x95\xb7\xe3\x81\x84"
      "\xe9\x96\x93\xe4\xbd\xbf\xe3\x81\xa3\xe3\x81\xa6\xe3\x81\x84"
      "\xe3\x81\xaa\xe3\x81\x8b\xe3\x81\xa3\xe3\x81\x9f\xe5\x8f\xa4"
      "\xe3\x81\x84\xe8\x87\xaa\xe8\xbb\xa2\xe8\xbb\x8a\xe3\x82\x92"
      "\xe7\x89\xa9\xe7\xbd\xae\xe3\x81\x8b\xe3\x82\x89\xe5\x87\xba"
      "\xe3\x81\x97\xe3\x81\xa6\xe3\x81\xbf\xe3\x81\x9f\xe3\x81\xa8"
      "\xe3\x81\x93\xe3\x82\x8d\xe3\x80\x81\xe5\x89\x8d\xe3\x81\xae"
      "\xe3\x83\x96\xe3\x83\xac\xe3\x83\xbc\xe3\x82\xad\xe3\x81\x8c"
      "\xe3\x81\xbb\xe3\x81\xa8\xe3\x82\x93\xe3\x81\xa9\xe5\x8a\xb9"
      "\xe3\x81\x8b\xe3\x81\xaa\xe3\x81\x8f\xe3\x81\xaa\xe3\x81\xa3"
      "\xe3\x81\xa6\xe3\x81\x84\xe3\x81\xbe\xe3\x81\x97\xe3\x81\x9f"
      "\xe3\x80\x82\n"
      "\n"
      "\xe8\x87\xaa\xe8\xbb\xa2\xe8\xbb\x8a\xe5\xb1\x8b\xe3\x81\x95"
      "\xe3\x82\x93\xe3\x81\xab\xe6\x8c\x81\xe3\x81\xa3\xe3\x81\xa6"
      "\xe3\x81\x84\xe3\x81\x8f\xe5\x89\x8d\xe3\x81\xab\xe3\x80\x81"
      "\xe8\x87\xaa\xe5\x88\x86\xe3\x81\xa7\xe7\x9b\xb4\xe3\x81\x9b"
      "\xe3\x82\x8b\xe3\x81\x8b\xe3\x81\xa9\xe3\x81\x86\xe3\x81\x8b"
      "\xe8\xa9\xa6\xe3\x81\x97\xe3\x81\xa6\xe3\x81\xbf\xe3\x82\x8b"
      "\xe3\x81\x93\xe3\x81\xa8\xe3\x81\xab\xe3\x81\x97\xe3\x81\xbe"
      "\xe3\x81\x97\xe3\x81\x9f\xe3\x80\x82\n"
      "\n"
      "\xe4\xbb\xa5\xe4\xb8\x8b\xe3\x80\x81\xe3\x81\x9d\xe3\x81\xae"
      "\xe6\x89\x8b\xe9\xa0\x86\xe3\x81\xa7\xe3\x81\x99\xe3\x80\x82\n"
      "\n"
      "[20240301_1001]\n"
      "\xe3\x81\xbe\xe3\x81\x9a\xe5\x85\xad\xe8\xa7\x92\xe3\x83\xac"
      "\xe3\x83\xb3\xe3\x83\x81\xe3\x81\xa7\xe3\x83\x96\xe3\x83\xac"
      "\xe3\x83\xbc\xe3\x82\xad\xe3\x81\xae\xe3\x83\xaf\xe3\x82\xa4"
      "\xe3\x83\xa4\xe3\x83\xbc\xe3\x82\x92\xe7\xb7\xa9\xe3\x82\x81"
      "\xe3\x81\xbe\xe3\x81\x99\xe3\x80\x82\n"
      "\n"
      "[20240301_1002]\n"
      "\xe6\xac\xa1\xe3\x81\xab\xe3\x83\x96\xe3\x83\xac\xe3\x83\xbc"
      "\xe3\x82\xad\xe3\x82\xb7\xe3\x83\xa5\xe3\x83\xbc\xe3\x81\xae"
      "\xe4\xbd\x8d\xe7\xbd\xae\xe3\x82\x92\xe8\xbb\x8a\xe8\xbc\xaa"
      "\xe3\x81\xab\xe5\x90\x88\xe3\x82\x8f\xe3\x81\x9b\xe3\x81\xbe"
      "\xe3\x81\x99\xe3\x80\x82\n"
      "\n"
      "[20240301_1003]\n"
      "\xe6\x9c\x80\xe5\xbe\x8c\xe3\x81\xab\xe3\x83\xaf\xe3\x82\xa4"
      "\xe3\x83\xa4\xe3\x83\xbc\xe3\x82\x92\xe5\xbc\x95\xe3\x81\x8d"
      "\xe3\x81\xaa\xe3\x81\x8c\xe3\x82\x89\xe3\x82\x82\xe3\x81\x86"
      "\xe4\xb8\x80\xe5\xba\xa6\xe7\xb7\xa0\xe3\x82\x81\xe3\x81\xbe"
      "\xe3\x81\x99\xe3\x80\x82\n"
      "\n"
      "[20240301_1004]\n"
      "\xe3\x81\x93\xe3\x82\x8c\xe3\x81\xa7\xe5\x89\x8d\xe3\x81\xae"
      "\xe3\x83\x96\xe3\x83\xac\xe3\x83\xbc\xe3\x82\xad\xe3\x81\x8c"
      "\xe3\x81\x97\xe3\x81\xa3\xe3\x81\x8b\xe3\x82\x8a\xe5\x8a\xb9"
      "\xe3\x81\x8f\xe3\x82\x88\xe3\x81\x86\xe3\x81\xab\xe3\x81\xaa"
      "\xe3\x82\x8a\xe3\x81\xbe\xe3\x81\x97\xe3\x81\x9f\xe3\x80\x82\n"
      "\n"
      "\xe9\x96\xa2\xe9\x80\xa3\xe8\xa8\x98\xe4\xba\x8b\n"
      "\n"
      "\xe2\x80\xa2 \xe8\x87\xaa\xe8\xbb\xa2\xe8\xbb\x8a\xe3\x81\xae"
      "\xe3\x83\x81\xe3\x82\xa7\xe3\x83\xbc\xe3\x83\xb3\xe3\x82\x92"
      "\xe6\x8e\x83\xe9\x99\xa4\xe3\x81\x99\xe3\x82\x8b\xe6\x96\xb9"
      "\xe6\xb3\x95\n"
      "\xe2\x80\xa2 \xe3\x82\xbf\xe3\x82\xa4\xe3\x83\xa4\xe3\x81\xae"
      "\xe7\xa9\xba\xe6\xb0\x97\xe3\x82\x92\xe5\x85\xa5\xe3\x82\x8c"
      "\xe3\x82\x8b\xe6\x99\x82\xe3\x81\xae\xe6\xb3\xa8\xe6\x84\x8f\n";
  char *out = run(in);
  cr_assert(strstr(out, "\xe3\x81\xbe\xe3\x81\x9a\xe5\x85\xad\xe8\xa7\x92\xe3\x83\xac\xe3\x83\xb3\xe3\x83\x81"), "%s", out); /* the first step */
  cr_assert(strstr(out, "\xe3\x81\x93\xe3\x82\x8c\xe3\x81\xa7\xe5\x89\x8d\xe3\x81\xae\xe3\x83\x96\xe3\x83\xac\xe3\x83\xbc\xe3\x82\xad"), "%s", out); /* the last line */
  cr_assert_null(strstr(out, "[2024"), "%s", out);
  cr_assert_null(strstr(out, "\xe3\x83\x81\xe3\x82\xa7\xe3\x83\xbc\xe3\x83\xb3\xe3\x82\x92\xe6\x8e\x83\xe9\x99\xa4"), "%s", out); /* related */
  free(out);
}

/* Structured lines after the article that it does not speak of (a box of
 * share prices, the weather) stay out. */
Test(chrome_structure, unrelated_numbers_after_the_article_go) {
  static const char in[] =
      "\xe2\x80\xa2 Home\n\xe2\x80\xa2 Markets\n\xe2\x80\xa2 World\n\n"
      "Council approves new budget for the harbour\n\n"
      "The city council approved on Tuesday a budget of twelve million for "
      "the repair of the harbour walls, after two years of debate about who "
      "should pay for the damage of the winter storms.\n\n"
      "The work will start in the spring and should take three years, the "
      "harbour master said, and the ferries will keep running for the whole "
      "time.\n\n"
      "Markets\n\n"
      "FTSE 100 7,412.35 +0.4%\nDAX 15,920.10 -0.2%\n"
      "Dow Jones 34,100.55 +0.1%\nBrent crude 82.10 +1.3%\n\n"
      "Weather\n\n"
      "London 12\xc2\xb0" "C Cloudy\nParis 14\xc2\xb0" "C Rain\n"
      "Berlin 9\xc2\xb0" "C Sun\n\n"
      "Most popular\n\n"
      "1 Harbour bridge closed for repairs\n"
      "2 New library opens in the old mill\n\n"
      "\xc2\xa9 2025 Example Times\n";
  char *out = run(in);
  cr_assert(strstr(out, "the ferries will keep running"), "%s", out);
  cr_assert_null(strstr(out, "FTSE"), "%s", out);
  cr_assert_null(strstr(out, "Paris 14"), "%s", out);
  cr_assert_null(strstr(out, "library"), "%s", out);
  free(out);
}

/* Rows of a table (as many separators in each, numbers in them) are no
 * menu; the menu with the same separators and no numbers still goes. */
Test(chrome_structure, table_rows_stay) {
  static const char in[] =
      "Home | News | Sport | Weather\n\n"
      "League table after round ten\n\n"
      "Rovers kept their lead at the top of the league after a tenth round "
      "in which all four leading teams won their matches, and the gap to "
      "the bottom grew again.\n\n"
      "The table after round ten:\n\n"
      "Team | Played | Won | Lost | Points\n"
      "Rovers | 10 | 8 | 2 | 24\nUnited | 10 | 7 | 3 | 21\n"
      "City | 10 | 6 | 4 | 18\nAthletic | 10 | 2 | 8 | 6\n\n"
      "Share on Facebook\n\n"
      "About us | Contact | Privacy\nTerms | Cookies | Sitemap\n";
  char *out = run(in);
  cr_assert(strstr(out, "The table after round ten:"), "%s", out);
  cr_assert(strstr(out, "Team | Played"), "%s", out);
  cr_assert(strstr(out, "Athletic | 10 | 2 | 8 | 6"), "%s", out);
  cr_assert_null(strstr(out, "Weather"), "%s", out);
  cr_assert_null(strstr(out, "Cookies"), "%s", out);
  free(out);
}

/* A table's row that the date rule takes ("April 4 - Alnwick, Playhouse")
 * stays when it follows a row of the same shape; a dateline after other
 * rows does not. */
Test(chrome_structure, dated_rows_of_a_table_stay) {
  char in[4096];
  snprintf(in, sizeof in, "%s%s%s",
           "\xe2\x80\xa2 Home\n\xe2\x80\xa2 Music\n\xe2\x80\xa2 Contact\n\n"
           "Sign in\n\nValley choir announces its spring tour\n\n"
           "The valley choir will take its winter programme to six cities "
           "next spring, the first time the group has toured outside the "
           "county since it was founded.\n\n"
           "The singers have rehearsed twice a week since August and say "
           "they have saved for the coaches by selling cakes.\n\n",
           "Spring tour dates\n\n"
           "March 3 \xe2\x80\x93 Leeds, Town Hall\n"
           "March 5 \xe2\x80\x93 York, Minster Hall\n"
           "March 9 \xe2\x80\x93 Durham, Gala Theatre\n"
           "April 2 \xe2\x80\x93 Hexham, Abbey Hall\n"
           "April 4 \xe2\x80\x93 Alnwick, Playhouse\n\n",
           "Tickets go on sale on the first of February at the box offices "
           "of each of the halls, and pupils of the village school will get "
           "in for free at every concert.\n\n"
           "Share on Facebook\n\nShare on Twitter\n\n"
           "Copyright 2025 The Valley News\n");
  char *out = run(in);
  cr_assert(strstr(out, "April 2 \xe2\x80\x93 Hexham"), "%s", out);
  cr_assert(strstr(out, "April 4 \xe2\x80\x93 Alnwick, Playhouse"), "%s", out);
  cr_assert(strstr(out, "Tickets go on sale"), "%s", out);
  cr_assert_null(strstr(out, "Copyright"), "%s", out);
  free(out);
}
