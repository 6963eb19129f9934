/* chrome_keep.c - article text that the stretch of chrome_class.c would
 * leave out: what its verdict keeps after all.
 *
 * - A text found twice counts against the article (an image's label and
 *   its caption, a teaser's summary and the paragraph it quotes); where
 *   the article holds one copy only and the others lie outside it (a
 *   summary over the article, the same text as a teaser elsewhere), that
 *   copy is the article's own: it counts as text again, and so does one
 *   right above the article when the article holds none; not a copy
 *   right next to another (an image's label, then its caption), nor one
 *   with a chrome phrase in it (a cookie banner found twice).
 * - Short sentences right after the article's last paragraph of prose
 *   ("They open next spring.") end the article: function words, a
 *   sentence end (not a question: "Like this article?" opens a pitch),
 *   no number ("Updated at 1:23 p.m."), most words in lower case (a
 *   German noun's capital aside), no link, bullet, copy or rule; a
 *   headline (no end, title case) still goes.
 * - An embedded post's credit ("- Jane Doe (@janedoe) May 4, 2026", as
 *   a text browser shows a quoted tweet) is no link of a menu; right
 *   after the article's last line it ends the article like a sentence.
 * - A picture's label found again on the page ("[IMG_0412]" for each
 *   photo: a repeated line) and the alt text each picture repeats right
 *   under it cost no more than a caption: a photo essay's pictures do
 *   not cut its text in two.
 * - A short list of things between two paragraphs of prose ("Our kit is
 *   simple." / "- bottled water" / "- a camera" / "Then ..."): items of
 *   a few words with a bullet, no link, rule, copy or sentence end, is
 *   the article's, not a menu's links (share buttons hit rules).
 * - A title in a script without case (Hangul, Han, Arabic ...) has no
 *   capital to show: its first letter of such a script stands for one
 *   (in one phrase: a line with a full stop inside holds sentences).
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chrome_int.h"

#include <utf8proc.h>

#define KEEP_ONE (1u << 16) /* a copy inside, in the high half of seen_n */
#define TAIL_LINES 2        /* short sentences after the last paragraph */
#define AD_LABEL_WORDS 3    /* words of a label between two paragraphs */
#define AD_HEAD_WORDS 6     /* ... of a heading right under it */
#define TAIL_MIN_WORDS 3
#define THINGS_MIN 2        /* items of a list of things, */
#define THINGS_MAX 12
#define THING_WORDS 6       /* ... each of so many words at most */
#define INTRO_MIN_WORDS 4   /* a line that introduces them, at least */
#define THING_HEAD_WORDS 4  /* a heading over them ("Pros") at most, */
#define THING_HEAD_ITEM_WORDS 15 /* ... and then an item's words at most */
#define THING_LISTS 4       /* such lists in a row looked at */
#define THING_BUTTONS 2     /* buttons the rules took under such a list */
#define POST_CREDIT_MAX 160 /* bytes of an embedded post's credit */
#define TAIL_DENSITY 15     /* % of function words, as near-good text */
#define TAIL_ONE_STOP 10    /* ... or one in a sentence this short (tr) */
#define TAIL_UPPER 60       /* % of capitalised words at most (German nouns
                               leave more than half; a headline has all) */

/* Whether u's score counts its copy against it (classify's pass). */
static bool counted_twice(const struct chrome_doc *d,
                          const struct chrome_unit *u) {
  return u->dup && u->key && !u->rule && !u->soft_has && u->score < 0 &&
         (u->cls == CL_GOOD || u->cls == CL_NEAR) &&
         (d->seen_n[u->seen_at] & (KEEP_ONE - 1)) >= 2;
}

/* A copy right next to line i: an image's label and its caption. */
static bool next_to_copy(const struct chrome_doc *d, size_t i) {
  uint64_t k = d->units[i].key;
  return (i > 0 && d->units[i - 1].key == k) ||
         (i + 1 < d->nunits && d->units[i + 1].key == k);
}

static void count_inside(struct chrome_doc *d, size_t a, size_t b,
                         bool add) {
  for (size_t i = a; i <= b; i++) {
    const struct chrome_unit *u = &d->units[i];
    if (u->dup && u->key && (d->seen_n[u->seen_at] & (KEEP_ONE - 1)) >= 2)
      d->seen_n[u->seen_at] += add ? KEEP_ONE : -KEEP_ONE;
  }
}

bool kempt__chrome_keep_copies(struct chrome_doc *d, size_t a, size_t b) {
  if (!d->few_dups || d->nunits >= KEEP_ONE)
    return false; /* (no copy counted against; or no room for counts) */
  bool changed = false;
  count_inside(d, a, b, true);
  for (size_t i = a ? a - 1 : a; i <= b; i++) {
    struct chrome_unit *u = &d->units[i];
    if (!counted_twice(d, u))
      continue;
    if ((d->seen_n[u->seen_at] >> 16) == (i >= a ? 1u : 0u) &&
        !next_to_copy(d, i)) {
      u->score = kempt__chrome_text_score(d, i);
      changed = true;
    }
  }
  count_inside(d, a, b, false);
  return changed;
}

/* A question to the reader ("Like this article?") opens a pitch. */
static bool asks(const struct chrome_doc *d, const struct chrome_unit *u) {
  const char *e = d->text.data + u->off + u->tlen;
  return u->tlen && (e[-1] == '?' ||
                     (u->tlen >= 3 && memcmp(e - 3, "\xef\xbc\x9f", 3) == 0) ||
                     (u->tlen >= 2 && memcmp(e - 2, "\xd8\x9f", 2) == 0));
}

static bool tail_sentence(const struct chrome_doc *d,
                          const struct chrome_unit *u) {
  return !u->rule && u->cls == CL_SHORT && u->term == TERM_SENT &&
         !u->bullet && !u->url && !u->widget && u->seps < 2 && !u->dup &&
         !u->soft_has && u->words >= TAIL_MIN_WORDS && u->ntok == u->words &&
         (100u * u->stop >= TAIL_DENSITY * u->words ||
          (u->stop && u->words <= TAIL_ONE_STOP)) &&
         100u * u->upper <= TAIL_UPPER * u->words && !asks(d, u);
}

/* Whether p[i..n) starts with a dash and a space (U+2014, U+2013, '-'). */
static bool dash_at(const char *p, size_t n, size_t i) {
  if (n - i >= 4 && (memcmp(p + i, "\xe2\x80\x94 ", 4) == 0 ||
                     memcmp(p + i, "\xe2\x80\x93 ", 4) == 0))
    return true;
  return n - i >= 2 && p[i] == '-' && p[i + 1] == ' ';
}

static bool handle_char(char c) {
  return (unsigned)((c | 0x20) - 'a') < 26 || (unsigned)(c - '0') < 10 ||
         c == '_';
}

