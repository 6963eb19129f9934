/* unwrap.c - the unwrap stage: whole paragraphs out of hard-wrapped lines.
 *
 * A block (lines without a blank line between them) is either one
 * paragraph that a text dumper wrapped, or text whose line structure is
 * content: a list, verse, a table, an address, a menu. The stage tells the
 * two apart line by line:
 *
 * - a line is "full" when the next line's first word would not have fitted
 *   on it within the block's width W (its widest line), give or take a
 *   tenth (balancing wrappers such as fmt break early): a wrapper broke it
 *   there, not the author;
 * - a line break is joinable when the indentation is consistent (the same,
 *   a first-line indent, or the hanging indent of a list item) and neither
 *   line is a list item start, a table row, a rule or quoted mail;
 * - a block is hard-wrapped on its own evidence when W is at least
 *   MIN_WRAP columns and it has STRONG_BREAKS joinable breaks or more,
 *   three quarters of them full, lines of several words that seldom end a
 *   sentence, and next lines that often start in lower case (or in a
 *   script without case);
 * - a shorter block is hard-wrapped when all its breaks are full at the
 *   document's wrap width: the width that most blocks of nearly full
 *   lines share, if they agree.
 *
 * In a hard-wrapped block the full lines (and those a lower-case
 * continuation follows) are joined with a space (with none between
 * characters of scripts written without spaces); a short line that ends a
 * sentence ends a paragraph, and each paragraph becomes a block of its
 * own. Elsewhere lines are kept (the block gets KEMPT_BLOCK_LINES), except
 * the continuation lines of a wrapped list item and the pieces of a line
 * that a dumper cut at its line-length limit (w3m cuts lines at about 1023
 * columns): a line of LONG_LINE columns or more after which the next word
 * would pass the widest line of the document is joined with the next.
 *
 * A block that is not hard-wrapped becomes a block per line (lists and
 * tables kept together) when it holds paragraphs one to a line, as text
 * dumped without blank lines does (WET records, many scrapers): when it is
 * long and several of its lines are prose, or when the whole document is
 * such a dump (its blocks long, most of its prose lines several to one), in
 * which a few blank lines or lines of white space leave short blocks too.
 * There a line of prose is a paragraph even when indented (a page laid out
 * with indentation), unless it is the body of a list item above it; the
 * turns of an interview or a dialogue ("Q: ...", "A: ...") are paragraphs,
 * not the rows of a box of facts; a credit under an embedded post ("— Name
 * (@handle) May 2, 2019") is a paragraph apart from it; and the short tail
 * of a sentence a long line of prose broke off is joined back to it.
 *
 * An end-of-line hyphen between letters is removed when the joined word
 * occurs elsewhere in the document (and the hyphenated form does not);
 * otherwise it is kept ("long-term"). The stage holds the document's
 * blocks until its end, up to HOLD_BYTES, to know its vocabulary; past
 * that it works on a window. The vocabulary is read from the held blocks
 * only when such a hyphen asks for it, or before blocks leave the window;
 * so is the widest line, wanted only for lines of LONG_LINE columns. Most
 * blocks are one line, passed on as they are (less indentation and link
 * markers); the lines of the others are read once on arrival, as far as
 * the document's wrap width needs, and kept (up to CACHE_LINES) for
 * their output. Text browsers' link markers ("[12]Share") are
 * removed, and a "References" list of numbered URLs is flagged
 * KEMPT_BLOCK_REFS for the chrome stage. The common indentation of kept
 * lines is removed, and so is white space at the ends of lines.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "internal.h"
#include "kempt_unwrap.h"
#include "textchar.h"

#if defined(__SSE2__) && defined(__GNUC__) /* __builtin_ctz too */
#define SCAN_SSE2 1
#include <emmintrin.h>
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define SCAN_AVX2 1 /* measure() 32 bytes at a time where the CPU can */
#endif
#endif

/* parse_line() is inlined into each user: every line of a block passes */
#if defined(__GNUC__)
#define ALWAYS_INLINE static inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE static inline
#endif

#define HOLD_BYTES (4u << 20) /* document text held for its vocabulary */
#define HOLD_BLOCKS 16384u
#define MAX_LINES 4096u    /* a block with more lines passes unchanged */
#define CACHE_LINES 32768u /* lines read on arrival kept for the output */
#define VOCAB_SLOTS (1u << 17)
#define VOCAB_MAX (VOCAB_SLOTS / 4 * 3)
#define WORDCHAR_LIMIT 0x800u /* word characters known by a bit below this */
#define COLS_LIMIT 0x3000u    /* columns of characters cached below this */
#define WIDE_GROUPS (0x10000u / 64) /* word characters of three bytes */
#define LONG_LINE 900u   /* columns: only a dumper's limit cuts such lines */
#define MIN_WRAP 30u     /* the narrowest wrapping width believed */
#define SLACK 10u        /* "full" is within W / SLACK of the width W */
#define STRONG_BREAKS 3u /* breaks that show wrapping without help */
#define WRAP_HIST 512u   /* widths counted for the document's width */
#define WRAP_WINDOW 3u   /* ... in windows of this many columns */
#define MIN_VOTES 3u     /* blocks needed to know the width */
#define STRONG_VOTES 3u  /* a strongly wrapped block is worth this many */
#define OUT_SLACK 4096u
#define OUT_GROWTH 9u /* output <= 8 x input: tabs become spaces */

#define ONES 0x0101010101010101ull /* one in each byte of a word */
#define HIGHS (0x80 * ONES)        /* the high bit of each byte */

#define FNV_OFFSET 0xcbf29ce484222325ull
#define FNV_PRIME 0x100000001b3ull

/* How far the lines of a held block were read on arrival (see learn()). */
enum cached { NOT_CACHED, ONE_LINE, PARSED, PREPARED, ANALYSED };

struct held {
  size_t pos, len; /* text in u->text */
  uint32_t flags, nlines;
  uint64_t offset;
  const char *rule;
  size_t cache_at;    /* its lines in u->cache, if cached */
  uint32_t cache_n;   /* ... how many */
  enum cached cached; /* ... how far read */
  int8_t tabs;        /* whether its text has a tab; -1: not looked for */
};

struct line {
  size_t start, end;     /* the content (no indentation, trimmed) */
  uint32_t indent;       /* columns of indentation */
  uint32_t width, total; /* columns of the content; with the indentation */
  uint32_t first;        /* columns of the first word */
  uint32_t marker;       /* columns of a list marker and its space, or 0 */
  bool dash;             /* the marker is a dash (dialogue, a list) */
  bool alnum;            /* has a letter or digit */
  bool lower;            /* starts in lower case (or without case) */
  bool stop;             /* ends a sentence */
  bool clause;           /* ends a sentence or a clause (, ; :) */
  bool hyphen;           /* ends in a hyphen after a letter or digit */
  bool table, rule;      /* a table row; a rule (no letters) */
  uint32_t words;        /* runs of white space inside, plus one */
  bool joined;           /* joined with the next line */
};

struct unwrap {
  const struct kempt_env *env;
  struct kempt_buf text; /* the held blocks' text */
  struct held *held;
  size_t nheld;
  uint64_t *vocab;   /* open addressing set of word hashes; 0 = empty */
  bool vocab_zeroed; /* vocab is cleared when first wanted */
  uint32_t *used;    /* the slots in use, to clear them */
  size_t nused;
  struct line *lines;
  struct line *cache; /* the lines of held blocks read on arrival */
  size_t ncache;
  struct kempt_buf out;
  size_t nscanned;    /* held blocks (a prefix) whose words are in vocab */
  size_t nwidth;      /* held blocks (a prefix) counted in doc_width */
  uint64_t index;     /* blocks emitted in this document */
  uint32_t doc_width; /* widest line of the blocks counted */
  uint32_t wrap_hist[WRAP_HIST]; /* votes for the document's wrap width */
  uint32_t wrap_votes;           /* all votes */
  uint32_t wrap_lo, wrap_hi;     /* the widths with votes lie in [lo, hi] */
  uint32_t wrap_width;           /* doc_wrap(), when wrap_known */
  bool wrap_known;
  uint32_t seen_blocks; /* blocks arrived in the document (dumped()) */
  uint32_t seen_lines;  /* ... their lines */
  size_t ntallied;      /* held blocks (a prefix) whose prose is counted */
  uint32_t solo;        /* ... their prose lines alone in a block */
  uint32_t packed;      /* ... in blocks of two prose lines or more */
  bool in_refs;         /* inside a text browser's list of references */
  bool brackets;        /* the block being written may hold a '[' */
  bool wordchars_known; /* wordchars is filled */
  bool avx2;            /* analyse_lines_avx2() may run */
  uint64_t wordchars[WORDCHAR_LIMIT / 64]; /* kempt__cp_wordchar by bit */
  int32_t folds[WORDCHAR_LIMIT];           /* kempt__cp_fold, filled with it */
  /* U+0800..FFFF by groups of 64, each filled when first asked for:
   * kempt__cp_wordchar by bit, and whether kempt__cp_fold keeps it */
  uint64_t wide_known[WIDE_GROUPS / 64];
  uint64_t wide_word[WIDE_GROUPS], wide_self[WIDE_GROUPS];
  /* kempt__cp_cols + 1 of the characters below COLS_LIMIT once asked for
   * (0: not yet): Indic scripts, Thai, ... need utf8proc for it */
  uint8_t cols[COLS_LIMIT];
};

/* ---- vocabulary --------------------------------------------------------- */

static uint64_t mix(uint64_t h, int32_t cp) {
  return (h ^ (uint64_t)(uint32_t)cp) * FNV_PRIME;
}

/* By byte: an ASCII letter's case fold, 0 for other ASCII (no word
 * character), 0xFF beyond ASCII (a character to decode). */
static const uint8_t ascii_fold[256] = {
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F,
    0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7A, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F,
    0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7A, 0x00, 0x00, 0x00, 0x00, 0x00,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};

/* Whether p[0..n) starts with a character of U+2000..U+203F (spaces,
 * dashes, quotes, ellipsis ...): none is a word character, and they end
 * most words that do not end in ASCII. */
static inline bool general_punct(const unsigned char *p, size_t n) {
  return n >= 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] & 0xC0) == 0x80;
}

/* Fill u->wordchars (once: when words are first hashed). */
static void know_wordchars(struct unwrap *u) {
  if (u->wordchars_known)
    return;
  memset(u->wordchars, 0, sizeof u->wordchars);
  for (uint32_t cp = 0; cp < WORDCHAR_LIMIT; cp++)
    if (kempt__cp_wordchar((int32_t)cp)) {
      u->wordchars[cp / 64] |= (uint64_t)1 << (cp % 64);
      u->folds[cp] = kempt__cp_fold((int32_t)cp);
    }
  u->wordchars_known = true;
}

/* Fill the group of 64 code points from U+0800 that holds cp (< U+10000)
 * in u->wide_word and u->wide_self, once. */
static inline void know_wide(struct unwrap *u, uint32_t cp) {
  uint32_t g = cp / 64;
  if (u->wide_known[g / 64] >> (g % 64) & 1)
    return;
  uint64_t word = 0, self = 0;
  for (uint32_t i = 0; i < 64; i++) {
    int32_t c = (int32_t)(g * 64 + i);
    word |= (uint64_t)kempt__cp_wordchar(c) << i;
    self |= (uint64_t)(kempt__cp_fold(c) == c) << i;
  }
  u->wide_word[g] = word;
  u->wide_self[g] = self;
  u->wide_known[g / 64] |= (uint64_t)1 << (g % 64);
}

/* kempt__cp_wordchar(cp), below WORDCHAR_LIMIT by a bit of u->wordchars
 * (Latin, Greek, Cyrillic, Hebrew, Arabic ... without utf8proc), below
 * U+10000 by a bit of u->wide_word (CJK, kana, Hangul, Indic ...). */
static inline bool word_char(struct unwrap *u, int32_t cp) {
  if ((uint32_t)cp < WORDCHAR_LIMIT)
    return u->wordchars[(uint32_t)cp / 64] >> ((uint32_t)cp % 64) & 1;
  if ((uint32_t)cp < 0x10000u) {
    know_wide(u, (uint32_t)cp);
    return u->wide_word[(uint32_t)cp / 64] >> ((uint32_t)cp % 64) & 1;
  }
  return kempt__cp_wordchar(cp);
}

/* kempt__cp_fold(cp) of a word character cp at or past WORDCHAR_LIMIT. */
static inline int32_t wide_fold(const struct unwrap *u, int32_t cp) {
  if ((uint32_t)cp < 0x10000u &&
      (u->wide_self[(uint32_t)cp / 64] >> ((uint32_t)cp % 64) & 1))
    return cp; /* word_char() filled its group */
  return kempt__cp_fold(cp);
}

/* hash_word() from p on, one character at a time. */
static uint64_t hash_word_rest(struct unwrap *u, uint64_t h, const char *p,
                               size_t n, size_t *len) {
  const unsigned char *q = (const unsigned char *)p, *end = q + n;
  for (;;) {
    /* ASCII letters in a tight loop (f - 1 wraps for 0, and 0xFF is out) */
    unsigned f = 0;
    while (q < end && (f = ascii_fold[*q]) - 1u < 0x7Fu) {
      h = (h ^ f) * FNV_PRIME;
      q++;
    }
    if (q == end || f != 0xFF)
      break;
    if (*q < 0xE0 && end - q >= 2 && (q[1] & 0xC0) == 0x80 && *q >= 0xC2) {
      /* two bytes (Latin, Greek, Cyrillic, Arabic ...): by the tables, in
       * a tight loop of their own */
      do {
        uint32_t c2 = (*q & 0x1Fu) << 6 | (q[1] & 0x3Fu);
        if (!(u->wordchars[c2 / 64] >> (c2 % 64) & 1))
          goto done;
        h = mix(h, u->folds[c2]);
        q += 2;
      } while (end - q >= 2 && *q >= 0xC2 && *q < 0xE0 &&
               (q[1] & 0xC0) == 0x80);
      continue;
    }
    int32_t cp;
    size_t k = kempt__cp((const char *)q, (size_t)(end - q), &cp);
    if (!word_char(u, cp))
      break;
    h = mix(h, wide_fold(u, cp));
    q += k;
  }
done:
  *len = (size_t)(q - (const unsigned char *)p);
  return h ? h : 1;
}

