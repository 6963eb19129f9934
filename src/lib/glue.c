/* glue.c - the glue stage: split words that a dropped inline element glued
 * together ("Blinkenstressed" -> "Blinken stressed", "summitThe" ->
 * "summit The"), and nothing else.
 *
 * A document stage: blocks are held (up to a cap) while each token is
 * read once: its language evidence (function words of the block) is
 * counted, the hash of its lower-case form is recorded with a few flags
 * (a standalone occurrence, capitalised inside a sentence, seen
 * hyphenated, next to the following word), and a token with the shape of
 * a glued pair that is no known word becomes a candidate. At the end of
 * the document (or when the cap is reached, with the words seen so far)
 * the document's vocabulary is counted for the words that the candidates'
 * splits ask about only, in one pass over the recorded hashes (a byte
 * filter by the top bits of the hash in front of the table), every
 * candidate is weighed and the blocks are emitted. Text without
 * candidates costs one pass and a table probe per token; the answers of
 * the word list and the function-word lists for recent words are kept in
 * a cache of the handle (they depend on the word only), so that a common
 * word skips the big list, and a candidate token that recurs in a window
 * is asked about and weighed once. In front of it, caches keyed by a
 * token's bytes as written keep what reading it comes to (its hash, its
 * language evidence, whether it can be a candidate, its record's flags),
 * so that the common tokens of prose are read in a run, 16 bytes at a
 * time, without being lower-cased, hashed or decoded again; one loop
 * (plain_run) reads a held block's white space and tokens of every kind,
 * and a token that its look-up in the word list finds plain is marked so
 * in the cache at once.
 *
 * A candidate is a token of 4 to 40 ASCII letters (four only to part two
 * function words: "wasa", "Itis"; never three: "ofa" stays, as the issue's
 * rule for tokens shorter than four letters asks), in an English stretch
 * of text (function-word counts of the block, or of it and its
 * neighbours, or of the document), on a line that does not look like
 * code, without digits, @, #, /, _ and the like, not all capitals, with
 * at most one inner capital (or two, each starting a word: "iPadPro"; or
 * capitals and a word: "NASAhas", "theUS"), that is not a known word (the
 * embedded SCOWL list in any casing - except a rare proper name written
 * in lower case, a name written with an inner capital that the list never
 * has, and the list's rarest words, split only where the document has the
 * spaced pair - or --words), and not seen hyphenated, or whole elsewhere
 * in the document unless the spaced pair is clearly more frequent.
 *
 * Each split position needs both parts to be words (known, function words
 * or seen alone in the document) and a signal that depends on the case
 * pattern: a function word or sentence opener on one side ("ofthe",
 * "Thecompany"), a name seen alone in the document ("Blinkenstressed",
 * "KamalaHarris", "CountyJail" beside a word also seen alone), a case
 * change before an opener or a name ("summitThe"), a camel-case word or
 * capitals seen alone or in the list before a word ("WeWorkis",
 * "McConnellsaid", "NASAhas"), an inflected or derived first word
 * ("expressedconfidence"), or the spaced pair seen elsewhere in the
 * document; never before a suffix or a head of names ("Cleggmania",
 * "Northwell"). A name of the document is a part capitalised inside its
 * sentences there: beside a new title-case name ("ConnorHellebuyck"), a
 * common title-case word ("EastCoast") or a longer common word
 * ("Senateimpeachment"); a camel-case word with a lower-case first letter
 * may follow a word ("AppleiPhone"). Positions are scored by the parts'
 * commonness and document evidence; the token is split once, at the best
 * position, and only when no other position comes close - or when the
 * one other that does has a rarer word of the list where the best has only
 * the most common ones ("a|small", not "as|mall").
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "internal.h"
#include "kempt_glue.h"
#include "lang.h"
#include "wordlist.h"

#include <utf8proc.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define GLUE_SSE2 1
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define GLUE_AVX2 1 /* paths for CPUs that have it, chosen at run time */
#endif
#endif

#define GLUE_TEXT_CAP (4u << 20)   /* buffered block text per window */
#define GLUE_BLOCKS_CAP (1u << 18) /* buffered blocks per window */
#define VOCAB_WORDS_CAP (1u << 18) /* distinct words per document */
#define USER_WORDS_CAP (1u << 20)  /* words of --words lists */
#define QUERY_CAP (1u << 20)       /* words and pairs asked about */
#define TOKENS_CAP (1u << 22)      /* recorded words per window */
#define CANDS_CAP (1u << 18)       /* candidate tokens per window */
#define TEXT_PAD 8                 /* a space and zero bytes after each held
                                      block */
#define TEXT_SLACK 16 /* more zero bytes after the last held block while it
                         is read (plain_run reads 16 bytes at a time) */
#define FILTER_SHIFT 48 /* the query filter: a byte per top 16 bits of hash */
#define FILTER_SIZE ((size_t)1 << (64 - FILTER_SHIFT))
#define FILTER_SET 4096 /* words of the query filter cleared one by one */
#define MIN_TOKEN 4 /* four letters: two function words ("wasa") */
#define MAX_TOKEN 40
#define WORD_CACHE_BITS 15 /* recent words' answers: 32768 of 16 bytes */
#define TOK_CACHE_BITS 16  /* recent tokens as written: 65536 of 32 bytes */
#define TOK_CACHED 16      /* letters of the longest token cached so */
#define UTOK_CACHE_BITS 13 /* tokens with other letters: 8192 of 56 bytes */
#define UTOK_MAX 32        /* bytes of the longest token cached so */
/* The three caches start 1 << CACHE_SMALL_SHIFT times smaller (toks 128 KB,
 * words 32 KB, utoks 28 KB) and take their full size once they have been
 * filled CACHE_GROW_FILLS times: a page's text needs no more, and the
 * first touch of each page of the full ones (2.5 MB, by hashes: a page
 * fault for nearly every new word) cost a process run on one page more
 * than reading its words. Their answers depend on the token only, so
 * that a cache started anew answers as before. */
#define CACHE_SMALL_SHIFT 4
#define CACHE_GROW_FILLS (1u << (TOK_CACHE_BITS - CACHE_SMALL_SHIFT - 1))
#define RARE_LEVEL 80 /* the list's rarest words: often glue themselves */
#define RARE_MAX 8     /* letters of such a word ("tobe", "typesof") */

/* ---- hash tables of words ------------------------------------------------ */

/* Flags of a recorded word. */
enum {
  T_COUNT = 1,  /* an occurrence on its own (else seen hyphenated) */
  T_CAPMID = 2, /* capitalised, not at a sentence start */
  T_LINK = 4    /* the next recorded word follows it with only a space */
};

/* Flags of a table entry. */
enum { E_HYPHEN = 1, E_PAIRL = 2 };

/* Flags of an entry of the table of candidate tokens (keyed by the hash
 * of the raw token as written): its splits were asked about; it was
 * decided, and count holds where it splits; it has no candidate_shape
 * (never split). */
enum { K_ASKED = 1, K_DECIDED = 2, K_SHAPELESS = 4 };

/* What the document says about a word (or a pair): keyed by the
 * kempt__word_hash of its lower-case form (0 is stored as 1). */
struct entry {
  uint64_t key;    /* valid when gen is the table's */
  uint32_t count;  /* standalone occurrences */
  uint32_t capmid; /* capitalised, not at a sentence start */
  uint32_t flags;
  uint32_t gen;
};

struct table {
  struct entry *e;
  size_t size; /* a power of 2, 0 before first use */
  size_t used, max;
  uint32_t gen; /* entries of other generations are empty */
  const struct kempt_allocator *alloc;
};

static inline uint64_t fix_key(uint64_t h) { return h ? h : 1; }

static void table_init(struct table *t, const struct kempt_allocator *a,
                       size_t max) {
  memset(t, 0, sizeof *t);
  t->alloc = a;
  t->max = max;
  t->gen = 1;
}

/* Empty the table: a new generation (the memory is cleared only when
 * the generation number wraps). */
static void table_clear(struct table *t) {
  if (!t->used)
    return;
  t->used = 0;
  if (++t->gen == 0) {
    memset(t->e, 0, t->size * sizeof *t->e);
    t->gen = 1;
  }
}

static void table_free(struct table *t) {
  kempt__free(t->alloc, t->e);
  t->e = NULL;
  t->size = t->used = 0;
}

/* The slot of key: its entry, or the empty slot where it would go. */
static inline struct entry *table_slot(const struct table *t, uint64_t key) {
  size_t mask = t->size - 1;
  for (size_t i = (size_t)(key >> 40) & mask;; i = (i + 1) & mask)
    if (t->e[i].gen != t->gen || t->e[i].key == key)
      return &t->e[i];
}

static inline struct entry *table_get(const struct table *t, uint64_t h) {
  if (!t->used)
    return NULL;
  struct entry *e = table_slot(t, fix_key(h));
  return e->gen == t->gen ? e : NULL;
}

static enum kempt_status table_grow(struct table *t) {
  size_t nsize = t->size ? 2 * t->size : 256;
  struct entry *ne = kempt__calloc(t->alloc, nsize * sizeof *ne);
  if (!ne)
    return KEMPT_ERR_NOMEM;
  struct entry *old = t->e;
  size_t osize = t->size;
  uint32_t ogen = t->gen;
  t->e = ne;
  t->size = nsize;
  t->gen = 1;
  for (size_t i = 0; i < osize; i++)
    if (old[i].gen == ogen) {
      struct entry *e = table_slot(t, old[i].key);
      *e = old[i];
      e->gen = 1;
    }
  kempt__free(t->alloc, old);
  return KEMPT_OK;
}

/* The entry of hash h, added when missing (*fresh: added now); *out is
 * NULL when the table is full (not an error: the word is then not
 * counted). */
#if defined(__GNUC__)
__attribute__((always_inline)) /* the probe in its callers (ask) */
#endif
static inline enum kempt_status table_put(struct table *t, uint64_t h,
                                   struct entry **out, bool *fresh) {
  uint64_t key = fix_key(h);
  *out = NULL;
  *fresh = false;
  struct entry *e = t->size ? table_slot(t, key) : NULL;
  if (e && e->gen == t->gen) {
    *out = e;
    return KEMPT_OK;
  }
  if (t->used >= t->max)
    return KEMPT_OK;
  if (2 * (t->used + 1) > t->size) {
    enum kempt_status s = table_grow(t);
    if (s != KEMPT_OK)
      return s;
    e = table_slot(t, key);
  }
  memset(e, 0, sizeof *e);
  e->key = key;
  e->gen = t->gen;
  t->used++;
  *out = e;
  *fresh = true;
  return KEMPT_OK;
}

/* table_put, whether or not the entry is new. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline enum kempt_status table_add(struct table *t, uint64_t h,
                                          struct entry **out) {
  bool fresh;
  return table_put(t, h, out, &fresh);
}

/* The hash of a spaced pair of words from the words' hashes. */
static uint64_t pair_hash(uint64_t l, uint64_t r) {
  return kempt__word_hash_end(kempt__word_hash_step(l, r) + 0x632BE59BD9B4E019u);
}

/* ---- the stage's state --------------------------------------------------- */

/* What the word list and the function-word lists say about a word of
 * ASCII letters, found by its hash: a cache in front of the big word list
 * (a lookup there is a cache miss or two) for the words that recur. The
 * answers depend on the word only, so they stay valid across documents. */
struct word_info {
  uint64_t h;     /* the word's kempt__word_hash */
  uint32_t langs; /* its function-word languages (words of 1 to 6 letters) */
  uint8_t level;  /* kempt__wordlist_probe, when listed */
  bool proper;
  bool valid;  /* h and langs are set */
  bool listed; /* level and proper too */
};

/* What a token of 1 to TOK_CACHED ASCII letters as written comes to: a
 * cache in front of word_info keyed by the letters themselves (which are
 * never zero bytes, so that the zero padding tells the length), so that a
 * token that recurs is neither lower-cased nor hashed nor weighed for its
 * shape again. The answers depend on the letters only (and on --words). */
struct tok_info {
  uint64_t raw[2]; /* the letters, zero padded; raw[0] == 0: an empty slot
                      (and TOK_UNPLAIN in raw[0] when not TI_PLAIN) */
  uint64_t h;      /* kempt__word_hash of their lower case */
  uint32_t langs;  /* as word_info's */
  uint8_t flags;   /* TI_, and T_COUNT | T_LINK: the T_ flags of the word
                      in a run of words (plain_run) */
  uint8_t lang1;   /* the first language of langs: its index (ctz + 1),
                      else 0 */
};

enum {
  TI_CAP = T_CAPMID, /* a capital, then no other: capitalised (the flag a
                        word gets for it inside a sentence) */
  TI_PLAIN = 8,      /* never a candidate: too short, not the shape of a
                        glued pair, or a known word as written (no T_ flag:
                        the records ignore it) */
  TI_MULTI = 16      /* langs of two languages or more (lang1 the first;
                        no T_ flag either) */
};

/* Set in raw[0] of a slot whose token is not TI_PLAIN (a bit that no
 * letter has), so that plain_run's run, which looks for its tokens by
 * raw[0] only, finds it no match without reading the flags; the slot's
 * letters are raw[0] without it (tok_is). */
#define TOK_UNPLAIN ((uint64_t)0x80 << 56)

/* Whether the slot ti holds the token whose letters are r0, r1. */
static inline bool tok_is(const struct tok_info *ti, uint64_t r0,
                          uint64_t r1) {
  /* most often plain, as written: tested first */
  return (ti->raw[0] == r0 && ti->raw[1] == r1) ||
         ((ti->raw[0] & ~TOK_UNPLAIN) == r0 && ti->raw[1] == r1);
}

/* What a token of up to UTOK_MAX bytes that plain_run does not read
 * itself (bytes beyond ASCII, or ASCII letters among other bytes: "U.S.",
 * "[e151e5]") comes to when it records at most one word (count_compound: its
 * word does not start with ASCII letters, or they are not followed by a
 * separator: "Zürich" records "z") and holds at most two function words: its
 * language evidence, the word it records and whether it ends a sentence, keyed
 * by its bytes (count_token, which must be changed with count_compound,
 * lang_add_any and ends_sentence). plain_run and count_token_in read a
 * token from its entry; one of two function words ("U.S.": "u" and "s"
 * are function words of some languages) has UTOK_TWO set in len. */
#define UTOK_TWO 0x80 /* in len: two function words (UTOK_MAX is less) */
struct utok_info {
  uint64_t raw[UTOK_MAX / 8]; /* its bytes, zero padded */
  uint64_t h;                 /* the hash of the word it records */
  uint32_t langs;             /* the languages of its function words */
  uint32_t langs2;            /* those of both of two (UTOK_TWO) */
  uint8_t len;                /* its length, 0: an empty slot */
  uint8_t words;              /* the words lang_add_any counts in it */
  bool ends;                  /* ends_sentence */
  bool rec, cap;              /* it records a word; capitalised */
};

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
  uint64_t key; /* its token_key, once weigh_window has weighed its block */
};

struct glue {
  const struct kempt_env *env;
  struct kempt_buf text; /* the held blocks' text */
  struct held *blocks;
  size_t nblocks, capblocks;
  struct cand *cands; /* of the held blocks, in text order */
  size_t ncands, capcands;
  uint64_t *th; /* the held blocks' words: hashes of their lower case */
  uint8_t *tf;  /* and T_ flags */
  size_t ntok, captok;
  struct table doc;   /* words of earlier windows of this document */
  struct table query; /* the words and pairs that candidates ask about */
  struct table pairs;
  struct table user; /* --words */
  struct table seen; /* candidate tokens of the window, as written */
  uint8_t *filter; /* FILTER_SIZE bytes, by the top bits of a hash: 1 for
                      a word of query (count_asked passes the rest) */
  uint16_t filter_at[FILTER_SET]; /* the bytes of filter set, */
  size_t filter_set;               /* how many (more: all may be) */
  struct word_info *words; /* 1 << WORD_CACHE_BITS, by the low bits of h */
  struct tok_info *toks;    /* 1 << TOK_CACHE_BITS, by a hash of raw */
  struct utok_info *utoks;  /* 1 << UTOK_CACHE_BITS, by a hash of raw */
  /* ... each CACHE_SMALL_SHIFT bits less while small; all three in one
   * allocation (of fresh, zeroed pages: no memset), at toks: */
  size_t word_mask;           /* the slots of words - 1 */
  unsigned tok_shift;         /* 64 - the bits of toks' slots */
  unsigned utok_shift;        /* 64 - the bits of utoks' slots */
  size_t fills;               /* entries filled while small */
  bool caches_full;           /* the caches have their full size */
  struct kempt_lang_count doc_lang; /* function words of the document: */
  size_t lang_done; /* of the held blocks before this one and of earlier
                       windows (doc_lang_add) */
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
  return (unsigned char)((c | 0x20) - 'a') < 26;
}
static inline bool is_ws(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

#if defined(__GNUC__)
#define RARELY(x) __builtin_expect(!!(x), 0)
#else
#define RARELY(x) (x)
#endif

/* Byte classes of the token reader. */
enum { C_WS = 1, C_ALPHA = 2, C_UPPER = 4, C_MARK = 8, C_HIGH = 16, C_CODE = 32 };
static const uint8_t byte_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 8, 8, 0, 32, 0, 32, 8, 40, 8, 8, 0, 8, 32, 8, 32,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 40, 8, 40, 32, 8, 8,
    0, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6,
    6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 8, 32, 8, 0, 0,
    0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 40, 32, 40, 0, 0,
    16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
    16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
    16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
    16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
    16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
    16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
    16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
    16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
};

/* 0x80 in each byte of x that is an ASCII letter. */
static inline uint64_t letter_bytes(uint64_t x) {
  const uint64_t ones = 0x0101010101010101u, high = 0x80 * ones;
  uint64_t t = (x | 0x20 * ones) & ~high;
  uint64_t ge = t + (0x80 - 'a') * ones, gt = t + (0x80 - 'z' - 1) * ones;
  return ge & ~gt & ~x & high;
}

/* Index of the lowest byte with its high bit set in m (m != 0). */
static inline unsigned low_byte(uint64_t m) {
#if defined(__GNUC__)
  return (unsigned)__builtin_ctzll(m) >> 3;
#else
  unsigned k = 0;
  while (!(m & 0x80)) {
    m >>= 8;
    k++;
  }
  return k;
#endif
}

/* Index of the lowest bit set in m (m != 0). */
static inline unsigned low_bit(unsigned m) {
#if defined(__GNUC__)
  return (unsigned)__builtin_ctz(m);
#else
  unsigned k = 0;
  while (!(m & 1)) {
    m >>= 1;
    k++;
  }
  return k;
#endif
}

static inline void store_le64(char *p, uint64_t v) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  v = __builtin_bswap64(v);
#endif
  memcpy(p, &v, 8);
}

/* Length of a punctuation mark at p[0..n) that may open or close a word:
 * ASCII punctuation, curly quotes, dashes, ellipsis, guillemets. 0 if none. */
static inline size_t punct_len(const char *p, size_t n) {
  unsigned char c = (unsigned char)p[0];
  if (c < 0x80) /* " ' ( ) [ ] { } < > . , ; : ! ? *: the C_MARK bytes */
    return (byte_class[c] & C_MARK) != 0;
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

/* Whether the token ends a sentence: . ! ? or : before closing marks. */
static bool ends_sentence(const struct token *t) {
  size_t n = t->rlen;
  while (n) {
    unsigned char c = (unsigned char)t->raw[n - 1];
    if (c == '.' || c == '!' || c == '?' || c == ':')
      return true;
    if (c < 0x80) { /* an ASCII mark of punct_len is one of C_MARK */
      if (!(byte_class[c] & C_MARK) || c == ',' || c == ';')
        return false;
      n--;
      continue;
    }
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

/* The lower case of the ASCII letters p[0..n) (letters only: the 0x20
 * bit is set) into buf, which may be p; returns n. */
static size_t lower_ascii(const char *p, size_t n, char *buf) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8)
    store_le64(buf + i, kempt__load_le64(p + i) | 0x2020202020202020u);
  for (; i < n; i++)
    buf[i] = (char)(p[i] | 0x20);
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


/* ---- reading the held blocks ---------------------------------------------- */

/* Whether the word list knows the token p[0..n) (hash h) as written: any
 * casing of a word, except a rare proper name written in lower case
 * ("witha" is no word, though "Witha" is a name), a name written with
 * an inner capital that the list never spells so ("WhiteHouse", though
 * "Whitehouse" is a name; "McDonald" and "JavaScript" are words), and the
 * list's rarest words ("tobe", "aswell", "astate": weighed, and split only
 * where the document has the spaced pair). */
static inline bool known_as_written(int level, bool proper, const char *p,
                                    size_t n, uint64_t h) {
  /* one test for the common case: a word below the rarest level */
  if ((unsigned)level - 1u >= RARE_LEVEL - 1u) {
    if (!level)
      return false;
    if (!proper) /* a longer rare word is a word ("timeframe") */
      return n > RARE_MAX;
  } else if (!proper) {
    return true;
  }
  bool lower = is_lower((unsigned char)p[0]), inner = false;
  for (size_t i = 1; i < n; i++)
    inner |= is_upper((unsigned char)p[i]);
  if (inner)
    return kempt__wordlist_camel(h);
  return level < 80 || !lower;
}

/* The lower-case ASCII letters key[0..n), n <= 8, packed little-endian. */
static uint64_t pack_key(const char *key, size_t n) {
  uint64_t k = 0;
  for (size_t i = n; i > 0; i--)
    k = k << 8 | (unsigned char)key[i - 1];
  return k;
}

/* The function-word languages of lower-case ASCII key[0..n); as lang.c,
 * whose ASCII function words are at most 8 letters long. */
static uint32_t stop_langs(const char *key, size_t n) {
  return n <= 8 ? kempt__stopword_langs_packed(pack_key(key, n), n) : 0;
}

/* One more hit for each language of the mask m. */
static inline void add_hits(uint32_t *hits, uint32_t m) {
  for (; m; m &= m - 1) {
#if defined(__GNUC__)
    hits[__builtin_ctz(m) + 1]++;
#else
    int l = 1;
    while (!(m & (1u << (l - 1))))
      l++;
    hits[l]++;
#endif
  }
}

static inline void add_langs(struct kempt_lang_count *c, uint32_t m) {
  c->words++;
  for (; m; m &= m - 1) {
#if defined(__GNUC__)
    c->hits[__builtin_ctz(m) + 1]++;
#else
    int l = 1;
    while (!(m & (1u << (l - 1))))
      l++;
    c->hits[l]++;
#endif
  }
}

/* kempt__lang_add over an ASCII token: its runs of letters are its words. */
static void lang_add_ascii(struct kempt_lang_count *c, const char *p,
                           size_t n) {
  size_t i = 0;
  while (i < n) {
    if (!is_alpha((unsigned char)p[i])) {
      i++;
      continue;
    }
    uint64_t key = 0; /* stop_langs' pack_key of the lower case */
    size_t j = i, e = n - i < 8 ? n : i + 8;
    if (e == i + 8) { /* 8 bytes at once */
      uint64_t x = kempt__load_le64(p + i);
      uint64_t stop = ~letter_bytes(x) & 0x8080808080808080u;
      unsigned k = stop ? low_byte(stop) : 8;
      key = (x | 0x2020202020202020u) &
            (k < 8 ? ((uint64_t)1 << (8 * k)) - 1 : ~(uint64_t)0);
      j = i + k;
    } else {
      while (j < e && is_alpha((unsigned char)p[j])) {
        key |= (uint64_t)((unsigned char)p[j] | 0x20) << (8 * (j - i));
        j++;
      }
    }
    while (j < n && is_alpha((unsigned char)p[j])) /* no function word */
      j++;
    uint32_t m =
        j - i <= 8 ? kempt__stopword_langs_packed(key, j - i) : 0;
    if (m)
      c->stop++;
    add_langs(c, m);
    i = j;
  }
}

/* The code point at p[0..n) (n >= 1) into *cp (-1 for an invalid byte);
 * returns the bytes used: kempt__next_cp, with two- and three-byte
 * sequences decoded here. */
static size_t next_cp(const char *p, size_t n, int32_t *cp) {
  const unsigned char *u = (const unsigned char *)p;
  if (u[0] >= 0xC2 && u[0] <= 0xDF && n >= 2 && (u[1] & 0xC0) == 0x80) {
    *cp = (int32_t)((u[0] & 0x1Fu) << 6 | (u[1] & 0x3Fu));
    return 2;
  }
  if (u[0] >= 0xE0 && u[0] <= 0xEF && n >= 3 && (u[1] & 0xC0) == 0x80 &&
      (u[2] & 0xC0) == 0x80 && (u[0] != 0xE0 || u[1] >= 0xA0) &&
      (u[0] != 0xED || u[1] < 0xA0)) {
    *cp = (int32_t)((u[0] & 0x0Fu) << 12 | (u[1] & 0x3Fu) << 6 |
                    (u[2] & 0x3Fu));
    return 3;
  }
  return kempt__next_cp(p, n, cp);
}

/* Whether cp is in the blocks of punctuation and symbols U+2000..U+206F
 * and U+2190..U+2BFF (dashes, quotes, bullets, arrows, mathematical and
 * technical signs, box drawing, shapes, dingbats), which hold no letter
 * and no mark (test_glue checks this against utf8proc). */
static inline bool symbol_cp(int32_t cp) {
  return cp >= 0x2000 && cp <= 0x2BFF && (cp <= 0x206F || cp >= 0x2190);
}

/* The length of the character at u[0..n) when it is a symbol_cp (3
 * bytes, E2 80 80 to E2 AF BF), else 0: runs of rules and bullets are
 * passed without decoding. */
static inline size_t symbol_len(const unsigned char *u, size_t n) {
  if (n < 3 || u[0] != 0xE2 || (u[2] & 0xC0) != 0x80)
    return 0;
  unsigned c1 = u[1];
  bool in = c1 == 0x80 || (c1 == 0x81 && u[2] < 0xB0) ||
            (c1 == 0x86 && u[2] >= 0x90) || (c1 >= 0x87 && c1 <= 0xAF);
  return in ? 3 : 0;
}

/* Whether the code point cp (not ASCII) is a letter or a mark, as lang.c
 * decides: common ranges of letters here, the rest by utf8proc. */
static bool word_cp(int32_t cp) {
  if (cp < 0 || symbol_cp(cp))
    return false;
  if ((cp >= 0xC0 && cp <= 0x2C1 && cp != 0xD7 && cp != 0xF7) ||
      (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x400 && cp <= 0x481) ||
      (cp >= 0x48A && cp <= 0x52F) || (cp >= 0x4E00 && cp <= 0x9FEF) ||
      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x3041 && cp <= 0x3096) ||
      (cp >= 0x30A1 && cp <= 0x30FA))
    return true;
  utf8proc_category_t c = utf8proc_category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME;
}

/* Code points that no function word of lang.c holds in any casing (CJK,
 * kana, Hangul and beyond). */
static bool far_cp(int32_t cp) {
  return (cp >= 0x3000 && cp < 0xA000) || cp >= 0xAC00;
}

/* kempt__stopword_langs of the word p[0..n) (letters and marks, some not
 * ASCII, at most 24 bytes): Latin-1 and Cyrillic letters are lower-cased
 * here, without utf8proc, and the lower-case key looked up; words with
 * other letters go to kempt__stopword_langs whole. */
static uint32_t stop_langs_utf8(const char *p, size_t n) {
  char key[24] = {0};
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    unsigned char b = (unsigned char)p[i];
    int32_t cp;
    size_t k = b < 0x80 ? 1 : next_cp(p + i, n - i, &cp);
    if (b < 0x80)
      cp = b >= 'A' && b <= 'Z' ? b + 32 : b;
    else if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
             (cp >= 0x410 && cp <= 0x42F))
      cp += 0x20;
    else if (cp >= 0x400 && cp <= 0x40F)
      cp += 0x50;
    else if (!((cp >= 0xDF && cp <= 0xFF && cp != 0xF7) ||
               (cp >= 0x430 && cp <= 0x45F)))
      return kempt__stopword_langs(p, n);
    size_t w = cp < 0x80 ? 1 : 2;
    if (o + w > sizeof key)
      return 0; /* longer than any function word */
    if (w == 1) {
      key[o++] = (char)cp;
    } else {
      key[o++] = (char)(0xC0 | (cp >> 6));
      key[o++] = (char)(0x80 | (cp & 0x3F));
    }
    i += k;
  }
  return kempt__stopword_langs_lower(key, o);
}

