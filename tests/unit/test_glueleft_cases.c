/* test_glueleft_cases.c - the glue stage's leftovers (glueleft): closed
 * compounds of technical text, a word of another language ending in
 * "a", glued first and last names, a country's capitals before a word.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chunks.h"
#include "glue_cases.h"
#include "kempt_glue.h"

#include <criterion/criterion.h>

/* A short word ending in -al or -ic is a word of its own, not a derived
 * adjective, and starts closed compounds; a noun of the function-word
 * list ("time", "one") ends them. */
Test(glueleft, closed_compounds_of_technical_text) {
  same(NEWS "Point the browser at localhost and reload the page.");
  same(NEWS "The column stores a datetime for every row.");
  same(NEWS "The magicword opens the door in the story.");
  /* derived adjectives and function words still mark a glued pair */
  check(NEWS "It was a nationalprogram of the state.",
        NEWS "It was a national program of the state.\n");
  check(NEWS "The staff were happy aboutthe change.",
        NEWS "The staff were happy about the change.\n");
}

/* The article "a" after a verb, an adverb or a preposition is glue; after
 * a bare noun it is more likely the end of a word of another language. */
Test(glueleft, a_word_then_the_article) {
  same(NEWS "The new programa began in the spring.");
  same(NEWS "The problema was discussed at length.");
  check(NEWS "She featureda new song in the show.",
        NEWS "She featured a new song in the show.\n");
  check(NEWS "He useda knife to open it.",
        NEWS "He used a knife to open it.\n");
  check(NEWS "He becamea member of the club.",
        NEWS "He became a member of the club.\n");
  check(NEWS "It looks likea storm is coming.",
        NEWS "It looks like a storm is coming.\n");
}

/* A first and a last name glued, each written alone in the document. */
Test(glueleft, first_and_last_name) {
  check(NEWS "Reporters asked JohnSmith about the deal. Later Smith said "
             "that John was right.",
        NEWS "Reporters asked John Smith about the deal. Later Smith said "
             "that John was right.\n");
  check(NEWS "Reporters asked AnnaKowalczyk about it. Later Kowalczyk said "
             "that Anna was right.",
        NEWS "Reporters asked Anna Kowalczyk about it. Later Kowalczyk said "
             "that Anna was right.\n");
  /* a camel-case brand is no such name */
  same(NEWS "She bought a PlayStation for her son.");
}

/* "US" spells a function word: the capitals are a word before another
 * only when that one is a longer everyday word that the document writes
 * alone ("officials" is in NEWS); not a word typed with two capitals. */
Test(glueleft, country_capitals_before_a_word) {
  check(NEWS "Then USofficials said more.",
        NEWS "Then US officials said more.\n");
  same(NEWS "Then USlawmakers said more.");
  /* a brand: its word is rarer, though the document has it alone */
  same(NEWS "A gamer wrote to USgamer about it.");
  same(NEWS "The INside story came out. We went inside.");
  same(NEWS "The shop is ONline now. The line was long.");
  check(NEWS "Then UKgovernment staff said more.",
        NEWS "Then UK government staff said more.\n");
}

/* Terms of technical text that the word list lacks, written once in a
 * document (glueleft2): "only" makes adjectives of a verb ("readonly"),
 * "over" and "back" nouns of a bare verb ("failover", "pingback"), and a
 * short head of five letters new compounds ("healthcheck"); their glued
 * look-alikes still split. */
Test(glueleft2, technical_terms_written_once) {
  same(NEWS "The disks were mounted readonly for the move.");
  same(NEWS "The cache is writeonly at night.");
  same(NEWS "The failover took a minute, and the failback two.");
  same(NEWS "The pingback came from the standby server.");
  same(NEWS "We ran a healthcheck on the server.");
  same(NEWS "The systemcheck ran at night.");
  /* a function word before "only", an inflected verb before "back" and
   * "over", a plural or a verb of five letters after a longer word */
  check(NEWS "It was theonly way out.", NEWS "It was the only way out.\n");
  check(NEWS "It wasonly a matter of time.",
        NEWS "It was only a matter of time.\n");
  check(NEWS "They wentback to the city.",
        NEWS "They went back to the city.\n");
  check(NEWS "The bill was carriedover to May.",
        NEWS "The bill was carried over to May.\n");
  check(NEWS "The unnecessarytests cost money.",
        NEWS "The unnecessary tests cost money.\n");
  check(NEWS "The clientchose the cheaper option.",
        NEWS "The client chose the cheaper option.\n");
  check(NEWS "It was the largestprivate bank.",
        NEWS "It was the largest private bank.\n");
}

