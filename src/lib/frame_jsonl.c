/* frame_jsonl.c - the JSONL framing: one JSON object per line.
 *
 * Each line is validated by the strict scanner of json.c; the string value
 * of --field (default "text") is decoded and cleaned as one document, and
 * the line is written back spliced: every byte before and after that value
 * as it was, the value replaced by the cleaned text, JSON-escaped. A line
 * that is not valid JSON, lacks the field or holds something else in it
 * is reported (with its line number) and passed through, or dropped with
 * --drop-bad. A line longer than --max-line is passed through with a
 * warning, without being held in memory. Blank lines pass through.
 *
 * Passed through means byte for byte, with one exception: kempt's output
 * is always valid UTF-8 (DESIGN), so an ill-formed UTF-8 sequence in such
 * a line (which is why many bad lines are bad) is written as U+FFFD, one
 * per maximal ill-formed subpart (as Unicode's "best practice", WHATWG and
 * most JSON readers do), and the warning says how many were replaced.
 * Valid JSON is valid UTF-8 already: lines that are cleaned or only lack
 * the field are never touched.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "internal.h"
#include "json.h"
#include "shard.h"

#include <stdio.h>
#if defined(__SSE2__) && defined(__GNUC__) &&                                  \
    (defined(__x86_64__) || defined(__i386__))
#include <immintrin.h>
#define JSONL_AVX2 1 /* the output's escapes looked for 32 bytes at a time */
#endif

#define DEFAULT_MAX_LINE (16u << 20)
#define PIECE 8192 /* the value is fed to the chain in pieces this big */

struct frame_jsonl {
  const struct kempt_frame_env *env;
  const char *field;
  size_t fieldlen;
  bool drop_bad;
  bool overlong;  /* passing the rest of a too-long line through */
  bool skip_long; /* ... or dropping it: not this shard's */
  struct kempt_shard shard;
  uint64_t line;         /* number of the current line, from 1 */
  struct kempt_buf buf;  /* the current line, up to max-line bytes */
  unsigned char pend[2]; /* a UTF-8 prefix of U+0085/2028/2029 held back */
  size_t npend;
  /* passing through: a UTF-8 sequence cut by the chunk, held back, and
   * the count of ill-formed sequences replaced in the current line */
  unsigned char vpend[4];
  size_t nvpend;
  uint64_t replaced;
  bool avx2;         /* out_span_avx2() may run */
  bool fused;        /* copy_span_avx2() may run: avx2, and no explain
                        events listened to (see copy_span_avx2()) */
  char piece[PIECE]; /* the decoded value, gathered for the chain */
  size_t nout;
  char out[PIECE]; /* output gathered, written at the end of each call */
};

static enum kempt_status flush_out(struct frame_jsonl *f) {
  size_t n = f->nout;
  f->nout = 0;
  return n ? f->env->write(f->env->write_ud, f->out, n) : KEMPT_OK;
}

/* Output, gathered into f->out (most pieces are short: a paragraph, an
 * escape) and written when it is full and before each call returns. */
static enum kempt_status put(struct frame_jsonl *f, const char *p, size_t n) {
  if (n == 0)
    return KEMPT_OK; /* p may be NULL */
  if (n >= PIECE / 2 || n > PIECE - f->nout) {
    enum kempt_status s = flush_out(f);
    if (s != KEMPT_OK || n >= PIECE / 2)
      return s == KEMPT_OK ? f->env->write(f->env->write_ud, p, n) : s;
  }
  memcpy(f->out + f->nout, p, n);
  f->nout += n;
  return KEMPT_OK;
}

/* ---- output: a line passed through, as valid UTF-8 ---- */

static enum kempt_status put_fffd(struct frame_jsonl *f) {
  f->replaced++;
  return put(f, "\xef\xbf\xbd", 3);
}

/* Write p[0..n) of a line passed through, ill-formed UTF-8 replaced; a
 * sequence cut at the end is held back for the next piece (last: the line
 * ends here, so it is ill-formed). */
