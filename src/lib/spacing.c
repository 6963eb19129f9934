/* spacing.c - the spacing stage: white space and punctuation spacing.
 *
 * A block stage. Each block goes through up to four passes, each of which
 * copies the text and changes only what clear evidence supports:
 *
 *   space     runs of spaces and tabs inside a line become one space, and
 *             lines are trimmed (a block whose line structure is content,
 *             KEMPT_BLOCK_LINES, and a list of link targets keep their
 *             indentation and inner runs);
 *   punct     a space before , . ; : ! ? and inside ( ) [ ] { } goes,
 *             unless the language puts one there (French: : ; ! ?), the
 *             language is unknown (: ; ! ? stay), or it is an ellipsis,
 *             an emoticon, code or symmetric spacing in code or maths;
 *   sentence  a missing space after a sentence end is added ("March.Prices")
 *             when a lower-case-ending word of two letters or more meets a
 *             capitalised lower-case word, outside URLs, e-mail addresses,
 *             numbers, initials, file names and code; in a script that
 *             starts no sentence with a capital (Malayalam, Arabic,
 *             Georgian) when two words of two letters or more meet and
 *             the block ends other sentences with a stop and a space;
 *   quotes    a mis-directed curly quote is turned the right way when the
 *             paragraph's language and its other quotes make it clear
 *             (“ closing after a word, ‘ inside "can‘t").
 *
 * The language is that of the block's function words (lang.h), or when the
 * block is too short to tell, that of the document's first blocks (a 2 KB
 * sample), or the one named by the option spacing-lang; it is guessed only
 * when a rule asks for it. One scan (32 bytes at a time with AVX2, else
 * 16) finds the pairs of bytes some pass could act on, and a closer look
 * at those (the pass's own first test: a stop needs a lower-case letter
 * before it and a capital after it, a space before punctuation a
 * character before it) tells which passes: a block with none is passed
 * on as it is, one whose only change is white space at its edges is
 * passed on trimmed (no copy), and a pass that could change nothing is
 * skipped (the text is scanned again after each pass that ran). The
 * passes themselves copy whole stretches between the
 * places the same scanner finds. Every look-around is bounded, so any block
 * costs linear time. Changes are reported with their rule; the offset of a
 * change found by a later pass is its place in the block as the earlier
 * passes left it.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "internal.h"
#include "kempt_spacing.h"
#include "lang.h"
#include "wordlist.h"

#include <utf8proc.h>

#define DOC_HEAD 2048     /* bytes of a document kept as its language sample */
#define BLOCK_SAMPLE 4096 /* bytes of a block its language is guessed from */
#define BRACKET_REACH 400 /* bytes searched for a matching bracket */
#define SHORT_BLOCK 8     /* words: fewer take the document's language */
#define TOKEN_REACH 256   /* bytes of a token looked at around a word */
#define MEMBER_REACH 2048 /* bytes searched for other uses of a name */

struct spacing {
  const struct kempt_env *env;
  struct kempt_buf a, b; /* pass buffers */
  char head[DOC_HEAD];   /* the document's first blocks, a sample */
  size_t nhead;
  size_t head_guessed; /* nhead when doc_lang was guessed */
  int doc_lang;        /* of head; -1 = not guessed yet */
  const char *blk;     /* the block being worked on */
  size_t blen;
  int lang;   /* of that block; -1 = not decided yet */
  int guill;  /* it has « or »; -1 = not looked yet */
  int caseless; /* it ends a sentence with ". " between letters without
                   case; -1 = not looked yet */
  int forced; /* language from the options, or -1 */
  bool warned;
};

/* One pass: input text, output buffer (room reserved), line context. */
struct pass {
  struct spacing *s;
  const char *in;
  size_t n;
  struct kempt_buf *out;
  uint64_t base;
  size_t lstart, lend; /* the line cached in lcode */
  bool lcode;          /* that line looks like code */
  unsigned quotes;     /* straight double quotes copied so far */
};

/* ---- characters ------------------------------------------------------ */

enum cclass { C_OTHER, C_LOWER, C_UPPER, C_LETTER, C_DIGIT, C_MARK };

static enum cclass cls(int32_t cp) {
  if (cp < 0x80) {
    if (cp >= 'a' && cp <= 'z')
      return C_LOWER;
    if (cp >= 'A' && cp <= 'Z')
      return C_UPPER;
    return cp >= '0' && cp <= '9' ? C_DIGIT : C_OTHER;
  }
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_LL:
    return C_LOWER;
  case UTF8PROC_CATEGORY_LU:
  case UTF8PROC_CATEGORY_LT:
    return C_UPPER;
  case UTF8PROC_CATEGORY_LM:
  case UTF8PROC_CATEGORY_LO:
    return C_LETTER;
  case UTF8PROC_CATEGORY_MN:
  case UTF8PROC_CATEGORY_MC:
  case UTF8PROC_CATEGORY_ME:
    return C_MARK;
  case UTF8PROC_CATEGORY_ND:
  case UTF8PROC_CATEGORY_NL:
  case UTF8PROC_CATEGORY_NO:
    return C_DIGIT;
  default:
    return C_OTHER;
  }
}

static bool is_letter(enum cclass c) {
  return c == C_LOWER || c == C_UPPER || c == C_LETTER || c == C_MARK;
}

/* The code point at p[i] (i < n); returns its length, at least 1. */
static size_t cp_at(const char *p, size_t n, size_t i, int32_t *cp) {
  unsigned char c = (unsigned char)p[i];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  return kempt__next_cp(p + i, n - i, cp);
}

/* The code point that ends just before p[i]; returns its length (0 and
 * cp = '\n' at the start). */
static size_t cp_before(const char *p, size_t i, int32_t *cp) {
  if (i == 0) {
    *cp = '\n';
    return 0;
  }
  size_t j = i - 1;
  while (j > 0 && i - j < 4 && ((unsigned char)p[j] & 0xC0) == 0x80)
    j--;
  size_t k = cp_at(p, i, j, cp);
  if (j + k != i) { /* not a whole sequence: the last byte alone */
    *cp = -1;
    return 1;
  }
  return k;
}

static bool is3(const char *p, size_t n, size_t i, unsigned char c3) {
  return i + 2 < n && (unsigned char)p[i] == 0xE2 &&
         (unsigned char)p[i + 1] == 0x80 && (unsigned char)p[i + 2] == c3;
}

#define LDQUO 0x9C  /* “ E2 80 9C */
#define RDQUO 0x9D  /* ” */
#define BDQUO 0x9E  /* „ */
#define LSQUO 0x98  /* ‘ */
#define RSQUO 0x99  /* ’ */
#define SBQUO 0x9A  /* ‚ */
#define HELLIP 0xA6 /* … */

/* Whether p[0..n) holds the bytes seq[0..k). */
static bool has_seq(const char *p, size_t n, const char *seq, size_t k) {
  for (const char *q = memchr(p, seq[0], n); q;
       q = memchr(q + 1, seq[0], n - (size_t)(q + 1 - p)))
    if ((size_t)(p + n - q) >= k && memcmp(q, seq, k) == 0)
      return true;
  return false;
}

/* Whether p[0..n) holds the three-byte punctuation E2 80 c3. */
static bool has3(const char *p, size_t n, unsigned char c3) {
  const char seq[3] = {'\xE2', '\x80', (char)c3};
  return has_seq(p, n, seq, 3);
}

/* Whether p[0..n) holds « or ». */
static bool has_guillemet(const char *p, size_t n) {
  return has_seq(p, n, "\xC2\xAB", 2) || has_seq(p, n, "\xC2\xBB", 2);
}

/* ---- scanning ------------------------------------------------------- */

/* Every pass and the fast path look for a few kinds of byte (or pair of
 * bytes) in text that mostly has none: one scanner finds them, 16
 * positions at a time (SSE2 where the compiler has it, else a plain loop
 * over the same rule); the fast path's scan takes 32 at a time where the
 * CPU has AVX2 (scan_passes_avx2). Each set is a superset of the places
 * its user acts on; the user looks closer. */
enum hot_set {
  HOT_ANY,      /* pairs any pass may change (pair_passes looks closer) */
  HOT_LATER,    /* the same for the passes after the space pass */
  HOT_SPACE,    /* white space the space pass changes: a tab, a space
                   before white space, a newline before a space or tab */
  HOT_PUNCT,    /* a space before punctuation, an opener before a space */
  HOT_SENTENCE, /* . ! ? " and the lead byte 0xE2 */
  HOT_COUNT
};

#define HOT_WIDTH 16

/* The scanner is inlined into each of its users, so that the set is a
 * constant there and the mask has no switch left. */
#if defined(__GNUC__)
#define HOT_INLINE static inline __attribute__((always_inline))
#else
#define HOT_INLINE static inline
#endif

/* The byte after the text, for pairs at its end: the end of the text
 * acts as a line end for white space, as a letter elsewhere. */
static char hot_pad(enum hot_set set) { return set == HOT_SPACE ? '\n' : 'a'; }

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>

#define EQ(v, c) _mm_cmpeq_epi8(v, _mm_set1_epi8((char)(c)))
#define OR _mm_or_si128
#define AND _mm_and_si128
#define LE(v, k) _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8((char)(k))), v)

/* The positions k < 16 of p (p[0..17) readable) that are in set. */
HOT_INLINE unsigned hot_mask(const char *p, enum hot_set set) {
  __m128i x = _mm_loadu_si128((const __m128i *)p);
  __m128i y = _mm_loadu_si128((const __m128i *)(p + 1));
  __m128i xsp = EQ(x, ' '), c;
  switch (set) {
  case HOT_SPACE: {
    __m128i yh = OR(EQ(y, ' '), EQ(y, '\t'));
    c = OR(AND(xsp, OR(yh, EQ(y, '\n'))), AND(EQ(x, '\n'), yh));
    c = OR(c, EQ(x, '\t'));
    break;
  }
  case HOT_SENTENCE:
    c = OR(OR(EQ(x, '.'), EQ(x, '!')), OR(EQ(x, '?'), EQ(x, '"')));
    c = OR(c, EQ(x, 0xE2));
    break;
  default: { /* HOT_ANY, HOT_LATER, HOT_PUNCT */
    __m128i ysp = EQ(y, ' ');
    /* y from '!' to '?' (most punctuation), or ] } */
    __m128i ypun = OR(_mm_andnot_si128(LE(y, 0x20), LE(y, 0x3F)),
                      EQ(OR(y, _mm_set1_epi8(0x20)), '}'));
    __m128i open = OR(EQ(OR(x, _mm_set1_epi8(0x20)), '{'), EQ(x, '('));
    /* a space before punctuation, an opener before a space */
    c = OR(AND(xsp, ypun), AND(open, ysp));
    if (set == HOT_PUNCT)
      break;
    /* . ! ? before anything but white space, E2 80 */
    __m128i stop = OR(OR(EQ(x, '.'), EQ(x, '!')), EQ(x, '?'));
    c = OR(c, _mm_andnot_si128(OR(ysp, EQ(y, '\n')), stop));
    c = OR(c, AND(EQ(x, 0xE2), EQ(y, 0x80)));
    if (set == HOT_LATER)
      break;
    /* white space (or a control) before white space, a tab */
    c = OR(c, OR(AND(LE(x, 0x20), LE(y, 0x20)), EQ(x, '\t')));
    break;
  }
  }
  return (unsigned)_mm_movemask_epi8(c);
}
#undef EQ
#undef OR
#undef AND
#undef LE

