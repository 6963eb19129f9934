/* chrome_comments.c - a thread of readers' comments after the article
 * (called by chrome_class.c after the phrase rules, before the verdict):
 *
 * - a comment's header is one when the comment's buttons ("Reply",
 *   "Report", "Like (3)", "2 replies": the reply rules and numbers, maybe
 *   with a page's buttons, "Reply - Share") follow its text soon: a name
 *   and the time since it was posted, after a separator ("Jane Doe • 3
 *   days ago", "jdoe42 · 2h", "Anna K. | 12 May 2026") or not ("Jane Doe
 *   on March 3, 2026 at 5:14 pm"), a date line (under a name alone:
 *   "Jane Doe" / "March 3, 2026 at 5:14 pm"), a name of two words alone
 *   (over a comment: "Jane Doe" / "Great piece!" / "Like · Reply · 3d");
 *   a list of headlines under their sections' labels and times ("Sport
 *   • 2h ago") has no buttons. It cuts the article as "NAME says:" does;
 * - a header "NAME says:" of a name alone (one only when the page has
 *   another: chrome_class.c) is one when its comment's buttons follow;
 *   one whose name opens with a function word ("Will Smith says:", but
 *   "The Mayor says:" too) is none without them;
 * - a thread without headers (a comment, its buttons, a comment, its
 *   buttons) is cut at its first buttons: the first comment cannot be
 *   told from the article's last paragraph, the others go;
 * - a cut-off marker of a word or two ("Comments", "View comments (12)",
 *   "12 comments") between two paragraphs of prose is a button of the
 *   article (it goes, the article does not end there), unless a thread's
 *   lines (a header, a date line, buttons) follow the paragraph after it,
 *   or it is the author's box ("O autorovi": a function word first; the
 *   paragraph after it opens with a name).
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chrome_int.h"
#include "lang.h"

#define HDR_NAME_TOK 4  /* words of a header's name ("Jan van der Berg") */
#define HDR_TIME_TOK 9  /* tokens of its time ("on Nov 3, 2025 at 5:14 pm") */
#define HDR_TIME_WORD 9 /* code points of a word of its time ("minutes") */
#define HDR_TOK 12      /* tokens of a header line at most */
#define REPLY_REACH 6   /* lines from a header to its buttons */
#define PROSE_MIN 12    /* words of a paragraph of prose around a marker */
#define WEAK_WORDS 2    /* words of a button-like cut-off marker */
#define WEAK_TOK 4      /* ... and its tokens (numbers too) */
#define AFTER_REACH 4   /* lines after the paragraph after a marker */
#define THREAD_REACH 6  /* lines from a comment's buttons to the next's */
#define POST_REACH 24   /* lines with text from a post's header back to the
                           header of the post above it */

static const char R_TIME_HDR[] = "comment header (name and time)";
static const char R_DATED_HDR[] =
    "comment header (name or date, its buttons)";
static const char R_BARE_BTN[] = "comment buttons (a thread follows)";
static const char R_REPLY_HDR[] = "comment header (NAME says:, its buttons)";

/* The next line after i (before end) with text, or end. */
static size_t next_text(const struct chrome_doc *d, size_t i, size_t end) {
  for (i++; i < end && d->units[i].chars == 0; i++)
    ;
  return i;
}

/* Code points of p[0..n) (valid UTF-8). */
static size_t cps(const char *p, size_t n) {
  size_t c = 0;
  for (size_t i = 0; i < n; i++)
    c += ((unsigned char)p[i] & 0xC0) != 0x80;
  return c;
}

/* Whether the word sequence t[0..k) is a rule of kind (any language). */
static bool kind_words(const struct chrome_rules *r,
                       const struct chrome_tok *t, size_t k, int kind) {
  if (k > r->maxtok[kind] || !kempt__chrome_may_start(r, kind, t[0].h))
    return false;
  uint64_t h = kempt__chrome_seq(t, k);
  return kempt__chrome_may_key(r, h, kind) &&
         kempt__chrome_rules_find(r, h, kind, ~0u) != NULL;
}

/* A line of a comment's buttons and counters (classify sets unit btn
 * to it): nothing but reply and
 * button rules, a page's one-word line rules and numbers, one reply rule
 * at least ("Reply", "Like (3) · Reply", "2 replies", "Antworten Melden",
 * "Reply - Share"; not "Like Share"), no sentence end. */
/* The words of line u (p[0..n) of it) into *t: the ones kept for it
 * (its words are kept), or read again into tb (at most max); *total: all
 * its words. */
