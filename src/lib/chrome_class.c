/* chrome_class.c - the chrome stage's verdict on each line of a document.
 *
 * In order:
 * 1. features of each line: length in code points and words, function
 *    words (of the line's best language), capitalised words, terminal
 *    punctuation, bullets, separators (| > / between spaces), links, form
 *    widgets and image labels of text browsers ("[Search]");
 * 2. phrase rules (chrome_phrase.c): whole lines ("ADVERTISEMENT"),
 *    prefixes ("Read more: ..."), phrases in short lines ("All rights
 *    reserved"), bylines, date lines, comment headers ("NAME says:"),
 *    captions that end with their credit (in brackets, after a colon or
 *    a slash: "... in Ottawa. Jane Doe / Agency"), list markers ("Related
 *    posts") that open a list of headlines, cut-off markers ("Leave a
 *    Reply"); "soft" words (newsletter, subscribe, photo...) lower a
 *    line's weight; image labels by their form: a file's name glued on
 *    the text ("Text[img-01]", and the caption with the same text after
 *    it), a gallery's counter ("3 of 12", "3of12A caption ..."), a block
 *    of short sentences that ends with a credit (a figure), the value
 *    after a removed label alone on its line ("Photo:" / "Jane Doe");
 * 3. short lines repeated on the page (buttons such as "Reply"), lines
 *    found three times (and long ones without a sentence end: alt text),
 *    and text found twice (an image's label and its caption, a teaser's
 *    headline): good text found twice counts against the article unless
 *    the page holds nearly all of its text twice; a question asked twice
 *    does not count (an interview asks each guest the same);
 * 4. teaser lists: three or more headlines each followed by one short
 *    summary (a question only with labels between: else an interview),
 *    with at most a few labels between, or lines that hold both (a
 *    headline in title case run into its summary: "Ford Recalls F-150s
 *    Ford is recalling ...", two of them at least); after a list marker,
 *    its items, or cards (groups of equal length, each with a copy of the
 *    same line at the same place): a summary only close after its
 *    headline and in a list whose headlines have them, and when the lines
 *    after the marker are targets the rules know (Facebook, Email), only
 *    those;
 * 5. a class per line (good prose, near-good, short, bad) and a score:
 *    good text counts for, chrome against; a CJK sentence weighs more per
 *    character; an image's label costs no more than a caption (a gallery
 *    does not cut an article in two); a dash and a name after a quote,
 *    bullets with quantities, and the items of a list of prose fragments
 *    right after the article's text or its short heading ("Key points" /
 *    "• Fares will be cut in half": function words, most words in lower
 *    case) are not links, the last read as near-good text; lines of a
 *    list that a line ending in ':' introduced count as neutral (its
 *    items' image labels do not end it); the article is the stretch of
 *    lines with the highest total (maximum subarray), ended early by a
 *    cut-off marker after enough good text; a segment of teasers (as many
 *    headlines as paragraphs) that a big run of chrome separates from
 *    the rest is cut off its ends; a run of structured lines (numbers in
 *    most: dates, scores, quantities) that the article speaks of extends
 *    it, and so does a lead sentence just before it that has few function
 *    words (a dateline and names: "CITY (AP) - Officials say ..."); the
 *    article's own copy of a text found twice, pictures' repeated labels,
 *    short closing sentences and lists of things between its paragraphs
 *    stay with it (chrome_keep.c);
 * 6. inside the stretch, short lines stay (sub-headings, list items,
 *    one-line paragraphs, a quote) and so do lines found three times
 *    whose copies all lie in it (sub-headings each part repeats), while
 *    rule hits, text found twice and link-like lines next to other chrome
 *    go; outside it everything goes but the title: the nearest
 *    headline-like line before the article. A document with hardly any
 *    chrome (text cleaned before) loses only its rule hits.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chrome_int.h"

#include <utf8proc.h>
#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#endif

/* Rare paths kept out of the callers' frames; steps taken for each line
 * kept in theirs (HOT_INLINE: whatever size the caller grows to). */
#if defined(__GNUC__) || defined(__clang__)
#define NOINLINE __attribute__((noinline))
#define HOT_INLINE inline __attribute__((always_inline))
#else
#define NOINLINE
#define HOT_INLINE inline
#endif

/* Thresholds (checked by cross-validation on a set of real pages). */
#define GOOD_WORDS 12      /* good prose: at least this many words, */
#define GOOD_DENSITY 22    /* ... this % of function words */
#define NEAR_WORDS 6
#define NEAR_DENSITY 15
#define LONG_WORDS 30      /* this long needs no terminal punctuation */
#define HAS_WORDS 15       /* "has" phrases remove lines up to this long */
#define HAS_MAX_TOK 8      /* words of the longest "has" phrase looked for */
#define PREFIX_WORDS 15    /* prefixes without separator: lines this long */
#define PREFIXSEP_WORDS 40
#define EMBED_AT 6         /* words of an embedded post's label */
#define EMBED_SPAN 12      /* lines from its label to its end's label */
#define EMBED_TAIL 3       /* words both labels end with, or a handle */
#define CUT_GOOD_CHARS 400 /* good text before a cut-off marker */
#define SAYS_GOOD_CHARS 200 /* ... before a comment's header (NAME says:) */
#define HEAD_MAX_WORDS 25
#define TITLE_TOPIC_LINES 2 /* the article's lines a title shares words with */
#define TITLE_REACH 8      /* lines above the nearest candidate */
#define TITLE_META_WORDS 5 /* ... each of so many words at most */
#define DEK_WORDS 10       /* words of a dek under a headline at least */
#define HEADLINE_WORDS 4   /* ... and of the headline (no kicker, button) */
#define NAME_REACH 12      /* lines above it where an entry's name may be */
#define NAME_LEAD_WORDS 8  /* first words of the entry that name it */
#define TEASER_WORDS 45
#define TEASER_PAIRS 3
#define TEASER_PROSE 70    /* % of a page's prose in teasers: its article */
#define TEASER_LABELS 3    /* labels between a teaser's headline and text */
#define GLUED_MIN_WORDS 9  /* a headline and its summary on one line, */
#define GLUED_MIN_REST 5   /* ... the summary's words after the headline */
#define GLUED_LEX_STEP 8   /* (words of a long line read at a time) */
#define LEAD_WORDS 12      /* a lead paragraph with few function words */
#define LABEL_WORDS 6
#define REPEAT_WORDS 30    /* a headline-like line found three times */
#define REPEAT_ANY 3
#define PREFIX_DUP_SPAN 3  /* lines apart: a label and its caption */
#define PREFIX_DUP_MIN 30  /* bytes of the shorter one */
_Static_assert(PREFIX_DUP_MIN >= 8, "mark_prefix_dups reads 8 bytes");
#define WEAK_LANG 21 /* % of function words: under it, a weak guess */
#define INTRO_WORDS 3       /* a line that introduces a list */
#define INTRO_LABEL_WORDS 2 /* ... right under a paragraph of prose */
#define LIST_PREFIX_WORDS 6 /* "Most popular in Sport": a list marker */
#define LIST_MAX 60
#define SUMMARY_AFTER 3    /* lines from a listed headline to its summary */
#define BARE_HEADS 2       /* ... in a list with fewer headlines without */
#define LIST_TARGETS 2     /* known lines (share targets) that make a list */
#define CARD_SPAN 6        /* lines of a card after a list marker */
#define CARD_MIN 3         /* cards */
#define CARD_LINES 3       /* a product card's lines before its button */
#define CARD_BUTTON_WORDS 5
#define CARD_PRICE_WORDS 2 /* "£45.00", "From $12.99" */
#define INSIDE_ONE (1u << 16) /* see keep_inner_repeats */
#define LABEL_BIT (1u << 31)
#define CJK_NEAR_CHARS 10  /* a CJK sentence this long reads as text */
#define CJK_WEIGHT 3       /* ... and its characters count so many times */
#ifndef DATA_MIN
#define DATA_MIN 3         /* lines with numbers in a structured run */
#endif
#ifndef DATA_SHARE
#define DATA_SHARE 50      /* % of its lines */
#endif
#define SHAPE_TOKENS 3     /* tokens that show a table row's shape */
#define TABLE_ROWS 6       /* rows of a table that is a page's article */
#define BUTTON_LINES 12    /* removed short lines before a table */
#define TOPIC_LINES 5      /* its first lines that may share the title's */
#define CLEAN_RATIO 20     /* fewer chrome lines than 1 in this: clean */
#define WIDGET_MAX 40      /* bytes of a [widget] with spaces in it */
#define PROSE_WORDS 20
#define TITLE_CHARS 6      /* code points of a title (no language) */
#define THAI_PROSE 50      /* code points of a Thai line that is prose */
#define DATE_OTHER_WORDS 2 /* words in a date line that are not dates */
#define SAYS_WORDS 14      /* "NAME says:" comment headers (with a date) */
#define SAYS_AT 4          /* bytes of a word of its date ("on", "at", "pm") */
#define NAME_PARTICLE 3    /* bytes of "van" in "Jan van der Berg" */
#define BIO_WORDS 60       /* an author's bio is at most this long, */
#define BIO_NAME 4         /* ... its name so many words, */
#define BIO_ASIDE 4        /* ... and its "(@handle)" or e-mail so many, */
#define BIO_BARE 16        /* ... without a sentence end so many at least */
#define BIO_JOB 6          /* ... and the job comes this soon after "is" */
#define CAPTION_WORDS 60   /* longer lines with a credit are not captions */
#define CAPTION_OPEN_WORDS 100 /* nor longer ones opened as a caption or
                                  ended by "Credit: X" */
#define CREDIT_MAX 60      /* bytes of the credit at a caption's end */
#define CREDIT_WORDS 6     /* "Jane Doe/Agency" */
#define FIGURE_LINES 4     /* a caption's block: its lines and credit */
#define FIGURE_PROSE_WORDS 8 /* a sentence of the text after a figure */
#define FIGURE_ALT_WORDS 30 /* words of a figure's lines over its caption */
#define PROSE_ITEM_WORDS 5  /* a bulleted fragment of prose, */
#define PROSE_ITEM_UPPER 60 /* ... at most this % of its words capitalised, */
#define PROSE_HEAD_WORDS 8  /* ... under a heading of at most so many */
#define PROSE_RUN_TITLED 3  /* ... items under a heading in title case */
#define LINK_RUN 3         /* bulleted headlines in a list of links */
#define TAIL_LINKS 4       /* ... under a heading, after the article, */
#define TAIL_HEAD_WORDS 5  /* ... each a headline of so many words */
#define FIELD_MIN 3        /* spaces of an empty form field "[   ]" */
#define SIGNUP_WORDS 40    /* a sign-up pitch before its field */
#define SHORT_FIELD_REST 24 /* bytes of a short field's button: "][Sign Up]" */
#define HANDLE_WORDS 5     /* "Jane Doe @janedoe" */
#define ABOUT_NAME 4       /* words of the name in "About Jane Doe" */
#define ABOUT_NEXT 3       /* lines after it where her bio may start */
#define ABOUT_REACH 100    /* ... naming her within so many bytes */
#define BYLINE_WORDS 24    /* a byline with a place, paper, date */
#define DOUBLE_WORDS 40    /* a label twice: "Alt textAlt text" */
#define IMAGE_NAME_MAX 160 /* bytes of a line that names an image file */

/* Scores: good text counts for the stretch, chrome against it. */
#ifndef INTRO_SCORE
#define INTRO_SCORE 1      /* a line of a list that text introduced */
#endif
#ifndef GOOD_CAP
#define GOOD_CAP 1500      /* code points of one line that count */
#endif
#ifndef NEAR_DIV
#define NEAR_DIV 3
#endif
#ifndef SHORT_BASE
#define SHORT_BASE 8
#endif
#ifndef SHORT_DIV
#define SHORT_DIV 5
#endif
#ifndef BAD_BASE
#define BAD_BASE 25
#endif
#ifndef HARD_BASE
#define HARD_BASE 60
#endif
#ifndef GAP_MIN
#define GAP_MIN 300        /* a run of chrome that splits the stretch */
#endif
#ifndef TEASER_HEADS
#define TEASER_HEADS 5     /* tenths of a headline per paragraph: teasers */
#endif
#ifndef LIST_ITEM_COST
#define LIST_ITEM_COST 80  /* a line of a marked list: chrome explained */
#endif
#ifndef JOIN_HEADS
#define JOIN_HEADS 10      /* ... unless it has a headline per paragraph */
#endif
#ifndef JOIN_MIN
#define JOIN_MIN 600       /* text past an embedded list that joins */
#endif
#ifndef JOIN_ONE
#define JOIN_PROSE 200    /* ... past a list, right into prose */
#define JOIN_ONE 50        /* ... past a marker and its one link */
#endif
#ifndef TAIL_DIV
#define TAIL_DIV 2         /* good text in the last tenth counts less */
#endif
#ifndef DUP_DIV
#define DUP_DIV 4          /* good text found twice (captions, teasers)
                              counts against, a quarter of its weight */
#endif
#ifndef SOFT_DIV
#define SOFT_DIV 4         /* good text with a chrome phrase in it */
#endif

static const char R_OUTSIDE[] = "classifier outside the main text";
static const char R_LINKLIKE[] = "classifier link-like line in a chrome run";
static const char R_REPEAT[] = "classifier short line repeated on the page";
static const char R_DRAWN[] = "classifier a drawn rule line";
static const char R_MENU[] = "classifier a menu among the paragraphs";
static const char R_WIDGET[] = "classifier form widget or image label";
static const char R_TEASER[] = "classifier teaser list (headline + summary)";
static const char R_TEASED[] = "classifier summary under a \"read also\" title";
static const char R_LISTITEM[] = "list item after a list marker";
static const char R_CUT[] = "after a cut-off marker (comments, footer)";
static const char R_BYLINE[] = "byline";
static const char R_DATE[] = "date line";
static const char R_SHORTRUN[] = "classifier short line between chrome";
static const char R_BUTTONS[] = "classifier a row of buttons";
static const char R_THRICE[] = "classifier line found three times or more";
static const char R_TWICE[] = "classifier text found twice (caption, teaser)";
static const char R_CAPTION[] = "caption (a credit at its end)";
static const char R_SLIDE[] = "caption (a gallery's counter: 1 of 12)";
static const char R_SIGNUP[] = "sign-up pitch (before its e-mail field)";
static const char R_LINKRUN[] = "classifier list of links, most of it chrome";
static const char R_DOUBLE[] = "image label (its text twice in a row)";
static const char R_PULLQUOTE[] = "pull quote (its words in a paragraph nearby)";
static const char R_SLUG[] = "image label (its text, then its file's name)";
static const char R_BIO[] = "author bio (NAME is a writer ...)";
static const char R_SAYS[] = "comment header (NAME says:)";
static const char R_POST_BTN[] = "post buttons (a thread's posts)";
static const char R_POST_HDR[] = "post header (its writer over its date)";
static const char R_SAYS_NAME[] = "comment header (NAME says:, one of several)";
static const char R_EMBED[] = "embedded post (its label, then its text)";
static const char R_NOTEXT[] =
    "classifier a page without text (no paragraph of prose)";
static const char R_CARD[] =
    "product card (its name and price, then its button)";

/* ---- character features -------------------------------------------- */

static bool has_prefix(const char *p, size_t n, const char *s) {
  size_t i = 0;
  while (s[i] && i < n && p[i] == s[i])
    i++;
  return s[i] == '\0';
}

static bool is_lower_ascii(char c) { return (unsigned)(c - 'a') < 26; }
static bool is_upper_ascii(char c) { return (unsigned)(c - 'A') < 26; }

static uint16_t clamp16(uint32_t v) {
  return (uint16_t)(v > 65535 ? 65535 : v);
}

/* Whether the line holds "http" or "www." (a link). */
#if defined(__SSE2__) && defined(__x86_64__)
/* (a held line: p[n] and CHROME_LEX_PAD - 1 bytes after it can be read;
 * each 'w' and 'h' where four bytes start before p[n] is looked at) */
static bool has_url(const char *p, size_t n) {
  if (n < 4)
    return false;
  size_t last = n - 4; /* where the last of the four bytes can start */
  for (size_t i = 0; i <= last; i += 16) {
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
    unsigned m = (unsigned)_mm_movemask_epi8(
        _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('w')),
                     _mm_cmpeq_epi8(x, _mm_set1_epi8('h'))));
    if (last - i < 15)
      m &= (2u << (last - i)) - 1; /* starts up to last */
    for (; m; m &= m - 1) {
      const char *q = p + i + kempt__chrome_ctz(m);
      if (memcmp(q, "www.", 4) == 0 || memcmp(q, "http", 4) == 0)
        return true;
    }
  }
  return false;
}
#else
static bool has_url(const char *p, size_t n) {
  for (const char *q = p, *e = p + n; e - q >= 4; q++) {
    q = memchr(q, 'w', (size_t)(e - q - 3));
    if (!q)
      break;
    if (q[1] == 'w' && q[2] == 'w' && q[3] == '.')
      return true;
  }
  for (const char *q = p, *e = p + n; e - q >= 4; q++) {
    q = memchr(q, 'h', (size_t)(e - q - 3));
    if (!q)
      break;
    if (q[1] == 't' && q[2] == 't' && q[3] == 'p')
      return true;
  }
  return false;
}
#endif

/* A bullet at the start of p: a bullet sign, a middle dot, a small
 * square, triangle, circle or star, or "* ", "- ", "+ ", "> ", and an en
 * or em dash before a space. s[0] can be read (a held line's '\n' when
 * n is 0). */
static bool is_bullet(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  /* (most lines: a first byte that starts no bullet; bits of '*', '+',
   * '-' and '>') */
  unsigned c0 = p[0];
  if (c0 < 0x80 ? c0 >= 64 || !((0x40002C0000000000ull >> c0) & 1)
                : c0 != 0xC2 && c0 != 0xE2)
    return false;
  if (n < 2)
    return false;
  unsigned c = p[0], c1 = p[1], c2 = n >= 3 ? p[2] : 0;
  if (c == '*' || c == '-' || c == '+' || c == '>')
    return c1 == ' ';
  if (c == 0xC2)
    return c1 == 0xB7;
  if (c != 0xE2 || n < 3)
    return false;
  if (c1 == 0x80)
    return c2 == 0xA2 || ((c2 == 0x93 || c2 == 0x94) && n >= 4 && p[3] == ' ');
  if (c1 == 0x96)
    return c2 == 0xAA || c2 == 0xBA || c2 == 0xA0 || c2 == 0xA1;
  if (c1 == 0x97)
    return c2 == 0xA6 || c2 == 0x8F;
  return c1 == 0x98 && c2 == 0x86;
}

/* Length of p without closing quotes, brackets and spaces at its end. */
static size_t strip_closers(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  for (;;) {
    unsigned char c = n ? p[n - 1] : 0;
    if (c == ' ' || c == '\t' || c == '"' || c == '\'' || c == ')' ||
        c == ']' || c == '*')
      n--;
    else if (c < 0x80)
      return n;
    else if (n >= 3 && p[n - 3] == 0xE2 && p[n - 2] == 0x80 &&
             (c == 0x9D || c == 0x99)) /* right quotes */
      n -= 3;
    else if (n >= 2 && p[n - 2] == 0xC2 && (c == 0xBB || c == 0xA0))
      n -= 2; /* >> and a no-break space */
    else
      return n;
  }
}

/* A Thai time's "o'clock" after a space, "10:30 น.": no sentence's end
 * (a Thai sentence ends with none). */
static bool thai_oclock(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  return n >= 5 && p[n - 5] == ' ' && p[n - 4] == 0xE0 && p[n - 3] == 0xB8 &&
         p[n - 2] == 0x99;
}

/* Terminal punctuation of p, n bytes once stripped of closers. */
static uint8_t terminal(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  if (n == 0)
    return TERM_NONE;
  unsigned char c = p[n - 1];
  if (n >= 3 && ((c == 0xA6 && p[n - 2] == 0x80 && p[n - 3] == 0xE2) ||
                 (c == '.' && p[n - 2] == '.' && p[n - 3] == '.')))
    return TERM_ELLIPSIS;
  if (c == '.' || c == '!' || c == '?')
    return TERM_SENT;
  if (c >= 0x80 && n >= 3 &&
      ((p[n - 3] == 0xE3 && p[n - 2] == 0x80 && c == 0x82) ||
       (p[n - 3] == 0xEF && p[n - 2] == 0xBC && (c == 0x81 || c == 0x9F))))
    return TERM_SENT; /* CJK full stop, exclamation and question marks */
  if ((n >= 3 && p[n - 3] == 0xE0 && p[n - 2] == 0xA5 &&
       (c == 0xA4 || c == 0xA5)) ||
      (n >= 2 && ((p[n - 2] == 0xD8 && c == 0x9F) ||
                  (p[n - 2] == 0xDB && c == 0x94))))
    return TERM_SENT; /* danda (Hindi), Arabic question mark, Urdu stop */
  if ((n >= 2 && p[n - 2] == 0xD6 && c == 0x89) ||
      (n >= 3 && p[n - 3] == 0xE1 &&
       ((p[n - 2] == 0x8D && (c == 0xA2 || c == 0xA7)) ||
        (p[n - 2] == 0x81 && (c == 0x8A || c == 0x8B)) ||
        (p[n - 2] == 0x9F && (c == 0x94 || c == 0x95)))) ||
      (n >= 3 && p[n - 3] == 0xE0 && p[n - 2] == 0xBC &&
       (c == 0x8D || c == 0x8E)))
    return TERM_SENT; /* Armenian full stop, Ethiopic full stop and '?',
                         Myanmar's, Khmer's and Tibetan's ends */
  if (c == ':' || c == ';')
    return TERM_COLON;
  return c == ',' ? TERM_COMMA : TERM_NONE;
}

/* Bytes inside short [...] groups: a text browser's form fields, buttons
 * and image labels ("[Search]", "[          ]"). */
#define ONES8 0x0101010101010101ull
#define HIGH8 0x8080808080808080ull

/* The high bit of each byte of x that is zero (exactly: no borrow from
 * one byte to the next). */
static inline uint64_t zero_bytes(uint64_t x) {
  uint64_t t = (x & ~HIGH8) + ~HIGH8;
  return ~(t | x | ~HIGH8);
}

/* Bytes of x (8 of them) that are not spaces as kempt__is_space has
 * them (' ' and 0x09 to 0x0D). */
static inline size_t solid8(uint64_t x) {
  uint64_t lo = x & ~HIGH8;           /* (bytes 0x80 up: not spaces) */
  uint64_t ge9 = lo + 0x7777777777777777ull; /* high bit: byte >= 0x09 */
  uint64_t ge14 = lo + 0x7272727272727272ull; /* ... >= 0x0E */
  uint64_t sp = ((ge9 & ~ge14) | zero_bytes(x ^ 0x2020202020202020ull)) &
                ~x & HIGH8;
  return 8 - (size_t)(((sp >> 7) * ONES8) >> 56);
}

/* A line of code with an index in it ("buf[i] = 0;", "if (a[n]) {"):
 * it ends in ';' or '{', or assigns; no widget of a text browser. */
static bool code_line(const char *p, size_t n) {
  while (n && kempt__is_space((unsigned char)p[n - 1]))
    n--;
  if (n && (p[n - 1] == ';' || p[n - 1] == '{'))
    return true;
  for (const char *e = n > 2 ? memchr(p + 1, '=', n - 2) : NULL; e;
       e = memchr(e + 1, '=', (size_t)(p + n - 1 - (e + 1))))
    if (e[-1] == ' ' && e[1] == ' ')
      return true;
  return false;
}

#define KEY_BEFORE_BRACKET 32 /* bytes of a key before its bracket */

/* A key's value in brackets ("Aussprache: [ˈfaɪ̯ɐ]", "IPA: [ɡ]"): the
 * line's first '[' right after a short key's colon and a space, and no
 * space inside the brackets; a transcription, no button. */
static bool keyed_bracket(const char *p, size_t n) {
  size_t room = n < KEY_BEFORE_BRACKET ? n : KEY_BEFORE_BRACKET;
  const char *b = memchr(p, '[', room);
  if (!b || b - p < 3 || b[-1] != ' ' || b[-2] != ':')
    return false;
  const char *e = memchr(b, ']', (size_t)(p + n - b));
  return e && e - b > 1 && !memchr(b, ' ', (size_t)(e - b));
}

/* A heading with a wiki's buttons at its end ("History[edit]",
 * "Historia[editar | modificar o codigo]", "Geschichte [Bearbeiten |
 * Quelltext bearbeiten]"): returns where the heading's text ends (before
 * the '[' and the spaces before it), or 0. In the brackets: words of
 * letters, up to WIKI_ITEMS of them between '|'; a single word is in lower
 * case and glued to the heading's last letter, or has a space before it
 * ("[Reuters]" or "[sic]" after a sentence are no buttons). */
#define WIKI_MARK_MAX 64 /* bytes of the brackets at most */
#define WIKI_ITEMS 3
static size_t edit_button(const char *p, size_t n) {
  while (n && kempt__is_space((unsigned char)p[n - 1]))
    n--;
  if (n < 5 || p[n - 1] != ']')
    return 0;
  size_t k = n - 1;
  unsigned bars = 0;
  bool upper = false;
  while (k > 0 && p[k - 1] != '[' && n - k < WIKI_MARK_MAX) {
    unsigned char c = (unsigned char)p[k - 1];
    bars += c == '|';
    upper = upper || is_upper_ascii((char)c);
    if (!is_lower_ascii((char)c) && !is_upper_ascii((char)c) && c < 0x80 &&
        c != ' ' && c != '|')
      return 0;
    k--;
  }
  if (k < 4 || k == n - 1 || p[k - 1] != '[' || bars >= WIKI_ITEMS ||
      p[k] == ' ' || p[k] == '|' || p[n - 2] == '|' || p[n - 2] == ' ')
    return 0; /* (k: after the '[') */
  if (!bars && (upper || memchr(p + k, ' ', n - 1 - k)))
    return 0;
  size_t h = k - 1; /* the heading's end */
  bool spaced = p[h - 1] == ' ';
  while (h > 0 && p[h - 1] == ' ')
    h--;
  unsigned char before = h ? (unsigned char)p[h - 1] : 0;
  if (spaced && !bars)
    return 0;
  return before >= 0x80 || is_lower_ascii((char)before) ||
                 is_upper_ascii((char)before)
             ? h
             : 0;
}

static void scan_brackets(struct chrome_unit *u, const char *p, size_t n) {
  size_t inside = 0, solid = 0;
  for (size_t i = 0; i < n; i++) {
    /* 8 bytes without a '[' at a time */
    for (uint64_t x; i + 8 <= n; i += 8) {
      memcpy(&x, p + i, 8);
      if (zero_bytes(x ^ 0x5B5B5B5B5B5B5B5Bull))
        break;
      solid += solid8(x);
    }
    if (i >= n)
      break;
    if (p[i] == '[') {
      const char *e = memchr(p + i, ']', n - i);
      size_t k = e ? (size_t)(e - p) - i + 1 : 0;
      if (k && (k <= WIDGET_MAX || !memchr(p + i, ' ', k))) {
        inside += k;
        solid += k;
        i += k - 1;
        continue;
      }
    }
    solid += !kempt__is_space((unsigned char)p[i]);
  }
  size_t head = edit_button(p, n);
  u->widget = solid && 2 * inside >= solid && !code_line(p, n) && !head &&
              !keyed_bracket(p, n);
  if (head && n - head <= UINT8_MAX)
    u->wiki = (uint8_t)(n - head);
}

/* line_hash's blocks of 32 bytes p[0..n) (n a multiple of 32), in four
 * lanes of 8 bytes: each lane's two 32-bit halves, offset by a key that
 * changes from block to block, multiplied (NH) and the products added up
 * per lane (acc). The same sums with AVX2 or without. */
#define LH_KEY0 0x8f1bbcdc6ed9eba1ull
#define LH_KEY1 0xca62c1d65a827999ull
#define LH_KEY2 0x3c6ef372a54ff53aull
#define LH_KEY3 0x510e527f9b05688cull
#define LH_STEP 0x7f4a7c15u
static NOINLINE void lh_lanes_plain(const char *p, size_t n,
                                    uint64_t acc[4]) {
  const uint64_t key[4] = {LH_KEY0, LH_KEY1, LH_KEY2, LH_KEY3};
  uint32_t lo[4], hi[4];
  for (unsigned l = 0; l < 4; l++) {
    acc[l] = 0;
    lo[l] = (uint32_t)key[l];
    hi[l] = (uint32_t)(key[l] >> 32);
  }
  for (size_t i = 0; i < n; i += 32)
    for (unsigned l = 0; l < 4; l++) {
      uint64_t w;
      memcpy(&w, p + i + 8 * l, 8);
      acc[l] += (uint64_t)(uint32_t)((uint32_t)w + lo[l]) *
                (uint32_t)((uint32_t)(w >> 32) + hi[l]);
      lo[l] += LH_STEP;
      hi[l] += LH_STEP;
    }
}
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
__attribute__((target("avx2"))) static NOINLINE void
lh_lanes_avx2(const char *p, size_t n, uint64_t acc[4]) {
  __m256i k = _mm256_set_epi64x((long long)LH_KEY3, (long long)LH_KEY2,
                                (long long)LH_KEY1, (long long)LH_KEY0);
  __m256i step = _mm256_set1_epi32((int)LH_STEP), a = _mm256_setzero_si256();
  for (size_t i = 0; i < n; i += 32) {
    __m256i y = _mm256_add_epi32(
        _mm256_loadu_si256((const __m256i *)(const void *)(p + i)), k);
    a = _mm256_add_epi64(a, _mm256_mul_epu32(y, _mm256_srli_epi64(y, 32)));
    k = _mm256_add_epi32(k, step);
  }
  _mm256_storeu_si256((__m256i *)(void *)acc, a);
}
static void lh_lanes(const char *p, size_t n, uint64_t acc[4]) {
  if (__builtin_cpu_supports("avx2"))
    lh_lanes_avx2(p, n, acc);
  else
    lh_lanes_plain(p, n, acc);
}
#else
#define lh_lanes lh_lanes_plain
#endif

/* Hash of a long line's bytes (its words are too many to hash as a
 * sequence), for finding it twice on the page. */
static uint64_t line_hash(const char *p, size_t n) {
  uint64_t h = 0xcbf29ce484222325ull ^ n, w;
  size_t i = 0;
  while (i < n && kempt__is_space((unsigned char)p[i]))
    i++;
  while (n > i && kempt__is_space((unsigned char)p[n - 1]))
    n--;
  h ^= n - i; /* the length, then the bytes 32 (lh_lanes), 16 and 8 at a
                 time */
  size_t m = (n - i) & ~(size_t)31;
  if (m) {
    uint64_t acc[4];
    lh_lanes(p + i, m, acc);
    for (unsigned l = 0; l < 4; l++) {
      h = (h ^ acc[l]) * 0x9e3779b97f4a7c15ull;
      h ^= h >> 29;
    }
    i += m;
  }
  for (; i + 16 <= n; i += 16) {
    uint64_t w2;
    memcpy(&w, p + i, 8);
    memcpy(&w2, p + i + 8, 8);
    h = ((h ^ w) * 0x9e3779b97f4a7c15ull ^ w2) * 0xff51afd7ed558ccdull;
    h ^= h >> 29;
  }
  if (i + 8 <= n) {
    memcpy(&w, p + i, 8);
    h = (h ^ w) * 0x9e3779b97f4a7c15ull;
    h ^= h >> 29;
    i += 8;
  }
  for (; i < n; i++)
    h = (h ^ (unsigned char)p[i]) * 0x100000001b3ull;
  h ^= h >> 32;
  return h | 1u;
}

/* kempt__chrome_seq(t, n), two words a step. */
static inline uint64_t words_key(const struct chrome_tok *t, size_t n) {
  uint64_t h = CHROME_SEQ_INIT;
  size_t i = 0;
  for (; i + 2 <= n; i += 2)
    h = kempt__chrome_seq_step(kempt__chrome_seq_step(h, t[i].h), t[i + 1].h);
  if (i < n)
    h = kempt__chrome_seq_step(h, t[i].h);
  return h;
}

/* ---- one pass over a line ------------------------------------------- */

/* Lines with more words than this never match a phrase rule as a whole
 * (HAS_WORDS, PREFIX_WORDS, LIST_PREFIX_WORDS and the limits of bylines,
 * comment headers and date lines are at most this). */
#define LONG_LINE 15

/* Whether the first words of t[0..nt) may open a photo's caption ("In
 * this photo", "FILE PHOTO:"): the quick filters only. */
static bool starts_caption(const struct chrome_rules *r,
                           const struct chrome_tok *t, size_t nt) {
  if (!kempt__chrome_may_start(r, CK_CAPTION, t[0].h))
    return false;
  uint64_t h = CHROME_SEQ_INIT;
  for (size_t k = 0; k < nt && k < r->maxtok[CK_CAPTION]; k++) {
    h = kempt__chrome_seq_step(h, t[k].h);
    if (kempt__chrome_may_key(r, h, CK_CAPTION))
      return true;
  }
  return false;
}

/* Whether an "@handle:" follows offset i of p[0..n) (after spaces): the
 * label of an embedded post ("Twitter post by @jane_doe: ..."). */
static bool handle_colon(const char *p, size_t n, size_t i) {
  while (i < n && p[i] == ' ')
    i++;
  if (i + 2 >= n || p[i] != '@')
    return false;
  size_t s = ++i;
  while (i < n && (is_lower_ascii(p[i] | 0x20) || (unsigned)(p[i] - '0') < 10 ||
                   p[i] == '_' || p[i] == '.'))
    i++;
  return i > s && i < n && p[i] == ':';
}

/* An embedded post's label and text on one line, of any length: a prefix
 * rule's first word, then within EMBED_AT words "@handle:". */
static bool embed_may(const struct chrome_rules *r, const char *p, size_t n,
                      const struct chrome_tok *t, size_t nt) {
  if (nt <= EMBED_AT || !kempt__chrome_may_start(r, CK_PREFIX, t[0].h))
    return false; /* (the filter first: it fails on most lines) */
  size_t k = 1;
  while (k <= EMBED_AT && p[t[k].start - 1] != '@')
    k++;
  return k <= EMBED_AT && handle_colon(p, n, t[k - 1].end);
}

/* Whether the phrase rules need the words of a line with total (> LONG_LINE)
 * tokens again, once the language is known; else its has and soft phrases
 * are all it can match (their languages go in soft_langs). */
static bool needs_rules(const struct chrome_rules *r,
                        const struct chrome_unit *u, const char *p,
                        const struct chrome_tok *t, size_t nt, size_t total) {
  if (nt == total && (total <= r->maxtok[CK_LINE] ||
                      total <= r->maxtok[CK_LIST] ||
                      total <= r->maxtok[CK_CUT]))
    return true;
  if (total <= PREFIXSEP_WORDS &&
      (kempt__chrome_may_start(r, CK_PREFIX, t[0].h) ||
       kempt__chrome_may_start(r, CK_PREFIXSEP, t[0].h)))
    return true;
  if (embed_may(r, p, u->len, t, nt))
    return true;
  if (u->words <= CAPTION_OPEN_WORDS && starts_caption(r, t, nt))
    return true;
  if (u->words <= BIO_WORDS && nt >= 4 && t[0].upper) { /* see is_bio */
    size_t to = BIO_NAME;
    for (size_t c = 1; c < nt && c <= to; c++) {
      if (kempt__chrome_may_start(r, CK_COPULA, t[c].h))
        return true;
      if (to == BIO_NAME && p[t[c].start - 1] == '(')
        to += BIO_ASIDE;
    }
  }
  return false;
}

/* The words of t[0..nt) (at most 64) that may start a has or soft
 * phrase: bit i for t[i]. */
static uint64_t hs_words(const struct chrome_rules *r,
                         const struct chrome_tok *t, size_t nt) {
  uint64_t hs = 0;
  for (size_t i = 0; i < nt; i++)
    hs |= (uint64_t)kempt__chrome_may_start_hs(r, t[i].h) << i;
  return hs;
}

/* Fill e with what the has and soft rules r make of the word of hash wh
 * as the first of a phrase (hs_word, when it is not in the cache). */
static NOINLINE void hs_fill(struct chrome_hs_word *e,
                             const struct chrome_rules *r, uint64_t wh) {
  uint64_t h = kempt__chrome_seq_step(CHROME_SEQ_INIT, wh);
  e->h = wh;
  e->flags = HSW_SET;
  e->has = e->soft = 0;
  if (kempt__chrome_may_start(r, CK_HAS, wh)) {
    e->flags |= HSW_HAS;
    if (kempt__chrome_may_key(r, h, CK_HAS))
      e->has = (uint16_t)kempt__chrome_rules_langs(r, h, CK_HAS);
  }
  if (kempt__chrome_may_start(r, CK_SOFT, wh)) {
    e->flags |= HSW_SOFT;
    if (kempt__chrome_may_key(r, h, CK_SOFT))
      e->soft = (uint16_t)kempt__chrome_rules_langs(r, h, CK_SOFT);
  }
  if (kempt__chrome_may_extend(r, h))
    e->flags |= HSW_EXTEND;
}

/* What the has and soft rules r make of the word of hash wh as the first
 * of a phrase: from the cache (CHROME_HSW_SLOTS entries, or NULL: in
 * *own). */
static inline const struct chrome_hs_word *
hs_word(struct chrome_hs_word *cache, const struct chrome_rules *r,
        uint64_t wh, struct chrome_hs_word *own) {
  if (!cache) {
    hs_fill(own, r, wh);
    return own;
  }
  struct chrome_hs_word *e =
      &cache[(size_t)(wh >> 40) & (CHROME_HSW_SLOTS - 1)];
  if (e->h != wh || !e->flags)
    hs_fill(e, r, wh); /* (most words: found) */
  return e;
}

/* soft_langs of the has phrases of three and four words from t[i] on, h
 * the hash of its first two (which a longer phrase may start with). Out
 * of line: few pairs of words start one. */
static NOINLINE uint32_t soft_langs_more(const struct chrome_rules *r,
                                         const char *p,
                                         const struct chrome_tok *t,
                                         size_t nt, size_t i, uint64_t h,
                                         bool has) {
  uint32_t langs = 0;
  for (size_t k = 3; k <= 4 && i + k <= nt; k++) {
    if (kempt__chrome_sent_gap(p, &t[i + k - 2], &t[i + k - 1]))
      break; /* (a phrase is read within a sentence) */
    h = kempt__chrome_seq_step(h, t[i + k - 1].h);
    if (has && kempt__chrome_may_key(r, h, CK_HAS))
      langs |= kempt__chrome_rules_langs(r, h, CK_HAS);
    if (!kempt__chrome_may_extend(r, h))
      break; /* no longer phrase starts with these words */
  }
  return langs;
}

/* The languages of the has and soft phrases in t[0..nt), as match_has
 * looks for them (a first word's one-word phrases through hs_word). */
static uint32_t soft_langs(const struct chrome_rules *r,
                           struct chrome_hs_word *cache, const char *p,
                           const struct chrome_tok *t, size_t nt,
                           uint64_t hs) {
  uint32_t langs = 0;
  for (; hs; hs &= hs - 1) { /* the words that pass the first filter */
    size_t i = kempt__chrome_ctz(hs);
    struct chrome_hs_word own;
    const struct chrome_hs_word *w = hs_word(cache, r, t[i].h, &own);
    bool has = w->flags & HSW_HAS, soft = w->flags & HSW_SOFT;
    if (!has && !soft)
      continue;
    langs |= w->has | w->soft; /* (k = 1) */
    if (!(w->flags & HSW_EXTEND) || i + 2 > nt ||
        !kempt__chrome_may_second_hs(r, t[i + 1].h))
      continue; /* no longer phrase starts with the word (and the next) */
    /* k = 2 here (soft phrases have two words at most), longer ones
     * there; a phrase is read within a sentence */
    if (kempt__chrome_sent_gap(p, &t[i], &t[i + 1]))
      continue;
    uint64_t h = kempt__chrome_seq_step(
        kempt__chrome_seq_step(CHROME_SEQ_INIT, t[i].h), t[i + 1].h);
    if (has && kempt__chrome_may_key(r, h, CK_HAS))
      langs |= kempt__chrome_rules_langs(r, h, CK_HAS);
    if (soft && kempt__chrome_may_key(r, h, CK_SOFT))
      langs |= kempt__chrome_rules_langs(r, h, CK_SOFT);
    if (kempt__chrome_may_extend(r, h))
      langs |= soft_langs_more(r, p, t, nt, i, h, has);
  }
  return langs;
}

/* Whether the first word of t[0..n) (a token with a letter) is
 * capitalised; *found: there is one. */
static bool first_upper(const struct chrome_tok *t, size_t n, size_t *found) {
  for (size_t i = 0; i < n; i++)
    if (t[i].alpha) {
      *found = 1;
      return t[i].upper;
    }
  return false;
}

/* Tokenize a line from lead (after its indentation): its first words in t
 * (returns how many), all of them counted in *lx->count, *total tokens in
 * all; the character features in *lx. */
/* lex_line past its first CHROME_MAXTOK tokens (words found: 0 when none
 * of them was a word), from pos: returns how many more tokens came. Out
 * of line: few lines have so many. */
static NOINLINE size_t lex_line_rest(const char *p, size_t n, size_t pos,
                                     size_t words, struct chrome_lex *lx) {
  struct chrome_tok more[CHROME_MAXTOK];
  size_t k = CHROME_MAXTOK, total = 0;
  while (k == CHROME_MAXTOK && !words) { /* (no word yet: cap1 needs it) */
    k = kempt__chrome_lex(p, n, &pos, more, CHROME_MAXTOK, lx);
    total += k;
    lx->count->cap1 = first_upper(more, k, &words);
  }
  if (k != CHROME_MAXTOK)
    return total;
  /* the rest: only its counts. A line of another script than Latin (one
   * byte in 8 or more of its first words a continuation byte) is read
   * word by word; else its words are counted by their starts, and their
   * function words are taken to come as often as in the words read */
  struct chrome_count *c = lx->count;
  if ((size_t)lx->conts * 8 > pos)
    return total + kempt__chrome_lex_count(p, n, &pos, lx);
  uint32_t w, up, wh = c->words; /* (wh > 0: a word came) */
  total += kempt__chrome_lex_tail(p, n, pos, lx, &w, &up);
  c->stop += (uint32_t)(((uint64_t)c->stop * w + wh / 2) / wh);
  for (uint32_t m = c->langs; m; m &= m - 1) {
    unsigned l = kempt__chrome_ctz(m) + 1;
    c->hits[l] += (uint32_t)(((uint64_t)c->hits[l] * w + wh / 2) / wh);
  }
  c->words += w;
  c->upper += up;
  return total;
}

static size_t lex_line(chrome_lex_fn lex, const char *p, size_t n,
                       size_t lead, struct chrome_tok *t, size_t *total,
                       uint64_t *hs, struct chrome_lex *lx) {
  size_t pos = lead, nt = lex(p, n, &pos, t, CHROME_MAXTOK, lx);
  size_t words = 0;
  *total = nt;
  *hs = lx->count->hs;
  if (nt && t[0].alpha) { /* (most lines: a word first) */
    words = 1;
    lx->count->cap1 = t[0].upper;
  } else {
    lx->count->cap1 = first_upper(t, nt, &words);
  }
  if (nt == CHROME_MAXTOK)
    *total += lex_line_rest(p, n, pos, words, lx);
  return nt;
}

/* Add a line's word counts to it and to the window's language evidence
 * (and its hits to the scan memo's slot e, when not NULL: see
 * scan_note); leaves wc->hits all zero (only languages in wc->langs have
 * hits). Returns false when a language's hits do not fit in the memo's
 * byte (a long line's: then slot e must not be used). */
static bool add_counts(struct chrome_doc *d, struct chrome_unit *u,
                       struct chrome_count *wc, struct chrome_scan_memo *e) {
  uint32_t best = 0;
  for (uint32_t m = wc->langs; m; m &= m - 1) {
    unsigned l = kempt__chrome_ctz(m) + 1;
    uint32_t hits = wc->hits[l];
    if (e)
      e->hits[l] = (uint8_t)hits;
    d->lang.hits[l] += hits;
    best = hits > best ? hits : best;
    wc->hits[l] = 0; /* (the next line's count starts from zero) */
  }
  d->lang.stop += wc->stop;
  d->lang.words += wc->words;
  if (wc->words <= UINT16_MAX) { /* (most lines: stop and upper count */
    u->words = (uint16_t)wc->words; /* some of its words) */
    u->stop = (uint16_t)best;
    u->upper = (uint16_t)wc->upper;
  } else {
    u->words = clamp16(wc->words);
    u->stop = clamp16(best);
    u->upper = clamp16(wc->upper);
  }
  u->cap1 = wc->cap1;
  return best <= UINT8_MAX;
}

/* Keep the words t[0..nt) of a short line for its phrase rules (or mark
 * it to be tokenized again: the store is full, or growing it failed). The
 * store holds 1024 * 4^k words, up to the cap (one of them). */
_Static_assert(CHROME_TOK_CAP == 1024u << 8, "the cap is 1024 * 4^4");
static void keep_words(struct chrome_doc *d, const struct kempt_allocator *a,
                       struct chrome_unit *u, const struct chrome_tok *t,
                       size_t nt) {
  if (t == d->toks + d->ntoks) { /* read in place (room_for_words: there
                                    is room up to captoks <= the cap) */
    u->tok = (uint32_t)d->ntoks;
    d->ntoks += nt;
    return;
  }
  u->tok = CHROME_NO_TOK;
  if (d->ntoks + nt > CHROME_TOK_CAP)
    return;
  if (d->ntoks + nt > d->captoks) {
    size_t cap = d->captoks ? d->captoks * 4 : 1024; /* (see above) */
    while (cap < d->ntoks + nt)
      cap *= 4;
    struct chrome_tok *m = kempt__realloc(a, d->toks, cap * sizeof *m);
    if (!m)
      return;
    d->toks = m;
    d->captoks = cap;
  }
  memcpy(d->toks + d->ntoks, t, nt * sizeof *t);
  u->tok = (uint32_t)d->ntoks;
  d->ntoks += nt;
}

/* Whether the word store has room for a line's first words after the
 * kept ones (grown if need be), so that the tokenizer writes them there
 * and keep_words need not copy them. */
static bool room_for_words(struct chrome_doc *d,
                           const struct kempt_allocator *a) {
  size_t need = d->ntoks + CHROME_MAXTOK;
  if (need <= d->captoks)
    return true;
  if (need > CHROME_TOK_CAP)
    return false; /* (keep_words decides, as it did) */
  size_t cap = d->captoks ? d->captoks * 4 : 1024; /* (as keep_words) */
  while (cap < need)
    cap *= 4;
  struct chrome_tok *m = kempt__realloc(a, d->toks, cap * sizeof *m);
  if (!m)
    return false;
  d->toks = m;
  d->captoks = cap;
  return true;
}

/* Spaces and tabs at the start of p[0..n), 8 spaces at a time. */
static size_t indentation(const char *p, size_t n) {
  size_t lead = 0;
  uint64_t x;
  for (; lead + 8 <= n; lead += 8) {
    memcpy(&x, p + lead, 8);
    if (x != 0x2020202020202020ull)
      break;
  }
  while (lead < n && (p[lead] == ' ' || p[lead] == '\t'))
    lead++;
  return lead;
}

/* indentation of a held line: p[n] is '\n' (neither a space nor a tab)
 * and CHROME_LEX_PAD - 1 bytes after it can be read, so its spaces are
 * skipped 8 bytes at a time without a bound (tabs one at a time). */
static inline size_t held_indentation(const char *p) {
  if (p[0] != ' ' && p[0] != '\t')
    return 0; /* (most lines) */
  size_t lead = 0;
  for (;; lead += 8) {
    uint64_t x;
    memcpy(&x, p + lead, 8);
    x ^= 0x2020202020202020ull;
    if (x) {
      lead += kempt__chrome_ctz(x) / 8; /* the first byte not a space */
      break;
    }
  }
  while (p[lead] == ' ' || p[lead] == '\t')
    lead++;
  return lead;
}

/* Hash of a line's bytes p[0..n) (a held line: 8 bytes from p[i], i < n,
 * can be read): of its length and its first, middle and last 8 bytes
 * only (lines that share them are told apart by their bytes when one is
 * found). */
static inline uint64_t short_hash(const char *p, size_t n) {
  uint64_t a, b, c;
  memcpy(&a, p, 8);
  if (n < 8) {
    a &= (1ull << (8 * n)) - 1; /* (the bytes past p[n - 1] left out) */
    b = c = 0;
  } else {
    memcpy(&b, p + n / 2 - 4, 8);
    memcpy(&c, p + n - 8, 8);
  }
  uint64_t h = (a ^ n) * 0x9e3779b97f4a7c15ull ^
               b * 0xff51afd7ed558ccdull ^ c * 0xc2b2ae3d27d4eb4full;
  return h ^ h >> 29;
}

/* Whether the line u (p[0..n), hash h, slot e of the scan memo) is
 * one found before in the window: then it takes that line's features and
 * words (the same of the same bytes; its tokens are shared), and its
 * counts go to the window's language evidence again. */
static bool scan_copy(struct chrome_doc *d, struct chrome_unit *u,
                      size_t ui, const struct chrome_scan_memo *e,
                      uint64_t h, const char *p, size_t n) {
  if (e->h != h || e->gen != d->gen || e->unit >= ui)
    return false; /* (ui: u's index) */
  const struct chrome_unit *v = &d->units[e->unit];
  if (v->len != n || memcmp(d->text.data + v->off, p, n) != 0)
    return false;
  uint32_t off = u->off, len = u->len, blk = u->blk;
  *u = *v; /* (its fields past the scan's are still as add_units left them) */
  u->off = off;
  u->len = len;
  u->blk = blk;
  d->nwiki += u->wiki != 0;
  for (uint32_t m = e->langs; m; m &= m - 1) {
    unsigned l = kempt__chrome_ctz(m) + 1;
    d->lang.hits[l] += e->hits[l];
  }
  d->lang.stop += e->stop;
  d->lang.words += e->words;
  return true;
}

/* Note the line u (hash h) in slot e of the scan memo, with its
 * counts wc (before add_counts, which notes its hits there: one loop over
 * them). */
static void scan_note(const struct chrome_doc *d, size_t ui,
                      struct chrome_scan_memo *e, uint64_t h,
                      const struct chrome_count *wc) {
  e->h = h;
  e->gen = d->gen;
  e->unit = (uint32_t)ui;
  e->words = wc->words;
  e->stop = wc->stop;
  e->langs = (uint16_t)wc->langs;
}

void kempt__chrome_scan_line(struct chrome_doc *d,
                             const struct chrome_rules *r,
                             const struct kempt_allocator *a,
                             struct chrome_unit *u, const char *p, size_t n) {
  struct chrome_scan_memo *e = NULL;
  uint64_t sh = 0;
  size_t ui = 0; /* u's index */
  if (d->scan) { /* a line found before? (long ones too: a teaser's text,
                    a caption, each paragraph of a page that holds its
                    article twice) */
    sh = short_hash(p, n);
    e = &d->scan[(size_t)(sh >> d->scan_shift)];
    ui = d->nunits - 1; /* (u is the last unit) */
    if (scan_copy(d, u, ui, e, sh, p, n))
      return;
  }
  struct chrome_tok own[CHROME_MAXTOK];
  struct chrome_tok *t = room_for_words(d, a) ? d->toks + d->ntoks : own;
  /* the counts live in d: their hits are left zero by add_counts, so that
   * only the other fields are cleared here (hs and cap1 are set by
   * lex_line; sw and rules once, by the handle) */
  struct chrome_count *wc = &d->wc;
  wc->words = wc->upper = wc->stop = wc->langs = 0;
  struct chrome_lex *lx = &d->lx; /* (its cache and count set once) */
  lx->conts = lx->seps = 0;
  lx->bracket = lx->dots3 = lx->ext_dot = false;
  size_t lead = held_indentation(p);
  uint64_t hs;
  size_t total, nt = lex_line(n <= CHROME_MAXTOK ? d->lex_short : d->lex,
                              p, n, lead, t, &total, &hs, lx);
  if (e)
    scan_note(d, ui, e, sh, wc);
  if (!add_counts(d, u, wc, e) && e)
    e->gen = 0; /* (its hits do not fit: the slot is left empty) */
  u->chars = (uint32_t)(n - lx->conts);
  u->seps = clamp16(lx->seps);
  u->dots3 = lx->dots3;
  u->ext_dot = lx->ext_dot;
  u->bullet = is_bullet(p + lead, n - lead);
  unsigned char last = n ? (unsigned char)p[n - 1] : 0;
  if ((unsigned)((last | 0x20) - 'a') < 26 || (unsigned)(last - '0') < 10) {
    u->tlen = (uint32_t)n; /* (most lines: no closer, no punctuation) */
    u->term = TERM_NONE;
  } else if (last == '.') {
    u->tlen = (uint32_t)n;
    u->term = n >= 3 && p[n - 2] == '.' && p[n - 3] == '.' ? TERM_ELLIPSIS
              : thai_oclock(p, n)                          ? TERM_NONE
                                                            : TERM_SENT;
  } else {
    u->tlen = (uint32_t)strip_closers(p, n);
    u->term = terminal(p, u->tlen);
  }
  u->widget = false;
  if (lx->bracket) {
    scan_brackets(u, p, n);
    d->nwiki += u->wiki != 0;
  }
  u->ntok = (uint16_t)(total > CHROME_MAXTOK ? CHROME_MAXTOK + 1 : total);
  if (nt == 0)
    return;
  u->key = nt < total ? line_hash(p, n) : words_key(t, nt);
  u->retok = total <= LONG_LINE || needs_rules(r, u, p, t, nt, total);
  u->hs = hs;
  if (u->retok) {
    keep_words(d, a, u, t, nt);
  } else {
    u->soft_langs = soft_langs(r, d->hsw, p, t, nt, hs);
    /* its words were read in place: kept, they need not be read again
     * (the lead lines under a title); in a long window, only those of
     * its first lines (the store stays small, and mostly for the words of
     * the short lines) */
    if (t == d->toks + d->ntoks && d->ntoks + nt <= CHROME_TOK_CAP / 8) {
      u->tok = (uint32_t)d->ntoks;
      u->long_tok = true;
      d->ntoks += nt;
    }
  }
}

/* ---- phrase rules ----------------------------------------------------- */

static bool no_end(const struct chrome_unit *u);

struct matcher {
  const struct chrome_rules *rules;
  uint32_t langs; /* rule languages that apply (bit 0: all) */
  /* Whole-line phrases and prefixes before a separator of any language:
   * "Anzeige" or "Leer más: ..." is chrome on an English page too (a
   * page's template and its text need not share a language), and a
   * short line that is nothing but such a phrase is rarely text. */
  uint32_t any;
  const struct matcher *as_any; /* this one with langs any (made once) */
  struct chrome_hs_word *hsw; /* hs_word's cache, or NULL */
};

/* The rule of kind and word sequence hash h (in the matcher's
 * languages), or NULL. */
static const struct chrome_rule *find_key(const struct matcher *m,
                                          uint64_t h, int kind) {
  if (!kempt__chrome_may_key(m->rules, h, kind))
    return NULL;
  return kempt__chrome_rules_find(m->rules, h, kind, m->langs);
}

/* find_rule past its quick filters (out of line: most words fail them). */
static NOINLINE const struct chrome_rule *
find_rule_rest(const struct matcher *m, const struct chrome_tok *t, size_t n,
               int kind) {
  return find_key(m, kempt__chrome_seq(t, n), kind);
}

/* The rule of kind over words t[0..n), or NULL: first the quick filters
 * on its length and first word. */
static inline const struct chrome_rule *find_rule(const struct matcher *m,
                                                  const struct chrome_tok *t,
                                                  size_t n, int kind) {
  if (n > m->rules->maxtok[kind] ||
      !kempt__chrome_may_start(m->rules, kind, t[0].h))
    return NULL;
  return find_rule_rest(m, t, n, kind);
}

/* find_rule over the first k words, whose hash is pre[k - 1]. */
static const struct chrome_rule *find_pre(const struct matcher *m,
                                          const uint64_t *pre, size_t k,
                                          int kind) {
  if (k > m->rules->maxtok[kind])
    return NULL;
  return find_key(m, pre[k - 1], kind);
}

/* Whether a separator (: | > - and the like, the full-width colon and
 * bar of CJK text, Armenian's and Ethiopic's colons) follows offset i. */
static bool sep_follows(const char *p, size_t n, size_t i) {
  while (i < n && (p[i] == ' ' || p[i] == '\t'))
    i++;
  if (i == n)
    return false;
  if (p[i] == ':' || p[i] == '|' || p[i] == '>' || p[i] == '-')
    return true;
  return has_prefix(p + i, n - i, "\xc2\xbb") ||
         has_prefix(p + i, n - i, "\xe2\x80\xba") ||
         has_prefix(p + i, n - i, "\xe2\x80\x93") ||
         has_prefix(p + i, n - i, "\xe2\x80\x94") ||
         has_prefix(p + i, n - i, "\xef\xbc\x9a") ||
         has_prefix(p + i, n - i, "\xef\xbd\x9c") ||
         has_prefix(p + i, n - i, "\xd5\x9d") || /* Armenian, Ethiopic */
         has_prefix(p + i, n - i, "\xe1\x8d\xa6");
}

static void set_hit(struct chrome_unit *u, const struct chrome_rule *r) {
  if (r && !u->rule) {
    u->rule = kempt__chrome_rule_name(r->name);
    u->hit = r->kind;
  }
}

/* A line in parentheses: "(Reporting by ...; Editing by ...)". */
static bool in_parens(const char *p, size_t n) {
  size_t i = 0;
  while (i < n && kempt__is_space((unsigned char)p[i]))
    i++;
  while (n > i && kempt__is_space((unsigned char)p[n - 1]))
    n--;
  return n > i + 1 && p[i] == '(' && (p[n - 1] == ')' || p[n - 2] == ')');
}

/* The hashes of a line's first words, made when a rule needs them (most
 * lines fail the quick filters first): v[k - 1] is the hash of the first
 * k words (k <= 8). */
struct prefixes {
  uint64_t v[8];
  bool done;
};

static const uint64_t *prefixes(struct prefixes *pf,
                                const struct chrome_tok *t, size_t nt) {
  if (!pf->done) {
    uint64_t h = CHROME_SEQ_INIT;
    for (size_t k = 0; k < nt && k < 8; k++)
      pf->v[k] = h = kempt__chrome_seq_step(h, t[k].h);
    pf->done = true;
  }
  return pf->v;
}

/* Prefixes: pre[k - 1] is the hash of the first k words (k <= 8). */
static void match_prefix(struct chrome_unit *u, const struct matcher *m,
                         const char *p, const struct chrome_tok *t,
                         struct prefixes *pf, size_t nt, size_t total) {
  unsigned kinds = kempt__chrome_may_start_kinds(m->rules, t[0].h);
  /* (a kind whose rules cannot start with t[0] finds nothing) */
  bool sep = (kinds >> CK_PREFIXSEP) & 1u && total <= PREFIXSEP_WORDS;
  bool pfx = (kinds >> CK_PREFIX) & 1u;
  if (!pfx && !sep)
    return;
  const uint64_t *pre = prefixes(pf, t, nt);
  /* (the look-ups first: they fail on most lines; in_parens once) */
  bool plain = total <= PREFIX_WORDS && u->term != TERM_SENT;
  int parens = -1; /* in_parens, once it is needed */
  for (size_t k = nt < 8 ? nt : 8; k >= 1 && !u->rule; k--) {
    if (k == total)
      continue;
    if (sep) {
      const struct chrome_rule *r =
          find_pre(m->as_any, pre, k, CK_PREFIXSEP);
      if (r && sep_follows(p, u->len, t[k - 1].end))
        set_hit(u, r);
    }
    if (!pfx)
      continue;
    if (!plain && total <= PREFIXSEP_WORDS && parens < 0)
      parens = in_parens(p, u->len);
    if (plain || (total <= PREFIXSEP_WORDS && parens == 1))
      set_hit(u, find_pre(m, pre, k, CK_PREFIX));
    else if (t[k - 1].end + 2 < u->len && p[t[k - 1].end + 1] == '@' &&
             handle_colon(p, u->len, t[k - 1].end) &&
             find_pre(m, pre, k, CK_PREFIX)) {
      u->rule = R_EMBED; /* (a post's text costs no more than a caption) */
      u->hit = CK_PREFIX;
    }
  }
}

#define HAS_UNSPACED_CHARS 45 /* code points of a line of a script without
                                 spaces that a has phrase removes, at most */

/* Whether the line p (unit u) is a long one of a script that runs its
 * words together (Han, kana, Thai, Lao, Khmer, Myanmar): its few words
 * (runs between punctuation or spaces) are clauses, and a paragraph that
 * quotes a chrome phrase ("... 如有侵权请联系删除 ...") is no chrome. */
static bool long_unspaced(const struct chrome_unit *u, const char *p) {
  if (u->chars <= HAS_UNSPACED_CHARS)
    return false;
  const unsigned char *s = (const unsigned char *)p;
  return (s[0] >= 0xE3 && s[0] <= 0xE9) ||
         (s[0] == 0xE0 && s[1] >= 0xB8 && s[1] <= 0xBB) ||
         (s[0] == 0xE1 && (s[1] <= 0x81 || s[1] == 0x9E || s[1] == 0x9F));
}

/* "has" phrases: any 1..8 words of a short line (in a longer one they
 * only count against it, as "soft" words do). */
static void match_has(struct chrome_unit *u, const struct matcher *m,
                      const char *p, const struct chrome_tok *t, size_t nt,
                      size_t total, uint64_t hs) {
  const struct chrome_rules *rs = m->rules;
  for (; hs; hs &= hs - 1) { /* the words that pass the first filter */
    size_t i = kempt__chrome_ctz(hs);
    struct chrome_hs_word own; /* (k = 1: from hs_word) */
    const struct chrome_hs_word *w = hs_word(m->hsw, rs, t[i].h, &own);
    bool has = w->flags & HSW_HAS;
    bool soft = w->flags & HSW_SOFT;
    uint64_t h = CHROME_SEQ_INIT;
    for (size_t k = 1; (has || soft) && k <= HAS_MAX_TOK && i + k <= nt;
         k++) {
      if (k > 1 && kempt__chrome_sent_gap(p, &t[i + k - 2], &t[i + k - 1]))
        break; /* (a phrase is read within a sentence) */
      h = kempt__chrome_seq_step(h, t[i + k - 1].h);
      const struct chrome_rule *r = NULL;
      if (has && k <= rs->maxtok[CK_HAS] && (k > 1 || (w->has & m->langs)))
        r = find_key(m, h, CK_HAS);
      if (r && total <= HAS_WORDS && !long_unspaced(u, p)) {
        set_hit(u, r);
        return;
      }
      if (r || (!u->soft_has && k <= 2 && soft &&
                k <= rs->maxtok[CK_SOFT] &&
                (k > 1 ? find_key(m, h, CK_SOFT) != NULL
                       : (w->soft & m->langs) != 0)))
        u->soft_has = true;
      if (k > 1 ? !kempt__chrome_may_extend(rs, h)
                : !(w->flags & HSW_EXTEND) ||
                      (i + 1 < nt &&
                       !kempt__chrome_may_second_hs(rs, t[i + 1].h)))
        break; /* no longer phrase starts with these words (and the next) */
    }
  }
}

/* Whether p[0..n) ends with "a.m." or "p.m." (a byline's time). */
static bool ends_ampm(const char *p, size_t n) {
  return n >= 4 && p[n - 3] == '.' &&
         (p[n - 2] | 0x20) == 'm' && p[n - 1] == '.' &&
         ((p[n - 4] | 0x20) == 'a' || (p[n - 4] | 0x20) == 'p');
}

/* "By Jane Doe" - or longer, with her place, paper or the time of the
 * story after the name: "By Jane Doe | The Paper", "By Jane Doe, John
 * Roe on Monday, May 4th, 2020 at 9:05 a.m.": few function words, and a
 * number or a separator after the name. */
static bool is_byline(const struct chrome_unit *u, const struct matcher *m,
                      const char *p, const struct chrome_tok *t, size_t nt) {
  if (nt >= 2 && nt <= 3 && nt == u->ntok && u->term == TERM_NONE &&
      (unsigned char)p[t[0].start] >= 0xD6 && /* a script without case */
      find_rule(m, t + nt - 1, 1, CK_BYLINE))
    return true; /* the name, then the word ("김민수 기자") */
  if (nt < 2 ||
      !(t[1].upper || (nt <= 4 && (unsigned char)p[t[1].start] >= 0xD6)))
    return false; /* (a name of a script without case: "מאת דנה לוי") */
  if (nt > 8) {
    if (nt > BYLINE_WORDS || nt < u->ntok || !t[2].upper ||
        4u * u->stop > u->words + 4u || (u->ntok == u->words && !u->seps) ||
        (u->term == TERM_SENT && !ends_ampm(p, u->tlen)))
      return false;
  } else if (u->term == TERM_SENT) {
    return false;
  }
  return find_rule(m, t, 1, CK_BYLINE) != NULL;
}

/* A number token of four digits that reads as a year (19xx, 20xx). */
static bool is_year(const char *p, const struct chrome_tok *t) {
  return !t->alpha && t->end - t->start == 4 &&
         (has_prefix(p + t->start, 2, "19") ||
          has_prefix(p + t->start, 2, "20"));
}

/* A span of dates, a month or day name before a spaced dash and a year
 * after it ("12 March - 30 August 2026", "June 4, 1938 - April 9,
 * 2026"): an event's or a life's dates, no page's date ("March 3, 2026 -
 * 10:45 AM" is one). */
static bool date_span(const struct matcher *m, const char *p,
                      const struct chrome_tok *t, size_t nt) {
  size_t k = 1;
  for (; k < nt; k++) { /* the dash between t[k - 1] and t[k] */
    const char *q = p + t[k - 1].end, *e = p + t[k].start;
    if (e - q >= 3 && q[0] == ' ' && e[-1] == ' ' &&
        ((e - q == 3 && q[1] == '-') ||
         (e - q == 5 && has_prefix(q + 1, 3, "\xe2\x80\x93"))))
      break;
  }
  if (k >= nt)
    return false;
  bool before = false, year = false;
  for (size_t i = 0; i < k && !before; i++)
    before = t[i].alpha && find_rule(m, t + i, 1, CK_DATE);
  for (size_t i = k; i < nt && !year; i++)
    year = is_year(p, &t[i]);
  return before && year;
}

#define RELATIVE_LEAD 2 /* words before a relative date's first number */

/* The hour that token t is ("10", "9.30", "17:00", "10h"), or -1. */
static int hour_of(const char *p, const struct chrome_tok *t) {
  const char *q = p + t->start, *e = p + t->end;
  int h = 0, digits = 0;
  for (; q < e && (unsigned)(*q - '0') < 10 && digits < 3; q++, digits++)
    h = h * 10 + (*q - '0');
  if (digits == 0 || digits > 2 || h > 24)
    return -1;
  if (q < e && (*q == ':' || *q == '.' || *q == 'h'))
    for (q++; q < e && (unsigned)(*q - '0') < 10; q++)
      ;
  return q == e ? h : -1;
}

/* Between tokens a and b = a + 1 or a + 2: a dash, or one short word in
 * lower case that is no date word ("to", "bis", "à", "до"). */
static bool range_joint(const struct matcher *m, const char *p,
                        const struct chrome_tok *t, size_t a, size_t b) {
  if (b == a + 1) {
    const char *q = p + t[a].end, *e = p + t[b].start;
    for (; q < e; q++)
      if (*q == '-' || has_prefix(q, (size_t)(e - q), "\xe2\x80\x93"))
        return true;
    return false;
  }
  const struct chrome_tok *w = &t[a + 1];
  return w->alpha && !w->upper && w->end - w->start <= 6 &&
         !find_rule(m, w, 1, CK_DATE);
}

/* The hour at token *i (see hour_of), with its minutes when they are a
 * token of their own ("10" ":" "00"): *i goes past them; or -1. */
static int hour_at(const char *p, const struct chrome_tok *t, size_t nt,
                   size_t *i) {
  int h = hour_of(p, &t[*i]);
  size_t k = *i + 1;
  if (h >= 0 && k < nt && t[k].start == t[*i].end + 1 &&
      (p[t[*i].end] == ':' || p[t[*i].end] == '.') && !t[k].alpha &&
      t[k].end - t[k].start == 2)
    *i = k; /* (its minutes) */
  return h;
}

/* The tokens of the days that a row of opening hours opens with: day
 * words, each after the one before or joined to it as range_joint joins
 * hours ("Montag - Freitag", "Monday to Friday"); 0 when there is none. */
static size_t hours_days(const struct matcher *m, const char *p,
                         const struct chrome_tok *t, size_t nt) {
  size_t i = 0;
  while (i < nt && t[i].alpha && find_rule(m, t + i, 1, CK_DATE)) {
    i++;
    if (i + 1 < nt && t[i + 1].alpha && find_rule(m, t + i + 1, 1, CK_DATE) &&
        range_joint(m, p, t, i - 1, i + 1))
      i++; /* (the joint's word: "to", "bis") */
  }
  return i;
}

/* A row of opening hours: day words, then a range of hours, then a word
 * at most ("Monday: 10 to 17", "Samedi 8 h - 12 h", "Montag - Freitag
 * 9-18 Uhr"): a fact, no date line. That word may be a date word of the
 * rules ("Uhr", "pm"): a day's name over a range of days of a month
 * ("Monday 10 to 17 May") is no way to write a date. */
static bool hours_row(const struct matcher *m, const char *p,
                      const struct chrome_tok *t, size_t nt) {
  size_t i = hours_days(m, p, t, nt);
  if (i == 0 || i >= nt)
    return false;
  int from = hour_at(p, t, nt, &i);
  if (from < 0 || i + 1 >= nt)
    return false;
  size_t j = i + 1;
  if (t[j].alpha)
    j++; /* (the joint's word) */
  size_t last = j;
  if (j >= nt || !range_joint(m, p, t, i, j) ||
      hour_at(p, t, nt, &last) <= from)
    return false;
  return nt <= last + 2 && (nt == last + 1 || t[last + 1].alpha);
  /* (a unit alone after it: "Uhr", "h") */
}

/* A relative date: a word or two, then numbers each with its unit in
 * lower case, then a date word ("Asked 2 years, 3 months ago", "Updated
 * 5 hours ago"; not "Eat between 12 and 2 pm": a number before it). */
static bool relative_date(const struct matcher *m, const char *p,
                          const struct chrome_tok *t, size_t nt) {
  size_t i = 0;
  while (i < nt && t[i].alpha)
    i++;
  if (i > RELATIVE_LEAD || nt < i + 3 || !t[nt - 1].alpha ||
      !find_rule(m, t + nt - 1, 1, CK_DATE))
    return false;
  for (; i + 1 < nt; i += 2) /* a number, then its unit */
    if (t[i].alpha || !t[i + 1].alpha ||
        !is_lower_ascii(p[t[i + 1].start]))
      return false;
  return i == nt - 1;
}

static bool is_date(const struct chrome_unit *u, const struct matcher *m,
                    const char *p, const struct chrome_tok *t, size_t nt) {
  bool num = false, word = false, year = false;
  size_t alpha = 0, other = 0;
  if (nt == 0 || nt > 12 || u->words > 8)
    return false;
  if (u->ntok == u->words) { /* no number: a CJK date ("28日") at most, on
                                a page of no language of the rules */
    for (size_t i = 0; i < nt && m->langs == ~0u && u->chars < u->len; i++)
      if ((unsigned)(p[t[i].start] - '0') < 10)
        return kempt__chrome_date_form(p, u, t, nt, m->rules, m->langs,
                                       false);
    return false;
  }
  if (relative_date(m, p, t, nt))
    return true;
  for (size_t i = 0; i < nt; i++) {
    num = num || !t[i].alpha;
    alpha += t[i].alpha;
    bool dw = t[i].alpha && find_rule(m, t + i, 1, CK_DATE);
    word = word || dw;
    other += t[i].alpha && !dw;
    if (other > DATE_OTHER_WORDS)
      return false; /* (whatever the rest) */
    year = year || is_year(p, &t[i]);
  }
  return ((num && (word || (alpha == 0 && year && nt <= 4))) ||
          kempt__chrome_date_form(p, u, t, nt, m->rules, m->langs, false)) &&
         !date_span(m, p, t, nt) && !kempt__chrome_label_range(p, t, nt) &&
         !kempt__chrome_until_label(m->rules, m->langs, p, t, nt);
}

#define ROW_CELLS 3 /* text cells beside a year span in a table's row */
#define ROW_SPANS 2 /* year spans with text beside them: a table */

/* A date line that is a span of years and nothing else ("1979-1983",
 * "2001 - 2004", "1979-83"). */
static bool year_span(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  if (u->rule != R_DATE || u->words || u->ntok != 2)
    return false;
  const char *p = d->text.data + u->off;
  const struct chrome_tok *t = d->toks + u->tok;
  return u->retok && u->tok != CHROME_NO_TOK && is_year(p, &t[0]) &&
         (is_year(p, &t[1]) || t[1].end - t[1].start == 2);
}

/* The cells after the year span at i: lines of words with no rule, at
 * most ROW_CELLS, up to the next year span or the end of the run;
 * returns how many (0: no row). */
static size_t row_cells(const struct chrome_doc *d, size_t i) {
  size_t k = 0;
  while (k < ROW_CELLS && i + 1 + k < d->nunits &&
         !d->units[i + 1 + k].rule && d->units[i + 1 + k].words)
    k++;
  return k;
}

/* Year spans in a run of rows with text beside them (a career table, a
 * list of office holders, a timeline) are the rows' content, no page's
 * date: ROW_SPANS of them at least keep their lines. */
static void keep_year_rows(struct chrome_doc *d) {
  for (size_t i = 0; i < d->nunits; i++) {
    size_t rows = 0, j = i, cells;
    while (j < d->nunits && year_span(d, j) && (cells = row_cells(d, j))) {
      rows++;
      j += 1 + cells;
    }
    if (rows >= ROW_SPANS && j < d->nunits && year_span(d, j))
      j++; /* (the last row, its cells before its span: "Name" / "Term") */
    if (rows >= ROW_SPANS)
      for (size_t k = i; k < j; k++)
        if (d->units[k].rule == R_DATE)
          d->units[k].rule = NULL;
    i = j > i ? j - 1 : i;
  }
}

/* Whether p[0..k) is s[0..k), ignoring ASCII case as find_nocase does. */
static bool eq_nocase(const char *p, const char *s, size_t k) {
  for (size_t j = 0; j < k; j++)
    if ((p[j] | 0x20) != (s[j] | 0x20))
      return false;
  return true;
}

/* Whether p[0..n) holds s, ignoring ASCII case (byte b stands for s[i]
 * when b | 0x20 == s[i] | 0x20). */
static bool find_nocase(const char *p, size_t n, const char *s) {
  size_t k = strlen(s);
  if (k == 0)
    return true;
  if (n < k)
    return false;
  const char *end = p + n - k + 1; /* where a match may start */
  for (int pass = 0; pass < 2; pass++) {
    int c = pass ? (s[0] & ~0x20) : (s[0] | 0x20);
    for (const char *q = p; q < end; q++) {
      q = memchr(q, c, (size_t)(end - q));
      if (!q)
        break;
      if (eq_nocase(q + 1, s + 1, k - 1))
        return true;
    }
  }
  return false;
}

/* find_nocase for a pattern s that ends in "...": looks for its dots
 * first (bytes that pass for a dot: '.' and 0x0E, see find_nocase). */
static bool find_dots(const char *p, size_t n, const char *s) {
  size_t k = strlen(s), a = k - 3; /* where the dots start */
  if (n < k)
    return false;
  const char *end = p + n - k + a + 1; /* where they may start */
  for (int pass = 0; pass < 2; pass++) {
    int c = pass ? 0x0E : '.';
    for (const char *q = p + a; q < end; q++) {
      q = memchr(q, c, (size_t)(end - q));
      if (!q)
        break;
      if (eq_nocase(q - a, s, k))
        return true;
    }
  }
  return false;
}

/* A line that names image files ("a-cat.jpg"), a text browser's label. */
static bool image_name(const struct chrome_unit *u, const char *p) {
  static const char *const ext[] = {"jpg", "jpeg", "png", "gif", "webp"};
  static const unsigned char len[] = {3, 4, 3, 3, 4}; /* strlen(ext[i]) */
  _Static_assert(sizeof len == sizeof ext / sizeof ext[0], "a length each");
  size_t n = u->len;
  if (n > IMAGE_NAME_MAX || !u->ext_dot) /* ext_dot: the lexer saw ".j" */
    return false;
  for (const char *q = memchr(p, '.', n); q;
       q = memchr(q + 1, '.', n - (size_t)(q + 1 - p))) {
    size_t rest = n - (size_t)(q + 1 - p);
    for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
      size_t k = len[i];
      if (rest >= k && eq_nocase(q + 1, ext[i], k))
        return true;
    }
    if (rest == 0)
      break;
  }
  return false;
}

/* A photo credit alone: "Jane Doe/Agency" (a few words, a slash between
 * two capitalised words, no sentence end). */
static bool slash_credit(const struct chrome_unit *u, const char *p) {
  if (u->words < 2 || u->words > CREDIT_WORDS || u->term != TERM_NONE ||
      u->upper < u->words)
    return false;
  const char *q = memchr(p, '/', u->len);
  size_t i = q ? (size_t)(q - p) : 0;
  return q && i > 0 && i + 1 < u->len && p[i - 1] != ' ' && p[i + 1] != ' ' &&
         (unsigned)(p[i + 1] - 'A') < 26;
}

/* image_name or slash_credit, their cheap tests first (most lines fail
 * them). */
static HOT_INLINE bool caption_name(const struct chrome_unit *u, const char *p) {
  return (u->ext_dot && image_name(u, p)) || slash_credit(u, p);
}

/* Whether caption_name may hold: its cheap tests (inlined where it is
 * called). */
#define CAPTION_NAME_MAY(u)                                              \
  ((u)->ext_dot || ((u)->words >= 2 && (u)->words <= CREDIT_WORDS &&     \
                    (u)->term == TERM_NONE && (u)->upper >= (u)->words))

/* A line that is its text twice ("Alt textAlt text", "Alt text Alt
 * text"): a picture's alt text and title run together by a text browser. */
static bool doubled(const struct chrome_unit *u, const char *p) {
  if (u->words == 0 || u->words > 2 * DOUBLE_WORDS || u->term == TERM_SENT)
    return false;
  size_t n = u->len;
  while (n && kempt__is_space((unsigned char)p[n - 1]))
    n--;
  size_t h = n / 2;
  if (h < 4 || p[0] != p[h + (n & 1)] ||
      (u->words < 2 && (unsigned)(p[0] - 'A') >= 26))
    return false; /* (one word: "ababab" is no label, "AltAlt" is) */
  if (n % 2 == 0)
    return memcmp(p, p + h, h) == 0;
  return p[h] == ' ' && memcmp(p, p + h + 1, h) == 0;
}

/* A quick filter for doubled over a line's words t[0..nt) of total: the
 * second half starts with the first word ("A b A b"), or where the copies
 * are glued (the middle word "bA" is glued), its second word is the
 * first's second ("A b cA b c"; "A bA b" and "AA" pass as they are). */
static bool doubled_words(const char *p, const struct chrome_tok *t,
                          size_t nt, size_t total) {
  if (nt != total)
    return false;
  if (nt == 1) { /* "AltAlt": its first letter again half way */
    size_t s = t[0].start, n = t[0].end - s;
    return n >= 8 && p[s] == p[s + n / 2];
  }
  if (nt == 2)
    return t[0].h == t[1].h;
  if (nt == 3) /* "A bA b": the first letter again inside the glued word */
    return t[1].end - t[1].start > 1 &&
           memchr(p + t[1].start + 1, p[t[0].start],
                  t[1].end - t[1].start - 1) != NULL;
  if (nt % 2 == 0)
    return t[0].h == t[nt / 2].h;
  return t[1].h == t[(nt + 1) / 2].h;
}

/* A credit after a colon at the end of a caption: "... Credit: Agency",
 * "...landingPhoto: Jane Doe/AP", "Foto: Name": a credit word just before
 * the last colon (glued on or not), then a few words that do not end a
 * sentence and start with a capital or a digit. */
static bool colon_credit(const char *p, size_t n) {
  static const char *const w[] = {"credit", "credits", "photo", "photos",
                                  "image", "photograph", "picture",
                                  "foto", "fotos", "bild", "imagen",
                                  "immagine", ("zdj\xc4\x99" "cie")};
  static const unsigned char len[] = {6, 7, 5, 6, 5, 10, 7, 4, 5, 4, 6, 8, 8};
  _Static_assert(sizeof len == sizeof w / sizeof w[0], "a length each");
  if (n == 0 || p[n - 1] == '.' || p[n - 1] == '!' || p[n - 1] == '?')
    return false; /* (most lines: prose) */
  size_t from = n > CREDIT_MAX ? n - CREDIT_MAX : 0;
  const char *q = memchr(p + from, ':', n - from), *next;
  if (!q)
    return false;
  while ((next = memchr(q + 1, ':', (size_t)(p + n - q - 1))) != NULL)
    q = next;
  size_t c = (size_t)(q - p) + 1; /* after the last colon */
  if (c == n)
    return false;
  size_t v = c;
  while (v < n && p[v] == ' ')
    v++;
  if (v == n || !((unsigned)(p[v] - 'A') < 26 || (unsigned)(p[v] - '0') < 10 ||
                  (unsigned char)p[v] >= 0xC0))
    return false;
  size_t e = c - 1; /* the colon; the word ends before it (and a space) */
  while (e > 0 && p[e - 1] == ' ')
    e--;
  for (size_t i = 0; i < sizeof w / sizeof w[0]; i++) {
    size_t k = len[i];
    if (e < k || (p[e - 1] | 0x20) != w[i][k - 1] || /* (its last first) */
        !eq_nocase(p + e - k, w[i], k - 1))
      continue;
    unsigned before = e == k ? ' ' : (unsigned char)p[e - k - 1] | 0x20u;
    if (before - 'a' >= 26 || (unsigned)(p[e - k] - 'A') < 26)
      return true; /* a word of its own, or glued on with a capital */
  }
  return false;
}

/* Whether the '.', '!' or '?' at p[i] ends a sentence: a space or a
 * capital after it, and before it not the letter of an initial ("J.
 * Doe") but a word of two letters or more, a number or a closing quote
 * or bracket. */
static bool sentence_end(const char *p, size_t i) {
  if (i == 0 || !(p[i + 1] == ' ' || is_upper_ascii(p[i + 1])))
    return false; /* ("pic.twitter.com": no end) */
  unsigned char c = (unsigned char)p[i - 1];
  if (p[i] != '.')
    return true;
  if (is_upper_ascii((char)c))
    return i >= 2 && (is_lower_ascii(p[i - 2]) || is_upper_ascii(p[i - 2]));
  return is_lower_ascii((char)c) || (unsigned)(c - '0') < 10 || c == ')' ||
         c == '"' || c >= 0x80;
}

/* A caption's credit after its last sentence, with a slash in it: "...
 * in Ottawa on July 18. Jane Doe / Agency", "... in 2007.J. Doe/AP file",
 * "... Photographer: Jane Doe/Agency via Getty Images": a few words, two
 * or more capitalised (small ones of up to four letters between). */
static bool slash_tail(const char *p, size_t n) {
  size_t from = n > CREDIT_MAX ? n - CREDIT_MAX : 0;
  const char *sl = memchr(p + from, '/', n - from);
  if (!sl)
    return false;
  size_t e = (size_t)(sl - p); /* the sentence's end before the slash */
  while (e > from && !((p[e - 1] == '.' || p[e - 1] == '!' ||
                         p[e - 1] == '?') && sentence_end(p, e - 1)))
    e--;
  if (e <= from || e < 20)
    return false; /* (a caption of a few words before it, at least) */
  size_t caps = 0, words = 0;
  for (size_t i = e; i < n;) {
    while (i < n && !is_lower_ascii(p[i]) && !is_upper_ascii(p[i]) &&
           (unsigned char)p[i] < 0x80)
      i++;
    if (i == n)
      break;
    size_t s = i;
    while (i < n && (is_lower_ascii(p[i]) || is_upper_ascii(p[i]) ||
                     (unsigned char)p[i] >= 0x80 || p[i] == '\''))
      i++;
    words++;
    if (i < n && p[i] == '.' && i + 1 < n && is_lower_ascii(p[i + 1]))
      return false; /* a link: "site.com/page" */
    if (is_upper_ascii(p[s]) || (unsigned char)p[s] >= 0x80)
      caps++;
    else if (i - s > 4)
      return false; /* a word of a sentence */
  }
  return caps >= 2 && words <= CREDIT_WORDS + 2;
}

/* A news agency's name, as credits give it: "(AP)" at a caption's end,
 * "Reuters" or "EPA-EFE" alone (in its own script: "연합뉴스"). */
static bool agency(const char *p, size_t n) {
  static const struct {
    const char *w;
    unsigned char n;
  } a[] = {
#define AGENCY(s) {s, sizeof s - 1}
      AGENCY("AP"),      AGENCY("AFP"),    AGENCY("EPA"),
      AGENCY("DPA"),     AGENCY("dpa"),    AGENCY("ANSA"),
      AGENCY("EFE"),     AGENCY("PA"),     AGENCY("AAP"),
      AGENCY("ANP"),     AGENCY("PAP"),    AGENCY("TASS"),
      AGENCY("APA"),     AGENCY("NTB"),    AGENCY("STT"),
      AGENCY("MTI"),     AGENCY("KNA"),    AGENCY("epd"),
      AGENCY("PTI"),     AGENCY("IANS"),   AGENCY("Reuters"),
      AGENCY("Xinhua"),  AGENCY("Kyodo"),  AGENCY("Yonhap"),
      AGENCY("Belga"),   AGENCY("Lusa"),   AGENCY("Ritzau"),
      AGENCY("Bernama"), AGENCY("Antara"), AGENCY("Anadolu"),
      AGENCY("\xd0\xa2\xd0\x90\xd0\xa1\xd0\xa1"),             /* ТАСС */
      AGENCY("\xd0\xa0\xd0\x98\xd0\x90"),                     /* РИА */
      AGENCY("\xe6\x96\xb0\xe5\x8d\x8e\xe7\xa4\xbe"),         /* 新华社 */
      AGENCY("\xe4\xb8\xad\xe6\x96\xb0\xe7\xa4\xbe"),         /* 中新社 */
      AGENCY("\xec\x97\xb0\xed\x95\xa9\xeb\x89\xb4\xec\x8a\xa4"), /* 연합뉴스 */
      AGENCY("\xeb\x89\xb4\xec\x8b\x9c\xec\x8a\xa4"),         /* 뉴시스 */
#undef AGENCY
  };
  if (n < 2 || n > 12)
    return false;
  for (size_t i = 0; i < sizeof a / sizeof a[0]; i++)
    if (a[i].n == n && memcmp(p, a[i].w, n) == 0)
      return true;
  return false;
}

#define AGENCY_WORDS 5 /* words of a credit alone: "Jane Doe / Reuters" */

/* Line u (bytes p, its words t[0..nt), all of them) is a credit alone:
 * a few words without an end, one of them an agency's name at least,
 * the others capitalised names (or words of a script without case: "图/
 * 新华社"), a separator between two of its words ("EPA-EFE", "Jane Doe /
 * Reuters"; "dpa" alone): a photo's or the story's source between
 * paragraphs. */
static bool agency_credit(const struct chrome_unit *u, const char *p,
                          const struct chrome_tok *t, size_t nt,
                          size_t total) {
  if (nt != total || nt > AGENCY_WORDS || u->words != nt ||
      u->term != TERM_NONE || u->bullet)
    return false;
  bool apart = nt == 1; /* (words only spaces apart: a menu, a heading) */
  for (size_t k = 1; k < nt && !apart; k++)
    for (size_t i = t[k - 1].end; i < t[k].start && !apart; i++)
      apart = p[i] == '/' || p[i] == '|' || p[i] == ',' || p[i] == '=' ||
              p[i] == '-';
  if (!apart)
    return false;
  size_t agencies = 0;
  for (size_t k = 0; k < nt; k++) {
    if (agency(p + t[k].start, t[k].end - t[k].start))
      agencies++;
    else if (!t[k].upper && (unsigned char)p[t[k].start] < 0xE0)
      return false; /* (a word in lower case: text) */
  }
  return agencies > 0;
}

/* Whether p[0..n) holds one of the nw words w (lower-case ASCII letters,
 * of len[i] bytes), ignoring ASCII case: find_nocase of each, in one pass
 * (a word's first letter is one byte in either case, the rest compare as
 * eq_nocase does). first: bit c - 'a' for each letter c a word starts
 * with (CREDIT_FIRST). */
#define CREDIT_FIRST(c) (1u << ((c) - 'a'))
static bool credit_word(const char *p, size_t n, const char *const *w,
                        const unsigned char *len, size_t nw, uint32_t first) {
  for (size_t q = 0; q < n; q++) {
    unsigned c = (unsigned char)p[q] | 0x20u;
    if (c - 'a' >= 26 || !((first >> (c - 'a')) & 1))
      continue;
    for (size_t i = 0; i < nw; i++) {
      if ((unsigned char)w[i][0] != c)
        continue; /* (its length only when its first letter is there) */
      size_t k = len[i];
      if (k <= n - q && eq_nocase(p + q + 1, w[i] + 1, k - 1))
        return true;
    }
  }
  return false;
}

/* Whether credit_tail may hold: no sentence end (a colon's credit), three
 * dots, or a ')' at the end (spaces after it or not). */
static inline bool credit_may(const struct chrome_unit *u, const char *p) {
  unsigned char c = u->len ? (unsigned char)p[u->len - 1] : 0;
  return u->term == TERM_NONE || u->dots3 || c == ')' || kempt__is_space(c);
}

/* Whether p[from..n) may hold a ':' or a '/' (false: it holds neither;
 * true may come of one before p[from]). Bytes up to p[n + 14] can be
 * read (a held line: '\n' and CHROME_LEX_PAD - 1 bytes after it). */
#if defined(__SSE2__) && defined(__x86_64__)
static inline unsigned colon_slash16(const char *p) {
  __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
  return (unsigned)_mm_movemask_epi8(
      _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(':')),
                   _mm_cmpeq_epi8(x, _mm_set1_epi8('/'))));
}
static inline bool colon_or_slash(const char *p, size_t from, size_t n) {
  if (n <= 16) /* (most lines: one load, its bytes from p[n] on left out) */
    return (colon_slash16(p) & ((1u << n) - 1)) != 0;
  /* 16 bytes at a time back from p[n - 1], the last load from p[from] */
  for (size_t i = n - 16;; i = i - from > 16 ? i - 16 : from) {
    if (colon_slash16(p + i))
      return true;
    if (i <= from)
      return false;
  }
}
#else
static inline bool colon_or_slash(const char *p, size_t from, size_t n) {
  return memchr(p + from, ':', n - from) || memchr(p + from, '/', n - from);
}
#endif

/* credit_tail of a line of n bytes once its spaces at the end are left
 * out. */
static bool NOINLINE credit_tail_rest(const struct chrome_unit *u,
                                      const char *p, size_t n) {
  static const char *const w[] = {
      "image",  "photo",        "picture", "credit", "getty",  "reuters",
      "afp",    "shutterstock", "foto",    "bild",   "imagen", "immagine",
      "source", "quelle",       "fuente",  "fonte"};
  static const unsigned char len[] = {5, 5, 7, 6, 5, 7, 3, 12,
                                      4, 4, 6, 8, 6, 6, 6, 5};
  _Static_assert(sizeof len == sizeof w / sizeof w[0], "a length each");
  /* (the words' first letters) */
  const uint32_t first = CREDIT_FIRST('a') | CREDIT_FIRST('b') |
                         CREDIT_FIRST('c') | CREDIT_FIRST('f') |
                         CREDIT_FIRST('g') | CREDIT_FIRST('i') |
                         CREDIT_FIRST('p') | CREDIT_FIRST('q') |
                         CREDIT_FIRST('r') | CREDIT_FIRST('s');
  size_t open = n;
  if (n && p[n - 1] == ')')
    while (open > 0 && p[open - 1] != '(' && n - open < CREDIT_MAX)
      open--;
  if (open == 0 || p[open - 1] != '(') {
    /* (most lines: neither a colon's nor a slash's credit can be in its
     * last CREDIT_MAX bytes, and no "credit...") */
    if (!u->dots3 && !colon_or_slash(p, n > CREDIT_MAX ? n - CREDIT_MAX : 0, n))
      return false;
    if (u->term == TERM_NONE && colon_credit(p, n))
      return true; /* ("Credit: X" ends captions of up to 100 words) */
    if (u->words > CAPTION_WORDS)
      return false;
    if (u->term == TERM_NONE && slash_tail(p, n))
      return true;
    if (!u->dots3) /* no "..." anywhere in the line */
      return false;
    const char *c = n > CREDIT_MAX ? p + n - CREDIT_MAX : p;
    return find_dots(c, (size_t)(p + n - c), "credit...");
  }
  if (u->words > CAPTION_WORDS)
    return false;
  if (credit_word(p + open, n - open, w, len, sizeof w / sizeof w[0], first))
    return true;
  return agency(p + open, n - 1 - open);
}

/* A caption ends with its credit: "(Image: Getty)", "(AP Photo/N. Name)",
 * "Credit...Name". */
static inline bool credit_tail(const struct chrome_unit *u, const char *p) {
  size_t n = u->len;
  while (n && kempt__is_space((unsigned char)p[n - 1]))
    n--;
  /* (most lines: no bracket at the end, and nothing that makes a credit
   * in their last bytes: as credit_tail_rest finds) */
  if (n && p[n - 1] != ')' && p[n - 1] != '(' && !u->dots3 &&
      !colon_or_slash(p, n > CREDIT_MAX ? n - CREDIT_MAX : 0, n))
    return false;
  return credit_tail_rest(u, p, n);
}

#define EQUALS_CREDIT_TAIL 3 /* words of a credit's name after its '=' */
#define EQUALS_CAPTION_CHARS 120 /* code points of such a caption at most */

/* A caption that ends with its credit in the East Asian way: a caption
 * word of the rules, '=' (or the full-width one), the source ("... 사진=
 * 예시일보 DB", "（写真＝共同）"), in its last words, no sentence after. */
static NOINLINE bool equals_credit(const struct chrome_unit *u,
                                   const struct matcher *m, const char *p,
                                   const struct chrome_tok *t, size_t nt) {
  if (nt < 2 || u->words > CAPTION_WORDS || u->term == TERM_SENT ||
      u->chars > EQUALS_CAPTION_CHARS)
    return false;
  size_t from = nt > EQUALS_CREDIT_TAIL + 1 ? nt - EQUALS_CREDIT_TAIL - 1 : 0;
  for (size_t k = from; k + 1 < nt; k++) {
    const char *e = p + t[k].end;
    size_t gap = t[k + 1].start - t[k].end;
    if (((gap == 1 && e[0] == '=') ||
         (gap == 3 && memcmp(e, "\xef\xbc\x9d", 3) == 0)) &&
        find_rule(m, t + k, 1, CK_CAPTION))
      return true;
  }
  return false;
}

/* Whether t is a function word of the page's languages ("The", "His",
 * "In"): no name starts with one. */
static bool stop_word(const struct matcher *m, const char *p,
                      const struct chrome_tok *t) {
  uint32_t langs = kempt__stopword_langs(p + t->start, t->end - t->start);
  return (langs & (m->langs >> 1)) != 0; /* (bit l of langs is l + 1's) */
}

/* Whether s[0..n) has an ASCII digit. */
static bool has_digit(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if ((unsigned)(s[i] - '0') < 10)
      return true;
  return false;
}

/* Whether t[a..b) (1 to BIO_NAME words) may be a person's name:
 * capitalised words, the first no function word, with short lower-case
 * particles between them ("Jan van der Berg"). "His father", "The
 * mayor", "In a statement, the mayor" are none. */
static bool name_like(const struct matcher *m, const char *p,
                      const struct chrome_tok *t, size_t a, size_t b) {
  if (b <= a || b - a > BIO_NAME || !t[a].upper || !t[a].alpha ||
      !t[b - 1].upper || stop_word(m, p, t + a))
    return false;
  for (size_t i = a + 1; i + 1 < b; i++)
    if (!t[i].alpha ||
        (!t[i].upper && t[i].end - t[i].start > NAME_PARTICLE))
      return false;
  return true;
}

/* An author's bio: a name (name_like, or a word and a job: "The
 * writer"), "is" (a copula) within a few words, a job ("writer",
 * "reporter") soon after: "Jane Doe is a staff writer at ...". */
static bool is_bio(const struct chrome_unit *u, const struct matcher *m,
                   const char *p, const struct chrome_tok *t, size_t nt) {
  if (u->words > BIO_WORDS || nt < 4 || !t[0].upper ||
      (u->term == TERM_NONE && u->words < BIO_BARE))
    return false;
  size_t c = 1, aside = 0; /* words of "(@handle)" after the name */
  size_t name = 0;         /* ... which starts there */
  while (c < nt && c <= BIO_NAME + aside &&
         !find_rule(m, t + c, 1, CK_COPULA)) {
    if (aside == 0 && t[c].start > 1 && p[t[c].start - 1] == '@' &&
        p[t[c].start - 2] == '(')
      aside = BIO_ASIDE;
    else if (aside == 0 && t[c].start > 0 && p[t[c].start - 1] == '(' &&
             memchr(p + t[c].start, '@', u->len - t[c].start))
      aside = BIO_ASIDE; /* "(jane@paper.com)" */
    if (aside && !name)
      name = c;
    c++;
  }
  if (c >= nt || c > BIO_NAME + aside || (aside && p[t[c - 1].end] != ')') ||
      (!name_like(m, p, t, 0, aside ? name : c) &&
       (c != 2 || !find_rule(m, t + 1, 1, CK_BIO)))) /* or "The author" */
    return false;
  for (size_t j = c + 1; j < nt && j <= c + BIO_JOB; j++)
    if (find_rule(m, t + j, 1, CK_BIO))
      return true;
  return false;
}

/* "NAME says:" - the header of a reader's comment: its number maybe
 * ("1."), a name (name_like) or a handle (one word, not capitalised, no
 * function word: "jdoe42"), maybe a date and time ("on March 3, 2026 at
 * 5:14 pm": a number, dates and short words), then the verb (one or two
 * says words: "a écrit"). A quote's lead-in is none: "In a statement,
 * the mayor wrote:", "the mayor wrote:". R_SAYS, or R_SAYS_NAME for a
 * name or a word and the verb alone ("Jane Doe wrote:", "bob says:",
 * see says_names); NULL. */
static const char *is_says(const struct chrome_unit *u,
                           const struct matcher *m, const char *p,
                           const struct chrome_tok *t, size_t nt) {
  size_t n = u->tlen;
  if (nt < 2 || nt > SAYS_WORDS || n == 0 || p[n - 1] != ':' ||
      !find_rule(m, t + nt - 1, 1, CK_SAYS))
    return NULL;
  size_t v = nt - 1, a = t[0].alpha ? 0 : 1, e = a; /* verb, name */
  bool word = true; /* a name or a word ("bob"), not a handle ("bob42") */
  if (v > a + 1 && find_rule(m, t + v - 1, 1, CK_SAYS))
    v--;
  if (a >= v)
    return NULL;
  if (!t[a].upper) { /* a handle ("lake_reader": its words joined) */
    if (!t[a].alpha || stop_word(m, p, t + a))
      return NULL;
    for (e = a + 1; e < v && t[e].start == t[e - 1].end + 1 &&
                    memchr("_.-", p[t[e - 1].end], 3);
         e++)
      ;
    word = e == a + 1 && !has_digit(p + t[a].start, t[a].end - t[a].start);
  } else { /* the longest name before the verb */
    for (size_t b = a + 1; b <= v && b - a <= BIO_NAME; b++)
      if (name_like(m, p, t, a, b))
        e = b;
    if (e == a && a == 0 && v == 2 && t[1].upper && t[0].alpha &&
        t[1].alpha && !stop_word(m, p, t + 1))
      return R_SAYS_NAME; /* a first name that is a word: "Will Smith" */
    if (e == a)
      return NULL;
  }
  if (e == v) /* ("critics wrote:" is a word too) */
    return a == 0 && word ? R_SAYS_NAME : R_SAYS;
  bool date = false; /* a date and time between name and verb (a year */
  for (size_t i = e; i < v; i++) { /* of 4 digits, a time, a month), or */
    bool dw = t[i].alpha && find_rule(m, t + i, 1, CK_DATE);
    if (dw || p[t[i].start - 1] == '@' ||
        (!t[i].alpha && (t[i].end - t[i].start == 4 || p[t[i].end] == ':')))
      date = true; /* a handle ("Jane Doe (@jdoe) says:") */
    else if (t[i].alpha && t[i].end - t[i].start > SAYS_AT)
      return NULL; /* ("Nearly 40 per cent said:" has no date) */
  }
  return date ? R_SAYS : NULL;
}

/* "About Jane Doe", "Über Firma": an about word (1 to 3 words), then
 * one to ABOUT_NAME capitalised words, nothing else. Notes where the
 * name starts; cut_at decides whether her box follows. */
static void match_about(struct chrome_unit *u, const struct matcher *m,
                        const struct chrome_tok *t,
                        struct prefixes *pf, size_t nt) {
  if (nt < 2 || nt > 3 + ABOUT_NAME || !no_end(u) ||
      !kempt__chrome_may_start(m->rules, CK_ABOUT, t[0].h))
    return;
  const uint64_t *pre = prefixes(pf, t, nt);
  for (size_t k = 1; k <= 3 && k < nt; k++) {
    if (nt - k > ABOUT_NAME || !find_pre(m, pre, k, CK_ABOUT))
      continue;
    size_t j = k;
    while (j < nt && t[j].upper && t[j].alpha)
      j++;
    if (j == nt && t[k].start < 256) {
      u->hit = CK_ABOUT;
      u->about_at = (uint8_t)t[k].start;
    }
    return;
  }
}

/* An author's name and handle: "Jane Doe @janedoe", "Jane Doe@janedoe"
 * (capitalised words, then the handle, nothing after it). */
static bool name_handle(const struct chrome_unit *u, const char *p,
                        const struct chrome_tok *t, size_t nt) {
  if (nt < 2 || nt > HANDLE_WORDS || nt != u->ntok || u->term != TERM_NONE ||
      t[nt - 1].start == 0 || p[t[nt - 1].start - 1] != '@' ||
      t[nt - 1].end != u->tlen)
    return false;
  for (size_t i = 0; i + 1 < nt; i++)
    if (!t[i].upper)
      return false;
  for (size_t k = t[nt - 2].end; k + 1 < t[nt - 1].start; k++)
    if (p[k] != ' ')
      return false; /* "Account: @name" is a field, not a byline */
  return true;
}

#define SLIDE_LABEL 10 /* bytes of a label before a slide's number */
#define SLIDE_WORD 6   /* bytes of the word between its numbers ("von") */

/* The number of one to three digits at p[*i] (*i moves past it), or 0. */
static unsigned slide_number(const char *p, size_t n, size_t *i) {
  unsigned v = 0;
  size_t s = *i;
  while (*i < n && *i - s < 4 && (unsigned)(p[*i] - '0') < 10)
    v = v * 10 + (unsigned)(p[(*i)++] - '0');
  return *i - s <= 3 ? v : 0;
}

/* Whether w[0..n) is a word for "of" between a slide's number and the
 * count ("3 of 12", "3 von 12", "3 из 12"), not one for "to" of a range
 * ("10 bis 18 Uhr", "9 to 5": opening hours are facts). */
static bool slide_of(const char *w, size_t n) {
  static const char *const of[] = {
      "of", "von", "sur", "de", "di", "da", "van", "z", "ze", "av", "af",
      "ur", "od", "\xd0\xb8\xd0\xb7" /* из */, "\xd0\xb7" /* з */,
      "\xce\xb1\xcf\x80\xcf\x8c" /* από */};
  for (size_t k = 0; k < sizeof of / sizeof of[0]; k++)
    if (strlen(of[k]) == n && memcmp(of[k], w, n) == 0)
      return true;
  return false;
}

static size_t skip_blanks(const char *p, size_t n, size_t i) {
  while (i < n && p[i] == ' ')
    i++;
  return i;
}

/* A gallery's counter opens line p[0..n): "2 / 12", "1 of 12 Waves
 * break over ...", "Bild 3 von 12": maybe a label, a number, '/' or a
 * short word in lower case, a greater number; then the end of the line,
 * or (after a label, or its first slide's "1 of": "10 of 12 Republicans
 * voted" is prose, "1/2 Cup Butter" an ingredient) a caption opening
 * with a capital. */
static bool slide_counter(const char *p, size_t n) {
  size_t i = 0;
  bool label = (unsigned)(p[0] - '0') >= 10;
  if (label) { /* "Photo", "Bild", "Фото" */
    if ((unsigned)(p[0] - 'A') >= 26 && (unsigned char)p[0] < 0xC0)
      return false;
    while (i < n && i <= SLIDE_LABEL && p[i] != ' ')
      i++;
    if (i > SLIDE_LABEL || i == n)
      return false;
    i++;
  }
  unsigned a = slide_number(p, n, &i);
  i = skip_blanks(p, n, i);
  if (!a || i == n)
    return false;
  bool tight = false; /* "1/2": a fraction too ("1/2 Cup Butter") */
  if (p[i] == '/') {
    tight = p[i - 1] != ' ' && i + 1 < n && p[i + 1] != ' ';
    i++;
  } else { /* a word in lower case: "of", "von", "sur", "из" */
    size_t w = i;
    while (i < n && i - w <= SLIDE_WORD &&
           ((unsigned)(p[i] - 'a') < 26 || (unsigned char)p[i] >= 0x80))
      i++;
    if (i == w || i == n || p[i] != ' ' || !slide_of(p + w, i - w))
      return false;
  }
  i = skip_blanks(p, n, i);
  unsigned b = slide_number(p, n, &i);
  if (b < 2 || a > b)
    return false;
  while (i < n && (p[i] == ' ' || p[i] == ':' || p[i] == '|' ||
                   p[i] == '-' || p[i] == '.' || p[i] == ')'))
    i++;
  if (i == n)
    return true;
  return (label || (a == 1 && !tight)) && ((unsigned)(p[i] - 'A') < 26 ||
                               (unsigned char)p[i] >= 0xC0);
}

/* slide_counter of line u, its cheap tests first (most lines have fewer
 * than two numbers). */
static inline bool slide_line(const struct chrome_unit *u, const char *p) {
  return u->ntok >= u->words + 2 && /* (two numbers at least) */
         ((unsigned)(p[0] - '0') < 10 || u->cap1) && slide_counter(p, u->len);
}

/* The phrase rules of a short line, from its words t[0..nt) of total.
 * They read nothing but the line (its bytes, features and words) and m,
 * and set only its rule, hit, soft_has and about_at: classify copies what
 * they make of a line to its copies in the window (memo_copy). */
static void match_rules(struct chrome_unit *u, const struct matcher *m,
                        const char *p, const struct chrome_tok *t, size_t nt,
                        size_t total, uint64_t hs) {
  struct prefixes pf;
  pf.done = false;
  unsigned kinds = kempt__chrome_may_start_kinds(m->rules, t[0].h);
  if (nt == total && /* u->key is the hash of all its words */
      (kinds & (1u << CK_LINE | 1u << CK_LIST | 1u << CK_CUT))) {
    static const int whole[] = {CK_CUT, CK_LIST, CK_LINE};
    for (int w = 0; w < 3; w++) /* (a kind that cannot start so: none) */
      if (((kinds >> whole[w]) & 1u) && nt <= m->rules->maxtok[whole[w]])
        set_hit(u, find_key(whole[w] == CK_LINE ? m->as_any : m, u->key,
                            whole[w]));
  }
  if (total <= LIST_PREFIX_WORDS && no_end(u) &&
      kempt__chrome_may_start(m->rules, CK_LIST, t[0].h)) /* t[0] starts */
    for (size_t k = nt - 1; k >= 2 && !u->rule; k--)
      set_hit(u, find_pre(m, prefixes(&pf, t, nt), k, CK_LIST));
  match_prefix(u, m, p, t, &pf, nt, total);
  match_has(u, m, p, t, nt, total, hs);
  if (!u->rule && !u->hit && nt == total)
    match_about(u, m, t, &pf, nt);
  if (!u->rule && (is_byline(u, m, p, t, nt) || name_handle(u, p, t, nt))) {
    u->rule = R_BYLINE;
    u->hit = CK_BYLINE;
  }
  if (!u->rule && u->words <= CAPTION_OPEN_WORDS && credit_may(u, p) &&
      credit_tail(u, p))
    u->rule = R_CAPTION;
  if (!u->rule && CAPTION_NAME_MAY(u) && caption_name(u, p))
    u->rule = R_CAPTION;
  if (!u->rule && agency_credit(u, p, t, nt, total))
    u->rule = R_CAPTION;
  if (!u->rule && u->len >= 2 * u->chars && nt == total &&
      equals_credit(u, m, p, t, nt)) /* (a line mostly of CJK or Hangul) */
    u->rule = R_CAPTION;
  if (!u->rule && slide_line(u, p))
    u->rule = R_SLIDE;
  if (!u->rule && u->words <= CAPTION_OPEN_WORDS &&
      kempt__chrome_may_start(m->rules, CK_CAPTION, t[0].h))
    for (size_t k = nt < 8 ? nt : 8; k >= 1 && !u->rule; k--)
      set_hit(u, find_pre(m, prefixes(&pf, t, nt), k, CK_CAPTION));
  if (!u->rule && u->term != TERM_SENT && /* (doubled's own first test) */
      doubled_words(p, t, nt, total) && doubled(u, p))
    u->rule = R_DOUBLE;
  if (!u->rule && is_bio(u, m, p, t, nt))
    u->rule = R_BIO;
  if (!u->rule && (u->rule = is_says(u, m, p, t, nt)) != NULL)
    u->hit = CK_SAYS;
  if (!u->rule && u->term != TERM_SENT && is_date(u, m, p, t, nt)) {
    u->hours = hours_row(m, p, t, nt);
    if (!u->hours) {
      u->rule = R_DATE;
      u->hit = CK_DATE;
    }
  }
}

/* The phrase rules of a long line (see needs_rules): its has and soft
 * phrases lower its weight; a caption's credit removes it. */
static void match_long(struct chrome_unit *u, const struct matcher *m,
                       const char *p) {
  u->soft_has = (u->soft_langs & m->langs) != 0;
  if (u->words <= CAPTION_OPEN_WORDS && credit_may(u, p) &&
      credit_tail(u, p))
    u->rule = R_CAPTION;
  if (!u->rule && CAPTION_NAME_MAY(u) && caption_name(u, p))
    u->rule = R_CAPTION;
  if (!u->rule && doubled(u, p))
    u->rule = R_DOUBLE;
  if (!u->rule && slide_line(u, p))
    u->rule = R_SLIDE;
}

/* ---- image labels ---------------------------------------------------- */

/* Where the text of a line ends when a text browser glued an image's
 * file name onto it ("Typing on the new keyboard[3362-5947]"): a name
 * in brackets at the line's end, right after the text, with no space in
 * it, not all digits (a note's number), a digit, dash, underscore or
 * colon in it; 0 when there is none. */
static size_t slug_end(const char *p, size_t n) {
  while (n && kempt__is_space((unsigned char)p[n - 1]))
    n--;
  if (n < 6 || p[n - 1] != ']')
    return 0;
  size_t o = n - 1;
  bool mark = false, letter = false;
  while (o > 0 && p[o - 1] != '[') {
    char c = p[--o];
    if (c == ' ' || c == '\t' || c == ']' || n - o > WIDGET_MAX)
      return 0;
    mark = mark || c == '-' || c == '_' || c == ':' || (unsigned)(c - '0') < 10;
    letter = letter || (unsigned)(c - '0') >= 10;
  }
  if (o < 2 || n - 1 - o < 3 || !mark || !letter)
    return 0;
  o--; /* the '[' */
  return kempt__is_space((unsigned char)p[o - 1]) || p[o - 1] == ']' ? 0 : o;
}

/* Digits from p[*i] (at most 3): their value, or -1. */
static int small_number(const char *p, size_t n, size_t *i) {
  int v = 0, k = 0;
  while (*i < n && (unsigned)(p[*i] - '0') < 10 && k < 4) {
    v = v * 10 + (p[(*i)++] - '0');
    k++;
  }
  return k == 0 || k > 3 ? -1 : v;
}

/* A gallery's counter at the start of a line: alone ("3 of 12", "Image 3
 * of 12") or with the picture's caption glued on ("3of12A shopper looks
 * at ..."). */
static bool gallery_counter(const char *p, size_t n) {
  static const char *const w[] = {"image ", "photo ", "picture ", "slide ",
                                  "foto ", "bild ", "imagen ", "immagine "};
  static const unsigned char len[] = {6, 6, 8, 6, 5, 5, 7, 9};
  _Static_assert(sizeof len == sizeof w / sizeof w[0], "a length each");
  size_t i = indentation(p, n);
  unsigned c0 = i < n ? (unsigned char)p[i] | 0x20u : 0;
  bool may = c0 == 'i' || c0 == 'p' || c0 == 's' || c0 == 'f' || c0 == 'b';
  for (size_t k = 0; may && k < sizeof w / sizeof w[0] && i < n &&
                     (unsigned)(p[i] - '0') >= 10; k++) {
    size_t l = len[k];
    if (n - i > l && eq_nocase(p + i, w[k], l)) {
      i += l; /* "Image 3 of 12": the counter alone */
      break;
    }
  }
  int a = small_number(p, n, &i);
  if (a < 1)
    return false;
  bool sp = i < n && p[i] == ' ';
  i += sp;
  if (i + 2 > n || p[i] != 'o' || p[i + 1] != 'f')
    return false;
  i += 2;
  if (sp != (i < n && p[i] == ' '))
    return false; /* "3 of 12" or "3of12" */
  i += sp;
  int b = small_number(p, n, &i);
  if (b < 2 || a > b)
    return false;
  while (n > i && kempt__is_space((unsigned char)p[n - 1]))
    n--;
  return i == n || (!sp && is_upper_ascii(p[i]));
}

/* A line of text with an image's file name glued on, and the caption
 * with the same text next after it: image labels. */
static void mark_slug(struct chrome_doc *d, size_t i) {
  struct chrome_unit *u = &d->units[i];
  const char *p = d->text.data + u->off;
  if (u->rule || u->bullet || u->widget || u->words < 2)
    return;
  size_t e = slug_end(p, u->len);
  if (!e || code_line(p, u->len)) /* ("tail = items[-1:]") */
    return;
  u->rule = R_SLUG;
  if (i + 1 == d->nunits)
    return;
  struct chrome_unit *v = &d->units[i + 1];
  const char *q = d->text.data + v->off;
  size_t lead = indentation(q, v->len), n = v->len;
  while (n > lead && kempt__is_space((unsigned char)q[n - 1]))
    n--;
  size_t s = indentation(p, e);
  if (!v->rule && n - lead == e - s && memcmp(q + lead, p + s, e - s) == 0)
    v->rule = R_SLUG;
}

/* A photo's credit at the end of its caption's block: a few capitalised
 * words ("Jane Doe/Agency", "Space Agency") or a credit a rule found. */
static bool block_credit(const struct chrome_unit *u) {
  if (u->rule)
    return u->rule == R_CAPTION || u->hit == CK_HAS;
  return !u->bullet && !u->widget && u->words >= 1 &&
         u->words <= CREDIT_WORDS && u->term == TERM_NONE &&
         u->upper == u->words;
}

/* Whether unit i - 1 was the line right above unit i in the page, with
 * no blank line between: in its block, or in the block before, which
 * unwrap cut off text dumped one paragraph per line (KEMPT_BLOCK_SPLIT). */
static bool line_above(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  return i > 0 && (u[-1].blk == u->blk ||
                   (u[-1].blk + 1 == u->blk &&
                    (d->blks[u->blk].flags & KEMPT_BLOCK_SPLIT)));
}

/* A line of a figure's caption in text dumped one paragraph per line: a
 * short sentence or a few, no rule's, no list item's. */
static bool caption_line(const struct chrome_doc *d,
                         const struct chrome_unit *u) {
  return u->term == TERM_SENT && !u->rule && !u->bullet && !u->widget &&
         u->words >= 3 && u->words <= CAPTION_WORDS &&
         (unsigned)(d->text.data[u->off] - '0') >= 10; /* ("6. Boil ...") */
}

/* A line of the article's prose around such a figure: a long one, or a
 * sentence of some words. */
static bool figure_prose(const struct chrome_unit *u, unsigned words) {
  return !u->rule && !u->bullet && !u->widget && u->words >= words &&
         (u->term == TERM_SENT || u->words > CAPTION_WORDS);
}

/* Whether a credit's line p[0..n) has a separator between its names:
 * "Jane Doe, AP", "Jane Doe/Agency", "Jane Doe | Agency"; 2 for a slash
 * or a bar (a comma may stand in a heading: "Paris, Texas"). */
static int credit_sep(const char *p, size_t n) {
  if (memchr(p, '/', n) || memchr(p, '|', n))
    return 2;
  return memchr(p, ',', n) != NULL;
}

/* The credit of a figure in text dumped one paragraph per line: a line
 * that a caption rule removed, or a has rule with a separator between
 * names in it ("Jane Doe/Getty Images"; "See All Newsletters" is none),
 * or capitalised words (the agency's may not be: "Jane Doe/dpa") with a
 * slash or a bar between them; 1 for such words with a comma, or alone
 * with no function word, which a figure needs an image's label for
 * ("Jane Doe, AP", "Associated Press"); else 0. */
static int split_credit(const struct chrome_doc *d,
                        const struct chrome_unit *c) {
  if (c->words > CREDIT_WORDS || c->term != TERM_NONE || c->wiki)
    return 0; /* (a wiki's heading: "Geschichte[Bearbeiten | Quelltext
                 bearbeiten]" has a bar between capitalised words too) */
  int sep = credit_sep(d->text.data + c->off, c->len);
  if (c->rule)
    return c->rule == R_CAPTION || (c->hit == CK_HAS && sep) ? 2 : 0;
  if (c->bullet || c->widget || c->words < 2 || c->upper + 1 < c->words ||
      (sep < 2 && c->upper < c->words))
    return 0;
  return sep ? sep : !c->stop && c->ntok == c->words; /* (a name alone:
                                                          "Associated Press") */
}

/* A figure in text dumped one paragraph per line, where no block holds
 * it: a credit alone on line e (split_credit), the caption's lines right
 * above it (at most FIGURE_LINES - 1), and the figure seen to stand
 * inside the text as a block would show it: prose right below the
 * credit, and above the caption a line that no caption has (a long one,
 * a list's, a label, chrome, a heading) or none right above. */
static void split_figure(struct chrome_doc *d, size_t e) {
  const struct chrome_unit *c = &d->units[e];
  int credit = split_credit(d, c);
  if (!credit || e + 1 >= d->nunits || !line_above(d, e + 1) ||
      !figure_prose(c + 1, FIGURE_PROSE_WORDS))
    return;
  size_t i = e;
  while (i > 0 && e - i < FIGURE_LINES - 1 && line_above(d, i) &&
         caption_line(d, &d->units[i - 1]) &&
         (i == e || d->units[i - 1].words <= FIGURE_ALT_WORDS))
    i--; /* (over the caption, its image's text: a short line) */
  if (i == e || (i > 0 && line_above(d, i) &&
                 d->units[i - 1].term == TERM_SENT &&
                 (!d->units[i - 1].rule || d->units[i - 1].rule == R_CAPTION) &&
                 !d->units[i - 1].bullet &&
                 d->units[i - 1].words <= FIGURE_ALT_WORDS))
    return; /* (more short sentences above: where would it start?) */
  if (credit < 2 && (i == 0 || !line_above(d, i) || !d->units[i - 1].widget))
    return; /* (a heading after short paragraphs looks so too) */
  for (; i <= e; i++)
    if (!d->units[i].rule)
      d->units[i].rule = R_CAPTION;
}

/* A figure: a block of a few short sentences (the image's text and its
 * caption), each on a line of its own, that ends with its credit; all of
 * its lines are the caption's. */
static void mark_figures(struct chrome_doc *d) {
  for (size_t b = 0; b < d->nblks; b++) {
    const struct chrome_blk *k = &d->blks[b];
    if (k->n < 2 || k->n > FIGURE_LINES || k->first + k->n > d->nunits ||
        !block_credit(&d->units[k->first + k->n - 1]))
      continue;
    size_t i = k->first, e = k->first + k->n - 1;
    while (i < e && d->units[i].widget)
      i++; /* (the image's label before its caption: "[img-2]") */
    if (i == e)
      continue;
    for (; i < e; i++) {
      const struct chrome_unit *u = &d->units[i];
      if (u->term != TERM_SENT || u->bullet || u->words < 3 ||
          u->words > CAPTION_WORDS)
        break;
    }
    if (i < e)
      continue;
    for (i = k->first; i <= e; i++)
      if (!d->units[i].rule)
        d->units[i].rule = R_CAPTION;
  }
  for (size_t b = 1; b < d->nblks; b++)
    if ((d->blks[b].flags & KEMPT_BLOCK_SPLIT) && d->blks[b].n == 1)
      split_figure(d, d->blks[b].first);
}

static void mark_card(struct chrome_doc *d, size_t i);
static void mark_card_lines(struct chrome_doc *d, size_t i);

/* The last word of line u (at p): the bytes after its last space, its
 * length in *n. */
static const char *last_word(const struct chrome_unit *u, const char *p,
                             size_t *n) {
  size_t e = u->len;
  while (e && kempt__is_space((unsigned char)p[e - 1]))
    e--;
  size_t s = e;
  while (s && !kempt__is_space((unsigned char)p[s - 1]))
    s--;
  *n = e - s;
  return p + s;
}

/* Whether p[0..n) and q[0..m) end with the same EMBED_TAIL words or
 * more ("... Twitter post by Jane Doe"). */
static bool same_tail(const char *p, size_t n, const char *q, size_t m) {
  size_t spaces = 0;
  while (n && m && p[n - 1] == q[m - 1]) {
    spaces += p[--n] == ' ';
    m--;
    if (spaces == EMBED_TAIL - 1 && p[n] == ' ')
      return true;
  }
  return false;
}

/* An embedded post between its two labels ("Skip Twitter post by @jane",
 * its text, "End of Twitter post by @jane"): two lines that prefix rules
 * removed, within EMBED_SPAN lines, that end with the same handle or the
 * same EMBED_TAIL words; they and the lines between them go. A line
 * that a prefix rule removed with "(@handle)" in it is a post's label
 * too. */
static void NOINLINE mark_embed(struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  const char *p = d->text.data + u->off;
  size_t n, m;
  /* "A post shared by Jane (@jane) on ...", and the label above it,
   * "View this post on Instagram" */
  const char *at = memchr(p, '@', u->len);
  if (at && at > p && at[-1] == '(') {
    d->units[i].rule = R_EMBED;
    if (i > 0 && d->units[i - 1].hit == CK_LINE &&
        d->units[i - 1].blk == u->blk)
      d->units[i - 1].rule = R_EMBED;
  }
  const char *w = last_word(u, p, &n);
  if (n < 2)
    return;
  for (size_t j = i + 2; j < d->nunits && j <= i + EMBED_SPAN; j++) {
    const struct chrome_unit *v = &d->units[j];
    if (v->hit != CK_PREFIX || v->key == u->key)
      continue;
    const char *q = d->text.data + v->off, *x = last_word(v, q, &m);
    if (m != n || memcmp(x, w, n) != 0 ||
        (w[0] != '@' &&
         !same_tail(p, (size_t)(w - p) + n, q, (size_t)(x - q) + m)))
      continue;
    for (size_t k = i; k <= j; k++) /* (labels too: as captions cost) */
      d->units[k].rule = R_EMBED;
    return;
  }
}

/* A label that a rule removed, alone on its line before its value
 * ("Photo:", "Credit:"): the next line, when it is a few words that end
 * no sentence, is its value ("personal archive of Jane Doe") and goes too.
 * (Product cards and embedded posts are marked in the same pass.) */
static void NOINLINE mark_label_values(struct chrome_doc *d) {
  for (size_t i = 0; i < d->nunits; i++) {
    const struct chrome_unit *u = &d->units[i];
    if (!u->rule)
      continue;
    if (u->hit == CK_LINE && i > 0)
      mark_card(d, i); /* (a product card's button: see mark_card) */
    if (u->hit == CK_LINE && i > 0)
      mark_card_lines(d, i); /* (the same in lines of their own) */
    if (u->hit == CK_PREFIX && u->rule != R_EMBED)
      mark_embed(d, i); /* (and embedded posts: see mark_embed) */
    if (u->words == 0 || u->words > 2 || u->term != TERM_COLON ||
        d->text.data[u->off + u->tlen - 1] != ':' || i + 1 == d->nunits)
      continue;
    struct chrome_unit *v = &d->units[i + 1];
    if (!v->rule && !v->bullet && !v->widget && v->words >= 1 &&
        v->words <= CREDIT_WORDS && v->term == TERM_NONE)
      v->rule = R_CAPTION;
  }
}

/* Whether p[0..n) has a currency's sign: $, £, ¥, the signs from
 * U+20A0 (€, ₩, ₽, ₹ ...), "zł", "kr". */
static bool has_price(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c == '$')
      return true;
    if (i + 1 < n && c == 0xc2 && (p[i + 1] == '\xa3' || p[i + 1] == '\xa5'))
      return true;
    if (i + 2 < n && c == 0xe2 &&
        ((p[i + 1] == '\x82' && (unsigned char)p[i + 2] >= 0xa0) ||
         (p[i + 1] == '\x83' && (unsigned char)p[i + 2] <= 0x8f)))
      return true;
    if (i + 2 < n && (has_prefix(p + i, n - i, "z\xc5\x82") ||
                      has_prefix(p + i, n - i, " kr")))
      return true;
  }
  return false;
}

/* Whether line v of a product card is its price ("£45.00", "From
 * $12.99"). */
static bool card_price(const struct chrome_doc *d,
                       const struct chrome_unit *v) {
  return v->ntok > v->words && v->words <= CARD_PRICE_WORDS &&
         has_price(d->text.data + v->off, v->len);
}

/* A product card: a few short lines (the product's name, its price) and
 * a button that a whole-line rule knows ("Add to cart", "In den
 * Warenkorb") at its end, in one block; one of the lines is a price. The
 * button goes by its rule; the name and price go with it (and none
 * without a price: a block of other short lines before a rule's line,
 * "3.409 / letture / Nessun commento", is no card). */
static void mark_card(struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  if (u->words > CARD_BUTTON_WORDS || d->units[i - 1].blk != u->blk ||
      (i + 1 < d->nunits && d->units[i + 1].blk == u->blk))
    return; /* (the button ends its card: an ad's label inside a block
               cuts a sentence, "... cost $25 / ADVERTISEMENT / and ...") */
  size_t j = i, priced = 0;
  while (j > 0 && i - j < CARD_LINES && d->units[j - 1].blk == u->blk) {
    const struct chrome_unit *v = &d->units[j - 1];
    if (v->rule || v->bullet || v->widget || !no_end(v) ||
        v->words > LABEL_WORDS + 2)
      return;
    priced += card_price(d, v);
    j--;
  }
  if (priced && (j == 0 || d->units[j - 1].blk != u->blk))
    for (size_t k = j; k < i; k++)
      d->units[k].rule = R_CARD;
}

/* A product card in lines of their own (a WET record's blocks are
 * lines, so mark_card never sees one in a block): over the button at i,
 * each line a block, its name and its price, and at most CARD_LINES
 * lines, from the price and a line more up; the first of them, or
 * SIZE_MAX when there is none. */
static size_t card_top(const struct chrome_doc *d, size_t i) {
  size_t j = i, priced = 0;
  while (j > 0 && i - j < CARD_LINES && !(priced && i - j >= 2)) {
    const struct chrome_unit *v = &d->units[j - 1];
    if (v->rule || v->bullet || v->widget || !no_end(v) ||
        v->words > LABEL_WORDS + 2 || v->blk == d->units[j].blk)
      break;
    priced += card_price(d, v);
    j--;
  }
  return priced && i - j >= 2 ? j : SIZE_MAX;
}

/* The button at i ends such a card, and the card is one of a row (a grid
 * of products: the card right after it ends in the same button, or the
 * card's first line follows the same button): its name and price go.
 * The product's own head ("349,00 € / In den Warenkorb") has one button,
 * and stays. */
static void mark_card_lines(struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  size_t j = u->words > CARD_BUTTON_WORDS ? SIZE_MAX : card_top(d, i);
  if (j == SIZE_MAX)
    return;
  bool row = j > 0 && d->units[j - 1].rule == u->rule;
  for (size_t k = i + 2; !row && k < d->nunits && k <= i + 1 + CARD_LINES;
       k++)
    row = d->units[k].rule == u->rule && card_top(d, k) == i + 1;
  for (size_t k = j; row && k < i; k++)
    d->units[k].rule = R_CARD;
}

/* ---- repeated short lines --------------------------------------------- */

static enum kempt_status seen_table(struct chrome_doc *d,
                                    const struct kempt_allocator *a) {
  size_t size = 64;
  while (size < 2 * d->nunits)
    size *= 2;
  if (size > d->seen_cap || !d->seen || !d->seen_n || !d->memo) {
    kempt__free(a, d->seen);
    kempt__free(a, d->seen_n);
    kempt__free(a, d->memo);
    d->seen_cap = 0;
    d->seen = kempt__malloc(a, size * sizeof *d->seen);
    d->seen_n = kempt__malloc(a, size * sizeof *d->seen_n);
    d->memo = kempt__malloc(a, size * sizeof *d->memo);
    if (!d->seen || !d->seen_n || !d->memo)
      return KEMPT_ERR_NOMEM;
    d->seen_cap = size;
  }
  d->seen_mask = size - 1; /* this window's part of the table */
  memset(d->seen_n, 0, size * sizeof *d->seen_n);
  return KEMPT_OK;
}

static uint32_t *seen_slot(struct chrome_doc *d, uint64_t key) {
  size_t j = (size_t)key & d->seen_mask;
  while (d->seen_n[j] && d->seen[j] != key)
    j = (j + 1) & d->seen_mask;
  d->seen[j] = key;
  return &d->seen_n[j];
}

/* A line that asks a question: an interview may ask it of each guest. */
static bool is_question(const struct chrome_doc *d,
                        const struct chrome_unit *u) {
  size_t n = u->tlen;
  return n && d->text.data[u->off + n - 1] == '?';
}

/* (A longer line counts found three times, and with no sentence end: an
 * image's alt text that each picture repeats.) */
static bool repeat_candidate(const struct chrome_unit *u, uint32_t n) {
  if (u->words < 1 || u->term == TERM_SENT)
    return false;
  return u->words <= REPEAT_WORDS || (n >= REPEAT_ANY && u->term == TERM_NONE);
}

/* A line that starts a nearby line (an image's label, then its caption
 * with the credit glued on) counts as found twice, both of them. */
/* Whether the longer line v goes on after the shorter u's n bytes as the
 * same sentence: a space, then a word in small letters. A headline that
 * the lead sentence repeats ("Council approves budget" over "Council
 * approves budget after months of debate, ...") is no copy: a caption's
 * credit follows its label with a mark or a capital. */
static bool runs_on(const char *t, const struct chrome_unit *u,
                    const struct chrome_unit *v, size_t n) {
  if (u->len > v->len || v->term != TERM_SENT || v->words < LEAD_WORDS ||
      u->term == TERM_SENT || t[v->off + n] != ' ')
    return false;
  const unsigned char *w = (const unsigned char *)t + v->off + n + 1;
  if (*w < 0x80)
    return is_lower_ascii((char)*w);
  utf8proc_int32_t cp;
  utf8proc_ssize_t k =
      utf8proc_iterate(w, (utf8proc_ssize_t)(v->len - n - 1), &cp);
  return k > 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

/* Whether line v (its first 8 bytes b8) and the line of index i before
 * it (its first 8 bytes a8), both of PREFIX_DUP_MIN bytes or more, start
 * one with the other: then both are marked. */
static inline void prefix_pair(const char *t, struct chrome_unit *units,
                               size_t i, uint64_t a8, struct chrome_unit *v,
                               uint64_t b8) {
  struct chrome_unit *u = &units[i];
  if (a8 != b8 || u->len == v->len)
    return;
  size_t n = u->len < v->len ? u->len : v->len;
  if (memcmp(t + u->off, t + v->off, n) == 0 && !runs_on(t, u, v, n))
    u->dup = v->dup = true;
}

/* Marks each two lines within PREFIX_DUP_SPAN of each other of which one
 * starts with the other (the shorter of them PREFIX_DUP_MIN bytes or
 * more). The lines of PREFIX_DUP_MIN bytes and up are taken in order,
 * the last three of them at hand with their first 8 bytes (a line's
 * bytes are read once, not once for each line before it). */
_Static_assert(PREFIX_DUP_SPAN == 3, "prefix_dups keeps three lines");
static void prefix_dups(struct chrome_doc *d) {
  const char *t = d->text.data;
  struct chrome_unit *units = d->units;
  size_t nu = d->nunits;
  /* the last three (1: the latest); SIZE_MAX / 2: none (j - it wraps to
   * more than the span for any index j) */
  size_t i1 = SIZE_MAX / 2, i2 = SIZE_MAX / 2, i3 = SIZE_MAX / 2;
  uint64_t h1 = 0, h2 = 0, h3 = 0;
  for (size_t j = 0; j < nu; j++) {
    struct chrome_unit *v = &units[j];
    if (v->len < PREFIX_DUP_MIN)
      continue; /* the shorter of any pair with it is too short */
    uint64_t b8; /* their first 8 bytes first (both have 30 and up) */
    memcpy(&b8, t + v->off, 8);
    if (j - i1 <= PREFIX_DUP_SPAN) {
      prefix_pair(t, units, i1, h1, v, b8);
      if (j - i2 <= PREFIX_DUP_SPAN) {
        prefix_pair(t, units, i2, h2, v, b8);
        if (j - i3 <= PREFIX_DUP_SPAN)
          prefix_pair(t, units, i3, h3, v, b8);
      }
    }
    i3 = i2;
    h3 = h2;
    i2 = i1;
    h2 = h1;
    i1 = j;
    h1 = b8;
  }
}

/* (The keys were counted in classify's first pass.) A line's dup is
 * final once prefix_dups has paired it with the lines around it. */
static void mark_repeats(struct chrome_doc *d) {
  prefix_dups(d);
  for (size_t i = 0; i < d->nunits; i++) {
    struct chrome_unit *u = &d->units[i];
    if (!u->key)
      continue;
    uint32_t n = d->seen_n[u->seen_at]; /* (its slot stays where it is) */
    if (n < 2)
      continue; /* found once: neither a dup nor a repeat */
    bool question = is_question(d, u);
    u->dup = u->dup || !question;
    if (!repeat_candidate(u, n) || u->rule || question)
      continue;
    if ((n >= 2 && u->words <= 3) || (n >= 3 && u->words <= 8))
      u->rule = R_REPEAT;
    else if (n >= REPEAT_ANY)
      u->rule = R_THRICE;
  }
}

/* ---- classes ---------------------------------------------------------- */

static bool dense(const struct chrome_unit *u, unsigned pct) {
  return u->words && 100u * u->stop >= pct * u->words;
}

static bool ends_prose(const struct chrome_unit *u) {
  return u->term == TERM_SENT || u->term == TERM_COLON;
}

/* Class of a line when the language has no function-word list. */
static uint8_t class_nolang(const struct chrome_unit *u) {
  if (u->chars >= 70 && ends_prose(u))
    return CL_GOOD;
  if (u->chars >= 200 || (u->chars >= 25 && ends_prose(u)))
    return CL_NEAR;
  return CL_SHORT;
}

/* (url is known only where it counts here: lines without a rule, below
 * 12 words, not widgets, with fewer than 2 separators; list_line sees
 * only lines this made CL_BAD.) */
static HOT_INLINE bool link_like(const struct chrome_unit *u) {
  if (u->widget || (u->url && u->words < 12) || u->seps >= 2)
    return true;
  return u->bullet && u->term != TERM_SENT && u->words <= 10;
}

/* Few function words in any known language and few capitals: a language
 * without a list (or a script without spaces): judge by length. */
static bool unknown_lang(const struct chrome_unit *u) {
  if (u->chars >= 10u * u->words)
    return true;
  return u->words >= 6 && u->stop == 0 && 100u * u->upper < 15u * u->words;
}

/* On a page of no clear language, or of one guessed from few words (a
 * language without a list, Hungarian or Swahili, whose words match a few
 * of other lists: "de", "ya", "za"; Danish or Norwegian read as
 * Swedish): a line with few of those words (1 in 5; near: any number,
 * for a near-good line) and few capitals, with a sentence's end, judged
 * by length as unknown_lang's (a short paragraph was no prose there). */
static bool few_stops(const struct chrome_unit *u, bool near) {
  return !u->rule && u->words >= 6 && (near || 5u * u->stop <= u->words) &&
         100u * u->upper < 35u * u->words && ends_prose(u) && !link_like(u);
}

/* Long sentences in lower case read as prose whatever their words. */
static bool prose_form(const struct chrome_unit *u) {
  return u->words >= PROSE_WORDS && ends_prose(u) &&
         100u * u->upper < 35u * u->words;
}

/* A sentence in lower case (prose_form's, shorter). */
static bool prose_form_lower(const struct chrome_unit *u) {
  return ends_prose(u) && 100u * u->upper < 35u * u->words;
}

/* Whether p[0..n) ends in a Thai or Lao letter (U+0E00..U+0EFF). */
static bool thai_end(const char *p, size_t n) {
  const unsigned char *s = (const unsigned char *)p;
  return n >= 3 && s[n - 3] == 0xE0 && s[n - 2] >= 0xB8 && s[n - 2] <= 0xBB;
}

/* A Thai line long enough for a paragraph that ends in a letter: few
 * words (spaces part its phrases), but no link's line for a web address
 * in it. */
static bool thai_paragraph(const struct chrome_unit *u, const char *text) {
  return u->chars >= 2 * THAI_PROSE && u->term == TERM_NONE &&
         thai_end(text + u->off, u->tlen);
}

#define DENSE_NEAR 12 /* code points of a near-good line of Han, kana or
                         Hangul that ends a sentence */

/* Whether the line p[0..n) starts with Han, kana or Hangul (or CJK
 * punctuation): a character of them says what two or three of a Latin
 * script do, and a short line of them may be a whole sentence. */
static bool dense_start(const char *p, size_t n) {
  int32_t cp = 0;
  if (n)
    kempt__next_cp(p, n, &cp);
  return (cp >= 0x3000 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
         (cp >= 0xF900 && cp <= 0xFAFF);
}

/* A line of DENSE_NEAR such characters or more that ends a sentence is
 * near-good text, not a short line ("구는 올해 예산 3억 원을 편성했다.",
 * "目前已有一百二十名学生报名。": a news story's one-sentence paragraph). */
static NOINLINE bool dense_sentence(const struct chrome_unit *u,
                                    const char *text) {
  return u->chars >= DENSE_NEAR && ends_prose(u) &&
         dense_start(text + u->off, u->len);
}

/* A long Thai line over its article's date line (or over a byline over
 * it) is the headline: a paragraph is longer, and has no date under it. */
static NOINLINE bool thai_headline(const struct chrome_doc *d, size_t i) {
  return d->units[i].chars < 2 * THAI_PROSE &&
         kempt__chrome_over_head_date(d, i);
}

static HOT_INLINE uint8_t class_of(const struct chrome_unit *u, bool nolang) {
  if (u->rule == R_REPEAT || u->rule == R_THRICE)
    return CL_SHORT;
  if (u->rule)
    return CL_HARD;
  if (link_like(u))
    return CL_BAD;
  if (u->words == 0)
    return CL_SHORT;
  if (nolang || unknown_lang(u))
    return class_nolang(u);
  if (prose_form(u))
    return CL_GOOD;
  if (u->words >= GOOD_WORDS && dense(u, GOOD_DENSITY) &&
      (ends_prose(u) || u->words >= LONG_WORDS))
    return CL_GOOD;
  if (u->words >= NEAR_WORDS && dense(u, NEAR_DENSITY) && ends_prose(u))
    return CL_NEAR;
  if (u->words >= GOOD_WORDS && dense(u, GOOD_DENSITY))
    return CL_NEAR;
  if (u->words >= GOOD_WORDS && u->stop && prose_form_lower(u))
    return CL_NEAR; /* a language with few listed function words (uk) */
  return CL_SHORT;
}

#define LEAD_PARAS 4 /* paragraphs of a lead that an inline teaser follows */

/* The rule kinds of an inline teaser (the caller tests them): a prefix,
 * or a list's marker with no list after it. */
#define TEASER_HITS (1u << CK_PREFIX | 1u << CK_PREFIXSEP | 1u << CK_LIST)

/* A paragraph of prose beside an inline teaser: good or near good (a
 * CJK paragraph often is), with a sentence's end. */
static bool prose_side(const struct chrome_unit *u) {
  return (u->cls == CL_GOOD || u->cls == CL_NEAR) && !u->rule &&
         u->term == TERM_SENT;
}

static bool teaser_in_story(const struct chrome_doc *d, size_t i, size_t b,
                            bool nolang);

/* Whether unit i is a line that a prefix rule removed ("Read also:
 * TITLE", "Lire aussi : ...") between the page's first paragraphs of
 * prose and another: a teaser under the article's lead, which is no end of the
 * article (a lead of one sentence, worth less than the teaser costs,
 * stays with the body after it). Further on, the stretch spans such a
 * line on its own, but not near the article's end, where prose past it
 * is often chrome: there teaser_in_story tells the two apart. */
static NOINLINE bool inline_teaser(const struct chrome_doc *d, size_t i,
                                    size_t *first, bool nolang) {
  size_t a = i, b = i + 1;
  while (a > 0 && d->units[a - 1].chars == 0)
    a--;
  while (b < d->nunits && d->units[b].chars == 0)
    b++;
  if (a == 0 || b == d->nunits || !prose_side(&d->units[a - 1]) ||
      !prose_side(&d->units[b]))
    return false;
  if (*first == SIZE_MAX) { /* the page's first prose, found once */
    size_t j = 0;
    while (j < d->nunits && !prose_side(&d->units[j]))
      j++;
    *first = j;
  }
  if (*first >= a)
    return false;
  /* the lead: the page's first prose, a few paragraphs of it with
   * nothing else between them (a tabloid's one-sentence paragraphs) */
  for (size_t j = a - 1, paras = 0; j > *first; j--)
    if (d->units[j - 1].chars &&
        (++paras >= LEAD_PARAS || !prose_side(&d->units[j - 1])))
      return teaser_in_story(d, i, b, nolang);
  return true;
}

#define PULL_REACH 12 /* lines either side that may hold a pull quote's words */
#define PULL_MIN 24   /* bytes of its words at least */
#define PULL_WORDS 40 /* words of a pull quote at most */

/* The length of the quotation mark that p[0..n) opens with ('"', curly
 * and low quotes, guillemets), or 0. */
static size_t open_quote(const char *p, size_t n) {
  unsigned char c = n ? (unsigned char)p[0] : 0;
  if (c != '"' && c != '\'' && c != 0xC2 && c != 0xE2)
    return 0; /* (most lines: no mark of either kind first) */
  if (c == '"' || c == '\'')
    return 1;
  if (n >= 2 && (has_prefix(p, n, "\xc2\xab") || has_prefix(p, n, "\xc2\xbb")))
    return 2; /* « » */
  if (n >= 3 && has_prefix(p, n, "\xe2\x80") &&
      ((unsigned char)p[2] >= 0x98 && (unsigned char)p[2] <= 0x9F))
    return 3; /* ‘ ’ ‚ ‛ “ ” „ ‟ */
  return 0;
}

/* n without the quotation marks and sentence marks that p[0..n) ends
 * with ("... grew up.\u201d" -> "... grew up"). */
static size_t quote_body_end(const char *p, size_t n) {
  for (;;) {
    while (n && (p[n - 1] == '.' || p[n - 1] == ',' || p[n - 1] == '!' ||
                 p[n - 1] == '?' || p[n - 1] == ' '))
      n--;
    if (n && (p[n - 1] == '"' || p[n - 1] == '\''))
      n--;
    else if (n >= 2 && (has_prefix(p + n - 2, 2, "\xc2\xab") ||
                        has_prefix(p + n - 2, 2, "\xc2\xbb")))
      n -= 2;
    else if (n >= 3 && has_prefix(p + n - 3, 3, "\xe2\x80") &&
             (unsigned char)p[n - 1] >= 0x98 && (unsigned char)p[n - 1] <= 0x9F)
      n -= 3;
    else
      return n;
  }
}

/* Whether s[0..n) holds w[0..k) (k >= 1). */
static bool holds(const char *s, size_t n, const char *w, size_t k) {
  for (const char *q = memchr(s, w[0], n); q && (size_t)(s + n - q) >= k;
       q = memchr(q + 1, w[0], (size_t)(s + n - q - 1)))
    if (memcmp(q, w, k) == 0)
      return true;
  return false;
}

/* The nearest line with text from i (dir +1 or -1) is prose. */
static bool prose_beside(const struct chrome_doc *d, size_t i, int dir) {
  for (size_t n = 0; n < 3; n++) {
    if (dir < 0 ? i == 0 : i + 1 >= d->nunits)
      return false;
    i = dir < 0 ? i - 1 : i + 1;
    const struct chrome_unit *u = &d->units[i];
    if (u->chars)
      return (u->cls == CL_GOOD || u->cls == CL_NEAR) && !u->rule;
  }
  return false;
}

/* A pull quote: a line that is a quotation alone, between paragraphs of
 * prose, whose words a longer paragraph near it holds - the article's own
 * sentence shown again ("\u201cIt is where we all grew up.\u201d" beside
 * "\u201cIt is where we all grew up,\u201d said ..."), a sentence. A title in
 * quotes is above the article, not between its paragraphs; a heading in
 * quotes over its paragraph has no sentence's end. */
static NOINLINE bool pull_quote(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  const char *p = d->text.data + u->off;
  size_t q = open_quote(p, u->len), e = quote_body_end(p, u->len);
  if (!q || e < q + PULL_MIN || u->term != TERM_SENT ||
      !prose_beside(d, i, -1) ||
      !prose_beside(d, i, 1))
    return false;
  size_t from = i > PULL_REACH ? i - PULL_REACH : 0;
  for (size_t j = from; j < d->nunits && j <= i + PULL_REACH; j++) {
    const struct chrome_unit *v = &d->units[j];
    if (j != i && v->len > u->len &&
        holds(d->text.data + v->off, v->len, p + q, e - q))
      return true;
  }
  return false;
}

static HOT_INLINE int32_t score_of(const struct chrome_unit *u) {
  int32_t c = (int32_t)(u->chars > GOOD_CAP ? GOOD_CAP : u->chars);
  if (u->rule == R_LISTITEM)
    return -LIST_ITEM_COST;
  if (u->hit == CK_CAPTION ||
      (u->rule
           ? u->rule == R_CAPTION || u->rule == R_DOUBLE || u->rule == R_SLUG ||
                 u->rule == R_PULLQUOTE || u->rule == R_SLIDE ||
                 u->rule == R_SIGNUP || u->rule == R_EMBED || u->rule == R_CARD
           : u->widget))
    return -SHORT_BASE; /* in the article or not: no gap */
  int32_t small = c > 200 ? 200 : c;
  switch (u->cls) {
  case CL_GOOD:
    return u->soft_has ? c / SOFT_DIV : c;
  case CL_NEAR:
    return c / NEAR_DIV;
  case CL_SHORT:
    return -(SHORT_BASE + small / SHORT_DIV);
  case CL_BAD:
    return -(BAD_BASE + c / 2);
  default:
    return -(HARD_BASE + c);
  }
}

/* ---- lists and teasers ------------------------------------------------ */

static bool no_end(const struct chrome_unit *u) {
  return u->term == TERM_NONE || u->term == TERM_ELLIPSIS;
}

static bool head_size(const struct chrome_unit *u, bool nolang) {
  if (nolang)
    return u->chars >= 8 && u->chars <= 150;
  return u->words >= 3 && u->words <= HEAD_MAX_WORDS;
}

/* A headline: capitalised, short, no sentence end. */
static HOT_INLINE bool is_head(const struct chrome_unit *u, bool nolang) {
  return !u->rule && no_end(u) && head_size(u, nolang) && !u->widget &&
         u->seps < 3 && /* a menu's items are no headline */
         (u->cap1 || nolang);
}

/* The next unit from i on (dir +1 or -1) with text, or SIZE_MAX. */
static size_t text_unit(const struct chrome_doc *d, size_t i, int dir) {
  while (i < d->nunits && d->units[i].chars == 0)
    i = dir > 0 ? i + 1 : i - 1; /* (0 - 1 wraps past nunits) */
  return i < d->nunits ? i : SIZE_MAX;
}

#define SUMMARY_SHARED 2 /* a title's words that its summary repeats */
#define STEM_CPS 5        /* code points of a word's stem */
#define STEM_MIN 4        /* code points of a word compared at least */

/* The stem of word p[0..n): its first STEM_CPS code points lower-cased,
 * in st[]; returns how many (a word's endings vary: "roof", "roofs"). */
static size_t word_stem(const char *p, size_t n, int32_t st[STEM_CPS]) {
  size_t k = 0;
  for (size_t at = 0; at < n && k < STEM_CPS;) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)p + at,
                                            (utf8proc_ssize_t)(n - at), &cp);
    if (len <= 0)
      break;
    st[k++] = utf8proc_tolower(cp);
    at += (size_t)len;
  }
  return k;
}

static size_t stems_shared(const struct chrome_doc *d, size_t i, size_t from,
                           size_t b, bool content);

/* The words of a teaser's title (after its label's colon) whose stem
 * paragraph b has too (the shorter of two stems, of STEM_MIN code points
 * at least): a teaser's summary names what its title does ("Why swifts
 * leave our roofs" over "Swifts lose their nests under the roof
 * tiles..."); words shorter than STEM_MIN are left out. */
static size_t title_words_in(const struct chrome_doc *d, size_t i, size_t b) {
  const char *p = d->text.data + d->units[i].off;
  const char *colon = memchr(p, ':', d->units[i].len);
  return stems_shared(d, i, colon ? (size_t)(colon - p) : 0, b, false);
}

/* The words of line i from byte from on whose stem paragraph b has too
 * (as title_words_in compares them); content: function words of any
 * language and words shorter than STEM_CPS left out ("neue", "zwei"). */
static size_t stems_shared(const struct chrome_doc *d, size_t i, size_t from,
                           size_t b, bool content) {
  struct chrome_tok t[CHROME_MAXTOK], w[CHROME_MAXTOK];
  size_t total;
  const struct chrome_unit *u = &d->units[i], *v = &d->units[b];
  size_t nt = kempt__chrome_unit_tokens(d, u, t, CHROME_MAXTOK, &total);
  size_t nw = kempt__chrome_unit_tokens(d, v, w, CHROME_MAXTOK, &total);
  const char *p = d->text.data + u->off, *q = d->text.data + v->off;
  size_t shared = 0;
  for (size_t k = 0; k < nt; k++) {
    int32_t a[STEM_CPS], c[STEM_CPS];
    size_t na = t[k].alpha && t[k].start >= from &&
                        !(content && kempt__stopword_langs(p + t[k].start,
                                                           t[k].end - t[k].start))
                    ? word_stem(p + t[k].start, t[k].end - t[k].start, a)
                    : 0;
    for (size_t m = 0; na >= STEM_MIN && m < nw; m++) {
      size_t nc = w[m].alpha
                      ? word_stem(q + w[m].start, w[m].end - w[m].start, c)
                      : 0;
      size_t n = nc < na ? nc : na; /* ("roof", "roofs") */
      if (n >= (content ? STEM_CPS : STEM_MIN) &&
          memcmp(a, c, n * sizeof a[0]) == 0) {
        shared++;
        break;
      }
    }
  }
  return shared;
}

/* Whether a list of teasers starts at the first line with text from c:
 * a headline, then a line no rule removed that is another headline or a
 * summary (a footer's one line that reads as a headline, "Found an error?
 * Select it and press Ctrl+Enter", has chrome or nothing after it). */
static bool teaser_list_at(const struct chrome_doc *d, size_t c, bool nolang) {
  c = text_unit(d, c, 1);
  if (c == SIZE_MAX || !is_head(&d->units[c], nolang))
    return false;
  size_t e = text_unit(d, c + 1, 1);
  if (e == SIZE_MAX)
    return false;
  const struct chrome_unit *v = &d->units[e];
  return !v->rule && (is_head(v, nolang) || v->term == TERM_SENT);
}

/* Whether the line "Read also: TITLE" at i (a label with its colon and a
 * title on one line), past the article's lead, stands between two
 * paragraphs of the story: paragraph b after it goes on with the article
 * (it is not the teased article's summary, that repeats the title's
 * words) and no list of teasers follows b (title, summary, title...). A label alone on its line opens a list: not here. */
static bool teaser_in_story(const struct chrome_doc *d, size_t i, size_t b,
                            bool nolang) {
  if (d->units[i].hit != CK_PREFIXSEP ||
      title_words_in(d, i, b) >= SUMMARY_SHARED)
    return false;
  return !teaser_list_at(d, b + 1, nolang);
}

static bool is_summary(const struct chrome_unit *u) {
  return !u->rule && (u->term == TERM_SENT || u->term == TERM_ELLIPSIS) &&
         u->words <= TEASER_WORDS;
}

/* Whether no more of the article follows from line c to the page's end:
 * no prose, no heading (a section of it). */
static bool article_over(const struct chrome_doc *d, size_t c) {
  for (; c < d->nunits; c++)
    if (prose_side(&d->units[c]) || is_head(&d->units[c], false))
      return false;
  return true;
}

/* Line b goes with the "read also" title over it. */
static void mark_teased(struct chrome_doc *d, size_t b) {
  d->units[b].rule = R_TEASED;
  d->units[b].cls = CL_HARD;
}

/* Whether line i is "Read also: TITLE" after the article with the teased
 * article's summary under it (a sentence that repeats the title's words)
 * and no more of the article after that to the page's end (no prose, no
 * heading): then the summary is marked to go with its title (and no
 * inline teaser is looked for). */
static NOINLINE bool teased_summary(struct chrome_doc *d, size_t i) {
  if (d->units[i].hit != CK_PREFIXSEP)
    return false;
  size_t a = i ? text_unit(d, i - 1, -1) : SIZE_MAX;
  size_t b = text_unit(d, i + 1, 1);
  if (a == SIZE_MAX || b == SIZE_MAX || !prose_side(&d->units[a]) ||
      !is_summary(&d->units[b]) || d->units[b].cls != CL_GOOD)
    return false;
  if (!article_over(d, b + 1) || title_words_in(d, i, b) < SUMMARY_SHARED)
    return false;
  mark_teased(d, b);
  return true;
}

#define TEASED_PAIRS 2 /* title and summary pairs after a "read also" label */

/* Whether unit u is a teaser's summary of one sentence (no sentence's
 * end followed by a space before its last). */
static bool one_sentence_summary(const struct chrome_doc *d,
                                 const struct chrome_unit *u) {
  if (!is_summary(u) || (u->cls != CL_GOOD && u->cls != CL_NEAR))
    return false;
  const char *p = d->text.data + u->off;
  for (size_t k = 0; k + 1 < u->len; k++)
    if ((p[k] == '.' || p[k] == '!' || p[k] == '?') && p[k + 1] == ' ')
      return false;
  return true;
}

#define ARTICLE_PARAS 4 /* paragraphs of prose before a label compared */

/* The content words of line x from byte from on that the article's last
 * ARTICLE_PARAS paragraphs of prose before line i have (once per
 * paragraph). */
static size_t article_words(const struct chrome_doc *d, size_t i, size_t x,
                            size_t from) {
  size_t n = 0;
  for (size_t j = i, paras = 0; j-- > 0 && paras < ARTICLE_PARAS;)
    if (prose_side(&d->units[j])) {
      n += stems_shared(d, x, from, j, true);
      paras++;
    }
  return n;
}

/* Whether line i is "Read also: TITLE" after the article's prose, over
 * TEASED_PAIRS teasers (the title's summary, then another headline and
 * its summary), each summary of one sentence and each pair sharing fewer
 * than SUMMARY_SHARED content words with the article's last paragraphs
 * (a teaser tells of another story; the article's own last paragraph
 * under a subheading goes on with its words, or runs longer), and no
 * more of the article after them: then the summaries and headline go
 * with the label. One pair alone is left to teased_summary: the
 * article's last sentence after a teaser may share no word either. */
static NOINLINE bool teased_pairs(struct chrome_doc *d, size_t i,
                                  bool nolang) {
  if (d->units[i].hit != CK_PREFIXSEP)
    return false;
  size_t a = i ? text_unit(d, i - 1, -1) : SIZE_MAX;
  if (a == SIZE_MAX || !prose_side(&d->units[a]))
    return false;
  const char *p = d->text.data + d->units[i].off;
  const char *colon = memchr(p, ':', d->units[i].len);
  size_t from = colon ? (size_t)(colon - p) : 0;
  size_t at[2 * TEASED_PAIRS] = {i}; /* headline, summary, headline, ... */
  for (size_t k = 1; k < 2 * TEASED_PAIRS; k++) {
    at[k] = text_unit(d, at[k - 1] + 1, 1);
    if (at[k] == SIZE_MAX)
      return false;
    const struct chrome_unit *u = &d->units[at[k]];
    if (k % 2 ? !one_sentence_summary(d, u) : !is_head(u, nolang))
      return false;
  }
  if (!article_over(d, at[2 * TEASED_PAIRS - 1] + 1))
    return false;
  /* (the words last: most labels fail the cheaper tests above) */
  for (size_t k = 1; k < 2 * TEASED_PAIRS; k += 2)
    if (article_words(d, i, at[k - 1], k == 1 ? from : 0) +
            article_words(d, i, at[k], 0) >=
        SUMMARY_SHARED)
      return false;
  for (size_t k = 1; k < 2 * TEASED_PAIRS; k++)
    mark_teased(d, at[k]);
  return true;
}

static bool list_item(const struct chrome_unit *u, bool nolang) {
  if (!no_end(u) || u->widget)
    return false;
  return nolang ? u->chars <= 150 : u->words <= HEAD_MAX_WORDS;
}

static bool stops_list(const struct chrome_unit *u) {
  return u->hit == CK_CUT || u->hit == CK_LIST;
}

/* Skip rule-removed lines (not markers) from j. */
static size_t skip_removed(const struct chrome_doc *d, size_t j) {
  while (j < d->nunits && d->units[j].rule && !stops_list(&d->units[j]))
    j++;
  return j;
}

/* A summary in a list is followed by the next headline (or the end). */
static bool list_summary(const struct chrome_doc *d, size_t j, bool nolang) {
  if (!is_summary(&d->units[j]))
    return false;
  size_t k = skip_removed(d, j + 1);
  return k == d->nunits || stops_list(&d->units[k]) ||
         list_item(&d->units[k], nolang);
}

/* The list's one headline at head, then at j a sentence of its own
 * block that ends the list (the article's last paragraph after a link
 * to a related story, before the comments): the article's, no summary. */
static bool article_after_one(const struct chrome_doc *d, size_t head,
                              size_t j, size_t items, bool nolang) {
  if (items != 1 || d->units[j].blk == d->units[head].blk)
    return false;
  size_t k = skip_removed(d, j + 1);
  return k == d->nunits || stops_list(&d->units[k]) ||
         !list_item(&d->units[k], nolang);
}

/* Drop the headlines (and their summaries) after a list marker at i. */
/* The copy of line x's text that comes next within CARD_SPAN lines, or
 * SIZE_MAX. */
static size_t next_copy(const struct chrome_doc *d, size_t x) {
  for (size_t y = x + 1; y < d->nunits && y <= x + CARD_SPAN; y++)
    if (d->units[y].key == d->units[x].key)
      return y;
  return SIZE_MAX;
}

/* Cards after a list marker at i: CARD_MIN or more groups of the same
 * number of lines, each with a copy of the same line at the same place
 * (a picture's label, a "Read more" or share button) whatever the length
 * of their text. Returns the last line of the last card, or SIZE_MAX. */
static size_t card_run(struct chrome_doc *d, size_t i) {
  size_t from = i + 1;
  for (size_t x = from; x < d->nunits && x < from + CARD_SPAN; x++) {
    const struct chrome_unit *u = &d->units[x];
    if (stops_list(u))
      return SIZE_MAX;
    bool said = u->rule && u->rule != R_REPEAT && u->rule != R_THRICE;
    if (!u->key || said || *seen_slot(d, u->key) < CARD_MIN)
      continue; /* (an ad's label between paragraphs says what it is) */
    size_t y = next_copy(d, x);
    if (y == SIZE_MAX || y - x <= x - from)
      continue; /* the cards must start right after the marker */
    size_t period = y - x, cards = 1, last = x;
    while (cards < LIST_MAX && last + period < d->nunits &&
           d->units[last + period].key == u->key) {
      last += period;
      cards++;
    }
    if (cards >= CARD_MIN) {
      size_t end = last + period - 1 - (x - from);
      return end < d->nunits ? end : d->nunits - 1;
    }
  }
  return SIZE_MAX;
}

/* Whether lines i and j start alike: both with a bullet or neither,
 * both with a digit ("5. ...") or neither. */
static bool same_lead(const struct chrome_doc *d, size_t i, size_t j) {
  const struct chrome_unit *u = &d->units[i], *v = &d->units[j];
  const char *p = d->text.data + u->off, *q = d->text.data + v->off;
  size_t a = indentation(p, u->len), b = indentation(q, v->len);
  bool du = a < u->len && (unsigned)(p[a] - '0') < 10;
  bool dv = b < v->len && (unsigned)(q[b] - '0') < 10;
  return u->bullet == v->bullet && du == dv;
}

/* The first digit in p[k..n) of a held line (p[n] and CHROME_LEX_PAD - 1
 * bytes after it can be read), or n: 16 bytes at a time. */
#if defined(__SSE2__) && defined(__x86_64__)
static size_t next_digit(const char *p, size_t k, size_t n) {
  for (; k < n; k += 16) {
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + k));
    unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(
        _mm_set1_epi8((char)(-128 + 10)),
        _mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - '0')))));
    if (m)
      return k + kempt__chrome_ctz(m) < n ? k + kempt__chrome_ctz(m) : n;
  }
  return n;
}
#else
static size_t next_digit(const char *p, size_t k, size_t n) {
  while (k < n && (unsigned)(p[k] - '0') >= 10)
    k++;
  return k;
}
#endif

/* A row of a table: a short line with two numbers past its list number
 * ("3." or "3)" before a headline says only where it is in the list; a
 * menu's "Formula 1" has one, and so has a time; years do not count):
 * "Round 2: 26 April", "1a etapa: 10 de março". */
static bool table_row(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  if (u->rule || u->bullet || u->words > HEAD_MAX_WORDS ||
      u->ntok <= u->words || u->ntok > CHROME_MAXTOK)
    return false; /* (a number is a token that is no word; a bullet
                     marks a list) */
  const char *p = d->text.data + u->off;
  size_t k = indentation(p, u->len), runs = 0;
  while (k < u->len && (unsigned)(p[k] - '0') < 10)
    k++;
  if (k == u->len || (p[k] != '.' && p[k] != ')'))
    k = indentation(p, u->len);
  while (k < u->len && runs < 2) { /* ("14:48", "60,000": one) */
    if ((unsigned)(p[k] - '0') >= 10) {
      k = next_digit(p, k + 1, u->len);
      continue;
    }
    size_t s = k;
    while (k < u->len &&
           ((unsigned)(p[k] - '0') < 10 ||
            (k + 1 < u->len && (p[k] == ':' || p[k] == '.' || p[k] == ',') &&
             (unsigned)(p[k + 1] - '0') < 10)))
      k++;
    runs += !(k - s == 4 && (has_prefix(p + s, 2, "19") ||
                             has_prefix(p + s, 2, "20"))); /* no year */
  }
  return runs >= 2;
}

/* Whether DATA_MIN rows of a table start at line j. */
static bool table_at(const struct chrome_doc *d, size_t j) {
  if (!table_row(d, j))
    return false;
  size_t rows = 1;
  for (size_t k = j + 1; k < d->nunits && k <= j + DATA_MIN && rows < DATA_MIN;
       k++)
    rows += table_row(d, k);
  return rows >= DATA_MIN;
}

/* A wiki's section heading ("History[edit]") at j ends a list of links
 * (a menu's, over the article in a WET record, where no blank line
 * parts them): its sections are the article's, and so is a sentence
 * right above it that the list took (the article's lead). */
static void wiki_ends_list(struct chrome_doc *d, size_t j) {
  struct chrome_unit *v = &d->units[j - 1];
  if (v->rule == R_LISTITEM && v->term == TERM_SENT)
    v->rule = NULL;
}

static void mark_list(struct chrome_doc *d, size_t i, bool nolang) {
  bool prev_head = false;
  size_t items = 0;
  size_t cards = card_run(d, i), j = i + 1;
  for (; cards != SIZE_MAX && j <= cards; j++) /* then the list goes on */
    if (!d->units[j].rule)
      d->units[j].rule = R_LISTITEM;
  size_t head = j, bare = 0; /* the last headline; headlines without a
                               summary (a list of them has none) */
  size_t targets = 0; /* lines the rules know ("Facebook") before any item */
  if (d->units[i].bullet && cards == SIZE_MAX && j < d->nunits &&
      d->units[j].bullet && d->units[j].hit == CK_LINE)
    targets = 1; /* (a marker that is an item of a list of buttons:
                    "• Share" over "• Post") */
  for (; j < d->nunits && items < LIST_MAX; j++) {
    struct chrome_unit *u = &d->units[j];
    if (u->wiki && u->rule && items) { /* ("References[edit]" under a
                                          stub's only paragraph) */
      wiki_ends_list(d, j);
      break;
    }
    if (stops_list(u))
      break;
    if (u->rule) {
      targets += u->hit == CK_LINE && !items;
      continue;
    }
    if (!items && targets >= LIST_TARGETS &&
        (u->blk != d->units[j - 1].blk ||
         (d->units[j - 1].bullet && !u->bullet) ||
         (!u->bullet && j + 1 < d->nunits && d->units[j + 1].bullet &&
          !d->units[j + 1].rule)))
      break; /* a share list's targets were all of it: a new block is not,
                nor a line without the bullet of its targets, nor a
                heading over bulleted lines ("Key points") */
    if (!items && targets && u->blk != d->units[j - 1].blk &&
        !u->bullet && j + 1 < d->nunits && !d->units[j + 1].rule &&
        d->units[j + 1].blk != u->blk && d->units[j + 1].term == TERM_SENT &&
        d->units[j + 1].words >= LEAD_WORDS && !d->units[j + 1].bullet)
      break; /* (one target, "Share" / "Email": so is a heading in a new
                block over a paragraph of its own, a live page's entry) */
    if (u->ntok > u->words && !u->bullet &&
        table_at(d, j)) { /* rows of a table are no headlines */
      if (items && d->units[j - 1].rule == R_LISTITEM)
        d->units[j - 1].rule = NULL; /* (and their heading stays) */
      break;
    }
    if (u->wiki) {
      wiki_ends_list(d, j);
      break;
    }
    if (list_item(u, nolang) || (bare >= BARE_HEADS && same_lead(d, head, j) &&
                                  list_summary(d, j, nolang))) {
      bare += prev_head; /* (a headline of the list that ends in '.') */
      prev_head = true;
      head = j;
    } else if (prev_head && j - head <= SUMMARY_AFTER && bare < BARE_HEADS &&
               list_summary(d, j, nolang) &&
               !article_after_one(d, head, j, items, nolang)) {
      prev_head = false;
    } else {
      break;
    }
    u->rule = R_LISTITEM;
    items++;
  }
  if (items == 1 && head + 1 == j && j < d->nunits &&
      d->units[head].blk != d->units[i].blk &&
      d->units[j].blk == d->units[head].blk && !d->units[j].rule &&
      d->units[j].term == TERM_SENT && d->units[head].rule == R_LISTITEM)
    d->units[head].rule = NULL; /* a heading over its text, in a block of
                                   their own: no list ("Description") */
}

/* A run of headline + summary pairs from i: returns its end, and marks it
 * when it has enough pairs. */
/* Skip removed lines and up to TEASER_LABELS short labels or headlines
 * (a section name, a source, the headline again: its copy counts as a
 * label whatever its end) from j, the line after a headline. */
static size_t skip_labels(const struct chrome_doc *d, size_t j, bool nolang) {
  uint64_t head = d->units[j - 1].key; /* (j - 1: the headline) */
  for (int labels = 0; j < d->nunits; j++) {
    const struct chrome_unit *u = &d->units[j];
    if (u->rule && !stops_list(u))
      continue;
    bool label = !u->rule && (no_end(u) || u->key == head) &&
                 (u->words <= LABEL_WORDS || is_head(u, nolang) ||
                  u->key == head);
    if (!label || labels++ == TEASER_LABELS)
      break;
  }
  return j;
}

/* Whether a word (token [s, e) of p) has the next sentence glued on after
 * two or more small letters or digits: "OptionsThe", "250,000The",
 * "Student-AthleteA" (a capital, then a small letter or the word's end). */
static bool glued_inside(const char *p, size_t s, size_t e) {
  for (size_t k = s + 2; k < e; k++) {
    char a = p[k - 1], b = p[k - 2];
    if (!is_upper_ascii(p[k]) ||
        !(is_lower_ascii(a) || (unsigned)(a - '0') < 10) ||
        !(is_lower_ascii(b) || (unsigned)(b - '0') < 10))
      continue;
    if (k + 1 == e || is_lower_ascii(p[k + 1]))
      return true;
  }
  return false;
}

/* Whether the bytes p[s, e) between two words hold no space. */
static bool no_space(const char *p, size_t s, size_t e) {
  for (size_t k = s; k < e; k++)
    if (p[k] == ' ' || p[k] == '\t')
      return false;
  return true;
}

/* Whether the second and third words of p[0..n) (split at spaces) do not
 * start with a small letter: the quick test of glued_teaser (prose
 * fails it at once). */
static bool title_start(const char *p, size_t n) {
  size_t i = indentation(p, n);
  for (int w = 0; w < 2; w++) {
    const char *sp = memchr(p + i, ' ', n - i);
    if (!sp)
      return false;
    i = (size_t)(sp - p);
    while (i < n && p[i] == ' ')
      i++;
    if (i == n || is_lower_ascii(p[i]))
      return false;
  }
  return true;
}

/* A teaser whose headline runs into its summary on one line: "Ford
 * Recalls F-150s; Loose Cable Can Cause FiresFord is recalling over
 * ...". Its first words are a headline in title case (capitalised words
 * and numbers, capitalised function words among them: "Fails To Rally",
 * or the summary glued onto its last word), then comes a sentence. */
static bool glued_teaser(struct chrome_doc *d, size_t i, bool nolang,
                         uint32_t fwl) {
  const struct chrome_unit *u = &d->units[i];
  if (nolang || !fwl || u->rule || !u->cap1 || u->widget || u->bullet ||
      (u->term != TERM_SENT && u->term != TERM_ELLIPSIS) ||
      u->words < GLUED_MIN_WORDS || u->words > TEASER_WORDS + HEAD_MAX_WORDS ||
      u->upper < 3)
    return false;
  const char *p = d->text.data + u->off;
  if (!title_start(p, u->len))
    return false;
  struct chrome_tok t[HEAD_MAX_WORDS + 2], *tt = t;
  size_t nt;
  /* a long line's words are read again, a few at a time (the loop below
   * stops at the first word not capitalised, most often soon): the
   * same as its first HEAD_MAX_WORDS + 2 tokens at once */
  struct chrome_lex lx = {d->cp, 0, 0, false, false, false, NULL};
  size_t pos = 0;
  bool more = false; /* (there may be more of them to read) */
  if ((u->retok && u->tok != CHROME_NO_TOK) || u->long_tok) {
    nt = u->ntok < HEAD_MAX_WORDS + 2 ? u->ntok : HEAD_MAX_WORDS + 2;
    tt = d->toks + u->tok;
  } else {
    nt = kempt__chrome_lex(p, u->len, &pos, t, GLUED_LEX_STEP, &lx);
    more = nt == GLUED_LEX_STEP;
  }
  size_t k = 0, caps = 0, fw = 0;
  bool glue = false, last_fw = false;
  if (nt < 2 || (tt[0].end - tt[0].start >= 2 &&
                 is_upper_ascii(p[tt[0].start + 1])))
    return false; /* "BERLIN - ...": a dateline, not a headline */
  for (size_t j = 0;; j++) {
    if (j == nt && more) {
      size_t want = HEAD_MAX_WORDS + 2 - nt;
      want = want < GLUED_LEX_STEP ? want : GLUED_LEX_STEP;
      size_t got = kempt__chrome_lex(p, u->len, &pos, t + nt, want, &lx);
      nt += got;
      more = got == want && nt < HEAD_MAX_WORDS + 2;
    }
    if (j >= nt || j > HEAD_MAX_WORDS)
      break;
    bool joined = j > 0 && no_space(p, tt[j - 1].end, tt[j].start);
    if (joined && tt[j].upper && j >= 3 &&
        tt[j - 1].end - tt[j - 1].start >= 2 &&
        memchr(").?!", p[tt[j].start - 1], 4)) {
      glue = true; /* "...On The Rise?Violence is part of ..." */
      break;
    }
    if (!tt[j].alpha || joined) { /* a number, or "Hamlin's", "F-150s" */
      k = j + 1;
      continue;
    }
    if (!tt[j].upper) {
      if (last_fw) { /* "... Wilson If we ...": the summary starts there */
        fw--;
        caps--;
        k--;
      }
      break;
    }
    caps++;
    size_t n = tt[j].end - tt[j].start;
    last_fw = j > 0 && n >= 2 &&
              (kempt__chrome_stop_langs(p + tt[j].start, n, d->cp) & fwl);
    fw += last_fw; /* "To", "In" inside a headline */
    k = j + 1;
    if (j >= 2 && n >= 5 && glued_inside(p, tt[j].start, tt[j].end)) {
      glue = true;
      break;
    }
  }
  if (caps < 3 || (!glue && (fw == 0 || k < 4)))
    return false;
  return u->ntok >= k + GLUED_MIN_REST;
}

/* Whether a line that is not removed lies between lines j and k: labels
 * between a headline and its summary (a teaser's source, its section),
 * which an interview's answer and the next question do not have. */
static bool labelled(const struct chrome_doc *d, size_t j, size_t k) {
  for (size_t x = j + 1; x < k; x++)
    if (!d->units[x].rule)
      return true;
  return false;
}

/* A headline that asks or exclaims ("Why Not Go Fight For It?"): a
 * teaser's when labels follow it (a question of an interview has its
 * answer right after it). */
static bool head_asks(const struct chrome_doc *d, size_t j, bool nolang) {
  const struct chrome_unit *u = &d->units[j];
  if (u->rule || u->term != TERM_SENT || u->widget || u->bullet ||
      !(u->cap1 || nolang) || !head_size(u, nolang))
    return false;
  char c = d->text.data[u->off + u->tlen - 1];
  return c == '?' || c == '!';
}

/* glued_teaser's first test, of the line's features alone (here: most
 * lines fail it). */
static inline bool glued_may(const struct chrome_unit *u, bool nolang,
                             uint32_t fwl) {
  return !nolang && fwl && !u->rule && u->cap1 && !u->widget && !u->bullet &&
         (u->term == TERM_SENT || u->term == TERM_ELLIPSIS) &&
         u->words >= GLUED_MIN_WORDS &&
         u->words <= TEASER_WORDS + HEAD_MAX_WORDS && u->upper >= 3;
}

#define STEP_WORD_BYTES 12 /* bytes of a word before a step's number */

/* The number that opens headline j ("3. Best for ...", "3) ...", "Step
 * 3: ..."), or 0. */
static unsigned head_number(const struct chrome_doc *d, size_t j) {
  const struct chrome_unit *u = &d->units[j];
  const char *p = d->text.data + u->off;
  size_t k = indentation(p, u->len), w = k;
  while (w < u->len && w < k + STEP_WORD_BYTES &&
         ((unsigned)((p[w] | 0x20) - 'a') < 26 || (unsigned char)p[w] >= 0x80))
    w++; /* (a word before it: "Step 2:", "Paso 2:", "Étape 2 :") */
  bool word = w > k && w + 1 < u->len && p[w] == ' ' &&
              (unsigned)(p[w + 1] - '0') < 10;
  k = word ? w + 1 : k;
  unsigned n = 0;
  for (; k < u->len && (unsigned)(p[k] - '0') < 10 && n < 1000; k++)
    n = 10 * n + (unsigned)(p[k] - '0');
  if (word)
    return k < u->len && (p[k] == ':' || p[k] == '.' ||
                          (p[k] == ' ' && k + 1 < u->len && p[k + 1] == ':'))
               ? n
               : 0;
  return k < u->len && (p[k] == '.' || p[k] == ')') ? n : 0;
}

/* The next unit from k with text, or nunits. */
static size_t next_text(const struct chrome_doc *d, size_t k) {
  while (k < d->nunits && d->units[k].chars == 0)
    k++;
  return k;
}

/* A paragraph of prose that no rule removed and no headline is (its
 * features alone: classes come later). */
static bool plain_prose(const struct chrome_unit *u) {
  return !u->rule && !u->widget && !u->bullet && u->term == TERM_SENT &&
         u->words >= NEAR_WORDS;
}

/* Whether the text goes on right after a run of headlines with their
 * summaries that ends before unit k: a line that opens a list ("You will
 * need:") and the list's first line, or two paragraphs of prose that no
 * headline heads. Such a run is an article's sections (a how-to's
 * "Choose the right pot" / a paragraph on it), not a list of other
 * articles, which chrome or the end bounds (a line of prose after it may
 * still be the page's: "Readers also enjoyed this story."). */
static bool text_goes_on(const struct chrome_doc *d, size_t k) {
  k = next_text(d, k);
  if (k == d->nunits)
    return false;
  const struct chrome_unit *u = &d->units[k];
  size_t n = next_text(d, k + 1);
  if (n == d->nunits || u->widget || u->bullet)
    return false;
  if (u->term == TERM_COLON)
    return !u->rule && u->words >= INTRO_WORDS && !d->units[n].rule;
  if (!u->rule && no_end(u) && u->cap1 && u->words == 2 && !u->seps &&
      !u->widget && !u->bullet && !u->url && plain_prose(&d->units[n]))
    return true; /* (one more item whose headline is too short for one:
                    "Choir raises £2,300" / its paragraph: a page of
                    briefs) */
  return plain_prose(u) && plain_prose(&d->units[n]);
}

static bool share_topic(struct chrome_doc *d, size_t i, size_t j);
static size_t line_words(struct chrome_doc *d, size_t i,
                         struct chrome_tok *t);

#define STORY_REACH 6 /* lines of text above a section's paragraph that
                         story_goes_on looks at */
#define STORY_SUMS 16 /* summaries of a run that story_goes_on reads */

/* A headline in title case ("Ten Things To Do In Lisbon"): a list's, as
 * an article's sections are rarely so (a German one's nouns only). */
#define TITLE_CASE_WORDS 4
static bool title_cased(const struct chrome_unit *u) {
  return u->words >= TITLE_CASE_WORDS && 4 * u->upper >= 3 * u->words;
}

/* Words of a writer who speaks of herself (en, de, es, fr, it, pt, nl):
 * a diary's section ("I woke up before six ...") is its writer's story,
 * a teaser's summary rarely is. ("us" is left out: "US".) */
static const char *const FIRST_PERSON[] = {
    "I",      "we",    "my",    "our",    "me",     "ich",   "wir",
    "mein",   "meine", "unser", "unsere", "uns",    "yo",    "nosotros",
    "nuestro", "nuestra", "nos", "je",    "nous",   "notre", "mon",
    "io",     "noi",   "nostro", "nostra", "eu",    "nosso", "nossa",
    "ik",     "wij",   "ons",   "onze",   "mijn"};

/* Whether line s has a word of FIRST_PERSON, in small letters or with a
 * capital first ("We", not "EU"). */
static bool first_person(struct chrome_doc *d, size_t s) {
  struct chrome_tok t[CHROME_MAXTOK];
  size_t n = line_words(d, s, t);
  const char *p = d->text.data + d->units[s].off;
  for (size_t x = 0; x < n; x++) {
    size_t len = t[x].end - t[x].start;
    if (!t[x].alpha || len > 8)
      continue;
    for (size_t w = 0; w < sizeof FIRST_PERSON / sizeof *FIRST_PERSON; w++)
      if (strlen(FIRST_PERSON[w]) == len &&
          (p[t[x].start] | 0x20) == (FIRST_PERSON[w][0] | 0x20) &&
          memcmp(p + t[x].start + 1, FIRST_PERSON[w] + 1, len - 1) == 0)
        return true;
  }
  return false;
}

/* Whether line s holds more than one sentence, the last one whole: a
 * section's paragraph; a teaser's summary is mostly one sentence, or cut
 * off ("..."). */
static bool more_sentences(const struct chrome_doc *d, size_t s) {
  const struct chrome_unit *u = &d->units[s];
  const char *p = d->text.data + u->off;
  if (u->term != TERM_SENT)
    return false;
  for (size_t i = 1; i + 2 < u->len; i++)
    if ((p[i] == '.' || p[i] == '!' || p[i] == '?') && sentence_end(p, i))
      return true;
  return false;
}

/* Whether the paragraph at s shares a word that carries the topic with
 * one of the STORY_REACH lines of text kept at or above a (not with its
 * own headline, under a: a teaser's headline and summary share one). */
static bool story_above(struct chrome_doc *d, size_t s, size_t a) {
  unsigned seen = 0;
  for (size_t k = a + 1; k-- > 0 && seen < STORY_REACH;) {
    if (!d->units[k].chars || d->units[k].rule)
      continue;
    seen++;
    if (share_topic(d, s, k))
      return true;
  }
  return false;
}

/* Whether a run whose first summary is s opens the page's text: no line
 * of prose above it, and that summary holds more than one sentence. Its
 * first pair is then the page's title and lead (a guide's "Nafplio: a
 * weekend" / its opening paragraph), its next ones the article's
 * sections; a front page's first teaser is mostly one sentence. */
static bool run_opens_page(struct chrome_doc *d, size_t i, size_t s) {
  for (size_t k = 0; k < i; k++)
    if (plain_prose(&d->units[k]))
      return false;
  return more_sentences(d, s);
}

/* Whether a run of headlines with their summaries (sums[0 .. n - 1], n
 * of them, from line i) goes on with the story of the prose right above
 * it: all summaries but one hold more than one sentence and speak in the
 * first person or share a word with the text above them (that prose, the
 * run's lines before). Such a run is an article's sections (a
 * travel diary's "Lunch at the market" / "For lunch we went to the
 * covered market ..."); a list of other articles speaks of other things
 * each. A run that opens the page has no prose above: its first pair,
 * the title and lead, counts (run_opens_page). */
static bool story_goes_on(struct chrome_doc *d, size_t i, const size_t *sums,
                          size_t n) {
  size_t p = i;
  while (p > 0 && !d->units[p - 1].chars)
    p--;
  if (n > STORY_SUMS)
    return false;
  bool lead = run_opens_page(d, i, sums[0]); /* (no prose above to share) */
  if (!lead && (p == 0 || !plain_prose(&d->units[p - 1])))
    return false;
  size_t shared = lead;
  for (size_t x = lead; x < n; x++)
    shared += more_sentences(d, sums[x]) &&
              (first_person(d, sums[x]) ||
               story_above(d, sums[x], x ? sums[x - 1] : p - 1));
  return shared + 1 >= n;
}

static HOT_INLINE size_t teaser_run(struct chrome_doc *d, size_t i, bool nolang,
                         uint32_t fwl) {
  if (d->units[i].rule) /* (no headline, question nor glued teaser) */
    return i + 1;
  size_t j = i, end = i, pairs = 0, glued = 0;
  size_t sums[STORY_SUMS], titled = 0; /* the summaries (story_goes_on),
                                           headlines in title case */
  bool btn = false; /* buttons between two pairs */
  unsigned counted = 0; /* headlines numbered 1, 2, 3 ... so far */
  while (j < d->nunits) { /* (a run's teasers are all of one form) */
    bool head = !glued && !d->units[j].wiki && /* (a wiki's heading */
                is_head(&d->units[j], nolang);     /* heads a section) */
    bool asks = !glued && !head && head_asks(d, j, nolang);
    if (!head && !asks) {
      if (pairs > glued || !glued_may(&d->units[j], nolang, fwl) ||
          !glued_teaser(d, j, nolang, fwl))
        break;
      pairs++; /* a headline and its summary at once */
      glued++;
      end = j + 1;
      j = skip_removed(d, j + 1);
      continue;
    }
    size_t k = skip_labels(d, j + 1, nolang);
    if (k == d->nunits || !is_summary(&d->units[k]) ||
        ((asks || is_question(d, &d->units[k])) && !labelled(d, j, k)))
      break; /* (an interview: a question, its answer, the next one) */
    for (size_t h = j; h < k; h++) /* (its headline or a label) */
      if (head_number(d, h) == counted + 1) {
        counted++;
        break;
      }
    if (pairs < STORY_SUMS)
      sums[pairs] = k;
    titled += title_cased(&d->units[j]);
    pairs++;
    end = k + 1;
    j = skip_removed(d, k + 1);
    for (size_t h = k + 1; h < j && !btn; h++)
      btn = d->units[h].btn; /* (a post's buttons: "Reply Quote") */
  }
  if (pairs >= TEASER_PAIRS &&
      glued != 1 && /* (one may be a paragraph that opens with a title) */
      !btn &&       /* (a thread's posts, each a header and text) */
      counted < TEASER_PAIRS && /* (a ranked list's items are an article's) */
      !text_goes_on(d, end) &&
      (glued || 2 * titled > pairs || !story_goes_on(d, i, sums, pairs)))
    for (size_t k = i; k < end; k++)
      if (!d->units[k].rule)
        d->units[k].rule = R_TEASER;
  return end > i ? end : i + 1;
}

/* fwl: the function words' languages that glued_teaser counts (bit
 * l - 1 for language l: the page's), or 0. */
/* Sentences of a line that no rule removed, in code points (the prose
 * of a page before its lines have their class). */
static uint64_t prose_chars(const struct chrome_unit *u) {
  return u->term == TERM_SENT && u->words >= NEAR_WORDS ? u->chars : 0;
}

/* Whether the teasers are dated, TEASER_PAIRS of them and half at
 * least: a date line between a headline and its summary ("Port town
 * votes ..." / "12 November 2026" / "The town council ..."): other
 * articles' (a site's search results, an archive), not the sections of
 * one (a live report's dates open its entries, over their headlines). */
static bool dated_teasers(const struct chrome_doc *d) {
  size_t dated = 0, lines = 0;
  for (size_t i = 0; i < d->nunits; i++) {
    const struct chrome_unit *u = &d->units[i];
    lines += u->rule == R_TEASER;
    dated += u->rule == R_DATE && i > 0 && i + 1 < d->nunits &&
             u[-1].rule == R_TEASER && u[-1].term != TERM_SENT &&
             u[1].rule == R_TEASER && u[1].term == TERM_SENT;
  }
  return dated >= TEASER_PAIRS && 4 * dated >= lines; /* (two lines each) */
}

/* Teasers that hold nearly all of a page's prose (TEASER_PROSE % or
 * more) are its article: sub-headings, each with a paragraph of one
 * sentence ("Keep a regular bedtime" / "Going to bed at ..."), not a
 * list of other articles around it. */
static void NOINLINE keep_teaser_article(struct chrome_doc *d) {
  uint64_t all = 0, teased = 0;
  for (size_t i = 0; i < d->nunits; i++) {
    const struct chrome_unit *u = &d->units[i];
    if (!u->rule || u->rule == R_TEASER) {
      all += prose_chars(u);
      teased += u->rule ? prose_chars(u) : 0;
    }
  }
  if (!teased || 100 * teased < TEASER_PROSE * all || dated_teasers(d))
    return;
  for (size_t i = 0; i < d->nunits; i++)
    if (d->units[i].rule == R_TEASER)
      d->units[i].rule = NULL;
}

static void mark_lists(struct chrome_doc *d, bool nolang, uint32_t fwl) {
  for (size_t i = 0; i < d->list_end; i++) /* none after list_end */
    if (d->units[i].hit == CK_LIST)
      mark_list(d, i, nolang);
  bool teasers = false;
  for (size_t i = 0; i < d->nunits;) {
    i = teaser_run(d, i, nolang, fwl);
    teasers = teasers || d->units[i - 1].rule == R_TEASER;
  }
  if (teasers)
    keep_teaser_article(d);
}

/* ---- the main stretch ------------------------------------------------- */

/* The first cut-off marker after enough good text, or nunits. */
/* Whether one of the next few lines after an "About NAME" line (i) names
 * NAME near its start: her bio ("Jane Doe is a writer ...", "As an
 * editor, Jane Doe ..."), the maker's boilerplate ("Firma is a ..."). */
static bool about_box(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  const char *name = d->text.data + u->off + u->about_at;
  size_t w = u->len - u->about_at;
  while (w && kempt__is_space((unsigned char)name[w - 1]))
    w--;
  for (size_t j = i + 1; j < d->nunits && j <= i + ABOUT_NEXT; j++) {
    const struct chrome_unit *v = &d->units[j];
    const char *q = d->text.data + v->off;
    size_t n = v->len < ABOUT_REACH + w ? v->len : ABOUT_REACH + w;
    for (const char *c = memchr(q, name[0], n); c && (size_t)(c - q) + w <= n;
         c = memchr(c + 1, name[0], n - (size_t)(c + 1 - q)))
      if (memcmp(c, name, w) == 0)
        return true;
  }
  return false;
}

/* Good text a marker at u needs before it to cut the page: none for a
 * wiki's own section heading with its edit button ("References[edit]"),
 * which ends a stub's few lines too. */
static uint64_t text_before_cut(const struct chrome_unit *u) {
  if (u->hit == CK_SAYS)
    return SAYS_GOOD_CHARS;
  return u->wiki ? 0 : CUT_GOOD_CHARS;
}

static size_t cut_at(const struct chrome_doc *d) {
  uint64_t good = 0;
  if (d->cut)
    return 0;
  for (size_t i = 0; i < d->cut_end; i++) { /* no cut at or after cut_end */
    const struct chrome_unit *u = &d->units[i];
    if (((u->hit == CK_CUT &&
          !(u->dup && kempt__chrome_post_button(d, i))) ||
         u->hit == CK_SAYS || (u->hit == CK_ABOUT && about_box(d, i))) &&
        good >= text_before_cut(u))
      return i;
    if (u->cls == CL_GOOD)
      good += u->chars;
  }
  return d->nunits;
}

/* The stretch [*a, *b] of units before end with the highest score; false
 * when no stretch scores above 0. */
static bool best_stretch(const struct chrome_doc *d, size_t end, size_t *a,
                         size_t *b) {
  int64_t best = 0, cur = 0;
  size_t start = 0;
  bool found = false;
  for (size_t i = 0; i < end; i++) {
    if (cur <= 0) {
      cur = 0;
      start = i;
    }
    cur += d->units[i].score;
    if (cur > best) {
      best = cur;
      *a = start;
      *b = i;
      found = true;
    }
  }
  return found;
}


static bool bad_at(const struct chrome_doc *d, size_t i, size_t a, size_t b) {
  return i >= a && i <= b && d->units[i].cls >= CL_BAD;
}

static bool slug_label(const struct chrome_doc *d,
                       const struct chrome_unit *u);

/* The nearest line from i (dir +1 or -1) in [a, b] that is not short:
 * whether it is chrome (a rule hit or link-like); the ends count as text. */
static bool chrome_side(const struct chrome_doc *d, size_t i, size_t a,
                        size_t b, int dir) {
  while (i != (dir > 0 ? b : a)) {
    i = dir > 0 ? i + 1 : i - 1;
    const struct chrome_unit *u = &d->units[i];
    if (u->cls != CL_SHORT || (u->rule && u->rule != R_REPEAT))
      return u->cls >= CL_BAD;
  }
  return false;
}

/* chrome_side past pictures: an image's label is neither text nor chrome
 * (passed like a short line), nor a caption this pass removed. */
static NOINLINE bool chrome_past_pics(const struct chrome_doc *d, size_t i,
                                      size_t a, size_t b, int dir) {
  while (i != (dir > 0 ? b : a)) {
    i = dir > 0 ? i + 1 : i - 1;
    const struct chrome_unit *u = &d->units[i];
    if ((u->widget && slug_label(d, u)) || u->rule == R_SHORTRUN)
      continue;
    if (u->cls != CL_SHORT || (u->rule && u->rule != R_REPEAT))
      return u->cls >= CL_BAD;
  }
  return false;
}

/* An image's label that a text browser shows for each picture: a file
 * name or slug in brackets ("[cat-photo_2]", "[img::1]"), no spaces, a
 * dash, underscore, colon or digit in it. A name in brackets ("[Wired]",
 * "[Tom's Guide]") may be a quote's source and stays where it repeats. */
static bool slug_label(const struct chrome_doc *d,
                       const struct chrome_unit *u) {
  if (!u->widget)
    return false;
  const char *p = d->text.data + u->off;
  size_t i = indentation(p, u->len), n = u->len;
  while (n > i && kempt__is_space((unsigned char)p[n - 1]))
    n--;
  if (n - i < 3 || p[i] != '[' || p[n - 1] != ']')
    return false;
  bool mark = false;
  for (size_t k = i + 1; k + 1 < n; k++) {
    char c = p[k];
    if (c == ' ' || c == '[' || c == ']')
      return false;
    mark = mark || c == '-' || c == '_' || c == ':' || (unsigned)(c - '0') < 10;
  }
  return mark;
}

/* A short line with chrome on both sides, as jusText judges one; not
 * one between two of the article's pictures with its text past each (a
 * how-to's step between its screenshots; a gallery's caption has more
 * pictures or chrome past them, or a chrome phrase: "Submitted photo"). */
static bool between_chrome(const struct chrome_doc *d, size_t i, size_t a,
                           size_t b) {
  return chrome_side(d, i, a, b, -1) && chrome_side(d, i, a, b, 1) &&
         (d->units[i].soft_has || chrome_past_pics(d, i, a, b, -1) ||
          chrome_past_pics(d, i, a, b, 1));
}

/* Inside the stretch: rule hits go, and link-like lines next to chrome. */
/* A bulleted headline: a link of a list ("• Seven things we learned"). */
static bool bullet_head(const struct chrome_unit *u) {
  return u->bullet && no_end(u) && u->words >= 1 &&
         u->words <= HEAD_MAX_WORDS && !u->listed;
}

/* A heading over a list of links: a short line, capitalised, with no
 * end and no rule, that introduces no list with ':' ("More Great
 * Stories", "Next Up In Science"). */
static bool more_heading(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  return !u->rule && !u->bullet && !u->listed && u->term == TERM_NONE &&
         u->cap1 && u->words >= 2 && u->words <= LABEL_WORDS;
}

/* Whether no line of prose (a good line without a bullet and without a
 * rule) comes after j up to b: the article has ended. */
static bool NOINLINE no_prose_after(const struct chrome_doc *d, size_t j,
                                    size_t b) {
  for (; j <= b; j++)
    if (!d->units[j].rule && !d->units[j].bullet && d->units[j].cls == CL_GOOD)
      return false;
  return true;
}

/* Runs of bulleted headlines of which most already go (repeated lines,
 * links next to chrome): a list of links, the rest of it goes too; and
 * so does a run of TAIL_LINKS or more headlines (not a list of facts:
 * TAIL_HEAD_WORDS each) under a heading at the end of the article, with
 * its heading. */
static void drop_link_runs(struct chrome_doc *d, size_t a, size_t b) {
  for (size_t i = a; i <= b; i++) {
    if (!bullet_head(&d->units[i]))
      continue;
    size_t j = i, gone = 0, heads = 0;
    while (j <= b && bullet_head(&d->units[j])) {
      heads += d->units[j].words >= TAIL_HEAD_WORDS;
      gone += d->units[j++].rule != NULL;
    }
    bool tail = heads >= TAIL_LINKS && heads == j - i && i > a &&
                more_heading(d, i - 1) && no_prose_after(d, j, b);
    if (tail && !d->units[i - 1].rule)
      d->units[i - 1].rule = R_LINKRUN;
    if (j - i >= LINK_RUN && (2 * gone >= j - i || tail))
      for (size_t k = i; k < j; k++)
        if (!d->units[k].rule)
          d->units[k].rule = R_LINKRUN;
    i = j - 1;
  }
}

/* A site's menu alone among the article's paragraphs: four or more
 * items between separators, a word or two each, every one capitalised,
 * no numbers, no end ("Home | World | Business | Sport"); the lines
 * around it have no such separators (a table's head is followed by its
 * rows). */
static bool menu_line(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  if (u->seps < 3 || u->words > 2u * (u->seps + 1u) || u->ntok != u->words ||
      u->upper <= u->seps || u->upper + u->stop < u->words ||
      u->term != TERM_NONE || u->url || u->bullet)
    return false;
  return (i == 0 || d->units[i - 1].seps < 2) &&
         (i + 1 == d->nunits || d->units[i + 1].seps < 2);
}

/* A line drawn with box-drawing characters (U+2500..U+257F) and
 * nothing else, three or more: the rule a text browser draws for <hr>,
 * layout, not text. */
static bool drawn_rule(const char *p, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n;) {
    if (p[i] == ' ' || p[i] == '\t') {
      i++;
      continue;
    }
    if (n - i < 3 || (unsigned char)p[i] != 0xE2 ||
        ((unsigned char)p[i + 1] != 0x94 && (unsigned char)p[i + 1] != 0x95))
      return false;
    i += 3;
    k++;
  }
  return k >= 3;
}

/* A headline right above its byline ("By Jane Doe"): the article's
 * title, whatever chrome comes before it. */
static bool over_byline(const struct chrome_doc *d, size_t i, size_t b) {
  const struct chrome_unit *u = &d->units[i];
  return i < b && d->units[i + 1].hit == CK_BYLINE && u->cap1 && no_end(u) &&
         u->words >= 3 && u->words <= HEAD_MAX_WORDS;
}

static bool button_run(const struct chrome_doc *d, size_t i);

static void judge_inside(struct chrome_doc *d, size_t a, size_t b,
                         bool found) {
  bool dups = found && d->few_dups;
  for (size_t i = a; i <= b; i++) {
    struct chrome_unit *u = &d->units[i];
    if (dups && u->dup && !u->rule && u->score < 0 &&
        (u->cls == CL_GOOD || u->cls == CL_NEAR))
      u->rule = R_TWICE;
    if (u->rule == R_REPEAT && !bad_at(d, i - 1, a, b) &&
        !bad_at(d, i + 1, a, b) && /* (nor under a poster's name) */
        !(i > a && kempt__chrome_post_gap(d, i - 1)))
      u->rule = slug_label(d, u) ? R_WIDGET : NULL;
    if (!u->rule && u->seps >= 3 && menu_line(d, i))
      u->rule = R_MENU;
    if (found && !u->rule && u->term == TERM_NONE && u->cls != CL_GOOD &&
        u->words >= 2 && button_run(d, i))
      u->rule = R_BUTTONS; /* ("Поделиться   ВКонтакте   Telegram") */
    if (!u->rule && !u->ntok && u->len >= 9 &&
        drawn_rule(d->text.data + u->off, u->len))
      u->rule = R_DRAWN;
    if (found && !u->rule && u->cls == CL_SHORT && !u->listed &&
        between_chrome(d, i, a, b) && !over_byline(d, i, b))
      u->rule = R_SHORTRUN;
    if (u->rule || u->cls != CL_BAD || (u->listed && !u->widget))
      continue;
    if (u->widget)
      u->rule = R_WIDGET;
    else if ((i > a && bad_at(d, i - 1, a, b)) || bad_at(d, i + 1, a, b))
      u->rule = R_LINKLIKE;
  }
  if (found)
    drop_link_runs(d, a, b);
}

static bool title_end(const struct chrome_doc *d, const struct chrome_unit *u) {
  if (u->term != TERM_SENT)
    return u->term == TERM_NONE;
  char c = d->text.data[u->off + u->len - 1];
  const char *e = d->text.data + u->off + u->tlen; /* (its last bytes) */
  return c == '?' || c == '!' ||
         (u->tlen >= 3 && (memcmp(e - 3, "\xef\xbc\x9f", 3) == 0 ||
                           memcmp(e - 3, "\xef\xbc\x81", 3) == 0)) ||
         (u->tlen >= 2 && memcmp(e - 2, "\xd8\x9f", 2) == 0); /* ？！؟ */
}

/* 1 when a line starts with kana or a CJK ideograph (U+3040..U+9FFF):
 * a character says more there, one fewer makes a title. */
static unsigned cjk_start(const struct chrome_doc *d,
                          const struct chrome_unit *u) {
  unsigned char c = (unsigned char)d->text.data[u->off];
  return u->len >= 3 && c >= 0xE3 && c <= 0xE9;
}

/* Whether a line starts with a letter of Thai, Lao, Myanmar or Khmer:
 * scripts that run their words together and put a space between
 * phrases. */
static bool phrase_start(const struct chrome_doc *d,
                         const struct chrome_unit *u) {
  const unsigned char *p = (const unsigned char *)d->text.data + u->off;
  return u->len >= 3 && ((p[0] == 0xE0 && p[1] >= 0xB8 && p[1] <= 0xBB) ||
                         (p[0] == 0xE1 && (p[1] <= 0x81 || p[1] == 0x9E ||
                                           p[1] == 0x9F)));
}

/* Whether line t is in a script written with spaces between words
 * (Greek, Arabic, Hebrew, Devanagari ...; not CJK, Thai, Lao, Khmer or
 * Myanmar), capitalised or without case: on a page of a language without
 * a list of function words its words still tell a headline's topic. */
static bool spaced_script(const struct chrome_doc *d, size_t t) {
  const struct chrome_unit *u = &d->units[t];
  const unsigned char *p = (const unsigned char *)d->text.data + u->off;
  return u->len >= 2 && p[0] < 0xE3 && !phrase_start(d, u) &&
         (u->cap1 || kempt__chrome_caseless_start((const char *)p, u->len));
}

/* A line of one short word in a script written with spaces (not CJK,
 * Thai, Lao, Khmer or Myanmar): a button or a menu's item ("Share" in
 * Georgian or Armenian), no title of a page without a known language. */
static bool spaced_word(const struct chrome_doc *d,
                        const struct chrome_unit *u) {
  const unsigned char *p = (const unsigned char *)d->text.data + u->off;
  if (u->chars > 16 || u->len < 3 || cjk_start(d, u))
    return false;
  return !((p[0] == 0xE0 && p[1] >= 0xB8 && p[1] <= 0xBB) ||
           (p[0] == 0xE1 && (p[1] <= 0x81 || p[1] == 0x9E || p[1] == 0x9F)) ||
           p[0] >= 0xEA);
}

#define MENU_GAPS 3 /* gaps of two spaces or more in a row of menu items */

/* Whether a line's words stand in columns, MENU_GAPS gaps of two spaces
 * or more between them ("Send a parcel   Track   Help   Log in"): a
 * menu, no title; or a breadcrumb trail's » or › twice ("Inicio »
 * Trucos » Cocina"; the lexer's separators leave them out). */
static NOINLINE bool menu_columns(const char *p, size_t n) {
  unsigned gaps = 0, crumbs = 0;
  size_t k = indentation(p, n);
  for (; k + 2 < n; k++)
    if (p[k] == ' ' && p[k + 1] == ' ' && p[k + 2] != ' ' &&
        ++gaps >= MENU_GAPS)
      return true;
    else if (p[k] == ' ' && k + 4 < n &&
             ((p[k + 1] == '\xc2' && p[k + 2] == '\xbb' && p[k + 3] == ' ') ||
              (p[k + 1] == '\xe2' && p[k + 2] == '\x80' &&
               p[k + 3] == '\xba' && p[k + 4] == ' ')) &&
             ++crumbs >= 2)
      return true;
  return false;
}

#define TABS_MAX 8      /* words of a row of day tabs at most */
#define TABS_ABBREV 5   /* ... of a row of day abbreviations at least */
#define TABS_WORDS 3    /* ... of one that opens with a date word */
#define ABBREV_CHARS 3  /* characters of an abbreviated day's name */

/* Whether line u has only letters, digits, spaces and apostrophes
 * ("Aujourd'hui"; no other ASCII punctuation, no space, dash or quote of
 * U+2000..U+203F: a row of tabs, no headline "Storm: ...", date "9.2."
 * nor hours "Mon–Fri 9–17"). */
static bool bare_words(const char *p, const struct chrome_unit *u) {
  for (size_t k = 0; k < u->len; k++) {
    unsigned char c = (unsigned char)p[k];
    if ((c < 0x80 && c != ' ' && c != '\'' &&
         (unsigned)((c | 0x20) - 'a') >= 26 && (unsigned)(c - '0') >= 10) ||
        (c == 0xE2 && k + 2 < u->len && (unsigned char)p[k + 1] == 0x80 &&
         (unsigned char)p[k + 2] != 0x99))
      return false;
  }
  return true;
}

/* Whether token t is a date word of the rules of any language. */
static bool any_date_word(const struct chrome_doc *d,
                          const struct chrome_tok *t) {
  const struct chrome_rules *r = d->wc.rules;
  return r && t->alpha && kempt__chrome_may_start(r, CK_DATE, t->h) &&
         kempt__chrome_rules_find(r, kempt__chrome_seq(t, 1), CK_DATE,
                                  ~0u) != NULL;
}

/* tabs_row: day_tabs past its quick tests (most lines fail them). */
static NOINLINE bool tabs_row(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  const char *p = d->text.data + u->off;
  bool abbrev = u->ntok == u->words && u->ntok >= TABS_ABBREV &&
                u->upper == u->words;
  if ((u->stop && !abbrev) || u->seps || u->url || u->bullet ||
      !bare_words(p, u))
    return false;
  struct chrome_tok t[TABS_MAX + 1];
  size_t total, n = kempt__chrome_unit_tokens(d, u, t, TABS_MAX + 1, &total);
  if (n != total || n == 0)
    return false;
  if (u->stop == 0 && any_date_word(d, &t[0]))
    return true;
  if (!abbrev)
    return false;
  for (size_t k = 0; k < n; k++) {
    size_t chars = 0;
    for (uint32_t b = t[k].start; b < t[k].end; b++)
      chars += ((unsigned char)p[b] & 0xC0) != 0x80;
    if (!t[k].upper || chars > ABBREV_CHARS)
      return false;
  }
  return true;
}

/* Line i, a row of day tabs over a forecast or a programme: the days'
 * short names ("Mo Di Mi Do Fr Sa So", "Пн Вт Ср Чт Пт Сб Вс"), or a
 * few words without a function word that open with a date word ("Heute
 * Morgen Übermorgen", "Today Tomorrow 3 days 10 days"); no punctuation.
 * No title, no text. */
static inline bool day_tabs(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  return u->term == TERM_NONE && u->words >= TABS_WORDS &&
         u->ntok <= TABS_MAX && tabs_row(d, i);
}

static bool is_title(const struct chrome_doc *d, const struct chrome_unit *u,
                     bool nolang) {
  bool soft = !u->rule || u->rule == R_REPEAT || u->rule == R_OUTSIDE ||
              u->rule == R_LISTITEM;
  if (!soft || u->cls == CL_BAD || u->bullet || u->widget)
    return false; /* (an image's label found twice is short, no title) */
  if (nolang ? u->chars < TITLE_CHARS - cjk_start(d, u) || u->chars > 300 ||
                   (u->words == 1 && u->ntok == 1 && spaced_word(d, u))
             : u->words < 3 || u->words > 30)
    return false;
  return title_end(d, u) &&
         (u->cap1 || nolang ||
          kempt__chrome_caseless_start(d->text.data + u->off, u->len)) &&
         u->seps < 2; /* (a breadcrumb trail: "Home > News > Briefings") */
}

static bool same_word(const struct chrome_doc *d, size_t i,
                      const struct chrome_tok *s, size_t j,
                      const struct chrome_tok *t);
static size_t line_words(struct chrome_doc *d, size_t i,
                         struct chrome_tok *t);
static bool topic_word(struct chrome_doc *d, size_t i,
                       const struct chrome_tok *t);

/* The words of the article's first lines from a (the good or near-good
 * ones among TITLE_TOPIC_LINES), each read once, when a title's test
 * first needs it. */
struct lead_words {
  struct chrome_tok t[TITLE_TOPIC_LINES][CHROME_MAXTOK];
  size_t n[TITLE_TOPIC_LINES], at[TITLE_TOPIC_LINES], lines;
  bool read[TITLE_TOPIC_LINES];
};

static void read_lead(struct chrome_doc *d, size_t a, struct lead_words *l) {
  l->lines = 0;
  for (size_t i = a; i < d->nunits && i < a + TITLE_TOPIC_LINES; i++)
    if (d->units[i].cls == CL_GOOD || d->units[i].cls == CL_NEAR) {
      l->at[l->lines] = i;
      l->read[l->lines] = false;
      l->lines++;
    }
}

/* The words of the article's line k (l), read on the first call. */
static size_t lead_line(struct chrome_doc *d, struct lead_words *l,
                        size_t k) {
  if (!l->read[k]) {
    l->n[k] = line_words(d, l->at[k], l->t[k]);
    l->read[k] = true;
  }
  return l->n[k];
}

/* Whether line t shares a word that carries the topic with one of the
 * article's first lines (l): the first of them first (the second is
 * read only when needed). */
static bool title_topic(struct chrome_doc *d, size_t t,
                        struct lead_words *l) {
  if (!l->lines)
    return false;
  struct chrome_tok tt[CHROME_MAXTOK];
  bool topic[CHROME_MAXTOK];
  size_t nt = line_words(d, t, tt);
  const char *tp = d->text.data + d->units[t].off;
  for (size_t k = 0; k < l->lines && nt; k++) {
    size_t n = lead_line(d, l, k);
    const char *lp = d->text.data + d->units[l->at[k]].off;
    for (size_t x = 0; x < nt; x++) {
      if (k == 0)
        topic[x] = topic_word(d, t, &tt[x]);
      if (!topic[x])
        continue;
      uint64_t h = tt[x].h;
      size_t ls = tt[x].end - tt[x].start; /* (4 or more: a topic word) */
      char c = (char)(tp[tt[x].start] | 0x20);
      for (size_t y = 0; y < n; y++) {
        const struct chrome_tok *w = &l->t[k][y];
        size_t lt = w->end - w->start; /* (same_word's quick tests first) */
        if (w->alpha &&
            (w->h == h || (lt >= 4 && lt + 2 >= ls && ls + 2 >= lt &&
                           (char)(lp[w->start] | 0x20) == c)) &&
            same_word(d, t, &tt[x], l->at[k], w))
          return true;
      }
    }
  }
  return false;
}

/* A name over an encyclopedia's entry ("Río Almendro"): a line of one
 * or two words, no number or end, each of them among the first words of
 * the entry's first line at a ("El río Almendro es ..."), one carrying
 * the topic. */
static bool name_title(struct chrome_doc *d, size_t i, size_t a,
                       struct lead_words *l) {
  const struct chrome_unit *u = &d->units[i], *v = &d->units[a];
  bool soft = !u->rule || u->rule == R_REPEAT || u->rule == R_OUTSIDE;
  if (!soft || u->cls != CL_SHORT || u->bullet || u->widget || u->url ||
      u->words < 1 || u->words > 2 || u->ntok != u->words ||
      u->term != TERM_NONE || !u->cap1 || !l->lines || l->at[0] != a ||
      v->rule)
    return false;
  struct chrome_tok ti[CHROME_MAXTOK];
  const struct chrome_tok *ta = l->t[0];
  size_t ni = line_words(d, i, ti), na = lead_line(d, l, 0), hit = 0;
  bool topic = false;
  na = na < NAME_LEAD_WORDS ? na : NAME_LEAD_WORDS;
  for (size_t x = 0; x < ni; x++) {
    for (size_t y = 0; y < na; y++)
      if (ti[x].h == ta[y].h) {
        hit++;
        topic = topic || topic_word(d, i, &ti[x]);
        break;
      }
  }
  return ni && hit == ni && topic;
}

/* Whether line i holds a count in thousands or millions ("3k", "1.2M":
 * "Viewed 4k times", "12K shares"). */
static bool has_count(const struct chrome_doc *d, size_t i) {
  const char *p = d->text.data + d->units[i].off;
  size_t n = d->units[i].len;
  for (size_t k = 1; k < n; k++) {
    char c = p[k] | 0x20;
    if ((c == 'k' || c == 'm') && (unsigned)(p[k - 1] - '0') < 10 &&
        (k + 1 == n || p[k + 1] == ' ') &&
        (k < 2 || p[k - 2] == ' ' || p[k - 2] == '.' ||
         (unsigned)(p[k - 2] - '0') < 10))
      return true;
  }
  return false;
}

/* The title from the nearest candidate t above the article at a: t, or
 * when it is a short line that shares no word with the article's first
 * lines ("Viewed 4k times", a post's counts over it) one a little higher
 * up that does (over such short lines only). */
static NOINLINE size_t on_topic_title(struct chrome_doc *d, size_t a,
                                      size_t t, bool nolang) {
  if (nolang || d->units[t].words > TITLE_META_WORDS)
    return t;
  struct lead_words l;
  read_lead(d, a, &l);
  if (title_topic(d, t, &l) && !has_count(d, t))
    return t;
  for (size_t k = 1; k <= NAME_REACH && k <= t; k++) {
    const struct chrome_unit *u = &d->units[t - k];
    if (name_title(d, t - k, a, &l))
      return t - k;
    if (u->hit == CK_CUT || u->hit == CK_LIST || u->words > TITLE_META_WORDS)
      break;
  }
  for (size_t k = 1; k <= TITLE_REACH && k <= t; k++) {
    const struct chrome_unit *u = &d->units[t - k];
    if (is_title(d, u, nolang) && title_topic(d, t - k, &l))
      return t - k;
    if (u->hit == CK_CUT || u->hit == CK_LIST ||
        (u->words > TITLE_META_WORDS && u->seps < 2))
      break; /* (only over the title's counts and dates, or facts between
                separators: "Company · Leeds · Full-time"; no headline) */
  }
  return t;
}

/* A headline in title case right over the candidate t in sentence case
 * with no end (its dek: "Revenue rose 14 percent as demand grew"): the
 * headline is the title, the dek stays under it. */
static bool headline_over_dek(struct chrome_doc *d, size_t h, size_t t) {
  const struct chrome_unit *u = &d->units[h], *v = &d->units[t];
  return is_title(d, u, false) && u->term == TERM_NONE && !u->hit &&
         u->words >= HEADLINE_WORDS && 2 * u->upper > u->words &&
         v->term == TERM_NONE &&
         v->words >= DEK_WORDS && 4 * v->upper <= v->words &&
         u->words < v->words;
}

/* The same in sentence case ("Scientists find ice near the pole" over
 * "The find could make a base easier to build, researchers say"): the
 * case does not tell them apart, so the headline must speak of the
 * article (a word of its first lines), as a teaser over it does not. */
#define PLAIN_DEK_WORDS 8 /* words of such a dek at least (ru, pl: few) */
static bool plain_headline_over_dek(struct chrome_doc *d, size_t h,
                                    size_t t, size_t a) {
  const struct chrome_unit *u = &d->units[h], *v = &d->units[t];
  if (!is_title(d, u, false) || u->term != TERM_NONE || u->hit ||
      u->words < HEADLINE_WORDS || v->term != TERM_NONE ||
      v->words < PLAIN_DEK_WORDS || 4 * v->upper > v->words)
    return false;
  const char *up = d->text.data + u->off, *vp = d->text.data + v->off;
  if (u->len >= v->len && memcmp(up + u->len - v->len, vp, v->len) == 0)
    return false; /* a breadcrumb trail that ends in the headline */
  struct lead_words l;
  read_lead(d, a, &l);
  return title_topic(d, h, &l);
}

#define SPAN_REACH 3 /* lines under the title that may be its dates */
#define SPAN_ABBR 4  /* letters of a life's "born" or "died" at most */

/* Whether a short abbreviated word and a space begin p + k (of n
 * bytes): a life's "ur.", "zm.", "geb.", "b." before its dates. */
static bool dotted_short(const char *p, size_t n, size_t k) {
  size_t chars = 0;
  for (; k + 1 < n && p[k] != '.'; k++) {
    unsigned char c = (unsigned char)p[k];
    if (c < 0x80 && (unsigned)((c | 0x20) - 'a') >= 26)
      return false; /* (letters only) */
    chars += (c & 0xC0) != 0x80;
  }
  return chars >= 1 && chars <= SPAN_ABBR && k + 1 < n && p[k + 1] == ' ';
}

/* A short line of dates from one to another, the last with its year
 * ("12 March - 30 August 2026", "June 4, 1938 - April 9, 2026", a life's
 * "* 14. März 1938 † 2. Februar 2026", "ur. 12 marca 1941, zm. 3
 * listopada 2026"): no date line took it
 * (date_span). */
static bool span_line(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  if (u->words > 8 || u->ntok <= u->words || u->term == TERM_SENT)
    return false;
  const char *p = d->text.data + u->off;
  size_t n = u->len;
  while (n > 0 && p[n - 1] == ' ')
    n--;
  if (n < 8 || (unsigned)(p[n - 1] - '0') >= 10 ||
      !(has_prefix(p + n - 4, 2, "19") || has_prefix(p + n - 4, 2, "20")))
    return false; /* (it ends with its year) */
  if (dotted_short(p, n, 0)) { /* "ur. 12 marca 1941, zm. 3 ..." */
    for (size_t k = 1; k + 2 < n; k++)
      if (p[k - 1] == ',' && p[k] == ' ' && dotted_short(p, n, k + 1))
        return true;
  }
  for (size_t k = 1; k + 2 < n; k++)
    if (p[k - 1] == ' ' && p[k + 1] == ' ' && p[k] == '-')
      return true;
    else if (p[k - 1] == ' ' && k + 4 < n && p[k + 3] == ' ' &&
             (has_prefix(p + k, 3, "\xe2\x80\x93") ||
              has_prefix(p + k, 3, "\xe2\x80\xa0") || /* a death's cross */
              has_prefix(p + k, 3, "\xe2\x9c\x9d"))) /* ("* 1938 † 2026") */
      return true;
  return false;
}

bool kempt__chrome_span_line(const struct chrome_doc *d, size_t i) {
  return span_line(d, i);
}

/* A price alone on its line ("£34.99", "$1,299", "12,50 €"): a
 * product's, under its name. */
static bool price_line(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  if (u->words || !u->ntok || u->len > 16)
    return false;
  const char *p = d->text.data + u->off;
  size_t n = u->len, k = indentation(p, n), cur = 0, digits = 0;
  for (; k < n; k++) {
    if (has_prefix(p + k, n - k, "\xc2\xa3") || /* £ */
        has_prefix(p + k, n - k, "\xe2\x82\xac")) { /* € */
      k += p[k] == '\xc2' ? 1 : 2;
      cur++;
    } else if (p[k] == '$') {
      cur++;
    } else if ((unsigned)(p[k] - '0') < 10) {
      digits++;
    } else if (p[k] != '.' && p[k] != ',' && p[k] != ' ') {
      return false;
    }
  }
  return cur == 1 && digits >= 1;
}

static bool button_run(const struct chrome_doc *d, size_t i);

#define FACTS_WORDS 12 /* words of a line of facts under a title */

/* A line of facts under a title, between separators ("Harbour
 * Analytics · Leeds, UK (hybrid) · Full-time": a job's company, place
 * and contract): two to five separators, no sentence, no phrase rule,
 * no number (a post's date and count of comments: "By Jane | 18 March
 * 2026 | 5 comments"); not a menu (a word in lower case in it) nor a
 * row of buttons. */
static bool facts_line(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  if (u->seps < 2 || u->seps > 5 || u->words > FACTS_WORDS || u->hit ||
      u->term == TERM_SENT || u->bullet || u->url || u->widget ||
      u->ntok != u->words || u->upper + u->stop >= u->words)
    return false;
  return !menu_line(d, i) && !button_run(d, i);
}

/* Whether p has a year: four digits alone, 19xx or 20xx (a post's
 * date: "18 March 2026 | 5 comments" is its head's, no listing's). */
static bool has_year(const char *p, size_t n) {
  for (size_t k = 0; k + 4 <= n; k++) {
    if ((k > 0 && (unsigned)(p[k - 1] - '0') < 10) ||
        !(has_prefix(p + k, 2, "19") || has_prefix(p + k, 2, "20")))
      continue;
    if ((unsigned)(p[k + 2] - '0') < 10 && (unsigned)(p[k + 3] - '0') < 10 &&
        (k + 4 == n || (unsigned)(p[k + 4] - '0') >= 10))
      return true;
  }
  return false;
}

/* A listing's line of measures under its title, between separators
 * ("2 camere · 1 bagno · 78 m²", "3 beds | 2 baths | 120 m²"): two to
 * five separators, a number for each part at least, no sentence, no
 * phrase rule, no link. */
static bool specs_line(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  return u->seps >= 2 && u->seps <= 5 && u->words <= FACTS_WORDS &&
         !u->hit && u->term != TERM_SENT && !u->bullet && !u->url &&
         !u->widget && u->ntok > u->words + u->seps &&
         !has_year(d->text.data + u->off, u->len);
}

/* A short line (a word or two, no end) right under a date line of the
 * article's head ("28 നവംബർ 2026" / "ഷെയർ ചെയ്യുക"): a button under
 * the head, no title of a page without a known language (its title is
 * over the date). */
static bool button_under_head(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  const unsigned char *p = (const unsigned char *)d->text.data + u->off;
  if (u->chars > 20 || u->words > 2 || u->term != TERM_NONE ||
      u->len < 3 || cjk_start(d, u) ||
      (p[0] == 0xE0 && p[1] >= 0xB8 && p[1] <= 0xBB) ||
      (p[0] == 0xE1 && (p[1] <= 0x81 || p[1] == 0x9E || p[1] == 0x9F)))
    return false; /* (CJK, Thai, Lao, Khmer, Myanmar: a title is short) */
  size_t j = i;
  while (j > 0 && d->units[j - 1].chars == 0)
    j--;
  return j > 1 && (d->units[j - 1].hit == CK_DATE ||
                   kempt__chrome_head_line(d, j - 1, false) != NULL);
}

/* The title: the nearest headline-like line before the stretch that is
 * no date, byline or source line (chrome_head.c). */
#define FAQ_REACH 6 /* lines after the first answer to the next question */
#define FAQ_TITLE_REACH 4 /* lines above the first question to the title */

/* Line q, right over the article at a, is the first of its questions
 * (a page of questions, each over its answer): another short question
 * that no rule took follows within FAQ_REACH lines, right over prose. */
static bool first_question(const struct chrome_doc *d, size_t q, size_t a) {
  if (q + 1 != a || !is_question(d, &d->units[q]) ||
      d->units[q].cls == CL_GOOD)
    return false;
  for (size_t i = a + 1; i + 1 < d->nunits && i <= a + FAQ_REACH; i++) {
    const struct chrome_unit *u = &d->units[i], *v = &d->units[i + 1];
    if (!u->rule && !u->bullet && u->cls != CL_GOOD && is_question(d, u) &&
        !v->rule && (v->cls == CL_GOOD || v->cls == CL_NEAR))
      return true;
  }
  return false;
}

#define AUTHOR_WORDS 40 /* words of a line of authors at most */
#define AUTHOR_NAME_WORDS 4 /* words of each name at most */

/* A line of authors' names: capitalised words but for one function word
 * ("and"), names split by commas ("Marta Kovač, Luca Bianchi and Petra
 * Horvat"), no numbers, no end. */
static bool author_list(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  if (u->words < 4 || u->words > AUTHOR_WORDS || u->term != TERM_NONE ||
      u->bullet || u->url || u->widget || u->stop > 1 ||
      u->ntok > 2 * u->words || u->upper + u->stop < u->words)
    return false;
  const char *p = d->text.data + u->off;
  size_t commas = 0, words = 0, marks = 0;
  for (size_t k = 0; k <= u->len; k++) {
    if (k < u->len && (unsigned)(p[k] - '0') < 10) { /* a number: only */
      if (k == 0 || !(is_lower_ascii(p[k - 1]) || /* an affiliation's */
                      (unsigned)(p[k - 1] - '0') < 10 || /* mark glued */
                      (p[k - 1] == ',' && k > 1 &&   /* on a name: */
                       (unsigned)(p[k - 2] - '0') < 10))) /* "Roe1,3" */
        return false;
      marks += k > 0 && is_lower_ascii(p[k - 1]);
      continue;
    }
    if (k < u->len && p[k] == ',' && k > 0 && k + 1 < u->len &&
        (unsigned)(p[k - 1] - '0') < 10 && (unsigned)(p[k + 1] - '0') < 10)
      continue; /* (between two marks) */
    if (k == u->len || p[k] == ',') { /* a name: two words or more (the
                                         last one's "and" and a name) */
      if (words < 2 || words > 2 * AUTHOR_NAME_WORDS)
        return false;
      commas += k < u->len;
      words = 0;
    } else if (p[k] == ':' || (k > 0 && is_lower_ascii(p[k - 1]) &&
                               (unsigned)(p[k] - 'A') < 26)) {
      return false; /* (a label's "Photo:", a byline's "SongBy") */
    } else if (p[k] != ' ' && (k == 0 || p[k - 1] == ' ')) {
      words++;
    }
  }
  return commas >= 1 && u->ntok <= u->words + marks;
}

/* A paper's page: its title, its authors under it, maybe their
 * affiliation under them ("Department of ..."). The line found as the
 * title t (the affiliation or the names) gives way to the title; the
 * lines between stay. Returns the title. */
#define PAPER_AFFILS 4 /* lines of affiliations under the authors at most */

/* Line i, an affiliation numbered as its authors' marks are ("2 Centro
 * de ...", "3Faculty of ..."): no sentence. */
static bool numbered_affil(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  const char *p = d->text.data + u->off;
  return u->len > 2 && (unsigned)(p[0] - '1') < 9 &&
         (p[1] == ' ' || (unsigned)((p[1] | 0x20) - 'a') < 26) &&
         u->term != TERM_SENT && !u->bullet && u->words >= 2;
}
static size_t paper_title(struct chrome_doc *d, size_t t, bool nolang) {
  size_t n = t;
  if (n > 1 && !author_list(d, n))
    n--; /* (t is the affiliation) */
  for (size_t k = 1; k < PAPER_AFFILS && n > 1 && !author_list(d, n) &&
                     numbered_affil(d, n) && numbered_affil(d, n + 1);
       k++)
    n--; /* (or one of them, numbered: "2 Department of ...") */
  if (n < 1 || !author_list(d, n) || !is_title(d, &d->units[n - 1], nolang))
    return t;
  for (size_t k = n; k <= t; k++)
    d->units[k].rule = NULL;
  return n - 1;
}

/* The title of an encyclopedia's entry that has no headline over it,
 * only its name ("Tarragona" / "From Wikipedia, the free encyclopedia" /
 * "Tarragona is a port city ..."): name_title within NAME_REACH lines
 * above the article at a, over chrome and short lines only. */
/* A line of a head that a phrase rule removed, whatever its length: a
 * byline, a date, a credit ("Medically reviewed by Dr. NAME"). */
static bool head_meta_hit(const struct chrome_unit *u) {
  return u->hit == CK_PREFIX || u->hit == CK_PREFIXSEP ||
         u->hit == CK_BYLINE || u->hit == CK_DATE;
}

static bool crumb_line(const struct chrome_doc *d, size_t i);
static bool box_row(const struct chrome_doc *d, size_t i);

#define HEADWORD_SCAN 30 /* lines of the article that may use a headword */
#define HEADWORD_USES 2  /* ... lines that do at least */

/* Whether the words of line i include the word of hash w. */
static bool uses_word(struct chrome_doc *d, size_t i, uint64_t w) {
  struct chrome_tok t[CHROME_MAXTOK];
  size_t nt = line_words(d, i, t);
  for (size_t k = 0; k < nt; k++)
    if (t[k].h == w)
      return true;
  return false;
}

/* A word alone on its line over the article at a (over short lines of
 * facts only), that HEADWORD_USES of the article's sentences use: the entry's
 * headword ("serendipity" over "Meanings", then examples that use it),
 * which is its title. */
static bool headword_title(struct chrome_doc *d, size_t a) {
  for (size_t k = 1; k <= NAME_REACH && k <= a; k++) {
    struct chrome_unit *u = &d->units[a - k];
    if (u->hit == CK_CUT || u->hit == CK_LIST || crumb_line(d, a - k) ||
        (u->words > TITLE_META_WORDS && !box_row(d, a - k)) ||
        (is_title(d, u, false) && !box_row(d, a - k)))
      return false; /* (a headline under it: that is the title; a fact's
                       row may be long: "Syllables: ser|en|dip|i|ty") */
    if (u->rule != R_OUTSIDE || u->hit || u->words != 1 || u->ntok != 1 ||
        u->term != TERM_NONE || u->bullet || u->url || u->widget ||
        u->seps || u->dup)
      continue;
    struct chrome_tok t[2];
    if (line_words(d, a - k, t) != 1)
      continue;
    size_t uses = 0;
    for (size_t i = a; i < d->nunits && i < a + HEADWORD_SCAN &&
                       uses < HEADWORD_USES; i++)
      uses += !d->units[i].rule && d->units[i].term != TERM_NONE &&
              uses_word(d, i, t[0].h); /* (in a sentence: not a wiki's
                                          "Section[edit]" buttons) */
    if (uses >= HEADWORD_USES) {
      u->title = true;
      u->rule = NULL;
      for (size_t i = a - k + 1; i < a; i++)
        if (d->units[i].rule == R_OUTSIDE && box_row(d, i))
          d->units[i].rule = NULL; /* ("Part of speech: noun") */
      return true;
    }
  }
  return false;
}

static bool name_only_title(struct chrome_doc *d, size_t a) {
  struct lead_words l;
  read_lead(d, a, &l);
  for (size_t k = 1; k <= NAME_REACH && k <= a; k++) {
    struct chrome_unit *u = &d->units[a - k];
    if (name_title(d, a - k, a, &l)) {
      u->title = true;
      u->rule = NULL;
      return true;
    }
    if (u->hit == CK_CUT || u->hit == CK_LIST ||
        (u->words > TITLE_META_WORDS && !head_meta_hit(u)))
      return false;
  }
  return false;
}

#define OPEN_HEAD_WORDS 16 /* words of a headline that opens the article */
#define ENTRY_REACH 5 /* lines from a live entry's time up to the headline */
#define ENTRY_SCAN 40 /* lines from its heading to the next entry's time */

/* The candidate t is the heading of a live page's first entry, under
 * its time ("10:42 GMT", "2 min ago"; another entry's time comes within
 * ENTRY_SCAN lines): the page's headline is over that time, with only lines that rules took (share buttons) between, in
 * another block. Returns it, or SIZE_MAX. */
static size_t headline_over_entry(const struct chrome_doc *d, size_t t,
                                  bool nolang) {
  if (d->units[t - 1].rule != R_DATE ||
      d->units[t - 1].blk == d->units[t].blk)
    return SIZE_MAX;
  size_t j = t + 1; /* (another entry's time further down: no caption) */
  while (j < d->nunits && j <= t + ENTRY_SCAN && !d->units[j].rule)
    j++; /* (the entry's text between, all kept) */
  if (j >= d->nunits || j == t + 1 || d->units[j].rule != R_DATE)
    return SIZE_MAX;
  for (size_t k = 2; k <= ENTRY_REACH && k <= t; k++) {
    const struct chrome_unit *u = &d->units[t - k];
    if (u->rule == R_OUTSIDE && is_title(d, u, nolang) &&
        u->term == TERM_NONE && u->blk != d->units[t - 1].blk)
      return t - k;
    if (!u->rule || u->rule == R_OUTSIDE || u->hit == CK_CUT)
      break;
  }
  return SIZE_MAX;
}

/* Whether p[0..n) has a full stop inside it ("alone. #ad"). */
static bool inner_stop(const char *p, size_t n) {
  for (size_t k = 0; k + 1 < n; k++)
    if (p[k] == '.' && p[k + 1] == ' ')
      return true;
  return false;
}

#define BOX_ROWS 3        /* rows of a box of facts at least, */
#define BOX_ROW_WORDS 12  /* ... each of so many words at most, */
#define BOX_LABEL_WORDS 3 /* ... its label of so many */
#define BOX_NAME_WORDS 5  /* words of the box's name over it at most */

/* Whether p[k..) is a colon spaced the French way (" : ") before a
 * value: "Humidité : 81 %". */
static bool french_colon(const char *p, size_t k, size_t n) {
  return k + 3 < n && p[k] == ' ' && p[k + 1] == ':' && p[k + 2] == ' ';
}

/* Line i, a row "Label: value" of a box of facts ("Born: 3 April 1931,
 * Whitby", "Spouse: David Ellery"): a label of a few words (the first
 * capitalised) and a colon, then the value; no phrase rule but a
 * date's took it. */
static bool box_row(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  if ((u->hit && u->hit != CK_DATE) || u->bullet || u->url || u->widget ||
      !u->cap1 || u->words < 1 || u->ntok < 2 || u->words > BOX_ROW_WORDS ||
      (u->term == TERM_SENT && !kempt__chrome_abbrev_end(d, u)))
    return false; /* ("When: Saturday 14 March": a date; "Credits: 15":
                     a number its value; "Sitz: Köln e. V." ends no
                     sentence) */
  const char *p = d->text.data + u->off;
  size_t n = u->len, k = indentation(p, n), spaces = 0;
  for (; k + 2 < n; k++)
    if (p[k] == ':')
      return k > 0 && p[k - 1] != ' ' && p[k + 1] == ' ' && p[k + 2] != ' ';
    else if (french_colon(p, k, n))
      return k > 0 && p[k - 1] != ' ' && p[k + 3] != ' ';
    else if (p[k] == ' ' && ++spaces >= BOX_LABEL_WORDS)
      return false;
  return false;
}

/* Line i, a row of buttons between a box of facts and the article
 * ("Book tickets Add to calendar Share"): a short line without an end
 * or a colon that no phrase rule took, outside the article. */
static bool button_row(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  return u->rule == R_OUTSIDE && !u->hit && u->term == TERM_NONE &&
         u->words <= BOX_ROW_WORDS / 2 && u->cls != CL_GOOD &&
         u->cls != CL_NEAR && !box_row(d, i);
}

/* A row of tabs or links with numbers among its words ("Today Tomorrow
 * 3 days 10 days"): two numbers at least. */
static bool number_row(const struct chrome_unit *h) {
  return h->ntok >= h->words + 2;
}

/* Whether line h opens with a number or its sign: a measure ("-3 °C",
 * "−4 °C", "12 %"), a box's current reading, never its name. */
static bool measure_line(const struct chrome_doc *d,
                         const struct chrome_unit *h) {
  const char *p = d->text.data + h->off;
  size_t n = h->len, k = indentation(p, n);
  if (k < n && (p[k] == '-' || p[k] == '+'))
    k++;
  else if (has_prefix(p + k, n - k, "\xe2\x88\x92")) /* minus sign */
    k += 3;
  return k < n && (unsigned)(p[k] - '0') < 10;
}

/* Line r, a box's current reading ("-3 °C") over its rows, stays, and
 * so does a one-word label right over it in its block ("Now"). */
static void keep_reading(struct chrome_doc *d, size_t r) {
  d->units[r].rule = NULL;
  const struct chrome_unit *l = r > 0 ? &d->units[r - 1] : NULL;
  if (l && l->blk == d->units[r].blk && l->words == 1 && l->ntok == 1 &&
      l->term == TERM_NONE && !l->hit && !l->url && !l->widget)
    d->units[r - 1].rule = NULL;
}

/* Whether a headline in a block of its own stands right over the box
 * whose name is line h, in the box's block, a label and no name of a
 * person or place ("Weather in Rennes this weekend" over "Right now" /
 * "Wind: ..."): it becomes the title, the label stays under it. */
static bool headline_over_label(struct chrome_doc *d, size_t h,
                                bool nolang) {
  if (h == 0 || d->units[h].blk != d->units[h + 1].blk ||
      d->units[h - 1].blk == d->units[h].blk ||
      kempt__chrome_name_line(d, h))
    return false; /* (a person's or a place's name: an entry's box) */
  struct chrome_unit *t = &d->units[h - 1];
  if (t->hit || t->term != TERM_NONE || !is_title(d, t, nolang) ||
      menu_columns(d->text.data + t->off, t->len))
    return false;
  t->rule = NULL;
  t->title = true;
  return true;
}

/* Line n - 1, in a block of its own over the name of a box of facts at
 * n (a court's name over "Case No.: ..."), is a headline on the
 * article's topic: it is the title (set here), the name a line of the
 * box. */
static bool headline_over_box(struct chrome_doc *d, size_t n, size_t a) {
  if (n == 0)
    return false;
  struct chrome_unit *t = &d->units[n - 1];
  if ((t->rule && t->rule != R_OUTSIDE) || t->hit ||
      t->blk == d->units[n].blk || !is_title(d, t, false) ||
      t->words <= d->units[n].words || crumb_line(d, n - 1) ||
      button_run(d, n - 1) ||
      menu_columns(d->text.data + t->off, t->len))
    return false;
  struct lead_words l;
  read_lead(d, a, &l);
  if (!title_topic(d, n - 1, &l))
    return false;
  t->rule = NULL;
  t->title = true;
  return true;
}

/* Lines over the article at a, up to line e (right over it), are a box
 * of facts: BOX_ROWS rows or more in a block apart from the article's,
 * maybe a name over them (a short line without an end: "Margaret
 * Ellery", or a title; a row of tabs with numbers, "Today Tomorrow 3 days
 * 10 days", is none). They stay, the name as the title. Returns the
 * box's first row, or SIZE_MAX when there is no box. */
static size_t box_over(struct chrome_doc *d, size_t e, size_t a,
                       bool nolang) {
  size_t s = e + 1;
  while (s > 0 && box_row(d, s - 1))
    s--;
  if (e + 1 - s < BOX_ROWS || d->units[e].blk == d->units[a].blk)
    return SIZE_MAX;
  for (size_t i = s; i <= e; i++)
    d->units[i].rule = NULL;
  struct chrome_unit *h = s > 0 ? &d->units[s - 1] : NULL;
  if (h && !h->hit && !h->bullet && !h->url && !h->widget && h->cap1 &&
      h->words >= 1 && h->term == TERM_NONE && h->seps < 2 &&
      !number_row(h) && !measure_line(d, h) && !day_tabs(d, s - 1) &&
      (h->words <= BOX_NAME_WORDS || is_title(d, h, nolang))) {
    h->rule = NULL;
    h->title = !(headline_over_label(d, s - 1, nolang) ||
                 (!nolang && headline_over_box(d, s - 1, a)));
  }
  return s;
}

#define BUTTONS_TOK 8 /* words of a row of buttons at most */

/* Whether the words t[0..k) are a whole-line rule (any language). */
static bool line_rule_words(const struct chrome_rules *r,
                            const struct chrome_tok *t, size_t k) {
  if (k > r->maxtok[CK_LINE] || !kempt__chrome_may_start(r, CK_LINE, t[0].h))
    return false;
  uint64_t h = kempt__chrome_seq(t, k);
  return kempt__chrome_may_key(r, h, CK_LINE) &&
         kempt__chrome_rules_find(r, h, CK_LINE, ~0u) != NULL;
}

/* Line i, a row of two buttons or more, each a whole-line rule ("Apply
 * now Save job Share", "Book tickets Add to calendar Share"): no title. */
/* The words of line u into t when it is a row of min to BUTTONS_TOK
 * words and nothing else (no sentence end): their count, else 0. */
static size_t button_words(const struct chrome_doc *d,
                           const struct chrome_unit *u, size_t min,
                           struct chrome_tok t[BUTTONS_TOK + 1]) {
  if (!d->wc.rules || u->words < min || u->ntok != u->words ||
      u->ntok > BUTTONS_TOK || u->term != TERM_NONE)
    return 0;
  size_t total, n = kempt__chrome_unit_tokens(d, u, t, BUTTONS_TOK + 1,
                                              &total);
  return n == total && n >= min ? n : 0;
}

static bool button_run(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  const struct chrome_rules *r = d->wc.rules;
  struct chrome_tok t[BUTTONS_TOK + 1];
  size_t n = button_words(d, u, 2, t);
  if (n == 0)
    return false;
  size_t runs = 0;
  for (size_t k = 0; k < n; runs++) {
    size_t w = n - k < 3 ? n - k : 3;
    while (w > 0 && !line_rule_words(r, t + k, w))
      w--;
    if (w == 0 && t[k].end - t[k].start == 1 &&
        (d->text.data[u->off + t[k].start] | 0x20) == 'x')
      w = 1; /* (the share target X) */
    if (w == 0)
      return false;
    k += w;
  }
  return runs >= 2;
}

/* Line i, a site's menu that ends with its account's links ("Docs Blog
 * Pricing GitHub Sign in"): words that are all capitalised, none a
 * function word, then a whole-line rule of up to three words, and no
 * word of the article's first lines from a (a headline in title case
 * with a button's word at its end speaks of them): no title. */
static bool menu_then_buttons(struct chrome_doc *d, size_t i, size_t a) {
  const struct chrome_unit *u = &d->units[i];
  const struct chrome_rules *r = d->wc.rules;
  if (u->upper + 1 < u->words)
    return false;
  struct chrome_tok t[BUTTONS_TOK + 1];
  size_t n = button_words(d, u, 4, t);
  if (n == 0)
    return false;
  size_t w = 3;
  while (w > 0 && !line_rule_words(r, t + n - w, w))
    w--;
  if (w == 0 || n - w < 3)
    return false;
  for (size_t k = 0; k < n - w; k++)
    if (!t[k].upper || kempt__stopword_langs(d->text.data + u->off +
                                                 t[k].start,
                                             t[k].end - t[k].start))
      return false;
  struct lead_words l;
  read_lead(d, a, &l);
  return !title_topic(d, i, &l);
}

#define PAGE_NAME_REACH 3 /* lines from a page's name to the article */

/* The title of a page with no headline: its name ("Changelog", "Release
 * notes"), a word or two capitalised with no end, the nearest line over
 * the article at a that no phrase rule took (those between, a sign-up's
 * "Subscribe to updates", go), right under the site's menu. */
static void page_name_title(struct chrome_doc *d, size_t a) {
  for (size_t k = 1; k <= PAGE_NAME_REACH && k <= a; k++) {
    struct chrome_unit *u = &d->units[a - k];
    if (u->rule && u->rule != R_OUTSIDE && u->hit && u->hit != CK_CUT)
      continue;
    if (u->rule != R_OUTSIDE || u->hit || u->words < 1 || u->words > 2 ||
        u->ntok != u->words || !u->cap1 || u->term != TERM_NONE ||
        u->bullet || u->url || u->widget || u->seps || u->dup)
      return;
    size_t m = a - k - 1; /* (at the page's top: a site's name) */
    if (a - k > 0 && (menu_then_buttons(d, m, a) || menu_line(d, m) ||
                      button_run(d, m))) {
      u->title = true;
      u->rule = NULL;
    }
    return;
  }
}

/* Line i holds numbers and no word: a gallery's counter ("1 / 8"); the
 * short line under it is its button ("Back to Gallery"). */
static bool counter_line(const struct chrome_doc *d, size_t i) {
  return !d->units[i].words && d->units[i].ntok && !d->units[i].bullet;
}

/* Whether line i opens with a one-word label and its colon ("Album:
 * ...", "Writers: ..."). */
static bool word_label(const struct chrome_doc *d, size_t i) {
  const char *p = d->text.data + d->units[i].off;
  size_t n = d->units[i].len, k = 0;
  while (k < n && p[k] != ' ' && p[k] != ':')
    k++;
  return k >= 2 && k + 1 < n && p[k] == ':' && p[k + 1] == ' ';
}

#define CRUMB_WORDS 8 /* words of a breadcrumb trail at most */

/* A breadcrumb trail ("Startseite / Lokales / Kurz notiert", "Home >
 * News > Local"): a few words, two of its separators or more. It sits
 * under the site's menu and over the page's headline. */
static bool crumb_line(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  if (u->seps < 2 || u->words > CRUMB_WORDS || u->term == TERM_SENT ||
      u->ntok != u->words) /* (no date line: "May 2, 2024 / 1:07 AM") */
    return false;
  const char *p = d->text.data + u->off;
  unsigned n = 0;
  for (size_t k = 1; k + 2 < u->len; k++)
    if (p[k - 1] == ' ' && (p[k] == '/' || p[k] == '>') && p[k + 1] == ' ')
      n++;
  return n >= 2;
}

#define PAGE_PHRASE_WORDS 5 /* words of a page's name that a phrase took */

/* A page's own name that a whole-line phrase rule took, standing alone
 * (no such line over or under it: no row of links) over the article at
 * a, which speaks of it ("Terms and Conditions" over "Please read these
 * terms ..."): the title. */
static bool phrase_name_title(struct chrome_doc *d, size_t i, size_t a) {
  const struct chrome_unit *u = &d->units[i];
  if (u->hit != CK_LINE || u->words < 2 || u->words > PAGE_PHRASE_WORDS ||
      !u->cap1 || u->term != TERM_NONE || u->bullet || u->url ||
      u->widget || u->seps || u->dup || u->listed || u->ntok != u->words ||
      (i > 0 && d->units[i - 1].hit == CK_LINE) ||
      (i + 1 < a && d->units[i + 1].hit == CK_LINE))
    return false;
  struct lead_words l;
  read_lead(d, a, &l);
  return title_topic(d, i, &l);
}

#define SCORE_DIGITS 3 /* digits of a match's score at most */

/* Digits of the number that ends right before p[k] (going back) or
 * starts at it (dir 1), when it has 1 to SCORE_DIGITS; else 0. */
static size_t score_digits(const char *p, size_t n, size_t k, int dir) {
  size_t m = 0;
  if (dir > 0)
    while (k + m < n && (unsigned)(p[k + m] - '0') < 10)
      m++;
  else
    while (m < k && (unsigned)(p[k - 1 - m] - '0') < 10)
      m++;
  return m <= SCORE_DIGITS ? m : 0;
}

/* Whether line i holds a match's score: two numbers of a few digits with
 * ':' or a dash between, maybe in spaces ("2:3", "3 - 1", "102–98"; not
 * a span of years "2018-2019"). */
static bool score_in(const struct chrome_doc *d, size_t i) {
  const char *p = d->text.data + d->units[i].off;
  size_t n = d->units[i].len;
  for (size_t k = 1; k + 1 < n; k++) {
    size_t s = k, e = k + 1;
    if (has_prefix(p + k, n - k, "\xe2\x80\x93"))
      e = k + 3; /* (an en dash) */
    else if (p[k] != ':' && p[k] != '-')
      continue;
    s -= s > 1 && p[s - 1] == ' ';
    e += e + 1 < n && p[e] == ' ';
    if (score_digits(p, n, s, -1) && score_digits(p, n, e, 1))
      return true;
  }
  return false;
}

#define SUBJECT_CHARS 2 /* code points of a subject's name at least */
#define SUBJECT_REACH 6 /* lines from it to the article at most (a site's
                           name far up may open a news agency's dateline) */

/* Line i, over the article at a, is the name of its subject that the
 * article's first line opens with (an encyclopedia's "信濃川" over
 * "信濃川（しなのがわ）は、..."): the title, however short, of a page in
 * a script without spaces, where a line too short for a title is
 * otherwise none. */
static bool subject_title(const struct chrome_doc *d, size_t i, size_t a) {
  const struct chrome_unit *u = &d->units[i], *v = &d->units[a];
  if (u->rule != R_OUTSIDE || u->hit || u->chars < SUBJECT_CHARS ||
      u->bullet || u->url || u->widget || u->words > 2 || u->len >= v->len)
    return false;
  const char *p = d->text.data + u->off, *q = d->text.data + v->off;
  size_t s = indentation(p, u->len), t = indentation(q, v->len);
  size_t n = u->len - s;
  while (n > 0 && p[s + n - 1] == ' ')
    n--;
  return n > 0 && t + n < v->len && memcmp(p + s, q + t, n) == 0;
}

#define HEAD_LINES 4 /* lines of a head (date, byline, buttons) at most */

/* Whether a headline stands over the line at a with only a head between
 * (its date or byline line, a row of buttons, a listing's price or line
 * of measures): the article's, and the
 * line at a is a line of its own under it (a match's score "Leeds - Hull
 * 2:1", a standfirst in title case). A line of capitalised words alone
 * is a menu, no headline. */
static bool headline_over_head(const struct chrome_doc *d, size_t a) {
  size_t k = a;
  while (k > 0 && a - k < HEAD_LINES &&
         (d->units[k - 1].rule == R_DATE || d->units[k - 1].rule == R_BYLINE ||
          button_run(d, k - 1) || price_line(d, k - 1) ||
          specs_line(d, k - 1))) /* (a listing's price and measures) */
    k--;
  if (k == a || k == 0)
    return false;
  const struct chrome_unit *u = &d->units[k - 1];
  return !u->hit && u->words >= HEADLINE_WORDS && u->blk != d->units[a].blk &&
         u->upper < u->words && /* (a menu: "News Sport Business Opinion") */
         !menu_columns(d->text.data + u->off, u->len) && is_title(d, u, false);
}

#define DEK_REACH 10 /* lines from a dek to the article at most */
#define DEK_OVER 2   /* lines between the title and its dek at most */
/* Words of a dek under an author's name at least: name, sentence and
 * date line make a head. */
#define NAMED_DEK_WORDS 4

/* The line under the title t where its dek may be: t + 1, or the first
 * line under a few short ones (DEK_OVER at most) that follow the title,
 * one of them an author's name alone ("Share Tweet" / "Jane Doe" / the
 * dek): the name goes, the dek under it need not. */
static size_t dek_at(const struct chrome_doc *d, size_t t, size_t a) {
  bool name = false;
  size_t j = t + 1;
  for (; j < a && j <= t + DEK_OVER; j++) {
    if (kempt__chrome_name_line(d, j))
      name = true;
    else if (!button_row(d, j))
      break;
  }
  return name ? j : t + 1;
}

/* Line j (dek_at), under the title t in a block of its own, is its dek
 * ending with a sentence's end ("A survey ship ... before."): prose
 * that no phrase rule took, then only the head's byline or date line
 * and its buttons down to the article at a (a teaser under a title
 * has no byline under it). A dek under the author's name may be short
 * ("The vote was closer than expected."). */
static bool dek_sentence(const struct chrome_doc *d, size_t t, size_t j,
                         size_t a) {
  if (j + 1 >= a || a - t > DEK_REACH)
    return false;
  const struct chrome_unit *u = &d->units[j];
  if (u->rule != R_OUTSIDE || u->term != TERM_SENT || u->bullet || u->url ||
      u->widget || u->dup || u->hit ||
      u->words < (j > t + 1 ? NAMED_DEK_WORDS : DEK_WORDS) ||
      u->cls == CL_BAD || u->blk == d->units[j - 1].blk ||
      u->blk == d->units[j + 1].blk)
    return false;
  bool head = false;
  for (size_t i = j + 1; i < a; i++) {
    const char *r = d->units[i].rule;
    if (r == R_BYLINE || r == R_DATE)
      head = true;
    else if (!r || r == R_OUTSIDE)
      return false;
  }
  return head;
}

#define SECTION_SCAN 80 /* lines of the article where its next section
                           heading is looked for */
#define NUMERAL_BYTES 6 /* bytes of a section's Roman numeral at most */

/* Whether p[0..n) is a Roman numeral in capitals, maybe with the French
 * ordinal's "er" or "re" ("II", "IV", "Ier"). */
static bool roman_numeral(const char *p, size_t n) {
  if (n >= 3 && (memcmp(p + n - 2, "er", 2) == 0 ||
                 memcmp(p + n - 2, "re", 2) == 0))
    n -= 2;
  if (n == 0 || n > NUMERAL_BYTES)
    return false;
  for (size_t k = 0; k < n; k++)
    if (!memchr("IVXLCDM", p[k], 7))
      return false;
  return true;
}

/* Whether p[0..n), what follows a section's numeral, is nothing or
 * opens with a dash between spaces, a colon or a period ("Chapter 2 -
 * Definitions", "Teil II: Pflichten"; not "Harbour 2-1 Northfield"). */
static bool numeral_end(const char *p, size_t n) {
  while (n && p[n - 1] == ' ')
    n--;
  if (n == 0)
    return true;
  if (p[0] == ':' || p[0] == '.')
    return n == 1 || p[1] == ' ';
  return n >= 3 && p[0] == ' ' &&
         (p[1] == '-' || has_prefix(p + 1, n - 1, "\xe2\x80\x93") ||
          has_prefix(p + 1, n - 1, "\xe2\x80\x94"));
}

/* Line i, a heading that numbers its section: a capitalised word, then a
 * number or a Roman numeral ("Chapter 2 - Definitions", "Chapitre Ier",
 * "Teil II"); its first word in *w. */
static bool section_numbered(struct chrome_doc *d, size_t i, uint64_t *w) {
  const struct chrome_unit *u = &d->units[i];
  struct chrome_tok t[CHROME_MAXTOK];
  if (u->term != TERM_NONE || !u->cap1 || u->bullet || u->url ||
      u->widget || u->words > HEAD_MAX_WORDS || line_words(d, i, t) < 2)
    return false;
  *w = t[0].h;
  const char *p = d->text.data + u->off;
  return t[0].alpha && t[0].upper &&
         (!t[1].alpha ||
          roman_numeral(p + t[1].start, t[1].end - t[1].start)) &&
         numeral_end(p + t[1].end, u->len - t[1].end);
}

/* The candidate t over the article at a is its first section's heading:
 * it numbers it, and a heading of the article further down does so with
 * the same word ("Chapitre Ier - ..." then "Chapitre II - ..."). It
 * stays; the title is the line over it that reads as one, with only
 * lines that went between (a version's date). Returns that, or t. */
static size_t title_over_sections(struct chrome_doc *d, size_t t, size_t a) {
  uint64_t w, x;
  if (!section_numbered(d, t, &w))
    return t;
  size_t j = a;
  while (j < d->nunits && j <= a + SECTION_SCAN &&
         (d->units[j].rule || !section_numbered(d, j, &x) || x != w))
    j++;
  if (j >= d->nunits || j > a + SECTION_SCAN)
    return t;
  struct lead_words l;
  read_lead(d, a, &l);
  size_t near = SIZE_MAX; /* (the nearest that reads as one) */
  for (size_t k = t; k-- > 0 && k + TITLE_REACH >= t;) {
    const struct chrome_unit *u = &d->units[k];
    if (crumb_line(d, k) || button_run(d, k) || u->hit == CK_CUT ||
        u->hit == CK_LIST || (u->rule && u->rule != R_OUTSIDE && !u->hit))
      break;
    if (!is_title(d, u, false) ||
        menu_columns(d->text.data + u->off, u->len))
      continue;
    near = near == SIZE_MAX ? k : near;
    if (title_topic(d, k, &l)) {
      near = k; /* (over a version's date: the text's name) */
      break;
    }
  }
  if (near != SIZE_MAX)
    d->units[t].rule = NULL;
  return near != SIZE_MAX ? near : t;
}

/* Whether line i, over the article at a, is a title that is a date
 * line naming what it dates ("Horoscope for Tuesday, 14 April 2026",
 * "Newsletter - April 2026"): only lines of the head lie between it and
 * the article (a byline, a greeting), and no title stands over it (then
 * it would be that title's date). */
static bool dated_title(const struct chrome_doc *d, size_t i, size_t a) {
  if (d->units[i].rule != R_DATE || !kempt__chrome_named_date(d, i) ||
      (i > 0 && is_title(d, &d->units[i - 1], false)))
    return false;
  for (size_t k = i + 1; k < a; k++) {
    const struct chrome_unit *v = &d->units[k];
    if (!(v->rule && head_meta_hit(v)) &&
        !(v->rule == R_OUTSIDE && !v->hit && v->words <= TITLE_META_WORDS))
      return false;
  }
  return true;
}

#define CJK_TOPIC_BYTES 6 /* a word of two CJK characters at least */

/* Whether the bytes s[0..m) (m > 0) are in h[0..n). */
static bool bytes_in(const char *h, size_t n, const char *s, size_t m) {
  for (const char *q = memchr(h, s[0], n); q && (size_t)(q - h) + m <= n;
       q = memchr(q + 1, s[0], n - (size_t)(q + 1 - h)))
    if (memcmp(q, s, m) == 0)
      return true;
  return false;
}

/* Whether a word of line i (CJK: a run of characters between spaces,
 * two of them at least) stands inside one of the article's first lines
 * (l): a title's do ("金沢　春祭り始まる" over "金沢市で..."), a byline's
 * name seldom does. */
static bool cjk_word_in_lead(const struct chrome_doc *d, size_t i,
                             const struct lead_words *l) {
  struct chrome_tok t[4];
  size_t total, nt = kempt__chrome_unit_tokens(d, &d->units[i], t, 4, &total);
  const char *p = d->text.data + d->units[i].off;
  for (size_t x = 0; x < nt; x++) {
    size_t m = t[x].end - t[x].start;
    if (m < CJK_TOPIC_BYTES || (unsigned char)p[t[x].start] < 0xE3)
      continue;
    for (size_t k = 0; k < l->lines; k++) {
      const struct chrome_unit *v = &d->units[l->at[k]];
      if (bytes_in(d->text.data + v->off, v->len, p + t[x].start, m))
        return true;
    }
  }
  return false;
}

/* Whether line i shares a word that carries the topic with the
 * article's first lines from a: a short title ("מחאה בתל אביב"), not
 * its author's name. */
static bool named_in_lead(struct chrome_doc *d, size_t i, size_t a) {
  struct lead_words l;
  read_lead(d, a, &l);
  return title_topic(d, i, &l) || (cjk_start(d, &d->units[i]) &&
                                   cjk_word_in_lead(d, i, &l));
}

#define OPEN_HEAD_META 2 /* byline and date lines under an opening headline */
#define HEAD_META_WORDS 8 /* words of a date line that a phrase rule took */

/* A byline or date line that a rule took ("By ...", "Publicado el 14 de
 * marzo de 2026"): it may stand between a headline and its text. */
static bool head_meta(const struct chrome_doc *d, const struct chrome_unit *u) {
  return u->rule == R_BYLINE || u->rule == R_DATE ||
         (u->rule && u->words <= HEAD_META_WORDS &&
          has_year(d->text.data + u->off, u->len));
}

/* Whether a sentence of text, in a block of its own, follows line a right
 * under it or past its byline and date (at most OPEN_HEAD_META lines). */
static bool text_under_head(const struct chrome_doc *d, size_t a) {
  size_t i = a + 1;
  while (i < d->nunits && i <= a + OPEN_HEAD_META &&
         head_meta(d, &d->units[i]))
    i++;
  return i < d->nunits && d->units[i].blk != d->units[a].blk &&
         d->units[i].term == TERM_SENT;
}

static void find_title(struct chrome_doc *d, size_t a, bool nolang) {
  size_t head = SIZE_MAX; /* a date line that looked like one */
  if (a < d->nunits && cjk_start(d, &d->units[a]))
    nolang = true; /* (a CJK article on a page with words of a language:
                      its comments' or footer's English) */
  if (!nolang && a < d->nunits && !d->units[a].rule &&
      d->units[a].term == TERM_NONE && d->units[a].words >= HEADLINE_WORDS &&
      d->units[a].words <= OPEN_HEAD_WORDS &&
      !inner_stop(d->text.data + d->units[a].off, d->units[a].len) &&
      is_title(d, &d->units[a], false) && text_under_head(d, a) &&
      !menu_columns(d->text.data + d->units[a].off, d->units[a].len) &&
      (a == 0 || d->units[a - 1].words < HEADLINE_WORDS ||
       !is_title(d, &d->units[a - 1], false)) &&
      !headline_over_head(d, a)) {
    d->units[a].title = true; /* (the article opens with its headline:
                                 no line above, a menu's, is its title) */
    return;
  }
  if (!nolang && a > 0 && headword_title(d, a))
    return;
  size_t reach = 40;
  bool crumbs = false; /* a breadcrumb trail between here and a */
  for (size_t k = 0; k < reach && k < a; k++) {
    struct chrome_unit *u = &d->units[a - 1 - k];
    if (!kempt__chrome_head_reach(head, a - 1 - k))
      return; /* (no title right above that date line) */
    if (!nolang && dated_title(d, a - 1 - k, a)) {
      u->title = true;
      u->rule = NULL;
      return;
    }
    if (nolang && k < SUBJECT_REACH && subject_title(d, a - 1 - k, a)) {
      u->title = true;
      u->rule = NULL;
      return;
    }
    const char *name =
        k == 0 && nolang ? kempt__chrome_name_over_text(d, a - 1) : NULL;
    if (name && !named_in_lead(d, a - 1, a)) {
      u->rule = name; /* (a byline without case: the title is over it) */
      continue;
    }
    if (k == 0 && !nolang && first_question(d, a - 1, a)) {
      u->rule = NULL; /* (the article's; its title is a little higher up,
                         over a date or the like, or there is none) */
      reach = FAQ_TITLE_REACH;
      continue;
    }
    size_t box = k > 0 || nolang ? SIZE_MAX : box_over(d, a - 1, a, nolang);
    if (box == SIZE_MAX && k == 0 && !nolang && a > 1 && button_row(d, a - 1))
      box = box_over(d, a - 2, a, nolang);
    if (box != SIZE_MAX && (box == 0 || (!number_row(&d->units[box - 1]) &&
                                         !measure_line(d, &d->units[box - 1]) &&
                                         !day_tabs(d, box - 1))))
      return; /* (a box of facts: its rows and its name stay) */
    if (box != SIZE_MAX && box > 0 && measure_line(d, &d->units[box - 1]))
      keep_reading(d, box - 1);
    if (box != SIZE_MAX) {
      k = a - box; /* (a row of tabs over it, no name: the title may be
                      higher up; the loop's step goes on over the tabs) */
      continue;
    }
    if (!nolang && crumb_line(d, a - 1 - k))
      crumbs = true;
    if (!nolang && word_label(d, a - 1 - k) &&
        u->words <= TITLE_META_WORDS &&
        ((k > 0 && head != a - k && word_label(d, a - k) &&
          d->units[a - k].ntok == d->units[a - k].words) ||
         (a - 1 - k > 0 && word_label(d, a - 2 - k))))
      continue; /* (a row of facts: "Album: ...", "Writers: ..."; no
                   title) */
    if (!nolang && phrase_name_title(d, a - 1 - k, a)) {
      u->title = true; /* (a legal page's name: the rules' phrase) */
      u->rule = NULL;
      return;
    }
    if (crumbs && is_title(d, u, nolang))
      break; /* (over a breadcrumb trail: the site's menu, no title) */
    if (k == 0 && !nolang && a > 1 && kempt__chrome_bare_time(d, a - 2) &&
        is_title(d, u, nolang))
      continue; /* (a live report's first entry: its time, its headline;
                   the title is higher up) */
    if (is_title(d, u, nolang) && !button_run(d, a - 1 - k) &&
        !menu_then_buttons(d, a - 1 - k, a) &&
        !menu_columns(d->text.data + u->off, u->len) &&
        (nolang || !day_tabs(d, a - 1 - k))) {
      const char *why = kempt__chrome_head_line(
          d, a - 1 - k, k + 1 < a && is_title(d, u - 1, nolang));
      if (why && kempt__chrome_caseless_byline(why) &&
          named_in_lead(d, a - 1 - k, a))
        why = NULL; /* (a short title: its words are the article's) */
      if (why) { /* a date or source line under the title */
        u->rule = why;
        head = a - 1 - k;
        continue;
      }
      if (nolang && head == SIZE_MAX && button_under_head(d, a - 1 - k))
        continue; /* (a button between the head and the article) */
      if (!nolang && k == 0 && headline_over_head(d, a - 1)) {
        if (score_in(d, a - 1))
          u->rule = NULL; /* (a match's result under its head) */
        continue; /* (the title is over the head) */
      }
      size_t t = on_topic_title(d, a, a - 1 - k, nolang);
      if ((!nolang || spaced_script(d, t)) && t > 0 &&
          !menu_then_buttons(d, t - 1, a) &&
          ((!nolang && headline_over_dek(d, t - 1, t)) ||
           plain_headline_over_dek(d, t - 1, t, a)) &&
          !menu_columns(d->text.data + d->units[t - 1].off,
                        d->units[t - 1].len)) {
        d->units[t].rule = NULL; /* (the dek under it stays) */
        t--;
      }
      t = paper_title(d, t, nolang);
      t = nolang ? t : title_over_sections(d, t, a);
      size_t h = t > 1 ? headline_over_entry(d, t, nolang) : SIZE_MAX;
      if (h != SIZE_MAX) {
        d->units[t].rule = NULL; /* (the entry's heading stays) */
        t = h;
      }
      d->units[t].title = true;
      d->units[t].rule = NULL;
      size_t dek = dek_at(d, t, a);
      if (!nolang && dek_sentence(d, t, dek, a))
        d->units[dek].rule = NULL; /* (a dek with its period) */
      for (size_t i = t + 1; i < a && i <= t + SPAN_REACH; i++)
        if ((d->units[i].rule == R_OUTSIDE &&
             (span_line(d, i) || price_line(d, i) || facts_line(d, i) ||
              specs_line(d, i) || kempt__chrome_range_line(d, i))) ||
            (d->units[i].rule == R_DATE && span_line(d, i)))
          d->units[i].rule = NULL; /* (its dates: an event's, a life's) */
      return;
    }
  }
  if (!nolang && a > 0 && !name_only_title(d, a)) /* (no headline: an
                                                     entry's name over it) */
    page_name_title(d, a);
}

/* Rules that judge by form, not by phrase: undone in clean text. */
static bool soft_rule(const char *r) {
  return r == R_LISTITEM || r == R_TEASER || r == R_REPEAT || r == R_THRICE;
}

/* Hardly any chrome: text that was cleaned before (or never had any)
 * loses only its rule hits, not what the stretch would leave out. */
static bool clean_evidence(const struct chrome_unit *u) {
  return u->cls >= CL_BAD && !soft_rule(u->rule);
}

/* evidence: how many lines give clean_evidence (classify's score pass
 * counts them, up to one more than clean text has; classes and rules are
 * final there until judge). */
static bool looks_clean(const struct chrome_doc *d, size_t evidence) {
  return evidence * CLEAN_RATIO <= d->nunits;
}

/* A headline-like line: no sentence end, a few words. */
static bool headline_like(const struct chrome_unit *u, bool nolang) {
  return u->cls != CL_GOOD && u->cls != CL_NEAR && no_end(u) &&
         head_size(u, nolang);
}

/* Whether lines [s, e] read as teasers: about as many headlines as
 * paragraphs, and at least two paragraphs. */
static bool teaser_segment(const struct chrome_doc *d, size_t s, size_t e,
                           bool nolang, unsigned tenths) {
  size_t heads = 0, goods = 0;
  for (size_t i = s; i <= e; i++) {
    const struct chrome_unit *u = &d->units[i];
    goods += u->cls == CL_GOOD || u->cls == CL_NEAR;
    heads += headline_like(u, nolang);
  }
  return goods >= 2 && heads * 10 >= goods * tenths;
}

/* The gap (lines without good text scoring -GAP_MIN or less) nearest to
 * the end b (dir < 0) or start a (dir > 0) of [a, b]: sets its first and
 * last line; false when there is none. */
static bool find_gap(const struct chrome_doc *d, size_t a, size_t b,
                     int dir, size_t *g0, size_t *g1) {
  int64_t run = 0;
  size_t start = 0;
  bool in = false;
  for (size_t k = 0; k <= b - a; k++) {
    size_t i = dir < 0 ? b - k : a + k;
    int32_t sc = d->units[i].score;
    if (sc > 0) {
      if (in && run <= -GAP_MIN) {
        size_t end = dir < 0 ? i + 1 : i - 1;
        *g0 = dir < 0 ? end : start;
        *g1 = dir < 0 ? start : end;
        return true;
      }
      in = false;
      run = 0;
      continue;
    }
    if (!in)
      start = i;
    in = true;
    run += sc;
  }
  return false;
}

/* Cut teaser segments (headline, summary, headline, ...) off the ends of
 * the stretch where a big gap of chrome separates them from the rest. */
static void trim_teasers(const struct chrome_doc *d, size_t *a, size_t *b,
                         bool nolang) {
  size_t g0, g1;
  for (int n = 0; n < 4 && find_gap(d, *a, *b, -1, &g0, &g1); n++) {
    if (!teaser_segment(d, g1 + 1, *b, nolang, TEASER_HEADS))
      break;
    *b = g0 - 1;
  }
  for (int n = 0; n < 4 && find_gap(d, *a, *b, 1, &g0, &g1); n++) {
    if (!teaser_segment(d, *a, g0 - 1, nolang, TEASER_HEADS))
      break;
    *a = g1 + 1;
  }
}

#define HEAD_TEASERS 3 /* teasers atop the article at least */
#define LEAD_REACH 4   /* lines from the article's headline to its text */

/* Whether the block from line s (up to b) is a teaser: its headline and
 * its summary, two lines. */
static bool teaser_block(const struct chrome_doc *d, size_t s, size_t b,
                         bool nolang) {
  return s + 1 <= b && d->units[s + 1].blk == d->units[s].blk &&
         (s + 2 > b || d->units[s + 2].blk != d->units[s].blk) &&
         is_head(&d->units[s], nolang) && is_summary(&d->units[s + 1]);
}

/* Whether the article under the headline h (up to b) opens with a
 * paragraph longer than any summary above it (most words: longest). */
static bool longer_text_under(const struct chrome_doc *d, size_t h, size_t b,
                              uint16_t longest) {
  for (size_t i = h + 1; i <= b && i <= h + LEAD_REACH; i++) {
    const struct chrome_unit *u = &d->units[i];
    if (u->cls == CL_GOOD && !u->rule)
      return u->words > longest;
  }
  return false;
}

/* A strip of teasers atop the stretch [a, b] ("Top stories" without a
 * label): HEAD_TEASERS blocks of a headline and its summary or more, then
 * the article's headline alone in its block over a longer text; they
 * go, and a goes to that headline. */
static const char R_HEAD_TEASER[] = "teasers atop the article";

#define NOTICE_SKIP 2 /* short lines between a notice's button and the
                         article's headline at most (a section's name) */

/* A notice over its button at the top of the stretch [*a, b] in a script
 * that runs its words together (no phrase rule sees "cookie" inside a
 * Thai phrase): a line, a button that a line rule took ("ยอมรับทั้งหมด"),
 * then, past a short line or two, a headline over the article's date
 * line. The stretch starts at the article under that head. */
static void trim_notice(struct chrome_doc *d, size_t *a, size_t b) {
  size_t i = *a;
  if (i + 3 > b || d->units[i + 1].hit != CK_LINE ||
      d->units[i + 1].words > 2 || !phrase_start(d, &d->units[i]))
    return;
  for (size_t j = i + 2; j <= b && j <= i + 2 + NOTICE_SKIP; j++) {
    const struct chrome_unit *u = &d->units[j];
    if (u->cls == CL_GOOD || u->cls == CL_NEAR)
      return; /* (text under the button: no notice's) */
    if (!kempt__chrome_over_head_date(d, j))
      continue;
    for (size_t k = j + 1; k <= b; k++)
      if (d->units[k].cls == CL_GOOD || d->units[k].cls == CL_NEAR) {
        *a = k; /* (find_title finds the headline over it) */
        return;
      }
    return;
  }
}

/* Where the teasers atop the stretch from a start: at a, or at the
 * headline right over it in its block when the stretch opens with the
 * first teaser's summary (a short headline scores below zero). */
static size_t first_teaser(const struct chrome_doc *d, size_t a, bool nolang) {
  if (a > 0 && d->units[a - 1].blk == d->units[a].blk &&
      (a < 2 || d->units[a - 2].blk != d->units[a].blk) &&
      is_head(&d->units[a - 1], nolang) && is_summary(&d->units[a]))
    return a - 1;
  return a;
}

static void trim_head_teasers(struct chrome_doc *d, size_t *a, size_t b,
                              bool nolang) {
  size_t s = first_teaser(d, *a, nolang), n = 0, from = s;
  uint16_t longest = 0;
  for (; teaser_block(d, s, b, nolang); s += 2, n++)
    if (d->units[s + 1].words > longest)
      longest = d->units[s + 1].words;
  if (n < HEAD_TEASERS || s >= b || !is_head(&d->units[s], nolang) ||
      d->units[s + 1].blk == d->units[s].blk ||
      !longer_text_under(d, s, b, longest))
    return;
  for (size_t i = from; i < s; i++)
    d->units[i].rule = R_HEAD_TEASER; /* (no lead or heading of it) */
  *a = s;
}

/* Chrome that explains itself: a list marker and its items, a caption,
 * an image label, a short label. */
static bool explained(const struct chrome_unit *u) {
  if (u->hit == CK_LIST || u->rule == R_LISTITEM || u->rule == R_CAPTION ||
      u->rule == R_DOUBLE || u->rule == R_SLUG || u->hit == CK_CAPTION ||
      u->rule == R_SIGNUP)
    return true;
  return u->widget || (u->cls == CL_SHORT && u->words <= LABEL_WORDS);
}

/* The end of the gap of explained chrome from i on (dir +1 or -1), if it
 * holds a list marker; SIZE_MAX otherwise. */
static size_t list_gap(const struct chrome_doc *d, size_t i, size_t end,
                       int dir) {
  bool marker = false;
  for (size_t n = 0; i < end && n < LIST_MAX; n++) {
    const struct chrome_unit *u = &d->units[i];
    if (!explained(u))
      return marker ? i : SIZE_MAX;
    marker = marker || u->hit == CK_LIST;
    if (dir < 0 && i == 0)
      break;
    i = dir > 0 ? i + 1 : i - 1;
  }
  return SIZE_MAX;
}

/* The best sum of lines from i on (dir +1 or -1) and where it ends. */
static int64_t best_run(const struct chrome_doc *d, size_t i, size_t end,
                        int dir, size_t *at) {
  int64_t sum = 0, best = 0;
  for (; i < end; i = dir > 0 ? i + 1 : i - 1) {
    sum += d->units[i].score;
    if (sum > best) {
      best = sum;
      *at = i;
    }
    if (dir < 0 && i == 0)
      break;
  }
  return best;
}

/* The gap [s, g) is a marker and one link ("Related" and a headline),
 * and the text at g opens a block of its own with prose: a link to one
 * story in the article, whose text goes on. */
static bool one_link(const struct chrome_doc *d, size_t s, size_t g) {
  return g == s + 2 && d->units[s].hit == CK_LIST &&
         d->units[s + 1].rule == R_LISTITEM &&
         d->units[g].blk != d->units[g - 1].blk && !d->units[g].rule &&
         (d->units[g].cls == CL_GOOD || d->units[g].cls == CL_NEAR);
}

/* The text at g, right after an embedded list, goes on in prose: two
 * paragraphs of it and no headline over them (another article past the
 * list would open with its headline). */
static bool prose_on(const struct chrome_doc *d, size_t g) {
  return g + 1 < d->nunits && !d->units[g].rule && !d->units[g + 1].rule &&
         d->units[g].cls == CL_GOOD && d->units[g].term == TERM_SENT &&
         (d->units[g + 1].cls == CL_GOOD || d->units[g + 1].cls == CL_NEAR);
}

#define CARD_HEAD_LINES 8 /* lines of a card's head over its text */
#define CARD_TITLE_REACH 40 /* lines above it where the title may be */

/* The head of a card right above the stretch at a: the page's title
 * again, then labels and buttons ("4.86 from 37 votes", "Print", "Pin"),
 * under prose that follows the title (a recipe's story, then its card).
 * Returns the line of prose over the card's head, or SIZE_MAX. */
static size_t card_head(const struct chrome_doc *d, size_t a) {
  size_t i = a;
  while (i > 0 && a - i < CARD_HEAD_LINES) {
    const struct chrome_unit *u = &d->units[i - 1];
    if (u->rule ? u->hit != CK_LINE && u->hit != CK_HAS
                : u->cls != CL_SHORT || u->bullet || u->words > LABEL_WORDS)
      break;
    i--;
  }
  size_t top = i; /* (buttons over the card: "Jump to recipe", "Print") */
  while (top < a && d->units[top].rule)
    top++;
  if (top == a || i < 2)
    return SIZE_MAX;
  const struct chrome_unit *t = &d->units[top], *p = &d->units[i - 1];
  if (t->rule || !t->dup || !t->key || t->term != TERM_NONE || !t->cap1 ||
      t->words < 3 || p->rule || (p->cls != CL_GOOD && p->cls != CL_NEAR))
    return SIZE_MAX;
  for (size_t k = i - 1; k > 0 && i - k < CARD_TITLE_REACH; k--)
    if (d->units[k - 1].key == t->key)
      return i - 1; /* (the title over the prose) */
  return SIZE_MAX;
}

/* An article cut in two by a list it embeds ("Most read" in the middle):
 * join the part on the other side when it is plain text, not teasers. */
static void join_over_lists(const struct chrome_doc *d, size_t *a,
                            size_t *b, size_t end, bool nolang) {
  size_t g = list_gap(d, *b + 1, end, 1), at = 0;
  if (g != SIZE_MAX &&
      best_run(d, g, end, 1, &at) >= (one_link(d, *b + 1, g) ? JOIN_ONE
                                       : prose_on(d, g)      ? JOIN_PROSE
                                                             : JOIN_MIN) &&
      !teaser_segment(d, g, at, nolang, JOIN_HEADS))
    *b = at;
  if (*a == 0)
    return;
  g = list_gap(d, *a - 1, end, -1);
  if (g != SIZE_MAX && best_run(d, g, end, -1, &at) >= JOIN_MIN &&
      !teaser_segment(d, at, g, nolang, JOIN_HEADS))
    *a = at;
}

/* The text over a card's head at a (a recipe's story over its card)
 * joins the article. */
static void join_over_card(const struct chrome_doc *d, size_t *a,
                           size_t end, bool nolang) {
  size_t g = card_head(d, *a), at = 0;
  if (g != SIZE_MAX && best_run(d, g, end, -1, &at) >= JOIN_ONE &&
      !teaser_segment(d, at, g, nolang, JOIN_HEADS))
    *a = at;
}

#define SECTION_HEAD_WORDS 6 /* words of a section's heading at most */
#define SECTION_ITEMS 2      /* bulleted lines of a section at least */

/* A block from h to its end before end that is a heading over bulleted
 * lines no rule took ("Requirements" / "• Five years of ..."): returns
 * its last line, or SIZE_MAX. */
static size_t bullet_section(const struct chrome_doc *d, size_t h,
                             size_t end) {
  if (h >= end)
    return SIZE_MAX;
  const struct chrome_unit *u = &d->units[h];
  if (u->rule || u->bullet || u->url || u->widget || u->words < 1 ||
      u->words > SECTION_HEAD_WORDS ||
      (u->term != TERM_NONE && u->term != TERM_COLON))
    return SIZE_MAX; /* ("Requirements", "What you will do:") */
  size_t k = h + 1;
  uint32_t blk = k < end ? d->units[k].blk : u->blk; /* (the heading may
                                                       be a block of its
                                                       own) */
  while (k < end && d->units[k].blk == blk && d->units[k].bullet &&
         !d->units[k].rule && !d->units[k].url && !d->units[k].widget)
    k++;
  if (k - h - 1 < SECTION_ITEMS || (k < end && d->units[k].blk == blk))
    return SIZE_MAX;
  return k - 1;
}

#define SECTION_HEADLINE_WORDS 4 /* an item this long in title case */

/* Whether one of the items [i, e] is in title case, as a headline is
 * ("• Council Delays Vote On New Parking Fees"). */
static bool headline_items(const struct chrome_doc *d, size_t i, size_t e) {
  for (; i <= e; i++)
    if (d->units[i].words >= SECTION_HEADLINE_WORDS &&
        2u * d->units[i].upper > d->units[i].words)
      return true;
  return false;
}

#define DATED_ENTRIES 2 /* a diary's entries in the stretch at least */

/* Line i is the text of a diary's or a live report's entry: prose that
 * no rule took. */
static bool entry_text(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  return !u->rule && !u->bullet && !u->url && u->term == TERM_SENT &&
         u->words >= NEAR_WORDS && (u->cls == CL_GOOD || u->cls == CL_NEAR);
}

#define ENTRY_HEADING_WORDS 12 /* words of an entry's headline at most */
#define ENTRY_GAP 8 /* lines of an entry over the next one's date at most */

/* Line i is an entry's headline under its date ("Minister arrives in
 * Brussels"): a few words, no end, no rule. */
static bool entry_heading(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  return !u->rule && !u->bullet && !u->url && !u->widget &&
         u->term == TERM_NONE && u->words >= 2 &&
         u->words <= ENTRY_HEADING_WORDS;
}

/* The last line of the entry whose date line is i, before c: its
 * headline if any, then its text; SIZE_MAX when no text follows. */
static size_t entry_end(const struct chrome_doc *d, size_t i, size_t c) {
  if (d->units[i].rule != R_DATE)
    return SIZE_MAX;
  size_t j = i + 1;
  if (j < c && entry_heading(d, j))
    j++;
  if (j >= c || !entry_text(d, j))
    return SIZE_MAX;
  while (j + 1 < c && entry_text(d, j + 1))
    j++;
  return j;
}

/* The stretch [a, b] holds DATED_ENTRIES entries at least, each a date
 * line over its text ("Tuesday, 4 March" / "The path climbed ..."): the
 * entries right under it, of the same form (their text a sentence or
 * two), are the diary's too, before c. Returns the new b. */
static size_t join_dated_entries(const struct chrome_doc *d, size_t a,
                                 size_t b, size_t c) {
  size_t entries = 0;
  for (size_t i = a; i < b && entries < DATED_ENTRIES; i++)
    entries += entry_end(d, i, b + 1) != SIZE_MAX;
  if (entries < DATED_ENTRIES)
    return b;
  size_t e;
  while (b + 1 < c && (e = entry_end(d, b + 1, c)) != SIZE_MAX)
    b = e;
  return b;
}

/* The date line of the entry that the stretch [a, b] opens with (its
 * date right above a, or above a's headline), when the stretch is that
 * entry and more of them only (*n of them); else SIZE_MAX. */
static size_t stretch_entry_date(const struct chrome_doc *d, size_t a, size_t b,
                                 size_t *n) {
  size_t i = SIZE_MAX;
  if (a > 0 && d->units[a - 1].rule == R_DATE)
    i = a - 1;
  else if (a > 1 && d->units[a - 2].rule == R_DATE && entry_heading(d, a - 1))
    i = a - 2;
  size_t e = i == SIZE_MAX ? SIZE_MAX : entry_end(d, i, b + 1);
  for (*n = 1; e != SIZE_MAX && e < b; ++*n)
    e = entry_end(d, e + 1, b + 1);
  return e == b ? i : SIZE_MAX;
}

/* The date line of the entry that ends right above line i (ENTRY_GAP
 * lines at most), or SIZE_MAX. */
static size_t entry_above(const struct chrome_doc *d, size_t i) {
  for (size_t p = i; p > 0 && i - p < ENTRY_GAP; p--)
    if (d->units[p - 1].rule == R_DATE)
      return entry_end(d, p - 1, i) == i - 1 ? p - 1 : SIZE_MAX;
  return SIZE_MAX;
}

#define LIVE_ENTRIES 3 /* a live report's entries at least, */
#define LIVE_PAIR 2    /* ... or so many whose times run back */
/* Lines of the stretch's first entry at most (date, headline, a
 * paragraph or two): a longer one is an article over teasers, unless
 * the entries it joins have more text than teasers have. */
#define LIVE_ENTRY_LINES 4

static bool is_digit(char c);

/* The time of day in line i, its last "9:30" or "14:05", in minutes
 * since midnight; -1 when it has none. */
static int line_clock(const struct chrome_doc *d, size_t i) {
  const char *p = d->text.data + d->units[i].off;
  size_t n = d->units[i].len;
  int found = -1;
  for (size_t k = 1; k + 2 < n; k++) {
    if (p[k] != ':' || !is_digit(p[k - 1]) || !is_digit(p[k + 1]) ||
        !is_digit(p[k + 2]) || (k + 3 < n && is_digit(p[k + 3])))
      continue;
    int h = p[k - 1] - '0';
    if (k >= 2 && is_digit(p[k - 2]))
      h += 10 * (p[k - 2] - '0');
    int m = 10 * (p[k + 1] - '0') + (p[k + 2] - '0');
    if (h < 24 && m < 60)
      found = h * 60 + m;
  }
  return found;
}

/* Whether the entries from the date line top to line end have times
 * that run back, each earlier than the one above it: a live report
 * (newest first), no list of teasers by topic. */
static bool times_run_back(const struct chrome_doc *d, size_t top,
                           size_t end) {
  int last = 24 * 60; /* (no time is so late) */
  for (size_t i = top, e; i <= end; i = e + 1) {
    int t = line_clock(d, i);
    if (t < 0 || t >= last || (e = entry_end(d, i, end + 1)) == SIZE_MAX)
      return false;
    last = t;
  }
  return true;
}

/* Whether the entry from date line s to line e has more text than a
 * teaser's summary: two paragraphs or more, or a longer one. */
static bool more_than_teaser(const struct chrome_doc *d, size_t s, size_t e) {
  size_t k = s + 1, lines = 0, words = 0;
  if (k <= e && entry_heading(d, k))
    k++;
  for (; k <= e; k++, lines++)
    words += d->units[k].words;
  return lines >= 2 || words > TEASER_WORDS;
}

/* A live report's best stretch may be one entry of it (a date or time
 * line, a headline, a sentence or two): the entries of the same form
 * right above and under it are the report's too, when there are
 * LIVE_ENTRIES in all. The stretch then opens with the topmost entry's
 * date line (it goes or stays as the others do) and ends with the last
 * entry, before c. */
static void join_live_entries(const struct chrome_doc *d, size_t *a, size_t *b,
                              size_t c) {
  size_t n, top = stretch_entry_date(d, *a, *b, &n), end = *b, e;
  if (top == SIZE_MAX)
    return;
  bool longer = entry_end(d, top, *b + 1) - top >= LIVE_ENTRY_LINES;
  bool full = true; /* each entry joined has more text than a teaser */
  for (; (e = entry_above(d, top)) != SIZE_MAX; n++) {
    full = full && more_than_teaser(d, e, top - 1);
    top = e;
  }
  for (; end + 1 < c && (e = entry_end(d, end + 1, c)) != SIZE_MAX; n++) {
    full = full && more_than_teaser(d, end + 1, e);
    end = e;
  }
  if ((n >= LIVE_ENTRIES || (n >= LIVE_PAIR && times_run_back(d, top, end))) &&
      (!longer || full)) {
    *a = top;
    *b = end;
  }
}

/* The article that ends with such a section goes on over the sections
 * of the same form right after it (a job's "Responsibilities", then
 * "Requirements", then "Benefits"); so does an article that ends in
 * prose, when two sections or more follow, their items are no headlines
 * and each heading is a block of its own or opens one. */
static size_t join_sections(struct chrome_doc *d, size_t a, size_t b,
                            size_t end) {
  if (!d->units[b].bullet) {
    const struct chrome_unit *u = &d->units[b];
    if (u->rule || u->cls != CL_GOOD || b + 1 >= end ||
        d->units[b + 1].blk == u->blk || d->units[b + 1].rule ||
        d->units[b + 1].dup)
      return b; /* (most articles) */
  } else { /* (the article's list, in its block with its heading) */
    size_t s = b;
    while (s > a && d->units[s - 1].blk == d->units[b].blk)
      s--;
    if (bullet_section(d, s, end) != b)
      return b;
  }
  bool prose = !d->units[b].bullet;
  if (prose) { /* (two sections at least: one may be a box of links) */
    size_t e = bullet_section(d, b + 1, end);
    if (e == SIZE_MAX || bullet_section(d, e + 1, end) == SIZE_MAX)
      return b;
  }
  for (size_t e; (e = bullet_section(d, b + 1, end)) != SIZE_MAX;) {
    if (prose && headline_items(d, b + 2, e))
      break; /* (after prose: other articles' headlines) */
    for (; b < e; b++) /* (the article's list, no list of links) */
      d->units[b + 1].listed = true;
  }
  return b;
}

#define WIKI_REACH 40 /* lines from the text to a wiki's next heading */
#define WIKI_PROSE 80 /* the score of a section's text that joins */

/* A wiki's article (two headings or more with the wiki's buttons,
 * "History[edit]") goes on over its sections after b, each a heading
 * within reach of the text before it: up to the last whose text holds a
 * sentence of prose ("References[edit]" over its list, "See also" over
 * links, a table that ends a section, stay out unless prose follows). */
static size_t join_wiki_sections(const struct chrome_doc *d, size_t b,
                                 size_t end) {
  size_t heads = 0;
  if (d->nwiki < 2)
    return b; /* (most pages: no two wiki headings at all) */
  for (size_t i = 0; i < end && heads < 2; i++)
    heads += d->units[i].wiki && !d->units[i].rule;
  if (heads < 2)
    return b;
  size_t last = b;
  for (size_t i = b + 1; i < end && i - last <= WIKI_REACH; i++) {
    if (!d->units[i].wiki || d->units[i].rule)
      continue;
    size_t e = i + 1, at = 0;
    bool prose = false;
    for (; e < end && !d->units[e].wiki && e - i <= WIKI_REACH; e++)
      prose = prose || (!d->units[e].rule && d->units[e].cls == CL_GOOD &&
                        d->units[e].term == TERM_SENT);
    if (prose && best_run(d, i + 1, e, 1, &at) >= WIKI_PROSE)
      last = at;
    i = e - 1;
  }
  return last;
}

#define WIKI_SHORT_LINES 2 /* lines of a short section's text at most */
#define WIKI_SHORT_WORDS 20 /* ... each of so many words at most */

/* Whether line u ends a sentence before its notes' marks ("July.[1]",
 * "1578.[2][3]"). */
static bool noted_end(const struct chrome_doc *d, const struct chrome_unit *u) {
  const char *p = d->text.data + u->off;
  size_t n = u->len;
  while (n && kempt__is_space((unsigned char)p[n - 1]))
    n--;
  size_t marks = 0;
  while (n >= 3 && p[n - 1] == ']') {
    size_t k = n - 1;
    while (k > 0 && (unsigned)(p[k - 1] - '0') < 10)
      k--;
    if (k == n - 1 || k == 0 || p[k - 1] != '[')
      return false;
    n = k - 1;
    marks++;
  }
  return marks && n && (p[n - 1] == '.' || p[n - 1] == '!' || p[n - 1] == '?');
}

/* A line of a wiki's short section: a sentence or a date line ("15 de
 * agosto.[1]", "Village fete: 2nd Saturday in July.[1]"). */
static bool wiki_short_line(const struct chrome_doc *d,
                            const struct chrome_unit *u) {
  return (!u->rule || u->rule == R_DATE) && !u->bullet && !u->url &&
         !u->widget && !u->wiki && u->words >= 1 &&
         u->words <= WIKI_SHORT_WORDS &&
         (u->term == TERM_SENT || u->rule == R_DATE || noted_end(d, u));
}

/* A wiki's article that ends at b, under a wiki's heading, goes on over
 * the short section right after it: its heading, then a line or two of
 * facts (WIKI_SHORT_LINES sentences or dates, too short for the prose
 * that join_wiki_sections asks for), then the next wiki heading (the
 * references') or the end: a village's "Fiestas" with its day. */
static size_t join_short_wiki_section(struct chrome_doc *d, size_t b,
                                      size_t end) {
  size_t h = b + 1, e = h + 1, up = b;
  if (d->nwiki < 2 || h >= end || !d->units[h].wiki || d->units[h].rule)
    return b;
  while (up > 0 && b - up < WIKI_REACH && !d->units[up].wiki)
    up--;
  if (!d->units[up].wiki || d->units[up].rule)
    return b; /* (the article is no wiki's section) */
  while (e < end && e - h <= WIKI_SHORT_LINES &&
         wiki_short_line(d, &d->units[e]))
    e++;
  if (e == h + 1 || (e < end && !d->units[e].wiki))
    return b;
  for (size_t i = h + 1; i < e; i++)
    d->units[i].rule = NULL; /* (a date line: the section's fact) */
  return e - 1;
}

/* ---- structured runs next to the article ----------------------------- */

static bool is_digit(char c) { return (unsigned)(c - '0') < 10; }

/* Whether p[0..n) holds a number that is not a year ("2 cups", "1/2",
 * "8-9"; not "2020"). */
static bool has_quantity(const char *p, size_t n) {
  for (size_t i = 0; i < n;) {
    if (!is_digit(p[i])) {
      i++;
      continue;
    }
    size_t s = i;
    while (i < n && is_digit(p[i]))
      i++;
    bool year = i - s == 4 && (has_prefix(p + s, 2, "19") ||
                               has_prefix(p + s, 2, "20"));
    if (!year)
      return true;
  }
  return false;
}

/* What a line is to a run of structured lines (scores, dates, prices,
 * quantities) next to the article. */
enum run_kind { RUN_STOP, RUN_DATA, RUN_TEXT, RUN_OTHER };

/* A number that is not a year among the words of a line (not a long
 * one) that has more than one word ("img_2_3" is a name, not data; a
 * year says little: headlines and credits have them). */
static bool has_number(const struct chrome_doc *d,
                       const struct chrome_unit *u) {
  if (u->ntok <= u->words || u->ntok > CHROME_MAXTOK)
    return false;
  const char *p = d->text.data + u->off;
  size_t lead = indentation(p, u->len);
  return memchr(p + lead, ' ', u->len - lead) != NULL &&
         has_quantity(p, u->len);
}

/* Where the text of line u (at p) starts: after its indentation and
 * bullet. */
static size_t text_start(const struct chrome_unit *u, const char *p) {
  size_t i = indentation(p, u->len);
  if (u->bullet) {
    const char *sp = memchr(p + i, ' ', u->len - i);
    i = sp ? (size_t)(sp - p) : i;
    while (i < u->len && p[i] == ' ')
      i++;
  }
  return i;
}

/* Whether lines i and j start alike (after their indentation and
 * bullet): the same text, or the same first words. */
static bool same_start(const struct chrome_doc *d, size_t i, size_t j) {
  const struct chrome_unit *u = &d->units[i], *v = &d->units[j];
  if (u->key == v->key)
    return true;
  const char *p = d->text.data + u->off, *q = d->text.data + v->off;
  size_t lp = text_start(u, p), lq = text_start(v, q);
  size_t n = u->len - lp < v->len - lq ? u->len - lp : v->len - lq;
  if (n > 2 * PREFIX_DUP_MIN) /* a caption's copies may end apart */
    n = 2 * PREFIX_DUP_MIN;
  return n >= PREFIX_DUP_MIN && memcmp(p + lp, q + lq, n) == 0;
}

/* The same line next to it: an image's label, alt text and caption. */
static bool next_to_copy(const struct chrome_doc *d, size_t i) {
  return (i > 0 && same_start(d, i, i - 1)) ||
         (i + 1 < d->nunits && same_start(d, i, i + 1));
}

static enum run_kind run_kind(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  if (u->rule && u->rule != R_REPEAT && u->rule != R_THRICE)
    return RUN_STOP;
  if (next_to_copy(d, i))
    return RUN_STOP;
  if (u->cls == CL_BAD || u->cls == CL_HARD)
    return RUN_STOP;
  if (has_number(d, u))
    return RUN_DATA;
  if (u->cls == CL_GOOD || u->cls == CL_NEAR)
    return RUN_TEXT;
  if (day_tabs(d, i))
    return RUN_DATA; /* (the tabs over a table) */
  return u->words <= HEAD_MAX_WORDS ? RUN_OTHER : RUN_STOP;
}

/* A line that the date rule took ("April 4 - Alnwick, Playhouse"): in a
 * run of dated rows it is one of them. */
static bool dated_row(const struct chrome_doc *d, size_t i) {
  return d->units[i].rule == R_DATE && d->units[i].words <= HEAD_MAX_WORDS;
}

/* A short line with a number and no rule: a row of a table. */
static bool data_row(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  return !u->rule && u->words <= HEAD_MAX_WORDS && has_number(d, u);
}


/* The far end of a run of structured lines from i on (dir +1 or -1, up
 * to end or 0): at least DATA_MIN lines with numbers, and numbers in at
 * least DATA_SHARE % of its lines; SIZE_MAX when there is none. */
static size_t data_run(const struct chrome_doc *d, size_t i, size_t end,
                       int dir) {
  size_t data = 0, lines = 0, at = SIZE_MAX;
  enum run_kind prev = RUN_OTHER;
  for (size_t n = 0; i < end && n < LIST_MAX * 4; n++) {
    enum run_kind k = run_kind(d, i);
    if (k == RUN_STOP && prev == RUN_DATA && dated_row(d, i))
      k = RUN_DATA;
    if (k == RUN_STOP)
      break;
    prev = k;
    lines++;
    data += k == RUN_DATA;
    if (k != RUN_OTHER && data >= DATA_MIN && 100 * data >= DATA_SHARE * lines)
      at = i;
    if (dir < 0 && i == 0)
      break;
    i = dir > 0 ? i + 1 : i - 1;
  }
  return at;
}

/* Good text in lines [a, b], in code points. */
static uint64_t good_chars(const struct chrome_doc *d, size_t a, size_t b) {
  uint64_t n = 0;
  for (size_t i = a; i <= b; i++)
    n += d->units[i].cls == CL_GOOD ? d->units[i].chars : 0;
  return n;
}

/* The words of line i (kept for the phrase rules, or read again) in t;
 * returns how many. */
static size_t line_words(struct chrome_doc *d, size_t i,
                         struct chrome_tok *t) {
  const struct chrome_unit *u = &d->units[i];
  if ((u->retok && u->tok != CHROME_NO_TOK) || u->long_tok) {
    size_t nt = u->ntok < CHROME_MAXTOK ? u->ntok : CHROME_MAXTOK;
    memcpy(t, d->toks + u->tok, nt * sizeof *t);
    return nt;
  }
  size_t total;
  return kempt__chrome_tokens(d->text.data + u->off, u->len, t,
                              CHROME_MAXTOK, &total, d->cp);
}

size_t kempt__chrome_unit_tokens(const struct chrome_doc *d,
                                 const struct chrome_unit *u,
                                 struct chrome_tok *t, size_t max,
                                 size_t *total) {
  if ((u->retok && u->tok != CHROME_NO_TOK) || u->long_tok) {
    size_t n = u->ntok; /* (CHROME_MAXTOK + 1: more than CHROME_MAXTOK) */
    size_t k = n < max ? n : max;
    memcpy(t, d->toks + u->tok, k * sizeof *t);
    *total = n > max ? max + 1 : n;
    return k;
  }
  return kempt__chrome_tokens(d->text.data + u->off, u->len, t, max, total,
                              d->cp);
}

/* A word that carries the topic: letters, 4 bytes or more, no function
 * word. */
static bool topic_word(struct chrome_doc *d, size_t i,
                       const struct chrome_tok *t) {
  const char *p = d->text.data + d->units[i].off;
  return t->alpha && t->end - t->start >= 4 && /* (not stop_langs: it */
         kempt__stopword_langs(p + t->start, t->end - t->start) == 0;
         /* stays inlined in the hot loop) */
}

/* Whether word s of line i and word t of line j are the same word, give
 * or take an ending of up to two bytes ("plum", "plums"). */
static bool same_word(const struct chrome_doc *d, size_t i,
                      const struct chrome_tok *s, size_t j,
                      const struct chrome_tok *t) {
  if (s->h == t->h)
    return true;
  size_t ls = s->end - s->start, lt = t->end - t->start;
  size_t n = ls < lt ? ls : lt;
  if (n < 4 || ls - n > 2 || lt - n > 2)
    return false;
  return eq_nocase(d->text.data + d->units[i].off + s->start,
                   d->text.data + d->units[j].off + t->start, n);
}

/* Whether lines i and j share a word that carries the topic. */
static bool share_topic(struct chrome_doc *d, size_t i, size_t j) {
  struct chrome_tok ti[CHROME_MAXTOK], tj[CHROME_MAXTOK];
  size_t ni = line_words(d, i, ti), nj = line_words(d, j, tj);
  for (size_t x = 0; x < ni; x++) {
    if (!topic_word(d, i, &ti[x]))
      continue;
    for (size_t y = 0; y < nj; y++)
      if (tj[y].alpha && same_word(d, i, &ti[x], j, &tj[y]))
        return true;
  }
  return false;
}

/* The title of the article that starts at a (as find_title finds it), or
 * SIZE_MAX. */
static size_t title_of(const struct chrome_doc *d, size_t a, bool nolang) {
  for (size_t k = 0; k < 40 && k < a; k++)
    if (is_title(d, &d->units[a - 1 - k], nolang))
      return a - 1 - k;
  return SIZE_MAX;
}

/* Whether the article speaks of the run from i (dir +1 or -1): one of its
 * first lines shares a word with the title or with the article's line
 * next to the run, its introduction (the table of a tour's dates is
 * headed with the band's name; a box of share prices is not). */
static bool run_on_topic(struct chrome_doc *d, size_t title, size_t i,
                         size_t end, int dir) {
  size_t intro = dir > 0 ? i - 1 : i + 1;
  for (size_t n = 0; n < TOPIC_LINES && i < end; n++) {
    if ((title != SIZE_MAX && share_topic(d, title, i)) ||
        share_topic(d, intro, i))
      return true;
    if (dir < 0 && i == 0)
      break;
    i = dir > 0 ? i + 1 : i - 1;
  }
  return false;
}

/* The first line from i (before end) past at most BUTTON_LINES short
 * lines that rules removed (a share button and its targets between the
 * article and its table), or i. */
static size_t past_buttons(const struct chrome_doc *d, size_t i, size_t end) {
  for (size_t j = i; j < end && j - i < BUTTON_LINES; j++) {
    const struct chrome_unit *u = &d->units[j];
    if (!u->rule || u->words > LABEL_WORDS || u->hit == CK_CUT)
      return j;
  }
  return i;
}

/* On a page without prose, the longest table before the stretch
 * (TABLE_ROWS rows or more, as table_row finds them; its heading with
 * it) is the article when it holds more text than the stretch and the
 * page's title (the headline before it) speaks of it: a calendar, a list
 * of results; true when it replaced [a, b]. */
static bool NOINLINE table_page(struct chrome_doc *d, size_t *a, size_t *b,
                                size_t end, bool nolang) {
  size_t from = SIZE_MAX, to = 0, rows = 0;
  for (size_t i = 0; i < end; i++) {
    if (!table_row(d, i))
      continue;
    size_t at = data_run(d, i, end, 1);
    if (at == SIZE_MAX)
      continue;
    size_t n = 0;
    for (size_t k = i; k <= at; k++)
      n += table_row(d, k);
    if (n >= TABLE_ROWS && n > rows) {
      from = i;
      to = at;
      rows = n;
    }
    i = at;
  }
  if (from == SIZE_MAX || to >= *a)
    return false; /* (a table after the text is a sidebar's: prices) */
  uint64_t mine = 0, theirs = 0;
  for (size_t k = *a; k <= *b; k++)
    mine += d->units[k].rule ? 0 : d->units[k].chars;
  for (size_t k = from; k <= to; k++)
    theirs += d->units[k].chars;
  if (theirs <= mine)
    return false;
  const struct chrome_unit *h = from > 0 ? &d->units[from - 1] : NULL;
  size_t top =
      h && !h->rule && no_end(h) && h->words >= 1 && h->words <= HEAD_MAX_WORDS
          ? from - 1
          : from;
  size_t title = title_of(d, top, nolang); /* (the page's, not the
                                              table's heading) */
  if (title == SIZE_MAX || !run_on_topic(d, title, top, end, 1))
    return false;
  *a = top;
  *b = to;
  return true;
}

#define STEP_LINES 4 /* the article's lines that may name the run's things */

#define QUANTITY_WORDS 5 /* words of a quantity's line at most */

/* Whether the article's first lines from a speak of the run [s, e] of
 * lines with numbers right above it: DATA_MIN of its lines or more are a
 * number and a few words, and one of those shares a word with one of
 * them ("200 g Mehl" over "Mehl, Backpulver und Salz mischen ..."), as a
 * recipe's steps name its ingredients. */
static bool quantity_item(const struct chrome_doc *d, size_t k) {
  const struct chrome_unit *u = &d->units[k];
  return run_kind(d, k) == RUN_DATA && u->words >= 1 &&
         u->words <= QUANTITY_WORDS && is_digit(d->text.data[u->off]);
}

static bool run_in_text(struct chrome_doc *d, size_t s, size_t e, size_t a) {
  size_t items = 0;
  for (size_t k = s; k <= e; k++)
    items += quantity_item(d, k);
  if (items < DATA_MIN)
    return false;
  for (size_t i = a; i < d->nunits && i < a + STEP_LINES; i++) {
    if (d->units[i].rule ||
        (d->units[i].cls != CL_GOOD && d->units[i].cls != CL_NEAR))
      continue;
    for (size_t k = e + 1; k-- > s;)
      if (quantity_item(d, k) && share_topic(d, k, i))
        return true;
  }
  return false;
}

#define BOX_WORDS 4 /* words of a line of a box of facts over the text */

/* Whether the run [s, e] of lines with numbers right above the article
 * at a is a box of its facts (a match's score and scorers, "Harbour City
 * 2" / "Okafor 88', Lindgren 34'"): DATA_MIN lines or more, each a
 * number and a few words, and each sharing a word with the title or
 * with one of the article's first lines (no teasers: headlines). */
static bool run_named(struct chrome_doc *d, size_t s, size_t e, size_t a,
                      size_t title) {
  size_t named = 0;
  for (size_t k = s; k <= e; k++) {
    if (run_kind(d, k) != RUN_DATA || d->units[k].words > BOX_WORDS)
      return false;
    bool hit = title != SIZE_MAX && share_topic(d, title, k);
    for (size_t i = a; !hit && i < d->nunits && i < a + STEP_LINES; i++)
      hit = !d->units[i].rule &&
            (d->units[i].cls == CL_GOOD || d->units[i].cls == CL_NEAR) &&
            share_topic(d, k, i);
    if (!hit)
      return false;
    named++;
  }
  return named >= DATA_MIN;
}

/* A table, a list of scores or dates, a recipe's quantities: structured
 * lines after the article belong to it though they do not read as prose,
 * when the article speaks of them (a line near their start shares a word
 * of its title). Before it they do only on a page without prose (the
 * lines before an article are its headline, byline and date, and
 * teasers: numbers there say little). */
static void extend_over_data(struct chrome_doc *d, size_t *a, size_t *b,
                             size_t end, bool nolang) {
  bool prose = good_chars(d, *a, *b) >= CUT_GOOD_CHARS, grew = false;
  size_t title = title_of(d, *a, nolang);
  size_t from = past_buttons(d, *b + 1, end);
  size_t at = data_run(d, from, end, 1);
  if (at != SIZE_MAX &&
      (run_on_topic(d, title, from, end, 1) ||
       kempt__chrome_spec_rows(d, from, at)) &&
      !kempt__chrome_links_then_facts(d, from, at)) {
    *b = at;
    grew = true;
  }
  if (!prose && *a > 0 && (at = data_run(d, *a - 1, end, -1)) != SIZE_MAX &&
      run_on_topic(d, title, *a - 1, end, -1)) {
    *a = at;
    grew = true;
  } else if (prose && *a > 0 && (at = data_run(d, *a - 1, end, -1)) != SIZE_MAX &&
             (run_in_text(d, at, *a - 1, *a) ||
              run_named(d, at, *a - 1, *a, title))) {
    *a = at; /* (a recipe's ingredients over its steps, a match's score
                over its report) */
    grew = true;
  }
  if (!prose && !grew) /* (a table next to the stretch joins it above) */
    table_page(d, a, b, end, nolang);
}

/* Whether lines i and j start with words and numbers in the same order
 * ("March 29 - ...", "April 4 - ..."), as rows of one table do. */
static bool same_shape(struct chrome_doc *d, size_t i, size_t j) {
  struct chrome_tok ti[CHROME_MAXTOK], tj[CHROME_MAXTOK];
  size_t ni = line_words(d, i, ti), nj = line_words(d, j, tj);
  if (ni < SHAPE_TOKENS || nj < SHAPE_TOKENS)
    return false;
  for (size_t k = 0; k < SHAPE_TOKENS; k++)
    if (ti[k].alpha != tj[k].alpha)
      return false;
  return true;
}

/* Dated rows of the article's table (after a row of the same shape, not
 * a byline's date) stay. */
static void keep_dated_rows(struct chrome_doc *d, size_t a, size_t b) {
  for (size_t i = a + 1; i <= b; i++)
    if (dated_row(d, i) && data_row(d, i - 1) && same_shape(d, i - 1, i))
      d->units[i].rule = NULL;
}

/* A line between two lines of prose: the same line each time there is
 * an image's label (its alt text), not the part of a structure. */
static bool prose_at(const struct chrome_doc *d, size_t i) {
  return d->units[i].cls == CL_GOOD || d->units[i].cls == CL_NEAR;
}

static bool between_prose(const struct chrome_doc *d, size_t i) {
  return i > 0 && i + 1 < d->nunits && prose_at(d, i - 1) &&
         prose_at(d, i + 1);
}

/* Lines found three times or more whose copies all lie in the article
 * [a, b], apart from each other: a sub-heading that each part repeats
 * ("Ingredients", "Day 1 ... Day 2"), not a menu (menus repeat at the
 * top and the bottom of a page) nor an image's label between paragraphs.
 * Uses the repeated-line table. */
static void keep_inner_repeats(struct chrome_doc *d, size_t a, size_t b) {
  size_t i = a;
  while (i <= b && d->units[i].rule != R_THRICE)
    i++;
  if (i > b || d->nunits >= INSIDE_ONE)
    return; /* (the common case: no hash look-ups) */
  /* Copies inside count in the high half of a key's count (a window has
   * fewer than 1 << 16 lines), so that no count drops to 0: the table's
   * probing takes 0 for an empty slot. */
  for (i = a; i <= b; i++) /* (a line found once is no line's copy) */
    if (d->units[i].dup && d->units[i].key)
      *seen_slot(d, d->units[i].key) += INSIDE_ONE;
  for (i = a; i <= b; i++) /* one copy is a label: all are */
    if (d->units[i].rule == R_THRICE &&
        (between_prose(d, i) || next_to_copy(d, i) ||
         (i > 0 && d->units[i - 1].widget))) /* (its alt text) */
      *seen_slot(d, d->units[i].key) |= LABEL_BIT;
  for (i = a; i <= b; i++) {
    struct chrome_unit *u = &d->units[i];
    uint32_t n = u->rule == R_THRICE ? *seen_slot(d, u->key) : 0;
    if (n && !(n & LABEL_BIT) && (n >> 16) == (n & (INSIDE_ONE - 1)))
      u->rule = slug_label(d, u) ? R_WIDGET : NULL;
  }
}

/* The score line i had before its copy elsewhere counted against it
 * (classify's score pass divided it by -DUP_DIV: to within DUP_DIV - 1;
 * score_of stays inlined there). */
int32_t kempt__chrome_text_score(const struct chrome_doc *d, size_t i) {
  return -d->units[i].score * DUP_DIV;
}

/* The article's first paragraph, before the stretch: a sentence that
 * scores below 0 only for its few function words (a dateline, names:
 * "CITY, State (AP) - Officials are reporting ..."). */
static bool lead_sentence(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  return !u->rule && u->cls == CL_SHORT && u->term == TERM_SENT &&
         !u->dup && !u->bullet && u->words >= LEAD_WORDS &&
         !is_question(d, u);
}

/* Line h, the start of a sentence that the article's first line a goes
 * on with, in its block: h ends in a comma and a opens in lower case
 * (the first line of a stanza, "She learned the tide ... her name," /
 * "the long withdrawal ..."). */
static bool cut_sentence(const struct chrome_doc *d, size_t h, size_t a) {
  const struct chrome_unit *u = &d->units[h], *v = &d->units[a];
  unsigned char c = (unsigned char)d->text.data[v->off];
  return h + 1 == a && !u->rule && line_above(d, a) &&
         u->term == TERM_COMMA && !u->bullet && !u->url && !u->widget &&
         !u->dup && u->words >= 3 && !v->rule && c >= 'a' && c <= 'z';
}

/* Line i, a heading that numbers its section: a word, then one number
 * ("Article 1", "Step 2"; "§ 3" has no word). */
static bool numbered_head(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  struct chrome_tok t[3];
  size_t total;
  return u->ntok == 2 && kempt__chrome_unit_tokens(d, u, t, 3, &total) == 2 &&
         t[0].alpha && !t[1].alpha;
}

/* Line h, a chapter's number in a block of its own right over the
 * article's first paragraph at a ("Capítulo 1", "Kapitel 2"): the
 * text's heading, not a page's counter between chrome. */
static bool chapter_heading(const struct chrome_doc *d, size_t h, size_t a) {
  const struct chrome_unit *u = &d->units[h], *v = &d->units[a];
  return h + 1 == a && (!u->rule || (u->rule == R_OUTSIDE && !u->hit)) &&
         u->blk != v->blk && u->cap1 &&
         u->term == TERM_NONE && !u->bullet && !u->url && !u->widget &&
         !u->dup && numbered_head(d, h) && !v->rule && !v->bullet &&
         v->term == TERM_SENT && (v->cls == CL_GOOD || v->cls == CL_NEAR);
}

#define GREETING_WORDS 6 /* words of a letter's greeting at most */

/* Line h, a letter's greeting in a block of its own right over the
 * article's first paragraph at a: a few words, capitalised, ending in a
 * comma ("Dear members,", "Liebe Leserinnen und Leser,"); a newsletter's
 * or a letter's, that stays with it. */
static bool greeting(const struct chrome_doc *d, size_t h, size_t a) {
  const struct chrome_unit *u = &d->units[h], *v = &d->units[a];
  return h + 1 == a && !u->rule && u->blk != v->blk &&
         u->term == TERM_COMMA && u->cap1 && !u->bullet && !u->url &&
         !u->widget && !u->dup && !u->seps && u->words >= 2 &&
         u->words <= GREETING_WORDS && u->ntok == u->words && !v->rule &&
         (v->cls == CL_GOOD || v->cls == CL_NEAR) && v->term == TERM_SENT;
}

#define TEXT_HEAD_WORDS 3 /* words of a heading over the first paragraph */

/* Line h, a heading of a few words right over the article's first
 * paragraph at a, in its block ("Description", "About the role"). */
static bool text_heading(const struct chrome_doc *d, size_t h, size_t a) {
  const struct chrome_unit *u = &d->units[h], *v = &d->units[a];
  return (!u->rule || (u->rule == R_REPEAT && numbered_head(d, h))) &&
         !button_run(d, h) && /* (share buttons; "Article 1" is found
                                 again as "Article 2") */
         (u->blk == v->blk ||
          (h + 1 == a && line_above(d, a) &&
           !(h > 0 && (d->units[h - 1].widget || counter_line(d, h - 1))))) &&
         /* (one paragraph per line: an image's credit under its label, a
            gallery's button under its counter, "1 / 8") */
         u->term == TERM_NONE && !u->bullet && !u->url && !u->widget &&
         (!u->dup || numbered_head(d, h)) && u->cap1 && u->words >= 1 &&
         u->words <= TEXT_HEAD_WORDS &&
         (u->ntok == u->words || numbered_head(d, h)) &&
         v->term == TERM_SENT && !v->bullet;
}

/* Line h, the heading of a page of questions and answers ("Häufige
 * Fragen", "Frequently asked questions") over its first question at
 * h + 1, whose answer opens the article at h + 2; the same words as the
 * page's tab in its menu, maybe (found twice). */
static bool faq_heading(const struct chrome_doc *d, size_t h) {
  const struct chrome_unit *u = &d->units[h], *q = &d->units[h + 1];
  if (q->rule || q->bullet || q->words < 2 || !is_question(d, q))
    return false;
  if (u->rule != R_REPEAT)
    return text_heading(d, h, h + 1);
  return u->term == TERM_NONE && !u->bullet && !u->url && !u->widget &&
         u->cap1 && u->words >= 1 && u->words <= TEXT_HEAD_WORDS &&
         u->ntok == u->words && !button_run(d, h);
}

/* Line h, a heading of a few words in a block of its own between the
 * article's head that stays (its title, a box of facts) and its first
 * paragraph at a ("Course description"). */
static bool head_between(const struct chrome_doc *d, size_t h, size_t a) {
  const struct chrome_unit *u = &d->units[h], *v = &d->units[a];
  return h + 1 == a && u->blk != v->blk && u->blk != u[-1].blk &&
         u->term == TERM_NONE && !u->hit && !u->bullet && !u->url &&
         !u->widget && !u->dup && u->cap1 && u->words >= 1 &&
         u->words <= TEXT_HEAD_WORDS && u->ntok == u->words &&
         u->upper == 1 && v->term == TERM_SENT && !v->bullet;
}

#define SECTION_REACH 12 /* lines from a numbered heading to the next */
#define SECTION_WORDS 6  /* words of a numbered section's heading at most */

/* The kind of line i as a numbered section's heading ("§ 5 Gewährleistung"
 * 1, "5. Liability" 2), or 0 (none). */
static int section_head(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  if (u->rule || u->term != TERM_NONE || u->bullet || u->url || u->widget ||
      u->dup || u->words < 1 || u->words > SECTION_WORDS || u->len < 4)
    return 0;
  const unsigned char *p = (const unsigned char *)d->text.data + u->off;
  if (p[0] == 0xC2 && p[1] == 0xA7)
    return 1;
  size_t k = 0;
  while (k < 3 && k < u->len && (unsigned)(p[k] - '0') < 10)
    k++;
  return k > 0 && k + 1 < u->len && (p[k] == '.' || p[k] == ')') &&
                 p[k + 1] == ' '
             ? 2
             : 0;
}

/* Whether one of lines [from, to] is a numbered heading of kind k. */
static bool section_near(const struct chrome_doc *d, size_t from, size_t to,
                         int k) {
  for (size_t i = from; i <= to && i < d->nunits; i++)
    if (section_head(d, i) == k)
      return true;
  return false;
}

/* Line h, right over the article's first paragraph at a, a numbered
 * heading of a section as one of the article's next ones is ("§ 1
 * Geltungsbereich" over "§ 2 Vertragsschluss"). */
static bool section_heading(const struct chrome_doc *d, size_t h, size_t a,
                            size_t b) {
  int k = section_head(d, h);
  return k && h + 1 == a && d->units[a].term == TERM_SENT &&
         section_near(d, a, b < a + SECTION_REACH ? b : a + SECTION_REACH, k);
}

/* The last section of a text of numbered sections after its last line
 * b, before c: its heading as one of the article's last ones, then a
 * sentence or two that no rule took ("§ 5 Gewährleistung" / "Es gilt
 * das gesetzliche Mängelhaftungsrecht."). Returns its end, or b. */
static NOINLINE size_t section_after(const struct chrome_doc *d, size_t b, size_t c) {
  int k = b + 2 < c ? section_head(d, b + 1) : 0;
  if (!k || !section_near(d, b > SECTION_REACH ? b - SECTION_REACH : 0, b, k))
    return b;
  size_t j = b + 2;
  for (; j < c && j < b + 4; j++) {
    const struct chrome_unit *u = &d->units[j];
    if (u->rule || u->term != TERM_SENT || u->bullet || u->url ||
        u->widget || u->dup || u->words < 3)
      break;
  }
  return j > b + 2 ? j - 1 : b;
}

#define BUTTONS_TITLE_REACH 8 /* lines from a row of buttons up to the title */

/* Line i, the last of a block of buttons (whole-line rules: "Add to
 * basket", "Add to wishlist") under the title that stays, a few lines
 * up: the head of a product's page, as a box of facts is an article's. */
static bool buttons_under_title(const struct chrome_doc *d, size_t i) {
  if (d->units[i].hit != CK_LINE || d->units[i].words > TEXT_HEAD_WORDS)
    return false;
  for (size_t k = i; k > 0 && i - k < BUTTONS_TITLE_REACH; k--) {
    const struct chrome_unit *u = &d->units[k - 1];
    if (u->title && !u->rule)
      return true;
  }
  return false;
}

/* Line h, a block of its own right under a list's marker ("Share") and
 * over the article's first paragraph at a, in a block of its own too:
 * the list's one item is a heading ("Abstract"), as text_heading's. */
static bool lone_item_heading(const struct chrome_doc *d, size_t h,
                              size_t a) {
  const struct chrome_unit *u = &d->units[h], *v = &d->units[a];
  return h > 0 && h + 1 == a && u->rule == R_LISTITEM &&
         d->units[h - 1].hit == CK_LIST && d->units[h - 1].blk != u->blk &&
         v->blk != u->blk && u->term == TERM_NONE && !u->bullet &&
         !u->url && !u->widget && !u->dup && u->cap1 && u->words >= 1 &&
         u->words <= TEXT_HEAD_WORDS && u->ntok == u->words &&
         v->term == TERM_SENT && !v->bullet && !v->rule &&
         (v->cls == CL_GOOD || v->cls == CL_NEAR);
}

#define INNER_HEAD_PARAS 3 /* paragraphs under an inner heading at least */

/* Line i, inside the article [a, b]: one word that a whole-line rule
 * took ("Transcript"), in a block of its own between two paragraphs of
 * prose that stay, no soft phrase in it ("Advertisement"), and over a
 * few paragraphs more, no line the rules took between them (a button
 * over the last paragraph before a box, "Close"): it heads the text
 * under it and stays. */
static bool prose_para(const struct chrome_unit *u) {
  return !u->rule && !u->bullet && u->term == TERM_SENT &&
         (u->cls == CL_GOOD || u->cls == CL_NEAR);
}

/* Whether p[0..n) has a lower-case letter (a heading, not a label in
 * capitals: "HIRDETÉS"). */
static bool has_lower(const char *p, size_t n) {
  for (size_t i = 0; i < n;) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)p + i,
                                          (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0)
      return false;
    if (utf8proc_category(cp) == UTF8PROC_CATEGORY_LL)
      return true;
    i += (size_t)k;
  }
  return false;
}

/* Line i, one word that is a soft phrase of some language's rules
 * ("Werbung", "Реклама": an ad's label, whatever the page's language). */
static bool soft_word(const struct chrome_doc *d, size_t i) {
  const struct chrome_rules *r = d->wc.rules;
  struct chrome_tok t[2];
  size_t total, n = kempt__chrome_unit_tokens(d, &d->units[i], t, 2, &total);
  if (!r || n != 1 || total != 1)
    return true; /* (as if it were: the line stays out) */
  uint64_t h = kempt__chrome_seq(t, 1);
  return kempt__chrome_may_key(r, h, CK_SOFT) &&
         kempt__chrome_rules_find(r, h, CK_SOFT, ~0u) != NULL;
}

/* Line u is a news agency's name alone, maybe in brackets ("Reuters",
 * "(Reuters)"): its credit, no heading. */
static bool agency_alone(const struct chrome_doc *d,
                         const struct chrome_unit *u) {
  const char *p = d->text.data + u->off;
  size_t s = u->tlen && p[0] == '(';
  return u->tlen > s && agency(p + s, u->tlen - s);
}

static void keep_inner_headings(struct chrome_doc *d, size_t a, size_t b) {
  for (size_t i = a + 1; i < b; i++) {
    const struct chrome_unit *u = &d->units[i];
    if (u->hit == CK_LINE && u->rule && u->words == 1 && u->ntok == 1 &&
        u->cap1 && u->term == TERM_NONE && !u->bullet && !u->url &&
        !u->widget && !u->soft_has && !u->dup && u[-1].blk != u->blk &&
        u[1].blk != u->blk && prose_para(&u[-1]) && prose_para(&u[1]) &&
        has_lower(d->text.data + u->off, u->len) && !soft_word(d, i) &&
        !agency_alone(d, u)) {
      size_t k = i + 1, paras = 0;
      for (; k <= b && !d->units[k].rule && paras < INNER_HEAD_PARAS; k++)
        paras += d->units[k].blk != d->units[k - 1].blk;
      if (paras >= INNER_HEAD_PARAS)
        d->units[i].rule = NULL;
    }
  }
}

#define SUMMARY_ITEM_WORDS 6 /* words of a summary box's item at least */
#define SUMMARY_HEAD_WORDS 4 /* ... and of its heading at most */
#define SUMMARY_REACH 12     /* lines from the title to the box */
#define SUMMARY_ITEMS 12     /* items looked at */

/* A box of key points between the title and the article at a: a short
 * heading ("Key points", "At a glance"), then bulleted statements (no
 * headlines), maybe a label under them ("Pinned"), all outside the main
 * text, with only lines the rules took between the title and the box
 * (share buttons, a byline, a date). Its heading and items stay. */
static void keep_summary_box(struct chrome_doc *d, size_t a) {
  size_t i = a;
  if (i > 0 && d->units[i - 1].rule == R_OUTSIDE &&
      d->units[i - 1].cls == CL_SHORT && !d->units[i - 1].bullet &&
      d->units[i - 1].words <= 2)
    i--; /* (a label over the first entry) */
  size_t e = i;
  while (i > 0 && e - i < SUMMARY_ITEMS) {
    const struct chrome_unit *u = &d->units[i - 1];
    if (u->rule != R_OUTSIDE || !u->bullet || u->url || u->widget ||
        u->dup || u->words < SUMMARY_ITEM_WORDS)
      break;
    i--;
  }
  if (e - i < 2 || i == 0 || headline_items(d, i, e - 1))
    return;
  size_t h = i - 1;
  const struct chrome_unit *v = &d->units[h];
  if (v->rule != R_OUTSIDE || v->bullet || v->url || v->widget || v->dup ||
      !v->cap1 || v->words < 1 || v->words > SUMMARY_HEAD_WORDS ||
      (v->term != TERM_NONE && v->term != TERM_COLON))
    return;
  size_t k = h;
  while (k > 0 && h - k < SUMMARY_REACH && !d->units[k - 1].title &&
         d->units[k - 1].rule && d->units[k - 1].rule != R_OUTSIDE)
    k--;
  if (k == 0 || !d->units[k - 1].title)
    return;
  for (size_t j = h; j < e; j++)
    d->units[j].rule = NULL;
}

#define ASKED_ITEMS_MIN 3   /* items of a list under a question at least */
#define ASKED_ITEMS_MAX 12  /* ... and at most */
#define ASKED_ITEM_WORDS 10 /* words of its items at most */
#define ASKED_HEAD_WORDS 10 /* words of its question at most */
#define ASKED_LINES 2       /* lines between it and the article at most */

/* A line outside the main text between a list and the article: in a
 * block of its own, no rule's but a pitch's ("Click here to ..."). */
static bool asked_gap(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  return ((u->rule == R_OUTSIDE && !u->dup) || u->hit == CK_HAS) &&
         !u->bullet && !u->url && !u->widget && u->words >= 1 &&
         u->blk != u[1].blk && (i == 0 || u[-1].blk != u->blk);
}

/* A list right over the article at a (a heading that stays over its
 * first paragraph, a line or two between): a question or a line with a
 * colon over a few short items in a block of their own, all outside the
 * main text ("What's new in 2.0?" / "• Faster start" / ...). The
 * question asks what the list tells: heading and items stay, and the
 * lines between that no rule took. */
static void keep_asked_list(struct chrome_doc *d, size_t a) {
  size_t j = a;
  if (j > 0 && !d->units[j - 1].rule && d->units[j - 1].blk != d->units[j].blk)
    j--; /* (the article's heading) */
  size_t gap = j;
  while (j > 0 && gap - j < ASKED_LINES && asked_gap(d, j - 1))
    j--;
  size_t e = j;
  while (j > 0 && e - j <= ASKED_ITEMS_MAX) {
    const struct chrome_unit *u = &d->units[j - 1];
    if (u->rule != R_OUTSIDE || !u->bullet || u->url || u->widget ||
        u->dup || u->words < 1 || u->words > ASKED_ITEM_WORDS ||
        (j < e && u->blk != d->units[e - 1].blk))
      break;
    j--;
  }
  if (e - j < ASKED_ITEMS_MIN || e - j > ASKED_ITEMS_MAX || j == 0 ||
      d->units[e].blk == d->units[e - 1].blk)
    return;
  const struct chrome_unit *v = &d->units[j - 1];
  const char *p = d->text.data + v->off;
  size_t q = strip_closers(p, v->len);
  if (v->rule != R_OUTSIDE || v->bullet || v->url || v->widget || v->dup ||
      !v->cap1 || v->words < 2 || v->words > ASKED_HEAD_WORDS ||
      v->blk == d->units[j].blk ||
      !(v->term == TERM_COLON ||
        (v->term == TERM_SENT && q > 0 && p[q - 1] == '?')))
    return;
  for (size_t k = j - 1; k < gap; k++)
    if (d->units[k].rule == R_OUTSIDE)
      d->units[k].rule = NULL;
}

#define RELEASE_HEAD_WORDS 3 /* words of a release's heading at most */
#define RELEASE_SUBS 3 /* sub-headings over the article's first item */
#define RELEASE_SPAN 40 /* lines of a newer release over it at most */

/* Whether line i heads a release of a changelog: a short numbered
 * heading ("Version 3.2.0", "Release 14"; the rule of repeated lines
 * took it, as numbers hash alike), its date line under it. */
static bool release_head(const struct chrome_doc *d, size_t i, size_t end) {
  const struct chrome_unit *u = &d->units[i];
  return i + 2 < end && u->rule == R_REPEAT && !u->bullet && !u->url &&
         !u->widget && u->term == TERM_NONE &&
         u->words <= RELEASE_HEAD_WORDS && d->units[i + 1].rule == R_DATE &&
         has_quantity(d->text.data + u->off, u->len);
}

/* Line i, a short heading over bullets that the rule of repeated lines
 * took: a release's sub-heading found in each of them ("New", "Fixed"). */
static bool release_sub(const struct chrome_doc *d, size_t i, size_t end) {
  const struct chrome_unit *u = &d->units[i];
  return u->rule == R_REPEAT && !u->hit && !u->bullet && !u->url &&
         !u->widget && u->term == TERM_NONE &&
         u->words <= SUMMARY_HEAD_WORDS && i + 1 < end &&
         d->units[i + 1].bullet;
}

/* A release's items from line i on, before end: bullets (no links) and
 * sub-headings over them ("Bug fixes"), prose. Returns the last, or
 * SIZE_MAX when none is a bullet. */
static size_t release_items(const struct chrome_doc *d, size_t i, size_t end) {
  size_t last = SIZE_MAX;
  for (; i < end; i++) {
    const struct chrome_unit *u = &d->units[i];
    if (release_sub(d, i, end))
      continue; /* (a sub-heading found in each release: "Fixed") */
    if (u->rule || u->url || u->widget)
      break;
    if (u->bullet)
      last = i;
    else if (u->cls != CL_GOOD &&
             (u->term != TERM_NONE || u->words > SUMMARY_HEAD_WORDS ||
              i + 1 >= end || !d->units[i + 1].bullet))
      break; /* (no prose, no heading over a list) */
  }
  return last;
}

/* An article that a release's heading and date open ("Version 3.2.0",
 * "March 3, 2026") goes on over the earlier releases under it, each
 * under a heading of the same form; the headings stay. */
static void join_releases(struct chrome_doc *d, size_t *a, size_t *b,
                          size_t end) {
  size_t r = *a; /* (over the article's sub-headings: "Fixed") */
  while (r >= 3 && *a - r < RELEASE_SUBS && !release_head(d, r - 2, end) &&
         release_sub(d, r - 1, end))
    r--;
  if (r < 2 || !release_head(d, r - 2, end))
    return;
  r -= 2;
  uint64_t key = d->units[r].key;
  while (*b + 1 < end && release_head(d, *b + 1, end) &&
         d->units[*b + 1].key == key) {
    size_t e = release_items(d, *b + 3, end);
    if (e == SIZE_MAX)
      break;
    *b = e;
  }
  for (size_t q = r; q > 0 && r - q < RELEASE_SPAN; q--) /* newer ones */
    if (release_head(d, q - 1, end) && d->units[q - 1].key == key) {
      if (release_items(d, q + 1, end) + 1 != r)
        break;
      r = q - 1;
      q = r + 1; /* (the loop's step looks on above it) */
    }
  bool more = false; /* (the article may have held some already) */
  for (size_t i = r + 1; i <= *b; i++)
    more = more || (release_head(d, i, end) && d->units[i].key == key);
  if (!more)
    return;
  for (size_t i = r; i <= *b; i++)
    if (release_head(d, i, end) && d->units[i].key == key) {
      d->units[i].rule = NULL;
      d->units[i + 1].rule = NULL; /* (its date: no head's) */
      d->units[i + 1].listed = true;
    } else if (release_sub(d, i, end) || i < *a) {
      d->units[i].rule = NULL;
    }
  *a = r;
}

#define PAY_WORDS 4        /* words of a pay range's line at most */
#define PAY_REACH 30       /* lines above the article to a pay range */
#define PAY_BLOCK_LINES 10 /* lines of the block around it at most */
#define PAY_LINE_WORDS 8   /* words of each of them at most */

/* Whether p[k] starts a currency sign ($ £ €): its length, or 0. */
static size_t currency_at(const char *p, size_t n, size_t k) {
  if (p[k] == '$')
    return 1;
  if (has_prefix(p + k, n - k, "\xc2\xa3")) /* £ */
    return 2;
  return has_prefix(p + k, n - k, "\xe2\x82\xac") ? 3 : 0; /* € */
}

/* A pay range: two amounts of money on a short line, a dash or "to"
 * between them ("$80,000 - $95,000 a year", "Pay: £30,000 – £35,000
 * per annum"): a job's, never a shop's single price. */
static bool pay_range(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  if (u->words > PAY_WORDS || u->ntok < u->words + 2 || u->bullet ||
      u->url || u->widget || u->term == TERM_SENT)
    return false;
  const char *p = d->text.data + u->off;
  size_t n = u->len, amounts = 0;
  bool dash = false;
  for (size_t k = 0; k < n; k++) {
    size_t c = currency_at(p, n, k);
    if (c) {
      size_t j = k + c + (k + c < n && p[k + c] == ' ');
      bool after = j < n && is_digit(p[j]);
      bool before = (k > 0 && is_digit(p[k - 1])) ||
                    (k > 1 && p[k - 1] == ' ' && is_digit(p[k - 2]));
      amounts += after || before;
      k += c - 1;
    } else if (amounts == 1 &&
               (p[k] == '-' || has_prefix(p + k, n - k, "\xe2\x80\x93") ||
                has_prefix(p + k, n - k, " to "))) {
      dash = true;
    }
  }
  return amounts == 2 && dash;
}

/* Whether line k is short, without links, and no phrase rule took it
 * (the form rules may have; a sentence's end may be "Co."). */
static bool fact_line(const struct chrome_doc *d, size_t k) {
  const struct chrome_unit *u = &d->units[k];
  return (!u->rule || u->rule == R_OUTSIDE || soft_rule(u->rule)) &&
         !u->url && !u->widget && u->words <= PAY_LINE_WORDS &&
         !button_run(d, k); /* ("Apply Save Share") */
}

/* The lines of line i's block, within PAY_BLOCK_LINES lines, that are
 * fact_lines: from the block's first (else none) down to its last, or
 * to line i when a line after it is none (buttons: "Share this job").
 * Sets the first and last; false when there are none. */
static bool fact_block(const struct chrome_doc *d, size_t i, size_t *s,
                       size_t *e) {
  uint32_t blk = d->units[i].blk;
  *s = *e = i;
  while (*s > 0 && d->units[*s - 1].blk == blk)
    (*s)--;
  while (*e + 1 < d->nunits && d->units[*e + 1].blk == blk)
    (*e)++;
  if (*e - *s >= PAY_BLOCK_LINES)
    return false;
  for (size_t k = *s; k <= i; k++)
    if (!fact_line(d, k))
      return false;
  for (size_t k = i + 1; k <= *e; k++)
    if (!fact_line(d, k)) {
      *e = i;
      break;
    }
  return true;
}

/* Line s - 1, over a job ad's facts [s, e], is its title when it stands
 * in a block of its own that no phrase rule took and reads as one
 * ("Backend developer (m/f)"); a breadcrumb trail is none. The facts'
 * line that was taken for the title ("Acme Ltd - Leeds") is then none. */
static void keep_job_title(struct chrome_doc *d, size_t s, size_t e) {
  if (s == 0)
    return;
  struct chrome_unit *u = &d->units[s - 1];
  if (u->rule != R_OUTSIDE || u->hit || u->blk == d->units[s].blk ||
      (s > 1 && d->units[s - 2].blk == u->blk) || crumb_line(d, s - 1) ||
      button_run(d, s - 1) || !is_title(d, u, false) || day_tabs(d, s - 1))
    return;
  u->rule = NULL;
  u->title = true;
  for (size_t k = s; k <= e; k++)
    d->units[k].title = false;
}

/* A job ad's head over the article at a: its blocks of short lines with
 * a pay range (title, company, place, pay, "Full-time"; a box "Pay" /
 * "Job type" ...) stay. */
static void keep_job_head(struct chrome_doc *d, size_t a) {
  for (size_t i = a; i > 0 && a - i < PAY_REACH; i--) {
    size_t s, e;
    if (d->units[i - 1].rule && pay_range(d, i - 1) &&
        fact_block(d, i - 1, &s, &e) && e < a) {
      for (size_t k = s; k <= e; k++)
        d->units[k].rule = NULL;
      keep_job_title(d, s, e);
      i = s + 1; /* (the loop's step goes on above it) */
    }
  }
}

#define SCORE_REACH 12 /* lines from a score up to the article, or down */
#define SCORE_LABEL 3  /* words of a score's label ("Our score:") at most */

/* The number at p[k] (digits, one decimal point or comma): its end, or k
 * when none; *v its whole part. */
static size_t score_number(const char *p, size_t n, size_t k, unsigned *v) {
  size_t s = k;
  *v = 0;
  while (k < n && (unsigned)(p[k] - '0') < 10 && *v < 1000)
    *v = *v * 10 + (unsigned)(p[k++] - '0');
  if (k > s && k + 1 < n && (p[k] == '.' || p[k] == ',') &&
      (unsigned)(p[k + 1] - '0') < 10)
    for (k++; k < n && (unsigned)(p[k] - '0') < 10; k++)
      ;
  return k;
}

/* A review's score alone on its line: "8/10", "Score: 8/10", "4.5 out
 * of 5 stars", "Rating: 4/5" (out of 5, 10 or 100, a label of a few
 * words before it and a colon, a word after it). */
static bool score_line(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  if (u->words > SCORE_LABEL + 3 || u->ntok < 2 || u->ntok > 8 ||
      u->term == TERM_SENT || u->bullet || u->url || u->widget || u->len > 48)
    return false;
  const char *p = d->text.data + u->off;
  size_t n = u->len, k = indentation(p, n), label = 0;
  while (n > k && p[n - 1] == ' ')
    n--;
  for (size_t j = k; j < n; j++) /* a label ends with a colon */
    if (p[j] == ':' && j + 1 < n && p[j + 1] == ' ') {
      for (size_t x = k; x < j; x++)
        label += p[x] == ' ';
      if (label >= SCORE_LABEL)
        return false;
      k = j + 2;
      break;
    }
  unsigned x, y;
  size_t e = score_number(p, n, k, &x);
  if (e == k)
    return false;
  if (e < n && p[e] == '/')
    k = e + 1;
  else if (has_prefix(p + e, n - e, " out of "))
    k = e + 8;
  else
    return false;
  e = score_number(p, n, k, &y);
  if (e == k || (y != 5 && y != 10 && y != 100) || x > y)
    return false;
  if (e == n)
    return true;
  if (p[e] != ' ') /* (a date's "8/10/2026") */
    return false;
  for (e++; e < n; e++) /* one word after it ("stars") */
    if (p[e] == ' ' || (unsigned)(p[e] - '0') < 10 || p[e] == '/')
      return false;
  return true;
}

/* A review's score under its title, over the article at a: it stays. */
static void keep_score_head(struct chrome_doc *d, size_t a) {
  for (size_t i = a; i > 0 && a - i < SCORE_REACH; i--) {
    struct chrome_unit *u = &d->units[i - 1];
    if (u->title)
      break;
    if (u->rule && !u->hit && score_line(d, i - 1))
      u->rule = NULL;
  }
}

/* A review's score a little after its last line b (before c), with
 * only a box of its pros and cons between (short headings, bulleted
 * lines that no phrase rule took): the article goes on to it, and they
 * stay. */
static size_t score_after(struct chrome_doc *d, size_t b, size_t c) {
  for (size_t i = b + 1; i < c && i <= b + SCORE_REACH; i++) {
    const struct chrome_unit *u = &d->units[i];
    if (u->hit || u->url || u->widget || u->rule == R_CUT)
      break;
    if (score_line(d, i)) {
      for (size_t k = b + 1; k <= i; k++) {
        d->units[k].rule = NULL; /* (the box's lines: short, bulleted) */
        d->units[k].listed = true;
      }
      return i;
    }
    if (!u->bullet && (u->words > SUMMARY_HEAD_WORDS || u->term != TERM_NONE))
      break;
  }
  return b;
}

#define POSTER_LINES 3 /* lines of a post's header over its date at most */

/* Whether line i is a short line of a post's header: its writer's name,
 * rank or count ("tom_allotment", "Senior member", "Posts: 3,118"). */
static bool poster_line(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  return u->ntok >= 1 && u->ntok <= 4 && u->term == TERM_NONE &&
         !u->bullet && !u->url && !u->widget && u->cls != CL_GOOD;
}

/* The posts of a thread in the article [a, b] (a forum's): each post's
 * line of buttons ("Quote Reply Like (3)") goes, and the next post's
 * header under it (a few short lines over its date line). */
/* Line i, a button's word that opens a block of its own over a
 * paragraph in it ("Antwoord" / "Een schuur in de achtertuin ..."): the
 * heading of an answer, no post's button (which ends a post's block). */
static bool heading_of_answer(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  return u->words == 1 && u->ntok == 1 && i > 0 && i + 1 < d->nunits &&
         d->units[i - 1].blk != u->blk && d->units[i + 1].blk == u->blk &&
         d->units[i + 1].cls == CL_GOOD && d->units[i + 1].term == TERM_SENT &&
         !d->units[i + 1].rule;
}

static void drop_post_buttons(struct chrome_doc *d, size_t a, size_t b) {
  if (d->btn_b <= a || d->btn_a > b)
    return;
  for (size_t i = a; i <= b; i++) {
    if (!d->units[i].btn || heading_of_answer(d, i))
      continue;
    if (!d->units[i].rule || soft_rule(d->units[i].rule))
      d->units[i].rule = R_POST_BTN; /* (numbers hash alike: repeated) */
    size_t j = i + 1;
    while (j <= b && j <= i + POSTER_LINES && poster_line(d, j) &&
           d->units[j].hit != CK_DATE)
      j++;
    if (j > i + 1 && j <= b && d->units[j].hit == CK_DATE)
      for (size_t k = i + 1; k < j; k++)
        if (!d->units[k].rule || soft_rule(d->units[k].rule))
          d->units[k].rule = R_POST_HDR;
  }
}

#define ROSTER_WORDS 60 /* words of a row of a team's names at most */
#define ROSTER_SEPS 4   /* commas or semicolons in it at least */

/* Line i, a row of names under a label ("Harbour City: Hale; Osei,
 * Brandt, ...", "Subs: Nolan, Greaves"): a label of a few words and a
 * colon, no phrase rule or link; *names: it lists ROSTER_SEPS or more. */
static bool roster_row(const struct chrome_doc *d, size_t i, bool *names) {
  const struct chrome_unit *u = &d->units[i];
  if (u->hit || u->bullet || u->url || u->widget || !u->cap1 ||
      u->words < 2 || u->words > ROSTER_WORDS)
    return false;
  const char *p = d->text.data + u->off;
  size_t n = u->len, k = indentation(p, n), spaces = 0, seps = 0;
  for (; k + 2 < n && p[k] != ':'; k++)
    if (p[k] == ' ' && ++spaces >= BOX_LABEL_WORDS)
      return false;
  if (k + 2 >= n || k == 0 || p[k - 1] == ' ' || p[k + 1] != ' ')
    return false;
  for (; k < n; k++)
    seps += p[k] == ',' || p[k] == ';';
  *names = seps >= ROSTER_SEPS;
  return true;
}

/* A box of a match's teams right after the article's last line b
 * (before c): a short heading ("Line-ups", "Teams"), then rows of names
 * under labels, two of them long lists at least ("Referee: ..." may
 * follow), and a run of structured lines right under it (its stats).
 * The article goes on over it. */
static size_t roster_after(struct chrome_doc *d, size_t b, size_t c) {
  size_t h = b + 1, lists = 0, j = h + 1;
  if (h + 2 >= c)
    return b;
  const struct chrome_unit *u = &d->units[h];
  if (u->hit || u->bullet || u->url || u->widget || u->words < 1 ||
      u->words > BOX_LABEL_WORDS || u->term != TERM_NONE || !u->cap1)
    return b;
  bool names;
  for (; j < c && roster_row(d, j, &names); j++)
    lists += names;
  if (lists < 2)
    return b;
  size_t at = j < c ? data_run(d, j, c, 1) : SIZE_MAX;
  if (at != SIZE_MAX)
    j = at + 1; /* (the match's stats under it: "Shots 14 9") */
  for (size_t k = h; k < j; k++)
    d->units[k].rule = NULL;
  return j - 1;
}

/* Groups of digits in line i, counted up to 2, all that figures_after
 * asks ("Shots 11 : 16": 2; "Goals": 0). */
static unsigned digit_groups(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  const char *p = d->text.data + u->off;
  unsigned n = 0;
  for (size_t k = 0; k < u->len && n < 2; k++)
    n += is_digit(p[k]) && (k == 0 || !is_digit(p[k - 1]));
  return n;
}

/* A short heading of a box of figures: a word or a few ("Goals",
 * "Statistics", "Table"), capitalised, with no end, link or rule. */
static bool figures_heading(const struct chrome_doc *d, size_t h) {
  const struct chrome_unit *u = &d->units[h];
  return !u->hit && !u->rule && !u->bullet && !u->url && !u->widget &&
         u->words >= 1 && u->words <= BOX_LABEL_WORDS &&
         u->term == TERM_NONE && u->cap1;
}

/* Boxes of a match's figures right after the article's last line b
 * (before c), one after another: a short heading, then a run of
 * structured lines (data_run), most of them with two numbers or more
 * ("2:1 Weber (67.)", "Shots 11 : 16", "2. Leeds 24 44"); a numbered
 * list of headlines has one each ("1. Council backs plan"). The article
 * goes on over them. */
static size_t figures_after(struct chrome_doc *d, size_t b, size_t c) {
  for (size_t h = b + 1; h + DATA_MIN < c && figures_heading(d, h);
       h = b + 1) {
    size_t at = data_run(d, h + 1, c, 1), rows = 0;
    if (at == SIZE_MAX)
      break;
    for (size_t k = h + 1; k <= at; k++)
      rows += digit_groups(d, k) >= 2;
    if (rows < DATA_MIN || 100 * rows < DATA_SHARE * (at - h))
      break;
    for (size_t k = h; k <= at; k++)
      d->units[k].rule = NULL;
    b = at;
  }
  return b;
}

static void keep_chorus(struct chrome_doc *d, size_t from, size_t to);
static bool lyrics_only(const struct chrome_doc *d, size_t c, size_t *a,
                        size_t *b);
struct verse_tally;
static size_t verse_scan(const struct chrome_doc *d, size_t i, int dir,
                         size_t lim, struct verse_tally *t);
static size_t verse_reach(const struct chrome_doc *d, size_t i, int dir,
                          size_t lim, struct verse_tally *t);
static size_t verse_over(const struct chrome_doc *d, size_t a, size_t b);
static size_t verse_under(const struct chrome_doc *d, size_t a, size_t b,
                          size_t c);
/* A page without text: no stretch scores above 0 (no paragraph of prose
 * at all), there is chrome (not clean), and it holds neither a table
 * (TABLE_ROWS rows or more, as table_page counts them: a calendar, a
 * list of results) nor a stanza of verse: a login page, a product
 * listing, a site map, a forum's index. Its lines go, all of them; a
 * short text (fewer than NOTEXT_LINES lines) or a long one (more than
 * NOTEXT_MAX), or a later window of a long document, stays as it is. */
#define NOTEXT_LINES 6
#define NOTEXT_MAX 1000
#define STANZA_LINES 4    /* lines of a stanza: at least, */
#define STANZA_WORDS 3    /* ... each of this many words or more */
#define STANZA_MAX 12     /* ... and at most this many */
#define STANZA_MEAN 5     /* ... and this many a line on average */
#define STANZA_DENSITY 30 /* % of function words over them */
static bool stanza_line(const struct chrome_unit *u) {
  return !u->rule && !u->bullet && !u->url && !u->widget && !u->seps &&
         u->words >= STANZA_WORDS && u->words <= STANZA_MAX;
}

static bool no_text_page(const struct chrome_doc *d, size_t c) {
  if (c < NOTEXT_LINES || c > NOTEXT_MAX || d->seen_good || d->cut)
    return false;
  uint32_t run = 0, words = 0, stop = 0; /* (the stanza up to i) */
  for (size_t i = 0; i < c; i++) {
    const struct chrome_unit *u = &d->units[i];
    bool verse = stanza_line(u);
    run = verse ? run + 1 : 0;
    words = verse ? words + u->words : 0;
    stop = verse ? stop + u->stop : 0;
    if (run >= STANZA_LINES && words >= STANZA_MEAN * run &&
        100u * stop >= STANZA_DENSITY * words)
      return false;
    if (!table_row(d, i))
      continue;
    size_t at = data_run(d, i, c, 1), n = 0;
    if (at == SIZE_MAX)
      continue;
    for (size_t k = i; k <= at; k++)
      n += table_row(d, k);
    if (n >= TABLE_ROWS)
      return false;
    i = at;
  }
  return true;
}

/* A line of prose after a box of facts: good text, or a short sentence
 * near it ("Entry is free for children under twelve."). */
static bool prose_after_box(const struct chrome_unit *u) {
  return !u->rule && u->score > 0 &&
         (u->cls == CL_GOOD || (u->cls == CL_NEAR && u->term == TERM_SENT));
}

/* The last line of a box of facts in blocks that the article [.., b]
 * ends in the middle of (b's block opens it: "Admission" / "Adults 120
 * Kč" / ..., then "Opening hours" / "Tue-Sun 9:00-17:00" after b), when
 * it goes on past b; or SIZE_MAX. */
static size_t facts_go_on(const struct chrome_doc *d, size_t b, size_t c) {
  size_t s = b;
  while (s > 0 && d->units[s - 1].blk == d->units[b].blk)
    s--;
  if (s == b)
    return SIZE_MAX;
  size_t at = kempt__chrome_facts_after(d, s, c);
  return at != SIZE_MAX && at > b ? at : SIZE_MAX;
}

#define AFTER_HEAD_WORDS 6 /* words of a heading after a box at most */

/* Lines b + 1 and b + 2 (before c), after a box of facts: a heading of a
 * few words and, in its block, a paragraph of prose under it ("What's
 * new in version 3.8.1" / "Fixes sync for ..."): a section of the text. */
static bool headed_prose_after(const struct chrome_doc *d, size_t b,
                               size_t c) {
  if (b + 2 >= c)
    return false;
  const struct chrome_unit *h = &d->units[b + 1], *v = &d->units[b + 2];
  return !h->rule && h->term == TERM_NONE && h->cap1 && !h->bullet &&
         !h->url && !h->widget && !h->dup && !h->seps && h->words >= 1 &&
         h->words <= AFTER_HEAD_WORDS && h->blk == v->blk &&
         h->blk != d->units[b].blk && prose_after_box(v) &&
         v->term == TERM_SENT;
}

#define ITEM_HEAD_WORDS 3 /* words of an item section's heading */

/* A line of an item section: a sentence of its own with a function
 * word ("Um fünf Uhr ist Feierabend."), or an item that a number opens
 * ("1. Ende der Arbeitszeit"); no rule, no link. */
static bool section_item(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  const char *p = d->text.data + u->off;
  if (u->rule || u->url || u->widget || u->dup || u->words < 2)
    return false;
  if ((unsigned)(p[0] - '0') < 10 && u->len > 2 &&
      (p[1] == '.' || p[1] == ')') && p[2] == ' ')
    return true;
  return u->term == TERM_SENT && u->words >= 3 && u->stop > 0;
}

/* The block of line e, from its first line *s: a heading of a few words
 * in it over two items or more (section_item): "Beispiele" / "Um fünf
 * Uhr ist Feierabend." / ...; a section of a page of short parts (a
 * dictionary's entry), no sidebar's list of links. */
static bool item_section(const struct chrome_doc *d, size_t e, size_t *s) {
  size_t k = e;
  while (k > 0 && d->units[k - 1].blk == d->units[e].blk)
    k--;
  const struct chrome_unit *h = &d->units[k];
  if (e < k + 2 || h->rule || h->term != TERM_NONE || !h->cap1 ||
      h->bullet || h->url || h->widget || h->dup || h->seps ||
      h->words < 1 || h->words > ITEM_HEAD_WORDS)
    return false;
  for (size_t i = k + 1; i <= e; i++)
    if (!section_item(d, i))
      return false;
  *s = k;
  return true;
}

/* Sections of items right over and under the article [*a, *b] (before
 * c), each in a block of its own: they are the article's too. */
static void join_item_sections(const struct chrome_doc *d, size_t *a,
                               size_t *b, size_t c) {
  size_t s, top = *a; /* (over the heading in its block: "Herkunft") */
  while (top > 0 && d->units[top - 1].blk == d->units[*a].blk &&
         !d->units[top - 1].rule)
    top--;
  while (top > 0 && item_section(d, top - 1, &s))
    *a = top = s;
  while (*b + 1 < c && d->units[*b + 1].blk != d->units[*b].blk) {
    size_t e = *b + 1;
    while (e + 1 < c && d->units[e + 1].blk == d->units[*b + 1].blk)
      e++;
    if (!item_section(d, e, &s) || s != *b + 1)
      break;
    *b = e;
  }
}

/* The first line from i (before c) that is no caption: a picture's
 * caption between the article and its box of facts ("1 of 6 The hull
 * ..." then "Opening hours") goes, but does not end the article. */
static size_t past_captions(const struct chrome_doc *d, size_t i, size_t c) {
  while (i < c && (d->units[i].rule == R_CAPTION ||
                   d->units[i].rule == R_SLIDE))
    i++;
  return i;
}

/* The stretch [a, b] is a notice alone, not an article: what text it
 * has (NOTICE_CHARS code points at most) is in lines that a phrase of
 * chrome weighs down ("Sorry, the page you were looking for ...", "We
 * and our partners use cookies ..."): a 404 page, a cookie wall. */
#define NOTICE_CHARS 400
static bool notice_only(const struct chrome_doc *d, size_t a, size_t b) {
  uint64_t chars = 0;
  for (size_t i = a; i <= b; i++) {
    const struct chrome_unit *u = &d->units[i];
    if (u->score <= 0)
      continue;
    if (!u->soft_has || u->rule)
      return false;
    chars += u->chars;
  }
  return chars <= NOTICE_CHARS;
}

static const char R_DAY_TABS[] = "classifier a row of day tabs";

#define DAY_TABS_REACH 40 /* lines from the article's start to its tabs */

/* Rows of day tabs near the start of the article [a, b] over what is no
 * prose (a forecast's days, a programme: "Heute Morgen 3 Tage 10 Tage
 * Monat") go: the page's buttons, not its text. */
static void drop_day_tabs(struct chrome_doc *d, size_t a, size_t b) {
  for (size_t i = a; i <= b && i < d->nunits && i < a + DAY_TABS_REACH; i++)
    if (!d->units[i].rule && !d->units[i].title && day_tabs(d, i) &&
        (i == b || !prose_at(d, i + 1)))
      d->units[i].rule = R_DAY_TABS;
}

static NOINLINE void judge(struct chrome_doc *d, bool nolang,
                           size_t evidence) {
  size_t c = cut_at(d), a = 0, b = 0;
  bool clean = looks_clean(d, evidence);
  if (!clean)
    kempt__chrome_keep_costs(d, -SHORT_BASE);
  bool found = !clean && best_stretch(d, c, &a, &b);
  if (found && kempt__chrome_keep_copies(d, a, b))
    best_stretch(d, c, &a, &b); /* (a text's own copy counts again) */
  if (!found && !clean && c > 0)
    found = lyrics_only(d, c, &a, &b);
  if (found && notice_only(d, a, b) && no_text_page(d, c))
    found = false; /* (its lines go: see below) */
  if (!found) {
    a = 0;
    b = c ? c - 1 : 0;
  } else {
    trim_teasers(d, &a, &b, nolang);
    trim_head_teasers(d, &a, b, nolang);
    trim_notice(d, &a, b);
    join_over_lists(d, &a, &b, c, nolang);
    kempt__chrome_keep_posts(d, &a, &b, c);
    extend_over_data(d, &a, &b, c, nolang);
    join_over_card(d, &a, c, nolang);
    b = join_sections(d, a, b, c);
    join_item_sections(d, &a, &b, c);
    join_live_entries(d, &a, &b, c);
    b = join_dated_entries(d, a, b, c);
    b = join_wiki_sections(d, b, c);
    b = join_short_wiki_section(d, b, c);
    join_releases(d, &a, &b, c);
    b = score_after(d, b, c);
    b = roster_after(d, b, c);
    b = figures_after(d, b, c);
    while (b + 1 < c && d->units[b].bullet && d->units[b + 1].bullet &&
           d->units[b + 1].blk == d->units[b].blk && !d->units[b + 1].hit &&
           !d->units[b + 1].url && !d->units[b + 1].widget)
      b++; /* (the rest of the list it ends in: "Dishwasher safe") */
    size_t facts = kempt__chrome_facts_after(d, past_captions(d, b + 1, c),
                                             c);
    facts = facts != SIZE_MAX ? facts : facts_go_on(d, b, c);
    b = facts != SIZE_MAX ? facts : b; /* (an event's facts box) */
    while (facts != SIZE_MAX && b + 1 < c && prose_after_box(&d->units[b + 1]))
      b++; /* (the prose after the box: "In lieu of flowers, ...") */
    while (facts != SIZE_MAX && headed_prose_after(d, b, c))
      b += 2; /* ("What's new in 3.8.1" / its paragraph) */
    b = kempt__chrome_lone_facts_after(d, b, c); /* ("Organiser: ...") */
    b = kempt__chrome_block_facts_after(d, b, c); /* ("Holz: Eiche") */
    kempt__chrome_facts_keep(d, a, b);
    a = verse_over(d, a, b);
    b = verse_under(d, a, b, c);
    if (a > 0 && lead_sentence(d, a - 1))
      a--;
    else if (a > 0 && cut_sentence(d, a - 1, a))
      a--;
    else if (a > 0 && greeting(d, a - 1, a))
      a--;
    if (a > 0 && text_heading(d, a - 1, a))
      a--;
    else if (a > 1 && faq_heading(d, a - 2))
      d->units[a -= 2].rule = NULL;
    else if (a > 0 && lone_item_heading(d, a - 1, a))
      d->units[--a].rule = NULL;
    else if (a > 0 && section_heading(d, a - 1, a, b))
      a--;
    a = kempt__chrome_keep_head_list(d, a);
    if (!nolang)
      b = kempt__chrome_keep_tail(d, b, c);
    b = kempt__chrome_keep_faq(d, a, b, c);
    b = section_after(d, b, c);
    b = kempt__chrome_cited_facts_after(d, b, c); /* ("Fundstelle: ...") */
    b = kempt__chrome_contact_box_after(d, a, b, c); /* ("Kontakt" / ...) */
    b = kempt__chrome_list_section_after(d, b, c); /* ("Synonyme" / ...) */
  }
  size_t n = d->nunits, e = c < n ? c : n;
  /* Each line before c: found (not clean) leaves [a, b] alone; neither
   * leaves all of them. */
  if (clean) {
    for (size_t i = 0; i < e; i++)
      if (soft_rule(d->units[i].rule))
        d->units[i].rule = NULL;
  } else if (!found && no_text_page(d, e)) {
    for (size_t i = 0; i < e; i++) /* (a repeated line too: a rating) */
      if (!d->units[i].rule || soft_rule(d->units[i].rule))
        d->units[i].rule = R_NOTEXT;
  } else if (found) {
    for (size_t i = 0; i < e; i++) {
      if (i == a && b >= a) {
        i = b; /* (the loop's step goes past it) */
        continue;
      }
      if (!d->units[i].rule)
        d->units[i].rule = R_OUTSIDE;
    }
  }
  for (size_t i = c; i < n; i++) { /* from c on */
    struct chrome_unit *u = &d->units[i];
    if (i > c || !u->rule)
      u->rule = R_CUT;
    else if (clean && soft_rule(u->rule)) /* (i == c, with a rule) */
      u->rule = NULL;
  }
  if (found) {
    keep_inner_repeats(d, a, b);
    keep_dated_rows(d, a, b);
    drop_post_buttons(d, a, b);
    kempt__chrome_drop_contents(d, a, b);
  }
  if (c > 0)
    judge_inside(d, a, b, found);
  if (found)
    keep_inner_headings(d, a, b);
  if (found && !d->seen_good) {
    kempt__chrome_head_inside(d, a, b);
    find_title(d, a, nolang);
    drop_day_tabs(d, a, b);
    if (a >= 2 && d->units[a - 1].rule == R_OUTSIDE &&
        (!d->units[a - 2].rule || buttons_under_title(d, a - 2)) &&
        head_between(d, a - 1, a))
      d->units[a - 1].rule = NULL;
    if (a >= 1 && chapter_heading(d, a - 1, a))
      d->units[a - 1].rule = NULL; /* (under the title that find_title
                                      found over it) */
    kempt__chrome_keep_infobox(d, a, R_OUTSIDE);
    kempt__chrome_keep_head_box(d, a, R_OUTSIDE);
    kempt__chrome_keep_head_card(d, a, R_OUTSIDE);
    kempt__chrome_keep_head_times(d, a, R_OUTSIDE);
    kempt__chrome_keep_entry_time(d, a, b, R_OUTSIDE);
    keep_summary_box(d, a);
    keep_asked_list(d, a);
    keep_job_head(d, a);
    keep_score_head(d, a);
  }
  keep_chorus(d, found ? a : 0, found ? b + 1 : (c < n ? c : n));
  if (c < d->nunits)
    d->cut = true;
  d->seen_good = d->seen_good || found;
  d->art_a = found ? a : 1; /* (for chrome_edge.c) */
  d->art_b = found ? b : 0;
}

#define SOFT_TOPIC_LINES 16 /* good lines with a soft word that soft_topic reads */
#define SOFT_TOPIC_WORDS 4  /* soft words of each that it keeps */
#define SOFT_TOPIC_SHARE 3  /* their prose is a third of the page's at least */

/* The soft words of line i (one-word phrases of the page's languages), at
 * most SOFT_TOPIC_WORDS of them in w; returns how many. */
static size_t soft_words(struct chrome_doc *d, const struct matcher *m,
                         size_t i, uint64_t *w) {
  struct chrome_tok t[CHROME_MAXTOK];
  size_t nt = line_words(d, i, t), n = 0;
  for (size_t k = 0; k < nt && n < SOFT_TOPIC_WORDS; k++) {
    if (!t[k].alpha || !kempt__chrome_may_start_hs(m->rules, t[k].h))
      continue;
    struct chrome_hs_word own;
    const struct chrome_hs_word *e = hs_word(m->hsw, m->rules, t[k].h, &own);
    if (e->soft & m->langs)
      w[n++] = t[k].h;
  }
  return n;
}

/* Whether line i has one of the soft words w[0..n). */
static bool has_soft_word(struct chrome_doc *d, const struct matcher *m,
                          size_t i, const uint64_t *w, size_t n) {
  uint64_t v[SOFT_TOPIC_WORDS];
  size_t nv = soft_words(d, m, i, v);
  for (size_t x = 0; x < nv; x++)
    for (size_t y = 0; y < n; y++)
      if (v[x] == w[y])
        return true;
  return false;
}

/* A soft word that is what the page is about weighs its text down no
 * more: the page's first good line has it, as another good line of its
 * own at least does ("aplikasi", "app" on an app's page, "Werbung" in a
 * report on advertising; what other soft words they have, "iklan" in
 * "... tidak menampilkan iklan", count no more either), and lines with
 * a soft word hold a third of the page's good text at least. A pitch's
 * soft word is in one line, or not in the lead, or in a page of other
 * text. */
static NOINLINE void soft_topic(struct chrome_doc *d, const struct matcher *m) {
  size_t at[SOFT_TOPIC_LINES], n = 0, first = SIZE_MAX;
  uint64_t good = 0, soft = 0;
  for (size_t i = 0; i < d->nunits; i++) {
    const struct chrome_unit *u = &d->units[i];
    if (u->cls != CL_GOOD || u->rule)
      continue;
    first = first == SIZE_MAX ? i : first;
    good += u->chars;
    if (u->soft_has && !u->dup && n < SOFT_TOPIC_LINES) {
      soft += u->chars;
      at[n++] = i;
    }
  }
  if (n < 2 || at[0] != first || SOFT_TOPIC_SHARE * soft < good)
    return;
  uint64_t w[SOFT_TOPIC_WORDS];
  size_t nw = soft_words(d, m, first, w);
  bool any = false;
  for (size_t k = 1; k < n; k++)
    if (nw && has_soft_word(d, m, at[k], w, nw)) {
      d->units[at[k]].soft_has = false;
      any = true;
    }
  if (any)
    d->units[first].soft_has = false;
}

#ifdef CHROME_DEBUG
#include <stdio.h>
static void debug_dump(const struct chrome_doc *d) {
  for (size_t i = 0; i < d->nunits; i++) {
    const struct chrome_unit *u = &d->units[i];
    fprintf(stderr, "%c%c c%d s%5d w%3u st%3u up%3u t%u %-22.22s| %.*s\n",
            u->rule ? 'R' : 'K', u->title ? 'T' : ' ', u->cls, u->score,
            u->words, u->stop, u->upper, u->term,
            u->rule ? u->rule : "", (int)(u->len < 90 ? u->len : 90),
            d->text.data + u->off);
  }
}
#endif

/* A line of a list: an item after a bullet, a bare link, or an image's
 * label (a list of products shows each one's picture). */
static bool list_line(const struct chrome_unit *u) {
  return u->widget || (u->seps < 2 && (u->bullet || u->url));
}

/* A line of text ending in ':' introduces a list or a table: the short
 * lines after it, up to the next chrome, count as neither good nor bad. */
static bool intro_line(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i], *p = u - 1;
  if (u->term != TERM_COLON || u->rule || u->words < INTRO_LABEL_WORDS)
    return false; /* ("Tags:") */
  return u->words >= INTRO_WORDS || /* ("Key facts:" under prose) */
         (i > 0 && !p->rule && p->cls == CL_GOOD && p->term == TERM_SENT);
}

/* [from, to): the lines that may give intro_line (classify's score pass
 * finds them; no rule changes from there). */
static void score_intro_lists(struct chrome_doc *d, size_t from, size_t to) {
  for (size_t i = from; i < to && i + 1 < d->nunits; i++) {
    if (!intro_line(d, i))
      continue;
    size_t j = i + 1;
    for (; j < d->nunits && j - i <= LIST_MAX * 4; j++) {
      struct chrome_unit *v = &d->units[j];
      bool label = v->widget && (v->rule == R_REPEAT || v->rule == R_THRICE);
      if ((v->rule && !label) || (v->cls == CL_BAD && !list_line(v)) ||
          v->term == TERM_COLON ||
          (v->cls == CL_SHORT && v->words >= 2 && v->term == TERM_NONE &&
           kempt__chrome_buttons_apart(d, v)))
        break; /* (a row of buttons, "Share   Facebook   X", ends it) */
      if (v->score < INTRO_SCORE)
        v->score = INTRO_SCORE;
      v->listed = true;
    }
    i = j - 1;
  }
}

/* A stanza of verse quoted in the text (a poem, a song's lyrics): a
 * block of VERSE_LINES or more short lines without a sentence end, links
 * or bullets, rich in function words (a headline list drops them), with
 * prose on both sides. Its lines count as neither good nor bad. */
#define VERSE_LINES 4
#define VERSE_MAX_WORDS 12
#define VERSE_DENSITY 30 /* % of function words over the stanza */
static bool verse_line(const struct chrome_unit *u) {
  return !u->rule && u->cls == CL_SHORT && !u->bullet && !u->url &&
         !u->widget && !u->seps && u->term != TERM_SENT &&
         u->term != TERM_COLON && u->words >= 2 &&
         u->words <= VERSE_MAX_WORDS;
}

static bool prose_near(const struct chrome_doc *d, size_t i, int dir) {
  for (size_t k = 0; k < 2 && i < d->nunits; k++) { /* (a title between) */
    const struct chrome_unit *u = &d->units[i];
    if (u->cls != CL_SHORT)
      return !u->rule && (u->cls == CL_GOOD || u->cls == CL_NEAR);
    if (u->rule || i == 0)
      return false;
    i = dir > 0 ? i + 1 : i - 1;
  }
  return false;
}

/* The end of a stanza from s (s itself when there is none). */
static size_t verse_end(const struct chrome_doc *d, size_t s) {
  size_t j = s;
  uint32_t words = 0, stop = 0, blk = d->units[s].blk;
  for (; j < d->nunits && d->units[j].blk == blk && verse_line(&d->units[j]);
       j++) {
    words += d->units[j].words;
    stop += d->units[j].stop;
  }
  return j - s >= VERSE_LINES && 100u * stop >= VERSE_DENSITY * words ? j : s;
}

/* A line of a song's chorus: a verse's line (verse_line) that may be
 * found three times or more, and may end a sentence. */
static bool chorus_line(const struct chrome_unit *u) {
  return (!u->rule || u->rule == R_THRICE || u->rule == R_REPEAT) &&
         !u->bullet && !u->url && !u->widget && !u->seps &&
         u->term != TERM_COLON && u->words >= 2 &&
         u->words <= VERSE_MAX_WORDS;
}

/* A line of verse as chorus_line, or one that ends in a semicolon (its
 * sentence goes on in the next line: "the long withdrawal and the slow
 * return;"); not a menu of words apart. */
static bool verse_semi(const struct chrome_doc *d,
                       const struct chrome_unit *u) {
  if (u->term != TERM_COLON && !chorus_line(u))
    return false;
  const char *p = d->text.data + u->off;
  size_t n = u->len, k = indentation(p, n);
  while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
    n--;
  for (; k + 1 < n; k++)
    if (p[k] == ' ' && p[k + 1] == ' ')
      return false; /* (a menu's words apart: "Home   Poems   About") */
  if (u->term != TERM_COLON)
    return true;
  return n && p[n - 1] == ';' &&
         (!u->rule || u->rule == R_THRICE || u->rule == R_REPEAT) &&
         !u->bullet && !u->url && !u->widget && !u->seps &&
         u->words >= 2 && u->words <= VERSE_MAX_WORDS;
}

#define VERSE_RUN 8 /* lines of verse next to the article at least */
#define VERSE_MARK_WORDS 3 /* words of a mark between stanzas ("[Chorus]") */

/* Whether line u marks a song's part between its stanzas ("[Chorus]",
 * "Verse 2:"). */
static bool verse_mark(const struct chrome_unit *u) {
  return (!u->rule || u->rule == R_REPEAT || u->rule == R_THRICE) &&
         !u->url && !u->bullet && u->ntok >= 1 &&
         u->ntok <= VERSE_MARK_WORDS &&
         (u->term == TERM_NONE || u->term == TERM_COLON);
}

/* What verse_scan counts: lines of verse, those that end a sentence and
 * those that open in lower case, their words and function words, and
 * stanzas. */
struct verse_tally {
  size_t lines, ends, lower, stanzas;
  uint32_t words, stop;
};

/* Stanza s counted into the tally t. */
static void add_stanza(struct verse_tally *t, const struct verse_tally *s) {
  t->lines += s->lines;
  t->ends += s->ends;
  t->lower += s->lower;
  t->words += s->words;
  t->stop += s->stop;
  t->stanzas++;
}

/* The far end of stanzas of verse from line i on (dir -1: up to lim, +1:
 * down to lim): stanzas of two lines or more (chorus_line) with marks
 * of a song's parts ("[Chorus]") or a block's end between them, counted
 * into *t. SIZE_MAX when there are none. */
static size_t verse_scan(const struct chrome_doc *d, size_t i, int dir,
                         size_t lim, struct verse_tally *t) {
  size_t far = SIZE_MAX, k = i, last = SIZE_MAX;
  struct verse_tally s = {0, 0, 0, 0, 0, 0}; /* the stanza's */
  /* the first stanza may be one line: the rest of the article's own last
   * (first) stanza, its block the same as the article's line next to i */
  size_t min1 = t->lines && (dir < 0 || i > 0) &&
                        d->units[i].blk ==
                            d->units[i - (size_t)(ptrdiff_t)dir].blk
                    ? 1
                    : 2;
  for (;; k += (size_t)(ptrdiff_t)dir) {
    const struct chrome_unit *u = &d->units[k];
    bool line = verse_semi(d, u) && !verse_mark(u) && !box_row(d, k);
    if (!line && k == i && k != lim && verse_mark(u))
      continue; /* (a mark next to the article: "[Chorus]") */
    bool apart = line && s.lines > 0 && u->blk != d->units[last].blk;
    if (!line || apart) { /* a stanza ends: two lines or more */
      if (s.lines < min1)
        break;
      min1 = 2;
      add_stanza(t, &s);
      far = last;
      s = (struct verse_tally){0, 0, 0, 0, 0, 0};
      if (!line && !verse_mark(u))
        break; /* (a mark goes on to the next stanza, as a block does) */
    }
    if (line) {
      s.lines++;
      s.ends += u->term == TERM_SENT;
      s.lower += (unsigned)(d->text.data[u->off] - 'a') < 26;
      s.words += u->words;
      s.stop += u->stop;
      last = k;
    }
    if (k == lim) {
      if (s.lines >= 2) {
        add_stanza(t, &s);
        far = last;
      }
      break;
    }
  }
  return far;
}

/* The far end of a song's lyrics or a poem from line i on (verse_scan;
 * *t may hold the article's own first or last lines of verse): VERSE_RUN
 * lines or more, rich in function words, half of them without a
 * sentence's end or a quarter opening in lower case ("and the sky is
 * ..."); the mark over the first stanza is theirs too. SIZE_MAX when
 * there are none. */
static size_t verse_reach(const struct chrome_doc *d, size_t i, int dir,
                          size_t lim, struct verse_tally *t) {
  size_t far = verse_scan(d, i, dir, lim, t);
  if (far == SIZE_MAX || t->lines < VERSE_RUN ||
      (2 * t->ends > t->lines && 4 * t->lower < t->lines) ||
      100u * t->stop < VERSE_DENSITY * t->words)
    return SIZE_MAX;
  size_t m = far + (size_t)(ptrdiff_t)dir; /* (its first mark) */
  bool in = dir < 0 ? far > lim : far < lim;
  return dir < 0 && in && verse_mark(&d->units[m]) ? m : far;
}

/* A page whose text is a song's lyrics alone (no prose: no stretch):
 * the first lyrics before c (verse_reach) in two stanzas or more (marks
 * or blocks between them) are its article [*a, *b]. */
static NOINLINE bool lyrics_only(const struct chrome_doc *d, size_t c, size_t *a,
                        size_t *b) {
  for (size_t i = 0; i < c; i++) {
    const struct chrome_unit *u = &d->units[i];
    if (!chorus_line(u) || verse_mark(u) || box_row(d, i))
      continue;
    struct verse_tally t = {0, 0, 0, 0, 0, 0};
    size_t e = verse_reach(d, i, 1, c - 1, &t);
    if (e != SIZE_MAX && t.stanzas >= 2) {
      *a = i > 0 && verse_mark(&d->units[i - 1]) ? i - 1 : i;
      *b = e;
      return true;
    }
    while (i + 1 < c && chorus_line(&d->units[i + 1]) &&
           !verse_mark(&d->units[i + 1]) && !box_row(d, i + 1))
      i++; /* (past this run's lines) */
  }
  return false;
}

/* The article [a, b] taken over the verse right above it (a song's
 * lyrics over its story, a poem whose first lines scored low): the
 * verse its own first lines go on with counts too. Returns the new a. */
static NOINLINE size_t verse_over(const struct chrome_doc *d, size_t a, size_t b) {
  if (a == 0)
    return a;
  struct verse_tally t = {0, 0, 0, 0, 0, 0};
  verse_scan(d, a, 1, b, &t);
  size_t v = verse_reach(d, a - 1, -1, 0, &t);
  return v != SIZE_MAX ? v : a;
}

/* The same under it, before c: returns the new b. */
static NOINLINE size_t verse_under(const struct chrome_doc *d, size_t a, size_t b,
                          size_t c) {
  if (b + 1 >= c)
    return b;
  struct verse_tally t = {0, 0, 0, 0, 0, 0};
  verse_scan(d, b, -1, a, &t);
  size_t v = verse_reach(d, b + 1, 1, c - 1, &t);
  return v != SIZE_MAX ? v : b;
}

/* Lines found three times or more in [from, to) that are a song's
 * chorus stay: the lyrics repeat it. Its run of lines of verse and marks
 * between them holds VERSE_RUN lines or more, VERSE_LINES of them found
 * once (its verses), two found thrice at least, rich in function words. */
static NOINLINE void keep_chorus(struct chrome_doc *d, size_t from, size_t to) {
  for (size_t i = from; i < to; i++) {
    if (d->units[i].rule != R_THRICE)
      continue;
    size_t s = i, e = i + 1;
    while (s > from && (chorus_line(&d->units[s - 1]) ||
                        verse_mark(&d->units[s - 1])))
      s--;
    while (e < to && (chorus_line(&d->units[e]) || verse_mark(&d->units[e])))
      e++;
    uint32_t words = 0, stop = 0, lines = 0, thrice = 0, once = 0;
    for (size_t k = s; k < e; k++) {
      const struct chrome_unit *u = &d->units[k];
      if (verse_mark(u))
        continue;
      lines++;
      words += u->words;
      stop += u->stop;
      thrice += u->rule == R_THRICE;
      once += !u->rule && !u->dup;
    }
    if (lines >= VERSE_RUN && thrice >= 2 && once >= VERSE_LINES &&
        100u * stop >= VERSE_DENSITY * words)
      for (size_t k = s; k < e; k++)
        if (d->units[k].rule == R_THRICE || d->units[k].rule == R_REPEAT)
          d->units[k].rule = NULL;
    i = e - 1;
  }
}

/* An interview's turn: a speaker's label of 1 to 3 words and a colon
 * ("Q: ...", "Jane Doe: ..."), then text; its label's length, or 0. */
#define TURN_LABEL_BYTES 32
static size_t turn_label(const struct chrome_doc *d, const struct chrome_unit *u,
                         size_t *from) {
  if (u->rule || u->bullet || u->url || u->widget || u->seps)
    return 0;
  const char *p = d->text.data + u->off;
  size_t i = indentation(p, u->len), spaces = 0;
  *from = i;
  if (i >= u->len || !is_upper_ascii(p[i]))
    return 0;
  size_t lim = u->len - i < TURN_LABEL_BYTES ? u->len - i : TURN_LABEL_BYTES;
  if (!memchr(p + i, ':', lim)) /* (most lines) */
    return 0;
  for (size_t k = i; k < u->len && k - i < TURN_LABEL_BYTES; k++) {
    unsigned char c = (unsigned char)p[k];
    if (c == ':')
      return k + 1 < u->len && p[k + 1] == ' ' && k + 2 < u->len ? k - i : 0;
    if (c == ' ' && ++spaces > 2)
      return 0;
    if (c != ' ' && c != '.' && c != '-' && c != '\'' && c < 0x80 &&
        !is_upper_ascii((char)c) && !is_lower_ascii((char)c))
      return 0;
  }
  return 0;
}

/* A run of DIALOGUE_LINES or more turns by at most DIALOGUE_SPEAKERS
 * speakers between prose: the interview itself, not chrome. (A box of
 * facts has a new label on each line.) */
#define DIALOGUE_LINES 4
#define DIALOGUE_SPEAKERS 3
static size_t dialogue_end(const struct chrome_doc *d, size_t s) {
  size_t off[DIALOGUE_SPEAKERS], len[DIALOGUE_SPEAKERS], nsp = 0, j = s;
  for (; j < d->nunits; j++) {
    size_t from, n = turn_label(d, &d->units[j], &from);
    if (!n)
      break;
    const char *l = d->text.data + d->units[j].off + from;
    size_t k = 0;
    while (k < nsp && !(len[k] == n && !memcmp(d->text.data + off[k], l, n)))
      k++;
    if (k == nsp) {
      if (nsp == DIALOGUE_SPEAKERS)
        break;
      off[nsp] = (size_t)(l - d->text.data);
      len[nsp++] = n;
    }
  }
  return j - s >= DIALOGUE_LINES ? j : s;
}

/* A game's line in a list of results or fixtures: two sides and a score
 * between them or after each ("Leeds 3-2 Burnley", "Ashton v Northgate",
 * "Millbrook 0 Rovers 1"). */
#define FIXTURE_WORDS 8
static HOT_INLINE bool fixture_form(const struct chrome_unit *u) {
  return !(u->rule || u->bullet || u->url || u->widget || u->seps ||
           u->term != TERM_NONE || u->words < 2 || u->words > FIXTURE_WORDS);
}
/* fixture_line past fixture_form (out of line: most lines fail it). */
static NOINLINE bool fixture_bytes(const struct chrome_doc *d,
                                   const struct chrome_unit *u) {
  const char *p = d->text.data + u->off;
  size_t i = indentation(p, u->len), n = u->len;
  if (i >= n || !is_upper_ascii(p[i]))
    return false;
  unsigned numbers = 0;
  for (size_t k = i + 1; k + 1 < n; k++) {
    if (p[k] != ' ')
      continue;
    if ((k + 2 < n && p[k + 1] == 'v' && p[k + 2] == ' ') ||
        (k + 3 < n && p[k + 1] == 'v' && p[k + 2] == 's' &&
         (p[k + 3] == ' ' || p[k + 3] == '.')))
      return true;
    size_t e = k + 1;
    while (e < n && (unsigned)(p[e] - '0') < 10)
      e++;
    if (e == k + 1 || e - k > 3)
      continue;
    if (e + 2 < n && p[e] == '-' && (unsigned)(p[e + 1] - '0') < 10) {
      size_t f = e + 1;
      while (f < n && (unsigned)(p[f] - '0') < 10)
        f++;
      if (f + 1 < n && p[f] == ' ' && is_upper_ascii(p[f + 1]))
        return true; /* a score between the sides */
    }
    if (e == n || (p[e] == ' ' && e + 1 < n && is_upper_ascii(p[e + 1])))
      numbers++; /* a side's goals */
  }
  return numbers == 2 && (unsigned)(p[n - 1] - '0') < 10;
}
static HOT_INLINE bool fixture_line(const struct chrome_doc *d,
                                    const struct chrome_unit *u) {
  return fixture_form(u) && fixture_bytes(d, u);
}

/* FIXTURE_LINES or more games' lines between prose, perhaps under short
 * headings ("Results", "Postponed"), score 0: the report's data. */
#define FIXTURE_LINES 3
#define FIXTURE_HEAD_WORDS 3
static size_t fixtures_end(const struct chrome_doc *d, size_t s) {
  size_t j = s, games = 0;
  for (; j < d->nunits; j++) {
    const struct chrome_unit *u = &d->units[j];
    if (fixture_line(d, u))
      games++;
    else if (u->rule || u->cls != CL_SHORT || u->words > FIXTURE_HEAD_WORDS ||
             !no_end(u) || j + 1 >= d->nunits ||
             !fixture_line(d, &d->units[j + 1]))
      break;
  }
  return games >= FIXTURE_LINES ? j : s;
}

/* Verse, an interview's turns or games' lines right after prose (or
 * after prose and a title) and before prose: their lines score 0. */
static NOINLINE void score_forms(struct chrome_doc *d) {
  for (size_t i = 1; i < d->nunits; i++) {
    const struct chrome_unit *q = &d->units[i - 1];
    if (q->rule || (q->cls != CL_GOOD && q->cls != CL_NEAR))
      continue; /* (most lines: no prose before) */
    for (size_t s = i; s <= i + 1 && s < d->nunits; s++) {
      if (s > i && (d->units[i].rule || d->units[i].cls != CL_SHORT))
        break; /* (only a title between) */
      /* (a verse line is short) */
      size_t j = d->units[s].cls == CL_SHORT ? verse_end(d, s) : s;
      j = j > s ? j : dialogue_end(d, s);
      j = j > s ? j : fixtures_end(d, s);
      if (j == s || j >= d->nunits || !prose_near(d, j, 1))
        continue;
      for (size_t k = s; k < j; k++)
        if (d->units[k].score < 0)
          d->units[k].score = 0;
      i = j - 1; /* (the loop's step goes to j) */
      break;
    }
  }
}

/* Whether a line starts (after spaces) with a quotation mark. */
static bool opens_quote(const char *p, size_t n) {
  size_t i = 0;
  while (i < n && p[i] == ' ')
    i++;
  return has_prefix(p + i, n - i, "\xe2\x80\x9c") || /* left double */
         has_prefix(p + i, n - i, "\xe2\x80\x9e") || /* low double */
         has_prefix(p + i, n - i, "\xc2\xab") || (i < n && p[i] == '"');
}

/* A dash and a name after a quotation ("- Jane D."): the quote's
 * attribution, not a link of a menu. */
static bool is_attribution(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i], *q = &d->units[i - 1];
  if (!u->bullet || u->url || u->widget || u->seps || u->words > 6 ||
      u->rule || (q->cls != CL_GOOD && q->cls != CL_NEAR))
    return false;
  const char *p = d->text.data + u->off;
  size_t lead = indentation(p, u->len);
  bool dash = has_prefix(p + lead, u->len - lead, "\xe2\x80\x93") ||
              has_prefix(p + lead, u->len - lead, "\xe2\x80\x94") ||
              has_prefix(p + lead, u->len - lead, "- ");
  return dash && opens_quote(d->text.data + q->off, q->len);
}

/* An item of a list of quantities ("- 2 cups of flour"): a bullet, a
 * number that is not a year, words in lower case (a headline's are
 * capitalised); data, not a link. */
static HOT_INLINE bool is_quantity_item(const struct chrome_doc *d,
                             const struct chrome_unit *u) {
  if (!u->bullet || u->url || u->widget || u->seps >= 2 || u->rule ||
      u->ntok <= u->words || 2 * u->upper > u->words)
    return false;
  return has_quantity(d->text.data + u->off, u->len);
}

/* A line that ends with a CJK full stop, exclamation or question mark:
 * a sentence in a script that says in few characters what others say in
 * many. */
static HOT_INLINE bool cjk_sentence(const struct chrome_doc *d,
                         const struct chrome_unit *u) {
  const unsigned char *p = (const unsigned char *)d->text.data + u->off;
  size_t n = u->tlen;
  if (u->term != TERM_SENT || n < 3)
    return false;
  return (p[n - 3] == 0xE3 && p[n - 2] == 0x80 && p[n - 1] == 0x82) ||
         (p[n - 3] == 0xEF && p[n - 2] == 0xBC &&
          (p[n - 1] == 0x81 || p[n - 1] == 0x9F));
}

/* Whether lines i and i + 1 are rows of a table: as many separators in
 * each (two or more), and numbers that are no years in one of them (a
 * menu's lines have no numbers: "About | Contact | Privacy"). */
static HOT_INLINE bool table_rows(const struct chrome_doc *d, size_t i, size_t j) {
  const struct chrome_unit *u = &d->units[i], *v = &d->units[j];
  if (u->seps < 2 || u->seps != v->seps || u->widget || v->widget ||
      u->url || v->url || u->rule || v->rule)
    return false;
  return (u->ntok > u->words &&
          has_quantity(d->text.data + u->off, u->len)) ||
         (v->ntok > v->words && has_quantity(d->text.data + v->off, v->len));
}

/* A plain bulleted item: no link, no rule, not found twice, not a cut
 * teaser. */
static bool plain_item(const struct chrome_unit *u) {
  return u->bullet && !u->rule && !u->widget && !u->url && u->seps < 2 &&
         !u->dup && u->term != TERM_ELLIPSIS;
}

/* A plain item that reads as a fragment of prose ("• Property taxes will
 * rise by two percent next year"): several words, as many function words
 * as near-good text has, and most words in lower case (a headline in
 * title case has few: "What We Know About the Storm"; German nouns leave
 * more than half). */
static bool prose_item(const struct chrome_unit *u) {
  return plain_item(u) && u->words >= PROSE_ITEM_WORDS &&
         dense(u, NEAR_DENSITY) &&
         100u * u->upper <= PROSE_ITEM_UPPER * u->words;
}

/* Whether line i is article prose: good or near-good text, no bullet,
 * no rule, no soft phrase (a pitch: "Sign up for our newsletter ..."
 * over what it offers). */
static bool article_prose(const struct chrome_doc *d, size_t i) {
  const struct chrome_unit *u = &d->units[i];
  return !u->rule && !u->bullet && !u->soft_has &&
         (u->cls == CL_GOOD || u->cls == CL_NEAR);
}

/* How many bulleted lines there are from i on if they are a list of
 * prose: all plain, two prose items at least and three for each other
 * one ("• Fees unchanged"); else 0. A list of links has headlines or
 * names among them. *all: whether all are prose items. */
static size_t prose_run(const struct chrome_doc *d, size_t i, bool *all) {
  size_t j = i, prose = 0;
  for (; j < d->nunits && j - i < LIST_MAX && d->units[j].bullet; j++) {
    if (!plain_item(&d->units[j]))
      return 0;
    prose += prose_item(&d->units[j]);
  }
  *all = prose == j - i;
  return prose >= 2 && 3 * (j - i - prose) <= prose ? j - i : 0;
}

/* A short heading over a list of the article ("What the budget does",
 * "Key points"): no end, a few words. */
static bool prose_heading(const struct chrome_unit *u) {
  return !u->rule && !u->widget && !u->url && !u->bullet && u->seps < 2 &&
         !u->soft_has && no_end(u) && u->words >= 1 &&
         u->words <= PROSE_HEAD_WORDS;
}

/* Whether bulleted line i is an item of a list of the article: the list
 * (prose_run) follows article prose, or a short heading right after it,
 * or the item before i is one (the lines before i have their final
 * class). A heading with every word capitalised ("Story Timeline", "Next
 * Up In Science") heads lists of links more often: its list needs
 * PROSE_RUN_TITLED items, all prose items. */
static bool prose_list_at(const struct chrome_doc *d, size_t i) {
  if (i == 0)
    return false;
  const struct chrome_unit *p = &d->units[i - 1];
  bool all = false;
  if (p->bullet)
    return p->listed; /* (only this pass sets it so far) */
  if (article_prose(d, i - 1))
    return prose_run(d, i, &all) >= 2;
  if (i < 2 || !prose_heading(p) || !article_prose(d, i - 2))
    return false;
  size_t n = prose_run(d, i, &all);
  return n >= 2 && (p->words == 1 || p->upper < p->words ||
                    (n >= PROSE_RUN_TITLED && all));
}

/* Classes that the text or the neighbours of a line change: a quote's
 * attribution and bullets with quantities (two in a row) are no links; a
 * CJK sentence reads as text; so do the items of a list of prose under
 * the article's text (not a list of links: listed) and a bio's form
 * between two lines of prose ("Tom Lopez is a photographer and ..."). */
/* Also sets d->few_dups, whether good text found twice on the page is the
 * exception (captions, teasers), not the rule (a page that holds its
 * article twice): each line's class is final once its turn is past (a
 * turn writes only its own line's), and no later pass changes a class or
 * dup. */
static void classes_in_context(struct chrome_doc *d) {
  uint64_t good = 0, dup = 0;
  for (size_t i = 0; i < d->nunits; i++) {
    struct chrome_unit *u = &d->units[i];
    if (u->cls == CL_BAD) {
      if ((i > 0 && is_attribution(d, i)) ||
          (u->tlen && /* (a post's credit ends in a year: a digit) */
           (unsigned)(d->text.data[u->off + u->tlen - 1] - '0') < 10 &&
           kempt__chrome_post_credit(d->text.data + u->off, u->len)) ||
          (is_quantity_item(d, u) &&
           ((i > 0 && is_quantity_item(d, u - 1)) ||
            (i + 1 < d->nunits && is_quantity_item(d, u + 1)))) ||
          (i > 0 && table_rows(d, i - 1, i)) ||
          (i + 1 < d->nunits && table_rows(d, i, i + 1)))
        u->cls = CL_SHORT;
    } else if (u->cls == CL_SHORT && u->term == TERM_SENT && !u->rule &&
               u->chars >= CJK_NEAR_CHARS && cjk_sentence(d, u)) {
      u->cls = CL_NEAR;
    } else if (u->cls == CL_HARD && u->rule == R_BIO && between_prose(d, i)) {
      u->rule = NULL; /* a bio stands at the article's edge, not between */
      u->cls = CL_NEAR; /* two lines of prose: there it is the article's */
    }
    if (u->bullet && prose_list_at(d, i)) {
      u->listed = true;
      if (u->cls == CL_BAD || u->cls == CL_SHORT)
        u->cls = CL_NEAR;
    }
    if (u->cls == CL_GOOD) { /* as few_dups counts */
      good += u->chars;
      dup += u->dup ? u->chars : 0;
    }
  }
  d->few_dups = 10 * dup < 9 * good;
}

/* ---- sign-up pitches --------------------------------------------------- */

/* Where an empty form field ("[        ]") starts in p[0..n), or n. */
static size_t empty_field(const char *p, size_t n) {
  for (const char *q = memchr(p, '[', n); q;
       q = memchr(q + 1, '[', n - (size_t)(q + 1 - p))) {
    size_t i = (size_t)(q - p) + 1, s = i;
    while (i < n && (p[i] == ' ' || p[i] == '_'))
      i++;
    if (i < n && p[i] == ']' && i - s >= FIELD_MIN)
      return (size_t)(q - p);
  }
  return n;
}

/* A line that is an empty form field with fewer spaces than FIELD_MIN
 * (a paragraph's runs of spaces become one: "[ ]Sign Up") and its button
 * right after it, a word or two, nothing else. */
static bool short_field(const char *p, size_t n) {
  size_t i = 1;
  while (i < n && i <= FIELD_MIN && p[i] == ' ')
    i++;
  return i < n && p[i] == ']' && n - i <= SHORT_FIELD_REST && n - i > 2;
}

/* A field's button that signs up for a newsletter, in some languages. */
static bool signup_button(const char *p, size_t n) {
  static const char *const w[] = {"sign up", "signup", "subscribe", "join",
                                  "register", "anmelden", "abonn",
                                  "inscri", "suscrib", "iscriv", "aanmelden",
                                  "zapisz", "prenumerera"};
  for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
    if (find_nocase(p, n, w[i]))
      return true;
  return false;
}

/* A sign-up pitch: the line before an empty field whose button signs up
 * ("Get the day's stories in your inbox." / "[      ][Sign Up]"), or a
 * line with a chrome phrase that ends in the field itself. */
static void mark_signup(struct chrome_doc *d, size_t i) {
  struct chrome_unit *u = &d->units[i];
  const char *p = d->text.data + u->off;
  if (u->words <= 3 && p[0] == '[' && short_field(p, u->len)) {
    struct chrome_unit *v = i ? &d->units[i - 1] : NULL;
    if (v && !v->rule && v->words && v->words <= SIGNUP_WORDS &&
        signup_button(p, u->len))
      v->rule = R_SIGNUP; /* (a field whose spaces a paragraph lost) */
    return;
  }
  if (!u->widget) { /* a line of text: only a field at its end counts */
    if (u->tlen == u->len || u->words > SIGNUP_WORDS ||
        (!u->soft_has && !u->rule))
      return;
    size_t f = empty_field(p, u->len);
    if (f > 0 && f < u->len)
      u->rule = R_SIGNUP;
    return;
  }
  struct chrome_unit *v = i ? &d->units[i - 1] : NULL;
  if (!v || v->rule || v->words == 0 || v->words > SIGNUP_WORDS)
    return;
  size_t f = empty_field(p, u->len);
  if (f < u->len && /* (the line above first: one look for a field) */
      empty_field(d->text.data + v->off, v->len) == v->len &&
      signup_button(p + f, u->len - f))
    v->rule = R_SIGNUP;
}

/* A sign-up box as a page's text shows it without its form: the pitch, a
 * line that labels the e-mail field ("Enter your email address"), then
 * the button ("Subscribe"): the pitch (a line with a chrome phrase) goes
 * with them, all three as the box. Unit i is the field's label. */
static void mark_field_pitch(struct chrome_doc *d, size_t i) {
  struct chrome_unit *u = &d->units[i];
  if (i == 0 || i + 1 >= d->nunits || u->words > LABEL_WORDS)
    return;
  struct chrome_unit *b = &d->units[i + 1], *v = &d->units[i - 1];
  if (b->words == 0 || b->words > 3 || v->rule || v->words == 0 ||
      v->words > SIGNUP_WORDS || !(v->soft_has || v->hit != CK_NONE))
    return; /* (the unit tests first: the look for words costs more) */
  if (!find_nocase(d->text.data + u->off, u->len, "mail") ||
      !signup_button(d->text.data + b->off, b->len))
    return;
  v->rule = u->rule = b->rule = R_SIGNUP; /* (the box: no gap in a text) */
}

/* ---- the whole verdict ----------------------------------------------- */


/* Phrase rules of repeated lines: match_rules makes the same of the same
 * bytes (a line's features and words are its bytes', the matcher is the
 * window's) when it starts from nothing (no rule yet: mark_slug may have
 * given one), so that a line's copies take what it made. mo is the memo
 * of the line's key (its slot in the seen table). */
static bool memo_copy(const struct chrome_doc *d, struct chrome_unit *u,
                      const struct chrome_memo *mo) {
  if (!mo->unit)
    return false;
  const struct chrome_unit *v = &d->units[mo->unit - 1];
  if (v->len != u->len ||
      memcmp(d->text.data + v->off, d->text.data + u->off, u->len) != 0)
    return false; /* (the same words, other bytes) */
  u->rule = mo->rule;
  u->hit = mo->hit;
  u->about_at = mo->about_at;
  u->soft_has = mo->soft_has;
  return true;
}

static void memo_note(struct chrome_memo *mo, const struct chrome_unit *u,
                      size_t i) {
  if (mo->unit)
    return; /* (an earlier line's: the same words, other bytes) */
  mo->unit = (uint32_t)(i + 1);
  mo->rule = u->rule;
  mo->hit = u->hit;
  mo->about_at = u->about_at;
  mo->soft_has = u->soft_has;
}

/* A comment header of a name and the verb alone (R_SAYS_NAME: "Jane Doe
 * wrote:") may as well lead in a quote of the article ("Senator Hale
 * wrote:"): it is none before a line that opens a quotation, and one
 * only when the page has another header (nsays: its headers). */
static void says_names(struct chrome_doc *d, size_t nsays) {
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < d->nunits; i++) {
      struct chrome_unit *u = &d->units[i];
      if (u->rule != R_SAYS_NAME)
        continue;
      size_t j = i + 1;
      while (j < d->nunits && d->units[j].chars == 0)
        j++;
      if (pass ? nsays < 2
               : j < d->nunits && opens_quote(d->text.data + d->units[j].off,
                                              d->units[j].len)) {
        u->rule = NULL;
        u->hit = CK_NONE;
        nsays--;
      }
    }
}

/* The hits that mark_lists and cut_at look for. */
#define MARKER_HITS                                                   \
  ((1u << CK_LIST) | (1u << CK_CUT) | (1u << CK_SAYS) | (1u << CK_ABOUT))

enum kempt_status kempt__chrome_classify(struct chrome_doc *d,
                                        const struct chrome_rules *r,
                                        const struct kempt_allocator *a) {
  enum kempt_lang lang = kempt__lang_best(&d->lang);
  const struct matcher any = {r, ~0u, 0, NULL, NULL};
  struct matcher m = {r, kempt__chrome_rule_langs(lang), ~0u, &any, d->hsw};
  bool nolang = lang == KEMPT_LANG_NONE &&
                d->lang.stop * 20 < d->lang.words;
  enum kempt_status st = seen_table(d, a);
  if (st != KEMPT_OK)
    return st;
  d->list_end = d->cut_end = d->cut_from = 0;
  size_t nsays = 0, says_name = 0; /* comment headers (says_names) */
  size_t btn_a = 0, btn_b = 0, gal_a = 0, gal_b = 0; /* (d's) */
  { /* how often each text is found (mark_repeats): seen_slot's probe,
     * with the table in locals (the stores of a unit's bytes may alias
     * d's fields: they would be read again for each line) */
    struct chrome_unit *units = d->units;
    uint64_t *seen = d->seen;
    uint32_t *seen_n = d->seen_n;
    struct chrome_memo *memo = d->memo;
    size_t mask = d->seen_mask, nu = d->nunits;
    for (size_t i = 0; i < nu; i++) {
      struct chrome_unit *u = &units[i];
      uint64_t key = u->key;
      if (!key)
        continue;
      size_t j = (size_t)key & mask;
      while (seen_n[j] && seen[j] != key)
        j = (j + 1) & mask;
      seen[j] = key;
      if (!seen_n[j])
        memo[j].unit = 0; /* (a new key) */
      seen_n[j]++;
      u->seen_at = (uint32_t)j;
    }
  }
  for (size_t i = 0; i < d->nunits; i++) {
    struct chrome_unit *u = &d->units[i];
    const char *p = d->text.data + u->off;
    if (u->retok && u->tok != CHROME_NO_TOK) {
      size_t total = u->ntok, nt = total < CHROME_MAXTOK ? total : CHROME_MAXTOK;
      struct chrome_memo *mo = /* (a line found twice or more) */
          u->key && d->seen_n[u->seen_at] > 1 && !u->rule
              ? &d->memo[u->seen_at]
              : NULL;
      const struct chrome_tok *t = d->toks + u->tok;
      if (!mo || !memo_copy(d, u, mo)) {
        match_rules(u, &m, p, t, nt, total, u->hs);
        if (mo)
          memo_note(mo, u, i);
      }
      u->btn = u->words && /* (its first word, its second after a number) */
               kempt__chrome_btn_kinds(kempt__chrome_may_start_kinds(
                   r, t[!t[0].alpha && u->ntok > 1].h)) &&
               kempt__chrome_btn_form(u) && kempt__chrome_buttons(d, u, r);
    } else {
      if (u->retok) {
        struct chrome_tok t[CHROME_MAXTOK];
        size_t total, nt = kempt__chrome_tokens(p, u->len, t, CHROME_MAXTOK,
                                                &total, d->cp);
        match_rules(u, &m, p, t, nt, total, hs_words(r, t, nt));
      } else if (u->ntok) {
        match_long(u, &m, p);
      }
      u->btn = kempt__chrome_btn_form(u) && /* (its words not kept) */
               kempt__chrome_buttons(d, u, r);
    }
    if (u->btn) {
      btn_a = btn_b ? btn_a : i;
      btn_b = i + 1;
    }
    if (kempt__chrome_counter_form(u) && /* (for kempt__chrome_gallery) */
        kempt__chrome_counter_line(p, u->len)) {
      gal_a = gal_b ? gal_a : i;
      gal_b = i + 1;
    }
    if (!u->rule && u->len && p[u->len - 1] == ']')
      mark_slug(d, i);
    if (!u->rule && u->len >= 4 &&
        ((unsigned)(p[0] - '0') < 10 ||
         (u->ntok > u->words && u->words <= 2)) &&
        gallery_counter(p, u->len))
      u->rule = R_CAPTION;
    if (d->nremoved && d->blks[u->blk].rule)
      u->rule = d->blks[u->blk].rule;
    if (u->widget || u->soft_has || u->hit == CK_HAS ||
        (p[0] == '[' && u->words <= 3))
      mark_signup(d, i);
    if (u->hit == CK_LINE)
      mark_field_pitch(d, i);
    if ((1u << u->hit) & MARKER_HITS) { /* (no later pass sets hit) */
      if (u->hit == CK_LIST)
        d->list_end = i + 1;
      else { /* CK_CUT, CK_SAYS, CK_ABOUT */
        d->cut_from = d->cut_end ? d->cut_from : i;
        d->cut_end = i + 1;
      }
      if (u->hit == CK_SAYS) {
        nsays++;
        says_name += u->rule == R_SAYS_NAME;
      }
    }
  }
  d->btn_a = btn_a;
  d->btn_b = btn_b;
  d->gal_a = gal_a;
  d->gal_b = gal_b;
  nsays = kempt__chrome_comments(d, r, m.langs, R_SAYS_NAME, nsays);
  kempt__chrome_gallery(d);
  if (says_name)
    says_names(d, nsays);
  keep_year_rows(d);
  mark_figures(d);
  mark_label_values(d);
  mark_repeats(d);
  mark_lists(d, nolang,
             lang == KEMPT_LANG_NONE ? 0 : 1u << ((unsigned)lang - 1));
  struct chrome_unit *units = d->units; /* (locals: a unit's byte stores */
  const char *text = d->text.data;      /* may alias d's fields) */
  size_t nu = d->nunits;
  bool weak = lang == KEMPT_LANG_NONE || /* (or a language guessed from */
              100u * (uint64_t)d->lang.stop < /* few words) */
                  WEAK_LANG * (uint64_t)d->lang.words;
  for (size_t i = 0; i < nu; i++) {
    struct chrome_unit *u = &units[i];
    if (!u->rule && u->words < 12 && !u->widget && u->seps < 2 &&
        !thai_paragraph(u, text))
      u->url = has_url(text + u->off, u->len); /* see link_like */
    u->cls = class_of(u, nolang);
    if (u->cls == CL_SHORT && u->term == TERM_NONE && !u->rule &&
        u->chars >= THAI_PROSE && thai_end(text + u->off, u->tlen) &&
        !thai_headline(d, i))
      u->cls = u->words >= 2 ? CL_GOOD : CL_NEAR; /* Thai and Lao end a
                                                     sentence with no mark,
                                                     and a space parts two */
    if (u->cls == CL_SHORT && !u->rule && dense_sentence(u, text))
      u->cls = CL_NEAR;
    if (weak && (u->cls == CL_NEAR || u->cls == CL_SHORT) &&
        few_stops(u, u->cls == CL_NEAR)) {
      uint8_t c = class_nolang(u); /* (a language without a list) */
      if (c == CL_GOOD || u->cls == CL_SHORT)
        u->cls = c;
    }
  }
  classes_in_context(d);
  soft_topic(d, &m);
  bool dups = d->few_dups;
  size_t evidence = 0; /* for looks_clean */
  size_t intro_from = SIZE_MAX, intro_to = 0; /* for score_intro_lists */
  size_t first_prose = SIZE_MAX; /* for inline_teaser */
  for (size_t i = 0; i < nu; i++) {
    struct chrome_unit *u = &units[i];
    if (evidence * CLEAN_RATIO <= nu) /* (past that, not clean: */
      evidence += clean_evidence(u);  /* looks_clean's answer is known) */
    if (u->term == TERM_COLON && intro_line(d, i)) { /* (its first test) */
      intro_to = i + 1;
      intro_from = intro_from < intro_to ? intro_from : i;
    }
    if (!u->rule && u->words <= PULL_WORDS && u->words >= 4 &&
        open_quote(text + u->off, u->len) && pull_quote(d, i))
      u->rule = R_PULLQUOTE;
    u->score = score_of(u);
    if (u->score < -SHORT_BASE && ((1u << u->hit) & TEASER_HITS) &&
        !teased_summary(d, i) && !teased_pairs(d, i, nolang) &&
        inline_teaser(d, i, &first_prose, nolang))
      u->score = -SHORT_BASE; /* (it goes; the article goes on) */
    if (u->score > 0 && cjk_sentence(d, u))
      u->score *= CJK_WEIGHT; /* a character says more there */
    if (u->score > 0 && i * 10 >= nu * 9)
      u->score /= TAIL_DIV;
    if (u->score > 0 && u->dup && dups)
      u->score = -u->score / DUP_DIV;
  }
  score_intro_lists(d, intro_from, intro_to);
  score_forms(d);
  judge(d, nolang, evidence);
  kempt__chrome_edges(d, r, m.langs);
#ifdef CHROME_DEBUG
  debug_dump(d);
#endif
  return KEMPT_OK;
}
