/* decode.c - the decode stage: any bytes in, valid UTF-8 out.
 *
 * Runs of bytes that need no change (printable ASCII, TAB, LF and valid
 * UTF-8 sequences; checked 32 bytes at a time with AVX2, or 16 with
 * SSSE3, where the CPU has it) are copied as a whole; the rest is handled
 * one byte or sequence at a time: a BOM at the start of the document is
 * dropped, CRLF and lone CR become LF, FF and VT become LF (they separate
 * pages and lines in text dumps), the other C0 controls and DEL are removed (an ANSI
 * escape sequence as a whole), a surrogate pair encoded as two 3-byte
 * sequences (CESU-8) becomes the character it stands for and a lone
 * surrogate U+FFFD (unless the document already reads as cp1252), and a
 * byte that does not start a valid UTF-8 sequence is read as
 * Windows-1252.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "internal.h"
#include "kempt_decode.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__SSE2__) && defined(__GNUC__) &&                                  \
    (defined(__x86_64__) || defined(__i386__))
#include <immintrin.h>
#include <tmmintrin.h>
#define HAVE_SSSE3_PATH 1
#endif

#define OUT_SIZE 16384
#define PIECES 32     /* pieces of output held before they go on */
#define REF_MIN 64    /* a clean run this long is held where it is */

struct decode {
  const struct kempt_env *env;
  uint64_t pos;          /* input offset in the document */
  bool started;          /* a byte of this document was seen (BOM check) */
  bool after_cr;         /* the last byte was CR: drop a following LF */
  bool cp1252_seen;      /* a byte of this document was read as cp1252 */
  uint8_t esc;           /* 1: after ESC; 2: inside an ANSI CSI sequence */
  uint8_t esc_len;       /* parameter bytes of the CSI sequence so far */
  unsigned char pend[8]; /* start of a sequence split by the chunk (a
                          * CESU-8 pair has 6 bytes) */
  size_t npend;
  /* The output held, in order: pieces of out and clean runs of the input
   * being fed (valid until decode_feed() returns, which flushes them);
   * 'held' counts them all, as if they were copied to out, so that they
   * go on at the same points as copies would (the order of explain
   * events depends on it). */
  size_t held;
  size_t npieces;
  struct piece {
    const char *p;
    size_t n;
    bool own; /* in out */
  } pieces[PIECES];
  size_t nout; /* bytes of out in use */
  char *out; /* OUT_SIZE bytes (not in the state, which is zeroed) */
};

