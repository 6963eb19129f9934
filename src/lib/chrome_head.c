/* chrome_head.c - the lines of an article's head that are not its title:
 * date lines, bylines and source lines ("28 November 2026 Source: staff
 * reporter", "2026年11月28日 来源：本报记者", "28 نوفمبر 2026") in any
 * language, by their form.
 *
 * A date is found without the language's month names: digits with
 * separators (28.11.2026, 2026-11-28, 11/28/26), a CJK date (digits with
 * 年 月 日, or 년 월 일), a time (14:30), a day and a year around one word
 * in lower case or of a script without case (28 novembre 2026, 28 نوفمبر
 * 2026), or a month or day name of the date rules next to a day's
 * number (November 28; not "4 Things to Do in October"). A date line is
 * a short line, without a sentence end, that holds a date and a few
 * other words at most; in a script written without spaces (Chinese,
 * Japanese, Thai) a word is counted per two characters. A time is a date
 * in an article's head only ("John 3:16" is no date line anywhere).
 *
 * The classifier keeps the nearest headline-like line before the
 * article as its title: a date line between it and the article is no
 * headline (the title stays, the date line goes), and neither is a short
 * source line right under such a line ("Source: Agency", "来源：新华社")
 * nor an author's name between a longer headline and a date line.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chrome_int.h"

#define HEAD_TOKENS 20    /* tokens of a date line in an article's head */
#define HEAD_WORDS 14     /* ... its words */
#define HEAD_CHARS 100    /* ... its code points */
#define HEAD_OTHER 6      /* ... words in it that are not the date */
#define DATE_OTHER 2      /* ... and in a date line anywhere */
#define LABEL_WORDS_MAX 2 /* "Source:" - words of a source line's label */
#define LABEL_VALUE 5     /* ... words of what follows it */
#define HEAD_REACH 3      /* lines from a date line up to the title */
#define HEAD_INSIDE 4     /* first lines of an article: a dek, a date */
#define NAME_WORDS 3      /* an author's name alone on its line, */
#define NAME_SHORTER 2    /* ... words fewer than the title's over it */
#define DAY_MAX 31
#define CJK_BYLINE_CHARS 24 /* code points of a Chinese reporter's line */

static const char R_HEAD_DATE[] = "date line (the article's head)";
static const char R_HEAD_SOURCE[] = "source line (the article's head)";
static const char R_HEAD_NAME[] = "byline (a name over the date line)";
static const char R_HEAD_BYLINE[] = "byline (记者 NAME, NAME 报道)";
static const char R_HEAD_CASELESS[] =
    "byline (a name without case under the headline)";

/* The code point at p[0..n) (n >= 1). */
static int32_t cp_at(const char *p, size_t n) {
  int32_t cp;
  kempt__next_cp(p, n, &cp);
  return cp;
}

/* A script written without spaces between words: CJK ideographs, kana,
 * Thai, Lao, Khmer, Myanmar. */
static bool spaceless(int32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x0E00 && c <= 0x0EFF) || (c >= 0x1000 && c <= 0x109F) ||
         (c >= 0x1780 && c <= 0x17FF) || (c >= 0x20000 && c <= 0x2FFFF);
}

/* Bytes of a CJK date unit at s[0..n) (年 月 日 and Korean 년 월 일, and
 * 時 时 分 of a time), or 0. part: it is one of a date's three parts. */
static size_t date_unit(const char *s, size_t n, bool *part) {
  static const char *const units[] = {
      "\xe5\xb9\xb4", "\xe6\x9c\x88", "\xe6\x97\xa5",
      "\xeb\x85\x84", "\xec\x9b\x94", "\xec\x9d\xbc",
      "\xe6\x99\x82", "\xe6\x97\xb6", "\xe5\x88\x86"};
  if (n < 3 || (unsigned char)s[0] < 0xE0)
    return 0;
  for (size_t k = 0; k < sizeof units / sizeof units[0]; k++)
    if (memcmp(s, units[k], 3) == 0) {
      *part = k < 6;
      return 3;
    }
  return 0;
}

static bool digit(char c) { return (unsigned)(c - '0') < 10; }

/* Digits from p[i] on (at most to n). */
static size_t digits(const char *p, size_t n, size_t i) {
  size_t k = i;
  while (k < n && digit(p[k]))
    k++;
  return k - i;
}

#define ERA_BYTES 6 /* an era's name before a CJK year: two characters */

