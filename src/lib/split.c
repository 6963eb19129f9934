/* split.c - the block splitter: decoded lines in, blocks out.
 *
 * A block is a run of lines that are not blank; a line holding only
 * spaces, tabs and no-break spaces is blank. Blocks are capped in size
 * (KEMPT__BLOCK_CAP, option max-block): a longer one is cut after its last
 * complete line, or inside a line at a character boundary, and flagged
 * KEMPT_BLOCK_CUT, with a warning.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "internal.h"
#if defined(__SSE2__) && defined(__GNUC__) &&                                  \
    (defined(__x86_64__) || defined(__i386__))
#include <immintrin.h>
#define SPLIT_AVX2 1 /* in_place() finds line ends 64 bytes at a time */
#endif

#define KEMPT__BLOCK_CAP (1u << 20)
#define LINE_ENDS 4096u /* line ends published for a block of at most these */

struct split {
  const struct kempt_env *env;
  struct kempt_buf buf;   /* the open block: lines, each ended by '\n' */
  size_t line_start;      /* offset in buf of the open line */
  uint32_t nlines;        /* complete lines in buf */
  uint64_t offset;        /* decoded offset of the next byte */
  uint64_t block_offset;  /* decoded offset of the open block */
  uint64_t index;         /* blocks emitted in this document */
  bool warned;
  bool avx2;                /* in_place_avx2() may run */
  struct kempt_lines lines; /* of the block being emitted */
  uint32_t ends_cap; /* ends kept: LINE_ENDS once asked for, or 0 */
  uint32_t *ends;    /* ... the offsets of its '\n' (LINE_ENDS, allocated
                        when asked for: not in the state, which is zeroed) */
};

const struct kempt_lines *kempt__split_lines(void *split_state) {
  struct split *s = split_state;
  if (!s->ends)
    s->ends = kempt__malloc(s->env->alloc, LINE_ENDS * sizeof *s->ends);
  if (!s->ends)
    return NULL; /* (none published: unwrap looks for each line end) */
  s->ends_cap = LINE_ENDS;
  s->lines.ends = s->ends;
  return &s->lines;
}

static bool blank_line_rest(const char *p, size_t n) {
  for (size_t i = 0;;) {
    i = kempt__skip_blanks(p, i, n);
    if (i == n)
      return true;
    if ((unsigned char)p[i] != 0xC2 || i + 1 == n ||
        (unsigned char)p[i + 1] != 0xA0)
      return false;
    i += 2; /* a no-break space */
  }
}

/* The bytes a blank line may start with (bit 1: ' ', '\t', the lead of
 * an NBSP) and end with (bit 2: ' ', '\t', the end of an NBSP). */
#define BLANK_START 1u
#define BLANK_END 2u
static const uint8_t blank_ends[256] = {['\t'] = BLANK_START | BLANK_END,
                                        [' '] = BLANK_START | BLANK_END,
                                        [0xC2] = BLANK_START,
                                        [0xA0] = BLANK_END};

/* Whether p[0..n) is blank: most lines are not, as their first byte
 * tells, or their last (an indented line of text), by one look-up each. */
static inline bool blank_line(const char *p, size_t n) {
  if (!n)
    return true;
  unsigned char c = (unsigned char)p[0], z = (unsigned char)p[n - 1];
  return (blank_ends[c] & BLANK_START) && (blank_ends[z] & BLANK_END) &&
         blank_line_rest(p, n);
}

/* Emit buf[0..len) (without a final '\n') as a block and drop it. */
static enum kempt_status emit(struct split *s, size_t len, uint32_t nlines,
                              uint32_t flags) {
  struct kempt_block b = {s->buf.data, len, flags, nlines,
                          s->block_offset, s->index++, NULL};
  /* its line ends (not of a block cut at the cap) */
  if (!flags && nlines <= s->ends_cap && len < UINT32_MAX)
    s->lines.text = b.text;
  enum kempt_status st = kempt__emit_block(s->env, &b);
  s->lines.text = NULL;
  return st;
}

/* Close the open block (if any) at a blank line or the end. */
static enum kempt_status close_block(struct split *s) {
  enum kempt_status st = KEMPT_OK;
  if (s->nlines)
    st = emit(s, s->line_start - 1, s->nlines, 0);
  kempt__buf_clear(&s->buf);
  s->line_start = 0;
  s->nlines = 0;
  return st;
}

/* The open line just ended (its '\n' is in buf). */
static enum kempt_status end_line(struct split *s) {
  size_t start = s->line_start;
  if (blank_line(s->buf.data + start, s->buf.len - 1 - start)) {
    s->buf.len = start;
    enum kempt_status st = close_block(s);
    s->block_offset = s->offset;
    return st;
  }
  if (s->nlines < s->ends_cap)
    s->ends[s->nlines] = (uint32_t)(s->buf.len - 1);
  s->nlines++;
  s->line_start = s->buf.len;
  return KEMPT_OK;
}

