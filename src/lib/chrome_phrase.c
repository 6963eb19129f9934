/* chrome_phrase.c - the chrome stage's line tokenizer and phrase rules.
 *
 * A line is cut into words (runs of letters, marks and digits; a run of
 * digits alone is one "number" word, written '#' in rules); each word is
 * lower-cased and hashed, and a word sequence hashes to one 64-bit key.
 * Rules (src/data/chrome/LANG.rules, compiled in by
 * tools/gen_chrome_rules.py, plus --rules files) sit in one open-addressing
 * table keyed by their word sequence and kind, so matching a line costs a
 * few look-ups, whatever the number of rules; filters on the first word
 * and on the key of each kind skip most look-ups.
 *
 * The tokenizer makes one pass over a line and gathers the character
 * features on the way (code points, separators, brackets). ASCII words go
 * 8 bytes at a time, without utf8proc; other characters are decoded here
 * and looked up in a small cache of utf8proc's answers. Lines end in '\n'
 * with CHROME_LEX_PAD readable bytes from it, so the loops need no bound
 * checks.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chrome_int.h"
#include "lang.h"

#include <utf8proc.h>

#define MAX_PATTERN 256

/* Rare paths kept out of the tokenizer's loops. */
#if defined(__GNUC__) || defined(__clang__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif
/* read_word_mixed's arguments as they are: GCC would pass them in other
 * ways (IPA-SRA), at a cost to the callers' loops. */
#if defined(__GNUC__) && !defined(__clang__)
#define NOIPA __attribute__((noipa))
#else
#define NOIPA
#endif
#if defined(__GNUC__) || defined(__clang__)
#define ALWAYS_INLINE static inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE static inline
#endif

#include "chrome_rules.h"


/* Kind of character: 0 other, 1 letter or mark, 2 digit, 3 the (c) sign. */
static int char_kind(utf8proc_int32_t cp) {
  if (cp < 0x80) {
    if ((unsigned)((cp | 0x20) - 'a') < 26)
      return 1;
    return (unsigned)(cp - '0') < 10 ? 2 : 0;
  }
  if (cp == 0xA9)
    return 3;
  utf8proc_category_t c = utf8proc_category(cp);
  if (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME)
    return 1;
  return c == UTF8PROC_CATEGORY_ND ? 2 : 0;
}

static bool is_upper(utf8proc_int32_t cp) {
  if (cp < 0x80)
    return (unsigned)(cp - 'A') < 26;
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static void cp_compute(utf8proc_int32_t cp, struct chrome_cpinfo *e) {
  e->cp = cp;
  e->kind = (uint8_t)char_kind(cp);
  e->upper = is_upper(cp);
  utf8proc_uint8_t b[4];
  e->nlow = (uint8_t)utf8proc_encode_char(utf8proc_tolower(cp), b);
  e->low = 0;
  for (unsigned i = 0; i < e->nlow; i++)
    e->low |= (uint32_t)b[i] << (8 * i);
}

/* The facts of code point cp (>= 0x80), through the cache when there is
 * one (else in *tmp). */
static inline const struct chrome_cpinfo *
cp_get(struct chrome_cpinfo *cache, utf8proc_int32_t cp,
       struct chrome_cpinfo *tmp) {
  struct chrome_cpinfo *e =
      cache ? &cache[(uint32_t)cp & (CHROME_CP_SLOTS - 1)] : tmp;
  if (!cache || e->cp != cp)
    cp_compute(cp, e);
  return e;
}

static inline bool is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

/* Decode the code point at p[0..n) (p[0] >= 0x80) as kempt__next_cp does:
 * the common two- and three-byte forms here, the rest there. */
static inline size_t decode(const unsigned char *p, size_t n,
                            utf8proc_int32_t *cp) {
  unsigned c = p[0];
  if (c >= 0xC2 && c < 0xE0 && n >= 2 && is_cont(p[1])) {
    *cp = (utf8proc_int32_t)((c & 0x1Fu) << 6 | (p[1] & 0x3Fu));
    return 2;
  }
  if (c >= 0xE1 && c < 0xF0 && c != 0xED && n >= 3 && is_cont(p[1]) &&
      is_cont(p[2])) {
    *cp = (utf8proc_int32_t)((c & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 |
                             (p[2] & 0x3Fu));
    return 3;
  }
  return kempt__next_cp((const char *)p, n, cp);
}

/* decode at p[0] (0x80 and up) before the line's end mark: a valid
 * sequence's continuation bytes come before it (p[n] is '\n'), so that
 * they are read only when the bytes before them are continuation bytes,
 * without a bound check. left: the bytes from p on (for the rare forms). */
static inline size_t decode_nl(const unsigned char *p, size_t left,
                               utf8proc_int32_t *cp) {
  unsigned c = p[0], c1 = p[1];
  if (c - 0xC2u < 0x1Eu) {
    if (!is_cont((unsigned char)c1)) {
      *cp = -1;
      return 1;
    }
    *cp = (utf8proc_int32_t)((c & 0x1Fu) << 6 | (c1 & 0x3Fu));
    return 2;
  }
  if (c - 0xE1u < 0x0Fu && c != 0xED && is_cont((unsigned char)c1) &&
      is_cont(p[2])) {
    *cp = (utf8proc_int32_t)((c & 0x0Fu) << 12 | (c1 & 0x3Fu) << 6 |
                             (p[2] & 0x3Fu));
    return 3;
  }
  utf8proc_int32_t r; /* (so that *cp need not be in memory) */
  size_t k = kempt__next_cp((const char *)p, left, &r);
  *cp = r;
  return k;
}

/* ASCII bytes for the tokenizer: the lower-case form of a letter or
 * digit, 0 for other bytes (and 0x80 and up: LOW_HIGH). */
#define LOW_HIGH 0xFF
#define R8(a) a, a + 1, a + 2, a + 3, a + 4, a + 5, a + 6, a + 7
#define Z8 0, 0, 0, 0, 0, 0, 0, 0
#define H8 LOW_HIGH, LOW_HIGH, LOW_HIGH, LOW_HIGH, LOW_HIGH, LOW_HIGH, \
           LOW_HIGH, LOW_HIGH
static const uint8_t ascii_low[256] = {
    Z8, Z8, Z8, Z8, Z8, Z8,
    R8('0'), '8', '9', 0, 0, 0, 0, 0, 0,           /* 0-9 */
    0, R8('a'), R8('i'), R8('q'), 'y', 'z', 0, 0, 0, 0, 0, /* @A-Z */
    0, R8('a'), R8('i'), R8('q'), 'y', 'z', 0, 0, 0, 0, 0, /* `a-z */
    H8, H8, H8, H8, H8, H8, H8, H8, H8, H8, H8, H8, H8, H8, H8, H8};

/* Bytes between words: 0 nothing to note, 1 a word starts, 2 maybe a
 * separator, a bracket or a dot (and 0x0E, which the caption checks take
 * for one), or the end of the line ('\n'), 3 0x80 and up. */
enum { S_SKIP = 0, S_WORD = 1, S_MARK = 2, S_HIGH = 3 };
#define W8 1, 1, 1, 1, 1, 1, 1, 1
#define X8 3, 3, 3, 3, 3, 3, 3, 3
static const uint8_t ascii_skip[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2, 0, /* '\n', 0x0E */
    Z8, Z8,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, /* '.', '/' */
    W8, 1, 1, 0, 0, 0, 0, 2, 0,                     /* 0-9, '>' */
    0, 1, 1, 1, 1, 1, 1, 1, W8,                     /* @A-O */
    W8, 1, 1, 1, 2, 0, 0, 0, 0,                     /* P-Z, '[' */
    0, 1, 1, 1, 1, 1, 1, 1, W8,                     /* `a-o */
    W8, 1, 1, 1, 0, 2, 0, 0, 0,                     /* p-z, '|' */
    X8, X8, X8, X8, X8, X8, X8, X8, X8, X8, X8, X8, X8, X8, X8, X8};

/* A separator of more than one byte at p[i] followed by a space: the
 * single angle quote, the middle dot or a bullet. */
static inline bool sep_here(const unsigned char *p, size_t n, size_t i) {
  if (p[i] == 0xC2)
    return i + 2 < n && p[i + 1] == 0xB7 && p[i + 2] == ' ';
  return p[i] == 0xE2 && i + 3 < n && p[i + 1] == 0x80 &&
         (p[i + 2] == 0xBA || p[i + 2] == 0xA2) && p[i + 3] == ' ';
}

/* A word's hash: its lower-case bytes in chunks of 8 (little-endian, the
 * last one padded with zero bytes, which no word holds), each mixed into
 * the state, then a final mix. Any hash would do that is the same for the
 * same bytes: rules and text go through this same code. */
struct whash {
  uint64_t h, w; /* state, and the chunk being filled */
  unsigned nw;   /* bytes in w */
};
#define WH_INIT 0x243f6a8885a308d3ull
static inline uint64_t wh_mix(uint64_t h, uint64_t w) {
  return (h ^ w) * 0x9e3779b97f4a7c15ull;
}
static inline void wh_byte(struct whash *s, unsigned char c) {
  s->w |= (uint64_t)c << (8 * s->nw);
  if (++s->nw == 8) {
    s->h = wh_mix(s->h, s->w);
    s->w = 0;
    s->nw = 0;
  }
}
/* k (0..8) bytes at once, the first in the low byte of b (the bytes
 * above them zero). */
static inline void wh_bytes(struct whash *s, uint64_t b, unsigned k) {
  unsigned room = 8 - s->nw;
  s->w |= b << (8 * s->nw);
  if (k < room) {
    s->nw += k;
    return;
  }
  s->h = wh_mix(s->h, s->w); /* the chunk is full */
  s->w = room < 8 ? b >> (8 * room) : 0;
  s->nw = k - room;
}
static inline uint64_t wh_final(const struct whash *s) {
  return s->nw ? wh_mix(s->h, s->w) : s->h; /* the high bits are good */
}
#define NUMBER_HASH 0x6a09e667f3bcc909ull /* every all-digit word */

static void fill_tok(struct chrome_tok *t, const struct whash *s, bool alpha,
                     bool upper, size_t i, size_t j) {
  t->h = alpha ? wh_final(s) : NUMBER_HASH;
  t->alpha = alpha;
  t->upper = upper;
  t->start = (uint32_t)i;
  t->end = (uint32_t)j;
}

/* Code points of two or three bytes that are never word characters nor
 * the (c) sign, known without utf8proc. C2 xx, U+0080..U+00BF: all but
 * the bits of C2_WORDISH (bit b: U+0080 + b is ª, µ, º or the (c) sign).
 * E2 xx yy, U+2000..U+2FFF: bit (xx & 0x3F) of E2_PLAIN says the 64 code
 * points U+2000 + 64 * (xx & 0x3F) on are all punctuation, symbols, spaces
 * or unassigned (General Punctuation, arrows, box drawing, shapes, ...).
 * tests/unit/test_chrome_lex.c checks both against utf8proc. */
#define C2_WORDISH 0x0420060000000000ull
#define E2_PLAIN 0xfe00ffffffffff81ull

/* Whether the character 0x80 and up at p[j] is one of those, or the (c)
 * sign: it ends a word there, as read_word_mixed would find (a valid
 * sequence's continuation bytes are before p[n], which is '\n'). */
static inline bool ends_word(const unsigned char *p, size_t j) {
  unsigned c = p[j], c1 = p[j + 1];
  if (c == 0xC2)
    return is_cont((unsigned char)c1) &&
           (c1 == 0xA9 || !((C2_WORDISH >> (c1 & 0x3F)) & 1));
  return c == 0xE2 && is_cont((unsigned char)c1) &&
         ((E2_PLAIN >> (c1 & 0x3F)) & 1) && is_cont(p[j + 2]);
}

#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* The bytes of x that end a run of ASCII letters and digits (all but
 * those, 0x80 and up among them): the high bit of each (returned); the
 * high bit of each letter in *let (bytes 0x80 and up may show there too:
 * the callers count only the letters before the first that ends). */
static inline uint64_t swar_stop(uint64_t x, uint64_t *let) {
  uint64_t y = x & ~HIGHS, lo = y | 0x20 * ONES;
  uint64_t l = (lo + 0x1f * ONES) & ~(lo + 0x05 * ONES) & HIGHS;
  uint64_t dig = (y + 0x50 * ONES) & ~(y + 0x46 * ONES) & HIGHS;
  *let = l;
  return (~(l | dig) & HIGHS) | (x & HIGHS);
}

/* read_word_mixed gathers the lower-case bytes of a word that it has not
 * yet mixed into its hash *h (struct whash's chunks) in a buffer b of
 * WB_SIZE bytes, *o of them. Each character or run adds at most 16 (with
 * stores of up to 16 bytes: those after *o do not count), and the whole
 * chunks are mixed in once WB_FULL have come. */
#define WB_SIZE 64
#define WB_FULL 40

/* Mix the whole chunks of b into *h, keep the rest. */
static inline void wb_mix(uint64_t *h, unsigned char *b, size_t *o) {
  size_t k = 0;
  for (; k + 8 <= *o; k += 8) {
    uint64_t c;
    memcpy(&c, b + k, 8);
    *h = wh_mix(*h, c);
  }
  memmove(b, b + k, 8);
  *o -= k;
}

/* The hash of all of them (wh_final). */
static inline uint64_t wb_final(uint64_t h, unsigned char *b, size_t o) {
  wb_mix(&h, b, &o);
  if (!o)
    return h;
  uint64_t c;
  memcpy(&c, b, 8);
  return wh_mix(h, c & (~0ull >> (64 - 8 * o)));
}

/* The ASCII letters and digits from p[j] on (one at least), added to the
 * buffer lower-cased, 8 bytes at a time (p[n] is '\n' and bytes after it
 * can be read); *letter is set when one is a letter. Returns the offset
 * after them. */
static inline size_t ascii_run(const unsigned char *p, size_t j, uint64_t *h,
                               unsigned char *b, size_t *o, bool *letter) {
  uint64_t letters = 0;
  for (;;) {
    uint64_t x;
    memcpy(&x, p + j, 8);
    uint64_t let, stop = swar_stop(x, &let);
    uint64_t low = x | 0x20 * ONES;
    memcpy(b + *o, &low, 8);
    if (!stop) {
      letters |= let;
      j += 8;
      *o += 8;
      if (*o >= WB_FULL)
        wb_mix(h, b, o);
      continue;
    }
    uint64_t keep = ((stop & (0 - stop)) >> 7) - 1; /* bytes before it */
    unsigned len = kempt__chrome_ctz(stop) >> 3;
    letters |= let & keep;
    j += len;
    *o += len;
    break;
  }
  *letter = *letter || letters != 0;
  return j;
}

#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#define CYR_RUN 1

/* cyr_low's and greek_low's last step: the two-byte letters of x, as
 * 16-bit lanes (the lead byte low), lower-cased (the capitals of the
 * first range, cap_a, 0x20 on in their second byte: + 0x2000; those of
 * the second, cap_r, to the next lead byte: + 0xE001) into w; the
 * capitals' bits in *cap; returns k (the letters). */
static inline unsigned lower_pairs(__m128i x, __m128i cap_a, __m128i cap_r,
                                   unsigned k, uint64_t w[2], unsigned *cap) {
  __m128i low = _mm_add_epi16(
      x, _mm_or_si128(_mm_and_si128(cap_a, _mm_set1_epi16(0x2000)),
                      _mm_and_si128(cap_r, _mm_set1_epi16((short)0xE001))));
  *cap = (unsigned)_mm_movemask_epi8(_mm_or_si128(cap_a, cap_r));
  w[0] = (uint64_t)_mm_cvtsi128_si64(low);
  w[1] = (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(low, low));
  return k;
}

/* The basic Cyrillic letters (U+0410..U+044F: D0 90 .. D1 8F) from p[j]
 * on, at most 8, from one load of 16 bytes: returns how many (0 when p[j]
 * starts none), their lower-case forms in w[0] and w[1] (the capitals
 * U+0410..U+042F lower-case 0x20 on: D0 90..9F to D0 B0..BF, D0 A0..AF to
 * D1 80..8F; the bytes after them are not zero); bit 0 of *cap: the first
 * is a capital. No letter has '\n' in it, so the run ends before p[n]; the
 * 15 bytes after p[n] can be read. */
static inline unsigned cyr_low(const unsigned char *p, size_t j,
                               uint64_t w[2], unsigned *cap) {
  __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + j));
  __m128i lead = _mm_and_si128(x, _mm_set1_epi16(0xFF));
  __m128i cont = _mm_srli_epi16(x, 8); /* 0..255: signed compares do */
  __m128i d0 = _mm_cmpeq_epi16(lead, _mm_set1_epi16(0xD0));
  __m128i d1 = _mm_cmpeq_epi16(lead, _mm_set1_epi16(0xD1));
  __m128i ge80 = _mm_cmpgt_epi16(cont, _mm_set1_epi16(0x7F));
  __m128i ge90 = _mm_cmpgt_epi16(cont, _mm_set1_epi16(0x8F));
  __m128i gea0 = _mm_cmpgt_epi16(cont, _mm_set1_epi16(0x9F));
  __m128i geb0 = _mm_cmpgt_epi16(cont, _mm_set1_epi16(0xAF));
  __m128i gec0 = _mm_cmpgt_epi16(cont, _mm_set1_epi16(0xBF));
  __m128i ok = _mm_or_si128(_mm_and_si128(d0, _mm_andnot_si128(gec0, ge90)),
                            _mm_and_si128(d1, _mm_andnot_si128(ge90, ge80)));
  unsigned m = (unsigned)_mm_movemask_epi8(ok);
  unsigned k = kempt__chrome_ctz(~m) / 2; /* letters: 2 bits each */
  __m128i cap_a = _mm_and_si128(d0, _mm_andnot_si128(gea0, ge90));
  __m128i cap_r = _mm_and_si128(d0, _mm_andnot_si128(geb0, gea0));
  /* D0 9x + 0x2000 is D0 Bx, and D0 Ax + 0xE001 is D1 8x */
  return lower_pairs(x, cap_a, cap_r, k, w, cap);
}