/* Bytes of an era's name that a CJK date's year may follow ("令和8年",
 * "民國115年"): two Han characters before a digit, or 0. */
static size_t era_bytes(const char *s, size_t n) {
  if (n <= ERA_BYTES || digit(s[0]) || !digit(s[ERA_BYTES]) ||
      !spaceless(cp_at(s, n)) || !spaceless(cp_at(s + 3, n - 3)))
    return 0;
  return (unsigned char)s[0] >= 0xE3 && (unsigned char)s[3] >= 0xE3 ? ERA_BYTES
                                                                     : 0;
}

/* Whether the line p[0..n), words t[0..nt), holds a date written with
 * digits: 28.11.2026, 2026-11-28, 11/28/26, 2026年11月28日; or a time
 * (14:30) when time. A date starts at a word's start (a number, or a
 * word of digits and CJK units). */
static bool digit_date(const char *p, size_t n, const struct chrome_tok *t,
                       size_t nt, bool time) {
  unsigned parts = 0; /* (over words in a row: "2026년 11월 18일") */
  for (size_t w = 0; w < nt; w++) {
    size_t from = t[w].start + era_bytes(p + t[w].start, t[w].end - t[w].start);
    if (!digit(p[from])) {
      parts = 0;
      continue;
    }
    for (size_t i = from; i < t[w].end;) {
      if (!digit(p[i])) {
        i++;
        continue;
      }
      size_t l1 = digits(p, n, i), e = i + l1;
      bool before = i > 0 && (p[i - 1] == '.' || p[i - 1] == ',' ||
                              p[i - 1] == '/' || p[i - 1] == ':');
      bool part;
      if (date_unit(p + e, n - e, &part) && part && ++parts >= 2)
        return true;
      if (e + 1 < n && !before && (p[e] == '.' || p[e] == '/' || p[e] == '-') &&
          digit(p[e + 1])) {
        size_t l2 = digits(p, n, e + 1), f = e + 1 + l2;
        if (f + 1 < n && p[f] == p[e] && digit(p[f + 1])) {
          size_t l3 = digits(p, n, f + 1), g = f + 1 + l3;
          bool more = g + 1 < n &&
                      (p[g] == '.' || p[g] == '/' || p[g] == '-') &&
                      digit(p[g + 1]);
          if (!more && ((l1 <= 2 && l2 <= 2 && (l3 == 2 || l3 == 4)) ||
                        (l1 == 4 && l2 <= 2 && l3 <= 2)))
            return true; /* (not a version: 1.2.3, 1.2.3.4) */
        }
      }
      if (time && !before && l1 <= 2 && e + 2 < n && p[e] == ':' &&
          digit(p[e + 1]) && digits(p, n, e + 1) == 2)
        return true; /* a time (a score's "2:1" has one digit) */
      if (t[w].alpha)
        i = e; /* (the rest of "2026年11月28日") */
      else
        break;
    }
  }
  return false;
}

/* The value of the digit at p[0..n) (ASCII, or a decimal digit of an
 * Indic script, U+0966..U+0DEF: Devanagari, Bengali, Tamil ... "২৮";
 * of Thai, Lao, Myanmar or Khmer), its bytes in *k; -1 when there is
 * none. */
static int digit_at(const char *p, size_t n, size_t *k) {
  const unsigned char *s = (const unsigned char *)p;
  *k = 1;
  if (digit(p[0]))
    return p[0] - '0';
  if (n < 3 || (s[0] != 0xE0 && s[0] != 0xE1))
    return -1;
  unsigned cp = (unsigned)(s[0] & 0x0F) << 12 |
                (unsigned)(s[1] & 0x3F) << 6 | (s[2] & 0x3Fu);
  unsigned zero = cp >= 0x0966 && cp <= 0x0DEF && (cp & 0x7F) >= 0x66 &&
                          (cp & 0x7F) <= 0x6F
                      ? cp - (cp & 0xF) + 6
                  : cp >= 0x0E50 && cp <= 0x0E59 ? 0x0E50
                  : cp >= 0x0ED0 && cp <= 0x0ED9 ? 0x0ED0
                  : cp >= 0x1040 && cp <= 0x1049 ? 0x1040
                  : cp >= 0x17E0 && cp <= 0x17E9 ? 0x17E0
                                                 : 0;
  if (!zero)
    return -1;
  *k = 3;
  return (int)(cp - zero);
}

