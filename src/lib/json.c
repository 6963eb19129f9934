/* json.c - a strict JSON scanner for one line of JSONL, see json.h.
 *
 * The scanner works over a buffer with an explicit stack (no recursion),
 * so that hostile nesting costs a bounded amount of memory.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "json.h"
#include "internal.h"

#include <string.h>

struct scan {
  const char *p;
  size_t n, i;
  const char *key;
  size_t keylen;
  size_t depth;
  bool key_hit; /* the key just read at depth 1 is the one sought */
  bool found, is_string;
  size_t start, end;
  char stack[KEMPT__JSON_MAX_DEPTH];
};

static int peek(const struct scan *s) {
  return s->i < s->n ? (unsigned char)s->p[s->i] : -1;
}

static void skip_ws(struct scan *s) {
  while (s->i < s->n) {
    char c = s->p[s->i];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
      break;
    s->i++;
  }
}

/* Length of the valid UTF-8 sequence (2..4 bytes) at p[0..n), or 0. */
static size_t utf8_len(const unsigned char *p, size_t n) {
  size_t bad;
  int len = kempt__utf8_seq(p, n, &bad);
  return len > 0 ? (size_t)len : 0;
}

static int hexval(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Four hex digits at p[i..i+4) of n: the value, or -1. */
static int32_t hex4(const char *p, size_t i, size_t n) {
  int32_t v = 0;
  if (n < 4 || i > n - 4)
    return -1;
  for (size_t k = 0; k < 4; k++) {
    int h = hexval(p[i + k]);
    if (h < 0)
      return -1;
    v = v * 16 + h;
  }
  return v;
}

/* Validate the escape at s->i (a backslash) and step over it. */
static bool scan_escape(struct scan *s) {
  s->i++;
  int c = peek(s);
  if (c < 0)
    return false;
  if (c != 'u') {
    s->i++;
    return strchr("\"\\/bfnrt", c) != NULL && c != 0;
  }
  if (hex4(s->p, s->i + 1, s->n) < 0)
    return false;
  s->i += 5;
  return true;
}

static void utf8_emit(uint32_t c, char *out, size_t *len) {
  *len = kempt__utf8_put(c, out);
}

/* Compare the decoded bytes of a key with the key sought, as they come. */
struct keycmp {
  const struct scan *s;
  size_t at;
  bool same;
};

static void key_add(struct keycmp *k, const char *b, size_t n) {
  if (!k->same)
    return;
  if (k->at + n > k->s->keylen || memcmp(k->s->key + k->at, b, n) != 0)
    k->same = false;
  k->at += n;
}

static void key_escape(struct keycmp *k, const char *p, size_t at) {
  char b[4];
  size_t len;
  utf8_emit(kempt__json_unescape(p, &at), b, &len);
  key_add(k, b, len);
}

/* Validate the string at s->i (its opening quote); *match (if not NULL)
 * says whether its decoded content equals the key sought. */
/* Bytes of printable ASCII other than quote and backslash at s->i. */
static size_t plain_run(const struct scan *s) {
  const unsigned char *p = (const unsigned char *)s->p;
  size_t i = s->i;
  while (s->n - i >= 8 && kempt__json_plain8(p + i))
    i += 8;
  while (i < s->n && p[i] >= 0x20 && p[i] < 0x80 && p[i] != '"' && p[i] != '\\')
    i++;
  return i - s->i;
}

/* A string that is not a key, at s->i (its opening quote): find its end
 * and validate it, sixteen bytes at a time where they are plain ASCII; at
 * the first doubt false, with s->i where it was (the caller then takes
 * the careful way, which finds the error's place). */
static bool scan_value_string(struct scan *s) {
  const unsigned char *p = (const unsigned char *)s->p;
  size_t i = s->i + 1, start = s->i, n = s->n;
#ifdef KEMPT_JSON_SSE2
  const __m128i quote = _mm_set1_epi8('"'), bs = _mm_set1_epi8('\\'),
                ctl = _mm_set1_epi8(0x1F);
#endif
  for (;;) {
#ifdef KEMPT_JSON_SSE2
    if (n - i >= 16) {
      __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
      __m128i m = _mm_or_si128(
          _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, bs)),
          _mm_cmpeq_epi8(_mm_min_epu8(x, ctl), x));
      unsigned mask = (unsigned)_mm_movemask_epi8(_mm_or_si128(m, x));
      if (!mask) {
        i += 16;
        continue;
      }
      i += (size_t)__builtin_ctz(mask);
    }
#else
    while (n - i >= 8 && kempt__json_plain8(p + i))
      i += 8;
#endif
    if (i == n)
      break;
    unsigned char c = p[i];
    if (c >= 0x80) {
      size_t len = utf8_len(p + i, n - i);
      if (len == 0)
        break;
      i += len;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      i++;
      continue;
    }
    if (c == '"') {
      s->i = i + 1;
      return true;
    }
    if (c != '\\')
      break; /* a control */
    s->i = i;
    if (!scan_escape(s))
      break;
    i = s->i;
  }
  s->i = start;
  return false;
}

static bool scan_string(struct scan *s, bool *match) {
  if (!match && scan_value_string(s))
    return true;
  struct keycmp k = {s, 0, true};
  s->i++;
  for (;;) {
    size_t run = plain_run(s);
    if (match)
      key_add(&k, s->p + s->i, run);
    s->i += run;
    int c = peek(s);
    size_t at = s->i, len = 1;
    if (c < 0x20) /* the end of the buffer, or a raw control */
      return false;
    if (c == '"')
      break;
    if (c == '\\') {
      if (!scan_escape(s))
        return false;
      if (match)
        key_escape(&k, s->p, at);
      continue;
    }
    if (c >= 0x80)
      len = utf8_len((const unsigned char *)s->p + at, s->n - at);
    if (len == 0)
      return false;
    if (match)
      key_add(&k, s->p + at, len);
    s->i += len;
  }
  s->i++;
  if (match)
    *match = k.same && k.at == s->keylen;
  return true;
}