/* cyr_low for the basic Greek letters: the capitals U+0391..U+03A9 (but
 * U+03A2, unassigned: CE 91..A9 but CE A2), which lower-case 0x20 on (CE
 * 91..9F to CE B1..BF, CE A0..A9 to CF 80..89), and the small letters
 * U+03AC..U+03CE (CE AC..BF, CF 80..8E), their own lower-case forms.
 * tests/unit/test_chromespeed6_latin.c checks these facts against
 * utf8proc. */
static inline unsigned greek_low(const unsigned char *p, size_t j,
                                 uint64_t w[2], unsigned *cap) {
  __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + j));
  __m128i lead = _mm_and_si128(x, _mm_set1_epi16(0xFF));
  __m128i cont = _mm_srli_epi16(x, 8); /* 0..255: signed compares do */
  __m128i ce = _mm_cmpeq_epi16(lead, _mm_set1_epi16(0xCE));
  __m128i cf = _mm_cmpeq_epi16(lead, _mm_set1_epi16(0xCF));
  __m128i ge80 = _mm_cmpgt_epi16(cont, _mm_set1_epi16(0x7F));
  __m128i ge8f = _mm_cmpgt_epi16(cont, _mm_set1_epi16(0x8E));
  __m128i ge91 = _mm_cmpgt_epi16(cont, _mm_set1_epi16(0x90));
  __m128i gea0 = _mm_cmpgt_epi16(cont, _mm_set1_epi16(0x9F));
  __m128i geaa = _mm_cmpgt_epi16(cont, _mm_set1_epi16(0xA9));
  __m128i geac = _mm_cmpgt_epi16(cont, _mm_set1_epi16(0xAB));
  __m128i gec0 = _mm_cmpgt_epi16(cont, _mm_set1_epi16(0xBF));
  __m128i a2 = _mm_cmpeq_epi16(cont, _mm_set1_epi16(0xA2));
  __m128i cap_a = _mm_and_si128(ce, _mm_andnot_si128(gea0, ge91));
  __m128i cap_r = _mm_andnot_si128(
      a2, _mm_and_si128(ce, _mm_andnot_si128(geaa, gea0)));
  __m128i small = _mm_or_si128(_mm_and_si128(ce, _mm_andnot_si128(gec0, geac)),
                               _mm_and_si128(cf, _mm_andnot_si128(ge8f, ge80)));
  unsigned m = (unsigned)_mm_movemask_epi8(
      _mm_or_si128(_mm_or_si128(cap_a, cap_r), small));
  unsigned k = kempt__chrome_ctz(~m) / 2; /* letters: 2 bits each */
  /* CE 9x + 0x2000 is CE Bx, and CE Ax + 0xE001 is CF 8x */
  return lower_pairs(x, cap_a, cap_r, k, w, cap);
}

/* cyr_low for the Arabic letters and marks U+0620..U+065F (D8 A0..BF, D9
 * 80..9F): no case, each its own lower-case form, none a capital (the
 * facts checked against utf8proc with greek_low's). */
static inline unsigned arabic_low(const unsigned char *p, size_t j,
                                  uint64_t w[2], unsigned *cap) {
  __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + j));
  __m128i lead = _mm_and_si128(x, _mm_set1_epi16(0xFF));
  __m128i cont = _mm_srli_epi16(x, 8); /* 0..255: signed compares do */
  __m128i d8 = _mm_cmpeq_epi16(lead, _mm_set1_epi16(0xD8));
  __m128i d9 = _mm_cmpeq_epi16(lead, _mm_set1_epi16(0xD9));
  __m128i ge80 = _mm_cmpgt_epi16(cont, _mm_set1_epi16(0x7F));
  __m128i gea0 = _mm_cmpgt_epi16(cont, _mm_set1_epi16(0x9F));
  __m128i gec0 = _mm_cmpgt_epi16(cont, _mm_set1_epi16(0xBF));
  __m128i ok = _mm_or_si128(_mm_and_si128(d8, _mm_andnot_si128(gec0, gea0)),
                            _mm_and_si128(d9, _mm_andnot_si128(gea0, ge80)));
  unsigned m = (unsigned)_mm_movemask_epi8(ok);
  *cap = 0;
  w[0] = (uint64_t)_mm_cvtsi128_si64(x);
  w[1] = (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(x, x));
  return kempt__chrome_ctz(~m) / 2; /* letters: 2 bits each */
}

/* The run of letters of one script from p[j] on (1 basic Cyrillic, 2
 * basic Greek, 3 Arabic): cyr_low, greek_low, arabic_low. */
ALWAYS_INLINE unsigned script_low(int script, const unsigned char *p,
                                  size_t j, uint64_t w[2], unsigned *cap) {
  return script == 1   ? cyr_low(p, j, w, cap)
         : script == 2 ? greek_low(p, j, w, cap)
                       : arabic_low(p, j, w, cap);
}

#endif

/* The rest of the word that started at p[i] from p[j] on (j > i), where a
 * character 0x80 and up comes: s, letter (a letter came) and upper (the
 * first was a capital) hold what came before. Its lower-case bytes are
 * gathered in a buffer (a store or two each: see WB_SIZE) rather than
 * added to s one by one. */