/* Whether p[j..n) starts with a two-byte letter of U+0400..U+047F or
 * U+00C0..U+00FF but for the signs: letters of word_cp, none far. */
static inline bool two_byte_letter(const char *p, size_t j, size_t n) {
  unsigned char b = (unsigned char)p[j];
  return j + 1 < n && ((unsigned char)p[j + 1] & 0xC0) == 0x80 &&
         (b == 0xD0 || b == 0xD1 ||
          (b == 0xC3 && p[j + 1] != '\x97' && p[j + 1] != '\xB7'));
}

/* stop_langs_utf8 of a word of ASCII letters and two_byte_letter ones but
 * U+0460..U+047F (those that it lower-cases itself, two bytes to two),
 * at most 24 bytes: lower-cased here a byte pair at a time. */
static uint32_t stop_langs_simple(const char *p, size_t n) {
  char key[24];
  for (size_t i = 0; i < n;) {
    unsigned char b = (unsigned char)p[i];
    if (b < 0x80) {
      key[i++] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
      continue;
    }
    unsigned char d = (unsigned char)p[i + 1];
    if (b == 0xC3 && d <= 0x9E) { /* U+00C0..U+00DE: +0x20 */
      d += 0x20;
    } else if (b == 0xD0 && d < 0xB0) {
      if (d >= 0xA0) { /* U+0420..U+042F: +0x20, to U+0440.. */
        b = 0xD1;
        d -= 0x20;
      } else if (d >= 0x90) { /* U+0410..U+041F: +0x20 */
        d += 0x20;
      } else { /* U+0400..U+040F: +0x50, to U+0450.. */
        b = 0xD1;
        d += 0x10;
      }
    }
    key[i] = (char)b;
    key[i + 1] = (char)d;
    i += 2;
  }
  return kempt__stopword_langs_lower(key, n);
}

/* kempt__lang_add over a token with other than ASCII letters. */
static void lang_add_any(struct kempt_lang_count *c, const char *p, size_t n) {
  size_t i = 0;
  while (i < n) {
    int32_t cp;
    unsigned char b = (unsigned char)p[i];
    if (b == 0xE2) {
      size_t sym = symbol_len((const unsigned char *)p + i, n - i);
      if (sym) {
        i += sym;
        continue;
      }
    }
    size_t j;
    bool high, far, simple; /* simple: stop_langs_simple may lower it */
    if (b >= 0x80 && two_byte_letter(p, i, n)) {
      j = i + 2;
      high = true;
      far = false;
      simple = !(b == 0xD1 && (unsigned char)p[i + 1] >= 0xA0);
    } else {
      size_t k = b < 0x80 ? 1 : next_cp(p + i, n - i, &cp);
      if (b < 0x80 ? !is_alpha(b) : !word_cp(cp)) {
        i += k;
        continue;
      }
      j = i + k;
      high = b >= 0x80;
      far = b >= 0x80 && far_cp(cp);
      simple = b < 0x80;
    }
    while (j < n) {
      b = (unsigned char)p[j];
      if (b < 0x80) {
        if (!is_alpha(b))
          break;
        j++;
        continue;
      }
      if (two_byte_letter(p, j, n)) {
        high = true;
        simple &= !(b == 0xD1 && (unsigned char)p[j + 1] >= 0xA0);
        j += 2;
        continue;
      }
      if (b >= 0xE3 && b <= 0xED && j + 2 < n &&
          ((unsigned char)p[j + 1] & 0xC0) == 0x80 &&
          ((unsigned char)p[j + 2] & 0xC0) == 0x80) {
        /* U+3000..U+DFFF: the CJK ideographs, kana and Hangul syllables
         * are letters of word_cp, all far (a run of Chinese, Japanese or
         * Korean is passed at 3 bytes a step) */
        int32_t ideo = (int32_t)((b & 0x0Fu) << 12 |
                                 ((unsigned char)p[j + 1] & 0x3Fu) << 6 |
                                 ((unsigned char)p[j + 2] & 0x3Fu));
        if ((ideo >= 0x4E00 && ideo <= 0x9FEF) ||
            (ideo >= 0xAC00 && ideo <= 0xD7A3) ||
            (ideo >= 0x3041 && ideo <= 0x3096) ||
            (ideo >= 0x30A1 && ideo <= 0x30FA)) {
          high = far = true;
          j += 3;
          continue;
        }
      }
      size_t k = next_cp(p + j, n - j, &cp);
      if (!word_cp(cp))
        break;
      high = true;
      simple = false;
      far |= far_cp(cp);
      j += k;
    }
    uint32_t m = 0;
    if (far || j - i > 24)
      m = 0;
    else if (high)
      m = simple ? stop_langs_simple(p + i, j - i)
                 : stop_langs_utf8(p + i, j - i);
    else if (j - i <= 8) {
      char key[8];
      for (size_t q = 0; q < j - i; q++)
        key[q] = (char)(p[i + q] | 0x20);
      m = stop_langs(key, j - i);
    }
    if (m)
      c->stop++;
    add_langs(c, m);
    i = j;
  }
}

/* Make room for at least want recorded words (at most TOKENS_CAP; *ok:
 * there is room): the arrays grow fourfold (few copies of them). tf has
 * one byte more, which plain_run's links may write and no one reads. */
static enum kempt_status room_tokens(struct glue *g, size_t want, bool *ok) {
  *ok = want <= g->captok;
  if (*ok || want > TOKENS_CAP)
    return KEMPT_OK;
  size_t ncap = g->captok ? 4 * g->captok : 4096;
  while (ncap < want)
    ncap *= 2;
  if (ncap > TOKENS_CAP)
    ncap = TOKENS_CAP;
  uint64_t *nh = kempt__realloc(g->env->alloc, g->th, ncap * sizeof *nh);
  if (!nh)
    return KEMPT_ERR_NOMEM;
  g->th = nh;
  uint8_t *nf = kempt__realloc(g->env->alloc, g->tf, ncap + 1);
  if (!nf)
    return KEMPT_ERR_NOMEM;
  g->tf = nf;
  g->captok = ncap;
  *ok = true;
  return KEMPT_OK;
}

/* Record one word (hash h) with flags f; returns its index or SIZE_MAX
 * when the window holds too many. */
static enum kempt_status record_slow(struct glue *g, uint64_t h, uint8_t f,
                                     size_t *at) {
  *at = SIZE_MAX;
  if (g->ntok == g->captok) {
    bool ok;
    enum kempt_status s = room_tokens(g, g->ntok + 1, &ok);
    if (s != KEMPT_OK || !ok)
      return s;
  }
  g->th[g->ntok] = h;
  g->tf[g->ntok] = f;
  *at = g->ntok++;
  return KEMPT_OK;
}

static inline enum kempt_status record(struct glue *g, uint64_t h, uint8_t f,
                                       size_t *at) {
  if (g->ntok == g->captok)
    return record_slow(g, h, f, at);
  g->th[g->ntok] = h;
  g->tf[g->ntok] = f;
  *at = g->ntok++;
  return KEMPT_OK;
}

/* Record a word (ASCII letters) seen on its own; mid: not at a sentence
 * start. */
static enum kempt_status count_word(struct glue *g, const char *p, size_t n,
                                    bool mid, size_t *at) {
  char key[MAX_TOKEN * 2];
  *at = SIZE_MAX;
  if (n == 0 || n > sizeof key)
    return KEMPT_OK;
  lower_ascii(p, n, key);
  uint8_t f = T_COUNT | (mid && capitalised(p, n) ? T_CAPMID : 0);
  return record(g, kempt__word_hash(key, n), f, at);
}

/* A core with inner hyphens, underscores or apostrophes: count its parts,
 * and its letters run together as seen hyphenated. */
static enum kempt_status count_compound(struct glue *g, const char *p, size_t n,
                                        bool mid) {
  char joined[MAX_TOKEN * 2];
  size_t jn = 0, i = 0, at;
  bool apostrophe = false;
  enum kempt_status s = KEMPT_OK;
  while (i < n && s == KEMPT_OK) {
    size_t j = i;
    while (j < n && is_alpha((unsigned char)p[j]))
      j++;
    if (j == i)
      return KEMPT_OK; /* digits, other scripts: not a word of ours */
    if (!apostrophe)
      s = count_word(g, p + i, j - i, mid || i > 0, &at);
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
  if (s == KEMPT_OK && jn <= sizeof joined && !apostrophe) {
    lower_ascii(joined, jn, joined);
    s = record(g, kempt__word_hash(joined, jn), 0, &at);
  }
  return s;
}

struct counting {
  struct held *h;
  size_t block;
  const char *text;
  size_t lstart;      /* start of the line being read */
  size_t line_cands;  /* candidates before it */
  unsigned char last; /* its last byte so far outside white space */
  bool mid;          /* not at a sentence start */
  size_t link;    /* the recorded word the next may follow, or SIZE_MAX */
};

#ifdef GLUE_AVX2
/* code_marks' look at text[i..e) of a block of n bytes, 32 bytes at a
 * time where the CPU has AVX2: the bytes that may start a mark (the
 * C_CODE ones: $ & ( - / : < = \ { | }) found by their two halves, a bit
 * for each high half 2, 3, 5 and 7 and the bits of the low halves that
 * go with it. Returns where it stopped (*found: at a mark). */
__attribute__((target("avx2"))) static size_t
code_marks_avx2(const char *text, size_t i, size_t e, size_t n, bool *found) {
  const unsigned char *u = (const unsigned char *)text;
  const __m256i lows = _mm256_broadcastsi128_si256(_mm_setr_epi8(
      0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 2, 8, 2 | 4 | 8, 1 | 2 | 8, 0, 1));
  const __m256i highs = _mm256_broadcastsi128_si256(
      _mm_setr_epi8(0, 0, 1, 2, 0, 4, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0));
  const __m256i nib = _mm256_set1_epi8(0x0F), zero = _mm256_setzero_si256();
  for (; i + 32 <= e; i += 32) {
    __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(text + i));
    __m256i m = _mm256_and_si256(
        _mm256_shuffle_epi8(lows, _mm256_and_si256(v, nib)),
        _mm256_shuffle_epi8(highs,
                            _mm256_and_si256(_mm256_srli_epi16(v, 4), nib)));
    for (unsigned bits =
             ~(unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(m, zero));
         bits; bits &= bits - 1) {
      size_t k = i + (unsigned)__builtin_ctz(bits);
      if (code_mark(u[k], k + 1 < n ? u[k + 1] : 0)) {
        *found = true;
        return i;
      }
    }
  }
  return i;
}

/* __builtin_cpu_supports reads what libgcc found out at start-up. */
static bool glue_avx2_ok(void) { return __builtin_cpu_supports("avx2") != 0; }
#endif

/* Whether text[a..e) of a block of n bytes holds a mark of code, markup
 * or a command (code_mark); padded: TEXT_PAD zero bytes follow the block,
 * and the letters and spaces of prose are passed 8 bytes at a time. */
static bool code_marks(const char *text, size_t a, size_t e, size_t n,
                       bool padded) {
  const unsigned char *u = (const unsigned char *)text;
  const uint64_t ones = 0x0101010101010101u;
  size_t i = a;
#ifdef GLUE_AVX2
  if (e - i >= 32 && glue_avx2_ok()) {
    bool found = false;
    i = code_marks_avx2(text, i, e, n, &found);
    if (found)
      return true;
  }
#endif
#ifdef GLUE_SSE2
  /* 16 bytes at a time: a mask of the bytes that may start a mark (the
   * C_CODE ones: $ & ( - / : < = \ { | }) */
  for (; i + 16 <= e; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(text + i));
    __m128i m = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('$')),
                     _mm_cmpeq_epi8(v, _mm_set1_epi8('&'))),
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('(')),
                     _mm_cmpeq_epi8(v, _mm_set1_epi8('-'))));
    m = _mm_or_si128(
        m, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('/')),
                        _mm_cmpeq_epi8(v, _mm_set1_epi8(':'))));
    m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
    /* < = and { | }: ranges, by a signed compare after a shift */
    m = _mm_or_si128(
        m, _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - '<'))),
                          _mm_set1_epi8((char)(-128 + 2))));
    m = _mm_or_si128(
        m, _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - '{'))),
                          _mm_set1_epi8((char)(-128 + 3))));
    for (unsigned bits = (unsigned)_mm_movemask_epi8(m); bits;
         bits &= bits - 1) {
      size_t k = i + (unsigned)__builtin_ctz(bits);
      if (code_mark(u[k], k + 1 < n ? u[k + 1] : 0))
        return true;
    }
  }
#endif
  while (i < e) {
    if (padded && i + 8 <= e) {
      uint64_t x = kempt__load_le64(text + i);
      uint64_t y = x ^ (0x20 * ones); /* spaces become zero bytes */
      uint64_t space = ~(((y & ~(0x80 * ones)) + 0x7F * ones) | y) & 0x80 * ones;
      uint64_t other = ~(letter_bytes(x) | space | x) & 0x80 * ones;
      if (!other) {
        i += 8;
        continue;
      }
      i += low_byte(other);
    }
    if ((byte_class[u[i]] & C_CODE) &&
        code_mark(u[i], i + 1 < n ? u[i + 1] : 0))
      return true;
    i++;
  }
  return false;
}

/* end_line of a line with candidates. */
static void end_cand_line(struct glue *g, struct counting *c, size_t e) {
  if (c->last == ';' ||
      code_marks(c->text, c->lstart, e, c->h->len, !c->h->ext)) {
    c->h->cands -= (uint32_t)(g->ncands - c->line_cands);
    g->ncands = c->line_cands;
  }
  c->last = 0;
  c->line_cands = g->ncands;
}

/* At the end of a line text[c->lstart..e): the candidates of a line that
 * looks like code (a mark of code, or ';' at its end) are dropped. A line
 * without candidates (most) is passed here. */
static inline void end_line(struct glue *g, struct counting *c, size_t e) {
  if (g->ncands > c->line_cands)
    end_cand_line(g, c, e);
  else
    c->last = 0; /* line_cands is ncands */
}

/* Shape of a glued pair: the letters key (lower case) of the token
 * p[0..n) as written, with uppers capitals after the first letter, the
 * first at inner. */
static bool glue_shape(const char *p, size_t n, size_t uppers) {
  if (n < MIN_TOKEN)
    return false;
  /* not all capitals, or nearly ("NASA", "CEOs"); "NASAhas", "iPadPro",
   * "SamsungTV" are weighed (candidate_shape) */
  return !uppers || !is_upper((unsigned char)p[1]) ||
         (is_lower((unsigned char)p[n - 1]) &&
          is_lower((unsigned char)p[n - 2]));
}

/* Fill the cache entry w with the answers for the word of hash h. */
static void word_info_fill(struct word_info *w, uint64_t h, uint64_t packed,
                           size_t n) {
  w->h = h;
  w->langs = n <= 6 ? kempt__stopword_langs_packed(packed, n) : 0;
  w->valid = true;
  w->listed = false;
}

/* The word list's answers into w (whose h is set). */
#if defined(__GNUC__)
__attribute__((always_inline)) /* tok_fill, part_ok */
#endif
static inline void word_info_list(struct word_info *w) {
  bool proper;
  w->level = (uint8_t)kempt__wordlist_probe(w->h, &proper);
  w->proper = proper;
  w->listed = true;
}

/* The answers for the lower-case letters whose hash is h; packed: the
 * letters packed little-endian when there are n <= 6 of them. */
static inline struct word_info *word_info(struct glue *g, uint64_t h,
                                          uint64_t packed, size_t n) {
  struct word_info *w = &g->words[h & g->word_mask];
  if (!w->valid || w->h != h) {
    word_info_fill(w, h, packed, n);
    g->fills++;
  }
  return w;
}

/* Whether the word of w (n bytes) is known in any casing without being a
 * proper name or one of the list's rarest short words: known as written
 * however it is written (known_as_written), so no candidate. */
static inline bool plainly_known(const struct word_info *w, size_t n) {
  return w->level && !w->proper && (w->level < RARE_LEVEL || n > RARE_MAX);
}

/* Keep the token for weighing (it has the shape of a glued pair and is no
 * known word: tok_fill's TI_PLAIN is not set). */
static enum kempt_status add_candidate(struct glue *g, const struct token *t,
                                       struct counting *c);

/* add_candidate when the array of candidates is full: made room in, or
 * the token left out at the cap. */
#if defined(__GNUC__)
__attribute__((noinline)) /* add_candidate's common case needs no frame */
#endif
static enum kempt_status add_candidate_room(struct glue *g,
                                            const struct token *t,
                                            struct counting *c) {
  enum kempt_status s = room(g->env->alloc, (void **)&g->cands, g->ncands,
                             &g->capcands, sizeof *g->cands, CANDS_CAP);
  if (s != KEMPT_OK)
    return s == KEMPT_ERR_LIMIT ? KEMPT_OK : s;
  return add_candidate(g, t, c);
}

/* A token that the word lists do not know as written (listed_plain found
 * it so), in text order. */
static enum kempt_status add_candidate(struct glue *g, const struct token *t,
                                       struct counting *c) {
  if (t->rlen > UINT16_MAX)
    return KEMPT_OK;
  if (g->ncands >= g->capcands) /* (room's test) */
    return add_candidate_room(g, t, c);
  struct cand cd = {(uint32_t)c->block, (uint32_t)(t->raw - c->text),
                    (uint16_t)t->rlen, (uint16_t)t->core, (uint16_t)t->clen,
                    0};
  g->cands[g->ncands++] = cd;
  c->h->cands++;
  return KEMPT_OK;
}

/* Whether the token p[0..n) (hash h) of a word that w holds the word
 * list's answers for is no candidate: a word of the list or of --words
 * known as written. The token cache keeps the answer (TI_PLAIN, which
 * tok_fill sets): it must depend on the token's letters only. */
static inline bool listed_plain(struct glue *g, const struct word_info *w,
                                const char *p, size_t n, uint64_t h) {
  return plainly_known(w, n) ||
         known_as_written(w->level, w->proper, p, n, h) ||
         table_get(&g->user, h);
}

/* The first 16 bytes of p[0..n), zero padded, into r[0..1]. */
static inline void raw_letters(const char *p, size_t n, uint64_t r[2]) {
  char b[16] = {0};
  memcpy(b, p, n < 16 ? n : 16);
  r[0] = kempt__load_le64(b);
  r[1] = kempt__load_le64(b + 8);
}

/* The cache slot of the token whose letters are r0, r1 (zero padded). */
static inline struct tok_info *tok_slot(struct glue *g, uint64_t r0,
                                        uint64_t r1) {
  /* r1 is 0 for most tokens, and r0 ^ r1 differs for two tokens of 9 to
   * 16 letters that share their first 8 well enough */
  uint64_t x = (r0 ^ r1) * 0xBF58476D1CE4E5B9u;
  return &g->toks[x >> g->tok_shift];
}

/* Fill ti for the token of ASCII letters p[0..n) (1 to MAX_TOKEN), whose
 * first 16 bytes, zero padded, are r0 and r1. */
static void tok_fill(struct glue *g, struct tok_info *ti, const char *p,
                     size_t n, uint64_t r0, uint64_t r1) {
  size_t uppers = 0;
  g->fills++;
  uint64_t h, k0;
  if (n <= TOK_CACHED) {
    /* r0, r1 are the letters: 0x40 is set in each, 0x20 in lower case;
     * their lower case is hashed as kempt__word_hash_padded would */
    const uint64_t lows = 0x2020202020202020u;
    uint64_t l0 = (r0 >> 1) & lows, l1 = (r1 >> 1) & lows;
    k0 = r0 | l0;
    uppers = ((l0 & ~r0 & ~(uint64_t)0xFF) | (l1 & ~r1)) != 0;
    h = kempt__word_hash_words(n, k0, r1 | l1);
  } else {
    char key[MAX_TOKEN + 8];
    for (size_t i = 0; i < n; i++) {
      key[i] = (char)(p[i] | 0x20);
      uppers += i && is_upper((unsigned char)p[i]);
    }
    memset(key + n, 0, 8);
    h = kempt__word_hash_padded(key, n);
    k0 = kempt__load_le64(key);
  }
  /* the shape of a glued pair: its word is looked up in the word list
   * here (its line fetched meanwhile), so that the token is known plain
   * or not at once (the cache keeps the answer) */
  bool shaped = n >= MIN_TOKEN && glue_shape(p, n, uppers);
  if (shaped)
    kempt__wordlist_prefetch(h);
  struct word_info *w = word_info(g, h, k0, n);
  ti->raw[0] = r0;
  ti->raw[1] = r1;
  ti->h = h;
  ti->langs = w->langs;
  ti->lang1 = 0;
  if (w->langs) {
#if defined(__GNUC__)
    ti->lang1 = (uint8_t)(__builtin_ctz(w->langs) + 1);
#else
    while (!(w->langs >> ti->lang1++ & 1))
      ;
#endif
  }
  ti->flags = T_COUNT | T_LINK |
              (is_upper((unsigned char)p[0]) && !uppers ? TI_CAP : 0) |
              (w->langs & (w->langs - 1) ? TI_MULTI : 0);
  if (shaped && !w->listed)
    word_info_list(w);
  if (!shaped || listed_plain(g, w, p, n, h))
    ti->flags |= TI_PLAIN;
  else
    ti->raw[0] |= TOK_UNPLAIN;
}