static inline unsigned low_bit(unsigned m) { return (unsigned)__builtin_ctz(m); }

#else

/* The same rule as the SSE2 version, one pair at a time. */
static bool hot_pair(unsigned char x, unsigned char y, enum hot_set set) {
  bool xsp = x == ' ', yh = y == ' ' || y == '\t';
  switch (set) {
  case HOT_SPACE:
    return (xsp && (yh || y == '\n')) || (x == '\n' && yh) || x == '\t';
  case HOT_SENTENCE:
    return x == '.' || x == '!' || x == '?' || x == '"' || x == 0xE2;
  default: {
    bool ypun = (y > 0x20 && y <= 0x3F) || (y | 0x20) == '}';
    bool open = (x | 0x20) == '{' || x == '(';
    if ((xsp && ypun) || (open && y == ' '))
      return true;
    if (set == HOT_PUNCT)
      return false;
    bool stop = x == '.' || x == '!' || x == '?';
    if ((stop && y != ' ' && y != '\n') || (x == 0xE2 && y == 0x80))
      return true;
    return set == HOT_ANY && ((x <= 0x20 && y <= 0x20) || x == '\t');
  }
  }
}

static unsigned hot_mask(const char *p, enum hot_set set) {
  unsigned m = 0;
  for (unsigned k = 0; k < HOT_WIDTH; k++)
    if (hot_pair((unsigned char)p[k], (unsigned char)p[k + 1], set))
      m |= 1u << k;
  return m;
}

static unsigned low_bit(unsigned m) {
  unsigned k = 0;
  while (!(m & 1u)) {
    m >>= 1;
    k++;
  }
  return k;
}
#endif

/* A scan of p[0..n) for the places in a set, in order. */
struct scan {
  const char *p;
  size_t n, base; /* the window: positions base .. base + 16 */
  unsigned bits;  /* the places in it not yet returned */
  enum hot_set set;
};

/* Look at the window that starts at p[at]. */
HOT_INLINE void scan_load(struct scan *sc, size_t at) {
  size_t n = sc->n;
  sc->base = at;
  /* a pair needs its second byte, except white space at the end */
  size_t last = sc->set == HOT_SPACE || sc->set == HOT_SENTENCE ? 0 : 1;
  if (at + last >= n) {
    sc->bits = 0;
  } else if (at + HOT_WIDTH + 1 <= n) {
    sc->bits = hot_mask(sc->p + at, sc->set);
  } else { /* the last bytes, through a padded copy */
    char pad[HOT_WIDTH + 1];
    memset(pad, hot_pad(sc->set), sizeof pad);
    memcpy(pad, sc->p + at, n - at);
    sc->bits = hot_mask(pad, sc->set) & ((1u << (n - at - last)) - 1);
  }
}

HOT_INLINE void scan_init(struct scan *sc, const char *p, size_t n,
                          enum hot_set set) {
  sc->p = p;
  sc->n = n;
  sc->set = set;
  scan_load(sc, 0);
}

/* The next place at or after the last one returned (or given to
 * scan_from), or n when there is none. */
HOT_INLINE size_t scan_next(struct scan *sc) {
  while (sc->bits == 0) {
    size_t at = sc->base + HOT_WIDTH;
    if (at + HOT_WIDTH + 1 <= sc->n) { /* a whole window, the common case */
      sc->base = at;
      sc->bits = hot_mask(sc->p + at, sc->set);
      continue;
    }
    if (at >= sc->n)
      return sc->n;
    scan_load(sc, at); /* the last window */
    if (sc->bits == 0)
      return sc->n;
  }
  unsigned k = low_bit(sc->bits);
  sc->bits &= sc->bits - 1;
  return sc->base + k;
}

/* Go on from p[i] (i at or after the last place returned). */
HOT_INLINE void scan_from(struct scan *sc, size_t i) {
  if (i - sc->base < HOT_WIDTH)
    sc->bits &= ~0u << (i - sc->base);
  else
    scan_load(sc, i);
}

/* ---- output ----------------------------------------------------------- */

/* Room was reserved before the pass: these cannot fail. */
static void put(struct pass *ps, const char *p, size_t n) {
  struct kempt_buf *o = ps->out;
  memcpy(o->data + o->len, p, n);
  o->len += n;
}

static void putc1(struct pass *ps, char c) {
  ps->out->data[ps->out->len++] = c;
}

static void report(struct pass *ps, const char *rule, size_t at,
                   const char *before, size_t blen, const char *after,
                   size_t alen) {
  kempt__change(ps->s->env, rule, ps->base + at, before, blen, after, alen);
}

/* ---- language and context ------------------------------------------ */

/* The language of the document's first blocks (guessed when needed). */
static enum kempt_lang doc_lang(struct spacing *s) {
  if (s->doc_lang < 0 || s->head_guessed != s->nhead) {
    s->doc_lang = (int)kempt__lang_guess(s->head, s->nhead);
    s->head_guessed = s->nhead;
  }
  return (enum kempt_lang)s->doc_lang;
}

/* The block's language, or the document's when the block is too short to
 * tell. */
static enum kempt_lang lang_of(struct spacing *s) {
  if (s->forced >= 0)
    return (enum kempt_lang)s->forced;
  if (s->lang < 0) {
    struct kempt_lang_count c;
    memset(&c, 0, sizeof c);
    kempt__lang_add(&c, s->blk,
                    s->blen < BLOCK_SAMPLE ? s->blen : BLOCK_SAMPLE);
    enum kempt_lang l = kempt__lang_best(&c);
    if (l == KEMPT_LANG_NONE && c.words < SHORT_BLOCK)
      l = doc_lang(s);
    s->lang = (int)l;
  }
  return (enum kempt_lang)s->lang;
}

/* Keep the first blocks of a document as a sample of its language. */
static void doc_sample(struct spacing *s, const char *p, size_t n) {
  size_t room = DOC_HEAD - s->nhead;
  if (room < 2)
    return;
  if (n > room - 1)
    n = room - 1;
  memcpy(s->head + s->nhead, p, n);
  s->head[s->nhead + n] = '\n';
  s->nhead += n + 1;
}

/* Whether the block quotes with « » (French typography may be quoted in
 * a paragraph of another language). */
static bool guillemets(struct spacing *s) {
  if (s->guill < 0)
    s->guill = has_guillemet(s->blk, s->blen);
  return s->guill;
}

/* A line that looks like program code or markup: it holds one of
 *   {  }  ==  !=  &&  ||  =>  ->  ()  </  />  ::  +=  :=  #include  $(  ${
 *   #!/  "; then"  "; do"
 * or ends with ';' (trailing spaces aside). One pass over the line. */
static bool code_line(const char *p, size_t n) {
  /* for the first byte of a two-byte mark, the bytes that may follow it */
  static const char *const second[128] = {
      ['='] = "=>", ['!'] = "=", ['&'] = "&", ['|'] = "|", ['-'] = ">",
      ['('] = ")",  ['<'] = "/", ['/'] = ">", [':'] = ":=", ['+'] = "=",
      ['$'] = "({"};
  /* the bytes a mark may start with (most bytes of a line start none) */
  static const bool lead[256] = {['{'] = 1, ['}'] = 1, ['='] = 1, ['!'] = 1,
                                 ['&'] = 1, ['|'] = 1, ['-'] = 1, ['('] = 1,
                                 ['<'] = 1, ['/'] = 1, [':'] = 1, ['+'] = 1,
                                 ['$'] = 1, ['#'] = 1, [';'] = 1};
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if (!lead[c])
      continue;
    char d = i + 1 < n ? p[i + 1] : '\0';
    if (c == '{' || c == '}')
      return true;
    if (c < 128 && second[c] && d && strchr(second[c], d))
      return true;
    if (c == '#' && ((n - i >= 8 && memcmp(p + i, "#include", 8) == 0) ||
                     (n - i >= 3 && memcmp(p + i, "#!/", 3) == 0)))
      return true;
    if (c == ';' && ((n - i >= 6 && memcmp(p + i, "; then", 6) == 0) ||
                     (n - i >= 4 && memcmp(p + i, "; do", 4) == 0)))
      return true;
  }
  while (n && p[n - 1] == ' ')
    n--;
  return n && p[n - 1] == ';';
}

/* Whether the line holding in[i] looks like code (cached per line). */
static bool in_code(struct pass *ps, size_t i) {
  if (i < ps->lstart || i >= ps->lend) {
    size_t a = i, b = i;
    while (a > 0 && ps->in[a - 1] != '\n')
      a--;
    const char *nl = memchr(ps->in + i, '\n', ps->n - i);
    b = nl ? (size_t)(nl - ps->in) : ps->n;
    ps->lstart = a;
    ps->lend = b + 1;
    ps->lcode = code_line(ps->in + a, b - a);
  }
  return ps->lcode;
}

/* ---- pass 1: white space ------------------------------------------- */

static bool hspace(char c) { return c == ' ' || c == '\t'; }

/* The end of the run of spaces and tabs at p[i] (i <= n). */
static size_t skip_hspace(const char *p, size_t n, size_t i) {
#if defined(__SSE2__) && defined(__GNUC__)
  /* sixteen at a time: runs of indentation are long in scraped text */
  for (; n - i >= 16; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
    unsigned h = (unsigned)_mm_movemask_epi8(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')),
                     _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))));
    if (h != 0xFFFFu)
      return i + (unsigned)__builtin_ctz(~h);
  }
#else
  static const char spaces[8] = "        ";
  while (n - i >= 8 && memcmp(p + i, spaces, 8) == 0)
    i += 8;
#endif
  while (i < n && hspace(p[i]))
    i++;
  return i;
}

/* Kept lines (KEMPT_BLOCK_LINES, KEMPT_BLOCK_REFS) keep their indentation
 * and inner runs, and lose only the white space at their ends (a line of
 * white space alone stays). */
static void space_pass_keep(struct pass *ps) {
  const char *in = ps->in;
  size_t a = 0, n = ps->n;
  for (;;) {
    const char *nl = memchr(in + a, '\n', n - a);
    size_t b = nl ? (size_t)(nl - in) : n, t = b;
    while (t > a && hspace(in[t - 1]))
      t--;
    if (t == a) {
      put(ps, in + a, b - a);
    } else {
      put(ps, in + a, t - a);
      if (t < b)
        report(ps, "trim-space", t, in + t, b - t, "", 0);
    }
    if (!nl)
      break;
    putc1(ps, '\n');
    a = b + 1;
  }
}

