/* repair.c - the repair stage: damaged characters in, clean UTF-8 out.
 *
 * The text is cut into segments: lines (with their '\n'), a line longer
 * than SEG_CAP cut after its last space (or character) before the cap, so
 * the cuts depend on the text alone and never on how it was fed. A line
 * is also the unit of evidence for mojibake. A segment whose bytes need
 * no work (ASCII without '&' or controls) is copied through as it is,
 * and so is one whose characters all pass the quick checks (no possible
 * mojibake pair, nothing to remove or map, normalization quick check
 * passed); only an unfinished line is held between feeds. The others go
 * through up to four passes, each only when needed:
 *
 *   1. HTML character references (entities.c), first, as ftfy does, so
 *      that "&Atilde;&copy;" is seen as the mojibake it is;
 *   2. mojibake (mojibake.c), when a character that is the image of a
 *      lead byte in some charset is followed by one that may continue it;
 *   3. characters: controls (C1 controls read as sloppy cp1252), ANSI escapes,
 *      invisible characters, spaces, line and paragraph separators,
 *      ligatures, and the optional folds;
 *   4. normalization (NFC or NFKC with utf8proc), only on the spans around
 *      characters that fail a quick check, from the starter before to the
 *      next starter that cannot combine.
 *
 * Mojibake goes before control removal: a C1 control is often part of it
 * ("â€" + U+009D was a right double quote); only what is left over is
 * read as cp1252. Runs of U+FFFD in the input become one U+FFFD (in the
 * mojibake pass, so that those its own decoding makes are kept).
 *
 * Markup: in a segment that holds a markup-like tag ("<b>", "</p>", "<!--")
 * the references of the markup characters (&lt; &gt; &amp; &quot; &apos;
 * and their numeric forms) are kept, since decoding them would make text
 * and markup ambiguous; all other references are decoded.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "kempt_repair.h"
#include "repair_internal.h"
#include "textchar.h"

#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__SSE2__) && defined(__GNUC__) &&                                  \
    (defined(__x86_64__) || defined(__i386__))
#include <immintrin.h>
#define HAVE_AVX2_PATH 1
#endif

#define SEG_CAP 16384           /* longest segment worked on at once */
#define SCAN_CAP (2 * SEG_CAP)  /* clean lines looked for at once */
#define PASS_CAP (SEG_CAP * 40) /* NFKC can grow text up to ~18 times */
#define WIN_CAP 1024            /* longest span normalized at once (bytes) */
#define UCS_CAP (WIN_CAP * 18 + 64)
#define FLAG_LIMIT 0x3100 /* per-instance flag table below this (kana) */
#define CACHE_SIZE 256    /* a direct-mapped cache above it */
#define SPAN_SLOTS 512    /* spans known to be normalized (direct-mapped) */
#define SPAN_MAX 31       /* ... of at most this many bytes */

/* Flags of a code point; FL_MOJI is only a result of scan_flags: a lead
 * followed by what may continue it in the same charset. */
enum { FL_MOJI = 1, FL_CHAR = 2, FL_NORM = 4 };
/* Not a flag: "the flags are not known yet" (see work()). */
#define FL_UNKNOWN 0x100u

struct repair {
  const struct kempt_env *env;
  bool nfkc, keep_nbsp, fullwidth, ascii_quotes;
  bool avx2; /* clean_to_nl_avx2() may run */
  uint64_t pos;          /* document offset of the next segment */
  struct kempt_buf hold; /* the start of an unfinished segment */
  struct kempt_buf a, b; /* pass outputs */
  utf8proc_int32_t *ucs; /* normalization workspace, UCS_CAP entries */
  struct kempt_mojibake *mj;
  uint32_t csmask;           /* charsets with a lead + continuation pair */
  uint64_t info[FLAG_LIMIT]; /* cp_info below FLAG_LIMIT */
  struct info_slot {
    uint32_t cp;
    uint64_t info;
  } cache[CACHE_SIZE]; /* cp_info above, the last asked for */
  /* Short spans and what normalization makes of them (most often the
   * same: a combining mark after its letter, as in most text of Indic
   * scripts, Thai, pointed Arabic and Hebrew; or a letter and its marks
   * composed, as in decomposed Vietnamese): the same spans come again and
   * again, and need utf8proc once. len 0: an empty slot. */
  struct span_slot {
    uint8_t len, outlen; /* the span's bytes, and its normal form's */
    bool changed;        /* out differs from text */
    char text[SPAN_MAX], out[SPAN_MAX];
  } spans[SPAN_SLOTS];
  /* The 2-byte characters known to be INFO_QUIET, a bit each: row
   * (lead >> 1) & 15, byte (lead & 1) * 8 + (cont >> 3) % 8, bit cont % 8
   * (see quiet_chunks()). */
  uint8_t qmap[16][16];
};

/* ---- UTF-8 ------------------------------------------------------------- */

static inline size_t get_cp(const unsigned char *p, size_t n, uint32_t *cp);

size_t kempt__utf8_get(const unsigned char *p, size_t n, uint32_t *cp) {
  return get_cp(p, n, cp);
}

/* The character at p (valid UTF-8, n > 0 bytes available). */
static inline size_t get_cp(const unsigned char *p, size_t n, uint32_t *cp) {
  unsigned char c = p[0];
  if (c < 0x80 || n < 2) {
    *cp = c;
    return 1;
  }
  if (c < 0xE0) {
    *cp = ((uint32_t)(c & 0x1F) << 6) | (p[1] & 0x3Fu);
    return 2;
  }
  if (c < 0xF0 || n < 4) {
    if (n < 3) {
      *cp = c;
      return 1;
    }
    *cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) |
          (p[2] & 0x3Fu);
    return 3;
  }
  *cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
        ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3Fu);
  return 4;
}

/* ---- character classes -------------------------------------------------- */

/* Starters that are the second half of a canonical composition. */
static bool compose_second(uint32_t cp) {
  static const uint32_t list[] = {
      0x09BE,  0x09D7,  0x0B3E,  0x0B56,  0x0B57,  0x0BBE,  0x0BD7,
      0x0CC2,  0x0CD5,  0x0CD6,  0x0D3E,  0x0D57,  0x0DCF,  0x0DDF,
      0x0FB5,  0x0FB7,  0x102E,  0x1B35,  0x11127, 0x1133E, 0x11357,
      0x114B0, 0x114BA, 0x114BD, 0x115AF, 0x11930};
  if ((cp >= 0x1161 && cp <= 0x1175) || (cp >= 0x11A8 && cp <= 0x11C2))
    return true;
  for (size_t i = 0; i < sizeof list / sizeof list[0]; i++)
    if (list[i] == cp)
      return true;
  return false;
}

/* Whether cp may change under normalization, alone or with a neighbour:
 * a combining mark, the second half of a composition, or a character
 * whose own normal form is not itself. */
static bool norm_flag(uint32_t cp, bool nfkc) {
  const utf8proc_property_t *pr = utf8proc_get_property((utf8proc_int32_t)cp);
  if (pr->combining_class != 0 || pr->comp_exclusion || compose_second(cp))
    return true;
  if (pr->decomp_seqindex == UINT16_MAX)
    return false;
  utf8proc_option_t o = nfkc ? UTF8PROC_COMPAT : 0;
  utf8proc_int32_t d[24];
  int last = 0;
  utf8proc_ssize_t k = utf8proc_decompose_char((utf8proc_int32_t)cp, d, 24,
                                               o | UTF8PROC_DECOMPOSE, &last);
  if (k < 1 || k > 24)
    return true;
  k = utf8proc_normalize_utf32(d, k, o | UTF8PROC_COMPOSE);
  return k != 1 || d[0] != (utf8proc_int32_t)cp;
}

