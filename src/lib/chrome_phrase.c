/* chrome_phrase.c - the chrome stage's line tokenizer and phrase rules.
 *
 * A line is cut into words (runs of letters, marks and digits; a run of
 * digits alone is one "number" word, written '#' in rules); each word is
 * lower-cased and hashed, and a word sequence hashes to one 64-bit key.
 * Rules (src/data/chrome/LANG.rules, compiled in by
 * tools/gen_chrome_rules.py, plus --rules files) sit in one open-addressing
 * table keyed by their word sequence and kind, so matching a line costs a
 * few look-ups, whatever the number of rules.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chrome_int.h"
#include "lang.h"

#include <utf8proc.h>

#define FNV_OFFSET 0xcbf29ce484222325ull
#define FNV_PRIME 0x100000001b3ull
#define MAX_PATTERN 256

struct chrome_rule_src {
  const char *kind, *lang, *pattern, *name;
};
#include "chrome_rules.h"

static uint64_t fnv_byte(uint64_t h, unsigned char c) {
  return (h ^ c) * FNV_PRIME;
}

static uint64_t fnv_cp(uint64_t h, utf8proc_int32_t cp) {
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t k = utf8proc_encode_char(cp, buf);
  for (utf8proc_ssize_t i = 0; i < k; i++)
    h = fnv_byte(h, buf[i]);
  return h;
}

/* Kind of character: 0 other, 1 letter or mark, 2 digit, 3 the (c) sign. */
static int char_kind(utf8proc_int32_t cp) {
  if (cp < 0x80) {
    if ((unsigned)((cp | 0x20) - 'a') < 26)
      return 1;
    return (unsigned)(cp - '0') < 10 ? 2 : 0;
  }
  if (cp == 0xA9)
    return 3;
  utf8proc_category_t c = utf8proc_category(cp);
  if (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME)
    return 1;
  return c == UTF8PROC_CATEGORY_ND ? 2 : 0;
}