bool kempt__chrome_post_credit(const char *p, size_t n) {
  size_t i = 0;
  while (i < n && (p[i] == ' ' || p[i] == '\t'))
    i++;
  while (n > i && p[n - 1] == ' ')
    n--;
  if (n - i > POST_CREDIT_MAX || !dash_at(p, n, i) || n < 4)
    return false;
  for (size_t k = 0; k < 4; k++) /* a year at its end */
    if ((unsigned)(p[n - 1 - k] - '0') >= 10)
      return false;
  for (size_t k = i; k + 3 < n; k++) { /* "(@handle)" */
    if (p[k] != '(' || p[k + 1] != '@' || !handle_char(p[k + 2]))
      continue;
    size_t j = k + 2;
    while (j < n && handle_char(p[j]))
      j++;
    if (j < n && p[j] == ')')
      return true;
  }
  return false;
}

/* What may end the article right after its last line: a short sentence,
 * an embedded post's credit. */
static bool tail_line(const struct chrome_doc *d, const struct chrome_unit *u) {
  if (u->rule || u->cls != CL_SHORT)
    return false;
  return tail_sentence(d, u) ||
         kempt__chrome_post_credit(d->text.data + u->off, u->len);
}

size_t kempt__chrome_keep_tail(const struct chrome_doc *d, size_t b,
                               size_t c) {
  const struct chrome_unit *u = &d->units[b];
  if (u->rule || u->bullet || (u->cls != CL_GOOD && u->cls != CL_NEAR))
    return b; /* (the article does not end in prose) */
  for (size_t k = 0; k < TAIL_LINES && b + 1 < c && b + 1 < d->nunits; k++) {
    if (!tail_line(d, &d->units[b + 1]))
      break;
    b++;
  }
  return b;
}

/* A page of questions, each over its answer (a FAQ, an interview) ends
 * with its last pair, and a short last answer ("Only assistance dogs.")
 * alone looks like chrome: the pairs right after the article, when the
 * article holds FAQ_PAIRS_MIN of them, are its own. A pair: a question of
 * at most FAQ_ASK_WORDS words, then up to FAQ_ANSWER_LINES sentences;
 * none of them a rule's, a bullet, a link or a widget. */
#define FAQ_PAIRS_MIN 2
#define FAQ_ASK_WORDS 25
#define FAQ_ANSWER_LINES 3

static bool faq_line(const struct chrome_unit *u) {
  return !u->rule && !u->bullet && !u->url && !u->widget && u->words > 0;
}

static bool faq_question(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  return faq_line(u) && u->words <= FAQ_ASK_WORDS && asks(d, u);
}

static bool faq_answer(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  return faq_line(u) && u->term == TERM_SENT && !asks(d, u);
}

/* The last line of the pair of question i (before c), or i: no pair. */
static size_t faq_pair_end(const struct chrome_doc *d, size_t i, size_t c) {
  size_t j = i;
  if (!faq_question(d, i))
    return i;
  while (j + 1 < c && j - i < FAQ_ANSWER_LINES && faq_answer(d, j + 1))
    j++;
  return j;
}

size_t kempt__chrome_keep_faq(const struct chrome_doc *d, size_t a, size_t b,
                              size_t c) {
  size_t pairs = 0;
  if (c > d->nunits)
    c = d->nunits;
  for (size_t i = a; i < b && pairs < FAQ_PAIRS_MIN; i++)
    if (faq_question(d, i) && faq_answer(d, i + 1))
      pairs++;
  if (pairs < FAQ_PAIRS_MIN)
    return b;
  for (size_t end; b + 1 < c && (end = faq_pair_end(d, b + 1, c)) > b + 1;)
    b = end;
  return b;
}

/* The category of the first letter of p[0..n), or CN (none). */
static utf8proc_category_t first_letter(const char *p, size_t n) {
  const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)p;
  utf8proc_ssize_t i = 0, len = (utf8proc_ssize_t)n;
  while (i < len) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate(s + i, len - i, &cp);
    if (k <= 0)
      break;
    i += k;
    utf8proc_category_t c = utf8proc_category(cp);
    if (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO)
      return c;
  }
  return UTF8PROC_CATEGORY_CN;
}

bool kempt__chrome_caseless_start(const char *p, size_t n) {
  if (first_letter(p, n) != UTF8PROC_CATEGORY_LO)
    return false;
  for (size_t j = 0; j + 3 < n; j++) /* a full stop inside: sentences */
    if (memcmp(p + j, "\xe3\x80\x82", 3) == 0)
      return false;
  return true;
}

/* Article prose: good or near-good text, no bullet, rule or pitch. */
static bool prose_line(const struct chrome_unit *u) {
  return !u->rule && !u->bullet && !u->soft_has &&
         (u->cls == CL_GOOD || u->cls == CL_NEAR);
}

/* A line that introduces a list without a colon ("The codes to raise
 * it"): a few words, mostly in lower case (no headline), a function word,
 * no end, bullet, rule, link or copy. */
static bool intro_line(const struct chrome_unit *u) {
  return !u->rule && !u->bullet && !u->soft_has && !u->widget && !u->url &&
         !u->dup && u->cls == CL_SHORT && u->term == TERM_NONE &&
         u->words >= INTRO_MIN_WORDS && u->stop >= 1 &&
         2u * u->upper <= u->words;
}

static inline bool thing_item(const struct chrome_unit *u, unsigned most) {
  return u->bullet &&
         (u->cls == CL_BAD || u->cls == CL_SHORT ||
          (most > THING_WORDS && u->cls == CL_NEAR)) && /* (under a head) */
         !u->rule && !u->widget && !u->url && u->seps < 2 && !u->dup &&
         (u->term == TERM_NONE || u->term == TERM_SENT) && u->words >= 1 &&
         u->words <= most;
}

/* A heading of a few words over a list of things in the article's text
 * ("Pros", "What you will need"): capitalised, no end, no rule, link or
 * copy, words only. */
static bool thing_head(const struct chrome_unit *u) {
  return !u->rule && !u->bullet && !u->url && !u->widget && !u->dup &&
         !u->soft_has && u->cap1 && u->term == TERM_NONE && u->words >= 1 &&
         u->words <= THING_HEAD_WORDS && u->ntok == u->words;
}

/* Line i opens a list of things: its items [i, *end) cost what a
 * caption does and count as listed (no links). Under a heading (h) that
 * follows prose or another such list, an item may be longer, and the
 * list may end at the next heading over prose or over another list
 * ("Pros" / "• ..." / "Cons" / "• ..." / "Design" / text). Line i (i > 0)
 * is a thing_item() of THING_HEAD_ITEM_WORDS: the caller tells, inline,
 * as most lines are not (a call for each would cost more). */