/* Hash the folded letters of the word at p[0..n) into h; *len gets the
 * word's length in bytes. Most words are short and ASCII: their letters
 * are found eight at a time, here, inline. */
static inline uint64_t hash_word(struct unwrap *u, uint64_t h, const char *p,
                                 size_t n, size_t *len) {
  size_t i = 0;
  while (n - i >= 8) {
    uint64_t w = kempt__load_le64(p + i);
    uint64_t x = (w | 0x20 * ONES) & ~HIGHS; /* lower case, below 0x80 */
    uint64_t letters = (x + (0x80 - 'a') * ONES) &
                       ~(x + (0x80 - 'z' - 1) * ONES) & ~w & HIGHS;
    uint64_t other = ~letters & HIGHS;
    unsigned k = other ? (unsigned)__builtin_ctzll(other) / 8 : 8;
    uint64_t fw = w | 0x20 * ONES;
    for (unsigned j = 0; j < k; j++, fw >>= 8)
      h = (h ^ (fw & 0xFF)) * FNV_PRIME;
    i += k;
    if (k < 8) {
      if ((unsigned char)p[i] >= 0x80 &&
          !general_punct((const unsigned char *)p + i, n - i))
        break; /* a letter beyond ASCII, maybe */
      *len = i;
      return h ? h : 1;
    }
  }
  size_t more;
  h = hash_word_rest(u, h, p + i, n - i, &more);
  *len = i + more;
  return h;
}

static inline void vocab_put(struct unwrap *u, uint64_t h) {
  if (u->nused >= VOCAB_MAX)
    return;
  uint32_t i = (uint32_t)(h & (VOCAB_SLOTS - 1));
  while (u->vocab[i] && u->vocab[i] != h)
    i = (i + 1) & (VOCAB_SLOTS - 1);
  if (!u->vocab[i]) {
    u->vocab[i] = h;
    u->used[u->nused++] = i;
  }
}

static bool vocab_has(const struct unwrap *u, uint64_t h) {
  uint32_t i = (uint32_t)(h & (VOCAB_SLOTS - 1));
  while (u->vocab[i]) {
    if (u->vocab[i] == h)
      return true;
    i = (i + 1) & (VOCAB_SLOTS - 1);
  }
  return false;
}

static void vocab_clear(struct unwrap *u) {
  for (size_t i = 0; i < u->nused; i++)
    u->vocab[u->used[i]] = 0;
  u->nused = 0;
}

/* Whether p[0..n) starts with a hyphen that ends its line. */
static bool eol_hyphen(const char *p, size_t n) {
  if (!n || p[0] != '-')
    return false;
  size_t i = 1, k;
  while ((k = kempt__hspace(p + i, n - i)) != 0)
    i += k;
  return i < n && p[i] == '\n';
}

/* Add the words of a block to the vocabulary, and its compounds
 * ("long-term") as wholes; the halves of a word broken at the end of a
 * line are not words. */
static void vocab_scan(struct unwrap *u, const char *t, size_t n) {
  size_t i = 0;
  bool skip = false;
  while (i < n) {
    unsigned b = ascii_fold[(unsigned char)t[i]];
    size_t len;
    if (!b) {
      i++; /* ASCII, not a letter: not a word character */
      continue;
    }
    if (b == 0xFF) {
      if (general_punct((const unsigned char *)t + i, n - i)) {
        i += 3;
        continue;
      }
      int32_t cp;
      size_t k = kempt__cp(t + i, n - i, &cp);
      if (!word_char(u, cp)) {
        i += k;
        continue;
      }
    }
    uint64_t h = hash_word(u, FNV_OFFSET, t + i, n - i, &len);
    i += len;
    bool broken = eol_hyphen(t + i, n - i);
    if (skip || broken) {
      skip = broken;
      continue;
    }
    vocab_put(u, h);
    if (i + 1 < n && t[i] == '-') {
      uint64_t c = hash_word(u, mix(h, '-'), t + i + 1, n - i - 1, &len);
      if (len)
        vocab_put(u, c);
    }
  }
}

/* Bring the vocabulary up to the held blocks: the words of the blocks
 * that came, in the order they came (past VOCAB_MAX words the later ones
 * miss out), read only when a final hyphen asks or before held blocks
 * are dropped: most documents have no such hyphen. */
static void vocab_sync(struct unwrap *u) {
  know_wordchars(u);
  if (!u->vocab_zeroed) {
    memset(u->vocab, 0, VOCAB_SLOTS * sizeof *u->vocab);
    u->vocab_zeroed = true;
  }
  for (; u->nscanned < u->nheld; u->nscanned++) {
    const struct held *h = &u->held[u->nscanned];
    if (h->len && !(h->flags & KEMPT_BLOCK_REMOVED))
      vocab_scan(u, u->text.data + h->pos, h->len);
  }
}

/* ---- lines --------------------------------------------------------------- */

static uint32_t cp_cols(int32_t cp) { return kempt__cp_cols(cp); }

/* cp_cols(cp), cached in u->cols. */
static inline uint32_t cols_of(struct unwrap *u, int32_t cp) {
  if ((uint32_t)cp < COLS_LIMIT) {
    unsigned c = u->cols[cp];
    if (!c)
      u->cols[cp] = (uint8_t)(c = cp_cols(cp) + 1);
    return c - 1;
  }
  return cp_cols(cp);
}

static bool is_bullet_wide(int32_t cp);

static inline bool is_bullet(int32_t cp) {
  /* '>': quoted mail, whose lines are kept as they are */
  if (cp < 0x80)
    return cp == '-' || cp == '*' || cp == '+' || cp == '>';
  return is_bullet_wide(cp);
}

/* is_bullet() beyond ASCII. */
static bool is_bullet_wide(int32_t cp) {
  switch (cp) { /* a switch, not a search: every line's first character */
  case 0x00B7:
  case 0x2013:
  case 0x2014:
  case 0x2022:
  case 0x2023:
  case 0x2043:
  case 0x2192:
  case 0x203B:
  case 0x25A0:
  case 0x25A1:
  case 0x25AA:
  case 0x25AB:
  case 0x25B6:
  case 0x25BA:
  case 0x25C6:
  case 0x25C7:
  case 0x25CB:
  case 0x25CF:
  case 0x25E6:
  case 0x2605:
  case 0x2606:
  case 0x2610:
  case 0x2666:
  case 0x2713:
  case 0x2714:
  case 0x2717:
  case 0x2718:
  case 0x27A2:
  case 0x27A4:
    return true;
  default:
    return false;
  }
}

/* Bytes of an enumerator at p: "12." "3)" "(4)" "(b)" "b)", or 0. */
static size_t enumerator(const char *p, size_t n) {
  size_t i = p[0] == '(' ? 1 : 0, d = i;
  while (i < n && i - d < 3 && p[i] >= '0' && p[i] <= '9')
    i++;
  if (i == d && i < n && p[i] >= 'a' && p[i] <= 'z')
    i++;
  if (i == d || i >= n)
    return 0;
  bool letter = p[i - 1] >= 'a';
  if (p[i] == ')' || (p[i] == '.' && !d && !letter))
    return i + 1;
  return 0;
}

/* Columns of a list marker and the white space after it at the start of
 * the content p[0..n), whose first character cp is m bytes long, or 0. A
 * bullet alone on its line is a marker. */
static uint32_t marker_cols(const char *p, size_t n, int32_t cp, size_t m) {
  uint32_t cols;
  if (is_bullet(cp)) {
    cols = cp_cols(cp);
  } else {
    m = enumerator(p, n);
    cols = (uint32_t)m;
  }
  if (!m)
    return 0;
  if (m == n)
    return cp == -1 ? 0 : cols;
  size_t k = kempt__hspace(p + m, n - m);
  if (!k)
    return 0;
  while (k) {
    cols += p[m] == '\t' ? 8 - cols % 8 : 1;
    m += k;
    k = kempt__hspace(p + m, n - m);
  }
  return cols;
}

/* Whether cp belongs to a wide script written without spaces between
 * words (Han, kana, their punctuation), not Hangul. */
static bool nospace_script(int32_t cp) {
  if (cp < 0x2E80 || cp_cols(cp) != 2)
    return false;
  return !(cp >= 0x3130 && cp <= 0x318F) && !(cp >= 0xA960 && cp <= 0xA97F) &&
         !(cp >= 0xAC00 && cp <= 0xD7FF);
}

/* Whether cp is a letter of Thai, Lao, Khmer or Myanmar: scripts that put
 * a space between phrases, not words (a long line of prose has a few) and
 * end a sentence with no mark, or with one of their own. */
static bool phrase_script(int32_t cp) {
  return (cp >= 0x0E00 && cp <= 0x0EFF) || (cp >= 0x1000 && cp <= 0x109F) ||
         (cp >= 0x1780 && cp <= 0x17FF);
}

/* Whether cp is white space inside a line: space, no-break space, tab. */
static bool inline_space(int32_t cp) {
  return cp == ' ' || cp == 0xA0 || cp == '\t';
}

/* The character at p[0..n) (n > 0) into *cp, and in *count how many times
 * it comes in a row there (1 for characters of one or two bytes): rules
 * and bars drawn with box characters are long runs of one character.
 * Returns the bytes of the run. */
static inline size_t cp_run(const char *p, size_t n, int32_t *cp,
                            uint32_t *count) {
  size_t k = kempt__cp(p, n, cp), m = 0;
  *count = 1;
  if (k < 3 || n < 2 * k || p[k] != p[0] || p[k + 1] != p[1] ||
      p[k + 2] != p[2] || (k > 3 && p[k + 3] != p[3]))
    return k;
#ifdef SCAN_SSE2
  while (n - k - m >= 16 &&
         _mm_movemask_epi8(_mm_cmpeq_epi8(
             _mm_loadu_si128((const __m128i *)(const void *)(p + m)),
             _mm_loadu_si128((const __m128i *)(const void *)(p + k + m)))) ==
             0xFFFF)
    m += 16; /* rules of box drawing run to a thousand characters */
#endif
  while (n - k - m >= 8 && memcmp(p + m, p + k + m, 8) == 0)
    m += 8;
  while (k + m < n && p[k + m] == p[m])
    m++;
  *count += (uint32_t)(m / k);
  return k + m / k * k;
}

/* Columns of the first word of the content p[0..n): up to its first
 * white space, or through its first character of a script without
 * spaces between words. */
static uint32_t first_word(const char *p, size_t n) {
  uint32_t cols = 0;
  size_t i = 0;
#ifdef SCAN_SSE2
  while (n - i >= 16) { /* its ASCII, sixteen bytes at a time */
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
    unsigned word = (unsigned)_mm_movemask_epi8(
        _mm_cmpgt_epi8(v, _mm_set1_epi8(' '))); /* 21..7F */
    unsigned k = (unsigned)__builtin_ctz(~word);
    i += k;
    cols += k;
    if (k < 16)
      break;
  }
#endif
  while (i < n) {
    unsigned char c = (unsigned char)p[i];
    if (c > ' ' && c < 0x80) { /* ASCII, not white space */
      cols++;
      i++;
      continue;
    }
    int32_t cp;
    uint32_t count;
    i += cp_run(p + i, n - i, &cp, &count);
    if (inline_space(cp))
      break;
    if (nospace_script(cp) || phrase_script(cp))
      return cols + cp_cols(cp); /* (a line may break after it: a phrase
                                    script's wrapper breaks inside) */
    cols += count * cp_cols(cp);
  }
  return cols;
}

/* Whether p[0..n) has a letter or digit. */
static bool has_alnum(const char *p, size_t n) {
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)p[i];
    if (c < 0x80) {
      if (kempt__cp_alnum(c))
        return true;
      i++;
      continue;
    }
    int32_t cp;
    uint32_t count;
    i += cp_run(p + i, n - i, &cp, &count);
    if (kempt__cp_alnum(cp))
      return true;
  }
  return false;
}

/* The running counts of measure(). */
struct tally {
  uint32_t cols, spaces, bars, words;
  bool table;
};

/* Count one character other than an ASCII letter, digit or space, of
 * cols columns (cp_cols(cp); not used for a tab). */
static void tally_cp(struct tally *t, int32_t cp, uint32_t cols) {
  bool space = inline_space(cp);
  if (cp == '\t' || (space && ++t->spaces >= 3))
    t->table = true;
  if (!space)
    t->spaces = 0;
  t->bars += cp == '|' || cp == 0x2502;
  t->words += space && t->spaces <= 1;
  t->cols += cp == '\t' ? 8 - t->cols % 8 : cols;
  t->words += nospace_script(cp); /* each such character is a word */
}

/* Count n more of the character cp (of cols columns), not white space. */
static void tally_more(struct tally *t, int32_t cp, uint32_t n,
                       uint32_t cols) {
  t->bars += n * (cp == 0x2502);
  t->cols += n * cols;
  t->words += n * nospace_script(cp);
}

/* The high bits of the bytes of w (ASCII) that are not zero. */
static uint64_t nonzero_bytes(uint64_t w) { return (w + 0x7F * ONES) & HIGHS; }

/* Count eight ASCII characters (w, the first in the low byte) if they
 * are printable and not '|'; false if not. */
static bool tally_word(struct tally *t, uint64_t w) {
  if ((w & HIGHS) || (((w | HIGHS) - 0x20 * ONES) & HIGHS) != HIGHS ||
      nonzero_bytes(w ^ ('|' * ONES)) != HIGHS)
    return false;
  t->cols += 8;
  uint64_t sp = ~nonzero_bytes(w ^ (' ' * ONES)) & HIGHS;
  if (!sp) {
    t->spaces = 0;
    return true;
  }
  uint64_t first = sp & ~(sp << 8); /* spaces after a byte that is not */
  if (t->spaces)                    /* the first byte goes on with a run */
    first &= ~0x80ull;
  t->words += (uint32_t)(((first >> 7) * ONES) >> 56);
  if ((sp & (sp >> 8) & (sp >> 16)) || (t->spaces >= 2 && (sp & 0x80)) ||
      (t->spaces >= 1 && (sp & 0x8080) == 0x8080))
    t->table = true; /* three spaces in a row */
  unsigned k = 0;    /* spaces at the end */
  while (k < 8 && (sp >> (63 - 8 * k) & 1))
    k++;
  t->spaces = k == 8 ? t->spaces + 8 : k;
  return true;
}