static size_t line_words(const struct chrome_doc *d,
                         const struct chrome_unit *u, const char *p, size_t n,
                         struct chrome_tok *tb, size_t max,
                         const struct chrome_tok **t, size_t *total) {
  if (u->retok && u->tok != CHROME_NO_TOK) {
    *t = d->toks + u->tok;
    return *total = u->ntok;
  }
  *t = tb;
  return kempt__chrome_tokens(p, n, tb, max, total, d->cp);
}

bool kempt__chrome_buttons(const struct chrome_doc *d,
                           const struct chrome_unit *u,
                           const struct chrome_rules *r) {
  if (!kempt__chrome_btn_form(u))
    return false;
  const char *p = d->text.data + u->off;
  struct chrome_tok tb[CHROME_BTN_TOK + 1];
  const struct chrome_tok *t;
  size_t total,
         nt = line_words(d, u, p, u->len, tb, CHROME_BTN_TOK, &t, &total);
  if (nt == 0 || total != nt)
    return false;
  size_t hits = 0;
  for (size_t i = 0; i < nt;) {
    if (!t[i].alpha || (unsigned)(p[t[i].start] - '0') < 10) {
      i++;
      continue; /* a count or a time: "(3)", "3d" */
    }
    size_t k = i + 1 < nt && t[i + 1].alpha ? 2 : 1;
    for (; k > 0; k--)
      if (kind_words(r, t + i, k, CK_REPLY)) {
        hits++;
        break;
      } else if (kind_words(r, t + i, k, CK_BUTTON) ||
                 (k == 1 && kind_words(r, t + i, 1, CK_LINE))) {
        break; /* "Like", a page's button: "Share" */
      }
    if (k == 0)
      return false; /* (most lines: at their first word) */
    i += k;
  }
  return hits > 0;
}

/* The bytes of a separator between a header's name and its time at
 * p[i..): " • ", " · ", " | ", " - ", " – ", " — "; 0 when none. */
static size_t sep_at(const char *p, size_t n, size_t i) {
  if (i + 2 >= n || p[i] != ' ')
    return 0;
  const unsigned char *q = (const unsigned char *)p + i + 1;
  size_t w = 0;
  if (q[0] == '|' || q[0] == '-')
    w = 1;
  else if (q[0] == 0xC2 && q[1] == 0xB7)
    w = 2; /* U+00B7 */
  else if (q[0] == 0xE2 && q[1] == 0x80 &&
           (q[2] == 0xA2 || q[2] == 0x93 || q[2] == 0x94))
    w = 3; /* U+2022, U+2013, U+2014 */
  if (!w || i + 1 + w >= n || p[i + 1 + w] != ' ')
    return 0;
  return w + 2;
}

/* Whether the tokens t[0..k) of p, before byte s, are a name: up to
 * HDR_NAME_TOK words from the line's start, capitalised (a particle of
 * up to 3 letters between: "Jan van der Berg"; an initial's dot: "Anna
 * K."), or one handle (its words joined by _ . -: "jdoe_42"). */
static bool name_of(const char *p, const struct chrome_tok *t, size_t k,
                    size_t s) {
  if (k == 0 || k > HDR_NAME_TOK || !t[0].alpha || t[0].start != 0)
    return false;
  bool handle = true; /* one word, or words joined by _ . - */
  for (size_t i = 1; i < k; i++)
    handle = handle && t[i].start == t[i - 1].end + 1 &&
             memchr("_.-", p[t[i - 1].end], 3);
  if (handle)
    return s - t[k - 1].end <= 1;
  for (size_t i = 0; i < k; i++)
    if (!t[i].alpha || (!t[i].upper && (i == 0 || i + 1 == k ||
                                        t[i].end - t[i].start > 3)))
      return false; /* (a name's particle: "van", "de") */
  for (size_t i = 1; i <= k; i++)
    for (size_t b = t[i - 1].end; b < (i < k ? t[i].start : s); b++)
      if (p[b] != ' ' && p[b] != '.' && p[b] != '-' && p[b] != '\'')
        return false; /* ("Anna K." has its dot) */
  return true;
}

