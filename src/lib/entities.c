/* entities.c - HTML character references left in text.
 *
 * Named references use the full HTML5 table (entities_table.h, generated
 * by tools/gen_entities.py). A name must end with ";", except the legacy
 * names HTML accepts without it, and those only when the next character is
 * not a letter, digit or "=" (HTML's rule for attribute values, which
 * keeps "&copy=1" in a URL). Numeric references follow HTML5: 0x80..0x9F
 * are read as Windows-1252, 0, surrogates and values past U+10FFFF give
 * U+FFFD, other controls are dropped (an empty value).
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "repair_internal.h"

#include "entities_table.h"

static const uint16_t cp1252_c1[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

static bool is_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static int hexval(unsigned char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  c |= 0x20;
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Index of name[0..len) in the table, or -1. */
static long lookup(const char *name, size_t len) {
  size_t lo = 0, hi = KEMPT__ENTITY_COUNT;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const char *e = entities[mid].name;
    int c = strncmp(e, name, len);
    if (c == 0 && e[len] != '\0')
      c = 1;
    if (c == 0)
      return (long)mid;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return -1;
}

static bool markup_char(const char *v) {
  return v[1] == '\0' && strchr("&<>\"'", v[0]) != NULL;
}

static size_t named(const char *p, size_t n, bool markup, char *out,
                    size_t *olen) {
  size_t k = 1;
  while (k < n && k <= KEMPT__ENTITY_MAXLEN && is_alnum((unsigned char)p[k]))
    k++;
  if (k == 1 || k > KEMPT__ENTITY_MAXLEN)
    return 0;
  bool semi = k < n && p[k] == ';';
  long i = lookup(p + 1, semi ? k : k - 1);
  if (i < 0 && semi)
    return 0;
  if (i < 0 || (!semi && k < n && p[k] == '='))
    return 0;
  const char *v = entities[i].value;
  if (markup && markup_char(v))
    return 0;
  *olen = strlen(v);
  memcpy(out, v, *olen);
  return semi ? k + 1 : k;
}

static uint32_t numeric_value(uint32_t v) {
  if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
    return 0xFFFD;
  if (v >= 0x80 && v <= 0x9F)
    return cp1252_c1[v - 0x80];
  return v;
}

static size_t numeric(const char *p, size_t n, bool markup, char *out,
                      size_t *olen) {
  size_t k = 2;
  bool hex = k < n && (p[k] == 'x' || p[k] == 'X');
  uint32_t v = 0;
  k += hex;
  size_t start = k;
  for (; k < n; k++) {
    int d = hex ? hexval((unsigned char)p[k])
                : (p[k] >= '0' && p[k] <= '9' ? p[k] - '0' : -1);
    if (d < 0)
      break;
    v = v > 0x10FFFF ? v : v * (hex ? 16u : 10u) + (uint32_t)d;
  }
  if (k == start || k - start > 16)
    return 0;
  uint32_t cp = numeric_value(v);
  if (markup &&
      (cp == '&' || cp == '<' || cp == '>' || cp == '"' || cp == '\''))
    return 0;
  bool control =
      (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp < 0xA0);
  *olen = control ? 0 : kempt__utf8_put(cp, out);
  return k < n && p[k] == ';' ? k + 1 : k;
}

size_t kempt__entity(const char *p, size_t n, bool markup, char *out,
                     size_t *olen) {
  if (n < 3 || p[0] != '&')
    return 0;
  if (p[1] == '#')
    return numeric(p, n, markup, out, olen);
  return named(p, n, markup, out, olen);
}