/* The answers for the token of ASCII letters p[0..n) whose first 16
 * bytes, zero padded, are r0 and r1: from the cache, or filled there (or
 * into own, for a token longer than TOK_CACHED). */
static inline struct tok_info *tok_get(struct glue *g, const char *p,
                                       size_t n, uint64_t r0, uint64_t r1,
                                       struct tok_info *own) {
  if (n > TOK_CACHED) {
    tok_fill(g, own, p, n, r0, r1);
    return own;
  }
  struct tok_info *ti = tok_slot(g, r0, r1);
  if (!tok_is(ti, r0, r1))
    tok_fill(g, ti, p, n, r0, r1);
  return ti;
}

/* A token whose core is 1 to MAX_TOKEN ASCII letters, with the answers
 * ti for them. */
static enum kempt_status count_letters(struct glue *g, const struct token *t,
                                       struct counting *c,
                                       struct tok_info *ti) {
  add_langs(&c->h->lang, ti->langs);
  size_t at;
  enum kempt_status s = record(
      g, ti->h, T_COUNT | (c->mid && (ti->flags & TI_CAP) ? T_CAPMID : 0),
      &at);
  if (s != KEMPT_OK)
    return s;
  if (c->link != SIZE_MAX && !t->core && at != SIZE_MAX)
    g->tf[c->link] |= T_LINK;
  c->link = t->core + t->clen < t->rlen ? SIZE_MAX : at;
  if (!(ti->flags & TI_PLAIN)) /* a candidate (tok_fill found it so) */
    s = add_candidate(g, t, c);
  return s;
}

/* The cache slot of the token p[0..n) (n <= UTOK_MAX), whose bytes,
 * zero padded, go to raw. */
static struct utok_info *utok_slot(struct glue *g, const char *p, size_t n,
                                   uint64_t raw[UTOK_MAX / 8]) {
  char b[UTOK_MAX] = {0};
  memcpy(b, p, n);
  uint64_t x = n;
  for (size_t i = 0; i < UTOK_MAX / 8; i++) {
    raw[i] = kempt__load_le64(b + 8 * i);
    x = (x ^ raw[i]) * 0xBF58476D1CE4E5B9u;
  }
  return &g->utoks[x >> g->utok_shift];
}

/* Add the language evidence of the token raw[0..n) (high: bytes beyond
 * ASCII among them) to c, and keep it in u when it fits there: at most
 * two function words (a language has at most two hits then: langs holds
 * those with one or more, langs2 those with two). */
static void lang_add_cached(struct kempt_lang_count *c, const char *raw,
                            size_t n, bool high, struct utok_info *u) {
  struct kempt_lang_count one;
  memset(&one, 0, sizeof one);
  if (high)
    lang_add_any(&one, raw, n);
  else
    lang_add_ascii(&one, raw, n);
  c->words += one.words;
  c->stop += one.stop;
  uint32_t m = 0, m2 = 0;
  for (int l = 1; l < KEMPT_LANG_COUNT && one.stop; l++) { /* else none */
    c->hits[l] += one.hits[l];
    m |= one.hits[l] ? 1u << (l - 1) : 0;
    m2 |= one.hits[l] >= 2 ? 1u << (l - 1) : 0;
  }
  if (u && one.stop <= 2 && one.words <= UINT8_MAX) {
    u->langs = m;
    u->langs2 = m2;
    u->words = (uint8_t)one.words;
    u->len = (uint8_t)(n | (one.stop == 2 ? UTOK_TWO : 0));
  }
}

/* A token that is not plain letters between marks; high: it has bytes
 * outside ASCII. */
static enum kempt_status count_token_in(struct glue *g, struct token *t,
                                        struct counting *c, bool high,
                                        struct utok_info *u,
                                        uint64_t raw[UTOK_MAX / 8]);

static enum kempt_status count_token(struct glue *g, struct token *t,
                                     struct counting *c, bool high) {
  uint64_t raw[UTOK_MAX / 8];
  struct utok_info *u = high && t->rlen <= UTOK_MAX
                            ? utok_slot(g, t->raw, t->rlen, raw)
                            : NULL;
  return count_token_in(g, t, c, high, u, raw);
}

/* count_token with the token's cache slot u and its bytes raw (u: NULL
 * when it is not cached). */
static enum kempt_status count_token_in(struct glue *g, struct token *t,
                                        struct counting *c, bool high,
                                        struct utok_info *u,
                                        uint64_t raw[UTOK_MAX / 8]) {
  if (u) {
    if ((u->len & ~UTOK_TWO) == t->rlen && !memcmp(u->raw, raw, UTOK_MAX)) {
      /* what the branch below found for it before */
      c->link = SIZE_MAX;
      c->h->lang.words += u->words;
      if (u->len & UTOK_TWO) {
        c->h->lang.stop += 2;
        add_hits(c->h->lang.hits, u->langs);
        add_hits(c->h->lang.hits, u->langs2);
      } else if (u->langs) {
        c->h->lang.stop++;
        add_hits(c->h->lang.hits, u->langs);
      }
      size_t at;
      enum kempt_status s =
          u->rec ? record(g, u->h,
                          T_COUNT | (c->mid && u->cap ? T_CAPMID : 0), &at)
                 : KEMPT_OK;
      c->mid = !u->ends;
      return s;
    }
  }
  token_core(t);
  const char *p = t->raw + t->core;
  enum kempt_status s = KEMPT_OK;
  bool ends = ends_sentence(t);
  if (t->clen && t->clen <= MAX_TOKEN && all_alpha(p, t->clen)) {
    uint64_t r[2];
    struct tok_info own;
    raw_letters(p, t->clen, r);
    s = count_letters(g, t, c, tok_get(g, p, t->clen, r[0], r[1], &own));
  } else {
    c->link = SIZE_MAX;
    /* count_compound records the first run of ASCII letters, and more
     * after a separator */
    size_t run = 0;
    if (t->clen && t->clen <= MAX_TOKEN)
      while (run < t->clen && is_alpha((unsigned char)p[run]))
        run++;
    bool more = run && (p[run] == '-' || p[run] == '_' || p[run] == '\'' ||
                        (t->clen - run >= 3 &&
                         memcmp(p + run, "\xE2\x80\x99", 3) == 0));
    if (u && !more) {
      g->fills++;
      u->len = 0; /* filled anew, or left empty */
      lang_add_cached(&c->h->lang, t->raw, t->rlen, high, u);
      if (u->len) {
        memcpy(u->raw, raw, UTOK_MAX);
        u->ends = ends;
        u->rec = run > 0;
        u->cap = run > 0 && capitalised(p, run);
        char key[MAX_TOKEN];
        u->h = kempt__word_hash(key, lower_ascii(p, run, key));
      }
    } else if (!high) {
      lang_add_ascii(&c->h->lang, t->raw, t->rlen);
    } else {
      lang_add_any(&c->h->lang, t->raw, t->rlen);
    }
    if (run)
      s = count_compound(g, p, t->clen, c->mid);
  }
  c->mid = !ends;
  return s;
}

/* The number of ASCII letters at text[a..) (MAX_TOKEN + 1 when more), 8
 * bytes at a time: text holds TEXT_PAD zero bytes after the block. r[0..1]
 * get the first 16 of them, zero padded. */
static size_t letters_swar(const char *text, size_t a, uint64_t r[2]) {
  const uint64_t high = 0x8080808080808080u;
  r[0] = r[1] = 0;
  for (size_t b = a;; b += 8) {
    uint64_t x = kempt__load_le64(text + b);
    uint64_t stop = ~letter_bytes(x) & high;
    unsigned k = stop ? low_byte(stop) : 8;
    if (b - a + k > MAX_TOKEN)
      return MAX_TOKEN + 1;
    if (b - a < 16)
      r[(b - a) >> 3] = k == 8 ? x : x & (((uint64_t)1 << (8 * k)) - 1);
    if (k < 8)
      return b - a + k;
  }
}

/* The same, a byte at a time, for text without the padding. */
static size_t letters_bytes(const char *text, size_t a, size_t n,
                            uint64_t r[2]) {
  size_t b = a;
  while (b < n && (byte_class[(unsigned char)text[b]] & C_ALPHA)) {
    if (b - a >= MAX_TOKEN)
      return MAX_TOKEN + 1;
    b++;
  }
  raw_letters(text + a, b - a, r);
  return b - a;
}

/* Read the token at text[i..n) when it is ASCII letters between marks
 * (most are): returns its end, or 0 when it is of another kind. padded:
 * text has TEXT_PAD zero bytes after n. */
static size_t fast_token(struct glue *g, const char *text, size_t i, size_t n,
                         bool padded, struct counting *c,
                         enum kempt_status *s) {
  const unsigned char *u = (const unsigned char *)text;
  size_t a = i;
  while (a < n && (byte_class[u[a]] & C_MARK))
    a++;
  uint64_t r[2];
  size_t len = padded ? letters_swar(text, a, r)
                      : letters_bytes(text, a, n, r);
  if (len == 0 || len > MAX_TOKEN)
    return 0;
  size_t b = a + len, e = b;
  while (e < n && (byte_class[u[e]] & C_MARK))
    e++;
  if (e < n && !(byte_class[u[e]] & C_WS))
    return 0;
  struct token t = {text + i, e - i, a - i, len};
  struct tok_info own;
  *s = count_letters(g, &t, c, tok_get(g, text + a, len, r[0], r[1], &own));
  c->mid = e == b || !ends_sentence(&t);
  return e;
}

/* punct_len(text + a, n - a) (a < n) in a block with TEXT_PAD zero
 * bytes after it: ASCII marks by their class, the marks of three bytes
 * E2 80 xx (quotes, dashes, ellipsis) here. */
#if defined(__GNUC__)
__attribute__((always_inline)) /* a call would cost more than it does */
#endif
static inline size_t mark_len(const char *text, size_t a, size_t n) {
  const unsigned char *u = (const unsigned char *)text + a;
  if (byte_class[u[0]] & C_MARK)
    return 1;
  if (u[0] == 0xE2) {
    unsigned c2 = a + 2 < n ? u[2] : 0;
    return u[1] == 0x80 && ((c2 >= 0x93 && c2 <= 0x9F) || c2 == 0xA6 ||
                            c2 == 0xB9 || c2 == 0xBA)
               ? 3
               : 0;
  }
  return u[0] >= 0xC2 ? punct_len(text + a, n - a) : 0;
}

/* The end of the token that starts at text[i] (no white space) in a
 * block of n bytes with TEXT_PAD zero bytes after it (and, as plain_run
 * reads, 16 readable bytes after any byte of it): the first white space
 * (a space, or 9 to 13) or n, 16 or 8 bytes at a time; *high: it has
 * bytes beyond ASCII. */
static size_t token_end(const char *text, size_t i, size_t n, bool *high) {
  uint64_t hi = (unsigned char)text[i] & 0x80;
  size_t j = i + 1;
#ifdef GLUE_SSE2
  /* 16 bytes at a time (what lies past the padding is not looked at: n
   * stops the token) */
  for (;;) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(text + j));
    __m128i ws = _mm_or_si128(
        _mm_cmpeq_epi8(v, _mm_set1_epi8(' ')),
        _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - 9))),
                       _mm_set1_epi8((char)(-128 + 5))));
    unsigned wm = (unsigned)_mm_movemask_epi8(ws),
             hm = (unsigned)_mm_movemask_epi8(v);
    if (n - j < 16)
      wm |= 1u << (n - j);
    if (wm) {
      unsigned k = (unsigned)__builtin_ctz(wm);
      hi |= hm & ((1u << k) - 1);
      j += k;
      break;
    }
    hi |= hm;
    j += 16;
  }
#else
  const uint64_t ones = 0x0101010101010101u, hbits = 0x80 * ones,
                 low7 = 0x7F * ones;
  for (;;) {
    uint64_t x = kempt__load_le64(text + j), y = x ^ (0x20 * ones);
    uint64_t t = x & low7;
    uint64_t ws = (~(((y & low7) + low7) | y) & hbits) |
                  ((t + (0x80 - 9) * ones) & ~(t + (0x80 - 14) * ones) & ~x &
                   hbits);
    if (ws) {
      unsigned k = low_byte(ws);
      hi |= x & hbits & (((uint64_t)1 << (8 * k)) - 1);
      j += k;
      break;
    }
    hi |= x & hbits;
    j += 8;
    if (j >= n) {
      j = n;
      break;
    }
  }
#endif
  *high = hi != 0;
  return j;
}

/* The marks that may close a token from text[b] on, in a padded block of n
 * bytes: returns twice their end, plus 1 when they end a sentence
 * (ends_sentence: the last of . ! ? : , ; among them is one of . ! ? :),
 * when white space or the end of the block follows them; else 0. */
#if defined(__GNUC__)
__attribute__((always_inline)) /* in plain_run's two places */
#endif
static inline size_t tail_marks(const char *text, size_t b, size_t n) {
  const unsigned char *u = (const unsigned char *)text;
  size_t stop = 0, e = b;
  while (e < n && !(byte_class[u[e]] & C_WS)) {
    unsigned char ch = u[e];
    size_t k = mark_len(text, e, n);
    if (!k)
      return 0;
    if (ch == '.' || ch == '!' || ch == '?' || ch == ':')
      stop = 1;
    else if (ch == ',' || ch == ';')
      stop = 0;
    e += k;
  }
  return 2 * e + stop;
}

/* The marks that may open a token from text[i] on (count_token's
 * token_core), in a padded block of n bytes: their end. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline size_t lead_marks(const char *text, size_t i, size_t n) {
  size_t a = i, k;
  while (a < n && (k = mark_len(text, a, n)) != 0)
    a += k;
  return a;
}

/* The end of the run of symbol_cp characters at text[i..n). */
static size_t symbol_run(const char *text, size_t i, size_t n) {
  const unsigned char *u = (const unsigned char *)text;
  size_t k;
  while ((k = symbol_len(u + i, n - i)) != 0) {
    i += k;
    /* a rule repeats its character: its copies at once, five at a time
     * while the next 16 bytes repeat those 3 before them (two at a time
     * while the next 8 do) */
#ifdef GLUE_SSE2
    while (n - i >= 16 &&
           _mm_movemask_epi8(_mm_cmpeq_epi8(
               _mm_loadu_si128((const __m128i *)(const void *)(text + i)),
               _mm_loadu_si128(
                   (const __m128i *)(const void *)(text + i - 3)))) == 0xFFFF)
      i += 15;
#endif
    while (n - i >= 8 && kempt__load_le64(text + i) ==
                             kempt__load_le64(text + i - 3))
      i += 6;
    while (n - i >= 3 && u[i] == u[i - 3] && u[i + 1] == u[i - 2] &&
           u[i + 2] == u[i - 1])
      i += 3;
  }
  return i;
}

/* The function-word hits of the languages m of a word that is not
 * recorded (a part of a compound), as lang_add_ascii counts them: words
 * are counted by the caller. */
static inline void part_hits(struct kempt_lang_count *c, uint32_t m) {
  if (m) {
    c->stop++;
    add_hits(c->hits, m);
  }
}

/* The low k bytes of a 64-bit word (k <= 8). */
static const uint64_t len_mask[9] = {
    0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFFu, 0xFFFFFFFFFFu, 0xFFFFFFFFFFFFu,
    0xFFFFFFFFFFFFFFu, ~(uint64_t)0};

/* utok_slot of the token p[0..n) (1 to UTOK_MAX bytes) of a held block,
 * which is readable 16 bytes past any byte of it: its bytes are loaded 8
 * at a time, without a copy. */
static inline struct utok_info *utok_slot_held(struct glue *g, const char *p,
                                               size_t n,
                                               uint64_t raw[UTOK_MAX / 8]) {
  uint64_t x = n;
  for (size_t q = 0; q < UTOK_MAX / 8; q++) {
    size_t left = n > 8 * q ? n - 8 * q : 0;
    raw[q] = left ? kempt__load_le64(p + 8 * q) & len_mask[left < 8 ? left : 8]
                  : 0;
    x = (x ^ raw[q]) * 0xBF58476D1CE4E5B9u;
  }
  return &g->utoks[x >> g->utok_shift];
}

/* The end of a word whose letters are text[i..j) of a padded block of n
 * bytes (the padding's zero bytes end a run at n): j before white space,
 * j + 1 before one ASCII mark and white space, else i (not such a word). */
static inline size_t run_close(const char *text, size_t i, size_t j,
                               size_t n) {
  unsigned char nx = (unsigned char)text[j];
  if (j >= n || (byte_class[nx] & C_WS))
    return j;
  return (byte_class[nx] & C_MARK) &&
                 (j + 1 >= n || (byte_class[(unsigned char)text[j + 1]] & C_WS))
             ? j + 1
             : i;
}

/* The last byte outside white space before text[i] on the line, when
 * plain_run read one since text[from]: into c->last (end_line's). */
static inline void note_last(struct counting *c, const char *text, size_t i,
                             size_t from) {
  size_t lo = c->lstart > from ? c->lstart : from;
  while (i > lo && (byte_class[(unsigned char)text[i - 1]] & C_WS))
    i--;
  if (i > lo)
    c->last = (unsigned char)text[i - 1];
}

#ifdef GLUE_SSE2
/* The number of ASCII letters (letter_bytes) at p, 16 when there are 16
 * or more: p may be read 16 bytes on. */
static inline unsigned letters16(const char *p) {
  __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
  __m128i t = _mm_add_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)),
                           _mm_set1_epi8((char)(0x80 - 'a')));
  unsigned lm = (unsigned)_mm_movemask_epi8(
      _mm_cmplt_epi8(t, _mm_set1_epi8((char)(-128 + 26))));
  return (unsigned)__builtin_ctz(~lm);
}
#endif

/* The number of ASCII letters at p, 16 when there are 16 or more: p may
 * be read 16 bytes on. */
static inline unsigned letters_upto16(const char *p) {
#ifdef GLUE_SSE2
  return letters16(p);
#else
  const uint64_t high = 0x8080808080808080u;
  uint64_t stop = ~letter_bytes(kempt__load_le64(p)) & high;
  if (stop)
    return low_byte(stop);
  stop = ~letter_bytes(kempt__load_le64(p + 8)) & high;
  return stop ? 8 + low_byte(stop) : 16;
#endif
}

/* The end of the run of Cyrillic letters (two_byte_letter: D0 or D1, then
 * a byte 80..BF) at text[i..] of a padded block (readable 16 bytes past
 * any byte; its padding ends a run); *simple is cleared when one of them
 * is D1 A0..BF (U+0460..U+047F, which stop_langs_simple does not
 * lower). */
static inline size_t cyrillic_run(const char *text, size_t i, bool *simple) {
  size_t j = i;
#ifdef GLUE_SSE2
  for (;;) { /* 8 letters at a time: bit 2t of the masks for letter t */
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(text + j));
    unsigned lead = (unsigned)_mm_movemask_epi8(
        _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xFE)),
                       _mm_set1_epi8((char)0xD0)));
    unsigned cont = (unsigned)_mm_movemask_epi8(
        _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xC0)),
                       _mm_set1_epi8((char)0x80)));
    unsigned d1 = (unsigned)_mm_movemask_epi8(
        _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xD1)));
    unsigned a0 = (unsigned)_mm_movemask_epi8(
        _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xE0)),
                       _mm_set1_epi8((char)0xA0)));
    unsigned ok = (lead & (cont >> 1)) | 0xAAAAu; /* bit 16 clear */
    unsigned run = (unsigned)__builtin_ctz(~ok);  /* 2 * its letters */
    if (d1 & (a0 >> 1) & ((1u << run) - 1))
      *simple = false;
    j += run;
    if (run < 16)
      return j;
  }
#else
  while ((((unsigned char)text[j] & 0xFE) == 0xD0) &&
         (((unsigned char)text[j + 1] & 0xC0) == 0x80)) {
    *simple &=
        !((unsigned char)text[j] == 0xD1 && (unsigned char)text[j + 1] >= 0xA0);
    j += 2;
  }
  return j;
#endif
}

/* stop_langs_simple of a Cyrillic word p[0..n) of cyrillic_run's (no
 * letter of U+0460..U+047F), n <= KEMPT_STOP_MAX_BYTES, readable 16 bytes
 * on: its letters lowered two bytes to two at once, as stop_langs_simple
 * does one by one (D0 80..8F +0x10 to D1 90..9F, D0 90..9F +0x20, D0
 * A0..AF -0x20 to D1 80..8F). */
static inline uint32_t cyrillic_stop_langs(const char *p, size_t n) {
#ifdef GLUE_SSE2
  /* a letter in each 16-bit lane: its first byte low, its second high */
  __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
  __m128i d0 = _mm_cmpeq_epi16(_mm_and_si128(v, _mm_set1_epi16(0xFF)),
                               _mm_set1_epi16(0xD0));
  __m128i top = _mm_and_si128(v, _mm_set1_epi16((short)0xF000));
  __m128i add = _mm_or_si128(
      _mm_or_si128(
          _mm_and_si128(_mm_cmpeq_epi16(top, _mm_set1_epi16((short)0x8000)),
                        _mm_set1_epi16(0x1001)),
          _mm_and_si128(_mm_cmpeq_epi16(top, _mm_set1_epi16((short)0x9000)),
                        _mm_set1_epi16(0x2000))),
      _mm_and_si128(_mm_cmpeq_epi16(top, _mm_set1_epi16((short)0xA000)),
                    _mm_set1_epi16((short)0xE001)));
  char key[16];
  _mm_storeu_si128((__m128i *)(void *)key,
                   _mm_add_epi16(v, _mm_and_si128(add, d0)));
  uint64_t lo = kempt__load_le64(key), hi = kempt__load_le64(key + 8);
  if (n < 8) {
    lo &= len_mask[n];
    hi = 0;
  } else {
    hi &= len_mask[n - 8];
  }
  return kempt__stopword_langs_packed16(lo, hi, n);
#else
  return stop_langs_simple(p, n);
#endif
}

/* The end of the run of Hangul syllables (U+AC00..U+D7A3: EA B0 80 to ED
 * 9E A3, letters of word_cp, all far_cp) at text[i..] of a padded block
 * (its padding ends a run). */
static inline size_t hangul_run(const char *text, size_t i) {
  const unsigned char *u = (const unsigned char *)text;
  for (;; i += 3) {
    unsigned b = u[i];
    if (b < 0xEA || b > 0xED || (u[i + 1] & 0xC0) != 0x80 ||
        (u[i + 2] & 0xC0) != 0x80)
      return i;
    unsigned cp =
        (b & 0x0Fu) << 12 | (u[i + 1] & 0x3Fu) << 6 | (u[i + 2] & 0x3Fu);
    if (cp < 0xAC00 || cp > 0xD7A3)
      return i;
  }
}

#define HYPHEN_PARTS 8 /* parts of a hyphenated word that plain_run reads */

/* Read a token of a padded block of n bytes (readable 16 bytes past any
 * byte) whose core starts at text[a] with letters, then a hyphen and
 * letters once or more ("far-flung", "five-and-a-half"), before white
 * space or marks that may close a word, as count_token would:
 * count_compound records each part (inside a sentence after the first:
 * mid is the first's T_CAPMID) and the parts run together (seen
 * hyphenated) at th, tf from ntok on, and the parts are words of the
 * language counts c (their function-word hits added here; the caller
 * counts the words: one fewer than recorded). Returns the token's end,
 * whether it ends a sentence and its parts, or no end when it is not of
 * this kind: more
 * than HYPHEN_PARTS parts, a part of more than 15 letters, a core of more
 * than MAX_TOKEN bytes, other bytes, or no room below cap for the words
 * the rest of the block may hold. */
struct hyphened {
  size_t e;       /* the token's end, 0: not of the kind */
  unsigned words; /* the parts (recorded, and one more) */
  bool end;       /* it ends a sentence */
};

