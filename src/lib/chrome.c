/* chrome.c - the chrome stage: drop site chrome, keep the article.
 *
 * The stage holds the blocks of a document (up to a cap: CHROME_CAP_BYTES
 * of text, CHROME_CAP_UNITS lines), then decides line by line
 * (chrome_class.c) what is article and what is chrome, and emits the
 * blocks again: a block whose lines are all kept goes out as it came; a
 * block with removed lines is cut into runs of kept and removed lines.
 * Removed runs go downstream flagged KEMPT_BLOCK_REMOVED with a static
 * rule name (the writer drops them, or marks them with keep-chrome=mark),
 * and each is reported through kempt__change. The title line is flagged
 * KEMPT_BLOCK_TITLE. Over the cap, the held part is decided and emitted
 * as a window; a cut-off marker seen in one window still holds in the
 * next.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "chrome_int.h"
#include "kempt_chrome.h"

#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#endif

#define CHROME_CAP_BYTES (8u << 20)
#define CHROME_CAP_UNITS 20000u
#define CHROME_PAD CHROME_LEX_PAD /* readable bytes after the held text */

struct chrome {
  const struct kempt_env *env;
  const struct chrome_rules *rules; /* the built-in ones, or *own */
  struct chrome_rules *own; /* built-in + --rules files, or NULL: none
                               (allocated for them: some 50 KB that the
                               state, which is zeroed, need not hold) */
  struct chrome_doc doc;
  uint64_t out_index; /* blocks emitted in this document */
};

static enum kempt_status grow_array(const struct kempt_allocator *a,
                                    void **arr, size_t *cap, size_t need,
                                    size_t size) {
  if (need <= *cap)
    return KEMPT_OK;
  size_t n = *cap ? *cap : 64;
  while (n < need)
    n *= 4; /* (fewer copies of a long document's lines) */
  void *p = kempt__realloc(a, *arr, n * size);
  if (!p)
    return KEMPT_ERR_NOMEM;
  *arr = p;
  *cap = n;
  return KEMPT_OK;
}

/* Emit units [from, to) of block k as one block. */
static enum kempt_status emit_run(struct chrome *c, const struct chrome_blk *k,
                                  size_t from, size_t to) {
  const struct chrome_doc *d = &c->doc;
  const struct chrome_unit *u = &d->units[from], *last = &d->units[to - 1];
  struct kempt_block b = {d->text.data + u->off,
                          (size_t)(last->off + last->len - u->off),
                          k->flags & ~(uint32_t)KEMPT_BLOCK_TITLE,
                          (uint32_t)(to - from),
                          k->offset + (u->off - d->units[k->first].off),
                          c->out_index++,
                          NULL};
  if (u->rule) {
    b.flags |= KEMPT_BLOCK_REMOVED;
    b.rule = u->rule;
    if (!(k->flags & KEMPT_BLOCK_REMOVED))
      kempt__change(c->env, u->rule, b.offset, b.text, b.len, "", 0);
  } else if (u->title) {
    b.flags |= KEMPT_BLOCK_TITLE;
  }
  return kempt__emit_block(c->env, &b);
}

/* Emit the kept unit at i of block k, a wiki's heading, as a block of its
 * own without its buttons ("History[edit]"), then the buttons removed. */
static enum kempt_status emit_wiki_head(struct chrome *c,
                                        const struct chrome_blk *k,
                                        size_t i) {
  const struct chrome_doc *d = &c->doc;
  const struct chrome_unit *u = &d->units[i];
  static const char rule[] = "classifier a wiki's edit buttons";
  uint32_t keep = u->len - u->wiki;
  uint64_t at = k->offset + (u->off - d->units[k->first].off);
  struct kempt_block b = {d->text.data + u->off, keep,
                          k->flags & ~(uint32_t)KEMPT_BLOCK_TITLE, 1, at,
                          c->out_index++, NULL};
  if (u->title)
    b.flags |= KEMPT_BLOCK_TITLE;
  enum kempt_status st = kempt__emit_block(c->env, &b);
  if (st != KEMPT_OK)
    return st;
  struct kempt_block m = {d->text.data + u->off + keep, u->wiki,
                          (k->flags & ~(uint32_t)KEMPT_BLOCK_TITLE) |
                              KEMPT_BLOCK_REMOVED,
                          1, at + keep, c->out_index++, rule};
  if (!(k->flags & KEMPT_BLOCK_REMOVED))
    kempt__change(c->env, rule, m.offset, m.text, m.len, "", 0);
  return kempt__emit_block(c->env, &m);
}

