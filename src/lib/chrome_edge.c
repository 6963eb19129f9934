/* chrome_edge.c - the chrome stage's checks at the edges of sentences and
 * of the article (called by chrome_class.c):
 *
 * - a phrase of several words ("site by", "sign up now") is read within
 *   one sentence: a '.', '!', '?', ':' (or an ellipsis) followed by a
 *   space and a capital ends one ("... at the site. By morning ..." holds
 *   no "site by");
 * - after the verdict, a pitch at the article's edges goes: a short line
 *   of two sentences or more with chrome phrases in it ("Get the best
 *   stories in your inbox every Friday. Sign up now ...") after the last
 *   paragraph, or before the first with the title or byline between; the
 *   same line between paragraphs stays (the article's: a report on a
 *   privacy policy);
 * - a box of facts ("Date: 14 June", "Venue: Town Hall", "Tickets: 12
 *   EUR") right after the article's text is the article's (an event's
 *   facts, a product's specifications); after a run of headlines or links
 *   it is a sidebar's, and a run of structured lines does not take it
 *   into the article.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chrome_int.h"
#include "lang.h"

bool kempt__chrome_sent_gap_at(const char *p, uint32_t from, uint32_t to) {
  bool stop = false;
  for (uint32_t i = from; i < to; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c == '.' || c == '!' || c == '?' || c == ':')
      stop = true;
    else if (c == 0xE2 && i + 2 < to && (unsigned char)p[i + 1] == 0x80 &&
             (unsigned char)p[i + 2] == 0xA6) /* U+2026 */
      stop = true;
    else if (stop && (c == ' ' || c == '\t' ||
                      (c == 0xC2 && (unsigned char)p[i + 1] == 0xA0)))
      return true;
  }
  return false;
}

/* ---- pitches at the article's edges --------------------------------- */

#define PITCH_WORDS 40  /* a pitch's words at most */
#define PITCH_HAS 2     /* its has phrases at least */
#define PITCH_SENTENCES 2 /* its sentences at least */
#define PITCH_MAX_TOK 8 /* words of the longest phrase looked for */
#define EDGE_REACH 40   /* lines before the article a pitch may be */

static const char R_PITCH[] =
    "pitch or notice at the article's edge (chrome phrases)";

/* The longest has (*has set) or soft phrase of t[i..nt) from t[i] on, in
 * one sentence, in languages langs: its words, or 0. Soft phrases count
 * up to two words, as the classifier reads them. */
static size_t phrase_at(const struct chrome_rules *r, uint32_t langs,
                        const char *p, const struct chrome_tok *t, size_t nt,
                        size_t i, bool *has) {
  size_t best = 0;
  *has = false;
  if (!kempt__chrome_may_start_hs(r, t[i].h))
    return 0;
  uint64_t h = CHROME_SEQ_INIT;
  for (size_t k = 1; k <= PITCH_MAX_TOK && i + k <= nt; k++) {
    if (k > 1 && kempt__chrome_sent_gap(p, &t[i + k - 2], &t[i + k - 1]))
      break;
    h = kempt__chrome_seq_step(h, t[i + k - 1].h);
    if (kempt__chrome_may_key(r, h, CK_HAS) &&
        kempt__chrome_rules_find(r, h, CK_HAS, langs)) {
      best = k;
      *has = true;
    } else if (k <= 2 && kempt__chrome_may_key(r, h, CK_SOFT) &&
               kempt__chrome_rules_find(r, h, CK_SOFT, langs)) {
      best = k;
      *has = false;
    }
    if (!kempt__chrome_may_extend(r, h))
      break;
  }
  return best;
}

/* Whether p[0..n) opens with a quotation mark (after spaces): speech,
 * the article's. */
static bool quoted(const char *p, size_t n) {
  size_t i = 0;
  while (i < n && (p[i] == ' ' || p[i] == '\t'))
    i++;
  if (i < n && (p[i] == '"' || p[i] == '\''))
    return true;
  if (n - i >= 2 && (unsigned char)p[i] == 0xC2 &&
      ((unsigned char)p[i + 1] == 0xAB || (unsigned char)p[i + 1] == 0xBB))
    return true; /* guillemets */
  return n - i >= 3 && (unsigned char)p[i] == 0xE2 &&
         (unsigned char)p[i + 1] == 0x80 &&
         (unsigned char)p[i + 2] >= 0x98 && (unsigned char)p[i + 2] <= 0x9F;
}

/* What pitch_line reads besides the line: the rules, and the words of
 * the article's title that carry its topic. */
#define TOPIC_MAX 16
struct edge_ctx {
  const struct chrome_rules *r;
  uint32_t langs;
  size_t a, b;  /* the article's stretch */
  bool topic_read; /* (the title is read when a pitch needs it: few) */
  size_t ntopic;
  uint64_t topic[TOPIC_MAX]; /* hashes of its words */
};

/* A word that carries a topic: letters, 4 bytes or more, no function
 * word of any language. */
