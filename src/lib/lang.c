/* lang.c - language evidence from function words.
 *
 * Words are runs of letters and marks; each is lower-cased (a table for
 * ASCII, utf8proc for the rest) and looked up in an open-addressing hash
 * of the function words, with a bit mask of the languages they belong to
 * (generated from src/data/stopwords.txt by tools/gen_stopwords.py). Words
 * longer than the longest function word are rejected before any work.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "lang.h"

#include <string.h>
#include <utf8proc.h>

#include "stopwords_table.h"
#include "textchar.h" /* kempt__load_le64 */
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define LANG_SSE2 1
#endif
_Static_assert(KEMPT__STOP_MAX_ASCII == KEMPT_STOP_MAX_ASCII,
               "lang.h says how long an ASCII function word can be");
_Static_assert(KEMPT__STOP_MAX_BYTES == KEMPT_STOP_MAX_BYTES,
               "lang.h says how long a function word can be");

#define MAX_STOPWORD KEMPT_STOP_MAX_WORD /* longer: never function words */

const char *kempt__lang_code(enum kempt_lang l) {
  if (l <= KEMPT_LANG_NONE || l >= KEMPT_LANG_COUNT)
    return "";
  return stop_lang_codes[l - 1];
}

/* A letter or a mark (categories L and M). The blocks most text uses are
 * answered without utf8proc: Latin-1 letters, Latin Extended-A and -B,
 * Cyrillic, and the General Punctuation block (dashes, quotes, spaces);
 * test_lang checks every code point against utf8proc. */
static bool is_word_char(int32_t cp) {
  if (cp >= 0xC0 && cp <= 0x24F)
    return cp != 0xD7 && cp != 0xF7;
  if (cp >= 0x400 && cp <= 0x4FF)
    return cp != 0x482;
  if (cp >= 0x2000 && cp <= 0x206F)
    return false;
  utf8proc_category_t c = utf8proc_category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME;
}

static inline bool cont(unsigned char c) { return (c & 0xC0) == 0x80; }

/* As utf8proc_iterate decodes and validates (no overlong forms, no
 * surrogates, nothing above U+10FFFF, no cut sequence), without the
 * call; test_lang compares the two over every sequence of up to three
 * bytes and many of four. */
