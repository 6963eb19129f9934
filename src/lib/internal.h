/* internal.h - what the parts of libkempt share and nobody else sees.
 *
 * Names here start with kempt__ (two underscores): the library exports
 * only ^kempt_[a-z], and everything else is hidden.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#ifndef KEMPT_INTERNAL_H
#define KEMPT_INTERNAL_H

#include "kempt.h"
#include "kempt_stage.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ---- memory ---------------------------------------------------------- */

/* The allocator a handle uses; never NULL inside the library. */
const struct kempt_allocator *kempt__default_allocator(void);
void *kempt__malloc(const struct kempt_allocator *a, size_t n);
void *kempt__calloc(const struct kempt_allocator *a, size_t n);
void *kempt__realloc(const struct kempt_allocator *a, void *p, size_t n);
void kempt__free(const struct kempt_allocator *a, void *p);
char *kempt__memdup(const struct kempt_allocator *a, const void *p, size_t n);

/* cp as UTF-8 into o (room for 4 bytes); returns the bytes written. */
size_t kempt__utf8_put(uint32_t cp, char *o);
/* The UTF-8 sequence at p[0..n), n > 0, whose lead byte is >= 0x80, by
 * Unicode's Table 3-7 (no overlong forms, surrogates or code points past
 * U+10FFFF): its length (2..4) when well-formed; 0 when ill-formed, with
 * *bad the length of its maximal ill-formed subpart (what one U+FFFD
 * replaces); -n when all n bytes are a well-formed start that more bytes
 * may complete. One reader for decode, the JSON parser and the JSONL
 * framing, so that they agree on what is valid. */
static inline int kempt__utf8_seq(const unsigned char *p, size_t n,
                                  size_t *bad) {
  unsigned char c = p[0], lo = 0x80, hi = 0xBF;
  int len;
  *bad = 1;
  if (c >= 0xC2 && c <= 0xDF)
    len = 2;
  else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    lo = c == 0xE0 ? 0xA0 : 0x80;
    hi = c == 0xED ? 0x9F : 0xBF;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    lo = c == 0xF0 ? 0x90 : 0x80;
    hi = c == 0xF4 ? 0x8F : 0xBF;
  } else
    return 0;
  for (int i = 1; i < len; i++) {
    if ((size_t)i >= n)
      return -i;
    if (p[i] < lo || p[i] > hi) {
      *bad = (size_t)i;
      return 0;
    }
    lo = 0x80; /* only the second byte has a narrower range */
    hi = 0xBF;
  }
  return len;
}
/* Past the spaces and tabs at p[i..n) (split and write trim lines). */
size_t kempt__skip_blanks(const char *p, size_t i, size_t n);

/* A growable byte buffer with a hard cap fixed at creation (curl dynbuf). */
struct kempt_buf {
  char *data;
  size_t len, size, cap;
  const struct kempt_allocator *alloc;
};
void kempt__buf_init(struct kempt_buf *b, const struct kempt_allocator *a,
                     size_t cap);
/* Append n bytes: KEMPT_ERR_LIMIT if len + n would pass the cap (nothing is
 * appended then), KEMPT_ERR_NOMEM if growing failed. Inline when the bytes
 * fit in what is allocated (which is at most cap + 1 bytes, so the cap
 * holds), out of line to grow. */
enum kempt_status kempt__buf_add_grow(struct kempt_buf *b, const void *p,
                                      size_t n);
static inline enum kempt_status kempt__buf_add(struct kempt_buf *b,
                                               const void *p, size_t n) {
  if (n < b->size - b->len) {
    memcpy(b->data + b->len, p, n);
    b->len += n;
    return KEMPT_OK;
  }
  return kempt__buf_add_grow(b, p, n);
}
static inline enum kempt_status kempt__buf_addc(struct kempt_buf *b, char c) {
  if (b->len + 1 < b->size) {
    b->data[b->len++] = c;
    return KEMPT_OK;
  }
  return kempt__buf_add_grow(b, &c, 1);
}
/* Make room for n more bytes without adding them. */
enum kempt_status kempt__buf_reserve(struct kempt_buf *b, size_t n);
void kempt__buf_free(struct kempt_buf *b);
static inline void kempt__buf_clear(struct kempt_buf *b) { b->len = 0; }