#if defined(__GNUC__)
__attribute__((noinline)) /* plain_run's registers stay its own */
#endif
static struct hyphened
hyphen_run(const char *text, size_t i, size_t n, uint64_t *th, uint8_t *tf,
           size_t ntok, size_t cap, uint8_t mid, struct kempt_lang_count *c) {
  struct hyphened r = {0, 0, false};
  size_t a = lead_marks(text, i, n);
  size_t ps[HYPHEN_PARTS], np = 0, q = a;
  unsigned pk[HYPHEN_PARTS];
  do {
    unsigned k = letters_upto16(text + q + (np != 0));
    if (k == 0 || k == 16 || np == HYPHEN_PARTS)
      return r;
    q += np != 0;
    ps[np] = q;
    pk[np++] = k;
    q += k;
  } while (text[q] == '-');
  if (q - a > MAX_TOKEN)
    return r;
  size_t e = q;
  bool end = false;
  if (!(byte_class[(unsigned char)text[q]] & C_WS)) {
    size_t tm = tail_marks(text, q, n);
    if (!tm)
      return r;
    e = tm >> 1;
    end = tm & 1;
  }
  size_t at = ntok;
  if (at + np + 1 + (n - e) / 2 + 2 > cap)
    return r; /* count_token's, and count_block makes room */
  const uint64_t lows = 0x2020202020202020u;
  char key[MAX_TOKEN + 24]; /* the parts' lower case, run together */
  size_t jn = 0;
  for (size_t p = 0; p < np; p++) {
    unsigned k = pk[p];
    const char *w = text + ps[p];
    uint64_t m0 = len_mask[k < 8 ? k : 8], m1 = len_mask[k > 8 ? k - 8 : 0];
    uint64_t x0 = kempt__load_le64(w) & m0;
    uint64_t x1 = k > 8 ? kempt__load_le64(w + 8) & m1 : 0;
    uint64_t l0 = x0 | (lows & m0), l1 = x1 | (lows & m1);
    store_le64(key + jn, l0);
    store_le64(key + jn + 8, l1);
    if (k <= 8) /* lang_add_ascii's function words */
      part_hits(c, kempt__stopword_langs_packed(l0, k));
    /* capitals: letters have 0x40 set, capitals 0x20 clear */
    uint64_t u0 = (x0 >> 1) & lows & ~x0, u1 = (x1 >> 1) & lows & ~x1;
    bool cap1 = (u0 & 0xFF) && !(u0 >> 8) && !u1; /* capitalised */
    th[at] = kempt__word_hash_words(k, l0, l1);
    tf[at++] = (uint8_t)(T_COUNT | (cap1 ? mid : 0));
    mid = T_CAPMID;
    jn += k;
  }
  memset(key + jn, 0, 8);
  th[at] = kempt__word_hash_padded(key, jn);
  tf[at] = 0;
  r.e = e;
  r.words = (unsigned)np;
  r.end = end;
  return r;
}

/* Read the rest of a padded block of n bytes (TEXT_PAD zero bytes after
 * it) from text[i] on, as count_block would. The kinds of token that
 * most tokens of prose are, 1 to TOK_CACHED ASCII letters between marks
 * that may open and close a word (count_token's token_core) or two runs
 * of letters with an apostrophe between them ("it's", "O'Brien"), are
 * read here: letters 16 bytes at a time, answered by the token cache,
 * with what count_letters keeps (the recorded words, the link, the
 * language counts) in locals; runs of words of up to 7 letters that the
 * cache knows as plain, each followed by a space, are read tightest. A
 * candidate or a miss of the cache is handled the usual way. White space,
 * line ends (end_line), bullets and
 * rules, ASCII tokens without letters, Cyrillic and Hangul words (a
 * word of the language counts, none recorded) and hyphenated words of
 * ASCII letters (hyphen_run) are read here too; any other
 * token goes to count_token, with the state handed over and taken back.
 * There is room for every word the block may hold (a word and its
 * separator each: count_compound records more, and then the run stops).
 * Returns where it stopped: n, or i when there is no room for the words
 * (count_block reads the block then), or after the token where
 * count_token failed or left too little room. */
#if defined(__GNUC__)
__attribute__((always_inline)) /* plain_run, plain_run_small */
#endif
static inline size_t
plain_run_as(struct glue *g, struct counting *c, const char *text, size_t i,
             size_t n, enum kempt_status *s, const unsigned tsh) {
  const uint64_t high = 0x8080808080808080u;
  /* room for every word the rest of the block may hold (a word and a
   * separator each), so that the words are recorded without a test; else
   * count_block reads them */
  size_t want = g->ntok + (n - i) / 2 + 2;
  if (RARELY(want > g->captok)) {
    bool ok;
    *s = room_tokens(g, want, &ok);
    if (*s != KEMPT_OK || !ok)
      return i;
  }
  uint64_t *th = g->th;
  uint8_t *tf = g->tf;
  /* no link: the spare byte of tf */
  size_t nolink = g->captok, ntok = g->ntok, start = g->ntok;
  size_t link = c->link == SIZE_MAX ? nolink : c->link;
  uint32_t *hits = c->h->lang.hits, parts = 0;
  uint8_t capmask = c->mid ? T_CAPMID : 0;
  size_t from = i;
  const struct tok_info *toks = g->toks; /* (tsh: g->tok_shift) */
  for (;;) {
#ifdef GLUE_SSE2
    unsigned fk; /* the letters at i when the run below ends */
#endif
    { /* the commonest tokens first: 1 to 7 letters that the cache knows
         as no candidate, then a space (a slot of a token of up to 7
         letters has a zero byte in raw[0], one of more has none, and one
         of a candidate TOK_UNPLAIN) */
      size_t hn = ntok, hi = i;
      for (;;) {
#ifdef GLUE_SSE2
        /* letters and spaces of the 16 bytes at hi, in bit masks: the
         * constants stay in vector registers */
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(text + hi));
        __m128i t = _mm_add_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)),
                                 _mm_set1_epi8((char)(0x80 - 'a')));
        unsigned lm = (unsigned)_mm_movemask_epi8(
            _mm_cmplt_epi8(t, _mm_set1_epi8((char)(-128 + 26))));
        unsigned sm = (unsigned)_mm_movemask_epi8(
            _mm_cmpeq_epi8(v, _mm_set1_epi8(' ')));
        /* lm + 1: the bit of the first byte that is no letter (the bits
         * above it are of letters, no spaces) */
        unsigned end = lm + 1;
        size_t k = (size_t)__builtin_ctz(end); /* letters at hi */
        fk = (unsigned)k;
        if (!(sm & end & 0xFE)) { /* not 1 to 7 letters, then a space */
          if (sm & end & 1) {
            /* more spaces ("word  word"): passed, the run goes on (a
             * word after them follows the one before, as after one) */
            hi += (unsigned)__builtin_ctz(~sm);
            i = hn == ntok ? hi : i; /* (a run of none starts after them) */
            continue;
          }
          /* 8 to 15 letters, then a space: the same, their slot found
           * by both halves (tok_slot's; raw[0] has no zero byte) */
          if (RARELY(sm & end & 0xFF00)) {
            uint64_t q0 = kempt__load_le64(text + hi);
            uint64_t q1 = kempt__load_le64(text + hi + 8) & len_mask[k - 8];
            const struct tok_info *tq =
                &toks[((q0 ^ q1) * 0xBF58476D1CE4E5B9u) >> tsh];
            if (tq->raw[0] == q0 && tq->raw[1] == q1) {
              if (tq->langs)
                add_hits(hits, tq->langs);
              th[hn] = tq->h;
              tf[hn++] = tq->flags;
              hi += k + 1;
              continue;
            }
          }
          break;
        }
        uint64_t r = kempt__load_le64(text + hi) & len_mask[k];
#else
        uint64_t x = kempt__load_le64(text + hi);
        uint64_t stop = ~letter_bytes(x) & high;
        if ((stop & 0x80) || !stop)
          break;
        unsigned k = low_byte(stop);
        if (((x >> (8 * k)) & 0xFF) != ' ')
          break;
        uint64_t r = x & len_mask[k];
#endif
        const struct tok_info *ti =
            &toks[(r * 0xBF58476D1CE4E5B9u) >> tsh];
        if (ti->raw[0] != r) /* (or not TI_PLAIN: TOK_UNPLAIN) */
          break;
        /* a word of one language (the commonest), or of none: hits[0],
         * of no language, is never read; of more, the others */
        hits[ti->lang1]++;
        if (RARELY(ti->flags & TI_MULTI))
          add_hits(hits, ti->langs & (ti->langs - 1));
        th[hn] = ti->h;
        tf[hn++] = ti->flags; /* as a word inside a sentence that the next
                                 follows: the first and last amended below */
        hi += k + 1;
      }
      if (hn != ntok) {
        tf[link] |= T_LINK; /* the first follows the word before */
        tf[ntok] &= (uint8_t)(capmask | ~T_CAPMID);
        tf[hn - 1] &= (uint8_t)~T_LINK; /* the next is not read yet */
        link = hn - 1;
        capmask = T_CAPMID;
        ntok = hn;
        i = hi;
      }
    }
    size_t a = i; /* the letters' start */
    uint64_t r0, r1 = 0;
    unsigned k, next;
#ifdef GLUE_SSE2
    k = fk; /* letters16(text + a) */
    if (RARELY(!k)) {
      /* the first mark that may open the token, at once: most such
       * tokens of pages have none (white space, digits, bullets, other
       * scripts), and are read below */
      unsigned char c0 = (unsigned char)text[i];
      size_t m0 = (byte_class[c0] & C_MARK)     ? 1
                  : c0 == 0xE2 || c0 == 0xC2 ? mark_len(text, i, n)
                                               : 0;
      if (!m0)
        goto other;
      a = i + m0; /* most often a letter follows the mark */
      if (!(byte_class[(unsigned char)text[a]] & C_ALPHA))
        a = lead_marks(text, a, n);
      if (a == i || a >= n)
        goto other;
      k = letters16(text + a);
      if (!k)
        goto other;
    }
    if (RARELY(k == 16)) /* more than 15 letters */
      goto other;
    r0 = kempt__load_le64(text + a) & len_mask[k < 8 ? k : 8];
    if (k > 8)
      r1 = kempt__load_le64(text + a + 8) & len_mask[k - 8];
    next = (unsigned char)text[a + k];
#else
    uint64_t x = kempt__load_le64(text + a);
    uint64_t stop = ~letter_bytes(x) & high;
    if (!RARELY(stop & 0x80)) { /* starts with a letter */
    letters:
      if (!RARELY(!stop)) {
        k = low_byte(stop);
        r0 = x & (((uint64_t)1 << (8 * k)) - 1);
        next = (unsigned)(x >> (8 * k)) & 0xFF;
      } else { /* 8 letters or more: the next 8 bytes are in the block's
                  text or its padding */
        uint64_t y = kempt__load_le64(text + a + 8);
        uint64_t stop2 = ~letter_bytes(y) & high;
        if (!stop2)
          goto other;
        unsigned k2 = low_byte(stop2);
        k = 8 + k2;
        r0 = x;
        r1 = y & (((uint64_t)1 << (8 * k2)) - 1);
        next = (unsigned)(y >> (8 * k2)) & 0xFF;
      }
    } else {
      a = lead_marks(text, i, n);
      if (a == i || a >= n)
        goto other;
      x = kempt__load_le64(text + a);
      stop = ~letter_bytes(x) & high;
      if (stop & 0x80)
        goto other;
      goto letters;
    }
#endif
    size_t b = a + k, e = b; /* the letters' end, the token's */
    bool end = false;
    if (RARELY(!(byte_class[next] & C_WS))) {
      if ((byte_class[next] & C_MARK) &&
          (b + 1 >= n || (byte_class[(unsigned char)text[b + 1]] & C_WS))) {
        /* one mark, then white space ("word," "word."): tail_marks' */
        e = b + 1;
        end = next == '.' || next == '!' || next == '?' || next == ':';
        goto marked;
      }
      if (next >= 0x80 && next != 0xE2 && next != 0xC2 &&
          (unsigned char)text[i] < 0x80)
        goto utok; /* letters, then others ("François"): no mark closes
                      them (tail_marks), and other reads them there */
      size_t apos = next == '\'' ? 1
                    : next == 0xE2 && (unsigned char)text[b + 1] == 0x80 &&
                            (unsigned char)text[b + 2] == 0x99
                        ? 3
                        : 0;
      if (apos && (byte_class[(unsigned char)text[b + apos]] & C_ALPHA))
        goto compound;
      if (next == '-' && (byte_class[(unsigned char)text[b + 1]] & C_ALPHA))
        goto hyphen;
      size_t tm = tail_marks(text, b, n);
      if (!tm)
        goto other;
      e = tm >> 1;
      end = tm & 1;
    }
  marked:;
    struct tok_info *ti = tok_slot(g, r0, r1);
    if (RARELY(!tok_is(ti, r0, r1)))
      tok_fill(g, ti, text + a, k, r0, r1);
    if (ti->langs)
      add_hits(hits, ti->langs);
    th[ntok] = ti->h;
    tf[ntok] = (uint8_t)(T_COUNT | (ti->flags & capmask));
    if (a == i)
      tf[link] |= T_LINK;
    link = e == b ? ntok : nolink;
    ntok++;
    capmask = end ? 0 : T_CAPMID;
    if (RARELY(!(ti->flags & TI_PLAIN))) {
      struct token t = {text + i, e - i, a - i, k};
      g->ntok = ntok;
      *s = add_candidate(g, &t, c); /* (tok_fill found it one) */
      if (*s != KEMPT_OK) {
        i = e;
        break;
      }
    }
    i = e;
  after_word: /* i at the byte after a token: a space, a line end or more
                 (the space after the block: its end) */
    if (RARELY(text[i] != ' '))
      goto other;
    if (RARELY(++i > n))
      break;
    continue;
  other: /* i at white space, or at a token that is not letters between
            marks: some are read here as count_block reads them */
    {
      unsigned char ch = (unsigned char)text[i];
      if (ch == '\n') { /* the end of a line */
        if (g->ncands > c->line_cands) /* else end_line reads no last */
          note_last(c, text, i, from);
        end_line(g, c, i);
        c->lstart = ++i;
        continue;
      }
      if (byte_class[ch] & C_WS) { /* a run of spaces, 8 at a time: the
                                     padding's zero bytes end it */
        const uint64_t low7 = 0x7F7F7F7F7F7F7F7Fu;
        uint64_t y;
        i++;
        if (ch == ' ') {
          while (!(y = kempt__load_le64(text + i) ^ 0x2020202020202020u))
            i += 8;
          i += low_byte((((y & low7) + low7) | y) & ~low7);
        }
        continue;
      }
      if (i >= n)
        break;
      size_t j = i;
      if (ch == 0xE2) {
        /* rules and bullets: no word, no mark that ends a sentence (one
         * bullet, then white space, at once) */
        j = symbol_len((const unsigned char *)text + i, n - i) &&
                    (byte_class[(unsigned char)text[i + 3]] & C_WS)
                ? i + 3
                : symbol_run(text, i, n);
        if (j > i && (j == n || (byte_class[(unsigned char)text[j]] & C_WS))) {
          capmask = T_CAPMID;
          link = nolink;
          i = j;
          goto after_word;
        }
      } else if (ch < 0x80) {
        /* ASCII without letters ("2019,", "|", "(1)"): no word, only
         * whether it ends a sentence (count_token) */
        while (j < n && !(byte_class[(unsigned char)text[j]] &
                          (C_WS | C_ALPHA | C_HIGH)))
          j++;
        if (j > i &&
            (j == n || (byte_class[(unsigned char)text[j]] & C_WS))) {
          /* ends_sentence, its last byte at once when that is no mark
           * or ends it */
          unsigned char z = (unsigned char)text[j - 1];
          struct token t = {text + i, j - i, 0, 0};
          bool ends = z == '.' || z == '!' || z == '?' || z == ':' ||
                      ((byte_class[z] & C_MARK) && z != ',' && z != ';' &&
                       ends_sentence(&t));
          capmask = ends ? 0 : T_CAPMID;
          link = nolink;
          i = j;
          goto after_word;
        }
      } else if ((ch & 0xFE) == 0xD0) {
        /* Cyrillic letters (two_byte_letter: D0 or D1, then a byte
         * 80..BF), then white space or one ASCII mark before it: one
         * word of the language counts and no word recorded, as
         * count_token reads it (lang_add_any) */
        bool simple = true; /* stop_langs_simple may lower it */
        j = cyrillic_run(text, i, &simple);
        unsigned char nx = (unsigned char)text[j];
        size_t ce = run_close(text, i, j, n);
        if (j > i && ce > i) {
          /* lowered two bytes to two: no function word when longer */
          uint32_t m = j - i > KEMPT_STOP_MAX_BYTES ? 0
                       : simple ? cyrillic_stop_langs(text + i, j - i)
                                : stop_langs_utf8(text + i, j - i);
          if (m) {
            c->h->lang.stop++;
            add_hits(hits, m);
          }
          parts++;
          link = nolink;
          capmask = ce > j && (nx == '.' || nx == '!' || nx == '?' || nx == ':')
                        ? 0
                        : T_CAPMID;
          i = ce;
          goto after_word;
        }
        j = i;
      }
      if (ch >= 0xEA && ch <= 0xED) {
        /* Hangul syllables (hangul_run), then white space or one ASCII
         * mark: one word of the language counts (no function word: its
         * letters are far_cp) and no word recorded, as count_token reads
         * it (lang_add_any) */
        j = hangul_run(text, i);
        unsigned char nx = (unsigned char)text[j];
        size_t ce = run_close(text, i, j, n);
        if (j > i && ce > i) {
          parts++;
          link = nolink;
          capmask = ce > j && (nx == '.' || nx == '!' || nx == '?' || nx == ':')
                        ? 0
                        : T_CAPMID;
          i = ce;
          goto after_word;
        }
        j = i;
      }
      /* any other token: count_token reads it, with the state handed
       * over and taken back; but one that the cache of such tokens
       * knows is read here, as count_token would (ASCII letters after
       * marks and before others record a word: u->words counts it) */
    utok:;
      bool hb;
      j = token_end(text, i, n, &hb);
      uint64_t raw[UTOK_MAX / 8];
      struct utok_info *u =
          j - i <= UTOK_MAX ? utok_slot_held(g, text + i, j - i, raw) : NULL;
      if (u && (u->len & ~UTOK_TWO) == j - i &&
          !memcmp(u->raw, raw, UTOK_MAX)) {
        link = nolink;
        parts += u->words; /* with the word recorded, if any: */
        if (u->rec) {
          parts--;
          th[ntok] = u->h;
          tf[ntok++] = (uint8_t)(T_COUNT | (u->cap ? capmask : 0));
        }
        if (u->langs) {
          c->h->lang.stop++;
          add_hits(hits, u->langs);
        }
        if (RARELY(u->len & UTOK_TWO)) { /* the second function word */
          c->h->lang.stop++;
          add_hits(hits, u->langs2);
        }
        capmask = u->ends ? 0 : T_CAPMID;
        i = j;
        goto after_word;
      }
      struct token t = {text + i, j - i, 0, 0};
      c->h->lang.words += (uint32_t)(ntok - start) + parts;
      parts = 0;
      g->ntok = ntok;
      c->link = link == nolink ? SIZE_MAX : link;
      c->mid = capmask != 0;
      *s = count_token_in(g, &t, c, hb, u, raw);
      th = g->th; /* count_compound may have made room */
      tf = g->tf;
      ntok = start = g->ntok;
      nolink = g->captok;
      link = c->link == SIZE_MAX ? nolink : c->link;
      capmask = c->mid ? T_CAPMID : 0;
      i = j;
      if (*s != KEMPT_OK || ntok + (n - i) / 2 + 2 > nolink)
        break; /* (count_block makes room again) */
      goto after_word;
    }
  hyphen: { /* letters, a hyphen, letters (hyphen_run) */
    struct hyphened hr =
        hyphen_run(text, i, n, th, tf, ntok, nolink, capmask, &c->h->lang);
    if (!hr.e)
      goto other;
    ntok += hr.words + 1;
    parts--; /* the parts are words of the language counts, and one more
                is recorded */
    link = nolink;
    capmask = hr.end ? 0 : T_CAPMID;
    i = hr.e;
    goto after_word;
  }
  compound: { /* letters, an apostrophe, letters: count_compound counts
                 the first (the second is a suffix: "s", "re", "Brien") */
    size_t a2 = b + (next == '\'' ? 1 : 3);
    uint64_t y = kempt__load_le64(text + a2);
    uint64_t stop2 = ~letter_bytes(y) & high;
    if (!stop2)
      goto other;
    unsigned k2 = low_byte(stop2);
    size_t b2 = a2 + k2;
    e = b2;
    if (!(byte_class[(unsigned char)text[b2]] & C_WS)) {
      size_t tm = tail_marks(text, b2, n);
      if (!tm)
        goto other;
      e = tm >> 1;
      end = tm & 1;
    }
    struct tok_info *t1 = tok_slot(g, r0, r1);
    if (!tok_is(t1, r0, r1))
      tok_fill(g, t1, text + a, k, r0, r1);
    const uint64_t lows = 0x2020202020202020u;
    struct kempt_lang_count *lang = &c->h->lang;
    /* the languages of words of up to 8 letters (the cache's of 6) */
    part_hits(lang, k <= 6   ? t1->langs
                    : k <= 8 ? kempt__stopword_langs_packed(r0 | lows, k)
                             : 0);
    uint64_t keep2 = ((uint64_t)1 << (8 * k2)) - 1;
    part_hits(lang, kempt__stopword_langs_packed((y | lows) & keep2, k2));
    th[ntok] = t1->h;
    tf[ntok] = (uint8_t)(T_COUNT | (t1->flags & capmask));
    ntok++;
    parts++; /* two words of the language counts, one recorded */
    link = nolink;
    capmask = end ? 0 : T_CAPMID;
    i = e;
    goto after_word;
  }
  }
  c->h->lang.words += (uint32_t)(ntok - start) + parts;
  g->ntok = ntok;
  c->link = link == nolink ? SIZE_MAX : link;
  c->mid = capmask != 0;
  /* end_line reads the last byte only for a line with candidates (a
   * later token of the line notes its own) */
  if (g->ncands > c->line_cands)
    note_last(c, text, i, from);
  return i;
}


/* plain_run_as with the slots of the full cache of tokens, and of the
 * small one (a constant shift each: the run's loop keeps its registers). */
#if defined(__GNUC__)
__attribute__((noinline)) /* its registers its own: not in count_block */
#endif
static size_t plain_run(struct glue *g, struct counting *c, const char *text,
                        size_t i, size_t n, enum kempt_status *s) {
  return plain_run_as(g, c, text, i, n, s, 64 - TOK_CACHE_BITS);
}
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static size_t plain_run_small(struct glue *g, struct counting *c,
                              const char *text, size_t i, size_t n,
                              enum kempt_status *s) {
  return plain_run_as(g, c, text, i, n, s,
                      64 - TOK_CACHE_BITS + CACHE_SMALL_SHIFT);
}
/* Read the words of held block number block, whose text is text. */
#if defined(__GNUC__)
__attribute__((always_inline)) /* in hold, its only caller */
#endif
static inline enum kempt_status count_block(struct glue *g, size_t block,
                                     const char *text) {
  struct held *h = &g->blocks[block];
  struct counting c;
  c.h = h;
  c.block = block;
  c.text = text;
  c.lstart = 0;
  c.line_cands = g->ncands;
  c.last = 0;
  c.mid = false;
  c.link = SIZE_MAX;
  size_t n = h->len, i = 0;
  enum kempt_status s = KEMPT_OK;
  while (i < n && s == KEMPT_OK) {
    unsigned char ch = (unsigned char)text[i];
    bool tried = false; /* plain_run left the token (fast_token would) */
    if (!h->ext) { /* plain_run reads the block (unless out of room) */
      size_t j = g->caches_full ? plain_run(g, &c, text, i, n, &s)
                                : plain_run_small(g, &c, text, i, n, &s);
      if (j > i || s != KEMPT_OK) {
        i = j;
        continue;
      }
      tried = true;
    }
    if (byte_class[ch] & C_WS) {
      i++;
      if (ch == '\n') {
        end_line(g, &c, i - 1);
        c.lstart = i;
      }
      continue;
    }
    size_t j = 0;
    if (ch == 0xE2) {
      /* rules and bullets: no word, no mark that ends a sentence (what
       * count_token would find, in short) */
      j = symbol_run(text, i, n);
      if (j > i && (j == n || (byte_class[(unsigned char)text[j]] & C_WS))) {
        c.link = SIZE_MAX;
        c.mid = true;
      } else {
        j = 0;
      }
    }
    if (!j && !tried) /* count_token reads such a token the same way */
      j = fast_token(g, text, i, n, !h->ext, &c, &s);
    if (!j) {
      bool high;
      if (!h->ext) {
        j = token_end(text, i, n, &high);
      } else {
        uint8_t classes = byte_class[ch];
        j = i + 1;
        while (j < n && !(byte_class[(unsigned char)text[j]] & C_WS))
          classes |= byte_class[(unsigned char)text[j++]];
        high = (classes & C_HIGH) != 0;
      }
      struct token t = {text + i, j - i, 0, 0};
      s = count_token(g, &t, &c, high);
    }
    c.last = (unsigned char)text[j - 1];
    i = j + (j < n && text[j] == ' ');
  }
  end_line(g, &c, n);
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
  bool docproper; /* capitalised inside sentences wherever it stands alone */
  bool proper;    /* a proper name (or abbreviation) of the word list */
  bool spelt;     /* two capitals that spell a function word ("US") */
  size_t len;
  int level;      /* in the word list, 0 if not */
  uint32_t count; /* standalone occurrences in the document */
  uint32_t capmid; /* of them capitalised, not at a sentence start */
};