size_t kempt__next_cp(const char *p, size_t n, int32_t *cp) {
  const unsigned char *u = (const unsigned char *)p;
  unsigned char c = u[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  *cp = -1;
  if (c < 0xC2 || c > 0xF4)
    return 1;
  if (c < 0xE0) {
    if (n < 2 || !cont(u[1]))
      return 1;
    *cp = (int32_t)((c & 0x1Fu) << 6 | (u[1] & 0x3Fu));
    return 2;
  }
  if (c < 0xF0) {
    if (n < 3 || !cont(u[1]) || !cont(u[2]) || (c == 0xED && u[1] > 0x9F))
      return 1;
    int32_t v = (int32_t)((c & 0xFu) << 12 | (u[1] & 0x3Fu) << 6 |
                          (u[2] & 0x3Fu));
    if (v < 0x800)
      return 1;
    *cp = v;
    return 3;
  }
  if (n < 4 || !cont(u[1]) || !cont(u[2]) || !cont(u[3]) ||
      (c == 0xF0 && u[1] < 0x90) || (c == 0xF4 && u[1] > 0x8F))
    return 1;
  *cp = (int32_t)((c & 7u) << 18 | (u[1] & 0x3Fu) << 12 | (u[2] & 0x3Fu) << 6 |
                  (u[3] & 0x3Fu));
  return 4;
}

static inline bool ascii_letter(unsigned char c) {
  return (unsigned char)((c | 0x20) - 'a') < 26;
}

bool kempt__next_word(const char *p, size_t n, size_t *start, size_t *len) {
  size_t i = 0;
  utf8proc_int32_t cp;
  while (i < n) { /* skip to a letter */
    unsigned char c = (unsigned char)p[i];
    if (ascii_letter(c))
      break;
    if (c < 0x80) {
      i++;
      continue;
    }
    size_t k = kempt__next_cp(p + i, n - i, &cp);
    if (cp >= 0 && is_word_char(cp))
      break;
    i += k;
  }
  if (i == n)
    return false;
  size_t j = i;
  while (j < n) {
    unsigned char c = (unsigned char)p[j];
    if (ascii_letter(c)) {
      j++;
      continue;
    }
    if (c < 0x80)
      break;
    size_t k = kempt__next_cp(p + j, n - j, &cp);
    if (cp < 0 || !is_word_char(cp))
      break;
    j += k;
  }
  *start = i;
  *len = j - i;
  return true;
}

size_t kempt__utf8_lower(const char *w, size_t n, char *buf, size_t cap) {
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    utf8proc_int32_t cp;
    unsigned char c = (unsigned char)w[i];
    if (c < 0x80) {
      if (o + 1 > cap)
        return 0;
      buf[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
      i++;
      continue;
    }
    i += kempt__next_cp(w + i, n - i, &cp);
    if (cp < 0 || o + 4 > cap)
      return 0;
    o += (size_t)utf8proc_encode_char(utf8proc_tolower(cp),
                                      (utf8proc_uint8_t *)buf + o);
  }
  return o;
}

/* The slot of a packed key (tools/gen_stopwords.py computes the same). */
static inline size_t stop_hash(uint64_t lo, uint64_t hi, size_t n) {
  uint64_t h = ((lo + n) * KEMPT__STOP_K1) ^ (hi * KEMPT__STOP_K2);
  return (size_t)(h >> (64 - KEMPT__STOP_BITS));
}

/* The languages of the packed lower-case key, by linear probing. */
static inline uint32_t probe(uint64_t lo, uint64_t hi, size_t n) {
  const size_t mask = ((size_t)1 << KEMPT__STOP_BITS) - 1;
  for (size_t h = stop_hash(lo, hi, n);; h = (h + 1) & mask) {
    unsigned e = stop_slots[h];
    if (e == 0)
      return 0;
    const struct stopword *sw = &stopwords[e - 1];
    if (sw->lo == lo && sw->hi == hi && sw->len == n)
      return sw->langs;
  }
}

/* Pack key[0..n) (n <= 16) as the generator does: byte i at bits 8*(i%8)
 * of lo or hi. */
static uint32_t lookup_packed(const char *key, size_t n) {
  char b[16] = {0};
  memcpy(b, key, n < 16 ? n : 16);
  return probe(kempt__load_le64(b), kempt__load_le64(b + 8), n);
}

uint32_t kempt__stopword_langs_lower(const char *key, size_t n) {
  if (n == 0 || n > KEMPT__STOP_MAX_BYTES)
    return 0;
  return lookup_packed(key, n);
}

uint32_t kempt__stopword_langs_packed(uint64_t key, size_t n) {
  if (n == 0 || n > 8)
    return 0;
  return probe(key, 0, n);
}

uint32_t kempt__stopword_langs_packed16(uint64_t lo, uint64_t hi, size_t n) {
  if (n == 0 || n > KEMPT__STOP_MAX_BYTES)
    return 0;
  return probe(lo, hi, n);
}

uint32_t kempt__stopword_langs(const char *w, size_t n) {
  if (n == 0)
    return 0;
  /* ASCII: lower-case by a table as we pack; the length filter first
   * (lower-casing ASCII keeps it). */
  if (n <= KEMPT__STOP_MAX_ASCII) {
    uint64_t lo = 0;
    size_t i = 0;
    for (; i < n; i++) {
      unsigned char c = (unsigned char)w[i];
      if (c >= 0x80)
        break;
      lo |= (uint64_t)(c + ((unsigned char)(c - 'A') < 26 ? 32 : 0))
            << (8 * i);
    }
    if (i == n)
      return probe(lo, 0, n);
  } else {
    if (n > MAX_STOPWORD)
      return 0;
    const unsigned char *u = (const unsigned char *)w;
    size_t i = 0;
    while (i < n && u[i] < 0x80)
      i++;
    if (i == n)
      return 0; /* all ASCII and longer than any ASCII function word */
  }
  char buf[MAX_STOPWORD * 2];
  size_t k = kempt__utf8_lower(w, n, buf, sizeof buf);
  if (k == 0 || k > KEMPT__STOP_MAX_BYTES)
    return 0;
  return lookup_packed(buf, k);
}

static void count_word(struct kempt_lang_count *c, uint32_t m) {
  c->words++;
  if (m)
    c->stop++;
  for (int l = 1; m; l++, m >>= 1)
    if (m & 1u)
      c->hits[l]++;
}

/* The words as kempt__next_word finds them, with an ASCII fast path: an
 * ASCII word is lower-cased and packed while it is scanned, and probed at
 * once. A word with other letters goes the general way. */
void kempt__lang_add(struct kempt_lang_count *c, const char *text, size_t n) {
  const unsigned char *p = (const unsigned char *)text;
  size_t i = 0;
  while (i < n) {
    unsigned char ch = p[i];
    if (ch < 0x80) {
      if (!ascii_letter(ch)) {
        i++;
        continue;
      }
      size_t j = i;
      uint64_t lo = 0;
      for (; j < n && ascii_letter(p[j]); j++)
        if (j - i < 8)
          lo |= (uint64_t)(p[j] | 0x20) << (8 * (j - i));
      bool ends = j == n || p[j] < 0x80;
      if (!ends) { /* ends too before a non-ASCII character that is no
                      letter or mark: "it’s", "war—" */
        int32_t cp;
        kempt__next_cp(text + j, n - j, &cp);
        ends = cp < 0 || !is_word_char(cp);
      }
      if (ends) {
        count_word(c, j - i <= KEMPT__STOP_MAX_ASCII ? probe(lo, 0, j - i)
                                                     : 0);
        i = j;
        continue;
      }
    }
    size_t start, len;
    if (!kempt__next_word(text + i, n - i, &start, &len))
      break;
    count_word(c, kempt__stopword_langs(text + i + start, len));
    i += start + len;
  }
}

#ifdef LANG_SSE2
/* The greater of a and b in each lane, biased values (unsigned order as
 * signed: x ^ 0x80000000). */
static inline __m128i max_biased(__m128i a, __m128i b) {
  __m128i gt = _mm_cmpgt_epi32(a, b);
  return _mm_or_si128(_mm_and_si128(gt, a), _mm_andnot_si128(gt, b));
}

/* The lanes of x equal to m as bits (the lowest lane first). */
static inline unsigned eq_bits(__m128i x, __m128i m) {
  return (unsigned)_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(x, m)));
}