/* Length of the prefix of p[0..n) that does not cut a UTF-8 sequence:
 * n, unless the last sequence is incomplete (it starts at the cut). */
static size_t char_boundary(const char *p, size_t n) {
  size_t k = n;
  while (k > 0 && n - k < 4 && ((unsigned char)p[k - 1] & 0xC0) == 0x80)
    k--;
  if (k == 0 || n - k >= 4)
    return n; /* no lead byte within reach: not UTF-8, cut anywhere */
  unsigned char lead = (unsigned char)p[k - 1];
  size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  if (n - (k - 1) >= need || k - 1 == 0)
    return n;
  return k - 1;
}

/* The block is full: emit its complete lines, or cut the open line. */
static enum kempt_status force_boundary(struct split *s) {
  if (!s->warned) {
    kempt__warn(s->env->report,
                "a block longer than %zu bytes was cut into pieces",
                s->buf.cap);
    s->warned = true;
  }
  size_t keep_from, emit_len;
  uint32_t nl = s->nlines;
  if (s->nlines) {
    emit_len = s->line_start - 1;
    keep_from = s->line_start;
  } else {
    emit_len = keep_from = char_boundary(s->buf.data, s->buf.len);
    nl = 1;
  }
  enum kempt_status st = emit(s, emit_len, nl, KEMPT_BLOCK_CUT);
  memmove(s->buf.data, s->buf.data + keep_from, s->buf.len - keep_from);
  s->buf.len -= keep_from;
  s->block_offset += keep_from;
  s->line_start = 0;
  s->nlines = 0;
  return st;
}

/* Append n bytes to the open line, cutting the block when it is full. */
static enum kempt_status append(struct split *s, const char *p, size_t n) {
  while (n) {
    size_t room = s->buf.cap - s->buf.len;
    if (room == 0) {
      enum kempt_status st = force_boundary(s);
      if (st != KEMPT_OK)
        return st;
      continue;
    }
    size_t k = n < room ? n : room;
    enum kempt_status st = kempt__buf_add(&s->buf, p, k);
    if (st != KEMPT_OK)
      return st;
    p += k;
    n -= k;
  }
  return KEMPT_OK;
}

#ifdef SPLIT_AVX2
/* The '\n' among the 64 bytes at p, a bit each. */
__attribute__((target("avx2"))) static inline uint64_t nl64(const char *p) {
  const __m256i nl = _mm256_set1_epi8('\n');
  uint32_t lo = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
      _mm256_loadu_si256((const __m256i *)(const void *)p), nl));
  uint32_t hi = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
      _mm256_loadu_si256((const __m256i *)(const void *)(p + 32)), nl));
  return lo | (uint64_t)hi << 32;
}
#else
static inline uint64_t nl64(const char *p) {
  uint64_t b = 0;
  for (unsigned k = 0; k < 64; k++)
    b |= (uint64_t)(p[k] == '\n') << k;
  return b;
}
#endif

/* No line is open (the complete lines of the open block, if any, are in
 * buf): cut blocks in place, straight from the input, as long as whole
 * lines come and no block reaches the cap; a block begun in buf is
 * completed there with one copy. Keep the complete lines of the block
 * left open in buf. *used is what was taken: the rest (a line cut by the
 * end of the piece, or one that reaches the cap) goes through the buffer,
 * in the same state as if every byte had. wide (in_place_avx2()): the
 * line ends are found 64 bytes at a time, a bit each, rather than by a
 * memchr() per line - most lines of a page are short - and those of the
 * last fewer than 64 bytes by memchr(). */