static bool things_at(const struct chrome_doc *d, size_t i, size_t *end) {
  const struct chrome_unit *v = &d->units[i - 1];
  bool h = i >= 2 && thing_head(v) &&
           (prose_line(&d->units[i - 2]) || d->units[i - 2].listed);
  if (!h && !prose_line(v) && !intro_line(v))
    return false;
  unsigned most = h ? THING_HEAD_ITEM_WORDS : THING_WORDS;
  for (int lists = 0; lists < THING_LISTS; lists++) {
    size_t j = i;
    while (j < d->nunits && j - i <= THINGS_MAX &&
           thing_item(&d->units[j], most))
      j++;
    if (!lists)
      *end = j;
    if (j - i < THINGS_MIN || j - i > THINGS_MAX)
      return false;
    for (size_t k = 0; h && k < THING_BUTTONS && j < d->nunits &&
                       d->units[j].rule &&
                       (d->units[j].hit == CK_LINE ||
                        d->units[j].hit == CK_PREFIX ||
                        d->units[j].hit == CK_PREFIXSEP);
         k++)
      j++; /* (a shop's button under it, an ad's label) */
    if (j >= d->nunits)
      return false;
    if (prose_line(&d->units[j]))
      return true;
    if (!h || j + 1 >= d->nunits || !thing_head(&d->units[j]))
      return false;
    if (prose_line(&d->units[j + 1]))
      return true;
    i = j + 1; /* the next heading's list must end so too */
  }
  return false;
}

/* A label between two paragraphs ("Advertisement", "광고"): a line the
 * rules took whole, of a few words, right after a line of prose and
 * right before one (or before a short heading over one: "Day two"). */
static bool ad_label(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  if (u->hit != CK_LINE || u->words > AD_LABEL_WORDS || i == 0 ||
      i + 1 >= d->nunits || !prose_line(&d->units[i - 1]))
    return false;
  const struct chrome_unit *v = &d->units[i + 1];
  if (prose_line(v))
    return true;
  return i + 2 < d->nunits && !v->rule && !v->bullet && !v->url &&
         !v->widget &&
         v->cls == CL_SHORT && v->words <= AD_HEAD_WORDS &&
         v->term == TERM_NONE && prose_line(&d->units[i + 2]);
}

void kempt__chrome_keep_costs(struct chrome_doc *d, int32_t cost) {
  bool label = false; /* the line before is a picture's label */
  for (size_t i = 0; i < d->nunits; i++) {
    struct chrome_unit *u = &d->units[i];
    size_t end;
    if (i > 0 && thing_item(u, THING_HEAD_ITEM_WORDS) &&
        things_at(d, i, &end)) {
      for (; i < end; i++) {
        d->units[i].cls = CL_SHORT;
        d->units[i].listed = true;
        d->units[i].score = cost;
      }
      i--;
      label = false;
      continue;
    }
    bool repeated = u->rule && u->cls == CL_SHORT; /* (found 2, 3 times) */
    if (((repeated && (u->widget || label)) || ad_label(d, i)) &&
        u->score < cost)
      u->score = cost;
    label = u->widget;
  }
}

size_t kempt__chrome_keep_head_list(const struct chrome_doc *d, size_t a) {
  size_t j = a;
  while (j > 0 && d->units[j - 1].listed && !d->units[j - 1].rule)
    j--;
  if (j == a || j == 0 || a - j > THINGS_MAX)
    return a;
  const struct chrome_unit *v = &d->units[j - 1]; /* what introduces it */
  return intro_line(v) || prose_line(v) ? j : a;
}

/* ---- a thread of posts ------------------------------------------------
 * A question and its answers, a forum's posts: each post's text is
 * followed by the same footer (its buttons: "Share", "Reply", "Follow";
 * a date), so that the best stretch holds one post only. The posts
 * whose footers match the one right after the stretch, on either side
 * of it, with nothing but chrome between them (no line of prose that no
 * rule took), are the article too. */
#define POST_FOOT 3      /* lines of a footer compared, */
#define POST_FOOT_SAME 2 /* ... of which so many found in the other's */
#define POST_SPAN 60     /* lines from one footer to the next at most */
#define POST_MIN 100     /* score of a post's text at least */
#define NAME_WORDS 3     /* words of a comment's header (a name) */
#define GAP_HEAD_WORDS 4 /* a headline between posts: another article */

/* A line of a post's footer: a button or a date the rules took, or a
 * short line. */
static bool foot_line(const struct chrome_unit *u) {
  return u->key && (u->rule || u->cls == CL_SHORT || u->cls == CL_HARD);
}

/* Whether lines u and v are the same button: the same words, or the
 * same phrase rule ("2 Likes", "1 Like"). */
static bool same_label(const struct chrome_doc *d, size_t i, size_t j);

static bool same_button(const struct chrome_doc *d, size_t i, size_t j) {
  const struct chrome_unit *u = &d->units[i], *v = &d->units[j];
  if (u->key == v->key || (!u->rule && !v->rule && same_label(d, i, j)))
    return true;
  if (!u->hit || u->hit != v->hit || !u->rule || !v->rule)
    return false;
  if (u->rule == v->rule)
    return true;
  /* a rule and its plural: "line # like (en)", "line # likes (en)": they
   * part where the plural has its 's' and the other the space before its
   * language (its last '('), the rest the same */
  const char *p = u->rule, *q = v->rule;
  size_t k = 0;
  while (p[k] && p[k] == q[k])
    k++;
  if (q[k] == ' ' && p[k] == 's') {
    const char *t = p;
    p = q;
    q = t;
  }
  return p[k] == ' ' && q[k] == 's' && p[k + 1] == '(' &&
         !strchr(p + k + 2, '(') && strcmp(p + k, q + k + 1) == 0;
}

/* Whether lines i and j are a label with a number each, the same label
 * ("Posts: 41", "Posts: 1208"): a poster's card. */
#define LABEL_TOKENS 4
static bool same_label(const struct chrome_doc *d, size_t i, size_t j) {
  const struct chrome_unit *u = &d->units[i], *v = &d->units[j];
  if (u->rule || v->rule || u->words != v->words || u->words < 1 ||
      u->ntok > LABEL_TOKENS || v->ntok > LABEL_TOKENS ||
      u->ntok <= u->words || v->ntok <= v->words)
    return false;
  struct chrome_tok a[LABEL_TOKENS], b[LABEL_TOKENS];
  size_t total;
  size_t na = kempt__chrome_tokens(d->text.data + u->off, u->len, a,
                                   LABEL_TOKENS, &total, d->cp);
  size_t nb = kempt__chrome_tokens(d->text.data + v->off, v->len, b,
                                   LABEL_TOKENS, &total, d->cp);
  return na && nb && a[0].alpha && a[0].h == b[0].h;
}

/* Whether lines x and y may open footers that match (a quick test of
 * their first lines, as same_foot makes it). */
static bool may_foot(const struct chrome_doc *d, size_t x, size_t y) {
  const struct chrome_unit *u = &d->units[x], *v = &d->units[y];
  if (u->key == v->key || (u->hit == CK_LINE && v->hit == CK_LINE))
    return true;
  if (u->rule && v->rule)
    return u->hit && u->hit == v->hit && same_button(d, x, y);
  return !u->rule && !v->rule && u->ntok > u->words && same_label(d, x, y);
}

/* may_foot's quick part, on the lines' fields only (called inline before
 * same_foot on each line of a stretch). */
static inline bool foot_near(const struct chrome_unit *u,
                             const struct chrome_unit *v) {
  return u->key == v->key || (u->hit == CK_LINE && v->hit == CK_LINE) ||
         (u->rule ? v->rule && u->hit && u->hit == v->hit
                  : !v->rule && u->ntok > u->words);
}