ALWAYS_INLINE size_t read_word_rest(const unsigned char *p, size_t n,
                                    size_t i, size_t j, struct whash s,
                                    bool letter, bool upper,
                                    struct chrome_tok *t,
                                    struct chrome_lex *lx) {
  struct chrome_cpinfo *cache = lx->cache, tmp;
  uint32_t conts = 0;
  uint64_t h = s.h;
  size_t o = s.nw;
  unsigned char b[WB_SIZE];
  memcpy(b, &s.w, 8);
  while (j < n) {
    if (o >= WB_FULL)
      wb_mix(&h, b, &o);
    unsigned l = ascii_low[p[j]];
    if (l - 1u < LOW_HIGH - 1u) { /* ASCII letters and digits */
      j = ascii_run(p, j, &h, b, &o, &letter);
      continue;
    }
    if (l == 0)
      break;
    unsigned c = p[j], c1 = p[j + 1];
#ifdef CYR_RUN
    if (c - 0xD0u < 2u) {
      uint64_t cw[2];
      unsigned cap, k = cyr_low(p, j, cw, &cap);
      if (k) {
        letter = true;
        memcpy(b + o, cw, 16);
        o += 2 * k;
        conts += k;
        j += 2 * k;
        continue;
      }
    }
#else
    if ((c == 0xD0 && c1 - 0x90u < 0x30u) || (c == 0xD1 && c1 - 0x80u < 0x10u)) {
      /* a basic Cyrillic letter, U+0410..U+044F (p[j + 1] < p[n] = '\n'
       * is not one): the capitals U+0410..U+042F lower-case 0x20 on */
      unsigned cp = (c & 0x1Fu) << 6 | (c1 & 0x3Fu), lc = cp;
      lc += cp < 0x430 ? 0x20 : 0;
      letter = true;
      b[o] = (unsigned char)(0xC0u | lc >> 6);
      b[o + 1] = (unsigned char)(0x80u | (lc & 0x3Fu));
      o += 2;
      conts++;
      j += 2;
      continue;
    }
#endif
    if (c == 0xC3 && c1 - 0x80u < 0x40u && (c1 & 0x1Fu) != 0x17u) {
      /* a Latin-1 letter, U+00C0..U+00FF but for the signs U+00D7 and
       * U+00F7: the capitals U+00C0..U+00DE lower-case 0x20 on */
      bool cap = c1 < 0x9F;
      letter = true;
      b[o] = 0xC3;
      b[o + 1] = (unsigned char)(c1 + (cap ? 0x20u : 0u));
      o += 2;
      conts++;
      j += 2;
      continue;
    }
    if (c - 0xE4u < 6u) {
      /* CJK ideographs U+4E00..U+9FA5 (E4 B8 80 .. E9 BE A5), as long as
       * they come: letters, their own lower-case forms (their bytes as
       * they are; a valid sequence's continuation bytes are before p[n],
       * which is '\n') */
      size_t from = j;
      for (;;) {
        unsigned d = p[j], d1 = p[j + 1];
        if (d - 0xE4u >= 6u || !is_cont((unsigned char)d1) || !is_cont(p[j + 2]))
          break;
        unsigned cp = (d & 0x0Fu) << 12 | (d1 & 0x3Fu) << 6 | (p[j + 2] & 0x3Fu);
        if (cp - 0x4E00u > 0x9FA5u - 0x4E00u)
          break;
        memcpy(b + o, p + j, 4); /* (the fourth byte does not count) */
        o += 3;
        j += 3;
        if (o >= WB_FULL)
          wb_mix(&h, b, &o);
      }
      if (j > from) {
        letter = true;
        conts += (uint32_t)(j - from) / 3 * 2;
        continue;
      }
    }
    /* other characters through the code point cache, as long as they
     * come (the shortcuts above give what it would) */
    for (;;) {
      utf8proc_int32_t cp;
      size_t k = decode_nl(p + j, n - j, &cp);
      if (cp < 0)
        goto end;
      const struct chrome_cpinfo *e = cp_get(cache, cp, &tmp);
      if (e->kind - 1u >= 2u) /* no letter nor digit */
        goto end;
      letter |= e->kind == 1;
      memcpy(b + o, &e->low, 4); /* (its bytes above nlow are zero) */
      o += e->nlow;
      conts += (uint32_t)k - 1;
      j += k;
      if (p[j] < 0x80 || o >= WB_FULL)
        break;
    }
  }
end:
  lx->conts += conts;
  t->h = letter ? wb_final(h, b, o) : NUMBER_HASH;
  t->alpha = letter;
  t->upper = upper;
  t->start = (uint32_t)i;
  t->end = (uint32_t)j;
  return j;
}

/* read_word_rest for the tokenizer's words loop (a word that starts with
 * ASCII letters or digits). */
static size_t NOINLINE NOIPA
read_word_mixed(const unsigned char *p, size_t n, size_t i, size_t j,
                struct whash s, bool letter, struct chrome_tok *t,
                struct chrome_lex *lx) {
  return read_word_rest(p, n, i, j, s, letter, (unsigned)(p[i] - 'A') < 26,
                        t, lx);
}

/* The letters, marks and digits of two bytes (a first byte C2..DF: Greek,
 * Cyrillic, Hebrew, Arabic and others) from p[j] on, through the code
 * point cache (not NULL), their lower-case forms mixed into *s, *letter
 * set when one is a letter, one continuation byte each in *conts: one
 * step each, no buffer. Returns where they end; *more: the word goes on
 * there (an ASCII letter or digit, or a byte that read_word_rest's loops
 * read otherwise), else it ends there (as read_word_rest would find: an
 * ASCII byte that is neither, '\n' at p[n] among them, or a character of
 * two bytes that is neither, or a bad one). */
static inline size_t two_byte_run(const unsigned char *p, size_t j,
                                  struct whash *s, bool *letter,
                                  uint32_t *conts,
                                  struct chrome_cpinfo *cache, bool *more) {
  for (;;) {
    unsigned c = p[j];
    if (c - 0xC2u >= 0x1Eu) {
      *more = ascii_low[c] != 0; /* (LOW_HIGH for 0x80 and up) */
      return j;
    }
    unsigned c1 = p[j + 1]; /* (p[n] is '\n': not a continuation byte) */
    if (!is_cont((unsigned char)c1))
      break; /* (decode_nl: a bad sequence, which ends a word) */
    utf8proc_int32_t cp = (utf8proc_int32_t)((c & 0x1Fu) << 6 | (c1 & 0x3Fu));
    struct chrome_cpinfo *e = &cache[(uint32_t)cp & (CHROME_CP_SLOTS - 1)];
    if (e->cp != cp)
      cp_compute(cp, e);
    if (e->kind - 1u >= 2u)
      break; /* neither a letter nor a digit */
    *letter |= e->kind == 1;
    wh_bytes(s, e->low, e->nlow);
    (*conts)++;
    j += 2;
  }
  *more = false;
  return j;
}

/* read_word_rest of a word that starts with a letter or digit 0x80 and up
 * at p[i], of k bytes and facts *e; its run of characters of two bytes
 * first (two_byte_run). */
static size_t NOINLINE read_word_high(const unsigned char *p, size_t n,
                                      size_t i, size_t k,
                                      const struct chrome_cpinfo *e,
                                      struct chrome_tok *t,
                                      struct chrome_lex *lx) {
  struct whash s = {WH_INIT, e->low, e->nlow};
  bool letter = e->kind == 1, upper = e->upper; /* (e may be replaced) */
  size_t j = i + k;
  lx->conts += (uint32_t)k - 1;
  if (lx->cache) {
    uint32_t conts = 0;
    bool more;
    j = two_byte_run(p, j, &s, &letter, &conts, lx->cache, &more);
    lx->conts += conts;
    if (!more) {
      t->h = letter ? wh_final(&s) : NUMBER_HASH;
      t->alpha = letter;
      t->upper = upper;
      t->start = (uint32_t)i;
      t->end = (uint32_t)j;
      return j;
    }
  }
  return read_word_rest(p, n, i, j, s, letter, upper, t, lx);
}

/* kempt__chrome_sw_index's shifts for the function-word cache, small and
 * grown: each entry point that counts has a copy of its loop for each. */
#define SW_SMALL_SHIFT (64u - CHROME_SW_SMALL_BITS)
#define SW_FULL_SHIFT (64u - CHROME_SW_BITS)

/* All the slots of sw in use from now on, the entries of the small
 * ones moved to theirs: the entry of small slot i goes to a slot j of
 * the same top bits, j >> (CHROME_SW_BITS - CHROME_SW_SMALL_BITS) == i,
 * so j >= i and no two to the same; moved from the last on, none goes
 * where an entry still is. */
static void NOINLINE sw_grow(struct chrome_swcache *sw) {
  for (size_t i = CHROME_SW_SMALL; i-- > 0;) {
    size_t j = kempt__chrome_sw_index(sw->key[i], SW_FULL_SHIFT);
    if (!sw->key[i] || j == i)
      continue;
    sw->key[j] = sw->key[i];
    sw->bits[j] = sw->bits[i];
    sw->key[i] = 0;
    sw->bits[i] = 0;
  }
  sw->grown = true;
}

/* Put the answers m for the word of hash h into slot e of sw; returns m. */
static inline uint32_t sw_put(struct chrome_swcache *sw, size_t e, uint64_t h,
                              uint32_t m) {
  sw->key[e] = h;
  sw->bits[e] = (uint16_t)m;
  if (!sw->grown && ++sw->fills == CHROME_SW_GROW)
    sw_grow(sw);
  return m;
}

/* stop_langs_miss of a word that may be a function word. */
static uint32_t NOINLINE stop_langs_look(struct chrome_swcache *sw,
                                         size_t e, const unsigned char *p,
                                         const struct chrome_tok *t,
                                         struct chrome_cpinfo *cp,
                                         const struct chrome_rules *r) {
  uint32_t m = kempt__chrome_stop_langs((const char *)p + t->start,
                                        t->end - t->start, cp);
  m = (m & SW_LANGS) |
      (uint32_t)kempt__chrome_may_start_hs(r, t->h) << SW_HS_SHIFT;
  return sw_put(sw, e, t->h, m);
}

/* The languages in which the word t of p is a function word (and whether
 * a has or soft phrase may start with it), when the cache does not have
 * it: looked up, and put in the cache (slot e of sw). Most words are
 * known to be none from their hash alone, without a call. */
static uint32_t NOINLINE stop_langs_miss(struct chrome_swcache *sw, size_t e,
                                         const unsigned char *p,
                                         const struct chrome_tok *t,
                                         struct chrome_cpinfo *cp,
                                         const struct chrome_rules *r) {
  unsigned b = (unsigned)(t->h >> 40) % CHROME_STOP_FILTER_BITS;
  if ((chrome_stop_filter[b / 64] >> (b % 64)) & 1u) /* else no function
                                                      word has its hash */
    return stop_langs_look(sw, e, p, t, cp, r); /* (a tail call) */
  uint32_t m = (uint32_t)kempt__chrome_may_start_hs(r, t->h) << SW_HS_SHIFT;
  return sw_put(sw, e, t->h, m);
}

/* The counts that the tokenizer keeps apart while it reads (the others
 * of struct chrome_count go there at once: kept apart, they would not
 * stay in registers anyway, and cost setting up and adding up per call). */
struct counts {
  uint32_t numbers; /* tokens without a letter (the words are the rest) */
  uint64_t hs;
  unsigned swshift; /* kempt__chrome_sw_index's for the function-word
                       cache's slots in use: a constant of the entry point
                       (lex_line_part_as) */
};

/* Count the word t of p, of hash h, with a letter (alpha) or not, in *k
 * and *c (when c is not NULL); t->upper is set. */
