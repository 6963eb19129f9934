/* pipeline.c - the kempt handle: framing, the chain of stages, the writer.
 *
 * input -> framing -> decode -> [repair] -> split -> [block stages] ->
 * write -> framing -> output callback. Each stage's sink is the next
 * stage's own feed or block function (one call a hop); at the end of a
 * document the stages finish in order, each flushing into the next.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "internal.h"
#include "gzip.h"

#include <time.h>
#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__)
#include <x86intrin.h>
#endif

#define MAX_CHAIN (KEMPT__MAX_STAGES + 2)

/* With the option "timing", each link of the chain goes through a timed
 * call that charges the clock to the stage being entered and, on return,
 * to the stage it came from: every stage gets its exclusive time, and the
 * framing (with gzip and the output callback) gets the rest of the time
 * spent inside kempt_feed() and kempt_finish(). A switch reads the
 * processor's time-stamp counter where there is one (a few cycles, where
 * clock_gettime() took as long as a small block's spacing); the ticks
 * become nanoseconds by the ratio of the two clocks over the same calls. */
struct link {
  kempt *k;
  size_t acc; /* account charged while the callee runs */
};

struct kempt {
  const struct kempt_allocator *alloc;
  kempt_config *cfg; /* our own copy */
  struct kempt_report report;
  struct kempt_stage chain[MAX_CHAIN];
  size_t nchain;
  const struct kempt_frame_ops *frame;
  void *frame_state;
  struct kempt_frame_env fenv;
  struct kempt_gz *gz; /* gzip in front of and behind the framing */
  kempt_write_fn write;
  void *write_ud;
  struct kempt_counters counters;
  enum kempt_status error; /* sticky */
  uint64_t pos, errpos;    /* input offset in the current stream */
  /* timing: accounts 0..nchain-1 are the chain's stages, nchain the
   * framing; cur is the account the clock runs for since mark */
  bool timing;
  size_t cur;
  uint64_t mark;                 /* ticks */
  uint64_t ns[MAX_CHAIN + 1];    /* ticks of each account */
  uint64_t span_t0, span_ns0;    /* the current API call's start */
  uint64_t span_ticks, span_ns;  /* all timed calls, in both clocks */
  struct link links[MAX_CHAIN + 1];
};

/* ---- timing ---- */

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* The time-stamp counter, or else nanoseconds. */
static inline uint64_t now_ticks(void) {
#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__)
  return __rdtsc();
#else
  return now_ns();
#endif
}

/* Charge the time since the last switch to the running account, and run
 * account acc from now on; returns the account that ran before. */
static size_t clock_switch(kempt *k, size_t acc) {
  uint64_t t = now_ticks();
  size_t prev = k->cur;
  k->ns[prev] += t > k->mark ? t - k->mark : 0;
  k->mark = t;
  k->cur = acc;
  return prev;
}

/* ---- links between stages ---- */

static enum kempt_status next_bytes(void *ud, const char *p, size_t n) {
  struct kempt_stage *st = ud;
  return st->ops->feed(st->state, p, n);
}

static enum kempt_status next_block(void *ud, const struct kempt_block *b) {
  struct kempt_stage *st = ud;
  return st->ops->block(st->state, b);
}

static enum kempt_status next_end(void *ud) {
  struct kempt_stage *st = ud;
  enum kempt_status s = st->ops->finish(st->state);
  if (s == KEMPT_OK && st->env.sink.end)
    s = st->env.sink.end(st->env.sink.ud);
  return s;
}

/* The writer's output goes to the framing. */
static enum kempt_status to_frame(void *ud, const char *p, size_t n) {
  kempt *k = ud;
  return k->frame->out(k->frame_state, p, n);
}

/* The same links, timed: ud is a struct link. */
static enum kempt_status timed_bytes(void *ud, const char *p, size_t n) {
  struct link *l = ud;
  size_t prev = clock_switch(l->k, l->acc);
  enum kempt_status s = next_bytes(&l->k->chain[l->acc], p, n);
  clock_switch(l->k, prev);
  return s;
}

