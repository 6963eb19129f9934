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
 * A candidate is a token of 5 to 40 ASCII letters, in an English stretch
 * of text (function-word counts of the block, or of it and its
 * neighbours, or of the document), on a line that does not look like
 * code, without digits, @, #, /, _ and the like, not all capitals, with
 * at most one inner capital, that is not a known word (the embedded SCOWL
 * list in any casing - except a rare proper name written in lower case -
 * or --words), and not seen hyphenated, or whole elsewhere in the document
 * unless the spaced pair is clearly more frequent.
 *
 * Each split position needs both parts to be words (known, function words
 * or seen alone in the document) and a signal that depends on the case
 * pattern: a function word or sentence opener on one side ("ofthe",
 * "Thecompany"), a name seen alone in the document ("Blinkenstressed",
 * "KamalaHarris"), a case change before an opener or a name
 * ("summitThe"), an inflected or derived first word ("expressedconfidence"),
 * or the spaced pair seen elsewhere in the document. Positions are scored
 * by the parts' commonness and document evidence; the token is split once,
 * at the best position, and only when no other position comes close.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "internal.h"
#include "kempt_glue.h"
#include "lang.h"
#include "wordlist.h"

#define GLUE_TEXT_CAP (4u << 20)   /* buffered block text per window */
#define GLUE_BLOCKS_CAP (1u << 18) /* buffered blocks per window */
#define VOCAB_WORDS_CAP (1u << 18) /* distinct words per document */
#define VOCAB_POOL_CAP (4u << 20)  /* their bytes */
#define USER_POOL_CAP (32u << 20)  /* bytes of --words lists */
#define PAIRS_CAP (1u << 14)       /* candidate pairs weighed per window */
#define KNOWN_CAP (1u << 16)       /* cached word list answers */
#define MIN_TOKEN 5
#define MAX_TOKEN 40

/* ---- a hash table of lower-case words ------------------------------------ */

enum { W_HYPHEN = 1, W_LOOKED = 2, W_PROPER = 4, W_PAIRL = 8, W_LANGS = 16 };

struct word {
  uint32_t off; /* key in the pool */
  uint16_t len;
  uint8_t flags;
  uint8_t level;   /* wordlist level when W_LOOKED, 0 = unknown */
  uint32_t count;  /* standalone occurrences */
  uint32_t capmid; /* capitalised, not at a sentence start */
  uint32_t langs;  /* function word of these languages (lang.h bits) */
};

struct slot {
  uint32_t id; /* 1 + index in words; 0 = empty */
  uint32_t hash;
};

struct vocab {
  struct slot *slots;
  size_t size;        /* a power of 2 (0 before first use) */
  struct word *words; /* dense, in order of arrival */
  size_t used, cap, max;
  struct kempt_buf pool;
  const struct kempt_allocator *alloc;
};

static uint32_t hash_bytes(const char *p, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)p[i];
    h *= 16777619u;
  }
  return h;
}

static void vocab_init(struct vocab *v, const struct kempt_allocator *a,
                       size_t max, size_t pool_cap) {
  memset(v, 0, sizeof *v);
  v->alloc = a;
  v->max = max;
  kempt__buf_init(&v->pool, a, pool_cap);
}

static void vocab_clear(struct vocab *v) {
  if (v->slots && v->used)
    memset(v->slots, 0, v->size * sizeof *v->slots);
  v->used = 0;
  kempt__buf_clear(&v->pool);
}

static void vocab_free(struct vocab *v) {
  kempt__free(v->alloc, v->slots);
  kempt__free(v->alloc, v->words);
  kempt__buf_free(&v->pool);
  v->slots = NULL;
  v->words = NULL;
  v->size = v->used = v->cap = 0;
}

/* memcmp(a, b, n) == 0 for the short keys of a vocabulary, inline. */
static inline bool same_bytes(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (a[i] != b[i])
      return false;
  return true;
}

/* The slot of key k[0..n) with hash h: its own, or the empty one where it
 * would go. */
static struct slot *vocab_slot(const struct vocab *v, const char *k, size_t n,
                               uint32_t h) {
  size_t mask = v->size - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    struct slot *sl = &v->slots[i];
    if (sl->id == 0)
      return sl;
    const struct word *w = &v->words[sl->id - 1];
    if (sl->hash == h && w->len == n && same_bytes(v->pool.data + w->off, k, n))
      return sl;
  }
}

static enum kempt_status vocab_grow(struct vocab *v) {
  size_t nsize = v->size ? v->size * 2 : 1024;
  if (v->cap < nsize / 2) { /* the entries first: the table stays valid */
    struct word *nw =
        kempt__realloc(v->alloc, v->words, nsize / 2 * sizeof *nw);
    if (!nw)
      return KEMPT_ERR_NOMEM;
    v->words = nw;
    v->cap = nsize / 2;
  }
  struct slot *ns = kempt__calloc(v->alloc, nsize * sizeof *ns);
  if (!ns)
    return KEMPT_ERR_NOMEM;
  struct slot *old = v->slots;
  size_t osize = v->size;
  v->slots = ns;
  v->size = nsize;
  for (size_t i = 0; i < osize; i++)
    if (old[i].id) {
      size_t mask = nsize - 1, j = old[i].hash & mask;
      while (ns[j].id)
        j = (j + 1) & mask;
      ns[j] = old[i];
    }
  kempt__free(v->alloc, old);
  return KEMPT_OK;
}