/* ---- configuration --------------------------------------------------- */

/* Number of optional stages a configuration can select (bits of a mask). */
#define KEMPT__MAX_STAGES 16

/* Value of an option: the flag/int/string value, or a file's content. */
const char *kempt__opt_str(const kempt_config *c, const char *name,
                           const char *dflt);
bool kempt__opt_flag(const kempt_config *c, const char *name);
uint64_t kempt__opt_int(const kempt_config *c, const char *name,
                        uint64_t dflt);
/* File option number i (0, 1, ...): returns false past the last one. */
bool kempt__opt_file(const kempt_config *c, const char *name, size_t i,
                     const char **data, size_t *len);
/* A deep copy, or NULL when out of memory. */
kempt_config *kempt__config_clone(const kempt_config *c);
/* Whether stage number i of the registry is selected. */
bool kempt__config_stage_on(const kempt_config *c, size_t i);
const struct kempt_allocator *kempt__config_alloc(const kempt_config *c);
void kempt__config_callbacks(const kempt_config *c, kempt_write_fn *w,
                             void **wud, kempt_event_fn *e, void **eud,
                             kempt_warn_fn *warn, void **warnud);

/* ---- reporting: explain events, warnings, counters -------------------- */

#define KEMPT__MAX_RULES 512
#define KEMPT__RULE_SLOTS 1024 /* power of 2, > KEMPT__MAX_RULES */

struct kempt_rule_count {
  const char *stage, *rule;
  uint64_t count;
};

/* Shared by all stages of one pipeline (or owned by a lone stage). */
struct kempt_report {
  kempt_event_fn event;
  void *event_ud;
  kempt_warn_fn warn;
  void *warn_ud;
  uint64_t document;
  uint64_t warnings;
  size_t nrules;
  struct kempt_rule_count rules[KEMPT__MAX_RULES];
  /* (stage, rule) by address -> 1 + index in rules, 0 when empty */
  struct {
    const char *stage, *rule;
    uint16_t index;
  } slots[KEMPT__RULE_SLOTS];
  size_t naddrs; /* taken slots */
  /* (stage, rule) by text -> 1 + index in rules, 0 when empty */
  uint16_t tslots[KEMPT__RULE_SLOTS];
};

/* ---- stages ------------------------------------------------------------ */

/* Where the lines of the block the splitter is emitting end: a stage
 * right after the splitter reads them instead of looking for each '\n'.
 * Valid during that block's call only, and only when text is the block's
 * own text (NULL: not known). */
struct kempt_lines {
  const char *text;     /* the block's text */
  const uint32_t *ends; /* the offsets of its nlines - 1 '\n' in text */
};

/* What a stage instance gets from the layer that runs it. Valid for the
 * whole life of the instance. */
struct kempt_env {
  const struct kempt_allocator *alloc;
  const kempt_config *cfg;
  struct kempt_sink sink;       /* where the stage's output goes */
  struct kempt_report *report;  /* never NULL */
  const char *stage;            /* the stage's name */
  bool lines_exact; /* blocks come from the splitter: text holds nlines - 1
                       '\n' exactly (a stage run alone cannot know) */
  const struct kempt_lines *lines; /* the splitter's, for the stage right
                                      after it if it reads them (unwrap);
                                      NULL for the others */
};

/* Report one change (explain event and counters). Cheap when nobody
 * listens: one counter update. */
void kempt__change(const struct kempt_env *env, const char *rule,
                   uint64_t offset, const char *before, size_t blen,
                   const char *after, size_t alen);