static enum kempt_status timed_block(void *ud, const struct kempt_block *b) {
  struct link *l = ud;
  size_t prev = clock_switch(l->k, l->acc);
  enum kempt_status s = next_block(&l->k->chain[l->acc], b);
  clock_switch(l->k, prev);
  return s;
}

static enum kempt_status timed_end(void *ud) {
  struct link *l = ud;
  size_t prev = clock_switch(l->k, l->acc);
  enum kempt_status s = next_end(&l->k->chain[l->acc]);
  clock_switch(l->k, prev);
  return s;
}

static enum kempt_status timed_to_frame(void *ud, const char *p, size_t n) {
  struct link *l = ud;
  size_t prev = clock_switch(l->k, l->acc);
  enum kempt_status s = to_frame(l->k, p, n);
  clock_switch(l->k, prev);
  return s;
}

/* ---- what the framing drives ---- */

static enum kempt_status doc_begin(void *ud) {
  kempt *k = ud;
  k->report.document = k->counters.documents_in++;
  return KEMPT_OK;
}

static enum kempt_status doc_bytes(void *ud, const char *p, size_t n) {
  kempt *k = ud;
  if (k->timing)
    return timed_bytes(&k->links[0], p, n);
  return next_bytes(&k->chain[0], p, n);
}

static enum kempt_status doc_end(void *ud) {
  kempt *k = ud;
  if (k->timing)
    return timed_end(&k->links[0]);
  /* in order: each stage flushes into the next before that one ends */
  enum kempt_status s = KEMPT_OK;
  for (size_t i = 0; i < k->nchain && s == KEMPT_OK; i++)
    s = k->chain[i].ops->finish(k->chain[i].state);
  return s;
}

/* The user's output, counted; any failure becomes KEMPT_ERR_WRITE. */
static enum kempt_status user_write(void *ud, const char *p, size_t n) {
  kempt *k = ud;
  if (!n)
    return KEMPT_OK;
  k->counters.bytes_out += n;
  return k->write(k->write_ud, p, n) == KEMPT_OK ? KEMPT_OK
                                                 : KEMPT_ERR_WRITE;
}

/* ---- building ---- */

/* The stages this configuration runs, in order, with split and write. */
static size_t plan_chain(const kempt_config *cfg,
                         const struct kempt_stage_ops **plan) {
  size_t n = 0;
  bool split_done = false;
  const struct kempt_stage_ops *so;
  for (size_t i = 0; (so = kempt__stage_at(i)) != NULL; i++) {
    if (!kempt__config_stage_on(cfg, i))
      continue;
    if (so->takes_blocks && !split_done) {
      plan[n++] = &kempt__split_ops;
      split_done = true;
    }
    plan[n++] = so;
  }
  if (!split_done)
    plan[n++] = &kempt__split_ops;
  plan[n++] = &kempt__write_ops;
  return n;
}

static struct kempt_sink link_to(kempt *k, size_t i) {
  struct kempt_sink sink = {NULL, NULL, NULL, NULL};
  if (k->timing) {
    bool last = i + 1 == k->nchain;
    sink.bytes = last ? timed_to_frame : timed_bytes;
    sink.block = last ? NULL : timed_block;
    sink.end = last ? NULL : timed_end;
    sink.ud = &k->links[i + 1];
  } else if (i + 1 < k->nchain) {
    /* straight into the next stage's own functions: one call a hop */
    struct kempt_stage *next = &k->chain[i + 1];
    sink.bytes = next->ops->feed;
    sink.block = next->ops->block;
    sink.end = NULL; /* doc_end finishes the stages one after the other */
    sink.ud = next->state;
    if (!next->ops->feed)
      sink.bytes = next_bytes; /* never called: a block stage */
    if (!next->ops->block)
      sink.block = next_block;
  } else {
    sink.bytes = to_frame;
    sink.ud = k;
  }
  return sink;
}

