/* test_glue.c - the glue stage and the embedded word list.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chunks.h"
#include "glue_cases.h"
#include "kempt_glue.h"
#include "lib/wordlist.h"

#include <criterion/criterion.h>
#include <stdint.h>
#include <utf8proc.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Glue over in (all chunkings agree); returns the output. */
static char *glue(const char *in) {
  return assert_chunking_invariant(GLUE, in, strlen(in));
}

Test(wordlist, levels) {
  cr_assert_eq(kempt__wordlist_level("the", 3), 10);
  cr_assert_eq(kempt__wordlist_level("THE", 3), 10);
  cr_assert_gt(kempt__wordlist_level("stressed", 8), 0);
  cr_assert_gt(kempt__wordlist_level("Stressed", 8), 0);
  cr_assert_eq(kempt__wordlist_level("blinken", 7), 0);
  cr_assert_eq(kempt__wordlist_level("summitthe", 9), 0);
  cr_assert_eq(kempt__wordlist_level("", 0), 0);
  cr_assert_eq(kempt__wordlist_level("aardvark", 8),
               kempt__wordlist_level("AARDVARK", 8));
  cr_assert_gt(kempt__wordlist_level("aardvark", 8), 10);
  cr_assert_gt(kempt__wordlist_level("zygote", 6), 0);
}

Test(wordlist, proper_names_and_other_letters) {
  bool proper;
  cr_assert_gt(kempt__wordlist_lookup("tuesday", 7, &proper), 0);
  cr_assert(proper);
  cr_assert_gt(kempt__wordlist_lookup("summit", 6, &proper), 0);
  cr_assert_not(proper);
  cr_assert_gt(kempt__wordlist_level("CAF\xc3\x89", 5), 0); /* CAFÉ */
  cr_assert_gt(kempt__wordlist_level("JavaScript", 10), 0);
  char longw[200];
  memset(longw, 'a', sizeof longw);
  cr_assert_eq(kempt__wordlist_level(longw, sizeof longw), 0);
  cr_assert_eq(kempt__wordlist_level("\xff\xfe", 2), 0);
}

/* The list answers by the bucket bits (the top 17) and the 26 bits of
 * hash in an entry (6 to 31) only: the other bits of a hash do not
 * matter, and the bucket's last bit picks one of the two buckets that
 * share a line. */
Test(wordlist, lookups_read_the_key_bits_only) {
  static const char *const words[] = {"the",     "summit", "aardvark",
                                      "zygote",  "tuesday", "javascript",
                                      "stressed", "of"};
  for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
    uint64_t h = kempt__word_hash(words[w], strlen(words[w]));
    bool proper, p2;
    int level = kempt__wordlist_probe(h, &proper);
    cr_assert_gt(level, 0, "%s", words[w]);
    for (int bit = 0; bit < 64; bit++) {
      if (bit == 6)
        bit = 32;
      if (bit == 47)
        break;
      cr_assert_eq(kempt__wordlist_probe(h ^ (uint64_t)1 << bit, &p2), level);
      cr_assert_eq(p2, proper);
    }
    cr_assert_eq(kempt__wordlist_probe(h ^ (uint64_t)1 << 47, &p2), 0,
                 "%s", words[w]);
    cr_assert_eq(kempt__wordlist_probe(h ^ (uint64_t)1 << 63, &p2), 0);
    cr_assert_eq(kempt__wordlist_probe(h ^ (uint64_t)1 << 6, &p2), 0);
  }
}

/* The hash of a prefix read in place (whatever follows it) is the hash
 * of the prefix alone. */
Test(wordlist, prefix_hash_ignores_what_follows) {
  char text[64];
  memset(text, 'x', sizeof text);
  memcpy(text, "summitthepresidentandtheministermet", 35);
  for (size_t n = 0; n <= 40; n++)
    cr_assert_eq(kempt__word_hash_prefix(text, n), kempt__word_hash(text, n),
                 "n=%zu", n);
}

/* glue passes the blocks of punctuation and symbols without asking
 * utf8proc: none of their characters may be a letter or a mark. */