/* Whether a line of p[0..n) ends with white space. */
static bool line_end_space(const char *p, size_t n) {
  if (n && hspace(p[n - 1]))
    return true;
  size_t i = 0;
#if defined(__SSE2__) && defined(__GNUC__)
  /* a space or tab before a newline, 16 pairs at a time; the last window
   * ends at the last pair */
  if (n >= 17) {
    for (size_t last = n - 17;; i = i + 16 < last ? i + 16 : last) {
      __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
      __m128i y = _mm_loadu_si128((const __m128i *)(const void *)(p + i + 1));
      __m128i h = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')),
                               _mm_cmpeq_epi8(x, _mm_set1_epi8('\t')));
      if (_mm_movemask_epi8(
              _mm_and_si128(h, _mm_cmpeq_epi8(y, _mm_set1_epi8('\n')))))
        return true;
      if (i == last)
        return false;
    }
  }
#endif
  for (; i + 1 < n; i++)
    if (p[i + 1] == '\n' && hspace(p[i]))
      return true;
  return false;
}

/* Trim each line and collapse inner runs: only the places the scanner
 * finds change; the text between them is copied whole. */
static void space_pass(struct pass *ps, bool keep) {
  if (keep) {
    space_pass_keep(ps);
    return;
  }
  const char *in = ps->in;
  size_t n = ps->n, i = skip_hspace(in, n, 0); /* in[..i) is done */
  if (i)
    report(ps, "trim-space", 0, in, i, "", 0);
  struct scan sc;
  scan_init(&sc, in, n, HOT_SPACE);
  scan_from(&sc, i);
  for (size_t h; (h = scan_next(&sc)) < n;) {
    put(ps, in + i, h - i);
    size_t j;
    if (in[h] == '\n') { /* a line that starts with white space */
      putc1(ps, '\n');
      j = skip_hspace(in, n, h + 1);
      report(ps, "trim-space", h + 1, in + h + 1, j - h - 1, "", 0);
    } else {
      j = skip_hspace(in, n, h);
      if (j == n || in[j] == '\n') {
        report(ps, "trim-space", h, in + h, j - h, "", 0);
      } else {
        if (j - h > 1 || in[h] != ' ')
          report(ps, "collapse-space", h, in + h, j - h, " ", 1);
        putc1(ps, ' ');
      }
    }
    i = j;
    scan_from(&sc, i);
  }
  put(ps, in + i, n - i);
}

/* ---- pass 2: space before punctuation, inside brackets ---------------- */

/* Whether the character before in[i] may carry punctuation directly: a
 * letter, digit, closing bracket or closing quote. */
static bool carries(const char *in, size_t i) {
  int32_t cp;
  cp_before(in, i, &cp);
  if (cp < 0)
    return false;
  if (cls(cp) != C_OTHER)
    return true;
  if (cp < 0x80)
    return cp != 0 && strchr(")]}\"'%", (int)cp) != NULL;
  return cp == 0x201D || cp == 0x2019 || cp == 0xBB;
}

/* Whether the punctuation before in[j] ends there: the end, a space or a
 * closing quote or bracket follows. */
static bool ends_here(const char *in, size_t n, size_t j) {
  if (j >= n)
    return true;
  char c = in[j];
  if (c == ' ' || c == '\n' || c == '"' || c == '\'' || c == ')' || c == ']')
    return true;
  return is3(in, n, j, RDQUO) || is3(in, n, j, RSQUO);
}

enum act { KEEP, DROP, MOVE, SENTENCE };

static bool sentence_ok(struct pass *ps, size_t e, size_t r);
static bool after_open_word(const char *in, size_t e);

static bool ascii_lower(char c) { return c >= 'a' && c <= 'z'; }

static enum act comma(struct pass *ps, size_t i) {
  const char *in = ps->in;
  size_t j = i + 2;
  if (ends_here(in, ps->n, j))
    return in_code(ps, i) ? KEEP : DROP;
  int32_t cp;
  cp_before(in, i, &cp);
  if (ascii_lower(in[j]) && cls(cp) == C_LOWER && !in_code(ps, i) &&
      lang_of(ps->s) != KEMPT_LANG_NONE)
    return MOVE; /* "tariffs ,while" */
  return KEEP;
}

static enum act period(struct pass *ps, size_t i) {
  const char *in = ps->in;
  size_t n = ps->n, j = i + 2;
  if (j < n && in[j] == '.')
    return KEEP; /* " .." */
  if (ends_here(in, n, j)) {
    if (j + 1 < n && in[j] == ' ' &&
        (in[j + 1] == '.' || ascii_lower(in[j + 1])))
      return KEEP; /* " . . .", or no sentence end: "git add . and" */
    return in_code(ps, i) || after_open_word(in, i) ? KEEP : DROP;
  }
  return sentence_ok(ps, i, j) ? SENTENCE : KEEP;
}

/* : ; ! ? take a space before them in French, and we keep it when the
 * language is not known. */
static enum act colon(struct pass *ps, size_t i) {
  const char *in = ps->in;
  size_t n = ps->n, j = i + 2;
  char c = in[i + 1];
  enum kempt_lang l = lang_of(ps->s);
  if (l == KEMPT_LANG_NONE || l == KEMPT_LANG_FR || in_code(ps, i) ||
      guillemets(ps->s))
    return KEEP;
  bool end = j >= n || in[j] == ' ' || in[j] == '\n' || in[j] == '"' ||
             is3(in, n, j, RDQUO);
  if (c == '!' || c == '?')
    end = end || ends_here(in, n, j) || in[j] == '!' || in[j] == '?';
  if (j + 1 < n && in[j] == ' ' && in[j + 1] == '-' && c == '!')
    return KEEP; /* a shell test, "test ! -d dir" */
  if (!end)
    return KEEP;
  if (c == ':' && (in[i - 1] >= '0' && in[i - 1] <= '9') && j + 1 < n &&
      in[j + 1] >= '0' && in[j + 1] <= '9')
    return KEEP; /* a score or ratio, "3 : 2" */
  return DROP;
}

/* Whether the token before the space at in[i] is a URL, an address, a
 * path or a file name: a space before the punctuation after one keeps the
 * punctuation out of it ("see http://example.com/a.htm ."). */
static bool url_before(const char *in, size_t i) {
  size_t a = i;
  while (a > 0 && in[a - 1] != ' ' && in[a - 1] != '\n')
    a--;
  for (size_t k = a; k < i; k++) {
    char c = in[k], d = k + 1 < i ? in[k + 1] : ' ';
    if (c == '/' || c == '@' || c == '\\')
      return true;
    bool alnum =
        (d >= '0' && d <= '9') || ((d | 0x20) >= 'a' && (d | 0x20) <= 'z');
    if (c == '.' && alnum)
      return true;
  }
  return false;
}

static enum act before_punct(struct pass *ps, size_t i) {
  if (!carries(ps->in, i) || url_before(ps->in, i))
    return KEEP;
  switch (ps->in[i + 1]) {
  case ',':
    return comma(ps, i);
  case '.':
    return period(ps, i);
  case ';':
  case ':':
  case '!':
  case '?':
    return colon(ps, i);
  default:
    return KEEP;
  }
}

static char closer_of(char open) {
  return open == '(' ? ')' : open == '[' ? ']' : '}';
}

/* A bracket that is part of an emoticon, ":)", ";-(", "=]". */
static bool emoticon(const char *in, size_t k) {
  if (k > 1 && in[k - 1] == '-')
    k--;
  return k > 0 && (in[k - 1] == ':' || in[k - 1] == ';' || in[k - 1] == '=');
}

/* The bracket that matches the one at in[i], within the line: back for
 * the opener of a closer (BRACKET_REACH bytes), forward for the closer of
 * an opener (one byte less); nest is the kind of the one at in[i], match
 * the other. SIZE_MAX when there is none. */
static size_t find_match(const char *in, size_t n, size_t i, bool back,
                         char nest, char match) {
  size_t depth = 0, reach = back ? BRACKET_REACH : BRACKET_REACH - 1;
  for (size_t step = 1; step <= reach; step++) {
    if (back ? step > i : i + step >= n)
      break;
    size_t k = back ? i - step : i + step;
    if (in[k] == '\n')
      break;
    if (in[k] == nest && !emoticon(in, k))
      depth++;
    else if (in[k] == match && !emoticon(in, k) && depth-- == 0)
      return k;
  }
  return SIZE_MAX;
}

/* Whether "( text )" with spaces on both sides may lose them: prose, not
 * code, maths or an empty box. Square brackets and braces spaced on both
 * sides are kept: "[ Read more ]" is a deliberate style. */