static bool char_flag(uint32_t cp, bool fullwidth, bool quotes) {
  if (cp < 0xA0)
    return cp >= 0x7F || (cp < 0x20 && cp != '\t' && cp != '\n');
  switch (cp) {
  case 0x00A0:
  case 0x00AD:
  case 0x061C:
  case 0x1680:
  case 0x180E:
  case 0x2028:
  case 0x2029:
  case 0x202F:
  case 0x205F:
  case 0x2060:
  case 0x3000:
  case 0xFEFF:
  case 0xFFFD:
    return true;
  default:
    break;
  }
  if ((cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
      (cp >= 0x2066 && cp <= 0x2069))
    return true;
  if (cp >= 0x2018 && cp <= 0x201F)
    return quotes;
  if (cp >= 0xFB00 && cp <= 0xFB06)
    return true;
  return fullwidth && cp >= 0xFF01 && cp <= 0xFF5E;
}

static unsigned compute_flags(const struct repair *r, uint32_t cp) {
  unsigned f = 0;
  if (char_flag(cp, r->fullwidth, r->ascii_quotes))
    f |= FL_CHAR;
  if (norm_flag(cp, r->nfkc))
    f |= FL_NORM;
  return f;
}

/* Everything known of cp: its mojibake class (kempt__mojibake_class) in
 * the low bits, its FL_ flags from bit INFO_SHIFT, the charsets where it
 * leads a 3- or 4-byte sequence (kempt__mojibake_long) from bit
 * INFO_LONG, and for normalization whether its combining class is not 0
 * (INFO_CCC) and whether it is the second half of a composition
 * (INFO_SECOND); below FLAG_LIMIT kept in r->info once asked for
 * (INFO_KNOWN), so that a new handle is cheap. INFO_QUIET: scan_flags()
 * may pass it by (no flags, no continuation in any charset, and nothing
 * that a space after it or two characters after it may make cp1252
 * mojibake of: see its quiet run). */
#define INFO_SHIFT 27
#define INFO_KNOWN 0x80000000u
#define INFO_LONG 32
#define INFO_FFFD ((uint64_t)1 << 48)
#define INFO_CCC ((uint64_t)1 << 49)
#define INFO_SECOND ((uint64_t)1 << 50)
#define INFO_QUIET ((uint64_t)1 << 51)
static uint64_t compute_info(const struct repair *r, uint32_t cp) {
  uint64_t m = 0;
  if (cp < 0x2600 || cp == 0xFFFD || (cp >= 0xF8FF && cp <= 0xFB02))
    m = kempt__mojibake_class(r->mj, cp) |
        (uint64_t)kempt__mojibake_long(r->mj, cp) << INFO_LONG;
  if (cp == 0xFFFD)
    m |= INFO_FFFD;
  if (utf8proc_get_property((utf8proc_int32_t)cp)->combining_class != 0)
    m |= INFO_CCC;
  if (compose_second(cp))
    m |= INFO_SECOND;
  unsigned f = compute_flags(r, cp);
  uint64_t loud = (uint64_t)0x1FFu << 16 | KEMPT__MJ_OPEN |
                  KEMPT__MJ_CP1252 | (uint64_t)KEMPT__MJ_CP1252 << INFO_LONG |
                  INFO_FFFD;
  if (!f && !(m & loud))
    m |= INFO_QUIET;
  return m | (uint32_t)f << INFO_SHIFT | INFO_KNOWN;
}

/* compute_info() of cp below FLAG_LIMIT, kept in r->info (and in
 * r->qmap when cp is a quiet 2-byte character). */
static uint64_t learn_info(struct repair *r, uint32_t cp) {
  uint64_t c = compute_info(r, cp);
  r->info[cp] = c;
  if (cp >= 0x80 && cp < 0x800 && (c & INFO_QUIET))
    r->qmap[(cp >> 7) & 15][((cp >> 6) & 1) << 3 | ((cp >> 3) & 7)] |=
        (uint8_t)(1u << (cp & 7));
  return c;
}

static inline uint64_t cp_info(struct repair *r, uint32_t cp) {
  if (cp < FLAG_LIMIT) {
    if (!r->info[cp])
      learn_info(r, cp);
    return r->info[cp];
  }
  if ((cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7A3))
    return 0; /* Han and Hangul syllables: nothing to do */
  struct info_slot *e = &r->cache[cp % CACHE_SIZE];
  if (e->cp != cp || !e->info) {
    e->cp = cp;
    e->info = compute_info(r, cp);
  }
  return e->info; /* fullwidth forms, emoji ... */
}

static inline unsigned cp_flags(struct repair *r, uint32_t cp) {
  return ((uint32_t)cp_info(r, cp) & ~INFO_KNOWN) >> INFO_SHIFT;
}

static inline bool needy(unsigned char c) {
  return c >= 0x7F || c == '&' || (c < 0x20 && c != '\t' && c != '\n');
}

#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* Whether one of the 8 bytes of w may need work: a byte >= 0x7F, below
 * 0x20 (TAB and LF too: they are rare enough) or '&'. */
static inline bool word_needy(uint64_t w) {
  uint64_t amp = w ^ (ONES * '&'), del = w ^ (ONES * 0x7F);
  uint64_t hit = w | ((w - ONES * 0x20) & ~w) | ((amp - ONES) & ~amp) |
                 ((del - ONES) & ~del);
  return (hit & HIGHS) != 0;
}

#ifdef __SSE2__
/* Bits of the 16 bytes at p that need no work (bit k: byte k): printable
 * ASCII but '&' and DEL, TAB and LF. */
static inline unsigned plain16(const unsigned char *p) {
  __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
  __m128i ok = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x1F)),
                             _mm_cmplt_epi8(v, _mm_set1_epi8(0x7F)));
  ok = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('&')), ok);
  ok = _mm_or_si128(ok, _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')));
  ok = _mm_or_si128(ok, _mm_cmpeq_epi8(v, _mm_set1_epi8('\t')));
  return (unsigned)_mm_movemask_epi8(ok);
}
#endif

#ifdef __SSE2__
/* The bytes of v that are not plain16()'s, 0xFF each (v is ASCII). */
static inline __m128i needy16(__m128i v) {
  __m128i ok = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x1F)),
                             _mm_cmplt_epi8(v, _mm_set1_epi8(0x7F)));
  ok = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('&')), ok);
  ok = _mm_or_si128(ok, _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')));
  ok = _mm_or_si128(ok, _mm_cmpeq_epi8(v, _mm_set1_epi8('\t')));
  return _mm_xor_si128(ok, _mm_set1_epi8(-1));
}
#endif

/* The end of the run of ASCII at q..end (the first byte beyond ASCII, or
 * end); *seen is set when a byte of it needs work (needy()). Sixteen
 * bytes at a time with SSE2; the last ones, when start..end holds
 * sixteen, as the sixteen that end it. */
static inline const unsigned char *ascii_run(const unsigned char *start,
                                             const unsigned char *q,
                                             const unsigned char *end,
                                             bool *seen) {
#ifdef __SSE2__
  /* the needy bytes of the whole sixteens passed, gathered */
  __m128i acc = _mm_setzero_si128();
  while (end - q >= 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)q);
    unsigned high = (unsigned)_mm_movemask_epi8(v);
    if (high) {
      unsigned bad = plain16(q) ^ 0xFFFFu; /* needy, or beyond ASCII */
      bad &= (1u << __builtin_ctz(high)) - 1; /* the ASCII before it */
      *seen = *seen || bad || _mm_movemask_epi8(acc);
      return q + __builtin_ctz(high);
    }
    acc = _mm_or_si128(acc, needy16(v));
    q += 16;
  }
  *seen = *seen || _mm_movemask_epi8(acc);
  if (q < end && end - start >= 16) {
    unsigned s = (unsigned)(16 - (end - q)); /* bytes before q */
    const unsigned char *b = end - 16;
    unsigned high = (unsigned)_mm_movemask_epi8(
                        _mm_loadu_si128((const __m128i *)(const void *)b)) >>
                    s;
    unsigned bad = (plain16(b) ^ 0xFFFFu) >> s;
    if (high) {
      bad &= (1u << __builtin_ctz(high)) - 1;
      *seen = *seen || bad;
      return q + __builtin_ctz(high);
    }
    *seen = *seen || bad;
    return end;
  }
#endif
  while (q < end && *q < 0x80) {
    *seen = *seen || needy(*q);
    q++;
  }
  return q;
}

/* Index of the first byte of p[0..n) that needs work, n if none; *lf
 * gets the index of the last LF before it (SIZE_MAX if none): the lines
 * up to there are clean, whatever their number. */
static size_t clean_lines(const unsigned char *p, size_t n, size_t *lf) {
  size_t i = 0, last = SIZE_MAX;
#ifdef __SSE2__
  const __m128i nl = _mm_set1_epi8('\n');
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
    unsigned stop = plain16(p + i) ^ 0xFFFFu;
    unsigned lfs = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, nl));
    if (stop) {
      lfs &= (1u << __builtin_ctz(stop)) - 1;
      *lf = lfs ? i + 31 - (size_t)__builtin_clz(lfs) : last;
      return i + (size_t)__builtin_ctz(stop);
    }
    if (lfs)
      last = i + 31 - (size_t)__builtin_clz(lfs);
  }
#endif
  for (; i < n && !needy(p[i]); i++)
    if (p[i] == '\n')
      last = i;
  *lf = last;
  return i;
}

#ifdef HAVE_AVX2_PATH
/* clean_lines() 32 bytes at a time, where the CPU has AVX2. */
__attribute__((target("avx2"))) static size_t
clean_lines_avx2(const unsigned char *p, size_t n, size_t *lf) {
  size_t i = 0, last = SIZE_MAX;
  const __m256i lo = _mm256_set1_epi8(0x1F), hi = _mm256_set1_epi8(0x7F),
                amp = _mm256_set1_epi8('&'), tab = _mm256_set1_epi8('\t'),
                nl = _mm256_set1_epi8('\n');
  for (; i + 32 <= n; i += 32) {
    __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(p + i));
    /* printable ASCII but '&' and DEL, or TAB or LF */
    __m256i ok = _mm256_and_si256(_mm256_cmpgt_epi8(v, lo),
                                  _mm256_cmpgt_epi8(hi, v));
    __m256i is_lf = _mm256_cmpeq_epi8(v, nl);
    ok = _mm256_andnot_si256(_mm256_cmpeq_epi8(v, amp), ok);
    ok = _mm256_or_si256(ok, _mm256_or_si256(_mm256_cmpeq_epi8(v, tab), is_lf));
    unsigned stop = ~(unsigned)_mm256_movemask_epi8(ok);
    unsigned lfs = (unsigned)_mm256_movemask_epi8(is_lf);
    if (stop) {
      unsigned b = (unsigned)__builtin_ctz(stop);
      lfs &= b < 31 ? (1u << b) - 1 : 0x7FFFFFFFu;
      *lf = lfs ? i + 31 - (size_t)__builtin_clz(lfs) : last;
      return i + b;
    }
    if (lfs)
      last = i + 31 - (size_t)__builtin_clz(lfs);
  }
  size_t rest;
  size_t k = clean_lines(p + i, n - i, &rest);
  *lf = rest != SIZE_MAX ? i + rest : last;
  return i + k;
}

/* __builtin_cpu_supports reads what libgcc found out at start-up. */
static bool avx2_ok(void) { return __builtin_cpu_supports("avx2") != 0; }
#endif

/* clean_lines() with AVX2 when there may be enough bytes for it. */
static inline size_t clean_lines_any(const struct repair *r,
                                     const unsigned char *p, size_t n,
                                     size_t *lf) {
#ifdef HAVE_AVX2_PATH
  if (r->avx2 && n >= 64)
    return clean_lines_avx2(p, n, lf);
#else
  (void)r;
#endif
  return clean_lines(p, n, lf);
}