static bool topic_word(const char *p, const struct chrome_tok *t) {
  return t->alpha && t->end - t->start >= 4 &&
         kempt__stopword_langs(p + t->start, t->end - t->start) == 0;
}

/* Note the topic words of line u (the title) in x. */
static void note_topic(struct edge_ctx *x, const struct chrome_doc *d,
                       const struct chrome_unit *u) {
  const char *p = d->text.data + u->off;
  struct chrome_tok t[CHROME_MAXTOK];
  size_t total, nt = kempt__chrome_unit_tokens(d, u, t, CHROME_MAXTOK,
                                               &total);
  for (size_t i = 0; i < nt && x->ntopic < TOPIC_MAX; i++)
    if (topic_word(p, &t[i]))
      x->topic[x->ntopic++] = t[i].h;
}

/* What pitch_line asks first, of the line's features alone. */
static inline bool may_pitch(const struct chrome_unit *u) {
  return !u->rule && u->soft_has && u->words <= PITCH_WORDS && !u->widget &&
         !u->bullet;
}

/* Whether line u of d reads as a pitch: a line of text kept so far, of
 * at most PITCH_WORDS words, a chrome phrase in it (soft_has), no item of
 * a list nor a quote, PITCH_SENTENCES sentences or more (a pitch offers,
 * then asks: "Get ... every Friday. Sign up now ..."; a line of text with
 * one sentence and a has phrase is short enough for the has rule itself
 * when it is chrome), and read again: PITCH_HAS has phrases apart (soft
 * words say little: "Facebook, Twitter and Instagram will follow", and
 * a has phrase with them does not say more: "... after a free trial.
 * Subscribers can download episodes in the app."), and no word of the
 * topic of the article's title (a pitch is the site's, the same on every
 * page: "Harbor Bank said it had updated its privacy policy ... Its terms
 * of use ..." is the report's on "Harbor Bank ..."). The first line of a
 * report may have as many phrases and no word of its title: it stays
 * where it is the article's (see kempt__chrome_edges). */
static void find_topic(struct edge_ctx *x, const struct chrome_doc *d);

static bool pitch_line(const struct chrome_doc *d, const struct chrome_unit *u,
                       struct edge_ctx *x) {
  if (!may_pitch(u))
    return false;
  const char *p = d->text.data + u->off;
  if (quoted(p, u->len))
    return false;
  struct chrome_tok t[CHROME_MAXTOK];
  size_t total, nt = kempt__chrome_unit_tokens(d, u, t, CHROME_MAXTOK,
                                               &total);
  size_t has = 0, ends = 0;
  for (size_t i = 1; i < nt; i++)
    ends += kempt__chrome_sent_gap(p, &t[i - 1], &t[i]);
  if (ends < PITCH_SENTENCES - 1)
    return false;
  for (size_t i = 0; i < nt;) {
    bool h;
    size_t k = phrase_at(x->r, x->langs, p, t, nt, i, &h);
    if (!k) {
      i++;
      continue;
    }
    has += h;
    i += k;
  }
  if (has < PITCH_HAS)
    return false;
  if (!x->topic_read)
    find_topic(x, d);
  for (size_t i = 0; i < nt; i++) /* (few lines come this far) */
    for (size_t k = 0; k < x->ntopic; k++)
      if (t[i].h == x->topic[k] && topic_word(p, &t[i]))
        return false; /* on the article's topic: its text */
  return true;
}

/* A paragraph of the article as judged: kept, good or near-good text. */
static bool kept_text(const struct chrome_unit *u) {
  return !u->rule && (u->cls == CL_GOOD || u->cls == CL_NEAR);
}

/* A line that opens an article: its title, a byline or date line, or a
 * kept headline (capitalised, short, no sentence end). */
static bool opens_article(const struct chrome_unit *u) {
  if (u->title || u->hit == CK_BYLINE || u->hit == CK_DATE)
    return true;
  return !u->rule && u->cap1 && u->words >= 3 && u->words <= 25 &&
         u->term == TERM_NONE && !u->bullet;
}

/* The article's title for the topic of x: the line find_title marked
 * before a, else the first kept headline from a on before its text. */
static void find_topic(struct edge_ctx *x, const struct chrome_doc *d) {
  size_t a = x->a, b = x->b;
  x->topic_read = true;
  for (size_t i = a; i-- > 0 && a - i <= EDGE_REACH;)
    if (d->units[i].title) {
      note_topic(x, d, &d->units[i]);
      return;
    }
  for (size_t i = a; i <= b && i - a <= EDGE_REACH; i++) {
    const struct chrome_unit *u = &d->units[i];
    if (kept_text(u) && !may_pitch(u))
      return; /* (the text: no title in the stretch) */
    if (!u->rule && opens_article(u)) {
      note_topic(x, d, u);
      return;
    }
  }
}

