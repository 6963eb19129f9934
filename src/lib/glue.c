/* glue.c - the glue stage: split words that a dropped inline element glued
 * together ("Blinkenstressed" -> "Blinken stressed", "summitThe" ->
 * "summit The"), and nothing else.
 *
 * A document stage: blocks are held (up to a cap) while the document's own
 * vocabulary is counted - each word's occurrences, its capitalised
 * occurrences inside a sentence (names), the words seen hyphenated. At the
 * end of the document (or when the cap is reached, with the vocabulary seen
 * so far) every candidate token is weighed and the blocks are emitted.
 *
 * A candidate is a token of 4 to 40 ASCII letters, in an English stretch
 * of text (function-word counts of the block and its neighbours), on a line
 * that does not look like code, that is not a known word (the embedded
 * SCOWL list or --words, any casing), not all capitals, with at most one
 * inner capital, not seen whole or hyphenated elsewhere in the document.
 * Each split position is scored by the evidence for both parts (function
 * word, commonness, standalone and capitalised occurrences in the
 * document), a case change at the position, and the spaced pair seen
 * elsewhere in the document; it is split once, at the best position, only
 * when that evidence is strong and no other position comes close.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "internal.h"
#include "kempt_glue.h"
#include "lang.h"
#include "wordlist.h"

#define GLUE_TEXT_CAP (4u << 20)     /* buffered block text per window */
#define GLUE_BLOCKS_CAP (1u << 18)   /* buffered blocks per window */
#define VOCAB_WORDS_CAP (1u << 20)   /* distinct words per document */
#define VOCAB_POOL_CAP (16u << 20)   /* their bytes */
#define USER_POOL_CAP (32u << 20)    /* bytes of --words lists */
#define PAIRS_CAP (1u << 14)         /* candidate pairs weighed per window */
#define MIN_TOKEN 4
#define MAX_TOKEN 40

/* ---- a hash table of lower-case words ----------------------------------- */

enum { W_HYPHEN = 1, W_LOOKED = 2, W_PROPER = 4, W_PAIRL = 8 };

struct word {
  uint32_t off, hash; /* key in the pool; hash 0 = empty slot */
  uint16_t len;
  uint8_t flags;
  uint8_t level;      /* wordlist level when W_LOOKED, 0 = unknown */
  uint32_t count;     /* standalone occurrences */
  uint32_t capmid;    /* capitalised, not at a sentence start */
};

struct vocab {
  struct word *slots;
  size_t size, used, max; /* size a power of 2 (0 before first use) */
  struct kempt_buf pool;
  const struct kempt_allocator *alloc;
};

static uint32_t hash_bytes(const char *p, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)p[i];
    h *= 16777619u;
  }
  return h ? h : 1;
}

static void vocab_init(struct vocab *v, const struct kempt_allocator *a,
                       size_t max, size_t pool_cap) {
  memset(v, 0, sizeof *v);
  v->alloc = a;
  v->max = max;
  kempt__buf_init(&v->pool, a, pool_cap);
}

static void vocab_clear(struct vocab *v) {
  if (v->slots)
    memset(v->slots, 0, v->size * sizeof *v->slots);
  v->used = 0;
  kempt__buf_clear(&v->pool);
}

static void vocab_free(struct vocab *v) {
  kempt__free(v->alloc, v->slots);
  kempt__buf_free(&v->pool);
  v->slots = NULL;
  v->size = v->used = 0;
}

static struct word *vocab_find(const struct vocab *v, const char *k, size_t n,
                               uint32_t h) {
  if (!v->size)
    return NULL;
  size_t mask = v->size - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    struct word *w = &v->slots[i];
    if (w->hash == 0)
      return w;
    if (w->hash == h && w->len == n && memcmp(v->pool.data + w->off, k, n) == 0)
      return w;
  }
}

static enum kempt_status vocab_grow(struct vocab *v) {
  size_t nsize = v->size ? v->size * 2 : 1024;
  struct word *ns = kempt__calloc(v->alloc, nsize * sizeof *ns);
  if (!ns)
    return KEMPT_ERR_NOMEM;
  struct word *old = v->slots;
  size_t osize = v->size;
  v->slots = ns;
  v->size = nsize;
  for (size_t i = 0; i < osize; i++)
    if (old[i].hash) {
      const char *k = v->pool.data + old[i].off;
      *vocab_find(v, k, old[i].len, old[i].hash) = old[i];
    }
  kempt__free(v->alloc, old);
  return KEMPT_OK;
}

