/* chrome_int.h - what the parts of the chrome stage share: the line
 * tokenizer and the phrase-rule table (chrome_phrase.c), used by the
 * classifier (chrome_class.c) and the stage (chrome.c).
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#ifndef KEMPT_CHROME_INT_H
#define KEMPT_CHROME_INT_H

#include "internal.h"
#include "lang.h"

/* Index of the lowest set bit of x (x != 0). */
static inline unsigned kempt__chrome_ctz(uint64_t x) {
#if defined(__GNUC__) || defined(__clang__)
  return (unsigned)__builtin_ctzll(x);
#else
  unsigned n = 0;
  while (!(x & 1u)) {
    x >>= 1;
    n++;
  }
  return n;
#endif
}

/* Kinds of phrase rule (src/data/chrome/README). */
enum chrome_kind {
  CK_NONE = 0,
  CK_LINE,   /* the whole line is the phrase */
  CK_PREFIX, /* the line starts with it */
  CK_PREFIXSEP, /* ... followed by a separator (: | > ...) */
  CK_HAS,    /* anywhere in a short line */
  CK_LIST,   /* the whole line; it opens a list of headlines */
  CK_CUT,    /* the whole line; comments or footer follow */
  CK_BYLINE, /* a word that opens a byline */
  CK_DATE,   /* a month or day name */
  CK_SAYS,   /* the verb of a comment header: "NAME says:" */
  CK_SOFT,   /* a word that makes a long line less likely article text */
  CK_BIO,    /* a job of an author's bio: "NAME is a staff writer ..." */
  CK_COPULA, /* the verb of such a bio: "is" */
  CK_ABOUT,  /* "About" before a name: the author's or maker's box */
  CK_CAPTION, /* words that open a photo's caption: "In this photo" */
  CK_REPLY,  /* a button or counter of a reader's comment: "Reply" */
  CK_BUTTON, /* another button that may stand beside it: "Like" */
  CK_UNTIL,  /* a term's end before its date: "valid until", "gültig bis" */
  CK_COUNT
};

/* A compiled-in rule (chrome_rules.h, made by tools/gen_chrome_rules.py):
 * the hashes of its words are chrome_rules_toks[tok .. tok + ntok), or
 * ntok is 0: its pattern is tokenized when the table is built. */
struct chrome_rule_src {
  int kind; /* enum chrome_kind */
  int lang; /* enum kempt_lang */
  const char *pattern;
  uint32_t name; /* as chrome_rule's */
  uint8_t ntok;
  uint16_t tok;
};

/* chrome_stop_filter (chrome_rules.h): bit (h >> 40) % this of the hash
 * h of each function word of src/data/stopwords.txt. */
#define CHROME_STOP_FILTER_BITS 8192

/* One rule in the table; the key is the hash of its word sequence. */
struct chrome_rule {
  uint64_t key;
  uint32_t name; /* its name's offset among the static names of the rules
                    (kempt__chrome_rule_name): no pointer, no relocation */
  uint8_t kind, lang, ntok, used;
};
/* The static name of a rule (for --explain): the same pointer for the same
 * name offset. */
const char *kempt__chrome_rule_name(uint32_t name);