/* Emit block k in runs: the lines of a run have the same rule (or none),
 * and the title is a run of its own, as is a wiki's heading. */
static enum kempt_status emit_blk(struct chrome *c,
                                  const struct chrome_blk *k) {
  const struct chrome_unit *units = c->doc.units;
  size_t from = k->first, end = k->first + k->n;
  while (from < end) {
    size_t i = from + 1;
    if (units[from].wiki && !units[from].rule) {
      enum kempt_status st = emit_wiki_head(c, k, from);
      if (st != KEMPT_OK)
        return st;
      from = i;
      continue;
    }
    if (!units[from].title) {
      const char *rule = units[from].rule;
      while (i < end && units[i].rule == rule && !units[i].title &&
             !(units[i].wiki && !rule))
        i++;
    }
    enum kempt_status st = emit_run(c, k, from, i);
    if (st != KEMPT_OK)
      return st;
    from = i;
  }
  return KEMPT_OK;
}

static void clear_window(struct chrome_doc *d) {
  if (d->scan_shift != CHROME_SCAN_SHIFT) /* (see CHROME_SCAN_STREAM) */
    d->scan_before += d->nunits;
  kempt__buf_clear(&d->text);
  d->nunits = d->nblks = d->ntoks = d->nremoved = d->nwiki = 0;
  d->gen++; /* (the scan memo's lines are of the window before) */
  memset(&d->lang, 0, sizeof d->lang);
}

/* Decide and emit the held window, then empty it. */
static enum kempt_status flush_window(struct chrome *c) {
  enum kempt_status st = KEMPT_OK;
  if (c->doc.nblks)
    st = kempt__chrome_classify(&c->doc, c->rules, c->env->alloc);
  for (size_t i = 0; st == KEMPT_OK && i < c->doc.nblks; i++)
    st = emit_blk(c, &c->doc.blks[i]);
  clear_window(&c->doc);
  return st;
}

/* Where the first '\n' from p[i] on is, up to p[len], which is one; the
 * CHROME_PAD bytes after it can be read (a held block). */
#if defined(__SSE2__) && defined(__x86_64__)
static inline size_t next_newline(const char *p, size_t i, size_t len) {
  __m128i nl = _mm_set1_epi8('\n');
  for (size_t k = 0; k < 2; k++, i += 16) { /* (short lines: no call) */
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
    unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, nl));
    if (m)
      return i + kempt__chrome_ctz(m);
  }
  const char *q = memchr(p + i, '\n', len - i);
  return q ? (size_t)(q - p) : len;
}
#else
static inline size_t next_newline(const char *p, size_t i, size_t len) {
  const char *nl = memchr(p + i, '\n', len - i);
  return nl ? (size_t)(nl - p) : len;
}
#endif

/* Clear a unit before its scan: six 16-byte stores where it has 96 bytes
 * (memset of its size is a rep stos, slow to start, for each line). */
static inline void zero_unit(struct chrome_unit *u) {
#if defined(__SSE2__) && defined(__x86_64__)
  if (sizeof *u == 96) {
    __m128i z = _mm_setzero_si128(), *b = (__m128i *)(void *)u;
    _mm_storeu_si128(b, z);
    _mm_storeu_si128(b + 1, z);
    _mm_storeu_si128(b + 2, z);
    _mm_storeu_si128(b + 3, z);
    _mm_storeu_si128(b + 4, z);
    _mm_storeu_si128(b + 5, z);
    return;
  }
#endif
  memset(u, 0, sizeof *u);
}

/* Record the lines of the block just appended at text offset off. */
static enum kempt_status add_units(struct chrome *c, struct chrome_blk *k,
                                   size_t off, size_t len) {
  struct chrome_doc *d = &c->doc;
  const char *p = d->text.data + off;
  size_t i = 0;
  k->first = (uint32_t)d->nunits;
  while (i <= len) {
    size_t e = next_newline(p, i, len);
    enum kempt_status st = grow_array(c->env->alloc, (void **)&d->units,
                                      &d->capunits, d->nunits + 1,
                                      sizeof *d->units);
    if (st != KEMPT_OK)
      return st;
    struct chrome_unit *u = &d->units[d->nunits++];
    zero_unit(u);
    u->off = (uint32_t)(off + i);
    u->len = (uint32_t)(e - i);
    u->blk = (uint32_t)d->nblks;
    kempt__chrome_scan_line(d, c->rules, c->env->alloc, u, p + i, e - i);
    i = e + 1;
  }
  k->n = (uint32_t)(d->nunits - k->first);
  return KEMPT_OK;
}