static enum kempt_status put_valid(struct frame_jsonl *f, const char *data,
                                   size_t n, bool last) {
  const unsigned char *p = (const unsigned char *)data;
  enum kempt_status s = KEMPT_OK;
  while (f->nvpend && s == KEMPT_OK) { /* complete the held sequence */
    size_t bad, k = f->nvpend;
    while (k < 4 && n) {
      f->vpend[k++] = *p++;
      n--;
    }
    int len = kempt__utf8_seq(f->vpend, k, &bad);
    if (len < 0 && !last) {
      f->nvpend = k;
      return KEMPT_OK; /* still incomplete */
    }
    size_t used = len > 0 ? (size_t)len : len < 0 ? k : bad;
    s = len > 0 ? put(f, (const char *)f->vpend, used) : put_fffd(f);
    /* the bytes taken and not used go back to p */
    size_t back = k - used, keep = f->nvpend > used ? f->nvpend - used : 0;
    p -= back - keep;
    n += back - keep;
    memmove(f->vpend, f->vpend + used, keep);
    f->nvpend = keep;
  }
  size_t i = 0, run = 0;
  while (i < n && s == KEMPT_OK) {
    if (p[i] < 0x80) {
      i++;
      continue;
    }
    size_t bad;
    int len = kempt__utf8_seq(p + i, n - i, &bad);
    if (len > 0) {
      i += (size_t)len;
      continue;
    }
    s = put(f, (const char *)p + run, i - run);
    if (len < 0 && !last) {
      memcpy(f->vpend, p + i, n - i);
      f->nvpend = n - i;
      return s;
    }
    if (s == KEMPT_OK)
      s = put_fffd(f);
    i += len < 0 ? n - i : bad;
    run = i;
  }
  if (s != KEMPT_OK || run == n)
    return s; /* p may be NULL */
  return put(f, (const char *)p + run, n - run);
}

/* ---- output: the cleaned text as the inside of a JSON string ---- */

static enum kempt_status put_escape(struct frame_jsonl *f, unsigned char c) {
  static const char hex[] = "0123456789abcdef";
  char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
  const char *named = c == '"'    ? "\\\""
                      : c == '\\' ? "\\\\"
                      : c == '\n' ? "\\n"
                      : c == '\t' ? "\\t"
                      : c == '\r' ? "\\r"
                      : c == '\b' ? "\\b"
                      : c == '\f' ? "\\f"
                                  : NULL;
  return named ? put(f, named, 2) : put(f, e, 6);
}

static bool special(unsigned char c) {
  return c < 0x20 || c == '"' || c == '\\' || c == 0xC2 || c == 0xE2;
}

static enum kempt_status flush_pend(struct frame_jsonl *f) {
  size_t n = f->npend;
  f->npend = 0;
  return put(f, (const char *)f->pend, n);
}

/* One special byte c, with what is held back: U+0085 is C2 85, U+2028 and
 * U+2029 are E2 80 A8/A9, and they may arrive split between calls. */
static enum kempt_status out_special(struct frame_jsonl *f, unsigned char c) {
  enum kempt_status s = KEMPT_OK;
  if (f->npend == 1 && f->pend[0] == 0xC2 && c == 0x85) {
    f->npend = 0;
    return put(f, "\\u0085", 6);
  }
  if (f->npend == 1 && f->pend[0] == 0xE2 && c == 0x80) {
    f->pend[f->npend++] = c;
    return KEMPT_OK;
  }
  if (f->npend == 2 && (c == 0xA8 || c == 0xA9)) {
    f->npend = 0;
    return put(f, c == 0xA8 ? "\\u2028" : "\\u2029", 6);
  }
  if (f->npend)
    s = flush_pend(f);
  if (s == KEMPT_OK && (c == 0xC2 || c == 0xE2)) {
    f->pend[f->npend++] = c;
    return KEMPT_OK;
  }
  if (s != KEMPT_OK || !special(c))
    return s == KEMPT_OK ? put(f, (const char *)&c, 1) : s;
  return put_escape(f, c);
}

/* Whether the byte at p[0] (of n) must be escaped or held back: a
 * control, quote or backslash, U+0085/2028/2029, or what may be the start
 * of one of them at the end of the piece. */