static enum kempt_status open_chain(kempt *k) {
  const struct kempt_stage_ops *plan[MAX_CHAIN];
  k->nchain = plan_chain(k->cfg, plan);
  for (size_t i = 0; i < k->nchain; i++)
    k->chain[i].ops = plan[i];
  for (size_t i = 0; i <= k->nchain; i++) {
    k->links[i].k = k;
    k->links[i].acc = i; /* links[nchain] is the framing's account */
  }
  /* from the end: a stage's sink points at the state of the next one */
  for (size_t i = k->nchain; i-- > 0;) {
    struct kempt_sink sink = link_to(k, i);
    enum kempt_status s =
        kempt__stage_open(&k->chain[i], plan[i], k->cfg, &sink, &k->report);
    if (s != KEMPT_OK)
      return s;
    k->chain[i].env.lines_exact = i > 0 && plan[i - 1] == &kempt__split_ops;
  }
  /* the splitter's line ends, for unwrap (the one stage that reads them)
   * right after it; the splitter keeps none for another (its state exists
   * once all are open) */
  const struct kempt_stage_ops *unwrap = kempt__stage_find("unwrap", NULL);
  for (size_t i = 1; i < k->nchain; i++)
    if (k->chain[i].env.lines_exact && plan[i] == unwrap)
      k->chain[i].env.lines = kempt__split_lines(k->chain[i - 1].state);
  return KEMPT_OK;
}

static enum kempt_status open_frame(kempt *k) {
  k->frame = kempt__frame_find(kempt__opt_str(k->cfg, "format", "text"));
  if (!k->frame)
    return KEMPT_ERR_USAGE;
  k->frame_state = kempt__calloc(k->alloc, k->frame->state_size);
  if (!k->frame_state)
    return KEMPT_ERR_NOMEM;
  struct kempt_gz_ends ends = {k->frame->feed, k->frame_state, user_write,
                               k, &k->report};
  k->gz = kempt__gz_new(k->alloc, k->cfg, &ends);
  if (!k->gz)
    return KEMPT_ERR_NOMEM;
  struct kempt_frame_env *e = &k->fenv;
  e->alloc = k->alloc;
  e->cfg = k->cfg;
  e->chain.begin = doc_begin;
  e->chain.bytes = doc_bytes;
  e->chain.end = doc_end;
  e->chain.ud = k;
  e->report = &k->report;
  e->write = kempt__gz_write;
  e->write_ud = k->gz;
  e->record_end = kempt__gz_record_end;
  e->documents_out = &k->counters.documents_out;
  return k->frame->init(k->frame_state, e);
}

kempt *kempt_new(const kempt_config *cfg, enum kempt_status *err) {
  enum kempt_status dummy;
  if (!err)
    err = &dummy;
  *err = KEMPT_ERR_USAGE;
  kempt_write_fn w;
  void *wud, *eud, *warnud;
  kempt_event_fn event;
  kempt_warn_fn warn;
  if (!cfg)
    return NULL;
  kempt__config_callbacks(cfg, &w, &wud, &event, &eud, &warn, &warnud);
  if (!w)
    return NULL;
  const struct kempt_allocator *a = kempt__config_alloc(cfg);
  kempt *k = kempt__calloc(a, sizeof *k);
  *err = KEMPT_ERR_NOMEM;
  if (!k)
    return NULL;
  k->alloc = a;
  /* the report zeroed with k, but for its callbacks (no copy of its
   * tables through the stack) */
  k->report.event = event;
  k->report.event_ud = eud;
  k->report.warn = warn;
  k->report.warn_ud = warnud;
  k->write = w;
  k->write_ud = wud;
  k->cfg = kempt__config_clone(cfg);
  k->timing = k->cfg && kempt__opt_flag(k->cfg, "timing");
  *err = k->cfg ? open_chain(k) : KEMPT_ERR_NOMEM;
  if (*err == KEMPT_OK)
    *err = open_frame(k);
  if (*err != KEMPT_OK) {
    kempt_free(k);
    return NULL;
  }
  return k;
}

void kempt_free(kempt *k) {
  if (!k)
    return;
  if (k->frame_state && k->frame && k->frame->fini)
    k->frame->fini(k->frame_state);
  kempt__free(k->alloc, k->frame_state);
  kempt__gz_free(k->gz);
  for (size_t i = 0; i < k->nchain; i++)
    kempt__stage_close(&k->chain[i]);
  kempt_config_free(k->cfg);
  kempt__free(k->alloc, k);
}