ALWAYS_INLINE void count_vals(struct chrome_count *c, struct counts *k,
                              const unsigned char *p,
                              const struct chrome_tok *t, uint64_t h,
                              bool alpha, struct chrome_cpinfo *cp,
                              size_t idx) {
  if (!c)
    return;
  if (!alpha) {
    k->numbers++;
    k->hs |= (uint64_t)kempt__chrome_may_start_hs(c->rules, h) << idx;
    return;
  }
  /* the cache's slot: the word's languages | the has-or-soft bit */
  struct chrome_swcache *sw = c->sw;
  size_t e = kempt__chrome_sw_index(h, k->swshift);
  uint32_t x = sw->bits[e];
  if (sw->key[e] != h)
    x = stop_langs_miss(sw, e, p, t, cp, c->rules);
  k->hs |= (uint64_t)(x >> SW_HS_SHIFT) << idx;
  uint32_t m = x & SW_LANGS;
  c->upper += t->upper; /* (read back: not kept in a register) */
  if (m) {
    c->stop++;
    c->langs |= m;
    do
      c->hits[kempt__chrome_ctz(m) + 1]++;
    while (m &= m - 1);
  }
}

/* count_vals of the token t. */
ALWAYS_INLINE void count_word(struct chrome_count *c, struct counts *k,
                              const unsigned char *p,
                              const struct chrome_tok *t,
                              struct chrome_cpinfo *cp, size_t idx) {
  count_vals(c, k, p, t, t->h, t->alpha, cp, idx);
}

/* count_vals of a word p[i..j) with a letter, of hash h, capital or not
 * (upper), whose token t is not filled (read_word's fast path, keep < 2):
 * its hash, start and end are written only when the function-word cache
 * does not have the word (stop_langs_miss reads them there). */
ALWAYS_INLINE void count_fast(struct chrome_count *c, struct counts *k,
                              const unsigned char *p, struct chrome_tok *t,
                              uint64_t h, size_t i, size_t j, unsigned upper,
                              struct chrome_cpinfo *cp, size_t idx) {
  if (!c)
    return;
  struct chrome_swcache *sw = c->sw;
  size_t e = kempt__chrome_sw_index(h, k->swshift);
  uint32_t x = sw->bits[e];
  if (sw->key[e] != h) {
    t->h = h;
    t->start = (uint32_t)i;
    t->end = (uint32_t)j;
    x = stop_langs_miss(sw, e, p, t, cp, c->rules);
  }
  k->hs |= (uint64_t)(x >> SW_HS_SHIFT) << idx;
  uint32_t m = x & SW_LANGS;
  c->upper += upper;
  if (m) {
    c->stop++;
    c->langs |= m;
    do
      c->hits[kempt__chrome_ctz(m) + 1]++;
    while (m &= m - 1);
  }
}

/* Read the word starting at p[i] (an ASCII letter or digit): fills *t,
 * returns the offset after it. Reads 8 bytes at a time: p[n] is '\n' and
 * bytes after it are readable (CHROME_LEX_PAD). */
static inline size_t read_word_swar(const unsigned char *p, size_t n,
                                    size_t i, struct chrome_tok *t,
                                    struct chrome_lex *lx) {
  struct whash s = {WH_INIT, 0, 0};
  uint64_t letters = 0;
  size_t j = i;
  for (;;) {
    uint64_t x;
    memcpy(&x, p + j, 8);
    uint64_t letter, stop = swar_stop(x, &letter);
    if (!stop) {
      s.h = wh_mix(s.h, x | 0x20 * ONES);
      letters |= letter;
      j += 8;
      continue;
    }
    uint64_t keep = ((stop & (0 - stop)) >> 7) - 1; /* bytes before it */
    unsigned len = kempt__chrome_ctz(stop) >> 3;
    s.w = (x | 0x20 * ONES) & keep;
    s.nw = len;
    letters |= letter & keep;
    j += len;
    break;
  }
  if (p[j] >= 0x80 && !ends_word(p, j)) /* (then j < n: p[n] is '\n') */
    return read_word_mixed(p, n, i, j, s, letters != 0, t, lx);
  fill_tok(t, &s, letters != 0, (unsigned)(p[i] - 'A') < 26, i, j);
  return j;
}

#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>

/* The low k bytes of a word (k < 8) kept: keep_low[k]. */
static const uint64_t keep_low[8] = {
    0, 0xffull, 0xffffull, 0xffffffull, 0xffffffffull, 0xffffffffffull,
    0xffffffffffffull, 0xffffffffffffffull};

/* The first chunk of a word of k bytes (k < 16) kept: keep_first[k]. */
static const uint64_t keep_first[16] = {
    0, 0xffull, 0xffffull, 0xffffffull, 0xffffffffull, 0xffffffffffull,
    0xffffffffffffull, 0xffffffffffffffull, ~0ull, ~0ull, ~0ull, ~0ull,
    ~0ull, ~0ull, ~0ull, ~0ull};

/* The constants of read_word's tests, and wh_mix's. read_word reads
 * them from these tables where it uses them (memory operands), which the
 * compiler takes for ones that may change (neither static nor const):
 * else it makes them again (two or three instructions each) for each
 * word, or wherever the words loop starts (after the calls of the loop
 * around it), or keeps and spills them. Nothing writes them. */
struct lexk {
  __m128i b20, la, l25, d0, d9;
};
#define B16(c) {(long long)((c) * ONES), (long long)((c) * ONES)}
extern struct lexk kempt__chrome_lexk;
struct lexk kempt__chrome_lexk = {B16(0x20ull), B16(0x1full), B16(0x99ull),
                                  B16(0x50ull), B16(0x89ull)};
struct lexh {
  uint64_t init, mul; /* WH_INIT, wh_mix's multiplier */
};
extern struct lexh kempt__chrome_lexh;
struct lexh kempt__chrome_lexh = {WH_INIT, 0x9e3779b97f4a7c15ull};

/* read_word_swar out of the words loop, for the words read_word does not
 * read itself: those that start with a digit (a number, or "3D"), from
 * one load of 16 bytes when they end in them, and longer ones. */
static size_t NOINLINE read_word_out(const unsigned char *p, size_t n,
                                     size_t i, struct chrome_tok *t,
                                     struct chrome_lex *lx) {
  __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
  __m128i lo = _mm_or_si128(x, _mm_set1_epi8(0x20));
  __m128i letter =
      _mm_cmpgt_epi8(_mm_set1_epi8((char)(-128 + 26)),
                     _mm_add_epi8(lo, _mm_set1_epi8((char)(0x80 - 'a'))));
  __m128i digit =
      _mm_cmpgt_epi8(_mm_set1_epi8((char)(-128 + 10)),
                     _mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - '0'))));
  unsigned lm = (unsigned)_mm_movemask_epi8(letter);
  unsigned wm = lm | (unsigned)_mm_movemask_epi8(digit);
  unsigned len = kempt__chrome_ctz(~wm); /* >= 1: p[i] is one */
  if (len >= 16)
    return read_word_swar(p, n, i, t, lx);
  uint64_t c0 = (uint64_t)_mm_cvtsi128_si64(lo);
  /* its letters: wm + 1 clears its run of ones (bits 0 to len - 1) and
   * keeps the bits above, where lm's bits are wm's */
  bool letters = (lm & ~(wm + 1)) != 0;
  size_t j = i + len;
  uint64_t c1 = (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(lo, lo));
  if (p[j] >= 0x80 && !ends_word(p, j)) { /* (j < n, as in read_word) */
    struct whash s = {WH_INIT, c0 & keep_low[len & 7], len};
    if (len >= 8) {
      s.h = wh_mix(WH_INIT, c0);
      s.w = c1 & keep_low[len & 7];
      s.nw = len - 8;
    }
    return read_word_mixed(p, n, i, j, s, letters, t, lx);
  }
  uint64_t h = wh_mix(WH_INIT, c0 & keep_first[len]);
  if (len > 8)
    h = wh_mix(h, c1 & keep_low[len - 8]);
  t->h = letters ? h : NUMBER_HASH;
  t->alpha = letters;
  t->upper = (unsigned)(p[i] - 'A') < 26;
  t->start = (uint32_t)i;
  t->end = (uint32_t)j;
  return j;
}

/* read_word_mixed from read_word: the word's first len bytes (j - i, at
 * most 15) were ASCII letters and digits, lo their 16 bytes | 0x20. */
static inline size_t mixed_after(const unsigned char *p, size_t n, size_t i,
                                 size_t j, __m128i lo, struct chrome_tok *t,
                                 struct chrome_lex *lx) {
  size_t len = j - i;
  uint64_t c0 = (uint64_t)_mm_cvtsi128_si64(lo);
  struct whash s = {WH_INIT, c0 & keep_low[len & 7], (unsigned)len};
  if (len >= 8) {
    s.h = wh_mix(WH_INIT, c0);
    s.w = (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(lo, lo)) &
          keep_low[len & 7];
    s.nw = (unsigned)len - 8;
  }
  return read_word_mixed(p, n, i, j, s, true, t, lx);
}

/* read_word_mixed of a word that starts with an ASCII letter at p[i] and
 * has a Latin-1 letter at p[j] (C3 xx): when its letters are ASCII ones,
 * digits and Latin-1 letters (C3 80..BF but for the signs C3 97 and
 * C3 B7) and it ends within the 16 bytes from p[i], it is read from one
 * load, as read_word reads an ASCII word: the lower-case forms (an ASCII
 * letter | 0x20, the second byte of a capital, C3 80..9E, + 0x20: the
 * same number of bytes) are the hash's chunks. Others go on to
 * read_word_mixed. */
static size_t NOINLINE read_word_latin(const unsigned char *p, size_t n,
                                       size_t i, size_t j,
                                       struct chrome_tok *t,
                                       struct chrome_lex *lx) {
  __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
  __m128i lo = _mm_or_si128(x, _mm_set1_epi8(0x20));
  /* range tests as read_word_out's: ASCII letters, digits */
  __m128i letter =
      _mm_cmpgt_epi8(_mm_set1_epi8((char)(-128 + 26)),
                     _mm_add_epi8(lo, _mm_set1_epi8((char)(0x80 - 'a'))));
  __m128i digit =
      _mm_cmpgt_epi8(_mm_set1_epi8((char)(-128 + 10)),
                     _mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - '0'))));
  /* the second byte of a Latin-1 letter: 80..BF (below -64 signed) but
   * 97 and B7; a first byte C3 before one; capitals' second bytes below
   * 9F */
  __m128i cont = _mm_andnot_si128(
      _mm_cmpeq_epi8(_mm_and_si128(x, _mm_set1_epi8((char)0xDF)),
                     _mm_set1_epi8((char)0x97)),
      _mm_cmpgt_epi8(_mm_set1_epi8((char)0xC0), x));
  __m128i lead = _mm_and_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xC3)),
                               _mm_srli_si128(cont, 1));
  __m128i second = _mm_slli_si128(lead, 1);
  __m128i capital =
      _mm_and_si128(second, _mm_cmpgt_epi8(_mm_set1_epi8((char)0x9F), x));
  unsigned w = (unsigned)_mm_movemask_epi8(_mm_or_si128(
      _mm_or_si128(letter, digit), _mm_or_si128(lead, second)));
  unsigned len = kempt__chrome_ctz(~w); /* (bit 16 of ~w is set) */
  size_t e = i + len;
  /* (a byte 0x80 and up at p[e] is before p[n], which is '\n') */
  if (len >= 16 || (p[e] >= 0x80 && !ends_word(p, e)))
    return mixed_after(p, n, i, j, lo, t, lx);
  __m128i low = _mm_add_epi8(
      _mm_or_si128(x, _mm_and_si128(letter, _mm_set1_epi8(0x20))),
      _mm_and_si128(capital, _mm_set1_epi8(0x20)));
  uint64_t c0 = (uint64_t)_mm_cvtsi128_si64(low);
  uint64_t h = wh_mix(WH_INIT, c0 & keep_first[len]);
  if (len > 8)
    h = wh_mix(h, (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(low, low)) &
                      keep_low[len - 8]);
  lx->conts += (uint32_t)__builtin_popcount( /* one per Latin-1 letter */
      (unsigned)_mm_movemask_epi8(lead) & ((1u << len) - 1));
  t->h = h;
  t->alpha = true;
  t->upper = p[i] < 0x60;
  t->start = (uint32_t)i;
  t->end = (uint32_t)e;
  return e;
}