/* A line that is a name alone ("Jane Doe", "jdoe_42"). */
static bool name_line(const struct chrome_doc *d,
                      const struct chrome_unit *u) {
  if ((u->rule && u->hit != CK_BYLINE) || u->words == 0 ||
      u->ntok > HDR_NAME_TOK || u->term != TERM_NONE || u->bullet ||
      u->widget)
    return false;
  const char *p = d->text.data + u->off;
  size_t n = u->len;
  while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
    n--;
  struct chrome_tok t[HDR_NAME_TOK + 1];
  size_t total, nt = kempt__chrome_tokens(p, n, t, HDR_NAME_TOK, &total,
                                          d->cp);
  return nt == total && nt > 0 && t[nt - 1].end == n && name_of(p, t, nt, n);
}

/* Whether the word t[0] is a month's or day's name or another word of
 * a date (a date rule of langs: "May", "ago", "pm"). */
static bool date_word(const struct chrome_rules *r,
                      const struct chrome_tok *t, uint32_t langs) {
  return kempt__chrome_may_start(r, CK_DATE, t->h) &&
         kempt__chrome_rules_find(r, kempt__chrome_seq(t, 1), CK_DATE,
                                  langs) != NULL;
}

/* A comment's header of a name and a time: a name of up to HDR_NAME_TOK
 * words (capitalised, "Anna K.", or one handle: "jdoe_42"), a separator,
 * then a time: a number (a day, an hour, "2h") and up to HDR_TIME_TOK
 * tokens of short words or date words ("3 days ago", "12 May 2026 at
 * 9:14 pm", "vor 2 Stunden"), no sentence end; without a separator, the
 * name's capitalised words up to a date word, and a date word in the
 * time ("Jane Doe on March 3, 2026 at 5:14 pm", "Jane Doe commented 3
 * days ago"). */
static bool time_header_at(const struct chrome_doc *d,
                           const struct chrome_unit *u,
                           const struct chrome_rules *r, uint32_t langs) {
  const char *p = d->text.data + u->off;
  size_t n = u->len, s = 0, sw = 0;
  while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
    n--;
  struct chrome_tok tb[HDR_TOK + 1];
  const struct chrome_tok *t;
  size_t total, nt = line_words(d, u, p, n, tb, HDR_TOK, &t, &total);
  if (nt != total || nt < 2 || !t[0].alpha || t[0].start != 0)
    return false;
  for (size_t k = 1; k <= HDR_NAME_TOK && k < nt && !sw; k++)
    for (size_t i = t[k - 1].end; i + 1 < t[k].start && !sw; i++)
      if (p[i] == ' ' && (sw = sep_at(p, n, i)) != 0)
        s = i; /* (after the name's words: between two of them) */
  size_t k = 0; /* the name: t[0..k) */
  if (sw) {
    while (k < nt && t[k].end <= s)
      k++;
  } else { /* no separator: "Jane Doe on March 3, 2026 at 5:14 pm" */
    while (k < nt && k < HDR_NAME_TOK && t[k].alpha && t[k].upper &&
           !date_word(r, t + k, langs))
      k++;
    s = k ? t[k - 1].end : 0;
  }
  if (k == nt || !name_of(p, t, k, s) || nt - k > HDR_TIME_TOK)
    return false;
  bool num = false, date = sw != 0; /* (without one, a date word) */
  for (size_t i = k; i < nt; i++) {
    unsigned c = (unsigned char)p[t[i].start];
    if (c - '0' < 10) {
      num = true;
      continue; /* "3", "2h", "5:14" */
    }
    if (!t[i].alpha)
      return false;
    bool dw = date_word(r, t + i, langs);
    if (!dw && cps(p + t[i].start, t[i].end - t[i].start) > HDR_TIME_WORD)
      return false;
    date = date || dw;
  }
  return num && date;
}

/* What time_header asks first, of the line's features alone: a short
 * line without a rule (but a date line's), a separator or a number. */
static inline bool may_time_header(const struct chrome_unit *u) {
  return (!u->rule || u->hit == CK_DATE) && u->words && u->ntok <= HDR_TOK &&
         u->ntok >= 2 && u->term != TERM_SENT && u->term != TERM_COLON &&
         !u->bullet && !u->widget && (u->seps || u->ntok > u->words);
}

static inline bool time_header(const struct chrome_doc *d,
                               const struct chrome_unit *u,
                               const struct chrome_rules *r, uint32_t langs) {
  return may_time_header(u) && time_header_at(d, u, r, langs);
}

/* Whether the comment under the header at i has its buttons: a line of
 * buttons within REPLY_REACH lines, before the next header. */