/* The value of a number token of at most 4 digits, or -1; its digits in
 * *nd. */
static int number_of_n(const char *p, const struct chrome_tok *t,
                       size_t *nd) {
  *nd = 0;
  if (t->alpha || t->end - t->start > 12)
    return -1;
  int v = 0;
  for (uint32_t k = t->start; k < t->end;) {
    size_t l;
    int x = digit_at(p + k, t->end - k, &l);
    if (x < 0 || ++*nd > 4)
      return -1;
    v = 10 * v + x;
    k += (uint32_t)l;
  }
  return v;
}

static bool year_of(const char *p, const struct chrome_tok *t) {
  size_t nd;
  int v = number_of_n(p, t, &nd);
  return nd == 4 &&
         ((v >= 1900 && v < 2100) || (v >= 2440 && v < 2640)); /* (Thai) */
}

/* A year in two digits ("69" of 2569), after an abbreviated month. */
static bool short_year(const char *p, const struct chrome_tok *t) {
  size_t nd;
  return number_of_n(p, t, &nd) >= 0 && nd == 2;
}

static bool day_of(const char *p, const struct chrome_tok *t) {
  size_t nd;
  int v = number_of_n(p, t, &nd);
  return v >= 1 && v <= DAY_MAX && nd <= 2;
}

/* Whether a token is a day's number of one or two Arabic-Indic or
 * Persian digits (U+0660..U+0669, U+06F0..U+06F9: "۱۰"). */
static bool arabic_digit(const char *p, const struct chrome_tok *t) {
  const unsigned char *s = (const unsigned char *)p + t->start;
  size_t n = t->end - t->start;
  if (t->alpha || (n != 2 && n != 4))
    return false;
  for (size_t k = 0; k < n; k += 2)
    if (!((s[k] == 0xD9 && s[k + 1] >= 0xA0 && s[k + 1] <= 0xA9) ||
          (s[k] == 0xDB && s[k + 1] >= 0xB0 && s[k + 1] <= 0xB9)))
      return false;
  return true;
}

/* Whether a word is digits and CJK date units only ("28日", "10時30分"). */
static bool date_word(const char *p, const struct chrome_tok *t) {
  bool unit = false, part;
  for (uint32_t k = t->start; k < t->end;) {
    size_t u = date_unit(p + k, t->end - k, &part);
    if (u) {
      unit = true;
      k += (uint32_t)u;
    } else if (digit(p[k])) {
      k++;
    } else {
      return false;
    }
  }
  return unit;
}

/* Whether a word is a month or day name of the date rules. */
static bool rule_word(const struct chrome_rules *r, uint32_t langs,
                      const struct chrome_tok *t) {
  if (!kempt__chrome_may_start(r, CK_DATE, t->h))
    return false;
  uint64_t h = kempt__chrome_seq_step(CHROME_SEQ_INIT, t->h);
  return kempt__chrome_may_key(r, h, CK_DATE) &&
         kempt__chrome_rules_find(r, h, CK_DATE, langs) != NULL;
}

/* Words of a token as a length: one, or one per two characters of a
 * script written without spaces. */
static unsigned word_weight(const char *p, const struct chrome_tok *t) {
  size_t n = t->end - t->start;
  if ((unsigned char)p[t->start] < 0xE0 || !spaceless(cp_at(p + t->start, n)))
    return 1;
  size_t chars = 0;
  for (uint32_t k = t->start; k < t->end; k++)
    chars += ((unsigned char)p[k] & 0xC0) != 0x80;
  return (unsigned)((chars + 1) / 2);
}