/* The entry of lower-case key k[0..n), added when missing. *w is NULL when
 * the table is full (not an error: the word is then not counted). */
static enum kempt_status vocab_add(struct vocab *v, const char *k, size_t n,
                                   struct word **w) {
  uint32_t h = hash_bytes(k, n);
  *w = vocab_find(v, k, n, h);
  if (*w && (*w)->hash)
    return KEMPT_OK;
  *w = NULL;
  if (v->used >= v->max)
    return KEMPT_OK;
  if (2 * (v->used + 1) > v->size) {
    enum kempt_status s = vocab_grow(v);
    if (s != KEMPT_OK)
      return s;
  }
  size_t off = v->pool.len;
  enum kempt_status s = kempt__buf_add(&v->pool, k, n);
  if (s == KEMPT_ERR_LIMIT)
    return KEMPT_OK;
  if (s != KEMPT_OK)
    return s;
  *w = vocab_find(v, k, n, h);
  memset(*w, 0, sizeof **w);
  (*w)->off = (uint32_t)off;
  (*w)->len = (uint16_t)n;
  (*w)->hash = h;
  v->used++;
  return KEMPT_OK;
}

static struct word *vocab_get(const struct vocab *v, const char *k, size_t n) {
  struct word *w = vocab_find(v, k, n, hash_bytes(k, n));
  return w && w->hash ? w : NULL;
}

/* ---- the stage's state ---------------------------------------------------- */

struct held {
  size_t start, len; /* text in the window buffer */
  uint32_t flags, nlines;
  uint64_t offset, index;
  const char *rule;
  struct kempt_lang_count lang;
  bool weigh; /* English: its tokens are weighed */
};

struct glue {
  const struct kempt_env *env;
  struct kempt_buf text;  /* the held blocks' text */
  struct held *blocks;
  size_t nblocks, capblocks;
  struct vocab doc;       /* this document's words */
  struct vocab user;      /* --words */
  struct vocab pairs;     /* "left right" pairs of candidate splits */
  struct kempt_lang_count doc_lang;
  struct kempt_buf out;   /* a rewritten block */
  bool warned;
};

static const struct kempt_option glue_options[] = {
    {"words", 0, KEMPT_OPT_FILE, "glue", "FILE", NULL,
     "add the words of FILE (one per line; other languages, domain terms) "
     "to the known words, which are never split and may be parts of a "
     "split (repeatable)"},
    {NULL, 0, 0, NULL, NULL, NULL, NULL}};

/* ---- characters and tokens ------------------------------------------------ */

static inline bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static inline bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static inline bool is_alpha(unsigned char c) {
  return is_upper(c) || is_lower(c);
}
static inline bool is_ws(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

/* Length of a punctuation mark at p[0..n) that may open or close a word:
 * ASCII punctuation, curly quotes, dashes, ellipsis, guillemets. 0 if none. */
static size_t punct_len(const char *p, size_t n) {
  unsigned char c = (unsigned char)p[0];
  if (c < 0x80)
    return strchr("\"'()[]{}<>.,;:!?*", c) && c ? 1 : 0;
  unsigned char c1 = n > 1 ? (unsigned char)p[1] : 0;
  unsigned char c2 = n > 2 ? (unsigned char)p[2] : 0;
  if (c == 0xC2 && (c1 == 0xAB || c1 == 0xBB || c1 == 0xBF || c1 == 0xA1))
    return 2;
  if (c == 0xE2 && c1 == 0x80 &&
      ((c2 >= 0x93 && c2 <= 0x9F) || c2 == 0xA6 || c2 == 0xB9 || c2 == 0xBA))
    return 3;
  return 0;
}

/* Length of a punctuation mark that ends at p + n (n bytes before). */
static size_t punct_len_end(const char *p, size_t n) {
  for (size_t k = 1; k <= 3 && k <= n; k++)
    if (((unsigned char)p[n - k] & 0xC0) != 0x80) {
      size_t m = punct_len(p + n - k, k);
      return m == k ? k : 0;
    }
  return 0;
}

struct token {
  const char *raw;  /* the white-space delimited token */
  size_t rlen;
  size_t core, clen; /* the word inside, offsets from raw */
};

static void token_core(struct token *t) {
  size_t a = 0, b = t->rlen, k;
  while (a < b && (k = punct_len(t->raw + a, b - a)) > 0)
    a += k;
  while (b > a && (k = punct_len_end(t->raw + a, b - a)) > 0)
    b -= k;
  t->core = a;
  t->clen = b - a;
}

/* The next token of line p[0..n) from *pos; false at the end. */
static bool next_token(const char *p, size_t n, size_t *pos, struct token *t) {
  size_t i = *pos;
  while (i < n && is_ws((unsigned char)p[i]))
    i++;
  if (i == n)
    return false;
  size_t j = i;
  while (j < n && !is_ws((unsigned char)p[j]))
    j++;
  t->raw = p + i;
  t->rlen = j - i;
  token_core(t);
  *pos = j;
  return true;
}

/* Whether the token ends a sentence: . ! ? or : before closing marks. */
static bool ends_sentence(const struct token *t) {
  size_t n = t->rlen;
  while (n) {
    unsigned char c = (unsigned char)t->raw[n - 1];
    if (c == '.' || c == '!' || c == '?' || c == ':')
      return true;
    size_t k = punct_len_end(t->raw, n);
    if (!k || c == ',' || c == ';')
      return false;
    n -= k;
  }
  return false;
}

static bool all_alpha(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!is_alpha((unsigned char)p[i]))
      return false;
  return n > 0;
}