static int level_score(int level) {
  if (level == 0)
    return 0;
  return level <= 35 ? 6 : level <= 50 ? 5 : level <= 70 ? 4 : 2;
}

/* The hash of the lower case of the ASCII letters p[0..n). */
static uint64_t lower_hash(const char *p, size_t n) {
  char key[MAX_TOKEN + 8];
  lower_ascii(p, n, key);
  memset(key + n, 0, 8);
  return kempt__word_hash_padded(key, n);
}

/* What speaks for p[0..n) being a word of its own (a part's evidence),
 * first whether it is one: ev's len, level, proper, count, capmid, stop
 * and ok, *wp its entry in query, *userp whether --words has it (for
 * part_more, which adds the rest when it is weighed further); key: its
 * lower case (readable up to the next multiple of 8 past n, whatever is
 * there), h: the hash of key[0..n) (the token is lowered and hashed once,
 * in decide). */
#if defined(__GNUC__)
__attribute__((always_inline)) /* in split_score, its fields where read */
#endif
static inline void
part_ok(struct glue *g, const char *p, size_t n, const char *key, uint64_t h,
        struct evidence *ev, const struct entry **wp, bool *userp) {
  struct evidence e;
  memset(&e, 0, sizeof e);
  const struct entry *w = table_get(&g->query, h);
  /* the word list's answers from the cache of words (word_info) */
  uint64_t packed =
      n <= 8 ? kempt__load_le64(key) & (~(uint64_t)0 >> (8 * (8 - n))) : 0;
  struct word_info *wi = word_info(g, h, packed, n);
  if (!wi->listed)
    word_info_list(wi);
  bool proper = wi->proper;
  int level = wi->level;
  bool user = table_get(&g->user, h) != NULL;
  bool cap = is_upper((unsigned char)p[0]);
  e.len = n;
  e.level = level;
  e.proper = proper;
  e.count = w ? w->count : 0;
  e.capmid = w ? w->capmid : 0;
  uint32_t langs = n <= 6   ? wi->langs
                   : n <= 8 ? kempt__stopword_langs_packed(packed, n)
                            : 0;
  e.stop = (langs & (1u << (KEMPT_LANG_EN - 1))) || n == 1; /* "a", "I" */
  e.ok = e.stop || level || user || e.count;
  if ((n == 1 && p[0] != 'a' && p[0] != 'A' && p[0] != 'I') ||
      (n == 2 && !e.stop && !(cap && w && w->capmid)))
    e.ok = false; /* two letters: a function word, or a name ("Xi") */
  if (n == 3 && !e.stop && !(level && level <= 50) && !e.count)
    e.ok = false;
  *ev = e;
  *wp = w;
  *userp = user;
}

/* The rest of a part's evidence e after part_ok (w, user: part_ok's):
 * its score, and whether it is common or a name. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline void
part_more(struct evidence *e, const char *p, const struct entry *w, bool user) {
  bool cap = is_upper((unsigned char)p[0]), proper = e->proper;
  int level = e->level;
  e->score = e->stop ? 6 : level ? level_score(level) : user ? 4 : 0;
  if (proper && !cap && e->score > 2)
    e->score = 2;
  /* a name of the document whose lower-case form is rare ("Hulu") is no
   * common word; one the document writes inside sentences each time
   * ("Wales") may take a function word after it */
  e->docproper = cap && w && w->capmid && w->capmid == w->count;
  e->common =
      (level && !proper && !(cap && w && w->capmid && level >= 80)) || user;
  e->docname = cap && w && (w->capmid > 0 || ((!level || proper) && e->count));
  e->name = e->docname || (cap && proper && level);
  e->score += (e->count ? 2 : 0) + (e->docname ? 4 : 0);
  /* a name of the list is a name however rare ("Mandell", "Westbrook") */
  if (cap && proper && level > 70 && e->score < 5)
    e->score = 5;
}

/* ---- candidates and splits ----------------------------------------------- */

/* ---- candidates and splits ----------------------------------------------- */

/* The inner capitals of a candidate token: positions after the first
 * letter, 0 when there are none. */
struct shape {
  size_t inner;  /* the first */
  size_t second; /* the second: two camel-case words ("iPadPro") */
  size_t acro;   /* or the end or start of capitals: "NASAhas", "SamsungTV" */
  bool acro_name; /* or one before it: "CEOJack" */
  bool lead;      /* the one inner capital may be the second letter of a
                     word ("AppleiPhone", "theiPad"): split before it too */
};

/* A token of 2 to 5 capitals and a lower-case word ("NASAhas", "VWsays")
 * or a capitalised one ("CEOJack", "CBDenzel"), or the other way round
 * ("theUS", "SamsungTV"): sh->acro is where the capitals end or start. */
static bool acronym_shape(const char *p, size_t n, struct shape *sh) {
  size_t k = 0;
  while (k < n && is_upper((unsigned char)p[k]))
    k++;
  if (k >= 2) {
    if (k > 6 || n - k < 2)
      return false;
    for (size_t i = k; i < n; i++)
      if (!is_lower((unsigned char)p[i]))
        return false;
    sh->acro = k;
    sh->acro_name = k >= 3; /* or the last capital starts a name */
    return k <= 5 || sh->acro_name;
  }
  size_t j = n;
  while (j > 0 && is_upper((unsigned char)p[j - 1]))
    j--;
  if (n - j < 2 || n - j > 5 || j < 2)
    return false;
  for (size_t i = 1; i < j; i++)
    if (!is_lower((unsigned char)p[i]))
      return false;
  sh->acro = j;
  return true;
}

/* Whether the raw token may hold a glued pair at all: its core is 4 to 40
 * ASCII letters, not all capitals, at most one inner capital - or two,
 * each starting a lower-case run, in a token that ends in lower case
 * ("iPadPro", "TheMacBook"; not "GaN"), or capitals and a word
 * (acronym_shape) - and the token carries no sign of an address, handle,
 * tag or identifier. */
static bool candidate_shape(const struct token *t, struct shape *sh) {
  const char *p = t->raw + t->core;
  size_t n = t->clen, uppers = 0;
  if (n < MIN_TOKEN || n > MAX_TOKEN || !all_alpha(p, n))
    return false;
  for (size_t i = 0; i < t->rlen; i++) {
    if (i == t->core) /* its letters are no such signs */
      i += n;
    if (i < t->rlen && id_char((unsigned char)t->raw[i]))
      return false;
  }
  sh->inner = sh->second = sh->acro = 0;
  sh->acro_name = sh->lead = false;
  if ((is_upper((unsigned char)p[0]) && is_upper((unsigned char)p[1])) ||
      (is_upper((unsigned char)p[n - 2]) && is_upper((unsigned char)p[n - 1])))
    return acronym_shape(p, n, sh);
  for (size_t i = 1; i < n; i++)
    if (is_upper((unsigned char)p[i])) {
      if (++uppers > 2)
        return false;
      if (uppers == 1)
        sh->inner = i;
      else
        sh->second = i;
    }
  sh->lead = uppers == 1 && sh->inner >= 4 && sh->inner < n - 2 &&
             is_lower((unsigned char)p[sh->inner - 1]);
  return !sh->second || (sh->second > sh->inner + 1 && sh->second < n - 1 &&
                         is_lower((unsigned char)p[sh->second + 1]));
}

/* The split positions of a token of n letters (lo to hi, some of them
 * skipped by split_allowed): every position when it has no inner capital;
 * at the capital ("summitThe") and after the camel-case word that the
 * capital is in ("WeWorkis", "McConnellsaid") with at least two letters
 * after it when it has one; at either capital when it has two. */
static void split_range(const struct shape *sh, size_t n, size_t *lo,
                        size_t *hi) {
  *lo = sh->inner ? sh->inner - sh->lead : 1;
  if (sh->acro) {
    *hi = sh->acro;
    *lo = sh->acro - sh->acro_name;
  }
  else if (sh->second)
    *hi = sh->second;
  else
    *hi = sh->inner && n < sh->inner + 3 ? sh->inner
                                         : n - (sh->inner ? 2 : 1);
}

static bool split_allowed(const struct shape *sh, size_t i) {
  return !sh->second || i == sh->inner || i == sh->second;
}

/* Whether p[0..n) is one of the words list[0..count). */
static bool in_list(const char *const *list, size_t count, const char *p,
                    size_t n) {
  for (size_t i = 0; i < count; i++) { /* the first letter first */
    const char *w = list[i];
    if (!n || w[0] != p[0])
      continue;
    size_t j = 1;
    while (j < n && w[j] == p[j]) /* stops at w's end: p holds no NUL */
      j++;
    if (j == n && !w[n])
      return true;
  }
  return false;
}

/* Whether p[0..n) (no NUL in it) is one of the words list[0..count),
 * which are sorted (strcmp's order): by halves. */
static bool in_sorted(const char *const *list, size_t count, const char *p,
                      size_t n) {
  size_t lo = 0, hi = count;
  if (!n)
    return false;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2, j = 0;
    const unsigned char *w = (const unsigned char *)list[mid];
    while (j < n && w[j] == (unsigned char)p[j]) /* stops at w's end */
      j++;
    if (j == n && !w[n])
      return true;
    /* w is less when it differs lower or ends first (its NUL) */
    if (j < n && w[j] < (unsigned char)p[j])
      lo = mid + 1;
    else
      hi = mid;
  }
  return false;
}

/* Name prefixes that take a capital after them: McDonald, DeSantis. */
static bool name_prefix(const char *p, size_t n) {
  static const char *const prefixes[] = {
      /* sorted */
      "Abu", "Al", "Ben", "Bin", "Da", "De",  "Di",  "Du",  "El",     "Fitz",
      "La",  "Le", "Mac", "Mc",  "St", "Ten", "Ter", "Van", "Vander", "Von"};
  return in_sorted(prefixes, sizeof prefixes / sizeof prefixes[0], p, n);
}

/* Whether the token p[0..n), lower case after its first letter, is a
 * word of the list (not a name, not one of its rarest) with an ending
 * that the list lacks in this form: "inlined", "inlining" ("inline"),
 * "whitespaces", "backported". A glued pair is rarely that. */
static bool inflected_word(const char *p, size_t n) {
  char w[MAX_TOKEN + 1];
  if (n < 6 || n > MAX_TOKEN)
    return false;
  for (size_t i = 1; i < n; i++)
    if (!is_lower((unsigned char)p[i]))
      return false;
  lower_ascii(p, n, w);
  size_t stem[2] = {0, 0};
  if (w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' &&
      w[n - 2] != 'i') {
    stem[0] = n - 1; /* "whitespaces" */
    if (w[n - 2] == 'e')
      stem[1] = n - 2; /* "bugfixes" */
  } else if (w[n - 2] == 'e' && w[n - 1] == 'd') {
    stem[0] = n - 2; /* "backported" */
    stem[1] = n - 1; /* "inlined" */
  } else if (w[n - 3] == 'i' && w[n - 2] == 'n' && w[n - 1] == 'g') {
    stem[0] = n - 3; /* "backporting" */
    stem[1] = n - 2; /* "inlining": "inlin" and an e */
    w[n - 3] = 'e';
  }
  for (int k = 0; k < 2; k++) {
    bool proper;
    int level;
    if (stem[k] < 4 || (k == 1 && stem[k] < 6)) /* "whole|d": "who led" */
      continue;
    level = kempt__wordlist_lookup(w, stem[k], &proper);
    if (level && level < RARE_LEVEL && !proper)
      return true;
  }
  return false;
}

/* The document's entry of the whole token; it is not a candidate when it
 * is a known word, seen hyphenated, or seen whole more often than allowed
 * (h: the hash of its lower case). *rare: a rare word of the list;
 * *short_name: a name of the list of five letters or fewer (written in
 * lower case, as it is a candidate). */
static bool candidate_word(struct glue *g, const char *p, size_t n,
                           uint64_t h, const struct entry **whole,
                           bool *rare, bool *short_name) {
  /* the word list's answers: most often in the cache of words still,
   * from when the token was read */
  const struct word_info *wi = &g->words[h & g->word_mask];
  bool proper;
  int level;
  if (wi->valid && wi->h == h && wi->listed) {
    level = wi->level;
    proper = wi->proper;
  } else {
    level = kempt__wordlist_probe(h, &proper);
  }
  const struct entry *w = table_get(&g->query, h);
  *whole = w;
  *rare = level && !proper; /* and so a candidate (known_as_written) */
  *short_name = level && proper && n <= 5;
  if (known_as_written(level, proper, p, n, h) || table_get(&g->user, h))
    return false;
  if (!level && inflected_word(p, n))
    return false;
  return !(w && (w->flags & E_HYPHEN));
}

/* Times the spaced pair of the lower-case parts hashed l and r was seen
 * in the held blocks. */
static uint32_t pair_seen(struct glue *g, uint64_t l, uint64_t r) {
  const struct entry *w = table_get(&g->pairs, pair_hash(l, r));
  return w ? w->count : 0;
}

/* Times the spaced pair key[0..i) key[i..n) was seen (key: the token's
 * lower case, zero padded as ask_token's). */
static uint32_t pair_count(struct glue *g, const char *key, size_t n,
                           size_t i) {
  return pair_seen(g, kempt__word_hash_prefix(key, i),
                   kempt__word_hash_padded(key + i, n - i));
}

static bool opener(const char *p, size_t n) {
  static const char *const words[] = {
      /* sorted */
      "After",   "All",   "Also",  "Although", "And",  "As",      "At",
      "Because", "Both",  "But",   "Each",     "Even", "Every",   "Few",
      "For",     "From",  "He",    "Her",      "Here", "His",     "How",
      "If",      "In",    "It",    "Its",      "Just", "Last",    "Many",
      "Most",    "My",    "Next",  "Not",      "Now",  "On",      "Once",
      "One",     "Only",  "Or",    "Other",    "Our",  "Several", "She",
      "Since",   "Some",  "Still", "Such",     "That", "The",     "Their",
      "Then",    "There", "These", "They",     "This", "Those",   "Though",
      "Today",   "Two",   "We",    "What",     "When", "Where",   "While",
      "Who",     "Why",   "With",  "You",      "Your"};
  return in_sorted(words, sizeof words / sizeof words[0], p, n);
}

/* More words that start sentences, before a common word only (not before a
 * function word that also ends names: "Anand"): prepositions, adverbs and
 * auxiliaries that the list of openers leaves out (it serves camel-case
 * tokens too), not those that make compounds or names of firms as well
 * ("Undercounter", "Tencent", "BeyondMeat"): "Despitelower",
 * "Anextended". */
static bool late_opener(const char *p, size_t n) {
  static const char *const words[] = {
      /* sorted */
      "Against", "Along",     "Among",   "An",      "Are",     "Around",
      "Before",  "Besides",   "Despite", "During",  "However", "Instead",
      "Meanwhile", "Neither", "Should",  "Through", "To",      "Unless",
      "Unlike",  "Until",     "Was",     "Were",    "Whether", "Will",
      "Within",  "Without",   "Would"};
  return in_sorted(words, sizeof words / sizeof words[0], p, n);
}

/* Function words that camel-case identifiers do not start with: "ofJustice"
 * is glue, "toString" and "onClick" are names of code. */
static bool article(const char *p, size_t n) {
  static const char *const words[] = {"of",   "the",  "and", "a",    "an", "at",
                                      "from", "with", "in",  "into", "by"};
  return in_list(words, sizeof words / sizeof words[0], p, n);
}

/* Longer prepositions, which camel-case identifiers do not start with
 * either: "acrossNorth", "throughMay". */
static bool preposition(const char *p, size_t n) {
  static const char *const words[] = {
      "across", "through", "near",   "during", "between", "within",
      "without", "toward", "towards", "against", "among",  "despite",
      "around", "behind",  "beyond", "inside", "outside", "upon", "via"};
  return n >= 3 && in_list(words, sizeof words / sizeof words[0], p, n);
}

/* Possessive determiners, which camel-case identifiers do not start with
 * either ("myList" does): "theirNorth", "yourEcho". */
static bool possessive(const char *p, size_t n) {
  static const char *const words[] = {"their", "your", "his", "its", "our"};
  return in_list(words, sizeof words / sizeof words[0], p, n);
}

/* Two-letter function words that follow a noun: "lotof", "Fordto". */
static bool small_link(const char *p, size_t n) {
  return n == 2 && (memcmp(p, "of", 2) == 0 || memcmp(p, "to", 2) == 0 ||
                    memcmp(p, "in", 2) == 0 || memcmp(p, "is", 2) == 0 ||
                    memcmp(p, "at", 2) == 0);
}

/* Function words that also make compounds as prefixes (upgrade, inbox),
 * and the words that English writes as prefixes of new compounds
 * ("crossplatform", "selfdriving", "halfbaked"). */
static bool prefix_word(const char *p, size_t n) {
  static const char *const words[] = {
      "in",   "on",   "up",    "out",   "over", "by",    "off",  "after",
      "under", "down", "no",   "some",  "any",  "every", "all",  "cross",
      "self", "half"};
  return in_list(words, sizeof words / sizeof words[0], p, n);
}

/* Of the function words that also make compounds (prefix_word), those
 * that make new ones: "upskilling", "onboarding", "offload", "noreply". */
static bool particle(const char *p, size_t n) {
  static const char *const words[] = {"up",   "on",    "out", "over", "off",
                                      "down", "under", "by",  "no"};
  return in_list(words, sizeof words / sizeof words[0], p, n);
}

/* Adverbs, determiners and modal verbs that the function-word lists of
 * lang.c leave out and that start no closed compounds: "veryexciting",
 * "fewpeople", "shouldsend". */
static bool closed_word(const char *p, size_t n) {
  static const char *const words[] = {
      /* sorted */
      "almost", "already", "also",    "always",  "both",     "cannot",
      "could",  "each",    "either",  "even",    "few",      "instead",
      "just",   "many",    "might",   "much",    "must",     "neither",
      "never",  "often",   "perhaps", "quite",   "rather",   "really",
      "seem",   "seems",   "should",  "somehow", "somewhat", "still",
      "such",   "too",     "unless",  "very",    "whether",  "would"};
  return in_sorted(words, sizeof words / sizeof words[0], p, n);
}

/* Adverb particles that follow a verb: "fend off", and that make nouns
 * of verbs too ("walkout", "setback"). */
static bool adverb_particle(const char *p, size_t n) {
  static const char *const words[] = {"off",  "out",     "up",   "down",
                                      "over", "through", "back", "away"};
  return in_list(words, sizeof words / sizeof words[0], p, n);
}

/* Whether the word p[0..n) makes a closed compound of the list with one
 * of the particles words[0..count). */
static bool compound_with(const char *p, size_t n,
                          const char *const *words, size_t count) {
  char w[MAX_TOKEN + 8];
  if (n + 7 > MAX_TOKEN)
    return false;
  lower_ascii(p, n, w);
  for (size_t k = 0; k < count; k++) {
    size_t m = strlen(words[k]);
    memcpy(w + n, words[k], m);
    if (kempt__wordlist_level(w, n + m) > 0)
      return true;
  }
  return false;
}

/* Whether the word p[0..n) makes a closed compound with an adverb
 * particle in the list ("walkout", "checkout"): then it makes new ones
 * ("walkthrough", "checkback"); a verb that makes none ("fend") is glued
 * to the particle after it. */
static bool particle_former(const char *p, size_t n) {
  static const char *const words[] = {"off",  "out",     "up",   "down",
                                      "over", "through", "back", "away"};
  return compound_with(p, n, words, sizeof words / sizeof words[0]);
}

/* Whether the word p[0..n) makes a noun of the list with a particle that
 * makes nouns of verbs ("checkout", "setup", "signoff", "logon", "flyby",
 * "flyover"; not "wayback"): a verb. */
static bool noun_former(const char *p, size_t n) {
  static const char *const words[] = {"out", "up",  "off",
                                      "on",  "by",  "over"};
  return compound_with(p, n, words, sizeof words / sizeof words[0]);
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
  /* a gerund of a stem of two letters with a vowel ("using", "being",
   * "doing"; not "thing", "sting") */
  return n == 5 && memcmp(w + 2, "ing", 3) == 0 &&
         (strchr("aeiouyAEIOUY", w[0]) || strchr("aeiouy", w[1]));
}

/* Whether w[0..n), the first part of the token w[0..len), ends like a
 * derived adjective or a plural, which rarely start a closed compound:
 * "innovativeideas", "vehiclesexist". */
static bool loose_first(const char *w, size_t n, size_t len) {
  static const char *const ends[] = {"ive",  "ous",  "al", "ful",
                                     "able", "ible", "ic", "less"};
  for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
    size_t k = strlen(ends[i]);
    /* a two-letter ending after a stem of three is rarely a suffix:
     * "local", "metal", "comic" are words of their own, which start
     * closed compounds ("localhost") */
    size_t stem = k == 2 ? 4 : 3;
    if (n >= k + stem && memcmp(w + n - k, ends[i], k) == 0)
      return true;
    /* but such a word before a plural is an adjective before its noun
     * ("localfirms", "finalrounds"): compounds end in no plural */
    if (k == 2 && n == 5 && memcmp(w + 3, ends[i], 2) == 0 &&
        len - n >= 4 && w[len - 1] == 's' && w[len - 2] != 's' &&
        kempt__wordlist_level(w + n, len - n - 1) > 0)
      return true;
  }
  /* a plural, unless the s could start the next word ("missionscope") */
  return n >= 6 && w[n - 1] == 's' && w[n - 2] != 's' &&
         kempt__wordlist_level(w, n - 1) > 0 &&
         kempt__wordlist_level(w + n - 1, len - n + 1) == 0;
}

static bool subject_verb(const char *p, size_t n);

/* Two common lower-case words: "expressedconfidence". */
static bool content_pair(const char *p, const struct evidence *l,
                         const struct evidence *r) {
  if (l->len >= 6 && r->len == 3 && r->level && r->level <= 35 &&
      inflected(p, l->len))
    return true; /* "helpingcut" */
  if (l->len < 4 || r->len < 4 || !l->level || !r->level)
    return false;
  /* closed compounds mostly start with a short word (homestand,
   * longboards): a longer first word seen alone is evidence enough,
   * unless both words are short (five letters or fewer): then it is as
   * likely a compound that the list lacks ("videogame") */
  if (l->level <= 35 && r->level <= 35 &&
      ((l->count && r->count && l->len + r->len >= 9) ||
       (l->len >= 5 && (l->len >= 6 || r->len >= 6) &&
        (l->count || r->count))))
    return !particle(p, l->len); /* "underdelivering", "overreacting":
                                    new words, not a glued pair */
  /* two longer everyday words, neither seen alone: "largestprivate",
   * "minimumamount" (closed compounds of such words are in the list);
   * a second word of five letters is the short head of a new compound
   * ("healthcheck") unless either is a plural or it is a verb
   * ("momentslater", "unnecessarytests", "clientchose") */
  if (l->len >= 6 && r->len >= 5 && l->level <= 20 && r->level <= 20 &&
      !prefix_word(p, l->len) &&
      (r->len >= 6 || p[l->len - 1] == 's' ||
       (p[l->len + 4] == 's' && p[l->len + 3] != 's') ||
       subject_verb(p + l->len, r->len)))
    return true; /* not "underdelivering" */
  return l->level <= 50 && r->level <= 50 &&
         (inflected(p, l->len) || loose_first(p, l->len, l->len + r->len));
}

/* Words that follow a name to make a new one: suffixes ("Cleggmania",
 * "Trumpism", "Obamacare") and the heads of place and company names
 * ("Northwell", "Lightcloud", "Riverbend"): no evidence of a glued pair
 * after a name. */