/* kempt__chrome_date_form; time: a time alone (14:30) is a date. */
static bool date_form(const char *p, const struct chrome_unit *u,
                      const struct chrome_tok *t, size_t nt,
                      const struct chrome_rules *r, uint32_t langs, bool head,
                      bool time) {
  if (nt == 0 || nt > HEAD_TOKENS || u->chars > HEAD_CHARS)
    return false;
  uint32_t skip = 0; /* bit i: word i is the month of a day and a year */
  for (size_t i = 0; i + 2 < nt && i < 30; i++) {
    if (((day_of(p, &t[i]) && year_of(p, &t[i + 2])) ||
         (year_of(p, &t[i]) && day_of(p, &t[i + 2]))) &&
        t[i + 1].alpha && (langs == ~0u || (head && !t[i + 1].upper)))
      skip |= 1u << (i + 1); /* "28 novembre 2026", "28 نوفمبر 2026",
                                "2026. november 28.", "၂၀၂၆ နိုဝင်ဘာ ၂၈" */
    if (head && i + 3 < nt && day_of(p, &t[i]) && t[i + 1].alpha &&
        t[i + 2].alpha && !t[i + 1].upper && p[t[i + 1].end] == '.' &&
        t[i + 2].start == t[i + 1].end + 1 &&
        (year_of(p, &t[i + 3]) ||
         (p[t[i + 2].end] == '.' && short_year(p, &t[i + 3]))))
      skip |= 3u << (i + 1); /* a month in two letters: "22 พ.ย. 2569",
                                "6 มี.ค. 69" */
  }
  bool dated = skip || digit_date(p, u->tlen, t, nt, time);
  if (!dated && !head)
    return false; /* (a month name by a day: is_date's, in its rules) */
  for (size_t i = 0; i < nt && !dated; i++)
    dated = t[i].alpha &&
            ((i > 0 && (day_of(p, &t[i - 1]) || arabic_digit(p, &t[i - 1]))) ||
             (i + 1 < nt && day_of(p, &t[i + 1]))) &&
            rule_word(r, langs, &t[i]); /* "November 28", "28 Nov", "۱۰ آبان" */
  if (!dated)
    return false;
  unsigned other = 0;
  for (size_t i = 0; i < nt; i++) {
    if (!t[i].alpha || (i < 32 && (skip >> i & 1u)) || date_word(p, &t[i]) ||
        rule_word(r, langs, &t[i]))
      continue;
    other += word_weight(p, &t[i]);
    if (other > (head ? HEAD_OTHER : DATE_OTHER))
      return false;
  }
  return true;
}

bool kempt__chrome_date_form(const char *p, const struct chrome_unit *u,
                             const struct chrome_tok *t, size_t nt,
                             const struct chrome_rules *r, uint32_t langs,
                             bool head) {
  return date_form(p, u, t, nt, r, langs, head, head);
}

/* Whether unit i may be a line of an article's head by its length and
 * end: short, no sentence (a time's "a.m." or a date's dot may end it). */
static bool head_shape(const struct chrome_doc *d,
                       const struct chrome_unit *u) {
  if (u->words > HEAD_WORDS || u->chars > HEAD_CHARS || u->bullet ||
      u->ntok == 0 || u->ntok > HEAD_TOKENS)
    return false;
  if (u->term != TERM_SENT)
    return u->term != TERM_ELLIPSIS;
  const char *p = d->text.data + u->off;
  size_t n = u->tlen;
  return n >= 2 && p[n - 1] == '.' &&
         (digit(p[n - 2]) ||
          ((p[n - 2] | 0x20) == 'm' && n >= 4 && p[n - 3] == '.'));
}

/* The rule languages of the window (those kempt__chrome_classify's
 * phrase rules take). */
static uint32_t doc_langs(const struct chrome_doc *d) {
  return kempt__chrome_rule_langs(kempt__lang_best(&d->lang));
}

#define RANGE_LINK_BYTES 6 /* "till", "bis", "au", "až": a range's link */

static bool colon_in(const char *s, size_t n);

/* Whether the gap p[a..b) between two tokens holds no space: the
 * tokens are parts of one number ("18:00", "14.04.2026"). */
static bool joined(const char *p, size_t a, size_t b) {
  if (a == b)
    return false;
  for (size_t k = a; k < b; k++)
    if (p[k] == ' ')
      return false;
  return true;
}

/* Whether the gap p[a..b) is a spaced dash ("-", the en dash). */
static bool dash_gap(const char *p, size_t a, size_t b) {
  return (b - a == 3 && p[a + 1] == '-') ||
         (b - a == 5 && memcmp(p + a + 1, "\xe2\x80\x93", 3) == 0);
}

/* Numbers (runs of number tokens joined without a space) among tokens
 * [a, b). */
static unsigned numbers_in(const char *p, const struct chrome_tok *t,
                           size_t a, size_t b) {
  unsigned n = 0;
  for (size_t k = a; k < b; k++)
    n += !t[k].alpha &&
         (k == a || t[k - 1].alpha || !joined(p, t[k - 1].end, t[k].start));
  return n;
}