static bool inner_prose(struct pass *ps, size_t a, size_t b, char open) {
  size_t letters = 0;
  if (open != '(' || in_code(ps, a))
    return false;
  for (size_t k = a; k < b; k++) {
    unsigned char c = (unsigned char)ps->in[k];
    if (strchr("=+*/<>|&^\\$#@~;{}", c) && c)
      return false;
    letters += (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    letters += c >= 0xC0;
  }
  return letters >= 2;
}

/* The space at in[i] comes before the closer in[i + 1]: drop it? */
static bool close_space(struct pass *ps, size_t i) {
  const char *in = ps->in;
  char close = in[i + 1];
  char open = close == ')' ? '(' : close == ']' ? '[' : '{';
  if (emoticon(in, i) ||
      ((in[i - 1] == ')' || in[i - 1] == '(') && emoticon(in, i - 1)))
    return false; /* "(so happy :) )" */
  size_t o = find_match(in, ps->n, i, true, close, open);
  if (o == SIZE_MAX || o + 1 == i)
    return false;
  if (in[o + 1] != ' ')
    return true;
  return inner_prose(ps, o + 2, i, open);
}

/* The opener in[i] is followed by a space: drop it? */
static bool open_space(struct pass *ps, size_t i) {
  const char *in = ps->in;
  char open = in[i], close = closer_of(open);
  if (emoticon(in, i))
    return false;
  size_t c = find_match(in, ps->n, i, false, open, close);
  if (c == SIZE_MAX || c == i + 2)
    return false;
  if (in[c - 1] != ' ')
    return true;
  return inner_prose(ps, i + 2, c - 1, open);
}

/* An opening bracket at in[i]; returns the bytes used. */
static size_t punct_open(struct pass *ps, size_t i) {
  const char *in = ps->in;
  putc1(ps, in[i]);
  if (i + 2 < ps->n && in[i + 1] == ' ' && in[i + 2] != ' ' &&
      in[i + 2] != '\n' && open_space(ps, i)) {
    report(ps, "space-inside-brackets", i, in + i, 2, in + i, 1);
    return 2;
  }
  return 1;
}

/* A space at in[i]; returns the bytes used. */
static size_t punct_space(struct pass *ps, size_t i) {
  const char *in = ps->in;
  char c = i + 1 < ps->n ? in[i + 1] : '\n';
  if (i == 0 || in[i - 1] == '\n' || in[i - 1] == ' ' || c == ' ' ||
      c == '\n') {
    putc1(ps, ' ');
    return 1;
  }
  if (c == ')' || c == ']' || c == '}') {
    if (!close_space(ps, i)) {
      putc1(ps, ' ');
      return 1;
    }
    report(ps, "space-inside-brackets", i, in + i, 2, in + i + 1, 1);
    return 1;
  }
  enum act a = before_punct(ps, i);
  if (a == KEEP) {
    putc1(ps, ' ');
    return 1;
  }
  if (a == DROP) {
    report(ps, "space-before-punct", i, in + i, 2, in + i + 1, 1);
    return 1;
  }
  char moved[2] = {c, ' '};
  put(ps, moved, 2);
  report(ps, a == MOVE ? "space-before-punct" : "missing-space-after-sentence",
         i, in + i, 2, moved, 2);
  return 2;
}

/* Spaces and openers elsewhere than the scanner finds are copied as they
 * are by punct_space and punct_open. */
static void punct_pass(struct pass *ps) {
  const char *in = ps->in;
  size_t i = 0, n = ps->n;
  struct scan sc;
  scan_init(&sc, in, n, HOT_PUNCT);
  for (size_t j; (j = scan_next(&sc)) < n;) {
    put(ps, in + i, j - i);
    i = j + (in[j] == ' ' ? punct_space(ps, j) : punct_open(ps, j));
    scan_from(&sc, i);
  }
  put(ps, in + i, n - i);
}

/* ---- pass 3: missing space after a sentence end ---------------------- */

/* Whether w[0..n) is one of the lower-case ASCII words (each byte of w
 * folded with | 0x20, so "THE" is "the"); the lists are of short words. */
static bool one_of(const char *w, size_t n, const char *const *words,
                   size_t count) {
  char low[16];
  if (n == 0 || n >= sizeof low)
    return false;
  for (size_t i = 0; i < n; i++)
    low[i] = (char)(w[i] | 0x20);
  for (size_t i = 0; i < count; i++)
    if (words[i][0] == low[0] && strlen(words[i]) == n &&
        memcmp(low, words[i], n) == 0)
      return true;
  return false;
}

/* Words after which no sentence ends: "the .Net framework". */
static bool open_word(const char *w, size_t n) {
  static const char *const words[] = {
      "the",  "a",    "an",   "of",   "to", "and", "or",
      "with", "from", "into", "than", "by", "via", "using",
      "der",  "die",  "das",  "le",   "la", "les", "el"};
  return one_of(w, n, words, sizeof words / sizeof words[0]);
}

/* The word ending at in[e] is one after which no sentence ends: a space
 * before the period there stands for a dropped word ("set to ."). */
static bool after_open_word(const char *in, size_t e) {
  size_t a = e;
  while (a > 0 && ascii_lower((char)(in[a - 1] | 0x20)))
    a--;
  return (a == 0 || in[a - 1] == ' ' || in[a - 1] == '\n') &&
         open_word(in + a, e - a);
}

/* Right words that are a domain ending or a file type: "Amazon.Com". */
static bool suffix_word(const char *w, size_t n) {
  static const char *const words[] = {
      "com", "net",  "org", "edu",  "gov", "mil", "info", "biz",
      "io",  "co",   "uk",  "tv",   "fm",  "ly",  "ai",   "app",
      "dev", "pdf",  "doc", "docx", "txt", "htm", "html", "php",
      "asp", "aspx", "jpg", "jpeg", "png", "gif", "xls",  "xlsx",
      "ppt", "pptx", "zip", "exe",  "csv", "xml", "json", "js",
      "py",  "java", "cs",  "mp",   "mov", "avi", "md",   "ts"};
  return one_of(w, n, words, sizeof words / sizeof words[0]);
}

/* What may stand before the word a sentence ends with. */
static bool word_lead(int32_t cp) {
  if (cp == '\n' || cp == ' ' || cp == '"' || cp == '\'' || cp == '(' ||
      cp == '[' || cp == '-')
    return true;
  return cp == 0x201C || cp == 0x2018 || cp == 0x201E || cp == 0xAB ||
         cp == 0xBF || cp == 0xA1 || cp == 0x2013 || cp == 0x2014;
}

static int32_t prev_cp(const char *in, size_t i) {
  int32_t cp;
  cp_before(in, i, &cp);
  return cp;
}

/* The word ending at in[e] ends a sentence: two letters or more, the last
 * lower-case, no capital after the first; *ws is set to its start. */
static bool left_word(const char *in, size_t e, size_t *ws) {
  size_t i = e, letters = 0;
  int32_t cp, last = -1;
  bool upper = false;
  for (;;) {
    size_t k = cp_before(in, i, &cp);
    enum cclass c = cp < 0 ? C_OTHER : cls(cp);
    if (k == 0 || !is_letter(c))
      break;
    if (c == C_LETTER || upper)
      return false; /* no case, or a capital inside: "iPhone", "McCain" */
    upper = c == C_UPPER;
    if (c != C_MARK) {
      letters++;
      if (last < 0)
        last = cp;
    }
    i -= k;
  }
  *ws = i;
  return letters >= 2 && last >= 0 && cls(last) == C_LOWER &&
         word_lead(prev_cp(in, i)) && !open_word(in + i, e - i);
}

/* What may follow the word a sentence starts with. */
static bool word_tail(const char *in, size_t n, size_t i) {
  if (i >= n)
    return true;
  unsigned char c = (unsigned char)in[i];
  unsigned char d = i + 1 < n ? (unsigned char)in[i + 1] : ' ';
  if (c == ' ')
    return !(d && strchr("=(){}[]<>|&+*/%^~", d)); /* "self.Emin = 1" */
  if (c == '\n' || (c && strchr(",;!?\"'-", c)))
    return true;
  if (c == ':')
    return d == ' ' || d == '\n';
  if (c == '.')
    return !(d >= '0' && d <= '9') && !((d | 0x20) >= 'a' && (d | 0x20) <= 'z');
  if (c < 0x80)
    return false;
  int32_t cp;
  cp_at(in, n, i, &cp);
  return cp == 0x2019 || cp == 0x201D || cp == 0xBB || cp == 0x2026 ||
         cp == 0x2013 || cp == 0x2014;
}

/* The word at in[r] starts a sentence: a capital, then lower case only
 * (at least one letter); *we is set to its end. */
static bool right_word(const char *in, size_t n, size_t r, size_t *we) {
  int32_t cp;
  size_t i = r + cp_at(in, n, r, &cp), lower = 0;
  if (cp < 0 || cls(cp) != C_UPPER)
    return false;
  while (i < n) {
    size_t k = cp_at(in, n, i, &cp);
    enum cclass c = cp < 0 ? C_OTHER : cls(cp);
    if (!is_letter(c))
      break;
    if (c != C_LOWER && c != C_MARK)
      return false;
    lower += c == C_LOWER;
    i += k;
  }
  *we = i;
  return lower >= 1 && word_tail(in, n, i) && !suffix_word(in + r, i - r);
}

/* The rest of the white-space-delimited token around the two words holds
 * nothing of a URL, an address, a number, a path or code. */
static bool token_clean(const char *in, size_t n, size_t ws, size_t we) {
  size_t a = ws, b = we;
  while (a > 0 && in[a - 1] != ' ' && in[a - 1] != '\n') {
    a--;
    if (ws - a > TOKEN_REACH)
      return false; /* no word of prose is that long */
  }
  for (size_t k = a; k < ws; k++)
    if (strchr("/@\\_=#~|<>{}:.0123456789", in[k]) && in[k])
      return false;
  for (; b < n && in[b] != ' ' && in[b] != '\n'; b++) {
    if (b - we > TOKEN_REACH)
      return false;
    char c = in[b], d = b + 1 < n ? in[b + 1] : ' ';
    if (strchr("/@\\_=#~|<>{}0123456789", c) && c)
      return false;
    if ((c == '.' || c == ':') && d != ' ' && d != '\n' && d != '.' &&
        d != '"' && d != '\'' && (unsigned char)d < 0x80)
      return false;
  }
  return true;
}

/* Whether the two words are quoted as one: "'typing.Any'". */
static bool quoted_name(const char *in, size_t n, size_t ws, size_t we) {
  int32_t a = prev_cp(in, ws), b = -1;
  if (we < n)
    cp_at(in, n, we, &b);
  bool qa = a == '"' || a == '\'' || a == 0x2018 || a == 0x201C;
  bool qb = b == '"' || b == '\'' || b == 0x2019 || b == 0x201D;
  return qa && qb;
}

/* Names that are followed by a dot and a member in code, not by the end
 * of a sentence. */
static bool receiver(const char *w, size_t n) {
  static const char *const words[] = {
      "self",   "this",   "that",    "cls",     "obj",         "args", "kwargs",
      "std",    "system", "console", "window",  "document",    "math", "string",
      "java",   "javax",  "android", "import",  "from",        "sys",  "object",
      "module", "types",  "typing",  "numbers", "collections", "util"};
  return one_of(w, n, words, sizeof words / sizeof words[0]);
}

/* Whether the word in[ws..e) is followed by a dot and a letter somewhere
 * else in the text too: a name with members ("threading.Thread" beside
 * "threading.local"), not a sentence end. */
static bool member_again(const char *in, size_t n, size_t ws, size_t e) {
  size_t len = e - ws;
  size_t lo = ws > MEMBER_REACH ? ws - MEMBER_REACH : 0;
  if (n - e > MEMBER_REACH)
    n = e + MEMBER_REACH;
  const char *q = in + lo;
  while (n - (size_t)(q - in) > len + 1) {
    const char *hit = memchr(q, in[ws], n - (size_t)(q - in) - len - 1);
    if (!hit)
      return false;
    size_t h = (size_t)(hit - in);
    if (h != ws && memcmp(hit, in + ws, len) == 0 && in[h + len] == '.' &&
        ascii_lower((char)(in[h + len + 1] | 0x20)) &&
        (h == 0 || !is_letter(cls((unsigned char)in[h - 1]))))
      return true;
    q = hit + 1;
  }
  return false;
}

/* Whether w[0..n) is lower-case ASCII that the English word list lacks,
 * has among its rarest words or as a name only: the name of a module or
 * a file ("zipfile.Path", "http.Client", "struct.Struct"), not the last
 * word of an English sentence. */
static bool module_word(const char *w, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!ascii_lower(w[i]))
      return false;
  bool proper;
  int level = kempt__wordlist_lookup(w, n, &proper);
  return !level || level >= 80 || proper;
}

/* ---- sentence ends between letters without case ---------------------- */

/* Whether cp is a letter of a script that starts no sentence with a
 * capital (Malayalam, Arabic, and Georgian, whose Mkhedruli letters are
 * lower case for Unicode but whose capitals are not used so), or a mark
 * or joiner inside a word of one; *letter: it is a letter. */
static bool caseless_part(int32_t cp, bool *letter) {
  if (cp == 0x200C || cp == 0x200D) { /* ZWNJ, ZWJ inside Indic words */
    *letter = false;
    return true;
  }
  enum cclass c = cp < 0 ? C_OTHER : cls(cp);
  *letter = c == C_LETTER ||
            (c == C_LOWER && ((cp >= 0x10D0 && cp <= 0x10FF) ||
                              (cp >= 0x2D00 && cp <= 0x2D2F)));
  return *letter || c == C_MARK;
}

/* Letters of the caseless word that ends at in[e] (0 when a letter with
 * case or none comes first, or when it is longer than any word of prose:
 * a script written without spaces); *ws: its start. */