/* Report a warning (printf-like message). */
void kempt__warn(struct kempt_report *r, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Send output downstream. */
static inline enum kempt_status kempt__emit(const struct kempt_env *env,
                                           const char *p, size_t n) {
  return n ? env->sink.bytes(env->sink.ud, p, n) : KEMPT_OK;
}
static inline enum kempt_status kempt__emit_block(const struct kempt_env *env,
                                                 const struct kempt_block *b) {
  return env->sink.block(env->sink.ud, b);
}

/* The operations table of a stage (like curl's client writers). */
struct kempt_stage_ops {
  struct kempt_stage_info info; /* name, summary, optional */
  bool takes_blocks;   /* input: false = bytes, true = blocks */
  bool emits_blocks;   /* output */
  size_t state_size;   /* allocated zeroed for each instance */
  const struct kempt_option *options; /* terminated by a NULL name */
  enum kempt_status (*init)(void *st, const struct kempt_env *env);
  enum kempt_status (*feed)(void *st, const char *p, size_t n);
  enum kempt_status (*block)(void *st, const struct kempt_block *b);
  enum kempt_status (*finish)(void *st); /* end of document: flush */
  void (*reset)(void *st);
  void (*fini)(void *st); /* free what init allocated */
};

/* The registry: the stages in pipeline order, then the two internal ones. */
const struct kempt_stage_ops *kempt__stage_at(size_t i); /* NULL past end */
const struct kempt_stage_ops *kempt__stage_find(const char *name,
                                                size_t *index);
extern const struct kempt_stage_ops kempt__split_ops;
/* The line ends a splitter instance publishes (see struct kempt_lines),
 * which it keeps from this call on. */
const struct kempt_lines *kempt__split_lines(void *split_state);
extern const struct kempt_stage_ops kempt__write_ops;

/* A running stage: the generic handle behind kempt_stage. */
struct kempt_stage {
  const struct kempt_stage_ops *ops;
  struct kempt_env env;
  struct kempt_report *own_report; /* used when run alone */
  enum kempt_status error;        /* sticky */
  bool initialised;
  void *state;
};

/* Build a stage instance into st (already zeroed) sharing report r. */
enum kempt_status kempt__stage_open(struct kempt_stage *st,
                                    const struct kempt_stage_ops *ops,
                                    const kempt_config *cfg,
                                    const struct kempt_sink *sink,
                                    struct kempt_report *r);
void kempt__stage_close(struct kempt_stage *st);

/* ---- framings ------------------------------------------------------------ */

/* A framing cuts the input stream into documents and wraps each cleaned
 * document for output. It drives the chain through these calls: */
struct kempt_chain {
  enum kempt_status (*begin)(void *ud);                 /* a document starts */
  enum kempt_status (*bytes)(void *ud, const char *p, size_t n);
  enum kempt_status (*end)(void *ud);                   /* it ends: flush */
  void *ud;
};

struct kempt_frame_env {
  const struct kempt_allocator *alloc;
  const kempt_config *cfg;
  struct kempt_chain chain;
  struct kempt_report *report;
  kempt_write_fn write; /* the user's output */
  void *write_ud;
  uint64_t *documents_out; /* counter to bump per document written */
  /* A record has been written whole: an output layer may close a unit
   * there (one gzip member per WET record). May be NULL. */
  enum kempt_status (*record_end)(void *write_ud);
};

struct kempt_frame_ops {
  const char *name;
  const char *summary;
  size_t state_size;
  const struct kempt_option *options; /* terminated by a NULL name */
  enum kempt_status (*init)(void *st, const struct kempt_frame_env *env);
  /* input side */
  enum kempt_status (*feed)(void *st, const char *p, size_t n);
  enum kempt_status (*finish)(void *st); /* end of stream */
  /* output side: the cleaned text of the current document, in pieces;
   * paragraphs are separated by "\n\n", with no final newline. */
  enum kempt_status (*out)(void *st, const char *p, size_t n);
  void (*reset)(void *st);
  void (*fini)(void *st);
};

const struct kempt_frame_ops *kempt__frame_at(size_t i); /* NULL past end */
const struct kempt_frame_ops *kempt__frame_find(const char *name);

/* Options of the core (stages, skip, format, ...). */
extern const struct kempt_option kempt__core_options[];

/* ---- small text helpers ---------------------------------------------------- */

static inline bool kempt__is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

#endif /* KEMPT_INTERNAL_H */
