/* sha1.c - SHA-1 (FIPS 180-4) and base32 (RFC 4648), see sha1.h.
 *
 * Two ways to compress a 64-byte block, same results: the x86 SHA
 * extensions (SHA-NI: sha1rnds4 does four rounds in one instruction),
 * used where the caller found them with kempt__sha1_cpu(), and plain C
 * for every other CPU. The C rounds are written out per function (four
 * loops of 20, no test inside a round) and keep the message schedule in
 * 16 words.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "sha1.h"

#include <string.h>

#if defined(__x86_64__) && defined(__GNUC__)
#define KEMPT_SHA_NI 1
#include <cpuid.h>
#include <immintrin.h>
#endif

static uint32_t rol(uint32_t x, unsigned k) {
  return (x << k) | (x >> (32 - k));
}

static uint32_t load_be(const unsigned char *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 |
         (uint32_t)p[3];
}

/* The schedule word of round t >= 16: w[] holds the last 16 words, the
 * one of round t at w[t & 15]. */
static inline uint32_t next_word(uint32_t w[16], unsigned t) {
  uint32_t x = rol(w[(t - 3) & 15] ^ w[(t - 8) & 15] ^ w[(t - 14) & 15] ^
                       w[t & 15],
                   1);
  w[t & 15] = x;
  return x;
}

#define F1(b, c, d) ((d) ^ ((b) & ((c) ^ (d))))
#define F2(b, c, d) ((b) ^ (c) ^ (d))
#define F3(b, c, d) (((b) & (c)) | ((d) & ((b) | (c))))

/* One round with the variables' roles turned instead of moved: after it,
 * (e, a, b, c, d) are the next round's (a, b, c, d, e). */
#define ROUND(a, b, c, d, e, F, K, WT)                                        \
  do {                                                                        \
    e += rol(a, 5) + F(b, c, d) + (K) + (WT);                                 \
    b = rol(b, 30);                                                           \
  } while (0)

/* Five rounds from t: the roles come back to where they started. */
#define FIVE(F, K, W)                                                         \
  do {                                                                        \
    ROUND(a, b, c, d, e, F, K, W(t));                                         \
    ROUND(e, a, b, c, d, F, K, W(t + 1));                                     \
    ROUND(d, e, a, b, c, F, K, W(t + 2));                                     \
    ROUND(c, d, e, a, b, F, K, W(t + 3));                                     \
    ROUND(b, c, d, e, a, F, K, W(t + 4));                                     \
  } while (0)

#define W_LOADED(t) w[t]
#define W_NEXT(t) next_word(w, t)

static void compress_c(uint32_t h[5], const unsigned char *p) {
  uint32_t w[16];
  for (unsigned t = 0; t < 16; t++)
    w[t] = load_be(p + 4 * t);
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
  unsigned t = 0;
  for (; t < 15; t += 5)
    FIVE(F1, 0x5A827999u, W_LOADED);
  ROUND(a, b, c, d, e, F1, 0x5A827999u, w[15]);
  ROUND(e, a, b, c, d, F1, 0x5A827999u, next_word(w, 16));
  ROUND(d, e, a, b, c, F1, 0x5A827999u, next_word(w, 17));
  ROUND(c, d, e, a, b, F1, 0x5A827999u, next_word(w, 18));
  ROUND(b, c, d, e, a, F1, 0x5A827999u, next_word(w, 19));
  for (t = 20; t < 40; t += 5)
    FIVE(F2, 0x6ED9EBA1u, W_NEXT);
  for (; t < 60; t += 5)
    FIVE(F3, 0x8F1BBCDCu, W_NEXT);
  for (; t < 80; t += 5)
    FIVE(F2, 0xCA62C1D6u, W_NEXT);
  h[0] += a;
  h[1] += b;
  h[2] += c;
  h[3] += d;
  h[4] += e;
}

#ifdef KEMPT_SHA_NI
/* Blocks p[0..64*nblocks) with the SHA extensions. Lanes: abcd holds a
 * in its highest 32 bits, d in its lowest; a message vector holds four
 * schedule words, the first in the highest lane. Group g of four rounds
 * takes m[g] (its words) plus e, which sha1nexte makes from the abcd of
 * the group before; the schedule runs four groups ahead:
 * m[g+4] = msg2(msg1(m[g], m[g+1]) ^ m[g+2], m[g+3]). */
#define SHA1_GROUP(F)                                                         \
  do {                                                                        \
    __m128i e1 = abcd;                                                        \
    if (g == 0)                                                               \
      e0 = _mm_add_epi32(e0, m[0]);                                           \
    else                                                                      \
      e0 = _mm_sha1nexte_epu32(e0, m[g & 3]);                                 \
    abcd = _mm_sha1rnds4_epu32(abcd, e0, F);                                  \
    e0 = e1;                                                                  \
    if (g < 16) {                                                             \
      __m128i k = _mm_sha1msg1_epu32(m[g & 3], m[(g + 1) & 3]);               \
      k = _mm_xor_si128(k, m[(g + 2) & 3]);                                   \
      m[g & 3] = _mm_sha1msg2_epu32(k, m[(g + 3) & 3]);                       \
    }                                                                         \
  } while (0)

