/* mojibake.c - UTF-8 that was read in a single-byte charset, reversed.
 *
 * For each known charset, every character of the segment (a line) is
 * mapped back to the byte it would have come from (ASCII as itself;
 * U+FFFD, a byte lost on the way, as a wildcard; a space or '?' after
 * some lead bytes as a lost NBSP or byte). Runs of those bytes that form
 * valid multi-byte UTF-8 (CESU-8 surrogate pairs included) are
 * candidates. A candidate is judged on its own evidence and that of its
 * line, never on a guess about the whole document:
 *
 *  - the characters it replaces must look damaged: letter + symbol pairs
 *    glued inside words, case flips, script changes, C1 controls, the
 *    telltale leads (Ã Â â in cp1252, Р С in cp1251) followed by what
 *    continues them; the replacement may add evidence: letters foreign to
 *    the line giving way to letters of its script, three or more
 *    characters collapsing into one common mark (’ — … €), a currency
 *    sign before its amount;
 *  - what it decodes to must be plausible in place: no controls, private
 *    use or unassigned code points, no rare letters (IPA, phonetic
 *    extensions, historic Cyrillic, CJK extension A ...), no letter of a
 *    script other than its neighbours' (CJK after ASCII letters and Greek
 *    beside Latin are fine), no case flip against its neighbours;
 *  - weak candidates (too little damage, sequences all completed by
 *    spaces read as lost NBSPs, a lone NBSP, a lone letter that is not a
 *    one-letter word, a single two-byte repair to an infrequent letter on
 *    a line that also holds clean non-ASCII text) count only with stronger
 *    evidence on the line; capitals or symbols standing alone between
 *    spaces ("Ù Â", "Î Ã") not even then, unless they open a word of
 *    their new script or make "à";
 *  - a reading in a less common charset is dropped when it would make
 *    garbage elsewhere on the line; a line holding lead + continuation
 *    pairs that no candidate explains is a garble and is left alone.
 *
 * Each round applies the charset whose reading explains the most
 * characters; the repaired text is examined again, so mojibake stacked
 * two or three times comes undone (a candidate whose first reading is
 * implausible is also decoded again at once). A later round's candidate
 * is backed by the round before only when it reads again what that round
 * made and shows damage of its own.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "repair_internal.h"

#include <utf8proc.h>

#include "charsets_table.h"

#define HI_MAX 64
#define ROUNDS 3
#define WILD 0x1A   /* the byte standing for a lost one (U+FFFD) */
#define DEEP_MAX 48 /* longest run decoded again as a whole */
enum { V_GARBAGE, V_WEAK, V_STRONG }; /* verdicts on a candidate */

struct hi_entry {
  uint32_t cp;
  uint8_t byte;
};

struct cand {
  size_t c0, c1;     /* characters replaced: cps[c0..c1) */
  size_t a0, a1;     /* their replacement: dec[a0..a1) */
  bool space;        /* a space was read as a lost NBSP */
  bool strong_space; /* ... in the "à" pattern, good evidence on its own */
  bool wild;         /* a byte was lost: the result is U+FFFD */
  size_t nseq;       /* UTF-8 sequences decoded */
  size_t nspace;     /* ... of them completed by a space read as a lost NBSP */
  bool firm;         /* what it replaces looks damaged enough */
  bool fits;         /* foreign letters give way to the line's script */
  bool c1ctl;        /* it replaces a C1 control */
  int weight;        /* evidence of damage (weirdness and bonus) */
  bool damaged;      /* ... enough for the charset */
  int verdict;       /* V_... */
};

struct kempt_mojibake {
  size_t max;     /* characters of a segment */
  uint32_t *cps;  /* the segment */
  uint32_t *tmp;  /* the next round */
  uint8_t *fresh; /* per character of cps: made by the last round's reading */
  uint8_t *tmpf;  /* ... of tmp */
  uint32_t *dec;  /* decoded candidates */
  uint8_t *bytes; /* the segment in one charset; 0 = not encodable */
  uint32_t *wide; /* where cps holds non-ASCII characters, in order */
  size_t nwide;
  struct cand *cands;
  size_t n, ndec, ncand, deccap;
  uint32_t csmask; /* charsets worth trying */
  int round;       /* 0, or later: the line is known to hold mojibake */
  uint8_t lo[CS_COUNT][0x800];
  struct hi_entry hi[CS_COUNT][HI_MAX];
  uint8_t nhi[CS_COUNT];
  uint32_t cls[0x800]; /* kempt__mojibake_class below U+0800 ... */
  bool cls_ready;      /* ... once filled (the first time pair_mask runs) */
  int parsed;          /* the charset whose candidates cands holds */
};

/* ---- tables ----------------------------------------------------------- */

static bool windows_cs(int cs) { return cs <= CS_CP1257; }

static void build(struct kempt_mojibake *m) {
  for (int cs = 0; cs < CS_COUNT; cs++) {
    for (unsigned b = 0x80; b < 0x100; b++) {
      uint32_t cp = charset_high[cs][b - 0x80];
      if (cp < 0x800)
        m->lo[cs][cp] = (uint8_t)b;
      else if (m->nhi[cs] < HI_MAX)
        m->hi[cs][m->nhi[cs]++] = (struct hi_entry){cp, (uint8_t)b};
    }
    /* sloppy: a C1 control stands for the byte of the same value */
    for (uint32_t cp = 0x80; cp < 0xA0 && windows_cs(cs); cp++)
      if (!m->lo[cs][cp])
        m->lo[cs][cp] = (uint8_t)cp;
  }
}

static uint8_t enc_high(const struct kempt_mojibake *m, int cs, uint32_t cp);

static inline uint8_t enc(const struct kempt_mojibake *m, int cs, uint32_t cp) {
  if (cp < 0x80)
    return (uint8_t)cp;
  if (cp < 0x800)
    return m->lo[cs][cp];
  return enc_high(m, cs, cp);
}

static uint8_t enc_high(const struct kempt_mojibake *m, int cs, uint32_t cp) {
  if (cp == 0xFFFD)
    return WILD;
  if ((cp < 0x2000 || cp >= 0x2600) && cp != 0xFB01 && cp != 0xFB02 &&
      cp != 0xF8FF)
    return 0;
  for (unsigned i = 0; i < m->nhi[cs]; i++)
    if (m->hi[cs][i].cp == cp)
      return m->hi[cs][i].byte;
  return 0;
}

static bool space_lead(int cs, uint8_t b0);