bool kempt__chrome_label_range(const char *p, const struct chrome_tok *t,
                               size_t nt) {
  size_t v = 1; /* the value's first token, after the label's colon */
  while (v < nt && v <= LABEL_WORDS_MAX && t[v - 1].alpha &&
         !colon_in(p + t[v - 1].end, t[v].start - t[v - 1].end))
    v++;
  if (v >= nt || v > LABEL_WORDS_MAX || !t[v - 1].alpha)
    return false;
  for (size_t k = v + 1; k < nt; k++)
    if (t[k - 1].alpha && colon_in(p + t[k - 1].end, t[k].start - t[k - 1].end))
      return false; /* a second label ("Posted: ... Updated: ...") */
  for (size_t k = v + 1; k < nt; k++) {
    bool link = t[k].alpha && !t[k].upper &&
                t[k].end - t[k].start <= RANGE_LINK_BYTES;
    if (link && numbers_in(p, t, v, k) >= 2 && numbers_in(p, t, k + 1, nt) >= 2)
      return true;
    if (dash_gap(p, t[k - 1].end, t[k].start) && numbers_in(p, t, v, k) >= 2 &&
        numbers_in(p, t, k, nt) >= 2)
      return true;
  }
  return false;
}

bool kempt__chrome_until_label(const struct chrome_rules *r, uint32_t langs,
                               const char *p, const struct chrome_tok *t,
                               size_t nt) {
  (void)p;
  if (!r)
    return false;
  size_t f = 0; /* the first number */
  while (f < nt && t[f].alpha)
    f++;
  if (f == 0 || f == nt)
    return false;
  for (size_t k = f < r->maxtok[CK_UNTIL] ? f : r->maxtok[CK_UNTIL]; k >= 1;
       k--) {
    const struct chrome_tok *w = t + f - k;
    if (!kempt__chrome_may_start(r, CK_UNTIL, w->h))
      continue;
    uint64_t h = kempt__chrome_seq(w, k);
    if (kempt__chrome_may_key(r, h, CK_UNTIL) &&
        kempt__chrome_rules_find(r, h, CK_UNTIL, langs) != NULL)
      return true;
  }
  return false;
}

bool kempt__chrome_range_line(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  if (!head_shape(d, u))
    return false;
  struct chrome_tok t[HEAD_TOKENS + 1];
  size_t total,
      nt = kempt__chrome_unit_tokens(d, u, t, HEAD_TOKENS + 1, &total);
  const char *p = d->text.data + u->off;
  return nt == total && (kempt__chrome_label_range(p, t, nt) ||
                         kempt__chrome_until_label(d->wc.rules, doc_langs(d),
                                                   p, t, nt));
}

/* Whether unit i is a date line of an article's head (time: or a time
 * line, "Updated 14:30"). */
static bool head_date(const struct chrome_doc *d, size_t i, bool time) {
  const struct chrome_unit *u = &d->units[i];
  if (u->hit == CK_DATE || u->hit == CK_BYLINE)
    return true;
  if (u->hours || !head_shape(d, u) || !d->wc.rules)
    return false;
  const char *p = d->text.data + u->off;
  struct chrome_tok t[HEAD_TOKENS + 1];
  size_t total,
      nt = kempt__chrome_unit_tokens(d, u, t, HEAD_TOKENS + 1, &total);
  if (nt != total || nt > HEAD_TOKENS || kempt__chrome_label_range(p, t, nt) ||
      kempt__chrome_until_label(d->wc.rules, doc_langs(d), p, t, nt))
    return false;
  return date_form(p, u, t, nt, d->wc.rules, doc_langs(d), true, time);
}

/* Whether s[0..n) holds a colon, ':' or the full-width one, or the
 * label's colon of Armenian ('՝') or Ethiopic ('፦'). */
static bool colon_in(const char *s, size_t n) {
  for (size_t k = 0; k < n; k++)
    if (s[k] == ':' || (k + 3 <= n && memcmp(s + k, "\xef\xbc\x9a", 3) == 0) ||
        (k + 2 <= n && memcmp(s + k, "\xd5\x9d", 2) == 0) ||
        (k + 3 <= n && memcmp(s + k, "\xe1\x8d\xa6", 3) == 0))
      return true;
  return false;
}

/* A short source line: a label of a word or two, a colon (':' or the
 * full-width one), a few words ("Source: staff reporter", "来源：新华社"). */