/* clean_lines_any(), the first sixteen bytes looked at inline: a line
 * after one that needed a look often needs one early too (a bullet, a
 * line of another script). */
static inline size_t clean_lines_first(const struct repair *r,
                                       const unsigned char *p, size_t n,
                                       size_t *lf) {
#ifdef __SSE2__
  if (n >= 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    unsigned lfs =
        (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')));
    unsigned stop = plain16(p) ^ 0xFFFFu;
    if (stop) {
      lfs &= (1u << __builtin_ctz(stop)) - 1;
      *lf = lfs ? 31 - (size_t)__builtin_clz(lfs) : SIZE_MAX;
      return (size_t)__builtin_ctz(stop);
    }
    size_t rest, k = 16 + clean_lines_any(r, p + 16, n - 16, &rest);
    *lf = rest != SIZE_MAX ? 16 + rest
          : lfs        ? 31 - (size_t)__builtin_clz(lfs)
                       : SIZE_MAX;
    return k;
  }
#endif
  return clean_lines_any(r, p, n, lf);
}

/* Index of the first byte of p[0..n) that needs work, n if none; the
 * 'back' bytes before p may be read (the last bytes are read as the
 * sixteen that end p[0..n) when there are so many). */
static size_t clean_prefix(const unsigned char *p, size_t n, size_t back) {
  size_t i = 0;
#ifdef __SSE2__
  while (i + 16 <= n) {
    unsigned ok = plain16(p + i);
    if (ok != 0xFFFF)
      return i + (size_t)__builtin_ctz(~ok);
    i += 16;
  }
  if (i < n && n + back >= 16) {
    unsigned ok = plain16(p + n - 16) >> (16 - (n - i));
    return i + (size_t)__builtin_ctz(~ok);
  }
#endif
  for (;;) {
    while (i + 8 <= n) {
      uint64_t w;
      memcpy(&w, p + i, 8);
      if (word_needy(w))
        break;
      i += 8;
    }
    size_t end = i + 8 < n ? i + 8 : n;
    while (i < end && !needy(p[i]))
      i++;
    if (i < end || i == n)
      return i;
  }
}

/* ---- pass 2: characters ------------------------------------------------- */

struct cpass {
  struct repair *r;
  const unsigned char *p;
  size_t n, i;
  bool rtl;
  struct kempt_buf *out;
  unsigned nflags; /* flags of what was written */
  enum kempt_status st;
};

static void cp_out(struct cpass *c, const char *s, size_t n) {
  if (c->st == KEMPT_OK)
    c->st = kempt__buf_add(c->out, s, n);
}

static void change(struct cpass *c, const char *rule, size_t blen,
                   const char *after, size_t alen) {
  kempt__change(c->r->env, rule, c->r->pos + c->i, (const char *)c->p + c->i,
                blen, after, alen);
  cp_out(c, after, alen);
  c->i += blen;
}

static bool is_rtl(uint32_t cp) {
  return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) ||
         (cp >= 0xFE70 && cp <= 0xFEFF);
}

static bool joining_script(uint32_t cp) { /* ZWNJ/ZWJ are meaningful */
  return (cp >= 0x0600 && cp <= 0x08FF) || (cp >= 0x0900 && cp <= 0x0DFF) ||
         (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFC) ||
         (cp >= 0x0700 && cp <= 0x074F) || (cp >= 0x1780 && cp <= 0x17FF);
}

static bool emoji_like(uint32_t cp) {
  return cp >= 0x1F000 || (cp >= 0x2600 && cp <= 0x27BF) || cp == 0xFE0F ||
         (cp >= 0x2190 && cp <= 0x21FF) || (cp >= 0x2B00 && cp <= 0x2BFF) ||
         cp == 0x200D || cp == 0x2640 || cp == 0x2642;
}

/* The code point before byte i of the pass input (0 at the start). */
static uint32_t prev_cp(const struct cpass *c) {
  size_t j = c->i;
  if (j == 0)
    return 0;
  do
    j--;
  while (j > 0 && (c->p[j] & 0xC0) == 0x80);
  uint32_t cp;
  kempt__utf8_get(c->p + j, c->i - j, &cp);
  return cp;
}

static uint32_t next_cp(const struct cpass *c, size_t len) {
  size_t j = c->i + len;
  uint32_t cp = 0;
  if (j < c->n)
    kempt__utf8_get(c->p + j, c->n - j, &cp);
  return cp;
}

/* A virama (combining class 9: Devanagari's U+094D, Malayalam's U+0D4D,
 * Khmer's coeng ...): a joiner after it shapes the letter before it (a
 * half form, a Malayalam chillu: U+0D28 U+0D4D U+200D at a word's end),
 * whatever follows. */
static bool virama(uint32_t cp) {
  return joining_script(cp) &&
         utf8proc_get_property((utf8proc_int32_t)cp)->combining_class == 9;
}

static void joiner(struct cpass *c, uint32_t cp) {
  uint32_t prev = prev_cp(c), next = next_cp(c, 3);
  bool keep = (joining_script(prev) && joining_script(next)) || virama(prev);
  if (cp == 0x200D)
    keep = keep || (emoji_like(prev) && emoji_like(next));
  if (keep) {
    cp_out(c, (const char *)c->p + c->i, 3);
    c->i += 3;
    return;
  }
  change(c, "zero-width", 3, "", 0);
}

static const char *const ligatures[7] = {"ff",  "fi", "fl", "ffi",
                                         "ffl", "st", "st"};

static const char *quote_fold(uint32_t cp) {
  if (cp >= 0x2018 && cp <= 0x201B)
    return "'";
  return "\"";
}

/* Spaces, separators, invisible characters (cp >= 0xA0). */
static bool special_space(struct cpass *c, uint32_t cp, size_t len) {
  if (cp == 0x00A0 && c->r->keep_nbsp)
    return false;
  if (cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
      cp == 0x202F || cp == 0x205F || cp == 0x3000) {
    change(c, "space", len, " ", 1);
    return true;
  }
  if (cp == 0x2028 || cp == 0x2029) {
    change(c, cp == 0x2028 ? "line-separator" : "paragraph-separator", len,
           "\n\n", cp == 0x2028 ? 1 : 2);
    return true;
  }
  if (cp == 0x200C || cp == 0x200D) {
    joiner(c, cp);
    return true;
  }
  if (cp == 0x200B || cp == 0x2060 || cp == 0x180E) {
    change(c, "zero-width", len, "", 0);
    return true;
  }
  return false;
}