static bool suffix_word(const char *p, size_t n) {
  static const char *const words[] = {
      /* sorted */
      "able",  "base",  "bend",  "berg",  "book",  "box",   "bridge", "brook",
      "burg",  "bury",  "care",  "cloud", "craft", "dale",  "dom",    "ers",
      "ese",   "fest",  "field", "ford",  "gate",  "ham",   "haven",  "house",
      "hub",   "ian",   "ish",   "ism",   "ist",   "ite",   "lake",   "land",
      "less",  "light", "like",  "line",  "ling",  "mania", "mont",   "more",
      "mouth", "ness",  "net",   "point", "port",  "ridge", "ship",   "shire",
      "shot",  "side",  "soft",  "son",   "space", "star",  "stein",  "stone",
      "tech",  "ton",   "town",  "verse", "view",  "ville", "ware",   "water",
      "way",   "well",  "wick",  "wood",  "works", "world", "worth"};
  return in_sorted(words, sizeof words / sizeof words[0], p, n);
}

/* Function words that also end names: "Bradsher", "Dawson", "Crosby",
 * "Timemore". */
static bool name_ending(const char *p, size_t n) {
  static const char *const words[] = {"her", "an", "on", "by", "us", "more"};
  return in_list(words, sizeof words / sizeof words[0], p, n);
}

/* Words of the function-word list that are nouns or numerals, and head
 * closed compounds after a word ("datetime", "runtime", "lifetime",
 * "someone"), and "only", which makes adjectives of a verb or a noun
 * ("readonly", "writeonly", "inviteonly"): no evidence of a glued pair
 * after one. */
static bool noun_stop(const char *p, size_t n) {
  static const char *const words[] = {"time", "one", "two", "only"};
  return in_list(words, sizeof words / sizeof words[0], p, n);
}

/* Verbs that follow their subject, in forms without -ed or -s: "Trumpsaw",
 * "Peoplefind". */
static bool subject_verb(const char *p, size_t n) {
  static const char *const words[] = {
      /* sorted */
      "agree",   "argue", "became", "began", "believe",  "bought",  "brought",
      "built",   "came",  "chose",  "claim", "continue", "deny",    "drew",
      "expect",  "feel",  "fell",   "felt",  "find",     "found",   "gave",
      "get",     "give",  "got",    "grew",  "held",     "hope",    "indicate",
      "kept",    "knew",  "know",   "led",   "left",     "lost",    "made",
      "make",    "met",   "need",   "paid",  "plan",     "ran",     "remain",
      "rose",    "said",  "saw",    "say",   "see",      "seem",    "sent",
      "show",    "sold",  "sought", "spent", "spoke",    "stood",   "struck",
      "suggest", "take",  "taught", "tell",  "think",    "thought", "told",
      "took",    "urge",  "use",    "want",  "warn",     "went",    "won",
      "wore",    "wrote"};
  return in_sorted(words, sizeof words / sizeof words[0], p, n);
}

/* Past forms of verbs of speech and the like that follow their subject
 * and end no closed compounds (not "made", "held", "saw": "homemade",
 * "handheld", "jigsaw"): "spokesmantold", "cousingot". */
static bool past_verb(const char *p, size_t n) {
  static const char *const words[] = {"said",   "told",    "wrote", "knew",
                                      "took",   "sought",  "spoke", "thought",
                                      "went",   "got",     "brought"};
  return in_list(words, sizeof words / sizeof words[0], p, n);
}

/* Whether the particle p[i..i+m) after the word p[0..i) makes a noun of
 * a bare verb, as "over" and "back" do in new terms of technical text
 * ("failover", "pingback", "writeback"): after a bare verb of four or
 * five letters (no -ed, -ing or -s, no past form) it is rarely glue, as
 * the phrasal verbs of prose are mostly inflected ("went back", "carried
 * over"). */
static bool noun_particle(const char *p, size_t i, size_t m) {
  bool head = (m == 4 && memcmp(p + i, "over", 4) == 0) ||
              (m == 4 && memcmp(p + i, "back", 4) == 0);
  if (!head || i < 4 || i > 5 || p[i - 1] == 's' || inflected(p, i))
    return false;
  return !subject_verb(p, i) && !past_verb(p, i);
}

/* Whether the word p[0..n) has a superlative among the list's common
 * words ("closest", "fastest"): an adjective, which makes no noun with
 * "in" ("close in"). */
static bool superlative(const char *p, size_t n) {
  char w[MAX_TOKEN + 4];
  if (n + 3 > MAX_TOKEN)
    return false;
  lower_ascii(p, n, w);
  size_t m = w[n - 1] == 'e' ? n : n + 1;
  memcpy(w + m - 1, "est", 3);
  int level = kempt__wordlist_level(w, m + 2);
  return level && level <= 35; /* not slang: "flyest" */
}

/* Whether "in" after the bare verb p[0..i) (three to five letters, no
 * -ed, -ing or -s) makes a noun or an adjective of it, as the verbs that
 * make nouns with other particles do in technical and commercial text
 * ("signin", "checkin", "walkin", "dropin" beside "signoff", "checkout",
 * "walkout", "dropout"): no glued pair unless the document has the
 * spaced pair (weighed before). */
static bool in_compound(const char *p, size_t i, size_t m) {
  if (m != 2 || p[i] != 'i' || p[i + 1] != 'n' || i < 3 || i > 5 ||
      p[i - 1] == 's' || inflected(p, i))
    return false;
  return !subject_verb(p, i) && !past_verb(p, i) && !superlative(p, i) &&
         noun_former(p, i);
}

/* A capitalised first part with no case change: "Thecompany",
 * "Blinkenstressed", "Trumpsaid", "Fridayis". */
static bool capital_signal(const char *p, size_t i, const struct evidence *l,
                           const struct evidence *r) {
  bool of = r->len == 2 && p[i] == 'o' && p[i + 1] == 'f';
  if (i == 1 && p[0] == 'A') /* "Asecond", "Asmall": the article at a
                                 sentence start, then a common word, not
                                 a verb ("Aseem") */
    return r->len >= 4 && !r->stop && r->common && r->level &&
           r->level <= 35 && !suffix_word(p + i, r->len) &&
           !subject_verb(p + i, r->len) && !closed_word(p + i, r->len);
  if (i == 1) /* "Ihave" */
    return r->len >= 3 && (r->stop || (r->level && r->level <= 35));
  if (solid(r) && opener(p, i) && !name_ending(p + i, r->len))
    return true;
  if (l->stop && r->stop && i >= 2 && r->len >= 2 &&
      !name_ending(p + i, r->len))
    return true; /* two function words, the first capitalised at the start
                    of a sentence: "Isthis", "Doyou", "Sowhat" (a name of
                    two is in the list: "Soto", "Thein") */
  if (r->len >= 4 && !r->stop && r->common && r->level && r->level <= 35 &&
      !suffix_word(p + i, r->len) && late_opener(p, i))
    return true; /* "Despitelower", "Anextended" */
  /* a common word capitalised as a name here ("Black Friday"), then a
   * short rarer plural seen nowhere alone: a name of its own
   * ("Blackhawks"); names are made of short words */
  if (l->docname && l->common && !r->count && r->level > 20 &&
      r->len >= 5 && r->len <= 6 && p[i + r->len - 1] == 's' &&
      p[i + r->len - 2] != 's')
    return false;
  if (l->docname && !l->common) /* a short rarer word seen nowhere alone
                                    may end a longer name of which the
                                    document has a short form once:
                                    "Kapernick" beside "Kaper" */
    return (r->stop && !name_ending(p + i, r->len)) ||
           (r->score >= 5 && !suffix_word(p + i, r->len) &&
            (r->len >= 5 || r->count || r->level <= 10 || l->count >= 2 ||
             inflected(p + i, r->len)));
  if (l->docproper && r->stop && r->len >= 2 && !name_ending(p + i, r->len))
    return true; /* "Walesis" */
  if (l->docproper && !l->stop && r->common && r->len >= 3 && r->level &&
      r->level <= 20 && r->count && !suffix_word(p + i, r->len))
    return true; /* "Walesbeat": always a name here, then a common word */
  if (l->docname && !l->stop && l->len >= 3 && closed_word(p + i, r->len))
    return true; /* "Swiftmight", "Techeach" */
  if (l->name && !l->common && l->len >= 5 && r->stop && (r->len >= 3 || of))
    return true; /* "Fridaythat" */
  if (l->proper && l->level && !l->common && l->len >= 5 && r->common &&
      r->level && r->level <= 20 && r->len >= 5 && inflected(p + i, r->len))
    return true; /* "Washingtoninvaded": a name of the list (however
                    rare), then a verb */
  if (l->proper && l->level && !l->common && l->len >= 4 && r->len >= 4 &&
      past_verb(p + i, r->len))
    return true; /* "Bernaltook": a name of the list (however rare), then
                    a past form that ends no compound */
  if (l->proper && l->level && l->level <= 35 && !l->common && l->len >= 5 &&
      r->common && r->level && r->level <= 20 && r->len >= 4 &&
      !suffix_word(p + i, r->len))
    return true; /* "Sundaynight": one of the list's most common names
                    (days, months, feasts), then a common word; rarer
                    names make brands ("Warnermedia", "Lucasfilm") */
  if (l->proper && l->level && l->level <= 35 && !l->common &&
      l->len >= 6 && small_link(p + i, r->len))
    return true; /* "Tuesdayin", "Londonis": one of the list's most
                    common names, then a link that ends no name of its
                    length ("Francis", "Mattis" have shorter heads) */
  if (l->common && l->level <= 35 && small_link(p + i, r->len) &&
      (l->len >= 7 || (l->len == 6 && !(p[i] == 'i' && p[i + 1] == 'n'))))
    return true; /* "Stadiumin", "Embassyto", "Healthat"; not "Lookin",
                    "Travelin" (a clipped -ing) */
  if (l->common && l->level <= 50 && l->len >= 4 && r->stop &&
      (r->len >= 3 || of) && !name_ending(p + i, r->len))
    return true; /* "Joiningthe", "Departmentof"; not "Bradsher" */
  if (l->common && l->level <= 35 &&
      (inflected(p, l->len) ||
       (l->len == 5 && memcmp(p + 2, "ing", 3) == 0)) &&
      solid(r) && r->len >= 3 && !suffix_word(p + i, r->len))
    return true; /* "Sellingcars", "Usingweed", "Goingupstairs" */
  if (l->common && l->level <= 35 && l->len >= 4 && p[i - 1] == 's' &&
      p[i - 2] != 's' && subject_verb(p + i, r->len) && r->len >= 3 &&
      is_lower((unsigned char)p[1])) {
    char w[MAX_TOKEN];
    lower_ascii(p, i - 1, w);
    if (kempt__wordlist_level(w, i - 1) > 0)
      return true; /* "Pollsshow": a plural subject, then its verb */
  }
  if (l->docname && r->len >= 4 && r->level && r->level <= 50 &&
      (inflected(p + i, r->len) || (r->len >= 5 && p[i + r->len - 1] == 's')))
    return true; /* "Fordagreed", "Appleviews" */
  if (l->docname && small_link(p + i, r->len))
    return true; /* "Fordto" */
  if (l->docname && !l->stop && l->len >= 4 && l->capmid >= 2 &&
      2 * l->capmid >= l->count && r->common && r->level &&
      r->level <= 35 && r->len >= 5 && !suffix_word(p + i, r->len))
    return true; /* "Senateimpeachment": a name capitalised inside
                    sentences, then a longer common word */
  if (l->docname && subject_verb(p + i, r->len))
    return true; /* "Trumpsaw" */
  if (l->len >= 5 && l->level && l->level <= 35 && r->len == 2 &&
      (memcmp(p + i, "to", 2) == 0 || memcmp(p + i, "of", 2) == 0))
    return true; /* "Welcometo"; not "Linkedin" */
  if (l->docname && r->stop && r->len >= 3)
    return true;
  /* a common word at the start of a sentence that rarely starts a
   * compound, then another: "Naturallanguage", "Oftencalled"; not a name
   * of the document, nor a name with a head */
  if (!l->docname && l->common && l->level <= 50 && r->common && r->level &&
      r->level <= 50 && r->len >= 4 && !suffix_word(p + i, r->len) &&
      (inflected(p, l->len) || loose_first(p, l->len, l->len + r->len)))
    return true;
  /* a name of the document and a common word, each standing alone there
   * more than once: "Amazonoffer", "Cupwin"; not "Northwell" */
  return l->docname && !l->stop && l->count >= 2 && r->common &&
         r->len >= 3 && r->level && r->level <= 20 && r->count >= 2 &&
         !suffix_word(p + i, r->len);
}

/* Two title-case words of a name, "CountyJail", "EnjoyGame", "AboutHard": a
 * name of the document (no function word: "LinkedIn") beside a function
 * word or a common word (level 35 or below) that stands alone there too
 * (not just any common word: "HomeKit", "StreetEasy"). */
static bool title_pair(const struct evidence *name, const struct evidence *w) {
  if (!name->docname || name->stop || !name->count || w->len < 3)
    return false;
  return w->stop || (w->common && w->level && w->level <= 35 && w->count);
}

/* Two title-case words of a name, "EastCoast", "SecondAmendment", where
 * only one stands alone in the document: a name there, capitalised inside
 * sentences more than once, beside a common word of five or more letters
 * (not "HomeKit", "FaceTime": the heads of brands are short). */
static bool title_word(const struct evidence *name, const struct evidence *w) {
  return name->docname && !name->stop && name->capmid >= 1 &&
         name->len >= 3 && !w->stop && w->common && w->level &&
         w->level <= 35 && w->len >= 5;
}

/* Titles that stand before a name: "PresidentDonald", "CaptainJames". */
static bool name_title(const char *p, size_t n) {
  static const char *const words[] = {
      "Administrator", "Archbishop", "Bishop",    "Captain",   "Chairman",
      "Chancellor",    "Colonel",    "Commissioner", "Congressman",
      "Congresswoman", "Coach",      "Deputy",    "Director",  "Governor",
      "Judge",         "Justice",    "Lieutenant", "Mayor",    "Minister",
      "President",     "Prime",      "Professor", "Representative",
      "Secretary",     "Senator",    "Sergeant",  "Sheriff"};
  return in_list(words, sizeof words / sizeof words[0], p, n);
}

/* Two capitalised parts, "KamalaHarris", "TheFossil": a name seen alone in
 * the document on one side; not after a name prefix ("McDonald"). */
static bool camel_signal(const char *p, size_t i, const struct evidence *l,
                         const struct evidence *r) {
  if (name_prefix(p, i))
    return false;
  if (r->proper && r->level && r->len >= 3 && name_title(p, i))
    return true; /* "PresidentDonald": a title, then a name of the list */
  if (l->docname && (r->name || r->docname || (!l->common && solid(r))))
    return true;
  if (r->docname && (l->name || (!r->common && l->level)))
    return true; /* "MartinTaylor" */
  if (title_pair(l, r) || title_pair(r, l))
    return !suffix_word(p + i, r->len);
  if (title_word(l, r) || title_word(r, l))
    return !suffix_word(p + i, r->len); /* "EastCoast", "SecondAmendment" */
  /* the list scan last: most pairs fail the cheap tests */
  if (!r->name && !(i == 3 && memcmp(p, "The", 3) == 0 && solid(r)))
    return false;
  return opener(p, i);
}

/* Prepositions and conjunctions that end no closed compounds (not
 * "through", "around", "over": "walkthrough", "workaround"). */
static bool link_word(const char *p, size_t n) {
  static const char *const words[] = {
      /* sorted */
      "against", "although", "among",  "because", "before",  "behind",
      "between", "beyond",   "despite", "during", "except",  "instead",
      "since",   "toward",   "towards", "unless", "until",   "via",
      "whereas", "within",   "without"};
  return n >= 3 && in_sorted(words, sizeof words / sizeof words[0], p, n);
}

/* Two everyday words (level 20 or below) that no closed compound makes:
 * closed compounds have short parts ("gameplay", "stormwater"), a
 * particle first ("underperforming", "Undercounter") or a gerund last
 * ("worldbuilding"); so a first part of six letters or more before one of
 * seven or more ("Departmentresponded"), or of five before one of eight or
 * more that is no gerund ("hearttroubles"; not "smartglasses"). */
static bool long_pair(const char *p, size_t i, const struct evidence *l,
                      const struct evidence *r) {
  size_t m = r->len;
  int most = l->len >= 7 && m >= 7 ? 35 : 20; /* longer parts: rarer words */
  if (l->len < 5 || m < 7 || l->level > most || !r->common || !r->level ||
      r->level > most)
    return false;
  if (l->len == 5 &&
      (m < 8 || memcmp(p + i + m - 3, "ing", 3) == 0))
    return false;
  char w[MAX_TOKEN];
  lower_ascii(p, i, w);
  return !prefix_word(w, i) && !suffix_word(p + i, m);
}

/* Two title-case everyday words of seven letters or more, neither a name
 * ("IntelligenceCommittee", "PolytechnicUniversity"): the heads of brands
 * are shorter ("SmartThermostat", "PlayStation"), and those of names of
 * code are agent nouns ("ResourceManager", "DocumentBuilder"). */
static bool long_title_pair(const char *p, size_t i, const struct evidence *l,
                            const struct evidence *r) {
  const char *e = p + i + r->len - 2;
  return l->len >= 7 && r->len >= 7 && l->common && r->common && l->level &&
         l->level <= 35 && r->level && r->level <= 35 && !l->docname &&
         !r->docname && !(e[1] == 'r' && (e[0] == 'e' || e[0] == 'o'));
}

/* One of the most common words of three letters (level 10), then a
 * function word of three that no name ends with, without the first word
 * seen alone: "topthe", "sitand", "buyany". */
static bool short_pair(const char *p, size_t i, const struct evidence *l,
                       const struct evidence *r) {
  return r->stop && r->len == 3 && !l->stop && l->level && l->level <= 10 &&
         l->common && !name_ending(p + i, r->len);
}

/* The preposition "by" in lower case, which makes no new closed
 * compounds (its own are in the list: "bypass", "byline"), before an
 * everyday word of four letters or more: "byproviding", "bycurrent". */
static bool by_pair(const char *p, size_t i, const struct evidence *r) {
  return i == 2 && p[0] == 'b' && p[1] == 'y' && r->len >= 4 && r->common &&
         r->level && r->level <= 35;
}

/* Two words whose forms tell a glued pair from a compound, the first
 * part an everyday word that is no function word (those are weighed
 * before): a preposition or conjunction after it ("firmbehind",
 * "busyinstead", "wheelsvia"), or two long everyday words (long_pair). */
static bool marked_pair(const char *p, size_t i, const struct evidence *l,
                        const struct evidence *r) {
  if (l->stop || !l->common || !l->level || l->level > 35 || l->len < 3)
    return false;
  if (link_word(p + i, r->len))
    return true;
  return long_pair(p, i, l, r);
}

/* Whether the lower-case word w[0..n) (no function word) reads as one
 * that the article "a" follows: a verb ("featured", "makes", "became"),
 * an adverb ("quite"), a preposition ("despite"). A noun then "a" is
 * rare in English; a word of another language ending in "a" is not
 * ("programa", "problema"): no split after a bare noun. */
static bool article_before(const char *w, size_t n) {
  /* endings of verbs ("create", "organise", "receive", "maintain"),
   * which no word of another language has before its "a" */
  static const char *const verb_ends[] = {"ate", "ize", "ise", "ify",
                                          "eive", "ain"};
  bool ed = n >= 4 && w[n - 2] == 'e' && w[n - 1] == 'd'; /* "used" */
  bool like = n == 4 && memcmp(w, "like", 4) == 0; /* a preposition too */
  bool verb = false;
  for (size_t k = 0; k < sizeof verb_ends / sizeof verb_ends[0]; k++) {
    size_t m = strlen(verb_ends[k]);
    verb |= n >= m + 2 && memcmp(w + n - m, verb_ends[k], m) == 0;
  }
  return inflected(w, n) || ed || like || verb ||
         (n >= 4 && w[n - 1] == 's' && w[n - 2] != 's') ||
         subject_verb(w, n) || past_verb(w, n) || closed_word(w, n) ||
         link_word(w, n) || preposition(w, n);
}

/* A number word, then a plural of an everyday noun that the list has in
 * the singular: "Fourteams", "threemonths", "Sixflags"; no closed
 * compound ends in a plural after a number ("Foursquare",
 * "fourfold" end in no plural). */
static bool number_plural(const char *p, size_t i, const struct evidence *r) {
  static const char *const numbers[] = {
      "two",    "three",   "four",    "five",    "six",     "seven",
      "eight",  "nine",    "ten",     "eleven",  "twelve",  "twenty",
      "thirty", "forty",   "fifty",   "hundred", "thousand", "million",
      "billion", "several", "dozen"};
  char w[MAX_TOKEN + 1];
  size_t m = r->len;
  if (m < 4 || !r->common || !r->level || r->level > 20 || i > 8 ||
      p[i + m - 1] != 's' || p[i + m - 2] == 's')
    return false;
  lower_ascii(p, i, w);
  if (!in_list(numbers, sizeof numbers / sizeof numbers[0], w, i))
    return false;
  lower_ascii(p + i, m - 1, w);
  return kempt__wordlist_level(w, m - 1) > 0;
}

/* A name of a people or a country's adjective ("Australian", "British",
 * "Chinese", "Olympic"), then a common word: "Australiannational",
 * "Britishespionage"; such adjectives make closed compounds with
 * suffixes and heads of place names only ("Britishness",
 * "Germantown"). */
static bool demonym_pair(const char *p, size_t i, const struct evidence *l,
                         const struct evidence *r) {
  const char *e = p + i;
  /* first names of five letters end in -an too ("Brian", "Megan"); the
   * adjectives in -ic of the list's names are longer ("Olympic",
   * "Democratic"; not "Eric") */
  bool demonym = (i >= 6 && e[-2] == 'a' && e[-1] == 'n') ||
                 (i >= 6 && e[-2] == 'i' && e[-1] == 'c') ||
                 (i >= 5 && ((e[-3] == 'i' && e[-2] == 's' && e[-1] == 'h') ||
                             (e[-3] == 'e' && e[-2] == 's' && e[-1] == 'e')));
  return demonym && l->proper && l->level && !l->common && r->common &&
         r->level && r->level <= 35 && r->len >= 4 && !r->stop &&
         !suffix_word(p + i, r->len);
}

/* Auxiliary verbs, which follow a subject: "Chicagoare", "Walesis". */
static bool auxiliary(const char *p, size_t n) {
  static const char *const words[] = {"is", "are", "was", "were", "has",
                                      "had"};
  return in_list(words, sizeof words / sizeof words[0], p, n);
}