/* An adjective and a noun, both everyday words, glued: split when the
 * document has each alone; without that they are as likely a term
 * ("localhost"), and stay. */
Test(glueleft2, adjective_and_noun) {
  check(NEWS "Then the finalround began. The final score came after a "
             "round of talks.",
        NEWS "Then the final round began. The final score came after a "
             "round of talks.\n");
  same(NEWS "Then the finalround began.");
  same(NEWS "Point the browser at localhost and reload it.");
}

/* Two function words glued at the start of a sentence, the first of them
 * no opener of the list ("Is", "Do", "So", "Was"); a name of two such
 * words is in the word list and stays. */
Test(glueleft2, capitalised_function_word_pairs) {
  check(NEWS "Isthis the end?", NEWS "Is this the end?\n");
  check(NEWS "Doyou think so?", NEWS "Do you think so?\n");
  check(NEWS "Sowhat is next?", NEWS "So what is next?\n");
  check(NEWS "Wasit worth it?", NEWS "Was it worth it?\n");
  same(NEWS "Soto said it was over.");
  same(NEWS "Hasan said it was over.");
  same(NEWS "Thein said it was over.");
}

/* "cross", "self" and "half" make new compounds as prefixes do
 * ("crossplatform", "selfhosting"); a gerund of five letters takes the
 * article after it ("usinga"), a word of that shape without a vowel
 * before -ing does not ("thinga"); "if" after a closed word ("evenif"). */
Test(glueleft2, prefixes_gerunds_and_if) {
  same(NEWS "The app is crossplatform and runs anywhere.");
  same(NEWS "The team tried selfhosting the mail.");
  check(NEWS "He was usinga knife.", NEWS "He was using a knife.\n");
  check(NEWS "It is beinga pain.", NEWS "It is being a pain.\n");
  same(NEWS "The thinga day.");
  check(NEWS "He ran evenif it rained.", NEWS "He ran even if it rained.\n");
}

/* Words of the list's rarest that are glued pairs of the commonest words
 * split though the document never writes the pair spaced: "a" before an
 * everyday word, a function word before "be" or a determiner, a pronoun
 * before an auxiliary; not the rare words that text writes ("uptime",
 * "chow mein", "nota bene"), nor "a" where two function words read the
 * token ("atour"). */
Test(glueleft2, rarest_words_of_common_pairs) {
  check(NEWS "It was agood day.", NEWS "It was a good day.\n");
  check(NEWS "It was asudden move.", NEWS "It was a sudden move.\n");
  check(NEWS "It has tobe done.", NEWS "It has to be done.\n");
  check(NEWS "It came froma friend.", NEWS "It came from a friend.\n");
  same(NEWS "The uptime was good.");
  same(NEWS "Try the chow mein now.");
  same(NEWS "He wrote nota bene.");
  same(NEWS "He left atour house.");
}

/* A name of the word list, however rare and seen nowhere alone, then a
 * past form that ends no compound ("told", "took"). */
Test(glueleft2, list_name_then_past_verb) {
  check(NEWS "After the vote Jacksontold reporters it was over.",
        NEWS "After the vote Jackson told reporters it was over.\n");
  check(NEWS "Later Bernaltook the lead.", NEWS "Later Bernal took the lead.\n");
  same(NEWS "They met Bertold at noon.");
}

/* A gerund of five letters is inflected as a longer one is: "beingheld",
 * "goingback"; not "thing" or "sting". */
Test(glueleft2, five_letter_gerunds) {
  check(NEWS "The men were beingheld in the city.",
        NEWS "The men were being held in the city.\n");
  check(NEWS "She was goingback home.", NEWS "She was going back home.\n");
  same(NEWS "The stingray swam off.");
}

/* A bare verb with the ending of one ("create", "receive", "maintain")
 * takes the article after it; a bare noun still does not ("programa"). */
Test(glueleft2, verb_endings_then_the_article) {
  check(NEWS "They hope to createa new team.",
        NEWS "They hope to create a new team.\n");
  check(NEWS "They maintaina list of names.",
        NEWS "They maintain a list of names.\n");
  same(NEWS "The new programa began in the spring.");
}

