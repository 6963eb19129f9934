/* json.h - a strict JSON scanner for one line of JSONL (internal).
 *
 * kempt__json_scan() validates a whole JSON text held in memory (RFC 8259:
 * objects, arrays, strings with escapes and surrogate pairs, numbers,
 * literals; the bytes must be UTF-8) without building anything, and finds
 * the value of one key of the top-level object, so that the framing can
 * splice a new value in place of the old one.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#ifndef KEMPT_JSON_H
#define KEMPT_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "internal.h"

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define KEMPT_JSON_SSE2 1
#endif

/* Nesting deeper than this is refused as invalid. */
#define KEMPT__JSON_MAX_DEPTH 512

enum kempt_json_result {
  KEMPT_JSON_FOUND,      /* valid, and the key's value is a string */
  KEMPT_JSON_INVALID,    /* not valid JSON (see *err) */
  KEMPT_JSON_NOT_OBJECT, /* valid, but not an object */
  KEMPT_JSON_MISSING,    /* valid object without the key */
  KEMPT_JSON_NOT_STRING  /* the key's value is not a string */
};

struct kempt_json_span {
  size_t start, end; /* the value: start at its '"', end after its '"' */
  size_t err;        /* for KEMPT_JSON_INVALID: offset of the error */
};

/* Scan p[0..n) (white space allowed around the value). key is matched
 * after its escapes are decoded; when it occurs more than once the last
 * occurrence counts (as most readers do). */
enum kempt_json_result kempt__json_scan(const char *p, size_t n,
                                        const char *key, size_t keylen,
                                        struct kempt_json_span *span);

/* Decode the escape at p[*i] (a backslash) of a string already validated
 * by the scan, and advance *i past it (both halves of a surrogate pair).
 * Returns the code point; an escaped lone surrogate comes out as U+FFFD. */
uint32_t kempt__json_unescape(const char *p, size_t *i);

/* Whether the 8 bytes at p are all ASCII that a JSON string holds as it
 * is: no control, quote, backslash or byte >= 0x80 (a word at a time). */
static inline bool kempt__json_plain8(const unsigned char *p) {
  const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
  uint64_t x, q, b;
  memcpy(&x, p, 8);
  q = x ^ (0x22 * ones); /* zero where '"' */
  b = x ^ (0x5C * ones); /* zero where '\\' */
  uint64_t bad = x | ((x - 0x20 * ones) & ~x) | ((q - ones) & ~q) |
                 ((b - ones) & ~b);
  return (bad & highs) == 0;
}

/* The offset in p[0..n) of the first byte that a JSON string cannot hold
 * as it is, a control, quote or backslash (bytes >= 0x80 pass), or n.
 * With c2e2, also stop at 0xC2 and 0xE2, the leads of U+0085, U+2028 and
 * U+2029. Sixteen bytes at a time with SSE2, else eight ASCII ones at a
 * time; reads nothing outside p[0..n). */
static inline size_t kempt__json_span(const unsigned char *p, size_t n,
                                      bool c2e2) {
  size_t i = 0;
#ifdef KEMPT_JSON_SSE2
  const __m128i quote = _mm_set1_epi8('"'), bs = _mm_set1_epi8('\\'),
                ctl = _mm_set1_epi8(0x1F), c2 = _mm_set1_epi8((char)0xC2),
                e2 = _mm_set1_epi8((char)0xE2);
  for (; n - i >= 16; i += 16) {
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
    __m128i m = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, bs)),
        _mm_cmpeq_epi8(_mm_min_epu8(x, ctl), x));
    if (c2e2)
      m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(x, c2),
                                       _mm_cmpeq_epi8(x, e2)));
    unsigned mask = (unsigned)_mm_movemask_epi8(m);
    if (mask)
      return i + (size_t)__builtin_ctz(mask);
  }
#endif
  for (; i < n; i++) {
#ifndef KEMPT_JSON_SSE2
    while (n - i >= 8 && kempt__json_plain8(p + i))
      i += 8;
    if (i == n)
      break;
#endif
    unsigned char c = p[i];
    if (c < 0x20 || c == '"' || c == '\\' ||
        (c2e2 && (c == 0xC2 || c == 0xE2)))
      break;
  }
  return i;
}

#endif