#ifdef SCAN_SSE2
/* The masks of narrow2_16(): the leads it takes (returned) and all second
 * bytes, 80..BF (in *cont). */
static inline unsigned narrow2_masks(__m128i v, unsigned *cont) {
  __m128i c = _mm_cmplt_epi8(v, _mm_set1_epi8((char)0xC0)); /* 80..BF */
  __m128i lead = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8((char)0xC2)),
                               _mm_cmplt_epi8(v, _mm_set1_epi8((char)0xD6)));
  __m128i wide =
      _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xCC)),
                                _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xCD))),
                   _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xD2)));
  *cont = (unsigned)_mm_movemask_epi8(c);
  return (unsigned)_mm_movemask_epi8(_mm_andnot_si128(wide, lead));
}

/* Of the sixteen bytes v, those beyond ASCII (high: their mask): whether
 * they are whole two-byte characters of one column each, led by C3..CB,
 * CE..D1 or D3..D5 (U+00C0..02FF, U+0380..047F, U+04C0..057F: Latin,
 * Greek, Cyrillic letters; no mark, no white space, no control), and the
 * mask of their second bytes in *cont: the characters are 16 less those. */
static inline bool narrow2_16(__m128i v, unsigned high, unsigned *cont) {
  unsigned lm = narrow2_masks(v, cont);
  /* each lead followed by one second byte, the last byte no lead */
  return (*cont | lm) == high && *cont == lm << 1;
}

/* Bits set in x (below 2^16 for kempt__pop16): with the processor's
 * instruction in the functions built for it (hw). */
static inline __attribute__((always_inline)) unsigned pop_any(bool hw,
                                                              unsigned x) {
  return hw ? (unsigned)__builtin_popcount(x) : kempt__pop16(x);
}

/* tally_word() for the sixteen characters at p, or for those of them
 * before the first that it does not take (a control, '|', a character
 * beyond ASCII but the two-byte ones of narrow2_16(), or a lead byte
 * whose second byte is not among them): returns how many bytes it took,
 * 0 when it took none. */
static inline __attribute__((always_inline)) unsigned
tally16_any(struct tally *t, const char *p, bool hw) {
  __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
  __m128i ok = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('|')),
                                _mm_cmpgt_epi8(v, _mm_set1_epi8(0x1F)));
  unsigned okm = (unsigned)_mm_movemask_epi8(ok), q = 16, pm = 0xFFFF;
  if (okm == 0xFFFF) {
    t->cols += 16;
  } else {
    unsigned cm, lm = narrow2_masks(v, &cm);
    q = (unsigned)__builtin_ctz(~(okm | cm | lm) | 0x10000u);
    if (q && (lm >> (q - 1) & 1))
      q--; /* its second byte is not taken */
    if (!q || (lm >> (q - 1) & 1))
      return 0; /* a lead before a lead */
    pm = (1u << q) - 1;
    cm &= pm;
    if (cm != ((lm << 1) & pm))
      return 0; /* a lead without its second byte, or the reverse */
    t->cols += q - pop_any(hw, cm);
  }
  unsigned sp =
      (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' '))) & pm;
  if (!sp) {
    t->spaces = 0;
    return q;
  }
  unsigned first = sp & ~(sp << 1); /* spaces after a byte that is not */
  if (t->spaces)                    /* the first byte goes on with a run */
    first &= ~1u;
  t->words += pop_any(hw, first);
  if ((sp & (sp >> 1) & (sp >> 2)) || (t->spaces >= 2 && (sp & 1)) ||
      (t->spaces >= 1 && (sp & 3) == 3))
    t->table = true; /* three spaces in a row */
  unsigned k = (unsigned)__builtin_clz(~(sp << (32 - q))); /* at the end */
  t->spaces = k == q ? t->spaces + q : k;
  return q;
}
static unsigned tally16(struct tally *t, const char *p) {
  return tally16_any(t, p, false);
}
#endif

#ifdef SCAN_AVX2
/* tally32()'s bytes, 32 of each, read as operands from memory rather
 * than built in a register at each use (as GCC does in AVX code). */
enum { T_BAR, T_LOW, T_CONT, T_LEAD_LO, T_LEAD_HI, T_CC, T_CD, T_D2, T_SP };
#define ROW32(x)                                                               \
  {                                                                            \
    x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, \
        x, x, x, x, x, x, x                                                    \
  }
static const unsigned char tally_bytes[9][32] __attribute__((aligned(32))) = {
    ROW32('|'),  ROW32(0x1F), ROW32(0xC0), ROW32(0xC2), ROW32(0xD6),
    ROW32(0xCC), ROW32(0xCD), ROW32(0xD2), ROW32(' ')};
#undef ROW32
typedef const unsigned char (*tbytes)[32];

/* tally16() of the 32 characters at p, with the same rules (k: the rows
 * of tally_bytes). */
__attribute__((target("avx2,popcnt"))) static inline unsigned
tally32(struct tally *t, const char *p, tbytes k) {
#define K(r) _mm256_load_si256((const __m256i *)(const void *)k[r])
  __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)p);
  __m256i ok = _mm256_andnot_si256(_mm256_cmpeq_epi8(v, K(T_BAR)),
                                   _mm256_cmpgt_epi8(v, K(T_LOW)));
  uint32_t okm = (uint32_t)_mm256_movemask_epi8(ok), pm = 0xFFFFFFFFu;
  unsigned q = 32;
  if (okm == 0xFFFFFFFFu) {
    t->cols += 32;
  } else {
    /* narrow2_masks(): the leads taken, and all second bytes */
    uint32_t cm = (uint32_t)_mm256_movemask_epi8(_mm256_cmpgt_epi8(K(T_CONT), v));
    __m256i lead = _mm256_and_si256(_mm256_cmpgt_epi8(v, K(T_LEAD_LO)),
                                    _mm256_cmpgt_epi8(K(T_LEAD_HI), v));
    __m256i wide = _mm256_or_si256(
        _mm256_or_si256(_mm256_cmpeq_epi8(v, K(T_CC)),
                        _mm256_cmpeq_epi8(v, K(T_CD))),
        _mm256_cmpeq_epi8(v, K(T_D2)));
    uint32_t lm = (uint32_t)_mm256_movemask_epi8(_mm256_andnot_si256(wide, lead));
    q = (unsigned)__builtin_ctzll(~(uint64_t)(okm | cm | lm));
    if (q && (lm >> (q - 1) & 1))
      q--; /* its second byte is not taken */
    if (!q || (lm >> (q - 1) & 1))
      return 0; /* a lead before a lead */
    pm = q == 32 ? 0xFFFFFFFFu : (1u << q) - 1;
    cm &= pm;
    if (cm != ((lm << 1) & pm))
      return 0; /* a lead without its second byte, or the reverse */
    t->cols += q - (unsigned)__builtin_popcount(cm);
  }
  uint32_t sp =
      (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, K(T_SP))) & pm;
#undef K
  if (!sp) {
    t->spaces = 0;
    return q;
  }
  uint32_t first = sp & ~(sp << 1); /* spaces after a byte that is not */
  if (t->spaces)                    /* the first byte goes on with a run */
    first &= ~1u;
  t->words += (unsigned)__builtin_popcount(first);
  if ((sp & (sp >> 1) & (sp >> 2)) || (t->spaces >= 2 && (sp & 1)) ||
      (t->spaces >= 1 && (sp & 3) == 3))
    t->table = true; /* three spaces in a row */
  unsigned e = (unsigned)__builtin_clzll(~((uint64_t)sp << (64 - q)));
  t->spaces = e == q ? t->spaces + q : e; /* the spaces at the end */
  return q;
}
#endif

/* The bytes of the run of characters at p[0..n) of two bytes but the
 * no-break space, or of three of U+0800..U+1FFF (Latin, Greek, Cyrillic,
 * Hebrew, Arabic, Indic scripts, Thai, Georgian, Vietnamese ...) or
 * U+2000..U+24FF (quotes, dashes, ellipsis, arrows, signs; not the box
 * drawing from U+2500 with its bar, whose rules cp_run() takes as runs):
 * no white space, no bar, not of a script without spaces, so that
 * tally_cp() counts just their columns; and their columns in *cols. */
static inline size_t run_cols(struct unwrap *u, const char *p, size_t n,
                              uint32_t *cols) {
  const unsigned char *q = (const unsigned char *)p;
  size_t j = 0;
  uint32_t w = 0;
  while (n - j >= 2) { /* kempt__cp() reads the valid ones so */
    unsigned c0 = q[j], c1 = q[j + 1];
    if ((c1 & 0xC0) != 0x80)
      break;
    uint32_t cp;
    if (c0 >= 0xC2 && c0 < 0xE0) {
      cp = (c0 & 0x1Fu) << 6 | (c1 & 0x3Fu);
      if (cp == 0xA0)
        break;
      j += 2;
    } else if ((c0 == 0xE0 && c1 >= 0xA0) || c0 == 0xE1 ||
               (c0 == 0xE2 && c1 < 0x94)) {
      if (n - j < 3 || (q[j + 2] & 0xC0) != 0x80)
        break;
      cp = (c0 & 0x0Fu) << 12 | (c1 & 0x3Fu) << 6 | (q[j + 2] & 0x3Fu);
      j += 3;
    } else {
      break;
    }
    w += cols_of(u, (int32_t)cp);
  }
  *cols = w;
  return j;
}

/* Width, first word and table cells of the content p[0..n) (its letters
 * known):
 * words are the runs of white space plus one (a tab after a space run of
 * one or none counts again), a run of three spaces, a tab or two bars
 * make a table row. */
static inline __attribute__((always_inline)) void
measure_any(struct unwrap *u, const char *p, size_t n, struct line *l,
            bool wide) {
  struct tally t = {0, 0, 0, 0, false};
  size_t k;
  uint32_t w;
#ifdef SCAN_AVX2
  tbytes kb = tally_bytes;
  if (wide)
    __asm__("" : "+r"(kb)); /* not folded back into constants */
#else
  (void)wide;
#endif
  for (size_t i = 0, stop = 0; i < n;) {
#ifdef SCAN_SSE2
    if (i >= stop && n - i >= 16) {
      unsigned took, all = 16;
#ifdef SCAN_AVX2
      if (wide && n - i >= 32)
        took = tally32(&t, p + i, kb), all = 32;
      else
#endif
        took = wide ? tally16_any(&t, p + i, true) : tally16(&t, p + i);
      i += took;
      if (took == all)
        continue;
      if (took) { /* the character there one by one, then on */
        stop = i + 1;
        continue;
      }
    }
#endif
    if (i >= stop && n - i >= 8 && tally_word(&t, kempt__load_le64(p + i))) {
      i += 8;
      continue;
    }
    if (i >= stop) /* the next eight bytes one by one (a quote or a dash
                      alone: English text goes on in ASCII after it) */
      stop = i + ((unsigned char)p[i] == 0xE2 ? 1 : 8);
    unsigned char c = (unsigned char)p[i];
    if (c > ' ' && c < 0x80 && c != '|') {
      t.cols++;
      t.spaces = 0;
      i++;
    } else if (c == ' ') {
      t.cols++;
      t.words += ++t.spaces == 1;
      t.table = t.table || t.spaces >= 3;
      i++;
    } else if (c >= 0xC2 && c <= 0xE2 && (k = run_cols(u, p + i, n - i, &w))) {
      t.cols += w;
      t.spaces = 0;
      i += k;
    } else {
      int32_t cp;
      uint32_t count;
      i += cp_run(p + i, n - i, &cp, &count);
      uint32_t cols = cols_of(u, cp);
      tally_cp(&t, cp, cols);
      if (count > 1)
        tally_more(&t, cp, count - 1, cols);
    }
  }
  l->first = first_word(p, n);
  l->width = t.cols;
  l->words = t.words + 1;
  l->table = t.table || t.bars >= 2;
  l->rule = !l->alnum && t.cols >= 3;
}

/* kempt__cp_lower(cp) || kempt__cp_caseless(cp), with one look-up of the
 * category beyond ASCII. */
static bool lower_or_caseless(int32_t cp) {
  if (cp < 0x80)
    return cp >= 'a' && cp <= 'z';
  if (kempt__cp_symbol(cp))
    return false;
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_LL || c == UTF8PROC_CATEGORY_LO;
}

/* Case of the first letter, sentence end (or a brace, as code lines
 * end), final hyphen. */
static void classify(const char *p, size_t n, struct line *l) {
  /* most lines start and end with ASCII that is no quote or bracket:
   * kempt__first_cp() and kempt__ends_sentence() at a glance */
  unsigned char c = (unsigned char)p[0], z = (unsigned char)p[n - 1];
  int32_t cp = c < 0x80 && c != '"' && c != '\'' && c != '(' && c != '['
                   ? (int32_t)c
                   : kempt__first_cp(p, n),
          before;
  l->lower = lower_or_caseless(cp);
  bool stop = z < 0x80 && z != '"' && z != '\'' && z != ')' && z != ']'
                  ? z == '.' || z == '!' || z == '?' || z == ':' || z == ';'
                  : kempt__ends_sentence(p, n);
  l->stop = stop || z == '{' || z == '}';
  l->clause = l->stop || z == ',' || z == ';' || z == ':';
  if (n >= 2 && p[n - 1] == '-') {
    kempt__cp_last(p, n - 1, &before);
    l->hyphen = kempt__cp_alnum(before);
  }
}

/* Past the spaces at t[i..e): the indentation of most indented lines. */
static inline size_t past_spaces(const char *t, size_t i, size_t e) {
#ifdef SCAN_SSE2
  const __m128i sp = _mm_set1_epi8(' ');
  for (; e - i >= 16; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
    unsigned other =
        (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, sp)) ^ 0xFFFFu;
    if (other)
      return i + (unsigned)__builtin_ctz(other);
  }