/* Windows-1252 for 0x80..0x9F; the five undefined bytes map to Latin-1. */
static const uint16_t cp1252_c1[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

static enum kempt_status flush_out(struct decode *d) {
  enum kempt_status s = KEMPT_OK;
  for (size_t i = 0; i < d->npieces && s == KEMPT_OK; i++)
    s = kempt__emit(d->env, d->pieces[i].p, d->pieces[i].n);
  d->npieces = d->nout = d->held = 0;
  return s;
}

/* Output p[0..n); 'lasting': p stays valid until the next flush, so that a
 * long run may be held where it is, not copied. */
static enum kempt_status put_run(struct decode *d, const void *p, size_t n,
                                 bool lasting) {
  if (d->held + n > OUT_SIZE) {
    enum kempt_status s = flush_out(d);
    if (s != KEMPT_OK)
      return s;
    if (n > OUT_SIZE / 2)
      return kempt__emit(d->env, p, n); /* big runs skip the copy */
  }
  d->held += n;
  /* a piece held in place leaves a slot for a piece of out after it */
  if (lasting && n >= REF_MIN && d->npieces + 2 <= PIECES) {
    d->pieces[d->npieces++] = (struct piece){p, n, false};
    return KEMPT_OK;
  }
  char *o = d->out + d->nout;
  memcpy(o, p, n);
  d->nout += n;
  struct piece *last = d->npieces ? &d->pieces[d->npieces - 1] : NULL;
  if (last && last->own) /* out is filled in order */
    last->n += n;
  else
    d->pieces[d->npieces++] = (struct piece){o, n, true};
  return KEMPT_OK;
}

static enum kempt_status put(struct decode *d, const void *p, size_t n) {
  return put_run(d, p, n, false);
}

/* Length of the valid UTF-8 sequence at p (2..4), 0 if it may be valid but
 * is cut short by the end of the available bytes, -1 if invalid. The lead
 * byte is known to be >= 0x80. */
static int utf8_seq(const unsigned char *p, size_t avail) {
  size_t bad;
  int len = kempt__utf8_seq(p, avail, &bad);
  return len < 0 ? 0 : len == 0 ? -1 : len;
}

/* A surrogate encoded as three bytes (ED A0..BF 80..BF: CESU-8 or WTF-8,
 * which UTF-8 forbids) at p: returns 6 for a high + low pair, 3 for a lone
 * half, -1 when p holds none, 0 when more bytes are needed to tell (a
 * high half whose partner may follow; 'final': no more will come). */
static int surrogate_seq(const unsigned char *p, size_t avail, bool final) {
  static const unsigned char lo[6] = {0xED, 0xA0, 0x80, 0xED, 0xB0, 0x80};
  static const unsigned char hi[6] = {0xED, 0xBF, 0xBF, 0xED, 0xBF, 0xBF};
  if (p[0] != 0xED || (avail >= 2 && p[1] < 0xA0))
    return -1;
  for (size_t i = 1; i < 3; i++) {
    if (i >= avail)
      return final ? -1 : 0;
    if (p[i] < lo[i] || p[i] > hi[i])
      return -1;
  }
  if (p[1] >= 0xB0)
    return 3; /* a low half alone */
  for (size_t i = 3; i < 6; i++) {
    if (i >= avail)
      return final ? 3 : 0;
    if (p[i] < lo[i] || p[i] > hi[i])
      return 3;
  }
  return 6;
}

/* The surrogate sequence of k bytes at p (surrogate_seq): a pair becomes
 * the character it encodes, a lone half U+FFFD. */
static enum kempt_status put_surrogate(struct decode *d, const unsigned char *p,
                                       int k) {
  char o[4];
  size_t n;
  if (k == 6) {
    uint32_t h = ((p[1] & 0x0Fu) << 6) | (p[2] & 0x3Fu);
    uint32_t l = ((p[4] & 0x0Fu) << 6) | (p[5] & 0x3Fu);
    uint32_t cp = 0x10000 + (h << 10) + l;
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    n = 4;
  } else {
    memcpy(o, "\xef\xbf\xbd", 3);
    n = 3;
  }
  kempt__change(d->env, k == 6 ? "cesu8-pair" : "lone-surrogate", d->pos,
                (const char *)p, (size_t)k, o, n);
  return put(d, o, n);
}

/* A byte that is not part of valid UTF-8, read as Windows-1252. */
static enum kempt_status put_cp1252(struct decode *d, unsigned char c) {
  char o[4];
  uint32_t cp = c < 0xA0 ? cp1252_c1[c - 0x80] : c;
  d->cp1252_seen = true;
  size_t n = kempt__utf8_put(cp, o);
  kempt__change(d->env, "invalid-utf8-as-cp1252", d->pos, (const char *)&c, 1,
                o, n);
  return put(d, o, n);
}

/* One control byte (< 0x20 but TAB and LF, or DEL). */
static enum kempt_status put_control(struct decode *d, unsigned char c) {
  if (c == '\r' || c == '\f' || c == '\v') {
    kempt__change(d->env, c == '\r' ? "cr-to-lf" : "break-to-lf", d->pos,
                  (const char *)&c, 1, "\n", 1);
    d->after_cr = c == '\r';
    return put(d, "\n", 1);
  }
  if (c == 0x1B)
    d->esc = 1; /* an ANSI escape sequence may follow */
  kempt__change(d->env, "control-removed", d->pos, (const char *)&c, 1, "", 0);
  return KEMPT_OK;
}

#define MAX_CSI 32 /* parameter bytes; a longer "sequence" is text again */

/* Inside an ANSI terminal escape (ESC [ parameters final): returns 1 when
 * c belongs to it and is removed, 0 when the sequence has ended before c
 * and c is an ordinary byte again. */
static size_t esc_byte(struct decode *d, unsigned char c) {
  if (d->esc == 1) {
    d->esc = 0;
    if (c != '[')
      return 0;
    kempt__change(d->env, "ansi-escape-removed", d->pos, "\x1b[", 2, "", 0);
    d->esc = 2;
    d->esc_len = 0;
    return 1;
  }
  if (c >= 0x20 && c <= 0x3F && d->esc_len < MAX_CSI) {
    d->esc_len++;
    return 1;
  }
  d->esc = 0;
  return c >= 0x40 && c <= 0x7E ? 1 : 0;
}

static inline bool plain_byte(unsigned char c) {
  return (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t';
}

#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* Whether the 8 bytes at p are all printable ASCII (SWAR: a byte below
 * 0x20, a DEL or a byte with the high bit set makes it false). */
static inline bool plain_word(const unsigned char *p) {
  uint64_t x;
  memcpy(&x, p, 8);
  uint64_t low = (x - 0x20 * ONES) & ~x;
  uint64_t y = x ^ (0x7F * ONES);
  uint64_t del = (y - ONES) & ~y;
  return ((x | low | del) & HIGHS) == 0;
}

#ifdef __SSE2__
/* Bits of the 16 bytes at p that are printable ASCII, TAB or LF. */
static inline unsigned plain16(const unsigned char *p) {
  __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
  __m128i ok = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x1F)),
                             _mm_cmplt_epi8(v, _mm_set1_epi8(0x7F)));
  ok = _mm_or_si128(ok, _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')));
  ok = _mm_or_si128(ok, _mm_cmpeq_epi8(v, _mm_set1_epi8('\t')));
  return (unsigned)_mm_movemask_epi8(ok);
}
#endif