static size_t caseless_left(const char *in, size_t e, size_t *ws) {
  size_t i = e, letters = 0;
  int32_t cp;
  bool letter;
  for (size_t k; (k = cp_before(in, i, &cp)) > 0 && caseless_part(cp, &letter);
       i -= k) {
    if (e - i > TOKEN_REACH)
      return 0;
    letters += letter;
  }
  *ws = i;
  return letters;
}

/* Letters of the caseless word that starts at in[r] (0 when it does not
 * start with a letter, or is longer than any word of prose); *we: its
 * end. */
static size_t caseless_right(const char *in, size_t n, size_t r, size_t *we) {
  size_t i = r, letters = 0;
  int32_t cp;
  bool letter;
  for (size_t k; i < n && (k = cp_at(in, n, i, &cp), caseless_part(cp, &letter));
       i += k) {
    if ((i == r && !letter) || i - r > TOKEN_REACH)
      return 0;
    letters += letter;
  }
  *we = i;
  return letters;
}

/* Whether in[0..n) ends a sentence between caseless words the usual way
 * somewhere: a caseless letter, a stop, a space, a caseless letter. */
static bool caseless_stop_seen(const char *in, size_t n) {
  for (size_t i = 1; i + 2 < n; i++) {
    if ((in[i] != '.' && in[i] != '!' && in[i] != '?') || in[i + 1] != ' ')
      continue;
    size_t ws, we;
    if (caseless_left(in, i, &ws) && caseless_right(in, n, i + 2, &we))
      return true;
  }
  return false;
}

/* A sentence of a script without case ends at in[e], and the next starts
 * at in[r]: no capital tells it, so the words must be long enough to be
 * no abbreviation or initials ("ა.შ.", "ძვ.წ.", "കെ.എം."; two letters
 * on each side, vowel signs aside), the token no address, number or code, and the block must
 * end other sentences of that kind with a space after the stop. Scripts
 * that write no stops between sentences (Thai, Chinese) have no such
 * evidence. */
static bool caseless_sentence_ok(struct pass *ps, size_t e, size_t r) {
  size_t ws, we;
  if (caseless_left(ps->in, e, &ws) < 2 ||
      caseless_right(ps->in, ps->n, r, &we) < 2 ||
      !word_lead(prev_cp(ps->in, ws)) || !word_tail(ps->in, ps->n, we) ||
      !token_clean(ps->in, ps->n, ws, we) || in_code(ps, e))
    return false;
  struct spacing *s = ps->s;
  if (s->caseless < 0)
    s->caseless = caseless_stop_seen(s->blk, s->blen);
  return s->caseless;
}

/* A sentence ends with the word that ends at in[e] and the next starts
 * with the word at in[r]: the evidence is strong enough to add a space. */
static bool sentence_ok(struct pass *ps, size_t e, size_t r) {
  size_t ws, we;
  if (ps->in[r] & 0x80 && caseless_sentence_ok(ps, e, r))
    return true;
  if (!left_word(ps->in, e, &ws) || !right_word(ps->in, ps->n, r, &we))
    return false;
  if (!token_clean(ps->in, ps->n, ws, we) || in_code(ps, e) ||
      quoted_name(ps->in, ps->n, ws, we))
    return false;
  bool dot = ps->in[e] == '.'; /* code has members after dots only */
  if (!kempt__stopword_langs(ps->in + r, we - r) &&
      (e - ws < 4 || (dot && receiver(ps->in + ws, e - ws)) ||
       (dot && member_again(ps->in, ps->n, ws, e)) ||
       (dot && lang_of(ps->s) == KEMPT_LANG_EN &&
        module_word(ps->in + ws, e - ws))))
    return false; /* "obj.Method", "self.Emin": without a function word */
  return lang_of(ps->s) != KEMPT_LANG_NONE;
}

static size_t stop_len(const char *in, size_t n, size_t i) {
  char c = in[i];
  if (c == '.' || c == '!' || c == '?')
    return 1;
  return is3(in, n, i, HELLIP) ? 3 : 0;
}

/* Closing brackets and quotes after a sentence end at in[j]; *q counts the
 * straight double quotes. Returns where they end. */
static size_t skip_closers(const char *in, size_t n, size_t j, unsigned *q) {
  for (int t = 0; t < 2 && j < n; t++) {
    if (in[j] == ')' || in[j] == ']')
      j++;
    else if (is3(in, n, j, RDQUO) || is3(in, n, j, RSQUO))
      j += 3;
    else if (in[j] == '"' && *q % 2 == 1) {
      ++*q;
      j++;
    } else
      break;
  }
  return j;
}

/* An opening quote or bracket before the next sentence at in[k]. */
static size_t skip_opener(const char *in, size_t n, size_t k, unsigned q) {
  if (k < n && (in[k] == '(' || (in[k] == '"' && q % 2 == 0)))
    return k + 1;
  if (is3(in, n, k, LDQUO) || is3(in, n, k, BDQUO) || is3(in, n, k, LSQUO))
    return k + 3;
  return k;
}

/* Where the word before the closers that end at in[i] ends. */
static size_t before_closers(const char *in, size_t i) {
  for (int t = 0; t < 2 && i > 0; t++) {
    char c = in[i - 1];
    if (c == ')' || c == ']' || c == '"' || c == '\'')
      i--;
    else if (i >= 3 && (is3(in, i, i - 3, RDQUO) || is3(in, i, i - 3, RSQUO)))
      i -= 3;
    else
      break;
  }
  return i;
}

static void copy_counting(struct pass *ps, size_t a, size_t b) {
  for (size_t k = a; k < b; k++)
    ps->quotes += ps->in[k] == '"';
  put(ps, ps->in + a, b - a);
}

/* A run of sentence punctuation at in[i]; returns the bytes used. */
static size_t sentence_at(struct pass *ps, size_t i) {
  const char *in = ps->in;
  size_t n = ps->n, j = i, k, r, e, len;
  while (j < n && (len = stop_len(in, n, j)) > 0)
    j += len;
  unsigned q = ps->quotes;
  k = skip_closers(in, n, j, &q);
  r = skip_opener(in, n, k, q);
  e = before_closers(in, i);
  if (r < n && r - i < 24 && sentence_ok(ps, e, r)) {
    char after[32];
    memcpy(after, in + i, k - i);
    after[k - i] = ' ';
    memcpy(after + (k - i) + 1, in + k, r - k);
    report(ps, "missing-space-after-sentence", i, in + i, r - i, after,
           r - i + 1);
    copy_counting(ps, i, k);
    putc1(ps, ' ');
    return k - i;
  }
  copy_counting(ps, i, j);
  return j - i;
}

static void sentence_pass(struct pass *ps) {
  const char *in = ps->in;
  size_t i = 0, n = ps->n;
  struct scan sc;
  scan_init(&sc, in, n, HOT_SENTENCE); /* . ! ? " and 0xE2 */
  for (size_t j; (j = scan_next(&sc)) < n;) {
    put(ps, in + i, j - i);
    if (in[j] == '"' || (in[j] == '\xE2' && !is3(in, n, j, HELLIP))) {
      copy_counting(ps, j, j + 1);
      i = j + 1;
    } else {
      i = j + sentence_at(ps, j);
    }
    scan_from(&sc, i);
  }
  put(ps, in + i, n - i);
}

/* ---- pass 4: quote direction ----------------------------------------- */

/* Whether “ may be turned into ”: the language closes with ” (or the
 * block already does) and the block has no low quotes „ ‚ (German,
 * Czech ... close with “, also in a paragraph that a quote opened
 * before). */
static bool closes_right(struct spacing *s, const char *t, size_t n) {
  if (has3(t, n, BDQUO) || has3(t, n, SBQUO))
    return false;
  switch (lang_of(s)) {
  case KEMPT_LANG_DE:
  case KEMPT_LANG_CS:
  case KEMPT_LANG_RU:
  case KEMPT_LANG_UK:
    return false;
  case KEMPT_LANG_NONE:
    return has3(t, n, RDQUO);
  default:
    return true;
  }
}

/* The quote at t[i] stands where a quote closes: after a word or a
 * sentence end, before a space, punctuation or the end. */
static bool closing_place(const char *t, size_t n, size_t i) {
  int32_t cp = prev_cp(t, i);
  if (cp < 0 || cp == '\n' || cp == ' ')
    return false;
  if (cls(cp) == C_OTHER && !(cp < 0x80 && strchr(".,!?;:", (int)cp) && cp) &&
      cp != 0x2026)
    return false;
  if (i + 3 >= n)
    return true;
  char c = t[i + 3];
  return c == ' ' || c == '\n' || (c && strchr(",.;:!?)]", c));
}

/* Elided words before an apostrophe, French and Italian: "l‘homme". */
static bool elision(const char *w, size_t n) {
  static const char *const words[] = {
      "l",    "d",    "j",     "n",      "s",      "c",    "m",
      "t",    "qu",   "jusqu", "lorsqu", "puisqu", "dell", "all",
      "dall", "nell", "sull",  "un",     "quest",  "quell"};
  return one_of(w, n, words, sizeof words / sizeof words[0]);
}

/* An English contraction after ‘ at t[i]: "can‘t", "it‘s", "we‘re". */
static bool contraction(const char *t, size_t n, size_t i) {
  static const char *const tails[] = {"t", "s", "d", "m", "ll", "re", "ve"};
  size_t a = i + 3;
  for (size_t k = 0; k < sizeof tails / sizeof tails[0]; k++) {
    size_t m = strlen(tails[k]);
    if (a + m <= n && memcmp(t + a, tails[k], m) == 0 &&
        (a + m == n || !is_letter(cls((unsigned char)t[a + m]))) &&
        (a + m == n || (unsigned char)t[a + m] < 0x80))
      return true;
  }
  return false;
}

/* ‘ at t[i] is an apostrophe inside a word and should be ’. */
static bool apostrophe(struct spacing *s, const char *t, size_t n, size_t i) {
  int32_t cp = prev_cp(t, i);
  if (cp < 0 || !is_letter(cls(cp)))
    return false;
  enum kempt_lang l = lang_of(s);
  if (l == KEMPT_LANG_EN || l == KEMPT_LANG_NONE)
    return contraction(t, n, i);
  if (l != KEMPT_LANG_FR && l != KEMPT_LANG_IT)
    return false;
  size_t ws = i;
  while (ws > 0 && i - ws < 8 && ascii_lower((char)(t[ws - 1] | 0x20)))
    ws--;
  int32_t next;
  if (i + 3 >= n || (ws > 0 && is_letter(cls(prev_cp(t, ws)))))
    return false;
  cp_at(t, n, i + 3, &next);
  return next >= 0 && is_letter(cls(next)) && elision(t + ws, i - ws);
}