static bool label_line(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  if (!head_shape(d, u) || u->term == TERM_SENT || u->words < 2)
    return false;
  const char *p = d->text.data + u->off;
  struct chrome_tok t[LABEL_WORDS_MAX + LABEL_VALUE + 2];
  size_t total,
      nt = kempt__chrome_unit_tokens(d, u, t, sizeof t / sizeof t[0], &total);
  if (nt != total || nt < 2)
    return false;
  unsigned before = 0, after = 0;
  bool colon = false;
  for (size_t k = 0; k < nt; k++) {
    if (!colon && k > 0) {
      const char *s = p + t[k - 1].end;
      size_t gap = t[k].start - t[k - 1].end;
      colon = colon_in(s, gap);
    }
    unsigned w = t[k].alpha ? word_weight(p, &t[k]) : 1;
    if (colon)
      after += w;
    else
      before += w;
  }
  return colon && before <= LABEL_WORDS_MAX && after >= 1 &&
         after <= LABEL_VALUE &&
         !colon_in(p + t[nt - 1].end, u->len - t[nt - 1].end);
}

/* An author's name alone on its line ("Jane Doe"): two or three words,
 * all capitalised, no function word, number nor punctuation at its end. */
static bool name_line(const struct chrome_doc *d, const struct chrome_unit *u) {
  if (u->words < 2 || u->words > NAME_WORDS || u->ntok != u->words ||
      u->upper != u->words || u->stop || u->seps || u->bullet || u->widget ||
      u->term != TERM_NONE)
    return false;
  struct chrome_tok t[NAME_WORDS + 1];
  size_t total,
      nt = kempt__chrome_unit_tokens(d, u, t, NAME_WORDS + 1, &total);
  if (nt != total || nt != u->words)
    return false;
  for (size_t k = 0; k < nt; k++)
    if (!t[k].upper)
      return false;
  return true;
}

/* A headline over a name line: longer than the name, and not a menu
 * (function words or words in lower case in it, few separators). */
static bool over_name(const struct chrome_unit *v,
                      const struct chrome_unit *u) {
  return v->seps < 2 && v->words >= u->words + NAME_SHORTER &&
         (v->stop > 0 || v->upper < v->words);
}

/* A Chinese reporter's line: short, no end, 记者 (記者) at its start or
 * 报道 (報導, 報道) at its end ("記者陳怡君／台南報導"). */
static bool cjk_byline(const struct chrome_doc *d,
                       const struct chrome_unit *u) {
  static const char *const opens[] = {"\xe8\xae\xb0\xe8\x80\x85",
                                      "\xe8\xa8\x98\xe8\x80\x85"};
  static const char *const ends[] = {"\xe6\x8a\xa5\xe9\x81\x93",
                                     "\xe5\xa0\xb1\xe5\xb0\x8e",
                                     "\xe5\xa0\xb1\xe9\x81\x93"};
  if (u->chars > CJK_BYLINE_CHARS || u->term != TERM_NONE || u->tlen < 9)
    return false;
  const char *p = d->text.data + u->off;
  size_t n = u->tlen;
  for (size_t k = 0; k < 2; k++)
    if (memcmp(p, opens[k], 6) == 0)
      return true;
  for (size_t k = 0; k < 3; k++)
    if (memcmp(p + n - 6, ends[k], 6) == 0)
      return true;
  return false;
}

#define UNDER_NAME_CHARS 16 /* code points of a name in a script without
                               case under a headline or date line */

/* A name in a script without case alone on its line, as a byline puts
 * it ("毎日新聞社　佐藤花子", "דנה כהן"): a short line of two or three
 * words, no number, end or separator. (A cased script has name_line().) */
static bool caseless_name(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  if (u->chars > UNDER_NAME_CHARS || u->ntok < 2 || u->ntok > 3 ||
      u->term != TERM_NONE || u->seps || u->bullet || u->widget || u->hit ||
      !kempt__chrome_caseless_start(d->text.data + u->off, u->len))
    return false;
  struct chrome_tok t[4];
  size_t total, nt = kempt__chrome_unit_tokens(d, u, t, 4, &total);
  for (size_t k = 0; k < nt; k++)
    if (!t[k].alpha)
      return false;
  return nt == total;
}

/* Whether unit v may be the headline (or its dek) over such a name u:
 * more than times as many code points, no sentence's end. */
static bool over_caseless_name(const struct chrome_unit *v,
                               const struct chrome_unit *u, unsigned times) {
  return v->chars > times * u->chars && v->term == TERM_NONE && !v->bullet &&
         !v->hit;
}