/* Whether need of the footer lines among the width lines from x are found
 * among the width lines from y (the tests stop once the answer is known). */
static bool feet_alike(const struct chrome_doc *d, size_t x, size_t y,
                       size_t width, unsigned need) {
  unsigned same = 0;
  for (size_t i = 0; i < width && same < need; i++) {
    if (same + (width - i) < need)
      return false;
    if (!foot_line(&d->units[x + i]))
      continue;
    for (size_t j = 0; j < width; j++)
      if (same_button(d, x + i, y + j)) {
        same++;
        break;
      }
  }
  return same >= need;
}

/* Whether the footers at lines x and y (before end) match: their first
 * lines the same button (or both a line rule's), and POST_FOOT_SAME of
 * x's footer lines in y's (the tests stop once the answer is known). */
static bool same_foot(const struct chrome_doc *d, size_t x, size_t y,
                      size_t end) {
  if (x + POST_FOOT > end || y + POST_FOOT > end || x == y ||
      !may_foot(d, x, y))
    return false;
  const struct chrome_unit *u = &d->units[x], *v = &d->units[y];
  if (!((u->hit == CK_LINE && v->hit == CK_LINE) || same_button(d, x, y)))
    return false;
  return feet_alike(d, x, y, POST_FOOT, POST_FOOT_SAME);
}

/* The first line of the post whose footer is at line x: the lines right
 * above it that no rule took (x itself when there are none). */
static size_t post_start(const struct chrome_doc *d, size_t x, size_t floor) {
  size_t s = x;
  while (s > floor && !d->units[s - 1].rule)
    s--;
  return s;
}

/* The line after a poster's card at s, the first line of a post [s, y)
 * (one paragraph per line, where the footer's list did not take it): a
 * name of a few capitalised words over a line of numbers only (her
 * reputation and badges: "Ruth Achebe" / "4,102 2 19 33"); else s. */
static size_t past_card(const struct chrome_doc *d, size_t s, size_t y) {
  const struct chrome_unit *h = &d->units[s], *n = &d->units[s + 1];
  if (s + 2 >= y || h->cls != CL_SHORT || h->words < 1 ||
      h->words > NAME_WORDS || h->upper != h->words ||
      h->ntok != h->words || h->term != TERM_NONE || h->bullet)
    return s;
  if (n->rule || n->words || !n->ntok || n->term != TERM_NONE || n->bullet)
    return s;
  return s + 2;
}

/* Whether lines [s, e) are a post's text: prose that scores, not opened
 * by a name of a few capitalised words (a comment's header: "Jenny K"). */
static bool post_text(const struct chrome_doc *d, size_t s, size_t e) {
  const struct chrome_unit *h = &d->units[s];
  if (h->cls == CL_SHORT && h->words >= 1 && h->words <= NAME_WORDS &&
      h->upper == h->words && h->ntok == h->words && h->term == TERM_NONE)
    return false;
  int64_t sum = 0; /* (of its text: a post's header costs nothing) */
  bool good = false;
  for (size_t i = s; i < e; i++) {
    sum += d->units[i].score > 0 ? d->units[i].score : 0;
    good = good || d->units[i].cls == CL_GOOD;
  }
  return good && sum >= POST_MIN;
}

#define SHORT_POST_LINES 3 /* lines of a short post at most */

/* Whether lines [s, e) are a post's text once posts with the same footer
 * came before it, however short ("Same here, thanks!": a thread's last
 * word often is): its header [x, s) has its date, and a few lines that
 * no rule took follow, one a sentence at least. */
static bool later_post_text(const struct chrome_doc *d, size_t x, size_t s,
                            size_t e) {
  bool sentence = false, dated = false;
  if (e <= s || e - s > SHORT_POST_LINES)
    return false;
  for (size_t i = x; i < s && !dated; i++)
    dated = d->units[i].hit == CK_DATE;
  for (size_t i = s; i < e; i++) {
    const struct chrome_unit *u = &d->units[i];
    if (u->rule || !u->words || u->bullet || u->widget || u->url)
      return false;
    sentence = sentence || u->term == TERM_SENT;
  }
  return dated && sentence;
}

/* Whether lines [s, e) hold no prose that no rule took, and no byline
 * (the next article's: "By Jane Doe"). */
static bool quiet(const struct chrome_doc *d, size_t s, size_t e) {
  for (size_t i = s; i < e; i++) {
    const struct chrome_unit *u = &d->units[i];
    if ((!u->rule && (u->cls == CL_GOOD || u->cls == CL_NEAR)) ||
        u->hit == CK_BYLINE)
      return false;
    if (!u->rule && u->cap1 && u->term == TERM_NONE &&
        u->words >= GAP_HEAD_WORDS)
      return false; /* (a headline: the next article's) */
  }
  return true;
}

#define BUTTON_ABOVE 12 /* lines above a post's button with its footer */

/* How many lines of [i - BUTTON_ABOVE, i) that a rule took have a copy
 * in [j - BUTTON_ABOVE, j) (their keys). */
static unsigned same_above(const struct chrome_doc *d, size_t i, size_t j) {
  unsigned same = 0;
  for (size_t x = i > BUTTON_ABOVE ? i - BUTTON_ABOVE : 0; x < i; x++) {
    const struct chrome_unit *u = &d->units[x];
    if (!u->key || !u->rule)
      continue;
    for (size_t y = j > BUTTON_ABOVE ? j - BUTTON_ABOVE : 0; y < j; y++)
      if (y != x && d->units[y].key == u->key) {
        same++;
        break;
      }
  }
  return same;
}

bool kempt__chrome_post_button(const struct chrome_doc *d, size_t i) {
  uint64_t k = d->units[i].key;
  bool text = false; /* (a post between them) */
  for (size_t j = i + 1; j < d->nunits && j - i <= POST_SPAN; j++) {
    if (d->units[j].key == k)
      return text && same_above(d, i, j) >= POST_FOOT_SAME;
    text = text || d->units[j].cls == CL_GOOD;
  }
  return false;
}

static const char R_POST_VOTES[] = "a post's vote count";
static const char R_POST_GAP[] = "between a thread's posts (counts, names)";
static const char R_POST_HEAD[] = "a post's header (its subject, poster, date)";

bool kempt__chrome_post_gap(const struct chrome_doc *d, size_t i) {
  return d->units[i].rule == R_POST_GAP;
}

/* Lines [s, e) between two posts that no rule took go. */
static void post_gap(struct chrome_doc *d, size_t s, size_t e) {
  for (size_t i = s; i < e; i++)
    if (!d->units[i].rule)
      d->units[i].rule = R_POST_GAP;
}
static const char R_POST_TAGS[] = "a post's tags";
#define TAG_WORDS 3 /* words of a tag */

/* The header of the post [s, y): its first short lines without an end,
 * each opening with a capital ("Re: ...", "Post by X >> date"). */
