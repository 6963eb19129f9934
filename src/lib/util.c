/* util.c - allocation through the handle's allocator, bounded buffers.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "internal.h"

#include <stdlib.h>

#if defined(__SSE2__) && defined(__GNUC__) /* __builtin_ctz too */
#define SCAN_SSE2 1
#include <emmintrin.h>
#endif

static void *std_malloc(size_t n, void *ud) {
  (void)ud;
  return malloc(n);
}

static void *std_realloc(void *p, size_t n, void *ud) {
  (void)ud;
  return realloc(p, n);
}

static void std_free(void *p, void *ud) {
  (void)ud;
  free(p);
}

static const struct kempt_allocator std_allocator = {std_malloc, std_realloc,
                                                     std_free, NULL};

const struct kempt_allocator *kempt__default_allocator(void) {
  return &std_allocator;
}

void *kempt__malloc(const struct kempt_allocator *a, size_t n) {
  return a->malloc_fn(n ? n : 1, a->ud);
}

void *kempt__calloc(const struct kempt_allocator *a, size_t n) {
  /* The C library's calloc hands large blocks out as fresh zero pages
   * without writing them: a handle's big tables (hash slots, windows)
   * then cost nothing until they are used. */
  if (a == &std_allocator)
    return calloc(n ? n : 1, 1);
  void *p = kempt__malloc(a, n);
  if (p)
    memset(p, 0, n);
  return p;
}

void *kempt__realloc(const struct kempt_allocator *a, void *p, size_t n) {
  return a->realloc_fn(p, n ? n : 1, a->ud);
}

void kempt__free(const struct kempt_allocator *a, void *p) {
  if (p)
    a->free_fn(p, a->ud);
}

char *kempt__memdup(const struct kempt_allocator *a, const void *p, size_t n) {
  char *q = kempt__malloc(a, n + 1);
  if (!q)
    return NULL;
  if (n)
    memcpy(q, p, n);
  q[n] = '\0';
  return q;
}

void kempt__buf_init(struct kempt_buf *b, const struct kempt_allocator *a,
                     size_t cap) {
  b->data = NULL;
  b->len = b->size = 0;
  b->cap = cap;
  b->alloc = a;
}

enum kempt_status kempt__buf_reserve(struct kempt_buf *b, size_t n) {
  if (n > b->cap || b->len > b->cap - n)
    return KEMPT_ERR_LIMIT;
  if (b->len + n <= b->size)
    return KEMPT_OK;
  /* doubling, and from 64 KiB on (a buffer that holds a document)
   * quadrupling: realloc() copies what the buffer holds each time */
  size_t size = b->size ? b->size : 256;
  while (size < b->len + n)
    size = size > SIZE_MAX / 4 ? b->len + n
                               : size * (size >= 65536 ? 4 : 2);
  if (size > b->cap + 1)
    size = b->cap + 1; /* +1 leaves room for a terminating NUL */
  char *p = kempt__realloc(b->alloc, b->data, size);
  if (!p)
    return KEMPT_ERR_NOMEM;
  b->data = p;
  b->size = size;
  return KEMPT_OK;
}

enum kempt_status kempt__buf_add_grow(struct kempt_buf *b, const void *p,
                                      size_t n) {
  if (!n)
    return KEMPT_OK;
  enum kempt_status st = kempt__buf_reserve(b, n);
  if (st != KEMPT_OK)
    return st;
  memcpy(b->data + b->len, p, n);
  b->len += n;
  return KEMPT_OK;
}

void kempt__buf_free(struct kempt_buf *b) {
  kempt__free(b->alloc, b->data);
  b->data = NULL;
  b->len = b->size = 0;
}

/* Encode code point cp (at most U+10FFFF) as UTF-8 into o (4 bytes of
 * room); returns the number of bytes written. */
size_t kempt__utf8_put(uint32_t cp, char *o) {
  if (cp < 0x80) {
    o[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    o[0] = (char)(0xC0 | (cp >> 6));
    o[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    o[0] = (char)(0xE0 | (cp >> 12));
    o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = (char)(0xF0 | (cp >> 18));
  o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  o[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

/* Past the spaces and tabs at p[i..n). */
size_t kempt__skip_blanks(const char *p, size_t i, size_t n) {
#ifdef SCAN_SSE2
  const __m128i sp = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t');
  for (; n - i >= 16; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
    unsigned other = (unsigned)_mm_movemask_epi8(_mm_or_si128(
                         _mm_cmpeq_epi8(v, sp), _mm_cmpeq_epi8(v, tab))) ^
                     0xFFFFu;
    if (other)
      return i + (unsigned)__builtin_ctz(other);
  }
#endif
  while (i < n && (p[i] == ' ' || p[i] == '\t'))
    i++;
  return i;
}
