/* lang.h - cheap language evidence from function words (stop words), for
 * the stages whose rules depend on the language (spacing, glue, chrome).
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#ifndef KEMPT_LANG_H
#define KEMPT_LANG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Languages with a function-word list (src/data/stopwords.txt order). */
enum kempt_lang {
  KEMPT_LANG_NONE = 0, /* unknown: too little evidence, or another one */
  KEMPT_LANG_EN,
  KEMPT_LANG_FR,
  KEMPT_LANG_DE,
  KEMPT_LANG_ES,
  KEMPT_LANG_IT,
  KEMPT_LANG_PT,
  KEMPT_LANG_NL,
  KEMPT_LANG_RU,
  KEMPT_LANG_PL,
  KEMPT_LANG_SV,
  KEMPT_LANG_ID,
  KEMPT_LANG_TR,
  KEMPT_LANG_CS,
  KEMPT_LANG_RO,
  KEMPT_LANG_UK,
  KEMPT_LANG_COUNT
};

/* ISO 639-1 code of l ("en"), or "" for KEMPT_LANG_NONE. */
const char *kempt__lang_code(enum kempt_lang l);

/* Languages in which the word w[0..n) (any case) is a function word: bit
 * (l - 1) is set for language l. 0 for other words. O(1): an ASCII word is
 * lower-cased by a table and probed in a generated hash; a word longer
 * than any function word (8 bytes for an all-ASCII one) costs nothing. */
uint32_t kempt__stopword_langs(const char *w, size_t n);

/* Bytes of the longest all-ASCII function word, and the most bytes a word
 * can have to be one at all (before it is lower-cased): callers that
 * lower-case words their own way (chrome) filter as
 * kempt__stopword_langs does. */
#define KEMPT_STOP_MAX_ASCII 8
#define KEMPT_STOP_MAX_WORD 24
/* Bytes of the longest function word once lower-cased (callers that
 * lower-case keys their own way, without changing their length, may pass
 * a longer one by). */
#define KEMPT_STOP_MAX_BYTES 14

/* The same for a key already lower-cased as kempt__stopword_langs does it
 * (ASCII A-Z to a-z, other letters by utf8proc_tolower): no copy, no case
 * mapping, for callers that keep lower-case keys (glue). */
uint32_t kempt__stopword_langs_lower(const char *key, size_t n);

/* The same for a key lower-cased that way of n <= 8 bytes, packed
 * little-endian (byte i at bits 8*i, the rest zero), for callers that pack
 * while they read (glue); 0 when n is 0 or over 8. */
uint32_t kempt__stopword_langs_packed(uint64_t key, size_t n);

/* The same for a key of n <= 16 bytes packed so in lo (bytes 0 to 7) and
 * hi (bytes 8 to 15); 0 when n is 0 or longer than any function word. */
uint32_t kempt__stopword_langs_packed16(uint64_t lo, uint64_t hi, size_t n);

/* Decode the code point at p[0..n) (n >= 1) into *cp, -1 for an invalid
 * byte; returns the bytes used (at least 1). */
size_t kempt__next_cp(const char *p, size_t n, int32_t *cp);
/* Lower-case w[0..n) into buf (cap bytes): returns the length, or 0 when
 * it does not fit or w is not valid UTF-8 (stop-word keys, --words). */
size_t kempt__utf8_lower(const char *w, size_t n, char *buf, size_t cap);

/* Find the next word (a run of letters and combining marks) in p[0..n):
 * returns true and sets *start and *len, or false when there is none. */
bool kempt__next_word(const char *p, size_t n, size_t *start, size_t *len);

/* Function-word counts of a stretch of text, to be added up over blocks. */
struct kempt_lang_count {
  uint32_t words;                   /* all words seen */
  uint32_t stop;                    /* words that are a function word in
                                       some language */
  uint32_t hits[KEMPT_LANG_COUNT];  /* function words, per language */
};

/* Add the words of text[0..n) to c. */
void kempt__lang_add(struct kempt_lang_count *c, const char *text, size_t n);

/* The language with clearly the most function words (at least 3, and a
 * third more than the runner-up), or KEMPT_LANG_NONE. */
enum kempt_lang kempt__lang_best(const struct kempt_lang_count *c);

/* kempt__lang_add over text alone, then kempt__lang_best. */
enum kempt_lang kempt__lang_guess(const char *text, size_t n);

#endif