static struct word *vocab_get(const struct vocab *v, const char *k, size_t n) {
  if (!v->used)
    return NULL;
  struct slot *sl = vocab_slot(v, k, n, hash_bytes(k, n));
  return sl->id ? &v->words[sl->id - 1] : NULL;
}

/* The entry of lower-case key k[0..n), added when missing (*added set).
 * *w is NULL when the table is full (not an error: the word is then not
 * counted). The pointer is valid until the next addition. */
static enum kempt_status vocab_add(struct vocab *v, const char *k, size_t n,
                                   struct word **w) {
  uint32_t h = hash_bytes(k, n);
  struct slot *sl = v->size ? vocab_slot(v, k, n, h) : NULL;
  *w = NULL;
  if (sl && sl->id) {
    *w = &v->words[sl->id - 1];
    return KEMPT_OK;
  }
  if (v->used >= v->max)
    return KEMPT_OK;
  if (2 * (v->used + 1) > v->size) {
    enum kempt_status s = vocab_grow(v);
    if (s != KEMPT_OK)
      return s;
    sl = vocab_slot(v, k, n, h);
  }
  size_t off = v->pool.len;
  enum kempt_status s = kempt__buf_add(&v->pool, k, n);
  if (s == KEMPT_ERR_LIMIT)
    return KEMPT_OK;
  if (s != KEMPT_OK)
    return s;
  struct word *e = &v->words[v->used];
  memset(e, 0, sizeof *e);
  e->off = (uint32_t)off;
  e->len = (uint16_t)n;
  sl->id = (uint32_t)++v->used;
  sl->hash = h;
  *w = e;
  return KEMPT_OK;
}

/* ---- the stage's state --------------------------------------------------- */

struct held {
  size_t start, len; /* text in the window buffer */
  const char *ext;   /* or here: a block too big to hold, weighed alone */
  uint32_t flags, nlines;
  uint64_t offset, index;
  const char *rule;
  struct kempt_lang_count lang;
  uint32_t cands; /* candidate tokens in it */
  bool weigh;     /* English: its tokens are weighed */
};

/* A token that may be two glued words, found while counting. */
struct cand {
  uint32_t block, start; /* held block, offset of the raw token in it */
  uint16_t rlen, core, clen;
};

struct glue {
  const struct kempt_env *env;
  struct kempt_buf text; /* the held blocks' text */
  struct held *blocks;
  size_t nblocks, capblocks;
  struct cand *cands; /* of the held blocks, in text order */
  size_t ncands, capcands;
  uint32_t *ids; /* the held blocks' words as vocabulary ids, 0
                    between words that punctuation separates */
  size_t nids, capids;
  struct vocab doc;   /* this document's words */
  struct vocab user;  /* --words */
  struct vocab pairs; /* "left right" pairs of candidate splits */
  struct vocab known; /* word list answers, kept across documents */
  struct kempt_lang_count doc_lang;
  struct kempt_buf out; /* a rewritten block */
  bool warned;
};

/* Make room for one more element in a growable array of at most max. */
static enum kempt_status room(const struct kempt_allocator *a, void **p,
                              size_t n, size_t *cap, size_t elem, size_t max) {
  if (n < *cap)
    return KEMPT_OK;
  if (n >= max)
    return KEMPT_ERR_LIMIT;
  size_t ncap = *cap ? 2 * *cap : 256;
  if (ncap > max)
    ncap = max;
  void *np = kempt__realloc(a, *p, ncap * elem);
  if (!np)
    return KEMPT_ERR_NOMEM;
  *p = np;
  *cap = ncap;
  return KEMPT_OK;
}

static const struct kempt_option glue_options[] = {
    {"words", 0, KEMPT_OPT_FILE, "glue", "FILE", NULL,
     "add the words of FILE (one per line; other languages, domain terms) "
     "to the known words, which are never split and may be parts of a "
     "split (repeatable)"},
    {NULL, 0, 0, NULL, NULL, NULL, NULL}};

/* ---- characters and tokens ----------------------------------------------- */

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
  if (c < 0x80) {
    switch (c) {
    case '"':
    case '\'':
    case '(':
    case ')':
    case '[':
    case ']':
    case '{':
    case '}':
    case '<':
    case '>':
    case '.':
    case ',':
    case ';':
    case ':':
    case '!':
    case '?':
    case '*':
      return 1;
    default:
      return 0;
    }
  }
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
  const char *raw; /* the white-space delimited token */
  size_t rlen;
  size_t core, clen; /* the word inside, offsets from raw */
};

/* The word inside the token: without the marks around it. */
static void token_core(struct token *t) {
  size_t a = 0, b = t->rlen;
  while (a < b) {
    size_t k = punct_len(t->raw + a, b - a);
    if (!k)
      break;
    a += k;
  }
  while (b > a) {
    size_t k = punct_len_end(t->raw + a, b - a);
    if (!k)
      break;
    b -= k;
  }
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

/* Whether c followed by d marks code, markup or a command. */
static bool code_mark(unsigned char c, unsigned char d) {
  switch (c) {
  case '{':
  case '}':
  case '\\':
  case '=':
    return true;
  case '(':
    return d == ')';
  case '-':
    return d == '>';
  case ':':
    return d == ':';
  case '<':
    return d == '/';
  case '/':
    return d == '>';
  case '&':
    return d == '&';
  case '|':
    return d == '|';
  case '$':
    return d == ' ';
  default:
    return false;
  }
}

/* A line that looks like code, markup or a command: its tokens are left
 * alone. */
static bool code_line(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c < 0x80 && !is_alpha(c) && c != ' ' &&
        code_mark(c, i + 1 < n ? (unsigned char)p[i + 1] : 0))
      return true;
  }
  while (n && is_ws((unsigned char)p[n - 1]))
    n--;
  return n && p[n - 1] == ';';
}