static bool stop_at(const unsigned char *p, size_t n) {
  unsigned char c = p[0];
  if (c < 0x20 || c == '"' || c == '\\')
    return true;
  if (c == 0xC2)
    return n < 2 || p[1] == 0x85;
  if (c == 0xE2)
    return n < 2 || (p[1] == 0x80 && (n < 3 || p[2] == 0xA8 || p[2] == 0xA9));
  return false;
}

/* The first byte of p[0..n) at which stop_at() holds, or n. */
static size_t out_span(const unsigned char *p, size_t n) {
  size_t j = 0;
  for (; j < n; j++) {
    j += kempt__json_span(p + j, n - j, true);
    if (j == n || stop_at(p + j, n - j))
      break;
  }
  return j;
}

#ifdef JSONL_AVX2
/* The bytes of x that out_span() may stop at: '"', '\\', control
 * characters, and the leads 0xC2 and 0xE2 (stop_at() looks closer). */
__attribute__((target("avx2"))) static inline __m256i
stop_mask_avx2(__m256i x) {
  const __m256i quote = _mm256_set1_epi8('"'), bs = _mm256_set1_epi8('\\'),
                ctl = _mm256_set1_epi8(0x1F), c2 = _mm256_set1_epi8((char)0xC2),
                e2 = _mm256_set1_epi8((char)0xE2);
  __m256i m = _mm256_or_si256(
      _mm256_or_si256(_mm256_cmpeq_epi8(x, quote), _mm256_cmpeq_epi8(x, bs)),
      _mm256_cmpeq_epi8(_mm256_min_epu8(x, ctl), x));
  return _mm256_or_si256(m, _mm256_or_si256(_mm256_cmpeq_epi8(x, c2),
                                            _mm256_cmpeq_epi8(x, e2)));
}

/* out_span() 32 bytes at a time (AVX2): the leads 0xC2 and 0xE2 of
 * characters that need no escape (curly quotes, dashes, NBSP ...) are
 * passed over inside the loop. */
__attribute__((target("avx2"))) static size_t
out_span_avx2(const unsigned char *p, size_t n) {
  size_t i = 0;
  for (; n - i >= 32; i += 32) {
    __m256i x = _mm256_loadu_si256((const __m256i *)(const void *)(p + i));
    __m256i m = stop_mask_avx2(x);
    for (uint32_t mask = (uint32_t)_mm256_movemask_epi8(m); mask;
         mask &= mask - 1) {
      size_t j = i + (unsigned)__builtin_ctz(mask);
      if (stop_at(p + j, n - j))
        return j;
    }
  }
  return i + out_span(p + i, n - i);
}

/* The bytes of p[0..n) that go out as they are, or as \n for a
 * newline, copied (escaped) into f->out at once, 32 at a time while it
 * has room for them: the paragraphs' newlines and the leads of curly
 * quotes and dashes do not stop it, as they stop out_span(). Stops before
 * any other byte out_span() stops at (the caller goes on as before), and
 * with fewer than 34 bytes left. The output is the same; only where f->out
 * is full and written differs, which matters only beside the explain
 * events on stderr: without them alone (f->fused). */
__attribute__((target("avx2"))) static size_t
copy_span_avx2(struct frame_jsonl *f, const unsigned char *p, size_t n) {
  char *o = f->out;
  size_t i = 0, k = f->nout;
  while (n - i >= 34 && PIECE - k >= 64) {
    __m256i x = _mm256_loadu_si256((const __m256i *)(const void *)(p + i));
    __m256i m = stop_mask_avx2(x);
    uint32_t mask = (uint32_t)_mm256_movemask_epi8(m);
    _mm256_storeu_si256((__m256i *)(void *)(o + k), x);
    /* the leads C2 and E2 of characters that need no escape are copied
     * already (stop_at() inline: p[i..n) holds 34 bytes at least) */
    unsigned t = 0;
    unsigned char c = 0;
    for (; mask; mask &= mask - 1) {
      t = (unsigned)__builtin_ctz(mask);
      c = p[i + t];
      const unsigned char *q = p + i + t;
      if (c == 0xC2 ? q[1] != 0x85
          : c == 0xE2 ? q[1] != 0x80 || (q[2] != 0xA8 && q[2] != 0xA9)
                      : false)
        continue;
      break;
    }
    if (!mask) {
      k += 32;
      i += 32;
      continue;
    }
    k += t; /* the bytes before the one to look at */
    i += t;
    if (c != '\n')
      break;
    o[k++] = '\\';
    o[k++] = 'n';
    i++;
  }
  f->nout = k;
  return i;
}