static bool capitalised(const char *p, size_t n) {
  if (!n || !is_upper((unsigned char)p[0]))
    return false;
  for (size_t i = 1; i < n; i++)
    if (!is_lower((unsigned char)p[i]))
      return false;
  return true;
}

static size_t lower_ascii(const char *p, size_t n, char *buf) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    buf[i] = (char)(is_upper(c) ? c + 32 : c);
  }
  return n;
}

/* A line that looks like code, markup or a command: its tokens are left
 * alone. */
static bool code_line(const char *p, size_t n) {
  static const char *const marks[] = {"{", "}", "()", "=", "->", "::", "</",
                                      "/>", "&&", "||", "\\", "$ "};
  for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++) {
    size_t k = strlen(marks[m]);
    for (size_t i = 0; i + k <= n; i++)
      if (memcmp(p + i, marks[m], k) == 0)
        return true;
  }
  while (n && is_ws((unsigned char)p[n - 1]))
    n--;
  return n && p[n - 1] == ';';
}

/* ---- the document's vocabulary ------------------------------------------- */

/* Count one word (ASCII letters) seen on its own; mid: not at a sentence
 * start. */
static enum kempt_status count_word(struct glue *g, const char *p, size_t n,
                                    bool mid, uint8_t flags) {
  char key[MAX_TOKEN * 2];
  if (n == 0 || n > sizeof key)
    return KEMPT_OK;
  lower_ascii(p, n, key);
  struct word *w;
  enum kempt_status s = vocab_add(&g->doc, key, n, &w);
  if (s != KEMPT_OK || !w)
    return s;
  w->flags |= flags;
  if (flags & W_HYPHEN)
    return KEMPT_OK;
  w->count++;
  if (mid && capitalised(p, n))
    w->capmid++;
  return KEMPT_OK;
}

/* A core with inner hyphens, underscores or apostrophes: count its parts,
 * and its letters run together as seen hyphenated. */
static enum kempt_status count_compound(struct glue *g, const char *p,
                                        size_t n, bool mid) {
  char joined[MAX_TOKEN * 2];
  size_t jn = 0, i = 0;
  bool apostrophe = false;
  enum kempt_status s = KEMPT_OK;
  while (i < n && s == KEMPT_OK) {
    size_t j = i;
    while (j < n && is_alpha((unsigned char)p[j]))
      j++;
    if (j == i)
      return KEMPT_OK; /* digits, other scripts: not a word of ours */
    if (!apostrophe)
      s = count_word(g, p + i, j - i, mid || i > 0, 0);
    if (jn + (j - i) <= sizeof joined)
      memcpy(joined + jn, p + i, j - i);
    jn += j - i;
    if (j == n)
      break;
    size_t k = p[j] == '-' || p[j] == '_' || p[j] == '\'' ? 1 : 0;
    if (!k && n - j >= 3 && memcmp(p + j, "\xE2\x80\x99", 3) == 0)
      k = 3;
    if (!k)
      return s;
    apostrophe = p[j] != '-' && p[j] != '_';
    i = j + k;
  }
  if (s == KEMPT_OK && jn <= sizeof joined && !apostrophe)
    s = count_word(g, joined, jn, mid, W_HYPHEN);
  return s;
}

