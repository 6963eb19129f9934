/* dedup.c - the dedup stage: drop the copies scrapers make, and join the
 * halves of a sentence that a removed block cut in two.
 *
 * Two steps, in this order, over the kept blocks (removed ones pass by):
 *
 * 1. Re-joining: a paragraph that ends without sentence punctuation,
 *    followed (past at least one removed block and nothing else) by a
 *    paragraph that starts in lower case, is one paragraph with it:
 *    "... spend the money on" / ADVERTISEMENT / "new bus lanes." The
 *    removed blocks come after the joined paragraph.
 * 2. Copies: each paragraph is reduced to a 64-bit hash of its text with
 *    white space collapsed and case folded. A paragraph equal to the kept
 *    paragraph just before it is removed ("dedup adjacent"). A run of two
 *    or more paragraphs equal to an earlier run is removed ("dedup run"):
 *    the mobile and desktop copies of a page; the run must hold
 *    RUN_MIN_CHARS characters and a paragraph of substance (prose or a
 *    list of LONG_PARA_CHARS at least): repeated runs of short lines or
 *    of data are recipe steps, meal plans - content, or the chrome
 *    stage's business. A lone paragraph that repeats an
 *    earlier one elsewhere stays: a refrain, an interview question.
 *
 * Removed blocks are flagged KEMPT_BLOCK_REMOVED and still passed on. The
 * stage holds only the blocks of a run it is not sure of yet (bounded by
 * QUEUE_BYTES); it remembers the hashes of up to HIST_MAX paragraphs of a
 * document, and starts a new window past that.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "internal.h"
#include "kempt_dedup.h"
#include "textchar.h"
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif
#if defined(__SSE2__) && defined(__GNUC__) &&                                  \
    (defined(__x86_64__) || defined(__i386__))
#include <immintrin.h>
#define DEDUP_AVX2 1 /* norm_hash() 32 bytes at a time where the CPU can */
#endif

#define HIST_MAX 32768u        /* paragraphs remembered per window */
#define HASH_SLOTS 65536u      /* index slots, a power of two > HIST_MAX */
#define FIRST_SLOTS 1024u      /* ... in use at first, doubled as needed */
#define MAX_CAND 64u           /* earlier runs followed at once */
#define QUEUE_BYTES (2u << 20) /* text held while a run is uncertain */
#define QUEUE_BLOCKS 1024u
#define RUN_MIN_CHARS 80u    /* a shorter repeated run is not a copy */
#define LONG_PARA_CHARS 100u /* ... nor one without a paragraph this long */
#define JOIN_MIN_WORDS 3u    /* a cut sentence's first half, at least */

#define ONES 0x0101010101010101ull /* one in each byte of a word */
#define HIGHS (0x80 * ONES)        /* the high bit of each byte */
#define HASH_SEED 0x243F6A8885A308D3ull
#define HASH_MUL 0x9E3779B97F4A7C15ull
#define HASH_MUL2 0xC2B2AE3D27D4EB4Full

static const char RULE_ADJACENT[] = "dedup adjacent";
static const char RULE_RUN[] = "dedup run";

/* ---- a queue of held blocks ---------------------------------------------- */

struct qent {
  size_t pos, len;
  uint32_t flags, nlines;
  uint64_t offset;
  const char *rule;
};

struct queue {
  struct kempt_buf text;
  struct qent *e;
  size_t n;
};

static bool q_init(struct queue *q, const struct kempt_allocator *a) {
  kempt__buf_init(&q->text, a, QUEUE_BYTES);
  q->e = kempt__malloc(a, QUEUE_BLOCKS * sizeof *q->e);
  q->n = 0;
  return q->e != NULL;
}

static void q_free(struct queue *q, const struct kempt_allocator *a) {
  kempt__buf_free(&q->text);
  kempt__free(a, q->e);
  q->e = NULL;
}

static void q_clear(struct queue *q) {
  kempt__buf_clear(&q->text);
  q->n = 0;
}

/* Whether b fits in the queue. */
static bool q_room(const struct queue *q, const struct kempt_block *b) {
  return q->n < QUEUE_BLOCKS && q->text.len + b->len <= q->text.cap;
}

static enum kempt_status q_push(struct queue *q, const struct kempt_block *b) {
  struct qent e = {q->text.len, b->len,    b->flags,
                   b->nlines,   b->offset, b->rule};
  enum kempt_status st = kempt__buf_add(&q->text, b->text, b->len);
  if (st == KEMPT_OK)
    q->e[q->n++] = e;
  return st;
}

static struct kempt_block q_get(const struct queue *q, size_t i) {
  const struct qent *e = &q->e[i];
  const char *text = q->text.data ? q->text.data + e->pos : "";
  struct kempt_block b = {text,      e->len, e->flags, e->nlines,
                          e->offset, 0,      e->rule};
  return b;
}

/* ---- state --------------------------------------------------------------- */

struct slot {
  uint64_t hash;
  uint32_t last; /* position + 1 of its latest occurrence */
  uint32_t gen;  /* in use when it is the table's generation */
};

struct dedup {
  const struct kempt_env *env;
  uint64_t index; /* blocks emitted in this document */
  /* step 1: a paragraph that may continue past removed blocks */
  struct kempt_buf head; /* its text */
  struct kempt_block head_meta;
  bool has_head;
  struct queue cut; /* the removed blocks after it */
  /* step 2: the paragraphs kept so far, and a run being matched */
  uint64_t *hist; /* hashes in document order */
  uint32_t *prev; /* position + 1 of the previous equal hash, or 0 */
  uint32_t nhist;
  struct slot *slots; /* the first nslots in use */
  uint32_t nslots;
  uint32_t gen; /* the slots' generation: the others are empty */
  uint32_t cand[MAX_CAND]; /* start positions of the earlier runs */
  uint32_t ncand;
  uint32_t run;       /* paragraphs matched so far (0: no run) */
  uint32_t run_chars; /* their characters */
  bool run_long;      /* one of them is substantial() */
  bool confirmed;     /* the run is a copy: remove as it goes */
  struct queue held;  /* the run's paragraphs and removed blocks between */
  uint64_t held_hash[QUEUE_BLOCKS]; /* hashes of the held blocks */
  bool avx2;                        /* norm_hash_avx2() may run */
};

/* ---- output -------------------------------------------------------------- */

static enum kempt_status out(struct dedup *d, const struct kempt_block *b) {
  struct kempt_block c = *b;
  c.index = d->index++;
  return kempt__emit_block(d->env, &c);
}

static enum kempt_status
out_removed(struct dedup *d, const struct kempt_block *b, const char *rule) {
  struct kempt_block c = *b;
  c.flags |= KEMPT_BLOCK_REMOVED;
  c.rule = rule;
  kempt__change(d->env, rule, b->offset, b->text, b->len, "", 0);
  return out(d, &c);
}

/* ---- hashing ------------------------------------------------------------- */

/* A hash of a byte stream, sixteen bytes at a time: the bytes are staged
 * in buf and hashed HBUF at a time. */
#define HBUF 1024u
struct hasher {
  uint64_t h, total; /* the hash of the bytes before buf; their number */
  size_t k;          /* bytes in buf, below HBUF between calls */
  unsigned char buf[HBUF + 32]; /* room for sixteen bytes written past k */
};

/* One multiply per sixteen bytes; hash_end mixes the last ones well. */
static inline uint64_t mix16(uint64_t h, uint64_t lo, uint64_t hi) {
  h = (h ^ lo) * HASH_MUL;
  return (h << 29 | h >> 35) ^ hi;
}

static inline void store_le64(unsigned char *d, uint64_t w) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  w = __builtin_bswap64(w);
#endif
  memcpy(d, &w, 8);
}

/* Hash the whole sixteens of buf; move the rest to its start. */
static void hash_drain(struct hasher *s) {
  size_t u = s->k & ~(size_t)15;
  uint64_t h = s->h;
  const char *b = (const char *)s->buf;
  size_t i = 0;
  for (; u - i >= 64; i += 64) { /* (one loop test for four) */
    h = mix16(h, kempt__load_le64(b + i), kempt__load_le64(b + i + 8));
    h = mix16(h, kempt__load_le64(b + i + 16), kempt__load_le64(b + i + 24));
    h = mix16(h, kempt__load_le64(b + i + 32), kempt__load_le64(b + i + 40));
    h = mix16(h, kempt__load_le64(b + i + 48), kempt__load_le64(b + i + 56));
  }
  for (; i < u; i += 16)
    h = mix16(h, kempt__load_le64(b + i), kempt__load_le64(b + i + 8));
  s->h = h;
  s->total += u;
  if (u) /* the rest, below sixteen bytes, to the start (buf + u + 16 is
          * within buf: u <= k <= HBUF + 8) */
    memcpy(s->buf, s->buf + u, 16);
  s->k -= u;
}