/* __builtin_cpu_supports reads what libgcc found out at start-up. */
static bool avx2_ok(void) { return __builtin_cpu_supports("avx2") != 0; }
#else
static size_t out_span_avx2(const unsigned char *p, size_t n) {
  return out_span(p, n);
}
static size_t copy_span_avx2(struct frame_jsonl *f, const unsigned char *p,
                             size_t n) {
  (void)f, (void)p, (void)n;
  return 0;
}
static bool avx2_ok(void) { return false; }
#endif

static enum kempt_status jsonl_out(void *st, const char *p, size_t n) {
  struct frame_jsonl *f = st;
  const unsigned char *u = (const unsigned char *)p;
  enum kempt_status s = KEMPT_OK;
  size_t i = 0;
  while (i < n && s == KEMPT_OK) {
    if (f->fused && !f->npend && n - i >= 34) {
      if (PIECE - f->nout < 64)
        s = flush_out(f);
      size_t k = copy_span_avx2(f, u + i, n - i);
      i += k;
      if (s != KEMPT_OK || (k && n - i >= 34 && PIECE - f->nout < 64))
        continue; /* (f->out full: written at the top) */
    }
    size_t j = i;
    if (!f->npend)
      j += f->avx2 ? out_span_avx2(u + i, n - i) : out_span(u + i, n - i);
    s = put(f, p + i, j - i);
    if (s == KEMPT_OK && j < n)
      s = out_special(f, (unsigned char)p[j++]);
    i = j;
  }
  return s;
}

/* ---- input: a whole line ---- */

/* Decode the escapes at p[*i..end) into f->piece at *k, sending the piece
 * on when it has no room; stops at the first byte that is not a
 * backslash. A simple escape (\n between paragraphs is the common one) is
 * read inline, as kempt__json_unescape() reads it. */
static enum kempt_status feed_escapes(struct frame_jsonl *f, const char *p,
                                      size_t *i, size_t end, size_t *k) {
  const struct kempt_chain *c = &f->env->chain;
  enum kempt_status s = KEMPT_OK;
  while (*i < end && p[*i] == '\\' && s == KEMPT_OK) {
    if (*k + 4 > PIECE) {
      s = c->bytes(c->ud, f->piece, *k);
      *k = 0;
    }
    char e = p[*i + 1];
    if (e == 'u') {
      *k += kempt__utf8_put(kempt__json_unescape(p, i), f->piece + *k);
      continue;
    }
    f->piece[(*k)++] = e == 'n'   ? '\n'
                       : e == 't' ? '\t'
                       : e == 'r' ? '\r'
                       : e == 'b' ? '\b'
                       : e == 'f' ? '\f'
                                  : e;
    *i += 2;
  }
  return s;
}

/* Feed the decoded content of the string p[start..end) to the chain, in
 * pieces of up to PIECE bytes (runs without escapes that long go as they
 * are): the stages are called once per piece, not once per escape. */