void kempt__chrome_edges(struct chrome_doc *d, const struct chrome_rules *r,
                         uint32_t langs) {
  size_t a = d->art_a, b = d->art_b, first = b + 1;
  if (a > b)
    return; /* no article, or clean text: nothing to judge at its edges */
  struct edge_ctx x;
  x.r = r;
  x.langs = langs;
  x.a = a;
  x.b = b;
  x.topic_read = false;
  x.ntopic = 0;
  /* (the lines outside [a, b] are gone, its title aside; the candidates
   * are few: a line is read again at most twice) */
  for (size_t i = a; i <= b; i++)
    if (kept_text(&d->units[i]) && !pitch_line(d, &d->units[i], &x)) {
      first = i;
      break;
    }
  if (first > b)
    return; /* no article text */
  for (size_t i = b + 1; i-- > first;) { /* back to the last paragraph */
    struct chrome_unit *u = &d->units[i];
    if (!may_pitch(u) && !kept_text(u))
      continue;
    if (may_pitch(u) && pitch_line(d, u, &x))
      u->rule = R_PITCH;
    else if (kept_text(u))
      break;
  }
  bool opens = false; /* a title or byline between i and first */
  for (size_t i = first; i-- > a && first - i <= EDGE_REACH;) {
    struct chrome_unit *u = &d->units[i];
    if (opens && may_pitch(u) && pitch_line(d, u, &x))
      u->rule = R_PITCH;
    else
      opens = opens || opens_article(u);
  }
}

/* ---- facts boxes after the article ---------------------------------- */

#define KV_KEY_WORDS 3  /* words of a fact's key ("Date", "Opening hours") */
#define KV_KEY_BYTES 40 /* bytes of the key with its colon at most */
#define KV_WORDS 12     /* words of a fact's line at most */
#define KV_MIN 3        /* facts in a box */
#define KV_MAX 30       /* lines of a box looked at */
#define KV_HEAD_WORDS 6 /* words of the box's heading ("If you go") */
#define HEAD_RUN 2      /* headlines or links before a box: a sidebar's */

/* A fact "Key: value" on its own short line ("Date: 14 June", "Venue:
 * Town Hall", "Weight: 162 g"): a key of up to KV_KEY_WORDS words, the
 * first capitalised, a colon, a space, a value; no rule but a date line,
 * no chrome word ("Comments: 3"), no sentence end. */
static inline bool kv_may(const struct chrome_unit *u) {
  return (!u->rule || u->hit == CK_DATE) && !u->soft_has &&
         u->words >= 2 && u->words <= KV_WORDS && !u->widget && u->seps < 2 &&
         u->term != TERM_COLON;
}

static bool key_value(const struct chrome_doc *d, const struct chrome_unit *u) {
  return kv_may(u) && kempt__chrome_key_form(d, u) &&
         (u->term != TERM_SENT || kempt__chrome_abbrev_end(d, u));
}

#define ABBR_CHARS 3 /* letters of an abbreviation's last word at most */

/* The letters of the word ending at e (its period excluded) back to the
 * space before it, at *start; SIZE_MAX when it has other than letters
 * and inner periods ("e.V"), or more than ABBR_CHARS letters without
 * one. UTF-8 continuation bytes do not count as letters of their own. */
static size_t dotted_word(const char *p, size_t e, size_t *start,
                          bool *inner) {
  size_t k = e, chars = 0;
  *inner = false;
  for (; k > 0 && p[k - 1] != ' '; k--) {
    unsigned char c = (unsigned char)p[k - 1];
    if (c == '.')
      *inner = true;
    else if (c >= 0x80)
      chars += (c & 0xC0) != 0x80;
    else if ((unsigned)((c | 0x20) - 'a') < 26)
      chars++;
    else
      return SIZE_MAX;
  }
  *start = k;
  return chars == 0 || (chars > ABBR_CHARS && !*inner) ? SIZE_MAX : chars;
}

bool kempt__chrome_abbrev_end(const struct chrome_doc *d,
                              const struct chrome_unit *u) {
  const char *p = d->text.data + u->off;
  size_t n = u->tlen, s, s2;
  bool inner, inner2;
  if (n < 2 || p[n - 1] != '.' || dotted_word(p, n - 1, &s, &inner) ==
                                      SIZE_MAX || s < 2)
    return false; /* (a word of letters and a period ends the line) */
  unsigned char first = (unsigned char)p[s];
  if (inner || (unsigned)(first - 'A') < 26)
    return true; /* "e.V.", "KG.", "Co." */
  if ((unsigned)(p[s - 2] - '0') < 10)
    return true; /* a unit after a number: "5 kg.", "3 Std." */
  return p[s - 2] == '.' && /* after another: "рт. ст.", "e. V." */
         dotted_word(p, s - 2, &s2, &inner2) != SIZE_MAX;
}