Test(glue, symbol_blocks_hold_no_letters) {
  for (utf8proc_int32_t cp = 0x2000; cp <= 0x2BFF; cp++) {
    if (cp == 0x2070)
      cp = 0x2190;
    utf8proc_category_t c = utf8proc_category(cp);
    cr_assert(c < UTF8PROC_CATEGORY_LU || c > UTF8PROC_CATEGORY_ME,
              "U+%04X", (unsigned)cp);
  }
}

Test(glue, rules_and_bullets_around_prose) {
  check("\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81 \xe2\x80\xa2 " NEWS
        "It was one ofthe best days for the city. "
        "\xe2\x96\xa1the\xe2\x96\xa1 \xe2\x86\x92 end",
        "\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81 \xe2\x80\xa2 " NEWS
        "It was one of the best days for the city. "
        "\xe2\x96\xa1the\xe2\x96\xa1 \xe2\x86\x92 end\n");
  /* Russian prose with rules and bullets is no English */
  same("\xe2\x80\xa2 \xd0\x9e\xd0\xbd \xd1\x81\xd0\xba\xd0\xb0\xd0\xb7\xd0\xb0\xd0\xbb, "
       "\xd1\x87\xd1\x82\xd0\xbe \xd0\xbe\xd0\xbd\xd0\xb8 \xd0\xb1\xd1\x8b\xd0\xbb\xd0\xb8 "
       "\xd0\xb2 \xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb5 \xd0\xb8 \xd0\xbd\xd0\xb0 "
       "\xd1\x80\xd0\xb0\xd0\xb1\xd0\xbe\xd1\x82\xd0\xb5 \xe2\x94\x81\xe2\x94\x81 "
       "Ofthe Itis wasa \xe2\x94\x81\xe2\x94\x81");
}

/* Unknown words are looked up in the word list a few tokens later (their
 * lines prefetched): the candidates among them keep their text order,
 * also across lines, and the splits land where they belong. */
Test(glue, many_unknown_words_between_candidates) {
  check(NEWS NEWS NEWS NEWS "It was one ofthe best days. Qzxvb Wqptr Rtyzk "
        "Zxqwm Pqztn Vbnqs Mkjqa Ljhqe Qwzxo Xzqwu and it was one ofthe first "
        "at the summitThe talks went on.\n" NEWS NEWS "Zxqwm Pqztn Vbnqs Mkjqa "
        "wasa Ljhqe Qwzxo Xzqwu Rtyzk Zxqwm Pqztn Vbnqs ofthe end.",
        NEWS NEWS NEWS NEWS "It was one ofthe best days. Qzxvb Wqptr Rtyzk "
        "Zxqwm Pqztn Vbnqs Mkjqa Ljhqe Qwzxo Xzqwu and it was one ofthe first "
        "at the summit The talks went on.\n" NEWS NEWS "Zxqwm Pqztn Vbnqs Mkjqa "
        "was a Ljhqe Qwzxo Xzqwu Rtyzk Zxqwm Pqztn Vbnqs ofthe end.\n");
}

Test(glue, the_seed_name_is_rescued) {
  check("Antony Blinken met the prince. Later Blinken said more.\n\n"
        "Antony Blinkenstressed the importance of the talks, and he "
        "said it was good.",
        "Antony Blinken met the prince. Later Blinken said more.\n\n"
        "Antony Blinken stressed the importance of the talks, and he "
        "said it was good.\n");
}

Test(glue, case_changes) {
  check(NEWS "They met at the summitThe talks were long.",
        NEWS "They met at the summit The talks were long.\n");
  check(NEWS "A vote in the Senate is due. It was in theSenate that the "
             "vote was held.",
        NEWS "A vote in the Senate is due. It was in the Senate that the "
             "vote was held.\n");
  same(NEWS "The code calls toString and onClick and parseInt and setTimeout.");
  check(NEWS "It was on Tuesday. We saw that on TuesdayMinisters met.",
        NEWS "It was on Tuesday. We saw that on Tuesday Ministers met.\n");
}

Test(glue, function_words) {
  check(NEWS "It was one ofthe best days for the city.",
        NEWS "It was one of the best days for the city.\n");
  check(NEWS "Thecompany said it would grow.",
        NEWS "The company said it would grow.\n");
}