#define CHROME_FIRST_BITS 8192 /* filter on the first word of a rule */
#define CHROME_KEY_BITS 65536  /* filter on the key and kind of a rule */
#define CHROME_PREFIX_BITS 16384 /* filter on the first words of a rule */
#define CHROME_HS_BITS 65536 /* filter on the first words of has and soft
                                rules (with first's bits: few words pass) */
/* The bit of chrome_rules.first for the second words of has and soft
 * rules of two words or more. */
#define CHROME_SECOND_HS 31
_Static_assert(CK_COUNT <= CHROME_SECOND_HS,
               "a bit per kind in chrome_rules.first, and one more");
struct chrome_rules {
  /* first[b]: bit k for the kinds k of which a rule's first word has its
   * hash's bit b (all kinds in one load: a line's first word is looked
   * up for several); bit CHROME_SECOND_HS where the second word of a has
   * or soft rule has it */
  uint32_t first[CHROME_FIRST_BITS];
  uint64_t keys[CHROME_KEY_BITS / 64];
  /* filter on the first k words (k >= 1) of has and soft rules of more
   * than k words: where a line's words leave it, no longer phrase of
   * theirs can match there */
  uint64_t prefix_hs[CHROME_PREFIX_BITS / 64];
  /* filter on the first words of has and soft rules, by other bits of
   * their hashes than first's (kempt__chrome_may_start_hs asks both) */
  uint64_t first_hs[CHROME_HS_BITS / 64];
  uint8_t maxtok[CK_COUNT]; /* words of the longest rule of each kind */
  const struct chrome_rule *slots;
  size_t mask; /* slots - 1 (a power of two minus one) */
  size_t count;
  struct chrome_rule *own; /* slots, when r owns them (else NULL: the
                              compiled-in table, read-only) */
  const struct kempt_allocator *alloc;
  struct chrome_cpinfo *cp; /* borrowed code point cache, or NULL */
};

/* A word of a line: letters, marks and digits; all-digit words are one
 * number token. h is the hash of its lower-case form. */
#define CHROME_MAXTOK 64
struct chrome_tok {
  uint64_t h;
  uint32_t start, end; /* byte offsets in the line */
  bool alpha;          /* has a letter */
  bool upper;          /* starts with an upper-case letter */
};

/* What the tokenizer knows of a code point >= 0x80: a direct-mapped
 * cache of utf8proc's answers (a page uses few distinct ones). */
#define CHROME_CP_SLOTS 1024
struct chrome_cpinfo {
  int32_t cp;          /* 0: empty */
  uint8_t kind;        /* 0 other, 1 letter or mark, 2 digit, 3 (c) */
  uint8_t upper;       /* upper or title case */
  uint8_t nlow;        /* bytes of the lower-case form */
  uint32_t low;        /* the lower-case form in UTF-8, first byte low */
};

struct chrome_swcache;

/* What a line's words add up to, counted as the tokenizer reads them:
 * words, function words (per language in hits, through the function-word
 * cache sw) and capitals. */
struct chrome_count {
  struct chrome_swcache *sw;
  const struct chrome_rules *rules; /* for hs */
  uint64_t hs; /* bit i: token i of the last call may start a has or soft
                  phrase (kempt__chrome_may_start_hs) */
  uint32_t words, upper, stop, hits[KEMPT_LANG_COUNT];
  uint32_t langs; /* bit l - 1: hits[l] > 0 */
  bool cap1;      /* its first word is capitalised (not set by the
                     tokenizer: see chrome_class.c) */
};

/* The tokenizer's state across calls on one line, and the character
 * features it gathers on the way (one pass over the bytes). */
struct chrome_lex {
  struct chrome_cpinfo *cache; /* CHROME_CP_SLOTS entries, or NULL */
  uint32_t conts;  /* UTF-8 continuation bytes (chars = bytes - conts) */
  uint32_t seps;   /* separators (| / > and others) between spaces */
  bool bracket;    /* a '[' */
  bool dots3;      /* three dots in a row (a dot: '.' or 0x0E) */
  bool ext_dot;    /* a '.' before j, p, g or w in either case */
  struct chrome_count *count; /* or NULL: where each word (token with a
                                 letter) is counted as it is read */
};

/* Bytes from p[n] on that the tokenizer may read: p[n] is '\n' and the
 * 15 bytes after it can be read (it loads 16 bytes at a word's start). */
#define CHROME_LEX_PAD 16

/* Tokenize p[0..n) from *pos: fills at most max tokens and returns how
 * many; *pos is left after the last one (the whole line is read when
 * fewer than max come back). p[n] must be readable and be '\n' (held
 * lines end so), which ends the line without a bound check per byte, and
 * CHROME_LEX_PAD - 1 bytes after it must be readable too. */
size_t kempt__chrome_lex(const char *p, size_t n, size_t *pos,
                         struct chrome_tok *t, size_t max,
                         struct chrome_lex *lx);

/* kempt__chrome_lex for an lx whose count is not NULL and uses the
 * function-word cache sw, with no test of it nor of the CPU on each call:
 * the way for this CPU and for sw as it is now, small or grown (a handle
 * keeps it, and takes the other when sw has grown: either reads sw
 * right). */
typedef size_t (*chrome_lex_fn)(const char *p, size_t n, size_t *pos,
                                struct chrome_tok *t, size_t max,
                                struct chrome_lex *lx);
chrome_lex_fn kempt__chrome_lex_counted(const struct chrome_swcache *sw);
/* The same for a line of n <= max bytes (a token has a byte at least, so
 * that there is room for all): no test of the room on its way. */
chrome_lex_fn kempt__chrome_lex_short(const struct chrome_swcache *sw);

/* kempt__chrome_lex of the rest of the line from *pos, for its counts
 * only (lx->count, not NULL; its hs is left as it was): returns how many
 * tokens there were, none of them kept. */
size_t kempt__chrome_lex_count(const char *p, size_t n, size_t *pos,
                               struct chrome_lex *lx);

/* The rest of the line from pos (after a token, or at one) without
 * reading its words one by one: the tokens there (returned), of which
 * *words have a letter and *upper of those are capitalised, and the
 * character features in *lx (as kempt__chrome_lex_count finds them, for
 * valid UTF-8); lx->count is left as it was (its function words are not
 * looked up). */
size_t kempt__chrome_lex_tail(const char *p, size_t n, size_t pos,
                              struct chrome_lex *lx, uint32_t *words,
                              uint32_t *upper);

/* Tokenize p[0..n): fills at most max tokens, returns how many; *total is
 * the number of tokens in the whole line, or max + 1 when there are more
 * than max (the rest is not read). cache as in struct chrome_lex. */
size_t kempt__chrome_tokens(const char *p, size_t n, struct chrome_tok *t,
                            size_t max, size_t *total,
                            struct chrome_cpinfo *cache);

/* kempt__stopword_langs of a word the tokenizer read (ASCII letters and
 * digits, other letters, marks and digits; 8 bytes from s readable),
 * lower-cased through the code point cache (CHROME_CP_SLOTS entries, or
 * NULL) instead of utf8proc each time. */
uint32_t kempt__chrome_stop_langs(const char *s, size_t n,
                                  struct chrome_cpinfo *cache);

/* Hash of a sequence of token hashes: CHROME_SEQ_INIT, then a step per
 * token. */
#define CHROME_SEQ_INIT 0x9e3779b97f4a7c15ull
static inline uint64_t kempt__chrome_seq_step(uint64_t h, uint64_t tok) {
  h = (h << 7 | h >> 57) ^ tok;
  return h * 0x100000001b3ull;
}
static inline uint64_t kempt__chrome_seq(const struct chrome_tok *t,
                                         size_t n) {
  uint64_t h = CHROME_SEQ_INIT;
  for (size_t i = 0; i < n; i++)
    h = kempt__chrome_seq_step(h, t[i].h);
  return h;
}

/* The key of a rule of kind k and word sequence hash h in the table. */
static inline uint64_t kempt__chrome_kind_key(uint64_t h, int k) {
  return h ^ ((uint64_t)k * 0xff51afd7ed558ccdull);
}

/* Build the table of the rules src[0..n) (the word hashes of src[i] are
 * toks[src[i].tok ...]), as the compiled-in one was built
 * (chrome_rules_src, chrome_rules_toks: chrome_rules.h with
 * CHROME_RULES_SOURCE); cache (CHROME_CP_SLOTS entries, or NULL) is
 * borrowed for the tokenizer while r lives. */
enum kempt_status kempt__chrome_rules_init(struct chrome_rules *r,
                                          const struct kempt_allocator *a,
                                          struct chrome_cpinfo *cache,
                                          const struct chrome_rule_src *src,
                                          size_t n, const uint64_t *toks);
/* The compiled-in rules, as kempt__chrome_rules_init() would build them
 * (tools/gen_chrome_rules.py built them), shared by every handle and
 * thread (read-only); never NULL. */
const struct chrome_rules *kempt__chrome_rules_builtin(void);
/* A copy of from in r that rules can be added to (free it with
 * kempt__chrome_rules_free); cache as in kempt__chrome_rules_init. */
enum kempt_status kempt__chrome_rules_copy(struct chrome_rules *r,
                                          const struct chrome_rules *from,
                                          const struct kempt_allocator *a,
                                          struct chrome_cpinfo *cache);
/* Add rules from "KIND PATTERN" lines of text (a --rules file): they
 * apply in every language. */
enum kempt_status kempt__chrome_rules_parse(struct chrome_rules *r,
                                           const char *text, size_t n);
/* The rule of kind k, hash key and a language in langs (bit l for
 * language l, bit 0 for rules of every language), or NULL. */
const struct chrome_rule *kempt__chrome_rules_find(
    const struct chrome_rules *r, uint64_t key, int k, uint32_t langs);
/* The languages (bit l for language l) of the rules of kind k and hash
 * key: 0 when there is none. */
uint32_t kempt__chrome_rules_langs(const struct chrome_rules *r,
                                   uint64_t key, int k);
void kempt__chrome_rules_free(struct chrome_rules *r);

/* False when no rule of kind k starts with a word of hash h (a quick
 * filter before the look-ups). */
static inline bool kempt__chrome_may_start(const struct chrome_rules *r,
                                           int k, uint64_t h) {
  return (r->first[(h >> 51) & (CHROME_FIRST_BITS - 1)] >> k) & 1u;
}

/* kempt__chrome_may_start of each kind k at once: bit k. */
static inline unsigned kempt__chrome_may_start_kinds(
    const struct chrome_rules *r, uint64_t h) {
  return r->first[(h >> 51) & (CHROME_FIRST_BITS - 1)];
}

/* False when neither a has nor a soft phrase starts with a word of hash
 * h. */
static inline bool kempt__chrome_may_start_hs(const struct chrome_rules *r,
                                              uint64_t h) {
  unsigned bit = (unsigned)(h >> 24) & (CHROME_HS_BITS - 1);
  return (r->first[(h >> 51) & (CHROME_FIRST_BITS - 1)] &
          (1u << CK_HAS | 1u << CK_SOFT)) != 0 &&
         ((r->first_hs[bit / 64] >> (bit % 64)) & 1u);
}

/* False when no line, list nor cut rule starts with a word of hash h. */
static inline bool kempt__chrome_may_start_whole(const struct chrome_rules *r,
                                                 uint64_t h) {
  return (r->first[(h >> 51) & (CHROME_FIRST_BITS - 1)] &
          (1u << CK_LINE | 1u << CK_LIST | 1u << CK_CUT)) != 0;
}

/* False when no has or soft rule of two words or more has a word of hash
 * h second. */
static inline bool kempt__chrome_may_second_hs(const struct chrome_rules *r,
                                               uint64_t h) {
  return (r->first[(h >> 51) & (CHROME_FIRST_BITS - 1)] >> CHROME_SECOND_HS) &
         1u;
}

/* False when no has or soft rule is longer than the word sequence of
 * hash h and starts with it. */
static inline bool kempt__chrome_may_extend(const struct chrome_rules *r,
                                            uint64_t h) {
  unsigned bit = (unsigned)(h >> 45) & (CHROME_PREFIX_BITS - 1);
  return (r->prefix_hs[bit / 64] >> (bit % 64)) & 1u;
}

/* False when no rule has kind k and word sequence hash h (a quick filter
 * before kempt__chrome_rules_find and _langs). */
static inline bool kempt__chrome_may_key(const struct chrome_rules *r,
                                         uint64_t h, int k) {
  unsigned bit =
      (unsigned)(kempt__chrome_kind_key(h, k) >> 40) & (CHROME_KEY_BITS - 1);
  return (r->keys[bit / 64] >> (bit % 64)) & 1u;
}

/* chrome_edge.c: whether a sentence ends between the words a and b of
 * the line p (a '.', '!', '?', ':' or an ellipsis, then a space, and b
 * capitalised): a phrase of several words does not span it;
 * kempt__chrome_sent_gap_at reads the bytes p[from..to) between them. */
bool kempt__chrome_sent_gap_at(const char *p, uint32_t from, uint32_t to);
static inline bool kempt__chrome_sent_gap(const char *p,
                                          const struct chrome_tok *a,
                                          const struct chrome_tok *b) {
  /* (one byte between them: a space, no end) */
  return b->upper && b->start - a->end >= 2 &&
         kempt__chrome_sent_gap_at(p, a->end, b->start);
}

/* Terminal punctuation of a line. */
enum chrome_term {
  TERM_NONE,
  TERM_SENT,    /* . ! ? and their CJK forms */
  TERM_COLON,   /* : ; */
  TERM_COMMA,
  TERM_ELLIPSIS /* ... or U+2026: a cut teaser */
};

/* Classes of a line, from its features. */
enum chrome_class { CL_SHORT, CL_GOOD, CL_NEAR, CL_BAD, CL_HARD };

/* One line of the held document, with its features and verdict. */
struct chrome_unit {
  uint32_t off, len;  /* the line in the text buffer */
  uint32_t blk;       /* its block */
  uint32_t chars;     /* code points */
  uint32_t tlen;      /* bytes without closing quotes, brackets, spaces */
  uint16_t words, stop, upper, ntok; /* ntok: all tokens incl. numbers */
  uint16_t seps;
  uint8_t term, bullet, widget, url, cls; /* url: only where link_like looks */
  uint8_t hit;        /* kind of the phrase rule that matched */
  bool title, cap1, soft_has, dup;
  bool dots3, ext_dot; /* as in struct chrome_lex (caption checks) */
  bool retok;         /* phrase rules need its words (a short line) */
  bool btn;           /* set by classify: a line of a comment's buttons
                         (kempt__chrome_buttons) */
  uint32_t soft_langs; /* else: languages of its has and soft phrases */
  uint64_t hs;        /* retok: its first words that may start a has or
                         soft phrase (chrome_count.hs) */
  uint32_t tok;       /* retok: its words in chrome_doc.toks from here, or
                         CHROME_NO_TOK: tokenize it again */
  bool listed;        /* a line of a list that text introduced */
  bool long_tok;      /* not retok, and its first words are kept at tok
                         all the same (for line_words, chrome_class.c) */
  bool hours;         /* a row of opening hours: no date line, though it
                         reads as one ("Samstag 9-14 Uhr") */
  uint64_t key;       /* hash of its words (repeated lines) */
  int32_t score;
  const char *rule;   /* static: why it goes; NULL = kept */
  uint8_t about_at;   /* hit CK_ABOUT: byte offset of the name in it */
  uint8_t wiki;       /* a wiki's heading: bytes of its buttons at the end
                         ("[edit]"), cut off when it stays */
  uint32_t seen_at;   /* key: its slot in chrome_doc.seen (classify) */
};

/* A held block: its lines are units first .. first + n - 1. */
struct chrome_blk {
  uint64_t offset;
  uint32_t flags;
  uint32_t first, n;
  const char *rule; /* set when it came in removed */
};

/* A small cache of function-word look-ups (most words of a page are the
 * same few): direct-mapped, keyed by the word's bytes. Zeroed, it uses
 * its first CHROME_SW_SMALL slots only, until it has been filled
 * CHROME_SW_GROW times; then all (grown): the slots are found by hash,
 * and a page's text touched (faulted in) nearly every page of them for a
 * few hundred words. The tokenizer reads it with the mask of either size
 * as a constant (two copies of its loop), chosen per call. */
#define CHROME_SW_SLOTS 32768 /* 1 << CHROME_SW_BITS */
#define CHROME_SW_BITS 15
#define CHROME_SW_SMALL 2048 /* 1 << CHROME_SW_SMALL_BITS */
#define CHROME_SW_SMALL_BITS 11
#define CHROME_SW_GROW 1024
struct chrome_swcache {
  bool grown;     /* all slots in use (else the first CHROME_SW_SMALL) */
  uint32_t fills; /* while not grown */
  /* a slot (the top bits of the word's hash: kempt__chrome_sw_index) has
   * the word's hash (chrome_tok.h; 0: empty) in key, and in bits its
   * stop-word languages (kempt__stopword_langs, 15 bits: SW_LANGS) |
   * whether a has or soft phrase of the handle's rules may start with it
   * (bit SW_HS_SHIFT) */
  uint64_t key[CHROME_SW_SLOTS];
  uint16_t bits[CHROME_SW_SLOTS];
};
#define SW_LANGS 0x7FFFu
#define SW_HS_SHIFT 15
_Static_assert(KEMPT_LANG_COUNT - 1 <= 15, "stop-word languages in 15 bits");

/* The languages whose phrase rules a page of language l takes (bit l for
 * KEMPT_LANG_l, bit 0 for the rules of every language): all when l is
 * unknown, else l's, English's (menus, buttons) and every language's. A
 * Ukrainian page takes Russian's too: the phrases the two share are in
 * ru.rules (uk.rules has the Ukrainian ones only). */
static inline uint32_t kempt__chrome_rule_langs(enum kempt_lang l) {
  if (l == KEMPT_LANG_NONE)
    return ~0u;
  uint32_t m = 1u | 1u << KEMPT_LANG_EN | 1u << l;
  return l == KEMPT_LANG_UK ? m | 1u << KEMPT_LANG_RU : m;
}

/* The slot of the word of hash h in the function-word cache: the top
 * bits of h, as many as the slots in use have (64 - shift). */
static inline size_t kempt__chrome_sw_index(uint64_t h, unsigned shift) {
  return (size_t)(h >> shift);
}

/* Words kept for the phrase rules (of short lines), at most so many in a
 * window; lines past that are tokenized again. */
#define CHROME_TOK_CAP (1u << 18)
#define CHROME_NO_TOK UINT32_MAX

/* What kempt__chrome_classify's phrase rules made of the first line of a
 * key in the window (a slot of chrome_doc.seen), for its copies. */
struct chrome_memo {
  const char *rule;
  uint32_t unit; /* 1 + that line's index; 0: none yet */
  uint8_t hit, about_at;
  bool soft_has;
};

/* What kempt__chrome_scan_line made of a line of the window, for a
 * later line of the same bytes (they get the same features and words):
 * a direct-mapped table by the top bits of a hash of the bytes. It
 * starts with CHROME_SCAN_SMALL slots and takes CHROME_SCAN_SLOTS, with
 * its entries, at the first block of a window of CHROME_SCAN_GROW lines
 * or more, or after CHROME_SCAN_STREAM lines in windows before (a long
 * stream) (chrome.c): a small page needs no more, and the first touch of
 * each page of the full table (196 KB) is a page fault. A line the small
 * table lost is read again (with the same result). */
#define CHROME_SCAN_SLOTS 4096
#define CHROME_SCAN_SMALL 1024
#define CHROME_SCAN_GROW 1024
#define CHROME_SCAN_STREAM 4096
#define CHROME_SCAN_SHIFT 52       /* 64 - log2(CHROME_SCAN_SLOTS) */
#define CHROME_SCAN_SMALL_SHIFT 54 /* 64 - log2(CHROME_SCAN_SMALL) */
struct chrome_scan_memo {
  uint64_t h;    /* the hash of its bytes */
  uint64_t gen;  /* chrome_doc.gen of its window; 0: empty */
  uint32_t unit; /* its index */
  uint32_t words, stop; /* its counts for the window's language */
  uint16_t langs;       /* bit l - 1: hits[l] > 0 */
  uint8_t hits[KEMPT_LANG_COUNT]; /* (a line with more is not noted) */
};

/* What the has and soft rules make of a word as the first of a phrase
 * (the rules' alone: a direct-mapped cache by the word's hash, for the
 * handle). */
#define CHROME_HSW_SLOTS 1024
struct chrome_hs_word {
  uint64_t h;          /* the word's hash */
  uint16_t has, soft;  /* languages of its one-word has and soft rules */
  uint8_t flags;       /* HSW_* (0: empty) */
};
_Static_assert(KEMPT_LANG_COUNT <= 16, "rule languages in 16 bits");
#define HSW_SET 1u    /* the entry holds a word */
#define HSW_HAS 2u    /* a has rule starts with it */
#define HSW_SOFT 4u   /* a soft rule starts with it */
#define HSW_EXTEND 8u /* a longer has or soft rule starts with it */

/* The held document (or window of it). */
struct chrome_doc {
  struct chrome_swcache *sw;
  struct chrome_cpinfo *cp; /* CHROME_CP_SLOTS */
  struct kempt_buf text;
  struct chrome_unit *units;
  struct chrome_blk *blks;
  size_t nunits, capunits, nblks, capblks;
  size_t nremoved; /* held blocks that an earlier stage removed (a rule) */
  struct chrome_tok *toks; /* words of short lines (chrome_unit.tok) */
  size_t ntoks, captoks;
  struct kempt_lang_count lang;
  bool cut;          /* a cut-off marker ended the article: drop the rest */
  bool seen_good;    /* an earlier window had good text */
  uint64_t *seen;    /* scratch: repeated-line table */
  uint32_t *seen_n;
  size_t seen_mask, seen_cap; /* the part in use - 1; allocated */
  struct chrome_memo *memo;   /* scratch: per slot of seen */
  struct chrome_scan_memo *scan; /* 1 << (64 - scan_shift), or NULL */
  unsigned scan_shift; /* CHROME_SCAN_SMALL_SHIFT, then CHROME_SCAN_SHIFT */
  size_t scan_before;  /* lines of the windows before (while small) */
  uint64_t gen; /* the window's number (from 1; the next when emptied) */
  size_t nwiki; /* units with wiki set (kempt__chrome_scan_line) */
  struct chrome_hs_word *hsw; /* CHROME_HSW_SLOTS, or NULL: none */
  chrome_lex_fn lex, lex_short; /* kempt__chrome_lex_counted(), _short() */
  bool lex_grown;               /* ... for sw grown */
  /* Set by kempt__chrome_classify's first pass: one past the last unit
   * that is a list marker (hit CK_LIST), and one past the last that may
   * cut the article (CK_CUT, CK_SAYS, CK_ABOUT); 0 when none. */
  size_t list_end, cut_end;
  /* Set there too: the first unit that may cut the article (cut_end:
   * none), the first unit with btn and one past the last (0 and 0: none). */
  size_t cut_from, btn_a, btn_b;
  /* Set there too: the first line of a gallery's counter's form
   * (kempt__chrome_counter_form and _line), and one past the last (0 and
   * 0: none). */
  size_t gal_a, gal_b;
  /* Set by kempt__chrome_classify's verdict: the article's stretch of
   * lines [art_a, art_b], or art_a > art_b when there is none (a page
   * without prose, or clean text: chrome_edge.c looks only there). */
  size_t art_a, art_b;
  bool few_dups; /* set by classes_in_context (chrome_class.c) */
  /* kempt__chrome_scan_line's word counts of the line it reads: hits are
   * all zero between lines (zeroed when the doc is, then by add_counts);
   * sw is the doc's and rules the handle's, set with them */
  struct chrome_count wc;
  /* kempt__chrome_scan_line's tokenizer state: its cache (cp) and count
   * (&wc) set with the doc, the rest for each line */
  struct chrome_lex lx;
};

/* kempt__chrome_tokens of line u of d (max <= CHROME_MAXTOK): its words
 * from the word store where they are kept (retok, or long_tok: the same
 * words), else read again. */
size_t kempt__chrome_unit_tokens(const struct chrome_doc *d,
                                 const struct chrome_unit *u,
                                 struct chrome_tok *t, size_t max,
                                 size_t *total);

/* The features of a line just held, in one pass over its bytes: length,
 * words, function words, capitals, digits, separators, links, the hash
 * of its words, and what its long form needs of the phrase rules; adds
 * its function words to the window's language evidence. */
/* (They are its bytes' alone: a short line found before in the window
 * takes that line's, see chrome_doc.scan.) r is the rules d->wc has; u
 * is d's last unit, just added and zeroed. */
void kempt__chrome_scan_line(struct chrome_doc *d,
                             const struct chrome_rules *r,
                             const struct kempt_allocator *a,
                             struct chrome_unit *u, const char *p, size_t n);

/* chrome.c: give d's scan memo its full size (CHROME_SCAN_SLOTS), with
 * the entries of its window; it stays small when the allocation fails. */
void kempt__chrome_scan_grow(struct chrome_doc *d,
                             const struct kempt_allocator *a);

/* chrome_head.c: the lines of an article's head that are not its title. */
/* Whether line u (bytes p, its words t[0..nt)) is a date line by its
 * form: a date in digits (28.11.2026, 2026-11-28, 2026年11月28日), a day
 * and a year around a word without case or (head) in lower case ("28
 * novembre 2026"), a month or day name of r's date rules (in langs) next
 * to a day's number; and few other words (a word per two characters of
 * a script without spaces). head: a line of an article's head (above
 * it, or among its first lines), which may have more words and a time
 * (14:30) as its date. */
bool kempt__chrome_date_form(const char *p, const struct chrome_unit *u,
                             const struct chrome_tok *t, size_t nt,
                             const struct chrome_rules *r, uint32_t langs,
                             bool head);
/* Why unit i of d goes when it lies between an article and its title (a
 * static string), or NULL: a date or byline line, a short source line
 * under one ("Source: Agency"), or (title_above: line i - 1 may be the
 * title) an author's name between a longer headline and a date line. */
const char *kempt__chrome_head_line(const struct chrome_doc *d, size_t i,
                                    bool title_above);
/* Whether line i of d is an author's name alone ("Jane Doe"): two or
 * three capitalised words, no function word, number nor end. */
bool kempt__chrome_name_line(const struct chrome_doc *d, size_t i);
/* Whether line i of d is a span of dates ending in a year ("12 March -
 * 30 August 2026", "* 1938 † 2026"): an event's or a life's. */
bool kempt__chrome_span_line(const struct chrome_doc *d, size_t i);
/* Whether the line p, tokens t[0..nt), is a label and a range of dates
 * or times ("Valid: 14 April 18:00 to 15 April 09:00", "Gültig: 14.04.
 * 18:00 bis 15.04. 09:00"): a notice's fact, no page's date. */
bool kempt__chrome_label_range(const char *p, const struct chrome_tok *t,
                               size_t nt);
/* Whether the line p, tokens t[0..nt), names the end of a term right
 * before its first number ("Valid until: 15 April 2026", "Gültig bis:
 * 15.04.2026", "Valable jusqu'au 15 avril 2026": an until rule of the
 * languages langs of r): a notice's fact, no page's date. */
bool kempt__chrome_until_label(const struct chrome_rules *r, uint32_t langs,
                               const char *p, const struct chrome_tok *t,
                               size_t nt);
/* kempt__chrome_label_range or kempt__chrome_until_label of line i of d,
 * a short line. */
bool kempt__chrome_range_line(const struct chrome_doc *d, size_t i);
/* Whether line i of d, a date line, opens with a word that names what
 * it dates: a page's title ("Horoscope for Tuesday, 14 April"). */
bool kempt__chrome_named_date(const struct chrome_doc *d, size_t i);
/* Date lines among the first lines of the article [a, b] (under its
 * dek), not in a run of them and not a time alone (a live report's
 * "14:30 The minister arrives"): they go. */
void kempt__chrome_head_inside(struct chrome_doc *d, size_t a, size_t b);
/* Whether line i, right over an article's text, is an author's name in
 * a script without case ("דנה כהן") under a longer line with no end (a
 * headline or its dek): a byline, no title. Returns the rule, or NULL. */
const char *kempt__chrome_name_over_text(const struct chrome_doc *d,
                                        size_t i);
/* Whether why (a rule of kempt__chrome_head_line or _name_over_text) is
 * that of a name without case, which a short title may look like. */
bool kempt__chrome_caseless_byline(const char *why);
/* Whether line i stands over a date line of an article's head, right
 * over it or over a shorter line (a byline) over it: a headline. */
bool kempt__chrome_over_head_date(const struct chrome_doc *d, size_t i);
/* Whether line i may still be the title when the lowest line above the
 * article that looked like one but was a date line is head (SIZE_MAX:
 * none was). */
bool kempt__chrome_head_reach(size_t head, size_t i);

/* chrome_class.c: the score of line i before its copies counted against
 * it (to within DUP_DIV - 1), for a line whose copies did. */
int32_t kempt__chrome_text_score(const struct chrome_doc *d, size_t i);

/* chrome_keep.c: article text that the best stretch [a, b] leaves out. */
/* Lines found twice of which [a, b] holds one copy only (or none, and the
 * line is right above it) are the article's own: their score counts as
 * text again. Returns whether a score changed (find the stretch again).
 * Uses seen_n (its high half; left as it was). */
bool kempt__chrome_keep_copies(struct chrome_doc *d, size_t a, size_t b);
/* The end of the article [., b] with the short sentences that end it
 * right after its last line of prose, before c (the cut). */
/* The article's first line a, or the first item of a list of things
 * right above it that a line introduces (the title's list). */
size_t kempt__chrome_keep_head_list(const struct chrome_doc *d, size_t a);
size_t kempt__chrome_keep_tail(const struct chrome_doc *d, size_t b,
                               size_t c);
/* The end of the article [a, b], a page of questions and answers, with
 * the pairs of question and answer right after it, before c (the cut). */
size_t kempt__chrome_keep_faq(const struct chrome_doc *d, size_t a, size_t b,
                              size_t c);
/* A thread of posts (a question and its answers): the posts before c
 * whose footers match the one right after the stretch [*a, *b], with
 * only chrome between them, join it. */
/* Whether the cut line i (found again) is a button of each post of a
 * thread ("Add a comment"): a later copy of it has the same footer lines
 * above it. */
bool kempt__chrome_post_button(const struct chrome_doc *d, size_t i);
/* Whether line i went as the gap between a thread's posts (its poster's
 * card, chrome_keep.c). */
bool kempt__chrome_post_gap(const struct chrome_doc *d, size_t i);
/* Whether lines [from, to] (a run of structured lines right after the
 * article) are a table of a thing's specifications: rows of a label and
 * its value with a number ("Weight 1.3 kg", "Power 2200 W"), under a
 * heading or not. */
bool kempt__chrome_spec_rows(struct chrome_doc *d, size_t from, size_t to);
/* A box of facts between the title and the article at a (an
 * encyclopedia's infobox: "Length 87 km", "Area 1,240 km2" and their
 * headings), where nothing but the stretch's verdict (outside) removed
 * its lines: they stay. */
void kempt__chrome_keep_infobox(struct chrome_doc *d, size_t a,
                                const char *outside);
/* A table of contents in the article [a, b]: three or more numbered
 * short lines ("1 History", "2.1 Climate") whose words open headings
 * further down ("History[edit]"), mostly: they go. */
void kempt__chrome_drop_contents(struct chrome_doc *d, size_t a, size_t b);
void kempt__chrome_keep_posts(struct chrome_doc *d, size_t *a, size_t *b,
                              size_t c);

/* Whether p[0..n) is an embedded post's credit: a dash, a name, an
 * "(@handle)" and a date that ends in a year ("- Jane Doe (@janedoe) May
 * 4, 2026"). */
bool kempt__chrome_post_credit(const char *p, size_t n);

/* Before the stretch (classes final, scores set): repeated lines that
 * are pictures' labels, or the alt text right under one, score cost at
 * least (cost < 0: a caption's); runs of a few short bulleted items (no
 * link, rule, copy, end) between two lines of article prose, a list of
 * things the article names, become short lines of a list (listed, no
 * links) that score cost. */
void kempt__chrome_keep_costs(struct chrome_doc *d, int32_t cost);

/* Whether the first letter of p[0..n) (valid UTF-8) is of a script
 * without case (Unicode category Lo): it may stand for a capital. */
bool kempt__chrome_caseless_start(const char *p, size_t n);

/* Decide each unit of the window: sets rule (removed) or keep, and title. */
enum kempt_status kempt__chrome_classify(struct chrome_doc *d,
                                        const struct chrome_rules *r,
                                        const struct kempt_allocator *a);

/* chrome_edge.c: after the verdict, pitches at the edges of the article
 * [d->art_a, d->art_b] go (a sign-up or newsletter pitch after its last
 * paragraph, or before its title); langs: the rule languages of the
 * window. */
void kempt__chrome_edges(struct chrome_doc *d, const struct chrome_rules *r,
                         uint32_t langs);
/* chrome_edge.c: before the verdict (the phrase rules done), a run of
 * short lines with rules between two paragraphs of prose that holds a
 * gallery's counter ("Photo: Jane Doe / Agency", "1 of 12") is the
 * gallery's: its lines cost what a caption does (hit CK_CAPTION), and the
 * paragraphs after it stay in the article. */
void kempt__chrome_gallery(struct chrome_doc *d);
/* chrome_edge.c: a gallery's counter alone on the line p[0..n): "3 of
 * 12", "Image 3 of 12", "3/12"; a line of its form has two numbers and a
 * word at most. */
bool kempt__chrome_counter_line(const char *p, size_t n);
static inline bool kempt__chrome_counter_form(const struct chrome_unit *u) {
  return u->ntok - 2u <= 2u && u->ntok >= u->words + 2u; /* (2 to 4) */
}
/* A line of a comment's buttons has words, at most CHROME_BTN_TOK
 * tokens and CHROME_BTN_CHARS code points, no sentence end nor colon
 * (kempt__chrome_btn_form); where its words are kept, classify looks at
 * it only when a reply or button rule may start with its first word (its
 * second after a number: "2 replies"; kempt__chrome_btn_kinds of their
 * kempt__chrome_may_start_kinds). */
#define CHROME_BTN_TOK 10
#define CHROME_BTN_CHARS 80
static inline bool kempt__chrome_btn_form(const struct chrome_unit *u) {
  return u->words && u->ntok <= CHROME_BTN_TOK &&
         u->chars <= CHROME_BTN_CHARS && u->term != TERM_SENT &&
         u->term != TERM_COLON;
}
static inline bool kempt__chrome_btn_kinds(unsigned kinds) {
  return (kinds & (1u << CK_REPLY | 1u << CK_BUTTON)) != 0;
}
/* chrome_comments.c: whether line u is a line of a comment's buttons
 * and counters ("Reply", "Like (3) · Reply", "2 replies"). */
bool kempt__chrome_buttons(const struct chrome_doc *d,
                           const struct chrome_unit *u,
                           const struct chrome_rules *r);
/* chrome_comments.c: before the verdict (the phrase rules done), the
 * headers of a thread of readers' comments that the rules do not find
 * ("Jane Doe | 3 days ago" with its comment's buttons: hit CK_SAYS,
 * cut_end moved past them), the headers "NAME says:" of a name alone
 * (rule says_name) that their buttons confirm (or, opened by a function
 * word, "Will Smith says:", are none without them), the first buttons of
 * a thread without headers (hit CK_CUT), and cut-off markers of a word
 * or two between two paragraphs of prose that no thread follows (hit
 * CK_LINE: they go, the article goes on); langs: the rule languages of
 * the window; returns nsays (the headers found before) with the headers
 * added and dropped. */
size_t kempt__chrome_comments(struct chrome_doc *d,
                              const struct chrome_rules *r, uint32_t langs,
                              const char *says_name, size_t nsays);
/* chrome_edge.c: whether lines [from, to] (a run of structured lines
 * after the article) open with HEAD_RUN headlines or links and hold a
 * box of facts ("Date: ...", "Venue: ...", "Tickets: ...") after them: a
 * sidebar's, not the article's. */
bool kempt__chrome_links_then_facts(const struct chrome_doc *d, size_t from,
                                    size_t to);
/* chrome_edge.c: the last line of a box of facts right after the
 * article (from its line from on, before end; under a short heading or
 * not); SIZE_MAX when there is none. */
size_t kempt__chrome_facts_after(const struct chrome_doc *d, size_t from,
                                 size_t end);
/* chrome_edge.c: the date lines of the boxes of facts in the article
 * [a, b] ("Date: 14 June 2026") stay. */
void kempt__chrome_facts_keep(struct chrome_doc *d, size_t a, size_t b);
/* chrome_edge.c: whether line u, "Key: value", ends in an abbreviation's period
 * rather than a sentence's ("Kunstverein e. V.", "752 мм рт. ст.",
 * "Muster GmbH & Co. KG."): its last word of a few letters capitalised,
 * with an inner period, after a number or after another such word. */
bool kempt__chrome_abbrev_end(const struct chrome_doc *d,
                              const struct chrome_unit *u);
/* chrome_edge.c: whether line u reads "Key: value" (a short key, the
 * first letter a capital or of another script), whatever its length. */
bool kempt__chrome_key_form(const struct chrome_doc *d,
                            const struct chrome_unit *u);
/* chrome_edge.c: whether line u has an ASCII digit. */
bool kempt__chrome_has_digit(const struct chrome_doc *d,
                             const struct chrome_unit *u);
/* chrome_edge.c: whether line u is buttons' words set apart by runs of
 * spaces ("Map view   Street View") with no number or key among them. */
bool kempt__chrome_buttons_apart(const struct chrome_doc *d,
                                 const struct chrome_unit *u);
/* chrome_keep.c: the short lines of a card right under the title above
 * a, around the one line of it that stays (a maiden name and a place
 * around a life's dates), stay when they have the rule outside. */
void kempt__chrome_keep_head_card(struct chrome_doc *d, size_t a,
                                  const char *outside);
/* chrome_keep.c: a line between the title above a and a with two
 * labelled numbers or more ("Prep: 30 min · Cook: 40 min", a recipe's
 * timings; not "4 min read") stays when it has the rule outside. */
void kempt__chrome_keep_head_times(struct chrome_doc *d, size_t a,
                                   const char *outside);
/* chrome_keep.c: whether line i is a time alone ("14:52", "9.05 Uhr"). */
bool kempt__chrome_bare_time(const struct chrome_doc *d, size_t i);
/* chrome_keep.c: a bare time over the article's first line at a
 * ("14:52"), or over the first entry's headline right above a, stays
 * (the headline too) when the article a..b has more bare times: a live
 * blog's first entry keeps its time as the others do. */
void kempt__chrome_keep_entry_time(struct chrome_doc *d, size_t a, size_t b,
                                   const char *outside);
/* chrome_keep.c: the block of measures right under the title above a
 * (current conditions: "Now: -14 °C", "Wind: 6 m/s") stays when its
 * lines have the rule outside. */
void kempt__chrome_keep_head_box(struct chrome_doc *d, size_t a,
                                 const char *outside);
/* chrome_edge.c: b, or the last line of a short block of facts right
 * after the article that ends at b (before end) when the page up to b
 * has a box of facts: a closing "Organiser: ..." line. */
size_t kempt__chrome_lone_facts_after(const struct chrome_doc *d, size_t b,
                                      size_t end);
/* chrome_edge.c: b, or the last line of a short block of facts right
 * after the article that ends in a sentence at b, each with a number
 * that is no date line's: its references ("Fundstelle: NZM 2026, 311"). */
size_t kempt__chrome_cited_facts_after(const struct chrome_doc *d, size_t b,
                                       size_t end);
/* chrome_edge.c: b, or the last row of a contact box right after the
 * article that ends in a sentence at b (before end): a heading of a word
 * or a few, a menu's word maybe ("Contact", "Kontakt"), over up to
 * CONTACT_ROWS_MAX short rows, two keyed ("Phone: ...", "E-mail: ...")
 * and a number among them, that end their block. Its lines lose their
 * rules. Not when a row names the site (line 0, over the article at
 * a): the site's own contact in its footer. */
size_t kempt__chrome_contact_box_after(struct chrome_doc *d, size_t a,
                                       size_t b, size_t end);
/* chrome_edge.c: b, or the end of a last section of the article that
 * ends in a sentence at b (before end): a heading over a list of words
 * between commas, alone in their block ("Synonyme" / "Arbeitsschluss,
 * Dienstschluss"), when the article has headed sections of its own. */
size_t kempt__chrome_list_section_after(struct chrome_doc *d, size_t b,
                                        size_t end);
/* chrome_edge.c: b, or the last fact of the block of facts ("Key:
 * value") that the article ends in, at b, when the block ends with it. */
size_t kempt__chrome_block_facts_after(const struct chrome_doc *d, size_t b,
                                       size_t end);

#endif