bool kempt__chrome_key_form(const struct chrome_doc *d,
                            const struct chrome_unit *u) {
  const char *p = d->text.data + u->off;
  size_t n = u->len, i = 0, words = 0;
  while (i < n && (p[i] == ' ' || p[i] == '\t'))
    i++;
  unsigned char c = (unsigned char)p[i];
  if (i == n || !(c >= 0x80 || (unsigned)(c - 'A') < 26))
    return false; /* (a capital, or a letter of another script) */
  size_t room = n - i < KV_KEY_BYTES ? n - i : KV_KEY_BYTES;
  const char *colon = memchr(p + i, ':', room);
  if (!colon)
    return false; /* (most lines) */
  for (size_t e = (size_t)(colon - p); i < e; i++) {
    if (p[i] == ' ' && p[i + 1] == '(' && p[e - 1] == ')' &&
        !memchr(p + i + 2, '(', e - i - 2)) {
      i = e; /* (the key's unit at its end: "Dimensions (W x H x D):") */
      break;
    }
    if (p[i] == ' ' && p[i + 1] != ' ' && p[i + 1] != ':')
      words++;
    if (words >= KV_KEY_WORDS || p[i] == '.' || p[i] == ',' ||
        p[i] == '|' || p[i] == '(')
      return false;
  }
  return i + 2 < n && p[i + 1] == ' ' && p[i + 2] != ' ';
}

/* A headline or a link (a line of a sidebar's list): link-like, or a
 * short capitalised line without a rule or an end. */
static bool link_or_head(const struct chrome_unit *u) {
  if (u->cls == CL_BAD)
    return true;
  return !u->rule && u->cls == CL_SHORT && u->cap1 && u->words >= 3 &&
         u->words <= 25 &&
         (u->term == TERM_NONE || u->term == TERM_ELLIPSIS);
}

/* A fact whose key a phrase rule took as a prefix before its colon, a
 * number in its value ("Updated: 2 April 2026", "Diperbarui: 2 April
 * 2026"): a fact among other facts of a box (an app's version, size and
 * date), not a page's date line alone. */
static bool dated_key(const struct chrome_doc *d, const struct chrome_unit *u) {
  return u->rule && u->hit == CK_PREFIXSEP && !u->soft_has &&
         u->words >= 1 && u->words <= KV_WORDS && !u->widget &&
         u->seps < 2 && u->ntok > u->words && u->term != TERM_SENT &&
         kempt__chrome_key_form(d, u);
}

/* A fact of one word and a number ("Version: 3.8.1", "Size: 18"): a
 * fact of a box as key_value's are (which have two words at least). */
static bool number_key(const struct chrome_doc *d,
                       const struct chrome_unit *u) {
  return !u->rule && !u->soft_has && u->words == 1 && u->ntok > u->words &&
         !u->widget && !u->seps && u->term != TERM_SENT &&
         kempt__chrome_key_form(d, u);
}

/* The end (after its last line) of the run of facts from i, before end
 * and within KV_MAX lines; *nums: how many of them have a number. With
 * wide, a line keyed by a number or (after the first) by a date counts
 * as a fact too. */
static size_t fact_run(const struct chrome_doc *d, size_t i, size_t end,
                       size_t *nums, bool wide) {
  size_t k = i;
  *nums = 0;
  for (; k < end && k - i < KV_MAX &&
         (key_value(d, &d->units[k]) ||
          (wide && (number_key(d, &d->units[k]) ||
                    (k > i && dated_key(d, &d->units[k])))));
       k++)
    *nums += d->units[k].ntok > d->units[k].words;
  return k;
}

/* The last line of a run of KV_MIN facts or more from i (before end),
 * half of them with a number at least (a date, a price, a measure: the
 * keys and values of a page's own labels have none, "Tag: Phones"), or
 * SIZE_MAX. */
static size_t facts_from(const struct chrome_doc *d, size_t i, size_t end) {
  size_t nums, k = fact_run(d, i, end, &nums, true);
  return k - i >= KV_MIN && 2 * nums >= k - i ? k - 1 : SIZE_MAX;
}

bool kempt__chrome_links_then_facts(const struct chrome_doc *d, size_t from,
                                    size_t to) {
  size_t i = from, heads = 0;
  while (i <= to && link_or_head(&d->units[i])) {
    heads++;
    i++;
  }
  if (heads < HEAD_RUN)
    return false;
  for (; i + KV_MIN - 1 <= to; i++)
    if (facts_from(d, i, to + 1) != SIZE_MAX)
      return true;
  return false;
}

/* A box's heading ("Tickets", "Opening hours", "Service details"); in
 * blocks (loose), one that the classifier took by form alone (a menu
 * has "Tickets" too). */
static bool box_head(const struct chrome_doc *d, const struct chrome_unit *h,
                     bool loose) {
  return (!h->rule || (loose && !h->hit)) && h->words >= 1 &&
         h->words <= KV_HEAD_WORDS &&
         h->term == TERM_NONE && !h->bullet && !key_value(d, h);
}

/* A fact of a box under a heading, without a key: a short line, no
 * sentence, no link ("Adults £14", "Harbour Museum, Quay Road"). */