Test(glue, four_letters_two_function_words) {
  check(NEWS "The mayor said it wasa good day for the city.",
        NEWS "The mayor said it was a good day for the city.\n");
  check(NEWS "Itis the best day for the city, the mayor said.",
        NEWS "It is the best day for the city, the mayor said.\n");
  same(NEWS "Beto spoke to the crowd, and the crowd was happy.");
}

Test(glue, a_name_the_list_never_writes_in_camel_case) {
  check(NEWS "Officials at the White House said so. A spokesman for the "
             "WhiteHouse declined to comment.",
        NEWS "Officials at the White House said so. A spokesman for the "
             "White House declined to comment.\n");
  same(NEWS "The JavaScript and PowerPoint files were on the YouTube page.");
}

Test(glue, a_rare_word_used_as_a_name) {
  check(NEWS "The deal gave Hulu more shows. Viewers of Hulu were happy, "
             "and Huluas well as others said so.",
        NEWS "The deal gave Hulu more shows. Viewers of Hulu were happy, "
             "and Hulu as well as others said so.\n");
}

Test(glue, the_spaced_pair_elsewhere) {
  check(NEWS "The Prime Minister spoke, and then the PrimeMinister left.",
        NEWS "The Prime Minister spoke, and then the Prime Minister left.\n");
}

Test(glue, never_split) {
  same(NEWS "Visit www.summitthe.com or mail summitThe@example.org today.");
  same(NEWS "Follow @summitThe and #summitThe for the news on it.");
  same(NEWS "The SUMMITTHE was held; the iPhone and YouTube were there.");
  same(NEWS "The model summitThe2 and summit_The were shown to them.");
  same(NEWS "The talks were about the summit-the plans for the city.");
  same(NEWS "The DeSantis and McDonald and MacArthur names are kept.");
}

Test(glue, a_camel_case_word_then_a_word) {
  check(NEWS "The WeWork offices were full. Later WeWorkis said to have "
             "cut staff.",
        NEWS "The WeWork offices were full. Later WeWork is said to have "
             "cut staff.\n");
  check(NEWS "Senator McConnell spoke. Then McConnellsaid the vote would "
             "wait.",
        NEWS "Senator McConnell spoke. Then McConnell said the vote would "
             "wait.\n");
  /* the lower case of a short word is no camel-case word of the document */
  same(NEWS "It is what it is: the iShares fund is here.");
  same(NEWS "The YouTubers and the iPhones and the McDonalds were there.");
}

Test(glue, a_name_then_a_suffix_or_a_name_head) {
  same(NEWS "Clegg spoke in Leeds. Then came Cleggmania across the land.");
  same(NEWS "North of the city, Northwell runs the hospital well. The "
             "North is cold, and it went well.");
}

Test(glue, a_name_then_a_common_word) {
  check(NEWS "The Amazon deal is the best offer. Amazon said the offer "
             "ends today, and the Amazonoffer ends soon.",
        NEWS "The Amazon deal is the best offer. Amazon said the offer "
             "ends today, and the Amazon offer ends soon.\n");
  check(NEWS "Taylor Swift sang. Fans of Swift cheered, and Swiftmight "
             "sing again.",
        NEWS "Taylor Swift sang. Fans of Swift cheered, and Swift might "
             "sing again.\n");
  check(NEWS "He was held in the jail. The jail is in Harris County, and "
             "the CountyJail is full.",
        NEWS "He was held in the jail. The jail is in Harris County, and "
             "the County Jail is full.\n");
}

Test(glue, two_camel_case_words) {
  check(NEWS "The new iPad Pro is out, and the Pro model costs more. The "
             "iPadPro is fast.",
        NEWS "The new iPad Pro is out, and the Pro model costs more. The "
             "iPad Pro is fast.\n");
  check(NEWS "The MacBook is thin. TheMacBook is also light. It is the "
             "MacBook we like.",
        NEWS "The MacBook is thin. The MacBook is also light. It is the "
             "MacBook we like.\n");
  /* only with the spaced pair in the document */
  same(NEWS "The new iPad is out, and the Pro model costs more. The "
            "iPadPro is fast.");
  same(NEWS "Call getElementById and JavaScriptCore to see the Core of it.");
}