static enum kempt_status count_token(struct glue *g, const struct token *t,
                                     bool mid) {
  const char *p = t->raw + t->core;
  if (t->clen == 0 || t->clen > MAX_TOKEN)
    return KEMPT_OK;
  if (all_alpha(p, t->clen))
    return count_word(g, p, t->clen, mid, 0);
  return count_compound(g, p, t->clen, mid);
}

static enum kempt_status count_block(struct glue *g, const char *p, size_t n) {
  size_t pos = 0;
  struct token t;
  bool mid = false;
  while (next_token(p, n, &pos, &t)) {
    enum kempt_status s = count_token(g, &t, mid);
    if (s != KEMPT_OK)
      return s;
    mid = !ends_sentence(&t);
  }
  return KEMPT_OK;
}

/* ---- evidence --------------------------------------------------------------- */

struct evidence {
  int score;
  bool ok;   /* a word: known, function word or seen alone */
  bool stop; /* an English function word */
  bool name; /* capitalised here and a name by the list or the document */
};

/* Wordlist level of a vocabulary entry, looked up once. */
static int entry_level(struct word *w, const char *key, bool *proper) {
  if (!(w->flags & W_LOOKED)) {
    bool pr;
    w->level = (uint8_t)kempt__wordlist_lookup(key, w->len, &pr);
    w->flags |= (uint8_t)(W_LOOKED | (pr ? W_PROPER : 0));
  }
  *proper = (w->flags & W_PROPER) != 0;
  return w->level;
}

static int level_score(int level) {
  if (level == 0)
    return 0;
  return level <= 35 ? 6 : level <= 50 ? 5 : level <= 70 ? 4 : 2;
}

static struct evidence part_evidence(struct glue *g, const char *p, size_t n) {
  struct evidence e = {0, false, false, false};
  char key[MAX_TOKEN];
  lower_ascii(p, n, key);
  struct word *w = vocab_get(&g->doc, key, n);
  bool proper = false;
  int level = w ? entry_level(w, key, &proper)
                : kempt__wordlist_lookup(key, n, &proper);
  bool user = vocab_get(&g->user, key, n) != NULL;
  bool cap = is_upper((unsigned char)p[0]);
  uint32_t count = w ? w->count : 0, capmid = w ? w->capmid : 0;
  e.stop = (kempt__stopword_langs(p, n) & (1u << (KEMPT_LANG_EN - 1))) != 0;
  e.score = e.stop ? 6 : level ? level_score(level) : user ? 4 : 0;
  if (proper && !cap && e.score > 2)
    e.score = 2;
  e.ok = e.stop || level || user || count;
  if ((n < 3 && !e.stop) || n < 2)
    e.ok = false;
  if (n == 3 && !e.stop && !(level && level <= 50) && !count)
    e.ok = false;
  e.name = cap && (capmid > 0 || (proper && level));
  e.score += (count ? 2 : 0) + (e.name ? 4 : 0);
  return e;
}

/* ---- candidates and splits ------------------------------------------------- */

/* Whether the raw token may hold a glued pair at all: its core is 4 to 40
 * ASCII letters, not all capitals, at most one inner capital, and the
 * token carries no sign of an address, handle, tag or identifier. */
static bool candidate_shape(const struct token *t, size_t *inner) {
  const char *p = t->raw + t->core;
  size_t n = t->clen, uppers = 0;
  if (n < MIN_TOKEN || n > MAX_TOKEN || !all_alpha(p, n))
    return false;
  for (size_t i = 0; i < t->rlen; i++)
    if (strchr("@/\\#_=|~^+&%$", t->raw[i]) && t->raw[i])
      return false;
  *inner = 0;
  for (size_t i = 1; i < n; i++)
    if (is_upper((unsigned char)p[i])) {
      uppers++;
      *inner = i;
    }
  if (uppers > 1 || (uppers == 1 && is_upper((unsigned char)p[0]) &&
                     is_upper((unsigned char)p[1])))
    return false;
  return true;
}

