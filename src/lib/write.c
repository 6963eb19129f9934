/* write.c - the paragraph writer, the end of every pipeline.
 *
 * Each kept block becomes a paragraph: white space at the ends of its lines
 * is trimmed, the indentation its lines share is removed, and paragraphs
 * are separated by exactly one blank line. Removed blocks are dropped, or
 * written with a "[kempt:removed RULE] " prefix on each line when the
 * option keep-chrome=mark is set. The framing adds the final newline.
 *
 * Output is gathered in a buffer and handed on in large pieces (and at the
 * end of each document), not line by line: the way to the user's callback
 * is a few calls long. A block none of whose lines needs trimming - the
 * common case - is copied whole.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "internal.h"
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define WRITE_SSE2 1
#endif

/* The pieces handed on are up to OUT_SIZE bytes (kempt(1) writes a piece
 * of an eighth of its own buffer or more straight out, without a copy);
 * OUT_PACED when explain events are listened to, so that the text comes
 * out among them as it always did. */
#define OUT_SIZE 65536
#define OUT_PACED 16384

struct writer {
  const struct kempt_env *env;
  bool mark;    /* keep-chrome=mark */
  bool started; /* a paragraph of this document was written */
  size_t cap;   /* of out: OUT_SIZE, or OUT_PACED */
  size_t nout;
  char *out; /* OUT_SIZE bytes (not in the state, which is zeroed) */
};

static enum kempt_status flush(struct writer *w) {
  size_t n = w->nout;
  w->nout = 0;
  return kempt__emit(w->env, w->out, n);
}

static enum kempt_status put_flush(struct writer *w, const char *p, size_t n);

/* Output p[0..n): into the buffer, or straight on when it is large. */
static inline enum kempt_status put(struct writer *w, const char *p, size_t n) {
  if (w->nout + n > w->cap)
    return put_flush(w, p, n);
  memcpy(w->out + w->nout, p, n);
  w->nout += n;
  return KEMPT_OK;
}

/* put() of bytes the buffer has no room for: it is flushed first. */
__attribute__((noinline)) static enum kempt_status
put_flush(struct writer *w, const char *p, size_t n) {
  enum kempt_status s = flush(w);
  if (s != KEMPT_OK)
    return s;
  if (n > w->cap / 2)
    return kempt__emit(w->env, p, n);
  memcpy(w->out + w->nout, p, n);
  w->nout += n;
  return KEMPT_OK;
}

/* Past the spaces and tabs at the start of p[0..n): sixteen bytes at
 * once inline (an indentation is seldom longer). */
static inline size_t skip_blanks(const char *p, size_t n) {
#ifdef WRITE_SSE2
  if (n >= 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    unsigned other = (unsigned)_mm_movemask_epi8(
                         _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')),
                                      _mm_cmpeq_epi8(v, _mm_set1_epi8('\t')))) ^
                     0xFFFFu;
    return other ? (unsigned)__builtin_ctz(other) : kempt__skip_blanks(p, 16, n);
  }
#endif
  size_t i = 0;
  while (i < n && (p[i] == ' ' || p[i] == '\t'))
    i++;
  return i;
}

/* Bytes of horizontal white space (space, tab, NBSP) at the start of p;
 * *nbsp tells whether an NBSP was among them. */
static inline size_t lead_space(const char *p, size_t n, bool *nbsp) {
  *nbsp = false;
  if (!n || (p[0] != ' ' && p[0] != '\t' && (unsigned char)p[0] != 0xC2))
    return 0; /* most lines */
  for (size_t i = skip_blanks(p, n);;) {
    if (i + 1 >= n || (unsigned char)p[i] != 0xC2 ||
        (unsigned char)p[i + 1] != 0xA0)
      return i;
    *nbsp = true;
    i = kempt__skip_blanks(p, i + 2, n);
  }
}

/* Bytes of the leading white space of p to cut for an indentation of
 * indent bytes: whole characters only (a tab is 1 byte, an NBSP 2). */
static size_t indent_cut(const char *p, size_t lead, size_t indent) {
  size_t i = 0;
  while (i < lead && i < indent) {
    size_t w = p[i] == ' ' || p[i] == '\t' ? 1 : 2;
    if (i + w > indent)
      break;
    i += w;
  }
  return i;
}