#endif
  while (e - i >= 8 && kempt__load_le64(t + i) == ' ' * ONES)
    i += 8;
  while (i < e && t[i] == ' ')
    i++;
  return i;
}

/* The bytes white space at a line's start may begin with (bit 1: space,
 * tab, the lead of a no-break space) and at its end may end with (bit 2:
 * space, tab, the end of a no-break space). */
#define WS_START 1u
#define WS_END 2u
static const uint8_t ws_edge[256] = {['\t'] = WS_START | WS_END,
                                     [' '] = WS_START | WS_END,
                                     [0xC2] = WS_START,
                                     [0xA0] = WS_END};

/* The bounds of the line t[s..e) into l (its content, indentation): false
 * when it is blank. The rest of l is zero until analyse(). */
ALWAYS_INLINE bool parse_line(const char *t, size_t s, size_t e,
                              struct line *l) {
  size_t i = s;
  uint32_t col = 0;
  unsigned char c = i < e ? (unsigned char)t[i] : 0;
  if (ws_edge[c] & WS_START) { /* most lines start otherwise */
    i = past_spaces(t, s, e);
    col = (uint32_t)(i - s);
    /* then tabs and no-break spaces among spaces, if any (seldom) */
    for (; i < e && (ws_edge[(unsigned char)t[i]] & WS_START); i++) {
      if (t[i] == ' ')
        col++;
      else if (t[i] == '\t')
        col = (col / 8 + 1) * 8;
      else if (e - i >= 2 && (unsigned char)t[i + 1] == 0xA0)
        col++, i++;
      else
        break;
    }
  }
  size_t j = e;
  while (j > i && (ws_edge[(unsigned char)t[j - 1]] & WS_END)) {
    if (t[j - 1] == ' ' || t[j - 1] == '\t')
      j--;
    else if (j - i >= 2 && (unsigned char)t[j - 2] == 0xC2)
      j -= 2;
    else
      break;
  }
  if (j == i)
    return false;
  memset(l, 0, sizeof *l);
  l->start = i;
  l->end = j;
  l->indent = col;
  return true;
}

/* The list marker and letters of the line l of text t: enough to tell
 * most breaks that cannot be joined. */
static void prepare(const char *t, struct line *l) {
  const char *p = t + l->start;
  size_t n = l->end - l->start;
  int32_t cp;
  size_t k = kempt__cp(p, n, &cp);
  l->marker = marker_cols(p, n, cp, k);
  l->dash = l->marker && (cp == 0x2013 || cp == 0x2014);
  l->alnum = kempt__cp_alnum(cp) || has_alnum(p + k, n - k);
}

static void prepare_lines(const char *t, struct line *L, size_t nl) {
  for (size_t i = 0; i < nl; i++)
    prepare(t, &L[i]);
}

/* Measure and classify the prepared lines of text t (wide: in
 * analyse_lines_avx2()). */
static inline __attribute__((always_inline)) void
analyse_lines_any(struct unwrap *u, const char *t, struct line *L, size_t nl,
                  bool wide) {
  for (size_t i = 0; i < nl; i++) {
    struct line *l = &L[i];
    measure_any(u, t + l->start, l->end - l->start, l, wide);
    l->total = l->indent + l->width;
    classify(t + l->start, l->end - l->start, l);
  }
}

#ifdef SCAN_AVX2
__attribute__((noinline, target("avx2,popcnt"))) static void
analyse_lines_avx2(struct unwrap *u, const char *t, struct line *L,
                   size_t nl) {
  analyse_lines_any(u, t, L, nl, true);
}
#endif

static void analyse_lines(struct unwrap *u, const char *t, struct line *L,
                          size_t nl) {
#ifdef SCAN_AVX2
  if (u->avx2) {
    analyse_lines_avx2(u, t, L, nl);
    return;
  }
#endif
  analyse_lines_any(u, t, L, nl, false);
}

/* Split a block into non-blank lines (their bounds only): their number,
 * or SIZE_MAX when there are more than MAX_LINES. first: where its first
 * '\n' is, if known (NULL: not yet looked for). */
static size_t parse_lines_at(struct line *L, const char *t, size_t n,
                             const char *first) {
  size_t nl = 0, i = 0;
  while (i < n) {
    const char *e = first ? first : memchr(t + i, '\n', n - i);
    size_t end = e ? (size_t)(e - t) : n;
    first = NULL;
    if (nl == MAX_LINES)
      return SIZE_MAX;
    if (parse_line(t, i, end, &L[nl]))
      nl++;
    i = end + 1;
  }
  return nl;
}

/* parse_lines_at() of a block of nlines lines whose '\n' are at
 * ends[0..nlines - 1) (from the splitter). */
static size_t parse_lines_ends(struct line *L, const char *t, size_t n,
                               const uint32_t *ends, size_t nlines) {
  size_t nl = 0, i = 0;
  for (size_t k = 0; k < nlines; k++) {
    size_t end = k + 1 < nlines ? ends[k] : n;
    if (nl == MAX_LINES)
      return SIZE_MAX;
    if (parse_line(t, i, end, &L[nl]))
      nl++;
    i = end + 1;
  }
  return nl;
}

static size_t parse_lines(struct line *L, const char *t, size_t n) {
  return parse_lines_at(L, t, n, NULL);
}

/* Columns of the content p[0..n), as measure() counts them. */
static uint32_t content_cols(struct unwrap *u, const char *p, size_t n) {
  uint32_t cols = 0;
  size_t i = 0;
  while (i < n) {
    uint64_t w;
    uint32_t w32;
    size_t k;
    unsigned char c = (unsigned char)p[i];
#ifdef SCAN_SSE2
    if (n - i >= 16) { /* sixteen bytes without a tab, ASCII or narrow2_16() */
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
      unsigned high = (unsigned)_mm_movemask_epi8(v), cont;
      if (!_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))) &&
          (!high || narrow2_16(v, high, &cont))) {
        cols += high ? 16 - kempt__pop16(cont) : 16;
        i += 16;
        continue;
      }
    }
#endif
    if (n - i >= 8) { /* eight ASCII characters, no tab among them */
      memcpy(&w, p + i, 8);
      if (!(w & HIGHS) && (((w ^ 9 * ONES) + 0x7F * ONES) & HIGHS) == HIGHS) {
        cols += 8;
        i += 8;
        continue;
      }
    }
    if (c < 0x80) {
      cols += p[i++] == '\t' ? 8 - cols % 8 : 1;
      continue;
    }
    if (c >= 0xC2 && c <= 0xE2 && (k = run_cols(u, p + i, n - i, &w32))) {
      cols += w32; /* Latin, Greek, Cyrillic ... by the columns cached */
      i += k;
      continue;
    }
    int32_t cp;
    uint32_t count;
    i += cp_run(p + i, n - i, &cp, &count);
    cols += count * cp_cols(cp);
  }
  return cols;
}

/* The widest line of a block in columns, or best if that is wider
 * (without tabs a line has no more columns than bytes). Lines of fewer
 * than LONG_LINE / 4 bytes are not counted. The width is compared only
 * with lines of LONG_LINE columns or more (see cut_line()), so without
 * tabs lines of fewer bytes are not measured either: a width below
 * LONG_LINE may come out smaller for it, and changes nothing. */
static uint32_t widest_line(struct unwrap *u, const char *t, size_t n,
                            uint32_t best) {
  if (n < LONG_LINE / 4)
    return best; /* no line of it is looked at: most blocks */
  bool tabs = memchr(t, '\t', n) != NULL;
  if (!tabs && n < LONG_LINE)
    return best; /* no line of LONG_LINE columns */
  size_t least = tabs ? LONG_LINE / 4 : LONG_LINE;
  struct line l;
  for (size_t i = 0; i < n;) {
    const char *e = memchr(t + i, '\n', n - i);
    size_t end = e ? (size_t)(e - t) : n;
    if (end - i >= least && (tabs || end - i > best) &&
        parse_line(t, i, end, &l)) {
      uint32_t total = l.indent + content_cols(u, t + l.start, l.end - l.start);
      best = total > best ? total : best;
    }
    i = end + 1;
  }
  return best;
}

/* Bring doc_width up to the held blocks; it is wanted only for lines of
 * LONG_LINE columns. */
static uint32_t doc_width(struct unwrap *u) {
  for (; u->nwidth < u->nheld; u->nwidth++) {
    const struct held *h = &u->held[u->nwidth];
    if (h->len)
      u->doc_width =
          widest_line(u, u->text.data + h->pos, h->len, u->doc_width);
  }
  return u->doc_width;
}

/* ---- deciding ------------------------------------------------------------ */

struct plan {
  uint32_t width; /* W: the block's widest line */
  bool wrapped;   /* the block is hard-wrapped prose */
  bool strong;    /* ... and shows it on its own */
  bool uniform;   /* its lines but the last are nearly full */
};

/* Whether the break between a and b may be a wrap at all; a_head: a
 * starts a logical line. */
static bool joinable(const struct line *a, const struct line *b, bool a_head) {
  if (b->marker || a->table || b->table || a->rule || b->rule || !a->alnum ||
      !b->alnum)
    return false;
  if (!a_head)
    return b->indent == a->indent;
  if (a->marker)
    return b->indent == a->indent + a->marker ||
           (a->dash && b->indent == a->indent);
  return b->indent <= a->indent;
}

/* Whether the break between prepared lines a and b may be joinable
 * (whether a starts a logical line or not). */
static bool may_join(const struct line *a, const struct line *b) {
  return !b->marker && a->alnum && b->alnum &&
         (b->indent <= a->indent ||
          (a->marker && b->indent == a->indent + a->marker));
}

/* How many breaks between the prepared lines may be joinable. */
static size_t may_joins(const struct line *L, size_t nl) {
  size_t n = 0;
  for (size_t i = 0; i + 1 < nl; i++)
    n += may_join(&L[i], &L[i + 1]);
  return n;
}

/* Whether t[0..n) has a tab; *known: the answer, or -1 to look for it
 * (and keep it there). */
static bool has_tab(const char *t, size_t n, int8_t *known) {
  if (*known < 0)
    *known = memchr(t, '\t', n) != NULL;
  return *known;
}

/* Whether a line of the block t[0..n) but the last may have LONG_LINE
 * columns (without tabs a line has no more columns than bytes); tabs:
 * see has_tab(). */
static bool may_be_long(const char *t, size_t n, const struct line *L,
                        size_t nl, int8_t tabs) {
  for (size_t i = 0; i + 1 < nl; i++) /* (the lines first: no call) */
    if (L[i].indent + (L[i].end - L[i].start) >= LONG_LINE)
      return true;
  return has_tab(t, n, &tabs);
}

/* Whether the next line's first word would have passed width w on a. */
static bool full(const struct line *a, const struct line *b, uint32_t w) {
  return a->total + 1 + b->first > w;
}

/* The same with some slack: wrappers that balance lines (fmt, par) break
 * a little before the width. */
static bool nearly_full(const struct line *a, const struct line *b,
                        uint32_t w) {
  return full(a, b, w - w / SLACK);
}

/* The evidence over a block's joinable line breaks. */
struct evidence {
  uint32_t breaks, full, lower, stop, words, clause;
};

static void gather(const struct line *L, size_t nl, uint32_t w,
                   struct evidence *ev) {
  memset(ev, 0, sizeof *ev);
  bool head = true;
  for (size_t i = 0; i + 1 < nl; i++) {
    bool ok = joinable(&L[i], &L[i + 1], head);
    head = !ok;
    if (!ok)
      continue;
    ev->breaks++;
    ev->full += nearly_full(&L[i], &L[i + 1], w);
    ev->lower += L[i + 1].lower;
    ev->stop += L[i].stop;
    ev->words += L[i].words;
    ev->clause += L[i].clause;
  }
}

/* Verse: STRONG_BREAKS breaks or more, each after the end of a clause
 * ("und fragt nicht, wer sie sind und was sie wollen;"); a wrapper's
 * breaks fall anywhere. */
static bool verse(const struct evidence *ev) {
  return ev->breaks >= STRONG_BREAKS && ev->clause == ev->breaks;
}

/* Prose-like breaks: next lines often start in lower case (or in a script
 * without case), few lines end a sentence, lines hold several words. */
static bool prose(const struct evidence *ev) {
  return ev->breaks && ev->lower && 3 * ev->lower >= ev->breaks &&
         2 * ev->stop <= ev->breaks && ev->words >= 4 * ev->breaks;
}

/* The same, weaker, for a block whose breaks all fall at the document's
 * wrap width: no sentence ends at all may stand for lower-case starts. */
static bool prose_at_width(const struct evidence *ev) {
  return ev->breaks && 2 * ev->stop <= ev->breaks &&
         ev->words >= 4 * ev->breaks &&
         (3 * ev->lower >= ev->breaks || !ev->stop);
}

/* Judge a block: hard-wrapped on its own evidence (strong: at least
 * STRONG_BREAKS joinable breaks, nearly all full), or, with less, when its
 * breaks all fall at the document's wrap width dw. A block is uniform
 * when all its lines but the last are nearly full words of text: a vote
 * for the document's wrap width, if it has two breaks at least (two-line
 * blocks are too often a caption and a credit, repeated). */
static void judge(const struct line *L, size_t nl, uint32_t dw,
                  struct plan *pl) {
  uint32_t w = 0;
  for (size_t i = 0; i < nl; i++)
    w = L[i].total > w ? L[i].total : w;
  struct evidence ev;
  gather(L, nl, w, &ev);
  pl->width = w;
  pl->strong = w >= MIN_WRAP && ev.breaks >= STRONG_BREAKS &&
               4 * ev.full >= 3 * ev.breaks && prose(&ev) && !verse(&ev);
  pl->uniform = w >= MIN_WRAP && ev.breaks >= 2 && ev.breaks + 1 == nl &&
                ev.full == ev.breaks && prose_at_width(&ev);
  pl->wrapped = pl->strong;
  if (pl->strong || dw < MIN_WRAP || w > dw + 2 || verse(&ev))
    return;
  gather(L, nl, dw, &ev);
  pl->wrapped = ev.full == ev.breaks && prose_at_width(&ev);
  pl->width = dw;
}