/* Name prefixes that take a capital after them: McDonald, DeSantis. */
static bool name_prefix(const char *p, size_t n) {
  static const char *const prefixes[] = {"Mc", "Mac", "De", "Di", "Da",
                                         "Du", "Van", "Von", "La", "Le",
                                         "Fitz", "St", "Al", "El", "Ben",
                                         "Abu", "Bin", "Ter", "Ten", "Vander"};
  for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
    if (strlen(prefixes[i]) == n && memcmp(prefixes[i], p, n) == 0)
      return true;
  return false;
}

/* The vocabulary entry of the whole token; it is not a candidate when it
 * is a known word, seen hyphenated, or seen whole more often than allowed. */
static bool candidate_word(struct glue *g, const char *p, size_t n,
                           struct word **whole) {
  char key[MAX_TOKEN];
  lower_ascii(p, n, key);
  struct word *w = vocab_get(&g->doc, key, n);
  bool proper;
  int level = w ? entry_level(w, key, &proper)
                : kempt__wordlist_level(key, n);
  *whole = w;
  if (level || vocab_get(&g->user, key, n))
    return false;
  return !(w && (w->flags & W_HYPHEN));
}

/* The key "left right" of splitting p[0..n) at i, lower case. */
static size_t pair_key(const char *p, size_t n, size_t i, char *key) {
  lower_ascii(p, i, key);
  key[i] = ' ';
  lower_ascii(p + i, n - i, key + i + 1);
  return n + 1;
}

/* Times the spaced pair p[0..i) p[i..n) was seen in the held blocks. */
static uint32_t pair_count(struct glue *g, const char *p, size_t n,
                           size_t i) {
  char key[MAX_TOKEN + 2];
  pair_key(p, n, i, key);
  struct word *w = vocab_get(&g->pairs, key, n + 1);
  return w ? w->count : 0;
}

/* Score of splitting p[0..n) at i, or -1 when the evidence is too weak. */
static int split_score(struct glue *g, const char *p, size_t n, size_t i) {
  struct evidence l = part_evidence(g, p, i);
  struct evidence r = part_evidence(g, p + i, n - i);
  if (!l.ok || !r.ok)
    return -1;
  bool cap = is_upper((unsigned char)p[0]);
  bool trans = is_upper((unsigned char)p[i]);
  if (trans && cap && name_prefix(p, i))
    return -1;
  bool pair = pair_count(g, p, n, i) > 0;
  bool signal;
  if (trans && cap) /* CamelCase: a name on one side at least */
    signal = l.name || r.name || pair;
  else if (trans)
    signal = true;
  else if (cap)
    signal = l.stop || r.stop || pair || (l.name && r.score >= 5);
  else
    signal = l.stop || r.stop || pair;
  if (!signal)
    return -1;
  int s = (l.score < r.score ? l.score : r.score) + (trans ? 4 : 0) +
          (pair ? 6 : 0);
  return s >= 5 ? s : -1;
}

/* Where to split the token (0: not at all). */
static size_t decide(struct glue *g, const struct token *t) {
  size_t inner;
  if (!candidate_shape(t, &inner))
    return 0;
  const char *p = t->raw + t->core;
  size_t n = t->clen;
  struct word *whole;
  if (!candidate_word(g, p, n, &whole))
    return 0;
  size_t lo = inner ? inner : 1, hi = inner ? inner : n - 1;
  size_t best = 0;
  int top = -1, second = -1;
  for (size_t i = lo; i <= hi; i++) {
    int s = split_score(g, p, n, i);
    if (s > top) {
      second = top;
      top = s;
      best = i;
    } else if (s > second) {
      second = s;
    }
  }
  if (top < 0 || second >= top - 1)
    return 0;
  uint32_t others = whole && whole->count > 1 ? whole->count - 1 : 0;
  if (others && pair_count(g, p, n, best) <= 2 * others)
    return 0;
  return best;
}

/* ---- the held window: pairs, rewriting, emitting ---------------------- */

/* Note the spaced pairs that a split of a candidate token would make, so
 * that count_pairs can look for them. */
static enum kempt_status want_pairs(struct glue *g, const struct token *t) {
  size_t inner;
  struct word *whole;
  const char *p = t->raw + t->core;
  if (!candidate_shape(t, &inner) || !candidate_word(g, p, t->clen, &whole))
    return KEMPT_OK;
  size_t lo = inner ? inner : 2, hi = inner ? inner : t->clen - 2;
  for (size_t i = lo; i <= hi; i++) {
    char key[MAX_TOKEN + 2];
    size_t k = pair_key(p, t->clen, i, key);
    struct word *left = vocab_get(&g->doc, key, i);
    struct word *right = vocab_get(&g->doc, key + i + 1, k - i - 1);
    if (!left || !right)
      continue;
    struct word *w;
    enum kempt_status s = vocab_add(&g->pairs, key, k, &w);
    if (s != KEMPT_OK)
      return s;
    left->flags |= W_PAIRL;
  }
  return KEMPT_OK;
}

