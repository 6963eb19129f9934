/* sha1.h - SHA-1 (FIPS 180-4) and RFC 4648 base32, for WARC-Block-Digest.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#ifndef KEMPT_SHA1_H
#define KEMPT_SHA1_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct kempt_sha1 {
  uint32_t h[5];
  uint64_t bytes;
  unsigned char block[64];
  size_t n;
  bool cpu; /* compress with the SHA extensions */
};

/* Whether this CPU has the x86 SHA extensions (and SSSE3): ask once per
 * stream and pass the answer to kempt__sha1_init. */
bool kempt__sha1_cpu(void);

/* cpu: use the SHA extensions (only if kempt__sha1_cpu() said so); the
 * digest is the same either way. */
void kempt__sha1_init(struct kempt_sha1 *s, bool cpu);
void kempt__sha1_add(struct kempt_sha1 *s, const void *p, size_t n);
void kempt__sha1_end(struct kempt_sha1 *s, unsigned char digest[20]);

/* The 32 base32 characters of a 20-byte digest, NUL-terminated. */
void kempt__base32_20(const unsigned char d[20], char out[33]);

#endif