/* Add the nb bytes of v (1 to 8, the first in the low byte). */
static inline void hash_put(struct hasher *s, uint64_t v, unsigned nb) {
  store_le64(s->buf + s->k, v);
  s->k += nb;
  if (s->k >= HBUF)
    hash_drain(s);
}

static inline __attribute__((always_inline)) uint64_t
hash_end(struct hasher *s) {
  hash_drain(s);
  memset(s->buf + s->k, 0, 16);
  const char *b = (const char *)s->buf;
  uint64_t h = mix16(s->h, kempt__load_le64(b), kempt__load_le64(b + 8));
  h = mix16(h, s->total + s->k, 0);
  h = (h ^ h >> 32) * HASH_MUL2;
  h ^= h >> 29;
  return h ? h : 1;
}

static inline bool ascii_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Word w with its ASCII capitals in lower case (other bytes as they
 * are). */
static inline uint64_t fold_word(uint64_t w) {
  uint64_t t = w | HIGHS;
  uint64_t upper = (t - 'A' * ONES) & ~(t - ('Z' + 1) * ONES) & ~w & HIGHS;
  return w | upper >> 2;
}

/* Copy p[0..m) to d with ASCII capitals in lower case; d has room for
 * eight bytes past m. */
static inline void copy_fold(unsigned char *d, const char *p, size_t m) {
  size_t i = 0;
#if defined(__SSE2__) && defined(__GNUC__)
  const __m128i bias = _mm_set1_epi8(0x80 - 'A'), lim = _mm_set1_epi8(-128 + 26),
                bit = _mm_set1_epi8(0x20);
  /* 'A'..'Z' + bias, and they alone, are below lim */
#define FOLD16(v) _mm_or_si128(v, _mm_and_si128(bit, \
    _mm_cmplt_epi8(_mm_add_epi8(v, bias), lim)))
  for (; m - i >= 16; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
    _mm_storeu_si128((__m128i *)(void *)(d + i), FOLD16(v));
  }
  if (i && i < m) { /* the last sixteen again */
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + m - 16));
    _mm_storeu_si128((__m128i *)(void *)(d + m - 16), FOLD16(v));
    return;
  }
#undef FOLD16
#endif
  for (; m - i >= 8; i += 8)
    store_le64(d + i, fold_word(kempt__load_le64(p + i)));
  if (i && i < m) {
    store_le64(d + m - 8, fold_word(kempt__load_le64(p + m - 8)));
    return;
  }
  for (; i < m; i++) {
    unsigned char c = (unsigned char)p[i];
    d[i] = (unsigned char)((unsigned)(c - 'A') < 26u ? c | 0x20 : c);
  }
}

/* The bytes of a paragraph as they are hashed: the text with each run of
 * white space (ASCII's, and Unicode's separators) after a character that
 * is not white space as one space (so also one at the end), the others
 * dropped; each other character case folded, as the UTF-8 of its folded
 * form, a bad byte as 0xFF. Most of the text stands for itself but for
 * the case of ASCII letters: such spans are copied in bulk. */
struct norm {
  struct hasher s;
  bool space_ok; /* a space may follow: after a character, not a space */
  bool any;      /* some character that is not white space */
};

/* The bytes norm_hash's vector code compares with, 32 of each: 0x21 (an
 * event is below), ' ' (also the bit of lower case), and the bias and
 * limit of the ASCII capitals (see copy_fold). norm_hash_avx2() reads
 * them from here through a pointer the compiler cannot see through, as
 * operands of the instructions that use them, rather than building each
 * in a register every time (as GCC does for constants in AVX code). */
enum { K_LIM, K_BLANK, K_BIAS, K_FLIM, K_E2, K_80, K_8A, K_A8, K_AF, K_C0, K_93,
       K_9C, K_C3, K_9E };
#define ROW(x)                                                                 \
  {                                                                            \
    x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, \
        x, x, x, x, x, x, x                                                    \
  }
static const unsigned char bytes32[14][32] __attribute__((aligned(32))) = {
    ROW(0x21), ROW(' '),  ROW(0x80 - 'A'), ROW(0x80 + 26),
    ROW(0xE2), ROW(0x80), ROW(0x8A),       ROW(0xA8),
    ROW(0xAF), ROW(0xC0), ROW(0x93),       ROW(0x9C),
    ROW(0xC3), ROW(0x9E)};
#undef ROW
typedef const unsigned char (*kbytes)[32];
#define K16(k, r) _mm_load_si128((const __m128i *)(const void *)(k)[r])
#define K32(k, r) _mm256_load_si256((const __m256i *)(const void *)(k)[r])

#ifdef DEDUP_AVX2
/* The whole thirty-twos of p[0..m) to d with ASCII capitals in lower
 * case; the bytes copied (a multiple of 32). */
__attribute__((target("avx2"))) static inline size_t
fold32(unsigned char *d, const char *p, size_t m, kbytes k) {
  const __m256i bias = K32(k, K_BIAS), lim = K32(k, K_FLIM),
                bit = K32(k, K_BLANK);
  size_t j = 0;
  for (; m - j >= 32; j += 32) {
    __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(p + j));
    v = _mm256_or_si256(
        v, _mm256_and_si256(
               bit, _mm256_cmpgt_epi8(lim, _mm256_add_epi8(v, bias))));
    _mm256_storeu_si256((__m256i *)(void *)(d + j), v);
  }
  return j;
}

/* The characters among the 32 bytes v that stand for themselves as
 * symbols3() and letters2() find them, a bit at each lead, q pointing at
 * the byte after v's first (34 bytes of v and q readable): those of
 * symbols3(), and the small letters of Latin-1 (C3 9F-BF, which
 * letters2() takes whatever the script of its first). */
__attribute__((target("avx2"))) static inline void
self32(__m256i v, const char *q, kbytes k, uint32_t *three, uint32_t *two) {
  __m256i w1 = _mm256_loadu_si256((const __m256i *)(const void *)q),
          w2 = _mm256_loadu_si256((const __m256i *)(const void *)(q + 1));
  /* continuations, 80-BF, are the bytes below C0 as signed; among them
   * the signed order is the unsigned one */
#define IN(w, lo, hi)                                                          \
  _mm256_and_si256(_mm256_cmpgt_epi8(w, K32(k, lo)), _mm256_cmpgt_epi8(K32(k, hi), w))
  __m256i punct =
      _mm256_and_si256(_mm256_cmpeq_epi8(w1, K32(k, K_80)),
                       _mm256_or_si256(IN(w2, K_8A, K_A8), IN(w2, K_AF, K_C0)));
  __m256i shapes = _mm256_and_si256(IN(w1, K_93, K_9C),
                                    _mm256_cmpgt_epi8(K32(k, K_C0), w2));
  __m256i latin = _mm256_and_si256(_mm256_cmpeq_epi8(v, K32(k, K_C3)),
                                   IN(w1, K_9E, K_C0));
#undef IN
  *three = (uint32_t)_mm256_movemask_epi8(
      _mm256_and_si256(_mm256_cmpeq_epi8(v, K32(k, K_E2)),
                       _mm256_or_si256(punct, shapes)));
  *two = (uint32_t)_mm256_movemask_epi8(latin);
}

/* Past the whole thirty-twos of p[i..n) that hold no event of
 * next_event(): printable ASCII, spaces each after a byte that is not
 * one, and the characters of self32() (quotes, dashes, the small letters
 * of Latin-1: English text is full of them) - such a character at the end
 * takes the bytes it has in the next thirty-two with it (*prev: the byte before i is a space; set
 * for the result). */