/* read_word_swar for words of up to 15 bytes that start with a letter,
 * from one load of 16 bytes (CHROME_LEX_PAD): a bit per byte says which
 * end the word (no ASCII letter nor digit), and its lower-case forms are
 * the hash's chunks. Others (longer, or a digit first: rarely) go to
 * read_word_out. And the word is counted (count_vals). keep: what of
 * the token of a word it reads itself is stored in *t (the others are
 * stored whole): 2 all of it, 0 nothing (lex_only: its counts are all). */
ALWAYS_INLINE size_t read_word(const unsigned char *p, size_t n, size_t i,
                               struct chrome_tok *t, struct chrome_lex *lx,
                               struct chrome_count *cnt, struct counts *k,
                               size_t idx, int keep, unsigned *after) {
  const struct lexk *kc = &kempt__chrome_lexk;
  /* (stored apart from end: one store each, not three instructions that
   * put them together) */
  if (keep == 2)
    t->start = (uint32_t)i;
  __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
  __m128i lo = _mm_or_si128(x, kc->b20); /* 0x80 up: < 0 */
  /* a range test each: the range moved to the bottom of the signed
   * bytes (-128 on), one compare (every byte value is tested right):
   * the bytes above it are no letter (no digit) */
  __m128i noletter = _mm_cmpgt_epi8(_mm_add_epi8(lo, kc->la), kc->l25);
  __m128i nodigit = _mm_cmpgt_epi8(_mm_add_epi8(x, kc->d0), kc->d9);
  /* the bytes that end a word (and the bit past the 16) */
  unsigned stop =
      (unsigned)_mm_movemask_epi8(_mm_and_si128(noletter, nodigit)) |
      0x10000u;
  unsigned len = kempt__chrome_ctz(stop); /* >= 1: p[i] is a word's */
  /* p[i] is a letter or a digit: a letter is 0x40 and up */
  if (len >= 16 || p[i] < 0x40) {
    size_t j = read_word_out(p, n, i, t, lx);
    count_word(cnt, k, p, t, lx->cache, idx);
    *after = p[j];
    return j;
  }
  uint64_t c0 = (uint64_t)_mm_cvtsi128_si64(lo);
  size_t j = i + len;
  /* (p[j] 0x80 and up is before p[n], which is '\n': j < n) */
  unsigned end = p[j]; /* (*after: read before the token's stores) */
  if (end >= 0x80 && !ends_word(p, j)) {
    j = p[j] == 0xC3 ? read_word_latin(p, n, i, j, t, lx)
                     : mixed_after(p, n, i, j, lo, t, lx);
    count_word(cnt, k, p, t, lx->cache, idx);
    *after = p[j];
    return j;
  }
  *after = end;
  /* wh_final of its chunks: the first (all of it from 8 bytes on), and a
   * second one past 8 bytes */
  const struct lexh *kh = &kempt__chrome_lexh;
  uint64_t h = ((c0 & keep_first[len]) ^ kh->init) * kh->mul;
  if (len > 8)
    h = wh_mix(h, (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(lo, lo)) &
                      keep_low[len - 8]);
  if (keep < 2) {
    count_fast(cnt, k, p, t, h, i, j, p[i] < 0x60, lx->cache, idx);
    return j;
  }
  t->h = h;
  t->alpha = true;
  t->upper = p[i] < 0x60; /* (a letter: A-Z below a-z) */
  t->end = (uint32_t)j;
  count_vals(cnt, k, p, t, h, true, lx->cache, idx);
  return j;
}
#else
ALWAYS_INLINE size_t read_word(const unsigned char *p, size_t n, size_t i,
                               struct chrome_tok *t, struct chrome_lex *lx,
                               struct chrome_count *cnt, struct counts *k,
                               size_t idx, int keep, unsigned *after) {
  (void)keep; /* (the token is always filled here) */
  size_t j = read_word_swar(p, n, i, t, lx);
  count_word(cnt, k, p, t, lx->cache, idx);
  *after = p[j];
  return j;
}
#endif

static inline size_t skip_repeats(const unsigned char *p, size_t i, size_t k,
                                  struct chrome_lex *lx);

/* A character 0x80 and up at p[i], between words: a word or a (c) sign
 * starts there (*t filled), or it is skipped (with the copies of it that
 * follow: skip_repeats). Returns the offset after it times 2, plus 1 when
 * a token came; or i times 2 when a token would come but there is no room
 * for it (!room). */
static size_t NOINLINE
lex_high(const unsigned char *p, size_t n, size_t i, struct chrome_tok *t,
         struct chrome_lex *lx, bool room) {
  unsigned c = p[i], c1 = p[i + 1];
  bool cyr =
      (c == 0xD0 && c1 - 0x90u < 0x30u) || (c == 0xD1 && c1 - 0x80u < 0x10u);
#ifdef CYR_RUN
  bool greek = (c == 0xCE && ((c1 - 0x91u < 0x19u && c1 != 0xA2) ||
                              c1 - 0xACu < 0x14u)) ||
               (c == 0xCF && c1 - 0x80u < 0x0Fu); /* (see greek_low) */
  bool arabic = (c == 0xD8 && c1 - 0xA0u < 0x20u) ||
                (c == 0xD9 && c1 - 0x80u < 0x20u); /* (see arabic_low) */
  int script = cyr ? 1 : greek ? 2 : 3;
#else
  bool greek = false, arabic = false;
#endif
  if (cyr || greek || arabic) {
    if (!room)
      return i * 2;
#ifdef CYR_RUN /* a basic Cyrillic or Greek letter, or an Arabic one */
    /* its run of them, 8 at a time (16 bytes: two whole chunks of the
     * hash): a word that ends there needs no more (else it is read again,
     * with what follows) */
    uint64_t w[2], h = WH_INIT;
    unsigned cap, k = script_low(script, p, i, w, &cap);
    unsigned upper = cap & 1;
    size_t j = i + 2 * k;
    while (k == 8) {
      h = wh_mix(wh_mix(h, w[0]), w[1]);
      k = script_low(script, p, j, w, &cap);
      j += 2 * k;
    }
    if (ascii_low[p[j]] == 0 || (p[j] >= 0x80 && ends_word(p, j))) {
      size_t len = 2 * k;
      if (len)
        h = wh_mix(h, w[0] & keep_first[len]);
      if (len > 8)
        h = wh_mix(h, w[1] & keep_low[len - 8]);
      t->h = h;
      t->alpha = true;
      t->upper = upper;
      t->start = (uint32_t)i;
      t->end = (uint32_t)j;
      lx->conts += (uint32_t)(j - i) / 2;
      return j * 2 + 1;
    }
#endif
  }
  utf8proc_int32_t cp;
  size_t k = decode_nl(p + i, n - i, &cp);
  if (cp >= 0) {
    struct chrome_cpinfo tmp;
    const struct chrome_cpinfo *e = cp_get(lx->cache, cp, &tmp);
    if (e->kind == 0) { /* punctuation, a space: skipped */
      lx->conts += (uint32_t)k - 1;
      if (i && p[i - 1] == ' ' && sep_here(p, n, i))
        lx->seps++;
      return skip_repeats(p, i, k, lx) * 2;
    }
    if (!room)
      return i * 2;
    if (e->kind == 1 || e->kind == 2)
      return read_word_high(p, n, i, k, e, t, lx) * 2 + 1;
    if (e->kind == 3) {
      struct whash st = {WH_INIT, 0, 0};
      for (unsigned b = 0; b < k; b++)
        wh_byte(&st, p[i + b]);
      fill_tok(t, &st, true, false, i, i + k);
      t->alpha = false;
      lx->conts += (uint32_t)k - 1;
      return (i + k) * 2 + 1;
    }
  }
  lx->conts += (uint32_t)k - !is_cont((unsigned char)c);
  if (c >= 0xC2 && i && p[i - 1] == ' ' && sep_here(p, n, i))
    lx->seps++;
  return (i + k) * 2;
}

/* Whether b passes for the first letter of an image file's extension
 * (jpg, jpeg, png, gif, webp) as eq_nocase compares (chrome_class.c). */
static inline bool ext_start(unsigned char b) {
  unsigned c = b | 0x20u;
  return c == 'j' || c == 'p' || c == 'g' || c == 'w';
}

/* A dot (or 0x0E) at p[i]: notes three in a row ("Credit...") and a '.'
 * before an image file's extension, for the caption checks. p[i + 2] can
 * be read: p[n] is '\n' and bytes after it can be read. */
static inline void lex_dot(const unsigned char *p, size_t i,
                           struct chrome_lex *lx) {
  if ((p[i + 1] | 0x20u) == '.' && (p[i + 2] | 0x20u) == '.')
    lx->dots3 = true;
  if (p[i] == '.' && ext_start(p[i + 1]))
    lx->ext_dot = true;
}

/* A '[', a separator, a dot or the end mark at p[i] (see ascii_skip). */
static inline void lex_mark(const unsigned char *p, size_t n, size_t i,
                            struct chrome_lex *lx) {
  unsigned c = p[i];
  if (c == '[')
    lx->bracket = true;
  else if ((c | 0x20u) == '.')
    lex_dot(p, i, lx);
  else if (c != '\n' && i && p[i - 1] == ' ' && i + 1 < n && p[i + 1] == ' ')
    lx->seps++;
}

/* The character of k bytes (2 to 4) at p[i] again and again right after
 * it (a rule of box drawing, a row of stars or bullets): skipped at once,
 * each copy counted as the first was (but no separator: no space comes
 * before a copy). Returns the offset after the run. A copy ends before
 * p[n], which is '\n'. */
static size_t NOINLINE skip_run(const unsigned char *p, size_t i, size_t k,
                                struct chrome_lex *lx) {
  /* the copies are the bytes from j on that are the byte k before them,
   * 8 at a time (the first that is not comes at p[n] at the latest: '\n'
   * after bytes 0x80 and up; p[n + 15] can be read) */
  size_t j = i + k, e = j;
  for (;;) {
    uint64_t a, b;
    memcpy(&a, p + e, 8);
    memcpy(&b, p + e - k, 8);
    if (a != b)
      break;
    e += 8;
  }
  while (p[e] == p[e - k]) /* (fewer than 8) */
    e++;
  size_t copies = (e - j) / k;
  lx->conts += (uint32_t)(copies * (k - 1));
  return j + copies * k;
}

static inline size_t skip_repeats(const unsigned char *p, size_t i, size_t k,
                                  struct chrome_lex *lx) {
  size_t j = i + k;
  if (p[j] == p[i] && p[j + 1] == p[i + 1]) /* (most come alone) */
    return skip_run(p, i, k, lx);
  return j;
}

/* The common punctuation and spaces of two or three bytes at p[i] (p[i]
 * is 0x80 or more): counted and skipped as lex_high would
 * (a valid sequence: its continuation bytes are before p[n], which is
 * '\n'), returns the offset after it; else 0. No cache needed. */