static void post_head(struct chrome_doc *d, size_t s, size_t y) {
  for (size_t h = s; h + 1 < y; h++) {
    struct chrome_unit *u = &d->units[h];
    if (u->rule && u->cls != CL_GOOD && u->cls != CL_NEAR)
      continue; /* (its votes, the poster's card) */
    if (u->rule || u->cls != CL_SHORT || u->term != TERM_NONE ||
        u->bullet || u->widget)
      break;
    const char *p = d->text.data + u->off;
    bool reply = u->len > 3 && (p[0] | 0x20) == 'r' && (p[1] | 0x20) == 'e' &&
                 p[2] == ':'; /* "Re: <the topic's subject>" */
    if (u->cap1 && (reply || u->ntok > u->words)) /* (or with a date) */
      u->rule = R_POST_HEAD;
    else if (u->cap1 || u->words > NAME_WORDS)
      break; /* (a poster's name in lower case stays to the classifier) */
  }
}

#define POST_COUNT_LINES 3 /* a post's counts over its votes at most */
#define TAG_LINE_WORDS 6   /* tags on one line */

/* A bare number that no rule took: a post's votes. */
static bool vote_line(const struct chrome_unit *u) {
  return !u->rule && u->words == 0 && u->ntok == 1 && u->cls == CL_SHORT;
}

/* A short line of a post's counts: a few words and a number, no end
 * ("Viewed 12k times", "Asked today"). */
static bool count_line(const struct chrome_doc *d,
                       const struct chrome_unit *u) {
  if (u->rule || u->cls != CL_SHORT || u->term != TERM_NONE ||
      u->words < 1 || u->words > TAG_LINE_WORDS || u->bullet || u->widget)
    return false;
  const char *p = d->text.data + u->off;
  for (size_t k = 0; k < u->len; k++)
    if ((unsigned)(p[k] - '0') < 10)
      return true;
  return false;
}

/* The post [s, y) opens with a few lines of counts over its votes (a
 * question's "Viewed 12k times" over "14"): they go with them. */
static void post_counts(struct chrome_doc *d, size_t s, size_t y) {
  size_t v = s;
  while (v < y && v < s + POST_COUNT_LINES && count_line(d, &d->units[v]))
    v++;
  if (v == s || v + 1 >= y || !vote_line(&d->units[v]))
    return;
  for (size_t k = s; k <= v; k++)
    d->units[k].rule = k == v ? R_POST_VOTES : R_POST_HEAD;
}

/* A post's tags on one line: words in lower case, no function word, no
 * number or end ("baking sourdough yeast"). */
static bool tag_line(const struct chrome_unit *u) {
  return !u->rule && u->cls == CL_SHORT && u->term == TERM_NONE &&
         u->words >= 2 && u->words <= TAG_LINE_WORDS && !u->upper &&
         !u->stop && u->ntok == u->words && !u->bullet && !u->widget;
}

/* The post [s, y) of a thread: a bare number right above it (its votes)
 * and the short lines of a few words after its last line of prose, right
 * above its footer (its tags: "c", "fgets"), go. */
static void post_meta(struct chrome_doc *d, size_t s, size_t y) {
  for (size_t v = s > 0 ? s - 1 : s; v <= s && v + 1 < y; v++)
    if (vote_line(&d->units[v]))
      d->units[v].rule = R_POST_VOTES;
  post_counts(d, s, y);
  post_head(d, s, y);
  size_t h = s;
  while (h + 1 < y && d->units[h].rule)
    h++;
  if (h > s && h + 1 < y && vote_line(&d->units[h]))
    d->units[h].rule = R_POST_VOTES; /* (under a comment the head took) */
  size_t t = y;
  while (t > s) {
    const struct chrome_unit *u = &d->units[t - 1];
    if (u->rule || u->cls != CL_SHORT || u->term != TERM_NONE ||
        u->words < 1 || u->words > TAG_WORDS || u->ntok != u->words ||
        u->bullet || u->widget)
      break;
    t--;
  }
  if (y - t < 2 && y > s + 1 && tag_line(&d->units[y - 1]))
    t = y - 1; /* (its tags on one line: "baking sourdough yeast") */
  else if (y - t < 2 || t == s)
    return;
  for (size_t i = t; i < y; i++)
    d->units[i].rule = R_POST_TAGS;
}

#define WIDE_FOOT 6      /* lines of a footer and the next post's card */
#define WIDE_FOOT_SAME 3 /* ... of which so many found in the other's */

/* Whether the footers at x and y open with the same line ("Logged") and
 * WIDE_FOOT_SAME of x's next lines are in y's: a forum's footer, then
 * the next poster's card (name, rank, "Posts: 312": a card differs from
 * post to post) and the next post's header ("Re: subject", its date). */
static bool same_wide_foot(const struct chrome_doc *d, size_t x, size_t y,
                           size_t end) {
  if (x + WIDE_FOOT > end || y + WIDE_FOOT > end || x == y ||
      d->units[x].key != d->units[y].key || !d->units[x].key)
    return false;
  return feet_alike(d, x, y, WIDE_FOOT, WIDE_FOOT_SAME);
}

/* The footers of the thread's posts in [a, b], once it is the article,
 * when the footer opens with the line f ("Logged", a line repeated on
 * the page): that line and the short lines under it that no rule took,
 * or f's own rule (the next poster's card), go. (A rule that a repeated
 * line has is dropped again inside the article: this one stays.) */
static void inner_feet(struct chrome_doc *d, size_t a, size_t b,
                       const struct chrome_unit *f) {
  for (size_t i = a; i <= b; i++) {
    if (d->units[i].key != f->key ||
        (d->units[i].rule && d->units[i].rule != f->rule))
      continue;
    for (size_t j = i; j <= b && j < i + WIDE_FOOT; j++) {
      struct chrome_unit *u = &d->units[j];
      if ((u->rule && u->rule != f->rule) || u->cls != CL_SHORT ||
          u->term == TERM_SENT)
        break;
      u->rule = R_POST_GAP;
    }
  }
}

/* Whether two footers inside the stretch [a, b] that open with the
 * line f match with their next cards (same_wide_foot): the stretch is a
 * thread of posts already. */
static bool wide_inside(const struct chrome_doc *d, size_t a, size_t b,
                        const struct chrome_unit *f, size_t end) {
  size_t prev = SIZE_MAX;
  for (size_t i = a; i <= b; i++) {
    if (d->units[i].key != f->key)
      continue;
    if (prev != SIZE_MAX && same_wide_foot(d, prev, i, end))
      return true;
    prev = i;
  }
  return false;
}

#define HEAD_LINES 4 /* lines of a post's header over its text at most */

/* Whether the footer at f heads each post rather than closes it: lines
 * of it are right above the stretch's own post at a too (a forum's
 * "Reply #2 on: date" / poster / "Joined: ..." over each post). */
static bool foot_heads(const struct chrome_doc *d, size_t a, size_t f,
                       size_t end) {
  if (f + POST_FOOT > end)
    return false;
  unsigned same = 0;
  size_t from = a > HEAD_LINES ? a - HEAD_LINES : 0;
  for (size_t i = f; i < f + POST_FOOT; i++) {
    if (!foot_line(&d->units[i]))
      continue;
    for (size_t y = from; y < a; y++)
      if (same_button(d, y, i)) {
        same++;
        break;
      }
  }
  return same >= POST_FOOT_SAME;
}