/* The other characters that pass 2 may change (cp >= 0xA0). */
static bool special_char(struct cpass *c, uint32_t cp, size_t len) {
  if (special_space(c, cp, len))
    return true;
  if (cp == 0x00AD) {
    change(c, "soft-hyphen", len, "", 0);
  } else if (cp == 0xFEFF) {
    change(c, "bom", len, "", 0);
  } else if (cp == 0x061C || cp == 0x200E || cp == 0x200F ||
             (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
    if (c->rtl)
      return false;
    change(c, "bidi-control", len, "", 0);
  } else if (cp >= 0xFB00 && cp <= 0xFB06) {
    const char *l = ligatures[cp - 0xFB00];
    change(c, "ligature", len, l, strlen(l));
  } else if (cp >= 0xFF01 && cp <= 0xFF5E && c->r->fullwidth) {
    char o = (char)(cp - 0xFEE0);
    change(c, "fullwidth", len, &o, 1);
  } else if (cp >= 0x2018 && cp <= 0x201F && c->r->ascii_quotes) {
    change(c, "ascii-quotes", len, quote_fold(cp), 1);
  } else {
    return false;
  }
  return true;
}

static const uint16_t cp1252_c1[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

/* A C1 control left over by the mojibake pass is read as Windows-1252, as
 * decode reads a stray byte. The five bytes cp1252 leaves undefined (0x81
 * 0x8D 0x8F 0x90 0x9D) have no reading: the character stays what it is
 * (sloppy cp1252, as ftfy does), since removing it would lose a byte that
 * no rule can explain. */
/* The C1 control cp, len bytes at c->i: 2 in UTF-8, 1 where a stage is
 * fed bytes that are not UTF-8 (never read past them). */
static void c1_control(struct cpass *c, uint32_t cp, size_t len) {
  uint32_t m = cp1252_c1[cp - 0x80];
  if (!m) {
    cp_out(c, (const char *)c->p + c->i, len);
    c->i += len;
    return;
  }
  char o[4];
  size_t k = kempt__utf8_put(m, o);
  c->nflags |= cp_flags(c->r, m);
  change(c, "c1-as-cp1252", len, o, k);
}

/* ESC [ parameters intermediates final: the length, 0 if not complete. */
static size_t ansi_len(const unsigned char *p, size_t n) {
  size_t k = 2;
  if (n < 3 || p[1] != '[')
    return 0;
  while (k < n && k < 64 && p[k] >= 0x30 && p[k] <= 0x3F)
    k++;
  while (k < n && k < 64 && p[k] >= 0x20 && p[k] <= 0x2F)
    k++;
  return k < n && p[k] >= 0x40 && p[k] <= 0x7E ? k + 1 : 0;
}

static void ascii_special(struct cpass *c, unsigned char ch) {
  if (ch == '&') {
    cp_out(c, "&", 1);
    c->i++;
    return;
  }
  size_t k = ch == 0x1B ? ansi_len(c->p + c->i, c->n - c->i) : 0;
  if (k)
    change(c, "ansi-escape", k, "", 0);
  else if (ch == '\r') {
    cp_out(c, "\r", 1);
    c->i++;
  } else {
    change(c, "control", 1, "", 0);
  }
}

/* Whether the segment holds a markup-like tag: "<" + letter, "/" or "!",
 * and a ">" later. */
static bool has_markup(const unsigned char *p, size_t n) {
  const unsigned char *lt = memchr(p, '<', n);
  while (lt) {
    size_t at = (size_t)(lt - p);
    unsigned char nx = at + 1 < n ? p[at + 1] : 0;
    if (((nx | 0x20) >= 'a' && (nx | 0x20) <= 'z') || nx == '/' || nx == '!')
      if (memchr(lt, '>', n - at))
        return true;
    lt = memchr(lt + 1, '<', n - at - 1);
  }
  return false;
}

static bool has_rtl(const unsigned char *p, size_t n) {
  for (size_t i = 0; i < n;) {
    uint32_t cp;
#ifdef __SSE2__
    if (n - i >= 16) { /* ASCII sixteen bytes at a time */
      unsigned high = (unsigned)_mm_movemask_epi8(
          _mm_loadu_si128((const __m128i *)(const void *)(p + i)));
      if (!high) {
        i += 16;
        continue;
      }
      i += (unsigned)__builtin_ctz(high);
    }
#endif
    if (p[i] < 0x80) {
      i++;
      continue;
    }
    i += kempt__utf8_get(p + i, n - i, &cp);
    if (is_rtl(cp))
      return true;
  }
  return false;
}

static void cpass_step(struct cpass *c) {
  unsigned char ch = c->p[c->i];
  size_t run = c->i;
  run += clean_prefix(c->p + run, c->n - run, run);
  if (run > c->i) {
    cp_out(c, (const char *)c->p + c->i, run - c->i);
    c->i = run;
    return;
  }
  if (ch < 0x80) {
    ascii_special(c, ch);
    return;
  }
  uint32_t cp;
  size_t len = kempt__utf8_get(c->p + c->i, c->n - c->i, &cp);
  if (cp >= 0x80 && cp < 0xA0) {
    c1_control(c, cp, len);
    return;
  }
  if (cp_flags(c->r, cp) & FL_CHAR && special_char(c, cp, len))
    return;
  c->nflags |= cp_flags(c->r, cp);
  cp_out(c, (const char *)c->p + c->i, len);
  c->i += len;
}

static enum kempt_status char_pass(struct repair *r, const char *p, size_t n,
                                   struct kempt_buf *out, unsigned *nflags) {
  struct cpass c = {r, (const unsigned char *)p, n, 0, false, out, 0, KEMPT_OK};
  c.rtl = has_rtl(c.p, n);
  kempt__buf_clear(out);
  while (c.i < n && c.st == KEMPT_OK)
    cpass_step(&c);
  *nflags = c.nflags;
  return c.st;
}

/* ---- pass 1: HTML character references ------------------------------ */

static enum kempt_status entity_pass(struct repair *r, const char *p, size_t n,
                                     struct kempt_buf *out) {
  bool markup = has_markup((const unsigned char *)p, n);
  const char *amp = memchr(p, '&', n);
  size_t done = 0;
  enum kempt_status st = KEMPT_OK;
  kempt__buf_clear(out);
  while (amp && st == KEMPT_OK) {
    size_t at = (size_t)(amp - p), olen = 0;
    char o[8];
    size_t k = kempt__entity(amp, n - at, markup, o, &olen);
    if (k) {
      kempt__change(r->env, "entity", r->pos + at, amp, k, o, olen);
      st = kempt__buf_add(out, p + done, at - done);
      if (st == KEMPT_OK)
        st = kempt__buf_add(out, o, olen);
      done = at + k;
    }
    size_t from = k ? at + k : at + 1;
    amp = from < n ? memchr(p + from, '&', n - from) : NULL;
  }
  if (st == KEMPT_OK)
    st = kempt__buf_add(out, p + done, n - done);
  return st;
}

/* ---- pass 3: normalization ------------------------------------------------
 */

/* Start of the span to normalize around the character at i. */
static size_t span_start(struct repair *r, const unsigned char *p,
                         size_t floor, size_t i, uint32_t cp) {
  if (!(cp_info(r, cp) & (INFO_CCC | INFO_SECOND)))
    return i;
  size_t j = i;
  while (j > floor) {
    do
      j--;
    while (j > floor && (p[j] & 0xC0) == 0x80);
    uint32_t c;
    kempt__utf8_get(p + j, i - j, &c);
    if (!(cp_info(r, c) & INFO_CCC) || i - j >= WIN_CAP / 2)
      return j;
  }
  return j;
}

/* End of the span: the next character that is a starter and passes the
 * quick check (it cannot combine with what is before it); a character
 * whose combining class is not 0 has FL_NORM (norm_flag()). */
static size_t span_end(struct repair *r, const unsigned char *p, size_t n,
                       size_t s, size_t i) {
  while (i < n && i - s < WIN_CAP - 8) {
    uint32_t c;
    size_t len = kempt__utf8_get(p + i, n - i, &c);
    if (c < 0x80 || !(cp_flags(r, c) & FL_NORM))
      break;
    i += len;
  }
  return i;
}

/* The slot of the span p[0..n) (n <= SPAN_MAX) in r->spans. */
static struct span_slot *span_slot(struct repair *r, const char *p, size_t n) {
  uint32_t h = (uint32_t)n * 0x9E3779B1u;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)p[i]) * 0x01000193u;
  return &r->spans[(h ^ h >> 15) % SPAN_SLOTS];
}

/* The slot that knows the normal form of the span p[0..n), or NULL. */
static inline const struct span_slot *span_known(struct repair *r,
                                                 const char *p, size_t n) {
  if (n > SPAN_MAX)
    return NULL;
  const struct span_slot *e = span_slot(r, p, n);
  if (e->len != n)
    return NULL;
  for (size_t i = 0; i < n; i++) /* a few bytes: no call */
    if (e->text[i] != p[i])
      return NULL;
  return e;
}

static enum kempt_status normalize_span(struct repair *r, const char *p,
                                        size_t n, size_t at,
                                        struct kempt_buf *out) {
  utf8proc_option_t o = UTF8PROC_STABLE | (r->nfkc ? UTF8PROC_COMPAT : 0);
  utf8proc_ssize_t k =
      utf8proc_decompose((const utf8proc_uint8_t *)p, (utf8proc_ssize_t)n,
                         r->ucs, UCS_CAP, o | UTF8PROC_DECOMPOSE);
  if (k < 0 || k > UCS_CAP)
    return kempt__buf_add(out, p, n);
  k = utf8proc_reencode(r->ucs, k, o | UTF8PROC_COMPOSE);
  if (k < 0)
    return kempt__buf_add(out, p, n);
  bool changed = (size_t)k != n || memcmp(r->ucs, p, n) != 0;
  if (changed)
    kempt__change(r->env, r->nfkc ? "nfkc" : "nfc", r->pos + at, p, n,
                  (const char *)r->ucs, (size_t)k);
  if (n <= SPAN_MAX && (size_t)k <= SPAN_MAX) { /* remember it */
    struct span_slot *e = span_slot(r, p, n);
    e->len = (uint8_t)n;
    e->outlen = (uint8_t)k;
    e->changed = changed;
    memcpy(e->text, p, n);
    memcpy(e->out, r->ucs, (size_t)k);
  }
  return kempt__buf_add(out, r->ucs, (size_t)k);
}

static enum kempt_status norm_pass(struct repair *r, const char *text, size_t n,
                                   struct kempt_buf *out) {
  const unsigned char *p = (const unsigned char *)text;
  size_t i = 0, done = 0; /* text[done..i) is not yet in out */
  size_t floor = 0;       /* the end of the last span */
  enum kempt_status st = KEMPT_OK;
  kempt__buf_clear(out);
  while (i < n && st == KEMPT_OK) {
    uint32_t cp;
    if (p[i] < 0x80) { /* ASCII: nothing to normalize, sixteen at a time */
      i++;
#ifdef __SSE2__
      for (; n - i >= 16; i += 16) {
        unsigned high = (unsigned)_mm_movemask_epi8(
            _mm_loadu_si128((const __m128i *)(const void *)(p + i)));
        if (high) {
          i += (unsigned)__builtin_ctz(high);
          break;
        }
      }
#endif
      continue;
    }
    size_t len = kempt__utf8_get(p + i, n - i, &cp);
    if (!(cp_flags(r, cp) & FL_NORM)) {
      i += len;
      continue;
    }
    size_t s = span_start(r, p, floor, i, cp);
    size_t e = span_end(r, p, n, s, i + len);
    floor = i = e;
    const struct span_slot *known = span_known(r, text + s, e - s);
    if (known && !known->changed)
      continue; /* copied with what follows */
    st = kempt__buf_add(out, text + done, s - done);
    if (st == KEMPT_OK && known) { /* as normalize_span() does it */
      kempt__change(r->env, r->nfkc ? "nfkc" : "nfc", r->pos + s, text + s,
                    e - s, known->out, known->outlen);
      st = kempt__buf_add(out, known->out, known->outlen);
    } else if (st == KEMPT_OK) {
      st = normalize_span(r, text + s, e - s, s, out);
    }
    done = e;
  }
  if (st == KEMPT_OK)
    st = kempt__buf_add(out, text + done, n - done);
  return st;
}

/* ---- segments ------------------------------------------------------------ */

/* Parts of a character's info for the mojibake test of scan_flags: the
 * charsets where it leads a 2-byte sequence, a longer one, or continues
 * one. */
