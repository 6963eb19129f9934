/* report.c - explain events, warnings and per-rule counters.
 *
 * Copyright (c) 2026 the kempt developers. MIT licence, see COPYING.
 */
#include "internal.h"

#include <stdarg.h>
#include <stdio.h>

/* Count one change of (stage, rule). Rules are static strings, so equal
 * pointers mean equal rules, found at once through a hash of the two
 * addresses; the first time, strcmp catches equal text at two addresses. */
static void count_rule(struct kempt_report *r, const char *stage,
                       const char *rule) {
  uint64_t h = ((uint64_t)(uintptr_t)rule * 0x9E3779B97F4A7C15u) ^
               ((uint64_t)(uintptr_t)stage * 0xC2B2AE3D27D4EB4Fu);
  size_t mask = KEMPT__RULE_SLOTS - 1, j = (size_t)(h >> 40) & mask;
  for (; r->slots[j]; j = (j + 1) & mask) {
    struct kempt_rule_count *rc = &r->rules[r->slots[j] - 1];
    if (rc->rule == rule && rc->stage == stage) {
      rc->count++;
      return;
    }
  }
  /* j is a free slot: this pair of addresses is new */
  size_t i = 0;
  for (; i < r->nrules; i++) {
    struct kempt_rule_count *rc = &r->rules[i];
    if (strcmp(rc->rule, rule) == 0 && strcmp(rc->stage, stage) == 0)
      break;
  }
  if (i == r->nrules) {
    if (r->nrules == KEMPT__MAX_RULES)
      return;
    r->rules[i].stage = stage;
    r->rules[i].rule = rule;
    r->rules[i].count = 0;
    r->nrules++;
  }
  r->rules[i].count++;
  /* an alias (equal text at another address) is looked up by its text
   * each time: the table holds only the first address of each pair */
  if (r->rules[i].rule == rule && r->rules[i].stage == stage)
    r->slots[j] = (uint16_t)(i + 1);
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