/* Whether the case and the parts' evidence make a split at i plausible. */
static bool signal(const char *p, size_t i, const struct evidence *l,
                   const struct evidence *r, bool pair) {
  bool cap = is_upper((unsigned char)p[0]);
  bool trans = is_upper((unsigned char)p[i]);
  if (r->len == 1 && cap && trans) /* "BecauseI", "AndI" */
    return p[i] == 'I' && l->len >= 3 && (l->stop || opener(p, i) ||
                                          closed_word(p, i));
  if (r->len == 1 && cap) /* "Buildinga" */
    return !trans && p[i] == 'a' && l->common && l->level && l->level <= 35 &&
           (inflected(p, l->len) || opener(p, i));
  if (r->len == 1) /* "featureda", "thatI", "wasa" */
    return solid(l) && l->len >= 3 &&
           (trans || l->stop || (l->len >= 4 && article_before(p, l->len)));
  if (l->len == 1 && (r->len < 4 || !solid(r)) &&
      !(cap && p[0] == 'I' &&
        (r->stop || subject_verb(p + i, r->len)))) /* "Iwas", "Igot" */
    return false;
  if (pair)
    return true;
  if (!trans && number_plural(p, i, r))
    return true;
  if (trans && cap)
    return camel_signal(p, i, l, r) || long_title_pair(p, i, l, r);
  if (trans) /* "summitThe", "theSenate"; not "parseInt", "onClick"; no
                 sentence starts after a function word, only a title
                 ("byThe", "toAll"), and not after one that starts
                 camel-case identifiers ("forEach", "ifAll"); a rarer
                 name only the list knows after a short word that is no
                 function word is an identifier's ("maxLen", "errMsg";
                 not "setMonday") */
    return (r->name && (r->docname || l->stop || l->len >= 4 ||
                        (r->level && r->level <= 35))) ||
           (opener(p + i, r->len) &&
            (!l->stop || article(p, i) || small_link(p, i) ||
             (r->len == 3 && memcmp(p + i, "The", 3) == 0))) ||
           ((article(p, i) || possessive(p, i)) && r->len >= 4 && r->level &&
            r->level <= 50) ||
           (article(p, i) && r->len == 3 && !r->stop && r->level &&
            r->level <= 20) || /* "theBay", "atNew" */
           (preposition(p, i) && r->len >= 3 && !r->stop && r->level &&
            r->level <= 50); /* "acrossNorth" */
  if (cap && auxiliary(p + i, r->len) && suffix_word(p + i - 1, r->len + 1))
    return false; /* the head of a name starts a letter before the
                     auxiliary: "Atlanti|care", not "Atlantic are"
                     ("Delaw|are"); a conjunction is likelier glue there
                     ("April|and" beside "-land") */
  if (cap)
    return capital_signal(p, i, l, r) ||
           (!l->docname && marked_pair(p, i, l, r)) ||
           demonym_pair(p, i, l, r);
  if (l->len + r->len <= 5 && !(l->stop && r->stop) &&
      (l->stop ? r->level : l->level) > 20)
    return false; /* "melee" */
  if (!l->stop && in_compound(p, i, r->len))
    return false; /* "signin", "checkin" */
  if (!l->stop && adverb_particle(p + i, r->len)) /* "fendoff" */
    return l->len >= 3 && l->level && l->level <= 50 &&
           !particle_former(p, i) && /* not "walkthrough" */
           !noun_particle(p, i, r->len); /* not "failover" */
  if (l->stop && !prefix_word(p, i))
    return solid(r);
  if (l->stop) /* "inthe"; "infront" only when "front" stands alone */
    return r->stop || (r->len >= 4 && r->level && r->level <= 35 && r->count) ||
           (!particle(p, i) && r->len >= 5 && r->level && r->level <= 35 &&
            r->common) || /* "innature", "somecases"; not "upskilling" */
           by_pair(p, i, r);
  if (closed_word(p, i)) /* "veryexciting", "fewpeople"; "mightbe",
                             "whetherit", "manyof"; not "justin" */
    return (r->len >= 4 && r->level && r->level <= 35 && r->common) ||
           (r->stop && r->len >= 2 &&
            (r->len >= 3 || i >= 5 ||
             (p[i] == 'o' && p[i + 1] == 'f') ||
             (p[i] == 'b' && p[i + 1] == 'e') ||
             (p[i] == 't' && p[i + 1] == 'o') ||
             (p[i] == 'i' && p[i + 1] == 'f'))); /* "evenif" */
  if (l->len == 3 && r->len < 4) /* "bitof", "wayto"; "dayshe", "manwho"
                                     when the word stands alone here */
    return l->level && l->level <= 35 &&
           (small_link(p + i, r->len) ||
            (r->stop && r->len == 3 && l->count && !l->stop) ||
            short_pair(p, i, l, r));
  if (r->stop && name_ending(p + i, r->len) && l->level > 35 && l->len <= 5)
    return false; /* a short rarer word, then a function word that ends
                     names: "whitby", "crosby" */
  if (l->len >= 3 && l->common && l->level && l->level <= 35 &&
      !prefix_word(p, i) && past_verb(p + i, r->len))
    return true; /* "spokesmantold", "postgot" */
  return (r->stop && solid(l) && !noun_stop(p + i, r->len)) ||
         content_pair(p, l, r) ||
         marked_pair(p, i, l, r);
}

/* A first part with an inner capital ("WeWork", "McConnell", "iFixit") is
 * a word when the list spells it so or the document has it on its own
 * (counted in any casing: so not a short word of the list, "iS"); then it
 * is as good as a name of the document. */
static void camel_evidence(struct evidence *e, const char *p, size_t n) {
  /* the list's rare camel-case forms are mostly plurals ("McConnells") */
  bool known = e->level && e->level <= 70 &&
               kempt__wordlist_camel(lower_hash(p, n));
  e->ok = known || (e->count && n >= 3 && (!e->level || n >= 6));
  e->name = e->docname = e->ok;
  e->common = false;
  if (e->ok)
    e->score += 4;
}

/* A camel-case first part and a lower-case word after it ("WeWorkis",
 * "DeSantisannounced"). */
static bool camel_left_signal(const char *p, size_t i, const struct evidence *l,
                              const struct evidence *r) {
  if (!l->ok || suffix_word(p + i, r->len))
    return false;
  if (r->stop)
    return r->len >= 2 && !name_ending(p + i, r->len);
  return r->len >= 3 && r->common && r->level && r->level <= 50;
}

/* Capitals ("NASA", "TV", "VW") are a word when the list has them as a
 * name or abbreviation, or the document has them on their own (counted in
 * any casing: so not when the list has them in lower case, "US", "ID",
 * unless after a function word, "theUS", or spelling one, "USofficials",
 * with more evidence from the word after them). */
static void acronym_evidence(struct evidence *e, bool after_stop) {
  /* two capitals that spell a function word ("US", "IT"): maybe a word
   * of their own, on the evidence of the word after them
   * (acronym_signal) */
  e->spelt = e->len == 2 && e->stop && !after_stop;
  e->ok = e->len >= 2 &&
          ((e->level && (e->proper || after_stop || e->spelt)) ||
           (e->count && (!e->level || e->proper || after_stop)));
  e->stop = e->common = e->docname = false;
  if (e->ok)
    e->score += 4;
}

/* Whether the last capital before p[i] and the lower-case word r after it
 * make a common word of the list, r no function word: a prefix and a
 * word ("JUnit", "XPending", "CLion", "DECScope"), not capitals and a
 * word ("NASAhas", "USwill", "USlaw"). */
static bool capital_word(const char *p, size_t i, const struct evidence *r) {
  bool proper;
  if (r->stop)
    return false;
  int level = kempt__wordlist_lookup(p + i - 1, r->len + 1, &proper);
  return level && level <= 35;
}

/* Two capitals that spell a function word, then a longer word among the
 * most common (level 20) that the document has on its own:
 * "USofficials", "ITstaff"; a word typed with two capitals ("INside",
 * "ONline", "BEcause") has a shorter or rarer rest, or one the document
 * does not write alone, and a brand a rarer one ("USgamer"). */
static bool spelt_signal(const char *p, size_t i, const struct evidence *r) {
  return !r->stop && r->len >= 5 && r->count && r->common && r->level &&
         r->level <= 20 && !suffix_word(p + i, r->len) &&
         !capital_word(p, i, r);
}

/* Capitals and a word: "NASAhas" as after a camel-case word; "CBDenzel": a
 * name of the document after them; "SamsungTV":
 * a name of the document or the list before them; "theUS", "powerfulAI":
 * a function word or an adjective before them. */
static bool acronym_signal(const char *p, size_t i, const struct evidence *l,
                           const struct evidence *r) {
  if (is_upper((unsigned char)p[i - 1]) && is_upper((unsigned char)p[i]))
    return l->ok && l->count && !r->stop && r->len >= 3 && r->docname &&
           (r->docproper || !r->common) && /* not "CTVNews" */
           !suffix_word(p + i, r->len);   /* "CBDenzel", with "CB" alone
                                             in the document; not
                                             "JPMorgan" beside "Morgan
                                             Stanley" */
  if (is_upper((unsigned char)p[i - 1]) && l->spelt)
    return spelt_signal(p, i, r);
  if (is_upper((unsigned char)p[i - 1]))
    return camel_left_signal(p, i, l, r) && !capital_word(p, i, r);
  if (!is_upper((unsigned char)p[0])) /* "theUS", "powerfulAI"; not "watchOS",
                                         "toJSON", "isNaN" */
    return article(p, i) || (l->common && l->level && l->level <= 35 &&
                             (inflected(p, i) || loose_first(p, i, i)));
  /* a name of the list, or of the document that is no everyday word or
   * is capitalised wherever it stands alone ("SamsungTV", "AppleTV"; not
   * "FreeBSD" beside "Free Software" and "free software") */
  return !l->stop && l->len >= 3 &&
         ((l->proper && l->level) ||
          (l->docname && (!l->common || l->docproper)));
}

/* Two camel-case words, or a word and a camel-case word: "iPadPro",
 * "TheMacBook", "AppleAirPods": the strongest shape of a single name
 * ("JavaScriptCore"), split only where the document has the spaced pair,
 * the camel-case side a word (list or document, camel_evidence) and the
 * other a name of the document or an opener before it. */
static bool two_camel_signal(const char *p, size_t i, const struct evidence *l,
                             const struct evidence *r, bool camel_left) {
  if (camel_left) /* "iPadPro" */
    return !r->stop && r->len >= 3 && r->docname &&
           !suffix_word(p + i, r->len);
  /* "TheMacBook", "AppleAirPods" */
  return !name_prefix(p, i) &&
         (opener(p, i) || (!l->stop && l->len >= 3 && l->docname));
}

/* A lower-case word and a camel-case word that the list or the
 * document has (camel_evidence), without the spaced pair: "theDualShock",
 * "ofAirPower", "companySoftBank"; the word a function word that
 * identifiers do not start with, or a longer everyday word (not
 * "myArrayList", "newDataStore"). */
static bool word_camel_signal(const char *p, size_t i, const struct evidence *l,
                              const struct evidence *r, bool camel_r) {
  if (!camel_r || !r->ok || !l->ok || !is_lower((unsigned char)p[0]))
    return false;
  return article(p, i) || possessive(p, i) || preposition(p, i) ||
         (!l->stop && l->common && l->level && l->level <= 35 && l->len >= 5);
}

/* A part of four or more letters that neither the lists nor the
 * document know: it may be a new name; it gets a score of its own. */
static bool novel(struct evidence *e) {
  if (e->len < 4 || e->level || e->count || e->ok)
    return false;
  e->score = 2;
  return true;
}

/* A name of the document and a new name ("ConnorHellebuyck",
 * "PresidentVolodymyr"): the known side a name capitalised inside
 * sentences of the document, not a function word, not a name prefix or a
 * head of names ("Riverworks"). */
static bool new_name_signal(const char *p, size_t i, const struct evidence *l,
                            const struct evidence *r) {
  const struct evidence *k = l->ok ? l : r;
  char head[MAX_TOKEN];
  lower_ascii(p + i, r->len, head);
  return k->docname && !k->stop && k->capmid >= 1 && k->len >= 4 &&
         !name_prefix(p, i) && !suffix_word(head, r->len);
}

/* "and", "the", "at" or "in" in lower case, then a new title-case name
 * that neither the lists nor the document know: "andBloomberg",
 * "atChaoyang", "inKyiv"; not the function words that start names of
 * code before a new word ("fromJson", "withAxios", "ofNullable"). */
static bool article_name_signal(const char *p, size_t i,
                                const struct evidence *l,
                                const struct evidence *r) {
  static const char *const words[] = {"and", "the", "at", "in"};
  return is_lower((unsigned char)p[0]) && l->ok && l->stop && !r->ok &&
         r->len >= 4 && in_list(words, sizeof words / sizeof words[0], p, i);
}

/* A word and a camel-case word with a lower-case first letter
 * ("AppleiPhone", "theiPad", "DelleGift"): the camel-case side a word of
 * the list or the document (camel_evidence), the other a function word,
 * an opener or a name. */
static bool lead_signal(const char *p, size_t i, const struct evidence *l,
                        const struct evidence *r) {
  if (!r->ok || l->len < 3 || name_prefix(p, i))
    return false;
  return l->stop || opener(p, i) || l->docname || l->name;
}

/* Whether i is a position after the camel-case word of a token with one
 * inner capital ("WeWork|is"): many such positions, so only the first
 * part is asked about, and weighed first (camel_word). */
static bool camel_tail(const struct shape *sh, size_t i) {
  return sh->inner && !sh->second && i > sh->inner;
}

/* Whether p[0..n) may be a camel-case word of the list or the document (a
 * cheap test before camel_evidence). */
static bool camel_word(struct glue *g, const char *p, size_t n) {
  uint64_t h = lower_hash(p, n);
  const struct entry *w = table_get(&g->query, h);
  if (w && w->count)
    return true;
  bool proper;
  int level = kempt__wordlist_probe(h, &proper);
  return level && level <= 70 && kempt__wordlist_camel(h);
}

/* Whether the part p[0..n) of a token, n 1 or 2, key its lower case, is
 * no word whatever the document says (part_ok: ok is false, and novel
 * too): one letter but "a", "A" and "I", or two that are not capitalised
 * and no English function word. */
static inline bool short_nonword(const char *p, const char *key, size_t n) {
  if (n == 1)
    return p[0] != 'a' && p[0] != 'A' && p[0] != 'I';
  return !is_upper((unsigned char)p[0]) &&
         !(kempt__stopword_langs_packed(
               (unsigned char)key[0] | (uint64_t)(unsigned char)key[1] << 8,
               2) &
           (1u << (KEMPT_LANG_EN - 1)));
}

/* Whether the split of the token p[0..n) (key its lower case, sh its
 * shape) at i leaves a part of one letter but "a", "A" and "I", or of two
 * lower-case letters that are no English function word, on a side
 * without capitals of its own: no word (part_ok) and too short to be
 * new, whatever the document says; so no split there, and nothing is
 * looked up or asked about for it (split_score, ask_token). */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline bool short_part(const char *p, const char *key, size_t n,
                              size_t i, const struct shape *sh) {
  if (i > 2 && n - i > 2) /* the common case: no short part */
    return false;
  bool camel_l = sh->inner && i > sh->inner;
  bool camel_r = (sh->second && i == sh->inner) ||
                 (sh->lead && i + 1 == sh->inner);
  bool acro_l = sh->acro && is_upper((unsigned char)p[i - 1]);
  bool acro_r = sh->acro && !acro_l;
  return (i <= 2 && !camel_l && !acro_l && short_nonword(p, key, i)) ||
         (n - i <= 2 && !camel_r && !acro_r &&
          short_nonword(p + i, key + i, n - i));
}

/* Whether the split at i leaves the article "an" before a lower-case
 * word that starts with a consonant (key: the token's lower case), which
 * English never writes: names ("Andries", "Antill"), not "an|dries";
 * capitals may sound as a vowel ("anXbox", "anSUV"). */
static bool an_consonant(const char *p, const char *key, size_t i) {
  return i == 2 && key[0] == 'a' && key[1] == 'n' &&
         is_lower((unsigned char)p[2]) && !strchr("aeiouh", key[2]);
}

/* Whether the camel-case part p[0..i) ends in its capital and is an
 * everyday word of the list in lower case: the capital starts the next
 * word ("valueS|tart", "HandleS|cope" beside "values", "handles"); not
 * "SpaceX|and", "kW|and". */
static bool capital_last(const char *p, size_t i, const struct shape *sh) {
  if (i != sh->inner + 1)
    return false;
  bool proper;
  int level = kempt__wordlist_lookup(p, i, &proper);
  return level && !proper;
}

#if defined(__GNUC__)
__attribute__((always_inline)) /* decide_shaped's two loops */
#endif
static inline int
split_score(struct glue *g, const char *p, const char *key, size_t n, size_t i,
            const struct shape *sh) {
  /* the side with an inner capital of its own */
  bool camel_l = sh->inner && i > sh->inner;
  bool camel_r = (sh->second && i == sh->inner) ||
                 (sh->lead && i + 1 == sh->inner);
  bool acro_l = sh->acro && is_upper((unsigned char)p[i - 1]);
  bool acro_r = sh->acro && !acro_l;
  if (short_part(p, key, n, i, sh) || an_consonant(p, key, i))
    return -1;
  uint64_t hl = kempt__word_hash_prefix(key, i);
  bool tail = camel_tail(sh, i);
  if (tail && (!camel_word(g, p, i) || capital_last(p, i, sh)))
    return -1;
  /* at the case change of two title-case parts one may be new: a name
   * found nowhere else ("ConnorHellebuyck", "PresidentVolodymyr") */
  bool names = !sh->second && !sh->acro && i == sh->inner &&
               (is_upper((unsigned char)p[0]) || article(p, i));
  struct evidence l, r;
  const struct entry *w;
  bool user;
  part_ok(g, p, i, key, hl, &l, &w, &user);
  /* no word, nor a new one (novel): not weighed further */
  if (!l.ok && !camel_l && !acro_l &&
      !(names && i >= 4 && !l.level && !l.count))
    return -1;
  part_more(&l, p, w, user);
  if (camel_l)
    camel_evidence(&l, p, i);
  if (acro_l)
    acronym_evidence(&l, false);
  if (!l.ok && !(names && novel(&l)))
    return -1;
  uint64_t hr = kempt__word_hash_padded(key + i, n - i);
  part_ok(g, p + i, n - i, key + i, hr, &r, &w, &user);
  if (!r.ok && !camel_r && !acro_r &&
      !(names && l.ok && n - i >= 4 && !r.level && !r.count))
    return -1;
  part_more(&r, p + i, w, user);
  if (camel_r)
    camel_evidence(&r, p + i, n - i);
  if (acro_r)
    acronym_evidence(&r, !is_upper((unsigned char)p[0]) && article(p, i));
  if (!r.ok && !(names && l.ok && novel(&r)))
    return -1;
  if (n < 5 && !(l.stop && r.stop && (!is_upper((unsigned char)p[0]) ||
                                       (i == 1 && p[0] == 'I') || opener(p, i))) &&
      !(i == 1 && p[0] == 'I' && subject_verb(p + i, r.len)))
    return -1; /* "wasa", "Itis", "Ihad", "Igot"; not "Beto" */
  uint32_t pairs = tail ? 0 : pair_seen(g, hl, hr);
  bool pair = pairs > 0;
  /* two parts that no list knows, one of them a syllable of three
   * letters, each seen alone only in the spaced pair: the pair is the
   * token's other spelling ("Tik Tok", "TikTok"), no evidence of two
   * words (names have longer parts: "FunkeAdedoyin") */
  if (pair && !l.level && !r.level && !l.stop && !r.stop &&
      (l.len <= 3 || r.len <= 3) && l.count <= pairs && r.count <= pairs &&
      !table_get(&g->user, hl) && !table_get(&g->user, hr))
    return -1;
  bool sig;
  if (sh->acro)
    sig = pair || acronym_signal(p, i, &l, &r);
  else if (sh->second)
    sig = (pair && two_camel_signal(p, i, &l, &r, camel_l)) ||
          word_camel_signal(p, i, &l, &r, camel_r);
  else if (!l.ok || !r.ok)
    sig = new_name_signal(p, i, &l, &r) || article_name_signal(p, i, &l, &r);
  else if (camel_r) /* "AppleiPhone", "theiPad" */
    sig = pair || lead_signal(p, i, &l, &r);
  else if (camel_l)
    sig = pair || camel_left_signal(p, i, &l, &r);
  else
    sig = signal(p, i, &l, &r, pair);
  if (!sig)
    return -1;
  bool trans = is_upper((unsigned char)p[i]);
  int s = (l.score < r.score ? l.score : r.score) + (trans ? 4 : 0) +
          (pair ? 6 : 0);
  return s >= 5 ? s : -1;
}

/* The least common part of the split of key[0..n) at i: its level in
 * the word list, 100 when the list lacks it. */
static int rarest_part(const char *key, size_t n, size_t i) {
  int l = kempt__wordlist_level(key, i), r = kempt__wordlist_level(key + i, n - i);
  l = l ? l : 100;
  r = r ? r : 100;
  return l > r ? l : r;
}

/* Two positions of the token key[0..n) (its lower case) that score alike
 * (sc[lo..hi], top the best score): the one whose parts are both among
 * the list's most common words when the other has a rarer one
 * ("a|small", not "as|mall"; "over|the", not "overt|he"; "its|own", not
 * "it|sown"); 0 when no such evidence tells them apart ("was|hit",
 * "wash|it"), or more positions come close. */
static size_t common_split(const char *key, size_t n, const int *sc, size_t lo,
                           size_t hi, int top) {
  size_t at[2], k = 0;
  for (size_t i = lo; i <= hi; i++)
    if (sc[i] >= 0 && sc[i] >= top - 1) {
      if (k == 2)
        return 0;
      at[k++] = i;
    }
  if (k != 2)
    return 0;
  int ra = rarest_part(key, n, at[0]), rb = rarest_part(key, n, at[1]);
  size_t a = ra <= rb ? at[0] : at[1], b = ra <= rb ? at[1] : at[0];
  int rmin = ra <= rb ? ra : rb, rmax = ra <= rb ? rb : ra;
  if (rmin > 10 || rmax < 20 || sc[a] < sc[b])
    return 0;
  /* a word and a link of two letters after it ("Health|at" against
   * "Heal|that") is the weakest signal: it decides no tie */
  if (n - a == 2 &&
      !(kempt__stopword_langs_lower(key, a) & (1u << (KEMPT_LANG_EN - 1))))
    return 0;
  return a;
}

/* Whether the split of the rare word key[0..n) (its lower case) at i is
 * the article "a" before an everyday word of four letters or more
 * ("agood", "asudden", "aquarter"): the list's rarest words of that shape
 * are archaic adverbs ("afear", "aflow") that modern text does not write,
 * and the spaced pair need not be seen to split one. */
static bool article_word(const char *key, size_t n, size_t i) {
  const uint32_t en = 1u << (KEMPT_LANG_EN - 1);
  bool proper;
  if (i != 1 || key[0] != 'a' || n < 5)
    return false;
  /* not when two function words read it too: "atour" is "at our" */
  for (size_t j = 2; j + 2 <= n; j++)
    if ((kempt__stopword_langs_lower(key, j) & en) &&
        (kempt__stopword_langs_lower(key + j, n - j) & en))
      return false;
  int level = kempt__wordlist_lookup(key + 1, n - 1, &proper);
  return level && level <= 20 && !proper;
}

/* Whether the split of the rare word key[0..n) (its lower case) at i
 * leaves two English function words that make a phrase: one before a
 * determiner, "be" or a question word ("tobe", "forhow", "witha"), or a
 * subject pronoun before an auxiliary ("weare", "heis"). Such a word of
 * the list's rarest is a pair glued however the document writes it; the
 * rare words that text does write are other pairs ("uptime", "chow mein",
 * "canis"), or a short word of another language before "a" ("nota bene",
 * "alla"). */
static bool function_pair(const char *key, size_t n, size_t i) {
  static const char *const heads[] = {"a",   "an",   "the",  "be",
                                      "how", "what", "when", "which"};
  static const char *const subjects[] = {"i", "we", "he", "she", "they",
                                         "you"};
  static const char *const verbs[] = {"is",  "are",   "was",  "were",
                                      "has", "have",  "had",  "can",
                                      "will", "would", "could", "did"};
  const uint32_t en = 1u << (KEMPT_LANG_EN - 1);
  const char *r = key + i;
  size_t m = n - i;
  if (in_list(subjects, sizeof subjects / sizeof subjects[0], key, i))
    return in_list(verbs, sizeof verbs / sizeof verbs[0], r, m);
  if (i < 2 || !in_list(heads, sizeof heads / sizeof heads[0], r, m) ||
      article(key, i) || (m == 1 && i < 4))
    return false;
  return (kempt__stopword_langs_lower(key, i) & en) != 0;
}

/* Whether the split of key[0..n) (its lower case) at i leaves a pair of
 * function words that English hardly writes: a modal verb before an
 * auxiliary ("can|is"), or a word of three letters or fewer before "a"
 * ("all|a"). A short name of the list in lower case is as often a word
 * of another language ("canis", "alla"): split it there only where the
 * spaced pair is seen. */
static bool odd_pair(const char *key, size_t n, size_t i) {
  static const char *const modals[] = {"can", "will", "may", "must",
                                       "shall"};
  if (n - i == 1)
    return key[i] == 'a' && i < 4;
  return in_list(modals, sizeof modals / sizeof modals[0], key, i) &&
         auxiliary(key + i, n - i);
}

/* Whether the split of key[0..n) (its lower case) at i leaves a verb and
 * a particle ("opt|in") where the document has written the verb whole
 * with another particle too ("optout"): a family of compounds, as technical
 * and commercial text makes ("optin" and "optout", "addin" and "addon"),
 * not a glued pair. */
static bool doc_compound(struct glue *g, const char *key, size_t n,
                         size_t i) {
  static const char *const words[] = {"in", "out", "up", "off", "on"};
  const size_t count = sizeof words / sizeof words[0];
  char w[MAX_TOKEN + 8];
  if (i < 3 || n - i > 3 || i + 3 > MAX_TOKEN ||
      !in_list(words, count, key + i, n - i))
    return false;
  memcpy(w, key, i);
  for (size_t k = 0; k < count; k++) {
    size_t m = strlen(words[k]);
    if (m == n - i && memcmp(words[k], key + i, m) == 0)
      continue; /* the token itself */
    memcpy(w + i, words[k], m);
    memset(w + i + m, 0, 8);
    /* asked in this window, or seen in an earlier one */
    uint64_t h = kempt__word_hash_padded(w, i + m);
    const struct entry *e = table_get(&g->query, h);
    if (!e)
      e = table_get(&g->doc, h);
    if (e && e->count)
      return true;
  }
  return false;
}