/* Length of p without horizontal white space at its end. */
static inline size_t trim_end(const char *p, size_t n) {
  while (n) {
    unsigned char c = (unsigned char)p[n - 1];
    if (c == ' ' || c == '\t')
      n--;
    else if (c == 0xA0 && n >= 2 && (unsigned char)p[n - 2] == 0xC2)
      n -= 2;
    else
      break;
  }
  return n;
}

static enum kempt_status put_line(struct writer *w, const char *p, size_t n,
                                  const struct kempt_block *b) {
  enum kempt_status s = KEMPT_OK;
  if (b->flags & KEMPT_BLOCK_REMOVED) {
    const char *rule = b->rule ? b->rule : "removed";
    s = put(w, "[kempt:removed ", 15);
    if (s == KEMPT_OK)
      s = put(w, rule, strlen(rule));
    if (s == KEMPT_OK)
      s = put(w, "] ", 2);
  }
  return s == KEMPT_OK ? put(w, p, n) : s;
}

/* What the first pass learns of a line, kept for the second. */
#define LINE_CACHE 64
struct line_info {
  size_t len, lead;
  bool nbsp;
};

/* Line number k of the block at p (of n bytes left): from the cache, or
 * measured again past its end. */
static size_t line_at(const char *p, size_t n, const struct line_info *li,
                      size_t nli, size_t k, size_t *lead, bool *nbsp) {
  if (k < nli) {
    *lead = li[k].lead;
    *nbsp = li[k].nbsp;
    return li[k].len;
  }
  const char *nl = memchr(p, '\n', n);
  size_t len = nl ? (size_t)(nl - p) : n;
  *lead = lead_space(p, len, nbsp);
  return len;
}

/* Write the block's lines, trimmed, without the indentation they share
 * (the smallest of its non-blank lines); blank lines inside are dropped. */
static enum kempt_status put_block(struct writer *w,
                                   const struct kempt_block *b) {
  struct line_info li[LINE_CACHE];
  size_t nli = 0, best = SIZE_MAX;
  const char *p = b->text;
  size_t n = b->len;
  while (n) {
    const char *nl = memchr(p, '\n', n);
    size_t len = nl ? (size_t)(nl - p) : n;
    bool nbsp;
    size_t lead = lead_space(p, len, &nbsp);
    if (nli < LINE_CACHE)
      li[nli++] = (struct line_info){len, lead, nbsp};
    if (lead < len && lead < best)
      best = lead;
    size_t step = nl ? len + 1 : len;
    p += step;
    n -= step;
  }
  size_t indent = best == SIZE_MAX ? 0 : best;
  enum kempt_status s = KEMPT_OK;
  p = b->text;
  n = b->len;
  for (size_t k = 0; n && s == KEMPT_OK; k++) {
    size_t lead;
    bool nbsp;
    size_t len = line_at(p, n, li, nli, k, &lead, &nbsp);
    size_t cut = nbsp ? indent_cut(p, lead, indent)
                      : lead < indent ? lead : indent;
    size_t end = trim_end(p, len);
    if (end > lead && !(b->flags & KEMPT_BLOCK_REMOVED) &&
        w->nout + 1 + (end - cut) <= w->cap) { /* the common case */
      if (w->started)
        w->out[w->nout++] = '\n';
      size_t m = end - cut;
      char *d = w->out + w->nout;
      if (m <= 32 && w->cap - w->nout >= 32 &&
          (size_t)(b->text + b->len - (p + cut)) >= 32) {
        memcpy(d, p + cut, 16); /* a short line: no call, both have room */
        memcpy(d + 16, p + cut + 16, 16);
      } else {
        memcpy(d, p + cut, m);
      }
      w->nout += m;
      w->started = true;
    } else if (end > lead) {
      if (w->started && w->nout < w->cap)
        w->out[w->nout++] = '\n';
      else if (w->started)
        s = put(w, "\n", 1);
      if (s == KEMPT_OK)
        s = put_line(w, p + cut, end - cut, b);
      w->started = true;
    }
    size_t step = len < n ? len + 1 : len;
    p += step;
    n -= step;
  }
  return s;
}