static enum kempt_status feed_value_any(struct frame_jsonl *f, const char *p,
                                        size_t start, size_t end) {
  const struct kempt_chain *c = &f->env->chain;
  enum kempt_status s = KEMPT_OK;
  size_t i = start + 1, k = 0;
  end--; /* the closing quote */
  while (i < end && s == KEMPT_OK) {
    const char *bs = memchr(p + i, '\\', end - i);
    size_t j = bs ? (size_t)(bs - p) : end;
    if (k + (j - i) > PIECE && k) {
      s = c->bytes(c->ud, f->piece, k);
      k = 0;
    }
    if (j - i >= PIECE) {
      if (s == KEMPT_OK)
        s = c->bytes(c->ud, p + i, j - i);
    } else {
      memcpy(f->piece + k, p + i, j - i);
      k += j - i;
    }
    i = j;
    if (s == KEMPT_OK)
      s = feed_escapes(f, p, &i, end, &k);
  }
  if (k && s == KEMPT_OK)
    s = c->bytes(c->ud, f->piece, k);
  return s;
}

#ifdef JSONL_AVX2
/* feed_value_any() with the same pieces, where the CPU has AVX2: a run
 * without escapes is looked through and copied into f->piece at once, 32
 * bytes at a time, while the piece has room for it (else as before), and
 * the escapes of one byte (\n between paragraphs, \" ...) are read
 * inline. */
__attribute__((target("avx2"))) static enum kempt_status
feed_value_avx2(struct frame_jsonl *f, const char *p, size_t start,
                size_t end) {
  const struct kempt_chain *c = &f->env->chain;
  enum kempt_status s = KEMPT_OK;
  size_t i = start + 1, k = 0;
  end--; /* the closing quote */
  const __m256i bsl = _mm256_set1_epi8('\\');
  while (i < end && s == KEMPT_OK) {
    size_t j = i, copied = i; /* p[i..copied) is at f->piece + k already */
    /* thirty-twos copied while the piece has room for them, then looked
     * at only, then the last bytes */
    size_t room = PIECE - k, most = end - i < room ? end - i : room;
    bool found = false;
    for (char *o = f->piece + k; j + 32 <= i + most; j += 32, o += 32) {
      __m256i x = _mm256_loadu_si256((const __m256i *)(const void *)(p + j));
      _mm256_storeu_si256((__m256i *)(void *)o, x);
      uint32_t m = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(x, bsl));
      if (m) {
        copied = j + 32;
        j += (unsigned)__builtin_ctz(m);
        found = true;
        break;
      }
    }
    if (!found) {
      copied = j;
      for (; end - j >= 32; j += 32) {
        __m256i x = _mm256_loadu_si256((const __m256i *)(const void *)(p + j));
        uint32_t m = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(x, bsl));
        if (m) {
          j += (unsigned)__builtin_ctz(m);
          found = true;
          break;
        }
      }
      if (!found) {
        const char *bs = memchr(p + j, '\\', end - j);
        j = bs ? (size_t)(bs - p) : end;
      }
    }
    if (k + (j - i) > PIECE && k) {
      s = c->bytes(c->ud, f->piece, k);
      k = 0;
      copied = i; /* (nothing of it where it goes now) */
    }
    if (j - i >= PIECE) {
      if (s == KEMPT_OK)
        s = c->bytes(c->ud, p + i, j - i);
    } else {
      if (copied < j) /* the rest of the run */
        memcpy(f->piece + k + (copied - i), p + copied, j - copied);
      k += j - i;
    }
    i = j;
    if (s == KEMPT_OK)
      s = feed_escapes(f, p, &i, end, &k);
  }
  if (k && s == KEMPT_OK)
    s = c->bytes(c->ud, f->piece, k);
  return s;
}
#endif

static enum kempt_status feed_value(struct frame_jsonl *f, const char *p,
                                    size_t start, size_t end) {
#ifdef JSONL_AVX2
  if (f->avx2)
    return feed_value_avx2(f, p, start, end);
#endif
  return feed_value_any(f, p, start, end);
}

/* Splice: the line up to the value, the cleaned value, the rest. */
static enum kempt_status clean_line(struct frame_jsonl *f, const char *p,
                                    size_t n,
                                    const struct kempt_json_span *sp) {
  const struct kempt_chain *c = &f->env->chain;
  enum kempt_status s = put(f, p, sp->start + 1);
  if (s == KEMPT_OK)
    s = c->begin(c->ud);
  if (s == KEMPT_OK)
    s = feed_value(f, p, sp->start, sp->end);
  if (s == KEMPT_OK)
    s = c->end(c->ud);
  if (s == KEMPT_OK && f->npend)
    s = flush_pend(f);
  if (s == KEMPT_OK)
    s = put(f, p + sp->end - 1, n - (sp->end - 1));
  (*f->env->documents_out)++;
  return s;
}