/* Whether the tokens of block b are weighed: English by the function
 * words of the block and its neighbours (or, when they are too few, of the
 * document). */
static bool english(const struct glue *g, size_t b) {
  const struct held *h = &g->blocks[b];
  if (h->flags & KEMPT_BLOCK_REMOVED)
    return false;
  enum kempt_lang own = kempt__lang_best(&h->lang);
  if (own != KEMPT_LANG_NONE)
    return own == KEMPT_LANG_EN;
  struct kempt_lang_count c = h->lang;
  for (size_t k = b ? b - 1 : b; k <= b + 1 && k < g->nblocks; k++)
    for (int l = 0; l < KEMPT_LANG_COUNT; l++)
      c.hits[l] += k == b ? 0 : g->blocks[k].lang.hits[l];
  enum kempt_lang near = kempt__lang_best(&c);
  if (near != KEMPT_LANG_NONE)
    return near == KEMPT_LANG_EN;
  return kempt__lang_best(&g->doc_lang) == KEMPT_LANG_EN;
}

typedef enum kempt_status (*token_fn)(struct glue *g, const struct token *t,
                                      void *ud);

/* Call fn for each token of p[0..n) on a line that does not look like
 * code. */
static enum kempt_status each_token(struct glue *g, const char *p, size_t n,
                                    token_fn fn, void *ud) {
  while (n) {
    const char *nl = memchr(p, '\n', n);
    size_t len = nl ? (size_t)(nl - p) : n, pos = 0;
    struct token t;
    if (!code_line(p, len))
      while (next_token(p, len, &pos, &t)) {
        enum kempt_status s = fn(g, &t, ud);
        if (s != KEMPT_OK)
          return s;
      }
    size_t step = nl ? len + 1 : len;
    p += step;
    n -= step;
  }
  return KEMPT_OK;
}

static enum kempt_status want_fn(struct glue *g, const struct token *t,
                                 void *ud) {
  (void)ud;
  return want_pairs(g, t);
}

/* Count the wanted pairs where they stand spaced: a word without closing
 * punctuation followed by a word. */
static void count_pairs(struct glue *g, const char *p, size_t n) {
  size_t pos = 0;
  struct token t;
  const char *prev = NULL;
  size_t plen = 0;
  while (next_token(p, n, &pos, &t)) {
    const char *c = t.raw + t.core;
    if (prev && t.clen && t.clen <= MAX_TOKEN && all_alpha(c, t.clen)) {
      char key[2 * MAX_TOKEN + 2];
      lower_ascii(prev, plen, key);
      key[plen] = ' ';
      lower_ascii(c, t.clen, key + plen + 1);
      struct word *w = vocab_get(&g->pairs, key, plen + 1 + t.clen);
      if (w)
        w->count++;
    }
    prev = NULL;
    if (t.clen && t.clen <= MAX_TOKEN && t.core + t.clen == t.rlen &&
        all_alpha(c, t.clen)) {
      char key[MAX_TOKEN];
      lower_ascii(c, t.clen, key);
      struct word *w = vocab_get(&g->doc, key, t.clen);
      if (w && (w->flags & W_PAIRL)) {
        prev = c;
        plen = t.clen;
      }
    }
  }
}

struct rewrite {
  const char *text; /* the block's text */
  size_t done;      /* bytes of it copied to out */
  uint64_t offset;  /* the block's offset */
  enum kempt_status err;
};

/* Split one token if the evidence says so: copy up to the split point and
 * a space to out. */
