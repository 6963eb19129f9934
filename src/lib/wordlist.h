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
#include <stdint.h>
#include <string.h>

#include "textchar.h" /* kempt__load_le64 */
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

/* Longest word (in bytes) the list can hold; longer keys are unknown. */
#define KEMPT__WORD_MAX 64

/* The last step of kempt__word_hash. */
static inline uint64_t kempt__word_hash_end(uint64_t h) {
  h ^= h >> 30;
  h *= 0x94D049BB133111EBu;
  return h ^ (h >> 31);
}

/* One 8-byte chunk c of a key into the hash h. */
static inline uint64_t kempt__word_hash_step(uint64_t h, uint64_t c) {
  h = (h ^ c) * 0xBF58476D1CE4E5B9u;
  return h ^ (h >> 31);
}

/* The SCOWL size level of the word w[0..n) in any casing: 10 (among the
 * most common English words), 20, 35, 40, 50, 55, 60, 70, 80 or 95 (rare);
 * 0 when the word is not in the list. w is UTF-8 (need not be valid). */
int kempt__wordlist_level(const char *w, size_t n);

/* Like kempt__wordlist_level, and *proper is set to whether every spelling
 * of the word in the list is capitalised (a proper name: "Tuesday",
 * "Gaza"), false for unknown words. */
int kempt__wordlist_lookup(const char *w, size_t n, bool *proper);

/* kempt__word_hash of k[0..n) when k holds zeros from n up to the next
 * multiple of 8. */
static inline uint64_t kempt__word_hash_padded(const char *k, size_t n) {
  uint64_t h = (uint64_t)n * 0x9E3779B97F4A7C15u;
  for (size_t i = 0; i < n; i += 8)
    h = kempt__word_hash_step(h, kempt__load_le64(k + i));
  return kempt__word_hash_end(h);
}

/* kempt__word_hash_padded of a key of 1 to 16 bytes held in two words
 * (little-endian, zero padded): k0 its first 8 bytes, k1 the rest (read
 * when n > 8), without storing it. */
static inline uint64_t kempt__word_hash_words(size_t n, uint64_t k0,
                                              uint64_t k1) {
  uint64_t h = kempt__word_hash_step((uint64_t)n * 0x9E3779B97F4A7C15u, k0);
  if (n > 8)
    h = kempt__word_hash_step(h, k1);
  return kempt__word_hash_end(h);
}

/* kempt__word_hash of k[0..n) when k may be read up to the next multiple
 * of 8 past n (whatever the bytes there). */
static inline uint64_t kempt__word_hash_prefix(const char *k, size_t n) {
  uint64_t h = (uint64_t)n * 0x9E3779B97F4A7C15u;
  size_t i = 0;
  for (; i + 8 <= n; i += 8)
    h = kempt__word_hash_step(h, kempt__load_le64(k + i));
  if (i < n)
    h = kempt__word_hash_step(
        h, kempt__load_le64(k + i) & (((uint64_t)1 << (8 * (n - i))) - 1));
  return kempt__word_hash_end(h);
}

/* The hash of the lower-case key k[0..n) that the list is searched by
 * (tools/gen_wordlist.py computes the same): 8 bytes at a time, packed
 * little-endian, the last chunk padded with zeros. */
static inline uint64_t kempt__word_hash(const char *k, size_t n) {
  uint64_t h = (uint64_t)n * 0x9E3779B97F4A7C15u;
  size_t i = 0;
  for (; i + 8 <= n; i += 8)
    h = kempt__word_hash_step(h, kempt__load_le64(k + i));
  if (i < n) {
    char b[8] = {0};
    memcpy(b, k + i, n - i);
    h = kempt__word_hash_step(h, kempt__load_le64(b));
  }
  return kempt__word_hash_end(h);
}

/* The list's lines of entries (wordlist_table.h's), 2^KEMPT__WL_LINE_BITS
 * of 64 bytes, the entries of the buckets too full for their line, and
 * the levels: for kempt__wordlist_probe and kempt__wordlist_prefetch,
 * inline where they are asked. */
#define KEMPT__WL_LINE_BITS 16
extern const uint32_t (*const kempt__wl_lines)[16];
extern const uint32_t *const kempt__wl_more;
extern const unsigned char *const kempt__wl_levels;

/* The entry of the word whose hash is h, or 0: the entries of its bucket
 * are in one line of the lines (or, for a few, in the more). */
static inline uint32_t kempt__wordlist_find(uint64_t h) {
  const uint32_t *line = kempt__wl_lines[h >> (64 - KEMPT__WL_LINE_BITS)];
  uint32_t head = line[0];
  uint32_t first = head & 31u, all = (head >> 5) & 31u;
  bool second = (h >> (63 - KEMPT__WL_LINE_BITS)) & 1u;
  uint32_t fp = (uint32_t)h & 0xFFFFFFC0u;
  uint32_t i = second ? first : 0, end = second ? all : first;
#if defined(__SSE2__) && defined(__GNUC__)
  if (!(head & (1u << 10))) {
    /* the line's 16 words compared at once: bit 1 + i of the mask for
     * entry i (word 0 is the header), the bucket's bits kept */
    const __m128i keep = _mm_set1_epi32((int)0xFFFFFFC0u),
                  want = _mm_set1_epi32((int)fp);
    const __m128i *v = (const __m128i *)(const void *)line;
    __m128i a = _mm_cmpeq_epi32(_mm_and_si128(_mm_loadu_si128(v), keep), want),
            b = _mm_cmpeq_epi32(_mm_and_si128(_mm_loadu_si128(v + 1), keep),
                                want),
            c = _mm_cmpeq_epi32(_mm_and_si128(_mm_loadu_si128(v + 2), keep),
                                want),
            d = _mm_cmpeq_epi32(_mm_and_si128(_mm_loadu_si128(v + 3), keep),
                                want);
    unsigned m = (unsigned)_mm_movemask_epi8(
        _mm_packs_epi16(_mm_packs_epi32(a, b), _mm_packs_epi32(c, d)));
    m &= (2u << end) - (2u << i); /* bits 1 + i to end (end >= i) */
    return m ? line[__builtin_ctz(m)] : 0;
  }
#endif
  const uint32_t *e =
      head & (1u << 10) ? kempt__wl_more + (head >> 11) : line + 1;
  for (; i < end; i++)
    if ((e[i] & 0xFFFFFFC0u) == fp)
      return e[i];
  return 0;
}

/* Like kempt__wordlist_lookup for a key whose kempt__word_hash is h. */
static inline int kempt__wordlist_probe(uint64_t h, bool *proper) {
  uint32_t e = kempt__wordlist_find(h);
  *proper = (e & 16u) != 0;
  return e ? kempt__wl_levels[e & 15u] : 0;
}

/* Start fetching what kempt__wordlist_probe(h) will read (a hint). */
static inline void kempt__wordlist_prefetch(uint64_t h) {
#if defined(__GNUC__)
  __builtin_prefetch(kempt__wl_lines[h >> (64 - KEMPT__WL_LINE_BITS)]);
#else
  (void)h;
#endif
}

/* Whether the list spells the word whose key hashes to h with a capital
 * after the first letter (iPhone, McDonald, JavaScript). */
bool kempt__wordlist_camel(uint64_t h);

#endif