static bool blank(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!kempt__is_space((unsigned char)p[i]))
      return false;
  return true;
}

static void warn_bad(struct frame_jsonl *f, enum kempt_json_result r,
                     const struct kempt_json_span *sp) {
  char what[96] = "dropped";
  if (!f->drop_bad && f->replaced)
    snprintf(what, sizeof what,
             "passed through with %llu invalid UTF-8 sequence%s replaced "
             "by U+FFFD",
             (unsigned long long)f->replaced, f->replaced > 1 ? "s" : "");
  else if (!f->drop_bad)
    snprintf(what, sizeof what, "passed through");
  if (r == KEMPT_JSON_INVALID)
    kempt__warn(f->env->report, "line %llu: invalid JSON at byte %llu, %s",
                (unsigned long long)f->line, (unsigned long long)sp->err + 1,
                what);
  else
    kempt__warn(f->env->report, "line %llu: %s '%s', %s",
                (unsigned long long)f->line,
                r == KEMPT_JSON_NOT_OBJECT ? "not a JSON object, no field"
                : r == KEMPT_JSON_MISSING  ? "no field"
                                           : "not a string in field",
                f->field, what);
}

/* One whole line, its newline (if any) included. */
static enum kempt_status do_line(struct frame_jsonl *f, const char *p,
                                 size_t n) {
  size_t body = n && p[n - 1] == '\n' ? n - 1 : n;
  struct kempt_json_span sp;
  f->line++;
  if (!kempt__shard_take(&f->shard))
    return KEMPT_OK; /* another worker's line */
  if (blank(p, body))
    return put(f, p, n);
  enum kempt_json_result r =
      kempt__json_scan(p, body, f->field, f->fieldlen, &sp);
  if (r == KEMPT_JSON_FOUND)
    return clean_line(f, p, n, &sp);
  enum kempt_status s = KEMPT_OK;
  f->replaced = 0;
  if (!f->drop_bad)
    s = put_valid(f, p, n, true);
  warn_bad(f, r, &sp);
  return s;
}

/* The current line grew past max-line: write what is held, go on
 * passing bytes through up to the end of the line. */
static enum kempt_status overflow(struct frame_jsonl *f) {
  f->overlong = true;
  f->skip_long = !kempt__shard_take(&f->shard);
  if (f->skip_long) {
    kempt__buf_clear(&f->buf);
    return KEMPT_OK;
  }
  kempt__warn(f->env->report,
              "line %llu: longer than %llu bytes, passed through",
              (unsigned long long)f->line + 1, (unsigned long long)f->buf.cap);
  f->replaced = 0;
  enum kempt_status s = put_valid(f, f->buf.data, f->buf.len, false);
  kempt__buf_clear(&f->buf);
  return s;
}

/* The end of a line too long to hold: it has been passed through. */
static enum kempt_status end_overlong(struct frame_jsonl *f) {
  enum kempt_status s = KEMPT_OK;
  if (!f->skip_long) {
    s = put_valid(f, "", 0, true); /* a sequence cut at the end */
    if (f->replaced)
      kempt__warn(f->env->report,
                  "line %llu: %llu invalid UTF-8 sequence%s replaced by "
                  "U+FFFD",
                  (unsigned long long)f->line + 1,
                  (unsigned long long)f->replaced,
                  f->replaced > 1 ? "s" : "");
  }
  f->overlong = false;
  f->line++;
  return s;
}