Test(glue, capitals_and_a_word) {
  check(NEWS "NASA will fly. Later NASAhas said it will fly again.",
        NEWS "NASA will fly. Later NASA has said it will fly again.\n");
  check(NEWS "The US economy grew, and theUS dollar rose.",
        NEWS "The US economy grew, and the US dollar rose.\n");
  check(NEWS "Samsung makes a TV for the home. The SamsungTV is big.",
        NEWS "Samsung makes a TV for the home. The Samsung TV is big.\n");
  check(NEWS "The CB position is open. Denzel Ward plays it, and CBDenzel "
             "Ward starts.",
        NEWS "The CB position is open. Denzel Ward plays it, and CB Denzel "
             "Ward starts.\n");
  /* not before a common word that the document also writes in lower case */
  same(NEWS "An element of HTML is here. Each Element of HTML matters, and "
            "HTMLElement is a type.");
  same(NEWS "The OS and JSON and HTML and the ID: macOS, watchOS, toJSON, "
            "isNaN, innerHTML, userID, CEOs, IDs, DIYers, SQLite, MySQL.");
}

Test(glue, a_rare_word_of_the_list_with_the_spaced_pair) {
  check(NEWS "It has to be done. They are going tobe late.",
        NEWS "It has to be done. They are going to be late.\n");
  same(NEWS "The timeframe for the rollout is short, and the toon is fun.");
}

Test(glue, a_closed_class_word_then_a_word) {
  check(NEWS "It was veryexciting, and fewpeople came. The fish live "
             "innature and somecases differ.",
        NEWS "It was very exciting, and few people came. The fish live "
             "in nature and some cases differ.\n");
  /* particles and "no" make new words */
  same(NEWS "The upskilling and offboarding of staff, the noreply address "
            "and the nofollow links.");
}

Test(glue, the_same_pair_glued_twice) {
  check(NEWS "Instagram grew. Instagram also sold ads, and Instagramalso "
             "made money. Instagramalso hired staff.",
        NEWS "Instagram grew. Instagram also sold ads, and Instagram also "
             "made money. Instagram also hired staff.\n");
}

Test(glue, not_a_word_that_appears_whole_elsewhere) {
  same(NEWS "The Riverbend team won. The Riverbend fans were happy.");
  same(NEWS "The Lucasfilm studio made it, and the Lucasfilm staff too.");
}

Test(glue, hyphenated_elsewhere) {
  same(NEWS "The post-war plans were made. The postwar years were long.");
}

Test(glue, code_lines) {
  same("The minister met officials in the capital on Monday, and the talks "
       "went on until late.\nif (summitThe) { return theSenate; }\n"
       "x = ofthe;");
}

Test(glue, other_languages) {
  same("Die Bundesregierung hat am Montag beschlossen, dass die "
       "Wirtschaftsminister der Länder sich mit der Handelskammer treffen. "
       "Der Arbeitsmarkt ist nicht schlecht, und die Kurzarbeit wird "
       "verlängert, sagte ein Sprecher des Ministeriums in Berlin.");
  same("Le gouvernement a annoncé que les ministres de l'économie se "
       "réuniront avec la chambre de commerce. Le marché du travail est "
       "solide, et le chômage partiel sera prolongé, a dit un porte-parole "
       "du ministère à Paris.");
}

Test(glue, words_option_keeps_a_token_whole) {
  static const char *const opts[] = {"stages=glue",
                                     "words=# names\nfoo\n"
                                     "Summitthe\n",
                                     NULL};
  const char *in = NEWS "They met at the summitthe and left.";
  char *out = kempt_run(opts, in, strlen(in), WHOLE, 0, 0, NULL);
  cr_assert_str_eq(out, NEWS "They met at the summitthe and left.\n");
  free(out);
}

/* Every token of glue_keep.txt, each in an English sentence of its own,
 * in one document, comes out whole. */