/* Whether a dumper cut line a at its line-length limit (about the
 * document's widest line dw): a is very long and b's first word would
 * have passed dw, and a is text (many words), not a table row. Neither
 * indentation nor a dash starting b counts then. */
static bool cut_line(struct unwrap *u, const struct line *a,
                     const struct line *b) {
  return a->total >= LONG_LINE && a->width >= LONG_LINE / 2 && a->words >= 16 &&
         b->alnum && !a->table && !b->table && full(a, b, doc_width(u));
}

/* Decide each line break of the block: sets L[i].joined. A list item's
 * continuation lines are joined in a block that is not hard-wrapped only
 * at the document's wrap width. */
static void decide(struct unwrap *u, struct line *L, size_t nl,
                   const struct plan *pl, uint32_t dw) {
  bool head = true, item = false;
  for (size_t i = 0; i + 1 < nl; i++) {
    struct line *a = &L[i];
    const struct line *b = &L[i + 1];
    if (head)
      item = a->marker != 0;
    bool ok = joinable(a, b, head);
    if (cut_line(u, a, b))
      a->joined = true;
    else if (!ok)
      a->joined = false;
    else if (pl->wrapped)
      a->joined = full(a, b, pl->width) || (b->lower && !a->stop) ||
                  (nearly_full(a, b, pl->width) && !a->stop);
    else
      a->joined = item && dw >= MIN_WRAP && a->total <= dw + 2 &&
                  nearly_full(a, b, dw) && (b->lower || !a->stop);
    head = !a->joined;
  }
  L[nl - 1].joined = false;
}

/* The document's wrap width: the widest of the WRAP_WINDOW widths that
 * most uniform blocks have (strong ones count STRONG_VOTES times), when
 * they are at least MIN_VOTES and a third of all the votes; else 0. */
static uint32_t doc_wrap(struct unwrap *u) {
  if (u->wrap_votes < MIN_VOTES) /* no window can have enough */
    return 0;
  if (u->wrap_known)
    return u->wrap_width;
  uint32_t best = 0, best_votes = 0, sum = 0;
  /* the widths outside [wrap_lo, wrap_hi] have no votes: neither a
   * window's sum nor a candidate there */
  uint32_t from = u->wrap_lo > MIN_WRAP ? u->wrap_lo : MIN_WRAP;
  for (uint32_t w = from; w <= u->wrap_hi; w++) {
    sum += u->wrap_hist[w];
    if (w >= MIN_WRAP + WRAP_WINDOW)
      sum -= u->wrap_hist[w - WRAP_WINDOW];
    if (u->wrap_hist[w] && sum >= best_votes) {
      best = w;
      best_votes = sum;
    }
  }
  u->wrap_known = true;
  u->wrap_width = 0;
  if (best_votes >= MIN_VOTES && 3 * best_votes >= u->wrap_votes)
    u->wrap_width = best;
  return u->wrap_width;
}

/* ---- writing ------------------------------------------------------------- */

/* Whether a text browser's link marker "[12]" starts at p: digits in
 * brackets right before a letter. Returns its length or 0. */
static size_t link_marker(const char *p, size_t n) {
  size_t i = 1;
  if (n < 4 || p[0] != '[')
    return 0;
  while (i < n && i <= 5 && p[i] >= '0' && p[i] <= '9')
    i++;
  if (i == 1 || i >= n - 1 || p[i] != ']')
    return 0;
  int32_t cp;
  kempt__cp(p + i + 1, n - i - 1, &cp);
  return kempt__cp_letter(cp) ? i + 1 : 0;
}

/* Append content t[s..e) to out without link markers. */
static enum kempt_status put_content(struct unwrap *u, const char *t, size_t s,
                                     size_t e, uint64_t off) {
  size_t from = s;
  enum kempt_status st = KEMPT_OK;
  for (size_t i = s; i < e && st == KEMPT_OK; i++) {
    const char *open = u->brackets ? memchr(t + i, '[', e - i) : NULL;
    if (!open)
      break;
    i = (size_t)(open - t);
    unsigned char prev = i == s ? ' ' : (unsigned char)t[i - 1];
    if (!(prev == ' ' || prev == '\t' || prev == '(' || prev == 0xA0))
      continue;
    size_t m = link_marker(t + i, e - i);
    if (!m)
      continue;
    st = kempt__buf_add(&u->out, t + from, i - from);
    kempt__change(u->env, "link-marker-removed", off + i, t + i, m, "", 0);
    from = i + m;
    i += m - 1;
  }
  return st == KEMPT_OK ? kempt__buf_add(&u->out, t + from, e - from) : st;
}

/* The separator between joined lines a and b: " ", nothing between
 * characters of scripts without spaces, or for a final hyphen (*hyphen
 * set) "-" or nothing. */
static const char *separator(struct unwrap *u, const char *t,
                             const struct line *a, const struct line *b,
                             const char **rule, bool *hyphen) {
  *rule = a->total >= LONG_LINE ? "long-line-joined" : "wrapped-line-joined";
  *hyphen = false;
  int32_t last, next = kempt__first_cp(t + b->start, b->end - b->start);
  kempt__cp_last(t + a->start, a->end - a->start, &last);
  if (nospace_script(last) && nospace_script(next))
    return "";
  if (!a->hyphen || !kempt__cp_alnum(next))
    return " ";
  *hyphen = true;
  size_t ls = a->end - 1, rlen;
  while (ls > a->start) {
    int32_t cp;
    size_t k = kempt__cp_last(t + a->start, ls - a->start, &cp);
    if (!kempt__cp_wordchar(cp))
      break;
    ls -= k;
  }
  *rule = "eol-hyphen-kept";
  size_t llen;
  know_wordchars(u);
  uint64_t h = hash_word(u, FNV_OFFSET, t + ls, a->end - 1 - ls, &llen);
  uint64_t joined = hash_word(u, h, t + b->start, b->end - b->start, &rlen);
  uint64_t comp = hash_word(u, mix(h, '-'), t + b->start, rlen, &rlen);
  if (!llen || !rlen || !b->lower)
    return "-";
  vocab_sync(u);
  if (!vocab_has(u, joined) || vocab_has(u, comp))
    return "-";
  *rule = "eol-hyphen-removed";
  return "";
}

/* Append the join of line a with the next line b. */
static enum kempt_status put_join(struct unwrap *u, const char *t,
                                  const struct line *a, const struct line *b,
                                  uint64_t off) {
  const char *rule;
  bool hyphen;
  const char *sep = separator(u, t, a, b, &rule, &hyphen);
  size_t cut = a->end - (hyphen ? 1 : 0);
  if (hyphen)
    u->out.len--; /* the hyphen already written */
  kempt__change(u->env, rule, off + cut, t + cut, b->start - cut, sep,
                strlen(sep));
  return kempt__buf_add(&u->out, sep, strlen(sep));
}

/* Append the logical line starting at line j (with its continuations);
 * returns the index of its last line in *last. */
static enum kempt_status put_logical(struct unwrap *u, const char *t,
                                     const struct line *L, size_t j,
                                     size_t *last, uint64_t off) {
  enum kempt_status st = put_content(u, t, L[j].start, L[j].end, off);
  while (st == KEMPT_OK && L[j].joined) {
    st = put_join(u, t, &L[j], &L[j + 1], off);
    j++;
    if (st == KEMPT_OK)
      st = put_content(u, t, L[j].start, L[j].end, off);
  }
  *last = j;
  return st;
}

static enum kempt_status put_spaces(struct kempt_buf *b, uint32_t n) {
  static const char spaces[] = "                                "
                               "                                ";
  const uint32_t most = sizeof spaces - 1;
  enum kempt_status st = KEMPT_OK;
  for (; n > most && st == KEMPT_OK; n -= most)
    st = kempt__buf_add(b, spaces, most);
  return st == KEMPT_OK ? kempt__buf_add(b, spaces, n) : st;
}

/* The end (exclusive) of the logical line starting at line j. */
static size_t logical_end(const struct line *L, size_t j) {
  while (L[j].joined)
    j++;
  return j + 1;
}

static enum kempt_status emit_out(struct unwrap *u, uint32_t flags,
                                  uint32_t nlines, uint64_t offset,
                                  const char *rule) {
  struct kempt_block b = {u->out.data, u->out.len, flags, nlines,
                          offset,      u->index++, rule};
  return kempt__emit_block(u->env, &b);
}

/* Write lines [from, to) of text t, none joined to the next, without
 * link markers, to out at once: with the indentation past common if
 * there are several; inds and lens: the sums of their indentations and
 * of their lengths. */
static enum kempt_status put_plain(struct unwrap *u, const char *t, size_t tn,
                                   const struct line *L, size_t from, size_t to,
                                   uint32_t common, size_t inds, size_t lens) {
  bool several = to - from > 1;
  size_t need =
      to - from - 1 + lens + (several ? inds - (to - from) * common : 0);
  /* 32 bytes more: short lines and indents are stored sixteen bytes at a
   * time (past what is written, within what is reserved) */
  enum kempt_status st = kempt__buf_reserve(&u->out, need + 32);
  if (st != KEMPT_OK)
    return st;
  char *o = u->out.data + u->out.len;
  for (size_t j = from; j < to; j++) {
    if (j > from)
      *o++ = '\n';
    size_t k = L[j].end - L[j].start;
    if (several && L[j].indent > common) { /* most lines have none */
      uint32_t ind = L[j].indent - common;
#ifdef SCAN_SSE2
      if (ind <= 16)
        _mm_storeu_si128((__m128i *)(void *)o, _mm_set1_epi8(' '));
      else
#endif
        memset(o, ' ', ind);
      o += ind;
    }
#ifdef SCAN_SSE2
    if (k <= 32 && tn - L[j].start >= 32) { /* a short line, not at the end */
      const __m128i *q = (const __m128i *)(const void *)(t + L[j].start);
      __m128i v0 = _mm_loadu_si128(q), v1 = _mm_loadu_si128(q + 1);
      _mm_storeu_si128((__m128i *)(void *)o, v0);
      _mm_storeu_si128((__m128i *)(void *)(o + 16), v1);
    } else
#endif
      memcpy(o, t + L[j].start, k);
    o += k;
  }
  u->out.len = (size_t)(o - u->out.data);
  return KEMPT_OK;
}

/* Whether lines [from, to) of a parsed block follow one another with a
 * single '\n' between them and no indentation: then the text from the
 * first one's start to the last one's end is what put_plain() writes. */
static bool contiguous(const struct line *L, size_t from, size_t to) {
  if (to - from > 1 && L[from].indent)
    return false;
  for (size_t j = from + 1; j < to; j++)
    if (L[j].start != L[j - 1].end + 1)
      return false;
  return true;
}

/* Write lines [from, to) (whole logical lines) as one block. */
static enum kempt_status put_group(struct unwrap *u,
                                   const struct kempt_block *b,
                                   const struct line *L, size_t from,
                                   size_t to) {
  uint32_t common = UINT32_MAX, nlog = 0, joined = 0;
  size_t ind = 0, len = 0; /* of the first lines of the logical lines */
  for (size_t j = from; j < to; j = logical_end(L, j)) {
    common = L[j].indent < common ? L[j].indent : common;
    nlog++;
    ind += L[j].indent;
    len += L[j].end - L[j].start;
  }
  kempt__buf_clear(&u->out);
  enum kempt_status st = KEMPT_OK;
  size_t first = L[from].start, end = L[to - 1].end;
  if (nlog == to - from &&
      (!u->brackets || !memchr(b->text + first, '[', end - first))) {
    if (contiguous(L, from, to)) { /* most groups: pass the text on as is */
      uint32_t flags = b->flags | (nlog > 1 ? KEMPT_BLOCK_LINES : 0);
      struct kempt_block c = {b->text + first,  end - first, flags,  nlog,
                              b->offset + first, u->index++, b->rule};
      return kempt__emit_block(u->env, &c);
    }
    st = put_plain(u, b->text, b->len, L, from, to, common, ind, len);
    to = from; /* done */
  }
  for (size_t j = from, last; j < to && st == KEMPT_OK; j = last + 1) {
    last = j; /* (when a write fails before put_logical) */
    if (j > from)
      st = kempt__buf_addc(&u->out, '\n');
    if (st == KEMPT_OK && nlog > 1)
      st = put_spaces(&u->out, L[j].indent - common);
    if (st == KEMPT_OK)
      st = put_logical(u, b->text, L, j, &last, b->offset);
    joined += last > j;
  }
  if (st != KEMPT_OK)
    return st;
  uint32_t flags = b->flags | (nlog > 1 ? KEMPT_BLOCK_LINES : 0) |
                   (joined ? KEMPT_BLOCK_JOINED : 0);
  return emit_out(u, flags, nlog, b->offset + L[from].start, b->rule);
}

#define PROSE_STOP_BYTES 60 /* a kept line this long that ends a sentence */
#define PROSE_LINE_BYTES 160 /* ... or this long: prose */
#define PROSE_LINES 3        /* prose lines that make a block of paragraphs */
#define DUMP_LINES 12        /* ... in a block of so many lines at least (a
                                text's own block of lines is shorter: steps
                                of a recipe, a stanza, an address) */

#define FIELD_BYTES 80 /* a line "Label: value" of a box of facts at most */
#define FIELD_WORDS 3  /* words of its label at most */

/* The bytes of a dash between spaces at p[0..n) ("--", an en or em dash)
 * followed by a space, or 0. */
static size_t spaced_dash(const char *p, size_t n) {
  size_t d = 0;
  if (n >= 2 && p[0] == '-' && p[1] == '-')
    d = 2;
  else if (n >= 3 && (unsigned char)p[0] == 0xE2 &&
           (unsigned char)p[1] == 0x80 &&
           ((unsigned char)p[2] == 0x93 || (unsigned char)p[2] == 0x94))
    d = 3;
  return d && d < n && p[d] == ' ' ? d : 0;
}

static size_t label_bytes(const char *p, size_t n);