__attribute__((target("avx2"))) static inline size_t
plain32(const char *p, size_t i, size_t n, unsigned *prev, kbytes k) {
  const __m256i lim = K32(k, K_LIM), blank = K32(k, K_BLANK);
  unsigned pv = *prev;
  while (n - i >= 32) {
    __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(p + i));
    uint32_t low = (uint32_t)_mm256_movemask_epi8(_mm256_cmpgt_epi8(lim, v));
    uint32_t sp = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, blank));
    uint32_t ev = (low & ~sp) | (sp & (sp << 1 | pv));
    unsigned spill = 0; /* bytes of a character that goes on past them */
    if (ev) {
      unsigned char c0 = (unsigned char)p[i + (unsigned)__builtin_ctz(ev)];
      if (n - i < 34 || (c0 != 0xE2 && c0 != 0xC3))
        break; /* (other scripts: at once) */
      uint32_t t3, t2;
      self32(v, p + i + 1, k, &t3, &t2);
      uint64_t three = t3, two = t2;
      uint64_t all = three | three << 1 | three << 2 | two | two << 1;
      if (ev & ~(uint32_t)all)
        break;
      spill = (unsigned)(all >> 32 & 1) + (unsigned)(all >> 33 & 1);
    }
    pv = spill ? 0 : sp >> 31;
    i += 32 + spill;
  }
  *prev = pv;
  return i;
}
#else
static inline size_t fold32(unsigned char *d, const char *p, size_t m,
                            kbytes k) {
  (void)d, (void)p, (void)m, (void)k;
  return 0;
}
static inline size_t plain32(const char *p, size_t i, size_t n,
                             unsigned *prev, kbytes k) {
  (void)p, (void)n, (void)prev, (void)k;
  return i;
}
#endif

#if defined(__SSE2__) && defined(__GNUC__)
/* put_span's span p[a..b) near the end of p (not sixteen bytes readable
 * from a for each sixteen of the span), b - a bytes of room in buf past
 * k, sixteen readable before b or from p: the last sixteens end at b, or
 * the sixteen that end at b or start at p hold the span. Out of line (in
 * put_tail() and put_tail_avx2(), wide: thirty-two bytes at a time first):
 * the constants of put_span's loop stay where they are. */
static inline __attribute__((always_inline)) void
put_tail_any(struct hasher *s, const char *p, size_t a, size_t b, bool wide,
             kbytes k) {
  size_t m = b - a;
  /* near the end of p: the last sixteens end at b, or the sixteen that
   * end at b or start at 0 hold the span */
  const __m128i bias = K16(k, K_BIAS), lim = K16(k, K_FLIM),
                bit = K16(k, K_BLANK);
#define FOLD16(v) _mm_or_si128(v, _mm_and_si128(bit, \
  _mm_cmplt_epi8(_mm_add_epi8(v, bias), lim)))
  unsigned char *d = s->buf + s->k;
  if (m >= 16) {
    size_t j = wide ? fold32(d, p + a, m, k) : 0;
    for (; m - j >= 16; j += 16) {
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + a + j));
      _mm_storeu_si128((__m128i *)(void *)(d + j), FOLD16(v));
    }
    if (j < m) { /* the last sixteen again */
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + b - 16));
      _mm_storeu_si128((__m128i *)(void *)(d + m - 16), FOLD16(v));
    }
  } else {
    size_t base = b >= 16 ? b - 16 : 0;
    unsigned char t[32];
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + base));
    _mm_storeu_si128((__m128i *)(void *)t, FOLD16(v));
    _mm_storeu_si128((__m128i *)(void *)(t + 16), _mm_setzero_si128());
    memcpy(d, t + (a - base), 16);
  }
#undef FOLD16
  s->k += m;
  if (s->k >= HBUF)
    hash_drain(s);
}

__attribute__((noinline)) static void put_tail(struct hasher *s,
                                               const char *p, size_t a,
                                               size_t b) {
  put_tail_any(s, p, a, b, false, bytes32);
}

#ifdef DEDUP_AVX2
__attribute__((noinline, target("avx2"))) static void
put_tail_avx2(struct hasher *s, const char *p, size_t a, size_t b) {
  kbytes k = bytes32;
  __asm__("" : "+r"(k)); /* not folded back into constants */
  put_tail_any(s, p, a, b, true, k);
}
#else
static void put_tail_avx2(struct hasher *s, const char *p, size_t a,
                          size_t b) {
  put_tail(s, p, a, b);
}
#endif
#endif

/* Add p[a..b), a < b <= n, with ASCII capitals folded (wide: thirty-two
 * bytes at a time first, in norm_hash_avx2()). */
static inline __attribute__((always_inline)) void
put_span(struct norm *z, const char *p, size_t a, size_t b, size_t n,
         bool wide, kbytes k) {
  struct hasher *s = &z->s;
  z->space_ok = p[b - 1] != ' ';
  z->any = true;
#if defined(__SSE2__) && defined(__GNUC__)
  size_t m = b - a;
  if (m <= HBUF - s->k && n - a >= ((m + 15) & ~(size_t)15)) {
    /* whole sixteens of p from a, of buf from k: both have room */
    const __m128i bias = K16(k, K_BIAS), lim = K16(k, K_FLIM),
                  bit = K16(k, K_BLANK);
    size_t j = wide ? fold32(s->buf + s->k, p + a, m, k) : 0;
    for (; j < m; j += 16) {
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + a + j));
      v = _mm_or_si128(
          v, _mm_and_si128(bit, _mm_cmplt_epi8(_mm_add_epi8(v, bias), lim)));
      _mm_storeu_si128((__m128i *)(void *)(s->buf + s->k + j), v);
    }
    s->k += m;
    if (s->k >= HBUF)
      hash_drain(s);
    return;
  }
  if (m <= HBUF - s->k && n >= 16) {
    if (wide)
      put_tail_avx2(s, p, a, b);
    else
      put_tail(s, p, a, b);
    return;
  }
#else
  (void)n, (void)wide, (void)k;
#endif
  while (a < b) {
    size_t c = b - a < HBUF - s->k ? b - a : HBUF - s->k;
    copy_fold(s->buf + s->k, p + a, c);
    s->k += c;
    a += c;
    if (s->k >= HBUF)
      hash_drain(s);
  }
}

/* White space: ASCII's, and Unicode's separators (Zs, Zl, Zp; the test
 * checks the list against utf8proc). */