static void quote_pass(struct pass *ps, char *t, size_t n) {
  char stack[16]; /* the open double quotes: “ or „ */
  size_t depth = 0;
  int right = -1;                /* closes_right(), decided when first needed */
  bool low9 = has3(t, n, SBQUO); /* ‚…‘ quotes: ‘ closes, leave it */
  for (size_t i = 0; i + 2 < n; i++) {
    if ((unsigned char)t[i] != 0xE2 || (unsigned char)t[i + 1] != 0x80)
      continue;
    unsigned char c = (unsigned char)t[i + 2];
    if (c == LDQUO && closing_place(t, n, i)) {
      char open = depth ? stack[--depth] : 0;
      if (right < 0)
        right = closes_right(ps->s, t, n);
      if (open != (char)BDQUO && right) {
        report(ps, "quote-direction", i, t + i, 3, "\xE2\x80\x9D", 3);
        t[i + 2] = (char)RDQUO;
      }
    } else if (c == LDQUO || c == BDQUO) {
      if (depth < sizeof stack)
        stack[depth++] = (char)c;
    } else if (c == RDQUO && depth) {
      depth--;
    } else if (c == LSQUO && !low9 && apostrophe(ps->s, t, n, i)) {
      report(ps, "apostrophe-direction", i, t + i, 3, "\xE2\x80\x99", 3);
      t[i + 2] = (char)RSQUO;
    }
  }
}

/* ---- the fast path ---------------------------------------------------- */

/* The fast path looks at each pair of bytes through their kinds. */
enum kind {
  K_OTHER,
  K_SPACE,
  K_TAB,
  K_NL,
  K_OPEN,
  K_STOP,
  K_PUNCT,
  K_CAP,
  K_QUOTE,
  K_E2,
  K_80
};

#define KINDS_ASCII_UPPER(k)                                                   \
  ['A'] = k, ['B'] = k, ['C'] = k, ['D'] = k, ['E'] = k, ['F'] = k, ['G'] = k, \
  ['H'] = k, ['I'] = k, ['J'] = k, ['K'] = k, ['L'] = k, ['M'] = k, ['N'] = k, \
  ['O'] = k, ['P'] = k, ['Q'] = k, ['R'] = k, ['S'] = k, ['T'] = k, ['U'] = k, \
  ['V'] = k, ['W'] = k, ['X'] = k, ['Y'] = k, ['Z'] = k

static const unsigned char kind[128] = {
    [' '] = K_SPACE,  ['\t'] = K_TAB,          ['\n'] = K_NL,   ['('] = K_OPEN,
    ['['] = K_OPEN,   ['{'] = K_OPEN,          ['.'] = K_STOP,  ['!'] = K_STOP,
    ['?'] = K_STOP,   [','] = K_PUNCT,         [';'] = K_PUNCT, [':'] = K_PUNCT,
    [')'] = K_PUNCT,  [']'] = K_PUNCT,         ['}'] = K_PUNCT, ['"'] = K_QUOTE,
    ['\''] = K_QUOTE, KINDS_ASCII_UPPER(K_CAP)};

static inline unsigned kind_of(unsigned char c) {
  if (c < 0x80)
    return kind[c];
  return c == 0x80 ? K_80 : c == 0xE2 ? K_E2 : K_CAP;
}

#define B(k) (1u << (k))
/* For the kind of a byte, the kinds of the next byte worth a closer look. */
static const uint16_t worth[] = {[K_SPACE] = B(K_SPACE) | B(K_TAB) | B(K_NL) |
                                             B(K_STOP) | B(K_PUNCT),
                                 [K_TAB] = 0xFFFF,
                                 [K_NL] = B(K_SPACE) | B(K_TAB),
                                 [K_OPEN] = B(K_SPACE),
                                 [K_STOP] = B(K_CAP) | B(K_QUOTE) | B(K_PUNCT) |
                                            B(K_OPEN) | B(K_E2) | B(K_80),
                                 [K_E2] = B(K_80),
                                 [K_OTHER] = 0,
                                 [K_PUNCT] = 0,
                                 [K_CAP] = 0,
                                 [K_QUOTE] = 0,
                                 [K_80] = 0};
#undef B

/* Whether the three bytes at p[i] (lead byte 0xE2) could change. */
static bool hot_e2(const char *p, size_t n, size_t i) {
  unsigned char prev = i > 0 ? (unsigned char)p[i - 1] : '\n';
  if (i + 2 >= n || (unsigned char)p[i + 1] != 0x80)
    return false;
  unsigned char c = (unsigned char)p[i + 2];
  if (c == LDQUO || c == LSQUO)
    return prev != ' ' && prev != '\n';
  return c == HELLIP && i + 3 < n && (unsigned char)p[i + 3] > ' ';
}

/* Whether anything at p[i] (a byte that starts a pair worth a look)
 * could change. */
static bool hot_here(const char *p, size_t n, size_t i) {
  unsigned char next = i + 1 < n ? (unsigned char)p[i + 1] : '\n';
  switch (kind_of((unsigned char)p[i])) {
  case K_SPACE:
  case K_TAB:
  case K_NL:
  case K_OPEN:
    return true;
  case K_STOP: /* . ! ? before a capital, a quote, a bracket or non-ASCII */
    return next >= 'A' || next == '"' || next == '\'' || next == '(' ||
           next == ')' || next == '[' || next == ']';
  default:
    return hot_e2(p, n, i);
  }
}

/* The passes a pair of bytes may matter to. */
enum { P_SPACE = 1, P_PUNCT = 2, P_SENTENCE = 4, P_QUOTE = 8, P_ALL = 15 };

/* Whether a next sentence may start right after the sentence stop that
 * ends at p[j], as sentence_at() looks for it: past at most two closers
 * ) ] " ” ’ (a straight quote may close or open), an opener ( " or a
 * character beyond ASCII, or a capital. Not when white space, the end or
 * other ASCII comes there (".” The", "e.g.,"). */
static bool next_sentence_near(const char *p, size_t n, size_t j) {
  for (int t = 0; t < 2 && j < n; t++) {
    if (p[j] == ')' || p[j] == ']' || p[j] == '"')
      j++;
    else if (is3(p, n, j, RDQUO) || is3(p, n, j, RSQUO))
      j += 3;
    else
      break;
  }
  if (j == n)
    return false;
  unsigned char c = (unsigned char)p[j];
  return c >= 0x80 || (c >= 'A' && c <= 'Z') || c == '(' || c == '"';
}

/* Whether a sentence may end at the stop p[i], as sentence_at() and
 * left_word() look for it: before the run of stops it ends and at most
 * two closers, a lower-case letter (or a character beyond ASCII). Not
 * after a capital, a digit or other ASCII ("U.S.", "3.Ti"). */
static bool sentence_end_before(const char *p, size_t n, size_t i) {
  for (;;) { /* the start of the run: . ! ? and … */
    if (i > 0 && (p[i - 1] == '.' || p[i - 1] == '!' || p[i - 1] == '?'))
      i--;
    else if (i >= 3 && is3(p, n, i - 3, HELLIP))
      i -= 3;
    else
      break;
  }
  for (int t = 0; t < 2 && i > 0; t++) {
    char c = p[i - 1];
    if (c == ')' || c == ']' || c == '"' || c == '\'')
      i--;
    else if (i >= 3 && (is3(p, n, i - 3, RDQUO) || is3(p, n, i - 3, RSQUO)))
      i -= 3;
    else
      break;
  }
  if (i == 0)
    return false;
  unsigned char c = (unsigned char)p[i - 1];
  return c >= 0x80 || (c >= 'a' && c <= 'z');
}

/* The passes that the pair p[i], p[i + 1] (i + 1 < n) could change
 * something at: none for most pairs. A pass with no such pair in its input
 * gives it back unchanged. */
static unsigned pair_passes(const char *p, size_t n, size_t i) {
  unsigned a = kind_of((unsigned char)p[i]);
  unsigned b = kind_of((unsigned char)p[i + 1]);
  if (!((worth[a] >> b) & 1u) || !hot_here(p, n, i))
    return 0;
  switch (a) {
  case K_SPACE:
  case K_TAB:
  case K_NL:
    if (a == K_TAB || b == K_SPACE || b == K_TAB || b == K_NL)
      return P_SPACE;
    /* a space before punctuation: punct_space() keeps one that starts a
     * line or follows a space */
    return i > 0 && p[i - 1] != ' ' && p[i - 1] != '\n' ? P_PUNCT : 0;
  case K_OPEN: /* punct_open() drops one space, not a run nor a line end */
    return i + 2 < n && p[i + 2] != ' ' && p[i + 2] != '\n' ? P_PUNCT : 0;
  case K_STOP:
    return next_sentence_near(p, n, i + 1) && sentence_end_before(p, n, i)
               ? P_SENTENCE
               : 0;
  default: /* E2 80: … before a word, or a “ ‘ after one */
    return (unsigned char)p[i + 2] == HELLIP ? P_SENTENCE : P_QUOTE;
  }
}

/* pair_passes() with its most common answer inline: nothing for a pair
 * whose second byte is not worth a look after the first, and nothing for
 * E2 80 but before “ ‘ … (dashes, ’ ”). */
static inline unsigned pair_passes_quick(const char *p, size_t n, size_t i) {
  unsigned char x = (unsigned char)p[i];
  if (!((worth[kind_of(x)] >> kind_of((unsigned char)p[i + 1])) & 1u))
    return 0;
  if (x == 0xE2) {
    unsigned char c = i + 2 < n ? (unsigned char)p[i + 2] : 0;
    if (c != LDQUO && c != LSQUO && c != HELLIP)
      return 0;
  }
  return pair_passes(p, n, i);
}

/* The passes that could change p[0..n), edges aside, as far as the first
 * of them that is in want: passes run in order and the text is looked at
 * again after each, so only the first one that could change something
 * matters (any bits after it are a bonus). */
HOT_INLINE unsigned scan_passes_in(const char *p, size_t n, unsigned want,
                                   enum hot_set set) {
  unsigned m = 0, first = want & (0u - want); /* the earliest wanted */
  struct scan sc;
  scan_init(&sc, p, n, set);
  for (size_t i; (i = scan_next(&sc)) < n;) {
    m |= pair_passes_quick(p, n, i);
    if (m & first)
      break;
  }
  return m & want;
}

#if defined(__SSE2__) && defined(__GNUC__)
#include <immintrin.h>

/* The AVX2 scan classifies each byte by a table of its low and one of its
 * high four bits (each class a product of the two, so the test may take
 * in a few bytes more than it must: pair_passes_quick() drops them):
 * a pair x y is worth a look when the classes x needs and those y is in
 * meet (the worth[] table), or x is a tab (any pair), or x y is E2 80.
 * Classes of y, a bit each: 0 ' ', 1 tab or newline, 2 ! ) , .,
 * 3 : ; ?, 4 [ ] { }, 5 beyond ASCII, 6 @ A-Z [ \ ] ^ _, 7 " ' (. */
static const unsigned char cls_lo[16] = {0x61, 0x64, 0xE0, 0x60, 0x60, 0x60,
                                         0x60, 0xE0, 0xE0, 0x66, 0x6A, 0x78,
                                         0x64, 0x70, 0x64, 0x68};
static const unsigned char cls_hi[16] = {0x02, 0,    0x85, 0x08, 0x40, 0x50,
                                         0,    0x10, 0x20, 0x20, 0x20, 0x20,
                                         0x20, 0x20, 0x20, 0x20};
/* The classes x needs after it: a space all of 0-4, a newline 0-1, an
 * opener ( [ { 0, a stop . ! ? 2-7 (with some bytes that need none, such
 * as * 0 1 / >); for HOT_LATER ([1]) no white space after a space or a
 * newline. */