/* Bytes of a line (nl: they end it). */
static enum kempt_status take(struct frame_jsonl *f, const char *p, size_t n,
                              bool nl) {
  enum kempt_status s = KEMPT_OK;
  if (f->overlong) {
    s = f->skip_long ? KEMPT_OK : put_valid(f, p, n, false);
    if (nl && s == KEMPT_OK)
      s = end_overlong(f);
    return s;
  }
  if (nl && f->buf.len == 0 && n <= f->buf.cap)
    return do_line(f, p, n); /* the whole line is in this chunk */
  s = kempt__buf_add(&f->buf, p, n);
  if (s == KEMPT_ERR_LIMIT)
    return overflow(f) == KEMPT_OK ? take(f, p, n, nl) : KEMPT_ERR_WRITE;
  if (s == KEMPT_OK && nl) {
    s = do_line(f, f->buf.data, f->buf.len);
    kempt__buf_clear(&f->buf);
  }
  return s;
}

static enum kempt_status jsonl_feed(void *st, const char *p, size_t n) {
  struct frame_jsonl *f = st;
  enum kempt_status s = KEMPT_OK;
  while (n && s == KEMPT_OK) {
    const char *nl = memchr(p, '\n', n);
    size_t k = nl ? (size_t)(nl - p) + 1 : n;
    s = take(f, p, k, nl != NULL);
    p += k;
    n -= k;
  }
  enum kempt_status s2 = flush_out(f);
  return s == KEMPT_OK ? s2 : s;
}

static enum kempt_status jsonl_finish(void *st) {
  struct frame_jsonl *f = st;
  enum kempt_status s = KEMPT_OK;
  if (!f->overlong && f->buf.len)
    s = do_line(f, f->buf.data, f->buf.len); /* no final newline */
  else if (f->overlong)
    s = end_overlong(f);
  kempt__buf_clear(&f->buf);
  f->overlong = false;
  enum kempt_status s2 = flush_out(f);
  return s == KEMPT_OK ? s2 : s;
}

static void jsonl_reset(void *st) {
  struct frame_jsonl *f = st;
  kempt__buf_clear(&f->buf);
  f->overlong = false;
  f->line = 0;
  f->npend = 0;
  f->nvpend = 0;
  f->nout = 0;
  f->shard.next = 0;
}

static enum kempt_status jsonl_init(void *st,
                                    const struct kempt_frame_env *env) {
  struct frame_jsonl *f = st;
  f->env = env;
  f->field = kempt__opt_str(env->cfg, "field", "text");
  f->fieldlen = strlen(f->field);
  f->drop_bad = kempt__opt_flag(env->cfg, "drop-bad");
  f->avx2 = avx2_ok();
  f->fused = f->avx2 && !env->report->event;
  enum kempt_status s = kempt__shard_init(&f->shard, env->cfg);
  if (s != KEMPT_OK)
    return s;
  uint64_t cap = kempt__opt_int(env->cfg, "max-line", DEFAULT_MAX_LINE);
  if (cap < 64)
    cap = 64;
  kempt__buf_init(&f->buf, env->alloc, cap > SIZE_MAX ? SIZE_MAX : cap);
  return KEMPT_OK;
}

static void jsonl_fini(void *st) {
  struct frame_jsonl *f = st;
  kempt__buf_free(&f->buf);
}

static const struct kempt_option jsonl_options[] = {
    {"field", 0, KEMPT_OPT_STRING, "jsonl", "NAME", NULL,
     "the field holding the text (default: text)"},
    {"drop-bad", 0, KEMPT_OPT_FLAG, "jsonl", NULL, NULL,
     "drop lines that are not valid JSON or lack a string field (default: "
     "pass them through, invalid UTF-8 replaced by U+FFFD; either way with "
     "a warning)"},
    {"max-line", 0, KEMPT_OPT_INT, "jsonl", "BYTES", NULL,
     "pass a line longer than BYTES through uncleaned (invalid UTF-8 "
     "replaced by U+FFFD), with a warning (default 16777216, at least 64)"},
    {NULL, 0, 0, NULL, NULL, NULL, NULL}};

const struct kempt_frame_ops kempt__frame_jsonl_ops = {
    "jsonl",
    "one JSON object per line, text in --field",
    sizeof(struct frame_jsonl),
    jsonl_options,
    jsonl_init,
    jsonl_feed,
    jsonl_finish,
    jsonl_out,
    jsonl_reset,
    jsonl_fini};