static inline bool is_space_cp(int32_t cp) {
  if (cp < 0x80)
    return cp == ' ' || (cp >= '\t' && cp <= '\r');
  if (cp < 0x1680)
    return cp == 0xA0;
  return cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* The UTF-8 of code point cp >= 0x80 in the low bytes; *nb its length. */
static inline uint64_t utf8_code(uint32_t cp, unsigned *nb) {
  if (cp < 0x800) {
    *nb = 2;
    return (0xC0u | cp >> 6) | (uint64_t)(0x80u | (cp & 0x3F)) << 8;
  }
  if (cp < 0x10000) {
    *nb = 3;
    return (0xE0u | cp >> 12) | (uint64_t)(0x80u | (cp >> 6 & 0x3F)) << 8 |
           (uint64_t)(0x80u | (cp & 0x3F)) << 16;
  }
  *nb = 4;
  return (0xF0u | cp >> 18) | (uint64_t)(0x80u | (cp >> 12 & 0x3F)) << 8 |
         (uint64_t)(0x80u | (cp >> 6 & 0x3F)) << 16 |
         (uint64_t)(0x80u | (cp & 0x3F)) << 24;
}

/* How many times the k bytes before p[0..n) come again at p. */
static size_t repeats(const char *p, size_t n, size_t k) {
  size_t m = 0; /* p[m] == p[m - k] below m */
  while (n - m >= 8 && memcmp(p + m, p + m - k, 8) == 0)
    m += 8;
  while (m < n && p[m] == *(p + m - k))
    m++;
  return m / k;
}

#if defined(__SSE2__) && defined(__GNUC__)
/* The ASCII white space among the sixteen bytes at p, a bit each. */
static inline unsigned space16(const char *p) {
  const __m128i bias = _mm_set1_epi8(0x80 - '\t'),
                lim = _mm_set1_epi8(-128 + 5), blank = _mm_set1_epi8(' ');
  /* '\t'..'\r' + bias, and they alone, are below lim */
  __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
  return (unsigned)_mm_movemask_epi8(_mm_or_si128(
      _mm_cmpeq_epi8(v, blank), _mm_cmplt_epi8(_mm_add_epi8(v, bias), lim)));
}
#endif

/* Past the ASCII white space at p[i..n). */
static inline size_t skip_space(const char *p, size_t i, size_t n) {
#if defined(__SSE2__) && defined(__GNUC__)
  for (; n - i >= 16; i += 16) {
    unsigned other = space16(p + i) ^ 0xFFFFu;
    if (other)
      return i + (unsigned)__builtin_ctz(other);
  }
#endif
  while (i < n && ascii_space(p[i]))
    i++;
  return i;
}

/* The first ASCII white space of p[i..n), or n. */
static inline size_t find_space(const char *p, size_t i, size_t n) {
#if defined(__SSE2__) && defined(__GNUC__)
  for (; n - i >= 16; i += 16) {
    unsigned sp = space16(p + i);
    if (sp)
      return i + (unsigned)__builtin_ctz(sp);
  }
#endif
  while (i < n && !ascii_space(p[i]))
    i++;
  return i;
}

#if defined(__SSE2__) && defined(__GNUC__)
/* The two-byte letters that stand for themselves (a subset of
 * kempt__cp2_self, the ranges of norm_hash's run of them) among the
 * sixteen bytes v, a bit at each lead; q points at the byte after v's
 * first (seventeen bytes of v and q readable). Those of the script of
 * first (v's first byte beyond ASCII) only, when it is Cyrillic, Greek,
 * or one without case: a text's sixteen bytes are mostly of one. */
__attribute__((noinline)) /* its constants not loaded at each call of
                             * next_event: most need none of them */
static unsigned letters2(__m128i v, const char *q, unsigned first) {
  __m128i w = _mm_loadu_si128((const __m128i *)(const void *)q);
#define EQ(x) _mm_cmpeq_epi8(v, _mm_set1_epi8((char)(x)))
#define BELOW(x) _mm_cmplt_epi8(w, _mm_set1_epi8((char)(x)))
#define ABOVE(x) _mm_cmpgt_epi8(w, _mm_set1_epi8((char)(x)))
  /* continuations, 80-BF, are the bytes below C0 as signed; among them
   * the signed order is the unsigned one: the parts of their ranges */
  if (first - 0xD0u < 2u) /* а-п, р-џ */
    return (unsigned)_mm_movemask_epi8(_mm_and_si128(
        BELOW(0xC0), _mm_or_si128(_mm_andnot_si128(BELOW(0xB0), EQ(0xD0)),
                                  _mm_andnot_si128(ABOVE(0x9F), EQ(0xD1)))));
  if (first - 0xCEu < 2u) /* ά-ο, π-ώ */
    return (unsigned)_mm_movemask_epi8(_mm_and_si128(
        BELOW(0xC0), _mm_or_si128(_mm_andnot_si128(BELOW(0xAC), EQ(0xCE)),
                                  _mm_andnot_si128(ABOVE(0x8E), EQ(0xCF)))));
  if (first >= 0xD6) /* D6-DF: Hebrew, Arabic ... */
    return (unsigned)_mm_movemask_epi8(_mm_and_si128(
        BELOW(0xC0),
        _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - 0xD6))),
                       _mm_set1_epi8((char)(-128 + 10)))));
  __m128i c3 = EQ(0xC3), ce = EQ(0xCE), cf = EQ(0xCF), d0 = EQ(0xD0),
          d1 = EQ(0xD1);
  __m128i dx = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - 0xD6))),
                              _mm_set1_epi8((char)(-128 + 10))); /* D6-DF */
  __m128i lead = _mm_or_si128(_mm_or_si128(_mm_or_si128(c3, ce), cf),
                              _mm_or_si128(_mm_or_si128(d0, d1), dx));
  /* continuations, 80-BF, are the bytes below C0 as signed; among them
   * the signed order is the unsigned one: the parts of their ranges */
  __m128i bad = _mm_or_si128(
      _mm_or_si128(_mm_and_si128(c3, BELOW(0x9F)), _mm_and_si128(ce, BELOW(0xAC))),
      _mm_or_si128(_mm_or_si128(_mm_and_si128(d0, BELOW(0xB0)),
                                _mm_and_si128(cf, ABOVE(0x8E))),
                   _mm_and_si128(d1, ABOVE(0x9F))));
  __m128i ok = _mm_andnot_si128(bad, _mm_and_si128(lead, BELOW(0xC0)));
#undef EQ
#undef BELOW
#undef ABOVE
  return (unsigned)_mm_movemask_epi8(ok);
}
#endif

#if defined(__SSE2__) && defined(__GNUC__)
/* The three-byte characters of lead E2 that stand for themselves (a
 * subset of those norm_hash's run of three-byte characters passes:
 * U+200B-2027 and U+2030-203F, quotes, dashes and bullets; U+2500-26FF,
 * box drawing, shapes and symbols) among the sixteen bytes v, a bit at
 * each lead; q points at the byte after v's first (eighteen bytes of v
 * and q readable). */
__attribute__((noinline)) static unsigned symbols3(__m128i v, const char *q) {
  __m128i w1 = _mm_loadu_si128((const __m128i *)(const void *)q),
          w2 = _mm_loadu_si128((const __m128i *)(const void *)(q + 1));
#define SET(x) _mm_set1_epi8((char)(x))
  /* continuations, 80-BF, are the bytes below C0 as signed; among them
   * the signed order is the unsigned one */
#define IN(w, lo, hi) _mm_and_si128(_mm_cmpgt_epi8(w, SET((lo) - 1)), \
                                    _mm_cmplt_epi8(w, SET((hi) + 1)))
  __m128i punct = _mm_and_si128(
      _mm_cmpeq_epi8(w1, SET(0x80)),
      _mm_or_si128(IN(w2, 0x8B, 0xA7), IN(w2, 0xB0, 0xBF)));
  __m128i shapes = _mm_and_si128(IN(w1, 0x94, 0x9B),
                                 _mm_cmplt_epi8(w2, SET(0xC0)));
  __m128i ok = _mm_and_si128(_mm_cmpeq_epi8(v, SET(0xE2)),
                             _mm_or_si128(punct, shapes));
#undef IN
#undef SET
  return (unsigned)_mm_movemask_epi8(ok);
}
#endif

/* The first byte of p[i..n) that may not stand for itself (but for its
 * case): one below ' ', beyond ASCII, or a space at i when !space_ok, or
 * after another; n if none. Two-byte letters that stand for themselves
 * may be passed over too. */
static inline __attribute__((always_inline)) size_t
next_event(const char *p, size_t i, size_t n, bool space_ok, bool wide,
           kbytes k) {
  unsigned prev = !space_ok; /* the byte before i is a space */
#if defined(__SSE2__) && defined(__GNUC__)
  const __m128i lim = K16(k, K_LIM), blank = K16(k, K_BLANK);
wide_again: /* wide: thirty-two at a time at first and after plain sixteens */
  if (wide && n - i >= 32)
    i = plain32(p, i, n, &prev, k);
  while (n - i >= 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
    unsigned low = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, lim));
    unsigned sp = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, blank));
    unsigned ev = (low & ~sp) | (sp & (sp << 1 | prev));
    if (wide && !ev) {
      prev = sp >> 15;
      i += 16;
      goto wide_again;
    }
    if (ev) {
      size_t e = i + (unsigned)__builtin_ctz(ev);
      unsigned char c = (unsigned char)p[e];
      if (c == 0xE2 && n - i >= 18) {
        if (n - e >= 6 && p[e + 3] == p[e] && p[e + 4] == p[e + 1] &&
            p[e + 5] == p[e + 2])
          return e; /* a run of one character, a rule: wide() skips it */
        unsigned three = symbols3(v, p + i + 1); /* a bit at each lead */
        ev &= ~(three | three << 1 | three << 2);
        if (ev)
          return i + (unsigned)__builtin_ctz(ev);
        if (three >> 14) { /* continuations in the next block */
          prev = 0;
          i += 16 + (three >> 14 & 1) + 2 * (three >> 15);
          continue;
        }
      } else {
        if (c - 0xC3u >= 0x1Du || n - i < 17)
          return e; /* not a two-byte letter's lead */
        unsigned two = letters2(v, p + i + 1, c); /* a bit at each lead */
        ev &= ~(two | two << 1);
        if (ev)
          return i + (unsigned)__builtin_ctz(ev);
        if (two >> 15) { /* its continuation is the next block's first */
          prev = 0;
          i += 17;
          continue;
        }
      }
    }
    prev = sp >> 15;
    i += 16;
  }
  if (i < n && n >= 16) { /* the last sixteen bytes, from s before i */
    unsigned s = 16 - (unsigned)(n - i);
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + n - 16));
    unsigned low = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, lim));
    unsigned sp = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, blank));
    unsigned after = (sp << 1 & ~(1u << s)) | prev << s;
    unsigned ev = ((low & ~sp) | (sp & after)) >> s;
    return ev ? i + (unsigned)__builtin_ctz(ev) : n;
  }
