/* fuzz_util.c - helpers shared by the fuzz targets, see fuzz.h.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "fuzz.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fz_fail(const char *file, int line, const char *fmt, ...) {
  va_list ap;
  fprintf(stderr, "%s:%d: fuzz check failed: ", file, line);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  abort();
}

void fz_buf_add(struct fz_buf *b, const char *p, size_t n) {
  if (!n)
    return;
  if (b->len + n > b->size) {
    size_t size = (b->len + n) * 2;
    char *q = realloc(b->p, size);
    FZ_CHECK(q != NULL, "harness out of memory");
    b->p = q;
    b->size = size;
  }
  memcpy(b->p + b->len, p, n);
  b->len += n;
}

void fz_buf_free(struct fz_buf *b) {
  free(b->p);
  b->p = NULL;
  b->len = b->size = 0;
}

enum kempt_status fz_buf_write(void *ud, const char *p, size_t n) {
  FZ_CHECK(n == 0 || p != NULL, "write of %zu bytes from NULL", n);
  fz_buf_add(ud, p, n);
  return KEMPT_OK;
}

/* Offset of the first difference of a and b. */
static size_t first_diff(const struct fz_buf *a, const struct fz_buf *b) {
  size_t n = a->len < b->len ? a->len : b->len, i = 0;
  while (i < n && a->p[i] == b->p[i])
    i++;
  return i;
}

void fz_same(const struct fz_buf *a, const struct fz_buf *b, const char *what) {
  size_t d = first_diff(a, b);
  FZ_CHECK(a->len == b->len && d == a->len,
           "%s: outputs differ (lengths %zu and %zu, first difference at "
           "byte %zu)",
           what, a->len, b->len, d);
}

static uint32_t next_rand(struct fz_chunker *c) {
  uint32_t x = c->state; /* xorshift32 */
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  c->state = x;
  return x;
}

void fz_chunker_init(struct fz_chunker *c, int control) {
  c->mode = control == FZ_WHOLE ? 4u : (unsigned)control & 3u;
  c->state = 0x9E3779B9u ^ ((uint32_t)control * 0x01000193u);
  c->fixed = 2 + (size_t)((unsigned)control >> 2) % 63;
}

size_t fz_chunker_next(struct fz_chunker *c, size_t left) {
  size_t n;
  switch (c->mode) {
  case 0:
    n = 1;
    break;
  case 1:
    n = c->fixed;
    break;
  case 2:
    n = next_rand(c) % 65;
    break;
  case 3:
    n = next_rand(c) % 8193;
    break;
  default:
    n = left;
    break;
  }
  return n < left ? n : left;
}

/* Length of the valid UTF-8 sequence at p[0..avail), 0 if invalid. */
static size_t seq_len(const unsigned char *p, size_t avail) {
  unsigned char c = p[0], lo = 0x80, hi = 0xBF;
  size_t len;
  if (c < 0x80)
    return 1;
  if (c >= 0xC2 && c <= 0xDF)
    len = 2;
  else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    lo = c == 0xE0 ? 0xA0 : 0x80;
    hi = c == 0xED ? 0x9F : 0xBF;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    lo = c == 0xF0 ? 0x90 : 0x80;
    hi = c == 0xF4 ? 0x8F : 0xBF;
  } else
    return 0;
  if (avail < len || p[1] < lo || p[1] > hi)
    return 0;
  for (size_t i = 2; i < len; i++)
    if (p[i] < 0x80 || p[i] > 0xBF)
      return 0;
  return len;
}

int fz_valid_utf8(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    size_t len = seq_len(p + i, n - i);
    if (!len)
      return 0;
    i += len;
  }
  return 1;
}

/* Touch every byte of p[0..n) so that the sanitizers see a bad pointer. */
static unsigned touch(const char *p, size_t n) {
  unsigned sum = 0;
  FZ_CHECK(n == 0 || p != NULL, "NULL text of %zu bytes", n);
  for (size_t i = 0; i < n; i++)
    sum += (unsigned char)p[i];
  return sum;
}

void fz_check_event(void *ud, const struct kempt_event *ev) {
  (void)ud;
  FZ_CHECK(ev && ev->stage && ev->rule, "event without stage or rule");
  FZ_CHECK(strlen(ev->stage) > 0 && strlen(ev->rule) > 0, "empty name");
  volatile unsigned sum = touch(ev->before, ev->before_len);
  sum += touch(ev->after, ev->after_len);
  (void)sum;
}

void fz_check_warning(void *ud, const char *msg) {
  (void)ud;
  FZ_CHECK(msg != NULL && strlen(msg) > 0, "empty warning");
  FZ_CHECK(msg[strlen(msg) - 1] != '\n', "warning ends with a newline");
}

const char *fz_fixed_target(const char *argv0, const char *prefix) {
  const char *env = getenv("KEMPT_FUZZ_TARGET");
  if (env && *env)
    return env;
  if (!argv0)
    return NULL;
  const char *base = strrchr(argv0, '/');
  base = base ? base + 1 : argv0;
  size_t n = strlen(prefix);
  if (strncmp(base, prefix, n) == 0 && base[n])
    return base + n;
  return NULL;
}

/* The i-th choice of "a|b|c" into buf; false past the last one. */
static int nth_choice(const char *choices, size_t i, char *buf, size_t cap) {
  const char *p = choices;
  for (;;) {
    const char *bar = strchr(p, '|');
    size_t n = bar ? (size_t)(bar - p) : strlen(p);
    if (i == 0) {
      if (n >= cap)
        return 0;
      memcpy(buf, p, n);
      buf[n] = '\0';
      return 1;
    }
    if (!bar)
      return 0;
    p = bar + 1;
    i--;
  }
}

int fz_apply_options(kempt_config *cfg, const char *owner, unsigned mask) {
  const struct kempt_option *o;
  int set = 0;
  for (size_t i = 0, j = 0; (o = kempt_option_get(i)) != NULL; i++) {
    if (strcmp(o->owner, owner) != 0)
      continue;
    unsigned bit = (unsigned)(j++ % 8);
    if (!((mask >> bit) & 1u))
      continue;
    char value[64];
    const char *v = NULL;
    if (o->type == KEMPT_OPT_FLAG)
      v = "1";
    else if (o->type == KEMPT_OPT_INT)
      v = (mask >> ((bit + 1) % 8)) & 1u ? "4096" : "64";
    else if (o->type == KEMPT_OPT_STRING && o->choices &&
             (nth_choice(o->choices, ((mask >> 4) + j) % 3, value,
                         sizeof value) ||
              nth_choice(o->choices, 0, value, sizeof value)))
      v = value;
    if (v && kempt_config_set(cfg, o->name, v, strlen(v)) == KEMPT_OK)
      set++;
  }
  return set;
}