/* The tokenizer's ways for the function-word cache as it is now. */
static void lex_fit(struct chrome_doc *d) {
  d->lex = kempt__chrome_lex_counted(d->sw);
  d->lex_short = kempt__chrome_lex_short(d->sw);
  d->lex_grown = d->sw->grown;
}

/* (The lines of a small slot of the memo go to slots of their own in the
 * full table: their hashes' top bits start with its index. So no two
 * meet.) */
void kempt__chrome_scan_grow(struct chrome_doc *d,
                             const struct kempt_allocator *a) {
  _Static_assert(CHROME_SCAN_SLOTS == 1u << (64 - CHROME_SCAN_SHIFT) &&
                     CHROME_SCAN_SMALL == 1u << (64 - CHROME_SCAN_SMALL_SHIFT),
                 "the memo's shifts are of its sizes");
  struct chrome_scan_memo *m = kempt__calloc(a, CHROME_SCAN_SLOTS * sizeof *m);
  if (!m)
    return;
  for (size_t i = 0; i < CHROME_SCAN_SMALL; i++) {
    const struct chrome_scan_memo *e = &d->scan[i];
    if (e->gen == d->gen) /* (the others are of windows before) */
      m[(size_t)(e->h >> CHROME_SCAN_SHIFT)] = *e;
  }
  kempt__free(a, d->scan);
  d->scan = m;
  d->scan_shift = CHROME_SCAN_SHIFT;
}

static enum kempt_status hold(struct chrome *c, const struct kempt_block *b) {
  struct chrome_doc *d = &c->doc;
  size_t off = d->text.len;
  if (d->lex_grown != d->sw->grown) /* (it grew while the last was read) */
    lex_fit(d);
  if (d->scan_shift != CHROME_SCAN_SHIFT &&
      (d->nunits >= CHROME_SCAN_GROW ||
       d->scan_before >= CHROME_SCAN_STREAM)) /* (a window of many lines, or
                                                 a long stream) */
    kempt__chrome_scan_grow(d, c->env->alloc);
  enum kempt_status st = kempt__buf_add(&d->text, b->text, b->len);
  if (st == KEMPT_OK) /* each line ends in '\n' (kempt__chrome_lex) */
    st = kempt__buf_addc(&d->text, '\n');
  struct kempt_buf *x = &d->text; /* ... and bytes after it can be read */
  if (st == KEMPT_OK && /* (kempt__buf_reserve's test, where it passes) */
      !(CHROME_PAD <= x->cap && x->len <= x->cap - CHROME_PAD &&
        x->len + CHROME_PAD <= x->size))
    st = kempt__buf_reserve(x, CHROME_PAD);
  if (st == KEMPT_OK)
    memset(d->text.data + d->text.len, 0, CHROME_PAD);
  if (st == KEMPT_OK)
    st = grow_array(c->env->alloc, (void **)&d->blks, &d->capblks,
                    d->nblks + 1, sizeof *d->blks);
  if (st != KEMPT_OK)
    return st;
  struct chrome_blk *k = &d->blks[d->nblks];
  k->offset = b->offset;
  k->flags = b->flags;
  k->rule = (b->flags & KEMPT_BLOCK_REMOVED) ? b->rule : NULL;
  d->nremoved += k->rule != NULL; /* (its units may stay on failure) */
  st = add_units(c, k, off, b->len);
  if (st == KEMPT_OK)
    d->nblks++;
  return st;
}

static enum kempt_status chrome_block(void *st, const struct kempt_block *b) {
  struct chrome *c = st;
  struct chrome_doc *d = &c->doc;
  size_t lines = b->nlines ? b->nlines : 1;
  enum kempt_status s = KEMPT_OK;
  if (d->text.len + b->len + 1 > CHROME_CAP_BYTES ||
      d->nunits + lines > CHROME_CAP_UNITS)
    s = flush_window(c);
  if (s != KEMPT_OK)
    return s;
  if (b->len + 1 > CHROME_CAP_BYTES || lines > CHROME_CAP_UNITS) {
    struct kempt_block copy = *b; /* too big to judge: it passes */
    copy.index = c->out_index++;
    return kempt__emit_block(c->env, &copy);
  }
  return hold(c, b);
}