static enum kempt_status split_fn(struct glue *g, const struct token *t,
                                  void *ud) {
  struct rewrite *rw = ud;
  size_t at = decide(g, t);
  if (!at)
    return KEMPT_OK;
  const char *p = t->raw + t->core;
  size_t cut = (size_t)(p + at - rw->text);
  enum kempt_status s = kempt__buf_add(&g->out, rw->text + rw->done,
                                       cut - rw->done);
  if (s == KEMPT_OK)
    s = kempt__buf_addc(&g->out, ' ');
  if (s != KEMPT_OK)
    return s;
  rw->done = cut;
  char after[MAX_TOKEN + 1];
  memcpy(after, p, at);
  after[at] = ' ';
  memcpy(after + at + 1, p + at, t->clen - at);
  kempt__change(g->env, "split glued words",
                rw->offset + (uint64_t)(p - rw->text), p, t->clen, after,
                t->clen + 1);
  return KEMPT_OK;
}

/* Weigh the tokens of one block and emit it, rewritten or as it was. */
static enum kempt_status emit_one(struct glue *g, const struct held *h,
                                  const char *text, bool weigh) {
  struct kempt_block b = {text, h->len, h->flags, h->nlines,
                          h->offset, h->index, h->rule};
  if (!weigh)
    return kempt__emit_block(g->env, &b);
  struct rewrite rw = {text, 0, h->offset, KEMPT_OK};
  kempt__buf_clear(&g->out);
  enum kempt_status s = each_token(g, text, h->len, split_fn, &rw);
  if (s == KEMPT_OK && rw.done)
    s = kempt__buf_add(&g->out, text + rw.done, h->len - rw.done);
  if (s == KEMPT_ERR_LIMIT) /* too many splits to hold: leave it */
    return kempt__emit_block(g->env, &b);
  if (s != KEMPT_OK)
    return s;
  if (rw.done) {
    b.text = g->out.data;
    b.len = g->out.len;
  }
  return kempt__emit_block(g->env, &b);
}

/* Decide and emit every held block, then empty the window (the
 * vocabulary stays for the rest of the document). */
static enum kempt_status flush(struct glue *g) {
  enum kempt_status s = KEMPT_OK;
  for (size_t i = 0; i < g->nblocks && s == KEMPT_OK; i++) {
    struct held *h = &g->blocks[i];
    h->weigh = english(g, i);
    if (h->weigh)
      s = each_token(g, g->text.data + h->start, h->len, want_fn, NULL);
  }
  if (s == KEMPT_OK && g->pairs.used)
    for (size_t i = 0; i < g->nblocks; i++)
      count_pairs(g, g->text.data + g->blocks[i].start, g->blocks[i].len);
  for (size_t i = 0; i < g->nblocks && s == KEMPT_OK; i++) {
    const struct held *h = &g->blocks[i];
    s = emit_one(g, h, g->text.data + h->start, h->weigh);
  }
  g->nblocks = 0;
  kempt__buf_clear(&g->text);
  vocab_clear(&g->pairs);
  return s;
}

/* ---- the stage ---------------------------------------------------------- */

static void warn_window(struct glue *g) {
  if (g->warned)
    return;
  g->warned = true;
  kempt__warn(g->env->report,
              "glue: a document longer than %u bytes was weighed in "
              "windows, with the vocabulary seen so far",
              GLUE_TEXT_CAP);
}

/* A block too big to hold: weigh it alone. */
static enum kempt_status big_block(struct glue *g, const struct kempt_block *b,
                                   const struct kempt_lang_count *lang) {
  struct held h = {0, b->len, b->flags, b->nlines, b->offset, b->index,
                   b->rule, *lang, false};
  enum kempt_lang l = kempt__lang_best(lang);
  if (l == KEMPT_LANG_NONE)
    l = kempt__lang_best(&g->doc_lang);
  h.weigh = l == KEMPT_LANG_EN && !(b->flags & KEMPT_BLOCK_REMOVED);
  warn_window(g);
  return emit_one(g, &h, b->text, h.weigh);
}

static enum kempt_status hold(struct glue *g, const struct kempt_block *b,
                              const struct kempt_lang_count *lang) {
  if (g->nblocks == g->capblocks) {
    size_t cap = g->capblocks ? 2 * g->capblocks : 64;
    struct held *nb = kempt__realloc(g->env->alloc, g->blocks,
                                     cap * sizeof *nb);
    if (!nb)
      return KEMPT_ERR_NOMEM;
    g->blocks = nb;
    g->capblocks = cap;
  }
  struct held h = {g->text.len, b->len, b->flags, b->nlines, b->offset,
                   b->index, b->rule, *lang, false};
  enum kempt_status s = kempt__buf_add(&g->text, b->text, b->len);
  if (s == KEMPT_OK)
    g->blocks[g->nblocks++] = h;
  return s;
}