static const unsigned char need_lo[2][16] = {
    {0x1F, 0xFC, 0, 0, 0, 0, 0, 0, 0x01, 0, 0x03, 0x01, 0, 0, 0xFC, 0xFC},
    {0x1C, 0xFC, 0, 0, 0, 0, 0, 0, 0x01, 0, 0, 0x01, 0, 0, 0xFC, 0xFC}};
static const unsigned char need_hi[2][16] = {
    {0x03, 0, 0xFF, 0xFC, 0, 0x01, 0, 0x01, 0, 0, 0, 0, 0, 0, 0, 0},
    {0, 0, 0xFD, 0xFC, 0, 0x01, 0, 0x01, 0, 0, 0, 0, 0, 0, 0, 0}};

/* The tables of hot_mask_avx2_e2(), loaded once per scan, and its byte
 * constants, read from memory (kept in registers, they would be spilled
 * or built again in each window). */
struct hot_consts {
  __m256i need_lo, need_hi, cls_lo, cls_hi, gap;
  const __m256i *tab; /* '\t', or FF (no tab test: FF is not UTF-8) */
};

#define R8(c) c, c, c, c, c, c, c, c
#define R32(c) {R8(c), R8(c), R8(c), R8(c)}
static struct { /* not const: a constant would be built again in each window */
  _Alignas(32) unsigned char low4[32];
  _Alignas(32) unsigned char x80[32];
  _Alignas(32) unsigned char quo_mask[32]; /* 98 and 9C alike */
  _Alignas(32) unsigned char quo[32];
  _Alignas(32) unsigned char hellip[32];
  _Alignas(32) unsigned char tab[2][32];
  _Alignas(32) unsigned char xe2[32];
} hot_bytes = {R32(0x0F),  R32(0x80),   R32((unsigned char)~(LDQUO ^ LSQUO)),
               R32(LSQUO), R32(HELLIP), {R32('\t'), R32(0xFF)},
               R32(0xE2)};
#undef R8
#undef R32
#define HOT_BYTES(f) _mm256_load_si256((const __m256i *)(const void *)hot_bytes.f)

__attribute__((target("avx2"))) static inline void
hot_consts_init(struct hot_consts *k, bool later) {
  static const unsigned char gap_t[16] = {' ',  0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                          0xFF, 0xFF, 0xFF, 0xFF, '\n', 0xFF,
                                          0xFF, 0xFF, 0xFF, 0xFF};
#define BCAST16(t)                                                             \
  _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(const void *)(t)))
  k->need_lo = BCAST16(need_lo[later]);
  k->need_hi = BCAST16(need_hi[later]);
  k->cls_lo = BCAST16(cls_lo);
  k->cls_hi = BCAST16(cls_hi);
  k->gap = BCAST16(gap_t);
#undef BCAST16
  k->tab = (const __m256i *)(const void *)hot_bytes.tab[later];
}

/* hot_mask() of HOT_ANY or HOT_LATER (a superset of it where pair_passes
 * finds nothing), 32 positions of p (p[0..33) readable) at a time, by the
 * tables and constants of the scan k (none built again in each call): for
 * HOT_LATER it takes FF bytes too (not in UTF-8 text; pair_passes_quick()
 * drops them). */
__attribute__((target("avx2"))) static inline unsigned
hot_mask_avx2(const char *p, const struct hot_consts *k) {
  __m256i x = _mm256_loadu_si256((const __m256i *)(const void *)p);
  __m256i y = _mm256_loadu_si256((const __m256i *)(const void *)(p + 1));
  __m256i need = _mm256_and_si256(
      _mm256_shuffle_epi8(k->need_lo, _mm256_and_si256(x, HOT_BYTES(low4))),
      _mm256_shuffle_epi8(k->need_hi, _mm256_and_si256(_mm256_srli_epi16(x, 4),
                                                       HOT_BYTES(low4))));
  __m256i cls = _mm256_and_si256(
      _mm256_shuffle_epi8(k->cls_lo, _mm256_and_si256(y, HOT_BYTES(low4))),
      _mm256_shuffle_epi8(k->cls_hi, _mm256_and_si256(_mm256_srli_epi16(y, 4),
                                                      HOT_BYTES(low4))));
  __m256i none =
      _mm256_cmpeq_epi8(_mm256_and_si256(need, cls), _mm256_setzero_si256());
  __m256i more = _mm256_and_si256(_mm256_cmpeq_epi8(x, HOT_BYTES(xe2)),
                                  _mm256_cmpeq_epi8(y, HOT_BYTES(x80)));
  more = _mm256_or_si256(more, _mm256_cmpeq_epi8(x, _mm256_load_si256(k->tab)));
  return ~(unsigned)_mm256_movemask_epi8(_mm256_andnot_si256(more, none));
}

/* hot_mask_avx2() with E2 80 taken only where hot_e2() may say yes: “ or
 * ‘ after a byte other than a space or a newline, or … (pair_passes_quick()
 * finds nothing at the other E2 80, the dashes and ’ ” that English text
 * is full of). No branch: E2 80 comes and goes too often to be guessed.
 * p[-1 .. 34) readable. */
__attribute__((target("avx2"))) static inline unsigned
hot_mask_avx2_e2(const char *p, const struct hot_consts *k) {
  __m256i x = _mm256_loadu_si256((const __m256i *)(const void *)p);
  __m256i y = _mm256_loadu_si256((const __m256i *)(const void *)(p + 1));
  __m256i w = _mm256_loadu_si256((const __m256i *)(const void *)(p - 1));
  __m256i z = _mm256_loadu_si256((const __m256i *)(const void *)(p + 2));
  __m256i need = _mm256_and_si256(
      _mm256_shuffle_epi8(k->need_lo, _mm256_and_si256(x, HOT_BYTES(low4))),
      _mm256_shuffle_epi8(k->need_hi,
                          _mm256_and_si256(_mm256_srli_epi16(x, 4), HOT_BYTES(low4))));
  __m256i cls = _mm256_and_si256(
      _mm256_shuffle_epi8(k->cls_lo, _mm256_and_si256(y, HOT_BYTES(low4))),
      _mm256_shuffle_epi8(k->cls_hi,
                          _mm256_and_si256(_mm256_srli_epi16(y, 4), HOT_BYTES(low4))));
  __m256i none =
      _mm256_cmpeq_epi8(_mm256_and_si256(need, cls), _mm256_setzero_si256());
  /* 80 then 98, 9C or A6: E2 first in UTF-8 text but for a few CJK
   * marks (E3 80 9C ...), which pair_passes_quick() drops */
  __m256i more = _mm256_cmpeq_epi8(y, HOT_BYTES(x80));
  /* w a space or a newline: the table gives w back for those alone */
  __m256i gap = _mm256_cmpeq_epi8(_mm256_shuffle_epi8(k->gap, w), w);
  __m256i open =
      _mm256_cmpeq_epi8(_mm256_and_si256(z, HOT_BYTES(quo_mask)), HOT_BYTES(quo));
  __m256i keep = _mm256_or_si256(_mm256_andnot_si256(gap, open),
                                 _mm256_cmpeq_epi8(z, HOT_BYTES(hellip)));
  more = _mm256_or_si256(_mm256_and_si256(more, keep),
                         _mm256_cmpeq_epi8(x, _mm256_load_si256(k->tab)));
  return ~(unsigned)_mm256_movemask_epi8(_mm256_andnot_si256(more, none));
}

/* scan_passes_in() for HOT_ANY or HOT_LATER with AVX2, n >= 33: windows
 * of 32 positions, the last one ending at the last pair (a pair needs its
 * second byte); the places come in the same order, so the answer is the
 * same. The windows with a byte before them and two after take the
 * tighter mask of hot_mask_avx2_e2(). */
__attribute__((target("avx2"))) static unsigned
scan_passes_avx2(const char *p, size_t n, unsigned want, enum hot_set set) {
  unsigned m = 0, first = want & (0u - want);
  bool later = set == HOT_LATER;
  struct hot_consts k;
  hot_consts_init(&k, later);
  size_t at = 0;
  unsigned bits = hot_mask_avx2(p, &k);
  for (;;) {
    for (; bits; bits &= bits - 1) {
      m |= pair_passes_quick(p, n, at + (unsigned)__builtin_ctz(bits));
      if (m & first)
        return m & want;
    }
    at += 32;
    if (at + 34 <= n)
      bits = hot_mask_avx2_e2(p + at, &k);
    else if (at + 33 <= n)
      bits = hot_mask_avx2(p + at, &k);
    else
      break;
  }
  if (at + 1 < n) { /* the rest: the window that ends at the last pair */
    size_t w = n - 33;
    bits = hot_mask_avx2(p + w, &k) >> (at - w);
    for (; bits; bits &= bits - 1) {
      m |= pair_passes_quick(p, n, at + (unsigned)__builtin_ctz(bits));
      if (m & first)
        break;
    }
  }
  return m & want;
}

/* scan_passes_in() for HOT_ANY or HOT_LATER with AVX2, 2 <= n <= 32: one
 * window over a padded copy (its bytes past n are letters, and the pairs
 * that take one in are dropped), instead of a copy through memcpy() for
 * each window of sixteen; the places come in the same order, so the
 * answer is the same. */
__attribute__((target("avx2"))) static unsigned
scan_passes_short(const char *p, size_t n, unsigned want, enum hot_set set) {
  _Alignas(32) char pad[64];
  __m256i a = _mm256_set1_epi8('a');
  _mm256_store_si256((__m256i *)(void *)pad, a);
  _mm256_store_si256((__m256i *)(void *)(pad + 32), a);
  if (n >= 16) { /* the first sixteen bytes and the last sixteen */
    _mm_storeu_si128((__m128i *)(void *)pad,
                     _mm_loadu_si128((const __m128i *)(const void *)p));
    _mm_storeu_si128(
        (__m128i *)(void *)(pad + n - 16),
        _mm_loadu_si128((const __m128i *)(const void *)(p + n - 16)));
  } else if (n >= 8) {
    memcpy(pad, p, 8);
    memcpy(pad + n - 8, p + n - 8, 8);
  } else if (n >= 4) {
    memcpy(pad, p, 4);
    memcpy(pad + n - 4, p + n - 4, 4);
  } else {
    memcpy(pad, p, 2); /* n is 2 or 3 */
    pad[n - 1] = p[n - 1];
  }
  unsigned m = 0, first = want & (0u - want);
  /* the pairs p[i], p[i + 1] with i + 1 < n */
  struct hot_consts k;
  hot_consts_init(&k, set == HOT_LATER);
  unsigned bits = hot_mask_avx2(pad, &k) & (unsigned)((1ull << (n - 1)) - 1);
  for (; bits; bits &= bits - 1) {
    m |= pair_passes_quick(p, n, (unsigned)__builtin_ctz(bits));
    if (m & first)
      break;
  }
  return m & want;
}

/* line_end_space() with AVX2, n >= 33: 64 pairs a test, then 32 at a
 * time, the last window ending at the last pair. */