static bool has_buttons(const struct chrome_doc *d, size_t i,
                        const struct chrome_rules *r, uint32_t langs) {
  bool text = false; /* a line of the comment's text came */
  for (size_t j = next_text(d, i, d->nunits), seen = 0;
       j < d->nunits && seen < REPLY_REACH;
       j = next_text(d, j, d->nunits), seen++) {
    const struct chrome_unit *v = &d->units[j];
    if (v->btn)
      return true;
    if (v->hit == CK_SAYS || (text && v->hit == CK_DATE) ||
        time_header(d, v, r, langs))
      return false; /* (the next comment's) */
    text = text || !v->rule;
  }
  return false;
}

/* The line with text before i, or SIZE_MAX. */
static size_t prev_text(const struct chrome_doc *d, size_t i) {
  while (i > 0 && d->units[i - 1].chars == 0)
    i--;
  return i > 0 ? i - 1 : SIZE_MAX;
}

/* The header line of the post above the one whose header is line i (a
 * date line or a header of a name and a time, within POST_REACH lines
 * with text), or SIZE_MAX. */
static size_t post_above(const struct chrome_doc *d, size_t i,
                         const struct chrome_rules *r, uint32_t langs) {
  for (size_t seen = 0; seen < POST_REACH && (i = prev_text(d, i)) != SIZE_MAX;
       seen++) {
    const struct chrome_unit *v = &d->units[i];
    if ((v->hit == CK_DATE && v->rule) || time_header(d, v, r, langs))
      return i;
  }
  return SIZE_MAX;
}

/* Whether the post under the header at i ends with the footer of the post
 * above it before its buttons come: a line between its text (the line
 * after i) and its buttons that the post above had too ("Top", "Haut"
 * under each post). The buttons are then the thread's, after its last
 * post ("Reply" opens the reply box), not this post's: no comment. */
static bool foot_before_buttons(const struct chrome_doc *d, size_t i,
                                const struct chrome_rules *r,
                                uint32_t langs) {
  size_t a = post_above(d, i, r, langs);
  if (a == SIZE_MAX)
    return false;
  size_t j = next_text(d, i, d->nunits); /* (the post's text) */
  for (size_t k = next_text(d, j, d->nunits), seen = 0;
       k < d->nunits && seen < REPLY_REACH && !d->units[k].btn;
       k = next_text(d, k, d->nunits), seen++)
    for (size_t m = a + 1; m < i; m++)
      if (d->units[m].chars && d->units[m].key == d->units[k].key)
        return true;
  return false;
}

/* Whether the comment under the header at i has buttons of its own:
 * not after the footer its post shares with the post above it. */
static bool own_buttons(const struct chrome_doc *d, size_t i,
                        const struct chrome_rules *r, uint32_t langs) {
  return has_buttons(d, i, r, langs) && !foot_before_buttons(d, i, r, langs);
}

/* A date line that heads a comment: a line of text after it (no rule,
 * no buttons), then its own buttons. */
static bool dated_comment(const struct chrome_doc *d, size_t i,
                          const struct chrome_rules *r, uint32_t langs) {
  size_t j = next_text(d, i, d->nunits);
  return j < d->nunits && !d->units[j].rule && d->units[j].words > 0 &&
         !kempt__chrome_buttons(d, &d->units[j], r) &&
         own_buttons(d, i, r, langs);
}

/* A name alone over a comment (a line of text of a few words with an
 * end, no rule) and its buttons; (the caller sees that the name has two
 * words at least: a word alone is a sub-heading's as well). */
static bool named_comment(const struct chrome_doc *d, size_t i,
                          const struct chrome_rules *r, uint32_t langs) {
  size_t j = next_text(d, i, d->nunits);
  if (j >= d->nunits)
    return false;
  const struct chrome_unit *v = &d->units[j];
  return !v->rule && v->words >= 3 && v->term != TERM_NONE &&
         name_line(d, &d->units[i]) && has_buttons(d, i, r, langs);
}

/* A paragraph of prose (a line of the article's text, by its form). */
static bool prose(const struct chrome_unit *u) {
  return !u->rule && !u->bullet && !u->widget && u->words >= PROSE_MIN &&
         u->term == TERM_SENT;
}

/* Whether a thread's line is among the AFTER_REACH lines after line j: a
 * comment's header, a date line, buttons. */
static bool thread_after(const struct chrome_doc *d, size_t j,
                         const struct chrome_rules *r, uint32_t langs) {
  size_t seen = 0;
  for (size_t k = next_text(d, j, d->nunits);
       k < d->nunits && seen < AFTER_REACH;
       k = next_text(d, k, d->nunits), seen++) {
    const struct chrome_unit *v = &d->units[k];
    if (v->hit == CK_SAYS || v->hit == CK_DATE ||
        kempt__chrome_buttons(d, v, r) ||
        time_header(d, v, r, langs))
      return true;
  }
  return false;
}

