/* stage.c - the generic stage handle: one life cycle for every stage.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "internal.h"

enum kempt_status kempt__stage_open(struct kempt_stage *st,
                                    const struct kempt_stage_ops *ops,
                                    const kempt_config *cfg,
                                    const struct kempt_sink *sink,
                                    struct kempt_report *r) {
  const struct kempt_allocator *a = kempt__config_alloc(cfg);
  st->ops = ops;
  st->env.alloc = a;
  st->env.cfg = cfg;
  st->env.sink = *sink;
  st->env.report = r;
  st->env.stage = ops->info.name;
  st->env.lines_exact = false;
  st->env.lines = NULL;
  st->state = kempt__calloc(a, ops->state_size);
  if (!st->state)
    return KEMPT_ERR_NOMEM;
  enum kempt_status s = ops->init(st->state, &st->env);
  st->initialised = true; /* fini must run even after a failed init */
  return s;
}

void kempt__stage_close(struct kempt_stage *st) {
  if (st->state && st->initialised && st->ops->fini)
    st->ops->fini(st->state);
  kempt__free(st->env.alloc, st->state);
  st->state = NULL;
}

kempt_stage *kempt_stage_new(const char *name, const kempt_config *cfg,
                             const struct kempt_sink *sink,
                             enum kempt_status *err) {
  enum kempt_status dummy;
  if (!err)
    err = &dummy;
  const struct kempt_stage_ops *ops = name ? kempt__stage_find(name, NULL)
                                           : NULL;
  if (!ops || !cfg || !sink) {
    *err = KEMPT_ERR_USAGE;
    return NULL;
  }
  const struct kempt_allocator *a = kempt__config_alloc(cfg);
  kempt_stage *st = kempt__calloc(a, sizeof *st);
  if (!st) {
    *err = KEMPT_ERR_NOMEM;
    return NULL;
  }
  st->env.alloc = a;
  struct kempt_report *r = kempt__calloc(a, sizeof *r);
  st->own_report = r;
  if (!r) {
    kempt_stage_free(st);
    *err = KEMPT_ERR_NOMEM;
    return NULL;
  }
  kempt_write_fn w;
  void *wud;
  kempt__config_callbacks(cfg, &w, &wud, &r->event, &r->event_ud, &r->warn,
                          &r->warn_ud);
  *err = kempt__stage_open(st, ops, cfg, sink, r);
  if (*err != KEMPT_OK) {
    kempt_stage_free(st);
    return NULL;
  }
  return st;
}

int kempt_stage_takes_blocks(const kempt_stage *st) {
  return st->ops->takes_blocks;
}

/* Record a failure: errors are sticky until reset. */
static enum kempt_status fail(kempt_stage *st, enum kempt_status s) {
  if (s != KEMPT_OK)
    st->error = s;
  return s;
}

enum kempt_status kempt_stage_feed(kempt_stage *st, const char *data,
                                   size_t len) {
  if (st->error)
    return st->error;
  if (st->ops->takes_blocks)
    return fail(st, KEMPT_ERR_USAGE);
  return fail(st, st->ops->feed(st->state, data, len));
}

enum kempt_status kempt_stage_feed_block(kempt_stage *st,
                                         const struct kempt_block *b) {
  if (st->error)
    return st->error;
  if (!st->ops->takes_blocks)
    return fail(st, KEMPT_ERR_USAGE);
  return fail(st, st->ops->block(st->state, b));
}

enum kempt_status kempt_stage_finish(kempt_stage *st) {
  if (st->error)
    return st->error;
  enum kempt_status s = fail(st, st->ops->finish(st->state));
  if (s == KEMPT_OK && st->env.sink.end)
    s = fail(st, st->env.sink.end(st->env.sink.ud));
  st->env.report->document++;
  return s;
}

void kempt_stage_reset(kempt_stage *st) {
  if (st->ops->reset)
    st->ops->reset(st->state);
  st->error = KEMPT_OK;
}

void kempt_stage_free(kempt_stage *st) {
  if (!st)
    return;
  const struct kempt_allocator *a = st->env.alloc;
  kempt__stage_close(st);
  kempt__free(a, st->own_report);
  kempt__free(a, st);
}