uint32_t kempt__mojibake_class(const struct kempt_mojibake *m, uint32_t cp) {
  uint32_t f = 0;
  if (cp == 0xFFFD)
    return KEMPT__MJ_CONT((1u << CS_COUNT) - 1);
  for (int cs = 0; cs < CS_COUNT && cp >= 0x80; cs++) {
    uint8_t b = enc(m, cs, cp);
    if (b >= 0x80 && b <= 0xBF)
      f |= KEMPT__MJ_CONT(1u << cs);
    if (b >= 0xC2 && b <= 0xF4)
      f |= 1u << cs;
    if (space_lead(cs, b))
      f |= KEMPT__MJ_OPEN;
  }
  return f;
}

uint32_t kempt__mojibake_long(const struct kempt_mojibake *m, uint32_t cp) {
  uint32_t f = 0;
  for (int cs = 0; cs < CS_COUNT && cp >= 0x80 && cp != 0xFFFD; cs++) {
    uint8_t b = enc(m, cs, cp);
    if (b >= 0xE0 && b <= 0xF4)
      f |= 1u << cs;
  }
  return f;
}

struct kempt_mojibake *kempt__mojibake_new(const struct kempt_allocator *a,
                                           size_t max_chars) {
  struct kempt_mojibake *m = kempt__calloc(a, sizeof *m);
  if (!m)
    return NULL;
  m->max = max_chars;
  m->cps = kempt__malloc(a, (max_chars + 2) * sizeof *m->cps);
  m->tmp = kempt__malloc(a, (max_chars + 2) * sizeof *m->tmp);
  m->deccap = 2 * (max_chars + 2);
  m->dec = kempt__malloc(a, m->deccap * sizeof *m->dec);
  m->bytes = kempt__malloc(a, max_chars + 2);
  m->fresh = kempt__malloc(a, max_chars + 2);
  m->wide = kempt__malloc(a, (max_chars + 2) * sizeof *m->wide);
  m->tmpf = kempt__malloc(a, max_chars + 2);
  m->cands = kempt__malloc(a, (max_chars / 2 + 2) * sizeof *m->cands);
  if (!m->cps || !m->tmp || !m->dec || !m->bytes || !m->fresh || !m->tmpf ||
      !m->wide || !m->cands) {
    kempt__mojibake_free(a, m);
    return NULL;
  }
  build(m);
  return m;
}

void kempt__mojibake_free(const struct kempt_allocator *a,
                          struct kempt_mojibake *m) {
  if (!m)
    return;
  kempt__free(a, m->cps);
  kempt__free(a, m->tmp);
  kempt__free(a, m->dec);
  kempt__free(a, m->bytes);
  kempt__free(a, m->fresh);
  kempt__free(a, m->wide);
  kempt__free(a, m->tmpf);
  kempt__free(a, m->cands);
  kempt__free(a, m);
}

/* ---- character classes ----------------------------------------------------
 */

enum kind { K_NONE, K_SPACE, K_ASCII, K_LETTER, K_SYMBOL, K_MARK, K_CTRL };

static const utf8proc_property_t *prop(uint32_t cp) {
  return utf8proc_get_property((utf8proc_int32_t)cp);
}

/* kind_of below U+0100 (enum kind values), as the rules below give. */
static const uint8_t kind_lo[256] = {
    0, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2,
    2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 2, 2, 2, 2, 2, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6,
    6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 1, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 6, 4, 4, 4, 4, 4, 4, 4, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 4, 3, 3, 3, 3, 3, 3, 3, 3,
};

static enum kind kind_high(uint32_t cp);

static inline enum kind kind_of(uint32_t cp) {
  return cp < 0x100 ? (enum kind)kind_lo[cp] : kind_high(cp);
}

static enum kind kind_high(uint32_t cp) {
  /* first the blocks common in mojibake, no property look-up (kind_of
   * asks only above U+00FF; the rules below U+0100 are those kind_lo was
   * made from): punctuation, currency signs and "™" */
  if (cp >= 0x2010 && cp <= 0x2122)
    if (cp <= 0x2027 || (cp >= 0x2030 && cp <= 0x205E) ||
        (cp >= 0x20A0 && cp <= 0x20BF) || cp == 0x2122)
      return K_SYMBOL;
  /* blocks of letters only (Latin Extended-A, Greek, basic Cyrillic,
   * Hebrew and Arabic letters) */
  if (cp >= 0x100 && cp <= 0x64A &&
      (cp <= 0x17F || (cp >= 0x400 && cp <= 0x45F) ||
       (cp >= 0x391 && cp <= 0x3CE && cp != 0x3A2) ||
       (cp >= 0x5D0 && cp <= 0x5EA) || cp >= 0x620))
    return K_LETTER;
  if (cp == 0)
    return K_NONE;
  if (cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0)
    return K_SPACE;
  if (cp < 0x80)
    return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ? K_LETTER : K_ASCII;
  if (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7)
    return K_LETTER; /* Latin-1 letters, the bulk of cp1252 mojibake */
  if (cp == 0xAD)
    return K_CTRL;
  if (cp == 0xAA || cp == 0xBA || (cp >= 0xA1 && cp <= 0xBF && cp != 0xB5))
    return K_SYMBOL;
  switch (prop(cp)->category) {
  case UTF8PROC_CATEGORY_LU:
  case UTF8PROC_CATEGORY_LL:
  case UTF8PROC_CATEGORY_LT:
  case UTF8PROC_CATEGORY_LM:
  case UTF8PROC_CATEGORY_LO:
    return K_LETTER;
  case UTF8PROC_CATEGORY_MN:
  case UTF8PROC_CATEGORY_MC:
  case UTF8PROC_CATEGORY_ME:
    return K_MARK;
  case UTF8PROC_CATEGORY_CC:
  case UTF8PROC_CATEGORY_CF:
  case UTF8PROC_CATEGORY_CO:
  case UTF8PROC_CATEGORY_CS:
  case UTF8PROC_CATEGORY_CN:
    return K_CTRL;
  case UTF8PROC_CATEGORY_ZS:
  case UTF8PROC_CATEGORY_ZL:
  case UTF8PROC_CATEGORY_ZP:
    return K_SPACE;
  default:
    return K_SYMBOL;
  }
}

static bool is_upper(uint32_t cp) {
  if (cp < 0x80 || (cp >= 0xC0 && cp <= 0xFF))
    return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7);
  int c = prop(cp)->category;
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static bool is_lower(uint32_t cp) {
  if (cp < 0x80 || (cp >= 0xDF && cp <= 0xFF))
    return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp != 0xF7);
  return prop(cp)->category == UTF8PROC_CATEGORY_LL;
}

enum script {
  S_OTHER,
  S_LATIN,
  S_GREEK,
  S_CYRILLIC,
  S_ARMENIAN,
  S_HEBREW,
  S_ARABIC,
  S_THAI,
  S_CJK,
  S_INDIC
};