/* The post [*s, *e) under the header at x: its text opens within
 * HEAD_LINES lines (short ones or lines a rule took between: the
 * poster's card) and runs over lines of prose that no rule took, as
 * post_text wants them (the thread's foot, "You must log in ...", a
 * list of threads, is no post). */
static bool post_under(const struct chrome_doc *d, size_t x, size_t end,
                       size_t *s, size_t *e) {
  size_t i = x;
  while (i < end && i <= x + HEAD_LINES &&
         (d->units[i].rule || d->units[i].cls == CL_SHORT))
    i++;
  if (i == end || i > x + HEAD_LINES)
    return false;
  size_t j = i; /* (prose only: what follows the thread is no post) */
  while (j < end && !d->units[j].rule &&
         (d->units[j].cls == CL_GOOD || d->units[j].cls == CL_NEAR))
    j++;
  *s = i;
  *e = j;
  return post_text(d, i, j);
}

/* Whether line y opens a footer as f does, both the same line that a
 * whole-line rule took ("Top"), though the rest differs: the thread's
 * last post has the page's chrome under its footer ("Post Reply"), not
 * the next poster's card. (The post over it must still be quiet above
 * and hold prose: post_text.) */
static bool last_foot(const struct chrome_doc *d, size_t y,
                      const struct chrome_unit *f) {
  const struct chrome_unit *u = &d->units[y];
  return f->key && u->key == f->key && u->hit == CK_LINE &&
         f->hit == CK_LINE;
}

/* Whether a footer like f's (first line fu) closes a post within
 * POST_SPAN lines above the stretch's own post at a: with it, the
 * stretch is one of a thread's posts. */
static bool foot_above(const struct chrome_doc *d, size_t a, size_t f,
                       const struct chrome_unit *fu, size_t end) {
  for (size_t y = a; y > 0 && a - y < POST_SPAN;) {
    y--;
    if ((foot_near(&d->units[y], fu) && same_foot(d, y, f, end)) ||
        last_foot(d, y, fu))
      return true;
  }
  return false;
}

void kempt__chrome_keep_posts(struct chrome_doc *d, size_t *a, size_t *b,
                              size_t c) {
  /* (the footer may come after the post's short last sentences: "Thanks
   * in advance.") */
  size_t tail = kempt__chrome_keep_tail(d, *b, c);
  size_t f = tail + 1, end = c < d->nunits ? c : d->nunits;
  if (f >= end || !foot_line(&d->units[f]) || !d->units[f].rule)
    return;
  *b = tail;
  size_t a0 = *a, b0 = *b;
  /* the footer's first line, in a local: the posts' lines change, it does
   * not (a rule is set only where there was none) */
  const struct chrome_unit fu = d->units[f];
  bool known = false; /* the stretch holds posts with that footer itself:
                         a footer's first line is enough */
  for (size_t i = a0; i < b0; i++) {
    if (!d->units[i].rule || !foot_near(&d->units[i], &fu) ||
        !same_foot(d, i, f, end))
      continue;
    known = true;
    size_t j = i + 1; /* the next post in the stretch: its header goes */
    while (j < b0 && d->units[j].rule)
      j++;
    post_head(d, j, b0 + 1);
  }
  size_t last = f; /* the last footer taken */
  bool wide = false; /* a footer matched f with the next card: then its
                        first line alone ("Logged") is enough */
  for (size_t x = f, y = f + POST_FOOT; y < end && y - x <= POST_SPAN;
       y++) { /* (footers do not overlap) */
    if (y < x + POST_FOOT)
      continue;
    bool same_line = d->units[y].key == fu.key;
    if (same_line && !wide)
      wide = same_wide_foot(d, y, f, end);
    if (!((foot_near(&d->units[y], &fu) && same_foot(d, y, f, end)) ||
          (known && d->units[y].rule && same_button(d, y, f)) ||
          (same_line && wide) || last_foot(d, y, &fu)))
      continue;
    size_t s = past_card(d, post_start(d, y, x + 1), y);
    if (s == y || !quiet(d, x, s) ||
        !(post_text(d, s, y) ||
          ((x != f || known || foot_above(d, a0, f, &fu, end)) &&
           later_post_text(d, x, s, y))))
      break; /* (after a post with this footer, one however short) */
    post_meta(d, s, y);
    post_gap(d, x, s);
    *b = y - 1;
    x = last = y;
  }
  size_t ps, pe;
  if (foot_heads(d, a0, f, end) && post_under(d, last, end, &ps, &pe)) {
    post_meta(d, ps, pe);
    post_gap(d, last, ps);
    *b = pe - 1; /* (the last post, under the last header) */
  }
  if (wide || (fu.key && wide_inside(d, a0, b0, &fu, end)))
    inner_feet(d, *a, *b, &fu);
  for (size_t x = *a, y = *a; y > 0 && x - y < POST_SPAN;) {
    y--;
    if ((!foot_near(&d->units[y], &fu) || !same_foot(d, y, f, end)) &&
        !last_foot(d, y, &fu))
      continue;
    size_t s = post_start(d, y, 0);
    if (s == y || !quiet(d, y, x) || !post_text(d, s, y))
      break;
    post_meta(d, s, y);
    post_gap(d, y, x);
    *a = s;
    x = s;
    y = s;
  }
  if (*a != a0 || *b != b0)
    post_meta(d, a0, f); /* (the stretch's own post) */
}

/* ---- a table of specifications ---------------------------------------- */
#define SPEC_ROWS 3        /* rows at least, */
#define SPEC_TOKENS 8      /* ... each of so many tokens at most, */
#define SPEC_LABEL 3       /* ... its number within so many words */
#define SPEC_NUMBERS 3     /* ... and so many numbers at most */

/* A row "Label value": a capitalised word first, a number among its
 * first tokens, a few tokens, no sentence, no rule or bullet. */
static bool spec_row(struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  if (u->rule || u->bullet || u->widget || u->url || u->seps ||
      u->term == TERM_SENT || !u->cap1 || u->ntok <= u->words ||
      u->ntok > SPEC_TOKENS || u->words < 1)
    return false;
  struct chrome_tok t[SPEC_TOKENS + 1];
  size_t total, n = kempt__chrome_unit_tokens(d, u, t, SPEC_TOKENS + 1,
                                              &total);
  if (n < 2 || !t[0].alpha || u->ntok - u->words > SPEC_NUMBERS)
    return false; /* (a league table's row has more numbers) */
  const char *p = d->text.data + u->off;
  for (size_t k = 0; k < u->len; k++) /* no price, change or reading */
    if (p[k] == '%' || p[k] == '+' || p[k] == '$' ||
        (k + 1 < u->len && (unsigned char)p[k] == 0xC2 &&
         ((unsigned char)p[k + 1] == 0xB0 || (unsigned char)p[k + 1] == 0xA3 ||
          (unsigned char)p[k + 1] == 0xA5)) ||
        (k + 2 < u->len && memcmp(p + k, "\xe2\x82\xac", 3) == 0))
      return false; /* (% + $ ° £ ¥ €: share prices, weather, shop cards) */
  for (size_t k = 1; k < n && k <= SPEC_LABEL; k++)
    if (!t[k].alpha)
      return true;
  return false;
}

