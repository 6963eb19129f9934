/* report.c - explain events, warnings and per-rule counters.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "internal.h"

#include <stdarg.h>
#include <stdio.h>

/* FNV-1a over the stage's name, a 0 byte, and the rule's name. */
static size_t text_hash(const char *stage, const char *rule) {
  uint64_t h = 0xcbf29ce484222325u;
  for (const char *p = stage; *p; p++)
    h = (h ^ (unsigned char)*p) * 0x100000001b3u;
  h *= 0x100000001b3u;
  for (const char *p = rule; *p; p++)
    h = (h ^ (unsigned char)*p) * 0x100000001b3u;
  return (size_t)(h ^ (h >> 29));
}

#if defined(__GNUC__) || defined(__clang__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

/* count_rule of a pair of addresses not seen yet (j: the free address
 * slot where its probe ended). */
static NOINLINE void count_new(struct kempt_report *r, const char *stage,
                               const char *rule, size_t j) {
  size_t mask_t = KEMPT__RULE_SLOTS - 1, t = text_hash(stage, rule) & mask_t;
  size_t i = r->nrules;
  for (; r->tslots[t]; t = (t + 1) & mask_t) {
    struct kempt_rule_count *rc = &r->rules[r->tslots[t] - 1];
    if (strcmp(rc->rule, rule) == 0 && strcmp(rc->stage, stage) == 0) {
      i = (size_t)(r->tslots[t] - 1);
      break;
    }
  }
  if (i == r->nrules) {
    if (r->nrules == KEMPT__MAX_RULES)
      return;
    r->rules[i].stage = stage;
    r->rules[i].rule = rule;
    r->rules[i].count = 0;
    r->nrules++;
    r->tslots[t] = (uint16_t)(i + 1);
  }
  r->rules[i].count++;
  if (2 * (r->naddrs + 1) <= KEMPT__RULE_SLOTS) {
    r->slots[j].stage = stage;
    r->slots[j].rule = rule;
    r->slots[j].index = (uint16_t)(i + 1);
    r->naddrs++;
  }
}

/* Count one change of (stage, rule). Rules are static strings, so equal
 * pointers mean equal rules, found at once through a hash of the two
 * addresses; a new pair of addresses is looked up by its text (the same
 * name at another address) and then gets an address slot of its own while
 * at most half of those slots are taken (so that probing always ends). */
static inline void count_rule(struct kempt_report *r, const char *stage,
                              const char *rule) {
  uint64_t h = ((uint64_t)(uintptr_t)rule * 0x9E3779B97F4A7C15u) ^
               ((uint64_t)(uintptr_t)stage * 0xC2B2AE3D27D4EB4Fu);
  size_t mask = KEMPT__RULE_SLOTS - 1, j = (size_t)(h >> 40) & mask;
  for (; r->slots[j].index; j = (j + 1) & mask) {
    if (r->slots[j].rule == rule && r->slots[j].stage == stage) {
      r->rules[r->slots[j].index - 1].count++;
      return;
    }
  }
  /* j is a free slot: this pair of addresses is new; find the pair by its
   * text (another address may hold the same name) */
  count_new(r, stage, rule, j);
}

/* kempt__change with an event callback: the count, then the event. Its
 * arguments are kempt__change's, left as they are (noipa), so that the
 * call is a jump and kempt__change's own path needs no stack frame. */
#if defined(__GNUC__) && !defined(__clang__)
#define SAME_ARGS __attribute__((noinline, noipa))
#else
#define SAME_ARGS NOINLINE
#endif
static SAME_ARGS void change_event(const struct kempt_env *env,
                                  const char *rule, uint64_t offset,
                                  const char *before, size_t blen,
                                  const char *after, size_t alen) {
  struct kempt_report *r = env->report;
  count_rule(r, env->stage, rule);
  struct kempt_event ev = {env->stage, rule,   r->document, offset,
                           before,     blen,   after,       alen};
  r->event(r->event_ud, &ev);
}

void kempt__change(const struct kempt_env *env, const char *rule,
                   uint64_t offset, const char *before, size_t blen,
                   const char *after, size_t alen) {
  struct kempt_report *r = env->report;
  if (r->event) {
    change_event(env, rule, offset, before, blen, after, alen);
    return;
  }
  count_rule(r, env->stage, rule); /* (most calls: only the count) */
}

void kempt__warn(struct kempt_report *r, const char *fmt, ...) {
  r->warnings++;
  if (!r->warn)
    return;
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  r->warn(r->warn_ud, msg);
}