static int script_of(uint32_t cp) {
  if (cp < 0x250 || (cp >= 0x1E00 && cp <= 0x1EFF) ||
      (cp >= 0xFB00 && cp <= 0xFB06))
    return S_LATIN;
  if ((cp >= 0x370 && cp <= 0x3FF) || (cp >= 0x1F00 && cp <= 0x1FFF))
    return S_GREEK;
  if (cp >= 0x400 && cp <= 0x52F)
    return S_CYRILLIC;
  if (cp >= 0x530 && cp <= 0x58F)
    return S_ARMENIAN;
  if (cp >= 0x590 && cp <= 0x5FF)
    return S_HEBREW;
  if ((cp >= 0x600 && cp <= 0x6FF) || (cp >= 0x750 && cp <= 0x77F) ||
      (cp >= 0x8A0 && cp <= 0x8FF) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
      (cp >= 0xFE70 && cp <= 0xFEFF))
    return S_ARABIC;
  if (cp >= 0x900 && cp <= 0xDFF)
    return S_INDIC + (int)((cp - 0x900) / 0x80);
  if (cp >= 0xE00 && cp <= 0xE7F)
    return S_THAI;
  if ((cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x2E80 && cp <= 0x9FFF) ||
      (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
      (cp >= 0xFF00 && cp <= 0xFFEF) || cp >= 0x20000)
    return S_CJK;
  return S_OTHER;
}

/* Letters that real text seldom holds but mojibake often makes. */
static bool rare(uint32_t cp) {
  if (cp >= 0x180 && cp <= 0x24F)
    return !(cp == 0x1A0 || cp == 0x1A1 || cp == 0x1AF || cp == 0x1B0 ||
             (cp >= 0x1CD && cp <= 0x1DC) || (cp >= 0x218 && cp <= 0x21B) ||
             cp == 0x192);
  if (cp == 0x17F || (cp >= 0x250 && cp <= 0x2C5) ||
      (cp >= 0x2E0 && cp <= 0x2FF))
    return true;
  if ((cp >= 0x460 && cp <= 0x48F) || (cp >= 0x4C0 && cp <= 0x52F))
    return true;
  if (cp >= 0x530 && cp <= 0x58F)
    return true;
  if ((cp >= 0x700 && cp <= 0x89F) || (cp >= 0x1800 && cp <= 0x18AF))
    return true;
  if ((cp >= 0x1D00 && cp <= 0x1DFF) || (cp >= 0x2C60 && cp <= 0x2C7F) ||
      (cp >= 0xA720 && cp <= 0xA7FF))
    return true;
  if ((cp >= 0x3190 && cp <= 0x319F) || (cp >= 0x3400 && cp <= 0x4DBF))
    return true; /* kanbun marks, CJK extension A */
  if (cp >= 0xFDD0 && cp <= 0xFDEF)
    return true;
  return (cp & 0xFFFE) == 0xFFFE;
}

static bool natural_end(uint32_t cp) { /* may follow a word */
  switch (cp) {
  case 0x2019:
  case 0x201D:
  case 0x2026:
  case 0x2122:
  case 0xAE:
  case 0xA9:
  case 0xB0:
  case 0xB2:
  case 0xB3:
  case 0xB9:
  case 0xBB:
  case 0x203A:
  case 0x2030:
    return true;
  default:
    return false;
  }
}

static bool natural_start(uint32_t cp) { /* may open a word */
  switch (cp) {
  case 0x201C:
  case 0x2018:
  case 0x201E:
  case 0x201A:
  case 0xAB:
  case 0x2039:
  case 0xBF:
  case 0xA1:
    return true;
  default:
    return false;
  }
}

static bool box(uint32_t cp) { return cp >= 0x2500 && cp <= 0x259F; }

static bool wordish(uint32_t cp) {
  enum kind k = kind_of(cp);
  return k == K_LETTER || (cp >= '0' && cp <= '9');
}

/* ---- judging the characters replaced ---------------------------------- */

/* A window of characters: the candidate plus two of context each side. */
struct view {
  uint32_t c[24 + 2 * 4]; /* unused (not read) past n */
  size_t n, b0, b1;       /* the candidate is c[b0..b1) */
};

static uint32_t at(const struct view *v, size_t i, int d) {
  long j = (long)i + d;
  return j < 0 || (size_t)j >= v->n ? 0 : v->c[j];
}

static int pair_weird(const struct view *v, size_t i, int cs) {
  uint32_t x = v->c[i], y = at(v, i, 1);
  enum kind kx = kind_of(x), ky = kind_of(y);
  bool xin = i >= v->b0 && i < v->b1, yin = i + 1 >= v->b0 && i + 1 < v->b1;
  if (cs == CS_CP1252 && xin && yin && (x == 0xC3 || x == 0xC2 || x == 0xE2)) {
    bool apos = y == 0x2019 && wordish(at(v, i, 2)) && !wordish(at(v, i, -1));
    return apos ? 0 : 2;
  }
  /* the leads of all of Russian's letters in cp1251: "Р" and "С" */
  if (cs == CS_CP1251 && xin && yin && (x == 0x420 || x == 0x421))
    return 2;
  if (kx == K_SPACE || ky == K_SPACE || kx == K_NONE || ky == K_NONE)
    return 0;
  if (kx == K_LETTER && ky == K_LETTER) {
    if (is_lower(x) && is_upper(y))
      return 2;
    return script_of(x) != script_of(y) ? 2 : 0;
  }
  if (kx == K_LETTER && ky == K_SYMBOL)
    return natural_end(y) && !wordish(at(v, i, 2)) ? 0 : 2;
  if (kx == K_SYMBOL && ky == K_LETTER) {
    if (natural_start(x) && !wordish(at(v, i, -1)))
      return 0;
    if (x == 0x2019 && wordish(at(v, i, -1)))
      return 0; /* an apostrophe */
    return wordish(at(v, i, -1)) || box(x) ? 2 : 1;
  }
  if (kx == K_SYMBOL && ky == K_SYMBOL)
    return 1;
  return 0;
}

static int weirdness(const struct view *v, int cs) {
  int w = 0;
  size_t from = v->b0 ? v->b0 - 1 : 0;
  for (size_t i = from; i < v->b1 && i + 1 < v->n; i++)
    w += pair_weird(v, i, cs);
  for (size_t i = v->b0; i < v->b1; i++) {
    if (v->c[i] >= 0x80 && v->c[i] < 0xA0)
      w += 3;
    if (v->c[i] == 0xFFFD || v->c[i] == '?')
      w += 1;
  }
  return w;
}

/* ---- judging the replacement -------------------------------------------- */

static bool invisible(uint32_t cp) {
  return cp == 0xAD || (cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 ||
         cp == 0xFEFF || cp == 0xFE0F;
}

static bool bad_char(const struct view *v, size_t i) {
  uint32_t cp = v->c[i], prev = at(v, i, -1);
  enum kind k = kind_of(cp);
  if (cp == 0xFFFD)
    return false;
  if (k == K_CTRL || rare(cp))
    return !invisible(cp); /* removed later, as the other invisibles */
  if (k == K_MARK) {
    enum kind kp = kind_of(prev);
    if (kp == K_SPACE || kp == K_NONE)
      return true;
    bool generic = (cp >= 0x300 && cp <= 0x36F) ||
                   (cp >= 0x20D0 && cp <= 0x20FF) || cp == 0xFE0F;
    return !generic && script_of(cp) != script_of(prev);
  }
  return false;
}

/* A letter against its neighbours: script and case. */
static bool bad_letter(const struct view *v, size_t i, size_t letters) {
  uint32_t cp = v->c[i], p = at(v, i, -1), pp = at(v, i, -2);
  uint32_t nx = at(v, i, 1);
  int s = script_of(cp);
  for (int d = -1; d <= 1; d += 2) {
    uint32_t o = at(v, i, d);
    if (kind_of(o) != K_LETTER)
      continue;
    int so = script_of(o);
    bool greek_latin =
        (s == S_GREEK && so == S_LATIN) || (s == S_LATIN && so == S_GREEK);
    /* CJK text glues words to Latin ones: "SNS에", "iPhoneの" */
    bool cjk_latin = s == S_CJK && o < 0x80;
    if (so != s && !greek_latin && !cjk_latin && letters < 3)
      return true;
  }
  if (kind_of(p) == K_LETTER && is_upper(cp) && is_lower(p))
    return true;
  if (kind_of(p) == K_LETTER && kind_of(pp) == K_LETTER && is_lower(cp) &&
      is_upper(p) && is_upper(pp) && !(kind_of(nx) == K_LETTER && is_lower(nx)))
    return true;
  return false;
}

/* One-letter words: à á è é ò ó ú À È É, and Russian а в и к о с у я
 * with their capitals (as offsets from U+0400). */
static bool lone_ok(uint32_t cp) {
  static const char cyr[] = {0x30, 0x32, 0x38, 0x3A, 0x3E, 0x41, 0x43, 0x4F,
                             0x10, 0x12, 0x18, 0x1A, 0x1E, 0x21, 0x23, 0x2F};
  if (cp >= 0x410 && cp <= 0x44F && memchr(cyr, (int)(cp - 0x400), 16))
    return true;
  return cp == 0xE0 || cp == 0xE1 || cp == 0xE8 || cp == 0xE9 || cp == 0xF2 ||
         cp == 0xF3 || cp == 0xFA || cp == 0xC0 || cp == 0xC8 || cp == 0xC9;
}

/* Whether the replacement in v is plausible in place: P_NO, P_LONE (a
 * lone letter that is not a known one-letter word: only with other
 * evidence on the line) or P_YES. */
enum { P_NO, P_LONE, P_YES };

static int plausible(const struct view *v) {
  size_t letters = 0;
  uint32_t letter = 0;
  for (size_t i = v->b0; i < v->b1; i++)
    if (kind_of(v->c[i]) == K_LETTER) {
      letters++;
      letter = v->c[i];
    }
  for (size_t i = v->b0; i < v->b1; i++) {
    if (bad_char(v, i))
      return P_NO;
    if (kind_of(v->c[i]) == K_LETTER && bad_letter(v, i, letters))
      return P_NO;
  }
  bool alone = kind_of(at(v, v->b0, -1)) != K_LETTER &&
               kind_of(at(v, v->b1 - 1, 1)) != K_LETTER;
  if (letters == 1 && alone && v->b1 - v->b0 == 1 && !lone_ok(letter))
    return P_LONE;
  return P_YES;
}

/* ---- finding candidates ------------------------------------------------ */

static bool cont(uint8_t b) { return b >= 0x80 && b <= 0xBF; }

/* Whether a two-byte sequence led by b0 in charset cs may have lost its
 * NBSP to a space: the leads of the common characters whose UTF-8 ends in
 * 0xA0 (NBSP, à, Š, Π, Р, ٠; ftfy's set) in the Windows charsets, which
 * keep byte 0xA0 for NBSP; for cp1251 only the "à" and "Р" leads, since
 * its other leads there are one-letter Russian words ("В", "О"). */
static bool space_lead(int cs, uint8_t b0) {
  if (cs == CS_CP1251)
    return b0 == 0xC3 || b0 == 0xD0;
  if (!windows_cs(cs))
    return false;
  return b0 == 0xC2 || b0 == 0xC3 || b0 == 0xC5 || b0 == 0xCE || b0 == 0xD0 ||
         b0 == 0xD9;
}

/* Whether a space at slot k of a sequence led by b0 may be a lost NBSP. */
static bool space_slot(int cs, uint8_t b0, int k) {
  if (k == 1 && space_lead(cs, b0))
    return true;
  if (cs != CS_CP1252)
    return false;
  if ((b0 == 0xE2 || b0 == 0xE3) && k == 1)
    return true;
  if (b0 >= 0xE0 && b0 <= 0xE3 && k == 2)
    return true;
  return b0 == 0xF0;
}

/* A run of characters and their bytes in one charset. */
struct text {
  const uint32_t *cps;
  const uint8_t *bytes; /* 0 = not encodable */
  size_t n;
};

/* Whether text after a space-for-NBSP at j allows that reading. */
static bool space_ok(const struct text *t, size_t j, uint8_t b0) {
  uint32_t nx = j + 1 < t->n ? t->cps[j + 1] : 0;
  if (b0 == 0xC3)
    return nx == ' ' || (kind_of(nx) == K_LETTER && is_lower(nx));
  return nx >= 0x80 || kind_of(nx) == K_LETTER;
}

struct seq {
  size_t len;  /* characters used */
  uint32_t cp; /* decoded */
  bool space, wild;
};

static int seq_len(uint8_t b0) {
  if (b0 >= 0xC2 && b0 <= 0xDF)
    return 2;
  if (b0 >= 0xE0 && b0 <= 0xEF)
    return 3;
  return b0 >= 0xF0 && b0 <= 0xF4 ? 4 : 0;
}

static bool slot_ok(uint8_t b0, int k, uint8_t b) {
  if (k != 1)
    return cont(b);
  if (b0 == 0xE0)
    return b >= 0xA0 && b <= 0xBF;
  if (b0 == 0xF0)
    return b >= 0x90 && b <= 0xBF;
  if (b0 == 0xF4)
    return b >= 0x80 && b <= 0x8F;
  return cont(b);
}

static uint32_t combine(const uint8_t *b, int len) {
  uint32_t cp = b[0] & (len == 2 ? 0x1Fu : len == 3 ? 0x0Fu : 0x07u);
  for (int k = 1; k < len; k++)
    cp = (cp << 6) | (b[k] & 0x3Fu);
  return cp;
}

static bool slot(const struct text *t, int cs, size_t j, uint8_t b0, int k,
                 uint8_t *b, struct seq *s) {
  uint8_t x = t->bytes[j];
  uint32_t c = t->cps[j];
  bool lost = x == WILD && c == 0xFFFD;
  if (x >= 0x80 && slot_ok(b0, k, x)) {
    *b = x;
    return true;
  }
  bool wild_ok = k > 1 || seq_len(b0) > 2 || b0 == 0xC2 || b0 == 0xC3;
  if ((lost && windows_cs(cs)) || (c == '?' && cs == CS_CP1252 && wild_ok)) {
    *b = 0x80;
    s->wild = true;
    return true;
  }
  if (c == ' ' && space_slot(cs, b0, k) && space_ok(t, j, b0)) {
    *b = 0xA0;
    s->space = true;
    return true;
  }
  return false;
}

/* Whether character cp, byte x in charset cs, may fill slot k of a
 * sequence led by b0: what slot() accepts, without the look at the text
 * after a space (so a little more). */
static bool slot_maybe(int cs, uint8_t b0, int k, uint8_t x, uint32_t cp) {
  if (x >= 0x80 && slot_ok(b0, k, x))
    return true;
  if (cp == 0xFFFD && windows_cs(cs))
    return true;
  if (cp == '?' && cs == CS_CP1252)
    return k > 1 || seq_len(b0) > 2 || b0 == 0xC2 || b0 == 0xC3;
  return cp == ' ' && space_slot(cs, b0, k);
}

bool kempt__mojibake_maybe(const struct kempt_mojibake *m, const char *p,
                           size_t n, uint32_t csmask) {
  const unsigned char *u = (const unsigned char *)p;
  for (const unsigned char *f = memchr(u, 0xEF, n); f && u + n - f >= 6;
       f = memchr(f + 1, 0xEF, (size_t)(u + n - f - 1)))
    if (memcmp(f, "\xef\xbf\xbd\xef\xbf\xbd", 6) == 0)
      return true; /* a run of U+FFFD, collapsed */
  for (int cs = 0; cs < CS_COUNT; cs++) {
    if (!(csmask & (1u << cs)))
      continue;
    uint8_t b0 = 0;
    int len = 0, k = 0;
    for (size_t i = 0; i < n;) {
      uint32_t cp = u[i];
      uint8_t x;
      if (cp < 0x80) {
        i++;
        x = (uint8_t)cp;
        if (!len)
          continue; /* ASCII outside a sequence */
      } else {
        if (cp >= 0xC2 && cp < 0xE0 && i + 1 < n) {
          cp = ((cp & 0x1F) << 6) | (u[i + 1] & 0x3Fu);
          i += 2;
        } else {
          i += kempt__utf8_get(u + i, n - i, &cp);
        }
        x = cp < 0x800 ? m->lo[cs][cp] : enc(m, cs, cp);
      }
      if (len && slot_maybe(cs, b0, k, x, cp)) {
        if (++k == len)
          return true;
        continue;
      }
      len = seq_len(x);
      b0 = x;
      k = 1;
    }
  }
  return false;
}

/* CESU-8: a surrogate pair, six bytes, at i; true with s filled. */
static bool cesu(const struct text *t, size_t i, struct seq *s) {
  const uint8_t *b = t->bytes + i;
  if (i + 6 > t->n || b[0] != 0xED || b[1] < 0xA0 || b[1] > 0xAF ||
      !cont(b[2]) || b[3] != 0xED || b[4] < 0xB0 || b[4] > 0xBF || !cont(b[5]))
    return false;
  uint32_t hi = combine(b, 3), lo = combine(b + 3, 3);
  s->cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
  s->len = 6;
  return true;
}

static bool sequence(const struct text *t, int cs, size_t i, struct seq *s) {
  uint8_t b[4] = {t->bytes[i], 0, 0, 0};
  int len = seq_len(b[0]);
  *s = (struct seq){0, 0, false, false};
  if (!len || i + (size_t)len > t->n)
    return false;
  if (b[0] == 0xED && cesu(t, i, s))
    return true;
  for (int k = 1; k < len; k++)
    if (!slot(t, cs, i + (size_t)k, b[0], k, &b[k], s))
      return false;
  s->len = (size_t)len;
  s->cp = s->wild ? 0xFFFD : combine(b, len);
  if (!s->wild && s->cp >= 0xD800 && s->cp <= 0xDFFF)
    return false;
  return true;
}

/* After a C3 read from a space: "à " unless the word goes on in the
 * Portuguese "às", "àquele" way or the space was doubled. */
static bool keep_space(const struct text *t, size_t j) {
  static const char *const glue[] = {"s ", "quele", "quela", "quilo", " "};
  for (size_t g = 0; g < sizeof glue / sizeof glue[0]; g++) {
    size_t k = 0;
    while (glue[g][k] && j + 1 + k < t->n &&
           t->cps[j + 1 + k] == (unsigned char)glue[g][k])
      k++;
    if (!glue[g][k])
      return false;
  }
  return true;
}

static void add_cand(struct kempt_mojibake *m, size_t c0, size_t c1, size_t a0,
                     struct cand *proto) {
  struct cand *c = &m->cands[m->ncand++];
  *c = *proto;
  c->c0 = c0;
  c->c1 = c1;
  c->a0 = a0;
  c->a1 = m->ndec;
}

/* Chains of valid sequences from i; returns the characters used. */
static size_t chain(struct kempt_mojibake *m, int cs, size_t i) {
  struct cand proto = {0};
  struct text t = {m->cps, m->bytes, m->n};
  size_t start = i, a0 = m->ndec;
  struct seq s;
  while (i < m->n && sequence(&t, cs, i, &s)) {
    for (size_t k = i; k < i + s.len; k++)
      proto.c1ctl |= m->cps[k] >= 0x80 && m->cps[k] < 0xA0;
    m->dec[m->ndec++] = s.cp;
    i += s.len;
    proto.nseq++;
    proto.wild |= s.wild;
    if (s.space && m->cps[i - 1] == ' ' && m->bytes[i - s.len] == 0xC3) {
      proto.strong_space = cs == CS_CP1252;
      if (keep_space(&t, i - 1))
        m->dec[m->ndec++] = ' ';
    }
    proto.space |= s.space;
    proto.nspace += s.space;
  }
  if (i > start && m->ncand < m->max / 2)
    add_cand(m, start, i, a0, &proto);
  else
    m->ndec = a0;
  return i > start ? i - start : 1;
}

/* Decode all of in[0..n) as one chain in some charset, into out (room
 * for n); returns the characters written, 0 if no charset reads it all. */
static size_t decode_whole(const struct kempt_mojibake *m, const uint32_t *in,
                           size_t n, uint32_t *out) {
  uint8_t bytes[DEEP_MAX];
  struct text t = {in, bytes, n};
  for (int cs = 0; cs < CS_COUNT && n <= DEEP_MAX; cs++) {
    for (size_t i = 0; i < n; i++)
      bytes[i] = enc(m, cs, in[i]);
    size_t i = 0, k = 0;
    struct seq s;
    while (i < n && sequence(&t, cs, i, &s) && !s.space) {
      out[k++] = s.cp;
      i += s.len;
    }
    if (i == n)
      return k;
  }
  return 0;
}

/* ---- deciding --------------------------------------------------------------
 */

static void fill_view(const struct kempt_mojibake *m, const struct cand *c,
                      struct view *v, bool after) {
  size_t n = 0, len = after ? c->a1 - c->a0 : c->c1 - c->c0;
  const uint32_t *src = after ? m->dec + c->a0 : m->cps + c->c0;
  if (len > 24)
    len = 24; /* long runs: the start is judged */
  for (size_t k = c->c0 >= 2 ? c->c0 - 2 : 0; k < c->c0; k++)
    v->c[n++] = m->cps[k];
  v->b0 = n;
  for (size_t k = 0; k < len; k++)
    v->c[n++] = src[k];
  v->b1 = n;
  for (size_t k = c->c1; k < c->c1 + 2 && k < m->n; k++)
    v->c[n++] = m->cps[k];
  v->n = n;
}

static bool only_nbsp(const struct kempt_mojibake *m, const struct cand *c) {
  for (size_t k = c->a0; k < c->a1; k++)
    if (m->dec[k] != 0xA0)
      return false;
  return true;
}

/* Whether the replacement is plausible in place (P_...); if it is not,
 * whether decoding it again (mojibake stacked) gives one that is, which
 * then becomes the replacement. */
static int settle(struct kempt_mojibake *m, struct cand *c) {
  struct view v;
  for (int depth = 0; depth < ROUNDS; depth++) {
    fill_view(m, c, &v, true);
    int p = plausible(&v);
    if (p != P_NO)
      return p;
    size_t n = c->a1 - c->a0;
    if (m->ndec + n > m->deccap)
      return P_NO;
    size_t k = decode_whole(m, m->dec + c->a0, n, m->dec + m->ndec);
    if (!k)
      return P_NO;
    c->a0 = m->ndec;
    m->ndec += k;
    c->a1 = m->ndec;
  }
  return P_NO;
}

/* The accented letters most frequent in text written in Latin script
 * (Romance languages, German): a prior that lets one such repair stand on
 * a line that also holds clean non-ASCII text. */
static bool frequent(uint32_t cp) {
  static const char set[] = "\xe0\xe1\xe2\xe3\xe4\xe7\xe8\xe9\xea\xeb\xec\xed"
                            "\xee\xef\xf1\xf2\xf3\xf4\xf5\xf6\xf9\xfa\xfb\xfc"
                            "\xdf\xc9";
  return cp >= 0xC0 && cp <= 0xFF && memchr(set, (int)cp, sizeof set - 1);
}

/* Judge one candidate: V_GARBAGE, V_WEAK (applied only with stronger
 * evidence on the line) or V_STRONG. */
/* The script of the letters of v outside the candidate (or inside it):
 * -1 when there are none, S_OTHER when they are of several. */
static int context_script(const struct view *v, bool inside) {
  int s = -1;
  size_t from = inside ? v->b0 : 0, to = inside ? v->b1 : v->n;
  for (size_t i = from; i < to; i++) {
    if (!inside && i == v->b0)
      i = v->b1; /* past the candidate */
    if (i >= to || kind_of(v->c[i]) != K_LETTER)
      continue;
    int si = script_of(v->c[i]);
    if (s >= 0 && si != s)
      return S_OTHER;
    s = si;
  }
  return s; /* -1: no letters */
}

static bool common_mark(uint32_t cp) {
  return (cp >= 0x2013 && cp <= 0x2026) || (cp >= 0x20A0 && cp <= 0x20BF) ||
         cp == 0x2122 || (cp >= 0x2600 && cp <= 0x27BF) || cp >= 0x1F000;
}

/* Evidence from the replacement: letters of a foreign script giving way
 * to letters of the line's own, or three or more characters collapsing
 * into one common mark (a curly quote, dash, ellipsis, emoji). */
static int fit_bonus(const struct kempt_mojibake *m, struct cand *c,
                     const struct view *before) {
  int ctx = context_script(before, false), sb = -1;
  bool foreign = false;
  if (ctx >= 0 && ctx != S_OTHER)
    sb = context_script(before, true);
  if (sb >= 0 && sb != S_OTHER && sb != ctx) {
    struct view after;
    fill_view(m, c, &after, true);
    int sa = context_script(&after, true);
    foreign = sa == ctx || sa < 0;
  }
  int bonus = foreign ? 2 : 0;
  c->fits = foreign;
  uint32_t a = m->dec[c->a0], nx = c->c1 < m->n ? m->cps[c->c1] : 0;
  if (c->a1 - c->a0 == 1 && c->c1 - c->c0 >= 3 && common_mark(a))
    bonus += 3;
  if (c->a1 - c->a0 == 1 && prop(a)->category == UTF8PROC_CATEGORY_SC &&
      nx >= '0' && nx <= '9')
    bonus += 2; /* a currency sign before its amount */
  return bonus;
}

static int judge(struct kempt_mojibake *m, struct cand *c, int cs, bool mixed) {
  struct view before;
  fill_view(m, c, &before, false);
  int w = weirdness(&before, cs) + (c->space ? 1 : 0);
  int p = settle(m, c);
  if (p == P_NO)
    return V_GARBAGE;
  w += fit_bonus(m, c, &before);
  c->weight = w;
  c->damaged = w >= (cs <= CS_CP1250 ? 2 : 3);
  if (p == P_LONE || !c->damaged)
    return V_WEAK;
  c->firm = true;
  if (c->strong_space)
    return V_STRONG;
  /* every sequence completed by a space read as a lost NBSP: isolated
   * capitals and symbols between spaces ("Â Î", "Ε Ε") read so by chance */
  if ((c->space && c->nspace == c->nseq) || only_nbsp(m, c))
    return V_WEAK;
  if (mixed && c->nseq == 1 && c->c1 - c->c0 == 2 && !c->c1ctl && !c->wild &&
      !frequent(m->dec[c->a0]) && !c->fits)
    return V_WEAK;
  return V_STRONG;
}

/* Whether the line holds high bytes of cs that no candidate explains. */
static bool mixed_line(const struct kempt_mojibake *m) {
  size_t k = 0; /* the gaps between candidates (in order, apart) */
  for (size_t w = 0; w < m->nwide; w++) {
    size_t i = m->wide[w];
    while (k < m->ncand && m->cands[k].c1 <= i)
      k++;
    if (k < m->ncand && i >= m->cands[k].c0)
      continue; /* in candidate k */
    if (m->bytes[i] >= 0x80 && m->cps[i] != 0xA0)
      return true;
  }
  return false;
}

static size_t encode_run(const uint32_t *c, size_t n, char *o, size_t room);
/* Lead + continuation pairs that no candidate explains: a garble that
 * no reading in this charset undoes. */
static size_t unexplained_pairs(const struct kempt_mojibake *m) {
  size_t k = 0, pairs = 0;
  for (size_t w = 0; w < m->nwide; w++) {
    size_t i = m->wide[w];
    while (k < m->ncand && m->cands[k].c1 <= i)
      k++;
    if (k < m->ncand && i >= m->cands[k].c0)
      continue;
    size_t to = k < m->ncand ? m->cands[k].c0 : m->n; /* end of the gap */
    pairs += i + 1 < to && m->bytes[i] >= 0xC2 && m->bytes[i] <= 0xF4 &&
             cont(m->bytes[i + 1]);
  }
  return pairs;
}

/* Non-ASCII characters the charset cannot encode. */
static size_t foreign(const struct kempt_mojibake *m) {
  size_t n = 0;
  for (size_t w = 0; w < m->nwide; w++)
    n += !m->bytes[m->wide[w]];
  return n;
}

/* Whether the whole line reads as UTF-8 in this charset, as ftfy asks of
 * a text: every non-ASCII character is encodable and every high byte
 * belongs to a plausible candidate, at least two sequences decode, and
 * together they show damage. A clean line seldom has all its non-ASCII
 * characters pair up into valid UTF-8 by chance; then the candidates back
 * each other even when each alone is weak. */
static bool consistent_line(const struct kempt_mojibake *m, bool mixed,
                            size_t garbage) {
  if (mixed || garbage || m->ncand < 2)
    return false;
  int w = 0;
  for (size_t k = 0; k < m->ncand; k++)
    w += m->cands[k].weight;
  return w >= 3 && !foreign(m);
}

/* Whether candidate c replaces a character the last round's reading made. */
static bool stacked(const struct kempt_mojibake *m, const struct cand *c) {
  return memchr(m->fresh + c->c0, 1, c->c1 - c->c0) != NULL;
}

/* Whether candidate c is two-byte sequences only, each completed by a
 * space read as a lost NBSP, that make more than NBSPs and "à" without
 * opening a word of the same script with what follows ("Å koda" is
 * "Škoda"): capitals or symbols standing alone between spaces ("Ù
 * canción", "Î Ã") that evidence elsewhere on the line does not make
 * mojibake. */
static bool loose_space(const struct kempt_mojibake *m, const struct cand *c) {
  if (!c->space || c->nspace < c->nseq || c->c1 - c->c0 != 2 * c->nseq ||
      c->strong_space || only_nbsp(m, c))
    return false;
  uint32_t last = m->dec[c->a1 - 1], nx = c->c1 < m->n ? m->cps[c->c1] : 0;
  if (c->nseq == 1 && m->dec[c->a0] == 0xE0)
    return false;
  return !wordish(nx) || !wordish(last) || script_of(nx) != script_of(last);
}

/* Judge all candidates of cs; returns how many are to be applied. */
static size_t decide(struct kempt_mojibake *m, int cs) {
  bool mixed = mixed_line(m);
  bool minor = cs != CS_CP1252 && cs != CS_CP1251;
  size_t odd = unexplained_pairs(m) + (minor && !m->round ? foreign(m) : 0);
  if (odd > m->ncand)
    return 0;
  size_t strong = 0, weak_firm = 0, garbage = 0, total = 0, lost = 0;
  for (size_t k = 0; k < m->ncand; k++) {
    struct cand *c = &m->cands[k];
    c->verdict = judge(m, c, cs, mixed);
    strong += c->verdict == V_STRONG;
    garbage += c->verdict == V_GARBAGE && !c->space;
    lost += c->verdict == V_GARBAGE && c->space;
    weak_firm += c->verdict == V_WEAK && c->firm && !c->space;
  }
  /* this reading makes garbage elsewhere on the line (a space read as a
   * lost NBSP that makes none is most likely a space: no evidence) */
  if ((minor || m->round > 0) && garbage)
    return 0;
  bool whole = !strong && consistent_line(m, mixed, garbage + lost);
  for (size_t k = 0; k < m->ncand; k++) {
    struct cand *c = &m->cands[k];
    /* a later round may build on the reading the last one made (a layer
     * stacked on it): backed, if it shows damage of its own; elsewhere
     * on the line it needs the evidence a first reading needs */
    bool later = m->round > 0 && c->damaged && stacked(m, c) &&
                 (!c->space || only_nbsp(m, c));
    bool backed = (strong > 0 || later || whole ||
                   (weak_firm >= 2 && c->firm && !c->space)) &&
                  !loose_space(m, c);
    if (c->verdict == V_STRONG || (c->verdict == V_WEAK && backed))
      total++;
    else
      c->verdict = V_GARBAGE;
  }
  return total;
}

/* ---- applying
 * ---------------------------------------------------------------- */

/* Where the line holds non-ASCII characters; the ASCII ones are their own
 * bytes in every charset. */
static void index_wide(struct kempt_mojibake *m) {
  m->nwide = 0;
  for (size_t i = 0; i < m->n; i++) {
    if (m->cps[i] >= 0x80)
      m->wide[m->nwide++] = (uint32_t)i;
    else
      m->bytes[i] = (uint8_t)m->cps[i];
  }
}

static size_t utf8_len(uint32_t cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

static size_t encode_run(const uint32_t *c, size_t n, char *o, size_t room) {
  size_t k = 0;
  for (size_t i = 0; i < n && k + 4 <= room; i++)
    k += kempt__utf8_put(c[i], o + k);
  return k;
}

/* Report candidate c, whose text starts at byte offset off. */
static void report(const struct kempt_mojibake *m, const struct cand *c, int cs,
                   const struct kempt_env *env, uint64_t off) {
  char b[512], a[512];
  size_t bl = encode_run(m->cps + c->c0, c->c1 - c->c0, b, sizeof b);
  size_t al = encode_run(m->dec + c->a0, c->a1 - c->a0, a, sizeof a);
  kempt__change(env, charset_rule[cs], off, b, bl, a, al);
}

static void apply(struct kempt_mojibake *m, int cs, const struct kempt_env *env,
                  uint64_t base) {
  size_t n = 0, i = 0;
  uint64_t off = base;
  for (size_t k = 0; k < m->ncand; k++) {
    const struct cand *c = &m->cands[k];
    if (c->verdict == V_GARBAGE)
      continue;
    for (; i < c->c0; i++) {
      off += utf8_len(m->cps[i]);
      m->tmpf[n] = 0;
      m->tmp[n++] = m->cps[i];
    }
    report(m, c, cs, env, off);
    for (size_t a = c->a0; a < c->a1; a++) {
      m->tmpf[n] = 1;
      m->tmp[n++] = m->dec[a];
    }
    for (; i < c->c1; i++)
      off += utf8_len(m->cps[i]);
  }
  for (; i < m->n; i++) {
    m->tmpf[n] = 0;
    m->tmp[n++] = m->cps[i];
  }
  uint32_t *t = m->cps;
  m->cps = m->tmp;
  m->tmp = t;
  uint8_t *f = m->fresh;
  m->fresh = m->tmpf;
  m->tmpf = f;
  m->n = n;
  index_wide(m);
}

static size_t try_charset(struct kempt_mojibake *m, int cs) {
  if (!(m->csmask & (1u << cs)))
    return 0;
  for (size_t w = 0; w < m->nwide; w++) { /* ASCII is itself: set */
    uint32_t cp = m->cps[m->wide[w]];
    m->bytes[m->wide[w]] = cp < 0x800 ? m->lo[cs][cp] : enc_high(m, cs, cp);
  }
  bool pair = false; /* a lead followed by what may continue it */
  for (size_t w = 0; w < m->nwide && !pair; w++) {
    size_t i = m->wide[w];
    uint8_t b = i + 1 < m->n ? m->bytes[i + 1] : 0;
    pair =
        m->bytes[i] >= 0xC2 && (cont(b) || b == WILD || b == ' ' || b == '?');
  }
  if (!pair)
    return 0;
  m->ncand = m->ndec = 0;
  m->parsed = cs;
  size_t next = 0; /* chains start at leads, never ASCII */
  for (size_t w = 0; w < m->nwide; w++) {
    size_t i = m->wide[w];
    if (i >= next && m->bytes[i] >= 0xC2)
      next = i + chain(m, cs, i);
  }
  return m->ncand ? decide(m, cs) : 0;
}

/* Characters the applied candidates of the last try_charset replace. */
static size_t covered(const struct kempt_mojibake *m) {
  size_t n = 0;
  for (size_t k = 0; k < m->ncand; k++) {
    const struct cand *c = &m->cands[k];
    if (c->verdict == V_GARBAGE)
      continue;
    n += 4 * (c->c1 - c->c0); /* ties: the more frequent letters win */
    for (size_t a = c->a0; a < c->a1; a++)
      n += frequent(m->dec[a]);
  }
  return n;
}

/* One round: the charset whose reading explains the most characters
 * (then: gives the more frequent letters; then: comes first in the
 * table) is applied. The charsets are tried from the last, so that the
 * most common best one, cp1252, is the one whose candidates are at hand. */
static bool one_round(struct kempt_mojibake *m, const struct kempt_env *env,
                      uint64_t base) {
  int best = -1;
  size_t most = 0;
  for (int cs = CS_COUNT - 1; cs >= 0; cs--) {
    if (!try_charset(m, cs))
      continue;
    size_t c = covered(m);
    if (c && c >= most) {
      most = c;
      best = cs;
    }
  }
  if (best < 0)
    return false;
  if (best != m->parsed) /* its candidates were overwritten: again */
    try_charset(m, best);
  apply(m, best, env, base);
  return true;
}

/* The charsets in which the text holds a lead + continuation pair. */
static uint32_t pair_mask(struct kempt_mojibake *m) {
  uint32_t prev = 0, mask = 0;
  if (!m->cls_ready) { /* most handles never need it */
    for (uint32_t cp = 0x80; cp < 0x800; cp++)
      m->cls[cp] = kempt__mojibake_class(m, cp);
    m->cls_ready = true;
  }
  for (size_t i = 0; i < m->n; i++) {
    uint32_t cp = m->cps[i], c;
    if (cp < 0x80) {
      if ((prev & KEMPT__MJ_OPEN) && (cp == ' ' || cp == '?'))
        mask |= prev;
      prev = 0;
      continue;
    }
    c = cp < 0x800 ? m->cls[cp] : kempt__mojibake_class(m, cp);
    mask |= (c >> 16) & prev;
    prev = c;
  }
  return mask & KEMPT__MJ_LEADS;
}

enum kempt_status kempt__mojibake_fix(struct kempt_mojibake *m,
                                      const struct kempt_env *env,
                                      uint64_t base, const char *p, size_t n,
                                      uint32_t csmask, struct kempt_buf *out) {
  const unsigned char *u = (const unsigned char *)p;
  kempt__buf_clear(out);
  size_t chars = 0;
  for (size_t i = 0; i < n && n > m->max; i++)
    chars += (u[i] & 0xC0) != 0x80;
  if (chars > m->max) /* longer than a segment can be: left alone */
    return kempt__buf_add(out, p, n);
  m->n = 0;
  bool changed = false;
  for (size_t i = 0; i < n;) {
    if (u[i] < 0x80) {
      m->cps[m->n++] = u[i++];
      continue;
    }
    size_t len = kempt__utf8_get(u + i, n - i, &m->cps[m->n]);
    if (m->cps[m->n] == 0xFFFD && m->n && m->cps[m->n - 1] == 0xFFFD) {
      kempt__change(env, "replacement-run", base + i, p + i, len, "", 0);
      changed = true;
    } else {
      m->n++;
    }
    i += len;
  }
  m->csmask = csmask;
  m->round = 0;
  index_wide(m);
  for (int r = 0; r < ROUNDS && one_round(m, env, base); m->round = ++r) {
    changed = true;
    m->csmask = pair_mask(m); /* the repaired text, damaged otherwise? */
  }
  if (!changed)
    return kempt__buf_add(out, p, n);
  size_t len = 0;
  for (size_t i = 0; i < m->n; i++)
    len += utf8_len(m->cps[i]);
  enum kempt_status st = kempt__buf_reserve(out, len);
  if (st != KEMPT_OK)
    return st;
  char *o = out->data + out->len;
  for (size_t i = 0; i < m->n; i++)
    o += kempt__utf8_put(m->cps[i], o);
  out->len += len;
  return st;
}