#else
  (void)wide, (void)k;
  while (n - i >= 8) {
    uint64_t w = kempt__load_le64(p + i), t = w | HIGHS;
    uint64_t below = ~(t - 0x20 * ONES) & HIGHS;
    uint64_t sp = ~(t - 0x21 * ONES) & HIGHS & ~below;
    uint64_t ev = (w & HIGHS) | below | (sp & (sp << 8 | prev << 7));
    if (ev) {
#if defined(__GNUC__)
      return i + (unsigned)__builtin_ctzll(ev) / 8;
#else
      break;
#endif
    }
    prev = (unsigned)(sp >> 63);
    i += 8;
  }
#endif
  for (; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c < ' ' || c >= 0x80 || (c == ' ' && prev))
      return i;
    prev = c == ' ';
  }
  return n;
}

/* Whether the three bytes at q (lead E0-EF) are a character that stands
 * for itself: no case, no white space (the tests check), well formed:
 * U+0800-0FFF (Indic scripts, Thai, Lao, Tibetan ...), U+2500-26FF (box
 * drawing, shapes, symbols), U+200B-2027 and U+2030-203F (dashes,
 * quotes, bullets), U+3001-9FFF (CJK punctuation, kana, CJK: not U+3000,
 * a space), U+AC00-D7A3 (Hangul); not overlong (the lead E0 is below
 * U+0800) and no surrogate. */
static inline bool self3(const unsigned char *q) {
  unsigned c1 = q[1], c2 = q[2];
  if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80)
    return false;
  uint32_t u = (q[0] & 0x0Fu) << 12 | (c1 & 0x3Fu) << 6 | (c2 & 0x3Fu);
  return u - 0x0800u < 0x800u || u - 0x2500u < 0x200u ||
         u - 0x200Bu < 0x1Du || u - 0x2030u < 0x10u || u - 0x3001u < 0x6FFFu ||
         u - 0xAC00u < 0x2BA4u;
}

#if defined(__SSE2__) && defined(__GNUC__)
/* Which of the five three-byte characters at p (fifteen bytes, seventeen
 * readable) are among the most common of self3's, a bit at each lead
 * (0, 3, 6, 9, 12): well formed, of lead E0 (from A0 on: U+0800-0FFF),
 * E3 (not 80: U+3040-3FFF), E4-E9 (U+4000-9FFF), EA (from B0 on:
 * U+AC00-AFFF), EB, EC or ED (to 9D: U+D000-D77F). */
static inline unsigned self3_16(const unsigned char *p) {
#define SET(x) _mm_set1_epi8((char)(x))
#define EQ(x, y) _mm_cmpeq_epi8(x, SET(y))
#define GE(x, y) _mm_cmpeq_epi8(_mm_max_epu8(x, SET(y)), x)
#define LE(x, y) _mm_cmpeq_epi8(_mm_min_epu8(x, SET(y)), x)
  const __m128i zero = _mm_setzero_si128();
  __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
  __m128i w = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
  __m128i mid = _mm_or_si128( /* E4-E9, EB-EC */
      _mm_cmpeq_epi8(_mm_subs_epu8(_mm_sub_epi8(v, SET(0xE4)), SET(5)), zero),
      _mm_cmpeq_epi8(_mm_subs_epu8(_mm_sub_epi8(v, SET(0xEB)), SET(1)), zero));
  __m128i edge = _mm_or_si128(
      _mm_or_si128(_mm_and_si128(EQ(v, 0xE0), GE(w, 0xA0)),
                   _mm_andnot_si128(EQ(w, 0x80), EQ(v, 0xE3))),
      _mm_or_si128(_mm_and_si128(EQ(v, 0xEA), GE(w, 0xB0)),
                   _mm_and_si128(EQ(v, 0xED), LE(w, 0x9D))));
  unsigned lead = (unsigned)_mm_movemask_epi8(_mm_or_si128(mid, edge));
  unsigned cont = (unsigned)_mm_movemask_epi8(EQ(_mm_and_si128(v, SET(0xC0)), 0x80));
#undef SET
#undef EQ
#undef GE
#undef LE
  return lead & cont >> 1 & cont >> 2 & 0x1249u;
}
#endif

#if defined(__SSE2__) && defined(__GNUC__)
/* Length of the run of characters of self3_16 at p[0..n), five at a time
 * (a multiple of three; the rest to look at one by one). Out of line: its
 * constants are loaded only for the scripts that need them. */
__attribute__((noinline)) static size_t self3_fast(const unsigned char *p,
                                                   size_t n) {
  size_t m = 0;
  for (; n - m >= 17; m += 15) {
    unsigned ok = self3_16(p + m);
    if (ok != 0x1249u) /* past the characters before the first not */
      return m + (unsigned)__builtin_ctz(~ok & 0x1249u);
  }
  return m;
}
#endif

/* kempt__cp_fold(cp), Greek capitals without asking utf8proc (the tests
 * check). */
static inline int32_t fold_cp(int32_t cp) {
  if ((uint32_t)cp - 0x391u < 0x19u && cp != 0x3A2)
    return cp + 32; /* Α-Ω */
  return kempt__cp_fold(cp);
}

#if defined(__SSE2__) && defined(__GNUC__)
/* The constants of norm_hash's look at eight two-byte letters, 16-bit
 * lanes: for each range lo-hi its lo, and hi - lo + 1 - 0x8000; then
 * 0x8000, 0xC0, 0x80. norm_hash_avx2() reads them from here, as operands
 * of the instructions that use them, rather than building each in a
 * register every time (as GCC does for constants in AVX code). */
#define ROW(x) {x, x, x, x, x, x, x, x}
#define RANGE(lo, hi) ROW(lo), ROW((uint16_t)((hi) - (lo) + 1 - 0x8000))
static const uint16_t letters16[15][8] __attribute__((aligned(16))) = {
    RANGE(0xD0B0, 0xD0BF), RANGE(0xD180, 0xD19F), RANGE(0xCEAC, 0xCEBF),
    RANGE(0xCF80, 0xCF8E), RANGE(0xC39F, 0xC3BF), RANGE(0xD680, 0xDFBF),
    ROW(0x8000),           ROW(0xC0),             ROW(0x80)};
#undef RANGE
#undef ROW
#endif

/* Hash of the text as struct norm says; *any whether it holds a
 * character that is not white space. wide: in norm_hash_avx2(). */
