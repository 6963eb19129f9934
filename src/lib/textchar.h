/* textchar.h - small character helpers of the block stages unwrap and
 * dedup: code points out of text that is meant to be UTF-8 (a bad byte is
 * read as the code point -1, one byte long), their classes, case folding
 * and sentence ends.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#ifndef KEMPT_TEXTCHAR_H
#define KEMPT_TEXTCHAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

/* The code point at p[0..n), n > 0: returns its length in bytes. */
static inline size_t kempt__cp(const char *p, size_t n, int32_t *cp) {
  unsigned char c = (unsigned char)p[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  /* valid two- and three-byte sequences here, as utf8proc_iterate reads
   * them; the rest (four bytes, errors) through it */
  unsigned char c1 = n >= 2 ? (unsigned char)p[1] : 0;
  if (c >= 0xC2 && c <= 0xDF && (c1 & 0xC0) == 0x80) {
    *cp = (int32_t)((c & 0x1Fu) << 6 | (c1 & 0x3Fu));
    return 2;
  }
  if (c >= 0xE0 && c <= 0xEF && n >= 3 && (c1 & 0xC0) == 0x80 &&
      ((unsigned char)p[2] & 0xC0) == 0x80 && (c != 0xE0 || c1 >= 0xA0) &&
      (c != 0xED || c1 <= 0x9F)) {
    *cp = (int32_t)((c & 0x0Fu) << 12 | (c1 & 0x3Fu) << 6 |
                    ((unsigned char)p[2] & 0x3Fu));
    return 3;
  }
  utf8proc_int32_t v;
  utf8proc_ssize_t k =
      utf8proc_iterate((const utf8proc_uint8_t *)p, (utf8proc_ssize_t)n, &v);
  if (k <= 0) {
    *cp = -1;
    return 1;
  }
  *cp = v;
  return (size_t)k;
}

/* The code point that ends p[0..n), n > 0: returns its length in bytes. */
static inline size_t kempt__cp_last(const char *p, size_t n, int32_t *cp) {
  size_t k = 1;
  while (k < n && k < 4 && ((unsigned char)p[n - k] & 0xC0) == 0x80)
    k++;
  int32_t v;
  if (kempt__cp(p + n - k, k, &v) == k) {
    *cp = v;
    return k;
  }
  *cp = -1;
  return 1;
}

/* Punctuation, arrows, technical signs, box drawing, geometric shapes
 * and other symbols (U+2000-206F, U+2190-23FF, U+2500-26FF): no letters,
 * digits or marks there, nothing with case (tests/unit/test_unwrap.c
 * checks it against utf8proc). Bullets and rules come from here. */
static inline bool kempt__cp_symbol(int32_t cp) {
  return (cp >= 0x2000 && cp < 0x2070) || (cp >= 0x2190 && cp < 0x2400) ||
         (cp >= 0x2500 && cp < 0x2700);
}

static inline bool kempt__cp_letter(int32_t cp) {
  if (cp < 0x80)
    return (unsigned)((cp | 0x20) - 'a') < 26;
  if (kempt__cp_symbol(cp))
    return false;
  utf8proc_category_t c = utf8proc_category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

/* Letters and the marks that combine with them. */
static inline bool kempt__cp_wordchar(int32_t cp) {
  if (cp < 0x80)
    return (unsigned)((cp | 0x20) - 'a') < 26;
  if (kempt__cp_symbol(cp))
    return false;
  utf8proc_category_t c = utf8proc_category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME;
}

static inline bool kempt__cp_alnum(int32_t cp) {
  if (cp < 0x80)
    return (unsigned)((cp | 0x20) - 'a') < 26 || (unsigned)(cp - '0') < 10;
  if (kempt__cp_symbol(cp))
    return false;
  utf8proc_category_t c = utf8proc_category(cp);
  return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
         (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

static inline bool kempt__cp_lower(int32_t cp) {
  if (cp < 0x80)
    return cp >= 'a' && cp <= 'z';
  return !kempt__cp_symbol(cp) && utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

/* A letter of a script without case (Hangul, Han, Arabic, Hebrew, ...). */
static inline bool kempt__cp_caseless(int32_t cp) {
  return cp >= 0x80 && !kempt__cp_symbol(cp) &&
         utf8proc_category(cp) == UTF8PROC_CATEGORY_LO;
}

static inline bool kempt__cp_upper(int32_t cp) {
  if (cp < 0x80)
    return cp >= 'A' && cp <= 'Z';
  if (kempt__cp_symbol(cp))
    return false;
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static inline int32_t kempt__cp_fold(int32_t cp) {
  if (cp < 0x80)
    return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
  if (cp < 0x100) /* Latin-1 (checked against utf8proc in the tests) */
    return cp >= 0xC0 && cp <= 0xDE && cp != 0xD7 ? cp + 32 : cp;
  if (cp >= 0x400 && cp < 0x460) /* basic Cyrillic, the same */
    return cp < 0x410 ? cp + 80 : cp < 0x430 ? cp + 32 : cp;
  return cp < 0 || kempt__cp_symbol(cp) ? cp : utf8proc_tolower(cp);
}

/* Whether code point cp (0x80 <= cp < 0x800: two bytes of UTF-8) is its
 * own case fold (kempt__cp_fold) and not white space (U+00A0): a bit per
 * code point, made from kempt__cp_fold with utf8proc and checked against
 * it in tests/unit/test_dedup.c. Greek, Cyrillic and Latin small letters,
 * Hebrew, Arabic and the rest without case. */
static inline bool kempt__cp2_self(uint32_t cp) {
  static const uint64_t bits[32] = {
      0x0000000000000000ull, 0x0000000000000000ull,
      0xfffffffeffffffffull, 0xffffffff80800000ull,
      0x55aaaaaaaaaaaaaaull, 0xd4aaaaaaaaaaab55ull,
      0xee512d2a4e243129ull, 0xaa29aaaab555524full,
      0x93faaaaaaaaaaaaaull, 0xffffffffffffaa85ull,
      0xffffffffffffffffull, 0xffffffffffffffffull,
      0xffffffffffffffffull, 0x7fbaffffffffffffull,
      0xfffff004000128bfull, 0x196faaaaaaff7fffull,
      0xffff000000000000ull, 0xaaaaaaaaffffffffull,
      0xaaaaaaaaaaaaabfeull, 0xaaaaaaaaaaaad554ull,
      0x0001aaaaaaaaaaaaull, 0xffffffffff800000ull,
      0xffffffffffffffffull, 0xffffffffffffffffull,
      0xffffffffffffffffull, 0xffffffffffffffffull,
      0xffffffffffffffffull, 0xffffffffffffffffull,
      0xffffffffffffffffull, 0xffffffffffffffffull,
      0xffffffffffffffffull, 0xffffffffffffffffull};
  return (bits[cp >> 6 & 31] >> (cp & 63) & 1) != 0;
}

/* The set bits of a 16-bit mask, inline (without -mpopcnt
 * __builtin_popcount is a call into libgcc). */
static inline unsigned kempt__pop16(unsigned x) {
  x = x - (x >> 1 & 0x5555u);
  x = (x & 0x3333u) + (x >> 2 & 0x3333u);
  x = (x + (x >> 4)) & 0x0F0Fu;
  return (x + (x >> 8)) & 0x1Fu;
}

/* The eight bytes at p as a word, the first in the low byte. */
static inline uint64_t kempt__load_le64(const char *p) {
  uint64_t w;
  memcpy(&w, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  w = __builtin_bswap64(w);
#endif
  return w;
}

/* Columns of code point cp (not a tab) on a terminal: utf8proc's
 * character width or 0 (1 for a bad byte, -1); the common alphabets, box
 * drawing and CJK without a table look-up (tests/unit/test_unwrap.c
 * checks these ranges against utf8proc). */
static inline uint32_t kempt__cp_cols(int32_t cp) {
  if (cp < 0x80)
    return 1;
  if ((cp >= 0xA0 && cp < 0x300) || (cp >= 0x370 && cp < 0x483) ||
      (cp >= 0x48A && cp < 0x591) || (cp >= 0x1E00 && cp < 0x200B) ||
      (cp >= 0x2010 && cp < 0x2028) || (cp >= 0x2500 && cp < 0x25FD))
    return 1;
  if ((cp >= 0x4E00 && cp < 0xA000) || (cp >= 0xAC00 && cp < 0xD7A4) ||
      (cp >= 0x3041 && cp < 0x3097) || (cp >= 0x30A0 && cp < 0x3100) ||
      (cp >= 0x3000 && cp < 0x302A) || (cp >= 0xFF01 && cp < 0xFF61))
    return 2;
  int w = utf8proc_charwidth(cp);
  return w > 0 ? (uint32_t)w : 0;
}

/* Horizontal white space: space, tab, no-break space (U+00A0). */
static inline size_t kempt__hspace(const char *p, size_t n) {
  if (n && (p[0] == ' ' || p[0] == '\t'))
    return 1;
  if (n >= 2 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
    return 2;
  return 0;
}

/* Closing quotes and brackets that may follow a sentence's final mark. */
static inline bool kempt__cp_closer(int32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D ||
         cp == 0x2019 || cp == 0x00BB || cp == 0x203A || cp == 0x300D ||
         cp == 0x300F || cp == 0xFF09;
}

static inline bool kempt__cp_stop(int32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == ';' ||
         cp == 0x2026 || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F ||
         cp == 0xFF1A || cp == 0x061F || cp == 0x0964;
}

/* Whether p[0..n) (trimmed) ends a sentence: . ! ? : ; ... possibly
 * followed by closing quotes or brackets. */
static inline bool kempt__ends_sentence(const char *p, size_t n) {
  int32_t cp = -1;
  while (n) {
    n -= kempt__cp_last(p, n, &cp);
    if (!kempt__cp_closer(cp))
      return kempt__cp_stop(cp);
  }
  return false;
}

/* The first code point of p[0..n) after opening quotes and brackets, or
 * -1. */
static inline int32_t kempt__first_cp(const char *p, size_t n) {
  size_t i = 0;
  int32_t cp = -1;
  while (i < n) {
    i += kempt__cp(p + i, n - i, &cp);
    if (!(cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == 0x201C ||
          cp == 0x2018 || cp == 0x00AB || cp == 0x201E || cp == 0x2039))
      return cp;
  }
  return -1;
}

/* The length of the run of 3-byte characters at the start of p[0..n)
 * whose lead is E4..E9 or EB..EC (U+4000-9FFF and U+B000-CFFF: CJK
 * ideographs, Hangul syllables; the lead followed by two continuation
 * bytes), five at a time: a multiple of 15 bytes, 0 where SSE2 is
 * missing. Reads 16 bytes for each five. */
static inline size_t kempt__cjk_run(const unsigned char *p, size_t n) {
  size_t m = 0;
#if defined(__SSE2__) && defined(__GNUC__)
  const __m128i zero = _mm_setzero_si128();
  while (n - m >= 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + m));
    __m128i cont = _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xC0)),
                                  _mm_set1_epi8((char)0x80));
    /* v - E4 (mod 256) at most 5, or v - EB at most 1 */
    __m128i a = _mm_subs_epu8(_mm_sub_epi8(v, _mm_set1_epi8((char)0xE4)),
                              _mm_set1_epi8(5));
    __m128i b = _mm_subs_epu8(_mm_sub_epi8(v, _mm_set1_epi8((char)0xEB)),
                              _mm_set1_epi8(1));
    __m128i lead = _mm_or_si128(_mm_cmpeq_epi8(a, zero), _mm_cmpeq_epi8(b, zero));
    unsigned ml = (unsigned)_mm_movemask_epi8(lead);
    unsigned mc = (unsigned)_mm_movemask_epi8(cont);
    if ((ml & 0x1249u) != 0x1249u || (mc & 0x6DB6u) != 0x6DB6u)
      break;
    m += 15;
  }
#else
  (void)p;
  (void)n;
#endif
  return m;
}

#endif /* KEMPT_TEXTCHAR_H */