/* Whether the word t (of line p) is a function word of langs (rule
 * languages: bit l for language l). */
static bool function_word(const char *p, const struct chrome_tok *t,
                          uint32_t langs) {
  return (kempt__stopword_langs(p + t->start, t->end - t->start) &
          (langs >> 1)) != 0;
}

/* Whether line u opens with a function word (its first word), or (name)
 * with a name: two capitalised words, neither a function word ("Jane
 * Doe is a reporter ..."). */
static bool opens_with(const struct chrome_doc *d, const struct chrome_unit *u,
                       uint32_t langs, bool name) {
  const char *p = d->text.data + u->off;
  struct chrome_tok t[2];
  size_t total, nt = kempt__chrome_tokens(p, u->len, t, 2, &total, d->cp);
  if (!name)
    return nt >= 1 && t[0].alpha && function_word(p, t, langs);
  return nt == 2 && t[0].alpha && t[0].upper && t[1].alpha && t[1].upper &&
         !function_word(p, t, langs) && !function_word(p, t + 1, langs);
}

/* A cut-off marker of a word or two between two paragraphs of prose,
 * with no thread after the second: the article's button ("Comments",
 * "View comments (12)"). Not one that opens with a function word (the
 * author's box: "O autorovi", "Об авторе") nor one before a paragraph
 * that opens with a name (a bio: "Jane Doe is ..."). */
static bool article_button(const struct chrome_doc *d, size_t i,
                           const struct chrome_rules *r, uint32_t langs) {
  const struct chrome_unit *u = &d->units[i];
  if (u->words > WEAK_WORDS || u->ntok > WEAK_TOK || i == 0)
    return false;
  size_t b = i; /* the line with text before it */
  while (b > 0 && d->units[b - 1].chars == 0)
    b--;
  if (b == 0 || !prose(&d->units[b - 1]))
    return false;
  size_t j = next_text(d, i, d->nunits);
  return j < d->nunits && prose(&d->units[j]) &&
         !opens_with(d, u, langs, false) &&
         !opens_with(d, &d->units[j], langs, true) &&
         !thread_after(d, j, r, langs);
}

/* A thread of comments without headers: the line of buttons at i, then
 * within THREAD_REACH lines a line of text and another line of buttons.
 * The article cannot be told from the first comment there, the rest
 * goes. */
static bool bare_thread(const struct chrome_doc *d, size_t i) {
  bool text = false;
  for (size_t j = next_text(d, i, d->nunits), seen = 0;
       j < d->nunits && seen < THREAD_REACH;
       j = next_text(d, j, d->nunits), seen++) {
    const struct chrome_unit *v = &d->units[j];
    if (text && v->btn)
      return true;
    if (!v->rule && v->words)
      text = true;
    else if (!text)
      return false; /* (buttons, then a page's lines) */
  }
  return false;
}

/* Whether the header at line i comes before the page's first paragraph
 * of prose (*first: that paragraph's line, found at the first call). */
static bool heads_page(const struct chrome_doc *d, size_t i, size_t *first) {
  if (*first == SIZE_MAX) {
    size_t j = 0;
    while (j < d->nunits && !prose(&d->units[j]))
      j++;
    *first = j;
  }
  return i < *first;
}

/* A line of a rule with a date in it (a number: "Posted by jdoe on 3
 * May 2026 at 8:12"): over the page's first prose and its buttons, the
 * header of a thread's first post. */
static bool post_head(const struct chrome_unit *u) {
  return u->rule && u->ntok <= HDR_TOK && u->ntok > u->words &&
         (u->hit == CK_PREFIX || u->hit == CK_BYLINE || u->hit == CK_DATE);
}

/* The first line of buttons from line j on (the lines with btn are
 * from d->btn_a to d->btn_b), or d->nunits. */
static size_t next_buttons(const struct chrome_doc *d, size_t j) {
  if (j < d->btn_a)
    j = d->btn_a;
  for (; j < d->btn_b; j++)
    if (d->units[j].btn)
      return j;
  return d->nunits;
}

/* The line REPLY_REACH lines with text before line b, or 0. */
static size_t reach_from(const struct chrome_doc *d, size_t b) {
  for (size_t seen = 0; b > 0;)
    if (d->units[--b].chars && ++seen == REPLY_REACH)
      return b;
  return 0;
}