Test(glue, keep_list) {
  size_t n;
  char *list = slurp_file(srcpath("tests/unit/glue_keep.txt"), &n);
  cr_assert_not_null(list);
  size_t cap = 64 * n + 1024, len = 0;
  char *doc = malloc(cap);
  cr_assert_not_null(doc);
  size_t tokens = 0;
  for (char *line = strtok(list, "\n"); line; line = strtok(NULL, "\n")) {
    if (line[0] == '#' || !line[0])
      continue;
    len += (size_t)snprintf(doc + len, cap - len,
                            "We talked about %s with the team, and it was "
                            "fine.\n\n",
                            line);
    tokens++;
  }
  cr_assert_gt(tokens, 250);
  size_t outlen;
  char *out = kempt_run(GLUE, doc, len, WHOLE, 0, 0, &outlen);
  doc[len - 2] = '\n';
  doc[len - 1] = '\0';
  cr_assert_str_eq(out, doc);
  free(out);
  free(doc);
  free(list);
}

/* s without its white space, in place; returns s. */
static char *squeeze(char *s) {
  char *o = s;
  for (const char *p = s; *p; p++)
    if (*p != ' ' && *p != '\n' && *p != '\t')
      *o++ = *p;
  *o = '\0';
  return s;
}

/* Random words, glued and not, in random case, with punctuation and
 * other bytes: glue only ever inserts spaces, and output is valid. */
Test(glue, random_text_only_gains_spaces) {
  static const char *const words[] = {
      "the",       "of",   "summit",  "The",          "Blinken",    "stressed",
      "and",       "said", "Tuesday", "ofthe",        "Thecompany", "summitThe",
      "x\xc3\xa9", "42",   "www.a.b", "\xe2\x80\x9c", ",",          ".",
      "Ministers", "a",    "I",       "\xff"};
  srand(11);
  for (int round = 0; round < 30; round++) {
    char in[4096];
    size_t n = 0;
    while (n < sizeof in - 64) {
      const char *w = words[rand() % (int)(sizeof words / sizeof *words)];
      size_t k = strlen(w);
      memcpy(in + n, w, k);
      n += k;
      int sep = rand() % 10;
      if (sep)
        in[n++] = sep == 1 ? '\n' : ' ';
    }
    in[n] = '\0';
    size_t len;
    char *out = stage_run("glue", NULL, in, n, (size_t)(rand() % 9), &len);
    char *clean = strdup(in);
    cr_assert_str_eq(squeeze(out), squeeze(clean));
    free(out);
    free(clean);
  }
}

/* A document longer than the 4 MB window: the vocabulary of the first
 * window still rescues a name in a later one, and nothing else changes. */
Test(glue, long_document_in_windows) {
  const char *para = "Antony Blinken met the prince, and the talks went on "
                     "until late in the evening in the capital.\n\n";
  size_t plen = strlen(para), reps = (5u << 20) / plen;
  const char *tail = "Antony Blinkenstressed the importance of the talks.";
  size_t n = reps * plen + strlen(tail);
  char *in = malloc(n + 1);
  cr_assert_not_null(in);
  for (size_t i = 0; i < reps; i++)
    memcpy(in + i * plen, para, plen);
  strcpy(in + reps * plen, tail);
  size_t outlen;
  char *out = kempt_run(GLUE, in, n, WHOLE, 0, 0, &outlen);
  cr_assert_eq(outlen, n + 2); /* the space, and the final newline */
  cr_assert(strstr(out, "Antony Blinken stressed the importance") != NULL);
  free(out);
  free(in);
}

/* Allocation failure: fail the n-th allocation for n = 0, 1, 2, ... until
 * the run succeeds; every failure comes back as a status, and the run
 * that succeeds gives the right output. */

struct outbuf {
  char data[4096];
  size_t len;
};

static enum kempt_status to_buf(void *ud, const char *p, size_t n) {
  struct outbuf *o = ud;
  if (o->len + n >= sizeof o->data)
    return KEMPT_ERR_WRITE;
  memcpy(o->data + o->len, p, n);
  o->len += n;
  return KEMPT_OK;
}