/* Whether the 8 bytes at p are four valid 2-byte sequences (leads
 * 0xC2..0xDF, each followed by a continuation byte); always false where
 * the byte order is not known to be little-endian. */
static inline bool two_byte_word(const unsigned char *p) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  uint64_t x; /* byte 0 lowest */
  memcpy(&x, p, 8);
  if ((x & 0xC0E0C0E0C0E0C0E0ull) != 0x80C080C080C080C0ull)
    return false;
  /* not an overlong C0 or C1 lead: some of bits 1..4 of each lead set */
  uint64_t v = x & 0x001E001E001E001Eull;
  return ((v + 0x007F007F007F007Full) & 0x0080008000800080ull) ==
         0x0080008000800080ull;
#else
  (void)p;
  return false;
#endif
}

#ifdef HAVE_SSSE3_PATH
/* UTF-8 checked 16 bytes at a time with SSSE3 (when the CPU has it), by
 * the classes of each byte and the one before it: a table for the high
 * half of the byte before, one for its low half and one for the high half
 * of the byte, each giving the errors that pair may show, and together
 * the errors it does show. Bits of the tables: */
enum {
  U_SHORT = 1,       /* a lead not followed by a continuation byte */
  U_LONG = 2,        /* a continuation byte after ASCII */
  U_OVER3 = 4,       /* E0 80..9F */
  U_LARGE = 8,       /* F4 90..BF, F5..FF */
  U_SURR = 16,       /* ED A0..BF */
  U_OVER2 = 32,      /* C0 C1 */
  U_LARGE_80 = 64,   /* F5..FF 80..8F; F0 80..8F (overlong) */
  U_TWO_CONTS = 128, /* two continuation bytes: right only as the third or
                      * fourth byte of a sequence */
  U_CARRY = U_SHORT | U_LONG | U_TWO_CONTS
};

/* The three lookup tables of the vector UTF-8 check, by the high nibble of
 * the byte before, its low nibble, and the high nibble of the byte: one
 * list for the 16-byte (SSSE3) and the 32-byte (AVX2, both lanes) forms. */
#define UTF8_HI1 \
      U_LONG, U_LONG, U_LONG, U_LONG, U_LONG, U_LONG, U_LONG, U_LONG, \
      (char)U_TWO_CONTS, (char)U_TWO_CONTS, (char)U_TWO_CONTS, \
      (char)U_TWO_CONTS, U_SHORT | U_OVER2, U_SHORT, U_SHORT | U_OVER3 | U_SURR, \
      U_SHORT | U_LARGE | U_LARGE_80
