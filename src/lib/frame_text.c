/* frame_text.c - text and NUL framings.
 *
 * text: each input stream (file, stdin) is one document; the outputs of
 * documents that produced text are joined by one blank line.
 * nul: documents are separated by NUL bytes (a final NUL opens no new
 * document); every output document is its text framing followed by NUL.
 * Empty documents stay documents: as many out as in.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "internal.h"
#include "shard.h"

struct frame_text {
  const struct kempt_frame_env *env;
  bool nul;         /* NUL framing */
  bool in_doc;      /* a document is open */
  bool doc_output;  /* the open document wrote text */
  bool any_output;  /* some earlier document wrote text (text framing) */
  bool skip;        /* nul: the open document is another shard's */
  struct kempt_shard shard;
};

static enum kempt_status put(struct frame_text *f, const char *p, size_t n) {
  return f->env->write(f->env->write_ud, p, n);
}

static enum kempt_status open_doc(struct frame_text *f) {
  if (f->in_doc)
    return KEMPT_OK;
  f->in_doc = true;
  f->doc_output = false;
  f->skip = f->nul && !kempt__shard_take(&f->shard);
  return f->skip ? KEMPT_OK : f->env->chain.begin(f->env->chain.ud);
}

/* End the open document (opening an empty one if none is). */
static enum kempt_status close_doc(struct frame_text *f) {
  enum kempt_status s = open_doc(f);
  f->in_doc = false;
  if (f->skip)
    return s;
  if (s == KEMPT_OK)
    s = f->env->chain.end(f->env->chain.ud);
  if (s == KEMPT_OK && f->doc_output)
    s = put(f, "\n", 1);
  if (s == KEMPT_OK && f->nul)
    s = put(f, "", 1);
  (*f->env->documents_out)++;
  return s;
}

static enum kempt_status text_feed(void *st, const char *p, size_t n) {
  struct frame_text *f = st;
  enum kempt_status s = KEMPT_OK;
  while (n && s == KEMPT_OK) {
    const char *z = f->nul ? memchr(p, '\0', n) : NULL;
    size_t k = z ? (size_t)(z - p) : n;
    if (k)
      s = open_doc(f);
    if (s == KEMPT_OK && k && !f->skip)
      s = f->env->chain.bytes(f->env->chain.ud, p, k);
    if (s == KEMPT_OK && z) {
      s = close_doc(f);
      k++;
    }
    p += k;
    n -= k;
  }
  return s;
}

static enum kempt_status text_finish(void *st) {
  struct frame_text *f = st;
  if (f->nul && !f->in_doc)
    return KEMPT_OK; /* nothing after the last NUL: no new document */
  return close_doc(f);
}

static enum kempt_status text_out(void *st, const char *p, size_t n) {
  struct frame_text *f = st;
  enum kempt_status s = KEMPT_OK;
  if (!n)
    return s;
  if (!f->doc_output && f->any_output && !f->nul)
    s = put(f, "\n", 1); /* the blank line between two documents */
  f->doc_output = f->any_output = true;
  return s == KEMPT_OK ? put(f, p, n) : s;
}

static void text_reset(void *st) {
  struct frame_text *f = st;
  f->in_doc = f->doc_output = f->skip = false;
  f->shard.next = 0;
}

static enum kempt_status text_init(void *st,
                                   const struct kempt_frame_env *env) {
  struct frame_text *f = st;
  f->env = env;
  return KEMPT_OK;
}

static enum kempt_status nul_init(void *st,
                                  const struct kempt_frame_env *env) {
  struct frame_text *f = st;
  f->env = env;
  f->nul = true;
  return kempt__shard_init(&f->shard, env->cfg);
}

const struct kempt_frame_ops kempt__frame_text_ops = {
    "text",      "each file or stdin is one document",
    sizeof(struct frame_text),
    NULL,        text_init,
    text_feed,   text_finish,
    text_out,    text_reset,
    NULL};

const struct kempt_frame_ops kempt__frame_nul_ops = {
    "nul",       "documents separated by NUL bytes (-z)",
    sizeof(struct frame_text),
    NULL,        nul_init,
    text_feed,   text_finish,
    text_out,    text_reset,
    NULL};
