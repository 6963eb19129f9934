/* wordlist.h - the embedded English word list (SCOWL, levels 10 to 95).
 *
 * About half a million English spellings (American, British, Canadian,
 * Australian; common words, proper names, abbreviations) compiled into the
 * library from Debian's scowl package by tools/gen_wordlist.py; see
 * NOTICE-scowl. Used by glue (is a token a word?) and unwrap (is a joined
 * hyphenation a word?). Read-only tables: safe from any thread.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#ifndef KEMPT_WORDLIST_H
#define KEMPT_WORDLIST_H

#include <stdbool.h>
#include <stddef.h>

/* Longest word (in bytes) the list can hold; longer keys are unknown. */
#define KEMPT__WORD_MAX 64

/* The SCOWL size level of the word w[0..n) in any casing: 10 (among the
 * most common English words), 20, 35, 40, 50, 55, 60, 70, 80 or 95 (rare);
 * 0 when the word is not in the list. w is UTF-8 (need not be valid). */
int kempt__wordlist_level(const char *w, size_t n);

/* Like kempt__wordlist_level, and *proper is set to whether every spelling
 * of the word in the list is capitalised (a proper name: "Tuesday",
 * "Gaza"), false for unknown words. */
int kempt__wordlist_lookup(const char *w, size_t n, bool *proper);

/* Lower-case w[0..n) into buf (cap bytes): returns the length, or 0 when
 * it does not fit or w is not valid UTF-8. */
size_t kempt__word_lower(const char *w, size_t n, char *buf, size_t cap);

#endif