#define UTF8_LO1 \
      (char)(U_CARRY | U_OVER3 | U_OVER2 | U_LARGE_80), \
      (char)(U_CARRY | U_OVER2), (char)U_CARRY, (char)U_CARRY, \
      (char)(U_CARRY | U_LARGE), (char)(U_CARRY | U_LARGE | U_LARGE_80), \
      (char)(U_CARRY | U_LARGE | U_LARGE_80), \
      (char)(U_CARRY | U_LARGE | U_LARGE_80), \
      (char)(U_CARRY | U_LARGE | U_LARGE_80), \
      (char)(U_CARRY | U_LARGE | U_LARGE_80), \
      (char)(U_CARRY | U_LARGE | U_LARGE_80), \
      (char)(U_CARRY | U_LARGE | U_LARGE_80), \
      (char)(U_CARRY | U_LARGE | U_LARGE_80), \
      (char)(U_CARRY | U_LARGE | U_LARGE_80 | U_SURR), \
      (char)(U_CARRY | U_LARGE | U_LARGE_80), \
      (char)(U_CARRY | U_LARGE | U_LARGE_80)
#define UTF8_HI2 \
      U_SHORT, U_SHORT, U_SHORT, U_SHORT, U_SHORT, U_SHORT, U_SHORT, U_SHORT, \
      (char)(U_LONG | U_OVER2 | U_TWO_CONTS | U_OVER3 | U_LARGE_80), \
      (char)(U_LONG | U_OVER2 | U_TWO_CONTS | U_OVER3 | U_LARGE), \
      (char)(U_LONG | U_OVER2 | U_TWO_CONTS | U_SURR | U_LARGE), \
      (char)(U_LONG | U_OVER2 | U_TWO_CONTS | U_SURR | U_LARGE), U_SHORT, \
      U_SHORT, U_SHORT, U_SHORT
/* Bits of the 16 bytes at p that are not clean when the 16 before are
 * 'prev' (whose trailing incomplete sequence they must finish). */
__attribute__((target("ssse3"))) static inline __m128i
utf8_errors(__m128i v, __m128i prev) {
  const __m128i hi1 = _mm_setr_epi8(UTF8_HI1);
  const __m128i lo1 = _mm_setr_epi8(UTF8_LO1);
  const __m128i hi2 = _mm_setr_epi8(UTF8_HI2);
  const __m128i nib = _mm_set1_epi8(0x0F);
  __m128i p1 = _mm_alignr_epi8(v, prev, 15);
  __m128i e = _mm_and_si128(
      _mm_shuffle_epi8(hi1, _mm_and_si128(_mm_srli_epi16(p1, 4), nib)),
      _mm_shuffle_epi8(lo1, _mm_and_si128(p1, nib)));
  e = _mm_and_si128(
      e, _mm_shuffle_epi8(hi2, _mm_and_si128(_mm_srli_epi16(v, 4), nib)));
  /* the third and fourth bytes of 3- and 4-byte sequences */
  __m128i third =
      _mm_subs_epu8(_mm_alignr_epi8(v, prev, 14), _mm_set1_epi8((char)0xDF));
  __m128i fourth =
      _mm_subs_epu8(_mm_alignr_epi8(v, prev, 13), _mm_set1_epi8((char)0xEF));
  __m128i must =
      _mm_cmpgt_epi8(_mm_or_si128(third, fourth), _mm_setzero_si128());
  return _mm_xor_si128(e, _mm_and_si128(must, _mm_set1_epi8((char)0x80)));
}

/* Length of the clean start of p[0..n) (n >= 16) found 16 bytes at a time:
 * valid UTF-8 (a sequence cut by the end left out), no controls but TAB and
 * LF, no DEL. clean_run goes on from there byte by byte. */
__attribute__((target("ssse3"))) static size_t
clean_ssse3(const unsigned char *p, size_t n) {
  const __m128i zero = _mm_setzero_si128();
  const __m128i ends = _mm_setr_epi8(
      -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, (char)0xEF,
      (char)0xDF, (char)0xBF); /* a lead this late is cut by the end */
  __m128i prev = zero, cut = zero;
  size_t i = 0;
  while (i + 16 <= n) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
    __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
    low = _mm_andnot_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')),
                                        _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
                           low);
    __m128i bad = _mm_or_si128(low, _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
    __m128i next_cut = zero;
    if (_mm_movemask_epi8(v) == 0) {
      bad = _mm_or_si128(bad, cut); /* ASCII after a cut sequence */
    } else {
      bad = _mm_or_si128(bad, utf8_errors(v, prev));
      next_cut = _mm_subs_epu8(v, ends);
    }
    if (_mm_movemask_epi8(_mm_cmpeq_epi8(bad, zero)) != 0xFFFF)
      break;
    prev = v;
    cut = next_cut;
    i += 16;
  }
  if (_mm_movemask_epi8(_mm_cmpeq_epi8(cut, zero)) != 0xFFFF)
    do /* back to the lead of the sequence the last block cut */
      i--;
    while ((p[i] & 0xC0) == 0x80);
  return i;
}