static size_t digits(struct scan *s) {
  size_t k = 0;
  while (peek(s) >= '0' && peek(s) <= '9') {
    s->i++;
    k++;
  }
  return k;
}

static bool scan_number(struct scan *s) {
  if (peek(s) == '-')
    s->i++;
  if (peek(s) == '0')
    s->i++;
  else if (digits(s) == 0)
    return false;
  if (peek(s) == '.') {
    s->i++;
    if (digits(s) == 0)
      return false;
  }
  if (peek(s) == 'e' || peek(s) == 'E') {
    s->i++;
    if (peek(s) == '+' || peek(s) == '-')
      s->i++;
    if (digits(s) == 0)
      return false;
  }
  return true;
}

static bool scan_literal(struct scan *s) {
  static const char *const words[] = {"true", "false", "null"};
  for (size_t k = 0; k < 3; k++) {
    size_t len = strlen(words[k]);
    if (s->n - s->i >= len && memcmp(s->p + s->i, words[k], len) == 0) {
      s->i += len;
      return true;
    }
  }
  return false;
}

static bool scan_scalar(struct scan *s) {
  int c = peek(s);
  if (c == '"')
    return scan_string(s, NULL);
  if (c == '-' || (c >= '0' && c <= '9'))
    return scan_number(s);
  return scan_literal(s);
}

enum state { VALUE, KEY, AFTER };

/* A '{' or '[' at s->i: push it; the next state, or -1 when too deep. */
static int open_container(struct scan *s) {
  char c = s->p[s->i++];
  if (s->depth == KEMPT__JSON_MAX_DEPTH)
    return -1;
  s->stack[s->depth++] = c;
  skip_ws(s);
  if (peek(s) == (c == '{' ? '}' : ']')) {
    s->i++;
    s->depth--;
    return AFTER;
  }
  return c == '{' ? KEY : VALUE;
}

static int step_value(struct scan *s) {
  bool rec = s->depth == 1 && s->key_hit;
  int c = peek(s);
  s->key_hit = false;
  if (rec) {
    s->found = true;
    s->is_string = c == '"';
    s->start = s->i;
  }
  if (c == '{' || c == '[')
    return open_container(s);
  if (!scan_scalar(s))
    return -1;
  if (rec)
    s->end = s->i;
  return AFTER;
}

static int step_key(struct scan *s) {
  bool match = false;
  if (peek(s) != '"' || !scan_string(s, s->depth == 1 ? &match : NULL))
    return -1;
  s->key_hit = match;
  skip_ws(s);
  if (peek(s) != ':')
    return -1;
  s->i++;
  return VALUE;
}

static int step_after(struct scan *s) {
  char top = s->stack[s->depth - 1];
  int c = peek(s);
  if (c == ',') {
    s->i++;
    return top == '{' ? KEY : VALUE;
  }
  if (c != (top == '{' ? '}' : ']'))
    return -1;
  s->i++;
  s->depth--;
  return AFTER;
}

/* Run the state machine over the whole text; false at the first error. */
static bool run(struct scan *s) {
  int st = VALUE;
  for (;;) {
    skip_ws(s);
    if (st == AFTER && s->depth == 0)
      return s->i == s->n;
    if (st == VALUE)
      st = step_value(s);
    else if (st == KEY)
      st = step_key(s);
    else
      st = step_after(s);
    if (st < 0)
      return false;
  }
}

enum kempt_json_result kempt__json_scan(const char *p, size_t n,
                                        const char *key, size_t keylen,
                                        struct kempt_json_span *span) {
  static const struct scan zero;
  struct scan s = zero;
  s.p = p;
  s.n = n;
  s.key = key;
  s.keylen = keylen;
  skip_ws(&s);
  bool object = peek(&s) == '{';
  span->start = span->end = span->err = 0;
  if (!run(&s)) {
    span->err = s.i;
    return KEMPT_JSON_INVALID;
  }
  if (!object)
    return KEMPT_JSON_NOT_OBJECT;
  if (!s.found)
    return KEMPT_JSON_MISSING;
  if (!s.is_string)
    return KEMPT_JSON_NOT_STRING;
  span->start = s.start;
  span->end = s.end;
  return KEMPT_JSON_FOUND;
}

static uint32_t simple_escape(char c) {
  switch (c) {
  case 'b':
    return '\b';
  case 'f':
    return '\f';
  case 'n':
    return '\n';
  case 'r':
    return '\r';
  case 't':
    return '\t';
  default:
    return (unsigned char)c; /* " \ / */
  }
}

uint32_t kempt__json_unescape(const char *p, size_t *i) {
  size_t at = *i + 1;
  if (p[at] != 'u') {
    *i = at + 1;
    return simple_escape(p[at]);
  }
  uint32_t c = (uint32_t)hex4(p, at + 1, at + 5);
  *i = at + 5;
  if (c >= 0xDC00 && c <= 0xDFFF)
    return 0xFFFD;
  if (c < 0xD800 || c > 0xDBFF)
    return c;
  if (p[*i] != '\\' || p[*i + 1] != 'u')
    return 0xFFFD;
  int32_t lo = hex4(p, *i + 2, *i + 6);
  if (lo < 0xDC00 || lo > 0xDFFF)
    return 0xFFFD;
  *i += 6;
  return 0x10000 + ((c - 0xD800) << 10) + ((uint32_t)lo - 0xDC00);
}