static bool block_is_blank(const struct kempt_block *b) {
  const char *p = b->text;
  for (size_t i = 0; i < b->len; i++)
    if (!kempt__is_space((unsigned char)p[i]) &&
        !((unsigned char)p[i] == 0xC2 && i + 1 < b->len &&
          (unsigned char)p[++i] == 0xA0))
      return false;
  return true;
}

/* What plain_block() finds of a block. */
enum plain { PLAIN, NOT_BLANK, MAYBE_BLANK };

/* PLAIN when every line of p[0..n) is written as it is: not empty, no
 * white space at either end (so no indentation either), and not starting
 * with any white space (so the block is not blank). Otherwise NOT_BLANK
 * when a line seen starts with a byte that block_is_blank() stops at (so
 * the block is not blank), MAYBE_BLANK when the first one does not. */
static enum plain plain_block(const char *p, size_t n) {
  for (enum plain found = MAYBE_BLANK;; found = NOT_BLANK) {
    if (n == 0 || kempt__is_space((unsigned char)p[0]) ||
        (n > 1 && (unsigned char)p[0] == 0xC2 &&
         (unsigned char)p[1] == 0xA0))
      return found;
    const char *nl = memchr(p, '\n', n);
    size_t len = nl ? (size_t)(nl - p) : n;
    if (trim_end(p, len) != len)
      return NOT_BLANK;
    if (!nl)
      return PLAIN;
    p += len + 1;
    n -= len + 1;
  }
}

/* A block that is written (out of line: most blocks of a page are
 * removed ones that write_block() drops at once). */
__attribute__((noinline)) static enum kempt_status
write_kept(struct writer *w, const struct kempt_block *b) {
  enum kempt_status s = KEMPT_OK;
  enum plain pl = MAYBE_BLANK;
  if (!(b->flags & KEMPT_BLOCK_REMOVED) &&
      (pl = plain_block(b->text, b->len)) == PLAIN) {
    if (w->started && w->nout + 2 <= w->cap) { /* the common case */
      w->out[w->nout++] = '\n';
      w->out[w->nout++] = '\n';
    } else if (w->started) {
      s = put(w, "\n\n", 2);
    }
    w->started = true;
    return s == KEMPT_OK ? put(w, b->text, b->len) : s;
  }
  if (pl == MAYBE_BLANK && block_is_blank(b))
    return KEMPT_OK;
  if (w->started && w->nout < w->cap)
    w->out[w->nout++] = '\n';
  else if (w->started)
    s = put(w, "\n", 1);
  return s == KEMPT_OK ? put_block(w, b) : s;
}

/* Removed blocks, most of them dropped, take no more than a look. */
static enum kempt_status write_block(void *st, const struct kempt_block *b) {
  struct writer *w = st;
  if ((b->flags & KEMPT_BLOCK_REMOVED) && !w->mark)
    return KEMPT_OK;
  return write_kept(w, b);
}

static enum kempt_status write_finish(void *st) {
  struct writer *w = st;
  w->started = false;
  return flush(w);
}

static void write_reset(void *st) {
  struct writer *w = st;
  w->started = false;
  w->nout = 0;
}

static enum kempt_status write_init(void *st, const struct kempt_env *env) {
  struct writer *w = st;
  w->env = env;
  w->out = kempt__malloc(env->alloc, OUT_SIZE);
  if (!w->out)
    return KEMPT_ERR_NOMEM;
  w->cap = env->report->event ? OUT_PACED : OUT_SIZE;
  w->mark = strcmp(kempt__opt_str(env->cfg, "keep-chrome", "drop"), "mark") == 0;
  return KEMPT_OK;
}

static void write_fini(void *st) {
  struct writer *w = st;
  kempt__free(w->env->alloc, w->out);
  w->out = NULL;
}

const struct kempt_stage_ops kempt__write_ops = {
    {"write", "blocks to paragraphs separated by one blank line", 0},
    true,
    false,
    sizeof(struct writer),
    NULL,
    write_init,
    NULL,
    write_block,
    write_finish,
    write_reset,
    write_fini};