/* The bytes of the label of a short line that opens with a label of a
 * few words and a colon or a spaced dash ("Weight: 210 g", "Monday: 7.15am,
 * 3pm", "June 9 -- Tampa"), or 0. */
static size_t field_label(const char *p, size_t n) {
  return n > FIELD_BYTES ? 0 : label_bytes(p, n);
}

/* field_label() of a line of any length. */
static size_t label_bytes(const char *p, size_t n) {
  size_t words = 1;
  for (size_t i = 0; i + 2 <= n && words <= FIELD_WORDS; i++) {
    if (p[i] == ':')
      return i && p[i + 1] == ' ' && !kempt__is_space((unsigned char)p[i - 1])
                 ? i
                 : 0;
    if (p[i] == ' ') {
      if (i && spaced_dash(p + i + 1, n - i - 1))
        return i;
      words++;
    }
  }
  return 0;
}

/* A line of a box of facts: "Label: value" (see field_label()). */
static bool field_line(const char *p, size_t n) {
  return field_label(p, n) != 0;
}

#define CREDIT_BYTES 120 /* a line that credits a post at most */

/* Whether p[0..n) credits the post or quotation above it with its author
 * and date, as embedded posts end: "— Name (@handle) May 2, 2019" (an em
 * dash or a bar, a space, and a year at the end; a dash that opens a line
 * of dialogue or a list item has no year after it). */
static bool credit_line(const char *p, size_t n) {
  int32_t cp = -1;
  size_t k = kempt__cp(p, n, &cp);
  if (n > CREDIT_BYTES || (cp != 0x2014 && cp != 0x2015) || n < k + 6 ||
      p[k] != ' ')
    return false;
  for (size_t i = n - 4; i < n; i++)
    if (p[i] < '0' || p[i] > '9')
      return false;
  return !kempt__cp_alnum((unsigned char)p[n - 5]); /* "2019", not "12019" */
}

#define TURN_SPAN 3 /* lines between two turns of one speaker at most */

/* Whether line j of the nl lines L of text t is a turn of a dialogue or an
 * interview ("Q: ...", "A: ...", "Anna: ..."): a label whose line is no
 * fact of a box but a paragraph, since the same label opens another line
 * a few lines away (the labels of a box of facts differ). */
static bool turn_line(const char *t, const struct line *L, size_t nl,
                      size_t j) {
  const char *p = t + L[j].start;
  size_t k = field_label(p, L[j].end - L[j].start);
  if (!k)
    return false;
  size_t from = j > TURN_SPAN ? j - TURN_SPAN : 0;
  size_t to = nl - j > TURN_SPAN ? j + TURN_SPAN + 1 : nl;
  for (size_t i = from; i < to; i++) {
    const char *q = t + L[i].start;
    size_t m = L[i].end - L[i].start;
    if (i != j && m > k && !memcmp(p, q, k + 1) &&
        field_label(q, m) == k)
      return true;
  }
  return false;
}

/* The words of the trimmed line p[0..n), or 0 when it has columns: a tab,
 * a run of three spaces or more, or two runs of two (a single double space
 * is a slip of the typist, not a table). */
static size_t spaced_words(const char *p, size_t n) {
  size_t words = 1, doubles = 0;
  for (const char *q = memchr(p, ' ', n); q;
       q = memchr(q, ' ', (size_t)(p + n - q))) {
    if (++q < p + n && *q == ' ') {
      if (++q < p + n && *q == ' ')
        return 0;
      if (++doubles == 2)
        return 0;
    }
    words++;
  }
  return memchr(p, '\t', n) ? 0 : words;
}

#define PROSE_WORDS 8 /* words of a prose line at least (in a script
                         written with spaces) */

/* A line of prose in a block that is not hard-wrapped: long, words with
 * single spaces between them (no table's columns), and no list item (a
 * list's items stay together, however long). */
static bool prose_line(const char *t, const struct line *l) {
  const char *p = t + l->start;
  size_t n = l->end - l->start;
  if (n < PROSE_STOP_BYTES || enumerator(p, n))
    return false;
  if (n < PROSE_LINE_BYTES && !kempt__ends_sentence(p, n))
    return false;
  int32_t cp = kempt__first_cp(p, n);
  size_t words = is_bullet(cp) ? 0 : spaced_words(p, n);
  return words &&
         (words >= PROSE_WORDS || nospace_script(cp) || phrase_script(cp));
}

/* A list item that may have a body of indented lines: opened by a number
 * or a bullet other than a dash (a dash opens a line of dialogue or an
 * attribution, the text under it is not its body). */
static bool item_line(const char *t, const struct line *l) {
  const char *p = t + l->start;
  size_t n = l->end - l->start;
  int32_t cp = kempt__first_cp(p, n);
  return enumerator(p, n) || (is_bullet(cp) && cp != 0x2013 && cp != 0x2014);
}

/* A line of a list, a table or a box of facts, kept with the lines of the
 * same kind next to it: a bullet or a number opens it, or a label and a
 * colon, or it has columns, or it is indented: under the list item item
 * (its body), or when it is no prose line (a page laid out with
 * indentation dumps its paragraphs indented, each a line of prose). */
static bool list_line(const char *t, const struct line *l,
                      const struct line *item) {
  const char *p = t + l->start;
  size_t n = l->end - l->start;
  if (!n)
    return false;
  if (enumerator(p, n) || is_bullet(kempt__first_cp(p, n)) ||
      field_line(p, n) || !spaced_words(p, n))
    return true;
  return l->indent && ((item && l->indent > item->indent) || !prose_line(t, l));
}

#define DUMP_PROSE 5 /* packed prose lines that show a dump at least */
#define DUMP_RATIO 2 /* ... and more than so many times the solo ones */
#define DUMP_SPACING 6 /* lines per block at least (a page with blank
                          lines has a block every few lines) */

/* Count the prose lines of block t[0..n) for dumped(), alone in it or
 * several in it (one among other lines tells nothing). */
static void tally_block(struct unwrap *u, const char *t, size_t n) {
  uint32_t lines = 0, prose = 0;
  for (size_t s = 0, e; s < n; s = e + 1) {
    const char *nlc = memchr(t + s, '\n', n - s);
    e = nlc ? (size_t)(nlc - t) : n;
    struct line l;
    if (parse_line(t, s, e, &l)) {
      lines++;
      prose += prose_line(t, &l);
    }
  }
  if (lines == 1)
    u->solo += prose;
  else if (prose >= 2)
    u->packed += prose;
}

/* Count the prose of the held blocks not yet counted: once a document
 * asks (most never do), and then as its blocks come. */
static void tally_sync(struct unwrap *u) {
  for (; u->ntallied < u->nheld; u->ntallied++) {
    const struct held *h = &u->held[u->ntallied];
    if (h->len && !(h->flags & KEMPT_BLOCK_REMOVED))
      tally_block(u, u->text.data + h->pos, h->len);
  }
}

/* Whether the document is dumped one paragraph per line without blank
 * lines: two thirds of its prose lines come several to a block (in a
 * page with blank lines most come one to a block), its blocks are long
 * (a page's list or recipe steps between blank lines are a short block
 * of prose lines), and it is not hard-wrapped (the last lines of wrapped
 * paragraphs look like prose). */
static bool dumped(struct unwrap *u) {
  if (u->seen_lines < DUMP_SPACING * (uint64_t)u->seen_blocks ||
      doc_wrap(u) >= MIN_WRAP)
    return false; /* (most documents: their prose is not read) */
  tally_sync(u);
  return u->packed >= DUMP_PROSE && u->packed > DUMP_RATIO * u->solo;
}

/* The prose lines among the nl lines L of text t, counted up to most. */
static size_t prose_lines(const char *t, const struct line *L, size_t nl,
                          size_t most) {
  size_t prose = 0;
  for (size_t j = 0; j < nl && prose < most; j = logical_end(L, j))
    prose += prose_line(t, &L[j]);
  return prose;
}

/* Whether a block that is not hard-wrapped holds paragraphs one to a line:
 * on its own evidence, DUMP_LINES lines or more of which PROSE_LINES are
 * prose; or in a dumped() document, a prose line (a short block there is
 * paragraphs between a page's few blank lines, not a text's own lines). */
static bool dump_block(struct unwrap *u, const char *t, const struct line *L,
                       size_t nl) {
  if (nl < DUMP_LINES)
    return dumped(u) && prose_lines(t, L, nl, 1);
  size_t prose = prose_lines(t, L, nl, PROSE_LINES);
  return prose >= PROSE_LINES || (prose && dumped(u));
}

/* Whether line b of text t is the tail of the sentence line a was cut in,
 * as a dumper that breaks lines at its limit or at a page's <br> leaves
 * it in a dump: a ends a long line of prose in a word or a comma, b starts
 * with a lower-case letter (a caseless script tells nothing) and, short,
 * ends the sentence (a long line after it may be a paragraph of its own
 * the page began in lower case). */
static bool cut_tail(const char *t, const struct line *a,
                     const struct line *b) {
  const char *p = t + b->start, *q = t + a->start;
  size_t n = b->end - b->start, m = a->end - a->start;
  int32_t last = -1;
  if (m < PROSE_LINE_BYTES || n >= PROSE_LINE_BYTES ||
      !kempt__ends_sentence(p, n) || !kempt__cp_lower(kempt__first_cp(p, n)))
    return false;
  kempt__cp_last(q, m, &last);
  return (last == ',' || kempt__cp_alnum(last)) && prose_line(t, a) &&
         !enumerator(p, n) && !field_line(p, n);
}

/* Whether line l of text t is a row of a box of facts or a list of dates
 * too long for field_line() ("June 23 – Virginia Beach, VA @ Veterans
 * United Home Loans Amphitheater") in a list after a labelled row: a
 * label, no prose, at most twice as long as a row. */
static bool long_row(const char *t, const struct line *l,
                     const struct line *above) {
  const char *p = t + l->start;
  size_t n = l->end - l->start;
  return n <= 2 * FIELD_BYTES && label_bytes(p, n) &&
         label_bytes(t + above->start, above->end - above->start) &&
         !prose_line(t, l);
}

/* Whether line l of text t is a paragraph of its own among the lines of
 * a list (a turn of a dialogue is checked apart). */
static bool lone_line(const char *t, const struct line *l) {
  return credit_line(t + l->start, l->end - l->start);
}

/* The end of the paragraph that starts at line j of the nl lines L of a
 * dumped block of text t: a line, or the lines of a list or a table, or a
 * line and the tail of its sentence, joined to it. *turn: whether the line
 * before j is a turn of a dialogue, updated. */
static size_t dump_paragraph_end(const char *t, struct line *L, size_t nl,
                                 size_t j, bool *turn) {
  size_t end = logical_end(L, j);
  /* the next speaker's line after a turn is a turn too */
  *turn = *turn ? field_line(t + L[j].start, L[j].end - L[j].start)
                : turn_line(t, L, nl, j);
  if (*turn || lone_line(t, &L[j]))
    return end;
  if (list_line(t, &L[j], NULL)) {
    const struct line *item = item_line(t, &L[j]) ? &L[j] : NULL;
    while (end < nl &&
           (list_line(t, &L[end], item) || long_row(t, &L[end], &L[end - 1])) &&
           !turn_line(t, L, nl, end) && !lone_line(t, &L[end])) {
      item = item_line(t, &L[end]) ? &L[end] : item;
      end = logical_end(L, end);
    }
    return end;
  }
  while (end < nl && cut_tail(t, &L[end - 1], &L[end])) {
    L[end - 1].joined = true; /* one line again */
    end = logical_end(L, end);
  }
  return end;
}

/* Write the lines of a block that is not hard-wrapped: one block, or when
 * it holds paragraphs one to a line (dump_block()), a block for each line
 * but the lines of a list or a table, which stay together. Text dumped one
 * paragraph per line without blank lines (a WET record, many scrapers'
 * text) has its paragraphs so. */
static enum kempt_status put_kept_lines(struct unwrap *u,
                                        const struct kempt_block *b,
                                        struct line *L, size_t nl) {
  if (!dump_block(u, b->text, L, nl))
    return put_group(u, b, L, 0, nl);
  enum kempt_status st = KEMPT_OK;
  struct kempt_block c = *b; /* (the lines after the first: split) */
  bool turn = false; /* line j - 1 is a turn of a dialogue */
  for (size_t j = 0, end; j < nl && st == KEMPT_OK; j = end) {
    end = dump_paragraph_end(b->text, L, nl, j, &turn);
    st = put_group(u, &c, L, j, end);
    c.flags = b->flags | KEMPT_BLOCK_SPLIT;
  }
  return st;
}

/* A paragraph of its own inside a hard-wrapped block? */
static bool own_paragraph(const struct line *L, size_t j) {
  return (!L[j].marker || L[j].dash) && (L[j].joined || L[j].stop);
}

/* Write the block's lines as decided: a hard-wrapped block becomes one
 * block per paragraph (lines that are not paragraphs stay together),
 * another block stays one block. */
static enum kempt_status put_lines(struct unwrap *u,
                                   const struct kempt_block *b,
                                   struct line *L, size_t nl,
                                   bool wrapped) {
  if (!wrapped)
    return put_kept_lines(u, b, L, nl);
  enum kempt_status st = KEMPT_OK;
  size_t j = 0;
  while (j < nl && st == KEMPT_OK) {
    size_t end = logical_end(L, j);
    if (!own_paragraph(L, j))
      while (end < nl && !own_paragraph(L, end))
        end = logical_end(L, end);
    st = put_group(u, b, L, j, end);
    j = end;
  }
  return st;
}

/* ---- references of text browsers --------------------------------------- */

static bool is_url(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (kempt__is_space((unsigned char)p[i]))
      return false;
  for (size_t i = 0; i + 3 <= n; i++)
    if (memcmp(p + i, "://", 3) == 0)
      return i > 0;
  return (n > 7 && memcmp(p, "mailto:", 7) == 0) ||
         (n > 11 && memcmp(p, "javascript:", 11) == 0);
}

static bool text_is(const char *p, size_t n, const char *s) {
  return n == strlen(s) && memcmp(p, s, n) == 0;
}

/* A numbered link target ("12. http://..." or "[12] http://..."): 1; a
 * lynx section label ("Visible links:"): 0; anything else: -1. */