ALWAYS_INLINE size_t skip_plain(const unsigned char *p, size_t n, size_t i,
                              struct chrome_lex *lx) {
  unsigned c = p[i], c1 = p[i + 1];
  size_t k;
  if (c == 0xC2 && is_cont((unsigned char)c1) &&
      !((C2_WORDISH >> (c1 & 0x3F)) & 1))
    k = 2;
  else if (c == 0xE2 && is_cont((unsigned char)c1) &&
           ((E2_PLAIN >> (c1 & 0x3F)) & 1) && is_cont(p[i + 2]))
    k = 3;
  else
    return 0;
  lx->conts += (uint32_t)k - 1;
  if (i && p[i - 1] == ' ' && sep_here(p, n, i))
    lx->seps++;
  return skip_repeats(p, i, k, lx);
}

/* kempt__chrome_lex, inlined twice: with the counts (cnt, not NULL) and
 * without (cnt NULL), so that the word loop tests neither; and
 * kempt__chrome_lex_count (only: each token read into t[0], the counts but
 * hs kept). With !bounded, max is not looked at: every token is read
 * (there is room for them all, or only t[0] is written). */
ALWAYS_INLINE size_t lex_line_part_as(const unsigned char *p, size_t n,
                                      size_t *pos, struct chrome_tok *t,
                                      size_t max, struct chrome_lex *lx,
                                      struct chrome_count *cnt, bool only,
                                      bool bounded, unsigned swshift) {
  struct counts k = {0, 0, swshift};
  size_t i = *pos, count = 0;
  for (;;) {
    unsigned sk = ascii_skip[p[i]];
    while (sk == S_SKIP)
      sk = ascii_skip[p[++i]];
    if (i >= n)
      break;
    if (sk == S_WORD) {
      if (bounded && count == max)
        break;
      for (;;) {
        unsigned after; /* p[i] after the word */
        i = read_word(p, n, i, only ? t : &t[count], lx, cnt, &k,
                      only ? 0 : count, only ? 0 : 2, &after);
        count++;
        /* the common gap, one space before the next word, at once (p[i]
         * is a space: i < n; p[i + 1] starts a word: it is not p[n]) */
        if (after != ' ' || ascii_skip[p[i + 1]] != S_WORD ||
            (bounded && count == max))
          break;
        i++;
      }
      continue;
    }
    if (sk == S_MARK) {
      lex_mark(p, n, i++, lx);
      continue;
    }
    size_t next = skip_plain(p, n, i, lx);
    if (next) {
      i = next;
      continue;
    }
    size_t r = lex_high(p, n, i, only ? t : &t[count], lx,
                        !bounded || count < max);
    if (r >> 1 == i)
      break; /* (no room for its token) */
    if (r & 1)
      count_word(cnt, &k, p, only ? t : &t[count], lx->cache,
                 only ? 0 : count);
    count += r & 1;
    i = r >> 1;
  }
  *pos = i;
  if (cnt) {
    cnt->words += (uint32_t)count - k.numbers; /* (each token counted) */
    if (!only)
      cnt->hs = k.hs;
  }
  return count;
}

ALWAYS_INLINE size_t lex_line_part(const unsigned char *p, size_t n,
                                   size_t *pos, struct chrome_tok *t,
                                   size_t max, struct chrome_lex *lx,
                                   struct chrome_count *cnt,
                                   unsigned swshift) {
  return lex_line_part_as(p, n, pos, t, max, lx, cnt, false, true, swshift);
}

/* The entry point's three ways, each out of line (and taking no more
 * arguments than it, so that it only jumps to them), each that counts
 * twice: for the function-word cache grown and small (_small: its
 * constant shift). cnt is read before any token is written (t's bytes may
 * alias *lx). */
ALWAYS_INLINE size_t lex_counted_as(const char *s, size_t n, size_t *pos,
                                    struct chrome_tok *t, size_t max,
                                    struct chrome_lex *lx, bool bounded,
                                    unsigned swshift) {
  struct chrome_count *cnt = lx->count;
  if (!cnt) /* (never: the words loop need not test it) */
    __builtin_unreachable();
  return lex_line_part_as((const unsigned char *)s, n, pos, t, max, lx, cnt,
                          false, bounded, swshift);
}
ALWAYS_INLINE size_t lex_only_as(const unsigned char *p, size_t n,
                                 size_t *pos, struct chrome_tok *t,
                                 struct chrome_lex *lx,
                                 struct chrome_count *cnt, unsigned swshift) {
  if (!cnt) /* (never) */
    __builtin_unreachable();
  return lex_line_part_as(p, n, pos, t, SIZE_MAX, lx, cnt, true, false,
                          swshift);
}
/* The ways of an entry point: way(name, bounded, shift), with or without
 * AVX2 (attr). */
#define LEX_COUNTED(attr, name, bounded, shift)                                \
  attr static size_t NOINLINE name(const char *s, size_t n, size_t *pos,       \
                                   struct chrome_tok *t, size_t max,           \
                                   struct chrome_lex *lx) {                    \
    return lex_counted_as(s, n, pos, t, max, lx, bounded, shift);              \
  }
#define LEX_ONLY(attr, name, shift)                                            \
  attr static size_t NOINLINE name(const unsigned char *p, size_t n,           \
                                   size_t *pos, struct chrome_tok *t,          \
                                   struct chrome_lex *lx,                      \
                                   struct chrome_count *cnt) {                 \
    return lex_only_as(p, n, pos, t, lx, cnt, shift);                          \
  }
#define NO_ATTR

LEX_COUNTED(NO_ATTR, lex_counted, true, SW_FULL_SHIFT)
LEX_COUNTED(NO_ATTR, lex_counted_small, true, SW_SMALL_SHIFT)
/* lex_counted of a line of at most max bytes (so of at most max tokens):
 * no test of the room left. */
LEX_COUNTED(NO_ATTR, lex_short, false, SW_FULL_SHIFT)
LEX_COUNTED(NO_ATTR, lex_short_small, false, SW_SMALL_SHIFT)
LEX_ONLY(NO_ATTR, lex_only, SW_FULL_SHIFT)
LEX_ONLY(NO_ATTR, lex_only_small, SW_SMALL_SHIFT)
static size_t NOINLINE lex_uncounted(const unsigned char *p, size_t n,
                                     size_t *pos, struct chrome_tok *t,
                                     size_t max, struct chrome_lex *lx) {
  return lex_line_part(p, n, pos, t, max, lx, NULL, SW_FULL_SHIFT);
}

#if defined(__x86_64__) && defined(__GNUC__)
#define AVX2_ATTR __attribute__((target("avx2,bmi,bmi2")))
LEX_COUNTED(AVX2_ATTR, lex_counted_avx2, true, SW_FULL_SHIFT)
LEX_COUNTED(AVX2_ATTR, lex_counted_avx2_small, true, SW_SMALL_SHIFT)
LEX_COUNTED(AVX2_ATTR, lex_short_avx2, false, SW_FULL_SHIFT)
LEX_COUNTED(AVX2_ATTR, lex_short_avx2_small, false, SW_SMALL_SHIFT)
LEX_ONLY(AVX2_ATTR, lex_only_avx2, SW_FULL_SHIFT)
LEX_ONLY(AVX2_ATTR, lex_only_avx2_small, SW_SMALL_SHIFT)
#undef AVX2_ATTR
static bool lex_avx2_ok(void) {
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi2");
}
#else
#define lex_counted_avx2 lex_counted
#define lex_counted_avx2_small lex_counted_small
#define lex_short_avx2 lex_short
#define lex_short_avx2_small lex_short_small
#define lex_only_avx2 lex_only
#define lex_only_avx2_small lex_only_small
static bool lex_avx2_ok(void) { return false; }
#endif
#undef LEX_COUNTED
#undef LEX_ONLY
#undef NO_ATTR

size_t kempt__chrome_lex_count(const char *s, size_t n, size_t *pos,
                               struct chrome_lex *lx) {
  const unsigned char *p = (const unsigned char *)s;
  struct chrome_tok tmp;
  bool grown = lx->count->sw->grown;
  if (lex_avx2_ok())
    return grown ? lex_only_avx2(p, n, pos, &tmp, lx, lx->count)
                 : lex_only_avx2_small(p, n, pos, &tmp, lx, lx->count);
  return grown ? lex_only(p, n, pos, &tmp, lx, lx->count)
               : lex_only_small(p, n, pos, &tmp, lx, lx->count);
}

size_t kempt__chrome_lex(const char *s, size_t n, size_t *pos,
                         struct chrome_tok *t, size_t max,
                         struct chrome_lex *lx) {
  const unsigned char *p = (const unsigned char *)s;
  if (lx->count)
    return kempt__chrome_lex_counted(lx->count->sw)(s, n, pos, t, max, lx);
  return lex_uncounted(p, n, pos, t, max, lx);
}

chrome_lex_fn kempt__chrome_lex_counted(const struct chrome_swcache *sw) {
  if (lex_avx2_ok())
    return sw->grown ? lex_counted_avx2 : lex_counted_avx2_small;
  return sw->grown ? lex_counted : lex_counted_small;
}

chrome_lex_fn kempt__chrome_lex_short(const struct chrome_swcache *sw) {
  if (lex_avx2_ok())
    return sw->grown ? lex_short_avx2 : lex_short_avx2_small;
  return sw->grown ? lex_short : lex_short_small;
}

/* The tail of a long line (kempt__chrome_lex_tail): what its words add to
 * the counts, without reading them one by one. Its bytes go 64 at a time
 * into bit masks (bit k: byte base + k), from which the words are the
 * runs of letters and digits (the starts of runs: a letter or digit after
 * a byte that is neither), the numbers those without a letter and the
 * capitals the starts that are one. The rarer bytes are looked at one by
 * one, as the tokenizer does: '.', '[' and the separators (lex_mark), and
 * the characters 0x80 and up (a letter, a digit or neither). */
struct tail_masks {
  uint64_t alnum, letter, lower, high, mark;
};

/* The masks of the 16 bytes at p (readable) in bits sh.. of *m: ASCII
 * letters and digits, letters, bit 5 of each byte (lower-case letters
 * have it), bytes 0x80 and up, and the bytes that may be a mark of
 * lex_mark ('.', '/', '>', 0x0E and a few others; '[', '|'). */
#if defined(__SSE2__) && defined(__x86_64__)
static inline void tail_piece(const unsigned char *p, unsigned sh,
                              struct tail_masks *m) {
  __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
  __m128i lo = _mm_or_si128(x, _mm_set1_epi8(0x20));
  __m128i let =
      _mm_cmpgt_epi8(_mm_set1_epi8((char)(-128 + 26)),
                     _mm_add_epi8(lo, _mm_set1_epi8((char)(0x80 - 'a'))));
  __m128i dig =
      _mm_cmpgt_epi8(_mm_set1_epi8((char)(-128 + 10)),
                     _mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - '0'))));
  __m128i mark = _mm_or_si128(
      _mm_cmpeq_epi8(_mm_or_si128(x, _mm_set1_epi8(0x31)),
                     _mm_set1_epi8(0x3F)),
      _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('[')),
                   _mm_cmpeq_epi8(x, _mm_set1_epi8('|'))));
  uint64_t l = (unsigned)_mm_movemask_epi8(let);
  m->letter |= l << sh;
  m->alnum |= (l | (unsigned)_mm_movemask_epi8(dig)) << sh;
  m->lower |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_slli_epi64(x, 2))
              << sh;
  m->high |= (uint64_t)(unsigned)_mm_movemask_epi8(x) << sh;
  m->mark |= (uint64_t)(unsigned)_mm_movemask_epi8(mark) << sh;
}
#else
static inline void tail_piece(const unsigned char *p, unsigned sh,
                              struct tail_masks *m) {
  for (unsigned k = 0; k < 16; k++) {
    unsigned c = p[k];
    uint64_t b = 1ull << (sh + k);
    bool let = (unsigned)((c | 0x20) - 'a') < 26;
    if (let || (unsigned)(c - '0') < 10)
      m->alnum |= b;
    if (let)
      m->letter |= b;
    if (c & 0x20)
      m->lower |= b;
    if (c >= 0x80)
      m->high |= b;
    if ((c | 0x31) == 0x3F || c == '[' || c == '|')
      m->mark |= b;
  }
}
#endif