static bool is_upper(utf8proc_int32_t cp) {
  if (cp < 0x80)
    return (unsigned)(cp - 'A') < 26;
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static inline bool ascii_alnum(unsigned char c) {
  return (unsigned)((c | 0x20) - 'a') < 26 || (unsigned)(c - '0') < 10;
}

/* Read the word starting at p[i] (a word character): fills *t. */
static size_t read_word(const char *p, size_t n, size_t i,
                        struct chrome_tok *t) {
  uint64_t h = FNV_OFFSET;
  bool alpha = false;
  size_t j = i;
  unsigned char c0 = (unsigned char)p[i];
  t->upper = (unsigned)(c0 - 'A') < 26;
  while (j < n) {
    unsigned char c = (unsigned char)p[j];
    if (c < 0x80) { /* the common case, without utf8proc */
      if (!ascii_alnum(c))
        break;
      bool letter = c >= 'A';
      alpha = alpha || letter;
      h = fnv_byte(h, letter ? (unsigned char)(c | 0x20) : c);
      j++;
      continue;
    }
    utf8proc_int32_t cp;
    size_t k = kempt__next_cp(p + j, n - j, &cp);
    int kind = cp < 0 ? 0 : char_kind(cp);
    if (kind == 0 || kind == 3)
      break;
    if (j == i)
      t->upper = is_upper(cp);
    alpha = alpha || kind == 1;
    h = fnv_cp(h, utf8proc_tolower(cp));
    j += k;
  }
  t->h = alpha ? h : fnv_byte(FNV_OFFSET, '0');
  t->alpha = alpha;
  t->start = (uint32_t)i;
  t->end = (uint32_t)j;
  return j;
}

size_t kempt__chrome_next_tok(const char *p, size_t n, size_t i,
                              struct chrome_tok *t) {
  while (i < n) {
    unsigned char c = (unsigned char)p[i];
    if (c < 0x80) {
      if (ascii_alnum(c))
        return read_word(p, n, i, t);
      i++;
      continue;
    }
    utf8proc_int32_t cp;
    size_t k = kempt__next_cp(p + i, n - i, &cp);
    int kind = cp < 0 ? 0 : char_kind(cp);
    if (kind == 1 || kind == 2)
      return read_word(p, n, i, t);
    if (kind == 3) {
      t->h = fnv_cp(FNV_OFFSET, cp);
      t->alpha = t->upper = false;
      t->start = (uint32_t)i;
      t->end = (uint32_t)(i + k);
      return i + k;
    }
    i += k;
  }
  return SIZE_MAX;
}

size_t kempt__chrome_tokens(const char *p, size_t n, struct chrome_tok *t,
                            size_t max, size_t *total) {
  size_t i = 0, count = 0;
  struct chrome_tok tmp;
  while (count <= max) {
    i = kempt__chrome_next_tok(p, n, i, count < max ? &t[count] : &tmp);
    if (i == SIZE_MAX)
      break;
    count++;
  }
  *total = count;
  return count < max ? count : max;
}

uint64_t kempt__chrome_seq(const struct chrome_tok *t, size_t n) {
  uint64_t h = 0x9e3779b97f4a7c15ull;
  for (size_t i = 0; i < n; i++) {
    h = (h << 7 | h >> 57) ^ t[i].h;
    h *= FNV_PRIME;
  }
  return h;
}

static uint64_t kind_key(uint64_t key, int kind) {
  return key ^ ((uint64_t)kind * 0xff51afd7ed558ccdull);
}

static enum kempt_status grow(struct chrome_rules *r) {
  size_t size = r->slots ? (r->mask + 1) * 2 : 4096;
  struct chrome_rule *s = kempt__calloc(r->alloc, size * sizeof *s);
  if (!s)
    return KEMPT_ERR_NOMEM;
  for (size_t i = 0; r->slots && i <= r->mask; i++) {
    if (!r->slots[i].kind)
      continue;
    size_t j = (size_t)r->slots[i].key & (size - 1);
    while (s[j].kind)
      j = (j + 1) & (size - 1);
    s[j] = r->slots[i];
  }
  kempt__free(r->alloc, r->slots);
  r->slots = s;
  r->mask = size - 1;
  return KEMPT_OK;
}

static enum kempt_status insert(struct chrome_rules *r,
                                const struct chrome_rule *rule) {
  if (!r->slots || 2 * (r->count + 1) > r->mask + 1) {
    enum kempt_status st = grow(r);
    if (st != KEMPT_OK)
      return st;
  }
  size_t j = (size_t)rule->key & r->mask;
  while (r->slots[j].kind) {
    const struct chrome_rule *o = &r->slots[j];
    if (o->key == rule->key && o->kind == rule->kind && o->lang == rule->lang)
      return KEMPT_OK; /* the same rule twice */
    j = (j + 1) & r->mask;
  }
  r->slots[j] = *rule;
  r->count++;
  return KEMPT_OK;
}

static int kind_of(const char *s, size_t n) {
  static const char *const names[] = {"line", "prefix", "",     "has",
                                      "list", "cut",    "byline", "date",
                                      "says", "soft",   "bio",    "copula"};
  for (int k = 0; k < (int)(sizeof names / sizeof names[0]); k++)
    if (strlen(names[k]) == n && n && memcmp(names[k], s, n) == 0)
      return k + 1;
  return CK_NONE;
}

/* Add one rule: kind name, pattern (words; '#' is a number). */
static enum kempt_status add_rule(struct chrome_rules *r, int kind,
                                  uint8_t lang, const char *pat, size_t n,
                                  const char *name) {
  char buf[MAX_PATTERN];
  struct chrome_tok t[CHROME_MAXTOK];
  size_t total;
  while (n && kempt__is_space((unsigned char)pat[n - 1]))
    n--;
  if (n == 0 || n >= sizeof buf)
    return KEMPT_OK;
  for (size_t i = 0; i < n; i++)
    buf[i] = pat[i] == '#' ? '0' : pat[i];
  if (kind == CK_PREFIX && buf[n - 1] == ':')
    kind = CK_PREFIXSEP;
  size_t nt = kempt__chrome_tokens(buf, n, t, CHROME_MAXTOK, &total);
  if (nt == 0 || nt != total)
    return KEMPT_OK;
  struct chrome_rule rule = {kind_key(kempt__chrome_seq(t, nt), kind), name,
                             (uint8_t)kind, lang, (uint8_t)nt, 0};
  unsigned bit = (unsigned)(t[0].h >> 51) & (CHROME_FIRST_BITS - 1);
  r->first[kind][bit / 64] |= 1ull << (bit % 64);
  return insert(r, &rule);
}

static uint8_t lang_index(const char *code) {
  for (int l = 1; l < KEMPT_LANG_COUNT; l++)
    if (strcmp(kempt__lang_code((enum kempt_lang)l), code) == 0)
      return (uint8_t)l;
  return 0;
}

enum kempt_status kempt__chrome_rules_init(struct chrome_rules *r,
                                          const struct kempt_allocator *a) {
  memset(r, 0, sizeof *r);
  r->alloc = a;
  size_t n = sizeof chrome_rules_src / sizeof chrome_rules_src[0];
  for (size_t i = 0; i < n; i++) {
    const struct chrome_rule_src *s = &chrome_rules_src[i];
    int kind = kind_of(s->kind, strlen(s->kind));
    enum kempt_status st = add_rule(r, kind, lang_index(s->lang), s->pattern,
                                    strlen(s->pattern), s->name);
    if (st != KEMPT_OK)
      return st;
  }
  return KEMPT_OK;
}

static const char *const file_names[CK_COUNT] = {
    "",
    "line (rules file)",
    "prefix (rules file)",
    "prefix (rules file)",
    "has (rules file)",
    "list (rules file)",
    "cut (rules file)",
    "byline (rules file)",
    "date (rules file)",
    "says (rules file)",
    "soft (rules file)",
    "bio (rules file)",
    "copula (rules file)"};

/* One "KIND PATTERN" line of a rules file; other lines are ignored. */
static enum kempt_status parse_line(struct chrome_rules *r, const char *p,
                                    size_t n) {
  size_t i = 0;
  while (i < n && kempt__is_space((unsigned char)p[i]))
    i++;
  if (i == n || p[i] == '#')
    return KEMPT_OK;
  size_t k = i;
  while (k < n && !kempt__is_space((unsigned char)p[k]))
    k++;
  int kind = kind_of(p + i, k - i);
  if (kind == CK_NONE)
    return KEMPT_OK;
  return add_rule(r, kind, 0, p + k, n - k, file_names[kind]);
}

enum kempt_status kempt__chrome_rules_parse(struct chrome_rules *r,
                                           const char *text, size_t n) {
  while (n) {
    const char *nl = memchr(text, '\n', n);
    size_t len = nl ? (size_t)(nl - text) : n;
    enum kempt_status st = parse_line(r, text, len);
    if (st != KEMPT_OK)
      return st;
    size_t step = nl ? len + 1 : len;
    text += step;
    n -= step;
  }
  return KEMPT_OK;
}

const struct chrome_rule *kempt__chrome_rules_find(
    const struct chrome_rules *r, uint64_t key, int k, uint32_t langs) {
  if (!r->slots)
    return NULL;
  key = kind_key(key, k);
  size_t j = (size_t)key & r->mask;
  while (r->slots[j].kind) {
    const struct chrome_rule *o = &r->slots[j];
    if (o->key == key && o->kind == k && (langs >> o->lang & 1u))
      return o;
    j = (j + 1) & r->mask;
  }
  return NULL;
}

void kempt__chrome_rules_free(struct chrome_rules *r) {
  kempt__free(r->alloc, r->slots);
  r->slots = NULL;
}