static int ref_line(const char *p, size_t n) {
  if (text_is(p, n, "Visible links:") || text_is(p, n, "Hidden links:") ||
      text_is(p, n, "Visible links"))
    return 0;
  size_t i = p[0] == '[' ? 1 : 0, d = i;
  while (i < n && p[i] >= '0' && p[i] <= '9')
    i++;
  if (i == d || i >= n || p[i] != (d ? ']' : '.'))
    return -1;
  i++;
  size_t k, s = i;
  while ((k = kempt__hspace(p + i, n - i)) != 0)
    i += k;
  return i > s && is_url(p + i, n - i) ? 1 : -1;
}

/* Whether the block is a list of link targets (or a lynx label). */
static bool ref_list(const char *t, size_t n, bool label_ok) {
  size_t i = 0, urls = 0;
  struct line l;
  while (i < n) {
    const char *e = memchr(t + i, '\n', n - i);
    size_t end = e ? (size_t)(e - t) : n;
    if (parse_line(t, i, end, &l)) {
      int r = ref_line(t + l.start, l.end - l.start);
      if (r < 0)
        return false;
      urls += (size_t)r;
    }
    i = end + 1;
  }
  return urls > 0 || label_ok;
}

static bool refs_heading_rest(const char *t, size_t n);

static inline bool refs_heading(const char *t, size_t n) {
  unsigned char z = n ? (unsigned char)t[n - 1] : 0;
  if (z != 's' && z != ':' && z != ' ' && z != '\t' && z != 0xA0)
    return false; /* most blocks: at a glance */
  return refs_heading_rest(t, n);
}

static bool refs_heading_rest(const char *t, size_t n) {
  size_t e = n;
  while (e && (t[e - 1] == ' ' || t[e - 1] == '\t' ||
               (unsigned char)t[e - 1] == 0xA0))
    e--;
  if (e < 10 || (t[e - 1] != 's' && t[e - 1] != ':'))
    return false; /* a quick look at its end first */
  /* the heading would end there (what follows is white space) */
  if (t[e - 1] == 's' ? memcmp(t + e - 10, "References", 10) != 0
                      : e < 11 || memcmp(t + e - 11, "References:", 11) != 0)
    return false;
  struct line l;
  if (memchr(t, '\n', n) || !parse_line(t, 0, n, &l))
    return false;
  return text_is(t + l.start, l.end - l.start, "References") ||
         text_is(t + l.start, l.end - l.start, "References:");
}

/* Whether block b belongs to a references list (next: the held block
 * after it, or NULL); follows the list across blocks. */
static bool in_references(struct unwrap *u, const struct kempt_block *b,
                          const struct held *next) {
  if (u->in_refs && ref_list(b->text, b->len, true))
    return true;
  u->in_refs = next && refs_heading(b->text, b->len) &&
               ref_list(u->text.data + next->pos, next->len, false);
  return u->in_refs;
}

/* ---- blocks -------------------------------------------------------------- */

/* Write a block of one line: its content as it is, unless it has a link
 * marker to remove. */
static enum kempt_status put_one(struct unwrap *u, const struct kempt_block *b,
                                 const struct line *l) {
  const char *p = b->text + l->start;
  size_t n = l->end - l->start;
  if (u->brackets && memchr(p, '[', n))
    return put_group(u, b, l, 0, 1);
  struct kempt_block c = {p,          n,      b->flags, 1, b->offset + l->start,
                          u->index++, b->rule};
  return kempt__emit_block(u->env, &c);
}

/* Write a block of kept lines with the given extra flags. */
static enum kempt_status put_kept(struct unwrap *u, const struct kempt_block *b,
                                  struct line *L, size_t nl, uint32_t flags) {
  for (size_t i = 0; i < nl; i++)
    L[i].joined = false;
  struct kempt_block c = *b;
  c.flags |= flags;
  return put_group(u, &c, L, 0, nl);
}

/* Pass a block on as it came (removed, or too many lines). */
static enum kempt_status pass(struct unwrap *u, const struct kempt_block *b) {
  struct kempt_block c = *b;
  c.index = u->index++;
  return kempt__emit_block(u->env, &c);
}

static bool starts_lower_rest(const char *t, const struct line *l,
                              unsigned char c);

/* Whether line l of text t starts in lower case (or without case), as
 * classify() sets l->lower: at once for most lines, which start with ASCII. */
static inline bool starts_lower(const char *t, const struct line *l) {
  unsigned char c = (unsigned char)t[l->start]; /* the content is not empty */
  if (c < 0x80 && c != '"' && c != '\'' && c != '(' && c != '[')
    return c >= 'a' && c <= 'z'; /* ASCII has no caseless letters */
  if (c == 0xE2 && l->end - l->start >= 3) { /* bullets, boxes, stars */
    unsigned c1 = (unsigned char)t[l->start + 1],
             c2 = (unsigned char)t[l->start + 2];
    /* U+21C0..2BFF (or a bad byte), U+2020..203F but the opener U+2039 */
    if ((c1 >= 0x87 && c1 <= 0xAF) ||
        (c1 == 0x80 && c2 >= 0xA0 && c2 <= 0xBF && c2 != 0xB9))
      return false;
  }
  return starts_lower_rest(t, l, c);
}

/* starts_lower() past its first test (c: the first byte). */
static bool starts_lower_rest(const char *t, const struct line *l,
                              unsigned char c) {
  if (c == 0xE2 && l->end - l->start >= 3) {
    unsigned c1 = (unsigned char)t[l->start + 1],
             c2 = (unsigned char)t[l->start + 2];
    uint32_t u = 0x2000u | (c1 & 0x3Fu) << 6 | (c2 & 0x3Fu);
    if ((c1 & 0xC0) == 0x80 && (c2 & 0xC0) == 0x80 && u != 0x201C &&
        u != 0x2018 && u != 0x201E && u != 0x2039 &&
        (u < 0x2070 || (u >= 0x2190 && u < 0x2C00)))
      return false; /* punctuation, arrows, shapes, boxes: no letters */
  }
  return lower_or_caseless(kempt__first_cp(t + l->start, l->end - l->start));
}

/* Whether a block of prepared lines (joins of its breaks may be
 * joinable) may be hard-wrapped on its own evidence, see judge(): its
 * joinable breaks are STRONG_BREAKS at least, and a lower-case next line
 * is among them. */
static bool may_be_strong(const char *t, const struct line *L, size_t nl,
                          size_t joins) {
  if (joins < STRONG_BREAKS)
    return false;
  for (size_t i = 0; i + 1 < nl; i++)
    if (may_join(&L[i], &L[i + 1]) && starts_lower(t, &L[i + 1]))
      return true;
  return false;
}

/* The bytes of p[0..n) below 0x80. */
static size_t ascii_bytes(const char *p, size_t n) {
  size_t a = 0, i = 0;
#ifdef SCAN_SSE2
  for (; n - i >= 16; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
    a += 16 - kempt__pop16((unsigned)_mm_movemask_epi8(v));
  }
#endif
  for (; n - i >= 8; i += 8) {
    uint64_t high = (kempt__load_le64(p + i) & HIGHS) >> 7;
    a += 8 - (size_t)((high * ONES) >> 56);
  }
  for (; i < n; i++)
    a += (unsigned char)p[i] < 0x80;
  return a;
}

/* The bytes of p[0..n) that may stand for a word of measure(): white
 * space, a no-break space's second byte, the lead of a character of three
 * or four bytes (a script without spaces). */
static size_t word_marks(const char *p, size_t n) {
  size_t m = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    m += c == ' ' || c == '\t' || c == 0xA0 || c >= 0xE0;
  }
  return m;
}

/* Whether a block of lines without a tab may be uniform (see judge()),
 * by bounds of its lines' columns: at least the indentation and the ASCII
 * bytes, at most the indentation and all the bytes (a first word: up to
 * its first space), and of their words (at most one more than the white
 * space and characters of scripts without spaces in them). Menus and
 * lists of lines of a few words, unequal, are not. */
static bool may_be_uniform(const char *t, const struct line *L, size_t nl) {
  size_t s = L[0].start, e = L[nl - 1].end;
  if (memchr(t + s, '\t', e - s))
    return true; /* a tab has up to eight columns: no bounds */
  size_t least = 0;
  for (size_t j = 0; j < nl; j++) {
    size_t cols =
        L[j].indent + ascii_bytes(t + L[j].start, L[j].end - L[j].start);
    least = cols > least ? cols : least;
  }
  least -= least / SLACK; /* the nearly full width is at least this */
  for (size_t i = 0; i + 1 < nl; i++) {
    const char *b = t + L[i + 1].start;
    size_t bn = L[i + 1].end - L[i + 1].start;
    const char *sp = memchr(b, ' ', bn);
    size_t first = sp ? (size_t)(sp - b) : bn;
    if (L[i].indent + (L[i].end - L[i].start) + 1 + first <= least)
      return false; /* this break is not nearly full */
  }
  size_t words = 0;
  for (size_t i = 0; i + 1 < nl && words < 4 * (nl - 1); i++)
    words += 1 + word_marks(t + L[i].start, L[i].end - L[i].start);
  return words >= 4 * (nl - 1);
}

/* Whether the prepared lines of a block may give a vote (be strong or
 * uniform, see judge()), by what costs no measuring. A uniform block has
 * all its breaks joinable: the counts over all breaks (classify()) are
 * those judge() takes. */
static bool may_be_voter(const char *t, struct line *L, size_t nl) {
  size_t joins = may_joins(L, nl);
  uint32_t stop = 0, lower = 0, breaks = (uint32_t)(nl - 1);
  if (joins < 2)
    return false;
  if (may_be_strong(t, L, nl, joins))
    return true;
  if (joins != breaks)
    return false;
  for (size_t i = 0; i < nl; i++) {
    classify(t + L[i].start, L[i].end - L[i].start, &L[i]);
    lower += i > 0 && L[i].lower;
    stop += i + 1 < nl && L[i].stop;
  }
  return 2 * stop <= breaks && (3 * lower >= breaks || !stop) &&
         may_be_uniform(t, L, nl);
}

/* Whether a line of text t after the first starts in lower case (or
 * without case): without one a block cannot be hard-wrapped on its own
 * evidence (see may_be_strong()), and its lines need no preparing. */
static bool lower_next(const char *t, const struct line *L, size_t nl) {
  for (size_t i = 1; i < nl; i++)
    if (starts_lower(t, &L[i]))
      return true;
  return false;
}

/* Whether a block of prepared lines none of which may have LONG_LINE
 * columns may be hard-wrapped or have a list item's lines joined: only
 * with a joinable break, and without the document's wrap width only when
 * it may be so on its own evidence (STRONG_BREAKS joinable breaks at
 * least); else decide() would join nothing, and it needs no analysis. */
static bool may_wrap(struct unwrap *u, const char *t, const struct line *L,
                     size_t nl) {
  size_t n = may_joins(L, nl);
  if (!n)
    return false;
  return doc_wrap(u) >= MIN_WRAP || may_be_strong(t, L, nl, n);
}

/* Unwrap one block and send the result on; next is the held block after
 * it, if known; brackets: whether b may hold a '[' (link markers). */
static enum kempt_status process(struct unwrap *u, const struct kempt_block *b,
                                 const struct held *next, const struct held *h,
                                 bool brackets) {
  u->brackets = brackets;
  if (b->flags & KEMPT_BLOCK_REMOVED)
    return pass(u, b);
  struct line *L = u->lines;
  enum cached read = h ? h->cached : NOT_CACHED;
  size_t nl;
  if (read == ONE_LINE) { /* no line break: no need to look for one */
    nl = parse_line(b->text, 0, b->len, L) ? 1 : 0;
    read = NOT_CACHED;
  } else if (read != NOT_CACHED) {
    L = u->cache + h->cache_at;
    nl = h->cache_n;
  } else {
    nl = parse_lines(L, b->text, b->len);
  }
  if (nl == SIZE_MAX || nl == 0 ||
      b->len > (u->out.cap - OUT_SLACK) / OUT_GROWTH)
    return pass(u, b);
  if (in_references(u, b, next)) {
    kempt__change(u->env, "references-list", b->offset, b->text, b->len,
                  b->text, b->len);
    return put_kept(u, b, L, nl, KEMPT_BLOCK_REFS);
  }
  if (nl == 1)
    return put_one(u, b, L);
  bool may_long = may_be_long(b->text, b->len, L, nl, h ? h->tabs : -1);
  if (!may_long && !lower_next(b->text, L, nl) && doc_wrap(u) < MIN_WRAP)
    return put_kept_lines(u, b, L, nl); /* may_wrap() is false: no join */
  if (read < PREPARED)
    prepare_lines(b->text, L, nl);
  if (!may_long && !may_wrap(u, b->text, L, nl))
    return put_kept_lines(u, b, L, nl); /* no line is joined */
  if (read != ANALYSED)
    analyse_lines(u, b->text, L, nl);
  struct plan pl;
  uint32_t dw = doc_wrap(u);
  judge(L, nl, dw, &pl);
  decide(u, L, nl, &pl, dw);
  return put_lines(u, b, L, nl, pl.wrapped);
}

/* process() of a block of one line (no line break in it) without a '[',
 * at once where it is passed on as put_one() does: kept, not blank, not
 * in nor at the head of a references list. False (nothing done) for the
 * others, which process() takes. */
static inline bool one_line(struct unwrap *u, const struct kempt_block *b,
                            enum kempt_status *st) {
  struct line l;
  if ((b->flags & KEMPT_BLOCK_REMOVED) || u->in_refs ||
      !parse_line(b->text, 0, b->len, &l) ||
      b->len > (u->out.cap - OUT_SLACK) / OUT_GROWTH ||
      refs_heading(b->text, b->len))
    return false;
  u->brackets = false;
  struct kempt_block c = {b->text + l.start,   l.end - l.start, b->flags, 1,
                          b->offset + l.start, u->index++,      b->rule};
  *st = kempt__emit_block(u->env, &c);
  return true;
}

/* ---- holding the document ----------------------------------------------- */

