/* sha1.c - SHA-1 (FIPS 180-4) and base32 (RFC 4648), see sha1.h.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "sha1.h"

#include <string.h>

static uint32_t rol(uint32_t x, unsigned k) {
  return (x << k) | (x >> (32 - k));
}

static uint32_t load_be(const unsigned char *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 |
         (uint32_t)p[3];
}

static uint32_t mix(unsigned t, uint32_t b, uint32_t c, uint32_t d) {
  if (t < 20)
    return ((b & c) | (~b & d)) + 0x5A827999u;
  if (t < 40)
    return (b ^ c ^ d) + 0x6ED9EBA1u;
  if (t < 60)
    return ((b & c) | (b & d) | (c & d)) + 0x8F1BBCDCu;
  return (b ^ c ^ d) + 0xCA62C1D6u;
}

static void compress(uint32_t h[5], const unsigned char *p) {
  uint32_t w[80];
  for (unsigned t = 0; t < 16; t++)
    w[t] = load_be(p + 4 * t);
  for (unsigned t = 16; t < 80; t++)
    w[t] = rol(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
  for (unsigned t = 0; t < 80; t++) {
    uint32_t x = rol(a, 5) + mix(t, b, c, d) + e + w[t];
    e = d;
    d = c;
    c = rol(b, 30);
    b = a;
    a = x;
  }
  h[0] += a;
  h[1] += b;
  h[2] += c;
  h[3] += d;
  h[4] += e;
}

void kempt__sha1_init(struct kempt_sha1 *s) {
  static const uint32_t iv[5] = {0x67452301u, 0xEFCDAB89u, 0x98BADCFEu,
                                 0x10325476u, 0xC3D2E1F0u};
  memcpy(s->h, iv, sizeof iv);
  s->bytes = 0;
  s->n = 0;
}

void kempt__sha1_add(struct kempt_sha1 *s, const void *data, size_t n) {
  const unsigned char *p = data;
  s->bytes += n;
  while (n) {
    if (s->n == 0 && n >= 64) {
      compress(s->h, p);
      p += 64;
      n -= 64;
      continue;
    }
    size_t k = 64 - s->n < n ? 64 - s->n : n;
    memcpy(s->block + s->n, p, k);
    s->n += k;
    p += k;
    n -= k;
    if (s->n == 64) {
      compress(s->h, s->block);
      s->n = 0;
    }
  }
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