/* __builtin_cpu_supports reads what libgcc found out at start-up: no
 * state of ours, so no race between threads. */
static bool ssse3_ok(void) { return __builtin_cpu_supports("ssse3") != 0; }

/* The same check 32 bytes at a time with AVX2 (where the CPU has it):
 * the tables of utf8_errors() in both 16-byte lanes, the bytes before
 * each byte taken across the lanes. */
#define TWICE(...) __VA_ARGS__, __VA_ARGS__
__attribute__((target("avx2"))) static inline __m256i
utf8_errors256(__m256i v, __m256i prev, __m256i xDF, __m256i xEF) {
  const __m256i hi1 = _mm256_setr_epi8(TWICE(UTF8_HI1));
  const __m256i lo1 = _mm256_setr_epi8(TWICE(UTF8_LO1));
  const __m256i hi2 = _mm256_setr_epi8(TWICE(UTF8_HI2));
  const __m256i nib = _mm256_set1_epi8(0x0F);
  /* the 32 bytes before v's, shifted by one lane: prev's high lane and
   * v's low lane */
  __m256i mid = _mm256_permute2x128_si256(prev, v, 0x21);
  __m256i p1 = _mm256_alignr_epi8(v, mid, 15);
  __m256i e = _mm256_and_si256(
      _mm256_shuffle_epi8(hi1, _mm256_and_si256(_mm256_srli_epi16(p1, 4), nib)),
      _mm256_shuffle_epi8(lo1, _mm256_and_si256(p1, nib)));
  e = _mm256_and_si256(
      e, _mm256_shuffle_epi8(hi2,
                             _mm256_and_si256(_mm256_srli_epi16(v, 4), nib)));
  __m256i third = _mm256_subs_epu8(_mm256_alignr_epi8(v, mid, 14), xDF);
  __m256i fourth = _mm256_subs_epu8(_mm256_alignr_epi8(v, mid, 13), xEF);
  __m256i must = _mm256_cmpgt_epi8(_mm256_or_si256(third, fourth),
                                   _mm256_setzero_si256());
  return _mm256_xor_si256(
      e, _mm256_and_si256(must, _mm256_set1_epi8((char)0x80)));
}
#undef TWICE
#undef UTF8_HI1
#undef UTF8_LO1
#undef UTF8_HI2

/* The bytes clean_avx2() compares with, 32 of each: read from memory in
 * its loop, where they are operands of the compares, rather than built
 * in registers at each round (there are too few to keep them all). */
#define TWICE16(x) x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, \
                   x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x
static const unsigned char clean_consts[6][32]
    __attribute__((aligned(32))) = {
        {TWICE16('\t')}, {TWICE16('\n')}, {TWICE16(0x7F)},
        {TWICE16(0x1F)},  {TWICE16(0xDF)},  {TWICE16(0xEF)}};
#undef TWICE16

/* clean_ssse3() 32 bytes at a time (n >= 32). */
__attribute__((target("avx2"))) static size_t
clean_avx2(const unsigned char *p, size_t n) {
  const __m256i zero = _mm256_setzero_si256();
  const __m256i ends = _mm256_setr_epi8(
      -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
      -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, (char)0xEF, (char)0xDF,
      (char)0xBF); /* a lead this late is cut by the end */
  __m256i prev = zero, cut = zero;
  size_t i = 0;
  const unsigned char(*cc)[32] = clean_consts;
  __asm__("" : "+r"(cc)); /* not folded back into constants built in place */
  while (i + 32 <= n) {
    __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(p + i));
#define CONST(k) _mm256_load_si256((const __m256i *)(const void *)cc[k])
    __m256i low = _mm256_cmpeq_epi8(_mm256_min_epu8(v, CONST(3)), v);
    low = _mm256_andnot_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, CONST(0)),
                                              _mm256_cmpeq_epi8(v, CONST(1))),
                              low);
    __m256i bad = _mm256_or_si256(low, _mm256_cmpeq_epi8(v, CONST(2)));
    __m256i next_cut = zero;
    if (_mm256_movemask_epi8(v) == 0) {
      bad = _mm256_or_si256(bad, cut); /* ASCII after a cut sequence */
    } else {
      bad = _mm256_or_si256(bad, utf8_errors256(v, prev, CONST(4), CONST(5)));
      next_cut = _mm256_subs_epu8(v, ends);
    }