size_t kempt__chrome_comments(struct chrome_doc *d,
                              const struct chrome_rules *r, uint32_t langs,
                              const char *says_name, size_t nsays) {
  bool bare = false; /* a thread without headers was found */
  if (!r->maxtok[CK_REPLY])
    return nsays;
  /* A header over the page's first prose heads the page's own text: a
   * forum's or a Q&A site's posts, each with its header and buttons.
   * Their headers are the thread's, not a comment section's: no cut. */
  size_t first = SIZE_MAX; /* (found when a header is: rare) */
  bool posts = false;
  /* A header of a time, a date or a name, and a thread without headers,
   * need a line of buttons among the REPLY_REACH (THREAD_REACH) lines
   * with text after theirs: nb is the first line of buttons after line
   * i (looked for when i has passed the last one), from the first line
   * that reaches it (d->nunits: none); the markers (CK_CUT, CK_SAYS)
   * are in [cut_a, cut0). */
  _Static_assert(THREAD_REACH <= REPLY_REACH, "one reach for both");
  size_t nb = 0, from = 0, cut_a = d->cut_from, cut0 = d->cut_end;
  for (size_t i = 0; i < d->nunits; i++) {
    struct chrome_unit *u = &d->units[i];
    if (u->hit != CK_CUT && u->hit != CK_SAYS) {
      if (u->ntok > HDR_TOK)
        continue; /* (a long line: most text) */
      if (nb <= i) {
        nb = next_buttons(d, i + 1);
        from = nb < d->nunits ? reach_from(d, nb) : d->nunits;
      }
      if (i < from) { /* (no buttons near: neither header nor thread) */
        size_t to = i < cut_a ? (cut_a < from ? cut_a : from)
                    : i >= cut0 ? from
                                : i + 1; /* (the next line to look at) */
        if (to >= d->nunits)
          break;
        i = to - 1;
        continue;
      }
    }
    if (u->hit == CK_CUT) {
      if (article_button(d, i, r, langs))
        u->hit = CK_LINE; /* (it goes, the article goes on) */
    } else if (u->hit == CK_SAYS) {
      if (u->rule != says_name)
        continue;
      if (has_buttons(d, i, r, langs)) {
        u->rule = R_REPLY_HDR;
      } else if (opens_with(d, u, langs, false)) {
        u->rule = NULL; /* "The Mayor says:": none without its buttons */
        u->hit = CK_NONE;
        nsays--;
      }
    } else if (posts) {
      continue; /* (the posts of a thread: no comments cut) */
    } else if (post_head(u) && has_buttons(d, i, r, langs) &&
               (posts = heads_page(d, i, &first))) {
      continue; /* ("Posted by jdoe on 3 May 2026" over the first post) */
    } else if (time_header(d, u, r, langs)) {
      if (own_buttons(d, i, r, langs) &&
          !(posts = heads_page(d, i, &first))) {
        u->rule = R_TIME_HDR;
        u->hit = CK_SAYS;
        if (d->cut_end < i + 1)
          d->cut_end = i + 1;
        nsays++;
      }
    } else if (!bare && u->btn && bare_thread(d, i)) {
      if (!u->rule)
        u->rule = R_BARE_BTN;
      u->hit = CK_CUT; /* (the first comment stays: it reads as text) */
      if (d->cut_end < i + 1)
        d->cut_end = i + 1;
      bare = true;
    } else if (u->hit == CK_DATE && u->rule && dated_comment(d, i, r, langs)) {
      if ((posts = heads_page(d, i, &first)))
        continue;
      size_t h = prev_text(d, i); /* its name above it, or the date */
      if (h == SIZE_MAX || !name_line(d, &d->units[h]))
        h = i;
      d->units[h].rule = R_DATED_HDR;
      d->units[h].hit = CK_SAYS;
      if (d->cut_end < i + 1)
        d->cut_end = i + 1;
      nsays++;
    } else if (!u->rule && u->ntok <= HDR_NAME_TOK && u->ntok >= 2 &&
               u->term == TERM_NONE && named_comment(d, i, r, langs)) {
      if ((posts = heads_page(d, i, &first)))
        continue;
      u->rule = R_DATED_HDR; /* "Jane Doe" / text / "Like · Reply · 3d" */
      u->hit = CK_SAYS;
      if (d->cut_end < i + 1)
        d->cut_end = i + 1;
      nsays++;
    }
  }
  return nsays;
}