#define MJ_ALL 0x1FFu
static inline uint32_t lead_long(uint64_t c) {
  return (uint32_t)(c >> INFO_LONG) & MJ_ALL;
}
static inline uint32_t lead_short(uint64_t c) {
  return (uint32_t)c & MJ_ALL & ~lead_long(c);
}
static inline uint32_t cont_of(uint64_t c) {
  return (uint32_t)(c >> 16) & MJ_ALL;
}
#define CONT_BITS ((uint64_t)MJ_ALL << 16)

/* 3-byte characters whose info is 0 (cp_info: U+3400..U+9FFF and the
 * Hangul syllables up to U+D77F), by the low half of the first byte: the
 * second byte b1 is one when b1 - blank3_lo <= blank3_span. */
static const uint8_t blank3_lo[16] = {0xFF, 0xFF, 0xFF, 0x90, 0x80, 0x80,
                                      0x80, 0x80, 0x80, 0x80, 0xB0, 0x80,
                                      0x80, 0x80, 0xFF, 0xFF};
static const uint8_t blank3_span[16] = {0,    0,    0,    0x2F, 0x3F, 0x3F,
                                        0x3F, 0x3F, 0x3F, 0x3F, 0x0F, 0x3F,
                                        0x3F, 0x1D, 0,    0};

/* The bytes from q on that repeat the 3-byte character before q (q[-3]
 * is readable), whole copies of it: q[i] == q[i - 3] below the result. */
static inline size_t skip_copies(const unsigned char *q,
                                 const unsigned char *end) {
  size_t n = (size_t)(end - q), m = 0;
  const unsigned char *prev = q - 3; /* prev[m]: q[m - 3] without m - 3 */
#ifdef __SSE2__
  while (n - m >= 16) {
    __m128i a = _mm_loadu_si128((const __m128i *)(const void *)(q + m));
    __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(prev + m));
    unsigned ne = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(a, b)) ^ 0xFFFFu;
    if (ne) {
      m += (unsigned)__builtin_ctz(ne);
      return m - m % 3;
    }
    m += 16;
  }
#endif
  while (m < n && q[m] == prev[m])
    m++;
  return m - m % 3;
}

#ifdef HAVE_AVX2_PATH
/* scan_flags()'s quiet run sixteen bytes at a time (fifteen when the last
 * is a lead): while they are spaces and 2-byte characters in r->qmap of
 * one pair of leads (0xD0/0xD1, 0xCE/0xCF, 0xD8/0xD9 ...), looked up
 * with a byte shuffle. Returns the bytes passed (q[0] a quiet character,
 * at least 17 bytes to end), and when some, sets *p1 and *p2 as they are
 * after them. */
__attribute__((target("avx2"))) static size_t
quiet_chunks(const struct repair *r, const unsigned char *q,
             const unsigned char *end, uint64_t *p1, uint64_t *p2) {
  const unsigned char *s = q;
  const __m128i bits = _mm_setr_epi8(1, 2, 4, 8, 16, 32, 64, (char)128, 1, 2,
                                     4, 8, 16, 32, 64, (char)128);
  const __m256i bits2 = _mm256_broadcastsi128_si256(bits);
  while (end - q >= 33) { /* 32 bytes (31) at a time first */
    __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)q);
    __m256i w = _mm256_loadu_si256((const __m256i *)(const void *)(q + 1));
    uint32_t sp = (uint32_t)_mm256_movemask_epi8(
        _mm256_cmpeq_epi8(v, _mm256_set1_epi8(' ')));
    uint32_t ld = (uint32_t)_mm256_movemask_epi8(_mm256_and_si256(
        _mm256_cmpgt_epi8(v, _mm256_set1_epi8((char)0xC1)),
        _mm256_cmpgt_epi8(_mm256_set1_epi8((char)0xE0), v)));
    uint32_t ct = (uint32_t)_mm256_movemask_epi8(
        _mm256_cmpgt_epi8(_mm256_set1_epi8((char)0xC0), v));
    if ((sp | ld | ct) != 0xFFFFFFFFu || (ld << 1) != ct || !ld)
      break;
    unsigned lead = q[__builtin_ctz(ld)];
    uint32_t same = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
        _mm256_and_si256(v, _mm256_set1_epi8((char)0xFE)),
        _mm256_set1_epi8((char)(lead & 0xFEu))));
    uint32_t mine = ld & 0x7FFFFFFFu; /* a lead at 31 is the next one's */
    if (mine & ~same)
      break;
    __m256i tbl = _mm256_broadcastsi128_si256(_mm_loadu_si128(
        (const __m128i *)(const void *)r->qmap[(lead >> 1) & 15]));
    __m256i idx = _mm256_or_si256(
        _mm256_and_si256(_mm256_slli_epi16(v, 3), _mm256_set1_epi8(8)),
        _mm256_and_si256(_mm256_srli_epi16(w, 3), _mm256_set1_epi8(7)));
    __m256i got = _mm256_and_si256(
        _mm256_shuffle_epi8(tbl, idx),
        _mm256_shuffle_epi8(bits2, _mm256_and_si256(w, _mm256_set1_epi8(7))));
    uint32_t miss = (uint32_t)_mm256_movemask_epi8(
        _mm256_cmpeq_epi8(got, _mm256_setzero_si256()));
    if (miss & mine)
      break;
    q += (ld & 0x80000000u) ? 31 : 32;
  }
  while (end - q >= 17) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)q);
    __m128i w = _mm_loadu_si128((const __m128i *)(const void *)(q + 1));
    unsigned sp =
        (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')));
    unsigned ld = (unsigned)_mm_movemask_epi8(
        _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8((char)0xC1)),
                      _mm_cmplt_epi8(v, _mm_set1_epi8((char)0xE0))));
    unsigned ct = (unsigned)_mm_movemask_epi8(
        _mm_cmplt_epi8(v, _mm_set1_epi8((char)0xC0)));
    if ((sp | ld | ct) != 0xFFFFu || ((ld << 1) & 0xFFFFu) != ct || !ld)
      break;
    unsigned lead = q[__builtin_ctz(ld)];
    unsigned same = (unsigned)_mm_movemask_epi8(
        _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xFE)),
                       _mm_set1_epi8((char)(lead & 0xFEu))));
    unsigned mine = ld & 0x7FFFu; /* a lead at 15 is the next chunk's */
    if (mine & ~same)
      break;
    __m128i tbl = _mm_loadu_si128(
        (const __m128i *)(const void *)r->qmap[(lead >> 1) & 15]);
    __m128i idx = _mm_or_si128(
        _mm_and_si128(_mm_slli_epi16(v, 3), _mm_set1_epi8(8)),
        _mm_and_si128(_mm_srli_epi16(w, 3), _mm_set1_epi8(7)));
    __m128i got = _mm_and_si128(
        _mm_shuffle_epi8(tbl, idx),
        _mm_shuffle_epi8(bits, _mm_and_si128(w, _mm_set1_epi8(7))));
    unsigned miss = (unsigned)_mm_movemask_epi8(
        _mm_cmpeq_epi8(got, _mm_setzero_si128()));
    if (miss & mine)
      break;
    q += (ld & 0x8000u) ? 15 : 16;
  }
  if (q != s) { /* the last two of the chunk: a space, or a character */
    const uint64_t space = (uint64_t)KEMPT__MJ_CP1252 << 16;
    const unsigned char *e = q;
    uint64_t c[2];
    for (int j = 0; j < 2; j++) {
      if (e[-1] == ' ') {
        c[j] = space;
        e -= 1;
      } else {
        c[j] = r->info[((size_t)e[-2] << 6) + e[-1] - 0x3080u];
        e -= 2;
      }
    }
    *p1 = c[0];
    *p2 = c[1];
  }
  return (size_t)(q - s);
}
#endif

/* Whether kempt__mojibake_fix, trying the charsets of csmask, provably
 * leaves p[0..n) as it is, although a lead byte is followed by a space:
 * an all-caps word ending in a letter that leads a sequence somewhere
 * ("Р", "Π", "Ε" in Russian or Greek; "Ù", "Å" in Italian or Swedish)
 * before a space. It holds when
 *  - no U+FFFD is there, no character leads a sequence in one of those
 *    charsets that the next one continues, and in cp1252 no lead is
 *    followed by '?', nor by a space unless it is "Å", "Î", "Ð" or "Ù":
 *    then every sequence mojibake.c can read is a 2-byte lead completed
 *    by a space read as a lost NBSP (only cp1252 reads a space after
 *    other leads, or '?'; and a strong one only after "Ã"), so each
 *    candidate is at best V_WEAK and needs the whole line to back it
 *    (consistent_line), and
 *  - a character beyond ASCII other than U+00A0 is followed by one that
 *    is not a space (or ends the text): no candidate covers it, so the
 *    line is mixed or holds a foreign character, and nothing backs them;
 *    or at most one lead is followed by a space: one candidate at most,
 *    and the line backs two or more only.
 * The characters are read as kempt__mojibake_fix reads them (a clean
 * ASCII start makes no difference). */
static bool spaces_only(struct repair *r, const unsigned char *p, size_t n,
                        uint32_t csmask) {
  uint64_t prev = 0;
  uint32_t prev_cp = 0;
  bool solid = false;
  size_t opens = 0; /* leads followed by a space */
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    i += get_cp(p + i, n - i, &cp);
    uint64_t c = 0;
    if (cp >= 0x80) {
      if (cp == 0xFFFD)
        return false;
      c = cp_info(r, cp);
      if (cont_of(c) & (uint32_t)prev & csmask)
        return false;
    } else if ((cp == ' ' || cp == '?') &&
               ((uint32_t)prev & csmask & KEMPT__MJ_CP1252) &&
               (cp == '?' || (prev_cp != 0xC5 && prev_cp != 0xCE &&
                              prev_cp != 0xD0 && prev_cp != 0xD9))) {
      return false;
    }
    opens += cp == ' ' && ((uint32_t)prev & csmask);
    solid = solid || (prev_cp >= 0x80 && prev_cp != 0xA0 && cp != ' ');
    prev = c;
    prev_cp = cp;
    if (cp < 0x80) { /* ASCII after ASCII changes nothing: past it */
      while (n - i >= 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if (w & HIGHS)
          break;
        i += 8;
      }
      while (i < n && p[i] < 0x80)
        i++;
    }
  }
  return solid || (prev_cp >= 0x80 && prev_cp != 0xA0) || opens <= 1;
}