/* The pairs of a space or tab and '\n' at p[0..32) (p[32] readable), a
 * byte each (not 0 where there is one). */
__attribute__((target("avx2"))) static inline __m256i end_space32(const char *p) {
  __m256i x = _mm256_loadu_si256((const __m256i *)(const void *)p);
  __m256i y = _mm256_loadu_si256((const __m256i *)(const void *)(p + 1));
  __m256i h = _mm256_or_si256(_mm256_cmpeq_epi8(x, _mm256_set1_epi8(' ')),
                              _mm256_cmpeq_epi8(x, _mm256_set1_epi8('\t')));
  return _mm256_and_si256(h, _mm256_cmpeq_epi8(y, _mm256_set1_epi8('\n')));
}

__attribute__((target("avx2"))) static bool line_end_space_avx2(const char *p,
                                                                size_t n) {
  if (hspace(p[n - 1]))
    return true;
  size_t i = 0, last = n - 33;
  for (; last - i >= 64; i += 64) /* two windows for one test */
    if (_mm256_movemask_epi8(
            _mm256_or_si256(end_space32(p + i), end_space32(p + i + 32))))
      return true;
  for (;; i = i + 32 < last ? i + 32 : last) {
    if (_mm256_movemask_epi8(end_space32(p + i)))
      return true;
    if (i == last)
      return false;
  }
}

/* __builtin_cpu_supports reads what libgcc found out at start-up (with
 * the operating system's support for the AVX registers). */
static bool avx2_ok(void) { return __builtin_cpu_supports("avx2") != 0; }
#else
#define line_end_space_avx2 line_end_space
static bool avx2_ok(void) { return false; }
#define scan_passes_avx2 scan_passes_in
#define scan_passes_short scan_passes_in
#endif

static unsigned scan_passes_any(const char *p, size_t n, unsigned want);

/* The passes of want that would change p[0..n). */
static unsigned scan_passes(const char *p, size_t n, unsigned want) {
  /* most blocks: at once, without the frame of the rest */
  if (n >= 33 && want && want != P_QUOTE && avx2_ok())
    return scan_passes_avx2(p, n, want, want & P_SPACE ? HOT_ANY : HOT_LATER);
  return scan_passes_any(p, n, want);
}

/* scan_passes(), any block (out of line). */
__attribute__((noinline)) static unsigned
scan_passes_any(const char *p, size_t n, unsigned want) {
  bool avx2 = n >= 2 && avx2_ok(), wide = n >= 33 && avx2;
  if (want & P_SPACE)
    return wide   ? scan_passes_avx2(p, n, want, HOT_ANY)
           : avx2 ? scan_passes_short(p, n, want, HOT_ANY)
                  : scan_passes_in(p, n, want, HOT_ANY);
  if (want != P_QUOTE && want)
    return wide   ? scan_passes_avx2(p, n, want, HOT_LATER)
           : avx2 ? scan_passes_short(p, n, want, HOT_LATER)
                  : scan_passes_in(p, n, want, HOT_LATER);
  if (!want)
    return 0;
  /* the quote pass alone looks only at E2 80 */
  for (const char *q = memchr(p, 0xE2, n); q;
       q = memchr(q + 1, 0xE2, n - (size_t)(q + 1 - p))) {
    size_t i = (size_t)(q - p);
    if (i + 1 < n && (pair_passes(p, n, i) & P_QUOTE))
      return P_QUOTE;
  }
  return 0;
}

/* ---- the stage ------------------------------------------------------------
 */

static void run_pass(struct pass *ps, struct spacing *s, const char *in,
                     size_t n, struct kempt_buf *out, uint64_t base) {
  memset(ps, 0, sizeof *ps);
  ps->s = s;
  ps->in = in;
  ps->n = n;
  ps->out = out;
  ps->base = base;
  kempt__buf_clear(out);
}

/* A text being worked on: the block, a part of it, or a pass buffer. */
struct span {
  const char *text;
  size_t len;
};

/* One pass over *t (the block or the previous pass's output) into the
 * buffer it does not use; *t becomes the output, and the passes that could
 * still change it are returned. */
static unsigned next_pass(struct spacing *s, const struct kempt_block *b,
                          unsigned pass, struct span *t) {
  struct pass ps;
  struct kempt_buf *out = t->text == s->a.data ? &s->b : &s->a;
  run_pass(&ps, s, t->text, t->len, out, b->offset);
  if (pass == P_SPACE)
    space_pass(&ps, (b->flags & (KEMPT_BLOCK_LINES | KEMPT_BLOCK_REFS)) != 0);
  else if (pass == P_PUNCT)
    punct_pass(&ps);
  else if (pass == P_SENTENCE)
    sentence_pass(&ps);
  else { /* the quote pass works in place, on a copy */
    put(&ps, t->text, t->len);
    quote_pass(&ps, out->data, out->len);
  }
  t->text = out->data;
  t->len = out->len;
  return scan_passes(t->text, t->len, P_ALL & ~(pass * 2 - 1));
}

/* The passes in order over the text t of block b, skipping those that
 * could not change anything (each pass over a text with no pair worth its
 * look gives it back as it is); reports as if every pass had run. */
static void clean_block(struct spacing *s, const struct kempt_block *b,
                        struct span *t, unsigned m) {
  s->blk = b->text;
  s->blen = b->len;
  s->lang = -1;
  s->guill = -1;
  s->caseless = -1;
  for (unsigned pass = P_SPACE; pass <= P_QUOTE; pass <<= 1)
    if (m & pass)
      m = next_pass(s, b, pass, t);
}

__attribute__((noinline)) static enum kempt_status
spacing_fix(struct spacing *s, const struct kempt_block *b, unsigned m,
            size_t lead, size_t trail);

static enum kempt_status spacing_block(void *st, const struct kempt_block *b) {
  struct spacing *s = st;
  doc_sample(s, b->text, b->len);
  if (b->flags & KEMPT_BLOCK_REMOVED)
    return kempt__emit_block(s->env, b);
  /* The space pass trims a block's edges; that needs no copy when the rest
   * of its lines need none (then the block's text from lead to trail is
   * what the space pass would give). */
  const char *p = b->text;
  size_t n = b->len, lead = 0, trail = 0;
  bool keep = (b->flags & (KEMPT_BLOCK_LINES | KEMPT_BLOCK_REFS)) != 0;
  if (!keep) {
    lead = n && hspace(p[0]) ? skip_hspace(p, n, 0) : 0; /* most: none */
    while (trail < n - lead && hspace(p[n - 1 - trail]))
      trail++;
  }
  unsigned m;
  if (keep) /* kept lines lose only the white space at their ends */
    m = scan_passes(p, n, P_ALL & ~P_SPACE) |
        ((n >= 33 && avx2_ok() ? line_end_space_avx2(p, n)
                               : line_end_space(p, n))
             ? P_SPACE
             : 0);
  else
    m = scan_passes(p + lead, n - lead - trail, P_ALL);
  if (m == 0 && lead == 0 && trail == 0)
    return kempt__emit_block(s->env, b);
  return spacing_fix(s, b, m, lead, trail);
}

/* spacing_block() of a block with something to change: the passes of m,
 * or (none of them) only its edges lead and trail trimmed. Out of line:
 * most blocks need nothing, and their call saves fewer registers. */
__attribute__((noinline)) static enum kempt_status
spacing_fix(struct spacing *s, const struct kempt_block *b, unsigned m,
            size_t lead, size_t trail) {
  const char *p = b->text;
  size_t n = b->len;
  size_t room = b->len + b->len / 2 + 16;
  enum kempt_status r = kempt__buf_reserve(&s->a, room);
  if (r == KEMPT_OK)
    r = kempt__buf_reserve(&s->b, room);
  if (r == KEMPT_ERR_LIMIT) {
    if (!s->warned)
      kempt__warn(s->env->report,
                  "spacing: a block of %zu bytes was passed "
                  "on unchanged (too long)",
                  b->len);
    s->warned = true;
    return kempt__emit_block(s->env, b);
  }
  if (r != KEMPT_OK)
    return r;
  struct span t = {p, n};
  if (m & P_SPACE) {
    lead = trail = 0; /* the space pass runs on the whole block */
  } else {
    if (lead)
      kempt__change(s->env, "trim-space", b->offset, p, lead, "", 0);
    if (trail)
      kempt__change(s->env, "trim-space", b->offset + (n - trail),
                    p + n - trail, trail, "", 0);
    t.text = p + lead;
    t.len = n - lead - trail;
  }
  clean_block(s, b, &t, m);
  struct kempt_block out = *b;
  out.text = t.text;
  out.len = t.len;
  return kempt__emit_block(s->env, &out);
}

static enum kempt_status spacing_finish(void *st) {
  struct spacing *s = st;
  s->nhead = 0;
  s->doc_lang = -1;
  return KEMPT_OK;
}

static void spacing_reset(void *st) {
  struct spacing *s = st;
  spacing_finish(s);
  s->warned = false;
}

/* The language the option spacing-lang names, or -1 for "auto". */
static int forced_lang(const kempt_config *cfg) {
  const char *code = kempt__opt_str(cfg, "spacing-lang", "auto");
  for (int l = KEMPT_LANG_NONE + 1; l < KEMPT_LANG_COUNT; l++)
    if (strcmp(code, kempt__lang_code((enum kempt_lang)l)) == 0)
      return l;
  return -1;
}

static enum kempt_status spacing_init(void *st, const struct kempt_env *env) {
  struct spacing *s = st;
  s->env = env;
  s->doc_lang = -1;
  s->forced = forced_lang(env->cfg);
  size_t block = (size_t)kempt__opt_int(env->cfg, "max-block", 1u << 20);
  size_t cap = block < SIZE_MAX / 4 ? block * 2 + 64 : SIZE_MAX / 2;
  kempt__buf_init(&s->a, env->alloc, cap);
  kempt__buf_init(&s->b, env->alloc, cap);
  return KEMPT_OK;
}

static void spacing_fini(void *st) {
  struct spacing *s = st;
  kempt__buf_free(&s->a);
  kempt__buf_free(&s->b);
}

static const struct kempt_option spacing_options[] = {
    {"spacing-lang", 0, KEMPT_OPT_STRING, "spacing", "LANG",
     "auto|en|fr|de|es|it|pt|nl|ru|pl|sv",
     "language whose punctuation spacing and quotes to follow (French keeps "
     "a space before : ; ! ?); auto: each paragraph's own, from its "
     "function words (default)"},
    {NULL, 0, 0, NULL, NULL, NULL, NULL}};

const struct kempt_stage_ops kempt__spacing_ops = {
    {"spacing",
     "collapse runs of white space; remove the space before , . ; : ! ? "
     "(kept where the language puts one); add a missing space after a "
     "sentence end; turn mis-directed curly quotes",
     1},
    true,
    true,
    sizeof(struct spacing),
    spacing_options,
    spacing_init,
    NULL,
    spacing_block,
    spacing_finish,
    spacing_reset,
    spacing_fini};

kempt_stage *kempt_spacing_new(const kempt_config *cfg,
                               const struct kempt_sink *sink,
                               enum kempt_status *err) {
  return kempt_stage_new("spacing", cfg, sink, err);
}