/* Signs of an address, a handle, a tag or an identifier in a token. */
static bool id_char(unsigned char c) {
  switch (c) {
  case '@':
  case '/':
  case '\\':
  case '#':
  case '_':
  case '=':
  case '|':
  case '~':
  case '^':
  case '+':
  case '&':
  case '%':
  case '$':
    return true;
  default:
    return c >= '0' && c <= '9';
  }
}

/* ---- the document's vocabulary ------------------------------------------- */

#define CANDS_CAP (1u << 18) /* candidate tokens per window */
#define IDS_CAP                                                                \
  (2u << 20) /* word ids per window (a word takes 2 bytes                      \
                at least, with its space) */

/* What the word list and the function-word lists say about lower-case
 * key[0..n), through a cache that lives across documents (pure functions:
 * the output does not depend on the cache). NULL when out of memory. */
static const struct word *known_info(struct glue *g, const char *key,
                                     size_t n) {
  struct word *w = vocab_get(&g->known, key, n);
  if (w)
    return w;
  bool proper;
  int level = kempt__wordlist_lookup(key, n, &proper);
  /* no ASCII function word of lang.c's lists is longer than 6 */
  uint32_t langs = n <= 6 ? kempt__stopword_langs(key, n) : 0;
  if (g->known.used >= g->known.max)
    vocab_clear(&g->known);
  if (vocab_add(&g->known, key, n, &w) != KEMPT_OK || !w)
    return NULL;
  w->level = (uint8_t)level;
  w->flags = proper ? W_PROPER : 0;
  w->langs = langs;
  return w;
}

/* Count one word (ASCII letters) seen on its own; mid: not at a sentence
 * start. *out is its entry, or NULL. */
static enum kempt_status count_word(struct glue *g, const char *p, size_t n,
                                    bool mid, uint8_t flags,
                                    struct word **out) {
  char key[MAX_TOKEN * 2];
  *out = NULL;
  if (n == 0 || n > sizeof key)
    return KEMPT_OK;
  lower_ascii(p, n, key);
  struct word *w;
  enum kempt_status s = vocab_add(&g->doc, key, n, &w);
  if (s != KEMPT_OK || !w)
    return s;
  if (!(w->flags & W_LANGS)) {
    const struct word *k = known_info(g, key, n);
    w->langs = k ? k->langs : (n <= 6 ? kempt__stopword_langs(key, n) : 0);
    w->flags |= W_LANGS;
    if (k) {
      w->level = k->level;
      w->flags |= (uint8_t)(W_LOOKED | (k->flags & W_PROPER));
    }
  }
  w->flags |= flags;
  *out = w;
  if (flags & W_HYPHEN)
    return KEMPT_OK;
  w->count++;
  if (mid && capitalised(p, n))
    w->capmid++;
  return KEMPT_OK;
}

/* A core with inner hyphens, underscores or apostrophes: count its parts,
 * and its letters run together as seen hyphenated. */