static enum kempt_status glue_block(void *st, const struct kempt_block *b) {
  struct glue *g = st;
  struct kempt_lang_count lang;
  memset(&lang, 0, sizeof lang);
  enum kempt_status s = KEMPT_OK;
  if (!(b->flags & KEMPT_BLOCK_REMOVED)) {
    kempt__lang_add(&lang, b->text, b->len);
    for (int l = 0; l < KEMPT_LANG_COUNT; l++)
      g->doc_lang.hits[l] += lang.hits[l];
    s = count_block(g, b->text, b->len);
  }
  if (s != KEMPT_OK)
    return s;
  if (g->text.len + b->len > g->text.cap || g->nblocks == GLUE_BLOCKS_CAP) {
    warn_window(g);
    s = flush(g);
    if (s != KEMPT_OK)
      return s;
  }
  if (b->len > g->text.cap)
    return big_block(g, b, &lang);
  return hold(g, b, &lang);
}

static void clear_document(struct glue *g) {
  g->nblocks = 0;
  kempt__buf_clear(&g->text);
  vocab_clear(&g->doc);
  vocab_clear(&g->pairs);
  memset(&g->doc_lang, 0, sizeof g->doc_lang);
  g->warned = false;
}

static enum kempt_status glue_finish(void *st) {
  struct glue *g = st;
  enum kempt_status s = flush(g);
  clear_document(g);
  return s;
}

static void glue_reset(void *st) { clear_document(st); }

/* Add the words of one --words file, one per line. */
static enum kempt_status load_words(struct glue *g, const char *p, size_t n) {
  while (n) {
    const char *nl = memchr(p, '\n', n);
    size_t len = nl ? (size_t)(nl - p) : n, a = 0, e = len;
    while (a < e && is_ws((unsigned char)p[a]))
      a++;
    while (e > a && is_ws((unsigned char)p[e - 1]))
      e--;
    char key[KEMPT__WORD_MAX];
    size_t k = e > a && p[a] != '#'
                   ? kempt__word_lower(p + a, e - a, key, sizeof key)
                   : 0;
    struct word *w = NULL;
    enum kempt_status s = k ? vocab_add(&g->user, key, k, &w) : KEMPT_OK;
    if (s != KEMPT_OK)
      return s;
    if (k && !w)
      return KEMPT_ERR_LIMIT;
    size_t step = nl ? len + 1 : len;
    p += step;
    n -= step;
  }
  return KEMPT_OK;
}

static enum kempt_status glue_init(void *st, const struct kempt_env *env) {
  struct glue *g = st;
  const struct kempt_allocator *a = env->alloc;
  g->env = env;
  kempt__buf_init(&g->text, a, GLUE_TEXT_CAP);
  kempt__buf_init(&g->out, a, 2 * GLUE_TEXT_CAP);
  vocab_init(&g->doc, a, VOCAB_WORDS_CAP, VOCAB_POOL_CAP);
  vocab_init(&g->user, a, 4 * VOCAB_WORDS_CAP, USER_POOL_CAP);
  vocab_init(&g->pairs, a, PAIRS_CAP, PAIRS_CAP * 16);
  const char *data;
  size_t len;
  for (size_t i = 0; kempt__opt_file(env->cfg, "words", i, &data, &len); i++) {
    enum kempt_status s = load_words(g, data, len);
    if (s != KEMPT_OK)
      return s;
  }
  return KEMPT_OK;
}

static void glue_fini(void *st) {
  struct glue *g = st;
  kempt__buf_free(&g->text);
  kempt__buf_free(&g->out);
  kempt__free(g->env->alloc, g->blocks);
  vocab_free(&g->doc);
  vocab_free(&g->user);
  vocab_free(&g->pairs);
}

const struct kempt_stage_ops kempt__glue_ops = {
    {"glue",
     "split words glued together where an inline element was dropped "
     "(\"Blinkenstressed\"), on strong evidence from an English word list "
     "and the document's own words",
     1},
    true,
    true,
    sizeof(struct glue),
    glue_options,
    glue_init,
    NULL,
    glue_block,
    glue_finish,
    glue_reset,
    glue_fini};

kempt_stage *kempt_glue_new(const kempt_config *cfg,
                            const struct kempt_sink *sink,
                            enum kempt_status *err) {
  return kempt_stage_new("glue", cfg, sink, err);
}