static struct kempt_block held_block(const struct unwrap *u, size_t i) {
  const struct held *h = &u->held[i];
  const char *text = u->text.data ? u->text.data + h->pos : "";
  struct kempt_block b = {text,      h->len, h->flags, h->nlines,
                          h->offset, 0,      h->rule};
  return b;
}

/* Forget the cached lines of blocks no longer held. */
static void drop_cached(struct unwrap *u) {
  size_t i = 0;
  while (i < u->nheld && u->held[i].cached < PARSED) /* no lines kept */
    i++;
  size_t cut = i < u->nheld ? u->held[i].cache_at : u->ncache;
  if (cut)
    memmove(u->cache, u->cache + cut, (u->ncache - cut) * sizeof *u->cache);
  u->ncache -= cut;
  for (; i < u->nheld; i++)
    if (u->held[i].cached >= PARSED)
      u->held[i].cache_at -= cut;
}

/* Process and emit the first n held blocks, and forget them. */
static enum kempt_status flush(struct unwrap *u, size_t n) {
  enum kempt_status st = KEMPT_OK;
  /* the next '[' of the held text (link markers are rare): one look for
   * it per block that holds one, not one per block */
  size_t bracket = 0, from = 0;
  for (size_t i = 0; i < n && st == KEMPT_OK; i++) {
    struct kempt_block b = held_block(u, i);
    const struct held *h = &u->held[i];
    if (bracket != SIZE_MAX && (i == 0 || bracket < h->pos) && h->len) {
      from = h->pos;
      const char *q = memchr(u->text.data + from, '[', u->text.len - from);
      bracket = q ? (size_t)(q - u->text.data) : SIZE_MAX;
    }
    bool brackets = bracket < h->pos + h->len;
    if (h->cached == ONE_LINE && !brackets && one_line(u, &b, &st))
      continue;
    st = process(u, &b, i + 1 < u->nheld ? &u->held[i + 1] : NULL, h, brackets);
  }
  size_t cut = n < u->nheld ? u->held[n].pos : u->text.len;
  if (cut)
    memmove(u->text.data, u->text.data + cut, u->text.len - cut);
  u->text.len -= cut;
  memmove(u->held, u->held + n, (u->nheld - n) * sizeof *u->held);
  u->nheld -= n;
  for (size_t i = 0; i < u->nheld; i++)
    u->held[i].pos -= cut;
  u->nscanned = u->nscanned > n ? u->nscanned - n : 0;
  u->ntallied = u->ntallied > n ? u->ntallied - n : 0;
  u->nwidth = u->nwidth > n ? u->nwidth - n : 0;
  drop_cached(u);
  return st;
}

/* Whether a block of len bytes has no room without a flush. */
static bool no_room(const struct unwrap *u, size_t len) {
  return len > HOLD_BYTES / 2 || u->nheld >= HOLD_BLOCKS ||
         u->text.len + len > HOLD_BYTES;
}

/* Make room for a block of len bytes (at most HOLD_BYTES / 2): flush the
 * oldest blocks until half the window is free, keeping the last one (a
 * look-ahead). */
static enum kempt_status make_room(struct unwrap *u, size_t len) {
  if (!no_room(u, len))
    return KEMPT_OK;
  size_t n = 0;
  while (n + 1 < u->nheld && (u->text.len - u->held[n].pos > HOLD_BYTES / 2 ||
                              u->nheld - n > HOLD_BLOCKS / 2))
    n++;
  return flush(u, n);
}

/* Whether the content p[0..n) surely starts with a list marker (see
 * marker_cols()): a bullet alone or before white space. Enumerators and
 * the rest are left to prepare(). */
static bool bullet_marker(const char *p, size_t n) {
  unsigned char c = (unsigned char)p[0];
  if (c != '-' && c != '*' && c != '+' && c != '>' && c != 0xC2 && c != 0xE2)
    return false; /* most lines, at a glance */
  int32_t cp;
  size_t m = kempt__cp(p, n, &cp);
  if (!is_bullet(cp))
    return false;
  if (m == n)
    return cp_cols(cp) != 0;
  return kempt__hspace(p + m, n - m) != 0;
}

/* Whether the parsed lines of text t may have two joinable breaks (see
 * may_joins()): a break is not joinable before a list item, and most
 * blocks of several lines are lists whose items start with bullets. */
static bool may_join_twice(const char *t, const struct line *L, size_t nl) {
  size_t open = 0;
  for (size_t i = 1; i < nl && open < 2; i++)
    open += !bullet_marker(t + L[i].start, L[i].end - L[i].start);
  return open >= 2;
}

/* Whether the parsed lines of block t[0..n) may be hard-wrapped on their
 * own evidence (or uniform): three at least, one of them MIN_WRAP columns
 * wide (without tabs a line has no more columns than bytes). */
static bool may_vote(const char *t, size_t n, const struct line *L, size_t nl,
                     int8_t *tabs) {
  if (nl < 3) /* fewer breaks give no vote */
    return false;
  for (size_t i = 0; i < nl; i++)
    if (L[i].indent + (L[i].end - L[i].start) >= MIN_WRAP)
      return true;
  return has_tab(t, n, tabs);
}

/* The vote of the analysed lines of a block for the document's wrap
 * width, if it is hard-wrapped on its own evidence or uniform. */
static void vote(struct unwrap *u, const struct line *L, size_t nl) {
  struct plan pl;
  judge(L, nl, 0, &pl);
  if (!pl.uniform && !pl.strong)
    return;
  uint32_t votes = pl.strong ? STRONG_VOTES : 1;
  if (pl.width < WRAP_HIST) {
    u->wrap_hist[pl.width] += votes;
    u->wrap_lo = pl.width < u->wrap_lo ? pl.width : u->wrap_lo;
    u->wrap_hi = pl.width > u->wrap_hi ? pl.width : u->wrap_hi;
  }
  u->wrap_votes += votes;
  u->wrap_known = false;
}

/* Learn from a block that arrives: its width when it is hard-wrapped on
 * its own evidence. (Its words are read when they are needed, see
 * vocab_sync().) */
__attribute__((noinline)) static void
learn_lines(struct unwrap *u, const struct kempt_block *b, struct held *h,
            const char *first, const uint32_t *ends);

static inline void learn(struct unwrap *u, const struct kempt_block *b,
                         struct held *h) {
  /* (a block of one line from the splitter has no '\n' to look for, and
   * one of several lines from it may come with where they end) */
  if (b->nlines == 1 && u->env->lines_exact) {
    h->cached = ONE_LINE;
    return;
  }
  const struct kempt_lines *lk = u->env->lines;
  if (lk && lk->text == b->text) {
    learn_lines(u, b, h, b->text + lk->ends[0], lk->ends);
    return;
  }
  const char *first = memchr(b->text, '\n', b->len);
  if (!first) {
    h->cached = ONE_LINE;
    return;
  }
  learn_lines(u, b, h, first, NULL);
}

/* learn() of a block whose first line break is at first (and the others
 * at ends, if known). */
__attribute__((noinline)) static void
learn_lines(struct unwrap *u, const struct kempt_block *b, struct held *h,
            const char *first, const uint32_t *ends) {
  /* read into the cache itself while it has room for any block's lines */
  bool direct = u->ncache + MAX_LINES <= CACHE_LINES;
  struct line *L = direct ? u->cache + u->ncache : u->lines;
  size_t nl = ends ? parse_lines_ends(L, b->text, b->len, ends, b->nlines)
                   : parse_lines_at(L, b->text, b->len, first);
  if (nl == SIZE_MAX || nl < 2)
    return;
  enum cached read = PARSED;
  if (may_vote(b->text, b->len, L, nl, &h->tabs) &&
      may_join_twice(b->text, L, nl)) {
    prepare_lines(b->text, L, nl);
    read = PREPARED;
    if (may_be_voter(b->text, L, nl)) {
      analyse_lines(u, b->text, L, nl);
      vote(u, L, nl);
      read = ANALYSED;
    }
  }
  if (u->ncache + nl <= CACHE_LINES) { /* keep them for process() */
    if (!direct)
      memcpy(u->cache + u->ncache, L, nl * sizeof *L);
    h->cache_at = u->ncache;
    h->cache_n = (uint32_t)nl;
    h->cached = read;
    u->ncache += nl;
  }
}

/* Before held blocks go: count them in the vocabulary and doc_width,
 * and the block b that comes in doc_width. */
static void sync_all(struct unwrap *u, const struct kempt_block *b) {
  vocab_sync(u);
  doc_width(u);
  u->doc_width = widest_line(u, b->text, b->len, u->doc_width);
}

ALWAYS_INLINE enum kempt_status
hold_block(struct unwrap *u, const struct kempt_block *b, bool counted);

/* A block that has no room in the window without a flush, or none at all:
 * out of line, unwrap_block() stays small for the others. */
__attribute__((noinline)) static enum kempt_status
unwrap_block_full(struct unwrap *u, const struct kempt_block *b) {
  sync_all(u, b);
  if (b->len > HOLD_BYTES / 2) { /* too big to hold: no look-ahead */
    enum kempt_status s = flush(u, u->nheld);
    return s == KEMPT_OK ? process(u, b, NULL, NULL, true) : s;
  }
  enum kempt_status s = make_room(u, b->len);
  if (s != KEMPT_OK)
    return s;
  return hold_block(u, b, true);
}

static enum kempt_status unwrap_block(void *st, const struct kempt_block *b) {
  struct unwrap *u = st;
  if (no_room(u, b->len))
    return unwrap_block_full(u, b);
  return hold_block(u, b, false);
}

/* Hold block b (there is room for it); counted: doc_width has counted the
 * blocks held before it and it. */
ALWAYS_INLINE enum kempt_status
hold_block(struct unwrap *u, const struct kempt_block *b, bool counted) {
  enum kempt_status s;
  size_t pos = u->text.len;
  s = kempt__buf_add(&u->text, b->text, b->len);
  if (s != KEMPT_OK)
    return s;
  struct held *h = &u->held[u->nheld++];
  h->pos = pos;
  h->len = b->len;
  h->flags = b->flags;
  h->nlines = b->nlines;
  h->offset = b->offset;
  h->rule = b->rule;
  h->cache_at = 0;
  h->cache_n = 0;
  h->cached = NOT_CACHED;
  h->tabs = -1;
  if (counted)
    u->nwidth = u->nheld;
  if (!(b->flags & KEMPT_BLOCK_REMOVED)) {
    learn(u, b, h);
    u->seen_blocks++;
    u->seen_lines += b->nlines;
  }
  return KEMPT_OK;
}

static void unwrap_reset(void *st) {
  struct unwrap *u = st;
  kempt__buf_clear(&u->text);
  u->nheld = 0;
  u->nscanned = 0;
  u->nwidth = 0;
  u->ncache = 0;
  vocab_clear(u);
  u->index = 0;
  u->doc_width = 0;
  u->in_refs = false;
  u->ntallied = 0;
  u->solo = 0;
  u->packed = 0;
  u->seen_blocks = 0;
  u->seen_lines = 0;
  if (u->wrap_lo <= u->wrap_hi) /* only [wrap_lo, wrap_hi] holds votes */
    memset(u->wrap_hist + u->wrap_lo, 0,
           (u->wrap_hi - u->wrap_lo + 1) * sizeof *u->wrap_hist);
  u->wrap_lo = WRAP_HIST;
  u->wrap_hi = 0;
  u->wrap_votes = 0;
  u->wrap_known = false;
}

static enum kempt_status unwrap_finish(void *st) {
  struct unwrap *u = st;
  enum kempt_status s = flush(u, u->nheld);
  unwrap_reset(u);
  return s;
}

static enum kempt_status unwrap_init(void *st, const struct kempt_env *env) {
  struct unwrap *u = st;
  u->env = env;
  kempt__buf_init(&u->text, env->alloc, HOLD_BYTES);
  uint64_t max_block = kempt__opt_int(env->cfg, "max-block", 1u << 20);
  if (max_block < HOLD_BYTES)
    max_block = HOLD_BYTES;
  if (max_block > SIZE_MAX / OUT_GROWTH - OUT_SLACK)
    max_block = SIZE_MAX / OUT_GROWTH - OUT_SLACK;
  kempt__buf_init(&u->out, env->alloc,
                  OUT_GROWTH * (size_t)max_block + OUT_SLACK);
  u->held = kempt__malloc(env->alloc, HOLD_BLOCKS * sizeof *u->held);
  u->vocab = kempt__malloc(env->alloc, VOCAB_SLOTS * sizeof *u->vocab);
  u->used = kempt__malloc(env->alloc, VOCAB_MAX * sizeof *u->used);
  u->lines = kempt__malloc(env->alloc, MAX_LINES * sizeof *u->lines);
  u->cache = kempt__malloc(env->alloc, CACHE_LINES * sizeof *u->cache);
  if (!u->held || !u->vocab || !u->used || !u->lines || !u->cache)
    return KEMPT_ERR_NOMEM;
  u->wrap_lo = WRAP_HIST; /* no votes yet */
#ifdef SCAN_AVX2
  u->avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt");
#endif
  return KEMPT_OK;
}

static void unwrap_fini(void *st) {
  struct unwrap *u = st;
  kempt__buf_free(&u->text);
  kempt__buf_free(&u->out);
  kempt__free(u->env->alloc, u->held);
  kempt__free(u->env->alloc, u->vocab);
  kempt__free(u->env->alloc, u->used);
  kempt__free(u->env->alloc, u->lines);
  kempt__free(u->env->alloc, u->cache);
}

const struct kempt_stage_ops kempt__unwrap_ops = {
    {"unwrap",
     "join hard-wrapped lines into paragraphs, undo end-of-line hyphens, "
     "keep the lines of lists, verse and tables",
     1},
    true,
    true,
    sizeof(struct unwrap),
    NULL,
    unwrap_init,
    NULL,
    unwrap_block,
    unwrap_finish,
    unwrap_reset,
    unwrap_fini};

kempt_stage *kempt_unwrap_new(const kempt_config *cfg,
                              const struct kempt_sink *sink,
                              enum kempt_status *err) {
  return kempt_stage_new("unwrap", cfg, sink, err);
}