static inline __attribute__((always_inline)) uint64_t
norm_hash_any(const char *p, size_t n, bool *any, bool wide) {
#if defined(__SSE2__) && defined(__GNUC__)
  const uint16_t(*k16)[8] = letters16;
  if (wide)
    __asm__("" : "+r"(k16)); /* not folded back into constants */
#endif
  kbytes kb = bytes32; /* (k is a length below) */
#if defined(__GNUC__)
  if (wide)
    __asm__("" : "+r"(kb));
#endif
  struct norm z;
  z.s.h = HASH_SEED;
  z.s.total = 0;
  z.s.k = 0;
  z.space_ok = z.any = false;
  size_t i = 0, a = 0; /* p[a..i): a span that stands for itself */
  while ((i = next_event(p, i, n, a < i ? p[i - 1] != ' ' : z.space_ok,
                         wide, kb)) < n) {
    unsigned char c = (unsigned char)p[i];
    if (c < 0x80) {
      if (a < i)
        put_span(&z, p, a, i, n, wide, kb);
      if (ascii_space((char)c)) {
        i = skip_space(p, i, n);
        if (z.space_ok)
          hash_put(&z.s, ' ', 1);
        z.space_ok = false;
      } else { /* another control character: itself */
        hash_put(&z.s, c, 1);
        z.space_ok = true;
        z.any = true;
        i++;
      }
      a = i;
      continue;
    }
    do { /* this character, and those after it beyond ASCII */
#if defined(__SSE2__) && defined(__GNUC__)
      if (c >= 0xC3 && c < 0xE0 && n - i >= 16) {
        /* two-byte letters that stand for themselves, eight at a time:
         * as 16-bit lanes (lead, continuation) in ranges of small Latin-1,
         * Greek and Cyrillic letters, and U+0580-07FF (Hebrew, Arabic and
         * other scripts without case); all within kempt__cp2_self */
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
        __m128i x = _mm_or_si128(_mm_slli_epi16(v, 8), _mm_srli_epi16(v, 8));
#define L16(r) _mm_load_si128((const __m128i *)(const void *)k16[r])
#define IN16(r)                                                                \
  _mm_cmplt_epi16(_mm_xor_si128(_mm_sub_epi16(x, L16(2 * (r))), L16(12)),       \
                  L16(2 * (r) + 1))
        __m128i ok = _mm_or_si128(
            _mm_or_si128(_mm_or_si128(IN16(0), IN16(1)),
                         _mm_or_si128(IN16(2), IN16(3))),
            _mm_or_si128(IN16(4), IN16(5)));
#undef IN16
        ok = _mm_and_si128(
            ok, _mm_cmpeq_epi16(_mm_and_si128(x, L16(13)), L16(14)));
#undef L16
        unsigned bad = (unsigned)_mm_movemask_epi8(ok) ^ 0xFFFFu;
        size_t k = bad ? (unsigned)__builtin_ctz(bad) & ~1u : 16;
        if (k) {
          i += k;
          continue;
        }
      }
#endif
      if (c - 0xC2u < 0x1Eu && n - i >= 2) {
        /* two bytes that stand for themselves: small letters, and the
         * scripts without case; a run of them */
        size_t j = i;
        do {
          unsigned c1 = (unsigned char)p[j + 1];
          if ((c1 & 0xC0) != 0x80 ||
              !kempt__cp2_self((c & 0x1Fu) << 6 | (c1 & 0x3Fu)))
            break;
          j += 2;
        } while (n - j >= 2 && (c = (unsigned char)p[j]) - 0xC2u < 0x1Eu);
        if (j > i) {
          i = j;
          continue;
        }
        c = (unsigned char)p[i];
      }
      if ((c & 0xF0) == 0xE0 && n - i >= 3) {
        /* three bytes that stand for themselves (see self3), a run of
         * them, five at a time in the scripts of self3_fast; a rule,
         * U+2500-26FF again and again, at once */
        size_t j = i;
        if (c == 0xE2 && (unsigned char)p[i + 1] - 0x94u < 8u &&
            ((unsigned char)p[i + 2] & 0xC0) == 0x80 && n - i >= 6 &&
            p[i + 3] == p[i] && p[i + 4] == p[i + 1] && p[i + 5] == p[i + 2])
          j += 3 + 3 * repeats(p + i + 3, n - i - 3, 3);
        for (;;) {
#if defined(__SSE2__) && defined(__GNUC__)
          if (c != 0xE2 && n - j >= 17) /* (E2: quotes, dashes, one by one) */
            j += self3_fast((const unsigned char *)p + j, n - j);
#endif
          if (n - j < 3 || ((c = (unsigned char)p[j]) & 0xF0) != 0xE0 ||
              !self3((const unsigned char *)p + j))
            break;
          j += 3;
          if (n - j < 3 || ((c = (unsigned char)p[j]) & 0xF0) != 0xE0)
            break;
        }
        if (j > i) {
          i = j;
          if (n - i >= 3 && p[i] == p[i - 3] && p[i + 1] == p[i - 2])
            i += 3 * repeats(p + i, n - i, 3);
          continue;
        }
        c = (unsigned char)p[i];
      }
      int32_t cp;
      size_t k = kempt__cp(p + i, n - i, &cp);
      int32_t f = is_space_cp(cp) ? -2 : fold_cp(cp);
      if (f == cp && cp >= 0) { /* itself, and a run of it */
        i += k;
        if (k >= 2 && n - i >= k && p[i] == p[i - k] &&
            p[i + 1] == p[i + 1 - k])
          i += k * repeats(p + i, n - i, k);
        continue;
      }
      if (a < i)
        put_span(&z, p, a, i, n, wide, kb);
      i += k;
      a = i;
      if (f == -2) {
        if (z.space_ok)
          hash_put(&z.s, ' ', 1);
        z.space_ok = false;
        continue;
      }
      unsigned nb = 1;
      uint64_t code = f < 0 ? 0xFF : f < 0x80 ? (uint64_t)f
                                              : utf8_code((uint32_t)f, &nb);
      hash_put(&z.s, code, nb);
      z.space_ok = true;
      z.any = true;
    } while (i < n && (c = (unsigned char)p[i]) >= 0x80);
  }
  if (a < n)
    put_span(&z, p, a, n, n, wide, kb);
  if (z.space_ok)
    hash_put(&z.s, ' ', 1);
  *any = z.any;
  return hash_end(&z.s);
}

static uint64_t norm_hash(const char *p, size_t n, bool *any) {
  return norm_hash_any(p, n, any, false);
}

/* norm_hash() with runs of plain ASCII looked at and copied thirty-two
 * bytes at a time (AVX2): the same hash. */
#ifdef DEDUP_AVX2
__attribute__((target("avx2"))) static uint64_t
norm_hash_avx2(const char *p, size_t n, bool *any) {
  return norm_hash_any(p, n, any, true);
}

/* __builtin_cpu_supports reads what libgcc found out at start-up. */
static bool avx2_ok(void) { return __builtin_cpu_supports("avx2") != 0; }
#else
static uint64_t norm_hash_avx2(const char *p, size_t n, bool *any) {
  return norm_hash(p, n, any);
}
static bool avx2_ok(void) { return false; }
#endif

/* The characters of p[0..n) that are not white space, counted up to
 * LONG_PARA_CHARS: the sizes compared below are no larger. */
static uint32_t count_chars(const char *p, size_t n) {
  uint32_t c = 0;
  size_t i = 0;
  for (;;) {
#if defined(__SSE2__) && defined(__GNUC__)
    /* sixteen bytes at a time while they are ASCII and two-byte
     * characters of leads C3-DF (none is white space), each lead followed
     * by its continuation (perhaps the next sixteen's first): a character
     * at its first byte. Others (and bytes that are not UTF-8) one at a
     * time. */
    unsigned carry = 0; /* a lead ended the last sixteen */
    for (; n - i >= 16 && c < LONG_PARA_CHARS; i += 16) {
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
      unsigned other = space16(p + i), hi = (unsigned)_mm_movemask_epi8(v);
      if (hi | carry) {
        unsigned lead = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(
            _mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - 0xC3))),
            _mm_set1_epi8((char)(-128 + 0x1D)))); /* C3-DF */
        /* continuations, 80-BF, are the bytes below C0 as signed */
        unsigned cont = (unsigned)_mm_movemask_epi8(
            _mm_cmplt_epi8(v, _mm_set1_epi8((char)0xC0)));
        if ((lead | cont) != hi || cont != ((lead << 1 | carry) & 0xFFFFu))
          break;
        carry = lead >> 15;
        other |= cont;
      }
      c += 16 - kempt__pop16(other);
    }
    /* the continuation of the lead that ended the last sixteen */
    if (carry && i < n && ((unsigned char)p[i] & 0xC0) == 0x80)
      i++;
    size_t lim = n - i >= 16 ? i + 16 : n; /* then one at a time */
#else
    size_t lim = n;
#endif
    while (i < lim && c < LONG_PARA_CHARS) {
      unsigned char c0 = (unsigned char)p[i];
      if (c0 < 0x80) {
        c += !ascii_space(p[i++]);
        continue;
      }
      if (c0 - 0xC3u < 0x1Du && n - i >= 2 &&
          ((unsigned char)p[i + 1] & 0xC0) == 0x80) {
        c++; /* U+00C0-07FF: none is white space */
        i += 2;
        continue;
      }
      if (c0 - 0xE3u < 0x0Du && c0 != 0xED && n - i >= 3 &&
          ((unsigned char)p[i + 1] & 0xC0) == 0x80 &&
          ((unsigned char)p[i + 2] & 0xC0) == 0x80) {
        /* U+3000-CFFF, U+E000-FFFF (CJK, kana, Hangul): of them only
         * U+3000 is white space; a run of them stays here */
        c += !(c0 == 0xE3 && (unsigned char)p[i + 1] == 0x80 &&
               (unsigned char)p[i + 2] == 0x80);
        i += 3;
        lim = n - lim >= 3 ? lim + 3 : n;
        continue;
      }
      int32_t cp;
      i += kempt__cp(p + i, n - i, &cp);
      c += !is_space_cp(cp);
    }
    if (i >= n || c >= LONG_PARA_CHARS)
      return c;
  }
}