static void chrome_reset(void *st) {
  struct chrome *c = st;
  clear_window(&c->doc);
  c->doc.cut = c->doc.seen_good = false;
  c->out_index = 0;
}

static enum kempt_status chrome_finish(void *st) {
  struct chrome *c = st;
  enum kempt_status s = flush_window(c);
  chrome_reset(c);
  return s;
}

static enum kempt_status chrome_init(void *st, const struct kempt_env *env) {
  struct chrome *c = st;
  c->env = env;
  kempt__buf_init(&c->doc.text, env->alloc, CHROME_CAP_BYTES + CHROME_PAD);
  c->doc.sw = kempt__calloc(env->alloc, sizeof *c->doc.sw);
  c->doc.cp = kempt__calloc(env->alloc,
                            CHROME_CP_SLOTS * sizeof *c->doc.cp);
  c->doc.scan =
      kempt__calloc(env->alloc, CHROME_SCAN_SMALL * sizeof *c->doc.scan);
  c->doc.scan_shift = CHROME_SCAN_SMALL_SHIFT; /* (grown by scan_line) */
  c->doc.gen = 1;

  c->doc.hsw = kempt__calloc(env->alloc,
                             CHROME_HSW_SLOTS * sizeof *c->doc.hsw);
  if (!c->doc.sw || !c->doc.cp || !c->doc.scan || !c->doc.hsw)
    return KEMPT_ERR_NOMEM;
  lex_fit(&c->doc);
  c->rules = kempt__chrome_rules_builtin();
  if (!c->rules)
    return KEMPT_ERR_NOMEM;
  const char *data;
  size_t len;
  enum kempt_status s = KEMPT_OK;
  for (size_t i = 0;
       s == KEMPT_OK && kempt__opt_file(env->cfg, "rules", i, &data, &len);
       i++) {
    if (!c->own) { /* the first file: a copy of our own */
      c->own = kempt__malloc(env->alloc, sizeof *c->own);
      if (!c->own)
        return KEMPT_ERR_NOMEM;
      s = kempt__chrome_rules_copy(c->own, c->rules, env->alloc, c->doc.cp);
      c->rules = c->own;
    }
    if (s == KEMPT_OK)
      s = kempt__chrome_rules_parse(c->own, data, len);
  }
  c->doc.wc.sw = c->doc.sw; /* (scan_line's counts: the handle's own) */
  c->doc.wc.rules = c->rules;
  c->doc.lx.cache = c->doc.cp;
  c->doc.lx.count = &c->doc.wc;
  return s;
}

static void chrome_fini(void *st) {
  struct chrome *c = st;
  const struct kempt_allocator *a = c->env->alloc;
  if (c->own)
    kempt__chrome_rules_free(c->own);
  kempt__free(a, c->own);
  kempt__buf_free(&c->doc.text);
  kempt__free(a, c->doc.units);
  kempt__free(a, c->doc.blks);
  kempt__free(a, c->doc.toks);
  kempt__free(a, c->doc.seen);
  kempt__free(a, c->doc.seen_n);
  kempt__free(a, c->doc.memo);
  kempt__free(a, c->doc.scan);
  kempt__free(a, c->doc.hsw);
  kempt__free(a, c->doc.sw);
  kempt__free(a, c->doc.cp);
}

static const struct kempt_option chrome_options[] = {
    {"rules", 0, KEMPT_OPT_FILE, "chrome", "FILE", NULL,
     "more chrome phrase rules, lines 'KIND PATTERN' as in "
     "src/data/chrome/*.rules (line, prefix, has, soft, list, cut, byline, "
     "date, says, bio, copula); may be repeated"},
    {NULL, 0, 0, NULL, NULL, NULL, NULL}};

const struct kempt_stage_ops kempt__chrome_ops = {
    {"chrome",
     "drop site chrome (menus, ads, share buttons, related lists, comments, "
     "footers) by phrase rules and a line classifier; keep the title",
     1},
    true,
    true,
    sizeof(struct chrome),
    chrome_options,
    chrome_init,
    NULL,
    chrome_block,
    chrome_finish,
    chrome_reset,
    chrome_fini};

kempt_stage *kempt_chrome_new(const kempt_config *cfg,
                              const struct kempt_sink *sink,
                              enum kempt_status *err) {
  return kempt_stage_new("chrome", cfg, sink, err);
}