__attribute__((target("sha,ssse3"))) static void
compress_ni(uint32_t h[5], const unsigned char *p, size_t nblocks) {
  const __m128i swap = _mm_set_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
                                    13, 14, 15);
  __m128i abcd = _mm_shuffle_epi32(
      _mm_loadu_si128((const __m128i *)(const void *)h), 0x1B);
  __m128i e = _mm_set_epi32((int)h[4], 0, 0, 0);
  for (; nblocks; nblocks--, p += 64) {
    const __m128i abcd_in = abcd, e_in = e;
    __m128i m[4], e0 = e;
    for (unsigned i = 0; i < 4; i++)
      m[i] = _mm_shuffle_epi8(
          _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * i)), swap);
    unsigned g = 0;
    for (; g < 5; g++)
      SHA1_GROUP(0);
    for (; g < 10; g++)
      SHA1_GROUP(1);
    for (; g < 15; g++)
      SHA1_GROUP(2);
    for (; g < 20; g++)
      SHA1_GROUP(3);
    /* e0 is the abcd the last group started from: its a, turned, is e */
    e = _mm_sha1nexte_epu32(e0, e_in);
    abcd = _mm_add_epi32(abcd, abcd_in);
  }
  _mm_storeu_si128((__m128i *)(void *)h, _mm_shuffle_epi32(abcd, 0x1B));
  h[4] = (uint32_t)_mm_cvtsi128_si32(_mm_srli_si128(e, 12));
}
#endif

bool kempt__sha1_cpu(void) {
#ifdef KEMPT_SHA_NI
  unsigned a, b, c, d;
  if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_SSSE3))
    return false;
  if (!__get_cpuid_count(7, 0, &a, &b, &c, &d))
    return false;
  return (b & bit_SHA) != 0;
#else
  return false;
#endif
}

static void compress(struct kempt_sha1 *s, const unsigned char *p,
                     size_t nblocks) {
#ifdef KEMPT_SHA_NI
  if (s->cpu) {
    compress_ni(s->h, p, nblocks);
    return;
  }
#endif
  for (; nblocks; nblocks--, p += 64)
    compress_c(s->h, p);
}

void kempt__sha1_init(struct kempt_sha1 *s, bool cpu) {
  static const uint32_t iv[5] = {0x67452301u, 0xEFCDAB89u, 0x98BADCFEu,
                                 0x10325476u, 0xC3D2E1F0u};
  memcpy(s->h, iv, sizeof iv);
  s->bytes = 0;
  s->n = 0;
  s->cpu = cpu;
}

void kempt__sha1_add(struct kempt_sha1 *s, const void *data, size_t n) {
  const unsigned char *p = data;
  if (n == 0)
    return; /* data may be NULL */
  s->bytes += n;
  if (s->n) {
    size_t k = 64 - s->n < n ? 64 - s->n : n;
    memcpy(s->block + s->n, p, k);
    s->n += k;
    p += k;
    n -= k;
    if (s->n < 64)
      return;
    compress(s, s->block, 1);
    s->n = 0;
  }
  if (n >= 64) {
    compress(s, p, n / 64);
    p += n / 64 * 64;
    n %= 64;
  }
  if (n)
    memcpy(s->block, p, n);
  s->n = n;
}

void kempt__sha1_end(struct kempt_sha1 *s, unsigned char digest[20]) {
  uint64_t bits = s->bytes * 8;
  unsigned char pad[72] = {0x80};
  size_t npad = (s->n < 56 ? 56 : 120) - s->n;
  for (unsigned k = 0; k < 8; k++)
    pad[npad + k] = (unsigned char)(bits >> (56 - 8 * k));
  kempt__sha1_add(s, pad, npad + 8);
  for (unsigned k = 0; k < 20; k++)
    digest[k] = (unsigned char)(s->h[k / 4] >> (24 - 8 * (k % 4)));
}

void kempt__base32_20(const unsigned char d[20], char out[33]) {
  static const char alpha[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  unsigned acc = 0, nbits = 0;
  size_t k = 0;
  for (size_t i = 0; i < 20; i++) {
    acc = (acc << 8) | d[i];
    nbits += 8;
    while (nbits >= 5) {
      nbits -= 5;
      out[k++] = alpha[(acc >> nbits) & 31];
    }
    acc &= (1u << nbits) - 1;
  }
  out[k] = '\0';
}