bool kempt__chrome_spec_rows(struct chrome_doc *d, size_t from, size_t to) {
  size_t rows = 0, lines = 0;
  for (size_t i = from; i <= to && i < d->nunits; i++) {
    lines++;
    rows += spec_row(d, i);
  }
  return rows >= SPEC_ROWS && 3 * rows >= 2 * lines;
}

#define INFOBOX_REACH 40 /* lines from the article up to its title */
#define INFOBOX_LINES 4  /* lines of an infobox at least, */
#define INFOBOX_ROWS 2   /* ... rows with a number among them */

void kempt__chrome_keep_infobox(struct chrome_doc *d, size_t a,
                                const char *outside) {
  size_t t = a, rows = 0;
  while (t > 0 && a - t < INFOBOX_REACH && !d->units[t - 1].title)
    t--;
  if (t == 0 || d->units[t - 1].title == false || a - t < INFOBOX_LINES)
    return;
  for (size_t i = t; i < a; i++) {
    const struct chrome_unit *u = &d->units[i];
    if (u->rule != outside || u->bullet || u->widget || u->url ||
        u->term == TERM_SENT || u->cls != CL_SHORT)
      return; /* (a byline, a date, a button, a caption: no box) */
    d->units[i].rule = NULL; /* (spec_row looks at unruled lines) */
    rows += spec_row(d, i);
    d->units[i].rule = outside;
  }
  if (rows < INFOBOX_ROWS || 3 * rows < a - t)
    return;
  for (size_t i = t; i < a; i++)
    d->units[i].rule = NULL;
}

#define HEAD_BOX_WORDS 12 /* words of a line of a box of measures */
#define HEAD_BOX_ROWS 3   /* lines of the box at least, half "Key: value" */

/* A line of a box of measures: short, a number in it, no link, bullet,
 * button or chrome phrase ("Humidity: 81 %", "Sunrise 08:21"). */
static bool measure_row(const struct chrome_doc *d,
                        const struct chrome_unit *u, const char *outside) {
  if ((u->rule && u->rule != outside) || u->soft_has || u->url ||
      u->bullet || u->widget || u->seps >= 2 || u->words < 1 ||
      u->words > HEAD_BOX_WORDS || u->cls == CL_BAD)
    return false;
  return kempt__chrome_has_digit(d, u);
}

/* The line after the title above a (within INFOBOX_REACH lines), or
 * SIZE_MAX. */
static size_t after_title(const struct chrome_doc *d, size_t a) {
  size_t t = a;
  while (t > 0 && a - t < INFOBOX_REACH && !d->units[t - 1].title)
    t--;
  return t == 0 || !d->units[t - 1].title ? SIZE_MAX : t;
}

/* The first line of the block right under the title above a, or
 * SIZE_MAX. */
static size_t under_title(const struct chrome_doc *d, size_t a) {
  size_t t = after_title(d, a);
  if (t == SIZE_MAX || t >= a || d->units[t].blk == d->units[t - 1].blk)
    return SIZE_MAX;
  return t;
}

#define HEAD_BOX_NAME_WORDS 3 /* words of the box's name over it at most */

/* Whether line t under the title is the name of a box of measures under
 * it ("Now", "Weather now"): a few words without a number or an end,
 * atop the box's block or alone in a block over it. */
static bool head_box_name(const struct chrome_doc *d, size_t t,
                          const char *outside) {
  const struct chrome_unit *u = &d->units[t];
  if (u->rule != outside || u->url || u->bullet || u->widget || u->seps ||
      u->soft_has || u->words < 1 || u->words > HEAD_BOX_NAME_WORDS ||
      u->ntok != u->words || u->term != TERM_NONE || t + 1 >= d->nunits)
    return false;
  return d->units[t + 1].blk == u->blk ||
         (t + 2 < d->nunits && d->units[t + 2].blk == d->units[t + 1].blk);
}

void kempt__chrome_keep_head_box(struct chrome_doc *d, size_t a,
                                 const char *outside) {
  size_t t = under_title(d, a), name = SIZE_MAX;
  if (t == SIZE_MAX)
    return;
  if (head_box_name(d, t, outside))
    name = t++; /* (its rows may open the article: a is right under it) */
  size_t e = t, keys = 0, blk = d->units[t].blk;
  for (; e < d->nunits && d->units[e].blk == blk &&
         measure_row(d, &d->units[e], outside);
       e++)
    keys += kempt__chrome_key_form(d, &d->units[e]);
  for (size_t k = e; k < a && d->units[k].blk == blk; k++)
    if (!d->units[k].rule || d->units[k].rule == outside)
      return; /* (a byline, a button: no box; "Updated 09:30" may end it) */
  if (e - t < HEAD_BOX_ROWS || 2 * keys < e - t)
    return;
  for (size_t i = t; i < e; i++)
    d->units[i].rule = NULL;
  if (name != SIZE_MAX)
    d->units[name].rule = NULL;
}

#define CARD_LINES 4 /* lines of a card under the title at most */
#define CARD_WORDS 3 /* words of a line of it besides the kept one */

/* A short line of a card under the title: a maiden name, a place
 * ("née Brandt", "Lübeck"), without a phrase rule, link or button. */
static bool card_line(const struct chrome_doc *d, const struct chrome_unit *u,
                      const char *outside) {
  return u->rule == outside && !u->url && !u->bullet && !u->widget &&
         !u->seps && !u->soft_has && u->words >= 1 &&
         u->words <= CARD_WORDS && u->term != TERM_COLON &&
         !kempt__chrome_buttons_apart(d, u);
}

void kempt__chrome_keep_head_card(struct chrome_doc *d, size_t a,
                                  const char *outside) {
  size_t t = under_title(d, a);
  if (t == SIZE_MAX)
    return;
  size_t e = t, kept = 0, blk = d->units[t].blk;
  for (; e < a && d->units[e].blk == blk; e++) {
    const struct chrome_unit *u = &d->units[e];
    if (!u->rule && u->cls != CL_BAD)
      kept++;
    else if (!card_line(d, u, outside))
      return;
  }
  if (kept != 1 || e - t < 2 || e - t > CARD_LINES || e == a)
    return; /* (one line stays: a life's dates; the card ends above a) */
  for (size_t i = t; i < e; i++)
    d->units[i].rule = NULL;
}

#define TIMES_MIN 2     /* labelled numbers of a line of timings at least */
#define TIMES_WORDS 24  /* words of the line at most */

/* How many labelled numbers line p[0..n) has: a word, a colon, a number
 * ("Prep: 20 min", "Cuisson : 40 min"); a clock's colon ("08:21") has
 * digits on both sides, a reading time ("4 min read") none. */