#undef CONST
    if (!_mm256_testz_si256(bad, bad))
      break;
    prev = v;
    cut = next_cut;
    i += 32;
  }
  if (!_mm256_testz_si256(cut, cut))
    do /* back to the lead of the sequence the last block cut */
      i--;
    while ((p[i] & 0xC0) == 0x80);
  return i;
}

static bool avx2_ok(void) { return __builtin_cpu_supports("avx2") != 0; }
#endif

/* Length of the run at p..end that needs no change: printable ASCII (8
 * bytes at a time), TAB, LF and valid UTF-8 sequences (the common 2- and
 * 3-byte ones checked inline). */
static size_t clean_run(const unsigned char *p, const unsigned char *end) {
  const unsigned char *q = p;
#ifdef HAVE_SSSE3_PATH
  if (end - p >= 64 && avx2_ok())
    q += clean_avx2(p, (size_t)(end - p));
  else if (end - p >= 32 && ssse3_ok())
    q += clean_ssse3(p, (size_t)(end - p));
#endif
  while (q < end) {
    unsigned char c = *q;
    if (c < 0x80) {
      if (!plain_byte(c))
        break;
      q++;
      if (q < end && *q >= 0x80)
        continue; /* one space between words of another script */
#ifdef __SSE2__
      unsigned ok = 0xFFFF;
      while (end - q >= 16 && (ok = plain16(q)) == 0xFFFF)
        q += 16;
      if (ok != 0xFFFF) {
        q += __builtin_ctz(~ok);
        continue;
      }
#endif
      while (end - q >= 8 && plain_word(q))
        q += 8;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF && end - q >= 2 && (q[1] & 0xC0) == 0x80) {
      q += 2;
      while (end - q >= 8 && two_byte_word(q))
        q += 8; /* Cyrillic, Greek, Arabic ... four letters at a time */
      continue;
    }
    if (c >= 0xE1 && c <= 0xEC && end - q >= 3 && (q[1] & 0xC0) == 0x80 &&
        (q[2] & 0xC0) == 0x80) {
      q += 3;
      continue;
    }
    int len = utf8_seq(q, (size_t)(end - q));
    if (len <= 0)
      break;
    q += len;
  }
  return (size_t)(q - p);
}

/* Handle the bytes at p that clean_run stopped at; returns bytes used or 0
 * when the rest (an incomplete sequence) must wait for more input. */
static size_t special(struct decode *d, const unsigned char *p, size_t avail,
                      bool final, enum kempt_status *s) {
  unsigned char c = p[0];
  if (d->esc && esc_byte(d, c))
    return 1;
  if (c < 0x80) {
    if (c == '\n' && d->after_cr) {
      d->after_cr = false;
      return 1; /* the LF of a CRLF */
    }
    *s = plain_byte(c) ? put(d, p, 1) : put_control(d, c);
    return 1;
  }
  int len = utf8_seq(p, avail);
  if (len == 0)
    return 0;
  if (len < 0 && c == 0xED) {
    int k = surrogate_seq(p, avail, final);
    if (k == 0)
      return 0;
    /* a lone half in a document already read partly as cp1252 is more
     * likely "í" and two symbols (say NBSP and a dash) */
    if (k == 6 || (k == 3 && !d->cp1252_seen)) {
      *s = put_surrogate(d, p, k);
      return (size_t)k;
    }
  }
  if (len < 0) {
    *s = put_cp1252(d, c);
    return 1;
  }
  if (!d->started && len == 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
    kempt__change(d->env, "bom-removed", d->pos, (const char *)p, 3, "", 0);
    return 3;
  }
  *s = put(d, p, (size_t)len);
  return (size_t)len;
}