/* ---- running ---- */

static enum kempt_status fail(kempt *k, enum kempt_status s) {
  if (s != KEMPT_OK && k->error == KEMPT_OK) {
    k->error = s;
    k->errpos = k->pos;
  }
  return s;
}

/* Start and stop the clock of a timed handle around a call of the API:
 * outside the chain's stages, the framing's account runs. */
static void clock_start(kempt *k) {
  if (k->timing) {
    k->cur = k->nchain;
    k->span_ns0 = now_ns();
    k->mark = k->span_t0 = now_ticks();
  }
}

static void clock_stop(kempt *k) {
  if (k->timing) {
    clock_switch(k, k->nchain);
    k->span_ticks += k->mark > k->span_t0 ? k->mark - k->span_t0 : 0;
    uint64_t t = now_ns();
    k->span_ns += t > k->span_ns0 ? t - k->span_ns0 : 0;
  }
}

enum kempt_status kempt_feed(kempt *k, const void *data, size_t len) {
  if (!k)
    return KEMPT_ERR_USAGE;
  if (k->error)
    return k->error;
  if (!len)
    return KEMPT_OK;
  k->counters.bytes_in += len;
  clock_start(k);
  enum kempt_status s = kempt__gz_feed(k->gz, data, len);
  clock_stop(k);
  k->pos += len;
  return fail(k, s);
}

enum kempt_status kempt_finish(kempt *k) {
  if (!k)
    return KEMPT_ERR_USAGE;
  if (k->error)
    return k->error;
  clock_start(k);
  enum kempt_status s = kempt__gz_finish_input(k->gz);
  if (s == KEMPT_OK)
    s = k->frame->finish(k->frame_state);
  if (s == KEMPT_OK)
    s = kempt__gz_finish_output(k->gz);
  clock_stop(k);
  k->pos = 0;
  if (s == KEMPT_OK && k->frame->reset)
    k->frame->reset(k->frame_state);
  return fail(k, s);
}

void kempt_reset(kempt *k) {
  if (!k)
    return;
  for (size_t i = 0; i < k->nchain; i++)
    if (k->chain[i].ops->reset)
      k->chain[i].ops->reset(k->chain[i].state);
  /* The framing starts over as new: nothing of earlier streams (such as
   * the blank line that joins text documents) shows in the next one. */
  if (k->frame->fini)
    k->frame->fini(k->frame_state);
  memset(k->frame_state, 0, k->frame->state_size);
  kempt__gz_reset(k->gz);
  k->error = k->frame->init(k->frame_state, &k->fenv);
  k->pos = 0;
}

uint64_t kempt_errpos(const kempt *k) { return k ? k->errpos : 0; }

void kempt_get_counters(const kempt *k, struct kempt_counters *out) {
  *out = k->counters;
  out->warnings = k->report.warnings;
}

uint64_t kempt_stage_changes(const kempt *k, const char *name) {
  uint64_t n = 0;
  for (size_t i = 0; i < k->report.nrules; i++)
    if (strcmp(k->report.rules[i].stage, name) == 0)
      n += k->report.rules[i].count;
  return n;
}

int kempt_rule_count(const kempt *k, size_t i, const char **stage,
                     const char **rule, uint64_t *count) {
  if (i >= k->report.nrules)
    return 0;
  *stage = k->report.rules[i].stage;
  *rule = k->report.rules[i].rule;
  *count = k->report.rules[i].count;
  return 1;
}

int kempt_stage_time(const kempt *k, size_t i, const char **name,
                     uint64_t *ns) {
  if (!k || !k->timing || i > k->nchain)
    return 0;
  *name = i < k->nchain ? k->chain[i].ops->info.name : "framing";
  /* ticks to nanoseconds; the accounts add up to at most span_ns */
  uint64_t t = k->ns[i];
  if (k->span_ticks == 0)
    *ns = 0;
  else if (t >= k->span_ticks)
    *ns = k->span_ns;
  else
    *ns = (uint64_t)((long double)t * (long double)k->span_ns /
                     (long double)k->span_ticks);
  return 1;
}