/* Where to split the token of the candidate shape sh (0: not at all). */
static size_t decide_shaped(struct glue *g, const struct token *t,
                            const struct shape *shape) {
  const struct shape sh = *shape;
  const char *p = t->raw + t->core;
  size_t n = t->clen;
  char key[MAX_TOKEN + 8]; /* lower case, zero padded: hashed part by part */
  lower_ascii(p, n, key);
  memset(key + n, 0, 8);
  const struct entry *whole;
  bool rare, short_name;
  if (!candidate_word(g, p, n, kempt__word_hash_padded(key, n), &whole,
                      &rare, &short_name)) {
    return 0;
  }
  /* a rare word of the list written with a case change inside ("beNorth"
   * for "benorth") is weighed as any candidate */
  if (sh.inner || sh.acro)
    rare = false;
  size_t lo, hi;
  split_range(&sh, n, &lo, &hi);
  size_t best = 0;
  int top = -1, second = -1;
  /* most tokens have no inner capital: split_score for that shape, with
   * the tests of the others folded away */
  static const struct shape no_capital = {0, 0, 0, false, false};
  bool plain = !sh.inner && !sh.second && !sh.acro && !sh.acro_name &&
               !sh.lead;
  int sc[MAX_TOKEN + 1]; /* the score of each position weighed */
  for (size_t i = lo; i <= hi; i++) {
    sc[i] = -1;
    if (!split_allowed(&sh, i) ||
        (rare && !pair_count(g, key, n, i) && !article_word(key, n, i) &&
         !function_pair(key, n, i)))
      continue; /* a rare word: only where the spaced pair is seen */
    if (((short_name && odd_pair(key, n, i)) || doc_compound(g, key, n, i)) &&
        !pair_count(g, key, n, i))
      continue; /* "canis", "alla"; "optin" beside "optout" */
    int s = plain ? split_score(g, p, key, n, i, &no_capital)
                  : split_score(g, p, key, n, i, &sh);
    sc[i] = s;
    if (s > top) {
      second = top;
      top = s;
      best = i;
    } else if (s > second) {
      second = s;
    }
  }
  if (top >= 0 && second >= top - 1)
    best = common_split(key, n, sc, lo, hi, top);
  if (top < 0 || !best)
    return 0;
  /* the article "A" starts sentences only: a token capitalised inside one
   * ("Aseem") is a name */
  if (best == 1 && p[0] == 'A' && whole && whole->capmid)
    return 0;
  /* seen whole elsewhere: a word after all, unless the spaced pair is
   * clearly more frequent, or as frequent and the evidence strong (the
   * same pair glued twice: "Instagramalso") */
  uint32_t others = whole && whole->count > 1 ? whole->count - 1 : 0;
  uint32_t pairs = others ? pair_count(g, key, n, best) : 0;
  if (others && pairs <= 2 * others && !(pairs >= others && top >= 14))
    return 0;
  return best;
}

/* Where to split the token (0: not at all). */
static size_t decide(struct glue *g, const struct token *t) {
  struct shape sh;
  if (!candidate_shape(t, &sh))
    return 0;
  return decide_shaped(g, t, &sh);
}

/* A candidate shape in 21 bits (its positions are at most MAX_TOKEN), kept
 * in the entry of a token seen (its capmid) between ask_token and
 * split_cand, so that the shape is read once. */
static uint32_t shape_pack(const struct shape *sh) {
  return (uint32_t)(sh->inner | sh->second << 6 | sh->acro << 12) |
         (uint32_t)sh->acro_name << 18 | (uint32_t)sh->lead << 19 | 1u << 20;
}

static struct shape shape_unpack(uint32_t v) {
  struct shape sh = {v & 63, v >> 6 & 63, v >> 12 & 63, (v >> 18) & 1,
                     (v >> 19) & 1};
  return sh;
}

/* ---- the held window: the vocabulary asked about, rewriting, emitting ---- */

static const char *held_text(const struct glue *g, const struct held *h) {
  return h->ext ? h->ext : g->text.data + h->start;
}

static struct token cand_token(const struct cand *c, const char *text) {
  struct token t = {text + c->start, c->rlen, c->core, c->clen};
  return t;
}

/* Ask about a word: its entry in query, with what earlier windows of the
 * document said about it. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline enum kempt_status ask(struct glue *g, uint64_t h,
                                    struct entry **out) {
  bool fresh; /* one probe: found, or added here */
  enum kempt_status s = table_put(&g->query, h, out, &fresh);
  if (s != KEMPT_OK || !fresh)
    return s;
  const struct entry *d = table_get(&g->doc, h);
  if (d) {
    (*out)->count = d->count;
    (*out)->capmid = d->capmid;
    (*out)->flags = d->flags;
  }
  g->filter[h >> FILTER_SHIFT] = 1;
  if (g->filter_set < FILTER_SET)
    g->filter_at[g->filter_set] = (uint16_t)(h >> FILTER_SHIFT);
  g->filter_set++;
  return KEMPT_OK;
}

/* The hash of the candidate token as written (case and marks around
 * it): equal tokens of a window get the same answers (decide reads the
 * token and the window's tables only), so each is weighed once. */
static uint64_t token_key(const struct token *t, bool padded) {
  /* padded: a held block's, which may be read 8 bytes past its end */
  uint64_t h = padded ? kempt__word_hash_prefix(t->raw, t->rlen)
                      : kempt__word_hash(t->raw, t->rlen);
  return kempt__word_hash_end(kempt__word_hash_step(h, t->core << 16 | t->clen));
}

/* Ask about the words and spaced pairs that the splits of a candidate
 * token would make, and the token itself. */
static enum kempt_status ask_token(struct glue *g, const struct token *t,
                                   uint64_t tkey) {
  struct shape sh;
  const char *p = t->raw + t->core;
  size_t n = t->clen;
  struct entry *e;
  enum kempt_status s = table_add(&g->seen, tkey, &e);
  if (s != KEMPT_OK || (e && (e->flags & (K_ASKED | K_SHAPELESS))))
    return s; /* the shape read once per token */
  if (!candidate_shape(t, &sh)) {
    if (e)
      e->flags |= K_SHAPELESS;
    return KEMPT_OK;
  }
  if (e) {
    e->flags |= K_ASKED;
    e->capmid = shape_pack(&sh);
  }
  char key[MAX_TOKEN + 8]; /* lower case, zero padded: hashed part by part */
  lower_ascii(p, n, key);
  memset(key + n, 0, 8);
  s = ask(g, kempt__word_hash_padded(key, n), &e);
  size_t lo, hi;
  split_range(&sh, n, &lo, &hi);
  for (size_t i = lo; i <= hi && s == KEMPT_OK; i++) {
    if (!split_allowed(&sh, i) || short_part(p, key, n, i, &sh))
      continue; /* never split there (split_score) */
    uint64_t l = kempt__word_hash_prefix(key, i);
    kempt__wordlist_prefetch(l); /* for part_ok, when it is weighed */
    s = ask(g, l, &e);
    if (camel_tail(&sh, i))
      continue;
    uint64_t r = kempt__word_hash_padded(key + i, n - i);
    kempt__wordlist_prefetch(r);
    if (s == KEMPT_OK && e)
      e->flags |= E_PAIRL;
    if (s == KEMPT_OK)
      s = ask(g, r, &e);
    if (s == KEMPT_OK)
      s = table_add(&g->pairs, pair_hash(l, r), &e);
  }
  return s;
}

/* Count the words asked about, and the pairs, in the held blocks. */
static inline unsigned filtered(const uint8_t *filter, uint64_t k) {
  return filter[k >> FILTER_SHIFT];
}

/* Count word i of the window, which the filter lets through; ends: every
 * word that a pair asked about ends with passes the filter (the query
 * table took every word asked), so that a next word it stops ends no such
 * pair, and the pair is not looked up. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline void
count_one(struct glue *g, size_t i, bool ends) {
  struct entry *e = table_get(&g->query, g->th[i]);
  if (!e)
    return;
  uint8_t f = g->tf[i];
  if (f & T_COUNT) {
    e->count++;
    e->capmid += (f & T_CAPMID) != 0;
  } else {
    e->flags |= E_HYPHEN;
  }
  if ((f & T_LINK) && (e->flags & E_PAIRL) && i + 1 < g->ntok &&
      (!ends || filtered(g->filter, g->th[i + 1]))) {
    struct entry *pe = table_get(&g->pairs, pair_hash(g->th[i], g->th[i + 1]));
    if (pe)
      pe->count++;
  }
}

static void count_asked(struct glue *g) {
  const uint64_t *th = g->th;
  const uint8_t *filter = g->filter;
  size_t i = 0, n = g->ntok;
  bool ends = g->query.used < g->query.max; /* no word was refused */
  for (; i + 4 <= n; i += 4) { /* most words are not asked about */
    unsigned f0 = filtered(filter, th[i]), f1 = filtered(filter, th[i + 1]),
             f2 = filtered(filter, th[i + 2]), f3 = filtered(filter, th[i + 3]);
    if (!(f0 | f1 | f2 | f3))
      continue;
    /* the filter's bytes are 0 or 1: a bit for each word let through */
    for (unsigned m = f0 | f1 << 1 | f2 << 2 | f3 << 3; m; m &= m - 1)
      count_one(g, i + low_bit(m), ends);
  }
  for (; i < n; i++)
    if (filtered(filter, th[i]))
      count_one(g, i, ends);
}

/* Remember the words of the window for the rest of the document. */
static enum kempt_status keep_words(struct glue *g) {
  for (size_t i = 0; i < g->ntok; i++) {
    struct entry *e;
    enum kempt_status s = table_add(&g->doc, g->th[i], &e);
    if (s != KEMPT_OK)
      return s;
    if (!e)
      continue;
    if (g->tf[i] & T_COUNT) {
      e->count++;
      e->capmid += (g->tf[i] & T_CAPMID) != 0;
    } else {
      e->flags |= E_HYPHEN;
    }
  }
  return KEMPT_OK;
}

static void doc_lang_add(struct glue *g);

/* to[l] += from[l] for every language. */
static inline void hits_add(uint32_t *to, const uint32_t *from) {
  int l = 0;
#ifdef GLUE_SSE2
  for (; l + 4 <= KEMPT_LANG_COUNT; l += 4) /* four languages at once */
    _mm_storeu_si128(
        (__m128i *)(void *)(to + l),
        _mm_add_epi32(
            _mm_loadu_si128((const __m128i *)(const void *)(to + l)),
            _mm_loadu_si128((const __m128i *)(const void *)(from + l))));
#endif
  for (; l < KEMPT_LANG_COUNT; l++)
    to[l] += from[l];
}

#define WEAK_HITS 5 /* a language's function words: fewer are weak evidence */

/* Whether English, the best language of counts c, is only weak evidence
 * against a document of another language: a few English function words
 * ("do", "so" of a German row of day tabs "Mo Di Mi Do Fr Sa So") in a
 * German page are no English text. */
static bool weak_english(struct glue *g, const struct kempt_lang_count *c) {
  if (c->hits[KEMPT_LANG_EN] >= WEAK_HITS)
    return false;
  doc_lang_add(g);
  enum kempt_lang doc = kempt__lang_best(&g->doc_lang);
  return doc != KEMPT_LANG_NONE && doc != KEMPT_LANG_EN;
}

static bool english(struct glue *g, size_t b) {
  const struct held *h = &g->blocks[b];
  if (h->flags & KEMPT_BLOCK_REMOVED)
    return false;
  if (h->lang.words >= 10 && 4 * h->cands > h->lang.words)
    return false; /* a quarter of its words unknown: not English prose */
  enum kempt_lang own = kempt__lang_best(&h->lang);
  /* a few function words of another language (names: "Alex de Minaur")
   * in an English document among English neighbours are no evidence */
  bool weak = own != KEMPT_LANG_NONE && own != KEMPT_LANG_EN &&
              h->lang.hits[own] < WEAK_HITS &&
              (doc_lang_add(g), kempt__lang_best(&g->doc_lang)) ==
                  KEMPT_LANG_EN;
  if (own != KEMPT_LANG_NONE && !weak)
    return own == KEMPT_LANG_EN && !weak_english(g, &h->lang);
  struct kempt_lang_count c = h->lang;
  for (size_t k = b ? b - 1 : b + 1; k <= b + 1 && k < g->nblocks; k += 2)
    hits_add(c.hits, g->blocks[k].lang.hits); /* the neighbours only */
  enum kempt_lang near = kempt__lang_best(&c);
  if (near != KEMPT_LANG_NONE)
    return near == KEMPT_LANG_EN && !weak_english(g, &c);
  doc_lang_add(g);
  return kempt__lang_best(&g->doc_lang) == KEMPT_LANG_EN;
}

/* Add the function words of the held blocks not yet in doc_lang (it is
 * needed only when a block's language is in doubt, or for a later
 * window). */
static void doc_lang_add(struct glue *g) {
  uint32_t *to = g->doc_lang.hits;
  size_t b = g->lang_done, nb = g->nblocks;
#ifdef GLUE_SSE2
  if (KEMPT_LANG_COUNT == 16 && b < nb) {
    /* the sums in registers meanwhile: languages 0-15 four at a time */
    __m128i s0 = _mm_loadu_si128((const __m128i *)(const void *)to),
            s1 = _mm_loadu_si128((const __m128i *)(const void *)(to + 4)),
            s2 = _mm_loadu_si128((const __m128i *)(const void *)(to + 8)),
            s3 = _mm_loadu_si128((const __m128i *)(const void *)(to + 12));
    for (; b < nb; b++) {
      const __m128i *from = (const __m128i *)(const void *)g->blocks[b]
                                .lang.hits;
      s0 = _mm_add_epi32(s0, _mm_loadu_si128(from));
      s1 = _mm_add_epi32(s1, _mm_loadu_si128(from + 1));
      s2 = _mm_add_epi32(s2, _mm_loadu_si128(from + 2));
      s3 = _mm_add_epi32(s3, _mm_loadu_si128(from + 3));
    }
    _mm_storeu_si128((__m128i *)(void *)to, s0);
    _mm_storeu_si128((__m128i *)(void *)(to + 4), s1);
    _mm_storeu_si128((__m128i *)(void *)(to + 8), s2);
    _mm_storeu_si128((__m128i *)(void *)(to + 12), s3);
  }
#endif
  for (; b < nb; b++)
    hits_add(to, g->blocks[b].lang.hits);
  g->lang_done = nb;
}

/* Ask about the candidates of the weighed blocks and count the answers. */
static enum kempt_status weigh_window(struct glue *g) {
  enum kempt_status s = KEMPT_OK;
  bool any = false;
  for (size_t i = 0; i < g->nblocks && !any; i++)
    any = g->blocks[i].cands != 0;
  if (!any)
    return KEMPT_OK;
  any = false;
  for (size_t i = 0; i < g->nblocks; i++) {
    g->blocks[i].weigh = g->blocks[i].cands && english(g, i);
    any |= g->blocks[i].weigh;
  }
  if (!any)
    return KEMPT_OK;
  if (!g->filter) {
    g->filter = kempt__calloc(g->env->alloc, FILTER_SIZE);
    if (!g->filter)
      return KEMPT_ERR_NOMEM;
  }
  for (size_t i = 0; i < g->ncands && s == KEMPT_OK; i++) {
    const struct held *h = &g->blocks[g->cands[i].block];
    if (h->weigh) {
      struct token t = cand_token(&g->cands[i], held_text(g, h));
      g->cands[i].key = token_key(&t, !h->ext); /* for split_cand too */
      s = ask_token(g, &t, g->cands[i].key);
    }
  }
  if (s == KEMPT_OK)
    count_asked(g);
  return s;
}
/* Split the candidate if the evidence says so: copy the block up to the
 * split point and a space to out. */
static enum kempt_status split_cand(struct glue *g, const struct held *h,
                                    const char *text, const struct cand *c,
                                    size_t *done) {
  struct token t = cand_token(c, text);
  struct entry *e = table_get(&g->seen, c->key); /* weigh_window's */
  size_t at;
  if (e && (e->flags & K_DECIDED)) {
    at = e->count;
  } else if (e && (e->flags & K_SHAPELESS)) {
    at = 0; /* what decide says */
  } else {
    if (e && (e->flags & K_ASKED) && (e->capmid >> 20)) { /* its shape */
      struct shape sh = shape_unpack(e->capmid);
      at = decide_shaped(g, &t, &sh);
    } else {
      at = decide(g, &t);
    }
    if (e) {
      e->count = (uint32_t)at;
      e->flags |= K_DECIDED;
    }
  }
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

static void clear_filter(struct glue *g) {
  if (g->filter_set > FILTER_SET)
    memset(g->filter, 0, FILTER_SIZE);
  else
    for (size_t i = 0; i < g->filter_set; i++)
      g->filter[g->filter_at[i]] = 0;
  g->filter_set = 0;
}

/* Decide and emit every held block, then empty the window; more: the
 * document goes on (its words are kept for the next window). */
static enum kempt_status flush(struct glue *g, bool more) {
  enum kempt_status s = weigh_window(g);
  size_t c = 0;
  for (size_t i = 0; i < g->nblocks && s == KEMPT_OK; i++) {
    size_t first = c;
    while (c < g->ncands && g->cands[c].block == i)
      c++;
    s = emit_one(g, &g->blocks[i], g->cands ? g->cands + first : NULL,
                 c - first);
  }
  if (s == KEMPT_OK && more)
    s = keep_words(g);
  if (more)
    doc_lang_add(g);
  g->nblocks = g->ncands = g->ntok = g->lang_done = 0;
  kempt__buf_clear(&g->text);
  table_clear(&g->query);
  table_clear(&g->pairs);
  table_clear(&g->seen);
  clear_filter(g);
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

/* Move the entries of the small caches w, t, u into the full ones that g
 * has now, each to the slot its key gives there: no two meet, as the bits
 * of a full one's slots include those of the small one's. */
static void caches_move(struct glue *g, const struct word_info *w,
                        const struct tok_info *t, const struct utok_info *u) {
  for (size_t i = 0; i < (size_t)1 << (WORD_CACHE_BITS - CACHE_SMALL_SHIFT);
       i++)
    if (w[i].valid)
      g->words[w[i].h & g->word_mask] = w[i];
  for (size_t i = 0; i < (size_t)1 << (TOK_CACHE_BITS - CACHE_SMALL_SHIFT);
       i++)
    if (t[i].raw[0])
      *tok_slot(g, t[i].raw[0] & ~TOK_UNPLAIN, t[i].raw[1]) = t[i];
  for (size_t i = 0; i < (size_t)1 << (UTOK_CACHE_BITS - CACHE_SMALL_SHIFT);
       i++) {
    if (!u[i].len)
      continue;
    uint64_t x = u[i].len & ~UTOK_TWO; /* (the hash of utok_slot) */
    for (size_t q = 0; q < UTOK_MAX / 8; q++)
      x = (x ^ u[i].raw[q]) * 0xBF58476D1CE4E5B9u;
    g->utoks[x >> g->utok_shift] = u[i];
  }
}

/* Give the caches of words and tokens their small size (at start), or
 * their full one with the entries of the small ones; on failure they stay
 * as they were. */
static enum kempt_status caches_alloc(struct glue *g, bool full) {
  const struct kempt_allocator *a = g->env->alloc;
  unsigned less = full ? 0 : CACHE_SMALL_SHIFT;
  size_t nt = sizeof(struct tok_info) << (TOK_CACHE_BITS - less),
         nw = sizeof(struct word_info) << (WORD_CACHE_BITS - less),
         nu = sizeof(struct utok_info) << (UTOK_CACHE_BITS - less);
  char *m = kempt__calloc(a, nt + nw + nu);
  if (!m)
    return KEMPT_ERR_NOMEM;
  struct tok_info *t = (struct tok_info *)(void *)m;
  struct word_info *w = (struct word_info *)(void *)(m + nt);
  struct utok_info *u = (struct utok_info *)(void *)(m + nt + nw);
  struct word_info *ow = g->words;
  struct tok_info *ot = g->toks;
  struct utok_info *ou = g->utoks;
  g->words = w;
  g->toks = t;
  g->utoks = u;
  g->word_mask = ((size_t)1 << (WORD_CACHE_BITS - less)) - 1;
  g->tok_shift = 64 - (TOK_CACHE_BITS - less);
  g->utok_shift = 64 - (UTOK_CACHE_BITS - less);
  g->fills = 0;
  g->caches_full = full;
  if (full && ot)
    caches_move(g, ow, ot, ou);
  kempt__free(a, ot);
  return KEMPT_OK;
}

/* Hold block b (its text copied, or pointed to when it is too big to
 * hold: then it is weighed alone at once). */
static enum kempt_status hold(struct glue *g, const struct kempt_block *b,
                              bool big) {
  enum kempt_status s = room(g->env->alloc, (void **)&g->blocks, g->nblocks,
                             &g->capblocks, sizeof *g->blocks, GLUE_BLOCKS_CAP);
  if (s != KEMPT_OK)
    return s;
  struct held *h = &g->blocks[g->nblocks]; /* filled in place */
  h->start = g->text.len;
  h->len = b->len;
  h->ext = big ? b->text : NULL;
  h->flags = b->flags;
  h->nlines = b->nlines;
  h->offset = b->offset;
  h->index = b->index;
  h->rule = b->rule;
  memset(&h->lang, 0, sizeof h->lang);
  h->cands = 0;
  h->weigh = false;
  if (!big) {
    /* the text, then zero bytes: fast_token reads 8 bytes at a time,
     * plain_run 16 (the slack is read now, then written over) */
    size_t need = b->len + TEXT_PAD + TEXT_SLACK;
    if (need >= g->text.size - g->text.len &&
        (s = kempt__buf_reserve(&g->text, need)) != KEMPT_OK)
      return s;
    char *d = g->text.data + g->text.len;
    if (b->len)
      memcpy(d, b->text, b->len);
    memset(d + b->len, 0, TEXT_PAD + TEXT_SLACK);
    /* a space first: plain_run's run reads the block's last word as any
     * other (a word before a space); whatever reads the block stops at
     * its end n or at the zero bytes after it */
    d[b->len] = ' ';
    g->text.len += b->len + TEXT_PAD;
  }
  g->nblocks++;
  if (b->flags & KEMPT_BLOCK_REMOVED)
    return KEMPT_OK;
  return count_block(g, g->nblocks - 1, held_text(g, h));
}

static enum kempt_status glue_block(void *st, const struct kempt_block *b) {
  struct glue *g = st;
  enum kempt_status s = KEMPT_OK;
  bool big = b->len + TEXT_PAD > GLUE_TEXT_CAP;
  /* (between blocks: no slot of the caches is held) */
  if (RARELY(!g->caches_full && g->fills >= CACHE_GROW_FILLS) &&
      (s = caches_alloc(g, true)) != KEMPT_OK)
    return s;
  if (big || g->text.len + b->len + TEXT_PAD > GLUE_TEXT_CAP ||
      g->nblocks == GLUE_BLOCKS_CAP) {
    warn_window(g);
    s = flush(g, true);
  }
  if (s == KEMPT_OK)
    s = hold(g, b, big);
  if (s == KEMPT_OK && big)
    s = flush(g, true);
  return s;
}

static void clear_document(struct glue *g) {
  g->nblocks = g->ncands = 0;
  kempt__buf_clear(&g->text);
  g->ntok = 0;
  table_clear(&g->doc);
  table_clear(&g->query);
  table_clear(&g->pairs);
  table_clear(&g->seen);
  clear_filter(g);
  memset(&g->doc_lang, 0, sizeof g->doc_lang);
  g->lang_done = 0;
  g->warned = false;
}

static enum kempt_status glue_finish(void *st) {
  struct glue *g = st;
  enum kempt_status s = flush(g, false);
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
                   ? kempt__utf8_lower(p + a, e - a, key, sizeof key)
                   : 0;
    struct entry *w = NULL;
    enum kempt_status s =
        k ? table_add(&g->user, kempt__word_hash(key, k), &w) : KEMPT_OK;
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
  kempt__buf_init(&g->text, a, GLUE_TEXT_CAP + TEXT_SLACK);
  kempt__buf_init(&g->out, a, 2 * GLUE_TEXT_CAP);
  table_init(&g->doc, a, VOCAB_WORDS_CAP);
  table_init(&g->user, a, USER_WORDS_CAP);
  table_init(&g->query, a, QUERY_CAP);
  table_init(&g->pairs, a, QUERY_CAP);
  table_init(&g->seen, a, CANDS_CAP);
  enum kempt_status cs = caches_alloc(g, false);
  if (cs != KEMPT_OK)
    return cs;
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
  kempt__free(g->env->alloc, g->th);
  kempt__free(g->env->alloc, g->tf);
  kempt__free(g->env->alloc, g->filter);
  kempt__free(g->env->alloc, g->toks); /* (and words, utoks) */
  table_free(&g->doc);
  table_free(&g->user);
  table_free(&g->query);
  table_free(&g->pairs);
  table_free(&g->seen);
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