/* Decode p[0..n); returns the number of bytes used (less than n only when
 * an incomplete sequence is left at the end and final is false). 'lasting':
 * p stays valid until the output is flushed (see put_run()). */
static size_t decode_bytes(struct decode *d, const unsigned char *p, size_t n,
                           bool final, bool lasting, enum kempt_status *s) {
  size_t i = 0;
  if (!d->started && n && p[0] != 0xEF)
    d->started = true; /* no BOM: the first byte is like any other */
  while (i < n && *s == KEMPT_OK) {
    bool fast = d->started && !d->after_cr && !d->esc;
    size_t run = fast ? clean_run(p + i, p + n) : 0;
    if (run) {
      *s = put_run(d, p + i, run, lasting);
      i += run;
      d->pos += run;
      continue;
    }
    size_t used = special(d, p + i, n - i, final, s);
    if (used == 0) {
      if (!final)
        break;
      *s = put_cp1252(d, p[i]); /* cut short by the end of the document */
      used = 1;
    }
    if (p[i] != '\r')
      d->after_cr = false;
    d->started = true;
    d->pos += used;
    i += used;
  }
  return i;
}

/* Finish the sequence split by the previous chunk, using up to 5 bytes of
 * the new one; returns how many bytes of p it took. */
static size_t stitch(struct decode *d, const unsigned char *p, size_t n,
                     enum kempt_status *s) {
  unsigned char tmp[16];
  size_t k = d->npend, take = n < 5 ? n : 5;
  memcpy(tmp, d->pend, k);
  memcpy(tmp + k, p, take);
  /* this may run on into the new bytes: they are counted as taken */
  size_t used = decode_bytes(d, tmp, k + take, false, false, s);
  if (used < k) { /* still incomplete: keep it all */
    memmove(d->pend, tmp + used, k + take - used);
    d->npend = k + take - used;
    return take;
  }
  d->npend = 0;
  return used - k;
}

static enum kempt_status decode_feed(void *st, const char *data, size_t n) {
  struct decode *d = st;
  const unsigned char *p = (const unsigned char *)data;
  enum kempt_status s = KEMPT_OK;
  if (d->npend && n) {
    size_t t = stitch(d, p, n, &s);
    p += t;
    n -= t;
  }
  if (s == KEMPT_OK && n) {
    size_t used = decode_bytes(d, p, n, false, true, &s);
    if (s == KEMPT_OK && used < n) {
      memcpy(d->pend, p + used, n - used);
      d->npend = n - used;
    }
  }
  if (s == KEMPT_OK)
    s = flush_out(d);
  return s;
}

static void decode_reset(void *st) {
  struct decode *d = st;
  const struct kempt_env *env = d->env;
  /* (not the pieces: none is held after npieces = 0) */
  memset(d, 0, offsetof(struct decode, pieces));
  d->nout = 0;
  d->env = env;
}

static enum kempt_status decode_finish(void *st) {
  struct decode *d = st;
  enum kempt_status s = KEMPT_OK;
  if (d->npend) {
    unsigned char tmp[8];
    size_t k = d->npend;
    memcpy(tmp, d->pend, k);
    d->npend = 0;
    decode_bytes(d, tmp, k, true, false, &s);
  }
  if (s == KEMPT_OK)
    s = flush_out(d);
  decode_reset(d);
  return s;
}

static enum kempt_status decode_init(void *st, const struct kempt_env *env) {
  struct decode *d = st;
  d->env = env;
  d->out = kempt__malloc(env->alloc, OUT_SIZE);
  return d->out ? KEMPT_OK : KEMPT_ERR_NOMEM;
}

static void decode_fini(void *st) {
  struct decode *d = st;
  kempt__free(d->env->alloc, d->out);
  d->out = NULL;
}

const struct kempt_stage_ops kempt__decode_ops = {
    {"decode",
     "any bytes to valid UTF-8: BOM, CRLF/CR to LF, controls removed, "
     "invalid bytes read as Windows-1252",
     0},
    false,
    false,
    sizeof(struct decode),
    NULL,
    decode_init,
    decode_feed,
    NULL,
    decode_finish,
    decode_reset,
    decode_fini};

kempt_stage *kempt_decode_new(const kempt_config *cfg,
                              const struct kempt_sink *sink,
                              enum kempt_status *err) {
  return kempt_stage_new("decode", cfg, sink, err);
}