/* x with its lanes equal to m set to zero (biased: zero is the bias). */
static inline __m128i drop_top(__m128i x, __m128i m, __m128i zero) {
  __m128i e = _mm_cmpeq_epi32(x, m);
  return _mm_or_si128(_mm_and_si128(e, zero), _mm_andnot_si128(e, x));
}

/* kempt__lang_best of 13 to 16 languages, four at a time: the most hits
 * (top), the first language with them, and the most of the others
 * (second: top again when two have it). */
#define LANG_LAST4 (KEMPT_LANG_COUNT - 4) /* the first of the last four */
static enum kempt_lang lang_best_sse2(const uint32_t *hits) {
  const __m128i bias = _mm_set1_epi32(INT32_MIN);
  /* languages 1-4, 5-8, 9-12 and the last four (some twice: no matter
   * for a maximum, nor for the bits, which are the same) */
  __m128i a = _mm_xor_si128(
              _mm_loadu_si128((const __m128i *)(const void *)(hits + 1)),
              bias),
          b = _mm_xor_si128(
              _mm_loadu_si128((const __m128i *)(const void *)(hits + 5)),
              bias),
          c = _mm_xor_si128(
              _mm_loadu_si128((const __m128i *)(const void *)(hits + 9)),
              bias),
          d = _mm_xor_si128(
              _mm_loadu_si128(
                  (const __m128i *)(const void *)(hits + LANG_LAST4)),
              bias);
  __m128i m = max_biased(max_biased(a, b), max_biased(c, d));
  m = max_biased(m, _mm_shuffle_epi32(m, _MM_SHUFFLE(1, 0, 3, 2)));
  m = max_biased(m, _mm_shuffle_epi32(m, _MM_SHUFFLE(2, 3, 0, 1)));
  uint32_t top = (uint32_t)_mm_cvtsi128_si32(m) ^ 0x80000000u;
  if (top < 3)
    return KEMPT_LANG_NONE;
  unsigned eq = eq_bits(a, m) | eq_bits(b, m) << 4 | eq_bits(c, m) << 8 |
                eq_bits(d, m) << (LANG_LAST4 - 1);
  uint32_t second = top;
  if (!(eq & (eq - 1))) { /* one language has top: the most of the rest */
    __m128i s = max_biased(max_biased(drop_top(a, m, bias),
                                      drop_top(b, m, bias)),
                           max_biased(drop_top(c, m, bias),
                                      drop_top(d, m, bias)));
    s = max_biased(s, _mm_shuffle_epi32(s, _MM_SHUFFLE(1, 0, 3, 2)));
    s = max_biased(s, _mm_shuffle_epi32(s, _MM_SHUFFLE(2, 3, 0, 1)));
    second = (uint32_t)_mm_cvtsi128_si32(s) ^ 0x80000000u;
  }
  if (3 * top < 4 * second)
    return KEMPT_LANG_NONE;
  return (enum kempt_lang)(__builtin_ctz(eq) + 1);
}
#endif

enum kempt_lang kempt__lang_best(const struct kempt_lang_count *c) {
#ifdef LANG_SSE2
  if (KEMPT_LANG_COUNT >= 14 && KEMPT_LANG_COUNT <= 17)
    return lang_best_sse2(c->hits);
#endif
  int best = 0;
  uint32_t top = 0, second = 0;
  for (int l = 1; l < KEMPT_LANG_COUNT; l++) {
    if (c->hits[l] > top) {
      second = top;
      top = c->hits[l];
      best = l;
    } else if (c->hits[l] > second) {
      second = c->hits[l];
    }
  }
  if (top < 3 || 3 * top < 4 * second)
    return KEMPT_LANG_NONE;
  return (enum kempt_lang)best;
}

enum kempt_lang kempt__lang_guess(const char *text, size_t n) {
  struct kempt_lang_count c;
  memset(&c, 0, sizeof c);
  kempt__lang_add(&c, text, n);
  return kempt__lang_best(&c);
}