/* The flags of the characters of p[0..n), and FL_MOJI when, in some
 * charset, a possible lead byte is followed by a possible continuation and
 * by as many more as it needs (a 2-byte lead by one, a longer one by at
 * least two; a space or '?' may stand for a lost byte, as
 * kempt__mojibake_fix reads them). Those charsets go to r->csmask. Only a
 * character that may continue a sequence needs a look at the two before
 * it (p1, p2), so that the common character costs a table look-up. The
 * 'back' bytes before p may be read (ascii_run's last sixteen). */
static unsigned scan_flags(struct repair *r, const unsigned char *p, size_t n,
                           size_t back) {
  uint64_t acc = 0, p1 = 0, p2 = 0;
  uint32_t pairs = 0; /* a lead followed by a continuation */
  uint32_t done = 0;  /* ... and by all it needs */
  /* an empty buffer may have no storage: no offset from a null p */
  const unsigned char *q = p, *end = n ? p + n : p;
  const uint64_t space = (uint64_t)KEMPT__MJ_CP1252 << 16;
  while (q < end) {
    unsigned char ch = *q;
    if (ch < 0x80) {
      uint64_t c = 0;
      if (ch == ' ' || ch == '?') {
        uint32_t need1 = lead_short(p1) | (lead_long(p2) & cont_of(p1));
        done |= need1 & KEMPT__MJ_CP1252; /* cp1252 reads them as lost */
        if (p1 & KEMPT__MJ_OPEN) {
          pairs |= (uint32_t)p1;
          done |= (uint32_t)p1;
        }
        c = space;
      } else if (needy(ch)) {
        acc |= (uint64_t)FL_CHAR << INFO_SHIFT;
      }
      q++;
      /* after an ASCII character other than ' ' and '?' (c == 0) what came
       * before it no longer matters: with p1 == 0 neither a following
       * character nor a space looks at p2 */
      p2 = c ? p1 : 0;
      p1 = c;
      if (q == end || *q >= 0x80 || (p2 & ~space))
        continue;
      /* two ASCII characters, or one but ' ' or '?': the rest of the run
       * cannot matter */
      bool seen = false;
      q = ascii_run(p - back, q, end, &seen);
      if (seen)
        acc |= (uint64_t)FL_CHAR << INFO_SHIFT;
      p1 = p2 = 0;
      continue;
    }
    uint32_t cp;
    uint64_t c;
    if (ch >= 0xC2 && ch < 0xE0 && end - q >= 2) {
      /* a run of 2-byte characters (Cyrillic, Greek, Arabic ...); the
       * code point as (lead << 6) + continuation - 0x3080, which stays
       * below 0x840 whatever the second byte is */
      const unsigned char *lim = end - 1;
      if (r->info[((size_t)ch << 6) + q[1] - 0x3080u] & INFO_QUIET) {
        /* a quiet run: characters that are INFO_QUIET, and spaces between
         * them. Such a character adds nothing to acc, pairs or done, and
         * neither does a space after it or after a space after it; a
         * space reads p1 and p2 only, and those are quiet characters,
         * spaces, or (the second one only) a p1 before the run that a
         * quiet p1 hides. */
        bool more = true;
        do {
          const unsigned char *stop = lim;
#ifdef HAVE_AVX2_PATH
          if (r->avx2 && end - q >= 17) {
            q += quiet_chunks(r, q, end, &p1, &p2);
            if (end - q > 16)
              stop = q + 16; /* then sixteen bytes at a time again */
          }
#endif
          while (q < stop) {
            unsigned b = q[0];
            if (b - 0xC2u < 0x1Eu) {
              uint64_t c1 = r->info[((size_t)b << 6) + q[1] - 0x3080u];
              if (!(c1 & INFO_QUIET)) {
                more = false;
                break;
              }
              q += 2;
              p2 = p1;
              p1 = c1;
            } else if (b == ' ') {
              q++;
              p2 = p1;
              p1 = space;
            } else {
              more = false;
              break;
            }
          }
        } while (more && q < lim);
        continue;
      }
      do {
        size_t k = ((size_t)q[0] << 6) + q[1] - 0x3080u;
        q += 2;
        c = r->info[k];
        if (!c)
          c = learn_info(r, (uint32_t)k);
        acc |= c;
        if (c & CONT_BITS) {
          uint32_t cont = cont_of(c);
          uint32_t need1 = lead_short(p1) | (lead_long(p2) & cont_of(p1));
          done |= need1 & cont;
          pairs |= cont & (uint32_t)p1;
        }
        p2 = p1;
        p1 = c;
      } while (q < lim && (unsigned char)(q[0] - 0xC2) < 0x1E);
      continue;
    }
    if ((ch & 0xF0) == 0xE0 && end - q >= 3) {
      /* a run of 3-byte characters: Han and Hangul syllables (nothing to
       * do, nothing to continue) told by their first two bytes */
      const unsigned char *lim = end - 2;
      do {
        unsigned b0 = q[0] & 0x0Fu, b1 = q[1];
        if (b1 - blank3_lo[b0] <= blank3_span[b0]) {
          do { /* the run of them, the ideographs and Hangul five at a time */
            q += 3;
            q += kempt__cjk_run(q, (size_t)(end - q));
          } while (q < lim && (q[0] & 0xF0) == 0xE0 &&
                 (unsigned)q[1] - blank3_lo[q[0] & 0x0Fu] <=
                     blank3_span[q[0] & 0x0Fu]);
          p1 = 0; /* and p2 no longer matters */
          continue;
        }
        cp = (b0 << 12) | ((b1 & 0x3Fu) << 6) | (q[2] & 0x3Fu);
        q += 3;
        if (cp < FLAG_LIMIT) { /* kana, punctuation, symbols ... */
          c = r->info[cp];
          if (!c)
            c = learn_info(r, cp);
        } else {
          c = cp_info(r, cp);
        }
        acc |= c;
        if (c & CONT_BITS) {
          uint32_t cont = cont_of(c);
          uint32_t need1 = lead_short(p1) | (lead_long(p2) & cont_of(p1));
          done |= need1 & cont;
          pairs |= cont & (uint32_t)p1;
          if (c & p1 & INFO_FFFD)
            pairs |= done |= 1; /* a run of U+FFFD: collapsed later */
        }
        p2 = p1;
        p1 = c;
        if (q >= lim || (q[0] & 0xF0) != 0xE0)
          break;
        if (__builtin_expect(q[2] == q[-1] && p1 == p2 && q[0] == q[-3] &&
                                 q[1] == q[-2],
                             0)) {
          /* a run of one character (a rule of box drawing): after two of
           * them the state is (c, c), and each copy after adds what the
           * first of them adds */
          q += skip_copies(q, end);
          if (c & CONT_BITS) {
            uint32_t cont = cont_of(c);
            done |= (lead_short(c) | (lead_long(c) & cont)) & cont;
            pairs |= cont & (uint32_t)c;
            if (c & INFO_FFFD)
              pairs |= done |= 1;
          }
        }
      } while (q < lim && (q[0] & 0xF0) == 0xE0);
      continue;
    }
    if (ch < 0xE0 && end - q >= 2) {
      cp = ((uint32_t)(ch & 0x1F) << 6) | (q[1] & 0x3Fu);
      q += 2;
      c = r->info[cp];
      if (!c)
        c = learn_info(r, cp);
    } else if (ch < 0xF0 && end - q >= 3) {
      cp = ((uint32_t)(ch & 0x0F) << 12) | ((uint32_t)(q[1] & 0x3F) << 6) |
           (q[2] & 0x3Fu);
      q += 3;
      c = cp_info(r, cp);
    } else {
      q += get_cp(q, (size_t)(end - q), &cp);
      c = cp_info(r, cp);
    }
    acc |= c;
    uint32_t cont = cont_of(c);
    if (cont) {
      uint32_t need1 = lead_short(p1) | (lead_long(p2) & cont_of(p1));
      done |= need1 & cont;
      pairs |= cont & (uint32_t)p1;
      if (c & p1 & INFO_FFFD)
        pairs |= done |=
            1; /* a run of U+FFFD: collapsed by the mojibake pass */
    }
    p2 = p1;
    p1 = c;
  }
  r->csmask = pairs & done & KEMPT__MJ_LEADS;
  unsigned f = ((uint32_t)acc & ~INFO_KNOWN) >> INFO_SHIFT;
  return f | (r->csmask ? FL_MOJI : 0);
}

/* scan_flags(), without FL_MOJI (and r->csmask) when spaces_only() shows
 * kempt__mojibake_fix would change nothing. */
static unsigned scan_proved(struct repair *r, const unsigned char *p, size_t n,
                            size_t back) {
  unsigned f = scan_flags(r, p, n, back);
  if ((f & FL_MOJI) && spaces_only(r, p, n, r->csmask)) {
    r->csmask = 0;
    f &= ~(unsigned)FL_MOJI;
  }
  return f;
}

/* Next output buffer: the one that is not 'in'. */
static struct kempt_buf *other(struct repair *r, const struct kempt_buf *in) {
  return in == &r->a ? &r->b : &r->a;
}