/* kempt__ends_sentence, out of line: its callers stay small. */
__attribute__((noinline)) static bool ends_sentence_slow(const char *p,
                                                         size_t n) {
  return kempt__ends_sentence(p, n);
}

/* kempt__ends_sentence(p, n), n > 0: at a glance when p ends in ASCII
 * that closes no quote or bracket. */
static inline __attribute__((always_inline)) bool
ends_sentence(const char *p, size_t n) {
  unsigned char c = (unsigned char)p[n - 1];
  if (c < 0x80 && c != '"' && c != '\'' && c != ')' && c != ']')
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
  return ends_sentence_slow(p, n);
}

/* Whether a paragraph has substance enough to make a repeated run a copy:
 * LONG_PARA_CHARS characters at least, and prose (it ends a sentence) or
 * a block of three lines or more (a list, a menu). Repeated runs of short
 * lines or of data - recipe steps, a meal plan - are content. */
static bool substantial(const struct kempt_block *b, uint32_t chars) {
  size_t n = b->len;
  while (n && ascii_space(b->text[n - 1]))
    n--;
  if (chars < LONG_PARA_CHARS)
    return false;
  return (n && ends_sentence(b->text, n)) ||
         ((b->flags & KEMPT_BLOCK_LINES) && b->nlines >= 3);
}

/* ---- the history of kept paragraphs -------------------------------------- */

static struct slot *find_slot(struct dedup *d, uint64_t h) {
  uint32_t mask = d->nslots - 1, i = (uint32_t)(h & mask);
  while (d->slots[i].gen == d->gen && d->slots[i].hash != h)
    i = (i + 1) & mask;
  return &d->slots[i];
}

/* Position + 1 of the latest paragraph of slot s, or 0 if it is empty. */
static uint32_t slot_last(const struct dedup *d, const struct slot *s) {
  return s->gen == d->gen ? s->last : 0;
}

/* Empty all the slots at once: a new generation. (The table is cleared
 * only when the generations wrap around.) */
static void new_gen(struct dedup *d) {
  if (++d->gen == 0) {
    memset(d->slots, 0, HASH_SLOTS * sizeof *d->slots);
    d->gen = 1;
  }
}

/* Make room for one more paragraph: at most half the slots in use. A
 * document of a few paragraphs probes a few slots, not HASH_SLOTS. */
static void grow_slots(struct dedup *d) {
  if (2 * (d->nhist + 1) <= d->nslots)
    return;
  d->nslots = d->nslots ? 2 * d->nslots : FIRST_SLOTS;
  new_gen(d);
  for (uint32_t i = 0; i < d->nhist; i++) {
    struct slot *s = find_slot(d, d->hist[i]);
    s->hash = d->hist[i];
    s->last = i + 1;
    s->gen = d->gen;
  }
}

/* Forget the paragraphs. */
static void hist_clear(struct dedup *d) {
  new_gen(d);
  d->nhist = 0;
  d->ncand = 0;
  d->run = 0;
  d->confirmed = false;
}

/* Remember a kept paragraph; a full window starts over. */
static void hist_add(struct dedup *d, uint64_t h) {
  if (d->nhist == HIST_MAX)
    hist_clear(d);
  grow_slots(d);
  struct slot *s = find_slot(d, h);
  d->prev[d->nhist] = slot_last(d, s);
  d->hist[d->nhist++] = h;
  s->hash = h;
  s->last = d->nhist;
  s->gen = d->gen;
}

/* The earlier positions of hash h, latest first, into d->cand. */
static void find_cands(struct dedup *d, uint64_t h) {
  uint32_t p = d->nslots ? slot_last(d, find_slot(d, h)) : 0;
  d->ncand = 0;
  while (p && d->ncand < MAX_CAND) {
    d->cand[d->ncand++] = p - 1;
    p = d->prev[p - 1];
  }
}

/* Keep the earlier runs that go on with hash h; their number. */
static uint32_t follow(struct dedup *d, uint64_t h) {
  uint32_t k = 0;
  for (uint32_t i = 0; i < d->ncand; i++) {
    uint32_t next = d->cand[i] + d->run;
    if (next < d->nhist && d->hist[next] == h)
      d->cand[k++] = d->cand[i];
  }
  d->ncand = k;
  return k;
}

/* ---- runs ---------------------------------------------------------------- */

/* The held run was no copy: its paragraphs are kept and remembered. */
static enum kempt_status release(struct dedup *d) {
  enum kempt_status st = KEMPT_OK;
  for (size_t i = 0; i < d->held.n && st == KEMPT_OK; i++) {
    struct kempt_block b = q_get(&d->held, i);
    if (d->held_hash[i])
      hist_add(d, d->held_hash[i]);
    st = out(d, &b);
  }
  q_clear(&d->held);
  d->run = 0;
  d->confirmed = false;
  return st;
}

/* The held run is a copy: remove its paragraphs. */
static enum kempt_status confirm(struct dedup *d) {
  enum kempt_status st = KEMPT_OK;
  for (size_t i = 0; i < d->held.n && st == KEMPT_OK; i++) {
    struct kempt_block b = q_get(&d->held, i);
    st = b.flags & KEMPT_BLOCK_REMOVED ? out(d, &b)
                                       : out_removed(d, &b, RULE_RUN);
  }
  q_clear(&d->held);
  d->confirmed = true;
  return st;
}

/* Hold block b (hash h, remembered if it is a kept paragraph) while the
 * run is uncertain; when the queue is full, the run is given up. */
static enum kempt_status hold(struct dedup *d, const struct kempt_block *b,
                              uint64_t h, bool kept) {
  if (q_room(&d->held, b)) {
    d->held_hash[d->held.n] = kept ? h : 0;
    return q_push(&d->held, b);
  }
  enum kempt_status st = release(d);
  if (st != KEMPT_OK)
    return st;
  if (kept)
    hist_add(d, h);
  return out(d, b);
}

/* A paragraph with no run going on. */
static enum kempt_status fresh(struct dedup *d, const struct kempt_block *b,
                               uint64_t h) {
  if (d->nhist && d->hist[d->nhist - 1] == h)
    return out_removed(d, b, RULE_ADJACENT);
  find_cands(d, h);
  if (!d->ncand) {
    hist_add(d, h);
    return out(d, b);
  }
  uint32_t chars = count_chars(b->text, b->len);
  d->run = 1;
  d->run_chars = chars;
  d->run_long = substantial(b, chars);
  d->confirmed = false;
  return hold(d, b, h, true);
}

/* A kept paragraph reaches step 2. */
static enum kempt_status copies(struct dedup *d, const struct kempt_block *b) {
  bool any;
  uint64_t h = d->avx2 ? norm_hash_avx2(b->text, b->len, &any)
                       : norm_hash(b->text, b->len, &any);
  if (!any)
    return d->run && !d->confirmed ? hold(d, b, h, false) : out(d, b);
  if (d->run && follow(d, h)) {
    uint32_t chars = count_chars(b->text, b->len);
    d->run++;
    d->run_chars += chars;
    d->run_long = d->run_long || substantial(b, chars);
    if (d->confirmed)
      return out_removed(d, b, RULE_RUN);
    enum kempt_status st = hold(d, b, h, true);
    if (st == KEMPT_OK && d->run && d->run_long &&
        d->run_chars >= RUN_MIN_CHARS)
      st = confirm(d);
    return st;
  }
  enum kempt_status st = d->run && !d->confirmed ? release(d) : KEMPT_OK;
  d->run = 0;
  d->confirmed = false;
  return st == KEMPT_OK ? fresh(d, b, h) : st;
}

/* Any block reaches step 2; removed blocks and the pieces of a block cut
 * at the size cap are no paragraphs of their own: they pass. */