/* Such a name right under the date line that is under a longer headline
 * ("2026年3月5日 15時12分" / "毎日新聞社　佐藤花子"): the headline over
 * the date is the title. */
static bool name_under_date(const struct chrome_doc *d, size_t i) {
  return i >= 2 && caseless_name(d, i) && head_date(d, i - 1, true) &&
         over_caseless_name(&d->units[i - 2], &d->units[i], 1);
}

bool kempt__chrome_caseless_byline(const char *why) {
  return why == R_HEAD_CASELESS;
}

const char *kempt__chrome_name_over_text(const struct chrome_doc *d,
                                        size_t i) {
  return i >= 1 && caseless_name(d, i) &&
                 over_caseless_name(&d->units[i - 1], &d->units[i], 2)
             ? R_HEAD_CASELESS
             : NULL;
}

bool kempt__chrome_name_line(const struct chrome_doc *d, size_t i) {
  return name_line(d, &d->units[i]);
}

const char *kempt__chrome_head_line(const struct chrome_doc *d, size_t i,
                                    bool title_above) {
  if (head_date(d, i, true))
    return R_HEAD_DATE;
  if (cjk_byline(d, &d->units[i]))
    return R_HEAD_BYLINE;
  if (i > 0 && label_line(d, i) && head_date(d, i - 1, true))
    return R_HEAD_SOURCE;
  if (name_under_date(d, i))
    return R_HEAD_CASELESS;
  if (title_above && i + 1 < d->nunits && name_line(d, &d->units[i]) &&
      over_name(&d->units[i - 1], &d->units[i]) && head_date(d, i + 1, true))
    return R_HEAD_NAME;
  return NULL;
}

#define NAMED_DATE_BYTES 4 /* bytes of a date line's first word at least */

/* Whether unit i, a date line, names what it dates: it opens with a
 * capitalised word (NAMED_DATE_BYTES long at least) that is no date
 * word, then another word, and no label's colon comes before its
 * numbers ("Oroscopo di martedì 14 aprile 2026", "Zpravodaj klubu -
 * duben 2026"); not "Updated 14 April", "Stand: 14.04.2026". */
bool kempt__chrome_named_date(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  if (u->hit != CK_DATE || !u->cap1 || !d->wc.rules)
    return false;
  const char *p = d->text.data + u->off;
  struct chrome_tok t[HEAD_TOKENS + 1];
  size_t total,
      nt = kempt__chrome_unit_tokens(d, u, t, HEAD_TOKENS + 1, &total);
  if (nt < 3 || nt != total || !t[0].alpha || !t[0].upper || !t[1].alpha ||
      t[0].end - t[0].start < NAMED_DATE_BYTES ||
      rule_word(d->wc.rules, doc_langs(d), &t[0]))
    return false;
  size_t n = 0; /* (bytes before the first number) */
  for (size_t k = 0; k < nt && t[k].alpha; k++)
    n = t[k].end + 1 < u->len ? t[k].end + 1 : u->len;
  return !colon_in(p, n);
}

bool kempt__chrome_over_head_date(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  for (size_t j = i + 1; j < d->nunits && j <= i + 2; j++) {
    if (head_date(d, j, true))
      return true;
    if (d->units[j].chars >= u->chars || d->units[j].term == TERM_SENT)
      return false; /* (no byline between) */
  }
  return false;
}

bool kempt__chrome_head_reach(size_t head, size_t i) {
  return head == SIZE_MAX || head - i <= HEAD_REACH;
}

void kempt__chrome_head_inside(struct chrome_doc *d, size_t a, size_t b) {
  for (size_t i = a; i < b && i < a + HEAD_INSIDE; i++) {
    struct chrome_unit *u = &d->units[i];
    if (u->rule || u->cls == CL_GOOD || u->listed || !head_date(d, i, false) ||
        kempt__chrome_span_line(d, i))
      continue; /* (a span of dates: an event's, a life's) */
    if (i + 1 <= b && head_date(d, i + 1, true) && !d->units[i + 1].rule)
      return; /* a run of dates: a timeline, a table */
    if (kempt__chrome_facts_after(d, i, b + 1) != SIZE_MAX)
      return; /* "Date: ..." atop an event's facts ("Venue: ...") */
    u->rule = R_HEAD_DATE;
  }
}
