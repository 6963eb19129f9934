/* write.c - the paragraph writer, the end of every pipeline.
 *
 * Each kept block becomes a paragraph: white space at the ends of its lines
 * is trimmed, the indentation its lines share is removed, and paragraphs
 * are separated by exactly one blank line. Removed blocks are dropped, or
 * written with a "[kempt:removed RULE] " prefix on each line when the
 * option keep-chrome=mark is set. The framing adds the final newline.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "internal.h"

struct writer {
  const struct kempt_env *env;
  bool mark;    /* keep-chrome=mark */
  bool started; /* a paragraph of this document was written */
};

/* Bytes of horizontal white space (space, tab, NBSP) at the start of p. */
static size_t lead_space(const char *p, size_t n) {
  size_t i = 0;
  while (i < n) {
    if (p[i] == ' ' || p[i] == '\t')
      i++;
    else if (i + 1 < n && (unsigned char)p[i] == 0xC2 &&
             (unsigned char)p[i + 1] == 0xA0)
      i += 2;
    else
      break;
  }
  return i;
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
static size_t trim_end(const char *p, size_t n) {
  while (n) {
    if (p[n - 1] == ' ' || p[n - 1] == '\t')
      n--;
    else if (n >= 2 && (unsigned char)p[n - 2] == 0xC2 &&
             (unsigned char)p[n - 1] == 0xA0)
      n -= 2;
    else
      break;
  }
  return n;
}

/* The smallest indentation of the block's non-blank lines, in bytes. */
static size_t common_indent(const char *p, size_t n) {
  size_t best = SIZE_MAX;
  while (n) {
    const char *nl = memchr(p, '\n', n);
    size_t len = nl ? (size_t)(nl - p) : n;
    size_t lead = lead_space(p, len);
    if (lead < len && lead < best)
      best = lead;
    size_t step = nl ? len + 1 : len;
    p += step;
    n -= step;
  }
  return best == SIZE_MAX ? 0 : best;
}

static enum kempt_status put_line(struct writer *w, const char *p, size_t n,
                                  const struct kempt_block *b) {
  enum kempt_status s = KEMPT_OK;
  if (b->flags & KEMPT_BLOCK_REMOVED) {
    const char *rule = b->rule ? b->rule : "removed";
    s = kempt__emit(w->env, "[kempt:removed ", 15);
    if (s == KEMPT_OK)
      s = kempt__emit(w->env, rule, strlen(rule));
    if (s == KEMPT_OK)
      s = kempt__emit(w->env, "] ", 2);
  }
  return s == KEMPT_OK ? kempt__emit(w->env, p, n) : s;
}

/* Write the block's lines, trimmed; blank lines inside are dropped. */
static enum kempt_status put_block(struct writer *w,
                                   const struct kempt_block *b) {
  const char *p = b->text;
  size_t n = b->len, indent = common_indent(p, n);
  enum kempt_status s = KEMPT_OK;
  while (n && s == KEMPT_OK) {
    const char *nl = memchr(p, '\n', n);
    size_t len = nl ? (size_t)(nl - p) : n;
    size_t lead = lead_space(p, len);
    size_t cut = indent_cut(p, lead, indent);
    size_t end = trim_end(p, len);
    if (end > lead) {
      const char *sep = w->started ? "\n" : "";
      s = kempt__emit(w->env, sep, strlen(sep));
      if (s == KEMPT_OK)
        s = put_line(w, p + cut, end - cut, b);
      w->started = true;
    }
    size_t step = nl ? len + 1 : len;
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

static enum kempt_status write_block(void *st, const struct kempt_block *b) {
  struct writer *w = st;
  if ((b->flags & KEMPT_BLOCK_REMOVED) && !w->mark)
    return KEMPT_OK;
  if (block_is_blank(b))
    return KEMPT_OK;
  if (w->started) {
    enum kempt_status s = kempt__emit(w->env, "\n", 1);
    if (s != KEMPT_OK)
      return s;
  }
  return put_block(w, b);
}

static enum kempt_status write_finish(void *st) {
  struct writer *w = st;
  w->started = false;
  return KEMPT_OK;
}

static void write_reset(void *st) { write_finish(st); }

static enum kempt_status write_init(void *st, const struct kempt_env *env) {
  struct writer *w = st;
  w->env = env;
  w->mark = strcmp(kempt__opt_str(env->cfg, "keep-chrome", "drop"), "mark") == 0;
  return KEMPT_OK;
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
    NULL};