static enum kempt_status step2(struct dedup *d, const struct kempt_block *b) {
  if (!(b->flags & (KEMPT_BLOCK_REMOVED | KEMPT_BLOCK_CUT)))
    return copies(d, b);
  if (d->run && !d->confirmed)
    return hold(d, b, 0, false);
  return out(d, b);
}

/* ---- re-joining a sentence cut by removed blocks ------------------------- */

/* The words of p[0..n), counted up to at most. */
static uint32_t count_words(const char *p, size_t n, uint32_t most) {
  uint32_t w = 0;
#if defined(__SSE2__) && defined(__GNUC__)
  if (n >= 16) { /* the words that start in the first sixteen bytes */
    unsigned sp = space16(p);
    if (kempt__pop16(~sp & (sp << 1 | 1u) & 0xFFFFu) >= most)
      return most;
  }
#endif
  for (size_t i = 0; w < most; w++) {
    i = skip_space(p, i, n);
    if (i == n)
      break;
    i = find_space(p, i, n); /* past the word that starts at i */
  }
  return w;
}

#define NO_JOIN                                                                \
  (KEMPT_BLOCK_REMOVED | KEMPT_BLOCK_LINES | KEMPT_BLOCK_REFS |                \
   KEMPT_BLOCK_TITLE | KEMPT_BLOCK_CUT)

static bool open_end_rest(const struct kempt_block *b, size_t n);

/* Whether a kept paragraph may be the first half of a cut sentence: at a
 * glance for most, which end a sentence. */
static inline bool open_end(const struct kempt_block *b) {
  if (b->flags & NO_JOIN)
    return false;
  size_t n = b->len;
  while (n && ascii_space(b->text[n - 1]))
    n--;
  if (!n || ends_sentence(b->text, n))
    return false;
  return open_end_rest(b, n);
}

/* open_end() of b, whose first n bytes end without ending a sentence. */
__attribute__((noinline)) static bool open_end_rest(const struct kempt_block *b,
                                                    size_t n) {
  int32_t cp;
  kempt__cp_last(b->text, n, &cp);
  return (kempt__cp_alnum(cp) || cp == ',') &&
         count_words(b->text, n, JOIN_MIN_WORDS) >= JOIN_MIN_WORDS;
}

/* Whether b continues a sentence: a paragraph starting in lower case. */
static bool continues(const struct kempt_block *b) {
  if (b->flags & NO_JOIN)
    return false;
  size_t i = 0;
  while (i < b->len && ascii_space(b->text[i]))
    i++;
  int32_t cp = -1;
  if (i < b->len)
    kempt__cp(b->text + i, b->len - i, &cp);
  return kempt__cp_lower(cp);
}

/* Send the open paragraph and the removed blocks after it to step 2. */
static enum kempt_status flush_head(struct dedup *d) {
  enum kempt_status st = KEMPT_OK;
  if (d->has_head) {
    d->head_meta.text = d->head.data ? d->head.data : "";
    d->head_meta.len = d->head.len;
    st = step2(d, &d->head_meta);
  }
  for (size_t i = 0; i < d->cut.n && st == KEMPT_OK; i++) {
    struct kempt_block b = q_get(&d->cut, i);
    st = step2(d, &b);
  }
  q_clear(&d->cut);
  d->has_head = false;
  return st;
}

/* Make b the open paragraph, or pass it on. */
static enum kempt_status open_head(struct dedup *d,
                                   const struct kempt_block *b) {
  if (!open_end(b) || b->len > d->head.cap / 2)
    return step2(d, b);
  kempt__buf_clear(&d->head);
  enum kempt_status st = kempt__buf_add(&d->head, b->text, b->len);
  d->head_meta = *b;
  d->has_head = st == KEMPT_OK;
  return st;
}

/* Append b (the rest of the sentence) to the open paragraph. */
static enum kempt_status join_head(struct dedup *d,
                                   const struct kempt_block *b) {
  size_t i = 0;
  while (i < b->len && ascii_space(b->text[i]))
    i++;
  enum kempt_status st = kempt__buf_addc(&d->head, ' ');
  if (st == KEMPT_OK)
    st = kempt__buf_add(&d->head, b->text + i, b->len - i);
  if (st != KEMPT_OK)
    return st;
  kempt__change(d->env, "rejoined-across-removed", b->offset, "\n\n", 2, " ",
                1);
  d->head_meta.flags |= KEMPT_BLOCK_JOINED;
  d->head_meta.nlines = 1;
  d->head_meta.text = d->head.data;
  d->head_meta.len = d->head.len;
  if (open_end(&d->head_meta))
    return KEMPT_OK; /* it may go on past more removed blocks */
  return flush_head(d);
}

__attribute__((noinline)) static enum kempt_status
dedup_any(struct dedup *d, const struct kempt_block *b);

static enum kempt_status dedup_block(void *st, const struct kempt_block *b) {
  struct dedup *d = st;
  /* a removed block with no paragraph open and no run held, most often:
   * what step2() does with it, passed on at once */
  if ((b->flags & KEMPT_BLOCK_REMOVED) && !d->has_head &&
      !(d->run && !d->confirmed))
    return out(d, b);
  return dedup_any(d, b);
}

/* dedup_block() of any block. */
__attribute__((noinline)) static enum kempt_status
dedup_any(struct dedup *d, const struct kempt_block *b) {
  if (!d->has_head) /* a removed block, most often: straight to step 2 */
    return b->flags & NO_JOIN ? step2(d, b) : open_head(d, b);
  if (b->flags & KEMPT_BLOCK_REMOVED) {
    if (q_room(&d->cut, b))
      return q_push(&d->cut, b);
    enum kempt_status s = flush_head(d);
    return s == KEMPT_OK ? step2(d, b) : s;
  }
  if (d->cut.n && continues(b) && d->head.len + 1 + b->len <= d->head.cap)
    return join_head(d, b);
  enum kempt_status s = flush_head(d);
  return s == KEMPT_OK ? open_head(d, b) : s;
}

/* ---- life cycle ---------------------------------------------------------- */

static void dedup_reset(void *st) {
  struct dedup *d = st;
  kempt__buf_clear(&d->head);
  d->has_head = false;
  q_clear(&d->cut);
  q_clear(&d->held);
  hist_clear(d);
  d->index = 0;
}

static enum kempt_status dedup_finish(void *st) {
  struct dedup *d = st;
  enum kempt_status s = flush_head(d);
  if (s == KEMPT_OK && d->run && !d->confirmed)
    s = release(d);
  dedup_reset(d);
  return s;
}

static enum kempt_status dedup_init(void *st, const struct kempt_env *env) {
  struct dedup *d = st;
  const struct kempt_allocator *a = env->alloc;
  d->env = env;
  d->avx2 = avx2_ok();
  kempt__buf_init(&d->head, a, QUEUE_BYTES);
  bool ok = q_init(&d->cut, a);
  ok = q_init(&d->held, a) && ok;
  d->hist = kempt__malloc(a, HIST_MAX * sizeof *d->hist);
  d->prev = kempt__malloc(a, HIST_MAX * sizeof *d->prev);
  d->slots = kempt__calloc(a, HASH_SLOTS * sizeof *d->slots);
  d->gen = 1; /* (the cleared slots are of generation 0) */
  if (!ok || !d->hist || !d->prev || !d->slots)
    return KEMPT_ERR_NOMEM;
  return KEMPT_OK;
}

static void dedup_fini(void *st) {
  struct dedup *d = st;
  const struct kempt_allocator *a = d->env->alloc;
  kempt__buf_free(&d->head);
  q_free(&d->cut, a);
  q_free(&d->held, a);
  kempt__free(a, d->hist);
  kempt__free(a, d->prev);
  kempt__free(a, d->slots);
}

const struct kempt_stage_ops kempt__dedup_ops = {
    {"dedup",
     "drop repeated paragraphs and repeated runs of paragraphs (page "
     "copies); re-join a sentence that removed blocks cut in two",
     1},
    true,
    true,
    sizeof(struct dedup),
    NULL,
    dedup_init,
    NULL,
    dedup_block,
    dedup_finish,
    dedup_reset,
    dedup_fini};

kempt_stage *kempt_dedup_new(const kempt_config *cfg,
                             const struct kempt_sink *sink,
                             enum kempt_status *err) {
  return kempt_stage_new("dedup", cfg, sink, err);
}