static bool box_value(const struct chrome_unit *u) {
  return (!u->rule || u->hit == CK_DATE) && !u->soft_has && !u->widget &&
         !u->url && !u->bullet && u->cls != CL_BAD && u->words >= 1 &&
         u->words <= KV_WORDS && u->seps < 2 && u->term != TERM_SENT &&
         u->term != TERM_COLON && u->term != TERM_ELLIPSIS;
}

/* Whether a box's fact is a measure or a labelled value: a number in
 * it ("3 bedrooms") or a key of its own ("Consumption: E"). A
 * button's or a link's words have neither. */
bool kempt__chrome_has_digit(const struct chrome_doc *d,
                             const struct chrome_unit *u) {
  const char *p = d->text.data + u->off;
  for (size_t k = 0; k < u->len; k++)
    if ((unsigned)(p[k] - '0') < 10)
      return true;
  return false;
}

static bool box_fact(const struct chrome_doc *d, const struct chrome_unit *u) {
  return u->ntok > u->words || key_value(d, u) ||
         kempt__chrome_has_digit(d, u); /* (glued: "Floor 4th", "4ª") */
}

bool kempt__chrome_buttons_apart(const struct chrome_doc *d,
                                 const struct chrome_unit *u) {
  const char *p = d->text.data + u->off;
  size_t n = u->len, k = 0;
  while (k < n && (p[k] == ' ' || p[k] == '\t'))
    k++;
  while (n > k && (p[n - 1] == ' ' || p[n - 1] == '\t'))
    n--;
  for (; k + 2 < n; k++)
    if (p[k] == ' ' && p[k + 1] == ' ' && p[k + 2] == ' ')
      return !box_fact(d, u);
  return false;
}

/* The last line of a box of facts in blocks, each under its heading in
 * the heading's block ("Tickets" / "Adults £14" / "Concessions £10",
 * "Opening hours" / "Daily 10:00 - 17:30"): KV_MIN facts or more, half
 * of them measures or labelled values at least (box_fact), down to the
 * last section where that holds (a listing's "Features" / "3 bedrooms"
 * ..., then "Energy rating" / "Consumption: E"), up to a line of
 * buttons; or SIZE_MAX. */
static size_t sections_from(const struct chrome_doc *d, size_t i,
                            size_t end) {
  size_t last = SIZE_MAX, facts = 0, nums = 0;
  while (i + 1 < end && box_head(d, &d->units[i], true)) {
    size_t k = i + 1, blk = d->units[i].blk;
    for (; k < end && k - i <= KV_MAX && d->units[k].blk == blk &&
           box_value(&d->units[k]) &&
           !kempt__chrome_buttons_apart(d, &d->units[k]);
         k++)
      nums += box_fact(d, &d->units[k]);
    if (k == i + 1 || (k < end && d->units[k].blk == blk))
      break; /* (no fact, or a line of another kind in its block) */
    facts += k - i - 1;
    if (facts >= KV_MIN && 2 * nums >= facts)
      last = k - 1;
    i = k;
  }
  return last;
}

/* The last line of a run of KV_MIN facts or more from i (before end)
 * right under a box's heading, one of them with a number at least
 * ("Informations pratiques" / "Lieu : église Saint-Martin" / "Tarif :
 * 10 €" / "Réservation : office de tourisme"): under a heading, fewer
 * numbers than facts_from wants will do; or SIZE_MAX. */
static size_t headed_facts(const struct chrome_doc *d, size_t i, size_t end) {
  size_t nums, k = fact_run(d, i, end, &nums, false);
  return k - i >= KV_MIN && nums ? k - 1 : SIZE_MAX;
}

size_t kempt__chrome_facts_after(const struct chrome_doc *d, size_t from,
                                 size_t end) {
  if (from >= end)
    return SIZE_MAX;
  const struct chrome_unit *h = &d->units[from];
  size_t at = facts_from(d, from, end);
  if (at == SIZE_MAX && box_head(d, h, false))
    at = facts_from(d, from + 1, end); /* under its heading */
  if (at == SIZE_MAX && box_head(d, h, false))
    at = headed_facts(d, from + 1, end);
  if (at == SIZE_MAX && box_head(d, h, true))
    at = sections_from(d, from, end);
  return at;
}