/* Repair segment p[0..n) whose first 'clean' bytes need no work; known:
 * what scan_flags() found in p[clean..n) (and set r->csmask for) when it
 * holds no '&', or FL_UNKNOWN. */
static enum kempt_status work(struct repair *r, const char *p, size_t n,
                              size_t clean, unsigned known) {
  struct kempt_buf *in = NULL, *out = &r->a;
  enum kempt_status st = KEMPT_OK;
  if (known == FL_UNKNOWN && memchr(p + clean, '&', n - clean)) {
    st = entity_pass(r, p, n, out);
    in = out;
  }
  unsigned f = in ? scan_proved(r, (const unsigned char *)in->data, in->len, 0)
               : known != FL_UNKNOWN
                   ? known
                   : scan_proved(r, (const unsigned char *)p + clean, n - clean,
                                clean);
  if (st == KEMPT_OK && (f & FL_MOJI) &&
      kempt__mojibake_maybe(r->mj, in ? in->data : p, in ? in->len : n,
                            r->csmask)) {
    out = other(r, in);
    st = kempt__mojibake_fix(r->mj, r->env, r->pos, in ? in->data : p,
                             in ? in->len : n, r->csmask, out);
    in = out;
    f = scan_flags(r, (const unsigned char *)in->data, in->len, 0);
  }
  if (st == KEMPT_OK && (f & FL_CHAR)) {
    unsigned nf = 0;
    out = other(r, in);
    st = char_pass(r, in ? in->data : p, in ? in->len : n, out, &nf);
    f = (f & ~(unsigned)FL_NORM) | nf;
    in = out;
  }
  if (st == KEMPT_OK && (f & FL_NORM)) {
    out = other(r, in);
    st = norm_pass(r, in ? in->data : p, in ? in->len : n, out);
    in = out;
  }
  if (st == KEMPT_OK)
    st = kempt__emit(r->env, in ? in->data : p, in ? in->len : n);
  return st;
}

/* Repair one segment p[0..n) whose first 'clean' bytes need no work
 * (known: as for work()). */
static enum kempt_status segment_at(struct repair *r, const char *p, size_t n,
                                    size_t clean, unsigned known) {
  enum kempt_status st =
      clean >= n ? kempt__emit(r->env, p, n) : work(r, p, n, clean, known);
  r->pos += n;
  return st;
}

/* Repair one segment p[0..n). */
static enum kempt_status segment(struct repair *r, const char *p, size_t n) {
  return segment_at(r, p, n, clean_prefix((const unsigned char *)p, n, 0),
                    FL_UNKNOWN);
}

/* Where to cut SEG_CAP bytes of a line with no '\n': after the last space
 * in the second half, else after the last character that fits. */
static size_t cut_at(const char *p) {
  for (size_t k = SEG_CAP; k > SEG_CAP / 2; k--)
    if (p[k - 1] == ' ')
      return k;
  size_t k = SEG_CAP;
  while (k > 0 && ((unsigned char)p[k] & 0xC0) == 0x80)
    k--;
  return k;
}

/* Length of the next complete segment at p[0..n), 0 if none is complete. */
static size_t next_segment(const char *p, size_t n) {
  size_t lim = n < SEG_CAP ? n : SEG_CAP;
  const char *nl = memchr(p, '\n', lim);
  if (nl)
    return (size_t)(nl - p) + 1;
  return n > SEG_CAP ? cut_at(p) : 0;
}

/* Emit the clean whole lines p[from..to) as they are. */
static enum kempt_status emit_run(struct repair *r, const char *p, size_t from,
                                  size_t to) {
  if (to == from)
    return KEMPT_OK;
  r->pos += to - from;
  return kempt__emit(r->env, p + from, to - from);
}

/* quiet() at a glance for the common short line, which it finds the end
 * of on the way: its characters beyond ASCII stand alone (a bullet, a
 * dash, a curly quote, an accented letter in English text), each of 2 or
 * 3 bytes between bytes of plain ASCII (no '&', no control). scan_flags()
 * then finds each one's own flags and no mojibake pair - the pairs it
 * looks for are a lead followed by a character beyond ASCII, or by ' ' or
 * '?' when it is KEMPT__MJ_OPEN - so the line is quiet when none of them
 * has a flag or is an open one before ' ' or '?'. p[i] is the first byte
 * of the line p[0..) that is not plain ASCII; the line's '\n' is looked
 * for below lim, sixteen bytes at a time. True: *len gets the line's
 * length, with its '\n'. False: not shown so (quiet() looks closer). */
#ifdef HAVE_AVX2_PATH
/* stop32()'s bytes, 32 of each: read as operands from memory rather than
 * built in a register at each use (as GCC does for constants in AVX
 * code). */
#define ROW32(x)                                                               \
  {                                                                            \
    x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, \
        x, x, x, x, x, x, x                                                    \
  }
static const unsigned char stop_bytes[4][32] __attribute__((aligned(32))) = {
    ROW32(0x1F), ROW32(0x7F), ROW32('&'), ROW32('\t')};
#undef ROW32

/* The bytes among the 32 at p that end quiet_line()'s look for the line's
 * end, a bit each: all but printable ASCII ('&' and DEL not) and TAB. */
__attribute__((target("avx2"))) static inline unsigned
stop32(const unsigned char *p, const unsigned char (*k)[32]) {
#define K(r) _mm256_load_si256((const __m256i *)(const void *)k[r])
  __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)p);
  __m256i ok = _mm256_and_si256(_mm256_cmpgt_epi8(v, K(0)),
                                _mm256_cmpgt_epi8(K(1), v));
  ok = _mm256_andnot_si256(_mm256_cmpeq_epi8(v, K(2)), ok);
  ok = _mm256_or_si256(ok, _mm256_cmpeq_epi8(v, K(3)));
#undef K
  return ~(unsigned)_mm256_movemask_epi8(ok);
}
#endif

