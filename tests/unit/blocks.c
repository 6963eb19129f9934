/* blocks.c - test helpers for block stages, see blocks.h.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "blocks.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

static enum kempt_status collect(void *ud, const struct kempt_block *b) {
  struct tblocks *t = ud;
  if (t->n == t->size) {
    t->size = t->size ? 2 * t->size : 16;
    t->b = realloc(t->b, t->size * sizeof *t->b);
    cr_assert_not_null(t->b);
  }
  struct tblock *o = &t->b[t->n++];
  o->text = malloc(b->len + 1);
  cr_assert_not_null(o->text);
  memcpy(o->text, b->text, b->len);
  o->text[b->len] = '\0';
  o->flags = b->flags;
  o->nlines = b->nlines;
  o->index = b->index;
  o->rule = b->rule;
  return KEMPT_OK;
}

struct tblocks run_blocks(const char *name, const char *const *opts,
                          const char *const *texts, const uint32_t *flags,
                          size_t n) {
  struct tblocks t = {NULL, 0, 0};
  kempt_config *cfg = kempt_config_new(NULL);
  cr_assert_not_null(cfg);
  for (size_t i = 0; opts && opts[i]; i++) {
    const char *eq = strchr(opts[i], '=');
    char key[64];
    size_t k = eq ? (size_t)(eq - opts[i]) : strlen(opts[i]);
    cr_assert_lt(k, sizeof key);
    memcpy(key, opts[i], k);
    key[k] = '\0';
    cr_assert_eq(
        kempt_config_set(cfg, key, eq ? eq + 1 : NULL, eq ? strlen(eq + 1) : 0),
        KEMPT_OK);
  }
  struct kempt_sink sink = {NULL, collect, NULL, &t};
  kempt_stage *st = kempt_stage_new(name, cfg, &sink, NULL);
  cr_assert_not_null(st);
  uint64_t off = 0;
  for (size_t i = 0; i < n; i++) {
    uint32_t lines = 1;
    for (const char *p = texts[i]; *p; p++)
      lines += *p == '\n';
    struct kempt_block b = {
        texts[i],
        strlen(texts[i]),
        flags ? flags[i] : 0,
        lines,
        off,
        i,
        flags && (flags[i] & KEMPT_BLOCK_REMOVED) ? "test removed" : NULL};
    cr_assert_eq(kempt_stage_feed_block(st, &b), KEMPT_OK);
    off += b.len + 2;
  }
  cr_assert_eq(kempt_stage_finish(st), KEMPT_OK);
  kempt_stage_free(st);
  kempt_config_free(cfg);
  return t;
}

char *kept_text(const struct tblocks *t) {
  size_t len = 1;
  for (size_t i = 0; i < t->n; i++)
    len += strlen(t->b[i].text) + 2;
  char *s = calloc(1, len);
  cr_assert_not_null(s);
  for (size_t i = 0; i < t->n; i++) {
    if (t->b[i].flags & KEMPT_BLOCK_REMOVED)
      continue;
    if (*s)
      strcat(s, "\n\n");
    strcat(s, t->b[i].text);
  }
  return s;
}

void tblocks_free(struct tblocks *t) {
  for (size_t i = 0; i < t->n; i++)
    free(t->b[i].text);
  free(t->b);
  t->b = NULL;
  t->n = t->size = 0;
}