void kempt__chrome_facts_keep(struct chrome_doc *d, size_t a, size_t b) {
  for (size_t i = a; i <= b; i++) {
    const struct chrome_unit *u = &d->units[i];
    size_t box; /* a box in blocks: its dates are facts, its heading too */
    if (u->term == TERM_NONE && !u->hit && u->words <= KV_HEAD_WORDS &&
        box_head(d, u, true) &&
        (box = sections_from(d, i, b + 1)) != SIZE_MAX) {
      for (size_t k = i; k <= box; k++)
        if (d->units[k].hit == CK_DATE || (d->units[k].rule && !d->units[k].hit)) {
          d->units[k].rule = NULL;
          d->units[k].cls = CL_SHORT;
        }
      i = box;
      continue;
    }
    if ((u->hit != CK_DATE || !u->rule || !key_value(d, u)) &&
        !dated_key(d, u))
      continue; /* (a date line that may be a fact: few) */
    size_t s = i; /* the first fact of its run */
    while (s > a && i - s < KV_MAX &&
           (key_value(d, &d->units[s - 1]) ||
            number_key(d, &d->units[s - 1])))
      s--;
    size_t at = facts_from(d, s, b + 1);
    if (at == SIZE_MAX || at < i)
      continue;
    for (size_t k = s; k <= at; k++)
      if (d->units[k].hit == CK_DATE || dated_key(d, &d->units[k])) {
        /* a fact: "Date: 14 June", "Updated: 2 April 2026" */
        d->units[k].rule = NULL;
        d->units[k].cls = CL_SHORT; /* (as a short line without a rule) */
      }
    i = at;
  }
}

#define KV_LONE_MAX 2 /* facts of a closing block at most */

/* Whether lines [a, b] hold KV_MIN facts or more ("Date: ...",
 * "Venue: ...": a page that states its facts by key). */
static bool has_facts(const struct chrome_doc *d, size_t a, size_t b) {
  size_t n = 0;
  for (size_t i = a; i <= b && n < KV_MIN; i++)
    n += !d->units[i].rule && key_value(d, &d->units[i]);
  return n >= KV_MIN;
}

static bool ascii_alnum(char c) {
  return (unsigned)(c - '0') < 10 || (unsigned)((c | 0x20) - 'a') < 26;
}

/* Whether line u holds a number of its own that is no year: digits
 * between other than letters ("311", "77/25"; not "G7" nor "2026"). */
static bool plain_number(const struct chrome_doc *d,
                         const struct chrome_unit *u) {
  const char *p = d->text.data + u->off;
  for (size_t k = 0; k < u->len; k++) {
    if ((unsigned)(p[k] - '0') >= 10 || (k > 0 && ascii_alnum(p[k - 1])))
      continue;
    size_t e = k;
    while (e < u->len && (unsigned)(p[e] - '0') < 10)
      e++;
    bool year = e - k == 4 && (p[k] == '1' || p[k] == '2') &&
                (p[k + 1] == '9' || p[k + 1] == '0');
    if ((e == u->len || !ascii_alnum(p[e])) && !year)
      return true;
    k = e;
  }
  return false;
}

/* Whether the closing facts [s, k) under the article's last line b are
 * its references: b ends a sentence, and each fact holds a number that
 * is no year, on no date line ("Vorinstanz: LG ..., Az.: 12 O 77/25",
 * "Source: Journal 2026, 311"); a menu's keys ("Tags: ...", "Category:
 * ...", "Tags: Election 2025") have none. */
static bool cited_facts(const struct chrome_doc *d, size_t b, size_t s,
                        size_t k) {
  if (d->units[b].term != TERM_SENT || d->units[b].rule)
    return false;
  for (size_t i = s; i < k; i++)
    if (d->units[i].hit || !plain_number(d, &d->units[i]))
      return false;
  return true;
}

/* The end (after its last line) of the short block of facts that opens
 * right after b (before end), or b + 1: none. */
static size_t closing_facts(const struct chrome_doc *d, size_t b,
                            size_t end) {
  size_t s = b + 1, k = s;
  if (s >= end || d->units[s].blk == d->units[b].blk)
    return s;
  while (k < end && k - s < KV_LONE_MAX && d->units[k].blk == d->units[s].blk &&
         key_value(d, &d->units[k]))
    k++;
  if (k < end && d->units[k].blk == d->units[s].blk)
    return s; /* (a block of another kind: a menu's keys) */
  return k;
}

size_t kempt__chrome_lone_facts_after(const struct chrome_doc *d, size_t b,
                                      size_t end) {
  size_t k = closing_facts(d, b, end);
  return k > b + 1 && has_facts(d, 0, b) ? k - 1 : b; /* (a box up too) */
}

size_t kempt__chrome_cited_facts_after(const struct chrome_doc *d, size_t b,
                                       size_t end) {
  size_t k = closing_facts(d, b, end);
  return k > b + 1 && cited_facts(d, b, b + 1, k) ? k - 1 : b;
}

#define CONTACT_HEAD_WORDS 3 /* words of a contact box's heading */
#define CONTACT_ROWS_MAX 6   /* its rows: a name, a role, a phone, a mail */
#define CONTACT_KEYS 2       /* rows keyed ("Phone: ...") at least */

/* A row of a contact box: short, no sentence, no link nor button, no
 * phrase rule ("Jane Doe, press officer", "Phone: 030 1234"). */
static bool contact_row(const struct chrome_unit *u) {
  return !u->hit && !u->bullet && !u->widget && !u->url && u->seps < 2 &&
         u->words >= 1 && u->words <= KV_WORDS && u->term != TERM_SENT &&
         u->term != TERM_COLON && u->term != TERM_ELLIPSIS;
}