/* A number word before a plural of an everyday noun, and a people's
 * adjective before a common word, split without other evidence; a
 * compound without a plural after a number, a first name of five
 * letters, suffixes and heads of place names stay. */
Test(glueleft2, numbers_and_peoples) {
  check(NEWS "Fourteams will join the field.",
        NEWS "Four teams will join the field.\n");
  check(NEWS "He spent threemonths there.",
        NEWS "He spent three months there.\n");
  check(NEWS "The Australiannational team won.",
        NEWS "The Australian national team won.\n");
  check(NEWS "It was a Britishespionage story.",
        NEWS "It was a British espionage story.\n");
  same(NEWS "They met Foursquare today.");
  same(NEWS "They met Brianstorm today.");
  same(NEWS "They met Germantown today.");
  same(NEWS "They met Britishness today.");
}

/* A short word in -al before a plural is an adjective before its noun
 * ("localnews", "localfirms"); before a singular it may start a term
 * ("localhost"), and "finalround" stays without the document's help. */
Test(glueleft2, short_al_words_before_plurals) {
  check(NEWS "The localnews was on.", NEWS "The local news was on.\n");
  check(NEWS "The localfirms were hit.", NEWS "The local firms were hit.\n");
  same(NEWS "The finalround was close.");
  same(NEWS "Open localhost now.");
}

/* A longer adjective in -ic of a name, then a common word; a first name
 * in -ic stays. */
Test(glueleft2, name_adjectives_in_ic) {
  check(NEWS "The Olympicchampions came home.",
        NEWS "The Olympic champions came home.\n");
  same(NEWS "They met Ericsson today.");
}

/* One of the list's most common names, of six letters or more, then a
 * link of two letters ("Tuesdayin"); a shorter one may head a name
 * ("Francis"). */
Test(glueleft2, common_names_then_links) {
  check(NEWS "The vote on Tuesdayin the city was close.",
        NEWS "The vote on Tuesday in the city was close.\n");
  same(NEWS "They met Francis today.");
}

/* A bare verb that makes nouns with particles ("checkout", "signoff")
 * makes one with "in" too: no glued pair, unless the document writes the
 * spaced pair; an adjective ("closest") makes none ("close in"). */
Test(glueleft3, a_verb_and_in) {
  same(NEWS "Use the signin page to reach your account.");
  same(NEWS "The checkin desk opens at noon, and guests who walkin are "
            "welcome.");
  check(NEWS "Please sign in first. Then use the signin page.",
        NEWS "Please sign in first. Then use the sign in page.\n");
  check(NEWS "The troops began to closein on the town.",
        NEWS "The troops began to close in on the town.\n");
  check(NEWS "The team lockedin the price.",
        NEWS "The team locked in the price.\n");
}

/* An auxiliary after a name splits, unless a head of names ("care",
 * "ware") starts a letter before it. */
Test(glueleft3, a_head_before_an_auxiliary) {
  same(NEWS "The Atlanticare clinic opened a new wing.");
  check(NEWS "Officials in Chicagoare waiting for the vote.",
        NEWS "Officials in Chicago are waiting for the vote.\n");
  check(NEWS "The Atlanticwas calm that night.",
        NEWS "The Atlantic was calm that night.\n");
}

/* A short name of the list in lower case is a word of another language
 * where it reads as a pair that English hardly writes ("can is",
 * "all a"), unless the document writes that pair. */
Test(glueleft3, short_names_of_other_languages) {
  same(NEWS "The Latin name canis is used for the genus.");
  same(NEWS "The menu lists pasta alla norma and more.");
  check(NEWS "It was all a matter of time, and alla matter of luck.",
        NEWS "It was all a matter of time, and all a matter of luck.\n");
  check(NEWS "If the can is empty, the canis thrown away.",
        NEWS "If the can is empty, the can is thrown away.\n");
}

/* A verb that the document writes whole with two particles makes a
 * family of compounds there ("optin", "optout"): no glued pair; alone it
 * is one. */
Test(glueleft3, a_family_of_compounds) {
  same(NEWS "Users can optin to the newsletter, and the optout link is at "
            "the bottom.");
  same(NEWS "Users can optin to the newsletter.\n\nThe link at the bottom "
            "is an optout for all.");
  same(NEWS "The Excel addin and the browser addon were updated.");
  check(NEWS "Users can optin to the newsletter.",
        NEWS "Users can opt in to the newsletter.\n");
}
