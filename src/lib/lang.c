/* lang.c - language evidence from function words.
 *
 * Words are runs of letters and marks; each is lower-cased (utf8proc) and
 * looked up by binary search in one sorted table of function words with a
 * bit mask of the languages they belong to (generated from
 * src/data/stopwords.txt by tools/gen_stopwords.py).
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "lang.h"

#include <string.h>
#include <utf8proc.h>

#include "stopwords_table.h"

#define MAX_STOPWORD 24 /* longer words are never function words */

const char *kempt__lang_code(enum kempt_lang l) {
  if (l <= KEMPT_LANG_NONE || l >= KEMPT_LANG_COUNT)
    return "";
  return stop_lang_codes[l - 1];
}

static bool is_word_char(utf8proc_int32_t cp) {
  utf8proc_category_t c = utf8proc_category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME;
}

size_t kempt__next_cp(const char *p, size_t n, int32_t *cp) {
  unsigned char c = (unsigned char)p[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)p,
                                        (utf8proc_ssize_t)n, cp);
  if (k <= 0) {
    *cp = -1;
    return 1;
  }
  return (size_t)k;
}

static inline bool ascii_letter(unsigned char c) {
  return (unsigned char)((c | 0x20) - 'a') < 26;
}

bool kempt__next_word(const char *p, size_t n, size_t *start, size_t *len) {
  size_t i = 0;
  utf8proc_int32_t cp;
  while (i < n) { /* skip to a letter */
    unsigned char c = (unsigned char)p[i];
    if (ascii_letter(c))
      break;
    if (c < 0x80) {
      i++;
      continue;
    }
    size_t k = kempt__next_cp(p + i, n - i, &cp);
    if (cp >= 0 && is_word_char(cp))
      break;
    i += k;
  }
  if (i == n)
    return false;
  size_t j = i;
  while (j < n) {
    unsigned char c = (unsigned char)p[j];
    if (ascii_letter(c)) {
      j++;
      continue;
    }
    if (c < 0x80)
      break;
    size_t k = kempt__next_cp(p + j, n - j, &cp);
    if (cp < 0 || !is_word_char(cp))
      break;
    j += k;
  }
  *start = i;
  *len = j - i;
  return true;
}

/* Lower-case w into buf (at most cap bytes); returns the length, or 0 when
 * it does not fit. */
static size_t lower(const char *w, size_t n, char *buf, size_t cap) {
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    utf8proc_int32_t cp;
    unsigned char c = (unsigned char)w[i];
    if (c < 0x80) {
      if (o + 1 > cap)
        return 0;
      buf[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
      i++;
      continue;
    }
    i += kempt__next_cp(w + i, n - i, &cp);
    if (cp < 0 || o + 4 > cap)
      return 0;
    o += (size_t)utf8proc_encode_char(utf8proc_tolower(cp),
                                      (utf8proc_uint8_t *)buf + o);
  }
  return o;
}

/* Byte order of key[0..n) against the NUL-terminated word, in one pass
 * (a strlen and a memcmp per probe were a third of the pipeline's time). */
static int cmp_key(const char *key, size_t n, const char *word) {
  for (size_t i = 0; i < n; i++) {
    unsigned char a = (unsigned char)key[i], b = (unsigned char)word[i];
    if (a != b)
      return b == 0 || a > b ? 1 : -1;
  }
  return word[n] ? -1 : 0;
}

uint32_t kempt__stopword_langs(const char *w, size_t n) {
  char buf[MAX_STOPWORD * 2];
  if (n == 0 || n > MAX_STOPWORD)
    return 0;
  size_t k = lower(w, n, buf, sizeof buf);
  if (k == 0)
    return 0;
  size_t lo = 0, hi = sizeof stopwords / sizeof stopwords[0];
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int r = cmp_key(buf, k, stopwords[mid].word);
    if (r == 0)
      return stopwords[mid].langs;
    if (r < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return 0;
}

void kempt__lang_add(struct kempt_lang_count *c, const char *text, size_t n) {
  size_t pos = 0, start, len;
  while (pos < n && kempt__next_word(text + pos, n - pos, &start, &len)) {
    uint32_t m = kempt__stopword_langs(text + pos + start, len);
    c->words++;
    if (m)
      c->stop++;
    for (int l = 1; m; l++, m >>= 1)
      if (m & 1u)
        c->hits[l]++;
    pos += start + len;
  }
}

enum kempt_lang kempt__lang_best(const struct kempt_lang_count *c) {
  int best = 0;
  uint32_t top = 0, second = 0;
  for (int l = 1; l < KEMPT_LANG_COUNT; l++) {
    if (c->hits[l] > top) {
      second = top;
      top = c->hits[l];
      best = l;
    } else if (c->hits[l] > second) {
      second = c->hits[l];
    }
  }
  if (top < 3 || 3 * top < 4 * second)
    return KEMPT_LANG_NONE;
  return (enum kempt_lang)best;
}

enum kempt_lang kempt__lang_guess(const char *text, size_t n) {
  struct kempt_lang_count c;
  memset(&c, 0, sizeof c);
  kempt__lang_add(&c, text, n);
  return kempt__lang_best(&c);
}