#define SITE_WORD_BYTES 4 /* bytes of a name's word shared with the site's */

/* Whether row r names the site: a capitalised word of it (of
 * SITE_WORD_BYTES or more) is one of line 0's, the site's name over its
 * menu ("Bakery Korn" over "Bakery Korn Ltd"): the site's own contact in
 * its footer, no box of the article's. */
static bool names_site(const struct chrome_doc *d, size_t r) {
  struct chrome_tok s[CHROME_MAXTOK], t[CHROME_MAXTOK];
  size_t total, ns = kempt__chrome_unit_tokens(d, &d->units[0], s,
                                               CHROME_MAXTOK, &total),
                nt = kempt__chrome_unit_tokens(d, &d->units[r], t,
                                               CHROME_MAXTOK, &total);
  for (size_t k = 0; k < nt; k++) {
    if (!t[k].alpha || !t[k].upper || t[k].end - t[k].start < SITE_WORD_BYTES)
      continue;
    for (size_t j = 0; j < ns; j++)
      if (s[j].h == t[k].h)
        return true;
  }
  return false;
}

size_t kempt__chrome_contact_box_after(struct chrome_doc *d, size_t a,
                                       size_t b, size_t end) {
  size_t h = b + 1, k = h + 1, keys = 0;
  if (k >= end || d->units[b].rule || d->units[b].term != TERM_SENT)
    return b; /* (the article ends in a sentence) */
  const struct chrome_unit *hu = &d->units[h];
  if (hu->blk == d->units[b].blk || hu->words < 1 ||
      hu->words > CONTACT_HEAD_WORDS || hu->term != TERM_NONE ||
      hu->bullet || hu->widget || hu->url || hu->seps ||
      (hu->hit && hu->hit != CK_LINE))
    return b; /* (a heading alone, or a menu's word alone) */
  bool digit = false;
  for (; k < end && k - h <= CONTACT_ROWS_MAX && contact_row(&d->units[k]) &&
         d->units[k].blk == d->units[h + 1].blk;
       k++) {
    keys += kempt__chrome_key_form(d, &d->units[k]);
    digit = digit || kempt__chrome_has_digit(d, &d->units[k]);
    if (a > 0 && !d->units[0].title && names_site(d, k))
      return b;
  }
  if (keys < CONTACT_KEYS || !digit || k - h > CONTACT_ROWS_MAX ||
      (k < end && d->units[k].blk == d->units[k - 1].blk))
    return b; /* (few facts, or the block goes on: a footer's columns) */
  for (size_t i = h; i < k; i++) {
    d->units[i].rule = NULL;
    d->units[i].hit = 0;
    d->units[i].cls = CL_SHORT;
  }
  return k - 1;
}

#define LIST_HEAD_WORDS 3     /* words of a closing list's heading */
#define LIST_ITEM_WORDS 3     /* words of an item of its list, on average */
#define LIST_SECTIONS_BACK 24 /* lines the article's sections are looked for */
#define LIST_SECTIONS 2       /* headed sections of the article at least */

/* A heading that opens its block over the next line of the block:
 * a word or a few, no number, end, link, bullet, button or phrase rule
 * ("Herkunft", "Synonyms"). */
static bool block_heading(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  return i > 0 && i + 1 < d->nunits && u->blk != d->units[i - 1].blk &&
         d->units[i + 1].blk == u->blk && !u->hit && u->words >= 1 &&
         u->words <= LIST_HEAD_WORDS && u->ntok == u->words &&
         u->term == TERM_NONE && !u->bullet && !u->url && !u->widget &&
         !u->seps;
}

/* A list of words on one line, between commas ("Arbeitsschluss,
 * Dienstschluss, Freizeit"): no sentence, link, button or phrase rule. */
static bool comma_list(const struct chrome_doc *d,
                       const struct chrome_unit *u) {
  if (u->hit || u->bullet || u->url || u->widget || u->term == TERM_SENT ||
      u->words < 2 || u->words > KV_WORDS)
    return false;
  const char *p = d->text.data + u->off;
  size_t items = 1;
  for (size_t k = 0; k < u->len; k++)
    items += p[k] == ',';
  return items >= 2 && u->words <= LIST_ITEM_WORDS * items;
}

size_t kempt__chrome_list_section_after(struct chrome_doc *d, size_t b,
                                        size_t end) {
  size_t h = b + 1, l = b + 2, sections = 0;
  if (l >= end || d->units[b].rule || d->units[b].term != TERM_SENT ||
      !block_heading(d, h) || !comma_list(d, &d->units[l]) ||
      (l + 1 < end && d->units[l + 1].blk == d->units[h].blk))
    return b;
  for (size_t i = b; i > 0 && b - i < LIST_SECTIONS_BACK; i--)
    sections += !d->units[i].rule && block_heading(d, i);
  if (sections < LIST_SECTIONS)
    return b; /* (an article of headed sections, as this one is) */
  d->units[h].rule = d->units[l].rule = NULL;
  return l;
}