static unsigned labelled_numbers(const char *p, size_t n) {
  unsigned found = 0;
  for (size_t k = 1; k + 1 < n; k++) {
    if (p[k] != ':')
      continue;
    size_t b = k, f = k + 1;
    while (b > 0 && p[b - 1] == ' ')
      b--;
    while (f < n && p[f] == ' ')
      f++;
    unsigned char c = b > 0 ? (unsigned char)p[b - 1] : 0;
    bool letter = c >= 0x80 || (unsigned)((c | 0x20) - 'a') < 26;
    found += letter && f < n && (unsigned)(p[f] - '0') < 10;
  }
  return found;
}

void kempt__chrome_keep_head_times(struct chrome_doc *d, size_t a,
                                   const char *outside) {
  size_t t = after_title(d, a);
  for (size_t i = t; t != SIZE_MAX && i < a; i++) {
    struct chrome_unit *u = &d->units[i];
    if (u->rule == outside && !u->url && !u->widget && !u->soft_has &&
        u->words <= TIMES_WORDS &&
        labelled_numbers(d->text.data + u->off, u->len) >= TIMES_MIN)
      u->rule = NULL; /* (a recipe's timings: "Prep: 30 min · Cook: 40 min") */
  }
}

#define ENTRY_TIME_REACH 60 /* lines of the article looked at for a time */
#define ENTRY_TIME_TAIL 4   /* bytes of a word after the time ("Uhr") */

/* Whether line i is a time alone: one or two digits, ':' or '.', two
 * digits, then at most a short word ("14:52", "9.05 Uhr", "10:40 pm"). */
bool kempt__chrome_bare_time(const struct chrome_doc *d, size_t i) {
  const char *p = d->text.data + d->units[i].off;
  size_t n = d->units[i].len, k = 0;
  while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
    n--;
  while (k < n && k < 2 && (unsigned)(p[k] - '0') < 10)
    k++;
  if (k == 0 || k + 3 > n || (p[k] != ':' && p[k] != '.') ||
      (unsigned)(p[k + 1] - '0') >= 10 || (unsigned)(p[k + 2] - '0') >= 10)
    return false;
  k += 3;
  if (k == n)
    return true;
  if (p[k] != ' ' || n - k - 1 > ENTRY_TIME_TAIL)
    return false;
  for (k++; k < n; k++)
    if ((unsigned)((p[k] | 0x20) - 'a') >= 26 && p[k] != '.')
      return false;
  return true;
}

void kempt__chrome_keep_entry_time(struct chrome_doc *d, size_t a, size_t b,
                                   const char *outside) {
  if (a == 0)
    return;
  size_t t = a - 1, h = a; /* the time, its entry's headline */
  if (!kempt__chrome_bare_time(d, t) && a > 1)
    h = t--; /* (time / headline / text) */
  if (d->units[t].rule != outside || !kempt__chrome_bare_time(d, t) ||
      (h < a && d->units[h].rule && d->units[h].rule != outside))
    return;
  for (size_t i = a + 1; i <= b && i < d->nunits && i < a + ENTRY_TIME_REACH;
       i++)
    if (!d->units[i].rule && kempt__chrome_bare_time(d, i)) {
      d->units[t].rule = NULL; /* (the first entry's time) */
      if (h < a)
        d->units[h].rule = NULL;
      return;
    }
}

/* ---- a table of contents ---------------------------------------------- */
static const char R_CONTENTS[] = "table of contents (its items open headings)";
#define TOC_MIN 3         /* items at least */
#define TOC_MAX 60        /* items looked at */
#define TOC_WORDS 8       /* words of an item */
#define TOC_REACH 400     /* lines after it where its headings may be */
#define TOC_BUDGET 20000  /* lines compared with items in a window */
#define TOC_INDENT 16     /* a heading's indentation looked past */

/* An item: a number ("1", "2.1"), then a few words, no end. */
static bool toc_item(const struct chrome_doc *d, const struct chrome_unit *u) {
  return u->cls == CL_SHORT && !u->rule && !u->bullet && !u->url &&
         u->term == TERM_NONE && u->words >= 1 && u->words <= TOC_WORDS &&
         u->ntok > u->words && u->len > 0 &&
         (unsigned)(d->text.data[u->off] - '0') < 10;
}

/* The words of line i (its tokens with a letter), at most max. */
static size_t alpha_words(const struct chrome_doc *d, size_t i,
                          struct chrome_tok *t, size_t max) {
  struct chrome_tok all[TOC_WORDS + 8];
  size_t total, n = kempt__chrome_unit_tokens(d, &d->units[i], all,
                                              TOC_WORDS + 8, &total);
  size_t w = 0;
  for (size_t k = 0; k < n && w < max; k++)
    if (all[k].alpha)
      t[w++] = all[k];
  return w;
}

/* Whether a line after from (to end) opens with the words of item i. */
static bool heading_after(const struct chrome_doc *d, size_t i, size_t from,
                          size_t end, size_t *budget) {
  struct chrome_tok it[TOC_WORDS], ht[TOC_WORDS + 1];
  size_t n = alpha_words(d, i, it, TOC_WORDS);
  if (!n)
    return false;
  const char *w = d->text.data + d->units[i].off + it[0].start;
  size_t wn = it[0].end - it[0].start; /* (its first word's bytes) */
  for (size_t k = from; k < end && *budget; k++, --*budget) {
    const struct chrome_unit *u = &d->units[k];
    if (u->words < n || u->words > TOC_WORDS + 1 || u->term == TERM_SENT)
      continue;
    const char *p = d->text.data + u->off;
    size_t lead = 0;
    while (lead < u->len && lead < TOC_INDENT &&
           (p[lead] == ' ' || p[lead] == '\t'))
      lead++;
    if (u->len - lead < wn || p[lead] != w[0] ||
        memcmp(p + lead, w, wn) != 0)
      continue; /* (a heading opens with the item's first word) */
    size_t m = alpha_words(d, k, ht, TOC_WORDS + 1);
    size_t x = 0;
    while (x < n && x < m && ht[x].h == it[x].h)
      x++;
    if (x == n)
      return true;
  }
  return false;
}

void kempt__chrome_drop_contents(struct chrome_doc *d, size_t a, size_t b) {
  size_t budget = TOC_BUDGET; /* (lines compared in all: a bound) */
  for (size_t i = a; i <= b && i < d->nunits; i++) {
    if (!toc_item(d, &d->units[i]))
      continue;
    size_t j = i;
    while (j <= b && j - i < TOC_MAX && toc_item(d, &d->units[j]))
      j++;
    if (j - i >= TOC_MIN) {
      size_t end = d->nunits - j > TOC_REACH ? j + TOC_REACH : d->nunits;
      size_t found = 0;
      for (size_t k = i; k < j; k++)
        found += heading_after(d, k, j, end, &budget);
      if (found >= TOC_MIN && 2 * found >= j - i)
        for (size_t k = i; k < j; k++)
          d->units[k].rule = R_CONTENTS;
    }
    i = j - 1;
  }
}