static inline __attribute__((always_inline)) enum kempt_status
in_place_any(struct split *s, const char *p, size_t n, size_t *used,
             bool wide) {
  size_t bstart = 0, i = 0; /* the open block's lines in p, the current line */
  size_t held = s->buf.len; /* ... and before them in buf */
  size_t room = s->buf.cap - held; /* for the lines from bstart on */
  uint32_t nlines = s->nlines;
  uint64_t base = s->offset;
  enum kempt_status st = KEMPT_OK;
  uint64_t bits = 0;           /* the '\n' of the window not yet taken */
  size_t wbase = 0, wnext = 0; /* the window; the bytes after it */
  for (;;) {
    size_t e; /* past the '\n' of the line at i */
    if (wide) {
      while (!bits && n - wnext >= 64) {
        wbase = wnext;
        bits = nl64(p + wbase);
        wnext += 64;
      }
      if (bits) {
        e = wbase + (unsigned)__builtin_ctzll(bits) + 1;
        bits &= bits - 1;
      } else { /* the last bytes, from where the windows end */
        const char *nl = memchr(p + wnext, '\n', n - wnext);
        if (!nl)
          break;
        e = (size_t)(nl - p) + 1;
        wnext = e;
      }
    } else {
      const char *nl = memchr(p + i, '\n', n - i);
      if (!nl)
        break;
      e = (size_t)(nl - p) + 1;
    }
    if (e - bstart > room)
      break; /* the buffer would cut it: let it */
    if (blank_line(p + i, e - 1 - i)) {
      if (held) { /* complete the block in buf */
        st = kempt__buf_add(&s->buf, p + bstart, i - bstart);
        if (st == KEMPT_OK)
          st = emit(s, s->buf.len - 1, nlines, 0);
        kempt__buf_clear(&s->buf);
        held = 0;
        room = s->buf.cap;
      } else if (nlines) {
        struct kempt_block b = {p + bstart,      i - 1 - bstart, 0, nlines,
                                s->block_offset, s->index++,     NULL};
        /* its line ends, as the lines came (none in buf) */
        if (nlines <= s->ends_cap && b.len < UINT32_MAX)
          s->lines.text = b.text;
        st = kempt__emit_block(s->env, &b);
        s->lines.text = NULL;
      }
      if (st != KEMPT_OK)
        return st;
      nlines = 0;
      bstart = e;
      s->block_offset = base + e;
    } else {
      if (nlines < s->ends_cap) /* (held: a block begun in buf, bstart 0) */
        s->ends[nlines] = (uint32_t)(held + e - 1 - bstart);
      nlines++;
    }
    i = e;
  }
  if (i > bstart)
    st = kempt__buf_add(&s->buf, p + bstart, i - bstart);
  s->line_start = s->buf.len;
  s->nlines = nlines;
  s->offset = base + i;
  *used = i;
  return st;
}

static enum kempt_status in_place(struct split *s, const char *p, size_t n,
                                  size_t *used) {
  return in_place_any(s, p, n, used, false);
}

#ifdef SPLIT_AVX2
__attribute__((target("avx2"))) static enum kempt_status
in_place_avx2(struct split *s, const char *p, size_t n, size_t *used) {
  return in_place_any(s, p, n, used, true);
}

/* __builtin_cpu_supports reads what libgcc found out at start-up. */
static bool avx2_ok(void) { return __builtin_cpu_supports("avx2") != 0; }
#else
static enum kempt_status in_place_avx2(struct split *s, const char *p,
                                       size_t n, size_t *used) {
  return in_place(s, p, n, used);
}
static bool avx2_ok(void) { return false; }
#endif

static enum kempt_status split_feed(void *st, const char *p, size_t n) {
  struct split *s = st;
  while (n) {
    if (s->buf.len == s->line_start) { /* no open line */
      size_t used;
      enum kempt_status r = s->avx2 ? in_place_avx2(s, p, n, &used)
                                    : in_place(s, p, n, &used);
      if (r != KEMPT_OK)
        return r;
      p += used;
      n -= used;
      if (!n)
        break;
    }
    const char *nl = memchr(p, '\n', n);
    size_t k = nl ? (size_t)(nl - p) + 1 : n;
    enum kempt_status r = append(s, p, k);
    s->offset += k;
    if (r == KEMPT_OK && nl)
      r = end_line(s);
    if (r != KEMPT_OK)
      return r;
    p += k;
    n -= k;
  }
  return KEMPT_OK;
}

static void split_reset(void *st) {
  struct split *s = st;
  kempt__buf_clear(&s->buf);
  s->line_start = 0;
  s->nlines = 0;
  s->offset = s->block_offset = s->index = 0;
  s->warned = false;
}

static enum kempt_status split_finish(void *st) {
  struct split *s = st;
  enum kempt_status r = KEMPT_OK;
  if (s->buf.len > s->line_start) /* a last line without '\n' */
    r = append(s, "\n", 1);
  if (r == KEMPT_OK && s->buf.len > s->line_start)
    r = end_line(s);
  if (r == KEMPT_OK)
    r = close_block(s);
  split_reset(s);
  return r;
}

static enum kempt_status split_init(void *st, const struct kempt_env *env) {
  struct split *s = st;
  s->env = env;
  s->avx2 = avx2_ok();
  size_t cap = (size_t)kempt__opt_int(env->cfg, "max-block", KEMPT__BLOCK_CAP);
  kempt__buf_init(&s->buf, env->alloc, cap < 64 ? 64 : cap);
  return KEMPT_OK;
}

static void split_fini(void *st) {
  struct split *s = st;
  kempt__buf_free(&s->buf);
  kempt__free(s->env->alloc, s->ends);
  s->ends = NULL;
}

const struct kempt_stage_ops kempt__split_ops = {
    {"split", "lines to blocks (paragraph candidates) at blank lines", 0},
    false,
    true,
    sizeof(struct split),
    NULL,
    split_init,
    split_feed,
    NULL,
    split_finish,
    split_reset,
    split_fini};