/* The article ends at b inside a block of facts ("Breite: 150 cm",
 * "Tiefe: 62 cm", "Holz: Eiche"): a table of specifications that a
 * text browser gave as one block, whose last rows have no number (the
 * run of numbers ended the article before them). The block's facts after
 * b, when the block ends with them, are the article's too. */
size_t kempt__chrome_block_facts_after(const struct chrome_doc *d, size_t b,
                                       size_t end) {
  size_t k = b + 1;
  if (k >= end || d->units[k].blk != d->units[b].blk || b == 0 ||
      d->units[b - 1].blk != d->units[b].blk ||
      !key_value(d, &d->units[b]) || !key_value(d, &d->units[b - 1]))
    return b;
  while (k < end && k - b <= KV_MAX && d->units[k].blk == d->units[b].blk &&
         key_value(d, &d->units[k]))
    k++;
  if (k < end && d->units[k].blk == d->units[b].blk)
    return b; /* (the block goes on with lines of another kind) */
  return k - 1;
}

/* ---- a gallery's credits between paragraphs ------------------------- */

#define GALLERY_WORDS 12 /* words of a line of a gallery's run at most */
#define GALLERY_RUN 24   /* lines of the run at most */
#define GALLERY_PROSE 12 /* words of the paragraphs around it at least */

/* A gallery's counter alone on its line: "3 of 12", "Image 3 of 12",
 * "Foto 3 von 12", "3/12" (a word before it maybe; "of" in a few
 * languages). */
bool kempt__chrome_counter_line(const char *p, size_t n) {
  static const char *const of[] = {"of", "von", "de", "di", "sur", "van",
                                   "av", "z", "\xd0\xb8\xd0\xb7"}; /* из */
  size_t i = 0;
  while (i < n && (p[i] == ' ' || p[i] == '\t'))
    i++;
  while (n > i && (p[n - 1] == ' ' || p[n - 1] == '\t'))
    n--;
  if (i < n && (unsigned)(p[i] - '0') >= 10) { /* "Image " */
    size_t w = i;
    while (w < n && p[w] != ' ' && w - i < 12)
      w++;
    if (w == n || p[w] != ' ')
      return false;
    i = w + 1;
  }
  size_t a = i;
  while (i < n && (unsigned)(p[i] - '0') < 10)
    i++;
  if (i == a || i - a > 3)
    return false;
  if (i < n && p[i] == '/') {
    i++;
  } else {
    if (i == n || p[i] != ' ')
      return false;
    i++;
    size_t w = i;
    while (w < n && p[w] != ' ')
      w++;
    bool ok = false;
    for (size_t k = 0; k < sizeof of / sizeof of[0] && !ok; k++)
      ok = strlen(of[k]) == w - i && memcmp(p + i, of[k], w - i) == 0;
    if (!ok || w == n)
      return false;
    i = w + 1;
  }
  size_t b = i;
  while (i < n && (unsigned)(p[i] - '0') < 10)
    i++;
  return i == n && i > b && i - b <= 3;
}

/* A paragraph of prose by its form (no rule, long, a sentence end). */
static bool prose_line(const struct chrome_unit *u) {
  return !u->rule && !u->bullet && !u->widget &&
         u->words >= GALLERY_PROSE && u->term == TERM_SENT;
}

void kempt__chrome_gallery(struct chrome_doc *d) {
  for (size_t i = d->gal_a > 1 ? d->gal_a : 1; i < d->gal_b; i++) {
    const struct chrome_unit *u = &d->units[i];
    if (!u->rule || !kempt__chrome_counter_form(u) ||
        !kempt__chrome_counter_line(d->text.data + u->off, u->len))
      continue; /* (two numbers, a word at most, a rule: few lines) */
    size_t s = i, e = i; /* the run [s, e] of the gallery's lines */
    bool bad = false;
    while (s > 0 && i - s < GALLERY_RUN) {
      const struct chrome_unit *v = &d->units[s - 1];
      if (v->chars && (!v->rule || v->words > GALLERY_WORDS))
        break;
      s--;
    }
    while (e + 1 < d->nunits && e - s < GALLERY_RUN) {
      const struct chrome_unit *v = &d->units[e + 1];
      if (v->chars && (!v->rule || v->words > GALLERY_WORDS))
        break;
      e++;
    }
    if (s == 0 || e + 1 >= d->nunits || !prose_line(&d->units[s - 1]) ||
        !prose_line(&d->units[e + 1]))
      continue;
    for (size_t k = s; k <= e; k++) {
      uint8_t h = d->units[k].hit;
      bad = bad || h == CK_CUT || h == CK_LIST || h == CK_SAYS ||
            h == CK_ABOUT;
    }
    if (bad)
      continue; /* (a marker among them: no gallery) */
    for (size_t k = s; k <= e; k++)
      if (d->units[k].rule)
        d->units[k].hit = CK_CAPTION; /* (it costs what a caption does) */
    i = e;
  }
}