/* The set bits of x (hw: with the CPU's instruction). */
ALWAYS_INLINE unsigned tail_pop(uint64_t x, bool hw) {
  if (hw)
    return (unsigned)__builtin_popcountll(x);
  x = x - (x >> 1 & 0x5555555555555555ull);
  x = (x & 0x3333333333333333ull) + (x >> 2 & 0x3333333333333333ull);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Full;
  return (unsigned)((x * 0x0101010101010101ull) >> 56);
}

/* The character 0x80 and up at p[j] (j < n), of *k bytes: 1 a letter or
 * mark, 2 a digit, 0 neither (a separator after a space counted in *seps,
 * the (c) sign, a token of its own, in *signs), as the tokenizer takes
 * it. */
static unsigned tail_high(const unsigned char *p, size_t n, size_t j,
                          struct chrome_cpinfo *cache, size_t *k,
                          uint32_t *seps, size_t *signs) {
  unsigned c = p[j];
  if (ends_word(p, j)) {
    *k = c == 0xC2 ? 2 : 3;
    if (c == 0xC2 && p[j + 1] == 0xA9)
      (*signs)++;
    else if (j && p[j - 1] == ' ' && sep_here(p, n, j))
      (*seps)++;
    return 0;
  }
  utf8proc_int32_t cp;
  *k = decode_nl(p + j, n - j, &cp);
  if (cp >= 0) {
    struct chrome_cpinfo tmp;
    const struct chrome_cpinfo *e = cp_get(cache, cp, &tmp);
    if (e->kind == 1 || e->kind == 2)
      return e->kind;
    if (e->kind == 3) {
      (*signs)++;
      return 0;
    }
  } else if (c < 0xC2) {
    return 0;
  }
  if (j && p[j - 1] == ' ' && sep_here(p, n, j))
    (*seps)++;
  return 0;
}

/* Whether the word that starts with the character 0x80 and up at p[j]
 * is capitalised. */
static bool tail_high_upper(const unsigned char *p, size_t n, size_t j,
                            struct chrome_cpinfo *cache) {
  if (p[j] == 0xC3) /* U+00C0..U+00DE */
    return p[j + 1] < 0x9F && p[j + 1] != 0x97;
  utf8proc_int32_t cp;
  decode_nl(p + j, n - j, &cp);
  if (cp < 0)
    return false;
  struct chrome_cpinfo tmp;
  return cp_get(cache, cp, &tmp)->upper;
}

/* What the blocks before the next one left, and the counts so far. */
struct tail_state {
  uint64_t prev;             /* bit 0: the byte before the block is a
                                letter or digit */
  uint64_t carry_w, carry_l; /* the bytes of a character past its end */
  size_t done; /* the characters 0x80 and up before it were read */
  size_t starts, numbers, upper, signs;
  uint32_t conts, seps;
  bool cin; /* a run of digits goes on past it */
};

/* The block of bytes base.. (masks m, of the bytes before p[n] only). */
ALWAYS_INLINE void tail_block(const unsigned char *p, size_t n, size_t base,
                              struct tail_masks m, struct chrome_lex *lx,
                              struct tail_state *st, bool hw) {
  for (uint64_t b = m.mark; b; b &= b - 1) {
    size_t i = base + kempt__chrome_ctz(b);
    if (ascii_skip[p[i]] == S_MARK)
      lex_mark(p, n, i, lx);
  }
  uint64_t w = m.alnum | st->carry_w, l = m.letter | st->carry_l;
  st->carry_w = st->carry_l = 0;
  uint64_t hb = m.high;
  if (st->done > base)
    hb &= ~0ull << (st->done - base); /* (fewer than 4) */
  while (hb) {
    unsigned off = kempt__chrome_ctz(hb);
    size_t j = base + off, k;
    unsigned c = p[j], c1 = p[j + 1], kind;
    if (c == 0xE2 && c1 == 0x80 && is_cont(p[j + 2])) {
      k = 3; /* General Punctuation (E2_PLAIN): no word's */
      kind = 0;
      if (p[j - 1] == ' ' && sep_here(p, n, j))
        st->seps++;
    } else if (c == 0xC3 && is_cont((unsigned char)c1)) {
      k = 2; /* U+00C0..U+00FF: letters but the signs × and ÷ */
      kind = (c1 & 0xDFu) != 0x97;
    } else {
      kind = tail_high(p, n, j, lx->cache, &k, &st->seps, &st->signs);
    }
    st->conts += (uint32_t)k - !is_cont((unsigned char)c);
    st->done = j + k;
    if (kind) {
      uint64_t bits, over = 0;
      if (off + k <= 64) {
        bits = ((1ull << k) - 1) << off; /* (k <= 4) */
      } else {
        bits = ~0ull << off;
        over = (1ull << (off + k - 64)) - 1;
      }
      w |= bits;
      st->carry_w = over;
      if (kind == 1) {
        l |= bits;
        st->carry_l = over;
      }
    }
    hb = off + k >= 64 ? 0 : hb & (~0ull << (off + k));
  }
  uint64_t s = w & ~(w << 1 | st->prev);
  st->prev = w >> 63;
  st->starts += tail_pop(s, hw);
  st->upper += tail_pop(s & m.letter & ~m.lower, hw);
  for (uint64_t b = s & m.high; b; b &= b - 1)
    st->upper +=
        tail_high_upper(p, n, base + kempt__chrome_ctz(b), lx->cache);
  /* the numbers: runs of digits from a start on (d), each carried past
   * its end by adding its start; where the carry lands is not a letter
   * nor a digit, the run was all of its word */
  uint64_t d = w & ~l, x;
  bool c1 = __builtin_add_overflow(d, s & d, &x);
  bool c2 = __builtin_add_overflow(x, (uint64_t)st->cin, &x);
  st->numbers += tail_pop(x & ~d & ~w, hw);
  st->cin = c1 || c2;
}

/* The last block, of left (< 64) bytes, or any block (16 bytes from each
 * piece's start before p[n] can be read). */
ALWAYS_INLINE struct tail_masks tail_masks_of(const unsigned char *p,
                                              size_t left) {
  struct tail_masks m = {0, 0, 0, 0, 0};
  for (unsigned k = 0; k < 64 && k < left; k += 16)
    tail_piece(p + k, k, &m);
  if (left < 64) {
    uint64_t valid = (1ull << left) - 1;
    m.alnum &= valid;
    m.letter &= valid;
    m.high &= valid;
    m.mark &= valid;
  }
  return m;
}

ALWAYS_INLINE size_t tail_end(struct tail_state *st, struct chrome_lex *lx,
                              uint32_t *words, uint32_t *upper) {
  st->numbers += st->cin; /* (a run that ends at p[n]) */
  lx->conts += st->conts;
  lx->seps += st->seps;
  *words = (uint32_t)(st->starts - st->numbers);
  *upper = (uint32_t)st->upper;
  return st->starts + st->signs;
}

static size_t NOINLINE lex_tail_plain(const unsigned char *p, size_t n,
                                      size_t pos, struct chrome_lex *lx,
                                      uint32_t *words, uint32_t *upper) {
  struct tail_state st = {0, 0, 0, pos, 0, 0, 0, 0, 0, 0, false};
  for (size_t base = pos; base < n; base += 64)
    tail_block(p, n, base, tail_masks_of(p + base, n - base), lx, &st,
               false);
  return tail_end(&st, lx, words, upper);
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
/* The masks of 32 bytes at p (as tail_piece's) in bits sh.. of *m. */
__attribute__((target("avx2"))) static inline void
tail_piece32(const unsigned char *p, unsigned sh, struct tail_masks *m) {
  __m256i x = _mm256_loadu_si256((const __m256i *)(const void *)p);
  __m256i lo = _mm256_or_si256(x, _mm256_set1_epi8(0x20));
  __m256i let = _mm256_cmpgt_epi8(
      _mm256_set1_epi8((char)(-128 + 26)),
      _mm256_add_epi8(lo, _mm256_set1_epi8((char)(0x80 - 'a'))));
  __m256i dig = _mm256_cmpgt_epi8(
      _mm256_set1_epi8((char)(-128 + 10)),
      _mm256_add_epi8(x, _mm256_set1_epi8((char)(0x80 - '0'))));
  __m256i mark = _mm256_or_si256(
      _mm256_cmpeq_epi8(_mm256_or_si256(x, _mm256_set1_epi8(0x31)),
                        _mm256_set1_epi8(0x3F)),
      _mm256_or_si256(_mm256_cmpeq_epi8(x, _mm256_set1_epi8('[')),
                      _mm256_cmpeq_epi8(x, _mm256_set1_epi8('|'))));
  uint64_t l = (uint32_t)_mm256_movemask_epi8(let);
  m->letter |= l << sh;
  m->alnum |= (l | (uint32_t)_mm256_movemask_epi8(dig)) << sh;
  m->lower |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_slli_epi64(x, 2))
              << sh;
  m->high |= (uint64_t)(uint32_t)_mm256_movemask_epi8(x) << sh;
  m->mark |= (uint64_t)(uint32_t)_mm256_movemask_epi8(mark) << sh;
}

/* lex_tail_plain with 32 bytes a load (the whole blocks) and the CPU's
 * popcnt. */
__attribute__((target("avx2,popcnt"))) static size_t NOINLINE
lex_tail_avx2(const unsigned char *p, size_t n, size_t pos,
              struct chrome_lex *lx, uint32_t *words, uint32_t *upper) {
  struct tail_state st = {0, 0, 0, pos, 0, 0, 0, 0, 0, 0, false};
  size_t base = pos;
  for (; base + 64 <= n; base += 64) {
    struct tail_masks m = {0, 0, 0, 0, 0};
    tail_piece32(p + base, 0, &m);
    tail_piece32(p + base + 32, 32, &m);
    tail_block(p, n, base, m, lx, &st, true);
  }
  if (base < n)
    tail_block(p, n, base, tail_masks_of(p + base, n - base), lx, &st, true);
  return tail_end(&st, lx, words, upper);
}
static bool tail_avx2_ok(void) {
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt");
}
#else
#define lex_tail_avx2 lex_tail_plain
static bool tail_avx2_ok(void) { return false; }
#endif

size_t kempt__chrome_lex_tail(const char *s, size_t n, size_t pos,
                              struct chrome_lex *lx, uint32_t *words,
                              uint32_t *upper) {
  const unsigned char *p = (const unsigned char *)s;
  return tail_avx2_ok() ? lex_tail_avx2(p, n, pos, lx, words, upper)
                        : lex_tail_plain(p, n, pos, lx, words, upper);
}

/* Whether p[0..n) holds a byte 0x80 and up (8 readable after p[n - 1]). */
static bool any_high(const unsigned char *p, size_t n) {
  uint64_t x;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    memcpy(&x, p + i, 8);
    if (x & HIGHS)
      return true;
  }
  if (i == n)
    return false;
  memcpy(&x, p + i, 8);
  return (x & HIGHS & (~0ull >> (64 - 8 * (n - i)))) != 0;
}