Test(glue, every_allocation_failure_is_a_status) {
  const struct kempt_allocator *fa = &failing_allocator;
  static const char in[] =
      "Antony Blinken met the prince. Later Blinken said more.\n\n"
      "Antony Blinkenstressed the importance ofthe talks.\n";
  static const char want[] =
      "Antony Blinken met the prince. Later Blinken said more.\n\n"
      "Antony Blinken stressed the importance of the talks.\n";
  for (long n = 0;; n++) {
    cr_assert_lt(n, 10000);
    alloc_budget = n;
    kempt_config *cfg = kempt_config_new(fa);
    if (!cfg)
      continue;
    struct outbuf o = {.len = 0};
    kempt_config_output(cfg, to_buf, &o);
    enum kempt_status st = kempt_config_set(cfg, "stages", "glue", 0);
    kempt *k = st == KEMPT_OK ? kempt_new(cfg, &st) : NULL;
    kempt_config_free(cfg);
    if (!k) {
      cr_assert_eq(st, KEMPT_ERR_NOMEM);
      continue;
    }
    st = kempt_feed(k, in, sizeof in - 1);
    if (st == KEMPT_OK)
      st = kempt_finish(k);
    kempt_free(k);
    if (st == KEMPT_OK) {
      o.data[o.len] = '\0';
      cr_assert_str_eq(o.data, want);
      break;
    }
    cr_assert_eq(st, KEMPT_ERR_NOMEM);
  }
}

/* The token cache keys a token by its own letters: after an opening mark,
 * a word of 8 letters or more ("Zorblatian") is not taken for another
 * that shares the bytes from the mark on and its letters after the
 * eighth ("Zorblxxxan"), so its standalone uses are counted for it and
 * the glued "Zorblatiansaid" is split. */
Test(glue, token_cache_keys_long_words_after_marks_by_their_letters) {
  check("The minister met \xe2\x80\x9cZorblxxxan officials in the capital on "
        "Monday, and the talks went on until late. Then \xe2\x80\x9cZorblatian "
        "said more. The minister met \xe2\x80\x9cZorblatian in the capital. "
        "Officials said Zorblatiansaid nothing.",
        "The minister met \xe2\x80\x9cZorblxxxan officials in the capital on "
        "Monday, and the talks went on until late. Then \xe2\x80\x9cZorblatian "
        "said more. The minister met \xe2\x80\x9cZorblatian in the capital. "
        "Officials said Zorblatian said nothing.\n");
}

/* Tokens read in runs (letters between marks, "it's", each followed by a
 * space) and the same text with tabs between them (a run ends at each
 * tab: every token is read from the block's loop) give the same splits. */
Test(glue, token_runs_and_single_tokens_agree) {
  static const char *const texts[] = {
      "Antony Blinken met the prince, \xe2\x80\x9c"
      "Blinken\xe2\x80\x9d said. Blinken\xe2\x80\x99s aides "
      "(Blinkenstressed) it's the (summitThe) end.",
      "\"Blinken\" met them. Blinken's talks: Blinkenstressed, "
      "\xe2\x80\x98" "Blinkenstressed\xe2\x80\x99 again!",
  };
  for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
    char *one = glue(texts[t]);
    char lines[1024];
    size_t o = 0;
    for (const char *p = texts[t]; *p && o + 2 < sizeof lines; p++)
      lines[o++] = *p == ' ' ? '\t' : *p;
    lines[o] = '\0';
    char *other = glue(lines);
    for (char *p = other; *p; p++)
      if (*p == '\t')
        *p = ' ';
    cr_assert_str_eq(one, other, "%s", texts[t]);
    free(one);
    free(other);
  }
}

/* Runs of spaces (passed 8 at a time) and rules of a repeated character
 * (passed two at a time) between the words change no split: the same text
 * with single spaces splits the same tokens. */
Test(glue, space_runs_and_rules_change_no_split) {
  static const char one[] =
      "Antony Blinken met the prince. Later Blinken said more. "
      "\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81"
      "\xe2\x94\x81\xe2\x94\x81 Blinkenstressed the talks.";
  char runs[512];
  size_t o = 0;
  for (const char *p = one; *p; p++) {
    if (*p == ' ')
      for (int k = 0; k < 1 + (int)(o % 19); k++)
        runs[o++] = ' ';
    else
      runs[o++] = *p;
  }
  runs[o] = '\0';
  char *a = glue(one), *b = glue(runs);
  char squeezed[512];
  size_t q = 0;
  for (const char *p = b; *p; p++)
    if (*p != ' ' || q == 0 || squeezed[q - 1] != ' ')
      squeezed[q++] = *p;
  squeezed[q] = '\0';
  cr_assert_str_eq(a, squeezed);
  cr_assert(strstr(a, "Blinken stressed") != NULL);
  free(a);
  free(b);
}
