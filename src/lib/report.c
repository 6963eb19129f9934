/* report.c - explain events, warnings and per-rule counters.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "internal.h"

#include <stdarg.h>
#include <stdio.h>

/* Count one change of (stage, rule). Rules are static strings, so equal
 * pointers mean equal rules; strcmp catches equal text at two addresses. */
static void count_rule(struct kempt_report *r, const char *stage,
                       const char *rule) {
  for (size_t i = 0; i < r->nrules; i++) {
    struct kempt_rule_count *rc = &r->rules[i];
    if ((rc->rule == rule || strcmp(rc->rule, rule) == 0) &&
        (rc->stage == stage || strcmp(rc->stage, stage) == 0)) {
      rc->count++;
      return;
    }
  }
  if (r->nrules < KEMPT__MAX_RULES) {
    struct kempt_rule_count *rc = &r->rules[r->nrules++];
    rc->stage = stage;
    rc->rule = rule;
    rc->count = 1;
  }
}

void kempt__change(const struct kempt_env *env, const char *rule,
                   uint64_t offset, const char *before, size_t blen,
                   const char *after, size_t alen) {
  struct kempt_report *r = env->report;
  count_rule(r, env->stage, rule);
  if (!r->event)
    return;
  struct kempt_event ev = {env->stage, rule,   r->document, offset,
                           before,     blen,   after,       alen};
  r->event(r->event_ud, &ev);
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