static inline __attribute__((always_inline)) bool
quiet_line_any(struct repair *r, const unsigned char *p, size_t lim, size_t i,
               size_t *len, bool wide) {
#ifdef __SSE2__
#ifdef HAVE_AVX2_PATH
  const unsigned char(*k32)[32] = stop_bytes;
  __asm__("" : "+r"(k32)); /* not folded back into constants */
#endif
  for (;;) {
    unsigned b0 = p[i];
    uint32_t cp;
    size_t w;
    if (b0 - 0xC2u < 0x1Eu && lim - i >= 3 && (p[i + 1] & 0xC0) == 0x80) {
      cp = (b0 & 0x1Fu) << 6 | (p[i + 1] & 0x3Fu);
      w = 2;
    } else if ((b0 & 0xF0) == 0xE0 && lim - i >= 4 &&
               (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
      cp = (b0 & 0x0Fu) << 12 | (p[i + 1] & 0x3Fu) << 6 | (p[i + 2] & 0x3Fu);
      w = 3;
    } else {
      return false;
    }
    unsigned char nx = p[i + w];
    if (nx >= 0x80)
      return false; /* not alone */
    uint64_t c = cp_info(r, cp);
    if ((((uint32_t)c & ~INFO_KNOWN) >> INFO_SHIFT) &
        (FL_MOJI | FL_CHAR | FL_NORM))
      return false;
    if ((c & KEMPT__MJ_OPEN) && (nx == ' ' || nx == '?'))
      return false;
    i += w;
    for (;;) { /* to the '\n', or the next byte that is not plain ASCII */
#ifdef HAVE_AVX2_PATH
      if (wide && lim - i >= 32) { /* two of the sixteens below at once */
        unsigned stop = stop32(p + i, k32);
        if (stop) {
          i += (unsigned)__builtin_ctz(stop);
          if (p[i] == '\n') {
            *len = i + 1;
            return true;
          }
          break;
        }
        i += 32;
        continue;
      }
#else
      (void)wide;
#endif
      if (lim - i < 16)
        return false; /* rare: near the end of the piece */
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
      unsigned lf = (unsigned)_mm_movemask_epi8(
          _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')));
      unsigned stop = lf | (plain16(p + i) ^ 0xFFFFu);
      if (stop) {
        unsigned k = (unsigned)__builtin_ctz(stop);
        i += k;
        if (lf >> k & 1) {
          *len = i + 1;
          return true;
        }
        break;
      }
      i += 16;
    }
    if (p[i] < 0x80)
      return false; /* '&' or a control */
  }
#else
  (void)r, (void)p, (void)lim, (void)i, (void)len, (void)wide;
  return false;
#endif
}

/* Whether the line p[0..n), whose first 'clean' bytes need no work, comes
 * out of work() as it went in: no reference, and its characters pass the
 * quick checks (no mojibake pair, nothing to map, NFC). Such a line joins
 * the run of clean lines around it. The 'back' bytes before p may be
 * read. *flags gets what scan_flags() found, when it ran. */
#define AMP_LINE 512 /* longest line quiet_amp() looks at */

/* quiet() of a line p[0..n) (with its '\n') whose '&' at amp (and any
 * after it) may open no reference: each is followed by a byte that is
 * not a letter, a digit or '#' ("Q & A"), so the reference pass gives the
 * line back as it is. work() would then scan it whole, with FL_CHAR for
 * each '&' (needy()), and the character pass would give it back as well
 * when nothing else has a flag: the line is quiet when a copy with a
 * letter for each '&' scans clean (the same scan, r->csmask too, but for
 * that FL_CHAR). */
__attribute__((noinline)) static bool quiet_amp(struct repair *r, const char *p,
                                                size_t n, const char *amp) {
  unsigned char buf[AMP_LINE];
  if (n > AMP_LINE)
    return false;
  for (const char *q = amp; q; q = memchr(q + 1, '&', (size_t)(p + n - q - 1))) {
    unsigned char nx = (unsigned char)q[1]; /* (the '\n' at worst) */
    if (nx == '#' || (nx >= '0' && nx <= '9') ||
        ((nx | 0x20) >= 'a' && (nx | 0x20) <= 'z'))
      return false;
    /* nor a lead byte before it whose sequence would take it in (text
     * not from the decode stage need not be UTF-8): scan_flags() reads
     * it as ASCII, as it does the letter put for it */
    for (size_t d = 1; d <= 3 && d <= (size_t)(q - p); d++) {
      unsigned char b = (unsigned char)q[-(ptrdiff_t)d];
      if (b >= 0xC0 && (b >= 0xF0 ? 4u : b >= 0xE0 ? 3u : 2u) > d)
        return false;
    }
  }
  memcpy(buf, p, n);
  for (size_t k = (size_t)(amp - p); k < n; k++)
    if (buf[k] == '&')
      buf[k] = 'a';
  unsigned f = scan_proved(r, buf, n, 0);
  return (f & (FL_MOJI | FL_CHAR | FL_NORM)) == 0;
}

static bool quiet(struct repair *r, const char *p, size_t n, size_t clean,
                  size_t back, unsigned *flags) {
  /* an '&' may open a reference, perhaps cut at the end of this piece:
   * such a line takes the careful path (scan_flags alone misses one
   * after a lead byte without its continuation, in bytes that are not
   * UTF-8, and a second document fed in other pieces then differed),
   * unless no '&' of it can (see quiet_amp()) */
  const char *amp = memchr(p + clean, '&', n - clean);
  if (amp)
    return quiet_amp(r, p, n, amp);
  unsigned f =
      scan_proved(r, (const unsigned char *)p + clean, n - clean, back + clean);
  *flags = f; /* for work(), when the line is not quiet */
  return (f & (FL_MOJI | FL_CHAR | FL_NORM)) == 0;
}

/* Line by line (at most SEG_CAP bytes looked at each time): clean whole
 * lines gather into a run copied straight through; a line with a byte
 * needing work is repaired as a segment, its clean start already known.
 * Cuts of long clean lines cannot matter: a clean segment comes out as it
 * went in. Returns through *used the bytes used; an unfinished line is
 * left. */
static inline __attribute__((always_inline)) enum kempt_status
feed_direct_any(struct repair *r, const char *p, size_t n, size_t *used,
                bool wide) {
  enum kempt_status st = KEMPT_OK;
  size_t i = 0, run = 0; /* p[run..i): clean lines not yet emitted */
  while (i < n && st == KEMPT_OK) {
    /* one pass over the clean lines to the first byte that needs work
     * (most lines are clean), looking SCAN_CAP bytes ahead at most */
    size_t span = n - i < SCAN_CAP ? n - i : SCAN_CAP, lf;
    size_t x =
        i + clean_lines_first(r, (const unsigned char *)p + i, span, &lf);
    if (lf != SIZE_MAX) {
      size_t from = i;
      i += lf + 1; /* whole clean lines: they join the run */
      if (x == from + span && span < n - from)
        continue; /* the look ahead ended, not the clean bytes */
      if (i == n)
        break;
    }
    /* the line at i: its first x - i bytes are clean (SEG_CAP at most
     * looked at), and then one is not */
    size_t lim = n - i < SEG_CAP ? n - i : SEG_CAP;
    size_t c = x - i < lim ? x - i : lim, len;
    if (c < lim &&
        quiet_line_any(r, (const unsigned char *)p + i, lim, c, &len, wide)) {
      i += len;
      continue;
    }
    const char *nl = c == lim ? NULL : memchr(p + i + c, '\n', lim - c);
    len = nl ? (size_t)(nl - (p + i)) + 1 : lim;
    unsigned f = FL_UNKNOWN; /* what quiet() found */
    if (nl && quiet(r, p + i, len, c, i, &f)) {
      i += len;
      continue;
    }
    st = emit_run(r, p, run, i);
    run = i;
    size_t seg = st != KEMPT_OK ? 0 : nl ? len : next_segment(p + i, n - i);
    if (!seg)
      break;
    st = segment_at(r, p + i, seg, c, f);
    i += seg;
    run = i;
  }
  if (st == KEMPT_OK)
    st = emit_run(r, p, run, i);
  *used = i;
  return st;
}

/* feed_direct_any() as it runs on most machines, with quiet_line() 32
 * bytes at a time; and without AVX2. */
#ifdef HAVE_AVX2_PATH
__attribute__((noinline, target("avx2"))) static enum kempt_status
feed_direct_avx2(struct repair *r, const char *p, size_t n, size_t *used) {
  return feed_direct_any(r, p, n, used, true);
}
#endif

static enum kempt_status feed_direct(struct repair *r, const char *p, size_t n,
                                     size_t *used) {
#ifdef HAVE_AVX2_PATH
  if (r->avx2)
    return feed_direct_avx2(r, p, n, used);
#endif
  return feed_direct_any(r, p, n, used, false);
}

static enum kempt_status feed_hold(struct repair *r, const char **pp,
                                   size_t *pn) {
  const char *p = *pp;
  size_t n = *pn, room = SEG_CAP + 1 - r->hold.len;
  size_t take = n < room ? n : room;
  const char *nl = memchr(p, '\n', take);
  if (nl)
    take = (size_t)(nl - p) + 1;
  enum kempt_status st = kempt__buf_add(&r->hold, p, take);
  *pp = p + take;
  *pn = n - take;
  if (st != KEMPT_OK)
    return st;
  size_t seg = next_segment(r->hold.data, r->hold.len);
  while (seg && st == KEMPT_OK) {
    st = segment(r, r->hold.data, seg);
    memmove(r->hold.data, r->hold.data + seg, r->hold.len - seg);
    r->hold.len -= seg;
    seg = next_segment(r->hold.data, r->hold.len);
  }
  return st;
}

static enum kempt_status repair_feed(void *state, const char *p, size_t n) {
  struct repair *r = state;
  enum kempt_status st = KEMPT_OK;
  while (n && r->hold.len && st == KEMPT_OK)
    st = feed_hold(r, &p, &n);
  if (!n || st != KEMPT_OK)
    return st;
  size_t used = 0;
  st = feed_direct(r, p, n, &used);
  if (st == KEMPT_OK && used < n)
    st = kempt__buf_add(&r->hold, p + used, n - used);
  return st;
}

static void repair_reset(void *state) {
  struct repair *r = state;
  kempt__buf_clear(&r->hold);
  r->pos = 0;
}

static enum kempt_status repair_finish(void *state) {
  struct repair *r = state;
  enum kempt_status st = KEMPT_OK;
  if (r->hold.len)
    st = segment(r, r->hold.data, r->hold.len);
  repair_reset(r);
  return st;
}

static void repair_fini(void *state) {
  struct repair *r = state;
  kempt__buf_free(&r->hold);
  kempt__buf_free(&r->a);
  kempt__buf_free(&r->b);
  kempt__free(r->env->alloc, r->ucs);
  kempt__mojibake_free(r->env->alloc, r->mj);
  r->ucs = NULL;
  r->mj = NULL;
}

static enum kempt_status repair_init(void *state, const struct kempt_env *env) {
  struct repair *r = state;
  r->env = env;
  r->nfkc = kempt__opt_flag(env->cfg, "nfkc");
  r->keep_nbsp = kempt__opt_flag(env->cfg, "keep-nbsp");
  r->fullwidth = kempt__opt_flag(env->cfg, "fullwidth");
  r->ascii_quotes = kempt__opt_flag(env->cfg, "ascii-quotes");
#ifdef HAVE_AVX2_PATH
  r->avx2 = avx2_ok();
#endif
  kempt__buf_init(&r->hold, env->alloc, SEG_CAP + 1);
  kempt__buf_init(&r->a, env->alloc, PASS_CAP);
  kempt__buf_init(&r->b, env->alloc, PASS_CAP);
  r->ucs = kempt__malloc(env->alloc, UCS_CAP * sizeof *r->ucs);
  r->mj = kempt__mojibake_new(env->alloc, SEG_CAP);
  if (!r->ucs || !r->mj) {
    repair_fini(r);
    return KEMPT_ERR_NOMEM;
  }
  for (uint32_t cp = 0; cp < 0x80; cp++)
    r->info[cp] = INFO_KNOWN;
  return KEMPT_OK;
}

static const struct kempt_option repair_options[] = {
    {"nfkc", 0, KEMPT_OPT_FLAG, "repair", NULL, NULL,
     "normalize to NFKC instead of NFC"},
    {"keep-nbsp", 0, KEMPT_OPT_FLAG, "repair", NULL, NULL,
     "keep no-break spaces (U+00A0) instead of making them spaces"},
    {"fullwidth", 0, KEMPT_OPT_FLAG, "repair", NULL, NULL,
     "fold fullwidth ASCII forms (U+FF01..U+FF5E) to ASCII"},
    {"ascii-quotes", 0, KEMPT_OPT_FLAG, "repair", NULL, NULL,
     "straighten curly quotes to ' and \""},
    {NULL, 0, 0, NULL, NULL, NULL, NULL}};

const struct kempt_stage_ops kempt__repair_ops = {
    {"repair",
     "mojibake, HTML entities, invisible characters and controls, Unicode "
     "spaces, ligatures, NFC",
     1},
    false,
    false,
    sizeof(struct repair),
    repair_options,
    repair_init,
    repair_feed,
    NULL,
    repair_finish,
    repair_reset,
    repair_fini};

kempt_stage *kempt_repair_new(const kempt_config *cfg,
                              const struct kempt_sink *sink,
                              enum kempt_status *err) {
  return kempt_stage_new("repair", cfg, sink, err);
}