static enum kempt_status count_compound(struct glue *g, const char *p, size_t n,
                                        bool mid) {
  char joined[MAX_TOKEN * 2];
  size_t jn = 0, i = 0;
  bool apostrophe = false;
  enum kempt_status s = KEMPT_OK;
  struct word *w;
  while (i < n && s == KEMPT_OK) {
    size_t j = i;
    while (j < n && is_alpha((unsigned char)p[j]))
      j++;
    if (j == i)
      return KEMPT_OK; /* digits, other scripts: not a word of ours */
    if (!apostrophe)
      s = count_word(g, p + i, j - i, mid || i > 0, 0, &w);
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
    s = count_word(g, joined, jn, mid, W_HYPHEN, &w);
  return s;
}

static void add_langs(struct kempt_lang_count *c, uint32_t m) {
  c->words++;
  for (int l = 1; m; l++, m >>= 1)
    if (m & 1u)
      c->hits[l]++;
}

static enum kempt_status push_id(struct glue *g, uint32_t id) {
  if (!id && (!g->nids || !g->ids[g->nids - 1]))
    return KEMPT_OK;
  enum kempt_status s = room(g->env->alloc, (void **)&g->ids, g->nids,
                             &g->capids, sizeof *g->ids, IDS_CAP);
  if (s == KEMPT_OK)
    g->ids[g->nids++] = id;
  return s == KEMPT_ERR_LIMIT ? KEMPT_OK : s;
}

static bool candidate_shape(const struct token *t, size_t *inner);
static int entry_level(struct glue *g, struct word *w, const char *key,
                       bool *proper);

/* Whether the word list knows the token p[0..n) as written: any casing of
 * a word, except a rare proper name written in lower case ("witha" is no
 * word, though "Witha" is a name). */
static bool known_as_written(int level, bool proper, const char *p, size_t n) {
  if (!level)
    return false;
  if (!proper || level < 80)
    return true;
  for (size_t i = 0; i < n; i++)
    if (!is_lower((unsigned char)p[i]))
      return true;
  return false;
}

/* Keep the token for weighing when it has the shape of a glued pair and
 * its entry is no known word. */
static enum kempt_status note_candidate(struct glue *g, const struct token *t,
                                        struct word *w, size_t block,
                                        const char *text) {
  size_t inner;
  bool proper;
  if (!w || t->rlen > UINT16_MAX || !candidate_shape(t, &inner))
    return KEMPT_OK;
  int level = entry_level(g, w, g->doc.pool.data + w->off, &proper);
  if (known_as_written(level, proper, t->raw + t->core, t->clen) ||
      vocab_get(&g->user, g->doc.pool.data + w->off, w->len))
    return KEMPT_OK;
  enum kempt_status s = room(g->env->alloc, (void **)&g->cands, g->ncands,
                             &g->capcands, sizeof *g->cands, CANDS_CAP);
  if (s != KEMPT_OK)
    return s == KEMPT_ERR_LIMIT ? KEMPT_OK : s;
  struct cand c = {(uint32_t)block, (uint32_t)(t->raw - text),
                   (uint16_t)t->rlen, (uint16_t)t->core, (uint16_t)t->clen};
  g->cands[g->ncands++] = c;
  g->blocks[block].cands++;
  return KEMPT_OK;
}

struct counting {
  struct held *h;
  size_t block;
  const char *text;
  bool mid, code;
};

static enum kempt_status count_token(struct glue *g, const struct token *t,
                                     struct counting *c) {
  const char *p = t->raw + t->core;
  struct word *w = NULL;
  enum kempt_status s = KEMPT_OK;
  if (t->clen && t->clen <= MAX_TOKEN && all_alpha(p, t->clen)) {
    s = count_word(g, p, t->clen, c->mid, 0, &w);
    add_langs(&c->h->lang, w ? w->langs : 0);
    if (s == KEMPT_OK && !c->code)
      s = note_candidate(g, t, w, c->block, c->text);
  } else {
    kempt__lang_add(&c->h->lang, t->raw, t->rlen);
    if (t->clen && t->clen <= MAX_TOKEN)
      s = count_compound(g, p, t->clen, c->mid);
  }
  uint32_t id = w ? (uint32_t)(w - g->doc.words) + 1 : 0;
  if (s == KEMPT_OK && (t->core || !id))
    s = push_id(g, 0);
  if (s == KEMPT_OK && id)
    s = push_id(g, id);
  if (s == KEMPT_OK && id && t->core + t->clen < t->rlen)
    s = push_id(g, 0);
  c->mid = !ends_sentence(t);
  return s;
}

/* Count the words of held block number block, whose text is text. */
static enum kempt_status count_block(struct glue *g, size_t block,
                                     const char *text) {
  struct held *h = &g->blocks[block];
  struct counting c = {h, block, text, false, false};
  const char *p = text;
  size_t n = h->len;
  enum kempt_status s = KEMPT_OK;
  while (n && s == KEMPT_OK) {
    const char *nl = memchr(p, '\n', n);
    size_t len = nl ? (size_t)(nl - p) : n, pos = 0;
    struct token t;
    c.code = code_line(p, len);
    while (s == KEMPT_OK && next_token(p, len, &pos, &t))
      s = count_token(g, &t, &c);
    size_t step = nl ? len + 1 : len;
    p += step;
    n -= step;
  }
  if (s == KEMPT_OK)
    s = push_id(g, 0);
  for (int l = 0; l < KEMPT_LANG_COUNT; l++)
    g->doc_lang.hits[l] += h->lang.hits[l];
  return s;
}

/* ---- evidence ------------------------------------------------------------ */

struct evidence {
  int score;
  bool ok;      /* a word: known, function word or seen alone */
  bool stop;    /* an English function word */
  bool common;  /* a known word that is also written in lower case */
  bool docname; /* capitalised here, and inside sentences elsewhere */
  bool name;    /* docname, or a proper name of the word list */
  size_t len;
  int level;      /* in the word list, 0 if not */
  uint32_t count; /* standalone occurrences in the document */
};

/* The word list's level of lower-case key[0..n), cached. */
static int cached_lookup(struct glue *g, const char *key, size_t n,
                         bool *proper) {
  const struct word *w = known_info(g, key, n);
  if (!w)
    return kempt__wordlist_lookup(key, n, proper);
  *proper = (w->flags & W_PROPER) != 0;
  return w->level;
}

/* The word list's level of a vocabulary entry, looked up once. */
static int entry_level(struct glue *g, struct word *w, const char *key,
                       bool *proper) {
  if (!(w->flags & W_LOOKED)) {
    bool pr;
    w->level = (uint8_t)cached_lookup(g, key, w->len, &pr);
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

/* What speaks for p[0..n) being a word of its own. */
static struct evidence part_evidence(struct glue *g, const char *p, size_t n) {
  struct evidence e;
  memset(&e, 0, sizeof e);
  char key[MAX_TOKEN];
  lower_ascii(p, n, key);
  struct word *w = vocab_get(&g->doc, key, n);
  bool proper = false;
  int level =
      w ? entry_level(g, w, key, &proper) : cached_lookup(g, key, n, &proper);
  bool user = vocab_get(&g->user, key, n) != NULL;
  bool cap = is_upper((unsigned char)p[0]);
  e.len = n;
  e.level = level;
  e.count = w ? w->count : 0;
  uint32_t langs = w ? w->langs : kempt__stopword_langs(key, n);
  e.stop = (langs & (1u << (KEMPT_LANG_EN - 1))) || n == 1; /* "a", "I" */
  e.score = e.stop ? 6 : level ? level_score(level) : user ? 4 : 0;
  if (proper && !cap && e.score > 2)
    e.score = 2;
  e.common = (level && !proper) || user;
  e.ok = e.stop || level || user || e.count;
  if ((n == 1 && p[0] != 'a' && p[0] != 'I') ||
      (n == 2 && !e.stop && !(cap && w && w->capmid)))
    e.ok = false; /* two letters: a function word, or a name ("Xi") */
  if (n == 3 && !e.stop && !(level && level <= 50) && !e.count)
    e.ok = false;
  e.docname = cap && w && (w->capmid > 0 || ((!level || proper) && e.count));
  e.name = e.docname || (cap && proper && level);
  e.score += (e.count ? 2 : 0) + (e.docname ? 4 : 0);
  return e;
}

/* ---- candidates and splits ----------------------------------------------- */

/* Whether the raw token may hold a glued pair at all: its core is 5 to 40
 * ASCII letters, not all capitals, at most one inner capital, and the
 * token carries no sign of an address, handle, tag or identifier. */
static bool candidate_shape(const struct token *t, size_t *inner) {
  const char *p = t->raw + t->core;
  size_t n = t->clen, uppers = 0;
  if (n < MIN_TOKEN || n > MAX_TOKEN || !all_alpha(p, n))
    return false;
  for (size_t i = 0; i < t->rlen; i++)
    if (id_char((unsigned char)t->raw[i]))
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

/* Whether p[0..n) is one of the words list[0..count). */
static bool in_list(const char *const *list, size_t count, const char *p,
                    size_t n) {
  for (size_t i = 0; i < count; i++)
    if (strlen(list[i]) == n && memcmp(list[i], p, n) == 0)
      return true;
  return false;
}

/* Name prefixes that take a capital after them: McDonald, DeSantis. */
static bool name_prefix(const char *p, size_t n) {
  static const char *const prefixes[] = {
      "Mc",   "Mac", "De", "Di", "Da",  "Du",  "Van", "Von", "La",  "Le",
      "Fitz", "St",  "Al", "El", "Ben", "Abu", "Bin", "Ter", "Ten", "Vander"};
  return in_list(prefixes, sizeof prefixes / sizeof prefixes[0], p, n);
}

/* The vocabulary entry of the whole token; it is not a candidate when it
 * is a known word, seen hyphenated, or seen whole more often than allowed. */
static bool candidate_word(struct glue *g, const char *p, size_t n,
                           struct word **whole) {
  char key[MAX_TOKEN];
  lower_ascii(p, n, key);
  struct word *w = vocab_get(&g->doc, key, n);
  bool proper;
  int level =
      w ? entry_level(g, w, key, &proper) : cached_lookup(g, key, n, &proper);
  *whole = w;
  if (known_as_written(level, proper, p, n) || vocab_get(&g->user, key, n))
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
static uint32_t pair_count(struct glue *g, const char *p, size_t n, size_t i) {
  char key[MAX_TOKEN + 2];
  pair_key(p, n, i, key);
  struct word *w = vocab_get(&g->pairs, key, n + 1);
  return w ? w->count : 0;
}

/* Words that open sentences, which a lost space can glue to the next. */
static bool opener(const char *p, size_t n) {
  static const char *const words[] = {
      "The",      "In",    "On",   "At",    "As",      "If",    "It",
      "He",       "She",   "We",   "They",  "This",    "That",  "These",
      "Those",    "But",   "And",  "For",   "Its",     "His",   "Her",
      "Their",    "Our",   "When", "After", "While",   "There", "What",
      "Some",     "Many",  "Most", "All",   "One",     "Two",   "With",
      "From",     "How",   "Why",  "Where", "Who",     "Every", "Each",
      "My",       "Your",  "Or",   "Even",  "Now",     "You",   "Though",
      "Although", "Other", "Not",  "Few",   "Several", "Such",  "Since",
      "Because",  "Then",  "Once", "Still", "Also",    "Here",  "Today",
      "Last",     "Next",  "Both", "Only",  "Just"};
  return in_list(words, sizeof words / sizeof words[0], p, n);
}

/* Function words that camel-case identifiers do not start with: "ofJustice"
 * is glue, "toString" and "onClick" are names of code. */
static bool article(const char *p, size_t n) {
  static const char *const words[] = {"of",   "the",  "and", "a",    "an", "at",
                                      "from", "with", "in",  "into", "by"};
  return in_list(words, sizeof words / sizeof words[0], p, n);
}

/* Two-letter function words that follow a noun: "lotof", "Fordto". */
static bool small_link(const char *p, size_t n) {
  return n == 2 && (memcmp(p, "of", 2) == 0 || memcmp(p, "to", 2) == 0 ||
                    memcmp(p, "in", 2) == 0 || memcmp(p, "is", 2) == 0 ||
                    memcmp(p, "at", 2) == 0);
}

/* Function words that also make compounds as prefixes (upgrade, inbox). */
static bool prefix_word(const char *p, size_t n) {
  static const char *const words[] = {"in", "on",   "up",    "out",   "over",
                                      "by", "off",  "after", "under", "down",
                                      "no", "some", "any",   "every", "all"};
  return in_list(words, sizeof words / sizeof words[0], p, n);
}

/* A word strong enough to stand beside a function word. */
static bool solid(const struct evidence *e) {
  if (e->stop || (e->len >= 4 && e->score >= 5))
    return true;
  return e->len == 3 && e->level && e->level <= 35;
}

/* Whether w[0..n) ends like an inflected word (-ed, -ing, -ly),
 * which rarely starts a compound. */
static bool inflected(const char *w, size_t n) {
  static const char *const ends[] = {"ed", "ing", "ly"};
  for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
    size_t k = strlen(ends[i]);
    if (n >= k + 3 && memcmp(w + n - k, ends[i], k) == 0)
      return true;
  }
  return false;
}

/* Whether w[0..n), the first part of the token w[0..len), ends like a
 * derived adjective or a plural, which rarely start a closed compound:
 * "innovativeideas", "vehiclesexist". */
static bool loose_first(const char *w, size_t n, size_t len) {
  static const char *const ends[] = {"ive",  "ous",  "al", "ful",
                                     "able", "ible", "ic", "less"};
  for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
    size_t k = strlen(ends[i]);
    if (n >= k + 3 && memcmp(w + n - k, ends[i], k) == 0)
      return true;
  }
  /* a plural, unless the s could start the next word ("missionscope") */
  return n >= 6 && w[n - 1] == 's' && w[n - 2] != 's' &&
         kempt__wordlist_level(w, n - 1) > 0 &&
         kempt__wordlist_level(w + n - 1, len - n + 1) == 0;
}

/* Two common lower-case words: "expressedconfidence". */
static bool content_pair(const char *p, const struct evidence *l,
                         const struct evidence *r) {
  if (l->len >= 6 && r->len == 3 && r->level && r->level <= 35 &&
      inflected(p, l->len))
    return true; /* "helpingcut" */
  if (l->len < 4 || r->len < 4 || !l->level || !r->level)
    return false;
  if (l->level <= 35 && r->level <= 35 && l->count && r->count)
    return true;
  return l->level <= 50 && r->level <= 50 &&
         (inflected(p, l->len) || loose_first(p, l->len, l->len + r->len));
}

/* Function words that also end names: "Bradsher", "Dawson", "Crosby". */
static bool name_ending(const char *p, size_t n) {
  static const char *const words[] = {"her", "an", "on", "by", "us"};
  return in_list(words, sizeof words / sizeof words[0], p, n);
}

/* Verbs that follow their subject, in forms without -ed or -s: "Trumpsaw",
 * "Peoplefind". */
static bool subject_verb(const char *p, size_t n) {
  static const char *const words[] = {
      "saw",      "took",    "made",    "gave",   "got",     "went",
      "came",     "told",    "found",   "left",   "met",     "ran",
      "won",      "lost",    "began",   "became", "held",    "kept",
      "brought",  "thought", "knew",    "felt",   "sent",    "spent",
      "paid",     "said",    "wrote",   "spoke",  "chose",   "led",
      "sold",     "built",   "bought",  "fell",   "rose",    "grew",
      "drew",     "wore",    "struck",  "stood",  "sought",  "taught",
      "find",     "say",     "think",   "want",   "need",    "know",
      "see",      "use",     "make",    "take",   "give",    "get",
      "tell",     "feel",    "seem",    "plan",   "hope",    "expect",
      "continue", "remain",  "believe", "argue",  "suggest", "indicate",
      "show",     "claim",   "agree",   "warn",   "urge",    "deny"};
  return in_list(words, sizeof words / sizeof words[0], p, n);
}

/* A capitalised first part with no case change: "Thecompany",
 * "Blinkenstressed", "Trumpsaid", "Fridayis". */
static bool capital_signal(const char *p, size_t i, const struct evidence *l,
                           const struct evidence *r) {
  bool of = r->len == 2 && p[i] == 'o' && p[i + 1] == 'f';
  if (i == 1) /* "Ihave" */
    return r->len >= 3 && (r->stop || (r->level && r->level <= 35));
  if (opener(p, i) && solid(r) && !name_ending(p + i, r->len))
    return true;
  if (l->docname && !l->common)
    return (r->stop && !name_ending(p + i, r->len)) || r->score >= 5;
  if (l->name && !l->common && l->len >= 5 && r->stop && (r->len >= 3 || of))
    return true; /* "Fridaythat" */
  if (l->common && l->level <= 50 && l->len >= 4 && r->stop &&
      (r->len >= 3 || of))
    return true; /* "Joiningthe", "Departmentof" */
  if (l->common && l->level <= 35 && inflected(p, l->len) && solid(r) &&
      r->len >= 3)
    return true; /* "Sellingcars" */
  if (l->docname && r->len >= 4 && r->level && r->level <= 50 &&
      (inflected(p + i, r->len) || (r->len >= 5 && p[i + r->len - 1] == 's')))
    return true; /* "Fordagreed", "Appleviews" */
  if (l->docname && small_link(p + i, r->len))
    return true; /* "Fordto" */
  if (l->docname && subject_verb(p + i, r->len))
    return true; /* "Trumpsaw" */
  if (l->len >= 5 && l->level && l->level <= 35 && r->len == 2 &&
      (memcmp(p + i, "to", 2) == 0 || memcmp(p + i, "of", 2) == 0))
    return true; /* "Welcometo"; not "Linkedin" */
  return l->docname && r->stop && r->len >= 3;
}

/* Two capitalised parts, "KamalaHarris", "TheFossil": a name seen alone in
 * the document on one side; not after a name prefix ("McDonald"). */
static bool camel_signal(const char *p, size_t i, const struct evidence *l,
                         const struct evidence *r) {
  if (name_prefix(p, i))
    return false;
  if (l->docname && (r->name || r->docname || (!l->common && solid(r))))
    return true;
  if (r->docname && (l->name || (!r->common && l->level)))
    return true; /* "MartinTaylor" */
  if (!opener(p, i))
    return false;
  return r->name || (i == 3 && memcmp(p, "The", 3) == 0 && solid(r));
}

/* Whether the case and the parts' evidence make a split at i plausible. */
static bool signal(const char *p, size_t i, const struct evidence *l,
                   const struct evidence *r, bool pair) {
  bool cap = is_upper((unsigned char)p[0]);
  bool trans = is_upper((unsigned char)p[i]);
  if (r->len == 1 && cap) /* "Buildinga" */
    return !trans && p[i] == 'a' && l->common && l->level && l->level <= 35 &&
           (inflected(p, l->len) || opener(p, i));
  if (r->len == 1) /* "featureda", "thatI" */
    return solid(l) && l->len >= 3 && (trans || l->len >= 4);
  if (l->len == 1 && (r->len < 4 || !solid(r)))
    return false;
  if (pair)
    return true;
  if (trans && cap)
    return camel_signal(p, i, l, r);
  if (trans) /* "summitThe", "theSenate"; not "parseInt", "onClick" */
    return opener(p + i, r->len) || r->name ||
           (article(p, i) && r->len >= 4 && r->level && r->level <= 50);
  if (cap)
    return capital_signal(p, i, l, r);
  if (l->len + r->len <= 5 && !(l->stop && r->stop) &&
      (l->stop ? r->level : l->level) > 20)
    return false; /* "melee" */
  if (l->stop && !prefix_word(p, i))
    return solid(r);
  if (l->stop) /* "inthe"; "infront" only when "front" stands alone */
    return r->stop || (r->len >= 4 && r->level && r->level <= 35 && r->count);
  if (l->len == 3 && r->len < 4) /* "bitof", "wayto" */
    return l->level && l->level <= 35 && small_link(p + i, r->len);
  return (r->stop && solid(l)) || content_pair(p, l, r);
}

/* Score of splitting p[0..n) at i, or -1 when the evidence is too weak. */
static int split_score(struct glue *g, const char *p, size_t n, size_t i) {
  struct evidence l = part_evidence(g, p, i);
  if (!l.ok)
    return -1;
  struct evidence r = part_evidence(g, p + i, n - i);
  if (!r.ok)
    return -1;
  bool pair = pair_count(g, p, n, i) > 0;
  if (!signal(p, i, &l, &r, pair))
    return -1;
  bool trans = is_upper((unsigned char)p[i]);
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

/* ---- the held window: pairs, rewriting, emitting ------------------------- */

static const char *held_text(const struct glue *g, const struct held *h) {
  return h->ext ? h->ext : g->text.data + h->start;
}

static struct token cand_token(const struct cand *c, const char *text) {
  struct token t = {text + c->start, c->rlen, c->core, c->clen};
  return t;
}

/* Note the spaced pairs that a split of a candidate token would make, so
 * that count_pairs can look for them. */
static enum kempt_status want_pairs(struct glue *g, const struct token *t) {
  size_t inner;
  struct word *whole;
  const char *p = t->raw + t->core;
  if (!candidate_shape(t, &inner) || !candidate_word(g, p, t->clen, &whole))
    return KEMPT_OK;
  size_t lo = inner ? inner : 1, hi = inner ? inner : t->clen - 1;
  for (size_t i = lo; i <= hi; i++) {
    char key[MAX_TOKEN + 2];
    size_t k = pair_key(p, t->clen, i, key);
    struct word *left = vocab_get(&g->doc, key, i);
    struct word *right = vocab_get(&g->doc, key + i + 1, k - i - 1);
    if (!left || !right)
      continue;
    left->flags |= W_PAIRL;
    struct word *w;
    enum kempt_status s = vocab_add(&g->pairs, key, k, &w);
    if (s != KEMPT_OK)
      return s;
  }
  return KEMPT_OK;
}

/* Whether the tokens of block b are weighed: English by the function
 * words of the block, or of it and its neighbours, or of the document, and
 * not a block where unknown words abound (names lists, other languages,
 * random letters). */
static bool english(const struct glue *g, size_t b) {
  const struct held *h = &g->blocks[b];
  if (h->flags & KEMPT_BLOCK_REMOVED)
    return false;
  if (h->lang.words >= 10 && 4 * h->cands > h->lang.words)
    return false; /* a quarter of its words unknown: not English prose */
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

/* Count the wanted pairs where they stand spaced in the held blocks. */
static void count_pairs(struct glue *g) {
  for (size_t i = 0; i + 1 < g->nids; i++) {
    uint32_t a = g->ids[i], b = g->ids[i + 1];
    if (!a || !b || !(g->doc.words[a - 1].flags & W_PAIRL))
      continue;
    const struct word *l = &g->doc.words[a - 1], *r = &g->doc.words[b - 1];
    char key[2 * MAX_TOKEN + 2];
    if ((size_t)l->len + r->len + 1 > sizeof key)
      continue;
    memcpy(key, g->doc.pool.data + l->off, l->len);
    key[l->len] = ' ';
    memcpy(key + l->len + 1, g->doc.pool.data + r->off, r->len);
    struct word *w = vocab_get(&g->pairs, key, l->len + 1 + r->len);
    if (w)
      w->count++;
  }
}

/* Split the candidate if the evidence says so: copy the block up to the
 * split point and a space to out. */
static enum kempt_status split_cand(struct glue *g, const struct held *h,
                                    const char *text, const struct cand *c,
                                    size_t *done) {
  struct token t = cand_token(c, text);
  size_t at = decide(g, &t);
  if (!at)
    return KEMPT_OK;
  const char *p = t.raw + t.core;
  size_t cut = (size_t)(p - text) + at;
  enum kempt_status s = kempt__buf_add(&g->out, text + *done, cut - *done);
  if (s == KEMPT_OK)
    s = kempt__buf_addc(&g->out, ' ');
  if (s != KEMPT_OK)
    return s;
  *done = cut;
  char after[MAX_TOKEN + 1];
  memcpy(after, p, at);
  after[at] = ' ';
  memcpy(after + at + 1, p + at, t.clen - at);
  kempt__change(g->env, "split glued words", h->offset + (uint64_t)(p - text),
                p, t.clen, after, t.clen + 1);
  return KEMPT_OK;
}

/* Weigh the candidates cands[0..n) of one block and emit it, rewritten or
 * as it was. */
static enum kempt_status emit_one(struct glue *g, const struct held *h,
                                  const struct cand *cands, size_t n) {
  const char *text = held_text(g, h);
  struct kempt_block b = {text,      h->len,   h->flags, h->nlines,
                          h->offset, h->index, h->rule};
  size_t done = 0;
  enum kempt_status s = KEMPT_OK;
  kempt__buf_clear(&g->out);
  for (size_t i = 0; i < n && h->weigh && s == KEMPT_OK; i++)
    s = split_cand(g, h, text, &cands[i], &done);
  if (s == KEMPT_OK && done)
    s = kempt__buf_add(&g->out, text + done, h->len - done);
  if (s == KEMPT_ERR_LIMIT) /* too many splits to hold: leave it */
    return kempt__emit_block(g->env, &b);
  if (s != KEMPT_OK)
    return s;
  if (done) {
    b.text = g->out.data;
    b.len = g->out.len;
  }
  return kempt__emit_block(g->env, &b);
}

/* Decide and emit every held block, then empty the window (the
 * vocabulary stays for the rest of the document). */
static enum kempt_status flush(struct glue *g) {
  enum kempt_status s = KEMPT_OK;
  for (size_t i = 0; i < g->nblocks; i++)
    g->blocks[i].weigh = english(g, i);
  for (size_t i = 0; i < g->ncands && s == KEMPT_OK; i++) {
    const struct held *h = &g->blocks[g->cands[i].block];
    if (h->weigh) {
      struct token t = cand_token(&g->cands[i], held_text(g, h));
      s = want_pairs(g, &t);
    }
  }
  if (s == KEMPT_OK && g->pairs.used)
    count_pairs(g);
  size_t c = 0;
  for (size_t i = 0; i < g->nblocks && s == KEMPT_OK; i++) {
    size_t first = c;
    while (c < g->ncands && g->cands[c].block == i)
      c++;
    s = emit_one(g, &g->blocks[i], g->cands + first, c - first);
  }
  g->nblocks = g->ncands = g->nids = 0;
  kempt__buf_clear(&g->text);
  vocab_clear(&g->pairs);
  return s;
}

/* ---- the stage ----------------------------------------------------------- */

static void warn_window(struct glue *g) {
  if (g->warned)
    return;
  g->warned = true;
  kempt__warn(g->env->report,
              "glue: a document longer than %u bytes was weighed in "
              "windows, with the vocabulary seen so far",
              GLUE_TEXT_CAP);
}

/* Hold block b (its text copied, or pointed to when it is too big to
 * hold: then it is weighed alone at once). */
static enum kempt_status hold(struct glue *g, const struct kempt_block *b,
                              bool big) {
  enum kempt_status s = room(g->env->alloc, (void **)&g->blocks, g->nblocks,
                             &g->capblocks, sizeof *g->blocks, GLUE_BLOCKS_CAP);
  if (s != KEMPT_OK)
    return s;
  struct held h;
  memset(&h, 0, sizeof h);
  h.start = g->text.len;
  h.len = b->len;
  h.ext = big ? b->text : NULL;
  h.flags = b->flags;
  h.nlines = b->nlines;
  h.offset = b->offset;
  h.index = b->index;
  h.rule = b->rule;
  if (!big)
    s = kempt__buf_add(&g->text, b->text, b->len);
  if (s != KEMPT_OK)
    return s;
  g->blocks[g->nblocks++] = h;
  if (b->flags & KEMPT_BLOCK_REMOVED)
    return KEMPT_OK;
  return count_block(g, g->nblocks - 1, b->text);
}

static enum kempt_status glue_block(void *st, const struct kempt_block *b) {
  struct glue *g = st;
  enum kempt_status s = KEMPT_OK;
  bool big = b->len > g->text.cap;
  if (big || g->text.len + b->len > g->text.cap ||
      g->nblocks == GLUE_BLOCKS_CAP) {
    warn_window(g);
    s = flush(g);
  }
  if (s == KEMPT_OK)
    s = hold(g, b, big);
  if (s == KEMPT_OK && big)
    s = flush(g);
  return s;
}

static void clear_document(struct glue *g) {
  g->nblocks = g->ncands = g->nids = 0;
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
  vocab_init(&g->known, a, KNOWN_CAP, KNOWN_CAP * 16);
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
  kempt__free(g->env->alloc, g->cands);
  kempt__free(g->env->alloc, g->ids);
  vocab_free(&g->doc);
  vocab_free(&g->user);
  vocab_free(&g->pairs);
  vocab_free(&g->known);
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