uint32_t kempt__chrome_stop_langs(const char *s, size_t n,
                                  struct chrome_cpinfo *cache) {
  const unsigned char *p = (const unsigned char *)s;
  if (n == 0 || n > KEMPT_STOP_MAX_WORD)
    return 0;
  if (n <= 8) { /* an ASCII word: its 8 bytes lower-cased at once */
    uint64_t x, keep = ~0ull >> (64 - 8 * n);
    memcpy(&x, p, 8);
    x &= keep;
    if (!(x & HIGHS)) /* letters and digits: | 0x20 lower-cases them */
      return kempt__stopword_langs_packed(x | (0x20 * ONES & keep), n);
  }
  if (n > KEMPT_STOP_MAX_ASCII && !any_high(p, n))
    return 0; /* longer than any ASCII function word */
  char buf[2 * KEMPT_STOP_MAX_WORD]; /* as kempt__utf8_lower() */
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      buf[o++] = (char)ascii_low[p[i++]];
      continue;
    }
    utf8proc_int32_t cp;
    struct chrome_cpinfo tmp;
    i += decode(p + i, n - i, &cp);
    if (cp < 0 || o + 4 > sizeof buf)
      return 0;
    const struct chrome_cpinfo *e = cp_get(cache, cp, &tmp);
    uint32_t low = e->low; /* its 4 bytes at once (room checked above) */
    buf[o] = (char)low;
    buf[o + 1] = (char)(low >> 8);
    buf[o + 2] = (char)(low >> 16);
    buf[o + 3] = (char)(low >> 24);
    o += e->nlow;
  }
  return kempt__stopword_langs_lower(buf, o);
}

size_t kempt__chrome_tokens(const char *p, size_t n, struct chrome_tok *t,
                            size_t max, size_t *total,
                            struct chrome_cpinfo *cache) {
  struct chrome_lex lx = {cache, 0, 0, false, false, false, NULL};
  struct chrome_tok tmp;
  size_t pos = 0, count = kempt__chrome_lex(p, n, &pos, t, max, &lx);
  *total = count + (count == max && kempt__chrome_lex(p, n, &pos, &tmp, 1,
                                                      &lx) == 1);
  return count;
}


static uint64_t kind_key(uint64_t key, int kind) {
  return kempt__chrome_kind_key(key, kind);
}

static enum kempt_status grow(struct chrome_rules *r) {
  size_t size = r->slots ? (r->mask + 1) * 2 : 4096;
  struct chrome_rule *s = kempt__calloc(r->alloc, size * sizeof *s);
  if (!s)
    return KEMPT_ERR_NOMEM;
  for (size_t i = 0; r->slots && i <= r->mask; i++) {
    if (!r->slots[i].kind)
      continue;
    size_t j = (size_t)r->slots[i].key & (size - 1);
    while (s[j].kind)
      j = (j + 1) & (size - 1);
    s[j] = r->slots[i];
  }
  kempt__free(r->alloc, r->own);
  r->slots = r->own = s;
  r->mask = size - 1;
  return KEMPT_OK;
}

static enum kempt_status insert(struct chrome_rules *r,
                                const struct chrome_rule *rule) {
  if (!r->slots || 2 * (r->count + 1) > r->mask + 1) {
    enum kempt_status st = grow(r);
    if (st != KEMPT_OK)
      return st;
  }
  size_t j = (size_t)rule->key & r->mask;
  while (r->slots[j].kind) {
    const struct chrome_rule *o = &r->slots[j];
    if (o->key == rule->key && o->kind == rule->kind && o->lang == rule->lang)
      return KEMPT_OK; /* the same rule twice */
    j = (j + 1) & r->mask;
  }
  r->own[j] = *rule;
  r->count++;
  return KEMPT_OK;
}

static int kind_of(const char *s, size_t n) {
  static const char *const names[] = {"line", "prefix", "",     "has",
                                      "list", "cut",    "byline", "date",
                                      "says", "soft",   "bio",    "copula",
                                      "about", "caption", "reply",
                                      "button", "until"};
  for (int k = 0; k < (int)(sizeof names / sizeof names[0]); k++)
    if (strlen(names[k]) == n && n && memcmp(names[k], s, n) == 0)
      return k + 1;
  return CK_NONE;
}

/* The pattern p[0..n) without the spaces at its end; its kind (a prefix
 * that ends in ':' wants a separator after it). */
static size_t pattern_len(const char *p, size_t n, int *kind) {
  while (n && kempt__is_space((unsigned char)p[n - 1]))
    n--;
  if (n && *kind == CK_PREFIX && p[n - 1] == ':')
    *kind = CK_PREFIXSEP;
  return n;
}

/* Add one rule of kind over the words of hashes h[0..nt) (nt >= 1). */
static enum kempt_status add_words(struct chrome_rules *r, int kind,
                                   uint8_t lang, const uint64_t *h0,
                                   size_t nt, uint32_t name) {
  uint64_t seq = CHROME_SEQ_INIT;
  for (size_t k = 0; k < nt; k++)
    seq = kempt__chrome_seq_step(seq, h0[k]);
  struct chrome_rule rule = {kind_key(seq, kind), name, (uint8_t)kind, lang,
                             (uint8_t)nt, 0};
  r->first[(h0[0] >> 51) & (CHROME_FIRST_BITS - 1)] |= (uint32_t)(1u << kind);
  if ((kind == CK_HAS || kind == CK_SOFT) && nt >= 2)
    r->first[(h0[1] >> 51) & (CHROME_FIRST_BITS - 1)] |=
        (uint32_t)(1u << CHROME_SECOND_HS);
  if (kind == CK_HAS || kind == CK_SOFT) {
    unsigned fb = (unsigned)(h0[0] >> 24) & (CHROME_HS_BITS - 1);
    r->first_hs[fb / 64] |= 1ull << (fb % 64);
    uint64_t h = CHROME_SEQ_INIT; /* its prefixes: kempt__chrome_may_extend */
    for (size_t k = 1; k < nt; k++) {
      h = kempt__chrome_seq_step(h, h0[k - 1]);
      unsigned pb = (unsigned)(h >> 45) & (CHROME_PREFIX_BITS - 1);
      r->prefix_hs[pb / 64] |= 1ull << (pb % 64);
    }
  }
  if (nt > r->maxtok[kind])
    r->maxtok[kind] = (uint8_t)nt;
  unsigned bit = (unsigned)(rule.key >> 40) & (CHROME_KEY_BITS - 1);
  r->keys[bit / 64] |= 1ull << (bit % 64);
  return insert(r, &rule);
}

/* Add one rule: kind name, pattern (words; '#' is a number). */
static enum kempt_status add_rule(struct chrome_rules *r, int kind,
                                  uint8_t lang, const char *pat, size_t n,
                                  uint32_t name) {
  char buf[MAX_PATTERN + CHROME_LEX_PAD] = {0}; /* + the end mark, pad */
  struct chrome_tok t[CHROME_MAXTOK];
  uint64_t h[CHROME_MAXTOK];
  size_t total;
  n = pattern_len(pat, n, &kind);
  if (n == 0 || n >= MAX_PATTERN)
    return KEMPT_OK;
  for (size_t i = 0; i < n; i++)
    buf[i] = pat[i] == '#' ? '0' : pat[i];
  buf[n] = '\n'; /* the tokenizer's end mark */
  size_t nt = kempt__chrome_tokens(buf, n, t, CHROME_MAXTOK, &total, r->cp);
  if (nt == 0 || nt != total)
    return KEMPT_OK;
  for (size_t k = 0; k < nt; k++)
    h[k] = t[k].h;
  return add_words(r, kind, lang, h, nt, name);
}


enum kempt_status kempt__chrome_rules_init(struct chrome_rules *r,
                                          const struct kempt_allocator *a,
                                          struct chrome_cpinfo *cache,
                                          const struct chrome_rule_src *src,
                                          size_t n, const uint64_t *toks) {
  memset(r, 0, sizeof *r);
  r->alloc = a;
  r->cp = cache;
  for (size_t i = 0; i < n; i++) {
    const struct chrome_rule_src *s = &src[i];
    int kind = s->kind;
    enum kempt_status st = /* (only a prefix's pattern may change its
                              kind: pattern_len) */
        s->ntok ? ((kind == CK_PREFIX
                        ? (void)pattern_len(s->pattern, strlen(s->pattern),
                                            &kind)
                        : (void)0),
                   add_words(r, kind, (uint8_t)s->lang,
                             toks + s->tok, s->ntok, s->name))
                : add_rule(r, kind, (uint8_t)s->lang, s->pattern,
                           strlen(s->pattern), s->name);
    if (st != KEMPT_OK)
      return st;
  }
  return KEMPT_OK;
}

/* The compiled-in rules: the generator builds the table as
 * kempt__chrome_rules_init() does (tests/unit/test_chromespeed_rules.c
 * checks that they agree), so that a process starts without building
 * it. */
const struct chrome_rules *kempt__chrome_rules_builtin(void) {
  return &chrome_rules_table;
}

enum kempt_status kempt__chrome_rules_copy(struct chrome_rules *r,
                                          const struct chrome_rules *from,
                                          const struct kempt_allocator *a,
                                          struct chrome_cpinfo *cache) {
  *r = *from;
  r->alloc = a;
  r->cp = cache;
  r->slots = r->own = NULL;
  if (!from->slots)
    return KEMPT_OK;
  size_t bytes = (from->mask + 1) * sizeof *from->slots;
  r->own = kempt__malloc(a, bytes);
  if (!r->own)
    return KEMPT_ERR_NOMEM;
  memcpy(r->own, from->slots, bytes);
  r->slots = r->own;
  return KEMPT_OK;
}

/* One "KIND PATTERN" line of a rules file; other lines are ignored. */
static enum kempt_status parse_line(struct chrome_rules *r, const char *p,
                                    size_t n) {
  size_t i = 0;
  while (i < n && kempt__is_space((unsigned char)p[i]))
    i++;
  if (i == n || p[i] == '#')
    return KEMPT_OK;
  size_t k = i;
  while (k < n && !kempt__is_space((unsigned char)p[k]))
    k++;
  int kind = kind_of(p + i, k - i);
  if (kind == CK_NONE)
    return KEMPT_OK;
  return add_rule(r, kind, 0, p + k, n - k, chrome_file_rule_names[kind]);
}

enum kempt_status kempt__chrome_rules_parse(struct chrome_rules *r,
                                           const char *text, size_t n) {
  while (n) {
    const char *nl = memchr(text, '\n', n);
    size_t len = nl ? (size_t)(nl - text) : n;
    enum kempt_status st = parse_line(r, text, len);
    if (st != KEMPT_OK)
      return st;
    size_t step = nl ? len + 1 : len;
    text += step;
    n -= step;
  }
  return KEMPT_OK;
}

const char *kempt__chrome_rule_name(uint32_t name) {
  return (const char *)&chrome_rule_names + name;
}

const struct chrome_rule *kempt__chrome_rules_find(
    const struct chrome_rules *r, uint64_t key, int k, uint32_t langs) {
  if (!r->slots)
    return NULL;
  key = kind_key(key, k);
  size_t j = (size_t)key & r->mask;
  while (r->slots[j].kind) {
    const struct chrome_rule *o = &r->slots[j];
    if (o->key == key && o->kind == k && (langs >> o->lang & 1u))
      return o;
    j = (j + 1) & r->mask;
  }
  return NULL;
}

uint32_t kempt__chrome_rules_langs(const struct chrome_rules *r,
                                   uint64_t key, int k) {
  uint32_t langs = 0;
  if (!r->slots)
    return 0;
  key = kind_key(key, k);
  for (size_t j = (size_t)key & r->mask; r->slots[j].kind;
       j = (j + 1) & r->mask) {
    const struct chrome_rule *o = &r->slots[j];
    if (o->key == key && o->kind == k)
      langs |= 1u << o->lang;
  }
  return langs;
}

void kempt__chrome_rules_free(struct chrome_rules *r) {
  kempt__free(r->alloc, r->own);
  r->slots = r->own = NULL;
}
